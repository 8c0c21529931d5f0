"""The workshop server in LAN mode lets no one in: only the apps are served.

A second server is started as a teacher would start it in class (`literasi serve --lan`), bound
to 127.0.0.2 (a loopback address standing in for the LAN address: tests never send traffic to a
real network), over a copy of notebooks/ plus one app whose cell fails.
"""

from __future__ import annotations

import http.client
import json
import re
import shutil
import sys
from concurrent.futures import ThreadPoolExecutor

import pytest
from tornado.httpclient import HTTPRequest
from tornado.ioloop import IOLoop
from tornado.websocket import websocket_connect

from conftest import (
    NOTEBOOKS,
    ambil,
    lingkungan_terisolasi,
    perintah_serve,
    pesan_kernel,
    port_bebas,
    server_berjalan,
)

pytestmark = pytest.mark.voila
IP_LAN = "127.0.0.2"
GAGAL = "siswa/99_gagal.ipynb"


@pytest.fixture(scope="module")
def server_lan(tmp_path_factory):
    tmp = tmp_path_factory.mktemp("lan")
    folder = tmp / "notebooks"
    shutil.copytree(NOTEBOOKS, folder, ignore=shutil.ignore_patterns(".ipynb_checkpoints"))
    # An app whose second cell raises: students must see a kind message, not a traceback.
    (folder / GAGAL).write_text(
        json.dumps(
            {
                "cells": [
                    {
                        "cell_type": "markdown",
                        "id": "a",
                        "metadata": {},
                        "source": "# Aplikasi gagal",
                    },
                    {
                        "cell_type": "code",
                        "id": "b",
                        "metadata": {},
                        "outputs": [],
                        "execution_count": None,
                        "source": "rahasia_guru = 'JAWABAN-42'\n1 / 0",
                    },
                ],
                "metadata": {
                    "kernelspec": {
                        "name": "python3",
                        "display_name": "Python 3",
                        "language": "python",
                    }
                },
                "nbformat": 4,
                "nbformat_minor": 5,
            }
        ),
        encoding="utf-8",
    )
    port = port_bebas()
    url = f"http://{IP_LAN}:{port}/"
    perintah = perintah_serve(
        "--lan", "--ip", IP_LAN, "--port", str(port), "--folder", str(folder), "--kolam", "0"
    )
    log = tmp / "server.log"
    with server_berjalan(perintah, url, log, lingkungan_terisolasi(tmp), tmp) as proses:
        yield url, port, log, proses.pid


def test_terminal_mencetak_alamat_dan_qr(server_lan):
    url, _, log, _ = server_lan
    teks = log.read_text(encoding="utf-8")
    assert f"Buka di browser: {url}" in teks
    assert "pindai kode ini" in teks and "█" in teks


def test_halaman_awal_menampilkan_qr_untuk_proyektor(server_lan):
    url, _, _, _ = server_lan
    status, html = ambil(url + "voila/render/index.ipynb")
    assert status == 200
    assert f"Kode QR menuju {url}" in html


@pytest.mark.parametrize(
    "path",
    [
        "lab",
        "tree",
        "voila/tree",
        "api/contents",
        "voila/api/contents",
        "api/terminals",
        "terminals/websocket/1",
        "api/sessions",
        "api/kernelspecs",
        "api/kernels",
    ],
)
def test_jalur_jupyter_ditolak(server_lan, path):
    url, _, _, _ = server_lan
    status, _ = ambil(url + path, timeout=30)
    assert status in (403, 404, 405), f"/{path} answered {status}"


def test_membuat_kernel_ditolak(server_lan):
    _, port, _, _ = server_lan
    koneksi = http.client.HTTPConnection(IP_LAN, port, timeout=30)
    koneksi.request("POST", "/api/kernels", body="{}", headers={"Content-Type": "application/json"})
    jawaban = koneksi.getresponse()
    assert jawaban.status in (403, 404, 405)
    koneksi.close()


