"""Lesson 09: the relationship between two variables, IPM against the poverty rate.

A scatter of the 35 kab/kota of Jawa Tengah (IPM table, data 9; BPS's poverty rates from
`literasi.seri`, same year from both), Pearson's r computed from its formula, a least-squares
line and what its slope means in units, and "correlation is not causation" with kota vs
kabupaten as the example.
"""

from __future__ import annotations

import math
from dataclasses import dataclass
from html import escape

import ipywidgets as ipw
import pandas as pd
from matplotlib.figure import Figure
from matplotlib.ticker import FuncFormatter

from literasi import seri
from literasi.data import KOTA_KITA, load_dataset
from literasi.format import format_angka, format_bertanda
from literasi.grafik import (
    WARNA_LAIN,
    WARNA_PEKALONGAN,
    WARNA_SOROT,
    WARNA_UTAMA,
    gambar_baru,
    html_gambar_kalimat,
    html_grafik,
)
from literasi.infografis import IsiPoster
from literasi.kelas.data_kelas import MIN_KELOMPOK, DataKelas, jawaban_angka
from literasi.kelas.kuesioner import PER_KUNCI
from literasi.kelas.pemilih_kelas import PemilihKelas, nama_angka, pilih_pertanyaan
from literasi.soal import SoalAngka, SoalPilihan, SoalTebak
from literasi.tampilan import Tampilan
from literasi.tembolok_grafik import disimpan

NAMA_IPM = seri.NAMA_IPM
KOLOM_Y = seri.PERSEN
TAHUN_SOAL = 2024
SUMBER = f"{seri.SUMBER_IPM}; {seri.SUMBER_KEMISKINAN}"


@dataclass(frozen=True)
class VariabelX:
    label: str  # axis label without unit
    singkat: str  # short name inside a sentence
    kolom: str
    satuan: str  # unit of one step on the x axis ("1 poin", "1 tahun", ...)
    satuan_sumbu: str
    satuan_nilai: str  # unit written after one value ("" for IPM)
    desimal: int
    skala: float = 1.0  # divide the column by this (ribu rupiah -> juta rupiah)


VARIABEL_X = {
    "IPM": VariabelX(
        "Indeks Pembangunan Manusia",
        "IPM",
        "Indeks Pembangunan Manusia",
        "poin",
        "IPM, 0–100",
        "",
        2,
    ),
    "Lama sekolah": VariabelX(
        "Rata-rata lama sekolah",
        "rata-rata lama sekolah",
        "Rata-rata Lama Sekolah (tahun)",
        "tahun",
        "tahun",
        "tahun",
        2,
    ),
    "Pengeluaran": VariabelX(
        "Pengeluaran per kapita",
        "pengeluaran per kapita",
        "Pengeluaran per kapita (ribu rupiah/orang/tahun)",
        "juta rupiah",
        "juta rupiah/orang/tahun, disesuaikan",
        "juta rupiah",
        2,
        skala=1000.0,
    ),
}


# --- computations ------------------------------------------------------------------------


def tabel_gabung(ipm: pd.DataFrame, miskin: pd.DataFrame, tahun: int) -> pd.DataFrame:
    """The 35 kab/kota of one year: IPM and its components beside the poverty rate (%).
    `miskin`: `seri.kemiskinan` (BPS's rates).

    Both tables are joined on name and the same year, so every point is one place in one year.
    """
    kiri = ipm[ipm["Tahun"] == tahun]
    kanan = miskin[miskin["Tahun"] == tahun][["Wilayah", KOLOM_Y]]
    gabung = kiri.merge(kanan, on="Wilayah", how="inner", validate="one_to_one")
    if len(gabung) != 35:
        raise ValueError(f"Tahun {tahun}: {len(gabung)} kab/kota cocok, seharusnya 35.")
    angka = [k for k in gabung.columns if k not in ("Wilayah", "Tahun")]
    gabung[angka] = gabung[angka].astype(float)
    return gabung.reset_index(drop=True)


