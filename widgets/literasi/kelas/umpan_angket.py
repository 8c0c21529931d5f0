"""Umpan Balik Sesi: the questionnaire, its checks, and its storage (SQLite on the laptop).

After a school visit, a Pojok Statistik day or a Desa Cantik session, participants rate it on
their phones: six questions on the three dimensions BPS's own consumer index (IKK) asks about
(service, data access, facilities), two each, on the 1–4 scale of Permenpan RB 14/2017, plus
one open question. The facilitator's view (literasi.kelas.umpan_balik_sesi) computes the index
with the kit's IKM engine (literasi.kelurahan.ikm over these six elements, equal weights): the
IKM method applied to this questionnaire, neither BPS's IKK nor an official IKM.

Storage is shaped like Kuis Kelas's (literasi.kelas.kuis_penyimpanan): one file in the kit's
data folder, opened by the workshop server (phones, literasi.kelas.umpan_web) and by the
facilitator's kernel; WAL, `BEGIN IMMEDIATE`, a schema versioned with `PRAGMA user_version`.
Anonymous: a row holds the scores, the open answer and the time, and a hash of the phone's key
for this session only (literasi.kelas.ponsel.sidik), so one phone answers once per session (a
resend after a Wi-Fi drop stores nothing new) and two sessions' rows cannot be linked.
"""

from __future__ import annotations

import re
import secrets
import sqlite3
import time
from dataclasses import dataclass
from pathlib import Path

import pandas as pd

from literasi.kelas import ponsel
from literasi.kelas.penyimpanan import buka_sqlite, folder_data, transaksi
from literasi.kelurahan import ikm

NAMA_FILE = "umpan_balik_sesi.sqlite"
KEGIATAN = ("Kunjungan sekolah", "Pojok Statistik", "Desa Cantik", "Kegiatan lain")
MAKS_SARAN = 500  # characters of the open answer
MAKS_NAMA = 80


@dataclass(frozen=True)
class Pertanyaan:
    kode: str  # also the column name in SQLite and in the export
    dimensi: str
    singkat: str  # the element's name in the facilitator's table
    teks: str  # what the phone shows


PERTANYAAN = (
    Pertanyaan(
        "P1",
        "Pelayanan",
        "Penjelasan petugas",
        "Penjelasan petugas atau pemandu: jelas dan mudah dipahami",
    ),
    Pertanyaan(
        "P2", "Pelayanan", "Sikap petugas", "Sikap petugas: ramah dan mau menjawab pertanyaan"
    ),
    Pertanyaan("A1", "Akses data", "Menemukan data", "Kemudahan menemukan data yang Anda perlukan"),
    Pertanyaan(
        "A2", "Akses data", "Memakai data", "Kemudahan membaca dan memakai data yang ditunjukkan"
    ),
    Pertanyaan(
        "S1",
        "Sarana dan prasarana",
        "Tempat dan waktu",
        "Tempat dan waktu kegiatan: nyaman dan cukup",
    ),
    Pertanyaan(
        "S2",
        "Sarana dan prasarana",
        "Perangkat",
        "Perangkat yang dipakai: proyektor, Wi-Fi, laptop atau ponsel",
    ),
)
KODE = tuple(p.kode for p in PERTANYAAN)
UNSUR = tuple(ikm.Unsur(p.kode, f"{p.dimensi}: {p.singkat}") for p in PERTANYAAN)
PERTANYAAN_TERBUKA = "Apa yang paling perlu kami perbaiki, atau yang paling Anda sukai?"

MIGRASI = [
    # 1: sessions and their answers (one per phone per session).
    f"""
    CREATE TABLE sesi (
        id INTEGER PRIMARY KEY,
        kode TEXT NOT NULL,
        nama TEXT NOT NULL,
        kegiatan TEXT NOT NULL,
        dibuat REAL NOT NULL,
        ditutup REAL
    );
    CREATE UNIQUE INDEX kode_terbuka ON sesi (kode) WHERE ditutup IS NULL;
    CREATE TABLE jawaban (
        id INTEGER PRIMARY KEY,
        sesi INTEGER NOT NULL REFERENCES sesi (id),
        sidik TEXT NOT NULL,
        {", ".join(f"{k} INTEGER NOT NULL CHECK ({k} BETWEEN 1 AND 4)" for k in KODE)},
        saran TEXT NOT NULL,
        diterima REAL NOT NULL,
        UNIQUE (sesi, sidik)
    );
    """,
]
VERSI_SKEMA = len(MIGRASI)


