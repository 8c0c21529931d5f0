"""Exercises with instant feedback: check, graded hints, then "tunjukkan jawaban".

Question types: SoalAngka (a number, with tolerance), SoalPilihan (one choice; as a list or as
buttons under a chart: "read the chart"), SoalBanyak (several correct), SoalUrutan (put in
order), SoalTebak (predict, then the app reveals the real value).

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
from literasi.catatan import laporkan
from literasi.format import format_angka, format_bertanda
from literasi.tampilan import baris_kontrol, setelah_halaman

LEBAR_PENUH = ipw.Layout(width="100%", max_width="480px")
# How the shared widgets address the user. Student apps may say "kamu"; kelurahan apps speak to
# officials ("Anda") and pass sapaan="anda" to Latihan/tampilkan_soal. The texts below are
# written in the "kamu" register; `sapa` turns them into the app's.
SAPAAN = {
    "kamu": {},
    "anda": {
        "Kemajuanmu": "Kemajuan Anda",
        "jawabanmu": "jawaban Anda",
        "Jawabanmu": "Jawaban Anda",
        "tebakanmu": "tebakan Anda",
        "Tebakanmu": "Tebakan Anda",
        "centangmu": "centang Anda",
        "maksudmu": "maksud Anda",
        "kamu": "Anda",
        "Kamu": "Anda",
    },
}


def sapa(teks: str, sapaan: str = "kamu") -> str:
    """A shared widget's text in the app's register.

    >>> sapa("Tebakanmu sangat dekat! Sudah kamu centang.", "anda")
    'Tebakan Anda sangat dekat! Sudah Anda centang.'
    >>> sapa("Kemajuanmu", "kamu")
    'Kemajuanmu'
    """
    import re

    ganti = SAPAAN[sapaan]
    if not ganti:
        return teks
    return re.sub(r"\b(" + "|".join(ganti) + r")\b", lambda m: ganti[m.group(1)], teks)


@dataclass
class Hasil:
    """The outcome of one check: right or not, and what to tell the student."""

    benar: bool
    pesan: str


@dataclass(frozen=True)
class Alternatif:
    """Another answer a student may reach, with its own feedback: a stated method that gives a
    different value (`benar=True`), or a known misconception (`benar=False`). `persen`: match
    only an answer written with (True) or without (False) a % sign; None matches both. `teks`:
    how the answer key writes the value, when its unit is not the question's."""

    nilai: float
    pesan: str
    benar: bool = False
    persen: bool | None = None
    teks: str = ""


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
    grafik: str | None = None  # HTML of a chart shown with the question
    alternatif: list[Alternatif] = field(default_factory=list)  # checked after `jawaban`

    def buat_masukan(self, nomor: int):
        return ipw.Text(
            placeholder="tulis jawabanmu, mis. 12,5",
            description=f"Jawaban soal {nomor}",
            style={"description_width": "0px"},
            layout=LEBAR_PENUH,
        )

    catatan = ATURAN_TITIK

    def jawaban_teks(self) -> str:
        return self.teks_nilai(self.jawaban)

    def teks_nilai(self, nilai: float) -> str:
        """A value written as this question's answer is (decimals, a real minus, unit)."""
        teks = format_bertanda(nilai, self.desimal)
        return teks + ("%" if self.persen else f" {self.satuan}" if self.satuan else "")

    def _cocok(self, nilai: float, acuan: float | None = None) -> bool:
        acuan = self.jawaban if acuan is None else acuan
        return math.isclose(nilai, acuan, rel_tol=self.toleransi, abs_tol=1e-12)

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
        for alt in self.alternatif:  # the number as typed, so "0,22%" can mean a misconception
            if alt.persen in (None, angka.persen) and self._cocok(angka.nilai, alt.nilai):
                return Hasil(alt.benar, ("Benar! " if alt.benar else "Belum tepat. ") + alt.pesan)
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
    tampilan: str = "daftar"  # "daftar" (radio list) or "tombol" (buttons, e.g. under a chart)
    grafik: str | None = None

    def buat_masukan(self, nomor: int):
        jenis = ipw.ToggleButtons if self.tampilan == "tombol" else ipw.RadioButtons
        gaya = {"description_width": "0px"}
        if self.tampilan == "tombol":
            gaya["button_width"] = "auto"
        return jenis(
            options=self.pilihan,
            value=None,
            description=f"Pilihan soal {nomor}",
            style=gaya,
            layout=ipw.Layout(width="100%", max_width="720px"),
        )

    catatan = ""

    def jawaban_teks(self) -> str:
        return self.jawaban

    def periksa(self, pilihan: str | None) -> Hasil:
        if not pilihan:
            return Hasil(False, "Pilih salah satu jawaban dulu.")
        if pilihan == self.jawaban:
            return Hasil(True, f"Benar! {self.penjelasan}")
        alasan = self.umpan_balik.get(pilihan, "Coba lihat lagi grafiknya.")
        return Hasil(False, f"Belum tepat. {alasan}")


