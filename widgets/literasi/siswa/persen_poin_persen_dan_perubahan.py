"""Lesson 06: percent, percentage points and change, on the March poverty rate 2020–2024.

The series is BPS's (`literasi.seri`: the panel's rates). The kit's copies of the BPS tables have
no Jawa Tengah row, so "Jawa Tengah" here is computed from the 35 kab/kota (all poor people ÷ all
the populations their rates imply), labelled as computed; years with counts only (2020–2024).
The March table's own rates, recomputed by its copier, are only described as a case of revised
figures (`seri.beda_seri_kemiskinan`), never mixed in.
"""

from __future__ import annotations

from itertools import combinations

import ipywidgets as ipw
import pandas as pd
from matplotlib.figure import Figure
from matplotlib.ticker import FuncFormatter

from literasi import seri
from literasi.data import KOTA_KITA
from literasi.format import format_angka, format_bertanda
from literasi.grafik import (
    WARNA_PEKALONGAN,
    WARNA_UTAMA,
    gambar_baru,
    html_gambar_kalimat,
    sumbu_angka,
)
from literasi.soal import Alternatif, SoalAngka, SoalPilihan, SoalTebak
from literasi.tampilan import Tampilan

JATENG = seri.JATENG_DIHITUNG
SUMBER = f"{seri.SUMBER_KEMISKINAN}; {seri.SUMBER_JATENG}"
CARA = ("Poin persen", "Persen (relatif)")


# --- computations ------------------------------------------------------------------------


def dua_seri(tabel: pd.DataFrame) -> tuple[pd.Series, pd.Series]:
    """Kota Pekalongan and Jawa Tengah (computed) by year, over the years that have both."""
    jateng = seri.kemiskinan_jateng(tabel)
    kota = seri.per_tahun(tabel, seri.PERSEN)
    return kota.loc[jateng.index], jateng


def poin_persen(awal: float, akhir: float) -> float:
    """Change in percentage points: the plain difference of two percentages.

    >>> round(poin_persen(7.21, 6.59), 2)
    -0.62
    """
    return akhir - awal


def perubahan_relatif(awal: float, akhir: float) -> float:
    """Relative change in percent: the difference as a share of the starting value.

    >>> round(perubahan_relatif(7.21, 6.59), 1)
    -8.6
    """
    return 100 * (akhir - awal) / awal


def turun_poin(nilai: float, poin: float) -> float:
    """A rate after falling by `poin` percentage points."""
    return nilai - poin


def turun_persen(nilai: float, persen: float) -> float:
    """A rate after falling by `persen` percent of itself."""
    return nilai * (1 - persen / 100)


def pasangan_tahun(tahun: list[int]) -> list[tuple[int, int]]:
    """Every (earlier, later) pair of years."""
    return list(combinations(sorted(tahun), 2))


def tabel_tahunan(tabel: pd.DataFrame) -> pd.DataFrame:
    """Year, Kota Pekalongan and Jawa Tengah side by side (for a phone-size table)."""
    kota, jateng = dua_seri(tabel)
    return pd.DataFrame(
        {
            "Tahun": [str(t) for t in kota.index],
            f"{KOTA_KITA} (%)": kota.to_numpy(),
            f"{JATENG} (%)": jateng.to_numpy(),
        }
    )


def arah(nilai: float) -> str:
    return "naik" if nilai > 0 else "turun" if nilai < 0 else "tetap"


def kalimat_perubahan(nama: str, awal: float, akhir: float, t0: int, t1: int) -> str:
    """“X: 7,21% (2020) → 6,59% (2024), turun 0,62 poin persen = turun 8,6% (relatif).”"""
    pp, rel = poin_persen(awal, akhir), perubahan_relatif(awal, akhir)
    return (
        f"{nama}: {format_angka(awal, 2)}% ({t0}) → {format_angka(akhir, 2)}% ({t1}), "
        f"{arah(pp)} {format_angka(abs(pp), 2)} poin persen = {arah(rel)} "
        f"{format_angka(abs(rel), 1)}% (relatif)."
    )


# --- exercises ---------------------------------------------------------------------------


