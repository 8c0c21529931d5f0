"""One curious student cannot stop the class: attacks from one phone on the school Wi-Fi.

A real `literasi serve --lan` runs on 127.0.0.3 (a loopback address standing in for the LAN
address; nothing goes to a real network) with today's lesson 00 warmed. Each test plays one
attack the way a student with a laptop on the same Wi-Fi could, then checks that the rest of
the class is untouched: a fresh phone gets the landing page in under a second and a warm app.
"""

from __future__ import annotations

import asyncio
import html
import http.cookiejar
import json
import re
import sqlite3
import time
import urllib.error
import urllib.request
import uuid
from concurrent.futures import ThreadPoolExecutor
from pathlib import Path

import psutil
import pytest
from tornado.httpclient import HTTPRequest
from tornado.ioloop import IOLoop
from tornado.websocket import WebSocketClosedError, websocket_connect

from conftest import lingkungan_terisolasi, perintah_serve, port_bebas, server_berjalan
from literasi.kelas.kuesioner import PERTANYAAN

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


# --- The class survey and the teacher's PIN (issue 12, points 6 and 7) -----------------------
#
# A phone here is a cookie jar (its browser) and pages that speak the page's own widget
# protocol over their kernel's websocket (the legacy JSON one: no subprotocol): set a value,
# click a button, read what the kernel sends back. Classes are made directly in the server's
# SQLite file, as the teacher's dashboard would.

SENSUS = "kelas/90_sensus_kelas.ipynb"
DASBOR = "kelas/91_dasbor_sensus_kelas.ipynb"


def data_kelas(kelas: Kelas) -> Path:
    """The server's class-survey database (the folder the server was started with; made on
    first use, as the dashboard would)."""
    folder = Path(psutil.Process(kelas.pid).environ()["LITERASI_DATA_KELAS"])
    folder.mkdir(parents=True, exist_ok=True)
    return folder / "sensus_kelas.sqlite"


def banyak_jawaban(kelas: Kelas, kode: str) -> int:
    with sqlite3.connect(data_kelas(kelas)) as con:
        sql = "SELECT COUNT(*) FROM jawaban WHERE kode_kelas = ?"
        return con.execute(sql, (kode,)).fetchone()[0]


def buat_kelas(kelas: Kelas, kode: str, arsip: bool = False) -> None:
    from literasi.kelas import penyimpanan

    penyimpanan.buat_kelas(kode, data_kelas(kelas))
    if arsip:
        penyimpanan.arsipkan_kelas(kode, data_kelas(kelas))


class Ponsel:
    """One phone's browser: its cookies, and the app links its landing page shows it."""

    def __init__(self, kelas: Kelas):
        self.kelas = kelas
        self.kue = http.cookiejar.CookieJar()
        self.pembuka = urllib.request.build_opener(urllib.request.HTTPCookieProcessor(self.kue))
        with self.pembuka.open(kelas.url, timeout=30) as r:  # the QR code's address
            self.beranda = r.read().decode("utf-8")

    def tautan(self, notebook: str) -> str:
        """The app's link as the landing page writes it for this phone."""
        cocok = re.search(rf"href='({re.escape(notebook)}[^']*)'", self.beranda)
        return self.kelas.url + "voila/render/" + html.unescape(cocok.group(1))

    def buka(self, notebook: str) -> str:
        """Open (or reload) the app: its page's HTML, the kernel started for it."""
        with self.pembuka.open(self.tautan(notebook), timeout=120) as r:
            return r.read().decode("utf-8")

    def tutup_tab(self, kernel: str) -> None:
        """What the page does when its tab closes: ask the server to shut its kernel down."""
        xsrf = next(c.value for c in self.kue if c.name == "_xsrf")
        url = f"{self.kelas.url}voila/api/shutdown/{kernel}"
        permintaan = urllib.request.Request(url, data=f"_xsrf={xsrf}".encode(), method="POST")
        try:
            self.pembuka.open(permintaan, timeout=30).close()
        except urllib.error.HTTPError:
            pass  # a kernel killed by the test is gone already


def tunggu_tenang(kelas: Kelas, batas: float = 120) -> None:
    """Until the server and its kernels stop using the CPU (pages started by an attack have
    run, pool refills are done): then the class is checked, not the attack's own load."""
    akhir, jejak = time.monotonic() + batas, []
    while time.monotonic() < akhir:
        proses = [psutil.Process(kelas.pid), *psutil.Process(kelas.pid).children(recursive=True)]
        jejak.append(sum(sum(p.cpu_times()[:2]) for p in proses if p.is_running()))
        if len(jejak) >= 4 and jejak[-1] - jejak[-4] < 0.3:
            return
        time.sleep(1)


