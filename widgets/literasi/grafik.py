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


class KerangkaGrafik:
    """A chart whose frame is drawn once; each update repaints only its `bergerak` artists.

    Most of a matplotlib redraw is text: a bar chart with 35 axis labels costs ~300 ms on a
    2-core laptop, its bars almost nothing. Here the frame (axes, labels, legend, layout) is
    rendered once and kept as pixels, and an update restores those pixels and draws only the
    moving artists on top, in the order given, then the axis lines (matplotlib's "blitting").
    The caller changes those artists (heights, colours, text) between two `png()` calls;
    everything else must stay, and must not overlap them (tests compare with a full draw).
    """

    def __init__(self, fig: Figure, bergerak: list):
        from matplotlib.backends.backend_agg import FigureCanvasAgg

        # Axis lines go over bars in a full draw: they move with them, after them.
        sumbu = list(dict.fromkeys(a.axes for a in bergerak if a.axes is not None))
        garis = [g for ax in sumbu for g in ax.spines.values() if g.get_visible()]
        self.fig, self.bergerak = fig, list(bergerak) + garis
        for artis in self.bergerak:
            artis.set_animated(True)  # left out of the full draw below
        self.kanvas = FigureCanvasAgg(fig)
        self.kanvas.draw()
        self.latar = self.kanvas.copy_from_bbox(fig.bbox)

    def png(self) -> bytes:
        from PIL import Image

        self.kanvas.restore_region(self.latar)
        for artis in self.bergerak:
            self.fig.draw_artist(artis)
        lebar, tinggi = self.kanvas.get_width_height()
        gambar = Image.frombuffer("RGBA", (lebar, tinggi), self.kanvas.buffer_rgba(), "raw")
        buffer = io.BytesIO()
        gambar.save(buffer, format="png")
        return buffer.getvalue()

    def png_penuh(self) -> bytes:
        """The same chart drawn in full, the slow way (tests compare it with png())."""
        for artis in self.bergerak:
            artis.set_animated(False)
        try:
            buffer = io.BytesIO()
            self.fig.savefig(buffer, format="png")
        finally:
            for artis in self.bergerak:
                artis.set_animated(True)
        return buffer.getvalue()


def png_base64(fig: Figure | KerangkaGrafik) -> str:
    if isinstance(fig, KerangkaGrafik):
        return base64.b64encode(fig.png()).decode("ascii")
    buffer = io.BytesIO()
    fig.savefig(buffer, format="png")
    return base64.b64encode(buffer.getvalue()).decode("ascii")


def html_grafik(fig: Figure | KerangkaGrafik, alt: str, keterangan: str, sumber: str) -> str:
    """<figure> with the chart, its description (also the alt text) and the source line."""
    return (
        "<figure class='literasi-grafik' style='margin:0'>"
        f"<img src='data:image/png;base64,{png_base64(fig)}' alt='{escape(alt, quote=True)}' "
        "style='width:100%;max-width:640px;height:auto'>"
        f"<figcaption><p>{escape(keterangan)}</p>"
        f"<p class='literasi-sumber' style='font-size:0.85em;color:#4a5a64'>Sumber: "
        f"{escape(sumber)}</p></figcaption></figure>"
    )
