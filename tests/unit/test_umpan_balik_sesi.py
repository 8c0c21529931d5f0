"""Umpan Balik Sesi (issue 16 item 6): the index against a hand computation from the Permenpan
RB 14/2017 method, one answer per phone per session, the messages a participant reads, the
Excel export read back with openpyxl, and the facilitator's view behind the PIN."""

from __future__ import annotations

import io
import sqlite3
import threading
from decimal import Decimal
from fractions import Fraction
from pathlib import Path

import pytest
from openpyxl import load_workbook

from literasi.kelas import pin
from literasi.kelas import umpan_angket as ua
from literasi.kelas.umpan_balik_sesi import UmpanBalikSesi
from literasi.kelas.umpan_web import ENV_JALUR

HP_A, HP_B, HP_C = "a" * 32, "b" * 32, "c" * 32


def skor(*nilai: int) -> dict[str, int]:
    return dict(zip(ua.KODE, nilai, strict=True))


@pytest.fixture
def con(tmp_path):
    c = ua.sambung(tmp_path / "umpan.sqlite")
    yield c
    c.close()


def test_enam_pertanyaan_tiga_dimensi_ikk():
    dimensi = [p.dimensi for p in ua.PERTANYAAN]
    assert dimensi == ["Pelayanan"] * 2 + ["Akses data"] * 2 + ["Sarana dan prasarana"] * 2
    assert [u.kode for u in ua.UNSUR] == list(ua.KODE)


def test_indeks_sama_dengan_hitungan_tangan(con):
    """Two phones; NRR = sum ÷ count per question; index = mean of the six NRR (weights 1/6);
    × 25; rounded once, half up; band C is 65,00–76,60 (the guide prints the same example)."""
    sesi, kode = ua.buat_sesi(con, "Kunjungan SMA 1", "Kunjungan sekolah")
    ua.simpan_jawaban(con, kode, HP_A, skor(4, 3, 2, 4, 1, 3), "")
    ua.simpan_jawaban(con, kode, HP_B, skor(4, 4, 3, 3, 2, 2), "Wi-Fi lambat")
    hasil = ua.hitung_indeks(ua.tabel_jawaban(con, sesi))
    # By hand: P1 (4+4)/2 = 4; P2 7/2; A1 5/2; A2 7/2; S1 3/2; S2 5/2.
    assert hasil.nrr == {
        "P1": 4, "P2": Fraction(7, 2), "A1": Fraction(5, 2),
        "A2": Fraction(7, 2), "S1": Fraction(3, 2), "S2": Fraction(5, 2),
    }  # fmt: skip
    # (4 + 3,5 + 2,5 + 3,5 + 1,5 + 2,5) / 6 = 17,5 / 6 = 2,91666…; × 25 = 72,91666… → 72,92
    assert hasil.ikm_tepat == Fraction(35, 2) / 6 * 25 == Fraction(875, 12)
    assert hasil.ikm == Decimal("72.92")
    assert (hasil.kategori.mutu, hasil.kategori.kinerja) == ("C", "Kurang Baik")
    assert hasil.terlemah[0] == "S1" and hasil.responden == 2
    panduan = (Path(__file__).parents[2] / "lessons/kelas/93_umpan_balik_sesi.md").read_text()
    assert "= 72,92, mutu" in panduan and "17,5 ÷ 6" in panduan


def test_semua_empat_memberi_100_dan_semua_satu_memberi_25(con):
    for nilai, ikm, mutu in ((4, "100.00", "A"), (1, "25.00", "D")):
        sesi, kode = ua.buat_sesi(con, f"Sesi {nilai}", "Desa Cantik")
        ua.simpan_jawaban(con, kode, HP_A, skor(*[nilai] * 6), "")
        hasil = ua.hitung_indeks(ua.tabel_jawaban(con, sesi))
        assert (hasil.ikm, hasil.kategori.mutu) == (Decimal(ikm), mutu)


def test_tanpa_jawaban_tanpa_indeks(con):
    sesi, _ = ua.buat_sesi(con, "Kosong", "Pojok Statistik")
    assert ua.hitung_indeks(ua.tabel_jawaban(con, sesi)) is None


