"""Light phone pages: a small page and one websocket served by the workshop server, no kernel.

A kernel per phone (~140 MB) does not fit a hall of 150 phones on a laptop. Kuis Kelas
(literasi.kelas.kuis_web) and Umpan Balik Sesi (literasi.kelas.umpan_web) therefore serve the
phones from the server process itself, and keep the teacher's side a Voilà app behind the PIN;
the two sides meet in SQLite. What both need lives here:

- `PusatPonsel`: the connections of one page, counted in all and per address, and one worker
  thread that owns the page's SQLite connection, so the event loop that also serves every Voilà
  page never waits for the disk;
- `KoneksiPonsel`: one phone's websocket with its limits: a message of at most `maks_pesan`
  bytes (a larger one closes the connection), 5 messages a second (bursts of 10; far beyond
  that the connection is closed), JSON objects only, a reply to the page's heartbeat, and one
  phone's error never reaching the others;
- `HalamanRingan`: the page itself, one HTML file with the shared style and script
  (halaman_ringan.css, halaman_ringan.js) put in its place, under a strict Content-Security-Policy
  (nothing fetched from anywhere, not even the same server, except the websocket).
"""

from __future__ import annotations

import json
import logging
import time
from collections import Counter
from collections.abc import Callable
from concurrent.futures import ThreadPoolExecutor
from pathlib import Path

from tornado.ioloop import IOLoop
from tornado.web import RequestHandler
from tornado.websocket import WebSocketClosedError, WebSocketHandler

MAKS_PESAN = 1024  # bytes, unless a page needs more (KoneksiPonsel.maks_pesan)
MAKS_KONEKSI = 1000
MAKS_PER_IP = 10
LAJU = 5.0  # messages per second, sustained
LEDAKAN = 10.0  # and in a burst
MAKS_TOLAK = 30  # messages over the rate before the connection is closed
CSP = (
    "default-src 'none'; script-src 'unsafe-inline'; style-src 'unsafe-inline'; "
    "connect-src 'self'; img-src data:; base-uri 'none'; form-action 'none'; "
    "frame-ancestors 'none'"
)
FOLDER = Path(__file__).parent
PENANDA_GAYA = "/* @halaman_ringan.css */"
PENANDA_SKRIP = "/* @halaman_ringan.js */"


def susun_halaman(berkas: Path) -> bytes:
    """A page's HTML with the shared style and script in place of their markers.

    >>> html = susun_halaman(FOLDER / "kuis_pemain.html").decode()
    >>> PENANDA_GAYA in html, "function sambunganRingan" in html
    (False, True)
    """
    html = berkas.read_text(encoding="utf-8")
    for penanda, bersama in (
        (PENANDA_GAYA, "halaman_ringan.css"),
        (PENANDA_SKRIP, "halaman_ringan.js"),
    ):
        if html.count(penanda) != 1:
            raise ValueError(f"{berkas.name}: penanda {penanda} harus ada tepat satu kali")
        html = html.replace(penanda, (FOLDER / bersama).read_text(encoding="utf-8"))
    return html.encode("utf-8")


class PusatPonsel:
    """The phones connected to one page, and one DB worker thread.

    `sambung(path)` opens the page's SQLite connection; it is called in the worker thread, and
    the connection is used only there (`await pusat.db(fungsi, *args)` runs `fungsi(con, *args)`).
    """

    maks_koneksi = MAKS_KONEKSI
    maks_per_ip = MAKS_PER_IP

    def __init__(self, sambung: Callable, path: str | Path | None = None, nama: str = "db"):
        self.path = path
        self._sambung = sambung
        self._pelaksana = ThreadPoolExecutor(max_workers=1, thread_name_prefix=nama)
        self._con = None  # opened in the worker thread, used only there
        self.koneksi: set[KoneksiPonsel] = set()
        self.per_ip: Counter[str] = Counter()

    def _jalankan(self, fungsi, args):
        if self._con is None:
            self._con = self._sambung(self.path)
        return fungsi(self._con, *args)

    async def db(self, fungsi, *args):
        return await IOLoop.current().run_in_executor(self._pelaksana, self._jalankan, fungsi, args)

    def boleh_masuk(self, ip: str) -> str | None:
        """None, or why this connection is refused (too many)."""
        if len(self.koneksi) >= self.maks_koneksi:
            return "Server penuh. Coba lagi sebentar lagi."
        if self.per_ip[ip] >= self.maks_per_ip:
            return "Terlalu banyak halaman dari perangkat ini. Tutup tab yang lain."
        return None

    def masuk(self, k: KoneksiPonsel) -> None:
        self.koneksi.add(k)
        self.per_ip[k.ip] += 1

    def keluar(self, k: KoneksiPonsel) -> None:
        if k in self.koneksi:
            self.koneksi.discard(k)
            self.per_ip[k.ip] -= 1
            if self.per_ip[k.ip] <= 0:
                del self.per_ip[k.ip]


