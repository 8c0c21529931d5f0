"""App K02 (olah data kelurahan) driven as a kelurahan officer would: it opens with the
fictional example, an upload replaces it, the report shows the problems, cleaning can be
undone, the chart follows the first control, downloads appear. Plain pytest, no kernel."""

from __future__ import annotations

import base64
import hashlib
import io
import re
from datetime import datetime
from html import unescape

import ipywidgets as ipw
import pytest
from openpyxl import load_workbook

from literasi import ekspor as laporan
from literasi.kelurahan import validasi as vk
from literasi.kelurahan.olah_data_kelurahan import (
    GRAFIK,
    OlahDataKelurahan,
    hitung_indikator,
    kelompok_besar,
    semua_soal,
    tabel_per_rw,
    tabel_per_umur,
)
from literasi.soal import SoalAngka, SoalPilihan


@pytest.fixture(scope="module")
def contoh():
    return OlahDataKelurahan.contoh()


def unggah(app: OlahDataKelurahan, nama: str, isi: bytes) -> None:
    """What Voilà does on upload: FileUpload.value becomes a tuple of one dict (ipywidgets 8)."""
    app.unggahan.value = (
        {
            "name": nama,
            "type": "text/csv",
            "size": len(isi),
            "content": memoryview(isi),
            "last_modified": datetime(2025, 1, 1),
        },
    )


def src_grafik(app) -> str:
    return re.search(r"src='([^']+)'", app.grafik.value).group(1)


def alt_grafik(app) -> str:
    return unescape(re.search(r"alt='([^']+)'", app.grafik.value).group(1))


def tautan(html: str) -> dict[str, bytes]:
    return {
        nama: base64.b64decode(data)
        for nama, data in re.findall(r"download='([^']+)' href='data:[^;]+;base64,([^']+)'", html)
    }


# --- Computations ---------------------------------------------------------------------------


def test_indikator_dihitung_tangan():
    data = vk.data_siap(vk.contoh_fiktif())[0]
    lk, pr = int(data["laki_laki"].sum()), int(data["perempuan"].sum())
    muda = int(data[data["kelompok_umur"].isin(["0-4", "5-9", "10-14"])][["laki_laki",
               "perempuan"]].to_numpy().sum())  # fmt: skip
    tua = int(data[data["kelompok_umur"].isin(["65-69", "70-74", "75+"])][["laki_laki",
              "perempuan"]].to_numpy().sum())  # fmt: skip
    produktif = lk + pr - muda - tua
    assert kelompok_besar(data) == {"0-14": muda, "15-64": produktif, "65+": tua}
    ind = {i.nama: i.nilai for i in hitung_indikator(data, 2.0)}
    assert ind["Jumlah penduduk"] == lk + pr
    assert ind["Rasio jenis kelamin"] == pytest.approx(100 * lk / pr)
    assert ind["Rasio ketergantungan"] == pytest.approx(100 * (muda + tua) / produktif)
    assert ind["Kepadatan penduduk"] == pytest.approx((lk + pr) / 2.0)
    assert "Kepadatan penduduk" not in {i.nama for i in hitung_indikator(data, None)}
    assert tabel_per_rw(data)["jumlah"].sum() == tabel_per_umur(data)["jumlah"].sum() == lk + pr
    assert tabel_per_umur(data)["persen"].sum() == pytest.approx(100)


def test_soal_menerima_jawaban_benar():
    soal = semua_soal()
    assert [type(s) for s in soal] == [SoalPilihan, SoalAngka, SoalAngka]
    for s in soal:
        benar = s.jawaban if isinstance(s, SoalPilihan) else s.jawaban_teks()
        assert s.periksa(benar).benar
    assert not soal[0].periksa("Berkas tidak bisa diunggah").benar
    assert not soal[1].periksa("100").benar
    assert not soal[2].periksa("60").benar


# --- The view -------------------------------------------------------------------------------


def test_dibuka_dengan_contoh_fiktif(contoh):
    assert contoh.fiktif
    assert "DATA CONTOH FIKTIF" in contoh.spanduk.value
    assert "DATA CONTOH FIKTIF" in alt_grafik(contoh)
    assert "literasi-grafik" in contoh.grafik.value
    assert "template_penduduk_kelurahan.xlsx" in contoh.pesan_template.value
    assert contoh.isian_meta["daftar_rt"].value == vk.META_CONTOH.daftar_rt
    assert "Perlu diperbaiki" not in contoh.laporan.value


def test_kontrol_pertama_mengubah_grafik_pertama(contoh):
    """The chart dropdown is the first Dropdown/ToggleButtons/Slider in page order."""

    def kontrol(w):
        if isinstance(w, ipw.Dropdown | ipw.ToggleButtons | ipw.IntSlider):
            yield w
        for anak in getattr(w, "children", ()):
            yield from kontrol(anak)

    assert next(kontrol(contoh.widget)) is contoh.pilih_grafik
    sebelum, alt = src_grafik(contoh), alt_grafik(contoh)
    contoh.pilih_grafik.value = GRAFIK[1]
    assert src_grafik(contoh) != sebelum and alt_grafik(contoh) != alt
    assert "RW 0" in alt_grafik(contoh)
    contoh.pilih_grafik.value = GRAFIK[0]
    assert src_grafik(contoh) == sebelum