def test_satu_ponsel_satu_jawaban_per_sesi(con):
    sesi, kode = ua.buat_sesi(con, "Pojok", "Pojok Statistik")
    jawab = skor(3, 3, 3, 3, 3, 3)
    assert ua.simpan_jawaban(con, kode, HP_A, jawab, "Bagus") == "baru"
    # A resend after a Wi-Fi drop (same content) stores nothing new.
    assert ua.simpan_jawaban(con, kode, HP_A, jawab, "Bagus") == "sama"
    # A different answer from the same phone is refused, with a message for the participant.
    with pytest.raises(ua.TolakUmpan, match="sudah mengirim penilaian") as e:
        ua.simpan_jawaban(con, kode, HP_A, skor(1, 1, 1, 1, 1, 1), "")
    assert e.value.medan == "sudah"
    assert len(ua.tabel_jawaban(con, sesi)) == 1
    assert ua.sudah_menjawab(con, sesi, HP_A) and not ua.sudah_menjawab(con, sesi, HP_B)
    # The same phone may answer another session; its two rows share no identifier.
    sesi2, kode2 = ua.buat_sesi(con, "Desa", "Desa Cantik")
    assert ua.simpan_jawaban(con, kode2, HP_A, jawab, "") == "baru"
    sidik = [r[0] for r in con.execute("SELECT sidik FROM jawaban ORDER BY id")]
    assert len(set(sidik)) == 2 and HP_A not in sidik


def test_dua_proses_mengirim_ulang_satu_baris(tmp_path):
    """The server's worker thread and a second connection send the same phone's answer at
    once (a resend racing the first send): one row."""
    path = tmp_path / "umpan.sqlite"
    con = ua.sambung(path)
    sesi, kode = ua.buat_sesi(con, "Aula", "Kunjungan sekolah")
    status, galat = [], []

    def kirim():
        c = ua.sambung(path)
        try:
            for i in range(30):
                status.append(ua.simpan_jawaban(c, kode, f"{i:032x}", skor(4, 4, 3, 3, 2, 2), ""))
        except Exception as e:  # noqa: BLE001
            galat.append(e)
        finally:
            c.close()

    utas = [threading.Thread(target=kirim) for _ in range(3)]
    for u in utas:
        u.start()
    for u in utas:
        u.join()
    assert not galat
    assert sorted(status).count("baru") == 30 and status.count("sama") == 60
    assert len(ua.tabel_jawaban(con, sesi)) == 30


@pytest.mark.parametrize(
    ("isian", "saran", "pesan", "medan"),
    [
        ({}, "", "Pertanyaan 1 (Penjelasan petugas) belum dijawab: pilih 1, 2, 3, atau 4.", "P1"),
        (skor(4, 4, 0, 4, 4, 4), "", "Pertanyaan 3 (Menemukan data): nilai harus 1, 2, 3, atau 4.",
         "A1"),
        (skor(4, 4, 4, 4, 4, 4) | {"S2": "4"}, "",
         "Pertanyaan 6 (Perangkat): nilai harus 1, 2, 3, atau 4.", "S2"),
        (skor(4, 4, 4, 4, 4, 4) | {"S1": True}, "",
         "Pertanyaan 5 (Tempat dan waktu): nilai harus 1, 2, 3, atau 4.", "S1"),
        (skor(4, 4, 4, 4, 4, 4), "x" * 501,
         "Jawaban pertanyaan terbuka terlalu panjang (501 huruf, paling banyak 500).", "saran"),
        (skor(4, 4, 4, 4, 4, 4), ["teks"], "Jawaban pertanyaan terbuka harus berupa teks.",
         "saran"),
    ],
)  # fmt: skip
def test_pesan_isian_salah_menyebut_pertanyaannya(con, isian, saran, pesan, medan):
    _, kode = ua.buat_sesi(con, "Uji", "Kegiatan lain")
    with pytest.raises(ua.TolakUmpan) as e:
        ua.simpan_jawaban(con, kode, HP_A, isian, saran)
    assert (str(e.value), e.value.medan) == (pesan, medan)
    assert con.execute("SELECT COUNT(*) FROM jawaban").fetchone()[0] == 0


def test_kode_tidak_ada_sesi_ditutup_dan_tanpa_kunci_ponsel(con):
    sesi, kode = ua.buat_sesi(con, "Uji", "Desa Cantik")
    with pytest.raises(ua.TolakUmpan, match="Kode sesi 0000 tidak ditemukan"):
        ua.simpan_jawaban(con, "0000", HP_A, skor(4, 4, 4, 4, 4, 4), "")
    with pytest.raises(ua.TolakUmpan, match="belum punya kunci"):
        ua.simpan_jawaban(con, kode, None, skor(4, 4, 4, 4, 4, 4), "")
    with pytest.raises(ua.TolakUmpan, match="Tulis kode sesi"):
        ua.cari_sesi(con, "  ")
    assert ua.tutup_sesi(con, sesi) and not ua.tutup_sesi(con, sesi)
    with pytest.raises(ua.TolakUmpan, match="sudah ditutup"):
        ua.simpan_jawaban(con, kode, HP_A, skor(4, 4, 4, 4, 4, 4), "")