def sesudah_serangan(kelas: Kelas, ponsel: Ponsel, *halaman: Halaman) -> None:
    """The attacker's tabs close; once the room is quiet, a fresh phone must be served."""
    for h in halaman:
        ponsel.tutup_tab(h.kernel)
    tunggu_tenang(kelas)
    kelas.masih_jalan()


class Halaman:
    """One opened page, spoken to as Chromium does: widget states, changes, clicks."""

    def __init__(self, kelas: Kelas, html_halaman: str):
        self.kelas, self.kernel = kelas, id_kernel(html_halaman)
        self.sesi = uuid.uuid4().hex
        self.states: dict[str, dict] = {}  # model id -> state, kept up to date
        self.ws = None

    async def sambung(self) -> None:
        url = f"ws://{IP_LAN}:{self.kelas.port}/api/kernels/{self.kernel}/channels"
        self.ws = await websocket_connect(
            HTTPRequest(f"{url}?session_id={self.sesi}", request_timeout=60)
        )
        await self._tunggu(self._kirim("kernel_info_request", {}), "kernel_info_reply")
        kendali = uuid.uuid4().hex
        self._kirim(
            "comm_open",
            {"comm_id": kendali, "target_name": "jupyter.widget.control", "data": {}},
            {"version": "1.0.0"},
        )
        pesan = await self._baca(
            lambda m: m["header"]["msg_type"] == "comm_msg" and m["content"]["comm_id"] == kendali
        )
        for mid, isi in pesan["content"]["data"]["states"].items():
            self.states[mid] = dict(isi["state"])

    def _kirim(self, jenis: str, content: dict, metadata: dict | None = None) -> str:
        msg_id = uuid.uuid4().hex
        header = {
            "msg_id": msg_id,
            "msg_type": jenis,
            "session": self.sesi,
            "username": "siswa",
            "date": "2026-11-29T00:00:00Z",
            "version": "5.3",
        }
        pesan = {"header": header, "parent_header": {}, "metadata": metadata or {}}
        self.ws.write_message(json.dumps({**pesan, "content": content, "channel": "shell"}))
        if jenis == "comm_open" and content["target_name"] == "jupyter.widget.control":
            self._kirim(
                "comm_msg", {"comm_id": content["comm_id"], "data": {"method": "request_states"}}
            )
        return msg_id

    async def _baca(self, cocok, batas: float = 60):
        """Read messages, keeping widget states current, until one matches."""
        akhir = asyncio.get_event_loop().time() + batas
        while True:
            teks = await asyncio.wait_for(
                self.ws.read_message(), akhir - asyncio.get_event_loop().time()
            )
            assert teks is not None, "the server closed the page's websocket"
            m = json.loads(teks)
            jenis, isi = m["header"]["msg_type"], m["content"]
            if jenis == "comm_open" and isi.get("target_name") == "jupyter.widget":
                self.states[isi["comm_id"]] = dict(isi["data"].get("state", {}))
            elif jenis == "comm_msg" and isi.get("data", {}).get("method") in (
                "update",
                "echo_update",
            ):
                self.states.setdefault(isi["comm_id"], {}).update(isi["data"]["state"])
            if cocok(m):
                return m

    async def _tunggu(self, msg_id: str, jenis: str = "") -> None:
        """Until the kernel has finished with this message (idle), or sent `jenis` for it."""

        def cocok(m) -> bool:
            if m["parent_header"].get("msg_id") != msg_id:
                return False
            if jenis:
                return m["header"]["msg_type"] == jenis
            return m["content"].get("execution_state") == "idle"

        await self._baca(cocok)

    def cari(self, deskripsi: str) -> str | None:
        return next(
            (mid for mid, s in self.states.items() if s.get("description") == deskripsi), None
        )

    async def atur(self, deskripsi: str, nilai) -> None:
        mid = self.cari(deskripsi)
        state = self.states[mid]
        if "_options_labels" in state:  # a dropdown: the browser sends the option's index
            ubah = {"index": list(state["_options_labels"]).index(nilai)}
        else:
            ubah = {"value": nilai}
        data = {"method": "update", "state": ubah, "buffer_paths": []}
        await self._tunggu(self._kirim("comm_msg", {"comm_id": mid, "data": data}))

    async def klik(self, deskripsi: str) -> str:
        """Tap a button; the text of every HTML widget afterwards (what the screen says)."""
        data = {"method": "custom", "content": {"event": "click"}}
        await self._tunggu(self._kirim("comm_msg", {"comm_id": self.cari(deskripsi), "data": data}))
        return " ".join(
            str(s.get("value", ""))
            for s in self.states.values()
            if s.get("_model_name") == "HTMLModel"
        )

    async def isi_sensus(self, kode: str, tinggi: str = "150") -> None:
        await self.atur("Kode kelas", kode)
        for nomor, p in enumerate(PERTANYAAN, start=1):
            if p.jenis == "pilihan":
                nilai = p.pilihan[0]
            elif p.jenis == "teks":
                nilai = "simulasi"
            else:
                nilai = tinggi if p.kunci == "tinggi_cm" else str(round(sum(p.batas) / 2))
            await self.atur(f"{nomor}. {p.nama}", nilai)

    def tutup(self) -> None:
        if self.ws is not None:
            self.ws.close()


