"""Lesson 00 (Kota Pekalongan among 35 kab/kota): tables, rank, the view and its exercises."""

from __future__ import annotations

import re
from html import unescape

import ipywidgets as ipw
import pytest
from bantu import alt_grafik as _alt
from bantu import png_grafik as _png

import literasi
from literasi.format import format_angka
from literasi.siswa.kota_pekalongan_di_jawa_tengah import (
    KOTA_KITA,
    NAMA_DATA,
    UKURAN,
    PeringkatKabKota,
    baris_provinsi,
    daftar_soal,
    peringkat,
    tabel_kabkota,
    urutkan,
)
from literasi.soal import KartuSoal, SoalAngka, SoalPilihan

PENDUDUK_KOTA = 318221  # Dukcapil, Desember 2024
LUAS_KOTA = 46.076  # BIG 2024, km²
PENDUDUK_JATENG = 38430645


@pytest.fixture(scope="module")
def data():
    return literasi.load_dataset(NAMA_DATA)


@pytest.fixture(scope="module")
def tabel(data):
    return tabel_kabkota(data)


@pytest.fixture(scope="module")
def tampilan(data):
    """The view as it opens (read only: tests that change it build their own)."""
    return PeringkatKabKota(data)


@pytest.fixture(scope="module")
def soal(data, tabel):
    return daftar_soal(tabel, baris_provinsi(data))


def _kepadatan_mandiri(data) -> list[tuple[str, float]]:
    """Density of every kab/kota computed here, densest first (province row = code '33')."""
    kab = data[data["kode_kemendagri"] != "33"]
    padat = [
        (str(n), int(p) / float(lu))
        for n, p, lu in zip(kab["nama"], kab["penduduk_total"], kab["luas_km2"], strict=True)
    ]
    return sorted(padat, key=lambda x: -x[1])


def test_angka_sumber_kota_pekalongan(data):
    kota = data[data["nama"] == KOTA_KITA]
    assert len(kota) == 1
    assert int(kota["penduduk_total"].iloc[0]) == PENDUDUK_KOTA
    assert float(kota["luas_km2"].iloc[0]) == LUAS_KOTA
    prov = data[data["kode_kemendagri"] == "33"]
    assert int(prov["penduduk_total"].iloc[0]) == PENDUDUK_JATENG


def test_tabel_kabkota_35_tanpa_provinsi(data, tabel):
    assert len(data) == 36  # the source: 35 kab/kota + the province
    assert len(tabel) == 35
    assert "Jawa Tengah" not in set(tabel["nama"])
    assert "33" not in set(tabel["kode_kemendagri"])
    assert tabel["nama"].is_unique
    assert (tabel["kepadatan"] == tabel["penduduk_total"] / tabel["luas_km2"]).all()


def test_baris_provinsi(data):
    prov = baris_provinsi(data)
    assert prov["nama"] == "Jawa Tengah" and int(prov["penduduk_total"]) == PENDUDUK_JATENG


def test_peringkat_kepadatan_kota_pekalongan(data, tabel):
    urut = [n for n, _ in _kepadatan_mandiri(data)]
    assert len(urut) == 35
    assert peringkat(tabel, "kepadatan", KOTA_KITA) == urut.index(KOTA_KITA) + 1


@pytest.mark.parametrize("kolom", ["penduduk_total", "luas_km2", "kepadatan"])
def test_peringkat_semua_wilayah(tabel, kolom):
    nilai = {r["nama"]: float(r[kolom]) for _, r in tabel.iterrows()}
    for nama in list(nilai)[::7]:
        lebih_besar = sum(v > nilai[nama] for v in nilai.values())
        assert peringkat(tabel, kolom, nama) == lebih_besar + 1, nama


# --- the view ----------------------------------------------------------------------------


def _kalimat_peringkat(ringkasan_html: str) -> tuple[str, int]:
    teks = re.sub(r"<[^>]+>", "", unescape(ringkasan_html))
    m = re.search(r"^(.+?) ada di peringkat (\d+) dari 35 ", teks)
    assert m, teks
    return m.group(1), int(m.group(2))