def tabel_semua_tahun(ipm: pd.DataFrame, miskin: pd.DataFrame) -> dict[int, pd.DataFrame]:
    """tabel_gabung of every year both tables cover, from one join instead of one per year
    (the page shows them all: the view's years and the exercise on r from year to year)."""
    kanan = miskin[["Wilayah", "Tahun", KOLOM_Y]]
    gabung = ipm.merge(kanan, on=["Wilayah", "Tahun"], how="inner", validate="one_to_one")
    angka = [k for k in gabung.columns if k not in ("Wilayah", "Tahun")]
    gabung[angka] = gabung[angka].astype(float)
    hasil = {}
    for tahun in tahun_bersama(ipm, miskin):
        satu = gabung[gabung["Tahun"] == tahun].reset_index(drop=True)
        if len(satu) != 35:
            raise ValueError(f"Tahun {tahun}: {len(satu)} kab/kota cocok, seharusnya 35.")
        hasil[tahun] = satu
    return hasil


def nilai_x(tabel: pd.DataFrame, var: VariabelX) -> pd.Series:
    return tabel[var.kolom].astype(float) / var.skala


def korelasi(x, y) -> float:
    """Pearson's r from its formula: Σ(x−x̄)(y−ȳ) ÷ √(Σ(x−x̄)² · Σ(y−ȳ)²).

    >>> korelasi([1, 2, 3], [2, 4, 6])
    1.0
    >>> korelasi([1, 2, 3], [3, 2, 1])
    -1.0
    """
    x, y = [float(v) for v in x], [float(v) for v in y]
    rx, ry = sum(x) / len(x), sum(y) / len(y)
    sxy = sum((a - rx) * (b - ry) for a, b in zip(x, y, strict=True))
    sxx = sum((a - rx) ** 2 for a in x)
    syy = sum((b - ry) ** 2 for b in y)
    return sxy / math.sqrt(sxx * syy)


def garis_kuadrat_terkecil(x, y) -> tuple[float, float]:
    """(slope, intercept) of the least-squares line y = intercept + slope · x.

    >>> garis_kuadrat_terkecil([0, 1, 2], [1, 3, 5])
    (2.0, 1.0)
    """
    x, y = [float(v) for v in x], [float(v) for v in y]
    rx, ry = sum(x) / len(x), sum(y) / len(y)
    sxy = sum((a - rx) * (b - ry) for a, b in zip(x, y, strict=True))
    sxx = sum((a - rx) ** 2 for a in x)
    kemiringan = sxy / sxx
    return kemiringan, ry - kemiringan * rx


def ramalan(x: float, kemiringan: float, potongan: float) -> float:
    """The value the line gives at x."""
    return potongan + kemiringan * x


def kekuatan(r: float) -> str:
    """r in words: direction and strength (a rule of thumb, stated in the app)."""
    besar = abs(r)
    if besar < 0.2:
        return "hampir tidak ada hubungan garis lurus"
    kata = (
        "lemah"
        if besar < 0.4
        else "sedang"
        if besar < 0.6
        else "kuat"
        if besar < 0.8
        else "sangat kuat"
    )
    return f"hubungan {'negatif' if r < 0 else 'positif'} {kata}"


def persamaan(kemiringan: float, potongan: float, nama_x: str = "x") -> str:
    """“y = 38,90 − 0,395 × IPM” (slope to three decimals so predictions stay accurate)."""
    tanda = "−" if kemiringan < 0 else "+"
    return f"y = {format_angka(potongan, 2)} {tanda} {format_angka(abs(kemiringan), 3)} × {nama_x}"


def arti_kemiringan(kemiringan: float, var: VariabelX) -> str:
    """The slope in words and units."""
    lebih = "lebih rendah" if kemiringan < 0 else "lebih tinggi"
    return (
        f"Menurut garis, kabupaten/kota dengan {var.singkat} 1 {var.satuan} lebih tinggi "
        f"rata-rata punya persentase penduduk miskin "
        f"{format_angka(abs(kemiringan), 2)} poin persen {lebih}."
    )


def posisi_terhadap_garis(sisa: float) -> str:
    if abs(sisa) < 0.005:
        return "Tepat di garis"
    return "Di atas garis" if sisa > 0 else "Di bawah garis"


def ringkasan_hubungan(tabel: pd.DataFrame, var: VariabelX) -> dict:
    """r, the line, and the residual of every kab/kota (actual − line), for one x variable."""
    x, y = nilai_x(tabel, var), tabel[KOLOM_Y]
    kemiringan, potongan = garis_kuadrat_terkecil(x, y)
    sisa = y - (potongan + kemiringan * x)
    return {
        "r": korelasi(x, y),
        "kemiringan": kemiringan,
        "potongan": potongan,
        "sisa": dict(zip(tabel["Wilayah"], sisa, strict=True)),
    }


