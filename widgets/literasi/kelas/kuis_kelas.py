"""Kuis Kelas, the host view for the projector (notebooks/kelas/92_kuis_kelas.ipynb).

The teacher (or the BPS presenter) chooses a quiz, opens a room (a code and a QR code to the
player page), watches nicknames arrive, opens each question, closes it (the timer does it, or
a button), reveals the distribution of answers with the right one and the explanation, shows
the top 5, and ends with a summary per question and an Excel export. The phones are served by
the workshop server without kernels (literasi.kelas.kuis_web); both sides meet in the SQLite
file of literasi.kelas.kuis_penyimpanan. This kernel looks at it every quarter second
(`PRAGMA data_version`, microseconds) and redraws only what changed.

The view of literasi.kelas.kuis_model: widgets, one `_update()` that draws the model (HTML from
literasi.kelas.kuis_html, the chart from literasi.kelas.kuis_grafik), and handlers that run one
model action, keep what it says for its output box, and call `_update()`.

With a teacher's PIN on the server (`literasi serve --lan` prints it; kernels get only its hash)
the view asks for it first, through the shared gate and lockout of the class survey's dashboard
(literasi.kelas.gerbang_pin), and its widgets are made only after the PIN is right.
"""

from __future__ import annotations

import os
from html import escape

import ipywidgets as ipw

from literasi.kelas.detak import Detak
from literasi.kelas.gerbang_pin import pasang_gerbang
from literasi.kelas.kuis_grafik import GrafikJawaban
from literasi.kelas.kuis_html import (
    html_kunci,
    html_papan,
    html_pemain,
    html_pratinjau,
    html_ringkasan,
    html_ruang,
    html_sisa,
    html_soal,
)
from literasi.kelas.kuis_model import PILIHAN_KUIS, SENDIRI, ModelKuis, Pesan
from literasi.kelas.kuis_soal import buat_templat
from literasi.kelas.kuis_web import ENV_JALUR
from literasi.kelas.tampilan_survei import judul_bagian, pesan_status, pilihan
from literasi.tampilan import Tampilan, baris_kontrol
from literasi.unduh import MIME_XLSX, tautan_unduh
from literasi.unggah import berkas_unggahan, html_masalah

BESAR = {"width": "auto", "min_height": "48px"}  # a projector button, easy to hit


def _tombol(teks: str, gaya: str = "", icon: str = "") -> ipw.Button:
    return ipw.Button(description=teks, button_style=gaya, icon=icon, layout=ipw.Layout(**BESAR))


def _status(pesan: Pesan) -> str:
    return pesan_status(pesan.jenis, pesan.html)


