"""What one phone can cost the class: kernels, connections, and what every response carries.

The school Wi-Fi is not friendly (issue 12). Bounds kept here, each for one reason:

- Kernels (about 140 MB each; one grown past `BATAS_MEMORI_KERNEL_MB` is shut down). A phone
  (one IP address) holds at most `MAKS_KERNEL_PER_KLIEN` kernels: when it asks for another, its
  oldest kernel whose page was open and went away is shut down; if none did, it gets an Indonesian
  page saying so. A new kernel is started only while the laptop has memory for it
  (`batas_kernel_total`). A kernel whose page never connected within `JEDA_TAK_TERSAMBUNG`
  seconds after the page was sent is shut down. The teacher's own laptop (loopback, the
  server's address) is not limited.
- Connections. Each costs an open file; a phone holds at most `MAKS_KONEKSI_PER_KLIEN`, the
  server at most half its open-files limit, which is raised at start where the system allows.
  A connection that sends no complete request headers within `BATAS_DIAM` seconds is closed
  (tornado's idle-connection timeout is also its header timeout).
- The Host header must name this server (a web page elsewhere cannot reach it by DNS
  rebinding), as Jupyter Server's own check does.
- Every response says `X-Content-Type-Options: nosniff` and has a Content-Security-Policy (the
  static files had none); every error page is the kit's Indonesian page, never Voilà's English
  one with a link to a font on a CDN, never a traceback.
"""

from __future__ import annotations

import contextvars
import logging
import re
import time
from dataclasses import dataclass, field
from html import escape

from jupyter_server.services.kernels.kernelmanager import AsyncMappingKernelManager
from tornado import httputil
from tornado.httpserver import HTTPServer
from tornado.routing import AnyMatches, HostMatches, Rule, RuleRouter
from tornado.web import Application, OutputTransform, RequestHandler

from literasi.catatan import TERMINAL
from literasi.layanan import kolam

MAKS_KERNEL_PER_KLIEN = 4  # a phone: today's app, the survey, one more, a reload
JEDA_TAK_TERSAMBUNG = 60.0  # seconds after its page was sent
MAKS_KONEKSI_PER_KLIEN = 48  # a browser opens ~6 per server, plus one websocket per page
BATAS_DIAM = 20.0  # seconds for an idle connection, or for a request's headers
BATAS_ISI_MB = 1  # request bodies (only the tab-closing beacon sends one)
BATAS_BERKAS_DIINGINKAN = 65536  # open files wanted at start (soft limit)
# A kit app's kernel uses ~140-300 MB (an 8 MB upload included); beyond this it is shut down.
BATAS_MEMORI_KERNEL_MB = 4 * kolam.MB_PER_KERNEL + 80

log = logging.getLogger(__name__)


# ----------------------------------------------------------------------------- kernels


@dataclass
class Kernel:
    klien: str
    diserahkan: float = field(default_factory=time.monotonic)  # page handed the kernel
    terkirim: float | None = None  # page fully sent (or its request gone)
    koneksi: int = 0  # open websockets
    pernah_tersambung: bool = False
    lepas: float | None = None  # when its last websocket closed


@dataclass
class Permintaan:
    """One page request: who asked, and which kernel the kernel manager gave it."""

    klien: str
    kernel_id: str | None = None
    menunggu: bool = False  # counted in PencatatKernel.menunggu until its kernel is handed


# Set by the page handler for the request it serves; read by the kernel manager when it hands a
# kernel to that request (contextvars follow the request through every await).
PERMINTAAN: contextvars.ContextVar[Permintaan | None] = contextvars.ContextVar(
    "literasi_permintaan", default=None
)


