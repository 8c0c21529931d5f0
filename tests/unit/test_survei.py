"""Sensus Kelas: questionnaire checks, storage (schema, export, sampler) and both views.

Plain pytest, no kernel and no browser: the views are driven as a student or teacher would,
by setting `.value` and calling `.click()`, against a database in a temporary folder.
Example answers are SIMULASI (seeded random numbers), never real students' data.
"""

from __future__ import annotations

import base64
import io
import random
import re
import sqlite3
from pathlib import Path

import pandas as pd
import pytest
from openpyxl import load_workbook

from literasi.kelas import penyimpanan as survei_db
from literasi.kelas import pin, ponsel
from literasi.kelas.dasbor_sensus_kelas import DasborGuru
from literasi.kelas.kuesioner import (
    ANGKA,
    PER_KUNCI,
    PERTANYAAN,
    IsianTidakSah,
    kalimat_posisi,
    periksa_isian,
    periksa_satu,
)
from literasi.kelas.sensus_kelas import FormulirSurvei
from literasi.kelas.tampilan_survei import tabel_html

REPO = Path(__file__).resolve().parents[2]
SKRIP = "<script>alert('xss')</script>"


@pytest.fixture(autouse=True)
def db(tmp_path, monkeypatch) -> Path:
    """Every test gets its own empty data folder (the env var the server also honours)."""
    monkeypatch.setenv(survei_db.ENV_FOLDER, str(tmp_path / "data"))
    monkeypatch.delenv(pin.ENV_HASH, raising=False)
    monkeypatch.delenv(ponsel.ENV_SERVER, raising=False)  # Binder's way: a key per page
    return tmp_path / "data" / survei_db.NAMA_FILE


def isian_simulasi(acak: random.Random) -> dict[str, str]:
    """What a student might type (SIMULASI): text, with Indonesian decimal commas."""
    tinggi = acak.uniform(140, 175)
    return {
        "tinggi_cm": f"{tinggi:.1f}".replace(".", ","),
        "rentang_lengan_cm": f"{tinggi + acak.uniform(-6, 6):.0f}",
        "waktu_tempuh_menit": str(acak.randint(3, 50)),
        "moda": acak.choice(PER_KUNCI["moda"].pilihan),
        "tidur_jam": acak.choice(["6", "6,5", "7", "7,5", "8", "9"]),
        "layar_jam": acak.choice(["1", "2", "2,5", "3", "4", "6"]),
        "pelajaran_favorit": acak.choice(PER_KUNCI["pelajaran_favorit"].pilihan),
        "tangan_dominan": acak.choice(["kanan"] * 8 + ["kiri", "keduanya"]),
        "saudara_kandung": str(acak.randint(0, 4)),
        "sarapan": acak.choice(["ya", "ya", "tidak"]),
        "air_minum_gelas": str(acak.randint(2, 10)),
        "cita_cita": acak.choice(["dokter", "guru", "", "pemain bola", "programmer"]),
    }


def isi_kelas_simulasi(kode: str, n: int, seed: int) -> None:
    survei_db.buat_kelas(kode)
    acak = random.Random(seed)
    for i in range(n):
        nilai, galat = periksa_isian(isian_simulasi(acak))
        assert not galat, galat
        assert survei_db.simpan_jawaban(kode, f"simulasi-{kode}-{i}", nilai)


# --- The questionnaire --------------------------------------------------------------------


def test_kuesioner_satu_definisi_dan_tanpa_identitas():
    assert 10 <= len(PERTANYAAN) <= 12
    assert tuple(p.kunci for p in PERTANYAAN) == survei_db.KOLOM_JAWABAN
    for p in PERTANYAAN:
        assert not re.search(r"nama|nisn|nik|alamat|telepon|hp|email|lahir", p.kunci), p.kunci
        if p.angka:
            assert p.satuan and p.batas, p.kunci
        if p.jenis == "pilihan":
            assert len(p.pilihan) >= 2


