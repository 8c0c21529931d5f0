"""Lesson 13 (dua variabel kategori): tables, percentages, P(A | B), the views, the exercises.

The Jawa Tengah tables are counted again here from the raw rows with plain loops, so a
mistake in the lesson's pandas code shows up as a difference. The class view reads a real
SQLite file in a temporary folder, written through penyimpanan as the student form does.
"""

from __future__ import annotations

import re
from html import unescape

import pandas as pd
import pytest
from bantu import alt_grafik, png_grafik

import literasi
from literasi.kelas import data_kelas
from literasi.kelas import penyimpanan as survei_db
from literasi.kelas.data_kelas import kelas_simulasi
from literasi.siswa.dua_variabel_kategori import (
    NAMA_IPM,
    NAMA_PIRAMIDA,
    PENDUDUK_JATENG_SP2020,
    SEMUA,
    VARIABEL_KELAS,
    DataKelasKita,
    JelajahJawaTengah,
    daftar_soal,
    dengan_turunan,
    harapan_bebas,
    html_tabel,
    jenis_daerah,
    kalimat_baca,
    kategori_ipm,
    pasangan_bawaan,
    peluang_bersyarat,
    persen_baris,
    persen_kolom,
    selisih_terbesar,
    tabel_daerah_ipm,
    tabel_kelas,
    tabel_umur_jenis_kelamin,
)
from literasi.soal import SoalAngka, SoalPilihan, SoalTebak


@pytest.fixture(scope="module")
def piramida():
    return literasi.load_dataset(NAMA_PIRAMIDA)


@pytest.fixture(scope="module")
def ipm():
    return literasi.load_dataset(NAMA_IPM)


@pytest.fixture(scope="module")
def soal(piramida, ipm):
    return daftar_soal(piramida, ipm)


@pytest.fixture(autouse=True)
def folder(tmp_path, monkeypatch):
    monkeypatch.setenv(survei_db.ENV_FOLDER, str(tmp_path / "data"))
    return tmp_path / "data"


def hitung_sendiri_umur(piramida) -> dict[tuple[str, str], int]:
    """(age group, sex) -> people, summed row by row from the SP2020 table."""
    hasil: dict[tuple[str, str], int] = {}
    for _, b in piramida.iterrows():
        if b["kode_bps"] != "33":
            continue
        umur = int(b["umur_mulai"])
        kelompok = "0–14" if umur < 15 else "15–64" if umur < 65 else "65+"
        kunci = (kelompok, str(b["jenis_kelamin"]))
        hasil[kunci] = hasil.get(kunci, 0) + int(b["jumlah_jiwa"])
    return hasil


def hitung_sendiri_daerah(ipm, tahun=2024) -> dict[tuple[str, str], int]:
    hasil: dict[tuple[str, str], int] = {}
    for _, b in ipm[ipm["Tahun"] == tahun].iterrows():
        nilai = float(b["Indeks Pembangunan Manusia"])
        status = (
            "sangat tinggi"
            if nilai >= 80
            else "tinggi"
            if nilai >= 70
            else "sedang"
            if nilai >= 60
            else "rendah"
        )
        kunci = (b["Wilayah"].split()[0], status)
        hasil[kunci] = hasil.get(kunci, 0) + 1
    return hasil


def teks_html(html: str) -> str:
    """Visible text: tags removed first, then entities (the text holds "<" and "≥")."""
    return unescape(re.sub(r"<[^>]+>", "", html))


# --- the tables ----------------------------------------------------------------------------


def test_tabel_umur_sama_dengan_hitungan_sendiri_dan_kamus_data(piramida):
    t = tabel_umur_jenis_kelamin(piramida)
    sendiri = hitung_sendiri_umur(piramida)
    assert {(r, c): int(t.banyak.loc[r, c]) for r in t.banyak.index for c in t.banyak} == sendiri
    assert t.total == PENDUDUK_JATENG_SP2020 == 36_516_035  # datasets/README.md, data 7
    assert list(t.banyak.index) == ["0–14", "15–64", "65+"]
    assert list(t.banyak.columns) == ["laki-laki", "perempuan"]
    assert "Sensus Penduduk 2020" in t.sumber and t.satuan == "orang"


