"""The base of every view: a `.widget` that shows itself, and one path from control to screen.

A view builds its controls in `__init__`, observes them with `self._on_change`, and redraws
everything in `_update()`. Showing the view (the last expression of a notebook cell) displays
`.widget`; no view calls `display()` in its constructor.
"""

from __future__ import annotations


class Tampilan:
    widget = None  # an ipywidgets container, set by the subclass

    def _ipython_display_(self):
        from IPython.display import display

        display(self.widget)

    def _on_change(self, _change=None) -> None:
        self._update()

    def _update(self) -> None:
        raise NotImplementedError


def baris_kontrol(*kontrol):
    """A row of controls that wraps on a phone; spacing comes from the template's
    `.literasi-baris` CSS (ipywidgets' Layout has no gap)."""
    import ipywidgets as ipw

    baris = ipw.HBox(list(kontrol), layout=ipw.Layout(flex_flow="row wrap", width="100%"))
    baris.add_class("literasi-baris")
    return baris
