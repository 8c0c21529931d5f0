"""Indicators over time that several apps show: poverty, unemployment (TPT) and IPM of the 35
kab/kota of Jawa Tengah. Pure functions (tables in, tables or Series out), no widgets; lessons
02, 06, 07, 09, 10, 12 and kelurahan 04 read their series here, never from another lesson.

Poverty (datasets/README.md, data 10 and 12):
- the rate is the panel's `persentase_penduduk_miskin`; the number of poor people is the March
  table's (both copies carry the same counts);
- the March table's own rates are its counts ÷ its population column, and that column's 2020
  values add up to the Sensus Penduduk 2020 count (September 2020), which did not exist in March
  2020: they were recomputed by whoever made the copy. They stay only as a teaching case about
  revised figures (`beda_seri_kemiskinan`), never mixed with the panel's rates;
- no table has a Jawa Tengah row, so Jawa Tengah is computed from the 35 kab/kota: all poor
  people ÷ all the populations their rates imply (poor ÷ rate × 100), labelled as computed.

TPT comes from the panel (2020–2025); for 2020–2023 the Sakernas table gives a second copy
(`cek_tpt`). IPM is checked against its own components with BPS's formula and against the
panel's copy of those components (`cek_ipm`).
"""

from __future__ import annotations

import math

import pandas as pd

from literasi.data import KOTA_KITA, load_dataset
from literasi.format import format_angka

NAMA_PANEL = "panel_kemiskinan_ipm_tpt_jateng_2020_2025"
NAMA_MARET = "kemiskinan_maret_kabkota_jateng_2020_2024"
NAMA_IPM = "ipm_komponen_kabkota_jateng_2020_2024"
NAMA_TPT = "tpt_jenis_kelamin_kabkota_jateng_2020_2023"

PERSEN = "Persentase Penduduk Miskin"  # %, the panel's rate
MISKIN = "Penduduk Miskin (ribu jiwa)"  # the March table's count
PENYEBUT = "Penduduk tersirat (ribu jiwa)"  # count ÷ rate × 100
TPT = "TPT"  # %, unemployed per 100 people in the labour force
IPM = "Indeks Pembangunan Manusia"

JATENG = "Jawa Tengah"
JATENG_DIHITUNG = "Jawa Tengah (dihitung)"  # a label; SUMBER_JATENG says how

SUMBER_KEMISKINAN = (
    "BPS Provinsi Jawa Tengah, Jumlah dan Persentase Penduduk Miskin menurut Kabupaten/Kota "
    "(Susenas Maret)"
)
SUMBER_JATENG = (
    "Jawa Tengah dihitung dari 35 kabupaten/kota: jumlah penduduk miskin ÷ jumlah penduduk "
    "yang tersirat dari persentasenya"
)
SUMBER_TPT = (
    "BPS Provinsi Jawa Tengah, Tingkat Pengangguran Terbuka menurut Kabupaten/Kota "
    "(Sakernas Agustus)"
)
SUMBER_IPM = "BPS Provinsi Jawa Tengah, Indeks Pembangunan Manusia menurut Kabupaten/Kota"

_MARET_MISKIN = "Jumlah Penduduk Miskin Maret Ribu Jiwa"
_MARET_PENDUDUK = "Jumlah Penduduk Ribu Jiwa"
_MARET_PERSEN = "Persentase Penduduk Miskin Maret"
# Components of the IPM in the IPM table and in the panel (same quantity, two copies).
KOMPONEN_IPM = {
    "UHH": ("Usia Harapan Hidup saat Lahir (tahun)", "uhh"),
    "HLS": ("Harapan Lama Sekolah (tahun)", "hls"),
    "RLS": ("Rata-rata Lama Sekolah (tahun)", "rls"),
    "pengeluaran": (
        "Pengeluaran per kapita (ribu rupiah/orang/tahun)",
        "pengeluaran_per_kapita_disesuaikan",
    ),
}


# --- poverty -----------------------------------------------------------------------------


def kemiskinan(panel: pd.DataFrame, maret: pd.DataFrame) -> pd.DataFrame:
    """One row per kab/kota and year (2020–2025): the panel's rate, the March table's number
    of poor people (2020–2024; empty for 2025) and the population the rate implies.

    Columns: Wilayah, Tahun, PERSEN, MISKIN, PENYEBUT (floats, NaN where there is no count).
    """
    nama = {"kabupaten_kota": "Wilayah", "tahun": "Tahun", "persentase_penduduk_miskin": PERSEN}
    persen = panel[list(nama)].rename(columns=nama)
    jumlah = maret[["Wilayah", "Tahun", _MARET_MISKIN]].rename(columns={_MARET_MISKIN: MISKIN})
    tabel = persen.merge(jumlah, on=["Wilayah", "Tahun"], how="left", validate="one_to_one")
    if tabel[MISKIN].notna().sum() != len(jumlah):
        raise ValueError("Ada baris tabel kemiskinan Maret yang tidak punya pasangan di panel.")
    tabel = tabel.astype({"Wilayah": str, "Tahun": int, PERSEN: float, MISKIN: float})
    tabel[PENYEBUT] = 100 * tabel[MISKIN] / tabel[PERSEN]
    return tabel.sort_values(["Tahun", "Wilayah"]).reset_index(drop=True)


