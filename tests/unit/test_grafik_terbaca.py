"""Every chart of every app can be read on a 360-px phone, measured, not judged by eye.

Each chart is drawn as the app draws it (tests/unit/grafik_aplikasi.py runs the notebook and
tries every control), then measured from matplotlib's text extents as the phone shows it
(literasi.grafik.LEBAR_PONSEL CSS px wide): no text under 11 CSS px, no two tick labels of an
axis touching, no text cut by the figure's edge, no 250.000 on an axis where people say 250 rb.
Before this test, lesson 00's "Penduduk" axis printed 250.000500.000750.000 run together and its
bar labels were about 6 px high.
"""

from __future__ import annotations

import pytest
from grafik_aplikasi import NOTEBOOKS, grafik_aplikasi, notebook_aplikasi

from literasi.grafik import LEBAR_PONSEL

PX_MIN = 11.0


@pytest.fixture(scope="module", params=notebook_aplikasi())
def grafik(request):
    return request.param, grafik_aplikasi(NOTEBOOKS / request.param, LEBAR_PONSEL)


def test_ada_grafik(grafik):
    notebook, daftar = grafik
    assert daftar, f"{notebook}: no chart drawn"


def test_teks_terkecil_11_px(grafik):
    _, daftar = grafik
    kecil = [
        f"{g.nama}: {g.terkecil().isi!r} {g.px_terkecil:.1f} px"
        for g in daftar
        if round(g.px_terkecil, 1) < PX_MIN
    ]
    assert not kecil, "\n".join(kecil)


def test_label_tick_tidak_bertumpuk(grafik):
    _, daftar = grafik
    tumpang = [f"{g.nama}: {g.tumpang[:3]}" for g in daftar if g.tumpang]
    assert not tumpang, "\n".join(tumpang)


def test_teks_lain_tidak_bertumpuk(grafik):
    _, daftar = grafik
    tumpang = [f"{g.nama}: {g.teks_tumpang[:3]}" for g in daftar if g.teks_tumpang]
    assert not tumpang, "\n".join(tumpang)


def test_teks_tidak_terpotong(grafik):
    _, daftar = grafik
    potong = [f"{g.nama}: {g.terpotong[:3]}" for g in daftar if g.terpotong]
    assert not potong, "\n".join(potong)


def test_angka_besar_seperti_diucapkan(grafik):
    _, daftar = grafik
    panjang = [f"{g.nama}: {g.tick_panjang[:3]}" for g in daftar if g.tick_panjang]
    assert not panjang, "\n".join(panjang)


def test_angka_cara_indonesia(grafik):
    _, daftar = grafik
    inggris = [f"{g.nama}: {g.tick_inggris[:3]}" for g in daftar if g.tick_inggris]
    assert not inggris, "\n".join(inggris)
