"""Lesson 06 (persen, poin persen, perubahan): computations, the view, the exercises."""

from __future__ import annotations

import base64
import re
from html import unescape

import pytest

import literasi
from literasi.format import format_angka
from literasi.siswa.persen_poin_persen_dan_perubahan import (
    JATENG,
    KOTA_KITA,
    NAMA_DATA,
    NAMA_PANEL,
    PerubahanKemiskinan,
    beda_dua_seri,
    bertanda,
    daftar_soal,
    pasangan_tahun,
    perubahan_relatif,
    poin_persen,
    seri_jateng,
    seri_kota,
    seri_median,
    tabel_tahunan,
    turun_persen,
    turun_poin,
)
from literasi.soal import SoalAngka, SoalPilihan, SoalTebak

# datasets/README.md, data 10 (main series) and data 12 (comparison panel).
KOTA = {2020: 7.21, 2021: 7.57, 2022: 6.95, 2023: 6.73, 2024: 6.59}
KOTA_2024_PANEL = 6.71


@pytest.fixture(scope="module")
def data():
    return literasi.load_dataset(NAMA_DATA)


@pytest.fixture(scope="module")
def soal(data):
    return daftar_soal(data)


def _jateng_mandiri(data, tahun: int) -> float:
    """Sum of poor ÷ sum of population × 100 over the 35 rows of one year, computed here."""
    baris = data[data["Tahun"] == tahun]
    assert len(baris) == 35
    miskin = sum(float(x) for x in baris["Jumlah Penduduk Miskin Maret Ribu Jiwa"])
    penduduk = sum(float(x) for x in baris["Jumlah Penduduk Ribu Jiwa"])
    return round(100 * miskin / penduduk, 2)


# --- computations ------------------------------------------------------------------------


def test_seri_kota_sama_dengan_sumber(data):
    assert seri_kota(data).to_dict() == KOTA


def test_tidak_ada_baris_provinsi(data):
    assert JATENG not in set(data["Wilayah"]) and data["Wilayah"].nunique() == 35


@pytest.mark.parametrize("tahun", sorted(KOTA))
def test_jateng_gabungan_dihitung_mandiri(data, tahun):
    assert seri_jateng(data)[tahun] == pytest.approx(_jateng_mandiri(data, tahun))


def test_penyebut_2020_sama_dengan_sp2020(data):
    """The 2020 population of the 35 rows (ribu jiwa) matches SP2020 (36.516.035 jiwa)."""
    penduduk = float(data[data["Tahun"] == 2020]["Jumlah Penduduk Ribu Jiwa"].sum())
    assert penduduk == pytest.approx(36516.035, abs=0.05)


def test_median_bukan_gabungan(data):
    median, gabungan = seri_median(data), seri_jateng(data)
    assert median[2024] == pytest.approx(9.08)
    assert (median < gabungan).all()  # big kabupaten with many poor pull the sum up


def test_poin_dan_relatif():
    assert poin_persen(7.21, 6.59) == pytest.approx(-0.62)
    assert perubahan_relatif(7.21, 6.59) == pytest.approx(-0.62 / 7.21 * 100)
    assert perubahan_relatif(10, 11) == pytest.approx(10)
    assert turun_poin(6.59, 0.5) == pytest.approx(6.09)
    assert turun_persen(6.59, 0.5) == pytest.approx(6.59 * 0.995)
    assert bertanda(-0.62, 2) == "−0,62" and bertanda(0.36, 2, plus=True) == "+0,36"
    assert bertanda(0, 1, plus=True) == "0,0"


def test_pasangan_tahun():
    pasangan = pasangan_tahun([2024, 2020, 2022])
    assert pasangan == [(2020, 2022), (2020, 2024), (2022, 2024)]


def test_dua_seri_tidak_dicampur(data):
    beda = beda_dua_seri(data, literasi.load_dataset(NAMA_PANEL))
    assert beda["baris"] == 175 and beda["berbeda"] == 174
    assert round(beda["rata_rata"], 2) == 0.66
    assert beda["kota_2024_utama"] == KOTA[2024]
    assert beda["kota_2024_panel"] == KOTA_2024_PANEL


def test_tabel_tahunan(data):
    t = tabel_tahunan(data)
    assert list(t["Tahun"]) == [str(x) for x in KOTA]
    assert list(t[f"{KOTA_KITA} (%)"]) == list(KOTA.values())


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


