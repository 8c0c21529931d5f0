"""App K03 (kelurahan): Survei Kepuasan Masyarakat, the IKM under Permenpan RB No. 14 Tahun 2017.

The view of `literasi.kelurahan.skm.SurveiSkm`. The app opens with FICTIONAL responses (seeded,
labelled "DATA CONTOH FIKTIF"). The office enters its own responses one respondent at a time, or
uploads a spreadsheet (.xlsx, .xls, .ods, .csv, .tsv, .txt; the bytes are kept untouched). It
shows the value per element with the weakest named, or the importance–performance quadrant;
equal or custom weights; a note when the IKM is near a band edge or the respondents are fewer
than the sample the number of service users needs; and offers Excel, a PDF report (A4) and a
template to download.
"""

from __future__ import annotations

import logging
from html import escape

import ipywidgets as ipw
import pandas as pd

from literasi.ekspor import tabel_html
from literasi.format import format_angka
from literasi.grafik import gambar_baru, html_grafik
from literasi.kelurahan.galat import catat_galat, html_galat
from literasi.kelurahan.ikm import (
    KONVERSI,
    LABEL_KEPENTINGAN,
    LABEL_SKALA,
    SKALA,
    SUMBER,
    HasilIKM,
    bobot_sama,
    daftar_kategori,
    daftar_unsur,
    hitung_ikm,
    jawaban_contoh_fiktif,
    kategori_mutu,
    nama_unsur,
    periksa_jawaban,
    teks_angka,
    unsur_terlemah,
)
from literasi.kelurahan.skm import (
    LABEL_FIKTIF,
    NAMA_TEMPLAT,
    SurveiSkm,
    buat_templat,
    gambar_kuadran,
    gambar_per_unsur,
    gambar_pesan,
    kalimat_kuadran,
    kalimat_per_unsur,
    kalimat_terlemah,
    teks_bobot,
)
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
TAMPILAN = ["Nilai per unsur", "Kuadran kepentingan–kinerja"]
JENIS_BOBOT = ["Sama (1/9)", "Bobot sendiri"]
BATAS_PESAN = 15  # problems listed on screen per level; the rest are counted
__all__ = ["LABEL_FIKTIF", "SurveiKepuasan", "buat_templat", "semua_soal"]


def daftar_soal() -> list:
    """A short self-check; answers computed with literasi.kelurahan.ikm from the shipped bands."""
    kategori = {k.mutu: k for k in daftar_kategori()}
    pilihan = [f"{m} ({kategori[m].kinerja})" for m in ("A", "B", "C", "D")]

    def jawab(nilai) -> str:
        k = kategori_mutu(nilai)
        return f"{k.mutu} ({k.kinerja})"

    contoh = periksa_jawaban(jawaban_contoh_fiktif())
    hasil = hitung_ikm(contoh.kinerja)
    terlemah = unsur_terlemah(hasil.nrr, banyak=1)[0]
    pilihan_unsur = [f"{u.kode} {u.nama}" for u in daftar_unsur()]
    indeks = 3.4
    return [
        SoalAngka(
            pertanyaan=(
                f"Rata-rata tertimbang semua unsur di sebuah kantor adalah "
                f"{format_angka(indeks, 1)} (skala 1–4). Berapa nilai IKM-nya?"
            ),
            jawaban=indeks * KONVERSI,
            petunjuk=[
                "IKM = rata-rata tertimbang × 25.",
                f"Hitung {format_angka(indeks, 1)} × 25.",
            ],
            penjelasan=(
                f"{format_angka(indeks, 1)} × 25 = {teks_angka(indeks * KONVERSI)}, mutu "
                f"{jawab(indeks * KONVERSI)}."
            ),
            toleransi=0.001,
            desimal=2,
        ),
        SoalPilihan(
            pertanyaan="Nilai IKM sebuah kantor 76,61. Mutu pelayanannya?",
            pilihan=pilihan,
            jawaban=jawab(76.61),
            penjelasan=f"Rentang B mulai {teks_angka(kategori['B'].bawah)}; 76,61 tepat di "
            "batas bawah B, dan batas termasuk.",
            petunjuk=["Lihat tabel kategori mutu: batas atas C dan batas bawah B."],
        ),
        SoalPilihan(
            pertanyaan=(
                "Hitungan tanpa pembulatan memberi 64,995. Di aplikasi ini, nilai itu masuk "
                "mutu apa?"
            ),
            pilihan=pilihan,
            jawaban=jawab(64.995),
            penjelasan="Nilai dibulatkan dulu ke 2 desimal (setengah ke atas): 64,995 menjadi "
            "65,00, batas bawah C.",
            petunjuk=[
                "Batas kategori ditulis dengan 2 desimal. Bulatkan dulu ke 2 desimal.",
                "Angka 5 di desimal ketiga membulatkan ke atas.",
            ],
            umpan_balik={jawab(64.99): "64,99 memang D, tetapi 64,995 dibulatkan dulu ke 65,00."},
        ),
        SoalPilihan(
            pertanyaan=(
                "Pada data contoh fiktif (tampilan “Nilai per unsur”), unsur mana yang nilainya "
                "paling rendah? Jika ada dua yang sama, pilih yang nomornya lebih kecil."
            ),
            pilihan=pilihan_unsur,
            jawaban=f"{terlemah} {nama_unsur(terlemah)}",
            penjelasan=(
                f"{terlemah} {nama_unsur(terlemah)}: NRR {teks_angka(hasil.nrr[terlemah])}, "
                f"nilai {teks_angka(hasil.nilai_unsur(terlemah))} (batang oranye paling pendek)."
            ),
            petunjuk=[
                "Cari batang oranye yang paling pendek.",
                "Atau lihat kolom “Nilai ×25” di tabel di bawah grafik.",
            ],
        ),
    ]


