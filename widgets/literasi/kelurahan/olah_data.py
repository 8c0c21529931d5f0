"""The model of app K02 (no widgets): a kelurahan's uploaded file, from bytes to reports.

`OlahData` keeps the uploaded bytes as they came (`asli`, with their SHA-256) and derives
everything else from them: the sheet read, the column roles (proposed, then corrected by the
user), the cleaning steps applied to copies, the checks, the usable counts, the tables, charts
and indicators the data allow, and the Excel, CSV and PDF files (through `literasi.ekspor`).
The view (`olah_data_kelurahan.OlahDataKelurahan`) only shows this state and changes it.
"""

from __future__ import annotations

import hashlib
from dataclasses import astuple

import pandas as pd

from literasi import ekspor
from literasi.format import format_angka
from literasi.kelurahan import bentuk as bt
from literasi.kelurahan import tabulasi as tb
from literasi.kelurahan import validasi as vk
from literasi.unggah import HasilBaca, Masalah, baca_berkas

NAMA_TEMPLAT = "templat_penduduk_kelurahan.xlsx"
NAMA_LATIHAN = "latihan_berkas_bermasalah_FIKTIF.csv"
RUMUS = (
    ("Rasio jenis kelamin", "laki-laki ÷ perempuan × 100"),
    ("Rasio ketergantungan", "(penduduk 0-14 + 65+) ÷ penduduk 15-64 × 100"),
    ("Kepadatan penduduk", "jumlah penduduk ÷ luas wilayah (km²)"),
)


