"""Umpan Balik Sesi end to end, as a facilitator and two participants live it (issue 16 item 6).

The facilitator starts `literasi serve --lan --pelajaran 93` (bound to 127.0.0.6, a loopback
address standing in for the LAN address), reads the address and the PIN from the terminal,
opens the app from the landing page on a 1280×800 laptop, unlocks it and creates a session.
Two phones (360×800, touch): one opens the address under the QR code, tries to send before
answering everything (the page names the question), answers the six questions and the open one,
sends; the other opens the bare address and types the session code. The first phone reloads
and is told it has already answered. Every control is reached by swiping or the wheel
(tests/orang.py) and seen on screen before it is tapped. The facilitator taps Perbarui and sees
the count go from 0 to 2, the index computed by hand from the two answers, and the open answer
as text; the Excel export reads back with openpyxl.
"""

from __future__ import annotations

import re
import sqlite3
from pathlib import Path

import pytest
from openpyxl import load_workbook
from playwright.sync_api import Browser, BrowserContext, Page, expect

from conftest import (
    ARTEFAK,
    baca_terminal,
    lingkungan_terisolasi,
    pelanggaran_berat,
    perintah_serve,
    port_bebas,
    server_berjalan,
)
from orang import gulir_ke, isi, ketuk, konteks, potret_layar, tekan

pytestmark = pytest.mark.browser

IP_LAN = "127.0.0.6"
RENDER_PERTAMA = 90_000  # ms: first render of an app (2 cores, other tests may be running)
AKSI = 30_000  # ms: one round trip through the kernel or the server
LAYAR = ARTEFAK / "layar"
LABEL = {1: "1 Tidak baik", 2: "2 Kurang baik", 3: "3 Baik", 4: "4 Sangat baik"}
KODE = ("P1", "P2", "A1", "A2", "S1", "S2")
# Two participants' scores; by hand (the guide's example): NRR 4; 3,5; 2,5; 3,5; 1,5; 2,5,
# mean 17,5 / 6 = 2,9167, × 25 = 72,92, band C.
JAWABAN_1 = (4, 3, 2, 4, 1, 3)
JAWABAN_2 = (4, 4, 3, 3, 2, 2)
SARAN = "<b>Mantap</b> & jelas, tapi Wi-Fi lambat"


@pytest.fixture(scope="module")
def server_umpan(tmp_path_factory):
    tmp = tmp_path_factory.mktemp("umpan_lan")
    port = port_bebas()
    url = f"http://{IP_LAN}:{port}/"
    ARTEFAK.mkdir(exist_ok=True)
    log = ARTEFAK / "server_lan_umpan.log"
    perintah = perintah_serve(
        *("--lan", "--ip", IP_LAN, "--port", str(port), "--pelajaran", "93", "--kolam", "1")
    )
    env = lingkungan_terisolasi(tmp)
    with server_berjalan(perintah, url, log, env, tmp):
        yield {"url": url, "log": log, "data": Path(env["LITERASI_DATA_KELAS"])}


def jawab_angket(hp: Page, nilai: tuple[int, ...], saran: str = "") -> None:
    for kode, n in zip(KODE, nilai, strict=True):
        tombol = hp.locator(f"#p-{kode}").get_by_role("button", name=LABEL[n], exact=True)
        expect(tombol).to_be_visible(timeout=AKSI)
        gulir_ke(hp, tombol, f"{kode}: {LABEL[n]}")
        ketuk(hp, tombol, f"{kode}: {LABEL[n]}")
        expect(tombol).to_have_attribute("aria-pressed", "true")
    if saran:
        isi(hp, "Apa yang paling perlu kami perbaiki, atau yang paling Anda sukai?", saran)


def target_kecil(hp: Page) -> list[str]:
    """Buttons and text boxes on the phone page lower than 44 px (a thumb's minimum)."""
    return hp.evaluate(
        """() => [...document.querySelectorAll('button, input, textarea')]
            .filter(el => el.offsetParent !== null && el.getBoundingClientRect().height < 44)
            .map(el => el.id || el.textContent)"""
    )


