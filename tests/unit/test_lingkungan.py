"""The kit's three dependency lists agree, and binder/ scripts are set up to run.

pyproject.toml (pip), environment.yml (teachers' conda) and binder/environment.yml (Binder's conda)
are written by hand; these tests keep them from drifting apart. No network, no conda.
"""

import os
import re
import subprocess
import tomllib
from pathlib import Path

import pytest
import yaml
from packaging.requirements import Requirement
from packaging.specifiers import SpecifierSet
from packaging.utils import canonicalize_name

ROOT = Path(__file__).resolve().parents[2]
ENV_FILES = ("environment.yml", "binder/environment.yml")
# In the yml files but not runtime dependencies of the kit.
NOT_RUNTIME = {"python", "pip"}
KIT = "-e ."

# conda's MatchSpec, the plain forms used here: "name", "name >=1.2,<2", "name=1.2", "name 1.2".
CONDA_SPEC = re.compile(r"([A-Za-z0-9_.\-]+)\s*([^\s]*(?:\s*,\s*[^\s,]+)*)")


def conda_spec(text: str) -> tuple[str, SpecifierSet]:
    """'voila >=0.5.8,<0.6' -> ('voila', SpecifierSet('>=0.5.8,<0.6')); 'python=3.11' -> 3.11.*"""
    match = CONDA_SPEC.fullmatch(text.strip())
    if not match or "|" in text:
        raise ValueError(f"conda spec {text!r}: only 'name', 'name=X.Y', 'name >=a,<b' handled")
    name, spec = match.groups()
    parts = []
    for part in filter(None, spec.replace(" ", "").split(",")):
        # conda's fuzzy "=1.2" (or bare "1.2") means 1.2.*, which pip writes "==1.2.*".
        if re.fullmatch(r"=?\d[\w.]*", part):
            part = "==" + part.lstrip("=").removesuffix(".*") + ".*"
        parts.append(part)
    return canonicalize_name(name), SpecifierSet(",".join(parts))


def read_env(relpath: str) -> tuple[dict[str, SpecifierSet], list[str]]:
    """Conda dependencies (name -> specifiers) and the raw pip-section entries of a yml file."""
    data = yaml.safe_load((ROOT / relpath).read_text(encoding="utf-8"))
    assert data.get("channels") == ["conda-forge"], f"{relpath}: channels must be [conda-forge]"
    conda, pip = {}, []
    for entry in data["dependencies"]:
        if isinstance(entry, dict):
            pip += entry["pip"]
            continue
        name, spec = conda_spec(entry)
        assert name not in conda, f"{relpath}: {name} listed twice"
        conda[name] = spec
    return conda, pip


def runtime_from_env(relpath: str) -> dict[str, SpecifierSet]:
    """Runtime dependencies named in a yml file: conda ones plus pip ones, minus python/pip/kit."""
    conda, pip = read_env(relpath)
    deps = {name: spec for name, spec in conda.items() if name not in NOT_RUNTIME}
    for line in pip:
        if line.strip() == KIT:
            continue
        req = Requirement(line)
        name = canonicalize_name(req.name)
        assert name not in deps, f"{relpath}: {name} in both the conda and the pip section"
        deps[name] = req.specifier
    return deps


def pyproject() -> dict:
    return tomllib.loads((ROOT / "pyproject.toml").read_text(encoding="utf-8"))


def runtime_from_pyproject() -> dict[str, SpecifierSet]:
    reqs = [Requirement(line) for line in pyproject()["project"]["dependencies"]]
    return {canonicalize_name(r.name): r.specifier for r in reqs}


def disagreements(left: dict, right: dict, left_name: str, right_name: str) -> list[str]:
    """One readable line per package whose specifiers differ or that one side lacks."""
    lines = []
    for name in sorted(left.keys() | right.keys()):
        a, b = left.get(name), right.get(name)
        if a is None or b is None or a != b:
            shown_a = "(missing)" if a is None else repr(str(a))
            shown_b = "(missing)" if b is None else repr(str(b))
            lines.append(f"{name}: {left_name} {shown_a} vs {right_name} {shown_b}")
    return lines


def test_conda_spec_forms():
    assert conda_spec("voila >=0.5.8,<0.6") == ("voila", SpecifierSet(">=0.5.8,<0.6"))
    assert conda_spec("voila>=0.5.8, <0.6") == ("voila", SpecifierSet("<0.6,>=0.5.8"))
    assert conda_spec("python=3.11") == ("python", SpecifierSet("==3.11.*"))
    assert conda_spec("Babel") == ("babel", SpecifierSet())


