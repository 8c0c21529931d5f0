"""Worksheets print to PDF with real Chromium (`literasi cetak --pdf`).

Skipped only when Debian's Chromium (/usr/bin/chromium) is not installed.
"""

from __future__ import annotations

import re
import shutil
from pathlib import Path

import pytest

from literasi.layanan import cetak

REPO = Path(__file__).resolve().parents[2]
LESSONS = REPO / "lessons"
CHROMIUM = "/usr/bin/chromium"
LEMBAR_KERJA = [p for p in cetak.daftar_markdown(LESSONS) if p.name.endswith("_lembar_kerja.md")]


def test_lembar_kerja_jadi_pdf(tmp_path):
    if not Path(CHROMIUM).is_file():
        pytest.skip(f"{CHROMIUM} is not installed: cannot print to PDF")
    assert LEMBAR_KERJA, "lessons/ has no worksheet (*_lembar_kerja.md)"

    # Only the worksheets (the guides take the same path): a lessons/ copy holding just them.
    sumber = tmp_path / "lessons"
    for md in LEMBAR_KERJA:
        salinan = sumber / md.relative_to(LESSONS)
        salinan.parent.mkdir(parents=True, exist_ok=True)
        shutil.copy(md, salinan)

    dibuat = cetak.bangun_semua(sumber, tmp_path / "keluar", pdf=True)

    pdf = sorted(p for p in dibuat if p.suffix == ".pdf")
    assert sorted(p.with_suffix(".md").name for p in pdf) == sorted(md.name for md in LEMBAR_KERJA)
    for berkas in pdf:
        isi = berkas.read_bytes()
        assert isi.startswith(b"%PDF-"), berkas.name
        halaman = len(re.findall(rb"/Type\s*/Page\b", isi))
        assert halaman >= 1, f"{berkas.name}: no page"
        kotak = re.findall(rb"/MediaBox\s*\[\s*0 0 ([\d.]+) ([\d.]+)\s*\]", isi)
        assert kotak, f"{berkas.name}: no /MediaBox"
        for lebar, tinggi in kotak:
            # A4 = 210 x 297 mm = 595.3 x 841.9 pt
            assert abs(float(lebar) - 595.3) < 1 and abs(float(tinggi) - 841.9) < 1, berkas.name
