"""The shapes kelurahan offices keep their population tables in, read into one form (pure).

Offices keep a summary per RW, per RT or per RW × RT; with or without age groups (five-year,
broad, single years); men and women or only a total; age groups as columns ("wide") or as rows
("long"); with a "Jumlah" row; one table per sheet or one sheet per RW. Each column of the
user's table gets a role (`Peran`): an RW or RT code, an age group, sex as a row label, a count
of men, women or both (for one age group, in a wide table), a note, or nothing. `usul_pemetaan`
proposes the roles from the headers (and the values when a header says nothing); the user can
correct any of them; `uraikan` then reads every count cell into one long table with one row per
value:

    lembar | baris | kolom | huruf | rw | rt | umur | jk ("L", "P" or "J") | nilai | jumlah_baris

`lembar`/`baris`/`kolom`/`huruf` say where the value stands in the user's file (sheet, Excel
row, the user's own header and its letter), so every check can point at it. A cell that is not a
usable count keeps `nilai` empty and becomes a problem; rows that are totals ("Jumlah", "Total",
"Subtotal RW 02") are marked, kept for checking, and never added into the sums.
"""

from __future__ import annotations

import re
from dataclasses import dataclass

import numpy as np
import pandas as pd

from literasi.format import format_angka
from literasi.unggah import HasilBaca, Masalah, angka_sel

JENIS = (
    "rw", "rt", "kelompok_umur", "jenis_kelamin", "laki_laki", "perempuan", "jumlah",
    "keterangan", "abaikan",
)  # fmt: skip
LABEL_JENIS = {
    "rw": "nomor RW",
    "rt": "nomor RT",
    "kelompok_umur": "kelompok umur (ditulis di baris)",
    "jenis_kelamin": "jenis kelamin (L/P ditulis di baris)",
    "laki_laki": "banyak laki-laki",
    "perempuan": "banyak perempuan",
    "jumlah": "jumlah penduduk (laki-laki + perempuan)",
    "keterangan": "keterangan",
    "abaikan": "tidak dipakai",
}
JK_DARI_JENIS = {"laki_laki": "L", "perempuan": "P", "jumlah": "J"}
NAMA_JK = {"L": "laki-laki", "P": "perempuan", "J": "jumlah"}
KOLOM_SEL = ["lembar", "baris", "kolom", "huruf", "rw", "rt", "umur", "jk", "nilai", "jumlah_baris"]

_KATA_L = {"l", "lk", "laki", "lakilaki", "lelaki", "pria"}
_KATA_P = {"p", "pr", "prp", "perempuan", "wanita", "pere"}
_KATA_JUMLAH = {"jumlah", "jml", "total", "penduduk", "jiwa", "lp", "semua", "banyak", "banyaknya"}
_KATA_UMUR = {"umur", "usia", "golongan", "gol", "kelompok", "kel"}
_KATA_JK = {"kelamin", "jk", "sex", "gender"}
_KATA_KET = {"keterangan", "ket", "catatan"}
_POLA_JUMLAH = re.compile(r"^\s*(jumlah|total|sub\s*-?\s*total|jml|grand\s*total)\b", re.I)
_POLA_RENTANG = re.compile(
    r"(?<!\d)(\d{1,3})\s*(?:-|–|—|s\.?\s*d\.?|sampai|hingga)\s*(\d{1,3})(?!\d)"
)
_POLA_KE_ATAS = re.compile(
    r"(?<!\d)(\d{1,3})\s*(?:\+|(?:tahun|thn|th)?\s*(?:ke\s*atas|keatas|atau\s+lebih|lebih))"
    r"|(?:>=|≥)\s*(\d{1,3})|>\s*(\d{1,3})"
)
_POLA_TUNGGAL = re.compile(r"^\s*(?:umur|usia)?\s*(\d{1,3})\s*(?:tahun|thn|th)?\s*$", re.I)


# --- Codes, ages, sexes -------------------------------------------------------------------


