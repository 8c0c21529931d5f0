"""Lesson 11: statistics in the media — find the wrong number in public claims about Pekalongan.

The claims are the rows of `temukan_kesalahan` about Pekalongan (rows 8–9 are SKM examples
about no region and are left out). Each claim is shown as it appeared, with a check drawn from
the kit's other data (the same page's own numbers, BPS tables, censuses); the correct value and
both sources are shown only when the student asks. A four-question checklist (who measured,
when, what exactly, compared with what) frames every claim.
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from html import escape

import ipywidgets as ipw
import pandas as pd
from matplotlib.figure import Figure
from matplotlib.ticker import MaxNLocator

from literasi import seri
from literasi.angka import BukanAngka, baca_angka
from literasi.data import KOTA_KITA, load_dataset
from literasi.format import format_angka
from literasi.grafik import (
    WARNA_LAIN,
    WARNA_SOROT,
    WARNA_UTAMA,
    gambar_baru,
    html_gambar_kalimat,
    sumbu_angka,
)
from literasi.infografis import IsiPoster
from literasi.soal import SoalAngka, SoalBanyak, SoalPilihan, SoalTebak
from literasi.tampilan import Tampilan

NAMA_DATA = "temukan_kesalahan"
NAMA_WEB = "angka_halaman_web_kota_pekalongan"
NAMA_SP2010 = "penduduk_sp2010_kelurahan_lama47_kota_pekalongan"
NAMA_KEMENDAGRI = "wilayah_kota_pekalongan_kemendagri_2025"
# The March poverty table: its "Garis Kemiskinan" and "Jumlah Penduduk" (BPS's population
# projection) columns only; its poverty rates are not BPS's (literasi.seri).
NAMA_KEMISKINAN = seri.NAMA_MARET
# perkim.id names its source "BPS Kota Pekalongan, 2020"; BPS prints areas per kecamatan in
# its yearly "Kota Pekalongan Dalam Angka".
SUMBER_LUAS_BPS = "BPS Kota Pekalongan 2020, Kota Pekalongan Dalam Angka (dikutip perkim.id)"
SELISIH_PDRB = 60_000  # README, data 19: the 2007 total is 60.000 juta rupiah below its sectors

DAFTAR_CEK = (
    ("Siapa yang mengukur?", "Lembaga mana yang menghitung angka itu? Disebut atau tidak?"),
    ("Kapan?", "Tahun berapa datanya? Angka lama bisa tertukar dengan angka baru."),
    (
        "Apa persisnya?",
        "Apa yang dihitung, dengan satuan apa? Penduduk terdaftar atau yang tinggal? km² atau ha?",
    ),
    (
        "Dibandingkan dengan apa?",
        "Cocokkah dengan angka lain di halaman yang sama, dengan jumlah bagiannya, dengan sumber "
        "resmi, dengan tahun sebelum dan sesudahnya?",
    ),
)

JUDUL_PENDEK = {  # short names for the dropdown (a phone is narrow)
    1: "Luas kota",
    2: "Luas Kec. Pekalongan Utara",
    3: "Luas Kel. Kauman",
    4: "PDRB 2007 (total)",
    5: "Penduduk 2017",
    6: "Jumlah kelurahan",
    7: "Garis kemiskinan 2020",
}
SATUAN = {
    "km2": "km²",
    "Ha": "ha",
    "rupiah per kapita per bulan": "rupiah/kapita/bulan",
}


# --- reading the claims ------------------------------------------------------------------


def angka_id(teks: str) -> float | None:
    """A number written the Indonesian way (`2.933.816,00`), or None for words.

    >>> angka_id("1.488"), angka_id("42,25"), angka_id("tidak diketahui")
    (1488.0, 42.25, None)
    """
    try:
        return baca_angka(str(teks)).nilai
    except BukanAngka:
        return None


def satuan_rapi(satuan: str) -> str:
    return SATUAN.get(satuan, satuan)


def tanpa_alamat(teks: str) -> str:
    """Web addresses shortened to their site name, so a source line fits a phone.

    >>> tanpa_alamat("Blog, https://itspwk.blogspot.com/2016/03 (x)")
    'Blog, itspwk.blogspot.com (x)'
    """
    return re.sub(r"https?://([^/\s]+)\S*", r"\1", teks)


def klaim_pekalongan(data: pd.DataFrame) -> pd.DataFrame:
    """The rows about Pekalongan (city, kecamatan, kelurahan), in their order."""
    return data[data["wilayah"].str.contains("Pekalongan")].reset_index(drop=True)


def angka_web(web: pd.DataFrame, indikator: str, wilayah: str, tahun: str) -> float:
    """One number of the web-page table (its `nilai` column is text with a decimal point)."""
    baris = web[
        (web["indikator"] == indikator)
        & (web["wilayah"] == wilayah)
        & web["tahun_data"].str.startswith(tahun)
    ]
    assert len(baris) == 1, (indikator, wilayah, tahun)
    return float(baris["nilai"].iloc[0])


def digit_pertama_beda(tertulis: str, benar: str) -> int:
    """Position (1 = leftmost) of the first digit where two written numbers differ.

    >>> digit_pertama_beda("2.933.816,00", "2.993.816,01")
    3
    """
    a, b = re.sub(r"\D", "", tertulis), re.sub(r"\D", "", benar)
    return next(i for i, (x, y) in enumerate(zip(a, b, strict=False), start=1) if x != y)


def persen_terlalu_tinggi(tertulis: float, benar: float) -> float:
    """How far a written value is above the right one, in percent of the right one."""
    return 100 * (tertulis - benar) / benar


# --- the evidence for each claim ---------------------------------------------------------


@dataclass
class Bukti:
    """What the chart compares the claim with. `batang`: (label, value, is_the_claim)."""

    judul: str
    satuan: str
    batang: list[tuple[str, float, bool]]
    sumber: str
    catatan: str = ""
    tahun: list[int] | None = None  # a time chart instead of bars (same order as `batang`)


@dataclass
class Pembanding:
    """The kit's data the claims are checked against (loaded once)."""

    web: pd.DataFrame
    sp2010: pd.DataFrame
    kemendagri: pd.DataFrame
    kemiskinan: pd.DataFrame

    @classmethod
    def dari_dataset(cls) -> Pembanding:
        return cls(
            load_dataset(NAMA_WEB),
            load_dataset(NAMA_SP2010),
            load_dataset(NAMA_KEMENDAGRI),
            load_dataset(NAMA_KEMISKINAN),
        )


