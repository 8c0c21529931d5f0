"""Kelurahan checks on the kit's template and on small tables built here: every check names
sheet, Excel row and the user's own header; cleaning is undoable and never touches the tables
read from the file; the template round-trips through the upload reader."""

from __future__ import annotations

import io

import pandas as pd
import pytest
from openpyxl import load_workbook

from literasi.kelurahan import bentuk as bt
from literasi.kelurahan import validasi as vk
from literasi.unggah import baca_berkas

META = vk.MetaKelurahan(daftar_rt="RW 01: RT 1-2; RW 02: RT 1")
KOLOM = ["RW", "RT", "Kel. Umur", "Jml L", "Jml P"]


def sumber(baris, kolom=KOLOM, lembar="Isian"):
    indeks = pd.Index(range(2, 2 + len(baris)), name="baris")
    tabel = pd.DataFrame(baris, columns=kolom, index=indeks, dtype=object)
    huruf = {k: chr(65 + i) for i, k in enumerate(kolom)}
    return [bt.Sumber(lembar, tabel, huruf)], bt.usul_pemetaan(tabel)


def lengkap(rw=1, rt=1, lk=5, pr=6):
    return [[rw, rt, u, lk, pr] for u in vk.KELOMPOK_UMUR]


def test_data_bersih_tanpa_galat():
    src, pm = sumber(lengkap(1, 1) + lengkap(1, 2) + lengkap(2, 1))
    sel, masalah = vk.periksa(src, pm, META)
    assert [m for m in masalah if m.tingkat == "galat"] == []
    data, keluar = vk.data_siap(sel, masalah)
    assert len(data) == 48 and keluar == [] and int(data["L"].sum()) == 5 * 48


@pytest.mark.parametrize(
    "kolom, nilai, huruf, kata",
    [
        (3, None, "D “Jml L”", "sel kosong"),
        (4, "dua belas", "E “Jml P”", "bukan angka"),
        (3, -4, "D “Jml L”", "negatif"),
        (3, 4.5, "D “Jml L”", "bilangan bulat"),
        (1, 7, "B “RT”", "RT 07 tidak ada di daftar"),
        (0, 9, "A “RW”", "RW 09 tidak ada di daftar"),
        (2, "balita", "C “Kel. Umur”", "tidak dikenali"),
        (1, "RT satu", "B “RT”", "tidak bisa dibaca"),
    ],
)
def test_setiap_pemeriksaan_menyebut_lembar_baris_dan_kolom_pengguna(kolom, nilai, huruf, kata):
    baris = lengkap(1, 1)
    baris[4][kolom] = nilai  # the 5th data row = Excel row 6
    src, pm = sumber(baris)
    _, masalah = vk.periksa(src, pm, META)
    teks = [m.teks() for m in masalah]
    assert any(
        t.startswith(f"Lembar “Isian”, baris 6, kolom {huruf}") and kata in t for t in teks
    ), teks


def test_tanpa_kolom_wajib_pemeriksaan_lain_tetap_jalan():
    """No RW column and no age group: still every negative count and fraction is named."""
    src, pm = sumber([["Dusun A", 5, -2], ["Dusun B", 3.5, 4]], ["Wilayah", "L", "P"])
    _, masalah = vk.periksa(src, pm, META)
    teks = " | ".join(m.teks() for m in masalah)
    assert "tidak ada kolom RW" in teks
    assert "baris 2, kolom C “P”: angka negatif" in teks
    assert "baris 3, kolom B “L”: 3,50 bukan bilangan bulat" in teks


def test_baris_jumlah_dikenali_dicocokkan_tidak_dihitung():
    baris = lengkap() + [["Jumlah", None, None, 80, 96]]
    src, pm = sumber(baris)
    sel, masalah = vk.periksa(src, pm, META)
    assert not [m for m in masalah if m.baris == 18 and m.tingkat == "galat"]
    data, keluar = vk.data_siap(sel, masalah)
    assert int(data["L"].sum()) == 80 and ("Isian", 18) in keluar
    baris[-1][3] = 81
    src, pm = sumber(baris)
    _, masalah = vk.periksa(src, pm, META)
    pesan = [m.teks() for m in masalah if m.baris == 18]
    assert pesan == [
        "Lembar “Isian”, baris 18, kolom D “Jml L”: baris jumlah menulis 81, padahal "
        "baris data di atasnya berjumlah 80. Periksa angka di baris-baris itu."
    ]


