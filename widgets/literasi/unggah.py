"""Reading a file a user uploads (Excel .xlsx or CSV) into a table, kindly.

`baca_berkas(nama_berkas, isi)` never raises for bad input: every problem becomes a `Masalah`
with an Indonesian message that names the sheet, row and column, and `HasilBaca.catatan` says
what was detected (format, encoding, separator, decimal commas, formulas…). The bytes `isi`
are only read, never changed: callers keep them as the "asli" and derive new tables.

- The format is recognised from the content, not from the name: an .xlsx is a ZIP with
  xl/workbook.xml; an old .xls, and an Excel file protected with a password, are OLE files
  (a password-protected .xlsx is an OLE file with an "EncryptedPackage" stream); a PDF, a
  picture or a web page renamed .xlsx is named as such.
- CSV: UTF-8, UTF-8 with BOM, UTF-16 (Excel's "Unicode text") or Windows-1252; separator
  `,` `;` tab or `|`, chosen by which one gives the same number of columns on every line.
- Number columns: "1.234,5" and "1.234" are read the Indonesian way (`literasi.angka`:
  a dot followed by exactly three digits is a thousands separator). Text that is not a number
  stays text, so a checker can point at it.
- Rows keep the numbers the user sees: the table's index is the row number in Excel (or the
  line number in the CSV), so a message can say "baris 7".
"""

from __future__ import annotations

import csv
import io
import logging
import math
import re
import zipfile
from dataclasses import dataclass, field
from datetime import date, datetime
from html import escape

import pandas as pd

from literasi.angka import BukanAngka, _baca_desimal
from literasi.catatan import laporkan
from literasi.format import format_angka

BATAS_MB = 8  # Voilà's websocket message limit is about 10 MB; an upload travels in one message
BATAS_BARIS_KEPALA = 30  # the header row is looked for in the first rows only
BATAS_ZIP_MB = 300  # an .xlsx that unpacks to more than this is refused (zip bomb)
# Rows read at most: a kelurahan's table has a few thousand; 591.000 CSV rows once cost 109 s of
# one core (issue 12). Counted before parsing (CSV) or from the sheet's size (Excel).
BATAS_BARIS = 50_000

log = logging.getLogger(__name__)

TANDA_OLE = b"\xd0\xcf\x11\xe0\xa1\xb1\x1a\xe1"
TANDA_ZIP = b"PK\x03\x04"
SARAN_XLSX = (
    "Buka berkas di Excel, lalu pilih File → Simpan Sebagai (Save As) → "
    "“Buku Kerja Excel (*.xlsx)” atau “CSV UTF-8”, dan unggah hasilnya."
)


@dataclass(frozen=True)
class Masalah:
    """One problem, located as the user would look for it in Excel.

    `baris` is the row number shown in Excel (or the line number in a CSV file); `tingkat` is
    "galat" (must be fixed), "peringatan" (check it) or "info" (done for you, for the record).
    """

    lembar: str | None
    baris: int | None
    kolom: str | None
    pesan: str
    tingkat: str = "galat"

    def lokasi(self) -> str:
        bagian = []
        if self.lembar:
            bagian.append(f"lembar “{self.lembar}”")
        if self.baris is not None:
            bagian.append(f"baris {self.baris}")
        if self.kolom:
            bagian.append(f"kolom “{self.kolom}”")
        return ", ".join(bagian)

    def teks(self) -> str:
        lokasi = self.lokasi()
        return f"{lokasi[:1].upper() + lokasi[1:]}: {self.pesan}" if lokasi else self.pesan


@dataclass
class HasilBaca:
    """What came out of an upload. `tabel` is None when nothing could be read."""

    tabel: pd.DataFrame | None
    masalah: list[Masalah] = field(default_factory=list)
    catatan: list[str] = field(default_factory=list)
    format: str = "tidak dikenal"  # "xlsx", "csv" or what the file turned out to be
    lembar: str | None = None  # the sheet read (xlsx)
    baris_kepala: int | None = None  # row number of the column names
    metadata: dict[str, str] = field(default_factory=dict)  # a "Metadata" sheet, if any
    kolom_angka: list[str] = field(default_factory=list)  # columns read as numbers

    @property
    def berhasil(self) -> bool:
        return self.tabel is not None

    @property
    def galat(self) -> list[Masalah]:
        return [m for m in self.masalah if m.tingkat == "galat"]


