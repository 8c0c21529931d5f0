"""Kelurahan app 04 (indikator untuk perencanaan): the three series, the comparisons, the
citation line, the poster, the view driven by a user, every exercise."""

from __future__ import annotations

import base64
import re
from html import unescape

import pytest

from literasi.infografis import buat_poster
from literasi.kelurahan.indikator_untuk_perencanaan import (
    INDIKATOR,
    IPM_2024,
    MISKIN_2024,
    PILIHAN,
    IndikatorKota,
    ada_baris_provinsi,
    baca_semua,
    daftar_soal,
    jateng,
    kutipan,
    lebih_baik,
    peringkat,
    ringkas_35,
    seri_wilayah,
    tabel_ringkas,
)
from literasi.siswa import persen_poin_persen_dan_perubahan as persen_poin
from literasi.soal import SoalAngka, SoalBanyak, SoalPilihan, SoalTebak

# datasets/README.md (data 9 and 10) and the source tables, read by eye for Kota Pekalongan.
IPM_KOTA = {2020: 74.98, 2021: 75.40, 2022: 75.90, 2023: 76.71, 2024: 77.22}
TPT_KOTA = {2020: 7.02, 2021: 6.89, 2022: 4.98, 2023: 5.02}


@pytest.fixture(scope="module")
def semua():
    return baca_semua()


@pytest.fixture(scope="module")
def soal(semua):
    return daftar_soal(semua)


# --- computations ------------------------------------------------------------------------


def test_seri_kota(semua):
    assert seri_wilayah(semua["IPM"], INDIKATOR["IPM"]).to_dict() == IPM_KOTA
    assert seri_wilayah(semua["TPT"], INDIKATOR["TPT"]).to_dict() == TPT_KOTA
    assert seri_wilayah(semua["IPM"], INDIKATOR["IPM"])[2024] == IPM_2024
    assert seri_wilayah(semua["Kemiskinan"], INDIKATOR["Kemiskinan"])[2024] == MISKIN_2024


def test_tidak_ada_baris_provinsi(semua):
    for data in semua.values():
        assert not ada_baris_provinsi(data)
        assert data.groupby("Tahun")["Wilayah"].nunique().eq(35).all()


def test_jateng_dipakai_ulang_dari_pelajaran_06(semua):
    hasil = jateng(semua["Kemiskinan"], "Kemiskinan")
    assert hasil.equals(persen_poin.seri_jateng(semua["Kemiskinan"]))
    baris = semua["Kemiskinan"][semua["Kemiskinan"]["Tahun"] == 2024]
    mandiri = (
        100
        * float(baris["Jumlah Penduduk Miskin Maret Ribu Jiwa"].sum())
        / float(baris["Jumlah Penduduk Ribu Jiwa"].sum())
    )
    assert hasil[2024] == pytest.approx(round(mandiri, 2)) == pytest.approx(9.78)
    assert jateng(semua["IPM"], "IPM") is None and jateng(semua["TPT"], "TPT") is None


def test_median_dan_rentang(semua):
    r = ringkas_35(semua["IPM"], INDIKATOR["IPM"])
    ipm = semua["IPM"]
    nilai_2024 = sorted(
        float(x) for x in ipm.loc[ipm["Tahun"] == 2024, "Indeks Pembangunan Manusia"]
    )
    assert r.loc[2024, "median"] == pytest.approx(nilai_2024[17])  # 35 values: the 18th
    assert r.loc[2024, "min"] == nilai_2024[0] and r.loc[2024, "max"] == nilai_2024[-1]


def test_peringkat(semua):
    ipm = semua["IPM"]
    satu = ipm[ipm["Tahun"] == 2024]
    lebih_tinggi = (satu["Indeks Pembangunan Manusia"].astype(float) > IPM_2024).sum()
    assert peringkat(ipm, INDIKATOR["IPM"], 2024) == lebih_tinggi + 1 == 9


def test_arah_baik():
    assert lebih_baik(INDIKATOR["IPM"], 77, 74)
    assert not lebih_baik(INDIKATOR["TPT"], 5.02, 4.57)
    assert lebih_baik(INDIKATOR["Kemiskinan"], 6.59, 9.08)


def test_kutipan():
    assert kutipan(INDIKATOR["Kemiskinan"], [2024, 2020]) == (
        "Sumber: BPS Provinsi Jawa Tengah, Jumlah dan Persentase Penduduk Miskin menurut "
        "Kabupaten/Kota (Susenas Maret), 2020–2024 (diolah)"
    )
    assert kutipan(INDIKATOR["TPT"], [2023], diolah=False).endswith("(Sakernas), 2023")