def rata_kota_kabupaten(tabel: pd.DataFrame) -> pd.DataFrame:
    """Mean IPM and mean poverty rate of the 6 kota and the 29 kabupaten (unweighted)."""
    jenis = tabel["Wilayah"].str.split().str[0].map({"Kota": "Kota", "Kabupaten": "Kabupaten"})
    hasil = tabel.groupby(jenis)[["Indeks Pembangunan Manusia", KOLOM_Y]].mean()
    hasil["banyak"] = tabel.groupby(jenis).size()
    return hasil


def tabel_contoh(tabel: pd.DataFrame) -> pd.DataFrame:
    """Kota Pekalongan and the extremes of both variables: four rows that fit a phone."""
    ipm = "Indeks Pembangunan Manusia"
    nama = [
        KOTA_KITA,
        tabel.loc[tabel[ipm].idxmax(), "Wilayah"],
        tabel.loc[tabel[ipm].idxmin(), "Wilayah"],
        tabel.loc[tabel[KOLOM_Y].idxmax(), "Wilayah"],
        tabel.loc[tabel[KOLOM_Y].idxmin(), "Wilayah"],
    ]
    urut = list(dict.fromkeys(nama))
    pilih = tabel.set_index("Wilayah").loc[urut].reset_index()
    return pd.DataFrame(
        {
            "Kabupaten/kota": [nama_pendek(n) for n in pilih["Wilayah"]],
            "IPM": pilih[ipm].to_numpy(),
            "Miskin (%)": pilih[KOLOM_Y].to_numpy(),
        }
    )


def angka_sumbu(v: float) -> str:
    """Tick label: no decimals for whole numbers, one otherwise (7,5)."""
    return format_angka(v, 0 if float(v).is_integer() else 1)


def nama_pendek(nama: str) -> str:
    return nama.replace("Kabupaten ", "Kab. ")


# --- exercises ---------------------------------------------------------------------------


