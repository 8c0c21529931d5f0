"""Lesson 03 (ukuran pemusatan): mean, median, mode, the made-up extreme value, the view and
the exercises. Plain pytest, no kernel; expected values computed here with numpy/statistics."""

from __future__ import annotations

import statistics

import numpy as np
import pytest
from bantu import alt_grafik as _alt
from bantu import png_grafik as _png
from bantu import teks_html as _teks

import literasi
from literasi.format import format_angka
from literasi.siswa.ukuran_pemusatan import (
    KOTA_KITA,
    NAMA_DATA,
    PILIHAN_BUATAN,
    VARIABEL,
    PemusatanKabKota,
    bulatkan,
    daftar_soal,
    median,
    modus,
    pusat,
    rata_rata,
    tabel_kota,
    tabel_tahun,
    tumpukan_titik,
)
from literasi.soal import KartuSoal, SoalAngka, SoalPilihan, SoalTebak

IPM_KOTA_2024 = 77.22  # datasets/README.md, data 9


@pytest.fixture(scope="module")
def data():
    return literasi.load_dataset(NAMA_DATA)


@pytest.fixture(scope="module")
def tabel(data):
    return tabel_tahun(data)


@pytest.fixture(scope="module")
def soal(tabel):
    return daftar_soal(tabel)


def _ipm(data) -> np.ndarray:
    """IPM 2024 of the 35 kab/kota, straight from the loaded table."""
    baris = data[data["Tahun"] == 2024]
    return baris["Indeks Pembangunan Manusia"].astype(float).to_numpy()


def test_angka_terbitan_dan_35_wilayah(data, tabel):
    assert len(tabel) == 35 and tabel["nama"].is_unique
    kita = tabel.loc[tabel["nama"] == KOTA_KITA, "Indeks Pembangunan Manusia"]
    assert float(kita.iloc[0]) == IPM_KOTA_2024
    assert sorted(data["Tahun"].unique().tolist()) == [2020, 2021, 2022, 2023, 2024]


@pytest.mark.parametrize("nama", list(VARIABEL))
def test_rata_rata_dan_median_seperti_numpy(tabel, nama):
    nilai = tabel[VARIABEL[nama].kolom].tolist()
    assert rata_rata(nilai) == pytest.approx(np.mean(nilai), abs=1e-9)
    assert median(nilai) == pytest.approx(np.median(nilai), abs=1e-9)
    assert median(nilai[:-1]) == pytest.approx(np.median(nilai[:-1]), abs=1e-9)  # even count


def test_ipm_rata_rata_dan_median(data, tabel):
    ipm = _ipm(data)
    hasil = pusat(tabel["Indeks Pembangunan Manusia"].tolist())
    assert hasil["n"] == 35
    assert hasil["rata_rata"] == pytest.approx(ipm.mean())
    assert hasil["median"] == pytest.approx(float(np.sort(ipm)[17]))


def test_nilai_buatan_menarik_rata_rata_bukan_median(data):
    ipm = _ipm(data).tolist()
    for buatan in (10.0, 30.0, 60.0):
        baru = pusat(ipm, buatan)
        assert baru["n"] == 36
        assert baru["rata_rata"] == pytest.approx((sum(ipm) + buatan) / 36)
        assert baru["median"] == pytest.approx(np.median(ipm + [buatan]))
    # Below the smallest value, how far it goes moves the mean, never the median.
    jauh, dekat = pusat(ipm, 10.0), pusat(ipm, 60.0)
    assert jauh["median"] == dekat["median"]
    assert dekat["rata_rata"] - jauh["rata_rata"] == pytest.approx(50 / 36)


def test_modus_dan_pembulatan():
    assert modus([3, 1, 3, 2, 1]) == ([1, 3], 2)  # ties: every most-frequent value
    assert modus(["Kota", "Kabupaten", "Kabupaten"]) == (["Kabupaten"], 2)
    assert bulatkan(72.5) == 73 and bulatkan(71.5) == 72  # halves up, not banker's rounding
    assert bulatkan(7.74, 0.5) == 7.5 and bulatkan(7.75, 0.5) == 8.0
    assert bulatkan(11389, 500) == 11500


