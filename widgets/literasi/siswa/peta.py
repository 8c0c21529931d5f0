"""Lesson 10: choropleth maps, and how the choice of classes changes the story.

Three maps with the kit's `literasi.peta.gambar_peta`:
- the 35 kab/kota of Jawa Tengah by an indicator (density, population, IPM, poverty), with
  classes by quantile or by equal interval (the student switches);
- Kota Pekalongan's 4 kecamatan by SP2010 population: the table uses BPS codes, the map uses
  Kemendagri codes, so they are joined through the crosswalk (BPS 3375030 = Selatan, but
  Kemendagri 33.75.03 = Utara);
- the 27 kelurahan with numbers and their kecamatan only: no population exists per current
  kelurahan (SP2010 counted the 47 old ones), and the polygons are too coarse for areas.

Quantile classes are drawn by passing their edges to `gambar_peta(tepi=...)`.
"""

from __future__ import annotations

import copy
from dataclasses import dataclass
from html import escape

import ipywidgets as ipw
import numpy as np
import pandas as pd
from matplotlib.figure import Figure

from literasi import seri
from literasi.data import KOTA_KITA, load_boundaries, load_dataset
from literasi.format import format_angka
from literasi.grafik import WARNA_PEKALONGAN, html_grafik
from literasi.infografis import IsiPoster
from literasi.peta import batas_kelas, gambar_peta
from literasi.soal import SoalAngka, SoalPilihan, SoalTebak
from literasi.tampilan import Tampilan
from literasi.tembolok_grafik import disimpan

NAMA_PENDUDUK = "penduduk_luas_kabkota_jateng_2024"
NAMA_IPM = "ipm_komponen_kabkota_jateng_2020_2024"
NAMA_SP2010 = "penduduk_sp2010_olahcepat_kecamatan_kabkota"
NAMA_CROSSWALK = "crosswalk_kode_kemendagri_bps_kota_pekalongan"
NAMA_WILAYAH = "wilayah_kota_pekalongan_kemendagri_2025"
NAMA_LAMA47 = "penduduk_sp2010_kelurahan_lama47_kota_pekalongan"
KODE_KOTA = "33.75"
TAHUN = 2024
KELAS = 5
CARA = ("Kuantil", "Interval sama")
SP2010_KOTA = 282_137  # datasets/README.md, data 5: the 4 kecamatan (olah cepat)
WARNA_KECAMATAN = ["#fbb4ae", "#b3cde3", "#ccebc5", "#fed9a6"]  # ColorBrewer Pastel1
SUMBER_SP2010 = (
    "BPS, Sensus Penduduk 2010 (hasil olah cepat); batas wilayah cahyadsn/wilayah_boundaries "
    "(disederhanakan); padanan kode Kemendagri–BPS disusun kit ini"
)
SUMBER_KELURAHAN = (
    "Kemendagri, kode dan data wilayah (2025); batas wilayah cahyadsn/wilayah_boundaries "
    "(disederhanakan)"
)


@dataclass(frozen=True)
class Indikator:
    label: str
    kolom: str
    satuan: str
    desimal: int
    sumber: str
    cmap: str = "YlOrRd"


INDIKATOR = {
    "Kepadatan": Indikator(
        "Kepadatan penduduk 2024",
        "kepadatan",
        "jiwa/km²",
        0,
        "Ditjen Dukcapil Kemendagri, Desember 2024 (penduduk); BIG 2024 (luas)",
    ),
    "Penduduk": Indikator(
        "Jumlah penduduk 2024",
        "penduduk",
        "jiwa",
        0,
        "Ditjen Dukcapil Kemendagri, Data Kependudukan Semester II (Desember) 2024",
    ),
    "IPM": Indikator(
        "IPM 2024",
        "ipm",
        "0–100",
        2,
        seri.SUMBER_IPM,
        cmap="YlGnBu",
    ),
    "Kemiskinan": Indikator(
        "Penduduk miskin 2024",
        "miskin",
        "%",
        2,
        seri.SUMBER_KEMISKINAN,
    ),
}
BATAS_PETA = "batas wilayah cahyadsn/wilayah_boundaries (disederhanakan)"


