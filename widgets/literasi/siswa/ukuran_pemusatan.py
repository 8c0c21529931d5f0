"""Lesson 03: measures of centre (mean, median, mode) on the 35 kab/kota of Jawa Tengah.

IPM 2024 and two of its components (adjusted per-capita expenditure, mean years of schooling),
from BPS Provinsi Jawa Tengah. The student adds one made-up extreme kab/kota (clearly labelled,
never data) and watches the mean run while the median stays.
"""

from __future__ import annotations

import math
from collections import Counter
from dataclasses import dataclass
from html import escape

import ipywidgets as ipw
import pandas as pd
from matplotlib.ticker import FuncFormatter, MaxNLocator

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
from literasi.kelas.data_kelas import MIN_KELOMPOK, DataKelas, jawaban_angka
from literasi.kelas.kuesioner import PER_KUNCI
from literasi.kelas.pemilih_kelas import LEBAR_TITIK, PemilihKelas, nama_angka, pilih_pertanyaan
from literasi.soal import SoalAngka, SoalPilihan, SoalTebak
from literasi.tampilan import Tampilan
from literasi.tembolok_grafik import disimpan

NAMA_DATA = "ipm_komponen_kabkota_jateng_2020_2024"
TAHUN = 2024
SUMBER = "BPS Provinsi Jawa Tengah, Indeks Pembangunan Manusia menurut Kabupaten/Kota (2024)"
WARNA_BUATAN = "#c0392b"  # red: the made-up value must never look like data
LABEL_BUATAN = "nilai buatan untuk percobaan"


@dataclass(frozen=True)
class Variabel:
    label: str
    kolom: str  # column name in the source table
    satuan: str
    desimal: int  # decimals when a value is shown
    lebar: float  # dot-plot stack width (values are rounded to multiples of it)
    buatan: tuple[int, int, int, int]  # made-up value: min, max, step, start
    penjelasan: str
    satuan_pendek: str  # after a difference: "turun 1,24 poin"

    @property
    def nama_kalimat(self) -> str:
        """The label inside a sentence ("IPM", "pengeluaran per kapita")."""
        return self.label if self.label.isupper() else self.label.lower()


VARIABEL = {
    "IPM": Variabel(
        "IPM",
        "Indeks Pembangunan Manusia",
        "indeks 0–100",
        2,
        1.0,
        (10, 60, 5, 30),
        "Indeks Pembangunan Manusia: gabungan umur panjang dan sehat, pendidikan, dan standar "
        "hidup layak (0–100).",
        "poin",
    ),
    "Pengeluaran per kapita": Variabel(
        "Pengeluaran per kapita",
        "Pengeluaran per kapita (ribu rupiah/orang/tahun)",
        "ribu rupiah/orang/tahun",
        0,
        500.0,
        (20000, 60000, 2500, 40000),
        "Pengeluaran per kapita disesuaikan, dalam ribu rupiah per orang per tahun: angka BPS "
        "yang sudah disesuaikan dengan harga, jadi dibaca sebagai daya beli, bukan belanja "
        "rupiah apa adanya. Angka 1.000 di sini berarti Rp 1.000.000 per orang per tahun.",
        "ribu rupiah",
    ),
    "Rata-rata lama sekolah": Variabel(
        "Rata-rata lama sekolah",
        "Rata-rata Lama Sekolah (tahun)",
        "tahun",
        2,
        0.5,
        (0, 5, 1, 2),
        "Rata-rata lama sekolah penduduk berumur 25 tahun ke atas, dalam tahun.",
        "tahun",
    ),
}


# --- pure computations -------------------------------------------------------------------


def tabel_tahun(data: pd.DataFrame, tahun: int = TAHUN) -> pd.DataFrame:
    """The 35 kab/kota of one year, with the region name in `nama` and numbers as floats."""
    tabel = data[data["Tahun"] == tahun].rename(columns={"Wilayah": "nama"}).copy()
    for v in VARIABEL.values():
        tabel[v.kolom] = tabel[v.kolom].astype(float)
    return tabel.reset_index(drop=True)


def rata_rata(nilai) -> float:
    """Sum divided by count.

    >>> rata_rata([1, 2, 3, 10])
    4.0
    """
    nilai = list(nilai)
    return math.fsum(nilai) / len(nilai)


