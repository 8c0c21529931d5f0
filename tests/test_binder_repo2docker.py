"""Binder builds from binder/: checked on the Dockerfile repo2docker would build.

`jupyter-repo2docker --no-build --debug <repo>` prints that Dockerfile without a Docker engine.
We assert it takes binder/environment.yml (not the top-level one, which teachers use), pins the
base Python from it, runs binder/postBuild after the repo is copied in, and uses binder/start.

Not tested here: that conda-forge solves binder/environment.yml (unreachable from here), that the
image builds and starts (no Docker engine), and BinderHub itself (its launch URL, ?urlpath
routing to /voila/render, resource limits).
"""

import re
import shutil
import subprocess
import sys
from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parents[1]


def repo2docker() -> str | None:
    beside = Path(sys.executable).with_name("jupyter-repo2docker")
    return str(beside) if beside.exists() else shutil.which("jupyter-repo2docker")


@pytest.fixture(scope="module")
def dockerfile(tmp_path_factory) -> str:
    exe = repo2docker()
    if exe is None:
        pytest.skip("jupyter-repo2docker is not installed (pip install jupyter-repo2docker)")
    # cwd elsewhere: repo2docker also loads a repo2docker_config.py from the working directory.
    run = subprocess.run(
        [exe, "--no-build", "--debug", str(ROOT)],
        cwd=tmp_path_factory.mktemp("r2d"),
        capture_output=True,
        text=True,
        timeout=60,
    )
    assert run.returncode == 0, f"repo2docker failed:\n{run.stderr}"
    assert "FROM " in run.stdout, f"no Dockerfile printed:\n{run.stdout}\n{run.stderr}"
    # The log (stderr) says which Python the base environment was built for.
    return run.stdout + "\n# --- repo2docker log ---\n" + run.stderr


def test_uses_binder_environment_yml(dockerfile):
    assert '--file "binder/environment.yml"' in dockerfile, "conda env not from binder/"
    # Copied alone, before the rest of the repo: a pip `-e .` in it would copy everything first.
    assert "COPY --chown=0:0 src/binder/environment.yml" in dockerfile, (
        "binder/ yml not copied alone"
    )
    assert not re.search(r'(src/|--file ")environment\.yml', dockerfile), (
        "repo2docker reads the top-level environment.yml"
    )


def test_base_python_follows_the_pin(dockerfile):
    # Only "python=X.Y" is read by repo2docker; ">=" silently falls back to its default Python.
    pin = re.search(
        r"^\s*-\s*python\s*=\s*([\d.]+)", (ROOT / "binder/environment.yml").read_text(), re.M
    )
    assert pin, "binder/environment.yml needs a 'python=X.Y' line for repo2docker"
    wanted = f"Building conda environment for python={pin[1]}"
    assert wanted in dockerfile, f"repo2docker log lacks {wanted!r}"


def test_runs_postbuild_after_copying_the_repo(dockerfile):
    copy = dockerfile.find("COPY --chown=0:0 src/ ${REPO_DIR}/")
    postbuild = dockerfile.find("RUN ./binder/postBuild")
    assert postbuild != -1, "binder/postBuild is not run"
    assert -1 < copy < postbuild, "binder/postBuild runs before the repo is copied in"


def test_start_script_is_the_entrypoint(dockerfile):
    assert 'ENV R2D_ENTRYPOINT="${REPO_DIR}/binder/start"' in dockerfile, "binder/start not used"
    assert 'ENTRYPOINT ["/usr/local/bin/repo2docker-entrypoint"]' in dockerfile
