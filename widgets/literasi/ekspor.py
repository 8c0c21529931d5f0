"""The kit's one export module: Excel, CSV, A4 PDF pages and HTML tables (pure, no widgets).

Every app that hands a file or a table to a person goes through here, so the safety rules live
in one place:

- `aman_sel()`: text a spreadsheet would run as a formula (= + - @, tab, CR) gets a leading
  apostrophe and is stored as text (CSV/formula injection). Used by Excel, CSV and nothing else.
- `nilai_excel()`: one cell value as openpyxl can write it (numpy/pandas scalars to Python,
  missing to empty, text escaped).
- `buat_excel()`: one sheet per table (numbers stored as numbers, with a number format per
  column), then a "Metadata" sheet in the Satu Data spirit.
- `buat_csv()`: UTF-8 with BOM, the same escaping.
- `buat_pdf()`: A4 portrait pages drawn with matplotlib (a title page, then one page per
  section: sentences, a chart drawn on a given Axes, a table), source line and page number on
  every page.
- `tabel_html()`: a small escaped HTML table that scrolls sideways inside itself on a phone.
- `tanggal_indonesia()`: "17 Agustus 2026" through Babel's `id` locale.

openpyxl and matplotlib's PDF backend are imported when a file is made, not when an app starts.
"""

from __future__ import annotations

import io
import math
import re
import textwrap
from collections.abc import Callable
from dataclasses import dataclass, field
from datetime import date, datetime
from html import escape

import numpy as np
import pandas as pd

from literasi.format import LOCALE, format_angka

AWAL_RUMUS = ("=", "+", "-", "@", "\t", "\r")
A4 = (8.27, 11.69)  # inches, portrait
BARIS_PER_HALAMAN = 32  # table rows that fit under a heading on one A4 page
PEMBUAT = "Kit Literasi Statistik BPS Kota Pekalongan"


# --- Safety and cell values ---------------------------------------------------------------


def aman_sel(nilai):
    """Text a spreadsheet would run as a formula gets a leading apostrophe; numbers unchanged.

    >>> aman_sel('=HYPERLINK("http://x","klik")')
    '\\'=HYPERLINK("http://x","klik")'
    >>> aman_sel(-5), aman_sel("RW 01")
    (-5, 'RW 01')
    """
    if isinstance(nilai, str) and nilai.startswith(AWAL_RUMUS):
        return "'" + nilai
    return nilai


def kosong(v) -> bool:
    """None, NaN, pd.NA or NaT.

    >>> kosong(None), kosong(float("nan")), kosong(pd.NA), kosong(0), kosong("")
    (True, True, True, False, False)
    """
    if v is None or v is pd.NA or v is pd.NaT:
        return True
    return isinstance(v, float | np.floating) and math.isnan(v)


def nilai_excel(v):
    """A cell value openpyxl can write: numpy/pandas scalars to Python, missing to None, text
    escaped (`aman_sel`), anything else as its text.

    >>> nilai_excel(np.int64(3)), nilai_excel(np.float64(0.5)), nilai_excel(pd.NA)
    (3, 0.5, None)
    >>> nilai_excel("=1+1")
    "'=1+1"
    """
    if kosong(v):
        return None
    if isinstance(v, bool | np.bool_):
        return bool(v)
    if isinstance(v, np.integer):
        return int(v)
    if isinstance(v, np.floating):
        return float(v)
    if isinstance(v, pd.Timestamp):
        return v.to_pydatetime()
    if isinstance(v, int | float | str | date):
        return aman_sel(v)
    return aman_sel(str(v))


def tanggal_indonesia(hari: date | None = None) -> str:
    """A date the Indonesian way, through Babel.

    >>> tanggal_indonesia(date(2024, 12, 31))
    '31 Desember 2024'
    """
    from babel.dates import format_date

    return format_date(hari or date.today(), "d MMMM y", locale=LOCALE)


def waktu_indonesia(saat: datetime | None = None) -> str:
    """A date and time the Indonesian way.

    >>> waktu_indonesia(datetime(2026, 1, 5, 9, 7))
    '5 Januari 2026 pukul 09.07'
    """
    saat = saat or datetime.now()
    return f"{tanggal_indonesia(saat.date())} pukul {saat:%H.%M}"


