"""Kuis Kelas end to end, as a presenter and a class live it (issue 18).

The presenter starts `literasi serve --lan --pelajaran 92` (bound to 127.0.0.4, a loopback
address standing in for the LAN address: nothing goes to a real network), reads the address and
the PIN from the terminal, opens the quiz app from the landing page on a 1280×800 laptop,
unlocks it, uploads a quiz written in the Excel template and opens a room. Three phones
(360×800, touch, one browser context each) open the address under the QR code, join with
nicknames (one refused as offensive, one as taken), and answer three questions: multiple
choice (one double tap), true/false (the timer closes it) and a number typed the Indonesian
way (one phone drops off the Wi-Fi as it sends, comes back and its answer counts once). One
phone reloads mid-quiz and comes back as the same player with the same points. Every control
is reached by scrolling as a person does (tests/orang.py) and seen on screen before it is
tapped. The leaderboard, the
summary and the Excel export (read back with openpyxl) must agree with what the phones showed.
"""

from __future__ import annotations

import re
import sqlite3
from pathlib import Path
from urllib.parse import urlparse

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
from literasi.format import format_angka
from literasi.kelas.kuis_soal import bs_poin_persen, buat_templat, dari_pelajaran
from orang import gulir_ke, isi, ketuk, konteks, potret_layar, tekan

pytestmark = pytest.mark.browser

IP_LAN = "127.0.0.4"
RENDER_PERTAMA = 90_000  # ms: first render of an app (2 cores, other tests may be running)
AKSI = 30_000  # ms: one round trip through the kernel
LAYAR = ARTEFAK / "layar"

# The template's three example questions (buat_templat): answers from the same exercise objects.
PILIHAN = dari_pelajaran("06", 4)
BENAR_1 = PILIHAN.soal.jawaban
SALAH_1 = next(p for p in PILIHAN.pilihan if p != BENAR_1)
BENAR_2 = bs_poin_persen().soal.jawaban
SALAH_2 = next(p for p in ("Benar", "Salah") if p != BENAR_2)
_ANGKA = dari_pelajaran("06", 2).soal
BENAR_3 = format_angka(_ANGKA.jawaban, _ANGKA.desimal)
BENAR_3_TITIK = BENAR_3.replace(",", ".")
SALAH_3 = "0,3" if BENAR_3 != "0,30" else "0,4"


@pytest.fixture(scope="module")
def server_kuis(tmp_path_factory):
    tmp = tmp_path_factory.mktemp("kuis_lan")
    port = port_bebas()
    url = f"http://{IP_LAN}:{port}/"
    ARTEFAK.mkdir(exist_ok=True)
    log = ARTEFAK / "server_lan_kuis.log"
    perintah = perintah_serve(
        *("--lan", "--ip", IP_LAN, "--port", str(port), "--pelajaran", "92", "--kolam", "1")
    )
    env = lingkungan_terisolasi(tmp)
    with server_berjalan(perintah, url, log, env, tmp):
        yield {"url": url, "port": port, "log": log, "data": Path(env["LITERASI_DATA_KELAS"])}


def pilih_jawaban(hp: Page, teks: str) -> None:
    tombol = hp.locator("#pilihan button", has_text=teks)
    expect(tombol).to_be_visible(timeout=AKSI)
    gulir_ke(hp, tombol, f"option {teks}")
    ketuk(hp, tombol, f"option {teks}")


def audit_axe(page: Page, nama: str) -> None:
    berat = pelanggaran_berat(page)
    assert not berat, f"{nama}:\n" + "\n".join(berat)


def target_kecil(hp: Page) -> list[str]:
    """Buttons and text boxes on the phone page lower than 44 px (a thumb's minimum)."""
    return hp.evaluate(
        """() => [...document.querySelectorAll('button, input, summary')]
            .filter(el => el.offsetParent !== null && el.getBoundingClientRect().height < 44)
            .map(el => el.id || el.textContent)"""
    )


def tanpa_geser_samping(hp: Page) -> None:
    assert hp.evaluate("document.scrollingElement.scrollWidth") <= hp.viewport_size["width"]