def test_tabel_daerah_sama_dengan_hitungan_sendiri(ipm):
    t = tabel_daerah_ipm(ipm)
    sendiri = hitung_sendiri_daerah(ipm)
    ditabel = {(r, c): int(t.banyak.loc[r, c]) for r in t.banyak.index for c in t.banyak}
    assert {k: v for k, v in ditabel.items() if v} == sendiri
    assert t.total == 35 and int(t.banyak.loc["Kota"].sum()) == 6
    assert "rendah" not in t.banyak.columns  # no kab/kota below 60 in 2024
    with pytest.raises(ValueError, match="seharusnya 35"):
        tabel_daerah_ipm(ipm, 2019)


def test_kategori_dan_jenis():
    assert kategori_ipm(77.22) == "tinggi"  # Kota Pekalongan 2024, datasets/README.md
    assert [kategori_ipm(v) for v in (59.99, 60.0, 80.0)] == ["rendah", "sedang", "sangat tinggi"]
    assert jenis_daerah("Kota Tegal") == "Kota"
    with pytest.raises(ValueError):
        jenis_daerah("Provinsi Jawa Tengah")


def test_persen_baris_kolom_dan_peluang(piramida):
    b = tabel_umur_jenis_kelamin(piramida).banyak
    pb, pk = persen_baris(b), persen_kolom(b)
    assert pb.sum(axis=1).tolist() == pytest.approx([100.0] * 4)
    assert pk.sum(axis=0).tolist() == pytest.approx([100.0] * 3)
    assert pb.loc[SEMUA, "perempuan"] == pytest.approx(100 * b["perempuan"].sum() / b.sum().sum())
    sendiri = hitung_sendiri_umur(piramida)
    tua = sendiri[("65+", "laki-laki")] + sendiri[("65+", "perempuan")]
    perempuan = sum(v for (_, jk), v in sendiri.items() if jk == "perempuan")
    assert peluang_bersyarat(b, "65+", "perempuan", "baris") == pytest.approx(
        sendiri[("65+", "perempuan")] / tua
    )
    assert peluang_bersyarat(b, "65+", "perempuan", "kolom") == pytest.approx(
        sendiri[("65+", "perempuan")] / perempuan
    )
    assert pb.loc["65+", "perempuan"] / 100 == pytest.approx(
        peluang_bersyarat(b, "65+", "perempuan", "baris")
    )


def test_saling_bebas_dan_harapan():
    # A table built as row share × column share: independent, every row like SEMUA.
    bebas = pd.DataFrame({"a": [20, 10], "b": [60, 30]}, index=["x", "y"])
    assert harapan_bebas(bebas).to_numpy().tolist() == [[20.0, 60.0], [10.0, 30.0]]
    _, _, p, semua = selisih_terbesar(bebas)
    assert p == pytest.approx(semua)
    berhubungan = pd.DataFrame({"a": [30, 0], "b": [50, 40]}, index=["x", "y"])
    h = harapan_bebas(berhubungan)
    assert h.sum(axis=1).tolist() == berhubungan.sum(axis=1).tolist()
    assert h.sum(axis=0).tolist() == berhubungan.sum(axis=0).tolist()
    # Row y is 25 points from SEMUA (x only 12,5); of its two cells, the one above: b.
    assert selisih_terbesar(berhubungan) == ("y", "b", 100.0, 75.0)


def test_kalimat_baca(piramida, ipm):
    umur = tabel_umur_jenis_kelamin(piramida)
    assert "36.516.035 orang" in kalimat_baca(umur, "banyak")
    baris = kalimat_baca(umur, "baris")
    # The cell farthest from SEMUA, the one above it: women aged 65+.
    assert "P(perempuan | 65+) = 1.494.995 : 2.818.566 ≈ 0,53 (53,0%)" in baris
    assert "baris Semua (49,7% “perempuan”)" in baris
    kolom = kalimat_baca(tabel_daerah_ipm(ipm), "kolom")
    assert "P(Kota | sangat tinggi) = 4 : 4 ≈ 1,00 (100,0%)" in kolom
    assert "status IPM" in kalimat_baca(tabel_daerah_ipm(ipm), "banyak")


def test_tabel_html_per_mode(piramida):
    umur = tabel_umur_jenis_kelamin(piramida)
    banyak = teks_html(html_tabel(umur, "banyak"))
    assert "36.516.035" in banyak and "Jumlah" in banyak
    baris = teks_html(html_tabel(umur, "baris"))
    assert "53,0" in baris and "setiap baris berjumlah 100" in baris and "Semua" in baris
    assert "8,2" in teks_html(html_tabel(umur, "kolom"))


# --- the views -----------------------------------------------------------------------------


