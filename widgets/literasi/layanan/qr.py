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


def html_gabung(
    label: str,
    kode: str,
    url: str | None,
    tautan_lokal: str,
    nama_halaman: str,
    qr: bool = True,
    judul: str | None = None,
) -> str:
    """The projector's "how to join" block of a light phone page (Kuis Kelas, Umpan Balik Sesi):
    the code in large type, and on the LAN (`url`) a QR code with the address; without it, a
    link to the page on this laptop (`tautan_lokal`, e.g. "/kuis?ruang=1234").

    >>> teks = html_gabung("Kode ruang", "1234", None, "/kuis?ruang=1234", "Halaman pemain")
    >>> "Kode ruang: <b" in teks and "href='/kuis?ruang=1234'" in teks and "<svg" not in teks
    True
    """
    gambar = ""
    if url and qr:
        gambar = f"<div style='flex:0 0 auto'>{qr_svg(url, 220)}</div>"
    tautan = (
        f"<p style='font-size:1.2rem;margin:4px 0'>Pindai kode QR atau buka "
        f"<b>{escape(url)}</b></p>"
        if url
        else f"<p>{escape(nama_halaman)}: <a href='{escape(tautan_lokal, quote=True)}' "
        f"target='_blank'>{escape(tautan_lokal.split('?')[0])}</a> (ponsel bisa membukanya jika "
        "server dijalankan dengan <code>--lan</code>).</p>"
    )
    kepala = f"<h2 style='margin:0'>{escape(judul)}</h2>" if judul else ""
    return (
        "<div style='display:flex;flex-wrap:wrap;gap:24px;align-items:center'>"
        f"{gambar}<div>{kepala}<p style='font-size:1.3rem;margin:8px 0'>{escape(label)}: "
        f"<b style='font-size:2.6rem;letter-spacing:0.12em'>{escape(kode)}</b></p>{tautan}</div>"
        "</div>"
    )
