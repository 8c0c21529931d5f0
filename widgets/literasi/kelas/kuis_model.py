"""Kuis Kelas, what the host knows and does, without widgets (the view: literasi.kelas.kuis_kelas).

`ModelKuis` holds one connection to the quiz's SQLite file (literasi.kelas.kuis_penyimpanan),
the room being run (`sesi`, its questions `soal`) and `bacaan`, one consistent read of it.
Every teacher's action writes through kuis_penyimpanan and reads the room back. The timer step
`langkah` closes a question whose time is up, and reads again when the phones (through the
workshop server, literasi.kelas.kuis_web) changed the file; the view calls it every quarter
second. Messages for the teacher come back as `Pesan` (HTML, escaped), as the class survey's
dashboard model does (literasi.kelas.model_dasbor).

No widgets, no charts: testable alone on a real SQLite file.
"""

from __future__ import annotations

import logging
import time
from dataclasses import dataclass
from html import escape

from literasi.ekspor import nama_berkas
from literasi.kelas import kuis_penyimpanan as kp
from literasi.kelas.kuis_aturan import Skor, aturan_poin
from literasi.kelas.kuis_soal import (
    KUIS_BAWAAN,
    PER_KODE,
    HasilKuisExcel,
    SoalKuis,
    baca_kuis_excel,
    ke_baris_db,
)
from literasi.kelas.model_dasbor import Pesan
from literasi.kelas.penyimpanan import versi_data

LOG = logging.getLogger(__name__)
SENDIRI = "__excel__"  # the choice "a teacher's own quiz from Excel"
PILIHAN_KUIS = [(k.judul, k.kode) for k in KUIS_BAWAAN] + [("Kuis sendiri (Excel)", SENDIRI)]
# The teacher's actions in each stage, in the order of the buttons. "lanjut" is the next
# question while one is left, else the end (see aksi_tahap).
AKSI = {
    "gabung": ("mulai",),
    "soal": ("tutup",),
    "tutup": ("papan", "lanjut"),
    "papan": ("lanjut",),
    "selesai": ("ekspor", "arsip"),
}


def aksi_tahap(tahap: str, berikut: int, banyak: int) -> list[str]:
    """The actions a teacher has in stage `tahap`, when question `berikut` of `banyak` is next.

    >>> aksi_tahap("gabung", 1, 8)
    ['mulai']
    >>> aksi_tahap("tutup", 3, 8)
    ['papan', 'mulai']
    >>> aksi_tahap("papan", 9, 8)
    ['selesai']
    """
    lanjut = "mulai" if berikut <= banyak else "selesai"
    return [lanjut if a == "lanjut" else a for a in AKSI[tahap]]


def nama_excel(kode_ruang: str, judul: str, dibuat: float) -> str:
    """The results file's name: room code, title, and when the quiz was made (local time).

    >>> nama_excel("4821", "Persen & poin persen", time.mktime((2025, 8, 14, 9, 30, 0, 0, 0, -1)))
    'kuis_kelas_4821_Persen_poin_persen_20250814_0930.xlsx'
    """
    waktu = time.strftime("%Y%m%d_%H%M", time.localtime(dibuat))
    return f"kuis_kelas_{kode_ruang}_{nama_berkas(judul)[:30]}_{waktu}.xlsx"


def label_sesi(s: dict) -> str:
    """One saved quiz in the list (a row of kuis_penyimpanan.daftar_sesi).

    >>> label_sesi({"dibuat": time.mktime((2025, 8, 14, 9, 30, 0, 0, 0, -1)), "kode_ruang": "4821",
    ...             "judul": "Kota", "banyak_pemain": 31, "tahap": "papan", "diarsipkan": None})
    '14-08-2025 09.30 · ruang 4821 · Kota · 31 pemain · papan'
    """
    status = "arsip" if s["diarsipkan"] else s["tahap"]
    tanggal = time.strftime("%d-%m-%Y %H.%M", time.localtime(s["dibuat"]))
    return (
        f"{tanggal} · ruang {s['kode_ruang']} · {s['judul']} · "
        f"{s['banyak_pemain']} pemain · {status}"
    )


@dataclass(frozen=True)
class Bacaan:
    """One consistent read of a room (one SQLite snapshot)."""

    sesi: dict  # the quiz row: tahap, soal_ke, batas, kode_ruang, judul, ...
    pemain: list[tuple[int, str]]  # (id, nickname) in join order
    jawaban: list[dict]  # the answers to the current question, in arrival order
    skor: list[Skor]  # the standings from the graded answers
    ringkasan: list[dict]  # per question, once the quiz is finished