def baca_kode(nilai) -> int | None:
    """An RW/RT code as a number: 1, '01', 'RW 01', 'rw1', 'RW.01', 'RT-003' -> int; else None.

    >>> [baca_kode(x) for x in (1, "01", "RW 01", "rw1", "RW.01", "RT-003", 2.0, 2.5, "x")]
    [1, 1, 1, 1, 1, 3, 2, None, None]
    """
    if isinstance(nilai, bool | np.bool_) or nilai is None or nilai is pd.NA:
        return None
    if isinstance(nilai, int | np.integer):
        return int(nilai)
    if isinstance(nilai, float | np.floating):
        return int(nilai) if float(nilai).is_integer() else None
    cocok = re.fullmatch(r"\s*(?:r[wt]|no)?[\s.:/\-]*0*(\d{1,3})\s*", str(nilai), re.I)
    return int(cocok.group(1)) if cocok else None


@dataclass(frozen=True)
class Umur:
    """An age group in whole years: `atas` None means "and older"."""

    bawah: int
    atas: int | None

    def __lt__(self, lain: Umur) -> bool:
        return (self.bawah, 999 if self.atas is None else self.atas) < (
            lain.bawah,
            999 if lain.atas is None else lain.atas,
        )

    @property
    def label(self) -> str:
        if self.atas is None:
            return f"{self.bawah}+"
        return str(self.bawah) if self.atas == self.bawah else f"{self.bawah}-{self.atas}"


def baca_umur(nilai, tunggal: bool = False) -> Umur | None:
    """An age group from how people write it; single years only when `tunggal` (a column of
    ages) or when the text says "umur"/"tahun".

    >>> [baca_umur(x).label for x in ("0 - 4", "5–9 tahun", "75 ke atas", ">=75", "75+", "> 74")]
    ['0-4', '5-9', '75+', '75+', '75+', '75+']
    >>> baca_umur("Umur 17").label, baca_umur(17, tunggal=True).label, baca_umur(17)
    ('17', '17', None)
    >>> baca_umur("RW 01"), baca_umur("9-5")
    (None, None)
    """
    if nilai is None or nilai is pd.NA or isinstance(nilai, bool):
        return None
    if isinstance(nilai, int | float | np.integer | np.floating):
        if tunggal and float(nilai).is_integer() and 0 <= nilai <= 120:
            return Umur(int(nilai), int(nilai))
        return None
    t = str(nilai).lower().replace("–", "-").replace("—", "-")
    if re.search(r"\br[wt]\b", t):
        return None
    cocok = _POLA_RENTANG.search(t)
    if cocok:
        a, b = int(cocok.group(1)), int(cocok.group(2))
        return Umur(a, b) if a <= b <= 120 else None
    cocok = _POLA_KE_ATAS.search(t)
    if cocok:
        if cocok.group(3):
            return Umur(int(cocok.group(3)) + 1, None)
        return Umur(int(cocok.group(1) or cocok.group(2)), None)
    cocok = _POLA_TUNGGAL.match(t)
    if cocok and (tunggal or re.search(r"umur|usia|tahun|thn|th\b", t)):
        return Umur(int(cocok.group(1)), int(cocok.group(1)))
    return None


def baca_jk(nilai) -> str | None:
    """'L', 'Laki-laki', 'pria' -> 'L'; 'P', 'Perempuan' -> 'P'; 'Jumlah', 'L+P' -> 'J'.

    >>> [baca_jk(x) for x in ("L", "laki-laki", "Pr", "wanita", "L+P", "Jumlah", "x")]
    ['L', 'L', 'P', 'P', 'J', 'J', None]
    """
    if not isinstance(nilai, str):
        return None
    t = nilai.strip().lower()
    if re.fullmatch(r"l\s*\+\s*p|jumlah|total|jml", t):
        return "J"
    kata = set(re.findall(r"[a-z]+", t.replace("-", "")))
    if kata & _KATA_L and not kata & _KATA_P:
        return "L"
    if kata & _KATA_P and not kata & _KATA_L:
        return "P"
    return None


def label_jumlah(nilai) -> bool:
    """A cell that marks a totals row: 'Jumlah', 'TOTAL', 'Sub Total RW 02', 'Jml'."""
    return isinstance(nilai, str) and bool(_POLA_JUMLAH.match(nilai))


# --- Roles --------------------------------------------------------------------------------


@dataclass(frozen=True)
class Peran:
    """What a column holds. `umur`: the age group a count column is for (wide tables)."""

    jenis: str
    umur: Umur | None = None

    def teks(self) -> str:
        return LABEL_JENIS[self.jenis] + (f", umur {self.umur.label}" if self.umur else "")

    @property
    def hitungan(self) -> bool:
        return self.jenis in JK_DARI_JENIS


