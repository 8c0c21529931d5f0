"""Kuis Kelas, storage: one SQLite file on the teacher's laptop, shared by two processes.

The host view runs in a kernel (behind the teacher's PIN) and the phones talk to the workshop
server itself (literasi.kelas.kuis_web, no kernel per player). Both open this file: the kernel
writes what the teacher does (open a question, close it and grade it, show the leaderboard),
the server writes who joined and what they answered. Each side notices the other's writes with
`PRAGMA data_version`, which changes when another connection commits: a poll that costs
microseconds, so no network API between the two is needed, and nothing on the Wi-Fi can open
or close a question.

As in the class survey's storage (literasi.kelas.penyimpanan): WAL so reads never wait for
writes, a busy timeout, `BEGIN IMMEDIATE` for every write, an idempotency key per answer (a
double tap or a resend after a Wi-Fi drop stores ONE row), and a schema versioned with
`PRAGMA user_version`. A player is a nickname and a random token (kept by the phone to come
back after a reload); no personal data. A finished quiz is archived, never deleted.

Times are Unix seconds (`time.time()`), the same clock for the kernel and the server.
"""

from __future__ import annotations

import json
import secrets
import sqlite3
import time
from collections import Counter
from collections.abc import Callable, Iterable
from datetime import datetime
from pathlib import Path

from literasi.kelas.kuis_aturan import Skor, kunci_nama, poin_jawaban, susun_peringkat
from literasi.kelas.penyimpanan import buka_sqlite, folder_data, transaksi

NAMA_FILE = "kuis_kelas.sqlite"
TAHAP = ("gabung", "soal", "tutup", "papan", "selesai")
MAKS_PEMAIN = 300  # per quiz: a hall of 150 with room to spare; bounds what a prankster costs

MIGRASI = [
    # 1: quizzes (sesi), their questions, players and answers.
    """
    CREATE TABLE sesi (
        id INTEGER PRIMARY KEY,
        kode_ruang TEXT NOT NULL,
        judul TEXT NOT NULL,
        sumber TEXT NOT NULL,
        dibuat REAL NOT NULL,
        tahap TEXT NOT NULL DEFAULT 'gabung'
            CHECK (tahap IN ('gabung', 'soal', 'tutup', 'papan', 'selesai')),
        soal_ke INTEGER,
        batas REAL,
        diarsipkan REAL
    );
    CREATE UNIQUE INDEX ruang_aktif ON sesi (kode_ruang) WHERE diarsipkan IS NULL;
    CREATE TABLE soal (
        sesi INTEGER NOT NULL REFERENCES sesi (id),
        nomor INTEGER NOT NULL,
        jenis TEXT NOT NULL,
        pertanyaan TEXT NOT NULL,
        pilihan TEXT NOT NULL,
        jawaban_teks TEXT NOT NULL,
        penjelasan TEXT NOT NULL,
        catatan TEXT NOT NULL,
        detik INTEGER NOT NULL,
        asal TEXT NOT NULL,
        grafik TEXT,
        kunci TEXT NOT NULL,
        dibuka REAL,
        ditutup REAL,
        PRIMARY KEY (sesi, nomor)
    );
    CREATE TABLE pemain (
        id INTEGER PRIMARY KEY,
        sesi INTEGER NOT NULL REFERENCES sesi (id),
        nama TEXT NOT NULL,
        kunci_nama TEXT NOT NULL,
        token TEXT NOT NULL UNIQUE,
        bergabung REAL NOT NULL,
        UNIQUE (sesi, kunci_nama)
    );
    CREATE TABLE jawaban (
        id INTEGER PRIMARY KEY,
        sesi INTEGER NOT NULL,
        nomor INTEGER NOT NULL,
        pemain INTEGER NOT NULL REFERENCES pemain (id),
        kunci_kirim TEXT NOT NULL UNIQUE,
        jawaban TEXT NOT NULL,
        diterima REAL NOT NULL,
        waktu_ms INTEGER NOT NULL,
        benar INTEGER,
        poin INTEGER,
        UNIQUE (sesi, nomor, pemain),
        FOREIGN KEY (sesi, nomor) REFERENCES soal (sesi, nomor)
    );
    CREATE INDEX jawaban_per_soal ON jawaban (sesi, nomor);
    """,
]
VERSI_SKEMA = len(MIGRASI)


