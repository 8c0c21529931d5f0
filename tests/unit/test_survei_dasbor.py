"""The teacher dashboard's model (literasi.kelas.model_dasbor) alone: no widgets.

Real SQLite in a temporary folder; answers are SIMULASI (seeded random values).
"""

from __future__ import annotations

import io
import random
import subprocess
import sys

import pandas as pd
import pytest
from openpyxl import load_workbook

from literasi.kelas import penyimpanan as survei_db
from literasi.kelas import pin
from literasi.kelas.model_dasbor import ModelDasbor


@pytest.fixture(autouse=True)
def folder(tmp_path, monkeypatch):
    monkeypatch.setenv(survei_db.ENV_FOLDER, str(tmp_path))
    monkeypatch.delenv(pin.ENV_HASH, raising=False)


def isi(kode: str, n: int, seed: int) -> None:
    survei_db.buat_kelas(kode)
    acak = random.Random(seed)
    for i in range(n):
        jawaban = {"tinggi_cm": round(acak.uniform(140, 175), 1), "moda": "motor"}
        survei_db.simpan_jawaban(kode, f"simulasi-{kode}-{i}", jawaban)


def test_model_tanpa_ipywidgets():
    kode = "import sys, literasi.kelas.model_dasbor; print('ipywidgets' in sys.modules)"
    keluar = subprocess.run([sys.executable, "-c", kode], capture_output=True, text=True)
    assert keluar.stdout.strip() == "False", keluar.stderr


def test_kelas_jawaban_dan_banding():
    isi("SIMULASI-A", 4, 1)
    isi("SIMULASI-B", 3, 2)
    isi("SIMULASI-C", 2, 3)
    survei_db.arsipkan_kelas("SIMULASI-C")
    m = ModelDasbor()
    m.muat()
    assert m.kode_kelas == ["SIMULASI-A", "SIMULASI-B", "SIMULASI-C"] and m.versi == 1
    assert len(m.jawaban("SIMULASI-A")) == 4 and len(m.aktif()) == 7
    assert len(m.banding("SIMULASI-C")) == 9  # an archived class is compared with the rest
    assert pd.notna(m.kelas("SIMULASI-C")["diarsipkan"])
    assert pd.isna(m.kelas("SIMULASI-A")["diarsipkan"])
    assert m.kelas("TIDAK-ADA") is None


def test_buat_kelas_menolak_nama():
    m = ModelDasbor()
    m.muat()
    pesan, kode = m.buat_kelas("Budi Santoso <3")
    assert kode is None and pesan.jenis == "salah" and "Jangan memakai nama" in pesan.html
    pesan, kode = m.buat_kelas(" 8a ")
    assert (kode, pesan.jenis) == ("8A", "benar") and m.kode_kelas == ["8A"]
    pesan, kode = m.buat_kelas("8A")
    assert (kode, pesan.jenis) == ("8A", "petunjuk")


def test_sampel_berseed_dan_unduhan():
    isi("SIMULASI-A", 12, 1)
    m = ModelDasbor()
    m.muat()
    a, b = m.sampel(5, 7), m.sampel(5, 7)
    assert a.sampel["id"].tolist() == b.sampel["id"].tolist() and len(a.populasi) == 12
    with pytest.raises(ValueError):
        m.sampel(0, 7)
    isi_csv, nama, jenis = m.unduhan("csv", "SIMULASI-A")
    assert jenis == "text/csv" and nama.startswith("sensus_kelas_SIMULASI-A_")
    assert len(pd.read_csv(io.BytesIO(isi_csv), encoding="utf-8-sig")) == 12
    isi_xlsx, nama, _ = m.unduhan("xlsx", None)
    assert nama.startswith("sensus_kelas_semua_") and nama.endswith(".xlsx")
    assert load_workbook(io.BytesIO(isi_xlsx))["Data"].max_row == 13


def test_arsip_dan_reset_lewat_konfirmasi():
    isi("SIMULASI-A", 4, 1)
    m = ModelDasbor()
    m.muat()
    assert m.minta("arsip", None).jenis == "petunjuk"  # no class chosen
    m.minta("arsip", "SIMULASI-A")
    assert m.pertanyaan()[1:] == ("Ya, arsipkan", "warning")
    m.batal()
    assert m.konfirmasi is None and survei_db.status_kelas("SIMULASI-A") == "aktif"
    m.minta("arsip", "SIMULASI-A")
    assert m.ya().jenis == "benar" and survei_db.status_kelas("SIMULASI-A") == "arsip"
    m.minta("hapus", "SIMULASI-A")
    assert "dan 4 jawabannya?" in m.pertanyaan()[0]
    assert m.ya("SIMULASI-B").jenis == "salah" and m.konfirmasi is not None  # still asking
    assert "4 jawabannya sudah dihapus" in m.ya("simulasi-a").html
    assert m.kode_kelas == [] and m.konfirmasi is None
    catatan = m.catatan_hapus()
    assert catatan[["kode_kelas", "banyak"]].values.tolist() == [["SIMULASI-A", 4]]
    assert catatan["jawaban_id"].isna().all()


def test_batas_ponsel():
    survei_db.buat_kelas("8A")
    m = ModelDasbor()
    m.muat()
    assert int(m.kelas("8A")["batas_ponsel"]) == 1
    assert m.atur_batas("8A", 4).jenis == "benar" and int(m.kelas("8A")["batas_ponsel"]) == 4
    assert m.atur_batas("8A", 0).jenis == "salah"


def test_muat_hanya_jika_ada_jawaban_baru():
    """The projector's periodic look reads again only after a phone wrote (data_version)."""
    isi("SIMULASI-A", 3, 1)
    m = ModelDasbor()
    assert not m.muat_jika_berubah()  # never read: nothing to compare with
    m.muat()
    assert not m.muat_jika_berubah() and m.versi == 1
    survei_db.simpan_jawaban("SIMULASI-A", "ponsel-baru", {"tinggi_cm": 150.0, "moda": "motor"})
    assert m.muat_jika_berubah() and m.versi == 2
    assert len(m.jawaban("SIMULASI-A")) == 4
    assert not m.muat_jika_berubah()
