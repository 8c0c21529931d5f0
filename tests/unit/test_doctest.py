"""Every `>>>` example in the package runs, in every module (as data-8's datascience does)."""

from __future__ import annotations

import doctest
import importlib
import pkgutil

import pytest

import literasi

MODUL = sorted(
    m.name
    for m in pkgutil.walk_packages(literasi.__path__, "literasi.")
    if m.name != "literasi.__main__"
)


@pytest.mark.parametrize("nama", MODUL)
def test_contoh_dalam_docstring_benar(nama):
    modul = importlib.import_module(nama)
    hasil = doctest.testmod(modul, optionflags=doctest.ELLIPSIS)
    assert hasil.failed == 0, f"{hasil.failed} of {hasil.attempted} examples failed in {nama}"


def test_contoh_ada():
    """The examples are really found (a walk that finds no module would pass vacuously)."""
    jumlah = sum(
        len(t.examples)
        for nama in MODUL
        for t in doctest.DocTestFinder().find(importlib.import_module(nama))
    )
    assert len(MODUL) >= 30 and jumlah >= 100
