"""Lesson 04 (ukuran penyebaran dan diagram kotak): groups, quartiles (two methods), range,
IQR, the view and the exercises. Plain pytest, no kernel; expected values computed here."""

from __future__ import annotations

import numpy as np
import pandas as pd
import pytest
from bantu import alt_grafik as _alt
from bantu import png_grafik as _png
from bantu import teks_html as _teks

import literasi
from literasi.format import format_angka
from literasi.siswa.ukuran_pemusatan import VARIABEL
from literasi.siswa.ukuran_penyebaran_dan_diagram_kotak import (
    JENIS,
    KOTA_KITA,
    METODE,
    NAMA_DATA,
    PenyebaranKabKota,
    daftar_soal,
    jangkauan,
    kelompok,
    kuartil,
    kuartil_letak,
    kuartil_separuh,
    lima_angka,
    ringkasan_kelompok,
    tabel_kelompok,
)
from literasi.soal import KartuSoal, SoalAngka, SoalBanyak, SoalPilihan, SoalTebak, kunci_jawaban

IPM_KOTA_2024 = 77.22  # datasets/README.md, data 9
IPM = "Indeks Pembangunan Manusia"


@pytest.fixture(scope="module")
def data():
    return literasi.load_dataset(NAMA_DATA)


@pytest.fixture(scope="module")
def tabel(data):
    return tabel_kelompok(data)


@pytest.fixture(scope="module")
def soal(tabel):
    return daftar_soal(tabel)


def _ipm_kelompok(data, awalan: str) -> np.ndarray:
    baris = data[(data["Tahun"] == 2024) & data["Wilayah"].str.startswith(awalan + " ")]
    return baris[IPM].astype(float).to_numpy()


def test_29_kabupaten_6_kota(data, tabel):
    assert tabel["kelompok"].value_counts().to_dict() == {"Kabupaten": 29, "Kota": 6}
    kota = set(tabel.loc[tabel["kelompok"] == "Kota", "nama"])
    assert kota == {
        "Kota Magelang",
        "Kota Surakarta",
        "Kota Salatiga",
        "Kota Semarang",
        "Kota Pekalongan",
        "Kota Tegal",
    }
    kita = tabel.loc[tabel["nama"] == KOTA_KITA, IPM]
    assert float(kita.iloc[0]) == IPM_KOTA_2024


def test_kelompok_dari_nama():
    assert kelompok("Kabupaten Pekalongan") == "Kabupaten"
    assert kelompok("Kota Pekalongan") == "Kota"
    with pytest.raises(ValueError):
        kelompok("Jawa Tengah")
    with pytest.raises(ValueError):
        kelompok("Kotawaringin Barat")  # "Kota" must be a whole word


def test_kuartil_linear_seperti_pandas(data):
    for awalan in ("Kabupaten", "Kota"):
        nilai = _ipm_kelompok(data, awalan)
        q = pd.Series(nilai).quantile([0.25, 0.5, 0.75]).tolist()
        assert kuartil(nilai) == pytest.approx(tuple(q))
    # The textbook example worked by hand: 1..8 -> (2.75, 4.5, 6.25) linear, (2.5, 4.5, 6.5) halves.
    assert kuartil(range(1, 9)) == pytest.approx((2.75, 4.5, 6.25))
    assert kuartil_separuh(list(range(1, 9))) == (2.5, 4.5, 6.5)


def _letak_dengan_tangan(nilai, i: int) -> float:
    """Qᵢ at position i(n+1)/4 of the sorted data, worked the way the schoolbook does."""
    urut, n = sorted(nilai), len(nilai)
    letak = i * (n + 1) / 4
    bulat = int(letak)
    return urut[bulat - 1] + (letak - bulat) * (urut[bulat] - urut[bulat - 1])


def test_kuartil_letak_seperti_buku(data):
    # Schoolbook example: 1..8, letak Q1 = 2,25 -> 2,25; Q3 = 6,75 -> 6,75.
    assert kuartil_letak(range(1, 9)) == pytest.approx((2.25, 4.5, 6.75))
    for awalan in ("Kabupaten", "Kota"):
        nilai = _ipm_kelompok(data, awalan).tolist()
        q1, q2, q3 = kuartil_letak(nilai)
        assert q1 == pytest.approx(_letak_dengan_tangan(nilai, 1))
        assert q3 == pytest.approx(_letak_dengan_tangan(nilai, 3))
        assert q2 == pytest.approx(np.median(nilai))
    # The same as Excel's QUARTILE.EXC where both are defined.
    assert kuartil_letak([2, 4, 4, 5, 7, 9, 10]) == (4.0, 5.0, 9.0)


