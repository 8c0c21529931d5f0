"""The kelurahan population template, its checks and its cleaning steps (pure, no widgets).

The template (one sheet "Isian") has one row per RW × RT × age group:

    RW | RT | kelompok_umur | laki_laki | perempuan | jumlah (optional) | keterangan (optional)

with age groups 0-4, 5-9, …, 70-74, 75+ (16 groups, the BPS five-year groups), counts in
people (jiwa). A "Metadata" sheet holds the Satu Data description: kelurahan, kecamatan, period,
source, contact, area (km², optional) and the list of RW and RT the kelurahan really has
("RW 01: RT 1-5; RW 02: RT 1-4"), against which the codes are checked.

- `seragamkan_kolom()` maps the names people actually write ("Laki-laki (jiwa)", "L", "Kel. Umur")
  to the template's names.
- `periksa()` returns every problem as a `literasi.unggah.Masalah` naming sheet, row (as in
  Excel) and column, in Indonesian.
- `Pembersihan` applies cleaning steps to a copy, in order; any step can be undone; the
  original table is never changed.
- `buat_template()` writes the template .xlsx at run time with clearly fictional example data
  (seeded), so no binary file is committed.
"""

from __future__ import annotations

import io
import re
from dataclasses import dataclass, field

import numpy as np
import pandas as pd

from literasi.format import format_angka
from literasi.unggah import Masalah, angka_sel

KELOMPOK_UMUR = tuple(f"{a}-{a + 4}" for a in range(0, 75, 5)) + ("75+",)
KOLOM_WAJIB = ("rw", "rt", "kelompok_umur", "laki_laki", "perempuan")
KOLOM_ANGKA = ("laki_laki", "perempuan", "jumlah")
KOLOM_KODE = ("rw", "rt", "kelompok_umur")
LABEL_KOLOM = {
    "rw": "RW",
    "rt": "RT",
    "kelompok_umur": "kelompok_umur",
    "laki_laki": "laki_laki",
    "perempuan": "perempuan",
    "jumlah": "jumlah",
    "keterangan": "keterangan",
}
DEFINISI = {
    "RW": "Nomor rukun warga (angka; 01 ditulis 1 atau 01).",
    "RT": "Nomor rukun tetangga di dalam RW itu.",
    "kelompok_umur": "Kelompok umur lima tahunan dalam tahun ulang tahun terakhir: 0-4, 5-9, "
    "…, 70-74, dan 75+ (75 tahun ke atas).",
    "laki_laki": "Banyaknya penduduk laki-laki (jiwa).",
    "perempuan": "Banyaknya penduduk perempuan (jiwa).",
    "jumlah": "Boleh diisi: laki_laki + perempuan (jiwa). Jika diisi, diperiksa.",
    "keterangan": "Boleh diisi: catatan untuk baris itu.",
}
TANDA_FIKTIF = "DATA CONTOH FIKTIF"
_ALIAS = {
    "rw": "rw",
    "norw": "rw",
    "nomorrw": "rw",
    "koderw": "rw",
    "rt": "rt",
    "nort": "rt",
    "nomorrt": "rt",
    "kodert": "rt",
    "kelompokumur": "kelompok_umur",
    "kelumur": "kelompok_umur",
    "umur": "kelompok_umur",
    "usia": "kelompok_umur",
    "kelompokusia": "kelompok_umur",
    "golonganumur": "kelompok_umur",
    "lakilaki": "laki_laki",
    "laki": "laki_laki",
    "l": "laki_laki",
    "lk": "laki_laki",
    "pria": "laki_laki",
    "perempuan": "perempuan",
    "p": "perempuan",
    "pr": "perempuan",
    "wanita": "perempuan",
    "jumlah": "jumlah",
    "total": "jumlah",
    "lp": "jumlah",
    "jumlahpenduduk": "jumlah",
    "jml": "jumlah",
    "keterangan": "keterangan",
    "ket": "keterangan",
    "catatan": "keterangan",
}
_POLA_JUMLAH = re.compile(r"^\s*(jumlah|total|sub\s*total|jml|grand\s*total)\b", re.I)


# --- Metadata -----------------------------------------------------------------------------


