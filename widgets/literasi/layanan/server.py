"""The workshop server: Voilà over notebooks/, opening on the landing page.

`literasi serve` runs a standalone Voilà (where preheated kernel pools live) with the kit's
configuration and template, and these changes to Voilà's routes: `/` redirects to the landing
page; the folder tree and the contents API are not served, so the LAN sees only the apps; and
app pages set the XSRF cookie so a closed tab shuts its kernel down. Responses are gzipped
(a phone downloads about 1,3 MB instead of 4,9 MB), and the preheated pools are refilled as
`literasi.layanan.kolam` says.
"""

from __future__ import annotations

import asyncio
import errno
import functools
import json
import logging
import os
import socket
import sys
from dataclasses import dataclass, field
from pathlib import Path

from literasi.aplikasi import id_aplikasi, metadata_notebook
from literasi.catatan import TERMINAL
from literasi.layanan import kolam
from literasi.lokasi import folder_kit

log = logging.getLogger(__name__)

PAKET = Path(__file__).resolve().parent
KONFIG_JUPYTER = PAKET / "jupyter" / "config"
DATA_JUPYTER = PAKET / "jupyter" / "data"
HALAMAN_AWAL = "index.ipynb"
# Also named in jupyter/config/jupyter_server_config.json (ServerApp, for Binder and JupyterHub).
KONEKSI_KERNEL = "literasi.layanan.koneksi_kernel.KoneksiKernelAman"
KELAS_PENGELOLA_KERNEL = "literasi.layanan.penjaga.PengelolaKernelTerjaga"


@dataclass
class PengaturanServer:
    """What one run of the workshop server needs to know."""

    folder_notebook: Path
    ip: str = "127.0.0.1"
    port: int = 8866
    kolam: dict[str, int] = field(default_factory=dict)  # notebook path -> preheated kernels
    alamat_publik: str | None = None  # the URL printed and shown as a QR code
    hash_pin_guru: str | None = None  # the teacher's PIN (LAN mode), as literasi.kelas.pin.hash_pin

    rinci: bool = False  # show Voilà's INFO log (for developers)

    def konfig_voila(self):
        """Voilà settings for this run, on top of jupyter/config/ (voila.json is read by Voilà)."""
        from traitlets.config import Config

        pools = {"default": {"pool_size": 0}}
        pools.update({nb: {"pool_size": n} for nb, n in self.kolam.items() if n > 0})
        # Executor, exporter and culling settings are shared with Jupyter Server (Binder,
        # JupyterHub), which reads them from jupyter_server_config.json; standalone Voilà reads
        # only voila.json, so the same file is loaded here: one copy of each setting.
        with open(KONFIG_JUPYTER / "jupyter_server_config.json", encoding="utf-8") as f:
            c = Config(json.load(f))
        c.Voila.open_browser = False
        c.Voila.ip = self.ip
        c.Voila.port = self.port
        c.Voila.port_retries = 0  # a taken port is reported in Indonesian before we start
        c.Voila.root_dir = str(self.folder_notebook)
        # Voilà's log goes to the kit's log file (literasi.catatan), never to the terminal.
        c.Voila.log_level = "INFO" if self.rinci else "WARN"
        c.VoilaConfiguration.preheat_kernel = bool(self.kolam)
        c.VoilaKernelManager.kernel_pools_config = pools
        c.VoilaKernelManager.fill_delay = 0  # literasi.layanan.kolam decides when to refill
        # Which phone holds which kernel (bounds per phone, pages that never connect culled).
        c.VoilaConfiguration.multi_kernel_manager_class = KELAS_PENGELOLA_KERNEL
        # Malformed frames from a phone are dropped before Jupyter Server unpacks them.
        c.Voila.kernel_websocket_connection_class = KONEKSI_KERNEL
        if sys.platform.startswith("linux"):
            # Kernel channels over Unix sockets instead of loopback TCP ports, and no "running
            # over TCP without encryption" warning per kernel in the teacher's terminal.
            # (Not on macOS, where socket paths under $TMPDIR can exceed 104 characters.)
            c.KernelManager.transport = "ipc"
        return c


def alamat_untuk_siswa() -> str | None:
    """The address students type or scan (LAN mode), set by siapkan_lingkungan."""
    return os.environ.get("LITERASI_ALAMAT")