def test_unggah_berkas_bermasalah_lalu_bersihkan_dan_urungkan():
    app = OlahDataKelurahan.contoh()
    isi = vk.berkas_contoh_bermasalah()
    sidik = hashlib.sha256(isi).hexdigest()
    unggah(app, "data_rt.csv", isi)
    assert app.nama_berkas == "data_rt.csv" and app.asli == isi
    laporan_html = unescape(app.laporan.value)
    assert "Baris 5, kolom “laki_laki”: “14 jiwa” bukan angka" in laporan_html
    assert "Baris 116: baris jumlah/total" in laporan_html
    assert "Windows-1252" in unescape(app.status.value)
    tombol = [
        w for box in app.langkah.children if isinstance(box, ipw.HBox)
        for w in box.children if isinstance(w, ipw.Button)
    ]  # fmt: skip
    assert [t.description for t in tombol] == ["Terapkan"] * 4
    tombol[0].click()  # Hapus baris jumlah/total
    assert "baris jumlah/total" not in unescape(app.laporan.value)
    assert "Urungkan" in [
        w.description for box in app.langkah.children if isinstance(box, ipw.HBox)
        for w in box.children if isinstance(w, ipw.Button)
    ]  # fmt: skip
    app.urungkan()
    assert "Baris 116: baris jumlah/total" in unescape(app.laporan.value)
    for lk, _ in app.pembersihan.tersedia():
        app.terapkan(lk.kode)
    assert "“14 jiwa” bukan angka" not in unescape(app.laporan.value)
    assert hashlib.sha256(app.asli).hexdigest() == sidik == app.sidik_asli


def test_unggahan_buruk_tidak_menjatuhkan_aplikasi():
    app = OlahDataKelurahan.contoh()
    unggah(app, "laporan.xlsx", b"%PDF-1.7 bukan excel")
    assert "PDF" in app.laporan.value and "literasi-umpan salah" in app.status.value
    assert "Belum ada tabel" in app.langkah.children[0].value
    assert "Grafik muncul" in app.grafik.value
    assert not app.fiktif
    app.siapkan_unduhan()
    assert "Unduh Excel" in app.unduhan.value  # still a workbook with the report
    app.muat_contoh()
    assert app.fiktif and "literasi-grafik" in app.grafik.value


def test_metadata_mengubah_pemeriksaan_dan_kepadatan():
    app = OlahDataKelurahan.contoh()
    app.isian_meta["daftar_rt"].value = "RW 01: RT 1-4"
    assert "RW 02 tidak ada di daftar RW" in unescape(app.laporan.value)
    app.isian_meta["luas_km2"].value = ""
    assert "Kepadatan" not in app.indikator.value
    app.isian_meta["luas_km2"].value = "2,5"
    assert "Kepadatan penduduk" in app.indikator.value


def test_unduhan_muncul_dan_terbaca(contoh):
    contoh.siapkan_unduhan()
    berkas = tautan(contoh.unduhan.value)
    nama = sorted(berkas)
    assert sorted(n.rsplit(".", 1)[1] for n in nama) == ["csv", "pdf", "xlsx"]
    assert all("FIKTIF" in n for n in nama)
    pdf = berkas[next(n for n in nama if n.endswith(".pdf"))]
    assert pdf.startswith(b"%PDF")
    assert laporan.hitung_halaman(pdf) == laporan.jumlah_halaman_pdf(contoh.bagian_pdf())
    buku = load_workbook(io.BytesIO(berkas[next(n for n in nama if n.endswith(".xlsx"))]))
    assert buku.sheetnames[-1] == "Metadata"
    assert {"Data", "Per RW", "Per kelompok umur", "Indikator", "Laporan pemeriksaan"} <= set(
        buku.sheetnames
    )
    meta = {r[0]: r[1] for r in buku["Metadata"].iter_rows(values_only=True) if r and r[0]}
    assert "DATA CONTOH FIKTIF" in meta["PERHATIAN"]
    assert meta["Sumber data"] == vk.META_CONTOH.sumber


def test_injeksi_dari_unggahan_diloloskan_di_semua_unduhan():
    app = OlahDataKelurahan.contoh()
    bahaya = '=HYPERLINK("http://x","klik")'
    baris = ["RW,RT,kelompok_umur,laki_laki,perempuan,keterangan"]
    baris += [f'1,1,{u},3,4,"{bahaya.replace(chr(34), chr(34) * 2)}"' for u in vk.KELOMPOK_UMUR]
    unggah(app, "injeksi.csv", ("\n".join(baris) + "\n").encode())
    assert "<a href" not in app.tabel.value
    app.siapkan_unduhan()
    berkas = tautan(app.unduhan.value)
    csv = berkas[next(n for n in berkas if n.endswith(".csv"))].decode("utf-8-sig")
    assert "'=HYPERLINK" in csv and ',"=HYPERLINK' not in csv
    buku = load_workbook(io.BytesIO(berkas[next(n for n in berkas if n.endswith(".xlsx"))]))
    nilai = [c.value for r in buku["Data"].iter_rows() for c in r if isinstance(c.value, str)]
    assert "'" + bahaya in nilai and bahaya not in nilai
    assert all(c.data_type != "f" for ws in buku.worksheets for r in ws.iter_rows() for c in r)