@dataclass
class MetaKelurahan:
    """The Satu Data description of the data set (the template's Metadata sheet)."""

    kelurahan: str = ""
    kecamatan: str = ""
    periode: str = ""
    sumber: str = ""
    kontak: str = ""
    luas_km2: float | None = None
    daftar_rt: str = ""  # "RW 01: RT 1-5; RW 02: RT 1-4"

    LABEL = {
        "kelurahan": "Nama kelurahan",
        "kecamatan": "Kecamatan",
        "periode": "Periode data",
        "sumber": "Sumber data",
        "kontak": "Kontak",
        "luas_km2": "Luas wilayah (km²)",
        "daftar_rt": "Daftar RW dan RT",
    }

    @classmethod
    def dari_dict(cls, meta: dict[str, str]) -> MetaKelurahan:
        """From the label → value pairs of a Metadata sheet (labels matched loosely)."""
        hasil = cls()
        kunci = {_kunci(label): nama for nama, label in cls.LABEL.items()}
        kunci.update({_kunci(nama): nama for nama in cls.LABEL})
        for label, nilai in meta.items():
            nama = kunci.get(_kunci(label))
            if nama == "luas_km2":
                hasil.luas_km2 = angka_sel(nilai)
            elif nama:
                setattr(hasil, nama, str(nilai).strip())
        return hasil

    def baris(self) -> list[tuple[str, str]]:
        luas = format_angka(self.luas_km2, 3) if self.luas_km2 else "(tidak diisi)"
        return [
            (label, luas if nama == "luas_km2" else getattr(self, nama) or "(tidak diisi)")
            for nama, label in self.LABEL.items()
        ]

    @property
    def judul(self) -> str:
        nama = self.kelurahan.strip() or "(nama kelurahan belum diisi)"
        return nama if nama.lower().startswith("kelurahan") else f"Kelurahan {nama}"


def baca_daftar_rt(teks: str) -> dict[int, set[int]]:
    """'RW 01: RT 1-5; RW 02: RT 1,2,4' -> {1: {1..5}, 2: {1, 2, 4}}; unreadable parts skipped.

    >>> baca_daftar_rt("RW 01: RT 001-003; RW 2: RT 1, 4")
    {1: {1, 2, 3}, 2: {1, 4}}
    """
    hasil: dict[int, set[int]] = {}
    for bagian in re.split(r"[;\n]+", teks or ""):
        cocok = re.match(r"\s*rw\s*0*(\d+)\s*[:=]\s*(?:rt)?\s*(.+)$", bagian, re.I)
        if not cocok:
            continue
        rt: set[int] = set()
        for butir in re.split(r"[,\s]+(?=\d)", cocok.group(2).strip()):
            rentang = re.fullmatch(r"0*(\d+)\s*[-–]\s*0*(\d+)\s*", butir)
            if rentang and int(rentang.group(2)) - int(rentang.group(1)) < 200:
                rt |= set(range(int(rentang.group(1)), int(rentang.group(2)) + 1))
            elif re.fullmatch(r"0*(\d+)\s*", butir):
                rt.add(int(butir))
        if rt:
            hasil[int(cocok.group(1))] = rt
    return hasil


def tulis_daftar_rt(daftar: dict[int, set[int]]) -> str:
    """The inverse of baca_daftar_rt for consecutive RT numbers."""
    bagian = []
    for rw in sorted(daftar):
        rt = sorted(daftar[rw])
        teks = (
            f"{rt[0]}-{rt[-1]}" if rt == list(range(rt[0], rt[-1] + 1)) else ", ".join(map(str, rt))
        )
        bagian.append(f"RW {rw:02d}: RT {teks}")
    return "; ".join(bagian)


# --- Reading codes ------------------------------------------------------------------------


def _kunci(nama) -> str:
    tanpa_satuan = re.sub(r"\(.*?\)", "", str(nama))
    return re.sub(r"[^a-z0-9+]", "", tanpa_satuan.lower()).replace("+", "")


def seragamkan_kolom(tabel: pd.DataFrame) -> tuple[pd.DataFrame, list[str]]:
    """Rename the columns people write to the template's names; say what was renamed."""
    baru, catatan, dipakai = {}, [], set()
    for k in tabel.columns:
        standar = _ALIAS.get(_kunci(k))
        if standar and standar not in dipakai:
            baru[k] = standar
            dipakai.add(standar)
            if str(k) != standar:
                catatan.append(f"Kolom “{k}” dibaca sebagai “{standar}”.")
    return tabel.rename(columns=baru), catatan