def median(nilai) -> float:
    """The middle value once sorted; with an even count, the mean of the two middle ones.

    >>> median([5, 1, 3])
    3
    >>> median([1, 2, 3, 10])
    2.5
    """
    urut = sorted(nilai)
    n = len(urut)
    tengah = n // 2
    return urut[tengah] if n % 2 else (urut[tengah - 1] + urut[tengah]) / 2


def modus(nilai) -> tuple[list, int]:
    """The most frequent value(s) and how often they occur (all values tied at the top).

    >>> modus([72, 71, 72, 75])
    ([72], 2)
    >>> modus(["Kabupaten", "Kota", "Kabupaten"])
    (['Kabupaten'], 2)
    """
    hitung = Counter(nilai)
    paling = max(hitung.values())
    return sorted(v for v, k in hitung.items() if k == paling), paling


def bulatkan(nilai: float, lebar: float = 1.0) -> float:
    """Round to the nearest multiple of `lebar`, halves up (school rounding, not banker's).

    >>> bulatkan(72.5), bulatkan(72.49), bulatkan(7.74, 0.5)
    (73.0, 72.0, 7.5)
    """
    return math.floor(nilai / lebar + 0.5) * lebar


def tumpukan_titik(nilai, lebar: float) -> list[tuple[float, int]]:
    """Dot-plot positions: each value at its rounded x, stacked 1, 2, 3… (input order kept)."""
    tinggi: Counter = Counter()
    posisi: dict[int, tuple[float, int]] = {}
    for i in sorted(range(len(nilai)), key=lambda j: nilai[j]):
        x = bulatkan(nilai[i], lebar)
        tinggi[x] += 1
        posisi[i] = (x, tinggi[x])
    return [posisi[i] for i in range(len(nilai))]


def pusat(nilai, buatan: float | None = None) -> dict[str, float]:
    """Mean and median, with the made-up value added when given."""
    semua = list(nilai) + ([buatan] if buatan is not None else [])
    return {"n": len(semua), "rata_rata": rata_rata(semua), "median": median(semua)}


def tabel_kota(tabel: pd.DataFrame) -> pd.DataFrame:
    """The six kota (short names) with the three variables: small enough to compute by hand."""
    kota = tabel[tabel["nama"].str.startswith("Kota ")].sort_values("nama")
    return pd.DataFrame(
        {
            "Kota": kota["nama"].str.removeprefix("Kota ").tolist(),
            "IPM": kota[VARIABEL["IPM"].kolom].tolist(),
            "Pengeluaran (ribu Rp/th)": kota[VARIABEL["Pengeluaran per kapita"].kolom]
            .astype(int)
            .tolist(),
            "Lama sekolah (tahun)": kota[VARIABEL["Rata-rata lama sekolah"].kolom].tolist(),
        }
    )


def nilai_kota_kita(tabel: pd.DataFrame, v: Variabel) -> float:
    return float(tabel.loc[tabel["nama"] == KOTA_KITA, v.kolom].iloc[0])


def fmt(nilai: float, v: Variabel) -> str:
    return format_angka(nilai, v.desimal)


# --- exercises ---------------------------------------------------------------------------


