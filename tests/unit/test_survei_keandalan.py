"""Sensus Kelas reliability: many phones at once, a killed server, double taps.

Each submitter is its own process with its own SQLite connection, like one Voilà kernel per
phone. Answers are SIMULASI (fixed made-up values), never real students' data.
"""

from __future__ import annotations

import multiprocessing as mp
import os
import signal
import sqlite3
import time

import pytest

from literasi.kelas import penyimpanan as survei_db

KELAS = "SIMULASI-K"
JAWABAN = {
    "tinggi_cm": 155.5,
    "rentang_lengan_cm": 156.0,
    "waktu_tempuh_menit": 15,
    "moda": "motor",
    "tidur_jam": 7.5,
    "layar_jam": 3.0,
    "pelajaran_favorit": "IPA",
    "tangan_dominan": "kanan",
    "saudara_kandung": 2,
    "sarapan": "ya",
    "air_minum_gelas": 6,
    "cita_cita": "simulasi",
}
PENGIRIM, PER_PENGIRIM = 40, 25

# fork: each child starts in milliseconds (no re-import of pandas), then opens its own
# connection, as a kernel would.
ctx = mp.get_context("fork")


@pytest.fixture
def db(tmp_path, monkeypatch):
    monkeypatch.setenv(survei_db.ENV_FOLDER, str(tmp_path))
    survei_db.buat_kelas(KELAS)
    return tmp_path / survei_db.NAMA_FILE


def _pengirim(nomor: int, mulai, hasil) -> None:
    """One phone: 25 answers, each through the same call the form makes (new connection)."""
    mulai.wait()
    baru = 0
    for i in range(PER_PENGIRIM):
        baru += survei_db.simpan_jawaban(KELAS, f"p{nomor}-{i}", JAWABAN)
    hasil.put((nomor, baru))


def test_40_pengirim_serentak_tanpa_hilang_tanpa_ganda(db):
    mulai, hasil = ctx.Barrier(PENGIRIM), ctx.Queue()
    proses = [ctx.Process(target=_pengirim, args=(n, mulai, hasil)) for n in range(PENGIRIM)]
    awal = time.monotonic()
    for p in proses:
        p.start()
    laporan = dict(hasil.get(timeout=60) for _ in proses)
    for p in proses:
        p.join(timeout=30)
        assert p.exitcode == 0
    lama = time.monotonic() - awal
    assert sum(laporan.values()) == PENGIRIM * PER_PENGIRIM  # every call said "stored"
    tabel = survei_db.ambil_jawaban(KELAS)
    harapan = {f"p{n}-{i}" for n in range(PENGIRIM) for i in range(PER_PENGIRIM)}
    assert len(tabel) == 1000
    assert set(tabel["kunci_kirim"]) == harapan  # 0 lost
    assert tabel["kunci_kirim"].is_unique  # 0 duplicated
    print(f"1.000 jawaban dari 40 proses dalam {lama:.1f} s")


def _penulis_terus(nomor: int, pipa: int) -> None:
    """Write answers forever; acknowledge each one on the pipe only after its COMMIT."""
    con = survei_db.sambung()
    i = 0
    while True:
        kunci = f"w{nomor}-{i}"
        if survei_db.simpan_jawaban(KELAS, kunci, JAWABAN, con=con):
            os.write(pipa, f"{kunci}\n".encode())
        i += 1


def test_sigkill_di_tengah_jalan_jawaban_yang_diakui_tetap_ada(db):
    baca, tulis = os.pipe()
    penulis = [ctx.Process(target=_penulis_terus, args=(n, tulis)) for n in range(4)]
    for p in penulis:
        p.start()
    os.close(tulis)
    diakui: list[str] = []
    sisa = b""
    with os.fdopen(baca, "rb", buffering=0) as pipa:
        while len(diakui) < 200:
            sisa += pipa.read(4096)
            *baris, sisa = sisa.split(b"\n")
            diakui += [b.decode() for b in baris]
        for p in penulis:
            os.kill(p.pid, signal.SIGKILL)  # mid-stream, possibly mid-transaction
        for p in penulis:
            p.join()
            assert p.exitcode == -signal.SIGKILL
        # Acks already in the pipe were given before the kill: read them all.
        while potong := pipa.read(4096):
            sisa += potong
        diakui += [b.decode() for b in sisa.split(b"\n") if b]

    # "Restart": a fresh connection, as a new kernel after the server comes back.
    con = sqlite3.connect(db)
    assert con.execute("PRAGMA integrity_check").fetchone()[0] == "ok"
    con.close()
    tersimpan = survei_db.ambil_jawaban(KELAS)["kunci_kirim"]
    assert set(diakui) <= set(tersimpan), "an acknowledged answer was lost"
    assert tersimpan.is_unique
    # At most one in-flight answer per writer was committed without its ack being read.
    assert len(tersimpan) - len(set(diakui)) <= len(penulis)
    # And the file still takes answers.
    assert survei_db.simpan_jawaban(KELAS, "setelah-restart", JAWABAN)


def _ketuk(kunci: str, mulai, hasil) -> None:
    mulai.wait()
    hasil.put(survei_db.simpan_jawaban(KELAS, kunci, JAWABAN))


def test_ketuk_dua_kali_satu_baris(db):
    assert survei_db.simpan_jawaban(KELAS, "ketuk", JAWABAN) is True
    assert survei_db.simpan_jawaban(KELAS, "ketuk", JAWABAN) is False
    # The same key from two processes at the same instant (two kernels, or a resend).
    for ulang in range(10):
        mulai, hasil = ctx.Barrier(2), ctx.Queue()
        dua = [
            ctx.Process(target=_ketuk, args=(f"serentak-{ulang}", mulai, hasil)) for _ in range(2)
        ]
        for p in dua:
            p.start()
        jawab = sorted(hasil.get(timeout=30) for _ in dua)
        for p in dua:
            p.join(timeout=30)
        assert jawab == [False, True]
    tabel = survei_db.ambil_jawaban(KELAS)
    assert len(tabel) == 11 and tabel["kunci_kirim"].is_unique
