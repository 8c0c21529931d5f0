"""Sensus Kelas, what the teacher's dashboard knows and does, without widgets.

The view (literasi.kelas.dasbor_sensus_kelas) draws this model; the model is testable alone:
the PIN gate (literasi.kelas.pin), the class list, the answers, the sampler, archive and reset,
the per-phone limit, and deleting one answer with a record of it. Every change goes to SQLite
(literasi.kelas.penyimpanan) and is read back by `muat()`. An action answers with a `Pesan`
for the teacher (HTML, class codes escaped).
"""

from __future__ import annotations

import re
import sqlite3
import time
from dataclasses import dataclass
from html import escape

import pandas as pd

from literasi.ekspor import nama_berkas
from literasi.kelas import penyimpanan as survei_db
from literasi.kelas import pin
from literasi.kelas.ponsel import sidik

POLA_KODE = r"[A-Z0-9][A-Z0-9 ._-]{0,19}"
# The confirmation step of each destructive action: (question, "yes" button, its style).
KONFIRMASI = {
    "arsip": (
        "<b>Arsipkan kelas {kode}?</b> Kelas tidak menerima jawaban baru. Datanya tetap ada "
        "dan tetap bisa diunduh.",
        "Ya, arsipkan",
        "warning",
    ),
    "hapus": (
        "<b>Hapus kelas {kode} dan {jumlah} jawabannya?</b> Tidak bisa dibatalkan. Unduh "
        "datanya dulu jika masih diperlukan.",
        "Ya, hapus kelas",
        "danger",
    ),
    "baris": (
        "<b>Hapus jawaban nomor {nomor} dari kelas {kode}?</b> Penghapusan dicatat (kapan, "
        "oleh siapa, nomor berapa). Ponsel pengirimnya boleh mengirim lagi.",
        "Ya, hapus jawaban",
        "danger",
    ),
}
JENIS_EXCEL = "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet"


@dataclass(frozen=True)
class Pesan:
    jenis: str  # benar / salah / petunjuk (the template's feedback colours)
    html: str


@dataclass(frozen=True)
class HasilSampel:
    sampel: pd.DataFrame
    populasi: pd.DataFrame
    diminta: int
    seed: int