def cek_blog_2014(p: Pembanding) -> dict:
    """The 2014 blog page: its population, its density, and what each area gives."""
    penduduk = angka_web(p.web, "penduduk_total", KOTA_KITA, "2014")
    kepadatan = angka_web(p.web, "kepadatan_penduduk", KOTA_KITA, "2014")
    luas_bps = angka_web(p.web, "luas_wilayah", KOTA_KITA, "2020")
    return {
        "penduduk": penduduk,
        "kepadatan": kepadatan,
        "luas_bps": luas_bps,
        "luas_dari_kepadatan": penduduk / kepadatan,
    }


def penduduk_resmi(p: Pembanding) -> dict[int, float]:
    """Kota Pekalongan's population from BPS: SP2010 (sum of 47 kelurahan), SP2020, and the
    BPS projection 2021–2024 (the March table's "Jumlah Penduduk" column, ribu jiwa × 1000;
    rounded to ten people)."""
    kota = p.kemiskinan[p.kemiskinan["Wilayah"] == KOTA_KITA].set_index("Tahun")
    hasil = {
        2010: float(p.sp2010["penduduk_sp2010"].sum()),
        2020: angka_web(p.web, "penduduk_total", KOTA_KITA, "2020 (Sensus"),
    }
    for tahun in range(2021, 2025):
        hasil[tahun] = round(float(kota.loc[tahun, "Jumlah Penduduk Ribu Jiwa"]) * 1000)
    return hasil


def garis_kemiskinan_2020(p: Pembanding, wilayah: str) -> float:
    k = p.kemiskinan
    baris = k[(k["Wilayah"] == wilayah) & (k["Tahun"] == 2020)]
    return float(baris["Garis Kemiskinan Maret Rp"].iloc[0])


