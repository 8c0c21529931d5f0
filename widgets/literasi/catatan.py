"""Errors that leave a trace: the kit's logging, in the server and in every kernel.

Everything goes to one log file under the kit's local data folder (`literasi.lokal`):
`<data_lokal>/log/literasi.log`, rotated by size (5 MB, 3 old files kept). Kernels are separate
processes started by Voilà; they import the kit, and `literasi/__init__.py` calls
`siapkan_kernel()`, so their log lines land in the same file.

- Apps log a caught exception as usual, `logging.getLogger(__name__).exception(...)`, or through
  `laporkan(...)`, which also gives the user an Indonesian sentence with a short error code
  (`kode_galat`) that the teacher can read out and find in the log.
- The teacher's terminal gets only what the teacher must read (`TERMINAL`, in Indonesian);
  everything else, including what Voilà, Jupyter Server and tornado print, goes to the file.
- The same error repeated (a phone flooding the server) is written once, then once a minute
  with how many times it happened (`PenyaringBerulang`): the log cannot flood the disk.
- In a Voilà kernel a failing widget callback shows the student an Indonesian sentence with an
  error code instead of a Python traceback (install paths, code); the traceback goes to the log.
"""

from __future__ import annotations

import logging
import logging.handlers
import os
import secrets
import sys
import time
from pathlib import Path

from literasi.lokal import folder_data_lokal, siapkan_folder

NAMA_BERKAS = "literasi.log"
NAMA_KELUARAN = "keluaran.log"  # raw output of the server and kernels (stderr), rarely needed
UKURAN_MAKS = 5 * 2**20
CADANGAN = 3
JEDA_ULANG = 60.0  # seconds: the same error is written at most once per this many seconds
HURUF_KODE = "ABCDEFGHJKLMNPQRSTUVWXYZ23456789"  # no 0/O or 1/I: read out loud in class
FORMAT = "%(asctime)s %(process)d %(levelname)s %(name)s: %(message)s"
# For students and kelurahan officers alike: whoever helps them finds the code in the log.
SEBUT_KODE = "Kode galat: {kode} (sebutkan kode ini saat meminta bantuan)."

# What the teacher reads in the terminal (Indonesian only); literasi serve gives it a handler.
TERMINAL = logging.getLogger("literasi.terminal")
log = logging.getLogger(__name__)


def folder_log() -> Path:
    return siapkan_folder(folder_data_lokal() / "log")


def path_log() -> Path:
    return folder_log() / NAMA_BERKAS


def kode_galat() -> str:
    """A short code naming one error, e.g. 'K7Q2M' (5 letters/digits, none easy to confuse)."""
    return "".join(secrets.choice(HURUF_KODE) for _ in range(5))


def laporkan(pesan: str, logger: logging.Logger | None = None) -> str:
    """Log the exception being handled, with its traceback, under a new error code; return
    `pesan` followed by that code, for the user.

    >>> try:
    ...     1 / 0
    ... except ZeroDivisionError:
    ...     teks = laporkan("Berkas belum bisa dibuat.")
    >>> teks.startswith("Berkas belum bisa dibuat. Kode galat: ")
    True
    """
    kode = kode_galat()
    (logger or log).error("[kode %s] %s", kode, pesan, exc_info=True)
    return f"{pesan} {SEBUT_KODE.format(kode=kode)}"


class PenyaringBerulang(logging.Filter):
    """Let the same message (same logger, level, template and exception type) through once per
    `jeda` seconds; the next one that passes says how many were held back."""

    def __init__(self, jeda: float = JEDA_ULANG):
        super().__init__()
        self.jeda = jeda
        self._terakhir: dict[tuple, tuple[float, int]] = {}  # key -> (time written, held back)

    def filter(self, record: logging.LogRecord) -> bool:
        jenis = record.exc_info[0].__name__ if record.exc_info and record.exc_info[0] else ""
        kunci = (record.name, record.levelno, str(record.msg), jenis)
        sekarang = time.monotonic()
        waktu, ditahan = self._terakhir.get(kunci, (float("-inf"), 0))
        if sekarang - waktu < self.jeda:
            self._terakhir[kunci] = (waktu, ditahan + 1)
            return False
        if len(self._terakhir) > 10_000:  # many distinct messages: forget the old ones
            self._terakhir.clear()
        self._terakhir[kunci] = (sekarang, 0)
        if ditahan:
            record.msg = f"{record.msg} [terulang {ditahan} kali sejak catatan sebelumnya]"
        return True


