"""Tables, indicators and charts that fit what a kelurahan's data hold (pure).

Input: the usable counts of `validasi.data_siap` (rw, rt, umur, L, P, J). Each output is made
only when the data have what it needs, and `keluaran()` says why the others were not made:
a per-RW table and chart from any file with RW; the sex ratio where men and women are counted;
the pyramid and the dependency ratio only with age groups; density only with an area. Charts
are drawn on a given matplotlib Axes, so the screen and the PDF show the same drawing.
"""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass, field

import pandas as pd
from matplotlib.ticker import FuncFormatter

from literasi.format import format_angka
from literasi.grafik import WARNA_SOROT, WARNA_UTAMA
from literasi.kelurahan.bentuk import Umur

BESAR = {"0-14": (0, 14), "15-64": (15, 64), "65+": (65, None)}
DESIMAL = {"rasio_jk": 1, "persen": 1, "kepadatan": 0, "nilai": 2}
KEPALA = {
    "RW": "RW", "RT": "RT", "umur": "Umur", "L": "Laki-laki", "P": "Perempuan", "J": "Jumlah",
    "rasio_jk": "Rasio JK", "persen": "%", "jenis_kelamin": "Jenis kelamin", "jiwa": "Jiwa",
}  # fmt: skip


def ada(d: pd.DataFrame, kolom: str) -> bool:
    return kolom in d and d[kolom].notna().any()


def ada_jk(d: pd.DataFrame) -> bool:
    """Men and women both counted (for every row that is used)."""
    return ada(d, "L") and ada(d, "P") and bool(d["L"].notna().all() and d["P"].notna().all())


def _jumlah(g: pd.DataFrame, jk: bool) -> pd.DataFrame:
    kolom = ["L", "P", "J"] if jk else ["J"]
    t = g[kolom].sum(min_count=1).reset_index()
    if jk:
        t["rasio_jk"] = (100 * t["L"] / t["P"].where(t["P"] > 0)).astype("Float64")
    return t


def tabel_per_rw(d: pd.DataFrame) -> pd.DataFrame:
    """Per RW: men, women, total and sex ratio (or only the total)."""
    t = _jumlah(d.astype({"rw": int}).groupby("rw"), ada_jk(d))
    t["RW"] = t.pop("rw").map(lambda r: f"RW {r:02d}")
    return t[["RW", *[k for k in t if k != "RW"]]]


def tabel_per_rt(d: pd.DataFrame) -> pd.DataFrame:
    kunci = ["rw", "rt"] if ada(d, "rw") else ["rt"]
    t = _jumlah(d.astype({k: int for k in kunci}).groupby(kunci), ada_jk(d))
    if "rw" in t:
        t["RW"] = t.pop("rw").map(lambda r: f"RW {r:02d}")
    t["RT"] = t.pop("rt").map(lambda r: f"RT {r:02d}")
    depan = [k for k in ("RW", "RT") if k in t]
    return t[[*depan, *[k for k in t if k not in depan]]]


def tabel_per_umur(d: pd.DataFrame) -> pd.DataFrame:
    """Per age group (youngest first): men, women, total and share of the population."""
    jk = ada_jk(d)
    g = d.assign(urut=d["umur"]).groupby("umur", sort=False)
    t = g[["L", "P", "J"] if jk else ["J"]].sum(min_count=1)
    t = t.loc[sorted(t.index)].reset_index()
    total = t["J"].sum()
    t["persen"] = (100 * t["J"] / total).astype("Float64") if total else pd.NA
    t["umur"] = t["umur"].map(lambda u: u.label)
    return t


def tabel_jenis_kelamin(d: pd.DataFrame) -> pd.DataFrame:
    lk, pr = int(d["L"].sum()), int(d["P"].sum())
    total = lk + pr
    return pd.DataFrame(
        {
            "jenis_kelamin": ["Laki-laki", "Perempuan", "Jumlah"],
            "jiwa": pd.array([lk, pr, total], dtype="Int64"),
            "persen": [100 * lk / total, 100 * pr / total, 100.0] if total else [None] * 3,
        }
    )


