"""Desa Cantik apps in Chromium, as a kelurahan officer uses them, on the office laptop
(1280×800) and on a phone (360×800): three files an office keeps (a per-RW summary with a title
and a JUMLAH row, a messy RT table, a wide table by age on a second sheet behind a note) go
through the file chooser of K02; the controls are reached by scrolling; the original bytes never
change. K03 gives an IKM and its PDF. Screenshots screen by screen in tests/_artefak/layar/."""

from __future__ import annotations

import sys
from pathlib import Path

import pytest
from playwright.sync_api import Page, expect

from conftest import ARTEFAK
from orang import gulir_ke, ketuk, potret_layar

sys.path.insert(0, str(Path(__file__).resolve().parents[1] / "unit"))
from korpus_kelurahan import korpus  # noqa: E402

pytestmark = pytest.mark.browser
TIGA = {
    "rw_judul_dan_jumlah": ("Tabel per RW", "Penduduk menurut RW"),
    "rw_banyak_masalah": ("Tabel per RW", "negatif"),
    "umur_lebar_dua_baris": ("kelompok umur sebagai kolom", "Piramida penduduk"),
}


def unggah_lewat_pemilih(page: Page, berkas: Path) -> None:
    """ipywidgets' FileUpload opens the system file chooser from its button, as for a person."""
    tombol = page.get_by_role("button", name="Pilih berkas").first
    expect(tombol).to_be_visible(timeout=90_000)
    gulir_ke(page, tombol, "the file chooser button")
    with page.expect_file_chooser() as pemilih:
        ketuk(page, tombol, "the file chooser button")
    pemilih.value.set_files(str(berkas))


@pytest.mark.parametrize("perangkat", ["laptop", "ponsel"])
@pytest.mark.parametrize("kunci", list(TIGA))
def test_k02_tiga_berkas_kantor(server_kit, buka_di, perangkat, kunci, tmp_path):
    b = korpus()[kunci]
    berkas = tmp_path / b.nama
    berkas.write_bytes(b.isi)
    page = buka_di(perangkat, server_kit.render_url("kelurahan/02_olah_data_kelurahan.ipynb"))
    unggah_lewat_pemilih(page, berkas)
    bentuk, isi = TIGA[kunci]
    kalimat = page.get_by_text(bentuk).first
    expect(kalimat).to_be_visible(timeout=60_000)
    gulir_ke(page, kalimat, "how the table was read")
    expect(page.get_by_text(isi).first).to_be_attached()
    unduh = page.get_by_role("button", name="Siapkan Excel dan PDF")
    gulir_ke(page, unduh, "the download button")
    ketuk(page, unduh, "the download button")
    tautan = page.get_by_role("link", name="Unduh PDF (siap cetak)")
    expect(tautan).to_be_visible(timeout=120_000)
    gulir_ke(page, tautan, "the PDF link")
    with page.expect_download() as unduhan:
        ketuk(page, tautan, "the PDF link")
    assert unduhan.value.path().read_bytes().startswith(b"%PDF-")
    assert berkas.read_bytes() == b.isi, "the officer's own file is never changed"
    assert page.evaluate("document.scrollingElement.scrollWidth") <= page.viewport_size["width"]
    potret_layar(page, ARTEFAK / "layar", f"k02_{kunci}_{perangkat}", batas=30)


@pytest.mark.parametrize("perangkat", ["laptop", "ponsel"])
def test_k03_hasil_ikm_dan_pdf(server_kit, buka_di, perangkat, tmp_path):
    page = buka_di(
        perangkat, server_kit.render_url("kelurahan/03_survei_kepuasan_masyarakat.ipynb")
    )
    # The result, not the folded objectives that mention the IKM.
    expect(page.get_by_text("IKM ").filter(visible=True).first).to_be_visible(timeout=90_000)
    populasi = page.get_by_role("textbox", name="Penerima layanan")
    gulir_ke(page, populasi, "the number of service users")
    ketuk(page, populasi, "the number of service users")
    page.keyboard.type("500")
    page.keyboard.press("Enter")
    expect(page.get_by_text("kurang dari sampel minimum 217").first).to_be_attached(timeout=30_000)
    unduh = page.get_by_role("button", name="Siapkan Excel dan PDF")
    gulir_ke(page, unduh, "the download button")
    ketuk(page, unduh, "the download button")
    tautan = page.get_by_role("link", name="Unduh laporan PDF (A4)")
    expect(tautan).to_be_visible(timeout=120_000)
    gulir_ke(page, tautan, "the PDF link")
    with page.expect_download() as unduhan:
        ketuk(page, tautan, "the PDF link")
    assert unduhan.value.path().read_bytes().startswith(b"%PDF-")
    assert page.evaluate("document.scrollingElement.scrollWidth") <= page.viewport_size["width"]
    potret_layar(page, ARTEFAK / "layar", f"k03_{perangkat}", batas=30)
