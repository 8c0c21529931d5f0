"""Kuis Kelas without a browser: points, ties, nicknames, late answers, double taps, the Excel
template and the export read back, on a real SQLite file and real .xlsx files (openpyxl)."""

from __future__ import annotations

import io
import random
import sqlite3
import threading
import time

import pytest
from openpyxl import Workbook, load_workbook

from literasi.format import format_angka
from literasi.kelas import kuis_penyimpanan as kp
from literasi.kelas.kuis_aturan import (
    BERKAS_KATA_KASAR,
    BONUS_TOTAL,
    POIN_BENAR,
    NamaDitolak,
    aturan_poin,
    baca_kata_kasar,
    bonus_maks,
    poin_jawaban,
    rapikan_nama,
    susun_peringkat,
)
from literasi.kelas.kuis_soal import (
    KUIS_BAWAAN,
    SoalKuis,
    baca_kuis_excel,
    buat_templat,
    dari_pelajaran,
    ke_baris_db,
)
from literasi.kelas.kuis_web import pesan_keadaan
from literasi.kelas.penyimpanan import versi_data

KATA = baca_kata_kasar()


# --- Points and ranking ---------------------------------------------------------------------


def test_poin_benar_dulu_baru_cepat():
    assert poin_jawaban(False, 0, 20_000, 8) == 0
    assert poin_jawaban(True, 20_000, 20_000, 8) == POIN_BENAR
    assert poin_jawaban(True, 25_000, 20_000, 8) == POIN_BENAR  # late by the clock: no bonus
    assert poin_jawaban(True, 0, 20_000, 8) == POIN_BENAR + bonus_maks(8)
    cepat, lambat = poin_jawaban(True, 2_000, 20_000, 8), poin_jawaban(True, 9_000, 20_000, 8)
    assert POIN_BENAR < lambat < cepat


@pytest.mark.parametrize("banyak_soal", range(1, 41))
def test_semua_bonus_kalah_dari_satu_jawaban_benar(banyak_soal):
    # The fastest possible player with k right answers stays below anyone with k + 1.
    bonus_semua = banyak_soal * bonus_maks(banyak_soal)
    assert bonus_semua <= BONUS_TOTAL < POIN_BENAR
    k = banyak_soal - 1
    tercepat = sum(poin_jawaban(True, 0, 10_000, banyak_soal) for _ in range(k))
    terlambat = sum(poin_jawaban(True, 10_000, 10_000, banyak_soal) for _ in range(k + 1))
    assert tercepat < terlambat


def test_aturan_poin_di_layar_memakai_angka_yang_sama():
    teks = aturan_poin(8)
    assert "1.000 poin" in teks and f"sampai {bonus_maks(8)} poin" in teks
    assert "lebih singkat" in teks and "bergabung lebih dulu" in teks


def test_seri_dipecah_waktu_lalu_urutan_gabung_dan_tetap_sama():
    pemain = [(1, "Ani"), (2, "Budi"), (3, "Citra"), (4, "Dodi"), (5, "Eka")]
    jawaban = [
        (1, True, 1050, 4_000),  # 1050 points, 4 s
        (2, True, 1050, 3_000),  # same points, faster -> above Ani
        (3, True, 1050, 3_000),  # same points and time as Budi, joined later -> below Budi
        (4, False, 0, 500),  # wrong, fast: time on wrong answers does not count
        (5, True, 1100, 9_000),  # most points
    ]
    harapan = ["Eka", "Budi", "Citra", "Ani", "Dodi"]
    for seed in range(20):  # the same ranking whatever order the rows come in
        acak = random.Random(seed)
        p, j = pemain[:], jawaban[:]
        acak.shuffle(p)
        acak.shuffle(j)
        hasil = susun_peringkat(p, j)
        assert [s.nama for s in hasil] == harapan
        assert [s.peringkat for s in hasil] == [1, 2, 3, 4, 5]
    assert hasil[-1].poin == 0 and hasil[-1].waktu_benar_ms == 0


