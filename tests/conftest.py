"""Shared fixtures: a real workshop server (`literasi serve`) and Debian's Chromium.

The server is started exactly as a teacher starts it, on a free loopback port, with Jupyter's
writable folders redirected into a temporary folder so tests leave nothing in $HOME.
"""

from __future__ import annotations

import os
import re
import socket
import subprocess
import sys
import tempfile
import time
import urllib.error
import urllib.request
from contextlib import contextmanager
from pathlib import Path

import pytest

REPO = Path(__file__).resolve().parents[1]
NOTEBOOKS = REPO / "notebooks"
ARTEFAK = REPO / "tests" / "_artefak"  # screenshots and logs, git-ignored
CHROMIUM = "/usr/bin/chromium"
CHROMIUM_ARGS = [
    "--headless",
    "--no-sandbox",
    "--disable-gpu",
    "--disable-quic",
    "--no-first-run",
    "--disable-background-networking",
    "--disable-component-update",
    "--disable-sync",
]


def pytest_configure(config) -> None:
    # The kit's local data folder (its log, its chart cache) fresh for each run: nothing a
    # test writes reaches the repository's data_lokal/, and no run reads an earlier run's charts.
    if not os.environ.get("LITERASI_DATA_LOKAL"):
        os.environ["LITERASI_DATA_LOKAL"] = tempfile.mkdtemp(prefix="literasi_uji_")


def semua_notebook() -> list[str]:
    """Every notebook, relative to notebooks/, landing page first."""
    return sorted(
        (
            p.relative_to(NOTEBOOKS).as_posix()
            for p in NOTEBOOKS.rglob("*.ipynb")
            if ".ipynb_checkpoints" not in p.parts
        ),
        key=lambda p: (p != "index.ipynb", p),
    )


def port_bebas() -> int:
    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        return s.getsockname()[1]


def perintah_serve(*pilihan: str) -> list[str]:
    """`literasi serve` with these options, run by this Python (the test environment's)."""
    return [sys.executable, "-m", "literasi", "serve", *pilihan]


def lingkungan_terisolasi(tmp: Path) -> dict[str, str]:
    env = dict(os.environ)
    for nama in ("JUPYTER_DATA_DIR", "JUPYTER_RUNTIME_DIR", "IPYTHONDIR", "MPLCONFIGDIR"):
        env[nama] = str(tmp / nama.lower())
    env["JUPYTER_PLATFORM_DIRS"] = "1"
    env["LITERASI_DATA_KELAS"] = str(tmp / "data_kelas")  # the class survey's SQLite file
    env["LITERASI_DATA_LOKAL"] = str(tmp / "data_lokal")  # the kit's log file
    env.pop("JUPYTER_CONFIG_PATH", None)  # the server must find its own config
    env.pop("JUPYTER_PATH", None)
    env.pop("LITERASI_POJOK_DIAM", None)  # corner mode only where a test asks for --pojok
    return env


def tunggu_siap(url: str, proses: subprocess.Popen, batas_detik: float = 90) -> None:
    akhir = time.monotonic() + batas_detik
    while time.monotonic() < akhir:
        if proses.poll() is not None:
            raise RuntimeError(f"server berhenti dengan kode {proses.returncode}")
        try:
            urllib.request.urlopen(url + "voila/static/voila.js", timeout=2).close()
            return
        except (urllib.error.URLError, ConnectionError, TimeoutError):
            time.sleep(0.3)
    raise TimeoutError(f"server tidak siap dalam {batas_detik} s")


def pesan_kernel(tipe: str, konten: dict | None = None, metadata: dict | None = None) -> str:
    """A kernel message as a page sends it in the JSON websocket protocol (any client can)."""
    import json
    import uuid

    header = {
        "msg_id": uuid.uuid4().hex,
        "msg_type": tipe,
        "session": uuid.uuid4().hex,
        "username": "siswa",
        "date": "2026-11-29T00:00:00Z",
        "version": "5.3",
    }
    return json.dumps(
        {
            "header": header,
            "parent_header": {},
            "metadata": metadata or {},
            "channel": "shell",
            "buffers": [],
            "content": konten or {},
        }
    )


def ambil(url: str, timeout: float = 120) -> tuple[int, str]:
    """GET a page as a phone would: (status, HTML), errors included."""
    try:
        with urllib.request.urlopen(url, timeout=timeout) as r:
            return r.status, r.read().decode("utf-8")
    except urllib.error.HTTPError as e:
        return e.code, e.read().decode("utf-8", "replace")


