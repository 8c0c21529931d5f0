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


def test_nama_modul_tes_unik():
    """pytest imports test modules by their base name (no __init__.py in tests/): two files
    called test_x.py in different folders stop the whole run's collection."""
    nama = [p.name for p in (REPO / "tests").rglob("test_*.py")]
    kembar = sorted({n for n in nama if nama.count(n) > 1})
    assert not kembar, f"test modules with the same name: {kembar}"
