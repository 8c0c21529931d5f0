"""Every app renders in a real Voilà server (the workshop server) with no traceback.

We fetch the HTML the way a phone does (plain GET) and look at what a student could read in
the page source: no error, no code, no teacher-only cell, nothing from the internet.
"""

from __future__ import annotations

import json
import urllib.request

import pytest

from conftest import NOTEBOOKS, ambil, semua_notebook

pytestmark = pytest.mark.voila


def baris_kode(notebook: str) -> list[str]:
    """Distinctive source lines of the notebook's code cells (must not reach the page)."""
    nb = json.loads((NOTEBOOKS / notebook).read_text(encoding="utf-8"))
    baris = []
    for sel in nb["cells"]:
        if sel["cell_type"] == "code":
            baris += [b.strip() for b in "".join(sel["source"]).splitlines() if len(b.strip()) > 12]
    return baris


def teks_guru(notebook: str) -> list[str]:
    nb = json.loads((NOTEBOOKS / notebook).read_text(encoding="utf-8"))
    return [
        "".join(sel["source"]).strip().splitlines()[0]
        for sel in nb["cells"]
        if "remove-voila" in sel.get("metadata", {}).get("tags", [])
    ]


@pytest.mark.parametrize("notebook", semua_notebook())
def test_app_dirender_tanpa_galat(server_kit, notebook):
    status, html = ambil(server_kit.render_url(notebook))
    assert status == 200
    for tanda in (
        "Traceback",
        "There was an error when executing",
        "literasi-galat",
        'jp-RenderedText" data-mime-type="application/vnd.jupyter.stderr',
    ):
        assert tanda not in html, f"{notebook}: {tanda!r} in the page"
    assert 'lang="id"' in html
    if notebook != "index.ipynb":  # the server writes the landing page itself, at once
        assert "Sedang menyiapkan aplikasi" in html


@pytest.mark.parametrize("notebook", semua_notebook())
def test_kode_dan_catatan_guru_tidak_sampai_ke_siswa(server_kit, notebook):
    _, html = ambil(server_kit.render_url(notebook))
    for baris in baris_kode(notebook):
        assert baris not in html, f"{notebook}: source line reached the page: {baris}"
    for teks in teks_guru(notebook):
        assert teks not in html, f"{notebook}: teacher-only cell reached the page: {teks}"


@pytest.mark.parametrize("notebook", semua_notebook())
def test_tidak_ada_alamat_luar(server_kit, notebook):
    """Schools are offline: no CDN (Voilà's lab template links FontAwesome from one)."""
    _, html = ambil(server_kit.render_url(notebook))
    for luar in ("cdn.jsdelivr.net", "cdnjs.cloudflare.com", "unpkg.com", "fonts.googleapis"):
        assert luar not in html


def test_akar_membuka_halaman_awal(server_kit):
    with urllib.request.urlopen(server_kit.url, timeout=30) as r:
        assert r.url.endswith("/voila/render/index.ipynb")


@pytest.mark.parametrize(
    "path",
    [
        "voila/tree",
        "voila/tree/siswa",
        "voila/api/contents",
        "voila/api/contents/siswa",
        "lab",
        "tree",
        "api/contents",
        "api/terminals",
        "terminals/1",
        "api/sessions",
    ],
)
def test_hanya_aplikasi_yang_dilayani(server_kit, path):
    """No folder listing, contents API, JupyterLab or terminals: the LAN sees only the apps."""
    status, _ = ambil(server_kit.url + path, timeout=30)
    assert status == 404, f"/{path} answered {status}"


def test_file_notebook_tidak_bisa_diunduh(server_kit):
    """The .ipynb (with its code) is not downloadable from the server."""
    status, _ = ambil(server_kit.url + "voila/files/siswa/" + semua_notebook()[1].split("/")[-1])
    assert status in (403, 404)
