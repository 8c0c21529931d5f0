"""Data kelas kita (literasi.kelas.data_kelas): a class's Sensus Kelas answers as a data source.

Real SQLite files in a temporary folder, written through penyimpanan's public functions with
answers checked by the questionnaire, as the student form does. The answers are made up here
(fixed lists or seeded random numbers), never real students' data.
"""

from __future__ import annotations

import hashlib
import random
from pathlib import Path

import numpy as np
import pandas as pd
import pytest

from literasi.kelas import data_kelas
from literasi.kelas import penyimpanan as survei_db
from literasi.kelas.data_kelas import (
    GABUNGAN,
    KOLOM,
    MIN_KELOMPOK,
    SIMULASI,
    DataKelas,
    hitung_kelompok,
    jawaban_angka,
    kelas_bawaan,
    kelas_simulasi,
    kelompok_siswa,
    muat_kelas,
    nilai_per_kelompok,
    pesan_kelompok,
    pilihan_kelas,
    tabel_silang,
)
from literasi.kelas.kuesioner import ANGKA, KATEGORI, PER_KUNCI, periksa_isian, periksa_satu


@pytest.fixture(autouse=True)
def folder(tmp_path, monkeypatch) -> Path:
    """Each test its own data folder, so nothing reads the repository's data_lokal/."""
    monkeypatch.setenv(survei_db.ENV_FOLDER, str(tmp_path / "data"))
    return tmp_path / "data"


def isian(acak: random.Random, **tetap: str) -> dict:
    """One student's form as typed (decimal commas), checked by the questionnaire."""
    tinggi = acak.uniform(145, 175)
    ketik = {
        "tinggi_cm": f"{tinggi:.1f}".replace(".", ","),
        "rentang_lengan_cm": f"{tinggi + acak.uniform(-5, 5):.0f}",
        "waktu_tempuh_menit": str(acak.randint(3, 45)),
        "moda": "motor",
        "tidur_jam": acak.choice(["6", "6,5", "7", "8", "9"]),
        "layar_jam": acak.choice(["1", "2,5", "3", "5"]),
        "pelajaran_favorit": "Matematika",
        "tangan_dominan": "kanan",
        "saudara_kandung": str(acak.randint(0, 4)),
        "sarapan": "ya",
        "air_minum_gelas": str(acak.randint(2, 10)),
        "cita_cita": "dokter",
        **tetap,
    }
    nilai, galat = periksa_isian(ketik)
    assert not galat, galat
    return nilai


def simpan(kode: str, daftar: list[dict], path: Path | None = None) -> None:
    survei_db.buat_kelas(kode, path)
    for i, jawaban in enumerate(daftar):
        assert survei_db.simpan_jawaban(kode, f"{kode}-{i}", jawaban, path)


def kelas_contoh(kode: str = "XI-1", path: Path | None = None) -> list[dict]:
    """12 students: motor 6, sepeda 3, mobil 2, jalan kaki 1; kanan 10, kiri 2; sarapan 7/5."""
    acak = random.Random(13)
    moda = ["motor"] * 6 + ["sepeda"] * 3 + ["mobil"] * 2 + ["jalan kaki"]
    tangan = ["kanan"] * 10 + ["kiri"] * 2
    sarapan = ["ya", "tidak"] * 5 + ["ya", "ya"]
    daftar = [
        isian(acak, moda=m, tangan_dominan=t, sarapan=s)
        for m, t, s in zip(moda, tangan, sarapan, strict=True)
    ]
    simpan(kode, daftar, path)
    return daftar


def sidik(path: Path) -> str:
    return hashlib.sha256(path.read_bytes()).hexdigest()


# --- which classes ---------------------------------------------------------------------------


def test_tanpa_survei_hanya_simulasi_dan_tidak_membuat_file(folder):
    assert pilihan_kelas() == [("Kelas simulasi (bukan data nyata)", SIMULASI)]
    assert kelas_bawaan() == SIMULASI
    assert muat_kelas("XI-1").n == 0
    assert not survei_db.path_db().exists(), "reading must not create the survey file"


