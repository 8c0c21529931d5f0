"""Checks and cleaning of kelurahan population tables in any shape, and the kit's template.

The table is first read by `literasi.kelurahan.bentuk` (columns mapped to roles, every count
cell in one long table that remembers where it stands). Here:

- `periksa()` runs every check on every shape that has the columns for it, and never stops at
  the first problem: a file without an RW column still gets its negative counts, fractions,
  text in number cells and wrong totals listed. Each problem names the sheet, the row Excel
  shows and the user's own column header with its letter ("baris 7, kolom C “Jml L”").
- Totals rows ("Jumlah", "Total", "Subtotal RW 02") are recognised, checked against the rows
  they add up, and never counted again.
- `Pembersihan` applies cleaning steps (text to numbers, RW/RT codes written several ways made
  one, exact duplicates removed) to copies, in order; any step can be undone; the tables read
  from the file are never changed.
- `data_siap()`: the counts that can be used (no totals row, no row with a problem to fix).
- `buat_templat()` writes the kit's template .xlsx (the recommended form, not the only one) at
  run time with clearly fictional example data (seeded), so no binary file is committed.
"""

from __future__ import annotations

import io
import re
from collections import defaultdict
from dataclasses import dataclass, field, replace

import numpy as np
import pandas as pd

from literasi.format import format_angka
from literasi.kelurahan.bentuk import (
    NAMA_JK,
    Peran,
    Sumber,
    baca_kode,
    label_jumlah,
    uraikan,
)
from literasi.unggah import Masalah, angka_sel

KELOMPOK_UMUR = tuple(f"{a}-{a + 4}" for a in range(0, 75, 5)) + ("75+",)
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


def _kunci(nama) -> str:
    tanpa_satuan = re.sub(r"\(.*?\)", "", str(nama))
    return re.sub(r"[^a-z0-9+]", "", tanpa_satuan.lower()).replace("+", "")


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


# --- Checks -------------------------------------------------------------------------------


def _di(sumber: list[Sumber], lembar, baris, kolom, pesan, tingkat="galat") -> Masalah:
    lembar = lembar or None
    huruf = next((s.huruf.get(kolom) for s in sumber if s.lembar == lembar), None)
    return Masalah(lembar, baris, kolom, pesan, tingkat, huruf)


def _teks_kunci(rw, rt, umur) -> str:
    bagian = []
    if rw is not None:
        bagian.append(f"RW {rw:02d}")
    if rt is not None:
        bagian.append(f"RT {rt:02d}")
    if umur is not None:
        bagian.append(f"umur {umur.label}")
    return ", ".join(bagian)


def periksa(
    sumber: list[Sumber], pemetaan: dict[str, Peran], meta: MetaKelurahan | None = None
) -> tuple[pd.DataFrame, list[Masalah]]:
    """Every count cell (the long table of `bentuk.uraikan`) and every problem of the file."""
    meta = meta or MetaKelurahan()
    sel, masalah = uraikan(sumber, pemetaan)
    sel["lembar"] = sel["lembar"].fillna("")  # a CSV has no sheet; groupby needs a value
    jenis = {p.jenis for p in pemetaan.values()}
    lembar = sumber[0].lembar if sumber else None
    if not any(p.hitungan for p in pemetaan.values()):
        masalah.append(
            Masalah(
                lembar,
                None,
                None,
                "belum ada kolom yang dibaca sebagai banyak penduduk "
                "(laki-laki, perempuan, atau jumlah). Pilih peran kolom itu di daftar "
                "pemetaan kolom; tabel dan grafik menunggu kolom ini.",
            )  # fmt: skip
        )
    ada_rw = "rw" in jenis or any(s.rw is not None for s in sumber)
    if not ada_rw:
        masalah.append(
            Masalah(lembar, None, None, "tidak ada kolom RW, jadi tabel per RW tidak bisa dibuat. "
                    "Jika ada kolom nomor RW, pilih perannya “nomor RW”.", "peringatan")
        )  # fmt: skip
    _periksa_jumlah_baris(sel, sumber, masalah)
    _periksa_baris_total(sel, sumber, masalah)
    _periksa_duplikat(sumber, pemetaan, sel, masalah)
    _periksa_ejaan_kode(sumber, pemetaan, masalah)
    _periksa_daftar(sel, sumber, pemetaan, meta, ada_rw, masalah)
    _periksa_umur(sel, masalah, lembar)
    fiktif = [
        (s.lembar, no)
        for s in sumber
        for k, p in pemetaan.items()
        if p.jenis == "keterangan" and k in s.tabel
        for no, v in s.tabel[k].items()
        if isinstance(v, str) and TANDA_FIKTIF.lower() in v.lower()
    ]
    if fiktif:
        masalah.append(
            Masalah(
                lembar,
                None,
                None,
                f"{format_angka(len(fiktif))} baris bertanda "
                f"“{TANDA_FIKTIF}”. Angka ini karangan, bukan data kelurahan mana pun: ganti "
                "dengan data Anda sebelum dipakai.",
                "peringatan",
            )  # fmt: skip
        )
    return sel, masalah


