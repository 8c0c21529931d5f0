"""Reading a file a user uploads (Excel .xlsx/.xls, LibreOffice .ods, CSV/TSV/TXT) into a table.

`baca_berkas(nama_berkas, isi)` never raises for bad input: every problem becomes a `Masalah`
with an Indonesian message that names the sheet, row and column, and `HasilBaca.catatan` says
what was detected (format, encoding, separator, decimal commas, formulas, which sheet…). The
bytes `isi` are only read, never changed: callers keep them as the "asli" and derive new tables.

- The format is recognised from the content, not from the name: an .xlsx is a ZIP with
  xl/workbook.xml, an .ods a ZIP whose mimetype says OpenDocument spreadsheet; an old .xls and
  an Excel file protected with a password are OLE files (a password-protected .xlsx is an OLE
  file with an "EncryptedPackage" stream); a PDF, a picture or a web page renamed .xlsx is
  named as such. .xlsx is read with openpyxl (it keeps formulas, so a formula without a saved
  result can be named); .xls and .ods with python-calamine (one maintained reader for both,
  Rust's calamine with wheels for Windows, macOS and Linux and no system library).
- Every sheet is looked at: a sheet with only notes or a title is named as such, and the data
  are taken from the sheet that holds a table ("Lembar “Penduduk” hanya berisi catatan; data
  ditemukan di lembar “Data 2025”"). `lembar=` picks another sheet; sheets with the same
  columns as the chosen one (one sheet per RW) come along in `lembar_serupa`.
- A header on two rows (a group title merged over "L | P") becomes one name per column
  ("Penduduk L"); a title or a note above the table is skipped.
- CSV: UTF-8, UTF-8 with BOM, UTF-16 (Excel's "Unicode text") or Windows-1252; separator
  `,` `;` tab or `|`, chosen by which one gives the same number of columns on every line.
- Number columns: "1.234,5" and "1.234" are read the Indonesian way (`literasi.angka`:
  a dot followed by exactly three digits is a thousands separator). Text that is not a number
  stays text, so a checker can point at it.
- Rows and columns keep the names the user sees: the table's index is the row number in Excel
  (or the line number in the CSV), and `huruf` gives each column's Excel letter, so a message
  can say "baris 7, kolom C “Jml L”".
"""

from __future__ import annotations

import csv
import io
import math
import re
import zipfile
from dataclasses import dataclass, field
from datetime import date, datetime
from html import escape

import numpy as np
import pandas as pd

from literasi.angka import BukanAngka, _baca_desimal
from literasi.ekspor import angka_ringkas
from literasi.format import format_angka

BATAS_MB = 8  # Voilà's websocket message limit is about 10 MB; an upload travels in one message
BATAS_BARIS_KEPALA = 30  # the header row is looked for in the first rows only
BATAS_ZIP_MB = 300  # an .xlsx that unpacks to more than this is refused (zip bomb)
# Rows read at most: a kelurahan's table has a few thousand; 591.000 CSV rows once cost 109 s of
# one core (issue 12). Counted before parsing (CSV) or from the sheet's size (.xlsx).
BATAS_BARIS = 50_000
TERIMA = ".xlsx,.xlsm,.xls,.ods,.csv,.tsv,.txt"  # what a file chooser offers
JENIS_BERKAS = "Excel (.xlsx, .xls), LibreOffice (.ods), atau teks (.csv, .tsv, .txt)"

TANDA_OLE = b"\xd0\xcf\x11\xe0\xa1\xb1\x1a\xe1"
TANDA_ZIP = b"PK\x03\x04"
SARAN_XLSX = (
    "Buka berkas di Excel, lalu pilih File → Simpan Sebagai (Save As) → "
    "“Buku Kerja Excel (*.xlsx)” atau “CSV UTF-8”, dan unggah hasilnya."
)
LEMBAR_BUKAN_DATA = ("petunjuk", "metadata")


@dataclass(frozen=True)
class Masalah:
    """One problem, located as the user would look for it in Excel.

    `baris` is the row number shown in Excel (or the line number in a CSV file); `kolom` is the
    user's own column header and `huruf` its Excel letter; `tingkat` is "galat" (must be
    fixed), "peringatan" (check it) or "info" (done for you, for the record).
    """

    lembar: str | None
    baris: int | None
    kolom: str | None
    pesan: str
    tingkat: str = "galat"
    huruf: str | None = None

    def lokasi(self) -> str:
        bagian = []
        if self.lembar:
            bagian.append(f"lembar “{self.lembar}”")
        if self.baris is not None:
            bagian.append(f"baris {self.baris}")
        if self.huruf and self.kolom:
            bagian.append(f"kolom {self.huruf} “{self.kolom}”")
        elif self.huruf or self.kolom:
            bagian.append(f"kolom {self.huruf}" if self.huruf else f"kolom “{self.kolom}”")
        return ", ".join(bagian)

    def teks(self) -> str:
        lokasi = self.lokasi()
        return f"{lokasi[:1].upper() + lokasi[1:]}: {self.pesan}" if lokasi else self.pesan