def test_modus_ipm_dibulatkan(data):
    bulat = np.floor(_ipm(data) + 0.5)
    nilai, hitung = np.unique(bulat, return_counts=True)
    assert modus([bulatkan(x) for x in _ipm(data)]) == (
        [float(nilai[hitung.argmax()])],
        int(hitung.max()),
    )
    persis, kali = modus(_ipm(data).tolist())
    assert persis == [IPM_KOTA_2024] and kali == 2  # Kudus and Kota Pekalongan


def test_tumpukan_titik_menghitung_setiap_nilai(tabel):
    v = VARIABEL["IPM"]
    nilai = tabel[v.kolom].tolist()
    titik = tumpukan_titik(nilai, v.lebar)
    assert len(titik) == 35
    for x in {x for x, _ in titik}:
        tinggi = sorted(y for xx, y in titik if xx == x)
        assert tinggi == list(range(1, sum(bulatkan(n) == x for n in nilai) + 1))


def test_tabel_kota_enam_kota(tabel):
    kota = tabel_kota(tabel)
    assert len(kota) == 6 and "Pekalongan" in kota["Kota"].tolist()
    assert kota.loc[kota["Kota"] == "Pekalongan", "IPM"].iloc[0] == IPM_KOTA_2024


# --- the view ----------------------------------------------------------------------------


def test_tampilan_awal(data):
    v = PemusatanKabKota(data)
    ipm = _ipm(data)
    teks = _teks(v.ringkasan.value)
    assert f"rata-rata {format_angka(ipm.mean(), 2)}" in teks
    assert f"median {format_angka(np.median(ipm), 2)}" in teks
    assert "Kota Pekalongan: 77,22" in teks
    assert "bukan data" not in teks and v.nilai_buatan.disabled
    assert "rata-rata 74,75" in _alt(v.grafik.value)
    _png(v.grafik.value)


def test_kontrol_pertama_mengubah_grafik(data, tabel):
    v = PemusatanKabKota(data)
    png0, alt0, ringkasan0 = _png(v.grafik.value), _alt(v.grafik.value), v.ringkasan.value
    v.variabel.value = "Pengeluaran per kapita"
    nilai = tabel[VARIABEL["Pengeluaran per kapita"].kolom]
    assert v.ringkasan.value != ringkasan0
    assert f"rata-rata {format_angka(nilai.mean())}" in _teks(v.ringkasan.value)
    assert _png(v.grafik.value) != png0 and _alt(v.grafik.value) != alt0
    assert "Pengeluaran per kapita 2024" in _alt(v.grafik.value)
    assert "14.547" in _teks(v.ringkasan.value)  # Kota Pekalongan


def test_nilai_buatan_berlabel_dan_menggeser_rata_rata(data):
    v = PemusatanKabKota(data)
    png0 = _png(v.grafik.value)
    v.buatan.value = PILIHAN_BUATAN[1]
    assert not v.nilai_buatan.disabled
    teks = _teks(v.ringkasan.value)
    assert "Nilai buatan untuk percobaan, bukan data" in teks
    ipm = _ipm(data).tolist()
    baru = pusat(ipm, 30)
    assert f"rata-rata {format_angka(baru['rata_rata'], 2)}" in teks
    assert f"median {format_angka(baru['median'], 2)}" in teks
    alt = _alt(v.grafik.value)
    assert "bukan data" in alt and _png(v.grafik.value) != png0
    png1 = _png(v.grafik.value)
    v.nilai_buatan.value = 10
    teks2 = _teks(v.ringkasan.value)
    assert f"rata-rata {format_angka(pusat(ipm, 10)['rata_rata'], 2)}" in teks2
    assert f"median {format_angka(baru['median'], 2)}" in teks2  # the median stays
    assert _png(v.grafik.value) != png1


