"""Kelurahan app 04 (indikator untuk perencanaan): the three series, the comparisons, the
citation line, the poster, the view driven by a user, every exercise."""

from __future__ import annotations

import pytest
from bantu import alt_grafik, png_grafik, teks_html

from literasi import seri
from literasi.infografis import buat_poster
from literasi.kelurahan.indikator_untuk_perencanaan import (
    INDIKATOR,
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
from literasi.soal import SoalAngka, SoalBanyak, SoalPilihan, SoalTebak

# datasets/README.md (data 9 and 12) and the source tables, read by eye for Kota Pekalongan.
IPM_KOTA = {2020: 74.98, 2021: 75.40, 2022: 75.90, 2023: 76.71, 2024: 77.22}
TPT_KOTA = {2020: 7.02, 2021: 6.89, 2022: 4.98, 2023: 5.02, 2024: 4.91, 2025: 4.83}
MISKIN_KOTA = {2020: 7.17, 2021: 7.59, 2022: 7.00, 2023: 6.81, 2024: 6.71, 2025: 6.14}


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
    assert seri_wilayah(semua["Kemiskinan"], INDIKATOR["Kemiskinan"]).to_dict() == MISKIN_KOTA


def test_tahun_terakhir_sama_dengan_pelajaran_12(semua):
    """The same data gives the same latest year in kelurahan 04 and lesson 12."""
    from literasi.siswa.perubahan_dari_waktu_ke_waktu import baca_deret

    deret = baca_deret()
    assert seri_wilayah(semua["TPT"], INDIKATOR["TPT"]).index.max() == (
        deret["Pengangguran (TPT)"].kota.index.max()
    )
    assert seri_wilayah(semua["Kemiskinan"], INDIKATOR["Kemiskinan"]).index.max() == (
        deret["Penduduk miskin"].kota.index.max()
    )


def test_tidak_ada_baris_provinsi(semua):
    for data in semua.values():
        assert not ada_baris_provinsi(data)
        assert data.groupby("Tahun")["Wilayah"].nunique().eq(35).all()


def test_jateng_dari_lapisan_data(semua):
    hasil = jateng(semua["Kemiskinan"], "Kemiskinan")
    assert hasil.equals(seri.kemiskinan_jateng(semua["Kemiskinan"]))
    baris = semua["Kemiskinan"][semua["Kemiskinan"]["Tahun"] == 2024]
    mandiri = 100 * baris[seri.MISKIN].sum() / (baris[seri.MISKIN] / baris[seri.PERSEN] * 100).sum()
    assert hasil[2024] == pytest.approx(round(mandiri, 2)) == pytest.approx(10.47)
    assert 2025 not in hasil.index  # no counts of poor people for 2025 in the kit
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
    lebih_tinggi = (satu["Indeks Pembangunan Manusia"].astype(float) > IPM_KOTA[2024]).sum()
    assert peringkat(ipm, INDIKATOR["IPM"], 2024) == lebih_tinggi + 1 == 9


def test_arah_baik():
    assert lebih_baik(INDIKATOR["IPM"], 77, 74)
    assert not lebih_baik(INDIKATOR["TPT"], 5.02, 4.57)
    assert lebih_baik(INDIKATOR["Kemiskinan"], 6.71, 9.63)


def test_kutipan():
    assert kutipan(INDIKATOR["Kemiskinan"], [2024, 2020]) == (
        "Sumber: BPS Provinsi Jawa Tengah, Jumlah dan Persentase Penduduk Miskin menurut "
        "Kabupaten/Kota (Susenas Maret), 2020–2024 (diolah)"
    )
    assert kutipan(INDIKATOR["TPT"], [2025], diolah=False).endswith("(Sakernas Agustus), 2025")


def test_tabel_ringkas(semua):
    t = tabel_ringkas(semua).set_index("Indikator")
    assert t.loc["IPM 2024", "Kota Pekalongan"] == "77,22"
    assert t.loc["Miskin (%) 2025", "Kota Pekalongan"] == "6,14%"
    assert t.loc["Miskin (%) 2025", seri.JATENG_DIHITUNG] == "10,47% (2024)"  # year named
    assert t.loc["TPT (%) 2025", seri.JATENG_DIHITUNG] == "–"


# --- the view ----------------------------------------------------------------------------


def test_tampilan_awal(semua):
    v = IndikatorKota(semua)
    assert v.indikator.value == "IPM"
    teks = teks_html(v.ringkasan.value)
    assert "Kota Pekalongan 2024" in teks and "77,22, peringkat 9 dari 35" in teks
    assert "Median 35 kabupaten/kota: 74,32" in teks and "lebih baik" in teks
    assert "dari 74,98 ke 77,22" in alt_grafik(v.grafik.value)
    assert "Indeks Pembangunan Manusia menurut Kabupaten/Kota, 2020–2024 (diolah)" in (
        teks_html(v.sumber.value)
    )


def test_pengguna_mengganti_indikator(semua):
    v = IndikatorKota(semua)
    ringkasan0, png0 = v.ringkasan.value, png_grafik(v.grafik.value)

    v.indikator.value = "TPT"  # the first control changes the first chart
    assert v.ringkasan.value != ringkasan0 and png_grafik(v.grafik.value) != png0
    teks = teks_html(v.ringkasan.value)
    assert "Kota Pekalongan 2025" in teks and "4,83%" in teks and "lebih buruk" in teks
    sumber = teks_html(v.sumber.value)
    assert "(Sakernas Agustus), 2020–2025 (diolah)" in sumber and "Agustus" in sumber
    assert "Jawa Tengah" not in alt_grafik(v.grafik.value)

    v.indikator.value = "Kemiskinan"
    teks = teks_html(v.ringkasan.value)
    assert "Kota Pekalongan 2025" in teks and "6,14%" in teks
    assert "Jawa Tengah (dihitung dari 35 kabupaten/kota) 2024: 10,47%" in teks
    assert "Untuk 2025 jumlah penduduk miskinnya belum ada di kit" in teks
    assert "Jawa Tengah (dihitung) (biru) 10,47% pada 2024" in alt_grafik(v.grafik.value)
    assert "angka Jawa Tengah" in teks_html(v.sumber.value)


def test_poster_membawa_sumber(semua):
    v = IndikatorKota(semua)
    v.indikator.value = "Kemiskinan"
    isi = v.isi_poster()
    assert isi.judul == "Persentase penduduk miskin Kota Pekalongan"
    assert isi.sumber.startswith("BPS Provinsi Jawa Tengah") and isi.sumber.endswith("(diolah)")
    assert "6,14%" in isi.pesan and isi.grafik is v.gambar_terakhir
    assert buat_poster(isi, "a4")[:8] == b"\x89PNG\r\n\x1a\n"


# --- exercises ---------------------------------------------------------------------------


def test_jenis_soal(soal):
    jenis = [type(s) for s in soal]
    assert jenis == [SoalTebak, SoalAngka, SoalPilihan, SoalPilihan, SoalBanyak]


def test_soal_1_tebakan(soal):
    s = soal[0]
    assert s.jawaban == IPM_KOTA[2024]
    hasil = s.periksa("75")
    assert hasil.benar and "77,22" in hasil.pesan
    assert not s.periksa("tinggi").benar


def test_soal_2_poin_persen(soal):
    s = soal[1]
    assert s.jawaban == pytest.approx(10.47 - 6.71)
    assert "Tahun 2024" in s.pertanyaan  # the last year Jawa Tengah can be computed
    assert s.periksa("3,76").benar and s.periksa("3.76").benar
    assert not s.periksa("10,47").benar and not s.periksa("2,5").benar


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
    assert all(("Median" in j or "Peringkat" in j or "dihitung" in j) for j in s.jawaban)
    assert s.periksa(s.jawaban).benar
    assert not s.periksa(s.pilihan).benar  # the two copied-as-is numbers are not "diolah"