def kelompok_besar(d: pd.DataFrame) -> tuple[dict[str, int] | None, str]:
    """People aged 0-14, 15-64 and 65+, or None and why the groups cannot be split so."""
    if not ada(d, "umur"):
        return None, "butuh kelompok umur"
    hasil = dict.fromkeys(BESAR, 0)
    for u, j in d.groupby("umur")["J"].sum().items():
        tempat = [
            n for n, (a, b) in BESAR.items()
            if u.bawah >= a and (b is None or (u.atas is not None and u.atas <= b))
        ]  # fmt: skip
        if not tempat:
            return None, (
                f"kelompok umur {u.label} tidak bisa dibagi ke 0-14, 15-64 dan 65+ "
                "(batasnya di tengah kelompok)"
            )
        hasil[tempat[0]] += int(j)
    return hasil, ""


@dataclass(frozen=True)
class Indikator:
    nama: str
    nilai: float | None
    satuan: str
    desimal: int
    makna: str  # one sentence: what the number means

    def teks_nilai(self) -> str:
        if self.nilai is None:
            return "–"
        return f"{format_angka(self.nilai, self.desimal)}{self.satuan}"


def hitung_indikator(d: pd.DataFrame, luas_km2: float | None) -> list[Indikator]:
    """The indicators the data allow, each with one sentence on how to read it."""
    total = int(d["J"].sum())
    hasil = [Indikator("Jumlah penduduk", total, " jiwa", 0, "Semua penduduk yang tercatat.")]
    if ada_jk(d):
        lk, pr = int(d["L"].sum()), int(d["P"].sum())
        hasil[0] = Indikator("Jumlah penduduk", total, " jiwa", 0,
                             f"Semua penduduk yang tercatat: {format_angka(lk)} laki-laki dan "
                             f"{format_angka(pr)} perempuan.")  # fmt: skip
        hasil.append(
            Indikator(
                "Rasio jenis kelamin",
                100 * lk / pr if pr else None,
                "",
                1,
                "Banyaknya laki-laki untuk setiap 100 perempuan; di atas 100 berarti "
                "laki-laki lebih banyak.",
            )  # fmt: skip
        )
    besar, _ = kelompok_besar(d)
    if besar:
        rk = 100 * (besar["0-14"] + besar["65+"]) / besar["15-64"] if besar["15-64"] else None
        hasil.append(
            Indikator(
                "Rasio ketergantungan",
                rk,
                "",
                1,
                "Banyaknya penduduk usia 0-14 dan 65+ (belum/tidak lagi produktif) yang "
                "ditanggung setiap 100 penduduk usia 15-64.",
            )  # fmt: skip
        )
        makna = {
            "0-14": "anak: kebutuhan PAUD, sekolah, posyandu.",
            "15-64": "orang usia kerja (produktif).",
            "65+": "lansia: kebutuhan posyandu lansia, layanan kesehatan.",
        }
        for nama, n in besar.items():
            hasil.append(
                Indikator(
                    f"Penduduk usia {nama} tahun",
                    100 * n / total if total else None,
                    "%",
                    1,
                    f"{format_angka(n)} {makna[nama]}",
                )  # fmt: skip
            )
    if luas_km2:
        hasil.append(
            Indikator(
                "Kepadatan penduduk",
                total / luas_km2,
                " jiwa/km²",
                0,
                f"Rata-rata banyaknya penduduk per km² (luas {format_angka(luas_km2, 3)} km²).",
            )  # fmt: skip
        )
    return hasil


# --- Charts (drawn on a given Axes: the same drawing for the screen and the PDF) ----------


def _ribu(x, _pos=None) -> str:
    return format_angka(abs(x))


def _rapikan(ax, judul: str) -> None:
    ax.set_title(judul, fontsize=10)
    ax.spines[["top", "right"]].set_visible(False)


