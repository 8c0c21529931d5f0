"""Infographic export: one click turns the chart on screen into a PNG poster.

A poster has a title, a short message, the chart, a "Sumber: …" line and the date. Two sizes:
a phone story (1080×1920 px) and A4 portrait at 150 dpi (1240×1754 px), for Hari Statistik
Nasional or ISLP-style poster contests. The PNG is offered as a download link inside the page
(literasi.unduh), so nothing is written on the server and nothing leaves the laptop.
"""

from __future__ import annotations

import io
import textwrap
from collections.abc import Callable
from dataclasses import dataclass
from datetime import date

import ipywidgets as ipw
from matplotlib.figure import Figure
from matplotlib.image import imread
from matplotlib.patches import Rectangle

from literasi.ekspor import tanggal_indonesia
from literasi.tampilan import Tampilan, baris_kontrol
from literasi.unduh import tautan_unduh

UKURAN_POSTER = {  # name -> (width px, height px, dpi)
    "story": (1080, 1920, 150),
    "a4": (1240, 1754, 150),
}


@dataclass
class IsiPoster:
    """What goes on a poster; a view builds it from what the student sees now."""

    judul: str
    pesan: str
    grafik: Figure
    sumber: str


def _png_grafik(fig: Figure) -> io.BytesIO:
    buffer = io.BytesIO()
    fig.savefig(buffer, format="png", dpi=200)
    buffer.seek(0)
    return buffer


def buat_poster(isi: IsiPoster, ukuran: str = "story", hari: date | None = None) -> bytes:
    """The poster as PNG bytes."""
    lebar, tinggi, dpi = UKURAN_POSTER[ukuran]
    poster = Figure(figsize=(lebar / dpi, tinggi / dpi), dpi=dpi, facecolor="white")
    kolom = 30 if ukuran == "story" else 34  # characters per line of the title
    judul = "\n".join(textwrap.wrap(isi.judul, kolom))
    pesan = "\n".join(textwrap.wrap(isi.pesan, kolom + 12))
    poster.text(
        0.06, 0.965, judul, va="top", ha="left", fontsize=20, fontweight="bold", color="#14303d"
    )
    baris_judul = judul.count("\n") + 1
    atas_pesan = 0.965 - 0.032 * baris_judul - 0.015
    poster.text(
        0.06,
        atas_pesan,
        pesan,
        va="top",
        ha="left",
        fontsize=12.5,
        color="#1f3b4a",
        linespacing=1.4,
    )
    atas_grafik = atas_pesan - 0.022 * (pesan.count("\n") + 1) - 0.03
    gambar = imread(_png_grafik(isi.grafik))
    ax = poster.add_axes((0.04, 0.11, 0.92, max(0.25, atas_grafik - 0.11)))
    ax.imshow(gambar)
    ax.set_anchor("N")  # the chart sits right under the message, not in the middle
    ax.set_axis_off()
    poster.add_artist(Rectangle((0, 0.99), 1, 0.01, transform=poster.transFigure, color="#1f6f8b"))
    kaki = "\n".join(textwrap.wrap(f"Sumber: {isi.sumber}", 70))
    poster.text(0.06, 0.085, kaki, va="top", ha="left", fontsize=8.5, color="#4a5a64")
    poster.text(
        0.06,
        0.025,
        f"Kit Literasi Statistik Kota Pekalongan · {tanggal_indonesia(hari or date.today())}",
        fontsize=8,
        color="#4a5a64",
    )
    keluaran = io.BytesIO()
    poster.savefig(keluaran, format="png", dpi=dpi)
    return keluaran.getvalue()


class TombolInfografis(Tampilan):
    """Two buttons (phone story, A4) that build a poster of the current chart on demand."""

    def __init__(self, ambil_isi: Callable[[], IsiPoster], nama: str = "infografis"):
        self.ambil_isi, self.nama = ambil_isi, nama
        self.tombol = {
            "story": ipw.Button(
                description="Poster ponsel",
                tooltip="PNG 1080×1920 untuk story",
                layout=ipw.Layout(width="auto"),
            ),
            "a4": ipw.Button(
                description="Poster A4",
                tooltip="PNG A4 tegak untuk dicetak",
                layout=ipw.Layout(width="auto"),
            ),
        }
        for ukuran, tombol in self.tombol.items():
            tombol.on_click(lambda _, u=ukuran: self._on_buat(u))
        self.tautan = ipw.HTML()
        baris = baris_kontrol(*self.tombol.values())
        judul = ipw.HTML("<p><b>Simpan sebagai infografis</b> (judul, pesan, grafik, sumber):</p>")
        self.widget = ipw.VBox([judul, baris, self.tautan], layout=ipw.Layout(width="100%"))

    def _on_buat(self, ukuran: str) -> None:
        png = buat_poster(self.ambil_isi(), ukuran)
        self.tautan.value = (
            "<p>"
            + tautan_unduh(
                png,
                f"{self.nama}_{ukuran}.png",
                "image/png",
                "Unduh poster " + ("ponsel" if ukuran == "story" else "A4"),
            )
            + "</p>"
        )
