"""Lesson 05: population pyramids of Jawa Tengah, sex ratio and dependency ratio.

Two tables: SP2020 (BPS full count) for Jawa Tengah and Indonesia, and the Jawa Tengah series
1971–2020 (1971–2010 are weighted IPUMS census-sample estimates, so they can be fractional).
Bars are shares of the whole population, so a province and the country compare directly.
No age × sex table exists in the kit for Kota Pekalongan itself.
"""

from __future__ import annotations

from html import escape

import ipywidgets as ipw
import pandas as pd
from matplotlib.ticker import FuncFormatter, MultipleLocator

from literasi.data import load_dataset
from literasi.format import format_angka
from literasi.grafik import WARNA_SOROT, WARNA_UTAMA, KerangkaGrafik, gambar_baru, html_grafik
from literasi.soal import SoalAngka, SoalPilihan, SoalTebak
from literasi.tampilan import Tampilan, setelah_halaman
from literasi.tembolok_grafik import dari_tembolok

NAMA_SP2020 = "piramida_sp2020_jateng_indonesia"
NAMA_SERI = "piramida_jateng_1971_2020"
JATENG, INDONESIA = "Jawa Tengah", "Indonesia"
LAKI, PEREMPUAN = "laki-laki", "perempuan"
TAHUN_SENSUS = (1971, 1980, 1990, 2000, 2010, 2020)
TAHUN_SP2020 = 2020

# The 17 groups of the tables are 5-year groups, the last one open (80+). The dependency ratio
# uses whole groups: young = 0-4, 5-9, 10-14 (ages 0-14); working age = 15-19 … 60-64
# (ages 15-64, ten groups); old = 65-69, 70-74, 75-79, 80+ (ages 65 and over).
KELOMPOK_MUDA = ("0-4", "5-9", "10-14")
KELOMPOK_PRODUKTIF = tuple(f"{a}-{a + 4}" for a in range(15, 65, 5))
KELOMPOK_TUA = ("65-69", "70-74", "75-79", "80+")

SUMBER_SP2020 = "BPS, Sensus Penduduk 2020"
SUMBER_SERI = "censuspyrID, dari IPUMS-International (1971–2010) dan BPS SP2020"
CATATAN_IPUMS = (
    "Angka 1971–2010 adalah perkiraan dari sampel sensus (IPUMS-International), bukan hitungan "
    "lengkap; karena itu ada angka pecahan. Angka 2020 adalah hitungan lengkap BPS (SP2020)."
)
CATATAN_KOTA = (
    "Tabel penduduk menurut umur dan jenis kelamin untuk Kota Pekalongan tidak ada di kit ini, "
    "jadi pelajaran ini memakai Jawa Tengah dan Indonesia."
)
PEMBANDING = ("Indonesia 2020", "Jawa Tengah 2020", "Tanpa")


def umur_jenis_kelamin(data: pd.DataFrame, kolom: str) -> pd.DataFrame:
    """People per age group (rows, youngest first) and sex (columns laki-laki, perempuan)."""
    tabel = data.pivot_table(
        index="kelompok_umur",
        columns="jenis_kelamin",
        values=kolom,
        aggfunc="sum",
        observed=True,
    ).astype(float)
    tabel = tabel.reindex(index=list(KELOMPOK_MUDA + KELOMPOK_PRODUKTIF + KELOMPOK_TUA))
    return tabel[[LAKI, PEREMPUAN]]


def tabel_sp2020(data: pd.DataFrame, wilayah: str) -> pd.DataFrame:
    """SP2020 age × sex table of one area ("Jawa Tengah" or "Indonesia")."""
    return umur_jenis_kelamin(data[data["wilayah"] == wilayah], "jumlah_jiwa")


def tabel_tahun(seri: pd.DataFrame, tahun: int) -> pd.DataFrame:
    """Jawa Tengah age × sex table of one census year of the 1971–2020 series."""
    pilih = seri[seri["tahun_sensus"] == tahun]
    return umur_jenis_kelamin(pilih, "jumlah_jiwa_tanpa_penghalusan")