# --- computations ------------------------------------------------------------------------


def tabel_kabkota(penduduk: pd.DataFrame, ipm: pd.DataFrame, miskin: pd.DataFrame) -> pd.DataFrame:
    """The 35 kab/kota with their Kemendagri code and the four indicators of 2024.

    IPM and poverty tables carry names only; names equal `nama` of the population table
    (datasets/README.md, data 9), so the code comes from there. `miskin`: `seri.kemiskinan`.
    """
    t = penduduk[penduduk["kode_kemendagri"].str.count(r"\.") == 1].copy()
    t["penduduk"] = t["penduduk_total"].astype(float)
    t["kepadatan"] = t["penduduk"] / t["luas_km2"].astype(float)
    ipm_t = ipm[ipm["Tahun"] == TAHUN].set_index("Wilayah")["Indeks Pembangunan Manusia"]
    miskin_t = miskin[miskin["Tahun"] == TAHUN].set_index("Wilayah")[seri.PERSEN]
    t["ipm"] = t["nama"].map(ipm_t).astype(float)
    t["miskin"] = t["nama"].map(miskin_t).astype(float)
    if t[["ipm", "miskin"]].isna().any().any() or len(t) != 35:
        raise ValueError("Nama kabupaten/kota tidak cocok antartabel.")
    kolom = ["kode_kemendagri", "nama", "penduduk", "kepadatan", "ipm", "miskin"]
    return t[kolom].reset_index(drop=True)


def batas_kuantil(nilai, kelas: int = KELAS) -> list[float]:
    """Quantile class edges: each class holds (about) the same number of areas.

    Edges are the 0, 1/k, …, 1 quantiles with linear interpolation (numpy's default).
    >>> batas_kuantil([1, 2, 3, 4, 5, 6, 7, 8, 9, 10], 2)
    [1.0, 5.5, 10.0]
    """
    kuantil = np.quantile(np.asarray(nilai, dtype=float), np.linspace(0, 1, kelas + 1))
    return [float(q) for q in kuantil]


def batas_interval_sama(nilai, kelas: int = KELAS) -> list[float]:
    """Equal-interval edges, exactly the ones gambar_peta draws (literasi.peta.batas_kelas;
    never more classes than distinct values).

    >>> batas_interval_sama([0, 3, 5, 7, 10], 5)
    [0.0, 2.0, 4.0, 6.0, 8.0, 10.0]
    """
    return [float(x) for x in batas_kelas([float(v) for v in nilai], kelas)]


def batas(nilai, cara: str, kelas: int = KELAS) -> list[float]:
    return batas_kuantil(nilai, kelas) if cara == CARA[0] else batas_interval_sama(nilai, kelas)


def nomor_kelas(nilai, tepi: list[float]) -> list[int]:
    """Class of each value, 1 = lowest, with gambar_peta's rule: class i holds
    [edge i, edge i+1), and the maximum falls in the last class.

    >>> nomor_kelas([0, 1.9, 2, 10], [0, 2, 4, 6, 8, 10])
    [1, 1, 2, 5]
    """
    n = len(tepi) - 1
    dalam = np.asarray(tepi[1:-1], dtype=float)
    return [min(int(np.searchsorted(dalam, float(v), side="right")), n - 1) + 1 for v in nilai]


def banyak_per_kelas(nilai, tepi: list[float]) -> list[int]:
    """How many areas fall in each class (empty classes count 0)."""
    kelas = nomor_kelas(nilai, tepi)
    return [kelas.count(i) for i in range(1, len(tepi))]


