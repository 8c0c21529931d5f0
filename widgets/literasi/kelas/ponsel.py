"""The key a phone carries, so a classroom app can tell one phone from another across reloads.

On the workshop server (`literasi serve`) the landing page gives every browser a random key in
a cookie (`ponsel`, 128 bits, 30 days) and writes it into the links of the apps that ask for it
(notebook metadata `literasi.kunci_ponsel`) as `?ponsel=<key>`. Voilà hands a page's query
string to its kernel, not its cookies: a fresh kernel gets it as $QUERY_STRING, a preheated one
through `voila.utils.get_query_string()` (which reaches the server at $VOILA_APP_IP, so the
server sets that to its own address). An app opened without the key, or with another browser's
key (a link shared in a chat), is redirected to the key in this browser's cookie.

What the apps do with it: Sensus Kelas derives each answer's idempotency key and the per-phone
limit from it (literasi.kelas.penyimpanan), and the teacher's PIN lockout counts per phone
(literasi.kelas.pin). Only hashes of it (`sidik`) are stored, one per purpose, so the stored
rows of one phone cannot be linked across classes.

Binder and JupyterHub run no kit server, so there is no such key: each page makes its own
random key, as before (a reload counts as a new phone). On the kit server a student who clears
the browser's cookies becomes a new phone too; that costs a fresh page and a full form.
"""

from __future__ import annotations

import hashlib
import os
import re
import secrets
import threading
from urllib.parse import parse_qs, urlencode

NAMA = "ponsel"  # the cookie's name and the query-string parameter
ENV_SERVER = "LITERASI_KUNCI_PONSEL"  # set by the workshop server: app links carry the key
HARI_COOKIE = 30
_POLA = re.compile(r"[0-9a-f]{32}")


def kunci_baru() -> str:
    """A new random phone key: 32 hex digits (128 bits)."""
    return secrets.token_hex(16)


def sah(kunci: str | None) -> bool:
    """Made by kunci_baru (anything else a browser sends is ignored).

    >>> sah("0123456789abcdef0123456789abcdef"), sah("x' OR 1=1"), sah(None)
    (True, False, False)
    """
    return bool(kunci) and _POLA.fullmatch(kunci) is not None


def sidik(kunci: str, *tujuan: str) -> str:
    """A hash of the key for one purpose ("kirim", kode kelas, ...): what is stored, never the key.

    >>> sidik("a" * 32, "kode") == sidik("a" * 32, "kode") != sidik("a" * 32, "pin")
    True
    """
    return hashlib.sha256("\x1f".join((kunci, *tujuan)).encode()).hexdigest()[:32]


def dari_kueri(kueri: str | None) -> str | None:
    """The phone key in a query string, if it is a well-formed one (the last one wins, as in
    tornado's get_query_argument).

    >>> dari_kueri("ponsel=" + "b" * 32 + "&x=1")
    'bbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbb'
    >>> dari_kueri("ponsel=palsu") is None
    True
    """
    nilai = parse_qs(kueri or "").get(NAMA, [None])[-1]
    return nilai if sah(nilai) else None


# --- In the server (a tornado RequestHandler of literasi.layanan.server) ---------------------


def _setel_cookie(handler, kunci: str) -> None:
    handler.set_cookie(NAMA, kunci, expires_days=HARI_COOKIE, httponly=True, samesite="Lax")


def kunci_beranda(handler) -> str:
    """The landing page: this browser's key from its cookie, or a new one in a new cookie."""
    kunci = handler.get_cookie(NAMA)
    if not sah(kunci):
        kunci = kunci_baru()
        _setel_cookie(handler, kunci)
    handler.set_header("Cache-Control", "no-store")  # the page holds this browser's key
    return kunci


def arahkan_ke_kunci(handler) -> bool:
    """An app that asks for the key: True if the request was redirected to carry this
    browser's key (the caller then stops). Without a cookie, a key in the link is adopted:
    a browser that refuses cookies gets its page, not a redirect loop."""
    cookie = handler.get_cookie(NAMA)
    di_tautan = handler.get_query_argument(NAMA, None)
    if sah(cookie) and di_tautan == cookie:
        return False
    if not sah(cookie) and sah(di_tautan):
        _setel_cookie(handler, di_tautan)
        return False
    kunci = cookie if sah(cookie) else kunci_baru()
    if kunci != cookie:
        _setel_cookie(handler, kunci)
    lain = [
        (k, v.decode("utf-8", "replace"))
        for k, nilai in handler.request.query_arguments.items()
        if k != NAMA
        for v in nilai
    ]
    handler.redirect(f"{handler.request.path}?{urlencode([*lain, (NAMA, kunci)])}")
    return True


# --- In the kernel ----------------------------------------------------------------------------


def kunci_halaman(batas_detik: float = 5.0) -> str | None:
    """This page's phone key, on the kit server; None if it has none (see the module's note).

    Read when first needed (a tap on Kirim), never while a preheated kernel runs the notebook:
    Voilà's helper blocks until the page has been requested. A thread bounds the wait.
    """
    kueri = os.environ.get("QUERY_STRING")
    if kueri is None and os.environ.get("VOILA_PREHEAT") == "True":
        from voila.utils import get_query_string

        hasil: dict[str, str | None] = {}
        utas = threading.Thread(target=lambda: hasil.update(kueri=get_query_string()), daemon=True)
        utas.start()
        utas.join(batas_detik)
        kueri = hasil.get("kueri")
    return dari_kueri(kueri)


def di_server_kit() -> bool:
    """True in a kernel of the workshop server, which gives every page a phone key."""
    return bool(os.environ.get(ENV_SERVER))
