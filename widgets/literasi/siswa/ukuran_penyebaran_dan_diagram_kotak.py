"""Lesson 04: measures of spread and the box plot, kabupaten against kota in Jawa Tengah.

Range, quartiles and interquartile range of IPM 2024 (and two components) for 29 kabupaten and
6 kota; box plot, histogram or dot plot of the same variable.

Quartiles use linear interpolation (numpy's and pandas' default, the same as QUARTILE.INC in
a spreadsheet). Indonesian schoolbooks use the position Qᵢ = i(n+1)/4 (`kuartil_letak`), and many
books the median of each half (`kuartil_separuh`). The app shows all three, says which one its
table uses, and an answer from any of them gets feedback naming its method.
"""

from __future__ import annotations

from html import escape

import ipywidgets as ipw
import numpy as np
import pandas as pd
from matplotlib.ticker import FuncFormatter, MaxNLocator

from literasi.data import load_dataset
from literasi.format import format_angka
from literasi.grafik import WARNA_LAIN, WARNA_PEKALONGAN, WARNA_UTAMA, gambar_baru, html_grafik
from literasi.kelas.data_kelas import (
    GABUNGAN,
    MIN_KELOMPOK,
    DataKelas,
    jawaban_angka,
    nilai_per_kelompok,
    pesan_kelompok,
)
from literasi.kelas.kuesioner import PER_KUNCI
from literasi.kelas.pemilih_kelas import PemilihKelas, nama_angka, pilih_pertanyaan
from literasi.siswa.ukuran_pemusatan import (
    KOTA_KITA,
    NAMA_DATA,
    SUMBER,
    TAHUN,
    VARIABEL,
    Variabel,
    fmt,
    median,
    tabel_tahun,
    tumpukan_titik,
)
from literasi.soal import Alternatif, SoalAngka, SoalBanyak, SoalPilihan, SoalTebak
from literasi.tampilan import Tampilan
from literasi.tembolok_grafik import disimpan

KELOMPOK = ("Kabupaten", "Kota")
JENIS = ("Diagram kotak", "Histogram", "Diagram titik")
WARNA_KELOMPOK = {"Kabupaten": WARNA_LAIN, "Kota": WARNA_UTAMA}
METODE = (
    "Kuartil di tabel ini dihitung dengan interpolasi linear: cara bawaan numpy dan pandas, "
    "sama dengan QUARTILE.INC di spreadsheet. Buku pelajaran memakai cara lain, misalnya letak "
    "Qᵢ = i(n+1)/4 atau median separuh data bawah dan separuh data atas, jadi hasilnya bisa "
    "sedikit berbeda. Semuanya sah: sebut cara yang kamu pakai. Kumis diagram kotak sampai "
    "nilai terkecil dan terbesar."
)
CARA_KUARTIL = {
    "interpolasi": "interpolasi linear (tabel aplikasi)",
    "letak": "letak Qᵢ = i(n+1)/4",
    "separuh": "median separuh data",
}


# --- pure computations -------------------------------------------------------------------


def kelompok(nama: str) -> str:
    """ "Kabupaten" or "Kota", from the official name.

    >>> kelompok("Kabupaten Pekalongan"), kelompok("Kota Pekalongan")
    ('Kabupaten', 'Kota')
    """
    for k in KELOMPOK:
        if nama.startswith(k + " "):
            return k
    raise ValueError(f"bukan nama kabupaten/kota: {nama!r}")


def tabel_kelompok(data: pd.DataFrame, tahun: int = TAHUN) -> pd.DataFrame:
    """The 35 kab/kota of one year with their group (29 kabupaten, 6 kota in Jawa Tengah)."""
    tabel = tabel_tahun(data, tahun)
    tabel["kelompok"] = tabel["nama"].map(kelompok)
    return tabel


def kuartil(nilai) -> tuple[float, float, float]:
    """Q1, Q2 (median) and Q3 by linear interpolation (numpy/pandas default).

    >>> kuartil([1, 2, 3, 4])
    (1.75, 2.5, 3.25)
    """
    q1, q2, q3 = np.percentile(np.asarray(nilai, dtype=float), [25, 50, 75], method="linear")
    return float(q1), float(q2), float(q3)


