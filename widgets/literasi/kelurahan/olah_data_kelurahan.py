"""App K02 (Desa Cantik): a kelurahan processes its own population data, in the shape it has.

The view of `literasi.kelurahan.olah_data.OlahData`: it opens with the template's fictional
example (and says so loudly); an upload (.xlsx, .xls, .ods, .csv, .tsv, .txt) replaces it. The
app says how it read the table ("Tabel per RW, laki-laki dan perempuan"), proposes a role for
every column in plain words, with a dropdown per column to correct it, lists every problem by
sheet, Excel row and the user's own header, offers undoable cleaning steps, and shows the
tables, indicators and charts the data allow, with Excel, PDF and CSV to take home.
"""

from __future__ import annotations

import logging
from functools import lru_cache
from html import escape

import ipywidgets as ipw

from literasi.format import format_angka
from literasi.grafik import gambar_baru, html_grafik
from literasi.kelurahan import bentuk as bt
from literasi.kelurahan import validasi as vk
from literasi.kelurahan.galat import catat_galat, html_galat
from literasi.kelurahan.olah_data import NAMA_LATIHAN, NAMA_TEMPLAT, OlahData
from literasi.kelurahan.tabulasi import DESIMAL, kelompok_besar
from literasi.soal import SoalAngka, SoalPilihan
from literasi.tampilan import Tampilan, baris_kontrol
from literasi.unduh import MIME_XLSX, tautan_unduh
from literasi.unggah import (
    BATAS_MB,
    JENIS_BERKAS,
    TERIMA,
    angka_sel,
    berkas_unggahan,
    html_masalah,
)

LOG = logging.getLogger(__name__)
JUDUL_BAGIAN = {
    "Hasil: grafik": "bagian_grafik",
    "1. Unduh templat": "bagian_templat",
    "2. Unggah berkas Anda": "bagian_unggah",
    "3. Cara membaca tabel Anda": "bagian_pemetaan",
    "4. Keterangan data (metadata)": "bagian_keterangan",
    "5. Laporan pemeriksaan": "bagian_laporan",
    "6. Langkah pembersihan": "bagian_pembersihan",
    "7. Tabel dan indikator": "bagian_tabel",
    "8. Unduh hasil": "bagian_unduh",
}
LABEL_META = {"kelurahan": "Kelurahan", "kecamatan": "Kecamatan", "periode": "Periode",
              "sumber": "Sumber", "kontak": "Kontak", "luas_km2": "Luas (km²)"}  # fmt: skip
BELUM_UNDUH = (
    "<p class='literasi-kecil'>Tekan tombol untuk membuat berkas dari data yang tampil sekarang "
    "(beberapa detik).</p>"
)


@lru_cache(maxsize=1)
def templat() -> bytes:
    """The template workbook (seeded: the same fictional example every time), made once."""
    return vk.buat_templat()


def data_contoh():
    """The usable counts of the template's fictional example (what the app opens with)."""
    return OlahData(NAMA_TEMPLAT, templat()).data


def semua_soal() -> list:
    """Three self-check questions on the fictional example the app opens with."""
    d = data_contoh()
    lk, pr = int(d["L"].sum()), int(d["P"].sum())
    besar, _ = kelompok_besar(d)
    rjk = 100 * lk / pr
    rk = 100 * (besar["0-14"] + besar["65+"]) / besar["15-64"]
    return [
        SoalPilihan(
            pertanyaan="Berkas Anda punya baris “Jumlah” di bawah data RT. Apa yang dilakukan "
            "aplikasi dengan baris itu?",
            pilihan=[
                "Menjumlahkannya bersama baris RT",
                "Mengenalinya, tidak ikut menjumlahkannya, dan mencocokkannya",
                "Menolak berkasnya",
            ],
            jawaban="Mengenalinya, tidak ikut menjumlahkannya, dan mencocokkannya",
            penjelasan="Baris jumlah dikenali dari tulisannya (“Jumlah”, “Total”), tidak "
            "dihitung dua kali, dan angkanya dicocokkan dengan jumlah baris-baris di atasnya.",
            petunjuk=["Jika baris jumlah ikut dijumlahkan, berapa kali penduduknya terhitung?"],
            umpan_balik={
                "Menjumlahkannya bersama baris RT": "Penduduknya akan terhitung dua kali.",
                "Menolak berkasnya": "Berkasnya tetap terbaca; baris jumlah justru dipakai untuk "
                "memeriksa angka.",
            },
        ),
        SoalAngka(
            pertanyaan=f"Data contoh fiktif mencatat {format_angka(lk)} laki-laki dan "
            f"{format_angka(pr)} perempuan. Berapa rasio jenis kelaminnya (laki-laki per 100 "
            "perempuan)?",
            jawaban=float(rjk),
            petunjuk=["Rasio jenis kelamin = laki-laki ÷ perempuan × 100."],
            penjelasan=f"Ada sekitar {format_angka(rjk, 1)} laki-laki untuk setiap 100 perempuan.",
            toleransi=0.005,
        ),
        SoalAngka(
            pertanyaan=f"Di data contoh fiktif ada {format_angka(besar['0-14'])} penduduk usia "
            f"0-14, {format_angka(besar['15-64'])} usia 15-64 dan {format_angka(besar['65+'])} "
            "usia 65+. Berapa rasio ketergantungannya?",
            jawaban=float(rk),
            petunjuk=["Rasio ketergantungan = (0-14 + 65+) ÷ (15-64) × 100."],
            penjelasan=f"Setiap 100 penduduk usia produktif menanggung sekitar "
            f"{format_angka(rk, 1)} penduduk usia muda dan lansia.",
            toleransi=0.005,
        ),
    ]


