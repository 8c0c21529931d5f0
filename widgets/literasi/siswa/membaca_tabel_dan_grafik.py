"""Lesson 02: reading tables and charts.

Bar or pie, sorting, totals or percentages, and the misleading chart: the same real Jawa Tengah
numbers (IPM 2024, BPS's poverty rate 2020–2025 from `literasi.seri`) drawn with the y-axis from
zero or cut off.
"""

from __future__ import annotations

import math
from dataclasses import dataclass
from html import escape

import ipywidgets as ipw
import pandas as pd
from matplotlib.ticker import FuncFormatter

from literasi.data import KOTA_KITA, load_dataset
from literasi.format import format_angka
from literasi.grafik import (
    WARNA_LAIN,
    WARNA_PEKALONGAN,
    WARNA_SOROT,
    WARNA_UTAMA,
    gambar_baru,
    html_grafik,
)
from literasi.seri import (
    IPM,
    MISKIN,
    NAMA_IPM,
    NAMA_MARET,
    PERSEN,
    SUMBER_KEMISKINAN,
    baca_kemiskinan,
    per_tahun,
)
from literasi.soal import Alternatif, SoalAngka, SoalPilihan, SoalTebak, SoalUrutan
from literasi.tampilan import Tampilan
from literasi.tembolok_grafik import disimpan

DATA_IPM = NAMA_IPM
KOLOM_IPM = IPM
KOLOM_PERSEN = PERSEN
KOLOM_MISKIN = MISKIN
# BPS's mid-year population projection (SP2020-based), ribu jiwa: a column of the March table.
KOLOM_PROYEKSI = "Jumlah Penduduk Ribu Jiwa"
TAHUN = 2024
# The former Karesidenan Pekalongan: the city and the kab/kota around it on the north coast.
EKS_KARESIDENAN = [
    "Kabupaten Batang",
    "Kabupaten Pekalongan",
    "Kota Pekalongan",
    "Kabupaten Pemalang",
    "Kabupaten Tegal",
    "Kota Tegal",
    "Kabupaten Brebes",
]
SUMBER_IPM = "BPS Provinsi Jawa Tengah, Indeks Pembangunan Manusia menurut Kabupaten/Kota"
SUMBER_MISKIN = SUMBER_KEMISKINAN
SUMBU = ("Sumbu-y mulai dari nol", "Sumbu-y dipotong")


@dataclass(frozen=True)
class Seri:
    """One set of bars: labels, values, and how to describe them."""

    judul: str
    label: list[str]
    nilai: list[float]
    label_y: str
    satuan: str  # after a value in a sentence ("" for an index)
    sumber: str
    sorot: str | None  # the label drawn in the city's colour


def nama_pendek(nama: str) -> str:
    return nama.replace("Kabupaten ", "Kab. ")


def ipm_wilayah(ipm: pd.DataFrame, tahun: int = TAHUN, wilayah=EKS_KARESIDENAN) -> pd.DataFrame:
    """IPM of the chosen kab/kota in one year, highest first."""
    pilih = ipm[(ipm["Tahun"] == tahun) & ipm["Wilayah"].isin(wilayah)]
    pilih = pilih[["Wilayah", KOLOM_IPM]].sort_values(KOLOM_IPM, ascending=False)
    return pilih.reset_index(drop=True)


def persen_miskin_kota(miskin: pd.DataFrame, nama: str = KOTA_KITA) -> pd.DataFrame:
    """Poverty rate (%) of one kab/kota, year by year (`miskin`: `literasi.seri.kemiskinan`)."""
    kota = per_tahun(miskin, KOLOM_PERSEN, nama)
    return pd.DataFrame({"Tahun": kota.index, KOLOM_PERSEN: kota.to_numpy()})


def batas_potong(nilai: list[float]) -> float:
    """Where a 'cut' y-axis starts: a whole number just below the smallest value.

    >>> batas_potong([68.46, 77.43])
    67
    """
    kecil, besar = min(nilai), max(nilai)
    return max(0, math.floor(kecil - 0.15 * (besar - kecil)))


def kali_tampak(nilai: list[float], bawah: float) -> float:
    """How many times taller the tallest bar looks than the shortest when the axis starts at
    `bawah` (bar height = value − bawah)."""
    return (max(nilai) - bawah) / (min(nilai) - bawah)


def kali_sebenarnya(nilai: list[float]) -> float:
    return max(nilai) / min(nilai)