@dataclass(frozen=True)
class InfoLembar:
    """What one sheet holds: "tabel" (a header and rows with numbers), "catatan" (text only: a
    note, a title, instructions), "metadata" or "kosong"."""

    nama: str
    isi: str
    baris_data: int = 0

    def teks(self) -> str:
        if self.isi == "tabel":
            return f"“{self.nama}” (tabel, {format_angka(self.baris_data)} baris)"
        return f"“{self.nama}” ({self.isi})"


@dataclass
class HasilBaca:
    """What came out of an upload. `tabel` is None when nothing could be read."""

    tabel: pd.DataFrame | None
    masalah: list[Masalah] = field(default_factory=list)
    catatan: list[str] = field(default_factory=list)
    format: str = "tidak dikenal"  # "xlsx", "xls", "ods", "csv" or what the file turned out to be
    lembar: str | None = None  # the sheet read
    baris_kepala: int | None = None  # row number of the (last) header row
    metadata: dict[str, str] = field(default_factory=dict)  # a "Metadata" sheet, if any
    kolom_angka: list[str] = field(default_factory=list)  # columns read as numbers
    huruf: dict[str, str] = field(default_factory=dict)  # column name -> Excel letter
    daftar_lembar: list[InfoLembar] = field(default_factory=list)  # every sheet, in order
    lembar_serupa: dict[str, HasilBaca] = field(default_factory=dict)  # same columns, other sheets

    @property
    def berhasil(self) -> bool:
        return self.tabel is not None

    @property
    def galat(self) -> list[Masalah]:
        return [m for m in self.masalah if m.tingkat == "galat"]

    @property
    def lembar_tabel(self) -> list[str]:
        """Sheets that hold a table (the user may choose another one)."""
        return [i.nama for i in self.daftar_lembar if i.isi == "tabel"]


@dataclass
class Kisi:
    """One sheet as the rows of values Excel shows (1-based positions in `gabung`)."""

    nama: str | None
    baris: list[list]
    gabung: list[tuple[int, int, int, int, str]] = field(default_factory=list)
    masalah: list[Masalah] = field(default_factory=list)
    catatan: list[str] = field(default_factory=list)


def berkas_unggahan(nilai, nama_bawaan: str = "berkas") -> tuple[str, bytes] | None:
    """(name, bytes) of the first file in an ipywidgets FileUpload value, or None if empty.

    ipywidgets 8 gives a tuple of dicts (7 gave a dict by name); both are accepted.

    >>> berkas_unggahan(({"name": "data.csv", "content": memoryview(b"a,b")},))
    ('data.csv', b'a,b')
    >>> berkas_unggahan(()) is None
    True
    """
    if not nilai:
        return None
    f = nilai[0] if isinstance(nilai, list | tuple) else next(iter(nilai.values()))
    return f.get("name", nama_bawaan), bytes(f.get("content", b""))


def ukuran_mb(isi: bytes) -> float:
    return len(isi) / (1024 * 1024)


def huruf_kolom(nomor: int) -> str:
    """1 -> 'A', 27 -> 'AA' (Excel column letters).

    >>> huruf_kolom(1), huruf_kolom(27)
    ('A', 'AA')
    """
    huruf = ""
    while nomor > 0:
        nomor, sisa = divmod(nomor - 1, 26)
        huruf = chr(65 + sisa) + huruf
    return huruf


def baca_berkas(
    nama_berkas: str, isi: bytes, batas_mb: float = BATAS_MB, lembar: str | None = None
) -> HasilBaca:
    """Read an uploaded spreadsheet or text table; every problem becomes a Masalah (never an
    exception). `lembar`: the sheet to read instead of the one found automatically."""
    nama = nama_berkas or "berkas"
    try:
        isi = bytes(isi or b"")  # a memoryview from FileUpload; a copy, the caller's stays as is
        return _baca(nama, isi, batas_mb, lembar)
    except Exception as e:  # noqa: BLE001 - last line of defence: the user sees a message
        import logging

        logging.getLogger(__name__).exception("Berkas %s tidak terbaca", nama)
        return _gagal(
            f"Berkas “{nama}” tidak bisa dibaca ({type(e).__name__}). Coba buka di Excel, simpan "
            "ulang sebagai .xlsx, lalu unggah lagi.",
            format="rusak",
        )


def _gagal(pesan: str, format: str = "tidak dikenal", catatan=None, **lain) -> HasilBaca:
    return HasilBaca(None, [Masalah(None, None, None, pesan)], list(catatan or []), format, **lain)