class PencatatKernel:
    """Which client holds which kernel, and whether its page ever connected."""

    def __init__(self, jeda_tak_tersambung: float = JEDA_TAK_TERSAMBUNG):
        self.kernel: dict[str, Kernel] = {}
        self.jeda = jeda_tak_tersambung
        # Page requests admitted and still waiting for their kernel, per client: counted as
        # kernels, or ten requests sent at once would all pass before the first kernel started.
        self.menunggu: dict[str, int] = {}

    def mulai_meminta(self, permintaan: Permintaan) -> None:
        self.menunggu[permintaan.klien] = self.menunggu.get(permintaan.klien, 0) + 1
        permintaan.menunggu = True

    def selesai_meminta(self, permintaan: Permintaan) -> None:
        """The request has its kernel, or gave up: its claim is no longer counted."""
        if not permintaan.menunggu:
            return
        permintaan.menunggu = False
        self.menunggu[permintaan.klien] -= 1
        if self.menunggu[permintaan.klien] <= 0:
            del self.menunggu[permintaan.klien]

    def serahkan(self, kernel_id: str) -> None:
        permintaan = PERMINTAAN.get()
        if permintaan is None:  # a pool filling itself, not a page
            return
        permintaan.kernel_id = kernel_id
        self.kernel[kernel_id] = Kernel(permintaan.klien)
        self.selesai_meminta(permintaan)  # the claim is now this kernel, counted once

    def halaman_terkirim(self, kernel_id: str | None) -> None:
        if kernel_id in self.kernel:
            self.kernel[kernel_id].terkirim = time.monotonic()

    def tersambung(self, kernel_id: str) -> None:
        k = self.kernel.get(kernel_id)
        if k:
            k.koneksi += 1
            k.pernah_tersambung = True
            k.lepas = None

    def terputus(self, kernel_id: str) -> None:
        k = self.kernel.get(kernel_id)
        if k:
            k.koneksi = max(0, k.koneksi - 1)
            if k.koneksi == 0:
                k.lepas = time.monotonic()

    def dimatikan(self, kernel_id: str) -> None:
        self.kernel.pop(kernel_id, None)

    def milik(self, klien: str) -> list[str]:
        return [kid for kid, k in self.kernel.items() if k.klien == klien]

    def boleh_diganti(self, klien: str) -> str | None:
        """The client's oldest kernel whose page was open and went away (a reload, a closed
        tab), to make room. Pages that never connected are not replaced but culled after a
        minute: requesting pages in a loop gets a phone four kernels a minute, no more."""
        calon = [
            (k.diserahkan, kid)
            for kid, k in self.kernel.items()
            if k.klien == klien and k.koneksi == 0 and k.lepas is not None
        ]
        return min(calon)[1] if calon else None

    def tak_tersambung(self, sekarang: float | None = None) -> list[str]:
        """Kernels whose page was sent more than `jeda` seconds ago and never connected."""
        sekarang = time.monotonic() if sekarang is None else sekarang
        return [
            kid
            for kid, k in self.kernel.items()
            if not k.pernah_tersambung and k.terkirim and sekarang - k.terkirim > self.jeda
        ]


PENCATAT = PencatatKernel()


class PengelolaKernelTerjaga(AsyncMappingKernelManager):
    """Jupyter Server's kernel manager, telling PENCATAT which page holds which kernel.

    Plugged in as `VoilaConfiguration.multi_kernel_manager_class`; Voilà builds its pool class
    on top of it (literasi.layanan.kolam hands pooled kernels to PENCATAT itself)."""

    async def start_kernel(self, *args, **kwargs):
        kernel_id = await super().start_kernel(*args, **kwargs)
        PENCATAT.serahkan(kernel_id)
        return kernel_id

    async def shutdown_kernel(self, kernel_id, *args, **kwargs):
        PENCATAT.dimatikan(kernel_id)
        return await super().shutdown_kernel(kernel_id, *args, **kwargs)

    def notify_connect(self, kernel_id):
        PENCATAT.tersambung(kernel_id)
        return super().notify_connect(kernel_id)

    def notify_disconnect(self, kernel_id):
        PENCATAT.terputus(kernel_id)
        return super().notify_disconnect(kernel_id)


async def beri_tempat(km, permintaan: Permintaan, ip_server: str, maks_total: int, path=None):
    """Room for one more kernel for this page request: None if granted (the request is then
    counted as a kernel until the kernel manager hands it one, see `PencatatKernel.serahkan`),
    else the HTTP status to answer (429: this phone holds enough; 503: the laptop is full).

    Checking and claiming happen with no await in between: requests sent at once are admitted
    one after the other, never all on the same count."""
    ip = permintaan.klien
    if km.get_pool_size(path) == 0 and (
        len(km.list_kernel_ids()) + sum(PENCATAT.menunggu.values()) >= maks_total
        or not memori_cukup_untuk_kernel()
    ):
        return 503
    lama = None
    if klien_kelas(ip, ip_server):
        milik = [k for k in PENCATAT.milik(ip) if k in km]
        jumlah = len(milik) + PENCATAT.menunggu.get(ip, 0)
        if jumlah >= MAKS_KERNEL_PER_KLIEN:
            lama = PENCATAT.boleh_diganti(ip)
            if lama is None:
                log.warning("Kernel ke-%d untuk %s ditolak", jumlah + 1, ip)
                return 429
            PENCATAT.dimatikan(lama)  # no longer this phone's: no other request counts it
    PENCATAT.mulai_meminta(permintaan)
    if lama is not None:
        await km.shutdown_kernel(lama)  # its page went away: make room
    return None


