"""Lesson 01: data, statistics and BPS.

What data is; census, survey and registration; categorical and numerical variables read from
the kit's own tables; and why three systems give three numbers for the city's population
(Sensus Penduduk 2020, BPS projection 2024, Dukcapil registration December 2024).
"""

from __future__ import annotations

from dataclasses import dataclass
from html import escape

import ipywidgets as ipw
import pandas as pd

from literasi.data import KOTA_KITA, describe_dataset, load_dataset
from literasi.format import format_angka, format_bertanda
from literasi.grafik import (
    WARNA_PEKALONGAN,
    WARNA_SOROT,
    WARNA_UTAMA,
    gambar_baru,
    html_grafik,
    sumbu_angka,
)
from literasi.soal import Alternatif, SoalAngka, SoalBanyak, SoalPilihan, SoalTebak
from literasi.tampilan import Tampilan
from literasi.tembolok_grafik import disimpan

DATA_REGISTRASI = "penduduk_luas_kabkota_jateng_2024"
DATA_PROYEKSI = "kemiskinan_maret_kabkota_jateng_2020_2024"
DATA_WEB = "angka_halaman_web_kota_pekalongan"
DATA_WILAYAH = "wilayah_kota_pekalongan_kemendagri_2025"
TAHUN_PROYEKSI = 2024
KOLOM_PROYEKSI = "Jumlah Penduduk Ribu Jiwa"
SUMBER = (
    "BPS, Sensus Penduduk 2020 (dikutip Wikipedia); BPS, proyeksi penduduk 2024 (kolom jumlah "
    "penduduk di salinan tabel kemiskinan Maret); Ditjen Dukcapil Kemendagri, Data "
    "Kependudukan Semester II 2024"
)
TAMPILAN = ("Jumlah penduduk", "Selisih dari sensus")
# Frictionless field types that hold amounts or measures (everything else is a label).
TIPE_NUMERIK = {"integer", "number"}


@dataclass(frozen=True)
class AngkaPenduduk:
    """One population figure for the city, with the system that produced it."""

    label: str  # short, for the chart
    sistem: str  # Sensus / Proyeksi / Registrasi
    lembaga: str
    waktu: str
    jiwa: int
    yang_dihitung: str


def angka_sensus(web: pd.DataFrame) -> int:
    """Sensus Penduduk 2020 count for the city (a web page quoting BPS; text column)."""
    baris = web[
        (web["indikator"] == "penduduk_total")
        & (web["wilayah"] == KOTA_KITA)
        & web["tahun_data"].str.startswith("2020 (Sensus")
    ]
    assert len(baris) == 1, "angka SP2020 Kota Pekalongan harus tepat satu baris"
    return int(baris["nilai"].iloc[0])


def angka_proyeksi_ribu(kemiskinan: pd.DataFrame, tahun: int = TAHUN_PROYEKSI) -> float:
    """BPS's population projection (ribu jiwa, two decimals): the "Jumlah Penduduk" column of
    the March poverty table (its 2020 value is the SP2020 count). Not the denominator of BPS's
    poverty rates (literasi.seri)."""
    baris = kemiskinan[(kemiskinan["Wilayah"] == KOTA_KITA) & (kemiskinan["Tahun"] == tahun)]
    return float(baris[KOLOM_PROYEKSI].iloc[0])


def angka_registrasi(registrasi: pd.DataFrame) -> int:
    """Registered residents (Dukcapil, December 2024)."""
    return int(registrasi.loc[registrasi["nama"] == KOTA_KITA, "penduduk_total"].iloc[0])


def tiga_angka(
    registrasi: pd.DataFrame, kemiskinan: pd.DataFrame, web: pd.DataFrame
) -> list[AngkaPenduduk]:
    """The three figures, oldest first: census 2020, projection 2024, registration Dec 2024."""
    return [
        AngkaPenduduk(
            "Sensus\n2020",
            "Sensus",
            "BPS",
            "September 2020",
            angka_sensus(web),
            "penduduk yang tinggal di kota saat sensus",
        ),
        AngkaPenduduk(
            "Proyeksi\nBPS 2024",
            "Proyeksi",
            "BPS",
            str(TAHUN_PROYEKSI),
            # The table gives thousands with two decimals: a figure rounded to 10 people.
            round(angka_proyeksi_ribu(kemiskinan) * 1000),
            "perkiraan penduduk yang tinggal di kota, dihitung maju dari sensus",
        ),
        AngkaPenduduk(
            "Registrasi\nDukcapil\n2024",
            "Registrasi",
            "Dukcapil",
            "Desember 2024",
            angka_registrasi(registrasi),
            "penduduk yang terdaftar (punya NIK dan KK) di kota ini",
        ),
    ]


