"""Kuis Kelas's projector charts, read at the kit's chart width (literasi.kelas.kuis_grafik).

Drawn from answers, so tests/unit/test_grafik_terbaca.py cannot reach them through the
notebooks. The hard cases: two bars (the progress chart and a true/false question), whose frame
was once so short that constrained layout gave up (bars squashed, labels touching), and four long
options from a teacher's Excel quiz, which cut the title and ran the axis numbers together.
"""

from __future__ import annotations

import warnings

import pytest
from grafik_aplikasi import ukur

from literasi.grafik import LEBAR_PONSEL, WARNA_UTAMA
from literasi.kelas.kuis_grafik import GrafikJawaban

PANJANG = "Rata-rata lama sekolah penduduk 25 tahun ke atas"  # over 42 characters


def _kasus():
    return {
        "kemajuan": lambda g: g.kemajuan(2, 3, "alt"),
        "benar_salah": lambda g: g.html(
            "Soal 1: sebaran jawaban", [("✓ Benar", 2, WARNA_UTAMA), ("Salah", 1, WARNA_UTAMA)],
            3, "alt"),
        "empat_panjang": lambda g: g.html(
            "Soal 2: sebaran jawaban",
            [(f"{c}. {PANJANG}", i * 7, WARNA_UTAMA) for i, c in enumerate("ABCD")], 30, "alt"),
        "kelas_besar": lambda g: g.html(
            "Soal 3: sebaran jawaban",
            [(c, n, WARNA_UTAMA) for c, n in zip("ABCD", (9, 14, 3, 2), strict=True)], 36, "alt"),
    }  # fmt: skip


@pytest.mark.parametrize("kasus", list(_kasus()))
def test_grafik_kuis_terbaca(kasus):
    g = GrafikJawaban()
    with warnings.catch_warnings():
        warnings.simplefilter("error")  # "constrained_layout not applied": a collapsed frame
        _kasus()[kasus](g)
    ((kerangka, *_),) = g._kerangka.values()
    u = ukur(kerangka.fig, kasus, LEBAR_PONSEL)
    assert round(u.px_terkecil, 1) >= 11, f"{kasus}: {u.terkecil()}"
    assert not u.tumpang and not u.teks_tumpang, f"{kasus}: {u.tumpang} {u.teks_tumpang}"
    assert not u.terpotong, f"{kasus}: {u.terpotong}"