def batas_kernel_total(total_mb: float | None = None) -> int:
    """Kernels the laptop can hold: its memory less the reserve, ~140 MB each.

    >>> batas_kernel_total(8 * 1024)
    51
    """
    if total_mb is None:
        import psutil

        total_mb = psutil.virtual_memory().total / 2**20
    return max(2, int((total_mb - kolam.CADANGAN_MB) // kolam.MB_PER_KERNEL))


def kernel_terlalu_besar(km, batas_mb: float = BATAS_MEMORI_KERNEL_MB) -> list[tuple[str, float]]:
    """(kernel id, MB) of the kernels using more memory (RSS) than `batas_mb`."""
    import psutil

    besar = []
    for kernel_id in list(km.list_kernel_ids()):
        try:
            pid = km.get_kernel(kernel_id).provisioner.pid
            mb = psutil.Process(pid).memory_info().rss / 2**20
        except (AttributeError, KeyError, TypeError, psutil.Error):
            continue  # starting, stopping, or not a local process
        if mb > batas_mb:
            besar.append((kernel_id, mb))
    return besar


def memori_cukup_untuk_kernel() -> bool:
    return kolam.memori_tersedia_mb() >= kolam.CADANGAN_MB + kolam.MB_PER_KERNEL


def klien_kelas(ip: str, ip_server: str) -> bool:
    """True for a client that the bounds apply to: anyone but the laptop itself."""
    return ip not in {"127.0.0.1", "::1", ip_server}


# ----------------------------------------------------------------------------- pages

PENANDA = "data-literasi-pesan"
CSP_HALAMAN = "default-src 'none'; style-src 'unsafe-inline'; img-src data:; frame-ancestors 'self'"
CSP_BAWAAN = "default-src 'none'; frame-ancestors 'self'"
PESAN_STATUS = {
    400: ("Permintaan tidak dapat dibaca", "Server kelas tidak mengerti permintaan ini."),
    403: ("Akses ditolak", "Alamat ini tidak dibuka untuk ponsel di kelas."),
    404: (
        "Halaman tidak ditemukan",
        "Alamat ini tidak ada di server kelas. Periksa alamatnya, atau kembali ke beranda "
        "untuk memilih aplikasi.",
    ),
    405: ("Permintaan tidak didukung", "Alamat ini tidak bisa dibuka dengan cara itu."),
    429: (
        "Terlalu banyak aplikasi terbuka",
        "Ponsel ini sudah membuka beberapa aplikasi yang masih berjalan. Tutup tab yang tidak "
        "dipakai, lalu muat ulang halaman ini.",
    ),
    503: (
        "Server kelas sedang penuh",
        "Laptop guru sedang melayani banyak ponsel. Tunggu sebentar, lalu muat ulang halaman "
        "ini. Jika masih penuh, beri tahu guru.",
    ),
}
PESAN_LAIN = (
    "Ada yang gagal di server kelas",
    "Coba muat ulang halaman ini. Jika masih gagal, beri tahu guru.",
)


def halaman_pesan(status: int, ulang: str | None = None) -> str:
    """The kit's Indonesian page for an HTTP status: what happened, a link back to the landing
    page (and to reload `ulang`, the page's own address), no script and no outside link."""
    judul, isi = PESAN_STATUS.get(status, PESAN_LAIN)
    tombol = f"<a class='tombol' href='{escape(ulang, quote=True)}'>Muat ulang</a>" if ulang else ""
    return (
        f"<!DOCTYPE html><html lang='id' {PENANDA}><head><meta charset='utf-8'>"
        "<meta name='viewport' content='width=device-width, initial-scale=1'>"
        f"<title>{escape(judul)}</title><link rel='icon' href='data:;base64,='>"
        "<style>body{font:16px/1.5 system-ui,sans-serif;margin:0;padding:24px;color:#1a1a1a;"
        "background:#f6f7f9}main{max-width:32rem;margin:10vh auto}h1{font-size:1.4rem}"
        "a{display:inline-block;min-height:44px;line-height:44px;margin:8px 12px 0 0;"
        "padding:0 16px;border-radius:8px;background:#0b5cad;color:#fff;text-decoration:none}"
        "</style></head><body><main>"
        f"<h1>{escape(judul)}</h1><p>{escape(isi)}</p>"
        f"<p>{tombol}<a href='/'>Kembali ke beranda</a></p>"
        f"<p><small>Kode: {status}</small></p></main></body></html>"
    )


class KepalaAman(OutputTransform):
    """Added to every response of the workshop server: nosniff, a CSP where the route set none,
    and the Indonesian page in place of any HTML error body (tornado's, Voilà's, Jupyter's)."""

    def __init__(self, request: httputil.HTTPServerRequest):
        super().__init__(request)
        self.request = request
        self.diganti = False

    def transform_first_chunk(self, status_code, headers, chunk, finishing):
        headers["X-Content-Type-Options"] = "nosniff"
        headers.setdefault("Content-Security-Policy", CSP_BAWAAN)
        jenis = headers.get("Content-Type", "text/html")
        if status_code >= 400 and jenis.startswith("text/html") and PENANDA.encode() not in chunk:
            chunk = halaman_pesan(status_code).encode("utf-8")
            headers["Content-Type"] = "text/html; charset=UTF-8"
            headers["Content-Security-Policy"] = CSP_HALAMAN
            if "Content-Length" in headers:
                headers["Content-Length"] = str(len(chunk))
            self.diganti = True
        return status_code, headers, chunk

    def transform_chunk(self, chunk, finishing):
        return b"" if self.diganti else chunk


class TolakHost(RequestHandler):
    """Any request whose Host header names another server."""

    def prepare(self):
        self.set_status(403)
        self.finish(halaman_pesan(403))


# ----------------------------------------------------------------------------- connections


class ServerHTTP(HTTPServer):
    """tornado's HTTP server, counting each client's open connections (websockets included)."""

    def initialize(self, *args, ip_server: str = "", maks_total: int = 512, **kwargs):
        super().initialize(*args, **kwargs)
        self.ip_server = ip_server
        self.maks_total = maks_total
        self.terbuka: dict[str, list] = {}  # client IP -> its open streams

    def handle_stream(self, stream, address):
        ip = address[0] if isinstance(address, tuple) else ""
        for k in list(self.terbuka):
            self.terbuka[k] = [s for s in self.terbuka[k] if not s.closed()]
            if not self.terbuka[k]:
                del self.terbuka[k]
        milik = self.terbuka.setdefault(ip, [])
        total = sum(len(v) for v in self.terbuka.values())
        if total >= self.maks_total or (
            klien_kelas(ip, self.ip_server) and len(milik) >= MAKS_KONEKSI_PER_KLIEN
        ):
            TERMINAL.warning(
                "Peringatan: satu perangkat (%s) membuka terlalu banyak koneksi; sebagian "
                "ditolak. Kelas tetap berjalan.",
                ip,
            )
            stream.close()
            return
        milik.append(stream)
        super().handle_stream(stream, address)


def naikkan_batas_berkas(diinginkan: int = BATAS_BERKAS_DIINGINKAN) -> int:
    """Raise this process's open-files soft limit toward the hard limit (laptops often start at
    1024); returns the limit in force. Kernels inherit it."""
    try:
        import resource
    except ImportError:  # Windows: no such limit to raise
        return 512
    lunak, keras = resource.getrlimit(resource.RLIMIT_NOFILE)
    target = diinginkan if keras == resource.RLIM_INFINITY else min(diinginkan, keras)
    if target > lunak:
        try:
            resource.setrlimit(resource.RLIMIT_NOFILE, (target, keras))
            lunak = target
        except (ValueError, OSError):
            log.warning("Batas berkas terbuka tidak bisa dinaikkan dari %d", lunak)
    return lunak


def host_diizinkan(ip_server: str) -> str:
    """A regex of the host names a request may name: this server's address and loopback.

    >>> import re
    >>> bool(re.fullmatch(host_diizinkan("192.168.1.5"), "192.168.1.5"))
    True
    >>> bool(re.fullmatch(host_diizinkan("192.168.1.5"), "attacker.example"))
    False
    """
    nama = {ip_server, "localhost", "127.0.0.1", "::1", "[::1]"}
    return "(" + "|".join(sorted(re.escape(n) for n in nama if n)) + ")$"


def dengarkan(aplikasi: Application, ip_server: str, port: int, address: str = "", **_):
    """What Voilà's listen() calls as `app.listen(port, ip)`: the same, with the bounds above."""
    batas_berkas = naikkan_batas_berkas()
    tolak = Application(default_handler_class=TolakHost, transforms=[KepalaAman])
    router = RuleRouter(
        [Rule(HostMatches(host_diizinkan(ip_server)), aplikasi), Rule(AnyMatches(), tolak)]
    )
    server = ServerHTTP(
        router,
        ip_server=ip_server,
        maks_total=max(64, batas_berkas // 2),
        idle_connection_timeout=BATAS_DIAM,
        body_timeout=BATAS_DIAM,
        max_body_size=BATAS_ISI_MB * 2**20,
    )
    server.listen(port, address)
    return server
