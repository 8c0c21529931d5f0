"""Kelurahan app 04: reading IPM, poverty and unemployment (TPT) for planning, and quoting BPS.

The series come from the data layer (`literasi.seri`): IPM 2020–2024, BPS's poverty rates
2020–2025 and TPT 2020–2025 (Sakernas Agustus, via the panel). The kit's copies of the BPS tables
have no Jawa Tengah row. Poverty can be combined honestly (all poor people ÷ all the populations
their rates imply, `seri.kemiskinan_jateng`), for the years that have counts. IPM cannot be
averaged (the province index comes from province-level components) and TPT needs the labour
force, which the tables lack; for those two the app compares with the median and the range of
the 35 kab/kota and says so. Every number shown that is not copied as-is from BPS is "diolah".
"""

from __future__ import annotations

from dataclasses import dataclass
from html import escape

import ipywidgets as ipw
import pandas as pd
from matplotlib.ticker import FuncFormatter, MaxNLocator

from literasi import seri
from literasi.data import KOTA_KITA, load_dataset
from literasi.format import format_angka
from literasi.grafik import WARNA_LAIN, WARNA_PEKALONGAN, WARNA_UTAMA, gambar_baru, html_grafik
from literasi.infografis import IsiPoster
from literasi.soal import SoalAngka, SoalBanyak, SoalPilihan, SoalTebak
from literasi.tampilan import Tampilan

PENERBIT = "BPS Provinsi Jawa Tengah"


@dataclass(frozen=True)
class Indikator:
    label: str
    kolom: str  # in the table `baca_semua` gives for this indicator
    satuan: str  # written after the number ("" for an index)
    satuan_panjang: str  # for the axis and the "period, unit" line
    desimal: int
    tinggi_baik: bool  # is a higher value better?
    judul_tabel: str  # the BPS table as it is cited
    periode: str
    arti: str  # one sentence: what the number means

    def teks(self, nilai: float) -> str:
        return format_angka(nilai, self.desimal) + self.satuan


INDIKATOR = {
    "IPM": Indikator(
        "Indeks Pembangunan Manusia (IPM)",
        seri.IPM,
        "",
        "indeks, 0–100",
        2,
        True,
        "Indeks Pembangunan Manusia menurut Kabupaten/Kota",
        "tahunan",
        "IPM menggabungkan umur panjang dan sehat, pendidikan, dan standar hidup layak.",
    ),
    "Kemiskinan": Indikator(
        "Persentase penduduk miskin",
        seri.PERSEN,
        "%",
        "persen penduduk",
        2,
        False,
        "Jumlah dan Persentase Penduduk Miskin menurut Kabupaten/Kota (Susenas Maret)",
        "keadaan Maret setiap tahun",
        "Penduduk miskin per 100 penduduk: pengeluarannya di bawah garis kemiskinan.",
    ),
    "TPT": Indikator(
        "Tingkat pengangguran terbuka (TPT)",
        seri.TPT,
        "%",
        "persen angkatan kerja",
        2,
        False,
        "Tingkat Pengangguran Terbuka menurut Kabupaten/Kota (Sakernas Agustus)",
        "keadaan Agustus setiap tahun",
        "Penganggur per 100 angkatan kerja (orang yang bekerja atau mencari kerja).",
    ),
}
SINGKAT = {"IPM": "IPM", "Kemiskinan": "Miskin (%)", "TPT": "TPT (%)"}
PILIHAN = {
    "IPM": "IPM",
    "Kemiskinan": "Penduduk miskin (%)",
    "TPT": "Pengangguran terbuka (TPT)",
}


# --- computations ------------------------------------------------------------------------


def seri_wilayah(data: pd.DataFrame, ind: Indikator, nama: str = KOTA_KITA) -> pd.Series:
    """One kab/kota's values by year."""
    return seri.per_tahun(data, ind.kolom, nama)