class TolakKuis(Exception):
    """A request the quiz refuses; the message is for the student."""


def path_db() -> Path:
    return folder_data() / NAMA_FILE


def sambung(path: str | Path | None = None) -> sqlite3.Connection:
    """A new connection (one per process, or per thread), schema migrated to the latest."""
    con = buka_sqlite(path or path_db(), MIGRASI)
    con.row_factory = sqlite3.Row
    return con


# --- The teacher's side (host kernel) ---------------------------------------------------------


def buat_sesi(
    con: sqlite3.Connection, judul: str, sumber: str, daftar_soal: list[dict]
) -> tuple[int, str]:
    """A new quiz with its questions (rows from kuis_soal.ke_baris_db); returns (id, room code).

    The room code is 4 digits, unique among the quizzes not yet archived.
    """
    if not daftar_soal:
        raise ValueError("Kuis tanpa soal.")
    with transaksi(con):
        dipakai = {
            r[0] for r in con.execute("SELECT kode_ruang FROM sesi WHERE diarsipkan IS NULL")
        }
        kode = next(
            k
            for k in (f"{secrets.randbelow(9000) + 1000}" for _ in range(10_000))
            if k not in dipakai
        )
        sesi = con.execute(
            "INSERT INTO sesi (kode_ruang, judul, sumber, dibuat) VALUES (?, ?, ?, ?)",
            (kode, judul, sumber, time.time()),
        ).lastrowid
        for nomor, s in enumerate(daftar_soal, start=1):
            kolom = ["sesi", "nomor", *s]
            con.execute(
                f"INSERT INTO soal ({', '.join(kolom)}) VALUES ({', '.join('?' * len(kolom))})",
                (sesi, nomor, *s.values()),
            )
    return sesi, kode


def ambil_sesi(con: sqlite3.Connection, sesi: int) -> dict:
    baris = con.execute("SELECT * FROM sesi WHERE id = ?", (sesi,)).fetchone()
    if baris is None:
        raise LookupError(f"kuis {sesi} tidak ada")
    return dict(baris)


def ambil_soal(con: sqlite3.Connection, sesi: int) -> list[dict]:
    """The questions of a quiz in order; `pilihan` and `kunci` decoded from JSON."""
    daftar = []
    for r in con.execute("SELECT * FROM soal WHERE sesi = ? ORDER BY nomor", (sesi,)):
        d = dict(r)
        d["pilihan"], d["kunci"] = json.loads(d["pilihan"]), json.loads(d["kunci"])
        daftar.append(d)
    return daftar


def daftar_sesi(con: sqlite3.Connection) -> list[dict]:
    """Every quiz on this laptop, newest first, with its counts (archived ones too)."""
    return [
        dict(r)
        for r in con.execute(
            "SELECT s.*, (SELECT COUNT(*) FROM soal WHERE sesi = s.id) AS banyak_soal, "
            "(SELECT COUNT(*) FROM pemain WHERE sesi = s.id) AS banyak_pemain, "
            "(SELECT COUNT(*) FROM jawaban WHERE sesi = s.id) AS banyak_jawaban "
            "FROM sesi s ORDER BY s.dibuat DESC, s.id DESC"
        )
    ]


