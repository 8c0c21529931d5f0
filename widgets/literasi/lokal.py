"""The kit's local data folder: what the kit writes on the teacher's laptop (survey answers, logs).

One place decides where it is, for every part of the kit: `$LITERASI_DATA_LOKAL`, else
`data_lokal/` beside `notebooks/` (an editable install; git-ignored), else
`~/literasi_data_lokal`. The folder is created for its owner only (0700): the survey's
answers and the logs are nobody else's business on a shared laptop.
"""

from __future__ import annotations

import os
from pathlib import Path

ENV_FOLDER = "LITERASI_DATA_LOKAL"


def akar_repo() -> Path | None:
    """The folder holding notebooks/ (an editable install, or the working folder), or None."""
    for awal in (Path(__file__).resolve(), Path.cwd().resolve()):
        for folder in (awal, *awal.parents):
            if (folder / "notebooks").is_dir():
                return folder
    return None


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