def daftar_soal(tabel: pd.DataFrame) -> list:
    """The five exercises in page order; every answer is computed from the table."""
    ipm = VARIABEL["IPM"]
    nilai_ipm = tabel[ipm.kolom].tolist()
    buatan = VARIABEL["IPM"].buatan[3]
    awal, baru = pusat(nilai_ipm), pusat(nilai_ipm, buatan)
    kota = tabel_kota(tabel)
    ipm_kota = kota["IPM"].tolist()
    daftar_kota = "; ".join(
        f"{n} {format_angka(x, 2)}" for n, x in zip(kota["Kota"], ipm_kota, strict=True)
    )
    urut_kota = sorted(ipm_kota)
    pengeluaran = VARIABEL["Pengeluaran per kapita"]
    nilai_peng = tabel[pengeluaran.kolom].tolist()
    b_peng = pengeluaran.buatan[3]
    peng0, peng1 = pusat(nilai_peng), pusat(nilai_peng, b_peng)
    geser_rata = abs(peng1["rata_rata"] - peng0["rata_rata"])
    geser_median = abs(peng1["median"] - peng0["median"])
    berpindah = "Rata-rata" if geser_rata > geser_median else "Median"
    bulat, kali = modus([bulatkan(x) for x in nilai_ipm])
    return [
        SoalTebak(
            pertanyaan=(
                f"IPM {TAHUN} dari 35 kabupaten/kota Jawa Tengah: rata-rata "
                f"{format_angka(awal['rata_rata'], 2)}, median {format_angka(awal['median'], 2)}. "
                f"Bayangkan ada satu wilayah khayalan dengan IPM {format_angka(buatan)} "
                f"({LABEL_BUATAN}, bukan data). Tebak: berapa rata-rata IPM 36 wilayah itu?"
            ),
            jawaban=baru["rata_rata"],
            desimal=2,
            penjelasan=(
                f"Satu nilai yang sangat kecil menarik rata-rata turun "
                f"{format_angka(awal['rata_rata'] - baru['rata_rata'], 2)} poin, sedangkan "
                f"median hanya bergeser ke {format_angka(baru['median'], 2)} (turun "
                f"{format_angka(awal['median'] - baru['median'], 2)} poin). Coba sendiri di "
                "bagian Jelajahi."
            ),
        ),
        SoalAngka(
            pertanyaan=(
                f"IPM {TAHUN} enam kota di Jawa Tengah: {daftar_kota}. Berapa rata-rata IPM "
                "keenam kota itu?"
            ),
            jawaban=rata_rata(ipm_kota),
            desimal=2,
            toleransi=0.0005,
            petunjuk=[
                "Rata-rata = jumlah semua nilai ÷ banyaknya nilai.",
                f"Jumlahkan keenam IPM, lalu bagi dengan {len(ipm_kota)}.",
                f"Jumlah keenam IPM adalah {format_angka(sum(ipm_kota), 2)}.",
            ],
            penjelasan=(
                f"Jumlahnya {format_angka(sum(ipm_kota), 2)}, dibagi {len(ipm_kota)} = "
                f"{format_angka(rata_rata(ipm_kota), 2)}."
            ),
        ),
        SoalAngka(
            pertanyaan=(
                "Masih enam kota yang sama. Berapa median IPM keenam kota itu? (Urutkan dulu "
                "dari yang terkecil.)"
            ),
            jawaban=median(ipm_kota),
            desimal=3,
            toleransi=0.0005,
            petunjuk=[
                "Urutkan keenam IPM dari yang terkecil sampai yang terbesar.",
                "Banyaknya data genap (6), jadi median = rata-rata dua nilai di tengah "
                "(urutan ke-3 dan ke-4).",
                f"Dua nilai di tengah adalah {format_angka(urut_kota[2], 2)} dan "
                f"{format_angka(urut_kota[3], 2)}.",
            ],
            penjelasan=(
                f"Urutan ke-3 dan ke-4: ({format_angka(urut_kota[2], 2)} + "
                f"{format_angka(urut_kota[3], 2)}) ÷ 2 = {format_angka(median(ipm_kota), 3)}."
            ),
        ),
        SoalPilihan(
            pertanyaan=(
                f"Di bagian Jelajahi, pilih “Pengeluaran per kapita”, lalu tambahkan nilai "
                f"buatan {format_angka(b_peng)} ribu rupiah. Ukuran mana yang bergeser jauh?"
            ),
            pilihan=["Rata-rata", "Median", "Keduanya sama jauh", "Tidak ada yang bergeser"],
            jawaban=berpindah,
            tampilan="tombol",
            penjelasan=(
                f"Rata-rata naik {format_angka(geser_rata)} ribu rupiah, median hanya "
                f"{format_angka(geser_median)} ribu rupiah. Rata-rata memakai besar setiap nilai; "
                "median hanya memakai urutan, jadi satu nilai ekstrem tidak menariknya."
            ),
            petunjuk=[
                "Bandingkan garis biru (rata-rata) dan garis oranye putus-putus (median) "
                "sebelum dan sesudah nilai buatan ditambahkan.",
            ],
            umpan_balik={
                "Median": (
                    "Median hampir tidak bergerak: nilai buatan hanya menambah satu data di "
                    "ujung urutan."
                ),
                "Keduanya sama jauh": "Lihat angka di kalimat ringkasan: selisihnya jauh berbeda.",
                "Tidak ada yang bergeser": "Lihat lagi garis biru: ia ikut tertarik.",
            },
        ),
        SoalAngka(
            pertanyaan=(
                f"Bulatkan IPM {TAHUN} ke-35 kabupaten/kota ke bilangan bulat terdekat (pilih IPM "
                "di Jelajahi: setiap tumpukan titik adalah satu nilai bulat). Berapa modusnya?"
            ),
            jawaban=float(bulat[0]),
            desimal=0,
            toleransi=0.001,
            petunjuk=[
                "Modus = nilai yang paling sering muncul.",
                "Pada diagram titik IPM, cari tumpukan yang paling tinggi (tanpa nilai buatan).",
                f"Tumpukan tertinggi berisi {kali} kabupaten/kota.",
            ],
            penjelasan=(
                f"Ada {kali} kabupaten/kota dengan IPM yang dibulatkan menjadi "
                f"{format_angka(bulat[0])}: itulah modusnya."
            ),
        ),
    ]


