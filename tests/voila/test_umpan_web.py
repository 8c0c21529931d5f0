"""Umpan Balik Sesi's phone endpoints on a real `literasi serve --lan` (127.0.0.7, loopback):
what any phone on the Wi-Fi can reach, and that one phone's answer is stored once.

The session is made as the facilitator's kernel makes it (literasi.kelas.umpan_angket on the
same SQLite file); the phones are websocket clients with or without their `ponsel` cookie.
"""

from __future__ import annotations

import asyncio
import json
import re
import time
import urllib.request
from concurrent.futures import ThreadPoolExecutor

import pytest
from tornado.httpclient import HTTPRequest
from tornado.websocket import websocket_connect

from conftest import lingkungan_terisolasi, perintah_serve, port_bebas, server_berjalan
from literasi.kelas import umpan_angket as ua

pytestmark = pytest.mark.voila

IP_LAN = "127.0.0.7"
SKOR = dict(zip(ua.KODE, (4, 3, 2, 4, 1, 3), strict=True))


@pytest.fixture(scope="module")
def server(tmp_path_factory):
    tmp = tmp_path_factory.mktemp("umpan_web")
    port = port_bebas()
    url = f"http://{IP_LAN}:{port}/"
    env = lingkungan_terisolasi(tmp)
    perintah = perintah_serve("--lan", "--ip", IP_LAN, "--port", str(port), "--kolam", "0")
    with server_berjalan(perintah, url, tmp / "server.log", env, tmp):
        yield {"url": url, "ws": f"ws://{IP_LAN}:{port}/umpan/ws", "db": tmp / "data_kelas"}


@pytest.fixture
def sesi(server, monkeypatch):
    monkeypatch.setenv("LITERASI_DATA_KELAS", str(server["db"]))
    con = ua.sambung()
    id_sesi, kode = ua.buat_sesi(con, "Uji <b>", "Desa Cantik")
    con.close()
    return {"id": id_sesi, "kode": kode}


def banyak_jawaban(id_sesi: int) -> int:
    con = ua.sambung()
    try:
        return len(ua.tabel_jawaban(con, id_sesi))
    finally:
        con.close()


async def ponsel(server, ip: str, kunci: str | None):
    kepala = {"Cookie": f"ponsel={kunci}"} if kunci else {}
    return await websocket_connect(HTTPRequest(server["ws"], headers=kepala, network_interface=ip))


async def terima(ws, batas: float = 10):
    teks = await asyncio.wait_for(ws.read_message(), batas)
    return None if teks is None else json.loads(teks)


def jalankan(coro):
    """The phones on their own event loop, in their own thread (see test_kuis_web.py)."""
    with ThreadPoolExecutor(1) as ex:
        return ex.submit(asyncio.run, asyncio.wait_for(coro, 60)).result()


def test_halaman_kecil_dengan_cookie_ponsel(server):
    with urllib.request.urlopen(server["url"] + "umpan?kode=1234") as r:
        html = r.read().decode("utf-8")
        csp = r.headers["Content-Security-Policy"]
        cookie = r.headers["Set-Cookie"]
    assert "default-src 'none'" in csp and "connect-src 'self'" in csp
    assert len(html.encode()) < 30_000 and '<html lang="id">' in html
    assert not re.search(r"(src|href)=['\"]?(https?:)?//", html), "nothing fetched from outside"
    assert "@halaman_ringan" not in html and "function sambunganRingan" in html
    assert re.match(r"ponsel=[0-9a-f]{32};", cookie) and "HttpOnly" in cookie


def test_satu_ponsel_satu_jawaban_lewat_websocket(server, sesi):
    async def main():
        ws = await ponsel(server, "127.0.3.1", "d" * 32)
        # Messages a curious participant might try: nothing reads the answers.
        for pesan in ({"t": "hasil"}, {"t": "tutup"}, [1, 2], "x", {"t": "kirim"}):
            await ws.write_message(json.dumps(pesan))
        galat = await terima(ws)
        assert galat["t"] == "galat" and galat["medan"] == "kode"
        await ws.write_message(json.dumps({"t": "buka", "kode": sesi["kode"]}))
        angket = await terima(ws)
        assert angket["t"] == "angket" and angket["sudah"] is False
        assert angket["nama"] == "Uji <b>" and [p["kode"] for p in angket["pertanyaan"]] == list(
            ua.KODE
        )
        kurang = {"t": "kirim", "kode": sesi["kode"], "skor": {"P1": 4}, "saran": ""}
        await ws.write_message(json.dumps(kurang))
        galat = await terima(ws)
        assert galat["medan"] == "P2" and "Pertanyaan 2 (Sikap petugas)" in galat["pesan"]
        kirim = {"t": "kirim", "kode": sesi["kode"], "skor": SKOR, "saran": "ok"}
        for status in ("baru", "sama"):  # a resend after a Wi-Fi drop
            await ws.write_message(json.dumps(kirim))
            assert await terima(ws) == {"t": "diterima", "status": status}
        await ws.write_message(json.dumps(kirim | {"saran": "berubah pikiran"}))
        assert (await terima(ws))["medan"] == "sudah"
        ws.close()
        # The same phone, a new page: told it has answered.
        ws = await ponsel(server, "127.0.3.1", "d" * 32)
        await ws.write_message(json.dumps({"t": "buka", "kode": sesi["kode"]}))
        assert (await terima(ws))["sudah"] is True
        ws.close()

    jalankan(main())
    assert banyak_jawaban(sesi["id"]) == 1


def test_tanpa_cookie_tidak_tersimpan_dan_pesan_besar_ditutup(server, sesi):
    async def main():
        ws = await ponsel(server, "127.0.3.2", None)
        kirim = {"t": "kirim", "kode": sesi["kode"], "skor": SKOR, "saran": ""}
        await ws.write_message(json.dumps(kirim))
        galat = await terima(ws)
        assert "belum punya kunci" in galat["pesan"]
        await ws.write_message(json.dumps(kirim | {"saran": "x" * 5000}))
        awal = time.monotonic()
        assert await terima(ws) is None  # closed: more than 4 KB
        assert time.monotonic() - awal < 10

    jalankan(main())
    assert banyak_jawaban(sesi["id"]) == 0
