"""App K02 (olah data kelurahan) driven as a kelurahan officer would: it opens with the
fictional example, an upload replaces it, the column roles are shown and can be corrected, the
report names every problem, cleaning can be undone, the chart follows the first control,
downloads appear. Plain pytest, no kernel."""

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

from literasi import ekspor
from literasi.kelurahan import validasi as vk
from literasi.kelurahan.bentuk import Peran
from literasi.kelurahan.olah_data_kelurahan import OlahDataKelurahan, semua_soal
from literasi.kelurahan.tabulasi import (
    hitung_indikator,
    kelompok_besar,
    tabel_per_rw,
    tabel_per_umur,
)
from literasi.soal import SoalAngka, SoalPilihan, tampilkan_soal


@pytest.fixture(scope="module")
def contoh():
    return OlahDataKelurahan.contoh()


def unggah(app: OlahDataKelurahan, nama: str, isi: bytes) -> None:
    """What Voilà does on upload: FileUpload.value becomes a tuple of one dict (ipywidgets 8)."""
    app.unggahan.value = (
        {"name": nama, "type": "", "size": len(isi), "content": memoryview(isi),
         "last_modified": datetime(2025, 1, 1)},
    )  # fmt: skip


def src_grafik(app) -> str:
    return re.search(r"src='([^']+)'", app.grafik.value).group(1)


def alt_grafik(app) -> str:
    return unescape(re.search(r"alt='([^']+)'", app.grafik.value).group(1))


def tautan(html: str) -> dict[str, bytes]:
    return {
        nama: base64.b64decode(data)
        for nama, data in re.findall(r"download='([^']+)' href='data:[^;]+;base64,([^']+)'", html)
    }


def tombol(app) -> list[ipw.Button]:
    return [w for b in app.langkah.children if isinstance(b, ipw.HBox)
            for w in b.children if isinstance(w, ipw.Button)]  # fmt: skip


def test_indikator_dihitung_tangan(contoh):
    d = contoh.model.data
    lk, pr = int(d["L"].sum()), int(d["P"].sum())
    umur = d["umur"].map(lambda u: u.label)
    muda = int(d.loc[umur.isin(["0-4", "5-9", "10-14"]), "J"].sum())
    tua = int(d.loc[umur.isin(["65-69", "70-74", "75+"]), "J"].sum())
    produktif = lk + pr - muda - tua
    assert kelompok_besar(d)[0] == {"0-14": muda, "15-64": produktif, "65+": tua}
    ind = {i.nama: i.nilai for i in hitung_indikator(d, 2.0)}
    assert ind["Jumlah penduduk"] == lk + pr
    assert ind["Rasio jenis kelamin"] == pytest.approx(100 * lk / pr)
    assert ind["Rasio ketergantungan"] == pytest.approx(100 * (muda + tua) / produktif)
    assert ind["Kepadatan penduduk"] == pytest.approx((lk + pr) / 2.0)
    assert "Kepadatan penduduk" not in {i.nama for i in hitung_indikator(d, None)}
    assert tabel_per_rw(d)["J"].sum() == tabel_per_umur(d)["J"].sum() == lk + pr
    assert float(tabel_per_umur(d)["persen"].sum()) == pytest.approx(100)


def test_soal_dan_sapaan_anda():
    soal = semua_soal()
    assert [type(s) for s in soal] == [SoalPilihan, SoalAngka, SoalAngka]
    for s in soal:
        assert s.periksa(s.jawaban if isinstance(s, SoalPilihan) else s.jawaban_teks()).benar
    assert not soal[1].periksa("100").benar
    kotak = tampilkan_soal(soal, sapaan="anda")
    teks = []

    def kumpul(w):
        for a in ("value", "placeholder"):
            if isinstance(getattr(w, a, None), str):
                teks.append(getattr(w, a))
        for anak in getattr(w, "children", ()):
            kumpul(anak)

    kumpul(kotak)
    semua = " ".join(teks)
    assert "Kemajuan Anda" in semua and "jawaban Anda" in semua
    assert not re.search(r"\b(kamu|\w+mu)\b", semua, re.I), semua


def test_dibuka_dengan_contoh_fiktif(contoh):
    assert contoh.model.fiktif
    assert "DATA CONTOH FIKTIF" in contoh.spanduk.value
    assert "DATA CONTOH FIKTIF" in alt_grafik(contoh)
    assert "templat_penduduk_kelurahan.xlsx" in contoh.bagian_templat.children[0].value
    assert contoh.isian_meta["daftar_rt"].value == vk.META_CONTOH.daftar_rt
    assert "Perlu diperbaiki" not in contoh.laporan.value
    assert "Tabel per RW × RT" in contoh.kalimat_bentuk.value


def test_kontrol_pertama_mengubah_grafik_pertama(contoh):
    def kontrol(w):
        if isinstance(w, ipw.Dropdown | ipw.ToggleButtons | ipw.IntSlider):
            yield w
        for anak in getattr(w, "children", ()):
            yield from kontrol(anak)

    assert next(kontrol(contoh.widget)) is contoh.pilih_grafik
    sebelum, alt = src_grafik(contoh), alt_grafik(contoh)
    contoh.pilih_grafik.value = "Penduduk per RW"
    assert src_grafik(contoh) != sebelum and alt_grafik(contoh) != alt
    assert "RW 0" in alt_grafik(contoh)
    contoh.pilih_grafik.value = "Piramida penduduk"
    assert src_grafik(contoh) == sebelum