def buka_soal(con: sqlite3.Connection, sesi: int, nomor: int) -> float:
    """Open question `nomor` for answers; returns its deadline (Unix seconds)."""
    with transaksi(con):
        s = con.execute("SELECT diarsipkan FROM sesi WHERE id = ?", (sesi,)).fetchone()
        if s is None or s[0]:
            raise TolakKuis("Kuis ini sudah diarsipkan.")
        soal = con.execute(
            "SELECT detik FROM soal WHERE sesi = ? AND nomor = ?", (sesi, nomor)
        ).fetchone()
        if soal is None:
            raise LookupError(f"soal {nomor} tidak ada")
        kini = time.time()
        batas = kini + soal[0]
        con.execute(
            "UPDATE soal SET dibuka = ?, ditutup = NULL WHERE sesi = ? AND nomor = ?",
            (kini, sesi, nomor),
        )
        con.execute(
            "UPDATE sesi SET tahap = 'soal', soal_ke = ?, batas = ? WHERE id = ?",
            (nomor, batas, sesi),
        )
    return batas


def tutup_soal(con: sqlite3.Connection, sesi: int, nomor: int, benar: Callable[[str], bool]) -> int:
    """Close question `nomor` (by the timer or by hand) and grade its answers in the same
    transaction, so no answer can slip in between. `benar(jawaban)` is the exercise object's
    own check (kuis_soal.SoalKuis.benar). Returns the number of answers graded."""
    with transaksi(con):
        soal = con.execute(
            "SELECT dibuka, detik FROM soal WHERE sesi = ? AND nomor = ?", (sesi, nomor)
        ).fetchone()
        banyak = con.execute("SELECT COUNT(*) FROM soal WHERE sesi = ?", (sesi,)).fetchone()[0]
        kini = time.time()
        con.execute(
            "UPDATE sesi SET tahap = 'tutup', batas = MIN(COALESCE(batas, ?), ?) "
            "WHERE id = ? AND soal_ke = ?",
            (kini, kini, sesi, nomor),
        )
        con.execute(
            "UPDATE soal SET ditutup = COALESCE(ditutup, ?) WHERE sesi = ? AND nomor = ?",
            (kini, sesi, nomor),
        )
        jawaban = con.execute(
            "SELECT id, jawaban, waktu_ms FROM jawaban WHERE sesi = ? AND nomor = ?",
            (sesi, nomor),
        ).fetchall()
        for j in jawaban:
            ok = bool(benar(j["jawaban"]))
            poin = poin_jawaban(ok, j["waktu_ms"], soal["detik"] * 1000, banyak)
            con.execute("UPDATE jawaban SET benar = ?, poin = ? WHERE id = ?", (ok, poin, j["id"]))
    return len(jawaban)


def ke_tahap(con: sqlite3.Connection, sesi: int, tahap: str) -> None:
    """Move the quiz to 'papan' (leaderboard) or 'selesai' (finished) for every phone."""
    if tahap not in ("papan", "selesai", "tutup"):
        raise ValueError(tahap)
    with transaksi(con):
        con.execute("UPDATE sesi SET tahap = ? WHERE id = ?", (tahap, sesi))


def arsipkan(con: sqlite3.Connection, sesi: int) -> bool:
    """Finish and archive a quiz: it takes no players or answers; its data stays."""
    with transaksi(con):
        cur = con.execute(
            "UPDATE sesi SET tahap = 'selesai', diarsipkan = ? WHERE id = ? AND diarsipkan IS NULL",
            (time.time(), sesi),
        )
        return cur.rowcount == 1


def daftar_pemain(con: sqlite3.Connection, sesi: int) -> list[tuple[int, str]]:
    """(id, nickname) in join order."""
    return [
        (r[0], r[1])
        for r in con.execute("SELECT id, nama FROM pemain WHERE sesi = ? ORDER BY id", (sesi,))
    ]


def jawaban_soal(con: sqlite3.Connection, sesi: int, nomor: int) -> list[dict]:
    return [
        dict(r)
        for r in con.execute(
            "SELECT j.*, p.nama FROM jawaban j JOIN pemain p ON p.id = j.pemain "
            "WHERE j.sesi = ? AND j.nomor = ? ORDER BY j.id",
            (sesi, nomor),
        )
    ]


