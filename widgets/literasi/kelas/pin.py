"""The teacher's PIN: checked in any kernel without the kernel holding it, one lockout for all.

`literasi serve --lan` prints a 6-digit PIN on the teacher's terminal and gives the kernels only
a salted scrypt hash of it ($LITERASI_PIN_GURU_HASH): a kernel whose environment leaked would
not give the PIN away in a moment (each guess costs about 50 ms of one core).

Every try is written to one SQLite file in the class data folder (pin_guru.sqlite), which every
kernel opens: at most BATAS_PONSEL wrong tries from one phone (literasi.kelas.ponsel) and
BATAS_SEMUA from all phones together within JEDA_DETIK; beyond that every try, the right PIN
too, is refused until the window has passed. A new page no longer brings fresh tries, and one
curious phone locks itself out before it locks out the teacher. The server process reads the
same file (PemantauPin) and prints one Indonesian line per burst of wrong tries on the teacher's
terminal; the dashboard shows the count.

A teacher app calls `periksa(ketikan)`; today the Sensus Kelas dashboard, and any other
classroom tool that needs the teacher's PIN.
"""

from __future__ import annotations

import hashlib
import hmac
import math
import os
import secrets
import sqlite3
import threading
import time
from collections.abc import Callable, Iterator
from contextlib import contextmanager
from dataclasses import dataclass
from datetime import datetime
from pathlib import Path

from literasi.kelas.penyimpanan import folder_data, transaksi
from literasi.kelas.ponsel import sidik

ENV_HASH = "LITERASI_PIN_GURU_HASH"
NAMA_FILE = "pin_guru.sqlite"
BATAS_PONSEL = 5  # wrong tries from one phone ...
BATAS_SEMUA = 20  # ... and from all phones together ...
JEDA_DETIK = 300  # ... within five minutes
# scrypt: 16 MB and about 50 ms per check (Python's hashlib, OpenSSL).
_SCRYPT = {"n": 2**14, "r": 8, "p": 1}
TANPA_KUNCI = "tanpa-kunci"  # tries from a page without a phone key share one count


def buat_pin() -> str:
    """A new 6-digit PIN for the terminal."""
    return f"{secrets.randbelow(10**6):06d}"


def hash_pin(pin: str, garam: bytes | None = None) -> str:
    """'scrypt$n$r$p$<salt>$<hash>' (hex): what the kernels get instead of the PIN."""
    garam = garam or secrets.token_bytes(16)
    turunan = hashlib.scrypt(pin.strip().encode(), salt=garam, **_SCRYPT)
    n, r, p = _SCRYPT["n"], _SCRYPT["r"], _SCRYPT["p"]
    return f"scrypt${n}${r}${p}${garam.hex()}${turunan.hex()}"


def cocok(pin: str, tersimpan: str) -> bool:
    """The PIN matches the hash (constant-time comparison; a malformed hash matches nothing)."""
    try:
        nama, n, r, p, garam, turunan = tersimpan.split("$")
        if nama != "scrypt":
            return False
        hitung = hashlib.scrypt(
            (pin or "").strip().encode(),
            salt=bytes.fromhex(garam),
            n=int(n),
            r=int(r),
            p=int(p),
        )
        return hmac.compare_digest(hitung, bytes.fromhex(turunan))
    except (ValueError, TypeError):
        return False


def hash_dari_env() -> str | None:
    """The PIN hash the workshop server gave this process (None: no PIN, e.g. not --lan)."""
    return os.environ.get(ENV_HASH) or None


def _putaran(tersimpan: str) -> str:
    """Which server run a try belongs to: the hash's salt (a new PIN is a new count)."""
    return tersimpan.split("$")[4] if tersimpan.count("$") == 5 else tersimpan[:32]


# --- The shared record of tries ---------------------------------------------------------------


def path_db() -> Path:
    return folder_data() / NAMA_FILE


