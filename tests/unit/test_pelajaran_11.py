"""Lesson 11 (statistik di media): the claims, their checks, the view, the exercises."""

from __future__ import annotations

import base64
import re
from html import unescape

import pytest
from bantu import poster_sama_dengan_layar

import literasi
from literasi.infografis import TombolInfografis
from literasi.siswa.statistik_di_media import (
    DAFTAR_CEK,
    NAMA_DATA,
    SELISIH_PDRB,
    Pembanding,
    PeriksaKlaim,
    angka_id,
    angka_pas,
    bukti_klaim,
    cek_blog_2014,
    daftar_soal,
    digit_pertama_beda,
    klaim_pekalongan,
    penduduk_resmi,
    persen_terlalu_tinggi,
    tanpa_alamat,
)
from literasi.soal import SoalAngka, SoalBanyak, SoalPilihan, SoalTebak


@pytest.fixture(scope="module")
def data():
    return literasi.load_dataset(NAMA_DATA)


@pytest.fixture(scope="module")
def pembanding():
    return Pembanding.dari_dataset()


@pytest.fixture(scope="module")
def soal(data, pembanding):
    return daftar_soal(data, pembanding)


# --- computations ------------------------------------------------------------------------


def test_klaim_hanya_tentang_pekalongan(data):
    klaim = klaim_pekalongan(data)
    assert list(klaim["no"]) == [1, 2, 3, 4, 5, 6, 7]  # rows 8–9 are SKM examples
    assert len(data) == 9


def test_angka_indonesia():
    assert angka_id("2.933.816,00") == 2933816.0
    assert angka_id("1.488") == 1488 and angka_id("42,25") == 42.25
    assert angka_id("tidak diketahui (pasti kurang dari 4.525 Ha)") is None
    assert angka_pas(46.0) == "46" and angka_pas(14.88) == "14,88"


def test_selisih_pdrb_sama_dengan_readme(data):
    pdrb = klaim_pekalongan(data).set_index("no").loc[4]
    selisih = angka_id(pdrb["nilai_benar"]) - angka_id(pdrb["nilai_tertulis"])
    assert selisih == pytest.approx(60000.01) and round(selisih) == SELISIH_PDRB
    assert digit_pertama_beda(pdrb["nilai_tertulis"], pdrb["nilai_benar"]) == 3


def test_blog_2014_kepadatan_dari_luas_bps(pembanding):
    b = cek_blog_2014(pembanding)
    assert (b["penduduk"], b["kepadatan"], b["luas_bps"]) == (293704, 6491, 45.25)
    assert round(293704 / 45.25) == 6491 and round(293704 / 42.25) == 6952
    assert b["luas_dari_kepadatan"] == pytest.approx(45.247, abs=0.001)


def test_penduduk_resmi(pembanding):
    resmi = penduduk_resmi(pembanding)
    assert resmi[2010] == 281434  # README data 6: 47 kelurahan
    assert resmi[2020] == 307150  # README Kotak 1: SP2020
    assert resmi[2024] == 321100  # README Kotak 1: proyeksi 321,10 ribu


def test_bukti_dari_data_lain(data, pembanding):
    klaim = klaim_pekalongan(data)
    utara = bukti_klaim(klaim[klaim["no"] == 2].iloc[0], pembanding)
    nilai = {label: v for label, v, _ in utara.batang}
    assert nilai["Pek. Utara (tertulis)"] == 1488 and nilai["Seluruh kota (BPS)"] == 45.25
    assert sum(v for label, v, _ in utara.batang if "BPS" in label and "Pek." in label) == (
        pytest.approx(45.25)
    )
    for no, harapan in ((6, [46, 47, 27]), (7, [502031, 460789, 502031])):
        bukti = bukti_klaim(klaim[klaim["no"] == no].iloc[0], pembanding)
        assert [v for _, v, _ in bukti.batang] == harapan
        assert [k for _, _, k in bukti.batang] == [True, False, False]


def test_lain_lain():
    assert persen_terlalu_tinggi(110, 100) == pytest.approx(10)
    assert tanpa_alamat("lihat https://a.b/c?d=1 ya") == "lihat a.b ya"
    assert [c for c, _ in DAFTAR_CEK] == [
        "Siapa yang mengukur?",
        "Kapan?",
        "Apa persisnya?",
        "Dibandingkan dengan apa?",
    ]


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
    return re.sub(r"<[^>]+>", " ", unescape(html))