def peringkat(con: sqlite3.Connection, sesi: int) -> list[Skor]:
    """Every player's standing from the graded answers (kuis_aturan.susun_peringkat)."""
    jawaban = con.execute(
        "SELECT pemain, benar, poin, waktu_ms FROM jawaban WHERE sesi = ? AND benar IS NOT NULL",
        (sesi,),
    ).fetchall()
    return susun_peringkat(daftar_pemain(con, sesi), [tuple(j) for j in jawaban])


def salah_terbanyak(jawaban: Iterable[str], bentuk: Callable[[str], str] = str):
    """The most common wrong answer and how many gave it; ties: the one given first."""
    hitung = Counter(bentuk(j) for j in jawaban)
    if not hitung:
        return None, 0
    return hitung.most_common(1)[0]


def ringkasan_soal(con: sqlite3.Connection, sesi: int, bentuk=None) -> list[dict]:
    """Per question: answers, right answers, share right, and the most common wrong answer.
    `bentuk(soal, jawaban)` tidies an answer before counting (numbers: 6,9 = 6.90)."""
    hasil = []
    for s in ambil_soal(con, sesi):
        semua = jawaban_soal(con, sesi, s["nomor"])
        dinilai = [j for j in semua if j["benar"] is not None]
        benar = sum(1 for j in dinilai if j["benar"])
        salah = [j["jawaban"] for j in dinilai if not j["benar"]]
        teks, n = salah_terbanyak(salah, (lambda j, s=s: bentuk(s, j)) if bentuk else str)
        hasil.append(
            {
                "nomor": s["nomor"],
                "pertanyaan": s["pertanyaan"],
                "jawaban_benar": s["jawaban_teks"],
                "menjawab": len(semua),
                "benar": benar,
                "persen_benar": round(100 * benar / len(dinilai), 1) if dinilai else None,
                "salah_terbanyak": teks,
                "banyak_salah_terbanyak": n,
            }
        )
    return hasil


# --- The phones' side (the workshop server) -------------------------------------------------


def gabung(con: sqlite3.Connection, kode_ruang: str, nama: str) -> dict:
    """A new player in the quiz with this room code; `nama` already checked (kuis_aturan).
    Returns {id, sesi, nama, token}; TolakKuis with a message otherwise."""
    kode = "".join((kode_ruang or "").split())
    token = secrets.token_urlsafe(18)
    with transaksi(con):
        sesi = con.execute(
            "SELECT id, tahap FROM sesi WHERE kode_ruang = ? AND diarsipkan IS NULL", (kode,)
        ).fetchone()
        if sesi is None:
            raise TolakKuis("Kode ruang tidak ditemukan. Periksa angka di layar proyektor.")
        if sesi["tahap"] == "selesai":
            raise TolakKuis("Kuis di ruang ini sudah selesai.")
        banyak = con.execute("SELECT COUNT(*) FROM pemain WHERE sesi = ?", (sesi["id"],))
        if banyak.fetchone()[0] >= MAKS_PEMAIN:
            raise TolakKuis(f"Ruang ini sudah penuh ({MAKS_PEMAIN} pemain).")
        try:
            pid = con.execute(
                "INSERT INTO pemain (sesi, nama, kunci_nama, token, bergabung) "
                "VALUES (?, ?, ?, ?, ?)",
                (sesi["id"], nama, kunci_nama(nama), token, time.time()),
            ).lastrowid
        except sqlite3.IntegrityError:
            raise TolakKuis(
                "Nama itu sudah dipakai di ruang ini. Tambahkan huruf atau angka, mis. "
                f"{nama[:13]} 2."
            ) from None
    return {"id": pid, "sesi": sesi["id"], "nama": nama, "token": token}


def pemain_dari_token(con: sqlite3.Connection, token: str) -> dict | None:
    """The player a phone's saved token belongs to (after a reload or a Wi-Fi drop)."""
    baris = con.execute(
        "SELECT p.id, p.sesi, p.nama, p.token FROM pemain p WHERE p.token = ?", (token,)
    ).fetchone()
    return dict(baris) if baris else None