class TolakUmpan(Exception):
    """A request the questionnaire refuses; the message is for the participant. `medan` names
    the field it is about (a question's code, "saran", "kode") when there is one."""

    def __init__(self, pesan: str, medan: str | None = None):
        super().__init__(pesan)
        self.medan = medan


def path_db() -> Path:
    return folder_data() / NAMA_FILE


def sambung(path: str | Path | None = None) -> sqlite3.Connection:
    """A new connection (one per process, or per thread), schema migrated to the latest."""
    con = buka_sqlite(path or path_db(), MIGRASI)
    con.row_factory = sqlite3.Row
    return con


# --- The facilitator's side (kernel, behind the PIN) ------------------------------------------


def buat_sesi(con: sqlite3.Connection, nama: str, kegiatan: str) -> tuple[int, str]:
    """A new session; returns (id, code). The code is 4 digits, unique among open sessions.

    >>> con = sambung(":memory:")
    >>> buat_sesi(con, "  ", "Desa Cantik")
    Traceback (most recent call last):
    ...
    literasi.kelas.umpan_angket.TolakUmpan: Tulis nama sesi dulu, misalnya "Kunjungan SMA 1, ...
    """
    nama = " ".join(str(nama).split())
    if not nama:
        raise TolakUmpan('Tulis nama sesi dulu, misalnya "Kunjungan SMA 1, 4 Desember".', "nama")
    if len(nama) > MAKS_NAMA:
        raise TolakUmpan(
            f"Nama sesi terlalu panjang ({len(nama)} huruf, paling banyak {MAKS_NAMA}).", "nama"
        )
    if kegiatan not in KEGIATAN:
        raise TolakUmpan(
            f"Jenis kegiatan harus salah satu dari: {', '.join(KEGIATAN)}.", "kegiatan"
        )
    with transaksi(con):
        dipakai = {r[0] for r in con.execute("SELECT kode FROM sesi WHERE ditutup IS NULL")}
        kode = next(
            k
            for k in (f"{secrets.randbelow(9000) + 1000}" for _ in range(10_000))
            if k not in dipakai
        )
        sesi = con.execute(
            "INSERT INTO sesi (kode, nama, kegiatan, dibuat) VALUES (?, ?, ?, ?)",
            (kode, nama, kegiatan, time.time()),
        ).lastrowid
    return sesi, kode


def daftar_sesi(con: sqlite3.Connection) -> list[dict]:
    """Every session, newest first, with its number of answers."""
    return [
        dict(r)
        for r in con.execute(
            "SELECT s.*, (SELECT COUNT(*) FROM jawaban j WHERE j.sesi = s.id) AS banyak "
            "FROM sesi s ORDER BY s.dibuat DESC, s.id DESC"
        )
    ]


def ambil_sesi(con: sqlite3.Connection, sesi: int) -> dict:
    baris = con.execute("SELECT * FROM sesi WHERE id = ?", (sesi,)).fetchone()
    if baris is None:
        raise LookupError(f"sesi {sesi} tidak ada")
    return dict(baris)


def tutup_sesi(con: sqlite3.Connection, sesi: int) -> bool:
    """No more answers for this session (its code is free again); False if already closed."""
    with transaksi(con):
        return (
            con.execute(
                "UPDATE sesi SET ditutup = ? WHERE id = ? AND ditutup IS NULL", (time.time(), sesi)
            ).rowcount
            == 1
        )


def tabel_jawaban(con: sqlite3.Connection, sesi: int) -> pd.DataFrame:
    """The session's answers in arrival order: the six scores (Int64), the open answer, the time."""
    baris = con.execute(
        f"SELECT {', '.join(KODE)}, saran, diterima FROM jawaban WHERE sesi = ? ORDER BY id",
        (sesi,),
    ).fetchall()
    tabel = pd.DataFrame([tuple(r) for r in baris], columns=[*KODE, "saran", "diterima"])
    return tabel.astype({k: "Int64" for k in KODE} | {"saran": "string", "diterima": "float"})


def hitung_indeks(tabel: pd.DataFrame) -> ikm.HasilIKM | None:
    """NRR per question, the index (×25) and its band, by the kit's IKM engine; None without
    answers (every answer has all six scores, so each question has as many as there are rows)."""
    if tabel.empty:
        return None
    return ikm.hitung_ikm(tabel[list(KODE)], unsur=UNSUR)


