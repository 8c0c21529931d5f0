"""Lesson 07: sample and population, on the 35 kab/kota of Jawa Tengah (2024).

The population is one the student can see: IPM 2024 and BPS's March 2024 poverty rate
(`literasi.seri`) of the 35 kab/kota. The app draws many random samples of a chosen size with a
stated seed, shows how the sample means scatter around the population mean and narrow as the
sample grows, states the margin of error in plain words (how far 95 of 100 samples miss at
most), and shows what a biased sample (only the six kota) does.
"""

from __future__ import annotations

import math
from dataclasses import dataclass
from html import escape

import ipywidgets as ipw
import numpy as np
import pandas as pd
from matplotlib.ticker import FuncFormatter, MaxNLocator

from literasi import seri
from literasi.data import KOTA_KITA, load_dataset
from literasi.format import format_angka
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
from literasi.kelas.pemilih_kelas import LEBAR_TITIK, PemilihKelas, nama_angka, pilih_pertanyaan
from literasi.soal import SoalAngka, SoalBanyak, SoalPilihan, SoalTebak
from literasi.tampilan import Tampilan, baris_kontrol, kotak_seed
from literasi.tembolok_grafik import disimpan

NAMA_IPM = seri.NAMA_IPM
TAHUN = 2024
SEED = 2024  # stated on screen, so every student sees the same samples
JUMLAH_SAMPEL = 100  # samples drawn per experiment: "95 dari 100" reads naturally
UKURAN_SAMPEL = (3, 5, 10, 20)
LEBAR_TUMPUKAN = 0.25  # dot-plot stack width, in the variable's unit
BAGIAN_MOE = 0.95  # "95 dari 100 sampel"
BATAS_TEBAK = 2.0  # the prediction question: samples missing by more than this

ACAK = "Acak dari 35"
BIAS = "Hanya kota (bias)"
CARA = (ACAK, BIAS)


@dataclass(frozen=True)
class Variabel:
    label: str  # on the toggle
    judul: str  # in titles and sentences
    kolom: str  # column in the population table
    satuan: str  # axis unit
    selisih: str  # unit of a difference ("poin", "poin persen")
    desimal: int
    sumber: str


VARIABEL = {
    "IPM": Variabel(
        "IPM",
        "IPM",
        "ipm",
        "indeks 0–100",
        "poin",
        2,
        f"{seri.SUMBER_IPM} (2024)",
    ),
    "Persen miskin": Variabel(
        "Persen miskin",
        "persentase penduduk miskin",
        "miskin",
        "%",
        "poin persen",
        2,
        f"{seri.SUMBER_KEMISKINAN}, 2024",
    ),
}


# --- pure computations -------------------------------------------------------------------


def tabel_populasi(ipm: pd.DataFrame, miskin: pd.DataFrame, tahun: int = TAHUN) -> pd.DataFrame:
    """The population: 35 kab/kota with IPM and poverty rate of one year, and a `kota` flag.
    `miskin`: `literasi.seri.kemiskinan`."""
    a = ipm[ipm["Tahun"] == tahun][["Wilayah", seri.IPM]]
    b = miskin[miskin["Tahun"] == tahun][["Wilayah", seri.PERSEN]]
    tabel = a.merge(b, on="Wilayah", how="inner", validate="one_to_one")
    tabel = tabel.rename(columns={"Wilayah": "nama", seri.IPM: "ipm", seri.PERSEN: "miskin"})
    tabel["ipm"] = tabel["ipm"].astype(float)
    tabel["miskin"] = tabel["miskin"].astype(float)
    tabel["kota"] = tabel["nama"].str.startswith("Kota ").astype(bool)
    return tabel.reset_index(drop=True)


def ambil_sampel(pool, n: int, jumlah: int = JUMLAH_SAMPEL, seed: int = SEED) -> np.ndarray:
    """`jumlah` samples of `n` row numbers from `pool`, each without repeats (like a survey:
    nobody is asked twice). One row per sample. Same seed, same samples.

    >>> ambil_sampel(range(35), 3, jumlah=2, seed=1).shape
    (2, 3)
    """
    pool = np.asarray(list(pool))
    rng = np.random.default_rng(seed)
    return np.array([rng.choice(pool, size=n, replace=False) for _ in range(jumlah)])


def rata_rata_sampel(nilai, indeks: np.ndarray) -> np.ndarray:
    """The mean of each sample (one per row of `indeks`)."""
    return np.asarray(nilai, dtype=float)[indeks].mean(axis=1)


def meleset_paling_jauh(rata: np.ndarray, mu: float, bagian: float = BAGIAN_MOE) -> float:
    """Margin of error in plain words: the smallest distance d such that at least `bagian` of
    the sample means lie within d of the population mean (95 of 100 miss by at most d).

    >>> meleset_paling_jauh(np.array([1.0, 2.0, 3.0, 4.0]), 0.0, 0.75)
    3.0
    """
    jarak = np.sort(np.abs(np.asarray(rata, dtype=float) - mu))
    return float(jarak[math.ceil(bagian * len(jarak)) - 1])