ABAIKAN = Peran("abaikan")


def _kata(teks: str) -> set[str]:
    return set(re.findall(r"[a-z]+", re.sub(r"laki\s*-\s*laki", "lakilaki", teks.lower())))


def _sebagian(nilai: pd.Series, fungsi, ambang: float = 0.6) -> bool:
    isi = [v for v in nilai if v is not None and v is not pd.NA and not label_jumlah(v)]
    return bool(isi) and sum(fungsi(v) is not None for v in isi) >= ambang * len(isi)


def usul_peran(nama: str, nilai: pd.Series) -> Peran:
    """The role a column most likely has, from its header, then from its values.

    >>> s = pd.Series([1, 2])
    >>> [usul_peran(n, s).teks() for n in ("Jml L", "Perempuan (jiwa)", "L+P", "No. RW")]
    ... # doctest: +NORMALIZE_WHITESPACE
    ['banyak laki-laki', 'banyak perempuan', 'jumlah penduduk (laki-laki + perempuan)',
     'nomor RW']
    >>> usul_peran("0-4 L", s).teks(), usul_peran("Penduduk 75+", s).teks()
    ('banyak laki-laki, umur 0-4', 'jumlah penduduk (laki-laki + perempuan), umur 75+')
    """
    teks = str(nama).lower()
    kata = _kata(teks)
    if kata & {"rw"} or "rukun warga" in teks:
        return Peran("rw")
    if kata & {"rt"} or "rukun tetangga" in teks:
        return Peran("rt")
    if kata & _KATA_KET:
        return Peran("keterangan")
    if kata & _KATA_JK or re.search(r"\bl\s*/\s*p\b", teks):
        return Peran("jenis_kelamin")
    umur = baca_umur(teks)
    angka = _sebagian(nilai, angka_sel)
    if re.search(r"\bl\s*\+\s*p\b|\blp\b", teks):
        jenis = "jumlah"
    elif kata & _KATA_L and not kata & _KATA_P:
        jenis = "laki_laki"
    elif kata & _KATA_P and not kata & _KATA_L:
        jenis = "perempuan"
    elif kata & _KATA_JUMLAH or (umur and angka):
        jenis = "jumlah"
    else:
        jenis = None
    if jenis and (angka or not nilai.notna().any()):
        return Peran(jenis, umur)
    if kata & _KATA_UMUR and _sebagian(nilai, lambda v: baca_umur(v, tunggal=True)):
        return Peran("kelompok_umur")
    # The header says nothing we know: look at the values.
    if _sebagian(nilai, baca_jk, 0.9):
        return Peran("jenis_kelamin")
    if _sebagian(nilai, baca_umur, 0.8):
        return Peran("kelompok_umur")
    teks_nilai = [str(v).lower() for v in nilai.dropna()]
    if teks_nilai and all(re.match(r"\s*rw\b", t) for t in teks_nilai):
        return Peran("rw")
    if teks_nilai and all(re.match(r"\s*rt\b", t) for t in teks_nilai):
        return Peran("rt")
    return ABAIKAN


def usul_pemetaan(tabel: pd.DataFrame) -> dict[str, Peran]:
    """A role for every column; a second column with the same single role is left out."""
    pemetaan, dipakai = {}, set()
    for k in tabel.columns:
        peran = usul_peran(k, tabel[k])
        tunggal = peran.jenis in ("rw", "rt", "kelompok_umur", "jenis_kelamin")
        if peran in dipakai and (tunggal or peran.hitungan):
            peran = ABAIKAN
        dipakai.add(peran)
        pemetaan[str(k)] = peran
    return pemetaan


def pilihan_peran(pemetaan: dict[str, Peran]) -> list[Peran]:
    """Roles offered in every column's dropdown: the plain ones, and a count of each sex for
    every age group that any column header names."""
    umur = sorted({p.umur for p in pemetaan.values() if p.umur is not None})
    hasil = [Peran(j) for j in JENIS]
    hasil += [Peran(j, u) for u in umur for j in ("laki_laki", "perempuan", "jumlah")]
    return hasil


def kalimat_pemetaan(kolom: str, peran: Peran, huruf: str | None) -> str:
    """A column's role in plain words.

    >>> kalimat_pemetaan("Jml L", Peran("laki_laki"), "C")
    'Kolom C “Jml L” dibaca sebagai banyak laki-laki.'
    """
    tempat = f"Kolom {huruf} “{kolom}”" if huruf else f"Kolom “{kolom}”"
    if peran.jenis == "abaikan":
        return f"{tempat} tidak dipakai."
    return f"{tempat} dibaca sebagai {peran.teks()}."


