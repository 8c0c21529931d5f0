"""Lesson 12: change over time — IPM, poverty, unemployment and life expectancy, 2020–2024/2025.

Kota Pekalongan against Jawa Tengah. The kit's copies of the BPS tables have no province row, so:
- poverty is compared with Jawa Tengah computed from the 35 kab/kota (`literasi.seri`: all poor
  people ÷ all the populations their rates imply), for the years with counts (2020–2024);
- IPM, TPT and life expectancy with the median of the 35 kab/kota: an IPM cannot be added up, and
  a combined TPT would need each kab/kota's labour force, which the kit does not have. Its index
  (2020 = 100) is the index of the median, not a median of indices.
TPT 2020–2025 comes from the panel; for 2020–2023 the Sakernas table gives the same numbers.
Life expectancy (UHH): for 2024 the panel differs from the IPM table in most kab/kota while
2020–2023 agree, which looks like BPS's revised series. The two are drawn apart, never joined.
"""

from __future__ import annotations

from dataclasses import dataclass
from html import escape

import ipywidgets as ipw
import numpy as np
import pandas as pd
from matplotlib.figure import Figure
from matplotlib.ticker import FuncFormatter

from literasi import seri
from literasi.data import KOTA_KITA, load_dataset
from literasi.format import format_angka, format_bertanda
from literasi.grafik import (
    WARNA_PEKALONGAN,
    WARNA_UTAMA,
    gambar_baru,
    html_gambar_kalimat,
)
from literasi.infografis import IsiPoster
from literasi.soal import SoalAngka, SoalPilihan, SoalTebak
from literasi.tampilan import Tampilan

KOLOM_UHH = "Usia Harapan Hidup saat Lahir (tahun)"
TAHUN_DASAR = 2020
NAMA_GABUNGAN = seri.JATENG_DIHITUNG
NAMA_MEDIAN = "Median 35 kab/kota Jateng"
TAMPILAN = ("Nilai", "Indeks 2020=100", "Perubahan tahunan")


@dataclass(frozen=True)
class Indikator:
    label: str
    singkat: str  # for an axis label on a phone
    satuan: str  # of the value
    satuan_ubah: str  # of a difference of two values
    desimal: int
    sumber: str


INDIKATOR = {
    "IPM": Indikator(
        "Indeks Pembangunan Manusia (IPM)",
        "IPM",
        "indeks",
        "poin",
        2,
        f"{seri.SUMBER_IPM} (metode baru)",
    ),
    "Penduduk miskin": Indikator(
        "Persentase penduduk miskin (Maret)",
        "Penduduk miskin",
        "%",
        "poin persen",
        2,
        f"{seri.SUMBER_KEMISKINAN}; {seri.SUMBER_JATENG}",
    ),
    "Pengangguran (TPT)": Indikator(
        "Tingkat pengangguran terbuka (TPT, Agustus)",
        "TPT",
        "%",
        "poin persen",
        2,
        f"{seri.SUMBER_TPT}, lewat tabel panel 2020–2025",
    ),
    "Usia harapan hidup": Indikator(
        "Usia harapan hidup saat lahir (UHH)",
        "UHH",
        "tahun",
        "tahun",
        2,
        "BPS Provinsi Jawa Tengah: seri lama dari tabel IPM (2020–2024), tampaknya seri baru dari "
        "tabel panel (2024–2025)",
    ),
}


@dataclass
class Deret:
    """One indicator over time: Kota Pekalongan and its comparison, plus a new series if any."""

    kota: pd.Series
    banding: pd.Series
    nama_banding: str
    kota_baru: pd.Series | None = None  # after a series break (UHH 2024–2025)
    banding_baru: pd.Series | None = None


# --- computations ------------------------------------------------------------------------


def uhh_panel(panel: pd.DataFrame) -> pd.DataFrame:
    """The panel's life expectancy 2024–2025 (the new series) as Wilayah, Tahun, UHH."""
    baru = panel[panel["tahun"] >= 2024][["kabupaten_kota", "tahun", "uhh"]]
    return baru.rename(columns={"kabupaten_kota": "Wilayah", "tahun": "Tahun", "uhh": KOLOM_UHH})