def baca_kode(nilai) -> int | None:
    """An RW/RT code as a number: 1, '01', '001', 'RW 01', 'RT.3' -> int; anything else None."""
    if isinstance(nilai, bool) or nilai is None:
        return None
    if isinstance(nilai, int | np.integer):
        return int(nilai)
    if isinstance(nilai, float | np.floating):
        return int(nilai) if float(nilai).is_integer() else None
    cocok = re.fullmatch(r"\s*(?:r[wt])?[\s.:]*0*(\d{1,3})\s*", str(nilai), re.I)
    return int(cocok.group(1)) if cocok else None


def baca_kelompok_umur(nilai) -> str | None:
    """'0 - 4', '0–4 tahun', '75 ke atas', '>=75', '75+' -> the template's label; else None."""
    if nilai is None:
        return None
    t = str(nilai).lower().replace("–", "-").replace("—", "-").replace("thn", "tahun")
    t = re.sub(r"\s+", "", t.replace("tahun", ""))
    cocok = re.fullmatch(r"0*(\d+)-0*(\d+)", t)
    if cocok and f"{int(cocok.group(1))}-{int(cocok.group(2))}" in KELOMPOK_UMUR:
        return f"{int(cocok.group(1))}-{int(cocok.group(2))}"
    if re.fullmatch(r"75(\+|keatas|lebih|>|danlebih)|(>=|≥)75|>74", t):
        return "75+"
    return None


def bilangan_cacah(nilai) -> int | None:
    """A count: a non-negative whole number, or None."""
    angka = angka_sel(nilai)
    if angka is None or angka < 0 or not float(angka).is_integer():
        return None
    return int(angka)


def baris_jumlah(tabel: pd.DataFrame) -> list:
    """Row numbers of totals rows ('Jumlah', 'Total', 'Subtotal' in a code column)."""
    kode = [k for k in (*KOLOM_KODE, "keterangan") if k in tabel]
    return [
        no
        for no, b in tabel.iterrows()
        if any(isinstance(b[k], str) and _POLA_JUMLAH.match(b[k]) for k in kode)
    ]


# --- Checks -------------------------------------------------------------------------------