class KotakCentang(ipw.VBox):
    """Checkboxes whose `value` is the tuple of ticked labels (for SoalBanyak)."""

    def __init__(self, pilihan: list[str]):
        self.kotak = [ipw.Checkbox(description=p, indent=False, value=False) for p in pilihan]
        super().__init__(self.kotak, layout=ipw.Layout(width="100%"))

    @property
    def value(self) -> tuple[str, ...]:
        return tuple(k.description for k in self.kotak if k.value)

    @value.setter
    def value(self, dipilih) -> None:
        for k in self.kotak:
            k.value = k.description in set(dipilih)


class PilihUrutan(ipw.VBox):
    """One dropdown per position; `value` is the tuple of chosen items (for SoalUrutan)."""

    def __init__(self, butir: list[str], nomor: int):
        # Options in alphabetical order, so the widget state never reveals the right order.
        opsi = [("– pilih –", "")] + [(b, b) for b in sorted(butir)]
        self.posisi = [
            ipw.Dropdown(
                options=opsi,
                value="",
                description=f"Urutan {i}",
                style={"description_width": "5.5em"},
                layout=ipw.Layout(width="100%", max_width="420px"),
            )
            for i in range(1, len(butir) + 1)
        ]
        super().__init__(self.posisi, layout=ipw.Layout(width="100%"))

    @property
    def value(self) -> tuple[str, ...]:
        return tuple(d.value for d in self.posisi)

    @value.setter
    def value(self, urutan) -> None:
        for d, v in zip(self.posisi, urutan, strict=True):
            d.value = v


@dataclass
class SoalBanyak:
    """Tick every correct option (several are correct)."""

    pertanyaan: str
    pilihan: list[str]
    jawaban: list[str]
    penjelasan: str
    petunjuk: list[str]
    grafik: str | None = None
    catatan = "Bisa lebih dari satu jawaban yang benar."

    def buat_masukan(self, nomor: int):
        return KotakCentang(self.pilihan)

    def jawaban_teks(self) -> str:
        return "; ".join(p for p in self.pilihan if p in self.jawaban)

    def periksa(self, dipilih) -> Hasil:
        dipilih, benar = set(dipilih or ()), set(self.jawaban)
        if not dipilih:
            return Hasil(False, "Centang minimal satu pilihan dulu.")
        if dipilih == benar:
            return Hasil(True, f"Benar! {self.penjelasan}")
        tepat, keliru = len(dipilih & benar), len(dipilih - benar)
        pesan = f"Belum tepat: {tepat} dari {len(benar)} jawaban benar sudah kamu centang"
        pesan += f", dan {keliru} centangmu keliru." if keliru else "; masih ada yang terlewat."
        return Hasil(False, pesan)


@dataclass
class SoalUrutan:
    """Put the items in order; `butir` is given in the right order."""

    pertanyaan: str
    butir: list[str]
    penjelasan: str
    petunjuk: list[str]
    grafik: str | None = None
    catatan = "Pilih satu butir untuk setiap urutan."

    def buat_masukan(self, nomor: int):
        return PilihUrutan(self.butir, nomor)

    def jawaban_teks(self) -> str:
        return " → ".join(self.butir)

    def periksa(self, urutan) -> Hasil:
        urutan = list(urutan or ())
        if len(urutan) != len(self.butir) or "" in urutan:
            return Hasil(False, "Isi semua urutan dulu.")
        if len(set(urutan)) != len(urutan):
            return Hasil(False, "Setiap butir hanya boleh dipakai sekali.")
        if urutan == self.butir:
            return Hasil(True, f"Benar! {self.penjelasan}")
        tepat = sum(a == b for a, b in zip(urutan, self.butir, strict=True))
        return Hasil(False, f"Belum tepat: {tepat} dari {len(self.butir)} posisi sudah benar.")


