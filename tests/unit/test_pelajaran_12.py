"""Lesson 12 (perubahan dari waktu ke waktu): series, index numbers, the UHH break, the view."""

from __future__ import annotations

from statistics import median

import pandas as pd
import pytest
from bantu import alt_grafik, png_grafik, poster_sama_dengan_layar, teks_html

import literasi
from literasi import seri
from literasi.infografis import TombolInfografis
from literasi.siswa.perubahan_dari_waktu_ke_waktu import (
    INDIKATOR,
    NAMA_GABUNGAN,
    NAMA_MEDIAN,
    TAMPILAN,
    PerubahanWaktu,
    beda_seri_uhh,
    daftar_soal,
    indeks,
    perubahan_tahunan,
    sambungan_palsu,
    semua_deret,
    tabel_kota,
    tahun_naik,
)
from literasi.soal import SoalAngka, SoalPilihan, SoalTebak

# datasets/README.md (data 9 and 12) and the source tables.
IPM_KOTA = {2020: 74.98, 2021: 75.40, 2022: 75.90, 2023: 76.71, 2024: 77.22}
MISKIN_KOTA = {2020: 7.17, 2021: 7.59, 2022: 7.00, 2023: 6.81, 2024: 6.71, 2025: 6.14}
TPT_KOTA = {2020: 7.02, 2021: 6.89, 2022: 4.98, 2023: 5.02, 2024: 4.91, 2025: 4.83}


@pytest.fixture(scope="module")
def tabel():
    return {
        "ipm": literasi.load_dataset(seri.NAMA_IPM),
        "kemiskinan": seri.baca_kemiskinan(),
        "panel": literasi.load_dataset(seri.NAMA_PANEL),
    }


@pytest.fixture(scope="module")
def deret(tabel):
    return semua_deret(tabel["ipm"], tabel["kemiskinan"], tabel["panel"])


@pytest.fixture(scope="module")
def soal(deret, tabel):
    return daftar_soal(deret, tabel["ipm"], tabel["panel"])


# --- computations ------------------------------------------------------------------------


def test_seri_kota_sama_dengan_sumber(deret):
    assert deret["IPM"].kota.to_dict() == IPM_KOTA
    assert deret["Penduduk miskin"].kota.to_dict() == MISKIN_KOTA
    assert deret["Pengangguran (TPT)"].kota.to_dict() == TPT_KOTA


def test_jateng_kemiskinan_dari_lapisan_data(deret, tabel):
    """The poverty comparison comes from literasi.seri (one home), computed, labelled so."""
    pembanding = deret["Penduduk miskin"]
    assert pembanding.nama_banding == NAMA_GABUNGAN and "dihitung" in NAMA_GABUNGAN
    assert pembanding.banding.equals(seri.kemiskinan_jateng(tabel["kemiskinan"]))
    assert pembanding.banding[2024] == 10.47 and 2025 not in pembanding.banding  # no counts yet


def test_median_dihitung_mandiri(deret, tabel):
    ipm = tabel["ipm"]
    for tahun in IPM_KOTA:
        nilai = [float(x) for x in ipm[ipm["Tahun"] == tahun]["Indeks Pembangunan Manusia"]]
        assert len(nilai) == 35
        assert deret["IPM"].banding[tahun] == pytest.approx(median(nilai))
    panel = tabel["panel"]
    tpt_2025 = [float(x) for x in panel[panel["tahun"] == 2025]["tpt"]]
    assert deret["Pengangguran (TPT)"].banding[2025] == pytest.approx(median(tpt_2025))
    assert deret["IPM"].nama_banding == NAMA_MEDIAN


