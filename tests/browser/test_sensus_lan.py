"""Sensus Kelas over the LAN, as a teacher and a class live it (issue 6; issue 12, 6 and 7).

The teacher starts `literasi serve --lan --pelajaran 90 --pelajaran 91`, reads the address and
the PIN from the terminal, projects the landing page with its QR code, unlocks the dashboard
(after one wrong PIN) and opens class 7A. Three phones (Chromium at 360×800 with touch, one
browser each) open the landing page at the LAN address, tap the Sensus Kelas card and send three
different answers; the dashboard then counts exactly 3. A phone passed round to a classmate is
refused a second answer until the teacher lifts the class's limit. A curious student on the
dashboard gets nothing without the PIN. Every field is reached and tapped as a person does
(tests/orang.py). The server is bound to 127.0.0.2, a loopback address standing in for the LAN
address (as in tests/voila/test_keamanan_lan.py): nothing is sent to a real network, and every
request the pages make must go to that address only.
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from pathlib import Path
from urllib.parse import urlparse

import pytest
from playwright.sync_api import Browser, BrowserContext, Page, expect
from test_sensus_kelas import (
    AKSI,
    buka_kartu,
    isi_kotak,
    isi_sensus,
    ketuk_tombol,
    lihat,
    tanpa_geser_samping,
)

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
from orang import gulir_ke, ketuk, konteks, potret_layar

pytestmark = pytest.mark.browser

IP_LAN = "127.0.0.2"
SISWA = "kelas/90_sensus_kelas.ipynb"
GURU = "kelas/91_dasbor_sensus_kelas.ipynb"
KARTU_SISWA = "Sensus Kelas: data dari kita sendiri"
KARTU_GURU = "Dasbor Sensus Kelas"
KODE_KELAS = "7A"
BANYAK_PONSEL = 3
LAYAR = ARTEFAK / "layar"


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
        *("--pelajaran", "90", "--pelajaran", "91", "--kolam", "2"),
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


def catat_permintaan(k: BrowserContext, halaman: Page, daftar: list[str]) -> None:
    """Record every URL a page asks for, websockets included (they are not 'requests')."""
    k.on("request", lambda r: daftar.append(r.url))
    halaman.on("websocket", lambda ws: daftar.append(ws.url))


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
    dibuka: list[BrowserContext] = []

    def buka_perangkat(perangkat: str) -> Page:
        k = konteks(browser, perangkat)
        dibuka.append(k)
        halaman = k.new_page()
        catat_permintaan(k, halaman, permintaan)
        return halaman

    try:
        # --- Projector: the address the teacher typed opens the landing page with the QR.
        proyektor = buka_perangkat("laptop")
        proyektor.goto(alamat)
        expect(proyektor).to_have_url(re.compile(r"/voila/render/index\.ipynb$"))
        qr = proyektor.get_by_role("img", name=f"Kode QR menuju {alamat}")
        gulir_ke(proyektor, qr, "the QR code")
        assert qr.evaluate("el => el.tagName.toLowerCase()") == "svg"
        # The card's code is compact; the projector opens the full-screen one.
        besar = proyektor.get_by_role("link", name=re.compile("Kode QR besar"))
        gulir_ke(proyektor, besar, "Kode QR besar")
        ketuk(proyektor, besar, "Kode QR besar")
        qr_besar = proyektor.locator("#qr-besar svg")
        expect(qr_besar).to_be_visible()
        kotak = qr_besar.bounding_box()
        assert kotak and kotak["width"] >= 400 and kotak["height"] >= 400, "QR too small"
        expect(proyektor.locator(".literasi-alamat")).to_have_text(alamat)
        potret_layar(proyektor, LAYAR, "lan_proyektor", batas=1)

        # --- Teacher: the dashboard asks for the PIN; a wrong one keeps it locked.
        guru = buka_perangkat("laptop")
        buka_kartu(guru, alamat, KARTU_GURU)
        salah = f"{(int(pin) + 1) % 10**6:06d}"
        isi_kotak(guru, "PIN guru", salah)
        ketuk_tombol(guru, "Masuk")
        lihat(guru, "PIN salah. Lihat PIN di terminal server.")
        # Locked: none of the dashboard exists (its widgets are made only after the PIN).
        expect(guru.get_by_label("Kode kelas baru")).to_have_count(0)
        expect(guru.get_by_role("button", name="Perbarui")).to_have_count(0)
        expect(guru.get_by_text("Kelas di laptop ini")).to_have_count(0)
        isi_kotak(guru, "PIN guru", pin)
        ketuk_tombol(guru, "Masuk")
        expect(guru.get_by_label("Kode kelas baru")).to_be_visible(timeout=AKSI)
        isi_kotak(guru, "Kode kelas baru", KODE_KELAS.lower())  # the kit tidies the case
        ketuk_tombol(guru, "Buat kelas")
        lihat(guru, f"Kelas {KODE_KELAS} dibuat")
        lihat(guru, "PIN salah dimasukkan 1 kali")  # the wrong try, counted for the teacher

        # --- Phones.
        jawaban = [jawaban_ponsel(ke) for ke in range(BANYAK_PONSEL)]
        for isian in jawaban:  # the test's own answers must be ones the kit accepts
            assert periksa_isian(isian)[1] == {}
        for p in PERTANYAAN:
            if p.jenis != "pilihan" or len(p.pilihan) >= BANYAK_PONSEL:
                assert len({j[p.kunci] for j in jawaban}) == BANYAK_PONSEL, p.kunci
        # Each student scans the QR code, taps the card, fills the form in and taps Kirim.
        ponsel = [buka_perangkat("ponsel") for _ in range(BANYAK_PONSEL)]
        for ke, (hp, isian) in enumerate(zip(ponsel, jawaban, strict=True)):
            buka_kartu(hp, alamat, KARTU_SISWA)
            assert re.search(r"\?ponsel=[0-9a-f]{32}$", hp.url), hp.url
            tanpa_geser_samping(hp)
            isi_sensus(hp, KODE_KELAS, isian)
            if ke == BANYAK_PONSEL - 1:
                potret_layar(hp, LAYAR, "lan_ponsel_formulir")  # the filled form, at 360 px
            ketuk_tombol(hp, "Kirim")
            lihat(hp, f"di kelas {KODE_KELAS}")
            lihat(hp, "Terima kasih! Jawabanmu sudah tersimpan")
            # Where the student sits in class: a histogram of the answers so far.
            grafik = hp.get_by_role("img", name=re.compile(r"^Histogram tinggi"))
            expect(grafik).to_be_visible(timeout=AKSI)
            gulir_ke(hp, grafik, "the histogram")
            tanpa_geser_samping(hp)
        potret_layar(ponsel[-1], LAYAR, "lan_ponsel_terima_kasih")

        # --- Teacher: Perbarui shows exactly the three answers, with the phones' values.
        ketuk_tombol(guru, "Perbarui")
        expect(guru.locator(".literasi-ringkasan")).to_contain_text(
            f"Kelas {KODE_KELAS}: {BANYAK_PONSEL} jawaban.", timeout=AKSI
        )
        tinggi = PERTANYAAN[0]  # the dashboard opens on the first question
        baris = guru.locator("table.literasi-tabel tr", has_text="Kelas ini")
        gulir_ke(guru, baris, "the summary row of this class")
        sel = baris.locator("td")
        expect(sel.nth(1)).to_have_text(str(BANYAK_PONSEL), timeout=AKSI)  # n
        expect(sel.nth(4)).to_have_text(jawaban[0][tinggi.kunci])  # smallest
        expect(sel.nth(5)).to_have_text(jawaban[-1][tinggi.kunci])  # largest
        pencar = guru.get_by_role("img", name=re.compile(r"^Diagram pencar"))
        expect(pencar).to_be_visible(timeout=AKSI)
        gulir_ke(guru, pencar, "the scatter plot")
        potret_layar(guru, LAYAR, "lan_dasbor_guru")

        # --- A phone passed to a classmate: one answer per phone, until the teacher allows two.
        hp = ponsel[0]
        ketuk_tombol(hp, "Isian baru (untuk teman)")
        lihat(hp, f"Ponsel ini sudah mengirim 1 jawaban untuk kelas {KODE_KELAS}")
        isi_kotak(guru, "Isian per ponsel", "2")
        ketuk_tombol(guru, "Simpan batas")
        lihat(guru, f"Kelas {KODE_KELAS}: satu ponsel boleh mengirim 2 jawaban.")
        ketuk_tombol(hp, "Isian baru (untuk teman)")
        kode = hp.get_by_label("Kode kelas", exact=True)
        gulir_ke(hp, kode, "Kode kelas")
        assert kode.input_value() == KODE_KELAS  # kept for the classmate
        assert hp.get_by_label(f"1. {tinggi.nama}", exact=True).input_value() == ""

        # --- A curious student opens the dashboard too: without the PIN, no class data.
        penasaran = ponsel[1]
        buka_kartu(penasaran, alamat, KARTU_GURU)
        isi_kotak(penasaran, "PIN guru", "123456" if pin != "123456" else "654321")
        ketuk_tombol(penasaran, "Masuk")
        lihat(penasaran, "PIN salah")
        teks = penasaran.locator("body").inner_text()
        assert not re.search(rf"\b{KODE_KELAS}\b", teks), "class code shown without the PIN"
        expect(penasaran.locator(".literasi-ringkasan, table.literasi-tabel")).to_have_count(0)
    finally:
        for k in dibuka:
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
