"""Lesson 08 (peluang): theoretical probabilities, the seeded simulation, relative frequency,
expected frequency, two dice (independent vs mutually exclusive), the views and the exercises.
Plain pytest, no kernel; expected values computed here independently (fractions, itertools,
numpy)."""

from __future__ import annotations

import itertools
import math
from fractions import Fraction

import numpy as np
import pytest
from bantu import alt_grafik as _alt
from bantu import png_grafik as _png
from bantu import poster_sama_dengan_layar
from bantu import teks_html as _teks

from literasi.format import format_angka
from literasi.siswa.peluang import (
    BANYAK_PERCOBAAN,
    PASANGAN,
    PERCOBAAN,
    RUANG_DUA_DADU,
    SEED,
    DuaDadu,
    FrekuensiRelatif,
    daftar_soal,
    frekuensi_harapan,
    frekuensi_relatif_berjalan,
    hitung_hasil,
    pecahan_teks,
    peluang_dua_dadu,
    peluang_sejauh_itu,
    saling_bebas,
    saling_lepas,
    simulasi,
    simulasi_dua_dadu,
    titik_kejadian,
)
from literasi.soal import KartuSoal, SoalAngka, SoalBanyak, SoalPilihan, SoalTebak


@pytest.fixture(scope="module")
def soal():
    return daftar_soal()


def _lemparan(nama: str, banyak: int, seed: int = SEED) -> np.ndarray:
    """The same draw written independently."""
    p = PERCOBAAN[nama]
    bobot = np.asarray(p.bobot, dtype=float)
    rng = np.random.default_rng(seed)
    return rng.choice(len(bobot), size=max(BANYAK_PERCOBAAN), p=bobot / bobot.sum())[:banyak]


# --- probabilities and simulation ----------------------------------------------------------


def test_peluang_teoretis():
    assert PERCOBAAN["Koin"].peluang == Fraction(1, 2)
    assert PERCOBAAN["Dadu"].peluang == Fraction(1, 6)
    assert PERCOBAAN["Undian"].peluang == Fraction(3, 10)
    assert pecahan_teks(Fraction(3, 10)) == "3/10 = 0,3"
    assert pecahan_teks(Fraction(1, 36)) == "1/36 ≈ 0,028"


def test_simulasi_berseed_dan_berlanjut():
    p = PERCOBAAN["Dadu"]
    a = simulasi(p, 600)
    assert (a == simulasi(p, 600)).all() and (a == _lemparan("Dadu", 600)).all()
    assert (simulasi(p, 6000)[:600] == a).all()  # a longer run continues the same throws
    assert not (simulasi(p, 600, seed=SEED + 1) == a).all()
    assert set(np.unique(a)) <= set(range(6))


def test_frekuensi_relatif_berjalan():
    hasil = _lemparan("Koin", 60)
    fr = frekuensi_relatif_berjalan(hasil, 1)
    assert len(fr) == 60
    for k in (1, 10, 60):
        assert fr[k - 1] == pytest.approx((hasil[:k] == 1).sum() / k)


@pytest.mark.parametrize("nama", list(PERCOBAAN))
def test_frekuensi_relatif_mendekati_peluang(nama):
    p = PERCOBAAN[nama]
    i = p.hasil.index(p.kejadian)
    fr = frekuensi_relatif_berjalan(simulasi(p, 6000), i)
    assert abs(fr[-1] - float(p.peluang)) < 0.02
    # Over the last 1.000 trials the line wobbles far less than over the first 60.
    assert np.ptp(fr[-1000:]) < np.ptp(fr[:60])


def test_frekuensi_harapan_dan_hitung():
    assert frekuensi_harapan(600, Fraction(1, 6)) == 100
    assert frekuensi_harapan(300, Fraction(1, 2)) == 150
    hasil = simulasi(PERCOBAAN["Dadu"], 6000)
    hitung = hitung_hasil(hasil, 6)
    assert hitung.sum() == 6000 and (hitung == np.bincount(hasil, minlength=6)).all()


# --- two dice ----------------------------------------------------------------------------


def test_ruang_dua_dadu():
    assert sorted(RUANG_DUA_DADU) == sorted(itertools.product(range(1, 7), repeat=2))
    assert len(titik_kejadian("jumlah 7")) == 6
    assert len(titik_kejadian("jumlah 8")) == 5
    assert titik_kejadian("jumlah 11") == {(5, 6), (6, 5)}
    assert titik_kejadian("jumlah 7") & titik_kejadian("dadu pertama 6") == {(6, 1)}