def rencana_kolam(
    folder: Path,
    pelajaran: list[str],
    ukuran: int | None,
    siswa: int = kolam.KELAS_BAWAAN,
    tersedia_mb: float | None = None,
) -> dict[str, int]:
    """Preheated kernels per notebook: one for each teacher app, `ukuran` for each student app
    of today's lessons (by app id, "03" or "K03": literasi.aplikasi.id_aplikasi), none for the
    rest (the landing page needs none: the server writes it). `ukuran=None`: one per student,
    as far as the free memory allows.

    Pools are sized per notebook, never globally: Voilà multiplies a global pool_size by the
    number of notebooks in the folder, and every warm kernel costs about 140 MB.
    """
    if ukuran is not None and ukuran <= 0:
        return {}
    aplikasi = sorted(
        p.relative_to(folder).as_posix()
        for p in folder.glob("*/*.ipynb")
        if ".ipynb_checkpoints" not in p.parts
    )

    diminta = [nn.upper() for nn in pelajaran if nn != "semua"]
    ada = {id_aplikasi(a) for a in aplikasi}
    kosong = [nn for nn in diminta if nn not in ada]
    if kosong:
        raise ValueError(
            f"Pelajaran {', '.join(kosong)} tidak ada. Nomor yang tersedia: "
            f"{', '.join(sorted(ada))}."
        )
    dipilih = [a for a in aplikasi if "semua" in pelajaran or id_aplikasi(a) in diminta]
    # One teacher per class: a teacher's app (metadata audiens "guru") gets one warm kernel.
    untuk_siswa = [
        a for a in dipilih if metadata_notebook(folder / a).get("audiens", "siswa") != "guru"
    ]
    if ukuran is None:
        if tersedia_mb is None:
            tersedia_mb = kolam.memori_tersedia_mb()
        ukuran = kolam.ukuran_kolam_otomatis(len(untuk_siswa), siswa, tersedia_mb)
    return {a: (ukuran if a in untuk_siswa else 1) for a in dipilih}


def cari_folder_notebook() -> Path:
    """The kit's notebooks/ (literasi.lokasi: $LITERASI_KIT, the repository, or a wheel's copy)."""
    try:
        return folder_kit() / "notebooks"
    except FileNotFoundError:
        return Path.cwd() / "notebooks"  # `literasi serve` then says what is missing


def siapkan_lingkungan(alamat_publik: str | None = None, hash_pin_guru: str | None = None) -> None:
    """Put the kit's Jupyter config and Voilà template on the search paths of this process.

    The same two paths are exported by binder/start, so Binder and JupyterHub users get the
    same template, timeouts and hidden teacher cells as the workshop server.
    """
    for nama, path in (("JUPYTER_CONFIG_PATH", KONFIG_JUPYTER), ("JUPYTER_PATH", DATA_JUPYTER)):
        lama = os.environ.get(nama)
        os.environ[nama] = str(path) + (os.pathsep + lama if lama else "")
    from literasi.kelas import kuis_web, umpan_web

    # The class quiz's host view and the session feedback's view learn that phones can join
    # (/kuis, /umpan).
    kuis_web.umumkan_ke_kernel()
    umpan_web.umumkan_ke_kernel()
    if alamat_publik:
        # Read by the landing page (in the kernel) to draw the QR code for the projector.
        os.environ["LITERASI_ALAMAT"] = alamat_publik
    if hash_pin_guru:
        # Read by the teacher's dashboard (in its kernel): students on the LAN cannot open it.
        # A hash, not the PIN: a kernel can check a PIN without holding it.
        from literasi.kelas.pin import ENV_HASH

        os.environ[ENV_HASH] = hash_pin_guru


def alamat_lan() -> str | None:
    """The machine's LAN IPv4 address, or None when it only has loopback.

    A UDP connect() picks the outgoing interface without sending any packet.
    """
    try:
        with socket.socket(socket.AF_INET, socket.SOCK_DGRAM) as s:
            s.connect(("192.0.2.1", 9))  # TEST-NET-1: never routed, nothing is sent
            ip = s.getsockname()[0]
    except OSError:
        return None
    return None if ip.startswith("127.") else ip


def port_terpakai(ip: str, port: int) -> bool:
    """True when something already listens on (ip, port)."""
    with socket.socket(socket.AF_INET, socket.SOCK_STREAM) as s:
        s.setsockopt(socket.SOL_SOCKET, socket.SO_REUSEADDR, 1)
        try:
            s.bind((ip, port))
        except OSError as e:
            return e.errno in (errno.EADDRINUSE, errno.EACCES)
    return False


