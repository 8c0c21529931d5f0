"""Lessons 13 and 14 in Chromium on a 360×800 phone, as they are used on the day.

13: the workshop server warms lesson 13 before the class has filled Sensus Kelas, so the app
opens on the simulated class; the class then fills the survey (answers written to the real
SQLite file through penyimpanan, as the form does), and a student scrolls down and taps
"Perbarui" to see the class's own two-way table.
14: a student writes a citation in the exercise, gets told what is missing, and fixes it.
"""

from __future__ import annotations

import pytest
from playwright.sync_api import expect

from conftest import (
    ARTEFAK,
    lingkungan_terisolasi,
    perintah_serve,
    port_bebas,
    server_berjalan,
)
from literasi.kelas import penyimpanan
from literasi.kelas.data_kelas import kelas_simulasi
from orang import gulir_ke, ketik, ketuk, potret_layar

pytestmark = pytest.mark.browser

PELAJARAN_13 = "siswa/13_dua_variabel_kategori.ipynb"
PELAJARAN_14 = "siswa/14_mencari_dan_mengutip_data_bps.ipynb"


@pytest.fixture(scope="module")
def server_pagi(tmp_path_factory):
    """`literasi serve --pelajaran 13`, started before any class has filled the survey."""
    tmp = tmp_path_factory.mktemp("server_13")
    env = lingkungan_terisolasi(tmp)
    port = port_bebas()
    url = f"http://127.0.0.1:{port}/"
    perintah = perintah_serve("--port", str(port), "--pelajaran", "13", "--kolam", "1")
    with server_berjalan(perintah, url, ARTEFAK / "server_13.log", env, tmp):
        yield url, tmp / "data_kelas" / penyimpanan.NAMA_FILE


def isi_sensus(path, kode: str, n: int) -> None:
    """n made-up answers (the simulated class's rule, which the form accepts), stored."""
    penyimpanan.buat_kelas(kode, path)
    # Seed 5: both groups of the default questions (screen time, sleep) hold 5 or more.
    for i, baris in enumerate(kelas_simulasi(n=n, seed=5).astype(object).to_dict("records")):
        assert penyimpanan.simpan_jawaban(kode, f"{kode}-{i}", baris, path)


def test_kelas_mengisi_sensus_lalu_perbarui(server_pagi, buka_di):
    url, path_db = server_pagi
    assert not path_db.exists(), "no survey yet when the server warms lesson 13"
    page = buka_di("ponsel", f"{url}voila/render/{PELAJARAN_13}")
    status = page.get_by_role("status").filter(has_text="Kelas simulasi")
    expect(status).to_be_visible(timeout=90_000)
    isi_sensus(path_db, "XI-2", 14)  # the class fills Sensus Kelas meanwhile

    perbarui = page.get_by_role("button", name="Perbarui")
    gulir_ke(page, perbarui, "Perbarui")
    ketuk(page, perbarui, "Perbarui")
    expect(page.get_by_text("XI-2: 14 siswa sudah mengisi Sensus Kelas")).to_be_attached(
        timeout=30_000
    )
    pilihan = page.get_by_role("combobox", name="Data kelas").locator("option:checked")
    expect(pilihan).to_have_text("Kelas XI-2 (14 jawaban)")
    sumber = page.locator(".literasi-grafik .literasi-sumber").first
    expect(sumber).to_contain_text("Sensus Kelas XI-2")
    tabel = page.locator("table.literasi-tabel").first
    expect(tabel).to_contain_text("Kelas XI-2")
    gulir_ke(page, tabel, "the class's table")
    assert page.evaluate("document.scrollingElement.scrollWidth") <= 360
    potret_layar(page, ARTEFAK / "layar", "pelajaran_13_kelas_sendiri_ponsel")


def test_kutipan_diperiksa_lalu_diperbaiki(server_kit, buka_di):
    from literasi.siswa.mencari_dan_mengutip_data_bps import daftar_soal

    benar = daftar_soal()[4].jawaban_teks()
    page = buka_di("ponsel", server_kit.render_url(PELAJARAN_14))
    kotak = page.get_by_role("textbox", name="Kutipan soal 5")
    expect(kotak).to_be_visible(timeout=90_000)
    judul = page.get_by_role("heading", name="Soal 5", exact=True)
    kartu = page.locator(".widget-vbox", has=judul).last
    periksa = kartu.get_by_role("button", name="Periksa")
    umpan = kartu.locator(".literasi-umpan")

    gulir_ke(page, kotak, "the citation box of Soal 5")
    ketik(page, kotak, "Sumber: BPS")
    gulir_ke(page, periksa, "Periksa of Soal 5")
    ketuk(page, periksa)
    expect(umpan).to_contain_text("Belum lengkap")
    expect(umpan).to_contain_text("BPS Provinsi Jawa Tengah")
    expect(umpan).to_contain_text("tanggal akses")

    gulir_ke(page, kotak, "the citation box of Soal 5")
    ketik(page, kotak, benar)
    gulir_ke(page, periksa, "Periksa of Soal 5")
    ketuk(page, periksa)
    expect(umpan).to_contain_text("Benar!")
    gulir_ke(page, umpan, "the feedback of Soal 5")
    potret_layar(page, ARTEFAK / "layar", "pelajaran_14_kutipan_ponsel")
