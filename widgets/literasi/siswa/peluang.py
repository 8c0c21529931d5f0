"""Lesson 08: probability by simulation (coins, dice, a lottery draw) and one compound event.

There is no dataset here: the outcomes are simulated with `numpy.random.default_rng(seed)` and the
seed is stated on screen. The relative frequency of an event is followed trial by trial and
settles toward its theoretical probability; expected frequency = number of trials × probability.
For Fase F, two dice: independent events ("jumlah 7" and "dadu pertama 6") versus mutually
exclusive ones ("jumlah 7" and "jumlah 11"), computed exactly on the 36 outcomes.
"""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass
from fractions import Fraction
from html import escape
from math import comb

import ipywidgets as ipw
import numpy as np
from matplotlib.patches import Patch, Rectangle
from matplotlib.ticker import FuncFormatter

from literasi.format import format_angka
from literasi.grafik import (
    WARNA_LAIN,
    WARNA_PEKALONGAN,
    WARNA_SOROT,
    WARNA_UTAMA,
    gambar_baru,
    html_gambar_kalimat,
    html_grafik,
)
from literasi.infografis import IsiPoster
from literasi.soal import Alternatif, SoalAngka, SoalBanyak, SoalPilihan, SoalTebak
from literasi.tampilan import Tampilan, kotak_seed
from literasi.tembolok_grafik import disimpan

SEED = 2024  # stated on screen, so every student sees the same throws
BANYAK_PERCOBAAN = (6, 60, 600, 6000)  # multiples of 6: the dice's expected counts are whole
SUMBER = "Simulasi komputer (bukan data survei), numpy.random.default_rng"


@dataclass(frozen=True)
class Percobaan:
    """A simple experiment: its outcomes with their weights, and the event we follow."""

    label: str
    hasil: tuple[str, ...]
    bobot: tuple[int, ...]  # equally likely pieces per outcome (coupons in the box)
    kejadian: str  # the outcome whose relative frequency we follow
    benda: str  # "koin", "dadu", "kupon"
    kerja: str  # "dilempar", "diundi"
    keterangan: str

    @property
    def peluang(self) -> Fraction:
        """Theoretical probability of the event: favourable pieces ÷ all pieces."""
        i = self.hasil.index(self.kejadian)
        return Fraction(self.bobot[i], sum(self.bobot))

    @property
    def nama_kejadian(self) -> str:
        return f"muncul {self.kejadian}" if self.benda != "kupon" else "kupon berhadiah"


PERCOBAAN = {
    "Koin": Percobaan(
        "Koin",
        ("Angka", "Gambar"),
        (1, 1),
        "Gambar",
        "koin",
        "dilempar",
        "Satu koin seimbang dilempar; sisi Angka dan Gambar sama mungkin.",
    ),
    "Dadu": Percobaan(
        "Dadu",
        ("mata 1", "mata 2", "mata 3", "mata 4", "mata 5", "mata 6"),
        (1, 1, 1, 1, 1, 1),
        "mata 6",
        "dadu",
        "dilempar",
        "Satu dadu seimbang dilempar; keenam mata sama mungkin.",
    ),
    "Undian": Percobaan(
        "Undian",
        ("berhadiah", "tidak berhadiah"),
        (3, 7),
        "berhadiah",
        "kupon",
        "diundi",
        "Kotak berisi 10 kupon: 3 berhadiah, 7 tidak. Satu kupon diambil tanpa melihat, dibaca, "
        "lalu dikembalikan dan kotak dikocok lagi.",
    ),
}


# --- pure computations -------------------------------------------------------------------


def pecahan_teks(p: Fraction) -> str:
    """'1/6 ≈ 0,167' (or '1/2 = 0,5' when the decimal is exact to three places).

    >>> pecahan_teks(Fraction(1, 2)), pecahan_teks(Fraction(1, 6))
    ('1/2 = 0,5', '1/6 ≈ 0,167')
    """
    desimal = float(p)
    tepat = round(desimal, 3) == desimal
    angka = format_angka(desimal, 3).rstrip("0").rstrip(",") if tepat else format_angka(desimal, 3)
    return f"{p.numerator}/{p.denominator} {'=' if tepat else '≈'} {angka}"