def _periksa_jumlah_baris(sel: pd.DataFrame, sumber, masalah: list) -> None:
    """Written totals in a row: men + women = total, and the age columns add up to a row total."""
    ada = sel[sel["nilai"].notna()]
    for (lembar, baris, _), g in ada.groupby(["lembar", "baris", "umur"], dropna=False):
        nilai = dict(zip(g["jk"], g["nilai"], strict=False))
        if {"L", "P", "J"} <= set(nilai) and nilai["L"] + nilai["P"] != nilai["J"]:
            k = g.loc[g["jk"] == "J", "kolom"].iloc[0]
            masalah.append(
                _di(
                    sumber,
                    lembar,
                    baris,
                    k,
                    f"laki-laki + perempuan = {format_angka(nilai['L'])}"
                    f" + {format_angka(nilai['P'])} = {format_angka(nilai['L'] + nilai['P'])}, "
                    f"tetapi jumlah tertulis {format_angka(nilai['J'])}.",
                )  # fmt: skip
            )
    if sel["umur"].isna().all() or sel["umur"].notna().all():
        return
    for (lembar, baris, jk), g in ada.groupby(["lembar", "baris", "jk"], dropna=False):
        total, per_umur = g[g["umur"].isna()], g[g["umur"].notna()]
        hitung = int(per_umur["nilai"].sum())
        if len(total) == 1 and len(per_umur) and hitung != total["nilai"].iloc[0]:
            masalah.append(
                _di(sumber, lembar, baris, total["kolom"].iloc[0],
                    f"jumlah kolom per umur ({NAMA_JK[jk]}) = {format_angka(hitung)}, tetapi "
                    f"kolom ini menulis {format_angka(int(total['nilai'].iloc[0]))}.")
            )  # fmt: skip


def _periksa_baris_total(sel: pd.DataFrame, sumber, masalah: list) -> None:
    """A totals row adds up the data rows above it since the previous totals row, or all the
    data rows of the sheet (a grand total), or those of its RW (a subtotal with an RW code)."""
    for lembar, g in sel.groupby("lembar", dropna=False):
        data = g[~g["jumlah_baris"]]
        total = g[g["jumlah_baris"] & g["nilai"].notna()]
        awal_blok = -1
        for baris, gt in total.groupby("baris"):
            blok = data[(data["baris"] > awal_blok) & (data["baris"] < baris)]
            rw = gt["rw"].dropna()
            for _, t in gt.iterrows():
                sama = (blok["jk"] == t["jk"]) & _umur_sama(blok["umur"], t["umur"])
                calon = [int(blok.loc[sama, "nilai"].sum())]
                semua = (data["jk"] == t["jk"]) & _umur_sama(data["umur"], t["umur"])
                calon.append(int(data.loc[semua, "nilai"].sum()))
                if len(rw):
                    calon.insert(
                        0, int(data.loc[semua & (data["rw"] == rw.iloc[0]), "nilai"].sum())
                    )
                kosong = int(data.loc[semua, "nilai"].isna().sum())
                if int(t["nilai"]) not in calon:
                    masalah.append(
                        _di(sumber, lembar, baris, t["kolom"],
                            f"baris jumlah menulis {format_angka(int(t['nilai']))}, padahal baris "
                            f"data di atasnya berjumlah {format_angka(calon[-2])}"
                            + (f" (semua baris data: {format_angka(calon[-1])})"
                               if calon[-1] != calon[-2] else "")
                            + (f", tanpa {kosong} sel yang belum terbaca" if kosong else "")
                            + ". Periksa angka di baris-baris itu.")
                    )  # fmt: skip
            awal_blok = baris