def _baca(nama: str, isi: bytes, batas_mb: float, lembar: str | None) -> HasilBaca:
    if len(isi) > batas_mb * 1024 * 1024:
        return _gagal(
            f"Berkas “{nama}” berukuran {format_angka(ukuran_mb(isi), 1)} MB, lebih besar dari "
            f"batas {format_angka(batas_mb)} MB. Hapus lembar atau kolom yang tidak perlu, atau "
            "bagi datanya menjadi beberapa berkas.",
            format="terlalu besar",
        )
    if not isi.strip(b" \t\r\n\x00\xef\xbb\xbf"):
        return _gagal(
            f"Berkas “{nama}” kosong (tidak ada isinya). Periksa apakah berkas yang dipilih benar "
            "dan sudah disimpan.",
            format="kosong",
        )
    akhiran = nama.rsplit(".", 1)[-1].lower() if "." in nama else ""
    if isi.startswith(TANDA_ZIP):
        return _baca_zip(nama, isi, akhiran, lembar)
    if isi.startswith(TANDA_OLE):
        return _baca_ole(nama, isi, akhiran, lembar)
    jenis = _jenis_bukan_tabel(isi)
    if jenis:
        return _gagal(
            f"Berkas “{nama}” ternyata {jenis}, bukan tabel Excel atau CSV (walaupun namanya "
            f"berakhiran .{akhiran or '?'}). Unggah berkas {JENIS_BERKAS} yang berisi tabel "
            "datanya.",
            format=jenis,
        )
    if isi.count(b"\n") > BATAS_BARIS:
        return _terlalu_banyak_baris(nama, "csv")
    return _baca_csv(nama, isi, akhiran)


def _terlalu_banyak_baris(nama: str, format: str) -> HasilBaca:
    return _gagal(
        f"Berkas “{nama}” berisi lebih dari {format_angka(BATAS_BARIS)} baris, terlalu banyak "
        "untuk dibaca di sini. Simpan hanya baris yang diperlukan (mis. satu tahun atau satu RW) "
        "sebagai berkas baru, lalu unggah lagi.",
        format=format,
    )


def _jenis_bukan_tabel(isi: bytes) -> str | None:
    """Recognise the usual wrong files by their first bytes."""
    awal = isi[:1024].lstrip()
    if awal.startswith(b"%PDF"):
        return "dokumen PDF"
    if awal.startswith(b"\x89PNG") or awal.startswith(b"\xff\xd8\xff") or awal[:4] == b"GIF8":
        return "gambar (foto/tangkapan layar)"
    if awal.startswith(b"Rar!") or awal.startswith(b"7z\xbc\xaf"):
        return "arsip terkompres (RAR/7z)"
    kecil = awal[:400].lower()
    if kecil.startswith((b"<!doctype html", b"<html", b"<?xml")) or b"<table" in kecil:
        return "halaman web (HTML/XML) yang diberi nama Excel"
    return None


# --- Workbooks: .xlsx (openpyxl), .xls and .ods (python-calamine) -------------------------


def _baca_ole(nama: str, isi: bytes, akhiran: str, lembar: str | None) -> HasilBaca:
    """Old Office files and encrypted Office files share the OLE container."""
    if "EncryptedPackage".encode("utf-16-le") in isi:
        return _gagal(
            f"Berkas “{nama}” dilindungi kata sandi (password), jadi isinya tidak bisa dibaca. "
            "Buka di Excel dengan kata sandinya, hapus kata sandi (File → Info → Lindungi Buku "
            "Kerja → Enkripsi dengan Kata Sandi → kosongkan), simpan, lalu unggah lagi.",
            format="xlsx berkata sandi",
        )
    if "Workbook".encode("utf-16-le") in isi or "Book".encode("utf-16-le") in isi:
        return _baca_calamine(nama, isi, "xls", akhiran, lembar)
    return _gagal(
        f"Berkas “{nama}” adalah dokumen Office versi lama (mis. .doc), bukan tabel. {SARAN_XLSX}",
        format="office lama",
    )


def _baca_zip(nama: str, isi: bytes, akhiran: str, lembar: str | None) -> HasilBaca:
    try:
        arsip = zipfile.ZipFile(io.BytesIO(isi))
        daftar = arsip.namelist()
        total = sum(i.file_size for i in arsip.infolist())
    except zipfile.BadZipFile:
        return _gagal(
            f"Berkas “{nama}” rusak atau belum selesai terunduh (isinya terpotong). Simpan ulang "
            "dari Excel lalu unggah lagi.",
            format="zip rusak",
        )
    if total > BATAS_ZIP_MB * 1024 * 1024:
        return _gagal(
            f"Berkas “{nama}” terlalu besar setelah dibuka (lebih dari {BATAS_ZIP_MB} MB). "
            "Hapus lembar yang tidak perlu lalu unggah lagi.",
            format="xlsx terlalu besar",
        )
    if "xl/workbook.xml" in daftar:
        return _baca_xlsx(nama, isi, akhiran, lembar)
    if "mimetype" in daftar and b"opendocument.spreadsheet" in arsip.read("mimetype"):
        return _baca_calamine(nama, isi, "ods", akhiran, lembar)
    if any(n.startswith("word/") for n in daftar):
        jenis = "dokumen Word (.docx)"
    elif any(n.startswith("ppt/") for n in daftar):
        jenis = "presentasi PowerPoint (.pptx)"
    else:
        jenis = "arsip ZIP"
    return _gagal(
        f"Berkas “{nama}” adalah {jenis}, bukan buku kerja Excel. Unggah berkas {JENIS_BERKAS} "
        "yang berisi tabel datanya.",
        format=jenis,
    )


