"""The chart cache (literasi.tembolok_grafik): a chart drawn by one kernel is read back by the
next, and what the student sees is the same pixel for pixel as a chart drawn afresh.

Real files in a temporary local data folder; the apps' notebooks run as a kernel runs them.
"""

from __future__ import annotations

import json
import os
import shutil
import subprocess
import sys
from dataclasses import dataclass
from pathlib import Path

import ipywidgets as ipw
import numpy as np
import pandas as pd
import pytest
from IPython.core.interactiveshell import InteractiveShell
from ipywidgets.widgets import widget as modul_widget

from literasi import tembolok_grafik
from literasi.grafik import gambar_baru, html_grafik
from literasi.tembolok_grafik import dari_tembolok, disimpan, sidik, versi

REPO = Path(__file__).resolve().parents[2]
DIGAMBAR: list[int] = []  # the calls grafik_uji really drew


@disimpan
def grafik_uji(n: int, tabel: pd.DataFrame) -> str:
    DIGAMBAR.append(n)
    fig = gambar_baru()
    ax = fig.add_subplot()
    ax.bar(range(len(tabel)), tabel["nilai"] * n)
    return html_grafik(fig, alt=f"uji {n}", keterangan=f"uji {n}", sumber="simulasi")


@pytest.fixture
def folder(tmp_path, monkeypatch):
    """An empty local data folder with the cache on; the folder of this version's charts."""
    monkeypatch.setenv("LITERASI_DATA_LOKAL", str(tmp_path))
    monkeypatch.setenv(tembolok_grafik.ENV_MATI, "1")
    DIGAMBAR.clear()
    return tmp_path / "tembolok_grafik" / versi()


TABEL = pd.DataFrame({"nilai": [3.0, 1.5, 2.0]})


def test_kernel_berikutnya_membaca_dari_disk(folder):
    pertama = grafik_uji(2, TABEL)
    kedua = grafik_uji(2, TABEL.copy())  # the same table, read again: the same key
    assert DIGAMBAR == [2] and kedua == pertama
    assert len(list(folder.glob("*.html"))) == 1
    grafik_uji(3, TABEL)  # another argument: another chart
    grafik_uji(2, TABEL.assign(nilai=[3.0, 1.5, 2.5]))  # another table: another chart
    assert DIGAMBAR == [2, 3, 2] and len(list(folder.glob("*.html"))) == 3
    for berkas in folder.glob("*.html"):  # what another kernel finds: nothing in memory
        berkas.unlink()
    assert grafik_uji(2, TABEL) == pertama and DIGAMBAR == [2, 3, 2, 2]


def test_sama_dengan_grafik_yang_digambar(folder, monkeypatch):
    dari_disk = (grafik_uji(4, TABEL), grafik_uji(4, TABEL))
    monkeypatch.setenv(tembolok_grafik.ENV_MATI, "0")
    assert dari_disk[0] == dari_disk[1] == grafik_uji(4, TABEL)


def test_bisa_dimatikan(folder, monkeypatch):
    monkeypatch.setenv(tembolok_grafik.ENV_MATI, "0")
    grafik_uji(5, TABEL)
    grafik_uji(5, TABEL)
    assert DIGAMBAR == [5, 5] and not folder.exists()


def test_berkas_rusak_digambar_ulang(folder):
    benar = grafik_uji(6, TABEL)
    (berkas,) = folder.glob("*.html")
    for isi in (b"", b"<!--literasi-tembolok-1-->\xff\xfe", benar.encode()[:100]):
        berkas.write_bytes(isi)  # a disk that filled up, a file of another program
        assert grafik_uji(6, TABEL) == benar
    assert DIGAMBAR == [6, 6, 6, 6]
    assert grafik_uji(6, TABEL) == benar and DIGAMBAR == [6, 6, 6, 6]  # mended on disk


def test_versi_lain_dihapus_dan_batas_berkas(folder, monkeypatch):
    lama = folder.parent / "versi_lama"
    lama.mkdir(parents=True)
    (lama / "x.html").write_text("lama")
    monkeypatch.setattr(tembolok_grafik, "MAKS_BERKAS", 2)
    for n in (1, 2, 3):
        grafik_uji(n, TABEL)
    assert not lama.exists()
    assert len(list(folder.iterdir())) == 2  # a full folder only stops keeping new charts
    assert grafik_uji(3, TABEL) and DIGAMBAR == [1, 2, 3, 3]


def test_folder_tidak_bisa_ditulis_hanya_lebih_lambat(folder, tmp_path, monkeypatch):
    berkas_biasa = tmp_path / "bukan_folder"
    berkas_biasa.write_text("x")
    monkeypatch.setenv("LITERASI_DATA_LOKAL", str(berkas_biasa))  # mkdir fails
    assert grafik_uji(7, TABEL) == grafik_uji(7, TABEL) and DIGAMBAR == [7, 7]


