"""Umpan Balik Sesi, the facilitator's view (notebooks/kelas/93_umpan_balik_sesi.ipynb).

The facilitator creates a session (its name and kind of activity); the projector shows its code
and a QR code to the phone page (/umpan, literasi.kelas.umpan_web), where participants answer
six questions on service, data access and facilities (1–4) and one open question. Here, behind
the teacher's PIN (the shared gate, literasi.kelas.gerbang_pin): how many answered, the mean
score (NRR) of each question, the index on 25–100 with its quality band from the kit's IKM
engine (literasi.kelurahan.ikm), the open answers (escaped: they are typed by anyone on the
Wi-Fi), an Excel export, and closing the session. The answers live in the SQLite file of
literasi.kelas.umpan_angket; the view looks at it every two seconds (literasi.kelas.detak) and
redraws when answers arrived, so the projector's count and index move while people answer;
"Perbarui" reads it at once.
"""

from __future__ import annotations

import os
import time
from html import escape

import ipywidgets as ipw

from literasi.ekspor import nama_berkas, tabel_html
from literasi.format import format_angka
from literasi.kelas import umpan_angket as ua
from literasi.kelas.detak import Detak
from literasi.kelas.gerbang_pin import pasang_gerbang
from literasi.kelas.penyimpanan import versi_data
from literasi.kelas.tampilan_survei import GAYA, lebar_isian, pesan_status, tombol
from literasi.kelas.umpan_web import ENV_JALUR
from literasi.kelurahan import ikm
from literasi.tampilan import Tampilan, baris_kontrol
from literasi.unduh import MIME_XLSX, tautan_unduh

KOLOM_TABEL = {
    "kode": "Kode",
    "unsur": "Pertanyaan",
    "jawaban_sah": "Jawaban",
    "nrr": "NRR (1–4)",
    "nilai_konversi": "× 25",
    "mutu": "Mutu",
}


def html_indeks(hasil: ikm.HasilIKM | None, banyak: int) -> str:
    """The count, the index with its band, and the weakest questions, for the projector."""
    if hasil is None:
        return (
            f"<p style='font-size:1.3rem'><b>Jawaban masuk: {format_angka(banyak, 0)}</b></p>"
            "<p>Indeks tampil setelah jawaban pertama masuk.</p>"
        )
    nama = {u.kode: u.nama for u in hasil.daftar()}
    lemah = ", ".join(escape(f"{k} ({nama[k]})") for k in hasil.terlemah) or "tidak ada"
    return (
        f"<p style='font-size:1.3rem'><b>Jawaban masuk: {format_angka(banyak, 0)}</b></p>"
        f"<p style='font-size:1.3rem'>Indeks sesi: <b>{ikm.teks_angka(hasil.ikm, 2)}</b> "
        f"(skala 25–100), mutu <b>{escape(hasil.kategori.mutu)}</b> "
        f"({escape(hasil.kategori.kinerja)}, rentang {hasil.kategori.teks_rentang()})</p>"
        f"<p>Pertanyaan dengan nilai terendah: {lemah}.</p>"
        f"<p class='literasi-kecil'>{escape(ua.CATATAN_METODE)}</p>"
    )


def html_saran(tabel) -> str:
    """The open answers, newest first, escaped."""
    isi = [s for s in tabel["saran"].tolist()[::-1] if s]
    if not isi:
        return "<p>Belum ada jawaban untuk pertanyaan terbuka.</p>"
    butir = "".join(f"<li style='white-space:pre-wrap'>{escape(s)}</li>" for s in isi)
    return (
        f"<h3>{escape(ua.PERTANYAAN_TERBUKA)} ({format_angka(len(isi), 0)} jawaban)</h3>"
        f"<ul style='font-size:1.1rem'>{butir}</ul>"
    )


