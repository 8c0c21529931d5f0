"""Accessibility audit of every app with axe-core (from npm, injected by Playwright).

No "critical" or "serious" violation is allowed. A plain Voilà page has both: a chart PNG
without alt text and a slider without an accessible name. The page is opened on the phone a
student holds (360×800, touch; tests/orang.py), never resized; the audit then reads the whole
page, folded sections included, as a screen reader does.
"""

from __future__ import annotations

import pytest
from playwright.sync_api import expect

from conftest import pelanggaran_berat, semua_notebook

pytestmark = pytest.mark.browser


@pytest.mark.parametrize("notebook", semua_notebook())
def test_tanpa_pelanggaran_berat(server_kit, buka_di, notebook):
    page = buka_di("ponsel", server_kit.render_url(notebook))
    expect(page.locator("#rendered_cells")).to_be_visible(timeout=90_000)
    page.wait_for_load_state("networkidle")
    berat = pelanggaran_berat(page)
    assert not berat, "\n".join(berat)


def test_halaman_pemain_kuis(server_kit, buka_di):
    """Kuis Kelas's player page (served without a kernel); its other screens are audited in
    test_kuis_di_peramban.py."""
    page = buka_di("ponsel", server_kit.url + "kuis")
    expect(page.get_by_role("heading", name="Gabung ke kuis")).to_be_visible(timeout=30_000)
    berat = pelanggaran_berat(page)
    assert not berat, "\n".join(berat)


def test_halaman_umpan_balik(server_kit, buka_di):
    """Umpan Balik Sesi's phone page (served without a kernel); its questionnaire is audited in
    test_umpan_balik_sesi.py."""
    page = buka_di("ponsel", server_kit.url + "umpan")
    expect(page.get_by_role("heading", name="Beri penilaian untuk sesi ini")).to_be_visible(
        timeout=30_000
    )
    berat = pelanggaran_berat(page)
    assert not berat, "\n".join(berat)
