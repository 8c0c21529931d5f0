"""ruff (configured in pyproject.toml) is clean over the package, the tests and the notebooks."""

import shutil
import subprocess
import sys
from pathlib import Path

import pytest

REPO = Path(__file__).resolve().parents[2]


def test_ruff_bersih():
    ruff = Path(sys.executable).with_name("ruff")
    perintah = [str(ruff)] if ruff.exists() else [shutil.which("ruff") or "ruff"]
    if not Path(perintah[0]).exists() and shutil.which(perintah[0]) is None:
        pytest.fail("ruff is not installed: `pip install -e .[test]`")
    hasil = subprocess.run(
        [*perintah, "check", "widgets", "tests", "notebooks"],
        cwd=REPO,
        capture_output=True,
        text=True,
        timeout=120,
    )
    assert hasil.returncode == 0, hasil.stdout + hasil.stderr