def banyak_meleset(rata: np.ndarray, mu: float, batas: float) -> int:
    """How many sample means miss the population mean by more than `batas`."""
    return int((np.abs(np.asarray(rata, dtype=float) - mu) > batas).sum())


@dataclass
class Percobaan:
    """One experiment: many samples of one size, how they were chosen, and what came out."""

    variabel: Variabel
    n_diminta: int
    n: int  # the size actually drawn (a biased sample has at most 6 kota)
    cara: str
    seed: int
    indeks: np.ndarray
    rata: np.ndarray  # one mean per sample
    mu: float  # population mean (35 kab/kota)

    @property
    def moe(self) -> float:
        return meleset_paling_jauh(self.rata, self.mu)

    @property
    def rata_dari_rata(self) -> float:
        return float(self.rata.mean())

    @property
    def semua_sama(self) -> bool:
        return bool(np.ptp(np.round(self.rata, 9)) == 0)  # same members, any order


def percobaan(
    populasi: pd.DataFrame,
    variabel: Variabel,
    n: int,
    cara: str = ACAK,
    seed: int = SEED,
    jumlah: int = JUMLAH_SAMPEL,
) -> Percobaan:
    """Draw `jumlah` samples of size n at random from all 35, or (biased) only from the kota."""
    pool = np.flatnonzero(populasi["kota"]) if cara == BIAS else np.arange(len(populasi))
    ukuran = min(n, len(pool))
    indeks = ambil_sampel(pool, ukuran, jumlah, seed)
    nilai = populasi[variabel.kolom].to_numpy(dtype=float)
    return Percobaan(
        variabel,
        n,
        ukuran,
        cara,
        seed,
        indeks,
        rata_rata_sampel(nilai, indeks),
        float(nilai.mean()),
    )


def tumpukan(nilai, lebar: float = LEBAR_TUMPUKAN) -> tuple[np.ndarray, np.ndarray]:
    """Dot-plot positions: each value at the centre of its bin, stacked 1, 2, 3…"""
    x = np.floor(np.asarray(nilai, dtype=float) / lebar + 0.5) * lebar
    y = np.zeros(len(x), dtype=int)
    tinggi: dict[float, int] = {}
    for i in np.argsort(x, kind="stable"):
        tinggi[x[i]] = tinggi.get(x[i], 0) + 1
        y[i] = tinggi[x[i]]
    return x, y


def ringkas_populasi(populasi: pd.DataFrame) -> pd.DataFrame:
    """One row per variable: mean, lowest, highest of the 35 (fits a phone)."""
    return pd.DataFrame(
        {
            "Variabel": [f"{v.label} ({v.satuan})" for v in VARIABEL.values()],
            "Rata-rata 35": [populasi[v.kolom].mean() for v in VARIABEL.values()],
            "Terendah": [populasi[v.kolom].min() for v in VARIABEL.values()],
            "Tertinggi": [populasi[v.kolom].max() for v in VARIABEL.values()],
        }
    )


def nama_pendek(nama: str) -> str:
    return nama.replace("Kabupaten ", "Kab. ")


def fmt(nilai: float, v: Variabel) -> str:
    return format_angka(nilai, v.desimal)


# --- exercises ---------------------------------------------------------------------------