def _umur_sama(seri: pd.Series, umur) -> pd.Series:
    """Cells of the same age group; for a total without age: the row totals if the table has
    them (wide tables), else every age."""
    if umur is None or umur is pd.NA or (isinstance(umur, float) and np.isnan(umur)):
        return seri.isna() if seri.isna().any() else pd.Series(True, index=seri.index)
    return seri == umur


def _periksa_duplikat(sumber, pemetaan, sel: pd.DataFrame, masalah: list) -> None:
    """The same row twice (exactly, or the same RW/RT/age with other numbers)."""
    kunci = [
        k for k, p in pemetaan.items() if p.jenis in ("rw", "rt", "kelompok_umur", "jenis_kelamin")
    ]
    for s in sumber:
        data = s.tabel[
            [not any(label_jumlah(v) for v in b) for b in s.tabel.itertuples(index=False)]
        ]
        isi = data.apply(lambda b: "|".join(map(str, b)), axis=1)
        pertama: dict[str, object] = {}
        for no, teks in isi.items():
            if teks in pertama:
                masalah.append(
                    Masalah(
                        s.lembar,
                        no,
                        None,
                        f"baris ini sama persis dengan baris {pertama[teks]} "
                        "(duplikat). Hapus salah satunya.",
                    )  # fmt: skip
                )
            else:
                pertama[teks] = no
        ada = [k for k in kunci if k in data]
        if not ada and s.rw is None:
            continue
        lihat: dict[tuple, object] = {}
        for no, b in data.iterrows():
            if isi[no] in pertama and pertama[isi[no]] != no:
                continue  # already named as an exact duplicate
            kode = tuple(_normal_kunci(b[k], pemetaan[k]) for k in ada)
            if None in kode:
                continue
            if kode in lihat:
                masalah.append(
                    Masalah(
                        s.lembar,
                        no,
                        None,
                        f"{', '.join(f'{k} {b[k]}' for k in ada)} sudah ada "
                        f"di baris {lihat[kode]} dengan angka berbeda. Periksa mana yang "
                        "benar.",
                    )  # fmt: skip
                )
            else:
                lihat[kode] = no


def _normal_kunci(v, peran: Peran):
    from literasi.kelurahan.bentuk import baca_jk, baca_umur

    if peran.jenis in ("rw", "rt"):
        return baca_kode(v)
    if peran.jenis == "kelompok_umur":
        return baca_umur(v, tunggal=True)
    return baca_jk(v)


def _periksa_ejaan_kode(sumber, pemetaan, masalah: list) -> None:
    """The same RW written several ways ("RW 01", "rw1", "01"): read as one, said once."""
    for k, p in pemetaan.items():
        if p.jenis not in ("rw", "rt"):
            continue
        ejaan: dict[int, set[str]] = defaultdict(set)
        for s in sumber:
            if k in s.tabel:
                for v in s.tabel[k].dropna():
                    kode = baca_kode(v)
                    if kode is not None:
                        ejaan[kode].add(str(v).strip())
        ragam = sorted({e for es in ejaan.values() for e in es if re.search(r"\D", e)})
        cara = {re.sub(r"\d+", "#", e.lower()) for es in ejaan.values() for e in es}
        if len(cara) > 1:
            nama = p.jenis.upper()
            contoh = ", ".join(f"“{e}”" for e in (ragam or sorted(next(iter(ejaan.values()))))[:4])
            masalah.append(
                _di(sumber, sumber[0].lembar, None, k, f"kode {nama} ditulis dengan {len(cara)} "
                    f"cara ({contoh}); aplikasi membacanya sebagai nomor yang sama. Langkah "
                    "“Seragamkan kode RW/RT” menyeragamkannya (bisa diurungkan).", "peringatan")
            )  # fmt: skip


