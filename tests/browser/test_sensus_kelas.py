"""Sensus Kelas in Chromium, as it happens in class: the teacher opens a class code on the
dashboard, a student fills the form on a 360-px phone (a range slip first, then a double tap
on Kirim), and the dashboard shows exactly one new answer, with free text escaped."""

from __future__ import annotations

import pytest
from playwright.sync_api import Browser, expect

from conftest import ARTEFAK
from literasi.kelas.kuesioner import PERTANYAAN

pytestmark = pytest.mark.browser

SISWA = "kelas/90_sensus_kelas.ipynb"
GURU = "kelas/91_dasbor_sensus_kelas.ipynb"
TEKS_BAHAYA = "<script>alert(1)</script>"


def isian_wajar(p) -> str:
    """A plausible answer for one question: the middle of its range or its first choice."""
    if p.jenis == "pilihan":
        return p.pilihan[0]
    if p.jenis == "teks":
        return TEKS_BAHAYA
    bawah, atas = p.batas
    return str(round((bawah + atas) / 2))


def test_jawaban_siswa_sampai_di_dasbor_guru(server_kit, browser: Browser):
    guru = browser.new_page(viewport={"width": 1280, "height": 900})
    dialog: list[str] = []
    guru.on("dialog", lambda d: (dialog.append(d.message), d.dismiss()))
    guru.goto(server_kit.render_url(GURU))
    kode_baru = guru.get_by_role("textbox", name="Kode kelas baru")
    expect(kode_baru).to_be_visible(timeout=90_000)
    kode_baru.fill("9c")
    guru.get_by_role("button", name="Buat kelas").click()
    expect(guru.get_by_text("Kelas 9C dibuat")).to_be_visible(timeout=30_000)

    siswa = browser.new_page(viewport={"width": 360, "height": 800})
    siswa.goto(server_kit.render_url(SISWA))
    expect(siswa.get_by_role("button", name="Kirim")).to_be_visible(timeout=90_000)
    siswa.get_by_role("textbox", name="Kode kelas").fill("9C")
    for nomor, p in enumerate(PERTANYAAN, start=1):
        nama = f"{nomor}. {p.nama}"
        if p.jenis == "pilihan":
            siswa.get_by_role("combobox", name=nama).select_option(isian_wajar(p))
        else:
            siswa.get_by_role("textbox", name=nama).fill(isian_wajar(p))
    tinggi = siswa.get_by_role("textbox", name=f"1. {PERTANYAAN[0].nama}")
    benar = tinggi.input_value()
    tinggi.fill(benar + "0")  # a slip: ten times too tall
    siswa.get_by_role("button", name="Kirim").click()
    expect(siswa.get_by_text("Mungkin maksudmu")).to_be_visible(timeout=30_000)
    assert tinggi.input_value() == benar + "0", "the form keeps what the student typed"
    tinggi.fill(benar)
    siswa.get_by_role("button", name="Kirim").dblclick()  # a double tap
    expect(siswa.get_by_text("Terima kasih!")).to_be_visible(timeout=30_000)
    assert siswa.evaluate("document.scrollingElement.scrollWidth") <= 360
    ARTEFAK.mkdir(exist_ok=True)
    siswa.screenshot(path=str(ARTEFAK / "sensus_kelas_siswa_ponsel.png"), full_page=True)

    guru.get_by_role("button", name="Perbarui").click()
    expect(guru.get_by_text("9C: 1 jawaban", exact=False)).to_be_visible(timeout=30_000)
    guru.get_by_role("combobox", name="Variabel").select_option(label="Cita-cita")
    expect(guru.get_by_text(TEKS_BAHAYA).first).to_be_visible(timeout=30_000)  # shown as text
    assert dialog == [], "free text ran as a script"
    guru.screenshot(path=str(ARTEFAK / "sensus_kelas_guru_desktop.png"), full_page=True)
    for halaman in (guru, siswa):
        halaman.close()
