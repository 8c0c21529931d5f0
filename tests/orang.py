"""Use a page in Chromium the way a person does, for every browser test.

A phone is 360×800 with touch (device scale 2), a laptop 1280×800 with a mouse; the viewport is
never enlarged to the page. A control is reached by finger swipes on the phone and wheel steps on
the laptop, and it is asserted to be inside the screen before it is used; taps and clicks land on
its middle. Nothing here calls `scrollIntoView`, `scroll_into_view_if_needed` or lets Playwright
scroll by itself: once, 1.539 green tests hid that no app page could be scrolled at all.

Swipes go through the DevTools protocol (`Input.dispatchTouchEvent`), which scrolls headless
Chromium as a finger does; `Input.synthesizeScrollGesture` with a touch source does nothing there.
"""

from __future__ import annotations

import time
from pathlib import Path

from playwright.sync_api import Browser, BrowserContext, Locator, Page, expect

PERANGKAT = {
    "ponsel": {
        "viewport": {"width": 360, "height": 800},
        "has_touch": True,
        "is_mobile": True,
        "device_scale_factor": 2,
    },
    "laptop": {"viewport": {"width": 1280, "height": 800}},
}
LANGKAH_LAYAR = 0.6  # one gesture moves at most this share of the screen, as a thumb does
BATAS_GERAKAN = 60  # gestures before giving up on reaching an element
BATAS_AKSI_MS = 30_000  # a control that appears after one round trip to a kernel or server


def konteks(browser: Browser, perangkat: str, **lain) -> BrowserContext:
    return browser.new_context(**PERANGKAT[perangkat], **lain)


def pakai_sentuh(page: Page) -> bool:
    """A touch screen (the phone context) rather than a mouse."""
    return page.evaluate("navigator.maxTouchPoints > 0")


def ukuran_layar(page: Page) -> tuple[int, int]:
    v = page.viewport_size
    return v["width"], v["height"]


def posisi(page: Page) -> float:
    """How far the page is scrolled down, in CSS px."""
    return page.evaluate("document.scrollingElement.scrollTop")


def tunggu_diam(page: Page, batas: float = 3.0) -> float:
    """Wait until scrolling has stopped (a fling or a smooth scroll); return the position."""
    akhir = time.monotonic() + batas
    lalu = posisi(page)
    while time.monotonic() < akhir:
        time.sleep(0.08)
        kini = posisi(page)
        if kini == lalu:
            return kini
        lalu = kini
    return lalu


def _cdp(page: Page):
    sesi = getattr(page, "_literasi_cdp", None)
    if sesi is None:
        sesi = page.context.new_cdp_session(page)
        page._literasi_cdp = sesi  # noqa: SLF001
    return sesi


def geser_jari(page: Page, dy: float) -> None:
    """One finger swipe that moves the page down by about `dy` px (up when negative): the finger
    moves the other way, then rests before lifting so the page does not fling on. The finger
    lands on the page, not on a slider (which would take the swipe for itself)."""
    lebar, tinggi = ukuran_layar(page)
    y0 = tinggi * 0.8 if dy > 0 else tinggi * 0.2
    x = next(
        (
            x
            for x in (lebar / 2, lebar / 4, lebar * 3 / 4, 6)
            if not page.evaluate(
                "([x, y]) => !!document.elementFromPoint(x, y)?.closest('.widget-slider')",
                [x, y0],
            )
        ),
        6,
    )
    y1 = y0 - dy
    cdp = _cdp(page)
    cdp.send("Input.dispatchTouchEvent", {"type": "touchStart", "touchPoints": [{"x": x, "y": y0}]})
    langkah = 12
    for i in range(1, langkah + 1):
        y = y0 + (y1 - y0) * i / langkah
        cdp.send(
            "Input.dispatchTouchEvent", {"type": "touchMove", "touchPoints": [{"x": x, "y": y}]}
        )
        time.sleep(0.016)
    for _ in range(5):
        cdp.send(
            "Input.dispatchTouchEvent", {"type": "touchMove", "touchPoints": [{"x": x, "y": y1}]}
        )
        time.sleep(0.03)
    cdp.send("Input.dispatchTouchEvent", {"type": "touchEnd", "touchPoints": []})


def putar_roda(page: Page, dy: float) -> None:
    """One turn of the mouse wheel over the middle of the screen."""
    lebar, tinggi = ukuran_layar(page)
    page.mouse.move(lebar / 2, tinggi / 2)
    page.mouse.wheel(0, dy)


def gerak(page: Page, dy: float) -> float:
    """Scroll by about `dy` px the device's way (swipe or wheel); return how far the page moved."""
    awal = posisi(page)
    (geser_jari if pakai_sentuh(page) else putar_roda)(page, dy)
    return tunggu_diam(page) - awal


def kotak(el: Locator) -> dict:
    """The element's box in viewport coordinates (it must exist and be rendered)."""
    for _ in range(50):  # a chart being redrawn is replaced: wait for the new one
        el.wait_for(state="visible", timeout=90_000)
        k = el.bounding_box()
        if k is not None:
            return k
        time.sleep(0.1)
    raise AssertionError(f"{el} has no box on the page")


def di_layar(page: Page, el: Locator) -> bool:
    """Inside the screen: the whole element, or, for one taller than the screen, its top part."""
    _, tinggi = ukuran_layar(page)
    k = kotak(el)
    if k["height"] <= tinggi:
        return k["y"] >= 0 and k["y"] + k["height"] <= tinggi + 0.5
    return 0 <= k["y"] <= tinggi / 4


