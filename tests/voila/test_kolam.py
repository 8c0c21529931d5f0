"""The workshop server holding a room: gzip for phones on the school Wi-Fi, and preheated pools
that are refilled only when the room is quiet, one kernel at a time (literasi.kolam).

A real `literasi serve --pelajaran 00 --kolam 2`; kernels are counted as the server's child
processes, as a teacher's task manager would show them.
"""

from __future__ import annotations

import gzip
import sys
import time
import urllib.request
from concurrent.futures import ThreadPoolExecutor

import psutil
import pytest

from conftest import ambil, lingkungan_terisolasi, port_bebas, server_berjalan
from literasi.kolam import JEDA_SEPI

pytestmark = pytest.mark.voila
APP = "siswa/00_kota_pekalongan_di_jawa_tengah.ipynb"
KOLAM = 2


def jumlah_kernel(pid: int) -> int:
    return sum("ipykernel" in " ".join(p.cmdline()) for p in psutil.Process(pid).children())


def tunggu_kernel(pid: int, jumlah: int, batas: float) -> float:
    """Seconds until the server has `jumlah` kernels."""
    mulai = time.monotonic()
    while jumlah_kernel(pid) < jumlah:
        if time.monotonic() - mulai > batas:
            raise TimeoutError(f"{jumlah_kernel(pid)} kernel, bukan {jumlah}, setelah {batas} s")
        time.sleep(0.2)
    return time.monotonic() - mulai


@pytest.fixture(scope="module")
def server_kolam(tmp_path_factory):
    tmp = tmp_path_factory.mktemp("kolam")
    port = port_bebas()
    url = f"http://127.0.0.1:{port}/"
    perintah = [sys.executable, "-m", "literasi", "serve", "--port", str(port)]
    perintah += ["--pelajaran", "00", "--kolam", str(KOLAM)]
    with server_berjalan(perintah, url, tmp / "server.log", lingkungan_terisolasi(tmp), tmp) as p:
        tunggu_kernel(p.pid, 1 + KOLAM, 180)  # landing page + the pool of app 00
        yield url, p.pid


def unduh_gzip(alamat: str) -> tuple[str | None, int, bytes]:
    """(Content-Encoding, bytes on the wire, decompressed body), as a phone's browser asks."""
    minta = urllib.request.Request(alamat, headers={"Accept-Encoding": "gzip"})
    with urllib.request.urlopen(minta, timeout=120) as r:
        encoding, mentah = r.headers.get("Content-Encoding"), r.read()
    return encoding, len(mentah), gzip.decompress(mentah) if encoding == "gzip" else mentah


def test_skrip_dan_halaman_dikirim_gzip(server_kolam):
    url, _ = server_kolam
    skrip = url + "voila/static/voila.js"
    encoding, terkirim, isi = unduh_gzip(skrip)
    assert encoding == "gzip"
    assert isi == urllib.request.urlopen(skrip, timeout=120).read()
    assert terkirim < len(isi) / 2
    encoding, _, halaman = unduh_gzip(url + "voila/render/index.ipynb")
    assert encoding == "gzip"
    assert b'"kernelId"' in halaman and b'lang="id"' in halaman


def test_kolam_diisi_ulang_saat_sepi_satu_per_satu(server_kolam):
    url, pid = server_kolam
    awal = jumlah_kernel(pid)
    # Three phones at once on a pool of two: the third must not wait for a quiet room.
    with ThreadPoolExecutor(3) as ex:
        hasil = list(ex.map(lambda _: ambil(url + "voila/render/" + APP), range(3)))
    assert [status for status, _ in hasil] == [200, 200, 200]
    assert all('"kernelId"' in html and "literasi-galat" not in html for _, html in hasil)
    assert jumlah_kernel(pid) == awal + 1, "only the third phone started a kernel"

    # While phones keep arriving nothing is refilled: the cores are theirs.
    time.sleep(JEDA_SEPI / 2)
    assert jumlah_kernel(pid) == awal + 1

    # When the room is quiet the pool is refilled, one kernel after the other.
    muncul = []
    for ke in range(awal + 2, awal + 1 + KOLAM + 1):
        tunggu_kernel(pid, ke, JEDA_SEPI + 120)
        muncul.append(time.monotonic())
    assert muncul[1] - muncul[0] > 0.5, "the refills started together"