# --- Nicknames ----------------------------------------------------------------------------


@pytest.mark.parametrize(
    "nama, hasil",
    [("  Budi   S. ", "Budi S."), ("Asuka", "Asuka"), ("Pasukan 7", "Pasukan 7"),
     ("Superekstra", "Superekstra"), ("Dewi_Anjani", "Dewi_Anjani"), ("Setiawan", "Setiawan")],
)  # fmt: skip
def test_nama_panggilan_diterima(nama, hasil):
    assert rapikan_nama(nama, KATA) == hasil


@pytest.mark.parametrize(
    "nama, pesan",
    [("x", "minimal 2"), ("Namaku panjang sekali", "paling panjang 16"), ("1234", "huruf"),
     ("<b>x</b>", "Pakai huruf"), ("Budi\u202e", "Pakai huruf"), ("anjing", "tidak sopan"),
     ("ANJING", "tidak sopan"), ("4nj1ng", "tidak sopan"), ("anjiiiing", "tidak sopan"),
     ("a n j i n g", "tidak sopan"), ("si goblok", "tidak sopan"), ("asu", "tidak sopan"),
     ("Budi babi", "tidak sopan"), ("b-a-b-i", "tidak sopan"), ("Kontol99", "tidak sopan")],
)  # fmt: skip
def test_nama_panggilan_ditolak(nama, pesan):
    with pytest.raises(NamaDitolak, match=pesan):
        rapikan_nama(nama, KATA)


def test_daftar_kata_bisa_disunting_guru(tmp_path):
    milik_guru = tmp_path / "kuis_kata_kasar.txt"
    milik_guru.write_text("# kata tambahan kelas ini\nSiGanteng\n", encoding="utf-8")
    assert rapikan_nama("Si Ganteng", KATA) == "Si Ganteng"
    kata = baca_kata_kasar(BERKAS_KATA_KASAR, milik_guru)
    with pytest.raises(NamaDitolak):
        rapikan_nama("Si Ganteng", kata)
    assert "anjing" in kata and "kata" not in kata  # comments are not words


# --- Storage: joins, answers, double taps, late answers -------------------------------------


@pytest.fixture
def con(tmp_path):
    c = kp.sambung(tmp_path / "kuis.sqlite")
    yield c
    c.close()


def soal_contoh() -> list[SoalKuis]:
    return [dari_pelajaran("06", 4), dari_pelajaran("06", 2), dari_pelajaran("00", 1)]


def kuis(con, soal=None):
    soal = soal or soal_contoh()
    sesi, kode = kp.buat_sesi(con, "Uji", "uji", [ke_baris_db(s) for s in soal])
    return sesi, kode, soal


def kirim(pemain, nomor, jawaban, kunci, diterima=None):
    return {
        "pemain": pemain["id"],
        "sesi": pemain["sesi"],
        "nomor": nomor,
        "jawaban": jawaban,
        "kunci_kirim": kunci,
        "diterima": time.time() if diterima is None else diterima,
    }


def test_skema_wal_dan_berversi(con):
    assert con.execute("PRAGMA journal_mode").fetchone()[0] == "wal"
    assert con.execute("PRAGMA user_version").fetchone()[0] == kp.VERSI_SKEMA
    assert con.execute("PRAGMA busy_timeout").fetchone()[0] >= 5000


def test_gabung_kode_ruang_dan_nama_unik(con):
    sesi, kode, _ = kuis(con)
    assert len(kode) == 4 and kode.isdigit()
    with pytest.raises(kp.TolakKuis, match="tidak ditemukan"):
        kp.gabung(con, "0000" if kode != "0000" else "1111", "Ani")
    ani = kp.gabung(con, f" {kode} ", "Ani")
    assert ani["sesi"] == sesi and len(ani["token"]) >= 20
    with pytest.raises(kp.TolakKuis, match="sudah dipakai"):
        kp.gabung(con, kode, "ANI")
    # Coming back after a reload: the saved token finds the same player.
    assert kp.pemain_dari_token(con, ani["token"])["id"] == ani["id"]
    assert kp.pemain_dari_token(con, "tidak-ada-token") is None
    # Another active quiz never gets the same room code.
    kode_lain = {kuis(con)[1] for _ in range(30)}
    assert kode not in kode_lain and len(kode_lain) == 30


