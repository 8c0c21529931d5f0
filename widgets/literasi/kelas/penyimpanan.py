"""Storage of the class survey (Sensus Kelas): one SQLite file on the teacher's laptop.

Forty phones submit at once, each through its own kernel, so every kernel opens its own
connection to the same file. WAL mode lets the dashboard read while students write; the busy
timeout makes a writer wait its turn instead of failing; every write is one transaction. No
names or other personal identifiers are stored.

A phone sends through `kirim_dari_ponsel` with its key (literasi.kelas.ponsel). Its answer's
`kunci_kirim` is derived from phone + class + submission number, so an answer stored while the
server or kernel died, and sent again after a reload, is found and not stored twice; the
submission number moves on only when the student asks for a new form on the thank-you screen
(a classmate on the same phone). A class takes `batas_ponsel` answers per phone (1 unless the
teacher lifts it), and a phone that types wrong class codes is slowed down, with one message
for an unknown and a closed code so nobody learns which codes exist. What is stored of a phone
is a hash per class (`ponsel_kelas`) and per purpose, never its key.

The schema is versioned with `PRAGMA user_version` and the MIGRASI list: a migration is
history and never changes; a new column means a new entry at the end of the list.
"""

from __future__ import annotations

import math
import os
import sqlite3
import time
from collections.abc import Iterator
from contextlib import contextmanager
from dataclasses import dataclass
from datetime import datetime
from pathlib import Path

import pandas as pd

from literasi.kelas.ponsel import sidik
from literasi.lokal import folder_data_lokal, siapkan_folder

ENV_FOLDER = "LITERASI_DATA_KELAS"
NAMA_FILE = "sensus_kelas.sqlite"
TUNGGU_MS = 10_000  # a writer waits up to 10 s for the lock (40 phones tapping "Kirim")

# The answer columns of migration 1, in questionnaire order (literasi.kelas.kuesioner defines the
# questions; tests check both agree).
KOLOM_JAWABAN = (
    "tinggi_cm",
    "rentang_lengan_cm",
    "waktu_tempuh_menit",
    "moda",
    "tidur_jam",
    "layar_jam",
    "pelajaran_favorit",
    "tangan_dominan",
    "saudara_kandung",
    "sarapan",
    "air_minum_gelas",
    "cita_cita",
)

MIGRASI = [
    # 1: classes and answers.
    """
    CREATE TABLE kelas (
        kode_kelas TEXT PRIMARY KEY,
        dibuat TEXT NOT NULL,
        diarsipkan TEXT
    );
    CREATE TABLE jawaban (
        id INTEGER PRIMARY KEY,
        kode_kelas TEXT NOT NULL REFERENCES kelas (kode_kelas),
        kunci_kirim TEXT NOT NULL UNIQUE,
        waktu TEXT NOT NULL,
        tinggi_cm REAL,
        rentang_lengan_cm REAL,
        waktu_tempuh_menit INTEGER,
        moda TEXT,
        tidur_jam REAL,
        layar_jam REAL,
        pelajaran_favorit TEXT,
        tangan_dominan TEXT,
        saudara_kandung INTEGER,
        sarapan TEXT,
        air_minum_gelas INTEGER,
        cita_cita TEXT
    );
    CREATE INDEX jawaban_per_kelas ON jawaban (kode_kelas);
    """,
    # 2: answers per phone, wrong class codes, and a record of what the teacher deleted.
    """
    ALTER TABLE kelas ADD COLUMN batas_ponsel INTEGER NOT NULL DEFAULT 1;
    CREATE TABLE ponsel_kelas (
        sidik TEXT PRIMARY KEY,
        kode_kelas TEXT NOT NULL REFERENCES kelas (kode_kelas) ON DELETE CASCADE,
        isian_ke INTEGER NOT NULL
    );
    CREATE TABLE kode_salah (
        sidik TEXT NOT NULL,
        waktu REAL NOT NULL
    );
    CREATE INDEX kode_salah_per_ponsel ON kode_salah (sidik, waktu);
    CREATE TABLE catatan_hapus (
        id INTEGER PRIMARY KEY,
        waktu TEXT NOT NULL,
        oleh TEXT NOT NULL,
        perangkat TEXT,
        kode_kelas TEXT NOT NULL,
        jawaban_id INTEGER,
        kunci_kirim TEXT,
        waktu_jawaban TEXT,
        banyak INTEGER NOT NULL
    );
    """,
]
VERSI_SKEMA = len(MIGRASI)

