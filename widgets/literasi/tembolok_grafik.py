"""Charts kept on disk: a chart drawn once is not drawn again by the next kernel.

Every student who opens an app gets a fresh kernel, which draws the same first charts
as the kernel before it (the same data, the same default choices): two to four charts of
40–120 ms of CPU each, most of what a cold page waits for after its imports
(tests/benchmark/buka_aplikasi.py). A function decorated with `@disimpan` (one that
returns a chart's HTML, grafik.html_grafik, from its arguments) is read from the disk when any
kernel has made that call before with the same code and data, else called and kept.

The key is the call, not the figure (a figure does not pickle the same way twice): the
function's name, a fingerprint of its arguments (`sidik`: DataFrames by their
values, dicts, dataclasses, …; anything else is refused, so a function whose chart depends on
something the key cannot see is found by its first test) and the version of everything
else it may read: the kit's code, its datasets and the drawing libraries (`versi`). So
the function must be a plain function of its arguments: no random numbers it draws itself,
no clock, no widget it reads. Keys of one version live in one folder under the kit's local
data folder; a new version removes the older folders, and one version keeps at most
MAKS_BERKAS charts.
Charts of a real class's answers are drawn and never kept (`boleh_disimpan`): a teacher can
delete those answers. `LITERASI_TEMBOLOK_GRAFIK=0` turns the cache off (every chart drawn,
nothing written); deleting the folder is always safe.
"""

from __future__ import annotations

import dataclasses
import datetime
import enum
import functools
import hashlib
import json
import logging
import os
import shutil
import tempfile
import types
from collections.abc import Callable
from pathlib import Path

import numpy as np
import pandas as pd

ENV_MATI = "LITERASI_TEMBOLOK_GRAFIK"
MAKS_BERKAS = 3000  # ~15 KB each: at most ~45 MB for one version of the kit
_KEPALA = b"<!--literasi-tembolok-1-->"  # first bytes of a whole file (see tulis)

log = logging.getLogger(__name__)


def sidik(nilai, h=None) -> str:
    """A fingerprint of `nilai` that is the same in every process, or TypeError for a value
    it does not know how to read.

    >>> sidik({"b": [1, 2.5], "a": "x"}) == sidik({"a": "x", "b": [1, 2.5]})
    True
    >>> sidik(pd.DataFrame({"x": [1, 2]})) == sidik(pd.DataFrame({"x": [1, 3]}))
    False
    >>> sidik(object())
    Traceback (most recent call last):
    ...
    TypeError: tembolok_grafik tidak bisa membuat sidik dari object
    """
    akar = h is None
    h = hashlib.sha256() if akar else h
    if nilai is None or isinstance(
        nilai, bool | int | float | str | bytes | np.generic | enum.Enum | Path | datetime.date
    ):
        h.update(f"{type(nilai).__name__}:{nilai!r};".encode())
    elif isinstance(nilai, pd.DataFrame | pd.Series):
        # Values, index, names and dtypes: the same table read twice gives the same fingerprint.
        h.update(f"{type(nilai).__name__}:{getattr(nilai, 'name', None)!r}:".encode())
        h.update(repr(list(nilai.columns) if isinstance(nilai, pd.DataFrame) else []).encode())
        h.update(
            repr(
                nilai.dtypes.astype(str).tolist()
                if isinstance(nilai, pd.DataFrame)
                else str(nilai.dtype)
            ).encode()
        )
        h.update(f"{list(nilai.index.names)!r}:{nilai.index.dtype}:".encode())
        h.update(pd.util.hash_pandas_object(nilai, index=True).to_numpy().tobytes())
    elif isinstance(nilai, np.ndarray):
        h.update(f"ndarray:{nilai.dtype}:{nilai.shape}:".encode())
        h.update(np.ascontiguousarray(nilai).tobytes())
    elif isinstance(nilai, dict | list | tuple):
        try:  # plain JSON (a GeoJSON boundary): C speed
            h.update(f"{type(nilai).__name__}:".encode())
            h.update(json.dumps(nilai, sort_keys=True, allow_nan=True).encode())
        except TypeError:
            h.update(f"{type(nilai).__name__}[{len(nilai)}]".encode())
            pasangan = (
                sorted(nilai.items(), key=lambda kv: repr(kv[0]))
                if isinstance(nilai, dict)
                else enumerate(nilai)
            )
            for kunci, isi in pasangan:
                h.update(f"{kunci!r}=".encode())
                sidik(isi, h)
    elif isinstance(nilai, types.FunctionType) and "<" not in nilai.__qualname__:
        # A module's function by its name (the code itself is in versi()); never a lambda or
        # a closure, whose captured values the name does not show.
        h.update(f"fungsi:{nilai.__module__}.{nilai.__qualname__};".encode())
    elif dataclasses.is_dataclass(nilai) and not isinstance(nilai, type):
        h.update(f"{type(nilai).__module__}.{type(nilai).__qualname__}(".encode())
        for f in dataclasses.fields(nilai):
            h.update(f"{f.name}=".encode())
            sidik(getattr(nilai, f.name), h)
    else:
        raise TypeError(f"tembolok_grafik tidak bisa membuat sidik dari {type(nilai).__name__}")
    return h.hexdigest() if akar else ""