def test_indeks_dan_perubahan():
    deret = pd.Series({2020: 74.98, 2024: 77.22})
    assert indeks(deret)[2024] == pytest.approx(77.22 / 74.98 * 100)
    assert indeks(deret)[2020] == 100
    ubah = perubahan_tahunan(pd.Series(MISKIN_KOTA))
    assert list(ubah.index) == [2021, 2022, 2023, 2024, 2025]
    assert ubah[2021] == pytest.approx(0.42)
    assert tahun_naik(pd.Series(MISKIN_KOTA)) == [2021]


def test_putus_seri_uhh(deret, tabel):
    beda = beda_seri_uhh(tabel["ipm"], tabel["panel"])
    assert (beda["berbeda"], beda["baris"]) == (26, 35)  # README data 9 and 12
    assert (beda["berbeda_sebelumnya"], beda["baris_sebelumnya"]) == (0, 140)  # 2020–2023
    assert beda["terbesar"] == "Kabupaten Brebes"
    assert (beda["terbesar_lama"], beda["terbesar_baru"]) == (70.29, 74.18)
    uhh = deret["Usia harapan hidup"]
    assert list(uhh.kota.index) == [2020, 2021, 2022, 2023, 2024]  # old series
    assert list(uhh.kota_baru.index) == [2024, 2025]  # new series, kept apart
    assert (uhh.kota[2024], uhh.kota_baru[2024]) == (74.80, 74.79)


def test_sambungan_palsu_brebes(tabel):
    s = sambungan_palsu(tabel["ipm"], tabel["panel"], "Kabupaten Brebes")
    assert s["lompatan"] == pytest.approx(74.18 - 69.96)
    assert s["sebenarnya"] == pytest.approx(70.29 - 69.96)


def test_tabel_kota(deret):
    t = tabel_kota(deret)
    assert list(t["Tahun"]) == ["2020", "2021", "2022", "2023", "2024", "2025"]
    assert t["UHH baru"].isna().sum() == 4 and t["IPM"].isna().sum() == 1


# --- the view ----------------------------------------------------------------------------


def test_tampilan_awal(deret):
    v = PerubahanWaktu(deret)
    assert v.indikator.value == "IPM" and v.tampilan.value == "Nilai"
    assert list(v.indikator.options) == list(INDIKATOR)
    assert list(v.tampilan.options) == list(TAMPILAN)
    teks = teks_html(v.ringkasan.value)
    assert "74,98 (2020) → 77,22 (2024), naik 2,24 poin" in teks
    assert "Sumbu tegak tidak mulai dari nol" in alt_grafik(v.grafik.value)
    catatan = teks_html(v.catatan.value)
    assert "median 35 kabupaten/kota" in catatan and "indeks dari median" in catatan


def test_pelajar_mengganti_indikator_dan_tampilan(deret):
    v = PerubahanWaktu(deret)
    ringkasan0, png0 = v.ringkasan.value, png_grafik(v.grafik.value)

    v.indikator.value = "Penduduk miskin"  # the first control changes the first chart
    assert v.ringkasan.value != ringkasan0 and png_grafik(v.grafik.value) != png0
    teks = teks_html(v.ringkasan.value)
    assert "7,17% (2020) → 6,14% (2025), turun 1,03 poin persen" in teks
    assert f"{NAMA_GABUNGAN}: 11,41% (2020) → 10,47% (2024)" in teks
    assert NAMA_GABUNGAN in alt_grafik(v.grafik.value)
    assert "2025 belum bisa dihitung" in teks_html(v.catatan.value)

    png1 = png_grafik(v.grafik.value)
    v.tampilan.value = "Indeks 2020=100"
    assert png_grafik(v.grafik.value) != png1
    # Compared in the last year both have (2024): 6,71 ÷ 7,17 and 10,47 ÷ 11,41.
    assert "indeks 2024 (2020 = 100): Kota Pekalongan 93,6" in teks_html(v.ringkasan.value)

    v.tampilan.value = "Perubahan tahunan"
    assert "2021 +0,42" in alt_grafik(v.grafik.value) and "2025 −0,57" in alt_grafik(v.grafik.value)
    assert "Tahun naik: 2021." in teks_html(v.ringkasan.value)