# What the non-question columns mean (export metadata).
KOLOM_TETAP = {
    "id": ("Nomor urut baris di berkas data", ""),
    "kode_kelas": ("Kode kelas yang dipilih guru", ""),
    "kunci_kirim": ("Kode acak satu isian (mencegah isian ganda); bukan identitas siswa", ""),
    "waktu": ("Waktu isian diterima laptop guru", "tanggal dan jam"),
}


class KelasTidakAda(LookupError):
    """No class with this code (the message is for the student)."""


class KelasDiarsipkan(LookupError):
    """The class is archived: it takes no new answers."""


def folder_data() -> Path:
    """$LITERASI_DATA_KELAS, else the kit's local data folder (literasi.lokal: <repo>/data_lokal/,
    git-ignored); created on first use, for its owner only."""
    dari_env = os.environ.get(ENV_FOLDER)
    return siapkan_folder(Path(dari_env)) if dari_env else folder_data_lokal()


def path_db() -> Path:
    return folder_data() / NAMA_FILE


def sekarang() -> str:
    return datetime.now().isoformat(timespec="seconds")


def sambung(path: str | Path | None = None) -> sqlite3.Connection:
    """A new connection (one per kernel/process), schema migrated to the latest version."""
    return buka_sqlite(path or path_db(), MIGRASI)


def versi_data(con: sqlite3.Connection) -> int:
    """Changes whenever ANOTHER connection commits (SQLite's data_version): how a teacher's
    view learns, in microseconds, that phones answered (literasi.kelas.detak)."""
    return con.execute("PRAGMA data_version").fetchone()[0]


def buka_sqlite(path: str | Path, migrasi: list[str]) -> sqlite3.Connection:
    """A connection as every classroom store opens its file (this one, Kuis Kelas's, Umpan
    Balik Sesi's): a new file readable by the teacher only, autocommit (writes BEGIN
    themselves), a busy timeout, WAL so reads never wait for writes, FULL sync (a committed
    answer survives a power cut too, not only a killed server), foreign keys, and the schema
    migrated to the latest entry of `migrasi`."""
    if str(path) != ":memory:" and not Path(path).exists():
        # Answers are for the teacher only (0600); SQLite gives its -wal/-shm files the same mode.
        Path(path).touch(mode=0o600)
    con = sqlite3.connect(path, timeout=TUNGGU_MS / 1000, isolation_level=None)
    con.execute(f"PRAGMA busy_timeout = {TUNGGU_MS}")
    con.execute("PRAGMA journal_mode = WAL")
    con.execute("PRAGMA synchronous = FULL")
    con.execute("PRAGMA foreign_keys = ON")
    _migrasi(con, migrasi)
    return con


def _migrasi(con: sqlite3.Connection, migrasi: list[str]) -> None:
    """Run the migrations after the file's `PRAGMA user_version`; each is history, never
    changed (a new column is a new entry at the end)."""
    if con.execute("PRAGMA user_version").fetchone()[0] >= len(migrasi):
        return
    with transaksi(con):
        # Re-read inside the lock: another kernel may have migrated meanwhile.
        versi = con.execute("PRAGMA user_version").fetchone()[0]
        for nomor in range(versi, len(migrasi)):
            for perintah in migrasi[nomor].split(";"):
                if perintah.strip():
                    con.execute(perintah)
            con.execute(f"PRAGMA user_version = {nomor + 1}")


