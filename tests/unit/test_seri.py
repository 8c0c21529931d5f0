"""literasi.seri: the poverty, TPT and IPM series shared by lessons 02, 06, 07, 09, 10, 12 and
kelurahan 04. The oracle is the CSV files read with the standard library, not the module."""

from __future__ import annotations

import csv
import math

import pytest

from literasi import seri
from literasi.data import KOTA_KITA, datasets_dir, load_dataset

# BPS Provinsi Jawa Tengah's published March rates for the province (Berita Resmi Statistik,
# Maret 2020-2024), which the kit does not store: the panel implies them, the March table does not.
JATENG_BPS = {2020: 11.41, 2021: 11.79, 2022: 10.93, 2023: 10.77, 2024: 10.47}
JATENG_TABEL_MARET = {2020: 10.90, 2024: 9.78}


def _baca(nama: str) -> list[dict]:
    with open(datasets_dir() / f"{nama}.csv", encoding="utf-8") as f:
        return list(csv.DictReader(f))


@pytest.fixture(scope="module")
def kemiskinan():
    return seri.baca_kemiskinan()


def test_kemiskinan_memakai_persen_panel_dan_jumlah_maret(kemiskinan):
    panel = {(b["kabupaten_kota"], int(b["tahun"])): b for b in _baca(seri.NAMA_PANEL)}
    maret = {(b["Wilayah"], int(b["Tahun"])): b for b in _baca(seri.NAMA_MARET)}
    assert len(kemiskinan) == len(panel) == 210
    for baris in kemiskinan.itertuples(index=False):
        kunci = (baris[0], baris[1])
        persen, miskin, penyebut = baris[2], baris[3], baris[4]
        assert persen == float(panel[kunci]["persentase_penduduk_miskin"])
        if kunci in maret:
            assert miskin == float(maret[kunci]["Jumlah Penduduk Miskin Maret Ribu Jiwa"])
            assert penyebut == pytest.approx(miskin / persen * 100)
        else:
            assert kunci[1] == 2025 and math.isnan(miskin)  # the panel runs one year longer


def test_kota_pekalongan(kemiskinan):
    kota = seri.per_tahun(kemiskinan, seri.PERSEN)
    assert kota.to_dict() == {2020: 7.17, 2021: 7.59, 2022: 7.0, 2023: 6.81, 2024: 6.71, 2025: 6.14}
    assert seri.per_tahun(kemiskinan, seri.MISKIN)[2024] == 21.16


def test_jateng_dari_panel_sama_dengan_angka_provinsi_bps(kemiskinan):
    assert seri.kemiskinan_jateng(kemiskinan).to_dict() == JATENG_BPS


def test_seri_maret_adalah_hitungan_ulang_dengan_penduduk_sp2020():
    maret, panel = load_dataset(seri.NAMA_MARET), load_dataset(seri.NAMA_PANEL)
    beda = seri.beda_seri_kemiskinan(maret, panel)
    assert beda["baris"] == 175 and beda["berbeda"] == 174
    assert beda["dihitung_ulang"] == 175  # every March rate = count ÷ its population column
    sp2020 = load_dataset("piramida_sp2020_jateng_indonesia")
    sensus = int(sp2020.loc[sp2020["kode_bps"] == "33", "jumlah_jiwa"].sum())
    assert sensus == 36_516_035 and beda["penduduk_2020"] == pytest.approx(sensus / 1000, abs=0.05)
    assert round(beda["rata_rata"], 2) == 0.66 and round(beda["terbesar"], 2) == 2.42
    assert (beda["terbesar_wilayah"], beda["terbesar_tahun"]) == ("Kabupaten Kebumen", 2024)
    assert (beda["kota_maret"], beda["kota_panel"]) == (6.59, 6.71)
    assert (beda["jateng_maret"], beda["jateng_panel"]) == (JATENG_TABEL_MARET[2024], 10.47)
    assert seri.beda_seri_kemiskinan(maret, panel, 2020)["jateng_maret"] == 10.90


def test_median_dan_rentang(kemiskinan):
    median = seri.median_per_tahun(kemiskinan, seri.PERSEN)
    satu = sorted(
        float(b["persentase_penduduk_miskin"])
        for b in _baca(seri.NAMA_PANEL)
        if b["tahun"] == "2024"
    )
    assert median[2024] == satu[17]  # 35 values: the 18th
    rentang = seri.rentang_per_tahun(kemiskinan, seri.PERSEN)
    assert (rentang.loc[2024, "min"], rentang.loc[2024, "max"]) == (satu[0], satu[-1])


def test_tpt_dari_panel_dan_dua_salinan_cocok():
    tpt = seri.baca_tpt()
    assert sorted(set(tpt["Tahun"])) == list(range(2020, 2026)) and len(tpt) == 210
    assert seri.per_tahun(tpt, seri.TPT)[2025] == 4.83
    berbeda, dibandingkan = seri.cek_tpt(load_dataset(seri.NAMA_TPT), load_dataset(seri.NAMA_PANEL))
    assert (berbeda, dibandingkan) == (0, 140)


def test_cek_tpt_menemukan_beda():
    sakernas = load_dataset(seri.NAMA_TPT)
    sakernas.loc[0, "Total"] = sakernas.loc[0, "Total"] + 1
    assert seri.cek_tpt(sakernas, load_dataset(seri.NAMA_PANEL)) == (1, 140)


def test_ipm_dari_komponen_sama_dengan_175_baris_tabel_ipm():
    for b in _baca(seri.NAMA_IPM):
        dihitung = seri.ipm_dari_komponen(
            float(b["Usia Harapan Hidup saat Lahir (tahun)"]),
            float(b["Harapan Lama Sekolah (tahun)"]),
            float(b["Rata-rata Lama Sekolah (tahun)"]),
            float(b["Pengeluaran per kapita (ribu rupiah/orang/tahun)"]),
        )
        assert round(dihitung, 2) == float(b["Indeks Pembangunan Manusia"]), b["Wilayah"]


def test_cek_ipm():
    ipm, panel = load_dataset(seri.NAMA_IPM), load_dataset(seri.NAMA_PANEL)
    cek = seri.cek_ipm(ipm, panel)
    assert cek["ipm"] == 77.22 and round(cek["dihitung"], 2) == 77.22
    assert cek["komponen_sama"] == ["HLS", "RLS", "pengeluaran"]
    assert cek["komponen_beda"] == ["UHH"] and cek["cocok"]  # 2024: the new UHH series
    assert seri.cek_ipm(ipm, panel, tahun=2023)["komponen_beda"] == []
    teks = seri.kalimat_cek_ipm(cek)
    assert "**77,22**" in teks and "UHH berbeda" in teks and teks.endswith("Cocok.")


def test_cek_ipm_bisa_gagal():
    ipm = load_dataset(seri.NAMA_IPM)
    baris = (ipm["Wilayah"] == KOTA_KITA) & (ipm["Tahun"] == 2024)
    ipm.loc[baris, "Indeks Pembangunan Manusia"] = 77.32  # a typo in the published value
    cek = seri.cek_ipm(ipm, load_dataset(seri.NAMA_PANEL))
    assert not cek["cocok"] and "Tidak cocok" in seri.kalimat_cek_ipm(cek)