def simpan_jawaban(con: sqlite3.Connection, kiriman: list[dict]) -> list[tuple[str, str]]:
    """Store answers received by the server, all in ONE transaction (one disk sync for a burst).

    Each kiriman: {pemain, sesi, nomor, jawaban, kunci_kirim, diterima}. Each result:
    ("baru", answer) stored; ("sama", answer) the same key was stored before (a double tap or a
    resend); ("sudah", answer) this player already answered this question (the first answer
    counts); ("tolak", message) the question is not open, or the answer came after its time.
    """
    hasil = []
    with transaksi(con):
        for k in kiriman:
            lama = con.execute(
                "SELECT pemain, jawaban FROM jawaban WHERE kunci_kirim = ?", (k["kunci_kirim"],)
            ).fetchone()
            if lama is not None:
                hasil.append(
                    ("sama", lama["jawaban"])
                    if lama["pemain"] == k["pemain"]
                    else ("tolak", "Kiriman tidak sah. Muat ulang halaman.")
                )
                continue
            sudah = con.execute(
                "SELECT jawaban FROM jawaban WHERE sesi = ? AND nomor = ? AND pemain = ?",
                (k["sesi"], k["nomor"], k["pemain"]),
            ).fetchone()
            if sudah is not None:
                hasil.append(("sudah", sudah["jawaban"]))
                continue
            s = con.execute(
                "SELECT s.tahap, s.soal_ke, s.batas, s.diarsipkan, q.dibuka FROM sesi s "
                "JOIN soal q ON q.sesi = s.id AND q.nomor = s.soal_ke WHERE s.id = ?",
                (k["sesi"],),
            ).fetchone()
            if s is None or s["diarsipkan"] or s["soal_ke"] != k["nomor"]:
                hasil.append(("tolak", "Soal ini tidak sedang dibuka."))
            elif s["tahap"] != "soal" or k["diterima"] > s["batas"]:
                hasil.append(
                    ("tolak", "Waktu habis: jawabanmu sampai setelah soal ditutup, tidak dihitung.")
                )
            else:
                con.execute(
                    "INSERT INTO jawaban (sesi, nomor, pemain, kunci_kirim, jawaban, diterima, "
                    "waktu_ms) VALUES (?, ?, ?, ?, ?, ?, ?)",
                    (
                        k["sesi"],
                        k["nomor"],
                        k["pemain"],
                        k["kunci_kirim"],
                        k["jawaban"],
                        k["diterima"],
                        max(0, round(1000 * (k["diterima"] - s["dibuka"]))),
                    ),
                )
                hasil.append(("baru", k["jawaban"]))
    return hasil


def keadaan(con: sqlite3.Connection, sesi: int) -> dict:
    """What every phone of a quiz must show now, read in one go for the server's broadcast:
    the quiz row, the current question (without its answer while it is open), each player's
    answer to it, and the standings once a question has been graded."""
    with con:  # one read snapshot
        con.execute("BEGIN")
        s = ambil_sesi(con, sesi)
        soal = banyak = None
        if s["soal_ke"]:
            soal = dict(
                con.execute(
                    "SELECT nomor, jenis, pertanyaan, pilihan, jawaban_teks, penjelasan, "
                    "catatan, detik FROM soal WHERE sesi = ? AND nomor = ?",
                    (sesi, s["soal_ke"]),
                ).fetchone()
            )
            soal["pilihan"] = json.loads(soal["pilihan"])
        banyak = con.execute("SELECT COUNT(*) FROM soal WHERE sesi = ?", (sesi,)).fetchone()[0]
        jawaban = {
            r["pemain"]: dict(r)
            for r in con.execute(
                "SELECT pemain, jawaban, benar, poin FROM jawaban WHERE sesi = ? AND nomor = ?",
                (sesi, s["soal_ke"] or 0),
            )
        }
        skor = {k.pemain: k for k in peringkat(con, sesi)}
    return {"sesi": s, "soal": soal, "banyak_soal": banyak, "jawaban": jawaban, "skor": skor}


# --- Export ---------------------------------------------------------------------------------


