"""Pojok Statistik: the kit on a shared screen in a library or on a campus (`serve --pojok`).

A corner has visitors, not a class: its landing page offers three short paths (city in numbers,
reading a chart, finding data) made of sections of the student apps, in large text; teacher apps
(metadata audiens "guru") are refused, since a corner has no teacher and its screen is shared;
and an app left alone for some minutes goes back to the corner's landing page (static/pojok.js,
enabled by a cookie that only this mode sets), so the next visitor starts fresh.

`literasi pojok-poster` prints the corner's A4 poster: its QR code, the three paths, and how to
reach BPS Kota Pekalongan. The contact details are read from the staff guide
(lessons/program/pojok_statistik.md), the one place where they are written.
"""

from __future__ import annotations

import argparse
import json
import os
import re
import sys
from dataclasses import dataclass
from html import escape
from pathlib import Path

from literasi.layanan.beranda import CSS_TEMPLATE

ENV_DIAM = "LITERASI_POJOK_DIAM"  # seconds of idleness before an app returns to the landing
KUKI_DIAM = "literasi_pojok_diam"  # the same number, for static/pojok.js in the visitor's page
DIAM_BAWAAN = 3.0  # minutes
KOLAM_POJOK = 2  # warm kernels per path app: a corner has a few visitors at a time
PANDUAN = Path("lessons") / "program" / "pojok_statistik.md"
JUDUL_KONTAK = "## Menghubungi BPS Kota Pekalongan"
JUDUL_POJOK = "Pojok Statistik BPS Kota Pekalongan"


@dataclass(frozen=True)
class Langkah:
    notebook: str  # relative to notebooks/
    bagian: str  # the heading of the section the visitor opens (a "## " heading)
    tugas: str  # what the visitor does there
    menit: int


@dataclass(frozen=True)
class Jalur:
    kode: str
    judul: str
    pertanyaan: str
    langkah: tuple[Langkah, ...]

    @property
    def menit(self) -> int:
        return sum(lk.menit for lk in self.langkah)


# Each path is 10-15 minutes of "Jelajahi" sections: a visitor explores, the full lesson (with
# its exercises) stays for the classroom. Minutes are the staff's estimate for a first visit.
JALUR = (
    Jalur(
        "kota",
        "Kota dalam angka",
        "Di peringkat berapa Kota Pekalongan di Jawa Tengah, dan bagaimana kota kita berubah?",
        (
            Langkah(
                "siswa/00_kota_pekalongan_di_jawa_tengah.ipynb",
                "Jelajahi",
                "Bandingkan peringkat Kota Pekalongan menurut penduduk, luas, dan kepadatan.",
                5,
            ),
            Langkah(
                "siswa/12_perubahan_dari_waktu_ke_waktu.ipynb",
                "Jelajahi",
                "Pilih IPM, kemiskinan, atau pengangguran: naik atau turun sejak 2020?",
                5,
            ),
            Langkah(
                "siswa/05_piramida_penduduk.ipynb",
                "Jelajahi",
                "Geser tahun sensus: bagaimana bentuk piramida penduduk berubah?",
                3,
            ),
        ),
    ),
    Jalur(
        "grafik",
        "Membaca grafik",
        "Grafik bisa menipu: apa yang harus dilihat lebih dulu?",
        (
            Langkah(
                "siswa/02_membaca_tabel_dan_grafik.ipynb",
                "Jelajahi: grafik yang menipu",
                "Lihat angka paling bawah di sumbu-y, lalu pilih sumbu-y mulai dari nol.",
                5,
            ),
            Langkah(
                "siswa/02_membaca_tabel_dan_grafik.ipynb",
                "Batang atau lingkaran?",
                "Kapan diagram lingkaran cocok, kapan diagram batang?",
                3,
            ),
            Langkah(
                "siswa/11_statistik_di_media.ipynb",
                "Jelajahi",
                "Pilih satu klaim dari berita dan temukan kesalahannya dengan daftar cek.",
                5,
            ),
        ),
    ),
    Jalur(
        "data",
        "Mencari data",
        "Data apa yang dimiliki BPS, dan bagaimana mengutipnya dengan benar?",
        (
            Langkah(
                "siswa/14_mencari_dan_mengutip_data_bps.ipynb",
                "Produk BPS: mana untuk pertanyaan apa?",
                "Berita Resmi Statistik, Dalam Angka, tabel di situs web, atau sensus?",
                4,
            ),
            Langkah(
                "siswa/14_mencari_dan_mengutip_data_bps.ipynb",
                "Jelajahi: dari tabel ke kutipan",
                "Pilih tabel, lalu lihat bagaimana kutipannya ditulis (dan kapan ditambah "
                "\u201cdiolah\u201d).",
                5,
            ),
            Langkah(
                "siswa/14_mencari_dan_mengutip_data_bps.ipynb",
                "Bertanya langsung ke BPS Kota Pekalongan",
                "Tulis satu pertanyaan tentang kota kita untuk BPS.",
                3,
            ),
        ),
    ),
)