def test_kuartil_separuh_enam_kota(data):
    kota = sorted(_ipm_kelompok(data, "Kota"))
    assert kuartil_separuh(kota) == (kota[1], (kota[2] + kota[3]) / 2, kota[4])
    assert kuartil_separuh(kota) != pytest.approx(kuartil(kota))  # the methods differ here


def test_lima_angka_ipm(data, tabel):
    r = ringkasan_kelompok(tabel, VARIABEL["IPM"])
    for awalan in ("Kabupaten", "Kota"):
        nilai = _ipm_kelompok(data, awalan)
        q1, q3 = np.percentile(nilai, [25, 75])
        s = r[awalan]
        assert s["n"] == len(nilai)
        assert s["terkecil"] == nilai.min() and s["terbesar"] == nilai.max()
        assert s["median"] == pytest.approx(np.median(nilai))
        assert s["iqr"] == pytest.approx(q3 - q1)
        assert s["jangkauan"] == pytest.approx(nilai.max() - nilai.min())
    # The point of the lesson: range and IQR disagree about which group is more spread out.
    assert r["Kabupaten"]["jangkauan"] > r["Kota"]["jangkauan"]
    assert r["Kabupaten"]["iqr"] < r["Kota"]["iqr"]


def test_jangkauan_dan_lima_angka_kecil():
    assert jangkauan([3, 9, 4]) == 6
    s = lima_angka([1, 2, 3, 4, 100])
    assert (s["terkecil"], s["q1"], s["median"], s["q3"], s["terbesar"]) == (1, 2, 3, 4, 100)
    assert s["iqr"] == 2 and s["jangkauan"] == 99  # one extreme value: range runs, IQR stays


# --- the view ----------------------------------------------------------------------------


def test_tampilan_awal_diagram_kotak_ipm(data):
    v = PenyebaranKabKota(data)
    assert (v.jenis.value, v.variabel.value) == ("Diagram kotak", "IPM")
    kab, kota = _ipm_kelompok(data, "Kabupaten"), _ipm_kelompok(data, "Kota")
    teks = _teks(v.ringkasan.value)
    assert f"median kabupaten {format_angka(np.median(kab), 2)}" in teks
    assert f"kota {format_angka(np.median(kota), 2)}" in teks
    alt = _alt(v.grafik.value)
    assert alt.startswith("Diagram kotak IPM 2024") and "Kota Pekalongan (ungu) 77,22" in alt
    assert "29 kabupaten dan 6 kota" in alt
    tabel = _teks(v.tabel_html.value)
    assert "Kabupaten (29)" in tabel and "Kota (6)" in tabel
    q1, q3 = np.percentile(kab, [25, 75])
    assert format_angka(q1, 2) in tabel and format_angka(q3 - q1, 2) in tabel
    # The quartile method is stated in the app.
    assert "interpolasi linear" in METODE and "interpolasi linear" in v.catatan.value
    _png(v.grafik.value)


def test_kontrol_pertama_mengubah_grafik(data):
    v = PenyebaranKabKota(data)
    gambar = {v.jenis.value: _png(v.grafik.value)}
    ringkasan = v.ringkasan.value
    for jenis in JENIS[1:]:
        v.jenis.value = jenis
        png = _png(v.grafik.value)
        assert png not in gambar.values()
        gambar[jenis] = png
        assert _alt(v.grafik.value).startswith(f"{jenis} IPM 2024")
        assert v.ringkasan.value == ringkasan  # same data, another picture


def test_kontrol_kedua_mengganti_variabel(data, tabel):
    v = PenyebaranKabKota(data)
    png0, ringkasan0 = _png(v.grafik.value), v.ringkasan.value
    v.variabel.value = "Pengeluaran per kapita"
    kolom = VARIABEL["Pengeluaran per kapita"].kolom
    kab = tabel.loc[tabel["kelompok"] == "Kabupaten", kolom]
    assert v.ringkasan.value != ringkasan0 and _png(v.grafik.value) != png0
    assert f"median kabupaten {format_angka(kab.median())}" in _teks(v.ringkasan.value)
    assert "ribu rupiah/orang/tahun" in v.tabel_html.value


# --- the exercises -----------------------------------------------------------------------


