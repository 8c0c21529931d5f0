"""One curious student cannot stop the class: attacks from one phone on the school Wi-Fi.

A real `literasi serve --lan` runs on 127.0.0.3 (a loopback address standing in for the LAN
address; nothing goes to a real network) with today's lesson 00 warmed (eight kernels: the
tests' fresh phones come faster than a class does, and the kit refills one at a time). Each
test plays one attack the way a student with a laptop on the same Wi-Fi could, then checks
that the rest of the class is untouched: a fresh phone still gets the landing page and a
warm app, and no survey answer was lost or doubled. The mischievous phone has an
address of its own (127.0.0.66); the fresh phones come from 127.0.0.1.
"""

from __future__ import annotations

import asyncio
import html
import http.client
import http.cookiejar
import json
import re
import resource
import socket
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

from conftest import (
    lingkungan_terisolasi,
    perintah_serve,
    pesan_kernel,
    port_bebas,
    server_berjalan,
)
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
        """A fresh phone: the landing page, then a warm app: a kernel from the warm pool (Voilà
        marks pool kernels VOILA_PREHEAT=True), not one started cold for this phone.

        No time limits here (the machine is shared with other work): a frozen or flooded
        server does not answer within the generous timeout, and a pool drained by an attacker
        shows as a cold kernel. The times a class sees are measured by
        tests/benchmark/ruang_kelas.py --penyerang."""
        status, html, _ = self.ambil("voila/render/index.ipynb", batas=15)
        assert status == 200 and "literasi-kartu" in html
        self.tunggu_kernel_tenang()
        status, html, _ = self.ambil("voila/render/" + APLIKASI, batas=90)
        assert status == 200
        assert self.kernel_env(id_kernel(html)).get("VOILA_PREHEAT") == "True", (
            "a cold kernel: the warm pool was empty"
        )

    def tunggu_kernel_tenang(self, batas: float = 60) -> None:
        """Wait until no kernel is busy (a pool refilling: the kit refills one kernel at a time
        while a class is on, and these tests take kernels faster than a class does)."""
        akhir, jejak = time.monotonic() + batas, []
        while time.monotonic() < akhir:
            cpu = 0.0
            for p in psutil.Process(self.pid).children(recursive=True):
                try:
                    t = p.cpu_times()
                    cpu += t.user + t.system
                except psutil.Error:
                    continue
            jejak.append(cpu)
            if len(jejak) >= 4 and jejak[-1] - jejak[-4] < 0.1:
                return
            time.sleep(0.5)

    def kernel_env(self, kernel_id: str) -> dict:
        """The environment of this kernel's process ({} if none runs)."""
        for p in psutil.Process(self.pid).children(recursive=True):
            try:
                if kernel_id in " ".join(p.cmdline()):
                    return p.environ()
            except psutil.Error:
                continue
        return {}


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
        "--lan", "--ip", IP_LAN, "--port", str(port), "--pelajaran", "00", "--kolam", "8"
    )
    log = tmp / "server.log"
    # A laptop's usual open-files soft limit: idle connections must not exhaust it.
    with server_berjalan(
        perintah, url, log, lingkungan_terisolasi(tmp), tmp, batas_berkas=1024
    ) as proses:
        k = Kelas(url, port, proses.pid, log)
        k.tmp = tmp
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


# ------------------------------------------------------------------ one phone, many costs
# The mischievous phone has its own address on the Wi-Fi; the fresh phones of `masih_jalan`
# come from 127.0.0.1 (the laptop itself, which the per-phone bounds leave alone).
PENYERANG = "127.0.0.66"


