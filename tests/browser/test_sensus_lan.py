"""Sensus Kelas over the LAN, as a teacher and a class live it (issue 6).

The teacher starts `literasi serve --lan --pelajaran 90`, reads the address and the PIN from
the terminal, projects the landing page with its QR code, unlocks the dashboard (after one
wrong PIN), and opens class 7A. Three phones (Chromium at 360×800, one browser context each)
open the form at the LAN address and send three different answers; the dashboard then counts
exactly 3. The server is bound to 127.0.0.2, a loopback address standing in for the LAN
address (as in tests/voila/test_keamanan_lan.py): nothing is sent to a real network, and
every request the pages make must go to that address only.
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from pathlib import Path
from urllib.parse import urlparse

import pytest
from playwright.sync_api import Browser, BrowserContext, Page, expect

from conftest import (
    ARTEFAK,
    baca_terminal,
    lingkungan_terisolasi,
    perintah_serve,
    port_bebas,
    server_berjalan,
)
from literasi.kelas.kuesioner import PERTANYAAN, angka_ringkas, periksa_isian
from literasi.layanan.qr import qr_teks

pytestmark = pytest.mark.browser

IP_LAN = "127.0.0.2"
SISWA = "kelas/90_sensus_kelas.ipynb"
GURU = "kelas/91_dasbor_sensus_kelas.ipynb"
KODE_KELAS = "7A"
BANYAK_PONSEL = 3
PROYEKTOR = {"width": 1280, "height": 800}
PONSEL = {"width": 360, "height": 800}
RENDER_PERTAMA = 90_000  # ms: first render of an app (2 cores, other tests may be running)
AKSI = 30_000  # ms: one round trip to the kernel


@dataclass
class ServerLan:
    url: str  # what the terminal prints, e.g. http://127.0.0.2:43121/
    port: int
    log: Path

    def render_url(self, notebook: str) -> str:
        return f"{self.url}voila/render/{notebook}"


@pytest.fixture(scope="module")
def server_lan(tmp_path_factory) -> ServerLan:
    """The workshop server started as the teacher starts it in class, on 127.0.0.2."""
    tmp = tmp_path_factory.mktemp("lan_sensus")
    port = port_bebas()
    url = f"http://{IP_LAN}:{port}/"
    ARTEFAK.mkdir(exist_ok=True)
    log = ARTEFAK / "server_lan_sensus.log"
    perintah = perintah_serve(
        *("--lan", "--ip", IP_LAN, "--port", str(port)),
        *("--pelajaran", "90", "--pelajaran", "91", "--kolam", "1"),
    )
    with server_berjalan(perintah, url, log, lingkungan_terisolasi(tmp), tmp):
        yield ServerLan(url, port, log)


def isian_ponsel(p, ke: int) -> str:
    """A plausible answer to one question from phone number `ke` (0, 1, 2): every phone a
    different one, inside the question's range, typed the Indonesian way (7,5)."""
    if p.jenis == "pilihan":
        return p.pilihan[ke % len(p.pilihan)]
    if p.jenis == "teks":
        return ("dokter", "guru", "pemadam kebakaran")[ke]
    bawah, atas = p.batas
    nilai = bawah + (atas - bawah) * (0.3 + 0.1 * ke)  # 30 %, 40 %, 50 % of the way up
    return str(round(nilai)) if p.jenis == "bulat" else angka_ringkas(round(nilai, 1))


def jawaban_ponsel(ke: int) -> dict[str, str]:
    return {p.kunci: isian_ponsel(p, ke) for p in PERTANYAAN}


def catat_permintaan(konteks: BrowserContext, halaman: Page, daftar: list[str]) -> None:
    """Record every URL a page asks for, websockets included (they are not 'requests')."""
    konteks.on("request", lambda r: daftar.append(r.url))
    halaman.on("websocket", lambda ws: daftar.append(ws.url))


def tanpa_geser_samping(halaman: Page, lebar: int) -> None:
    """No sideways scroll: not the page, not Voilà's own scrolling container."""
    assert halaman.evaluate("document.scrollingElement.scrollWidth") <= lebar
    lebar_isi = halaman.evaluate(
        "(() => { const r = document.querySelector('#rendered_cells');"
        " return r ? r.scrollWidth - r.clientWidth : 0; })()"
    )
    assert lebar_isi <= 1, f"#rendered_cells scrolls sideways by {lebar_isi}px"