def kuartil_separuh(nilai) -> tuple[float, float, float]:
    """Q1, Q2, Q3 the way many textbooks do it: medians of the lower and upper half
    (with an odd count the median itself belongs to neither half).

    >>> kuartil_separuh([1, 2, 3, 4])
    (1.5, 2.5, 3.5)
    >>> kuartil_separuh([1, 2, 3, 4, 5])
    (1.5, 3, 4.5)
    """
    urut = sorted(nilai)
    separuh = len(urut) // 2
    return median(urut[:separuh]), median(urut), median(urut[-separuh:])


def kuartil_letak(nilai) -> tuple[float, float, float]:
    """Q1, Q2, Q3 the way Indonesian schoolbooks do it: Qᵢ lies at position i(n+1)/4 of the
    sorted data (1 = the smallest); a position between two values takes the part of the gap.

    >>> kuartil_letak([1, 2, 3, 4])
    (1.25, 2.5, 3.75)
    >>> kuartil_letak([1, 2, 3, 4, 5, 6, 7])
    (2.0, 4.0, 6.0)
    """
    urut = sorted(float(x) for x in nilai)
    n = len(urut)

    def di_letak(letak: float) -> float:
        letak = min(max(letak, 1.0), float(n))  # outside the data: the nearest end
        bawah = int(letak)
        if bawah >= n:
            return urut[-1]
        return urut[bawah - 1] + (letak - bawah) * (urut[bawah] - urut[bawah - 1])

    q1, q2, q3 = (di_letak(i * (n + 1) / 4) for i in (1, 2, 3))
    return q1, q2, q3


def iqr_semua_cara(nilai) -> dict[str, float]:
    """The IQR by each method in CARA_KUARTIL."""
    hasil = {}
    for cara, fungsi in (
        ("interpolasi", kuartil),
        ("letak", kuartil_letak),
        ("separuh", kuartil_separuh),
    ):
        q1, _, q3 = fungsi(nilai)
        hasil[cara] = float(q3 - q1)
    return hasil


def jangkauan(nilai) -> float:
    """Largest minus smallest.

    >>> jangkauan([3, 9, 4])
    6
    """
    return max(nilai) - min(nilai)


def lima_angka(nilai) -> dict[str, float]:
    """Five-number summary plus range and IQR (what a box plot draws)."""
    q1, q2, q3 = kuartil(nilai)
    return {
        "n": len(nilai),
        "terkecil": float(min(nilai)),
        "q1": q1,
        "median": q2,
        "q3": q3,
        "terbesar": float(max(nilai)),
        "jangkauan": float(jangkauan(nilai)),
        "iqr": q3 - q1,
    }


def ringkasan_kelompok(tabel: pd.DataFrame, v: Variabel) -> dict[str, dict[str, float]]:
    """`lima_angka` for each group."""
    return {k: lima_angka(tabel.loc[tabel["kelompok"] == k, v.kolom].tolist()) for k in KELOMPOK}


def nilai_kelompok(tabel: pd.DataFrame, v: Variabel, k: str) -> list[float]:
    return tabel.loc[tabel["kelompok"] == k, v.kolom].tolist()


# --- exercises ---------------------------------------------------------------------------


