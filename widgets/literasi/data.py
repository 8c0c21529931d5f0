"""The one door to the kit's data: `load_dataset(name)` and `load_boundaries(level)`.

Types come from datasets/datapackage.json (a Frictionless Data Package), so codes stay
strings (leading zeros and dots survive) and counts stay integers. Notebooks never open
`../datasets/...` paths themselves.
"""

from __future__ import annotations

import json
import os
from functools import cache
from pathlib import Path

import pandas as pd

# Frictionless field types -> pandas dtypes. Nullable dtypes so a missing value never
# silently turns an integer column into floats.
_PANDAS_DTYPES = {
    "string": "string",
    "integer": "Int64",
    "number": "Float64",
    "boolean": "boolean",
    "year": "Int64",
}

# The city the kit is about: one definition, used by every app and by literasi.seri.
KOTA_KITA = "Kota Pekalongan"

# Short level names for the boundary files, so a lesson can say load_boundaries("kelurahan").
TINGKAT_BATAS = {
    "kecamatan": "batas_kecamatan_kota_pekalongan",
    "kelurahan": "batas_kelurahan_kota_pekalongan",
    "kabkota": "batas_kabkota_jateng",
}
_SINONIM_TINGKAT = {"kab/kota": "kabkota", "kabupaten_kota": "kabkota", "kab_kota": "kabkota"}


class DataTidakDitemukan(KeyError):
    """Unknown dataset or boundary name. A KeyError whose message prints without quotes."""

    def __str__(self) -> str:
        return str(self.args[0])


def datasets_dir() -> Path:
    """Folder holding datapackage.json: $LITERASI_DATASETS, else the kit's datasets/
    (literasi.lokasi: $LITERASI_KIT, the repository, or the copy a wheel installs)."""
    override = os.environ.get("LITERASI_DATASETS")
    if override:
        return Path(override)
    from literasi.lokasi import folder_kit

    return folder_kit() / "datasets"


@cache
def _package() -> dict:
    with open(datasets_dir() / "datapackage.json", encoding="utf-8") as f:
        return json.load(f)


def dataset_names() -> list[str]:
    """Names of the tabular datasets, in datapackage order."""
    return [r["name"] for r in _package()["resources"] if r.get("format") == "csv"]


def _boundary_names() -> list[str]:
    return [r["name"] for r in _package()["resources"] if r.get("format") == "geojson"]


def describe_dataset(name: str) -> dict:
    """The datapackage entry (title, sources, licence, schema) of one resource."""
    for resource in _package()["resources"]:
        if resource["name"] == name:
            return resource
    raise DataTidakDitemukan(
        f"Data '{name}' tidak ada. Nama tabel yang tersedia: {', '.join(dataset_names())}. "
        f"Nama peta (untuk load_boundaries): {', '.join(_boundary_names())}."
    )


def _dtype(field: dict):
    """Pandas dtype for one schema field; a fixed list of values becomes a categorical
    whose order is the schema's order (so age groups sort 0-4, 5-9, …, 80+)."""
    enum = field.get("constraints", {}).get("enum")
    if enum and field["type"] == "string":
        return pd.CategoricalDtype(enum)
    return _PANDAS_DTYPES.get(field["type"], "string")


def load_dataset(name: str) -> pd.DataFrame:
    """Read one CSV resource with the column types its Table Schema declares.

    >>> load_dataset("wilayah_kota_pekalongan_kemendagri_2025")["kode_kemendagri"].iloc[1]
    '33.75.01'
    """
    resource = describe_dataset(name)
    if resource.get("format") != "csv":
        raise DataTidakDitemukan(
            f"'{name}' adalah peta, bukan tabel; gunakan load_boundaries('{name}')."
        )
    schema = resource["schema"]
    frame = pd.read_csv(
        datasets_dir() / resource["path"],
        dtype={field["name"]: _dtype(field) for field in schema["fields"]},
        na_values=schema.get("missingValues", [""]),
        keep_default_na=False,
        encoding=resource.get("encoding", "utf-8"),
    )
    frame.attrs["title"] = resource.get("title", name)
    frame.attrs["sources"] = [s["title"] for s in resource.get("sources", [])]
    return frame


def load_boundaries(level: str) -> dict:
    """GeoJSON FeatureCollection for 'kecamatan', 'kelurahan' or 'kabkota'.

    The full resource name (e.g. 'batas_kelurahan_kota_pekalongan') works too.
    Features carry `kode_kemendagri` and `nama` in their properties.
    """
    key = _SINONIM_TINGKAT.get(level, level)
    name = TINGKAT_BATAS.get(key, key)
    if name not in _boundary_names():
        raise DataTidakDitemukan(
            f"Peta '{level}' tidak ada. Tingkat yang tersedia: {', '.join(TINGKAT_BATAS)}; "
            f"atau nama lengkap: {', '.join(_boundary_names())}."
        )
    resource = describe_dataset(name)
    with open(datasets_dir() / resource["path"], encoding="utf-8") as f:
        return json.load(f)
