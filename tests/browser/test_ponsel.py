"""Every app laid out for the phone a student holds (360×800, touch) and the teacher's laptop
(1280×800), checked the way a person meets it (tests/orang.py):

- the first control is within 1,5 screens of the top (objectives and the data folded, a jump
  bar under the title); a person reaches it with a swipe or two;
- the chart's controls and the chart itself fit one screen: pull the controls to the top of the
  screen and the whole chart is there too, so a tap shows its effect;
- every control is at least 44×44 px; exercise boxes fit their card; no chart is drawn for
  fewer pixels than it is shown with (2 device pixels per CSS px on the phone);
- the jump bar takes a person to a section; the browser tab shows the app's title;
- on the laptop, controls use 16 px text like the prose, and app pages share the landing
  page's background.

tests/benchmark/ponsel.py prints the same measures as a table.
"""

from __future__ import annotations

import importlib
import json
import re

import pytest
from playwright.sync_api import Page, expect

from conftest import ARTEFAK, NOTEBOOKS, semua_notebook
from literasi.aplikasi import modul_notebook
from orang import (
    bawa_ke_atas,
    di_layar,
    gulir_ke,
    ketuk,
    kotak,
    posisi,
    potret_layar,
    tunggu_soal_lengkap,
)

pytestmark = pytest.mark.browser

APLIKASI = [nb for nb in semua_notebook() if nb != "index.ipynb"]
# The class survey and the class quiz show a chart only once answers exist (test_sensus_*.py,
# test_kuis_di_peramban.py); session feedback shows tables, no chart (test_umpan_balik_*.py).
TANPA_GRAFIK = {
    "kelas/90_sensus_kelas.ipynb",
    "kelas/91_dasbor_sensus_kelas.ipynb",
    "kelas/92_kuis_kelas.ipynb",
    "kelas/93_umpan_balik_sesi.ipynb",
}
LAYAR_KE_KONTROL = 1.5
SENTUH = 44  # px
# Everything a finger taps (a radio or checkbox is tapped on its whole row, a slider on its
# track, a folded section on its heading).
KONTROL_JS = """() => {
  const tampak = el => el.offsetParent !== null && !el.closest('details:not([open])');
  const sasaran = el => {
    if (el.matches('input[type=radio], input[type=checkbox]')) return el.closest('label') || el;
    if (el.matches('.noUi-handle')) return el.closest('.slider-container') || el;
    return el;
  };
  const semua = [...document.querySelectorAll(
    '#rendered_cells button, #rendered_cells input, #rendered_cells select, ' +
    '#rendered_cells textarea, #rendered_cells .noUi-handle, #rendered_cells summary, ' +
    '#rendered_cells a.literasi-unduh, nav.literasi-lompat a')].filter(tampak);
  const y = el => el.getBoundingClientRect().top + document.scrollingElement.scrollTop;
  return semua.map(el => {
    const s = sasaran(el), r = s.getBoundingClientRect();
    const nama = el.getAttribute('aria-label') || el.textContent || el.value || el.tagName;
    return {nama: nama.trim().slice(0, 40), tag: el.tagName, lebar: r.width, tinggi: r.height,
            bawah: y(s) + r.height, navigasi: el.matches('summary, nav a')};
  });
}"""


def jumlah_soal(notebook: str) -> int:
    """Exercises of the app, from its module (literasi.aplikasi): the cards the page must show."""
    modul = importlib.import_module(modul_notebook(NOTEBOOKS / notebook))
    return len(modul.semua_soal()) if hasattr(modul, "semua_soal") else 0


def buka(buka_di, perangkat: str, url: str, notebook: str | None = None) -> Page:
    page = buka_di(perangkat)
    # Voilà answers once the notebook has run: a kernel not from the pool takes its time.
    page.goto(url, timeout=120_000)
    expect(page.locator("#rendered_cells")).to_be_visible(timeout=90_000)
    expect(page.locator(".jupyter-widgets").first).to_be_attached(timeout=60_000)
    page.wait_for_load_state("networkidle")
    if notebook and (jumlah := jumlah_soal(notebook)):  # every check below sees them too
        tunggu_soal_lengkap(page, jumlah)
    return page