# --- the mode, as the server sees it ---------------------------------------------------------


def menit_positif(teks: str) -> float:
    """argparse type of --pojok-diam: minutes, more than zero ("0,5" or "0.5")."""
    try:
        menit = float(teks.replace(",", "."))
    except ValueError:
        menit = 0
    if not menit > 0:
        raise argparse.ArgumentTypeError(f"harus berupa jumlah menit lebih dari 0, bukan {teks!r}")
    return menit


def nyalakan(menit_diam: float) -> str:
    """Turn the corner mode on for this server process (read by `detik_diam`, in the server and
    its kernels); returns the line printed for the staff."""
    from literasi.format import format_angka

    os.environ[ENV_DIAM] = str(max(1, round(menit_diam * 60)))
    desimal = 0 if menit_diam == int(menit_diam) else 1
    return (
        "Mode Pojok Statistik: aplikasi guru ditutup; layar kembali ke beranda pojok setelah "
        f"{format_angka(menit_diam, desimal)} menit tanpa sentuhan."
    )


def detik_diam() -> int | None:
    """Seconds before an idle app returns to the landing page; None outside the corner mode."""
    nilai = os.environ.get(ENV_DIAM)
    return int(nilai) if nilai else None


def untuk_guru(path: Path) -> bool:
    """True for a teacher's app (metadata audiens "guru"), which a corner never shows."""
    try:
        nb = json.loads(path.read_text(encoding="utf-8"))
    except (OSError, ValueError):
        return False  # not a notebook: Voilà answers 404 itself
    return nb.get("metadata", {}).get("literasi", {}).get("audiens") == "guru"


HALAMAN_DITOLAK = (
    "<!DOCTYPE html><html lang='id' {penanda}><head><meta charset='utf-8'>"
    "<meta name='viewport' content='width=device-width, initial-scale=1'>"
    "<title>Tidak tersedia di Pojok Statistik</title></head><body>"
    "<main><h1>Tidak tersedia di Pojok Statistik</h1>"
    "<p>Aplikasi ini untuk guru dan tidak dibuka di Pojok Statistik.</p>"
    "<p><a href='{beranda}'>Kembali ke beranda Pojok Statistik</a></p></main></body></html>"
)


def layani(handler, path: str | None, folder: str | Path, alamat: str | None) -> bool:
    """The corner's part of an app request (server.py's page handler calls this first).

    In the corner mode: serves the corner's landing page, refuses teacher apps (403), and gives
    every other page the idle cookie; returns True when the response is finished. Outside it,
    clears a cookie left by an earlier corner session on the same browser and returns False.
    """
    detik = detik_diam()
    if detik is None:
        if handler.get_cookie(KUKI_DIAM):
            handler.clear_cookie(KUKI_DIAM, path="/")
        return False
    handler.set_cookie(KUKI_DIAM, str(detik), path="/", samesite="Strict")
    if path == "index.ipynb":
        handler.set_header("Content-Type", "text/html; charset=UTF-8")
        handler.finish(halaman_pojok(folder, alamat))
        return True
    # Resolved, so "kelas/./91_…" or "kelas//91_…" cannot slip past the check.
    if path and untuk_guru((Path(folder) / path).resolve()):
        handler.set_status(403)
        handler.set_header("Content-Type", "text/html; charset=UTF-8")
        # Marked as one of the kit's own message pages, so the server's error-page transform
        # (literasi.layanan.penjaga) keeps this text instead of its general "Akses ditolak".
        from literasi.layanan.penjaga import PENANDA

        handler.finish(HALAMAN_DITOLAK.format(penanda=PENANDA, beranda="/"))
        return True
    return False