def test_daftar_kelas_terbaru_dulu_dan_bawaan(folder):
    acak = random.Random(1)
    simpan("X-1", [isian(acak) for _ in range(7)])
    simpan("X-2", [isian(acak) for _ in range(3)])
    survei_db.buat_kelas("X-3")  # no answers: not offered
    pilihan = pilihan_kelas()
    assert [kode for _, kode in pilihan] == ["X-2", "X-1", SIMULASI]
    assert pilihan[0][0] == "Kelas X-2 (kurang dari 5 jawaban)"
    assert pilihan[1][0] == "Kelas X-1 (7 jawaban)"
    # The newest class with at least 5 answers, not the newest class.
    assert kelas_bawaan() == "X-1"
    survei_db.arsipkan_kelas("X-1")
    assert ("Kelas X-1 (7 jawaban, arsip)", "X-1") in pilihan_kelas()
    assert muat_kelas("X-1").n == 7  # an archived class can still be shown


def test_muat_kelas_hanya_jawaban_tanpa_identitas_atau_urutan_kirim(folder):
    daftar = kelas_contoh()
    kelas = muat_kelas(" xi-1 ")  # codes compare without case or spaces
    assert kelas.kode == "XI-1" and kelas.n == 12 and not kelas.simulasi
    assert list(kelas.jawaban.columns) == KOLOM
    assert not {"id", "waktu", "kunci_kirim", "kode_kelas", "cita_cita"} & set(kelas.jawaban)
    assert kelas.judul == "Kelas XI-1" and "XI-1" in kelas.sumber
    assert "simulasi" not in kelas.sumber
    # The same answers, but not in the order they were sent.
    dikirim = [d["tinggi_cm"] for d in daftar]
    dimuat = kelas.jawaban["tinggi_cm"].tolist()
    assert sorted(dimuat) == sorted(dikirim) and dimuat == sorted(dikirim)
    assert isinstance(kelas.jawaban["moda"].dtype, pd.CategoricalDtype)
    assert list(kelas.jawaban["moda"].cat.categories) == list(PER_KUNCI["moda"].pilihan)
    assert muat_kelas("TIDAK-ADA").n == 0


def test_membaca_tidak_mengubah_file(folder):
    kelas_contoh()
    path = survei_db.path_db()
    sebelum = sidik(path)
    for kode in (kelas_bawaan(), "XI-1"):
        kelas = muat_kelas(kode)
        tabel_silang(kelas, "sarapan", "moda")
    pilihan_kelas()
    assert sidik(path) == sebelum


def test_path_eksplisit(tmp_path):
    path = tmp_path / "lain.sqlite"
    assert not data_kelas.ada_survei(path) and kelas_bawaan(path) == SIMULASI
    kelas_contoh("IX-A", path)
    assert data_kelas.ada_survei(path)
    assert kelas_bawaan(path) == "IX-A" and muat_kelas("IX-A", path).n == 12
    assert kelas_bawaan() == SIMULASI  # the default file was not used


# --- what may be shown -----------------------------------------------------------------------


def test_jawaban_angka(folder):
    daftar = kelas_contoh()
    angka = jawaban_angka(muat_kelas("XI-1"))
    assert list(angka.columns) == [p.kunci for p in ANGKA]
    assert all(str(t) == "Float64" for t in angka.dtypes)
    assert sorted(angka["saudara_kandung"]) == sorted(d["saudara_kandung"] for d in daftar)
    acak = random.Random(2)
    simpan("KECIL", [isian(acak) for _ in range(MIN_KELOMPOK - 1)])
    assert jawaban_angka(muat_kelas("KECIL")).empty  # a class of 4 shows nothing


def test_jawaban_kecil_digabung(folder):
    kelas_contoh()
    kelas = muat_kelas("XI-1")
    # sepeda 3, mobil 2, jalan kaki 1: each under 5, together 6.
    assert hitung_kelompok(kelas, "moda").values.tolist() == [["motor", 6], [GABUNGAN, 6]]
    pesan = pesan_kelompok(kelas, "moda")
    assert "jalan kaki, sepeda, dan mobil" in pesan and "“gabungan”" in pesan
    assert pesan_kelompok(kelas, "sarapan") == ""
    rata = {k: v.mean() for k, v in nilai_per_kelompok(kelas, "tinggi_cm", "moda").items()}
    tinggi = kelas.jawaban["tinggi_cm"].astype(float)
    motor = kelas.jawaban["moda"] == "motor"
    assert rata == pytest.approx({"motor": tinggi[motor].mean(), GABUNGAN: tinggi[~motor].mean()})


