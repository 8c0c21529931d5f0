"""Indeks Kepuasan Masyarakat (IKM) under Permenpan RB No. 14 Tahun 2017: pure computations.

A respondent scores each of the 9 elements (unsur) on 1–4. Per element, the NRR (nilai
rata-rata) is the sum of its valid scores divided by the number of valid scores. The weighted
index is Σ bobot × NRR (bobot 1/9 each, or custom weights that sum to exactly 1); the IKM is that
index × 25, so the 1–4 scale becomes 25–100. The element names and the category bands come from
the shipped datasets `skm_unsur_dan_rumus` and `skm_kategori_mutu` (never retyped here).

**Band-edge rule.** The bands are written with two decimals (25,00–64,99 D; 65,00–76,60 C;
76,61–88,30 B; 88,31–100,00 A) and leave gaps between them (64,99 … 65,00). The kit computes the
IKM exactly (fractions, no intermediate rounding), rounds it ONCE to two decimals, half up
(64,995 → 65,00; 64,9949 → 64,99), and looks the rounded value up in the bands, edges inclusive.
So the category always agrees with the number printed in the report, and every value falls in
exactly one band. Sources write the weight as 0,111; the kit uses the exact 1/9 (with 0,111 a
perfect score would be 99,90 instead of 100,00).

**The 0,111 convention.** Many offices' spreadsheets multiply by 0,111 instead of 1/9; nine
weights of 0,111 add up to 0,999, so every IKM comes out 0,1% lower (a perfect score gives
99,90). `catatan_batas` says when that difference, or the rounding, could move an IKM across a
band edge, and shows both numbers.

**Sample size.** `sampel_minimum` gives the minimum number of respondents for a population of
service users from the published table of Krejcie & Morgan (1970), which guides for the SKM
use; between two rows of the table the larger population is taken.

**Other sets of elements.** A unit may ask other questions than Permenpan's nine (the method
allows adding elements or reweighting them). `bobot_sama`, `periksa_bobot`, `hitung_nrr` and
`hitung_ikm` take an optional `unsur` (a sequence of `Unsur`; by default the nine): the same
scale, NRR, weights, ×25 and bands, over those elements. Literasi's session feedback
(literasi.kelas.umpan_angket) scores its six questions this way.

**Importance–performance quadrant.** With optional importance scores (kepentingan, 1–4), each
element is placed by its mean performance (NRR) and mean importance; the cross lines are the
means of the 9 performance means and of the 9 importance means. A value on a line counts as
"tinggi" (≥ the mean).
"""

from __future__ import annotations

import math
import re
from collections.abc import Sequence
from dataclasses import dataclass, field
from decimal import ROUND_HALF_UP, Decimal
from fractions import Fraction
from functools import cache

import numpy as np
import pandas as pd

from literasi.data import load_dataset
from literasi.format import format_angka

NAMA_UNSUR = "skm_unsur_dan_rumus"
NAMA_KATEGORI = "skm_kategori_mutu"
SUMBER = "Permenpan RB No. 14 Tahun 2017"
SKALA = (1, 2, 3, 4)
LABEL_SKALA = {1: "tidak baik", 2: "kurang baik", 3: "baik", 4: "sangat baik"}
LABEL_KEPENTINGAN = {1: "tidak penting", 2: "kurang penting", 3: "penting", 4: "sangat penting"}
BOBOT_0111 = Fraction(111, 1000)  # 1/9 as many offices' templates print it
JARAK_BATAS = Decimal("0.10")  # how far the 0,111 convention can move an IKM (100 × 0,001)
KONVERSI = 25
BANYAK_TERLEMAH = 3
SERATUS_PERSEN = Decimal("0.01")

KUADRAN = {
    "I": "Prioritas utama (penting, kinerja rendah)",
    "II": "Pertahankan (penting, kinerja tinggi)",
    "III": "Prioritas rendah (kurang penting, kinerja rendah)",
    "IV": "Berlebihan (kurang penting, kinerja tinggi)",
}


# --- The shipped method: elements and bands -----------------------------------------------


@dataclass(frozen=True)
class Unsur:
    kode: str  # U1..U9 (performance column); importance uses K1..K9
    nama: str

    @property
    def kode_kepentingan(self) -> str:
        return "K" + self.kode[1:]


@dataclass(frozen=True)
class Kategori:
    """One quality band on the 25–100 scale; both edges inclusive (after rounding)."""

    mutu: str  # A, B, C, D
    kinerja: str  # "Sangat Baik", …
    bawah: Decimal
    atas: Decimal

    def memuat(self, nilai: Decimal) -> bool:
        return self.bawah <= nilai <= self.atas

    def teks_rentang(self) -> str:
        return f"{teks_angka(self.bawah, 2)}–{teks_angka(self.atas, 2)}"


@cache
def daftar_unsur() -> tuple[Unsur, ...]:
    """The 9 elements in the order of the shipped dataset (rows 1–9; the `rumus` row skipped).

    >>> [u.kode for u in daftar_unsur()][:3]
    ['U1', 'U2', 'U3']
    >>> daftar_unsur()[0].nama
    'Persyaratan'
    >>> len(daftar_unsur())
    9
    """
    data = load_dataset(NAMA_UNSUR)
    baris = data[data["urutan"].str.fullmatch(r"\d+")].copy()
    baris["nomor"] = baris["urutan"].astype(int)
    baris = baris.sort_values("nomor")
    pasangan = zip(baris["nomor"], baris["unsur"], strict=True)
    return tuple(Unsur(f"U{n}", str(nama)) for n, nama in pasangan)


