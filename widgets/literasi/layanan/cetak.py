"""Print the teacher guides and worksheets (lessons/*.md) as A4 HTML pages, and PDF if asked.

    literasi cetak            # HTML in lessons/_cetak, print them from any browser (Ctrl+P)
    literasi cetak --pdf      # also PDF, made by Chromium's headless print-to-PDF

The HTML is self-contained: no fonts or styles from the internet, so it works in a school
without a connection. Raw HTML in the Markdown is shown as text, not run; HTML comments
(authoring markers such as `<!-- kunci-jawaban:mulai -->`) are dropped.
"""

from __future__ import annotations

import html
import os
import re
import shutil
import subprocess
import sys
import tempfile
from pathlib import Path

import mistune
from mistune.renderers.html import HTMLRenderer

from literasi.lokasi import folder_kit

JUDUL_KIT = "Kit Literasi Statistik Kota Pekalongan"
CHROMIUM_DEBIAN = "/usr/bin/chromium"
PESAN_TANPA_CHROMIUM = (
    "Chromium tidak ditemukan: pasang dengan `sudo apt-get install chromium`, "
    "atau buat HTML saja lalu cetak dari browser."
)
BATAS_WAKTU_PDF = 60  # seconds per file
# Answer space typed in the Markdown: a run of dots or underscores ("........", "____").
ISIAN = re.compile(r"\.{8,}|…{3,}|_{5,}")

# A4, one font family installed almost everywhere, answer space that a pen fits into.
CSS = """
@page { size: A4; margin: 15mm;
  @bottom-right { content: counter(page) " / " counter(pages); font: 8pt sans-serif; } }
html { font-family: "Liberation Sans", Arial, "DejaVu Sans", Helvetica, sans-serif;
  font-size: 11pt; line-height: 1.45; color: #000; background: #fff; }
body { max-width: 179mm; margin: 0 auto; }  /* 1 mm so edge borders are not clipped */
h1 { font-size: 16pt; margin: 0 0 6pt; padding-bottom: 3pt; border-bottom: 1.5pt solid #000; }
h2 { font-size: 13pt; margin: 12pt 0 4pt; }
h3 { font-size: 12pt; margin: 12pt 0 4pt; }
h1, h2, h3 { break-after: avoid; }
p, li { overflow-wrap: break-word; }
p { margin: 4pt 0 6pt; }
table { border-collapse: collapse; width: 100%; margin: 4pt 0 8pt; break-inside: auto; }
tr { break-inside: avoid; }
th, td { border: 0.75pt solid #000; padding: 4pt 6pt; vertical-align: top; text-align: left;
  overflow-wrap: break-word; }
th { background: #e6e6e6; }
td { height: 2.2em; }
hr { border: 0; border-top: 0.75pt solid #000; margin: 8pt 0; }
code, pre { font-family: "Liberation Mono", Consolas, "DejaVu Sans Mono", monospace;
  font-size: 9.5pt; overflow-wrap: anywhere; }
pre { white-space: pre-wrap; border: 0.5pt solid #888; padding: 4pt 6pt; }
blockquote { margin: 6pt 0; padding-left: 8pt; border-left: 2pt solid #888; }
p.isian { line-height: 2.1; }
div.garis-jawab { height: 9mm; border-bottom: 1pt dotted #000; margin: 0 0 2pt; }
footer { margin-top: 14pt; padding-top: 3pt; border-top: 0.5pt solid #888; font-size: 8pt;
  color: #333; }
@media print { th { -webkit-print-color-adjust: exact; print-color-adjust: exact; } }
"""


class _Renderer(HTMLRenderer):
    """mistune's HTML renderer with raw HTML escaped, HTML comments left out and room to write.

    A paragraph that is only dots/underscores becomes a full-width dotted answer line; a
    paragraph with a blank to fill in gets taller lines so handwriting fits.
    """

    def __init__(self) -> None:
        super().__init__(escape=True)

    def paragraph(self, text: str) -> str:
        if ISIAN.search(text) and not re.sub(r"[._…\s]", "", text):
            return '<div class="garis-jawab"></div>\n'
        if ISIAN.search(text):
            return f'<p class="isian">{text}</p>\n'
        return super().paragraph(text)

    def block_html(self, html: str) -> str:
        return "" if html.strip().startswith("<!--") else super().block_html(html)

    def inline_html(self, html: str) -> str:
        return "" if html.startswith("<!--") else super().inline_html(html)


def _markdown_ke_html(teks: str) -> str:
    md = mistune.create_markdown(renderer=_Renderer(), plugins=["table", "strikethrough"])
    return md(teks)


def _judul(teks: str, cadangan: str) -> str:
    for baris in teks.splitlines():
        if baris.startswith("# "):
            return baris[2:].strip()
    return cadangan


def _jalur_tampil(md_path: Path) -> str:
    """The path shown in the footer: from the repository (lessons/...) when it can be found."""
    md_path = md_path.resolve()
    for induk in md_path.parents:
        if induk.name == "lessons":
            return md_path.relative_to(induk.parent).as_posix()
    return md_path.name