def bukti_klaim(klaim: pd.Series, p: Pembanding) -> Bukti:
    """The check drawn for one claim, from the kit's other data only."""
    no = int(klaim["no"])
    tertulis = angka_id(klaim["nilai_tertulis"])
    sumber_klaim = tanpa_alamat(klaim["sumber_nilai_tertulis"])
    if no == 1:
        b = cek_blog_2014(p)
        return Bukti(
            judul="Cek kepadatan di halaman yang sama",
            satuan="jiwa/km²",
            batang=[
                ("Kepadatan tertulis", b["kepadatan"], False),
                (
                    f"{format_angka(b['penduduk'])} ÷ {klaim['nilai_tertulis']}",
                    b["penduduk"] / tertulis,
                    True,
                ),
                (
                    f"{format_angka(b['penduduk'])} ÷ {format_angka(b['luas_bps'], 2)}",
                    b["penduduk"] / b["luas_bps"],
                    False,
                ),
            ],
            sumber=f"{sumber_klaim}; luas {SUMBER_LUAS_BPS}",
            catatan="Penduduk 2014 dibagi luas: mana yang menghasilkan kepadatan tertulis?",
        )
    if no == 2:
        kec = ["Barat", "Timur", "Selatan", "Utara"]
        luas = {
            k: angka_web(p.web, "luas_wilayah", f"Kecamatan Pekalongan {k}", "2020") for k in kec
        }
        return Bukti(
            judul="Satu kecamatan dan seluruh kota",
            satuan="km²",
            batang=[("Pek. Utara (tertulis)", tertulis, True)]
            + [(f"Pek. {k} (BPS)", luas[k], False) for k in kec]
            + [
                (
                    "Seluruh kota (BPS)",
                    angka_web(p.web, "luas_wilayah", KOTA_KITA, "2020"),
                    False,
                )
            ],
            sumber=f"{sumber_klaim}; {SUMBER_LUAS_BPS}",
            catatan="Bagian tidak mungkin lebih besar dari keseluruhan.",
        )
    if no == 3:
        kota_ha = 100 * angka_web(p.web, "luas_wilayah", KOTA_KITA, "2020")
        return Bukti(
            judul="Satu kelurahan dan seluruh kota",
            satuan="ha",
            batang=[
                ("Kel. Kauman (tertulis)", tertulis, True),
                ("Seluruh kota (BPS)", kota_ha, False),
            ],
            sumber=f"{sumber_klaim}; {SUMBER_LUAS_BPS}",
            catatan="1 km² = 100 ha, jadi 45,25 km² = 4.525 ha.",
        )
    if no == 4:
        return Bukti(
            judul="Total tertulis dan jumlah sektornya",
            satuan="juta rupiah",
            batang=[
                ("Total tertulis", tertulis, True),
                ("Jumlah 9 sektor", angka_id(klaim["nilai_benar"]), False),
            ],
            sumber=f"{sumber_klaim}; jumlah sektor dihitung ulang penyusun kit",
            catatan="Rincian 9 sektor tidak ada di data kit; jumlahnya dihitung dari tabel itu.",
        )
    if no == 5:
        resmi = penduduk_resmi(p)
        tahun = sorted(resmi)
        return Bukti(
            judul="Penduduk Kota Pekalongan: BPS dan angka 2017",
            satuan="jiwa",
            batang=[(str(t), resmi[t], False) for t in tahun] + [("2017", tertulis, True)],
            tahun=tahun + [2017],
            sumber=(
                f"{sumber_klaim}; BPS: SP2010, SP2020 (dikutip Wikipedia, cocok dengan BPS), "
                "proyeksi penduduk 2021–2024"
            ),
            catatan="Sensus 2010 dan 2020, dan proyeksi BPS 2021–2024.",
        )
    if no == 6:
        return Bukti(
            judul="Jumlah kelurahan di Kota Pekalongan",
            satuan="kelurahan",
            batang=[
                ("Tertulis di blog", tertulis, True),
                ("SP2010 (sebelum 2015)", float(len(p.sp2010)), False),
                (
                    "Kemendagri (sejak 2015)",
                    float((p.kemendagri["tingkat"] == "kelurahan").sum()),
                    False,
                ),
            ],
            sumber=f"{sumber_klaim}; BPS SP2010 per kelurahan; Kemendagri 2025",
            catatan="Perda Kota Pekalongan No. 8 Tahun 2013: 47 kelurahan menjadi 27 (2015).",
        )
    if no == 7:
        return Bukti(
            judul="Garis kemiskinan Maret 2020",
            satuan="rupiah/kapita/bulan",
            batang=[
                ("Dasbor (tertulis)", tertulis, True),
                ("Kota Pekalongan (BPS)", garis_kemiskinan_2020(p, KOTA_KITA), False),
                ("Kota Tegal (BPS)", garis_kemiskinan_2020(p, "Kota Tegal"), False),
            ],
            sumber=f"{sumber_klaim}; BPS Provinsi Jawa Tengah, Susenas Maret",
            catatan="Cari baris mana di tabel BPS yang memuat angka itu.",
        )
    raise ValueError(f"tidak ada bukti untuk klaim nomor {no}")


