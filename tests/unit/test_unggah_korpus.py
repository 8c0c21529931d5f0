"""A corpus of realistic bad uploads, made here at run time (never committed).

Every file gets a clear Indonesian message or a correct parse; `baca_berkas` never raises; the
bytes passed in are unchanged (hash before and after). Formula-like text (CSV injection) comes
out escaped in every export (Excel, CSV) and as text in HTML.

The password-protected .xlsx and the old .xls are real OLE/CFB containers written by `_cfb()`
below (olefile is not installed here): a 512-byte-sector compound file whose directory holds
an "EncryptedPackage" + "EncryptionInfo" stream (what Office writes for a password-protected
.xlsx) or a "Workbook" stream (an Excel 97-2003 .xls).
"""

from __future__ import annotations

import hashlib
import io
import re
import struct
import zipfile
from dataclasses import dataclass
from html import unescape

import pytest
from openpyxl import Workbook, load_workbook

from literasi import ekspor as laporan
from literasi.unggah import BATAS_MB, TANDA_OLE, baca_berkas

KEPALA = ["RW", "RT", "kelompok_umur", "laki_laki", "perempuan"]
BARIS = [[1, 1, "0-4", 10, 12], [1, 1, "5-9", 11, 9], [1, 2, "0-4", 7, 8]]
AKHIR = 0xFFFFFFFE
BEBAS = 0xFFFFFFFF


# --- Builders -----------------------------------------------------------------------------


