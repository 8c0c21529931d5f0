"""'Data kelas kita' in lessons 03, 04, 07 and 09, and the shared class picker.

Every class here is a real SQLite survey in a temporary folder, written through
`literasi.kelas.penyimpanan` as the student form writes it. The numbers on screen are checked
against pandas computed from `ambil_jawaban` (the stored rows), not from the lesson's code.
"""

from __future__ import annotations

import re
from html import unescape

import numpy as np
import pandas as pd
import pytest
from bantu import alt_grafik, png_grafik

from literasi.kelas import data_kelas
from literasi.kelas import penyimpanan as survei_db
from literasi.kelas.data_kelas import kelas_simulasi
from literasi.siswa.hubungan_dua_variabel import HubunganKelas
from literasi.siswa.sampel_dan_populasi import SampelDariKelas
from literasi.siswa.ukuran_pemusatan import PemusatanKelas
from literasi.siswa.ukuran_penyebaran_dan_diagram_kotak import SEMUA_SISWA, PenyebaranKelas


def teks_html(html: str) -> str:
    """Visible text: tags removed first, then entities (the text holds "< 5")."""
    return unescape(re.sub(r"<[^>]+>", "", html))


TAMPILAN = [PemusatanKelas, PenyebaranKelas, SampelDariKelas, HubunganKelas]


@pytest.fixture(autouse=True)
def folder(tmp_path, monkeypatch):
    monkeypatch.setenv(survei_db.ENV_FOLDER, str(tmp_path / "data"))
    return tmp_path / "data"


def isi_kelas(kode: str, n: int, seed: int, **per_kolom) -> pd.DataFrame:
    """n answers the form accepts (the simulated class's rule), stored; `per_kolom` gives a
    column a fixed value or one value per student. Returns the stored rows."""
    survei_db.buat_kelas(kode)
    for i, baris in enumerate(kelas_simulasi(n=n, seed=seed).astype(object).to_dict("records")):
        tetap = {k: (v[i] if isinstance(v, list) else v) for k, v in per_kolom.items()}
        assert survei_db.simpan_jawaban(kode, f"{kode}-{i}", {**baris, **tetap})
    return survei_db.ambil_jawaban(kode)


# --- the shared picker, in every lesson ----------------------------------------------------


@pytest.mark.parametrize("Tampilan", TAMPILAN)
def test_tanpa_survei_kelas_simulasi_berlabel(Tampilan):
    v = Tampilan()
    assert v.pemilih.kelas.value == data_kelas.SIMULASI and len(v.pemilih.kelas.options) == 1
    status = teks_html(v.pemilih.status.value)
    assert "Kelas simulasi" in status and "bukan data nyata" in status and "Perbarui" in status
    assert "Kelas simulasi" in alt_grafik(v.grafik.value)  # alt text and caption
    assert "Kelas simulasi: 32 isian rekaan" in v.grafik.value  # source line
    png_grafik(v.grafik.value)
    assert not survei_db.path_db().exists()  # reading never creates the survey file


@pytest.mark.parametrize("Tampilan", TAMPILAN)
def test_perbarui_beralih_ke_kelas_nyata(Tampilan):
    v = Tampilan()  # opened before the class filled the survey (a warm Voilà kernel)
    assert v.pemilih.data.simulasi
    isi_kelas("XI-2", 12, seed=3)
    v.pemilih.perbarui()
    assert v.pemilih.kelas.value == "XI-2"
    assert "XI-2: 12 siswa" in teks_html(v.pemilih.status.value)
    assert "simulasi" not in v.grafik.value and "Sensus Kelas XI-2" in v.grafik.value
    v.pemilih.kelas.value = data_kelas.SIMULASI  # the teacher can still show the simulated one
    assert "Kelas simulasi" in alt_grafik(v.grafik.value)