def angka_pas(nilai: float) -> str:
    """Whole numbers and big numbers without decimals, small fractions with two.

    >>> angka_pas(46.0), angka_pas(10.05), angka_pas(2933816.0)
    ('46', '10,05', '2.933.816')
    """
    return format_angka(nilai, 0 if nilai >= 100 or float(nilai).is_integer() else 2)


def kalimat_bukti(bukti: Bukti) -> str:
    """One sentence stating every number on the chart (alt text and caption)."""
    isi = "; ".join(
        f"{label}{' (klaim)' if klaim else ''}: {angka_pas(nilai)}"
        for label, nilai, klaim in bukti.batang
    )
    return f"{bukti.judul} ({bukti.satuan}). {isi}."


def label_klaim(klaim: pd.Series) -> str:
    no = int(klaim["no"])
    return f"{no}. {JUDUL_PENDEK[no]}: {klaim['nilai_tertulis']} {satuan_rapi(klaim['satuan'])}"


# --- exercises ---------------------------------------------------------------------------


def daftar_soal(data: pd.DataFrame, p: Pembanding) -> list:
    """Six exercises, answers computed from the data. Soal 1 (predict) comes before the view."""
    klaim = klaim_pekalongan(data).set_index("no")
    utara = klaim.loc[2]
    luas_utara, luas_kota = angka_id(utara["nilai_tertulis"]), cek_blog_2014(p)["luas_bps"]
    kali = luas_utara / luas_kota

    b = cek_blog_2014(p)
    blog = klaim.loc[1]
    luas_blog = angka_id(blog["nilai_tertulis"])
    opsi_blog = {
        "penduduk": f"Penduduk {format_angka(b['penduduk'])} jiwa",
        "luas": f"Luas {blog['nilai_tertulis']} km²",
        "kepadatan": f"Kepadatan {format_angka(b['kepadatan'])} jiwa/km²",
        "cocok": "Ketiganya cocok",
    }
    dari_luas_blog = b["penduduk"] / luas_blog

    pdrb = klaim.loc[4]
    posisi = digit_pertama_beda(pdrb["nilai_tertulis"], pdrb["nilai_benar"])
    digit_tulis = re.sub(r"\D", "", pdrb["nilai_tertulis"])[posisi - 1]
    digit_benar = re.sub(r"\D", "", pdrb["nilai_benar"])[posisi - 1]

    gk = klaim.loc[7]
    gk_tulis, gk_benar = angka_id(gk["nilai_tertulis"]), angka_id(gk["nilai_benar"])
    lebih = persen_terlalu_tinggi(gk_tulis, gk_benar)

    penduduk = klaim.loc[5]
    siapa, kapan, apa, banding = (c for c, _ in DAFTAR_CEK)
    tak_terjawab = [apa, banding]  # "jumlah penduduk" without its system, and no comparison
    if "tidak disebut" in penduduk["sumber_nilai_tertulis"]:
        tak_terjawab.append(siapa)
    if not penduduk["tahun_data"].isdigit():
        tak_terjawab.append(kapan)
    return [
        SoalTebak(
            pertanyaan=(
                f"Sebuah halaman web menulis luas Kecamatan Pekalongan Utara "
                f"“{utara['nilai_tertulis']} km²”. Luas seluruh Kota Pekalongan menurut BPS "
                f"{format_angka(luas_kota, 2)} km². Tebak: angka yang tertulis itu berapa kali "
                "luas seluruh kota?"
            ),
            jawaban=kali,
            satuan="kali",
            penjelasan=(
                f"{format_angka(luas_utara)} ÷ {format_angka(luas_kota, 2)} ≈ "
                f"{format_angka(kali, 1)}. Satu kecamatan tidak mungkin lebih luas dari kotanya. "
                f"Yang benar {utara['nilai_benar']} km²: koma desimalnya hilang."
            ),
        ),
        SoalPilihan(
            pertanyaan=(
                f"Sebuah blog menulis tentang Kota Pekalongan tahun 2014: penduduk "
                f"{format_angka(b['penduduk'])} jiwa, luas {blog['nilai_tertulis']} km², "
                f"kepadatan {format_angka(b['kepadatan'])} jiwa/km². Satu angka salah ketik. "
                "Yang mana?"
            ),
            pilihan=list(opsi_blog.values()),
            jawaban=opsi_blog["luas"],
            penjelasan=(
                f"{format_angka(b['penduduk'])} ÷ {blog['nilai_tertulis']} = "
                f"{format_angka(dari_luas_blog)}, bukan {format_angka(b['kepadatan'])}. Tetapi "
                f"{format_angka(b['penduduk'])} ÷ {format_angka(b['luas_bps'], 2)} (luas BPS) = "
                f"{format_angka(b['penduduk'] / b['luas_bps'])}: kepadatannya dihitung dari luas "
                "yang benar, jadi luas yang tertulis itulah yang salah ketik."
            ),
            petunjuk=[
                "Kepadatan = penduduk ÷ luas. Hitung dengan angka-angka di blog itu.",
                f"Bandingkan juga dengan luas menurut BPS: {format_angka(b['luas_bps'], 2)} km².",
            ],
            umpan_balik={
                opsi_blog["kepadatan"]: (
                    f"Hitung {format_angka(b['penduduk'])} ÷ {format_angka(b['luas_bps'], 2)} "
                    "(luas BPS): hasilnya persis kepadatan itu. Jadi kepadatannya benar."
                ),
                opsi_blog["penduduk"]: (
                    "Kalau penduduk yang salah, kepadatan tidak akan cocok dengan luas BPS. "
                    "Cek: penduduk ÷ kepadatan = ?"
                ),
                opsi_blog["cocok"]: (
                    f"{format_angka(b['penduduk'])} ÷ {blog['nilai_tertulis']} = "
                    f"{format_angka(dari_luas_blog)}, bukan {format_angka(b['kepadatan'])}."
                ),
            },
        ),
        SoalAngka(
            pertanyaan=(
                f"Hitung luas yang sebenarnya dipakai blog itu: penduduk "
                f"{format_angka(b['penduduk'])} ÷ kepadatan {format_angka(b['kepadatan'])}. "
                "Berapa km²? (dua angka desimal)"
            ),
            jawaban=b["luas_dari_kepadatan"],
            desimal=2,
            satuan="km²",
            toleransi=0.001,
            petunjuk=[
                "Kepadatan = penduduk ÷ luas, jadi luas = penduduk ÷ kepadatan.",
                f"Hitung {format_angka(b['penduduk'])} ÷ {format_angka(b['kepadatan'])}.",
                "Hasilnya antara 40 dan 50. Tulis dengan koma desimal, misalnya 41,23.",
            ],
            penjelasan=(
                f"{format_angka(b['penduduk'])} ÷ {format_angka(b['kepadatan'])} ≈ "
                f"{format_angka(b['luas_dari_kepadatan'], 2)} km², sama dengan luas BPS "
                f"({format_angka(b['luas_bps'], 2)} km²). Angka {blog['nilai_tertulis']} "
                "salah ketik."
            ),
        ),
        SoalPilihan(
            pertanyaan=(
                f"Sebuah tabel menulis total PDRB Kota Pekalongan 2007 "
                f"{pdrb['nilai_tertulis']} juta rupiah. Jika sembilan sektornya dijumlahkan, "
                f"hasilnya {pdrb['nilai_benar']} juta rupiah. Angka ke berapa (dari kiri) pada "
                "total itu yang salah ketik?"
            ),
            pilihan=[f"Angka ke-{i}" for i in range(1, 6)],
            jawaban=f"Angka ke-{posisi}",
            penjelasan=(
                f"Angka ke-{posisi} tertulis {digit_tulis}, seharusnya {digit_benar}. Karena "
                "itu totalnya kurang "
                f"{format_angka(angka_id(pdrb['nilai_benar']) - angka_id(pdrb['nilai_tertulis']))}"
                " juta rupiah dari jumlah sektornya."
            ),
            petunjuk=[
                "Tulis kedua angka itu bersusun, lalu bandingkan angka demi angka dari kiri.",
                "Titik dan koma bukan angka: lewati saja.",
            ],
        ),
        SoalAngka(
            pertanyaan=(
                f"Sebuah dasbor yang mengaku “terverifikasi dari BPS” menulis garis kemiskinan "
                f"Kota Pekalongan 2020 Rp{gk['nilai_tertulis']}. Menurut tabel BPS yang benar "
                f"Rp{gk['nilai_benar']} (Rp{gk['nilai_tertulis']} adalah angka Kota Tegal). "
                "Angka dasbor itu berapa persen terlalu tinggi?"
            ),
            jawaban=lebih,
            persen=True,
            desimal=1,
            toleransi=0.02,
            petunjuk=[
                "Persen terlalu tinggi = (tertulis − benar) ÷ benar × 100.",
                f"Hitung ({gk['nilai_tertulis']} − {gk['nilai_benar']}) ÷ {gk['nilai_benar']} "
                "× 100.",
                "Hasilnya antara 5% dan 15%. Tulis dengan satu angka desimal.",
            ],
            penjelasan=(
                f"Selisihnya Rp{format_angka(gk_tulis - gk_benar)}, yaitu "
                f"{format_angka(lebih, 1)}% dari angka yang benar. Salah salin satu baris di "
                "tabel sudah cukup untuk membuat angka sebuah kota meleset hampir sepersepuluh."
            ),
        ),
        SoalBanyak(
            pertanyaan=(
                f"Sebuah situs menulis: “Jumlah penduduk Kota Pekalongan tahun "
                f"{penduduk['tahun_data']}: {penduduk['nilai_tertulis']} jiwa”, tanpa menyebut "
                "sumbernya dan tanpa angka lain. Pertanyaan daftar cek mana yang TIDAK bisa "
                "dijawab dari kalimat itu?"
            ),
            pilihan=[c for c, _ in DAFTAR_CEK],
            jawaban=tak_terjawab,
            penjelasan=(
                f"Hanya “kapan” yang terjawab ({penduduk['tahun_data']}). Sumbernya tidak disebut; "
                "“jumlah penduduk” bisa berarti penduduk terdaftar (Dukcapil), hasil sensus, atau "
                "proyeksi BPS; dan tidak ada pembanding. Saat dibandingkan dengan sensus 2010 "
                "dan 2020, angka itu ternyata tidak masuk akal."
            ),
            petunjuk=[
                "Untuk setiap pertanyaan, cari jawabannya di dalam kalimat itu saja.",
                "Ada tiga macam angka penduduk: registrasi, sensus, proyeksi. Kalimat itu "
                "menyebut yang mana?",
            ],
        ),
    ]