def test_ganti_variabel_mengatur_ulang_nilai_buatan(data):
    v = PemusatanKabKota(data)
    v.buatan.value = PILIHAN_BUATAN[1]
    for nama, var in VARIABEL.items():
        v.variabel.value = nama
        bawah, atas, langkah, awal = var.buatan
        s = v.nilai_buatan
        assert (s.min, s.max, s.step, s.value) == (bawah, atas, langkah, awal), nama
        assert f"{format_angka(awal)} {var.satuan_pendek}" in _teks(v.ringkasan.value)
        # The made-up value lies outside the real data: it is an extreme.
        nilai = data[data["Tahun"] == 2024][var.kolom].astype(float)
        assert awal < nilai.min() or awal > nilai.max()
    v.buatan.value = PILIHAN_BUATAN[0]
    assert v.nilai_buatan.disabled and "bukan data" not in v.ringkasan.value


# --- the exercises -----------------------------------------------------------------------


def test_jenis_soal(soal):
    assert len(soal) >= 4
    assert sum(isinstance(s, SoalTebak) for s in soal) == 1 and isinstance(soal[0], SoalTebak)
    assert len({type(s) for s in soal}) >= 2


def test_soal_1_tebak_rata_rata_baru(data, soal):
    s = soal[0]
    ipm = _ipm(data)
    assert s.jawaban == pytest.approx((ipm.sum() + 30) / 36)
    assert s.periksa("74").benar and "Angka sebenarnya: 73,51" in s.periksa("74").pesan
    assert not s.periksa("tujuh puluh").benar


def test_soal_2_rata_rata_enam_kota(tabel, soal):
    s = soal[1]
    kota = tabel[tabel["nama"].str.startswith("Kota ")]["Indeks Pembangunan Manusia"]
    assert isinstance(s, SoalAngka) and s.jawaban == pytest.approx(kota.mean())
    assert s.periksa("82,03").benar
    assert not s.periksa(format_angka(kota.median(), 2)).benar  # the median is not the mean
    assert not s.periksa("77,22").benar


def test_soal_3_median_enam_kota(tabel, soal):
    s = soal[2]
    kota = tabel[tabel["nama"].str.startswith("Kota ")]["Indeks Pembangunan Manusia"]
    assert s.jawaban == pytest.approx(statistics.median(kota.tolist()))
    assert s.periksa("83,275").benar and s.periksa("83,28").benar
    assert not s.periksa("82,15").benar  # one middle value only
    assert not s.periksa("82,03").benar  # the mean


def test_soal_4_yang_bergeser(soal):
    s = soal[3]
    assert isinstance(s, SoalPilihan) and s.jawaban == "Rata-rata"
    assert s.periksa("Rata-rata").benar
    hasil = s.periksa("Median")
    assert not hasil.benar and "hampir tidak bergerak" in hasil.pesan


def test_soal_5_modus(data, soal):
    s = soal[4]
    bulat = np.floor(_ipm(data) + 0.5)
    nilai, hitung = np.unique(bulat, return_counts=True)
    assert s.jawaban == nilai[hitung.argmax()] == 72
    assert s.periksa("72").benar
    assert not s.periksa("77,22").benar and not s.periksa("71").benar


def _teks_terlihat(w) -> str:
    """Every text trait a browser receives (values, labels, options), through all children."""
    teks = []
    for nama in ("value", "description", "placeholder", "options", "tooltip", "tooltips"):
        if nama in w.keys:
            teks.append(repr(getattr(w, nama)))
    for anak in getattr(w, "children", ()):
        teks.append(_teks_terlihat(anak))
    return "\n".join(teks)


@pytest.mark.parametrize("nomor", [2, 3, 5])
def test_jawaban_tidak_bocor_sebelum_diminta(soal, nomor):
    s = soal[nomor - 1]
    kartu = KartuSoal(nomor, s, None)
    assert s.jawaban_teks() not in _teks_terlihat(kartu.widget)
    kartu.tombol_jawaban.click()
    assert s.jawaban_teks() in kartu.umpan.value
