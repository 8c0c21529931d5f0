"""Section 5 of the Sensus Kelas dashboard: managing the chosen class.

The per-phone limit, every answer with its number, deleting one answer, archiving and reset
(each after a confirmation), the record of deletions and the count of wrong PINs. It draws
from the dashboard's model (literasi.kelas.model_dasbor) when the dashboard's `_update()`
calls `gambar(kode)`; its buttons run one model action and hand the result back to the
dashboard (`setelah`), which redraws everything: one path from the model to the screen.
"""

from __future__ import annotations

from collections.abc import Callable

import ipywidgets as ipw

from literasi.kelas import penyimpanan as survei_db
from literasi.kelas.model_dasbor import ModelDasbor, Pesan
from literasi.kelas.tampilan_survei import (
    GAYA,
    bilangan,
    html_catatan_hapus,
    html_jawaban_kelas,
    html_pin,
    kecil,
    lebar_isian,
    tombol,
)
from literasi.tampilan import baris_kontrol


class KelolaKelas:
    """The controls of section 5; `setelah(aksi)` is the dashboard's way to run an action."""

    def __init__(self, model: ModelDasbor, setelah: Callable, kelas: Callable[[], str | None]):
        self.model, self._setelah, self._kelas = model, setelah, kelas
        self._batas_tampil: tuple | None = None  # (class, limit) last put in the box
        self.batas = bilangan("Isian per ponsel", 1, 1, survei_db.BATAS_PONSEL_MAKS, "200px")
        self.tombol_batas = tombol("Simpan batas")
        self.tombol_batas.on_click(lambda _: self._setelah(self._atur_batas))
        self.tabel_jawaban = ipw.HTML()
        self.nomor_hapus = bilangan("Nomor jawaban", 1, 1, 10**9, "220px")
        self.tombol_hapus_baris = tombol("Hapus jawaban ini…")
        self.tombol_arsip = tombol("Arsipkan kelas ini…")
        self.tombol_hapus = tombol("Hapus kelas ini (reset)…", "danger")
        for t, aksi in (
            (self.tombol_hapus_baris, "baris"),
            (self.tombol_arsip, "arsip"),
            (self.tombol_hapus, "hapus"),
        ):
            t.on_click(lambda _, aksi=aksi: self.minta_konfirmasi(aksi))
        self.tanya, self.ketik_kode = ipw.HTML(), ipw.Text(style=GAYA, layout=lebar_isian())
        self.tombol_ya, self.tombol_batal = tombol("Ya"), tombol("Batal")
        self.tombol_ya.on_click(lambda _: self._setelah(lambda: model.ya(self.ketik_kode.value)))
        self.tombol_batal.on_click(lambda _: self._setelah(model.batal))
        self.konfirmasi = ipw.VBox(
            [self.tanya, self.ketik_kode, baris_kontrol(self.tombol_ya, self.tombol_batal)],
            layout=ipw.Layout(width="100%"),
        )
        self.pesan_kelola, self.catatan_html, self.info_pin = ipw.HTML(), ipw.HTML(), ipw.HTML()
        self.bagian = [
            ipw.HTML("<h2 style='margin:18px 0 4px'>5. Kelola kelas ini</h2>"),
            kecil(
                "Satu ponsel satu jawaban: naikkan batasnya jika ponsel dipakai bergantian. "
                "Jawaban yang iseng atau salah bisa dihapus satu per satu menurut nomornya."
            ),
            baris_kontrol(self.batas, self.tombol_batas),
            self.tabel_jawaban,
            baris_kontrol(self.nomor_hapus, self.tombol_hapus_baris),
            kecil(
                "<b>Arsip:</b> kelas ditutup (tidak menerima jawaban baru, tidak ikut “semua "
                "kelas” dan sampel), datanya tetap ada. <b>Hapus kelas:</b> kelas dan semua "
                "jawabannya dihapus dari laptop."
            ),
            baris_kontrol(self.tombol_arsip, self.tombol_hapus),
            self.konfirmasi,
            self.pesan_kelola,
            self.catatan_html,
            self.info_pin,
        ]

    def gambar(self, kode: str | None) -> None:
        """Draw this section for class `kode` (called by the dashboard's _update)."""
        m = self.model
        self.catatan_html.value = html_catatan_hapus(m.catatan_hapus())
        self.info_pin.value = html_pin(m.ringkasan_pin())
        self.tabel_jawaban.value = html_jawaban_kelas(m.jawaban(kode), kode) if kode else ""
        kelas = m.kelas(kode)
        batas = (kode, int(kelas["batas_ponsel"])) if kelas is not None else None
        if batas and batas != self._batas_tampil:  # not while the teacher types a new one
            self.batas.value = batas[1]
        self._batas_tampil = batas
        if m.konfirmasi is None:
            self.konfirmasi.layout.display = "none"
            self.tanya.value = ""
            return
        tanya, self.tombol_ya.description, self.tombol_ya.button_style = m.pertanyaan()
        self.tanya.value = f"<p>{tanya}</p>"
        aksi, kode_konfirmasi, _ = m.konfirmasi
        self.ketik_kode.description = f"Ketik {kode_konfirmasi} untuk konfirmasi"
        self.ketik_kode.layout.display = None if aksi == "hapus" else "none"
        self.konfirmasi.layout.display = None

    def minta_konfirmasi(self, aksi: str) -> None:
        self.ketik_kode.value = ""
        self._setelah(lambda: self.model.minta(aksi, self._kelas(), self.nomor_hapus.value))

    def _atur_batas(self) -> Pesan:
        if not self._kelas():
            return Pesan("petunjuk", "Belum ada kelas.")
        return self.model.atur_batas(self._kelas(), self.batas.value)