def semua_deret(ipm: pd.DataFrame, kemiskinan: pd.DataFrame, panel: pd.DataFrame) -> dict:
    """The four indicators as `Deret`, keyed like `INDIKATOR`. `kemiskinan`: `seri.kemiskinan`."""
    tpt, uhh_baru = seri.tpt(panel), uhh_panel(panel)
    return {
        "IPM": Deret(
            seri.per_tahun(ipm, seri.IPM),
            seri.median_per_tahun(ipm, seri.IPM),
            NAMA_MEDIAN,
        ),
        "Penduduk miskin": Deret(
            seri.per_tahun(kemiskinan, seri.PERSEN),
            seri.kemiskinan_jateng(kemiskinan),
            NAMA_GABUNGAN,
        ),
        "Pengangguran (TPT)": Deret(
            seri.per_tahun(tpt, seri.TPT),
            seri.median_per_tahun(tpt, seri.TPT),
            NAMA_MEDIAN,
        ),
        "Usia harapan hidup": Deret(
            seri.per_tahun(ipm, KOLOM_UHH),
            seri.median_per_tahun(ipm, KOLOM_UHH),
            NAMA_MEDIAN,
            kota_baru=seri.per_tahun(uhh_baru, KOLOM_UHH),
            banding_baru=seri.median_per_tahun(uhh_baru, KOLOM_UHH),
        ),
    }


def baca_deret() -> dict:
    """`semua_deret` from the shipped data."""
    return semua_deret(
        load_dataset(seri.NAMA_IPM), seri.baca_kemiskinan(), load_dataset(seri.NAMA_PANEL)
    )


def indeks(seri: pd.Series, dasar: int = TAHUN_DASAR) -> pd.Series:
    """Index numbers: each value as a percentage of the base year's value (base = 100).

    >>> indeks(pd.Series({2020: 50.0, 2021: 55.0})).tolist()
    [100.0, 110.0]
    """
    return 100 * seri / seri[dasar]


def perubahan_tahunan(seri: pd.Series) -> pd.Series:
    """Change from the year before, labelled with the later year (2021 = 2021 − 2020).

    >>> perubahan_tahunan(pd.Series({2020: 7.0, 2021: 7.5, 2022: 7.0})).tolist()
    [0.5, -0.5]
    """
    return seri.diff().dropna()


def tahun_naik(seri: pd.Series) -> list[int]:
    """Years whose value is higher than the year before."""
    ubah = perubahan_tahunan(seri)
    return [int(t) for t in ubah.index[ubah > 0]]


def beda_seri_uhh(ipm: pd.DataFrame, panel: pd.DataFrame) -> dict:
    """How the panel's UHH for 2024 differs from the IPM table's, while 2020–2023 agree: the
    evidence that the panel carries BPS's revised series from 2024 (an inference, stated so)."""
    semua = ipm.merge(
        panel, left_on=["Wilayah", "Tahun"], right_on=["kabupaten_kota", "tahun"], validate="1:1"
    )
    beda = (semua["uhh"] - semua[KOLOM_UHH]).astype(float).abs() > 1e-9
    dulu = semua["Tahun"] < 2024
    gabung = semua[semua["Tahun"] == 2024].reset_index(drop=True)
    selisih = (gabung["uhh"] - gabung[KOLOM_UHH]).astype(float)
    besar = gabung.loc[selisih.abs().idxmax()]
    kota = gabung[gabung["Wilayah"] == KOTA_KITA].iloc[0]
    return {
        "baris": len(gabung),
        "berbeda": int((selisih.abs() > 1e-9).sum()),
        "baris_sebelumnya": int(dulu.sum()),
        "berbeda_sebelumnya": int((beda & dulu).sum()),
        "terbesar": str(besar["Wilayah"]),
        "terbesar_lama": float(besar[KOLOM_UHH]),
        "terbesar_baru": float(besar["uhh"]),
        "kota_lama": float(kota[KOLOM_UHH]),
        "kota_baru": float(kota["uhh"]),
    }


def sambungan_palsu(ipm: pd.DataFrame, panel: pd.DataFrame, wilayah: str) -> dict:
    """The 'jump' seen if old 2023 is joined to new 2024, against the old series' own change."""
    lama = seri.per_tahun(ipm, KOLOM_UHH, wilayah)
    baru = seri.per_tahun(uhh_panel(panel), KOLOM_UHH, wilayah)
    return {
        "lama_2023": lama[2023],
        "lama_2024": lama[2024],
        "baru_2024": baru[2024],
        "lompatan": baru[2024] - lama[2023],
        "sebenarnya": lama[2024] - lama[2023],
    }


