"""Lesson 00: Kota Pekalongan among the 35 kabupaten/kota of Jawa Tengah.

Population (Dukcapil, December 2024) and area (BIG 2024): totals, density and rank.
"""

from __future__ import annotations

from dataclasses import dataclass
from html import escape

import ipywidgets as ipw
import pandas as pd

from literasi.data import KOTA_KITA, load_dataset
from literasi.format import format_angka
from literasi.grafik import (
    WARNA_LAIN,
    WARNA_PEKALONGAN,
    WARNA_SOROT,
    KerangkaGrafik,
    gambar_baru,
    html_grafik,
    sumbu_angka,
)
from literasi.infografis import IsiPoster
from literasi.soal import SoalAngka, SoalPilihan
from literasi.tampilan import Tampilan, setelah_halaman
from literasi.tembolok_grafik import dari_tembolok

NAMA_DATA = "penduduk_luas_kabkota_jateng_2024"
SUMBER = (
    "Ditjen Dukcapil Kemendagri, Data Kependudukan Semester II (Desember) 2024 (penduduk); "
    "Badan Informasi Geospasial 2024 (luas)"
)


@dataclass(frozen=True)
class Ukuran:
    label: str
    kolom: str
    satuan: str
    desimal: int
    kalimat: str  # what the measure means, in one phrase


UKURAN = {
    "Penduduk": Ukuran("Jumlah penduduk", "penduduk_total", "jiwa", 0, "banyaknya penduduk"),
    "Luas": Ukuran("Luas wilayah", "luas_km2", "km²", 3, "luas wilayah"),
    "Kepadatan": Ukuran(
        "Kepadatan penduduk", "kepadatan", "jiwa/km²", 1, "banyaknya penduduk per km²"
    ),
}


def tabel_kabkota(data: pd.DataFrame) -> pd.DataFrame:
    """The 35 kab/kota (without the province row), with density in people per km²."""
    tabel = data[data["kode_kemendagri"].str.count(r"\.") == 1].copy()
    tabel["kepadatan"] = tabel["penduduk_total"] / tabel["luas_km2"]
    return tabel.reset_index(drop=True)


def baris_provinsi(data: pd.DataFrame) -> pd.Series:
    return data[data["kode_kemendagri"] == "33"].iloc[0]


def tabel_ringkas(data: pd.DataFrame) -> pd.DataFrame:
    """The province and Kota Pekalongan side by side, one measure per row (fits a phone)."""
    dua = data.set_index("nama").loc[["Jawa Tengah", KOTA_KITA]]
    baris = [
        ("Laki-laki (jiwa)", "penduduk_laki", 0),
        ("Perempuan (jiwa)", "penduduk_perempuan", 0),
        ("Jumlah (jiwa)", "penduduk_total", 0),
        ("Luas (km²)", "luas_km2", 3),
    ]
    return pd.DataFrame(
        {
            "Ukuran": [label for label, _, _ in baris],
            **{
                wilayah: [format_angka(dua.loc[wilayah, kolom], d) for _, kolom, d in baris]
                for wilayah in dua.index
            },
        }
    )


def urutkan(tabel: pd.DataFrame, kolom: str) -> pd.DataFrame:
    """Largest first, with rank 1..n (ties share the smaller rank)."""
    urut = tabel.sort_values(kolom, ascending=False).reset_index(drop=True)
    urut["peringkat"] = urut[kolom].rank(ascending=False, method="min").astype(int)
    return urut


def peringkat(tabel: pd.DataFrame, kolom: str, nama: str) -> int:
    urut = urutkan(tabel, kolom)
    return int(urut.loc[urut["nama"] == nama, "peringkat"].iloc[0])


def nama_pendek(nama: str) -> str:
    return nama.replace("Kabupaten ", "Kab. ")


