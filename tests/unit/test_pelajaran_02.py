"""Lesson 02 (membaca tabel dan grafik): sorting, totals vs percentages, the cut y-axis, the
view driven as a learner, and every exercise (right answer accepted, wrong one refused)."""

from __future__ import annotations

import pytest
from bantu import alt_grafik as _alt
from bantu import png_grafik as _png
from bantu import teks_html as _teks

import literasi
from literasi import seri
from literasi.siswa.membaca_tabel_dan_grafik import (
    DATA_IPM,
    EKS_KARESIDENAN,
    SUMBU,
    GrafikMenipu,
    batas_potong,
    html_lingkaran,
    ipm_wilayah,
    kali_sebenarnya,
    kali_tampak,
    persen_miskin_kota,
    proyeksi_penduduk_ribu,
    semua_soal,
    tabel_jumlah_persen,
)
from literasi.soal import SoalAngka, SoalPilihan, SoalTebak, SoalUrutan

IPM_KOTA_2024 = 77.22  # datasets/README.md, data 9
# Kota Pekalongan, Maret 2020–2025, BPS's series (datasets/README.md, data 12: 2024 = 6,71%).
PERSEN_MISKIN_KOTA = {2020: 7.17, 2021: 7.59, 2022: 7.00, 2023: 6.81, 2024: 6.71, 2025: 6.14}


@pytest.fixture(scope="module")
def ipm():
    return literasi.load_dataset(DATA_IPM)


@pytest.fixture(scope="module")
def miskin():
    return seri.baca_kemiskinan()


@pytest.fixture(scope="module")
def soal():
    return semua_soal()


def _baris(data, nama, tahun):
    return data[(data["Wilayah"] == nama) & (data["Tahun"] == tahun)].iloc[0]


def test_ipm_wilayah_urut_dari_tertinggi(ipm):
    tabel = ipm_wilayah(ipm)
    assert sorted(tabel["Wilayah"]) == sorted(EKS_KARESIDENAN) and len(tabel) == 7
    nilai = [float(x) for x in tabel["Indeks Pembangunan Manusia"]]
    assert nilai == sorted(nilai, reverse=True)
    mandiri = {
        n: float(_baris(ipm, n, 2024)["Indeks Pembangunan Manusia"]) for n in EKS_KARESIDENAN
    }
    assert dict(zip(tabel["Wilayah"], nilai, strict=True)) == mandiri
    assert mandiri["Kota Pekalongan"] == IPM_KOTA_2024


def test_persen_miskin_kota(miskin):
    tabel = persen_miskin_kota(miskin)
    assert (
        dict(zip(tabel["Tahun"].astype(int), tabel.iloc[:, 1].astype(float), strict=True))
        == PERSEN_MISKIN_KOTA
    )


@pytest.mark.parametrize(
    "nilai, bawah", [([68.46, 77.43], 67), ([6.14, 7.59], 5), ([1.0, 100.0], 0)]
)
def test_batas_potong(nilai, bawah):
    assert batas_potong(nilai) == bawah
    assert bawah < min(nilai)


def test_kali_tampak_dan_sebenarnya():
    nilai = [68.46, 77.22, 77.43]
    assert kali_sebenarnya(nilai) == pytest.approx(77.43 / 68.46)
    assert kali_tampak(nilai, 67) == pytest.approx((77.43 - 67) / (68.46 - 67))
    assert kali_tampak(nilai, 0) == pytest.approx(kali_sebenarnya(nilai))


def test_tabel_jumlah_persen_urutan_berbeda(miskin):
    tabel = tabel_jumlah_persen(miskin)
    assert len(tabel) == 4 and list(tabel["Wilayah"]) == sorted(tabel["Wilayah"])
    assert "Kota Pekalongan" in set(tabel["Wilayah"])
    menurut_jumlah = tabel.sort_values("Miskin (ribu)", ascending=False)["Wilayah"].tolist()
    menurut_persen = tabel.sort_values("Miskin (%)", ascending=False)["Wilayah"].tolist()
    assert menurut_jumlah != menurut_persen  # the point of the section
    assert list(tabel.columns) == ["Wilayah", "Miskin (ribu)", "Miskin (%)"]  # no denominator
    satu = miskin[miskin["Tahun"] == 2024]
    assert satu.loc[satu[seri.MISKIN].idxmax(), "Wilayah"] == "Kabupaten Brebes"
    assert satu.loc[satu[seri.PERSEN].idxmax(), "Wilayah"] == "Kabupaten Kebumen"


def test_lingkaran_berjumlah_100(miskin):
    html = html_lingkaran(miskin)
    alt = _alt(html)
    assert "miskin 6,7% (21,16 ribu jiwa)" in alt and "tidak miskin 93,3%" in alt
    assert "Sumber:" in html and "Susenas Maret" in html
    _png(html)


