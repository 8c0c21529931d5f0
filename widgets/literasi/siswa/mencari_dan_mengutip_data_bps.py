"""Lesson 14: finding and citing BPS data. Which BPS product answers which question, how a
table is cited (publisher, title, table number where one exists, year, access date, "diolah"),
and how to ask the office. Works offline: no website is opened.

What a BPS web table looks like is shown with three of the kit's own tables that were copied
from web tables of BPS Provinsi Jawa Tengah; their publisher, title and site are read from the
sources recorded in datasets/datapackage.json, never typed here. The office's contact details
(website, the Syawalan WhatsApp number) are in the teacher's guide, not in the app.

`SoalKutipan` is an exercise for the kit's exercise engine (`literasi.soal.KartuSoal` takes any
object with its methods): the student writes a citation and the checker names what is missing,
accepting the usual variants ("BPS Jateng", "Badan Pusat Statistik Provinsi Jawa Tengah",
"diakses 3/2/2025", "diakses pada 3 Februari 2025", "2020–2023").
"""

from __future__ import annotations

import datetime as dt
import re
from dataclasses import dataclass, field
from html import escape

import ipywidgets as ipw
import pandas as pd
from matplotlib.ticker import FuncFormatter

from literasi.data import KOTA_KITA, describe_dataset, load_dataset
from literasi.format import format_angka, format_bertanda
from literasi.grafik import WARNA_LAIN, WARNA_PEKALONGAN, WARNA_SOROT, gambar_baru, html_grafik
from literasi.soal import LEBAR_PENUH, Hasil, SoalBanyak, SoalPilihan
from literasi.tabel import tabel_html
from literasi.tampilan import Tampilan
from literasi.tembolok_grafik import disimpan

CONTOH_TANGGAL_AKSES = "12 Mei 2025"  # an example date in the model answers, said to be one
BULAN = {
    "januari": 1, "jan": 1, "februari": 2, "pebruari": 2, "feb": 2, "maret": 3, "mar": 3,
    "april": 4, "apr": 4, "mei": 5, "juni": 6, "jun": 6, "juli": 7, "jul": 7, "agustus": 8,
    "agu": 8, "agt": 8, "ags": 8, "september": 9, "sept": 9, "sep": 9, "oktober": 10, "okt": 10,
    "november": 11, "nopember": 11, "nov": 11, "desember": 12, "des": 12,
}  # fmt: skip

# --- BPS products ----------------------------------------------------------------------------


@dataclass(frozen=True)
class Produk:
    nama: str
    apa: str  # what it is
    kapan: str  # when to use it


PRODUK = {
    "brs": Produk(
        "Berita Resmi Statistik (BRS)",
        "pengumuman resmi angka terbaru sebuah indikator (misalnya kemiskinan, pengangguran, IPM), "
        "terbit pada jadwal tetap, singkat, dengan angka utama dan perubahannya",
        "angka resmi terbaru, pada hari angka itu diumumkan",
    ),
    "dda": Produk(
        "Kota Pekalongan Dalam Angka",
        "buku tahunan BPS Kota Pekalongan yang menghimpun banyak topik (geografi, iklim, "
        "pemerintahan, penduduk, sosial, ekonomi) dari BPS dan dinas-dinas kota, dalam tabel "
        "bernomor",
        "banyak topik tentang kota dalam satu buku tahunan",
    ),
    "tabel": Produk(
        "Tabel statistik di situs web BPS",
        "tabel yang dicari menurut topik dan bisa diunduh, sering berupa deret beberapa tahun "
        "untuk setiap kabupaten/kota",
        "satu indikator untuk beberapa tahun atau daerah, untuk diolah atau digambar",
    ),
    "sensus": Produk(
        "Hasil sensus (misalnya Sensus Penduduk 2020)",
        "hasil menghitung semua penduduk (atau semua usaha, semua rumah tangga tani), sekitar "
        "sepuluh tahun sekali, rinci sampai wilayah kecil",
        "hitungan lengkap semua orang (bukan sampel), sampai wilayah kecil",
    ),
}