def test_tampilan_awal(data, pembanding):
    v = PeriksaKlaim(data, pembanding)
    assert v.pilih.value == 1 and len(v.pilih.options) == 7
    teks = _teks(v.kartu.value)
    assert "42,25 km²" in teks and "Siapa yang mengukur?" in teks and "2014" in teks
    assert "293.704 ÷ 42,25 (klaim): 6.952" in _alt(v.grafik.value)
    assert "Sumber:" in v.grafik.value
    assert v.jawaban.value == ""  # the answer is not on the page before the student asks


def test_pelajar_memilih_klaim_lalu_minta_jawaban(data, pembanding):
    v = PeriksaKlaim(data, pembanding)
    kartu0, png0 = v.kartu.value, _png(v.grafik.value)

    v.pilih.value = 7  # the first control changes the first chart
    assert v.kartu.value != kartu0 and _png(v.grafik.value) != png0
    assert "Kota Tegal (BPS): 502.031" in _alt(v.grafik.value)
    assert "502.031" in _teks(v.kartu.value)

    v.tombol.click()
    jawaban = _teks(v.jawaban.value)
    assert "460.789 rupiah/kapita/bulan" in jawaban and "Kota Tegal" in jawaban
    assert "kemiskinan_maret_kabkota_jateng_2020_2024" in jawaban  # source of the right value

    v.pilih.value = 5  # a time chart; the revealed answer is hidden again
    assert v.jawaban.value == ""
    assert "2017 (klaim): 224.063" in _alt(v.grafik.value)
    v.tombol.click()
    assert "SP2010 = 281.434" in _teks(v.jawaban.value)
    assert "jiwa" not in _teks(v.jawaban.value).split("Sumber")[0]  # a sentence, no unit


def test_poster(data, pembanding):
    v = PeriksaKlaim(data, pembanding)
    v.pilih.value = 4
    isi = v.isi_poster()
    assert poster_sama_dengan_layar(isi, v.grafik.value) and "2.933.816,00" in isi.pesan
    tombol = TombolInfografis(v.isi_poster, "uji")
    tombol.tombol["story"].click()
    assert "data:image/png;base64," in tombol.tautan.value


# --- the exercises -----------------------------------------------------------------------


def test_jenis_soal(soal):
    jenis = [type(s) for s in soal]
    assert jenis == [SoalTebak, SoalPilihan, SoalAngka, SoalPilihan, SoalAngka, SoalBanyak]


def test_soal_1_tebak(soal):
    s = soal[0]
    assert s.jawaban == pytest.approx(1488 / 45.25)
    hasil = s.periksa("10")
    assert hasil.benar and "32,9" in hasil.pesan and "lebih rendah" in hasil.pesan
    assert not s.periksa("banyak").benar


def test_soal_2_angka_yang_salah(soal):
    s = soal[1]
    assert s.jawaban == "Luas 42,25 km²" and s.periksa(s.jawaban).benar
    assert not any(s.periksa(p).benar for p in s.pilihan if p != s.jawaban)
    assert "45,25" in s.periksa("Kepadatan 6.491 jiwa/km²").pesan


def test_soal_3_luas_yang_dipakai(soal):
    s = soal[2]
    assert s.jawaban == pytest.approx(293704 / 6491)
    assert s.periksa("45,25").benar and s.periksa("45.25").benar
    assert not s.periksa("42,25").benar


def test_soal_4_digit(soal):
    s = soal[3]
    assert s.jawaban == "Angka ke-3" and s.periksa("Angka ke-3").benar
    assert not s.periksa("Angka ke-2").benar
    assert "60.000" in s.penjelasan


def test_soal_5_persen_terlalu_tinggi(soal):
    s = soal[4]
    assert s.jawaban == pytest.approx((502031 - 460789) / 460789 * 100)
    assert s.periksa("9,0").benar and s.periksa("8,95%").benar
    assert not s.periksa("8,2").benar  # divided by the wrong value: 41.242 ÷ 502.031
    assert "Kalikan 100" in s.periksa("0,0895").pesan


def test_soal_6_daftar_cek(soal):
    s = soal[5]
    assert set(s.jawaban) == {"Siapa yang mengukur?", "Apa persisnya?", "Dibandingkan dengan apa?"}
    assert s.periksa(tuple(s.jawaban)).benar
    assert not s.periksa(("Kapan?",)).benar
    assert not s.periksa(tuple(s.pilihan)).benar
