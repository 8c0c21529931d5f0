"""Lesson 05 (piramida penduduk): ratios against hand computations, the view, the exercises."""

from __future__ import annotations

import base64
import re
from html import unescape

import pytest
from bantu import teks_html as _teks

import literasi
from literasi.format import format_angka
from literasi.siswa.piramida_penduduk import (
    INDONESIA,
    JATENG,
    KELOMPOK_MUDA,
    KELOMPOK_PRODUKTIF,
    KELOMPOK_TUA,
    NAMA_SERI,
    NAMA_SP2020,
    TAHUN_SENSUS,
    PiramidaPenduduk,
    daftar_soal,
    jumlah,
    kelompok_terbesar,
    persen_kelompok,
    persen_piramida,
    rasio_jenis_kelamin,
    rasio_ketergantungan,
    seri_rasio,
    tabel_semua_tahun,
    tabel_sp2020,
    tabel_tahun,
)
from literasi.soal import SoalAngka, SoalPilihan, SoalTebak

JATENG_SP2020 = 36516035  # datasets/README.md, data 7 (BPS SP2020)
INDONESIA_SP2020 = 270203917
JATENG_2010_IPUMS = 32299800  # datasets/README.md, data 8


@pytest.fixture(scope="module")
def sp2020():
    return literasi.load_dataset(NAMA_SP2020)


@pytest.fixture(scope="module")
def seri():
    return literasi.load_dataset(NAMA_SERI)


@pytest.fixture(scope="module")
def soal(sp2020, seri):
    return daftar_soal(sp2020, seri)


def _mandiri(data, wilayah=None, tahun=None):
    """Men, women, and people 0-14 / 15-64 / 65+ summed here by the age each group starts at."""
    if wilayah is not None:
        d, kolom = data[data["wilayah"] == wilayah], "jumlah_jiwa"
    else:
        d, kolom = data[data["tahun_sensus"] == tahun], "jumlah_jiwa_tanpa_penghalusan"
    nilai = d[kolom].astype(float)
    umur = d["umur_mulai"].astype(int)
    laki = float(nilai[d["jenis_kelamin"] == "laki-laki"].sum())
    perempuan = float(nilai[d["jenis_kelamin"] == "perempuan"].sum())
    muda = float(nilai[umur < 15].sum())
    tua = float(nilai[umur >= 65].sum())
    produktif = float(nilai[(umur >= 15) & (umur < 65)].sum())
    return laki, perempuan, muda, produktif, tua


# --- computations ------------------------------------------------------------------------


def test_jumlah_sp2020_sama_dengan_angka_bps(sp2020, seri):
    assert jumlah(tabel_sp2020(sp2020, JATENG)) == JATENG_SP2020
    assert jumlah(tabel_sp2020(sp2020, INDONESIA)) == INDONESIA_SP2020
    assert jumlah(tabel_tahun(seri, 2020)) == JATENG_SP2020
    assert jumlah(tabel_tahun(seri, 2010)) == pytest.approx(JATENG_2010_IPUMS)


def test_kelompok_umur_lengkap_dan_tidak_tumpang_tindih():
    semua = KELOMPOK_MUDA + KELOMPOK_PRODUKTIF + KELOMPOK_TUA
    assert len(semua) == len(set(semua)) == 17
    assert KELOMPOK_PRODUKTIF[0] == "15-19" and KELOMPOK_PRODUKTIF[-1] == "60-64"
    assert KELOMPOK_TUA[-1] == "80+"


@pytest.mark.parametrize("wilayah", [JATENG, INDONESIA])
def test_rasio_sp2020_dihitung_mandiri(sp2020, wilayah):
    laki, perempuan, muda, produktif, tua = _mandiri(sp2020, wilayah=wilayah)
    t = tabel_sp2020(sp2020, wilayah)
    assert rasio_jenis_kelamin(t) == pytest.approx(100 * laki / perempuan)
    assert rasio_ketergantungan(t) == pytest.approx(100 * (muda + tua) / produktif)
    assert persen_kelompok(t, "65+") == pytest.approx(100 * tua / (laki + perempuan))


@pytest.mark.parametrize("tahun", TAHUN_SENSUS)
def test_rasio_seri_dihitung_mandiri(seri, tahun):
    laki, perempuan, muda, produktif, tua = _mandiri(seri, tahun=tahun)
    t = tabel_tahun(seri, tahun)
    assert rasio_jenis_kelamin(t) == pytest.approx(100 * laki / perempuan)
    assert rasio_ketergantungan(t) == pytest.approx(100 * (muda + tua) / produktif)