def daftar_soal(populasi: pd.DataFrame) -> list:
    """The six exercises in page order; every answer comes from the table and the seed."""
    ipm = VARIABEL["IPM"]
    mu = float(populasi[ipm.kolom].mean())
    p3 = percobaan(populasi, ipm, 3)
    p5 = percobaan(populasi, ipm, 5)
    p10 = percobaan(populasi, ipm, 10)
    p20 = percobaan(populasi, ipm, 20)
    lewat3 = banyak_meleset(p3.rata, mu, BATAS_TEBAK)
    lewat20 = banyak_meleset(p20.rata, mu, BATAS_TEBAK)
    pertama = populasi.iloc[p5.indeks[0]]
    daftar = "; ".join(
        f"{nama_pendek(n)} {fmt(x, ipm)}"
        for n, x in zip(pertama["nama"], pertama[ipm.kolom], strict=True)
    )
    rata1 = float(pertama[ipm.kolom].mean())
    jumlah1 = float(pertama[ipm.kolom].sum())
    rapat, menyebar = "Makin rapat di sekitar rata-rata populasi", "Makin menyebar"
    narrow = rapat if p20.moe < p3.moe else menyebar
    kali = round((1 / 0.5) ** 2)  # spread ~ 1/√n: half the spread needs (1/0.5)² times as many
    bias = percobaan(populasi, ipm, 5, BIAS)
    bias20 = percobaan(populasi, ipm, 20, BIAS)
    pernyataan = {
        "Rata-rata sampelnya lebih tinggi daripada rata-rata populasi": bias.rata_dari_rata > mu,
        "Memilih n = 20 membuat rata-ratanya mendekati rata-rata populasi": (
            abs(bias20.rata_dari_rata - mu) < abs(bias.rata_dari_rata - mu)
        ),
        "Sampel itu tidak mewakili 29 kabupaten": True,  # no kabupaten can ever be drawn
        "Titik-titiknya rapat, jadi hasilnya pasti mendekati kebenaran": False,
    }
    return [
        SoalTebak(
            pertanyaan=(
                f"Rata-rata IPM {TAHUN} dari 35 kabupaten/kota adalah {fmt(mu, ipm)}. Aplikasi "
                f"mengambil {JUMLAH_SAMPEL} sampel acak, masing-masing hanya 3 kabupaten/kota. "
                f"Tebak: berapa dari {JUMLAH_SAMPEL} sampel itu yang rata-ratanya meleset lebih "
                f"dari {format_angka(BATAS_TEBAK)} poin dari {fmt(mu, ipm)}?"
            ),
            jawaban=float(lewat3),
            desimal=0,
            satuan="sampel",
            penjelasan=(
                f"Dengan sampel 3 wilayah, {lewat3} dari {JUMLAH_SAMPEL} sampel meleset lebih "
                f"dari {format_angka(BATAS_TEBAK)} poin. Dengan sampel 20 wilayah hanya {lewat20}. "
                f"(Seed {SEED}.) Lihat sendiri di bagian Jelajahi."
            ),
        ),
        SoalAngka(
            pertanyaan=(
                f"Sampel pertama berukuran 5 (IPM, seed {SEED}) berisi: {daftar}. Berapa "
                "rata-rata IPM sampel ini?"
            ),
            jawaban=rata1,
            desimal=2,
            toleransi=0.0005,
            petunjuk=[
                "Rata-rata sampel = jumlah IPM kelima wilayah ÷ 5.",
                f"Jumlah kelima IPM adalah {format_angka(jumlah1, 2)}.",
            ],
            penjelasan=(
                f"{format_angka(jumlah1, 2)} ÷ 5 = {format_angka(rata1, 2)}. Rata-rata "
                f"populasinya {fmt(mu, ipm)}: sampel ini meleset "
                f"{format_angka(abs(rata1 - mu), 2)} poin. Sampel lain akan meleset lain lagi."
            ),
        ),
        SoalPilihan(
            pertanyaan=(
                "Di Jelajahi, pilih IPM dan “Acak dari 35”, lalu bandingkan n = 3 dengan n = 20. "
                "Apa yang terjadi dengan titik-titik rata-rata sampel?"
            ),
            pilihan=[menyebar, rapat, "Bergeser menjauhi rata-rata populasi", "Tidak berubah"],
            jawaban=narrow,
            tampilan="tombol",
            penjelasan=(
                f"Dengan n = 3, 95 dari {JUMLAH_SAMPEL} sampel meleset paling jauh "
                f"{fmt(p3.moe, ipm)} poin; dengan n = 20 paling jauh {fmt(p20.moe, ipm)} poin. "
                "Sampel yang lebih besar memberi rata-rata yang lebih dekat ke rata-rata populasi."
            ),
            petunjuk=[
                "Perhatikan lebar sebaran titik di sekitar garis biru (rata-rata populasi).",
                "Baca juga tabel di bawah grafik: kolom “meleset paling jauh”.",
            ],
            umpan_balik={
                menyebar: "Lihat lagi: dengan n = 20 titik-titiknya justru berkumpul.",
                "Bergeser menjauhi rata-rata populasi": (
                    "Sampel acak tidak bergeser ke satu arah: titik-titiknya tetap berkumpul di "
                    "sekitar garis biru."
                ),
                "Tidak berubah": "Bandingkan lagi lebar sebaran titiknya untuk n = 3 dan n = 20.",
            },
        ),
        SoalAngka(
            pertanyaan=(
                f"Pilih IPM, “Acak dari 35”, n = 10 (seed {SEED}). Menurut ringkasan, 95 dari "
                f"{JUMLAH_SAMPEL} sampel meleset paling jauh berapa poin dari rata-rata populasi?"
            ),
            jawaban=p10.moe,
            desimal=2,
            toleransi=0.002,
            satuan="poin",
            petunjuk=[
                "Baca kalimat di bawah tombol setelah memilih n = 10, atau tabel di bawah grafik.",
                f"Pastikan seed-nya {SEED} dan cara memilihnya “Acak dari 35”.",
            ],
            penjelasan=(
                f"Dengan n = 10, rata-rata sampel biasanya tidak lebih jauh dari "
                f"{fmt(p10.moe, ipm)} poin dari {fmt(mu, ipm)}. Itulah margin kesalahan dalam "
                "kata-kata."
            ),
        ),
        SoalPilihan(
            pertanyaan=(
                "Aturan kasar para statistikawan: agar rata-rata sampel meleset kira-kira "
                "separuhnya, ukuran sampel harus dikali berapa?"
            ),
            pilihan=["2", "4", "10", "100"],
            jawaban=str(kali),
            tampilan="tombol",
            penjelasan=(
                f"Sebaran mengecil seperti 1 ÷ √n: sampel {kali} kali lebih besar, sebarannya "
                f"kira-kira separuh (√{kali} = 2). Di aplikasi, dari n = 5 ke n = 20, meleset "
                f"paling jauh turun dari {fmt(p5.moe, ipm)} menjadi {fmt(p20.moe, ipm)} poin: "
                f"{'bahkan kurang dari' if p20.moe < p5.moe / 2 else 'kira-kira'} separuhnya, "
                "karena populasi kita kecil (20 dari 35 sudah lebih dari separuh populasi). Di "
                "survei BPS populasinya jutaan rumah tangga, dan aturan kasar itu berlaku."
            ),
            petunjuk=[
                "Sebaran mengecil seperti 1 ÷ √n, bukan seperti 1 ÷ n.",
                "Cari bilangan yang akar kuadratnya 2.",
            ],
            umpan_balik={
                "2": (
                    "Sampel 2 kali lebih besar belum cukup: sebarannya hanya mengecil menjadi "
                    "sekitar 1 ÷ √2 ≈ 0,7 kali."
                ),
                "10": "Terlalu banyak untuk separuh: √10 lebih dari 3.",
                "100": "Sampel 100 kali lebih besar membuat sebaran sekitar sepersepuluhnya.",
            },
        ),
        SoalBanyak(
            pertanyaan=(
                "Pilih IPM dan “Hanya kota (bias)”. Sampel hanya diambil dari 6 kota (misalnya "
                "karena kota lebih mudah didatangi). Mana pernyataan yang benar?"
            ),
            pilihan=list(pernyataan),
            jawaban=[p for p, benar in pernyataan.items() if benar],
            penjelasan=(
                f"Dengan n = {bias.n}, rata-rata sampel “hanya kota” sekitar "
                f"{fmt(bias.rata_dari_rata, ipm)}, padahal "
                f"rata-rata populasi {fmt(mu, ipm)}: terlalu tinggi "
                f"{fmt(bias.rata_dari_rata - mu, ipm)} poin. Sampel yang lebih besar tidak "
                "menolong, karena kabupaten tidak pernah terpilih. Rapat tetapi di tempat yang "
                "salah: itulah bias."
            ),
            petunjuk=[
                "Bandingkan titik-titik oranye dengan garis biru (rata-rata populasi).",
                "Coba n = 20: apakah titik-titiknya pindah ke garis biru?",
            ],
        ),
    ]