def tabel_kota(deret: dict) -> pd.DataFrame:
    """Kota Pekalongan per year, one column per indicator (old and new UHH apart)."""
    uhh = deret["Usia harapan hidup"]
    kolom = {
        "IPM": deret["IPM"].kota,
        "Miskin (%)": deret["Penduduk miskin"].kota,
        "TPT (%)": deret["Pengangguran (TPT)"].kota,
        "UHH lama": uhh.kota,
        "UHH baru": uhh.kota_baru,
    }
    tabel = pd.DataFrame({k: v.astype(float) for k, v in kolom.items()})
    tabel.insert(0, "Tahun", [str(t) for t in tabel.index])
    return tabel.reset_index(drop=True).astype({k: "float64" for k in kolom})


def arah(nilai: float) -> str:
    return "naik" if nilai > 0 else "turun" if nilai < 0 else "tetap"


# --- exercises ---------------------------------------------------------------------------


def daftar_soal(deret: dict, ipm: pd.DataFrame, panel: pd.DataFrame) -> list:
    """Five exercises, answers computed from the data. Soal 1 (predict) comes before the view."""
    tpt = deret["Pengangguran (TPT)"].kota
    t_awal, t_akhir = int(tpt.index.min()), int(tpt.index.max())
    ipm_kota, ipm_med = deret["IPM"].kota, deret["IPM"].banding
    i_kota, i_med = indeks(ipm_kota)[2024], indeks(ipm_med)[2024]
    lebih_cepat = KOTA_KITA if i_kota > i_med else NAMA_MEDIAN
    lebih_tinggi_nilai = KOTA_KITA if ipm_kota[2024] > ipm_med[2024] else NAMA_MEDIAN
    miskin = deret["Penduduk miskin"].kota
    naik = tahun_naik(miskin)
    assert len(naik) == 1, "soal 3 expects exactly one year of rising poverty"
    ubah_miskin = perubahan_tahunan(miskin)
    brebes = sambungan_palsu(ipm, panel, "Kabupaten Brebes")
    return [
        SoalTebak(
            pertanyaan=(
                f"Tingkat pengangguran terbuka (TPT) Kota Pekalongan tahun {t_awal} adalah "
                f"{format_angka(tpt[t_awal], 2)}%: dari setiap 100 angkatan kerja, sekitar "
                f"{format_angka(tpt[t_awal])} menganggur. Tebak: berapa TPT tahun {t_akhir}?"
            ),
            jawaban=tpt[t_akhir],
            persen=True,
            desimal=2,
            penjelasan=(
                f"TPT turun {format_angka(tpt[t_awal] - tpt[t_akhir], 2)} poin persen dalam "
                f"{t_akhir - t_awal} tahun. Tahun {t_awal} adalah tahun pertama pandemi COVID-19; "
                "lihat grafiknya untuk melihat kapan turunnya paling besar."
            ),
        ),
        SoalAngka(
            pertanyaan=(
                f"IPM Kota Pekalongan {format_angka(ipm_kota[2020], 2)} (2020) dan "
                f"{format_angka(ipm_kota[2024], 2)} (2024). Hitung angka indeks IPM 2024 "
                "dengan 2020 = 100."
            ),
            jawaban=i_kota,
            desimal=1,
            toleransi=0.001,
            petunjuk=[
                "Indeks = nilai tahun itu ÷ nilai tahun dasar × 100.",
                f"Hitung {format_angka(ipm_kota[2024], 2)} ÷ {format_angka(ipm_kota[2020], 2)} "
                "× 100.",
                "Hasilnya sedikit di atas 100. Tulis dengan satu angka desimal.",
            ],
            penjelasan=(
                f"{format_angka(ipm_kota[2024], 2)} ÷ {format_angka(ipm_kota[2020], 2)} × 100 = "
                f"{format_angka(i_kota, 1)}. Artinya IPM 2024 sekitar "
                f"{format_angka(i_kota - 100, 1)}% lebih tinggi daripada 2020."
            ),
        ),
        SoalPilihan(
            pertanyaan=(
                "Pilih “Penduduk miskin” dan “Perubahan tahunan”. Pada tahun berapa persentase "
                "penduduk miskin Kota Pekalongan naik dibanding tahun sebelumnya?"
            ),
            pilihan=[str(int(t)) for t in ubah_miskin.index],
            jawaban=str(naik[0]),
            tampilan="tombol",
            penjelasan=(
                f"Hanya tahun {naik[0]} batangnya di atas nol: "
                f"{format_bertanda(ubah_miskin[naik[0]], 2, plus=True)} poin persen dari tahun "
                f"sebelumnya. Tahun-tahun lain turun."
            ),
            petunjuk=[
                "Batang di atas garis nol berarti naik, di bawah nol berarti turun.",
                "Lihat batang ungu (Kota Pekalongan).",
            ],
        ),
        SoalPilihan(
            pertanyaan=(
                "Pilih “IPM” dan “Indeks 2020=100”. Pada tahun 2024, indeks siapa yang lebih "
                "tinggi, artinya IPM-nya naik lebih cepat sejak 2020?"
            ),
            pilihan=[KOTA_KITA, NAMA_MEDIAN],
            jawaban=lebih_cepat,
            tampilan="tombol",
            penjelasan=(
                f"Indeks 2024: {KOTA_KITA} {format_angka(i_kota, 1)}, {NAMA_MEDIAN} "
                f"{format_angka(i_med, 1)}. Nilai IPM Kota Pekalongan lebih tinggi "
                f"({format_angka(ipm_kota[2024], 2)} lawan {format_angka(ipm_med[2024], 2)}), "
                "tetapi naiknya lebih lambat. Nilai dan laju adalah dua hal yang berbeda."
            ),
            petunjuk=[
                "Ganti tampilan ke “Indeks 2020=100”: semua garis mulai dari 100.",
                "Garis yang ujungnya (2024) lebih tinggi naik lebih cepat.",
            ],
            umpan_balik={
                lebih_tinggi_nilai: (
                    "Itu benar untuk nilai IPM-nya. Soal ini menanyakan indeks (laju kenaikan): "
                    "ganti tampilannya."
                ),
            },
        ),
        SoalAngka(
            pertanyaan=(
                f"Usia harapan hidup Kabupaten Brebes 2023 (seri lama): "
                f"{format_angka(brebes['lama_2023'], 2)} tahun. Sebuah tabel memakai seri baru "
                f"untuk 2024: {format_angka(brebes['baru_2024'], 2)} tahun. Jika kedua angka "
                "disambung, UHH Brebes seolah-olah naik berapa tahun dalam setahun?"
            ),
            jawaban=brebes["lompatan"],
            desimal=2,
            satuan="tahun",
            toleransi=0.01,
            petunjuk=[
                "Kurangkan: angka 2024 (seri baru) − angka 2023 (seri lama).",
                f"Hitung {format_angka(brebes['baru_2024'], 2)} − "
                f"{format_angka(brebes['lama_2023'], 2)}.",
            ],
            penjelasan=(
                f"{format_angka(brebes['baru_2024'], 2)} − {format_angka(brebes['lama_2023'], 2)} "
                f"= {format_angka(brebes['lompatan'], 2)} tahun. Menurut seri lama saja, 2023 → "
                f"2024 hanya naik {format_angka(brebes['sebenarnya'], 2)} tahun "
                f"({format_angka(brebes['lama_2023'], 2)} → "
                f"{format_angka(brebes['lama_2024'], 2)}). Lompatan itu tampaknya muncul karena "
                "cara menghitungnya berubah: untuk 2020–2023 kedua tabel sama persis, untuk 2024 "
                "berbeda di sebagian besar kabupaten/kota. Orang Brebes tidak tiba-tiba hidup "
                "lebih lama. Itulah sebabnya dua seri tidak boleh disambung."
            ),
        ),
    ]