@dataclass
class SoalTebak:
    """Predict, then reveal: the student guesses a number, then sees the real one from the data.

    Any readable guess completes the question (predictions are not graded); the reveal says
    how far the guess was and why.
    """

    pertanyaan: str
    jawaban: float
    penjelasan: str
    desimal: int = 1
    persen: bool = False
    satuan: str = ""
    grafik: str | None = None
    petunjuk: list[str] = field(default_factory=list)
    catatan = "Tulis tebakanmu dulu, baru aplikasi menunjukkan angka sebenarnya."
    label_periksa = "Tebak, lalu lihat"
    bisa_lihat_jawaban = False

    def buat_masukan(self, nomor: int):
        return ipw.Text(
            placeholder="tebakanmu, mis. 50",
            description=f"Tebakan soal {nomor}",
            style={"description_width": "0px"},
            layout=LEBAR_PENUH,
        )

    def jawaban_teks(self) -> str:
        teks = format_bertanda(self.jawaban, self.desimal)
        return teks + ("%" if self.persen else f" {self.satuan}" if self.satuan else "")

    def periksa(self, teks: str) -> Hasil:
        try:
            tebakan = baca_angka(teks).nilai
        except BukanAngka as e:
            return Hasil(False, str(e))
        selisih = tebakan - self.jawaban
        if self.jawaban and abs(selisih) <= 0.05 * abs(self.jawaban):
            seberapa = "Tebakanmu sangat dekat!"
        else:
            arah = "lebih tinggi" if selisih > 0 else "lebih rendah"
            seberapa = f"Tebakanmu {format_angka(abs(selisih), self.desimal)} {arah}."
        return Hasil(
            True,
            f"Angka sebenarnya: {self.jawaban_teks()}. {seberapa} {self.penjelasan}",
        )


class Kemajuan:
    """ "2 dari 3 soal benar", kept in the kernel only (no accounts)."""

    def __init__(self, jumlah: int, sapaan: str = "kamu"):
        self.jumlah, self.sapaan = jumlah, sapaan
        self.benar: set[int] = set()
        self.widget = ipw.HTML(layout=ipw.Layout(margin="8px 0"))
        self.widget.add_class("literasi-kemajuan")
        self._update()

    def tandai(self, nomor: int) -> None:
        self.benar.add(nomor)
        self._update()

    def _update(self) -> None:
        self.widget.value = sapa(
            f"<p role='status'><b>Kemajuanmu:</b> {len(self.benar)} dari {self.jumlah} soal "
            "benar</p>",
            self.sapaan,
        )


