"""The workshop server: Voilà settings, port checks, `literasi serve` errors, voila.json."""

from __future__ import annotations

import ipaddress
import json
import socket
import subprocess
import sys
from pathlib import Path

import pytest
from traitlets.config import Config

from literasi.layanan import cli, kolam, server

REPO = Path(__file__).resolve().parents[2]
NOTEBOOKS = REPO / "notebooks"
PAKET = REPO / "widgets" / "literasi" / "layanan"
VOILA_JSON = PAKET / "jupyter" / "config" / "voila.json"
TEMPLATE = PAKET / "jupyter" / "data" / "voila" / "templates" / "literasi"


def _semua_notebook() -> list[str]:
    return sorted(
        p.relative_to(NOTEBOOKS).as_posix()
        for p in NOTEBOOKS.rglob("*.ipynb")
        if ".ipynb_checkpoints" not in p.parts
    )


def _soket_mendengar() -> socket.socket:
    s = socket.socket(socket.AF_INET, socket.SOCK_STREAM)
    s.bind(("127.0.0.1", 0))
    s.listen()
    return s


# --- Voilà settings per run --------------------------------------------------------------


def test_konfig_voila_kolam_per_notebook(tmp_path):
    kolam = {"index.ipynb": 1, "siswa/00.ipynb": 2, "guru/nol.ipynb": 0}
    c = server.PengaturanServer(tmp_path, ip="0.0.0.0", port=9123, kolam=kolam).konfig_voila()
    pools = c.VoilaKernelManager.kernel_pools_config
    assert pools == {
        "default": {"pool_size": 0},
        "index.ipynb": {"pool_size": 1},
        "siswa/00.ipynb": {"pool_size": 2},
    }
    assert c.VoilaConfiguration.preheat_kernel is True
    assert c.Voila.ip == "0.0.0.0" and c.Voila.port == 9123 and c.Voila.port_retries == 0
    assert c.Voila.root_dir == str(tmp_path) and c.Voila.open_browser is False
    assert c.Voila.log_level == "WARN"  # into the log file, never the terminal


def test_konfig_voila_tanpa_kolam(tmp_path):
    c = server.PengaturanServer(tmp_path, rinci=True).konfig_voila()
    assert c.VoilaConfiguration.preheat_kernel is False
    assert c.VoilaKernelManager.kernel_pools_config == {"default": {"pool_size": 0}}
    assert c.Voila.log_level == "INFO"


def test_rencana_kolam_hanya_pelajaran_hari_ini():
    kolam = server.rencana_kolam(NOTEBOOKS, ["00"], 3)
    assert kolam == {"siswa/00_kota_pekalongan_di_jawa_tengah.ipynb": 3}
    assert server.rencana_kolam(NOTEBOOKS, [], 2) == {}  # the landing page needs no kernel
    assert server.rencana_kolam(NOTEBOOKS, ["00"], 0) == {}
    semua = server.rencana_kolam(NOTEBOOKS, ["semua"], 2)
    assert sorted(semua) == sorted(nb for nb in _semua_notebook() if nb != "index.ipynb")


def test_rencana_kolam_otomatis_dari_memori():
    """One warm kernel per student while memory lasts; teacher apps get one."""
    siswa, guru = "kelas/90_sensus_kelas.ipynb", "kelas/91_dasbor_sensus_kelas.ipynb"
    # 24 GB free: room for the whole class.
    assert server.rencana_kolam(NOTEBOOKS, ["90", "91"], None, 32, 24_000) == {
        siswa: 32,
        guru: 1,
    }
    # A 4 GB laptop with 2,5 GB free: (2500 - 1024) // 140 = 10 kernels.
    assert server.rencana_kolam(NOTEBOOKS, ["90", "91"], None, 40, 2_500)[siswa] == 10
    # Two student apps share what fits.
    dua = server.rencana_kolam(NOTEBOOKS, ["05", "06"], None, 40, 2_500)
    assert [n for nb, n in dua.items() if nb.startswith("siswa/")] == [5, 5]


def test_ukuran_kolam_otomatis():
    assert kolam.ukuran_kolam_otomatis(1, 40, 24_000) == 40
    assert kolam.ukuran_kolam_otomatis(1, 40, 1_024 + 5 * 140) == 5
    assert kolam.ukuran_kolam_otomatis(1, 40, 500) == 1  # always one, or nothing opens fast
    assert kolam.ukuran_kolam_otomatis(0, 40, 24_000) == 0


def test_rencana_kolam_nomor_tidak_ada(tmp_path):
    (tmp_path / "siswa").mkdir()
    (tmp_path / "siswa" / "01_a.ipynb").write_text("{}")
    with pytest.raises(ValueError, match="Pelajaran 77 tidak ada. Nomor yang tersedia: 01"):
        server.rencana_kolam(tmp_path, ["77"], 2)


def test_rencana_kolam_abaikan_checkpoint(tmp_path):
    (tmp_path / "siswa" / ".ipynb_checkpoints").mkdir(parents=True)
    for nama in (
        "index.ipynb",
        "siswa/01_a.ipynb",
        "siswa/.ipynb_checkpoints/01_a-checkpoint.ipynb",
    ):
        (tmp_path / nama).write_text("{}")
    assert server.rencana_kolam(tmp_path, ["semua"], 1) == {"siswa/01_a.ipynb": 1}


