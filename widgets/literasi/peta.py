"""Choropleth maps from GeoJSON with matplotlib only (no geopandas, no shapely).

    from literasi.data import load_boundaries
    from literasi.peta import gambar_peta
    fig = gambar_peta(load_boundaries("kecamatan"), {"33.75.01": 88960, ...},
                      judul="Penduduk SP2010", sumber="BPS, Sensus Penduduk 2010")

Values are joined on Kemendagri codes (`kode_kemendagri` in the GeoJSON properties).
BPS codes must go through the crosswalk first: at kecamatan level the two systems
disagree (Kemendagri 33.75.03 = Utara, BPS 3375030 = Selatan).
"""

from __future__ import annotations

import math
import textwrap
from collections.abc import Mapping

import numpy as np
from matplotlib import colormaps
from matplotlib.colors import to_rgba
from matplotlib.figure import Figure
from matplotlib.patches import Patch, PathPatch
from matplotlib.path import Path

from literasi.format import format_angka
from literasi.grafik import LEBAR_INCI, gambar_baru

WARNA_KOSONG = "#d9d9d9"  # areas without a value
TEKS_KOSONG = "tidak ada data"


def _cincin(geometry: dict) -> list[list[list[float]]]:
    """All rings (outer and holes) of a Polygon or MultiPolygon, as [[lon, lat], ...]."""
    if geometry["type"] == "Polygon":
        return list(geometry["coordinates"])
    if geometry["type"] == "MultiPolygon":
        return [ring for polygon in geometry["coordinates"] for ring in polygon]
    raise ValueError(f"Geometri {geometry['type']} tidak didukung (hanya Polygon/MultiPolygon).")


def _path(geometry: dict) -> Path:
    """One compound path per feature, so a MultiPolygon is still one patch."""
    return Path.make_compound_path(
        *(Path(np.asarray(ring, dtype=float)[:, :2], closed=True) for ring in _cincin(geometry))
    )


def _ada(x) -> bool:
    return x is not None and not (isinstance(x, float) and math.isnan(x))


def batas_kelas(nilai: list[float], kelas: int) -> list[float]:
    """Equal-width class edges from min to max (at most `kelas` classes, fewer if the
    values are fewer). Equal widths are easy to explain in class; see README."""
    lo, hi = min(nilai), max(nilai)
    k = max(1, min(kelas, len(set(nilai))))
    if hi == lo:
        return [lo, hi]
    return [lo + (hi - lo) * i / k for i in range(k + 1)]