@pytest.mark.parametrize(
    ("kunci", "ketikan", "pesan"),
    [
        ("tinggi_cm", "1.700", "Tinggi: 1.700 cm? Mungkin maksudmu 170 cm?"),
        ("tinggi_cm", "1,70", "Tinggi: 1,7 cm? Mungkin maksudmu 170 cm (meter diubah ke cm)?"),
        ("tinggi_cm", "17", "Tinggi: 17 cm? Isi angka antara 100 dan 220 cm."),
        ("tinggi_cm", "seratus", "Tinggi: “seratus” belum bisa dibaca sebagai angka."),
        ("tinggi_cm", "", "Tinggi: belum diisi."),
        ("tinggi_cm", "50%", "tanpa tanda %"),
        ("tidur_jam", "480", "Lama tidur: 480 jam? Mungkin maksudmu 8 jam (menit diubah ke jam)?"),
        ("layar_jam", "-1", "Waktu layar: -1 jam? Isi angka antara 0 dan 20 jam."),
        ("waktu_tempuh_menit", "1.234", "Waktu tempuh: 1.234 menit?"),
        ("saudara_kandung", "2,5", "Saudara kandung: tulis bilangan bulat"),
        ("moda", "", "Cara ke sekolah: pilih salah satu."),
        ("moda", "pesawat", "pilih salah satu dari daftar"),
        ("cita_cita", "x" * 61, "Cita-cita: terlalu panjang, paling banyak 60 huruf."),
    ],
)
def test_pesan_ramah_menyebut_pertanyaannya(kunci, ketikan, pesan):
    with pytest.raises(IsianTidakSah) as galat:
        periksa_satu(PER_KUNCI[kunci], ketikan)
    assert pesan in str(galat.value)


@pytest.mark.parametrize(
    ("kunci", "ketikan", "nilai"),
    [
        ("tinggi_cm", "156,5", 156.5),
        ("tinggi_cm", "156.5", 156.5),
        ("tinggi_cm", "170 cm", 170.0),
        ("tidur_jam", "7,5", 7.5),
        ("tidur_jam", "7 1/2", None),  # not a number baca_angka reads: must be refused
        ("layar_jam", "0", 0.0),
        ("waktu_tempuh_menit", " 15 ", 15),
        ("saudara_kandung", "0", 0),
        ("moda", "angkot", "angkot"),
        ("cita_cita", "", None),
        ("cita_cita", "  dokter\u0000  hewan ", "dokter hewan"),
    ],
)
def test_isian_yang_diterima(kunci, ketikan, nilai):
    p = PER_KUNCI[kunci]
    if nilai is None and p.wajib:
        with pytest.raises(IsianTidakSah):
            periksa_satu(p, ketikan)
        return
    assert periksa_satu(p, ketikan) == nilai


def test_periksa_isian_mengumpulkan_semua_pesan_dengan_nomor():
    nilai, galat = periksa_isian({"tinggi_cm": "1.700", "cita_cita": SKRIP})
    assert galat["tinggi_cm"] == "1. Tinggi: 1.700 cm? Mungkin maksudmu 170 cm?"
    assert set(galat) == {p.kunci for p in PERTANYAAN if p.wajib}
    assert nilai["cita_cita"] == SKRIP  # stored raw, escaped where shown


def test_kalimat_posisi():
    p = PER_KUNCI["tinggi_cm"]
    teman = pd.Series([150.0, 155.0, 160.0, 165.0, None], dtype="Float64")
    kalimat = kalimat_posisi(p, 160.0, teman)
    assert "Dari 4 teman sekelas" in kalimat
    assert "lebih tinggi dari <b>2</b>, sama dengan 1, dan lebih pendek dari 1" in kalimat
    assert "pertama" in kalimat_posisi(p, 160.0, pd.Series([], dtype="Float64"))


# --- Storage ------------------------------------------------------------------------------


def test_folder_data_dari_env_atau_data_lokal(tmp_path, monkeypatch):
    assert survei_db.folder_data() == tmp_path / "data"
    assert (tmp_path / "data").is_dir()
    monkeypatch.delenv(survei_db.ENV_FOLDER)
    monkeypatch.delenv("LITERASI_DATA_LOKAL", raising=False)  # tests/conftest.py sets it
    assert survei_db.folder_data() == REPO / "data_lokal"
    assert "data_lokal/" in (REPO / ".gitignore").read_text().splitlines()