# --- The shape in words -------------------------------------------------------------------


@dataclass(frozen=True)
class Bentuk:
    """What a mapped table holds, for the sentence the app shows and for what it can make."""

    rw: bool
    rt: bool
    umur: str  # "lima tahunan", "kelompok besar", "umur tunggal", "campuran" or ""
    jenis_kelamin: bool  # men and women both counted
    lebar: bool  # age groups as columns
    rw_dari_lembar: bool  # one sheet per RW

    def kalimat(self) -> str:
        wilayah = " × ".join(n for n, ada in (("RW", self.rw), ("RT", self.rt)) if ada)
        bagian = [f"Tabel per {wilayah}" if wilayah else "Tabel tanpa kolom RW/RT"]
        if self.rw_dari_lembar:
            bagian.append("satu lembar untuk setiap RW")
        if self.umur:
            susunan = "kelompok umur sebagai kolom" if self.lebar else "satu baris per umur"
            bagian.append(f"umur {self.umur} ({susunan})")
        else:
            bagian.append("tanpa kelompok umur")
        bagian.append("laki-laki dan perempuan" if self.jenis_kelamin else "jumlah saja")
        return ", ".join(bagian) + "."


def jenis_umur(umur: list[Umur]) -> str:
    """'lima tahunan', 'kelompok besar', 'umur tunggal', 'campuran' or '' for no ages."""
    if not umur:
        return ""
    lebar = {None if u.atas is None else u.atas - u.bawah + 1 for u in umur} - {None}
    if lebar == {1}:
        return "umur tunggal"
    if lebar == {5}:
        return "lima tahunan"
    if len(umur) <= 4:
        return "kelompok besar"
    return "campuran"


# --- Reading every count cell -------------------------------------------------------------


@dataclass
class Sumber:
    """One table to read: a sheet (or the CSV), its Excel letters, and its RW if the sheet is
    one RW's (one sheet per RW)."""

    lembar: str | None
    tabel: pd.DataFrame
    huruf: dict[str, str]
    rw: int | None = None


def sumber_dari(hasil: HasilBaca) -> list[Sumber]:
    """The chosen sheet and, when the others have the same columns and their names are RW
    codes ("RW 01", "RW.2", "03"), those sheets too."""
    if hasil.tabel is None:
        return []
    utama = Sumber(hasil.lembar, hasil.tabel, hasil.huruf)
    lain = {n: h for n, h in hasil.lembar_serupa.items() if baca_kode(n) is not None}
    if not lain or baca_kode(hasil.lembar) is None:
        return [utama]
    utama.rw = baca_kode(hasil.lembar)
    return [utama] + [Sumber(n, h.tabel, h.huruf, baca_kode(n)) for n, h in lain.items()]


def bentuk_dari(sumber: list[Sumber], pemetaan: dict[str, Peran], sel: pd.DataFrame) -> Bentuk:
    jenis = {p.jenis for p in pemetaan.values()}
    umur = sorted({u for u in sel["umur"].dropna()}) if len(sel) else []
    jk = set(sel["jk"]) if len(sel) else set()
    return Bentuk(
        rw="rw" in jenis or any(s.rw is not None for s in sumber),
        rt="rt" in jenis,
        umur=jenis_umur(umur),
        jenis_kelamin={"L", "P"} <= jk,
        lebar=any(p.umur is not None for p in pemetaan.values()),
        rw_dari_lembar=any(s.rw is not None for s in sumber),
    )


def _letak(s: Sumber, baris, kolom: str, pesan: str, tingkat: str = "galat") -> Masalah:
    return Masalah(s.lembar, baris, kolom, pesan, tingkat, s.huruf.get(kolom))