def periksa(
    tabel: pd.DataFrame, meta: MetaKelurahan | None = None, lembar: str | None = None
) -> list[Masalah]:
    """Every problem in a table whose columns were seragamkan_kolom'd; rows as in Excel."""
    meta = meta or MetaKelurahan()
    masalah: list[Masalah] = []

    def tambah(baris, kolom, pesan, tingkat="galat"):
        masalah.append(Masalah(lembar, baris, LABEL_KOLOM.get(kolom, kolom), pesan, tingkat))

    kurang = [k for k in KOLOM_WAJIB if k not in tabel]
    if kurang:
        tambah(
            None,
            None,
            "kolom wajib belum ada: "
            + ", ".join(LABEL_KOLOM[k] for k in kurang)
            + ". Pakai judul kolom seperti di template: "
            + ", ".join(LABEL_KOLOM[k] for k in KOLOM_WAJIB)
            + ".",
        )
        return masalah
    jumlah_baris = set(baris_jumlah(tabel))
    daftar = baca_daftar_rt(meta.daftar_rt)
    if not daftar:
        tambah(
            None,
            None,
            "daftar RW dan RT belum diisi, jadi kode RW/RT tidak dicocokkan. Isi di bagian "
            "keterangan data, mis. “RW 01: RT 1-5; RW 02: RT 1-4”.",
            "peringatan",
        )
    for no, b in tabel.iterrows():
        if no in jumlah_baris:
            tambah(
                no,
                None,
                "baris jumlah/total ikut di dalam data. Hapus baris ini: aplikasi menghitung "
                "jumlahnya sendiri, dan jika dibiarkan penduduknya terhitung dua kali.",
            )
            continue
        for k in KOLOM_WAJIB + (("jumlah",) if "jumlah" in tabel else ()):
            nilai = b[k]
            if nilai is None or (isinstance(nilai, float) and np.isnan(nilai)) or nilai is pd.NA:
                if k != "jumlah":
                    tambah(no, k, "sel kosong. Isi angkanya; tulis 0 jika memang tidak ada.")
                continue
            if k in KOLOM_ANGKA:
                angka = angka_sel(nilai)
                if angka is None:
                    tambah(
                        no,
                        k,
                        f"“{str(nilai)[:30]}” bukan angka. Tulis angkanya saja, tanpa huruf atau "
                        "satuan (mis. 12).",
                    )
                elif angka < 0:
                    tambah(
                        no,
                        k,
                        f"angka negatif ({format_angka(angka)}): banyak orang tidak "
                        "mungkin kurang dari 0.",
                    )
                elif not float(angka).is_integer():
                    tambah(
                        no,
                        k,
                        f"{format_angka(angka, 2)} bukan bilangan bulat: banyak orang "
                        "ditulis tanpa koma.",
                    )
        _periksa_kode(b, no, daftar, tambah)
        if "jumlah" in tabel:
            lk, p, j = (bilangan_cacah(b[k]) for k in ("laki_laki", "perempuan", "jumlah"))
            if None not in (lk, p, j) and lk + p != j:
                tambah(
                    no,
                    "jumlah",
                    f"laki_laki + perempuan = {format_angka(lk)} + {format_angka(p)} = "
                    f"{format_angka(lk + p)}, tetapi jumlah tertulis {format_angka(j)}.",
                )
    _periksa_baris_jumlah(tabel, jumlah_baris, tambah)
    _periksa_duplikat(tabel, jumlah_baris, tambah)
    _periksa_kelengkapan(tabel, jumlah_baris, tambah)
    fiktif = [
        no
        for no, b in tabel.iterrows()
        if "keterangan" in tabel
        and isinstance(b["keterangan"], str)
        and TANDA_FIKTIF.lower() in b["keterangan"].lower()
    ]
    if fiktif:
        tambah(
            None,
            "keterangan",
            f"{format_angka(len(fiktif))} baris bertanda “{TANDA_FIKTIF}”. Angka ini karangan, "
            "bukan data kelurahan mana pun: ganti dengan data Anda sebelum dipakai.",
            "peringatan",
        )
    return masalah


def _periksa_kode(b: pd.Series, no, daftar: dict[int, set[int]], tambah) -> None:
    rw, rt = baca_kode(b["rw"]), baca_kode(b["rt"])
    for k, kode in (("rw", rw), ("rt", rt)):
        if kode is None and b[k] is not None:
            tambah(
                no, k, f"kode “{str(b[k])[:20]}” tidak bisa dibaca. Tulis nomornya saja, mis. 01."
            )
    if b["kelompok_umur"] is not None and baca_kelompok_umur(b["kelompok_umur"]) is None:
        tambah(
            no,
            "kelompok_umur",
            f"kelompok umur “{str(b['kelompok_umur'])[:20]}” tidak dikenal. Pakai salah satu: "
            f"{', '.join(KELOMPOK_UMUR[:3])}, …, 70-74, 75+.",
        )
    if daftar and rw is not None:
        if rw not in daftar:
            tambah(
                no,
                "rw",
                f"RW {rw:02d} tidak ada di daftar RW kelurahan "
                f"({', '.join(f'{r:02d}' for r in sorted(daftar))}).",
            )
        elif rt is not None and rt not in daftar[rw]:
            tambah(
                no,
                "rt",
                f"RT {rt:02d} tidak ada di daftar RT untuk RW {rw:02d} "
                f"({', '.join(f'{r:02d}' for r in sorted(daftar[rw]))}).",
            )


def _periksa_baris_jumlah(tabel, jumlah_baris, tambah) -> None:
    """A totals row left in the data: does it add up to the other rows?"""
    if not jumlah_baris:
        return
    lain = tabel.drop(index=list(jumlah_baris))
    for no in sorted(jumlah_baris):
        for k in ("laki_laki", "perempuan"):
            tertulis = bilangan_cacah(tabel.at[no, k])
            if tertulis is None:
                continue
            hitung = sum(v for v in (bilangan_cacah(x) for x in lain[k]) if v is not None)
            if tertulis != hitung:
                tambah(
                    no,
                    k,
                    f"baris jumlah menulis {format_angka(tertulis)}, padahal jumlah semua baris "
                    f"data {format_angka(hitung)} (mungkin subtotal, atau ada baris yang salah).",
                    "peringatan",
                )


