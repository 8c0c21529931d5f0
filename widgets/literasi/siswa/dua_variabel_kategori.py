"""Lesson 13: two categorical variables. The two-way table, row and column percentages,
association versus independence, and conditional probability P(A | B) read from the table.

Three tables, one way of reading them:
- the class's own Sensus Kelas answers (`literasi.kelas.data_kelas`: the class the teacher picks
  by its code, or a seeded simulated class labelled "simulasi"; groups of fewer than 5 students
  are merged or left out there, never here);
- Jawa Tengah's population by broad age group and sex, Sensus Penduduk 2020 (BPS; dataset
  `piramida_sp2020_jateng_indonesia`, rows with kode_bps 33, 5-year groups summed to 0-14,
  15-64 and 65+);
- the 35 kab/kota of Jawa Tengah by kind (kabupaten or kota, from the name) and BPS's IPM
  status group in 2024 (dataset `ipm_komponen_kabkota_jateng_2020_2024`; groups: rendah < 60,
  sedang 60-<70, tinggi 70-<80, sangat tinggi >= 80).
"""

from __future__ import annotations

import dataclasses
from dataclasses import dataclass
from html import escape

import ipywidgets as ipw
import pandas as pd
from matplotlib.colors import to_rgb
from matplotlib.ticker import FuncFormatter

from literasi.data import load_dataset
from literasi.format import format_angka, format_persen
from literasi.grafik import WARNA_PEKALONGAN, WARNA_SOROT, WARNA_UTAMA, gambar_baru, html_grafik
from literasi.kelas import data_kelas
from literasi.kelas.data_kelas import DataKelas
from literasi.kelas.pemilih_kelas import PemilihKelas
from literasi.soal import SoalAngka, SoalPilihan, SoalTebak
from literasi.tabel import tabel_html
from literasi.tampilan import Tampilan
from literasi.tembolok_grafik import disimpan

NAMA_PIRAMIDA = "piramida_sp2020_jateng_indonesia"
NAMA_IPM = "ipm_komponen_kabkota_jateng_2020_2024"
KODE_JATENG = "33"
PENDUDUK_JATENG_SP2020 = 36_516_035  # datasets/README.md, data 7
TAHUN_IPM = 2024
SEMUA = "Semua"
JUMLAH = "Jumlah"
# (label, first age, last age); 5-year groups of SP2020 summed. None = no upper limit.
KELOMPOK_UMUR = (("0–14", 0, 14), ("15–64", 15, 64), ("65+", 65, None))
# BPS's IPM status groups: a value belongs to the group whose lower limit it reaches.
KATEGORI_IPM = (("rendah", 0.0), ("sedang", 60.0), ("tinggi", 70.0), ("sangat tinggi", 80.0))
SUMBER_SP2020 = (
    "BPS, Sensus Penduduk 2020: penduduk menurut kelompok umur dan jenis kelamin, Jawa Tengah "
    "(diolah: kelompok umur 5 tahunan dijumlahkan)"
)
SUMBER_IPM = (
    f"BPS Provinsi Jawa Tengah, Indeks Pembangunan Manusia menurut Kabupaten/Kota, {TAHUN_IPM}; "
    "kelompok status IPM menurut BPS (diolah)"
)
MODE = (("Banyak", "banyak"), ("% baris", "baris"), ("% kolom", "kolom"))
PALET = (WARNA_UTAMA, WARNA_SOROT, WARNA_PEKALONGAN, "#4d8f3a", "#b8860b", "#6b7b86", "#c44e52")


@dataclass(frozen=True)
class TabelDuaArah:
    """Counts of two categorical variables: one row per category of the first, one column per
    category of the second; every unit (person, kab/kota, student) in exactly one cell."""

    judul: str
    nama_baris: str
    nama_kolom: str
    banyak: pd.DataFrame  # ints; index = row categories, columns = column categories
    satuan: str  # "orang", "kabupaten/kota", "siswa"
    sumber: str
    catatan: str = ""  # what to keep in mind when reading it (shown under the table)
    boleh_disimpan: bool = True  # False for a real class (see DataKelas.boleh_disimpan)

    @property
    def total(self) -> int:
        return int(self.banyak.to_numpy().sum())


# --- reading a two-way table ---------------------------------------------------------------


def persen_baris(banyak: pd.DataFrame) -> pd.DataFrame:
    """Each row as percentages of its own total (each row sums to 100), and a last row SEMUA:
    the column totals as percentages of everything.

    >>> t = pd.DataFrame({"ya": [6, 2], "tidak": [4, 8]}, index=["A", "B"])
    >>> persen_baris(t).round(1).values.tolist()
    [[60.0, 40.0], [20.0, 80.0], [40.0, 60.0]]
    >>> list(persen_baris(t).index)
    ['A', 'B', 'Semua']
    """
    persen = banyak.div(banyak.sum(axis=1), axis=0) * 100
    semua = banyak.sum(axis=0) / banyak.to_numpy().sum() * 100
    return pd.concat([persen, semua.to_frame(SEMUA).T]).astype(float)


