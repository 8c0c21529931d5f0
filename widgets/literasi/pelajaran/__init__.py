"""One module per lesson: its pure computations, its view and its exercises.

Every lesson module has `semua_soal()`: the exercises in page order, built from the shipped
data. The notebook names its module in `metadata.literasi.modul`; the teacher's answer key
(`literasi kunci <notebook>`) and the tests are generated from the same function.
"""

from __future__ import annotations

import importlib
import json
from pathlib import Path


def modul_notebook(path: str | Path) -> str:
    """The lesson module named in a notebook's metadata (`literasi.modul`)."""
    nb = json.loads(Path(path).read_text(encoding="utf-8"))
    return nb["metadata"]["literasi"]["modul"]


def soal_notebook(path: str | Path) -> list:
    """The exercises of a notebook, from its lesson module."""
    return importlib.import_module(modul_notebook(path)).semua_soal()