def rencana_kolam(folder: Path, pelajaran: list[str] | None, ukuran: int | None) -> dict:
    """Warm kernels for the corner: the paths' apps (or the lessons named), never a teacher app."""
    from literasi.aplikasi import id_aplikasi
    from literasi.layanan import server

    if not pelajaran:
        pelajaran = sorted({id_aplikasi(lk.notebook) for j in JALUR for lk in j.langkah})
    rencana = server.rencana_kolam(folder, pelajaran, KOLAM_POJOK if ukuran is None else ukuran)
    return {nb: n for nb, n in rencana.items() if not untuk_guru(folder / nb)}


# --- what visitors read ----------------------------------------------------------------------


def css_pojok() -> str:
    return (CSS_TEMPLATE / "pojok.css").read_text(encoding="utf-8")


def judul_aplikasi(folder: Path, notebook: str) -> str:
    from literasi.layanan.beranda import judul_notebook

    return judul_notebook(json.loads((Path(folder) / notebook).read_text(encoding="utf-8")))


def kontak_bps(kit: Path | None = None) -> list[str]:
    """The list under "Menghubungi BPS Kota Pekalongan" in the staff guide (Markdown items)."""
    if kit is None:
        from literasi.lokasi import folder_kit

        kit = folder_kit()
    teks = (kit / PANDUAN).read_text(encoding="utf-8")
    bagian = teks.split(JUDUL_KONTAK, 1)[1].split("\n## ", 1)[0]
    return [b[2:].strip() for b in bagian.splitlines() if b.startswith("- ")]


def _markdown_sebaris(teks: str) -> str:
    """One Markdown list item as inline HTML (raw HTML escaped)."""
    import mistune

    html = mistune.create_markdown(escape=True)(teks).strip()
    return re.sub(r"^<p>(.*)</p>$", r"\1", html, flags=re.S)


def html_kontak(kit: Path | None = None) -> str:
    butir = "".join(f"<li>{_markdown_sebaris(k)}</li>" for k in kontak_bps(kit))
    return f"<ul class='pojok-kontak'>{butir}</ul>"


def html_jalur(jalur: Jalur, nomor: int, folder: Path, tautan: bool = True) -> str:
    langkah = []
    for lk in jalur.langkah:
        judul = escape(judul_aplikasi(folder, lk.notebook))
        if tautan:
            judul = f"<a href='{escape(lk.notebook, quote=True)}'>{judul}</a>"
        langkah.append(
            f"<li><span class='pojok-aplikasi'>{judul}</span> "
            f"<span class='pojok-bagian'>bagian \u201c{escape(lk.bagian)}\u201d, "
            f"± {lk.menit} menit</span><span class='pojok-tugas'>{escape(lk.tugas)}</span></li>"
        )
    return (
        f"<section class='pojok-jalur' aria-labelledby='jalur-{jalur.kode}'>"
        f"<h2 id='jalur-{jalur.kode}'>{nomor}. {escape(jalur.judul)} "
        f"<span class='pojok-menit'>± {jalur.menit} menit</span></h2>"
        f"<p class='pojok-tanya'>{escape(jalur.pertanyaan)}</p>"
        f"<ol>{''.join(langkah)}</ol></section>"
    )


def halaman_pojok(folder: str | Path, alamat: str | None = None) -> str:
    """The corner's landing page: the three paths, the QR code, how to reach BPS."""
    from literasi.layanan.qr import qr_svg

    jalur = "".join(html_jalur(j, i, Path(folder)) for i, j in enumerate(JALUR, 1))
    qr = ""
    if alamat:
        qr = (
            "<section class='pojok-qr' aria-labelledby='judul-qr'>"
            "<h2 id='judul-qr'>Lanjutkan di ponselmu</h2>"
            "<p>Sambungkan ponsel ke Wi-Fi pojok ini, lalu pindai kode ini atau ketik alamatnya:"
            f"</p>{qr_svg(alamat)}<p class='pojok-alamat'><b>{escape(alamat)}</b></p></section>"
        )
    js = (CSS_TEMPLATE / "pojok.js").read_text(encoding="utf-8")
    css = (CSS_TEMPLATE / "literasi.css").read_text(encoding="utf-8") + css_pojok()
    return (
        '<!DOCTYPE html><html lang="id"><head><meta charset="utf-8">'
        "<meta name='viewport' content='width=device-width, initial-scale=1'>"
        f"<title>{JUDUL_POJOK}</title><link rel='icon' href='data:;base64,='>"
        f"<style>{css}</style></head>"
        "<body class='jp-Notebook literasi-statis literasi-pojok' data-base-url='/voila/'>"
        f"<main id='rendered_cells'><h1>{JUDUL_POJOK}</h1>"
        "<p class='pojok-sambut'>Selamat datang! Pilih satu jalur. Setiap jalur 10\u201315 menit: "
        "ketuk nama aplikasinya, lalu geser ke bagian yang disebut.</p>"
        f"{jalur}{qr}"
        "<section class='pojok-bps' aria-labelledby='judul-bps'>"
        "<h2 id='judul-bps'>Butuh data lain? Tanya BPS Kota Pekalongan</h2>"
        f"{html_kontak()}</section></main><script>{js}</script></body></html>"
    )