def semua_soal() -> list:
    """The lesson's exercises in page order, from the shipped data (answer key, tests)."""
    return daftar_soal(tabel_populasi(load_dataset(NAMA_IPM), seri.baca_kemiskinan()))


# --- the view ----------------------------------------------------------------------------


class SampelPopulasi(Tampilan):
    """Choose a sample size (first), a variable, how the sample is chosen and a seed; see the
    means of 100 samples as a dot plot around the population mean, then the population with
    the first sample highlighted."""

    def __init__(self, populasi: pd.DataFrame):
        self.populasi = populasi
        self.ukuran = ipw.ToggleButtons(
            options=[(str(n), n) for n in UKURAN_SAMPEL],
            value=5,
            description="Ukuran sampel n",
            tooltips=[f"{n} kabupaten/kota per sampel" for n in UKURAN_SAMPEL],
            style={"description_width": "initial", "button_width": "auto"},
            layout=ipw.Layout(flex="1 1 260px"),
        )
        self.variabel = ipw.ToggleButtons(
            options=list(VARIABEL),
            value="IPM",
            description="Variabel",
            tooltips=[v.judul for v in VARIABEL.values()],
            style={"description_width": "initial", "button_width": "auto"},
            layout=ipw.Layout(flex="1 1 260px"),
        )
        self.cara = ipw.ToggleButtons(
            options=list(CARA),
            value=ACAK,
            description="Cara memilih",
            tooltips=[
                "Setiap kabupaten/kota punya peluang sama",
                "Hanya 6 kota yang bisa terpilih",
            ],
            style={"description_width": "initial", "button_width": "auto"},
            layout=ipw.Layout(flex="1 1 300px"),
        )
        self.seed = kotak_seed(SEED)
        self.ringkasan = ipw.HTML()
        self.grafik = ipw.HTML()
        self.tabel_n = ipw.HTML()
        self.grafik_populasi = ipw.HTML()
        kontrol = self.kendali(self.ukuran, self.variabel, self.cara, self.seed)
        self.widget = ipw.VBox(
            [kontrol, self.grafik, self.ringkasan, self.tabel_n, self.grafik_populasi],
            layout=ipw.Layout(width="100%"),
        )
        self._update()

    @classmethod
    def from_dataset(cls) -> SampelPopulasi:
        return cls(tabel_populasi(load_dataset(NAMA_IPM), seri.baca_kemiskinan()))

    def _update(self) -> None:
        v = VARIABEL[self.variabel.value]
        p = percobaan(self.populasi, v, self.ukuran.value, self.cara.value, self.seed.value)
        self.pesan_terakhir = pesan(p)
        self.ringkasan.value = ringkasan_html(p)
        self.percobaan_terakhir = p  # for the poster: the chart exactly as the student sees it
        self.grafik.value = html_gambar_kalimat(grafik_rata_rata, (p,), v.sumber)
        self.tabel_n.value = tabel_meleset(self.populasi, v, self.cara.value, self.seed.value, p.n)
        self.grafik_populasi.value = grafik_populasi(self.populasi, p)

    def isi_poster(self) -> IsiPoster:
        """What the infographic button puts on a poster: the current chart and its message."""
        v = VARIABEL[self.variabel.value]
        return IsiPoster(
            judul=f"{JUMLAH_SAMPEL} sampel, {JUMLAH_SAMPEL} jawaban: {v.judul} "
            f"35 kabupaten/kota Jawa Tengah {TAHUN}",
            pesan=self.pesan_terakhir,
            grafik=grafik_rata_rata(self.percobaan_terakhir)[0],
            sumber=v.sumber + f"; simulasi sampel acak, seed {self.seed.value}",
        )