def ada_baris_provinsi(data: pd.DataFrame) -> bool:
    """Does the kit's copy of the table carry a Jawa Tengah row? (None of the three does; BPS's
    own tables do.)"""
    return bool(data["Wilayah"].str.contains("Jawa Tengah", case=False).any())


def ringkas_35(data: pd.DataFrame, ind: Indikator) -> pd.DataFrame:
    """Per year: median, lowest and highest of the 35 kab/kota."""
    return seri.rentang_per_tahun(data, ind.kolom)


def jateng(data: pd.DataFrame, kunci: str) -> pd.Series | None:
    """Jawa Tengah where it can be computed honestly: poverty only, for the years with counts."""
    return seri.kemiskinan_jateng(data) if kunci == "Kemiskinan" else None


def peringkat(data: pd.DataFrame, ind: Indikator, tahun: int, nama: str = KOTA_KITA) -> int:
    """Rank among the 35 kab/kota in one year, 1 = highest value (ties share the smaller rank)."""
    satu = data[data["Tahun"] == tahun]
    urut = satu[ind.kolom].astype(float).rank(ascending=False, method="min")
    return int(urut[satu["Wilayah"] == nama].iloc[0])


def lebih_baik(ind: Indikator, nilai: float, pembanding: float) -> bool:
    return nilai > pembanding if ind.tinggi_baik else nilai < pembanding


def kutipan(ind: Indikator, tahun: list[int], diolah: bool = True) -> str:
    """The source line to paste under a table or chart.

    >>> kutipan(INDIKATOR["IPM"], [2020, 2024]).endswith("Kabupaten/Kota, 2020–2024 (diolah)")
    True
    """
    awal, akhir = min(tahun), max(tahun)
    periode = str(akhir) if awal == akhir else f"{awal}–{akhir}"
    return f"Sumber: {PENERBIT}, {ind.judul_tabel}, {periode}" + (" (diolah)" if diolah else "")


def teks_jateng(ind: Indikator, prov: pd.Series | None, tahun: int) -> str:
    """Jawa Tengah in `tahun`, or in its own last year with that year named, or "–"."""
    if prov is None:
        return "–"
    if tahun in prov.index:
        return ind.teks(prov[tahun])
    akhir = int(prov.index.max())
    return f"{ind.teks(prov[akhir])} ({akhir})"


def tabel_ringkas(semua: dict[str, pd.DataFrame]) -> pd.DataFrame:
    """The latest year of each indicator: Kota Pekalongan, median of 35, and Jawa Tengah where
    it can be computed for that year ("–" otherwise)."""
    baris = []
    for kunci, ind in INDIKATOR.items():
        data = semua[kunci]
        tahun = int(data["Tahun"].max())
        prov = jateng(data, kunci)
        baris.append(
            {
                "Indikator": f"{SINGKAT[kunci]} {tahun}",
                KOTA_KITA: ind.teks(seri_wilayah(data, ind)[tahun]),
                "Median 35": ind.teks(ringkas_35(data, ind).loc[tahun, "median"]),
                seri.JATENG_DIHITUNG: teks_jateng(ind, prov, tahun),
            }
        )
    return pd.DataFrame(baris)


def baca_semua() -> dict[str, pd.DataFrame]:
    """The three indicators' tables (Wilayah, Tahun and the indicator's column)."""
    return {
        "IPM": load_dataset(seri.NAMA_IPM),
        "Kemiskinan": seri.baca_kemiskinan(),
        "TPT": seri.baca_tpt(),
    }


# --- exercises ---------------------------------------------------------------------------