def proses_kernel(kelas: Kelas, kernel: str) -> psutil.Process:
    for p in psutil.Process(kelas.pid).children(recursive=True):
        if any(kernel in bagian for bagian in p.cmdline()):
            return p
    raise AssertionError(f"no process for kernel {kernel}")


def baca_pin(kelas: Kelas) -> str:
    """The PIN as the teacher reads it on the terminal."""
    return re.search(r"PIN guru \([^)]*\): (\d{6})", kelas.log_sejak(0))[1]


def test_satu_halaman_tidak_bisa_mengirim_berkali_kali(kelas):
    """The issue's 30 fake answers from one page: Kirim, then 'Isian baru', again and again."""
    kode = "SERANG-1"
    buat_kelas(kelas, kode)
    ponsel = Ponsel(kelas)
    halaman = Halaman(kelas, ponsel.buka(SENSUS))

    async def serang():
        await halaman.sambung()
        for i in range(8):
            await halaman.isi_sensus(kode, tinggi=str(150 + i))
            await halaman.klik("Kirim")
            if halaman.cari("Isian baru (untuk teman)"):
                await halaman.klik("Isian baru (untuk teman)")
        halaman.tutup()

    jalankan_async(serang, batas=300)
    assert banyak_jawaban(kelas, kode) == 1
    sesudah_serangan(kelas, ponsel, halaman)


def test_kirim_ulang_setelah_kernel_mati_tersimpan_sekali(kelas):
    """Stored while the kernel died, never acknowledged; the student reloads and resends."""
    kode = "SERANG-2"
    buat_kelas(kelas, kode)
    ponsel = Ponsel(kelas)
    pertama = Halaman(kelas, ponsel.buka(SENSUS))

    async def kirim_lalu_mati():
        await pertama.sambung()
        await pertama.isi_sensus(kode)
        mid = pertama.cari("Kirim")
        data = {"method": "custom", "content": {"event": "click"}}
        pertama._kirim("comm_msg", {"comm_id": mid, "data": data})
        for _ in range(600):  # the answer is committed: the kernel dies before the thanks
            if banyak_jawaban(kelas, kode):
                break
            await asyncio.sleep(0.02)
        proses_kernel(kelas, pertama.kernel).kill()
        pertama.tutup()

    jalankan_async(kirim_lalu_mati, batas=300)
    assert banyak_jawaban(kelas, kode) == 1
    kedua = Halaman(kelas, ponsel.buka(SENSUS))  # the reload: a new kernel, the same phone

    async def kirim_lagi():
        await kedua.sambung()
        await kedua.isi_sensus(kode)
        layar = await kedua.klik("Kirim")
        kedua.tutup()
        return layar

    layar = jalankan_async(kirim_lagi, batas=300)
    assert banyak_jawaban(kelas, kode) == 1, "the resend was stored a second time"
    assert "Terima kasih" in layar, "the student is not told the answer is stored"
    sesudah_serangan(kelas, ponsel, pertama, kedua)