def test_skema_berversi_wal_dan_batas_tunggu(db):
    con = survei_db.sambung()
    assert con.execute("PRAGMA user_version").fetchone()[0] == survei_db.VERSI_SKEMA >= 1
    assert con.execute("PRAGMA journal_mode").fetchone()[0] == "wal"
    assert con.execute("PRAGMA busy_timeout").fetchone()[0] >= 5000
    kolom = [b[1] for b in con.execute("PRAGMA table_info(jawaban)")]
    assert kolom == ["id", "kode_kelas", "kunci_kirim", "waktu", *survei_db.KOLOM_JAWABAN]
    assert [b[1] for b in con.execute("PRAGMA table_info(kelas)")] == [
        "kode_kelas", "dibuat", "diarsipkan", "batas_ponsel",
    ]  # fmt: skip
    con.close()
    # Reopening does not migrate again; an older file is brought up to date.
    survei_db.sambung().close()
    lama = db.parent / "lama.sqlite"
    sqlite3.connect(lama).close()  # version 0: empty
    con = survei_db.sambung(lama)
    assert con.execute("PRAGMA user_version").fetchone()[0] == survei_db.VERSI_SKEMA
    con.close()


def test_simpan_sekali_saja_dan_kelas_harus_ada():
    nilai, _ = periksa_isian(isian_simulasi(random.Random(1)))
    with pytest.raises(survei_db.KelasTidakAda):
        survei_db.simpan_jawaban("8A", "k1", nilai)
    assert survei_db.buat_kelas(" 8a ") is True
    assert survei_db.buat_kelas("8A") is False
    assert survei_db.simpan_jawaban("8a", "k1", nilai) is True
    assert survei_db.simpan_jawaban("8A", "k1", nilai) is False  # double tap
    assert len(survei_db.ambil_jawaban("8A")) == 1
    with pytest.raises(KeyError):
        survei_db.simpan_jawaban("8A", "k2", {"nama": "Budi"})
    assert survei_db.status_kelas("8A") == "aktif" and survei_db.status_kelas("9Z") is None


def test_ambil_jawaban_dengan_dtype_yang_benar():
    isi_kelas_simulasi("SIMULASI-A", 5, seed=1)
    tabel = survei_db.ambil_jawaban("simulasi-a")
    assert len(tabel) == 5
    assert str(tabel["tinggi_cm"].dtype) == "Float64"
    assert str(tabel["saudara_kandung"].dtype) == "Int64"
    assert str(tabel["moda"].dtype) == "string"
    assert pd.api.types.is_datetime64_any_dtype(tabel["waktu"])
    assert tabel["kode_kelas"].eq("SIMULASI-A").all()


def test_arsip_dan_hapus():
    isi_kelas_simulasi("SIMULASI-A", 4, seed=1)
    isi_kelas_simulasi("SIMULASI-B", 3, seed=2)
    assert survei_db.arsipkan_kelas("SIMULASI-A") is True
    assert survei_db.status_kelas("SIMULASI-A") == "arsip"
    nilai, _ = periksa_isian(isian_simulasi(random.Random(9)))
    with pytest.raises(survei_db.KelasDiarsipkan):
        survei_db.simpan_jawaban("SIMULASI-A", "baru", nilai)
    assert survei_db.simpan_jawaban("SIMULASI-A", "simulasi-SIMULASI-A-0", nilai) is False
    assert len(survei_db.ambil_jawaban()) == 3  # archived class left out
    assert len(survei_db.ambil_jawaban(termasuk_arsip=True)) == 7
    assert len(survei_db.ambil_jawaban("SIMULASI-A")) == 4  # still there
    assert survei_db.hapus_kelas("SIMULASI-A") == 4
    assert survei_db.status_kelas("SIMULASI-A") is None
    assert len(survei_db.ambil_jawaban(termasuk_arsip=True)) == 3