@cache
def daftar_kategori() -> tuple[Kategori, ...]:
    """The four bands from `skm_kategori_mutu`, lowest first, checked to be contiguous.

    Contiguous means: each band starts 0,01 above the previous one's top, from 25,00 to 100,00
    (a typo such as 76,66 for 76,60 would make two bands overlap and is refused).

    >>> [(k.mutu, str(k.bawah), str(k.atas)) for k in daftar_kategori()]
    ... # doctest: +NORMALIZE_WHITESPACE
    [('D', '25.00', '64.99'), ('C', '65.00', '76.60'), ('B', '76.61', '88.30'),
     ('A', '88.31', '100.00')]
    >>> daftar_kategori()[-1].kinerja
    'Sangat Baik'
    """
    data = load_dataset(NAMA_KATEGORI).sort_values("nilai_interval_konversi_min")
    kategori = tuple(
        Kategori(
            mutu=str(b["mutu_pelayanan"]),
            kinerja=str(b["kinerja_unit_pelayanan"]),
            bawah=_dua_desimal_data(b["nilai_interval_konversi_min"]),
            atas=_dua_desimal_data(b["nilai_interval_konversi_max"]),
        )
        for _, b in data.iterrows()
    )
    if kategori[0].bawah != 25 or kategori[-1].atas != 100:
        raise ValueError("Batas kategori SKM harus mulai 25,00 dan berakhir 100,00.")
    for bawah, atas in zip(kategori, kategori[1:], strict=False):
        if atas.bawah - bawah.atas != SERATUS_PERSEN:
            raise ValueError(
                f"Batas kategori {bawah.mutu} ({bawah.atas}) dan {atas.mutu} ({atas.bawah}) "
                "tidak bersambung 0,01."
            )
    return kategori


def _dua_desimal_data(nilai) -> Decimal:
    # The CSV holds 64.99 as a float; its shortest repr is the written value.
    return Decimal(repr(float(nilai))).quantize(SERATUS_PERSEN)


def nama_unsur(kode: str) -> str:
    """The element's name from its code.

    >>> nama_unsur("U4")
    'Biaya/Tarif'
    """
    return {u.kode: u.nama for u in daftar_unsur()}[kode]


# --- Rounding and formatting --------------------------------------------------------------


def bulatkan(nilai, desimal: int = 2) -> Decimal:
    """Round half up (the way reports are read), exactly, from a float, Fraction or text.

    Floats are taken at their shortest written form (64.995 is 64,995, not 64,99499…).

    >>> bulatkan(64.995)
    Decimal('65.00')
    >>> bulatkan(64.9949)
    Decimal('64.99')
    >>> bulatkan(Fraction(2209, 25))  # 88,36 exactly
    Decimal('88.36')
    >>> bulatkan(Fraction(1, 3), 3)
    Decimal('0.333')
    """
    if isinstance(nilai, Fraction):
        tepat = Decimal(nilai.numerator) / Decimal(nilai.denominator)
    elif isinstance(nilai, Decimal):
        tepat = nilai
    elif isinstance(nilai, str):
        tepat = Decimal(nilai.replace(",", "."))
    else:
        tepat = Decimal(repr(float(nilai)))
    return tepat.quantize(Decimal(1).scaleb(-desimal), rounding=ROUND_HALF_UP)


def teks_angka(nilai, desimal: int = 2) -> str:
    """Indonesian number text, rounded half up first.

    >>> teks_angka(Fraction(2209, 25))
    '88,36'
    >>> teks_angka(3.125, 2)
    '3,13'
    """
    if nilai is None or (isinstance(nilai, float) and math.isnan(nilai)):
        return "–"
    return format_angka(bulatkan(nilai, desimal), desimal)


# --- Category --------------------------------------------------------------------------


def kategori_mutu(nilai) -> Kategori:
    """The band of an IKM value (25–100): round to 2 decimals half up, then edges inclusive.

    >>> kategori_mutu(64.99).mutu, kategori_mutu(65.00).mutu
    ('D', 'C')
    >>> kategori_mutu(64.995).mutu  # rounds to 65,00
    'C'
    >>> kategori_mutu(76.60).mutu, kategori_mutu(76.61).mutu
    ('C', 'B')
    >>> kategori_mutu(88.30).mutu, kategori_mutu(88.31).mutu
    ('B', 'A')
    >>> kategori_mutu(91.20).kinerja
    'Sangat Baik'
    """
    bulat = bulatkan(nilai, 2)
    for kategori in daftar_kategori():
        if kategori.memuat(bulat):
            return kategori
    raise ValueError(
        f"Nilai {teks_angka(bulat)} di luar rentang IKM 25,00–100,00: periksa bobot dan jawaban."
    )


def ke_skala_4(ikm) -> Fraction:
    """Back from the 25–100 scale to the 1–4 scale (÷ 25).

    >>> float(ke_skala_4(Fraction(2209, 25)))
    3.5344
    """
    return Fraction(str(ikm)) / KONVERSI if not isinstance(ikm, Fraction) else ikm / KONVERSI


# --- Reading the responses ----------------------------------------------------------------


