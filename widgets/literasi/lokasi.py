"""Where the kit's content is: datasets/, notebooks/ and lessons/.

The first of these that holds `datasets/datapackage.json` and `notebooks/index.ipynb` wins:
1. `$LITERASI_KIT`, a folder the teacher names (a copy of the repository, a USB stick);
2. the repository the package was installed from in editable mode (`pip install -e .`: widgets/
   sits beside datasets/), found by walking up from this file;
3. the copy a wheel installs under `<prefix>/share/literasi-pekalongan/` (pyproject.toml's
   data-files), so `pip install literasi_pekalongan-….whl` serves the apps too.
"""

from __future__ import annotations

import os
import sys
from pathlib import Path

ENV_KIT = "LITERASI_KIT"
NAMA_BERBAGI = "literasi-pekalongan"  # <prefix>/share/<this>/ in a wheel install


def lengkap(folder: Path) -> bool:
    """True if `folder` holds the kit's data and apps."""
    return (folder / "datasets" / "datapackage.json").is_file() and (
        folder / "notebooks" / "index.ipynb"
    ).is_file()


def calon_folder_kit() -> list[Path]:
    """Where the kit's content is looked for, in order (see the module's docstring)."""
    calon = []
    if os.environ.get(ENV_KIT):
        calon.append(Path(os.environ[ENV_KIT]))
    calon += list(Path(__file__).resolve().parents)
    calon.append(Path(sys.prefix) / "share" / NAMA_BERBAGI)
    return calon


def folder_kit() -> Path:
    """The folder holding datasets/, notebooks/ and lessons/."""
    for folder in calon_folder_kit():
        if lengkap(folder):
            return folder
    raise FileNotFoundError(
        "Isi kit (folder datasets/ dan notebooks/) tidak ditemukan. Pasang kit dari folder "
        f"repositorinya (pip install -e .), pasang berkas wheel-nya, atau setel {ENV_KIT} ke "
        "folder salinan repositori."
    )