class KoneksiPonsel(WebSocketHandler):
    """One phone. A subclass answers each JSON message in `tangani(jenis, pesan)`."""

    maks_pesan = MAKS_PESAN
    nama = "Halaman ponsel"  # for the server's log
    log = logging.getLogger("literasi.ponsel")

    def initialize(self, pusat: PusatPonsel):
        self.pusat = pusat
        self.ip = self.request.remote_ip or "?"
        self._ember, self._isi = LEDAKAN, time.monotonic()
        self._tolak = 0
        self._terdaftar = False

    @property
    def max_message_size(self) -> int:
        return self.maks_pesan

    @property
    def ping_interval(self) -> float:
        return 20.0  # a phone that left the Wi-Fi is noticed and its connection freed

    @property
    def ping_timeout(self) -> float:
        return 15.0  # tornado requires it no longer than the interval

    def open(self):
        alasan = self.pusat.boleh_masuk(self.ip)
        if alasan:
            self.kirim({"t": "galat", "pesan": alasan})
            self.close(1013, "penuh")
            return
        self.pusat.masuk(self)
        self._terdaftar = True

    def on_close(self):
        if self._terdaftar:
            self.pusat.keluar(self)

    def kirim(self, pesan: dict) -> None:
        try:
            self.write_message(json.dumps(pesan, ensure_ascii=False))
        except WebSocketClosedError:
            pass

    def _boleh(self) -> bool:
        """Token bucket: LAJU messages a second, bursts of LEDAKAN."""
        kini = time.monotonic()
        self._ember = min(LEDAKAN, self._ember + (kini - self._isi) * LAJU)
        self._isi = kini
        if self._ember >= 1:
            self._ember -= 1
            return True
        self._tolak += 1
        if self._tolak > MAKS_TOLAK:
            self.close(1008, "terlalu cepat")
        return False

    async def on_message(self, teks):
        if not self._boleh():
            return
        try:
            pesan = json.loads(teks)
        except ValueError:
            return
        if not isinstance(pesan, dict):
            return
        jenis = pesan.get("t")
        try:
            if jenis == "detak":
                self.kirim({"t": "detak"})  # the page's heartbeat (halaman_ringan.js)
            else:
                await self.tangani(jenis, pesan)
        except Exception as e:  # noqa: BLE001 - one phone's error never stops the others
            self.log.error("%s: %s pada pesan %r", self.nama, type(e).__name__, jenis)
            self.kirim({"t": "galat", "pesan": "Ada gangguan di server. Coba lagi."})

    async def tangani(self, jenis, pesan: dict) -> None:
        raise NotImplementedError


class HalamanRingan(RequestHandler):
    """The page: static HTML with its CSS and script inline (nothing else to fetch), made once
    per file by `susun_halaman`. `siapkan()` runs before it is sent (a subclass may set a
    cookie there)."""

    _html: dict[Path, bytes] = {}

    def initialize(self, berkas: Path):
        self.berkas = berkas

    def siapkan(self) -> None:
        self.set_header("Cache-Control", "no-cache")

    def get(self):
        if self.berkas not in HalamanRingan._html:
            HalamanRingan._html[self.berkas] = susun_halaman(self.berkas)
        self.set_header("Content-Type", "text/html; charset=UTF-8")
        self.set_header("Content-Security-Policy", CSP)
        self.set_header("X-Content-Type-Options", "nosniff")
        self.set_header("Referrer-Policy", "no-referrer")
        self.siapkan()
        self.finish(HalamanRingan._html[self.berkas])