class KartuSoal:
    """The widget of one question: input, Periksa, Petunjuk (graded), Tunjukkan jawaban."""

    def __init__(self, nomor: int, soal: Soal, kemajuan: Kemajuan | None, sapaan: str = "kamu"):
        self.nomor, self.soal, self.kemajuan, self.sapaan = nomor, soal, kemajuan, sapaan
        self.petunjuk_terbuka = 0
        judul = f"Soal {nomor}"
        self.masukan = soal.buat_masukan(nomor)
        if isinstance(getattr(self.masukan, "placeholder", None), str):
            self.masukan.placeholder = sapa(self.masukan.placeholder, sapaan)
        catatan = (
            f"<p class='literasi-kecil'>{escape(sapa(soal.catatan, sapaan))}</p>"
            if soal.catatan
            else ""
        )
        ukuran_tombol = ipw.Layout(width="auto")
        self.tombol_periksa = ipw.Button(
            description=getattr(soal, "label_periksa", "Periksa"),
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
        semua_tombol = [self.tombol_periksa]
        if soal.petunjuk:
            semua_tombol.append(self.tombol_petunjuk)
        if getattr(soal, "bisa_lihat_jawaban", True):
            semua_tombol.append(self.tombol_jawaban)
        tombol = baris_kontrol(*semua_tombol)
        kepala = ipw.HTML(
            f"<h3 class='literasi-soal-judul'>{judul}</h3><p>{escape(soal.pertanyaan)}</p>{catatan}"
        )
        isi = [kepala]
        if soal.grafik:
            isi.append(ipw.HTML(soal.grafik))
        self.widget = ipw.VBox(
            [*isi, self.masukan, tombol, self.umpan],
            layout=ipw.Layout(
                border="1px solid #c9d6de",
                padding="8px 12px",
                margin="12px 0",
                width="100%",
                max_width="720px",
            ),
        )
        self.widget.add_class("literasi-kartu-soal")  # the template's CSS fits it to a phone

    def _tampilkan(self, kelas: str, teks: str) -> None:
        teks = sapa(teks, self.sapaan)
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


class Latihan:
    """The exercises of one notebook; groups of them can be shown in different places
    (e.g. a prediction before the chart, the rest after it), sharing one progress line.

    A card's widgets are made the first time the card is needed. In a kernel `tampilkan` makes
    them just after the page is out (tampilan.setelah_halaman): the ~20 widget models of each
    card, 100–140 per lesson, would otherwise hold up every app's first screen (measured with
    tests/benchmark/ruang_kelas.py --p1)."""

    def __init__(self, daftar: list[Soal], sapaan: str = "kamu"):
        self.daftar, self.sapaan = daftar, sapaan
        self.kemajuan = Kemajuan(len(daftar), sapaan)
        self._kartu: dict[int, KartuSoal] = {}

    def kartu_nomor(self, nomor: int) -> KartuSoal:
        """The card of question `nomor` (1-based), made on first use."""
        self._nomor_sah(nomor)
        if nomor not in self._kartu:
            soal = self.daftar[nomor - 1]
            self._kartu[nomor] = KartuSoal(nomor, soal, self.kemajuan, self.sapaan)
        return self._kartu[nomor]

    def _nomor_sah(self, nomor: int) -> None:
        if not 1 <= nomor <= len(self.daftar):
            raise IndexError(f"tidak ada soal nomor {nomor} (ada {len(self.daftar)} soal)")

    @property
    def kartu(self) -> list[KartuSoal]:
        """Every card, in order."""
        return [self.kartu_nomor(n) for n in range(1, len(self.daftar) + 1)]

    def tampilkan(self, *nomor: int) -> ipw.VBox:
        """Cards of the given question numbers (all when none given) under the progress line;
        in a kernel the cards join the box once the page is out, elsewhere at once."""
        dipilih = nomor or tuple(range(1, len(self.daftar) + 1))
        for n in dipilih:  # a wrong number fails in its cell, not later on the event loop
            self._nomor_sah(n)
        kotak = ipw.VBox([self.kemajuan.widget], layout=ipw.Layout(width="100%"))

        def isi() -> None:
            kotak.children = [self.kemajuan.widget, *(self.kartu_nomor(n).widget for n in dipilih)]

        def isi_nanti() -> None:
            try:
                isi()
            except Exception:  # noqa: BLE001 - no cell shows this error: the box tells the student
                pesan = laporkan(
                    "Soal belum bisa dimuat. Muat ulang halaman; jika masih gagal, beri tahu guru."
                )
                galat = ipw.HTML(
                    f"<div class='literasi-umpan salah' role='alert'>{escape(pesan)}</div>"
                )
                kotak.children = [self.kemajuan.widget, galat]

        if not setelah_halaman(isi_nanti):
            isi()  # plain Python: an error raises where the cards are asked for
        return kotak


def tampilkan_soal(daftar: list[Soal], sapaan: str = "kamu") -> ipw.VBox:
    """All questions of a notebook, with one progress line on top, in the app's register."""
    return Latihan(daftar, sapaan).tampilkan()


def kunci_jawaban(daftar: list[Soal]) -> str:
    """Markdown answer key for the teacher guide, generated from the same objects."""
    baris = []
    for i, s in enumerate(daftar, start=1):
        baris.append(f"{i}. {s.pertanyaan}  \n   **Jawaban:** {s.jawaban_teks()}. {s.penjelasan}")
        for alt in getattr(s, "alternatif", ()):
            if alt.benar:
                teks = alt.teks or s.teks_nilai(alt.nilai)
                baris[-1] += f"  \n   **Juga benar:** {teks}. {alt.pesan}"
    return "\n".join(baris) + "\n"


Soal = SoalAngka | SoalPilihan | SoalBanyak | SoalUrutan | SoalTebak
