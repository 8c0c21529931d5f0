"""Lesson 07 (sampel dan populasi): the population, the seeded samples, the margin of error in
words, the biased sample, the view and the exercises. Plain pytest, no kernel; expected values
computed here with numpy straight from the loaded tables."""

from __future__ import annotations

import numpy as np
import pytest
from bantu import alt_grafik as _alt
from bantu import png_grafik as _png
from bantu import poster_sama_dengan_layar
from bantu import teks_html as _teks

import literasi
from literasi import seri
from literasi.format import format_angka
from literasi.siswa.sampel_dan_populasi import (
    ACAK,
    BIAS,
    JUMLAH_SAMPEL,
    NAMA_IPM,
    SEED,
    VARIABEL,
    SampelPopulasi,
    ambil_sampel,
    banyak_meleset,
    daftar_soal,
    meleset_paling_jauh,
    percobaan,
    rata_rata_sampel,
    ringkas_populasi,
    tabel_populasi,
    tumpukan,
)
from literasi.soal import KartuSoal, SoalAngka, SoalBanyak, SoalPilihan, SoalTebak

IPM_KOTA_2024 = 77.22  # datasets/README.md, data 9
MISKIN_KOTA_2024 = 6.71  # datasets/README.md, data 12 (BPS's series, the panel)


@pytest.fixture(scope="module")
def mentah():
    return literasi.load_dataset(NAMA_IPM), literasi.load_dataset(seri.NAMA_PANEL)


@pytest.fixture(scope="module")
def populasi():
    return tabel_populasi(literasi.load_dataset(NAMA_IPM), seri.baca_kemiskinan())


@pytest.fixture(scope="module")
def soal(populasi):
    return daftar_soal(populasi)


def _ipm(mentah) -> np.ndarray:
    ipm = mentah[0]
    return ipm[ipm["Tahun"] == 2024]["Indeks Pembangunan Manusia"].astype(float).to_numpy()


def _sampel_numpy(pool, n, seed=SEED, jumlah=JUMLAH_SAMPEL) -> np.ndarray:
    """The same draw written independently: one generator, `jumlah` draws without repeats."""
    rng = np.random.default_rng(seed)
    return np.array([rng.choice(np.asarray(pool), n, replace=False) for _ in range(jumlah)])


# --- the population ----------------------------------------------------------------------


def test_populasi_35_dan_angka_terbitan(mentah, populasi):
    assert len(populasi) == 35 and populasi["nama"].is_unique
    assert populasi["kota"].sum() == 6
    assert sorted(populasi.loc[populasi["kota"], "nama"].str.removeprefix("Kota ")) == [
        "Magelang",
        "Pekalongan",
        "Salatiga",
        "Semarang",
        "Surakarta",
        "Tegal",
    ]
    kita = populasi[populasi["nama"] == "Kota Pekalongan"].iloc[0]
    assert kita["ipm"] == IPM_KOTA_2024 and kita["miskin"] == MISKIN_KOTA_2024
    assert populasi["ipm"].mean() == pytest.approx(_ipm(mentah).mean())
    panel = mentah[1]
    persen = panel[panel["tahun"] == 2024]["persentase_penduduk_miskin"].astype(float)
    assert populasi["miskin"].mean() == pytest.approx(persen.mean())


def test_ringkas_populasi(populasi):
    r = ringkas_populasi(populasi)
    assert r["Rata-rata 35"].iloc[0] == pytest.approx(populasi["ipm"].mean())
    assert (r["Terendah"].iloc[0], r["Tertinggi"].iloc[0]) == (68.46, 85.72)


# --- samples -----------------------------------------------------------------------------


def test_sampel_tanpa_ulang_dan_berseed():
    a = ambil_sampel(range(35), 10)
    assert a.shape == (JUMLAH_SAMPEL, 10)
    assert all(len(set(baris)) == 10 for baris in a)  # nobody twice in one sample
    assert (a == ambil_sampel(range(35), 10)).all()  # same seed, same samples
    assert (a == _sampel_numpy(range(35), 10)).all()
    assert not (a == ambil_sampel(range(35), 10, seed=SEED + 1)).all()


def test_rata_rata_sampel_seperti_numpy(mentah, populasi):
    ipm = _ipm(mentah)
    indeks = _sampel_numpy(range(35), 5)
    harapan = np.array([ipm[baris].mean() for baris in indeks])
    assert rata_rata_sampel(populasi["ipm"], indeks) == pytest.approx(harapan)


