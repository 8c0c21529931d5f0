"""Reports to take home: an Excel workbook, a CSV and a printable A4 PDF (pure, no widgets).

- `tulis_excel()`: one sheet per table plus a "Metadata" sheet in the Satu Data spirit (source,
  period, definitions, contact). Text that a spreadsheet would run as a formula (= + - @) is
  written with a leading apostrophe and stored as text, never as a formula (CSV injection).
- `tulis_csv()`: UTF-8 with BOM (Excel shows é and ² right), the same escaping.
- `tulis_pdf()`: "Kelurahan … dalam Angka"-style A4 pages made with matplotlib's PdfPages: a
  title page, then one page per section (text, a table and/or a chart), with the source line
  and the page number on every page. No new dependency.
"""

from __future__ import annotations

import io
import math
import re
import textwrap
from collections.abc import Callable
from dataclasses import dataclass, field
from datetime import date

import numpy as np
import pandas as pd
from matplotlib.backends.backend_pdf import PdfPages
from matplotlib.figure import Figure

from literasi.format import format_angka

AWAL_RUMUS = ("=", "+", "-", "@", "\t", "\r")
A4 = (8.27, 11.69)  # inches, portrait
BARIS_PER_HALAMAN = 32  # table rows that fit under a heading on one A4 page
BULAN = ("Januari", "Februari", "Maret", "April", "Mei", "Juni", "Juli", "Agustus",
         "September", "Oktober", "November", "Desember")  # fmt: skip


def aman_sel(nilai):
    """Text a spreadsheet would run as a formula gets a leading apostrophe; numbers unchanged.

    >>> aman_sel('=HYPERLINK("http://x","klik")')
    '\\'=HYPERLINK("http://x","klik")'
    >>> aman_sel(-5)
    -5
    """
    if isinstance(nilai, str) and nilai.startswith(AWAL_RUMUS):
        return "'" + nilai
    return nilai


def _nilai_excel(v):
    """A cell value openpyxl can write: numpy/pandas scalars to Python, missing to None."""
    if v is None or v is pd.NA or v is pd.NaT:
        return None
    if isinstance(v, float | np.floating) and math.isnan(v):
        return None
    if isinstance(v, np.integer):
        return int(v)
    if isinstance(v, np.floating):
        return float(v)
    if isinstance(v, int | float | str | date):
        return aman_sel(v)
    return aman_sel(str(v))


def tanggal_indonesia(hari: date | None = None) -> str:
    hari = hari or date.today()
    return f"{hari.day} {BULAN[hari.month - 1]} {hari.year}"


def nama_lembar(nama: str) -> str:
    """Excel sheet names: at most 31 characters, none of []:*?/\\."""
    return re.sub(r"[\[\]:*?/\\]", "-", nama)[:31] or "Lembar"


def tulis_excel(
    lembar: dict[str, pd.DataFrame],
    metadata: list[tuple[str, str]],
    definisi: dict[str, str] | None = None,
) -> bytes:
    """A workbook: each table on its own sheet (in order), then 'Metadata' (label | value,
    then the column definitions). Every text cell is stored as text, escaped."""
    from openpyxl import Workbook
    from openpyxl.styles import Font
    from openpyxl.utils import get_column_letter

    buku = Workbook()
    buku.remove(buku.active)
    for nama, tabel in lembar.items():
        ws = buku.create_sheet(nama_lembar(nama))
        ws.append([aman_sel(str(k)) for k in tabel.columns])
        for sel in ws[1]:
            sel.font = Font(bold=True)
        for baris in tabel.itertuples(index=False):
            ws.append([_nilai_excel(v) for v in baris])
        for j, k in enumerate(tabel.columns, start=1):
            ws.column_dimensions[get_column_letter(j)].width = max(10, min(40, len(str(k)) + 4))
        ws.freeze_panes = "A2"
    meta = buku.create_sheet("Metadata")
    meta.append(["Keterangan", "Isi"])
    for label, nilai in metadata:
        meta.append([aman_sel(str(label)), _nilai_excel(nilai)])
    if definisi:
        meta.append([])
        meta.append(["Definisi kolom", ""])
        for nama, arti in definisi.items():
            meta.append([aman_sel(nama), aman_sel(arti)])
    meta.append([])
    meta.append(["Dibuat", tanggal_indonesia()])
    meta.append(["Dibuat dengan", "Kit Literasi Statistik BPS Kota Pekalongan"])
    for sel in meta[1]:
        sel.font = Font(bold=True)
    meta.column_dimensions["A"].width = 26
    meta.column_dimensions["B"].width = 90
    for ws in buku.worksheets:
        for baris in ws.iter_rows():
            for sel in baris:
                if isinstance(sel.value, str):
                    sel.data_type = "s"  # text is text: never a formula
    keluaran = io.BytesIO()
    buku.save(keluaran)
    return keluaran.getvalue()