def seri_ipm(ipm: pd.DataFrame) -> Seri:
    tabel = ipm_wilayah(ipm)
    return Seri(
        judul=f"IPM {TAHUN}, kab/kota eks-Karesidenan Pekalongan",
        label=[nama_pendek(n) for n in tabel["Wilayah"]],
        nilai=[float(x) for x in tabel[KOLOM_IPM]],
        label_y="IPM (indeks, 0–100)",
        satuan="",
        sumber=SUMBER_IPM,
        sorot=KOTA_KITA,
    )


def seri_miskin(miskin: pd.DataFrame) -> Seri:
    tabel = persen_miskin_kota(miskin)
    awal, akhir = tabel["Tahun"].min(), tabel["Tahun"].max()
    return Seri(
        judul=f"Penduduk miskin Kota Pekalongan, Maret {awal}–{akhir}",
        label=[str(t) for t in tabel["Tahun"]],
        nilai=[float(x) for x in tabel[KOLOM_PERSEN]],
        label_y="Penduduk miskin (% penduduk)",
        satuan="%",
        sumber=SUMBER_MISKIN,
        sorot=None,
    )


def tabel_jumlah_persen(miskin: pd.DataFrame, tahun: int = TAHUN) -> pd.DataFrame:
    """Four kab/kota that show totals and percentages disagree: the most poor people, the
    highest rate, the lowest rate, and the city (alphabetical, so the table gives no order)."""
    satu = miskin[miskin["Tahun"] == tahun]
    pilih = {
        satu.loc[satu[KOLOM_MISKIN].idxmax(), "Wilayah"],
        satu.loc[satu[KOLOM_PERSEN].idxmax(), "Wilayah"],
        satu.loc[satu[KOLOM_PERSEN].idxmin(), "Wilayah"],
        KOTA_KITA,
    }
    tabel = satu[satu["Wilayah"].isin(pilih)].sort_values("Wilayah")
    return pd.DataFrame(
        {
            "Wilayah": [nama_pendek(n) for n in tabel["Wilayah"]],
            "Miskin (ribu)": tabel[KOLOM_MISKIN].astype(float).to_numpy(),
            "Miskin (%)": tabel[KOLOM_PERSEN].astype(float).to_numpy(),
        }
    )


def proyeksi_penduduk_ribu(maret: pd.DataFrame, tahun: int = TAHUN) -> float:
    """BPS's population projection for the city (ribu jiwa), from the March table's column."""
    baris = maret[(maret["Wilayah"] == KOTA_KITA) & (maret["Tahun"] == tahun)]
    return float(baris[KOLOM_PROYEKSI].iloc[0])


def _label_sumbu(y: float, _posisi=None) -> str:
    """Axis ticks the Indonesian way, with a decimal only where the tick needs one."""
    return format_angka(y, 0 if float(y).is_integer() else 1)


def _batang(seri: Seri, potong: bool):
    """The bar chart of a series, with the y-axis from zero or cut; returns (fig, bawah)."""
    banyak = len(seri.nilai) > 5  # long kab/kota names: slant them so they stay legible
    fig = gambar_baru(4.4, 4.2 if banyak else 3.6)
    ax = fig.add_subplot()
    warna = [WARNA_PEKALONGAN if lb == seri.sorot else WARNA_UTAMA for lb in seri.label]
    posisi = range(len(seri.nilai))
    batang = ax.bar(posisi, seri.nilai, color=warna)
    ax.bar_label(batang, labels=[format_angka(v, 2) for v in seri.nilai], fontsize=8, padding=2)
    bawah = batas_potong(seri.nilai) if potong else 0
    atas = max(seri.nilai)
    ax.set_ylim(bawah, atas + (atas - bawah) * 0.12)
    if banyak:
        ax.set_xticks(
            list(posisi), seri.label, fontsize=8.5, rotation=40, ha="right", rotation_mode="anchor"
        )
    else:
        ax.set_xticks(list(posisi), seri.label, fontsize=9.5)
    ax.yaxis.set_major_formatter(FuncFormatter(_label_sumbu))
    ax.tick_params(axis="y", labelsize=9)
    ax.set_ylabel(seri.label_y, fontsize=9.5)
    ax.set_title(seri.judul, fontsize=10)
    ax.spines[["top", "right"]].set_visible(False)
    return fig, bawah