def baca_kemiskinan() -> pd.DataFrame:
    """`kemiskinan` from the shipped data."""
    return kemiskinan(load_dataset(NAMA_PANEL), load_dataset(NAMA_MARET))


def per_tahun(tabel: pd.DataFrame, kolom: str, wilayah: str = KOTA_KITA) -> pd.Series:
    """One kab/kota's values indexed by year (years without a value left out).

    >>> t = pd.DataFrame({"Wilayah": ["A", "A", "B"], "Tahun": [2021, 2020, 2020],
    ...                   "x": [2.0, 1.0, 5.0]})
    >>> per_tahun(t, "x", "A").to_dict()
    {2020: 1.0, 2021: 2.0}
    """
    baris = tabel[tabel["Wilayah"] == wilayah].set_index("Tahun")[kolom].dropna()
    return baris.astype(float).sort_index().rename_axis("Tahun")


def median_per_tahun(tabel: pd.DataFrame, kolom: str) -> pd.Series:
    """Median of the kab/kota per year: every kab/kota counts once, whatever its size."""
    return tabel.groupby("Tahun")[kolom].median().astype(float).rename_axis("Tahun")


def rentang_per_tahun(tabel: pd.DataFrame, kolom: str) -> pd.DataFrame:
    """Per year: median, lowest and highest of the kab/kota (columns median, min, max)."""
    per = tabel.groupby("Tahun")[kolom]
    hasil = pd.DataFrame({"median": per.median(), "min": per.min(), "max": per.max()})
    return hasil.astype(float).rename_axis("Tahun")


def kemiskinan_jateng(tabel: pd.DataFrame) -> pd.Series:
    """Jawa Tengah computed from its kab/kota: all poor people ÷ all implied populations × 100,
    two decimals, for the years that have counts. Every person counts once.

    >>> t = pd.DataFrame({"Tahun": [2020, 2020], MISKIN: [10.0, 30.0], PENYEBUT: [100.0, 600.0]})
    >>> kemiskinan_jateng(t).to_dict()
    {2020: 5.71}
    """
    ada = tabel.dropna(subset=[MISKIN])
    jumlah = ada.groupby("Tahun")[[MISKIN, PENYEBUT]].sum()
    return (100 * jumlah[MISKIN] / jumlah[PENYEBUT]).round(2).rename_axis("Tahun")


def beda_seri_kemiskinan(maret: pd.DataFrame, panel: pd.DataFrame, tahun: int = 2024) -> dict:
    """The revised-figures case: how the March table's own rates differ from the panel's.

    `dihitung_ulang`: rows whose March rate is exactly round(count ÷ population column × 100,
    2); `penduduk_2020`: that column's 2020 total (ribu jiwa), the SP2020 count; `jateng_maret`
    / `jateng_panel`: Jawa Tengah from each series in `tahun`.
    """
    gabung = maret.merge(
        panel, left_on=["Wilayah", "Tahun"], right_on=["kabupaten_kota", "tahun"], validate="1:1"
    )
    lama = gabung[_MARET_PERSEN].astype(float)
    baru = gabung["persentase_penduduk_miskin"].astype(float)
    selisih = baru - lama
    besar = gabung.loc[selisih.abs().idxmax()]
    dihitung = (100 * gabung[_MARET_MISKIN] / gabung[_MARET_PENDUDUK]).astype(float).round(2)
    kota = gabung[(gabung["Wilayah"] == KOTA_KITA) & (gabung["Tahun"] == tahun)].iloc[0]
    satu_tahun = maret[maret["Tahun"] == tahun]
    return {
        "baris": len(gabung),
        "berbeda": int((selisih.abs() > 1e-9).sum()),
        "rata_rata": float(selisih.mean()),
        "terbesar": float(selisih.abs().max()),
        "terbesar_wilayah": str(besar["Wilayah"]),
        "terbesar_tahun": int(besar["Tahun"]),
        "dihitung_ulang": int(((dihitung - lama).abs() < 1e-9).sum()),
        "penduduk_2020": float(maret.loc[maret["Tahun"] == 2020, _MARET_PENDUDUK].sum()),
        "kota_maret": float(kota[_MARET_PERSEN]),
        "kota_panel": float(kota["persentase_penduduk_miskin"]),
        "jateng_maret": round(
            float(100 * satu_tahun[_MARET_MISKIN].sum() / satu_tahun[_MARET_PENDUDUK].sum()), 2
        ),
        "jateng_panel": float(kemiskinan_jateng(kemiskinan(panel, maret))[tahun]),
    }


