"""Lesson 01 (data, statistik, dan BPS): the three population figures, variable types, the
view driven as a learner, and every exercise (right answer accepted, wrong one refused)."""

from __future__ import annotations

import base64
import json
import re
from html import unescape
from pathlib import Path

import pytest
from bantu import teks_html as _teks

import literasi
from literasi.format import format_angka
from literasi.siswa.data_statistik_dan_bps import (
    DATA_PROYEKSI,
    DATA_REGISTRASI,
    DATA_WEB,
    DATA_WILAYAH,
    TAMPILAN,
    TigaAngkaPenduduk,
    jenis_variabel,
    rata_rata_kodepos,
    selisih_dari_sensus,
    semua_soal,
    tabel_kolom,
    tiga_angka,
)
from literasi.soal import SoalAngka, SoalBanyak, SoalPilihan, SoalTebak, kunci_jawaban

# Published figures quoted in datasets/README.md ("Kotak 1 — Tiga sistem, tiga angka").
SENSUS_2020 = 307150
PROYEKSI_2024 = 321100  # 321,10 ribu jiwa
REGISTRASI_2024 = 318221
REPO = Path(__file__).resolve().parents[2]


@pytest.fixture(scope="module")
def data():
    return tuple(literasi.load_dataset(n) for n in (DATA_REGISTRASI, DATA_PROYEKSI, DATA_WEB))


@pytest.fixture(scope="module")
def angka(data):
    return tiga_angka(*data)


@pytest.fixture(scope="module")
def soal():
    return semua_soal()


def test_tiga_angka_sama_dengan_readme(angka):
    assert [a.sistem for a in angka] == ["Sensus", "Proyeksi", "Registrasi"]
    assert [a.jiwa for a in angka] == [SENSUS_2020, PROYEKSI_2024, REGISTRASI_2024]


def test_sensus_sama_dengan_kolom_penduduk_2020(data):
    """The census figure (quoted by Wikipedia) equals the 2020 value of the projection column
    (the SP2020 count), a second copy of the same BPS number."""
    kemiskinan = data[1]
    baris = kemiskinan[(kemiskinan["Wilayah"] == "Kota Pekalongan") & (kemiskinan["Tahun"] == 2020)]
    assert round(float(baris["Jumlah Penduduk Ribu Jiwa"].iloc[0]) * 1000) == SENSUS_2020


def test_selisih_dari_sensus(angka):
    selisih = selisih_dari_sensus(angka)
    assert selisih[0] == (0, 0.0)
    assert selisih[1][0] == PROYEKSI_2024 - SENSUS_2020 == 13950
    assert selisih[2][0] == REGISTRASI_2024 - SENSUS_2020 == 11071
    assert selisih[2][1] == pytest.approx(100 * 11071 / 307150)


def test_jenis_variabel_dari_skema():
    jenis = jenis_variabel(DATA_REGISTRASI)
    schema = json.loads((REPO / "datasets" / "datapackage.json").read_text(encoding="utf-8"))
    fields = next(r for r in schema["resources"] if r["name"] == DATA_REGISTRASI)["schema"]
    numerik = {f["name"] for f in fields["fields"] if f["type"] in ("integer", "number")}
    assert {k for k, j in jenis.items() if j == "numerik"} == numerik
    assert jenis["kode_bps"] == jenis["kode_kemendagri"] == jenis["nama"] == "kategorik"
    assert jenis["luas_km2"] == jenis["penduduk_total"] == "numerik"


def test_tabel_kolom_tanpa_jenis(data):
    tabel = tabel_kolom(data[0])
    assert list(tabel["Kolom"]) == list(data[0].columns)
    isi = dict(zip(tabel["Kolom"], tabel.iloc[:, 1], strict=True))
    assert isi["penduduk_total"] == "318.221" and isi["luas_km2"] == "46,076"
    assert isi["kode_bps"] == "3375"
    assert "numerik" not in tabel.to_string() and "kategorik" not in tabel.to_string()


def test_rata_rata_kodepos():
    wilayah = literasi.load_dataset(DATA_WILAYAH)
    kode = [
        int(k)
        for t, k in zip(wilayah["tingkat"], wilayah["kodepos"], strict=True)
        if t == "kelurahan"
    ]
    assert len(kode) == 27
    assert rata_rata_kodepos(wilayah) == pytest.approx(sum(kode) / 27)


# --- the view ----------------------------------------------------------------------------


def _png(html: str) -> bytes:
    m = re.search(r"src='data:image/png;base64,([A-Za-z0-9+/=]+)'", html)
    assert m, "no PNG in the chart"
    png = base64.b64decode(m.group(1))
    assert png.startswith(b"\x89PNG")
    return png


