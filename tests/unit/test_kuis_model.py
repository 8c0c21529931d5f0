"""The quiz host's model alone (literasi.kelas.kuis_model), on a real SQLite file: the teacher's
actions through the model, the phones through a second connection as the workshop server
writes (literasi.kelas.kuis_penyimpanan), no widget anywhere."""

from __future__ import annotations

import io
import subprocess
import sys
from pathlib import Path

import openpyxl
import pytest

from literasi.format import format_angka
from literasi.kelas import kuis_penyimpanan as kp
from literasi.kelas.kuis_aturan import poin_jawaban
from literasi.kelas.kuis_model import SENDIRI, ModelKuis
from literasi.kelas.kuis_soal import buat_templat


@pytest.fixture
def berkas(tmp_path) -> Path:
    return tmp_path / "kuis_kelas.sqlite"


def kirim(hp, pemain: dict, nomor: int, jawaban: str, detik: float) -> str:
    """A phone's answer to question `nomor`, received `detik` seconds after it opened."""
    dibuka = hp.execute(
        "SELECT dibuka FROM soal WHERE sesi = ? AND nomor = ?", (pemain["sesi"], nomor)
    ).fetchone()[0]
    kiriman = {
        "pemain": pemain["id"], "sesi": pemain["sesi"], "nomor": nomor, "jawaban": jawaban,
        "kunci_kirim": f"{pemain['token']}-{nomor}", "diterima": dibuka + detik,
    }  # fmt: skip
    return kp.simpan_jawaban(hp, [kiriman])[0][0]


def jawaban_benar(soal) -> str:
    """The right answer as a phone sends it: the option's text, or the number typed."""
    if soal.jenis != "angka":
        return soal.soal.jawaban
    return format_angka(soal.soal.jawaban, soal.soal.desimal) + ("%" if soal.soal.persen else "")


def test_model_tanpa_widget_dan_grafik():
    """The model module imports neither ipywidgets nor matplotlib itself, and importing it
    draws in no chart library (ipywidgets still arrives through literasi.soal, whose exercise
    objects grade the answers and also build the lessons' widgets)."""
    sumber = Path(sys.modules[ModelKuis.__module__].__file__).read_text(encoding="utf-8")
    assert "ipywidgets" not in sumber and "matplotlib" not in sumber
    kode = "import sys, literasi.kelas.kuis_model; print('matplotlib' in sys.modules)"
    keluar = subprocess.run([sys.executable, "-c", kode], capture_output=True, text=True)
    assert keluar.stdout.strip() == "False", keluar.stderr