def semua_soal() -> list:
    """The lesson's exercises in page order, from the shipped data (answer key, tests)."""
    ipm, panel = load_dataset(seri.NAMA_IPM), load_dataset(seri.NAMA_PANEL)
    return daftar_soal(semua_deret(ipm, seri.baca_kemiskinan(), panel), ipm, panel)


# --- the view ----------------------------------------------------------------------------


def gambar_perubahan(nama: str, ind: Indikator, d: Deret, mode: str) -> tuple[Figure, str]:
    """The chosen indicator for the city and its comparison: lines, an index or yearly changes."""
    fig = gambar_baru(3.8, 3.4)
    ax = fig.add_subplot()
    if mode == TAMPILAN[2]:
        kalimat = _batang(ax, ind, d)
    else:
        kalimat = _garis(ax, ind, d, indeks_2020=mode == TAMPILAN[1])
    ax.tick_params(labelsize=8)
    ax.spines[["top", "right"]].set_visible(False)
    # Legend under the chart: on a phone it never covers a line or a bar.
    fig.legend(loc="outside lower center", ncol=1, fontsize=8, frameon=False)
    return fig, kalimat


def _sumbu_tahun(ax, tahun) -> None:
    tahun = sorted(int(t) for t in tahun)
    ax.set_xticks(tahun, [str(t) for t in tahun])
    ax.set_xlim(tahun[0] - 0.5, tahun[-1] + 0.8)  # room for the end labels
    ax.set_xlabel("Tahun", fontsize=9)