def html_produk() -> str:
    """The products as a short list (when to use each), what each holds folded below."""
    kapan = "".join(
        f"<li><b>{escape(p.nama)}</b>: {escape(p.kapan)}.</li>" for p in PRODUK.values()
    )
    apa = "".join(f"<li><b>{escape(p.nama)}</b>: {escape(p.apa)}.</li>" for p in PRODUK.values())
    return (
        f"<ul>{kapan}</ul><details><summary>Apa isi setiap produk?</summary><ul>{apa}</ul>"
        "</details>"
    )


# --- the kit's BPS web tables ----------------------------------------------------------------


@dataclass(frozen=True)
class SumberTabel:
    """A web table as recorded in datapackage.json: who published it, its title, its site, and
    how the kit got its copy."""

    penerbit: str
    judul: str
    situs: str
    salinan: str


_POLA_SUMBER = re.compile(
    r"^(?P<penerbit>[^,]+), (?P<judul>.+?) \((?P<situs>[a-z0-9.-]+\.go\.id)\), "
    r"lewat (?P<salinan>.+)$"
)


def sumber_tabel(nama_data: str) -> SumberTabel:
    """The first recorded source of a dataset copied from a BPS web table.

    >>> s = sumber_tabel("ipm_komponen_kabkota_jateng_2020_2024")
    >>> s.penerbit, s.situs
    ('BPS Provinsi Jawa Tengah', 'jateng.bps.go.id')
    >>> s.judul
    '[Metode Baru] Indeks Pembangunan Manusia menurut Kabupaten/Kota'
    """
    judul = describe_dataset(nama_data)["sources"][0]["title"]
    cocok = _POLA_SUMBER.match(judul)
    if not cocok:
        raise ValueError(f"{nama_data}: sumbernya bukan tabel situs web BPS: {judul!r}")
    return SumberTabel(**cocok.groupdict())


@dataclass(frozen=True)
class TabelWeb:
    """One of the kit's BPS web tables and the column the lesson shows."""

    label: str  # for the dropdown
    nama_data: str
    kolom: str
    nama: str  # the indicator, inside a sentence
    singkat: str  # the indicator on a chart axis, with its unit
    judul: str  # the indicator in a chart title (short)
    kolom_tiruan: str  # what the numbers of the mock web table are
    satuan: str  # unit of one value ("" for an index)
    satuan_ubah: str  # unit of a change ("poin", "poin persen")


TABEL_WEB = {
    "ipm": TabelWeb(
        label="IPM",
        nama_data="ipm_komponen_kabkota_jateng_2020_2024",
        kolom="Indeks Pembangunan Manusia",
        nama="IPM",
        singkat="IPM",
        judul="IPM",
        kolom_tiruan="IPM",
        satuan="",
        satuan_ubah="poin",
    ),
    # The counts of poor people: the kit's copy of this table has BPS's counts, but its
    # percentages were recomputed by the copier (datasets/README.md, data 10; literasi.seri).
    "miskin": TabelWeb(
        label="Penduduk miskin",
        nama_data="kemiskinan_maret_kabkota_jateng_2020_2024",
        kolom="Jumlah Penduduk Miskin Maret Ribu Jiwa",
        nama="jumlah penduduk miskin",
        singkat="penduduk miskin (ribu jiwa)",
        judul="Penduduk miskin",
        kolom_tiruan="jumlah penduduk miskin (ribu jiwa); tabel aslinya juga memuat persentasenya",
        satuan="ribu jiwa",
        satuan_ubah="ribu jiwa",
    ),
    "tpt": TabelWeb(
        label="Pengangguran terbuka (TPT)",
        nama_data="tpt_jenis_kelamin_kabkota_jateng_2020_2023",
        kolom="Total",
        nama="tingkat pengangguran terbuka (TPT)",
        singkat="TPT total (%)",
        judul="Pengangguran terbuka",
        kolom_tiruan="TPT laki-laki dan perempuan (%); tabel aslinya juga merinci jenis kelamin",
        satuan="%",
        satuan_ubah="poin persen",
    ),
}