def buat_aplikasi_voila():
    """A Voilà application class with the kit's routes (imported late: Voilà is heavy)."""
    from tornado.ioloop import PeriodicCallback
    from tornado.web import GZipContentEncoding, HTTPError, RedirectHandler
    from voila.app import Voila
    from voila.configuration import VoilaConfiguration
    from voila.static_file_handler import TemplateStaticFileHandler
    from voila.tornado.contentshandler import VoilaContentsHandler
    from voila.tornado.handler import TornadoVoilaHandler
    from voila.tornado.treehandler import TornadoVoilaTreeHandler

    from literasi.kelas import ponsel
    from literasi.layanan import penjaga

    class HalamanAplikasi(TornadoVoilaHandler):
        async def get(self, path=None):
            from literasi.layanan import pojok  # `literasi serve --pojok`: a library's corner

            if pojok.layani(self, path, self.settings["literasi_folder"], alamat_untuk_siswa()):
                return
            if path == HALAMAN_AWAL:
                # Every phone opens the landing page first: plain HTML, no kernel. It gives the
                # browser its phone key and puts it in the links of the apps that ask for it.
                from literasi.layanan.beranda import halaman_statis

                kunci = ponsel.kunci_beranda(self)
                self.set_header("Content-Type", "text/html; charset=UTF-8")
                folder = self.settings["literasi_folder"]
                self.finish(halaman_statis(folder, alamat_untuk_siswa(), kunci))
                return
            if path in self.settings["literasi_berkunci"] and ponsel.arahkan_ke_kunci(self):
                return  # redirected to the same app with this browser's phone key
            # --- issue 12: bounds per phone (literasi.layanan.penjaga) ---
            # ?template= / ?theme= would skip the warm pool and, where Voilà allows overrides,
            # show the teacher's cells: the kit's template and theme only. (The query arguments
            # bear the names of the Voilà settings they override.)
            for nama in (VoilaConfiguration.template.name, VoilaConfiguration.theme.name):
                self.request.arguments.pop(nama, None)
                self.request.query_arguments.pop(nama, None)
            permintaan = penjaga.Permintaan(self.request.remote_ip)
            penjaga.PERMINTAAN.set(permintaan)
            status = await penjaga.beri_tempat(
                self.kernel_manager,
                permintaan,
                self.settings["literasi_ip"],
                self.settings["literasi_maks_kernel"],
                path,
            )
            if status is not None:
                return self._tolak(status)
            try:
                return await super().get(path)
            finally:
                penjaga.PENCATAT.selesai_meminta(permintaan)  # no kernel came (an error)
                # From now on a page that never connects loses its kernel within a minute.
                penjaga.PENCATAT.halaman_terkirim(permintaan.kernel_id)

        def _tolak(self, status: int) -> None:
            """The kit's Indonesian page: this phone holds enough kernels (429) or the laptop
            is full (503)."""
            if status == 503:
                TERMINAL.warning(
                    "Peringatan: memori laptop hampir penuh (%d kernel berjalan); ponsel yang "
                    "baru membuka aplikasi diminta menunggu.",
                    len(self.kernel_manager.list_kernel_ids()),
                )
            self.set_status(status)
            self.set_header("Content-Type", "text/html; charset=UTF-8")
            self.set_header("Retry-After", "30")
            self.finish(penjaga.halaman_pesan(status, ulang=self.request.uri))

        # --- end issue 12 ---

        async def prepare(self, **kwargs):
            await super().prepare(**kwargs)
            # Set the _xsrf cookie: the page sends it back with its shutdown beacon when the tab
            # closes. Without it that POST gets 403 and every closed tab leaves a kernel (about
            # 140 MB) running until culled.
            self.xsrf_token  # noqa: B018 (the property sets the cookie)

    class BerkasTemplate(TemplateStaticFileHandler):
        """Voilà's template files, refusing paths that are not `<template>/static/<file>`
        (Voilà's handler answers them with a traceback and a 500)."""

        def parse_url_path(self, path):
            bagian = path.split("/")
            if len(bagian) < 3 or bagian[1] != "static" or "" in bagian or ".." in bagian:
                raise HTTPError(404)
            return super().parse_url_path(path)

    class VoilaLiterasi(Voila):
        name = "literasi"

        def init_settings(self):
            from contextlib import nullcontext

            from literasi.layanan import voila_dalam

            # Voilà builds its kernel manager class inside init_settings: have it built as the
            # kit's subclass, so the pools follow literasi.layanan.kolam (refill when quiet).
            with (
                voila_dalam.pabrik_pengelola_kernel(kolam.buat_pengelola_kolam)
                if self.voila_configuration.preheat_kernel
                else nullcontext()
            ):
                settings = super().init_settings()
            settings["literasi_folder"] = self.root_dir
            from literasi.layanan.beranda import katalog

            # Apps whose link carries the phone's key (notebook metadata literasi.kunci_ponsel).
            berkunci = {a.path for a in katalog(self.root_dir) if a.kunci_ponsel}
            settings["literasi_berkunci"] = berkunci
            settings["literasi_ip"] = self.ip
            settings["literasi_maks_kernel"] = penjaga.batas_kernel_total()
            # Passed to tornado's Application with the settings (Voilà applies its
            # tornado_settings after the Application is built, too late for transforms): the
            # kit's headers and Indonesian error pages, then gzip for every page, script, JSON.
            settings["transforms"] = [penjaga.KepalaAman, GZipContentEncoding]
            # Pages that never connect and kernels that grow too big lose their kernel.
            PeriodicCallback(self._jaga_kernel, 10_000).start()
            # The JupyterLab extensions' scripts have names that change with their content
            # (remoteEntry.<hash>.js, <n>.<hash>.js?v=<hash>), yet Voilà serves them no-cache,
            # so a student's second app asks for each again. Jupyter Server's own setting lets
            # the phone keep them for a year (tests/benchmark/ponsel.py prints the bytes).
            settings["static_immutable_cache"] = [
                self.server_url.rstrip("/") + "/voila/labextensions/"
            ]
            return settings

        def initialize(self, argv=None):
            super().initialize(argv)
            # Voilà's log into the kit's log file (literasi.catatan), not onto the terminal.
            self.log.handlers.clear()
            self.log.setLevel(self.log_level)
            self.log.propagate = True

        def listen(self):
            # Voilà's listen() calls app.listen(port, ip); the kit's server adds timeouts, the
            # Host check and per-phone connection bounds (literasi.layanan.penjaga.dengarkan).
            self.app.listen = functools.partial(penjaga.dengarkan, self.app, self.ip)
            super().listen()

        def _jaga_kernel(self):
            """Every 10 s: shut down kernels whose page never connected, and kernels grown past
            the per-kernel memory bound (a phone sending huge widget values)."""
            km = self.kernel_manager
            for kernel_id in penjaga.PENCATAT.tak_tersambung():
                if kernel_id in km:
                    log.info("Kernel %s dimatikan: halamannya tidak pernah tersambung", kernel_id)
                    asyncio.ensure_future(km.shutdown_kernel(kernel_id))
                else:
                    penjaga.PENCATAT.dimatikan(kernel_id)
            for kernel_id, mb in penjaga.kernel_terlalu_besar(km):
                TERMINAL.warning(
                    "Peringatan: satu aplikasi memakai %d MB memori dan dihentikan; siswanya "
                    "diminta memuat ulang halaman.",
                    mb,
                )
                asyncio.ensure_future(km.shutdown_kernel(kernel_id, now=True))

        def init_handlers(self):
            tersembunyi = (TornadoVoilaTreeHandler, VoilaContentsHandler)
            ganti = {
                TornadoVoilaHandler: HalamanAplikasi,
                TemplateStaticFileHandler: BerkasTemplate,
            }
            handlers = [
                (h[0], ganti.get(h[1], h[1]), *h[2:])
                for h in super().init_handlers()
                if h[1] not in tersembunyi
                # No login on the LAN (and Voilà's /logout answers 500 with a traceback).
                and not h[0].rstrip("/").endswith(("/login", "/logout"))
            ]
            # Kuis Kelas and Umpan Balik Sesi: phones without kernels
            from literasi.kelas.kuis_web import rute_kuis
            from literasi.kelas.umpan_web import rute_umpan

            handlers = rute_kuis(self.server_url) + rute_umpan(self.server_url) + handlers
            awal = self.server_url.rstrip("/") + "/voila/render/" + HALAMAN_AWAL
            handlers.insert(0, (self.server_url.rstrip("/") + "/?", RedirectHandler, {"url": awal}))
            return handlers

    return VoilaLiterasi


def jalankan(pengaturan: PengaturanServer) -> None:
    """Start Voilà in this process; Ctrl+C shuts every kernel down (Voilà's own stop())."""
    from literasi.kelas import pin, ponsel

    siapkan_lingkungan(pengaturan.alamat_publik, pengaturan.hash_pin_guru)
    # This server's kernels: every page of an app that asks has a phone key, and a preheated
    # kernel reads its page's query string from this address (Voilà's VOILA_APP_IP).
    os.environ[ponsel.ENV_SERVER] = "1"
    os.environ["VOILA_APP_IP"] = pengaturan.ip
    if pengaturan.hash_pin_guru:
        pin.pantau_di_terminal(pengaturan.hash_pin_guru)  # wrong PINs: one line per burst
    VoilaLiterasi = buat_aplikasi_voila()
    VoilaLiterasi.launch_instance(argv=[], config=pengaturan.konfig_voila())