def test_tampilan_awal(data):
    v = PerubahanKemiskinan(data)
    assert v.cara.value == "Poin persen" and v.tahun.value == (2020, 2024)
    teks = _teks(v.ringkasan.value)
    assert "7,21% (2020) → 6,59% (2024), turun 0,62 poin persen = turun 8,6% (relatif)" in teks
    assert "6,59 − 7,21 = −0,62" in teks
    alt = _alt(v.grafik.value)
    assert "Kota Pekalongan −0,62 poin" in alt and "selalu di bawah" in alt
    assert "gabungan 35 kabupaten/kota" in v.grafik.value  # source line says how


def test_pelajar_mengganti_ukuran_dan_tahun(data):
    v = PerubahanKemiskinan(data)
    ringkasan0, png0 = v.ringkasan.value, _png(v.grafik.value)

    v.cara.value = "Persen (relatif)"  # the first control changes the first chart
    assert v.ringkasan.value != ringkasan0 and _png(v.grafik.value) != png0
    assert "0,62 ÷ 7,21 × 100 = −8,6%" in _teks(v.ringkasan.value)
    assert "Kota Pekalongan −8,6%" in _alt(v.grafik.value)

    png1 = _png(v.grafik.value)
    v.tahun.value = (2020, 2021)  # poverty rose that year
    teks = _teks(v.ringkasan.value)
    assert "naik 0,36 poin persen = naik 5,0% (relatif)" in teks
    assert "= +5,0%" in teks
    assert "Kota Pekalongan +5,0%" in _alt(v.grafik.value)
    assert _png(v.grafik.value) != png1


def test_pasangan_yang_berbeda_arti(data):
    """2021 → 2023: Jawa Tengah falls more in points, Kota Pekalongan more in relative terms."""
    v = PerubahanKemiskinan(data)
    v.tahun.value = (2021, 2023)
    assert "Kota Pekalongan −0,84 poin, Jawa Tengah −1,06 poin" in _alt(v.grafik.value)
    v.cara.value = "Persen (relatif)"
    assert "Kota Pekalongan −11,1%, Jawa Tengah −9,5%" in _alt(v.grafik.value)


# --- the exercises -----------------------------------------------------------------------


def test_jenis_soal(soal):
    jenis = [type(s) for s in soal]
    assert jenis == [SoalTebak, SoalAngka, SoalAngka, SoalPilihan, SoalPilihan]


def test_soal_1_tebak(soal):
    s = soal[0]
    assert s.jawaban == pytest.approx(0.62 / 7.21 * 100)
    hasil = s.periksa("0,62")
    assert hasil.benar and "8,6%" in hasil.pesan and "lebih rendah" in hasil.pesan
    assert not s.periksa("delapan").benar


def test_soal_2_poin_persen(soal):
    s = soal[1]
    assert s.jawaban == pytest.approx(6.95 - 6.73)
    assert s.periksa("0,22").benar and s.periksa("0.22").benar
    assert not s.periksa("3,2").benar  # the relative change is another answer
    assert not s.periksa("0,2").benar


def test_soal_3_perubahan_relatif(soal):
    s = soal[2]
    assert s.jawaban == pytest.approx((6.95 - 6.73) / 6.95 * 100)
    for benar in ("3,2", "3,2%", "3,17"):
        assert s.periksa(benar).benar, benar
    assert not s.periksa("0,22").benar  # points, not percent
    assert "Kalikan 100" in s.periksa("0,032").pesan


def test_soal_4_berita(soal):
    s = soal[3]
    assert s.jawaban == "6,09%"
    assert s.periksa("6,09%").benar
    hasil = s.periksa("6,56%")  # 6,59 × 0,995: fell 0,5 percent, not 0,5 points
    assert not hasil.benar and "relatif" in hasil.pesan
    assert not any(s.periksa(p).benar for p in s.pilihan if p != s.jawaban)
    assert len(set(s.pilihan)) == 4


def test_soal_5_baca_grafik(soal):
    s = soal[4]
    assert s.tampilan == "tombol" and s.jawaban == KOTA_KITA
    assert s.periksa(KOTA_KITA).benar
    hasil = s.periksa(JATENG)
    assert not hasil.benar and "poin persen" in hasil.pesan
    assert format_angka(11.1, 1) in s.penjelasan