def jawaban_utuh(kelas: Kelas) -> None:
    """No survey answer lost or doubled: the server's survey file still holds every answer
    stored before, and a new answer sent twice (a double tap) is stored once."""
    from literasi.kelas import penyimpanan

    db = kelas.tmp / "data_kelas" / penyimpanan.NAMA_FILE
    db.parent.mkdir(exist_ok=True)
    penyimpanan.buat_kelas("UJI", path=db)
    sebelum = len(penyimpanan.ambil_jawaban("UJI", path=db))
    kunci = uuid.uuid4().hex
    assert penyimpanan.simpan_jawaban("UJI", kunci, {"tinggi_cm": 160.0}, path=db)
    assert not penyimpanan.simpan_jawaban("UJI", kunci, {"tinggi_cm": 160.0}, path=db)
    tabel = penyimpanan.ambil_jawaban("UJI", path=db)
    assert len(tabel) == sebelum + 1 and tabel["kunci_kirim"].is_unique


def kelas_utuh(kelas: Kelas) -> None:
    kelas.masih_jalan()
    jawaban_utuh(kelas)


def kernel_server(kelas: Kelas, dari_kolam: bool | None = None) -> set[int]:
    """Pids of the server's kernels; `dari_kolam=False`: only those started for a page (Voilà
    marks pool kernels VOILA_PREHEAT=True)."""
    pid = set()
    for p in psutil.Process(kelas.pid).children(recursive=True):
        try:
            if "ipykernel" not in " ".join(p.cmdline()):
                continue
            if (
                dari_kolam is not None
                and (p.environ().get("VOILA_PREHEAT") == "True") != dari_kolam
            ):
                continue
        except psutil.Error:
            continue
        pid.add(p.pid)
    return pid


def minta(kelas: Kelas, path: str, dari: str = PENYERANG, kepala: dict | None = None, batas=60):
    """One HTTP request sent as written (no client-side normalisation): (status, headers, body)."""
    koneksi = http.client.HTTPConnection(
        IP_LAN, kelas.port, timeout=batas, source_address=(dari, 0)
    )
    try:
        koneksi.request("GET", path, headers=kepala or {})
        r = koneksi.getresponse()
        return r.status, dict(r.getheaders()), r.read().decode("utf-8", "replace")
    finally:
        koneksi.close()


def minta_lalu_putus(kelas: Kelas, path: str) -> None:
    """Send a request and drop the connection at once, as a phone that walks away."""
    with socket.create_connection((IP_LAN, kelas.port), 5, source_address=(PENYERANG, 0)) as s:
        s.sendall(f"GET {path} HTTP/1.1\r\nHost: {IP_LAN}:{kelas.port}\r\n\r\n".encode())


def test_halaman_yang_diputus_tidak_menumpuk_kernel(kelas):
    """Issue 12.2: each dropped app request started a kernel (~160 MB) that lived 16 minutes.
    Now a phone holds at most four, the next request gets an Indonesian page, and a kernel
    whose page never connects is gone within a minute. (An app without a warm pool, so every
    new kernel is the phone's.)"""
    from literasi.layanan.penjaga import MAKS_KERNEL_PER_KLIEN

    app = "siswa/01_data_statistik_dan_bps.ipynb"
    sebelum = kernel_server(kelas, dari_kolam=False)
    for _ in range(10):
        minta_lalu_putus(kelas, "/voila/render/" + app)
        time.sleep(0.3)
    status, _, isi = minta(kelas, "/voila/render/" + app)
    assert status == 429, f"the 11th app page of one phone answered {status}"
    assert "Terlalu banyak aplikasi terbuka" in isi and "lang='id'" in isi
    time.sleep(3)
    baru = kernel_server(kelas, dari_kolam=False) - sebelum
    assert len(baru) <= MAKS_KERNEL_PER_KLIEN, f"{len(baru)} kernels for one phone"
    akhir = time.monotonic() + 100
    while kernel_server(kelas) & baru and time.monotonic() < akhir:
        time.sleep(2)
    assert not kernel_server(kelas) & baru, "kernels of pages that never connected live on"
    kelas_utuh(kelas)