def test_saling_lepas_dan_bebas():
    def p(kondisi) -> Fraction:
        return Fraction(sum(kondisi(a, b) for a, b in itertools.product(range(1, 7), repeat=2)), 36)

    tujuh = p(lambda a, b: a + b == 7)
    enam = p(lambda a, b: a == 6)
    both = p(lambda a, b: a + b == 7 and a == 6)
    assert both == tujuh * enam == Fraction(1, 36)
    assert saling_bebas("jumlah 7", "dadu pertama 6")
    assert not saling_lepas("jumlah 7", "dadu pertama 6")
    assert saling_lepas("jumlah 7", "jumlah 11") and not saling_bebas("jumlah 7", "jumlah 11")
    delapan = p(lambda a, b: a + b == 8)
    assert p(lambda a, b: a + b == 8 and a == 6) != delapan * enam
    assert not saling_bebas("jumlah 8", "dadu pertama 6")
    assert not saling_lepas("jumlah 8", "dadu pertama 6")
    assert peluang_dua_dadu(titik_kejadian("jumlah 7")) == Fraction(1, 6)


def test_simulasi_dua_dadu():
    lemparan = simulasi_dua_dadu(3600)
    assert lemparan.shape == (3600, 2) and lemparan.min() == 1 and lemparan.max() == 6
    assert (lemparan == np.random.default_rng(SEED).integers(1, 7, size=(3600, 2))).all()


# --- the views ---------------------------------------------------------------------------


def test_tampilan_awal():
    v = FrekuensiRelatif()
    gambar = int((_lemparan("Koin", 600) == 1).sum())
    teks = _teks(v.ringkasan.value)
    assert f"setelah 600 percobaan, muncul Gambar {gambar} kali" in teks
    assert "peluang teoretis 1/2 = 0,5" in teks and "simulasi" in teks and "seed 2024" in teks
    assert "peluang teoretisnya 1/2 = 0,5" in _alt(v.grafik.value)
    assert "Sumber: Simulasi komputer" in v.grafik.value
    assert "300,0" in v.tabel.value  # expected frequency of each side in 600 throws


def test_kontrol_pertama_percobaan_mengubah_grafik():
    v = FrekuensiRelatif()
    kontrol = v.widget.children[0].children
    assert kontrol[0] is v.percobaan  # the first control on the page
    png0, alt0, ringkasan0 = _png(v.grafik.value), _alt(v.grafik.value), v.ringkasan.value
    v.percobaan.value = "Dadu"
    enam = int((_lemparan("Dadu", 600) == 5).sum())
    assert v.ringkasan.value != ringkasan0
    assert f"muncul mata 6 {enam} kali" in _teks(v.ringkasan.value)
    assert _png(v.grafik.value) != png0 and _alt(v.grafik.value) != alt0
    assert "1/6 ≈ 0,167" in _alt(v.grafik.value)
    assert "100,0" in v.tabel.value


def test_banyak_percobaan_dan_seed():
    v = FrekuensiRelatif()
    v.percobaan.value = "Undian"
    v.banyak.value = 6000
    hadiah = int((_lemparan("Undian", 6000) == 0).sum())
    teks = _teks(v.ringkasan.value)
    assert f"kupon berhadiah {format_angka(hadiah)} kali" in teks
    assert "1.800,0" in v.tabel.value
    v.seed.value = 1
    assert "seed 1" in _teks(v.ringkasan.value) and "seed 1" in _alt(v.grafik.value)


def test_isi_poster_dan_tombol():
    from literasi.infografis import TombolInfografis

    v = FrekuensiRelatif()
    v.banyak.value = 60
    isi = v.isi_poster()
    assert poster_sama_dengan_layar(isi, v.grafik.value) and "60 percobaan" in isi.pesan
    assert "Simulasi" in isi.sumber and "seed 2024" in isi.sumber
    tombol = TombolInfografis(v.isi_poster, "peluang")
    tombol.tombol["a4"].click()
    assert "data:image/png;base64," in tombol.tautan.value