def test_kode_kelas_tidak_bocor_dan_tebakan_dibatasi(kelas):
    buat_kelas(kelas, "SERANG-TUTUP", arsip=True)
    buat_kelas(kelas, "SERANG-3")
    ponsel = Ponsel(kelas)
    halaman = Halaman(kelas, ponsel.buka(SENSUS))

    async def tebak():
        await halaman.sambung()
        await halaman.isi_sensus("SERANG-TUTUP")
        layar = {"SERANG-TUTUP": await halaman.klik("Kirim")}
        await halaman.atur("Kode kelas", "SERANG-TIDAKADA")
        layar["SERANG-TIDAKADA"] = await halaman.klik("Kirim")
        for i in range(6):  # guessing on
            await halaman.atur("Kode kelas", f"TEBAK-{i}")
            await halaman.klik("Kirim")
        await halaman.atur("Kode kelas", "SERANG-3")  # a class that takes answers
        layar["SERANG-3"] = await halaman.klik("Kirim")
        halaman.tutup()
        return layar

    layar = jalankan_async(tebak, batas=300)
    tutup, tidak_ada = (layar[k].replace(k, "KODE") for k in ("SERANG-TUTUP", "SERANG-TIDAKADA"))
    assert "Belum terkirim" in tutup
    assert tutup == tidak_ada, "a closed code and an unknown one get different answers"
    assert banyak_jawaban(kelas, "SERANG-3") == 0, "guessing codes was not slowed down"
    assert "Terlalu banyak" in layar["SERANG-3"]
    sesudah_serangan(kelas, ponsel, halaman)


async def coba_pin(halaman: Halaman, ketikan: list[str]) -> list[str]:
    await halaman.sambung()
    layar = []
    for k in ketikan:
        await halaman.atur("PIN guru", k)
        layar.append(await halaman.klik("Masuk"))
    return layar


def test_halaman_baru_tidak_memberi_percobaan_pin_baru(kelas):
    pin_guru = baca_pin(kelas)
    salah = f"{(int(pin_guru) + 1) % 10**6:06d}"
    ponsel, dibuka = Ponsel(kelas), []
    for ketikan in ([salah] * 5, [pin_guru]):
        halaman = Halaman(kelas, ponsel.buka(DASBOR))  # a new page, a new kernel
        dibuka.append(halaman)
        layar = jalankan_async(lambda h=halaman, k=ketikan: coba_pin(h, k), batas=300)
    assert "Terlalu banyak PIN salah" in layar[-1], "five fresh tries on a new page"
    assert halaman.cari("Kode kelas baru") is None, "the dashboard opened"
    sesudah_serangan(kelas, ponsel, *dibuka)


def tunggu_laporan_pin(kelas: Kelas) -> None:
    """Until an earlier burst of wrong PINs has had its line (its quiet time has passed)."""
    path = data_kelas(kelas).with_name("pin_guru.sqlite")
    akhir = time.monotonic() + 120
    while path.exists() and time.monotonic() < akhir:
        with sqlite3.connect(path) as con:
            terakhir = con.execute("SELECT MAX(waktu) FROM percobaan").fetchone()[0]
        if terakhir is None or time.time() - terakhir > 20:
            return
        time.sleep(1)


def test_pin_salah_dilaporkan_sekali_di_terminal(kelas):
    tunggu_laporan_pin(kelas)
    awal = kelas.panjang_log()
    salah = f"{(int(baca_pin(kelas)) + 2) % 10**6:06d}"
    ponsel = Ponsel(kelas)
    halaman = Halaman(kelas, ponsel.buka(DASBOR))
    jalankan_async(lambda: coba_pin(halaman, [salah] * 3), batas=300)
    akhir = time.monotonic() + 60
    while "PIN guru salah" not in kelas.log_sejak(awal) and time.monotonic() < akhir:
        time.sleep(1)
    tunggu_laporan_pin(kelas)  # a second line for the same burst would have come by now
    baris = [b for b in kelas.log_sejak(awal).splitlines() if "PIN guru salah" in b]
    assert len(baris) == 1, f"the teacher's terminal got {len(baris)} lines: {baris}"
    assert "salah 3 kali" in baris[0]
    sesudah_serangan(kelas, ponsel, halaman)


def test_pin_tidak_ada_di_kernel(kelas):
    pin_guru = baca_pin(kelas)
    ponsel = Ponsel(kelas)
    halaman = Halaman(kelas, ponsel.buka(DASBOR))
    lingkungan = proses_kernel(kelas, halaman.kernel).environ()
    assert "LITERASI_PIN_GURU" not in lingkungan
    bocor = [nama for nama, nilai in lingkungan.items() if pin_guru in nilai]
    assert not bocor, f"the PIN is in the kernel's environment: {bocor}"
    sesudah_serangan(kelas, ponsel, halaman)
