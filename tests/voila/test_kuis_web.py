"""Kuis Kelas's player endpoints on a real `literasi serve --lan` (127.0.0.5, loopback): what any
phone on the school Wi-Fi can reach, and what one of them can cost.

The quiz itself is made as the host kernel makes it (literasi.kelas.kuis_penyimpanan on the same
SQLite file); the phones are websocket clients from their own loopback addresses.
"""

from __future__ import annotations

import asyncio
import json
import re
import time
import urllib.error
import urllib.request
from concurrent.futures import ThreadPoolExecutor

import pytest
from tornado.httpclient import HTTPRequest
from tornado.websocket import websocket_connect

from conftest import lingkungan_terisolasi, perintah_serve, port_bebas, server_berjalan
from literasi.kelas import kuis_penyimpanan as kp
from literasi.kelas.kuis_soal import dari_pelajaran, ke_baris_db
from literasi.kelas.kuis_web import MAKS_PER_IP

pytestmark = pytest.mark.voila

IP_LAN = "127.0.0.5"


@pytest.fixture(scope="module")
def server(tmp_path_factory):
    tmp = tmp_path_factory.mktemp("kuis_web")
    port = port_bebas()
    url = f"http://{IP_LAN}:{port}/"
    env = lingkungan_terisolasi(tmp)
    perintah = perintah_serve("--lan", "--ip", IP_LAN, "--port", str(port), "--kolam", "0")
    with server_berjalan(perintah, url, tmp / "server.log", env, tmp):
        yield {"url": url, "ws": f"ws://{IP_LAN}:{port}/kuis/ws", "db": tmp / "data_kelas"}


@pytest.fixture
def kuis(server, monkeypatch):
    """A quiz with one open question, made on the server's SQLite file as the kernel makes it."""
    monkeypatch.setenv("LITERASI_DATA_KELAS", str(server["db"]))
    con = kp.sambung()
    soal = [dari_pelajaran("06", 4), dari_pelajaran("06", 2)]
    sesi, kode = kp.buat_sesi(con, "Uji", "uji", [ke_baris_db(s) for s in soal])
    con.close()
    return {"sesi": sesi, "kode": kode, "soal": soal}


def banyak_jawaban(sesi: int) -> int:
    con = kp.sambung()
    try:
        return con.execute("SELECT COUNT(*) FROM jawaban WHERE sesi = ?", (sesi,)).fetchone()[0]
    finally:
        con.close()


async def ponsel(server, ip: str):
    return await websocket_connect(HTTPRequest(server["ws"], network_interface=ip))


async def terima(ws, jenis: str, batas: float = 10):
    """The next message of this kind (others are skipped)."""
    akhir = time.monotonic() + batas
    while time.monotonic() < akhir:
        teks = await asyncio.wait_for(ws.read_message(), akhir - time.monotonic())
        if teks is None:
            return None
        pesan = json.loads(teks)
        if pesan["t"] == jenis:
            return pesan
    raise TimeoutError(jenis)


def jalankan(coro):
    """The phones on their own event loop, in their own thread: in the full test run the
    browser tests (Playwright's sync API) keep a loop running in the main thread."""
    with ThreadPoolExecutor(1) as ex:
        return ex.submit(asyncio.run, asyncio.wait_for(coro, 60)).result()


def test_halaman_pemain_kecil_tanpa_permintaan_keluar(server):
    with urllib.request.urlopen(server["url"] + "kuis") as r:
        html = r.read().decode("utf-8")
        csp = r.headers["Content-Security-Policy"]
    assert "default-src 'none'" in csp and "connect-src 'self'" in csp
    assert len(html.encode()) < 30_000
    assert not re.search(r"(src|href)=['\"]?(https?:)?//", html), "nothing fetched from outside"
    assert '<html lang="id">' in html
    for path in ("kuis/hasil", "kuis/soal", "kuis/jawaban"):
        with pytest.raises(urllib.error.HTTPError):
            urllib.request.urlopen(server["url"] + path)