def test_satu_kuis_dua_pemain_sampai_arsip(berkas):
    m = ModelKuis(berkas, jalur="/kuis", alamat="http://192.168.1.10:8866/")
    assert m.buka_ruang(SENDIRI).jenis == "salah" and m.sesi is None  # nothing uploaded yet
    assert m.muat_excel("templat.xlsx", buat_templat()).jenis == "benar"
    assert [s.jenis for s in m.soal_pilihan(SENDIRI)[2]] == ["pilihan", "benar_salah", "angka"]
    assert m.buka_ruang(SENDIRI) is None
    sesi, kode = m.sesi, m.bacaan.sesi["kode_ruang"]
    assert m.tahap == "gabung" and m.aksi() == ["mulai"] and m.sisa_detik() is None
    assert m.url_pemain() == f"http://192.168.1.10:8866/kuis?ruang={kode}"

    hp = kp.sambung(berkas)  # the workshop server's own connection
    ani, budi = (kp.gabung(hp, kode, n) for n in ("Ani", "Budi"))
    assert m.langkah() and [n for _, n in m.bacaan.pemain] == ["Ani", "Budi"]
    assert not m.langkah(), "nothing new: no second read"

    # Question 1 (multiple choice): Ani right after 2 s, Budi wrong after 5 s.
    m.mulai_soal()
    s1 = m.soal_kini
    assert m.tahap == "soal" and m.aksi() == ["tutup"]
    assert m.sisa_detik(m.bacaan.sesi["batas"] - 3.2) == 3
    salah_1 = next(p for p in s1.pilihan if p != jawaban_benar(s1))
    assert kirim(hp, ani, 1, jawaban_benar(s1), 2.0) == "baru"
    assert kirim(hp, budi, 1, salah_1, 5.0) == "baru"
    assert m.langkah() and len(m.bacaan.jawaban) == 2
    m.tutup_soal()
    assert m.tahap == "tutup" and m.aksi() == ["papan", "mulai"] and m.nomor_berikut == 2
    m.ke_tahap("papan")
    assert m.aksi() == ["mulai"]

    # Question 2 (true/false): Budi right after 1 s; the timer closes it, a late answer is out.
    m.mulai_soal()
    s2, batas = m.soal_kini, m.bacaan.sesi["batas"]
    assert kirim(hp, budi, 2, jawaban_benar(s2), 1.0) == "baru"
    assert m.langkah(batas - 0.5) and m.tahap == "soal", "the answer is read, still open"
    assert m.langkah(batas + 0.01) and m.tahap == "tutup", "time is up: closed by the timer"
    assert kirim(hp, ani, 2, jawaban_benar(s2), s2.detik + 1.0) == "tolak"

    # Question 3 (a number): Ani right after 4 s; then the end.
    m.mulai_soal()
    s3 = m.soal_kini
    assert kirim(hp, ani, 3, jawaban_benar(s3), 4.0) == "baru"
    m.tutup_soal()
    assert m.aksi() == ["papan", "selesai"]
    m.ke_tahap("selesai")
    assert m.aksi() == ["ekspor", "arsip"]

    # Standings: the model's read is the storage's, and the points are the rule's.
    assert m.bacaan.skor == kp.peringkat(hp, sesi)
    skor = {k.nama: k for k in m.bacaan.skor}
    assert skor["Ani"].benar == 2 and skor["Budi"].benar == 1
    assert skor["Ani"].poin == poin_jawaban(True, 2000, s1.detik * 1000, 3) + poin_jawaban(
        True, 4000, s3.detik * 1000, 3
    )
    assert skor["Budi"].poin == poin_jawaban(True, 1000, s2.detik * 1000, 3)
    assert [k.nama for k in m.bacaan.skor] == ["Ani", "Budi"]
    ringkasan = m.bacaan.ringkasan
    assert [r["persen_benar"] for r in ringkasan] == [50.0, 100.0, 100.0]
    assert ringkasan[0]["salah_terbanyak"] == salah_1 and ringkasan[1]["menjawab"] == 1

    # The results file: its name, and the same standings inside.
    nama, isi = m.berkas_excel(sesi)
    assert nama.startswith(f"kuis_kelas_{kode}_") and nama.endswith(".xlsx")
    buku = openpyxl.load_workbook(io.BytesIO(isi))
    assert buku.sheetnames[:3] == ["Pemain", "Soal", "Jawaban"]
    pemain = list(buku["Pemain"].iter_rows(min_row=2, values_only=True))
    assert [(r[1], r[2]) for r in pemain] == [
        ("Ani", skor["Ani"].poin),
        ("Budi", skor["Budi"].poin),
    ]

    # Archived: back to choosing; the quiz refuses to continue, its results stay.
    pesan = m.arsipkan()
    assert pesan.jenis == "benar" and "diarsipkan" in pesan.html
    assert m.sesi is None and m.bacaan is None and m.aksi() == [] and not m.langkah()
    assert m.lanjutkan(sesi).jenis == "petunjuk" and m.sesi is None
    assert kp.ambil_sesi(hp, sesi)["diarsipkan"]
    label, nomor = m.daftar_tersimpan()[0]
    assert nomor == sesi and label.endswith("2 pemain · arsip")
    assert m.berkas_excel(sesi)[1][:2] == b"PK"


def test_kuis_dilanjutkan_dari_model_baru(berkas):
    """The teacher's page closed mid-question: a new kernel continues the same room."""
    m = ModelKuis(berkas, jalur="/kuis")
    m.buka_ruang("kota")
    m.mulai_soal()
    assert m.url_pemain() is None, "not on the LAN: no QR code"
    baru = ModelKuis(berkas, jalur="/kuis")
    assert baru.daftar_tersimpan()[0][1] == m.sesi
    assert baru.lanjutkan(m.sesi) is None
    assert baru.tahap == "soal" and baru.bacaan.sesi["soal_ke"] == 1
    assert [s.pertanyaan for s in baru.soal] == [s.pertanyaan for s in m.soal]
    assert baru.soal_kini.benar(jawaban_benar(m.soal[0]))


def test_excel_rusak_tidak_menjatuhkan_kernel(berkas):
    m = ModelKuis(berkas)
    pesan = m.muat_excel("kuis.xlsx", b"bukan excel")
    assert pesan.jenis == "salah" and "belum bisa dipakai" in pesan.html
    assert m.kuis_excel.masalah, "the problems are named for the teacher"
    assert m.soal_pilihan(SENDIRI) == ("", "", [])
