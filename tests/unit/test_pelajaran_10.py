"""Lesson 10 (peta tematik): class edges, the crosswalk join, the maps, the view, the exercises."""

from __future__ import annotations

import base64
import io
import re
from html import unescape

import numpy as np
import pytest
from bantu import poster_sama_dengan_layar
from matplotlib.colors import to_hex

import literasi
from literasi import seri
from literasi.data import load_boundaries
from literasi.infografis import TombolInfografis
from literasi.siswa.peta import (
    CARA,
    INDIKATOR,
    KODE_KOTA,
    KOTA_KITA,
    NAMA_CROSSWALK,
    NAMA_IPM,
    NAMA_PENDUDUK,
    NAMA_SP2010,
    NAMA_WILAYAH,
    PetaKelas,
    banyak_per_kelas,
    batas_interval_sama,
    batas_kuantil,
    daftar_soal,
    html_peta_kelurahan,
    kelurahan_bernomor,
    nomor_kelas,
    penduduk_kecamatan,
    peta_kabkota,
    peta_kecamatan,
    peta_kelurahan,
    tabel_kabkota,
    tabel_kecamatan,
    tabel_kota,
)
from literasi.soal import SoalAngka, SoalPilihan, SoalTebak

# datasets/README.md: Kotak 2 (codes) and data 5 (SP2010 olah cepat, BPS codes).
SP2010_BPS = {"3375010": 88960, "3375020": 62858, "3375030": 55162, "3375040": 75157}
KEMENDAGRI_KE_BPS = {
    "33.75.01": "3375010",
    "33.75.02": "3375020",
    "33.75.03": "3375040",
    "33.75.04": "3375030",
}


@pytest.fixture(scope="module")
def tabel():
    return tabel_kabkota(
        literasi.load_dataset(NAMA_PENDUDUK),
        literasi.load_dataset(NAMA_IPM),
        seri.baca_kemiskinan(),
    )


@pytest.fixture(scope="module")
def kec():
    return penduduk_kecamatan(
        literasi.load_dataset(NAMA_SP2010), literasi.load_dataset(NAMA_CROSSWALK)
    )


@pytest.fixture(scope="module")
def kabkota():
    return load_boundaries("kabkota")


@pytest.fixture(scope="module")
def soal(tabel, kec):
    return daftar_soal(tabel, kec)


def _warna(fig, kode: str) -> str:
    patch = next(p for p in fig.axes[0].patches if p.get_gid() == kode)
    return to_hex(patch.get_facecolor())


def _legenda(fig) -> list[str]:
    return [t.get_text() for t in fig.axes[0].get_legend().get_texts()]


# --- computations ------------------------------------------------------------------------


def test_tabel_kabkota(tabel):
    assert len(tabel) == 35 and int(tabel["penduduk"].sum()) == 38_430_645  # README, data 1
    kota = tabel[tabel["nama"] == KOTA_KITA].iloc[0]
    assert kota["kode_kemendagri"] == KODE_KOTA
    assert kota["penduduk"] == 318_221 and kota["kepadatan"] == pytest.approx(318_221 / 46.076)
    assert kota["ipm"] == 77.22 and kota["miskin"] == 6.71  # README, data 9 and 12


def test_batas_kelas():
    nilai = list(range(1, 36))
    kuantil = np.quantile(nilai, [0, 0.2, 0.4, 0.6, 0.8, 1])
    assert batas_kuantil(nilai, 5) == pytest.approx(list(kuantil))
    assert banyak_per_kelas(nilai, batas_kuantil(nilai, 5)) == [7, 7, 7, 7, 7]
    assert batas_interval_sama([0, 3, 5, 7, 10], 5) == [0, 2, 4, 6, 8, 10]
    assert len(batas_interval_sama([0, 3, 10], 5)) == 4  # never more classes than values
    assert nomor_kelas([0, 1.99, 2, 9.9, 10], [0, 2, 4, 6, 8, 10]) == [1, 1, 2, 5, 5]


def test_kepadatan_dua_cerita(tabel):
    """Equal intervals put almost every kabupaten in the lowest class; quantiles 7 each."""
    nilai = tabel["kepadatan"].tolist()
    lo, hi = min(nilai), max(nilai)
    tepi = [lo + (hi - lo) * i / 5 for i in range(6)]  # computed here, not by the module
    assert batas_interval_sama(nilai) == pytest.approx(tepi)
    assert banyak_per_kelas(nilai, tepi) == [29, 2, 3, 0, 1]
    assert banyak_per_kelas(nilai, batas_kuantil(nilai)) == [7, 7, 7, 7, 7]
    kota = float(tabel.loc[tabel["nama"] == KOTA_KITA, "kepadatan"].iloc[0])
    assert nomor_kelas([kota], tepi) == [3]
    assert nomor_kelas([kota], batas_kuantil(nilai)) == [5]