def _periksa_daftar(sel, sumber, pemetaan, meta, ada_rw: bool, masalah: list) -> None:
    daftar = baca_daftar_rt(meta.daftar_rt)
    if not ada_rw:
        return
    if not daftar:
        masalah.append(
            Masalah(
                sumber[0].lembar if sumber else None,
                None,
                None,
                "daftar RW dan RT belum "
                "diisi, jadi kode RW/RT tidak dicocokkan. Isi di bagian keterangan data, mis. "
                "“RW 01: RT 1-5; RW 02: RT 1-4”.",
                "peringatan",
            )  # fmt: skip
        )
        return
    kolom_rw = next((k for k, p in pemetaan.items() if p.jenis == "rw"), None)
    kolom_rt = next((k for k, p in pemetaan.items() if p.jenis == "rt"), None)
    dilihat = set()
    for _, t in sel[~sel["jumlah_baris"]].iterrows():
        rw, rt = t["rw"], t["rt"]
        kunci = (t["lembar"], t["baris"])
        if kunci in dilihat or rw is None or pd.isna(rw):
            continue
        dilihat.add(kunci)
        rw = int(rw)
        if rw not in daftar:
            masalah.append(
                _di(
                    sumber,
                    t["lembar"],
                    t["baris"],
                    kolom_rw,
                    f"RW {rw:02d} tidak ada di daftar "
                    f"RW kelurahan ({', '.join(f'{r:02d}' for r in sorted(daftar))}).",
                )  # fmt: skip
            )
        elif rt is not None and not pd.isna(rt) and int(rt) not in daftar[rw]:
            masalah.append(
                _di(
                    sumber,
                    t["lembar"],
                    t["baris"],
                    kolom_rt,
                    f"RT {int(rt):02d} tidak ada di "
                    f"daftar RT untuk RW {rw:02d} "
                    f"({', '.join(f'{r:02d}' for r in sorted(daftar[rw]))}).",
                )  # fmt: skip
            )


def _periksa_umur(sel: pd.DataFrame, masalah: list, lembar) -> None:
    data = sel[~sel["jumlah_baris"] & sel["umur"].notna()]
    if data.empty:
        return
    umur = sorted(set(data["umur"]))
    tumpang = [
        (a, b) for a, b in zip(umur, umur[1:], strict=False)
        if a.atas is None or b.bawah <= a.atas
    ]  # fmt: skip
    if tumpang:
        a, b = tumpang[0]
        masalah.append(
            Masalah(
                lembar,
                None,
                None,
                f"kelompok umur tumpang tindih ({a.label} dan {b.label}): "
                "orang yang sama bisa terhitung dua kali. Pakai satu cara pengelompokan.",
                "peringatan",
            )  # fmt: skip
        )
    if len(umur) < 2:
        return
    kurang: dict[tuple, list[str]] = defaultdict(list)  # missing groups -> places
    for (rw, rt), g in data.groupby(["rw", "rt"], dropna=False):
        hilang = tuple(u.label for u in umur if u not in set(g["umur"]))
        if hilang:
            rw = None if pd.isna(rw) else int(rw)
            rt = None if pd.isna(rt) else int(rt)
            kurang[hilang].append(_teks_kunci(rw, rt, None) or "tabel")
    for hilang, tempat in kurang.items():
        lagi = f" dan {len(tempat) - 6} lainnya" if len(tempat) > 6 else ""
        masalah.append(
            Masalah(
                lembar,
                None,
                None,
                f"kelompok umur {', '.join(hilang[:5])}"
                f"{' …' if len(hilang) > 5 else ''} belum ada untuk {', '.join(tempat[:6])}"
                f"{lagi}. Tambahkan barisnya (isi 0 jika memang tidak ada penduduk).",
                "peringatan",
            )  # fmt: skip
        )


# --- Usable counts ------------------------------------------------------------------------