def test_jelajah_jawa_tengah_mengganti_mode_dan_tabel(piramida, ipm):
    v = JelajahJawaTengah(piramida, ipm)
    assert v.mode.value == "banyak" and v.data.value == "umur"
    png0, alt0 = png_grafik(v.grafik.value), alt_grafik(v.grafik.value)
    assert "12.836.008" in alt0 and "Sumber: BPS, Sensus Penduduk 2020" in v.grafik.value
    v.mode.value = "baris"  # the first control changes the chart
    assert png_grafik(v.grafik.value) != png0
    assert "65+: laki-laki 47,0%, perempuan 53,0%" in alt_grafik(v.grafik.value)
    assert "Semua: laki-laki 50,3%, perempuan 49,7%" in alt_grafik(v.grafik.value)
    v.data.value = "ipm"
    alt = alt_grafik(v.grafik.value)
    assert "Kota: sedang 0,0%, tinggi 33,3%, sangat tinggi 66,7%" in alt
    assert "Indeks Pembangunan Manusia" in v.grafik.value
    assert "6 kota" in teks_html(v.catatan.value)


def isi_kelas(kode: str, n: int, seed: int, **tetap) -> None:
    """n made-up answers (the simulated class's rule, which the form accepts), stored."""
    survei_db.buat_kelas(kode)
    for i, baris in enumerate(kelas_simulasi(n=n, seed=seed).astype(object).to_dict("records")):
        assert survei_db.simpan_jawaban(kode, f"{kode}-{i}", {**baris, **tetap})


def test_data_kelas_simulasi_saat_belum_ada_survei():
    v = DataKelasKita()
    assert v.kelas.value == data_kelas.SIMULASI and len(v.kelas.options) == 1
    status = teks_html(v.status.value)
    assert "Kelas simulasi" in status and "bukan data nyata" in status
    assert "simulasi" in v.catatan.value and "simulasi" in v.grafik.value
    assert "Kelas simulasi" in teks_html(v.tabel.value)
    png0 = png_grafik(v.grafik.value)
    v.mode.value = "baris"
    assert png_grafik(v.grafik.value) != png0
    assert "P(" in teks_html(v.ringkasan.value)


def test_data_kelas_dari_survei_dan_perbarui():
    isi_kelas("XI-1", 20, seed=0)  # seed 0: both groups of both questions hold >= 5
    v = DataKelasKita()
    assert v.kelas.value == "XI-1"
    assert "XI-1: 20 siswa" in teks_html(v.status.value)
    assert "simulasi" not in v.grafik.value
    # The table counts the stored answers.
    semua = survei_db.ambil_jawaban("XI-1")
    layar = semua["layar_jam"].astype(float) >= 3
    tidur = semua["tidur_jam"].astype(float) >= 8
    t = v.tabel_terakhir.banyak
    assert t.loc["layar ≥ 3 jam", "tidur ≥ 8 jam"] == (layar & tidur).sum()
    assert t.to_numpy().sum() == 20

    isi_kelas("XI-2", 6, seed=4)  # filled after the app was opened
    assert [k for _, k in v.kelas.options] == ["XI-1", data_kelas.SIMULASI]
    v.kelas.value = data_kelas.SIMULASI
    v.perbarui()
    assert [k for _, k in v.kelas.options] == ["XI-2", "XI-1", data_kelas.SIMULASI]
    assert v.kelas.value == "XI-2" and "XI-2: 6 siswa" in teks_html(v.status.value)
    v.kelas.value = "XI-1"
    assert "XI-1: 20 siswa" in teks_html(v.status.value)


def test_data_kelas_kelompok_kecil_dan_variabel_sama():
    isi_kelas("X-9", 12, seed=5, moda="motor", tangan_dominan="kanan")
    isi_kelas("X-KECIL", 3, seed=6)
    v = DataKelasKita()
    v.kelas.value = "X-9"
    v.baris.value = "moda"  # everyone by motor: one group of 12, fine
    v.kolom.value = "tangan_dominan"
    assert list(v.tabel_terakhir.banyak.index) == ["motor"]
    v.kolom.value = "moda"
    assert "Pilih dua variabel yang berbeda" in v.catatan.value and v.grafik.value == ""
    v.kelas.value = "X-KECIL"
    assert "baru punya < 5 jawaban" in teks_html(v.status.value)
    assert v.grafik.value == "" and v.tabel.value == ""