def penduduk_kecamatan(sp2010: pd.DataFrame, crosswalk: pd.DataFrame) -> pd.DataFrame:
    """SP2010 population of the 4 kecamatan, joined from BPS codes to Kemendagri codes.

    Never by dropping the dots: Kemendagri 33.75.03 is Utara, BPS 3375030 is Selatan.
    """
    kec = sp2010[sp2010["tingkat"] == "kecamatan"][["kode_bps", "nama", "jumlah"]]
    cw = crosswalk[crosswalk["tingkat"] == "kecamatan"][
        ["kode_kemendagri", "nama_kemendagri", "kode_bps_mfd2018"]
    ]
    gabung = cw.merge(kec, left_on="kode_bps_mfd2018", right_on="kode_bps", validate="one_to_one")
    if len(gabung) != 4:
        raise ValueError(f"{len(gabung)} kecamatan tergabung, seharusnya 4.")
    gabung["jumlah"] = gabung["jumlah"].astype(int)
    return (
        gabung[["kode_kemendagri", "kode_bps", "nama_kemendagri", "jumlah"]]
        .sort_values("kode_kemendagri")
        .reset_index(drop=True)
    )


def kelurahan_bernomor(wilayah: pd.DataFrame) -> pd.DataFrame:
    """The 27 kelurahan numbered 1–27 in code order, with their kecamatan."""
    kel = wilayah[wilayah["tingkat"] == "kelurahan"].sort_values("kode_kemendagri")
    kel = kel[["kode_kemendagri", "nama", "nama_kecamatan", "kode_kecamatan"]]
    kel = kel.reset_index(drop=True)
    kel.insert(0, "nomor", range(1, len(kel) + 1))
    return kel


def tabel_kota(tabel: pd.DataFrame) -> pd.DataFrame:
    """Kota Pekalongan's four indicators, one per row, beside the 35 kab/kota's range."""
    kota = tabel[tabel["nama"] == KOTA_KITA].iloc[0]
    baris = []
    for ind in INDIKATOR.values():
        rentang = (
            f"{format_angka(tabel[ind.kolom].min(), ind.desimal)} – "
            f"{format_angka(tabel[ind.kolom].max(), ind.desimal)}"
        )
        baris.append(
            {
                "Indikator": f"{ind.label} ({ind.satuan})",
                KOTA_KITA: format_angka(kota[ind.kolom], ind.desimal),
                "35 kab/kota": rentang,
            }
        )
    return pd.DataFrame(baris)


def tabel_kecamatan(kec: pd.DataFrame) -> pd.DataFrame:
    """The crosswalk join as a phone table: name, both codes, SP2010 population."""
    return pd.DataFrame(
        {
            "Kecamatan": kec["nama_kemendagri"].str.replace("Pekalongan ", ""),
            "Kemendagri": kec["kode_kemendagri"],
            "BPS": kec["kode_bps"],
            "Jiwa": kec["jumlah"].astype("int64"),
        }
    )


def label_kelas(tepi: list[float], desimal: int) -> list[str]:
    return [
        f"{format_angka(tepi[i], desimal)} – {format_angka(tepi[i + 1], desimal)}"
        for i in range(len(tepi) - 1)
    ]


# --- maps --------------------------------------------------------------------------------


def peta_kabkota(geojson: dict, tabel: pd.DataFrame, indikator: Indikator, cara: str) -> Figure:
    """The 35 kab/kota coloured by one indicator; Kota Pekalongan outlined and named."""
    nilai = dict(zip(tabel["kode_kemendagri"], tabel[indikator.kolom].astype(float), strict=True))
    tepi = batas(list(nilai.values()), cara)
    kw = {
        "judul": f"{indikator.label}\n35 kab/kota Jawa Tengah, kelas {cara.lower()}",
        "sumber": f"{indikator.sumber}; {BATAS_PETA}",
        "label": f"{indikator.label} ({indikator.satuan})",
        "desimal": indikator.desimal,
        "cmap": indikator.cmap,
    }
    fig = gambar_peta(geojson, nilai, tepi=tepi, **kw)
    _sorot_kota(fig, geojson)
    return fig


