"""'Data kelas kita' of lesson 04 in Chromium on a 360×800 phone, as it is used on the day.

The workshop server warms lesson 04 before the class has filled Sensus Kelas, so the class
section opens on the simulated class; the class then fills the survey (answers written to the
real SQLite file through penyimpanan, as the form does), and a student swipes down to the
section and taps "Perbarui" to see box plots of the class's own answers by group.
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
from orang import gulir_ke, ketuk, potret_layar

pytestmark = pytest.mark.browser

PELAJARAN_04 = "siswa/04_ukuran_penyebaran_dan_diagram_kotak.ipynb"


@pytest.fixture(scope="module")
def server_pagi(tmp_path_factory):
    """`literasi serve --pelajaran 04`, started before any class has filled the survey."""
    tmp = tmp_path_factory.mktemp("server_04")
    env = lingkungan_terisolasi(tmp)
    port = port_bebas()
    url = f"http://127.0.0.1:{port}/"
    perintah = perintah_serve("--port", str(port), "--pelajaran", "04", "--kolam", "1")
    with server_berjalan(perintah, url, ARTEFAK / "server_04.log", env, tmp):
        yield url, tmp / "data_kelas" / penyimpanan.NAMA_FILE


def isi_sensus(path, kode: str, n: int, **per_kolom) -> None:
    """n made-up answers (the simulated class's rule, which the form accepts), stored; a
    column in `per_kolom` gets one given value per student."""
    penyimpanan.buat_kelas(kode, path)
    for i, baris in enumerate(kelas_simulasi(n=n, seed=5).astype(object).to_dict("records")):
        tetap = {k: v[i] for k, v in per_kolom.items()}
        assert penyimpanan.simpan_jawaban(kode, f"{kode}-{i}", {**baris, **tetap}, path)


def test_kotak_kelas_sendiri_sesudah_perbarui(server_pagi, buka_di):
    url, path_db = server_pagi
    assert not path_db.exists(), "no survey yet when the server warms lesson 04"
    page = buka_di("ponsel")
    page.goto(f"{url}voila/render/{PELAJARAN_04}", timeout=180_000)  # a busy laptop: wait
    status = page.get_by_role("status").filter(has_text="Kelas simulasi")
    expect(status).to_be_attached(timeout=90_000)
    gulir_ke(page, status, "the class section's status")
    expect(status).to_contain_text("bukan data nyata")
    (ARTEFAK / "layar").mkdir(parents=True, exist_ok=True)  # this screen, before the class
    page.screenshot(path=str(ARTEFAK / "layar" / "pelajaran_04_kelas_simulasi_ponsel.png"))
    # The class fills Sensus Kelas meanwhile: 9 had breakfast, 5 did not (two groups of >= 5).
    isi_sensus(path_db, "XI-2", 14, sarapan=["ya"] * 9 + ["tidak"] * 5)

    perbarui = page.get_by_role("button", name="Perbarui")
    gulir_ke(page, perbarui, "Perbarui")
    ketuk(page, perbarui, "Perbarui")
    expect(page.get_by_text("XI-2: 14 siswa sudah mengisi Sensus Kelas")).to_be_attached(
        timeout=30_000
    )
    pilihan = page.get_by_role("combobox", name="Data kelas").locator("option:checked")
    expect(pilihan).to_have_text("Kelas XI-2 (14 jawaban)")
    gambar = page.get_by_role("img", name="Diagram kotak Tinggi (cm) Kelas XI-2")
    expect(gambar).to_be_attached()
    tabel = page.locator("table.literasi-tabel", has_text="Kelas XI-2")
    expect(tabel).to_contain_text("ya (9)")
    expect(tabel).to_contain_text("tidak (5)")
    gulir_ke(page, gambar, "the class's box plots")
    assert page.evaluate("document.scrollingElement.scrollWidth") <= 360
    potret_layar(page, ARTEFAK / "layar", "pelajaran_04_kelas_sendiri_ponsel")