def pesan(p: Percobaan) -> str:
    """The key message of an experiment in one sentence (summary and poster)."""
    v = p.variabel
    if p.cara == BIAS:
        arah = "terlalu tinggi" if p.rata_dari_rata > p.mu else "terlalu rendah"
        return (
            f"Sampel yang hanya berisi kota memberi rata-rata {v.judul} sekitar "
            f"{fmt(p.rata_dari_rata, v)}, {arah} {fmt(abs(p.rata_dari_rata - p.mu), v)} "
            f"{v.selisih} dari rata-rata 35 kabupaten/kota ({fmt(p.mu, v)})."
        )
    return (
        f"Dengan sampel acak {p.n} kabupaten/kota, 95 dari {JUMLAH_SAMPEL} rata-rata sampel "
        f"meleset paling jauh {fmt(p.moe, v)} {v.selisih} dari rata-rata 35 kabupaten/kota "
        f"({fmt(p.mu, v)})."
    )


def ringkasan_html(p: Percobaan) -> str:
    v = p.variabel
    teks = (
        f"<p class='literasi-ringkasan' style='font-size:1.05em'>{escape(pesan(p))}</p>"
        f"<p class='literasi-kecil'>{JUMLAH_SAMPEL} sampel, masing-masing {p.n} wilayah, "
        f"dipilih dengan angka acak (simulasi, seed {p.seed}). Rata-rata sampel terkecil "
        f"{fmt(p.rata.min(), v)}, terbesar {fmt(p.rata.max(), v)}.</p>"
    )
    if p.cara == BIAS:
        teks += (
            "<p role='status' style='background:#fdecea;color:#8a1c12;padding:6px 10px;"
            "border-radius:6px'><b>Sampel bias:</b> hanya 6 kota yang bisa terpilih; "
            "29 kabupaten tidak pernah masuk sampel. Memperbesar sampel tidak menolong."
        )
        if p.n < p.n_diminta:
            teks += (
                f" Hanya ada 6 kota, jadi sampel paling banyak 6 wilayah: semua "
                f"{JUMLAH_SAMPEL} sampel berisi keenam kota yang sama."
            )
        teks += "</p>"
    return teks


def grafik_rata_rata(p: Percobaan):
    """Dot plot of the sample means (one dot per sample) against the population mean."""
    v = p.variabel
    x, y = tumpukan(p.rata)
    fig = gambar_baru(4.0, 5.4)
    ax = fig.add_subplot()
    tinggi = int(y.max())
    ukuran_titik = max(5.0, min(36.0, (150 / tinggi) ** 2 / 4))  # fewer, bigger dots when low
    warna = WARNA_SOROT if p.cara == ACAK else "#c0392b"
    ax.scatter(x, y, s=ukuran_titik, color=warna, edgecolor="white", linewidth=0.3, zorder=3)
    ax.axvline(p.mu, color=WARNA_UTAMA, lw=2, zorder=2, label=f"rata-rata populasi {fmt(p.mu, v)}")
    if p.cara == ACAK:
        ax.axvspan(
            p.mu - p.moe,
            p.mu + p.moe,
            color=WARNA_UTAMA,
            alpha=0.12,
            lw=0,
            label=f"95 dari {JUMLAH_SAMPEL} sampel di sini (± {fmt(p.moe, v)})",
        )
    bawah, atas = _batas_sumbu(v)
    ax.set_xlim(bawah, atas)
    ax.set_ylim(0, max(tinggi, 5) * 1.15 + 0.5)
    ax.yaxis.set_major_locator(MaxNLocator(integer=True, nbins=5))
    ax.xaxis.set_major_locator(MaxNLocator(nbins=8, steps=[1, 2, 5, 10]))
    ax.xaxis.set_major_formatter(FuncFormatter(lambda t, _: format_angka(t, 0)))
    ax.tick_params(labelsize=9)
    ax.set_xlabel(f"Rata-rata sampel: {v.judul} ({v.satuan})", fontsize=10)
    ax.set_ylabel("Banyaknya sampel", fontsize=10)
    cara = "acak" if p.cara == ACAK else "hanya kota (bias)"
    ax.set_title(
        f"Rata-rata {JUMLAH_SAMPEL} sampel {cara}, n = {p.n}\n{v.label} {TAHUN}, "
        "35 kab/kota Jawa Tengah",
        fontsize=10.5,
    )
    if p.semua_sama:
        ax.annotate(
            f"semua {JUMLAH_SAMPEL}\nsampel sama:\nkeenam kota,\n{fmt(p.rata[0], v)}",
            (x[0], tinggi),
            xytext=(-8, -4),
            textcoords="offset points",
            ha="right",
            va="top",
            fontsize=9,
            color="#8a1c12",
        )
    fig.legend(loc="outside lower center", fontsize=9, frameon=False)
    ax.spines[["top", "right"]].set_visible(False)
    kalimat = (
        f"Diagram titik {JUMLAH_SAMPEL} rata-rata sampel {cara} berukuran {p.n} "
        f"(simulasi, seed {p.seed}), satu titik satu sampel, dibanding rata-rata populasi "
        f"{fmt(p.mu, v)} (garis biru): rata-rata sampel dari {fmt(p.rata.min(), v)} sampai "
        f"{fmt(p.rata.max(), v)}"
    )
    if p.cara == ACAK:
        kalimat += f"; 95 dari {JUMLAH_SAMPEL} meleset paling jauh {fmt(p.moe, v)} {v.selisih}."
    else:
        kalimat += (
            f"; semuanya jauh dari garis biru, rata-ratanya {fmt(p.rata_dari_rata, v)} (bias)."
        )
    return fig, kalimat