def ukuran_mb(isi: bytes) -> float:
    return len(isi) / (1024 * 1024)


def huruf_kolom(nomor: int) -> str:
    """1 -> 'A', 27 -> 'AA' (Excel column letters)."""
    huruf = ""
    while nomor > 0:
        nomor, sisa = divmod(nomor - 1, 26)
        huruf = chr(65 + sisa) + huruf
    return huruf


def baca_berkas(nama_berkas: str, isi: bytes, batas_mb: float = BATAS_MB) -> HasilBaca:
    """Read an uploaded .xlsx or .csv; every problem becomes a Masalah (never an exception)."""
    nama = nama_berkas or "berkas"
    try:
        isi = bytes(isi or b"")  # a memoryview from FileUpload; a copy, the caller's stays as is
        return _baca(nama, isi, batas_mb)
    except Exception:  # noqa: BLE001 - last line of defence: the user sees a message
        return _gagal(
            laporkan(  # a bug of the reader: its traceback goes to the log under this code
                f"Berkas “{nama}” tidak bisa dibaca. Coba buka di Excel, simpan ulang sebagai "
                ".xlsx, lalu unggah lagi.",
                log,
            ),
            format="rusak",
        )


def _gagal(pesan: str, format: str = "tidak dikenal", catatan=None) -> HasilBaca:
    return HasilBaca(None, [Masalah(None, None, None, pesan)], list(catatan or []), format)