@contextmanager
def transaksi(con: sqlite3.Connection) -> Iterator[sqlite3.Connection]:
    """BEGIN IMMEDIATE … COMMIT (ROLLBACK on error): take the write lock up front."""
    con.execute("BEGIN IMMEDIATE")
    try:
        yield con
    except BaseException:
        con.execute("ROLLBACK")
        raise
    con.execute("COMMIT")


@contextmanager
def _koneksi(path: str | Path | None) -> Iterator[sqlite3.Connection]:
    con = sambung(path)
    try:
        yield con
    finally:
        con.close()


def rapikan_kode(kode: str) -> str:
    """Class codes are compared without case or surrounding spaces: ' 8a ' == '8A'."""
    return " ".join((kode or "").split()).upper()


def buat_kelas(kode_kelas: str, path: str | Path | None = None) -> bool:
    """Create a class code; False if it already exists."""
    kode = rapikan_kode(kode_kelas)
    if not kode:
        raise ValueError("Kode kelas masih kosong.")
    with _koneksi(path) as con, transaksi(con):
        cur = con.execute(
            "INSERT INTO kelas (kode_kelas, dibuat) VALUES (?, ?) ON CONFLICT DO NOTHING",
            (kode, sekarang()),
        )
        return cur.rowcount == 1


def daftar_kelas(path: str | Path | None = None):
    """Every class (archived too) with its number of answers and its answers-per-phone limit,
    oldest first."""
    with _koneksi(path) as con:
        baris = con.execute(
            "SELECT k.kode_kelas, k.dibuat, k.diarsipkan, COUNT(j.id), k.batas_ponsel "
            "FROM kelas k LEFT JOIN jawaban j ON j.kode_kelas = k.kode_kelas "
            "GROUP BY k.kode_kelas ORDER BY k.dibuat, k.kode_kelas"
        ).fetchall()
    kolom = ["kode_kelas", "dibuat", "diarsipkan", "jumlah_jawaban", "batas_ponsel"]
    tabel = pd.DataFrame(baris, columns=kolom)
    return tabel.astype(
        {
            "kode_kelas": "string",
            "diarsipkan": "string",
            "jumlah_jawaban": "Int64",
            "batas_ponsel": "Int64",
        }
    ).assign(dibuat=lambda t: pd.to_datetime(t["dibuat"]))


def status_kelas(kode_kelas: str, path: str | Path | None = None) -> str | None:
    """'aktif', 'arsip', or None when the code does not exist."""
    with _koneksi(path) as con:
        baris = con.execute(
            "SELECT diarsipkan FROM kelas WHERE kode_kelas = ?", (rapikan_kode(kode_kelas),)
        ).fetchone()
    if baris is None:
        return None
    return "arsip" if baris[0] else "aktif"


def simpan_jawaban(
    kode_kelas: str,
    kunci_kirim: str,
    jawaban: dict,
    path: str | Path | None = None,
    con: sqlite3.Connection | None = None,
) -> bool:
    """Store one answer; True if a new row was stored, False if `kunci_kirim` was already there.

    `jawaban` maps answer columns to values already validated (literasi.kelas.kuesioner). Pass
    `con` to reuse a connection (many answers from one process); otherwise one is opened and
    closed.
    """
    _periksa_kolom(jawaban)
    kode = rapikan_kode(kode_kelas)
    pakai = con or sambung(path)
    try:
        with transaksi(pakai):
            if _ada(pakai, kunci_kirim):
                return False  # already stored (double tap, resend): even if since archived
            kelas = pakai.execute(
                "SELECT diarsipkan FROM kelas WHERE kode_kelas = ?", (kode,)
            ).fetchone()
            if kelas is None:
                raise KelasTidakAda(kode)
            if kelas[0]:
                raise KelasDiarsipkan(kode)
            return _sisipkan(pakai, kode, kunci_kirim, jawaban)
    finally:
        if con is None:
            pakai.close()


