"""Sensus Kelas in Chromium, as it happens in class: the teacher opens a class code on the
dashboard (laptop), a student fills the form on a 360-px phone (a range slip first, then a double
tap on Kirim, then a reload and Kirim again), and the dashboard shows exactly one answer, with
free text escaped; the teacher deletes that answer and sees it noted.

Every field is reached the way a person reaches it (finger swipes on the phone, the wheel on the
laptop: tests/orang.py) and is on the screen before it is tapped; what the app says is read on
the screen. Screenshots, screen by screen, go to tests/_artefak/layar/.
"""

from __future__ import annotations

import re

import pytest
from playwright.sync_api import Browser, Locator, Page, expect

from conftest import ARTEFAK
from literasi.kelas.kuesioner import PERTANYAAN
from orang import gulir_ke, ketik, ketuk, konteks, pastikan_di_layar, potret_layar

pytestmark = pytest.mark.browser

SISWA = "kelas/90_sensus_kelas.ipynb"
GURU = "kelas/91_dasbor_sensus_kelas.ipynb"
TEKS_BAHAYA = "<script>alert(1)</script>"
RENDER_PERTAMA = 90_000  # ms: first render of an app (2 cores, other tests may be running)
AKSI = 30_000  # ms: one round trip to the kernel
LAYAR = ARTEFAK / "layar"


def isian_wajar(p) -> str:
    """A plausible answer for one question: the middle of its range or its first choice."""
    if p.jenis == "pilihan":
        return p.pilihan[0]
    if p.jenis == "teks":
        return TEKS_BAHAYA
    bawah, atas = p.batas
    return str(round((bawah + atas) / 2))


# --- What a person does (shared with test_sensus_lan.py) -----------------------------------


def buka_kartu(page: Page, url_beranda: str, judul: str) -> None:
    """Open the landing page (the QR code's address) and tap an app's card."""
    page.goto(url_beranda)
    # A card's title starts with the app's short id ("91 Dasbor Sensus Kelas").
    nama = page.locator(".literasi-kartu-judul", has_text=re.compile(rf"^\w+ {re.escape(judul)}$"))
    kartu = page.locator("a.literasi-kartu", has=nama)
    gulir_ke(page, kartu, f"the card {judul!r}")
    ketuk(page, kartu, f"the card {judul!r}")
    expect(page.locator("#rendered_cells")).to_be_visible(timeout=RENDER_PERTAMA)


def tombol(page: Page, nama: str) -> Locator:
    return page.get_by_role("button", name=nama)


def ketuk_tombol(page: Page, nama: str) -> None:
    el = tombol(page, nama)
    expect(el).to_be_visible(timeout=RENDER_PERTAMA)
    gulir_ke(page, el, nama)
    ketuk(page, el, nama)


def isi_kotak(page: Page, nama: str, teks: str) -> None:
    """A text or number box, found by its label, tapped, typed into."""
    kotak = page.get_by_label(nama, exact=True)
    gulir_ke(page, kotak, nama)
    ketik(page, kotak, teks)


def pilih(page: Page, nama: str, pilihan: str) -> None:
    """A dropdown on the screen; the browser's own list of options picks the choice."""
    daftar = page.get_by_role("combobox", name=nama, exact=True)
    gulir_ke(page, daftar, nama)
    pastikan_di_layar(page, daftar, nama)
    daftar.select_option(label=pilihan)


def isi_sensus(page: Page, kode: str, isian: dict[str, str]) -> None:
    """The whole form, field after field, as a student fills it in."""
    expect(tombol(page, "Kirim")).to_be_visible(timeout=RENDER_PERTAMA)
    isi_kotak(page, "Kode kelas", kode)
    for nomor, p in enumerate(PERTANYAAN, start=1):
        if p.jenis == "pilihan":
            pilih(page, f"{nomor}. {p.nama}", isian[p.kunci])
        else:
            isi_kotak(page, f"{nomor}. {p.nama}", isian[p.kunci])


def lihat(page: Page, teks: str | re.Pattern) -> Locator:
    """A message the app shows, looked for on the screen as a person reads it."""
    el = page.get_by_text(teks).first
    expect(el).to_be_visible(timeout=AKSI)
    gulir_ke(page, el, str(teks))
    return el


