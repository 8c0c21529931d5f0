"""What one chart costs the kernel and the phone: every chart of every student and kelurahan app.

Not part of the test run. From the repository (about 2–3 minutes on 2 cores):

    .venv/bin/python tests/benchmark/grafik.py
    .venv/bin/python tests/benchmark/grafik.py --aplikasi siswa/10_peta.ipynb

Each app is run here as tests/unit/grafik_aplikasi.py runs it (the notebook's cells, then every
control tried), and every chart it sends to the screen is drawn twice, in alternating order so
that matplotlib's caches favour neither: the way savefig draws (a layout pass, then layout and
render again) with a full-colour PNG, and the kit's way (literasi.grafik.png_base64: one layout
and render, a 256-colour PNG). Charts drawn as a frame once (KerangkaGrafik) are left out: their
updates draw only the moving parts. Prints CPU milliseconds per chart and kilobytes per PNG.
"""

from __future__ import annotations

import argparse
import io
import statistics
import sys
import time
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parents[1] / "unit"))

from grafik_aplikasi import NOTEBOOKS, grafik_aplikasi, notebook_aplikasi  # noqa: E402


def ukur_satu(fig, urutan: int) -> dict:
    """CPU seconds and bytes of one figure, drawn the old way and the kit's way."""
    from literasi.grafik import kanvas_tergambar, png_layar

    def cara_lama():
        buffer = io.BytesIO()
        fig.savefig(buffer, format="png")  # GambarPonsel.savefig: muat_lebar, two passes
        return buffer.tell()

    def cara_kit():
        kanvas = kanvas_tergambar(fig)  # what png_base64 does, with the encoding timed apart
        mulai = time.process_time()
        isi = png_layar(kanvas)
        return len(isi), time.process_time() - mulai

    hasil = {}
    for nama in ("lama", "kit") if urutan % 2 else ("kit", "lama"):
        mulai = time.process_time()
        keluaran = cara_lama() if nama == "lama" else cara_kit()
        hasil[nama] = time.process_time() - mulai
        if nama == "lama":
            hasil["kb_lama"] = keluaran / 1024
        else:
            hasil["kb_kit"], hasil["enkode_kit"] = keluaran[0] / 1024, keluaran[1]
    return hasil


def main(argv: list[str] | None = None) -> int:
    p = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    p.add_argument("--aplikasi", nargs="*", help="notebooks/ paths (default: every app)")
    args = p.parse_args(argv)

    from literasi import grafik

    baris = []
    asli = grafik.png_base64

    def catat(fig):
        if not isinstance(fig, grafik.KerangkaGrafik):
            baris.append((nb, ukur_satu(fig, len(baris))))
        return asli(fig)

    grafik.png_base64 = catat
    try:
        for nb in args.aplikasi or notebook_aplikasi():
            grafik_aplikasi(NOTEBOOKS / nb, grafik.LEBAR_PONSEL)
    finally:
        grafik.png_base64 = asli

    def med(kunci, per_nb=None):
        nilai = [h[kunci] for n, h in baris if per_nb in (None, n)]
        return statistics.median(nilai)

    print(f"{len(baris)} grafik dari {len({n for n, _ in baris})} aplikasi (median per grafik)")
    kepala = ("n", "ms lama", "ms kit", "KB lama", "KB kit")
    print(f"{'aplikasi':40s} " + " ".join(f"{k:>{max(4, len(k) + 1)}s}" for k in kepala))
    for nb in dict.fromkeys(n for n, _ in baris):
        n = sum(1 for x, _ in baris if x == nb)
        print(
            f"{nb[:40]:40s} {n:4d} {1000 * med('lama', nb):8.0f} {1000 * med('kit', nb):7.0f} "
            f"{med('kb_lama', nb):8.1f} {med('kb_kit', nb):7.1f}"
        )
    total = {k: sum(h[k] for _, h in baris) for k in ("lama", "kit", "kb_lama", "kb_kit")}
    print(
        f"{'semua':40s} {len(baris):4d} {1000 * med('lama'):8.0f} {1000 * med('kit'):7.0f} "
        f"{med('kb_lama'):8.1f} {med('kb_kit'):7.1f}"
    )
    print(
        f"jumlah: gambar {total['lama']:.1f} s → {total['kit']:.1f} s CPU; "
        f"PNG {total['kb_lama'] / 1024:.1f} → {total['kb_kit'] / 1024:.1f} MB; "
        f"enkode 256 warna median {1000 * med('enkode_kit'):.0f} ms"
    )
    return 0


if __name__ == "__main__":
    sys.exit(main())