def test_ketuk_dua_kali_satu_jawaban(con):
    sesi, kode, soal = kuis(con)
    ani = kp.gabung(con, kode, "Ani")
    kp.buka_soal(con, sesi, 1)
    k = kirim(ani, 1, soal[0].pilihan[0], "kunci-ani-0001")
    assert kp.simpan_jawaban(con, [k, dict(k)]) == [("baru", k["jawaban"]), ("sama", k["jawaban"])]
    assert kp.simpan_jawaban(con, [k]) == [("sama", k["jawaban"])]  # a resend after a Wi-Fi drop
    # A second, different answer to the same question: the first one counts.
    lain = kirim(ani, 1, soal[0].pilihan[1], "kunci-ani-0002")
    assert kp.simpan_jawaban(con, [lain]) == [("sudah", k["jawaban"])]
    baris = con.execute("SELECT jawaban FROM jawaban").fetchall()
    assert [b[0] for b in baris] == [k["jawaban"]]


def test_kunci_milik_pemain_lain_ditolak(con):
    sesi, kode, soal = kuis(con)
    ani, budi = kp.gabung(con, kode, "Ani"), kp.gabung(con, kode, "Budi")
    kp.buka_soal(con, sesi, 1)
    kp.simpan_jawaban(con, [kirim(ani, 1, soal[0].pilihan[0], "kunci-bersama-01")])
    status, _ = kp.simpan_jawaban(con, [kirim(budi, 1, soal[0].pilihan[1], "kunci-bersama-01")])[0]
    assert status == "tolak"
    assert con.execute("SELECT COUNT(*) FROM jawaban").fetchone()[0] == 1


def test_jawaban_terlambat_ditolak_dan_tidak_dihitung(con):
    sesi, kode, soal = kuis(con)
    ani, budi, citra = (kp.gabung(con, kode, n) for n in ("Ani", "Budi", "Citra"))
    benar = soal[0].soal.jawaban
    # Before the question opens.
    assert kp.simpan_jawaban(con, [kirim(ani, 1, benar, "kunci-awal-0001")])[0][0] == "tolak"
    batas = kp.buka_soal(con, sesi, 1)
    hasil = kp.simpan_jawaban(
        con,
        [
            kirim(ani, 1, benar, "kunci-tepat-0001", diterima=batas - 0.01),
            kirim(budi, 1, benar, "kunci-telat-0001", diterima=batas + 0.01),  # by the clock
            kirim(citra, 2, benar, "kunci-salah-nomor"),  # a question that is not open
        ],
    )
    assert [h[0] for h in hasil] == ["baru", "tolak", "tolak"]
    assert "Waktu habis" in hasil[1][1] and "tidak dihitung" in hasil[1][1]
    # Closed by hand: the next answer is refused even though time is left.
    kp.tutup_soal(con, sesi, 1, soal[0].benar)
    status, pesan = kp.simpan_jawaban(con, [kirim(citra, 1, benar, "kunci-tutup-0001")])[0]
    assert status == "tolak" and "Waktu habis" in pesan
    skor = {s.nama: s for s in kp.peringkat(con, sesi)}
    assert skor["Ani"].benar == 1 and skor["Budi"].poin == 0 and skor["Citra"].poin == 0
    assert con.execute("SELECT COUNT(*) FROM jawaban").fetchone()[0] == 1