def uraikan(sumber: list[Sumber], pemetaan: dict[str, Peran]) -> tuple[pd.DataFrame, list[Masalah]]:
    """Every count cell as one row of the long table (see the module docstring), and the
    problems of single cells: blank, text, negative, a fraction, an unreadable code or age."""
    baris_sel: list[tuple] = []
    masalah: list[Masalah] = []
    for s in sumber:
        kolom = {k: pemetaan.get(str(k), ABAIKAN) for k in s.tabel.columns}
        per = {j: [k for k, p in kolom.items() if p.jenis == j] for j in JENIS}
        hitung = [k for k, p in kolom.items() if p.hitungan]
        label = [k for k, p in kolom.items() if not p.hitungan and p.jenis != "keterangan"]
        for no, b in s.tabel.iterrows():
            jumlah = any(label_jumlah(b[k]) for k in label) or (
                not label and any(label_jumlah(b[k]) for k in per["keterangan"])
            )
            rw = s.rw
            for k in per["rw"][:1]:
                rw = _kode(b[k], s, no, k, "RW", jumlah, masalah)
            rt = None
            for k in per["rt"][:1]:
                rt = _kode(b[k], s, no, k, "RT", jumlah, masalah)
            umur_baris = None
            for k in per["kelompok_umur"][:1]:
                umur_baris = baca_umur(b[k], tunggal=True)
                if umur_baris is None and not jumlah and not label_jumlah(b[k]):
                    masalah.append(_letak(s, no, k, _pesan_umur(b[k])))
            jk_baris = None
            for k in per["jenis_kelamin"][:1]:
                jk_baris = baca_jk(b[k])
                if jk_baris is None and not jumlah:
                    masalah.append(
                        _letak(
                            s,
                            no,
                            k,
                            f"“{_pendek(b[k])}” bukan jenis kelamin. Tulis L atau "
                            "P (laki-laki atau perempuan).",
                        )  # fmt: skip
                    )
            for k in hitung:
                p = kolom[k]
                jk = JK_DARI_JENIS[p.jenis] if jk_baris is None or p.jenis != "jumlah" else jk_baris
                nilai = _hitungan(b[k], s, no, k, masalah)
                baris_sel.append(
                    (s.lembar, no, str(k), s.huruf.get(str(k)), rw, rt,
                     (p.umur or umur_baris), jk, nilai, jumlah)
                )  # fmt: skip
    sel = pd.DataFrame(baris_sel, columns=KOLOM_SEL)
    sel["nilai"] = sel["nilai"].astype("Int64")
    return sel, masalah


def _pendek(v, n: int = 30) -> str:
    t = str(v)
    return t if len(t) <= n else t[: n - 1] + "…"


def _pesan_umur(v) -> str:
    if v is None:
        return "kelompok umur kosong. Isi kelompok umurnya, mis. 0-4 atau 75+."
    return f"kelompok umur “{_pendek(v)}” tidak dikenali. Tulis seperti 0-4, 5-9, 15-64, atau 75+."


def _kode(v, s: Sumber, no, k, nama: str, jumlah: bool, masalah: list) -> int | None:
    kode = baca_kode(v)
    if kode is None and not jumlah and not label_jumlah(v):
        if v is None:
            masalah.append(_letak(s, no, k, f"nomor {nama} kosong. Isi nomornya, mis. 01."))
        else:
            masalah.append(
                _letak(
                    s,
                    no,
                    k,
                    f"kode {nama} “{_pendek(v, 20)}” tidak bisa dibaca. Tulis "
                    "nomornya saja, mis. 01.",
                )  # fmt: skip
            )
    return kode


def _hitungan(v, s: Sumber, no, k, masalah: list) -> int | None:
    """A count of people, or None with the problem named."""
    if v is None or v is pd.NA or (isinstance(v, float) and np.isnan(v)):
        masalah.append(_letak(s, no, k, "sel kosong. Isi angkanya; tulis 0 jika memang tidak ada."))
        return None
    angka = angka_sel(v)
    if angka is None:
        masalah.append(
            _letak(
                s,
                no,
                k,
                f"“{_pendek(v)}” bukan angka. Tulis angkanya saja, tanpa huruf atau "
                "satuan (mis. 12).",
            )  # fmt: skip
        )
        return None
    if angka < 0:
        masalah.append(
            _letak(
                s,
                no,
                k,
                f"angka negatif ({format_angka(angka)}): banyak orang tidak mungkin kurang dari 0.",
            )  # fmt: skip
        )
        return None
    if not float(angka).is_integer():
        masalah.append(
            _letak(
                s,
                no,
                k,
                f"{format_angka(angka, 2)} bukan bilangan bulat: banyak orang ditulis tanpa koma.",
            )  # fmt: skip
        )
        return None
    return int(angka)
