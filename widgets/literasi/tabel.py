"""Small tables that fit a 360 px phone. The renderer lives in the kit's one export module
(`literasi.ekspor.tabel_html`); notebooks import it from here by habit, so the name stays."""

from __future__ import annotations

from literasi.ekspor import TabelHtml, tabel_html

__all__ = ["TabelHtml", "tabel_html"]