@dataclass(frozen=True)
class MasalahIsian:
    """One problem in the responses; `baris` is the spreadsheet row (header = row 1)."""

    baris: int | None
    kolom: str | None
    pesan: str
    lembar: str | None = None

    def __str__(self) -> str:
        tempat = [f"Lembar “{self.lembar}”"] if self.lembar else []
        if self.baris is not None:
            tempat.append(f"{'baris' if tempat else 'Baris'} {self.baris}")
        if self.kolom is not None:
            tempat.append(f"kolom {self.kolom}")
        return (", ".join(tempat) + ": " if tempat else "") + self.pesan


@dataclass
class HasilPeriksa:
    """Valid scores (Int64, <NA> where blank or invalid) and every problem found."""

    kinerja: pd.DataFrame  # columns U1..U9
    kepentingan: pd.DataFrame | None  # columns K1..K9, when the file has them
    baris: list[int]  # spreadsheet row of each kept respondent
    masalah: list[MasalahIsian] = field(default_factory=list)
    catatan: list[str] = field(default_factory=list)

    @property
    def responden(self) -> int:
        return len(self.kinerja)


def _normal(teks: str) -> str:
    return re.sub(r"[^a-z0-9]+", " ", str(teks).lower()).strip()


def kode_kolom(judul) -> str | None:
    """Which element a column header means: U1..U9 (performance), K1..K9 (importance).

    >>> [kode_kolom(j) for j in ["U1", "u 3", "U9. Sarana", "K2", "Biaya/Tarif", "nama"]]
    ['U1', 'U3', 'U9', 'K2', 'U4', None]
    """
    normal = _normal(judul)
    cocok = re.fullmatch(r"([uk]) ?([1-9])(?: .*)?", normal)
    if cocok:
        return cocok.group(1).upper() + cocok.group(2)
    for u in daftar_unsur():
        if normal == _normal(u.nama):
            return u.kode
    return None


def _label_kolom(kode: str, judul) -> str:
    nama = nama_unsur("U" + kode[1:])
    jenis = "" if kode.startswith("U") else "kepentingan "
    asli = str(judul)
    return f"{asli} ({jenis}{nama})" if _normal(asli) != _normal(nama) else f"{kode} ({nama})"


def baca_skor(nilai) -> tuple[int | None, str | None]:
    """One cell → (score, None) or (None, why not). Blank → (None, "kosong").

    >>> baca_skor(3), baca_skor("4"), baca_skor(" 2,0 "), baca_skor(1.0)
    ((3, None), (4, None), (2, None), (1, None))
    >>> baca_skor(5)[1]
    'nilai 5 di luar skala 1–4'
    >>> baca_skor("baik")[1]
    "berisi teks 'baik', seharusnya angka 1, 2, 3, atau 4"
    >>> baca_skor(2.5)[1]
    'nilai 2,5 bukan bilangan bulat; isi 1, 2, 3, atau 4'
    >>> baca_skor(None)[1]
    'kosong'
    """
    if nilai is None or nilai is pd.NA or (isinstance(nilai, float) and math.isnan(nilai)):
        return None, "kosong"
    if isinstance(nilai, bool | np.bool_):
        return None, f"berisi {nilai!r}, seharusnya angka 1, 2, 3, atau 4"
    if isinstance(nilai, str):
        teks = nilai.strip()
        if not teks:
            return None, "kosong"
        if not re.fullmatch(r"-?\d+([.,]\d+)?", teks):
            pendek = teks if len(teks) <= 30 else teks[:27] + "…"
            return None, f"berisi teks '{pendek}', seharusnya angka 1, 2, 3, atau 4"
        nilai = float(teks.replace(",", "."))
    try:
        angka = float(nilai)
    except (TypeError, ValueError):
        return None, "isinya tidak bisa dibaca sebagai angka 1–4"
    if math.isnan(angka):
        return None, "kosong"
    if angka != int(angka):
        return None, f"nilai {format_angka(angka, 1)} bukan bilangan bulat; isi 1, 2, 3, atau 4"
    if int(angka) not in SKALA:
        return None, f"nilai {format_angka(angka)} di luar skala 1–4"
    return int(angka), None