def semua_soal() -> list:
    """The lesson's exercises in page order, from the shipped data (answer key, tests)."""
    return daftar_soal(load_dataset(NAMA_DATA), Pembanding.dari_dataset())


# --- the view ----------------------------------------------------------------------------


def _isi_kartu(klaim: pd.Series, bukti: Bukti) -> str:
    """The claim as written, read with the four checklist questions."""
    siapa, kapan, apa, banding = (c for c, _ in DAFTAR_CEK)
    baris = [
        (siapa, klaim["sumber_nilai_tertulis"]),
        (kapan, klaim["tahun_data"]),
        (apa, f"{klaim['topik']}, {klaim['wilayah']}, dalam {satuan_rapi(klaim['satuan'])}"),
        (banding, f"{bukti.catatan} Lihat grafik."),
    ]
    daftar = "".join(f"<li><b>{escape(t)}</b> {escape(isi)}</li>" for t, isi in baris)
    return (
        "<div style='overflow-wrap:anywhere;border:1px solid #c9d6de;border-radius:6px;"
        "padding:6px 10px;margin:6px 0'>"
        f"<p class='literasi-ringkasan' style='font-size:1.1em;margin:4px 0'>Tertulis: "
        f"<b>{escape(klaim['nilai_tertulis'])} {escape(satuan_rapi(klaim['satuan']))}</b> "
        f"({escape(klaim['topik'])}, {escape(klaim['wilayah'])})</p>"
        f"<ul style='padding-left:1.2em;margin:4px 0'>{daftar}</ul></div>"
    )


