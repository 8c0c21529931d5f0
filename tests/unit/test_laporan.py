"""Reports: the Excel workbook reads back (tables and metadata), the PDF is a PDF with the
expected pages, formula-like text is escaped."""

from __future__ import annotations

import io

import pandas as pd
from openpyxl import load_workbook

from literasi import ekspor as laporan


def contoh_tabel() -> pd.DataFrame:
    return pd.DataFrame(
        {
            "RW": ["RW 01", "RW 02"],
            "laki_laki": pd.array([540, 447], dtype="Int64"),
            "rasio": [106.1, float("nan")],
            "catatan": ["=1+1", None],
        }
    )


def test_excel_terbaca_kembali_dengan_metadata():
    xlsx = laporan.buat_excel(
        {
            "Per RW": contoh_tabel(),
            "Nama lembar yang panjang sekali: lebih dari 31 huruf": contoh_tabel(),
        },
        [("Sumber data", "Registrasi kelurahan"), ("Periode data", "Desember 2024")],
        {"laki_laki": "Banyaknya penduduk laki-laki (jiwa)."},
    )
    buku = load_workbook(io.BytesIO(xlsx))
    assert buku.sheetnames[0] == "Per RW" and buku.sheetnames[-1] == "Metadata"
    assert len(buku.sheetnames[1]) <= 31 and ":" not in buku.sheetnames[1]
    ws = buku["Per RW"]
    assert [c.value for c in ws[1]] == ["RW", "laki_laki", "rasio", "catatan"]
    assert [c.value for c in ws[2]] == ["RW 01", 540, 106.1, "'=1+1"]
    assert [c.value for c in ws[3]] == ["RW 02", 447, None, None]
    meta = {r[0]: r[1] for r in buku["Metadata"].iter_rows(values_only=True) if r and r[0]}
    assert meta["Sumber data"] == "Registrasi kelurahan"
    assert meta["Periode data"] == "Desember 2024"
    assert meta["laki_laki"].startswith("Banyaknya penduduk")
    assert "Definisi kolom" in meta and "Dibuat" in meta


def test_csv_utf8_bom_dan_diloloskan():
    isi = laporan.buat_csv(contoh_tabel())
    assert isi.startswith(b"\xef\xbb\xbf")
    teks = isi.decode("utf-8-sig").splitlines()
    assert teks[0] == "RW,laki_laki,rasio,catatan"
    assert teks[1] == "RW 01,540,106.1,'=1+1"


def test_aman_sel():
    assert laporan.aman_sel("@SUM(A1)") == "'@SUM(A1)"
    assert laporan.aman_sel("-2+3") == "'-2+3"
    assert laporan.aman_sel("RW 01") == "RW 01"
    assert laporan.aman_sel(-3) == -3


def bagian(n_baris: int) -> list[laporan.Bagian]:
    tabel = pd.DataFrame({"Umur": [f"{i}" for i in range(n_baris)], "Jumlah": range(n_baris)})
    return [
        laporan.Bagian("Ringkasan", ["Satu kalimat yang cukup panjang. " * 6]),
        laporan.Bagian("Grafik", ["Batang."], None, lambda ax: ax.bar([1, 2], [3, 4])),
        laporan.Bagian("Tabel panjang", [], tabel),
    ]


def test_pdf_a4_dengan_jumlah_halaman():
    isi = bagian(10)
    pdf = laporan.buat_pdf("Kelurahan X dalam Angka", "Penduduk", "Sumber uji", isi,
                            keterangan=[("Periode", "2024")])  # fmt: skip
    assert pdf.startswith(b"%PDF")
    assert laporan.jumlah_halaman_pdf(isi) == 4  # title page + 3 sections
    assert laporan.hitung_halaman(pdf) == 4
    assert b"/MediaBox [0 0 595.44 841.68]" in pdf or b"/MediaBox [ 0 0 595" in pdf


def test_pdf_tabel_panjang_berlanjut():
    isi = bagian(laporan.BARIS_PER_HALAMAN * 2 + 1)
    pdf = laporan.buat_pdf("Judul", "Sub", "Sumber", isi, peringatan="DATA CONTOH FIKTIF")
    assert laporan.jumlah_halaman_pdf(isi) == 1 + 2 + 3
    assert laporan.hitung_halaman(pdf) == 6


def test_tanggal_indonesia():
    from datetime import date

    assert laporan.tanggal_indonesia(date(2024, 12, 31)) == "31 Desember 2024"