@contextmanager
def _koneksi(path: str | Path | None, tulis: bool = True) -> Iterator[sqlite3.Connection]:
    """One connection; for a write, one BEGIN IMMEDIATE … COMMIT, so every kernel sees the
    same count."""
    con = sqlite3.connect(path or path_db(), timeout=10, isolation_level=None)
    try:
        con.execute("PRAGMA busy_timeout = 10000")
        con.execute("PRAGMA journal_mode = WAL")
        con.execute(
            "CREATE TABLE IF NOT EXISTS percobaan ("
            " id INTEGER PRIMARY KEY,"
            " putaran TEXT NOT NULL,"  # the PIN's salt: tries against this server run
            " ponsel TEXT NOT NULL,"  # hash of the phone key
            " waktu REAL NOT NULL,"  # seconds since the epoch (shared by processes)
            " benar INTEGER,"  # 1 right, 0 wrong, NULL being checked (counts as wrong)
            " ditolak INTEGER NOT NULL DEFAULT 0)"  # 1: refused unchecked (locked)
        )
        if not tulis:
            yield con
            return
        with transaksi(con):
            yield con
    finally:
        con.close()


@dataclass(frozen=True)
class HasilPin:
    benar: bool
    tunggu_detik: int = 0  # > 0: refused unchecked; try again after this many seconds
    semua: bool = False  # the lock is for every phone, not only this one

    @property
    def terkunci(self) -> bool:
        return self.tunggu_detik > 0


def _tunggu(con, putaran: str, ponsel: str | None, batas: int, sekarang: float) -> float:
    """Seconds until fewer than `batas` wrong tries lie in the window (0: not locked)."""
    syarat = "putaran = ? AND COALESCE(benar, 0) = 0 AND ditolak = 0 AND waktu > ?"
    param: list = [putaran, sekarang - JEDA_DETIK]
    if ponsel is not None:
        syarat += " AND ponsel = ?"
        param.append(ponsel)
    waktu = con.execute(
        f"SELECT waktu FROM percobaan WHERE {syarat} ORDER BY waktu DESC LIMIT ?", [*param, batas]
    ).fetchall()
    return waktu[-1][0] + JEDA_DETIK - sekarang if len(waktu) >= batas else 0.0


def periksa(
    ketikan: str,
    ponsel: str | None = None,
    tersimpan: str | None = None,
    path: str | Path | None = None,
    sekarang: float | None = None,
) -> HasilPin:
    """Check a PIN typed on `ponsel` (its key; None when the page has none) against the hash.

    The try is booked (as wrong) before the slow hash runs, so thirty kernels checking at the
    same moment cannot slip past the count; a right PIN is then marked right.
    """
    tersimpan = tersimpan or hash_dari_env()
    if not tersimpan:
        raise ValueError("Tidak ada PIN guru di server ini.")
    putaran, siapa = _putaran(tersimpan), sidik(ponsel or TANPA_KUNCI, "pin")
    sekarang = time.time() if sekarang is None else sekarang
    with _koneksi(path) as con:
        tunggu_ponsel = _tunggu(con, putaran, siapa, BATAS_PONSEL, sekarang)
        tunggu_semua = _tunggu(con, putaran, None, BATAS_SEMUA, sekarang)
        if tunggu_ponsel or tunggu_semua:
            con.execute(
                "INSERT INTO percobaan (putaran, ponsel, waktu, benar, ditolak) "
                "VALUES (?, ?, ?, 0, 1)",
                (putaran, siapa, sekarang),
            )
            return HasilPin(
                False, math.ceil(max(tunggu_ponsel, tunggu_semua)), tunggu_semua > tunggu_ponsel
            )
        nomor = con.execute(
            "INSERT INTO percobaan (putaran, ponsel, waktu) VALUES (?, ?, ?)",
            (putaran, siapa, sekarang),
        ).lastrowid
        # Old server runs are history: keep the file small.
        con.execute("DELETE FROM percobaan WHERE waktu < ?", (sekarang - 7 * 86400,))
    benar = cocok(ketikan, tersimpan)
    with _koneksi(path) as con:
        con.execute("UPDATE percobaan SET benar = ? WHERE id = ?", (int(benar), nomor))
    return HasilPin(benar)


def pesan(hasil: HasilPin) -> str | None:
    """What the teacher's page says after a try (None: the PIN was right)."""
    if hasil.benar:
        return None
    if hasil.terkunci:
        siapa = "semua perangkat" if hasil.semua else "perangkat ini"
        return (
            f"Terlalu banyak PIN salah dari {siapa}. Dasbor dikunci; coba lagi dalam "
            f"{-(-hasil.tunggu_detik // 60)} menit."
        )
    return "PIN salah. Lihat PIN di terminal server."


