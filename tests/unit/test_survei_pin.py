"""The teacher's PIN (literasi.kelas.pin): a salted slow hash in the kernels, one lockout in
SQLite for every kernel, and one terminal line per burst of wrong tries.

Real SQLite files, real processes (fork) standing in for kernels; time is passed in as a
number where a window must pass (the lockout counts seconds, the test does not wait).
"""

from __future__ import annotations

import hashlib
import multiprocessing as mp
import os

import pytest

from literasi.kelas import penyimpanan as survei_db
from literasi.kelas import pin
from literasi.kelas.model_dasbor import ModelDasbor
from literasi.layanan import server

PIN = "204817"
ctx = mp.get_context("fork")


@pytest.fixture(autouse=True)
def folder(tmp_path, monkeypatch):
    monkeypatch.setenv(survei_db.ENV_FOLDER, str(tmp_path))
    monkeypatch.delenv(pin.ENV_HASH, raising=False)
    return tmp_path


@pytest.fixture(scope="module")
def tersimpan() -> str:
    return pin.hash_pin(PIN)


# --- The hash -------------------------------------------------------------------------------


def test_hash_bergaram_dan_lambat(tersimpan):
    nama, n, r, p, garam, turunan = tersimpan.split("$")
    assert (nama, int(n), int(r), int(p)) == ("scrypt", 2**14, 8, 1)
    assert len(bytes.fromhex(garam)) == 16 and PIN not in tersimpan
    # An independent check of the derivation (hashlib's scrypt, as the standard defines it).
    assert hashlib.scrypt(PIN.encode(), salt=bytes.fromhex(garam), n=2**14, r=8, p=1).hex() == (
        turunan
    )
    assert pin.hash_pin(PIN) != tersimpan  # a new salt every time
    assert pin.cocok(PIN, tersimpan) and pin.cocok(f" {PIN} ", tersimpan)
    assert not pin.cocok("204818", tersimpan) and not pin.cocok("", tersimpan)
    for rusak in ("", "scrypt$1$2", tersimpan.replace("scrypt", "md5"), tersimpan + "zz"):
        assert not pin.cocok(PIN, rusak)


def test_server_memberi_kernel_hash_bukan_pin(monkeypatch):
    for nama in ("LITERASI_PIN_GURU", "LITERASI_ALAMAT", "JUPYTER_CONFIG_PATH", "JUPYTER_PATH"):
        monkeypatch.delenv(nama, raising=False)  # restored after the test
    tersimpan = pin.hash_pin(PIN)
    server.siapkan_lingkungan("http://192.0.2.5:8866/", tersimpan)
    assert os.environ[pin.ENV_HASH] == tersimpan and pin.hash_dari_env() == tersimpan
    assert PIN not in "".join(os.environ.values())


# --- One lockout for every kernel -----------------------------------------------------------


def _coba(tersimpan: str, ponsel: str, ketikan: list[str], detik: float, hasil) -> None:
    """One kernel: its own process and connection, several tries."""
    hasil.put(
        [pin.periksa(k, ponsel, tersimpan, sekarang=detik + i) for i, k in enumerate(ketikan)]
    )


def test_kunci_bersama_dua_proses(tersimpan):
    """Two kernels (pages) of one phone share one count: a new page brings no fresh tries."""
    detik, antre = 1_000_000.0, ctx.Queue()
    # One kernel after the other: 3 wrong; then 2 wrong and the right PIN.
    satu = ctx.Process(target=_coba, args=(tersimpan, "h" * 32, ["1"] * 3, detik, antre))
    satu.start()
    satu.join(30)
    dua = ctx.Process(target=_coba, args=(tersimpan, "h" * 32, ["2", "3", PIN], detik + 10, antre))
    dua.start()
    dua.join(30)
    pertama, kedua = antre.get(timeout=5), antre.get(timeout=5)
    assert [h.benar for h in pertama] == [False] * 3
    assert [h.terkunci for h in kedua] == [False, False, True]  # the right PIN refused
    assert kedua[-1].tunggu_detik > 0 and not kedua[-1].semua
    # Another device (the teacher's laptop) is not locked by this phone.
    assert pin.periksa(PIN, "g" * 32, tersimpan, sekarang=detik + 20).benar
    # The phone itself may try again once its window has passed.
    sesudah = detik + pin.JEDA_DETIK + 1
    assert pin.periksa(PIN, "h" * 32, tersimpan, sekarang=sesudah).benar


