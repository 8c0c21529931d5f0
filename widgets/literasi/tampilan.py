"""The base of every view: a `.widget` that shows itself, and one path from control to screen.

A view builds its controls in `__init__`, puts them in a row with `self.kendali(...)` (which
observes them), and redraws everything in `_update()`. Showing the view (the last expression
of a notebook cell) displays `.widget`; no view calls `display()` in its constructor.
"""

from __future__ import annotations

import asyncio
import logging
from collections.abc import Callable


class Tampilan:
    widget = None  # an ipywidgets container, set by the subclass

    def _ipython_display_(self):
        from IPython.display import display

        display(self.widget)

    def _on_change(self, _change=None) -> None:
        self._update()

    def kendali(self, *kontrol):
        """These controls in one wrapping row; changing any of them redraws the view."""
        for k in kontrol:
            k.observe(self._on_change, names="value")
        return baris_kontrol(*kontrol)

    def _update(self) -> None:
        raise NotImplementedError


def baris_kontrol(*kontrol):
    """A row of controls that wraps on a phone; spacing comes from the template's
    `.literasi-baris` CSS (ipywidgets' Layout has no gap)."""
    import ipywidgets as ipw

    baris = ipw.HBox(list(kontrol), layout=ipw.Layout(flex_flow="row wrap", width="100%"))
    baris.add_class("literasi-baris")
    return baris


def kotak_seed(nilai: int):
    """The seed of a simulation, stated on screen so a class can repeat a result."""
    import ipywidgets as ipw

    return ipw.BoundedIntText(
        value=nilai,
        min=0,
        max=9999,
        description="Seed",
        style={"description_width": "initial"},
        layout=ipw.Layout(width="150px"),
    )


def saat_senggang(fungsi: Callable[[], None], detik: float = 1.0) -> None:
    """Run `fungsi` `detik` seconds from now on the kernel's event loop: work the page does not
    wait for, done while the student reads and before the first tap needs it (a chart's frame,
    grafik.KerangkaGrafik). With no running event loop (plain Python) nothing happens: tests call
    `fungsi` themselves. An error is logged, never shown: the tap will do the work instead."""
    try:
        loop = asyncio.get_running_loop()
    except RuntimeError:
        return

    def jalankan() -> None:
        try:
            fungsi()
        except Exception:  # noqa: BLE001 - only a head start was lost
            logging.getLogger(__name__).exception("Persiapan di waktu senggang gagal")

    loop.call_later(detik, jalankan)