def tulis_csv(tabel: pd.DataFrame) -> bytes:
    """CSV, comma-separated, dot decimals, UTF-8 with BOM; formula-like text escaped."""
    aman = tabel.astype(object).map(lambda v: aman_sel(v) if isinstance(v, str) else v)
    aman.columns = [aman_sel(str(k)) for k in tabel.columns]
    return aman.to_csv(index=False).encode("utf-8-sig")


# --- PDF ----------------------------------------------------------------------------------


@dataclass
class Bagian:
    """One section of the PDF: a heading, sentences, an optional table and/or chart."""

    judul: str
    teks: list[str] = field(default_factory=list)
    tabel: pd.DataFrame | None = None
    gambar: Callable | None = None  # draws on a matplotlib Axes: gambar(ax)
    tinggi_gambar: float = 0.45  # share of the page height for the chart


def _sel_pdf(v) -> str:
    if isinstance(v, bool) or v is None:
        return "–" if v is None else str(v)
    if isinstance(v, int | np.integer):
        return format_angka(int(v))
    if isinstance(v, float | np.floating):
        if math.isnan(v):
            return "–"
        return format_angka(v, 0 if float(v).is_integer() else 1)
    return str(v)


def _halaman_baru(judul_laporan: str, sumber: str, peringatan: str | None) -> Figure:
    fig = Figure(figsize=A4, dpi=100)
    fig.text(0.07, 0.965, judul_laporan, fontsize=8, color="#4a5a64")
    fig.text(0.07, 0.045, "Sumber: " + "\n".join(textwrap.wrap(sumber, 120)), fontsize=7.5,
             color="#4a5a64", va="top")  # fmt: skip
    if peringatan:
        fig.text(0.93, 0.965, peringatan, fontsize=8, color="#b00020", ha="right",
                 fontweight="bold")  # fmt: skip
    return fig


def _tulis_tabel(fig: Figure, tabel: pd.DataFrame, atas: float, bawah: float) -> None:
    ax = fig.add_axes((0.07, bawah, 0.86, atas - bawah))
    ax.axis("off")
    isi = [[_sel_pdf(v) for v in b] for b in tabel.itertuples(index=False)]
    tabel_mpl = ax.table(
        cellText=isi or [["–"] * len(tabel.columns)],
        colLabels=[str(k) for k in tabel.columns],
        loc="upper center",
        cellLoc="right",
        colLoc="center",
    )
    tabel_mpl.auto_set_font_size(False)
    tabel_mpl.set_fontsize(8.5)
    tinggi = min(0.95 / (len(isi) + 1), 0.024 / (atas - bawah))  # ≈ 0.024 of the page per row
    for (r, c), sel in tabel_mpl.get_celld().items():
        sel.set_height(tinggi)
        sel.set_edgecolor("#c9d6de")
        if r == 0:
            sel.set_facecolor("#ddebf2")
            sel.set_text_props(fontweight="bold")
        elif isinstance(tabel.iloc[r - 1, c], str):
            sel.get_text().set_horizontalalignment("left")