def daftar_soal(ipm: pd.DataFrame, miskin: pd.DataFrame) -> list:
    """Six exercises, answers computed from the data. Soal 1 (predict) comes before the view."""
    tabel = tabel_gabung(ipm, miskin, TAHUN_SOAL)
    var = VARIABEL_X["IPM"]
    h = ringkasan_hubungan(tabel, var)
    r, b, a = h["r"], h["kemiringan"], h["potongan"]
    kota = tabel[tabel["Wilayah"] == KOTA_KITA].iloc[0]
    x_kota, y_kota = float(kota[var.kolom]), float(kota[KOLOM_Y])
    y_garis = ramalan(x_kota, b, a)
    posisi = posisi_terhadap_garis(y_kota - y_garis)
    r_semua = {kunci: ringkasan_hubungan(tabel, v)["r"] for kunci, v in VARIABEL_X.items()}
    urut_r = sorted(r_semua, key=lambda k: abs(r_semua[k]), reverse=True)
    terkuat, kedua = urut_r[0], urut_r[1]
    beda_r = abs(r_semua[terkuat]) - abs(r_semua[kedua])
    daftar_r = ", ".join(f"{k} {format_bertanda(v, 3)}" for k, v in r_semua.items())
    # How much r of the strongest variable moves by itself from year to year (same 35 places).
    r_tahunan = {
        t: ringkasan_hubungan(tabel_t, VARIABEL_X[terkuat])["r"]
        for t, tabel_t in tabel_semua_tahun(ipm, miskin).items()
    }
    goyang = max(r_tahunan.values()) - min(r_tahunan.values())
    if beda_r >= goyang:
        raise ValueError("Soal 5 mengandaikan selisih r lebih kecil dari goyangan tahunannya.")
    arti_beda = (
        f"Dengan 35 kabupaten/kota yang sama, r {terkuat} sendiri bergerak dari "
        f"{format_bertanda(min(r_tahunan.values()), 3)} sampai "
        f"{format_bertanda(max(r_tahunan.values()), 3)} dari tahun {min(r_tahunan)} sampai "
        f"{max(r_tahunan)} (goyangan {format_angka(goyang, 3)}). Selisih {format_angka(beda_r, 3)} "
        "lebih kecil dari goyangan itu, jadi keduanya sama-sama kuat: data ini tidak bisa memilih "
        "pemenangnya."
    )
    if {terkuat, kedua} == {"IPM", "Lama sekolah"}:
        arti_beda += " Lagi pula lama sekolah adalah bagian dari IPM, jadi wajar keduanya mirip."
    opsi_beda = {  # short: one line each on a 360 px phone
        "tak_berarti": "Belum berarti: sama-sama kuat",
        "terkuat": f"Berarti: {terkuat} pasti paling kuat",
        "berarti": f"{kedua} tidak penting",
        "tanpa": "Tak ada hubungan: r bukan −1",
    }
    beda_ipm = 5  # two kabupaten 5 IPM points apart: the slope read in units
    b3 = format_angka(abs(b), 3)
    sebab = {
        "benar": "Belum terbukti: bisa ada faktor ketiga",
        "benar_sebab": "Benar: r negatif membuktikan sebab-akibat",
        "terbalik": "Benar, tetapi arah sebabnya terbalik",
        "salah_r": "Salah: r bukan −1, jadi tak ada hubungan",
    }
    return [
        SoalTebak(
            pertanyaan=(
                f"Koefisien korelasi r bernilai antara −1 dan 1. Tebak: berapa r antara IPM dan "
                f"persentase penduduk miskin 35 kabupaten/kota Jawa Tengah tahun {TAHUN_SOAL}?"
            ),
            jawaban=r,
            desimal=2,
            penjelasan=(
                f"r = {format_bertanda(r, 2)}: {kekuatan(r)}. Tanda minus berarti makin tinggi "
                "IPM, cenderung makin rendah persentase penduduk miskinnya; titik-titiknya tidak "
                "tepat di satu garis, jadi r tidak sampai −1."
            ),
        ),
        SoalPilihan(
            pertanyaan=(
                f"Tahun {TAHUN_SOAL}, variabel x = IPM. Titik Kota Pekalongan (ungu) ada di mana "
                "terhadap garis?"
            ),
            pilihan=["Di atas garis", "Tepat di garis", "Di bawah garis"],
            jawaban=posisi,
            tampilan="tombol",
            penjelasan=(
                f"Kota Pekalongan: IPM {format_angka(x_kota, 2)}, penduduk miskin "
                f"{format_angka(y_kota, 2)}%. Garis memperkirakan {format_angka(y_garis, 2)}%, "
                f"jadi angka sebenarnya {format_angka(abs(y_kota - y_garis), 2)} poin persen "
                f"{'lebih rendah' if y_kota < y_garis else 'lebih tinggi'} dari garis."
            ),
            petunjuk=[
                "Cari titik ungu, lalu lihat garis lurus tepat di atas atau di bawahnya.",
                "Ringkasan di atas grafik juga menyebut posisi kabupaten/kota yang kamu pilih.",
            ],
        ),
        SoalAngka(
            pertanyaan=(
                f"Garis tahun {TAHUN_SOAL}: {persamaan(b, a, 'IPM')}, dengan y = persentase "
                f"penduduk miskin. Kota Pekalongan punya IPM {format_angka(x_kota, 2)}. Berapa "
                "persentase penduduk miskin menurut garis?"
            ),
            jawaban=y_garis,
            persen=True,
            desimal=2,
            toleransi=0.01,
            petunjuk=[
                "Ganti “IPM” di persamaan dengan angka IPM Kota Pekalongan.",
                f"Hitung {format_angka(a, 2)} − {format_angka(abs(b), 3)} × "
                f"{format_angka(x_kota, 2)}. Kalikan dulu, baru kurangkan.",
                "Hasilnya antara 5% dan 10%. Tulis dengan dua angka desimal.",
            ],
            penjelasan=(
                f"{format_angka(a, 2)} − {format_angka(abs(b), 3)} × {format_angka(x_kota, 2)} ≈ "
                f"{format_angka(y_garis, 2)}%. Angka sebenarnya {format_angka(y_kota, 2)}%: "
                "garis hanya memberi perkiraan rata-rata, bukan angka pasti sebuah daerah."
            ),
        ),
        SoalAngka(
            pertanyaan=(
                f"Kemiringan garis tahun {TAHUN_SOAL} adalah {format_bertanda(b, 3)}: poin persen "
                f"penduduk miskin per 1 poin IPM. Kabupaten A punya IPM {beda_ipm} poin lebih "
                "tinggi daripada kabupaten B. Menurut garis, persentase penduduk miskin A lebih "
                "rendah berapa poin persen?"
            ),
            jawaban=beda_ipm * abs(b),
            desimal=2,
            satuan="poin persen",
            toleransi=0.02,
            petunjuk=[
                "Kemiringan = perubahan y untuk setiap 1 poin IPM.",
                f"IPM berbeda {beda_ipm} poin, jadi kalikan {b3} dengan {beda_ipm}.",
                "Hasilnya antara 1 dan 3. Tulis dengan dua angka desimal, tanpa tanda minus.",
            ],
            penjelasan=(
                f"{beda_ipm} × {b3} ≈ {format_angka(beda_ipm * abs(b), 2)} poin persen. Ini "
                "perbandingan rata-rata antardaerah menurut garis, bukan janji: menaikkan IPM "
                f"sebuah daerah {beda_ipm} poin belum tentu menurunkan kemiskinannya sebanyak itu."
            ),
        ),
        SoalPilihan(
            pertanyaan=(
                f"Tahun {TAHUN_SOAL}, r dengan persentase penduduk miskin: {daftar_r}. Seorang "
                f"teman menyimpulkan: “{terkuat} paling kuat hubungannya.” Selisih r {terkuat} dan "
                f"{kedua.lower()} hanya {format_angka(beda_r, 3)}. Apakah selisih itu berarti?"
            ),
            pilihan=list(opsi_beda.values()),
            jawaban=opsi_beda["tak_berarti"],
            penjelasan=arti_beda,
            petunjuk=[
                "Ganti tahun di Jelajahi dengan variabel x yang sama: berapa besar r berubah?",
                "Bandingkan perubahan itu dengan selisih r dua variabel di soal.",
            ],
            umpan_balik={
                opsi_beda["terkuat"]: (
                    f"Paling dekat ke −1 di tahun ini, ya, tetapi hanya {format_angka(beda_r, 3)} "
                    "lebih dekat. Lihat berapa besar r berubah dari tahun ke tahun."
                ),
                opsi_beda["berarti"]: (
                    f"r {format_bertanda(r_semua[kedua], 2)} tetap hubungan yang kuat; selisih "
                    "kecil tidak membuat yang satu tidak penting."
                ),
                opsi_beda["tanpa"]: "r yang tidak −1 tetap bisa berarti hubungan yang kuat.",
            },
        ),
        SoalPilihan(
            pertanyaan=(
                "Sebuah poster menulis: “Data membuktikan: naikkan IPM, kemiskinan pasti turun!” "
                "Tanggapan mana yang paling tepat?"
            ),
            pilihan=list(sebab.values()),
            jawaban=sebab["benar"],
            penjelasan=(
                "Data ini hanya menunjukkan keduanya bergerak bersama (korelasi). Bisa ada faktor "
                "ketiga: daerah kota punya lebih banyak sekolah, rumah sakit, dan lapangan kerja. "
                "Untuk membuktikan sebab-akibat diperlukan bukti lain, misalnya mengikuti "
                "daerah yang sama dari waktu ke waktu dan memperhitungkan faktor lain."
            ),
            petunjuk=[
                "Apakah data 35 daerah dalam satu tahun bisa menunjukkan apa yang terjadi jika "
                "IPM sebuah daerah diubah?",
                "Ingat contoh kota dan kabupaten di atas.",
            ],
            umpan_balik={
                sebab["benar_sebab"]: "r hanya mengukur seberapa rapat titik mengikuti garis, "
                "bukan apa menyebabkan apa.",
                sebab["terbalik"]: "Data ini juga tidak bisa membuktikan arah sebaliknya.",
                sebab["salah_r"]: "r yang tidak −1 tetap bisa berarti hubungan yang kuat.",
            },
        ),
    ]