def daftar_soal(tabel: pd.DataFrame) -> list:
    """Five exercises, answers computed from the data. Soal 1 (predict) comes before the view."""
    kota, jateng = dua_seri(tabel)
    a, b = kota[2020], kota[2024]
    c, d = kota[2022], kota[2023]
    pp_cd, rel_cd = poin_persen(c, d), perubahan_relatif(c, d)
    target_pp = turun_poin(b, 0.5)
    target_rel = turun_persen(b, 0.5)
    opsi_berita = {
        "pp": f"{format_angka(target_pp, 2)}%",
        "rel": f"{format_angka(target_rel, 2)}%",
        "geser": f"{format_angka(turun_poin(b, 0.05), 2)}%",
        "naik": f"{format_angka(b + 0.5, 2)}%",
    }
    k0, k1 = kota[2021], kota[2023]
    j0, j1 = jateng[2021], jateng[2023]
    rel_kota, rel_jateng = perubahan_relatif(k0, k1), perubahan_relatif(j0, j1)
    pp_kota, pp_jateng = poin_persen(k0, k1), poin_persen(j0, j1)
    lebih_relatif = KOTA_KITA if abs(rel_kota) > abs(rel_jateng) else JATENG
    lebih_poin = KOTA_KITA if abs(pp_kota) > abs(pp_jateng) else JATENG
    return [
        SoalTebak(
            pertanyaan=(
                f"Persentase penduduk miskin Kota Pekalongan turun dari {format_angka(a, 2)}% "
                f"(2020) ke {format_angka(b, 2)}% (2024): turun "
                f"{format_angka(abs(poin_persen(a, b)), 2)} poin persen. Tebak: kalau dihitung "
                f"relatif terhadap {format_angka(a, 2)}%, turunnya berapa persen?"
            ),
            jawaban=abs(perubahan_relatif(a, b)),
            persen=True,
            penjelasan=(
                f"{format_angka(abs(poin_persen(a, b)), 2)} ÷ {format_angka(a, 2)} × 100 = "
                f"{format_angka(abs(perubahan_relatif(a, b)), 1)}. Jadi “turun "
                f"{format_angka(abs(poin_persen(a, b)), 2)} poin persen” dan “turun "
                f"{format_angka(abs(perubahan_relatif(a, b)), 1)}%” menceritakan perubahan yang "
                "sama dengan dua ukuran berbeda."
            ),
        ),
        SoalAngka(
            pertanyaan=(
                f"Tahun 2022 persentase penduduk miskin Kota Pekalongan {format_angka(c, 2)}%, "
                f"tahun 2023 {format_angka(d, 2)}%. Turun berapa poin persen?"
            ),
            jawaban=abs(pp_cd),
            desimal=2,
            satuan="poin persen",
            toleransi=0.03,
            petunjuk=[
                "Poin persen = selisih dua persentase: yang baru dikurangi yang lama.",
                f"Hitung {format_angka(c, 2)} − {format_angka(d, 2)}.",
                "Hasilnya kurang dari 1. Tulis dengan dua angka desimal.",
            ],
            penjelasan=(
                f"{format_angka(c, 2)} − {format_angka(d, 2)} = {format_angka(abs(pp_cd), 2)}: "
                f"turun {format_angka(abs(pp_cd), 2)} poin persen (bukan "
                f"{format_angka(abs(pp_cd), 2)}%)."
            ),
            alternatif=[
                Alternatif(
                    pp_cd,
                    f"{format_bertanda(pp_cd, 2)} poin persen adalah perubahannya; tanda minus "
                    f"berarti turun, jadi turunnya {format_angka(abs(pp_cd), 2)} poin persen.",
                    benar=True,
                    persen=False,
                ),
                *(
                    Alternatif(
                        nilai,
                        f"Selisih dua persentase ditulis dalam poin persen: turun "
                        f"{format_angka(abs(pp_cd), 2)} poin persen. “Turun "
                        f"{format_angka(abs(pp_cd), 2)}%” berarti turun "
                        f"{format_angka(abs(pp_cd), 2)} per seratus dari {format_angka(c, 2)}%, "
                        "perubahan relatif yang jauh lebih kecil.",
                        persen=True,
                    )
                    for nilai in (abs(pp_cd), pp_cd)
                ),
            ],
        ),
        SoalAngka(
            pertanyaan=(
                f"Masih dari {format_angka(c, 2)}% (2022) ke {format_angka(d, 2)}% (2023). "
                "Turun berapa persen kalau dihitung relatif (perubahan relatif)?"
            ),
            jawaban=abs(rel_cd),
            persen=True,
            desimal=1,
            toleransi=0.015,  # 2,7 and 2,71 in; 2,8 (divided by the end value) out
            petunjuk=[
                "Perubahan relatif = selisih ÷ nilai awal × 100.",
                f"Hitung {format_angka(abs(pp_cd), 2)} ÷ {format_angka(c, 2)} × 100.",
                "Hasilnya antara 1% dan 5%. Tulis dengan satu angka desimal.",
            ],
            penjelasan=(
                f"{format_angka(abs(pp_cd), 2)} ÷ {format_angka(c, 2)} × 100 = "
                f"{format_angka(abs(rel_cd), 1)}%. Turun {format_angka(abs(pp_cd), 2)} poin "
                f"persen sama dengan turun {format_angka(abs(rel_cd), 1)}%."
            ),
            alternatif=[
                Alternatif(
                    rel_cd,
                    f"{format_bertanda(rel_cd, 1)}% adalah perubahan relatifnya; tanda minus "
                    f"berarti turun {format_angka(abs(rel_cd), 1)}%.",
                    benar=True,
                ),
                Alternatif(
                    100 * abs(pp_cd) / d,
                    f"Kamu membagi dengan nilai akhir ({format_angka(d, 2)}). Perubahan relatif "
                    f"dibagi nilai awal: {format_angka(abs(pp_cd), 2)} ÷ {format_angka(c, 2)} "
                    "× 100.",
                ),
                Alternatif(
                    abs(pp_cd),
                    f"{format_angka(abs(pp_cd), 2)} adalah selisihnya dalam poin persen. Untuk "
                    f"perubahan relatif, bagi selisih itu dengan nilai awal "
                    f"({format_angka(c, 2)}), lalu kalikan 100.",
                ),
            ],
        ),
        SoalPilihan(
            pertanyaan=(
                f"Misalkan sebuah berita menulis: “Kemiskinan Kota Pekalongan yang "
                f"{format_angka(b, 2)}% ditargetkan turun 0,5 poin persen.” Berapa persentase "
                "yang dituju?"
            ),
            pilihan=sorted(opsi_berita.values()),
            jawaban=opsi_berita["pp"],
            penjelasan=(
                f"Poin persen dikurangkan langsung: {format_angka(b, 2)} − 0,5 = "
                f"{opsi_berita['pp']}. Kalau beritanya “turun 0,5%”, artinya turun 0,5% dari "
                f"{format_angka(b, 2)}, yaitu hanya sampai {opsi_berita['rel']}: jauh lebih "
                "kecil."
            ),
            petunjuk=[
                "Poin persen adalah selisih langsung dua persentase.",
                "Kurangkan 0,5 dari persentasenya.",
            ],
            umpan_balik={
                opsi_berita["rel"]: (
                    "Itu turun 0,5% dari nilainya (perubahan relatif), bukan 0,5 poin persen."
                ),
                opsi_berita["geser"]: "Periksa letak komanya: 0,5 poin, bukan 0,05 poin.",
                opsi_berita["naik"]: "Beritanya menulis turun, bukan naik.",
            },
        ),
        SoalPilihan(
            pertanyaan=(
                "Pilih pasangan tahun 2021 → 2023 dan ukuran “Persen (relatif)”. Siapa yang "
                "turun lebih banyak dalam perubahan relatif?"
            ),
            pilihan=[KOTA_KITA, JATENG],
            jawaban=lebih_relatif,
            tampilan="tombol",
            penjelasan=(
                f"Relatif: {KOTA_KITA} turun {format_angka(abs(rel_kota), 1)}%, {JATENG} "
                f"{format_angka(abs(rel_jateng), 1)}%. Dalam poin persen kebalikannya: "
                f"{KOTA_KITA} {format_angka(abs(pp_kota), 2)} poin, {JATENG} "
                f"{format_angka(abs(pp_jateng), 2)} poin. Nilai awal Kota Pekalongan lebih kecil, "
                "jadi selisih yang lebih kecil pun menjadi perubahan relatif yang lebih besar."
            ),
            petunjuk=[
                "Ganti ukuran ke “Persen (relatif)”, lalu bandingkan panjang dua batang.",
                "Batang yang lebih panjang ke kiri berarti turun lebih banyak.",
            ],
            umpan_balik={
                lebih_poin: (
                    f"{lebih_poin} turun lebih banyak dalam poin persen. Soal ini menanyakan "
                    "perubahan relatif: ganti ukurannya."
                ),
            },
        ),
    ]


