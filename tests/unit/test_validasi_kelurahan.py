"""Kelurahan template checks: every problem names its row and column; cleaning is undoable
and never touches the original; the template round-trips through the upload reader."""

from __future__ import annotations

import hashlib

import pandas as pd
import pytest
from openpyxl import load_workbook

from literasi.kelurahan import validasi as vk
from literasi.unggah import baca_berkas

DAFTAR = "RW 01: RT 1-2; RW 02: RT 1"


def tabel(baris: list[list], kolom=("rw", "rt", "kelompok_umur", "laki_laki", "perempuan")):
    """A table as the reader gives it: index = row number in Excel (header in row 1)."""
    return pd.DataFrame(
        baris, columns=list(kolom), index=pd.Index(range(2, 2 + len(baris)), name="baris"),
        dtype=object,
    )  # fmt: skip


def lengkap(rw=1, rt=1, lk=5, pr=6) -> list[list]:
    return [[rw, rt, u, lk, pr] for u in vk.KELOMPOK_UMUR]


def masalah_di(daftar, baris, kolom):
    return [m for m in daftar if m.baris == baris and m.kolom == kolom]


META = vk.MetaKelurahan(daftar_rt=DAFTAR)


def test_data_bersih_tanpa_galat():
    t = tabel(lengkap(1, 1) + lengkap(1, 2) + lengkap(2, 1))
    assert [m for m in vk.periksa(t, META, "Isian") if m.tingkat == "galat"] == []
    data, keluar = vk.data_siap(t)
    assert len(data) == 48 and keluar == []
    assert int(data["laki_laki"].sum()) == 5 * 48


@pytest.mark.parametrize(
    "ubah, kolom, kata",
    [
        (lambda b: b.__setitem__(3, None), "laki_laki", "sel kosong"),
        (lambda b: b.__setitem__(4, "dua belas"), "perempuan", "bukan angka"),
        (lambda b: b.__setitem__(3, -4), "laki_laki", "negatif"),
        (lambda b: b.__setitem__(3, 4.5), "laki_laki", "bilangan bulat"),
        (lambda b: b.__setitem__(1, 7), "RT", "RT 07 tidak ada di daftar"),
        (lambda b: b.__setitem__(0, 9), "RW", "RW 09 tidak ada di daftar"),
        (lambda b: b.__setitem__(2, "80+"), "kelompok_umur", "tidak dikenal"),
        (lambda b: b.__setitem__(1, "RT satu"), "RT", "tidak bisa dibaca"),
    ],
)
def test_setiap_pemeriksaan_menyebut_baris_dan_kolom(ubah, kolom, kata):
    baris = lengkap(1, 1)
    ubah(baris[4])  # the 5th data row = Excel row 6
    hasil = vk.periksa(tabel(baris), META, "Isian")
    cocok = [m for m in masalah_di(hasil, 6, kolom) if kata in m.pesan]
    assert cocok, [m.teks() for m in hasil]
    assert cocok[0].lembar == "Isian" and cocok[0].tingkat == "galat"
    assert cocok[0].teks().startswith(f"Lembar “Isian”, baris 6, kolom “{kolom}”")


def test_kolom_jumlah_yang_tidak_cocok():
    baris = [b + [b[3] + b[4]] for b in lengkap()]
    baris[2][5] += 1
    t = tabel(baris, ("rw", "rt", "kelompok_umur", "laki_laki", "perempuan", "jumlah"))
    hasil = masalah_di(vk.periksa(t, META), 4, "jumlah")
    assert len(hasil) == 1 and "5 + 6 = 11, tetapi jumlah tertulis 12" in hasil[0].pesan


def test_baris_jumlah_dan_duplikat():
    baris = lengkap() + [lengkap()[3]] + [["Jumlah", None, None, 80, 96]]
    hasil = vk.periksa(tabel(baris), META)
    dup = [m for m in hasil if m.baris == 18]
    assert dup and "sama persis dengan baris 5" in dup[0].pesan
    total = [m for m in hasil if m.baris == 19 and m.tingkat == "galat"]
    assert total and "baris jumlah/total" in total[0].pesan
    # 16 rows of 5 men plus the duplicate: 85, not 80 — the totals row does not add up.
    beda = [m for m in hasil if m.baris == 19 and m.kolom == "laki_laki"]
    assert "menulis 80, padahal jumlah semua baris data 85" in beda[0].pesan


def test_duplikat_dengan_angka_berbeda():
    baris = lengkap()
    baris.append([1, 1, "0-4", 9, 9])
    hasil = [m for m in vk.periksa(tabel(baris), META) if m.baris == 18]
    assert "sudah ada di baris 2 dengan angka berbeda" in hasil[0].pesan


def test_kelompok_umur_hilang_dan_kolom_wajib():
    hasil = vk.periksa(tabel(lengkap()[:-1]), META)
    assert any("75+" in m.pesan and m.kolom == "kelompok_umur" for m in hasil)
    tanpa = vk.periksa(tabel([[1, 1, "0-4", 5]], ("rw", "rt", "kelompok_umur", "laki_laki")))
    assert "perempuan" in tanpa[0].pesan and "kolom wajib" in tanpa[0].pesan


def test_tanpa_daftar_rt_diberi_peringatan():
    hasil = vk.periksa(tabel(lengkap(9, 9)), vk.MetaKelurahan())
    assert [m.tingkat for m in hasil] == ["peringatan"]
    assert "daftar RW dan RT belum diisi" in hasil[0].pesan


