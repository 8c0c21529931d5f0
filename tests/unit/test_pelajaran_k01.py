"""Kelurahan app 01 (data untuk pembangunan kelurahan): the two code systems, the wrong and the
right join, the code card, the metadata sheet, the view driven by a user, every exercise."""

from __future__ import annotations

import base64
import re
from html import unescape

import pytest

import literasi
from literasi.kelurahan.data_untuk_pembangunan_kelurahan import (
    BUKAN_METADATA,
    CARA,
    DATA_CROSSWALK,
    DATA_KEMENDAGRI,
    DATA_SP2010,
    KOTA_SP2010,
    METADATA_WAJIB,
    GabungKode,
    KartuKode,
    baca_semua,
    cocok_nama_kelurahan,
    daftar_soal,
    gabungan,
    kode_buang_titik,
    kode_kelurahan,
    lembar_metadata,
    normalkan_nama,
    tabel_dua_kode,
)
from literasi.soal import SoalAngka, SoalBanyak, SoalPilihan, SoalTebak

# datasets/README.md, Kotak 2 and data 5 (SP2010 olah cepat, BPS codes).
KEMENDAGRI_KE_BPS = {
    "33.75.01": "3375010",  # Barat
    "33.75.02": "3375020",  # Timur
    "33.75.03": "3375040",  # Utara
    "33.75.04": "3375030",  # Selatan
}
PENDUDUK_BPS = {"3375010": 88960, "3375020": 62858, "3375030": 55162, "3375040": 75157}


@pytest.fixture(scope="module")
def data():
    return baca_semua()


@pytest.fixture(scope="module")
def peta():
    return literasi.load_boundaries("kecamatan")


@pytest.fixture(scope="module")
def soal(data):
    return daftar_soal(data)


# --- computations ------------------------------------------------------------------------


def test_dua_kode_seperti_kotak_2(data):
    t = tabel_dua_kode(data[DATA_CROSSWALK])
    assert dict(zip(t["Kode Kemendagri"], t["Kode BPS"], strict=True)) == KEMENDAGRI_KE_BPS
    assert list(t["Kecamatan"]) == [
        "Pekalongan Barat",
        "Pekalongan Timur",
        "Pekalongan Utara",
        "Pekalongan Selatan",
    ]


def test_buang_titik_menukar_utara_dan_selatan():
    assert kode_buang_titik("33.75.01") == KEMENDAGRI_KE_BPS["33.75.01"]
    assert kode_buang_titik("33.75.03") == KEMENDAGRI_KE_BPS["33.75.04"]  # Utara -> Selatan
    assert kode_buang_titik("33.75.04") == KEMENDAGRI_KE_BPS["33.75.03"]


def test_gabung_benar_sama_dengan_hitungan_mandiri(data):
    hasil = gabungan(CARA[1], data).set_index("kode_kemendagri")["jumlah"].to_dict()
    assert hasil == {k: PENDUDUK_BPS[b] for k, b in KEMENDAGRI_KE_BPS.items()}
    assert gabungan(CARA[1], data)["nama_cocok"].all()


def test_gabung_salah_diam_diam(data):
    salah = gabungan(CARA[0], data).set_index("nama")
    assert salah["jumlah"].notna().all()  # every row found a partner: no error, no gap
    assert int(salah.loc["Pekalongan Utara", "jumlah"]) == PENDUDUK_BPS["3375030"]
    assert int(salah.loc["Pekalongan Selatan", "jumlah"]) == PENDUDUK_BPS["3375040"]
    assert list(salah.index[~salah["nama_cocok"]]) == ["Pekalongan Utara", "Pekalongan Selatan"]
    assert int(salah["jumlah"].sum()) == KOTA_SP2010 == sum(PENDUDUK_BPS.values())


def test_total_sama_dengan_buku_sp2010(data):
    sp = data[DATA_SP2010]
    assert int(sp.loc[sp["nama"] == "KOTA PEKALONGAN", "jumlah"].iloc[0]) == KOTA_SP2010


def test_nama_kelurahan():
    assert normalkan_nama("KANDANGPANJANG") == normalkan_nama("Kandang Panjang")
    assert normalkan_nama("Pekalongan Utara") != normalkan_nama("PEKALONGAN SELATAN")


def test_cocok_nama_kelurahan(data):
    n = cocok_nama_kelurahan(data[DATA_CROSSWALK])
    assert (n["jumlah"], n["persis"], n["huruf_kecil"], n["huruf_saja"]) == (27, 0, 26, 27)
    assert n["gagal"] == [("Kandang Panjang", "KANDANGPANJANG")]