def daftar_soal(tabel: pd.DataFrame) -> list:
    """The five exercises in page order; every answer is computed from the table."""
    ipm = VARIABEL["IPM"]
    kab, kota = (nilai_kelompok(tabel, ipm, k) for k in KELOMPOK)
    kab_s, kota_s = lima_angka(kab), lima_angka(kota)
    terendah = min(kota)
    nama_terendah = tabel.loc[tabel[ipm.kolom] == terendah, "nama"]
    nama_kota_terendah = next(n for n in nama_terendah if n.startswith("Kota "))
    di_bawah = sum(x < terendah for x in kab)
    sama = [n for n in nama_terendah if n.startswith("Kabupaten ")]
    daftar_kota = "; ".join(
        f"{n.removeprefix('Kota ')} {format_angka(x, 2)}"
        for n, x in sorted(
            zip(
                tabel.loc[tabel["kelompok"] == "Kota", "nama"],
                kota,
                strict=True,
            )
        )
    )
    # Short labels: a checkbox label must fit a 360 px phone on one line.
    pernyataan = {
        "Median: kota > kabupaten": kota_s["median"] > kab_s["median"],
        "Jangkauan: kabupaten > kota": kab_s["jangkauan"] > kota_s["jangkauan"],
        "IQR: kabupaten > kota": kab_s["iqr"] > kota_s["iqr"],
        "Semua kota > semua kabupaten": min(kota) > max(kab),
    }
    tertinggi_kab = tabel.loc[tabel[ipm.kolom] == max(kab), "nama"].iloc[0]
    return [
        SoalTebak(
            pertanyaan=(
                f"IPM {TAHUN} terendah di antara 6 kota adalah {nama_kota_terendah} "
                f"({format_angka(terendah, 2)}). Tebak: berapa persen dari {len(kab)} kabupaten "
                f"yang IPM-nya lebih rendah dari {format_angka(terendah, 2)}?"
            ),
            jawaban=100 * di_bawah / len(kab),
            persen=True,
            desimal=1,
            penjelasan=(
                f"{di_bawah} dari {len(kab)} kabupaten IPM-nya di bawah "
                f"{format_angka(terendah, 2)}"
                + (f" ({', '.join(sama)} sama persis)" if sama else "")
                + ". Di diagram kotak, hampir seluruh kotak kabupaten ada di sebelah kiri kotak "
                "kota."
            ),
        ),
        SoalAngka(
            pertanyaan=(
                f"IPM {TAHUN} enam kota: {daftar_kota}. Berapa jangkauan IPM keenam kota itu?"
            ),
            jawaban=kota_s["jangkauan"],
            desimal=2,
            toleransi=0.001,
            petunjuk=[
                "Jangkauan = nilai terbesar − nilai terkecil.",
                "Cari IPM kota yang terbesar dan yang terkecil dari daftar itu.",
            ],
            penjelasan=(
                f"{format_angka(kota_s['terbesar'], 2)} − {format_angka(kota_s['terkecil'], 2)}"
                f" = {format_angka(kota_s['jangkauan'], 2)} poin."
            ),
        ),
        SoalAngka(
            pertanyaan=(
                "Di Jelajahi, pilih Diagram kotak dan variabel IPM. Tabel di bawah diagram memberi "
                "Q1 dan Q3. Berapa jangkauan antarkuartil (IQR) IPM 29 kabupaten? (Kuartil yang "
                "kamu hitung sendiri dengan cara buku pelajaran juga diterima.)"
            ),
            jawaban=kab_s["iqr"],
            desimal=2,
            toleransi=0.002,
            petunjuk=[
                "IQR = Q3 − Q1: lebar kotak pada diagram kotak.",
                "Baca baris Q1 dan Q3 di kolom Kabupaten (bukan Kota).",
                "Menghitung sendiri dengan cara lain memberi hasil lain (lihat bagian Cara "
                "menghitung kuartil): sebut cara yang kamu pakai.",
            ],
            penjelasan=(
                f"Q3 − Q1 = {format_angka(kab_s['q3'], 2)} − {format_angka(kab_s['q1'], 2)} = "
                f"{format_angka(kab_s['iqr'], 2)} poin (interpolasi linear, cara tabel "
                "aplikasi): separuh kabupaten yang di tengah ada di rentang selebar itu."
            ),
            alternatif=alternatif_iqr(kab, kab_s["iqr"]),
        ),
        SoalBanyak(
            pertanyaan=(
                f"Lihat diagram kotak dan tabel IPM {TAHUN}. Centang semua pernyataan yang benar "
                "(tanda > berarti “lebih besar daripada”)."
            ),
            pilihan=list(pernyataan),
            jawaban=[p for p, benar in pernyataan.items() if benar],
            petunjuk=[
                "Jangkauan = terbesar − terkecil (panjang kumis ke kumis); IQR = Q3 − Q1 (lebar "
                "kotak).",
                f"Bandingkan IPM {tertinggi_kab} dengan IPM kota yang terendah.",
            ],
            penjelasan=(
                f"Jangkauan kabupaten {format_angka(kab_s['jangkauan'], 2)} > kota "
                f"{format_angka(kota_s['jangkauan'], 2)}, tetapi IQR kabupaten "
                f"{format_angka(kab_s['iqr'], 2)} < kota {format_angka(kota_s['iqr'], 2)}: "
                "jangkauan dan IQR bisa memberi kesimpulan berbeda. "
                f"{tertinggi_kab} ({format_angka(max(kab), 2)}) lebih tinggi dari "
                f"{nama_kota_terendah} ({format_angka(terendah, 2)})."
            ),
        ),
        SoalPilihan(
            pertanyaan=(
                "Kamu ingin menunjukkan IPM keenam kota satu per satu, supaya temanmu melihat "
                "kota mana yang nilainya berdempetan. Diagram mana yang paling cocok?"
            ),
            pilihan=list(JENIS),
            jawaban="Diagram titik",
            tampilan="tombol",
            penjelasan=(
                "Dengan data sedikit, diagram titik menunjukkan setiap nilai. Diagram kotak "
                "dan histogram meringkas data, cocok untuk data yang banyak atau untuk "
                "membandingkan kelompok."
            ),
            petunjuk=[
                "Di Jelajahi, ganti jenis diagram dan lihat bagian Kota: mana yang "
                "menunjukkan enam titik?"
            ],
            umpan_balik={
                "Diagram kotak": (
                    f"Diagram kotak meringkas {len(kota)} nilai menjadi lima angka; nilai "
                    "setiap kota tidak tampak."
                ),
                "Histogram": (
                    "Histogram mengelompokkan nilai ke dalam kelas; dengan 6 data, banyak kelas "
                    "kosong dan nilai persisnya hilang."
                ),
            },
        ),
    ]