def semua_soal() -> list:
    """The lesson's exercises in page order, from the shipped data (answer key, tests)."""
    return daftar_soal(tabel_tahun(load_dataset(NAMA_DATA)))


# --- the view ----------------------------------------------------------------------------

PILIHAN_BUATAN = ["Tanpa nilai buatan", "Tambah nilai buatan"]


class PemusatanKabKota(Tampilan):
    """Choose a variable; see its dot plot with mean and median. Then add one made-up extreme
    kab/kota (never data) and watch the mean move while the median stays."""

    def __init__(self, data: pd.DataFrame):
        self.tabel = tabel_tahun(data)
        self.variabel = ipw.Dropdown(
            options=list(VARIABEL),
            value="IPM",
            description="Variabel",
            style={"description_width": "initial"},
            # height auto: the template makes the <select> 44 px (touch), taller than the
            # widget's default row, which would spill over the text below.
            layout=ipw.Layout(
                flex="1 1 260px", min_width="220px", max_width="420px", height="auto"
            ),
        )
        self.buatan = ipw.ToggleButtons(
            options=PILIHAN_BUATAN,
            value=PILIHAN_BUATAN[0],
            description="Percobaan",
            tooltips=["Hanya 35 data asli", f"Tambah satu wilayah khayalan ({LABEL_BUATAN})"],
            style={"description_width": "initial", "button_width": "auto"},
            layout=ipw.Layout(flex="1 1 300px"),
        )
        self.nilai_buatan = ipw.IntSlider(
            description="Nilai buatan",
            readout=False,  # the value is shown in Indonesian format in the summary
            continuous_update=False,
            style={"description_width": "initial"},
            layout=ipw.Layout(flex="1 1 260px", min_width="220px", max_width="420px"),
        )
        self._atur_slider()
        self.ringkasan = ipw.HTML()
        self.grafik = ipw.HTML()
        kontrol = self.kendali(self.variabel, self.buatan, self.nilai_buatan)
        self.widget = ipw.VBox(
            [kontrol, self.grafik, self.ringkasan], layout=ipw.Layout(width="100%")
        )
        self._update()

    @classmethod
    def from_dataset(cls) -> PemusatanKabKota:
        return cls(load_dataset(NAMA_DATA))

    def _atur_slider(self) -> None:
        """Range of the made-up value for the chosen variable (far outside the real data)."""
        bawah, atas, langkah, awal = VARIABEL[self.variabel.value].buatan
        with self.nilai_buatan.hold_trait_notifications():
            self.nilai_buatan.min, self.nilai_buatan.max = min(bawah, 0), max(atas, 1)
            self.nilai_buatan.step = langkah
            self.nilai_buatan.value = awal
            self.nilai_buatan.min, self.nilai_buatan.max = bawah, atas
        self.nilai_buatan.disabled = self.buatan.value == PILIHAN_BUATAN[0]

    def _on_change(self, change=None) -> None:
        if change is not None and change["owner"] is self.variabel:
            self._sedang_atur = True
            self._atur_slider()
            self._sedang_atur = False
        elif getattr(self, "_sedang_atur", False):
            return  # the slider is being reset for a new variable: one update is enough
        self.nilai_buatan.disabled = self.buatan.value == PILIHAN_BUATAN[0]
        self._update()

    @property
    def nilai_buatan_aktif(self) -> float | None:
        if self.buatan.value == PILIHAN_BUATAN[0]:
            return None
        return float(self.nilai_buatan.value)

    def _update(self) -> None:
        v = VARIABEL[self.variabel.value]
        nilai = self.tabel[v.kolom].tolist()
        buatan = self.nilai_buatan_aktif
        awal = pusat(nilai)
        kita = nilai_kota_kita(self.tabel, v)
        teks = (
            f"<p class='literasi-ringkasan' style='font-size:1.05em'>{escape(v.label)} {TAHUN}, "
            f"35 kabupaten/kota: <b>rata-rata {fmt(awal['rata_rata'], v)}</b>, "
            f"<b>median {fmt(awal['median'], v)}</b>. Kota Pekalongan: {fmt(kita, v)}.</p>"
            f"<p class='literasi-kecil'>{escape(v.penjelasan)}</p>"
        )
        if buatan is not None:
            baru = pusat(nilai, buatan)
            teks += (
                "<p role='status' style='background:#fdecea;color:#8a1c12;padding:6px 10px;"
                f"border-radius:6px'><b>Nilai buatan untuk percobaan, bukan data:</b> satu "
                f"wilayah khayalan dengan {escape(v.nama_kalimat)} {format_angka(buatan)} "
                f"{escape(v.satuan_pendek)}. "
                "Tidak ada kabupaten/kota yang benar-benar bernilai ini.</p>"
                f"<p>Dengan nilai buatan (36 wilayah): rata-rata <b>{fmt(baru['rata_rata'], v)}"
                f"</b> ({_geser(baru['rata_rata'] - awal['rata_rata'], v)}), median "
                f"<b>{fmt(baru['median'], v)}</b> ({_geser(baru['median'] - awal['median'], v)})."
                "</p>"
            )
        self.ringkasan.value = teks
        self.grafik.value = grafik_titik(self.tabel, v, buatan)