class ModelDasbor:
    """The dashboard's state: locked or open, and the data it shows once open."""

    def __init__(self, path=None, hash_pin: str | None = None):
        self.path = path
        self.hash_pin = hash_pin  # None: no PIN asked (not `--lan`, Binder, JupyterHub)
        self.terbuka = hash_pin is None
        self.perangkat: str | None = None  # who deletes: a hash of the device's phone key
        self.versi = 0  # counts reloads: a chart drawn from older data is stale
        self.konfirmasi: tuple | None = None  # (action, class, answer number) awaiting "Ya"
        self.tabel_kelas = pd.DataFrame()
        self.semua = pd.DataFrame()
        self._pantau: sqlite3.Connection | None = None  # kept open: data_version is per connection
        self._versi_file: int | None = None  # the file's data_version at the last read

    # --- PIN --------------------------------------------------------------------------------

    def masuk(self, ketikan: str, ponsel: str | None = None) -> str | None:
        """Check the PIN typed on the device with phone key `ponsel`: None when it opened,
        else what to tell the teacher (literasi.kelas.pin)."""
        if self.terbuka:
            return None
        hasil = pin.periksa(ketikan, ponsel, self.hash_pin)
        if hasil.benar:
            self.terbuka = True
            self.perangkat = sidik(ponsel, "perangkat")[:8] if ponsel else None
            self.muat()
        return pin.pesan(hasil)

    def ringkasan_pin(self) -> pin.RingkasanPin | None:
        return pin.ringkasan(self.hash_pin) if self.hash_pin else None

    def _jaga(self) -> None:
        if not self.terbuka:
            raise PermissionError("Dasbor masih terkunci: PIN guru belum dimasukkan.")

    @property
    def oleh(self) -> str:
        return "dasbor guru (PIN)" if self.hash_pin else "dasbor guru (tanpa PIN)"

    # --- Data -------------------------------------------------------------------------------

    def muat(self) -> None:
        """Read classes and answers again from the database."""
        self._jaga()
        if self._pantau is None:
            self._pantau = survei_db.sambung(self.path)
        self._versi_file = survei_db.versi_data(self._pantau)  # before reading: none is missed
        self.tabel_kelas = survei_db.daftar_kelas(self.path)
        self.semua = survei_db.ambil_jawaban(path=self.path, termasuk_arsip=True)
        self.versi += 1

    def muat_jika_berubah(self) -> bool:
        """Read again only if a phone (or another window) wrote since the last read; True if
        it did. The look itself costs microseconds (literasi.kelas.detak)."""
        if not self.terbuka or self._pantau is None:
            return False
        if survei_db.versi_data(self._pantau) == self._versi_file:
            return False
        self.muat()
        return True

    @property
    def kode_kelas(self) -> list[str]:
        return self.tabel_kelas["kode_kelas"].tolist() if len(self.tabel_kelas) else []

    def kelas(self, kode: str | None) -> pd.Series | None:
        """One class's row of the class list (status, limit), or None."""
        t = self.tabel_kelas
        baris = t[t["kode_kelas"] == kode] if len(t) else t
        return baris.iloc[0] if len(baris) else None

    def jawaban(self, kode: str | None) -> pd.DataFrame:
        return self.semua[self.semua["kode_kelas"] == kode] if len(self.semua) else self.semua

    def aktif(self) -> pd.DataFrame:
        """Answers of the classes that are not archived."""
        t = self.tabel_kelas
        arsip = t.loc[t["diarsipkan"].notna(), "kode_kelas"].tolist() if len(t) else []
        return self.semua[~self.semua["kode_kelas"].isin(arsip)] if len(self.semua) else self.semua

    def banding(self, kode: str | None) -> pd.DataFrame:
        """'Semua kelas': the classes not archived, plus this one even if archived."""
        return pd.concat([self.aktif(), self.jawaban(kode)]).drop_duplicates("id")

    def catatan_hapus(self) -> pd.DataFrame:
        self._jaga()
        return survei_db.catatan_hapus(self.path)

    # --- Actions ----------------------------------------------------------------------------

    def buat_kelas(self, ketikan: str) -> tuple[Pesan, str | None]:
        """A new class code (or an existing one, used again); the code, or None if refused."""
        self._jaga()
        kode = survei_db.rapikan_kode(ketikan)
        if not re.fullmatch(POLA_KODE, kode):
            return Pesan(
                "salah",
                "Kode kelas: 1–20 huruf/angka (boleh - _ . dan spasi), mis. 8A atau IX-B. "
                "Jangan memakai nama siswa.",
            ), None
        baru = survei_db.buat_kelas(kode, self.path)
        self.muat()
        if baru:
            teks = f"Kelas <b>{escape(kode)}</b> dibuat. Tulis kodenya di papan."
            return Pesan("benar", teks), kode
        return Pesan("petunjuk", f"Kelas <b>{escape(kode)}</b> sudah ada; dipakai lagi."), kode

    def sampel(self, n: int, seed: int) -> HasilSampel:
        """A seeded simple random sample of the answers of every class not archived."""
        self._jaga()
        sampel = survei_db.sampel_acak(n, seed, self.path)  # ValueError when n < 1
        return HasilSampel(sampel, survei_db.ambil_jawaban(path=self.path), n, seed)

    def arsipkan(self, kode: str) -> Pesan:
        self._jaga()
        survei_db.arsipkan_kelas(kode, self.path)
        self.muat()
        return Pesan("benar", f"Kelas <b>{escape(kode)}</b> diarsipkan.")

    def hapus_kelas(self, kode: str, ketikan: str) -> Pesan:
        """Reset a class: only when its code is typed again, exactly."""
        self._jaga()
        if survei_db.rapikan_kode(ketikan) != kode:
            return Pesan("salah", f"Ketik kode <b>{escape(kode)}</b> persis untuk menghapus.")
        jumlah = survei_db.hapus_kelas(kode, self.path, self.oleh, self.perangkat)
        self.muat()
        return Pesan("benar", f"Kelas <b>{escape(kode)}</b> dan {jumlah} jawabannya sudah dihapus.")

    def hapus_jawaban(self, kode: str, nomor: int) -> Pesan:
        """Delete answer number `nomor` of this class (recorded in the deletion log)."""
        self._jaga()
        if nomor not in set(self.jawaban(kode)["id"].tolist()):
            return Pesan("salah", f"Tidak ada jawaban nomor {nomor} di kelas {escape(kode)}.")
        survei_db.hapus_jawaban(nomor, self.path, self.oleh, self.perangkat)
        self.muat()
        return Pesan(
            "benar",
            f"Jawaban nomor {nomor} dari kelas <b>{escape(kode)}</b> sudah dihapus dan dicatat.",
        )

    def atur_batas(self, kode: str, batas: int) -> Pesan:
        self._jaga()
        try:
            survei_db.atur_batas_ponsel(kode, batas, self.path)
        except ValueError as galat:
            return Pesan("salah", escape(str(galat)))
        self.muat()
        return Pesan(
            "benar",
            f"Kelas <b>{escape(kode)}</b>: satu ponsel boleh mengirim {batas} jawaban.",
        )

    # --- Destructive actions ask first ------------------------------------------------------

    def minta(self, aksi: str, kode: str | None, nomor: int | None = None) -> Pesan | None:
        """Ask before `aksi` ("arsip", "hapus" a class, delete answer "baris" `nomor`)."""
        self._jaga()
        if not kode:
            return Pesan("petunjuk", "Belum ada kelas.")
        self.konfirmasi = (aksi, kode, nomor)
        return None

    def batal(self) -> None:
        self.konfirmasi = None

    def pertanyaan(self) -> tuple[str, str, str]:
        """(question HTML, label of the "yes" button, its style) of the pending action."""
        aksi, kode, nomor = self.konfirmasi
        tanya, ya, gaya = KONFIRMASI[aksi]
        jumlah = len(self.jawaban(kode))
        return tanya.format(kode=escape(kode), jumlah=jumlah, nomor=nomor), ya, gaya

    def ya(self, ketikan: str = "") -> Pesan:
        """Do the pending action (`ketikan`: the class code typed again, for a reset)."""
        aksi, kode, nomor = self.konfirmasi
        if aksi == "arsip":
            pesan = self.arsipkan(kode)
        elif aksi == "baris":
            pesan = self.hapus_jawaban(kode, nomor)
        else:
            pesan = self.hapus_kelas(kode, ketikan)
            if pesan.jenis == "salah":
                return pesan  # the code was not typed right: the question stays open
        self.konfirmasi = None
        return pesan

    # --- Export (the files themselves: literasi.kelas.penyimpanan) --------------------------

    def unduhan(self, jenis: str, kode: str | None) -> tuple[bytes, str, str]:
        """(content, file name, MIME type) of the CSV or Excel file of one class or all."""
        self._jaga()
        nama = f"sensus_kelas_{nama_berkas(kode or 'semua')}_{time.strftime('%Y%m%d_%H%M')}"
        if jenis == "csv":
            return survei_db.buat_csv(kode, self.path), nama + ".csv", "text/csv"
        return survei_db.buat_excel(kode, self.path), nama + ".xlsx", JENIS_EXCEL