def test_versi_berubah_bila_data_berubah(tmp_path, monkeypatch):
    salinan = tmp_path / "datasets"
    shutil.copytree(REPO / "datasets", salinan)
    monkeypatch.setenv("LITERASI_DATASETS", str(salinan))
    versi.cache_clear()
    try:
        sebelum = versi()
        versi.cache_clear()
        assert versi() == sebelum
        berkas = salinan / "penduduk_luas_kabkota_jateng_2024.csv"
        berkas.write_text(berkas.read_text(encoding="utf-8") + "\n", encoding="utf-8")
        versi.cache_clear()
        assert versi() != sebelum
    finally:
        versi.cache_clear()


@dataclass
class Contoh:
    nama: str
    deret: pd.Series


def test_sidik_sama_di_proses_lain():
    """The key is the same in every kernel (Python's own hash() changes from process to
    process, so the fingerprint must not use it)."""
    kode = (
        "import numpy as np, pandas as pd\n"
        "from literasi.tembolok_grafik import sidik\n"
        "from literasi.siswa.peta import INDIKATOR\n"
        "print(sidik([pd.DataFrame({'a': ['x', 'y'], 'b': [1.5, None]}), {'k': (1, 'dua')},\n"
        "      np.arange(4), INDIKATOR['IPM'], np.float64(2.5)]))\n"
    )
    from literasi.siswa.peta import INDIKATOR

    di_sini = sidik(
        [
            pd.DataFrame({"a": ["x", "y"], "b": [1.5, None]}),
            {"k": (1, "dua")},
            np.arange(4),
            INDIKATOR["IPM"],
            np.float64(2.5),
        ]
    )
    hasil = subprocess.run(
        [sys.executable, "-c", kode],
        capture_output=True,
        text=True,
        check=True,
        env={**os.environ, "PYTHONHASHSEED": "123"},
    )
    assert hasil.stdout.strip() == di_sini


def test_sidik_membedakan_dan_menolak():
    deret = pd.Series([1.0, 2.0], index=[2020, 2021], name="IPM")
    assert sidik(Contoh("a", deret)) == sidik(Contoh("a", deret.copy()))
    assert sidik(Contoh("a", deret)) != sidik(Contoh("a", deret.rename("TPT")))
    assert sidik(Contoh("a", deret)) != sidik(Contoh("a", deret.set_axis([2020, 2022])))
    assert sidik([1, 2]) != sidik((1, 2)) and sidik(1) != sidik(1.0) and sidik("1") != sidik(1)
    assert sidik({"a": pd.Series([1])}) != sidik({"a": pd.Series([2])})
    for tak_dikenal in (object(), lambda: 1, {"f": lambda: 1}, ipw.HTML()):
        with pytest.raises(TypeError):
            sidik(tak_dikenal)


def test_dari_tembolok_untuk_tampilan_dengan_kerangka(folder):
    dipanggil = []

    def buat():
        dipanggil.append(1)
        return "<figure class='literasi-grafik'>x</figure>"

    assert dari_tembolok("uji.kerangka", (1, TABEL), buat) == buat()
    assert dari_tembolok("uji.kerangka", (1, TABEL), buat) == buat()
    assert len(dipanggil) == 3  # the second look came from the disk


# --- every student app: the same page with the cache empty, full or off ---------------------


def _grafik_halaman(notebook: Path) -> list[str]:
    """Every chart the app's first screen shows, in page order (its notebook run the way a
    Voilà kernel runs it)."""
    shell = InteractiveShell.instance()
    sebelum = set(modul_widget._instances)
    for sel in json.loads(notebook.read_text(encoding="utf-8"))["cells"]:
        if sel["cell_type"] == "code":
            hasil = shell.run_cell("".join(sel["source"]), silent=True)
            assert hasil.success, (notebook.name, hasil.error_in_exec)
    return [
        w.value
        for k, w in modul_widget._instances.items()
        if k not in sebelum and isinstance(w, ipw.HTML) and "literasi-grafik" in w.value
    ]


@pytest.mark.parametrize(
    "notebook", sorted((REPO / "notebooks" / "siswa").glob("*.ipynb")), ids=lambda p: p.stem[:2]
)
def test_aplikasi_sama_dengan_tembolok_kosong_penuh_atau_mati(notebook, folder, monkeypatch):
    kosong = _grafik_halaman(notebook)
    ada = sorted(folder.glob("*.html")) if folder.exists() else []
    penuh = _grafik_halaman(notebook)
    monkeypatch.setenv(tembolok_grafik.ENV_MATI, "0")
    mati = _grafik_halaman(notebook)
    assert kosong and kosong == penuh == mati
    assert ada, "the app's first charts were not kept"


@pytest.mark.parametrize("ubah", ["00", "05"])
def test_kerangka_setelah_tembolok_sama_dengan_gambar_baru(ubah, folder, monkeypatch):
    """Apps 00 and 05 draw on a frame (KerangkaGrafik) only when the chart is not on disk:
    the first change after a first screen read from disk draws the same as a fresh view."""
    from literasi.siswa.kota_pekalongan_di_jawa_tengah import PeringkatKabKota
    from literasi.siswa.piramida_penduduk import PiramidaPenduduk

    def buka_dan_ubah():
        if ubah == "00":
            v = PeringkatKabKota.from_dataset()
            v.wilayah.index = 3
            return [v.grafik.value]
        v = PiramidaPenduduk.from_dataset()
        v.tahun.index, v.pembanding.index = 1, len(v.pembanding.options) - 1
        return [v.grafik.value, v.grafik_rasio.value]

    PeringkatKabKota.from_dataset() if ubah == "00" else PiramidaPenduduk.from_dataset()
    dari_tembolok_dulu = buka_dan_ubah()
    monkeypatch.setenv(tembolok_grafik.ENV_MATI, "0")
    assert dari_tembolok_dulu == buka_dan_ubah()