@disimpan
def html_batang(seri: Seri, potong: bool) -> str:
    """The chart with its one-sentence description (also the alt text) and source."""
    fig, bawah = _batang(seri, potong)
    tinggi = seri.label[seri.nilai.index(max(seri.nilai))]
    rendah = seri.label[seri.nilai.index(min(seri.nilai))]
    kalimat = (
        f"Diagram batang. {seri.judul}: tertinggi {tinggi} "
        f"{format_angka(max(seri.nilai), 2)}{seri.satuan}, terendah {rendah} "
        f"{format_angka(min(seri.nilai), 2)}{seri.satuan}. "
    )
    if potong:
        kalimat += (
            f"Awas: sumbu-y mulai dari {format_angka(bawah)}, bukan 0, sehingga batang tertinggi "
            f"tampak {format_angka(kali_tampak(seri.nilai, bawah), 1)} kali batang terendah, "
            f"padahal nilainya hanya {format_angka(kali_sebenarnya(seri.nilai), 2)} kali."
        )
    else:
        kalimat += "Sumbu-y mulai dari 0, jadi tinggi batang sebanding dengan nilainya."
    return html_grafik(fig, alt=kalimat, keterangan=kalimat, sumber=seri.sumber)


@disimpan
def html_lingkaran(miskin: pd.DataFrame, tahun: int = TAHUN) -> str:
    """Pie chart of the city's poor and not-poor population: parts of one whole."""
    baris = miskin[(miskin["Wilayah"] == KOTA_KITA) & (miskin["Tahun"] == tahun)].iloc[0]
    persen = [float(baris[KOLOM_PERSEN]), 100 - float(baris[KOLOM_PERSEN])]
    fig = gambar_baru(4.2, 3.3)
    ax = fig.add_subplot()
    ax.pie(
        persen,
        labels=["Miskin", "Tidak miskin"],
        colors=[WARNA_SOROT, WARNA_LAIN],
        autopct=lambda p: format_angka(p, 1) + "%",
        startangle=90,
        counterclock=False,
        textprops={"fontsize": 9.5},
    )
    ax.set_title(f"Penduduk Kota Pekalongan, Maret {tahun}", fontsize=10.5)
    kalimat = (
        f"Diagram lingkaran penduduk Kota Pekalongan Maret {tahun}: miskin "
        f"{format_angka(persen[0], 1)}% ({format_angka(baris[KOLOM_MISKIN], 2)} ribu jiwa), "
        f"tidak miskin {format_angka(persen[1], 1)}%. Kedua bagian berjumlah 100%."
    )
    return html_grafik(fig, alt=kalimat, keterangan=kalimat, sumber=SUMBER_MISKIN)


