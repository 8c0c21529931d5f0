"""Lesson 06 (persen, poin persen, perubahan): computations, the view, the exercises."""

from __future__ import annotations

import csv

import pytest
from bantu import alt_grafik, png_grafik, teks_html

from literasi import seri
from literasi.data import datasets_dir
from literasi.format import format_angka
from literasi.siswa.persen_poin_persen_dan_perubahan import (
    JATENG,
    KOTA_KITA,
    PerubahanKemiskinan,
    daftar_soal,
    dua_seri,
    pasangan_tahun,
    perubahan_relatif,
    poin_persen,
    tabel_tahunan,
    turun_persen,
    turun_poin,
)
from literasi.soal import SoalAngka, SoalPilihan, SoalTebak

# datasets/README.md, data 12 (the panel: BPS's March rates for Kota Pekalongan).
KOTA = {2020: 7.17, 2021: 7.59, 2022: 7.00, 2023: 6.81, 2024: 6.71}


@pytest.fixture(scope="module")
def tabel():
    return seri.baca_kemiskinan()


@pytest.fixture(scope="module")
def soal(tabel):
    return daftar_soal(tabel)


def _baca(nama: str) -> list[dict]:
    with open(datasets_dir() / f"{nama}.csv", encoding="utf-8") as f:
        return list(csv.DictReader(f))


def _jateng_mandiri(tahun: int) -> float:
    """Σ poor ÷ Σ (poor ÷ panel rate) × 100 over the 35 kab/kota, read from the CSV files here."""
    persen = {
        b["kabupaten_kota"]: float(b["persentase_penduduk_miskin"])
        for b in _baca(seri.NAMA_PANEL)
        if int(b["tahun"]) == tahun
    }
    miskin = {
        b["Wilayah"]: float(b["Jumlah Penduduk Miskin Maret Ribu Jiwa"])
        for b in _baca(seri.NAMA_MARET)
        if int(b["Tahun"]) == tahun
    }
    assert len(miskin) == 35 and set(miskin) == set(persen)
    penduduk = sum(miskin[w] / persen[w] * 100 for w in miskin)
    return round(100 * sum(miskin.values()) / penduduk, 2)


# --- computations ------------------------------------------------------------------------


def test_dua_seri_kota_dari_panel(tabel):
    kota, jateng = dua_seri(tabel)
    assert kota.to_dict() == KOTA
    assert list(jateng.index) == list(KOTA)  # 2025 has no counts: no Jawa Tengah, left out


@pytest.mark.parametrize("tahun", sorted(KOTA))
def test_jateng_dihitung_mandiri(tabel, tahun):
    assert dua_seri(tabel)[1][tahun] == pytest.approx(_jateng_mandiri(tahun))


def test_poin_dan_relatif():
    assert poin_persen(7.17, 6.71) == pytest.approx(-0.46)
    assert perubahan_relatif(7.17, 6.71) == pytest.approx(-0.46 / 7.17 * 100)
    assert perubahan_relatif(10, 11) == pytest.approx(10)
    assert turun_poin(6.71, 0.5) == pytest.approx(6.21)
    assert turun_persen(6.71, 0.5) == pytest.approx(6.71 * 0.995)


def test_pasangan_tahun():
    pasangan = pasangan_tahun([2024, 2020, 2022])
    assert pasangan == [(2020, 2022), (2020, 2024), (2022, 2024)]


def test_tabel_tahunan(tabel):
    t = tabel_tahunan(tabel)
    assert list(t["Tahun"]) == [str(x) for x in KOTA]
    assert list(t[f"{KOTA_KITA} (%)"]) == list(KOTA.values())
    assert f"{JATENG} (%)" in t.columns and "dihitung" in JATENG


# --- the view ----------------------------------------------------------------------------


def test_tampilan_awal(tabel):
    v = PerubahanKemiskinan(tabel)
    assert v.cara.value == "Poin persen" and v.tahun.value == (2020, 2024)
    teks = teks_html(v.ringkasan.value)
    assert "7,17% (2020) → 6,71% (2024), turun 0,46 poin persen = turun 6,4% (relatif)" in teks
    assert "6,71 − 7,17 = −0,46" in teks
    alt = alt_grafik(v.grafik.value)
    assert "Kota Pekalongan −0,46 poin" in alt and "selalu di bawah" in alt
    assert "dihitung dari 35 kabupaten/kota" in v.grafik.value  # the source line says how


