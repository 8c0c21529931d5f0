"""literasi: the Python package behind the Kota Pekalongan statistical-literacy kit.

Three layers, each testable alone:
1. pure functions (data loading, formatting, answer parsing);
2. views: ipywidgets controls with one `_update()` path, charts as PNG with alt text;
3. checks: exercises with check / hint / show-answer.
"""

from literasi import catatan as _catatan
from literasi.data import (
    dataset_names,
    describe_dataset,
    load_boundaries,
    load_dataset,
)
from literasi.format import format_angka, format_persen, format_rupiah

__all__ = [
    "dataset_names",
    "describe_dataset",
    "format_angka",
    "format_persen",
    "format_rupiah",
    "load_boundaries",
    "load_dataset",
]

# A Voilà kernel that imports the kit logs to the kit's log file (literasi.catatan).
_catatan.siapkan_kernel()