class KuisKelas(Tampilan):
    """Choose a quiz, open a room, run it question by question, export, archive."""

    DETAK = 0.25  # seconds between two looks at the database

    def __init__(self, path=None):
        self.path = path
        self.widget = ipw.VBox(layout=ipw.Layout(width="100%", max_width="1100px"))
        self.widget.add_class("literasi-kuis")
        # The teacher's PIN, with the lockout shared by every kernel (literasi.kelas.pin).
        self.gerbang = pasang_gerbang(self.widget, self._buka)

    # --- Building the view (after the PIN) ----------------------------------------------

    def _buka(self) -> None:
        self.model = ModelKuis(
            self.path,
            jalur=os.environ.get(ENV_JALUR),  # set by literasi serve (kuis_web.rute_kuis)
            alamat=os.environ.get("LITERASI_ALAMAT"),  # the LAN address (literasi serve --lan)
        )
        self._grafik = GrafikJawaban()
        # The timer loop, while a room runs: countdown, closing on time, the phones' answers.
        self._detak = Detak(
            self.langkah, self.DETAK, lambda: self.model.sesi is not None, self._gagal
        )
        self._hasil: dict[ipw.HTML, str] = {}  # output box -> what the last action left there
        self.bagian_pilih = ipw.VBox([*self._bagian_pilih(), *self._bagian_tersimpan()])
        self.bagian_ruang = ipw.VBox(self._bagian_ruang())
        self.widget.children = [self.bagian_pilih, self.bagian_ruang]
        self._isi_tersimpan()
        self._update()

    def _bagian_pilih(self) -> list:
        self.pilih_kuis = pilihan("Kuis", "320px", options=PILIHAN_KUIS)
        self.pilih_kuis.observe(self._on_change, names="value")
        self.unggahan = ipw.FileUpload(
            accept=".xlsx,.csv", multiple=False, description="Unggah kuis (.xlsx)",
            layout=ipw.Layout(**BESAR),
        )  # fmt: skip
        self.unggahan.observe(self._on_unggah, names="value")
        templat = tautan_unduh(
            buat_templat(), "templat_kuis_kelas.xlsx", MIME_XLSX, "Unduh templat Excel"
        )
        self.laporan_excel, self.pratinjau, self.pesan_pilih = ipw.HTML(), ipw.HTML(), ipw.HTML()
        self.bagian_excel = ipw.VBox(
            [baris_kontrol(self.unggahan), ipw.HTML(f"<p>{templat}</p>"), self.laporan_excel]
        )
        self.tombol_ruang = _tombol("Buka ruang kuis", "primary", "play")
        self.tombol_ruang.on_click(lambda _: self.buka_ruang())
        tanpa_server = pesan_status(
            "petunjuk",
            "Ponsel siswa hanya bisa bergabung lewat server lokakarya: jalankan "
            "<code>literasi serve --lan</code> di laptop ini, lalu buka aplikasi ini dari "
            "berandanya.",
        )
        return [
            judul_bagian("1. Pilih kuis"),
            ipw.HTML("" if self.model.jalur else tanpa_server),
            baris_kontrol(self.pilih_kuis),
            self.bagian_excel,
            self.pratinjau,
            baris_kontrol(self.tombol_ruang),
            self.pesan_pilih,
        ]

    def _bagian_tersimpan(self) -> list:
        self.tersimpan = pilihan("Kuis tersimpan", "320px")
        self.tombol_lanjut = _tombol("Lanjutkan")
        self.tombol_lanjut.on_click(lambda _: self.lanjutkan(self.tersimpan.value))
        self.tombol_unduh_lama = _tombol("Siapkan Excel")
        self.tombol_unduh_lama.on_click(lambda _: self.siapkan_excel(self.tersimpan.value, True))
        self.unduhan_lama = ipw.HTML()
        return [
            judul_bagian("Kuis tersimpan di laptop ini"),
            ipw.HTML(
                "<p class='literasi-kecil'>Kuis yang belum diarsipkan bisa dilanjutkan "
                "(mis. setelah halaman ini tertutup). Kuis yang sudah selesai diarsipkan, "
                "tidak dihapus: hasilnya tetap bisa diunduh.</p>"
            ),
            baris_kontrol(self.tersimpan, self.tombol_lanjut, self.tombol_unduh_lama),
            self.unduhan_lama,
        ]

    def _bagian_ruang(self) -> list:
        self.ruang, self.pemain_html, self.soal_html, self.sisa = (ipw.HTML() for _ in range(4))
        self.grafik, self.kunci_html, self.papan, self.ringkasan = (ipw.HTML() for _ in range(4))
        self.unduhan, self.pesan = ipw.HTML(), ipw.HTML()
        self.cek_sebaran = ipw.Checkbox(
            description="Tampilkan sebaran jawaban selama soal dibuka",
            value=False,
            indent=False,
            layout=ipw.Layout(width="auto"),
        )
        self.cek_sebaran.observe(self._on_change, names="value")
        self.tombol_mulai = _tombol("Mulai soal 1", "primary", "play")
        self.tombol_tutup = _tombol("Tutup soal sekarang", "warning", "stop")
        self.tombol_papan = _tombol("Papan skor", icon="trophy")
        self.tombol_selesai = _tombol("Selesai: ringkasan", icon="flag-checkered")
        self.tombol_ekspor = _tombol("Siapkan hasil (Excel)", icon="download")
        self.tombol_arsip = _tombol("Arsipkan kuis", "danger", "archive")
        self.tombol_mulai.on_click(lambda _: self.mulai_soal())
        self.tombol_tutup.on_click(lambda _: self.tutup_soal())
        self.tombol_papan.on_click(lambda _: self.ke_tahap("papan"))
        self.tombol_selesai.on_click(lambda _: self.ke_tahap("selesai"))
        self.tombol_ekspor.on_click(lambda _: self.siapkan_excel(self.model.sesi))
        self.tombol_arsip.on_click(lambda _: self.arsipkan())
        self._tombol_aksi = {  # the model's action names (kuis_model.AKSI) -> buttons
            "mulai": self.tombol_mulai, "tutup": self.tombol_tutup, "papan": self.tombol_papan,
            "selesai": self.tombol_selesai, "ekspor": self.tombol_ekspor,
            "arsip": self.tombol_arsip,
        }  # fmt: skip
        self.baris_tombol = baris_kontrol()
        self.baris_sebaran = baris_kontrol(self.cek_sebaran)
        return [
            self.ruang, self.pemain_html, self.soal_html, self.sisa, self.grafik,
            self.kunci_html, self.papan, self.ringkasan, self.baris_tombol,
            self.baris_sebaran, self.unduhan, self.pesan,
        ]  # fmt: skip

    def _isi_tersimpan(self) -> None:
        pilihan = self.model.daftar_tersimpan()
        self.tersimpan.options = pilihan
        self.tersimpan.value = pilihan[0][1] if pilihan else None

    # --- Handlers: one model action, what it says kept for _update() --------------------

    def _setelah(self, kotak: ipw.HTML, html: str) -> None:
        self._hasil[kotak] = html
        self._update()

    def _on_unggah(self, change) -> None:
        berkas = berkas_unggahan(change["new"], "kuis.xlsx")
        if berkas is not None:
            self.muat_excel(*berkas)

    def muat_excel(self, nama: str, isi: bytes) -> None:
        """Read and check a teacher's quiz; the report names each problem's row and column."""
        pesan = self.model.muat_excel(nama, isi)
        masalah = self.model.kuis_excel.masalah if self.model.kuis_excel else []
        rinci = html_masalah(masalah) if masalah else ""
        self._setelah(self.laporan_excel, _status(pesan) + rinci)

    def buka_ruang(self) -> None:
        pesan = self.model.buka_ruang(self.pilih_kuis.value)
        if pesan is not None:
            self._setelah(self.pesan_pilih, _status(pesan))
        else:
            self._ruang_dibuka()

    def lanjutkan(self, sesi: int | None) -> None:
        if sesi is None:
            return
        pesan = self.model.lanjutkan(sesi)
        if pesan is not None:
            self._setelah(self.unduhan_lama, _status(pesan))
        else:
            self._ruang_dibuka()

    def _ruang_dibuka(self) -> None:
        self._hasil[self.unduhan] = self._hasil[self.pesan] = ""
        self._grafik.siapkan()
        self._update()
        self._detak.mulai()

    def mulai_soal(self) -> None:
        self.model.mulai_soal()
        self._update()

    def tutup_soal(self) -> None:
        self.model.tutup_soal()
        self._update()

    def ke_tahap(self, tahap: str) -> None:
        self.model.ke_tahap(tahap)
        self._update()

    def siapkan_excel(self, sesi: int | None, lama: bool = False) -> None:
        if sesi is None:
            return
        nama, isi = self.model.berkas_excel(sesi)
        tautan = tautan_unduh(isi, nama, MIME_XLSX, "Unduh hasil kuis (Excel)")
        self._setelah(self.unduhan_lama if lama else self.unduhan, f"<p>{tautan}</p>")

    def arsipkan(self) -> None:
        pesan = self.model.arsipkan()
        self._isi_tersimpan()
        self._setelah(self.pesan_pilih, _status(pesan))

    # --- The timer ------------------------------------------------------------------------

    def _gagal(self, e: Exception) -> None:
        self._hasil[self.pesan] = self.pesan.value = pesan_status(
            "salah", f"Gangguan membaca data kuis ({escape(type(e).__name__)}); dicoba lagi."
        )

    def langkah(self) -> None:
        """One look at the room: everything redrawn if it changed, else the countdown only."""
        if self.model.langkah():
            self._update()
        elif self.model.sesi is not None:
            self._tampilkan_sisa()

    # --- One path from the model to the screen ------------------------------------------

    def _update(self) -> None:
        pilih = self.model.sesi is None
        self.bagian_pilih.layout.display = None if pilih else "none"
        self.bagian_ruang.layout.display = "none" if pilih else None
        for kotak, html in self._hasil.items():
            kotak.value = html
        if pilih:
            self._gambar_pilih()
        else:
            self._gambar_ruang()

    def _gambar_pilih(self) -> None:
        self.bagian_excel.layout.display = None if self.pilih_kuis.value == SENDIRI else "none"
        self.tombol_ruang.disabled = not self.model.jalur
        judul, _, soal = self.model.soal_pilihan(self.pilih_kuis.value)
        self.pratinjau.value = html_pratinjau(judul, soal)

    def _gambar_ruang(self) -> None:
        m = self.model
        b, tahap, soal = m.bacaan, m.tahap, m.soal_kini
        nomor = b.sesi["soal_ke"]
        tampak = soal is not None and tahap in ("soal", "tutup")  # the question is on screen
        self.ruang.value = html_ruang(b.sesi, m.url_pemain(), m.jalur_pemain)
        self.pemain_html.value = html_pemain(b.pemain, tahap, m.aturan)
        self.soal_html.value = html_soal(soal, nomor, len(m.soal)) if tampak else ""
        self._tampilkan_sisa()
        self.grafik.value = (
            self._grafik.soal(
                soal, nomor, [j["jawaban"] for j in b.jawaban], len(b.pemain), tahap,
                self.cek_sebaran.value,
            )
            if tampak
            else ""
        )  # fmt: skip
        self.kunci_html.value = (
            pesan_status("benar", html_kunci(soal)) if tampak and tahap == "tutup" else ""
        )
        self.papan.value = html_papan(b.skor, m.aturan) if tahap in ("papan", "selesai") else ""
        self.ringkasan.value = html_ringkasan(b.ringkasan) if tahap == "selesai" else ""
        self.baris_sebaran.layout.display = "none" if tahap == "selesai" else None
        self.tombol_mulai.description = f"Mulai soal {m.nomor_berikut}"
        self.baris_tombol.children = [self._tombol_aksi[a] for a in m.aksi()]

    def _tampilkan_sisa(self) -> None:
        """The countdown, sent to the page only when the shown second changes."""
        teks = html_sisa(self.model.sisa_detik())
        if teks != self.sisa.value:
            self.sisa.value = teks


def semua_soal() -> list:
    """No exercises in this app: the quizzes' questions come from the lessons (kuis_soal)."""
    return []
