"""Lesson 14 (mencari dan mengutip data BPS): sources read from datapackage.json, the citation
checker, the view, and the exercises in the kit's exercise engine. No network anywhere."""

from __future__ import annotations

import datetime as dt
import json
import re
from html import unescape
from pathlib import Path

import pytest
from bantu import alt_grafik, png_grafik

import literasi
from literasi.data import describe_dataset
from literasi.siswa.mencari_dan_mengutip_data_bps import (
    CONTOH_TANGGAL_AKSES,
    KOTA_KITA,
    PRODUK,
    TABEL_WEB,
    DariTabelKeKutipan,
    SoalKutipan,
    SumberTabel,
    SyaratKutipan,
    daftar_soal,
    deret_kota,
    kutipan,
    periksa_kutipan,
    perubahan,
    rentang_tahun,
    sumber_tabel,
    tabel_tiruan,
    tanggal_akses,
)
from literasi.soal import Latihan, SoalBanyak, SoalPilihan

REPO = Path(__file__).resolve().parents[2]
MODUL = REPO / "widgets" / "literasi" / "siswa" / "mencari_dan_mengutip_data_bps.py"
NOTEBOOK = REPO / "notebooks" / "siswa" / "14_mencari_dan_mengutip_data_bps.ipynb"
PANDUAN = REPO / "lessons" / "siswa" / "14_mencari_dan_mengutip_data_bps.md"


@pytest.fixture(scope="module")
def soal():
    return daftar_soal()


def teks_html(html: str) -> str:
    return unescape(re.sub(r"<[^>]+>", "", html))


# --- sources ---------------------------------------------------------------------------------


@pytest.mark.parametrize("kunci", list(TABEL_WEB))
def test_sumber_dibaca_dari_datapackage(kunci):
    nama = TABEL_WEB[kunci].nama_data
    s = sumber_tabel(nama)
    asli = describe_dataset(nama)["sources"][0]["title"]
    assert s.penerbit == "BPS Provinsi Jawa Tengah" and s.situs == "jateng.bps.go.id"
    assert f"{s.penerbit}, {s.judul} ({s.situs}), lewat {s.salinan}" == asli
    assert "commit" in s.salinan  # how the kit got its copy stays on record


def test_sumber_yang_bukan_tabel_web_ditolak():
    with pytest.raises(ValueError, match="bukan tabel situs web BPS"):
        sumber_tabel("piramida_sp2020_jateng_indonesia")


def test_kutipan_dan_rentang():
    s = SumberTabel("BPS Provinsi Jawa Tengah", "Judul", "jateng.bps.go.id", "x")
    assert kutipan(s, "2020–2023", False, "1 Juni 2025", "Tabel 3.1") == (
        "BPS Provinsi Jawa Tengah. Tabel 3.1, Judul, 2020–2023. Diakses 1 Juni 2025 dari "
        "jateng.bps.go.id."
    )
    assert rentang_tahun([2024, 2020]) == "2020–2024"


def test_deret_perubahan_dan_tiruan():
    t = TABEL_WEB["ipm"]
    data = literasi.load_dataset(t.nama_data)
    deret = deret_kota(data, t)
    assert deret.loc[2024] == 77.22  # datasets/README.md, data 9
    ubah = perubahan(deret)
    assert list(ubah.index) == [2021, 2022, 2023, 2024]
    assert ubah.loc[2024] == pytest.approx(deret.loc[2024] - deret.loc[2023])
    tiruan = tabel_tiruan(data, t)
    assert tiruan["Kabupaten/kota"].tolist() == [*data["Wilayah"].iloc[:3], "…", KOTA_KITA]
    assert tiruan.loc[4, "2024"] == 77.22


# --- the citation checker --------------------------------------------------------------------


@pytest.mark.parametrize(
    "teks, tanggal",
    [
        ("Diakses 3 Februari 2025", dt.date(2025, 2, 3)),
        ("diakses pada tanggal 03/02/2025 dari situs", dt.date(2025, 2, 3)),
        ("diakses 2025-02-03", dt.date(2025, 2, 3)),
        ("(akses: 3 Feb 2025)", dt.date(2025, 2, 3)),
        ("diakses 17 Agustus 2024", dt.date(2024, 8, 17)),
        ("diakses 31 Februari 2025", None),
        ("diakses kemarin", None),
        ("3 Februari 2025", None),  # a date, but not said to be the access date
    ],
)
def test_tanggal_akses(teks, tanggal):
    assert tanggal_akses(teks)[0] == tanggal