@dataclass(frozen=True)
class RingkasanPin:
    salah: int  # wrong PINs checked
    ditolak: int  # tries refused while locked
    terakhir: float | None  # time of the last of these


def ringkasan(tersimpan: str | None = None, path: str | Path | None = None) -> RingkasanPin:
    """Wrong and refused tries against this server run's PIN, from every phone."""
    tersimpan = tersimpan or hash_dari_env()
    if not tersimpan:
        return RingkasanPin(0, 0, None)
    with _koneksi(path, tulis=False) as con:
        salah, ditolak, terakhir = con.execute(
            "SELECT COALESCE(SUM(ditolak = 0), 0), COALESCE(SUM(ditolak), 0), MAX(waktu) "
            "FROM percobaan WHERE putaran = ? AND benar = 0",
            (_putaran(tersimpan),),
        ).fetchone()
    return RingkasanPin(salah, ditolak, terakhir)


# --- On the teacher's terminal (the server process) -------------------------------------------


def _jam(waktu: float) -> str:
    return datetime.fromtimestamp(waktu).strftime("%H.%M.%S")


class PemantauPin:
    """Turns the record of tries into one terminal line per burst of wrong tries.

    A burst ends after SEPI quiet seconds; one that goes on is reported every ULANG seconds.
    """

    SEPI = 15.0
    ULANG = 300.0

    def __init__(self, tersimpan: str, path: str | Path | None = None):
        self.putaran, self.path = _putaran(tersimpan), path
        self._id_terakhir = 0
        self._salah = self._ditolak = 0
        self._awal = self._akhir = self._lapor = None

    def periksa(self, sekarang: float | None = None) -> str | None:
        """Read new tries; a line to print when a burst has ended (or has gone on long)."""
        sekarang = time.time() if sekarang is None else sekarang
        with _koneksi(self.path, tulis=False) as con:
            baru = con.execute(
                "SELECT id, waktu, benar, ditolak FROM percobaan "
                "WHERE putaran = ? AND id > ? ORDER BY id",
                (self.putaran, self._id_terakhir),
            ).fetchall()
        for nomor, waktu, benar, ditolak in baru:
            if benar is None and sekarang - waktu < 30:
                break  # still being checked (~50 ms): read it at the next round
            self._id_terakhir = nomor
            if benar != 0:
                continue  # the right PIN, or a check cut short by a dying kernel
            if self._awal is None:
                self._awal = self._lapor = waktu
            self._akhir = waktu
            self._ditolak += ditolak
            self._salah += 1 - ditolak
        if self._awal is None:
            return None
        selesai = sekarang - self._akhir >= self.SEPI
        if not selesai and sekarang - self._lapor < self.ULANG:
            return None
        ditolak = f" (ditambah {self._ditolak} percobaan saat terkunci)" if self._ditolak else ""
        kalimat = (
            f"Peringatan: PIN guru salah {self._salah} kali antara {_jam(self._awal)} dan "
            f"{_jam(self._akhir)}{ditolak}{'' if selesai else ', masih berlangsung'}. Jika itu "
            "bukan Anda, ada yang mencoba membuka Dasbor Sensus Kelas."
        )
        if selesai:
            self._awal = self._akhir = self._lapor = None
            self._salah = self._ditolak = 0
        else:
            self._lapor = sekarang
        return kalimat


def _cetak(kalimat: str) -> None:
    print(kalimat, flush=True)


def pantau_di_terminal(
    tersimpan: str, cetak: Callable[[str], None] = _cetak, jeda: float = 2.0
) -> threading.Thread:
    """Watch the tries in a background thread of the server; print each burst once."""
    pemantau = PemantauPin(tersimpan, path_db())

    def ulang() -> None:
        while True:
            time.sleep(jeda)
            try:
                kalimat = pemantau.periksa()
            except sqlite3.Error:
                continue  # the file busy for longer than the timeout: try at the next round
            if kalimat:
                cetak(kalimat)

    utas = threading.Thread(target=ulang, name="pemantau-pin", daemon=True)
    utas.start()
    return utas
