"""Every app in real Chromium, at phone (360×800) and desktop (1280×800) size.

Each app loads, its main control changes what is shown, nothing scrolls sideways on a phone,
and no request leaves the machine. Screenshots go to tests/_artefak/ (git-ignored) so a
person can look at them.
"""

from __future__ import annotations

import re
from urllib.parse import urlparse

import pytest
from playwright.sync_api import Page, expect

from conftest import ARTEFAK, semua_notebook

pytestmark = pytest.mark.browser

UKURAN_LAYAR = {"ponsel": (360, 800), "desktop": (1280, 800)}
APLIKASI = [nb for nb in semua_notebook() if nb != "index.ipynb"]
# The class survey shows a chart only once answers exist: test_sensus_kelas.py covers it.
SURVEI = {"siswa/90_sensus_kelas.ipynb", "guru/90_dasbor_sensus_kelas.ipynb"}
APLIKASI_GRAFIK = [nb for nb in APLIKASI if nb not in SURVEI]


def buka(page: Page, url: str, lebar: int, tinggi: int) -> list[str]:
    """Open a page at a size and return the list of hosts it requested."""
    host: list[str] = []
    page.on("request", lambda r: host.append(urlparse(r.url).hostname or r.url.split(":")[0]))
    page.set_viewport_size({"width": lebar, "height": tinggi})
    page.goto(url)
    expect(page.locator("#rendered_cells")).to_be_visible(timeout=90_000)
    return host


def tanpa_geser_samping(page: Page, lebar: int) -> None:
    """Nothing wider than the screen: not the page, not any output, widget or table."""
    lebih = page.evaluate(
        """(lebar) => [...document.querySelectorAll(
              '.jp-OutputArea-output, .jupyter-widgets, .jp-RenderedHTMLCommon, img, table, ' +
              'button, select, input')]
            .filter(el => el.closest('[style*="overflow-x"]') === null || el.tagName !== 'TABLE')
            .filter(el => el.getBoundingClientRect().right > lebar + 1)
            .map(el => el.className || el.tagName)""",
        lebar,
    )
    assert page.evaluate("document.scrollingElement.scrollWidth") <= lebar
    assert lebih == [], f"wider than {lebar}px: {lebih[:5]}"


def potret(page: Page, nama: str) -> None:
    """Full-length screenshot (Voilà scrolls inside #rendered_cells, so grow the viewport)."""
    ARTEFAK.mkdir(exist_ok=True)
    lebar = page.viewport_size["width"]
    tinggi = page.evaluate("document.querySelector('#rendered_cells').scrollHeight")
    page.set_viewport_size({"width": lebar, "height": min(max(tinggi, 800), 8000)})
    page.screenshot(path=str(ARTEFAK / f"{nama}.png"))


def hanya_localhost(host: list[str]) -> None:
    luar = {h for h in host if h not in ("127.0.0.1", "localhost", "data", "blob")}
    assert not luar, f"requests left the machine: {luar}"


@pytest.mark.parametrize("layar", UKURAN_LAYAR)
def test_halaman_awal(server_kit, page: Page, layar):
    lebar, tinggi = UKURAN_LAYAR[layar]
    host = buka(page, server_kit.url, lebar, tinggi)
    kartu = page.locator("a.literasi-kartu")
    expect(kartu.first).to_be_visible()
    assert kartu.count() == len(APLIKASI)
    tanpa_geser_samping(page, lebar)
    hanya_localhost(host)
    potret(page, f"index_{layar}")
    # A card opens its app.
    kartu.first.click()
    expect(page).to_have_url(re.compile(r"/voila/render/.+\.ipynb$"), timeout=30_000)
    expect(page.locator("#rendered_cells")).to_be_visible(timeout=90_000)


def kontrol_utama(page: Page):
    """The app's first control in page order (a toggle, a dropdown or a slider); widgets render
    one by one, so wait for it to appear."""
    kontrol = page.locator(".widget-toggle-buttons, .widget-dropdown, .widget-slider").first
    expect(kontrol).to_be_visible(timeout=60_000)
    return kontrol


def grafik_sesudah(kontrol):
    """The first chart below a control: the one that control is meant to change."""
    return kontrol.locator("xpath=following::figure[contains(@class,'literasi-grafik')][1]//img")


def ubah(page: Page, kontrol) -> None:
    """Change a control as a student would."""
    kelas = kontrol.get_attribute("class") or ""
    if "widget-toggle-buttons" in kelas:
        kontrol.locator("button:not(.mod-active)").first.click()
    elif "widget-dropdown" in kelas:
        pilihan = kontrol.locator("select")
        sekarang = pilihan.input_value()
        nilai = [o.get_attribute("value") for o in pilihan.locator("option").all()]
        pilihan.select_option(next(v for v in nilai if v != sekarang))
    else:
        kontrol.locator(".noUi-handle").focus()
        page.keyboard.press("ArrowLeft")


