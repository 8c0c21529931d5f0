"""Every app in real Chromium, on a phone (360×800, touch) and a laptop (1280×800, mouse).

Each app loads; a person scrolls to its main control (finger swipes, wheel steps: never a
script), uses it and sees its chart change; exercises are reached and answered the same way;
nothing scrolls sideways and no request leaves the machine. Screenshots at the screen's size,
screen by screen, go to tests/_artefak/layar/ (git-ignored) so a person can look at them.
"""

from __future__ import annotations

import re
from urllib.parse import urlparse

import pytest
from playwright.sync_api import Page, expect

from conftest import ARTEFAK, semua_notebook
from orang import (
    PERANGKAT,
    di_layar,
    gulir_ke,
    ketik,
    ketuk,
    pakai_sentuh,
    pastikan_di_layar,
    posisi,
    potret_layar,
)

pytestmark = pytest.mark.browser

APLIKASI = [nb for nb in semua_notebook() if nb != "index.ipynb"]
# The class survey shows a chart only once answers exist: test_sensus_kelas.py covers it; the
# class quiz only once a room is open and phones answer: test_kuis_di_peramban.py covers it; the
# session feedback has no chart (test_umpan_balik_sesi.py).
SURVEI = {
    "kelas/90_sensus_kelas.ipynb",
    "kelas/91_dasbor_sensus_kelas.ipynb",
    "kelas/92_kuis_kelas.ipynb",
    "kelas/93_umpan_balik_sesi.ipynb",
}
APLIKASI_GRAFIK = [nb for nb in APLIKASI if nb not in SURVEI]


def buka(buka_di, perangkat: str, url: str) -> tuple[Page, list[str]]:
    """Open a page on a device; return it and the list of hosts it requested."""
    page = buka_di(perangkat)
    host: list[str] = []
    page.on("request", lambda r: host.append(urlparse(r.url).hostname or r.url.split(":")[0]))
    page.goto(url)
    expect(page.locator("#rendered_cells")).to_be_visible(timeout=90_000)
    return page, host


def tanpa_geser_samping(page: Page) -> None:
    """Nothing wider than the screen: not the page, not any output, widget or table."""
    lebar = page.viewport_size["width"]
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


def hanya_localhost(host: list[str]) -> None:
    luar = {h for h in host if h not in ("127.0.0.1", "localhost", "data", "blob")}
    assert not luar, f"requests left the machine: {luar}"


def nama_artefak(notebook: str, perangkat: str) -> str:
    return f"{notebook.replace('/', '_').removesuffix('.ipynb')}_{perangkat}"


@pytest.mark.parametrize("perangkat", PERANGKAT)
def test_halaman_awal(server_kit, buka_di, perangkat):
    page, host = buka(buka_di, perangkat, server_kit.url)
    kartu = page.locator("a.literasi-kartu")
    expect(kartu.first).to_be_visible()
    assert kartu.count() == len(APLIKASI)
    tanpa_geser_samping(page)
    hanya_localhost(host)
    # A person can reach the last card by scrolling, and the first one again.
    gulir_ke(page, kartu.last, "the last app card")
    potret_layar(page, ARTEFAK / "layar", f"index_{perangkat}")
    gulir_ke(page, kartu.first, "the first app card")
    ketuk(page, kartu.first, "the first app card")
    # A card of an app that limits answers per phone carries the phone's key (?ponsel=...).
    expect(page).to_have_url(
        re.compile(r"/voila/render/.+\.ipynb(\?ponsel=[0-9a-f]{32})?$"), timeout=30_000
    )
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
    """Change a control as a student would: tap another option, pick from the list, or tap the
    slider's track (a phone has no arrow keys). The control is on the screen already."""
    kelas = kontrol.get_attribute("class") or ""
    if "widget-toggle-buttons" in kelas:
        ketuk(page, kontrol.locator("button:not(.mod-active)").first, "another option")
    elif "widget-dropdown" in kelas:
        pilihan = kontrol.locator("select")
        pastikan_di_layar(page, pilihan, "the dropdown")
        sekarang = pilihan.input_value()
        nilai = [o.get_attribute("value") for o in pilihan.locator("option").all()]
        # The browser's own list of options opens over the page: Playwright picks from it.
        pilihan.select_option(next(v for v in nilai if v != sekarang))
    else:
        jalur = kontrol.locator(".noUi-base")
        pastikan_di_layar(page, jalur, "the slider")
        k = jalur.bounding_box()
        x, y = k["x"] + k["width"] * 0.1, k["y"] + k["height"] / 2
        page.touchscreen.tap(x, y) if pakai_sentuh(page) else page.mouse.click(x, y)


