"""A real JupyterHub on loopback: two students, the kit's apps in Voilà, an nbgitpuller link.

The hub (jupyterhub from PyPI) runs behind configurable-http-proxy (npm, installed by
tests/run.sh into tests/node_modules) with a shared-password login and local-process servers,
configured by tests/hub/jupyterhub_config.py, which loads the deployment example
lessons/server/jupyterhub_config_contoh.py. The test proves that:
- two students log in and get their own servers, started asynchronously (202 + polling);
- the landing page and an app render under /user/<name>/voila/render/... with the kit's
  template and hidden code, exactly as in the Binder route;
- the two students' kernels are separate processes under separate servers;
- a link printed by `literasi tautan` pulls a git repository (file://) and opens the pulled app;
- everything listens on 127.0.0.1 only, and no process is left after the hub stops.

Missing jupyterhub, nbgitpuller or configurable-http-proxy is a FAILURE; set
LITERASI_TANPA_HUB=1 to skip these tests explicitly (e.g. on a laptop without npm).
"""

from __future__ import annotations

import contextlib
import json
import os
import re
import secrets
import shutil
import signal
import subprocess
import sys
import time
from importlib.util import find_spec
from pathlib import Path
from urllib.parse import unquote, urlsplit

import psutil
import pytest

from conftest import ARTEFAK, NOTEBOOKS, REPO, lingkungan_terisolasi, port_bebas
from literasi.layanan.tautan import tautan_nbgitpuller

pytestmark = pytest.mark.hub

CHP = REPO / "tests" / "node_modules" / ".bin" / "configurable-http-proxy"
KONFIG = Path(__file__).with_name("jupyterhub_config.py")
PENGGUNA = ("ani", "budi")
BERANDA = "index.ipynb"
APLIKASI = "siswa/00_kota_pekalongan_di_jawa_tengah.ipynb"
PENANDA_TARIKAN = "Salinan ini datang lewat nbgitpuller"
BATAS_DETIK = 60


def alat_tersedia() -> None:
    """Fail (or skip, only when asked) if a tool the hub needs is missing."""
    kurang = [f"{m} (pip)" for m in ("jupyterhub", "nbgitpuller") if find_spec(m) is None]
    if not CHP.exists():
        kurang.append(f"configurable-http-proxy (npm, {CHP.relative_to(REPO)})")
    if shutil.which("node") is None:
        kurang.append("node")
    if not kurang:
        return
    pesan = "Tes JupyterHub butuh: " + ", ".join(kurang) + ". Jalankan `bash tests/run.sh`."
    if os.environ.get("LITERASI_TANPA_HUB") == "1":
        pytest.skip(pesan + " (dilewati: LITERASI_TANPA_HUB=1)")
    pytest.fail(pesan)


def html_dari(r) -> str:
    # Voilà sends text/html without a charset; requests would guess Latin-1.
    return r.content.decode("utf-8")


def periksa_halaman_kit(r, notebook: str) -> str:
    """The Binder route's assertions (tests/voila/test_binder_server.py), plus cell errors."""
    html = html_dari(r)
    assert r.status_code == 200, f"{r.url}: HTTP {r.status_code}\n{html[:2000]}"
    assert "Traceback" not in html
    assert "There was an error when executing" not in html  # Voilà hides cell errors
    assert "Sedang menyiapkan aplikasi" in html, "the kit's template was not used"
    assert 'lang="id"' in html
    assert "cdn.jsdelivr.net" not in html
    assert "load_dataset(" not in html and "import " not in html.split("<body")[1]
    nb = json.loads((NOTEBOOKS / notebook).read_text(encoding="utf-8"))
    for sel in nb["cells"]:
        if "remove-voila" in sel.get("metadata", {}).get("tags", []):
            baris_pertama = "".join(sel["source"]).strip().splitlines()[0]
            assert baris_pertama not in html, f"teacher-only cell reached the page: {baris_pertama}"
    return html


def cmdline(p: psutil.Process) -> str:
    try:
        return " ".join(p.cmdline())
    except psutil.Error:  # gone meanwhile (git, for instance)
        return ""


def zombi(p: psutil.Process) -> bool:
    try:
        return p.status() == psutil.STATUS_ZOMBIE
    except psutil.Error:
        return True


def id_kernel(html: str) -> str:
    return re.search(r'"kernelId":\s*"([0-9a-f-]{36})"', html).group(1)


