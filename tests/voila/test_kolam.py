"""The workshop server holding a room: gzip for phones on the school Wi-Fi, and preheated pools
that are refilled only when the room is quiet, one kernel at a time (literasi.layanan.kolam).

A real `literasi serve --pelajaran 00 --kolam 2`; kernels are counted as the server's child
processes, as a teacher's task manager would show them.
"""

from __future__ import annotations

import gzip
import time
import urllib.request
from concurrent.futures import ThreadPoolExecutor

import psutil
import pytest

from conftest import ambil, lingkungan_terisolasi, perintah_serve, port_bebas, server_berjalan
from literasi.layanan.kolam import JEDA_SEPI

pytestmark = pytest.mark.voila
APP = "siswa/00_kota_pekalongan_di_jawa_tengah.ipynb"
KOLAM = 4


PERNAH: set[int] = set()  # every kernel the server has started while these tests ran


def jumlah_kernel(pid: int) -> int:
    kini = set()
    for p in psutil.Process(pid).children():
        try:
            if "ipykernel" in " ".join(p.cmdline()):
                kini.add(p.pid)
        except psutil.Error:  # a kernel just shut down (a zombie until the server reaps it)
            continue
    PERNAH.update(kini)
    return len(kini)


def tunggu_kernel(pid: int, jumlah: int, batas: float) -> float:
    """Seconds until the server has started `jumlah` kernels in all. (Counted over time: these
    tests' phones never connect to their kernels, and the server shuts such kernels down a
    minute after their page was sent: literasi.layanan.penjaga.)"""
    mulai = time.monotonic()
    while jumlah_kernel(pid) < jumlah and len(PERNAH) < jumlah:
        if time.monotonic() - mulai > batas:
            raise TimeoutError(f"{len(PERNAH)} kernel, bukan {jumlah}, setelah {batas} s")
        time.sleep(0.2)
    return time.monotonic() - mulai


@pytest.fixture(scope="module")
def server_kolam(tmp_path_factory):
    tmp = tmp_path_factory.mktemp("kolam")
    port = port_bebas()
    url = f"http://127.0.0.1:{port}/"
    perintah = perintah_serve("--port", str(port), "--pelajaran", "00", "--kolam", str(KOLAM))
    log = tmp / "server.log"
    with server_berjalan(perintah, url, log, lingkungan_terisolasi(tmp), tmp) as p:
        tunggu_kernel(p.pid, KOLAM, 180)  # the pool of app 00 (the landing page needs none)
        yield url, p.pid, log


def unduh_gzip(alamat: str) -> tuple[str | None, int, bytes]:
    """(Content-Encoding, bytes on the wire, decompressed body), as a phone's browser asks."""
    minta = urllib.request.Request(alamat, headers={"Accept-Encoding": "gzip"})
    with urllib.request.urlopen(minta, timeout=120) as r:
        encoding, mentah = r.headers.get("Content-Encoding"), r.read()
    return encoding, len(mentah), gzip.decompress(mentah) if encoding == "gzip" else mentah


def test_guru_diberi_tahu_saat_semua_siap(server_kolam):
    """The terminal says when every warm kernel has run its app: time to let the class in."""
    _, _, log = server_kolam
    akhir = time.monotonic() + 120
    while "Siap: " not in log.read_text(encoding="utf-8") and time.monotonic() < akhir:
        time.sleep(0.5)
    teks = log.read_text(encoding="utf-8")
    assert f"Disiapkan {KOLAM} kernel untuk {APP}" in teks
    assert f"Siap: {KOLAM} kernel sudah menjalankan aplikasinya" in teks


def buka_bersamaan(url: str, n: int) -> None:
    """n phones open app 00 at the same moment; every page must arrive whole."""
    with ThreadPoolExecutor(n) as ex:
        hasil = list(ex.map(lambda _: ambil(url + "voila/render/" + APP), range(n)))
    assert [status for status, _ in hasil] == [200] * n
    assert all('"kernelId"' in html and "literasi-galat" not in html for _, html in hasil)


def test_kolam_diisi_ulang_saat_sepi_atau_hampir_habis(server_kolam):
    url, pid, _ = server_kolam
    assert jumlah_kernel(pid) == KOLAM

    # Two phones take two of the four warm kernels: no refill while phones keep arriving.
    buka_bersamaan(url, 2)
    time.sleep(JEDA_SEPI / 2)
    assert jumlah_kernel(pid) == KOLAM

    # When the room is quiet the pool is refilled, one kernel after the other.
    muncul = []
    for ke in (KOLAM + 1, KOLAM + 2):
        tunggu_kernel(pid, ke, JEDA_SEPI + 120)
        muncul.append(time.monotonic())
    assert muncul[1] - muncul[0] > 0.5, "the refills started together"
    tunggu_kernel(pid, KOLAM + 2, 1)

    # Four phones empty the pool: it is refilled at once, before the room is quiet.
    buka_bersamaan(url, 4)
    tunggu_kernel(pid, 2 + 4 + 1, JEDA_SEPI / 2)
    # A fifth phone takes the kernel being warmed (it must not wait for a quiet room)...
    buka_bersamaan(url, 1)
    dipakai = 2 + 4 + 1
    # ...and the pool still fills up again: no phone's wait leaves the refills blocked.
    tunggu_kernel(pid, dipakai + KOLAM, JEDA_SEPI + 180)


def test_skrip_dan_halaman_dikirim_gzip(server_kolam):
    url, _, _ = server_kolam
    skrip = url + "voila/static/voila.js"
    encoding, terkirim, isi = unduh_gzip(skrip)
    assert encoding == "gzip"
    assert isi == urllib.request.urlopen(skrip, timeout=120).read()
    assert terkirim < len(isi) / 2
    for halaman in ("index.ipynb", APP):  # the landing page (written by the server) and an app
        encoding, _, isi = unduh_gzip(url + "voila/render/" + halaman)
        assert encoding == "gzip" and b'lang="id"' in isi, halaman