def alternatif_iqr(nilai, iqr_tabel: float) -> list[Alternatif]:
    """The IQR by the textbook methods, each accepted with feedback naming its method (methods
    that agree share one message); the app's own method is the question's answer."""
    per_nilai: dict[float, list[str]] = {}
    for cara, iqr in iqr_semua_cara(nilai).items():
        if cara != "interpolasi" and round(iqr, 2) != round(iqr_tabel, 2):
            per_nilai.setdefault(round(iqr, 4), []).append(CARA_KUARTIL[cara])
    return [
        Alternatif(
            iqr,
            f"Menurut cara {' dan cara '.join(cara)}, IQR = {format_angka(iqr, 2)}. Tabel "
            f"aplikasi memakai interpolasi linear (IQR {format_angka(iqr_tabel, 2)}). Keduanya "
            "sah: sebut cara yang kamu pakai, dan jangan membandingkan kuartil dari cara yang "
            "berbeda.",
            benar=True,
        )
        for iqr, cara in per_nilai.items()
    ]


def semua_soal() -> list:
    """The lesson's exercises in page order, from the shipped data (answer key, tests)."""
    return daftar_soal(tabel_kelompok(load_dataset(NAMA_DATA)))


# --- the view ----------------------------------------------------------------------------


class PenyebaranKabKota(Tampilan):
    """Choose a chart type and a variable; compare kabupaten and kota with the same data."""

    def __init__(self, data: pd.DataFrame):
        self.tabel = tabel_kelompok(data)
        self.jenis = ipw.ToggleButtons(
            options=list(JENIS),
            value=JENIS[0],
            description="Jenis diagram",
            tooltips=[
                "Lima angka: terkecil, Q1, median, Q3, terbesar",
                "Banyaknya wilayah per kelas nilai",
                "Satu titik satu wilayah",
            ],
            style={"description_width": "initial", "button_width": "auto"},
            layout=ipw.Layout(flex="1 1 300px"),
        )
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
        self.ringkasan = ipw.HTML()
        self.grafik = ipw.HTML()
        self.tabel_html = ipw.HTML()
        self.catatan = ipw.HTML(f"<p class='literasi-kecil'>{escape(METODE)}</p>")
        kontrol = self.kendali(self.jenis, self.variabel)
        self.widget = ipw.VBox(
            [kontrol, self.grafik, self.ringkasan, self.tabel_html, self.catatan],
            layout=ipw.Layout(width="100%"),
        )
        self._update()

    @classmethod
    def from_dataset(cls) -> PenyebaranKabKota:
        return cls(load_dataset(NAMA_DATA))

    def _update(self) -> None:
        v = VARIABEL[self.variabel.value]
        r = ringkasan_kelompok(self.tabel, v)
        kab, kota = r["Kabupaten"], r["Kota"]
        self.ringkasan.value = (
            f"<p class='literasi-ringkasan' style='font-size:1.05em'>{escape(v.label)} {TAHUN}: "
            f"median <b>kabupaten {fmt(kab['median'], v)}</b>, <b>kota "
            f"{fmt(kota['median'], v)}</b>. IQR kabupaten {fmt(kab['iqr'], v)}, kota "
            f"{fmt(kota['iqr'], v)}; jangkauan kabupaten {fmt(kab['jangkauan'], v)}, kota "
            f"{fmt(kota['jangkauan'], v)} ({escape(v.satuan)}).</p>"
        )
        self.tabel_html.value = tabel_ringkasan_html(r, v)
        self.grafik.value = GAMBAR[self.jenis.value](self.tabel, v)