def tabel_semua_tahun(seri: pd.DataFrame) -> dict[int, pd.DataFrame]:
    """`tabel_tahun` of every census year from one pivot (the app opens faster than with six)."""
    tabel = seri.pivot_table(
        index=["tahun_sensus", "kelompok_umur"],
        columns="jenis_kelamin",
        values="jumlah_jiwa_tanpa_penghalusan",
        aggfunc="sum",
        observed=True,
    ).astype(float)
    urutan = list(KELOMPOK_MUDA + KELOMPOK_PRODUKTIF + KELOMPOK_TUA)
    return {t: tabel.loc[t].reindex(index=urutan)[[LAKI, PEREMPUAN]] for t in TAHUN_SENSUS}


def jumlah(tabel: pd.DataFrame) -> float:
    return float(tabel.to_numpy().sum())


def persen_piramida(tabel: pd.DataFrame) -> pd.DataFrame:
    """Each cell as a percent of the WHOLE population (men and women together sum to 100)."""
    return 100 * tabel / jumlah(tabel)


def rasio_jenis_kelamin(tabel: pd.DataFrame) -> float:
    """Sex ratio: men per 100 women."""
    return 100 * float(tabel[LAKI].sum()) / float(tabel[PEREMPUAN].sum())


def kelompok_besar(tabel: pd.DataFrame) -> dict[str, float]:
    """People aged 0-14, 15-64 and 65+ (both sexes)."""
    per_umur = tabel.sum(axis=1)
    return {
        "0-14": float(per_umur[list(KELOMPOK_MUDA)].sum()),
        "15-64": float(per_umur[list(KELOMPOK_PRODUKTIF)].sum()),
        "65+": float(per_umur[list(KELOMPOK_TUA)].sum()),
    }


def rasio_ketergantungan(tabel: pd.DataFrame) -> float:
    """Dependency ratio: (ages 0-14 + ages 65+) per 100 people aged 15-64."""
    k = kelompok_besar(tabel)
    return 100 * (k["0-14"] + k["65+"]) / k["15-64"]


def persen_kelompok(tabel: pd.DataFrame, kelompok: str) -> float:
    """Share (%) of the population in "0-14", "15-64" or "65+"."""
    return 100 * kelompok_besar(tabel)[kelompok] / jumlah(tabel)


def kelompok_terbesar(tabel: pd.DataFrame) -> tuple[str, float]:
    """The 5-year age group with the most people (both sexes) and its share in percent."""
    per_umur = tabel.sum(axis=1)
    return str(per_umur.idxmax()), 100 * float(per_umur.max()) / jumlah(tabel)


def seri_rasio(seri: pd.DataFrame) -> pd.DataFrame:
    """Per census year: population, sex ratio, dependency ratio and the shares 0-14 and 65+."""
    baris = []
    for tahun, t in tabel_semua_tahun(seri).items():
        baris.append(
            {
                "tahun": tahun,
                "penduduk": jumlah(t),
                "rasio_jenis_kelamin": rasio_jenis_kelamin(t),
                "rasio_ketergantungan": rasio_ketergantungan(t),
                "persen_0_14": persen_kelompok(t, "0-14"),
                "persen_65_plus": persen_kelompok(t, "65+"),
            }
        )
    return pd.DataFrame(baris)


def label_umur(kelompok: str) -> str:
    return kelompok.replace("-", "–")


def tabel_cek(sp2020: pd.DataFrame) -> pd.DataFrame:
    """SP2020 totals for Jawa Tengah and Indonesia, one measure per row (fits a phone)."""
    dua = {w: tabel_sp2020(sp2020, w) for w in (JATENG, INDONESIA)}
    ukuran = [
        ("Laki-laki (jiwa)", lambda t: format_angka(t[LAKI].sum())),
        ("Perempuan (jiwa)", lambda t: format_angka(t[PEREMPUAN].sum())),
        ("Jumlah (jiwa)", lambda t: format_angka(jumlah(t))),
        ("Usia 0–14 (%)", lambda t: format_angka(persen_kelompok(t, "0-14"), 1)),
        ("Usia 65+ (%)", lambda t: format_angka(persen_kelompok(t, "65+"), 1)),
    ]
    return pd.DataFrame(
        {"Ukuran": [u for u, _ in ukuran], **{w: [f(t) for _, f in ukuran] for w, t in dua.items()}}
    )


# --- exercises ---------------------------------------------------------------------------


def f1(nilai: float) -> str:
    """One decimal, Indonesian style."""
    return format_angka(nilai, 1)


