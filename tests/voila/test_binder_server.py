"""Binder's route: Jupyter Server + the Voilà server extension, started through binder/start.

Under Binder, students open `?urlpath=voila/render/notebooks/...` below a `/user/<name>/` prefix,
and Voilà config in the launch folder is ignored. binder/start puts the kit's config and template
on JUPYTER_CONFIG_PATH / JUPYTER_PATH; this test proves the kit's template, hidden sources and
offline page reach that route too. (BinderHub itself and the image build are not tested here.)
"""

from __future__ import annotations

import os
import sys
from pathlib import Path

import pytest
from playwright.sync_api import expect

from conftest import (
    REPO,
    ambil,
    lingkungan_terisolasi,
    port_bebas,
    semua_notebook,
    server_berjalan,
)

pytestmark = pytest.mark.voila
AWALAN = "/user/siswa/"
CONTOH_GULIR = "siswa/00_kota_pekalongan_di_jawa_tengah.ipynb"


@pytest.fixture(scope="module")
def server_binder(tmp_path_factory):
    tmp = tmp_path_factory.mktemp("binder")
    port = port_bebas()
    env = lingkungan_terisolasi(tmp)
    env["PATH"] = str(Path(sys.executable).parent) + os.pathsep + env.get("PATH", "")
    perintah = [
        str(REPO / "binder" / "start"),
        sys.executable,
        "-m",
        "jupyter_server",
        "--no-browser",
        "--allow-root",
        f"--port={port}",
        "--ServerApp.ip=127.0.0.1",
        f"--ServerApp.base_url={AWALAN}",
        "--IdentityProvider.token=",
        f"--ServerApp.root_dir={REPO}",
    ]
    url = f"http://127.0.0.1:{port}{AWALAN}"
    with server_berjalan(perintah, url, tmp / "server.log", env, REPO):
        yield url


@pytest.mark.parametrize("notebook", semua_notebook())
def test_aplikasi_lewat_binder_memakai_template_kit(server_binder, notebook):
    status, html = ambil(f"{server_binder}voila/render/notebooks/{notebook}")
    assert status == 200
    assert "Traceback" not in html
    assert "Sedang menyiapkan aplikasi" in html, "the kit's template was not used"
    assert 'lang="id"' in html
    assert "cdn.jsdelivr.net" not in html
    assert "load_dataset(" not in html and "import " not in html.split("<body")[1]


@pytest.mark.browser
@pytest.mark.parametrize("perangkat", ["ponsel", "laptop"])
def test_aplikasi_lewat_binder_bisa_digulir(server_binder, buka_di, perangkat):
    """Scrolling holds on Binder's route too (Jupyter Server, not `literasi serve`)."""
    from orang import gerak

    page = buka_di(perangkat, f"{server_binder}voila/render/notebooks/{CONTOH_GULIR}")
    expect(page.locator(".literasi-grafik img").first).to_be_visible(timeout=90_000)
    assert gerak(page, 400) > 300, "the page does not scroll"