def test_sampel_acak_berseed():
    isi_kelas_simulasi("SIMULASI-A", 12, seed=1)
    isi_kelas_simulasi("SIMULASI-B", 12, seed=2)
    isi_kelas_simulasi("SIMULASI-C", 12, seed=3)
    survei_db.arsipkan_kelas("SIMULASI-C")
    a = survei_db.sampel_acak(10, seed=7)
    b = survei_db.sampel_acak(10, seed=7)
    c = survei_db.sampel_acak(10, seed=8)
    assert a["id"].tolist() == b["id"].tolist()
    assert a["id"].tolist() != c["id"].tolist()
    assert a["id"].is_unique and len(a) == 10
    assert set(a["kode_kelas"]) <= {"SIMULASI-A", "SIMULASI-B"}
    assert len(survei_db.sampel_acak(100, seed=1)) == 24  # all there is
    with pytest.raises(ValueError):
        survei_db.sampel_acak(0, seed=1)


def test_csv_dan_excel_terbaca_kembali():
    isi_kelas_simulasi("SIMULASI-A", 6, seed=1)
    nilai, _ = periksa_isian({**isian_simulasi(random.Random(5)), "cita_cita": SKRIP})
    survei_db.simpan_jawaban("SIMULASI-A", "skrip", nilai)
    nilai, _ = periksa_isian({**isian_simulasi(random.Random(6)), "cita_cita": "=1+2"})
    survei_db.simpan_jawaban("SIMULASI-A", "rumus", nilai)

    csv = pd.read_csv(io.BytesIO(survei_db.buat_csv("SIMULASI-A")), encoding="utf-8-sig")
    asli = survei_db.ambil_jawaban("SIMULASI-A")
    assert list(csv.columns) == list(asli.columns)
    assert len(csv) == 8
    assert csv["tinggi_cm"].tolist() == pytest.approx(asli["tinggi_cm"].astype(float).tolist())
    teks = csv.set_index("kunci_kirim")["cita_cita"]
    assert teks["skrip"] == SKRIP  # data kept as typed: a CSV runs no HTML
    assert teks["rumus"] == "'=1+2"  # …but a spreadsheet must not run it as a formula

    buku = load_workbook(io.BytesIO(survei_db.buat_excel("SIMULASI-A")))
    assert buku.sheetnames == ["Data", "Metadata"]
    data = list(buku["Data"].values)
    assert list(data[0]) == list(asli.columns) and len(data) == 9
    for baris in buku["Data"].iter_rows(min_row=2):
        for sel in baris:
            assert sel.data_type != "f", "no formulas in the data sheet"
    ket = [tuple(b) for b in buku["Metadata"].values]
    teks_ket = " ".join(str(v) for b in ket for v in b if v is not None)
    assert "Data anonim" in teks_ket and "Diekspor" in teks_ket
    dijelaskan = {b[0]: b for b in ket if b and b[0] in set(asli.columns)}
    assert set(dijelaskan) == set(asli.columns)
    assert dijelaskan["tinggi_cm"][1] == "Tinggi badan (satuan: cm)"


# --- Escaping -----------------------------------------------------------------------------


def test_teks_bebas_di_tabel_di_escape():
    html = tabel_html(pd.DataFrame({"cita_cita": [SKRIP, None]}), "judul <b>")
    assert "<script>" not in html and "&lt;script&gt;" in html
    assert "judul &lt;b&gt;" in html


def test_dasbor_menampilkan_teks_bebas_dengan_aman():
    isi_kelas_simulasi("SIMULASI-A", 3, seed=1)
    nilai, _ = periksa_isian({**isian_simulasi(random.Random(5)), "cita_cita": SKRIP})
    survei_db.simpan_jawaban("SIMULASI-A", "skrip", nilai)
    dasbor = DasborGuru()
    dasbor.variabel.value = "cita_cita"
    assert "&lt;script&gt;alert(&#x27;xss&#x27;)&lt;/script&gt;" in dasbor.sebaran.value
    semua_html = " ".join(w.value for w in _semua_html(dasbor.widget))
    assert "<script>" not in semua_html