def test_indeks_median_disebut(deret):
    v = PerubahanWaktu(deret)
    v.tampilan.value = "Indeks 2020=100"
    assert "indeks dari median" in teks_html(v.ringkasan.value)
    assert "(indeks dari median)" in alt_grafik(v.grafik.value)


def test_uhh_putus_seri_ditampilkan(deret):
    v = PerubahanWaktu(deret)
    v.indikator.value = "Usia harapan hidup"
    alt = alt_grafik(v.grafik.value)
    assert "tidak disambung" in alt and "74,80 (lama) dan 74,79 (baru)" in alt
    catatan = teks_html(v.catatan.value)
    assert "Putus seri" in catatan and "Tampaknya" in catatan
    v.tampilan.value = "Perubahan tahunan"
    alt = alt_grafik(v.grafik.value)
    assert "2024 +0,20" in alt and "2025 (arsir) dihitung di dalam seri baru saja" in alt
    v.tampilan.value = "Indeks 2020=100"
    assert "pada 2024" in alt_grafik(v.grafik.value)  # the new series has no 2020: no index for it


def test_poster(deret):
    v = PerubahanWaktu(deret)
    v.indikator.value = "Pengangguran (TPT)"
    isi = v.isi_poster()
    assert poster_sama_dengan_layar(isi, v.grafik.value)
    assert "7,02% (2020) → 4,83% (2025)" in isi.pesan
    tombol = TombolInfografis(v.isi_poster, "uji")
    tombol.tombol["a4"].click()
    assert "data:image/png;base64," in tombol.tautan.value


# --- the exercises -----------------------------------------------------------------------


def test_jenis_soal(soal):
    jenis = [type(s) for s in soal]
    assert jenis == [SoalTebak, SoalAngka, SoalPilihan, SoalPilihan, SoalAngka]


def test_soal_1_tebak(soal):
    s = soal[0]
    assert s.jawaban == TPT_KOTA[2025]
    hasil = s.periksa("6")
    assert hasil.benar and "4,83%" in hasil.pesan and "lebih tinggi" in hasil.pesan
    assert not s.periksa("enam").benar


def test_soal_2_indeks(soal):
    s = soal[1]
    assert s.jawaban == pytest.approx(77.22 / 74.98 * 100)
    assert s.periksa("103,0").benar and s.periksa("102,99").benar and s.periksa("103").benar
    assert not s.periksa("2,24").benar  # the difference, not the index
    assert not s.periksa("97,1").benar  # 74,98 ÷ 77,22 × 100: divided the wrong way


def test_soal_3_tahun_naik(soal):
    s = soal[2]
    assert s.tampilan == "tombol" and s.pilihan == ["2021", "2022", "2023", "2024", "2025"]
    assert s.jawaban == "2021" and s.periksa("2021").benar
    assert not any(s.periksa(p).benar for p in s.pilihan if p != "2021")


def test_soal_4_nilai_atau_laju(soal):
    s = soal[3]
    assert s.jawaban == NAMA_MEDIAN and s.periksa(NAMA_MEDIAN).benar
    hasil = s.periksa("Kota Pekalongan")
    assert not hasil.benar and "nilai IPM" in hasil.pesan


def test_soal_5_sambungan_palsu(soal):
    s = soal[4]
    assert s.jawaban == pytest.approx(4.22)
    assert s.periksa("4,22").benar and s.periksa("4.22").benar
    assert not s.periksa("0,33").benar  # the real change of the old series
    assert "0,33" in s.penjelasan and "tampaknya" in s.penjelasan


def test_sumber_menyebut_bulan_survei():
    assert "Sakernas Agustus" in INDIKATOR["Pengangguran (TPT)"].sumber
    assert "Susenas Maret" in INDIKATOR["Penduduk miskin"].sumber