def test_kecamatan_lewat_crosswalk(kec):
    assert len(kec) == 4 and int(kec["jumlah"].sum()) == 282_137  # README, data 5
    for _, b in kec.iterrows():
        assert b["kode_bps"] == KEMENDAGRI_KE_BPS[b["kode_kemendagri"]]
        assert b["jumlah"] == SP2010_BPS[b["kode_bps"]]
    utara = kec[kec["kode_kemendagri"] == "33.75.03"].iloc[0]
    assert utara["nama_kemendagri"] == "Pekalongan Utara" and utara["jumlah"] == 75157
    assert list(tabel_kecamatan(kec)["Kecamatan"]) == ["Barat", "Timur", "Utara", "Selatan"]


def test_kelurahan_bernomor():
    kel = kelurahan_bernomor(literasi.load_dataset(NAMA_WILAYAH))
    assert len(kel) == 27 and list(kel["nomor"]) == list(range(1, 28))
    assert kel.groupby("nama_kecamatan").size().sum() == 27


def test_tabel_kota(tabel):
    t = tabel_kota(tabel)
    assert list(t[KOTA_KITA]) == ["6.906", "318.221", "77,22", "6,71"]


# --- maps --------------------------------------------------------------------------------


def test_peta_kuantil_warna_dan_legenda(tabel, kabkota):
    ind = INDIKATOR["Kepadatan"]
    kuantil = peta_kabkota(kabkota, tabel, ind, CARA[0])
    sama = peta_kabkota(kabkota, tabel, ind, CARA[1])
    tepi = batas_kuantil(tabel["kepadatan"].tolist())
    assert _legenda(kuantil)[0] == f"474 – {literasi.format_angka(tepi[1])}"
    assert _legenda(kuantil)[-1] == "1.878 – 12.590"
    assert _legenda(sama)[0] == "474 – 2.897"
    # The densest kab/kota is darkest in both; a kabupaten of class 3 (quantile) is pale in
    # the equal-interval map: the same data, two stories.
    padat = tabel.loc[tabel["kepadatan"].idxmax(), "kode_kemendagri"]
    assert _warna(kuantil, padat) == _warna(sama, padat)
    tengah = tabel.sort_values("kepadatan")["kode_kemendagri"].iloc[17]
    terendah = tabel.loc[tabel["kepadatan"].idxmin(), "kode_kemendagri"]
    assert _warna(sama, tengah) == _warna(sama, terendah)
    assert _warna(kuantil, tengah) != _warna(kuantil, terendah)
    # Each quantile class colours exactly 7 areas.
    warna = [to_hex(p.get_facecolor()) for p in kuantil.axes[0].patches]
    assert sorted(warna.count(w) for w in set(warna)) == [7, 7, 7, 7, 7]


def test_kota_disorot_dan_arah_utara(tabel, kabkota):
    fig = peta_kabkota(kabkota, tabel, INDIKATOR["IPM"], CARA[1])
    # A ring around the city, wider than it: its class colour stays visible inside.
    patch = next(p for p in fig.axes[0].patches if p.get_gid() == KODE_KOTA)
    assert patch.get_edgecolor() == (1.0, 1.0, 1.0, 1.0)
    (cincin,) = [g for g in fig.axes[0].lines if g.get_gid() == "cincin-kota"]
    assert cincin.get_markerfacecolor() == "none"
    fig.savefig(io.BytesIO(), format="png")
    kota = patch.get_window_extent()
    assert cincin.get_window_extent().width > max(kota.width, kota.height)
    teks = [t.get_text() for t in fig.axes[0].texts]
    assert KOTA_KITA in teks and "U" in teks
    assert any("Sumber:" in t.get_text() for t in fig.texts)


def test_peta_kecamatan_memakai_kode_kemendagri(kec):
    fig = peta_kecamatan(load_boundaries("kecamatan"), kec)
    # Barat (most people) is darkest, Selatan and Timur share the lowest class.
    assert _warna(fig, "33.75.01") != _warna(fig, "33.75.03")
    assert _warna(fig, "33.75.04") == _warna(fig, "33.75.02")
    assert "Pekalongan\nUtara" in [t.get_text() for t in fig.axes[0].texts]