def daftar_soal(sp2020: pd.DataFrame, seri: pd.DataFrame) -> list:
    """Six exercises, answers computed from the data. Soal 1 (predict) comes before the view."""
    jateng, indonesia = tabel_sp2020(sp2020, JATENG), tabel_sp2020(sp2020, INDONESIA)
    t1971 = tabel_tahun(seri, 1971)
    rk1971, rk2020 = rasio_ketergantungan(t1971), rasio_ketergantungan(jateng)
    muda1971, muda2020 = persen_kelompok(t1971, "0-14"), persen_kelompok(jateng, "0-14")
    laki, perempuan = float(jateng[LAKI].sum()), float(jateng[PEREMPUAN].sum())
    rjk = rasio_jenis_kelamin(jateng)
    besar = kelompok_besar(jateng)
    terbesar1971, persen_terbesar1971 = kelompok_terbesar(t1971)
    pilihan_umur = ["0–4", "5–9", "20–24", "40–44"]
    if label_umur(terbesar1971) not in pilihan_umur:
        pilihan_umur[-1] = label_umur(terbesar1971)

    # Exactly one statement is true (checked below); every truth value is computed, never typed.
    lansia_lebih = persen_kelompok(jateng, "65+") > persen_kelompok(indonesia, "65+")
    pernyataan = {
        "Usia 65+: bagiannya di Jawa Tengah lebih besar daripada di Indonesia": lansia_lebih,
        "Usia 0–14: bagiannya di Jawa Tengah lebih besar daripada di Indonesia": (
            persen_kelompok(jateng, "0-14") > persen_kelompok(indonesia, "0-14")
        ),
        "Rasio ketergantungan Jawa Tengah lebih tinggi daripada Indonesia": (
            rasio_ketergantungan(jateng) > rasio_ketergantungan(indonesia)
        ),
        "Setiap garis Indonesia lebih panjang, karena penduduknya lebih banyak": bool(
            (persen_piramida(indonesia) > persen_piramida(jateng)).to_numpy().all()
        ),
    }
    benar_satu = [p for p, benar in pernyataan.items() if benar]
    # Radio labels over two lines overlap their neighbours on a 360-px phone: keep them short.
    assert len(benar_satu) == 1, "soal 5 butuh tepat satu pernyataan benar"
    return [
        SoalTebak(
            pertanyaan=(
                f"Pada tahun 1971, rasio ketergantungan Jawa Tengah sekitar {f1(rk1971)}: setiap "
                f"100 orang usia 15–64 tahun “menanggung” sekitar {format_angka(rk1971)} anak "
                "(0–14) dan lansia (65+). Tebak: berapa rasio ketergantungan Jawa Tengah pada "
                "Sensus Penduduk 2020?"
            ),
            jawaban=rk2020,
            penjelasan=(
                f"Dalam 50 tahun rasionya turun dari {f1(rk1971)} ke {f1(rk2020)}, terutama "
                f"karena bagian anak 0–14 tahun turun dari {f1(muda1971)}% ke {f1(muda2020)}% "
                "(lebih sedikit kelahiran). Lihat perubahannya di piramida di bawah."
            ),
        ),
        SoalAngka(
            pertanyaan=(
                f"Menurut SP2020, Jawa Tengah punya {format_angka(laki)} laki-laki dan "
                f"{format_angka(perempuan)} perempuan. Berapa rasio jenis kelaminnya "
                "(laki-laki per 100 perempuan)?"
            ),
            jawaban=rjk,
            petunjuk=[
                "Rasio jenis kelamin = laki-laki ÷ perempuan × 100.",
                f"Hitung {format_angka(laki)} ÷ {format_angka(perempuan)} × 100.",
                "Hasilnya sedikit di atas 100. Tulis dengan satu angka desimal.",
            ],
            penjelasan=(
                f"Ada sekitar {format_angka(rjk)} laki-laki untuk setiap 100 perempuan: hampir "
                "seimbang, laki-laki sedikit lebih banyak."
            ),
            # 0,2%: accepts 101 and 101,1; refuses 98,9 (perempuan ÷ laki-laki).
            toleransi=0.002,
        ),
        SoalAngka(
            pertanyaan=(
                f"SP2020 Jawa Tengah: usia 0–14 tahun {format_angka(besar['0-14'])} jiwa, usia "
                f"15–64 tahun {format_angka(besar['15-64'])} jiwa, usia 65+ "
                f"{format_angka(besar['65+'])} jiwa. Berapa rasio ketergantungannya?"
            ),
            jawaban=rk2020,
            petunjuk=[
                "Rasio ketergantungan = (usia 0–14 + usia 65+) ÷ usia 15–64 × 100.",
                f"Jumlahkan dulu {format_angka(besar['0-14'])} + {format_angka(besar['65+'])}, "
                f"lalu bagi dengan {format_angka(besar['15-64'])}.",
                "Jangan lupa dikali 100. Hasilnya antara 40 dan 50.",
            ],
            penjelasan=(
                f"Setiap 100 orang usia produktif menanggung sekitar {format_angka(rk2020)} orang "
                "usia muda dan lansia."
            ),
            toleransi=0.005,
        ),
        SoalPilihan(
            pertanyaan=(
                "Pilih tahun 1971 di atas. Kelompok umur mana yang paling banyak penduduknya "
                "(laki-laki dan perempuan digabung)?"
            ),
            pilihan=pilihan_umur,
            jawaban=label_umur(terbesar1971),
            tampilan="tombol",
            penjelasan=(
                f"Tahun 1971 kelompok {label_umur(terbesar1971)} tahun paling besar "
                f"({f1(persen_terbesar1971)}% penduduk): piramidanya lebar di bawah, karena "
                "banyak kelahiran."
            ),
            petunjuk=[
                "Cari batang terpanjang: jumlahkan sisi kiri (laki-laki) dan kanan (perempuan).",
                "Batang paling bawah belum tentu yang terpanjang.",
            ],
            umpan_balik={
                "0–4": "Batang 0–4 memang lebar, tetapi lihat baik-baik batang tepat di atasnya.",
                "20–24": "Itu kelompok terbesar tahun 2020, bukan 1971. Ganti tahunnya ke 1971.",
            },
        ),
        SoalPilihan(
            pertanyaan=(
                "Pilih tahun 2020 dan pembanding “Indonesia 2020”. Pernyataan mana yang benar "
                "menurut SP2020?"
            ),
            pilihan=list(pernyataan),
            jawaban=benar_satu[0],
            penjelasan=(
                f"Usia 65+: Jawa Tengah {f1(persen_kelompok(jateng, '65+'))}%, Indonesia "
                f"{f1(persen_kelompok(indonesia, '65+'))}%. Usia 0–14: Jawa Tengah "
                f"{f1(persen_kelompok(jateng, '0-14'))}%, Indonesia "
                f"{f1(persen_kelompok(indonesia, '0-14'))}%. Rasio ketergantungan "
                f"{f1(rasio_ketergantungan(jateng))} lawan {f1(rasio_ketergantungan(indonesia))}. "
                "Grafik memakai persen, jadi ukuran wilayah tidak memengaruhi panjang batang."
            ),
            petunjuk=[
                "Bandingkan batang (Jawa Tengah) dengan garis hitam (Indonesia) di setiap umur.",
                "Angka persen 0–14 dan 65+ ada di tabel “Cek data” dan di kalimat ringkasan.",
            ],
            umpan_balik={
                list(pernyataan)[1]: (
                    "Lihat bagian bawah piramida: garis hitam Indonesia ada di luar batang."
                ),
                list(pernyataan)[2]: (
                    "Bandingkan dua angka rasio ketergantungan di kalimat ringkasan."
                ),
                list(pernyataan)[3]: (
                    "Grafik memakai persen dari seluruh penduduk, bukan jumlah jiwa. Di usia tua "
                    "garis Indonesia ada di dalam batang."
                ),
            },
        ),
        SoalPilihan(
            pertanyaan=(
                f"Di data 1990, jumlah penduduk Jawa Tengah tertulis "
                f"{format_angka(jumlah(tabel_tahun(seri, 1990)), 3)} jiwa. Mengapa ada angka "
                "pecahan?"
            ),
            pilihan=[
                "Karena angka 1971–2010 adalah perkiraan dari sampel sensus berbobot",
                "Karena ada penduduk yang dihitung setengah",
                "Karena salah ketik di tabel",
                "Karena BPS tidak pernah membulatkan angka",
            ],
            jawaban="Karena angka 1971–2010 adalah perkiraan dari sampel sensus berbobot",
            penjelasan=(
                "Setiap orang dalam sampel mewakili sejumlah orang (bobotnya), dan bobot bisa "
                "pecahan. Hanya angka 2020 yang hitungan lengkap; bulatkan saat menulis laporan "
                "dan sebut bahwa itu perkiraan."
            ),
            petunjuk=["Baca catatan di bawah kalimat ringkasan saat memilih tahun 1990."],
            umpan_balik={
                "Karena ada penduduk yang dihitung setengah": (
                    "Orang tidak dihitung setengah. Pecahan muncul dari cara memperkirakan."
                ),
                "Karena salah ketik di tabel": (
                    "Semua angka 1980–2000 punya pecahan, jadi ini bukan salah ketik sekali."
                ),
            },
        ),
    ]