def _periksa_duplikat(tabel, jumlah_baris, tambah) -> None:
    pertama: dict[tuple, object] = {}
    isi_pertama: dict[tuple, tuple] = {}
    for no, b in tabel.iterrows():
        if no in jumlah_baris:
            continue
        kunci = (baca_kode(b["rw"]), baca_kode(b["rt"]), baca_kelompok_umur(b["kelompok_umur"]))
        if None in kunci:
            continue
        isi = tuple(str(v) for v in b.values)
        if kunci in pertama:
            rw, rt, umur = kunci
            if isi == isi_pertama[kunci]:
                pesan = (
                    f"baris ini sama persis dengan baris {pertama[kunci]} (duplikat). Hapus "
                    "salah satunya."
                )
            else:
                pesan = (
                    f"RW {rw:02d}, RT {rt:02d}, umur {umur} sudah ada di baris "
                    f"{pertama[kunci]} dengan angka berbeda. Periksa mana yang benar."
                )
            tambah(no, None, pesan)
        else:
            pertama[kunci], isi_pertama[kunci] = no, isi


def _periksa_kelengkapan(tabel, jumlah_baris, tambah) -> None:
    """Every RT should have all 16 age groups (0 is a valid count)."""
    ada: dict[tuple[int, int], set[str]] = {}
    for no, b in tabel.iterrows():
        rw, rt = baca_kode(b["rw"]), baca_kode(b["rt"])
        umur = baca_kelompok_umur(b["kelompok_umur"])
        if no not in jumlah_baris and None not in (rw, rt, umur):
            ada.setdefault((rw, rt), set()).add(umur)
    for (rw, rt), umur in sorted(ada.items()):
        kurang = [k for k in KELOMPOK_UMUR if k not in umur]
        if kurang:
            tambah(
                None,
                "kelompok_umur",
                f"RW {rw:02d} RT {rt:02d} belum punya baris untuk kelompok umur "
                f"{', '.join(kurang[:5])}{' …' if len(kurang) > 5 else ''}. Tambahkan barisnya "
                "(isi 0 jika memang tidak ada penduduk).",
                "peringatan",
            )


# --- Cleaning steps -----------------------------------------------------------------------


def _hapus_jumlah(tabel):
    nomor = baris_jumlah(tabel)
    return tabel.drop(index=nomor), nomor


def _hapus_duplikat(tabel):
    sama = tabel.astype(str).duplicated(keep="first")
    nomor = list(tabel.index[sama])
    return tabel.drop(index=nomor), nomor


def teks_ke_angka(nilai):
    """'12 jiwa' -> 12, '1 234' -> 1234, '-' (BPS: nihil) -> 0; other values unchanged."""
    if not isinstance(nilai, str):
        return nilai
    t = nilai.strip()
    if t in ("-", "–", "—"):
        return 0
    t = re.sub(r"\s*(jiwa|orang|org|org\.)$", "", t, flags=re.I)
    t = re.sub(r"(?<=\d)[\s\u00a0](?=\d{3}\b)", "", t)
    angka = angka_sel(t)
    if angka is None:
        return nilai
    return int(angka) if float(angka).is_integer() else angka


def _teks_angka(tabel):
    baru, nomor = tabel.copy(), []
    for k in [k for k in KOLOM_ANGKA if k in tabel]:
        for no, v in tabel[k].items():
            ubah = teks_ke_angka(v)
            if ubah is not v and ubah != v:
                baru.at[no, k] = ubah
                nomor.append(no)
    return baru, sorted(set(nomor))


def _seragamkan_kode(tabel):
    baru, nomor = tabel.copy(), []
    for k, fungsi in (("rw", baca_kode), ("rt", baca_kode), ("kelompok_umur", baca_kelompok_umur)):
        if k not in tabel:
            continue
        for no, v in tabel[k].items():
            hasil = fungsi(v)
            if hasil is not None and hasil != v:
                baru.at[no, k] = hasil
                nomor.append(no)
    return baru, sorted(set(nomor))


@dataclass(frozen=True)
class Langkah:
    kode: str
    judul: str
    penjelasan: str
    fungsi: object  # tabel -> (tabel baru, nomor baris yang berubah)