def _batas_sumbu(v: Variabel) -> tuple[float, float]:
    """The same x-axis for every n, so the narrowing is visible (set by the whole population)."""
    return {"ipm": (68.0, 86.5), "miskin": (3.5, 16.5)}[v.kolom]


def tabel_meleset(populasi: pd.DataFrame, v: Variabel, cara: str, seed: int, n_kini: int) -> str:
    """How far 95 of 100 samples miss, for every sample size: the narrowing in numbers.

    A biased sample has at most 6 kota, so its larger sizes collapse into one row of 6."""
    mu = float(populasi[v.kolom].mean())
    baris, dilihat = [], set()
    for n in UKURAN_SAMPEL:
        p = percobaan(populasi, v, n, cara, seed)
        if p.n in dilihat:
            continue
        dilihat.add(p.n)
        tebal = " style='font-weight:bold;background:#fdebd9'" if p.n == n_kini else ""
        baris.append(
            f"<tr{tebal}><td style='text-align:right'>{p.n}</td>"
            f"<td style='text-align:right'>{fmt(meleset_paling_jauh(p.rata, mu), v)}</td></tr>"
        )
    cara_teks = "acak" if cara == ACAK else "hanya kota"
    return (
        "<div style='overflow-x:auto'><table class='literasi-tabel'>"
        f"<caption>Sampel {cara_teks}, {escape(v.judul)}: 95 dari {JUMLAH_SAMPEL} rata-rata "
        f"sampel meleset paling jauh … ({escape(v.selisih)}), seed {seed}</caption>"
        "<thead><tr><th scope='col'>Ukuran sampel n</th>"
        "<th scope='col'>Meleset paling jauh</th></tr></thead><tbody>"
        + "".join(baris)
        + "</tbody></table></div>"
    )


@disimpan
def grafik_populasi(populasi: pd.DataFrame, p: Percobaan) -> str:
    """The population the samples come from: 35 dots, the first sample in orange."""
    v = p.variabel
    x, y = tumpukan(populasi[v.kolom], 0.5)
    pertama = set(p.indeks[0].tolist())
    fig = gambar_baru(4.0, 4.8)
    ax = fig.add_subplot()
    dipilih = np.array([i in pertama for i in range(len(populasi))])
    kita = (populasi["nama"] == KOTA_KITA).to_numpy()
    biasa = ~dipilih & ~kita
    ax.scatter(x[biasa], y[biasa], s=34, color=WARNA_LAIN, edgecolor="#5b7382", lw=0.5, zorder=3)
    ax.scatter(
        x[kita & ~dipilih],
        y[kita & ~dipilih],
        s=40,
        color=WARNA_PEKALONGAN,
        zorder=3,
        label=KOTA_KITA if (kita & ~dipilih).any() else None,
    )
    ax.scatter(
        x[dipilih],
        y[dipilih],
        s=48,
        color=WARNA_SOROT,
        edgecolor="black",
        lw=0.6,
        zorder=4,
        label=f"sampel pertama (n = {p.n}), rata-rata {fmt(p.rata[0], v)}",
    )
    ax.axvline(p.mu, color=WARNA_UTAMA, lw=2, label=f"rata-rata populasi {fmt(p.mu, v)}")
    ax.axvline(p.rata[0], color=WARNA_SOROT, lw=1.5, ls="--")
    bawah, atas = _batas_sumbu(v)
    ax.set_xlim(bawah, atas)
    ax.set_ylim(0, max(int(y.max()), 4) + 1)
    ax.yaxis.set_major_locator(MaxNLocator(integer=True, nbins=4))
    ax.xaxis.set_major_locator(MaxNLocator(nbins=8, steps=[1, 2, 5, 10]))
    ax.xaxis.set_major_formatter(FuncFormatter(lambda t, _: format_angka(t, 0)))
    ax.tick_params(labelsize=9)
    ax.set_xlabel(f"{v.judul} ({v.satuan})", fontsize=10)
    ax.set_ylabel("Banyaknya wilayah", fontsize=10)
    ax.set_title(f"Populasi: {v.label} {TAHUN}, 35 kab/kota", fontsize=10.5)
    fig.legend(loc="outside lower center", fontsize=9, frameon=False)
    ax.spines[["top", "right"]].set_visible(False)
    anggota = populasi.iloc[p.indeks[0]].sort_values(v.kolom)
    daftar = ", ".join(
        f"{nama_pendek(n)} ({fmt(a, v)})"
        for n, a in zip(anggota["nama"], anggota[v.kolom], strict=True)
    )
    kalimat = (
        f"Diagram titik {v.judul} {TAHUN} untuk 35 kabupaten/kota (populasi), satu titik satu "
        f"wilayah; Kota Pekalongan ungu. Sampel pertama (oranye): {daftar}; rata-ratanya "
        f"{fmt(p.rata[0], v)}, rata-rata populasi {fmt(p.mu, v)}."
    )
    return html_grafik(fig, alt=kalimat, keterangan=kalimat, sumber=v.sumber)


