"""The base of every view: a `.widget` that shows itself, and one path from control to screen.

A view builds its controls in `__init__`, puts them in a row with `self.kendali(...)` (which
observes them), and redraws everything in `_update()`. Showing the view (the last expression
of a notebook cell) displays `.widget`; no view calls `display()` in its constructor.
"""

from __future__ import annotations


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
