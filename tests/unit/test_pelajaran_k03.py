"""Kelurahan app 3 (Survei Kepuasan Masyarakat): the view driven as an office user, no kernel."""

from __future__ import annotations

import base64
import datetime
import io
import re
from decimal import Decimal
from html import unescape

import pandas as pd
import pytest
from openpyxl import Workbook, load_workbook

from literasi.kelurahan.ikm import daftar_unsur, hitung_ikm, periksa_jawaban
from literasi.kelurahan.skm import buat_templat
from literasi.kelurahan.survei_kepuasan_masyarakat import (
    JENIS_BOBOT,
    LABEL_FIKTIF,
    TAMPILAN,
    SurveiKepuasan,
    daftar_soal,
    semua_soal,
)
from literasi.soal import SoalAngka, SoalPilihan

KODE = [u.kode for u in daftar_unsur()]
CONTOH = [  # the worksheet's five fictional respondents: IKM 700/9 = 77,78 (B)
    [3, 3, 2, 4, 3, 3, 4, 2, 3],
    [4, 3, 3, 4, 3, 4, 4, 3, 3],
    [3, 2, 2, 4, 3, 3, 3, 2, 2],
    [4, 3, 3, 4, 4, 4, 4, 3, 3],
    [3, 3, 2, 3, 3, 3, 4, 2, 3],
]


@pytest.fixture
def view():
    return SurveiKepuasan.dengan_contoh_fiktif()


def teks(html: str) -> str:
    return " ".join(unescape(re.sub(r"<[^>]+>", " ", html)).split())


def src_gambar(html: str) -> str:
    return re.search(r"src='([^']+)'", html).group(1)


def alt(html: str) -> str:
    return unescape(re.search(r"alt='([^']*)'", html).group(1))


def tautan(html: str) -> dict[str, bytes]:
    """download name -> bytes of every data: link."""
    return {
        unescape(nama): base64.b64decode(data)
        for nama, data in re.findall(r"download='([^']+)' href='data:[^;]+;base64,([^']+)'", html)
    }


def unggah(view: SurveiKepuasan, nama: str, isi: bytes) -> None:
    """What Voilà does when a user picks a file."""
    view.unggah.value = (
        {
            "name": nama,
            "type": "",
            "size": len(isi),
            "content": memoryview(isi),
            "last_modified": datetime.datetime.now(datetime.UTC),
        },
    )


def isi_formulir(view: SurveiKepuasan, nilai: list[int], penting: list[int] | None = None):
    """Pick the options as a user would; 0 is the "– nilai –" placeholder (not chosen)."""
    for kode, v in zip(KODE, nilai, strict=True):
        view.isian_kinerja[kode].value = v or 0
    for kode, v in zip(KODE, penting or [0] * 9, strict=True):
        view.isian_penting[kode].value = v


def csv_contoh(baris_tambahan: str = "") -> bytes:
    kepala = "No;" + ";".join(KODE) + ";Keterangan\n"
    isi = "".join(
        f"{i};" + ";".join(str(x) for x in b) + ";kuesioner kertas\n"
        for i, b in enumerate(CONTOH, start=1)
    )
    return (kepala + isi + baris_tambahan).encode("utf-8")


# --- opening -------------------------------------------------------------------------------


def test_dibuka_dengan_contoh_fiktif_berlabel(view):
    assert LABEL_FIKTIF in view.label_data.value
    assert view.model.pemeriksaan.responden == 40
    assert "IKM 79,10" in teks(view.ringkasan.value)
    assert "literasi-grafik" in view.grafik.value and LABEL_FIKTIF in view.grafik.value
    assert "Unsur terlemah" in teks(view.ringkasan.value)


def test_kontrol_pertama_mengubah_grafik_pertama(view):
    # the first interactive control on the page is the view toggle, above the first chart
    assert view.panel_hasil.children[1].children[0] is view.tampilan
    png, keterangan = src_gambar(view.grafik.value), alt(view.grafik.value)
    assert "Diagram batang" in keterangan and "terlemah" in keterangan
    view.tampilan.value = TAMPILAN[1]
    assert src_gambar(view.grafik.value) != png
    assert "Kuadran I" in alt(view.grafik.value)
    view.tampilan.value = TAMPILAN[0]
    assert src_gambar(view.grafik.value) == png