NAMA_FORMAT = {
    "xlsx": "buku kerja Excel (.xlsx)",
    "xls": "buku kerja Excel lama (.xls, Excel 97–2003)",
    "ods": "lembar kerja LibreOffice/OpenOffice (.ods)",
}


def _baca_xlsx(nama: str, isi: bytes, akhiran: str, lembar: str | None) -> HasilBaca:
    from openpyxl import load_workbook

    catatan = [f"Format: {NAMA_FORMAT['xlsx']}."]
    if akhiran not in ("xlsx", "xlsm"):
        catatan.append(f"Nama berkas berakhiran .{akhiran or '?'}, tetapi isinya Excel (.xlsx).")
    try:
        rumus = load_workbook(io.BytesIO(isi), data_only=False)
        nilai = load_workbook(io.BytesIO(isi), data_only=True)
    except Exception as e:  # noqa: BLE001 - openpyxl raises many kinds for broken files
        return _gagal(
            f"Berkas “{nama}” tampak seperti Excel tetapi rusak ({type(e).__name__}). Buka di "
            "Excel, simpan ulang sebagai .xlsx, lalu unggah lagi.",
            format="xlsx rusak",
            catatan=catatan,
        )
    semua = {}
    for n in nilai.sheetnames:
        ws, ws_rumus = nilai[n], rumus[n]
        if ws.max_row > BATAS_BARIS + BATAS_BARIS_KEPALA:
            return _terlalu_banyak_baris(nama, "xlsx")
        kisi = Kisi(n, [list(r) for r in ws.iter_rows(values_only=True)])
        kisi.gabung = [
            (r.min_row, r.min_col, r.max_row, r.max_col, r.coord) for r in ws.merged_cells.ranges
        ]
        sel_rumus = [
            s
            for r in ws_rumus.iter_rows()
            for s in r
            if isinstance(s.value, str) and s.value.startswith("=")
        ]
        if sel_rumus:
            contoh = sel_rumus[0]
            kisi.catatan.append(
                f"Lembar “{n}”: {format_angka(len(sel_rumus))} sel berisi rumus (mis. "
                f"{contoh.coordinate} {contoh.value[:40]}); yang dibaca adalah hasil rumus yang "
                "tersimpan di berkas."
            )
            for s in sel_rumus:
                if ws[s.coordinate].value is None:
                    kisi.masalah.append(
                        Masalah(
                            n,
                            s.row,
                            None,
                            f"sel {s.coordinate} berisi rumus {s.value[:40]} tetapi hasilnya "
                            "belum tersimpan. Buka berkas di Excel, tekan Simpan, lalu unggah "
                            "lagi.",
                            "peringatan",
                        )
                    )
        semua[n] = kisi
    return _dari_buku(nama, semua, "xlsx", catatan, lembar)


def _baca_calamine(nama: str, isi: bytes, jenis: str, akhiran: str, lembar: str | None):
    catatan = [f"Format: {NAMA_FORMAT[jenis]}."]
    if akhiran != jenis:
        catatan.append(f"Nama berkas berakhiran .{akhiran or '?'}, tetapi isinya {jenis}.")
    try:
        from python_calamine import CalamineWorkbook
    except ImportError:  # the reader is a dependency; a broken install still gets a message
        return _gagal(
            f"Berkas “{nama}” adalah {NAMA_FORMAT[jenis]}; pembacanya belum terpasang di "
            f"komputer ini. {SARAN_XLSX}",
            format=jenis,
        )
    try:
        buku = CalamineWorkbook.from_filelike(io.BytesIO(isi))
        semua = {}
        for n in buku.sheet_names:
            ws = buku.get_sheet_by_name(n)
            baris = [
                [None if v == "" else v for v in r] for r in ws.to_python(skip_empty_area=False)
            ]
            gabung = [
                (r0 + 1, c0 + 1, r1 + 1, c1 + 1, f"{huruf_kolom(c0 + 1)}{r0 + 1}:"
                 f"{huruf_kolom(c1 + 1)}{r1 + 1}")
                for (r0, c0), (r1, c1) in (ws.merged_cell_ranges or [])
            ]  # fmt: skip
            semua[n] = Kisi(n, baris, gabung)
    except Exception as e:  # noqa: BLE001 - calamine raises its own kinds for broken files
        return _gagal(
            f"Berkas “{nama}” tampak seperti {NAMA_FORMAT[jenis]} tetapi rusak atau tidak "
            f"terbaca ({type(e).__name__}). {SARAN_XLSX}",
            format=f"{jenis} rusak",
            catatan=catatan,
        )
    return _dari_buku(nama, semua, jenis, catatan, lembar)


def _jenis_lembar(kisi: Kisi, hasil: HasilBaca | None) -> str:
    if (kisi.nama or "").strip().lower() == "metadata":
        return "metadata"
    if not any(not _kosong(v) for r in kisi.baris for v in r):
        return "kosong"
    if hasil is None or hasil.tabel is None or len(hasil.tabel.columns) < 2:
        return "catatan"
    ada_angka = any(
        isinstance(v, int | float) and not isinstance(v, bool)
        for v in hasil.tabel.to_numpy().ravel()
    )
    return "tabel" if ada_angka else "catatan"