@pytest.mark.parametrize("perangkat", PERANGKAT)
@pytest.mark.parametrize("notebook", APLIKASI_GRAFIK)
def test_aplikasi_merespons(server_kit, buka_di, notebook, perangkat):
    """Scroll to the first control as a person does, use it, and see its chart change."""
    page, host = buka(buka_di, perangkat, server_kit.render_url(notebook))
    kontrol = kontrol_utama(page)
    grafik = grafik_sesudah(kontrol)
    expect(grafik).to_be_visible(timeout=60_000)
    sebelum = grafik.get_attribute("src")
    gulir_ke(page, kontrol, "the first control")
    assert posisi(page) > 0 or di_layar(page, kontrol)
    ubah(page, kontrol)
    gulir_ke(page, grafik, "the chart of the first control")
    expect(grafik).not_to_have_attribute("src", sebelum, timeout=30_000)
    assert grafik.get_attribute("alt")
    tanpa_geser_samping(page)
    hanya_localhost(host)
    potret_layar(page, ARTEFAK / "layar", nama_artefak(notebook, perangkat))


def test_soal_memberi_umpan_balik(server_kit, buka_di):
    """First app: a wrong form gets a kind message, the right answer in any form is accepted."""
    page, _ = buka(
        buka_di, "ponsel", server_kit.render_url("siswa/00_kota_pekalongan_di_jawa_tengah.ipynb")
    )
    kotak = page.get_by_role("textbox", name="Jawaban soal 1")
    expect(kotak).to_be_visible(timeout=60_000)
    kartu = page.locator(".widget-vbox", has=kotak).last
    umpan = kartu.locator(".literasi-umpan").first
    periksa = kartu.get_by_role("button", name="Periksa")
    gulir_ke(page, kotak, "the answer box of Soal 1")
    ketik(page, kotak, "tujuh ribu")
    gulir_ke(page, periksa, "Periksa")
    ketuk(page, periksa)
    expect(umpan).to_contain_text("belum bisa dibaca sebagai angka")
    gulir_ke(page, kotak, "the answer box of Soal 1")
    ketik(page, kotak, "6.906,4")
    gulir_ke(page, periksa, "Periksa")
    ketuk(page, periksa)
    expect(umpan).to_contain_text("Benar")
    expect(page.get_by_text("1 dari 3 soal benar")).to_be_visible()
    petunjuk = page.get_by_role("button", name="Petunjuk").nth(2)
    gulir_ke(page, petunjuk, "Petunjuk of Soal 3")
    ketuk(page, petunjuk)
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
def test_satu_soal_benar_satu_salah(server_kit, buka_di, notebook):
    """In every app, one exercise answered wrong then right, with the feedback seen."""
    from conftest import NOTEBOOKS
    from literasi.aplikasi import soal_notebook
    from literasi.soal import SoalAngka

    daftar = soal_notebook(NOTEBOOKS / notebook)
    nomor, soal = next(
        (i, s) for i, s in enumerate(daftar, start=1) if jawaban_benar_dan_salah(s) is not None
    )
    benar, salah = jawaban_benar_dan_salah(soal)
    page, _ = buka(buka_di, "ponsel", server_kit.render_url(notebook))
    judul = page.get_by_role("heading", name=f"Soal {nomor}", exact=True)
    expect(judul).to_be_visible(timeout=60_000)
    kartu = page.locator(".widget-vbox", has=judul).last
    umpan = kartu.locator(".literasi-umpan")
    periksa = kartu.get_by_role("button", name="Periksa")
    for jawaban, harus_benar in ((salah, False), (benar, True)):
        if isinstance(soal, SoalAngka):
            kotak = kartu.get_by_role("textbox")
            gulir_ke(page, kotak, f"the answer box of Soal {nomor}")
            ketik(page, kotak, jawaban)
        else:
            opsi = kartu.get_by_text(jawaban, exact=True)
            gulir_ke(page, opsi, f"the option {jawaban!r} of Soal {nomor}")
            ketuk(page, opsi)
        gulir_ke(page, periksa, f"Periksa of Soal {nomor}")
        ketuk(page, periksa)
        if harus_benar:
            expect(umpan).to_contain_text("Benar")
        else:
            expect(umpan).to_be_visible()
            expect(umpan).not_to_contain_text("Benar")


def test_menutup_tab_mematikan_kernelnya(server_kit, buka_di):
    """A closed tab shuts its kernel down (Voilà's beacon needs the _xsrf cookie to be set),
    so a class that reloads pages does not pile up kernels of 140 MB each."""
    import json
    import re
    import time

    from conftest import ambil

    page, _ = buka(
        buka_di, "ponsel", server_kit.render_url("siswa/00_kota_pekalongan_di_jawa_tengah.ipynb")
    )
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