def test_dasbor_menampilkan_jawaban_baru_sendiri():
    """On the projector new answers appear without Perbarui: each look (every 3 s in a
    kernel) reads and redraws only when a phone wrote."""
    isi_kelas_simulasi("SIMULASI-A", 3, seed=1)
    dasbor = DasborGuru()
    assert "<b>3</b> jawaban" in dasbor.hitungan.value
    sebelum = dasbor.hitungan.value
    dasbor.langkah()
    assert dasbor.hitungan.value == sebelum and dasbor.model.versi == 1
    nilai, _ = periksa_isian(isian_simulasi(random.Random(9)))
    survei_db.simpan_jawaban("SIMULASI-A", "ponsel-baru", nilai)
    dasbor.langkah()
    assert dasbor.model.versi == 2 and "<b>4</b> jawaban" in dasbor.hitungan.value
    assert len(dasbor.model.jawaban("SIMULASI-A")) == 4


def _semua_html(widget):
    """Every HTML widget under `widget` (what the browser would render)."""
    import ipywidgets as ipw

    if isinstance(widget, ipw.HTML):
        yield widget
    for anak in getattr(widget, "children", ()):
        yield from _semua_html(anak)


# --- Student view -------------------------------------------------------------------------


def isi_formulir(form: FormulirSurvei, isian: dict[str, str], kode: str) -> None:
    form.kode.value = kode
    for kunci, nilai in isian.items():
        form.isian[kunci].value = nilai


def test_formulir_isian_salah_tidak_hilang():
    survei_db.buat_kelas("8A")
    form = FormulirSurvei()
    isian = {**isian_simulasi(random.Random(3)), "tinggi_cm": "1.700"}
    isi_formulir(form, isian, "8a")
    form.tombol_kirim.click()
    assert "Belum terkirim" in form.status.value
    assert "1. Tinggi: 1.700 cm? Mungkin maksudmu 170 cm?" in form.status.value
    assert form.nilai_isian() == isian  # nothing lost
    assert form.widget.children == (form.form,)
    assert survei_db.ambil_jawaban("8A").empty


def test_formulir_kode_kelas_salah():
    form = FormulirSurvei()
    isi_formulir(form, isian_simulasi(random.Random(3)), "<b>9Z</b>")
    form.tombol_kirim.click()
    assert "tidak menerima jawaban: belum dibuat atau sudah ditutup" in form.status.value
    assert "<b>9Z</b>" not in form.status.value and "&lt;B&gt;9Z&lt;/B&gt;" in form.status.value
    form.kode.value = ""
    form.tombol_kirim.click()
    assert "Kode kelas: belum diisi" in form.status.value


def test_formulir_kirim_dua_kali_satu_baris_lalu_posisi():
    isi_kelas_simulasi("8A", 9, seed=4)
    form = FormulirSurvei()
    isi_formulir(form, {**isian_simulasi(random.Random(3)), "tinggi_cm": "160"}, "8A")
    form.tombol_kirim.click()
    form.tombol_kirim.click()  # double tap
    assert len(survei_db.ambil_jawaban("8A")) == 10
    assert "Terima kasih" in form.judul_terima_kasih.value
    assert "Dari 9 teman sekelas yang sudah mengisi, kamu lebih tinggi dari" in form.kalimat.value
    assert "<img" in form.grafik.value and "alt=" in form.grafik.value
    sebelum = form.grafik.value
    form.bandingkan.value = "tidur_jam"
    assert form.grafik.value != sebelum and "Lama tidur kamu" in form.kalimat.value
    # A classmate without a phone: one answer per phone unless the teacher lifts the limit.
    form.tombol_baru.click()
    assert "sudah mengirim 1 jawaban untuk kelas 8A" in form.pesan_baru.value
    assert form.widget.children == (form.terima_kasih,)
    survei_db.atur_batas_ponsel("8A", 2)
    form.tombol_baru.click()
    assert form.widget.children == (form.form,) and form.kode.value == "8A"
    assert form.isian["tinggi_cm"].value == ""
    isi_formulir(form, isian_simulasi(random.Random(11)), "8A")
    form.tombol_kirim.click()
    assert "Jawabanmu sudah tersimpan" in form.judul_terima_kasih.value
    assert len(survei_db.ambil_jawaban("8A")) == 11
    form.tombol_baru.click()
    assert "sudah mengirim 2 jawaban" in form.pesan_baru.value