def semua_soal() -> list:
    """The lesson's exercises in page order, from the shipped data (answer key, tests)."""
    return daftar_soal(load_dataset(NAMA_IPM), seri.baca_kemiskinan())


# --- the view ----------------------------------------------------------------------------


def tahun_bersama(ipm: pd.DataFrame, miskin: pd.DataFrame) -> list[int]:
    """Years both tables cover (the scatter needs the same year from both)."""
    return sorted(set(ipm["Tahun"].astype(int)) & set(miskin["Tahun"].astype(int)))


def gambar_hubungan(
    tabel: pd.DataFrame, var: VariabelX, h: dict, tahun: int, wilayah: str
) -> tuple[Figure, str]:
    """The scatter plot of one year with its line, the city and the chosen region marked."""
    x, y = nilai_x(tabel, var), tabel[KOLOM_Y]
    fig = gambar_baru(4.3, 4.3)
    ax = fig.add_subplot()
    ax.scatter(x, y, s=28, color=WARNA_LAIN, edgecolor="#4a5a64", linewidth=0.5, zorder=2)
    x0, x1 = float(x.min()), float(x.max())
    ax.plot(
        [x0, x1],
        [
            ramalan(x0, h["kemiringan"], h["potongan"]),
            ramalan(x1, h["kemiringan"], h["potongan"]),
        ],
        color=WARNA_UTAMA,
        linewidth=1.6,
        zorder=1,
        label="garis kuadrat terkecil",
    )
    sorot = [(KOTA_KITA, WARNA_PEKALONGAN)]
    if wilayah != KOTA_KITA:
        sorot.append((wilayah, WARNA_SOROT))
    k = tabel.index[tabel["Wilayah"] == KOTA_KITA][0]
    for nama, warna in sorot:
        i = tabel.index[tabel["Wilayah"] == nama][0]
        ax.scatter([x[i]], [y[i]], s=70, color=warna, edgecolor="white", zorder=3)
        # Kota Pekalongan's label on the side with more room, so it stays inside the plot;
        # the chosen one's on the side away from Kota Pekalongan, so both stay readable.
        # Vertically, the higher dot's label goes above it, the lower one's below.
        if i == k:
            kanan = x[i] < (x0 + x1) / 2
            lain = tabel.index[tabel["Wilayah"] == sorot[-1][0]][0]
        else:
            kanan, lain = x[i] > x[k], k
        atas = y[i] >= y[lain]
        ax.annotate(
            nama_pendek(nama),
            (x[i], y[i]),
            textcoords="offset points",
            xytext=(7 if kanan else -7, 6 if atas else -6),
            va="bottom" if atas else "top",
            ha="left" if kanan else "right",
            fontsize=8,
            color=warna,
            fontweight="bold",
        )
    ax.text(
        0.98,
        0.97,
        f"r = {format_bertanda(h['r'], 2)}",
        transform=ax.transAxes,
        ha="right",
        va="top",
        fontsize=9,
        fontweight="bold",
    )
    ax.xaxis.set_major_formatter(FuncFormatter(lambda v, _: angka_sumbu(v)))
    ax.yaxis.set_major_formatter(FuncFormatter(lambda v, _: angka_sumbu(v)))
    ax.margins(y=0.1)  # room for a label above the highest point
    ax.tick_params(labelsize=8)
    ax.set_xlabel(f"{var.label} ({var.satuan_sumbu})", fontsize=9)
    ax.set_ylabel("Penduduk miskin (%)", fontsize=9)
    ax.set_title(
        f"{var.label} dan kemiskinan\n35 kabupaten/kota Jawa Tengah, {tahun}",
        fontsize=9.5,
    )
    ax.legend(fontsize=8, loc="lower left", frameon=False)
    ax.spines[["top", "right"]].set_visible(False)

    kota = tabel.index[tabel["Wilayah"] == KOTA_KITA][0]
    sisa = h["sisa"][KOTA_KITA]
    kalimat = (
        f"Diagram pencar {var.label.lower()} dan persentase penduduk miskin 35 "
        f"kabupaten/kota Jawa Tengah, {tahun}: r = {format_bertanda(h['r'], 2)}, "
        f"{kekuatan(h['r'])}; garis {persamaan(h['kemiringan'], h['potongan'], 'x')}. "
        f"Kota Pekalongan (ungu): {format_angka(x[kota], var.desimal)} dan "
        f"{format_angka(y[kota], 2)}%, {format_angka(abs(sisa), 2)} poin persen "
        f"{'di bawah' if sisa < 0 else 'di atas'} garis."
    )
    if wilayah != KOTA_KITA:
        kalimat += f" {wilayah} berwarna oranye."
    return fig, kalimat