def _periksa_kolom(jawaban: dict) -> None:
    asing = set(jawaban) - set(KOLOM_JAWABAN)
    if asing:
        raise KeyError(f"kolom tidak dikenal: {sorted(asing)}")


def _ada(con: sqlite3.Connection, kunci_kirim: str) -> bool:
    return con.execute("SELECT 1 FROM jawaban WHERE kunci_kirim = ?", (kunci_kirim,)).fetchone()


def _sisipkan(con: sqlite3.Connection, kode: str, kunci_kirim: str, jawaban: dict) -> bool:
    """INSERT one answer (inside the caller's transaction)."""
    kolom = ["kode_kelas", "kunci_kirim", "waktu", *jawaban]
    nilai = [kode, kunci_kirim, sekarang(), *jawaban.values()]
    perintah = (
        f"INSERT INTO jawaban ({', '.join(kolom)}) VALUES ({', '.join('?' * len(kolom))}) "
        "ON CONFLICT (kunci_kirim) DO NOTHING"
    )
    return con.execute(perintah, nilai).rowcount == 1


# --- Answers from a phone ---------------------------------------------------------------------

BATAS_KODE_SALAH = 5  # wrong class codes from one phone ...
JEDA_KODE_SALAH = 120  # ... within two minutes; then every code is refused for a while
BATAS_PONSEL_MAKS = 50  # the most answers per phone a teacher can allow in one class


@dataclass(frozen=True)
class Kiriman:
    """What became of one Kirim.

    status: "baru" (stored), "sudah" (this answer was stored before: a resend), "batas" (the
    phone has sent as many answers to this class as the teacher allows), "kode" (no class
    takes answers under this code: unknown and closed look the same), "tunggu" (too many
    wrong codes from this phone: wait `tunggu_detik`).
    """

    status: str
    kunci_kirim: str = ""
    batas: int = 0
    tunggu_detik: int = 0


def kunci_kirim_ponsel(ponsel: str, kode: str, nomor: int) -> str:
    """The idempotency key of the `nomor`-th answer of a phone in a class."""
    return sidik(ponsel, "kirim", rapikan_kode(kode), str(nomor))


def _nomor_isian(con: sqlite3.Connection, ponsel: str, kode: str) -> int:
    """The submission number this phone is filling in for this class (1 at first)."""
    baris = con.execute(
        "SELECT isian_ke FROM ponsel_kelas WHERE sidik = ?", (sidik(ponsel, "kelas", kode),)
    ).fetchone()
    return baris[0] if baris else 1


def _terkirim(con: sqlite3.Connection, ponsel: str, kode: str, sampai: int) -> int:
    """How many of this phone's answers 1..sampai are stored in the class."""
    kunci = [kunci_kirim_ponsel(ponsel, kode, k) for k in range(1, sampai + 1)]
    return con.execute(
        f"SELECT COUNT(*) FROM jawaban WHERE kunci_kirim IN ({', '.join('?' * len(kunci))})",
        kunci,
    ).fetchone()[0]


def _tunggu_kode(con: sqlite3.Connection, ponsel: str, detik: float) -> int:
    """Seconds this phone must wait before its next class code is looked at (0: none)."""
    waktu = con.execute(
        "SELECT waktu FROM kode_salah WHERE sidik = ? AND waktu > ? ORDER BY waktu DESC LIMIT ?",
        (sidik(ponsel, "kode"), detik - JEDA_KODE_SALAH, BATAS_KODE_SALAH),
    ).fetchall()
    if len(waktu) < BATAS_KODE_SALAH:
        return 0
    return max(1, math.ceil(waktu[-1][0] + JEDA_KODE_SALAH - detik))


