"""`literasi serve --lan --pojok` over HTTP: the corner's landing page, and teacher apps refused
before any kernel starts (a corner's screen is shared and has no teacher).

The server is started as the staff start it (lessons/program/pojok_statistik.md), bound
to 127.0.0.2, a loopback address standing in for the LAN address.
"""

from __future__ import annotations

import http.client
import re
import time

import psutil
import pytest

from conftest import (
    ARTEFAK,
    ambil,
    lingkungan_terisolasi,
    perintah_serve,
    port_bebas,
    server_berjalan,
)

pytestmark = pytest.mark.voila
IP_LAN = "127.0.0.2"


@pytest.fixture(scope="module")
def server_pojok(tmp_path_factory):
    tmp = tmp_path_factory.mktemp("pojok")
    port = port_bebas()
    url = f"http://{IP_LAN}:{port}/"
    perintah = perintah_serve(
        "--lan",
        "--ip",
        IP_LAN,
        "--port",
        str(port),
        "--pojok",
        "--pojok-diam",
        "0,1",
        "--kolam",
        "0",
    )
    ARTEFAK.mkdir(exist_ok=True)
    log = ARTEFAK / "server_pojok.log"
    with server_berjalan(perintah, url, log, lingkungan_terisolasi(tmp), tmp) as proses:
        yield url, port, log, proses.pid


def minta(port: int, path: str) -> tuple[int, str, str]:
    """GET `path` exactly as written (no client-side clean-up of "./" or "//"):
    (status, Set-Cookie, body)."""
    koneksi = http.client.HTTPConnection(IP_LAN, port, timeout=120)
    try:
        koneksi.request("GET", path)
        jawaban = koneksi.getresponse()
        return jawaban.status, jawaban.getheader("Set-Cookie") or "", jawaban.read().decode()
    finally:
        koneksi.close()


def jumlah_kernel(pid: int) -> int:
    return sum(
        "ipykernel" in " ".join(anak.cmdline())
        for anak in psutil.Process(pid).children(recursive=True)
    )


def test_terminal_tanpa_pin_guru(server_pojok):
    _, _, log, _ = server_pojok
    teks = log.read_text(encoding="utf-8")
    assert "Mode Pojok Statistik: aplikasi guru ditutup" in teks
    assert "setelah 0,1 menit" in teks
    assert "PIN guru" not in teks


def test_beranda_pojok(server_pojok):
    url, port, _, _ = server_pojok
    status, html = ambil(url)  # "/" redirects to the landing page, as the QR code opens it
    assert status == 200
    assert "<h1>Pojok Statistik BPS Kota Pekalongan</h1>" in html
    assert html.count("class='pojok-jalur'") == 3
    assert f"Kode QR menuju {url}" in html
    assert "kelas/91" not in html and "kelas/92" not in html and "kelurahan/" not in html
    _, kuki, _ = minta(port, "/voila/render/index.ipynb")
    assert "literasi_pojok_diam=6" in kuki


@pytest.mark.parametrize(
    "path",
    [
        "/voila/render/kelas/91_dasbor_sensus_kelas.ipynb",
        "/voila/render/kelas/92_kuis_kelas.ipynb",
        "/voila/render/kelas/./91_dasbor_sensus_kelas.ipynb",
        "/voila/render/kelas//91_dasbor_sensus_kelas.ipynb",
        "/voila/render/siswa/../kelas/91_dasbor_sensus_kelas.ipynb",
        "/voila/render/kelas/91_dasbor_sensus_kelas.ipynb?voila-template=lab",
    ],
)
def test_aplikasi_guru_ditolak_tanpa_kernel(server_pojok, path):
    _, port, _, pid = server_pojok
    sebelum = jumlah_kernel(pid)
    status, _, html = minta(port, path)
    assert status in (403, 404), f"{path} answered {status}"
    assert "Dasbor Sensus Kelas" not in html and "Kuis Kelas" not in html
    assert "PIN" not in html
    if status == 403:
        assert "Tidak tersedia di Pojok Statistik" in html
    time.sleep(1)  # a kernel started by the request would be a child by now
    assert jumlah_kernel(pid) == sebelum


def test_aplikasi_jalur_terbuka_dengan_kuki_diam(server_pojok):
    _, port, _, _ = server_pojok
    status, kuki, html = minta(port, "/voila/render/siswa/14_mencari_dan_mengutip_data_bps.ipynb")
    assert status == 200
    assert "Mencari dan mengutip data BPS" in html
    assert "literasi_pojok_diam=6" in kuki
    skrip = re.search(r'<script src="(/voila/templates/literasi/static/pojok\.js[^"]*)"', html)
    assert skrip, "the template loads the idle-return script"
    status, _, js = minta(port, skrip.group(1))
    assert status == 200 and "literasi_pojok_diam=(\\d+)" in js
    assert "Traceback" not in html
