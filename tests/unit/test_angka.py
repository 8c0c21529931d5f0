"""literasi.angka: reading numbers the way students type them."""

from __future__ import annotations

from decimal import ROUND_HALF_EVEN, Decimal

import pytest

from literasi.angka import ATURAN_TITIK, Angka, BukanAngka, baca_angka
from literasi.format import format_angka

DIBACA = [
    ("0,5", 0.5, False),
    ("0.5", 0.5, False),
    ("1/2", 0.5, False),
    ("3/4", 0.75, False),
    ("50%", 50.0, True),
    ("12,5 %", 12.5, True),
    ("1.234,5", 1234.5, False),
    ("1,234.5", 1234.5, False),
    ("Rp 1.500.000", 1_500_000.0, False),
    ("rp1.500.000", 1_500_000.0, False),
    ("Rp. 2.000", 2000.0, False),
    ("\u22123,5", -3.5, False),  # unicode minus
    ("-3,5", -3.5, False),
    ("+7", 7.0, False),
    ("1.234", 1234.0, False),  # ATURAN_TITIK: dot + exactly three digits = thousands
    ("12.75", 12.75, False),
    ("3.14", 3.14, False),
    ("0.125", 0.125, False),  # a leading zero is never a thousands group
    ("1234.567", 1234.567, False),  # four digits before the dot: decimal
    ("1,234", 1.234, False),  # a single comma is always decimal
    ("1,234,567", 1_234_567.0, False),
    ("1.234.567", 1_234_567.0, False),
    ("1.234.567,89", 1_234_567.89, False),
    ("  42  ", 42.0, False),
    ("1\u00a0234", 1234.0, False),  # no-break space inside
    (",5", 0.5, False),
    ("0", 0.0, False),
]


@pytest.mark.parametrize(("teks", "nilai", "persen"), DIBACA)
def test_bentuk_yang_dibaca(teks, nilai, persen):
    hasil = baca_angka(teks)
    assert hasil.nilai == pytest.approx(nilai, rel=1e-12, abs=1e-12)
    assert hasil.persen is persen


TIDAK_DIBACA = [
    "abc",
    "",
    "   ",
    "1/0",
    "1..2",
    "12.3456.7",
    "1,2,3",
    "1.23.456",
    "1,2.3,4",
    "12a",
    "5.",
    "1/2/3",
    "%",
    "-",
    "Rp",
]


@pytest.mark.parametrize("teks", TIDAK_DIBACA)
def test_bukan_angka_dengan_pesan_ramah(teks):
    with pytest.raises(BukanAngka) as info:
        baca_angka(teks)
    pesan = str(info.value)
    assert pesan, "the message is shown to the student"
    assert "Traceback" not in pesan and "ValueError" not in pesan and "could not" not in pesan
    if teks.strip():
        assert "belum bisa dibaca sebagai angka" in pesan
        assert teks.strip() in pesan  # the student sees what they typed
    else:
        assert "kosong" in pesan


def test_pesan_kosong_untuk_none():
    with pytest.raises(BukanAngka, match="kosong"):
        baca_angka(None)


def test_bukan_angka_adalah_valueerror():
    assert issubclass(BukanAngka, ValueError)


def test_aturan_titik_sesuai_perilaku():
    """The rule shown on screen says 1.234 is 1234 and 1,5 is a decimal: check both."""
    assert "1.234" in ATURAN_TITIK and "1,5" in ATURAN_TITIK
    assert baca_angka("1.234").nilai == 1234
    assert baca_angka("1,5").nilai == 1.5
    assert baca_angka("0,25").nilai == 0.25


def test_angka_dataclass():
    assert baca_angka("50%") == Angka(50.0, True)
    assert baca_angka("50") == Angka(50.0, False)



NILAI_BOLAK_BALIK = [
    0.0,
    0.5,
    0.05,
    0.001,
    1.0,
    3.14159,
    12.75,
    99.9,
    123.456,
    999.0,
    1000.0,
    1234.0,
    1234.5,
    6906.4509,
    12345.678,
    99999.0,
    318221.0,
    999999.0,
    1_000_000.0,
    38_430_645.0,
    1_234_567.891,
    -0.5,
    -3.5,
    -1234.5,
    -999999.0,
    0.828043,
    7.0,
    46.076,
]


def _dibulatkan(x: float, d: int) -> float:
    """What Babel shows: the decimal text of x, rounded half-even to d places."""
    return float(Decimal(str(x)).quantize(Decimal(1).scaleb(-d), rounding=ROUND_HALF_EVEN))


@pytest.mark.parametrize("desimal", [0, 1, 2, 3])
@pytest.mark.parametrize("x", NILAI_BOLAK_BALIK)
def test_format_lalu_baca_kembali(x, desimal):
    """format_angka(x, d) read back gives x rounded to d decimals (1.234 is 1234)."""
    teks = format_angka(x, desimal)
    kembali = baca_angka(teks).nilai
    assert kembali == pytest.approx(_dibulatkan(x, desimal), abs=1e-9), teks
    assert abs(kembali - x) <= 0.5 * 10**-desimal + 1e-9


@pytest.mark.parametrize("n", [1000, 1234, 10_000, 65_432, 100_000, 999_999])
def test_bilangan_bulat_ribuan_bolak_balik(n):
    """Integers 1000-999999 are shown as 1.234 / 65.432 / 999.999 and read back whole."""
    teks = format_angka(n)
    assert "." in teks and "," not in teks
    assert baca_angka(teks).nilai == n
    assert baca_angka(format_angka(float(n))).nilai == n


@pytest.mark.parametrize(
    ("teks", "nilai", "persen"),
    [
        ("2.879 jiwa", 2879.0, False),
        ("6.906,4 jiwa/km²", 6906.4, False),
        ("12 km2", 12.0, False),
        ("17 tahun", 17.0, False),
        ("50 persen", 50.0, True),
        ("Rp 1.500.000,-", 1500000.0, False),
    ],
)
def test_satuan_di_belakang_angka(teks, nilai, persen):
    """Students type units after the number; the number is still read."""
    assert baca_angka(teks) == Angka(nilai, persen)