# --- entering by hand ----------------------------------------------------------------------


def test_tambah_responden_mengganti_contoh_lalu_menambah(view):
    isi_formulir(view, CONTOH[0][:8] + [None])
    assert not view.tambah_responden()
    assert "U9 (Sarana dan Prasarana)" in teks(view.pesan_isian.value)
    assert view.model.pemeriksaan.responden == 40  # nothing added, nothing replaced

    for b in CONTOH:
        isi_formulir(view, b)
        view.tombol_tambah.click()
    assert view.model.pemeriksaan.responden == 5
    assert LABEL_FIKTIF not in view.label_data.value  # the example is replaced, never mixed
    assert "diganti" not in view.pesan_isian.value  # only said for the first respondent
    assert "IKM 77,78" in teks(view.ringkasan.value)
    assert "mutu B" in teks(view.ringkasan.value)
    assert view.hasil.ikm == hitung_ikm(pd.DataFrame(CONTOH, columns=KODE)).ikm
    assert all(w.value == 0 for w in view.isian_kinerja.values())  # form cleared
    assert view.isian_kinerja["U1"].label == "– nilai –"
    # no importance given by hand: the quadrant says why it cannot be drawn
    view.tampilan.value = TAMPILAN[1]
    assert "Kuadran belum bisa digambar" in alt(view.grafik.value)


def test_kepentingan_dari_formulir_menghidupkan_kuadran(view):
    view.mulai_kosong()
    assert view.hasil is None and "belum punya satu pun jawaban" in view.ringkasan.value
    for b in CONTOH:
        isi_formulir(view, b, penting=[4 if x <= 2 else 3 for x in b])
        view.tambah_responden()
    view.tampilan.value = TAMPILAN[1]
    assert view.kuadran is not None
    assert "Diagram pencar" in alt(view.grafik.value)


def test_muat_lagi_contoh(view):
    isi_formulir(view, CONTOH[0])
    view.tambah_responden()
    view.tombol_contoh.click()
    assert view.model.pemeriksaan.responden == 40 and LABEL_FIKTIF in view.label_data.value


# --- weights -------------------------------------------------------------------------------


def test_bobot_sendiri_mengubah_hasil_dan_bobot_salah_diberi_pesan(view):
    for b in CONTOH:
        isi_formulir(view, b)
        view.tambah_responden()
    assert view.kotak_bobot.layout.display == "none"
    view.jenis_bobot.value = JENIS_BOBOT[1]
    assert view.kotak_bobot.layout.display == "flex"
    assert "IKM 77,78" in teks(view.ringkasan.value)  # 1/9 typed in every box: same result
    for kode, w in view.isian_bobot.items():
        w.value = "0,2" if kode == "U1" else "0,1"
    # 0,2 × 3,4 + 0,1 × 24,6 = 3,14; × 25 = 78,50
    assert "IKM 78,50" in teks(view.ringkasan.value)
    assert "bobot sendiri" in teks(view.ringkasan.value)
    for w in view.isian_bobot.values():
        w.value = "0,111"
    pesan = teks(view.pesan_bobot.value)
    assert "Jumlah bobot 0,999, harus tepat 1" in pesan and "bobot sama (1/9)" in pesan
    assert "IKM 77,78" in teks(view.ringkasan.value)  # falls back to 1/9, and says so
    view.isian_bobot["U4"].value = "banyak"
    assert "U4: 'banyak' tidak bisa dibaca" in teks(view.pesan_bobot.value)
    view.jenis_bobot.value = JENIS_BOBOT[0]
    assert "Bobot sama" in view.pesan_bobot.value


# --- uploading -----------------------------------------------------------------------------


