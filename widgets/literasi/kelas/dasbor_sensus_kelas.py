"""Sensus Kelas, the teacher's dashboard (notebooks/kelas/91_dasbor_sensus_kelas.ipynb).

The view of literasi.kelas.model_dasbor: controls in five sections (the fifth,
managing a class, in literasi.kelas.kelola_kelas) and one `_update()` that draws everything
from the model. A dropdown calls `_update()`; a button runs one model action, keeps what it
says for its output box, and calls `_update()`.
"""

from __future__ import annotations

from html import escape

import ipywidgets as ipw

from literasi.kelas import pin
from literasi.kelas.detak import Detak
from literasi.kelas.gerbang_pin import GerbangPin
from literasi.kelas.kelola_kelas import KelolaKelas
from literasi.kelas.kuesioner import ANGKA, KATEGORI, PER_KUNCI, PERTANYAAN
from literasi.kelas.model_dasbor import ModelDasbor, Pesan
from literasi.kelas.tampilan_survei import (
    GAYA,
    bilangan,
    grafik_pencar,
    grafik_sebaran,
    html_daftar_kelas,
    html_hitungan,
    html_ringkasan,
    html_sampel,
    html_silang,
    html_teks,
    judul_bagian,
    kecil,
    lebar_isian,
    pesan_status,
    pilihan,
    tombol,
)
from literasi.tampilan import Tampilan, baris_kontrol
from literasi.unduh import tautan_unduh