def gambar_per_rw(ax, d: pd.DataFrame, judul: str) -> None:
    per = tabel_per_rw(d)
    x = range(len(per))
    if "L" in per:
        ax.bar([i - 0.2 for i in x], per["L"], width=0.4, color=WARNA_UTAMA, label="Laki-laki")
        ax.bar([i + 0.2 for i in x], per["P"], width=0.4, color=WARNA_SOROT, label="Perempuan")
        ax.legend(fontsize=8, frameon=False)
    else:
        ax.bar(list(x), per["J"], width=0.6, color=WARNA_UTAMA)
    ax.set_xticks(list(x), per["RW"], fontsize=8, rotation=45 if len(per) > 8 else 0)
    ax.yaxis.set_major_formatter(FuncFormatter(_ribu))
    ax.tick_params(axis="y", labelsize=8)
    ax.set_ylabel("Jumlah penduduk (jiwa)", fontsize=9)
    _rapikan(ax, judul)


def gambar_piramida(ax, d: pd.DataFrame, judul: str) -> None:
    per = tabel_per_umur(d)
    y = range(len(per))
    ax.barh(y, -per["L"].astype(float), color=WARNA_UTAMA, label="Laki-laki")
    ax.barh(y, per["P"].astype(float), color=WARNA_SOROT, label="Perempuan")
    ax.set_yticks(list(y), per["umur"], fontsize=8 if len(per) <= 20 else 5)
    batas = max(1, float(per[["L", "P"]].to_numpy(dtype=float).max())) * 1.1
    ax.set_xlim(-batas, batas)
    ax.axvline(0, color="#333333", linewidth=0.6)
    ax.xaxis.set_major_formatter(FuncFormatter(_ribu))
    ax.tick_params(axis="x", labelsize=8)
    ax.set_xlabel("Jumlah penduduk (jiwa)", fontsize=9)
    ax.set_ylabel("Kelompok umur (tahun)", fontsize=9)
    ax.legend(fontsize=8, loc="upper right", frameon=False)
    _rapikan(ax, judul)


def gambar_per_umur(ax, d: pd.DataFrame, judul: str) -> None:
    """Bars per age group for the total (a table without men and women)."""
    per = tabel_per_umur(d)
    y = range(len(per))
    ax.barh(y, per["J"].astype(float), color=WARNA_UTAMA)
    ax.set_yticks(list(y), per["umur"], fontsize=8 if len(per) <= 20 else 5)
    ax.xaxis.set_major_formatter(FuncFormatter(_ribu))
    ax.tick_params(axis="x", labelsize=8)
    ax.set_xlabel("Jumlah penduduk (jiwa)", fontsize=9)
    ax.set_ylabel("Kelompok umur (tahun)", fontsize=9)
    _rapikan(ax, judul)


def kalimat_per_rw(d: pd.DataFrame, nama: str) -> str:
    per = tabel_per_rw(d)
    besar, kecil = per.loc[per["J"].idxmax()], per.loc[per["J"].idxmin()]
    isi = "laki-laki dan perempuan" if "L" in per else "jumlah penduduk"
    return (
        f"Diagram batang {isi} di {len(per)} RW {nama}. Terbanyak {besar['RW']} "
        f"({format_angka(besar['J'])} jiwa), paling sedikit {kecil['RW']} "
        f"({format_angka(kecil['J'])} jiwa)."
    )


def kalimat_umur(d: pd.DataFrame, nama: str, piramida: bool) -> str:
    per = tabel_per_umur(d)
    terbesar = per.loc[per["J"].idxmax()]
    awal = (
        f"Piramida penduduk {nama}: laki-laki di kiri, perempuan di kanan"
        if piramida
        else f"Diagram batang penduduk {nama} menurut kelompok umur"
    )
    kalimat = (
        f"{awal}, {len(per)} kelompok umur. Kelompok terbesar {terbesar['umur']} tahun "
        f"({format_angka(terbesar['J'])} jiwa)"
    )
    besar, _ = kelompok_besar(d)
    total = int(d["J"].sum())
    if besar and total:
        kalimat += (
            f"; usia 0-14 tahun {format_angka(100 * besar['0-14'] / total, 1)}% dan 65+ "
            f"{format_angka(100 * besar['65+'] / total, 1)}% dari {format_angka(total)} jiwa"
        )
    return kalimat + "."