@pytest.fixture(scope="module")
def syarat_tpt(soal):
    return soal[4].syarat


def test_kutipan_contoh_lengkap_untuk_kedua_soal(soal):
    for s in soal[4:]:
        assert s.periksa(s.jawaban_teks() + ".").benar


@pytest.mark.parametrize(
    "buang, kurang",
    [
        ("BPS Provinsi Jawa Tengah", "penerbit"),
        ("Tingkat Pengangguran Terbuka menurut Kabupaten/Kota dan Jenis Kelamin", "judul tabel"),
        (", 2023", "tahun data"),
        (f"Diakses {CONTOH_TANGGAL_AKSES} dari jateng.bps.go.id.", "tanggal akses"),
        (" Diolah.", "“diolah”"),
    ],
)
def test_satu_bagian_hilang_disebut_namanya(syarat_tpt, buang, kurang):
    lengkap = kutipan(syarat_tpt.sumber, "2023", diolah=True)
    assert buang in lengkap
    ada, hilang = periksa_kutipan(lengkap.replace(buang, ""), syarat_tpt)
    assert len(hilang) == 1 and hilang[0].startswith(kurang), hilang
    assert len(ada) == 4


@pytest.mark.parametrize(
    "teks",
    [
        "Sumber: BPS Jateng, TPT menurut jenis kelamin 2020-2023, diakses 3/2/2025, diolah",
        "Badan Pusat Statistik Provinsi Jawa Tengah (2023). Tingkat pengangguran terbuka menurut "
        "kabupaten/kota dan jenis kelamin. Diakses pada 12 Mei 2025. Data diolah.",
        "BPS Prov. Jawa Tengah — Tingkat Pengangguran Terbuka menurut Jenis Kelamin, 2020–2023 "
        "(jateng.bps.go.id, diakses 2025-05-12), diolah",
    ],
)
def test_variasi_yang_wajar_diterima(soal, teks):
    assert soal[4].periksa(teks).benar, soal[4].periksa(teks).pesan


def test_kutipan_yang_keliru(soal):
    s = soal[4]
    hasil = s.periksa("Sumber: BPS")
    assert not hasil.benar
    for bagian in ("BPS Provinsi Jawa Tengah", "judul tabel", "tahun data (2023)", "tanggal akses"):
        assert bagian in hasil.pesan
    # The access date's year is not the data year.
    hasil = s.periksa("BPS Jateng, TPT menurut jenis kelamin, diakses 3 Mei 2025, diolah")
    assert not hasil.benar and "tahun data" in hasil.pesan
    assert "tahun data yang kamu pakai" in s.periksa("BPS Jateng, TPT jenis kelamin 2019").pesan
    assert "lengkap" in s.periksa("BPS Jateng, TPT jenis kelamin 2023, diakses Mei, diolah").pesan
    assert s.periksa("   ").pesan == "Tulis kutipannya dulu."
    # Soal 6 uses the figure as it is: "diolah" is wrong there.
    apa_adanya = soal[5]
    hasil = apa_adanya.periksa(apa_adanya.jawaban_teks() + ". Diolah.")
    assert not hasil.benar and "apa adanya" in hasil.pesan


def test_kutipan_bps_saja_kurang_lima_bagian_seperti_soal_4(soal):
    s4 = soal[3]
    t = TABEL_WEB["miskin"]
    syarat = SyaratKutipan(sumber_tabel(t.nama_data), 2024, (("miskin",),), diolah=True)
    _, kurang = periksa_kutipan("Sumber: BPS", syarat)
    assert len(kurang) == len(s4.jawaban) == 5


# --- the exercises ---------------------------------------------------------------------------


def test_jenis_dan_urutan_soal(soal):
    jenis = [type(s) for s in soal]
    assert jenis == [SoalPilihan] * 3 + [SoalBanyak, SoalKutipan, SoalKutipan]
    assert [s.jawaban for s in soal[:3]] == [PRODUK[k].nama for k in ("brs", "dda", "sensus")]
    for s in soal[:3]:
        assert s.pilihan == [p.nama for p in PRODUK.values()]
        assert set(s.umpan_balik) == set(s.pilihan) - {s.jawaban}
        assert not s.periksa(next(p for p in s.pilihan if p != s.jawaban)).benar


