"""Numbers written the Indonesian way: 1.234,5 · 12,3% · Rp 1.500.000 (Babel's `id` locale)."""

from __future__ import annotations

import math

from babel.numbers import format_decimal

LOCALE = "id_ID"


def format_angka(nilai: float | int | None, desimal: int = 0) -> str:
    """Format a number with Indonesian separators.

    >>> format_angka(1234.5, 1)
    '1.234,5'
    >>> format_angka(318221)
    '318.221'
    >>> format_angka(None)
    '–'
    """
    if nilai is None or (isinstance(nilai, float) and math.isnan(nilai)):
        return "–"
    pola = "#,##0" + ("." + "0" * desimal if desimal else "")
    return format_decimal(nilai, format=pola, locale=LOCALE)


def format_persen(nilai: float | None, desimal: int = 1) -> str:
    """Format a percentage already expressed in percent (12.34 -> '12,3%').

    >>> format_persen(12.34)
    '12,3%'
    """
    if nilai is None:
        return "–"
    return format_angka(nilai, desimal) + "%"


def format_rupiah(nilai: float | None) -> str:
    """Format Rupiah without decimals.

    >>> format_rupiah(1500000)
    'Rp 1.500.000'
    """
    if nilai is None:
        return "–"
    return "Rp " + format_angka(round(nilai))


def format_bertanda(nilai: float, desimal: int = 0, plus: bool = False) -> str:
    """A signed number with a real minus sign (−0,62); `plus=True` writes +0,36 too.

    >>> format_bertanda(-0.62, 2), format_bertanda(0.36, 2, plus=True), format_bertanda(0, 1, True)
    ('−0,62', '+0,36', '0,0')
    """
    teks = format_angka(nilai, desimal).replace("-", "−")
    return "+" + teks if plus and round(nilai, desimal) > 0 else teks
