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
from collections.abc import Mapping

import numpy as np
from matplotlib import colormaps
from matplotlib.figure import Figure
from matplotlib.patches import Patch, PathPatch
from matplotlib.path import Path

from literasi.format import format_angka

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
    tampilkan_nama: bool = False,
    kunci: str = "kode_kemendagri",
    ukuran: tuple[float, float] = (8, 6),
) -> Figure:
    """Draw a choropleth: one patch per feature, coloured by `nilai[kode]`.

    geojson  FeatureCollection from `load_boundaries(...)` (kecamatan, kelurahan, kabkota).
    nilai    {kode_kemendagri: number}; features without a value are grey ("tidak ada data").
    judul    title; sumber: source line printed under the map ("Sumber: ...").
    label    legend title (what and unit, e.g. "Penduduk (jiwa)").
    kelas    number of equal-width classes, unless
    tepi     the class edges are given (e.g. quantiles): class i holds [tepi[i], tepi[i+1]).
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
    warna_kelas = [peta_warna(i) for i in range(n_kelas)]

    fig = Figure(figsize=ukuran)
    ax = fig.add_axes((0.02, 0.09, 0.66, 0.80))
    semua_lat = []
    for f, k in zip(fitur, kode, strict=True):
        v = nilai.get(k)
        if _ada(v):
            # Class i holds [edge i, edge i+1); the maximum falls in the last class.
            i = int(np.searchsorted(tepi[1:-1], float(v), side="right"))
            warna = warna_kelas[min(i, n_kelas - 1)]
        else:
            warna = WARNA_KOSONG
        path = _path(f["geometry"])
        patch = PathPatch(path, facecolor=warna, edgecolor="white", linewidth=0.7)
        patch.set_gid(k)  # lets tests and callers find the patch of one area
        ax.add_patch(patch)
        semua_lat.extend(path.vertices[:, 1])
        if tampilkan_nama:
            lon, lat = path.vertices.mean(axis=0)
            props = f["properties"]
            lon, lat = props.get("lng_centroid", lon), props.get("lat_centroid", lat)
            ax.annotate(props.get("nama", k), (lon, lat), ha="center", va="center", fontsize=7)

    ax.autoscale_view()
    # A degree of longitude is cos(latitude) times shorter than a degree of latitude;
    # stretching y by 1/cos keeps shapes true near the equator and in Jawa alike.
    lat_tengah = (min(semua_lat) + max(semua_lat)) / 2
    ax.set_aspect(1 / math.cos(math.radians(lat_tengah)))
    ax.set_axis_off()

    pegangan = [
        Patch(
            facecolor=warna_kelas[i],
            label=f"{format_angka(tepi[i], desimal)} – {format_angka(tepi[i + 1], desimal)}",
        )
        for i in range(len(tepi) - 1)
    ]
    if any(not _ada(nilai.get(k)) for k in kode):
        pegangan.append(Patch(facecolor=WARNA_KOSONG, label=TEKS_KOSONG))
    ax.legend(
        handles=pegangan,
        title=label or None,
        loc="center left",
        bbox_to_anchor=(1.02, 0.5),
        frameon=False,
        fontsize=9,
        title_fontsize=9,
    )
    fig.suptitle(judul, fontsize=12, x=0.02, ha="left")
    teks_sumber = sumber if sumber.lower().startswith("sumber") else f"Sumber: {sumber}"
    fig.text(0.02, 0.02, teks_sumber, fontsize=8, color="#444444", wrap=True)
    return fig