def nama_lembar(nama: str) -> str:
    """Excel sheet names: at most 31 characters, none of []:*?/\\.

    >>> nama_lembar("Per RW: 2024/2025")
    'Per RW- 2024-2025'
    """
    return re.sub(r"[\[\]:*?/\\]", "-", nama)[:31] or "Lembar"


def nama_berkas(teks: str, cadangan: str = "berkas") -> str:
    """A file name from a title: letters, digits and underscores, at most 50 characters.

    >>> nama_berkas("Kel. Degayu 2025")
    'Kel_Degayu_2025'
    """
    return re.sub(r"[^A-Za-z0-9-]+", "_", teks).strip("_")[:50] or cadangan


def pola_angka(desimal: int) -> str:
    """Excel's number format for `desimal` places; Excel shows it with the reader's own
    separators (1.234,5 on an Indonesian Windows)."""
    return "#,##0" + ("." + "0" * desimal if desimal > 0 else "")


def _desimal_kolom(tabel: pd.DataFrame, kolom, desimal: dict[str, int]) -> int | None:
    if kolom in desimal:
        return desimal[kolom]
    seri = tabel[kolom]
    if pd.api.types.is_bool_dtype(seri):
        return None
    if pd.api.types.is_integer_dtype(seri):
        return 0
    if pd.api.types.is_float_dtype(seri):
        isi = seri.dropna()
        return 0 if len(isi) and all(float(v).is_integer() for v in isi) else 2
    return None


# --- Excel and CSV ------------------------------------------------------------------------


def buat_excel(
    lembar: dict[str, pd.DataFrame],
    metadata: list[tuple[str, object]],
    definisi: dict[str, str] | None = None,
    desimal: dict[str, int] | None = None,
) -> bytes:
    """A workbook: each table on its own sheet (in order), then 'Metadata' (label | value, then
    the column definitions, then when and with what it was made).

    Numbers stay numbers; `desimal` gives the decimals shown per column name (integers get
    none, other numbers 2 unless said). Every text cell is stored as text, escaped.
    """
    from openpyxl import Workbook
    from openpyxl.styles import Font
    from openpyxl.utils import get_column_letter

    desimal = desimal or {}
    buku = Workbook()
    buku.remove(buku.active)
    for nama, tabel in lembar.items():
        ws = buku.create_sheet(nama_lembar(nama))
        ws.append([aman_sel(str(k)) for k in tabel.columns])
        for sel in ws[1]:
            sel.font = Font(bold=True)
        for baris in tabel.itertuples(index=False):
            ws.append([nilai_excel(v) for v in baris])
        for j, k in enumerate(tabel.columns, start=1):
            huruf = get_column_letter(j)
            lebar = max([len(str(k))] + [len(str(v)) for v in tabel[k].head(200)])
            ws.column_dimensions[huruf].width = max(8, min(60, lebar + 2))
            d = _desimal_kolom(tabel, k, desimal)
            if d is not None:
                for (sel,) in ws.iter_rows(min_row=2, min_col=j, max_col=j):
                    if isinstance(sel.value, int | float):
                        sel.number_format = pola_angka(d)
        ws.freeze_panes = "A2"
    meta = buku.create_sheet("Metadata")
    meta.append(["Keterangan", "Isi"])
    for label, nilai in metadata:
        meta.append([aman_sel(str(label)), nilai_excel(nilai)])
    if definisi:
        meta.append([])
        meta.append(["Definisi kolom", ""])
        for nama, arti in definisi.items():
            meta.append([aman_sel(nama), aman_sel(arti)])
    meta.append([])
    meta.append(["Dibuat", waktu_indonesia()])
    meta.append(["Dibuat dengan", PEMBUAT])
    for sel in meta[1]:
        sel.font = Font(bold=True)
    meta.column_dimensions["A"].width = 30
    meta.column_dimensions["B"].width = 90
    for ws in buku.worksheets:
        for baris in ws.iter_rows():
            for sel in baris:
                if isinstance(sel.value, str):
                    sel.data_type = "s"  # text is text: never a formula
    keluaran = io.BytesIO()
    buku.save(keluaran)
    return keluaran.getvalue()


def buat_csv(tabel: pd.DataFrame, **to_csv) -> bytes:
    """CSV, comma-separated, dot decimals, UTF-8 with BOM (Excel shows é and ² right);
    formula-like text escaped."""
    aman = tabel.astype(object).map(lambda v: aman_sel(v) if isinstance(v, str) else v)
    aman.columns = [aman_sel(str(k)) for k in tabel.columns]
    return aman.to_csv(index=False, **to_csv).encode("utf-8-sig")