class DasborGuru(Tampilan):
    """Class codes, live results, a sampler across classes, export, and managing a class.

    With a PIN from the workshop server (`literasi serve --lan`) the dashboard asks for it
    first (literasi.kelas.gerbang_pin). Its widgets are only created after the PIN is right: a
    widget's state is sent to the browser as soon as it exists, shown or not.
    """

    def __init__(self, path=None):
        self.model = ModelDasbor(path, pin.hash_dari_env())
        self._menyetel = False  # dropdown options being refilled: one redraw, not three
        self._digambar: dict[str, tuple] = {}  # chart -> the inputs it was drawn from
        self._hasil: dict[ipw.HTML, str] = {}  # output box -> what the last action left there
        self.widget = ipw.VBox(layout=ipw.Layout(width="100%", max_width="900px"))
        if self.model.terbuka:
            self._buka()
        else:
            self.gerbang = GerbangPin(self._buka, self.model.masuk)
            self.widget.children = [self.gerbang.widget]

    DETAK = 3.0  # seconds between two looks at the answers

    def _buka(self) -> None:
        if not self.model.versi:
            self.model.muat()
        self.kelola = KelolaKelas(
            self.model, lambda aksi: self._setelah(self.kelola.pesan_kelola, aksi), self._kode
        )
        self.widget.children = [
            *self._bagian_kelas(),
            *self._bagian_hasil(),
            *self._bagian_sampel(),
            *self._bagian_unduh(),
            *self.kelola.bagian,
        ]
        for kontrol in (self.kelas, self.variabel, self.var_x, self.var_y):
            kontrol.observe(self._on_change, names="value")
        self.jenis_dua.observe(self._on_jenis, names="value")
        self._update()
        # New answers appear on the projector by themselves (Perbarui still reads at once).
        self._detak = Detak(self.langkah, self.DETAK, lambda: True, self._gagal)
        self._detak.mulai()

    def langkah(self) -> None:
        """One look at the answers: redraw when phones answered since the last read."""
        if self.model.muat_jika_berubah():
            self._update()

    def _gagal(self, e: Exception) -> None:
        self._hasil[self.pesan_hasil] = pesan_status(
            "salah", f"Gangguan membaca jawaban ({escape(type(e).__name__)}); dicoba lagi."
        )
        self._update()

    def _bagian_kelas(self) -> list:
        self.kode_baru = ipw.Text(
            description="Kode kelas baru", placeholder="mis. 8A", style=GAYA, layout=lebar_isian()
        )
        self.tombol_buat = tombol("Buat kelas", "primary")
        self.tombol_buat.on_click(lambda _: self._setelah(self.pesan_kelas, self._buat_kelas))
        self.pesan_kelas, self.daftar_html = ipw.HTML(), ipw.HTML()
        return [
            judul_bagian("1. Kode kelas"),
            kecil(
                "Tulis kode di papan atau proyektor; siswa mengetiknya di formulir. Jangan "
                "memakai nama siswa."
            ),
            baris_kontrol(self.kode_baru, self.tombol_buat),
            self.pesan_kelas,
            self.daftar_html,
        ]

    def _bagian_hasil(self) -> list:
        self.kelas = pilihan("Kelas")
        self.tombol_perbarui = tombol("Perbarui", icon="refresh", tooltip="Muat jawaban terbaru")
        self.tombol_perbarui.on_click(lambda _: self.perbarui())
        opsi = [(p.nama, p.kunci) for p in PERTANYAAN]
        self.variabel = pilihan("Variabel", options=opsi, value=PERTANYAAN[0].kunci)
        self.jenis_dua = ipw.ToggleButtons(
            description="Dua variabel",
            options=[
                ("Dua angka (diagram pencar)", "angka"),
                ("Dua kategori (tabel silang)", "kategori"),
            ],
            value="angka",
            style={**GAYA, "button_width": "auto"},
            layout=ipw.Layout(width="100%"),
        )
        self.var_x, self.var_y = pilihan("Mendatar"), pilihan("Tegak")
        self._isi_pilihan_dua()
        self.hitungan, self.sebaran, self.dua = ipw.HTML(), ipw.HTML(), ipw.HTML()
        self.pesan_hasil = ipw.HTML()  # a failed look at the answers (literasi.kelas.detak)
        return [
            judul_bagian("2. Hasil langsung"),
            baris_kontrol(self.kelas, self.tombol_perbarui),
            self.pesan_hasil,
            self.hitungan,
            baris_kontrol(self.variabel),
            self.sebaran,
            baris_kontrol(self.jenis_dua),
            baris_kontrol(self.var_x, self.var_y),
            self.dua,
        ]

    def _bagian_sampel(self) -> list:
        self.n_sampel = bilangan("Ukuran sampel n", 10, 1, 1000, "220px")
        self.seed = bilangan("Seed", 2025, 0, 10**9, "200px")
        self.tombol_sampel = tombol("Ambil sampel", "primary")
        self.hasil_sampel = ipw.HTML()
        self.tombol_sampel.on_click(lambda _: self._setelah(self.hasil_sampel, self._sampel))
        return [
            judul_bagian("3. Sampel acak dari semua kelas"),
            kecil(
                "Sampel acak sederhana tanpa pengembalian dari semua kelas yang tidak "
                "diarsipkan. <b>Seed</b> adalah angka awal pengacak: seed dan data yang sama "
                "memberi sampel yang sama, jadi kelas bisa memeriksanya ulang."
            ),
            baris_kontrol(self.n_sampel, self.seed, self.tombol_sampel),
            self.hasil_sampel,
        ]

    def _bagian_unduh(self) -> list:
        self.cakupan = ipw.ToggleButtons(
            description="Data",
            options=[("Kelas ini", "kelas"), ("Semua kelas", "semua")],
            value="kelas",
            style={**GAYA, "button_width": "auto"},
        )
        self.tombol_csv, self.tombol_excel = tombol("Siapkan CSV"), tombol("Siapkan Excel")
        self.unduhan = ipw.HTML()
        for t, jenis in ((self.tombol_csv, "csv"), (self.tombol_excel, "xlsx")):
            t.on_click(
                lambda _, jenis=jenis: self._setelah(self.unduhan, lambda: self._unduh(jenis))
            )
        return [
            judul_bagian("4. Unduh data"),
            baris_kontrol(self.cakupan, self.tombol_csv, self.tombol_excel),
            self.unduhan,
        ]

    def _isi_pilihan_dua(self) -> None:
        daftar = ANGKA if self.jenis_dua.value == "angka" else KATEGORI
        opsi = [(p.nama, p.kunci) for p in daftar]
        self._menyetel = True
        try:
            self.var_x.options, self.var_y.options = opsi, opsi
            self.var_x.value, self.var_y.value = daftar[0].kunci, daftar[1].kunci
        finally:
            self._menyetel = False

    def _on_jenis(self, _change=None) -> None:
        self._isi_pilihan_dua()
        self._update()

    def _on_change(self, _change=None) -> None:
        if not self._menyetel:
            self._update()

    def _kode(self) -> str | None:
        return self.kelas.value

    # --- One path from the model to the screen ----------------------------------------------

    def _update(self) -> None:
        m = self.model
        self._menyetel = True
        try:
            lama = self.kelas.value
            self.kelas.options = m.kode_kelas
            baru = m.kode_kelas[-1] if m.kode_kelas else None
            self.kelas.value = lama if lama in m.kode_kelas else baru
        finally:
            self._menyetel = False
        kode = self.kelas.value
        self.daftar_html.value = html_daftar_kelas(m.tabel_kelas)
        for kotak, html in self._hasil.items():
            kotak.value = html
        self.kelola.gambar(kode)
        kelas = m.jawaban(kode)
        if not kode:
            for w in (self.hitungan, self.sebaran, self.dua):
                w.value = ""
            return
        self.hitungan.value = html_hitungan(kode, kelas, m.aktif())
        if kelas.empty:
            self.sebaran.value = (
                "<p>Belum ada jawaban di kelas ini. Jawaban yang masuk tampil sendiri dalam "
                "beberapa detik.</p>"
            )
            self.dua.value = ""
            self._digambar.clear()
            return
        self._gambar_grafik(kode, kelas, m.banding(kode))

    def _gambar_grafik(self, kode: str, kelas, banding) -> None:
        """A chart costs ~0,3 s of CPU: redraw only the part whose inputs changed."""
        if self._berubah("sebaran", kode, self.variabel.value):
            p = PER_KUNCI[self.variabel.value]
            if p.jenis == "teks":
                self.sebaran.value = html_teks(p, kelas)
            else:
                self.sebaran.value = grafik_sebaran(p, kelas[p.kunci], banding[p.kunci], kode) + (
                    html_ringkasan(p, kelas, banding) if p.angka else ""
                )
        if self._berubah("dua", kode, self.jenis_dua.value, self.var_x.value, self.var_y.value):
            px, py = PER_KUNCI[self.var_x.value], PER_KUNCI[self.var_y.value]
            if self.jenis_dua.value == "angka":
                self.dua.value = grafik_pencar(px, py, banding, kode)
            else:
                self.dua.value = html_silang(px, py, kelas, kode)

    def _berubah(self, bagian: str, *masukan) -> bool:
        """True (and remembered) when this part's inputs or the data changed since drawn."""
        kunci = (self.model.versi, *masukan)
        if self._digambar.get(bagian) == kunci:
            return False
        self._digambar[bagian] = kunci
        return True

    # --- Actions: one model call, what it says kept for _update() --------------------------

    def _setelah(self, kotak: ipw.HTML, aksi) -> None:
        """Run `aksi`; what it returns (a Pesan, HTML, or None) goes to `kotak` in _update()."""
        hasil = aksi()
        if isinstance(hasil, Pesan):
            hasil = pesan_status(hasil.jenis, hasil.html)
        if hasil is not None:
            self._hasil[kotak] = hasil
        self._update()

    def perbarui(self) -> None:
        """Read classes and answers again (new answers from the phones), then redraw."""
        self.model.muat()
        self._update()

    def _buat_kelas(self) -> Pesan:
        pesan, kode = self.model.buat_kelas(self.kode_baru.value)
        if kode:
            self.kode_baru.value = ""
            self._menyetel = True  # _update, which follows, keeps the chosen class
            self.kelas.options, self.kelas.value = self.model.kode_kelas, kode
            self._menyetel = False
        return pesan

    def _sampel(self) -> str:
        try:
            h = self.model.sampel(self.n_sampel.value, self.seed.value)
        except ValueError as galat:
            return pesan_status("salah", escape(str(galat)))
        return html_sampel(h.sampel, h.populasi, h.diminta, h.seed)

    def _unduh(self, jenis: str) -> str:
        kode = self.kelas.value if self.cakupan.value == "kelas" else None
        if self.cakupan.value == "kelas" and not kode:
            return "<p>Belum ada kelas.</p>"
        isi, nama, mime = self.model.unduhan(jenis, kode)
        teks = "Unduh CSV" if jenis == "csv" else "Unduh Excel"
        return f"<p>{tautan_unduh(isi, nama, mime, teks)}</p>"


def semua_soal() -> list:
    """No exercises in this app (the answer key in the guide is empty)."""
    return []