def _waktu(detik: float | None) -> str | None:
    return datetime.fromtimestamp(detik).isoformat(sep=" ", timespec="seconds") if detik else None


def tabel_ekspor(con: sqlite3.Connection, sesi: int, bentuk=None) -> dict:
    """The three tables of the export: per player, per question, and every answer."""
    import pandas as pd

    pemain = pd.DataFrame(
        [
            {
                "peringkat": k.peringkat,
                "nama_panggilan": k.nama,
                "poin": k.poin,
                "benar": k.benar,
                "waktu_benar_detik": round(k.waktu_benar_ms / 1000, 1),
            }
            for k in peringkat(con, sesi)
        ],
        columns=["peringkat", "nama_panggilan", "poin", "benar", "waktu_benar_detik"],
    )
    soal = pd.DataFrame(
        ringkasan_soal(con, sesi, bentuk),
        columns=["nomor", "pertanyaan", "jawaban_benar", "menjawab", "benar", "persen_benar",
                 "salah_terbanyak", "banyak_salah_terbanyak"],
    )  # fmt: skip
    jawaban = pd.DataFrame(
        [
            {
                "nomor_soal": r["nomor"],
                "nama_panggilan": r["nama"],
                "jawaban": r["jawaban"],
                "benar": None if r["benar"] is None else bool(r["benar"]),
                "poin": r["poin"],
                "waktu_detik": round(r["waktu_ms"] / 1000, 2),
                "diterima": _waktu(r["diterima"]),
            }
            for r in con.execute(
                "SELECT j.*, p.nama FROM jawaban j JOIN pemain p ON p.id = j.pemain "
                "WHERE j.sesi = ? ORDER BY j.nomor, j.id",
                (sesi,),
            )
        ],
        columns=["nomor_soal", "nama_panggilan", "jawaban", "benar", "poin", "waktu_detik",
                 "diterima"],
    )  # fmt: skip
    return {"Pemain": pemain, "Soal": soal, "Jawaban": jawaban}


DEFINISI = {
    "peringkat": "Urutan akhir: poin terbanyak; jika sama, total waktu jawaban benar lebih "
    "singkat; jika masih sama, yang bergabung lebih dulu",
    "nama_panggilan": "Nama yang diketik siswa (bukan nama asli, tanpa data pribadi)",
    "poin": "1.000 per jawaban benar ditambah bonus cepat (lihat aturan poin)",
    "waktu_benar_detik": "Jumlah waktu menjawab (detik) pada soal yang dijawab benar",
    "persen_benar": "Jawaban benar ÷ jawaban yang masuk × 100",
    "salah_terbanyak": "Jawaban salah yang paling sering (angka dirapikan dulu)",
    "waktu_detik": "Dari soal dibuka sampai jawaban diterima laptop guru",
}


def ekspor_excel(con: sqlite3.Connection, sesi: int, bentuk=None, aturan: str = "") -> bytes:
    """Excel: sheets Pemain, Soal, Jawaban (one row per answer) and Metadata."""
    from literasi.ekspor import buat_excel

    s = ambil_sesi(con, sesi)
    tabel = tabel_ekspor(con, sesi, bentuk)
    metadata = [
        ("Judul", f"Kuis Kelas — {s['judul']}"),
        ("Sumber soal", s["sumber"]),
        ("Kode ruang", s["kode_ruang"]),
        ("Dimulai", _waktu(s["dibuat"])),
        ("Status", "diarsipkan " + _waktu(s["diarsipkan"]) if s["diarsipkan"] else s["tahap"]),
        ("Banyak pemain", len(tabel["Pemain"])),
        ("Aturan poin", aturan),
        ("Data", "Hanya nama panggilan; tidak ada nama asli atau data pribadi. Data ada di "
                 "laptop guru."),
    ]  # fmt: skip
    desimal = {"waktu_benar_detik": 1, "persen_benar": 1, "waktu_detik": 2}
    return buat_excel(tabel, metadata, DEFINISI, desimal)
