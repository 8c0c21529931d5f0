"""Lesson 09 (hubungan dua variabel): computations, the view, the exercises."""

from __future__ import annotations

import numpy as np
import pandas as pd
import pytest
from bantu import alt_grafik as _alt
from bantu import png_grafik as _png
from bantu import poster_sama_dengan_layar
from bantu import teks_html as _teks

import literasi
from literasi import seri
from literasi.format import format_bertanda
from literasi.infografis import TombolInfografis
from literasi.siswa.hubungan_dua_variabel import (
    KOLOM_Y,
    KOTA_KITA,
    NAMA_IPM,
    VARIABEL_X,
    HubunganDuaVariabel,
    daftar_soal,
    garis_kuadrat_terkecil,
    kekuatan,
    korelasi,
    persamaan,
    posisi_terhadap_garis,
    ramalan,
    rata_kota_kabupaten,
    ringkasan_hubungan,
    tabel_contoh,
    tabel_gabung,
    tabel_semua_tahun,
    tahun_bersama,
)
from literasi.soal import SoalAngka, SoalPilihan, SoalTebak

IPM = "Indeks Pembangunan Manusia"


@pytest.fixture(scope="module")
def ipm():
    return literasi.load_dataset(NAMA_IPM)


@pytest.fixture(scope="module")
def miskin():
    return seri.baca_kemiskinan()


@pytest.fixture(scope="module")
def soal(ipm, miskin):
    return daftar_soal(ipm, miskin)


def _numpy_2024(ipm, miskin, kolom=IPM, skala=1.0, tahun=2024):
    """x and y of one year joined here with plain dictionaries (independent of tabel_gabung)."""
    x = {r["Wilayah"]: float(r[kolom]) / skala for _, r in ipm[ipm["Tahun"] == tahun].iterrows()}
    y = {r["Wilayah"]: float(r[KOLOM_Y]) for _, r in miskin[miskin["Tahun"] == tahun].iterrows()}
    nama = sorted(x)
    return np.array([x[n] for n in nama]), np.array([y[n] for n in nama])


# --- computations ------------------------------------------------------------------------


def test_gabung_35_dan_angka_kamus_data(ipm, miskin):
    """datasets/README.md: IPM Kota Pekalongan 2024 = 77,22 (data 9), poverty 6,71% (data 12)."""
    for tahun in range(2020, 2025):
        assert len(tabel_gabung(ipm, miskin, tahun)) == 35
    semua = tabel_semua_tahun(ipm, miskin)  # one join for the page: the same tables
    assert list(semua) == tahun_bersama(ipm, miskin)
    for tahun, tabel in semua.items():
        pd.testing.assert_frame_equal(tabel, tabel_gabung(ipm, miskin, tahun))
    t = tabel_gabung(ipm, miskin, 2024)
    kota = t[t["Wilayah"] == KOTA_KITA].iloc[0]
    assert kota[IPM] == 77.22 and kota[KOLOM_Y] == 6.71


def test_tahun_tidak_ada_ditolak(ipm, miskin):
    with pytest.raises(ValueError, match="seharusnya 35"):
        tabel_gabung(ipm, miskin, 2019)


def test_korelasi_dan_garis_sama_dengan_numpy(ipm, miskin):
    x, y = _numpy_2024(ipm, miskin)
    assert korelasi(x, y) == pytest.approx(np.corrcoef(x, y)[0, 1])
    b, a = np.polyfit(x, y, 1)
    assert garis_kuadrat_terkecil(x, y) == pytest.approx((b, a))
    assert round(korelasi(x, y), 2) == -0.70
    assert ramalan(77.22, b, a) == pytest.approx(a + b * 77.22)


def test_korelasi_kasus_sederhana():
    assert korelasi([1, 2, 3], [2, 4, 6]) == pytest.approx(1)
    assert korelasi([1, 2, 3, 4], [1, 3, 2, 4]) == pytest.approx(0.8)
    assert garis_kuadrat_terkecil([0, 1, 2], [1, 3, 5]) == pytest.approx((2, 1))


