"""The class survey's charts, read on a phone (literasi.kelas.tampilan_survei).

They are drawn only from live answers, so tests/unit/test_grafik_terbaca.py cannot reach them
through the notebooks: here they are drawn from a few answers, the hard case being the first
minutes of a class, with two answers. Before this test the histogram of two equal answers was
one bar as wide as the chart, and "kamu" sat across the y axis when the answer was the
smallest.
"""

from __future__ import annotations

import numpy as np
import pandas as pd
import pytest
from grafik_aplikasi import ukur

from literasi import grafik
from literasi.grafik import LEBAR_PONSEL
from literasi.kelas.kuesioner import ANGKA, KATEGORI
from literasi.kelas.tampilan_survei import grafik_pencar, grafik_posisi, grafik_sebaran

DUA_JAWABAN = {  # (classmate, you): different, equal, you the smallest
    "berbeda": lambda p: (p.batas[0] + 0.6 * (p.batas[1] - p.batas[0]), _khas(p)),
    "sama": lambda p: (_khas(p), _khas(p)),
    "terkecil": lambda p: (_khas(p) + 3, _khas(p)),
}


def _khas(p) -> float:
    """A typical answer, a little above the lowest allowed one."""
    return float(round(p.batas[0] + 0.25 * (p.batas[1] - p.batas[0])))


@pytest.fixture
def gambar(monkeypatch):
    """The figures drawn through literasi.grafik, kept for measuring."""
    daftar = []
    asli = grafik.png_base64

    def simpan(fig):
        hasil = asli(fig)
        daftar.append(fig)
        return hasil

    monkeypatch.setattr(grafik, "png_base64", simpan)
    return daftar


def terbaca(fig, nama: str) -> None:
    u = ukur(fig, nama, LEBAR_PONSEL)
    assert round(u.px_terkecil, 1) >= 11, f"{nama}: {u.terkecil()}"
    assert not u.tumpang and not u.teks_tumpang, f"{nama}: {u.tumpang} {u.teks_tumpang}"
    assert not u.terpotong, f"{nama}: {u.terpotong}"


@pytest.mark.parametrize("kasus", DUA_JAWABAN)
@pytest.mark.parametrize("p", ANGKA, ids=lambda p: p.kunci)
def test_histogram_dua_jawaban(gambar, p, kasus):
    teman, kamu = DUA_JAWABAN[kasus](p)
    grafik_posisi(p, kamu, pd.Series([teman, kamu]), "8A")
    (fig,) = gambar
    ax = fig.axes[0]
    batang = ax.patches
    assert len(batang) >= 5, f"{len(batang)} bins for two answers"
    lebar = {round(b.get_width(), 9) for b in batang}
    assert len(lebar) == 1, "equal bins"
    assert sum(b.get_height() for b in batang) == 2
    if p.jenis == "bulat":
        label = [t.get_text() for t in ax.get_xticklabels() if t.get_text()]
        assert all("," not in t for t in label), f"whole numbers only: {label}"
    (kamu_teks,) = [t for t in ax.texts if t.get_text() == "kamu"]
    k = kamu_teks.get_window_extent()
    sumbu = ax.get_window_extent()
    assert k.x0 > sumbu.x0 + 1 and k.x1 < sumbu.x1, "'kamu' stays inside the plot, off the axis"
    for b in batang:
        assert not k.overlaps(b.get_window_extent()), "'kamu' over a bar"
    terbaca(fig, f"{p.kunci}-{kasus}")


@pytest.mark.parametrize("p", ANGKA + KATEGORI, ids=lambda p: p.kunci)
def test_sebaran_kelas_dan_semua(gambar, p):
    rng = np.random.default_rng(1)
    if p.angka:
        semua = pd.Series(rng.uniform(p.batas[0], (p.batas[0] + p.batas[1]) / 2, 60).round())
    else:
        semua = pd.Series(rng.choice(list(p.pilihan), 60))
    grafik_sebaran(p, semua[:2], semua, "8A")
    terbaca(gambar[0], p.kunci)


def test_pencar(gambar):
    from literasi.kelas.kuesioner import PER_KUNCI

    px, py = PER_KUNCI["tinggi_cm"], PER_KUNCI["rentang_lengan_cm"]
    rng = np.random.default_rng(2)
    tinggi = rng.uniform(140, 180, 40).round()
    tabel = pd.DataFrame(
        {
            "kode_kelas": ["8A"] * 20 + ["8B"] * 20,
            px.kunci: tinggi,
            py.kunci: tinggi + rng.normal(0, 4, 40).round(),
        }
    )
    grafik_pencar(px, py, tabel, "8A")
    terbaca(gambar[0], "pencar")