def _garis(ax, ind: Indikator, d: Deret, indeks_2020: bool) -> str:
    ubah = indeks if indeks_2020 else (lambda s: s)
    pasangan = [(d.kota, KOTA_KITA, WARNA_PEKALONGAN), (d.banding, d.nama_banding, WARNA_UTAMA)]
    for deret, nama, warna in pasangan:
        y = ubah(deret)
        ax.plot(y.index, y.to_numpy(), marker="o", color=warna, label=nama)
        t1 = y.index.max()
        ax.annotate(
            format_angka(y[t1], 1 if indeks_2020 else ind.desimal),
            (t1, y[t1]),
            textcoords="offset points",
            xytext=(5, 0),
            ha="left",
            va="center",
            fontsize=8,
            color=warna,
            fontweight="bold",
        )
    tahun = set(d.kota.index)
    putus = ""
    if d.kota_baru is not None and not indeks_2020:
        for deret, warna in ((d.kota_baru, WARNA_PEKALONGAN), (d.banding_baru, WARNA_UTAMA)):
            ax.plot(
                deret.index,
                deret.to_numpy(),
                marker="o",
                markerfacecolor="white",
                linestyle="--",
                color=warna,
                label="seri baru" if warna == WARNA_UTAMA else None,
            )
        tahun |= set(d.kota_baru.index)
        mulai = int(d.kota_baru.index.min())
        ax.axvline(mulai, color="#4a5a64", linestyle=":", linewidth=1)
        ax.text(
            mulai,
            ax.get_ylim()[0],
            f"putus seri {mulai} ",
            fontsize=8,
            color="#4a5a64",
            va="bottom",
            ha="right",
        )
        putus = (
            f" Mulai {mulai} ada seri baru (garis putus-putus) yang tidak disambung ke seri "
            f"lama: {KOTA_KITA} {mulai} {format_angka(d.kota[mulai], 2)} (lama) dan "
            f"{format_angka(d.kota_baru[mulai], 2)} (baru)."
        )
    _sumbu_tahun(ax, tahun)
    if indeks_2020:
        ax.axhline(100, color="#4a5a64", linewidth=0.8)
        ax.set_ylabel(f"Indeks {ind.singkat} (2020 = 100)", fontsize=9)
        ax.set_title(f"{ind.label}\nindeks 2020 = 100", fontsize=9)
    else:
        ax.set_ylabel(f"{ind.singkat} ({ind.satuan})", fontsize=9)
        ax.set_title(ind.label, fontsize=9)
    ax.yaxis.set_major_formatter(FuncFormatter(lambda v, _: format_angka(v, 1)))
    t0, t1 = int(d.kota.index.min()), int(d.kota.index.max())
    if indeks_2020:
        tb = int(d.banding.index.max())
        median = " (indeks dari median)" if d.nama_banding == NAMA_MEDIAN else ""
        return (
            f"Grafik garis angka indeks (2020 = 100) {ind.label}, {t0}–{t1}: {KOTA_KITA} "
            f"(ungu) {format_angka(indeks(d.kota)[t1], 1)} pada {t1} dan {d.nama_banding}"
            f"{median} (biru) {format_angka(indeks(d.banding)[tb], 1)} pada {tb}."
        )
    return (
        f"Grafik garis {ind.label}, {t0}–{t1}: {KOTA_KITA} (ungu) {_ubah(ind, d.kota)}; "
        f"{d.nama_banding} (biru) {_ubah(ind, d.banding)}. Sumbu tegak tidak mulai dari "
        f"nol.{putus}"
    )