def test_peta_kelurahan_tanpa_angka_penduduk():
    kel = kelurahan_bernomor(literasi.load_dataset(NAMA_WILAYAH))
    geo = load_boundaries("kelurahan")
    fig = peta_kelurahan(geo, kel)
    assert sorted(_legenda(fig)) == sorted(kel["nama_kecamatan"].unique())
    teks = {t.get_text() for t in fig.axes[0].texts}
    assert {str(i) for i in range(1, 28)} <= teks
    assert geo["features"][0]["properties"]["nama"] == "Medono"  # the loaded map is untouched
    html = html_peta_kelurahan(geo, kel)
    assert "data penduduk per kelurahan sekarang tidak ada" in html


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
    return " ".join(re.sub(r"<[^>]+>", " ", unescape(html)).split())


def test_tampilan_awal(tabel, kabkota):
    v = PetaKelas(tabel, kabkota)
    assert v.cara.value == "Kuantil" and v.indikator.value == "Kepadatan"
    teks = _teks(v.ringkasan.value)
    assert "kelas 5 dari 5" in teks and "7, 7, 7, 7, 7" in teks
    assert "Kota Pekalongan (garis ungu) di kelas 5" in _alt(v.grafik.value)
    assert "Sumber: Ditjen Dukcapil" in v.grafik.value


def test_pelajar_mengganti_kelas_dan_indikator(tabel, kabkota):
    v = PetaKelas(tabel, kabkota)
    ringkasan0, png0 = v.ringkasan.value, _png(v.grafik.value)

    v.cara.value = "Interval sama"  # the first control changes the first map
    assert v.ringkasan.value != ringkasan0 and _png(v.grafik.value) != png0
    teks = _teks(v.ringkasan.value)
    assert "selebar 2.423 jiwa/km²" in teks and "kelas 3 dari 5" in teks
    assert "29, 2, 3, 0, 1" in _alt(v.grafik.value)
    assert "474 – 2.897" in _teks(v.tabel_kelas.value)

    png1 = _png(v.grafik.value)
    v.indikator.value = "Kemiskinan"
    assert "6,71 %" in _teks(v.ringkasan.value)
    assert "BPS Provinsi Jawa Tengah" in v.grafik.value and "(Susenas Maret)" in v.grafik.value
    assert _png(v.grafik.value) != png1


def test_poster(tabel, kabkota):
    v = PetaKelas(tabel, kabkota)
    v.indikator.value = "IPM"
    isi = v.isi_poster()
    assert "IPM 2024" in isi.judul and "Kota Pekalongan" in isi.pesan
    assert poster_sama_dengan_layar(isi, v.grafik.value)
    tombol = TombolInfografis(v.isi_poster, "peta_tematik")
    tombol.tombol["a4"].click()
    assert "data:image/png;base64," in tombol.tautan.value


# --- the exercises -----------------------------------------------------------------------


def test_jenis_soal(soal):
    jenis = [type(s) for s in soal]
    assert jenis == [SoalTebak, SoalAngka, SoalPilihan, SoalPilihan, SoalPilihan, SoalPilihan]


def test_soal_1_tebak(soal):
    s = soal[0]
    assert s.jawaban == 29
    hasil = s.periksa("20")
    assert hasil.benar and "29 kabupaten/kota" in hasil.pesan and "29, 2, 3, 0, 1" in hasil.pesan
    assert not s.periksa("banyak").benar


def test_soal_2_lebar_kelas(soal, tabel):
    s = soal[1]
    assert s.jawaban == pytest.approx((85.72 - 68.46) / 5)
    assert s.periksa("3,45").benar and s.periksa("3,452").benar
    assert not s.periksa("17,26").benar  # the range, not divided
    assert not s.periksa("3,2").benar


def test_soal_3_kelas_kota(soal):
    s = soal[2]
    assert s.jawaban == "Interval sama 3, kuantil 5" and len(set(s.pilihan)) == 4
    assert s.periksa(s.jawaban).benar
    hasil = s.periksa("Interval sama 5, kuantil 3")
    assert not hasil.benar and "tertukar" in hasil.pesan


def test_soal_4_cerita(soal):
    s = soal[3]
    assert s.tampilan == "tombol" and s.jawaban == "Interval sama"
    assert s.periksa("Interval sama").benar and not s.periksa("Kuantil").benar


def test_soal_5_kode_bps(soal):
    s = soal[4]
    assert s.jawaban == "Pekalongan Selatan"
    assert s.periksa("Pekalongan Selatan").benar
    hasil = s.periksa("Pekalongan Utara")
    assert not hasil.benar and "33.75.03" in hasil.pesan


def test_soal_6_kelurahan(soal):
    s = soal[5]
    assert s.jawaban == "Data per 27 kelurahan sekarang tidak ada"
    assert s.periksa(s.jawaban).benar
    assert not any(s.periksa(p).benar for p in s.pilihan if p != s.jawaban)
    assert all(len(p) <= 42 for p in s.pilihan)  # one line on a phone