def _dari_buku(nama, semua: dict[str, Kisi], jenis, catatan, lembar: str | None) -> HasilBaca:
    """Every sheet read and described; the table taken from the chosen one."""
    hasil_lembar, info = {}, []
    for n, kisi in semua.items():
        hasil = _susun_tabel(kisi) if n.strip().lower() != "metadata" else None
        isi = _jenis_lembar(kisi, hasil)
        hasil_lembar[n] = hasil
        info.append(InfoLembar(n, isi, len(hasil.tabel) if isi == "tabel" else 0))
    meta = _baca_metadata(semua)
    tabel = [i.nama for i in info if i.isi == "tabel"]
    umum = {"format": jenis, "metadata": meta, "daftar_lembar": info}
    if lembar is None:
        pilihan = [n for n in tabel if n.strip().lower() not in LEMBAR_BUKAN_DATA]
        suka = [n for n in pilihan if n.strip().lower() in ("isian", "data")]
        lembar = (suka or pilihan or tabel or [None])[0]
        diganti = None
    else:
        diganti = lembar
    if lembar not in semua:
        rincian = "; ".join(i.teks() for i in info)
        hasil = _gagal(
            f"Tidak ada lembar berisi tabel data di berkas “{nama}”. Lembar yang ada: {rincian}. "
            "Isi tabel data (judul kolom di satu baris, lalu satu baris per RW/RT) di salah satu "
            "lembar.",
            catatan=catatan,
            **umum,
        )
        hasil.masalah += [m for h in hasil_lembar.values() if h for m in h.masalah]
        return hasil
    pilih = hasil_lembar[lembar]
    if pilih is None or pilih.tabel is None:
        masalah = list(pilih.masalah if pilih else []) or [
            Masalah(lembar, None, None, "lembar ini tidak berisi tabel data.")
        ]
        if tabel:
            masalah.append(
                Masalah(
                    lembar,
                    None,
                    None,
                    f"tabel data ada di lembar {', '.join(map(repr, tabel))}.",
                    "info",
                )  # fmt: skip
            )
        return HasilBaca(None, masalah, catatan + semua[lembar].catatan, lembar=lembar, **umum)
    if len(semua) > 1:
        catatan.append("Lembar di berkas: " + "; ".join(i.teks() for i in info) + ".")
    lewat = [
        i for i in info[: [i.nama for i in info].index(lembar)] if i.isi in ("catatan", "kosong")
    ]
    if lewat and diganti is None:
        isi = {"catatan": "catatan", "kosong": "sel kosong"}
        catatan.append(
            " ".join(f"Lembar “{i.nama}” hanya berisi {isi[i.isi]};" for i in lewat)
            + f" data ditemukan di lembar “{lembar}”."
        )
    elif diganti is None:
        catatan.append(f"Data dibaca dari lembar “{lembar}”.")
    else:
        catatan.append(f"Data dibaca dari lembar “{lembar}” (pilihan Anda).")
    pilih.catatan[:0] = catatan + semua[lembar].catatan
    pilih.masalah[:0] = semua[lembar].masalah
    pilih.format, pilih.lembar = jenis, lembar
    pilih.metadata, pilih.daftar_lembar = meta, info
    kepala = set(pilih.tabel.columns)
    for n in tabel:
        lain = hasil_lembar[n]
        if n != lembar and set(lain.tabel.columns) == kepala:
            lain.lembar = n
            pilih.lembar_serupa[n] = lain
    return pilih


def _baca_metadata(semua: dict[str, Kisi]) -> dict[str, str]:
    """A sheet named 'Metadata' with label | value pairs (as in the kit's template)."""
    for n, kisi in semua.items():
        if n.strip().lower() == "metadata":
            meta = {}
            for r in kisi.baris:
                if len(r) >= 2 and not _kosong(r[0]) and not _kosong(r[1]):
                    meta[str(r[0]).strip()] = str(r[1]).strip()
            return meta
    return {}


# --- CSV ----------------------------------------------------------------------------------


def _dekode(isi: bytes) -> tuple[str, str]:
    if isi.startswith(b"\xef\xbb\xbf"):
        return isi[3:].decode("utf-8", errors="replace"), "UTF-8 dengan BOM"
    if isi.startswith((b"\xff\xfe", b"\xfe\xff")):
        return isi.decode("utf-16", errors="replace"), "UTF-16 (teks Unicode dari Excel)"
    try:
        return isi.decode("utf-8"), "UTF-8"
    except UnicodeDecodeError:
        pass
    try:
        return isi.decode("cp1252"), "Windows-1252 (ANSI)"
    except UnicodeDecodeError:
        return isi.decode("latin-1"), "Latin-1"


PEMISAH = {",": "koma (,)", ";": "titik koma (;)", "\t": "tab", "|": "garis tegak (|)"}