def data_siap(sel: pd.DataFrame, masalah: list[Masalah]) -> tuple[pd.DataFrame, list]:
    """Counts that can be used, one row per place and age: rw, rt, umur, L, P, J (J = L + P
    where both exist), and the (sheet, row) pairs left out: totals rows and rows with a problem
    to fix (red in the report), so a doubtful number never reaches a table."""
    salah = {
        (m.lembar or "", m.baris) for m in masalah if m.tingkat == "galat" and m.baris is not None
    }
    baris = sel[["lembar", "baris"]].apply(tuple, axis=1) if len(sel) else pd.Series(dtype=object)
    keluar_mask = sel["jumlah_baris"] | baris.isin(salah) if len(sel) else pd.Series(dtype=bool)
    keluar = sorted(set(baris[keluar_mask]), key=lambda x: (str(x[0]), x[1])) if len(sel) else []
    pakai = sel[~keluar_mask] if len(sel) else sel
    if len(pakai) and pakai["umur"].notna().any():
        # A wide table's row totals (no age) are checked, not counted again.
        per_umur = set(pakai.loc[pakai["umur"].notna(), ["lembar", "baris"]].apply(tuple, axis=1))
        total_baris = pakai["umur"].isna() & pakai[["lembar", "baris"]].apply(tuple, axis=1).isin(
            per_umur
        )
        pakai = pakai[~total_baris]
    kunci = ["rw", "rt", "umur"]
    if pakai.empty:
        return pd.DataFrame(columns=[*kunci, "L", "P", "J"]), keluar
    lebar = (
        pakai.assign(**{k: pakai[k].astype(object) for k in kunci})
        .pivot_table(index=kunci, columns="jk", values="nilai", aggfunc="sum", dropna=False)
        .reset_index()
    )
    for jk in ("L", "P", "J"):
        if jk not in lebar:
            lebar[jk] = pd.NA
    lebar["J"] = (lebar["L"] + lebar["P"]).where(
        lebar["L"].notna() & lebar["P"].notna(), lebar["J"]
    )
    lebar = lebar.dropna(subset=["J"], how="all")
    lebar.columns.name = None
    return lebar[[*kunci, "L", "P", "J"]].astype({"L": "Int64", "P": "Int64", "J": "Int64"}), keluar


# --- Cleaning steps -----------------------------------------------------------------------


def teks_ke_angka(nilai):
    """'12 jiwa' -> 12, '1 234' -> 1234, '-' (BPS: nihil) -> 0; other values unchanged.

    >>> teks_ke_angka("12 jiwa"), teks_ke_angka("1 234"), teks_ke_angka("-"), teks_ke_angka("x")
    (12, 1234, 0, 'x')
    """
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


def _teks_angka(tabel: pd.DataFrame, pemetaan):
    baru, nomor = tabel.copy(), []
    for k in [k for k, p in pemetaan.items() if p.hitungan and k in tabel]:
        if baru[k].dtype != object:
            baru[k] = baru[k].astype(object)
        for no, v in tabel[k].items():
            ubah = teks_ke_angka(v)
            if ubah is not v and ubah != v and not label_jumlah(v):
                baru.at[no, k] = ubah
                nomor.append(no)
    return baru, sorted(set(nomor))


def _seragamkan_kode(tabel: pd.DataFrame, pemetaan):
    baru, nomor = tabel.copy(), []
    for k in [k for k, p in pemetaan.items() if p.jenis in ("rw", "rt") and k in tabel]:
        if baru[k].dtype != object:
            baru[k] = baru[k].astype(object)
        for no, v in tabel[k].items():
            kode = baca_kode(v)
            if kode is not None and isinstance(v, str):
                baru.at[no, k] = kode
                nomor.append(no)
    return baru, sorted(set(nomor))


def _hapus_duplikat(tabel: pd.DataFrame, _pemetaan):
    sama = tabel.astype(str).duplicated(keep="first")
    nomor = list(tabel.index[sama])
    return tabel.drop(index=nomor), nomor


@dataclass(frozen=True)
class Langkah:
    kode: str
    judul: str
    penjelasan: str
    fungsi: object  # (tabel, pemetaan) -> (tabel baru, nomor baris yang berubah)