def _tombol(teks: str, **lain) -> ipw.Button:
    return ipw.Button(description=teks, layout=ipw.Layout(width="auto", min_height="40px"), **lain)


def _kotak(*anak) -> ipw.VBox:
    return ipw.VBox(list(anak), layout=ipw.Layout(width="100%"))


class OlahDataKelurahan(Tampilan):
    """Upload → how the table was read (roles per column) → report → cleaning → tables,
    indicators and charts → downloads. The sections are widgets of their own (`bagian_*`), so
    the notebook can put text between them; `widget` holds them all in order. Every change goes
    to the model, then `_update()` redraws from it."""

    def __init__(self, model: OlahData):
        self.model = model
        self._diam = False  # True while the view fills its own fields (no redraw)
        self._kunci_grafik: tuple | None = None
        self._kunci_peran: tuple | None = None
        self.spanduk, self.status, self.kalimat_bentuk = ipw.HTML(), ipw.HTML(), ipw.HTML()
        self.laporan, self.tabel, self.indikator, self.grafik = (ipw.HTML() for _ in range(4))
        self.unduhan = ipw.HTML(BELUM_UNDUH)
        self.tombol_latihan = _tombol("Coba berkas latihan bermasalah", icon="flask")
        self.tombol_contoh = _tombol("Kembali ke contoh fiktif", icon="undo")
        self.tombol_unduh = _tombol("Siapkan Excel dan PDF", button_style="primary",
                                    icon="download")  # fmt: skip
        self.unggahan = ipw.FileUpload(
            accept=TERIMA, multiple=False, button_style="primary", description="Pilih berkas",
            layout=ipw.Layout(width="auto", min_height="40px"),
        )
        lebar = ipw.Layout(width="100%", max_width="560px")
        self.pilih_grafik = ipw.Dropdown(description="Grafik", layout=lebar,
                                         style={"description_width": "initial"})  # fmt: skip
        self.pilih_lembar = ipw.Dropdown(description="Lembar data", layout=lebar,
                                         style={"description_width": "initial"})  # fmt: skip
        self.kotak_lembar, self.peran, self.langkah = _kotak(), _kotak(), _kotak()
        self.isian_meta = {n: ipw.Text(description=d) for n, d in LABEL_META.items()}
        self.isian_meta["daftar_rt"] = ipw.Textarea(description="RW dan RT", rows=3,
                                                    placeholder="RW 01: RT 1-5; RW 02: RT 1-4")
        for w in self.isian_meta.values():
            w.layout, w.style, w.continuous_update = lebar, {"description_width": "90px"}, False
            w.observe(self._on_meta, names="value")
        self.tombol_latihan.on_click(
            lambda _b: self.muat(NAMA_LATIHAN, vk.berkas_contoh_bermasalah(), vk.META_CONTOH)
        )
        self.tombol_contoh.on_click(lambda _b: self.muat(NAMA_TEMPLAT, templat()))
        self.tombol_unduh.on_click(lambda _b: self.siapkan_unduhan())
        self.unggahan.observe(self._on_unggah, names="value")
        self.pilih_grafik.observe(self._on_change, names="value")
        self.pilih_lembar.observe(self._on_lembar, names="value")
        tautan = tautan_unduh(templat(), NAMA_TEMPLAT, MIME_XLSX, "Unduh templat (.xlsx)")
        self.bagian_grafik = _kotak(self.pilih_grafik, self.grafik)
        self.bagian_templat = _kotak(
            ipw.HTML("<p>Templat Excel kit adalah bentuk yang disarankan (lembar <b>Isian</b> "
                     f"berisi contoh <b>{vk.TANDA_FIKTIF}</b>, <b>Petunjuk</b>, <b>Metadata</b>), "
                     f"bukan satu-satunya: tabel per RW atau per RT juga bisa.</p><p>{tautan}</p>"),
            baris_kontrol(self.tombol_latihan, self.tombol_contoh),
        )  # fmt: skip
        self.bagian_unggah = _kotak(
            ipw.HTML(f"<p>Pilih berkas {JENIS_BERKAS}, paling besar {BATAS_MB} MB. Berkas asli "
                     "tidak diubah; semua perbaikan dilakukan pada salinannya.</p>"),
            self.unggahan, self.status, self.kotak_lembar,
        )  # fmt: skip
        self.bagian_pemetaan = _kotak(self.kalimat_bentuk, self.peran)
        self.bagian_keterangan = _kotak(
            ipw.HTML("<p class='literasi-kecil'>Diisi otomatis dari lembar Metadata jika ada. "
                     "Daftar RW dan RT dipakai untuk memeriksa kode; luas untuk kepadatan.</p>"),
            *self.isian_meta.values(),
        )  # fmt: skip
        self.bagian_laporan = _kotak(self.laporan)
        self.bagian_pembersihan = _kotak(self.langkah)
        self.bagian_tabel = _kotak(self.tabel, self.indikator)
        self.bagian_unduh = _kotak(self.tombol_unduh, self.unduhan)
        self.widget = _kotak(self.spanduk, *[
            w for judul, nama in JUDUL_BAGIAN.items()
            for w in (ipw.HTML(f"<h3 style='margin:12px 0 4px'>{escape(judul)}</h3>"),
                      getattr(self, nama))
        ])  # fmt: skip
        self._isi_meta()
        self._update()

    @classmethod
    def contoh(cls) -> OlahDataKelurahan:
        """Open with the template's fictional example loaded (what the notebook does)."""
        return cls(OlahData(NAMA_TEMPLAT, templat()))

    # --- Changes ------------------------------------------------------------------------

    def muat(self, nama_berkas: str, isi: bytes, meta: vk.MetaKelurahan | None = None) -> None:
        """A new file: a new model (the fictional example's metadata never stays on it)."""
        lama = self.model.meta
        self.model = OlahData(nama_berkas, isi, meta)
        if meta is None and not self.model.hasil.metadata and vk.TANDA_FIKTIF not in lama.sumber:
            self.model.meta = lama  # the officer's own description stays for the next file
        self.unduhan.value = BELUM_UNDUH
        self._isi_meta()
        self._update()

    def _on_unggah(self, change) -> None:
        berkas = berkas_unggahan(change["new"])
        if berkas is None:
            return
        try:
            self.muat(*berkas)
        except Exception:  # noqa: BLE001 - the kernel survives; the user sees a message
            kode = catat_galat(LOG, "K02", "membaca unggahan")
            self.status.value = html_galat(kode, "Berkas tidak bisa diproses.",
                                           "Simpan ulang sebagai .xlsx lalu unggah lagi.")

    def _on_lembar(self, change) -> None:
        if not self._diam and change["new"] and change["new"] != self.model.hasil.lembar:
            self.model.pilih_lembar(change["new"])
            self._update()

    def _on_peran(self, kolom: str, change) -> None:
        if not self._diam:
            self.model.ubah_peran(kolom, change["new"])
            self._update()

    def _on_meta(self, _change=None) -> None:
        if self._diam:
            return
        nilai = {n: w.value.strip() for n, w in self.isian_meta.items()}
        luas = angka_sel(nilai.pop("luas_km2"))
        self.model.meta = vk.MetaKelurahan(**nilai, luas_km2=luas if luas and luas > 0 else None)
        self._update()

    def _langkah(self, kode: str, terapkan: bool) -> None:
        (self.model.terapkan if terapkan else self.model.urungkan)(kode)
        self._update()

    def terapkan(self, kode: str) -> None:
        self._langkah(kode, True)

    def urungkan(self, kode: str | None = None) -> None:
        self._langkah(kode, False)

    # --- Drawing ------------------------------------------------------------------------

    def _isi_meta(self) -> None:
        self._diam = True
        try:
            for nama, w in self.isian_meta.items():
                nilai = getattr(self.model.meta, nama)
                if nama == "luas_km2":
                    nilai = format_angka(nilai, 3).rstrip("0").rstrip(",") if nilai else ""
                w.value = nilai or ""
        finally:
            self._diam = False

    def _update(self) -> None:
        m = self.model
        self.spanduk.value = (
            f"<div class='literasi-umpan salah' role='status' style='font-size:1.15em'><b>"
            f"{vk.TANDA_FIKTIF}</b>: angka yang tampil adalah karangan untuk latihan, bukan data "
            "kelurahan mana pun. Unggah berkas Anda di langkah 2 untuk menggantinya.</div>"
            if m.fiktif else ""
        )  # fmt: skip
        self.status.value = self._html_status()
        self._update_pemetaan()
        self.laporan.value = html_masalah(m.masalah, "Hasil pemeriksaan berkas", batas=40)
        self._update_langkah()
        k = m.keluaran
        catatan = (
            f"<div class='literasi-umpan petunjuk'>Tidak ikut dihitung (baris jumlah, atau masih "
            f"bermasalah): {escape(vk.daftar_baris(m.keluar))}.</div>" if m.keluar else ""
        )  # fmt: skip
        from literasi.ekspor import tabel_html

        self.tabel.value = catatan + "".join(
            tabel_html(t.data, t.judul, t.kepala, DESIMAL | {"L": 0, "P": 0, "J": 0})
            for t in k.tabel
        ) + "".join(
            f"<p class='literasi-kecil'><b>{escape(a)}</b> belum bisa dibuat: {escape(b)}.</p>"
            for a, b in k.belum
        )  # fmt: skip
        self.indikator.value = (
            "<div class='literasi-indikator'><b>Indikator</b><ul style='padding-left:1.2em'>"
            + "".join(f"<li><b>{escape(i.nama)}: {escape(i.teks_nilai())}</b><br>"
                      f"{escape(i.makna)}</li>" for i in k.indikator)
            + "</ul></div>" if k.indikator else ""
        )  # fmt: skip
        judul = [g.judul for g in k.grafik]
        self._diam = True
        try:
            if list(self.pilih_grafik.options) != judul:
                lama = self.pilih_grafik.value
                self.pilih_grafik.options = judul
                self.pilih_grafik.value = lama if lama in judul else (judul[0] if judul else None)
        finally:
            self._diam = False
        self._update_grafik(k)

    def _on_change(self, _change=None) -> None:
        if not self._diam:
            self._update_grafik(self.model.keluaran)

    def _html_status(self) -> str:
        m, h = self.model, self.model.hasil
        kb = format_angka(len(m.asli) / 1024, 1)
        kepala = f"<b>{escape(m.nama_berkas)}</b> ({kb} KB): " + (
            f"terbaca {format_angka(len(h.tabel))} baris data"
            + (f" dari lembar “{escape(h.lembar)}”" if h.lembar else "")
            + ". Grafik di bagian atas dan tabel di langkah 7 memakai data ini."
            if h.berhasil else "belum bisa dibaca sebagai tabel."
        )  # fmt: skip
        butir = "".join(f"<li>{escape(c)}</li>" for c in h.catatan)
        ekor = (f"<details><summary>Yang terdeteksi ({len(h.catatan)})</summary><ul "
                f"style='margin:4px 0;padding-left:1.2em'>{butir}</ul></details>"
                if h.catatan else "")  # fmt: skip
        kelas = "benar" if h.berhasil else "salah"
        return f"<div class='literasi-umpan {kelas}' role='status'>{kepala}{ekor}</div>"

    def _update_pemetaan(self) -> None:
        m = self.model
        bentuk = m.bentuk
        self.kalimat_bentuk.value = (
            f"<p><b>{escape(bentuk.kalimat())}</b> Periksa cara aplikasi membaca setiap kolom; "
            "jika keliru, ganti perannya di daftar.</p>" if bentuk
            else "<p>Belum ada tabel yang terbaca dari berkas ini.</p>"
        )  # fmt: skip
        tabel_lain = m.hasil.lembar_tabel
        self._diam = True
        try:
            self.kotak_lembar.children = [self.pilih_lembar] if len(tabel_lain) > 1 else []
            self.pilih_lembar.options = tabel_lain
            self.pilih_lembar.value = m.hasil.lembar if m.hasil.lembar in tabel_lain else None
        finally:
            self._diam = False
        kunci = (id(m.hasil), tuple(m.pemetaan.items()))
        if kunci == self._kunci_peran:
            return
        self._kunci_peran = kunci
        pilihan = [(p.teks(), p) for p in bt.pilihan_peran(m.pemetaan)]
        anak = []
        for kolom, peran in m.pemetaan.items():
            huruf = m.hasil.huruf.get(kolom, "")
            d = ipw.Dropdown(options=pilihan, value=peran, description=f"{huruf} “{kolom}”",
                             style={"description_width": "initial"},
                             layout=ipw.Layout(width="100%", max_width="560px"))  # fmt: skip
            d.observe(lambda c, k=kolom: self._on_peran(k, c), names="value")
            anak.append(d)
        kalimat = "".join(f"<li>{escape(t)}</li>" for t in m.kalimat_pemetaan())
        self.peran.children = [ipw.HTML(f"<ul class='literasi-kecil'>{kalimat}</ul>"), *anak]

    def _update_langkah(self) -> None:
        pb, pm = self.model.pembersihan, self.model.pemetaan
        anak = []
        for lk, nomor in pb.riwayat(pm):
            tombol = _tombol("Urungkan", icon="undo", tooltip=f"Urungkan: {lk.judul}")
            tombol.on_click(lambda _b, k=lk.kode: self.urungkan(k))
            teks = f"✔ {escape(lk.judul)}: {escape(vk.daftar_baris(nomor) or '-')}"
            anak.append(baris_kontrol(ipw.HTML(f"<div>{teks}</div>"), tombol))
        for lk, nomor in pb.tersedia(pm):
            tombol = _tombol("Terapkan", icon="check", button_style="info",
                             tooltip=f"Terapkan: {lk.judul}")  # fmt: skip
            tombol.on_click(lambda _b, k=lk.kode: self.terapkan(k))
            teks = (f"<b>{escape(lk.judul)}</b>: {escape(vk.daftar_baris(nomor))}<br>"
                    f"<span class='literasi-kecil'>{escape(lk.penjelasan)}</span>")  # fmt: skip
            anak.append(baris_kontrol(ipw.HTML(f"<div>{teks}</div>"), tombol))
        anak.append(ipw.HTML(
            "<p class='literasi-kecil'>Langkah diterapkan pada salinan; berkas asli tetap. Masalah "
            "lain (sel kosong, angka negatif, jumlah yang tidak cocok) diperbaiki di berkas Anda, "
            "lalu unggah lagi: aplikasi tidak menebak angka.</p>" if anak
            else "<p>Tidak ada langkah pembersihan yang diperlukan.</p>"))  # fmt: skip
        self.langkah.children = anak

    def _update_grafik(self, k) -> None:
        grafik = {g.judul: g for g in k.grafik}
        g = grafik.get(self.pilih_grafik.value)
        if g is None:
            self.grafik.value = ("<p>Grafik muncul setelah ada baris data yang bisa dihitung: "
                                 "lihat laporan pemeriksaan.</p>")  # fmt: skip
            self._kunci_grafik = None
            return
        m = self.model
        kunci = (g.judul, g.kalimat, m.meta.judul, m.fiktif, m.sumber_data(), len(m.data))
        if kunci == self._kunci_grafik:
            return  # same picture: a step that changes no counted row redraws nothing
        self._kunci_grafik = kunci
        fig = gambar_baru(5.6, 6.8)
        g.gambar(fig.add_subplot())
        kalimat = g.kalimat
        if m.fiktif:
            # Under the axis label, where constrained layout keeps room for it.
            fig.supxlabel(vk.TANDA_FIKTIF, fontsize=8, color="#b00020", fontweight="bold")
            kalimat += f" ({vk.TANDA_FIKTIF}.)"
        self.grafik.value = html_grafik(fig, alt=kalimat, keterangan=kalimat,
                                        sumber=m.sumber_data())  # fmt: skip

    def siapkan_unduhan(self) -> None:
        self.unduhan.value = "<p>Sedang membuat berkas…</p>"
        m = self.model
        try:
            dasar = m.nama_dasar()
            tautan = [
                tautan_unduh(m.buat_excel(), f"{dasar}.xlsx", MIME_XLSX, "Unduh Excel"),
                tautan_unduh(m.buat_pdf(), f"{dasar}_dalam_angka.pdf", "application/pdf",
                             "Unduh PDF (siap cetak)"),
                tautan_unduh(m.buat_csv(), f"{dasar}_data.csv", "text/csv",
                             "Unduh data siap hitung (CSV)"),
            ]  # fmt: skip
            self.unduhan.value = "".join(f"<p>{t}</p>" for t in tautan)
        except Exception:  # noqa: BLE001 - the kernel survives; the user sees a message
            kode = catat_galat(LOG, "K02", "membuat unduhan")
            self.unduhan.value = html_galat(kode, "Berkas belum bisa dibuat.",
                                            "Periksa laporan pemeriksaan lalu coba lagi.")
