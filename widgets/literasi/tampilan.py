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


# Quiet time after the last cell before the work for after the page begins: Voilà runs the
# cells back to back (milliseconds apart), so 0,3 s without a cell means the page is out.
JEDA_HALAMAN = 0.3


def setelah_halaman(fungsi: Callable[[], None], jeda: float | None = None) -> bool:
    """Run `fungsi` on the kernel's event loop once the page is out: `jeda` seconds after the
    last notebook cell finished (each cell that ends restarts the wait, so Voilà's page is never
    held up by it). For work the first screen does not need: the exercise cards further down
    (literasi.soal.Latihan) and a chart's frame for the first tap (grafik.KerangkaGrafik).

    Returns False and does nothing without a running event loop (plain Python, unit tests):
    the caller then does the work at once. An error is logged, never shown: what it would
    have prepared is then done when a student asks for it, or is missing from the page."""
    try:
        loop = asyncio.get_running_loop()
    except RuntimeError:
        return False
    _ANTREAN.tambah(loop, fungsi, JEDA_HALAMAN if jeda is None else jeda)
    return True


class _Antrean:
    """Work for after the page, in order, on one event loop (the kernel's)."""

    def __init__(self) -> None:
        self.kerja: list[Callable[[], None]] = []
        self.loop: asyncio.AbstractEventLoop | None = None
        self.jeda = JEDA_HALAMAN
        self.pemicu: asyncio.TimerHandle | None = None
        self.kait: object | None = None  # the IPython shell whose cells restart the wait

    def tambah(self, loop, fungsi, jeda: float) -> None:
        if loop is not self.loop:  # work of a loop that has ended is dropped with it
            self.kerja, self.loop = [], loop
        self.kerja.append(fungsi)
        self.jeda = jeda
        ip = _ipython()
        if ip is not None and self.kait is not ip:
            ip.events.register("post_run_cell", lambda _hasil: self.setel())
            self.kait = ip
        self.setel()

    def setel(self) -> None:
        if self.pemicu is not None:
            self.pemicu.cancel()
            self.pemicu = None
        if self.kerja and self.loop is not None and not self.loop.is_closed():
            self.pemicu = self.loop.call_later(self.jeda, self.jalankan)

    def jalankan(self) -> None:
        self.pemicu = None
        while self.kerja:
            fungsi = self.kerja.pop(0)
            try:
                fungsi()
            except Exception:  # noqa: BLE001 - only a head start was lost
                logging.getLogger(__name__).exception("Persiapan setelah halaman tampil gagal")


_ANTREAN = _Antrean()


def _ipython():
    try:
        from IPython import get_ipython
    except ImportError:  # pragma: no cover - IPython comes with ipywidgets
        return None
    return get_ipython()