def tabel_ringkasan_html(r: dict[str, dict[str, float]], v: Variabel) -> str:
    """Five numbers, range and IQR per group: three columns fit a phone."""
    baris = [
        ("Terkecil", "terkecil"),
        ("Q1", "q1"),
        ("Median (Q2)", "median"),
        ("Q3", "q3"),
        ("Terbesar", "terbesar"),
        ("Jangkauan", "jangkauan"),
        ("IQR (Q3 − Q1)", "iqr"),
    ]
    isi = "".join(
        f"<tr><th scope='row' style='text-align:left'>{label}</th>"
        + "".join(f"<td style='text-align:right'>{fmt(r[k][kunci], v)}</td>" for k in KELOMPOK)
        + "</tr>"
        for label, kunci in baris
    )
    kepala = "".join(f"<th scope='col'>{k} ({r[k]['n']})</th>" for k in KELOMPOK)
    return (
        "<div style='overflow-x:auto'><table class='literasi-tabel'>"
        f"<caption>{escape(v.label)} {TAHUN} ({escape(v.satuan)})</caption>"
        f"<thead><tr><th scope='col'>Ukuran</th>{kepala}</tr></thead><tbody>{isi}</tbody>"
        "</table></div>"
    )


def _kalimat(jenis: str, tabel: pd.DataFrame, v: Variabel) -> str:
    r = ringkasan_kelompok(tabel, v)
    kita = float(tabel.loc[tabel["nama"] == KOTA_KITA, v.kolom].iloc[0])
    return (
        f"{jenis} {v.label} {TAHUN}, {r['Kabupaten']['n']} kabupaten dan {r['Kota']['n']} kota "
        f"Jawa Tengah: median kabupaten {fmt(r['Kabupaten']['median'], v)}, kota "
        f"{fmt(r['Kota']['median'], v)}; IQR kabupaten {fmt(r['Kabupaten']['iqr'], v)}, kota "
        f"{fmt(r['Kota']['iqr'], v)}; jangkauan kabupaten {fmt(r['Kabupaten']['jangkauan'], v)}"
        f", kota {fmt(r['Kota']['jangkauan'], v)}. Kota Pekalongan (ungu) {fmt(kita, v)}."
    )


def _sumbu_x(ax, v: Variabel) -> None:
    ax.xaxis.set_major_locator(MaxNLocator(nbins=6, steps=[1, 2, 2.5, 5, 10]))
    ax.xaxis.set_major_formatter(
        FuncFormatter(lambda x, _: format_angka(x, 0 if float(x).is_integer() else 1))
    )
    ax.tick_params(labelsize=9)
    ax.spines[["top", "right"]].set_visible(False)