class BerkasBergilir(logging.handlers.RotatingFileHandler):
    """The server's handler: rotates by size. Kernels append to the same file (they reopen it
    after a rotation, `WatchedFileHandler`); where a kernel holds the file open and the system
    refuses the rename (Windows), the server keeps appending instead of failing."""

    def doRollover(self) -> None:
        try:
            super().doRollover()
        except OSError:
            if self.stream is None:
                self.stream = self._open()
            self.maxBytes *= 2  # try again later, not at every line


def _penangan_berkas(berkas: logging.Handler) -> logging.Handler:
    berkas.setFormatter(logging.Formatter(FORMAT))
    berkas.addFilter(PenyaringBerulang())
    return berkas


def siapkan_server(rinci: bool = False) -> Path:
    """Logging for `literasi serve`: everything to the log file, Indonesian lines for the teacher
    (TERMINAL) to stdout, stderr (Voilà, kernels' raw output) to keluaran.log. Returns the log
    file's path, for the terminal to print."""
    path = path_log()
    akar = logging.getLogger()
    for penangan in list(akar.handlers):
        akar.removeHandler(penangan)
    akar.addHandler(
        _penangan_berkas(
            BerkasBergilir(path, maxBytes=UKURAN_MAKS, backupCount=CADANGAN, encoding="utf-8")
        )
    )
    akar.setLevel(logging.INFO)
    # One line per request at INFO; refused and failed requests (WARNING, ERROR) are kept.
    logging.getLogger("tornado.access").setLevel(logging.INFO if rinci else logging.WARNING)
    logging.captureWarnings(True)

    layar = logging.StreamHandler(sys.stdout)
    layar.setFormatter(logging.Formatter("%(message)s"))
    layar.addFilter(PenyaringBerulang())
    TERMINAL.addHandler(layar)
    TERMINAL.setLevel(logging.INFO)
    TERMINAL.propagate = True  # in the file too

    _alihkan_stderr(folder_log() / NAMA_KELUARAN)
    return path


def _alihkan_stderr(path: Path) -> None:
    """Point this process's stderr (and so every kernel's, which inherit it) at a file."""
    if path.exists() and path.stat().st_size > UKURAN_MAKS:
        path.replace(path.with_suffix(".log.1"))
    sys.stderr.flush()
    fd = os.open(path, os.O_WRONLY | os.O_CREAT | os.O_APPEND, 0o600)
    os.dup2(fd, 2)
    os.close(fd)


def dalam_kernel_voila() -> bool:
    """True in a kernel started by Voilà (Voilà sets VOILA_PREHEAT for every kernel it starts)."""
    return "ipykernel" in sys.modules and "VOILA_PREHEAT" in os.environ


def siapkan_kernel() -> None:
    """Logging for a Voilà kernel that imports the kit (called by literasi/__init__.py).

    Outside Voilà (JupyterLab, pytest, nbval) nothing changes: a developer sees tracebacks.
    """
    if not dalam_kernel_voila() or getattr(siapkan_kernel, "selesai", False):
        return
    siapkan_kernel.selesai = True
    akar = logging.getLogger()
    # Without a handler, Python prints warnings and errors to sys.stderr, which ipykernel sends
    # to the page: a comm error's traceback would reach the student's phone.
    akar.addHandler(
        _penangan_berkas(logging.handlers.WatchedFileHandler(path_log(), encoding="utf-8"))
    )
    akar.setLevel(logging.INFO)
    logging.captureWarnings(True)
    _sembunyikan_traceback()


PESAN_GALAT_KERNEL = (
    "Maaf, ada bagian aplikasi yang gagal. Coba lagi; jika masih gagal, muat ulang halaman."
)


def _sembunyikan_traceback() -> None:
    """A widget callback that raises: ipywidgets calls the shell's showtraceback(), which sends
    the traceback to the page. Log it instead, and send an Indonesian sentence with a code."""
    try:
        from IPython import get_ipython
    except ImportError:
        return
    shell = get_ipython()
    if shell is None or not hasattr(shell, "_showtraceback"):
        return

    class GalatAplikasi(Exception):
        pass

    def tampilkan_tanpa_traceback(exc_tuple=None, *args, **kwargs) -> None:
        jenis, nilai, tb = exc_tuple or sys.exc_info()
        kode = kode_galat()
        log.error("[kode %s] galat di kernel", kode, exc_info=(jenis, nilai, tb))
        pesan = f"{PESAN_GALAT_KERNEL} {SEBUT_KODE.format(kode=kode)}"
        shell._showtraceback(GalatAplikasi, pesan, [pesan])

    shell.showtraceback = tampilkan_tanpa_traceback