def _alt(html: str) -> str:
    m = re.search(r"alt='([^']*)'", html)
    assert m, "chart without alt text"
    return unescape(m.group(1))


def test_tampilan_jumlah_lalu_selisih(data):
    v = TigaAngkaPenduduk(*data)
    assert v.tampilan.value == TAMPILAN[0]
    teks0, png0, alt0 = _teks(v.ringkasan.value), _png(v.grafik.value), _alt(v.grafik.value)
    for n in (SENSUS_2020, PROYEKSI_2024, REGISTRASI_2024):
        assert format_angka(n) in teks0 and format_angka(n) in alt0
    assert "mulai dari nol" in alt0
    assert "Sumber:" in v.grafik.value

    v.tampilan.value = TAMPILAN[1]
    teks1, alt1 = _teks(v.ringkasan.value), _alt(v.grafik.value)
    assert teks1 != teks0 and alt1 != alt0
    assert _png(v.grafik.value) != png0
    for kalimat in (teks1, alt1):
        assert "+13.950 jiwa" in kalimat and "+11.071 jiwa" in kalimat
        assert "+4,5%" in kalimat and "+3,6%" in kalimat

    v.tampilan.value = TAMPILAN[0]
    assert _teks(v.ringkasan.value) == teks0


def test_from_dataset():
    assert TigaAngkaPenduduk.from_dataset().angka[2].jiwa == REGISTRASI_2024


# --- the exercises -----------------------------------------------------------------------


def test_jenis_dan_urutan_soal(soal):
    jenis = [type(s) for s in soal]
    assert jenis == [SoalTebak, SoalPilihan, SoalBanyak, SoalPilihan, SoalAngka, SoalPilihan]
    assert sum(isinstance(s, SoalTebak) for s in soal) == 1


def test_soal_1_tebak(soal):
    s = soal[0]
    assert s.jawaban == REGISTRASI_2024
    hasil = s.periksa("300.000")
    assert hasil.benar and "318.221 jiwa" in hasil.pesan and "lebih rendah" in hasil.pesan
    assert not s.periksa("banyak sekali").benar  # unreadable guess: a kind message


def test_soal_2_registrasi(soal):
    s = soal[1]
    assert s.periksa("Registrasi").benar
    hasil = s.periksa("Sensus")
    assert not hasil.benar and "sepuluh" in hasil.pesan


def test_soal_3_kolom_numerik(soal):
    s = soal[2]
    benar = ["penduduk_laki", "penduduk_perempuan", "penduduk_total", "luas_km2"]
    assert sorted(s.jawaban) == sorted(benar)
    assert s.periksa(benar).benar
    hasil = s.periksa([*benar, "kode_bps"])
    assert not hasil.benar and "1 centangmu keliru" in hasil.pesan
    assert not s.periksa(benar[:2]).benar


def test_soal_4_kodepos(soal):
    s = soal[3]
    assert "51.130,8" in s.pertanyaan
    assert s.periksa(s.jawaban).benar and "kategorik" in s.jawaban
    assert not s.periksa("Kode pos rata-rata Kota Pekalongan").benar


def test_soal_5_selisih_sekitar_2_9_ribu(soal):
    """321,10 ribu is rounded to ten people: the difference is "sekitar 2,9 ribu", and an exact
    2.879 is accepted with that said."""
    s = soal[4]
    assert PROYEKSI_2024 - REGISTRASI_2024 == 2879
    assert s.jawaban == pytest.approx(2.879)
    assert s.jawaban_teks() == "2,9 ribu jiwa" and "321,10 ribu" in s.pertanyaan
    for ketik in ("2,9", "2.9", "3", "2,88"):
        assert s.periksa(ketik).benar, ketik
    for ketik in ("2.879", "2879", "2879 jiwa"):  # the guide once said the app could not read this
        hasil = s.periksa(ketik)
        assert hasil.benar and "sekitar 2,9 ribu" in hasil.pesan, ketik
    for salah in ("13,9", "11.071", "2,5"):
        assert not s.periksa(salah).benar, salah
    assert "2.879 jiwa" in kunci_jawaban([s])


def test_soal_6_sebut_sumber(soal):
    s = soal[5]
    assert s.periksa(s.jawaban).benar
    assert "Desember 2024" in s.jawaban and "Dukcapil" in s.jawaban
    salah = [p for p in s.pilihan if p != s.jawaban]
    assert len(salah) == 3 and not any(s.periksa(p).benar for p in salah)