def _sorot_kota(fig: Figure, geojson: dict) -> None:
    """Ring Kota Pekalongan (a few pixels wide on this map) and point at it: the ring is
    wider than the city, so its class colour stays visible inside (an outline covered it)."""
    ax = fig.axes[0]
    props = next(
        f["properties"]
        for f in geojson["features"]
        if f["properties"]["kode_kemendagri"] == KODE_KOTA
    )
    kota = (props["lng_centroid"], props["lat_centroid"])
    ax.plot(
        *kota,
        marker="o",
        markersize=11,
        markerfacecolor="none",
        markeredgewidth=1.3,
        markeredgecolor=WARNA_PEKALONGAN,
        zorder=4,
        gid="cincin-kota",
    )
    ax.annotate(
        KOTA_KITA,
        kota,
        xytext=(10, 22),
        textcoords="offset points",
        fontsize=8,
        color=WARNA_PEKALONGAN,
        fontweight="bold",
        arrowprops={"arrowstyle": "-", "color": WARNA_PEKALONGAN, "lw": 0.8, "shrinkB": 5.5},
    )


def peta_kecamatan(geojson: dict, kec: pd.DataFrame) -> Figure:
    """The 4 kecamatan by SP2010 population (4 equal-interval classes), names on the map."""
    nilai = dict(zip(kec["kode_kemendagri"], kec["jumlah"].astype(float), strict=True))
    fig = gambar_peta(
        geojson,
        nilai,
        judul="Penduduk SP2010 per kecamatan\nKota Pekalongan",
        sumber=SUMBER_SP2010,
        label="Penduduk (jiwa)",
        kelas=4,
        tampilkan_nama=True,
    )
    ax = fig.axes[0]
    # Names come in feature order, like the patches: two lines fit the small polygons.
    for teks in ax.texts[: len(ax.patches)]:
        teks.set_text(teks.get_text().replace(" ", "\n"))
    return fig


def peta_kelurahan(geojson: dict, kel: pd.DataFrame) -> Figure:
    """The 27 kelurahan, numbered, coloured by their kecamatan (a fact, not a statistic)."""
    nama_kec = sorted(kel["nama_kecamatan"].unique())
    urut = {n: i for i, n in enumerate(nama_kec, start=1)}
    nilai = {k: urut[n] for k, n in zip(kel["kode_kemendagri"], kel["nama_kecamatan"], strict=True)}
    nomor = dict(zip(kel["kode_kemendagri"], kel["nomor"], strict=True))
    bernomor = copy.deepcopy(geojson)
    for f in bernomor["features"]:
        f["properties"]["nama"] = str(nomor[f["properties"]["kode_kemendagri"]])
    fig = gambar_peta(
        bernomor,
        nilai,
        judul="27 kelurahan Kota Pekalongan",
        sumber=SUMBER_KELURAHAN,
        label="Kecamatan",
        tepi=[i + 0.5 for i in range(len(nama_kec) + 1)],
        # Categories, not amounts: four distinct pastel colours, not a light-to-dark scale.
        warna=WARNA_KECAMATAN,
        nama_kelas=nama_kec,
        tampilkan_nama=True,
    )
    return fig


@disimpan
def html_peta_kecamatan(geojson: dict, kec: pd.DataFrame) -> str:
    fig = peta_kecamatan(geojson, kec)
    terbanyak = kec.loc[kec["jumlah"].idxmax()]
    tersedikit = kec.loc[kec["jumlah"].idxmin()]
    kalimat = (
        f"Peta 4 kecamatan Kota Pekalongan menurut penduduk SP2010: terbanyak "
        f"{terbanyak['nama_kemendagri']} ({format_angka(terbanyak['jumlah'])} jiwa), tersedikit "
        f"{tersedikit['nama_kemendagri']} ({format_angka(tersedikit['jumlah'])} jiwa); "
        f"jumlah {format_angka(kec['jumlah'].sum())} jiwa."
    )
    return html_grafik(fig, alt=kalimat, keterangan=kalimat, sumber=SUMBER_SP2010)