class HubunganDuaVariabel(Tampilan):
    """Choose a year, an x variable and a kab/kota to name; see the scatter, r and the line."""

    def __init__(self, ipm: pd.DataFrame, miskin: pd.DataFrame):
        self.tabel = tabel_semua_tahun(ipm, miskin)
        tahun = list(self.tabel)
        self.tahun = ipw.ToggleButtons(
            options=[(str(t), t) for t in tahun],
            value=tahun[-1],
            description="Tahun",
            style={"description_width": "initial", "button_width": "auto"},
            layout=ipw.Layout(flex="1 1 300px"),
        )
        self.variabel = ipw.Dropdown(
            options=list(VARIABEL_X),
            value="IPM",
            description="Variabel x",
            style={"description_width": "initial"},
            # height auto: the template's 44-px select would be clipped by the 28-px default.
            layout=ipw.Layout(flex="1 1 200px", max_width="300px", height="auto"),
        )
        self.wilayah = ipw.Dropdown(
            options=sorted(self.tabel[tahun[-1]]["Wilayah"]),
            value=KOTA_KITA,
            description="Beri nama titik",
            style={"description_width": "initial"},
            layout=ipw.Layout(flex="1 1 260px", max_width="380px", height="auto"),
        )
        self.ringkasan = ipw.HTML()
        self.grafik = ipw.HTML()
        baris = self.kendali(self.tahun, self.variabel, self.wilayah)
        self.widget = ipw.VBox(
            [baris, self.grafik, self.ringkasan], layout=ipw.Layout(width="100%")
        )
        self._update()

    @classmethod
    def from_dataset(cls) -> HubunganDuaVariabel:
        return cls(load_dataset(NAMA_IPM), seri.baca_kemiskinan())

    def _update(self) -> None:
        tabel = self.tabel[self.tahun.value]
        var = VARIABEL_X[self.variabel.value]
        h = ringkasan_hubungan(tabel, var)
        pilih = tabel[tabel["Wilayah"] == self.wilayah.value].iloc[0]
        x, y = float(pilih[var.kolom]) / var.skala, float(pilih[KOLOM_Y])
        sisa = h["sisa"][self.wilayah.value]
        arah = "di bawah" if sisa < 0 else "di atas"
        satuan = f" {var.satuan_nilai}" if var.satuan_nilai else ""
        self.pesan_terakhir = (
            f"Tahun {self.tahun.value}: r = {format_bertanda(h['r'], 2)} ({kekuatan(h['r'])}). "
            f"{arti_kemiringan(h['kemiringan'], var)}"
        )
        self.ringkasan.value = (
            "<p class='literasi-ringkasan' style='font-size:1.05em'>"
            f"<b>r = {format_bertanda(h['r'], 2)}</b>: {escape(kekuatan(h['r']))}.<br>"
            f"Garis: {escape(persamaan(h['kemiringan'], h['potongan'], self.variabel.value))}. "
            f"{escape(arti_kemiringan(h['kemiringan'], var))}</p>"
            f"<p><b>{escape(pilih['Wilayah'])}</b>: {escape(var.singkat)} "
            f"{format_angka(x, var.desimal)}{satuan}, penduduk miskin {format_angka(y, 2)}%. Garis "
            f"memperkirakan {format_angka(y - sisa, 2)}%, jadi titiknya "
            f"{format_angka(abs(sisa), 2)} poin persen {arah} garis.</p>"
        )
        # Kept for the poster: the chart exactly as the student sees it.
        self.argumen_grafik = (tabel, var, h, self.tahun.value, self.wilayah.value)
        self.grafik.value = html_gambar_kalimat(gambar_hubungan, self.argumen_grafik, SUMBER)

    def isi_poster(self) -> IsiPoster:
        """What the infographic button puts on a poster: the current chart and its message."""
        return IsiPoster(
            judul=(
                f"{VARIABEL_X[self.variabel.value].label} dan kemiskinan di Jawa Tengah, "
                f"{self.tahun.value}"
            ),
            pesan=self.pesan_terakhir,
            grafik=gambar_hubungan(*self.argumen_grafik)[0],
            sumber=SUMBER,
        )