def bangun_html(md_path: Path | str) -> str:
    """One Markdown file → a standalone, print-ready A4 HTML page (lang="id")."""
    md_path = Path(md_path)
    teks = md_path.read_text(encoding="utf-8")
    judul = _judul(teks, md_path.stem)
    kaki = f"{JUDUL_KIT} — {_jalur_tampil(md_path)}"
    return (
        "<!DOCTYPE html>\n"
        '<html lang="id">\n<head>\n<meta charset="utf-8">\n'
        '<meta name="viewport" content="width=device-width, initial-scale=1">\n'
        f"<title>{html.escape(judul)}</title>\n<style>{CSS}</style>\n</head>\n<body>\n"
        f"{_markdown_ke_html(teks)}"
        f"<footer>{html.escape(kaki)}</footer>\n</body>\n</html>\n"
    )


def cari_chromium() -> str:
    """Chromium's executable, or a RuntimeError that tells the teacher what to do."""
    for calon in (shutil.which("chromium"), CHROMIUM_DEBIAN):
        if calon and Path(calon).is_file():
            return calon
    raise RuntimeError(PESAN_TANPA_CHROMIUM)


def buat_pdf(html_path: Path, pdf_path: Path, chromium: str | None = None) -> Path:
    """Print one HTML file to PDF with headless Chromium (fresh profile, no header/footer)."""
    chromium = chromium or cari_chromium()
    with tempfile.TemporaryDirectory(prefix="literasi-cetak-") as profil:
        perintah = [
            chromium,
            "--headless",
            "--no-sandbox",
            "--disable-gpu",
            "--no-first-run",
            "--disable-background-networking",
            "--disable-component-update",
            "--disable-sync",
            "--no-pdf-header-footer",
            f"--user-data-dir={profil}",
            f"--print-to-pdf={pdf_path}",
            Path(html_path).resolve().as_uri(),
        ]
        hasil = subprocess.run(
            perintah, capture_output=True, text=True, timeout=BATAS_WAKTU_PDF, check=False
        )
    if hasil.returncode != 0 or not pdf_path.is_file():
        raise RuntimeError(
            f"Chromium gagal membuat {pdf_path.name} (kode {hasil.returncode}):\n{hasil.stderr}"
        )
    return pdf_path


def daftar_markdown(folder_lessons: Path) -> list[Path]:
    """Every guide and worksheet: *.md under lessons/, without README.md and hidden/_ folders."""
    folder_lessons = Path(folder_lessons)
    return sorted(
        p
        for p in folder_lessons.rglob("*.md")
        if p.name != "README.md"
        and not any(bagian.startswith((".", "_")) for bagian in p.relative_to(folder_lessons).parts)
    )


def bangun_semua(folder_lessons: Path, folder_keluar: Path, pdf: bool) -> list[Path]:
    """HTML (and PDF if `pdf`) for every lesson file, same relative paths under folder_keluar."""
    folder_lessons, folder_keluar = Path(folder_lessons), Path(folder_keluar)
    chromium = cari_chromium() if pdf else None  # fail before writing anything
    hasil: list[Path] = []
    for md_path in daftar_markdown(folder_lessons):
        keluar = folder_keluar / md_path.relative_to(folder_lessons).with_suffix(".html")
        keluar.parent.mkdir(parents=True, exist_ok=True)
        keluar.write_text(bangun_html(md_path), encoding="utf-8")
        hasil.append(keluar)
        if pdf:
            hasil.append(buat_pdf(keluar, keluar.with_suffix(".pdf"), chromium))
    return hasil


def cari_repo() -> Path:
    """The kit's folder, the one holding lessons/ (literasi.lokasi)."""
    try:
        return folder_kit()
    except FileNotFoundError as galat:
        raise RuntimeError(str(galat)) from galat


def tempat_cetak(repo: Path) -> Path:
    """lessons/_cetak/ in the kit's folder; a wheel's read-only copy prints to ./cetak_literasi/."""
    folder = repo / "lessons"
    return folder / "_cetak" if os.access(folder, os.W_OK) else Path.cwd() / "cetak_literasi"


def _tampil(path: Path) -> str:
    try:
        return path.resolve().relative_to(Path.cwd().resolve()).as_posix() or "."
    except ValueError:
        return str(path)


def main(argv: list[str] | None = None) -> int:
    from literasi.layanan.cli import ParserIndonesia

    parser = ParserIndonesia(
        prog="literasi cetak",
        description="Buat panduan guru dan lembar kerja (lessons/*.md) siap cetak A4.",
    )
    parser.add_argument("--keluar", metavar="DIR", help="folder hasil (bawaan: lessons/_cetak)")
    parser.add_argument("--pdf", action="store_true", help="buat juga PDF (perlu Chromium)")
    args = parser.parse_args(argv)
    try:
        repo = cari_repo()
        keluar = Path(args.keluar) if args.keluar else tempat_cetak(repo)
        berkas = bangun_semua(repo / "lessons", keluar, pdf=args.pdf)
    except (RuntimeError, subprocess.TimeoutExpired) as galat:
        print(galat, file=sys.stderr)
        return 1
    jumlah_html = sum(p.suffix == ".html" for p in berkas)
    jumlah_pdf = sum(p.suffix == ".pdf" for p in berkas)
    ringkas = f"{jumlah_html} berkas HTML"
    if args.pdf:
        ringkas += f" dan {jumlah_pdf} PDF"
    print(f"{ringkas} di {_tampil(keluar)}")
    if not args.pdf:
        print("Buka di browser lalu cetak (Ctrl+P, kertas A4), atau jalankan lagi dengan --pdf.")
    return 0


if __name__ == "__main__":
    sys.exit(main())