def semua_soal() -> list:
    """The app's exercises in page order (answer key, tests)."""
    return daftar_soal()


def tabel_unsur_html(hasil: HasilIKM) -> str:
    """Per-element table (NRR to 3 decimals); the weight column only when weights differ."""
    sama = all(b == bobot_sama()["U1"] for b in hasil.bobot.values())
    t = hasil.tabel_unsur()
    t["unsur"] = t["kode"] + " " + t["unsur"]
    t["bobot"] = [teks_bobot(hasil.bobot[k]) for k in t["kode"]]
    kolom = {"unsur": "Unsur", "jawaban_sah": "Jawaban sah", "nrr": "NRR"}
    kolom |= ({} if sama else {"bobot": "Bobot"}) | {"nilai_konversi": "Nilai ×25", "mutu": "Mutu"}
    return tabel_html(t, "Nilai per unsur (oranye: terlemah)", kolom,
                      {"nrr": 3, "nilai_konversi": 2},
                      [k in hasil.terlemah for k in t["kode"]])  # fmt: skip


def tabel_metode_html() -> str:
    """The 9 elements and the 4 bands, from the shipped datasets (for the notebook)."""
    unsur = pd.DataFrame([(u.kode, u.nama) for u in daftar_unsur()], columns=["Kode", "Unsur"])
    pita = pd.DataFrame([(k.teks_rentang(), k.mutu, k.kinerja) for k in daftar_kategori()],
                        columns=["Nilai IKM", "Mutu", "Kinerja unit pelayanan"])  # fmt: skip
    return tabel_html(unsur, "9 unsur SKM (Permenpan RB 14/2017)") + tabel_html(
        pita, "Kategori mutu pelayanan (skala 25–100)"
    )


def _umpan(jenis: str, isi_html: str) -> str:
    return f"<div class='literasi-umpan {jenis}' role='status'>{isi_html}</div>"


def _pilihan(kosong: str, label: dict[int, str]) -> list:
    """Dropdown options; 0 = not chosen yet (a None value would show an empty box)."""
    return [(kosong, 0)] + [(f"{s} – {label[s]}", s) for s in SKALA]


def _pilih(deskripsi: str, kosong: str, label: dict, lebar: str) -> ipw.Dropdown:
    return ipw.Dropdown(options=_pilihan(kosong, label), value=0, description=deskripsi,
                        style={"description_width": "0px"},
                        layout=ipw.Layout(width=lebar, height="auto"))  # fmt: skip


def _teks(deskripsi: str, nilai: str = "", **lain) -> ipw.Text:
    return ipw.Text(value=nilai, description=deskripsi, continuous_update=False,
                    style={"description_width": "150px"},
                    layout=ipw.Layout(width="100%", max_width="440px"), **lain)  # fmt: skip


def _tombol(teks: str, **lain) -> ipw.Button:
    return ipw.Button(description=teks, layout=ipw.Layout(width="auto", min_height="40px"), **lain)


def _kotak(*anak) -> ipw.VBox:
    return ipw.VBox(list(anak), layout=ipw.Layout(width="100%"))