def test_grafik_kelas_nyata_tidak_disimpan(folder):
    """A real class's answers can be deleted by the teacher: their charts are drawn, never
    kept on disk. The simulated class's are kept like any other chart."""
    from literasi.kelas.data_kelas import SIMULASI, DataKelas, kelas_simulasi
    from literasi.siswa.dua_variabel_kategori import grafik_dua_arah, tabel_kelas
    from literasi.siswa.ukuran_pemusatan import grafik_titik_kelas

    jawaban = kelas_simulasi()
    nyata, simulasi = DataKelas("XI-2", jawaban), DataKelas(SIMULASI, jawaban)
    grafik_titik_kelas(nyata, "tinggi_cm")
    grafik_dua_arah(tabel_kelas(nyata, "sarapan", "moda"), "banyak")
    assert not folder.exists() or not list(folder.glob("*.html"))
    grafik_titik_kelas(simulasi, "tinggi_cm")
    grafik_dua_arah(tabel_kelas(simulasi, "sarapan", "moda"), "banyak")
    assert len(list(folder.glob("*.html"))) == 2


def test_siapkan_grafik_untuk_binder(folder):
    """binder/postBuild runs `literasi siapkan-grafik`: every student app's first charts are
    drawn into the image, and an app opened afterwards draws none of them again."""
    from literasi.layanan.siapkan_grafik import jalankan

    assert "literasi siapkan-grafik" in (REPO / "binder" / "postBuild").read_text()
    hasil = subprocess.run(
        [sys.executable, "-m", "literasi", "siapkan-grafik"],
        capture_output=True,
        text=True,
        env=dict(os.environ),
        check=True,
    )
    siswa = sorted((REPO / "notebooks" / "siswa").glob("[0-9][0-9]_*.ipynb"))
    assert hasil.stdout.count(": siap\n") == len(siswa) >= 15, hasil.stdout
    disimpan = {p.name: p.stat().st_mtime_ns for p in folder.glob("*.html")}
    assert len(disimpan) >= len(siswa) and f"{len(disimpan)} grafik baru" in hasil.stdout
    assert len(jalankan(siswa[10])) >= 5  # lesson 10 (three maps) opened as a kernel opens it
    assert {p.name: p.stat().st_mtime_ns for p in folder.glob("*.html")} == disimpan


@pytest.mark.parametrize("app", ["00", "05"])
def test_kerangka_disiapkan_setelah_halaman(app, folder, monkeypatch):
    """In a kernel (a running event loop), a first screen read from the disk is followed by
    the frame, drawn while the student reads: the first tap then only moves bars, and shows
    what a fresh view shows."""
    import asyncio

    from literasi.siswa.kota_pekalongan_di_jawa_tengah import PeringkatKabKota
    from literasi.siswa.piramida_penduduk import PiramidaPenduduk

    def buka():
        return PeringkatKabKota.from_dataset() if app == "00" else PiramidaPenduduk.from_dataset()

    def kerangka(v):
        return v._kerangka if app == "00" else (v._piramida, v._rasio)

    def ubah(v):
        if app == "00":
            v.wilayah.index = 3
            return [v.grafik.value]
        v.tahun.index = 2
        return [v.grafik.value, v.grafik_rasio.value]

    async def di_kernel():
        buka()  # the first student: drawn and kept
        v = buka()  # the next one: from the disk, no frame yet
        assert kerangka(v) in (None, (None, None))
        await asyncio.sleep(1.5)
        assert None not in (kerangka(v) if app == "05" else [kerangka(v)])
        return ubah(v)

    sesudah_tap = asyncio.run(di_kernel())
    monkeypatch.setenv(tembolok_grafik.ENV_MATI, "0")
    assert sesudah_tap == ubah(buka())


def test_setelah_halaman_hanya_dengan_event_loop(caplog):
    """Without a running event loop nothing is queued (the caller works at once); with one,
    the work runs after the quiet time, in order, and an error is logged, not raised."""
    import asyncio

    from literasi.tampilan import setelah_halaman

    jejak = []
    assert setelah_halaman(lambda: jejak.append("tanpa loop")) is False

    def gagal():
        raise RuntimeError("uji")

    async def di_kernel():
        assert setelah_halaman(lambda: jejak.append("nanti"), 0.05)
        setelah_halaman(gagal, 0.05)
        setelah_halaman(lambda: jejak.append("sesudah galat"), 0.05)
        jejak.append("sekarang")
        await asyncio.sleep(0.3)

    asyncio.run(di_kernel())
    assert jejak == ["sekarang", "nanti", "sesudah galat"]
    assert "Persiapan setelah halaman tampil gagal" in caplog.text
