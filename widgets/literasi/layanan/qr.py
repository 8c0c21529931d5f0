"""QR codes for the workshop URL: text for the terminal, SVG for the projector page."""

from __future__ import annotations

import os
import sys
from html import escape

import qrcode
import qrcode.image.svg

# Black on white in the 256-colour palette (16 = #000000, 231 = #ffffff): fixed colours that
# terminal themes do not remap, so the code is the same on a dark and on a light theme. (Plain
# half blocks take the theme's colours: on a light theme the code came out inverted, which many
# phone cameras do not read.)
WARNA_QR = "\x1b[38;5;16;48;5;231m"
WARNA_ASAL = "\x1b[0m"
SETENGAH = {(False, False): " ", (True, True): "█", (True, False): "▀", (False, True): "▄"}


def qr_teks(alamat: str) -> str:
    """The QR code for a terminal: two modules per character (half blocks), black on white,
    with the standard quiet zone of 4 modules."""
    kode = qrcode.QRCode(border=4)
    kode.add_data(alamat)
    matriks = kode.get_matrix()
    if len(matriks) % 2:
        matriks.append([False] * len(matriks[0]))
    if sys.platform == "win32":
        os.system("")  # lets the Windows console interpret colour codes (VT mode)
    baris = []
    for atas, bawah in zip(matriks[::2], matriks[1::2], strict=True):
        sel = "".join(SETENGAH[a, b] for a, b in zip(atas, bawah, strict=True))
        baris.append(WARNA_QR + sel + WARNA_ASAL)
    return "\n".join(baris) + "\n"


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