def periksa_jawaban(
    tabel: pd.DataFrame, baris_awal: int | None = 2, lembar: str | None = None
) -> HasilPeriksa:
    """Check a table of responses (one row per respondent); never raises for bad cells.

    Columns U1..U9 (or the element names) are required; K1..K9 (importance) are optional; other
    columns are ignored. A blank or invalid cell is left out of that element only (the NRR divides
    by the number of valid answers, as Permenpan RB 14/2017 does), with a message naming row and
    column. Rows with no score at all are skipped. `baris_awal`: spreadsheet row of the first
    data row (2 when row 1 holds the headers); None: the table's index already holds the row
    numbers (as `literasi.unggah.baca_berkas` gives them). `lembar`: sheet name for messages.

    >>> t = pd.DataFrame({f"U{i}": [4, 3] for i in range(1, 10)})
    >>> t.loc[1, "U3"] = 7
    >>> h = periksa_jawaban(t)
    >>> h.responden
    2
    >>> print(h.masalah[0])
    Baris 3, kolom U3 (Waktu Penyelesaian): nilai 7 di luar skala 1–4; sel ini tidak dihitung
    """
    peta: dict[str, object] = {}
    masalah: list[MasalahIsian] = []
    catatan: list[str] = []
    for judul in tabel.columns:
        kode = kode_kolom(judul)
        if kode is None:
            continue
        if kode in peta:
            masalah.append(
                MasalahIsian(
                    None,
                    str(judul),
                    f"kolom untuk {kode} ada dua; yang dipakai kolom '{peta[kode]}'",
                    lembar=lembar,
                )
            )
            continue
        peta[kode] = judul
    unsur = daftar_unsur()
    hilang = [u for u in unsur if u.kode not in peta]
    for u in hilang:
        masalah.append(
            MasalahIsian(
                None, u.kode, f"kolom {u.kode} ({u.nama}) tidak ada di berkas", lembar=lembar
            )
        )
    ada_kepentingan = any(u.kode_kepentingan in peta for u in unsur)
    kinerja_baris: list[list] = []
    kepentingan_baris: list[list] = []
    nomor_baris: list[int] = []
    lewat_kepentingan = 0
    for posisi, (indeks, b) in enumerate(tabel.iterrows()):
        nomor = int(indeks) if baris_awal is None else baris_awal + posisi
        kode_dibaca = [u.kode for u in unsur] + (
            [u.kode_kepentingan for u in unsur] if ada_kepentingan else []
        )
        sel = {k: b[peta[k]] if k in peta else None for k in kode_dibaca}
        if all(baca_skor(v)[1] == "kosong" for v in sel.values()):
            continue  # an empty line in the sheet
        # A respondent who skipped the whole (optional) importance part is not an error.
        tanpa_kepentingan = ada_kepentingan and all(
            baca_skor(sel[u.kode_kepentingan])[1] == "kosong" for u in unsur
        )
        if tanpa_kepentingan:
            lewat_kepentingan += 1
        skor = {}
        for kode, nilai in sel.items():
            angka, salah = baca_skor(nilai)
            skor[kode] = angka
            if salah and kode in peta and not (tanpa_kepentingan and kode.startswith("K")):
                masalah.append(
                    MasalahIsian(
                        nomor,
                        _label_kolom(kode, peta[kode]),
                        f"{salah}; sel ini tidak dihitung",
                        lembar=lembar,
                    )
                )
        kinerja_baris.append([skor[u.kode] for u in unsur])
        if ada_kepentingan:
            kepentingan_baris.append([skor[u.kode_kepentingan] for u in unsur])
        nomor_baris.append(nomor)
    kosong = len(tabel) - len(nomor_baris)
    if kosong:
        catatan.append(f"{kosong} baris tanpa skor sama sekali dilewati.")
    if lewat_kepentingan:
        catatan.append(
            f"{lewat_kepentingan} responden tidak mengisi skor kepentingan (boleh); mereka "
            "tidak ikut dihitung di kuadran kepentingan–kinerja."
        )
    kinerja = pd.DataFrame(kinerja_baris, columns=[u.kode for u in unsur], dtype="Int64")
    kepentingan = (
        pd.DataFrame(kepentingan_baris, columns=[u.kode_kepentingan for u in unsur], dtype="Int64")
        if ada_kepentingan
        else None
    )
    return HasilPeriksa(kinerja, kepentingan, nomor_baris, masalah, catatan)


# --- Weights ------------------------------------------------------------------------------


def bobot_sama(unsur: Sequence[Unsur] | None = None) -> dict[str, Fraction]:
    """1/9 for each element (exact); 1/n for each of `unsur` when given.

    >>> sum(bobot_sama().values())
    Fraction(1, 1)
    >>> bobot_sama([Unsur("A", "satu"), Unsur("B", "dua")])
    {'A': Fraction(1, 2), 'B': Fraction(1, 2)}
    """
    unsur = daftar_unsur() if unsur is None else unsur
    return {u.kode: Fraction(1, len(unsur)) for u in unsur}


def baca_bobot(teks: str) -> Fraction:
    """A weight as typed: `0,2`, `0.2`, `1/9`, `20%`. Raises ValueError with an Indonesian message.

    >>> baca_bobot("0,2"), baca_bobot("1/9"), baca_bobot("12,5%")
    (Fraction(1, 5), Fraction(1, 9), Fraction(1, 8))
    """
    bersih = str(teks).strip().replace(" ", "")
    try:
        if re.fullmatch(r"\d+/\d+", bersih):
            atas, bawah = bersih.split("/")
            return Fraction(int(atas), int(bawah))
        if re.fullmatch(r"\d+([.,]\d+)?%", bersih):
            return Fraction(Decimal(bersih[:-1].replace(",", "."))) / 100
        if re.fullmatch(r"\d*([.,]\d+)?", bersih) and bersih:
            return Fraction(Decimal(bersih.replace(",", ".")))
    except (ValueError, ZeroDivisionError, ArithmeticError):
        pass
    raise ValueError(f"'{teks}' tidak bisa dibaca sebagai bobot (contoh: 0,2 atau 1/9)")