def kirim_dari_ponsel(
    kode_kelas: str,
    ponsel: str,
    jawaban: dict,
    path: str | Path | None = None,
    detik: float | None = None,
) -> Kiriman:
    """Store one checked answer from a phone (its key: literasi.kelas.ponsel), in one
    transaction: a resend is recognised, then wrong codes are slowed down, then the class
    must take answers and the phone must be under the class's limit."""
    _periksa_kolom(jawaban)
    kode = rapikan_kode(kode_kelas)
    detik = time.time() if detik is None else detik
    with _koneksi(path) as con, transaksi(con):
        nomor = _nomor_isian(con, ponsel, kode)
        kunci = kunci_kirim_ponsel(ponsel, kode, nomor)
        if _ada(con, kunci):
            return Kiriman("sudah", kunci)
        tunggu = _tunggu_kode(con, ponsel, detik)
        if tunggu:
            return Kiriman("tunggu", tunggu_detik=tunggu)
        kelas = con.execute(
            "SELECT diarsipkan, batas_ponsel FROM kelas WHERE kode_kelas = ?", (kode,)
        ).fetchone()
        if kelas is None or kelas[0]:
            con.execute(
                "INSERT INTO kode_salah (sidik, waktu) VALUES (?, ?)",
                (sidik(ponsel, "kode"), detik),
            )
            con.execute("DELETE FROM kode_salah WHERE waktu < ?", (detik - 86400,))
            return Kiriman("kode")
        batas = kelas[1]
        if _terkirim(con, ponsel, kode, nomor) >= batas:
            return Kiriman("batas", batas=batas)
        con.execute(
            "INSERT INTO ponsel_kelas (sidik, kode_kelas, isian_ke) VALUES (?, ?, ?) "
            "ON CONFLICT DO NOTHING",
            (sidik(ponsel, "kelas", kode), kode, nomor),
        )
        _sisipkan(con, kode, kunci, jawaban)
        return Kiriman("baru", kunci)


def isian_berikutnya(kode_kelas: str, ponsel: str, path: str | Path | None = None) -> Kiriman:
    """A classmate uses the same phone: move to the next submission number, if the answer
    being filled is stored and the class allows this phone another one. Status "baru" (a new
    form may be filled), "batas" (limit reached) or "sudah" (the current answer is not stored
    yet: the same form number stays)."""
    kode = rapikan_kode(kode_kelas)
    with _koneksi(path) as con, transaksi(con):
        nomor = _nomor_isian(con, ponsel, kode)
        if not _ada(con, kunci_kirim_ponsel(ponsel, kode, nomor)):
            return Kiriman("sudah")
        batas = con.execute(
            "SELECT batas_ponsel FROM kelas WHERE kode_kelas = ?", (kode,)
        ).fetchone()
        if batas is None or _terkirim(con, ponsel, kode, nomor) >= batas[0]:
            return Kiriman("batas", batas=batas[0] if batas else 0)
        con.execute(
            "UPDATE ponsel_kelas SET isian_ke = ? WHERE sidik = ?",
            (nomor + 1, sidik(ponsel, "kelas", kode)),
        )
        return Kiriman("baru")


def atur_batas_ponsel(kode_kelas: str, batas: int, path: str | Path | None = None) -> bool:
    """How many answers one phone may send to this class (the teacher lifts it for phones
    that go round the class)."""
    if not 1 <= batas <= BATAS_PONSEL_MAKS:
        raise ValueError(f"Batas isian per ponsel: 1 sampai {BATAS_PONSEL_MAKS}.")
    with _koneksi(path) as con, transaksi(con):
        cur = con.execute(
            "UPDATE kelas SET batas_ponsel = ? WHERE kode_kelas = ?",
            (int(batas), rapikan_kode(kode_kelas)),
        )
        return cur.rowcount == 1


def _jenis_kolom(con: sqlite3.Connection) -> dict[str, str]:
    """Declared SQLite type of each column of `jawaban` (INTEGER, REAL, TEXT)."""
    return {b[1]: b[2].upper() for b in con.execute("PRAGMA table_info(jawaban)")}


