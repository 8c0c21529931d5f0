"""Reading numbers as students type them: `0,5`, `0.5`, `1/2`, `50%`, `1.234,5`, `Rp 1.500.000`.

The rule for the one ambiguous form, shown on screen as ATURAN_TITIK: a single dot followed by
exactly three digits is a thousands separator, the Indonesian way (`1.234` = 1234); a dot
followed by any other number of digits is a decimal point (`0.5`, `3.14`). To write the
decimal 1,234 a student uses a comma.
"""

from __future__ import annotations

import re
from dataclasses import dataclass

ATURAN_TITIK = "Desimal ditulis dengan koma (1,5). Titik diikuti tiga angka berarti ribuan (1.234)."

_DIGIT = re.compile(r"^\d+$")


@dataclass(frozen=True)
class Angka:
    """A parsed answer: its value, and whether the student wrote it as a percentage."""

    nilai: float
    persen: bool = False


class BukanAngka(ValueError):
    """The text cannot be read as a number; the message is for the student."""


def _baca_desimal(teks: str) -> float:
    """Read digits with Indonesian or international separators (no sign, no %, no fraction)."""
    if not teks or not re.fullmatch(r"[\d.,]+", teks) or not re.search(r"\d", teks):
        raise BukanAngka(teks)
    titik, koma = teks.count("."), teks.count(",")
    if titik and koma:
        # Whichever comes last is the decimal separator: 1.234,5 and 1,234.5 both work.
        desimal = "," if teks.rfind(",") > teks.rfind(".") else "."
        ribuan = "." if desimal == "," else ","
        bulat, _, pecahan = teks.rpartition(desimal)
        kelompok = bulat.split(ribuan)
        if teks.count(desimal) != 1 or not _kelompok_ribuan_sah(kelompok):
            raise BukanAngka(teks)
        return float("".join(kelompok) + "." + pecahan)
    pemisah = "." if titik else "," if koma else None
    if pemisah is None:
        return float(teks)
    bagian = teks.split(pemisah)
    if len(bagian) > 2:  # 1.234.567 or 1,234,567
        if not _kelompok_ribuan_sah(bagian):
            raise BukanAngka(teks)
        return float("".join(bagian))
    kiri, kanan = bagian
    if not _DIGIT.match(kanan) or (kiri and not _DIGIT.match(kiri)):
        raise BukanAngka(teks)
    if pemisah == "." and len(kanan) == 3 and kiri not in ("", "0") and len(kiri) <= 3:
        return float(kiri + kanan)  # 1.234 -> 1234 (see ATURAN_TITIK)
    return float((kiri or "0") + "." + kanan)


def _kelompok_ribuan_sah(kelompok: list[str]) -> bool:
    """1.234.567: the first group has 1-3 digits, every other group exactly 3."""
    pertama, *sisa = kelompok
    return (
        bool(_DIGIT.match(pertama))
        and 1 <= len(pertama) <= 3
        and all(len(k) == 3 and _DIGIT.match(k) for k in sisa)
    )


def baca_angka(teks: str) -> Angka:
    """Parse a typed answer; raise BukanAngka with a kind Indonesian message if impossible.

    >>> baca_angka("1.234,5").nilai
    1234.5
    >>> baca_angka("50%")
    Angka(nilai=50.0, persen=True)
    >>> baca_angka("1/2").nilai
    0.5
    >>> baca_angka("Rp 1.500.000").nilai
    1500000.0
    >>> baca_angka("−3,5").nilai
    -3.5
    >>> baca_angka("2.879 jiwa").nilai
    2879.0
    """
    asli = teks
    t = (teks or "").strip().replace("\u2212", "-").replace("\u2013", "-")
    t = re.sub(r"\s+", "", t.replace("\u00a0", " "))
    t = re.sub(r"^rp\.?", "", t, flags=re.IGNORECASE)
    # A unit after the number is fine: "2.879 jiwa", "6.906,4 jiwa/km²", "12 km2", "17 tahun".
    satuan = re.match(
        r"^([+\-]?[\d.,]*\d(?:/[\d.,]*\d)?%?)([a-zA-Z][a-zA-Z²³/.]*[a-zA-Z²³][23]?)$", t
    )
    if satuan:
        t = satuan.group(1) + ("%" if satuan.group(2).lower() == "persen" else "")
    t = re.sub(r"[.,]-$", "", t)  # "Rp 1.500.000,-"
    persen = t.endswith("%")
    if persen:
        t = t[:-1]
    negatif = t.startswith("-")
    if negatif or t.startswith("+"):
        t = t[1:]
    try:
        if t.count("/") == 1:
            atas, bawah = (_baca_desimal(x) for x in t.split("/"))
            if bawah == 0:
                raise BukanAngka(asli)
            nilai = atas / bawah
        else:
            nilai = _baca_desimal(t)
    except (BukanAngka, ValueError):
        raise BukanAngka(pesan_bukan_angka(asli)) from None
    return Angka(-nilai if negatif else nilai, persen)


def pesan_bukan_angka(teks: str) -> str:
    if not (teks or "").strip():
        return "Kotak jawaban masih kosong. Tulis sebuah angka, misalnya 12,5."
    return (
        f"“{teks.strip()[:40]}” belum bisa dibaca sebagai angka. "
        "Contoh penulisan yang bisa dibaca: 12,5 · 1.234 · 1/2 · 50%."
    )
