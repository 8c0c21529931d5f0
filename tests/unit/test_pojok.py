"""Pojok Statistik: the visitors' landing page, the three paths, the poster and the staff guide
(literasi.layanan.pojok). The server's refusal of teacher apps is tested over HTTP in
tests/voila/test_pojok_server.py, the idle return in Chromium in
tests/browser/test_pojok_di_peramban.py."""

from __future__ import annotations

import argparse
import json
import re
from pathlib import Path

import pytest

from literasi.layanan import pojok
from literasi.layanan.cli import buat_parser
from literasi.layanan.server import rencana_kolam

REPO = Path(__file__).resolve().parents[2]
NOTEBOOKS = REPO / "notebooks"
PANDUAN = REPO / pojok.PANDUAN


def metadata(notebook: str) -> dict:
    nb = json.loads((NOTEBOOKS / notebook).read_text(encoding="utf-8"))
    return nb["metadata"]["literasi"]


def judul_bagian(notebook: str) -> list[str]:
    nb = json.loads((NOTEBOOKS / notebook).read_text(encoding="utf-8"))
    return [
        baris[3:].strip()
        for sel in nb["cells"]
        if sel["cell_type"] == "markdown"
        for baris in "".join(sel["source"]).splitlines()
        if baris.startswith("## ")
    ]


@pytest.fixture(scope="module")
def beranda() -> str:
    return pojok.halaman_pojok(NOTEBOOKS, "http://192.168.1.10:8866/")


def test_tiga_jalur_10_sampai_15_menit():
    assert [j.judul for j in pojok.JALUR] == ["Kota dalam angka", "Membaca grafik", "Mencari data"]
    for jalur in pojok.JALUR:
        assert 10 <= jalur.menit <= 15, jalur


@pytest.mark.parametrize(
    "langkah", [lk for j in pojok.JALUR for lk in j.langkah], ids=lambda lk: lk.bagian
)
def test_langkah_membuka_bagian_yang_ada_di_aplikasi_siswa(langkah):
    assert (NOTEBOOKS / langkah.notebook).is_file()
    assert metadata(langkah.notebook).get("audiens", "siswa") == "siswa"
    assert langkah.bagian in judul_bagian(langkah.notebook)
    # A step is a part of the lesson, never longer than the whole lesson.
    assert 0 < langkah.menit <= metadata(langkah.notebook)["menit"]


def test_beranda_hanya_jalur_tanpa_aplikasi_guru_atau_kelurahan(beranda):
    tautan = re.findall(r"<a href='([^']+)'", beranda)
    assert tautan, "the landing page links the paths' apps"
    for href in tautan:
        assert (NOTEBOOKS / href).is_file(), href
        assert metadata(href).get("audiens", "siswa") == "siswa", href
    assert sorted(set(tautan)) == sorted({lk.notebook for j in pojok.JALUR for lk in j.langkah})
    assert "kelas/9" not in beranda and "kelurahan/" not in beranda
    assert "Untuk guru" not in beranda and "class='literasi-kartu'" not in beranda
    assert beranda.count("class='pojok-jalur'") == 3
    for jalur in pojok.JALUR:
        assert f"± {jalur.menit} menit" in beranda


def test_beranda_huruf_besar_qr_dan_pengembali(beranda):
    assert "<body class='jp-Notebook literasi-statis literasi-pojok'" in beranda
    besar = re.search(r"body\.literasi-pojok \{ font-size: (\d+)px", pojok.css_pojok())
    assert besar and int(besar.group(1)) >= 20
    assert 'aria-label="Kode QR menuju http://192.168.1.10:8866/"' in beranda
    assert "literasi_pojok_diam" in beranda  # static/pojok.js, inlined
    assert "<svg" not in pojok.halaman_pojok(NOTEBOOKS)


def test_kontak_bps_dibaca_dari_panduan_petugas(beranda):
    kontak = pojok.kontak_bps(REPO)
    assert len(kontak) == 3
    assert any("pekalongankota.bps.go.id" in k for k in kontak)
    assert any("Syawalan" in k and re.search(r"08\d\d-\d{4}-\d{4}", k) for k in kontak)
    assert "<strong>pekalongankota.bps.go.id</strong>" in beranda


