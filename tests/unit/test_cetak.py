"""Printable guides and worksheets (literasi.layanan.cetak): one A4 HTML page per lessons/*.md.

The PDF build with real Chromium is in test_cetak_pdf.py.
"""

from __future__ import annotations

import html
import re
from pathlib import Path

import pytest

from literasi.layanan import cetak

REPO = Path(__file__).resolve().parents[2]
LESSONS = REPO / "lessons"
SEMUA_MD = cetak.daftar_markdown(LESSONS)


@pytest.fixture(scope="module")
def hasil_html(tmp_path_factory) -> dict[Path, str]:
    """Build every guide and worksheet once; {markdown file: its HTML}."""
    keluar = tmp_path_factory.mktemp("cetak")
    dibuat = cetak.bangun_semua(LESSONS, keluar, pdf=False)
    assert all(p.suffix == ".html" for p in dibuat)
    return {
        md: (keluar / md.relative_to(LESSONS).with_suffix(".html")).read_text(encoding="utf-8")
        for md in SEMUA_MD
    }


def test_satu_html_per_markdown_tanpa_readme(tmp_path):
    dibuat = cetak.bangun_semua(LESSONS, tmp_path, pdf=False)
    diharapkan = {
        p.relative_to(LESSONS).with_suffix(".html")
        for p in LESSONS.rglob("*.md")
        if p.name != "README.md" and "_cetak" not in p.parts
    }
    assert diharapkan, "lessons/ has no guide or worksheet"
    assert {p.relative_to(tmp_path) for p in dibuat} == diharapkan
    assert not list(tmp_path.rglob("README.html"))
    assert any(p.name.endswith("_lembar_kerja.html") for p in dibuat)


@pytest.mark.parametrize("md", SEMUA_MD, ids=lambda p: p.relative_to(LESSONS).as_posix())
def test_halaman_cetak(md, hasil_html):
    teks_md = md.read_text(encoding="utf-8")
    halaman = hasil_html[md]
    assert halaman.startswith("<!DOCTYPE html>")
    assert '<html lang="id">' in halaman
    assert "size: A4" in halaman and "margin: 15mm" in halaman

    judul = next(b[2:].strip() for b in teks_md.splitlines() if b.startswith("# "))
    assert re.search(r"<title>(.*?)</title>", halaman).group(1) == html.escape(judul)
    assert f"Kit Literasi Statistik Kota Pekalongan — {md.relative_to(REPO).as_posix()}" in halaman

    punya_tabel = re.search(r"^\|.*\|\s*\n\|[\s:|-]+\|\s*$", teks_md, re.MULTILINE)
    assert ("<table>" in halaman) == bool(punya_tabel)

    # Offline schools: nothing is fetched from the internet.
    for tag in re.findall(r"<(?:link|script|img|iframe)\b[^>]*>", halaman):
        assert "http://" not in tag and "https://" not in tag, tag
    assert "@import" not in halaman and "url(" not in halaman
    # Authoring markers such as <!-- kunci-jawaban:mulai --> are not printed, not even escaped.
    assert "&lt;!--" not in halaman


def test_lembar_kerja_punya_ruang_jawaban(hasil_html):
    for md, halaman in hasil_html.items():
        if md.name.endswith("_lembar_kerja.md") and re.search(r"\.{8,}|_{5,}", md.read_text()):
            assert 'class="garis-jawab"' in halaman or 'class="isian"' in halaman, md.name


def test_html_mentah_ditampilkan_sebagai_teks(tmp_path):
    """Raw HTML in a lesson is shown, not run: a guide cannot inject scripts or remote styles."""
    md = tmp_path / "lessons" / "contoh.md"
    md.parent.mkdir()
    md.write_text(
        "# Judul <uji> & coba\n\n"
        "<script>alert(1)</script>\n\n"
        'Teks dengan <b onclick="x()">tebal</b>.\n\n'
        "<!-- kunci-jawaban:mulai -->\n\n"
        "| Ukuran | Nilai |\n|---|---|\n| Luas | |\n\n"
        "Jawab: ...............\n\n"
        "..............................\n",
        encoding="utf-8",
    )
    halaman = cetak.bangun_html(md)
    assert "<script>" not in halaman and "&lt;script&gt;" in halaman
    assert "<b onclick" not in halaman
    assert "kunci-jawaban" not in halaman
    assert "<title>Judul &lt;uji&gt; &amp; coba</title>" in halaman
    assert "Kit Literasi Statistik Kota Pekalongan — lessons/contoh.md" in halaman
    assert "<table>" in halaman and "<td></td>" in halaman  # empty answer cell kept
    assert '<p class="isian">Jawab: ...............</p>' in halaman
    assert '<div class="garis-jawab"></div>' in halaman


def test_main_menulis_ringkasan(tmp_path, capsys):
    assert cetak.main(["--keluar", str(tmp_path)]) == 0
    keluaran = capsys.readouterr().out
    assert f"{len(SEMUA_MD)} berkas HTML di " in keluaran
    assert len(list(tmp_path.rglob("*.html"))) == len(SEMUA_MD)


def test_tanpa_chromium_pesan_jelas(tmp_path, monkeypatch, capsys):
    monkeypatch.setattr(cetak.shutil, "which", lambda _nama: None)
    monkeypatch.setattr(cetak, "CHROMIUM_DEBIAN", str(tmp_path / "tidak-ada"))
    with pytest.raises(RuntimeError, match="Chromium tidak ditemukan"):
        cetak.bangun_semua(LESSONS, tmp_path / "keluar", pdf=True)
    assert not (tmp_path / "keluar").exists()  # fails before writing anything
    assert cetak.main(["--keluar", str(tmp_path / "keluar"), "--pdf"]) == 1
    assert "sudo apt-get install chromium" in capsys.readouterr().err