@disimpan
def html_peta_kelurahan(geojson: dict, kel: pd.DataFrame) -> str:
    fig = peta_kelurahan(geojson, kel)
    per_kec = kel.groupby("nama_kecamatan").size()
    kalimat = (
        f"Peta {len(kel)} kelurahan Kota Pekalongan bernomor 1–{len(kel)}, diwarnai menurut "
        "kecamatannya: "
        + ", ".join(f"{n} {b} kelurahan" for n, b in per_kec.items())
        + ". Tidak diwarnai menurut penduduk karena data penduduk per kelurahan sekarang tidak ada."
    )
    return html_grafik(fig, alt=kalimat, keterangan=kalimat, sumber=SUMBER_KELURAHAN)


@disimpan
def html_peta_kabkota(
    geojson: dict,
    tabel: pd.DataFrame,
    ind: Indikator,
    cara: str,
    tepi: list[float],
    banyak: list[int],
    kelas_kota: int,
) -> str:
    """The map of the 35 kabupaten/kota in classes, as the student chose them."""
    fig = peta_kabkota(geojson, tabel, ind, cara)
    kalimat = (
        f"Peta {ind.label.lower()} 35 kabupaten/kota Jawa Tengah dalam {len(banyak)} kelas "
        f"{cara.lower()}, dari {format_angka(tepi[0], ind.desimal)} sampai "
        f"{format_angka(tepi[-1], ind.desimal)} {ind.satuan}. Banyak kabupaten/kota per "
        f"kelas: {', '.join(map(str, banyak))}. Kota Pekalongan (garis ungu) di kelas "
        f"{kelas_kota}."
    )
    return html_grafik(fig, alt=kalimat, keterangan=kalimat, sumber=f"{ind.sumber}; {BATAS_PETA}")


# --- exercises ---------------------------------------------------------------------------