def test_gabung_jawab_dan_tanpa_cara_membuka_soal(server, kuis):
    async def main():
        kuis["con"] = kp.sambung()  # the kernel's side, in this thread
        ws = await ponsel(server, "127.0.2.1")
        await ws.write_message(json.dumps({"t": "gabung", "ruang": "0000", "nama": "Ani"}))
        assert "tidak ditemukan" in (await terima(ws, "galat"))["pesan"]
        # Messages a curious student might try: none opens a question or shows answers.
        for pesan in ({"t": "buka", "nomor": 1}, {"t": "tutup"}, {"t": "hasil"}, [1, 2], "x"):
            await ws.write_message(json.dumps(pesan))
        await ws.write_message(json.dumps({"t": "gabung", "ruang": kuis["kode"], "nama": "Ani"}))
        masuk = await terima(ws, "masuk")
        keadaan = await terima(ws, "keadaan")
        assert masuk["nama"] == "Ani" and keadaan["tahap"] == "gabung"
        assert kp.ambil_sesi(kuis["con"], kuis["sesi"])["tahap"] == "gabung"
        kp.buka_soal(kuis["con"], kuis["sesi"], 1)
        soal = await terima(ws, "keadaan")
        assert soal["tahap"] == "soal" and "hasil" not in soal  # no answer key while open
        assert set(soal["soal"]) == {"nomor", "jenis", "pertanyaan", "pilihan", "catatan", "detik"}
        kunci = "kunci-uji-000001"
        for _ in range(2):  # a double tap
            await ws.write_message(
                json.dumps({"t": "jawab", "nomor": 1, "jawaban": "0", "kunci": kunci})
            )
        pertama, kedua = await terima(ws, "diterima"), await terima(ws, "diterima")
        assert (pertama["status"], kedua["status"]) == ("baru", "sama")
        # A reload: a new connection with the saved token is the same player.
        ws.close()
        baru = await ponsel(server, "127.0.2.1")
        await baru.write_message(json.dumps({"t": "lanjut", "token": masuk["token"]}))
        assert (await terima(baru, "masuk"))["nama"] == "Ani"
        assert (await terima(baru, "keadaan"))["jawabanku"] == kuis["soal"][0].pilihan[0]
        await baru.write_message(json.dumps({"t": "lanjut", "token": "tebakan-token-123"}))
        baru.close()
        kuis["con"].close()

    jalankan(main())
    assert banyak_jawaban(kuis["sesi"]) == 1


def test_jawaban_setelah_waktu_habis_ditolak(server, kuis):
    async def main():
        kuis["con"] = kp.sambung()
        ws = await ponsel(server, "127.0.2.2")
        await ws.write_message(json.dumps({"t": "gabung", "ruang": kuis["kode"], "nama": "Budi"}))
        await terima(ws, "masuk")
        assert (await terima(ws, "keadaan"))["tahap"] == "gabung"
        kp.buka_soal(kuis["con"], kuis["sesi"], 1)
        assert (await terima(ws, "keadaan"))["tahap"] == "soal"
        # The timer ran out (as the kernel records it): the phone's answer arrives too late.
        kuis["con"].execute(
            "UPDATE sesi SET batas = ? WHERE id = ?", (time.time() - 1, kuis["sesi"])
        )
        await ws.write_message(
            json.dumps({"t": "jawab", "nomor": 1, "jawaban": "1", "kunci": "kunci-telat-0001"})
        )
        galat = await terima(ws, "galat")
        assert "Waktu habis" in galat["pesan"] and "tidak dihitung" in galat["pesan"]
        ws.close()
        kuis["con"].close()

    jalankan(main())
    assert banyak_jawaban(kuis["sesi"]) == 0


def test_satu_ponsel_tidak_bisa_menghabiskan_server(server, kuis):
    async def main():
        # A message larger than 1 KB closes that connection only.
        besar = await ponsel(server, "127.0.3.1")
        await besar.write_message(json.dumps({"t": "gabung", "nama": "x" * 5000}))
        assert await besar.read_message() is None
        assert besar.close_code == 1009
        # A flood: the first burst is answered, then the connection is closed.
        banjir = await ponsel(server, "127.0.3.2")
        for _ in range(100):
            await banjir.write_message(json.dumps({"t": "detak"}))
        balasan = 0
        while await banjir.read_message() is not None:
            balasan += 1
        assert 5 <= balasan <= 20 and banjir.close_code == 1008
        # Connections per address are bounded; another address is still served.
        dari_satu = [await ponsel(server, "127.0.3.3") for _ in range(MAKS_PER_IP)]
        lebih = await ponsel(server, "127.0.3.3")
        assert "Terlalu banyak" in json.loads(await lebih.read_message())["pesan"]
        assert await lebih.read_message() is None
        lain = await ponsel(server, "127.0.3.4")
        await lain.write_message(
            json.dumps({"t": "gabung", "ruang": kuis["kode"], "nama": "Citra"})
        )
        assert (await terima(lain, "masuk"))["nama"] == "Citra"
        for ws in (*dari_satu, lain):
            ws.close()

    jalankan(main())