@pytest.mark.parametrize("Tampilan", TAMPILAN)
def test_kelas_di_bawah_lima_tidak_menampilkan_apa_pun(Tampilan):
    isi_kelas("X-1", 4, seed=1)
    v = Tampilan()
    assert v.pemilih.data.simulasi  # the default class needs 5 answers
    v.pemilih.kelas.value = "X-1"
    assert "baru punya < 5 jawaban" in teks_html(v.pemilih.status.value)
    assert v.grafik.value == "" and v.ringkasan.value == "" and v.hasil is None


def test_perbarui_menjaga_kelas_pilihan_guru():
    isi_kelas("XI-1", 10, seed=1)
    v = PemusatanKelas()
    assert v.pemilih.kelas.value == "XI-1"
    isi_kelas("XI-2", 10, seed=2)  # a newer class: the teacher's choice stays
    v.pemilih.perbarui()
    assert [k for _, k in v.pemilih.kelas.options] == ["XI-2", "XI-1", data_kelas.SIMULASI]
    assert v.pemilih.kelas.value == "XI-1"


# --- lesson 03: centre ------------------------------------------------------------------------


def test_03_rata_rata_median_modus_sama_dengan_pandas():
    tinggi = [150.2, 150.4, 149.6, 155.0, 161.3, 158.8, 170.1, 152.5, 150.0, 166.6]
    jawaban = isi_kelas("XI-3", 10, seed=4, tinggi_cm=tinggi)
    v = PemusatanKelas()
    t = jawaban["tinggi_cm"].astype(float)
    assert v.hasil["rata_rata"] == pytest.approx(t.mean())
    assert v.hasil["median"] == pytest.approx(t.median())
    bulat = np.floor(t + 0.5)  # to whole cm, halves up
    assert v.hasil["modus"] == bulat.mode().tolist() == [150.0]
    assert v.hasil["kali_modus"] == int((bulat == 150).sum()) == 4
    ringkas = teks_html(v.ringkasan.value)
    assert f"rata-rata {t.mean():.2f} cm".replace(".", ",") in ringkas
    assert "modus 150 cm (4 siswa)" in ringkas
    v.variabel.value = "saudara_kandung"
    s = jawaban["saudara_kandung"].astype(float)
    assert v.hasil["median"] == pytest.approx(s.median())
    assert v.hasil["modus"] == s.mode().tolist()
    assert "Saudara kandung" in alt_grafik(v.grafik.value)


# --- lesson 04: spread and box plots by group -------------------------------------------------


def kuartil_pandas(nilai: pd.Series) -> list[float]:
    return nilai.astype(float).quantile([0.25, 0.5, 0.75]).tolist()


def test_04_kotak_per_kelompok_dan_kelompok_kecil_digabung():
    moda = ["motor"] * 7 + ["sepeda"] * 3 + ["mobil"] * 2 + ["angkot"] * 2
    jawaban = isi_kelas("XI-4", 14, seed=5, moda=moda)
    v = PenyebaranKelas()
    v.kelompok.value = "moda"
    assert list(v.hasil) == [SEMUA_SISWA, "motor", "gabungan"]
    tinggi = jawaban["tinggi_cm"].astype(float)
    motor = jawaban["moda"] == "motor"
    kelompok = {SEMUA_SISWA: tinggi, "motor": tinggi[motor], "gabungan": tinggi[~motor]}
    for nama, bagian in kelompok.items():
        r = v.hasil[nama]
        assert r["n"] == len(bagian)
        assert [r["q1"], r["median"], r["q3"]] == pytest.approx(kuartil_pandas(bagian))
        assert r["terkecil"] == bagian.min() and r["terbesar"] == bagian.max()
    catatan = teks_html(v.catatan.value)
    assert "sepeda, angkot, dan mobil dipilih kurang dari 5 siswa" in catatan
    # No small group is named on the chart or in the table.
    for kecil in ("sepeda", "mobil", "angkot"):
        assert kecil not in alt_grafik(v.grafik.value) and kecil not in v.tabel_html.value