def daftar_soal(tabel: pd.DataFrame, provinsi: pd.Series) -> list:
    """The three exercises, with answers computed from the data (never typed by hand)."""
    kita = tabel[tabel["nama"] == KOTA_KITA].iloc[0]
    padat = urutkan(tabel, "kepadatan")
    terpadat = padat["nama"].iloc[0]
    pengecoh = [padat["nama"].iloc[i] for i in (1, 3)] + [
        urutkan(tabel, "penduduk_total")["nama"].iloc[0]
    ]
    pilihan = sorted({terpadat, *pengecoh})
    bagian = 100 * kita["penduduk_total"] / provinsi["penduduk_total"]
    terbanyak = urutkan(tabel, "penduduk_total")["nama"].iloc[0]
    return [
        SoalAngka(
            pertanyaan=(
                f"Kota Pekalongan berpenduduk {format_angka(kita['penduduk_total'])} jiwa dengan "
                f"luas {format_angka(kita['luas_km2'], 3)} km². Berapa kepadatan penduduknya "
                "(jiwa per km²)?"
            ),
            jawaban=float(kita["kepadatan"]),
            petunjuk=[
                "Kepadatan = jumlah penduduk ÷ luas wilayah.",
                f"Hitung {format_angka(kita['penduduk_total'])} ÷ "
                f"{format_angka(kita['luas_km2'], 3)}.",
                "Hasilnya sekitar tujuh ribu. Tulis dengan satu angka desimal, misalnya 1.234,5.",
            ],
            penjelasan=(
                "Setiap km² di Kota Pekalongan rata-rata dihuni sekitar "
                f"{format_angka(kita['kepadatan'])} orang."
            ),
            satuan="jiwa/km²",
            # 0,1%: tight enough that Kota Magelang's density (next in rank) is not accepted.
            toleransi=0.001,
        ),
        SoalPilihan(
            pertanyaan="Pilih ukuran “Kepadatan” di atas. Kabupaten/kota mana yang paling padat?",
            pilihan=pilihan,
            jawaban=terpadat,
            penjelasan=(
                f"{terpadat} paling padat: {format_angka(padat['kepadatan'].iloc[0], 1)} jiwa/km²."
            ),
            petunjuk=[
                "Paling padat = kepadatan terbesar, bukan penduduk terbanyak.",
                "Pada grafik, lihat batang paling atas saat ukuran “Kepadatan” dipilih.",
            ],
            umpan_balik={
                terbanyak: (
                    f"{terbanyak} memang berpenduduk paling banyak, tetapi wilayahnya juga luas. "
                    "Kepadatan membagi penduduk dengan luas."
                ),
            },
        ),
        SoalAngka(
            pertanyaan=(
                f"Menurut catatan Dukcapil, Jawa Tengah berpenduduk "
                f"{format_angka(provinsi['penduduk_total'])} jiwa. Berapa persen penduduk Jawa "
                "Tengah yang terdaftar di Kota Pekalongan?"
            ),
            jawaban=float(bagian),
            persen=True,
            desimal=2,
            toleransi=0.02,
            petunjuk=[
                "Persen = bagian ÷ keseluruhan × 100.",
                f"Hitung {format_angka(kita['penduduk_total'])} ÷ "
                f"{format_angka(provinsi['penduduk_total'])} × 100.",
                "Hasilnya kurang dari 1%. Tulis dengan dua angka desimal dan tanda %.",
            ],
            penjelasan=(
                "Kurang dari 1 dari setiap 100 penduduk Jawa Tengah terdaftar di Kota "
                f"Pekalongan (sekitar {format_angka(bagian, 2)}%). Yang terdaftar belum tentu "
                "tinggal di sana: angka penduduk yang tinggal berasal dari sensus dan proyeksi BPS."
            ),
        ),
    ]


def semua_soal() -> list:
    """The lesson's exercises in page order, from the shipped data (answer key, tests)."""
    data = load_dataset(NAMA_DATA)
    return daftar_soal(tabel_kabkota(data), baris_provinsi(data))


def warnai(batang, urut: pd.DataFrame, pilih: pd.Series) -> None:
    """Chosen kab/kota orange, Kota Pekalongan purple, the rest grey."""
    for b, nama in zip(batang.patches, urut["nama"], strict=True):
        b.set_facecolor(
            WARNA_SOROT
            if nama == pilih["nama"]
            else WARNA_PEKALONGAN
            if nama == KOTA_KITA
            else WARNA_LAIN
        )