def test_pelajar_mengganti_ukuran_dan_tahun(tabel):
    v = PerubahanKemiskinan(tabel)
    ringkasan0, png0 = v.ringkasan.value, png_grafik(v.grafik.value)

    v.cara.value = "Persen (relatif)"  # the first control changes the first chart
    assert v.ringkasan.value != ringkasan0 and png_grafik(v.grafik.value) != png0
    assert "0,46 ÷ 7,17 × 100 = −6,4%" in teks_html(v.ringkasan.value)
    assert "Kota Pekalongan −6,4%" in alt_grafik(v.grafik.value)

    png1 = png_grafik(v.grafik.value)
    v.tahun.value = (2020, 2021)  # poverty rose that year
    teks = teks_html(v.ringkasan.value)
    assert "naik 0,42 poin persen = naik 5,9% (relatif)" in teks
    assert "= +5,9%" in teks
    assert "Kota Pekalongan +5,9%" in alt_grafik(v.grafik.value)
    assert png_grafik(v.grafik.value) != png1


def test_pasangan_yang_berbeda_arti(tabel):
    """2021 → 2023: Jawa Tengah falls more in points, Kota Pekalongan more in relative terms."""
    v = PerubahanKemiskinan(tabel)
    v.tahun.value = (2021, 2023)
    assert f"Kota Pekalongan −0,78 poin, {JATENG} −1,02 poin" in alt_grafik(v.grafik.value)
    v.cara.value = "Persen (relatif)"
    assert f"Kota Pekalongan −10,3%, {JATENG} −8,7%" in alt_grafik(v.grafik.value)


# --- the exercises -----------------------------------------------------------------------


def test_jenis_soal(soal):
    jenis = [type(s) for s in soal]
    assert jenis == [SoalTebak, SoalAngka, SoalAngka, SoalPilihan, SoalPilihan]


def test_soal_1_tebak(soal):
    s = soal[0]
    assert s.jawaban == pytest.approx(0.46 / 7.17 * 100)
    hasil = s.periksa("0,46")
    assert hasil.benar and "6,4%" in hasil.pesan and "lebih rendah" in hasil.pesan
    assert not s.periksa("enam").benar


def test_soal_2_poin_persen(soal):
    s = soal[1]
    assert s.jawaban == pytest.approx(7.00 - 6.81)
    assert s.periksa("0,19").benar and s.periksa("0.19").benar
    hasil = s.periksa("−0,19")  # a change written as a change
    assert hasil.benar and "tanda minus berarti turun" in hasil.pesan
    for persen in ("0,19%", "-0,19%"):  # the misconception the question was written for
        hasil = s.periksa(persen)
        assert not hasil.benar and "poin persen" in hasil.pesan and "relatif" in hasil.pesan
    assert not s.periksa("2,7").benar  # the relative change is another answer
    assert not s.periksa("0,1").benar


def test_soal_3_perubahan_relatif(soal):
    s = soal[2]
    assert s.jawaban == pytest.approx((7.00 - 6.81) / 7.00 * 100)
    for benar in ("2,7", "2,7%", "2,71", "−2,7"):
        assert s.periksa(benar).benar, benar
    hasil = s.periksa("0,19")  # points, not relative
    assert not hasil.benar and "poin persen" in hasil.pesan
    hasil = s.periksa("2,8")  # 0,19 ÷ 6,81: divided by the end value, named as such
    assert not hasil.benar and "nilai akhir" in hasil.pesan
    assert "Kalikan 100" in s.periksa("0,027").pesan


def test_soal_4_berita(soal):
    s = soal[3]
    assert s.jawaban == "6,21%"
    assert s.periksa("6,21%").benar
    hasil = s.periksa("6,68%")  # 6,71 × 0,995: fell 0,5 percent, not 0,5 points
    assert not hasil.benar and "relatif" in hasil.pesan
    assert not any(s.periksa(p).benar for p in s.pilihan if p != s.jawaban)
    assert len(set(s.pilihan)) == 4


def test_soal_5_baca_grafik(soal):
    s = soal[4]
    assert s.tampilan == "tombol" and s.jawaban == KOTA_KITA
    assert s.periksa(KOTA_KITA).benar
    hasil = s.periksa(JATENG)
    assert not hasil.benar and "poin persen" in hasil.pesan
    assert format_angka(10.3, 1) in s.penjelasan
