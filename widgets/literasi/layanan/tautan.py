"""nbgitpuller links: one click copies the kit's repository to a student's JupyterHub server
and opens an app in Voilà.

    literasi tautan --hub https://hub.sekolah.id --repo https://github.com/ORG/REPO \\
        siswa/00_kota_pekalongan_di_jawa_tengah.ipynb

The link goes to the hub's `/hub/user-redirect/git-pull`: the hub sends the logged-in student
to their own server (`/user/<name>/git-pull`), nbgitpuller clones (first click) or merges
(later clicks, keeping the student's own changes) the repository into a folder of their home,
then opens `urlpath`, which is relative to the student's server.
"""

from __future__ import annotations

import argparse
import sys
from pathlib import Path
from urllib.parse import quote, urlencode

from literasi.layanan import server


def nama_folder(repo_url: str) -> str:
    """The folder the repository is cloned into: its last path part, without `.git`.

    nbgitpuller's own default keeps a `.git` suffix (`targetpath` = last part of the URL), so
    the link always sends `targetpath` explicitly and `urlpath` can name the same folder.
    """
    nama = repo_url.rstrip("/").split("/")[-1]
    return nama.removesuffix(".git") or "kit"


def tautan_nbgitpuller(
    hub_url: str,
    repo_url: str,
    notebook: str,
    branch: str = "main",
    folder: str | None = None,
) -> str:
    """The link that pulls `repo_url` and opens `notebooks/<notebook>` of it in Voilà.

    `notebook` is relative to the repository's notebooks/ folder. `folder` is the clone's
    folder in the student's home (bawaan: the repository's name). If the hub sets
    NBGITPULLER_PARENTPATH, include that parent in `folder` (e.g. "materi/REPO").
    """
    folder = (folder or nama_folder(repo_url)).strip("/")
    if not folder or any(bagian in ("", ".", "..") for bagian in folder.split("/")):
        raise ValueError(f"Nama folder tidak sah: {folder!r}")
    notebook = notebook.removeprefix("notebooks/").lstrip("/")
    # urlpath is used as-is after the server's base URL, so its path parts are escaped here;
    # urlencode() then escapes every value once more for the query string.
    urlpath = quote(f"voila/render/{folder}/notebooks/{notebook}")
    kueri = urlencode(
        {"repo": repo_url, "branch": branch, "targetpath": folder, "urlpath": urlpath},
        quote_via=quote,
    )
    return f"{hub_url.rstrip('/')}/hub/user-redirect/git-pull?{kueri}"


def buat_parser() -> argparse.ArgumentParser:
    from literasi.layanan.cli import ParserIndonesia

    parser = ParserIndonesia(
        prog="literasi tautan",
        description=(
            "Cetak tautan nbgitpuller: satu klik menyalin repositori kit ke server JupyterHub "
            "siswa lalu membuka aplikasinya (Voilà)."
        ),
    )
    parser.add_argument(
        "notebook",
        help="aplikasi di notebooks/, mis. siswa/00_kota_pekalongan_di_jawa_tengah.ipynb",
    )
    parser.add_argument(
        "--hub", required=True, help="alamat JupyterHub, mis. https://hub.sekolah.id"
    )
    parser.add_argument(
        "--repo", required=True, help="alamat git repositori kit, mis. https://github.com/ORG/REPO"
    )
    parser.add_argument("--branch", default="main", help="cabang git (bawaan: main)")
    parser.add_argument(
        "--folder", help="nama folder salinan di server siswa (bawaan: nama repositori)"
    )
    parser.add_argument(
        "--notebooks",
        help="folder notebooks/ untuk memeriksa nama aplikasi (bawaan: notebooks/ kit ini)",
    )
    return parser


def main(argv: list[str] | None = None) -> int:
    args = buat_parser().parse_args(sys.argv[1:] if argv is None else argv)
    if not args.hub.startswith(("http://", "https://")):
        print(
            f"Alamat hub harus diawali http:// atau https:// (tertulis: {args.hub}).",
            file=sys.stderr,
        )
        return 2

    folder_nb = Path(args.notebooks) if args.notebooks else server.cari_folder_notebook()
    notebook = args.notebook.removeprefix("notebooks/").lstrip("/")
    if not (folder_nb / notebook).is_file():
        ada = sorted(
            p.relative_to(folder_nb).as_posix()
            for p in folder_nb.rglob("*.ipynb")
            if ".ipynb_checkpoints" not in p.parts
        )
        print(f"Notebook tidak ditemukan: {folder_nb / notebook}", file=sys.stderr)
        if ada:
            print("Aplikasi yang ada:\n  " + "\n  ".join(ada), file=sys.stderr)
        return 2

    try:
        tautan = tautan_nbgitpuller(args.hub, args.repo, notebook, args.branch, args.folder)
    except ValueError as e:
        print(e, file=sys.stderr)
        return 2
    folder = (args.folder or nama_folder(args.repo)).strip("/")
    print(tautan)
    print()
    print(
        "Bagikan tautan di atas kepada siswa (pesan, LMS, atau kode QR). Saat diklik, siswa\n"
        f"masuk ke JupyterHub, lalu repositori disalin ke folder '{folder}' di server siswa\n"
        "(klik berikutnya hanya mengambil pembaruan; perubahan siswa tidak ditimpa), dan\n"
        f"aplikasi notebooks/{notebook} terbuka sebagai halaman Voilà.\n"
        "Syarat di hub: nbgitpuller dan kit ini terpasang di lingkungan pengguna\n"
        "(lihat lessons/server/tljh.md)."
    )
    return 0


if __name__ == "__main__":
    sys.exit(main())