@disimpan
def grafik_kotak(tabel: pd.DataFrame, v: Variabel) -> str:
    """Two horizontal box plots (whiskers to min and max) with Kota Pekalongan marked."""
    r = ringkasan_kelompok(tabel, v)
    fig = gambar_baru(4.6, 4.8)
    ax = fig.add_subplot()
    statistik = [
        {
            "label": f"{k}\n({r[k]['n']})",
            "whislo": r[k]["terkecil"],
            "q1": r[k]["q1"],
            "med": r[k]["median"],
            "q3": r[k]["q3"],
            "whishi": r[k]["terbesar"],
            "fliers": [],
        }
        for k in KELOMPOK
    ]
    kotak = ax.bxp(
        statistik,
        orientation="horizontal",
        widths=0.5,
        patch_artist=True,
        medianprops={"color": "#14303d", "linewidth": 2},
    )
    for patch, k in zip(kotak["boxes"], KELOMPOK, strict=True):
        patch.set_facecolor(WARNA_KELOMPOK[k])
        patch.set_alpha(0.8)
    kita = float(tabel.loc[tabel["nama"] == KOTA_KITA, v.kolom].iloc[0])
    ax.scatter([kita], [2], s=60, color=WARNA_PEKALONGAN, zorder=4, label=KOTA_KITA)
    fig.legend(loc="outside lower center", fontsize=9, frameon=False)
    _sumbu_x(ax, v)
    ax.tick_params(axis="y", labelsize=10)
    ax.set_xlabel(f"{v.label} ({v.satuan})", fontsize=10)
    ax.set_title(f"Diagram kotak {v.label} {TAHUN}\nkabupaten dan kota Jawa Tengah", fontsize=11)
    kalimat = _kalimat("Diagram kotak", tabel, v)
    return html_grafik(fig, alt=kalimat, keterangan=kalimat, sumber=SUMBER)


def _dua_panel(v: Variabel, judul: str):
    fig = gambar_baru(4.6, 4.6)
    # Same x and y scales in both panels: the groups are compared honestly (29 vs 6 regions).
    atas, bawah = fig.subplots(2, 1, sharex=True, sharey=True)
    fig.suptitle(f"{judul} {v.label} {TAHUN}\nkabupaten dan kota Jawa Tengah", fontsize=11)
    for ax in (atas, bawah):
        _sumbu_x(ax, v)
        ax.yaxis.set_major_locator(MaxNLocator(nbins=5, integer=True))
    bawah.set_xlabel(f"{v.label} ({v.satuan})", fontsize=10)
    return fig, (atas, bawah)


@disimpan
def grafik_histogram(tabel: pd.DataFrame, v: Variabel) -> str:
    """Two histograms, one per group, with the same classes so they can be compared."""
    semua = tabel[v.kolom].to_numpy(dtype=float)
    lebar = 2 * v.lebar
    tepi = np.arange(np.floor(semua.min() / lebar) * lebar, semua.max() + lebar, lebar)
    fig, panel = _dua_panel(v, "Histogram")
    for ax, k in zip(panel, KELOMPOK, strict=True):
        nilai = nilai_kelompok(tabel, v, k)
        ax.hist(nilai, bins=tepi, color=WARNA_KELOMPOK[k], edgecolor="white")
        ax.set_ylabel(f"{k}\n(banyaknya)", fontsize=9)
    kita = float(tabel.loc[tabel["nama"] == KOTA_KITA, v.kolom].iloc[0])
    panel[1].axvline(kita, color=WARNA_PEKALONGAN, lw=2, ls=":", label=KOTA_KITA)
    panel[1].legend(loc="upper left", fontsize=8, frameon=False)
    kalimat = _kalimat("Histogram", tabel, v) + (
        f" Lebar setiap kelas {format_angka(lebar, 0 if lebar >= 1 else 1)}."
    )
    return html_grafik(fig, alt=kalimat, keterangan=kalimat, sumber=SUMBER)