def daftar_soal(ipm: pd.DataFrame, miskin: pd.DataFrame, proyeksi_ribu: float) -> list:
    """The five exercises in page order; every answer comes from the data. `miskin`:
    `literasi.seri.kemiskinan`; `proyeksi_ribu`: the city's population projection for TAHUN."""
    tabel_ipm = ipm_wilayah(ipm).set_index("Wilayah")[KOLOM_IPM]
    pembanding = tabel_ipm.index[-1]  # the lowest IPM of the group
    kita, dia = float(tabel_ipm[KOTA_KITA]), float(tabel_ipm[pembanding])
    ipm_nilai = [float(x) for x in tabel_ipm]
    bawah = batas_potong(ipm_nilai)
    tampak = (kita - bawah) / (dia - bawah)

    tren = persen_miskin_kota(miskin)
    puncak = int(tren.loc[tren[KOLOM_PERSEN].idxmax(), "Tahun"])
    grafik_tren = html_batang(seri_miskin(miskin), potong=False)

    tabel = tabel_jumlah_persen(miskin)
    urut_persen = tabel.sort_values("Miskin (%)", ascending=False)["Wilayah"].tolist()
    terbanyak = tabel.loc[tabel["Miskin (ribu)"].idxmax(), "Wilayah"]

    kota = miskin[(miskin["Wilayah"] == KOTA_KITA) & (miskin["Tahun"] == TAHUN)].iloc[0]
    miskin_ribu, persen_bps = float(kota[KOLOM_MISKIN]), float(kota[KOLOM_PERSEN])
    persen_kota = 100 * miskin_ribu / proyeksi_ribu
    tren_judul = seri_miskin(miskin).judul.removeprefix("Penduduk miskin ")

    cocok_lingkaran = f"Penduduk Kota Pekalongan {TAHUN}: miskin dan tidak miskin"
    return [
        SoalTebak(
            pertanyaan=(
                "Lihat grafik IPM di atas dengan “Sumbu-y dipotong”. Batang Kota Pekalongan "
                f"jauh lebih tinggi daripada batang {pembanding}. Tebak: IPM Kota Pekalongan "
                f"berapa kali IPM {pembanding}?"
            ),
            jawaban=kita / dia,
            desimal=2,
            satuan="kali",
            penjelasan=(
                f"IPM Kota Pekalongan {format_angka(kita, 2)}, {pembanding} "
                f"{format_angka(dia, 2)}: bedanya kecil. Dengan sumbu-y mulai dari "
                f"{format_angka(bawah)}, batangnya tampak {format_angka(tampak, 1)} kali lebih "
                "tinggi. Sekarang pilih “Sumbu-y mulai dari nol” dan bandingkan."
            ),
        ),
        SoalPilihan(
            pertanyaan=(
                "Baca grafik ini. Pada tahun berapa persentase penduduk miskin Kota Pekalongan "
                "paling tinggi?"
            ),
            pilihan=[str(t) for t in tren["Tahun"]],
            jawaban=str(puncak),
            penjelasan=(
                f"Batang {puncak} paling tinggi: "
                f"{format_angka(tren[KOLOM_PERSEN].max(), 2)}% penduduk miskin."
            ),
            petunjuk=["Cari batang yang paling tinggi, lalu baca tahun di bawahnya."],
            umpan_balik={
                str(int(tren["Tahun"].iloc[0])): "Tahun pertama belum tentu yang tertinggi. "
                "Bandingkan angka di atas setiap batang.",
            },
            tampilan="tombol",
            grafik=grafik_tren,
        ),
        SoalPilihan(
            pertanyaan="Data mana yang cocok digambar dengan diagram lingkaran?",
            pilihan=[
                f"IPM {len(tabel_ipm)} kabupaten/kota eks-Karesidenan Pekalongan {TAHUN}",
                cocok_lingkaran,
                f"Persentase penduduk miskin {tren_judul}",
            ],
            jawaban=cocok_lingkaran,
            penjelasan=(
                "Diagram lingkaran menunjukkan bagian-bagian dari satu keseluruhan yang "
                "jumlahnya 100%: penduduk miskin dan tidak miskin membentuk seluruh penduduk kota."
            ),
            petunjuk=["Apakah bagian-bagiannya, jika dijumlahkan, menjadi satu keseluruhan?"],
            umpan_balik={
                f"IPM {len(tabel_ipm)} kabupaten/kota eks-Karesidenan Pekalongan {TAHUN}": (
                    "IPM setiap wilayah adalah indeks sendiri-sendiri; menjumlahkannya tidak "
                    "menghasilkan keseluruhan apa pun. Pakai diagram batang."
                ),
                f"Persentase penduduk miskin {tren_judul}": (
                    "Ini perubahan dari tahun ke tahun; persentase tahun-tahun itu bukan bagian "
                    "dari satu keseluruhan. Pakai diagram batang atau garis."
                ),
            },
        ),
        SoalUrutan(
            pertanyaan=(
                f"Lihat tabel penduduk miskin {TAHUN} di atas. Urutkan keempat wilayah dari "
                "PERSENTASE penduduk miskin tertinggi ke terendah."
            ),
            butir=urut_persen,
            penjelasan=(
                "Urutan menurut persentase: " + " → ".join(urut_persen) + ". Menurut jumlah, "
                f"{terbanyak} di urutan pertama; menurut persentase, urutannya berubah."
            ),
            petunjuk=[
                "Pakai kolom “Miskin (%)”, bukan kolom “Miskin (ribu)”.",
                "Dua wilayah teratas hanya berbeda sedikit: bandingkan angka di belakang koma.",
            ],
        ),
        SoalAngka(
            pertanyaan=(
                f"Maret {TAHUN}, Kota Pekalongan punya {format_angka(miskin_ribu, 2)} ribu "
                f"penduduk miskin. Proyeksi penduduk BPS untuk kota ini tahun {TAHUN}: "
                f"{format_angka(proyeksi_ribu, 2)} ribu jiwa. Kalau dibagi dengan angka proyeksi "
                "itu, berapa persen penduduk yang miskin?"
            ),
            jawaban=persen_kota,
            persen=True,
            desimal=2,
            toleransi=0.005,
            petunjuk=[
                "Persen = bagian ÷ keseluruhan × 100.",
                f"Hitung {format_angka(miskin_ribu, 2)} ÷ {format_angka(proyeksi_ribu, 2)} × 100.",
                "Hasilnya antara 5% dan 10%. Tulis dengan dua angka desimal.",
            ],
            penjelasan=(
                f"{format_angka(miskin_ribu, 2)} ÷ {format_angka(proyeksi_ribu, 2)} × 100 ≈ "
                f"{format_angka(persen_kota, 2)}%. Tabel BPS (seri panel) mencatat "
                f"{format_angka(persen_bps, 2)}% untuk Maret {TAHUN}: BPS menghitungnya "
                "dari survei Susenas dengan jumlah penduduk menurut survei itu, bukan dengan angka "
                f"proyeksi ini ({format_angka(miskin_ribu, 2)} ÷ {format_angka(persen_bps, 2)}% ≈ "
                f"{format_angka(100 * miskin_ribu / persen_bps, 1)} ribu). Penyebut yang berbeda "
                "memberi persen yang berbeda, jadi selalu sebut keseluruhannya. Persentase membuat "
                "kota kecil dan kabupaten besar bisa dibandingkan."
            ),
            alternatif=[
                Alternatif(
                    persen_bps,
                    f"{format_angka(persen_bps, 2)}% adalah persentase yang tercatat di tabel BPS "
                    "(seri panel). Soal "
                    f"ini meminta hitunganmu dengan proyeksi {format_angka(proyeksi_ribu, 2)} ribu "
                    "sebagai keseluruhan: bagi, lalu kalikan 100.",
                ),
            ],
        ),
    ]


