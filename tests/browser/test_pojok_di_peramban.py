"""The Pojok Statistik corner in Chromium, as a visitor uses it.

On a 360×800 phone a visitor swipes down the corner's landing page to the third path, taps its
first app, and uses it; while the visitor keeps touching the page stays; once the visitor walks
away, the page goes back to the corner's landing page by itself (`--pojok-diam 0,25`: 15 s here,
3 minutes by default). Screenshots of the landing page at 360 and 1280 px and of the A4 poster.
"""

from __future__ import annotations

import re
import time

import pytest
from playwright.sync_api import expect

from conftest import (
    ARTEFAK,
    REPO,
    lingkungan_terisolasi,
    perintah_serve,
    port_bebas,
    server_berjalan,
)
from orang import gerak, gulir_ke, ketuk, potret_layar

pytestmark = pytest.mark.browser
DIAM_DETIK = 15  # --pojok-diam 0,25
LANGKAH_14 = "Mencari dan mengutip data BPS"


@pytest.fixture(scope="module")
def server_pojok(tmp_path_factory):
    tmp = tmp_path_factory.mktemp("pojok_peramban")
    port = port_bebas()
    url = f"http://127.0.0.1:{port}/"
    perintah = perintah_serve(
        "--port",
        str(port),
        "--pojok",
        "--pojok-diam",
        "0,25",
        "--pelajaran",
        "14",
        "--kolam",
        "1",
    )
    with server_berjalan(
        perintah, url, ARTEFAK / "server_pojok_peramban.log", lingkungan_terisolasi(tmp), tmp
    ):
        yield url


def test_pengunjung_ke_jalur_lalu_kembali_ke_beranda_saat_diam(server_pojok, buka_di):
    page = buka_di("ponsel", server_pojok)
    beranda = page.url
    assert beranda.endswith("/voila/render/index.ipynb")
    expect(page.get_by_role("heading", name="Pojok Statistik BPS Kota Pekalongan")).to_be_visible()
    assert page.evaluate("document.scrollingElement.scrollWidth") <= 360
    potret_layar(page, ARTEFAK / "layar", "pojok_beranda_ponsel")

    jalur = page.locator("section.pojok-jalur", has_text="Mencari data")
    tautan = jalur.get_by_role("link", name=LANGKAH_14).first
    gulir_ke(page, tautan, "path 3's first app")
    ketuk(page, tautan, "path 3's first app")
    page.wait_for_url("**/siswa/14_mencari_dan_mengutip_data_bps.ipynb", timeout=30_000)
    expect(page.locator("#loading")).to_have_count(0, timeout=90_000)
    expect(page.locator("h1", has_text=LANGKAH_14)).to_be_visible()

    # A visitor who keeps swiping stays on the app past the idle time.
    akhir = time.monotonic() + DIAM_DETIK * 1.3
    while time.monotonic() < akhir:
        terakhir = time.monotonic()  # the swipe's events all come after this instant
        gerak(page, 120)
        time.sleep(3)
        assert "14_mencari" in page.url, "returned to the landing page while in use"

    # Then the visitor walks away: the page returns to the corner's landing page by itself.
    page.wait_for_url(beranda, timeout=(DIAM_DETIK + 10) * 1000)
    assert time.monotonic() - terakhir >= DIAM_DETIK - 0.3, "returned before the idle time"
    expect(page.get_by_role("heading", name="Pojok Statistik BPS Kota Pekalongan")).to_be_visible()


def test_beranda_di_laptop_dan_poster(server_pojok, buka_di, tmp_path):
    page = buka_di("laptop", server_pojok)
    expect(page.locator("section.pojok-jalur")).to_have_count(3)
    # On a wide screen the three paths sit side by side.
    tops = [page.locator("section.pojok-jalur").nth(i).bounding_box()["y"] for i in range(3)]
    assert max(tops) - min(tops) < 1
    potret_layar(page, ARTEFAK / "layar", "pojok_beranda_laptop")

    from literasi.layanan.pojok import html_poster

    poster = tmp_path / "poster.html"
    poster.write_text(html_poster(server_pojok, "Perpusda Kota Pekalongan", REPO), "utf-8")
    kertas = buka_di("laptop", poster.as_uri())
    potret_layar(kertas, ARTEFAK / "layar", "pojok_poster")
    pdf = kertas.pdf(format="A4", print_background=True, prefer_css_page_size=True)
    halaman = re.findall(rb"/Type\s*/Page(?!s)", pdf)
    assert len(halaman) == 1, "the poster fits on one A4 page"