def gulir_ke(page: Page, el: Locator, nama: str = "") -> int:
    """Scroll with gestures until `el` is on the screen, as a person looks for it.

    Fails if the page stops moving before the element is on screen (a page that cannot scroll)
    or if it takes more than BATAS_GERAKAN gestures. Returns the number of gestures.
    """
    nama = nama or str(el)
    _, tinggi = ukuran_layar(page)
    for n in range(BATAS_GERAKAN + 1):
        if di_layar(page, el):
            return n
        k = kotak(el)
        # Aim for the element in the middle of the screen (its top part, if it is taller than
        # the screen), a thumb's length at a time.
        if k["height"] <= tinggi:
            sasaran = k["y"] + k["height"] / 2 - tinggi / 2
        else:
            sasaran = k["y"] - tinggi * 0.1
        batas = tinggi * LANGKAH_LAYAR
        dy = max(-batas, min(batas, sasaran))
        if abs(dy) < 20:
            dy = 20 if dy >= 0 else -20
        pindah = gerak(page, dy)
        assert abs(pindah) >= 1, (
            f"{nama}: the page did not move ({'swipe' if pakai_sentuh(page) else 'wheel'} "
            f"{dy:+.0f} px at scrollTop {posisi(page):.0f}); the element is at y={k['y']:.0f}, "
            f"outside a {tinggi}-px screen: a person cannot reach it"
        )
    raise AssertionError(f"{nama}: not on screen after {BATAS_GERAKAN} gestures")


def bawa_ke_atas(page: Page, el: Locator, nama: str = "", ruang: float = 60) -> None:
    """Reach `el`, then swipe until it sits near the top of the screen (within `ruang` px), as
    a person does to see as much as possible of what comes under it (a chart under its
    controls). Stops at the end of the page."""
    gulir_ke(page, el, nama)
    for _ in range(BATAS_GERAKAN):
        y = kotak(el)["y"]
        if 0 <= y <= ruang:
            return
        dy = max(
            -ukuran_layar(page)[1] * LANGKAH_LAYAR,
            min(ukuran_layar(page)[1] * LANGKAH_LAYAR, y - ruang / 2),
        )
        if abs(gerak(page, dy)) < 1:
            return  # the end of the page: it cannot come higher


def pastikan_di_layar(page: Page, el: Locator, nama: str = "") -> None:
    assert di_layar(page, el), f"{nama or el} is not on the screen: {kotak(el)}"


def ketuk(page: Page, el: Locator, nama: str = "") -> None:
    """Tap (phone) or click (laptop) the middle of an element that is already on the screen."""
    pastikan_di_layar(page, el, nama)
    k = kotak(el)
    x, y = k["x"] + k["width"] / 2, k["y"] + min(k["height"] / 2, 20)
    if pakai_sentuh(page):
        page.touchscreen.tap(x, y)
    else:
        page.mouse.click(x, y)


def ketik(page: Page, kotak_isian: Locator, teks: str, nama: str = "") -> None:
    """Tap a text box, clear it and type, as on a phone keyboard."""
    ketuk(page, kotak_isian, nama)
    page.keyboard.press("Control+A")
    page.keyboard.press("Delete")
    page.keyboard.type(teks)


def ke_atas(page: Page) -> None:
    """Back to the top of the page with gestures (a person does not jump by script)."""
    for _ in range(BATAS_GERAKAN):
        if posisi(page) <= 0:
            return
        gerak(page, -ukuran_layar(page)[1] * 0.9)
    raise AssertionError("could not get back to the top of the page")


def potret_layar(page: Page, folder: Path, nama: str, batas: int = 20) -> list[Path]:
    """Screenshots at the viewport's size, from the top down, one screen at a time, moving with
    the device's own gesture; returns the files (nama_01.png, nama_02.png, ...)."""
    folder.mkdir(parents=True, exist_ok=True)
    for lama in folder.glob(f"{nama}_[0-9][0-9].png"):
        lama.unlink()
    ke_atas(page)
    _, tinggi = ukuran_layar(page)
    berkas = []
    for i in range(1, batas + 1):
        path = folder / f"{nama}_{i:02d}.png"
        page.screenshot(path=str(path))
        berkas.append(path)
        if abs(gerak(page, tinggi * 0.85)) < 1:
            break
    return berkas


def tekan(page: Page, nama: str, **lain) -> None:
    """Find a button by its name, scroll to it as a person does, and tap or click it."""
    tombol = page.get_by_role("button", name=nama, **lain)
    expect(tombol).to_be_visible(timeout=BATAS_AKSI_MS)
    gulir_ke(page, tombol, nama)
    ketuk(page, tombol, nama)


def isi(page: Page, label: str, teks: str) -> None:
    """Find a text box by its label, scroll to it, tap it and type."""
    kotak_isian = page.get_by_label(label, exact=True)
    expect(kotak_isian).to_be_visible(timeout=BATAS_AKSI_MS)
    gulir_ke(page, kotak_isian, label)
    ketik(page, kotak_isian, teks, label)


def tunggu_soal_lengkap(page: Page, jumlah: int, batas_ms: int = 60_000) -> None:
    """Wait until the page shows `jumlah` exercise cards and a progress line that counts as
    many: the cards join the page just after it is out (literasi.soal.Latihan)."""
    expect(page.locator(".literasi-kemajuan").first).to_contain_text(
        f" dari {jumlah} soal", timeout=batas_ms
    )
    expect(page.locator(".literasi-kartu-soal")).to_have_count(jumlah, timeout=batas_ms)