def test_tutup_menilai_dengan_objek_latihan_pelajaran(con):
    sesi, kode, soal = kuis(con)
    angka = soal[1]  # lesson 06, exercise 2: "turun berapa poin persen"
    pemain = [kp.gabung(con, kode, n) for n in ("Ani", "Budi", "Citra", "Dodi")]
    kp.buka_soal(con, sesi, 2)
    j = format_angka(angka.soal.jawaban, angka.soal.desimal)
    jawaban = [j, j.replace(",", "."), j + "%", "abc"]
    pasangan = enumerate(zip(pemain, jawaban, strict=True))
    kp.simpan_jawaban(con, [kirim(p, 2, j, f"kunci-angka-{i:04d}") for i, (p, j) in pasangan])
    assert kp.tutup_soal(con, sesi, 2, angka.benar) == 4
    nilai = {r["nama"]: bool(r["benar"]) for r in kp.jawaban_soal(con, sesi, 2)}
    # The same verdicts as the lesson's own check gives.
    assert nilai == {n: angka.soal.periksa(j).benar for n, j in zip(nilai, jawaban, strict=True)}
    assert nilai["Ani"] and nilai["Budi"] and not nilai["Dodi"]


def test_arsip_bukan_hapus(con):
    sesi, kode, soal = kuis(con)
    ani = kp.gabung(con, kode, "Ani")
    kp.buka_soal(con, sesi, 1)
    kp.simpan_jawaban(con, [kirim(ani, 1, soal[0].pilihan[0], "kunci-arsip-0001")])
    kp.tutup_soal(con, sesi, 1, soal[0].benar)
    assert kp.arsipkan(con, sesi) and not kp.arsipkan(con, sesi)
    with pytest.raises(kp.TolakKuis):
        kp.gabung(con, kode, "Budi")
    with pytest.raises(kp.TolakKuis):
        kp.buka_soal(con, sesi, 2)
    assert con.execute("SELECT COUNT(*) FROM jawaban").fetchone()[0] == 1
    arsip = next(s for s in kp.daftar_sesi(con) if s["id"] == sesi)
    assert arsip["diarsipkan"] and arsip["banyak_pemain"] == 1 and arsip["banyak_jawaban"] == 1
    assert not [n for n in dir(kp) if n.startswith("hapus")], "a quiz is archived, never deleted"
    # The room code is free again for a new quiz; the archived one keeps its data.
    _, kode_baru, _ = kuis(con)
    assert len(kp.daftar_sesi(con)) == 2 and kode_baru


def test_dua_proses_menulis_satu_kunci_satu_baris(tmp_path):
    path = tmp_path / "kuis.sqlite"
    con = kp.sambung(path)
    sesi, kode, soal = kuis(con)
    pemain = [kp.gabung(con, kode, f"Siswa {i}") for i in range(40)]
    kp.buka_soal(con, sesi, 1)
    galat = []

    def penulis():  # another process's connection, e.g. the server's worker thread
        c = kp.sambung(path)
        try:
            for i, p in enumerate(pemain):
                kp.simpan_jawaban(c, [kirim(p, 1, soal[0].pilihan[i % 4], f"kunci-{i:08d}")])
        except Exception as e:  # noqa: BLE001
            galat.append(e)
        finally:
            c.close()

    utas = [threading.Thread(target=penulis) for _ in range(4)]
    for u in utas:
        u.start()
    for u in utas:
        u.join()
    assert not galat
    assert con.execute("SELECT COUNT(*) FROM jawaban").fetchone()[0] == 40


def test_versi_data_berubah_saat_proses_lain_menulis(tmp_path):
    a, b = kp.sambung(tmp_path / "k.sqlite"), kp.sambung(tmp_path / "k.sqlite")
    v = versi_data(a)
    kuis(b)
    assert versi_data(a) != v


# --- What a phone is sent ------------------------------------------------------------------