def simulasi(percobaan: Percobaan, banyak: int, seed: int = SEED) -> np.ndarray:
    """Outcome numbers (indices into `percobaan.hasil`) of `banyak` independent trials.

    Always draws the longest run and cuts it, so 60 trials are the first 60 of the 6.000:
    a longer run continues the same throws.
    """
    rng = np.random.default_rng(seed)
    bobot = np.asarray(percobaan.bobot, dtype=float)
    semua = rng.choice(len(bobot), size=max(BANYAK_PERCOBAAN + (banyak,)), p=bobot / bobot.sum())
    return semua[:banyak]


def frekuensi_relatif_berjalan(hasil: np.ndarray, kejadian: int) -> np.ndarray:
    """After each trial k: how often the event happened in trials 1..k, divided by k.

    >>> frekuensi_relatif_berjalan(np.array([1, 0, 1, 1]), 1).tolist()
    [1.0, 0.5, 0.6666666666666666, 0.75]
    """
    muncul = np.cumsum(np.asarray(hasil) == kejadian)
    return muncul / np.arange(1, len(muncul) + 1)


def hitung_hasil(hasil: np.ndarray, banyak_jenis: int) -> np.ndarray:
    """How many times each outcome came up."""
    return np.bincount(np.asarray(hasil), minlength=banyak_jenis)


def peluang_sejauh_itu(banyak: int, muncul: int) -> float:
    """For a fair coin thrown `banyak` times: the probability of a count at least as far from
    half as `muncul` is, on either side (exact binomial, two-sided).

    >>> round(peluang_sejauh_itu(60, 22), 3)
    0.052
    >>> peluang_sejauh_itu(10, 5)
    1.0
    """
    jarak = abs(muncul - banyak / 2)
    jauh = sum(comb(banyak, k) for k in range(banyak + 1) if abs(k - banyak / 2) >= jarak)
    return jauh / 2**banyak


def frekuensi_harapan(banyak: int, peluang: Fraction) -> Fraction:
    """Expected frequency: number of trials × probability.

    >>> frekuensi_harapan(600, Fraction(1, 6))
    Fraction(100, 1)
    """
    return banyak * peluang


# Two dice: the 36 equally likely outcomes (first die, second die).
RUANG_DUA_DADU = [(a, b) for a in range(1, 7) for b in range(1, 7)]

KEJADIAN_DUA_DADU: dict[str, Callable[[tuple[int, int]], bool]] = {
    "jumlah 7": lambda t: t[0] + t[1] == 7,
    "jumlah 8": lambda t: t[0] + t[1] == 8,
    "jumlah 11": lambda t: t[0] + t[1] == 11,
    "dadu pertama 6": lambda t: t[0] == 6,
}

PASANGAN = {  # toggle label -> (event A, event B)
    "7 & pertama 6": ("jumlah 7", "dadu pertama 6"),
    "7 & 11": ("jumlah 7", "jumlah 11"),
    "8 & pertama 6": ("jumlah 8", "dadu pertama 6"),
}


def titik_kejadian(nama: str) -> set[tuple[int, int]]:
    return {t for t in RUANG_DUA_DADU if KEJADIAN_DUA_DADU[nama](t)}


def peluang_dua_dadu(titik: set) -> Fraction:
    """Classical probability on two dice: favourable outcomes ÷ 36."""
    return Fraction(len(titik), len(RUANG_DUA_DADU))


def saling_lepas(a: str, b: str) -> bool:
    """Mutually exclusive: the two events never happen together."""
    return not (titik_kejadian(a) & titik_kejadian(b))