def test_duplikat_persis_dan_dengan_angka_berbeda():
    src, pm = sumber(lengkap() + [lengkap()[3]] + [[1, 1, "0-4", 9, 9]])
    _, masalah = vk.periksa(src, pm, META)
    assert any(m.baris == 18 and "sama persis dengan baris 5" in m.pesan for m in masalah)
    assert any(
        m.baris == 19 and "sudah ada di baris 2 dengan angka berbeda" in m.pesan for m in masalah
    )


def test_kode_dan_umur_yang_biasa_ditulis():
    assert [bt.baca_kode(x) for x in (1, "01", "RW 03", "rt.004", "RW-2", 2.0, 2.5, "x")] == [
        1, 1, 3, 4, 2, 2, None, None]  # fmt: skip
    umur = [bt.baca_umur(x) for x in ("0 - 4", "5–9 tahun", "75 ke atas", ">=75", "80+", "15-64")]
    assert [u.label for u in umur] == ["0-4", "5-9", "75+", "75+", "80+", "15-64"]
    assert vk.baca_daftar_rt("RW 01: RT 1-2; RW 02: RT 1") == {1: {1, 2}, 2: {1}}
    assert vk.tulis_daftar_rt({1: {1, 2, 3}, 2: {1, 4}}) == "RW 01: RT 1-3; RW 02: RT 1, 4"


def test_pembersihan_terlihat_dan_bisa_diurungkan():
    baris = lengkap()
    baris[1] = ["RW 01", "001", "5 - 9", "5 jiwa", "-"]
    baris.insert(3, list(baris[2]))
    src, pm = sumber(baris)
    asli = src[0].tabel.copy()
    pb = vk.Pembersihan(src)
    tersedia = {lk.kode: nomor for lk, nomor in pb.tersedia(pm)}
    assert tersedia == {"teks_angka": [("Isian", 3)], "seragamkan_kode": [("Isian", 3)],
                        "hapus_duplikat": [("Isian", 5)]}  # fmt: skip
    for kode in tersedia:
        pb.terapkan(kode)
    bersih = pb.sumber(pm)[0].tabel
    assert len(bersih) == 16 and bersih.loc[3].tolist() == [1, 1, "5 - 9", 5, 0]
    _, masalah = vk.periksa(pb.sumber(pm), pm, META)
    assert [m for m in masalah if m.tingkat == "galat"] == []
    pb.urungkan("hapus_duplikat")
    assert 5 in pb.sumber(pm)[0].tabel.index
    pb.urungkan()
    pb.urungkan()
    assert pb.langkah == [] and pb.sumber(pm)[0].tabel.equals(asli)
    assert src[0].tabel.equals(asli) and src[0].tabel.loc[3, "Jml L"] == "5 jiwa"


def test_templat_fiktif_dan_terbaca_kembali():
    isi = vk.buat_templat()
    buku = load_workbook(io.BytesIO(isi))
    assert buku.sheetnames == ["Isian", "Petunjuk", "Metadata"]
    assert "DATA CONTOH FIKTIF" in buku["Isian"]["A1"].value
    hasil = baca_berkas("templat.xlsx", isi)
    assert hasil.lembar == "Isian" and hasil.baris_kepala == 4 and hasil.masalah == []
    meta = vk.MetaKelurahan.dari_dict(hasil.metadata)
    assert meta.daftar_rt == vk.META_CONTOH.daftar_rt and meta.luas_km2 == 1.25
    src, pm = bt.sumber_dari(hasil), bt.usul_pemetaan(hasil.tabel)
    sel, masalah = vk.periksa(src, pm, meta)
    assert [m.tingkat for m in masalah] == ["peringatan"]  # only: "this is fictional data"
    assert len(vk.data_siap(sel, masalah)[0]) == len(vk.contoh_fiktif()) == 15 * 16
    assert vk.contoh_fiktif().equals(vk.contoh_fiktif()), "seeded: the same every time"