# --- The phone's side (workshop server) -------------------------------------------------------


def rapikan_kode(kode) -> str:
    return "".join(str(kode or "").split())[:12]


def cari_sesi(con: sqlite3.Connection, kode) -> dict:
    """The open session with this code, or TolakUmpan with what to do."""
    kode = rapikan_kode(kode)
    if not kode:
        raise TolakUmpan("Tulis kode sesi yang tampil di layar fasilitator.", "kode")
    baris = con.execute("SELECT * FROM sesi WHERE kode = ? AND ditutup IS NULL", (kode,)).fetchone()
    if baris is None:
        raise TolakUmpan(
            f"Kode sesi {kode} tidak ditemukan atau sesinya sudah ditutup. Periksa kode di "
            "layar fasilitator.",
            "kode",
        )
    return dict(baris)


def periksa_isian(skor, saran) -> tuple[dict[str, int], str]:
    """The six scores (1–4 each) and the open answer, checked; TolakUmpan names the first
    question that is missing or wrong by its number and words.

    >>> periksa_isian({"P1": 4, "P2": 3, "A1": 2, "A2": 4, "S1": 1, "S2": 3}, "  Bagus  ")
    ({'P1': 4, 'P2': 3, 'A1': 2, 'A2': 4, 'S1': 1, 'S2': 3}, 'Bagus')
    >>> periksa_isian({"P1": 4}, "")
    Traceback (most recent call last):
    ...
    literasi.kelas.umpan_angket.TolakUmpan: Pertanyaan 2 (Sikap petugas) belum dijawab: ...
    """
    if not isinstance(skor, dict):
        skor = {}
    hasil = {}
    for nomor, p in enumerate(PERTANYAAN, start=1):
        nilai = skor.get(p.kode)
        if nilai is None:
            raise TolakUmpan(
                f"Pertanyaan {nomor} ({p.singkat}) belum dijawab: pilih 1, 2, 3, atau 4.", p.kode
            )
        if type(nilai) is not int or nilai not in ikm.SKALA:
            raise TolakUmpan(
                f"Pertanyaan {nomor} ({p.singkat}): nilai harus 1, 2, 3, atau 4.", p.kode
            )
        hasil[p.kode] = nilai
    if saran is None:
        saran = ""
    if not isinstance(saran, str):
        raise TolakUmpan("Jawaban pertanyaan terbuka harus berupa teks.", "saran")
    # Control characters would only spoil the export; line breaks are kept.
    saran = re.sub(r"[^\S\n]+", " ", re.sub(r"[\x00-\x09\x0b-\x1f\x7f]", " ", saran)).strip()
    if len(saran) > MAKS_SARAN:
        raise TolakUmpan(
            f"Jawaban pertanyaan terbuka terlalu panjang ({len(saran)} huruf, paling banyak "
            f"{MAKS_SARAN}).",
            "saran",
        )
    return hasil, saran


def sidik_ponsel(kunci: str, sesi: int) -> str:
    """What is stored of the phone: a hash of its key for this session only."""
    return ponsel.sidik(kunci, "umpan", str(sesi))


def sudah_menjawab(con: sqlite3.Connection, sesi: int, kunci: str) -> bool:
    return (
        con.execute(
            "SELECT 1 FROM jawaban WHERE sesi = ? AND sidik = ?", (sesi, sidik_ponsel(kunci, sesi))
        ).fetchone()
        is not None
    )


def simpan_jawaban(con: sqlite3.Connection, kode, kunci: str, skor, saran) -> str:
    """Store one phone's answer for the open session `kode`: "baru" (stored), "sama" (this
    phone's answer was already stored, identical: a resend, nothing new). TolakUmpan when the
    answer is incomplete, the session is unknown or closed, or this phone already sent a
    different answer (one answer per phone per session)."""
    if not ponsel.sah(kunci):
        raise TolakUmpan(
            "Ponsel ini belum punya kunci. Muat ulang halaman ini; jika pesan ini "
            "muncul lagi, izinkan cookie untuk alamat ini."
        )
    with transaksi(con):
        sesi = cari_sesi(con, kode)["id"]  # the code first: without it the answers mean nothing
        skor, saran = periksa_isian(skor, saran)
        sidik = sidik_ponsel(kunci, sesi)
        lama = con.execute(
            f"SELECT {', '.join(KODE)}, saran FROM jawaban WHERE sesi = ? AND sidik = ?",
            (sesi, sidik),
        ).fetchone()
        if lama is not None:
            if tuple(lama) == (*skor.values(), saran):
                return "sama"
            raise TolakUmpan(
                "Ponsel ini sudah mengirim penilaian untuk sesi ini. Terima kasih!", "sudah"
            )
        con.execute(
            f"INSERT INTO jawaban (sesi, sidik, {', '.join(KODE)}, saran, diterima) "
            f"VALUES (?, ?, {', '.join('?' * len(KODE))}, ?, ?)",
            (sesi, sidik, *skor.values(), saran, time.time()),
        )
    return "baru"