def test_pengeluaran_dalam_juta_rupiah(ipm, miskin):
    var = VARIABEL_X["Pengeluaran"]
    x, y = _numpy_2024(ipm, miskin, var.kolom, 1000)
    h = ringkasan_hubungan(tabel_gabung(ipm, miskin, 2024), var)
    assert h["kemiringan"] == pytest.approx(np.polyfit(x, y, 1)[0])
    assert h["r"] == pytest.approx(np.corrcoef(x, y)[0, 1])


def test_kata_kata():
    assert kekuatan(-0.70) == "hubungan negatif kuat"
    assert kekuatan(0.5) == "hubungan positif sedang"
    assert kekuatan(0.1) == "hampir tidak ada hubungan garis lurus"
    assert kekuatan(-0.85) == "hubungan negatif sangat kuat"
    assert persamaan(-0.39479, 38.9038, "IPM") == "y = 38,90 − 0,395 × IPM"
    assert posisi_terhadap_garis(-1.8) == "Di bawah garis"
    assert posisi_terhadap_garis(0.3) == "Di atas garis"


def test_kota_dan_kabupaten(ipm, miskin):
    rata = rata_kota_kabupaten(tabel_gabung(ipm, miskin, 2024))
    assert rata.loc["Kota", "banyak"] == 6 and rata.loc["Kabupaten", "banyak"] == 29
    assert rata.loc["Kota", IPM] > rata.loc["Kabupaten", IPM]
    assert rata.loc["Kota", KOLOM_Y] < rata.loc["Kabupaten", KOLOM_Y]


def test_tabel_contoh(ipm, miskin):
    t = tabel_contoh(tabel_gabung(ipm, miskin, 2024))
    assert t["Kabupaten/kota"].iloc[0] == KOTA_KITA
    assert "Kota Salatiga" in set(t["Kabupaten/kota"])  # highest IPM 2024
    assert "Kab. Kebumen" in set(t["Kabupaten/kota"])  # highest poverty 2024 (BPS's series)
    assert len(t) <= 5


# --- the view ----------------------------------------------------------------------------


def test_tampilan_awal(ipm, miskin):
    v = HubunganDuaVariabel(ipm, miskin)
    assert v.tahun.value == 2024 and v.variabel.value == "IPM" and v.wilayah.value == KOTA_KITA
    teks = _teks(v.ringkasan.value)
    assert "r = −0,70: hubungan negatif kuat" in teks
    assert "y = 47,30 − 0,497 × IPM" in teks
    assert "IPM 1 poin lebih tinggi" in teks and "0,50 poin persen lebih rendah" in teks
    assert "Garis memperkirakan 8,90%" in teks and "2,19 poin persen di bawah garis" in teks
    alt = _alt(v.grafik.value)
    assert "r = −0,70" in alt and "Kota Pekalongan (ungu): 77,22 dan 6,71%" in alt
    assert "Sumber: BPS Provinsi Jawa Tengah" in v.grafik.value


def test_pelajar_mengganti_tahun_variabel_dan_titik(ipm, miskin):
    v = HubunganDuaVariabel(ipm, miskin)
    ringkasan0, png0 = v.ringkasan.value, _png(v.grafik.value)

    v.tahun.value = 2020  # the first control changes the first chart
    assert v.ringkasan.value != ringkasan0 and _png(v.grafik.value) != png0
    assert "2020" in _alt(v.grafik.value) and "7,17%" in _alt(v.grafik.value)
    x, y = _numpy_2024(ipm, miskin, tahun=2020)
    assert f"r = {format_bertanda(np.corrcoef(x, y)[0, 1], 2)}" in _teks(v.ringkasan.value)

    png1 = _png(v.grafik.value)
    v.variabel.value = "Lama sekolah"
    assert "rata-rata lama sekolah 1 tahun lebih tinggi" in _teks(v.ringkasan.value)
    assert _png(v.grafik.value) != png1

    png2 = _png(v.grafik.value)
    v.wilayah.value = "Kota Surakarta"  # "tap a point to name it"
    assert "Kota Surakarta berwarna oranye" in _alt(v.grafik.value)
    assert "Kota Surakarta" in _teks(v.ringkasan.value)
    assert _png(v.grafik.value) != png2