# --- the class's own data ----------------------------------------------------------------


def hubungan_kelas(kelas: DataKelas, kunci_x: str, kunci_y: str) -> dict | None:
    """r and the least-squares line of two number questions for the class (students who
    answered both). None for fewer than 5 such students or a question everyone answered
    alike (r needs spread in both)."""
    angka = jawaban_angka(kelas)[[kunci_x, kunci_y]].dropna().astype(float)
    x, y = angka[kunci_x].tolist(), angka[kunci_y].tolist()
    if len(x) < MIN_KELOMPOK or len(set(x)) < 2 or len(set(y)) < 2:
        return None
    kemiringan, potongan = garis_kuadrat_terkecil(x, y)
    return {
        "n": len(x),
        "x": x,
        "y": y,
        "r": korelasi(x, y),
        "kemiringan": kemiringan,
        "potongan": potongan,
    }


@disimpan
def grafik_hubungan_kelas(kelas: DataKelas, kunci_x: str, kunci_y: str, h: dict) -> str:
    """Scatter of two answers, one anonymous dot per student, with the least-squares line."""
    fig = gambar_baru(4.3, 4.3)
    ax = fig.add_subplot()
    ax.scatter(h["x"], h["y"], s=28, color=WARNA_LAIN, edgecolor="#4a5a64", lw=0.5, zorder=2)
    x0, x1 = min(h["x"]), max(h["x"])
    ax.plot(
        [x0, x1],
        [ramalan(x0, h["kemiringan"], h["potongan"]), ramalan(x1, h["kemiringan"], h["potongan"])],
        color=WARNA_UTAMA,
        linewidth=1.6,
        zorder=1,
        label="garis kuadrat terkecil",
    )
    for sumbu in (ax.xaxis, ax.yaxis):
        sumbu.set_major_formatter(FuncFormatter(lambda v, _: angka_sumbu(v)))
    ax.tick_params(labelsize=9)
    ax.set_xlabel(nama_angka(kunci_x), fontsize=10)
    ax.set_ylabel(nama_angka(kunci_y), fontsize=10)
    ax.set_title(f"{kelas.judul}, {h['n']} siswa\nr = {format_bertanda(h['r'], 2)}", fontsize=11)
    ax.legend(loc="upper center", bbox_to_anchor=(0.5, -0.18), fontsize=9, frameon=False)
    ax.spines[["top", "right"]].set_visible(False)
    kalimat = (
        f"Diagram pencar {nama_angka(kunci_x)} (x) dan {nama_angka(kunci_y)} (y), "
        f"{kelas.judul}, satu titik satu siswa ({h['n']} siswa): r = "
        f"{format_bertanda(h['r'], 2)}, {kekuatan(h['r'])}."
    )
    return html_grafik(fig, alt=kalimat, keterangan=kalimat, sumber=kelas.sumber)


