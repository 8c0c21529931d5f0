"""One curious student cannot stop the class: attacks from one phone on the school Wi-Fi.

A real `literasi serve --lan` runs on 127.0.0.3 (a loopback address standing in for the LAN
address; nothing goes to a real network) with today's lesson 00 warmed. Each test plays one
attack the way a student with a laptop on the same Wi-Fi could, then checks that the rest of
the class is untouched: a fresh phone gets the landing page in under a second and a warm app.
"""

from __future__ import annotations

import asyncio
import json
import re
import time
import urllib.request
from concurrent.futures import ThreadPoolExecutor

import psutil
import pytest
from tornado.httpclient import HTTPRequest
from tornado.ioloop import IOLoop
from tornado.websocket import WebSocketClosedError, websocket_connect

from conftest import lingkungan_terisolasi, perintah_serve, port_bebas, server_berjalan

pytestmark = pytest.mark.voila

IP_LAN = "127.0.0.3"
APLIKASI = "siswa/00_kota_pekalongan_di_jawa_tengah.ipynb"
V1 = "v1.kernel.websocket.jupyter.org"


class Kelas:
    """The server under attack, and what a fresh phone in the class would get from it."""

    def __init__(self, url: str, port: int, pid: int, log):
        self.url, self.port, self.pid, self.log = url, port, pid, log

    def ambil(self, path: str, batas: float = 5.0) -> tuple[int, str, float]:
        t0 = time.monotonic()
        with urllib.request.urlopen(self.url + path, timeout=batas) as r:
            return r.status, r.read().decode("utf-8"), time.monotonic() - t0

    def log_sejak(self, posisi: int) -> str:
        """What the teacher's terminal received after `posisi` (a length of the log)."""
        return self.log.read_text(encoding="utf-8")[posisi:]

    def panjang_log(self) -> int:
        return len(self.log.read_text(encoding="utf-8"))

    def memori_mb(self) -> float:
        return psutil.Process(self.pid).memory_info().rss / 2**20

    def masih_jalan(self) -> None:
        """A fresh phone: the landing page within a second, then a warm app."""
        status, html, detik = self.ambil("voila/render/index.ipynb")
        assert status == 200 and "literasi-kartu" in html
        assert detik < 1.0, f"the landing page took {detik:.2f} s"
        status, html, detik = self.ambil("voila/render/" + APLIKASI, batas=60)
        assert status == 200 and id_kernel(html)
        assert detik < 5.0, f"the app took {detik:.2f} s"


def id_kernel(html: str) -> str:
    konfig = re.search(
        r'<script id="jupyter-config-data" type="application/json">(.*?)</script>', html, flags=re.S
    )
    return json.loads(konfig.group(1))["kernelId"]


@pytest.fixture(scope="module")
def kelas(tmp_path_factory) -> Kelas:
    tmp = tmp_path_factory.mktemp("penyerang")
    port = port_bebas()
    url = f"http://{IP_LAN}:{port}/"
    perintah = perintah_serve(
        "--lan", "--ip", IP_LAN, "--port", str(port), "--pelajaran", "00", "--kolam", "4"
    )
    log = tmp / "server.log"
    with server_berjalan(perintah, url, log, lingkungan_terisolasi(tmp), tmp) as proses:
        k = Kelas(url, port, proses.pid, log)
        akhir = time.monotonic() + 120
        while "Siap:" not in log.read_text(encoding="utf-8") and time.monotonic() < akhir:
            time.sleep(0.5)
        k.masih_jalan()
        yield k


def jalankan_async(coro_fn, batas: float = 60):
    """Run a coroutine on a loop of its own thread (Playwright may own this thread's loop)."""
    with ThreadPoolExecutor(max_workers=1) as pelaksana:
        return pelaksana.submit(lambda: IOLoop().run_sync(coro_fn, timeout=batas)).result()


def kirim_ke_kernel_sendiri(kelas: Kelas, bingkai: list, subprotokol: list[str]) -> str:
    """Open an app as a phone, connect to its own kernel's websocket, send frames; return how
    the connection ended ("ditutup" when the server closed it, "terbuka" otherwise)."""
    _, html, _ = kelas.ambil("voila/render/" + APLIKASI, batas=60)
    kernel = id_kernel(html)

    async def serang():
        ws = await websocket_connect(
            HTTPRequest(
                f"ws://{IP_LAN}:{kelas.port}/api/kernels/{kernel}/channels", request_timeout=10
            ),
            subprotocols=subprotokol,
        )
        try:
            for b in bingkai:
                await ws.write_message(b, binary=isinstance(b, bytes))
        except WebSocketClosedError:
            return "ditutup"
        akhir = asyncio.get_event_loop().time() + 3
        while asyncio.get_event_loop().time() < akhir:
            try:
                pesan = await asyncio.wait_for(ws.read_message(), 0.5)
            except TimeoutError:
                continue
            if pesan is None:
                return "ditutup"
        ws.close()
        return "terbuka"

    return jalankan_async(serang)


BINGKAI_RUSAK = {
    # jupyter_server's v1 reader loops on this offset count: the event loop never returns.
    "v1_ff16": ([b"\xff" * 16], [V1]),
    "v1_offset_di_luar": ([(7).to_bytes(8, "little") + b"\x00" * 8 * 7 + b"shell"], [V1]),
    "v1_teks": (["bukan biner"], [V1]),
    # The legacy reader builds a struct format as long as the count in the first 4 bytes.
    "lama_biner_raksasa": ([b"\x7f\xff\xff\xff" + b"\x00" * 12], []),
    "lama_json_daftar": (["[1, 2, 3]"], []),
    "lama_bukan_json": (["{bukan json"], []),
}


@pytest.mark.parametrize("serangan", BINGKAI_RUSAK)
def test_bingkai_rusak_tidak_menghentikan_kelas(kelas, serangan):
    bingkai, subprotokol = BINGKAI_RUSAK[serangan]
    sebelum, log = kelas.memori_mb(), kelas.panjang_log()
    with ThreadPoolExecutor(max_workers=1) as pelaksana:
        hasil = pelaksana.submit(kirim_ke_kernel_sendiri, kelas, bingkai, subprotokol)
        time.sleep(1.0)  # the attack is in flight: the class must still be served
        kelas.masih_jalan()
        assert hasil.result(timeout=60) == "ditutup", "the server kept the bad websocket open"
    kelas.masih_jalan()
    assert kelas.memori_mb() - sebelum < 100, "the server's memory grew"
    assert "Traceback" not in kelas.log_sejak(log), "a traceback reached the teacher's terminal"