def test_tampilan_awal_kota_pekalongan_kepadatan(tampilan, tabel):
    v = tampilan
    assert v.wilayah.value == KOTA_KITA and v.ukuran.value == "Kepadatan"
    nama, rank = _kalimat_peringkat(v.ringkasan.value)
    assert nama == KOTA_KITA
    assert rank == peringkat(tabel, "kepadatan", KOTA_KITA)
    assert KOTA_KITA in _alt(v.grafik.value)
    _png(v.grafik.value)


def test_tampilan_berubah_saat_ukuran_dan_wilayah_diganti(data, tabel):
    v = PeringkatKabKota(data)
    ringkasan0, png0 = v.ringkasan.value, _png(v.grafik.value)

    v.ukuran.value = "Penduduk"
    nama, rank = _kalimat_peringkat(v.ringkasan.value)
    assert v.ringkasan.value != ringkasan0
    assert (nama, rank) == (KOTA_KITA, peringkat(tabel, "penduduk_total", KOTA_KITA))
    assert "jiwa" in v.ringkasan.value and format_angka(PENDUDUK_KOTA) in v.ringkasan.value
    png1 = _png(v.grafik.value)
    assert png1 != png0
    assert "jumlah penduduk" in _alt(v.grafik.value)

    pilihan = "Kabupaten Brebes"
    v.wilayah.value = pilihan
    nama, rank = _kalimat_peringkat(v.ringkasan.value)
    assert (nama, rank) == (pilihan, peringkat(tabel, "penduduk_total", pilihan))
    png2 = _png(v.grafik.value)
    assert png2 != png1
    alt = _alt(v.grafik.value)
    assert pilihan in alt and f"peringkat {rank}" in alt
    assert "Kota Pekalongan berwarna ungu" in alt
    assert pilihan.replace("Kabupaten ", "Kab. ") in v.tabel_html.value

    v.ukuran.value = "Luas"
    nama, rank = _kalimat_peringkat(v.ringkasan.value)
    assert (nama, rank) == (pilihan, peringkat(tabel, "luas_km2", pilihan))
    assert UKURAN["Luas"].satuan in v.ringkasan.value
    assert _png(v.grafik.value) != png2


def test_grafik_cepat_sama_dengan_gambar_penuh(data):
    """The screen redraws only the bars of a frame drawn once (KerangkaGrafik); what the
    student sees must be, pixel for pixel, the full drawing (the poster's figure)."""
    import io

    import numpy as np
    from PIL import Image

    from literasi.grafik import png_256_warna

    v = PeringkatKabKota(data)
    for ukuran, wilayah in (("Kepadatan", "Kabupaten Brebes"), ("Luas", KOTA_KITA)):
        v.ukuran.value, v.wilayah.value = ukuran, wilayah
        layar = np.asarray(Image.open(io.BytesIO(_png(v.grafik.value))).convert("RGB"))
        buffer = io.BytesIO()
        v.isi_poster().grafik.savefig(buffer, format="png")
        penuh = png_256_warna(Image.open(buffer))  # the screen's 256 colours
        assert np.array_equal(layar, np.asarray(Image.open(io.BytesIO(penuh)).convert("RGB"))), (
            ukuran,
            wilayah,
        )


def test_tabel_tetangga_lima_baris(tampilan, tabel):
    """Five neighbours around the chosen one, also at the top and the bottom of the list."""
    v = tampilan
    html = v.tabel_html.value
    assert html.count("<tr") == 6 and "font-weight:bold" in html
    assert KOTA_KITA.replace("Kota ", "") in html
    ukuran = UKURAN["Kepadatan"]
    urut = urutkan(tabel, ukuran.kolom)
    for posisi, pertama, terakhir in ((1, 1, 5), (2, 1, 5), (18, 16, 20), (35, 31, 35)):
        html = v._tabel_tetangga(urut, posisi, ukuran)
        rank = [int(r) for r in re.findall(r"<tr[^>]*><td>(\d+)</td>", html)]
        assert rank == list(range(pertama, terakhir + 1)), posisi