def test_ponsel_tidak_pernah_menerima_kunci_saat_soal_dibuka(con):
    sesi, kode, soal = kuis(con)
    ani = kp.gabung(con, kode, "Ani")
    kp.buka_soal(con, sesi, 1)
    pesan = pesan_keadaan(kp.keadaan(con, sesi), ani["id"], time.time())
    assert pesan["tahap"] == "soal" and 0 < pesan["sisa_ms"] <= soal[0].detik * 1000
    assert "hasil" not in pesan and soal[0].penjelasan not in str(pesan)
    assert pesan["soal"]["pilihan"] == soal[0].pilihan
    kp.simpan_jawaban(con, [kirim(ani, 1, soal[0].soal.jawaban, "kunci-kirim-0001")])
    kp.tutup_soal(con, sesi, 1, soal[0].benar)
    pesan = pesan_keadaan(kp.keadaan(con, sesi), ani["id"], time.time())
    assert pesan["hasil"]["benar"] and pesan["hasil"]["jawaban_benar"] == soal[0].jawaban_teks()
    assert pesan["poin"] == pesan["hasil"]["poin"] > POIN_BENAR and pesan["peringkat"] == 1


# --- Questions: built-in quizzes and the Excel template ---------------------------------------


@pytest.mark.parametrize("kuis_bawaan", KUIS_BAWAAN, ids=lambda k: k.kode)
def test_kuis_bawaan_sama_dengan_pelajarannya(kuis_bawaan):
    daftar = kuis_bawaan.soal()
    assert 6 <= len(daftar) <= 10, "a 10-minute quiz"
    for s in daftar:
        assert s.benar(s.jawaban_teks()), s.pertanyaan
        # Self-contained: no "pick X above" that needs the lesson's page open.
        teks = s.pertanyaan.lower()
        assert not any(k in teks for k in ("di atas", "jelajahi", "pilih ")), s.pertanyaan
        if s.asal.startswith("Pelajaran"):
            nomor, urutan = s.asal.removeprefix("Pelajaran ").split(", soal ")
            asli = dari_pelajaran(nomor, int(urutan)).soal
            assert s.soal is asli, "the lesson's own object, not a copy"


def test_templat_dibaca_kembali_sama(tmp_path):
    isi = buat_templat()
    hasil = baca_kuis_excel("templat_kuis_kelas.xlsx", isi)
    assert hasil.bisa_dipakai and not hasil.masalah, [m.teks() for m in hasil.masalah]
    assert hasil.judul.startswith("Kuis buatan guru")
    contoh = load_workbook(io.BytesIO(isi))["Isian"]
    assert [c.value for c in contoh[4]][:3] == ["No", "Pertanyaan", "Jenis"]
    asli = [dari_pelajaran("06", 4), None, dari_pelajaran("06", 2)]
    for s, a in zip(hasil.soal, asli, strict=True):
        if a is not None:
            assert s.pertanyaan == a.pertanyaan and s.jawaban_teks() == a.jawaban_teks()
            assert s.benar(a.jawaban_teks())
    assert [s.jenis for s in hasil.soal] == ["pilihan", "benar_salah", "angka"]


def buku_kuis(baris: list[list], kepala=None) -> bytes:
    buku = Workbook()
    ws = buku.active
    ws.title = "Isian"
    ws.append(kepala or ["No", "Pertanyaan", "Jenis", "Pilihan A", "Pilihan B", "Pilihan C",
                         "Pilihan D", "Jawaban", "Penjelasan", "Waktu (detik)", "Toleransi (%)",
                         "Satuan"])  # fmt: skip
    for b in baris:
        ws.append(b)
    keluar = io.BytesIO()
    buku.save(keluar)
    return keluar.getvalue()