def _baca(nama: str, isi: bytes, batas_mb: float) -> HasilBaca:
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
        return _baca_zip(nama, isi, akhiran)
    if isi.startswith(TANDA_OLE):
        return _baca_ole(nama, isi)
    jenis = _jenis_bukan_tabel(isi)
    if jenis:
        return _gagal(
            f"Berkas “{nama}” ternyata {jenis}, bukan tabel Excel atau CSV (walaupun namanya "
            f"berakhiran .{akhiran or '?'}). Unggah berkas Excel (.xlsx) atau CSV yang berisi "
            "tabel datanya.",
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


# --- Excel --------------------------------------------------------------------------------


def _baca_ole(nama: str, isi: bytes) -> HasilBaca:
    """Old Office files and encrypted Office files share the OLE container."""
    if "EncryptedPackage".encode("utf-16-le") in isi:
        return _gagal(
            f"Berkas “{nama}” dilindungi kata sandi (password), jadi isinya tidak bisa dibaca. "
            "Buka di Excel dengan kata sandinya, hapus kata sandi (File → Info → Lindungi Buku "
            "Kerja → Enkripsi dengan Kata Sandi → kosongkan), simpan, lalu unggah lagi.",
            format="xlsx berkata sandi",
        )
    if "Workbook".encode("utf-16-le") in isi or "Book".encode("utf-16-le") in isi:
        return _gagal(
            f"Berkas “{nama}” adalah Excel versi lama (.xls, Excel 97–2003). Aplikasi ini membaca "
            f".xlsx dan CSV: simpan ulang sebagai .xlsx. {SARAN_XLSX}",
            format="xls",
        )
    return _gagal(
        f"Berkas “{nama}” adalah dokumen Office versi lama (mis. .doc), bukan tabel. {SARAN_XLSX}",
        format="office lama",
    )


def _baca_zip(nama: str, isi: bytes, akhiran: str) -> HasilBaca:
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
    if "xl/workbook.xml" not in daftar:
        if any(n.startswith("word/") for n in daftar):
            jenis = "dokumen Word (.docx)"
        elif "mimetype" in daftar and b"opendocument.spreadsheet" in arsip.read("mimetype"):
            return _gagal(
                f"Berkas “{nama}” adalah lembar kerja LibreOffice (.ods). Simpan ulang sebagai "
                ".xlsx (File → Simpan Sebagai → Excel 2007-365), lalu unggah lagi.",
                format="ods",
            )
        elif any(n.startswith("ppt/") for n in daftar):
            jenis = "presentasi PowerPoint (.pptx)"
        else:
            jenis = "arsip ZIP"
        return _gagal(
            f"Berkas “{nama}” adalah {jenis}, bukan buku kerja Excel. Unggah berkas .xlsx atau "
            "CSV yang berisi tabel datanya.",
            format=jenis,
        )
    if total > BATAS_ZIP_MB * 1024 * 1024:
        return _gagal(
            f"Berkas “{nama}” terlalu besar setelah dibuka (lebih dari {BATAS_ZIP_MB} MB). "
            "Hapus lembar yang tidak perlu lalu unggah lagi.",
            format="xlsx terlalu besar",
        )
    return _baca_xlsx(nama, isi, akhiran)


def _ada_isi(ws) -> bool:
    return any(v not in (None, "") for r in ws.iter_rows(max_row=40, values_only=True) for v in r)


def _pilih_lembar(buku) -> str | None:
    """The sheet with the data: 'Isian' or 'Data' if it has content, else the first sheet
    with content that is not the template's 'Petunjuk' or 'Metadata'."""
    nama = [n for n in buku.sheetnames if _ada_isi(buku[n])]
    for suka in ("isian", "data"):
        for n in nama:
            if n.strip().lower() == suka:
                return n
    for n in nama:
        if n.strip().lower() not in ("petunjuk", "metadata"):
            return n
    return None


def _baca_xlsx(nama: str, isi: bytes, akhiran: str) -> HasilBaca:
    from openpyxl import load_workbook

    catatan = ["Format: buku kerja Excel (.xlsx)."]
    if akhiran not in ("xlsx", "xlsm"):
        catatan.append(f"Nama berkas berakhiran .{akhiran or '?'}, tetapi isinya Excel (.xlsx).")
    try:
        rumus = load_workbook(io.BytesIO(isi), data_only=False)
        nilai = load_workbook(io.BytesIO(isi), data_only=True)
    except Exception as e:  # noqa: BLE001 - openpyxl raises many kinds for broken files
        log.info("Excel rusak: %s", nama, exc_info=True)
        return _gagal(
            f"Berkas “{nama}” tampak seperti Excel tetapi rusak ({type(e).__name__}). Buka di "
            "Excel, simpan ulang sebagai .xlsx, lalu unggah lagi.",
            format="xlsx rusak",
            catatan=catatan,
        )
    lembar = _pilih_lembar(nilai)
    if lembar is None:
        return _gagal(
            f"Semua lembar di berkas “{nama}” kosong. Isi tabel data di lembar pertama (atau di "
            "lembar bernama “Isian”).",
            format="xlsx",
            catatan=catatan,
        )
    lain = [n for n in nilai.sheetnames if n != lembar]
    if lain:
        catatan.append(
            f"Data dibaca dari lembar “{lembar}”; lembar lain ({', '.join(lain)}) tidak dibaca "
            "sebagai data."
        )
    ws, ws_rumus = nilai[lembar], rumus[lembar]
    if ws.max_row > BATAS_BARIS + BATAS_BARIS_KEPALA:
        return _terlalu_banyak_baris(nama, "xlsx")
    masalah: list[Masalah] = []
    baris = [list(r) for r in ws.iter_rows(values_only=True)]
    # Merged cells: openpyxl keeps the value in the top-left cell only.
    gabung = [(r.min_row, r.min_col, r.max_row, r.max_col, r.coord) for r in ws.merged_cells.ranges]
    kepala = _cari_kepala(baris)
    if kepala is None:
        return _gagal(
            f"Lembar “{lembar}” tidak berisi tabel (tidak ditemukan baris judul kolom).",
            format="xlsx",
            catatan=catatan,
        )
    for r0, c0, r1, c1, coord in sorted(gabung):
        if r0 <= kepala + 1 <= r1:
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
        elif r0 > kepala + 1:
            isi_sel = baris[r0 - 1][c0 - 1] if c0 - 1 < len(baris[r0 - 1]) else None
            for r in range(r0, r1 + 1):
                for c in range(c0, c1 + 1):
                    if c - 1 < len(baris[r - 1]):
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
    # Formulas: the values read are the results Excel saved with the file.
    sel_rumus = [
        s
        for r in ws_rumus.iter_rows(min_row=kepala + 1)
        for s in r
        if isinstance(s.value, str) and s.value.startswith("=")
    ]
    if sel_rumus:
        contoh = sel_rumus[0]
        catatan.append(
            f"{format_angka(len(sel_rumus))} sel berisi rumus (mis. {contoh.coordinate} "
            f"{contoh.value[:40]}); yang dibaca adalah hasil rumus yang tersimpan di berkas."
        )
        for s in sel_rumus:
            if ws[s.coordinate].value is None:
                masalah.append(
                    Masalah(
                        lembar,
                        s.row,
                        None,
                        f"sel {s.coordinate} berisi rumus {s.value[:40]} tetapi hasilnya belum "
                        "tersimpan. Buka berkas di Excel, tekan Simpan, lalu unggah lagi.",
                        "peringatan",
                    )
                )
    meta = _baca_metadata(nilai)
    hasil = _susun_tabel(baris, kepala, lembar, masalah, catatan, nomor_awal=1)
    hasil.format, hasil.lembar, hasil.metadata = "xlsx", lembar, meta
    return hasil


def _baca_metadata(buku) -> dict[str, str]:
    """A sheet named 'Metadata' with label | value pairs (as in the kit's template)."""
    for n in buku.sheetnames:
        if n.strip().lower() == "metadata":
            meta = {}
            for r in buku[n].iter_rows(values_only=True):
                if len(r) >= 2 and r[0] not in (None, "") and r[1] not in (None, ""):
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
            f"Isi berkas “{nama}” tidak dikenali (bukan Excel .xlsx dan bukan teks CSV). "
            + SARAN_XLSX,
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
    baris = baris[lewati:]
    masalah: list[Masalah] = []
    kepala = _cari_kepala(baris)
    if kepala is None:
        return _gagal(
            f"Berkas “{nama}” tidak berisi tabel: tidak ditemukan baris judul kolom.",
            format="csv",
            catatan=catatan,
        )
    hasil = _susun_tabel(baris, kepala, None, masalah, catatan, nomor_awal=1 + lewati)
    hasil.format = "csv"
    return hasil


# --- From rows to a table -----------------------------------------------------------------


def _kosong(v) -> bool:
    return (
        v is None
        or (isinstance(v, str) and not v.strip())
        or (isinstance(v, float) and math.isnan(v))
    )


def _cari_kepala(baris: list[list]) -> int | None:
    """Index of the header row: the first of the top rows that is mostly text and about as
    wide as the table (a title line above it has one cell, the data below has numbers)."""
    atas = baris[:BATAS_BARIS_KEPALA]
    isi = [sum(not _kosong(v) for v in r) for r in atas]
    if not isi or max(isi) == 0:
        return None
    lebar = max(isi)
    for i, r in enumerate(atas):
        nilai = [v for v in r if not _kosong(v)]
        if len(nilai) < max(1, 0.6 * lebar):
            continue
        teks = sum(isinstance(v, str) and _angka_teks(v) is None for v in nilai)
        if teks >= 0.5 * len(nilai):
            return i
    return None


def nama_kolom_rapi(nama) -> str:
    """' Laki-laki\\n(jiwa) ' -> 'Laki-laki (jiwa)'."""
    return " ".join(str(nama).split())


def _susun_tabel(
    baris: list[list],
    kepala: int,
    lembar: str | None,
    masalah: list[Masalah],
    catatan: list[str],
    nomor_awal: int,
) -> HasilBaca:
    lebar = max(len(r) for r in baris)
    baris = [list(r) + [None] * (lebar - len(r)) for r in baris]
    judul = baris[kepala]
    # Columns with neither a name nor data are dropped (Excel's stray formatted columns).
    pakai = [
        j
        for j in range(lebar)
        if not _kosong(judul[j]) or any(not _kosong(r[j]) for r in baris[kepala + 1 :])
    ]
    nama, dilihat = [], {}
    for j in pakai:
        asli = nama_kolom_rapi(judul[j]) if not _kosong(judul[j]) else ""
        if not asli:
            asli = f"kolom_{huruf_kolom(j + 1)}"
            masalah.append(
                Masalah(
                    lembar,
                    kepala + nomor_awal,
                    asli,
                    f"kolom {huruf_kolom(j + 1)} berisi data tetapi tidak punya judul. Beri "
                    "judul kolom.",
                )
            )
        if asli.lower() in dilihat:
            baru = f"{asli}_{dilihat[asli.lower()] + 1}"
            masalah.append(
                Masalah(
                    lembar,
                    kepala + nomor_awal,
                    asli,
                    f"judul kolom “{asli}” dipakai dua kali; kolom kedua dibaca sebagai "
                    f"“{baru}”. Beri setiap kolom judul yang berbeda.",
                    "peringatan",
                )
            )
            dilihat[asli.lower()] += 1
            asli = baru
        else:
            dilihat[asli.lower()] = 1
        nama.append(asli)
    data, nomor = [], []
    for i in range(kepala + 1, len(baris)):
        r = [baris[i][j] for j in pakai]
        if all(_kosong(v) for v in r):
            continue
        data.append([None if _kosong(v) else (v.strip() if isinstance(v, str) else v) for v in r])
        nomor.append(i + nomor_awal)
    if kepala > 0:
        catatan.append(
            f"Judul kolom ada di baris {kepala + nomor_awal}; baris di atasnya dilewati."
        )
    if not data:
        masalah.append(
            Masalah(
                lembar,
                kepala + nomor_awal,
                None,
                "berkas hanya berisi judul kolom, belum ada baris data. Isi data mulai baris "
                f"{kepala + nomor_awal + 1}.",
            )
        )
        return HasilBaca(None, masalah, catatan, baris_kepala=kepala + nomor_awal)
    tabel = pd.DataFrame(data, columns=nama, index=pd.Index(nomor, name="baris"), dtype=object)
    kolom_angka = _ubah_angka(tabel, catatan, semua_teks=lembar is None)
    return HasilBaca(
        tabel, masalah, catatan, baris_kepala=kepala + nomor_awal, kolom_angka=kolom_angka
    )


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
    if isinstance(v, bool) or v is None:
        return None
    if isinstance(v, int | float):
        return None if isinstance(v, float) and math.isnan(v) else float(v)
    if isinstance(v, str):
        return _angka_teks(v)
    return None


def angka_ringkas(nilai: float) -> str:
    """1234 -> '1.234', 12.5 -> '12,5', 0.125 -> '0,13' (no trailing zeros)."""
    if float(nilai).is_integer():
        return format_angka(int(nilai))
    return format_angka(nilai, 2).rstrip("0").rstrip(",")


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


def html_masalah(masalah: list[Masalah], judul: str = "Laporan pemeriksaan") -> str:
    """An escaped list of problems grouped by level, readable on a phone."""
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
            butir = "".join(f"<li>{escape(m.teks())}</li>" for m in daftar)
            bagian.append(
                f"<div class='literasi-umpan {kelas}'{gaya}><b>{_LABEL_TINGKAT[tingkat]} "
                f"({len(daftar)})</b><ul style='margin:4px 0;padding-left:1.2em'>{butir}</ul>"
                "</div>"
            )
    return f"<div role='status'><b>{escape(judul)}</b>{''.join(bagian)}</div>"