def periksa_bobot(
    bobot: dict[str, Fraction | float], unsur: Sequence[Unsur] | None = None
) -> list[str]:
    """Messages for weights that are unusable: missing, negative, or not summing to exactly 1.

    >>> periksa_bobot(bobot_sama())
    []
    >>> periksa_bobot({u.kode: Fraction(111, 1000) for u in daftar_unsur()})
    ... # doctest: +NORMALIZE_WHITESPACE
    ['Jumlah bobot 0,999, harus tepat 1 (kurang 0,001). 0,111 adalah 1/9 yang dibulatkan:
      pilih bobot sama (1/9) atau tulis 1/9.']
    """
    pesan = []
    unsur = daftar_unsur() if unsur is None else unsur
    for u in unsur:
        if u.kode not in bobot or bobot[u.kode] is None:
            pesan.append(f"Bobot {u.kode} ({u.nama}) belum diisi.")
        elif bobot[u.kode] < 0:
            pesan.append(f"Bobot {u.kode} ({u.nama}) negatif; bobot harus 0 atau lebih.")
    if pesan:
        return pesan
    jumlah = sum(_pecahan(bobot[u.kode]) for u in unsur)
    if abs(jumlah - 1) > Fraction(1, 10**9):
        selisih = 1 - jumlah
        arah = "kurang" if selisih > 0 else "lebih"
        teks = (
            f"Jumlah bobot {_teks_pecahan(jumlah)}, harus tepat 1 "
            f"({arah} {_teks_pecahan(abs(selisih))})."
        )
        if jumlah == Fraction(999, 1000):
            teks += " 0,111 adalah 1/9 yang dibulatkan: pilih bobot sama (1/9) atau tulis 1/9."
        pesan.append(teks)
    return pesan


def _pecahan(nilai) -> Fraction:
    return nilai if isinstance(nilai, Fraction) else Fraction(repr(float(nilai)))


def _teks_pecahan(nilai: Fraction) -> str:
    teks = format_angka(bulatkan(nilai, 6), 6).rstrip("0")
    return teks.rstrip(",") if teks.endswith(",") else teks


# --- The index ----------------------------------------------------------------------------


@dataclass
class HasilIKM:
    """Everything a report needs, exact (Fractions) with the rounded IKM for reading."""

    nrr: dict[str, Fraction]
    banyak: dict[str, int]  # valid answers per element
    bobot: dict[str, Fraction]
    indeks: Fraction  # Σ bobot × NRR, scale 1–4
    ikm_tepat: Fraction  # indeks × 25, not rounded
    ikm: Decimal  # rounded to 2 decimals, half up
    kategori: Kategori
    terlemah: list[str]
    responden: int
    unsur: tuple[Unsur, ...] | None = None  # None: Permenpan's nine (daftar_unsur)

    def daftar(self) -> tuple[Unsur, ...]:
        """The elements this index was computed over."""
        return daftar_unsur() if self.unsur is None else self.unsur

    def nilai_unsur(self, kode: str) -> Fraction:
        """The element's NRR converted to 25–100 (× 25)."""
        return self.nrr[kode] * KONVERSI

    def tabel_unsur(self) -> pd.DataFrame:
        """One row per element: code, name, valid answers, NRR, weight, weighted NRR, ×25, mutu."""
        baris = []
        for u in self.daftar():
            nrr = self.nrr[u.kode]
            baris.append(
                {
                    "kode": u.kode,
                    "unsur": u.nama,
                    "jawaban_sah": self.banyak[u.kode],
                    "nrr": float(nrr),
                    "bobot": float(self.bobot[u.kode]),
                    "nrr_tertimbang": float(nrr * self.bobot[u.kode]),
                    "nilai_konversi": float(nrr * KONVERSI),
                    "mutu": kategori_mutu(nrr * KONVERSI).mutu,
                }
            )
        return pd.DataFrame(baris)


def hitung_nrr(
    kinerja: pd.DataFrame, unsur: Sequence[Unsur] | None = None
) -> tuple[dict[str, Fraction], dict[str, int]]:
    """Mean of the valid scores per element (the nine, or `unsur`), exact; raises ValueError if
    an element has none.

    >>> t = pd.DataFrame({f"U{i}": [4, 3, None] for i in range(1, 10)}, dtype="Int64")
    >>> nrr, n = hitung_nrr(t)
    >>> nrr["U1"], n["U1"]
    (Fraction(7, 2), 2)
    """
    nrr, banyak = {}, {}
    for u in daftar_unsur() if unsur is None else unsur:
        sah = [int(x) for x in kinerja[u.kode].dropna()]
        if not sah:
            raise ValueError(f"Unsur {u.kode} ({u.nama}) belum punya satu pun jawaban yang sah.")
        nrr[u.kode] = Fraction(sum(sah), len(sah))
        banyak[u.kode] = len(sah)
    return nrr, banyak


def unsur_terlemah(nrr: dict[str, Fraction], banyak: int = BANYAK_TERLEMAH) -> list[str]:
    """Codes of the lowest NRR, lowest first; ties at the cut are all kept, but an element that
    shares the highest NRR is never "weakest" (all equal → none).

    >>> unsur_terlemah({"U1": 3, "U2": 2, "U3": 4, "U4": 2}, banyak=1)
    ['U2', 'U4']
    >>> unsur_terlemah({"U1": 3, "U2": 2, "U3": 3}, banyak=2)
    ['U2']
    >>> unsur_terlemah({"U1": 3, "U2": 3})
    []
    """
    tertinggi = max(nrr.values())
    urutan = {k: i for i, k in enumerate(nrr)}  # ties: in the order of the elements
    urut = sorted((k for k in nrr if nrr[k] < tertinggi), key=lambda k: (nrr[k], urutan[k]))
    if len(urut) <= banyak:
        return urut
    batas = nrr[urut[banyak - 1]]
    return [k for k in urut if nrr[k] <= batas]


