"""`literasi siapkan-grafik`: draw every student app's first charts once, into the chart cache.

Each app's notebook runs in a fresh Python the way a Voilà kernel runs it; its charts land in
`data_lokal/tembolok_grafik/` (literasi.tembolok_grafik), where every later kernel reads them
instead of drawing them. On Binder every student gets a container of their own made from one
image, so nothing one student draws helps the next: binder/postBuild runs this, and the image
carries the charts. On a teacher's laptop `literasi serve` needs no help (its warm kernels run
the apps before the students come), but a teacher may run it once after an update.
"""

from __future__ import annotations

import argparse
import json
import os
import subprocess
import sys
from pathlib import Path

# One notebook's code cells, run as a kernel runs them (IPython's shell, the inline backend);
# prints the CPU seconds of each cell (tests/benchmark/buka_aplikasi.py reads them).
KODE = r"""
import json, sys, time
from IPython.core.interactiveshell import InteractiveShell
shell = InteractiveShell.instance()
waktu = []
for sel in json.load(open(sys.argv[1], encoding="utf-8"))["cells"]:
    if sel["cell_type"] == "code":
        mulai = time.process_time()
        hasil = shell.run_cell("".join(sel["source"]), silent=True)
        waktu.append(time.process_time() - mulai)
        if not hasil.success:
            sys.stderr.write(repr(hasil.error_in_exec or hasil.error_before_exec) + "\n")
            sys.exit(1)
print(json.dumps(waktu))
"""


def jalankan(notebook: Path, env: dict[str, str] | None = None) -> list[float]:
    """Run `notebook`'s code cells in a fresh Python (with `env`, else this one's); the CPU
    seconds of each. RuntimeError with the last line of its error if a cell fails."""
    env = dict(env or os.environ, MPLBACKEND="module://matplotlib_inline.backend_inline")
    hasil = subprocess.run(
        [sys.executable, "-c", KODE, notebook.name],
        cwd=notebook.parent,
        env=env,
        capture_output=True,
        text=True,
    )
    if hasil.returncode != 0:
        baris = hasil.stderr.strip().splitlines()
        raise RuntimeError(baris[-1] if baris else f"kode keluar {hasil.returncode}")
    return json.loads(hasil.stdout.strip().splitlines()[-1])


def main(argv: list[str] | None = None) -> int:
    from literasi.layanan.server import cari_folder_notebook
    from literasi.tembolok_grafik import aktif, folder_versi

    parser = argparse.ArgumentParser(
        prog="literasi siapkan-grafik",
        description="Gambar sekali grafik pertama setiap aplikasi siswa dan simpan di "
        "data_lokal/tembolok_grafik/, agar setiap kernel berikutnya siap lebih cepat.",
    )
    parser.add_argument("--folder", help="folder notebook (bawaan: notebooks/ dari repositori)")
    args = parser.parse_args(argv)
    if not aktif():
        print("Tembolok grafik dimatikan (LITERASI_TEMBOLOK_GRAFIK=0); tidak ada yang disimpan.")
        return 0
    folder = Path(args.folder) if args.folder else cari_folder_notebook()
    notebook = sorted((folder / "siswa").glob("[0-9][0-9]_*.ipynb"))
    tembolok = folder_versi()
    sebelum = len(list(tembolok.glob("*.html")))
    gagal = 0
    for nb in notebook:
        try:
            jalankan(nb)
            print(f"  {nb.stem}: siap", flush=True)
        except RuntimeError as e:
            gagal += 1
            print(f"  {nb.stem}: gagal: {e}", flush=True)
    sesudah = len(list(tembolok.glob("*.html")))
    print(
        f"{sesudah - sebelum} grafik baru disimpan ({sesudah} semuanya) di {tembolok}"
        + (f"; {gagal} aplikasi gagal dijalankan." if gagal else ".")
    )
    return 1 if gagal else 0