@pytest.mark.parametrize("template", ["lab", "classic", "reveal"])
def test_template_lain_tidak_membuka_catatan_guru(kelas, template):
    """Issue 12.4: ?template=lab|classic|reveal showed the teacher-only cells, loaded a CDN and
    started a cold kernel. Now the kit's template (and its theme) is the only one."""
    status, _, html = minta(
        kelas, f"/voila/render/{APLIKASI}?template={template}&theme=dark", dari="127.0.0.1"
    )
    assert status == 200
    assert "Catatan guru" not in html and "lessons/siswa" not in html
    assert "cdn.jsdelivr.net" not in html
    assert "Sedang menyiapkan aplikasi" in html  # the kit's template
    assert 'data-jp-theme-name="JupyterLab Light"' in html
    kelas_utuh(kelas)


def test_koneksi_diam_tidak_mengunci_kelas(kelas):
    """Issue 12.3: ~970 idle connections exhausted the laptop's 1024 open files: every student
    locked out, and a million "Too many open files" tracebacks on the teacher's terminal."""
    lunak, keras = resource.getrlimit(resource.RLIMIT_NOFILE)
    resource.setrlimit(resource.RLIMIT_NOFILE, (min(keras, 4096), keras))
    log = kelas.panjang_log()
    soket = []
    try:
        for _ in range(1100):
            try:
                soket.append(
                    socket.create_connection((IP_LAN, kelas.port), 2, source_address=(PENYERANG, 0))
                )
            except OSError:
                break
        time.sleep(1.0)
        kelas.masih_jalan()
    finally:
        for s in soket:
            s.close()
        resource.setrlimit(resource.RLIMIT_NOFILE, (lunak, keras))
    teks = kelas.log_sejak(log)
    assert "Traceback" not in teks and "Too many open files" not in teks
    assert len(teks) < 2000, "the teacher's terminal was flooded"
    kelas_utuh(kelas)


def test_kepala_permintaan_lambat_diputus(kelas):
    """Issue 12.3: a connection that sends its request headers one line at a time (slowloris)
    held a socket for an hour; now the headers must arrive within the header timeout."""
    from literasi.layanan.penjaga import BATAS_DIAM

    with socket.create_connection((IP_LAN, kelas.port), 5, source_address=(PENYERANG, 0)) as s:
        s.sendall(b"GET /voila/render/index.ipynb HTTP/1.1\r\n")
        mulai = time.monotonic()
        ditutup = None
        while time.monotonic() - mulai < BATAS_DIAM + 15:
            try:
                s.sendall(b"X-Lambat: 1\r\n")
                s.settimeout(1.0)
                if s.recv(4096) == b"":
                    ditutup = time.monotonic() - mulai
                    break
            except TimeoutError:
                continue
            except OSError:
                ditutup = time.monotonic() - mulai
                break
    assert ditutup is not None, "the server kept a never-ending request open"
    kelas_utuh(kelas)


@pytest.mark.parametrize(
    "path",
    [
        "/logout",
        "/login",
        "/voila/templates/..",
        "/voila/templates/../x",
        "/voila/templates/literasi/../../etc",
        "/voila/templates/literasi/static/../../../../etc/passwd",
    ],
)
def test_jalur_aneh_tanpa_traceback(kelas, path):
    """Issue 12.5: /logout answered 500 and printed ~120 traceback lines per request on the
    teacher's terminal; /voila/templates/.. printed tracebacks too."""
    log = kelas.panjang_log()
    status, _, isi = minta(kelas, path)
    assert status in (403, 404), f"{path} answered {status}"
    assert "lang='id'" in isi and "Kembali ke beranda" in isi
    assert "Traceback" not in kelas.log_sejak(log)
    kelas_utuh(kelas)


def widget_baru(state: dict, versi: str | None = "2.1.0") -> str:
    """A comm_open that makes a widget in the kernel, as a page's widget manager sends it."""
    state = {"_model_module_version": "2.0.0", **state}
    konten = {
        "comm_id": uuid.uuid4().hex,
        "target_name": "jupyter.widget",
        "data": {"state": state, "buffer_paths": []},
    }
    return pesan_kernel("comm_open", konten, metadata={"version": versi} if versi else None)