_DTYPE = {"INTEGER": "Int64", "REAL": "Float64", "TEXT": "string"}


def ambil_jawaban(
    kode_kelas: str | None = None, path: str | Path | None = None, termasuk_arsip: bool = False
):
    """Answers of one class (or of every non-archived class) as a DataFrame, oldest first.

    Nullable dtypes: Int64 for counts, Float64 for measurements, string for text, datetime for
    `waktu`; an empty answer stays <NA>.
    """
    syarat, param = [], []
    if kode_kelas is not None:
        syarat.append("j.kode_kelas = ?")
        param.append(rapikan_kode(kode_kelas))
    elif not termasuk_arsip:
        syarat.append("k.diarsipkan IS NULL")
    where = f"WHERE {' AND '.join(syarat)}" if syarat else ""
    with _koneksi(path) as con:
        jenis = _jenis_kolom(con)
        kolom = list(jenis)
        baris = con.execute(
            f"SELECT {', '.join('j.' + k for k in kolom)} FROM jawaban j "
            f"JOIN kelas k ON k.kode_kelas = j.kode_kelas {where} ORDER BY j.id",
            param,
        ).fetchall()
    tabel = pd.DataFrame(baris, columns=kolom)
    tabel = tabel.astype({k: _DTYPE[j] for k, j in jenis.items() if k != "waktu"})
    tabel["waktu"] = pd.to_datetime(tabel["waktu"])
    return tabel


def sampel_acak(n: int, seed: int, path: str | Path | None = None):
    """A simple random sample without replacement of n answers from every non-archived class.

    Same data + same seed = same sample (rows are ordered by id before drawing). If fewer
    than n answers are stored, all of them are returned.
    """
    semua = ambil_jawaban(path=path)
    if n < 1:
        raise ValueError("Ukuran sampel minimal 1.")
    return semua.sample(n=min(n, len(semua)), random_state=seed).reset_index(drop=True)


def arsipkan_kelas(kode_kelas: str, path: str | Path | None = None) -> bool:
    """Close a class: no new answers, left out of 'semua kelas' and the sampler; data kept."""
    with _koneksi(path) as con, transaksi(con):
        cur = con.execute(
            "UPDATE kelas SET diarsipkan = ? WHERE kode_kelas = ? AND diarsipkan IS NULL",
            (sekarang(), rapikan_kode(kode_kelas)),
        )
        return cur.rowcount == 1


def buka_arsip(kode_kelas: str, path: str | Path | None = None) -> bool:
    with _koneksi(path) as con, transaksi(con):
        cur = con.execute(
            "UPDATE kelas SET diarsipkan = NULL WHERE kode_kelas = ?", (rapikan_kode(kode_kelas),)
        )
        return cur.rowcount == 1


def hapus_kelas(
    kode_kelas: str,
    path: str | Path | None = None,
    oleh: str = "dasbor guru",
    perangkat: str | None = None,
) -> int:
    """Reset: delete a class and all its answers (one transaction), noted in `catatan_hapus`.
    Returns answers deleted."""
    kode = rapikan_kode(kode_kelas)
    with _koneksi(path) as con, transaksi(con):
        terhapus = con.execute("DELETE FROM jawaban WHERE kode_kelas = ?", (kode,)).rowcount
        if con.execute("DELETE FROM kelas WHERE kode_kelas = ?", (kode,)).rowcount:
            con.execute(
                "INSERT INTO catatan_hapus (waktu, oleh, perangkat, kode_kelas, banyak) "
                "VALUES (?, ?, ?, ?, ?)",
                (sekarang(), oleh, perangkat, kode, terhapus),
            )
        return terhapus