def _batang(ax, ind: Indikator, d: Deret) -> str:
    ubah_k = perubahan_tahunan(d.kota)
    # A year without a comparison (poverty 2025) gets no blue bar, not a shifted one.
    ubah_b = perubahan_tahunan(d.banding).reindex(ubah_k.index)
    tahun = [int(t) for t in ubah_k.index]
    lebar = 0.38
    x = np.array(tahun, dtype=float)
    ax.bar(x - lebar / 2, ubah_k.to_numpy(), lebar, color=WARNA_PEKALONGAN, label=KOTA_KITA)
    ax.bar(x + lebar / 2, ubah_b.to_numpy(), lebar, color=WARNA_UTAMA, label=d.nama_banding)
    baru = ""
    if d.kota_baru is not None:
        # 2024 → 2025 within the new series only; hatched so it is not read as the old one.
        bk, bb = perubahan_tahunan(d.kota_baru), perubahan_tahunan(d.banding_baru)
        for t in bk.index:
            ax.bar(
                t - lebar / 2,
                bk[t],
                lebar,
                color="white",
                edgecolor=WARNA_PEKALONGAN,
                hatch="///",
                label="seri baru",
            )
            ax.bar(t + lebar / 2, bb[t], lebar, color="white", edgecolor=WARNA_UTAMA, hatch="///")
            tahun.append(int(t))
        t = int(bk.index[0])
        baru = (
            f" {t} (arsir) dihitung di dalam seri baru saja: {KOTA_KITA} "
            f"{format_bertanda(bk[t], 2, plus=True)} tahun."
        )
    ax.axhline(0, color="#4a5a64", linewidth=0.8)
    _sumbu_tahun(ax, tahun)
    ax.set_xlabel("Tahun (dibanding tahun sebelumnya)", fontsize=9)
    ax.set_ylabel(f"Perubahan ({ind.satuan_ubah})", fontsize=9)
    ax.set_title(f"{ind.label}\nperubahan tahunan", fontsize=9)
    ax.yaxis.set_major_formatter(FuncFormatter(lambda v, _: format_bertanda(v, 2)))
    isi = ", ".join(
        f"{t} {format_bertanda(ubah_k[t], ind.desimal, plus=True)}" for t in ubah_k.index
    )
    return (
        f"Diagram batang perubahan tahunan {ind.label} ({ind.satuan_ubah}). {KOTA_KITA} "
        f"(ungu): {isi}. Biru: {d.nama_banding}.{baru}"
    )


def _ubah(ind: Indikator, deret: pd.Series) -> str:
    t0, t1 = int(deret.index.min()), int(deret.index.max())
    beda = deret[t1] - deret[t0]
    persen = "%" if ind.satuan == "%" else ""
    return (
        f"{format_angka(deret[t0], ind.desimal)}{persen} ({t0}) → "
        f"{format_angka(deret[t1], ind.desimal)}{persen} ({t1}), {arah(beda)} "
        f"{format_angka(abs(beda), ind.desimal)} {ind.satuan_ubah}"
    )