class HubunganKelas(Tampilan):
    """Data kelas kita: a scatter of two number questions of the class's Sensus Kelas, with
    Pearson's r and the least-squares line. The class is picked by its code, or the simulated
    class labelled "simulasi"."""

    def __init__(self, path=None):
        self.x = pilih_pertanyaan("Variabel x", "tinggi_cm")
        self.y = pilih_pertanyaan("Variabel y", "rentang_lengan_cm")
        self.pemilih = PemilihKelas(self._on_change, path)
        self.ringkasan = ipw.HTML()
        self.grafik = ipw.HTML()
        self.widget = ipw.VBox(
            [
                self.pemilih.status,
                self.kendali(self.x, self.y),
                self.ringkasan,
                self.grafik,
                self.pemilih.kontrol,
            ],
            layout=ipw.Layout(width="100%"),
        )
        self._update()

    def _update(self) -> None:
        kelas = self.pemilih.data
        self.hasil = None
        if len(jawaban_angka(kelas)) < MIN_KELOMPOK:  # the status line says why
            self.ringkasan.value = self.grafik.value = ""
            return
        if self.x.value == self.y.value:
            self.ringkasan.value = "<p>Pilih dua pertanyaan yang berbeda untuk x dan y.</p>"
            self.grafik.value = ""
            return
        h = self.hasil = hubungan_kelas(kelas, self.x.value, self.y.value)
        if h is None:
            self.ringkasan.value = (
                "<p>Semua siswa memberi jawaban yang sama untuk salah satu pertanyaan ini, jadi "
                "r tidak bisa dihitung. Pilih pertanyaan lain.</p>"
            )
            self.grafik.value = ""
            return
        sx, sy = PER_KUNCI[self.x.value], PER_KUNCI[self.y.value]
        self.ringkasan.value = (
            "<p class='literasi-ringkasan' style='font-size:1.05em'>"
            f"<b>r = {format_bertanda(h['r'], 2)}</b>: {escape(kekuatan(h['r']))}.<br>"
            f"Menurut garis, setiap {escape(sx.nama.lower())} bertambah 1 {escape(sx.satuan)}, "
            f"{escape(sy.nama.lower())} rata-rata berubah "
            f"{escape(format_bertanda(h['kemiringan'], 2, plus=True))} {escape(sy.satuan)}.</p>"
            "<p class='literasi-kecil'>Hubungan di satu kelas belum tentu berlaku di kelas "
            "lain, dan bukan bukti sebab-akibat.</p>"
        )
        self.grafik.value = grafik_hubungan_kelas(kelas, self.x.value, self.y.value, h)
