"""Teacher guides in lessons/: one per app notebook, with the notebook's objectives and the
answer key the app itself checks. Plain pytest, no kernel."""

from __future__ import annotations

import json
import re
from pathlib import Path

import pytest

REPO = Path(__file__).resolve().parents[2]
NOTEBOOKS = REPO / "notebooks"
LESSONS = REPO / "lessons"
AUDIENS = ("siswa", "guru", "kelurahan")
PENANDA_TUJUAN_NOTEBOOK = "**Kamu akan bisa:**"
PENANDA_TUJUAN_ANDA = "**Anda akan bisa:**"  # teacher and kelurahan apps speak to adults
JUDUL_TUJUAN_PANDUAN = "## Tujuan pembelajaran"
KUNCI_MULAI = "<!-- kunci-jawaban:mulai -->"
KUNCI_AKHIR = "<!-- kunci-jawaban:akhir -->"
_BUTIR = re.compile(r"^\s*\d+\.\s+(.*)$")


def notebook_aplikasi() -> list[Path]:
    return sorted(
        p
        for audiens in AUDIENS
        for p in (NOTEBOOKS / audiens).glob("*.ipynb")
        if ".ipynb_checkpoints" not in p.parts
    )


def panduan_untuk(notebook: Path) -> Path:
    return LESSONS / notebook.relative_to(NOTEBOOKS).with_suffix(".md")


def _rapikan(teks: str) -> str:
    return " ".join(teks.split())


def daftar_bernomor_setelah(teks: str, penanda: str) -> list[str]:
    """The numbered list (1. … 2. …) that follows the first line starting with `penanda`.

    Blank lines and plain sentences between the marker and the list are skipped; an indented
    line continues the item above; the list ends at the first other line after it started.
    """
    baris = teks.splitlines()
    awal = next((i for i, b in enumerate(baris) if b.strip().startswith(penanda)), None)
    if awal is None:
        return []
    butir: list[str] = []
    for b in baris[awal + 1 :]:
        cocok = _BUTIR.match(b)
        if cocok:
            butir.append(cocok.group(1))
        elif butir and b.strip() and b[:1].isspace():
            butir[-1] += " " + b.strip()
        elif butir:
            break
        elif b.lstrip().startswith("#"):
            break  # next section, no list found
    return [_rapikan(x) for x in butir]


def teks_markdown_notebook(notebook: Path) -> str:
    nb = json.loads(notebook.read_text(encoding="utf-8"))
    return "\n\n".join(
        "".join(sel["source"]) for sel in nb["cells"] if sel["cell_type"] == "markdown"
    )


def teks_di_antara(teks: str, mulai: str, akhir: str) -> str:
    assert teks.count(mulai) == 1, f"penanda {mulai!r} harus ada tepat satu kali"
    assert teks.count(akhir) == 1, f"penanda {akhir!r} harus ada tepat satu kali"
    isi = teks.split(mulai, 1)[1]
    assert akhir in isi, f"{akhir!r} harus sesudah {mulai!r}"
    return isi.split(akhir, 1)[0]


NOTEBOOK = notebook_aplikasi()
ID = [p.relative_to(NOTEBOOKS).as_posix() for p in NOTEBOOK]


def test_ada_notebook_aplikasi():
    # Without this the parametrised tests below could pass by finding nothing.
    assert NOTEBOOK, f"tidak ada notebook di {NOTEBOOKS}/{{{','.join(AUDIENS)}}}"


@pytest.mark.parametrize("notebook", NOTEBOOK, ids=ID)
def test_setiap_notebook_punya_panduan(notebook: Path):
    panduan = panduan_untuk(notebook)
    assert panduan.is_file(), (
        f"{notebook.relative_to(REPO)} belum punya panduan guru: buat {panduan.relative_to(REPO)}"
    )


@pytest.mark.parametrize("notebook", NOTEBOOK, ids=ID)
def test_tujuan_panduan_sama_dengan_notebook(notebook: Path):
    panduan = panduan_untuk(notebook)
    if not panduan.is_file():
        pytest.fail(f"panduan {panduan.relative_to(REPO)} tidak ada")
    audiens = json.loads(notebook.read_text(encoding="utf-8"))["metadata"]["literasi"]["audiens"]
    penanda = PENANDA_TUJUAN_NOTEBOOK if audiens == "siswa" else PENANDA_TUJUAN_ANDA
    tujuan_nb = daftar_bernomor_setelah(teks_markdown_notebook(notebook), penanda)
    tujuan_panduan = daftar_bernomor_setelah(
        panduan.read_text(encoding="utf-8"), JUDUL_TUJUAN_PANDUAN
    )
    assert tujuan_nb, f"{notebook.name}: daftar '{penanda}' tidak ditemukan"
    assert tujuan_panduan == tujuan_nb


def test_pengurai_daftar_berhenti_di_akhir_daftar():
    teks = (
        "## Tujuan pembelajaran\n\nSiswa akan bisa:\n\n1. satu;\n   lanjut\n2. dua.\n\n3. bukan\n"
    )
    assert daftar_bernomor_setelah(teks, JUDUL_TUJUAN_PANDUAN) == ["satu; lanjut", "dua."]
    assert daftar_bernomor_setelah("## Tujuan pembelajaran\n\n## Lain\n1. x\n", "## Tujuan") == []


@pytest.mark.parametrize("notebook", notebook_aplikasi(), ids=lambda p: p.name)
def test_kunci_jawaban_sama_dengan_aplikasi(notebook: Path):
    from literasi.aplikasi import soal_notebook
    from literasi.soal import kunci_jawaban

    segar = kunci_jawaban(soal_notebook(notebook))
    tertulis = teks_di_antara(
        panduan_untuk(notebook).read_text(encoding="utf-8"), KUNCI_MULAI, KUNCI_AKHIR
    )
    assert tertulis.strip() == segar.strip(), (
        "kunci jawaban di panduan tidak sama dengan aplikasi: tempel ulang keluaran "
        f"`literasi kunci {notebook.relative_to(notebook.parents[2]).as_posix()}`"
    )