def test_nama_kolom_dan_kode_yang_biasa_ditulis():
    asli = pd.DataFrame(columns=["No. RW", "RT", "Kel. Umur", "Laki-laki (jiwa)", "P", "Total"])
    baru, catatan = vk.seragamkan_kolom(asli)
    assert list(baru.columns) == ["rw", "rt", "kelompok_umur", "laki_laki", "perempuan", "jumlah"]
    assert any("Laki-laki (jiwa)" in c for c in catatan)
    assert [vk.baca_kode(x) for x in (1, "01", "RW 03", "rt.004", 2.0, 2.5, "x")] == [
        1, 1, 3, 4, 2, None, None,
    ]  # fmt: skip
    assert [vk.baca_kelompok_umur(x) for x in ("0 - 4", "5–9 tahun", "75 ke atas", ">=75",
                                               "80+", "0-5")] == [
        "0-4", "5-9", "75+", "75+", None, None,
    ]  # fmt: skip
    assert vk.baca_daftar_rt(DAFTAR) == {1: {1, 2}, 2: {1}}
    assert vk.tulis_daftar_rt({1: {1, 2, 3}, 2: {1, 4}}) == "RW 01: RT 1-3; RW 02: RT 1, 4"


# --- Cleaning -----------------------------------------------------------------------------


@pytest.fixture
def kotor():
    baris = lengkap()
    baris[1] = ["RW 01", "001", "5 - 9", "5 jiwa", "-"]
    baris.insert(3, list(baris[2]))
    baris.append(["Total", None, None, 80, 90])
    return tabel(baris)


def test_pembersihan_terlihat_dan_bisa_diurungkan(kotor):
    sidik = hashlib.sha256(pd.util.hash_pandas_object(kotor.astype(str)).values).hexdigest()
    pb = vk.Pembersihan(kotor)
    tersedia = {lk.kode: nomor for lk, nomor in pb.tersedia()}
    assert tersedia == {
        "hapus_jumlah": [19],
        "hapus_duplikat": [5],
        "teks_angka": [3],
        "seragamkan_kode": [3],
    }
    for kode in tersedia:
        pb.terapkan(kode)
    bersih = pb.tabel
    assert len(bersih) == 16 and 19 not in bersih.index and 5 not in bersih.index
    assert bersih.loc[3].tolist() == [1, 1, "5-9", 5, 0]
    assert [m for m in vk.periksa(bersih, META) if m.tingkat == "galat"] == []
    assert [lk.kode for lk, _ in pb.riwayat()] == list(tersedia)
    # Undo one step in the middle: the others stay; the duplicate comes back.
    pb.urungkan("hapus_duplikat")
    assert 5 in pb.tabel.index and 19 not in pb.tabel.index
    assert [lk.kode for lk, _ in pb.tersedia()] == ["hapus_duplikat"]
    pb.urungkan()
    pb.urungkan()
    pb.urungkan()
    assert pb.langkah == [] and pb.tabel.equals(kotor)
    # The original table was never changed.
    assert hashlib.sha256(pd.util.hash_pandas_object(kotor.astype(str)).values).hexdigest() == sidik
    assert kotor.loc[3, "laki_laki"] == "5 jiwa"


def test_data_siap_melewatkan_baris_bermasalah(kotor):
    data, keluar = vk.data_siap(kotor)
    assert keluar == [3, 5, 19]  # "5 jiwa", the duplicate, the totals row
    assert str(data["kelompok_umur"].dtype) == "category"


# --- Template -----------------------------------------------------------------------------


def test_template_fiktif_dan_terbaca_kembali():
    isi = vk.buat_template()
    buku = load_workbook(__import__("io").BytesIO(isi))
    assert buku.sheetnames == ["Isian", "Petunjuk", "Metadata"]
    isian = buku["Isian"]
    assert "DATA CONTOH FIKTIF" in isian["A1"].value
    baris = list(isian.iter_rows(min_row=5, values_only=True))
    assert baris and all(b[-1] == vk.TANDA_FIKTIF for b in baris)
    hasil = baca_berkas("template.xlsx", isi)
    assert hasil.lembar == "Isian" and hasil.baris_kepala == 4 and hasil.masalah == []
    meta = vk.MetaKelurahan.dari_dict(hasil.metadata)
    assert meta.daftar_rt == vk.META_CONTOH.daftar_rt and meta.luas_km2 == 1.25
    t, _ = vk.seragamkan_kolom(hasil.tabel)
    daftar = vk.periksa(t, meta, hasil.lembar)
    assert [m.tingkat for m in daftar] == ["peringatan"]  # only: "this is fictional data"
    assert "DATA CONTOH FIKTIF" in daftar[0].pesan
    contoh = vk.contoh_fiktif()
    assert len(vk.data_siap(t)[0]) == len(contoh) == 15 * 16
    assert contoh.equals(vk.contoh_fiktif()), "seeded: the same every time"


def test_berkas_latihan_memicu_semua_pesan_utama():
    hasil = baca_berkas("latihan.csv", vk.berkas_contoh_bermasalah())
    assert any("Windows-1252" in c for c in hasil.catatan)
    t, _ = vk.seragamkan_kolom(hasil.tabel)
    teks = " ".join(m.pesan for m in vk.periksa(t, vk.META_CONTOH))
    for kata in ("bukan angka", "negatif", "tetapi jumlah tertulis", "tidak dikenal",
                 "tidak ada di daftar RT", "baris jumlah/total", "duplikat"):  # fmt: skip
        assert kata in teks, kata
