#!/usr/bin/env bash
# Re-resolve constraints.txt: the newest versions inside pyproject.toml's ranges, tested together.
# Needs internet (PyPI). Afterwards run `bash tests/run.sh` and commit constraints.txt if green.
set -euo pipefail
cd "$(dirname "$0")/.."
tmp=$(mktemp -d)
trap 'rm -rf "$tmp"' EXIT
"${PYTHON:-python3}" -m venv "$tmp/venv"
"$tmp/venv/bin/pip" install -q --disable-pip-version-check -e ".[test]"
{
  sed -n '/^#/p' constraints.txt
  "$tmp/venv/bin/pip" freeze --exclude-editable | grep -v '^literasi' | LC_ALL=C sort -f
} > "$tmp/constraints.txt"
mv "$tmp/constraints.txt" constraints.txt
git --no-pager diff --stat constraints.txt || true
