"""K02 on 44 realistic kelurahan files made at run time (tests/unit/korpus_kelurahan.py):
each gets its expected shape, total, tables, reasons and located messages; the bytes are never
changed; every file still gives an Excel workbook and a PDF report with something in it."""

from __future__ import annotations

import hashlib
import io

import pytest
from korpus_kelurahan import korpus
from openpyxl import load_workbook

from literasi import ekspor
from literasi.kelurahan.olah_data import OlahData

KORPUS = korpus()


def test_korpus_cukup_besar_dan_beragam():
    assert len(KORPUS) >= 40
    akhiran = {b.nama.rsplit(".", 1)[1] for b in KORPUS.values()}
    assert {"xlsx", "xls", "ods", "csv", "tsv", "txt"} <= akhiran


@pytest.fixture(scope="module")
def model():
    return {k: OlahData(b.nama, b.isi) for k, b in KORPUS.items()}


@pytest.mark.parametrize("kunci", list(KORPUS))
def test_berkas_dibaca_seperti_yang_diharapkan(kunci, model):
    b, m = KORPUS[kunci], model[kunci]
    teks = [x.teks() for x in m.masalah]
    if b.ditolak:
        assert m.hasil.tabel is None and any(b.ditolak in t for t in teks), teks
    if b.bentuk:
        assert m.bentuk is not None and b.bentuk in m.bentuk.kalimat(), m.bentuk
    if b.total is not None:
        assert int(m.data["J"].sum()) == b.total
    for tempat, kata in b.pesan:
        assert any(t.startswith(tempat) and kata in t for t in teks), (tempat, kata, teks)
    if b.catatan:
        assert any(b.catatan in c for c in m.hasil.catatan), m.hasil.catatan
    assert b.tabel <= {t.lembar for t in m.keluaran.tabel}
    for kata in b.belum:
        assert any(kata in f"{a}: {c}" for a, c in m.keluaran.belum), m.keluaran.belum


@pytest.mark.parametrize("kunci", list(KORPUS))
def test_bytes_asli_tidak_berubah(kunci, model):
    b, m = KORPUS[kunci], model[kunci]
    assert m.asli == b.isi and m.sidik == hashlib.sha256(b.isi).hexdigest()


@pytest.mark.parametrize(
    "kunci",
    [
        "rw_bersih",
        "rw_jumlah_saja",
        "tanpa_kolom_rw_tetap_diperiksa",
        "hanya_catatan",
        "satu_lembar_per_rw",
        "umur_lebar_dua_baris",
    ],
)
def test_unduhan_tidak_pernah_kosong(kunci, model):
    m = model[kunci]
    buku = load_workbook(io.BytesIO(m.buat_excel()))
    meta = {r[0]: r[1] for r in buku["Metadata"].iter_rows(values_only=True) if r and r[0]}
    assert meta["Berkas asal"] == KORPUS[kunci].nama
    for apa, alasan in m.keluaran.belum:
        assert meta[f"Tidak dibuat: {apa}"] == alasan
    assert any(k.startswith("Pemetaan kolom") for k in meta) or m.hasil.tabel is None
    pdf = m.buat_pdf()
    assert ekspor.hitung_halaman(pdf) == ekspor.jumlah_halaman_pdf(m.bagian_pdf()) >= 3
    judul = [b.judul for b in m.bagian_pdf()]
    assert "Hasil pemeriksaan berkas" in judul
    if m.keluaran.belum:
        assert "Tabel yang belum bisa dibuat" in judul


def test_lembar_per_rw_menjumlah_dari_nama_lembar(model):
    m = model["satu_lembar_per_rw"]
    per_rw = next(t.data for t in m.keluaran.tabel if t.lembar == "Per RW")
    assert list(per_rw["RW"]) == ["RW 01", "RW 02", "RW 03", "RW 04"]


def test_pemetaan_bisa_dibetulkan_pengguna(model):
    from literasi.kelurahan.bentuk import Peran

    m = OlahData(KORPUS["rw_bersih"].nama, KORPUS["rw_bersih"].isi)
    sebelum = int(m.data["J"].sum())
    m.ubah_peran("P", Peran("abaikan"))
    assert "laki-laki dan perempuan" not in m.bentuk.kalimat()
    assert int(m.data["J"].sum()) == sebelum  # the L+P column still gives the total
    assert "Jenis kelamin" not in {t.lembar for t in m.keluaran.tabel}
    assert any("Kolom C “P” tidak dipakai" in k for k in m.kalimat_pemetaan())
    buku = load_workbook(io.BytesIO(m.buat_excel()))
    meta = {r[0]: r[1] for r in buku["Metadata"].iter_rows(values_only=True) if r and r[0]}
    assert meta["Pemetaan kolom C “P”"] == "tidak dipakai"


def test_ejaan_kode_diseragamkan_dan_bisa_diurungkan():
    b = KORPUS["rw_ejaan_beragam"]
    m = OlahData(b.nama, b.isi)
    assert "seragamkan_kode" in [lk.kode for lk, _ in m.pembersihan.tersedia(m.pemetaan)]
    m.terapkan("seragamkan_kode")
    assert list(m.sumber[0].tabel["RW"]) == [1, 2, 3, 4]
    assert not any("ditulis dengan" in x.pesan for x in m.masalah)
    m.urungkan("seragamkan_kode")
    assert list(m.sumber[0].tabel["RW"]) == ["RW 01", "rw2", "RW.03", "04"]
    assert m.asli == b.isi


def test_pilih_lembar_lain():
    b = KORPUS["sampul_lalu_lembar_per_rw"]
    m = OlahData(b.nama, b.isi)
    assert m.hasil.lembar_tabel == ["RW 01", "RW 02", "RW 03", "RW 04"]
    m.pilih_lembar("RW 02")
    assert m.hasil.lembar == "RW 02"
    assert any("pilihan Anda" in c for c in m.hasil.catatan)