def test_formulir_tidak_menyentuh_data_sebelum_kirim(db):
    FormulirSurvei()
    assert not db.exists()


def test_setiap_kontrol_punya_nama():
    form = FormulirSurvei()
    assert all(w.description for w in form.isian.values())
    assert len({w.description for w in form.isian.values()}) == len(PERTANYAAN)


# --- Teacher view -------------------------------------------------------------------------


def test_dasbor_alur_guru():
    dasbor = DasborGuru()
    assert "Belum ada kelas" in dasbor.daftar_html.value
    dasbor.kode_baru.value = "Budi Santoso <3"
    dasbor.tombol_buat.click()
    assert "Jangan memakai nama" in dasbor.pesan_kelas.value
    dasbor.kode_baru.value = "simulasi-8a"
    dasbor.tombol_buat.click()
    assert dasbor.kelas.value == "SIMULASI-8A"
    assert "Belum ada jawaban" in dasbor.sebaran.value

    acak = random.Random(12)
    for i in range(15):
        nilai, _ = periksa_isian(isian_simulasi(acak))
        survei_db.simpan_jawaban("SIMULASI-8A", f"s{i}", nilai)
    isi_kelas_simulasi("SIMULASI-8B", 20, seed=13)
    dasbor.tombol_perbarui.click()
    assert "<b>15</b> jawaban" in dasbor.hitungan.value
    assert "35 jawaban dari 2 kelas" in dasbor.hitungan.value
    assert dasbor.kelas.options == ("SIMULASI-8A", "SIMULASI-8B")

    grafik = dasbor.sebaran.value
    assert "<img" in grafik and "Rata-rata" in grafik
    dasbor.variabel.value = "moda"
    assert dasbor.sebaran.value != grafik and "Diagram batang" in dasbor.sebaran.value
    assert "Diagram pencar" in dasbor.dua.value
    dasbor.var_y.value = ANGKA[0].kunci
    dasbor.jenis_dua.value = "kategori"
    assert "Tabel silang kelas SIMULASI-8A" in dasbor.dua.value
    assert "<td style='text-align:right'>15</td>" in dasbor.dua.value  # grand total

    dasbor.n_sampel.value, dasbor.seed.value = 8, 42
    dasbor.tombol_sampel.click()
    pertama = dasbor.hasil_sampel.value
    assert "n = 8</b> dari 35 jawaban" in pertama and "seed 42" in pertama
    dasbor.tombol_sampel.click()
    assert dasbor.hasil_sampel.value == pertama  # seeded: the same sample again

    dasbor.tombol_csv.click()
    tautan = re.search(r"href='data:text/csv;base64,([^']+)'", dasbor.unduhan.value)
    csv = pd.read_csv(io.BytesIO(base64.b64decode(tautan.group(1))), encoding="utf-8-sig")
    assert len(csv) == 15 and "download='sensus_kelas_SIMULASI-8A_" in dasbor.unduhan.value
    dasbor.cakupan.value = "semua"
    dasbor.tombol_excel.click()
    tautan = re.search(r"href='data:application/[^;]+;base64,([^']+)'", dasbor.unduhan.value)
    buku = load_workbook(io.BytesIO(base64.b64decode(tautan.group(1))))
    assert buku["Data"].max_row == 36

    # Archive: a confirmation first, then the class is closed.
    kelola = dasbor.kelola
    kelola.tombol_arsip.click()
    assert survei_db.status_kelas("SIMULASI-8A") == "aktif"
    assert "Arsipkan kelas SIMULASI-8A?" in kelola.tanya.value
    assert kelola.konfirmasi.layout.display is None  # shown
    kelola.tombol_batal.click()
    assert kelola.konfirmasi.layout.display == "none"
    kelola.tombol_arsip.click()
    kelola.tombol_ya.click()
    assert survei_db.status_kelas("SIMULASI-8A") == "arsip"
    assert "arsip" in dasbor.daftar_html.value

    # Reset: the code must be typed.
    dasbor.kelas.value = "SIMULASI-8B"
    kelola.tombol_hapus.click()
    assert kelola.ketik_kode.layout.display is None
    kelola.ketik_kode.value = "SIMULASI-8A"
    kelola.tombol_ya.click()
    assert "persis" in kelola.pesan_kelola.value
    assert survei_db.status_kelas("SIMULASI-8B") == "aktif"
    kelola.ketik_kode.value = "simulasi-8b"
    kelola.tombol_ya.click()
    assert survei_db.status_kelas("SIMULASI-8B") is None
    assert "20 jawabannya sudah dihapus" in kelola.pesan_kelola.value
    assert dasbor.kelas.options == ("SIMULASI-8A",)
    assert "seluruh kelas (20 jawaban)" in kelola.catatan_html.value


