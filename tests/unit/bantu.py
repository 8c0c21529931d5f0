"""Small helpers shared by the lesson tests: read what a view put in its HTML widgets."""

from __future__ import annotations

import base64
import re
from html import unescape


def png_grafik(grafik_html: str) -> bytes:
    """The PNG inside a chart figure (fails if there is none)."""
    m = re.search(r"src='data:image/png;base64,([A-Za-z0-9+/=]+)'", grafik_html)
    assert m, "no PNG in the chart"
    png = base64.b64decode(m.group(1))
    assert png.startswith(b"\x89PNG")
    return png


def alt_grafik(grafik_html: str) -> str:
    """The chart's alt text (fails if there is none)."""
    m = re.search(r"alt='([^']*)'", grafik_html)
    assert m, "chart without alt text"
    return unescape(m.group(1))


def teks_html(html: str) -> str:
    """The visible text of an HTML snippet."""
    return re.sub(r"<[^>]+>", "", unescape(html))


def poster_sama_dengan_layar(isi_poster, grafik_html: str) -> bool:
    """The poster's chart is the one on screen: its figure, drawn the way the screen's is,
    gives the very PNG the page shows (which may have come from the chart cache)."""
    from literasi.grafik import kanvas_tergambar, png_layar

    return png_layar(kanvas_tergambar(isi_poster.grafik)) == png_grafik(grafik_html)
