"""Charts as PNG <img> with alt text, a one-sentence description and a source line.

Charts are drawn with matplotlib's object API (no pyplot state, no ipympl) and shown as
an <img> inside an HTML widget, so every chart carries alt text for screen readers.
"""

from __future__ import annotations

import base64
import io
import textwrap
from collections.abc import Callable
from html import escape

import matplotlib

matplotlib.use("Agg")  # no GUI backend in a Voilà kernel
from matplotlib.figure import Figure  # noqa: E402
from matplotlib.text import Text  # noqa: E402
from matplotlib.ticker import Formatter, MaxNLocator  # noqa: E402

from literasi.format import format_angka  # noqa: E402
from literasi.tembolok_grafik import disimpan  # noqa: E402

WARNA_UTAMA = "#1f6f8b"
WARNA_SOROT = "#e07a1f"
WARNA_PEKALONGAN = "#7b2d8e"
WARNA_LAIN = "#a9bfcc"

# A chart is drawn for the phone. On a 360-px screen it is shown LEBAR_PONSEL CSS px wide in a
# view (LEBAR_KOLOM outside one), with 2 device pixels per CSS px: its PNG is 2 × 336 = 672 px
# wide. Its figure is 3,35 in wide, which makes 1 pt of text 11/8 CSS px at 332 px: the smallest
# text the kit's charts use (8 pt) is 11 px on the phone, a 10-pt label 13,75 px. On a laptop
# the same PNG is shown at most LEBAR_MAKS px wide and never taller than most of the screen, so
# its text only grows. tests/unit/test_grafik_terbaca.py measures every chart of every app this
# way; tests/browser/test_ponsel.py checks the pixels against the width it is shown at.
LEBAR_PONSEL = 332
LEBAR_KOLOM = 336
RASIO_PIKSEL = 2
PX_PER_PT = 11 / 8
LEBAR_INCI = LEBAR_PONSEL / (72 * PX_PER_PT)
DPI = LEBAR_KOLOM * RASIO_PIKSEL / LEBAR_INCI
LEBAR_MAKS = 560


def gambar_baru(
    lebar: float = 6.0, tinggi: float = 4.0, tata: str | None = "constrained"
) -> Figure:
    """A figure with the shape `lebar` × `tinggi` (only their ratio counts), drawn at the
    phone's width (LEBAR_INCI, DPI); `tata=None` for figures that place their axes by hand."""
    return GambarPonsel(figsize=(LEBAR_INCI, LEBAR_INCI * tinggi / lebar), dpi=DPI, layout=tata)


class GambarPonsel(Figure):
    """A figure that fits its titles and labels to its width each time it is saved (for the
    screen, a PDF report or a poster): see `muat_lebar`. (Wrapping inside `draw` is too late:
    constrained layout would place a wrapped title by its old extent until the next draw.)"""

    def savefig(self, *args, **kwargs):
        muat_lebar(self)
        return super().savefig(*args, **kwargs)


class FormatAngka(Formatter):
    """Tick labels the Indonesian way, large numbers as people say them: an axis that reaches
    a hundred thousand counts in "rb" (ribu), one that reaches a million in "jt" (juta), so
    one axis uses one unit: 0, 0,5 jt, 1 jt, 1,5 jt, not 0, 500.000, 1.000.000.

    >>> FormatAngka().format_ticks([0, 500_000, 1_000_000, 2_100_000])
    ['0', '0,5 jt', '1 jt', '2,1 jt']
    >>> FormatAngka().format_ticks([0, 125_000, 250_000])
    ['0', '125 rb', '250 rb']
    >>> FormatAngka().format_ticks([0, 5_000, 12_500])
    ['0', '5.000', '12.500']
    >>> FormatAngka(desimal=1, mutlak=True)(-7.25)
    '7,2'
    """

    SATUAN = ((1_000_000, 1_000_000, "jt"), (1_000, 100_000, "rb"))  # (divisor, from, name)

    def __init__(self, desimal: int = 0, mutlak: bool = False):
        self.desimal, self.mutlak = desimal, mutlak
        self.puncak = None  # the largest tick of the axis, set by format_ticks

    def format_ticks(self, values):
        self.puncak = max((abs(v) for v in values), default=None)
        return [self(v, i) for i, v in enumerate(values)]

    def __call__(self, x, pos=None) -> str:
        x = abs(x) if self.mutlak else x
        puncak = abs(x) if self.puncak is None else self.puncak
        for satuan, mulai, nama in self.SATUAN:
            if puncak >= mulai:
                if x == 0:
                    return "0"
                return format_angka(x / satuan, 2).rstrip("0").rstrip(",") + " " + nama
        return format_angka(x, self.desimal)