def persen_kolom(banyak: pd.DataFrame) -> pd.DataFrame:
    """Each column as percentages of its own total, and a last column SEMUA.

    >>> t = pd.DataFrame({"ya": [6, 2], "tidak": [4, 8]}, index=["A", "B"])
    >>> persen_kolom(t).round(1).values.tolist()
    [[75.0, 33.3, 50.0], [25.0, 66.7, 50.0]]
    """
    return persen_baris(banyak.T).T


def peluang_bersyarat(banyak: pd.DataFrame, baris: str, kolom: str, syarat: str) -> float:
    """P(kolom | baris) when syarat == "baris" (read along the row), P(baris | kolom) when
    syarat == "kolom": the cell divided by the total of the category that is given.

    >>> t = pd.DataFrame({"ya": [6, 2], "tidak": [4, 8]}, index=["A", "B"])
    >>> peluang_bersyarat(t, "A", "ya", "baris"), peluang_bersyarat(t, "A", "ya", "kolom")
    (0.6, 0.75)
    """
    sel = banyak.loc[baris, kolom]
    dasar = banyak.loc[baris].sum() if syarat == "baris" else banyak[kolom].sum()
    return float(sel / dasar)


def harapan_bebas(banyak: pd.DataFrame) -> pd.DataFrame:
    """The counts expected if the two variables were independent: row total × column total ÷
    grand total (every row would then split like the whole table).

    >>> t = pd.DataFrame({"ya": [6, 2], "tidak": [4, 8]}, index=["A", "B"])
    >>> harapan_bebas(t).to_dict("index")
    {'A': {'ya': 4.0, 'tidak': 6.0}, 'B': {'ya': 4.0, 'tidak': 6.0}}
    """
    baris, kolom = banyak.sum(axis=1), banyak.sum(axis=0)
    return pd.DataFrame(
        [[b * k / banyak.to_numpy().sum() for k in kolom] for b in baris],
        index=banyak.index,
        columns=banyak.columns,
        dtype=float,
    )


def selisih_terbesar(banyak: pd.DataFrame) -> tuple[str, str, float, float]:
    """(row, column, row %, SEMUA %) of the cell whose row percentage is farthest from the
    whole table's: where the association shows most. Of two cells as far, the one above the
    whole table's share ("more often than overall" reads easier), then the first.

    >>> t = pd.DataFrame({"ya": [6, 2], "tidak": [4, 8]}, index=["A", "B"])
    >>> selisih_terbesar(t)
    ('A', 'ya', 60.0, 40.0)
    """
    persen = persen_baris(banyak)
    semua = persen.loc[SEMUA]
    beda = persen.drop(index=SEMUA) - semua
    sel = [(b, k) for b in beda.index for k in beda.columns]
    baris, kolom = max(sel, key=lambda bk: (round(abs(beda.loc[bk]), 9), beda.loc[bk] > 0))
    return str(baris), str(kolom), float(persen.loc[baris, kolom]), float(semua[kolom])


# --- the real tables -----------------------------------------------------------------------


def kategori_ipm(nilai: float) -> str:
    """BPS's IPM status group of one value.

    >>> [kategori_ipm(v) for v in (59.99, 60, 69.99, 70, 79.99, 80)]
    ['rendah', 'sedang', 'sedang', 'tinggi', 'tinggi', 'sangat tinggi']
    """
    return [nama for nama, bawah in KATEGORI_IPM if nilai >= bawah][-1]


def jenis_daerah(nama: str) -> str:
    """'Kota' or 'Kabupaten', from the official name.

    >>> jenis_daerah("Kota Pekalongan"), jenis_daerah("Kabupaten Pekalongan")
    ('Kota', 'Kabupaten')
    """
    jenis = nama.split()[0]
    if jenis not in ("Kota", "Kabupaten"):
        raise ValueError(f"{nama!r}: bukan nama kabupaten atau kota")
    return jenis


def _kelompok_umur(umur_mulai: int) -> str:
    for label, awal, akhir in KELOMPOK_UMUR:
        if umur_mulai >= awal and (akhir is None or umur_mulai <= akhir):
            return label
    raise ValueError(f"umur {umur_mulai}: tidak masuk kelompok mana pun")