def test_dua_dadu_view():
    d = DuaDadu()
    teks = _teks(d.ringkasan.value)
    assert "P(A dan B) = 1/36" in teks and "saling bebas" in teks and "tidak saling lepas" in teks
    png0 = _png(d.grafik.value)
    d.pasangan.value = "7 & 11"
    teks = _teks(d.ringkasan.value)
    assert "P(A dan B) = 0" in teks and "saling lepas" in teks and "tidak saling bebas" in teks
    assert _png(d.grafik.value) != png0 and "A dan B 0 petak" in _alt(d.grafik.value)
    d.pasangan.value = "8 & pertama 6"
    teks = _teks(d.ringkasan.value)
    assert "5/36 × 6/36 = 5/216" in teks and "tidak saling bebas" in teks
    assert set(PASANGAN) == {"7 & pertama 6", "7 & 11", "8 & pertama 6"}


# --- the exercises -----------------------------------------------------------------------


def test_jenis_soal(soal):
    assert len(soal) >= 4
    assert sum(isinstance(s, SoalTebak) for s in soal) == 1 and isinstance(soal[0], SoalTebak)
    assert len({type(s) for s in soal}) >= 2


def test_soal_1_tebak(soal):
    s = soal[0]
    enam = int((_lemparan("Dadu", 6000) == 5).sum())
    assert s.jawaban == enam
    hasil = s.periksa("1000")
    assert hasil.benar and f"Angka sebenarnya: {format_angka(enam)} kali" in hasil.pesan
    assert "1.000 kali" in s.penjelasan
    assert not s.periksa("seribu").benar


def test_soal_2_peluang_undian(soal):
    s = soal[1]
    assert isinstance(s, SoalAngka) and s.jawaban == pytest.approx(0.3)
    for jawaban in ("3/10", "0,3", "0.3", "30%"):
        assert s.periksa(jawaban).benar, jawaban
    assert not s.periksa("3/7").benar  # prize to no-prize, not prize to all
    assert not s.periksa("3").benar


def test_soal_3_frekuensi_harapan(soal):
    s = soal[2]
    assert s.jawaban == 150
    assert s.periksa("150").benar and s.periksa("150 kali").benar
    assert not s.periksa("50").benar  # mata 6 only


def test_soal_4_sedikit_lemparan(soal):
    s = soal[3]
    fr = (_lemparan("Koin", 60) == 1).mean()
    assert isinstance(s, SoalPilihan) and format_angka(fr, 2) in s.pertanyaan
    assert s.jawaban.startswith("Belum tentu")
    assert s.periksa(s.jawaban).benar
    salah = next(p for p in s.pilihan if p.startswith("Ya"))
    hasil = s.periksa(salah)
    assert not hasil.benar and "terlalu kuat" in hasil.pesan
    # 22 heads in 60 is borderline (two-sided p ≈ 0,05), so the text says so, not "too few".
    gambar = int((_lemparan("Koin", 60) == 1).sum())
    jarak = abs(gambar - 30)
    p = sum(math.comb(60, k) for k in range(61) if abs(k - 30) >= jarak) / 2**60
    assert 0.04 < p < 0.06
    assert f"sekitar {format_angka(100 * p)} dari 100" in s.penjelasan
    assert "terlalu sedikit" not in s.jawaban


def test_peluang_sejauh_itu_seperti_simulasi():
    """The exact two-sided probability agrees with 20.000 simulated fair 60-throw runs."""
    rng = np.random.default_rng(1)
    gambar = rng.binomial(60, 0.5, size=20_000)
    simulasi = float((np.abs(gambar - 30) >= 8).mean())
    assert peluang_sejauh_itu(60, 22) == pytest.approx(simulasi, abs=0.01)


def test_soal_5_peluang_irisan(soal):
    s = soal[4]
    assert s.jawaban == pytest.approx(1 / 36)
    for jawaban in ("1/36", "0,028", "0,0278"):
        assert s.periksa(jawaban).benar, jawaban
    assert not s.periksa("1/6").benar and not s.periksa("12/36").benar
    hasil = s.periksa("0,03")  # rounded too coarsely: told the precision, not "too big"
    assert not hasil.benar and "tiga desimal" in hasil.pesan and "terlalu besar" not in hasil.pesan
    assert "tiga angka di belakang koma" in s.pertanyaan


def test_soal_6_lepas_atau_bebas(soal):
    s = soal[5]
    assert isinstance(s, SoalBanyak)
    assert s.jawaban == [
        "“jumlah 7” dan “dadu pertama 6” saling bebas",
        "“jumlah 7” dan “jumlah 11” saling lepas",
    ]
    assert s.periksa(s.jawaban).benar
    assert not s.periksa(s.pilihan).benar  # all four ticked
    assert not s.periksa(["“jumlah 7” dan “dadu pertama 6” saling lepas"]).benar


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