def daftar_soal(semua: dict[str, pd.DataFrame]) -> list:
    """Five exercises, answers computed from the data. Soal 1 (predict) comes before the view."""
    ipm, kem = INDIKATOR["IPM"], INDIKATOR["Kemiskinan"]
    t_ipm = int(semua["IPM"]["Tahun"].max())
    ipm_kota = seri_wilayah(semua["IPM"], ipm)[t_ipm]
    ipm_median = ringkas_35(semua["IPM"], ipm).loc[t_ipm, "median"]
    rank_ipm = peringkat(semua["IPM"], ipm, t_ipm)
    jateng_miskin = jateng(semua["Kemiskinan"], "Kemiskinan")
    t_kem = int(jateng_miskin.index.max())  # the last year Jawa Tengah can be computed
    kem_kota = seri_wilayah(semua["Kemiskinan"], kem)[t_kem]
    kem_jateng = jateng_miskin[t_kem]
    selisih = kem_jateng - kem_kota

    posisi = {}
    for kunci, ind in INDIKATOR.items():
        t = int(semua[kunci]["Tahun"].max())
        nilai = seri_wilayah(semua[kunci], ind)[t]
        median = ringkas_35(semua[kunci], ind).loc[t, "median"]
        posisi[kunci] = (t, nilai, median, lebih_baik(ind, nilai, median))
    lebih_buruk = [k for k, p in posisi.items() if not p[3]]
    if len(lebih_buruk) != 1:
        raise ValueError("Soal 3 mengandaikan tepat satu indikator di bawah median.")
    buruk = lebih_buruk[0]
    t_b, v_b, m_b, _ = posisi[buruk]
    ind_b = INDIKATOR[buruk]

    benar = kutipan(ipm, [t_ipm])
    tertulis = kutipan(ipm, [t_ipm], diolah=False)
    opsi_kutip = {
        "diolah": "Tambahkan “(diolah)” di akhir",
        "lengkap": "Tidak ada yang kurang",
        "bps": "Cukup tulis “Sumber: BPS”",
        "internet": "Tambahkan “internet” sebagai sumber",
    }

    opsi_diolah = {
        f"IPM Kota Pekalongan {t_ipm}: {ipm.teks(ipm_kota)}": False,
        f"Median IPM 35 kabupaten/kota {t_ipm}: {ipm.teks(ipm_median)}": True,
        f"Peringkat IPM Kota Pekalongan {t_ipm}: {rank_ipm} dari 35": True,
        f"Penduduk miskin Jawa Tengah {t_kem}: {kem.teks(kem_jateng)} "
        "(dihitung dari 35 kabupaten/kota)": True,
        f"Penduduk miskin Kota Pekalongan {t_kem}: {kem.teks(kem_kota)}": False,
    }
    return [
        SoalTebak(
            pertanyaan=(
                f"IPM bernilai 0–100. Median IPM 35 kabupaten/kota Jawa Tengah tahun {t_ipm} "
                f"adalah {ipm.teks(ipm_median)}. Tebak: berapa IPM Kota Pekalongan tahun {t_ipm}?"
            ),
            jawaban=float(ipm_kota),
            desimal=2,
            penjelasan=(
                f"IPM Kota Pekalongan {t_ipm} = {ipm.teks(ipm_kota)}, peringkat {rank_ipm} dari 35 "
                f"kabupaten/kota, di atas median {ipm.teks(ipm_median)}."
            ),
        ),
        SoalAngka(
            pertanyaan=(
                f"Pilih “{PILIHAN['Kemiskinan']}”. Tahun {t_kem}, persentase penduduk miskin Kota "
                f"Pekalongan {kem.teks(kem_kota)}, Jawa Tengah (dihitung dari 35 kabupaten/kota) "
                f"{kem.teks(kem_jateng)}. Kota Pekalongan lebih rendah berapa poin persen?"
            ),
            jawaban=float(selisih),
            desimal=2,
            satuan="poin persen",
            toleransi=0.01,
            petunjuk=[
                "Selisih dua persentase ditulis dalam poin persen.",
                f"Hitung {format_angka(kem_jateng, 2)} − {format_angka(kem_kota, 2)}.",
            ],
            penjelasan=(
                f"{format_angka(kem_jateng, 2)} − {format_angka(kem_kota, 2)} = "
                f"{format_angka(selisih, 2)} poin persen (bukan {format_angka(selisih, 2)}%)."
            ),
        ),
        SoalPilihan(
            pertanyaan=(
                "Ganti indikator di atas satu per satu. Pada tahun terakhir masing-masing, "
                "indikator mana yang posisi Kota Pekalongan-nya LEBIH BURUK daripada median 35 "
                "kabupaten/kota?"
            ),
            pilihan=[PILIHAN[k] for k in INDIKATOR],
            jawaban=PILIHAN[buruk],
            tampilan="tombol",
            penjelasan=(
                f"{ind_b.label} Kota Pekalongan {t_b}: {ind_b.teks(v_b)}, median 35 "
                f"kabupaten/kota {ind_b.teks(m_b)}. Untuk indikator ini angka "
                f"{'rendah' if not ind_b.tinggi_baik else 'tinggi'} yang baik, jadi Kota "
                "Pekalongan di sisi yang buruk: bahan untuk perencanaan."
            ),
            petunjuk=[
                "Untuk IPM, makin tinggi makin baik. Untuk kemiskinan dan TPT, makin rendah "
                "makin baik.",
                "Bandingkan garis ungu (Kota Pekalongan) dengan garis median di tahun terakhir.",
            ],
            umpan_balik={
                PILIHAN[k]: (
                    f"Di indikator ini Kota Pekalongan lebih baik dari median "
                    f"({INDIKATOR[k].teks(posisi[k][1])} lawan "
                    f"{INDIKATOR[k].teks(posisi[k][2])})."
                )
                for k in INDIKATOR
                if k != buruk
            },
        ),
        SoalPilihan(
            pertanyaan=(
                f"Anda menulis di dokumen rencana kerja: “IPM Kota Pekalongan {t_ipm} "
                f"({ipm.teks(ipm_kota)}) berada di peringkat {rank_ipm} dari 35 kabupaten/kota di "
                f"Jawa Tengah.” Di bawahnya tertulis: “{tertulis}”. Apa yang masih kurang?"
            ),
            pilihan=list(opsi_kutip.values()),
            jawaban=opsi_kutip["diolah"] if benar != tertulis else opsi_kutip["lengkap"],
            penjelasan=(
                f"Baris yang tepat: “{benar}”. Penerbit, judul tabel, dan tahun sudah ada; "
                "“(diolah)” perlu karena peringkatnya Anda hitung sendiri dari tabel BPS (BPS "
                "tidak menerbitkannya di tabel itu)."
            ),
            petunjuk=[
                "Apakah peringkat 1–35 tertulis di tabel BPS, atau Anda yang menghitungnya?",
                "Angka yang dihitung sendiri dari data BPS diberi tanda khusus di baris sumber.",
            ],
            umpan_balik={
                opsi_kutip["lengkap"]: (
                    "Hampir. Peringkatnya Anda hitung sendiri dari tabel itu: beri tanda."
                ),
                opsi_kutip["bps"]: "Terlalu singkat: BPS yang mana, tabel apa, tahun berapa?",
                opsi_kutip["internet"]: "“Internet” bukan sumber: sebut penerbit dan tabelnya.",
            },
        ),
        SoalBanyak(
            pertanyaan=(
                "Angka mana yang “diolah”, yaitu dihitung sendiri dari tabel BPS (bukan disalin "
                "apa adanya)?"
            ),
            pilihan=list(opsi_diolah),
            jawaban=[k for k, v in opsi_diolah.items() if v],
            penjelasan=(
                "Median, peringkat, dan angka Jawa Tengah yang dihitung dari 35 kabupaten/kota "
                "adalah olahan aplikasi ini dari "
                "tabel BPS: kutip dengan “(diolah)”. Angka satu kabupaten/kota disalin apa adanya."
            ),
            petunjuk=[
                "Angka yang tertulis langsung di satu baris tabel BPS tidak diolah.",
                "Angka yang memerlukan banyak baris (median, peringkat, jumlah) diolah.",
            ],
        ),
    ]