def tabel_umur_jenis_kelamin(piramida: pd.DataFrame) -> TabelDuaArah:
    """Jawa Tengah's population, SP2020: broad age group (rows) × sex (columns)."""
    jateng = piramida[piramida["kode_bps"] == KODE_JATENG]
    umur = jateng["umur_mulai"].astype(int).map(_kelompok_umur)
    banyak = pd.crosstab(
        umur, jateng["jenis_kelamin"].astype(str), values=jateng["jumlah_jiwa"], aggfunc="sum"
    )
    banyak = banyak.reindex([k[0] for k in KELOMPOK_UMUR]).rename_axis(index=None, columns=None)
    return TabelDuaArah(
        judul="Penduduk Jawa Tengah menurut umur dan jenis kelamin, Sensus Penduduk 2020",
        nama_baris="Kelompok umur",
        nama_kolom="Jenis kelamin",
        banyak=banyak.astype(int),
        satuan="orang",
        sumber=SUMBER_SP2020,
        catatan=(
            "Hasil sensus: semua penduduk dihitung, jadi selisih antarbaris bukan karena "
            "kebetulan sampel."
        ),
    )


def tabel_daerah_ipm(ipm: pd.DataFrame, tahun: int = TAHUN_IPM) -> TabelDuaArah:
    """The 35 kab/kota of one year: kind of region (rows) × BPS's IPM status group (columns).
    Status groups with no kab/kota that year are left out of the columns."""
    data = ipm[ipm["Tahun"] == tahun]
    if len(data) != 35:
        raise ValueError(f"Tahun {tahun}: {len(data)} kabupaten/kota, seharusnya 35.")
    jenis = data["Wilayah"].astype(str).map(jenis_daerah)
    kategori = data["Indeks Pembangunan Manusia"].astype(float).map(kategori_ipm)
    banyak = pd.crosstab(jenis, kategori)
    urut = [k for k, _ in KATEGORI_IPM if k in banyak.columns]
    banyak = banyak[urut].reindex(["Kabupaten", "Kota"]).rename_axis(index=None, columns=None)
    return TabelDuaArah(
        judul=f"35 kabupaten/kota Jawa Tengah menurut jenis daerah dan status IPM, {tahun}",
        nama_baris="Jenis daerah",
        nama_kolom="Status IPM",
        banyak=banyak.astype(int),
        satuan="kabupaten/kota",
        sumber=SUMBER_IPM.replace(str(TAHUN_IPM), str(tahun)),
        catatan=(
            "Hanya 6 kota: satu kota yang pindah kelompok mengubah persen baris Kota "
            f"{format_angka(100 / 6, 1)} poin persen."
        ),
    )


# --- the class's own data ------------------------------------------------------------------


@dataclass(frozen=True)
class VariabelKelas:
    """A categorical variable of the class survey: a choice question, or one made from a
    number question with a cut-off (the cut-off is said in its name)."""

    nama: str
    label: dict  # category -> how it is written in the table (short, self-explaining)
    dari: str = ""  # number question it is made from
    batas: float = 0.0  # value >= batas -> first category


VARIABEL_KELAS = {
    "layar_3_jam": VariabelKelas(
        "Waktu layar", {"≥ 3 jam": "layar ≥ 3 jam", "< 3 jam": "layar < 3 jam"}, "layar_jam", 3
    ),
    "tidur_8_jam": VariabelKelas(
        "Lama tidur", {"≥ 8 jam": "tidur ≥ 8 jam", "< 8 jam": "tidur < 8 jam"}, "tidur_jam", 8
    ),
    "sarapan": VariabelKelas("Sarapan", {"ya": "sarapan", "tidak": "tidak sarapan"}),
    "tangan_dominan": VariabelKelas("Tangan menulis", {}),
    "moda": VariabelKelas("Cara ke sekolah", {}),
}
BARIS_KELAS, KOLOM_KELAS = "layar_3_jam", "tidur_8_jam"
# The pairs a class's table opens with, in order: the first one this class can show.
PASANGAN_KELAS = (
    (BARIS_KELAS, KOLOM_KELAS),
    ("sarapan", "tidur_8_jam"),
    ("layar_3_jam", "sarapan"),
    ("moda", "sarapan"),
    ("moda", "layar_3_jam"),
    ("moda", "tidur_8_jam"),
)


def dengan_turunan(kelas: DataKelas) -> DataKelas:
    """The class with the variables made from number questions added (ordered categories).

    >>> k = DataKelas("X", pd.DataFrame({"tidur_jam": [8.0, 7.5], "layar_jam": [3.0, 1.0]}))
    >>> dengan_turunan(k).jawaban["tidur_8_jam"].tolist()
    ['≥ 8 jam', '< 8 jam']
    """
    jawaban = kelas.jawaban.copy()
    for kunci, v in VARIABEL_KELAS.items():
        if v.dari and v.dari in jawaban:
            atas, bawah = list(v.label)
            nilai = jawaban[v.dari].astype("Float64")
            teks = pd.Series(pd.NA, index=jawaban.index, dtype="string")
            teks[nilai >= v.batas] = atas
            teks[nilai < v.batas] = bawah
            jawaban[kunci] = pd.Categorical(teks, categories=[atas, bawah])
    return dataclasses.replace(kelas, jawaban=jawaban)