def rentang_tahun(tahun: list[int]) -> str:
    """'2020–2024' for several years, '2023' for one.

    >>> rentang_tahun([2022, 2020, 2021]), rentang_tahun([2023])
    ('2020–2022', '2023')
    """
    awal, akhir = min(tahun), max(tahun)
    return str(awal) if awal == akhir else f"{awal}–{akhir}"


def kutipan(
    sumber: SumberTabel,
    tahun: str,
    diolah: bool,
    tanggal_akses: str = CONTOH_TANGGAL_AKSES,
    nomor_tabel: str = "",
) -> str:
    """A full citation of a web table, in the form this lesson teaches.

    >>> s = SumberTabel("BPS Provinsi Jawa Tengah", "Judul Tabel", "jateng.bps.go.id", "")
    >>> print(kutipan(s, "2023", diolah=True))
    BPS Provinsi Jawa Tengah. Judul Tabel, 2023. Diakses 12 Mei 2025 dari jateng.bps.go.id. Diolah.
    """
    nomor = f"{nomor_tabel}, " if nomor_tabel else ""
    teks = (
        f"{sumber.penerbit}. {nomor}{sumber.judul}, {tahun}. Diakses {tanggal_akses} dari "
        f"{sumber.situs}."
    )
    return teks + (" Diolah." if diolah else "")


def sumber_grafik(sumber: SumberTabel, tahun: str, diolah: bool) -> str:
    """The short source line under a chart: publisher, title, year (site), diolah."""
    return f"{sumber.penerbit}, {sumber.judul}, {tahun} ({sumber.situs})" + (
        ", diolah" if diolah else ""
    )


def deret_kota(data: pd.DataFrame, tabel: TabelWeb, wilayah: str = KOTA_KITA) -> pd.Series:
    """One kab/kota's values of the table's column, by year."""
    baris = data[data["Wilayah"] == wilayah].sort_values("Tahun")
    return pd.Series(
        baris[tabel.kolom].astype(float).to_numpy(),
        index=baris["Tahun"].astype(int).to_numpy(),
        name=tabel.nama,
    )


def perubahan(deret: pd.Series) -> pd.Series:
    """Change from the year before (the first year has none): what 'diolah' means here.

    >>> perubahan(pd.Series([70.0, 71.5, 71.0], index=[2020, 2021, 2022])).round(2).to_dict()
    {2021: 1.5, 2022: -0.5}
    """
    return deret.diff().dropna()


def tabel_tiruan(data: pd.DataFrame, tabel: TabelWeb) -> pd.DataFrame:
    """The table the way a BPS web table lays it out: one row per kab/kota, one column per
    year; the first three rows, then Kota Pekalongan."""
    lebar = data.pivot(index="Wilayah", columns="Tahun", values=tabel.kolom).astype(float)
    urutan = list(dict.fromkeys(data["Wilayah"]))
    pilih = urutan[:3] + ["…", KOTA_KITA]
    baris = []
    for nama in pilih:
        if nama == "…":
            baris.append({"Kabupaten/kota": "…", **{str(t): float("nan") for t in lebar}})
        else:
            baris.append({"Kabupaten/kota": nama, **{str(t): lebar.loc[nama, t] for t in lebar}})
    return pd.DataFrame(baris)


# --- citations -------------------------------------------------------------------------------


@dataclass(frozen=True)
class SyaratKutipan:
    """What a correct citation of one table must hold, and the variants accepted."""

    sumber: SumberTabel
    tahun: int  # the data year used
    kata_judul: tuple[tuple[str, ...], ...]  # each group: one of these words must appear
    diolah: bool  # True: "diolah" must be there; False: it must not
    tahun_tampil: str = ""  # how the model answer writes the years (default: tahun)


_PENERBIT = re.compile(
    r"\b(bps|badan pusat statistik)\s*(provinsi|prov\.?)?\s*(jawa tengah|jateng)\b"
)
_BPS = re.compile(r"\b(bps|badan pusat statistik)\b")
_TANGGAL = re.compile(
    r"(?P<h>\d{1,2})\s*(?:[-/.]\s*(?P<b1>\d{1,2})\s*[-/.]|\s+(?P<b2>[a-z]+)\.?\s+)\s*(?P<t>\d{4})"
    r"|(?P<t2>\d{4})-(?P<b3>\d{1,2})-(?P<h2>\d{1,2})"
)
_AKSES = re.compile(r"\b(diakses|akses)\b")
_TAHUN = re.compile(
    r"\b((?:19|20)\d{2})(?:\s*(?:-|–|—|s\.?d\.?|sampai|hingga)\s*((?:19|20)\d{2}))?\b"
)