def daftar_soal(tabel: pd.DataFrame, kec: pd.DataFrame) -> list:
    """Six exercises, answers computed from the data. Soal 1 (predict) comes before the view."""
    kepadatan = tabel["kepadatan"].tolist()
    tepi_sama = batas_interval_sama(kepadatan)
    banyak_sama = banyak_per_kelas(kepadatan, tepi_sama)
    kota = tabel[tabel["nama"] == KOTA_KITA].iloc[0]
    kelas_sama = nomor_kelas([kota["kepadatan"]], tepi_sama)[0]
    kelas_kuantil = nomor_kelas([kota["kepadatan"]], batas_kuantil(kepadatan))[0]

    def dua(sama: int, kuantil: int) -> str:
        return f"Interval sama {sama}, kuantil {kuantil}"

    opsi_kelas = list(
        dict.fromkeys(
            [
                dua(kelas_sama, kelas_kuantil),
                dua(kelas_kuantil, kelas_sama),
                dua(kelas_sama, kelas_sama),
                dua(kelas_kuantil, kelas_kuantil),
            ]
        )
    )
    ipm = tabel["ipm"]
    ipm_min, ipm_max = float(ipm.min()), float(ipm.max())
    nama_min = tabel.loc[ipm.idxmin(), "nama"]
    nama_max = tabel.loc[ipm.idxmax(), "nama"]
    lebar = (ipm_max - ipm_min) / KELAS
    selatan = kec[kec["kode_bps"] == "3375030"].iloc[0]["nama_kemendagri"]
    utara_kemendagri = kec[kec["kode_kemendagri"] == "33.75.03"].iloc[0]["nama_kemendagri"]
    alasan = {
        "benar": "Data per 27 kelurahan sekarang tidak ada",
        "kecil": "Kelurahan terlalu kecil untuk dipetakan",
        "luas": "Luas dari peta cukup untuk menghitungnya",
        "rahasia": "Jumlah penduduk kelurahan itu rahasia",
    }
    return [
        SoalTebak(
            pertanyaan=(
                f"Kepadatan penduduk 35 kabupaten/kota dibagi {KELAS} kelas interval sama: dari "
                f"yang terendah ({format_angka(min(kepadatan))} jiwa/km²) sampai yang tertinggi "
                f"({format_angka(max(kepadatan))} jiwa/km²) dibagi {KELAS} bagian sama lebar. "
                "Tebak: berapa kabupaten/kota yang masuk kelas terendah?"
            ),
            jawaban=banyak_sama[0],
            desimal=0,
            satuan="kabupaten/kota",
            penjelasan=(
                f"Banyak kabupaten/kota per kelas, dari terendah: "
                f"{', '.join(str(b) for b in banyak_sama)}. Beberapa kota sangat padat, jadi "
                "kelas-kelas atas yang lebar hampir kosong, dan hampir semua kabupaten berwarna "
                "sama."
            ),
        ),
        SoalAngka(
            pertanyaan=(
                f"IPM 2024 terendah {format_angka(ipm_min, 2)} ({nama_min}), tertinggi "
                f"{format_angka(ipm_max, 2)} ({nama_max}). Dengan {KELAS} kelas interval sama, "
                "berapa lebar setiap kelas?"
            ),
            jawaban=lebar,
            desimal=2,
            satuan="poin",
            toleransi=0.01,
            petunjuk=[
                "Lebar kelas = (nilai tertinggi − nilai terendah) ÷ banyak kelas.",
                f"Hitung ({format_angka(ipm_max, 2)} − {format_angka(ipm_min, 2)}) ÷ {KELAS}.",
                "Hasilnya antara 3 dan 4. Tulis dengan dua angka desimal.",
            ],
            penjelasan=(
                f"({format_angka(ipm_max, 2)} − {format_angka(ipm_min, 2)}) ÷ {KELAS} = "
                f"{format_angka(lebar, 2)} poin. Batas kelasnya: "
                f"{'; '.join(label_kelas(batas_interval_sama(ipm.tolist()), 2))}."
            ),
        ),
        SoalPilihan(
            pertanyaan=(
                "Pilih indikator “Kepadatan”. Di kelas berapa Kota Pekalongan (1 = terendah, "
                f"{KELAS} = tertinggi) dengan Interval sama, dan dengan Kuantil?"
            ),
            pilihan=sorted(opsi_kelas),
            jawaban=dua(kelas_sama, kelas_kuantil),
            penjelasan=(
                f"Interval sama: kelas {kelas_sama} dari {KELAS}, karena beberapa kota lain jauh "
                f"lebih padat. Kuantil: kelas {kelas_kuantil}, karena Kota Pekalongan termasuk "
                f"{len(kepadatan) // KELAS} kabupaten/kota terpadat. Peta yang sama, kesan yang "
                "berbeda."
            ),
            petunjuk=[
                "Ganti pembagian kelas, lalu baca ringkasan di atas peta.",
                "Kelas 1 berwarna paling muda, kelas terakhir paling tua.",
            ],
            umpan_balik={
                dua(kelas_kuantil, kelas_sama): "Urutannya tertukar: mana yang interval sama?",
            },
        ),
        SoalPilihan(
            pertanyaan=(
                "Kamu ingin menunjukkan bahwa hanya sedikit daerah yang jauh lebih padat "
                "daripada yang lain. Pembagian kelas mana yang cocok untuk cerita itu?"
            ),
            pilihan=list(CARA),
            jawaban=CARA[1],
            tampilan="tombol",
            penjelasan=(
                f"Interval sama menjaga jarak nilai: {banyak_sama[0]} kabupaten/kota berwarna "
                "sama, dan hanya sedikit yang berwarna tua. Kuantil selalu membagi rata "
                f"({len(kepadatan) // KELAS} per kelas), jadi peta kuantil cocok untuk "
                "menunjukkan urutan (siapa di seperlima teratas), bukan besar selisihnya."
            ),
            petunjuk=[
                "Bandingkan kedua peta untuk indikator Kepadatan.",
                "Di peta mana kota-kota padat tampak berbeda dari semua kabupaten?",
            ],
            umpan_balik={
                CARA[0]: (
                    "Kuantil selalu membuat setiap warna dipakai oleh jumlah daerah yang sama, "
                    "jadi yang sangat padat tampak sama dengan yang sedikit lebih padat."
                ),
            },
        ),
        SoalPilihan(
            pertanyaan=(
                "Tabel SP2010 memakai kode BPS, peta memakai kode Kemendagri. Kecamatan mana "
                "yang berkode BPS 3375030?"
            ),
            pilihan=sorted(kec["nama_kemendagri"]),
            jawaban=selatan,
            penjelasan=(
                f"BPS 3375030 = {selatan}, sedangkan Kemendagri 33.75.03 = {utara_kemendagri}. "
                "Karena itu tabel digabung lewat tabel padanan kode, bukan dengan membuang titik."
            ),
            petunjuk=[
                "Lihat tabel padanan kode di atas peta kecamatan.",
                "Jangan membuang titik dari kode Kemendagri: kedua sistem berbeda urutan.",
            ],
            umpan_balik={
                utara_kemendagri: (
                    f"{utara_kemendagri} berkode Kemendagri 33.75.03. Kode BPS-nya lain: lihat "
                    "tabel padanan."
                ),
            },
        ),
        SoalPilihan(
            pertanyaan=(
                "Mengapa peta 27 kelurahan tidak diwarnai menurut jumlah penduduk atau kepadatan?"
            ),
            pilihan=list(alasan.values()),
            jawaban=alasan["benar"],
            penjelasan=(
                "SP2010 menghitung 47 kelurahan lama. Sejak 2015 kelurahan digabung menjadi 27, "
                "dan daftar penggabungannya tidak ditemukan. Luas dari poligon peta juga tidak "
                "boleh dipakai karena poligonnya disederhanakan (kasar)."
            ),
            petunjuk=[
                "Baca kalimat di bawah peta kelurahan.",
                "Pada tahun 2010 ada berapa kelurahan, dan sekarang berapa?",
            ],
            umpan_balik={
                alasan["luas"]: (
                    "Poligon peta disederhanakan, jadi luas yang dihitung darinya tidak tepat. "
                    "Kepadatan juga butuh jumlah penduduk per kelurahan."
                ),
                alasan["rahasia"]: "Bukan rahasia: angkanya memang tidak ada untuk 27 kelurahan.",
                alasan["kecil"]: "Peta di atas justru menggambar ke-27 kelurahan.",
            },
        ),
    ]