# --- the class's own data ----------------------------------------------------------------

# Sample sizes from the class: at least 5 students (no smaller group of students is shown).
UKURAN_SAMPEL_KELAS = (5, 10, 15)
SEED_KELAS = 7


@dataclass
class SampelKelas:
    """The samples drawn so far from one class (the population: every student who answered)."""

    kunci: str
    nilai: np.ndarray  # the class's answers (anonymous, sorted by value)
    indeks: np.ndarray  # one row of student positions per sample drawn so far

    @property
    def mu(self) -> float:
        return float(self.nilai.mean())

    @property
    def rata(self) -> np.ndarray:
        return rata_rata_sampel(self.nilai, self.indeks)

    @property
    def terakhir(self) -> float:
        return float(self.rata[-1])


def sampel_kelas(kelas: DataKelas, kunci: str, n: int, banyak: int, seed: int) -> SampelKelas:
    """The first `banyak` samples of n students from the class, without repeats within one
    sample. The same seed gives the same samples, and drawing one more keeps the earlier
    ones (ambil_sampel draws them one after another from one generator)."""
    nilai = jawaban_angka(kelas)[kunci].dropna().to_numpy(dtype=float)
    indeks = ambil_sampel(range(len(nilai)), min(n, len(nilai)), banyak, seed)
    return SampelKelas(kunci, nilai, indeks)


def _angka_kelas(nilai: float) -> str:
    return format_angka(nilai, 2)


@disimpan
def grafik_sampel_kelas(kelas: DataKelas, s: SampelKelas) -> str:
    """Top: every student's answer, the last sample's students in orange. Bottom: the mean of
    every sample drawn so far, around the class mean."""
    satuan = PER_KUNCI[s.kunci].satuan
    lebar = LEBAR_TITIK[s.kunci]
    fig = gambar_baru(4.6, 5.0)
    atas, bawah = fig.subplots(2, 1, sharex=True, height_ratios=[1, 1])
    x, y = tumpukan(s.nilai, lebar)
    dipilih = np.isin(np.arange(len(s.nilai)), s.indeks[-1])
    atas.scatter(x[~dipilih], y[~dipilih], s=30, color=WARNA_LAIN, edgecolor="#5b7382", lw=0.5)
    atas.scatter(x[dipilih], y[dipilih], s=40, color=WARNA_SOROT, label="sampel terakhir")
    atas.set_title(f"{kelas.judul}: {len(s.nilai)} siswa", fontsize=10)
    atas.set_ylabel("Siswa", fontsize=9)
    atas.legend(fontsize=8, frameon=False, loc="upper right")
    xr, yr = tumpukan(s.rata, lebar / 2)
    bawah.scatter(xr[:-1], yr[:-1], s=30, color=WARNA_UTAMA, alpha=0.7)
    bawah.scatter(xr[-1:], yr[-1:], s=50, color=WARNA_SOROT, zorder=4)
    for ax in (atas, bawah):
        ax.axvline(s.mu, color=WARNA_PEKALONGAN, lw=2)
        # At most 4 steps: each panel is about 130 px high on a phone.
        ax.yaxis.set_major_locator(MaxNLocator(integer=True, nbins=4))
        ax.set_ylim(0, None)
        ax.tick_params(labelsize=9)
        ax.spines[["top", "right"]].set_visible(False)
    bawah.set_ylim(0, max(yr) + 1)
    atas.set_ylim(0, max(y) + 1.5)
    bawah.set_title(
        f"Rata-rata {len(s.rata)} sampel (n = {s.indeks.shape[1]}); garis ungu: rata-rata kelas",
        fontsize=10,
    )
    bawah.set_ylabel("Sampel", fontsize=9)
    bawah.set_xlabel(nama_angka(s.kunci), fontsize=10)
    bawah.xaxis.set_major_formatter(
        FuncFormatter(lambda v, _: format_angka(v, 0 if float(v).is_integer() else 1))
    )
    kalimat = (
        f"{nama_angka(s.kunci)} {kelas.judul}: rata-rata kelas {_angka_kelas(s.mu)} {satuan}. "
        f"Sampel terakhir ({s.indeks.shape[1]} siswa, oranye) berata-rata "
        f"{_angka_kelas(s.terakhir)} {satuan}. Rata-rata {len(s.rata)} sampel sejauh ini "
        f"berkisar {_angka_kelas(s.rata.min())} sampai {_angka_kelas(s.rata.max())} {satuan}."
    )
    return html_grafik(fig, alt=kalimat, keterangan=kalimat, sumber=kelas.sumber)