def angket_untuk_ponsel(sesi: dict) -> dict:
    """What the phone page needs to draw the questionnaire (one source for its words)."""
    return {
        "nama": sesi["nama"],
        "kegiatan": sesi["kegiatan"],
        "pertanyaan": [{"kode": p.kode, "dimensi": p.dimensi, "teks": p.teks} for p in PERTANYAAN],
        "skala": [[n, ikm.LABEL_SKALA[n].capitalize()] for n in ikm.SKALA],
        "terbuka": PERTANYAAN_TERBUKA,
        "maks_saran": MAKS_SARAN,
    }


# --- Export -------------------------------------------------------------------------------------

DEFINISI = {
    "kode": "Kode pertanyaan (P: pelayanan, A: akses data, S: sarana dan prasarana)",
    "unsur": "Dimensi dan pertanyaan",
    "jawaban_sah": "Banyak jawaban (skala 1–4)",
    "nrr": "Nilai rata-rata (NRR): jumlah nilai ÷ banyak jawaban",
    "bobot": "Bobot sama untuk setiap pertanyaan (1/6)",
    "nrr_tertimbang": "NRR × bobot",
    "nilai_konversi": "NRR × 25 (skala 25–100)",
    "mutu": "Mutu menurut pita Permenpan RB 14/2017 (A–D)",
    "saran": "Jawaban pertanyaan terbuka, apa adanya",
    "diterima": "Waktu jawaban diterima laptop",
}
CATATAN_METODE = (
    "Indeks dihitung dengan cara IKM Permenpan RB No. 14 Tahun 2017 (skala 1–4, NRR per "
    "pertanyaan, bobot sama, × 25, pita mutu A–D) atas 6 pertanyaan sesi ini. Ini bukan IKM "
    "resmi unit layanan dan bukan Indeks Kepuasan Konsumen (IKK) BPS."
)


def _waktu(detik: float | None) -> str | None:
    return None if detik is None else time.strftime("%Y-%m-%d %H:%M", time.localtime(detik))


def ekspor_excel(con: sqlite3.Connection, sesi: int) -> bytes:
    """Excel: sheets Ringkasan (one row per question), Jawaban (one anonymous row per phone)
    and Metadata (the session, the index, the method)."""
    from literasi.ekspor import buat_excel

    s = ambil_sesi(con, sesi)
    tabel = tabel_jawaban(con, sesi)
    hasil = hitung_indeks(tabel)
    lembar = {}
    if hasil is not None:
        lembar["Ringkasan"] = hasil.tabel_unsur()
    jawaban = tabel.copy()
    jawaban["diterima"] = [_waktu(d) for d in tabel["diterima"]]
    lembar["Jawaban"] = jawaban
    metadata = [
        ("Judul", f"Umpan Balik Sesi — {s['nama']}"),
        ("Kegiatan", s["kegiatan"]),
        ("Kode sesi", s["kode"]),
        ("Dibuat", _waktu(s["dibuat"])),
        ("Status", "ditutup " + _waktu(s["ditutup"]) if s["ditutup"] else "terbuka"),
        ("Banyak jawaban", len(tabel)),
        ("Indeks (25–100)", float(hasil.ikm) if hasil else None),
        ("Mutu", f"{hasil.kategori.mutu} ({hasil.kategori.kinerja})" if hasil else None),
        ("Metode", CATATAN_METODE),
        ("Pertanyaan terbuka", PERTANYAAN_TERBUKA),
        (
            "Data",
            "Anonim: tanpa nama atau data pribadi; satu jawaban per ponsel per sesi. "
            "Data ada di laptop fasilitator.",
        ),
    ]
    desimal = {"nrr": 2, "bobot": 4, "nrr_tertimbang": 4, "nilai_konversi": 2}
    return buat_excel(lembar, metadata, DEFINISI, desimal)