@functools.cache
def versi() -> str:
    """What a chart may depend on besides its arguments: the kit's code (every module of
    `literasi`), its datasets and the versions of the libraries that draw and encode."""
    import matplotlib
    import PIL

    from literasi.data import datasets_dir

    h = hashlib.sha256()
    h.update(
        f"{matplotlib.__version__}:{PIL.__version__}:{np.__version__}:{pd.__version__}".encode()
    )
    akar_kode = Path(__file__).resolve().parent
    for folder, pola in ((akar_kode, "*.py"), (datasets_dir(), "*")):
        for berkas in sorted(folder.rglob(pola)):
            if berkas.is_file() and "__pycache__" not in berkas.parts:
                h.update(str(berkas.relative_to(folder)).encode())
                h.update(berkas.read_bytes())
    return h.hexdigest()[:20]


def aktif() -> bool:
    return os.environ.get(ENV_MATI, "1") != "0"


def folder_versi() -> Path:
    """This version's folder (made 0700 with the local data folder); older versions removed."""
    from literasi.lokal import folder_data_lokal, siapkan_folder

    induk = folder_data_lokal() / "tembolok_grafik"
    folder = induk / versi()
    if not folder.is_dir():
        siapkan_folder(folder)
        for lama in induk.iterdir():
            if lama.is_dir() and lama.name != folder.name:
                shutil.rmtree(lama, ignore_errors=True)  # another kernel may be removing it too
    return folder


def baca(kunci: str) -> str | None:
    """The chart kept under `kunci`, or None (not kept, or unreadable)."""
    try:
        isi = (folder_versi() / f"{kunci}.html").read_bytes()
    except OSError:
        return None
    if not isi.startswith(_KEPALA):  # a file cut short by a full disk has no header
        return None
    try:
        return isi[len(_KEPALA) :].decode("utf-8")
    except UnicodeDecodeError:
        return None


def tulis(kunci: str, teks: str) -> None:
    """Keep a chart: written to a temporary file and renamed, so a kernel reading at the same
    moment sees the whole file or none. A full folder or a read-only disk only costs speed."""
    try:
        folder = folder_versi()
        if sum(1 for _ in os.scandir(folder)) >= MAKS_BERKAS:
            return
        fd, sementara = tempfile.mkstemp(dir=folder, suffix=".tmp")
        with os.fdopen(fd, "wb") as f:
            f.write(_KEPALA + teks.encode("utf-8"))
        os.replace(sementara, folder / f"{kunci}.html")
    except OSError as e:
        log.warning("Grafik tidak bisa disimpan di tembolok: %s", e)


def boleh_disimpan(argumen) -> bool:
    """False when an argument, or an item of a list or tuple among them, says it may not be
    kept (its attribute `boleh_disimpan` is False: a real class's answers,
    kelas.data_kelas.DataKelas), so that answers a teacher deletes leave no chart behind.

    >>> from types import SimpleNamespace as Isi
    >>> boleh_disimpan([1, (Isi(boleh_disimpan=True), "a")])
    True
    >>> boleh_disimpan([(Isi(boleh_disimpan=False),)])
    False
    """
    if getattr(argumen, "boleh_disimpan", True) is False:
        return False
    if isinstance(argumen, list | tuple):
        return all(boleh_disimpan(x) for x in argumen)
    return True


def dari_tembolok(nama: str, argumen, buat: Callable[[], str]) -> str:
    """The chart kept under the call (`nama`, `argumen`), else `buat()`, kept there. For a
    view that draws from state of its own (a grafik.KerangkaGrafik frame): `argumen` must
    hold everything the chart shows."""
    if not aktif() or not boleh_disimpan(argumen):
        return buat()
    kunci = sidik([nama, argumen])
    teks = baca(kunci)
    if teks is None:
        teks = buat()
        tulis(kunci, teks)
    return teks


def disimpan(fungsi: Callable[..., str]) -> Callable[..., str]:
    """`fungsi` (a chart's HTML from its arguments alone) read from the disk when any kernel
    has called it before with the same arguments, code and data; else called and kept."""
    nama = f"{fungsi.__module__}.{fungsi.__qualname__}"

    @functools.wraps(fungsi)
    def dari_tembolok_saja(*args, **kwargs) -> str:
        argumen = [list(args), sorted(kwargs.items())]
        return dari_tembolok(nama, argumen, lambda: fungsi(*args, **kwargs))

    return dari_tembolok_saja