def _cfb(aliran: dict[str, bytes]) -> bytes:
    """A minimal compound file (CFB v3): FAT in sector 0, directory in sector 1, streams of
    at least 4096 bytes each (so no mini stream is needed)."""
    sektor_aliran, isi_sektor, berikut = [], [], 2
    for data in aliran.values():
        data = data.ljust(max(4096, -(-len(data) // 512) * 512), b"\0")
        n = len(data) // 512
        sektor_aliran.append((berikut, n))
        isi_sektor.append(data)
        berikut += n
    fat = [0xFFFFFFFD, AKHIR]
    for awal, n in sektor_aliran:
        fat += [awal + i + 1 for i in range(n - 1)] + [AKHIR]
    fat += [BEBAS] * (128 - len(fat))

    def entri(nama, jenis, kanan, anak, awal, ukuran):
        nama_b = nama.encode("utf-16-le") + b"\0\0"
        return (
            nama_b.ljust(64, b"\0")
            + struct.pack("<HBB3I", len(nama_b), jenis, 1, BEBAS, kanan, anak)
            + b"\0" * 16
            + b"\0" * 4
            + b"\0" * 16
            + struct.pack("<IQ", awal, ukuran)
        )

    nama = list(aliran)
    direktori = entri("Root Entry", 5, BEBAS, 1, AKHIR, 0)
    for i, n in enumerate(nama):
        kanan = i + 2 if i + 1 < len(nama) else BEBAS
        direktori += entri(n, 2, kanan, BEBAS, sektor_aliran[i][0], len(aliran[n]))
    direktori = direktori.ljust(512, b"\0")
    kepala = (
        TANDA_OLE
        + b"\0" * 16
        + struct.pack("<HHHHH", 0x3E, 3, 0xFFFE, 9, 6)
        + b"\0" * 6
        + struct.pack("<IIIIIIIII", 0, 1, 1, 0, 4096, AKHIR, 0, AKHIR, 0)
        + struct.pack("<I", 0)
        + struct.pack("<108I", *([BEBAS] * 108))
    )
    assert len(kepala) == 512
    return kepala + struct.pack("<128I", *fat) + direktori + b"".join(isi_sektor)


def _xlsx(isi=None, judul_atas=False, gabung=(), lembar="Isian", rumus=False) -> bytes:
    buku = Workbook()
    ws = buku.active
    ws.title = lembar
    if judul_atas:
        ws.append(["Data penduduk Kelurahan X (fiktif)"])
        ws.append([])
    for baris in isi if isi is not None else [KEPALA, *BARIS]:
        ws.append(baris)
    for rentang in gabung:
        ws.merge_cells(rentang)
    keluaran = io.BytesIO()
    buku.save(keluaran)
    return keluaran.getvalue()


def _dengan_nilai_tersimpan(xlsx: bytes, nilai: dict[str, str]) -> bytes:
    """Write cached formula results into the sheet XML, as Excel does when it saves."""
    masuk = zipfile.ZipFile(io.BytesIO(xlsx))
    keluaran = io.BytesIO()
    with zipfile.ZipFile(keluaran, "w", zipfile.ZIP_DEFLATED) as keluar:
        for info in masuk.infolist():
            data = masuk.read(info.filename)
            if info.filename == "xl/worksheets/sheet1.xml":
                teks = data.decode()
                for sel, v in nilai.items():
                    teks = re.sub(
                        rf'(<c r="{sel}"[^>]*>)<f>([^<]*)</f><v\s*/?>(</v>)?',
                        rf"\1<f>\2</f><v>{v}</v>",
                        teks,
                    )
                data = teks.encode()
            keluar.writestr(info, data)
    return keluaran.getvalue()


def _zip(berkas: dict[str, bytes]) -> bytes:
    keluaran = io.BytesIO()
    with zipfile.ZipFile(keluaran, "w") as z:
        for nama, isi in berkas.items():
            z.writestr(nama, isi)
    return keluaran.getvalue()


def _csv(teks: str, kode="utf-8") -> bytes:
    return teks.replace("\n", "\r\n").encode(kode)


CSV_BAIK = "RW,RT,kelompok_umur,laki_laki,perempuan\n1,1,0-4,10,12\n1,1,5-9,11,9\n"


@dataclass
class Kasus:
    nama_berkas: str
    isi: bytes
    pesan: str | None = None  # expected in a message (the file is refused or flagged)
    catatan: str | None = None  # expected in what was detected
    terbaca: bool = False  # a table comes out
    cek: object = None  # extra check on the result


def _rumus_tersimpan() -> bytes:
    xlsx = _xlsx([KEPALA + ["jumlah"], [1, 1, "0-4", 10, 12, "=D2+E2"], [1, 2, "0-4", 3, 4,
                                                                         "=D3+E3"]])  # fmt: skip
    return _dengan_nilai_tersimpan(xlsx, {"F2": "22", "F3": "7"})


def _korpus() -> dict[str, Kasus]:
    baris_besar = CSV_BAIK + "1,1,10-14,5,5\n" * (30 * 1024 * 1024 // 14)
    return {
        "kosong": Kasus("data.xlsx", b"", pesan="kosong"),
        "spasi_saja": Kasus("data.csv", b"  \r\n\r\n", pesan="kosong"),
        "hanya_kepala_csv": Kasus("data.csv", _csv(",".join(KEPALA) + "\n"),
                                  pesan="hanya berisi judul kolom"),
        "hanya_kepala_xlsx": Kasus("data.xlsx", _xlsx([KEPALA]), pesan="hanya berisi judul kolom"),
        "lembar_kosong": Kasus("kosong.xlsx", _xlsx([]), pesan="kosong"),
        "30mb": Kasus("besar.csv", baris_besar.encode(), pesan=f"batas {BATAS_MB} MB"),
        "xlsx_berkata_sandi": Kasus(
            "rahasia.xlsx",
            _cfb({"EncryptionInfo": b"\x04\x00\x04\x00" * 50, "EncryptedPackage": b"\x8f" * 5000}),
            pesan="kata sandi",
        ),
        # A real .xls is read (tests/unit/korpus_kelurahan.py); a broken one gets a message.
        "xls_rusak": Kasus("lama.xls", _cfb({"Workbook": b"\x09\x08" * 3000}),
                           pesan="simpan sebagai"),
        "xls_rusak_diberi_nama_xlsx": Kasus("lama.xlsx", _cfb({"Workbook": b"\x09\x08" * 3000}),
                                            pesan="Excel lama (.xls"),
        "doc_lama": Kasus("surat.xlsx", _cfb({"WordDocument": b"\xec\xa5" * 3000}),
                          pesan="Office versi lama"),
        "pdf_diberi_nama_xlsx": Kasus("laporan.xlsx", b"%PDF-1.7\n%\xe2\xe3\xcf\xd3\n1 0 obj\n",
                                      pesan="PDF"),
        "png_diberi_nama_xlsx": Kasus("foto_tabel.xlsx", b"\x89PNG\r\n\x1a\n" + b"\0" * 100,
                                      pesan="gambar"),
        "html_diberi_nama_xls": Kasus("ekspor.xls", b"<html><body><table><tr><td>RW</td></tr>"
                                      b"</table></body></html>", pesan="halaman web"),
        "docx": Kasus("data.xlsx", _zip({"word/document.xml": b"<w:document/>"}), pesan="Word"),
        "ods": Kasus("data.ods", _zip({"mimetype": b"application/vnd.oasis.opendocument."
                                       b"spreadsheet", "content.xml": b"<x/>"}),
                     pesan="(.ods) tetapi rusak"),
        "xlsx_terpotong": Kasus("putus.xlsx", _xlsx()[:3000], pesan="rusak"),
        "biner_acak": Kasus("acak.csv", bytes(range(256)) * 40, pesan="tidak dikenali"),
        "csv_windows_1252": Kasus(
            "ansi.csv", _csv(CSV_BAIK.replace("0-4", "0–4") + "1,2,0-4,3,4\n", "cp1252"),
            catatan="Windows-1252", terbaca=True,
            cek=lambda h: h.tabel["kelompok_umur"].iloc[0] == "0–4",
        ),
        "csv_utf8_bom": Kasus(
            "bom.csv", b"\xef\xbb\xbf" + _csv(CSV_BAIK), catatan="BOM", terbaca=True,
            cek=lambda h: list(h.tabel.columns)[0] == "RW",
        ),
        "csv_titik_koma_koma_desimal": Kasus(
            "eropa.csv", _csv("RW;RT;kelompok_umur;laki_laki;luas\n1;1;0-4;1.234;12,5\n"
                              "1;2;0-4;2.345.678;0,75\n"),
            catatan="titik koma", terbaca=True,
            cek=lambda h: h.tabel["laki_laki"].tolist() == [1234, 2345678]
            and h.tabel["luas"].tolist() == [12.5, 0.75],
        ),
        "csv_tab": Kasus("tab.txt", _csv(CSV_BAIK.replace(",", "\t")), catatan="tab", terbaca=True),
        "csv_utf16_excel": Kasus("unicode.txt", "\ufeff".encode("utf-16-le")
                                 + CSV_BAIK.replace(",", "\t").encode("utf-16-le"),
                                 catatan="UTF-16", terbaca=True),
        "csv_baris_sep": Kasus("sep.csv", _csv("sep=;\n" + CSV_BAIK.replace(",", ";")),
                               terbaca=True, cek=lambda h: h.tabel.index[0] == 3),
        "csv_kutip_berisi_pemisah": Kasus(
            "kutip.csv", _csv('RW,RT,keterangan,laki_laki\n1,1,"pindah, baru\ndatang",5\n'),
            terbaca=True, cek=lambda h: h.tabel["keterangan"].iloc[0] == "pindah, baru\r\ndatang"
            or h.tabel["keterangan"].iloc[0] == "pindah, baru\ndatang",
        ),
        "csv_teks_di_kolom_angka": Kasus(
            "teks.csv", _csv(CSV_BAIK + "1,2,0-4,12 jiwa,-\n"), terbaca=True,
            cek=lambda h: h.tabel["laki_laki"].iloc[-1] == "12 jiwa",
        ),
        "xlsx_judul_di_atas": Kasus("judul.xlsx", _xlsx(judul_atas=True), catatan="baris 3",
                                    terbaca=True, cek=lambda h: h.tabel.index[0] == 4),
        "xlsx_kepala_dua_baris": Kasus(
            "gabung.xlsx",
            _xlsx([["RW", "RT", "kelompok_umur", "Penduduk", None], [None, None, None, "L", "P"],
                   [1, 1, "0-4", 10, 12]], gabung=["D1:E1", "A1:A2"]),
            catatan="dua baris", terbaca=True,
            cek=lambda h: list(h.tabel.columns)[3:] == ["Penduduk L", "Penduduk P"],
        ),
        "xlsx_kepala_digabung": Kasus(
            "gabung1.xlsx",
            _xlsx([["RW", "Penduduk", None], [1, 10, 12], [2, 3, 4]], gabung=["B1:C1"]),
            pesan="B1:C1", terbaca=True,  # read, with the merged header named as a problem
        ),
        "xlsx_rw_digabung": Kasus(
            "rw_gabung.xlsx", _xlsx([KEPALA, *BARIS], gabung=["A2:A4"]), pesan="A2:A4",
            terbaca=True, cek=lambda h: h.tabel["RW"].tolist() == [1, 1, 1],
        ),
        "xlsx_rumus_tersimpan": Kasus(
            "rumus.xlsx", _rumus_tersimpan(), catatan="rumus", terbaca=True,
            cek=lambda h: h.tabel["jumlah"].tolist() == [22, 7],
        ),
        "xlsx_rumus_belum_tersimpan": Kasus(
            "rumus_baru.xlsx", _xlsx([KEPALA + ["jumlah"], [1, 1, "0-4", 10, 12, "=D2+E2"]]),
            pesan="belum tersimpan", terbaca=True,
        ),
        "xlsx_kolom_tanpa_judul": Kasus("tanpa_judul.xlsx", _xlsx([["RW", "RT", None],
                                                                  [1, 1, 5], [1, 2, 6]]),
                                        pesan="tidak punya judul", terbaca=True),
        "xlsx_judul_kembar": Kasus("kembar.xlsx", _xlsx([["RW", "RT", "RT"], [1, 1, 2]]),
                                   pesan="dipakai dua kali", terbaca=True),
        "xlsx_data_di_lembar_kedua": Kasus(
            "dua_lembar.xlsx", _dua_lembar(), catatan="lembar “Data”", terbaca=True,
        ),
        "csv_injeksi_rumus": Kasus(
            "injeksi.csv", _csv(CSV_INJEKSI), terbaca=True,
            cek=lambda h: h.tabel["keterangan"].iloc[0].startswith("=HYPERLINK"),
        ),
        "xlsx_injeksi_rumus": Kasus(
            "injeksi.xlsx", _xlsx([KEPALA + ["keterangan"], [1, 1, "0-4", 1, 2, "@SUM(A1)"]]),
            terbaca=True,
        ),
    }  # fmt: skip


def _dua_lembar() -> bytes:
    buku = Workbook()
    buku.active.title = "Sampul"
    buku.active.append(["Laporan"])
    ws = buku.create_sheet("Data")
    for b in [KEPALA, *BARIS]:
        ws.append(b)
    keluaran = io.BytesIO()
    buku.save(keluaran)
    return keluaran.getvalue()


BAHAYA = ['=HYPERLINK("http://x","klik")', "+62 812", "-1+2", "@SUM(A1)", "=1+1"]
CSV_INJEKSI = "RW,RT,kelompok_umur,laki_laki,perempuan,keterangan\n" + "".join(
    f'1,{i},0-4,1,2,"{b.replace(chr(34), chr(34) * 2)}"\n' for i, b in enumerate(BAHAYA, 1)
)

KORPUS = _korpus()


def test_korpus_cukup_besar():
    assert len(KORPUS) >= 25
    assert len(KORPUS["30mb"].isi) > 30 * 1024 * 1024 - 100


@pytest.mark.parametrize("kunci", list(KORPUS))
def test_setiap_berkas_dapat_pesan_jelas_atau_terbaca(kunci):
    kasus = KORPUS[kunci]
    sidik = hashlib.sha256(kasus.isi).hexdigest()
    hasil = baca_berkas(kasus.nama_berkas, kasus.isi)  # must not raise
    assert hashlib.sha256(kasus.isi).hexdigest() == sidik, "the original bytes changed"
    teks = " ".join(m.teks() for m in hasil.masalah)
    assert hasil.tabel is not None or hasil.masalah, "neither a table nor a message"
    if kasus.pesan:
        assert kasus.pesan.lower() in teks.lower(), teks
    if kasus.catatan:
        assert kasus.catatan.lower() in " ".join(hasil.catatan).lower(), hasil.catatan
    if kasus.terbaca:
        assert hasil.tabel is not None, teks
        assert not hasil.tabel.empty
    else:
        assert hasil.tabel is None, f"{kunci}: expected a refusal"
    if kasus.cek:
        assert kasus.cek(hasil), hasil.tabel
    for m in hasil.masalah:
        assert m.pesan and m.pesan[0].islower() or m.pesan[0].isupper()
        assert m.tingkat in ("galat", "peringatan", "info")


def test_bytes_dari_memoryview_tidak_berubah():
    isi = bytearray(_csv(CSV_BAIK))
    salinan = bytes(isi)
    hasil = baca_berkas("x.csv", memoryview(isi))
    assert hasil.tabel is not None and bytes(isi) == salinan


def test_pesan_menyebut_lembar_dan_sel():
    hasil = baca_berkas("gabung1.xlsx", KORPUS["xlsx_kepala_digabung"].isi)
    m = next(m for m in hasil.masalah if "B1:C1" in m.pesan)
    assert m.lembar == "Isian" and m.baris == 1
    assert m.teks().startswith("Lembar “Isian”, baris 1")


def test_nomor_baris_seperti_di_excel():
    hasil = baca_berkas("judul.xlsx", KORPUS["xlsx_judul_di_atas"].isi)
    assert hasil.baris_kepala == 3
    assert list(hasil.tabel.index) == [4, 5, 6]


def test_batas_bisa_diubah_dan_disebut():
    hasil = baca_berkas("x.csv", _csv(CSV_BAIK), batas_mb=0.00001)
    assert hasil.tabel is None
    assert "lebih besar dari batas" in hasil.masalah[0].pesan


def test_cfb_buatan_sah():
    """The hand-made OLE files have the signature, a FAT and a directory naming the streams."""
    ole = KORPUS["xlsx_berkata_sandi"].isi
    assert ole[:8] == TANDA_OLE and len(ole) % 512 == 0
    assert "EncryptedPackage".encode("utf-16-le") in ole[1024:1536]


# --- CSV injection: escaped in every export, text in HTML ---------------------------------


@pytest.fixture(scope="module")
def tabel_bahaya():
    return baca_berkas("injeksi.csv", _csv(CSV_INJEKSI)).tabel


def test_injeksi_excel_diloloskan(tabel_bahaya):
    xlsx = laporan.buat_excel({"Data": tabel_bahaya}, [("Sumber", "=cmd|' /C calc'!A0")])
    buku = load_workbook(io.BytesIO(xlsx))
    nilai = [c.value for c in buku["Data"]["F"][1:]]
    assert nilai == ["'" + b for b in BAHAYA]
    for baris in buku["Data"].iter_rows():
        for sel in baris:
            assert sel.data_type != "f", f"{sel.coordinate} is a formula"
    assert buku["Metadata"]["B2"].value == "'=cmd|' /C calc'!A0"


def test_injeksi_csv_diloloskan(tabel_bahaya):
    teks = laporan.buat_csv(tabel_bahaya).decode("utf-8-sig")
    for b in BAHAYA:
        assert "'" + b.replace('"', '""') in teks
    for baris in teks.splitlines()[1:]:
        kolom = baris.split(",")[5:]
        assert not ",".join(kolom).lstrip('"').startswith(("=", "+", "-", "@"))


def test_injeksi_html_sebagai_teks(tabel_bahaya):
    html = laporan.tabel_html(tabel_bahaya, "Data")
    assert "<a " not in html and "HYPERLINK(&quot;http" in html
    assert unescape(html).count('=HYPERLINK("http://x","klik")') == 1