class PeringkatKabKota(Tampilan):
    """Choose a kab/kota and a measure; see its rank, its neighbours and a bar chart."""

    def __init__(self, data: pd.DataFrame):
        self.tabel = tabel_kabkota(data)
        nama = sorted(self.tabel["nama"].tolist())
        self.wilayah = ipw.Dropdown(
            options=nama,
            value=KOTA_KITA,
            description="Pilih kabupaten/kota",
            style={"description_width": "initial"},
            layout=ipw.Layout(flex="1 1 260px", min_width="240px", max_width="420px"),
        )
        self.ukuran = ipw.ToggleButtons(
            options=list(UKURAN),
            value="Kepadatan",
            description="Ukuran",
            tooltips=[u.label for u in UKURAN.values()],
            style={"description_width": "initial", "button_width": "auto"},
            layout=ipw.Layout(flex="1 1 260px"),
        )
        self.ringkasan = ipw.HTML()
        self.tabel_html = ipw.HTML()
        self.grafik = ipw.HTML()
        self._kerangka = None  # (measure, KerangkaGrafik, bars) of the chart on screen
        kontrol = self.kendali(self.wilayah, self.ukuran)
        self.widget = ipw.VBox(
            [kontrol, self.grafik, self.ringkasan, self.tabel_html], layout=ipw.Layout(width="100%")
        )
        self._update()

    @classmethod
    def from_dataset(cls) -> PeringkatKabKota:
        return cls(load_dataset(NAMA_DATA))

    def _update(self) -> None:
        ukuran = UKURAN[self.ukuran.value]
        urut = urutkan(self.tabel, ukuran.kolom)
        pilih = urut[urut["nama"] == self.wilayah.value].iloc[0]
        nilai = format_angka(pilih[ukuran.kolom], ukuran.desimal)
        self.ringkasan.value = (
            f"<p class='literasi-ringkasan' style='font-size:1.1em'><b>{escape(pilih['nama'])}</b>"
            f" ada di <b>peringkat {pilih['peringkat']} dari {len(urut)}</b> untuk "
            f"{ukuran.kalimat}: {nilai} {ukuran.satuan}.</p>"
        )
        self.tabel_html.value = self._tabel_tetangga(urut, int(pilih["peringkat"]), ukuran)
        self.grafik.value = self._grafik(urut, ukuran, pilih)

    def _tabel_tetangga(self, urut: pd.DataFrame, posisi: int, ukuran: Ukuran) -> str:
        """The chosen kab/kota with two neighbours above and below: where am I?"""
        awal = max(0, min(posisi - 3, len(urut) - 5))
        baris = []
        for _, b in urut.iloc[awal : awal + 5].iterrows():
            tebal = (
                " style='font-weight:bold;background:#fdebd9'"
                if b["nama"] == self.wilayah.value
                else ""
            )
            nilai = format_angka(b[ukuran.kolom], ukuran.desimal)
            baris.append(
                f"<tr{tebal}><td>{b['peringkat']}</td><td>{escape(nama_pendek(b['nama']))}</td>"
                f"<td style='text-align:right'>{nilai}</td></tr>"
            )
        return (
            "<div style='overflow-x:auto'><table class='literasi-tabel'>"
            f"<caption>Tetangga peringkat: {escape(ukuran.label.lower())} "
            f"({ukuran.satuan})</caption>"
            "<thead><tr><th scope='col'>Peringkat</th><th scope='col'>Kabupaten/kota</th>"
            "<th scope='col'>Nilai</th></tr></thead><tbody>"
            + "".join(baris)
            + "</tbody></table></div>"
        )

    def _grafik(self, urut: pd.DataFrame, ukuran: Ukuran, pilih: pd.Series) -> str:
        self.pesan_terakhir = self.ringkasan_teks(pilih, ukuran)
        # A chart any kernel drew before comes from the disk (the first screen of every student
        # is the same); only a new one needs the frame.
        html = dari_tembolok(
            f"{__name__}.grafik",
            (urut, ukuran, pilih),
            lambda: self._grafik_kerangka(urut, ukuran, pilih),
        )
        # Read from the disk: the measure's frame is drawn while the student reads, so the
        # first tap only recolours bars.
        setelah_halaman(lambda: self._siapkan_kerangka(urut, ukuran, hanya_jika_dipilih=True))
        return html

    def _siapkan_kerangka(self, urut: pd.DataFrame, ukuran: Ukuran, hanya_jika_dipilih=False):
        """The frame of one measure is drawn once; choosing another kab/kota only recolours
        bars (~30 ms instead of ~300 ms: see KerangkaGrafik). `hanya_jika_dipilih`: not for
        a measure the student has left meanwhile."""
        if hanya_jika_dipilih and UKURAN[self.ukuran.value] is not ukuran:
            return
        if self._kerangka is None or self._kerangka[0] != ukuran.kolom:
            fig, batang = self._gambar(urut, ukuran)
            self._kerangka = (ukuran.kolom, KerangkaGrafik(fig, batang.patches), batang)

    def _grafik_kerangka(self, urut: pd.DataFrame, ukuran: Ukuran, pilih: pd.Series) -> str:
        self._siapkan_kerangka(urut, ukuran)
        _, kerangka, batang = self._kerangka
        warnai(batang, urut, pilih)
        nilai = format_angka(pilih[ukuran.kolom], ukuran.desimal)
        kalimat = (
            f"Diagram batang mendatar {ukuran.label.lower()} 35 kabupaten/kota di Jawa Tengah, "
            f"diurutkan dari yang terbesar. {pilih['nama']} (oranye) di peringkat "
            f"{pilih['peringkat']} dengan {nilai} {ukuran.satuan}; "
            f"terbesar {urut['nama'].iloc[0]}, terkecil {urut['nama'].iloc[-1]}."
        )
        if pilih["nama"] != KOTA_KITA:
            kalimat += " Kota Pekalongan berwarna ungu."
        return html_grafik(kerangka, alt=kalimat, keterangan=kalimat, sumber=SUMBER)

    @staticmethod
    def _gambar(urut: pd.DataFrame, ukuran: Ukuran):
        """The bar chart of one measure, every bar grey: (figure, bars)."""
        fig = gambar_baru(5.2, 10)
        ax = fig.add_subplot()
        posisi = range(len(urut))
        batang = ax.barh(posisi, urut[ukuran.kolom].astype(float), color=WARNA_LAIN)
        ax.set_yticks(list(posisi), [nama_pendek(n) for n in urut["nama"]], fontsize=8)
        ax.invert_yaxis()
        sumbu_angka(ax.xaxis)
        ax.tick_params(axis="x", labelsize=8)
        ax.set_xlabel(f"{ukuran.label} ({ukuran.satuan})")
        ax.set_title(f"{ukuran.label}, 35 kabupaten/kota Jawa Tengah", fontsize=10)
        ax.spines[["top", "right"]].set_visible(False)
        return fig, batang

    @staticmethod
    def ringkasan_teks(pilih: pd.Series, ukuran: Ukuran) -> str:
        nilai = format_angka(pilih[ukuran.kolom], ukuran.desimal)
        return (
            f"{pilih['nama']} ada di peringkat {pilih['peringkat']} dari 35 untuk "
            f"{ukuran.kalimat}: {nilai} {ukuran.satuan}."
        )

    def isi_poster(self) -> IsiPoster:
        """What the infographic button puts on a poster: the current chart and its message."""
        ukuran = UKURAN[self.ukuran.value]
        urut = urutkan(self.tabel, ukuran.kolom)
        fig, batang = self._gambar(urut, ukuran)  # a full figure: the screen's is a frame
        warnai(batang, urut, urut[urut["nama"] == self.wilayah.value].iloc[0])
        return IsiPoster(
            judul=f"{self.wilayah.value} di antara 35 kabupaten/kota Jawa Tengah",
            pesan=self.pesan_terakhir,
            grafik=fig,
            sumber=SUMBER,
        )