def _rapikan(teks: str) -> str:
    return " ".join((teks or "").lower().replace("–", "-").replace("—", "-").split())


def tanggal_akses(teks: str) -> tuple[dt.date | None, str]:
    """(the access date, the text left when it is taken out); None when there is no valid
    date after "diakses"/"akses".

    >>> tanggal_akses("BPS. Diakses pada 3 Februari 2025 dari situs")[0]
    datetime.date(2025, 2, 3)
    >>> tanggal_akses("diakses 03/02/2025")[0], tanggal_akses("diakses 31 Februari 2025")[0]
    (datetime.date(2025, 2, 3), None)
    """
    teks = _rapikan(teks)
    akses = _AKSES.search(teks)
    if not akses:
        return None, teks
    for cocok in _TANGGAL.finditer(teks, akses.end()):
        g = cocok.groupdict()
        try:
            if g["t2"]:
                tanggal = dt.date(int(g["t2"]), int(g["b3"]), int(g["h2"]))
            else:
                bulan = int(g["b1"]) if g["b1"] else BULAN.get(g["b2"] or "", 0)
                tanggal = dt.date(int(g["t"]), bulan, int(g["h"]))
        except ValueError:
            continue
        if tanggal.year >= 2000:
            return tanggal, teks[: cocok.start()] + " " + teks[cocok.end() :]
    return None, teks


def _ada_tahun(teks: str, tahun: int) -> tuple[bool, bool]:
    """(the data year is named, some year is named), ranges such as 2020-2023 included."""
    ada, ada_lain = False, False
    for cocok in _TAHUN.finditer(teks):
        awal = int(cocok.group(1))
        akhir = int(cocok.group(2) or awal)
        ada_lain = True
        if min(awal, akhir) <= tahun <= max(awal, akhir):
            ada = True
    return ada, ada_lain


def periksa_kutipan(teks: str, syarat: SyaratKutipan) -> tuple[list[str], list[str]]:
    """(parts present, what is missing or wrong, each said so a student can fix it).

    >>> s = SyaratKutipan(SumberTabel("BPS Provinsi Jawa Tengah", "IPM", "jateng.bps.go.id", ""),
    ...                   2024, (("indeks pembangunan manusia", "ipm"),), diolah=False)
    >>> periksa_kutipan("BPS Jateng, IPM 2024, diakses 5 Mei 2025", s)
    (['penerbit', 'judul tabel', 'tahun data', 'tanggal akses'], [])
    >>> periksa_kutipan("Sumber: BPS", s)[1][0]
    'penerbit: tulis kantor BPS yang menerbitkan tabelnya, BPS Provinsi Jawa Tengah'
    """
    tanggal, sisa = tanggal_akses(teks)
    ada, kurang = [], []
    if _PENERBIT.search(sisa):
        ada.append("penerbit")
    elif _BPS.search(sisa):
        kurang.append(
            f"penerbit: tulis kantor BPS yang menerbitkan tabelnya, {syarat.sumber.penerbit}"
        )
    else:
        kurang.append(f"penerbit ({syarat.sumber.penerbit})")
    if all(any(k in sisa for k in kelompok) for kelompok in syarat.kata_judul):
        ada.append("judul tabel")
    else:
        kurang.append("judul tabel (salin judulnya dari situs)")
    tahun_ada, tahun_lain = _ada_tahun(sisa, syarat.tahun)
    if tahun_ada:
        ada.append("tahun data")
    else:
        lain = " yang kamu pakai" if tahun_lain else ""
        kurang.append(f"tahun data{lain} ({syarat.tahun})")
    if tanggal:
        ada.append("tanggal akses")
    elif _AKSES.search(_rapikan(teks)):
        kurang.append("tanggal akses lengkap: tanggal, bulan, dan tahun, mis. “diakses 3 Mei 2025”")
    else:
        kurang.append("tanggal akses (mis. “diakses 3 Mei 2025”)")
    diolah = bool(re.search(r"\b(diolah|olahan)\b", sisa))
    if syarat.diolah and diolah:
        ada.append("“diolah”")
    elif syarat.diolah:
        kurang.append("“diolah”: kamu menghitung sendiri dari tabelnya")
    elif diolah:
        kurang.append("tanpa “diolah”: angkanya kamu pakai apa adanya")
    return ada, kurang