def test_umpan_balik_satu_sesi_lewat_lan(server_umpan, browser: Browser, tmp_path):
    alamat, pin = baca_terminal(server_umpan["log"])
    dibuka: list[BrowserContext] = []

    def perangkat(jenis: str) -> Page:
        k = konteks(browser, jenis, accept_downloads=True)
        dibuka.append(k)
        return k.new_page()

    try:
        # --- The facilitator: landing page, the card, the PIN, a new session.
        fas = perangkat("laptop")
        fas.goto(alamat)
        kartu = fas.locator("a.literasi-kartu", has_text="Umpan Balik Sesi")
        expect(kartu).to_be_visible(timeout=RENDER_PERTAMA)
        gulir_ke(fas, kartu, "the Umpan Balik Sesi card")
        ketuk(fas, kartu, "the Umpan Balik Sesi card")
        isi(fas, "PIN guru", pin)
        tekan(fas, "Masuk")
        isi(fas, "Nama sesi", "Kunjungan SMA 1 Pekalongan")
        tekan(fas, "Buat sesi")
        kode_teks = fas.get_by_text(re.compile(r"^Kode sesi: \d{4}$"))
        expect(kode_teks).to_be_visible(timeout=AKSI)
        kode = re.search(r"(\d{4})", kode_teks.inner_text()).group(1)
        url_ponsel = f"{alamat}umpan?kode={kode}"
        expect(fas.get_by_role("img", name=f"Kode QR menuju {url_ponsel}")).to_be_visible()
        expect(fas.get_by_text("Jawaban masuk: 0")).to_be_visible()
        potret_layar(fas, LAYAR, "umpan_fasilitator_awal")

        # --- Phone 1, from the QR code: tries to send early, then answers everything.
        hp1 = perangkat("ponsel")
        hp1.goto(url_ponsel)
        expect(hp1.get_by_role("heading", name="Kunjungan SMA 1 Pekalongan")).to_be_visible(
            timeout=AKSI
        )
        assert not pelanggaran_berat(hp1), pelanggaran_berat(hp1)
        tombol = hp1.locator("#p-P1").get_by_role("button", name=LABEL[4], exact=True)
        gulir_ke(hp1, tombol, "P1: 4")
        ketuk(hp1, tombol, "P1: 4")
        tekan(hp1, "Kirim penilaian")
        expect(
            hp1.get_by_text("Pertanyaan 2 belum dijawab: pilih 1, 2, 3, atau 4.")
        ).to_be_visible()
        jawab_angket(hp1, JAWABAN_1, SARAN)
        expect(hp1.locator("#pesan-angket")).to_be_empty()  # the old message went away
        assert target_kecil(hp1) == []
        assert hp1.evaluate("document.scrollingElement.scrollWidth") <= 360
        potret_layar(hp1, LAYAR, "umpan_ponsel_angket")
        tekan(hp1, "Kirim penilaian")
        expect(hp1.get_by_role("heading", name="Terima kasih!")).to_be_visible(timeout=AKSI)
        expect(hp1.get_by_text("Penilaian Anda sudah tersimpan.", exact=False)).to_be_visible()
        hp1.screenshot(path=str(LAYAR / "umpan_ponsel_terima_kasih.png"))

        # --- Phone 2, the bare address: types the code.
        hp2 = perangkat("ponsel")
        hp2.goto(f"{alamat}umpan")
        expect(hp2.get_by_text("Tersambung ke laptop fasilitator.")).to_be_visible(timeout=AKSI)
        isi(hp2, "Kode sesi (di layar fasilitator)", "0000")
        tekan(hp2, "Lanjut")
        expect(hp2.get_by_text("Kode sesi 0000 tidak ditemukan", exact=False)).to_be_visible(
            timeout=AKSI
        )
        hp2.screenshot(path=str(LAYAR / "umpan_ponsel_kode_salah.png"))
        isi(hp2, "Kode sesi (di layar fasilitator)", kode)
        tekan(hp2, "Lanjut")
        expect(hp2.get_by_role("heading", name="Kunjungan SMA 1 Pekalongan")).to_be_visible(
            timeout=AKSI
        )
        jawab_angket(hp2, JAWABAN_2)
        tekan(hp2, "Kirim penilaian")
        expect(hp2.get_by_role("heading", name="Terima kasih!")).to_be_visible(timeout=AKSI)

        # --- Phone 1 reloads: one answer per phone per session.
        hp1.reload()
        expect(
            hp1.get_by_text("Ponsel ini sudah mengirim penilaian untuk sesi ini.", exact=False)
        ).to_be_visible(timeout=AKSI)

        # --- The facilitator's screen shows the answers by itself (a look every 2 s), no
        # button pressed.
        expect(fas.get_by_text("Jawaban masuk: 2")).to_be_visible(timeout=AKSI)
        indeks = fas.get_by_text(re.compile("^Indeks sesi:"))
        expect(indeks).to_contain_text("72,92")
        expect(indeks).to_contain_text("mutu C (Kurang Baik")
        saran = fas.get_by_text(SARAN, exact=True)  # shown as text, not as HTML
        gulir_ke(fas, saran, "the open answer")
        expect(saran).to_be_visible()
        potret_layar(fas, LAYAR, "umpan_fasilitator_hasil")
        tekan(fas, "Siapkan Excel")
        tautan = fas.get_by_role("link", name="Unduh umpan balik (Excel)")
        expect(tautan).to_be_visible(timeout=AKSI)
        gulir_ke(fas, tautan, "the download link")
        with fas.expect_download() as unduhan:
            ketuk(fas, tautan, "the download link")
        berkas = tmp_path / unduhan.value.suggested_filename
        unduhan.value.save_as(berkas)
    finally:
        for k in dibuka:
            k.close()

    buku = load_workbook(berkas)
    meta = {r[0]: r[1] for r in buku["Metadata"].iter_rows(values_only=True) if r[0]}
    assert meta["Banyak jawaban"] == 2 and meta["Indeks (25–100)"] == 72.92
    baris = list(buku["Jawaban"].iter_rows(values_only=True))[1:]
    assert [r[:6] for r in baris] == [JAWABAN_1, JAWABAN_2]
    assert baris[0][6] == SARAN
    con = sqlite3.connect(server_umpan["data"] / "umpan_balik_sesi.sqlite")
    try:
        assert con.execute("SELECT COUNT(*) FROM jawaban").fetchone()[0] == 2
    finally:
        con.close()