def pasangan_bawaan(kelas: DataKelas) -> tuple[str, str]:
    """The first pair of PASANGAN_KELAS whose table this class can show (every group of at
    least 5 students), so the lesson never opens on an empty table; the first pair if none.

    >>> pasangan_bawaan(data_kelas.muat_kelas(data_kelas.SIMULASI))
    ('layar_3_jam', 'tidur_8_jam')
    """
    turunan = dengan_turunan(kelas)
    for baris, kolom in PASANGAN_KELAS:
        if not data_kelas.tabel_silang(turunan, baris, kolom).empty:
            return baris, kolom
    return PASANGAN_KELAS[0]


def tabel_kelas(kelas: DataKelas, baris: str, kolom: str) -> TabelDuaArah:
    """The class's two-way table of two variables of VARIABEL_KELAS, in groups of at least 5
    students (data_kelas.tabel_silang); the note says what was merged or left out."""
    kelas = dengan_turunan(kelas)
    vb, vk = VARIABEL_KELAS[baris], VARIABEL_KELAS[kolom]
    banyak = data_kelas.tabel_silang(kelas, baris, kolom)
    banyak = banyak.rename(index=vb.label, columns=vk.label)
    pesan = [
        data_kelas.pesan_kelompok(kelas, k, VARIABEL_KELAS[k].nama)
        for k in dict.fromkeys((baris, kolom))
    ]
    catatan = " ".join(p for p in pesan if p)
    if kelas.simulasi:
        catatan = (
            "Ini kelas simulasi: jawabannya rekaan komputer, dibuat saling bebas. " + catatan
        ).strip()
    else:
        catatan = (
            f"Dengan {kelas.n} siswa, selisih beberapa poin persen antarbaris bisa muncul karena "
            f"kebetulan. {catatan}"
        ).strip()
    return TabelDuaArah(
        judul=f"{kelas.judul}: {_huruf_kecil(vb.nama)} dan {_huruf_kecil(vk.nama)}",
        nama_baris=vb.nama,
        nama_kolom=vk.nama,
        banyak=banyak,
        satuan="siswa",
        sumber=kelas.sumber,
        catatan=catatan,
        boleh_disimpan=kelas.boleh_disimpan,
    )


# --- words, table and chart --------------------------------------------------------------


def _huruf_kecil(nama: str) -> str:
    """'Status IPM' -> 'status IPM' inside a sentence (an acronym keeps its capitals).

    >>> _huruf_kecil("Status IPM"), _huruf_kecil("IPM")
    ('status IPM', 'IPM')
    """
    return nama[:1].lower() + nama[1:] if nama[1:2].islower() else nama


def _peluang_teks(p: float) -> str:
    """A probability to two decimals: 0,53."""
    return format_angka(p, 2)


def kalimat_baca(tabel: TabelDuaArah, mode: str) -> str:
    """How to read the table in this mode, with one conditional probability from it: the cell
    where the rows (or columns) differ most from the whole table."""
    b, satuan = tabel.banyak, tabel.satuan
    if b.empty:
        return ""
    if mode == "banyak":
        r, c = b.stack().idxmax()
        return (
            f"Tabel ini membagi {format_angka(tabel.total)} {satuan} menurut "
            f"{_huruf_kecil(tabel.nama_baris)} (baris) dan {_huruf_kecil(tabel.nama_kolom)} "
            "(kolom); setiap "
            f"{satuan} ada di tepat satu sel. Sel terbesar: “{r}” dan “{c}”, "
            f"{format_angka(b.loc[r, c])} {satuan}."
        )
    if mode == "baris":
        r, c, p, semua = selisih_terbesar(b)
        diketahui, sel, dasar = r, c, b.loc[r].sum()
        arah, pembanding = "baris", f"baris {SEMUA}"
    else:
        c, r, p, semua = selisih_terbesar(b.T)
        diketahui, sel, dasar = c, r, b[c].sum()
        arah, pembanding = "kolom", f"kolom {SEMUA}"
    n_sel = b.loc[r, c]
    return (
        f"Baca per {arah}. Dari {format_angka(dasar)} {satuan} di {arah} “{diketahui}”, "
        f"{format_angka(n_sel)} ada di “{sel}”: P({sel} | {diketahui}) = "
        f"{format_angka(n_sel)} : {format_angka(dasar)} ≈ {_peluang_teks(p / 100)} "
        f"({format_persen(p)}). Seandainya kedua variabel saling bebas, setiap {arah} terbagi "
        f"sama seperti {pembanding} ({format_persen(semua)} “{sel}”). Selisih terbesar dari "
        f"{pembanding}: {format_angka(abs(p - semua), 1)} poin persen."
    )