def test_cari_folder_notebook():
    assert server.cari_folder_notebook() == NOTEBOOKS


# --- ports and addresses -----------------------------------------------------------------


def test_port_terpakai_saat_ada_yang_mendengar():
    s = _soket_mendengar()
    port = s.getsockname()[1]
    try:
        assert server.port_terpakai("127.0.0.1", port) is True
    finally:
        s.close()
    assert server.port_terpakai("127.0.0.1", port) is False


def test_alamat_lan():
    ip = server.alamat_lan()
    if ip is not None:
        alamat = ipaddress.IPv4Address(ip)  # dotted IPv4, raises otherwise
        assert str(alamat) == ip and not ip.startswith("127.")


def test_serve_di_port_terpakai_pesan_ramah(tmp_path):
    s = _soket_mendengar()
    port = s.getsockname()[1]
    try:
        hasil = subprocess.run(
            [sys.executable, "-m", "literasi", "serve", "--port", str(port)],
            capture_output=True,
            text=True,
            timeout=30,
            cwd=tmp_path,
            stdin=subprocess.DEVNULL,
        )
    finally:
        s.close()
    assert hasil.returncode == 1, hasil.stderr
    assert "sudah dipakai" in hasil.stderr
    assert f"--port {port + 1}" in hasil.stderr
    assert "Traceback" not in hasil.stderr + hasil.stdout
    assert "Buka di browser" not in hasil.stdout  # it stopped before announcing a URL


def test_serve_folder_tanpa_index(tmp_path):
    assert cli.main(["serve", "--folder", str(tmp_path), "--port", "1"]) == 2


# --- fixed Voilà configuration and template ----------------------------------------------


def _konfig_efektif(tmp_path) -> Config:
    """What standalone `literasi serve` runs with: voila.json, then the per-run settings."""
    c = Config(json.loads(VOILA_JSON.read_text(encoding="utf-8")))
    c.merge(server.PengaturanServer(tmp_path).konfig_voila())
    return c


def _cek_waktu_dan_template(c) -> None:
    assert c["VoilaExecutor"]["iopub_timeout"] >= 30
    km = c["MappingKernelManager"]
    assert km["cull_idle_timeout"] >= 600
    assert km["cull_idle_timeout"] > 4 * km["cull_interval"]
    assert c["VoilaConfiguration"]["strip_sources"] is True
    assert c["VoilaConfiguration"]["template"] == "literasi"


def test_konfig_voila_json_untuk_server_lokakarya(tmp_path):
    _cek_waktu_dan_template(_konfig_efektif(tmp_path))
    assert (TEMPLATE / "index.html.j2").is_file()


def test_konfig_jupyter_server_sama(tmp_path):
    """Binder/JupyterHub read jupyter/config/ too: whatever they read must agree."""
    gabungan = Config()
    for nama in ("voila.json", "jupyter_server_config.json"):
        path = VOILA_JSON.parent / nama
        if path.is_file():
            gabungan.merge(Config(json.loads(path.read_text(encoding="utf-8"))))
    _cek_waktu_dan_template(gabungan)
    efektif = _konfig_efektif(tmp_path)
    for bagian in ("VoilaExecutor", "MappingKernelManager"):
        assert dict(gabungan[bagian]) == dict(efektif[bagian]), bagian


@pytest.mark.parametrize("nama", ["index.html.j2", "conf.json", "static/literasi.css"])
def test_template_tanpa_alamat_internet(nama):
    teks = (TEMPLATE / nama).read_text(encoding="utf-8")
    assert "http://" not in teks and "https://" not in teks


def test_koneksi_kernel_aman_di_setiap_jalur(tmp_path):
    """literasi serve and Jupyter Server (Binder, JupyterHub) both use the connection class that
    drops malformed frames (tests/voila/test_penyerang.py plays the attacks)."""
    from importlib import import_module

    from jupyter_server.services.kernels.connection.channels import (
        ZMQChannelsWebsocketConnection,
    )

    konfig = json.loads((VOILA_JSON.parent / "jupyter_server_config.json").read_text("utf-8"))
    nama_binder = konfig["ServerApp"]["kernel_websocket_connection_class"]
    nama_serve = _konfig_efektif(tmp_path).Voila.kernel_websocket_connection_class
    assert nama_binder == nama_serve
    modul, kelas = nama_serve.rsplit(".", 1)
    assert issubclass(getattr(import_module(modul), kelas), ZMQChannelsWebsocketConnection)


def test_satu_nomor_satu_aplikasi():
    """`--pelajaran 03` warms lesson 03 only, `K03` the kelurahan app 03 (issue 17, point 7)."""
    assert list(server.rencana_kolam(NOTEBOOKS, ["03"], 2)) == ["siswa/03_ukuran_pemusatan.ipynb"]
    assert list(server.rencana_kolam(NOTEBOOKS, ["k03"], 2)) == [
        "kelurahan/03_survei_kepuasan_masyarakat.ipynb"
    ]
