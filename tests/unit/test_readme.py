"""README.md keeps its promises: the two commands, .ci/run calling the test command, and a
Binder link for every app."""

from pathlib import Path

import pytest

REPO = Path(__file__).resolve().parents[2]
README = (REPO / "README.md").read_text(encoding="utf-8")
NOTEBOOKS = sorted(
    p.relative_to(REPO).as_posix()
    for p in (REPO / "notebooks").rglob("*.ipynb")
    if ".ipynb_checkpoints" not in p.parts
)


def test_dua_perintah():
    serve = (
        "python3 -m venv .venv && .venv/bin/pip install -c constraints.txt -e . && "
        ".venv/bin/literasi serve"
    )
    assert serve in README
    assert "bash tests/run.sh" in README


def test_ci_memanggil_perintah_tes_readme():
    ci = (REPO / ".ci" / "run").read_text(encoding="utf-8")
    assert "bash tests/run.sh" in ci


@pytest.mark.parametrize("notebook", NOTEBOOKS)
def test_tautan_binder_setiap_aplikasi(notebook):
    assert f"voila/render/{notebook}" in README, f"add the Binder urlpath of {notebook} to README"