def potret_penuh(halaman: Page, path: Path) -> None:
    """Full-length screenshot (Voilà scrolls inside #rendered_cells, so grow the viewport)."""
    semula = dict(halaman.viewport_size)
    tinggi = halaman.evaluate("document.querySelector('#rendered_cells').scrollHeight")
    halaman.set_viewport_size({"width": semula["width"], "height": min(max(tinggi, 800), 8000)})
    halaman.screenshot(path=str(path))
    halaman.set_viewport_size(semula)  # back to the phone's own screen


def test_terminal_mencetak_alamat_qr_dan_pin(server_lan: ServerLan):
    alamat, pin = baca_terminal(server_lan.log)
    assert alamat == server_lan.url
    teks = server_lan.log.read_text(encoding="utf-8")
    assert "pindai kode ini" in teks and "█" in teks
    assert qr_teks(alamat) in teks, "the terminal QR does not encode the printed address"
    assert len(pin) == 6 and pin.isdigit()


def test_kelas_mengisi_sensus_lewat_lan(server_lan: ServerLan, browser: Browser):
    alamat, pin = baca_terminal(server_lan.log)  # the teacher reads these off the terminal
    permintaan: list[str] = []
    konteks: list[BrowserContext] = []

    def buka_perangkat(ukuran: dict) -> Page:
        k = browser.new_context(viewport=ukuran)
        konteks.append(k)
        halaman = k.new_page()
        catat_permintaan(k, halaman, permintaan)
        return halaman

    ARTEFAK.mkdir(exist_ok=True)
    try:
        # --- Projector: the address the teacher typed opens the landing page with the QR.
        proyektor = buka_perangkat(PROYEKTOR)
        proyektor.goto(alamat)
        expect(proyektor).to_have_url(re.compile(r"/voila/render/index\.ipynb$"))
        qr = proyektor.get_by_role("img", name=f"Kode QR menuju {alamat}")
        expect(qr).to_be_visible(timeout=RENDER_PERTAMA)
        assert qr.evaluate("el => el.tagName.toLowerCase()") == "svg"
        kotak = qr.bounding_box()
        assert kotak and kotak["width"] >= 200 and kotak["height"] >= 200, "QR too small"
        expect(proyektor.locator(".literasi-alamat")).to_have_text(alamat)
        expect(proyektor.get_by_role("heading", name="Buka di ponselmu")).to_be_visible()
        proyektor.screenshot(path=str(ARTEFAK / "lan_proyektor.png"))

        # --- Teacher: the dashboard asks for the PIN; a wrong one keeps it locked.
        guru = buka_perangkat({"width": 1280, "height": 900})
        guru.goto(server_lan.render_url(GURU))
        isian_pin = guru.get_by_label("PIN guru")
        expect(isian_pin).to_be_visible(timeout=RENDER_PERTAMA)
        salah = f"{(int(pin) + 1) % 10**6:06d}"
        isian_pin.fill(salah)
        guru.get_by_role("button", name="Masuk").click()
        expect(guru.get_by_text("PIN salah. Lihat PIN di terminal server.")).to_be_visible(
            timeout=AKSI
        )
        # Locked: none of the dashboard exists (its widgets are made only after the PIN).
        expect(guru.get_by_role("textbox", name="Kode kelas baru")).to_have_count(0)
        expect(guru.get_by_role("button", name="Perbarui")).to_have_count(0)
        expect(guru.get_by_text("Kelas di laptop ini")).to_have_count(0)

        isian_pin.fill(pin)
        guru.get_by_role("button", name="Masuk").click()
        kode_baru = guru.get_by_role("textbox", name="Kode kelas baru")
        expect(kode_baru).to_be_visible(timeout=AKSI)
        kode_baru.fill(KODE_KELAS.lower())  # typed in lower case; the kit tidies it
        guru.get_by_role("button", name="Buat kelas").click()
        expect(guru.get_by_text(f"Kelas {KODE_KELAS} dibuat")).to_be_visible(timeout=AKSI)

        # --- Phones: all open the form at once (the class scans the QR together) ...
        jawaban = [jawaban_ponsel(ke) for ke in range(BANYAK_PONSEL)]
        for isian in jawaban:  # the test's own answers must be ones the kit accepts
            assert periksa_isian(isian)[1] == {}
        for p in PERTANYAAN:
            if p.jenis != "pilihan" or len(p.pilihan) >= BANYAK_PONSEL:
                assert len({j[p.kunci] for j in jawaban}) == BANYAK_PONSEL, p.kunci
        ponsel = [buka_perangkat(PONSEL) for _ in range(BANYAK_PONSEL)]
        for hp in ponsel:
            hp.goto(server_lan.render_url(SISWA), wait_until="commit")
        # ... then each student fills it in and taps Kirim.
        for hp, isian in zip(ponsel, jawaban, strict=True):
            expect(hp.get_by_role("button", name="Kirim")).to_be_visible(timeout=RENDER_PERTAMA)
            tanpa_geser_samping(hp, PONSEL["width"])
            hp.get_by_role("textbox", name="Kode kelas").fill(KODE_KELAS)
            for nomor, p in enumerate(PERTANYAAN, start=1):
                nama = f"{nomor}. {p.nama}"
                if p.jenis == "pilihan":
                    hp.get_by_role("combobox", name=nama).select_option(isian[p.kunci])
                else:
                    hp.get_by_role("textbox", name=nama).fill(isian[p.kunci])
            if hp is ponsel[-1]:
                potret_penuh(hp, ARTEFAK / "lan_ponsel.png")  # the filled form, at 360 px
            hp.get_by_role("button", name="Kirim").click()
            expect(hp.get_by_text("Terima kasih!")).to_be_visible(timeout=AKSI)
            expect(hp.get_by_text(f"di kelas {KODE_KELAS}")).to_be_visible()
            # Where the student sits in class: a histogram of the answers so far.
            expect(hp.get_by_role("img", name=re.compile(r"^Histogram tinggi"))).to_be_visible(
                timeout=AKSI
            )
            tanpa_geser_samping(hp, PONSEL["width"])
        potret_penuh(ponsel[-1], ARTEFAK / "lan_ponsel_terima_kasih.png")

        # --- Teacher: Perbarui shows exactly the three answers, with the phones' values.
        guru.get_by_role("button", name="Perbarui").click()
        expect(guru.locator(".literasi-ringkasan")).to_contain_text(
            f"Kelas {KODE_KELAS}: {BANYAK_PONSEL} jawaban.", timeout=AKSI
        )
        tinggi = PERTANYAAN[0]  # the dashboard opens on the first question
        baris = guru.locator("table.literasi-tabel tr", has_text="Kelas ini").locator("td")
        expect(baris.nth(1)).to_have_text(str(BANYAK_PONSEL), timeout=AKSI)  # n
        expect(baris.nth(4)).to_have_text(jawaban[0][tinggi.kunci])  # smallest
        expect(baris.nth(5)).to_have_text(jawaban[-1][tinggi.kunci])  # largest
        expect(guru.get_by_role("img", name=re.compile(r"^Diagram pencar"))).to_be_visible(
            timeout=AKSI
        )
        potret_penuh(guru, ARTEFAK / "lan_dasbor_guru.png")

        # --- A curious student opens the dashboard too: without the PIN, no class data.
        ponsel[0].goto(server_lan.render_url(GURU))
        expect(ponsel[0].get_by_label("PIN guru")).to_be_visible(timeout=RENDER_PERTAMA)
        ponsel[0].get_by_label("PIN guru").fill("123456" if pin != "123456" else "654321")
        ponsel[0].get_by_role("button", name="Masuk").click()
        expect(ponsel[0].get_by_text("PIN salah")).to_be_visible(timeout=AKSI)
        teks = ponsel[0].locator("body").inner_text()
        assert not re.search(rf"\b{KODE_KELAS}\b", teks), "class code shown without the PIN"
        expect(ponsel[0].locator(".literasi-ringkasan, table.literasi-tabel")).to_have_count(0)
    finally:
        for k in konteks:
            k.close()

    # --- Every request went to the LAN address only: not the internet, not 127.0.0.1.
    assert permintaan, "no request recorded"
    asing = {
        u
        for u in permintaan
        if urlparse(u).scheme not in ("data", "blob")
        and urlparse(u).netloc != f"{IP_LAN}:{server_lan.port}"
    }
    assert not asing, f"requests to other addresses: {sorted(asing)[:10]}"