def saling_bebas(a: str, b: str) -> bool:
    """Independent: P(A and B) = P(A) × P(B), exactly."""
    pa, pb = peluang_dua_dadu(titik_kejadian(a)), peluang_dua_dadu(titik_kejadian(b))
    return peluang_dua_dadu(titik_kejadian(a) & titik_kejadian(b)) == pa * pb


def simulasi_dua_dadu(banyak: int, seed: int = SEED) -> np.ndarray:
    """`banyak` throws of two dice: one row (first, second) per throw."""
    rng = np.random.default_rng(seed)
    return rng.integers(1, 7, size=(banyak, 2))


def hitung_kejadian(lemparan: np.ndarray, nama: str) -> int:
    return int(sum(KEJADIAN_DUA_DADU[nama]((int(a), int(b))) for a, b in lemparan))


# --- exercises ---------------------------------------------------------------------------


def daftar_soal() -> list:
    """The six exercises in page order; every answer is computed (exactly or from the seed)."""
    dadu, koin, undian = PERCOBAAN["Dadu"], PERCOBAAN["Koin"], PERCOBAAN["Undian"]
    n_tebak = BANYAK_PERCOBAAN[-1]
    enam = int(hitung_hasil(simulasi(dadu, n_tebak), 6)[dadu.hasil.index(dadu.kejadian)])
    harapan_tebak = frekuensi_harapan(n_tebak, dadu.peluang)
    selisih = enam - harapan_tebak
    banding = (
        "persis sama dengan harapan (kebetulan; coba seed lain)"
        if selisih == 0
        else f"{format_angka(abs(float(selisih)))} kali "
        f"{'lebih banyak' if selisih > 0 else 'lebih sedikit'} dari harapan"
    )
    p_undian = undian.peluang
    genap = Fraction(3, 6)  # mata 2, 4, 6 of six equally likely faces
    n_genap = 300
    n_sedikit = BANYAK_PERCOBAAN[1]
    koin_sedikit = frekuensi_relatif_berjalan(
        simulasi(koin, n_sedikit), koin.hasil.index("Gambar")
    )[-1]
    koin_akhir = frekuensi_relatif_berjalan(simulasi(koin, 6000), koin.hasil.index("Gambar"))[-1]
    a, b = PASANGAN["7 & pertama 6"]
    irisan = titik_kejadian(a) & titik_kejadian(b)
    p_irisan = peluang_dua_dadu(irisan)
    pa, pb = peluang_dua_dadu(titik_kejadian(a)), peluang_dua_dadu(titik_kejadian(b))
    gambar_sedikit = round(koin_sedikit * n_sedikit)
    p_sejauh = peluang_sejauh_itu(n_sedikit, gambar_sedikit)
    sejauh = (
        f"sekitar {format_angka(100 * p_sejauh)} dari 100 percobaan {n_sedikit} lemparan koin "
        f"seimbang memberi hasil sejauh itu dari {n_sedikit // 2} (atau lebih jauh, ke atas atau "
        "ke bawah)"
    )
    belum_tentu = "Belum tentu: koin seimbang pun kadang memberi hasil seperti ini"
    curang = f"Ya, pasti, karena {format_angka(koin_sedikit, 2)} jauh dari 0,5"
    pernyataan = {
        f"“{a}” dan “{b}” saling bebas": saling_bebas(a, b),
        f"“{a}” dan “{b}” saling lepas": saling_lepas(a, b),
        "“jumlah 7” dan “jumlah 11” saling lepas": saling_lepas("jumlah 7", "jumlah 11"),
        "“jumlah 7” dan “jumlah 11” saling bebas": saling_bebas("jumlah 7", "jumlah 11"),
    }
    return [
        SoalTebak(
            pertanyaan=(
                f"Sebuah dadu seimbang dilempar {format_angka(n_tebak)} kali (simulasi, seed "
                f"{SEED}). Tebak: berapa kali mata 6 muncul?"
            ),
            jawaban=float(enam),
            desimal=0,
            satuan="kali",
            penjelasan=(
                f"Frekuensi harapannya {format_angka(n_tebak)} × 1/6 = "
                f"{format_angka(float(harapan_tebak))} kali. Simulasi memberi "
                f"{format_angka(enam)} kali, {banding}. Hasil percobaan acak biasanya dekat dengan "
                "frekuensi harapan, tetapi jarang persis sama."
            ),
        ),
        SoalAngka(
            pertanyaan=(
                "Kotak undian berisi 10 kupon: 3 berhadiah, 7 tidak. Satu kupon diambil tanpa "
                "melihat. Berapa peluang mendapat kupon berhadiah? (Boleh ditulis sebagai pecahan, "
                "desimal, atau persen.)"
            ),
            jawaban=float(p_undian),
            desimal=1,
            toleransi=0.001,
            petunjuk=[
                "Peluang = banyak hasil yang diharapkan ÷ banyak semua hasil yang sama mungkin.",
                "Ada 3 kupon berhadiah dari 10 kupon.",
            ],
            penjelasan=(
                f"Peluangnya 3/10 = {format_angka(float(p_undian), 1)} "
                f"(atau {format_angka(float(p_undian) * 100)}%)."
            ),
        ),
        SoalAngka(
            pertanyaan=(
                f"Sebuah dadu dilempar {n_genap} kali. Berapa frekuensi harapan muncul mata genap?"
            ),
            jawaban=float(frekuensi_harapan(n_genap, genap)),
            desimal=0,
            toleransi=0.001,
            satuan="kali",
            petunjuk=[
                "Frekuensi harapan = banyak percobaan × peluang.",
                "Mata genap: 2, 4, 6. Peluangnya 3/6 = 1/2.",
            ],
            penjelasan=(
                f"{n_genap} × 1/2 = {format_angka(float(frekuensi_harapan(n_genap, genap)))} "
                "kali. Hasil nyata akan sedikit berbeda, tetapi biasanya dekat."
            ),
        ),
        SoalPilihan(
            pertanyaan=(
                f"Pilih Koin dan {n_sedikit} percobaan (seed {SEED}). Frekuensi relatif Gambar "
                f"setelah {n_sedikit} lemparan adalah {format_angka(koin_sedikit, 2)}. Apakah "
                "koinnya berat sebelah?"
            ),
            pilihan=[
                curang,
                belum_tentu,
                "Tidak mungkin: frekuensi relatif selalu tepat 0,5",
            ],
            jawaban=belum_tentu,
            tampilan="daftar",
            penjelasan=(
                f"{gambar_sedikit} Gambar dari {n_sedikit} lemparan. Hitungan peluang: {sejauh}. "
                "Jarang, tetapi bukan tidak mungkin: cukup untuk curiga dan melempar lagi, belum "
                f"cukup untuk memastikan. Koin yang sama setelah {format_angka(6000)} lemparan "
                f"memberi {format_angka(koin_akhir, 3)}, dekat dengan peluangnya 0,5."
            ),
            petunjuk=["Ganti banyak percobaan menjadi 6.000 dan lihat ke mana garisnya menuju."],
            umpan_balik={
                curang: (
                    f"“Pasti” terlalu kuat: {sejauh}. Lempar lebih banyak: lihat garisnya "
                    "melompat-lompat di awal, lalu tenang."
                ),
                "Tidak mungkin: frekuensi relatif selalu tepat 0,5": (
                    "Frekuensi relatif adalah hasil percobaan, jadi bisa berbeda dari peluang, "
                    "terutama jika percobaannya sedikit."
                ),
            },
        ),
        SoalAngka(
            pertanyaan=(
                "Tantangan SMA. Dua dadu dilempar bersamaan. Berapa peluang kejadian “jumlah 7” "
                "DAN “dadu pertama 6” terjadi bersama? (Tulis sebagai pecahan, atau desimal "
                "dengan tiga angka di belakang koma.)"
            ),
            jawaban=float(p_irisan),
            desimal=3,
            toleransi=0.02,
            alternatif=[
                Alternatif(
                    round(float(p_irisan), 2),
                    f"Arahnya benar, tetapi {format_angka(float(p_irisan), 2)} dibulatkan terlalu "
                    f"kasar: {p_irisan.numerator}/{p_irisan.denominator} = "
                    f"{format_angka(float(p_irisan), 4)}…, dengan tiga desimal "
                    f"{format_angka(float(p_irisan), 3)}. Atau tulis pecahannya saja.",
                ),
            ],
            petunjuk=[
                "Ada 6 × 6 = 36 hasil yang sama mungkin.",
                "Dadu pertama 6 dan jumlahnya 7: dadu kedua harus berapa?",
            ],
            penjelasan=(
                f"Hanya (6, 1): peluangnya {p_irisan.numerator}/{p_irisan.denominator}. Sama "
                f"dengan P(jumlah 7) × P(dadu pertama 6) = {len(titik_kejadian(a))}/36 × "
                f"{len(titik_kejadian(b))}/36 = {pecahan_teks(pa * pb)}, jadi kedua kejadian "
                "saling bebas."
            ),
        ),
        SoalBanyak(
            pertanyaan=(
                "Tantangan SMA. Di bagian Dua dadu, coba setiap pasangan kejadian. Mana "
                "pernyataan yang benar?"
            ),
            pilihan=list(pernyataan),
            jawaban=[p for p, benar in pernyataan.items() if benar],
            penjelasan=(
                "“Jumlah 7” dan “dadu pertama 6” bisa terjadi bersama (6, 1), jadi tidak saling "
                "lepas; P(A dan B) = 1/36 = P(A) × P(B), jadi saling bebas. “Jumlah 7” dan "
                "“jumlah 11” tidak pernah terjadi bersama (saling lepas), sehingga tidak saling "
                "bebas: jika yang satu terjadi, yang lain pasti tidak."
            ),
            petunjuk=[
                "Saling lepas: tidak ada kotak yang termasuk keduanya.",
                "Saling bebas: P(A dan B) sama dengan P(A) × P(B).",
            ],
        ),
    ]


