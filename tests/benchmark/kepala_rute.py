"""The response headers of each route: `literasi serve` beside a plain Jupyter Server (issue 12).

    .venv/bin/python tests/benchmark/kepala_rute.py

Starts both servers on 127.0.0.1 (the plain one with a known token, as `jupyter server` runs by
default), asks each for its landing page, an app page, a static file, an unknown address and a
kernel websocket, prints the security and cache headers of each answer as a table, and stops
every process it started.
"""

from __future__ import annotations

import asyncio
import json
import os
import re
import sys
import tempfile
import time
import urllib.error
import urllib.request
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent))

from ruang_kelas import IP, REPO, Server, log, port_bebas, server_kit, tabel_teks  # noqa: E402

TOKEN = "kepala-rute"
KEPALA = ["Content-Security-Policy", "X-Content-Type-Options", "X-Frame-Options",
          "Referrer-Policy", "Cache-Control", "Content-Type", "Retry-After"]


class ServerJupyter(Server):
    """A plain `jupyter server` (JupyterLab installed, as in the kit's environment)."""

    def __init__(self, tmp: Path):
        port = port_bebas()
        perintah = [sys.executable, "-m", "jupyter_server", "--no-browser", f"--port={port}",
                    f"--ServerApp.ip={IP}", "--ServerApp.port_retries=0",
                    f"--IdentityProvider.token={TOKEN}", f"--ServerApp.root_dir={tmp}"]
        if os.geteuid() == 0:  # a container
            perintah.append("--allow-root")
        super().__init__("jupyter_server", perintah, port, tmp, tmp)

    def tunggu_siap(self, batas: float = 120) -> None:
        akhir = time.monotonic() + batas
        while time.monotonic() < akhir:
            try:
                ambil(self.url + "api/status", True)
                return
            except OSError:
                time.sleep(0.3)
        raise TimeoutError(f"{self.nama} tidak siap dalam {batas} s")


def ambil(url: str, token: bool) -> tuple[int, dict]:
    minta = urllib.request.Request(url, headers={"Authorization": f"token {TOKEN}"} if token
                                   else {})

    class TanpaArah(urllib.request.HTTPRedirectHandler):
        def redirect_request(self, *a, **k):
            return None  # the redirect's own headers are what the route sends

    try:
        with urllib.request.build_opener(TanpaArah).open(minta, timeout=120) as r:
            return r.status, dict(r.headers)
    except urllib.error.HTTPError as e:
        return e.code, dict(e.headers)


async def kepala_websocket(url: str, token: bool) -> tuple[int, dict]:
    from tornado.httpclient import HTTPRequest
    from tornado.websocket import websocket_connect

    kepala = {"Authorization": f"token {TOKEN}"} if token else {}
    ws = await websocket_connect(HTTPRequest(url, headers=kepala),
                                 subprotocols=["v1.kernel.websocket.jupyter.org"])
    hasil = ws.headers
    ws.close()
    return 101, dict(hasil)


def kernel_baru(server: Server) -> str:
    minta = urllib.request.Request(server.url + "api/kernels", data=b"{}", method="POST",
                                   headers={"Authorization": f"token {TOKEN}",
                                            "Content-Type": "application/json"})
    with urllib.request.urlopen(minta, timeout=120) as r:
        return json.load(r)["id"]


def kunjungi(server: Server, rute: dict[str, str], token: bool, kernel_id: str) -> dict:
    hasil = {}
    for nama, path in rute.items():
        hasil[nama] = ambil(server.url + path, token)
    ws = f"ws://{IP}:{server.port}/api/kernels/{kernel_id}/channels"
    hasil["kernel ws"] = asyncio.run(kepala_websocket(ws, token))
    return hasil


def main() -> int:
    with tempfile.TemporaryDirectory() as sementara:
        tmp = Path(sementara)
        hasil = {}
        kit = server_kit(tmp, "kit", 0, ["00"])
        try:
            kit.tunggu_siap()
            app = "voila/render/siswa/00_kota_pekalongan_di_jawa_tengah.ipynb"
            with urllib.request.urlopen(kit.url + app, timeout=180) as r:
                konfig = re.search(r'id="jupyter-config-data" type="application/json">(.*?)<',
                                   r.read().decode(), flags=re.S)
            kernel_id = json.loads(konfig.group(1))["kernelId"]
            hasil["literasi serve"] = kunjungi(kit, {
                "/": "", "landing": "voila/render/index.ipynb", "app page": app,
                "static": "voila/static/voila.js", "404": "tidak-ada"}, False, kernel_id)
        finally:
            kit.stop()
        polos = ServerJupyter(tmp)
        try:
            polos.tunggu_siap()
            rute = {"/": "", "landing": "lab", "app page": "lab/tree/x.ipynb",
                    "static": "static/favicons/favicon.ico", "404": "tidak-ada"}
            hasil["jupyter_server"] = kunjungi(polos, rute, True, kernel_baru(polos))
        finally:
            polos.stop()
    baris = []
    for server, rute in hasil.items():
        for nama, (status, kepala) in rute.items():
            baris.append([server, nama, status] + [kepala.get(k, "-") for k in KEPALA])
    print(tabel_teks(["server", "rute", "status"] + KEPALA, baris))
    return 0


if __name__ == "__main__":
    log(f"repo {REPO}")
    sys.exit(main())
