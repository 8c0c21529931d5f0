"""Sensus Kelas, the teacher's dashboard (notebooks/kelas/91_dasbor_sensus_kelas.ipynb)."""

from __future__ import annotations

import hmac
import os
import re
import time
from html import escape

import ipywidgets as ipw
import numpy as np
import pandas as pd

from literasi.kelas import penyimpanan as survei_db
from literasi.kelas.kuesioner import (
    ANGKA,
    KATEGORI,
    PER_KUNCI,
    PERTANYAAN,
    Pertanyaan,
    angka_ringkas,
    sebagai_kategori,
)
from literasi.kelas.tampilan_survei import (
    grafik_pencar,
    grafik_sebaran,
    lebar_isian,
    pesan_status,
    tabel_html,
)
from literasi.tampilan import Tampilan, baris_kontrol
from literasi.unduh import tautan_unduh

ENV_PIN = "LITERASI_PIN_GURU"


# --- Teacher view -------------------------------------------------------------------------


class DasborGuru(Tampilan):
    """Class codes, live results, a sampler across classes, export, archive and reset.

    With $LITERASI_PIN_GURU set (the workshop server sets and prints it) the dashboard asks for
    the PIN first. Its widgets are only created after the PIN is right: a widget's state is sent
    to the browser as soon as it exists, shown or not.
    """

    BATAS_SALAH = 5
    JEDA_DETIK = 30

    def __init__(self, path=None):
        self.path = path
        self.pin = os.environ.get(ENV_PIN) or None
        self.salah, self.kunci_sampai = 0, 0.0
        self._versi_data, self._digambar = 0, {}
        self.widget = ipw.VBox(layout=ipw.Layout(width="100%", max_width="900px"))
        if self.pin:
            self._gerbang()
        else:
            self._buka()

    # PIN gate
    def _gerbang(self) -> None:
        self.isian_pin = ipw.Password(
            description="PIN guru", style={"description_width": "initial"}, layout=lebar_isian()
        )
        self.tombol_masuk = ipw.Button(
            description="Masuk", button_style="primary", layout=ipw.Layout(width="auto")
        )
        self.tombol_masuk.on_click(lambda _: self.masuk(self.isian_pin.value))
        self.pesan_pin = ipw.HTML()
        self.widget.children = [
            ipw.HTML(
                "<p>Dasbor ini hanya untuk guru. Masukkan PIN yang tampil di terminal "
                "server (<code>literasi serve</code>).</p>"
            ),
            baris_kontrol(self.isian_pin, self.tombol_masuk),
            self.pesan_pin,
        ]

    def masuk(self, pin: str) -> bool:
        if time.monotonic() < self.kunci_sampai:
            self.pesan_pin.value = pesan_status("salah", "Terlalu banyak salah. Tunggu 30 detik.")
            return False
        if hmac.compare_digest((pin or "").strip().encode(), self.pin.encode()):
            self._buka()
            return True
        self.salah += 1
        self.isian_pin.value = ""
        if self.salah >= self.BATAS_SALAH:
            self.salah, self.kunci_sampai = 0, time.monotonic() + self.JEDA_DETIK
        self.pesan_pin.value = pesan_status("salah", "PIN salah. Lihat PIN di terminal server.")
        return False

    # The dashboard itself
    def _buka(self) -> None:
        gaya = {"description_width": "initial"}
        # Class codes
        self.kode_baru = ipw.Text(
            description="Kode kelas baru", placeholder="mis. 8A", style=gaya, layout=lebar_isian()
        )
        self.tombol_buat = ipw.Button(
            description="Buat kelas", button_style="primary", layout=ipw.Layout(width="auto")
        )
        self.tombol_buat.on_click(lambda _: self.buat_kelas())
        self.pesan_kelas = ipw.HTML()
        self.daftar_html = ipw.HTML()
        # Live results
        self.kelas = ipw.Dropdown(
            description="Kelas",
            style=gaya,
            layout=ipw.Layout(width="auto", min_width="200px", height="auto"),
        )
        self.tombol_perbarui = ipw.Button(
            description="Perbarui",
            icon="refresh",
            tooltip="Muat jawaban terbaru",
            layout=ipw.Layout(width="auto"),
        )
        self.tombol_perbarui.on_click(lambda _: self.perbarui())
        self.hitungan = ipw.HTML()
        self.variabel = ipw.Dropdown(
            description="Variabel",
            options=[(p.nama, p.kunci) for p in PERTANYAAN],
            value=PERTANYAAN[0].kunci,
            style=gaya,
            layout=ipw.Layout(width="auto", height="auto"),
        )
        self.sebaran = ipw.HTML()
        self.jenis_dua = ipw.ToggleButtons(
            description="Dua variabel",
            options=[
                ("Dua angka (diagram pencar)", "angka"),
                ("Dua kategori (tabel silang)", "kategori"),
            ],
            value="angka",
            style={**gaya, "button_width": "auto"},
            layout=ipw.Layout(width="100%"),
        )
        self.var_x = ipw.Dropdown(
            description="Mendatar", style=gaya, layout=ipw.Layout(width="auto", height="auto")
        )
        self.var_y = ipw.Dropdown(
            description="Tegak", style=gaya, layout=ipw.Layout(width="auto", height="auto")
        )
        self._isi_pilihan_dua()
        self.dua = ipw.HTML()
        # Sampler
        self.n_sampel = ipw.BoundedIntText(
            value=10,
            min=1,
            max=1000,
            description="Ukuran sampel n",
            style=gaya,
            layout=ipw.Layout(width="220px"),
        )
        self.seed = ipw.BoundedIntText(
            value=2025,
            min=0,
            max=10**9,
            description="Seed",
            style=gaya,
            layout=ipw.Layout(width="200px"),
        )
        self.tombol_sampel = ipw.Button(
            description="Ambil sampel", button_style="primary", layout=ipw.Layout(width="auto")
        )
        self.tombol_sampel.on_click(lambda _: self.ambil_sampel())
        self.hasil_sampel = ipw.HTML()
        # Export
        self.cakupan = ipw.ToggleButtons(
            description="Data",
            options=[("Kelas ini", "kelas"), ("Semua kelas", "semua")],
            value="kelas",
            style={**gaya, "button_width": "auto"},
        )
        self.tombol_csv = ipw.Button(description="Siapkan CSV", layout=ipw.Layout(width="auto"))
        self.tombol_excel = ipw.Button(description="Siapkan Excel", layout=ipw.Layout(width="auto"))
        self.tombol_csv.on_click(lambda _: self.siapkan_unduhan("csv"))
        self.tombol_excel.on_click(lambda _: self.siapkan_unduhan("xlsx"))
        self.unduhan = ipw.HTML()
        # Archive and reset (each with a confirmation step)
        self.tombol_arsip = ipw.Button(
            description="Arsipkan kelas ini…", layout=ipw.Layout(width="auto")
        )
        self.tombol_hapus = ipw.Button(
            description="Hapus kelas ini (reset)…",
            button_style="danger",
            layout=ipw.Layout(width="auto"),
        )
        self.tombol_arsip.on_click(lambda _: self.minta_konfirmasi("arsip"))
        self.tombol_hapus.on_click(lambda _: self.minta_konfirmasi("hapus"))
        self.konfirmasi = ipw.VBox(layout=ipw.Layout(width="100%"))
        self.pesan_kelola = ipw.HTML()

        for kontrol in (self.kelas, self.variabel, self.var_x, self.var_y):
            kontrol.observe(self._on_change, names="value")
        self.jenis_dua.observe(self._on_jenis, names="value")

        judul = lambda teks: ipw.HTML(f"<h2 style='margin:18px 0 4px'>{teks}</h2>")  # noqa: E731
        self.widget.children = [
            judul("1. Kode kelas"),
            ipw.HTML(
                "<p class='literasi-kecil'>Tulis kode di papan atau proyektor; siswa "
                "mengetiknya di formulir. Jangan memakai nama siswa.</p>"
            ),
            baris_kontrol(self.kode_baru, self.tombol_buat),
            self.pesan_kelas,
            self.daftar_html,
            judul("2. Hasil langsung"),
            baris_kontrol(self.kelas, self.tombol_perbarui),
            self.hitungan,
            baris_kontrol(self.variabel),
            self.sebaran,
            baris_kontrol(self.jenis_dua),
            baris_kontrol(self.var_x, self.var_y),
            self.dua,
            judul("3. Sampel acak dari semua kelas"),
            ipw.HTML(
                "<p class='literasi-kecil'>Sampel acak sederhana tanpa pengembalian dari "
                "semua kelas yang tidak diarsipkan. <b>Seed</b> adalah angka awal pengacak: "
                "seed dan data yang sama memberi sampel yang sama, jadi kelas bisa "
                "memeriksanya ulang.</p>"
            ),
            baris_kontrol(self.n_sampel, self.seed, self.tombol_sampel),
            self.hasil_sampel,
            judul("4. Unduh data"),
            baris_kontrol(self.cakupan, self.tombol_csv, self.tombol_excel),
            self.unduhan,
            judul("5. Arsip dan reset"),
            ipw.HTML(
                "<p class='literasi-kecil'><b>Arsip:</b> kelas ditutup (tidak menerima "
                "jawaban baru, tidak ikut “semua kelas” dan sampel), datanya tetap ada. "
                "<b>Hapus:</b> kelas dan semua jawabannya dihapus dari laptop.</p>"
            ),
            baris_kontrol(self.tombol_arsip, self.tombol_hapus),
            self.konfirmasi,
            self.pesan_kelola,
        ]
        self.perbarui()

    def _isi_pilihan_dua(self) -> None:
        daftar = ANGKA if self.jenis_dua.value == "angka" else KATEGORI
        opsi = [(p.nama, p.kunci) for p in daftar]
        self._menyetel = True  # one _update after both dropdowns change, not three
        try:
            self.var_x.options, self.var_y.options = opsi, opsi
            self.var_x.value, self.var_y.value = daftar[0].kunci, daftar[1].kunci
        finally:
            self._menyetel = False

    def _on_jenis(self, _change=None) -> None:
        self._isi_pilihan_dua()
        self._update()

    def _on_change(self, _change=None) -> None:
        if not getattr(self, "_menyetel", False):
            self._update()

    # Data
    def perbarui(self) -> None:
        """Reload classes and answers from the database, then redraw."""
        self.tabel_kelas = survei_db.daftar_kelas(self.path)
        self.semua = survei_db.ambil_jawaban(path=self.path, termasuk_arsip=True)
        self._versi_data += 1
        kode = self.tabel_kelas["kode_kelas"].tolist()
        self._menyetel = True
        try:
            lama = self.kelas.value
            self.kelas.options = kode
            self.kelas.value = lama if lama in kode else (kode[-1] if kode else None)
        finally:
            self._menyetel = False
        self.daftar_html.value = self._html_daftar_kelas()
        self._update()

    def _html_daftar_kelas(self) -> str:
        if self.tabel_kelas.empty:
            return "<p>Belum ada kelas. Buat satu kode kelas di atas.</p>"
        t = self.tabel_kelas.copy()
        t["status"] = np.where(t["diarsipkan"].isna(), "aktif", "arsip")
        t["dibuat"] = t["dibuat"].dt.strftime("%d-%m-%Y %H.%M")
        t["jumlah_jawaban"] = t["jumlah_jawaban"].astype(int)
        return tabel_html(
            t,
            "Kelas di laptop ini",
            {
                "kode_kelas": "Kode",
                "dibuat": "Dibuat",
                "jumlah_jawaban": "Jawaban",
                "status": "Status",
            },
        )

    def _update(self) -> None:
        kode = self.kelas.value
        if not kode:
            for w in (self.hitungan, self.sebaran, self.dua):
                w.value = ""
            return
        aktif = self.semua[~self.semua["kode_kelas"].isin(self._kode_arsip())]
        kelas = self.semua[self.semua["kode_kelas"] == kode]
        terakhir = f" Jawaban terakhir: {kelas['waktu'].max():%H.%M}." if len(kelas) else ""
        self.hitungan.value = (
            f"<p class='literasi-ringkasan' role='status'>Kelas <b>{escape(kode)}</b>: "
            f"<b>{len(kelas)}</b> jawaban. Semua kelas aktif: {len(aktif)} jawaban dari "
            f"{aktif['kode_kelas'].nunique()} kelas.{terakhir}</p>"
        )
        # "Semua kelas" = the non-archived classes, plus this one even if archived.
        banding = pd.concat([aktif, kelas]).drop_duplicates("id")
        if kelas.empty:
            self.sebaran.value = "<p>Belum ada jawaban di kelas ini. Tekan <b>Perbarui</b>.</p>"
            self.dua.value = ""
            self._digambar.clear()
            return
        # A chart costs ~0,3 s of CPU: redraw only the part whose inputs changed.
        if self._berubah("sebaran", kode, self.variabel.value):
            p = PER_KUNCI[self.variabel.value]
            if p.jenis == "teks":
                self.sebaran.value = self._html_teks(p, kelas)
            else:
                self.sebaran.value = grafik_sebaran(p, kelas[p.kunci], banding[p.kunci], kode) + (
                    self._html_ringkasan(p, kelas, banding) if p.angka else ""
                )
        if self._berubah("dua", kode, self.jenis_dua.value, self.var_x.value, self.var_y.value):
            px, py = PER_KUNCI[self.var_x.value], PER_KUNCI[self.var_y.value]
            if self.jenis_dua.value == "angka":
                self.dua.value = grafik_pencar(px, py, banding, kode)
            else:
                self.dua.value = self._html_silang(px, py, kelas, kode)

    def _berubah(self, bagian: str, *masukan) -> bool:
        """True (and remembered) when this part's inputs or the data changed since drawn."""
        kunci = (self._versi_data, *masukan)
        if self._digambar.get(bagian) == kunci:
            return False
        self._digambar[bagian] = kunci
        return True

    def _kode_arsip(self) -> list[str]:
        t = self.tabel_kelas
        return t.loc[t["diarsipkan"].notna(), "kode_kelas"].tolist()

    @staticmethod
    def _html_ringkasan(p: Pertanyaan, kelas: pd.DataFrame, banding: pd.DataFrame) -> str:
        baris = []
        for nama, data in (("Kelas ini", kelas[p.kunci]), ("Semua kelas", banding[p.kunci])):
            d = data.dropna().astype(float)
            baris.append(
                {
                    "kelompok": nama,
                    "n": len(d),
                    "rata": d.mean(),
                    "median": d.median(),
                    "min": d.min(),
                    "maks": d.max(),
                }
            )
        return tabel_html(
            pd.DataFrame(baris),
            f"{p.nama} ({p.satuan}): ringkasan",
            {
                "kelompok": "",
                "n": "n",
                "rata": "Rata-rata",
                "median": "Median",
                "min": "Terkecil",
                "maks": "Terbesar",
            },
        )

    @staticmethod
    def _html_teks(p: Pertanyaan, kelas: pd.DataFrame) -> str:
        teks = kelas[p.kunci].dropna().str.lower()
        if teks.empty:
            return "<p>Belum ada yang mengisi cita-cita.</p>"
        hitung = teks.value_counts().head(15).rename_axis("jawaban").reset_index(name="siswa")
        return tabel_html(hitung, f"{p.nama}: 15 jawaban terbanyak di kelas ini (teks apa adanya)")

    @staticmethod
    def _html_silang(px: Pertanyaan, py: Pertanyaan, kelas: pd.DataFrame, kode: str) -> str:
        if px.kunci == py.kunci:
            return "<p>Pilih dua variabel yang berbeda.</p>"
        data = sebagai_kategori(kelas)
        silang = pd.crosstab(
            data[py.kunci], data[px.kunci], margins=True, margins_name="Jumlah", dropna=False
        )
        silang = silang.rename_axis(index=None, columns=None).reset_index(names=py.nama)
        return tabel_html(
            silang,
            f"Tabel silang kelas {kode}: {py.nama} (baris) × {px.nama} (kolom), banyak siswa",
            {k: str(k) for k in silang.columns},
        )

    # Actions
    def buat_kelas(self) -> None:
        kode = survei_db.rapikan_kode(self.kode_baru.value)
        if not re.fullmatch(r"[A-Z0-9][A-Z0-9 ._-]{0,19}", kode):
            self.pesan_kelas.value = pesan_status(
                "salah",
                "Kode kelas: 1–20 huruf/angka (boleh - _ . dan spasi), mis. 8A atau "
                "IX-B. Jangan memakai nama siswa.",
            )
            return
        baru = survei_db.buat_kelas(kode, self.path)
        self.pesan_kelas.value = pesan_status(
            "benar" if baru else "petunjuk",
            f"Kelas <b>{escape(kode)}</b> dibuat. Tulis kodenya di papan."
            if baru
            else f"Kelas <b>{escape(kode)}</b> sudah ada; dipakai lagi.",
        )
        self.kode_baru.value = ""
        self.perbarui()
        self.kelas.value = kode

    def ambil_sampel(self) -> None:
        try:
            sampel = survei_db.sampel_acak(self.n_sampel.value, self.seed.value, self.path)
        except ValueError as e:
            self.hasil_sampel.value = pesan_status("salah", escape(str(e)))
            return
        populasi = survei_db.ambil_jawaban(path=self.path)
        if sampel.empty:
            self.hasil_sampel.value = "<p>Belum ada jawaban untuk diambil sampelnya.</p>"
            return
        kurang = (
            f" (diminta {self.n_sampel.value}, tetapi hanya ada {len(populasi)} jawaban)"
            if self.n_sampel.value > len(populasi)
            else ""
        )
        kolom = {
            "kode_kelas": "Kelas",
            **{p.kunci: p.nama for p in ANGKA[:4]},
            "moda": "Cara ke sekolah",
        }
        p = ANGKA[0]
        rata_s, rata_p = sampel[p.kunci].mean(), populasi[p.kunci].mean()
        csv = sampel.drop(columns=["kunci_kirim"]).to_csv(index=False).encode("utf-8-sig")
        self.hasil_sampel.value = (
            f"<p role='status'>Sampel acak <b>n = {len(sampel)}</b> dari {len(populasi)} jawaban "
            f"({populasi['kode_kelas'].nunique()} kelas){kurang}, <b>seed {self.seed.value}</b>. "
            f"Rata-rata {p.nama.lower()} sampel: <b>{angka_ringkas(round(rata_s, 1))} "
            f"{p.satuan}</b>; semua jawaban: {angka_ringkas(round(rata_p, 1))} {p.satuan}.</p>"
            + tabel_html(sampel, f"Sampel (seed {self.seed.value})", kolom)
            + "<p>"
            + tautan_unduh(
                csv,
                f"sampel_n{len(sampel)}_seed{self.seed.value}.csv",
                "text/csv",
                "Unduh sampel (CSV)",
            )
            + "</p>"
        )

    def siapkan_unduhan(self, jenis: str) -> None:
        kode = self.kelas.value if self.cakupan.value == "kelas" else None
        if self.cakupan.value == "kelas" and not kode:
            self.unduhan.value = "<p>Belum ada kelas.</p>"
            return
        nama = (
            f"sensus_kelas_{re.sub(r'[^A-Za-z0-9_-]', '_', kode or 'semua')}_"
            f"{time.strftime('%Y%m%d_%H%M')}"
        )
        if jenis == "csv":
            isi = survei_db.buat_csv(kode, self.path)
            tautan = tautan_unduh(isi, nama + ".csv", "text/csv", "Unduh CSV")
        else:
            isi = survei_db.buat_excel(kode, self.path)
            tautan = tautan_unduh(
                isi,
                nama + ".xlsx",
                "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet",
                "Unduh Excel",
            )
        self.unduhan.value = f"<p>{tautan}</p>"

    def minta_konfirmasi(self, aksi: str) -> None:
        kode = self.kelas.value
        if not kode:
            self.pesan_kelola.value = "<p>Belum ada kelas.</p>"
            return
        batal = ipw.Button(description="Batal", layout=ipw.Layout(width="auto"))
        batal.on_click(lambda _: self._tutup_konfirmasi())
        if aksi == "arsip":
            ya = ipw.Button(
                description="Ya, arsipkan", button_style="warning", layout=ipw.Layout(width="auto")
            )
            ya.on_click(lambda _: self.arsipkan(kode))
            self.konfirmasi.children = [
                ipw.HTML(
                    f"<p><b>Arsipkan kelas {escape(kode)}?</b> Kelas tidak menerima "
                    "jawaban baru. Datanya tetap ada dan tetap bisa diunduh.</p>"
                ),
                baris_kontrol(ya, batal),
            ]
        else:
            self.ketik_kode = ipw.Text(
                description=f"Ketik {kode} untuk konfirmasi",
                style={"description_width": "initial"},
                layout=lebar_isian(),
            )
            ya = ipw.Button(
                description="Ya, hapus", button_style="danger", layout=ipw.Layout(width="auto")
            )
            ya.on_click(lambda _: self.hapus(kode, self.ketik_kode.value))
            jumlah = int((self.semua["kode_kelas"] == kode).sum())
            self.konfirmasi.children = [
                ipw.HTML(
                    f"<p><b>Hapus kelas {escape(kode)} dan {jumlah} jawabannya?</b> Tidak "
                    "bisa dibatalkan. Unduh datanya dulu jika masih diperlukan.</p>"
                ),
                self.ketik_kode,
                baris_kontrol(ya, batal),
            ]

    def _tutup_konfirmasi(self) -> None:
        self.konfirmasi.children = []

    def arsipkan(self, kode: str) -> None:
        survei_db.arsipkan_kelas(kode, self.path)
        self._tutup_konfirmasi()
        self.pesan_kelola.value = pesan_status("benar", f"Kelas <b>{escape(kode)}</b> diarsipkan.")
        self.perbarui()

    def hapus(self, kode: str, ketikan: str) -> None:
        if survei_db.rapikan_kode(ketikan) != kode:
            self.pesan_kelola.value = pesan_status(
                "salah", f"Ketik kode <b>{escape(kode)}</b> persis untuk menghapus."
            )
            return
        jumlah = survei_db.hapus_kelas(kode, self.path)
        self._tutup_konfirmasi()
        self.pesan_kelola.value = pesan_status(
            "benar", f"Kelas <b>{escape(kode)}</b> dan {jumlah} jawabannya sudah dihapus."
        )
        self.perbarui()


def semua_soal() -> list:
    """No exercises in this app (the answer key in the guide is empty)."""
    return []