def test_kunci_untuk_semua_perangkat(tersimpan):
    """Many phones (or a script changing its cookie) lock every device, the teacher's too."""
    detik = 2_000_000.0
    n_ponsel = pin.BATAS_SEMUA // pin.BATAS_PONSEL
    for h in range(n_ponsel):
        for i in range(pin.BATAS_PONSEL):
            assert not pin.periksa("0", f"{h:032x}", tersimpan, sekarang=detik + i).benar
    guru = pin.periksa(PIN, "f" * 32, tersimpan, sekarang=detik + 30)
    assert guru.terkunci and guru.semua and not guru.benar
    assert "semua perangkat" in pin.pesan(guru)
    # Refused tries do not extend the lock: it ends one window after the wrong tries.
    for i in range(50):
        pin.periksa("0", "e" * 32, tersimpan, sekarang=detik + 40 + i)
    assert pin.periksa(PIN, "f" * 32, tersimpan, sekarang=detik + pin.JEDA_DETIK + 10).benar


def test_pin_server_lain_tidak_dihitung(tersimpan):
    """A new server run (a new PIN, a new salt) starts a new count."""
    for i in range(pin.BATAS_PONSEL):
        pin.periksa("0", "h" * 32, tersimpan, sekarang=3_000_000.0 + i)
    baru = pin.hash_pin("111111")
    assert pin.periksa("111111", "h" * 32, baru, sekarang=3_000_010.0).benar
    assert pin.ringkasan(tersimpan).salah == pin.BATAS_PONSEL
    assert pin.ringkasan(baru).salah == 0


def test_dasbor_terkunci_tidak_membuka_data(tersimpan):
    survei_db.buat_kelas("8A")
    model = ModelDasbor(hash_pin=tersimpan)
    with pytest.raises(PermissionError):
        model.muat()
    assert model.masuk("999999", "h" * 32) == "PIN salah. Lihat PIN di terminal server."
    assert not model.terbuka and model.tabel_kelas.empty
    assert model.masuk(PIN, "h" * 32) is None and model.terbuka
    assert model.kode_kelas == ["8A"] and len(model.perangkat) == 8
    assert model.ringkasan_pin().salah == 1


# --- The teacher's terminal -----------------------------------------------------------------


def test_satu_baris_per_ledakan(tersimpan, folder):
    pemantau = pin.PemantauPin(tersimpan, folder / pin.NAMA_FILE)
    detik = 4_000_000.0
    assert pemantau.periksa(detik) is None
    for i in range(12):  # a student guessing for a minute, from three pages
        pin.periksa("0", f"{i % 3:032x}", tersimpan, sekarang=detik + 5 * i)
    pin.periksa(PIN, "f" * 32, tersimpan, sekarang=detik + 56)  # the teacher: not reported
    baris = [pemantau.periksa(detik + t) for t in range(0, 120, 2)]
    laporan = [b for b in baris if b]
    assert len(laporan) == 1, laporan
    assert laporan[0].startswith("Peringatan: PIN guru salah 12 kali")
    assert "Dasbor Sensus Kelas" in laporan[0]
    # The next burst gets its own line.
    pin.periksa("0", "a" * 32, tersimpan, sekarang=detik + 500)
    laporan = [b for b in (pemantau.periksa(detik + t) for t in range(500, 540, 2)) if b]
    assert len(laporan) == 1 and "PIN guru salah 1 kali" in laporan[0]


def test_ledakan_panjang_dilaporkan_berkala_bukan_membanjir(tersimpan, folder):
    pemantau = pin.PemantauPin(tersimpan, folder / pin.NAMA_FILE)
    detik = 5_000_000.0
    laporan = []
    for t in range(0, 1200, 5):  # a script trying every 5 s for 20 minutes
        pin.periksa("0", f"{t:032x}", tersimpan, sekarang=detik + t)
        laporan.append(pemantau.periksa(detik + t + 1))
    baris = [b for b in laporan if b]
    assert 3 <= len(baris) <= 5, baris  # about one line per ULANG (5 minutes)
    assert all("masih berlangsung" in b for b in baris)
    assert "percobaan saat terkunci" in baris[-1]  # most tries are refused unchecked