def html_poster(alamat: str, tempat: str | None = None, kit: Path | None = None) -> str:
    """The corner's A4 poster (one page): QR code, the three paths, how to reach BPS."""
    from literasi.layanan.qr import qr_svg
    from literasi.layanan.server import cari_folder_notebook

    folder = (kit / "notebooks") if kit else cari_folder_notebook()
    jalur = "".join(html_jalur(j, i, folder, tautan=False) for i, j in enumerate(JALUR, 1))
    di = f"<p class='poster-tempat'>{escape(tempat)}</p>" if tempat else ""
    return (
        '<!DOCTYPE html><html lang="id"><head><meta charset="utf-8">'
        f"<title>Poster {JUDUL_POJOK}</title><style>{css_pojok()}</style></head>"
        "<body class='poster'><main>"
        f"<h1>Pojok Statistik</h1><p class='poster-bps'>BPS Kota Pekalongan</p>{di}"
        "<p class='poster-ajak'>Belajar membaca data Kota Pekalongan dalam 10\u201315 menit, "
        "di layar pojok ini atau di ponselmu.</p>"
        "<div class='poster-qr'>"
        f"{qr_svg(alamat)}<div><p><b>Dengan ponsel:</b></p><ol>"
        "<li>Sambungkan ke Wi-Fi: <span class='poster-isian'></span></li>"
        "<li>Pindai kode QR ini, atau ketik alamatnya:</li></ol>"
        f"<p class='poster-alamat'>{escape(alamat)}</p></div></div>"
        f"<h2 class='poster-pilih'>Pilih satu jalur</h2>{jalur}"
        "<section class='pojok-bps'><h2>Butuh data lain? Tanya BPS Kota Pekalongan</h2>"
        f"{html_kontak(kit)}</section></main></body></html>"
    )


def main(argv: list[str] | None = None) -> int:
    """`literasi pojok-poster`: write the poster as HTML (and PDF with --pdf)."""
    from literasi.layanan import cetak, server

    parser = argparse.ArgumentParser(
        prog="literasi pojok-poster",
        description="Buat poster A4 Pojok Statistik dengan kode QR alamat server pojok.",
    )
    parser.add_argument(
        "--alamat", help="alamat yang dipindai pengunjung (bawaan: alamat LAN laptop ini)"
    )
    parser.add_argument("--port", type=int, default=8866, help="port server (bawaan: 8866)")
    parser.add_argument("--tempat", help='nama tempat, mis. "Perpusda Kota Pekalongan"')
    parser.add_argument("--keluar", metavar="BERKAS", help="berkas HTML hasil")
    parser.add_argument("--pdf", action="store_true", help="buat juga PDF (perlu Chromium)")
    args = parser.parse_args(argv)
    alamat = args.alamat
    if not alamat:
        ip = server.alamat_lan()
        if ip is None:
            print(
                "Laptop ini belum tersambung ke Wi-Fi, jadi alamatnya belum ada. Sambungkan ke "
                "Wi-Fi pojok lalu jalankan lagi, atau tulis alamatnya: --alamat http://…:8866/",
                file=sys.stderr,
            )
            return 2
        alamat = f"http://{ip}:{args.port}/"
    try:
        keluar = (
            Path(args.keluar)
            if args.keluar
            else cetak.tempat_cetak(cetak.cari_repo()) / "pojok_statistik_poster.html"
        )
        keluar.parent.mkdir(parents=True, exist_ok=True)
        keluar.write_text(html_poster(alamat, args.tempat), encoding="utf-8")
        print(f"Poster: {keluar} (kode QR menuju {alamat})")
        if args.pdf:
            print(f"PDF: {cetak.buat_pdf(keluar, keluar.with_suffix('.pdf'))}")
    except RuntimeError as galat:
        print(galat, file=sys.stderr)
        return 1
    print("Cetak di kertas A4 (Ctrl+P). Tulis nama Wi-Fi pojok di titik-titiknya.")
    return 0