class ModelKuis:
    """The host's side of a quiz: choose, open or continue a room, run it, export, archive.

    `jalur` is the player page's path on the workshop server (None: no server, so no room can
    take players); `alamat` the server's LAN address (None: not `--lan`, no QR code).
    """

    def __init__(self, path=None, jalur: str | None = None, alamat: str | None = None):
        self.con = kp.sambung(path)
        self.jalur = jalur
        self.alamat = alamat
        self.kuis_excel: HasilKuisExcel | None = None  # the teacher's last upload
        self.sesi: int | None = None  # the room being run
        self.soal: list[SoalKuis] = []
        self.bacaan: Bacaan | None = None
        self._versi: int | None = None  # the file's data_version at the last read

    # --- Choosing -------------------------------------------------------------------------

    def muat_excel(self, nama: str, isi: bytes) -> Pesan:
        """Read and check a teacher's quiz; its problems (row and column) are in
        `kuis_excel.masalah`."""
        try:
            hasil = baca_kuis_excel(nama, isi)
        except Exception as e:  # noqa: BLE001 - the kernel survives any file
            LOG.exception("Kuis Excel %r tidak terbaca", nama)
            self.kuis_excel = None
            return Pesan("salah", f"Berkas tidak bisa dibaca ({escape(type(e).__name__)}).")
        self.kuis_excel = hasil
        if hasil.bisa_dipakai:
            teks = f"Kuis “{escape(hasil.judul)}” terbaca: {len(hasil.soal)} soal siap dipakai."
            return Pesan("benar", teks)
        return Pesan("salah", "Kuis belum bisa dipakai. Perbaiki berkasnya lalu unggah lagi.")

    def soal_pilihan(self, kode: str) -> tuple[str, str, list[SoalKuis]]:
        """(title, source, questions) of choice `kode` (a built-in quiz, or SENDIRI)."""
        if kode == SENDIRI:
            h = self.kuis_excel
            if h is None or not h.bisa_dipakai:
                return "", "", []
            return h.judul, f"Excel: {h.judul}", h.soal
        k = PER_KODE[kode]
        return k.judul, f"Kuis bawaan: {k.judul}", k.soal()

    def daftar_tersimpan(self) -> list[tuple[str, int]]:
        """Every quiz on this laptop as (label, id), newest first, archived ones too."""
        return [(label_sesi(s), s["id"]) for s in kp.daftar_sesi(self.con)]

    # --- Opening a room -------------------------------------------------------------------

    def buka_ruang(self, kode: str) -> Pesan | None:
        """A new room with the questions of choice `kode`; a message if there are none."""
        judul, sumber, soal = self.soal_pilihan(kode)
        if not soal:
            return Pesan("salah", "Belum ada soal: unggah kuis Excel yang lolos pemeriksaan dulu.")
        sesi, _ = kp.buat_sesi(self.con, judul, sumber, [ke_baris_db(s) for s in soal])
        return self.lanjutkan(sesi)

    def lanjutkan(self, sesi: int) -> Pesan | None:
        """Run saved quiz `sesi` again (e.g. after the page closed); archived ones refuse."""
        if kp.ambil_sesi(self.con, sesi)["diarsipkan"]:
            return Pesan(
                "petunjuk",
                "Kuis ini sudah diarsipkan: hasilnya bisa diunduh, tidak bisa dilanjutkan.",
            )
        self.sesi = sesi
        self.soal = self._soal_tersimpan(sesi)
        self.baca()
        return None

    def _soal_tersimpan(self, sesi: int) -> list[SoalKuis]:
        """The questions of a saved quiz, rebuilt with the exercise objects that grade them."""
        return [
            SoalKuis.dari_kunci(
                r["jenis"], r["pertanyaan"], r["pilihan"], r["penjelasan"], r["kunci"],
                r["detik"], r["asal"], r["grafik"],
            )
            for r in kp.ambil_soal(self.con, sesi)
        ]  # fmt: skip

    # --- Reading the shared file ----------------------------------------------------------

    def baca(self) -> None:
        """One consistent read of the room: state, players, answers to the current question,
        standings (and the per-question summary once finished)."""
        with self.con:  # one read snapshot: the server may write between two SELECTs
            self.con.execute("BEGIN")
            s = kp.ambil_sesi(self.con, self.sesi)
            nomor = s["soal_ke"]
            self.bacaan = Bacaan(
                sesi=s,
                pemain=kp.daftar_pemain(self.con, self.sesi),
                jawaban=kp.jawaban_soal(self.con, self.sesi, nomor) if nomor else [],
                skor=kp.peringkat(self.con, self.sesi),
                ringkasan=kp.ringkasan_soal(self.con, self.sesi, self._rapikan)
                if s["tahap"] == "selesai"
                else [],
            )

    def _rapikan(self, baris: dict, jawaban: str) -> str:
        """An answer as counted in the summary (numbers: 6,9 = 6.90)."""
        return self.soal[baris["nomor"] - 1].rapikan(jawaban)

    def langkah(self, kini: float | None = None) -> bool:
        """The timer's step: close the open question whose time is up, or read again when
        another connection (the phones' server, another window) wrote. True when the room
        changed; False when only the countdown moves (or no room is open)."""
        if self.sesi is None:
            return False
        kini = time.time() if kini is None else kini
        s = self.bacaan.sesi
        if s["tahap"] == "soal" and kini >= s["batas"]:
            self.tutup_soal()
            return True
        versi = versi_data(self.con)
        if versi == self._versi:
            return False
        self._versi = versi
        self.baca()
        return True

    # --- What the view shows --------------------------------------------------------------

    @property
    def tahap(self) -> str | None:
        return self.bacaan.sesi["tahap"] if self.bacaan else None

    @property
    def soal_kini(self) -> SoalKuis | None:
        """The question opened last (open, or closed and shown with its answer)."""
        nomor = self.bacaan.sesi["soal_ke"] if self.bacaan else None
        return self.soal[nomor - 1] if nomor else None

    @property
    def nomor_berikut(self) -> int:
        return (self.bacaan.sesi["soal_ke"] or 0) + 1

    @property
    def aturan(self) -> str:
        """The points rule in one sentence, for this many questions."""
        return aturan_poin(len(self.soal))

    def aksi(self) -> list[str]:
        """The teacher's actions now (aksi_tahap); none without a room."""
        if self.bacaan is None:
            return []
        return aksi_tahap(self.tahap, self.nomor_berikut, len(self.soal))

    def sisa_detik(self, kini: float | None = None) -> int | None:
        """Whole seconds left on the open question; None when no question is open."""
        if self.tahap != "soal":
            return None
        kini = time.time() if kini is None else kini
        return max(0, round(self.bacaan.sesi["batas"] - kini))

    @property
    def jalur_pemain(self) -> str:
        """The player page's path without the leading slash ("kuis")."""
        return (self.jalur or "/kuis").lstrip("/")

    def url_pemain(self) -> str | None:
        """The player page of this room on the LAN (for the QR code); None off the LAN."""
        if not self.alamat or self.bacaan is None:
            return None
        kode = self.bacaan.sesi["kode_ruang"]
        return f"{self.alamat.rstrip('/')}/{self.jalur_pemain}?ruang={kode}"

    # --- The teacher's actions in a room --------------------------------------------------

    def mulai_soal(self) -> None:
        """Open the next question (nothing when none is left)."""
        if self.nomor_berikut > len(self.soal):
            return
        kp.buka_soal(self.con, self.sesi, self.nomor_berikut)
        self.baca()

    def tutup_soal(self) -> None:
        """Close the open question and grade its answers with its exercise object."""
        s = self.bacaan.sesi
        if s["tahap"] != "soal":
            return
        kp.tutup_soal(self.con, self.sesi, s["soal_ke"], self.soal_kini.benar)
        self.baca()

    def ke_tahap(self, tahap: str) -> None:
        """Show every phone and the projector the leaderboard ("papan") or the end ("selesai")."""
        kp.ke_tahap(self.con, self.sesi, tahap)
        self.baca()

    def arsipkan(self) -> Pesan:
        """Archive the room (its data stays, it takes no players) and go back to choosing."""
        kp.arsipkan(self.con, self.sesi)
        judul = self.bacaan.sesi["judul"]
        self.sesi, self.bacaan, self.soal = None, None, []
        return Pesan(
            "benar",
            f"Kuis “{escape(judul)}” diarsipkan. Hasilnya tetap bisa diunduh di “Kuis tersimpan”.",
        )

    # --- Export (the workbook itself: kuis_penyimpanan.ekspor_excel) ----------------------

    def berkas_excel(self, sesi: int) -> tuple[str, bytes]:
        """(file name, content) of the results of quiz `sesi`, running or saved."""
        s = kp.ambil_sesi(self.con, sesi)
        soal = self._soal_tersimpan(sesi)
        isi = kp.ekspor_excel(
            self.con,
            sesi,
            lambda baris, j: soal[baris["nomor"] - 1].rapikan(j),
            aturan_poin(len(soal)),
        )
        return nama_excel(s["kode_ruang"], s["judul"], s["dibuat"]), isi