def semua_soal() -> list:
    """The lesson's exercises in page order (answer key, tests)."""
    return daftar_soal()


# --- view 1: relative frequency settles ------------------------------------------------------


def _pilihan_banyak() -> list[tuple[str, int]]:
    return [(format_angka(n), n) for n in BANYAK_PERCOBAAN]


class FrekuensiRelatif(Tampilan):
    """Choose an experiment (first control) and how many trials; see the relative frequency of
    the event after each trial against the theoretical probability, and a frequency table with
    the expected frequencies."""

    def __init__(self, seed: int = SEED):
        self.percobaan = ipw.ToggleButtons(
            options=list(PERCOBAAN),
            value="Koin",
            description="Percobaan",
            tooltips=[p.keterangan for p in PERCOBAAN.values()],
            style={"description_width": "initial", "button_width": "auto"},
            layout=ipw.Layout(flex="1 1 260px"),
        )
        self.banyak = ipw.ToggleButtons(
            options=_pilihan_banyak(),
            value=600,
            description="Banyak percobaan",
            style={"description_width": "initial", "button_width": "auto"},
            layout=ipw.Layout(flex="1 1 300px"),
        )
        self.seed = kotak_seed(seed)
        self.ringkasan = ipw.HTML()
        self.grafik = ipw.HTML()
        self.tabel = ipw.HTML()
        kontrol = self.kendali(self.percobaan, self.banyak, self.seed)
        self.widget = ipw.VBox(
            [kontrol, self.grafik, self.ringkasan, self.tabel], layout=ipw.Layout(width="100%")
        )
        self._update()

    def _update(self) -> None:
        p = PERCOBAAN[self.percobaan.value]
        n, seed = self.banyak.value, self.seed.value
        hasil = simulasi(p, n, seed)
        fr = frekuensi_relatif_berjalan(hasil, p.hasil.index(p.kejadian))
        self.pesan_terakhir = pesan(p, n, fr[-1])
        self.ringkasan.value = (
            f"<p class='literasi-ringkasan' style='font-size:1.05em'>{escape(self.pesan_terakhir)}"
            f"</p><p class='literasi-kecil'>{escape(p.keterangan)} Ini <b>simulasi</b> dengan "
            f"angka acak (seed {seed}), bukan data survei.</p>"
        )
        self.argumen_grafik = (p, fr, seed)  # for the poster: the chart the student sees
        self.grafik.value = html_gambar_kalimat(grafik_frekuensi, self.argumen_grafik, SUMBER)
        self.tabel.value = tabel_frekuensi(p, hasil)

    def isi_poster(self) -> IsiPoster:
        """What the infographic button puts on a poster: the current chart and its message."""
        p = PERCOBAAN[self.percobaan.value]
        return IsiPoster(
            judul=f"Makin sering diulang, makin dekat ke peluang: {p.label.lower()}",
            pesan=self.pesan_terakhir,
            grafik=grafik_frekuensi(*self.argumen_grafik)[0],
            sumber=f"{SUMBER}, seed {self.seed.value}",
        )