def test_gabungan_di_bawah_5_tidak_ditampilkan(folder):
    kelas_contoh()
    kelas = muat_kelas("XI-1")
    # kiri 2: merged it is still 2, so this class is not split by writing hand at all.
    assert kelompok_siswa(kelas, "tangan_dominan").isna().all()
    assert hitung_kelompok(kelas, "tangan_dominan").empty
    assert tabel_silang(kelas, "sarapan", "tangan_dominan").empty
    assert nilai_per_kelompok(kelas, "tinggi_cm", "tangan_dominan") == {}
    assert "tidak ditampilkan" in pesan_kelompok(kelas, "tangan_dominan")


def test_tabel_silang_dari_file(folder):
    kelas_contoh()
    silang = tabel_silang(muat_kelas("XI-1"), "sarapan", "moda")
    assert list(silang.index) == ["ya", "tidak"] and list(silang.columns) == ["motor", GABUNGAN]
    # Counted here again from the rows as stored, independently of the function.
    semua = survei_db.ambil_jawaban("XI-1")
    gabung = semua["moda"].where(semua["moda"] == "motor", GABUNGAN)
    for s in ("ya", "tidak"):
        for m in ("motor", GABUNGAN):
            assert silang.loc[s, m] == ((semua["sarapan"] == s) & (gabung == m)).sum()


@pytest.mark.parametrize("seed", range(12))
def test_setiap_kelompok_yang_tampil_minimal_5_dan_semua_siswa_masuk(seed):
    """Any class, any pair of choice questions: each shown row and column holds at least 5
    students, and the table holds every student (nothing to subtract a small group from)."""
    acak = random.Random(seed)
    n = acak.choice([5, 6, 9, 15, 24, 36])
    kelas = DataKelas("Z", data_kelas._rapikan(kelas_simulasi(n=n, seed=seed)))
    for a in KATEGORI:
        bagian = kelompok_siswa(kelas, a.kunci)
        if bagian.notna().any():
            assert bagian.notna().all()
            assert bagian.value_counts().loc[lambda s: s > 0].min() >= MIN_KELOMPOK
        for b in KATEGORI:
            if a.kunci == b.kunci:
                continue
            silang = tabel_silang(kelas, a.kunci, b.kunci)
            if silang.empty:
                continue
            assert silang.sum(axis=1).min() >= MIN_KELOMPOK
            assert silang.sum(axis=0).min() >= MIN_KELOMPOK
            assert silang.to_numpy().sum() == n


# --- the simulated class ---------------------------------------------------------------------


def test_kelas_simulasi_berseed_berlabel_dan_lolos_pemeriksaan_formulir():
    kelas = muat_kelas(SIMULASI)
    assert kelas.simulasi and kelas.n == data_kelas.N_SIMULASI
    assert kelas.judul == "Kelas simulasi" and "rekaan" in kelas.sumber
    assert str(data_kelas.SEED_SIMULASI) in kelas.sumber
    assert muat_kelas(SIMULASI).jawaban.equals(kelas.jawaban)
    assert not kelas_simulasi(seed=1).equals(kelas_simulasi())
    # Every made-up answer is one the student form itself would accept, as typed.
    for _, baris in kelas_simulasi().iterrows():
        for kunci, nilai in baris.items():
            p = PER_KUNCI[kunci]
            ketik = str(nilai).replace(".", ",") if p.angka else str(nilai)
            assert periksa_satu(p, ketik) == nilai, (kunci, nilai)
    # The one built-in relation: arm span follows height.
    sim = kelas_simulasi(n=400)
    r = np.corrcoef(sim["tinggi_cm"].astype(float), sim["rentang_lengan_cm"].astype(float))[0, 1]
    assert r > 0.8
    # Dtypes as stored by penyimpanan, so a lesson handles both the same way.
    assert str(sim["tinggi_cm"].dtype) == "Float64" and str(sim["moda"].dtype) == "string"
    assert str(sim["saudara_kandung"].dtype) == "Int64"
