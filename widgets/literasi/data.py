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


def datasets_dir() -> Path:
    """Folder holding datapackage.json.

    LITERASI_DATASETS overrides it; otherwise it is found next to the package's
    repository (the kit is installed in editable mode, so widgets/ sits beside datasets/).
    """
    override = os.environ.get("LITERASI_DATASETS")
    if override:
        return Path(override)
    for parent in Path(__file__).resolve().parents:
        candidate = parent / "datasets" / "datapackage.json"
        if candidate.is_file():
            return candidate.parent
    raise FileNotFoundError(
        "Folder datasets/ tidak ditemukan. Pasang kit dari folder repositorinya "
        "(pip install -e .) atau setel LITERASI_DATASETS."
    )


@cache
def _package() -> dict:
    with open(datasets_dir() / "datapackage.json", encoding="utf-8") as f:
        return json.load(f)


def dataset_names() -> list[str]:
    """Names of the tabular datasets, in datapackage order."""
    return [r["name"] for r in _package()["resources"] if r.get("format") == "csv"]


def describe_dataset(name: str) -> dict:
    """The datapackage entry (title, sources, licence, schema) of one resource."""
    for resource in _package()["resources"]:
        if resource["name"] == name:
            return resource
    available = ", ".join(r["name"] for r in _package()["resources"])
    raise KeyError(f"Data '{name}' tidak ada. Yang tersedia: {available}.")


def load_dataset(name: str) -> pd.DataFrame:
    """Read one CSV resource with the column types its Table Schema declares."""
    resource = describe_dataset(name)
    if resource.get("format") != "csv":
        raise KeyError(f"'{name}' bukan tabel; untuk peta gunakan load_boundaries().")
    fields = resource["schema"]["fields"]
    missing = resource["schema"].get("missingValues", [""])
    frame = pd.read_csv(
        datasets_dir() / resource["path"],
        dtype={f["name"]: _PANDAS_DTYPES.get(f["type"], "string") for f in fields},
        na_values=missing,
        keep_default_na=False,
        encoding=resource.get("encoding", "utf-8"),
    )
    frame.attrs["title"] = resource.get("title", name)
    frame.attrs["sources"] = [s["title"] for s in resource.get("sources", [])]
    return frame


def load_boundaries(level: str) -> dict:
    """GeoJSON FeatureCollection of a boundary resource (e.g. 'batas_kelurahan_kota_pekalongan')."""
    resource = describe_dataset(level)
    with open(datasets_dir() / resource["path"], encoding="utf-8") as f:
        return json.load(f)