def tabel_tampil(tabel: TabelDuaArah, mode: str) -> pd.DataFrame:
    """The table as shown in one mode: counts with totals, or row or column percentages."""
    b = tabel.banyak
    if mode == "banyak":
        isi = b.copy()
        isi[JUMLAH] = b.sum(axis=1)
        isi.loc[JUMLAH] = isi.sum(axis=0)
        isi = isi.astype("Int64")
    elif mode == "baris":
        isi = persen_baris(b)
        isi[JUMLAH] = 100.0
    else:
        isi = persen_kolom(b)
        isi.loc[JUMLAH] = 100.0
    return isi.reset_index(names=tabel.nama_baris)


JUDUL_MODE = {
    "banyak": "banyak {satuan}",
    "baris": "persen baris (%): setiap baris berjumlah 100",
    "kolom": "persen kolom (%): setiap kolom berjumlah 100",
}


def html_tabel(tabel: TabelDuaArah, mode: str) -> str:
    isi = tabel_tampil(tabel, mode)
    judul = f"{tabel.judul}; {JUDUL_MODE[mode].format(satuan=tabel.satuan)}"
    return tabel_html(isi, judul, desimal=1).data


def _warna_teks(warna: str) -> str:
    """Black or white, whichever reads better on this bar colour."""
    r, g, b = to_rgb(warna)
    return "#111111" if 0.299 * r + 0.587 * g + 0.114 * b > 0.55 else "#ffffff"


def _skala(maks: float) -> tuple[float, str]:
    """Divide counts by this, and say so on the axis: juta, ribu, or as they are."""
    if maks >= 1e6:
        return 1e6, "juta"
    if maks >= 1e4:
        return 1e3, "ribu"
    return 1.0, ""


@disimpan
def grafik_dua_arah(tabel: TabelDuaArah, mode: str) -> str:
    """Stacked horizontal bars of the table in one mode; in the percentage modes a last bar
    SEMUA shows how everything splits, the yardstick for independence."""
    b = tabel.banyak
    if mode == "baris":
        data, legenda = persen_baris(b), tabel.nama_kolom
        sumbu, skala, satuan = "% dari baris", 1.0, "%"
    elif mode == "kolom":
        data, legenda = persen_kolom(b).T, tabel.nama_baris
        sumbu, skala, satuan = "% dari kolom", 1.0, "%"
    else:
        data, legenda = b.astype(float), tabel.nama_kolom
        skala, kata = _skala(float(b.sum(axis=1).max()))
        sumbu = f"banyak {tabel.satuan}" + (f" ({kata})" if kata else "")
        satuan = ""
    kategori = [str(i) for i in data.index]
    y = [i + (0.35 if k == SEMUA else 0.0) for i, k in enumerate(kategori)]
    fig = gambar_baru(3.6, 1.5 + 0.42 * len(kategori))
    ax = fig.add_subplot()
    kiri = [0.0] * len(kategori)
    lebar_maks = float(data.sum(axis=1).max()) / skala
    for j, seg in enumerate(data.columns):
        warna = PALET[j % len(PALET)]
        lebar = [float(v) / skala for v in data[seg]]
        ax.barh(
            y,
            lebar,
            left=kiri,
            height=0.7,
            color=warna,
            edgecolor="white",
            linewidth=0.8,
            label=str(seg),
        )
        for yi, awal, w in zip(y, kiri, lebar, strict=True):
            if w >= 0.13 * lebar_maks:
                teks = (
                    f"{format_angka(w, 0)}%" if satuan else format_angka(w, 1 if skala > 1 else 0)
                )
                ax.text(
                    awal + w / 2,
                    yi,
                    teks,
                    ha="center",
                    va="center",
                    fontsize=9,
                    color=_warna_teks(warna),
                )
        kiri = [a + w for a, w in zip(kiri, lebar, strict=True)]
    ax.set_yticks(y, kategori)
    for label in ax.get_yticklabels():
        if label.get_text() == SEMUA:
            label.set_fontweight("bold")
    ax.invert_yaxis()
    ax.tick_params(labelsize=9)
    ax.set_xlabel(sumbu, fontsize=9)
    ax.xaxis.set_major_formatter(
        FuncFormatter(lambda v, _: format_angka(v, 0 if v == int(v) else 1))
    )
    ax.set_xlim(0, lebar_maks * 1.001)
    ax.legend(
        title=legenda,
        title_fontsize=9,
        fontsize=9,
        frameon=False,
        loc="lower center",
        bbox_to_anchor=(0.5, 1.0),
        ncol=min(len(data.columns), 2),  # a 332-px phone column holds two names
    )
    ax.spines[["top", "right"]].set_visible(False)
    bagian = []
    for k, (_, baris) in zip(kategori, data.iterrows(), strict=True):
        nilai = ", ".join(
            f"{seg} {format_persen(v) if satuan else format_angka(v)}" for seg, v in baris.items()
        )
        bagian.append(f"{k}: {nilai}")
    jenis = {"banyak": "banyak", "baris": "persen baris", "kolom": "persen kolom"}[mode]
    kalimat = f"Diagram batang bertumpuk ({jenis}), {tabel.judul}. " + "; ".join(bagian) + "."
    return html_grafik(fig, alt=kalimat, keterangan=kalimat, sumber=tabel.sumber)