def bicara_ke_kernel(kelas: Kelas, kernel: str, pesan: list[str], dengar: float = 4.0):
    """Send messages on a kernel's websocket (JSON protocol); return what came back, and
    whether the server closed the websocket."""

    async def jalan():
        ws = await websocket_connect(
            HTTPRequest(
                f"ws://{IP_LAN}:{kelas.port}/api/kernels/{kernel}/channels", request_timeout=10
            ),
            max_message_size=64 * 2**20,
        )
        diterima, ditutup = [], False
        try:
            for p in pesan:
                await ws.write_message(p)
        except WebSocketClosedError:
            return diterima, True
        akhir = asyncio.get_event_loop().time() + dengar
        while asyncio.get_event_loop().time() < akhir:
            try:
                m = await asyncio.wait_for(ws.read_message(), 0.5)
            except TimeoutError:
                continue
            if m is None:
                ditutup = True
                break
            diterima.append(m if isinstance(m, str) else m.decode("utf-8", "replace"))
        ws.close()
        return diterima, ditutup

    return jalankan_async(jalan, batas=300)


def test_pesan_widget_rakitan_tanpa_traceback(kelas):
    """Issue 12.5: a crafted widget message was answered with the full Python traceback (install
    paths, code) over the websocket. Now the traceback goes to the log file under an error code
    and the phone gets nothing it can read it from."""
    _, html, _ = kelas.ambil("voila/render/" + APLIKASI, batas=60)
    kernel = id_kernel(html)
    model = sorted(set(re.findall(r'"model_id":\s*"([0-9a-f]{32})"', html)))
    assert model, "no widget on the page"
    rakitan = [
        # A widget class that does not exist (and no protocol version).
        widget_baru({"_model_name": "TidakAdaModel", "_model_module": "x"}, versi=None),
        # A value of the wrong type for every widget on the page.
        *(
            pesan_kernel(
                "comm_msg",
                {
                    "comm_id": m,
                    "data": {
                        "method": "update",
                        "state": {"value": {"x": [1]}},
                        "buffer_paths": [],
                    },
                },
            )
            for m in model
        ),
    ]
    awal_log = kelas.panjang_log()
    diterima, _ = bicara_ke_kernel(kelas, kernel, rakitan)
    semua = "\n".join(diterima)
    for bocor in ("Traceback", "site-packages", 'File "', "TraitError"):
        assert bocor not in semua, f"{bocor!r} reached the phone"
    assert "Traceback" not in kelas.log_sejak(awal_log)
    # The traceback is kept for the developer, in the log file.
    catatan = (kelas.tmp / "data_lokal" / "log" / "literasi.log").read_text(encoding="utf-8")
    assert "Traceback" in catatan and "Incompatible widget protocol" in catatan
    kelas_utuh(kelas)


def test_host_asing_ditolak(kelas):
    """Issue 12.9: `Host: attacker.example` was answered 200 (a page elsewhere could reach the
    server by DNS rebinding); Jupyter Server answers 403, and so does the kit now."""
    status, _, isi = minta(kelas, "/voila/render/index.ipynb", kepala={"Host": "attacker.example"})
    assert status == 403 and "Akses ditolak" in isi
    status, _, _ = minta(
        kelas, "/voila/render/index.ipynb", kepala={"Host": f"{IP_LAN}:{kelas.port}"}
    )
    assert status == 200
    kelas_utuh(kelas)


def test_berkas_statis_nosniff_dan_csp(kelas):
    """Issue 12.9: /voila/static/* lacked nosniff and the CSP other routes send."""
    for path in ("/voila/static/voila.js", "/voila/render/index.ipynb", "/tidak-ada"):
        _, kepala, _ = minta(kelas, path, dari="127.0.0.1")
        assert kepala.get("X-Content-Type-Options") == "nosniff", path
        assert "frame-ancestors" in kepala.get("Content-Security-Policy", ""), path
    kelas_utuh(kelas)