def selisih_dari_sensus(angka: list[AngkaPenduduk]) -> list[tuple[int, float]]:
    """(difference in people, difference in %) of each figure from the census (the first)."""
    acuan = angka[0].jiwa
    return [(a.jiwa - acuan, 100 * (a.jiwa - acuan) / acuan) for a in angka]


def tabel_tiga_angka(angka: list[AngkaPenduduk]) -> pd.DataFrame:
    """One row per system, narrow enough for a phone."""
    return pd.DataFrame(
        {
            "Sistem": [f"{a.sistem} ({a.lembaga})" for a in angka],
            "Waktu": [a.waktu for a in angka],
            "Penduduk (jiwa)": [a.jiwa for a in angka],
        }
    )


def jenis_variabel(nama_data: str) -> dict[str, str]:
    """'numerik' or 'kategorik' for every column, from the types in datapackage.json."""
    return {
        f["name"]: "numerik" if f["type"] in TIPE_NUMERIK else "kategorik"
        for f in describe_dataset(nama_data)["schema"]["fields"]
    }


def tabel_kolom(registrasi: pd.DataFrame) -> pd.DataFrame:
    """The columns of the registration table, each with Kota Pekalongan's value (no types)."""
    kota = registrasi[registrasi["nama"] == KOTA_KITA].iloc[0]
    contoh = []
    for kolom in registrasi.columns:
        nilai = kota[kolom]
        if pd.api.types.is_integer_dtype(registrasi[kolom]):
            contoh.append(format_angka(nilai))
        elif pd.api.types.is_float_dtype(registrasi[kolom]):
            contoh.append(format_angka(nilai, 3))
        else:
            contoh.append(str(nilai))
    return pd.DataFrame({"Kolom": list(registrasi.columns), "Isi untuk Kota Pekalongan": contoh})


def rata_rata_kodepos(wilayah: pd.DataFrame) -> float:
    """The (meaningless) mean of the kelurahan postcodes: a code is a label, not an amount."""
    kelurahan = wilayah[wilayah["tingkat"] == "kelurahan"]
    return float(kelurahan["kodepos"].astype(int).mean())