# --- exercises ---------------------------------------------------------------------------


def daftar_soal(piramida: pd.DataFrame, ipm: pd.DataFrame) -> list:
    """Six exercises on the two real tables (the class's table changes, so it is not graded).
    Soal 1 (predict) comes before the Jawa Tengah view."""
    umur = tabel_umur_jenis_kelamin(piramida).banyak
    daerah = tabel_daerah_ipm(ipm).banyak
    tua, pr = "65+", "perempuan"
    n_tua, n_pr, n_tua_pr = int(umur.loc[tua].sum()), int(umur[pr].sum()), int(umur.loc[tua, pr])
    p_pr_tua = 100 * peluang_bersyarat(umur, tua, pr, "baris")
    p_tua_pr = 100 * peluang_bersyarat(umur, tua, pr, "kolom")
    p_pr_semua = 100 * n_pr / int(umur.to_numpy().sum())
    st = "sangat tinggi"
    n_kota, n_st, n_kota_st = (
        int(daerah.loc["Kota"].sum()),
        int(daerah[st].sum()),
        int(daerah.loc["Kota", st]),
    )
    p_st_kota = peluang_bersyarat(daerah, "Kota", st, "baris")
    p_kota_st = peluang_bersyarat(daerah, "Kota", st, "kolom")
    p_st_kab = 100 * peluang_bersyarat(daerah, "Kabupaten", st, "baris")
    p_st_semua = 100 * n_st / int(daerah.to_numpy().sum())
    harapan = harapan_bebas(daerah).loc["Kota", st]
    arti = {
        "benar": "Dari penduduk 65+, bagian yang perempuan",
        "balik": "Dari penduduk perempuan, bagian yang 65+",
        "irisan": "Dari semua penduduk, yang perempuan dan 65+",
        "marginal": "Dari semua penduduk, bagian yang perempuan",
    }
    bebas = {
        "benar": "Tidak: % sangat tinggi beda jauh antarbaris",
        "banyak": "Ya: kabupaten jauh lebih banyak dari kota",
        "rendah": "Ya: tidak ada daerah berstatus rendah",
        "sampel": "Tidak bisa dinilai: ini bukan sampel",
    }
    return [
        SoalTebak(
            pertanyaan=(
                "Sensus Penduduk 2020 menghitung semua penduduk Jawa Tengah. Di antara penduduk "
                "yang berumur 65 tahun ke atas, berapa persen yang perempuan?"
            ),
            jawaban=p_pr_tua,
            persen=True,
            desimal=1,
            penjelasan=(
                f"{format_angka(n_tua_pr)} dari {format_angka(n_tua)} orang berumur 65+ adalah "
                f"perempuan. Di antara semua penduduk, perempuan {format_persen(p_pr_semua)}: di "
                "umur tua perempuan lebih banyak, antara lain karena rata-rata perempuan hidup "
                "lebih lama. Umur dan jenis kelamin berhubungan."
            ),
        ),
        SoalAngka(
            pertanyaan=(
                "Pilih tabel penduduk, lalu % kolom. Dari semua penduduk perempuan Jawa Tengah, "
                "berapa persen yang berumur 65 tahun ke atas?"
            ),
            jawaban=p_tua_pr,
            persen=True,
            desimal=1,
            petunjuk=[
                "Pada % kolom setiap kolom berjumlah 100%. Baca kolom perempuan saja.",
                "Hitung: perempuan 65+ ÷ semua perempuan × 100.",
                f"{format_angka(n_tua_pr)} ÷ {format_angka(n_pr)} × 100 = …",
            ],
            penjelasan=(
                f"{format_angka(n_tua_pr)} : {format_angka(n_pr)} × 100 ≈ "
                f"{format_persen(p_tua_pr)}. Itu P(65+ | perempuan). Soal 1 menanyakan "
                f"P(perempuan | 65+) = {format_persen(p_pr_tua)}: selnya sama, penyebutnya beda."
            ),
        ),
        SoalPilihan(
            pertanyaan="Kalimat mana yang sama artinya dengan P(perempuan | 65+)?",
            pilihan=list(arti.values()),
            jawaban=arti["benar"],
            penjelasan=(
                "Tanda | dibaca “jika diketahui”: yang diketahui (sesudah |) menjadi penyebut. "
                f"P(perempuan | 65+) = {format_persen(p_pr_tua)}."
            ),
            petunjuk=[
                "Yang ditulis sesudah tanda | adalah kelompok yang sudah diketahui.",
                "Kelompok yang diketahui itulah yang menjadi keseluruhan (penyebut).",
            ],
            umpan_balik={
                arti["balik"]: "Itu P(65+ | perempuan): kebalikannya. Lihat Soal 2.",
                arti["irisan"]: "Itu peluang dua kejadian sekaligus, penyebutnya semua penduduk.",
                arti["marginal"]: "Itu P(perempuan) saja, tanpa syarat umur.",
            },
        ),
        SoalAngka(
            pertanyaan=(
                f"Pilih tabel kabupaten/kota {TAHUN_IPM}. Sebuah kota di Jawa Tengah dipilih "
                "acak. Berapa peluang status IPM-nya sangat tinggi? Tulis sebagai pecahan, "
                "desimal, atau persen."
            ),
            jawaban=p_st_kota,
            desimal=2,
            toleransi=0.01,
            petunjuk=[
                "Yang diketahui: daerahnya kota. Baca baris Kota saja.",
                "Banyak kota berstatus sangat tinggi ÷ banyak semua kota.",
            ],
            penjelasan=(
                f"P(sangat tinggi | kota) = {n_kota_st}/{n_kota} ≈ {_peluang_teks(p_st_kota)} "
                f"({format_persen(100 * p_st_kota)})."
            ),
        ),
        SoalAngka(
            pertanyaan=(
                "Sekarang dibalik: sebuah kabupaten/kota berstatus IPM sangat tinggi dipilih "
                "acak. Berapa peluang daerah itu kota?"
            ),
            jawaban=p_kota_st,
            desimal=2,
            toleransi=0.01,
            petunjuk=[
                "Yang diketahui: statusnya sangat tinggi. Baca kolom sangat tinggi saja.",
                "Banyak kota di kolom itu ÷ banyak semua daerah di kolom itu.",
            ],
            penjelasan=(
                f"P(kota | sangat tinggi) = {n_kota_st}/{n_st} = {_peluang_teks(p_kota_st)}: "
                "semua daerah berstatus sangat tinggi adalah kota. Tetapi P(sangat tinggi | "
                f"kota) hanya {_peluang_teks(p_st_kota)}. Urutan syarat itu penting."
            ),
        ),
        SoalPilihan(
            pertanyaan=(
                f"Apakah jenis daerah (kabupaten atau kota) dan status IPM {TAHUN_IPM} saling "
                "bebas?"
            ),
            pilihan=list(bebas.values()),
            jawaban=bebas["benar"],
            penjelasan=(
                "Jika saling bebas, setiap baris terbagi sama seperti baris Semua: "
                f"{format_persen(p_st_semua)} sangat tinggi. Kenyataannya kota "
                f"{format_persen(100 * p_st_kota)} dan kabupaten {format_persen(p_st_kab)}. "
                f"Jika saling bebas, dari {n_kota} kota diharapkan hanya "
                f"{format_angka(harapan, 2)} yang sangat tinggi, bukan {n_kota_st}. Jadi keduanya "
                "berhubungan (berasosiasi); itu belum berarti status kota menyebabkan IPM tinggi."
            ),
            petunjuk=[
                "Pilih % baris. Saling bebas berarti setiap baris sama dengan baris Semua.",
                "Bandingkan persen sangat tinggi di baris Kota, Kabupaten, dan Semua.",
            ],
            umpan_balik={
                bebas["banyak"]: "Banyaknya baris tidak menentukan; bandingkan persen barisnya.",
                bebas["rendah"]: "Itu tentang satu kolom yang kosong, bukan tentang hubungan.",
                bebas["sampel"]: "Data lengkap 35 daerah justru bisa langsung dibandingkan.",
            },
        ),
    ]