@disimpan
def grafik_titik_kelompok(tabel: pd.DataFrame, v: Variabel) -> str:
    """Two stacked dot plots, one dot per kab/kota, Kota Pekalongan in purple."""
    fig, panel = _dua_panel(v, "Diagram titik")
    for ax, k in zip(panel, KELOMPOK, strict=True):
        bagian = tabel[tabel["kelompok"] == k]
        titik = tumpukan_titik(bagian[v.kolom].tolist(), v.lebar)
        warna = [WARNA_PEKALONGAN if n == KOTA_KITA else WARNA_KELOMPOK[k] for n in bagian["nama"]]
        ax.scatter(
            [x for x, _ in titik],
            [y for _, y in titik],
            s=40,
            c=warna,
            edgecolor="#14303d",
            linewidth=0.5,
        )
        ax.set_ylabel(f"{k}\n(banyaknya)", fontsize=9)
    panel[0].set_ylim(0, None)
    panel[1].scatter([], [], s=40, color=WARNA_PEKALONGAN, label=KOTA_KITA)
    panel[1].legend(loc="upper left", fontsize=8, frameon=False)
    kalimat = _kalimat("Diagram titik", tabel, v) + (
        f" Setiap titik satu wilayah, ditumpuk per "
        f"{format_angka(v.lebar, 0 if v.lebar >= 1 else 1)}."
    )
    return html_grafik(fig, alt=kalimat, keterangan=kalimat, sumber=SUMBER)


GAMBAR = {
    "Diagram kotak": grafik_kotak,
    "Histogram": grafik_histogram,
    "Diagram titik": grafik_titik_kelompok,
}


# --- the class's own data ----------------------------------------------------------------

SEMUA_SISWA = "semua siswa"


def ringkasan_kelas(kelas: DataKelas, angka: str, kelompok: str) -> dict[str, dict[str, float]]:
    """`lima_angka` of one number question for the whole class and for each group of one
    choice question (groups of at least 5 students, data_kelas.nilai_per_kelompok); only the
    whole class when the question cannot group it. Empty for a class under 5 students."""
    semua = jawaban_angka(kelas)[angka].astype(float).dropna()  # empty under 5 students
    if len(semua) < MIN_KELOMPOK:
        return {}
    hasil = {SEMUA_SISWA: lima_angka(semua.tolist())}
    for k, nilai in nilai_per_kelompok(kelas, angka, kelompok).items():
        if len(nilai):
            hasil[k] = lima_angka(nilai.tolist())
    return hasil


def _angka(nilai: float) -> str:
    return format_angka(nilai, 0 if float(nilai).is_integer() else 1)


def tabel_kelas_html(r: dict[str, dict[str, float]], judul: str) -> str:
    """One row per group (a class may have six groups: rows fit a phone, columns would not)."""
    kolom = [("Q1", "q1"), ("Median", "median"), ("Q3", "q3"), ("IQR", "iqr")]
    kepala = "".join(f"<th scope='col'>{label}</th>" for label, _ in kolom)
    isi = "".join(
        f"<tr><th scope='row' style='text-align:left'>{escape(k)} ({int(u['n'])})</th>"
        + "".join(
            f"<td style='text-align:right'>{format_angka(u[kunci], 1)}</td>" for _, kunci in kolom
        )
        + "</tr>"
        for k, u in r.items()
    )
    return (
        "<div style='overflow-x:auto'><table class='literasi-tabel'>"
        f"<caption>{escape(judul)}</caption>"
        f"<thead><tr><th scope='col'>Kelompok (siswa)</th>{kepala}</tr></thead>"
        f"<tbody>{isi}</tbody></table></div>"
    )


@disimpan
def grafik_kotak_kelas(kelas: DataKelas, angka: str, kelompok: str) -> str:
    """Horizontal box plots (whiskers to min and max) of the whole class and of each group."""
    r = ringkasan_kelas(kelas, angka, kelompok)
    nama_kelompok = PER_KUNCI[kelompok].nama
    fig = gambar_baru(4.6, 1.6 + 0.55 * len(r))
    ax = fig.add_subplot()
    urut = list(r)[::-1]  # the whole class on top
    ax.bxp(
        [
            {
                "label": f"{k}\n({int(r[k]['n'])})",
                "whislo": r[k]["terkecil"],
                "q1": r[k]["q1"],
                "med": r[k]["median"],
                "q3": r[k]["q3"],
                "whishi": r[k]["terbesar"],
                "fliers": [],
            }
            for k in urut
        ],
        orientation="horizontal",
        widths=0.5,
        patch_artist=True,
        medianprops={"color": "#14303d", "linewidth": 2},
        boxprops={"facecolor": WARNA_UTAMA, "alpha": 0.8},
    )
    ax.xaxis.set_major_locator(MaxNLocator(nbins=6))
    ax.xaxis.set_major_formatter(FuncFormatter(lambda x, _: _angka(x)))
    ax.tick_params(labelsize=9)
    ax.spines[["top", "right"]].set_visible(False)
    ax.set_xlabel(nama_angka(angka), fontsize=10)
    ax.set_title(f"{nama_angka(angka)} menurut {nama_kelompok.lower()}\n{kelas.judul}", fontsize=11)
    satuan = PER_KUNCI[angka].satuan
    bagian = "; ".join(
        f"{k} ({int(u['n'])} siswa) median {_angka(u['median'])}, IQR {_angka(u['iqr'])}"
        for k, u in r.items()
    )
    kalimat = (
        f"Diagram kotak {nama_angka(angka)} {kelas.judul} menurut {nama_kelompok.lower()} "
        f"(dalam {satuan}): {bagian}."
    )
    return html_grafik(fig, alt=kalimat, keterangan=kalimat, sumber=kelas.sumber)


