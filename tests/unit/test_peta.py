"""Choropleth helper: one patch per area, a legend, a title and a source line."""

from __future__ import annotations

import io
import math

import pytest
from matplotlib.colors import to_rgba
from matplotlib.patches import PathPatch

from literasi.data import load_boundaries
from literasi.peta import TEKS_KOSONG, WARNA_KOSONG, batas_kelas, gambar_peta


def _kode(geojson: dict) -> list[str]:
    return [f["properties"]["kode_kemendagri"] for f in geojson["features"]]


def _patches(fig) -> dict[str, PathPatch]:
    ax = fig.axes[0]
    return {p.get_gid(): p for p in ax.patches if isinstance(p, PathPatch)}


@pytest.mark.parametrize(("level", "n"), [("kecamatan", 4), ("kelurahan", 27), ("kabkota", 35)])
def test_menggambar_satu_poligon_per_wilayah(level, n):
    geojson = load_boundaries(level)
    nilai = {kode: float(i) for i, kode in enumerate(_kode(geojson))}
    fig = gambar_peta(geojson, nilai, "Judul uji", "BPS, uji", label="Nilai", kelas=4)
    patches = _patches(fig)
    assert len(patches) == n and set(patches) == set(nilai)
    legend = fig.axes[0].get_legend()
    assert legend is not None and len(legend.get_texts()) == 4
    assert legend.get_title().get_text() == "Nilai"
    teks = [t.get_text() for t in fig.texts]
    assert "Sumber: BPS, uji" in teks
    assert fig.get_suptitle() == "Judul uji"
    fig.savefig(io.BytesIO(), format="png")  # it really renders


def test_nilai_terkecil_dan_terbesar_di_kelas_ujung():
    geojson = load_boundaries("kecamatan")
    kode = _kode(geojson)
    nilai = dict(zip(kode, [10.0, 20.0, 30.0, 40.0], strict=True))
    fig = gambar_peta(geojson, nilai, "t", "s", kelas=3)
    patches = _patches(fig)
    warna_legenda = [h.get_facecolor() for h in fig.axes[0].get_legend().legend_handles]
    assert patches[kode[0]].get_facecolor() == warna_legenda[0]
    assert patches[kode[3]].get_facecolor() == warna_legenda[-1]


def test_tepi_kelas_diberikan():
    """Given edges (e.g. quantiles) are used as they are, legend included."""
    geojson = load_boundaries("kecamatan")
    kode = _kode(geojson)
    nilai = dict(zip(kode, [10.0, 11.0, 12.0, 40.0], strict=True))
    fig = gambar_peta(geojson, nilai, "t", "s", tepi=[10.0, 11.5, 40.0])
    patches = _patches(fig)
    warna_legenda = [h.get_facecolor() for h in fig.axes[0].get_legend().legend_handles]
    labels = [t.get_text() for t in fig.axes[0].get_legend().get_texts()]
    assert labels == ["10 – 12", "12 – 40"]  # 11,5 shown with desimal=0
    assert [patches[k].get_facecolor() for k in kode] == [warna_legenda[i] for i in (0, 0, 1, 1)]


def test_wilayah_tanpa_nilai_abu_abu_dan_tercatat_di_legenda():
    geojson = load_boundaries("kecamatan")
    kode = _kode(geojson)
    fig = gambar_peta(geojson, {kode[0]: 1.0, kode[1]: 2.0}, "t", "Sumber: s")
    patches = _patches(fig)
    assert patches[kode[2]].get_facecolor() == to_rgba(WARNA_KOSONG)
    labels = [t.get_text() for t in fig.axes[0].get_legend().get_texts()]
    assert labels[-1] == TEKS_KOSONG
    teks = [t.get_text() for t in fig.texts]
    assert "Sumber: s" in teks and not any("Sumber: Sumber" in t for t in teks)


def test_kode_bps_ditolak_dengan_petunjuk_crosswalk():
    with pytest.raises(ValueError, match="crosswalk"):
        gambar_peta(load_boundaries("kecamatan"), {"3375030": 1.0}, "t", "s")


def test_rasio_aspek_dikoreksi_cos_lintang():
    fig = gambar_peta(load_boundaries("kelurahan"), {}, "t", "s")
    ax = fig.axes[0]
    lat = sum(ax.get_ylim()) / 2
    assert ax.get_aspect() == pytest.approx(1 / math.cos(math.radians(lat)), rel=1e-3)


def test_batas_kelas_sama_lebar():
    assert batas_kelas([0, 10, 5, 2.5], 2) == [0, 5, 10]
    assert batas_kelas([3, 3, 3], 5) == [3, 3]
    assert len(batas_kelas([1, 2], 5)) == 3  # never more classes than distinct values
