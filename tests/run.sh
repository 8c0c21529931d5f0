#!/usr/bin/env bash
# Install everything the tests need, then run the whole suite (unit, nbval, Voilà, browser).
# Usage: bash tests/run.sh [extra pytest arguments]
# Needs only Python 3.11+, pip, git and Debian's apt; never runs `playwright install`.
set -euo pipefail
cd "$(dirname "$0")/.."

sebagai_root() { if [ "$(id -u)" -eq 0 ]; then "$@"; else sudo "$@"; fi; }
apt_siap=""
pasang_apt() {
  [ -n "$apt_siap" ] || { sebagai_root apt-get update -q; apt_siap=1; }
  sebagai_root env DEBIAN_FRONTEND=noninteractive apt-get install -y -q --no-install-recommends "$@"
}

PY="${PYTHON:-python3}"
"$PY" -c 'import sys; sys.exit(sys.version_info < (3, 11))' \
  || { echo "Butuh Python 3.11 atau lebih baru" >&2; exit 1; }

# Debian's Chromium for the browser tests (Playwright drives /usr/bin/chromium).
[ -x /usr/bin/chromium ] || pasang_apt chromium fonts-dejavu-core
# npm for axe-core (the accessibility audit).
command -v npm >/dev/null || pasang_apt nodejs npm

# The kit and its test tools in a local virtual environment.
[ -x .venv/bin/python ] || "$PY" -m venv .venv || { pasang_apt python3-venv && "$PY" -m venv .venv; }
.venv/bin/python -m pip install -q --disable-pip-version-check -c constraints.txt -e ".[test]"
npm ci --prefix tests --no-audit --no-fund --loglevel=error

# Keep Jupyter's and matplotlib's writable folders out of $HOME.
export JUPYTER_PLATFORM_DIRS=1
export JUPYTER_DATA_DIR="$PWD/tests/_artefak/jupyter/data"
export JUPYTER_RUNTIME_DIR="$PWD/tests/_artefak/jupyter/runtime"
export IPYTHONDIR="$PWD/tests/_artefak/ipython"
export MPLCONFIGDIR="$PWD/tests/_artefak/matplotlib"

# Two runs: notebooks and unit tests first, then the server and browser tests. nbval's kernel
# clients and the unit tests that run their own event loop (asyncio.run, tornado's test cases)
# cannot share a process with Playwright's session-long event loop.
gagal=0
for bagian in "notebooks belajar tests/unit" "tests --ignore=tests/unit"; do
  set +e
  # shellcheck disable=SC2086
  .venv/bin/python -m pytest $bagian --nbval-lax --nbval-current-env "$@"
  kode=$?
  set -e
  if [ "$kode" -eq 5 ]; then
    echo "pytest tidak menemukan satu tes pun di: $bagian (dihitung gagal)." >&2
    kode=1
  fi
  [ "$kode" -eq 0 ] || gagal="$kode"
done
exit "$gagal"