def test_unggah_csv_dengan_sel_salah(view):
    isi = csv_contoh("6;4;4;4;9;4;4;;4;baik;salah isi\n")
    cadangan = bytes(isi)
    unggah(view, "skm_kelurahan.csv", isi)
    assert view.model.asli == cadangan and isi == cadangan  # original bytes untouched
    assert view.model.pemeriksaan.responden == 6
    pesan = teks(view.pesan_unggah.value)
    assert "6 responden" in pesan
    # CSV line 7 (header = line 1): U4 = 9, U8 empty, U9 text
    assert "baris 7, kolom “U4 (Biaya/Tarif)”" in pesan.replace("Baris", "baris")
    assert "nilai 9 di luar skala 1–4" in pesan
    assert "U9 (Sarana dan Prasarana)" in pesan and "baik" in pesan
    assert "Pemisah kolom" in pesan  # what the reader detected
    assert "berkas skm_kelurahan.csv" in teks(view.label_data.value)
    # U4 counts 5 answers, U8 5, U9 5; the others 6
    assert view.hasil.banyak["U4"] == 5 and view.hasil.banyak["U1"] == 6


def test_unggah_xlsx_dengan_judul_dan_metadata(view):
    buku = Workbook()
    ws = buku.active
    ws.title = "Isian"
    ws.append(["Hasil SKM Kelurahan Uji, semester 1"])
    ws.append([])
    ws.append(["No", *[u.nama for u in daftar_unsur()]])  # element names as headers
    for i, b in enumerate(CONTOH, start=1):
        ws.append([i, *b])
    meta = buku.create_sheet("Metadata")
    meta.append(["Unit layanan", "Kantor Kelurahan Uji"])
    meta.append(["Periode survei", "Januari–Juni 2026"])
    keluar = io.BytesIO()
    buku.save(keluar)
    unggah(view, "skm.xlsx", keluar.getvalue())
    assert view.model.pemeriksaan.responden == 5
    assert "IKM 77,78" in teks(view.ringkasan.value)
    assert view.unit.value == "Kantor Kelurahan Uji"
    assert view.periode.value == "Januari–Juni 2026"
    assert LABEL_FIKTIF not in view.label_data.value