def hitung_ikm(
    kinerja: pd.DataFrame,
    bobot: dict[str, Fraction] | None = None,
    unsur: Sequence[Unsur] | None = None,
) -> HasilIKM:
    """NRR per element, weighted index, IKM (×25), category and weakest elements; over the
    nine elements, or over `unsur` (equal weights 1/n unless `bobot` says otherwise).

    Raises ValueError (Indonesian message) when the weights are unusable or an element has no
    valid answer.

    >>> t = pd.DataFrame({f"U{i}": [4, 4] for i in range(1, 10)})
    >>> h = hitung_ikm(t)
    >>> h.ikm, h.kategori.mutu, h.kategori.kinerja
    (Decimal('100.00'), 'A', 'Sangat Baik')
    >>> dua = (Unsur("A1", "Jelas"), Unsur("A2", "Ramah"))
    >>> h = hitung_ikm(pd.DataFrame({"A1": [4, 3], "A2": [2, 2]}), unsur=dua)
    >>> h.nrr["A1"], h.ikm, h.kategori.mutu, h.terlemah
    (Fraction(7, 2), Decimal('68.75'), 'C', ['A2'])
    """
    unsur = None if unsur is None else tuple(unsur)
    if bobot is None:
        bobot = bobot_sama(unsur)
    else:
        bobot = {k: _pecahan(v) for k, v in bobot.items()}
    pesan = periksa_bobot(bobot, unsur)
    if pesan:
        raise ValueError(" ".join(pesan))
    nrr, banyak = hitung_nrr(kinerja, unsur)
    indeks = sum(bobot[k] * nrr[k] for k in nrr)
    ikm_tepat = indeks * KONVERSI
    return HasilIKM(
        nrr=nrr,
        banyak=banyak,
        bobot=bobot,
        indeks=indeks,
        ikm_tepat=ikm_tepat,
        ikm=bulatkan(ikm_tepat, 2),
        kategori=kategori_mutu(ikm_tepat),
        terlemah=unsur_terlemah(nrr),
        responden=len(kinerja),
        unsur=unsur,
    )


# --- Importance–performance quadrant ------------------------------------------------------


@dataclass
class HasilKuadran:
    tabel: pd.DataFrame  # kode, unsur, kinerja, kepentingan, kuadran
    garis_kinerja: float  # mean of the 9 performance means
    garis_kepentingan: float  # mean of the 9 importance means


def kuadran_kepentingan_kinerja(kinerja: pd.DataFrame, kepentingan: pd.DataFrame) -> HasilKuadran:
    """Place each element by mean performance (x) and mean importance (y).

    Quadrant I: importance ≥ line, performance < line (prioritas utama); II: both ≥ (pertahankan);
    III: both < (prioritas rendah); IV: importance < line, performance ≥ line (berlebihan).
    Raises ValueError if an element has no valid importance score.

    >>> u = pd.DataFrame({f"U{i}": [i % 4 + 1] for i in range(1, 10)})
    >>> k = pd.DataFrame({f"K{i}": [4 - i % 4] for i in range(1, 10)})
    >>> h = kuadran_kepentingan_kinerja(u, k)
    >>> h.tabel.set_index("kode").loc["U3", "kuadran"]  # kinerja 4, kepentingan 1
    'IV'
    >>> round(h.garis_kinerja, 4), round(h.garis_kepentingan, 4)
    (2.4444, 2.5556)
    """
    nrr, _ = hitung_nrr(kinerja)
    baris = []
    for u in daftar_unsur():
        sah = [int(x) for x in kepentingan[u.kode_kepentingan].dropna()]
        if not sah:
            raise ValueError(
                f"Unsur {u.kode} ({u.nama}) belum punya skor kepentingan yang sah "
                f"(kolom {u.kode_kepentingan})."
            )
        baris.append(
            {
                "kode": u.kode,
                "unsur": u.nama,
                "kinerja": float(nrr[u.kode]),
                "kepentingan": float(Fraction(sum(sah), len(sah))),
            }
        )
    tabel = pd.DataFrame(baris)
    gx = float(tabel["kinerja"].mean())
    gy = float(tabel["kepentingan"].mean())

    def kuadran(b) -> str:
        penting = b["kepentingan"] >= gy - 1e-12
        bagus = b["kinerja"] >= gx - 1e-12
        return {(True, False): "I", (True, True): "II", (False, False): "III"}.get(
            (penting, bagus), "IV"
        )

    tabel["kuadran"] = tabel.apply(kuadran, axis=1)
    return HasilKuadran(tabel, gx, gy)


# --- A fictional example ------------------------------------------------------------------


def jawaban_contoh_fiktif(banyak: int = 40, seed: int = 2017) -> pd.DataFrame:
    """Made-up responses (seeded, so the same every time) with importance scores.

    NOT real data: every row says "DATA CONTOH FIKTIF" in the `keterangan` column. Elements get
    different score chances so that some are visibly weaker (waktu, pengaduan, sarana).

    >>> t = jawaban_contoh_fiktif()
    >>> len(t), t["keterangan"].iloc[0]
    (40, 'DATA CONTOH FIKTIF')
    >>> bool(t.equals(jawaban_contoh_fiktif()))
    True
    """
    rng = np.random.default_rng(seed)
    # chances of scores 1, 2, 3, 4 per element (U1..U9): made up for the example
    peluang = [
        (0.02, 0.08, 0.55, 0.35),
        (0.02, 0.10, 0.58, 0.30),
        (0.05, 0.25, 0.50, 0.20),
        (0.00, 0.03, 0.40, 0.57),
        (0.02, 0.08, 0.60, 0.30),
        (0.01, 0.07, 0.52, 0.40),
        (0.01, 0.04, 0.45, 0.50),
        (0.08, 0.27, 0.50, 0.15),
        (0.04, 0.20, 0.56, 0.20),
    ]
    penting = [
        (0.00, 0.05, 0.45, 0.50),
        (0.02, 0.15, 0.55, 0.28),
        (0.00, 0.05, 0.35, 0.60),
        (0.05, 0.25, 0.50, 0.20),
        (0.02, 0.18, 0.55, 0.25),
        (0.00, 0.08, 0.47, 0.45),
        (0.00, 0.05, 0.40, 0.55),
        (0.02, 0.10, 0.48, 0.40),
        (0.05, 0.30, 0.45, 0.20),
    ]
    tabel = {"no": list(range(1, banyak + 1))}
    for i, p in enumerate(peluang, start=1):
        tabel[f"U{i}"] = rng.choice(SKALA, size=banyak, p=p).astype(int)
    for i, p in enumerate(penting, start=1):
        tabel[f"K{i}"] = rng.choice(SKALA, size=banyak, p=p).astype(int)
    tabel["keterangan"] = ["DATA CONTOH FIKTIF"] * banyak
    return pd.DataFrame(tabel)