def test_saran_dirapikan_tanpa_karakter_kendali(con):
    sesi, kode = ua.buat_sesi(con, "Uji", "Desa Cantik")
    ua.simpan_jawaban(con, kode, HP_A, skor(4, 4, 4, 4, 4, 4), "  Baris 1\x00\x07\n  Baris\t2  ")
    assert ua.tabel_jawaban(con, sesi)["saran"].tolist() == ["Baris 1 \n Baris 2"]


def test_nama_sesi_dan_kegiatan_diperiksa(con):
    with pytest.raises(ua.TolakUmpan, match="Tulis nama sesi dulu"):
        ua.buat_sesi(con, "   ", "Desa Cantik")
    with pytest.raises(ua.TolakUmpan, match=r"terlalu panjang \(81 huruf"):
        ua.buat_sesi(con, "x" * 81, "Desa Cantik")
    with pytest.raises(ua.TolakUmpan, match="Jenis kegiatan harus"):
        ua.buat_sesi(con, "Uji", "Rapat")


def test_skema_wal_berversi_dan_nilai_di_luar_skala_ditolak_sqlite(tmp_path):
    con = ua.sambung(tmp_path / "u.sqlite")
    assert con.execute("PRAGMA journal_mode").fetchone()[0] == "wal"
    assert con.execute("PRAGMA user_version").fetchone()[0] == ua.VERSI_SKEMA
    sesi, _ = ua.buat_sesi(con, "Uji", "Desa Cantik")
    with pytest.raises(sqlite3.IntegrityError):
        con.execute(
            "INSERT INTO jawaban (sesi, sidik, P1, P2, A1, A2, S1, S2, saran, diterima) "
            "VALUES (?, 'x', 5, 4, 4, 4, 4, 4, '', 0)",
            (sesi,),
        )


def test_ekspor_excel_dibaca_kembali(con):
    sesi, kode = ua.buat_sesi(con, "Desa Cantik Degayu", "Desa Cantik")
    ua.simpan_jawaban(con, kode, HP_A, skor(4, 3, 2, 4, 1, 3), '=HYPERLINK("x")')
    ua.simpan_jawaban(con, kode, HP_B, skor(4, 4, 3, 3, 2, 2), "Bagus")
    buku = load_workbook(io.BytesIO(ua.ekspor_excel(con, sesi)))
    assert buku.sheetnames == ["Ringkasan", "Jawaban", "Metadata"]
    ringkasan = list(buku["Ringkasan"].iter_rows(values_only=True))
    assert ringkasan[0][:4] == ("kode", "unsur", "jawaban_sah", "nrr")
    assert [(r[0], r[3]) for r in ringkasan[1:]] == [
        ("P1", 4), ("P2", 3.5), ("A1", 2.5), ("A2", 3.5), ("S1", 1.5), ("S2", 2.5)
    ]  # fmt: skip
    jawaban = list(buku["Jawaban"].iter_rows(values_only=True))
    assert len(jawaban) == 3 and "sidik" not in jawaban[0]
    assert jawaban[1][6] == "'=HYPERLINK(\"x\")"  # typed text stays text, never a formula
    assert jawaban[2][6] == "Bagus"
    meta = {r[0]: r[1] for r in buku["Metadata"].iter_rows(values_only=True) if r[0]}
    assert meta["Banyak jawaban"] == 2 and meta["Indeks (25–100)"] == 72.92
    assert meta["Mutu"] == "C (Kurang Baik)" and "bukan Indeks Kepuasan Konsumen" in meta["Metode"]


# --- The facilitator's view -------------------------------------------------------------------


@pytest.fixture
def lingkungan(tmp_path, monkeypatch):
    monkeypatch.setenv("LITERASI_DATA_KELAS", str(tmp_path))
    monkeypatch.setenv(ENV_JALUR, "/umpan")
    monkeypatch.delenv(pin.ENV_HASH, raising=False)
    monkeypatch.delenv("LITERASI_ALAMAT", raising=False)
    return tmp_path


def test_pin_dulu_baru_hasil(lingkungan, monkeypatch):
    monkeypatch.setenv(pin.ENV_HASH, pin.hash_pin("246810"))
    app = UmpanBalikSesi()
    assert app.widget.children == (app.gerbang.widget,)
    assert not hasattr(app, "pilih_sesi")
    app.gerbang.masuk("000000")
    assert not hasattr(app, "pilih_sesi") and "PIN salah" in app.gerbang.pesan_pin.value
    app.gerbang.masuk("246810")
    assert app.pilih_sesi.options == ()