def _geser(selisih: float, v: Variabel) -> str:
    if round(selisih, v.desimal) == 0:
        return "tidak berubah"
    arah = "naik" if selisih > 0 else "turun"
    return f"{arah} {fmt(abs(selisih), v)} {v.satuan_pendek}"


@disimpan
def grafik_titik(tabel: pd.DataFrame, v: Variabel, buatan: float | None = None) -> str:
    """Dot plot of the 35 values with mean and median lines, Kota Pekalongan in purple and
    the made-up value (if any) as a red diamond labelled as not data."""
    nilai = tabel[v.kolom].tolist()
    titik = tumpukan_titik(nilai, v.lebar)
    awal = pusat(nilai)
    akhir = pusat(nilai, buatan)
    fig = gambar_baru(4.6, 6.0)
    ax = fig.add_subplot()
    kita = [n == KOTA_KITA for n in tabel["nama"]]
    lain = [t for t, k in zip(titik, kita, strict=True) if not k]
    ax.scatter(
        [x for x, _ in lain],
        [y for _, y in lain],
        s=40,
        color=WARNA_LAIN,
        edgecolor="#5b7382",
        linewidth=0.6,
        zorder=3,
    )
    (xk, yk) = next(t for t, k in zip(titik, kita, strict=True) if k)
    ax.scatter([xk], [yk], s=60, color=WARNA_PEKALONGAN, zorder=4, label=KOTA_KITA)
    if buatan is not None:
        ax.scatter(
            [buatan],
            [1],
            s=70,
            marker="D",
            color=WARNA_BUATAN,
            zorder=4,
            label="nilai buatan (bukan data)",
        )
        ax.annotate(
            "nilai buatan\n(bukan data)",
            (buatan, 1),
            xytext=(-6 if buatan < min(nilai) else 6, 12),
            textcoords="offset points",
            ha="left" if buatan < min(nilai) else "right",  # text points into the plot
            fontsize=9,
            color=WARNA_BUATAN,
        )
        ax.axvline(
            awal["rata_rata"],
            color=WARNA_UTAMA,
            lw=1,
            ls=":",
            label=f"rata-rata tanpa nilai buatan {fmt(awal['rata_rata'], v)}",
        )
    ax.axvline(
        akhir["rata_rata"], color=WARNA_UTAMA, lw=2, label=f"rata-rata {fmt(akhir['rata_rata'], v)}"
    )
    ax.axvline(
        akhir["median"], color=WARNA_SOROT, lw=2, ls="--", label=f"median {fmt(akhir['median'], v)}"
    )
    ax.set_ylim(0, max(y for _, y in titik) + 1.5)
    ax.margins(x=0.08)
    ax.yaxis.set_major_locator(MaxNLocator(integer=True))
    ax.xaxis.set_major_locator(MaxNLocator(nbins=6, steps=[1, 2, 2.5, 5, 10]))
    ax.xaxis.set_major_formatter(
        FuncFormatter(lambda x, _: format_angka(x, 0 if float(x).is_integer() else 1))
    )
    ax.tick_params(labelsize=9)
    ax.set_xlabel(f"{v.label} ({v.satuan})", fontsize=10)
    ax.set_ylabel("Banyaknya kabupaten/kota", fontsize=10)
    judul = f"{v.label} {TAHUN}\n35 kabupaten/kota Jawa Tengah"
    ax.set_title(judul + (" + 1 nilai buatan" if buatan is not None else ""), fontsize=11)
    fig.legend(loc="outside lower center", fontsize=9, ncol=1, frameon=False)
    ax.spines[["top", "right"]].set_visible(False)
    kalimat = (
        f"Diagram titik {v.label} {TAHUN} untuk 35 kabupaten/kota Jawa Tengah, satu titik satu "
        f"wilayah (ditumpuk per {format_angka(v.lebar, 1 if v.lebar < 1 else 0)}): rata-rata "
        f"{fmt(awal['rata_rata'], v)}, median {fmt(awal['median'], v)}, Kota Pekalongan (ungu) "
        f"{fmt(nilai_kota_kita(tabel, v), v)}."
    )
    if buatan is not None:
        kalimat += (
            f" Dengan satu nilai buatan {format_angka(buatan)} (merah, bukan data), rata-rata "
            f"menjadi {fmt(akhir['rata_rata'], v)} sedangkan median "
            f"{fmt(akhir['median'], v)}."
        )
    return html_grafik(fig, alt=kalimat, keterangan=kalimat, sumber=SUMBER)