def semua_soal() -> list:
    """The app's exercises in page order, from the shipped data (answer key, tests)."""
    return daftar_soal(baca_semua())


# --- the view ----------------------------------------------------------------------------


class IndikatorKota(Tampilan):
    """Choose an indicator; see Kota Pekalongan against the 35 kab/kota and Jawa Tengah,
    with the period, the unit and the source line to copy."""

    def __init__(self, semua: dict[str, pd.DataFrame]):
        self.semua = semua
        self.indikator = ipw.Dropdown(
            options=[(label, kunci) for kunci, label in PILIHAN.items()],
            value="IPM",
            description="Indikator",
            style={"description_width": "initial"},
            layout=ipw.Layout(flex="1 1 260px", max_width="380px", height="auto"),
        )
        self.ringkasan = ipw.HTML()
        self.grafik = ipw.HTML()
        self.sumber = ipw.HTML()
        kontrol = self.kendali(self.indikator)
        self.widget = ipw.VBox(
            [kontrol, self.grafik, self.ringkasan, self.sumber], layout=ipw.Layout(width="100%")
        )
        self._update()

    @classmethod
    def from_dataset(cls) -> IndikatorKota:
        return cls(baca_semua())

    def _update(self) -> None:
        kunci = self.indikator.value
        ind, data = INDIKATOR[kunci], self.semua[kunci]
        kota = seri_wilayah(data, ind)
        r35 = ringkas_35(data, ind)
        prov = jateng(data, kunci)
        tahun = int(kota.index.max())
        self.pesan_terakhir = self.ringkasan_teks(ind, data, kota, r35, prov, tahun)
        self.kutipan_terakhir = kutipan(ind, list(kota.index))
        self.ringkasan.value = (
            "<p class='literasi-ringkasan' style='font-size:1.05em'>"
            f"{escape(self.pesan_terakhir)}</p><p>{escape(ind.arti)}</p>"
        )
        self.grafik.value = self._grafik(ind, kota, r35, prov)
        self.sumber.value = self._kotak_sumber(ind, kota)

    @staticmethod
    def ringkasan_teks(ind, data, kota, r35, prov, tahun) -> str:
        nilai, median = kota[tahun], r35.loc[tahun, "median"]
        arah = "makin tinggi makin baik" if ind.tinggi_baik else "makin rendah makin baik"
        posisi = "lebih baik" if lebih_baik(ind, nilai, median) else "lebih buruk"
        teks = (
            f"{KOTA_KITA} {tahun}: {ind.label} {ind.teks(nilai)}, peringkat "
            f"{peringkat(data, ind, tahun)} dari 35 (1 = angka tertinggi; {arah}). "
            f"Median 35 kabupaten/kota: {ind.teks(median)}, jadi {KOTA_KITA} {posisi}."
        )
        if prov is not None:
            t_prov = int(prov.index.max())
            teks += (
                f" Jawa Tengah (dihitung dari 35 kabupaten/kota) {t_prov}: "
                f"{ind.teks(prov[t_prov])}."
            )
            if t_prov < tahun:
                teks += f" Untuk {tahun} jumlah penduduk miskinnya belum ada di kit."
        return teks

    def _grafik(self, ind, kota, r35, prov) -> str:
        fig = gambar_baru(4.0, 3.3)
        ax = fig.add_subplot()
        tahun = list(kota.index)
        ax.fill_between(
            tahun,
            r35["min"].to_numpy(),
            r35["max"].to_numpy(),
            color=WARNA_LAIN,
            alpha=0.35,
            label="Rentang 35 kab/kota",
            linewidth=0,
        )
        ax.plot(
            tahun,
            r35["median"].to_numpy(),
            color="#4a5a64",
            linestyle="--",
            marker=".",
            label="Median 35 kab/kota",
        )
        if prov is not None:
            ax.plot(
                tahun,
                prov.reindex(tahun).to_numpy(),
                color=WARNA_UTAMA,
                marker="s",
                markersize=4,
                label=seri.JATENG_DIHITUNG,
            )
        ax.plot(
            tahun,
            kota.to_numpy(),
            color=WARNA_PEKALONGAN,
            marker="o",
            linewidth=2.2,
            label=KOTA_KITA,
        )
        akhir = tahun[-1]
        ax.annotate(
            format_angka(kota[akhir], ind.desimal),
            (akhir, kota[akhir]),
            textcoords="offset points",
            xytext=(0, 7),
            ha="center",
            fontsize=8,
            color=WARNA_PEKALONGAN,
            fontweight="bold",
        )
        ax.set_xticks(tahun, [str(t) for t in tahun], fontsize=8)
        ax.set_xlim(tahun[0] - 0.3, tahun[-1] + 0.3)
        ax.yaxis.set_major_locator(MaxNLocator(6, integer=True))
        ax.yaxis.set_major_formatter(FuncFormatter(lambda y, _: format_angka(y, 0)))
        ax.tick_params(axis="y", labelsize=8)
        pendek = PILIHAN[self.indikator.value].split(" (")[0]
        ax.set_ylabel(f"{pendek} ({ind.satuan_panjang})", fontsize=8)
        fig.suptitle(f"{ind.label}, {tahun[0]}–{akhir}", fontsize=10)
        ax.legend(fontsize=8, loc="best", frameon=False)
        ax.spines[["top", "right"]].set_visible(False)
        kalimat = (
            f"Grafik garis {ind.label} {tahun[0]}–{akhir}: {KOTA_KITA} (ungu) dari "
            f"{ind.teks(kota[tahun[0]])} ke {ind.teks(kota[akhir])}; median 35 kabupaten/kota "
            f"(putus-putus) {ind.teks(r35.loc[akhir, 'median'])} pada {akhir}; pita abu-abu dari "
            f"{ind.teks(r35.loc[akhir, 'min'])} sampai {ind.teks(r35.loc[akhir, 'max'])}."
        )
        if prov is not None:
            t_prov = int(prov.index.max())
            kalimat += f" {seri.JATENG_DIHITUNG} (biru) {ind.teks(prov[t_prov])} pada {t_prov}."
        self.gambar_terakhir = fig  # for the poster: the chart exactly as on screen
        return html_grafik(
            fig,
            alt=kalimat,
            keterangan=kalimat,
            sumber=kutipan(ind, tahun).removeprefix("Sumber: "),
        )

    def _kotak_sumber(self, ind: Indikator, kota: pd.Series) -> str:
        olahan = (
            "median, peringkat, dan angka Jawa Tengah"
            if ind is INDIKATOR["Kemiskinan"]
            else "median dan peringkat"
        )
        return (
            "<div style='border:1px solid #c9d6de;border-radius:6px;padding:8px 10px;"
            "background:#f7fafc;margin:6px 0'>"
            "<p style='margin:0 0 4px'><b>Baris sumber untuk dokumen Anda</b> (salin):</p>"
            f"<p style='margin:0 0 6px;font-family:monospace;overflow-wrap:anywhere'>"
            f"{escape(self.kutipan_terakhir)}</p>"
            f"<p style='margin:0'>Periode: {kota.index.min()}–{kota.index.max()}, "
            f"{escape(ind.periode)}. Satuan: {escape(ind.satuan_panjang)}. “(diolah)” karena "
            f"{olahan} dihitung "
            "aplikasi ini dari tabel BPS.</p></div>"
        )

    def isi_poster(self) -> IsiPoster:
        """What the infographic button puts on a poster: the current chart and its message."""
        ind = INDIKATOR[self.indikator.value]
        return IsiPoster(
            judul=f"{ind.label} {KOTA_KITA}",
            pesan=self.pesan_terakhir,
            grafik=self.gambar_terakhir,
            sumber=self.kutipan_terakhir.removeprefix("Sumber: "),
        )