class Hub:
    """One JupyterHub process and what the test needs to drive it."""

    def __init__(self, folder: Path):
        import requests  # a dependency of jupyterhub; imported after the tool check

        self.requests = requests
        self.folder = folder
        self.port = port_bebas()
        self.url = f"http://127.0.0.1:{self.port}"
        self.token = secrets.token_hex(16)
        self.sandi = secrets.token_urlsafe(12)
        self.sesi: dict[str, requests.Session] = {}
        self.waktu: dict[str, float] = {}
        self.proses: subprocess.Popen | None = None
        self.pernah_hidup: set[psutil.Process] = set()
        self.log_path = ARTEFAK / "hub.log"
        self.mulai = time.monotonic()

    def catat(self, langkah: str) -> None:
        self.waktu[langkah] = round(time.monotonic() - self.mulai, 2)

    def log(self) -> str:
        return self.log_path.read_text(errors="replace")[-4000:]

    def jalankan(self) -> None:
        env = lingkungan_terisolasi(self.folder)
        env["PATH"] = str(Path(sys.executable).parent) + os.pathsep + env.get("PATH", "")
        env.update(
            LITERASI_HUB_FOLDER=str(self.folder),
            LITERASI_HUB_PORT=str(self.port),
            LITERASI_HUB_PORT_HUB=str(port_bebas()),
            LITERASI_HUB_PORT_PROXY_API=str(port_bebas()),
            LITERASI_HUB_CHP=str(CHP),
            LITERASI_HUB_TOKEN=self.token,
            LITERASI_HUB_SANDI=self.sandi,
        )
        ARTEFAK.mkdir(exist_ok=True)
        with open(self.log_path, "w") as log:
            self.proses = subprocess.Popen(
                [sys.executable, "-m", "jupyterhub", "-f", str(KONFIG)],
                stdout=log,
                stderr=subprocess.STDOUT,
                stdin=subprocess.DEVNULL,
                env=env,
                cwd=self.folder,
                start_new_session=True,
            )
        self.tunggu(lambda: self.api("GET", "/hub/api/").status_code == 200, "hub API")
        self.catat("hub siap")

    def tunggu(self, syarat, apa: str, batas: float = 60) -> None:
        akhir = time.monotonic() + batas
        while time.monotonic() < akhir:
            if self.proses.poll() is not None:
                pytest.fail(f"JupyterHub stopped (code {self.proses.returncode}):\n{self.log()}")
            try:
                if syarat():
                    return
            except self.requests.ConnectionError:
                pass
            time.sleep(0.25)
        pytest.fail(f"{apa}: not ready in {batas} s\n{self.log()}")

    def api(self, metode: str, path: str, **kw):
        kw.setdefault("timeout", 30)
        header = {"Authorization": f"token {self.token}"}
        return self.requests.request(metode, self.url + path, headers=header, **kw)

    def masuk(self, nama: str, sandi: str | None = None):
        """Log in through the real login form (its hidden _xsrf field included)."""
        s = self.requests.Session()
        formulir = s.get(f"{self.url}/hub/login", timeout=30).text
        xsrf = re.search(r'name="_xsrf"\s+value="([^"]+)"', formulir).group(1)
        data = {"username": nama, "password": sandi or self.sandi, "_xsrf": xsrf}
        r = s.post(f"{self.url}/hub/login", data=data, allow_redirects=False, timeout=30)
        return s, r

    def server(self, nama: str) -> dict:
        return self.api("GET", f"/hub/api/users/{nama}").json()["servers"].get("", {})

    def catat_proses(self) -> None:
        """Remember every process of the hub's tree, to check none survives the stop."""
        if self.proses and self.proses.poll() is None:
            induk = psutil.Process(self.proses.pid)
            self.pernah_hidup |= {induk, *induk.children(recursive=True)}

    def hentikan(self) -> list[tuple[int, str]]:
        """Stop the hub; return the processes of its tree still alive afterwards.

        SIGTERM is how a service manager stops JupyterHub: the hub itself must then stop the
        users' servers (cleanup_servers, on by default) and the proxy.
        """
        if self.proses is None:
            return []
        self.catat_proses()
        if self.proses.poll() is None:
            self.proses.send_signal(signal.SIGTERM)
            try:
                self.proses.wait(timeout=30)
            except subprocess.TimeoutExpired:
                self.proses.kill()  # returncode -9: the test reports it
                self.proses.wait()
        # Kernels exit on their own once their server is gone ("Parent appears to have
        # exited"), which can take a moment: poll before calling anything a leftover.
        _, hidup = psutil.wait_procs(list(self.pernah_hidup), timeout=15)
        hidup = [p for p in hidup if not zombi(p)]  # exited, waiting for its parent's wait()
        sisa = [(p.pid, cmdline(p)) for p in hidup]
        for p in hidup:
            with contextlib.suppress(psutil.Error):
                p.kill()
        self.catat("hub berhenti")
        return sisa


