"""The landing page (literasi.layanan.beranda) and the QR codes (literasi.layanan.qr)."""

from __future__ import annotations

import json
import re
from pathlib import Path

import pytest

from literasi.layanan.beranda import (
    AUDIENS,
    Aplikasi,
    Beranda,
    html_beranda,
    judul_notebook,
    katalog,
)
from literasi.layanan.qr import qr_svg, qr_teks

REPO = Path(__file__).resolve().parents[2]
NOTEBOOKS = REPO / "notebooks"


def _notebook_aplikasi() -> list[Path]:
    return sorted(p for p in NOTEBOOKS.glob("*/*.ipynb") if ".ipynb_checkpoints" not in p.parts)


def _judul_pertama(path: Path) -> str:
    nb = json.loads(path.read_text(encoding="utf-8"))
    for sel in nb["cells"]:
        if sel["cell_type"] == "markdown":
            for baris in "".join(sel["source"]).splitlines():
                if baris.startswith("# "):
                    return baris[2:].strip()
    return ""


def test_ada_notebook_aplikasi():
    assert (NOTEBOOKS / "index.ipynb").is_file()
    assert _notebook_aplikasi(), "no app notebook under notebooks/*/"


def test_katalog_mendaftar_setiap_notebook():
    daftar = katalog(NOTEBOOKS)
    harapan = [p.relative_to(NOTEBOOKS).as_posix() for p in _notebook_aplikasi()]
    assert [a.path for a in daftar] == harapan
    assert "index.ipynb" not in {a.path for a in daftar}


def test_katalog_dari_akar_repo_relatif(monkeypatch):
    monkeypatch.chdir(REPO)
    assert [a.path for a in katalog("notebooks")] == [a.path for a in katalog(NOTEBOOKS)]


@pytest.mark.parametrize("path", _notebook_aplikasi(), ids=lambda p: p.name)
def test_judul_dan_audiens_setiap_notebook(path):
    rel = path.relative_to(NOTEBOOKS).as_posix()
    app = next(a for a in katalog(NOTEBOOKS) if a.path == rel)
    judul = _judul_pertama(path)
    assert judul, f"{rel}: no '# ' heading"
    assert app.judul == judul
    meta = json.loads(path.read_text(encoding="utf-8"))["metadata"].get("literasi", {})
    # read the notebook itself: katalog() falls back to "siswa" when the key is missing
    assert meta.get("audiens") in {"siswa", "guru", "kelurahan"}, rel
    assert app.audiens == meta["audiens"]
    assert set(AUDIENS) == {"siswa", "guru", "kelurahan"}


def test_judul_notebook_heading_pertama_saja():
    nb = {
        "cells": [
            {"cell_type": "code", "source": "# bukan judul"},
            {"cell_type": "markdown", "source": ["Pengantar\n", "## Sub\n"]},
            {"cell_type": "markdown", "source": ["# Judul Asli\n", "# Kedua"]},
        ]
    }
    assert judul_notebook(nb) == "Judul Asli"
    assert judul_notebook({"cells": []}) == ""


def _app(judul: str, audiens: str, path: str = "siswa/a.ipynb") -> Aplikasi:
    return Aplikasi(
        path=path, judul=judul, ringkasan=f"Ringkasan {judul}", audiens=audiens, menit=20
    )


def test_html_beranda_escape_judul():
    jahat = _app("<script>alert('x')</script>", "siswa", "siswa/x'><b>.ipynb")
    html = html_beranda([jahat])
    assert "<script>" not in html and "&lt;script&gt;" in html
    assert "<b>" not in html
    assert "Ringkasan &lt;script&gt;" in html