# --- Reading a published index ------------------------------------------------------------


def kalimat_baca_ikm(nilai) -> str:
    """How to read an IKM value in words (category from the shipped bands).

    >>> print(kalimat_baca_ikm(91.20))  # doctest: +NORMALIZE_WHITESPACE
    Nilai IKM 91,20 berarti mutu pelayanan A, kinerja unit pelayanan “Sangat Baik” (rentang
    88,31–100,00). Dibagi 25, nilainya 3,65 pada skala 1–4: rata-rata tertimbang jawaban
    responden ada di antara “baik” (3) dan “sangat baik” (4). IKM bukan persentase warga yang
    puas.
    """
    bulat = bulatkan(nilai, 2)
    k = kategori_mutu(bulat)
    skala4 = bulat / KONVERSI
    bawah = max(s for s in SKALA if s <= skala4)
    atas = min(s for s in SKALA if s >= skala4)
    if bawah == atas:
        posisi = f"tepat “{LABEL_SKALA[bawah]}” ({bawah})"
    else:
        posisi = f"di antara “{LABEL_SKALA[bawah]}” ({bawah}) dan “{LABEL_SKALA[atas]}” ({atas})"
    return (
        f"Nilai IKM {teks_angka(bulat)} berarti mutu pelayanan {k.mutu}, kinerja unit pelayanan "
        f"“{k.kinerja}” (rentang {k.teks_rentang()}). Dibagi 25, nilainya "
        f"{teks_angka(skala4)} pada skala 1–4: rata-rata tertimbang jawaban responden ada "
        f"{posisi}. IKM bukan persentase warga yang puas."
    )


# --- The 0,111 convention near a band edge ------------------------------------------------


def ikm_bobot_0111(nrr: dict[str, Fraction]) -> Fraction:
    """The IKM as templates that weight every element 0,111 compute it: Σ NRR × 0,111 × 25.

    >>> float(ikm_bobot_0111({f"U{i}": Fraction(4) for i in range(1, 10)}))
    99.9
    """
    return sum(nrr.values()) * BOBOT_0111 * KONVERSI


def catatan_batas(hasil: HasilIKM) -> str | None:
    """A note when the IKM lies within rounding distance of a band edge (or the 0,111
    convention would give another band): both numbers, which one the kit uses and why.
    None with custom weights (the convention is about equal weights) or far from an edge.

    >>> nrr = {f"U{i}": Fraction(35330, 10000) for i in range(1, 10)}  # exact IKM 88,325
    >>> h = HasilIKM(nrr, {}, bobot_sama(), Fraction(35330, 10000), Fraction(35330, 400),
    ...              bulatkan(Fraction(35330, 400)), kategori_mutu(Fraction(35330, 400)), [], 1)
    >>> print(catatan_batas(h))  # doctest: +NORMALIZE_WHITESPACE
    IKM 88,33 dekat batas mutu B/A (88,30 | 88,31). Dengan bobot 0,111 yang tercetak di banyak
    templat kantor hasilnya 88,24 → mutu B, bukan A. Kit memakai bobot tepat 1/9 karena 9 ×
    0,111 = 0,999, bukan 1: dengan 0,111 setiap IKM turun 0,1% (nilai sempurna menjadi 99,90),
    dan mutu bisa berpindah pita. Sebutkan cara hitung Anda bila melaporkan.
    """
    if any(b != Fraction(1, len(hasil.nrr)) for b in hasil.bobot.values()):
        return None
    konvensi = ikm_bobot_0111(hasil.nrr)
    kat_konvensi = kategori_mutu(konvensi)
    pita = daftar_kategori()
    dekat = [
        (bawah, atas)
        for bawah, atas in zip(pita, pita[1:], strict=False)
        if abs(Decimal(hasil.ikm_tepat.numerator) / hasil.ikm_tepat.denominator
               - (bawah.atas + atas.bawah) / 2) <= JARAK_BATAS
    ]  # fmt: skip
    if not dekat and kat_konvensi == hasil.kategori:
        return None
    if dekat:
        bawah, atas = dekat[0]
        awal = (
            f"IKM {teks_angka(hasil.ikm)} dekat batas mutu {bawah.mutu}/{atas.mutu} "
            f"({teks_angka(bawah.atas)} | {teks_angka(atas.bawah)})."
        )
    else:
        awal = f"IKM {teks_angka(hasil.ikm)}, mutu {hasil.kategori.mutu}."
    beda = f", bukan {hasil.kategori.mutu}" if kat_konvensi != hasil.kategori else ", sama"
    return (
        f"{awal} Dengan bobot 0,111 yang tercetak di banyak templat kantor hasilnya "
        f"{teks_angka(konvensi)} → mutu {kat_konvensi.mutu}{beda}. Kit memakai bobot tepat 1/9 "
        "karena 9 × 0,111 = 0,999, bukan 1: dengan 0,111 setiap IKM turun 0,1% (nilai sempurna "
        "menjadi 99,90), dan mutu bisa berpindah pita. Sebutkan cara hitung Anda bila melaporkan."
    )


