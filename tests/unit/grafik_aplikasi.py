"""Every chart of every app, drawn in this process and measured as a phone shows it.

An app's notebook runs here top to bottom (its code cells, from its own folder), then every
control a student can change is set to each of its options in turn (up to MAKS_PILIHAN,
spread over the list) and back, and the buttons in TOMBOL are pressed: each chart that goes
through `literasi.grafik.png_base64` on the way is measured right after it is drawn, from
matplotlib's own text extents (`ukur`).

`LITERASI_SIMPAN_GRAFIK=folder` also saves every chart as a PNG there, for a person to look at.
"""

from __future__ import annotations

import base64
import json
import math
import os
import re
from dataclasses import dataclass, field
from pathlib import Path

from matplotlib.figure import Figure
from matplotlib.text import Text

REPO = Path(__file__).resolve().parents[2]
NOTEBOOKS = REPO / "notebooks"
MAKS_PILIHAN = 5
# A number of a hundred thousand or more written in full (250.000, 1.500.000).
ANGKA_PANJANG = re.compile(r"-?(\d{3}\.\d{3}|\d{1,3}(\.\d{3}){2,})(,\d+)?")
# A decimal point the English way (2012.5): Indonesian writes 2012,5.
ANGKA_INGGRIS = re.compile(r"[−-]?\d+\.(\d{1,2}|\d{4,})")
JARAK_TICK_MIN = 2.0  # CSS px between two neighbouring tick labels: "250.000500.000" had none
# Buttons that put a chart on the screen which no selection control shows (sample data).
TOMBOL = {"Coba berkas latihan bermasalah"}


@dataclass
class Teks:
    isi: str
    px: float  # font size in CSS px on a 360-px phone
    px_garis: float | None  # the height of one line of its extent, CSS px (None: slanted)
    kotak: tuple[float, float, float, float]  # extent x0, y0, x1, y1 in CSS px


@dataclass
class UkuranGrafik:
    nama: str
    teks: list[Teks]
    tumpang: list[tuple[str, str]] = field(default_factory=list)  # tick labels too close
    terpotong: list[str] = field(default_factory=list)  # text cut by the figure's edge
    tick_panjang: list[str] = field(default_factory=list)  # 250.000 instead of 250 rb
    tick_inggris: list[str] = field(default_factory=list)  # 2012.5 instead of 2012,5
    teks_tumpang: list[tuple[str, str]] = field(default_factory=list)  # other texts covering

    def terkecil(self) -> Teks | None:
        """The text with the smallest font size or line height."""
        return min(self.teks, key=lambda t: min(t.px, t.px_garis or t.px), default=None)

    @property
    def px_terkecil(self) -> float:
        t = self.terkecil()
        return 99.0 if t is None else min(t.px, t.px_garis or t.px)


def _label_tick(ax, sumbu: str) -> list[Text]:
    """The tick labels actually drawn on one axis (inside its view, visible, not empty)."""
    axis = ax.xaxis if sumbu == "x" else ax.yaxis
    lo, hi = sorted(axis.get_view_interval())
    pad = (hi - lo) * 1e-9
    label = []
    for tick in axis.get_major_ticks() + axis.get_minor_ticks():
        if not (lo - pad <= tick.get_loc() <= hi + pad):
            continue
        for t in (tick.label1, tick.label2):
            if t.get_visible() and t.get_text().strip():
                label.append(t)
    return label


def _tick_bertumpuk(label: list[Text], renderer, skala: float) -> list[tuple[str, str]]:
    """Pairs of tick labels of one axis closer than JARAK_TICK_MIN. Slanted labels (45°) are
    parallel strips: their distance is the ticks' distance times sin(angle)."""
    hasil = []
    kotak = [(t, t.get_window_extent(renderer)) for t in label]
    jarak = JARAK_TICK_MIN / skala
    for i, (a, ka) in enumerate(kotak):
        for b, kb in kotak[i + 1 :]:
            sudut = round(a.get_rotation()) % 180
            if sudut in (0, 90):
                dekat = (
                    ka.x0 < kb.x1 + jarak
                    and kb.x0 < ka.x1 + jarak
                    and ka.y0 < kb.y1 + jarak / 2
                    and kb.y0 < ka.y1 + jarak / 2
                )
            else:
                geser = max(abs(ka.x0 - kb.x0), abs(ka.y0 - kb.y0))
                tebal = a.get_fontsize() * a.figure.dpi / 72 * 1.1
                tebal *= a.get_text().count("\n") + 1
                dekat = geser * math.sin(math.radians(sudut)) < tebal + jarak
            if dekat:
                hasil.append((a.get_text(), b.get_text()))
    return hasil