def _daftar(butir: list[str]) -> str:
    if len(butir) <= 1:
        return "".join(butir)
    return "; ".join(butir[:-1]) + "; dan " + butir[-1]


@dataclass
class SoalKutipan:
    """Write the citation of a table; the checker names what is missing (publisher, title,
    year, access date, "diolah"). Works in `literasi.soal.Latihan` like the kit's own types."""

    pertanyaan: str
    syarat: SyaratKutipan
    penjelasan: str
    petunjuk: list[str] = field(default_factory=list)
    grafik: str | None = None
    catatan = "Tulis kutipannya dalam satu atau dua kalimat. Tanggal akses: tanggal hari ini."

    def buat_masukan(self, nomor: int):
        return ipw.Textarea(
            placeholder="mis. BPS Provinsi Jawa Tengah. Judul tabel, tahun. Diakses …",
            description=f"Kutipan soal {nomor}",
            style={"description_width": "0px"},
            rows=4,
            layout=LEBAR_PENUH,
        )

    def jawaban_teks(self) -> str:
        s = self.syarat
        # Without its final full stop: the answer key and "Tunjukkan jawaban" add one.
        return kutipan(s.sumber, s.tahun_tampil or str(s.tahun), s.diolah).removesuffix(".")

    def periksa(self, teks: str) -> Hasil:
        if not (teks or "").strip():
            return Hasil(False, "Tulis kutipannya dulu.")
        ada, kurang = periksa_kutipan(teks, self.syarat)
        if not kurang:
            return Hasil(True, f"Benar! Kutipanmu lengkap: {', '.join(ada)}. {self.penjelasan}")
        sudah = f"Sudah ada: {', '.join(ada)}. " if ada else ""
        return Hasil(False, f"Belum lengkap. {sudah}Perbaiki: {_daftar(kurang)}.")


# --- exercises -------------------------------------------------------------------------------


