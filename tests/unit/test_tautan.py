"""`literasi tautan`: the printed nbgitpuller link parses and opens an existing notebook."""

from __future__ import annotations

from urllib.parse import parse_qs, unquote, urlsplit

import pytest

from conftest import NOTEBOOKS, semua_notebook
from literasi.layanan.tautan import main, nama_folder, tautan_nbgitpuller

HUB = "https://hub.sekolah.id"
REPO_GIT = "https://github.com/ORG/literasi-pekalongan"


def tautan_tercetak(capsys, argv: list[str]) -> str:
    assert main(argv) == 0
    keluaran = capsys.readouterr().out
    baris = [b for b in keluaran.splitlines() if b.startswith("http")]
    assert len(baris) == 1, keluaran
    assert "Bagikan tautan" in keluaran  # the explanation for the teacher
    return baris[0]


@pytest.mark.parametrize("notebook", semua_notebook())
def test_tautan_menunjuk_notebook_yang_ada(capsys, notebook):
    tautan = tautan_tercetak(capsys, ["--hub", HUB, "--repo", REPO_GIT, notebook])
    bagian = urlsplit(tautan)
    assert (bagian.scheme, bagian.netloc) == ("https", "hub.sekolah.id")
    assert bagian.path == "/hub/user-redirect/git-pull"

    kueri = parse_qs(bagian.query, strict_parsing=True)
    assert {k: len(v) for k, v in kueri.items()} == {
        "repo": 1,
        "branch": 1,
        "targetpath": 1,
        "urlpath": 1,
    }
    assert kueri["repo"] == [REPO_GIT]
    assert kueri["branch"] == ["main"]
    assert kueri["targetpath"] == ["literasi-pekalongan"]

    # urlpath = voila/render/<clone folder>/notebooks/<app>: the clone has the repo's layout.
    awalan = "voila/render/literasi-pekalongan/notebooks/"
    urlpath = unquote(kueri["urlpath"][0])
    assert urlpath.startswith(awalan)
    assert (NOTEBOOKS / urlpath.removeprefix(awalan)).is_file()


def test_cabang_dan_folder_bisa_diatur(capsys):
    tautan = tautan_tercetak(
        capsys,
        [
            "--hub",
            HUB + "/",
            "--repo",
            REPO_GIT + ".git",
            "--branch",
            "kelas-7",
            "--folder",
            "kit",
            "notebooks/index.ipynb",
        ],
    )
    kueri = parse_qs(urlsplit(tautan).query)
    assert tautan.startswith(HUB + "/hub/")  # no double slash
    assert kueri["branch"] == ["kelas-7"]
    assert kueri["targetpath"] == ["kit"]
    assert kueri["urlpath"] == ["voila/render/kit/notebooks/index.ipynb"]


def test_nama_folder_seperti_repositori():
    assert nama_folder("https://github.com/ORG/REPO") == "REPO"
    assert nama_folder("https://github.com/ORG/REPO.git/") == "REPO"
    assert nama_folder("file:///srv/git/kit.git") == "kit"


def test_nilai_kueri_di_encode():
    tautan = tautan_nbgitpuller(HUB, "file:///tmp/a b/kit.git", "siswa/x y.ipynb")
    assert " " not in tautan
    assert len(urlsplit(tautan).query.split("&")) == 4  # no "&" leaks out of a value
    kueri = parse_qs(urlsplit(tautan).query)
    assert kueri["repo"] == ["file:///tmp/a b/kit.git"]
    assert unquote(kueri["urlpath"][0]) == "voila/render/kit/notebooks/siswa/x y.ipynb"


def test_notebook_tidak_ada_pesan_jelas(capsys):
    assert main(["--hub", HUB, "--repo", REPO_GIT, "siswa/99_tidak_ada.ipynb"]) == 2
    galat = capsys.readouterr().err
    assert "Notebook tidak ditemukan" in galat
    assert "siswa/00_kota_pekalongan_di_jawa_tengah.ipynb" in galat  # lists what exists


def test_alamat_hub_tanpa_skema_ditolak(capsys):
    assert main(["--hub", "hub.sekolah.id", "--repo", REPO_GIT, "index.ipynb"]) == 2
    assert "http://" in capsys.readouterr().err