def test_poster(ipm, miskin):
    v = HubunganDuaVariabel(ipm, miskin)
    v.tahun.value = 2022
    isi = v.isi_poster()
    assert "2022" in isi.judul and "r = " in isi.pesan
    assert poster_sama_dengan_layar(isi, v.grafik.value)
    tombol = TombolInfografis(v.isi_poster, "hubungan_dua_variabel")
    tombol.tombol["story"].click()
    assert "data:image/png;base64," in tombol.tautan.value


# --- the exercises -----------------------------------------------------------------------


def test_jenis_soal(soal):
    jenis = [type(s) for s in soal]
    assert jenis == [SoalTebak, SoalPilihan, SoalAngka, SoalAngka, SoalPilihan, SoalPilihan]


def test_soal_1_tebak(soal, ipm, miskin):
    s = soal[0]
    x, y = _numpy_2024(ipm, miskin)
    assert s.jawaban == pytest.approx(np.corrcoef(x, y)[0, 1])
    hasil = s.periksa("-0,5")
    assert hasil.benar and "−0,70" in hasil.pesan and "lebih tinggi" in hasil.pesan
    assert not s.periksa("negatif").benar


def test_soal_2_posisi_kota(soal):
    s = soal[1]
    assert s.tampilan == "tombol" and s.jawaban == "Di bawah garis"
    assert s.periksa("Di bawah garis").benar
    assert not s.periksa("Di atas garis").benar and not s.periksa(None).benar


def test_soal_3_ramalan(soal, ipm, miskin):
    s = soal[2]
    x, y = _numpy_2024(ipm, miskin)
    b, a = np.polyfit(x, y, 1)
    assert s.jawaban == pytest.approx(a + b * 77.22)
    for benar in ("8,90", "8,90%", "8.9", "8,92"):  # 47,30 − 0,497 × 77,22 = 8,92 also fine
        assert s.periksa(benar).benar, benar
    assert not s.periksa("6,71").benar  # the real value, not the line's
    assert not s.periksa("30,5").benar


def test_soal_4_kemiringan_dalam_satuan(soal, ipm, miskin):
    s = soal[3]
    x, y = _numpy_2024(ipm, miskin)
    assert s.jawaban == pytest.approx(5 * -np.polyfit(x, y, 1)[0])
    assert s.periksa("2,49").benar and s.periksa("2,485 poin persen").benar
    assert not s.periksa("0,50").benar  # the slope itself, not five times it
    assert not s.periksa("-2,49").benar


def test_soal_5_selisih_r_yang_tak_berarti(soal, ipm, miskin):
    """A difference of about 0,01 in r with n = 35 names no winner: the question asks whether it
    means anything, and the answer is measured against r's own change from year to year."""
    s = soal[4]
    r = {}
    for tahun in range(2020, 2025):
        x, y = _numpy_2024(ipm, miskin, tahun=tahun)
        r[tahun] = np.corrcoef(x, y)[0, 1]
    x, y = _numpy_2024(ipm, miskin, "Rata-rata Lama Sekolah (tahun)")
    beda = abs(r[2024]) - abs(np.corrcoef(x, y)[0, 1])
    assert 0 < beda < max(r.values()) - min(r.values())  # smaller than the yearly wobble
    assert s.jawaban.startswith("Belum berarti") and s.periksa(s.jawaban).benar
    hasil = s.periksa(next(p for p in s.pilihan if "pasti paling kuat" in p))
    assert not hasil.benar and "dari tahun ke tahun" in hasil.pesan
    assert format_bertanda(r[2024], 3) in s.pertanyaan and "0,012" in s.pertanyaan
    assert all(len(p) <= 42 for p in s.pilihan)  # one line on a phone


def test_soal_6_bukan_sebab_akibat(soal):
    s = soal[5]
    assert s.jawaban.startswith("Belum terbukti")
    assert s.periksa(s.jawaban).benar
    for salah in s.pilihan:
        if salah != s.jawaban:
            assert not s.periksa(salah).benar
    assert all(len(p) <= 42 for p in s.pilihan)  # one line on a phone