def ukur(fig: Figure, nama: str, lebar_css: float) -> UkuranGrafik:
    """Text sizes, tick label overlaps and cut text of a drawn figure, in CSS px on a phone
    that shows the figure `lebar_css` px wide."""
    renderer = fig.canvas.get_renderer() if hasattr(fig.canvas, "get_renderer") else None
    skala = lebar_css / (fig.get_figwidth() * fig.dpi)  # CSS px per PNG px
    tinggi_fig = fig.get_figheight() * fig.dpi
    hasil = UkuranGrafik(nama, [])
    # matplotlib keeps tick labels beyond the axis' view, but does not draw them.
    tick = {
        id(label)
        for ax in fig.axes
        for a in (ax.xaxis, ax.yaxis)
        for tk in a.get_major_ticks() + a.get_minor_ticks()
        for label in (tk.label1, tk.label2)
    }
    digambar = {id(t) for ax in fig.axes for s in ("x", "y") for t in _label_tick(ax, s)}
    for t in fig.findobj(Text):
        if not t.get_visible() or not t.get_text().strip() or t.figure is None:
            continue
        if id(t) in tick and id(t) not in digambar:
            continue
        kotak = t.get_window_extent(renderer)
        baris = t.get_text().count("\n") + 1
        sudut = round(t.get_rotation()) % 180
        garis = {0: kotak.height, 90: kotak.width}.get(sudut)
        px = t.get_fontsize() * fig.dpi / 72 * skala
        hasil.teks.append(
            Teks(
                t.get_text(),
                px,
                None if garis is None else garis / baris * skala,
                (kotak.x0 * skala, kotak.y0 * skala, kotak.x1 * skala, kotak.y1 * skala),
            )
        )
        lebar_fig = fig.get_figwidth() * fig.dpi
        if kotak.x0 < -1 or kotak.y0 < -1 or kotak.x1 > lebar_fig + 1 or kotak.y1 > tinggi_fig + 1:
            hasil.terpotong.append(t.get_text())
    for ax in fig.axes:
        for sumbu in ("x", "y"):
            label = _label_tick(ax, sumbu)
            hasil.tick_panjang += [
                t.get_text() for t in label if ANGKA_PANJANG.fullmatch(t.get_text())
            ]
            hasil.tick_inggris += [
                t.get_text() for t in label if ANGKA_INGGRIS.fullmatch(t.get_text())
            ]
            hasil.tumpang += _tick_bertumpuk(label, renderer, skala)
    # Any two other texts (titles, labels, annotations, legends) that cover each other.
    datar = [
        t
        for t in fig.findobj(Text)
        if t.get_visible()
        and t.get_text().strip()
        and id(t) not in tick
        and round(t.get_rotation()) % 180 == 0
    ]
    kotak = [(t.get_text(), t.get_window_extent(renderer)) for t in datar]
    for i, (a, ka) in enumerate(kotak):
        for b, kb in kotak[i + 1 :]:
            if ka.overlaps(kb) and min(ka.width, kb.width) > 0:
                tumpang_px = (
                    min(ka.x1, kb.x1) - max(ka.x0, kb.x0),
                    min(ka.y1, kb.y1) - max(ka.y0, kb.y0),
                )
                if min(tumpang_px) * skala > 1:
                    hasil.teks_tumpang.append((a, b))
    return hasil


def sel_kode(notebook: Path) -> list[str]:
    nb = json.loads(notebook.read_text(encoding="utf-8"))
    return [
        "".join(sel["source"])
        for sel in nb["cells"]
        if sel["cell_type"] == "code"
        and "raises-exception" not in sel.get("metadata", {}).get("tags", [])
    ]


def jalankan_sel(kode: str, ruang: dict, nama: str):
    """Run one code cell as Jupyter does; return the value of its last expression (what the
    cell shows, e.g. a view built without a name) or None."""
    import ast

    pohon = ast.parse(kode)
    akhir = pohon.body[-1] if pohon.body and isinstance(pohon.body[-1], ast.Expr) else None
    if akhir is not None:
        pohon.body.pop()
    exec(compile(pohon, nama, "exec"), ruang)  # noqa: S102 (the kit's own notebook)
    if akhir is None:
        return None
    return eval(compile(ast.Expression(akhir.value), nama, "eval"), ruang)  # noqa: S307


