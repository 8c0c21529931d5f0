"""The kit installed as a wheel (not editable) serves its apps from any folder.

A teacher's laptop may get the kit as a built wheel instead of a clone. The wheel carries the
package and, as data files, datasets/, notebooks/ and lessons/ (pyproject.toml); literasi.lokasi
finds them under <prefix>/share/literasi-pekalongan/. The test builds the wheel, installs it into
a fresh venv whose dependencies come from the test environment's site-packages (a .pth line:
nothing is downloaded but the build backend), starts `literasi serve` from an empty folder, and
opens the landing page and an app.
"""

from __future__ import annotations

import subprocess
import sys
import sysconfig
from pathlib import Path

import pytest

from conftest import REPO, ambil, lingkungan_terisolasi, port_bebas, server_berjalan

pytestmark = pytest.mark.voila
APLIKASI = "siswa/00_kota_pekalongan_di_jawa_tengah.ipynb"


@pytest.fixture(scope="module")
def venv_wheel(tmp_path_factory) -> Path:
    tmp = tmp_path_factory.mktemp("wheel")
    subprocess.run(
        [sys.executable, "-m", "pip", "wheel", "-q", "--no-deps", "-w", str(tmp), str(REPO)],
        check=True,
        timeout=600,
    )
    (wheel,) = tmp.glob("literasi_pekalongan-*.whl")
    venv = tmp / "venv"
    subprocess.run([sys.executable, "-m", "venv", "--without-pip", str(venv)], check=True)
    python = venv / "bin" / "python"
    situs = Path(
        subprocess.run(
            [str(python), "-c", "import sysconfig; print(sysconfig.get_path('purelib'))"],
            check=True,
            capture_output=True,
            text=True,
        ).stdout.strip()
    )
    # Dependencies from the test environment, after the venv's own site-packages (so the
    # wheel's literasi wins; the editable install's .pth files there are not processed).
    (situs / "dependensi_uji.pth").write_text(sysconfig.get_path("purelib") + "\n")
    subprocess.run(
        [str(python), "-m", "pip", "install", "-q", "--no-deps", "--prefix", str(venv), str(wheel)],
        check=True,
        timeout=300,
    )
    return venv


def test_wheel_melayani_aplikasi_dari_folder_mana_pun(venv_wheel, tmp_path):
    python = venv_wheel / "bin" / "python"
    asal = subprocess.run(
        [
            str(python),
            "-c",
            "import literasi, literasi.lokasi as l; print(literasi.__file__);"
            " print(l.folder_kit())",
        ],
        check=True,
        capture_output=True,
        text=True,
        cwd=tmp_path,
        env=lingkungan_terisolasi(tmp_path),
    ).stdout.split()
    assert asal[0].startswith(str(venv_wheel)), f"literasi imported from {asal[0]}"
    assert asal[1] == str(venv_wheel / "share" / "literasi-pekalongan")

    port = port_bebas()
    url = f"http://127.0.0.1:{port}/"
    perintah = [str(python), "-m", "literasi", "serve", "--port", str(port)]
    kosong = tmp_path / "folder_kosong"
    kosong.mkdir()
    env = lingkungan_terisolasi(tmp_path)
    # Voilà's own front end and templates are data files of the dependencies, which live in
    # the test environment here (in a full install they share the wheel's prefix).
    env["JUPYTER_PATH"] = str(Path(sys.prefix) / "share" / "jupyter")
    with server_berjalan(perintah, url, tmp_path / "server.log", env, kosong):
        status, html = ambil(url + "voila/render/index.ipynb")
        assert status == 200 and "literasi-kartu" in html
        status, html = ambil(url + "voila/render/" + APLIKASI)
        assert status == 200
        assert "Maaf, bagian ini gagal dimuat" not in html and "Traceback" not in html
        assert "Kota Pekalongan" in html