def semua_soal() -> list:
    """The lesson's exercises in page order, from the shipped data (answer key, tests)."""
    return daftar_soal(seri.baca_kemiskinan())


# --- the view ----------------------------------------------------------------------------


def _perubahan(deret: pd.Series, t0: int, t1: int, cara: str) -> float:
    if cara == CARA[0]:
        return poin_persen(deret[t0], deret[t1])
    return perubahan_relatif(deret[t0], deret[t1])


def gambar_perubahan_kemiskinan(
    t0: int, t1: int, kota: pd.Series, jateng: pd.Series, cara: str
) -> tuple[Figure, str]:
    """The change from t0 to t1 for the city and Jawa Tengah, measured the chosen way."""
    poin = cara == CARA[0]
    fig = gambar_baru(4.0, 5.0)
    atas, bawah = fig.subplots(2, 1, height_ratios=[1.25, 1])
    for deret, nama, warna in (
        (kota, KOTA_KITA, WARNA_PEKALONGAN),
        (jateng, JATENG, WARNA_UTAMA),
    ):
        atas.plot(deret.index, deret.to_numpy(), marker="o", color=warna, label=nama)
        for t in (t0, t1):
            atas.annotate(
                format_angka(deret[t], 2),
                (t, deret[t]),
                textcoords="offset points",
                xytext=(0, 7),
                ha="center",
                fontsize=8,
                color=warna,
                fontweight="bold",
            )
    atas.axvspan(t0, t1, color="#fdebd9", zorder=0)
    atas.set_ylim(0, 14.5)  # room for the value labels under the title
    atas.set_xlim(min(kota.index) - 0.4, max(kota.index) + 0.4)
    atas.set_xticks(list(kota.index), [str(t) for t in kota.index], fontsize=8)
    sumbu_angka(atas.yaxis, desimal=1)
    atas.tick_params(axis="y", labelsize=8)
    atas.set_ylabel("Penduduk miskin (%)", fontsize=9)
    atas.set_title("Persentase penduduk miskin (Maret)", fontsize=10)
    atas.legend(fontsize=8, loc="lower left", frameon=False)
    atas.spines[["top", "right"]].set_visible(False)

    nilai = [_perubahan(kota, t0, t1, cara), _perubahan(jateng, t0, t1, cara)]
    bawah.barh([0, 1], nilai, color=[WARNA_PEKALONGAN, WARNA_UTAMA], height=0.55)
    # "Jawa Tengah\n(dihitung)" on two lines: a long tick label would push the axis label
    # off a phone-width chart.
    bawah.set_yticks([0, 1], [KOTA_KITA, JATENG.replace(" (", "\n(")], fontsize=8)
    bawah.invert_yaxis()
    bawah.axvline(0, color="#4a5a64", linewidth=0.8)
    desimal, akhiran = (2, " poin") if poin else (1, "%")
    teks = [format_bertanda(v, desimal, plus=True) + akhiran for v in nilai]
    batas = 1.35 * max(abs(v) for v in nilai) or 1
    bawah.set_xlim(-batas, batas)
    for i, (v, t) in enumerate(zip(nilai, teks, strict=True)):
        # Label on the empty side of zero, so it never covers the names on the axis.
        bawah.text(
            0,
            i,
            f" {t} ",
            va="center",
            ha="left" if v <= 0 else "right",
            fontsize=9,
            fontweight="bold",
        )
    bawah.xaxis.set_major_formatter(
        FuncFormatter(lambda x, _: format_bertanda(x, 1 if poin else 0))
    )
    bawah.tick_params(axis="x", labelsize=8)
    satuan = "poin persen" if poin else "% dari tahun awal"
    bawah.set_xlabel(f"Perubahan {t0} → {t1} ({satuan})", fontsize=9)
    bawah.set_title(f"Perubahan dalam {cara.lower()}", fontsize=10)
    bawah.spines[["top", "right"]].set_visible(False)

    posisi = "selalu di bawah" if (kota < jateng).all() else "kadang di atas, kadang di bawah"
    kalimat = (
        f"Atas: persentase penduduk miskin 2020–2024, {KOTA_KITA} (ungu) {posisi} "
        f"{JATENG} (biru). Bawah: perubahan {t0} → {t1} dalam "
        f"{cara.lower()}: {KOTA_KITA} {teks[0]}, {JATENG} {teks[1]}."
    )
    return fig, kalimat