def test_satu_pivot_sama_dengan_per_tahun(seri):
    """The app builds every year's table from one pivot; each equals the year's own table."""
    import pandas as pd

    semua = tabel_semua_tahun(seri)
    assert list(semua) == list(TAHUN_SENSUS)
    for tahun, tabel in semua.items():
        pd.testing.assert_frame_equal(tabel, tabel_tahun(seri, tahun))


def test_angka_kunci_jawa_tengah(sp2020, seri):
    jateng = tabel_sp2020(sp2020, JATENG)
    assert round(rasio_jenis_kelamin(jateng), 1) == 101.1
    assert round(rasio_ketergantungan(jateng), 1) == 43.2
    assert round(rasio_ketergantungan(tabel_tahun(seri, 1971)), 1) == 85.6
    r = seri_rasio(seri)
    assert list(r["tahun"]) == list(TAHUN_SENSUS)
    assert r["rasio_ketergantungan"].is_monotonic_decreasing  # 85,6 → 43,2


def test_persen_piramida_berjumlah_100(sp2020):
    p = persen_piramida(tabel_sp2020(sp2020, INDONESIA))
    assert float(p.to_numpy().sum()) == pytest.approx(100)
    assert list(p.index[:2]) == ["0-4", "5-9"] and p.index[-1] == "80+"


def test_kelompok_terbesar(seri):
    assert kelompok_terbesar(tabel_tahun(seri, 1971))[0] == "5-9"
    assert kelompok_terbesar(tabel_tahun(seri, 2020))[0] == "20-24"


# --- the view ----------------------------------------------------------------------------


def _png(html: str) -> bytes:
    m = re.search(r"src='data:image/png;base64,([A-Za-z0-9+/=]+)'", html)
    assert m, "no PNG in the chart"
    return base64.b64decode(m.group(1))


def _alt(html: str) -> str:
    m = re.search(r"alt='([^']*)'", html)
    assert m, "chart without alt text"
    return unescape(m.group(1))


def test_tampilan_awal_2020_dengan_indonesia(sp2020, seri):
    v = PiramidaPenduduk(sp2020, seri)
    assert v.tahun.value == 2020 and v.pembanding.value == "Indonesia 2020"
    teks = _teks(v.ringkasan.value)
    assert f"{format_angka(JATENG_SP2020)} jiwa" in teks
    assert "Rasio jenis kelamin 101,1" in teks and "rasio ketergantungan 43,2" in teks
    assert "rasio ketergantungan 44,3" in teks  # Indonesia
    assert "Perhatian" not in teks
    alt = _alt(v.grafik.value)
    assert "Jawa Tengah 2020" in alt and "Indonesia 2020" in alt and "20–24" in alt
    assert "Sumber: BPS, Sensus Penduduk 2020" in v.grafik.value


def test_pelajar_memilih_tahun_1971(sp2020, seri):
    v = PiramidaPenduduk(sp2020, seri)
    ringkasan0, png0, rasio0 = v.ringkasan.value, _png(v.grafik.value), v.grafik_rasio.value
    v.tahun.value = 1971
    teks = _teks(v.ringkasan.value)
    assert v.ringkasan.value != ringkasan0
    assert "Jawa Tengah 1971" in teks and "rasio ketergantungan 85,6" in teks
    assert "Perhatian" in teks and "IPUMS" in teks and "sampel" in teks
    assert _png(v.grafik.value) != png0
    alt = _alt(v.grafik.value)
    assert "1971" in alt and "5–9 tahun" in alt
    assert "IPUMS" in v.grafik.value  # the source line names the sample
    assert v.grafik_rasio.value != rasio0 and "tahun 1971 (oranye) 85,6" in _alt(
        v.grafik_rasio.value
    )


def test_pelajar_mengganti_pembanding(sp2020, seri):
    v = PiramidaPenduduk(sp2020, seri)
    v.tahun.value = 1990
    png = _png(v.grafik.value)
    v.pembanding.value = "Tanpa"
    assert "garis hitam" not in _alt(v.grafik.value)
    assert "Garis hitam" not in _teks(v.ringkasan.value)
    assert _png(v.grafik.value) != png
    v.pembanding.value = "Jawa Tengah 2020"
    assert "garis hitam Jawa Tengah 2020" in _alt(v.grafik.value)
    assert "sekitar 28.515.324 jiwa" in _teks(v.ringkasan.value)  # rounded, says estimate


# --- the exercises -----------------------------------------------------------------------