def _widget_di(obj, dilihat: set[int], dalam: int = 0) -> list:
    """Widgets reachable from a notebook variable: the object itself, a view's attributes
    and a container's children."""
    import ipywidgets as ipw

    if id(obj) in dilihat or dalam > 25:
        return []
    dilihat.add(id(obj))
    hasil = []
    if isinstance(obj, ipw.Widget):
        hasil.append(obj)
        for anak in getattr(obj, "children", ()) or ():
            hasil += _widget_di(anak, dilihat, dalam + 1)
    elif type(obj).__module__.startswith("literasi") and hasattr(obj, "__dict__"):
        for nilai in vars(obj).values():
            for x in nilai if isinstance(nilai, list | tuple) else [nilai]:
                hasil += _widget_di(x, dilihat, dalam + 1)
    elif isinstance(obj, list | tuple):
        for x in obj:
            hasil += _widget_di(x, dilihat, dalam + 1)
    return hasil


def _coba_semua(w) -> None:
    """Set a control to each of its options (at most MAKS_PILIHAN, spread over the list) or
    to its lowest, middle and highest value, as a curious student does; then back."""
    import ipywidgets as ipw

    if getattr(w, "disabled", False):
        return
    if isinstance(
        w, ipw.ToggleButtons | ipw.Dropdown | ipw.RadioButtons | ipw.Select | ipw.SelectionSlider
    ):
        awal, nama = w.index, "index"
        n = len(w.options)
        nilai = [round(i * (n - 1) / (MAKS_PILIHAN - 1)) for i in range(MAKS_PILIHAN)]
        nilai = sorted(set(nilai)) if n > MAKS_PILIHAN else list(range(n))
    elif isinstance(w, ipw.IntSlider | ipw.FloatSlider | ipw.BoundedIntText):
        awal, nama = w.value, "value"
        tengah = (w.min + w.max) / 2
        nilai = [w.min, tengah if isinstance(w, ipw.FloatSlider) else round(tengah), w.max]
    elif isinstance(w, ipw.Checkbox):
        awal, nama, nilai = w.value, "value", [not w.value]
    else:
        return
    for v in [*nilai, awal]:
        setattr(w, nama, v)


def grafik_aplikasi(notebook: Path, lebar_css: float) -> list[UkuranGrafik]:
    """Run one app here and measure every chart it draws (see the module's docstring)."""
    import contextlib
    import io

    import ipywidgets as ipw

    from literasi import grafik

    simpan = os.environ.get("LITERASI_SIMPAN_GRAFIK")
    tercatat: list[UkuranGrafik] = []
    asli = grafik.png_base64
    awalan = notebook.stem

    def catat(fig):
        b64 = asli(fig)
        gambar = fig.fig if isinstance(fig, grafik.KerangkaGrafik) else fig
        nama = f"{awalan}_{len(tercatat) + 1:03d}"
        tercatat.append(ukur(gambar, nama, lebar_css))
        if simpan:
            Path(simpan).mkdir(parents=True, exist_ok=True)
            (Path(simpan) / f"{nama}.png").write_bytes(base64.b64decode(b64))
        return b64

    lama = Path.cwd()
    grafik.png_base64 = catat
    try:
        os.chdir(notebook.parent)
        ruang: dict = {"__name__": "__main__"}
        with contextlib.redirect_stdout(io.StringIO()):
            tampil = [jalankan_sel(kode, ruang, str(notebook)) for kode in sel_kode(notebook)]
            dilihat: set[int] = set()
            semua = [w for v in [*ruang.values(), *tampil] for w in _widget_di(v, dilihat)]
            for w in semua:
                if isinstance(w, ipw.Button) and w.description in TOMBOL:
                    w.click()
                    semua += [x for v in list(ruang.values()) for x in _widget_di(v, dilihat)]
            for w in semua:
                _coba_semua(w)
    finally:
        grafik.png_base64 = asli
        os.chdir(lama)
    return tercatat


def notebook_aplikasi() -> list[str]:
    """Apps whose charts are measured here: every student and kelurahan app. The class survey
    draws only from live answers: its charts are measured from literasi.kelas.tampilan_survei."""
    return sorted(
        p.relative_to(NOTEBOOKS).as_posix()
        for p in NOTEBOOKS.glob("*/*.ipynb")
        if p.parent.name in ("siswa", "kelurahan")
    )