def semua_soal() -> list:
    """The lesson's exercises in page order, from the shipped data (answer key, tests)."""
    return daftar_soal(load_dataset(NAMA_SP2020), load_dataset(NAMA_SERI))


# --- the view ----------------------------------------------------------------------------


class PiramidaPenduduk(Tampilan):
    """Choose a census year (and a comparison); see Jawa Tengah's pyramid and its ratios."""

    def __init__(self, sp2020: pd.DataFrame, seri: pd.DataFrame):
        self.pembanding_tabel = {
            "Indonesia 2020": tabel_sp2020(sp2020, INDONESIA),
            "Jawa Tengah 2020": tabel_sp2020(sp2020, JATENG),
        }
        self.per_tahun = tabel_semua_tahun(seri)
        self.rasio = seri_rasio(seri)
        # One scale for every year and comparison, so pyramids can be compared by eye.
        semua = [*self.per_tahun.values(), *self.pembanding_tabel.values()]
        terbesar = max(float(persen_piramida(t).to_numpy().max()) for t in semua)
        self.batas_x = 1.1 * max(8.5, terbesar)
        # Frames drawn once; a new year only moves bars and marks (KerangkaGrafik).
        self._piramida = None  # (comparison, KerangkaGrafik, male bars, female bars, title)
        self._rasio = None  # (KerangkaGrafik, marker, label)
        self.tahun = ipw.ToggleButtons(
            options=list(TAHUN_SENSUS),
            value=TAHUN_SP2020,
            description="Tahun sensus",
            style={"description_width": "initial", "button_width": "auto"},
            layout=ipw.Layout(flex="1 1 300px"),
        )
        self.pembanding = ipw.ToggleButtons(
            options=list(PEMBANDING),
            value=PEMBANDING[0],
            description="Garis pembanding",
            style={"description_width": "initial", "button_width": "auto"},
            layout=ipw.Layout(flex="1 1 300px"),
        )
        self.ringkasan = ipw.HTML()
        self.grafik = ipw.HTML()
        self.grafik_rasio = ipw.HTML()
        kontrol = self.kendali(self.tahun, self.pembanding)
        self.widget = ipw.VBox(
            [kontrol, self.grafik, self.ringkasan, self.grafik_rasio],
            layout=ipw.Layout(width="100%"),
        )
        self._update()

    @classmethod
    def from_dataset(cls) -> PiramidaPenduduk:
        return cls(load_dataset(NAMA_SP2020), load_dataset(NAMA_SERI))

    def _update(self) -> None:
        tahun = self.tahun.value
        tabel = self.per_tahun[tahun]
        pembanding = self.pembanding_tabel.get(self.pembanding.value)
        self.ringkasan.value = self._ringkasan(tahun, tabel, pembanding)
        self.grafik.value = self._grafik(tahun, tabel, pembanding)
        self.grafik_rasio.value = self._grafik_rasio(tahun)

    def _ringkasan(self, tahun: int, tabel: pd.DataFrame, pembanding) -> str:
        perkiraan = "" if tahun == TAHUN_SP2020 else "sekitar "
        teks = (
            f"<p class='literasi-ringkasan' style='font-size:1.1em'><b>Jawa Tengah {tahun}</b>: "
            f"{perkiraan}{format_angka(jumlah(tabel))} jiwa. Rasio jenis kelamin "
            f"<b>{format_angka(rasio_jenis_kelamin(tabel), 1)}</b> (laki-laki per 100 "
            f"perempuan); rasio ketergantungan <b>{format_angka(rasio_ketergantungan(tabel), 1)}"
            f"</b>; usia 0–14: {format_angka(persen_kelompok(tabel, '0-14'), 1)}%, usia 65+: "
            f"{format_angka(persen_kelompok(tabel, '65+'), 1)}%.</p>"
        )
        if pembanding is not None:
            teks += (
                f"<p>Garis hitam, {escape(self.pembanding.value)}: rasio jenis kelamin "
                f"{format_angka(rasio_jenis_kelamin(pembanding), 1)}, rasio ketergantungan "
                f"{format_angka(rasio_ketergantungan(pembanding), 1)}; usia 0–14: "
                f"{format_angka(persen_kelompok(pembanding, '0-14'), 1)}%, usia 65+: "
                f"{format_angka(persen_kelompok(pembanding, '65+'), 1)}%.</p>"
            )
        if tahun != TAHUN_SP2020:
            teks += (
                "<p class='literasi-kecil' style='border-left:4px solid #e07a1f;"
                f"padding-left:8px'><b>Perhatian:</b> {escape(CATATAN_IPUMS)}</p>"
            )
        return teks

    def _grafik(self, tahun: int, tabel: pd.DataFrame, pembanding) -> str:
        # A chart any kernel drew before comes from the disk (the first screen of every student
        # is the same); only a new one needs the frame.
        argumen = (
            tahun,
            tabel,
            pembanding,
            self.pembanding.value,
            self.batas_x,
            self.per_tahun[TAHUN_SP2020],
        )
        html = dari_tembolok(
            f"{__name__}.piramida",
            argumen,
            lambda: self._grafik_kerangka(tahun, tabel, pembanding),
        )
        # Read from the disk: both frames are drawn while the student reads, so the first tap
        # only moves bars and marks.
        setelah_halaman(self._siapkan_kerangka)
        return html

    def _siapkan_kerangka(self) -> None:
        """The frames of the chosen comparison and of the ratio chart, each drawn once."""
        if self._piramida is None or self._piramida[0] != self.pembanding.value:
            pembanding = self.pembanding_tabel.get(self.pembanding.value)
            self._piramida = (self.pembanding.value, *self._kerangka_piramida(pembanding))
        if self._rasio is None:
            self._rasio = self._kerangka_rasio()

    def _grafik_kerangka(self, tahun: int, tabel: pd.DataFrame, pembanding) -> str:
        if self._piramida is None or self._piramida[0] != self.pembanding.value:
            self._piramida = (self.pembanding.value, *self._kerangka_piramida(pembanding))
        _, kerangka, laki, perempuan, judul = self._piramida
        persen = persen_piramida(tabel)
        for batang, nilai in zip(laki.patches, persen[LAKI], strict=True):
            batang.set_width(-nilai)
        for batang, nilai in zip(perempuan.patches, persen[PEREMPUAN], strict=True):
            batang.set_width(nilai)
        judul.set_text(f"Piramida penduduk Jawa Tengah {tahun}")
        umur, bagian = kelompok_terbesar(tabel)
        kalimat = (
            f"Piramida penduduk Jawa Tengah {tahun}: laki-laki di kiri, perempuan di kanan, "
            f"dalam persen dari seluruh penduduk; kelompok terbesar {label_umur(umur)} tahun "
            f"({format_angka(bagian, 1)}%), rasio ketergantungan "
            f"{format_angka(rasio_ketergantungan(tabel), 1)}."
        )
        if pembanding is not None:
            kalimat = kalimat[:-1] + (
                f"; garis hitam {self.pembanding.value} (rasio ketergantungan "
                f"{format_angka(rasio_ketergantungan(pembanding), 1)})."
            )
        sumber = SUMBER_SERI if tahun != TAHUN_SP2020 else SUMBER_SP2020
        return html_grafik(kerangka, alt=kalimat, keterangan=kalimat, sumber=sumber)

    def _kerangka_piramida(self, pembanding):
        """Axes, labels, legend and the comparison line; bars and title move with the year."""
        kelompok = persen_piramida(self.per_tahun[TAHUN_SP2020]).index
        fig = gambar_baru(4.2, 4.8)
        ax = fig.add_subplot()
        posisi = list(range(len(kelompok)))
        nol = [0.0] * len(posisi)
        laki = ax.barh(posisi, nol, color=WARNA_UTAMA, label="Laki-laki")
        perempuan = ax.barh(posisi, nol, color=WARNA_SOROT, label="Perempuan")
        bergerak = [*laki.patches, *perempuan.patches]
        if pembanding is not None:
            garis = persen_piramida(pembanding)
            tepi = [p - 0.5 for p in posisi] + [posisi[-1] + 0.5]
            for kolom, tanda in ((LAKI, -1), (PEREMPUAN, 1)):
                anak_tangga = ax.stairs(
                    tanda * garis[kolom].to_numpy(),
                    tepi,
                    orientation="horizontal",
                    baseline=None,
                    color="black",
                    linewidth=1.3,
                    label=self.pembanding.value if kolom == LAKI else None,
                )
                bergerak.append(anak_tangga)  # drawn over the bars, as in a full draw
        bergerak.append(ax.axvline(0, color="#4a5a64", linewidth=0.6))
        ax.set_yticks(posisi, [label_umur(k) for k in kelompok], fontsize=8)
        ax.set_xlim(-self.batas_x, self.batas_x)
        ax.xaxis.set_major_locator(MultipleLocator(2))
        ax.xaxis.set_major_formatter(FuncFormatter(lambda x, _: format_angka(abs(x))))
        ax.tick_params(axis="x", labelsize=8)
        ax.set_xlabel("Persen dari seluruh penduduk (%)")
        ax.set_ylabel("Kelompok umur (tahun)")
        judul = ax.set_title("Piramida penduduk Jawa Tengah 2020", fontsize=10)
        bergerak.append(judul)
        fig.legend(fontsize=8, loc="outside lower center", ncols=2, frameon=False)
        ax.spines[["top", "right"]].set_visible(False)
        return KerangkaGrafik(fig, bergerak), laki, perempuan, judul

    def _grafik_rasio(self, tahun: int) -> str:
        return dari_tembolok(
            f"{__name__}.rasio", (self.rasio, tahun), lambda: self._grafik_rasio_kerangka(tahun)
        )

    def _grafik_rasio_kerangka(self, tahun: int) -> str:
        if self._rasio is None:
            self._rasio = self._kerangka_rasio()
        kerangka, titik, label = self._rasio
        r = self.rasio
        pilih = r[r["tahun"] == tahun].iloc[0]
        titik.set_data([tahun], [pilih["rasio_ketergantungan"]])
        label.set_text(format_angka(pilih["rasio_ketergantungan"], 1))
        label.xy = (tahun, pilih["rasio_ketergantungan"])
        awal, akhir = r.iloc[0], r.iloc[-1]
        kalimat = (
            f"Grafik garis rasio ketergantungan Jawa Tengah: turun dari "
            f"{format_angka(awal['rasio_ketergantungan'], 1)} (1971) ke "
            f"{format_angka(akhir['rasio_ketergantungan'], 1)} (2020); tahun {tahun} (oranye) "
            f"{format_angka(pilih['rasio_ketergantungan'], 1)}."
        )
        return html_grafik(kerangka, alt=kalimat, keterangan=kalimat, sumber=SUMBER_SERI)

    def _kerangka_rasio(self):
        """The 1971–2020 line; the chosen year's marker and its label move."""
        r = self.rasio
        fig = gambar_baru(4.2, 2.8)
        ax = fig.add_subplot()
        ax.plot(r["tahun"], r["rasio_ketergantungan"], marker="o", color=WARNA_UTAMA)
        (titik,) = ax.plot([], [], marker="o", markersize=10, color=WARNA_SOROT)
        label = ax.annotate(
            "", (0, 0), textcoords="offset points", xytext=(0, 8), ha="center", fontsize=8
        )
        ax.set_xticks(list(TAHUN_SENSUS), [str(t) for t in TAHUN_SENSUS], fontsize=8)
        ax.margins(x=0.1)  # the label of 1971 clears the y axis
        ax.set_ylim(0, 100)
        ax.tick_params(axis="y", labelsize=8)
        ax.set_xlabel("Tahun sensus")
        ax.set_ylabel("Anak + lansia per 100\nusia 15–64 (jiwa)", fontsize=8)
        ax.set_title("Rasio ketergantungan Jawa Tengah\n1971–2020", fontsize=10)
        ax.spines[["top", "right"]].set_visible(False)
        return KerangkaGrafik(fig, [titik, label]), titik, label