def tanpa_geser_samping(page: Page) -> None:
    lebar = page.viewport_size["width"]
    assert page.evaluate("document.scrollingElement.scrollWidth") <= lebar


# --- The class -----------------------------------------------------------------------------


def test_jawaban_siswa_sampai_di_dasbor_guru(server_kit, browser: Browser):
    laptop, hp_siswa = konteks(browser, "laptop"), konteks(browser, "ponsel")
    try:
        guru = laptop.new_page()
        dialog: list[str] = []
        guru.on("dialog", lambda d: (dialog.append(d.message), d.dismiss()))
        buka_kartu(guru, server_kit.url, "Dasbor Sensus Kelas")
        isi_kotak(guru, "Kode kelas baru", "9c")
        ketuk_tombol(guru, "Buat kelas")
        lihat(guru, "Kelas 9C dibuat")

        siswa = hp_siswa.new_page()
        buka_kartu(siswa, server_kit.url, "Sensus Kelas: data dari kita sendiri")
        assert re.search(r"\?ponsel=[0-9a-f]{32}$", siswa.url), siswa.url
        isian = {p.kunci: isian_wajar(p) for p in PERTANYAAN}
        benar = isian["tinggi_cm"]
        isi_sensus(siswa, "9C", {**isian, "tinggi_cm": benar + "0"})  # ten times too tall
        ketuk_tombol(siswa, "Kirim")
        lihat(siswa, "Mungkin maksudmu")
        tinggi = siswa.get_by_label(f"1. {PERTANYAAN[0].nama}", exact=True)
        assert tinggi.input_value() == benar + "0", "the form keeps what the student typed"
        isi_kotak(siswa, f"1. {PERTANYAAN[0].nama}", benar)
        kirim = tombol(siswa, "Kirim")
        gulir_ke(siswa, kirim, "Kirim")
        pastikan_di_layar(siswa, kirim, "Kirim")
        k = kirim.bounding_box()
        for _ in range(2):  # a double tap: the second lands while the first is being sent
            siswa.touchscreen.tap(k["x"] + k["width"] / 2, k["y"] + k["height"] / 2)
        lihat(siswa, "Terima kasih! Jawabanmu sudah tersimpan")
        tanpa_geser_samping(siswa)
        potret_layar(siswa, LAYAR, "sensus_siswa_terima_kasih_ponsel")

        # The page is reloaded (a dropped connection, a curious thumb) and sent again.
        siswa.reload()
        isi_sensus(siswa, "9C", isian)
        ketuk_tombol(siswa, "Kirim")
        lihat(siswa, "sudah tersimpan sebelumnya")
        potret_layar(siswa, LAYAR, "sensus_siswa_kirim_ulang_ponsel")

        ketuk_tombol(guru, "Perbarui")
        lihat(guru, re.compile(r"Kelas 9C: 1 jawaban"))
        pilih(guru, "Variabel", "Cita-cita")
        lihat(guru, TEKS_BAHAYA)  # shown as text
        assert dialog == [], "free text ran as a script"
        potret_layar(guru, LAYAR, "sensus_dasbor_laptop")

        # The answer was a joke: the teacher deletes it by its number, and it is noted.
        tabel = guru.locator("table.literasi-tabel", has_text="Jawaban kelas 9C")
        gulir_ke(guru, tabel, "the table of answers")
        id_jawaban = tabel.locator("tbody tr td").first.inner_text()  # column "Nomor"
        assert id_jawaban.isdigit() and tabel.locator("tbody tr").count() == 1
        isi_kotak(guru, "Nomor jawaban", id_jawaban)
        ketuk_tombol(guru, "Hapus jawaban ini…")
        lihat(guru, f"Hapus jawaban nomor {id_jawaban} dari kelas 9C?")
        ketuk_tombol(guru, "Ya, hapus jawaban")
        lihat(guru, "sudah dihapus dan dicatat")
        catatan = guru.locator("table.literasi-tabel", has_text="Catatan penghapusan")
        gulir_ke(guru, catatan, "the record of deletions")
        expect(catatan).to_contain_text(f"jawaban nomor {id_jawaban}")
        lihat(guru, re.compile(r"Kelas 9C: 0 jawaban"))
        potret_layar(guru, LAYAR, "sensus_dasbor_hapus_laptop")
    finally:
        laptop.close()
        hp_siswa.close()