LANGKAH = {
    lk.kode: lk
    for lk in (
        Langkah(
            "hapus_jumlah",
            "Hapus baris jumlah/total",
            "Baris “Jumlah”/“Total” dihapus; aplikasi menghitung jumlahnya sendiri.",
            _hapus_jumlah,
        ),
        Langkah(
            "hapus_duplikat",
            "Hapus baris duplikat",
            "Baris yang sama persis dengan baris di atasnya dihapus (yang pertama disimpan).",
            _hapus_duplikat,
        ),
        Langkah(
            "teks_angka",
            "Ubah teks angka menjadi angka",
            "“12 jiwa” → 12, “1 234” → 1234, “-” (nihil, cara BPS) → 0.",
            _teks_angka,
        ),
        Langkah(
            "seragamkan_kode",
            "Seragamkan kode RW/RT dan kelompok umur",
            "“RW 01” → 1, “001” → 1, “0 - 4 tahun” → 0-4, “75 ke atas” → 75+.",
            _seragamkan_kode,
        ),
    )
}


@dataclass
class Pembersihan:
    """Cleaning steps applied in order to a copy of `asli`; any step can be undone.

    `asli` is never changed: every `tabel` is rebuilt from it by replaying the steps.
    """

    asli: pd.DataFrame
    langkah: list[str] = field(default_factory=list)
    _ingatan: dict = field(default_factory=dict, repr=False, compare=False)

    def _putar(self, daftar: list[str]) -> tuple[pd.DataFrame, list[tuple[str, list]]]:
        kunci = tuple(daftar)
        if kunci not in self._ingatan:  # replaying is pure: remember each sequence once
            tabel, jejak = self.asli.copy(), []
            for kode in daftar:
                tabel, nomor = LANGKAH[kode].fungsi(tabel)
                jejak.append((kode, nomor))
            self._ingatan[kunci] = (tabel, jejak)
        tabel, jejak = self._ingatan[kunci]
        return tabel.copy(), list(jejak)

    @property
    def tabel(self) -> pd.DataFrame:
        return self._putar(self.langkah)[0]

    def riwayat(self) -> list[tuple[Langkah, list]]:
        """The steps applied, each with the rows (as in Excel) it changed or removed."""
        return [(LANGKAH[k], nomor) for k, nomor in self._putar(self.langkah)[1]]

    def tersedia(self) -> list[tuple[Langkah, list]]:
        """Steps not yet applied that would change something now, with the rows they touch."""
        tabel = self.tabel
        hasil = []
        for kode, lk in LANGKAH.items():
            if kode in self.langkah:
                continue
            _, nomor = lk.fungsi(tabel)
            if nomor:
                hasil.append((lk, nomor))
        return hasil

    def terapkan(self, kode: str) -> None:
        if kode in LANGKAH and kode not in self.langkah:
            self.langkah.append(kode)

    def urungkan(self, kode: str | None = None) -> None:
        """Undo one step (the last one if none is named); later steps stay applied."""
        if kode is None and self.langkah:
            self.langkah.pop()
        elif kode in self.langkah:
            self.langkah.remove(kode)


# --- Clean data for tables ----------------------------------------------------------------


def data_siap(tabel: pd.DataFrame) -> tuple[pd.DataFrame, list]:
    """Rows that can be counted (typed: rw, rt int; kelompok_umur ordered; counts int) and
    the row numbers left out because they still have a problem."""
    kolom = ["rw", "rt", "kelompok_umur", "laki_laki", "perempuan"]
    if any(k not in tabel for k in kolom):
        return pd.DataFrame(columns=kolom), list(tabel.index)
    jumlah_baris = set(baris_jumlah(tabel))
    baik, keluar, dilihat = [], [], set()
    for no, b in tabel.iterrows():
        rw, rt = baca_kode(b["rw"]), baca_kode(b["rt"])
        umur = baca_kelompok_umur(b["kelompok_umur"])
        lk, p = bilangan_cacah(b["laki_laki"]), bilangan_cacah(b["perempuan"])
        if no in jumlah_baris or None in (rw, rt, umur, lk, p) or (rw, rt, umur) in dilihat:
            keluar.append(no)
            continue
        dilihat.add((rw, rt, umur))
        baik.append({"rw": rw, "rt": rt, "kelompok_umur": umur, "laki_laki": lk, "perempuan": p})
    hasil = pd.DataFrame(baik, columns=kolom)
    hasil["kelompok_umur"] = pd.Categorical(
        hasil["kelompok_umur"], categories=list(KELOMPOK_UMUR), ordered=True
    )
    return hasil.astype({"rw": int, "rt": int, "laki_laki": int, "perempuan": int}), keluar


