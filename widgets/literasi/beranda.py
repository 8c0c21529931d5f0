"""The landing page: the apps as cards grouped by audience, and the QR code for the projector.

The list is read from the notebooks themselves (their first heading and their
`metadata.literasi`), so a new notebook appears on the landing page without a second list.
"""

from __future__ import annotations

import json
import os
from dataclasses import dataclass
from html import escape
from pathlib import Path

AUDIENS = {
    "siswa": "Untuk siswa",
    "guru": "Untuk guru",
    "kelurahan": "Untuk kelurahan (Desa Cantik)",
}


@dataclass(frozen=True)
class Aplikasi:
    path: str  # relative to notebooks/, with forward slashes
    judul: str
    ringkasan: str
    audiens: str
    menit: int | None = None


def judul_notebook(nb: dict) -> str:
    for sel in nb.get("cells", []):
        if sel.get("cell_type") == "markdown":
            for baris in "".join(sel.get("source", "")).splitlines():
                if baris.startswith("# "):
                    return baris[2:].strip()
    return ""


def katalog(folder: str | Path = ".") -> list[Aplikasi]:
    """Every app notebook below `folder` (the landing page itself excluded), in path order."""
    folder = Path(folder)
    daftar = []
    for path in sorted(folder.glob("*/*.ipynb")):
        if ".ipynb_checkpoints" in path.parts:
            continue
        nb = json.loads(path.read_text(encoding="utf-8"))
        meta = nb.get("metadata", {}).get("literasi", {})
        daftar.append(
            Aplikasi(
                path=path.relative_to(folder).as_posix(),
                judul=judul_notebook(nb) or path.stem,
                ringkasan=meta.get("ringkasan", ""),
                audiens=meta.get("audiens", "siswa"),
                menit=meta.get("menit"),
            )
        )
    return daftar


def html_kartu(app: Aplikasi) -> str:
    waktu = f"<span class='literasi-kartu-waktu'>± {app.menit} menit</span>" if app.menit else ""
    return (
        f"<a class='literasi-kartu' href='{escape(app.path, quote=True)}'>"
        f"<span class='literasi-kartu-judul'>{escape(app.judul)}</span>"
        f"<span class='literasi-kartu-ringkas'>{escape(app.ringkasan)}</span>{waktu}</a>"
    )


def html_beranda(daftar: list[Aplikasi], alamat: str | None = None) -> str:
    bagian = []
    if alamat:
        from literasi.qr import qr_svg

        bagian.append(
            "<section class='literasi-qr' aria-labelledby='judul-qr'>"
            "<h2 id='judul-qr'>Buka di ponselmu</h2>"
            "<p>Sambungkan ponsel ke Wi-Fi yang sama, lalu pindai kode ini "
            "atau ketik alamatnya:</p>"
            f"{qr_svg(alamat)}<p class='literasi-alamat'><b>{escape(alamat)}</b></p></section>"
        )
    for kode, judul in AUDIENS.items():
        apps = [a for a in daftar if a.audiens == kode]
        if apps:
            bagian.append(
                f"<section aria-labelledby='judul-{kode}'><h2 id='judul-{kode}'>{judul}</h2>"
                f"<div class='literasi-kartu-daftar'>{''.join(html_kartu(a) for a in apps)}</div>"
                "</section>"
            )
    return "".join(bagian)


class Beranda:
    """Displayed by notebooks/index.ipynb."""

    def __init__(self, folder: str | Path = ".", alamat: str | None = None):
        self.daftar = katalog(folder)
        self.alamat = alamat if alamat is not None else os.environ.get("LITERASI_ALAMAT")

    def _repr_html_(self) -> str:
        return html_beranda(self.daftar, self.alamat)