def test_kelas_yang_tidak_bisa_pasangan_awal_dibuka_dengan_pasangan_lain():
    # Seed 2: only 3 of 20 sleep 8 hours or more, so no table with sleep can be shown.
    isi_kelas("XI-3", 20, seed=2)
    kelas = data_kelas.muat_kelas("XI-3")
    assert tabel_kelas(kelas, "layar_3_jam", "tidur_8_jam").banyak.empty
    pasangan = pasangan_bawaan(kelas)
    assert "tidur_8_jam" not in pasangan
    v = DataKelasKita()
    assert v.kelas.value == "XI-3" and (v.baris.value, v.kolom.value) == pasangan
    assert not v.tabel_terakhir.banyak.empty and v.grafik.value
    v.kolom.value = "tidur_8_jam"  # chosen by the student: kept, and the screen says why
    assert v.kolom.value == "tidur_8_jam" and v.grafik.value == ""
    assert "tidak ditampilkan" in teks_html(v.catatan.value)


def test_tabel_kelas_memberi_tahu_yang_digabung():
    kelas = data_kelas.muat_kelas(data_kelas.SIMULASI)
    t = tabel_kelas(kelas, "sarapan", "moda")
    assert "gabungan" in t.banyak.columns and "digabung" in t.catatan
    assert "rekaan" in t.catatan and t.judul.startswith("Kelas simulasi")
    turunan = dengan_turunan(kelas).jawaban
    assert set(turunan["tidur_8_jam"].dropna()) <= set(VARIABEL_KELAS["tidur_8_jam"].label)
    assert (turunan["tidur_8_jam"] == "≥ 8 jam").sum() == (
        kelas.jawaban["tidur_jam"].astype(float) >= 8
    ).sum()


# --- the exercises -------------------------------------------------------------------------


def test_jenis_soal(soal):
    jenis = [type(s) for s in soal]
    assert jenis == [SoalTebak, SoalAngka, SoalPilihan, SoalAngka, SoalAngka, SoalPilihan]


def test_soal_1_dan_2_penyebut_berbeda(soal, piramida):
    sendiri = hitung_sendiri_umur(piramida)
    pr_tua = sendiri[("65+", "perempuan")]
    assert soal[0].jawaban == pytest.approx(100 * pr_tua / (pr_tua + sendiri[("65+", "laki-laki")]))
    assert soal[0].periksa("50").benar and "53,0%" in soal[0].periksa("50").pesan
    perempuan = sum(v for (_, jk), v in sendiri.items() if jk == "perempuan")
    assert soal[1].jawaban == pytest.approx(100 * pr_tua / perempuan)
    for benar in ("8,2", "8,2%", "8.24"):
        assert soal[1].periksa(benar).benar, benar
    assert not soal[1].periksa("53").benar  # P(perempuan | 65+), the other way round
    assert "Itu masih proporsi" in soal[1].periksa("0,082").pesan


def test_soal_3_arti_tanda_syarat(soal):
    s = soal[2]
    assert s.periksa("Dari penduduk 65+, bagian yang perempuan").benar
    hasil = s.periksa("Dari penduduk perempuan, bagian yang 65+")
    assert not hasil.benar and "kebalikannya" in hasil.pesan
    assert all(len(p) <= 46 for p in s.pilihan)  # one or two lines on a phone


def test_soal_4_dan_5_urutan_syarat(soal, ipm):
    sendiri = hitung_sendiri_daerah(ipm)
    kota = sum(v for (j, _), v in sendiri.items() if j == "Kota")
    st = sum(v for (_, s), v in sendiri.items() if s == "sangat tinggi")
    kota_st = sendiri[("Kota", "sangat tinggi")]
    assert soal[3].jawaban == pytest.approx(kota_st / kota)
    for benar in ("4/6", "2/3", "0,67", "66,7%", "0.667"):
        assert soal[3].periksa(benar).benar, benar
    assert not soal[3].periksa("1").benar  # P(kota | sangat tinggi)
    assert soal[4].jawaban == pytest.approx(kota_st / st)
    for benar in ("1", "4/4", "100%", "1,00"):
        assert soal[4].periksa(benar).benar, benar
    assert not soal[4].periksa("0,67").benar


def test_soal_6_saling_bebas(soal, ipm):
    s = soal[5]
    assert s.jawaban.startswith("Tidak:") and s.periksa(s.jawaban).benar
    for lain in s.pilihan:
        if lain != s.jawaban:
            assert not s.periksa(lain).benar
    harapan = harapan_bebas(tabel_daerah_ipm(ipm).banyak).loc["Kota", "sangat tinggi"]
    assert harapan == pytest.approx(6 * 4 / 35)
    assert "0,69" in s.penjelasan