# --- HTML tables --------------------------------------------------------------------------


class TabelHtml(str):
    """HTML text that a notebook shows as a table and an `ipw.HTML` takes as its value."""

    def _repr_html_(self) -> str:
        return str(self)

    @property
    def data(self) -> str:  # the same name as IPython.display.HTML's
        return str(self)


def angka_ringkas(nilai: float) -> str:
    """1234 -> '1.234', 12.5 -> '12,5', 0.126 -> '0,13' (at most 2 decimals, no trailing 0).

    >>> angka_ringkas(1234.0), angka_ringkas(12.5), angka_ringkas(0.126)
    ('1.234', '12,5', '0,13')
    """
    if float(nilai).is_integer():
        return format_angka(int(nilai))
    return format_angka(nilai, 2).rstrip("0").rstrip(",")


def teks_sel(v, desimal: int | None = 1) -> tuple[str, bool]:
    """(text, is_number) of one cell: integers without decimals, other numbers with `desimal`
    (None: as short as they are), missing as '–', anything else as its text."""
    if kosong(v):
        return "–", False
    if isinstance(v, bool | np.bool_):
        return str(v), False
    if isinstance(v, int | np.integer):
        return format_angka(int(v)), True
    if isinstance(v, float | np.floating):
        return (angka_ringkas(v) if desimal is None else format_angka(v, desimal)), True
    return str(v), False


def tabel_html(
    data: pd.DataFrame,
    judul: str,
    kolom: dict[str, str] | None = None,
    desimal: int | None | dict[str, int | None] = 1,
    sorot: list[bool] | None = None,
) -> TabelHtml:
    """The columns `kolom` (name -> header; default all) of `data` as an escaped HTML table.

    Integers without decimals; other numbers with `desimal` (one number, None for "as short
    as they are", or a dict per column); numbers right-aligned; text (also uploaded text) is
    escaped, never trusted. `sorot`: rows to highlight.
    """
    kolom = kolom or {nama: str(nama) for nama in data.columns}
    kepala = "".join(f"<th scope='col'>{escape(label)}</th>" for label in kolom.values())
    baris = []
    for i, b in enumerate(data[list(kolom)].itertuples(index=False)):
        sel = []
        for nama, v in zip(kolom, b, strict=True):
            d = desimal.get(nama, 1) if isinstance(desimal, dict) else desimal
            if pd.api.types.is_integer_dtype(data[nama]) and not kosong(v):
                v = int(v)
            teks, angka = teks_sel(v, d)
            gaya = " style='text-align:right'" if angka else ""
            sel.append(f"<td{gaya}>{escape(teks)}</td>")
        terang = " style='background:#fdebd9;font-weight:bold'" if sorot and sorot[i] else ""
        baris.append(f"<tr{terang}>" + "".join(sel) + "</tr>")
    return TabelHtml(
        "<div style='overflow-x:auto;max-width:100%'><table class='literasi-tabel'>"
        f"<caption>{escape(judul)}</caption><thead><tr>{kepala}</tr></thead>"
        f"<tbody>{''.join(baris)}</tbody></table></div>"
    )


# --- PDF ----------------------------------------------------------------------------------


@dataclass
class Bagian:
    """One section of the PDF: a heading, sentences, an optional chart and/or table."""

    judul: str
    teks: list[str] = field(default_factory=list)
    tabel: pd.DataFrame | None = None
    gambar: Callable | None = None  # draws on a matplotlib Axes: gambar(ax)
    tinggi_gambar: float = 0.45  # share of the page height for the chart
    desimal: dict[str, int] = field(default_factory=dict)  # decimals per table column
    lebar_kolom: list[float] | None = None  # shares of the table width


def _pdf(teks: str) -> str:
    """Typed text for matplotlib: a '$' would start mathtext."""
    return str(teks).replace("$", r"\$")