class SurveiKepuasan(Tampilan):
    """The IKM app: result (chart, table), data entry (form, upload, template), weights, export.

    Parts, shown in this order by `widget` (or one by one in the notebook): `panel_hasil` (first
    control: the view toggle; first chart), `panel_isian` (upload and form), `panel_bobot`,
    `panel_unduh`. Every change goes to the model, then `_update()` redraws from it.
    """

    def __init__(self, model: SurveiSkm):
        unsur = daftar_unsur()
        self.model = model
        self._diam = False  # True while the view fills its own fields (no redraw)
        self.hasil: HasilIKM | None = None
        self.kuadran = None
        self.label_data, self.ringkasan, self.grafik, self.tabel_html = (
            ipw.HTML() for _ in range(4)
        )
        self.pesan_bobot, self.pesan_isian, self.pesan_unggah, self.unduhan = (
            ipw.HTML() for _ in range(4)
        )
        self.tampilan = ipw.ToggleButtons(
            options=TAMPILAN, value=TAMPILAN[0], description="Tampilan",
            style={"description_width": "initial", "button_width": "auto"},
            layout=ipw.Layout(width="100%"),
        )  # fmt: skip
        self.jenis_bobot = ipw.ToggleButtons(
            options=JENIS_BOBOT, value=JENIS_BOBOT[0], description="Bobot",
            style={"description_width": "initial", "button_width": "auto"},
        )  # fmt: skip
        self.isian_bobot = {
            u.kode: ipw.Text(value="1/9", description=f"{u.kode} {u.nama}",
                             continuous_update=False, style={"description_width": "210px"},
                             layout=ipw.Layout(width="100%", max_width="330px"))
            for u in unsur
        }  # fmt: skip
        self.kotak_bobot = ipw.VBox(list(self.isian_bobot.values()),
                                    layout=ipw.Layout(display="none"))  # fmt: skip
        self.unit = _teks("Unit layanan", model.unit)
        self.periode = _teks("Periode survei", model.periode)
        self.populasi = _teks("Penerima layanan", placeholder="banyak orang dalam periode survei")
        self.isian_kinerja = {u.kode: _pilih(f"Nilai {u.kode}", "– nilai –", LABEL_SKALA, "160px")
                              for u in unsur}  # fmt: skip
        self.isian_penting = {
            u.kode: _pilih(f"Kepentingan {u.kode}", "– kepentingan –", LABEL_KEPENTINGAN, "190px")
            for u in unsur
        }
        self.tombol_tambah = _tombol("Tambah responden", button_style="primary", icon="plus")
        self.tombol_kosong = _tombol("Mulai data baru (kosong)")
        self.tombol_contoh = _tombol("Muat lagi data contoh fiktif")
        self.tombol_unduh = _tombol("Siapkan Excel dan PDF", icon="download",
                                    button_style="primary")  # fmt: skip
        self.unggah = ipw.FileUpload(
            accept=TERIMA, multiple=False, button_style="primary", description="Pilih berkas",
            layout=ipw.Layout(width="auto", min_height="40px"),
        )
        self.templat = ipw.HTML("<p>" + tautan_unduh(buat_templat(), NAMA_TEMPLAT, MIME_XLSX,
                                "Unduh templat Excel (berisi contoh fiktif)") + "</p>")  # fmt: skip
        self.tampilan.observe(self._on_change, names="value")
        self.jenis_bobot.observe(self._on_change, names="value")
        for w in [*self.isian_bobot.values(), self.unit, self.periode, self.populasi]:
            w.observe(self._on_info, names="value")
        self.unggah.observe(self._on_unggah, names="value")
        self.tombol_tambah.on_click(lambda _: self.tambah_responden())
        self.tombol_kosong.on_click(lambda _: self.mulai_kosong())
        self.tombol_contoh.on_click(lambda _: self.muat_contoh())
        self.tombol_unduh.on_click(lambda _: self.siapkan_unduhan())
        # The chart right under the control that switches it, then its sentence.
        self.panel_hasil = _kotak(self.label_data, baris_kontrol(self.tampilan), self.grafik,
                                  self.ringkasan, self.tabel_html)  # fmt: skip
        formulir = [
            ipw.VBox([ipw.HTML(f"<b>{u.kode}</b> {escape(u.nama)}"),
                      baris_kontrol(self.isian_kinerja[u.kode], self.isian_penting[u.kode])],
                     layout=ipw.Layout(width="100%", max_width="420px", margin="0 0 6px 0"))
            for u in unsur
        ]  # fmt: skip
        self.panel_isian = _kotak(
            ipw.HTML(f"<h3>Unggah berkas</h3><p>{JENIS_BERKAS}, paling besar "
                     f"{format_angka(BATAS_MB)} MB. Kolom U1–U9 (nilai 1–4) wajib, K1–K9 "
                     "(kepentingan) boleh. Berkas asli tidak diubah.</p>"),
            self.templat, baris_kontrol(self.unggah), self.pesan_unggah,
            ipw.HTML("<h3>Atau isi satu per satu</h3><p>Pilih nilai setiap unsur dari kuesioner "
                     "satu responden, lalu tekan <b>Tambah responden</b>.</p><p "
                     "class='literasi-kecil'>Kotak kiri: <b>nilai</b> pelayanan (1 tidak baik … 4 "
                     "sangat baik; wajib). Kotak kanan: <b>kepentingan</b> unsur itu bagi "
                     "responden (1 tidak penting … 4 sangat penting; boleh kosong).</p>"),
            _kotak(*formulir), baris_kontrol(self.tombol_tambah), self.pesan_isian,
            baris_kontrol(self.tombol_kosong, self.tombol_contoh),
        )  # fmt: skip
        self.panel_bobot = _kotak(baris_kontrol(self.jenis_bobot), self.kotak_bobot,
                                  self.pesan_bobot)  # fmt: skip
        self.panel_unduh = _kotak(self.unit, self.periode, self.populasi,
                                  baris_kontrol(self.tombol_unduh), self.unduhan)  # fmt: skip
        self.widget = _kotak(self.panel_hasil, self.panel_isian, self.panel_bobot,
                             self.panel_unduh)  # fmt: skip
        self._update()

    @classmethod
    def dengan_contoh_fiktif(cls) -> SurveiKepuasan:
        """The app as it opens: 40 fictional respondents (seeded), labelled loudly."""
        return cls(SurveiSkm.contoh())

    # --- Data in ------------------------------------------------------------------------

    def _isi_info(self) -> None:
        self._diam = True
        try:
            self.unit.value, self.periode.value = self.model.unit, self.model.periode
        finally:
            self._diam = False

    def muat_contoh(self) -> None:
        self.model.muat_contoh()
        self._isi_info()
        self._update()
        self.pesan_isian.value = _umpan("petunjuk", "Data contoh fiktif dimuat lagi.")

    def mulai_kosong(self) -> None:
        self.model.mulai_kosong()
        self._update()
        self.pesan_isian.value = _umpan(
            "petunjuk",
            "Tabel kosong. Isi kuesioner responden pertama, lalu tekan <b>Tambah responden</b>.",
        )

    def tambah_responden(self) -> bool:
        """Add the respondent in the form; the fictional example is replaced, never mixed."""
        belum = [k for k, w in self.isian_kinerja.items() if not w.value]
        if belum:
            nama = ", ".join(f"{k} ({escape(nama_unsur(k))})" for k in belum)
            self.pesan_isian.value = _umpan(
                "salah", f"Belum dipilih: {nama}. Setiap unsur perlu nilai 1–4."
            )
            return False
        ganti = self.model.tambah_responden(
            {k: w.value for k, w in self.isian_kinerja.items()},
            {k: w.value or None for k, w in self.isian_penting.items()},
        )
        for w in [*self.isian_kinerja.values(), *self.isian_penting.values()]:
            w.value = 0
        self._update()
        awal = ("Data sebelumnya (contoh fiktif atau berkas) diganti dengan isian Anda; data tidak "
                "dicampur. " if ganti else "")  # fmt: skip
        self.pesan_isian.value = _umpan(
            "benar", f"{awal}Responden ke-{self.model.pemeriksaan.responden} ditambahkan. "
            f"{self._kalimat_status()}")  # fmt: skip
        return True

    def _on_unggah(self, change) -> None:
        berkas = berkas_unggahan(change["new"])
        if berkas is not None:
            self.muat_berkas(*berkas)

    def muat_berkas(self, nama: str, isi: bytes) -> bool:
        """Read an upload; on success it replaces the data. Never raises for bad files."""
        try:
            hasil = self.model.muat_berkas(nama, isi, BATAS_MB)
        except Exception:  # noqa: BLE001 - the kernel survives; the user sees a message
            kode = catat_galat(LOG, "K03", "membaca unggahan")
            self.pesan_unggah.value = html_galat(kode, "Berkas tidak bisa dibaca.",
                                                 "Simpan ulang sebagai .xlsx lalu coba lagi.")
            return False  # fmt: skip
        catatan = "".join(f"<li>{escape(c)}</li>" for c in hasil.catatan)
        rinci = f"<details><summary>Yang terdeteksi</summary><ul>{catatan}</ul></details>"
        if not hasil.diterima:
            self.pesan_unggah.value = (
                html_masalah(hasil.masalah, f"Berkas “{nama}” belum bisa dipakai", BATAS_PESAN)
                + "<p>Judul kolom yang dikenali: U1…U9 (atau nama unsur), K1…K9. Unduh templat "
                "di atas untuk contohnya.</p>" + rinci + "<p>Data yang tampil di atas tidak "
                "berubah.</p>"
            )  # fmt: skip
            return False
        self._isi_info()
        self._update()
        merah = (
            _umpan("salah", f"{hasil.baris_fiktif} baris masih bertanda contoh fiktif. Hapus "
                   "baris itu di Excel lalu unggah lagi.") if hasil.baris_fiktif else ""
        )  # fmt: skip
        self.pesan_unggah.value = (
            _umpan("benar", f"Berkas “{escape(nama)}” dibaca: "
                   f"{format_angka(self.model.pemeriksaan.responden)} responden. "
                   f"{escape(self._kalimat_status())}") + merah
            + (html_masalah(hasil.masalah, "Laporan pemeriksaan jawaban", BATAS_PESAN)
               if hasil.masalah else "") + rinci
        )  # fmt: skip
        return True

    def _on_info(self, _change=None) -> None:
        if self._diam:
            return
        m = self.model
        m.unit, m.periode = self.unit.value.strip(), self.periode.value.strip()
        jumlah = angka_sel(self.populasi.value.strip())
        m.populasi = int(jumlah) if jumlah and jumlah > 0 else None
        self._update()

    # --- Drawing ------------------------------------------------------------------------

    def _kalimat_status(self) -> str:
        if self.hasil is None:
            return "Hasil belum bisa dihitung."
        return (f"IKM sekarang {teks_angka(self.hasil.ikm)} (mutu {self.hasil.kategori.mutu}, "
                f"{self.hasil.kategori.kinerja}); lihat hasil di atas.")  # fmt: skip

    def _update(self) -> None:
        m = self.model
        self.unduhan.value = ""  # old downloads no longer match the data
        sendiri = self.jenis_bobot.value == JENIS_BOBOT[1]
        self.kotak_bobot.layout.display = "flex" if sendiri else "none"
        pesan = m.pesan_bobot({k: w.value for k, w in self.isian_bobot.items()} if sendiri
                              else None)  # fmt: skip
        if pesan:
            self.pesan_bobot.value = _umpan("salah", "Bobot sendiri belum bisa dipakai: "
                                            + " ".join(escape(p) for p in pesan)
                                            + " Sementara itu hasil memakai bobot sama (1/9).")
        elif sendiri:
            self.pesan_bobot.value = _umpan("benar", "Bobot sendiri dipakai (jumlahnya tepat 1).")
        else:
            self.pesan_bobot.value = ("<p class='literasi-kecil'>Bobot sama: setiap unsur 1/9 "
                                      "(sumber menulis 0,111).</p>")  # fmt: skip
        self.label_data.value = self._html_label()
        self.hasil, alasan = m.hitung()
        self.kuadran, pesan_kuadran = m.kuadran()
        if self.hasil is None:
            self.ringkasan.value = _umpan("petunjuk", escape(alasan) + " Tambahkan responden "
                                          "atau unggah berkas di bagian “Masukkan data”.")
            self.tabel_html.value = ""
            self._gambar(lambda ax: gambar_pesan(ax, self.tampilan.value, "Belum ada data yang "
                         "cukup untuk grafik."), "Grafik kosong: belum ada data.")
            return  # fmt: skip
        self.ringkasan.value = self._html_ringkasan(self.hasil, m.bobot is not None)
        self.tabel_html.value = tabel_unsur_html(self.hasil)
        if self.tampilan.value == TAMPILAN[0]:
            self._gambar(lambda ax: gambar_per_unsur(ax, self.hasil), kalimat_per_unsur(self.hasil))
        elif self.kuadran is not None:
            self._gambar(lambda ax: gambar_kuadran(ax, self.kuadran), kalimat_kuadran(self.kuadran))
        else:
            kalimat = (f"Kuadran belum bisa digambar: {pesan_kuadran} Isi kepentingan di "
                       "formulir atau kolom K1–K9 di berkas.")  # fmt: skip
            self._gambar(lambda ax: gambar_pesan(ax, "Kuadran kepentingan–kinerja", kalimat),
                         kalimat)  # fmt: skip

    def _gambar(self, gambar, kalimat: str) -> None:
        fig = gambar_baru(4.8, 7.6 if self.tampilan.value == TAMPILAN[0] else 4.6)
        gambar(fig.add_subplot())
        if self.model.fiktif:
            fig.suptitle(LABEL_FIKTIF, fontsize=9, color="#b3261e", fontweight="bold")
        sumber = f"{self.model.sumber_data}; metode {SUMBER}"
        self.grafik.value = html_grafik(fig, alt=kalimat, keterangan=kalimat, sumber=sumber)

    def _html_label(self) -> str:
        m = self.model
        if m.fiktif:
            rinci = m.sumber_data[len(LABEL_FIKTIF):].strip(" —()")
            return ("<div class='literasi-umpan salah' role='note' style='font-size:1.15em'>"
                    f"<b>{LABEL_FIKTIF}</b>: {escape(rinci)}. Bukan hasil survei kantor mana pun; "
                    "angka di bawah hanya contoh cara membaca. Ganti dengan data Anda di bagian "
                    "“Masukkan data”.</div>")  # fmt: skip
        jumlah = format_angka(m.pemeriksaan.responden)
        return (f"<div class='literasi-umpan benar' role='note'><b>Data Anda</b>: "
                f"{escape(m.sumber_data)} · {jumlah} responden</div>")  # fmt: skip

    def _html_ringkasan(self, hasil: HasilIKM, bobot_sendiri: bool) -> str:
        k = hasil.kategori
        cara = "bobot sendiri" if bobot_sendiri else "bobot sama 1/9"
        catatan = "".join(
            f"<div class='literasi-umpan petunjuk' role='note' style='background:#fff4d6;"
            f"color:#5c4400'>{escape(c)}</div>" for c in self.model.catatan(hasil)
        )  # fmt: skip
        return (
            "<div class='literasi-ringkasan' style='line-height:1.45'>"
            f"<p style='font-size:1.5em;margin:0.2em 0'><b>IKM {teks_angka(hasil.ikm)}</b> · "
            f"mutu <b>{k.mutu}</b> ({escape(k.kinerja)})</p>"
            f"<p>{format_angka(hasil.responden)} responden. Indeks tertimbang "
            f"{teks_angka(hasil.indeks, 4)} (skala 1–4, {cara}) × 25 = "
            f"{teks_angka(hasil.ikm_tepat, 4)}, dibulatkan {teks_angka(hasil.ikm)}; rentang "
            f"{k.mutu}: {k.teks_rentang()}.</p>"
            f"<p><b>Unsur terlemah:</b> {escape(kalimat_terlemah(hasil))}.</p>{catatan}</div>"
        )

    def siapkan_unduhan(self) -> bool:
        if self.hasil is None:
            self.unduhan.value = _umpan("salah", "Belum ada hasil untuk diunduh.")
            return False
        from literasi.ekspor import nama_berkas

        m = self.model
        nama = "ikm_" + ("contoh_fiktif" if m.fiktif else nama_berkas(m.unit, "unit").lower())
        nama += "_" + pd.Timestamp.now().strftime("%Y%m%d")
        try:
            self.excel, self.pdf = m.buat_excel(), m.buat_pdf()
        except Exception:  # noqa: BLE001 - the user gets a message, the kernel survives
            kode = catat_galat(LOG, "K03", "membuat laporan")
            self.unduhan.value = html_galat(kode, "Laporan belum bisa dibuat.",
                                            "Periksa nama unit dan periode, lalu coba lagi.")
            return False  # fmt: skip
        self.unduhan.value = (
            "<p>" + tautan_unduh(self.excel, nama + ".xlsx", MIME_XLSX, "Unduh Excel") + "</p><p>"
            + tautan_unduh(self.pdf, nama + ".pdf", "application/pdf", "Unduh laporan PDF (A4)")
            + "</p>"
        )  # fmt: skip
        return True