def test_kernel_yang_membengkak_dihentikan(kelas):
    """Issue 12.9: no per-kernel memory bound (20 opened 9 MB text widgets took a kernel from
    159 to 491 MB). Now a kernel grown past the bound is shut down within seconds."""
    from literasi.layanan.penjaga import BATAS_MEMORI_KERNEL_MB

    _, html, _ = kelas.ambil("voila/render/" + APLIKASI, batas=60)
    kernel = id_kernel(html)
    proses = next(
        psutil.Process(p)
        for p in kernel_server(kelas)
        if kernel in " ".join(psutil.Process(p).cmdline())
    )
    besar = "x" * (9 * 2**20)
    n = int(BATAS_MEMORI_KERNEL_MB // 9) + 10
    kontrol = "@jupyter-widgets/controls"
    teks = {
        "_model_name": "TextModel",
        "_model_module": kontrol,
        "_view_name": "TextView",
        "_view_module": kontrol,
        "_view_module_version": "2.0.0",
    }
    widget = (widget_baru({**teks, "value": besar}) for _ in range(n))  # 9 MB each, one by one
    bicara_ke_kernel(kelas, kernel, widget, dengar=30.0)
    akhir = time.monotonic() + 90  # checked every 10 s; generous for a busy machine
    while proses.is_running() and proses.status() != psutil.STATUS_ZOMBIE:
        assert time.monotonic() < akhir, (
            f"a kernel of {proses.memory_info().rss / 2**20:.0f} MB still runs"
        )
        time.sleep(1)
    kelas_utuh(kelas)


def test_halaman_tidak_ada_berbahasa_indonesia(kelas):
    """Issue 17.6: an unknown address showed Voilà's English 404 page with a CDN font."""
    for path in ("/tidak-ada", "/voila/render/tidak-ada.ipynb", "/voila/static/tidak-ada.js"):
        status, _, isi = minta(kelas, path, dari="127.0.0.1")
        assert status in (403, 404), path
        assert "lang='id'" in isi and ("Halaman tidak ditemukan" in isi or "Akses" in isi)
        assert "href='/'" in isi  # back to the landing page
        assert "http" not in isi, "a link out of the classroom"
    kelas_utuh(kelas)


# What the teacher's terminal may show (issue 17.6): the address, the QR code, the PIN, the
# warm-up and ready lines, where the log is, and Indonesian warnings.
BARIS_TERMINAL = [
    r"Kit Literasi Statistik Kota Pekalongan",
    r"Buka di browser: http://\S+",
    r"Siswa: sambungkan ponsel ke Wi-Fi yang sama, lalu pindai kode ini:",
    r"\x1b\[[0-9;]*m[ █▀▄]+\x1b\[0m",
    r"PIN guru \(untuk [^)]*\): \d{6}",
    r"Disiapkan \d+ kernel untuk \S+",
    r"Catatan lengkap \(log\): \S+literasi\.log",
    r"Tekan Ctrl\+C untuk menghentikan server\.",
    r"Siap: .*Siswa boleh mulai membuka aplikasi\.",
    r"Peringatan: .*",
    r"",
]


def test_terminal_guru_hanya_yang_perlu_dibaca(kelas):
    """Issue 17.6: the terminal also showed "The websocket_ping_timeout ...", "Got events for
    closed stream" and English 404 lines. Now everything else goes to the log file."""
    minta(kelas, "/tidak-ada", dari="127.0.0.1")
    minta(kelas, "/api/kernels", dari="127.0.0.1")
    kelas.masih_jalan()
    time.sleep(1.0)
    teks = kelas.log_sejak(0)
    asing = [b for b in teks.splitlines() if not any(re.fullmatch(p, b) for p in BARIS_TERMINAL)]
    assert not asing, f"lines the teacher should not have to read: {asing[:5]}"
    assert "Catatan lengkap (log)" in teks
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
        assert cocok, f"no link to {notebook} on the landing page"
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