def test_dasbor_kelola_batas_dan_hapus_satu_jawaban():
    isi_kelas_simulasi("SIMULASI-A", 3, seed=1)
    dasbor = DasborGuru()
    kelola = dasbor.kelola
    assert kelola.batas.value == 1 and "Isian per ponsel" in dasbor.daftar_html.value
    kelola.batas.value = 3
    kelola.tombol_batas.click()
    assert "satu ponsel boleh mengirim 3 jawaban" in kelola.pesan_kelola.value
    assert survei_db.daftar_kelas()["batas_ponsel"].tolist() == [3]
    # Every answer with its number; the teacher deletes one by its number.
    tabel = survei_db.ambil_jawaban("SIMULASI-A")
    nomor = int(tabel["id"].iloc[1])
    assert f"<td style='text-align:right'>{nomor}</td>" in kelola.tabel_jawaban.value
    kelola.nomor_hapus.value = nomor
    kelola.tombol_hapus_baris.click()
    assert f"Hapus jawaban nomor {nomor} dari kelas SIMULASI-A?" in kelola.tanya.value
    assert kelola.ketik_kode.layout.display == "none"  # one row: no code to type
    kelola.tombol_ya.click()
    assert "sudah dihapus dan dicatat" in kelola.pesan_kelola.value
    assert nomor not in survei_db.ambil_jawaban("SIMULASI-A")["id"].tolist()
    assert f"jawaban nomor {nomor}" in kelola.catatan_html.value
    assert "<b>2</b> jawaban" in dasbor.hitungan.value
    assert kelola.batas.value == 3


def test_dasbor_dengan_pin(monkeypatch):
    isi_kelas_simulasi("SIMULASI-A", 3, seed=1)
    monkeypatch.setenv(pin.ENV_HASH, pin.hash_pin("482113"))
    dasbor = DasborGuru()
    # Before the PIN: only the gate exists (widget state reaches the browser once created).
    assert not hasattr(dasbor, "kelas")
    assert "SIMULASI-A" not in " ".join(w.value for w in _semua_html(dasbor.widget))
    gerbang = dasbor.gerbang
    gerbang.isian_pin.value = "123456"
    gerbang.tombol_masuk.click()
    assert "PIN salah" in gerbang.pesan_pin.value and not hasattr(dasbor, "kelas")
    assert gerbang.isian_pin.value == ""
    for _ in range(pin.BATAS_PONSEL - 1):
        gerbang.masuk("000000")
    assert gerbang.masuk("482113") is False  # locked for a while after many wrong PINs
    assert "Terlalu banyak PIN salah dari perangkat ini" in gerbang.pesan_pin.value
    assert not hasattr(dasbor, "kelas")


def test_dasbor_terbuka_dengan_pin_yang_benar(monkeypatch):
    isi_kelas_simulasi("SIMULASI-A", 3, seed=1)
    monkeypatch.setenv(pin.ENV_HASH, pin.hash_pin("482113"))
    dasbor = DasborGuru()
    dasbor.gerbang.isian_pin.value = "482113"
    dasbor.gerbang.tombol_masuk.click()
    assert dasbor.kelas.value == "SIMULASI-A"
    assert dasbor.widget.children[0] is not dasbor.gerbang.widget
    assert "Belum ada PIN salah" in dasbor.kelola.info_pin.value


def test_tanpa_pin_langsung_terbuka():
    assert hasattr(DasborGuru(), "kelas")