LANGKAH = {
    lk.kode: lk
    for lk in (
        Langkah(
            "teks_angka",
            "Ubah teks angka menjadi angka",
            "“12 jiwa” → 12, “1 234” → 1234, “-” (nihil, cara BPS) → 0.",
            _teks_angka,
        ),
        Langkah(
            "seragamkan_kode",
            "Seragamkan kode RW/RT",
            "“RW 01”, “rw1”, “RW.01”, “001” → 1: satu cara menulis untuk setiap nomor.",
            _seragamkan_kode,
        ),
        Langkah(
            "hapus_duplikat",
            "Hapus baris duplikat",
            "Baris yang sama persis dengan baris di atasnya dihapus (yang pertama disimpan).",
            _hapus_duplikat,
        ),
    )
}


@dataclass
class Pembersihan:
    """Cleaning steps applied in order to copies of the tables read; any step can be undone.

    `asli` is never changed: every `sumber` is rebuilt from it by replaying the steps, which
    depend on the column roles (`pemetaan`).
    """

    asli: list[Sumber]
    langkah: list[str] = field(default_factory=list)
    _ingatan: dict = field(default_factory=dict, repr=False, compare=False)

    def _putar(self, daftar: list[str], pemetaan) -> tuple[list[Sumber], list[tuple[str, list]]]:
        kunci = (tuple(daftar), tuple(sorted((k, p) for k, p in pemetaan.items())))
        if kunci not in self._ingatan:  # replaying is pure: remember each sequence once
            sumber = [replace(s, tabel=s.tabel.copy()) for s in self.asli]
            jejak = []
            for kode in daftar:
                nomor = []
                for i, s in enumerate(sumber):
                    tabel, berubah = LANGKAH[kode].fungsi(s.tabel, pemetaan)
                    sumber[i] = replace(s, tabel=tabel)
                    nomor += [(s.lembar, n) for n in berubah]
                jejak.append((kode, nomor))
            self._ingatan[kunci] = (sumber, jejak)
        sumber, jejak = self._ingatan[kunci]
        return [replace(s, tabel=s.tabel.copy()) for s in sumber], list(jejak)

    def sumber(self, pemetaan) -> list[Sumber]:
        return self._putar(self.langkah, pemetaan)[0]

    def riwayat(self, pemetaan) -> list[tuple[Langkah, list]]:
        """The steps applied, each with the (sheet, row) pairs it changed or removed."""
        return [(LANGKAH[k], nomor) for k, nomor in self._putar(self.langkah, pemetaan)[1]]

    def tersedia(self, pemetaan) -> list[tuple[Langkah, list]]:
        """Steps not yet applied that would change something now, with the rows they touch."""
        sumber = self.sumber(pemetaan)
        hasil = []
        for kode, lk in LANGKAH.items():
            if kode in self.langkah:
                continue
            nomor = [(s.lembar, n) for s in sumber for n in lk.fungsi(s.tabel, pemetaan)[1]]
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


def daftar_baris(nomor: list) -> str:
    """[('Isian', 5), ('Isian', 8)] or [5, 8] -> 'baris 5, 8'; more than six -> a count.

    >>> daftar_baris([5, 8]), daftar_baris([("RW 01", 3), ("RW 02", 4)])
    ('baris 5, 8', 'lembar “RW 01” baris 3; lembar “RW 02” baris 4')
    """
    if not nomor:
        return ""
    if isinstance(nomor[0], tuple):
        per: dict = defaultdict(list)
        for lembar, n in nomor:
            per[lembar].append(n)
        if len(per) == 1:
            return daftar_baris(next(iter(per.values())))
        return "; ".join(f"lembar “{lb}” {daftar_baris(ns)}" for lb, ns in per.items())
    if len(nomor) <= 6:
        return "baris " + ", ".join(str(n) for n in nomor)
    awal = ", ".join(str(n) for n in nomor[:4])
    return f"{len(nomor)} baris ({awal}, …)"


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
    "Cara mengisi templat data penduduk kelurahan",
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


def buat_templat(seed: int = SEED_CONTOH) -> bytes:
    """The template workbook (Isian, Petunjuk, Metadata) with the fictional example filled in."""
    from openpyxl import Workbook
    from openpyxl.styles import Font, PatternFill

    buku = Workbook()
    isian = buku.active
    isian.title = "Isian"
    isian["A1"] = (
        f"{TANDA_FIKTIF} — templat data penduduk kelurahan menurut RW, RT, kelompok "
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