def daftar_soal() -> list:
    """Six exercises: three "which product?", what a bare "Sumber: BPS" lacks, and two
    citations (one of a processed figure, one used as it is)."""
    pilihan = [p.nama for p in PRODUK.values()]
    umpan = {
        PRODUK["brs"].nama: "BRS memuat angka terbaru yang baru diumumkan, bukan banyak topik.",
        PRODUK["dda"].nama: "Dalam Angka terbit setahun sekali dan menghimpun banyak topik.",
        PRODUK["tabel"].nama: "Tabel di situs cocok untuk deret beberapa tahun atau daerah.",
        PRODUK["sensus"].nama: "Sensus menghitung semua orang, sekitar sepuluh tahun sekali.",
    }

    def pilih(pertanyaan: str, kunci: str, penjelasan: str, petunjuk: list[str]) -> SoalPilihan:
        jawaban = PRODUK[kunci].nama
        return SoalPilihan(
            pertanyaan=pertanyaan,
            pilihan=pilihan,
            jawaban=jawaban,
            penjelasan=penjelasan,
            petunjuk=petunjuk,
            umpan_balik={p: u for p, u in umpan.items() if p != jawaban},
        )

    tpt = TABEL_WEB["tpt"]
    sumber_tpt = sumber_tabel(tpt.nama_data)
    data_tpt = load_dataset(tpt.nama_data)
    tahun_tpt = int(data_tpt["Tahun"].max())
    kota = data_tpt[(data_tpt["Wilayah"] == KOTA_KITA) & (data_tpt["Tahun"] == tahun_tpt)].iloc[0]
    selisih = float(kota["Laki-laki"]) - float(kota["Perempuan"])
    ipm = TABEL_WEB["ipm"]
    sumber_ipm = sumber_tabel(ipm.nama_data)
    data_ipm = load_dataset(ipm.nama_data)
    tahun_ipm = int(data_ipm["Tahun"].max())
    nilai_ipm = deret_kota(data_ipm, ipm).loc[tahun_ipm]
    miskin = TABEL_WEB["miskin"]
    sumber_miskin = sumber_tabel(miskin.nama_data)
    tahun_miskin = rentang_tahun(load_dataset(miskin.nama_data)["Tahun"].astype(int).tolist())
    kurang_dari_bps = [
        f"nama kantor BPS yang menerbitkan ({sumber_miskin.penerbit})",
        "judul tabel",
        "tahun data",
        "tanggal akses",
        "kata “diolah”",
    ]
    return [
        pilih(
            "Hari ini BPS mengumumkan persentase penduduk miskin Jawa Tengah yang terbaru. Kamu "
            "ingin angka resmi itu sekarang juga, dengan penjelasan singkat perubahannya. Sumber "
            "mana yang paling tepat?",
            "brs",
            "Berita Resmi Statistik adalah pengumuman resmi angka terbaru, terbit pada jadwal "
            "tetap, dengan angka utama dan perubahannya.",
            [
                "Kata kuncinya: “terbaru” dan “hari ini diumumkan”.",
                "Buku tahunan terbit sekali setahun; sensus sepuluh tahun sekali.",
            ],
        ),
        pilih(
            "Untuk kliping tentang kota kita, kamu butuh banyak topik sekaligus (luas wilayah, "
            "penduduk per kecamatan, sekolah, kesehatan) dari satu buku tahunan BPS Kota "
            "Pekalongan. Sumber mana yang paling tepat?",
            "dda",
            "Kota Pekalongan Dalam Angka terbit setiap tahun dan menghimpun banyak topik tentang "
            "kota dari BPS dan dinas-dinas, dalam tabel bernomor.",
            ["Kata kuncinya: “banyak topik” dan “satu buku tahunan”."],
        ),
        pilih(
            "Kamu butuh jumlah penduduk Jawa Tengah menurut kelompok umur dan jenis kelamin dari "
            "hasil menghitung semua orang, bukan perkiraan dari sampel. Sumber mana yang paling "
            "tepat?",
            "sensus",
            "Sensus Penduduk menghitung semua penduduk. Piramida penduduk di kit ini (pelajaran 05 "
            "dan 13) memakai tabel hasil Sensus Penduduk 2020.",
            ["Kata kuncinya: “menghitung semua orang”.", "Survei memakai sampel; sensus tidak."],
        ),
        SoalBanyak(
            pertanyaan=(
                f"Seorang siswa menggambar grafik {miskin.nama} {KOTA_KITA} {tahun_miskin} dari "
                f"tabel di situs {sumber_miskin.penerbit}, lalu menghitung perubahannya setiap "
                "tahun. Di bawah grafiknya ia menulis “Sumber: BPS”. Apa saja yang masih kurang?"
            ),
            pilihan=[*kurang_dari_bps, "nama guru yang memeriksa", "nomor telepon BPS"],
            jawaban=kurang_dari_bps,
            penjelasan=(
                f"Contoh yang lengkap: {kutipan(sumber_miskin, tahun_miskin, True)} Guru dan nomor "
                "telepon tidak termasuk kutipan."
            ),
            petunjuk=[
                "Bayangkan temanmu ingin menemukan tabel yang sama: apa yang ia perlu tahu?",
                "Ia menghitung perubahan sendiri: angkanya diolah.",
            ],
        ),
        SoalKutipan(
            pertanyaan=(
                f"Kamu membuka tabel {sumber_tpt.penerbit} “{sumber_tpt.judul}” di "
                f"{sumber_tpt.situs} hari ini, lalu menghitung selisih tingkat pengangguran "
                f"terbuka laki-laki dan perempuan {KOTA_KITA} tahun {tahun_tpt} untuk sebuah "
                "poster. Tulis kutipan sumbernya."
            ),
            syarat=SyaratKutipan(
                sumber_tpt,
                tahun_tpt,
                (("pengangguran", "tpt"), ("jenis kelamin", "laki-laki dan perempuan")),
                diolah=True,
            ),
            penjelasan=(
                f"Selisihnya {format_angka(selisih, 2)} poin persen kamu hitung sendiri, jadi "
                f"tulis “diolah”. Tanggal akses di contoh ({CONTOH_TANGGAL_AKSES}) hanya contoh: "
                "tulis tanggal kamu membuka tabelnya."
            ),
            petunjuk=[
                "Lima bagian: penerbit, judul tabel, tahun data, tanggal akses, “diolah”.",
                f"Penerbitnya {sumber_tpt.penerbit}; tahun datanya {tahun_tpt}.",
                "Kamu menghitung selisih sendiri, jadi angkanya diolah.",
            ],
        ),
        SoalKutipan(
            pertanyaan=(
                f"Kamu menyalin IPM {KOTA_KITA} {tahun_ipm} ({format_angka(nilai_ipm, 2)}) apa "
                f"adanya dari tabel {sumber_ipm.penerbit} “{sumber_ipm.judul}” di "
                f"{sumber_ipm.situs} hari ini. Tulis kutipannya."
            ),
            syarat=SyaratKutipan(
                sumber_ipm, tahun_ipm, (("indeks pembangunan manusia", "ipm"),), diolah=False
            ),
            penjelasan=(
                "Angkanya kamu pakai apa adanya, jadi tidak perlu “diolah”. Tabel di situs web "
                "biasanya tidak bernomor; di buku seperti Dalam Angka, tulis juga nomor tabelnya."
            ),
            petunjuk=[
                "Empat bagian: penerbit, judul tabel, tahun data, tanggal akses.",
                "Kamu tidak menghitung apa pun: jangan tulis “diolah”.",
            ],
        ),
    ]