def test_kode_kelurahan(data):
    kode = kode_kelurahan(data[DATA_KEMENDAGRI], data[DATA_CROSSWALK])
    assert len(kode) == 27
    degayu = kode["Degayu"]
    assert degayu.kode_kemendagri == "33.75.03.1007" and degayu.kode_bps == "3375040009"
    assert degayu.bagian_bps()[2][0] == "040" and degayu.bagian_kemendagri()[2][0] == "03"
    for k in kode.values():  # the crosswalk's kecamatan part agrees with Kotak 2
        assert KEMENDAGRI_KE_BPS[k.kode_kemendagri[:8]] == k.kode_bps[:7]


def test_lembar_metadata(data):
    m = lembar_metadata(DATA_SP2010).set_index("Unsur")["Isi"]
    assert "Sensus Penduduk 2010" in m["Judul"]
    assert "Katalog 2102017" in m["Sumber"] and "diekstrak" not in m["Sumber"]
    assert "jumlah = Penduduk total (jiwa)" in m["Kolom dan satuan"]
    assert "wajib diisi" in m["Kontak"]


# --- the views ---------------------------------------------------------------------------


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


def test_tampilan_awal_gabungan_salah(data, peta):
    v = GabungKode(data, peta)
    assert v.cara.value == CARA[0]
    teks = _teks(v.ringkasan.value)
    assert "2 dari 4 kecamatan" in teks and "Pekalongan Utara tercatat 55.162 jiwa" in teks
    assert "tetap 282.137 jiwa" in teks
    alt = _alt(v.grafik.value)
    assert "Pekalongan Utara 55.162" in alt and "Merah = nama tidak cocok" in alt
    assert "PEKALONGAN SELATAN" in v.tabel.value and "tidak cocok" in v.tabel.value
    assert "Warnanya salah" in _alt(v.grafik_peta.value)


def test_pengguna_memilih_crosswalk(data, peta):
    v = GabungKode(data, peta)
    ringkasan0, png0, peta0 = v.ringkasan.value, _png(v.grafik.value), _png(v.grafik_peta.value)

    v.cara.value = CARA[1]  # the first control changes the first chart
    assert v.ringkasan.value != ringkasan0 and _png(v.grafik.value) != png0
    assert _png(v.grafik_peta.value) != peta0
    assert "Keempat nama dari kedua tabel cocok" in _teks(v.ringkasan.value)
    alt = _alt(v.grafik.value)
    assert "Pekalongan Utara 75.157" in alt and "Pekalongan Selatan 55.162" in alt
    assert "tidak cocok" not in v.tabel.value

    v.cara.value = CARA[0]
    assert v.ringkasan.value == ringkasan0


def test_kartu_kode(data):
    k = KartuKode(data[DATA_KEMENDAGRI], data[DATA_CROSSWALK])
    assert k.pilih.value == "Gamer" and "33.75.02.1009" in k.kartu.value
    k.pilih.value = "Kuripan Yosorejo"
    assert "33.75.04.1008" in k.kartu.value and "3375030015" in k.kartu.value


# --- exercises ---------------------------------------------------------------------------


def test_jenis_soal(soal):
    jenis = [type(s) for s in soal]
    assert jenis == [SoalTebak, SoalPilihan, SoalAngka, SoalPilihan, SoalBanyak]
    assert jenis.count(SoalTebak) == 1


def test_soal_1_tebakan(soal):
    s = soal[0]
    assert s.jawaban == pytest.approx(100 * 75157 / 282137)
    assert s.periksa("25").benar and "26,6%" in s.periksa("25").pesan
    assert not s.periksa("banyak").benar


def test_soal_2_kode_bps(soal):
    s = soal[1]
    assert s.periksa("Pekalongan Selatan").benar
    hasil = s.periksa("Pekalongan Utara")
    assert not hasil.benar and "buang titik" in hasil.pesan


def test_soal_3_selisih(soal):
    s = soal[2]
    assert s.jawaban == 75157 - 55162 == 19995
    assert s.periksa("19.995").benar and s.periksa("19995 jiwa").benar
    assert not s.periksa("20.000").benar and not s.periksa("55.162").benar


def test_soal_4_total_tetap(soal):
    s = soal[3]
    assert s.jawaban.startswith("Tetap 282.137 jiwa")
    assert s.periksa(s.jawaban).benar
    salah = next(p for p in s.pilihan if p != s.jawaban)
    assert not s.periksa(salah).benar


def test_soal_5_metadata(soal):
    s = soal[4]
    assert set(s.jawaban) == set(METADATA_WAJIB)
    assert s.periksa(METADATA_WAJIB).benar
    assert not s.periksa(METADATA_WAJIB[:-1]).benar
    assert not s.periksa([*METADATA_WAJIB, BUKAN_METADATA[0]]).benar