def semua_soal() -> list:
    """The lesson's exercises in page order, from the shipped data (answer key, tests)."""
    return daftar_soal(load_dataset(NAMA_PIRAMIDA), load_dataset(NAMA_IPM))


# --- the views ---------------------------------------------------------------------------


class _TampilanDuaArah(Tampilan):
    """A two-way table shown as counts, row % or column %: a sentence, the table, a chart."""

    def _keluaran(self) -> None:
        self.mode = ipw.ToggleButtons(
            options=MODE,
            value="banyak",
            description="Tampilkan",
            style={"description_width": "initial", "button_width": "auto"},
            layout=ipw.Layout(width="100%"),
        )
        self.status = ipw.HTML()
        self.ringkasan = ipw.HTML()
        self.tabel = ipw.HTML()
        self.grafik = ipw.HTML()
        self.catatan = ipw.HTML()

    def _tabel_sekarang(self) -> TabelDuaArah | None:
        raise NotImplementedError

    def _gambar(self) -> None:
        tabel = self._tabel_sekarang()
        self.tabel_terakhir = tabel
        if tabel is None or tabel.banyak.empty:
            self.ringkasan.value = self.tabel.value = self.grafik.value = ""
            return
        mode = self.mode.value
        self.ringkasan.value = (
            f"<p class='literasi-ringkasan'>{escape(kalimat_baca(tabel, mode))}</p>"
        )
        self.tabel.value = html_tabel(tabel, mode)
        self.grafik.value = grafik_dua_arah(tabel, mode)
        self.catatan.value = (
            f"<p class='literasi-kecil'>{escape(tabel.catatan)}</p>" if tabel.catatan else ""
        )