def pesan(p: Percobaan, n: int, fr_akhir: float) -> str:
    """One sentence: after n trials, the relative frequency against the probability."""
    muncul = round(fr_akhir * n)
    return (
        f"{p.label}: setelah {format_angka(n)} percobaan, {p.nama_kejadian} "
        f"{format_angka(muncul)} kali. "
        f"Frekuensi relatif {format_angka(fr_akhir, 3)}; peluang teoretis "
        f"{pecahan_teks(p.peluang)}."
    )


def grafik_frekuensi(p: Percobaan, fr: np.ndarray, seed: int):
    """Relative frequency after each trial, with the theoretical probability as a line."""
    n = len(fr)
    fig = gambar_baru(4.0, 3.9)
    ax = fig.add_subplot()
    x = np.arange(1, n + 1)
    ax.plot(
        x,
        fr,
        color=WARNA_SOROT,
        lw=1.6,
        marker="o" if n <= 60 else None,
        ms=3.5,
        label="frekuensi relatif (simulasi)",
    )
    peluang = float(p.peluang)
    ax.axhline(
        peluang,
        color=WARNA_UTAMA,
        lw=2,
        ls="--",
        label=f"peluang teoretis {pecahan_teks(p.peluang)}",
    )
    ax.set_ylim(0, 1)
    ax.set_xlim(0, n + max(1, n // 50))
    ax.xaxis.set_major_formatter(FuncFormatter(lambda t, _: format_angka(t)))
    ax.yaxis.set_major_formatter(FuncFormatter(lambda t, _: format_angka(t, 1)))
    ax.tick_params(labelsize=9)
    ax.set_xlabel("Banyak percobaan (kali)", fontsize=10)
    ax.set_ylabel(f"Frekuensi relatif {p.nama_kejadian}", fontsize=9.5)
    ax.set_title(
        f"{p.label}: frekuensi relatif {p.nama_kejadian}\nsimulasi {format_angka(n)} "
        f"percobaan, seed {seed}",
        fontsize=10.5,
    )
    ax.legend(loc="upper center", bbox_to_anchor=(0.5, -0.2), fontsize=9, frameon=False)
    ax.grid(axis="y", color="#e3e9ed", lw=0.6)
    ax.spines[["top", "right"]].set_visible(False)
    kalimat = (
        f"Grafik garis frekuensi relatif {p.nama_kejadian} setelah setiap percobaan, simulasi "
        f"{format_angka(n)} percobaan dengan seed {seed}: setelah {format_angka(n)} percobaan "
        f"frekuensi relatifnya {format_angka(fr[-1], 3)}, sedangkan peluang teoretisnya "
        f"{pecahan_teks(p.peluang)} (garis putus-putus biru)."
    )
    return fig, kalimat


def tabel_frekuensi(p: Percobaan, hasil: np.ndarray) -> str:
    """Each outcome: how often it came up, its relative frequency and its expected frequency."""
    n = len(hasil)
    hitung = hitung_hasil(hasil, len(p.hasil))
    total = sum(p.bobot)
    baris = []
    for nama, k, b in zip(p.hasil, hitung, p.bobot, strict=True):
        harapan = frekuensi_harapan(n, Fraction(b, total))
        tebal = " style='font-weight:bold;background:#fdebd9'" if nama == p.kejadian else ""
        baris.append(
            f"<tr{tebal}><td>{escape(nama)}</td><td style='text-align:right'>{format_angka(k)}"
            f"</td><td style='text-align:right'>{format_angka(k / n, 3)}</td>"
            f"<td style='text-align:right'>{format_angka(float(harapan), 1)}</td></tr>"
        )
    return (
        "<div style='overflow-x:auto'><table class='literasi-tabel'>"
        f"<caption>Hasil {format_angka(n)} percobaan (simulasi) dan frekuensi harapan "
        "(banyak percobaan × peluang)</caption><thead><tr><th scope='col'>Hasil</th>"
        "<th scope='col'>Muncul</th><th scope='col'>Frek. relatif</th>"
        "<th scope='col'>Frek. harapan</th></tr></thead><tbody>"
        + "".join(baris)
        + "</tbody></table></div>"
    )


# --- view 2: two dice, independent vs mutually exclusive ---------------------------------


class DuaDadu(Tampilan):
    """Choose a pair of events on two dice; see the 36 outcomes coloured by event, the exact
    probabilities, whether the events are mutually exclusive or independent, and a simulation."""

    BANYAK = 3600

    def __init__(self, seed: int = SEED):
        self.pasangan = ipw.ToggleButtons(
            options=list(PASANGAN),
            value="7 & pertama 6",
            description="Kejadian A & B",
            tooltips=[f"A: {a}; B: {b}" for a, b in PASANGAN.values()],
            style={"description_width": "initial", "button_width": "auto"},
            layout=ipw.Layout(flex="1 1 300px"),
        )
        self.seed = seed
        self.ringkasan = ipw.HTML()
        self.grafik = ipw.HTML()
        kontrol = self.kendali(self.pasangan)
        self.widget = ipw.VBox(
            [kontrol, self.grafik, self.ringkasan], layout=ipw.Layout(width="100%")
        )
        self._update()

    def _update(self) -> None:
        a, b = PASANGAN[self.pasangan.value]
        self.ringkasan.value = ringkasan_dua_dadu(a, b, self.BANYAK, self.seed)
        self.grafik.value = grafik_dua_dadu(a, b)


def _p(titik: set) -> str:
    return f"{len(titik)}/36" if titik else "0"


def ringkasan_dua_dadu(a: str, b: str, banyak: int, seed: int) -> str:
    ta, tb = titik_kejadian(a), titik_kejadian(b)
    tab = ta & tb
    pa, pb, pab = (peluang_dua_dadu(t) for t in (ta, tb, tab))
    kali = pa * pb
    lepas, bebas = saling_lepas(a, b), saling_bebas(a, b)
    kali_teks = f"{len(ta)}/36 × {len(tb)}/36 = {kali.numerator}/{kali.denominator}"
    lemparan = simulasi_dua_dadu(banyak, seed)
    na, nb = hitung_kejadian(lemparan, a), hitung_kejadian(lemparan, b)
    nab = int(sum(1 for x, y in lemparan if (int(x), int(y)) in tab))
    kesimpulan = []
    kesimpulan.append(
        "<b>saling lepas</b> (tidak pernah terjadi bersama)"
        if lepas
        else f"<b>tidak saling lepas</b> (bisa terjadi bersama: {_daftar(tab)})"
    )
    kesimpulan.append(
        "<b>saling bebas</b> (P(A dan B) = P(A) × P(B))"
        if bebas
        else "<b>tidak saling bebas</b> (P(A dan B) ≠ P(A) × P(B))"
    )
    return (
        f"<p class='literasi-ringkasan'>A = “{escape(a)}”, B = “{escape(b)}”. "
        f"P(A) = {_p(ta)}, P(B) = {_p(tb)}, P(A dan B) = {_p(tab)}; "
        f"P(A) × P(B) = {kali_teks}. Jadi A dan B {kesimpulan[0]} dan {kesimpulan[1]}.</p>"
        f"<p class='literasi-kecil'>Simulasi {format_angka(banyak)} lemparan dua dadu (seed "
        f"{seed}): A {format_angka(na)} kali (harapan {format_angka(float(banyak * pa))}), "
        f"B {format_angka(nb)} kali (harapan {format_angka(float(banyak * pb))}), A dan B "
        f"{format_angka(nab)} kali (harapan {format_angka(float(banyak * pab))}).</p>"
    )


def _daftar(titik: set) -> str:
    return ", ".join(f"({x}, {y})" for x, y in sorted(titik))


@disimpan
def grafik_dua_dadu(a: str, b: str) -> str:
    """The 36 outcomes as a 6×6 grid: A orange, B blue, both purple."""
    ta, tb = titik_kejadian(a), titik_kejadian(b)
    fig = gambar_baru(3.8, 4.3)
    ax = fig.add_subplot()
    for x, y in RUANG_DUA_DADU:
        warna = (
            WARNA_PEKALONGAN
            if (x, y) in ta and (x, y) in tb
            else WARNA_SOROT
            if (x, y) in ta
            else WARNA_UTAMA
            if (x, y) in tb
            else "#eef2f5"
        )
        ax.add_patch(Rectangle((x - 0.5, y - 0.5), 1, 1, facecolor=warna, edgecolor="white", lw=2))
        teks = "white" if warna != "#eef2f5" else "#4a5a64"
        ax.text(x, y, str(x + y), ha="center", va="center", fontsize=9, color=teks)
    ax.set_xlim(0.5, 6.5)
    ax.set_ylim(0.5, 6.5)
    ax.set_aspect("equal")
    ax.set_xticks(range(1, 7))
    ax.set_yticks(range(1, 7))
    ax.tick_params(labelsize=9, length=0)
    ax.set_xlabel("Mata dadu pertama", fontsize=10)
    ax.set_ylabel("Mata dadu kedua", fontsize=10)
    ax.set_title(f"36 hasil dua dadu\nA: {a} · B: {b}", fontsize=10.5)
    for s in ax.spines.values():
        s.set_visible(False)
    ax.legend(
        handles=[
            Patch(color=WARNA_SOROT, label="hanya A"),
            Patch(color=WARNA_UTAMA, label="hanya B"),
            Patch(color=WARNA_PEKALONGAN, label="A dan B"),
            Patch(facecolor="#eef2f5", edgecolor=WARNA_LAIN, label="bukan keduanya"),
        ],
        loc="upper center",
        bbox_to_anchor=(0.5, -0.14),
        ncol=2,
        fontsize=9,
        frameon=False,
    )
    tab = ta & tb
    kalimat = (
        f"Petak 6 × 6 berisi 36 hasil dua dadu (angka di petak = jumlah mata). A “{a}” "
        f"{len(ta)} petak, B “{b}” {len(tb)} petak, A dan B {len(tab)} petak"
        + (f" ({_daftar(tab)})" if tab else "")
        + "."
    )
    return html_grafik(
        fig,
        alt=kalimat,
        keterangan=kalimat,
        sumber="perhitungan dari 36 hasil dua dadu yang sama mungkin (bukan data survei)",
    )