@pytest.mark.parametrize(
    "path",
    [
        "/voila/render/../../../../etc/passwd",
        "/voila/render/%2e%2e/%2e%2e/%2e%2e/etc/passwd",
        "/voila/static/../../../../etc/passwd",
        "/voila/static/%2e%2e/%2e%2e/%2e%2e/etc/passwd",
        "/voila/files/%2e%2e/pyproject.toml",
        "/voila/files/..%2f..%2fetc%2fpasswd",
        "/voila/templates/literasi/static/%2e%2e/%2e%2e/%2e%2e/%2e%2e/etc/passwd",
    ],
)
def test_penjelajahan_jalur_ditolak(server_lan, path):
    _, port, _, _ = server_lan
    koneksi = http.client.HTTPConnection(IP_LAN, port, timeout=60)
    koneksi.request("GET", path)  # sent as written: no client-side normalisation
    jawaban = koneksi.getresponse()
    isi = jawaban.read().decode("utf-8", "replace")
    koneksi.close()
    assert jawaban.status != 200 or "root:x:0" not in isi
    assert "root:x:0" not in isi and "[build-system]" not in isi


def test_galat_tidak_menampilkan_traceback_atau_kode(server_lan):
    url, _, _, _ = server_lan
    status, html = ambil(url + "voila/render/" + GAGAL)
    assert status == 200
    assert "Maaf, bagian ini gagal dimuat" in html
    for bocor in ("Traceback", "ZeroDivisionError", "JAWABAN-42", "rahasia_guru", "1 / 0"):
        assert bocor not in html


def id_kernel(html: str) -> str:
    konfig = re.search(
        r'<script id="jupyter-config-data" type="application/json">(.*?)</script>', html, flags=re.S
    )
    return json.loads(konfig.group(1))["kernelId"]


def pesan(tipe: str, kode: str | None = None) -> str:
    eksekusi = {
        "code": kode,
        "silent": False,
        "store_history": False,
        "user_expressions": {},
        "allow_stdin": False,
    }
    return pesan_kernel(tipe, eksekusi if kode else None)


def test_execute_request_lewat_websocket_ditolak(server_lan):
    """Voilà's promise: a browser may talk to widgets, never run code in the kernel."""
    url, port, _, _ = server_lan
    _, html = ambil(url + "voila/render/siswa/00_kota_pekalongan_di_jawa_tengah.ipynb")
    kernel = id_kernel(html)

    async def coba() -> list[dict]:
        ws = await websocket_connect(
            HTTPRequest(f"ws://{IP_LAN}:{port}/api/kernels/{kernel}/channels", request_timeout=30)
        )
        ws.write_message(pesan("execute_request", "print('BOCOR' * 2)"))
        ws.write_message(pesan("kernel_info_request"))  # allowed: proves the channel is alive
        diterima = []
        while not any(m["msg_type"] == "kernel_info_reply" for m in diterima):
            teks = await ws.read_message()
            if teks is None:
                break
            m = json.loads(teks)
            diterima.append({"msg_type": m["header"]["msg_type"], "content": m["content"]})
        # Give a refused execution time to show itself if it had run.
        import asyncio

        akhir = asyncio.get_event_loop().time() + 3
        while asyncio.get_event_loop().time() < akhir:
            try:
                teks = await asyncio.wait_for(ws.read_message(), 0.5)
            except TimeoutError:
                continue
            if teks is None:
                break
            m = json.loads(teks)
            diterima.append({"msg_type": m["header"]["msg_type"], "content": m["content"]})
        ws.close()
        return diterima

    # Its own thread and event loop: Playwright's loop may already run in this one.
    with ThreadPoolExecutor(max_workers=1) as pelaksana:
        diterima = pelaksana.submit(lambda: IOLoop().run_sync(coba, timeout=60)).result()
    jenis = [m["msg_type"] for m in diterima]
    assert "kernel_info_reply" in jenis
    assert "execute_reply" not in jenis
    assert "BOCORBOCOR" not in json.dumps(diterima)


def test_kernel_hanya_mendengar_di_loopback(server_lan):
    """Kernels talk to the server over Unix sockets (Linux) or loopback: nothing of theirs
    listens on the LAN."""
    import psutil

    url, _, _, pid = server_lan
    ambil(url + "voila/render/siswa/00_kota_pekalongan_di_jawa_tengah.ipynb")
    kernel = [
        p
        for p in psutil.Process(pid).children(recursive=True)
        if "ipykernel" in " ".join(p.cmdline())
    ]
    assert kernel, "no kernel process found"
    for proses in kernel:
        alamat = {c.laddr.ip for c in proses.net_connections(kind="inet") if c.status == "LISTEN"}
        assert alamat <= {"127.0.0.1"}, f"kernel {proses.pid} listens on {alamat}"
        if sys.platform.startswith("linux"):  # literasi serve chooses the ipc transport
            assert proses.net_connections(kind="unix"), "kernel channels not on Unix sockets"
