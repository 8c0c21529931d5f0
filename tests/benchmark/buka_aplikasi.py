"""Where a cold kernel spends its time: the import cell and the rest of each student app (CPU).

Not part of the test run. From the repository (about 1 minute):

    .venv/bin/python tests/benchmark/buka_aplikasi.py
    .venv/bin/python tests/benchmark/buka_aplikasi.py --ulang 5 --aplikasi 05 10

Each app's code cells run in a fresh interpreter, as a Voilà kernel runs them (IPython's shell,
the inline backend), beside the bare one-slider notebook that tests/benchmark/ruang_kelas.py
compares P1 with. CPU time (not wall time) is printed, so a busy machine moves the figures less;
the median of `--ulang` runs. "impor" is the first code cell (the kit's imports; the bare
notebook imports pandas, matplotlib and ipywidgets), "sisa" every other cell: the tables,
charts and widgets the page shows, once with the chart cache empty ("kosong", a fresh local
data folder: the first student after an install or an update) and then with the charts that
first run kept ("terisi": every later kernel, literasi.tembolok_grafik).
"""

from __future__ import annotations

import argparse
import os
import statistics
import sys
import tempfile
from pathlib import Path

REPO = Path(__file__).resolve().parents[2]
sys.path.insert(0, str(Path(__file__).resolve().parent))

from ruang_kelas import POLOS  # noqa: E402

from literasi.layanan import siapkan_grafik  # noqa: E402


def jalankan(notebook: Path, data_lokal: Path) -> list[float]:
    """CPU seconds of each code cell, in a fresh interpreter using `data_lokal` (its chart
    cache: literasi.tembolok_grafik); the kit's own runner (`literasi siapkan-grafik`)."""
    return siapkan_grafik.jalankan(notebook, dict(os.environ, LITERASI_DATA_LOKAL=str(data_lokal)))


def ukur(notebook: Path, ulang: int) -> tuple[float, float, float]:
    """(import cell, other cells with the chart cache empty, the same with it filled by the
    first run: the median of `ulang` runs)."""
    with tempfile.TemporaryDirectory() as data_lokal:
        pertama = jalankan(notebook, Path(data_lokal))
        impor, sisa = [pertama[0]], []
        for _ in range(ulang):
            waktu = jalankan(notebook, Path(data_lokal))
            impor.append(waktu[0])
            sisa.append(sum(waktu[1:]))
    return statistics.median(impor), sum(pertama[1:]), statistics.median(sisa)


def main(argv: list[str] | None = None) -> int:
    p = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    p.add_argument("--ulang", type=int, default=3)
    p.add_argument("--aplikasi", nargs="*", metavar="NN", help="only these student apps")
    args = p.parse_args(argv)
    with tempfile.TemporaryDirectory() as tmp:
        polos = Path(tmp) / "polos.ipynb"
        polos.write_text(POLOS)
        daftar = [("polos (pembanding)", polos)] + [
            (nb.stem, nb)
            for nb in sorted((REPO / "notebooks" / "siswa").glob("*.ipynb"))
            if not args.aplikasi or nb.name[:2] in args.aplikasi
        ]
        print(f"CPU detik (sel pertama = impor; sisa = sel lainnya: sekali dengan tembolok "
              f"grafik kosong, lalu median dari {args.ulang} dengan tembolok terisi)")
        print(f"{'notebook':36s} {'impor':>6s} {'kosong':>7s} {'terisi':>7s} {'jumlah':>7s}")
        for nama, nb in daftar:
            impor, kosong, sisa = ukur(nb, args.ulang)
            print(f"{nama[:36]:36s} {impor:6.2f} {kosong:7.2f} {sisa:7.2f} {impor + sisa:7.2f}",
                  flush=True)
    return 0


if __name__ == "__main__":
    sys.exit(main())