def hapus_jawaban(
    jawaban_id: int,
    path: str | Path | None = None,
    oleh: str = "dasbor guru",
    perangkat: str | None = None,
) -> bool:
    """Delete one answer (a joke or a slip) and note who, when and which row in
    `catatan_hapus` (not what it said: deleted means gone). False if there is no such row.
    The phone that sent it may send again, within its class's limit."""
    with _koneksi(path) as con, transaksi(con):
        baris = con.execute(
            "SELECT kode_kelas, kunci_kirim, waktu FROM jawaban WHERE id = ?", (int(jawaban_id),)
        ).fetchone()
        if baris is None:
            return False
        con.execute("DELETE FROM jawaban WHERE id = ?", (int(jawaban_id),))
        con.execute(
            "INSERT INTO catatan_hapus (waktu, oleh, perangkat, kode_kelas, jawaban_id, "
            "kunci_kirim, waktu_jawaban, banyak) VALUES (?, ?, ?, ?, ?, ?, ?, 1)",
            (sekarang(), oleh, perangkat, baris[0], int(jawaban_id), baris[1], baris[2]),
        )
        return True


def catatan_hapus(path: str | Path | None = None):
    """Every deletion from the dashboard, newest first."""
    with _koneksi(path) as con:
        baris = con.execute(
            "SELECT waktu, oleh, perangkat, kode_kelas, jawaban_id, waktu_jawaban, banyak "
            "FROM catatan_hapus ORDER BY id DESC"
        ).fetchall()
    kolom = ["waktu", "oleh", "perangkat", "kode_kelas", "jawaban_id", "waktu_jawaban", "banyak"]
    tabel = pd.DataFrame(baris, columns=kolom)
    tabel = tabel.astype({"jawaban_id": "Int64", "banyak": "Int64"})
    for k in ("waktu", "waktu_jawaban"):
        tabel[k] = pd.to_datetime(tabel[k])
    return tabel


# --- Export (through the kit's one export module, literasi.ekspor) ---------------------------


def kamus_kolom() -> dict[str, tuple[str, str]]:
    """Column -> (what it is, unit), for the export's metadata sheet."""
    from literasi.kelas.kuesioner import PERTANYAAN  # the questionnaire is defined once, there

    kamus = dict(KOLOM_TETAP)
    for p in PERTANYAAN:
        keterangan = p.label + (f" (pilihan: {', '.join(p.pilihan)})" if p.pilihan else "")
        kamus[p.kunci] = (keterangan, p.satuan)
    return kamus


def buat_csv(kode_kelas: str | None = None, path: str | Path | None = None) -> bytes:
    """CSV of the answers (UTF-8 with BOM, comma-separated, dot decimals, text escaped)."""
    from literasi.ekspor import buat_csv as csv_aman

    tabel = ambil_jawaban(kode_kelas, path=path, termasuk_arsip=True)
    return csv_aman(tabel, date_format="%Y-%m-%d %H:%M:%S")


def buat_excel(kode_kelas: str | None = None, path: str | Path | None = None) -> bytes:
    """Excel workbook: sheet 'Data' (one row per answer) and 'Metadata' (scope, privacy, and
    each column with its meaning and unit)."""
    from literasi.ekspor import buat_excel as excel

    tabel = ambil_jawaban(kode_kelas, path=path, termasuk_arsip=True)
    cakupan = f"kelas {rapikan_kode(kode_kelas)}" if kode_kelas else "semua kelas (termasuk arsip)"
    metadata = [
        ("Judul", "Sensus Kelas — Kit Literasi Statistik Kota Pekalongan"),
        ("Diekspor", sekarang().replace("T", " ")),
        ("Cakupan", cakupan),
        ("Banyak baris", len(tabel)),
        ("Data anonim", "Tidak ada nama atau identitas pribadi. Data hanya ada di laptop guru."),
        ("Teks bebas", "Disimpan apa adanya seperti yang diketik siswa."),
    ]
    kamus = kamus_kolom()
    definisi = {}
    for nama in tabel.columns:
        keterangan, satuan = kamus.get(nama, ("", ""))
        definisi[nama] = keterangan + (f" (satuan: {satuan})" if satuan else "")
    return excel({"Data": tabel}, metadata, definisi)