def baca_terminal(log: Path) -> tuple[str, str]:
    """What the teacher reads in the terminal of `literasi serve --lan`: (address, PIN guru)."""
    teks = log.read_text(encoding="utf-8")
    alamat = re.search(r"Buka di browser: (\S+)", teks)
    pin = re.search(r"PIN guru \(untuk [^)]*\): (\d{6})\b", teks)
    assert alamat and pin, f"address or PIN not printed:\n{teks}"
    return alamat.group(1), pin.group(1)


AXE = REPO / "tests" / "node_modules" / "axe-core" / "axe.min.js"


def pelanggaran_berat(page) -> list[str]:
    """axe-core's "critical" and "serious" violations on the page as it is now (empty = pass)."""
    if not AXE.exists():
        pytest.fail(f"{AXE} tidak ada: jalankan `npm ci --prefix tests` (tests/run.sh)")
    page.add_script_tag(path=str(AXE))
    hasil = page.evaluate("async () => await axe.run(document, {resultTypes: ['violations']})")
    return [
        f"{v['id']} ({v['impact']}): {v['help']} — {[n['target'] for n in v['nodes']][:3]}"
        for v in hasil["violations"]
        if v["impact"] in ("critical", "serious")
    ]


@contextmanager
def server_berjalan(
    perintah: list[str], url: str, log: Path, env: dict, cwd: Path, batas_berkas: int | None = None
):
    """Run a server process until the block ends, then stop it and its kernels (SIGTERM).

    `batas_berkas`: start it with this open-files soft limit, as on a laptop (often 1024)."""

    def batasi():
        import resource

        _, keras = resource.getrlimit(resource.RLIMIT_NOFILE)
        resource.setrlimit(resource.RLIMIT_NOFILE, (batas_berkas, keras))

    with open(log, "w") as keluaran:
        proses = subprocess.Popen(
            perintah,
            stdout=keluaran,
            stderr=subprocess.STDOUT,
            stdin=subprocess.DEVNULL,
            env=env,
            cwd=cwd,
            start_new_session=True,
            preexec_fn=batasi if batas_berkas else None,
        )
    try:
        tunggu_siap(url, proses)
        yield proses
    finally:
        proses.terminate()
        try:
            proses.wait(timeout=30)
        except subprocess.TimeoutExpired:
            proses.kill()
            proses.wait()


class ServerKit:
    def __init__(self, url: str, proses: subprocess.Popen, log: Path):
        self.url, self.proses, self.log = url, proses, log

    def render_url(self, notebook: str) -> str:
        return f"{self.url}voila/render/{notebook}"


@pytest.fixture(scope="session")
def server_kit(tmp_path_factory) -> ServerKit:
    """`literasi serve` (today's lesson: 00) on a free loopback port, stopped at the end."""
    tmp = tmp_path_factory.mktemp("server")
    port = port_bebas()
    ARTEFAK.mkdir(exist_ok=True)
    log = ARTEFAK / "server.log"
    url = f"http://127.0.0.1:{port}/"
    perintah = perintah_serve("--port", str(port), "--pelajaran", "00", "--kolam", "2")
    with server_berjalan(perintah, url, log, lingkungan_terisolasi(tmp), tmp) as proses:
        yield ServerKit(url, proses, log)


@pytest.fixture
def buka_di(browser):
    """Open a page on a device as a person holds it: `buka_di("ponsel", url)` gives a Page in a
    fresh 360×800 touch context ("laptop": 1280×800, mouse); the contexts close at the end."""
    from orang import konteks

    dibuka = []

    def buka(perangkat: str, url: str | None = None, **lain):
        k = konteks(browser, perangkat, **lain)
        dibuka.append(k)
        halaman = k.new_page()
        if url:
            halaman.goto(url)
        return halaman

    yield buka
    for k in dibuka:
        k.close()


@pytest.fixture(scope="session")
def browser_type_launch_args(browser_type_launch_args):
    """pytest-playwright, but with Debian's Chromium (never `playwright install`)."""
    if not Path(CHROMIUM).exists():
        pytest.fail(
            f"{CHROMIUM} tidak ada: pasang dengan `apt-get install chromium` (tests/run.sh)"
        )
    return {**browser_type_launch_args, "executable_path": CHROMIUM, "args": CHROMIUM_ARGS}