def kontrol_grafik(page: Page):
    """The first control that drives a chart (a chart follows it), its whole row of controls,
    and that chart."""
    pilih = ".widget-toggle-buttons, .widget-dropdown, .widget-slider"
    expect(page.locator("figure.literasi-grafik img").first).to_be_attached(timeout=60_000)
    i = page.evaluate(
        """(pilih) => [...document.querySelectorAll(pilih)].findIndex(k => document.evaluate(
             "following::figure[contains(@class,'literasi-grafik')]", k, null, 9, null)
             .singleNodeValue)""",
        pilih,
    )
    assert i >= 0, "no control before a chart"
    kontrol = page.locator(pilih).nth(i)
    baris = kontrol.locator("xpath=ancestor::div[contains(@class,'literasi-baris')][1]")
    strip = baris if baris.count() else kontrol
    grafik = kontrol.locator("xpath=following::figure[contains(@class,'literasi-grafik')][1]//img")
    return strip, grafik


@pytest.mark.parametrize("notebook", APLIKASI)
def test_ponsel(server_kit, buka_di, notebook):
    page = buka(buka_di, "ponsel", server_kit.render_url(notebook), notebook)
    tinggi_layar = page.viewport_size["height"]
    judul = json.loads((NOTEBOOKS / notebook).read_text(encoding="utf-8"))["cells"][0]["source"]
    assert page.title() == "".join(judul).split("\n")[0].removeprefix("# ").strip()

    kontrol = page.evaluate(KONTROL_JS)
    pertama = next(k for k in kontrol if not k["navigasi"])
    layar = pertama["bawah"] / tinggi_layar
    assert layar <= LAYAR_KE_KONTROL, (
        f"the first control ({pertama['nama']!r}) ends {layar:.2f} screens down"
    )
    kecil = [k for k in kontrol if k["lebar"] < SENTUH - 0.5 or k["tinggi"] < SENTUH - 0.5]
    assert not kecil, f"smaller than {SENTUH}×{SENTUH} px: {kecil[:4]}"

    # Exercise boxes fit their card: nothing in a box reaches past its right edge.
    keluar = page.evaluate(
        """() => [...document.querySelectorAll('.literasi-kartu-soal')].flatMap(k => {
             const tepi = k.getBoundingClientRect().right;
             return [...k.querySelectorAll('*')].filter(e => e.offsetParent !== null)
               .filter(e => e.getBoundingClientRect().right > tepi + 0.5)
               .map(e => e.className.toString().slice(0, 40) || e.tagName); })"""
    )
    assert not keluar, f"past the edge of an exercise box: {keluar[:4]}"
    assert page.evaluate("document.scrollingElement.scrollWidth") <= 360
    # A swipe that starts anywhere moves the page: nothing inside it scrolls on its own (a box
    # of controls 6 px too short once took every swipe that began on its buttons).
    penggulir = page.evaluate(
        """() => [...document.querySelectorAll('#rendered_cells *')].filter(e => {
             const s = getComputedStyle(e).overflowY;
             return (s === 'auto' || s === 'scroll') && e.scrollHeight > e.clientHeight + 1;
           }).map(e => [e.className.toString().slice(0, 50), e.scrollHeight, e.clientHeight])"""
    )
    assert not penggulir, f"boxes that scroll inside the page: {penggulir[:4]}"

    # Charts drawn for what they are shown on: 2 device px per CSS px on this phone.
    gambar = page.evaluate(
        """() => [...document.querySelectorAll('figure.literasi-grafik img')]
             .filter(i => i.offsetParent !== null && !i.closest('details:not([open])'))
             .map(i => [i.naturalWidth, i.getBoundingClientRect().width, devicePixelRatio])"""
    )
    for asli, tampil, rasio in gambar:
        assert asli >= tampil * rasio - 1, f"a {asli}-px chart shown {tampil:.0f} px wide"

    # A person reaches the first control, then pulls the chart's controls to the top of the
    # screen: the whole chart is there too.
    pertama_el = (
        page.locator("#rendered_cells")
        .locator("input, button, select, textarea, .noUi-handle")
        .first
    )
    gulir_ke(page, pertama_el, "the first control")
    if notebook not in TANPA_GRAFIK:
        strip, grafik = kontrol_grafik(page)
        expect(grafik).to_be_attached(timeout=60_000)
        bawa_ke_atas(page, strip, "the chart's controls", ruang=24)
        assert di_layar(page, strip), f"controls not on screen: {kotak(strip)}"
        assert di_layar(page, grafik), (
            f"the chart is not on the same screen as its controls: controls {kotak(strip)}, "
            f"chart {kotak(grafik)}"
        )
    potret_layar(page, ARTEFAK / "layar", f"tata_{notebook.replace('/', '_')[:-6]}_ponsel", 4)