def _tebak_pemisah(teks: str) -> str:
    """The separator that gives the same (largest) number of columns on most lines."""
    contoh = [b for b in teks.splitlines() if b.strip()][:30]
    terbaik, skor_terbaik = ",", (-1, 0)
    for pemisah in PEMISAH:
        try:
            jumlah = [len(r) for r in csv.reader(contoh, delimiter=pemisah)]
        except csv.Error:
            continue
        if not jumlah or max(jumlah) < 2:
            continue
        paling_sering = max(set(jumlah), key=jumlah.count)
        skor = (jumlah.count(paling_sering) if paling_sering > 1 else 0, paling_sering)
        if skor > skor_terbaik:
            terbaik, skor_terbaik = pemisah, skor
    return terbaik


def _baca_csv(nama: str, isi: bytes, akhiran: str) -> HasilBaca:
    teks, kode = _dekode(isi)
    if "\x00" in teks or sum(not (c.isprintable() or c in "\r\n\t") for c in teks[:2000]) > 20:
        return _gagal(
            f"Isi berkas “{nama}” tidak dikenali (bukan buku kerja Excel atau LibreOffice, dan "
            f"bukan teks CSV). {SARAN_XLSX}",
            format="biner",
        )
    catatan = [f"Format: teks CSV, pengodean {kode}."]
    if akhiran and akhiran not in ("csv", "txt", "tsv"):
        catatan.append(f"Nama berkas berakhiran .{akhiran}, tetapi isinya teks CSV.")
    if "\ufffd" in teks:
        catatan.append("Beberapa huruf tidak terbaca (�); simpan ulang sebagai “CSV UTF-8”.")
    baris_teks = teks.splitlines()
    lewati = 0
    if baris_teks and re.fullmatch(r"\s*sep=(.)\s*", baris_teks[0]):
        pemisah = baris_teks[0].strip()[4]
        lewati = 1
    else:
        pemisah = _tebak_pemisah(teks)
    catatan.append(f"Pemisah kolom: {PEMISAH.get(pemisah, repr(pemisah))}.")
    try:
        baris = [list(r) for r in csv.reader(io.StringIO(teks), delimiter=pemisah)]
    except csv.Error:
        baris = [b.split(pemisah) for b in baris_teks]
    # A "sep=" line is line 1 of the file: the rows keep their line numbers.
    hasil = _susun_tabel(Kisi(None, [[None]] * lewati + baris[lewati:]), semua_teks=True)
    hasil.catatan[:0] = catatan
    hasil.format = "csv"
    if hasil.tabel is None and not hasil.masalah:
        hasil.masalah.append(
            Masalah(
                None,
                None,
                None,
                f"Berkas “{nama}” tidak berisi tabel: tidak ditemukan baris judul kolom.",
            )  # fmt: skip
        )
    return hasil


# --- From rows to a table -----------------------------------------------------------------


def _kosong(v) -> bool:
    return (
        v is None
        or (isinstance(v, str) and not v.strip())
        or (isinstance(v, float) and math.isnan(v))
    )


def _teks_judul(v) -> bool:
    return isinstance(v, str) and _angka_teks(v) is None


def _cari_kepala(baris: list[list]) -> int | None:
    """Index of the header row: the first of the top rows that is mostly text and about as
    wide as the table (a title or a note above it has one cell, the data below has numbers)."""
    atas = baris[:BATAS_BARIS_KEPALA]
    isi = [sum(not _kosong(v) for v in r) for r in atas]
    if not isi or max(isi) == 0:
        return None
    lebar = max(isi)
    for i, r in enumerate(atas):
        nilai = [v for v in r if not _kosong(v)]
        if len(nilai) < max(2 if lebar >= 2 else 1, 0.6 * lebar):
            continue
        if sum(_teks_judul(v) for v in nilai) >= 0.5 * len(nilai):
            return i
    return None


def _kepala_dua_baris(baris: list[list], kepala: int, gabung) -> bool:
    """A group title over sub-titles: the row below the header has text only (no number),
    and stands under a gap or a merged cell of the header ("Penduduk" over "L | P")."""
    if kepala + 1 >= len(baris):
        return False
    atas, bawah = baris[kepala], baris[kepala + 1]
    isi_atas = [v for v in atas if not _kosong(v)]
    if len(isi_atas) < 2 or not all(_teks_judul(v) for v in isi_atas):
        return False
    isi_bawah = [v for v in bawah if not _kosong(v)]
    if len(isi_bawah) < 2 or not all(_teks_judul(v) for v in isi_bawah):
        return False
    celah = any(
        _kosong(atas[j]) and not _kosong(bawah[j]) for j in range(min(len(atas), len(bawah)))
    )
    lebar = any(r0 == kepala + 1 and c1 > c0 for r0, c0, _r1, c1, _ in gabung)
    return celah or lebar


def nama_kolom_rapi(nama) -> str:
    """' Laki-laki\\n(jiwa) ' -> 'Laki-laki (jiwa)'."""
    return " ".join(str(nama).split())


