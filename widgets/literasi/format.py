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