def _halaman_baru(judul_laporan: str, sumber: str, peringatan: str | None):
    from matplotlib.figure import Figure

    fig = Figure(figsize=A4, dpi=100)
    fig.text(0.07, 0.965, _pdf(judul_laporan), fontsize=8, color="#4a5a64")
    fig.text(0.07, 0.045, "Sumber: " + "\n".join(textwrap.wrap(_pdf(sumber), 120)),
             fontsize=7.5, color="#4a5a64", va="top")  # fmt: skip
    if peringatan:
        fig.text(0.93, 0.965, _pdf(peringatan), fontsize=8, color="#b00020", ha="right",
                 fontweight="bold")  # fmt: skip
    return fig


def _tulis_tabel(fig, b: Bagian, tabel: pd.DataFrame, atas: float, bawah: float) -> None:
    ax = fig.add_axes((0.07, bawah, 0.86, atas - bawah))
    ax.axis("off")
    isi = [
        [_pdf(teks_sel(v, b.desimal.get(k, 1))[0]) for k, v in zip(tabel.columns, r, strict=True)]
        for r in tabel.itertuples(index=False)
    ]
    tabel_mpl = ax.table(
        cellText=isi or [["–"] * len(tabel.columns)],
        colLabels=[_pdf(k) for k in tabel.columns],
        colWidths=b.lebar_kolom,
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
                bagian.desimal,
                bagian.lebar_kolom,
            )
        )
    return potongan


def jumlah_halaman_pdf(bagian: list[Bagian]) -> int:
    """Pages buat_pdf will write: the title page plus each (split) section."""
    return 1 + sum(len(_potong(b)) for b in bagian)


def buat_pdf(
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
    from matplotlib.backends.backend_pdf import PdfPages

    halaman = [p for b in bagian for p in _potong(b)]
    total = len(halaman) + 1
    keluaran = io.BytesIO()
    with PdfPages(keluaran) as pdf:
        info = pdf.infodict()
        info["Title"] = judul
        info["Subject"] = subjudul
        info["Creator"] = PEMBUAT
        fig = _halaman_baru(judul, sumber, peringatan)
        fig.text(0.5, 0.72, "\n".join(textwrap.wrap(_pdf(judul), 40)), ha="center",
                 fontsize=22, fontweight="bold")  # fmt: skip
        fig.text(0.5, 0.64, "\n".join(textwrap.wrap(_pdf(subjudul), 70)), ha="center",
                 fontsize=13, color="#1f6f8b", va="top")  # fmt: skip
        if peringatan:
            fig.text(0.5, 0.58, _pdf(peringatan), ha="center", fontsize=16, color="#b00020",
                     fontweight="bold")  # fmt: skip
        y = 0.52
        for label, nilai in keterangan:
            baris = textwrap.wrap(_pdf(nilai), 60) or ["–"]
            fig.text(0.1, y, _pdf(label), fontsize=10, fontweight="bold", va="top")
            fig.text(0.38, y, "\n".join(baris), fontsize=10, va="top", linespacing=1.4)
            y -= 0.0175 * len(baris) + 0.012
        fig.text(0.5, 0.1, f"Dibuat {tanggal_indonesia()}", ha="center", fontsize=9)
        fig.text(0.93, 0.012, f"Halaman 1 dari {total}", ha="right", fontsize=7.5)
        pdf.savefig(fig)
        for nomor, b in enumerate(halaman, start=2):
            fig = _halaman_baru(judul, sumber, peringatan)
            fig.text(0.07, 0.92, _pdf(b.judul), fontsize=15, fontweight="bold", color="#14303d")
            y = 0.885
            for kalimat in b.teks:
                baris = textwrap.wrap(_pdf(kalimat), 95) or [""]
                fig.text(0.07, y, "\n".join(baris), fontsize=10, va="top", linespacing=1.4)
                y -= 0.0175 * len(baris) + 0.01
            if b.gambar is not None:
                tinggi = b.tinggi_gambar
                ax = fig.add_axes((0.16, y - tinggi - 0.01, 0.76, tinggi - 0.04))
                b.gambar(ax)
                y -= tinggi + 0.05  # room for the x-axis labels
            if b.tabel is not None:
                _tulis_tabel(fig, b, b.tabel, y, 0.07)
            fig.text(0.93, 0.012, f"Halaman {nomor} dari {total}", ha="right", fontsize=7.5)
            pdf.savefig(fig)
    return keluaran.getvalue()


def hitung_halaman(pdf: bytes) -> int:
    """Pages in a PDF written by matplotlib (counts its /Type /Page objects)."""
    return len(re.findall(rb"/Type\s*/Page\b(?!s)", pdf))