# --- Sample size: the published Krejcie & Morgan (1970) table ------------------------------

SUMBER_SAMPEL = (
    "Krejcie, R. V. & Morgan, D. W. (1970). Determining sample size for research activities. "
    "Educational and Psychological Measurement, 30(3), 607–610, Tabel 1"
)
# Population N -> minimum sample S, as printed in Table 1 (95% confidence, 5% margin, P = 0,5).
KREJCIE_MORGAN = dict(zip(
    (10, 15, 20, 25, 30, 35, 40, 45, 50, 55, 60, 65, 70, 75, 80, 85, 90, 95, 100, 110, 120, 130,
     140, 150, 160, 170, 180, 190, 200, 210, 220, 230, 240, 250, 260, 270, 280, 290, 300, 320,
     340, 360, 380, 400, 420, 440, 460, 480, 500, 550, 600, 650, 700, 750, 800, 850, 900, 950,
     1000, 1100, 1200, 1300, 1400, 1500, 1600, 1700, 1800, 1900, 2000, 2200, 2400, 2600, 2800,
     3000, 3500, 4000, 4500, 5000, 6000, 7000, 8000, 9000, 10000, 15000, 20000, 30000, 40000,
     50000, 75000, 1000000),
    (10, 14, 19, 24, 28, 32, 36, 40, 44, 48, 52, 56, 59, 63, 66, 70, 73, 76, 80, 86, 92, 97, 103,
     108, 113, 118, 123, 127, 132, 136, 140, 144, 148, 152, 155, 159, 162, 165, 169, 175, 181,
     186, 191, 196, 201, 205, 210, 214, 217, 226, 234, 242, 248, 254, 260, 265, 269, 274, 278,
     285, 291, 297, 302, 306, 310, 313, 317, 320, 322, 327, 331, 335, 338, 341, 346, 351, 354,
     357, 361, 364, 367, 368, 370, 375, 377, 379, 380, 381, 382, 384),
    strict=True,
))  # fmt: skip


def sampel_minimum(populasi: int) -> tuple[int, int]:
    """(N of the table row used, minimum respondents S): the first row with N ≥ the population
    (the safer side between two rows); a population of 10 or less: everyone.

    >>> sampel_minimum(500), sampel_minimum(2000), sampel_minimum(510), sampel_minimum(7)
    ((500, 217), (2000, 322), (550, 226), (7, 7))
    """
    if populasi <= 10:
        return populasi, populasi
    n = min((n for n in KREJCIE_MORGAN if n >= populasi), default=max(KREJCIE_MORGAN))
    return n, KREJCIE_MORGAN[n]


def peringatan_sampel(responden: int, populasi: int | None) -> str | None:
    """A warning when respondents are fewer than the table's minimum for the population.

    >>> print(peringatan_sampel(150, 500))  # doctest: +NORMALIZE_WHITESPACE
    Responden 150, kurang dari sampel minimum 217 untuk 500 penerima layanan (tabel Krejcie &
    Morgan 1970, baris N = 500). Hasil IKM tetap dihitung, tetapi laporkan kekurangan ini, atau
    tambah responden.
    >>> peringatan_sampel(230, 500) is None
    True
    """
    if not populasi or populasi <= 0:
        return None
    n, s = sampel_minimum(populasi)
    if responden >= s:
        return None
    return (
        f"Responden {format_angka(responden)}, kurang dari sampel minimum {format_angka(s)} "
        f"untuk {format_angka(populasi)} penerima layanan (tabel Krejcie & Morgan 1970, baris "
        f"N = {format_angka(n)}). Hasil IKM tetap dihitung, tetapi laporkan kekurangan ini, atau "
        "tambah responden."
    )


# --- An index that is not an IKM -----------------------------------------------------------

IKK_BPS_2023 = 93.16
SUMBER_IKK = (
    "BPS Kota Pekalongan, Indeks Kepuasan Konsumen (IKK) 2023, disampaikan pada FGD pelayanan "
    "publik BPS Kota Pekalongan, 28 November 2024 (berita Dinkominfo Kota Pekalongan)"
)
BEDA_IKK_IKM = (
    f"Angka {format_angka(IKK_BPS_2023, 2)} adalah Indeks Kepuasan Konsumen (IKK) BPS Kota "
    "Pekalongan 2023, indeks BPS sendiri tentang kepuasan pengguna data atas pelayanan, akses "
    "data, serta sarana dan prasarana, bukan IKM menurut Permenpan RB 14/2017. IKM memakai 9 "
    "unsur pelayanan dengan skala 1–4 dan pita mutu A–D, sedangkan IKK dihitung dengan unsur dan "
    "cara BPS sendiri, jadi kedua angka tidak bisa dibandingkan langsung dan pita mutu IKM tidak "
    "dipakai untuk membaca IKK."
)