def sumbu_angka(axis, desimal: int = 0, mutlak: bool = False, paling_banyak: int = 4) -> None:
    """Numbers on one axis (`ax.xaxis` or `ax.yaxis`): Indonesian, large ones short
    (FormatAngka), and at most `paling_banyak` + 1 round ticks, so that labels never run
    together on a phone."""
    axis.set_major_formatter(FormatAngka(desimal, mutlak))
    axis.set_major_locator(MaxNLocator(paling_banyak, steps=[1, 2, 2.5, 5, 10]))


def bungkus_rata(teks: str, lebar: int) -> list[str]:
    """Wrap in as few lines as `lebar` characters allow, each about as long as the others.

    >>> bungkus_rata("Pengeluaran per kapita 2024", 24)
    ['Pengeluaran per', 'kapita 2024']
    """
    n = len(textwrap.wrap(teks, lebar))
    for coba in range(-(-len(teks) // n), lebar + 1):
        baris = textwrap.wrap(teks, coba)
        if len(baris) <= n:
            return baris
    return textwrap.wrap(teks, lebar)


def muat_lebar(fig: Figure) -> None:
    """Wrap titles, axis labels and figure texts that would not fit a phone's width.

    Titles were written for charts twice as wide as a phone's column; rather than cut them,
    a line is broken at a space where its text would pass the room it has: the figure's width
    for figure texts and x labels, its height for y labels, and a centred axes title about
    60% of it (the y tick labels take the rest). Only text metrics are used, no layout pass.
    """
    from matplotlib.backends.backend_agg import RendererAgg

    renderer = RendererAgg(1, 1, fig.dpi)  # text metrics only
    lebar, tinggi = fig.get_figwidth() * fig.dpi, fig.get_figheight() * fig.dpi
    # The figure's own texts and its suptitle/supxlabel (Text children outside fig.texts).
    teks = [(t, lebar * 0.95) for t in fig.get_children() if isinstance(t, Text)]
    for ax in fig.axes:
        teks += [
            (ax.title, lebar * 0.6),
            (ax.xaxis.label, lebar * 0.6),
            (ax.yaxis.label, tinggi * 0.8),
        ]
    for t, ruang in teks:
        isi = t.get_text()
        if not isi.strip() or "$" in isi or t.get_animated():
            continue  # a moving text (KerangkaGrafik) is its owner's to lay out
        baris_baru = []
        for baris in isi.split("\n"):
            t.set_text(baris)
            kotak = t.get_window_extent(renderer)
            panjang = kotak.height if round(t.get_rotation()) % 180 == 90 else kotak.width
            if panjang <= ruang:
                baris_baru.append(baris)
                continue
            per_huruf = panjang / max(len(baris), 1)
            baris_baru += bungkus_rata(baris, max(8, int(ruang / per_huruf)))
        t.set_text("\n".join(baris_baru))


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
        # Axis lines go over bars in a full draw: they move with them, after them.
        sumbu = list(dict.fromkeys(a.axes for a in bergerak if a.axes is not None))
        garis = [g for ax in sumbu for g in ax.spines.values() if g.get_visible()]
        self.fig, self.bergerak = fig, list(bergerak) + garis
        for artis in self.bergerak:
            artis.set_animated(True)  # left out of the full draw below
        self.kanvas = kanvas_tergambar(fig)
        self.latar = self.kanvas.copy_from_bbox(fig.bbox)

    def png(self) -> bytes:
        self.kanvas.restore_region(self.latar)
        for artis in self.bergerak:
            self.fig.draw_artist(artis)
        return png_layar(self.kanvas)

    def png_penuh(self) -> bytes:
        """The same chart drawn in full, the slow way (tests compare it with png()): same
        texts (none rewrapped) and same layout (the frame's; constrained layout would move
        the axes by a hair on every pass)."""
        mesin = self.fig.get_layout_engine()
        self.fig.set_layout_engine("none")
        for artis in self.bergerak:
            artis.set_animated(False)
        try:
            self.kanvas.draw()  # png() restores the frame's own copy first
            return png_layar(self.kanvas)
        finally:
            for artis in self.bergerak:
                artis.set_animated(True)
            self.fig.set_layout_engine(mesin)


def kanvas_tergambar(fig: Figure):
    """`fig` fitted to its width (muat_lebar) and drawn once on an Agg canvas: one layout
    pass, where savefig makes two (no chart of the apps differs by a pixel)."""
    from matplotlib.backends.backend_agg import FigureCanvasAgg

    muat_lebar(fig)
    kanvas = FigureCanvasAgg(fig)
    kanvas.draw()
    return kanvas


def png_layar(kanvas) -> bytes:
    """The PNG the screen gets from a drawn Agg canvas (see png_256_warna)."""
    from PIL import Image

    lebar, tinggi = kanvas.get_width_height()
    return png_256_warna(Image.frombuffer("RGBA", (lebar, tinggi), kanvas.buffer_rgba(), "raw"))


def png_256_warna(gambar) -> bytes:
    """A chart as a 256-colour PNG: ~3,5× smaller than the full-colour one and faster to
    encode, with no difference the eye can see (tests/benchmark/grafik.py measures both over
    every chart of the apps). A chart redrawn after each tap on a phone over the school Wi-Fi
    is mostly these bytes. The kit's figures are opaque (white background)."""
    from PIL import Image

    gambar = gambar.convert("RGB").quantize(256, method=Image.Quantize.FASTOCTREE)
    buffer = io.BytesIO()
    gambar.save(buffer, format="png")
    return buffer.getvalue()


def png_base64(fig: Figure | KerangkaGrafik) -> str:
    """The chart for an <img> (kanvas_tergambar, png_layar; tests/benchmark/grafik.py times it
    against savefig)."""
    if isinstance(fig, KerangkaGrafik):
        return base64.b64encode(fig.png()).decode("ascii")
    return base64.b64encode(png_layar(kanvas_tergambar(fig))).decode("ascii")


def html_grafik(fig: Figure | KerangkaGrafik, alt: str, keterangan: str, sumber: str) -> str:
    """<figure> with the chart, its description (also the alt text) and the source line.

    The <img> fills the column of a phone (its PNG has 2 pixels for each CSS px there), is at
    most LEBAR_MAKS px wide and 85% of the screen high on a laptop, and carries its size so
    the page does not jump when it arrives."""
    gambar = fig.fig if isinstance(fig, KerangkaGrafik) else fig
    lebar, tinggi = (round(x * gambar.dpi) for x in gambar.get_size_inches())
    return (
        "<figure class='literasi-grafik' style='margin:0'>"
        f"<img src='data:image/png;base64,{png_base64(fig)}' alt='{escape(alt, quote=True)}' "
        f"width='{lebar}' height='{tinggi}' style='display:block;width:auto;height:auto;"
        f"max-width:min(100%,{LEBAR_MAKS}px);max-height:85vh'>"
        f"<figcaption><p>{escape(keterangan)}</p>"
        f"<p class='literasi-sumber' style='font-size:0.85em;color:#4a5a64'>Sumber: "
        f"{escape(sumber)}</p></figcaption></figure>"
    )


@disimpan
def html_gambar_kalimat(
    buat: Callable[..., tuple[Figure, str]], argumen: tuple, sumber: str
) -> str:
    """html_grafik of the (figure, sentence) that `buat(*argumen)` returns, the sentence as its
    description, kept on disk (literasi.tembolok_grafik): `buat` must be a module's function
    of its arguments alone."""
    fig, kalimat = buat(*argumen)
    return html_grafik(fig, alt=kalimat, keterangan=kalimat, sumber=sumber)