# --- What the data allow ------------------------------------------------------------------


@dataclass(frozen=True)
class Tabel:
    judul: str
    data: pd.DataFrame
    lembar: str  # sheet name in the Excel file

    @property
    def kepala(self) -> dict[str, str]:
        return {k: KEPALA.get(k, k) for k in self.data.columns}


@dataclass(frozen=True)
class Grafik:
    judul: str
    gambar: Callable  # gambar(ax)
    kalimat: str


@dataclass
class Keluaran:
    tabel: list[Tabel] = field(default_factory=list)
    indikator: list[Indikator] = field(default_factory=list)
    grafik: list[Grafik] = field(default_factory=list)
    belum: list[tuple[str, str]] = field(default_factory=list)  # (what, why not)


def keluaran(d: pd.DataFrame, nama: str, luas_km2: float | None) -> Keluaran:
    """Everything the counts allow, and for the rest, why not (in plain Indonesian)."""
    k = Keluaran()
    if d.empty:
        k.belum.append(("Semua tabel dan grafik", "belum ada baris data yang bisa dihitung"))
        return k
    jk, umur, rw = ada_jk(d), ada(d, "umur"), ada(d, "rw")
    if jk:
        k.tabel.append(Tabel("Penduduk menurut jenis kelamin", tabel_jenis_kelamin(d),
                             "Jenis kelamin"))  # fmt: skip
    else:
        k.belum.append(
            (
                "Tabel jenis kelamin dan rasio jenis kelamin",
                "butuh banyak laki-laki dan perempuan; data ini hanya punya jumlah",
            )
        )
    if rw:
        k.tabel.append(Tabel("Penduduk menurut RW", tabel_per_rw(d), "Per RW"))
        k.grafik.append(Grafik("Penduduk per RW",
                               lambda ax: gambar_per_rw(ax, d, f"Penduduk per RW, {nama}"),
                               kalimat_per_rw(d, nama)))  # fmt: skip
    else:
        k.belum.append(("Tabel dan grafik per RW", "butuh kolom nomor RW"))
    if ada(d, "rt"):
        k.tabel.append(Tabel("Penduduk menurut RT", tabel_per_rt(d), "Per RT"))
    if umur:
        k.tabel.append(Tabel("Penduduk menurut kelompok umur", tabel_per_umur(d), "Per umur"))
        if jk:
            judul = f"Piramida penduduk {nama}"
            k.grafik.insert(0, Grafik("Piramida penduduk",
                                      lambda ax: gambar_piramida(ax, d, judul),
                                      kalimat_umur(d, nama, True)))  # fmt: skip
        else:
            k.grafik.append(Grafik("Penduduk per kelompok umur",
                                   lambda ax: gambar_per_umur(ax, d, f"Penduduk per umur, {nama}"),
                                   kalimat_umur(d, nama, False)))  # fmt: skip
            k.belum.append(("Piramida penduduk",
                            "butuh laki-laki dan perempuan per kelompok umur"))  # fmt: skip
    else:
        k.belum.append(("Piramida penduduk dan tabel per kelompok umur",
                        "piramida penduduk butuh kelompok umur"))  # fmt: skip
    _, alasan = kelompok_besar(d)
    if alasan:
        k.belum.append(("Rasio ketergantungan", alasan))
    if not luas_km2:
        k.belum.append(("Kepadatan penduduk", "butuh luas wilayah (isi di keterangan data)"))
    k.indikator = hitung_indikator(d, luas_km2)
    return k


def kelompok_lima_tahunan() -> list[Umur]:
    """The BPS five-year groups 0-4 … 70-74, 75+ (the template's)."""
    return [Umur(a, a + 4) for a in range(0, 75, 5)] + [Umur(75, None)]