def daftar_soal(angka: list[AngkaPenduduk], jenis: dict[str, str], rata_kodepos: float) -> list:
    """The six exercises in page order; every answer comes from the data."""
    sensus, proyeksi, registrasi = angka
    numerik = [k for k, j in jenis.items() if j == "numerik"]
    beda = proyeksi.jiwa - registrasi.jiwa  # the projection is rounded to ten people
    sebut_sumber = f"Sebut sistem dan waktunya: {registrasi.sistem.lower()} "
    sebut_sumber += f"{registrasi.lembaga}, {registrasi.waktu}"
    return [
        SoalTebak(
            pertanyaan=(
                "Tebak dulu: menurut catatan Dukcapil akhir 2024, berapa jiwa penduduk Kota "
                "Pekalongan?"
            ),
            jawaban=float(registrasi.jiwa),
            desimal=0,
            satuan="jiwa",
            penjelasan=(
                f"Itu angka {registrasi.sistem.lower()} {registrasi.lembaga} "
                f"({registrasi.waktu}). Tetapi itu bukan satu-satunya angka: di bawah ada dua "
                "angka lain untuk kota yang sama."
            ),
        ),
        SoalPilihan(
            pertanyaan=(
                "Dukcapil mencatat setiap kelahiran, kematian, dan kepindahan penduduk di Kartu "
                "Keluarga dan KTP, terus-menerus sepanjang tahun. Cara mengumpulkan data seperti "
                "ini disebut …"
            ),
            pilihan=["Sensus", "Survei", "Registrasi", "Proyeksi"],
            jawaban=registrasi.sistem,
            penjelasan=(
                "Registrasi mencatat setiap peristiwa penduduk saat terjadi, jadi datanya terus "
                "diperbarui."
            ),
            petunjuk=[
                "Apakah semua orang didatangi pada satu waktu, atau dicatat saat mengurus dokumen?"
            ],
            umpan_balik={
                "Sensus": "Sensus menghitung semua penduduk pada satu waktu, sekitar sepuluh "
                "tahun sekali, oleh BPS.",
                "Survei": "Survei hanya bertanya kepada sebagian (sampel) rumah tangga.",
                "Proyeksi": "Proyeksi adalah perkiraan yang dihitung dari sensus, bukan "
                "pencatatan.",
            },
        ),
        SoalBanyak(
            pertanyaan=(
                "Lihat tabel kolom di atas (tabel penduduk dan luas dari Dukcapil dan BIG). "
                "Centang semua kolom yang berisi variabel numerik."
            ),
            pilihan=list(jenis),
            jawaban=numerik,
            penjelasan=(
                "Kolom numerik berisi jumlah atau ukuran yang masuk akal dijumlahkan atau "
                "dirata-rata (penduduk, luas). Kode wilayah memang ditulis dengan angka, tetapi "
                "hanya label untuk wilayah: itu kategorik."
            ),
            petunjuk=[
                "Tanyakan untuk setiap kolom: apakah masuk akal menjumlahkannya?",
                "Kode 3375 tidak berarti “tiga ribu lebih”: kode adalah nama dalam bentuk angka.",
            ],
        ),
        SoalPilihan(
            pertanyaan=(
                "Kode pos 27 kelurahan di Kota Pekalongan, jika dirata-rata, hasilnya "
                f"{format_angka(rata_kodepos, 1)}. Apa arti angka itu?"
            ),
            pilihan=[
                "Kode pos rata-rata Kota Pekalongan",
                "Tidak ada artinya, karena kode pos adalah variabel kategorik",
                "Kelurahan dengan kode pos terbesar paling jauh dari pusat kota",
            ],
            jawaban="Tidak ada artinya, karena kode pos adalah variabel kategorik",
            penjelasan=(
                "Kode pos hanya label yang ditulis dengan angka. Rata-rata hanya bermakna untuk "
                "variabel numerik."
            ),
            petunjuk=["Adakah kelurahan yang kode posnya sama dengan angka rata-rata itu?"],
            umpan_balik={
                "Kode pos rata-rata Kota Pekalongan": "Tidak ada kelurahan dengan kode pos "
                "itu. Menghitung rata-rata label sama seperti merata-rata nomor punggung pemain.",
                "Kelurahan dengan kode pos terbesar paling jauh dari pusat kota": "Kode pos "
                "tidak mengukur jarak; urutannya hanya aturan pemberian kode.",
            },
        ),
        SoalAngka(
            pertanyaan=(
                f"Proyeksi BPS {proyeksi.waktu}: {format_angka(proyeksi.jiwa / 1000, 2)} ribu jiwa "
                f"(dibulatkan ke puluhan jiwa). Registrasi Dukcapil {registrasi.waktu}: "
                f"{format_angka(registrasi.jiwa)} jiwa. Kira-kira berapa ribu jiwa selisih kedua "
                "angka itu?"
            ),
            jawaban=beda / 1000,
            desimal=1,
            satuan="ribu jiwa",
            toleransi=0.05,  # "kira-kira": 2,9 or 3 ribu
            petunjuk=[
                "Selisih = angka yang besar − angka yang kecil. Samakan satuannya dulu: "
                f"{format_angka(proyeksi.jiwa / 1000, 2)} ribu = "
                f"{format_angka(proyeksi.jiwa)} jiwa.",
                f"Hitung {format_angka(proyeksi.jiwa)} − {format_angka(registrasi.jiwa)}, lalu "
                "tulis dalam ribu dengan satu desimal.",
            ],
            penjelasan=(
                f"Proyeksi lebih besar sekitar {format_angka(beda / 1000, 1)} ribu jiwa. Angka "
                "proyeksi dibulatkan ke puluhan jiwa, jadi selisihnya tidak bisa ditulis sampai "
                f"satuan jiwa (bukan tepat {format_angka(beda)}). Proyeksi memperkirakan orang "
                "yang tinggal di kota; registrasi menghitung orang yang terdaftar."
            ),
            alternatif=[
                Alternatif(
                    float(beda),
                    f"{format_angka(proyeksi.jiwa)} − {format_angka(registrasi.jiwa)} = "
                    f"{format_angka(beda)}. Karena proyeksinya dibulatkan ke puluhan jiwa, "
                    f"tulis “sekitar {format_angka(beda / 1000, 1)} ribu jiwa”, bukan tepat "
                    f"{format_angka(beda)}.",
                    benar=True,
                    teks=f"{format_angka(beda)} jiwa",
                ),
            ],
        ),
        SoalPilihan(
            pertanyaan=(
                f"Ani menulis di laporannya: “Penduduk Kota Pekalongan "
                f"{format_angka(registrasi.jiwa)} jiwa.” Apa yang sebaiknya ia tambahkan?"
            ),
            pilihan=[
                sebut_sumber,
                "Tidak perlu apa-apa: angka itu satu-satunya yang benar",
                f"Ganti dengan angka sensus ({format_angka(sensus.jiwa)}), karena hanya sensus "
                "yang benar",
                "Bulatkan menjadi 300.000 jiwa supaya mudah dibaca",
            ],
            jawaban=sebut_sumber,
            penjelasan=(
                "Ketiga angka benar untuk keperluannya masing-masing. Pembaca perlu tahu angka "
                "itu dari sistem apa dan kapan."
            ),
            petunjuk=["Ingat grafik “tiga sumber, tiga angka”: mana yang “satu-satunya”?"],
            umpan_balik={
                "Tidak perlu apa-apa: angka itu satu-satunya yang benar": "Ada tiga angka "
                "resmi untuk kota yang sama; tanpa sumber, pembaca tidak tahu yang mana.",
            },
        ),
    ]


