"""Charts as PNG <img> with alt text, a one-sentence description and a source line.

Charts are drawn with matplotlib's object API (no pyplot state, no ipympl) and shown as
an <img> inside an HTML widget, so every chart carries alt text for screen readers.
"""

from __future__ import annotations

import base64
import io
from html import escape

import matplotlib

matplotlib.use("Agg")  # no GUI backend in a Voilà kernel
from matplotlib.figure import Figure  # noqa: E402

WARNA_UTAMA = "#1f6f8b"
WARNA_SOROT = "#e07a1f"
WARNA_PEKALONGAN = "#7b2d8e"
WARNA_LAIN = "#a9bfcc"


def gambar_baru(lebar: float = 6.0, tinggi: float = 4.0) -> Figure:
    fig = Figure(figsize=(lebar, tinggi), dpi=110, layout="constrained")
    return fig


def png_base64(fig: Figure) -> str:
    buffer = io.BytesIO()
    fig.savefig(buffer, format="png")
    return base64.b64encode(buffer.getvalue()).decode("ascii")


def html_grafik(fig: Figure, alt: str, keterangan: str, sumber: str) -> str:
    """<figure> with the chart, its description (also the alt text) and the source line."""
    return (
        "<figure class='literasi-grafik' style='margin:0'>"
        f"<img src='data:image/png;base64,{png_base64(fig)}' alt='{escape(alt, quote=True)}' "
        "style='width:100%;max-width:640px;height:auto'>"
        f"<figcaption><p>{escape(keterangan)}</p>"
        f"<p class='literasi-sumber' style='font-size:0.85em;color:#4a5a64'>Sumber: "
        f"{escape(sumber)}</p></figcaption></figure>"
    )
