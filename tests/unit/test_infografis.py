"""Infographic posters: real PNGs of the promised sizes, with a download link."""

from __future__ import annotations

import base64
import io
from datetime import date

import pytest
from matplotlib.image import imread

from literasi.grafik import gambar_baru
from literasi.infografis import (
    UKURAN_POSTER,
    IsiPoster,
    TombolInfografis,
    buat_poster,
    tanggal_indonesia,
)
from literasi.unduh import tautan_unduh


def isi() -> IsiPoster:
    fig = gambar_baru(5, 4)
    fig.add_subplot().bar(["A", "B"], [3, 5])
    return IsiPoster(
        "Judul poster yang cukup panjang agar terbungkus",
        "Pesan singkat.",
        fig,
        "BPS Kota Pekalongan",
    )


@pytest.mark.parametrize("ukuran", UKURAN_POSTER)
def test_poster_png_berukuran_tepat(ukuran):
    png = buat_poster(isi(), ukuran, hari=date(2026, 11, 29))
    assert png[:8] == b"\x89PNG\r\n\x1a\n"
    tinggi, lebar, _ = imread(io.BytesIO(png)).shape
    assert (lebar, tinggi) == UKURAN_POSTER[ukuran][:2]


def test_tanggal_dan_tautan():
    assert tanggal_indonesia(date(2026, 8, 17)) == "17 Agustus 2026"
    html = tautan_unduh(b"\x89PNG", "poster<x>.png", "image/png", "Unduh")
    assert "download='poster&lt;x&gt;.png'" in html
    assert base64.b64encode(b"\x89PNG").decode() in html


def test_tombol_membuat_tautan_unduh():
    tombol = TombolInfografis(isi, nama="uji")
    assert tombol.tautan.value == ""
    tombol.tombol["a4"].click()
    assert "download='uji_a4.png'" in tombol.tautan.value
    assert "data:image/png;base64," in tombol.tautan.value