def semua_soal() -> list:
    """The lesson's exercises in page order, from the shipped data (answer key, tests)."""
    angka = tiga_angka(
        load_dataset(DATA_REGISTRASI), load_dataset(DATA_PROYEKSI), load_dataset(DATA_WEB)
    )
    return daftar_soal(
        angka, jenis_variabel(DATA_REGISTRASI), rata_rata_kodepos(load_dataset(DATA_WILAYAH))
    )


def _sumbu(ax, angka: list[AngkaPenduduk], label_y: str, judul: str) -> None:
    posisi = range(len(angka))
    ax.set_xticks(list(posisi), [a.label for a in angka], fontsize=8.5)
    sumbu_angka(ax.yaxis)
    ax.tick_params(axis="y", labelsize=9)
    ax.set_ylabel(label_y, fontsize=9.5)
    ax.set_title(judul, fontsize=11)
    ax.spines[["top", "right"]].set_visible(False)


@disimpan
def grafik_jumlah(angka: list[AngkaPenduduk]) -> str:
    """The three figures as bars from zero (they look alike)."""
    fig = gambar_baru(5.0, 3.9)
    ax = fig.add_subplot()
    nilai = [a.jiwa for a in angka]
    batang = ax.bar(range(3), nilai, color=[WARNA_UTAMA, WARNA_SOROT, WARNA_PEKALONGAN])
    ax.bar_label(batang, labels=[format_angka(v) for v in nilai], fontsize=9.5, padding=2)
    ax.set_ylim(0, max(nilai) * 1.15)
    _sumbu(ax, angka, "Jumlah penduduk (jiwa)", "Penduduk Kota Pekalongan menurut tiga sumber")
    kalimat = (
        "Diagram batang penduduk Kota Pekalongan menurut tiga sumber: "
        + ", ".join(
            f"{a.sistem.lower()} {a.lembaga} {a.waktu} {format_angka(a.jiwa)} jiwa" for a in angka
        )
        + ". Sumbu tegak mulai dari nol, jadi ketiga batang hampir sama tinggi."
    )
    return html_grafik(fig, alt=kalimat, keterangan=kalimat, sumber=SUMBER)