@pytest.mark.parametrize(
    "notebook",
    [
        "siswa/00_kota_pekalongan_di_jawa_tengah.ipynb",
        "kelurahan/03_survei_kepuasan_masyarakat.ipynb",
    ],
)
def test_lompat_ke_bagian(server_kit, buka_di, notebook):
    """The jump bar under the title takes a person to a section with one tap."""
    page = buka(buka_di, "ponsel", server_kit.render_url(notebook))
    bar = page.get_by_role("navigation", name="Bagian aplikasi")
    tautan = bar.get_by_role("link")
    assert tautan.count() >= 2
    terakhir = tautan.last
    nama = terakhir.inner_text()
    gulir_ke(page, terakhir, "the jump bar")
    ketuk(page, terakhir, f"jump to {nama}")
    target = page.locator(f"h2[id='{terakhir.get_attribute('href')[1:]}']")
    expect(target).to_be_in_viewport(timeout=5_000)
    assert posisi(page) > page.viewport_size["height"], "the page did not jump down"


def test_ringkasan_tujuan_bisa_dibuka(server_kit, buka_di):
    """The objectives are folded, not gone: a tap opens them."""
    page = buka(buka_di, "ponsel", server_kit.render_url(APLIKASI[2]))
    ringkas = page.locator("details.literasi-tujuan > summary")
    expect(ringkas).to_contain_text(re.compile(r"(Kamu|Anda) akan bisa: \d hal · ± \d+ menit"))
    daftar = page.locator("details.literasi-tujuan ol")
    expect(daftar).to_be_hidden()
    ketuk(page, ringkas, "the objectives")
    expect(daftar).to_be_visible()
    assert daftar.locator("li").count() >= 3


@pytest.mark.parametrize("notebook", APLIKASI)
def test_laptop(server_kit, buka_di, notebook):
    page = buka(buka_di, "laptop", server_kit.render_url(notebook), notebook)
    huruf = page.evaluate(
        """() => {
          const tampak = el => el.offsetParent !== null && !el.closest('details:not([open])');
          const px = el => parseFloat(getComputedStyle(el).fontSize);
          const prosa = [...document.querySelectorAll('.jp-RenderedHTMLCommon p')].filter(tampak)
            .filter(p => !p.matches('.literasi-sumber, .literasi-kecil'));  // source lines
          const kontrol = [...document.querySelectorAll(
            '#rendered_cells button, #rendered_cells select, #rendered_cells input[type=text], ' +
            '#rendered_cells .widget-label, #rendered_cells .widget-radio-box label')]
            .filter(tampak);
          return {prosa: prosa.map(px), kontrol: kontrol.map(e => [e.tagName + ' ' +
                  (e.textContent || '').trim().slice(0, 20), px(e)])};
        }"""
    )
    assert set(huruf["prosa"]) == {16}, huruf["prosa"]
    kecil = [k for k in huruf["kontrol"] if k[1] < 16]
    assert not kecil, f"controls with text smaller than the prose (16 px): {kecil[:5]}"
    # The same background as the landing page, seen through to the page's edge.
    latar = page.evaluate(
        """() => { let e = document.elementFromPoint(8, innerHeight / 2), warna = [];
                   for (; e; e = e.parentElement) warna.push(getComputedStyle(e).backgroundColor);
                   return warna.filter(w => w !== 'rgba(0, 0, 0, 0)'); }"""
    )
    beranda = buka_di("laptop", server_kit.url)
    latar_beranda = beranda.evaluate("getComputedStyle(document.body).backgroundColor")
    assert latar[0] == latar_beranda, f"app page {latar}, landing page {latar_beranda}"