@pytest.fixture(scope="module")
def hub(tmp_path_factory):
    alat_tersedia()
    hub = Hub(tmp_path_factory.mktemp("hub"))
    try:
        hub.jalankan()
        for nama in PENGGUNA:
            hub.sesi[nama], r = hub.masuk(nama)
            assert r.status_code == 302, f"login {nama}: HTTP {r.status_code}"
        # Spawns are asynchronous: with slow_spawn_timeout=0 the hub answers 202 at once;
        # both servers start together and the test polls `ready`.
        for nama in PENGGUNA:
            r = hub.api("POST", f"/hub/api/users/{nama}/server")
            assert r.status_code in (201, 202), f"spawn {nama}: HTTP {r.status_code} {r.text}"
        for nama in PENGGUNA:

            def siap(nama=nama):
                server = hub.server(nama)
                if not server.get("ready") and not server.get("pending"):
                    pytest.fail(f"server of {nama} failed to start:\n{hub.log()}")
                return server.get("ready")

            hub.tunggu(siap, f"server of {nama}")
        hub.catat("dua server siap")
        hub.catat_proses()
        yield hub
    finally:
        sisa = hub.hentikan()
        hub.waktu["total"] = round(time.monotonic() - hub.mulai, 2)
        with open(hub.log_path, "a") as log:
            log.write(f"\n# literasi: waktu (detik sejak hub dijalankan): {hub.waktu}\n")
        if sisa:
            pytest.fail(f"processes left after the hub stopped: {sisa}")


def test_sandi_salah_ditolak(hub):
    _, r = hub.masuk("ani", sandi="bukan-sandinya")
    assert r.status_code == 403


@pytest.mark.parametrize("nama", PENGGUNA)
@pytest.mark.parametrize("notebook", [BERANDA, APLIKASI])
def test_aplikasi_lewat_hub_memakai_template_kit(hub, nama, notebook):
    r = hub.sesi[nama].get(f"{hub.url}/user/{nama}/voila/render/notebooks/{notebook}", timeout=120)
    assert urlsplit(r.url).path == f"/user/{nama}/voila/render/notebooks/{notebook}"
    periksa_halaman_kit(r, notebook)
    hub.catat(f"{nama} {notebook}")


def test_kernel_kedua_siswa_terpisah(hub):
    """Each student's kernel runs under their own server, and only their server knows it."""
    kernel = {}
    for nama in PENGGUNA:
        halaman = f"{hub.url}/user/{nama}/voila/render/notebooks/{BERANDA}"
        r = hub.sesi[nama].get(halaman, timeout=120)
        kernel[nama] = id_kernel(periksa_halaman_kit(r, BERANDA))
    ani, budi = PENGGUNA
    assert kernel[ani] != kernel[budi]

    # Jupyter's kernels API, with each student's own login.
    for nama, lain in ((ani, budi), (budi, ani)):
        s = hub.sesi[nama]
        r = s.get(f"{hub.url}/user/{nama}/api/kernels", timeout=30)
        assert r.status_code == 200, r.text
        milik = {k["id"] for k in r.json()}
        assert kernel[nama] in milik and kernel[lain] not in milik
        # A student cannot reach the other's server at all.
        r = s.get(f"{hub.url}/user/{lain}/api/kernels", timeout=30)
        assert r.status_code == 403

    # And as processes: each kernel is a child of its own student's server process.
    hub.catat_proses()
    semua = psutil.Process(hub.proses.pid).children(recursive=True)
    server = {
        p.environ().get("JUPYTERHUB_USER"): p
        for p in semua
        if "jupyterhub-singleuser" in cmdline(p)
    }
    assert set(server) == set(PENGGUNA)
    assert server[ani].pid != server[budi].pid
    for nama in PENGGUNA:
        anak = server[nama].children(recursive=True)
        assert any(f"kernel-{kernel[nama]}.json" in cmdline(p) for p in anak)
        lain = budi if nama == ani else ani
        assert not any(f"kernel-{kernel[lain]}.json" in cmdline(p) for p in anak)