def test_meleset_paling_jauh_dan_banyak_meleset():
    rata = np.arange(1, 101, dtype=float)  # distances 1..100 from 0
    assert meleset_paling_jauh(rata, 0.0) == 95.0  # 95 of 100 within 95
    assert banyak_meleset(rata, 0.0, 90) == 10
    assert meleset_paling_jauh(np.array([-2.0, 1.0, 3.0, 0.5]), 0.0, 0.5) == 1.0


def test_sebaran_menyempit_ketika_n_membesar(populasi):
    v = VARIABEL["IPM"]
    moe = [percobaan(populasi, v, n).moe for n in (3, 5, 10, 20)]
    assert moe == sorted(moe, reverse=True)
    assert [round(m, 2) for m in moe] == [4.95, 3.54, 2.4, 1.29]
    # Random samples do not lean one way: the mean of the means stays near the truth.
    for n in (3, 20):
        p = percobaan(populasi, v, n)
        assert abs(p.rata_dari_rata - p.mu) < 0.5


def test_sampel_bias_hanya_kota(populasi):
    for v in VARIABEL.values():
        kota = populasi.loc[populasi["kota"], v.kolom]
        p = percobaan(populasi, v, 20, BIAS)
        assert p.n == 6 and p.n_diminta == 20 and p.semua_sama
        assert p.rata_dari_rata == pytest.approx(kota.mean())
        assert set(populasi.iloc[p.indeks[0]]["nama"]) == set(
            populasi.loc[populasi["kota"], "nama"]
        )
        kecil = percobaan(populasi, v, 3, BIAS)
        assert populasi.iloc[kecil.indeks.ravel()]["kota"].all()
    ipm = VARIABEL["IPM"]
    assert percobaan(populasi, ipm, 5, BIAS).rata_dari_rata > populasi["ipm"].mean() + 5
    miskin = VARIABEL["Persen miskin"]
    assert percobaan(populasi, miskin, 5, BIAS).rata_dari_rata < populasi["miskin"].mean() - 2


def test_tumpukan():
    x, y = tumpukan([1.0, 1.1, 1.6, 0.95], 0.25)
    assert x.tolist() == [1.0, 1.0, 1.5, 1.0]
    assert sorted(y[[0, 1, 3]].tolist()) == [1, 2, 3] and y[2] == 1


# --- the view ----------------------------------------------------------------------------


def test_tampilan_awal(populasi):
    v = SampelPopulasi(populasi)
    teks = _teks(v.ringkasan.value)
    assert "sampel acak 5 kabupaten/kota" in teks and "3,54 poin" in teks
    assert f"seed {SEED}" in teks and "simulasi" in teks
    alt = _alt(v.grafik.value)
    assert "rata-rata populasi 74,75" in alt and "3,54" in alt
    assert "Sumber: BPS Provinsi Jawa Tengah" in v.grafik.value
    assert "3,54" in v.tabel_n.value and "1,29" in v.tabel_n.value
    assert "Sampel pertama (oranye)" in _alt(v.grafik_populasi.value)


def test_kontrol_pertama_ukuran_sampel_mengubah_grafik(populasi):
    v = SampelPopulasi(populasi)
    kontrol = v.widget.children[0].children
    assert kontrol[0] is v.ukuran  # the first control on the page
    png0, alt0, ringkasan0 = _png(v.grafik.value), _alt(v.grafik.value), v.ringkasan.value
    v.ukuran.value = 20
    assert v.ringkasan.value != ringkasan0
    assert "sampel acak 20 kabupaten/kota" in _teks(v.ringkasan.value)
    assert "1,29 poin" in _teks(v.ringkasan.value)
    assert _png(v.grafik.value) != png0 and _alt(v.grafik.value) != alt0
    assert "berukuran 20" in _alt(v.grafik.value)


def test_variabel_dan_seed(populasi):
    v = SampelPopulasi(populasi)
    v.variabel.value = "Persen miskin"
    mu = populasi["miskin"].mean()
    assert f"({format_angka(mu, 2)})" in _teks(v.ringkasan.value)
    assert "poin persen" in _teks(v.ringkasan.value)
    teks0 = v.ringkasan.value
    v.seed.value = 7
    assert v.ringkasan.value != teks0 and "seed 7" in _teks(v.ringkasan.value)


def test_saklar_bias(populasi):
    v = SampelPopulasi(populasi)
    png0 = _png(v.grafik.value)
    v.cara.value = BIAS
    teks = _teks(v.ringkasan.value)
    assert "Sampel bias" in teks and "terlalu tinggi" in teks
    assert _png(v.grafik.value) != png0 and "(bias)" in _alt(v.grafik.value)
    v.ukuran.value = 20
    teks = _teks(v.ringkasan.value)
    assert "semua 100 sampel berisi keenam kota yang sama" in teks
    assert "82,03" in teks  # the mean of the six kota
    assert v.tabel_n.value.count("<tr") == 4  # header + n = 3, 5, 6
    v.cara.value = ACAK
    assert "Sampel bias" not in v.ringkasan.value


