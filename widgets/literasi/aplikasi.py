"""The apps: each notebook in notebooks/ and the module that holds its code.

A notebook's module is found from its path in one step: notebooks/<folder>/NN_<name>.ipynb is
`literasi.<folder>.<name>` (siswa, kelas, kelurahan), and the notebook names it in
`metadata.literasi.modul` too (tests/unit/test_gaya_notebook.py keeps the two equal). Every app
module has `semua_soal()`: the exercises in page order, built from the shipped data; the
teacher's answer key (`literasi kunci <notebook>`) and the tests are generated from it.
"""

from __future__ import annotations

import importlib
import json
from pathlib import Path


def modul_seharusnya(path_relatif: str | Path) -> str:
    """The module a notebook's code lives in, from the notebook's path alone.

    >>> modul_seharusnya("siswa/03_ukuran_pemusatan.ipynb")
    'literasi.siswa.ukuran_pemusatan'
    >>> modul_seharusnya("kelurahan/03_survei_kepuasan_masyarakat.ipynb")
    'literasi.kelurahan.survei_kepuasan_masyarakat'
    """
    p = Path(path_relatif)
    return f"literasi.{p.parent.name}.{p.stem.split('_', 1)[1]}"


def id_aplikasi(path_relatif: str | Path) -> str:
    """The app's short id, unique in the kit: shown on its landing card and in its guide, and
    accepted by `literasi serve --pelajaran`. Kelurahan apps get a K in front.

    >>> id_aplikasi("siswa/03_ukuran_pemusatan.ipynb")
    '03'
    >>> id_aplikasi("kelurahan/03_survei_kepuasan_masyarakat.ipynb")
    'K03'
    """
    p = Path(path_relatif)
    return ("K" if p.parent.name == "kelurahan" else "") + p.name.split("_", 1)[0]


def metadata_notebook(path: str | Path) -> dict:
    """The kit's own metadata of a notebook (`metadata.literasi`), or {} if it has none."""
    try:
        nb = json.loads(Path(path).read_text(encoding="utf-8"))
    except (OSError, ValueError):
        return {}
    return nb.get("metadata", {}).get("literasi", {}) if isinstance(nb, dict) else {}


def modul_notebook(path: str | Path) -> str:
    """The lesson module named in a notebook's metadata (`literasi.modul`)."""
    return metadata_notebook(path)["modul"]


def soal_notebook(path: str | Path) -> list:
    """The exercises of a notebook, from its lesson module."""
    return importlib.import_module(modul_notebook(path)).semua_soal()