def test_unggah_berkas_bermasalah_lalu_bersihkan_dan_urungkan():
    app = OlahDataKelurahan.contoh()
    isi = vk.berkas_contoh_bermasalah()
    sidik = hashlib.sha256(isi).hexdigest()
    unggah(app, "data_rt.csv", isi)
    assert app.model.nama_berkas == "data_rt.csv" and app.model.asli == isi
    laporan = unescape(app.laporan.value)
    assert "Baris 5, kolom D “Laki-laki (jiwa)”: “14 jiwa” bukan angka" in laporan
    assert "Baris 116, kolom D “Laki-laki (jiwa)”: baris jumlah menulis" in laporan
    assert "Windows-1252" in unescape(app.status.value)
    assert [t.description for t in tombol(app)] == ["Terapkan"] * 3
    tombol(app)[0].click()  # text to numbers
    assert "“14 jiwa” bukan angka" not in unescape(app.laporan.value)
    assert "Urungkan" in [t.description for t in tombol(app)]
    app.urungkan()
    assert "“14 jiwa” bukan angka" in unescape(app.laporan.value)
    assert hashlib.sha256(app.model.asli).hexdigest() == sidik == app.model.sidik


def test_peran_kolom_diubah_dari_daftar():
    app = OlahDataKelurahan.contoh()
    daftar = [w for w in app.peran.children if isinstance(w, ipw.Dropdown)]
    assert [d.description for d in daftar][:2] == ["A “RW”", "B “RT”"]
    perempuan = next(d for d in daftar if d.description == "E “perempuan”")
    perempuan.value = Peran("abaikan")
    assert app.model.pemetaan["perempuan"] == Peran("abaikan")
    assert "Kolom E “perempuan” tidak dipakai" in unescape(app.peran.children[0].value)
    assert "jumlah saja" in app.kalimat_bentuk.value  # women are no longer counted apart


def test_unggahan_buruk_tidak_menjatuhkan_aplikasi():
    app = OlahDataKelurahan.contoh()
    unggah(app, "laporan.xlsx", b"%PDF-1.7 bukan excel")
    assert "PDF" in app.laporan.value and "literasi-umpan salah" in app.status.value
    assert "Grafik muncul" in app.grafik.value
    assert not app.model.fiktif
    app.siapkan_unduhan()
    berkas = tautan(app.unduhan.value)
    pdf = next(v for k, v in berkas.items() if k.endswith(".pdf"))
    assert ekspor.hitung_halaman(pdf) >= 3  # never an empty report: says why, lists problems
    app.tombol_contoh.click()
    assert app.model.fiktif and "literasi-grafik" in app.grafik.value


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
    assert ekspor.hitung_halaman(pdf) == ekspor.jumlah_halaman_pdf(contoh.model.bagian_pdf())
    buku = load_workbook(io.BytesIO(berkas[next(n for n in nama if n.endswith(".xlsx"))]))
    assert buku.sheetnames[-1] == "Metadata"
    assert {"Data asli", "Per RW", "Per umur", "Indikator", "Pemeriksaan"} <= set(buku.sheetnames)
    meta = {r[0]: r[1] for r in buku["Metadata"].iter_rows(values_only=True) if r and r[0]}
    assert "DATA CONTOH FIKTIF" in meta["PERHATIAN"]
    assert meta["Pemetaan kolom D “laki_laki”"] == "banyak laki-laki"
    # Numbers as numbers, with the decimals that make sense; rows as Excel shows them.
    per_rw = buku["Per RW"]
    assert [c.value for c in per_rw[1]] == ["RW", "Laki-laki", "Perempuan", "Jumlah", "Rasio JK"]
    assert isinstance(per_rw["E2"].value, float) and per_rw["E2"].number_format == "#,##0.0"
    assert per_rw["B2"].number_format == "#,##0"
    asli = buku["Data asli"]
    assert asli["A1"].value == "Baris di Excel" and asli["A2"].value == 5  # header in row 4


def test_injeksi_dari_unggahan_diloloskan_di_semua_unduhan():
    app = OlahDataKelurahan.contoh()
    bahaya = '=HYPERLINK("http://x","klik")'
    baris = ["RW,RT,kelompok_umur,laki_laki,perempuan,keterangan"]
    baris += [f'1,1,{u},3,4,"{bahaya.replace(chr(34), chr(34) * 2)}"' for u in vk.KELOMPOK_UMUR]
    unggah(app, "injeksi.csv", ("\n".join(baris) + "\n").encode())
    assert "<a href" not in app.tabel.value
    app.siapkan_unduhan()
    berkas = tautan(app.unduhan.value)
    buku = load_workbook(io.BytesIO(berkas[next(n for n in berkas if n.endswith(".xlsx"))]))
    nilai = [c.value for r in buku["Data asli"].iter_rows() for c in r if isinstance(c.value, str)]
    assert "'" + bahaya in nilai and bahaya not in nilai
    assert all(c.data_type != "f" for ws in buku.worksheets for r in ws.iter_rows() for c in r)
