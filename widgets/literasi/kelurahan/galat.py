"""An error the user can report: a short code on screen, the traceback in the log.

A kelurahan officer or a teacher reads the code out ("K02-7F3A"); the same code stands in the
log line with the full traceback (the server decides where the log goes).
"""

from __future__ import annotations

import logging
import secrets
from html import escape


def catat_galat(logger: logging.Logger, aplikasi: str, tindakan: str) -> str:
    """Call inside `except`: log the exception with a new code and return the code."""
    kode = f"{aplikasi}-{secrets.token_hex(2).upper()}"
    logger.exception("Galat %s saat %s", kode, tindakan)
    return kode


def html_galat(kode: str, apa: str, saran: str) -> str:
    """The Indonesian message for a caught error: what failed, what to try, the code.

    >>> print(html_galat("K02-1A2B", "Berkas belum bisa dibuat.", "Coba lagi."))
    <div class='literasi-umpan salah' role='alert'>Berkas belum bisa dibuat. Coba lagi. Jika masih gagal, sebutkan kode galat <b>K02-1A2B</b> kepada pendamping.</div>
    """  # noqa: E501
    return (
        f"<div class='literasi-umpan salah' role='alert'>{escape(apa)} {escape(saran)} Jika "
        f"masih gagal, sebutkan kode galat <b>{escape(kode)}</b> kepada pendamping.</div>"
    )
