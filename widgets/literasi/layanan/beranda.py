"""The landing page: the apps as cards grouped by audience, and the QR code for the projector.

The list is read from the notebooks themselves (their first heading and their
`metadata.literasi`), so a new notebook appears on the landing page without a second list.
notebooks/index.ipynb shows it through Voilà (Binder, JupyterHub); the workshop server serves
the same page as plain HTML, with no kernel (`halaman_statis`).
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
    kunci_ponsel: bool = False  # its link carries the phone's key (literasi.kelas.ponsel)


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
                kunci_ponsel=bool(meta.get("kunci_ponsel")),
            )
        )
    return daftar


def html_kartu(app: Aplikasi, ponsel: str | None = None) -> str:
    """One app's card: its short id (what `--pelajaran` takes), title, summary and time."""
    from literasi.aplikasi import id_aplikasi

    nomor = escape(id_aplikasi(app.path))
    waktu = f"<span class='literasi-kartu-waktu'>± {app.menit} menit</span>" if app.menit else ""
    href = app.path + (f"?ponsel={ponsel}" if ponsel and app.kunci_ponsel else "")
    return (
        f"<a class='literasi-kartu' href='{escape(href, quote=True)}'>"
        f"<span class='literasi-kartu-judul'><span class='literasi-kartu-id' "
        f"title='Nomor aplikasi (literasi serve --pelajaran {nomor})'>{nomor}</span> "
        f"{escape(app.judul)}</span>"
        f"<span class='literasi-kartu-ringkas'>{escape(app.ringkasan)}</span>{waktu}</a>"
    )


def html_qr(alamat: str) -> str:
    """The QR card, compact beside the address (a phone still sees the first app cards on
    its first screen), and a full-screen QR for the projector, opened by a link (#qr-besar,
    plain CSS :target, no script)."""
    from literasi.layanan.qr import qr_svg

    alamat_html = escape(alamat)
    return (
        "<section class='literasi-qr' aria-labelledby='judul-qr'>"
        f"{qr_svg(alamat)}<div class='literasi-qr-teks'>"
        "<h2 id='judul-qr'>Buka di ponselmu</h2>"
        "<p>Sambungkan ponsel ke Wi-Fi yang sama, lalu pindai kode ini "
        "atau ketik alamatnya:</p>"
        f"<p class='literasi-alamat'><b>{alamat_html}</b></p>"
        "<p><a class='literasi-tombol' href='#qr-besar'>Kode QR besar untuk proyektor</a></p>"
        "</div></section>"
        "<section id='qr-besar' class='literasi-qr-besar' aria-label='Kode QR untuk proyektor'>"
        f"{qr_svg(alamat)}<p class='literasi-alamat-besar'><b>{alamat_html}</b></p>"
        "<p><a class='literasi-tombol' href='#judul-qr'>Tutup</a></p></section>"
    )


def html_beranda(
    daftar: list[Aplikasi], alamat: str | None = None, ponsel: str | None = None
) -> str:
    bagian = [html_qr(alamat)] if alamat else []
    for kode, judul in AUDIENS.items():
        apps = [a for a in daftar if a.audiens == kode]
        if apps:
            kartu = "".join(html_kartu(a, ponsel) for a in apps)
            bagian.append(
                f"<section aria-labelledby='judul-{kode}'><h2 id='judul-{kode}'>{judul}</h2>"
                f"<div class='literasi-kartu-daftar'>{kartu}</div></section>"
            )
    return "".join(bagian)


KODE_BERANDA = "from literasi.layanan.beranda import Beranda\n\nBeranda()"
CSS_TEMPLATE = (
    Path(__file__).parent / "jupyter" / "data" / "voila" / "templates" / "literasi" / "static"
)


def halaman_statis(
    folder: str | Path, alamat: str | None = None, ponsel: str | None = None
) -> str:
    """notebooks/index.ipynb as one plain HTML document, for `literasi serve`; `ponsel`: this
    browser's key, put in the links of the apps that ask for it.

    Every phone in a class opens the landing page first. As a Voilà page each would start a
    kernel (~140 MB, ~1,8 CPU-seconds) only to show HTML; here the server writes the page
    itself: the notebook's Markdown cells and, in place of its one code cell, the same cards.
    """
    import mistune

    folder = Path(folder)
    nb = json.loads((folder / "index.ipynb").read_text(encoding="utf-8"))
    isi = []
    for sel in nb["cells"]:
        sumber = "".join(sel["source"])
        if sel["cell_type"] == "markdown":
            html = mistune.html(sumber)
        elif sumber.strip() == KODE_BERANDA:
            html = html_beranda(katalog(folder), alamat, ponsel)
        else:
            raise ValueError(f"index.ipynb: sel kode tak dikenal, bukan {KODE_BERANDA!r}")
        isi.append(f"<div class='jp-RenderedHTMLCommon'>{html}</div>")
    css = (CSS_TEMPLATE / "literasi.css").read_text(encoding="utf-8")
    return (
        '<!DOCTYPE html><html lang="id"><head><meta charset="utf-8">'
        "<meta name='viewport' content='width=device-width, initial-scale=1'>"
        f"<title>{escape(judul_notebook(nb))}</title><link rel='icon' href='data:;base64,='>"
        f"<style>{css}</style></head><body class='jp-Notebook literasi-statis'>"
        f"<main id='rendered_cells'>{''.join(isi)}</main></body></html>"
    )


class Beranda:
    """Displayed by notebooks/index.ipynb."""

    def __init__(self, folder: str | Path = ".", alamat: str | None = None):
        self.daftar = katalog(folder)
        self.alamat = alamat if alamat is not None else os.environ.get("LITERASI_ALAMAT")

    def _repr_html_(self) -> str:
        return html_beranda(self.daftar, self.alamat)