def test_04_gabungan_di_bawah_lima_tidak_dipakai_membagi():
    jawaban = isi_kelas("XI-5", 10, seed=6, tangan_dominan=["kanan"] * 7 + ["kiri"] * 3)
    v = PenyebaranKelas()
    v.kelompok.value = "tangan_dominan"
    assert list(v.hasil) == [SEMUA_SISWA]  # kiri (3) merged is still under 5: no groups
    assert "tidak ditampilkan" in teks_html(v.catatan.value)
    assert "kiri" not in alt_grafik(v.grafik.value) and "kanan" not in v.tabel_html.value
    assert v.hasil[SEMUA_SISWA]["median"] == pytest.approx(
        jawaban["tinggi_cm"].astype(float).median()
    )


# --- lesson 07: samples from the class --------------------------------------------------------


def test_07_sampel_dari_kelas_dan_rata_ratanya():
    jawaban = isi_kelas("XI-6", 20, seed=7)
    v = SampelDariKelas()
    tinggi = jawaban["tinggi_cm"].astype(float)
    s = v.hasil
    assert s.mu == pytest.approx(tinggi.mean())
    assert sorted(s.nilai) == sorted(tinggi)  # the population is the whole class
    for _ in range(4):
        v.ambil()
    s = v.hasil
    assert s.indeks.shape == (5, 5)
    for baris, rata in zip(s.indeks, s.rata, strict=True):
        assert len(set(baris)) == 5  # nobody twice in one sample
        assert rata == pytest.approx(pd.Series(s.nilai[baris]).mean())
    assert "Sampel ke-5 (5 siswa)" in teks_html(v.ringkasan.value)
    # Seeded: the same seed gives the same samples; one more keeps the earlier ones.
    lagi = SampelDariKelas()
    for _ in range(5):
        lagi.ambil()
    assert (lagi.hasil.indeks[:5] == s.indeks).all()
    lagi.seed.value = 8
    assert lagi.hasil.indeks.shape[0] == 1  # a new seed starts again
    v.ukuran.value = 15
    assert v.hasil.indeks.shape == (1, 15)


def test_07_sampel_harus_lebih_kecil_dari_kelas():
    isi_kelas("XI-7", 10, seed=8)
    v = SampelDariKelas()
    v.ukuran.value = 15
    assert v.tombol_ambil.disabled and v.grafik.value == ""
    assert "lebih kecil dari kelasnya" in teks_html(v.ringkasan.value)
    assert all(n >= data_kelas.MIN_KELOMPOK for _, n in v.ukuran.options)


# --- lesson 09: two measured variables --------------------------------------------------------


def test_09_korelasi_dan_garis_sama_dengan_pandas():
    jawaban = isi_kelas("XI-8", 15, seed=9)
    v = HubunganKelas()
    x, y = jawaban["tinggi_cm"].astype(float), jawaban["rentang_lengan_cm"].astype(float)
    assert v.hasil["r"] == pytest.approx(x.corr(y))
    kemiringan, potongan = np.polyfit(x, y, 1)
    assert v.hasil["kemiringan"] == pytest.approx(kemiringan)
    assert v.hasil["potongan"] == pytest.approx(potongan)
    assert f"r = {x.corr(y):.2f}".replace(".", ",") in alt_grafik(v.grafik.value)
    v.y.value = "tinggi_cm"
    assert "dua pertanyaan yang berbeda" in teks_html(v.ringkasan.value) and v.grafik.value == ""
    v.y.value = "layar_jam"
    assert v.hasil["r"] == pytest.approx(x.corr(jawaban["layar_jam"].astype(float)))


def test_09_tanpa_sebaran_r_tidak_dihitung():
    isi_kelas("XI-9", 8, seed=10, saudara_kandung=2)
    v = HubunganKelas()
    v.y.value = "saudara_kandung"
    assert v.hasil is None and v.grafik.value == ""
    assert "tidak bisa dihitung" in teks_html(v.ringkasan.value)