def test_jenis_soal(soal):
    assert len(soal) >= 4
    assert sum(isinstance(s, SoalTebak) for s in soal) == 1 and isinstance(soal[0], SoalTebak)
    assert len({type(s) for s in soal}) >= 2


def test_soal_1_tebak_persen_kabupaten(data, soal):
    s = soal[0]
    kab, kota = _ipm_kelompok(data, "Kabupaten"), _ipm_kelompok(data, "Kota")
    assert kota.min() == IPM_KOTA_2024
    assert s.jawaban == pytest.approx(100 * (kab < kota.min()).sum() / len(kab))
    assert s.persen and s.periksa("50%").benar and "86,2%" in s.periksa("50%").pesan
    assert not s.periksa("banyak").benar


def test_soal_2_jangkauan_kota(data, soal):
    s = soal[1]
    kota = _ipm_kelompok(data, "Kota")
    assert isinstance(s, SoalAngka) and s.jawaban == pytest.approx(kota.max() - kota.min())
    assert s.periksa("8,5").benar and s.periksa("8.50").benar
    assert not s.periksa("6,43").benar  # the IQR is not the range
    assert not s.periksa("85,72").benar


def test_soal_3_iqr_kabupaten_setiap_cara_buku(data, soal):
    s = soal[2]
    kab = _ipm_kelompok(data, "Kabupaten")
    q1, q3 = np.percentile(kab, [25, 75])
    assert s.jawaban == pytest.approx(q3 - q1)
    assert s.periksa(format_angka(q3 - q1, 2)).benar
    assert not s.periksa(format_angka(kab.max() - kab.min(), 2)).benar  # range
    # Textbook methods give another IQR (n = 29: letak and halves agree); each is accepted,
    # and the feedback names the method instead of "terlalu besar".
    l1, _, l3 = (_letak_dengan_tangan(kab.tolist(), i) for i in (1, 2, 3))
    b1, _, b3 = kuartil_separuh(kab.tolist())
    assert abs((l3 - l1) - (q3 - q1)) > 0.1 and (l3 - l1) == pytest.approx(b3 - b1)
    hasil = s.periksa(format_angka(l3 - l1, 2))
    assert hasil.benar and "letak Qᵢ = i(n+1)/4" in hasil.pesan and "median separuh" in hasil.pesan
    assert "terlalu" not in hasil.pesan
    assert "Juga benar" in kunci_jawaban([s])


def test_soal_4_pernyataan(data, soal):
    s = soal[3]
    assert isinstance(s, SoalBanyak)
    kab, kota = _ipm_kelompok(data, "Kabupaten"), _ipm_kelompok(data, "Kota")
    benar = {
        "Median: kota > kabupaten": np.median(kota) > np.median(kab),
        "Jangkauan: kabupaten > kota": np.ptp(kab) > np.ptp(kota),
        "IQR: kabupaten > kota": np.subtract(*np.percentile(kab, [75, 25]))
        > np.subtract(*np.percentile(kota, [75, 25])),
        "Semua kota > semua kabupaten": kota.min() > kab.max(),
    }
    assert set(s.pilihan) == set(benar)
    assert set(s.jawaban) == {p for p, b in benar.items() if b}
    assert s.periksa(s.jawaban).benar
    assert not s.periksa(list(s.pilihan)).benar
    assert not s.periksa(s.jawaban[:1]).benar
    assert all(len(p) <= 32 for p in s.pilihan)  # one line on a 360 px phone


def test_soal_5_pilih_diagram(soal):
    s = soal[4]
    assert isinstance(s, SoalPilihan) and s.jawaban == "Diagram titik"
    assert s.periksa("Diagram titik").benar
    hasil = s.periksa("Diagram kotak")
    assert not hasil.benar and "lima angka" in hasil.pesan


def _teks_terlihat(w) -> str:
    """Every text trait a browser receives (values, labels, options), through all children."""
    teks = []
    for nama in ("value", "description", "placeholder", "options", "tooltip", "tooltips"):
        if nama in w.keys:
            teks.append(repr(getattr(w, nama)))
    for anak in getattr(w, "children", ()):
        teks.append(_teks_terlihat(anak))
    return "\n".join(teks)


@pytest.mark.parametrize("nomor", [2, 3])
def test_jawaban_tidak_bocor_sebelum_diminta(soal, nomor):
    s = soal[nomor - 1]
    kartu = KartuSoal(nomor, s, None)
    assert s.jawaban_teks() not in _teks_terlihat(kartu.widget)
    kartu.tombol_jawaban.click()
    assert s.jawaban_teks() in kartu.umpan.value
