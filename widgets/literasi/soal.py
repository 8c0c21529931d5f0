"""Exercises with instant feedback: check, graded hints, then "tunjukkan jawaban".

The right answer lives only in the kernel (in these Python objects), never in a widget
model, so a student cannot read it from the page before asking for it. Teachers get the
answer key from the same objects (`kunci_jawaban`).
"""

from __future__ import annotations

import math
from dataclasses import dataclass, field
from html import escape

import ipywidgets as ipw

from literasi.angka import ATURAN_TITIK, BukanAngka, baca_angka
from literasi.format import format_angka

LEBAR_PENUH = ipw.Layout(width="100%", max_width="480px")


@dataclass
class Hasil:
    """The outcome of one check: right or not, and what to tell the student."""

    benar: bool
    pesan: str


@dataclass
class SoalAngka:
    """A question answered with a number, accepted within a relative tolerance.

    `persen=True`: the answer is a percentage; `0,8%` and `0,8` both mean 0,8 %, and a
    proportion such as `0,008` gets a hint to multiply by 100.
    """

    pertanyaan: str
    jawaban: float
    petunjuk: list[str]
    penjelasan: str
    toleransi: float = 0.01  # relative
    desimal: int = 1
    persen: bool = False
    satuan: str = ""

    def jawaban_teks(self) -> str:
        teks = format_angka(self.jawaban, self.desimal)
        return teks + ("%" if self.persen else f" {self.satuan}" if self.satuan else "")

    def _cocok(self, nilai: float) -> bool:
        return math.isclose(nilai, self.jawaban, rel_tol=self.toleransi, abs_tol=1e-12)

    def periksa(self, teks: str) -> Hasil:
        try:
            angka = baca_angka(teks)
        except BukanAngka as e:
            return Hasil(False, str(e))
        nilai = angka.nilai
        if not self.persen and angka.persen:
            nilai = nilai / 100  # 50% of a proportion question means 0,5
        if self._cocok(nilai):
            return Hasil(True, f"Benar! {self.penjelasan}")
        if self.persen and not angka.persen and self._cocok(nilai * 100):
            return Hasil(False, "Hampir! Itu masih proporsi. Kalikan 100 untuk mendapat persen.")
        for faktor, saran in (
            (1000, "ribuan"),
            (1 / 1000, "ribuan"),
            (100, "persen"),
            (1 / 100, "persen"),
        ):
            if self.jawaban and self._cocok(nilai * faktor):
                return Hasil(False, f"Angkanya mirip, tetapi skalanya beda. Periksa {saran}-nya.")
        arah = "terlalu besar" if nilai > self.jawaban else "terlalu kecil"
        return Hasil(False, f"Belum tepat: jawabanmu {arah}. Coba lagi atau buka petunjuk.")


@dataclass
class SoalPilihan:
    """A multiple-choice question with one right option and feedback per wrong option."""

    pertanyaan: str
    pilihan: list[str]
    jawaban: str
    penjelasan: str
    petunjuk: list[str]
    umpan_balik: dict[str, str] = field(default_factory=dict)

    def jawaban_teks(self) -> str:
        return self.jawaban

    def periksa(self, pilihan: str | None) -> Hasil:
        if not pilihan:
            return Hasil(False, "Pilih salah satu jawaban dulu.")
        if pilihan == self.jawaban:
            return Hasil(True, f"Benar! {self.penjelasan}")
        alasan = self.umpan_balik.get(pilihan, "Coba lihat lagi grafiknya.")
        return Hasil(False, f"Belum tepat. {alasan}")


class Kemajuan:
    """ "2 dari 3 soal benar", kept in the kernel only (no accounts)."""

    def __init__(self, jumlah: int):
        self.jumlah = jumlah
        self.benar: set[int] = set()
        self.widget = ipw.HTML(layout=ipw.Layout(margin="8px 0"))
        self._update()

    def tandai(self, nomor: int) -> None:
        self.benar.add(nomor)
        self._update()

    def _update(self) -> None:
        self.widget.value = (
            f"<p role='status'><b>Kemajuanmu:</b> {len(self.benar)} dari {self.jumlah} soal "
            "benar</p>"
        )