def _susun_tabel(kisi: Kisi, semua_teks: bool = False) -> HasilBaca:
    """Rows of one sheet -> a table indexed by Excel row number, with each column's letter."""
    lembar, masalah, catatan = kisi.nama, list(kisi.masalah), []
    baris = [list(r) for r in kisi.baris]
    if not baris:
        return HasilBaca(None, masalah, catatan)
    lebar = max(len(r) for r in baris)
    baris = [r + [None] * (lebar - len(r)) for r in baris]
    kepala = _cari_kepala(baris)
    if kepala is None:
        return HasilBaca(None, masalah, catatan)
    if kepala > 0 and _kepala_dua_baris(baris, kepala - 1, kisi.gabung):
        kepala -= 1  # the row found is the lower half of a two-row header
    dua = _kepala_dua_baris(baris, kepala, kisi.gabung)
    akhir_kepala = kepala + (2 if dua else 1)  # first data row (0-based)
    judul = list(baris[kepala])
    for r0, c0, r1, c1, coord in sorted(kisi.gabung):
        if r0 - 1 == kepala and c1 > c0 and not dua:
            masalah.append(
                Masalah(
                    lembar,
                    r0,
                    None,
                    f"sel judul kolom {coord} digabung (merge). Pisahkan sel gabungan (Beranda → "
                    "Gabung & Tengahkan → Batalkan) supaya setiap kolom punya judul sendiri "
                    "dalam satu baris.",
                )
            )
        elif r0 - 1 == kepala and dua:
            for c in range(c0, c1 + 1):  # the group title stands over every merged column
                judul[c - 1] = judul[c0 - 1]
        elif r0 - 1 >= akhir_kepala:
            isi_sel = baris[r0 - 1][c0 - 1]
            for r in range(r0, min(r1, len(baris)) + 1):
                for c in range(c0, c1 + 1):
                    baris[r - 1][c - 1] = isi_sel
            masalah.append(
                Masalah(
                    lembar,
                    r0,
                    None,
                    f"sel {coord} digabung (merge); isinya “{isi_sel}” dipakai untuk setiap "
                    "baris dalam gabungan itu. Sebaiknya pisahkan sel gabungan dan isi setiap "
                    "baris.",
                    "peringatan",
                )
            )
    if dua:
        bawah = baris[kepala + 1]
        judul = [
            " ".join(nama_kolom_rapi(x) for x in (a, b) if not _kosong(x)) or None
            for a, b in zip(judul, bawah, strict=True)
        ]
        catatan.append(
            f"Judul kolom ada di dua baris ({kepala + 1} dan {kepala + 2}); keduanya digabung, "
            f"mis. “{next(j for j, b in zip(judul, bawah, strict=True) if not _kosong(b))}”."
        )
    # Columns with neither a name nor data are dropped (Excel's stray formatted columns).
    pakai = [
        j
        for j in range(lebar)
        if not _kosong(judul[j]) or any(not _kosong(r[j]) for r in baris[akhir_kepala:])
    ]
    nama, huruf, dilihat = [], {}, {}
    baris_judul = akhir_kepala  # 1-based number of the last header row
    for j in pakai:
        asli = nama_kolom_rapi(judul[j]) if not _kosong(judul[j]) else ""
        if not asli:
            asli = f"kolom_{huruf_kolom(j + 1)}"
            masalah.append(
                Masalah(
                    lembar,
                    baris_judul,
                    None,
                    "kolom ini berisi data tetapi tidak punya judul. Beri judul kolom.",
                    huruf=huruf_kolom(j + 1),
                )  # fmt: skip
            )
        if asli.lower() in dilihat:
            baru = f"{asli}_{dilihat[asli.lower()] + 1}"
            masalah.append(
                Masalah(
                    lembar,
                    baris_judul,
                    asli,
                    f"judul kolom “{asli}” dipakai dua kali; kolom ini dibaca sebagai “{baru}”. "
                    "Beri setiap kolom judul yang berbeda.",
                    "peringatan",
                    huruf_kolom(j + 1),
                )
            )
            dilihat[asli.lower()] += 1
            asli = baru
        else:
            dilihat[asli.lower()] = 1
        nama.append(asli)
        huruf[asli] = huruf_kolom(j + 1)
    data, nomor = [], []
    for i in range(akhir_kepala, len(baris)):
        r = [baris[i][j] for j in pakai]
        if all(_kosong(v) for v in r):
            continue
        data.append([None if _kosong(v) else (v.strip() if isinstance(v, str) else v) for v in r])
        nomor.append(i + 1)
    if kepala > 0:
        catatan.append(
            f"{'Lembar “' + lembar + '”: j' if lembar else 'J'}udul kolom ada di baris "
            f"{kepala + 1}; baris di atasnya (judul atau catatan) dilewati."
        )
    if not data:
        masalah.append(
            Masalah(
                lembar,
                baris_judul,
                None,
                "lembar ini hanya berisi judul kolom, belum ada baris data. Isi data mulai baris "
                f"{baris_judul + 1}.",
            )
        )
        return HasilBaca(None, masalah, catatan, baris_kepala=baris_judul, huruf=huruf)
    tabel = pd.DataFrame(data, columns=nama, index=pd.Index(nomor, name="baris"), dtype=object)
    kolom_angka = _ubah_angka(tabel, catatan, semua_teks=semua_teks)
    return HasilBaca(
        tabel, masalah, catatan, lembar=lembar, baris_kepala=baris_judul,
        kolom_angka=kolom_angka, huruf=huruf,
    )  # fmt: skip