def test_fasilitator_membuat_sesi_membaca_hasil_dan_menutup(lingkungan):
    app = UmpanBalikSesi()
    app.buat_sesi()
    assert "Tulis nama sesi dulu" in app.pesan.value
    app.nama_sesi.value = "Kunjungan <SMA 1>"
    app.kegiatan.value = "Kunjungan sekolah"
    app.buat_sesi()
    s = ua.ambil_sesi(app.con, app.pilih_sesi.value)
    assert f"Kode sesi: <b>{s['kode']}</b>" in app.pesan.value
    assert "/umpan?kode=" + s["kode"] in app.kode.value
    assert "Jawaban masuk: 0" in app.indeks.value and app.tabel.value == ""
    # Two phones answer (the server's side of the same file).
    server = ua.sambung()
    ua.simpan_jawaban(server, s["kode"], HP_A, skor(4, 3, 2, 4, 1, 3), "<script>alert(1)</script>")
    ua.simpan_jawaban(server, s["kode"], HP_B, skor(4, 4, 3, 3, 2, 2), "")
    assert "Jawaban masuk: 0" in app.indeks.value  # until Perbarui
    app.tombol_perbarui.click()
    assert "Jawaban masuk: 2" in app.indeks.value
    assert "Indeks sesi: <b>72,92</b>" in app.indeks.value and "<b>C</b>" in app.indeks.value
    assert "S1 (Sarana dan prasarana: Tempat dan waktu)" in app.indeks.value
    assert "<script>" not in app.saran.value and "&lt;script&gt;alert(1)" in app.saran.value
    assert "Kunjungan &lt;SMA 1&gt;" in app.tabel.value and "3,50" in app.tabel.value
    app.tombol_excel.click()
    assert "Unduh umpan balik (Excel)" in app.unduhan.value and ".xlsx" in app.unduhan.value
    app.tombol_tutup.click()
    assert "Sesi ditutup" in app.pesan.value and "sudah ditutup" in app.kode.value
    assert "(ditutup)" in app.pilih_sesi.options[0][0] and "Jawaban masuk: 2" in app.indeks.value
    with pytest.raises(ua.TolakUmpan, match="sudah ditutup"):
        ua.simpan_jawaban(server, s["kode"], HP_C, skor(4, 4, 4, 4, 4, 4), "")
    server.close()


def test_alamat_lan_memberi_kode_qr(lingkungan, monkeypatch):
    monkeypatch.setenv("LITERASI_ALAMAT", "http://192.168.1.20:8866/")
    app = UmpanBalikSesi()
    app.nama_sesi.value = "Pojok"
    app.buat_sesi()
    kode = ua.ambil_sesi(app.con, app.pilih_sesi.value)["kode"]
    assert f"http://192.168.1.20:8866/umpan?kode={kode}" in app.kode.value
    assert "<svg" in app.kode.value


def test_layar_memperbarui_sendiri_saat_jawaban_masuk(lingkungan):
    """The projector's count moves while people answer: each look (every 2 s in a kernel)
    redraws only when a phone wrote since the last redraw."""
    app = UmpanBalikSesi()
    app.nama_sesi.value = "Aula"
    app.buat_sesi()
    s = ua.ambil_sesi(app.con, app.pilih_sesi.value)
    app.siapkan_excel()
    tautan = app.unduhan.value
    assert "Unduh" in tautan
    app.langkah()
    assert app.unduhan.value == tautan, "nothing new: nothing redrawn"
    server = ua.sambung()
    ua.simpan_jawaban(server, s["kode"], HP_A, skor(4, 3, 2, 4, 1, 3), "")
    assert "Jawaban masuk: 0" in app.indeks.value
    app.langkah()
    assert "Jawaban masuk: 1" in app.indeks.value


def test_detak_berjalan_di_kernel(lingkungan, monkeypatch):
    """In a kernel (a running event loop) the looks happen by themselves."""
    import asyncio
    import time

    monkeypatch.setattr(UmpanBalikSesi, "DETAK", 0.05)

    async def jalan():
        app = UmpanBalikSesi()
        app.nama_sesi.value = "Aula"
        app.buat_sesi()
        kode = ua.ambil_sesi(app.con, app.pilih_sesi.value)["kode"]
        ua.simpan_jawaban(ua.sambung(), kode, HP_B, skor(4, 4, 3, 3, 2, 2), "")
        batas = time.monotonic() + 10
        while "Jawaban masuk: 1" not in app.indeks.value and time.monotonic() < batas:
            await asyncio.sleep(0.02)
        app._detak.tugas.cancel()
        return app.indeks.value

    assert "Jawaban masuk: 1" in asyncio.run(jalan())