def test_jenis_soal(soal):
    jenis = [type(s) for s in soal]
    assert jenis == [SoalTebak, SoalAngka, SoalAngka, SoalPilihan, SoalPilihan, SoalPilihan]
    assert sum(j is SoalTebak for j in jenis) == 1


def test_soal_1_tebak(soal, sp2020):
    s = soal[0]
    assert s.jawaban == pytest.approx(rasio_ketergantungan(tabel_sp2020(sp2020, JATENG)))
    hasil = s.periksa("60")
    assert hasil.benar and "43,2" in hasil.pesan and "lebih tinggi" in hasil.pesan
    assert not s.periksa("enam puluh").benar


def test_soal_2_rasio_jenis_kelamin(soal, sp2020):
    laki, perempuan, *_ = _mandiri(sp2020, wilayah=JATENG)
    s = soal[1]
    assert s.jawaban == pytest.approx(100 * laki / perempuan)
    assert format_angka(laki) in s.pertanyaan and format_angka(perempuan) in s.pertanyaan
    for benar in ("101,1", "101.15", "101"):
        assert s.periksa(benar).benar, benar
    assert not s.periksa(format_angka(100 * perempuan / laki, 1)).benar  # upside down
    assert not s.periksa("1,011").benar  # a proportion, not per 100


def test_soal_3_rasio_ketergantungan(soal, sp2020):
    _, _, muda, produktif, tua = _mandiri(sp2020, wilayah=JATENG)
    s = soal[2]
    assert s.jawaban == pytest.approx(100 * (muda + tua) / produktif)
    assert s.periksa("43,2").benar and s.periksa("43").benar
    assert not s.periksa(format_angka(100 * muda / produktif, 1)).benar  # forgot 65+
    assert not s.periksa(format_angka(100 * (muda + tua) / (muda + produktif + tua), 1)).benar


def test_soal_4_kelompok_terbesar_1971(soal):
    s = soal[3]
    assert s.tampilan == "tombol" and s.jawaban == "5–9" and s.jawaban in s.pilihan
    assert s.periksa("5–9").benar
    hasil = s.periksa("20–24")
    assert not hasil.benar and "2020" in hasil.pesan
    assert not any(s.periksa(p).benar for p in s.pilihan if p != s.jawaban)


def test_soal_5_pernyataan_benar(soal, sp2020):
    s = soal[4]
    jateng, indonesia = (_mandiri(sp2020, wilayah=w) for w in (JATENG, INDONESIA))
    tua = [x[4] / (x[0] + x[1]) for x in (jateng, indonesia)]
    assert tua[0] > tua[1]  # 65+ share: Jawa Tengah above Indonesia
    assert "65+" in s.jawaban and "lebih besar" in s.jawaban
    assert s.periksa(s.jawaban).benar
    salah = [p for p in s.pilihan if p != s.jawaban]
    assert len(salah) == 3 and not any(s.periksa(p).benar for p in salah)
    assert "persen" in s.periksa(salah[-1]).pesan


def test_soal_6_angka_pecahan(soal):
    s = soal[5]
    assert "28.515.323,998" in s.pertanyaan
    assert s.periksa(s.jawaban).benar and "sampel" in s.jawaban
    assert not any(s.periksa(p).benar for p in s.pilihan if p != s.jawaban)


def test_grafik_cepat_sama_dengan_gambar_penuh(sp2020, seri, monkeypatch):
    """Both charts redraw only bars and marks over a frame drawn once (KerangkaGrafik); the
    student must see, pixel for pixel, the full drawing of the same chart."""
    monkeypatch.setenv("LITERASI_TEMBOLOK_GRAFIK", "0")  # every chart drawn on its frame
    import io

    import numpy as np
    from PIL import Image

    def piksel(png: bytes):
        return np.asarray(Image.open(io.BytesIO(png)).convert("RGB"))

    v = PiramidaPenduduk(sp2020, seri)
    for tahun, pembanding in (
        (1971, "Indonesia 2020"),
        (2000, "Tanpa"),
        (2010, "Jawa Tengah 2020"),
    ):
        v.tahun.value, v.pembanding.value = tahun, pembanding
        for html, kerangka in (
            (v.grafik.value, v._piramida[1]),
            (v.grafik_rasio.value, v._rasio[0]),
        ):
            assert np.array_equal(piksel(_png(html)), piksel(kerangka.png_penuh())), (
                tahun,
                pembanding,
            )
    # One scale for every year: the x axis does not move.
    assert v._piramida[1].fig.axes[0].get_xlim() == (-v.batas_x, v.batas_x)
