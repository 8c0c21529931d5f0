"""QR codes for the workshop URL: text for the terminal, SVG for the projector page."""

from __future__ import annotations

import io
from html import escape

import qrcode
import qrcode.image.svg


def qr_teks(alamat: str) -> str:
    """The QR code drawn with Unicode half blocks, for printing in a terminal."""
    kode = qrcode.QRCode(border=2)
    kode.add_data(alamat)
    keluaran = io.StringIO()
    kode.print_ascii(out=keluaran, invert=True)
    return keluaran.getvalue()


def qr_svg(alamat: str, ukuran_px: int = 240) -> str:
    """An inline <svg> of the QR code with an accessible name (no Pillow needed)."""
    gambar = qrcode.make(alamat, image_factory=qrcode.image.svg.SvgPathImage, border=2)
    svg = gambar.to_string(encoding="unicode")
    label = escape(f"Kode QR menuju {alamat}", quote=True)
    return svg.replace(
        "<svg ",
        f'<svg role="img" aria-label="{label}" width="{ukuran_px}" height="{ukuran_px}" ',
        1,
    )