def test_poster_a4_qr_jalur_dan_kontak():
    poster = pojok.html_poster("http://10.0.0.5:8866/", "Perpusda Kota Pekalongan", REPO)
    assert "@page { size: A4" in poster
    assert "Kode QR menuju http://10.0.0.5:8866/" in poster
    assert "Perpusda Kota Pekalongan" in poster
    assert "<a " not in poster  # paper has no links
    for jalur in pojok.JALUR:
        assert f"{jalur.judul} <span class='pojok-menit'>± {jalur.menit} menit" in poster
    assert "Syawalan" in poster and "pekalongankota.bps.go.id" in poster


def test_poster_tanpa_alamat_lan_memberi_pesan(tmp_path, monkeypatch, capsys):
    from literasi.layanan import server

    monkeypatch.setattr(server, "alamat_lan", lambda: None)  # a laptop with no Wi-Fi
    assert pojok.main(["--keluar", str(tmp_path / "p.html")]) == 2
    assert "belum tersambung ke Wi-Fi" in capsys.readouterr().err
    assert not (tmp_path / "p.html").exists()


def test_perintah_poster_menulis_html(tmp_path, capsys):
    from literasi.layanan.cli import main

    keluar = tmp_path / "poster.html"
    assert main(["pojok-poster", "--alamat", "http://10.0.0.5:8866/", "--keluar", str(keluar)]) == 0
    assert "Kode QR menuju http://10.0.0.5:8866/" in keluar.read_text(encoding="utf-8")
    assert "poster.html" in capsys.readouterr().out


def test_panduan_petugas_sama_dengan_jalur_dan_bisa_dicetak():
    from literasi.layanan.cetak import bangun_html, daftar_markdown

    teks = PANDUAN.read_text(encoding="utf-8")
    for bagian in ("## Membuka pojok", "## Bila terjadi masalah", "## Menutup pojok"):
        assert bagian in teks
    for i, jalur in enumerate(pojok.JALUR, 1):
        assert re.search(rf"\| {i}\. {jalur.judul} \|[^\n]*\| ± {jalur.menit} menit \|", teks)
    assert f"{pojok.DIAM_BAWAAN:.0f} menit" in teks
    assert PANDUAN in daftar_markdown(REPO / "lessons")  # `literasi cetak` prints it
    assert "<h1>Pojok Statistik: panduan petugas pojok</h1>" in bangun_html(PANDUAN)


def test_pilihan_serve_pojok():
    args = buat_parser().parse_args(["serve", "--pojok", "--pojok-diam", "0,5"])
    assert args.pojok and args.pojok_diam == 0.5
    assert buat_parser().parse_args(["serve"]).pojok_diam == pojok.DIAM_BAWAAN
    for salah in ("0", "-2", "tiga"):
        with pytest.raises(argparse.ArgumentTypeError, match="lebih dari 0"):
            pojok.menit_positif(salah)


def test_nyalakan_menulis_detik_dan_pesan(monkeypatch):
    # setenv records that the variable was absent, so teardown removes what nyalakan writes.
    monkeypatch.setenv(pojok.ENV_DIAM, "")
    assert pojok.detik_diam() is None
    assert "setelah 0,1 menit" in pojok.nyalakan(0.1)
    assert pojok.detik_diam() == 6
    assert "setelah 3 menit" in pojok.nyalakan(3)
    assert pojok.detik_diam() == 180


def test_kolam_pojok_tanpa_aplikasi_guru():
    jalur = {lk.notebook for j in pojok.JALUR for lk in j.langkah}
    assert pojok.rencana_kolam(NOTEBOOKS, None, None) == {nb: pojok.KOLAM_POJOK for nb in jalur}
    semua = pojok.rencana_kolam(NOTEBOOKS, ["semua"], 1)
    guru = {"kelas/91_dasbor_sensus_kelas.ipynb", "kelas/92_kuis_kelas.ipynb"}
    assert guru <= set(rencana_kolam(NOTEBOOKS, ["semua"], 1)), "the class server warms them"
    assert not guru & set(semua) and "siswa/03_ukuran_pemusatan.ipynb" in semua
    assert all(pojok.untuk_guru(NOTEBOOKS / nb) for nb in guru)
