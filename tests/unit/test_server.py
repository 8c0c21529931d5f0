"""The workshop server: Voilà settings, port checks, `literasi serve` errors, voila.json."""

from __future__ import annotations

import asyncio
import ipaddress
import json
import re
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


# --- what the teacher and the students read (issue 17 point 6, issue 13 point 5) -------------


def test_bantuan_serve_berbahasa_indonesia():
    hasil = subprocess.run(
        [sys.executable, "-m", "literasi", "serve", "--help"],
        capture_output=True,
        text=True,
        timeout=60,
    )
    assert hasil.returncode == 0
    teks = hasil.stdout
    for inggris in ("usage", "options", "show this help message", "positional arguments"):
        assert inggris not in teks, inggris
    assert teks.startswith("penggunaan: literasi serve") and "pilihan:" in teks
    assert "tampilkan bantuan ini lalu keluar" in teks
    salah = subprocess.run(
        [sys.executable, "-m", "literasi", "serve", "--port", "delapan"],
        capture_output=True,
        text=True,
        timeout=60,
    )
    assert salah.returncode == 2 and "bukan bilangan bulat" in salah.stderr
    assert "invalid" not in salah.stderr and "error" not in salah.stderr


SGR = re.compile(r"\x1b\[([0-9;]*)m")


