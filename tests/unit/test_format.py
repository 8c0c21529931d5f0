"""literasi.format and literasi.tabel: numbers and tables written the Indonesian way."""

from __future__ import annotations

import math

import pandas as pd
import pytest

from literasi.format import format_angka, format_bertanda, format_persen, format_rupiah
from literasi.tabel import tabel_html


@pytest.mark.parametrize(
    ("nilai", "desimal", "teks"),
    [
        (0, 0, "0"),
        (7, 0, "7"),
        (999, 0, "999"),
        (1234, 0, "1.234"),
        (318221, 0, "318.221"),
        (38430645, 0, "38.430.645"),
        (1234.5, 1, "1.234,5"),
        (1234.5, 2, "1.234,50"),
        (0.5, 1, "0,5"),
        (0.05, 2, "0,05"),
        (46.076, 3, "46,076"),
        (6906.4509, 1, "6.906,5"),
        (-1234.5, 1, "-1.234,5"),
        (12.75, 0, "13"),
    ],
)
def test_format_angka(nilai, desimal, teks):
    assert format_angka(nilai, desimal) == teks


@pytest.mark.parametrize("kosong", [None, float("nan"), math.nan])
def test_format_angka_kosong(kosong):
    assert format_angka(kosong) == "–"


def test_format_angka_pandas_nullable_int():
    """Values from the loader are Int64/Float64 scalars, not plain int/float."""
    s = pd.Series([318221], dtype="Int64")
    assert format_angka(s.iloc[0]) == "318.221"
    f = pd.Series([46.076], dtype="Float64")
    assert format_angka(f.iloc[0], 3) == "46,076"


@pytest.mark.parametrize(
    ("nilai", "desimal", "teks"),
    [(12.34, 1, "12,3%"), (0.828, 2, "0,83%"), (100, 0, "100%"), (50, 1, "50,0%"), (None, 1, "–")],
)
def test_format_persen(nilai, desimal, teks):
    assert format_persen(nilai, desimal) == teks


@pytest.mark.parametrize(
    ("nilai", "teks"),
    [
        (1_500_000, "Rp 1.500.000"),
        (0, "Rp 0"),
        (999.6, "Rp 1.000"),
        (2500.4, "Rp 2.500"),
        (None, "–"),
    ],
)
def test_format_rupiah(nilai, teks):
    assert format_rupiah(nilai) == teks


@pytest.mark.parametrize(
    ("nilai", "desimal", "plus", "teks"),
    [
        (-0.62, 2, False, "−0,62"),  # a real minus sign, not a hyphen
        (0.36, 2, True, "+0,36"),
        (0.36, 2, False, "0,36"),
        (0.004, 2, True, "0,00"),  # rounds to zero: no sign
        (-1234.5, 1, True, "−1.234,5"),
    ],
)
def test_format_bertanda(nilai, desimal, plus, teks):
    assert format_bertanda(nilai, desimal, plus) == teks



def _contoh() -> pd.DataFrame:
    return pd.DataFrame(
        {
            "nama": ["Kota <Pekalongan> & co", "Jawa Tengah"],
            "penduduk": pd.array([318221, 1234], dtype="Int64"),
            "luas": [1234.5, 46.076],
            "biasa": [5, 1234567],
        }
    )


def test_tabel_html_angka_indonesia_dan_escape():
    html = tabel_html(_contoh(), "Judul <uji>").data
    assert "<caption>Judul &lt;uji&gt;</caption>" in html
    assert "<td>Kota &lt;Pekalongan&gt; &amp; co</td>" in html
    assert "<Pekalongan>" not in html and "<uji>" not in html
    assert ">318.221</td>" in html and ">1.234</td>" in html  # nullable Int64
    assert ">1.234.567</td>" in html and ">5</td>" in html  # plain int64
    assert ">1.234,5</td>" in html and ">46,1</td>" in html  # floats, 1 decimal
    assert "318221" not in html and "1234.5" not in html
    assert html.count("<tr>") == 3  # header + 2 rows


def test_tabel_html_kolom_pilihan_dan_desimal():
    html = tabel_html(_contoh(), "T", kolom={"luas": "Luas (km²)", "nama": "Nama"}, desimal=3).data
    assert "<th scope='col'>Luas (km²)</th><th scope='col'>Nama</th>" in html
    assert ">46,076</td>" in html and ">1.234,500</td>" in html
    assert "318.221" not in html  # unselected column left out
    assert "overflow-x:auto" in html  # scrolls sideways on a phone