def _isi_jawaban(klaim: pd.Series) -> str:
    benar = klaim["nilai_benar"]
    if angka_id(benar) is not None:  # a number gets its unit; a sentence stands alone
        benar += " " + satuan_rapi(klaim["satuan"])
    return (
        "<div class='literasi-umpan jawaban' role='status' style='overflow-wrap:anywhere'>"
        f"<p><b>Yang benar:</b> {escape(benar)}</p>"
        f"<p><b>Sumber angka yang benar:</b> {escape(klaim['sumber_nilai_benar'])}</p>"
        f"<p><b>Jenis kesalahan:</b> {escape(klaim['jenis_kesalahan'])}</p>"
        f"<p><b>Cara menemukannya:</b> {escape(klaim['penjelasan'])}</p></div>"
    )


def gambar_bukti(bukti: Bukti) -> tuple[Figure, str]:
    """What the claim should have said: bars, or a line over the years."""
    fig = gambar_baru(4.2, 2.2 + 0.3 * len(bukti.batang) if bukti.tahun is None else 3.2)
    ax = fig.add_subplot()
    if bukti.tahun is None:
        _batang(ax, bukti)
        sumbu_angka(ax.xaxis, paling_banyak=3)
        ax.set_xlabel(bukti.satuan, fontsize=9)
    else:
        _waktu(ax, bukti)
        sumbu_angka(ax.yaxis)
        ax.set_ylabel(f"Penduduk ({bukti.satuan})", fontsize=9)
        ax.set_xlabel("Tahun", fontsize=9)
    ax.tick_params(labelsize=8)
    ax.set_title(bukti.judul, fontsize=10)
    ax.spines[["top", "right"]].set_visible(False)
    kalimat = kalimat_bukti(bukti)
    return fig, kalimat