def test_kuis_satu_kelas_lewat_lan(server_kuis, browser: Browser, tmp_path):
    alamat, pin = baca_terminal(server_kuis["log"])
    permintaan: list[str] = []
    dibuka: list[BrowserContext] = []

    def perangkat(jenis: str) -> Page:
        k = konteks(browser, jenis, accept_downloads=True)
        dibuka.append(k)
        halaman = k.new_page()
        k.on("request", lambda r: permintaan.append(r.url))
        halaman.on("websocket", lambda ws: permintaan.append(ws.url))
        return halaman

    templat = tmp_path / "kuis_guru.xlsx"
    templat.write_bytes(buat_templat())
    try:
        # --- The presenter: landing page, the quiz card, the PIN.
        guru = perangkat("laptop")
        guru.goto(alamat)
        kartu = guru.locator("a.literasi-kartu", has_text="Kuis Kelas")
        expect(kartu).to_be_visible(timeout=RENDER_PERTAMA)
        gulir_ke(guru, kartu, "the Kuis Kelas card")
        ketuk(guru, kartu, "the Kuis Kelas card")
        isi(guru, "PIN guru", f"{(int(pin) + 1) % 10**6:06d}")
        tekan(guru, "Masuk")
        expect(guru.get_by_text("PIN salah")).to_be_visible(timeout=AKSI)
        expect(guru.get_by_role("combobox", name="Kuis", exact=True)).to_have_count(0)
        isi(guru, "PIN guru", pin)
        tekan(guru, "Masuk")

        # --- Her own quiz, from the Excel template; the app reads and checks it.
        pilihan = guru.get_by_role("combobox", name="Kuis", exact=True)
        expect(pilihan).to_be_visible(timeout=AKSI)
        gulir_ke(guru, pilihan, "the quiz dropdown")
        pilihan.select_option(label="Kuis sendiri (Excel)")
        unggah = guru.get_by_role("button", name=re.compile("Unggah kuis"))
        expect(unggah).to_be_visible(timeout=AKSI)
        gulir_ke(guru, unggah, "the upload button")
        with guru.expect_file_chooser() as pemilih:
            ketuk(guru, unggah, "the upload button")
        pemilih.value.set_files(str(templat))
        expect(guru.get_by_text("3 soal siap dipakai")).to_be_visible(timeout=AKSI)
        tekan(guru, "Buka ruang kuis")
        ruang = guru.get_by_text(re.compile(r"Kode ruang: \d{4}"))
        expect(ruang).to_be_visible(timeout=AKSI)
        kode = re.search(r"Kode ruang: (\d{4})", ruang.inner_text()).group(1)
        url_pemain = f"{alamat}kuis?ruang={kode}"
        expect(guru.get_by_role("img", name=f"Kode QR menuju {url_pemain}")).to_be_visible()
        expect(guru.get_by_text(url_pemain)).to_be_visible()
        guru.screenshot(path=str(LAYAR / "kuis_guru_ruang.png"))

        # --- Three phones join: one types the room code, two came from the QR code.
        hp = [perangkat("ponsel") for _ in range(3)]
        hp[0].goto(f"{alamat}kuis")
        for h in hp[1:]:
            h.goto(url_pemain)
        audit_axe(hp[0], "join screen")
        isi(hp[0], "Kode ruang (di layar proyektor)", kode)
        for h, nama in zip(hp, ("Ani", "Ani", "anjing"), strict=True):
            expect(h.get_by_text("Tersambung ke laptop guru.")).to_be_visible(timeout=AKSI)
            isi(h, "Nama panggilan", nama)
            tekan(h, "Gabung")
        expect(hp[0].get_by_role("heading", name="Halo, Ani!")).to_be_visible(timeout=AKSI)
        expect(hp[1].get_by_text("Nama itu sudah dipakai di ruang ini")).to_be_visible()
        expect(hp[2].get_by_text("Nama itu tidak sopan")).to_be_visible()
        hp[2].screenshot(path=str(LAYAR / "kuis_ponsel_nama_ditolak.png"))
        for h, nama in ((hp[1], "Budi"), (hp[2], "Citra")):
            isi(h, "Nama panggilan", nama)
            tekan(h, "Gabung")
            expect(h.get_by_role("heading", name=f"Halo, {nama}!")).to_be_visible(timeout=AKSI)
        for h in hp:
            assert target_kecil(h) == []
            tanpa_geser_samping(h)
        hp[0].screenshot(path=str(LAYAR / "kuis_ponsel_menunggu.png"))
        expect(guru.get_by_text("Sudah bergabung: 3")).to_be_visible(timeout=AKSI)
        expect(guru.get_by_text(re.compile("Ani, Budi, Citra"))).to_be_visible()

        # --- Question 1, multiple choice: a right answer, a wrong one, a double tap.
        tekan(guru, "Mulai soal 1")
        for h in hp:
            expect(h.get_by_text("Soal 1 dari 3")).to_be_visible(timeout=AKSI)
            expect(h.get_by_text(re.compile(r"Sisa \d+ detik"))).to_be_visible()
        audit_axe(hp[0], "question screen")
        hp[0].screenshot(path=str(LAYAR / "kuis_ponsel_soal_pilihan.png"))
        pilih_jawaban(hp[0], BENAR_1)
        pilih_jawaban(hp[1], SALAH_1)
        pilih_jawaban(hp[2], BENAR_1)
        ketuk(hp[2], hp[2].locator("#pilihan button", has_text=BENAR_1), "the same option")
        for h, teks in zip(hp, (BENAR_1, SALAH_1, BENAR_1), strict=True):
            expect(h.get_by_text(f"Jawabanmu terkirim: {teks}")).to_be_visible(timeout=AKSI)
        expect(guru.get_by_text("Jawaban masuk: 3 dari 3")).to_be_visible(timeout=AKSI)
        guru.screenshot(path=str(LAYAR / "kuis_guru_soal_terbuka.png"))
        tekan(guru, "Tutup soal sekarang")
        expect(guru.get_by_text(f"Jawaban benar: {BENAR_1}.")).to_be_visible(timeout=AKSI)
        expect(
            guru.get_by_role("img", name=re.compile(re.escape(f"✓ {BENAR_1}: 2")))
        ).to_be_visible()
        guru.screenshot(path=str(LAYAR / "kuis_guru_soal_ditutup.png"))
        expect(hp[0].get_by_role("heading", name="Benar!")).to_be_visible(timeout=AKSI)
        expect(hp[1].get_by_role("heading", name="Belum tepat")).to_be_visible(timeout=AKSI)
        poin_ani = hp[0].locator("#hasil-poin").inner_text()
        assert re.fullmatch(r"\+1\.\d{3} poin · total 1\.\d{3} poin", poin_ani), poin_ani
        hp[0].screenshot(path=str(LAYAR / "kuis_ponsel_hasil.png"))
        audit_axe(hp[0], "result screen")

        # --- A phone reloads mid-quiz: the same player, the same points.
        hp[0].reload()
        expect(hp[0].get_by_role("heading", name="Benar!")).to_be_visible(timeout=AKSI)
        assert hp[0].locator("#hasil-poin").inner_text().endswith(poin_ani.split("· ")[1])
        expect(hp[0].get_by_role("textbox", name="Nama panggilan")).to_be_hidden()

        # --- The leaderboard, then question 2 (true/false) closed by its timer.
        tekan(guru, "Papan skor")
        papan = guru.locator("table", has_text="Papan skor")
        expect(papan).to_be_visible(timeout=AKSI)
        expect(papan.locator("tbody tr").first).to_contain_text("Ani")
        guru.screenshot(path=str(LAYAR / "kuis_guru_papan.png"))
        tekan(guru, "Mulai soal 2")
        for h in hp:
            expect(h.get_by_text("Soal 2 dari 3")).to_be_visible(timeout=AKSI)
        pilih_jawaban(hp[0], SALAH_2)
        pilih_jawaban(hp[1], BENAR_2)
        expect(hp[1].get_by_text(f"Jawabanmu terkirim: {BENAR_2}")).to_be_visible(timeout=AKSI)
        # Citra does not answer; 20 s later the question closes by itself.
        expect(hp[2].get_by_role("heading", name="Kamu tidak menjawab soal 2")).to_be_visible(
            timeout=AKSI
        )
        expect(hp[1].get_by_role("heading", name="Benar!")).to_be_visible(timeout=AKSI)
        expect(guru.get_by_text(f"Jawaban benar: {BENAR_2}.")).to_be_visible(timeout=AKSI)

        # --- Question 3, a number typed the Indonesian way (and once not a number).
        tekan(guru, "Mulai soal 3")
        for h in hp:
            expect(h.get_by_text("Soal 3 dari 3")).to_be_visible(timeout=AKSI)
        isi(hp[2], "Jawabanmu (angka)", "nol koma dua")
        tekan(hp[2], "Kirim jawaban")
        expect(hp[2].get_by_text("belum bisa dibaca sebagai angka")).to_be_visible(timeout=AKSI)
        hp[2].screenshot(path=str(LAYAR / "kuis_ponsel_soal_angka.png"))
        # Budi's phone leaves the Wi-Fi just as he sends; it notices, comes back as the same
        # player and sends the same answer again (same key: counted once).
        hp[1].context.set_offline(True)
        isi(hp[1], "Jawabanmu (angka)", BENAR_3_TITIK)
        tekan(hp[1], "Kirim jawaban")
        expect(hp[1].get_by_text("Sambungan terputus")).to_be_visible(timeout=AKSI)
        hp[1].screenshot(path=str(LAYAR / "kuis_ponsel_terputus.png"))
        hp[1].context.set_offline(False)
        expect(hp[1].get_by_text("Tersambung ke laptop guru.")).to_be_visible(timeout=AKSI)
        expect(hp[1].get_by_text(f"Jawabanmu terkirim: {BENAR_3_TITIK}")).to_be_visible(
            timeout=AKSI
        )
        for h, teks in ((hp[0], SALAH_3), (hp[2], BENAR_3)):
            isi(h, "Jawabanmu (angka)", teks)
            tekan(h, "Kirim jawaban")
            expect(h.get_by_text(f"Jawabanmu terkirim: {teks}")).to_be_visible(timeout=AKSI)
        expect(guru.get_by_text("Jawaban masuk: 3 dari 3")).to_be_visible(timeout=AKSI)
        tekan(guru, "Tutup soal sekarang")
        expect(guru.get_by_text(f"Jawaban benar: {BENAR_3} poin persen.")).to_be_visible(
            timeout=AKSI
        )
        expect(hp[1].get_by_role("heading", name="Benar!")).to_be_visible(timeout=AKSI)

        # --- The end: leaderboard, summary per question, export, archive.
        tekan(guru, "Papan skor")
        tekan(guru, "Selesai: ringkasan")
        ringkasan = guru.locator("table", has_text="Ringkasan per soal")
        expect(ringkasan).to_be_visible(timeout=AKSI)
        expect(ringkasan.locator("tbody tr").nth(0)).to_contain_text(f"{SALAH_1} (1)")
        expect(ringkasan.locator("tbody tr").nth(2)).to_contain_text(
            f"{format_angka(float(SALAH_3.replace(',', '.')), 2)} (1)"
        )
        for h in hp:
            expect(h.get_by_text(re.compile(r"Peringkatmu akhir: \d dari 3"))).to_be_visible(
                timeout=AKSI
            )
        hp[1].screenshot(path=str(LAYAR / "kuis_ponsel_selesai.png"))
        peringkat_hp = {
            nama: int(re.search(r"akhir: (\d)", h.locator("#teks-tunggu").inner_text()).group(1))
            for nama, h in zip(("Ani", "Budi", "Citra"), hp, strict=True)
        }
        poin_hp = {
            nama: int(h.locator("#poin-tunggu").inner_text().split()[0].replace(".", ""))
            for nama, h in zip(("Ani", "Budi", "Citra"), hp, strict=True)
        }
        tekan(guru, "Siapkan hasil (Excel)")
        tautan = guru.get_by_role("link", name="Unduh hasil kuis (Excel)")
        expect(tautan).to_be_visible(timeout=AKSI)
        gulir_ke(guru, tautan, "the download link")
        with guru.expect_download() as unduhan:
            ketuk(guru, tautan, "the download link")
        berkas = tmp_path / unduhan.value.suggested_filename
        unduhan.value.save_as(berkas)
        potret_layar(guru, LAYAR, "kuis_guru_akhir")
        tekan(guru, "Arsipkan kuis")
        expect(
            guru.get_by_text(re.compile("diarsipkan. Hasilnya tetap bisa diunduh"))
        ).to_be_visible(timeout=AKSI)
        for h in hp:
            expect(h.get_by_text("Kuis selesai.", exact=False)).to_be_visible(timeout=AKSI)
        # The next class: a finished phone can join another room.
        tekan(hp[0], "Gabung ke kuis lain")
        expect(hp[0].get_by_role("heading", name="Gabung ke kuis")).to_be_visible(timeout=AKSI)
    finally:
        for k in dibuka:
            k.close()

    # --- The export reads back and agrees with the phones.
    buku = load_workbook(berkas)
    pemain = {r[1]: r for r in buku["Pemain"].iter_rows(min_row=2, values_only=True)}
    assert set(pemain) == {"Ani", "Budi", "Citra"}
    for nama in pemain:
        assert pemain[nama][0] == peringkat_hp[nama] and pemain[nama][2] == poin_hp[nama]
    assert {nama: r[3] for nama, r in pemain.items()} == {"Ani": 1, "Budi": 2, "Citra": 2}
    jawaban = list(buku["Jawaban"].iter_rows(min_row=2, values_only=True))
    assert len(jawaban) == 8  # 3 + 2 + 3: the double tap and the dropped phone counted once
    # One row per answer in the laptop's SQLite, too.
    db = sqlite3.connect(server_kuis["data"] / "kuis_kelas.sqlite")
    assert db.execute("SELECT COUNT(*) FROM jawaban").fetchone()[0] == 8
    assert db.execute("SELECT diarsipkan IS NOT NULL FROM sesi").fetchone()[0] == 1

    # --- Every request went to the LAN address only: not the internet, not 127.0.0.1.
    asing = {
        u
        for u in permintaan
        if urlparse(u).scheme not in ("data", "blob")
        and urlparse(u).netloc != f"{IP_LAN}:{server_kuis['port']}"
    }
    assert permintaan and not asing, sorted(asing)[:10]
