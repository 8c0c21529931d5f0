"""Desa Cantik apps in Chromium, as a kelurahan officer uses them: on the office PC (1366×768)
upload a messy file and leave with a PDF report; on a phone, get an IKM result and its PDF."""

from __future__ import annotations

import pytest
from playwright.sync_api import Page, expect

from conftest import ARTEFAK
from literasi.kelurahan.validasi import berkas_contoh_bermasalah

pytestmark = pytest.mark.browser


def test_unggah_berkas_bermasalah_sampai_laporan_pdf(server_kit, page: Page, tmp_path):
    berkas = tmp_path / "data_rw_kelurahan.csv"
    berkas.write_bytes(berkas_contoh_bermasalah())
    asli = berkas.read_bytes()
    page.set_viewport_size({"width": 1366, "height": 768})
    page.goto(server_kit.render_url("kelurahan/02_olah_data_kelurahan.ipynb"))
    expect(page.get_by_role("button", name="Siapkan Excel dan PDF")).to_be_visible(timeout=90_000)
    # ipywidgets' FileUpload opens the system file chooser from its button, as for a person.
    with page.expect_file_chooser() as pemilih:
        page.get_by_role("button", name="Pilih berkas (.xlsx/.csv)").click()
    pemilih.value.set_files(str(berkas))
    laporan = page.get_by_text("Hasil pemeriksaan berkas").first
    expect(laporan).to_be_visible(timeout=60_000)
    # Every problem names its row and column, in Indonesian.
    expect(page.get_by_text("data_rw_kelurahan.csv").first).to_be_visible(timeout=60_000)
    expect(page.locator(".widget-html").filter(has_text="baris").first).to_be_visible()
    page.get_by_role("button", name="Siapkan Excel dan PDF").click()
    tautan = page.get_by_role("link", name="Unduh PDF (siap cetak)")
    expect(tautan).to_be_visible(timeout=120_000)
    with page.expect_download() as unduhan:
        tautan.click()
    pdf = unduhan.value.path().read_bytes()
    assert pdf.startswith(b"%PDF-")
    assert berkas.read_bytes() == asli, "the officer's own file is never changed"
    ARTEFAK.mkdir(exist_ok=True)
    page.screenshot(path=str(ARTEFAK / "kelurahan_02_setelah_unggah_kantor.png"), full_page=True)


def test_hasil_ikm_dan_pdf_di_ponsel(server_kit, page: Page):
    page.set_viewport_size({"width": 360, "height": 800})
    page.goto(server_kit.render_url("kelurahan/03_survei_kepuasan_masyarakat.ipynb"))
    expect(page.get_by_text("IKM ").first).to_be_visible(timeout=90_000)
    expect(page.get_by_text("mutu").first).to_be_visible()
    page.get_by_role("button", name="Siapkan Excel dan PDF").click()
    tautan = page.get_by_role("link", name="Unduh laporan PDF (A4)")
    expect(tautan).to_be_visible(timeout=120_000)
    with page.expect_download() as unduhan:
        tautan.click()
    assert unduhan.value.path().read_bytes().startswith(b"%PDF-")
    assert page.evaluate("document.scrollingElement.scrollWidth") <= 360