class OlahData:
    """One uploaded file and every table derived from it; the bytes are never changed."""

    def __init__(self, nama_berkas: str, isi: bytes, meta: vk.MetaKelurahan | None = None):
        self.nama_berkas = nama_berkas
        self.asli = bytes(isi)
        self.sidik = hashlib.sha256(self.asli).hexdigest()
        self.meta = meta or vk.MetaKelurahan()
        self.hasil: HasilBaca = baca_berkas(nama_berkas, self.asli)
        self._ingatan: tuple | None = None
        self._mulai()
        if self.hasil.metadata and meta is None:
            self.meta = vk.MetaKelurahan.dari_dict(self.hasil.metadata)

    def _mulai(self) -> None:
        """Roles proposed afresh and no cleaning step, for the table just read."""
        self.asal = bt.sumber_dari(self.hasil)
        self.pemetaan = bt.usul_pemetaan(self.hasil.tabel) if self.asal else {}
        self.pembersihan = vk.Pembersihan(self.asal)

    # --- What the user changes ----------------------------------------------------------

    def pilih_lembar(self, lembar: str) -> None:
        self.hasil = baca_berkas(self.nama_berkas, self.asli, lembar=lembar)
        self._mulai()

    def ubah_peran(self, kolom: str, peran: bt.Peran) -> None:
        self.pemetaan = {**self.pemetaan, kolom: peran}

    def terapkan(self, kode: str) -> None:
        self.pembersihan.terapkan(kode)

    def urungkan(self, kode: str | None = None) -> None:
        self.pembersihan.urungkan(kode)

    # --- Derived (remembered while nothing changes) -------------------------------------

    def _hitung(self) -> tuple:
        kunci = (
            id(self.hasil),
            tuple(self.pembersihan.langkah),
            tuple(sorted(self.pemetaan.items())),
            astuple(self.meta),
        )
        if self._ingatan is None or self._ingatan[0] != kunci:
            sumber = self.pembersihan.sumber(self.pemetaan)
            sel, masalah = vk.periksa(sumber, self.pemetaan, self.meta) if sumber else (None, [])
            masalah = list(self.hasil.masalah) + masalah
            if sel is None:
                sel = pd.DataFrame(columns=bt.KOLOM_SEL)
            data, keluar = vk.data_siap(sel, masalah)
            self._ingatan = (kunci, sumber, sel, masalah, data, keluar)
        return self._ingatan

    @property
    def sumber(self) -> list[bt.Sumber]:
        return self._hitung()[1]

    @property
    def masalah(self) -> list[Masalah]:
        return list(self._hitung()[3])

    @property
    def data(self) -> pd.DataFrame:
        """Usable counts: rw, rt, umur, L, P, J."""
        return self._hitung()[4]

    @property
    def keluar(self) -> list[tuple]:
        """(sheet, row) pairs left out: totals rows and rows with a problem to fix."""
        return self._hitung()[5]

    @property
    def bentuk(self) -> bt.Bentuk | None:
        if not self.asal:
            return None
        return bt.bentuk_dari(self.sumber, self.pemetaan, self._hitung()[2])

    @property
    def keluaran(self) -> tb.Keluaran:
        return tb.keluaran(self.data, self.meta.judul, self.meta.luas_km2)

    @property
    def fiktif(self) -> bool:
        teks = " ".join([self.meta.kelurahan, self.meta.sumber, self.nama_berkas])
        for s in self.sumber:
            for k in s.tabel.columns:
                if s.tabel[k].dtype == object:
                    teks += " " + " ".join(str(v) for v in s.tabel[k].dropna().unique()[:50])
        return vk.TANDA_FIKTIF.lower() in teks.lower()

    def kalimat_pemetaan(self) -> list[str]:
        huruf = self.hasil.huruf
        return [bt.kalimat_pemetaan(k, p, huruf.get(k)) for k, p in self.pemetaan.items()]

    def sumber_data(self) -> str:
        sumber = self.meta.sumber or "(sumber belum diisi)"
        return f"{sumber}; diolah dengan {ekspor.PEMBUAT}"

    # --- Files --------------------------------------------------------------------------

    def baris_meta(self) -> list[tuple[str, object]]:
        """The Metadata sheet: Satu Data description, where the table came from, how it was
        read (shape, column roles as confirmed), cleaned and checked, what was not made."""
        riwayat = self.pembersihan.riwayat(self.pemetaan)
        bentuk = self.bentuk
        baris: list[tuple[str, object]] = list(self.meta.baris())
        if self.fiktif:
            baris.insert(0, ("PERHATIAN", f"{vk.TANDA_FIKTIF}: bukan data kelurahan nyata"))
        baris += [
            ("Berkas asal", self.nama_berkas),
            ("Sidik berkas asal (SHA-256)", self.sidik),
            ("Lembar yang dibaca", self.hasil.lembar or "(berkas teks)"),
            ("Bentuk tabel", bentuk.kalimat() if bentuk else "(tabel belum terbaca)"),
        ]
        for k, p in self.pemetaan.items():
            huruf = self.hasil.huruf.get(k)
            baris.append((f"Pemetaan kolom {huruf or ''} “{k}”".replace("  ", " "), p.teks()))
        baris += [
            ("Langkah pembersihan", "; ".join(lk.judul for lk, _ in riwayat) or "(tidak ada)"),
            ("Baris tidak dihitung", vk.daftar_baris(self.keluar) or "(tidak ada)"),
        ]
        for apa, alasan in self.keluaran.belum:
            baris.append((f"Tidak dibuat: {apa}", alasan))
        return baris + list(RUMUS)

    def buat_excel(self) -> bytes:
        k = self.keluaran
        lembar = {"Data asli": self._tabel_asli(), "Data siap hitung": self._tabel_siap()}
        for t in k.tabel:
            lembar[t.lembar] = t.data.rename(columns=t.kepala)
        if k.indikator:
            lembar["Indikator"] = pd.DataFrame(
                [(i.nama, round(i.nilai, i.desimal) if i.nilai is not None else None,
                  i.satuan.strip(), i.makna) for i in k.indikator],
                columns=["Indikator", "Nilai", "Satuan", "Arti"],
            )  # fmt: skip
        lembar["Pemeriksaan"] = pd.DataFrame(
            [(m.tingkat, m.lembar, m.baris, m.huruf, m.kolom, m.pesan) for m in self.masalah],
            columns=["Tingkat", "Lembar", "Baris", "Kolom", "Judul kolom", "Pesan"],
        )
        desimal = {"Rasio JK": 1, "%": 1, "Nilai": None, "Baris": 0, "Baris di Excel": 0}
        return ekspor.buat_excel(lembar, self.baris_meta(), vk.DEFINISI, desimal)

    def _tabel_asli(self) -> pd.DataFrame:
        bagian = []
        for s in self.sumber:
            t = s.tabel.reset_index().rename(columns={"baris": "Baris di Excel"})
            if len(self.sumber) > 1:
                t.insert(0, "Lembar", s.lembar)
            bagian.append(t)
        return pd.concat(bagian, ignore_index=True) if bagian else pd.DataFrame()

    def _tabel_siap(self) -> pd.DataFrame:
        d = self.data.copy()
        for k, awal in (("rw", "RW"), ("rt", "RT")):
            d[k] = d[k].map(
                lambda v, a=awal: None if v is None or pd.isna(v) else f"{a} {int(v):02d}"
            )
        d["umur"] = d["umur"].map(lambda u: None if u is None or pd.isna(u) else u.label)
        d = d.rename(columns=tb.KEPALA | {"rw": "RW", "rt": "RT", "umur": "Umur"})
        return d.dropna(axis=1, how="all")

    def buat_csv(self) -> bytes:
        return ekspor.buat_csv(self._tabel_siap())

    def bagian_pdf(self) -> list[ekspor.Bagian]:
        """The report's sections: what the data allow, what they do not and why, the checks."""
        k = self.keluaran
        bagian = []
        if k.indikator:
            bagian.append(
                ekspor.Bagian(
                    "Ringkasan indikator",
                    [f"{i.nama}: {i.teks_nilai()}. {i.makna}" for i in k.indikator],
                    pd.DataFrame(
                        [(i.nama, i.teks_nilai()) for i in k.indikator],
                        columns=["Indikator", "Nilai"],
                    ),  # fmt: skip
                )
            )
        grafik = {g.judul: g for g in k.grafik}
        for t in k.tabel:
            g = grafik.pop("Penduduk per RW", None) if t.lembar == "Per RW" else None
            bagian.append(
                ekspor.Bagian(t.judul, [g.kalimat] if g else [], t.data.rename(columns=t.kepala),
                              g.gambar if g else None, 0.4, {"Rasio JK": 1, "%": 1})
            )  # fmt: skip
        for g in grafik.values():
            bagian.append(ekspor.Bagian(g.judul, [g.kalimat], None, g.gambar, 0.55))
        if k.belum:
            bagian.append(
                ekspor.Bagian(
                    "Tabel yang belum bisa dibuat", [f"{apa}: {alasan}." for apa, alasan in k.belum]
                )  # fmt: skip
            )
        galat = [m for m in self.masalah if m.tingkat == "galat"]
        teks = [m.teks() for m in galat[:25]]
        if len(galat) > 25:
            teks.append(
                f"… dan {len(galat) - 25} masalah lain (lihat lembar Pemeriksaan di Excel)."
            )
        bentuk = self.bentuk
        bagian.append(
            ekspor.Bagian(
                "Catatan data",
                [
                    f"Berkas asal: {self.nama_berkas} (lembar {self.hasil.lembar or '-'}).",
                    f"Bentuk tabel: {bentuk.kalimat() if bentuk else 'tabel belum terbaca'}",
                    "Pemetaan kolom: " + " ".join(self.kalimat_pemetaan()),
                    f"Baris yang dihitung: {format_angka(len(self.data))} kelompok; tidak "
                    f"dihitung (baris jumlah atau bermasalah): "
                    f"{vk.daftar_baris(self.keluar) or 'tidak ada'}.",
                    "Langkah pembersihan: "
                    + (
                        "; ".join(lk.judul for lk, _ in self.pembersihan.riwayat(self.pemetaan))
                        or "tidak ada"
                    )
                    + ".",  # fmt: skip
                    *[f"{a} = {b}." for a, b in RUMUS],
                ],
            )
        )
        bagian.append(
            ekspor.Bagian(
                "Hasil pemeriksaan berkas", teks or ["Tidak ada masalah yang perlu diperbaiki."]
            )  # fmt: skip
        )
        return bagian

    def buat_pdf(self) -> bytes:
        isi = "Penduduk menurut " + (
            ", ".join(t.judul.removeprefix("Penduduk menurut ") for t in self.keluaran.tabel)
            or "data yang terbaca"
        )
        return ekspor.buat_pdf(
            f"{self.meta.judul} dalam Angka",
            isi + (f", {self.meta.periode}" if self.meta.periode else ""),
            self.sumber_data(),
            self.bagian_pdf(),
            keterangan=self.meta.baris(),
            peringatan=vk.TANDA_FIKTIF if self.fiktif else None,
        )

    def nama_dasar(self) -> str:
        dasar = ekspor.nama_berkas(self.meta.judul, "kelurahan")
        return dasar + ("_FIKTIF" if self.fiktif and "FIKTIF" not in dasar.upper() else "")