def semua_soal() -> list:
    """The lesson's exercises in page order, from the shipped data (answer key, tests)."""
    return daftar_soal()


# --- the view --------------------------------------------------------------------------------


@disimpan
def grafik_tabel_web(
    t: TabelWeb, data: pd.DataFrame, sumber: SumberTabel, tahun: str, diolah: bool
) -> str:
    """The chosen web table as a chart, with its citation line as the source. As it is: a
    line by year (a line need not start at zero). Processed: the change from
    the year before, as bars from zero."""
    deret = deret_kota(data, t)
    nilai = perubahan(deret) if diolah else deret
    tampil = [("+" if diolah and v > 0 else "") + format_bertanda(v, 2) for v in nilai]
    fig = gambar_baru(3.6, 2.9)
    ax = fig.add_subplot()
    x = [str(tahun_) for tahun_ in nilai.index]
    if diolah:
        warna = [WARNA_PEKALONGAN if v >= 0 else WARNA_SOROT for v in nilai]
        ax.bar(x, nilai.to_numpy(), color=warna, width=0.6)
        ax.axhline(0, color=WARNA_LAIN, linewidth=1)
        label, baris2 = f"perubahan ({t.satuan_ubah})", "perubahan dari tahun sebelumnya"
    else:
        ax.plot(x, nilai.to_numpy(), color=WARNA_PEKALONGAN, marker="o", linewidth=2)
        label, baris2 = t.singkat, "menurut tahun"
    for i, (v, teks) in enumerate(zip(nilai, tampil, strict=True)):
        ke_bawah = diolah and v < 0
        ax.annotate(
            teks,
            (i, v),
            textcoords="offset points",
            xytext=(0, -12 if ke_bawah else 6),
            ha="center",
            fontsize=9,
            bbox={"facecolor": "white", "edgecolor": "none", "pad": 0.5, "alpha": 0.85},
        )
    ax.margins(x=0.12, y=0.25)
    ax.set_ylabel(label, fontsize=9)
    ax.set_title(f"{t.judul}, {KOTA_KITA}\n{baris2}", fontsize=9.5)
    ax.tick_params(labelsize=9)
    ax.yaxis.set_major_formatter(FuncFormatter(lambda v, _: format_bertanda(v, 1)))
    ax.spines[["top", "right"]].set_visible(False)
    isi = "; ".join(f"{tahun_}: {teks}" for tahun_, teks in zip(x, tampil, strict=True))
    kalimat = (
        f"{'Diagram batang perubahan' if diolah else 'Grafik garis'} {t.nama} {KOTA_KITA} "
        f"{'dari tahun sebelumnya' if diolah else 'menurut tahun'}: {isi}."
    )
    sumber_baris = sumber_grafik(sumber, tahun, diolah)
    return html_grafik(fig, alt=kalimat, keterangan=kalimat, sumber=sumber_baris)