# --- The template with fictional example data ---------------------------------------------

META_CONTOH = MetaKelurahan(
    kelurahan=f"Kelurahan Contoh Fiktif ({TANDA_FIKTIF})",
    kecamatan="Kecamatan Contoh (fiktif)",
    periode="Desember 2024 (contoh)",
    sumber=f"{TANDA_FIKTIF}: angka karangan dari program (seed 2025), bukan data kelurahan nyata",
    kontak="Petugas statistik kelurahan, telepon kantor (contoh)",
    luas_km2=1.25,
    daftar_rt="RW 01: RT 1-4; RW 02: RT 1-3; RW 03: RT 1-5; RW 04: RT 1-3",
)
SEED_CONTOH = 2025  # the same fictional numbers every time (tests, screenshots, guides)


def contoh_fiktif(seed: int = SEED_CONTOH) -> pd.DataFrame:
    """Invented counts for the fictional kelurahan: a young-ish urban age structure, random
    (seeded) per RT. Every row says DATA CONTOH FIKTIF."""
    rng = np.random.default_rng(seed)
    # Share of people per age group, a smooth made-up shape (not any real kelurahan).
    bentuk = np.array([7.6, 7.8, 7.9, 7.8, 7.9, 7.8, 7.6, 7.4, 7.1, 6.7, 6.0, 5.2, 4.3, 3.3,
                       2.5, 3.1])  # fmt: skip
    bentuk = bentuk / bentuk.sum()
    baris = []
    for rw, daftar in sorted(baca_daftar_rt(META_CONTOH.daftar_rt).items()):
        for rt in sorted(daftar):
            penduduk = rng.integers(180, 320)
            for i, umur in enumerate(KELOMPOK_UMUR):
                rata = penduduk * bentuk[i] / 2
                lk = int(rng.poisson(rata * (0.92 if i >= 13 else 1.03)))
                p = int(rng.poisson(rata * (1.12 if i >= 13 else 0.99)))
                baris.append((rw, rt, umur, lk, p, lk + p, TANDA_FIKTIF))
    return pd.DataFrame(
        baris,
        columns=["rw", "rt", "kelompok_umur", "laki_laki", "perempuan", "jumlah", "keterangan"],
    )


PETUNJUK = (
    "Cara mengisi template data penduduk kelurahan",
    "",
    "1. Isi lembar “Isian”: satu baris untuk setiap RW × RT × kelompok umur.",
    "2. Judul kolom ada di baris 4. Jangan ubah judulnya, jangan gabungkan (merge) sel.",
    "3. RW dan RT: tulis nomornya saja (1 atau 01). Kelompok umur: 0-4, 5-9, …, 70-74, 75+.",
    "4. laki_laki dan perempuan: banyaknya orang (bilangan bulat, tanpa titik/koma, tanpa "
    "kata “jiwa”). Tulis 0 jika tidak ada, jangan dikosongkan.",
    "5. Kolom jumlah boleh diisi (laki_laki + perempuan) atau dikosongkan; jika diisi, diperiksa.",
    "6. Jangan menambahkan baris “Jumlah”/“Total” di bawah data: aplikasi menghitungnya sendiri.",
    "7. Hapus semua baris contoh yang bertanda DATA CONTOH FIKTIF, lalu isi data Anda.",
    "8. Isi lembar “Metadata”: nama kelurahan, periode, sumber, kontak, luas, daftar RW dan RT.",
    "9. Simpan sebagai .xlsx (atau CSV UTF-8). Batas ukuran unggahan 8 MB.",
    "",
    "Definisi kolom:",
)