# --- the class's own data ----------------------------------------------------------------


def pusat_kelas(nilai, lebar: float) -> dict:
    """Mean, median and mode of a class's answers to one number question. The mode is taken
    of the values rounded to `lebar` (the dot plot's stacks: its tallest stack), since
    heights to 0,1 cm rarely repeat exactly.

    >>> r = pusat_kelas([150.2, 150.4, 155.0, 161.0, 149.6], 1.0)
    >>> r["modus"], r["kali_modus"], round(r["rata_rata"], 2), r["median"]
    ([150.0], 3, 153.24, 150.4)
    """
    nilai = [float(x) for x in nilai]
    paling, kali = modus([bulatkan(x, lebar) for x in nilai])
    return {
        "n": len(nilai),
        "rata_rata": rata_rata(nilai),
        "median": median(nilai),
        "modus": paling,
        "kali_modus": kali,
    }


def _angka_kelas(nilai: float, desimal: int = 1) -> str:
    """A class value: 156,5 (whole numbers without a comma)."""
    return format_angka(nilai, 0 if float(nilai).is_integer() else desimal)


def kalimat_modus(r: dict, satuan: str) -> str:
    """The mode in words; with every stack of one student there is no mode to speak of."""
    if r["kali_modus"] < 2:
        return "tidak ada modus: setiap nilai (dibulatkan) hanya muncul sekali"
    if len(r["modus"]) > 3:
        return f"{len(r['modus'])} nilai sama-sama paling sering ({r['kali_modus']} siswa)"
    daftar = " dan ".join(f"{_angka_kelas(m)} {satuan}" for m in r["modus"])
    return f"modus {daftar} ({r['kali_modus']} siswa)"