def test_two_yml_files_list_the_same_dependencies():
    top_conda, top_pip = read_env(ENV_FILES[0])
    binder_conda, binder_pip = read_env(ENV_FILES[1])
    diff = disagreements(top_conda, binder_conda, *ENV_FILES)
    assert not diff, "environment.yml and binder/environment.yml disagree:\n" + "\n".join(diff)
    # The kit itself differs on purpose: binder/postBuild installs it.
    top_pip = [p for p in top_pip if p.strip() != KIT]
    assert top_pip == binder_pip, f"pip sections differ: {top_pip} vs {binder_pip}"
    assert {"python", "pip"} <= top_conda.keys()


def test_top_level_installs_the_kit_and_binder_leaves_it_to_postbuild():
    assert KIT in [p.strip() for p in read_env(ENV_FILES[0])[1]], "environment.yml: no pip '-e .'"
    binder_pip = [p.strip() for p in read_env(ENV_FILES[1])[1]]
    assert KIT not in binder_pip, "binder/environment.yml: '-e .' belongs in binder/postBuild"


@pytest.mark.parametrize("relpath", ENV_FILES)
def test_yml_matches_pyproject_dependencies(relpath):
    diff = disagreements(runtime_from_pyproject(), runtime_from_env(relpath), "pyproject", relpath)
    assert not diff, f"pyproject.toml and {relpath} disagree:\n" + "\n".join(diff)


@pytest.mark.parametrize("relpath", ENV_FILES)
def test_python_pin_agrees_with_requires_python(relpath):
    requires = SpecifierSet(pyproject()["project"]["requires-python"])
    pin = read_env(relpath)[0]["python"]
    # Every Python the conda pin lets in must be one requires-python accepts (and some must be).
    candidates = [f"3.{minor}.{micro}" for minor in range(6, 20) for micro in (0, 5, 30)]
    allowed = [v for v in candidates if pin.contains(v)]
    refused = [v for v in allowed if not requires.contains(v)]
    assert allowed and not refused, (
        f"{relpath}: python {str(pin)!r} vs requires-python {str(requires)!r}"
        f" (allowed by the pin, refused by pyproject: {refused})"
    )


def test_postbuild_starts_with_set_e():
    lines = (ROOT / "binder/postBuild").read_text(encoding="utf-8").splitlines()
    code = [line.strip() for line in lines if line.strip() and not line.startswith("#")]
    assert code[:1] == ["set -e"], f"binder/postBuild must start with 'set -e', not {code[:1]}"


@pytest.mark.parametrize("relpath", ["binder/postBuild", "binder/start"])
def test_binder_scripts_are_executable(relpath):
    # The git mode is what a clone (and Binder) gets; fall back to the disk for an untracked file.
    staged = subprocess.run(
        ["git", "ls-files", "-s", "--", relpath], cwd=ROOT, capture_output=True, text=True
    ).stdout.split()
    if staged:
        assert staged[0] == "100755", f"{relpath} has git mode {staged[0]}; want 100755"
    else:
        assert os.access(ROOT / relpath, os.X_OK), f"{relpath} is not executable"


SERVING_STACK = ("voila", "jupyter-server", "ipykernel", "ipywidgets")


def read_constraints() -> dict[str, str]:
    pins = {}
    for line in (ROOT / "constraints.txt").read_text(encoding="utf-8").splitlines():
        line = line.split("#", 1)[0].strip()
        if line:
            name, _, version = line.partition("==")
            assert version, f"constraints.txt: {line!r} is not an exact pin (name==version)"
            pins[canonicalize_name(name)] = version
    return pins


def test_constraints_pin_the_serving_stack_inside_pyproject_ranges():
    """One tested set of versions: exact pins that pyproject's ranges allow."""
    from importlib.metadata import version

    pins = read_constraints()
    for name in SERVING_STACK:
        assert name in pins, f"constraints.txt does not pin {name}"
    for name, spec in runtime_from_pyproject().items():
        assert name in pins, f"constraints.txt does not pin the runtime dependency {name}"
        assert spec.contains(pins[name]), f"{name}=={pins[name]} is outside pyproject's {spec}"
    # The environment the tests run in is the pinned one (tests/run.sh installs with -c).
    for name in SERVING_STACK:
        assert version(name) == pins[name], f"{name} {version(name)} installed, {pins[name]} pinned"


def test_every_install_uses_the_constraints():
    for relpath in ("README.md", "tests/run.sh", "binder/postBuild"):
        text = (ROOT / relpath).read_text(encoding="utf-8")
        assert "-c constraints.txt" in text, f"{relpath} installs without constraints.txt"
