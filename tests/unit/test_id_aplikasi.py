"""One name per app: its short id (03, K03, 90) is on its landing card and at the top of its
guide, the same id `literasi serve --pelajaran` takes (literasi.aplikasi.id_aplikasi)."""

from __future__ import annotations

import re
from pathlib import Path

import pytest

from literasi.aplikasi import id_aplikasi
from literasi.layanan.beranda import html_beranda, katalog

REPO = Path(__file__).resolve().parents[2]
NOTEBOOKS = REPO / "notebooks"
APLIKASI = sorted(p.relative_to(NOTEBOOKS).as_posix() for p in NOTEBOOKS.glob("*/*.ipynb"))


def test_id_unik():
    ids = [id_aplikasi(a) for a in APLIKASI]
    assert len(set(ids)) == len(ids), ids


def test_id_di_kartu_beranda():
    html = html_beranda(katalog(NOTEBOOKS))
    kartu = re.findall(r"<a class='literasi-kartu' href='([^']+)'>(.*?)</a>", html)
    assert [k[0] for k in kartu] and len(kartu) == len(APLIKASI)
    for path, isi in kartu:
        nomor = re.search(r"<span class='literasi-kartu-id'[^>]*>([^<]+)</span>", isi)
        assert nomor and nomor.group(1) == id_aplikasi(path), path


@pytest.mark.parametrize("aplikasi", APLIKASI)
def test_id_di_awal_panduan(aplikasi):
    panduan = REPO / "lessons" / Path(aplikasi).with_suffix(".md")
    awal = panduan.read_text(encoding="utf-8").split("\n")[:4]
    nomor = id_aplikasi(aplikasi)
    assert f"**Nomor aplikasi: {nomor}**" in "\n".join(awal), panduan
    assert f"--pelajaran {nomor}`" in "\n".join(awal)


def test_kode_qr_ringkas_dan_besar():
    """LAN mode: the card holds a small code beside the address; #qr-besar shows a full-screen
    one for the projector, with the address once more and a way back."""
    html = html_beranda(katalog(NOTEBOOKS), "http://192.168.1.5:8866/")
    kartu, besar = html.split("<section id='qr-besar'", 1)
    assert kartu.count("<svg") == 1 and "href='#qr-besar'" in kartu
    assert besar.count("<svg") == 1 and "192.168.1.5:8866" in besar.split("</section>")[0]
    assert "href='#judul-qr'>Tutup</a>" in besar