# --- the exercises -----------------------------------------------------------------------


def test_soal_1_kepadatan(soal):
    s1 = soal[0]
    assert isinstance(s1, SoalAngka)
    assert s1.jawaban == pytest.approx(PENDUDUK_KOTA / LUAS_KOTA, abs=1e-9)
    assert format_angka(PENDUDUK_KOTA) in s1.pertanyaan
    assert format_angka(LUAS_KOTA, 3) in s1.pertanyaan
    assert s1.periksa(format_angka(PENDUDUK_KOTA / LUAS_KOTA, 1)).benar


def test_soal_1_tetangga_peringkat_tidak_diterima(data, soal):
    """The densities ranked just above and below Kota Pekalongan are wrong answers."""
    padat = _kepadatan_mandiri(data)
    i = [n for n, _ in padat].index(KOTA_KITA)
    for nama, nilai in (padat[i - 1], padat[i + 1]):
        hasil = soal[0].periksa(format_angka(nilai, 1))
        assert not hasil.benar, nama


def test_soal_2_terpadat(data, soal):
    s2 = soal[1]
    assert isinstance(s2, SoalPilihan)
    terpadat = _kepadatan_mandiri(data)[0][0]
    assert s2.jawaban == terpadat
    assert terpadat in s2.pilihan and len(set(s2.pilihan)) == len(s2.pilihan) >= 3
    assert s2.periksa(terpadat).benar
    salah = [p for p in s2.pilihan if p != terpadat]
    assert salah and not any(s2.periksa(p).benar for p in salah)


def test_soal_3_persen(soal):
    s3 = soal[2]
    assert isinstance(s3, SoalAngka) and s3.persen
    assert s3.jawaban == pytest.approx(100 * PENDUDUK_KOTA / PENDUDUK_JATENG, abs=1e-12)
    assert s3.periksa("0,83%").benar
    assert "Kalikan 100" in s3.periksa("0,0083").pesan
    hasil = s3.periksa("82,8%")  # percent of a percent
    assert not hasil.benar and "skalanya beda" in hasil.pesan
    # Dukcapil counts who is registered, not who lives there (datasets/README.md, Kotak 1).
    assert "terdaftar di Kota Pekalongan" in s3.pertanyaan and "tinggal di" not in s3.pertanyaan
    assert "terdaftar" in s3.penjelasan


def _state_teks(kartu: KartuSoal) -> str:
    """Every trait value of the card and of every widget inside it, as text."""
    teks, dilihat, antrian = [], set(), [kartu.widget]
    while antrian:
        w = antrian.pop()
        if id(w) in dilihat:
            continue
        dilihat.add(id(w))
        teks.extend(repr(v) for v in w.get_state().values())
        for nama in w.keys:
            nilai = getattr(w, nama)
            isi = nilai if isinstance(nilai, (list, tuple)) else [nilai]
            antrian.extend(x for x in isi if isinstance(x, ipw.Widget))
    return "\n".join(teks)


@pytest.mark.parametrize("nomor", [1, 3])
def test_jawaban_nyata_tidak_bocor_sebelum_diminta(soal, nomor):
    s = soal[nomor - 1]
    kartu = KartuSoal(nomor, s, None)
    assert s.jawaban_teks() not in _state_teks(kartu)
    kartu.tombol_jawaban.click()
    assert s.jawaban_teks() in kartu.umpan.value


@pytest.mark.parametrize("nomor", [1, 3])
def test_petunjuk_tidak_membocorkan_jawaban(soal, nomor):
    """Opening every hint must still leave something to compute."""
    s = soal[nomor - 1]
    kartu = KartuSoal(nomor, s, None)
    for _ in s.petunjuk:
        kartu.tombol_petunjuk.click()
    assert s.jawaban_teks().removesuffix(f" {s.satuan}") not in _state_teks(kartu)