def _potong(bagian: Bagian) -> list[Bagian]:
    """A long table continues on the next page (same heading, 'lanjutan')."""
    if bagian.tabel is None or len(bagian.tabel) <= BARIS_PER_HALAMAN:
        return [bagian]
    potongan = []
    for i in range(0, len(bagian.tabel), BARIS_PER_HALAMAN):
        potongan.append(
            Bagian(
                bagian.judul + (" (lanjutan)" if i else ""),
                bagian.teks if i == 0 else [],
                bagian.tabel.iloc[i : i + BARIS_PER_HALAMAN],
                bagian.gambar if i == 0 else None,
                bagian.tinggi_gambar,
            )
        )
    return potongan


def jumlah_halaman_pdf(bagian: list[Bagian]) -> int:
    """Pages tulis_pdf will write: the title page plus each (split) section."""
    return 1 + sum(len(_potong(b)) for b in bagian)


def tulis_pdf(
    judul: str,
    subjudul: str,
    sumber: str,
    bagian: list[Bagian],
    keterangan: list[tuple[str, str]] = (),
    peringatan: str | None = None,
) -> bytes:
    """A4 portrait PDF: a title page (title, subtitle, metadata), then one page per section.

    `peringatan` (e.g. 'DATA CONTOH FIKTIF') is printed in red on every page.
    """
    halaman = [p for b in bagian for p in _potong(b)]
    total = len(halaman) + 1
    keluaran = io.BytesIO()
    with PdfPages(keluaran) as pdf:
        info = pdf.infodict()
        info["Title"] = judul
        info["Subject"] = subjudul
        info["Creator"] = "Kit Literasi Statistik BPS Kota Pekalongan"
        fig = _halaman_baru(judul, sumber, peringatan)
        fig.text(0.5, 0.72, judul, ha="center", fontsize=22, fontweight="bold", wrap=True)
        fig.text(0.5, 0.66, subjudul, ha="center", fontsize=13, color="#1f6f8b", wrap=True)
        if peringatan:
            fig.text(0.5, 0.6, peringatan, ha="center", fontsize=16, color="#b00020",
                     fontweight="bold")  # fmt: skip
        y = 0.5
        for label, nilai in keterangan:
            baris = textwrap.wrap(str(nilai), 60) or ["–"]
            fig.text(0.1, y, f"{label}", fontsize=10, fontweight="bold", va="top")
            fig.text(0.38, y, "\n".join(baris), fontsize=10, va="top", linespacing=1.4)
            y -= 0.0175 * len(baris) + 0.012
        fig.text(0.5, 0.1, f"Dibuat {tanggal_indonesia()}", ha="center", fontsize=9)
        fig.text(0.93, 0.012, f"Halaman 1 dari {total}", ha="right", fontsize=7.5)
        pdf.savefig(fig)
        for nomor, b in enumerate(halaman, start=2):
            fig = _halaman_baru(judul, sumber, peringatan)
            fig.text(0.07, 0.92, b.judul, fontsize=15, fontweight="bold", color="#14303d")
            y = 0.885
            for kalimat in b.teks:
                baris = textwrap.wrap(kalimat, 95) or [""]
                fig.text(0.07, y, "\n".join(baris), fontsize=10, va="top", linespacing=1.4)
                y -= 0.0175 * len(baris) + 0.01
            if b.gambar is not None:
                tinggi = b.tinggi_gambar
                ax = fig.add_axes((0.12, y - tinggi - 0.01, 0.8, tinggi - 0.04))
                b.gambar(ax)
                y -= tinggi + 0.05  # room for the x-axis labels
            if b.tabel is not None:
                _tulis_tabel(fig, b.tabel, y, 0.07)
            fig.text(0.93, 0.012, f"Halaman {nomor} dari {total}", ha="right", fontsize=7.5)
            pdf.savefig(fig)
    return keluaran.getvalue()


def hitung_halaman(pdf: bytes) -> int:
    """Pages in a PDF written by matplotlib (counts its /Type /Page objects)."""
    return len(re.findall(rb"/Type\s*/Page\b(?!s)", pdf))