def buat_template(seed: int = SEED_CONTOH) -> bytes:
    """The template workbook (Isian, Petunjuk, Metadata) with the fictional example filled in."""
    from openpyxl import Workbook
    from openpyxl.styles import Font, PatternFill

    buku = Workbook()
    isian = buku.active
    isian.title = "Isian"
    isian["A1"] = (
        f"{TANDA_FIKTIF} — template data penduduk kelurahan menurut RW, RT, kelompok "
        "umur dan jenis kelamin"
    )
    isian["A1"].font = Font(bold=True, color="B00020", size=13)
    isian["A2"] = (
        "Baris di bawah ini contoh karangan (fiktif). Hapus semuanya lalu isi data "
        "kelurahan Anda mulai baris 5. Lihat lembar Petunjuk."
    )
    contoh = contoh_fiktif(seed)
    judul = [LABEL_KOLOM[k] for k in contoh.columns]
    for j, teks in enumerate(judul, start=1):
        sel = isian.cell(row=4, column=j, value=teks)
        sel.font = Font(bold=True)
        sel.fill = PatternFill("solid", fgColor="DDEBF2")
    for i, b in enumerate(contoh.itertuples(index=False), start=5):
        for j, v in enumerate(b, start=1):
            isian.cell(row=i, column=j, value=v.item() if hasattr(v, "item") else v)
    for kolom, lebar in zip("ABCDEFG", (6, 6, 15, 11, 11, 9, 22), strict=True):
        isian.column_dimensions[kolom].width = lebar
    isian.freeze_panes = "A5"

    petunjuk = buku.create_sheet("Petunjuk")
    for teks in PETUNJUK:
        petunjuk.append([teks])
    for nama, arti in DEFINISI.items():
        petunjuk.append([f"• {nama}: {arti}"])
    petunjuk["A1"].font = Font(bold=True, size=13)
    petunjuk.column_dimensions["A"].width = 110

    meta = buku.create_sheet("Metadata")
    meta.append(["Keterangan", "Isi"])
    for label, nilai in META_CONTOH.baris():
        meta.append(
            [label, nilai if label != MetaKelurahan.LABEL["luas_km2"] else META_CONTOH.luas_km2]
        )
    meta.append(["Catatan", f"{TANDA_FIKTIF}: ganti semua isian ini dengan keterangan data Anda."])
    meta.column_dimensions["A"].width = 22
    meta.column_dimensions["B"].width = 80
    for sel in meta[1]:
        sel.font = Font(bold=True)
    keluaran = io.BytesIO()
    buku.save(keluaran)
    return keluaran.getvalue()


def berkas_contoh_bermasalah(seed: int = SEED_CONTOH) -> bytes:
    """A fictional CSV the way files often arrive (for practice): semicolons, Windows-1252,
    a header with spaces and units, thousand dots, '12 jiwa', a negative count, an unknown RT,
    an unknown age group, a duplicated row, a wrong jumlah and a totals row at the bottom."""
    contoh = contoh_fiktif(seed)
    contoh = contoh[contoh["rw"] <= 2].reset_index(drop=True)
    baris = ["RW;RT;Kelompok Umur;Laki-laki (jiwa);Perempuan (jiwa);Jumlah;Keterangan"]
    for i, b in contoh.iterrows():
        lk, p, j = str(b.laki_laki), str(b.perempuan), str(b.jumlah)
        umur = b.kelompok_umur.replace("-", " - ")
        if i == 3:
            lk = f"{b.laki_laki} jiwa"
        if i == 7:
            p = f"-{b.perempuan}"
        if i == 10:
            j = str(b.jumlah + 10)
        if i == 20:
            umur = "80+"
        baris.append(f"RW {b.rw:02d};{b.rt:03d};{umur};{lk};{p};{j};{TANDA_FIKTIF} – latihan")
        if i == 5:
            baris.append(baris[-1])  # the same row pasted twice
    baris.append(
        f"RW 02;009;0 - 4;1;1;2;{TANDA_FIKTIF} – latihan"
    )  # an RT the kelurahan doesn't have
    lk, p = int(contoh["laki_laki"].sum()), int(contoh["perempuan"].sum())
    baris.append(
        f"Jumlah;;;{format_angka(lk)};{format_angka(p)};{format_angka(lk + p)};"
        f"{TANDA_FIKTIF} – latihan"
    )
    return ("\r\n".join(baris) + "\r\n").encode("cp1252")
