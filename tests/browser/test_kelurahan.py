"""Desa Cantik apps in Chromium, as a kelurahan officer uses them: on the office PC (a laptop,
1280×800, mouse) upload a messy file and leave with a PDF report; on a phone (360×800, touch),
get an IKM result and its PDF. Every button is reached by wheel or swipe and seen on the
screen before it is clicked or tapped (tests/orang.py)."""

from __future__ import annotations

import re

import pytest
from playwright.sync_api import expect

from conftest import ARTEFAK
from literasi.kelurahan.validasi import berkas_contoh_bermasalah
from orang import gulir_ke, ketuk, posisi, potret_layar

pytestmark = pytest.mark.browser


def test_unggah_berkas_bermasalah_sampai_laporan_pdf(server_kit, buka_di, tmp_path):
    berkas = tmp_path / "data_rw_kelurahan.csv"
    berkas.write_bytes(berkas_contoh_bermasalah())
    asli = berkas.read_bytes()
    page = buka_di("laptop", server_kit.render_url("kelurahan/02_olah_data_kelurahan.ipynb"))
    pilih = page.get_by_role("button", name="Pilih berkas (.xlsx/.csv)")
    expect(pilih).to_be_visible(timeout=90_000)
    gulir_ke(page, pilih, "Pilih berkas")
    assert posisi(page) > 0, "the upload button is below the first screen"
    # ipywidgets' FileUpload opens the system file chooser from its button, as for a person.
    with page.expect_file_chooser() as pemilih:
        ketuk(page, pilih, "Pilih berkas")
    pemilih.value.set_files(str(berkas))
    laporan = page.get_by_text("Hasil pemeriksaan berkas").first
    expect(laporan).to_be_attached(timeout=60_000)
    gulir_ke(page, laporan, "the check report")
    # Every problem names its row and column, in Indonesian.
    nama_berkas = page.get_by_text("data_rw_kelurahan.csv").first
    gulir_ke(page, nama_berkas, "the file's name in the report")
    masalah = page.locator(".widget-html").filter(has_text="baris").first
    gulir_ke(page, masalah, "a problem naming its row")
    siapkan = page.get_by_role("button", name="Siapkan Excel dan PDF")
    gulir_ke(page, siapkan, "Siapkan Excel dan PDF")
    ketuk(page, siapkan, "Siapkan Excel dan PDF")
    tautan = page.get_by_role("link", name="Unduh PDF (siap cetak)")
    expect(tautan).to_be_attached(timeout=120_000)
    gulir_ke(page, tautan, "the PDF link")
    with page.expect_download() as unduhan:
        ketuk(page, tautan, "the PDF link")
    pdf = unduhan.value.path().read_bytes()
    assert pdf.startswith(b"%PDF-")
    assert berkas.read_bytes() == asli, "the officer's own file is never changed"
    potret_layar(page, ARTEFAK / "layar", "kelurahan_02_setelah_unggah_laptop")


def test_hasil_ikm_dan_pdf_di_ponsel(server_kit, buka_di):
    page = buka_di("ponsel", server_kit.render_url("kelurahan/03_survei_kepuasan_masyarakat.ipynb"))
    ikm = page.get_by_text("IKM ").first
    expect(ikm).to_be_attached(timeout=90_000)
    gulir_ke(page, ikm, "the IKM result")
    # The grade in the result ("mutu B"), not the folded objectives that mention it.
    mutu = page.get_by_text(re.compile(r"\bmutu [A-D]\b")).filter(visible=True).first
    gulir_ke(page, mutu, "the service quality grade")
    siapkan = page.get_by_role("button", name="Siapkan Excel dan PDF")
    gulir_ke(page, siapkan, "Siapkan Excel dan PDF")
    ketuk(page, siapkan, "Siapkan Excel dan PDF")
    tautan = page.get_by_role("link", name="Unduh laporan PDF (A4)")
    expect(tautan).to_be_attached(timeout=120_000)
    gulir_ke(page, tautan, "the PDF link")
    with page.expect_download() as unduhan:
        ketuk(page, tautan, "the PDF link")
    assert unduhan.value.path().read_bytes().startswith(b"%PDF-")
    assert page.evaluate("document.scrollingElement.scrollWidth") <= 360