class KartuSoal:
    """The widget of one question: input, Periksa, Petunjuk (graded), Tunjukkan jawaban."""

    def __init__(self, nomor: int, soal: SoalAngka | SoalPilihan, kemajuan: Kemajuan | None):
        self.nomor, self.soal, self.kemajuan = nomor, soal, kemajuan
        self.petunjuk_terbuka = 0
        judul = f"Soal {nomor}"
        if isinstance(soal, SoalAngka):
            self.masukan = ipw.Text(
                placeholder="tulis jawabanmu, mis. 12,5",
                description=f"Jawaban soal {nomor}",
                style={"description_width": "0px"},
                layout=LEBAR_PENUH,
            )
            catatan = f"<p class='literasi-kecil'>{escape(ATURAN_TITIK)}</p>"
        else:
            self.masukan = ipw.RadioButtons(
                options=soal.pilihan,
                value=None,
                description=f"Pilihan soal {nomor}",
                style={"description_width": "0px"},
                layout=LEBAR_PENUH,
            )
            catatan = ""
        ukuran_tombol = ipw.Layout(width="auto")
        self.tombol_periksa = ipw.Button(
            description="Periksa",
            button_style="primary",
            tooltip=f"Periksa jawaban soal {nomor}",
            layout=ukuran_tombol,
        )
        self.tombol_petunjuk = ipw.Button(
            description="Petunjuk", tooltip="Buka satu petunjuk", layout=ukuran_tombol
        )
        self.tombol_jawaban = ipw.Button(
            description="Tunjukkan jawaban",
            tooltip="Tampilkan jawaban dan penjelasannya",
            layout=ukuran_tombol,
        )
        self.tombol_periksa.on_click(lambda _: self._on_periksa())
        self.tombol_petunjuk.on_click(lambda _: self._on_petunjuk())
        self.tombol_jawaban.on_click(lambda _: self._on_jawaban())
        self.umpan = ipw.HTML(layout=ipw.Layout(min_height="1.5em"))
        tombol = ipw.HBox(
            [self.tombol_periksa, self.tombol_petunjuk, self.tombol_jawaban],
            layout=ipw.Layout(flex_flow="row wrap"),
        )
        tombol.add_class("literasi-baris")  # spacing from the template CSS (Layout has no gap)
        kepala = ipw.HTML(
            f"<h3 class='literasi-soal-judul'>{judul}</h3><p>{escape(soal.pertanyaan)}</p>{catatan}"
        )
        self.widget = ipw.VBox(
            [kepala, self.masukan, tombol, self.umpan],
            layout=ipw.Layout(
                border="1px solid #c9d6de",
                padding="8px 12px",
                margin="12px 0",
                width="100%",
                max_width="720px",
            ),
        )

    def _tampilkan(self, kelas: str, teks: str) -> None:
        self.umpan.value = f"<div class='literasi-umpan {kelas}' role='status'>{teks}</div>"

    def _on_periksa(self) -> None:
        hasil = self.soal.periksa(self.masukan.value)
        self._tampilkan("benar" if hasil.benar else "salah", escape(hasil.pesan))
        if hasil.benar and self.kemajuan:
            self.kemajuan.tandai(self.nomor)

    def _on_petunjuk(self) -> None:
        semua = self.soal.petunjuk
        self.petunjuk_terbuka = min(self.petunjuk_terbuka + 1, len(semua))
        daftar = "".join(f"<li>{escape(p)}</li>" for p in semua[: self.petunjuk_terbuka])
        sisa = len(semua) - self.petunjuk_terbuka
        ekor = f"<p>Masih ada {sisa} petunjuk lagi.</p>" if sisa else ""
        self._tampilkan("petunjuk", f"<ol>{daftar}</ol>{ekor}")

    def _on_jawaban(self) -> None:
        self._tampilkan(
            "jawaban",
            f"<b>Jawaban:</b> {escape(self.soal.jawaban_teks())}. {escape(self.soal.penjelasan)}",
        )


def tampilkan_soal(daftar: list[SoalAngka | SoalPilihan]) -> ipw.VBox:
    """All questions of a notebook, with one progress line on top."""
    kemajuan = Kemajuan(len(daftar))
    kartu = [KartuSoal(i, s, kemajuan).widget for i, s in enumerate(daftar, start=1)]
    return ipw.VBox([kemajuan.widget, *kartu], layout=ipw.Layout(width="100%"))


def kunci_jawaban(daftar: list[SoalAngka | SoalPilihan]) -> str:
    """Markdown answer key for the teacher guide, generated from the same objects."""
    baris = []
    for i, s in enumerate(daftar, start=1):
        baris.append(f"{i}. {s.pertanyaan}  \n   **Jawaban:** {s.jawaban_teks()}. {s.penjelasan}")
    return "\n".join(baris) + "\n"