@disimpan
def grafik_selisih(angka: list[AngkaPenduduk]) -> str:
    """How far the two other figures are from the census."""
    fig = gambar_baru(5.0, 3.9)
    ax = fig.add_subplot()
    selisih = selisih_dari_sensus(angka)
    nilai = [s for s, _ in selisih]
    batang = ax.bar(range(3), nilai, color=[WARNA_UTAMA, WARNA_SOROT, WARNA_PEKALONGAN])
    label = ["0 (acuan)"] + [
        f"{format_bertanda(s, plus=True)}\n({format_bertanda(p, 1, plus=True)}%)"
        for s, p in selisih[1:]
    ]
    ax.bar_label(batang, labels=label, fontsize=9.5, padding=2)
    ax.axhline(0, color="#4a5a64", linewidth=0.8)
    ax.set_ylim(0, max(nilai) * 1.3)
    _sumbu(ax, angka, "Selisih dari Sensus 2020 (jiwa)", "Berapa jiwa lebih banyak dari sensus?")
    kalimat = (
        "Diagram batang selisih dari Sensus Penduduk 2020 "
        f"({format_angka(angka[0].jiwa)} jiwa): "
        + ", ".join(
            f"{a.sistem.lower()} {a.waktu} {format_bertanda(s, plus=True)} jiwa "
            f"({format_bertanda(p, 1, plus=True)}%)"
            for a, (s, p) in zip(angka[1:], selisih[1:], strict=True)
        )
        + "."
    )
    return html_grafik(fig, alt=kalimat, keterangan=kalimat, sumber=SUMBER)


class TigaAngkaPenduduk(Tampilan):
    """Three systems, three numbers: the population of the city side by side."""

    def __init__(self, registrasi: pd.DataFrame, kemiskinan: pd.DataFrame, web: pd.DataFrame):
        self.angka = tiga_angka(registrasi, kemiskinan, web)
        self.tampilan = ipw.ToggleButtons(
            options=list(TAMPILAN),
            value=TAMPILAN[0],
            description="Tampilkan",
            tooltips=["Jumlah penduduk menurut tiga sumber", "Selisih dari Sensus Penduduk 2020"],
            style={"description_width": "initial", "button_width": "auto"},
            layout=ipw.Layout(flex="1 1 260px"),
        )
        self.ringkasan = ipw.HTML()
        self.grafik = ipw.HTML()
        kontrol = self.kendali(self.tampilan)
        self.widget = ipw.VBox(
            [kontrol, self.grafik, self.ringkasan], layout=ipw.Layout(width="100%")
        )
        self._update()

    @classmethod
    def from_dataset(cls) -> TigaAngkaPenduduk:
        return cls(
            load_dataset(DATA_REGISTRASI), load_dataset(DATA_PROYEKSI), load_dataset(DATA_WEB)
        )

    def _update(self) -> None:
        if self.tampilan.value == TAMPILAN[0]:
            self.ringkasan.value = self._ringkasan_jumlah()
            self.grafik.value = grafik_jumlah(self.angka)
        else:
            self.ringkasan.value = self._ringkasan_selisih()
            self.grafik.value = grafik_selisih(self.angka)

    def _ringkasan_jumlah(self) -> str:
        bagian = "; ".join(
            f"<b>{format_angka(a.jiwa)}</b> jiwa ({escape(a.sistem.lower())}, {escape(a.waktu)})"
            for a in self.angka
        )
        return (
            "<p class='literasi-ringkasan'>Tiga angka untuk kota yang sama: "
            f"{bagian}. Ketiganya benar untuk keperluannya masing-masing.</p>"
        )

    def _ringkasan_selisih(self) -> str:
        selisih = selisih_dari_sensus(self.angka)
        bagian = "; ".join(
            f"{escape(a.sistem.lower())} {escape(a.waktu)} "
            f"<b>{format_bertanda(s, plus=True)} jiwa</b> ({format_bertanda(p, 1, plus=True)}%)"
            for a, (s, p) in zip(self.angka[1:], selisih[1:], strict=True)
        )
        return (
            "<p class='literasi-ringkasan'>Dibanding Sensus Penduduk 2020: "
            f"{bagian}. Sebagian selisih karena penduduk bertambah sejak 2020, sebagian karena "
            "yang dihitung berbeda: yang tinggal atau yang terdaftar.</p>"
        )