@pytest.mark.parametrize("layar", UKURAN_LAYAR)
@pytest.mark.parametrize("notebook", APLIKASI_GRAFIK)
def test_aplikasi_merespons(server_kit, page: Page, notebook, layar):
    lebar, tinggi = UKURAN_LAYAR[layar]
    host = buka(page, server_kit.render_url(notebook), lebar, tinggi)
    kontrol = kontrol_utama(page)
    grafik = grafik_sesudah(kontrol)
    expect(grafik).to_be_visible(timeout=60_000)
    sebelum = grafik.get_attribute("src")
    ubah(page, kontrol)
    expect(grafik).not_to_have_attribute("src", sebelum, timeout=30_000)
    assert grafik.get_attribute("alt")
    tanpa_geser_samping(page, lebar)
    hanya_localhost(host)
    potret(page, f"{notebook.replace('/', '_').removesuffix('.ipynb')}_{layar}")


def test_soal_memberi_umpan_balik(server_kit, page: Page):
    """First app: a wrong form gets a kind message, the right answer in any form is accepted."""
    buka(page, server_kit.render_url("siswa/00_kota_pekalongan_di_jawa_tengah.ipynb"), 360, 800)
    kotak = page.get_by_role("textbox", name="Jawaban soal 1")
    expect(kotak).to_be_visible(timeout=60_000)
    umpan = page.locator(".literasi-umpan").first
    kotak.fill("tujuh ribu")
    page.get_by_role("button", name="Periksa").first.click()
    expect(umpan).to_contain_text("belum bisa dibaca sebagai angka")
    kotak.fill("6.906,4")
    page.get_by_role("button", name="Periksa").first.click()
    expect(umpan).to_contain_text("Benar")
    expect(page.get_by_text("1 dari 3 soal benar")).to_be_visible()
    page.get_by_role("button", name="Petunjuk").nth(2).click()
    expect(page.get_by_text("Persen = bagian ÷ keseluruhan × 100.")).to_be_visible()
    expect(page.get_by_text("Masih ada 2 petunjuk lagi.")).to_be_visible()


def jawaban_benar_dan_salah(soal) -> tuple[str, str] | None:
    """What a student would type or pick: one right answer and one wrong one."""
    from literasi.format import format_angka
    from literasi.soal import SoalAngka, SoalPilihan

    if isinstance(soal, SoalAngka):
        benar = format_angka(soal.jawaban, soal.desimal) + ("%" if soal.persen else "")
        salah = format_angka(soal.jawaban * 3 + 7, soal.desimal)
        return benar, salah
    if isinstance(soal, SoalPilihan):
        return soal.jawaban, next(p for p in soal.pilihan if p != soal.jawaban)
    return None


@pytest.mark.parametrize("notebook", APLIKASI_GRAFIK)
def test_satu_soal_benar_satu_salah(server_kit, page: Page, notebook):
    """In every app, one exercise answered wrong then right, with the feedback seen."""
    from conftest import NOTEBOOKS
    from literasi.pelajaran import soal_notebook
    from literasi.soal import SoalAngka

    daftar = soal_notebook(NOTEBOOKS / notebook)
    nomor, soal = next(
        (i, s) for i, s in enumerate(daftar, start=1) if jawaban_benar_dan_salah(s) is not None
    )
    benar, salah = jawaban_benar_dan_salah(soal)
    buka(page, server_kit.render_url(notebook), 360, 800)
    judul = page.get_by_role("heading", name=f"Soal {nomor}", exact=True)
    expect(judul).to_be_visible(timeout=60_000)
    kartu = page.locator(".widget-vbox", has=judul).last
    umpan = kartu.locator(".literasi-umpan")
    for jawaban, harus_benar in ((salah, False), (benar, True)):
        if isinstance(soal, SoalAngka):
            kartu.get_by_role("textbox").fill(jawaban)
        else:
            kartu.get_by_text(jawaban, exact=True).click()
        kartu.get_by_role("button", name="Periksa").click()
        if harus_benar:
            expect(umpan).to_contain_text("Benar")
        else:
            expect(umpan).to_be_visible()
            expect(umpan).not_to_contain_text("Benar")


def test_menutup_tab_mematikan_kernelnya(server_kit, page: Page):
    """A closed tab shuts its kernel down (Voilà's beacon needs the _xsrf cookie to be set),
    so a class that reloads pages does not pile up kernels of 140 MB each."""
    import json
    import re
    import time

    from conftest import ambil

    buka(page, server_kit.render_url("siswa/00_kota_pekalongan_di_jawa_tengah.ipynb"), 360, 800)
    expect(page.locator(".literasi-grafik img").first).to_be_visible(timeout=60_000)
    konfig = re.search(r'id="jupyter-config-data"[^>]*>(.*?)</script>', page.content(), re.S)
    kernel = json.loads(konfig.group(1))["kernelId"]
    assert ambil(f"{server_kit.url}api/kernels/{kernel}")[0] == 200
    assert any(c["name"] == "_xsrf" for c in page.context.cookies())
    page.close(run_before_unload=True)
    akhir = time.monotonic() + 30
    while time.monotonic() < akhir and ambil(f"{server_kit.url}api/kernels/{kernel}")[0] == 200:
        time.sleep(0.5)
    assert ambil(f"{server_kit.url}api/kernels/{kernel}")[0] == 404, "the kernel is still running"
