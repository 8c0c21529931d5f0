"""The kit's local data folder: what the kit writes on the teacher's laptop (survey answers, logs).

One place decides where it is, for every part of the kit: `$LITERASI_DATA_LOKAL`, else
`data_lokal/` in the repository the kit runs from (git-ignored), else `~/literasi_data_lokal`
(a wheel install). The folder is created for its owner only (0700): the survey's
answers and the logs are nobody else's business on a shared laptop.
"""

from __future__ import annotations

import os
from pathlib import Path

from literasi.lokasi import folder_kit

ENV_FOLDER = "LITERASI_DATA_LOKAL"


def akar_repo() -> Path | None:
    """The repository the kit runs from (literasi.lokasi; it has widgets/ beside notebooks/), or
    None for a wheel install, whose shared copy is no place for a school's data."""
    try:
        kit = folder_kit()
    except FileNotFoundError:
        return None
    return kit if (kit / "widgets" / "literasi").is_dir() else None


def siapkan_folder(folder: Path) -> Path:
    """Create `folder` (and its parents) if needed; make it readable by its owner only."""
    folder.mkdir(parents=True, exist_ok=True, mode=0o700)
    try:
        os.chmod(folder, 0o700)  # also when it was made earlier with the default 0755
    except PermissionError:  # someone else's folder (a shared install): leave it as it is
        pass
    return folder


def folder_data_lokal() -> Path:
    """$LITERASI_DATA_LOKAL, else <repo>/data_lokal/, else ~/literasi_data_lokal; created 0700."""
    dari_env = os.environ.get(ENV_FOLDER)
    if dari_env:
        return siapkan_folder(Path(dari_env))
    akar = akar_repo()
    return siapkan_folder(akar / "data_lokal" if akar else Path.home() / "literasi_data_lokal")
