"""The package's shape in numbers: lines per subpackage, and the largest classes and functions.

Not part of the test run. From the repository:

    .venv/bin/python tests/benchmark/ukuran_kode.py            # top 10 of each
    .venv/bin/python tests/benchmark/ukuran_kode.py --most 25

Counts physical lines from a definition's first line (decorators included) to its last, with
Python's own parser (ast), so the figures mean the same thing every time they are quoted.
"""

from __future__ import annotations

import argparse
import ast
from collections import defaultdict
from pathlib import Path

PAKET = Path(__file__).resolve().parents[2] / "widgets" / "literasi"


def definisi(path: Path):
    """(kind, qualified name, lines) for every class and function in one module."""
    pohon = ast.parse(path.read_text(encoding="utf-8"))

    def jalan(simpul, awalan: str):
        for anak in ast.iter_child_nodes(simpul):
            if isinstance(anak, ast.ClassDef | ast.FunctionDef | ast.AsyncFunctionDef):
                mulai = min([anak.lineno] + [d.lineno for d in anak.decorator_list])
                nama = f"{awalan}{anak.name}"
                jenis = "kelas" if isinstance(anak, ast.ClassDef) else "fungsi"
                yield jenis, nama, anak.end_lineno - mulai + 1
                yield from jalan(anak, f"{nama}.")

    yield from jalan(pohon, "")


def main() -> None:
    p = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    p.add_argument("--most", type=int, default=10)
    a = p.parse_args()
    baris_per_bagian: dict[str, int] = defaultdict(int)
    modul_per_bagian: dict[str, int] = defaultdict(int)
    semua = []
    for path in sorted(PAKET.rglob("*.py")):
        rel = path.relative_to(PAKET)
        bagian = rel.parts[0] if len(rel.parts) > 1 else "(dasar)"
        baris_per_bagian[bagian] += len(path.read_text(encoding="utf-8").splitlines())
        modul_per_bagian[bagian] += 1
        semua += [(j, f"{rel.as_posix()}:{n}", b) for j, n, b in definisi(path)]
    print(f"{'bagian':<12} {'modul':>6} {'baris':>7}")
    for bagian in sorted(baris_per_bagian):
        print(f"{bagian:<12} {modul_per_bagian[bagian]:>6} {baris_per_bagian[bagian]:>7}")
    for jenis in ("kelas", "fungsi"):
        print(f"\n{jenis} terbesar (baris)")
        for _, nama, b in sorted((d for d in semua if d[0] == jenis), key=lambda d: -d[2])[
            : a.most
        ]:
            print(f"{b:>5}  {nama}")


if __name__ == "__main__":
    main()
