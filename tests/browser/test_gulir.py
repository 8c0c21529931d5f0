"""Every kind of page scrolls the way people scroll: wheel, keyboard and finger.

Apps are long (4 to 6 screens on a phone); what is below the first screen must be reachable.
This failed on every Voilà app until the kit's template let the page itself scroll (Voilà's
JupyterLab shell is as high as the screen and hides what overflows it).
"""

from __future__ import annotations

import pytest
from playwright.sync_api import expect

from orang import gerak, posisi, tunggu_diam

pytestmark = pytest.mark.browser

CONTOH = [
    "siswa/00_kota_pekalongan_di_jawa_tengah.ipynb",
    "kelurahan/02_olah_data_kelurahan.ipynb",
    "kelas/90_sensus_kelas.ipynb",
]


def buka_aplikasi(buka_di, perangkat, url):
    page = buka_di(perangkat, url)
    expect(page.locator("#rendered_cells")).to_be_visible(timeout=90_000)
    # The first widget on screen (folded sections keep theirs hidden until opened).
    expect(page.locator(".jupyter-widgets:visible").first).to_be_visible(timeout=60_000)
    page.wait_for_load_state("networkidle")
    tinggi = page.evaluate("document.scrollingElement.scrollHeight")
    assert tinggi > page.viewport_size["height"] * 1.5, f"page only {tinggi} px high"
    return page


@pytest.mark.parametrize("notebook", CONTOH)
def test_roda_dan_papan_ketik(server_kit, buka_di, notebook):
    page = buka_aplikasi(buka_di, "laptop", server_kit.render_url(notebook))
    assert gerak(page, 300) > 250, "the wheel does not scroll the page"
    for tombol in ("PageDown", "Space"):
        sebelum = posisi(page)
        page.keyboard.press(tombol)
        assert tunggu_diam(page) > sebelum + 300, f"{tombol} does not scroll the page"
    page.keyboard.press("Home")
    assert tunggu_diam(page) == 0


@pytest.mark.parametrize("notebook", CONTOH)
def test_jari_menggeser(server_kit, buka_di, notebook):
    page = buka_aplikasi(buka_di, "ponsel", server_kit.render_url(notebook))
    assert gerak(page, 400) > 300, "a swipe does not scroll the page"
    assert gerak(page, -200) < -150, "a swipe back does not scroll up"


def test_tab_membawa_ke_kontrol_di_bawah(server_kit, buka_di):
    """Tab moves focus down the page, and the page follows the focus below the first screen."""
    page = buka_aplikasi(buka_di, "laptop", server_kit.render_url(CONTOH[0]))
    tinggi = page.viewport_size["height"]
    for _ in range(120):
        page.keyboard.press("Tab")
        y_dokumen = page.evaluate(
            "(() => { const r = document.activeElement.getBoundingClientRect();"
            " return r.top + document.scrollingElement.scrollTop; })()"
        )
        if y_dokumen > tinggi * 1.5:
            break
    else:
        pytest.fail("Tab never reached a control below the first screen")
    tunggu_diam(page)
    assert posisi(page) > 0
    atas, bawah = page.evaluate(
        "(() => { const r = document.activeElement.getBoundingClientRect();"
        " return [r.top, r.bottom]; })()"
    )
    assert 0 <= atas and bawah <= tinggi, "the focused control is not on the screen"