def semua_soal() -> list:
    """The lesson's exercises in page order, from the shipped data (answer key, tests)."""
    tabel = tabel_kabkota(
        load_dataset(NAMA_PENDUDUK), load_dataset(NAMA_IPM), seri.baca_kemiskinan()
    )
    kec = penduduk_kecamatan(load_dataset(NAMA_SP2010), load_dataset(NAMA_CROSSWALK))
    return daftar_soal(tabel, kec)


# --- the view ----------------------------------------------------------------------------


class PetaKelas(Tampilan):
    """Choose quantile or equal-interval classes and an indicator; see the map and the counts."""

    def __init__(self, tabel: pd.DataFrame, geojson: dict):
        self.tabel, self.geojson = tabel, geojson
        self.cara = ipw.ToggleButtons(
            options=list(CARA),
            value=CARA[0],
            description="Pembagian kelas",
            style={"description_width": "initial", "button_width": "auto"},
            layout=ipw.Layout(flex="1 1 280px"),
        )
        self.indikator = ipw.Dropdown(
            options=list(INDIKATOR),
            value="Kepadatan",
            description="Indikator",
            style={"description_width": "initial"},
            # height auto: the template's 44-px select would be clipped by the 28-px default.
            layout=ipw.Layout(flex="1 1 200px", max_width="300px", height="auto"),
        )
        self.ringkasan = ipw.HTML()
        self.tabel_kelas = ipw.HTML()
        self.grafik = ipw.HTML()
        baris = self.kendali(self.cara, self.indikator)
        self.widget = ipw.VBox(
            [baris, self.grafik, self.ringkasan, self.tabel_kelas],
            layout=ipw.Layout(width="100%"),
        )
        self._update()

    @classmethod
    def from_dataset(cls) -> PetaKelas:
        tabel = tabel_kabkota(
            load_dataset(NAMA_PENDUDUK), load_dataset(NAMA_IPM), seri.baca_kemiskinan()
        )
        return cls(tabel, load_boundaries("kabkota"))

    def _update(self) -> None:
        ind = INDIKATOR[self.indikator.value]
        nilai = self.tabel[ind.kolom].astype(float).tolist()
        tepi = batas(nilai, self.cara.value)
        banyak = banyak_per_kelas(nilai, tepi)
        kota = float(self.tabel.loc[self.tabel["nama"] == KOTA_KITA, ind.kolom].iloc[0])
        kelas_kota = nomor_kelas([kota], tepi)[0]
        if self.cara.value == CARA[0]:
            cara = "Kuantil: setiap kelas berisi jumlah kabupaten/kota yang (hampir) sama"
        else:
            lebar = format_angka(tepi[1] - tepi[0], ind.desimal)
            cara = f"Interval sama: setiap kelas selebar {lebar} {ind.satuan}"
        self.pesan_terakhir = (
            f"{ind.label}, {self.cara.value.lower()}: Kota Pekalongan "
            f"({format_angka(kota, ind.desimal)} {ind.satuan}) di kelas {kelas_kota} dari "
            f"{len(banyak)}; banyak kabupaten/kota per kelas {', '.join(map(str, banyak))}."
        )
        self.ringkasan.value = (
            f"<p class='literasi-ringkasan' style='font-size:1.05em'>{escape(cara)}.<br>"
            f"<b>Kota Pekalongan</b> ({format_angka(kota, ind.desimal)} {escape(ind.satuan)}) ada "
            f"di <b>kelas {kelas_kota} dari {len(banyak)}</b>.<br>Banyak kabupaten/kota per "
            f"kelas, dari terendah: <b>{', '.join(map(str, banyak))}</b>.</p>"
        )
        self.tabel_kelas.value = self._tabel(tepi, banyak, ind)
        self.grafik.value = html_peta_kabkota(
            self.geojson, self.tabel, ind, self.cara.value, tepi, banyak, kelas_kota
        )

    def _tabel(self, tepi: list[float], banyak: list[int], ind: Indikator) -> str:
        baris = "".join(
            f"<tr><td>{i}</td><td>{escape(label)}</td><td style='text-align:right'>{b}</td></tr>"
            for i, (label, b) in enumerate(
                zip(label_kelas(tepi, ind.desimal), banyak, strict=True), start=1
            )
        )
        return (
            "<div style='overflow-x:auto'><table class='literasi-tabel'>"
            f"<caption>Kelas {escape(self.cara.value.lower())}: {escape(ind.label.lower())} "
            f"({escape(ind.satuan)})</caption><thead><tr><th scope='col'>Kelas</th>"
            "<th scope='col'>Batas</th><th scope='col'>Kab/kota</th></tr></thead>"
            f"<tbody>{baris}</tbody></table></div>"
        )

    def isi_poster(self) -> IsiPoster:
        """What the infographic button puts on a poster: the current map and its message."""
        ind = INDIKATOR[self.indikator.value]
        return IsiPoster(
            judul=f"{ind.label} di Jawa Tengah: kelas {self.cara.value.lower()}",
            pesan=self.pesan_terakhir,
            grafik=peta_kabkota(self.geojson, self.tabel, ind, self.cara.value),
            sumber=f"{ind.sumber}; {BATAS_PETA}",
        )
