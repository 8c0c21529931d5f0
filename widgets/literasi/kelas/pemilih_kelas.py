"""The "Data kelas" picker every lesson with class data shows (03, 04, 07, 09 and 13).

A dropdown of the classes stored on this laptop (the teacher picks the class by its code;
the simulated class, labelled "simulasi", when there is none), a "Perbarui" button and one
status sentence. Voilà runs a notebook before the first phone opens it (warm kernels), often
before the class has filled the survey: "Perbarui" reads the list of classes and the chosen
class's answers again.

The picker loads the data (`literasi.kelas.data_kelas`) and then calls the view back; the
view draws in its one `_update()`, reading `pemilih.data`.
"""

from __future__ import annotations

from collections.abc import Callable
from html import escape

import ipywidgets as ipw

from literasi.kelas import data_kelas
from literasi.kelas.data_kelas import DataKelas
from literasi.kelas.kuesioner import ANGKA, KATEGORI, PER_KUNCI
from literasi.tampilan import baris_kontrol


class PemilihKelas:
    """`.status` (a sentence for the top of the view), `.kontrol` (dropdown and button, for
    below it) and `.data` (the chosen class). `saat_berubah()` is called after each load."""

    def __init__(self, saat_berubah: Callable[[], None], path=None):
        self.path = path
        self.saat_berubah = saat_berubah
        self.kelas = ipw.Dropdown(
            options=data_kelas.pilihan_kelas(path),
            value=data_kelas.kelas_bawaan(path),
            description="Data kelas",
            style={"description_width": "initial"},
            layout=ipw.Layout(width="100%", max_width="420px", height="auto"),
        )
        self.tombol_perbarui = ipw.Button(
            description="Perbarui",
            icon="refresh",
            tooltip="Baca lagi jawaban Sensus Kelas",
            layout=ipw.Layout(width="auto"),
        )
        self.status = ipw.HTML()
        self.kontrol = ipw.VBox(
            [baris_kontrol(self.kelas), baris_kontrol(self.tombol_perbarui)],
            layout=ipw.Layout(width="100%"),
        )
        self._menyetel = False
        self.kelas.observe(self._ganti, names="value")
        self.tombol_perbarui.on_click(lambda _: self.perbarui())
        self._muat()  # no call back: the view is still being built

    def perbarui(self) -> None:
        """Read the list of classes and the chosen class's answers again. The chosen class is
        kept; from the simulated class, the newest class with at least 5 answers is opened."""
        self._menyetel = True
        try:
            lama = self.kelas.value
            self.kelas.options = data_kelas.pilihan_kelas(self.path)
            kode = [k for _, k in self.kelas.options]
            tetap = lama in kode and lama != data_kelas.SIMULASI
            self.kelas.value = lama if tetap else data_kelas.kelas_bawaan(self.path)
        finally:
            self._menyetel = False
        self._muat()
        self.saat_berubah()

    def _ganti(self, _change=None) -> None:
        if not self._menyetel:
            self._muat()
            self.saat_berubah()

    def _muat(self) -> None:
        self.data: DataKelas = data_kelas.muat_kelas(self.kelas.value, self.path)
        self.status.value = html_status(self.data, ada_kelas_lain=len(self.kelas.options) > 1)

    @property
    def cukup(self) -> bool:
        """True when the class has at least 5 answers (anything may be shown)."""
        return self.data.n >= data_kelas.MIN_KELOMPOK


def html_status(d: DataKelas, ada_kelas_lain: bool) -> str:
    """The sentence above a class view: which class, how many answers, what to do next."""
    if d.simulasi:
        saran = (
            "Pilih kelasmu di <b>Data kelas</b> di bawah."
            if ada_kelas_lain
            else "Sesudah kelasmu mengisi Sensus Kelas, tekan <b>Perbarui</b> di bawah."
        )
        return (
            "<div class='literasi-umpan petunjuk' role='status'><b>Kelas simulasi</b> "
            f"(bukan data nyata), {d.n} isian rekaan. {saran}</div>"
        )
    if d.n < data_kelas.MIN_KELOMPOK:
        return (
            f"<div class='literasi-umpan petunjuk' role='status'><b>{escape(d.judul)}</b> "
            f"baru punya {escape(data_kelas.tampil_banyak(d.n))} jawaban. Hasilnya tampil setelah "
            "minimal 5 siswa mengisi; tekan <b>Perbarui</b> di bawah.</div>"
        )
    return (
        f"<p class='literasi-ringkasan' role='status'><b>{escape(d.judul)}</b>: {d.n} siswa "
        "sudah mengisi Sensus Kelas.</p>"
    )


# The number questions a lesson offers, and the width of a dot-plot stack for each (the
# form's own precision or a little coarser, so a class of 30 makes visible stacks).
LEBAR_TITIK = {
    "tinggi_cm": 1.0,
    "rentang_lengan_cm": 1.0,
    "waktu_tempuh_menit": 5.0,
    "tidur_jam": 0.5,
    "layar_jam": 0.5,
    "saudara_kandung": 1.0,
    "air_minum_gelas": 1.0,
}
assert set(LEBAR_TITIK) == {p.kunci for p in ANGKA}, "a number question without a width"


def pilih_pertanyaan(deskripsi: str, nilai: str, angka: bool = True) -> ipw.Dropdown:
    """A dropdown of the number questions ('Tinggi (cm)'), or of the choice questions."""
    return ipw.Dropdown(
        options=pilihan_angka() if angka else pilihan_kategori(),
        value=nilai,
        description=deskripsi,
        style={"description_width": "initial"},
        layout=ipw.Layout(width="100%", max_width="420px", height="auto"),
    )


def pilihan_angka() -> list[tuple[str, str]]:
    """Dropdown options for the number questions: ('Tinggi (cm)', 'tinggi_cm')."""
    return [(f"{p.nama} ({p.satuan})", p.kunci) for p in ANGKA]


def nama_angka(kunci: str) -> str:
    """'Tinggi (cm)': a number question's axis label."""
    p = PER_KUNCI[kunci]
    return f"{p.nama} ({p.satuan})"


def pilihan_kategori() -> list[tuple[str, str]]:
    """Dropdown options for the choice questions: ('Cara ke sekolah', 'moda')."""
    return [(p.nama, p.kunci) for p in KATEGORI]
