"""House style of the notebooks, read from their JSON (no kernel).

Each app: a `# Title`, a "Kamu akan bisa:" list ("Anda akan bisa:" in teacher and kelurahan
apps), metadata for the landing page; no outputs or execution counts (commit them stripped); tags
from a closed list; data only through the loader; `import ipywidgets as ipw`, never `as
widgets`; nothing downloaded.
"""

from __future__ import annotations

import json
import re
from pathlib import Path

import pytest

from literasi.aplikasi import modul_seharusnya

NOTEBOOKS = Path(__file__).resolve().parents[2] / "notebooks"
SEMUA = sorted(p for p in NOTEBOOKS.rglob("*.ipynb") if ".ipynb_checkpoints" not in p.parts)
APLIKASI = [p for p in SEMUA if p.parent != NOTEBOOKS]
# `lipat`: the app folds this section (its heading cell and the cells up to the next
# section) into a <details> (the template's static/tata.js), so a phone reaches the controls.
TAG_DIIZINKAN = {"remove-voila", "raises-exception", "nbval-ignore-output", "nbval-skip", "lipat"}
AUDIENS = {"siswa", "guru", "kelurahan"}


def baca(path: Path) -> dict:
    return json.loads(path.read_text(encoding="utf-8"))


def sumber(sel: dict) -> str:
    return "".join(sel["source"])


def nama(path: Path) -> str:
    return path.relative_to(NOTEBOOKS).as_posix()


def test_ada_notebook():
    assert (NOTEBOOKS / "index.ipynb") in SEMUA
    assert APLIKASI, "no app notebooks found"


@pytest.mark.parametrize("path", SEMUA, ids=nama)
def test_tanpa_keluaran(path):
    for i, sel in enumerate(baca(path)["cells"]):
        if sel["cell_type"] == "code":
            assert sel["outputs"] == [], f"cell {i} has outputs: strip them"
            assert sel["execution_count"] is None, f"cell {i} has an execution count"


@pytest.mark.parametrize("path", SEMUA, ids=nama)
def test_judul_di_sel_pertama(path):
    pertama = baca(path)["cells"][0]
    assert pertama["cell_type"] == "markdown"
    assert sumber(pertama).startswith("# ")


@pytest.mark.parametrize("path", APLIKASI, ids=nama)
def test_tujuan_dan_metadata(path):
    nb = baca(path)
    awal = sumber(nb["cells"][0])
    # Students may be told "kamu"; officials and teachers are addressed as "Anda".
    siswa = nb["metadata"].get("literasi", {}).get("audiens") == "siswa"
    penanda = "**Kamu akan bisa:**" if siswa else "**Anda akan bisa:**"
    assert penanda in awal
    tujuan = re.findall(r"^\d+\. .+", awal.split(penanda)[1], flags=re.M)
    assert 3 <= len(tujuan) <= 5, "3 to 5 objectives"
    assert re.search(r"± \d+ menit", awal), "say how long it takes"
    meta = nb["metadata"].get("literasi", {})
    assert meta.get("audiens") in AUDIENS
    assert meta.get("ringkasan"), "a one-line description for the landing page card"
    # The folder says who it is for; kelas/ holds live classroom tools for students and teacher.
    folder = path.parent.name
    assert folder == meta["audiens"] or folder == "kelas", "folder = audience"
    # One step from the notebook's path to its code (literasi.aplikasi.modul_seharusnya).
    assert meta.get("modul") == modul_seharusnya(path.relative_to(NOTEBOOKS)), "name its module"
    assert re.fullmatch(r"\d\d_[a-z0-9_]+\.ipynb", path.name), "NN_nama_pelajaran.ipynb"


@pytest.mark.parametrize("path", SEMUA, ids=nama)
def test_tag_dari_daftar_tertutup(path):
    for sel in baca(path)["cells"]:
        tags = set(sel.get("metadata", {}).get("tags", []))
        assert tags <= TAG_DIIZINKAN, f"unknown tags {tags - TAG_DIIZINKAN}"


@pytest.mark.parametrize("path", SEMUA, ids=nama)
def test_kode_sesuai_gaya(path):
    for sel in baca(path)["cells"]:
        if sel["cell_type"] != "code":
            continue
        kode = sumber(sel)
        assert "../datasets" not in kode and "datasets/" not in kode, "use load_dataset()"
        assert "import ipywidgets as widgets" not in kode, "write `import ipywidgets as ipw`"
        assert not re.search(r"(pip install|urlopen|requests\.get|wget|curl )", kode), (
            "notebooks never install or download anything"
        )
        assert "read_csv(" not in kode, "data comes through literasi.load_dataset()"