def test_tabel_ringkas(semua):
    t = tabel_ringkas(semua).set_index("Indikator")
    assert t.loc["IPM 2024", "Kota Pekalongan"] == "77,22"
    assert t.loc["Miskin (%) 2024", "Jawa Tengah"] == "9,78%"
    assert t.loc["TPT (%) 2023", "Jawa Tengah"] == "–"


# --- the view ----------------------------------------------------------------------------


def _png(html: str) -> bytes:
    m = re.search(r"src='data:image/png;base64,([A-Za-z0-9+/=]+)'", html)
    assert m, "no PNG in the chart"
    return base64.b64decode(m.group(1))


def _alt(html: str) -> str:
    m = re.search(r"alt='([^']*)'", html)
    assert m, "chart without alt text"
    return unescape(m.group(1))


def _teks(html: str) -> str:
    return " ".join(re.sub(r"<[^>]+>", " ", unescape(html)).split())


def test_tampilan_awal(semua):
    v = IndikatorKota(semua)
    assert v.indikator.value == "IPM"
    teks = _teks(v.ringkasan.value)
    assert "Kota Pekalongan 2024" in teks and "77,22, peringkat 9 dari 35" in teks
    assert "Median 35 kabupaten/kota: 74,32" in teks and "lebih baik" in teks
    assert "dari 74,98 ke 77,22" in _alt(v.grafik.value)
    assert "Indeks Pembangunan Manusia menurut Kabupaten/Kota, 2020–2024 (diolah)" in (
        _teks(v.sumber.value)
    )


def test_pengguna_mengganti_indikator(semua):
    v = IndikatorKota(semua)
    ringkasan0, png0 = v.ringkasan.value, _png(v.grafik.value)

    v.indikator.value = "TPT"  # the first control changes the first chart
    assert v.ringkasan.value != ringkasan0 and _png(v.grafik.value) != png0
    teks = _teks(v.ringkasan.value)
    assert "Kota Pekalongan 2023" in teks and "5,02%" in teks and "lebih buruk" in teks
    assert "2020–2023 (diolah)" in _teks(v.sumber.value)
    assert "Jawa Tengah" not in _alt(v.grafik.value)

    v.indikator.value = "Kemiskinan"
    assert "Jawa Tengah (gabungan 35 kabupaten/kota): 9,78%" in _teks(v.ringkasan.value)
    assert "Jawa Tengah (biru, gabungan) 9,78%" in _alt(v.grafik.value)
    assert "angka Jawa Tengah" in _teks(v.sumber.value)


def test_poster_membawa_sumber(semua):
    v = IndikatorKota(semua)
    v.indikator.value = "Kemiskinan"
    isi = v.isi_poster()
    assert isi.judul == "Persentase penduduk miskin Kota Pekalongan"
    assert isi.sumber.startswith("BPS Provinsi Jawa Tengah") and isi.sumber.endswith("(diolah)")
    assert "6,59%" in isi.pesan and isi.grafik is v.gambar_terakhir
    assert buat_poster(isi, "a4")[:8] == b"\x89PNG\r\n\x1a\n"


# --- exercises ---------------------------------------------------------------------------


def test_jenis_soal(soal):
    jenis = [type(s) for s in soal]
    assert jenis == [SoalTebak, SoalAngka, SoalPilihan, SoalPilihan, SoalBanyak]


def test_soal_1_tebakan(soal):
    s = soal[0]
    assert s.jawaban == IPM_2024
    hasil = s.periksa("75")
    assert hasil.benar and "77,22" in hasil.pesan
    assert not s.periksa("tinggi").benar


def test_soal_2_poin_persen(soal):
    s = soal[1]
    assert s.jawaban == pytest.approx(9.78 - 6.59)
    assert s.periksa("3,19").benar and s.periksa("3.19").benar
    assert not s.periksa("9,78").benar and not s.periksa("2,5").benar


def test_soal_3_tpt_lebih_buruk(soal):
    s = soal[2]
    assert s.jawaban == PILIHAN["TPT"]
    assert s.periksa(PILIHAN["TPT"]).benar
    hasil = s.periksa(PILIHAN["IPM"])
    assert not hasil.benar and "lebih baik dari median" in hasil.pesan


def test_soal_4_diolah(soal):
    s = soal[3]
    assert "(diolah)" in s.jawaban and s.periksa(s.jawaban).benar
    hasil = s.periksa("Tidak ada yang kurang")
    assert not hasil.benar and "hitung sendiri" in hasil.pesan


def test_soal_5_angka_diolah(soal):
    s = soal[4]
    assert len(s.jawaban) == 3
    assert all(("Median" in j or "Peringkat" in j or "gabungan" in j) for j in s.jawaban)
    assert s.periksa(s.jawaban).benar
    assert not s.periksa(s.pilihan).benar  # the two copied-as-is numbers are not "diolah"