# --- unemployment ------------------------------------------------------------------------


def tpt(panel: pd.DataFrame) -> pd.DataFrame:
    """TPT (%) per kab/kota and year, 2020–2025, from the panel (columns Wilayah, Tahun, TPT)."""
    tabel = panel[["kabupaten_kota", "tahun", "tpt"]].rename(
        columns={"kabupaten_kota": "Wilayah", "tahun": "Tahun", "tpt": TPT}
    )
    return tabel.astype({"Wilayah": str, "Tahun": int, TPT: float}).reset_index(drop=True)


def baca_tpt() -> pd.DataFrame:
    """`tpt` from the shipped data."""
    return tpt(load_dataset(NAMA_PANEL))


def cek_tpt(sakernas: pd.DataFrame, panel: pd.DataFrame) -> tuple[int, int]:
    """(rows that differ, rows compared) between the Sakernas table's TPT and the panel's."""
    gabung = sakernas.merge(
        panel, left_on=["Wilayah", "Tahun"], right_on=["kabupaten_kota", "tahun"], validate="1:1"
    )
    beda = ((gabung["Total"] - gabung["tpt"]).astype(float).abs() > 1e-9).sum()
    return int(beda), len(gabung)


# --- IPM ---------------------------------------------------------------------------------


def ipm_dari_komponen(uhh: float, hls: float, rls: float, pengeluaran: float) -> float:
    """IPM by BPS's formula (metode baru): the geometric mean of the health, education and
    living-standard indices. `pengeluaran` in thousand rupiah per person per year (adjusted).

    >>> round(ipm_dari_komponen(74.80, 12.89, 9.34, 14547), 2)
    77.22
    """
    kesehatan = (uhh - 20) / (85 - 20)
    pendidikan = (min(hls / 18, 1.0) + rls / 15) / 2
    hidup_layak = (math.log(pengeluaran) - math.log(1007.436)) / (
        math.log(26572.352) - math.log(1007.436)
    )
    return 100 * (kesehatan * pendidikan * hidup_layak) ** (1 / 3)


def cek_ipm(ipm: pd.DataFrame, panel: pd.DataFrame, wilayah: str = KOTA_KITA, tahun: int = 2024):
    """Check one IPM value two ways: recomputed from its own components with BPS's formula, and
    its components against the panel (another copy of BPS's tables).

    Returns a dict: `ipm` (as published), `dihitung`, `komponen_sama` and `komponen_beda`
    (names), and `cocok` (the recomputed value rounds to the published one and at least one
    component is found equal in the panel).
    """
    satu = ipm[(ipm["Wilayah"] == wilayah) & (ipm["Tahun"] == tahun)].iloc[0]
    dua = panel[(panel["kabupaten_kota"] == wilayah) & (panel["tahun"] == tahun)].iloc[0]
    nilai = {k: float(satu[kolom]) for k, (kolom, _) in KOMPONEN_IPM.items()}
    dihitung = ipm_dari_komponen(nilai["UHH"], nilai["HLS"], nilai["RLS"], nilai["pengeluaran"])
    sama = [k for k, (_, kolom) in KOMPONEN_IPM.items() if float(dua[kolom]) == nilai[k]]
    tertulis = float(satu[IPM])
    return {
        "ipm": tertulis,
        "dihitung": dihitung,
        "komponen_sama": sama,
        "komponen_beda": [k for k in KOMPONEN_IPM if k not in sama],
        "cocok": round(dihitung, 2) == tertulis and bool(sama),
    }


def kalimat_cek_ipm(cek: dict, wilayah: str = KOTA_KITA, tahun: int = 2024) -> str:
    """The check of `cek_ipm` in one Markdown paragraph for a notebook's "Cek data" cell."""
    sama = ", ".join(cek["komponen_sama"])
    beda = ", ".join(cek["komponen_beda"])
    teks = (
        f"IPM {wilayah} {tahun} di tabel IPM: **{format_angka(cek['ipm'], 2)}**. Dihitung ulang "
        f"dengan rumus IPM BPS dari keempat komponennya: {format_angka(cek['dihitung'], 2)}. "
        f"Komponen {sama} sama persis dengan salinan lain tabel BPS (tabel panel)"
    )
    if beda:
        teks += f"; {beda} berbeda"
        if "UHH" in cek["komponen_beda"]:
            teks += " (mulai 2024 tabel panel memakai seri UHH yang baru, lihat pelajaran 12)"
    return teks + (". Cocok." if cek["cocok"] else ". **Tidak cocok: periksa datanya.**")