class JelajahJawaTengah(_TampilanDuaArah):
    """Two real Jawa Tengah tables: population by age group and sex (SP2020), and kab/kota by
    kind and IPM status group."""

    def __init__(self, piramida: pd.DataFrame, ipm: pd.DataFrame):
        self.semua_tabel = {
            "umur": tabel_umur_jenis_kelamin(piramida),
            "ipm": tabel_daerah_ipm(ipm),
        }
        self._keluaran()
        self.data = ipw.Dropdown(
            options=[
                ("Penduduk (SP2020)", "umur"),
                (f"Kabupaten/kota (IPM {TAHUN_IPM})", "ipm"),
            ],
            value="umur",
            description="Tabel",
            style={"description_width": "initial"},
            layout=ipw.Layout(width="100%", max_width="420px", height="auto"),
        )
        baris = self.kendali(self.mode, self.data)
        self.widget = ipw.VBox(
            [baris, self.grafik, self.ringkasan, self.tabel, self.catatan],
            layout=ipw.Layout(width="100%"),
        )
        self._update()

    @classmethod
    def from_dataset(cls) -> JelajahJawaTengah:
        return cls(load_dataset(NAMA_PIRAMIDA), load_dataset(NAMA_IPM))

    def _tabel_sekarang(self) -> TabelDuaArah:
        return self.semua_tabel[self.data.value]

    def _update(self) -> None:
        self._gambar()


class DataKelasKita(_TampilanDuaArah):
    """The class's own Sensus Kelas answers as a two-way table. The teacher picks the class by
    its code (`PemilihKelas`, with "Perbarui": the app may have started before the class
    filled the survey). With no survey on the laptop, the simulated class, labelled
    "simulasi"."""

    def __init__(self, path=None):
        self._keluaran()
        gaya = {"description_width": "initial"}
        pilihan = [(v.nama, k) for k, v in VARIABEL_KELAS.items()]
        self.baris = ipw.Dropdown(
            options=pilihan,
            value=BARIS_KELAS,
            description="Baris",
            style=gaya,
            layout=ipw.Layout(width="auto", height="auto"),
        )
        self.kolom = ipw.Dropdown(
            options=pilihan,
            value=KOLOM_KELAS,
            description="Kolom",
            style=gaya,
            layout=ipw.Layout(width="auto", height="auto"),
        )
        self.pemilih = PemilihKelas(self._on_change, path)
        self.kelas, self.status = self.pemilih.kelas, self.pemilih.status
        self._data_dipasangkan, self._menyetel = None, False
        self.widget = ipw.VBox(
            [
                self.status,
                self.kendali(self.mode),
                self.kendali(self.baris, self.kolom),
                self.grafik,
                self.ringkasan,
                self.tabel,
                self.catatan,
                self.pemilih.kontrol,
            ],
            layout=ipw.Layout(width="100%"),
        )
        self._update()

    @property
    def data(self) -> DataKelas:
        return self.pemilih.data

    def perbarui(self) -> None:
        """Read the list of classes and the chosen class's answers again."""
        self.pemilih.perbarui()

    def _on_change(self, _change=None) -> None:
        if not self._menyetel:
            self._update()

    def _tabel_sekarang(self) -> TabelDuaArah | None:
        if self.baris.value == self.kolom.value:
            return None
        return tabel_kelas(self.data, self.baris.value, self.kolom.value)

    def _update(self) -> None:
        if self._data_dipasangkan is not self.data:  # answers (re)loaded
            self._data_dipasangkan = self.data
            if tabel_kelas(self.data, self.baris.value, self.kolom.value).banyak.empty:
                self._menyetel = True  # open on a pair this class can show
                try:
                    self.baris.value, self.kolom.value = pasangan_bawaan(self.data)
                finally:
                    self._menyetel = False
        self._gambar()
        if self.baris.value == self.kolom.value:
            self.catatan.value = "<p>Pilih dua variabel yang berbeda untuk baris dan kolom.</p>"
        elif self.tabel_terakhir is not None and self.tabel_terakhir.banyak.empty:
            self.catatan.value = (
                f"<p>{escape(self.tabel_terakhir.catatan)} Pilih variabel lain.</p>"
            )