def _angka_teks(teks: str) -> float | None:
    """'1.234,5' -> 1234.5; '-3' -> -3.0; '12 jiwa' -> None (left for the checker)."""
    t = teks.strip().replace("\u00a0", "").replace("\u2212", "-")
    negatif = t.startswith("-")
    if negatif or t.startswith("+"):
        t = t[1:].strip()
    if not t or not re.fullmatch(r"[\d.,]+", t):
        return None
    try:
        nilai = _baca_desimal(t)
    except (BukanAngka, ValueError):
        return None
    return -nilai if negatif else nilai


def angka_sel(v) -> float | None:
    """A cell as a number, or None: numbers as they are, text the Indonesian way."""
    if isinstance(v, bool | np.bool_) or v is None or v is pd.NA:
        return None
    if isinstance(v, int | float | np.integer | np.floating):
        return None if math.isnan(v) else float(v)
    if isinstance(v, str):
        return _angka_teks(v)
    return None


def _seri_angka(nilai: list, index: pd.Index) -> pd.Series:
    """Whole numbers as Int64, other numbers as float; a column with text in it stays mixed."""
    isi = [v for v in nilai if v is not None]
    if all(isinstance(v, int | float) for v in isi):
        if all(float(v).is_integer() for v in isi):
            return pd.Series(nilai, index=index, dtype="Int64")
        return pd.Series(nilai, index=index, dtype="Float64")
    return pd.Series(nilai, index=index, dtype=object)


def _ubah_angka(tabel: pd.DataFrame, catatan: list[str], semua_teks: bool) -> list[str]:
    """Columns mostly made of numbers become number columns; text that is a number written
    the Indonesian way ('1.234,5') is converted; other text stays (for the checker to show)."""
    kolom_angka = []
    for k in tabel.columns:
        isi = [v for v in tabel[k] if v is not None]
        if not isi or any(isinstance(v, datetime | date) for v in isi):
            continue
        angka = [angka_sel(v) for v in isi]
        if sum(a is not None for a in angka) < 0.5 * len(isi):
            continue
        kolom_angka.append(k)
        ubah = 0
        contoh = None
        baru = []
        for no, v in tabel[k].items():
            a = angka_sel(v)
            if isinstance(v, str) and a is not None:
                ubah += 1
                if contoh is None and re.search(r"[.,]", v):
                    contoh = (no, v, a)
            baru.append(v if a is None else (int(a) if float(a).is_integer() else a))
        tabel[k] = _seri_angka(baru, tabel.index)
        if contoh:
            no, v, a = contoh
            catatan.append(
                f"Kolom “{k}”: angka ditulis dengan titik ribuan/koma desimal dibaca cara "
                f"Indonesia (mis. baris {no}: “{v}” dibaca {angka_ringkas(a)})."
            )
        elif ubah and not semua_teks:
            catatan.append(f"Kolom “{k}”: {ubah} angka yang tersimpan sebagai teks dibaca angka.")
    return kolom_angka


# --- Showing the result -------------------------------------------------------------------

_LABEL_TINGKAT = {"galat": "Perlu diperbaiki", "peringatan": "Periksa", "info": "Catatan"}


def html_masalah(masalah: list[Masalah], judul: str = "Laporan pemeriksaan", batas: int = 0) -> str:
    """An escaped list of problems grouped by level, readable on a phone; with `batas`, at most
    that many per level are listed and the rest counted."""
    if not masalah:
        return (
            f"<div class='literasi-umpan benar' role='status'><b>{escape(judul)}:</b> "
            "tidak ada masalah yang ditemukan.</div>"
        )
    bagian = []
    for tingkat, kelas, gaya in (
        ("galat", "salah", ""),
        ("peringatan", "petunjuk", " style='background:#fff4d6;color:#5c4400'"),  # yellow
        ("info", "jawaban", ""),
    ):
        daftar = [m for m in masalah if m.tingkat == tingkat]
        if daftar:
            tampil = daftar[:batas] if batas else daftar
            butir = "".join(f"<li>{escape(m.teks())}</li>" for m in tampil)
            if len(tampil) < len(daftar):
                butir += (
                    f"<li>… dan {len(daftar) - len(tampil)} lagi (semuanya ada di lembar "
                    "“Pemeriksaan” pada unduhan Excel).</li>"
                )
            bagian.append(
                f"<div class='literasi-umpan {kelas}'{gaya}><b>{_LABEL_TINGKAT[tingkat]} "
                f"({len(daftar)})</b><ul style='margin:4px 0;padding-left:1.2em'>{butir}</ul>"
                "</div>"
            )
    return f"<div role='status'><b>{escape(judul)}</b>{''.join(bagian)}</div>"