def semua_soal() -> list:
    """The lesson's exercises in page order, from the shipped data (answer key, tests)."""
    proyeksi = proyeksi_penduduk_ribu(load_dataset(NAMA_MARET))
    return daftar_soal(load_dataset(DATA_IPM), baca_kemiskinan(), proyeksi)


class GrafikMenipu(Tampilan):
    """The same numbers with the y-axis from zero or cut: see how a chart can mislead."""

    def __init__(self, ipm: pd.DataFrame, miskin: pd.DataFrame):
        miskin_kota = seri_miskin(miskin)
        self.seri = {
            "IPM 2024, eks-Karesidenan Pekalongan": seri_ipm(ipm),
            miskin_kota.judul.replace(", Maret", ""): miskin_kota,
        }
        self.sumbu = ipw.ToggleButtons(
            options=list(SUMBU),
            value=SUMBU[1],  # open on the misleading chart: the student should catch it
            description="Pilih sumbu-y",
            tooltips=["Batang diukur dari nol", "Batang diukur dari angka di atas nol"],
            style={"description_width": "initial", "button_width": "auto"},
            layout=ipw.Layout(flex="1 1 260px"),
        )
        self.data = ipw.Dropdown(
            options=list(self.seri),
            description="Data",
            style={"description_width": "initial"},
            layout=ipw.Layout(flex="1 1 260px", min_width="240px", max_width="420px"),
        )
        self.ringkasan = ipw.HTML()
        self.grafik = ipw.HTML()
        kontrol = self.kendali(self.sumbu, self.data)
        self.widget = ipw.VBox(
            [kontrol, self.grafik, self.ringkasan], layout=ipw.Layout(width="100%")
        )
        self._update()

    @classmethod
    def from_dataset(cls) -> GrafikMenipu:
        return cls(load_dataset(DATA_IPM), baca_kemiskinan())

    def _update(self) -> None:
        seri = self.seri[self.data.value]
        potong = self.sumbu.value == SUMBU[1]
        self.ringkasan.value = self._ringkasan(seri, potong)
        self.grafik.value = html_batang(seri, potong)

    @staticmethod
    def _ringkasan(seri: Seri, potong: bool) -> str:
        sebenarnya = format_angka(kali_sebenarnya(seri.nilai), 2)
        if potong:
            bawah = batas_potong(seri.nilai)
            tampak = format_angka(kali_tampak(seri.nilai, bawah), 1)
            isi = (
                f"Sumbu-y mulai dari <b>{format_angka(bawah)}</b>. Batang tertinggi tampak "
                f"<b>{tampak} kali</b> batang terendah, padahal nilainya hanya "
                f"<b>{sebenarnya} kali</b>. Perbedaan kecil tampak sangat besar."
            )
        else:
            isi = (
                "Sumbu-y mulai dari <b>0</b>. Tinggi batang sebanding dengan nilainya: nilai "
                f"tertinggi <b>{sebenarnya} kali</b> nilai terendah, dan batangnya juga "
                f"{sebenarnya} kali lebih tinggi."
            )
        return f"<p class='literasi-ringkasan'>{escape(seri.judul)}. {isi}</p>"