def _batang(ax, bukti: Bukti) -> None:
    label = [b[0] for b in bukti.batang]
    nilai = [b[1] for b in bukti.batang]
    warna = [WARNA_SOROT if b[2] else WARNA_UTAMA for b in bukti.batang]
    posisi = range(len(label))
    ax.barh(posisi, nilai, color=warna, height=0.6)
    ax.set_yticks(list(posisi), label, fontsize=8)
    ax.invert_yaxis()
    ax.set_xlim(0, 1.3 * max(nilai))
    for i, v in enumerate(nilai):
        ax.text(v, i, f" {angka_pas(v)}", va="center", fontsize=8)


def _waktu(ax, bukti: Bukti) -> None:
    resmi = [(t, b[1]) for t, b in zip(bukti.tahun, bukti.batang, strict=True) if not b[2]]
    klaim = [(t, b[1]) for t, b in zip(bukti.tahun, bukti.batang, strict=True) if b[2]]
    ax.plot(
        [t for t, _ in resmi],
        [v for _, v in resmi],
        marker="o",
        color=WARNA_UTAMA,
        label="BPS (sensus, proyeksi)",
    )
    ax.plot(
        [t for t, _ in klaim],
        [v for _, v in klaim],
        marker="X",
        markersize=10,
        linestyle="none",
        color=WARNA_SOROT,
        label="Angka di situs itu",
    )
    ax.xaxis.set_major_locator(MaxNLocator(4, integer=True))  # years: 2010, 2015, not 2012.5
    for t, v in klaim:
        ax.annotate(
            format_angka(v),
            (t, v),
            textcoords="offset points",
            xytext=(0, -14),
            ha="center",
            fontsize=8,
            color=WARNA_SOROT,
            fontweight="bold",
        )
    ax.set_ylim(0, 1.15 * max(v for _, v in resmi))
    ax.axhline(0, color=WARNA_LAIN, linewidth=0.6)
    ax.legend(fontsize=8, loc="lower right", frameon=False)