def gambar_peta(
    geojson: dict,
    nilai: Mapping[str, float],
    judul: str,
    sumber: str,
    *,
    label: str = "",
    kelas: int = 5,
    tepi: list[float] | None = None,
    desimal: int = 0,
    cmap: str = "YlOrRd",
    warna: list[str] | None = None,
    nama_kelas: list[str] | None = None,
    tampilkan_nama: bool = False,
    kunci: str = "kode_kemendagri",
) -> Figure:
    """Draw a choropleth: one patch per feature, coloured by `nilai[kode]`.

    geojson  FeatureCollection from `load_boundaries(...)` (kecamatan, kelurahan, kabkota).
    nilai    {kode_kemendagri: number}; features without a value are grey ("tidak ada data").
    judul    title; sumber: source line printed under the map ("Sumber: ...").
    label    legend title (what and unit, e.g. "Penduduk (jiwa)").
    kelas    number of equal-width classes, unless
    tepi     the class edges are given (e.g. quantiles): class i holds [tepi[i], tepi[i+1]).
    warna, nama_kelas  colours and legend texts of the classes, for categories (e.g. the
             kecamatan a kelurahan belongs to) instead of a light-to-dark scale of amounts.

    Laid out for a phone: the map as wide as the figure (literasi.grafik's phone width), north
    up with a north arrow, the legend in two columns under it, then the source.
    """
    fitur = geojson["features"]
    kode = [f["properties"][kunci] for f in fitur]
    asing = sorted(set(nilai) - set(kode))
    if asing:
        raise ValueError(
            f"Kode {', '.join(map(str, asing))} tidak ada di peta (kunci '{kunci}'). Peta memakai "
            "kode Kemendagri bertitik (mis. 33.75.01); kode BPS harus lewat "
            "crosswalk_kode_kemendagri_bps_kota_pekalongan dulu."
        )
    berisi = [float(v) for v in nilai.values() if _ada(v)]
    if tepi is None:
        tepi = batas_kelas(berisi, kelas) if berisi else []
    n_kelas = max(len(tepi) - 1, 1)
    peta_warna = colormaps[cmap].resampled(n_kelas)
    warna_kelas = list(warna) if warna else [peta_warna(i) for i in range(n_kelas)]

    path = {k: _path(f["geometry"]) for f, k in zip(fitur, kode, strict=True)}
    titik = np.concatenate([p.vertices for p in path.values()])
    (bujur_min, lintang_min), (bujur_max, lintang_max) = titik.min(axis=0), titik.max(axis=0)
    # A degree of longitude is cos(latitude) times shorter than a degree of latitude;
    # stretching y by 1/cos keeps shapes true near the equator and in Jawa alike.
    regang = 1 / math.cos(math.radians((lintang_min + lintang_max) / 2))
    rasio_peta = (lintang_max - lintang_min) * regang / (bujur_max - bujur_min)

    pegangan = [
        Patch(
            facecolor=warna_kelas[i],
            label=(
                nama_kelas[i]
                if nama_kelas
                else f"{format_angka(tepi[i], desimal)} – {format_angka(tepi[i + 1], desimal)}"
            ),
        )
        for i in range(len(tepi) - 1)
    ]
    if any(not _ada(nilai.get(k)) for k in kode):
        pegangan.append(Patch(facecolor=WARNA_KOSONG, label=TEKS_KOSONG))
    teks_sumber = sumber if sumber.lower().startswith("sumber") else f"Sumber: {sumber}"
    baris_sumber = textwrap.wrap(teks_sumber, 44)

    # Heights in inches, top to bottom: title, map, legend, source (8-pt text = 11 CSS px).
    lebar = LEBAR_INCI
    t_judul = (judul.count("\n") + 1) * 10 * 1.3 / 72 + 0.08
    t_peta = lebar * 0.96 * min(rasio_peta, 1.4)
    t_legenda = (math.ceil(len(pegangan) / 2) + (1 if label else 0)) * 8 * 1.75 / 72 + 0.04
    t_sumber = len(baris_sumber) * 8 * 1.3 / 72 + 0.06
    tinggi = t_judul + t_peta + t_legenda + t_sumber
    fig = gambar_baru(lebar, tinggi, tata=None)

    ax = fig.add_axes((0.02, (t_legenda + t_sumber) / tinggi, 0.96, t_peta / tinggi))
    for k in kode:
        v = nilai.get(k)
        if _ada(v):
            # Class i holds [edge i, edge i+1); the maximum falls in the last class.
            i = int(np.searchsorted(tepi[1:-1], float(v), side="right"))
            isi = warna_kelas[min(i, n_kelas - 1)]
        else:
            isi = WARNA_KOSONG
        patch = PathPatch(path[k], facecolor=isi, edgecolor="white", linewidth=0.7)
        patch.set_gid(k)  # lets tests and callers find the patch of one area
        ax.add_patch(patch)
        if tampilkan_nama:
            props = next(f["properties"] for f in fitur if f["properties"][kunci] == k)
            lon, lat = path[k].vertices.mean(axis=0)
            lon, lat = props.get("lng_centroid", lon), props.get("lat_centroid", lat)
            # White names on the darkest colours, black on the others.
            r, g, b, _ = to_rgba(isi)
            ax.annotate(
                props.get("nama", k),
                (lon, lat),
                ha="center",
                va="center",
                fontsize=8,
                color="white" if 0.299 * r + 0.587 * g + 0.114 * b < 0.45 else "black",
            )
    ax.set_xlim(bujur_min, bujur_max)
    ax.set_ylim(lintang_min, lintang_max)
    ax.set_aspect(regang)
    ax.set_axis_off()
    ax.legend(
        handles=pegangan,
        title=label or None,
        loc="upper center",
        bbox_to_anchor=(0.5, 0),
        ncol=2,
        frameon=False,
        fontsize=8,
        title_fontsize=8,
        columnspacing=1.0,
        handlelength=1.5,
    )
    fig.suptitle(judul, fontsize=10, x=0.02, y=1 - 0.04 / tinggi, ha="left", va="top")
    fig.text(0.02, 0.02 / tinggi, "\n".join(baris_sumber), fontsize=8, color="#444444", va="bottom")
    _panah_utara(fig)
    return fig


def _panah_utara(fig: Figure) -> None:
    """A small north arrow in the figure's top-right corner, beside the title, where it
    never covers an area (the map is drawn north up)."""
    fig.axes[0].annotate(
        "U",
        xy=(0.95, 1 - 0.05 / fig.get_figheight()),
        xytext=(0.95, 1 - 0.3 / fig.get_figheight()),
        xycoords="figure fraction",
        ha="center",
        va="center",
        fontsize=8,
        fontweight="bold",
        arrowprops={"arrowstyle": "-|>", "color": "#333333", "lw": 1},
    )