def test_soal_4_bagian_yang_kurang(soal):
    s = soal[3]
    assert s.periksa(s.jawaban).benar
    assert not s.periksa([*s.jawaban, "nomor telepon BPS"]).benar
    assert not s.periksa(s.jawaban[:4]).benar


def test_soal_5_selisih_dari_data(soal):
    t = literasi.load_dataset(TABEL_WEB["tpt"].nama_data)
    kota = t[(t["Wilayah"] == KOTA_KITA) & (t["Tahun"] == 2023)].iloc[0]
    selisih = float(kota["Laki-laki"]) - float(kota["Perempuan"])
    assert f"{selisih:.2f}".replace(".", ",") in soal[4].penjelasan


def test_soal_kutipan_di_mesin_soal(soal):
    latihan = Latihan(soal)
    kartu = latihan.kartu[4]
    kartu.masukan.value = "Sumber: BPS"
    kartu.tombol_periksa.click()
    assert "Belum lengkap" in kartu.umpan.value and "salah" in kartu.umpan.value
    kartu.masukan.value = soal[4].jawaban_teks()
    kartu.tombol_periksa.click()
    assert "Benar!" in kartu.umpan.value and 5 in latihan.kemajuan.benar
    kartu.tombol_jawaban.click()
    assert "jateng.bps.go.id" in kartu.umpan.value
    assert kartu.masukan.description == "Kutipan soal 5"


# --- the view --------------------------------------------------------------------------------


def test_tampilan_mengganti_tabel_dan_olah():
    v = DariTabelKeKutipan()
    assert v.tabel.value == "ipm" and v.olah.value is False
    png0 = png_grafik(v.grafik.value)
    assert "Grafik garis IPM Kota Pekalongan" in alt_grafik(v.grafik.value)
    assert "2024: 77,22" in alt_grafik(v.grafik.value)
    assert ", diolah" not in teks_html(v.grafik.value)
    v.tabel.value = "miskin"  # the first control changes the chart
    assert png_grafik(v.grafik.value) != png0
    # The counts of poor people (BPS's), not the copy's recomputed percentages.
    assert "2024: 21,16" in alt_grafik(v.grafik.value) and "6,59" not in alt_grafik(v.grafik.value)
    png1 = png_grafik(v.grafik.value)
    v.olah.value = True
    assert png_grafik(v.grafik.value) != png1
    sumber = teks_html(v.grafik.value)
    assert "Sumber: BPS Provinsi Jawa Tengah, Jumlah dan Persentase Penduduk Miskin" in sumber
    assert sumber.rstrip().endswith("(jateng.bps.go.id), diolah")
    assert "perubahan" in alt_grafik(v.grafik.value)
    bagian = teks_html(v.bagian.value)
    for kata in ("Penerbit", "Judul tabel", "Nomor tabel", "Tahun data", "Tanggal akses", "Diolah"):
        assert kata in bagian
    assert v.kutipan_terakhir.endswith("Diolah.") and "2020–2024" in v.kutipan_terakhir
    assert "Tiruan" in v.tiruan.value and "<details>" in v.tiruan.value


def test_tidak_ada_alamat_web_atau_kontak_di_aplikasi():
    """Offline: no link to open; the office's contact details live in the guide only."""
    v = DariTabelKeKutipan()
    for html in (v.grafik.value, v.bagian.value, v.tiruan.value):
        assert "http" not in html and "<a " not in html
    nomor = re.compile(r"\b08\d{2}[- ]?\d{3,4}[- ]?\d{3,4}\b")
    nb = json.loads(NOTEBOOK.read_text(encoding="utf-8"))
    isi_nb = "".join("".join(c["source"]) for c in nb["cells"])
    for teks in (MODUL.read_text(encoding="utf-8"), isi_nb):
        assert not nomor.search(teks)
        assert "pekalongankota.bps.go.id" not in teks
    panduan = PANDUAN.read_text(encoding="utf-8")
    assert "Syawalan" in panduan and nomor.search(panduan)
    assert "pekalongankota.bps.go.id" in panduan