class PeriksaKlaim(Tampilan):
    """Choose a claim; read it with the checklist, see the check chart, then ask for the truth."""

    def __init__(self, data: pd.DataFrame, pembanding: Pembanding):
        self.klaim = klaim_pekalongan(data)
        self.pembanding = pembanding
        self.pilih = ipw.Dropdown(
            options=[(label_klaim(b), int(b["no"])) for _, b in self.klaim.iterrows()],
            value=int(self.klaim["no"].iloc[0]),
            description="Pilih klaim",
            style={"description_width": "initial"},
            # height auto: the template's 44-px select would be clipped by the 28-px default.
            layout=ipw.Layout(width="100%", max_width="480px", height="auto"),
        )
        self.tombol = ipw.Button(
            description="Tunjukkan yang benar",
            tooltip="Tampilkan nilai yang benar, sumbernya, dan cara menemukannya",
            layout=ipw.Layout(width="auto"),
        )
        self.kartu = ipw.HTML()
        self.grafik = ipw.HTML()
        self.jawaban = ipw.HTML()
        self.tombol.on_click(self._on_tunjukkan)
        kontrol = self.kendali(self.pilih)
        baris_tombol = ipw.HBox([self.tombol])  # keeps the button its natural width
        self.widget = ipw.VBox(
            [kontrol, self.kartu, self.grafik, baris_tombol, self.jawaban],
            layout=ipw.Layout(width="100%"),
        )
        self._update()

    @classmethod
    def from_dataset(cls) -> PeriksaKlaim:
        return cls(load_dataset(NAMA_DATA), Pembanding.dari_dataset())

    def _baris(self) -> pd.Series:
        return self.klaim[self.klaim["no"] == self.pilih.value].iloc[0]

    def _on_tunjukkan(self, _tombol=None) -> None:
        self.jawaban.value = _isi_jawaban(self._baris())

    def _update(self) -> None:
        klaim = self._baris()
        bukti = bukti_klaim(klaim, self.pembanding)
        self.kartu.value = _isi_kartu(klaim, bukti)
        self.jawaban.value = ""  # the truth waits until the student asks again
        self.bukti_terakhir = bukti  # for the poster: the chart exactly as the student sees it
        self.grafik.value = html_gambar_kalimat(gambar_bukti, (bukti,), bukti.sumber)
        self.pesan_terakhir = (
            f"Tertulis {klaim['nilai_tertulis']} {satuan_rapi(klaim['satuan'])} "
            f"({klaim['topik']}, {klaim['wilayah']}). Yang benar: {klaim['nilai_benar']}. "
            f"Jenis kesalahan: {klaim['jenis_kesalahan']}."
        )
        self.judul_terakhir = f"Temukan kesalahan: {JUDUL_PENDEK[int(klaim['no'])].lower()}"
        self.sumber_terakhir = bukti.sumber

    def isi_poster(self) -> IsiPoster:
        """What the infographic button puts on a poster: the current claim and its check."""
        return IsiPoster(
            judul=self.judul_terakhir,
            pesan=self.pesan_terakhir,
            grafik=gambar_bukti(self.bukti_terakhir)[0],
            sumber=self.sumber_terakhir,
        )