class SampelDariKelas(Tampilan):
    """Data kelas kita: the class as the population. Each press of "Ambil sampel" draws one
    more sample of n students (seeded) and compares its mean with the class mean. The class
    is picked by its code, or the simulated class labelled "simulasi"."""

    def __init__(self, path=None):
        self.variabel = pilih_pertanyaan("Pertanyaan", "tinggi_cm")
        self.ukuran = ipw.ToggleButtons(
            options=[(str(n), n) for n in UKURAN_SAMPEL_KELAS],
            value=UKURAN_SAMPEL_KELAS[0],
            description="Ukuran sampel n",
            tooltips=[f"{n} siswa per sampel" for n in UKURAN_SAMPEL_KELAS],
            style={"description_width": "initial", "button_width": "auto"},
            layout=ipw.Layout(flex="1 1 260px"),
        )
        self.seed = kotak_seed(SEED_KELAS)
        self.tombol_ambil = ipw.Button(
            description="Ambil sampel",
            icon="random",
            button_style="primary",
            tooltip="Ambil satu sampel acak lagi dari kelas",
            layout=ipw.Layout(width="auto"),
        )
        self.tombol_ambil.on_click(lambda _: self.ambil())
        self.banyak = 1  # samples drawn; a new question, n, seed or class starts again at 1
        self.pemilih = PemilihKelas(self._on_change, path)
        self.ringkasan = ipw.HTML()
        self.grafik = ipw.HTML()
        self.widget = ipw.VBox(
            [
                self.pemilih.status,
                self.kendali(self.variabel, self.ukuran, self.seed),
                baris_kontrol(self.tombol_ambil),
                self.ringkasan,
                self.grafik,
                self.pemilih.kontrol,
            ],
            layout=ipw.Layout(width="100%"),
        )
        self._update()

    def ambil(self) -> None:
        """One more sample (the earlier ones stay)."""
        self.banyak += 1
        self._update()

    def _on_change(self, _change=None) -> None:
        self.banyak = 1
        self._update()

    def _update(self) -> None:
        kelas = self.pemilih.data
        n_kelas = len(jawaban_angka(kelas))
        bisa = n_kelas > self.ukuran.value >= MIN_KELOMPOK
        self.tombol_ambil.disabled = not bisa
        self.hasil = None
        if n_kelas < MIN_KELOMPOK:  # the status line says why nothing is shown
            self.ringkasan.value = self.grafik.value = ""
            return
        if not bisa:
            self.ringkasan.value = (
                f"<p class='literasi-ringkasan'>{escape(kelas.judul)} punya {n_kelas} siswa: "
                "sampel harus lebih kecil dari kelasnya. Pilih n yang lebih kecil.</p>"
            )
            self.grafik.value = ""
            return
        s = self.hasil = sampel_kelas(
            kelas, self.variabel.value, self.ukuran.value, self.banyak, self.seed.value
        )
        satuan = escape(PER_KUNCI[s.kunci].satuan)
        selisih = s.terakhir - s.mu
        self.ringkasan.value = (
            f"<p class='literasi-ringkasan'>Rata-rata seluruh {escape(kelas.judul)} "
            f"({n_kelas} siswa): <b>{_angka_kelas(s.mu)} {satuan}</b>. Sampel ke-{self.banyak} "
            f"({s.indeks.shape[1]} siswa): <b>{_angka_kelas(s.terakhir)} {satuan}</b>, "
            f"{'lebih besar' if selisih > 0 else 'lebih kecil' if selisih < 0 else 'sama'}"
            f"{' ' + _angka_kelas(abs(selisih)) + ' ' + satuan if selisih else ''}. "
            f"Dari {self.banyak} sampel, rata-rata sampel paling jauh meleset "
            f"{_angka_kelas(float(np.abs(s.rata - s.mu).max()))} {satuan}.</p>"
            f"<p class='literasi-kecil'>Seed {self.seed.value}: seed yang sama memberi "
            "sampel yang sama.</p>"
        )
        self.grafik.value = grafik_sampel_kelas(kelas, s)