class PerubahanKemiskinan(Tampilan):
    """Choose how to measure change (points or relative) and two years; see both places."""

    def __init__(self, tabel: pd.DataFrame):
        self.kota, self.jateng = dua_seri(tabel)
        pasangan = pasangan_tahun(list(self.kota.index))
        self.cara = ipw.ToggleButtons(
            options=list(CARA),
            value=CARA[0],
            description="Ukuran perubahan",
            style={"description_width": "initial", "button_width": "auto"},
            layout=ipw.Layout(flex="1 1 300px"),
        )
        self.tahun = ipw.Dropdown(
            options=[(f"{t0} → {t1}", (t0, t1)) for t0, t1 in pasangan],
            value=(pasangan[0][0], pasangan[-1][1]),
            description="Dari → ke tahun",
            style={"description_width": "initial"},
            # height auto: the template's 44-px select would be clipped by the 28-px default.
            layout=ipw.Layout(flex="1 1 220px", max_width="320px", height="auto"),
        )
        self.ringkasan = ipw.HTML()
        self.grafik = ipw.HTML()
        kontrol = self.kendali(self.cara, self.tahun)
        self.widget = ipw.VBox(
            [kontrol, self.grafik, self.ringkasan], layout=ipw.Layout(width="100%")
        )
        self._update()

    @classmethod
    def from_dataset(cls) -> PerubahanKemiskinan:
        return cls(seri.baca_kemiskinan())

    def _update(self) -> None:
        t0, t1 = self.tahun.value
        kota0, kota1 = self.kota[t0], self.kota[t1]
        if self.cara.value == CARA[0]:
            beda = format_bertanda(poin_persen(kota0, kota1), 2, plus=True)
            rumus = (
                f"Poin persen = selisih dua persentase: {format_angka(kota1, 2)} − "
                f"{format_angka(kota0, 2)} = {beda}."
            )
        else:
            rumus = (
                "Persen (relatif) = selisih ÷ nilai awal × 100: "
                f"{format_bertanda(poin_persen(kota0, kota1), 2)} ÷ {format_angka(kota0, 2)} × 100 "
                f"= {format_bertanda(perubahan_relatif(kota0, kota1), 1, plus=True)}%."
            )
        self.ringkasan.value = (
            "<p class='literasi-ringkasan' style='font-size:1.05em'>"
            f"<b>{kalimat_perubahan(KOTA_KITA, kota0, kota1, t0, t1)}</b><br>"
            f"{kalimat_perubahan(JATENG, self.jateng[t0], self.jateng[t1], t0, t1)}</p>"
            f"<p>{rumus}</p>"
        )
        argumen = (t0, t1, self.kota, self.jateng, self.cara.value)
        self.grafik.value = html_gambar_kalimat(gambar_perubahan_kemiskinan, argumen, SUMBER)