class PenyebaranKelas(Tampilan):
    """Data kelas kita: box plots of one number question of the class's Sensus Kelas, for
    the whole class and by the groups of one choice question (groups of at least 5 students;
    the screen says what was merged). The class is picked by its code, or the simulated
    class labelled "simulasi"."""

    def __init__(self, path=None):
        self.variabel = pilih_pertanyaan("Pertanyaan", "tinggi_cm")
        self.kelompok = pilih_pertanyaan("Kelompok", "sarapan", angka=False)
        self.pemilih = PemilihKelas(self._on_change, path)
        self.ringkasan = ipw.HTML()
        self.grafik = ipw.HTML()
        self.tabel_html = ipw.HTML()
        self.catatan = ipw.HTML()
        self.widget = ipw.VBox(
            [
                self.pemilih.status,
                self.kendali(self.variabel, self.kelompok),
                self.ringkasan,
                self.grafik,
                self.tabel_html,
                self.catatan,
                self.pemilih.kontrol,
            ],
            layout=ipw.Layout(width="100%"),
        )
        self._update()

    def _update(self) -> None:
        kelas, angka, kelompok = self.pemilih.data, self.variabel.value, self.kelompok.value
        r = ringkasan_kelas(kelas, angka, kelompok)
        self.hasil = r or None
        if not r:  # fewer than 5 answers: the status line says so
            self.ringkasan.value = self.grafik.value = self.tabel_html.value = ""
            self.catatan.value = ""
            return
        grup = [k for k in r if k != SEMUA_SISWA]
        satuan = PER_KUNCI[angka].satuan
        if grup:
            teks = "; ".join(
                f"<b>{escape(k)}</b> median {_angka(r[k]['median'])}, IQR {_angka(r[k]['iqr'])}"
                for k in grup
            )
            ringkas = f"Menurut {escape(PER_KUNCI[kelompok].nama.lower())}: {teks} ({satuan})."
        else:
            ringkas = "Pertanyaan ini belum bisa membagi kelas menjadi kelompok (lihat catatan)."
        s = r[SEMUA_SISWA]
        self.ringkasan.value = (
            f"<p class='literasi-ringkasan'>{escape(kelas.judul)}, {int(s['n'])} siswa: median "
            f"<b>{_angka(s['median'])} {escape(satuan)}</b>, IQR <b>{_angka(s['iqr'])}</b>, "
            f"jangkauan {_angka(s['jangkauan'])}. {ringkas}</p>"
        )
        self.grafik.value = grafik_kotak_kelas(kelas, angka, kelompok)
        self.tabel_html.value = tabel_kelas_html(r, f"{nama_angka(angka)}, {kelas.judul}")
        pesan = pesan_kelompok(kelas, kelompok)
        catatan = [pesan] if pesan else []
        catatan.append(
            f"Setiap kelompok yang tampil berisi minimal 5 siswa; “{GABUNGAN}” = jawaban yang "
            "dipilih kurang dari 5 siswa, digabung. Kuartil dihitung dengan interpolasi."
        )
        self.catatan.value = "".join(f"<p class='literasi-kecil'>{escape(c)}</p>" for c in catatan)