def test_hanya_mendengar_di_loopback(hub):
    hub.catat_proses()
    for p in hub.pernah_hidup:
        try:
            # psutil >= 6 renamed connections() to net_connections()
            koneksi = (getattr(p, "net_connections", None) or p.connections)(kind="inet")
        except psutil.NoSuchProcess:
            continue
        for k in koneksi:
            if k.status == psutil.CONN_LISTEN:
                assert k.laddr.ip == "127.0.0.1", f"{p.name()} listens on {k.laddr}"


@pytest.fixture(scope="module")
def repo_git(tmp_path_factory) -> Path:
    """A bare repository with a copy of the kit's notebooks, as a school would host it."""
    tmp = tmp_path_factory.mktemp("git")
    sumber, bare = tmp / "sumber", tmp / "kit.git"
    shutil.copytree(NOTEBOOKS, sumber / "notebooks", ignore=shutil.ignore_patterns(".ipynb_*"))
    # A visible change, so the page can only come from the pulled copy.
    app = sumber / "notebooks" / APLIKASI
    nb = json.loads(app.read_text(encoding="utf-8"))
    nb["cells"].append({"cell_type": "markdown", "metadata": {}, "source": [PENANDA_TARIKAN]})
    app.write_text(json.dumps(nb, ensure_ascii=False, indent=1), encoding="utf-8")

    def git(*args, cwd=sumber):
        subprocess.run(["git", *args], cwd=cwd, check=True, capture_output=True)

    git("init", "-q", "--bare", "-b", "main", str(bare), cwd=tmp)
    git("init", "-q", "-b", "main")
    git("add", ".")
    git("-c", "user.name=Guru", "-c", "user.email=guru@sekolah.invalid", "commit", "-qm", "kit")
    git("push", "-q", f"file://{bare}", "main")
    return bare


def test_tautan_nbgitpuller_menarik_dan_membuka_aplikasi(hub, repo_git):
    nama = PENGGUNA[0]
    s = hub.sesi[nama]
    tautan = tautan_nbgitpuller(hub.url, f"file://{repo_git}", APLIKASI)

    # The link: the hub sends the student to their own server's git-pull page.
    r = s.get(tautan, timeout=30)
    assert r.status_code == 200 and urlsplit(r.url).path == f"/user/{nama}/git-pull", r.url
    data = {k: unquote(v) for k, v in re.findall(r'data-([a-z-]+)="([^"]*)"', html_dari(r))}
    assert data["repo"] == f"file://{repo_git}" and data["targetpath"] == "kit"

    # That page's JavaScript calls git-pull/api and then opens `path`; do the same here.
    # Errors come back as HTTP 200 with a "phase": "error" event, so read the events.
    asal = f"{hub.url}{data['base-url']}"
    kueri = {"repo": data["repo"], "targetpath": data["targetpath"], "branch": data["branch"]}
    r = s.get(f"{asal}git-pull/api", params=kueri, timeout=60)
    assert r.status_code == 200
    fase = [json.loads(b[6:]) for b in r.text.splitlines() if b.startswith("data: ")]
    assert fase and fase[-1]["phase"] == "finished", fase
    assert (hub.folder / "home" / nama / "kit" / "notebooks" / APLIKASI).is_file()

    r = s.get(asal + data["path"], timeout=120)
    assert urlsplit(r.url).path == f"/user/{nama}/voila/render/kit/notebooks/{APLIKASI}"
    assert PENANDA_TARIKAN in periksa_halaman_kit(r, APLIKASI)
    hub.catat("nbgitpuller")


def test_hub_berhenti_tanpa_sisa_proses(hub):
    """Stop everything now (the fixture's stop is then a no-op) and check what is left."""
    jumlah = len(hub.pernah_hidup)
    assert jumlah >= 5  # hub, proxy, two servers, kernels
    sisa = hub.hentikan()
    assert sisa == [], f"processes survived the hub: {sisa}\n{hub.log()}"
    assert hub.proses.returncode == 0, hub.log()
    assert not any(p.is_running() for p in hub.pernah_hidup)