def test_isi_poster(populasi):
    v = SampelPopulasi(populasi)
    v.ukuran.value = 10
    isi = v.isi_poster()
    assert poster_sama_dengan_layar(isi, v.grafik.value)
    assert "2,40" in isi.pesan and "simulasi" in isi.sumber and "BPS" in isi.sumber


def test_tombol_infografis(populasi):
    from literasi.infografis import TombolInfografis

    v = SampelPopulasi(populasi)
    tombol = TombolInfografis(v.isi_poster, "sampel_dan_populasi")
    tombol.tombol["story"].click()
    assert "data:image/png;base64," in tombol.tautan.value


# --- the exercises -----------------------------------------------------------------------


def test_jenis_soal(soal):
    assert len(soal) >= 4
    assert sum(isinstance(s, SoalTebak) for s in soal) == 1 and isinstance(soal[0], SoalTebak)
    assert len({type(s) for s in soal}) >= 2


def test_soal_1_tebak(mentah, soal):
    ipm = _ipm(mentah)
    rata = np.array([ipm[b].mean() for b in _sampel_numpy(range(35), 3)])
    harapan = int((np.abs(rata - ipm.mean()) > 2).sum())
    s = soal[0]
    assert s.jawaban == harapan == 45
    assert s.periksa("30").benar and "Angka sebenarnya: 45 sampel" in s.periksa("30").pesan
    assert not s.periksa("banyak").benar


def test_soal_2_rata_rata_sampel_pertama(mentah, soal):
    ipm = _ipm(mentah)
    pertama = _sampel_numpy(range(35), 5)[0]
    s = soal[1]
    assert isinstance(s, SoalAngka) and s.jawaban == pytest.approx(ipm[pertama].mean())
    assert s.periksa(format_angka(ipm[pertama].mean(), 2)).benar
    assert not s.periksa("74,75").benar  # the population mean, not the sample's
    assert not s.periksa(format_angka(ipm[pertama].sum(), 2)).benar  # forgot to divide


def test_soal_3_menyempit(soal):
    s = soal[2]
    assert isinstance(s, SoalPilihan) and s.jawaban == "Makin rapat di sekitar rata-rata populasi"
    assert s.periksa(s.jawaban).benar
    hasil = s.periksa("Makin menyebar")
    assert not hasil.benar and "berkumpul" in hasil.pesan


def test_soal_4_margin_kesalahan(mentah, soal):
    ipm = _ipm(mentah)
    rata = np.array([ipm[b].mean() for b in _sampel_numpy(range(35), 10)])
    jarak = np.sort(np.abs(rata - ipm.mean()))
    s = soal[3]
    assert s.jawaban == pytest.approx(jarak[94])
    assert s.periksa("2,40").benar and s.periksa("2,4 poin").benar
    assert not s.periksa("3,54").benar  # n = 5
    assert not s.periksa("1,29").benar  # n = 20


def test_soal_5_aturan_akar(soal):
    s = soal[4]
    assert s.jawaban == "4"
    assert s.periksa("4").benar
    hasil = s.periksa("2")
    assert not hasil.benar and "√2" in hasil.pesan


def test_soal_6_bias(soal):
    s = soal[5]
    assert isinstance(s, SoalBanyak)
    assert s.jawaban == [
        "Rata-rata sampelnya lebih tinggi daripada rata-rata populasi",
        "Sampel itu tidak mewakili 29 kabupaten",
    ]
    assert s.periksa(s.jawaban).benar
    assert not s.periksa(s.jawaban + [s.pilihan[1]]).benar  # "n = 20 fixes it" is false
    assert not s.periksa(s.jawaban[:1]).benar


def _teks_terlihat(w) -> str:
    """Every text trait a browser receives (values, labels, options), through all children."""
    teks = []
    for nama in ("value", "description", "placeholder", "options", "tooltip", "tooltips"):
        if nama in w.keys:
            teks.append(repr(getattr(w, nama)))
    for anak in getattr(w, "children", ()):
        teks.append(_teks_terlihat(anak))
    return "\n".join(teks)


@pytest.mark.parametrize("nomor", [2, 4])
def test_jawaban_tidak_bocor_sebelum_diminta(soal, nomor):
    s = soal[nomor - 1]
    kartu = KartuSoal(nomor, s, None)
    assert s.jawaban_teks() not in _teks_terlihat(kartu.widget)
    kartu.tombol_jawaban.click()
    assert s.jawaban_teks() in kartu.umpan.value