class PerubahanWaktu(Tampilan):
    """Choose an indicator and how to show it: values, index (2020 = 100), or annual change."""

    def __init__(self, deret: dict):
        self.deret = deret
        self.indikator = ipw.Dropdown(
            options=list(INDIKATOR),
            value="IPM",
            description="Indikator",
            style={"description_width": "initial"},
            # height auto: the template's 44-px select would be clipped by the 28-px default.
            layout=ipw.Layout(flex="1 1 240px", max_width="340px", height="auto"),
        )
        self.tampilan = ipw.ToggleButtons(
            options=list(TAMPILAN),
            value=TAMPILAN[0],
            description="Tampilkan",
            style={"description_width": "initial", "button_width": "auto"},
            layout=ipw.Layout(flex="1 1 300px"),
        )
        self.ringkasan = ipw.HTML()
        self.grafik = ipw.HTML()
        self.catatan = ipw.HTML()
        kontrol = self.kendali(self.indikator, self.tampilan)
        self.widget = ipw.VBox(
            [kontrol, self.grafik, self.ringkasan, self.catatan], layout=ipw.Layout(width="100%")
        )
        self._update()

    @classmethod
    def from_dataset(cls) -> PerubahanWaktu:
        return cls(baca_deret())

    def _update(self) -> None:
        nama = self.indikator.value
        ind, d = INDIKATOR[nama], self.deret[nama]
        mode = self.tampilan.value
        self.pesan_terakhir = self._kalimat(ind, d, mode)
        self.ringkasan.value = (
            f"<p class='literasi-ringkasan' style='font-size:1.05em'>"
            f"{escape(self.pesan_terakhir)}</p>"
        )
        self.argumen_grafik = (nama, ind, d, mode)  # for the poster: the chart on screen
        self.grafik.value = html_gambar_kalimat(gambar_perubahan, self.argumen_grafik, ind.sumber)
        self.catatan.value = self._catatan(d)

    # -- text --

    def _kalimat(self, ind: Indikator, d: Deret, mode: str) -> str:
        if mode == TAMPILAN[0]:
            teks = (
                f"{ind.label}. {KOTA_KITA}: {_ubah(ind, d.kota)}. "
                f"{d.nama_banding}: {_ubah(ind, d.banding)}."
            )
            if d.kota_baru is not None:
                teks += f" Seri baru {KOTA_KITA}: {_ubah(ind, d.kota_baru)}."
            return teks
        if mode == TAMPILAN[1]:
            t1 = int(min(d.kota.index.max(), d.banding.index.max()))  # the last year of both
            ik, ib = indeks(d.kota)[t1], indeks(d.banding)[t1]
            teks = (
                f"{ind.label}, indeks {t1} (2020 = 100): {KOTA_KITA} {format_angka(ik, 1)}, "
                f"{d.nama_banding} {format_angka(ib, 1)}. Artinya sejak 2020 {KOTA_KITA} "
                f"{arah(ik - 100)} {format_angka(abs(ik - 100), 1)}%, {d.nama_banding} "
                f"{arah(ib - 100)} {format_angka(abs(ib - 100), 1)}%."
            )
            if d.nama_banding == NAMA_MEDIAN:
                teks += (
                    " Garis biru adalah indeks dari median: median setiap tahun ÷ median 2020 × "
                    "100 (bukan median dari indeks 35 kabupaten/kota)."
                )
            return teks
        ubah = perubahan_tahunan(d.kota)
        t_besar = int(ubah.abs().idxmax())
        return (
            f"{ind.label}, perubahan dari tahun sebelumnya. {KOTA_KITA} berubah paling besar "
            f"pada {t_besar}: {format_bertanda(ubah[t_besar], ind.desimal, plus=True)} "
            f"{ind.satuan_ubah}. Tahun naik: "
            f"{', '.join(str(t) for t in tahun_naik(d.kota)) or 'tidak ada'}."
        )

    @staticmethod
    def _catatan(d: Deret) -> str:
        teks = []
        if d.nama_banding == NAMA_MEDIAN:
            teks.append(
                "Pembanding: median 35 kabupaten/kota (salinan tabel BPS di kit ini tidak punya "
                "baris provinsi), bukan angka Provinsi Jawa Tengah. Pada indeks 2020=100, garisnya "
                "adalah indeks dari median."
            )
        else:
            teks.append(
                f"Pembanding: {seri.SUMBER_JATENG}. Tahun "
                f"{', '.join(str(t) for t in d.kota.index.difference(d.banding.index))} belum bisa "
                "dihitung: jumlah penduduk miskinnya belum ada di kit."
            )
        if d.kota_baru is not None:
            teks.append(
                "Putus seri: untuk 2024 tabel panel dan tabel IPM memberi UHH yang berbeda di "
                "sebagian besar kabupaten/kota, padahal 2020–2023 sama persis. Tampaknya tabel "
                "panel memakai cara hitung UHH BPS yang baru. Garis putus-putus adalah seri itu; "
                "garis itu tidak disambung ke seri lama. Seri baru tidak punya angka 2020, jadi "
                "tidak ada indeksnya."
            )
        return "".join(f"<p class='literasi-kecil'>{escape(t)}</p>" for t in teks)

    def isi_poster(self) -> IsiPoster:
        """What the infographic button puts on a poster: the current chart and its message."""
        ind = self.argumen_grafik[1]
        return IsiPoster(
            judul=f"{ind.label}: {KOTA_KITA} dan Jawa Tengah",
            pesan=self.pesan_terakhir,
            grafik=gambar_perubahan(*self.argumen_grafik)[0],
            sumber=ind.sumber,
        )