@pytest.mark.parametrize(
    "nama, isi, kata",
    [
        ("rusak.xlsx", b"%PDF-1.4 bukan excel", "PDF"),
        ("kosong.csv", b"", "kosong"),
        ("salah_kolom.csv", b"nama,umur\nA,3\n", "U1 (Persyaratan) tidak ada"),
        ("besar.csv", b"U1\n" + b"4\n" * (9 * 1024 * 1024 // 2), "MB"),
    ],
)
def test_berkas_buruk_memberi_pesan_dan_data_tetap(view, nama, isi, kata):
    sebelum = view.ringkasan.value
    unggah(view, nama, isi)
    pesan = teks(view.pesan_unggah.value)
    assert kata in pesan and "tidak berubah" in pesan
    assert view.ringkasan.value == sebelum and view.model.pemeriksaan.responden == 40


def test_templat_bisa_diunggah_dan_diperingatkan_fiktif(view):
    assert "templat_skm_kelurahan.xlsx" in tautan(view.templat.value)
    isi = tautan(view.templat.value)["templat_skm_kelurahan.xlsx"]
    assert load_workbook(io.BytesIO(buat_templat())).sheetnames == ["Isian", "Petunjuk", "Metadata"]
    buku = load_workbook(io.BytesIO(isi))
    assert buku.sheetnames == ["Isian", "Petunjuk", "Metadata"]
    assert LABEL_FIKTIF in buku["Isian"]["A1"].value
    unggah(view, "templat_skm_kelurahan.xlsx", isi)
    assert view.model.pemeriksaan.responden == 5
    assert "masih bertanda contoh fiktif" in teks(view.pesan_unggah.value)
    assert LABEL_FIKTIF in view.label_data.value  # still labelled fictional


# --- exports -------------------------------------------------------------------------------


def test_unduhan_excel_dan_pdf_terbaca_kembali(view):
    isi = csv_contoh('6;4;4;4;4;4;4;4;4;4;=HYPERLINK("http://contoh.invalid")\n')
    unggah(view, "skm.csv", isi)
    view.unit.value = "=Kantor <b>Uji</b>"
    view.periode.value = "2026 $x^$ {bukan rumus}"  # "$" would start matplotlib mathtext
    assert view.unduhan.value == ""
    view.tombol_unduh.click()
    berkas = tautan(view.unduhan.value)
    excel = next(v for k, v in berkas.items() if k.endswith(".xlsx"))
    pdf = next(v for k, v in berkas.items() if k.endswith(".pdf"))

    buku = load_workbook(io.BytesIO(excel))
    assert buku.sheetnames == ["Jawaban", "Per unsur", "Indeks", "Data asli", "Metadata"]
    indeks = {r[0]: r[1] for r in buku["Indeks"].iter_rows(values_only=True) if r[0]}
    hasil = hitung_ikm(periksa_jawaban(pd.DataFrame(CONTOH + [[4] * 9], columns=KODE)).kinerja)
    assert Decimal(str(indeks["IKM (2 desimal, dibulatkan setengah ke atas)"])) == hasil.ikm
    assert indeks["Mutu pelayanan"] == hasil.kategori.mutu
    meta_unit = {r[0]: r[1] for r in buku["Metadata"].iter_rows(values_only=True)}
    assert meta_unit["Unit layanan"] == "'=Kantor <b>Uji</b>"  # formula-looking text escaped
    per_unsur = list(buku["Per unsur"].iter_rows(values_only=True))
    assert per_unsur[0][:4] == ("Kode", "Unsur", "Jawaban sah", "NRR") and len(per_unsur) == 10
    assert buku["Per unsur"]["D2"].number_format == "#,##0.000"  # NRR: 3 decimals
    assert buku["Jawaban"].max_row == 7
    asli = [c for r in buku["Data asli"].iter_rows(values_only=True) for c in r]
    assert '\'=HYPERLINK("http://contoh.invalid")' in asli
    assert all(
        c.data_type == "s"
        for r in buku["Data asli"].iter_rows()
        for c in r
        if c.value and isinstance(c.value, str)
    )
    meta = {r[0]: r[1] for r in buku["Metadata"].iter_rows(values_only=True)}
    assert "Permenpan RB No. 14 Tahun 2017" in meta["Metode"]
    assert "Krejcie" in meta["Sampel minimum"] and "tidak penting" in meta["Skala kepentingan"]
    assert "64,995 → 65,00 → C" in meta["Aturan batas"]

    assert pdf.startswith(b"%PDF")
    assert len(re.findall(rb"/Type /Page\b", pdf)) == 5
    for kotak in re.findall(rb"/MediaBox \[ ?0 0 ([\d.]+) ([\d.]+) ?\]", pdf):
        lebar, tinggi = (float(x) for x in kotak)
        assert abs(lebar - 595.3) < 1 and abs(tinggi - 841.9) < 1  # A4 portrait, in points


def test_unduhan_contoh_berlabel_fiktif_dan_kuadran(view):
    view.siapkan_unduhan()
    berkas = tautan(view.unduhan.value)
    assert any("contoh_fiktif" in k for k in berkas)
    excel = next(v for k, v in berkas.items() if k.endswith(".xlsx"))
    buku = load_workbook(io.BytesIO(excel))
    assert "Kuadran" in buku.sheetnames
    meta = {r[0]: r[1] for r in buku["Metadata"].iter_rows(values_only=True)}
    assert meta["Sumber data"].startswith(LABEL_FIKTIF)
    # changing anything afterwards removes the stale links
    view.jenis_bobot.value = JENIS_BOBOT[1]
    assert view.unduhan.value == ""


# --- exercises -----------------------------------------------------------------------------


def test_soal_menerima_jawaban_benar_dan_menolak_yang_salah():
    soal = semua_soal()
    assert [type(s) for s in soal] == [SoalAngka, SoalPilihan, SoalPilihan, SoalPilihan]
    assert soal[0].periksa("85").benar and soal[0].periksa("85,00").benar
    assert not soal[0].periksa("3,4").benar and not soal[0].periksa("85,5").benar
    assert soal[1].periksa("B (Baik)").benar and not soal[1].periksa("C (Kurang Baik)").benar
    assert soal[2].periksa("C (Kurang Baik)").benar
    salah = soal[2].periksa("D (Tidak Baik)")
    assert not salah.benar and "65,00" in salah.pesan
    assert soal[3].periksa("U3 Waktu Penyelesaian").benar
    assert not soal[3].periksa("U8 Penanganan Pengaduan, Saran dan Masukan").benar
    assert daftar_soal()[3].jawaban == soal[3].jawaban