def test_templat_salah_disebut_baris_dan_kolomnya():
    isi = buku_kuis(
        [
            [1, "Ibu kota Jawa Tengah?", "pilihan ganda", "Semarang", "Solo", None, None, "A",
             "Semarang ibu kota provinsi.", 20, None, None],
            [2, "Berapa kecamatan?", "angka", None, None, None, None, "empat", "Ada 4.", 300],
            [3, "Pilih satu", "pilihan ganda", "x", "y", None, None, "C", "…"],
            [4, "Kota Pekalongan di Jawa Tengah.", "benar/salah", None, None, None, None, "Ya"],
            [5, None, "esai", None, None, None, None, None],
            [6, "Dua sama", "pg", "Sama", "sama", None, None, "A", "…"],
            [7, "Lompat", "pilihan", "a", None, "c", None, "A", "…"],
            [8, "Persen?", "angka", None, None, None, None, "6,59%", "…", None, "80"],
        ]
    )  # fmt: skip
    asli = bytes(isi)
    hasil = baca_kuis_excel("kuisku.xlsx", isi)
    assert isi == asli, "the teacher's file is never changed"
    assert not hasil.bisa_dipakai and hasil.soal == []
    teks = {m.teks() for m in hasil.galat}
    harapan = [
        "Lembar “Isian”, baris 3, kolom “Jawaban”: jawaban “empat” bukan angka",
        "Lembar “Isian”, baris 3, kolom “Waktu (detik)”: waktu harus bilangan bulat 5–180",
        "Lembar “Isian”, baris 4, kolom “Jawaban”: jawaban “C” bukan huruf pilihan yang terisi",
        "Lembar “Isian”, baris 5, kolom “Jawaban”: jawaban “Ya”: tulis Benar atau Salah",
        "Lembar “Isian”, baris 6, kolom “Pertanyaan”: pertanyaan masih kosong",
        "Lembar “Isian”, baris 6, kolom “Jenis”: jenis “esai” tidak dikenal",
        "Lembar “Isian”, baris 6, kolom “Jawaban”: jawaban masih kosong",
        "Lembar “Isian”, baris 7, kolom “Pilihan A”: ada dua pilihan yang sama",
        "Lembar “Isian”, baris 8, kolom “Pilihan B”: Pilihan B kosong",
        "Lembar “Isian”, baris 9, kolom “Toleransi (%)”: toleransi harus angka 0–50",
    ]
    for awal in harapan:
        assert any(t.startswith(awal) for t in teks), (awal, sorted(teks))
    assert len(hasil.galat) == len(harapan)
    # The one good row is fine and gets no error.
    assert not any("baris 2," in t for t in teks)


def test_templat_tanpa_kolom_wajib():
    hasil = baca_kuis_excel("kuis.xlsx", buku_kuis([["Soal satu", "A"]], ["Pertanyaan", "Kunci 2"]))
    assert not hasil.bisa_dipakai
    assert any("“Jenis”" in m.teks() and "“Jawaban”" in m.teks() for m in hasil.galat)


def test_berkas_bukan_excel_tidak_membuat_kernel_mati():
    for nama, isi in (("kuis.xlsx", b"%PDF-1.4 bukan excel"), ("kuis.xlsx", b""),
                      ("kuis.xlsx", b"PK\x03\x04rusak")):  # fmt: skip
        hasil = baca_kuis_excel(nama, isi)
        assert not hasil.bisa_dipakai and hasil.galat


def test_soal_angka_persen_dan_toleransi_dari_excel():
    isi = buku_kuis([[1, "Persentase penduduk miskin 2024?", "angka", None, None, None, None,
                      "6,59%", "Dari data BPS.", None, 2, None]])  # fmt: skip
    (s,) = baca_kuis_excel("k.xlsx", isi).soal
    assert s.soal.persen and s.soal.toleransi == pytest.approx(0.02) and s.soal.desimal == 2
    assert s.benar("6,6") and s.benar("6,59%") and not s.benar("7")
    assert "persen" in s.catatan
    kembali = SoalKuis.dari_kunci(s.jenis, s.pertanyaan, s.pilihan, s.penjelasan, s.kunci(), 30)
    assert kembali.benar("6,6") and not kembali.benar("7")


# --- Export, read back ----------------------------------------------------------------------