def test_html_beranda_dikelompokkan_per_audiens():
    daftar = [
        _app("Guru Satu", "guru", "guru/1.ipynb"),
        _app("Siswa Satu", "siswa", "siswa/1.ipynb"),
        _app("Kelurahan Satu", "kelurahan", "kelurahan/1.ipynb"),
        _app("Siswa Dua", "siswa", "siswa/2.ipynb"),
    ]
    html = html_beranda(daftar)
    bagian = re.findall(r"<section aria-labelledby='judul-(\w+)'>(.*?)</section>", html)
    assert [k for k, _ in bagian] == ["siswa", "guru", "kelurahan"]  # AUDIENS order
    isi = dict(bagian)
    assert "Siswa Satu" in isi["siswa"] and "Siswa Dua" in isi["siswa"]
    assert "Guru Satu" in isi["guru"] and "Siswa" not in isi["guru"]
    assert "Kelurahan Satu" in isi["kelurahan"]
    for kode, judul in AUDIENS.items():
        assert f"<h2 id='judul-{kode}'>{judul}</h2>" in html
    assert "href='siswa/2.ipynb'" in html and "± 20 menit" in html


def test_html_beranda_tanpa_bagian_kosong():
    html = html_beranda([_app("Hanya Siswa", "siswa")])
    assert "judul-siswa" in html and "judul-guru" not in html and "judul-kelurahan" not in html


def test_qr_hanya_jika_ada_alamat():
    daftar = [_app("A", "siswa")]
    assert "<svg" not in html_beranda(daftar)
    assert "<svg" not in html_beranda(daftar, None)
    alamat = "http://192.168.1.20:8866/"
    html = html_beranda(daftar, alamat)
    m = re.search(r'<svg role="img" aria-label="([^"]*)"', html)
    assert m and alamat in m.group(1)
    assert f"<b>{alamat}</b>" in html
    assert html.index("<svg") < html.index("judul-siswa")  # QR first, for the projector


def test_beranda_alamat_dari_lingkungan(monkeypatch):
    monkeypatch.setenv("LITERASI_ALAMAT", "http://10.0.0.5:8866/")
    assert "<svg" in Beranda(NOTEBOOKS)._repr_html_()
    monkeypatch.delenv("LITERASI_ALAMAT")
    html = Beranda(NOTEBOOKS)._repr_html_()
    assert "<svg" not in html
    for app in katalog(NOTEBOOKS):
        assert f"href='{app.path}'" in html


def test_qr_svg():
    alamat = "http://192.168.1.20:8866/"
    svg = qr_svg(alamat, ukuran_px=200)
    assert svg.lstrip().startswith("<svg") or svg.lstrip().startswith("<?xml")
    m = re.search(r'<svg role="img" aria-label="([^"]*)" width="200" height="200"', svg)
    assert m and alamat in m.group(1)
    assert "<path" in svg and svg.rstrip().endswith("</svg>")


def test_qr_svg_escape_alamat():
    svg = qr_svg('http://x/"><script>')
    assert "<script>" not in svg and "&quot;" in svg


def test_qr_teks():
    teks = qr_teks("http://192.168.1.20:8866/")
    baris = teks.splitlines()
    assert len(baris) >= 10
    assert any(c in teks for c in "█▀▄")
    assert len({len(b) for b in baris if b}) == 1  # a square block, every line the same width


def test_halaman_statis_sama_dengan_notebook_beranda(tmp_path):
    """`literasi serve` writes the landing page without a kernel: the notebook's Markdown
    and the same cards and QR code as Beranda() shows in the notebook."""
    from literasi.layanan.beranda import halaman_statis

    alamat = "http://192.168.1.5:8866/"
    html = halaman_statis(NOTEBOOKS, alamat)
    assert (
        html.startswith('<!DOCTYPE html><html lang="id">') and "<main id='rendered_cells'>" in html
    )
    assert "<h1>Kit Literasi Statistik Kota Pekalongan</h1>" in html
    assert "<em>BPS Goes to School</em>" in html  # the footer cell, as Markdown
    assert html_beranda(katalog(NOTEBOOKS), alamat) in html
    assert "Beranda()" not in html and "import" not in html.split("<main", 1)[1]
    # A landing page whose code cell is not the known one is refused, never half-shown.
    nb = json.loads((NOTEBOOKS / "index.ipynb").read_text(encoding="utf-8"))
    nb["cells"][1]["source"] = "print('lain')"
    (tmp_path / "index.ipynb").write_text(json.dumps(nb), encoding="utf-8")
    with pytest.raises(ValueError, match="sel kode tak dikenal"):
        halaman_statis(tmp_path)