def _warna_256(n: int) -> tuple[int, int, int]:
    if n < 16:
        dasar = [
            (0, 0, 0),
            (205, 0, 0),
            (0, 205, 0),
            (205, 205, 0),
            (0, 0, 238),
            (205, 0, 205),
            (0, 205, 205),
            (229, 229, 229),
        ]
        return dasar[n % 8] if n < 8 else tuple(min(255, c + 50) for c in dasar[n % 8])
    if n < 232:
        tingkat = [0, 95, 135, 175, 215, 255]
        n -= 16
        return tingkat[n // 36], tingkat[n // 6 % 6], tingkat[n % 6]
    abu = 8 + (n - 232) * 10
    return abu, abu, abu


def gambar_terminal(teks: str, depan: tuple, latar: tuple, skala: int = 6):
    """What a terminal shows for `teks` (half blocks, 256-colour codes) with a theme's default
    foreground and background colours, as a picture; a margin of the theme's background."""
    from PIL import Image

    baris_piksel = []
    for baris in teks.splitlines():
        fg, bg, atas, bawah = depan, latar, [], []
        for bagian in re.split(r"(\x1b\[[0-9;]*m)", baris):
            m = SGR.fullmatch(bagian)
            if m:
                kode = [int(k) for k in m.group(1).split(";") if k] or [0]
                i = 0
                while i < len(kode):
                    if kode[i] == 0:
                        fg, bg = depan, latar
                    elif kode[i] in (38, 48) and kode[i + 1] == 5:
                        warna = _warna_256(kode[i + 2])
                        fg, bg = (warna, bg) if kode[i] == 38 else (fg, warna)
                        i += 2
                    i += 1
                continue
            for c in bagian:
                kosong = (bg, bg)  # a space; qrcode's print_ascii writes a no-break space
                a, b = {" ": kosong, "\xa0": kosong, "█": (fg, fg), "▀": (fg, bg), "▄": (bg, fg)}[c]
                atas.append(a)
                bawah.append(b)
        baris_piksel += [atas, bawah]
    lebar = max(len(b) for b in baris_piksel) + 8
    gambar = Image.new("RGB", (lebar, len(baris_piksel) + 8), latar)
    for y, baris in enumerate(baris_piksel):
        for x, warna in enumerate(baris):
            gambar.putpixel((x + 4, y + 4), warna)
    return gambar.resize((gambar.width * skala, gambar.height * skala), Image.NEAREST)


@pytest.mark.parametrize(
    "tema, depan, latar",
    [("gelap", (229, 229, 229), (30, 30, 30)), ("terang", (30, 30, 30), (250, 250, 250))],
)
def test_qr_terminal_terbaca_di_tema_gelap_dan_terang(tema, depan, latar, tmp_path):
    """The terminal's QR code, drawn as a terminal with that theme shows it, decodes to the
    address (zxing-cpp from PyPI, a wheel with no system library). Without inversion: many
    phone cameras do not read a light-on-dark code."""
    import zxingcpp

    from literasi.layanan.qr import qr_teks

    alamat = "http://192.168.1.23:8866/"
    gambar = gambar_terminal(qr_teks(alamat), depan, latar)
    gambar.save(tmp_path / f"qr_{tema}.png")
    hasil = zxingcpp.read_barcodes(gambar, try_invert=False)
    assert [h.text for h in hasil] == [alamat], f"not read on a {tema} theme"


def test_batas_unggah_template_sama_dengan_kit():
    """The template refuses files above the kit's limit before the upload starts."""
    from literasi.unggah import BATAS_MB

    teks = (TEMPLATE / "index.html.j2").read_text(encoding="utf-8")
    assert re.search(rf"var BATAS_UNGGAH_MB = {BATAS_MB};", teks)


def test_unggahan_terlalu_banyak_baris_ditolak_cepat():
    """Issue 12.8: an 8 MB CSV of 591.000 rows cost 109 s of one core; now rows above the
    budget are refused before parsing, with a message."""
    from literasi.unggah import BATAS_BARIS, baca_berkas

    isi = ("kode;nilai\n" + "1;2\n" * (BATAS_BARIS + 10)).encode()
    hasil = baca_berkas("besar.csv", isi)
    assert not hasil.berhasil and "lebih dari 50.000 baris" in hasil.masalah[0].pesan


def test_folder_data_lokal_hanya_untuk_pemiliknya(tmp_path, monkeypatch):
    """Issue 12.9: data_lokal/ was created 755 and the survey database 644."""
    import os
    import stat

    from literasi import lokal
    from literasi.kelas import penyimpanan

    lama = tmp_path / "lama"
    lama.mkdir(mode=0o755)
    monkeypatch.setenv(lokal.ENV_FOLDER, str(lama))
    assert stat.S_IMODE(os.stat(lokal.folder_data_lokal()).st_mode) == 0o700
    monkeypatch.delenv(penyimpanan.ENV_FOLDER, raising=False)
    monkeypatch.setenv(lokal.ENV_FOLDER, str(tmp_path / "baru"))
    assert penyimpanan.folder_data() == tmp_path / "baru"
    penyimpanan.sambung().close()
    assert stat.S_IMODE(os.stat(tmp_path / "baru").st_mode) == 0o700
    assert stat.S_IMODE(os.stat(penyimpanan.path_db()).st_mode) == 0o600


def test_galat_berulang_dicatat_sekali_dengan_jumlahnya():
    import logging

    from literasi.catatan import PenyaringBerulang

    saring = PenyaringBerulang(jeda=60)

    def catatan(pesan):
        return logging.LogRecord("tornado.application", logging.ERROR, "", 0, pesan, None, None)

    lolos = [saring.filter(catatan("Exception in callback %r")) for _ in range(1000)]
    assert lolos.count(True) == 1
    assert saring.filter(catatan("lain")) is True
    saring.jeda = 0
    berikut = catatan("Exception in callback %r")
    assert saring.filter(berikut) and "terulang 999 kali" in berikut.msg


def test_laporkan_memberi_kode_dan_mencatat_traceback(caplog):
    from literasi.catatan import laporkan

    try:
        {}["x"]
    except KeyError:
        pesan = laporkan("Berkas belum bisa dibuat.")
    kode = re.search(r"Kode galat: ([A-Z2-9]{5})", pesan).group(1)
    assert f"[kode {kode}]" in caplog.text and "KeyError" in caplog.text


# --- bounds per phone (literasi.layanan.penjaga) --------------------------------------------


def test_pencatat_kernel_per_ponsel():
    from literasi.layanan import penjaga

    p = penjaga.PencatatKernel(jeda_tak_tersambung=60)
    token = penjaga.PERMINTAAN.set(penjaga.Permintaan("10.0.0.7"))
    try:
        p.serahkan("a")
        p.serahkan("b")
    finally:
        penjaga.PERMINTAAN.reset(token)
    p.serahkan("c")  # a pool filling itself: no page, no owner
    assert p.milik("10.0.0.7") == ["a", "b"] and "c" not in p.kernel
    p.halaman_terkirim("a")
    p.halaman_terkirim("b")
    p.tersambung("b")
    assert p.boleh_diganti("10.0.0.7") is None  # "a" never connected: culled, not replaced
    waktu = p.kernel["a"].terkirim
    assert p.tak_tersambung(waktu + 30) == [] and p.tak_tersambung(waktu + 61) == ["a"]
    p.terputus("b")  # a reload or a closed tab
    assert p.boleh_diganti("10.0.0.7") == "b"
    p.dimatikan("a")
    assert p.milik("10.0.0.7") == ["b"]


def test_halaman_pesan_indonesia_tanpa_tautan_keluar():
    from literasi.layanan.penjaga import halaman_pesan

    for status in (403, 404, 405, 429, 500, 503):
        html = halaman_pesan(status, ulang="/voila/render/siswa/00.ipynb?x='><script>")
        assert "lang='id'" in html and "href='/'" in html and "http" not in html
        assert "<script>" not in html


def test_kepala_aman_mengganti_halaman_galat():
    from tornado.httputil import HTTPHeaders

    from literasi.layanan.penjaga import KepalaAman

    ubah = KepalaAman(None)
    kepala = HTTPHeaders({"Content-Type": "text/html", "Content-Length": "60"})
    status, kepala, isi = ubah.transform_first_chunk(
        404, kepala, b"<html><title>404: Not Found</title></html>", True
    )
    assert status == 404 and b"Halaman tidak ditemukan" in isi
    assert kepala["Content-Length"] == str(len(isi))
    assert kepala["X-Content-Type-Options"] == "nosniff"
    json_api = KepalaAman(None)
    _, kepala, isi = json_api.transform_first_chunk(
        404, HTTPHeaders({"Content-Type": "application/json"}), b'{"message": "x"}', True
    )
    assert isi == b'{"message": "x"}' and "Content-Security-Policy" in kepala


class PengelolaUji:
    """The part of a kernel manager `beri_tempat` uses; shutting down takes a moment (an await),
    as a real kernel's does, so requests arriving meanwhile interleave."""

    def __init__(self, pencatat):
        self.pencatat, self.ids = pencatat, set()

    def __contains__(self, kernel_id):
        return kernel_id in self.ids

    def list_kernel_ids(self):
        return list(self.ids)

    def get_pool_size(self, path):
        return 1  # the laptop-wide bound is not what this test is about

    async def shutdown_kernel(self, kernel_id, **_):
        self.pencatat.dimatikan(kernel_id)  # as PengelolaKernelTerjaga does, before awaiting
        await asyncio.sleep(0.01)
        self.ids.discard(kernel_id)

    def mulai(self, kernel_id):
        self.ids.add(kernel_id)
        self.pencatat.serahkan(kernel_id)


def test_batas_kernel_per_ponsel_tanpa_balapan(monkeypatch):
    """A phone holding its four kernels (pages reloaded: each may be replaced) sends six page
    requests at once: while one request waits for an old kernel to shut down, the others must
    not slip through. At no moment does the phone hold or wait for more than four."""
    from literasi.layanan import penjaga

    pencatat = penjaga.PencatatKernel()
    monkeypatch.setattr(penjaga, "PENCATAT", pencatat)
    km = PengelolaUji(pencatat)
    ip = "10.0.0.7"
    for i in range(penjaga.MAKS_KERNEL_PER_KLIEN):
        token = penjaga.PERMINTAAN.set(penjaga.Permintaan(ip))
        km.mulai(f"lama{i}")
        penjaga.PERMINTAAN.reset(token)
        pencatat.tersambung(f"lama{i}")
        pencatat.terputus(f"lama{i}")  # a reload: this page went away
    puncak = []

    async def halaman(n):
        permintaan = penjaga.Permintaan(ip)
        penjaga.PERMINTAAN.set(permintaan)
        status = await penjaga.beri_tempat(km, permintaan, "10.0.0.1", 100)
        if status is None:
            puncak.append(len(pencatat.milik(ip)) + pencatat.menunggu.get(ip, 0))
            await asyncio.sleep(0.02)  # the kernel starting
            km.mulai(f"baru{n}")
            puncak.append(len(pencatat.milik(ip)) + pencatat.menunggu.get(ip, 0))
            pencatat.selesai_meminta(permintaan)  # the page sent
        return status

    async def semua():
        return await asyncio.gather(*(halaman(n) for n in range(6)))

    hasil = asyncio.run(semua())
    assert max(puncak) <= penjaga.MAKS_KERNEL_PER_KLIEN, puncak
    assert len([k for k in pencatat.milik(ip) if k in km]) <= penjaga.MAKS_KERNEL_PER_KLIEN
    assert hasil.count(None) == penjaga.MAKS_KERNEL_PER_KLIEN and hasil.count(429) == 2