def test_ekspor_excel_dibaca_kembali(con):
    sesi, kode, soal = kuis(con)
    pemain = [kp.gabung(con, kode, n) for n in ("Ani", "Budi", "=HYPERLINK(1)")]
    rencana = {  # question -> answers of Ani, Budi, the third
        1: [soal[0].soal.jawaban, soal[0].pilihan[0], soal[0].soal.jawaban],
        2: [format_angka(soal[1].soal.jawaban, soal[1].soal.desimal), "0,3", "0,30"],
        3: ["6.906,4", None, "1"],
    }
    for nomor, jawaban in rencana.items():
        kp.buka_soal(con, sesi, nomor)
        kp.simpan_jawaban(
            con,
            [kirim(p, nomor, j, f"kunci-{nomor}-{i}-abcd") for i, (p, j)
             in enumerate(zip(pemain, jawaban, strict=True)) if j],
        )  # fmt: skip
        kp.tutup_soal(con, sesi, nomor, soal[nomor - 1].benar)
    kp.ke_tahap(con, sesi, "selesai")
    bentuk = lambda baris, j: soal[baris["nomor"] - 1].rapikan(j)  # noqa: E731
    isi = kp.ekspor_excel(con, sesi, bentuk, aturan_poin(3))
    buku = load_workbook(io.BytesIO(isi))
    assert buku.sheetnames == ["Pemain", "Soal", "Jawaban", "Metadata"]
    per_pemain = [r for r in buku["Pemain"].iter_rows(min_row=2, values_only=True)]
    skor = kp.peringkat(con, sesi)
    assert [(r[0], r[1], r[2], r[3]) for r in per_pemain] == [
        (s.peringkat, s.nama if not s.nama.startswith("=") else "'" + s.nama, s.poin, s.benar)
        for s in skor
    ]
    assert all(c.data_type == "s" for c in buku["Pemain"]["B"]), "a nickname is never a formula"
    per_soal = {r[0]: r for r in buku["Soal"].iter_rows(min_row=2, values_only=True)}
    assert per_soal[2][3:8] == (3, 1, pytest.approx(33.3), "0,30", 2)  # 0,3 and 0,30 counted as one
    assert per_soal[3][3:6] == (2, 1, 50.0)
    jawaban = list(buku["Jawaban"].iter_rows(min_row=2, values_only=True))
    assert len(jawaban) == con.execute("SELECT COUNT(*) FROM jawaban").fetchone()[0] == 8
    meta = {r[0]: r[1] for r in buku["Metadata"].iter_rows(values_only=True) if r[0]}
    assert meta["Kode ruang"] == kode and "1.000 poin" in meta["Aturan poin"]


def test_berkas_db_bisa_dibuka_sqlite_biasa(tmp_path):
    c = kp.sambung(tmp_path / "k.sqlite")
    kuis(c)
    c.close()
    polos = sqlite3.connect(tmp_path / "k.sqlite")
    assert polos.execute("SELECT COUNT(*) FROM soal").fetchone()[0] == 3


# --- The teacher guide ----------------------------------------------------------------------


@pytest.mark.parametrize("kuis_bawaan", KUIS_BAWAAN, ids=lambda k: k.kode)
def test_panduan_memuat_kunci_kuis_bawaan_yang_sama(kuis_bawaan):
    from pathlib import Path

    from literasi.kelas.kuis_soal import kunci_kuis

    panduan = Path(__file__).resolve().parents[2] / "lessons" / "kelas" / "92_kuis_kelas.md"
    teks = panduan.read_text(encoding="utf-8")
    awal, akhir = (f"<!-- kunci-kuis:{kuis_bawaan.kode}:{k} -->" for k in ("mulai", "akhir"))
    assert teks.count(awal) == teks.count(akhir) == 1
    isi = teks.split(awal, 1)[1].split(akhir, 1)[0]
    assert isi.strip() == kunci_kuis(kuis_bawaan.kode).strip(), (
        "regenerate the key in lessons/kelas/92_kuis_kelas.md from kuis_soal.kunci_kuis"
    )