class DariTabelKeKutipan(Tampilan):
    """Pick one of the kit's BPS web tables and whether its numbers are used as they are or
    processed (change from the year before); see the chart with its source line, the parts of
    the citation, and how the table is laid out on a BPS website."""

    def __init__(self):
        self.data = {k: load_dataset(t.nama_data) for k, t in TABEL_WEB.items()}
        self.sumber = {k: sumber_tabel(t.nama_data) for k, t in TABEL_WEB.items()}
        self.tabel = ipw.Dropdown(
            options=[(t.label, k) for k, t in TABEL_WEB.items()],
            value="ipm",
            description="Tabel",
            style={"description_width": "initial"},
            layout=ipw.Layout(width="100%", max_width="480px", height="auto"),
        )
        self.olah = ipw.ToggleButtons(
            options=[("Apa adanya", False), ("Diolah: perubahan per tahun", True)],
            value=False,
            description="Angka",
            style={"description_width": "initial", "button_width": "auto"},
            layout=ipw.Layout(width="100%"),
        )
        self.grafik = ipw.HTML()
        self.bagian = ipw.HTML()
        self.tiruan = ipw.HTML()
        baris = self.kendali(self.tabel, self.olah)
        self.widget = ipw.VBox(
            [baris, self.grafik, self.bagian, self.tiruan], layout=ipw.Layout(width="100%")
        )
        self._update()

    def _update(self) -> None:
        kunci, diolah = self.tabel.value, self.olah.value
        t, sumber, data = TABEL_WEB[kunci], self.sumber[kunci], self.data[kunci]
        tahun = rentang_tahun(data["Tahun"].astype(int).tolist())
        self.kutipan_terakhir = kutipan(sumber, tahun, diolah)
        self.grafik.value = grafik_tabel_web(t, data, sumber, tahun, diolah)
        self.bagian.value = self._html_bagian(t, sumber, tahun, diolah)
        self.tiruan.value = (
            "<details><summary>Seperti apa tabelnya di situs BPS?</summary>"
            + tabel_html(
                tabel_tiruan(data, t), f"{sumber.judul} ({t.satuan or 'indeks'})", desimal=2
            ).data
            + "<p class='literasi-kecil'>Tiruan dari salinan kit, bukan halaman situs BPS: "
            "baris kabupaten/kota, kolom tahun, judul di atas. Salinan kit diambil lewat "
            f"{escape(sumber.salinan)}.</p></details>"
        )

    @staticmethod
    def _html_bagian(t: TabelWeb, sumber: SumberTabel, tahun: str, diolah: bool) -> str:
        olah = (
            "ya, angkanya dihitung ulang (perubahan per tahun), jadi tulis “diolah”"
            if diolah
            else "tidak, angkanya dipakai apa adanya"
        )
        baris = [
            ("Penerbit", sumber.penerbit),
            ("Judul tabel", sumber.judul),
            (
                "Nomor tabel",
                "tidak ada (tabel di situs web biasanya tanpa nomor; di buku seperti "
                "Dalam Angka, tulis nomornya)",
            ),
            ("Tahun data", tahun),
            ("Tanggal akses", "tanggal kamu membuka tabelnya"),
            ("Diolah?", olah),
        ]
        isi = "".join(f"<li><b>{escape(k)}</b>: {escape(v)}</li>" for k, v in baris)
        contoh = kutipan(sumber, tahun, diolah)
        return (
            f"<p><b>Bagian-bagian kutipan</b></p><ul>{isi}</ul>"
            f"<p class='literasi-ringkasan'><b>Kutipan lengkap</b> (tanggal akses hanya contoh): "
            f"{escape(contoh)}</p>"
        )
