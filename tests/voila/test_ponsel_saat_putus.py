"""What a student sees when things break (issue 12 point 8), in Chromium, as a person sees it.

A killed kernel used to grey the page with broken-link icons and a dead "Kirim" button, and a
stopped server left the page as it was: no word of what happened. A file above the upload limit
was sent anyway and silently dropped the page's connection. Now an Indonesian banner with a
"Muat ulang" button appears at the top of the screen, and a file that is too big is refused
before the upload starts, with a message beside the button.
"""

from __future__ import annotations

import json
import os
import re
import signal

import psutil
import pytest
from playwright.sync_api import expect

from conftest import (
    ARTEFAK,
    lingkungan_terisolasi,
    perintah_serve,
    port_bebas,
    server_berjalan,
)
from orang import gulir_ke, ketuk, pastikan_di_layar

pytestmark = [pytest.mark.voila, pytest.mark.browser]

APLIKASI = "siswa/00_kota_pekalongan_di_jawa_tengah.ipynb"
OLAH_DATA = "kelurahan/02_olah_data_kelurahan.ipynb"
FOTO = ARTEFAK / "ponsel_saat_putus"


@pytest.fixture
def server_sendiri(tmp_path):
    """A workshop server of this test's own (one test stops it)."""
    port = port_bebas()
    url = f"http://127.0.0.1:{port}/"
    perintah = perintah_serve("--port", str(port), "--pelajaran", "00", "--kolam", "1")
    with server_berjalan(
        perintah, url, tmp_path / "server.log", lingkungan_terisolasi(tmp_path), tmp_path
    ) as proses:
        yield url, proses


def buka_aplikasi(buka_di, perangkat: str, url: str):
    halaman = buka_di(perangkat)
    halaman.goto(url, timeout=180_000)  # a busy machine can take more than 30 s
    # The app is ready when its first chart is drawn.
    expect(halaman.locator(".widget-html img, .widget-output img").first).to_be_visible(
        timeout=120_000
    )
    return halaman


def kernel_halaman(halaman, server_pid: int) -> psutil.Process:
    konfig = json.loads(halaman.locator("#jupyter-config-data").text_content())
    for p in psutil.Process(server_pid).children(recursive=True):
        if konfig["kernelId"] in " ".join(p.cmdline()):
            return p
    raise AssertionError("the page's kernel is not running")


def spanduk_terlihat(halaman, kata: str) -> None:
    spanduk = halaman.get_by_role("alert").filter(has_text=kata)
    expect(spanduk).to_be_visible(timeout=30_000)
    pastikan_di_layar(halaman, spanduk, "the banner")
    tombol = spanduk.get_by_role("button", name="Muat ulang")
    pastikan_di_layar(halaman, tombol, "Muat ulang")
    box = tombol.bounding_box()
    assert box["height"] >= 44 and box["width"] >= 44


def test_kernel_mati_ponsel_melihat_spanduk_dan_bisa_muat_ulang(server_sendiri, buka_di):
    url, proses = server_sendiri
    halaman = buka_aplikasi(buka_di, "ponsel", url + "voila/render/" + APLIKASI)
    os.kill(kernel_halaman(halaman, proses.pid).pid, signal.SIGKILL)
    spanduk_terlihat(halaman, "berhenti di server kelas")
    FOTO.mkdir(parents=True, exist_ok=True)
    halaman.screenshot(path=str(FOTO / "kernel_mati_ponsel.png"))
    ketuk(halaman, halaman.get_by_role("button", name="Muat ulang"), "Muat ulang")
    expect(halaman.locator(".widget-html img, .widget-output img").first).to_be_visible(
        timeout=120_000
    )
    expect(halaman.get_by_role("alert").filter(has_text="server kelas")).to_have_count(0)


def test_server_berhenti_ponsel_melihat_spanduk(server_sendiri, buka_di):
    url, proses = server_sendiri
    halaman = buka_aplikasi(buka_di, "ponsel", url + "voila/render/" + APLIKASI)
    proses.send_signal(signal.SIGTERM)
    proses.wait(timeout=30)
    spanduk_terlihat(halaman, "terputus dari server kelas")
    FOTO.mkdir(parents=True, exist_ok=True)
    halaman.screenshot(path=str(FOTO / "server_berhenti_ponsel.png"))


def test_berkas_terlalu_besar_ditolak_sebelum_diunggah(server_sendiri, buka_di, tmp_path):
    """A kelurahan officer at the office PC picks a 9 MB file: told at once, nothing sent, the
    app still answers."""
    from literasi.unggah import BATAS_MB

    url, _ = server_sendiri
    berkas = tmp_path / "data_kelurahan_lengkap.csv"
    berkas.write_bytes(b"kode;nilai\n" + b"1;2\n" * ((BATAS_MB + 1) * 2**20 // 4))
    halaman = buka_di("laptop")
    # No warm kernel for this app: on a busy machine its page can take more than 30 s.
    halaman.goto(url + "voila/render/" + OLAH_DATA, timeout=180_000)
    tombol = halaman.get_by_role("button", name=re.compile(r"^\W*Pilih berkas"))
    expect(tombol).to_be_visible(timeout=120_000)
    gulir_ke(halaman, tombol, "the upload button")
    with halaman.expect_file_chooser() as pemilih:
        ketuk(halaman, tombol, "the upload button")
    pemilih.value.set_files(str(berkas))
    pesan = halaman.get_by_role("alert").filter(has_text="terlalu besar")
    expect(pesan).to_be_visible(timeout=10_000)
    expect(pesan).to_contain_text(f"Batasnya {BATAS_MB} MB")
    gulir_ke(halaman, pesan, "the message")  # the page brings it up by itself: 0 gestures
    FOTO.mkdir(parents=True, exist_ok=True)
    halaman.screenshot(path=str(FOTO / "berkas_terlalu_besar_laptop.png"))
    # Nothing was sent (the button still counts 0 files) and the connection is alive (no banner).
    halaman.wait_for_timeout(5_000)
    expect(tombol).to_contain_text("(0)")
    expect(halaman.get_by_role("alert").filter(has_text="server kelas")).to_have_count(0)