@disimpan
def grafik_titik_kelas(kelas: DataKelas, kunci: str) -> str:
    """Dot plot of one number question for the class (one anonymous dot per student), with
    mean and median lines."""
    nilai = jawaban_angka(kelas)[kunci].dropna().astype(float).tolist()
    lebar = LEBAR_TITIK[kunci]
    r = pusat_kelas(nilai, lebar)
    titik = tumpukan_titik(nilai, lebar)
    fig = gambar_baru(4.6, 4.0)
    ax = fig.add_subplot()
    ax.scatter(
        [x for x, _ in titik],
        [y for _, y in titik],
        s=40,
        color=WARNA_LAIN,
        edgecolor="#5b7382",
        linewidth=0.6,
        zorder=3,
    )
    ax.axvline(
        r["rata_rata"], color=WARNA_UTAMA, lw=2, label=f"rata-rata {fmt_kelas(r, 'rata_rata')}"
    )
    ax.axvline(
        r["median"], color=WARNA_SOROT, lw=2, ls="--", label=f"median {fmt_kelas(r, 'median')}"
    )
    ax.set_ylim(0, max(y for _, y in titik) + 1.5)
    ax.margins(x=0.08)
    ax.yaxis.set_major_locator(MaxNLocator(integer=True))
    ax.xaxis.set_major_locator(MaxNLocator(nbins=6, integer=lebar >= 1))
    ax.xaxis.set_major_formatter(FuncFormatter(lambda x, _: _angka_kelas(x)))
    ax.tick_params(labelsize=9)
    ax.set_xlabel(nama_angka(kunci), fontsize=10)
    ax.set_ylabel("Banyaknya siswa", fontsize=10)
    ax.set_title(f"{nama_angka(kunci)}\n{kelas.judul}, {r['n']} siswa", fontsize=11)
    ax.legend(loc="upper center", bbox_to_anchor=(0.5, -0.2), fontsize=9, ncol=2, frameon=False)
    ax.spines[["top", "right"]].set_visible(False)
    satuan = PER_KUNCI[kunci].satuan
    kalimat = (
        f"Diagram titik {nama_angka(kunci)} {kelas.judul}, satu titik satu siswa (ditumpuk per "
        f"{_angka_kelas(lebar)} {satuan}): rata-rata {fmt_kelas(r, 'rata_rata')} {satuan}, "
        f"median {fmt_kelas(r, 'median')} {satuan}, {kalimat_modus(r, satuan)}."
    )
    return html_grafik(fig, alt=kalimat, keterangan=kalimat, sumber=kelas.sumber)


def fmt_kelas(r: dict, ukuran: str) -> str:
    """Mean and median of class answers to two decimals (a mean of heights: 158,37)."""
    return format_angka(r[ukuran], 2)


class PemusatanKelas(Tampilan):
    """Data kelas kita: mean, median and mode of one number question of the class's Sensus
    Kelas (the class picked by its code, or the simulated class labelled "simulasi")."""

    def __init__(self, path=None):
        self.variabel = pilih_pertanyaan("Pertanyaan", "tinggi_cm")
        self.pemilih = PemilihKelas(self._on_change, path)
        self.ringkasan = ipw.HTML()
        self.grafik = ipw.HTML()
        self.widget = ipw.VBox(
            [
                self.pemilih.status,
                self.kendali(self.variabel),
                self.ringkasan,
                self.grafik,
                self.pemilih.kontrol,
            ],
            layout=ipw.Layout(width="100%"),
        )
        self._update()

    def _update(self) -> None:
        kelas, kunci = self.pemilih.data, self.variabel.value
        nilai = jawaban_angka(kelas)[kunci].dropna()
        if len(nilai) < MIN_KELOMPOK:  # the status line says why nothing is shown
            self.ringkasan.value = self.grafik.value = ""
            self.hasil = None
            return
        self.hasil = r = pusat_kelas(nilai, LEBAR_TITIK[kunci])
        satuan = PER_KUNCI[kunci].satuan
        self.ringkasan.value = (
            f"<p class='literasi-ringkasan'>{escape(kelas.judul)}, {r['n']} siswa: "
            f"<b>rata-rata {fmt_kelas(r, 'rata_rata')} {escape(satuan)}</b>, "
            f"<b>median {fmt_kelas(r, 'median')} {escape(satuan)}</b>, "
            f"{escape(kalimat_modus(r, satuan))}.</p>"
        )
        self.grafik.value = grafik_titik_kelas(kelas, kunci)