def test_proyeksi_penduduk():
    assert proyeksi_penduduk_ribu(literasi.load_dataset(seri.NAMA_MARET)) == 321.10


# --- the view ----------------------------------------------------------------------------


def test_tampilan_dibuka_dengan_sumbu_dipotong(ipm, miskin):
    v = GrafikMenipu(ipm, miskin)
    assert v.sumbu.options == SUMBU and v.sumbu.value == "Sumbu-y dipotong"
    teks, alt = _teks(v.ringkasan.value), _alt(v.grafik.value)
    assert "mulai dari 67" in teks and "7,1 kali" in teks and "1,13 kali" in teks
    assert "sumbu-y mulai dari 67, bukan 0" in alt
    assert "Kota Tegal 77,43" in alt and "Kab. Brebes 68,46" in alt


def test_sumbu_dari_nol_lalu_data_kedua(ipm, miskin):
    v = GrafikMenipu(ipm, miskin)
    teks0, png0 = _teks(v.ringkasan.value), _png(v.grafik.value)

    v.sumbu.value = "Sumbu-y mulai dari nol"  # the first control, as a student taps it
    teks1, png1, alt1 = _teks(v.ringkasan.value), _png(v.grafik.value), _alt(v.grafik.value)
    assert teks1 != teks0 and png1 != png0
    assert "mulai dari 0" in teks1 and "7,1 kali" not in teks1
    assert "Sumbu-y mulai dari 0" in alt1

    v.data.value = "Penduduk miskin Kota Pekalongan 2020–2025"
    alt2 = _alt(v.grafik.value)
    assert _png(v.grafik.value) != png1
    assert "tertinggi 2021 7,59%" in alt2 and "terendah 2025 6,14%" in alt2

    v.sumbu.value = "Sumbu-y dipotong"
    teks3 = _teks(v.ringkasan.value)
    tampak = (7.59 - 5) / (6.14 - 5)
    assert "mulai dari 5" in teks3 and f"{tampak:.1f}".replace(".", ",") + " kali" in teks3


def test_from_dataset():
    assert GrafikMenipu.from_dataset().sumbu.value == SUMBU[1]


# --- the exercises -----------------------------------------------------------------------


def test_jenis_dan_urutan_soal(soal):
    jenis = [type(s) for s in soal]
    assert jenis == [SoalTebak, SoalPilihan, SoalPilihan, SoalUrutan, SoalAngka]
    assert soal[1].tampilan == "tombol" and soal[1].grafik  # "read the chart"


def test_soal_1_tebak_berapa_kali(soal):
    s = soal[0]
    assert s.jawaban == pytest.approx(77.22 / 68.46)
    hasil = s.periksa("7")
    assert hasil.benar and "1,13 kali" in hasil.pesan and "lebih tinggi" in hasil.pesan
    assert not s.periksa("tujuh").benar


def test_soal_2_baca_grafik(soal):
    s = soal[1]
    assert s.jawaban == "2021" and s.pilihan == ["2020", "2021", "2022", "2023", "2024", "2025"]
    assert s.periksa("2021").benar
    assert not s.periksa("2020").benar
    assert "7,59%" in _alt(s.grafik)


def test_soal_3_lingkaran(soal):
    s = soal[2]
    assert "miskin dan tidak miskin" in s.jawaban
    assert s.periksa(s.jawaban).benar
    for salah in (p for p in s.pilihan if p != s.jawaban):
        hasil = s.periksa(salah)
        assert not hasil.benar and "batang" in hasil.pesan


def test_soal_4_urutan_persen(soal):
    s = soal[3]
    benar = ["Kab. Kebumen", "Kab. Brebes", "Kota Pekalongan", "Kota Semarang"]
    assert s.butir == benar
    assert s.periksa(benar).benar
    menurut_jumlah = ["Kab. Brebes", "Kab. Kebumen", "Kota Semarang", "Kota Pekalongan"]
    hasil = s.periksa(menurut_jumlah)
    assert not hasil.benar and "0 dari 4" in hasil.pesan


def test_soal_5_persen_dengan_penyebut_yang_disebut(soal, miskin):
    s = soal[4]
    kota = _baris(miskin, "Kota Pekalongan", 2024)
    assert s.jawaban == pytest.approx(100 * 21.16 / 321.10)
    for ketik in ("6,59%", "6,59", "6.59"):
        assert s.periksa(ketik).benar, ketik
    assert "Kalikan 100" in s.periksa("0,0659").pesan
    assert not s.periksa("13,71").benar
    # BPS's rate uses another denominator: the student who types it is told so, by name.
    assert kota[seri.PERSEN] == 6.71
    hasil = s.periksa("6,71")
    assert not hasil.benar and "tercatat di tabel BPS" in hasil.pesan
    assert "6,71%" in s.penjelasan and "315,4 ribu" in s.penjelasan
    assert "sama dengan angka BPS" not in s.penjelasan