class UmpanBalikSesi(Tampilan):
    """Create a session, show its code, read the results, export, close."""

    DETAK = 2.0  # seconds between two looks at the answers

    def __init__(self, path=None):
        self.path = path
        self.widget = ipw.VBox(layout=ipw.Layout(width="100%", max_width="1100px"))
        self.widget.add_class("literasi-umpan-balik")
        self.gerbang = pasang_gerbang(self.widget, self._buka)

    def _buka(self) -> None:
        self.con = ua.sambung(self.path)
        self._versi: int | None = None  # the file's data_version at the last redraw
        self.jalur = os.environ.get(ENV_JALUR)  # set by literasi serve (umpan_web.rute_umpan)
        self.nama_sesi = ipw.Text(
            description="Nama sesi",
            placeholder="Kunjungan SMA 1, 4 Des",
            style=GAYA,
            layout=lebar_isian(),
        )
        self.kegiatan = ipw.Dropdown(
            description="Kegiatan", options=ua.KEGIATAN, style=GAYA, layout=lebar_isian()
        )
        self.tombol_buat = tombol("Buat sesi", "primary")
        self.tombol_buat.on_click(lambda _: self.buat_sesi())
        self.pesan = ipw.HTML()
        self.pilih_sesi = ipw.Dropdown(description="Sesi", style=GAYA, layout=lebar_isian())
        self.tombol_perbarui = tombol("Perbarui")
        self.tombol_perbarui.on_click(lambda _: self._update())
        self.tombol_excel = tombol("Siapkan Excel")
        self.tombol_excel.on_click(lambda _: self.siapkan_excel())
        self.tombol_tutup = tombol("Tutup sesi", "danger")
        self.tombol_tutup.on_click(lambda _: self.tutup_sesi())
        self.kode = ipw.HTML()
        self.indeks = ipw.HTML()
        self.tabel = ipw.HTML()
        self.saran = ipw.HTML()
        self.unduhan = ipw.HTML()
        self.widget.children = [
            ipw.HTML("<h3>Sesi baru</h3>"),
            baris_kontrol(self.nama_sesi, self.kegiatan, self.tombol_buat),
            self.pesan,
            ipw.HTML("<h3>Hasil</h3>"),
            self.kendali(self.pilih_sesi),
            baris_kontrol(self.tombol_perbarui, self.tombol_excel, self.tombol_tutup),
            self.kode,
            self.indeks,
            self.tabel,
            self.saran,
            self.unduhan,
        ]
        self._isi_daftar()
        self._update()
        self._detak = Detak(self.langkah, self.DETAK, lambda: True, self._gagal)
        self._detak.mulai()

    def langkah(self) -> None:
        """One look at the file: redraw if any phone answered since the last redraw."""
        if versi_data(self.con) != self._versi:
            self._update()

    def _gagal(self, e: Exception) -> None:
        self.pesan.value = pesan_status(
            "salah", f"Gangguan membaca jawaban ({escape(type(e).__name__)}); dicoba lagi."
        )

    # Actions
    def buat_sesi(self) -> None:
        try:
            sesi, kode = ua.buat_sesi(self.con, self.nama_sesi.value, self.kegiatan.value)
        except ua.TolakUmpan as e:
            self.pesan.value = pesan_status("salah", escape(str(e)))
            return
        self.pesan.value = pesan_status("benar", f"Sesi dibuat. Kode sesi: <b>{kode}</b>.")
        self.nama_sesi.value = ""
        self._isi_daftar(sesi)

    def tutup_sesi(self) -> None:
        if self.pilih_sesi.value is not None and ua.tutup_sesi(self.con, self.pilih_sesi.value):
            self.pesan.value = pesan_status(
                "petunjuk", "Sesi ditutup: tidak menerima jawaban lagi."
            )
        self._isi_daftar(self.pilih_sesi.value)
        self._update()

    def siapkan_excel(self) -> None:
        if self.pilih_sesi.value is None:
            return
        s = ua.ambil_sesi(self.con, self.pilih_sesi.value)
        isi = ua.ekspor_excel(self.con, s["id"])
        nama = nama_berkas(
            f"umpan_balik_{s['kode']}_{s['nama']}_"
            f"{time.strftime('%Y%m%d', time.localtime(s['dibuat']))}"
        )
        self.unduhan.value = (
            "<p>"
            + tautan_unduh(isi, nama + ".xlsx", MIME_XLSX, "Unduh umpan balik (Excel)")
            + "</p>"
        )

    # Drawing
    def _isi_daftar(self, pilih: int | None = None) -> None:
        daftar = ua.daftar_sesi(self.con)
        opsi = [
            (
                f"{s['kode']} · {s['nama']} · {s['kegiatan']}"
                + (" (ditutup)" if s["ditutup"] else ""),
                s["id"],
            )
            for s in daftar
        ]
        lama = self.pilih_sesi.value
        self.pilih_sesi.unobserve(self._on_change, names="value")
        self.pilih_sesi.options = opsi
        ids = [i for _, i in opsi]
        self.pilih_sesi.value = next(
            (i for i in (pilih, lama) if i in ids), ids[0] if ids else None
        )
        self.pilih_sesi.observe(self._on_change, names="value")
        self._update()

    def _html_kode(self, s: dict) -> str:
        if s["ditutup"]:
            return "<p>Sesi ini sudah ditutup; hasilnya tetap bisa dibaca dan diunduh.</p>"
        from literasi.layanan.qr import html_gabung

        alamat = os.environ.get("LITERASI_ALAMAT")  # the LAN address (literasi serve --lan)
        jalur = (self.jalur or "/umpan").lstrip("/")
        url = f"{alamat.rstrip('/')}/{jalur}?kode={s['kode']}" if alamat else None
        lokal = f"/{jalur}?kode={s['kode']}"
        return html_gabung("Kode sesi", s["kode"], url, lokal, "Halaman penilaian")

    def _update(self) -> None:
        self._versi = versi_data(self.con)
        self.unduhan.value = ""
        if self.pilih_sesi.value is None:
            self.kode.value = "<p>Belum ada sesi. Buat sesi baru di atas.</p>"
            self.indeks.value = self.tabel.value = self.saran.value = ""
            return
        s = ua.ambil_sesi(self.con, self.pilih_sesi.value)
        jawaban = ua.tabel_jawaban(self.con, s["id"])
        hasil = ua.hitung_indeks(jawaban)
        self.kode.value = self._html_kode(s)
        self.indeks.value = html_indeks(hasil, len(jawaban))
        self.tabel.value = (
            ""
            if hasil is None
            else tabel_html(
                hasil.tabel_unsur(),
                f"Nilai per pertanyaan — {s['nama']}",
                KOLOM_TABEL,
                {"nrr": 2, "nilai_konversi": 2},
            )
        )
        self.saran.value = html_saran(jawaban) if len(jawaban) else ""
