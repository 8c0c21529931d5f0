"""The quiz host view in plain pytest: built, used as the teacher uses it (values set, buttons'
actions called), while "phones" write to the same SQLite file through a second connection, as
the workshop server does."""

from __future__ import annotations

import time

import pytest

from literasi.format import format_angka
from literasi.kelas import kuis_penyimpanan as kp
from literasi.kelas import pin
from literasi.kelas.kuis_kelas import KuisKelas
from literasi.kelas.kuis_soal import PER_KODE, buat_templat, dari_pelajaran
from literasi.kelas.kuis_web import ENV_JALUR

# Lesson 06, exercise 2 ("turun berapa poin persen"): its answer as a student types it.
_SOAL_06_2 = dari_pelajaran("06", 2).soal
J = format_angka(_SOAL_06_2.jawaban, _SOAL_06_2.desimal)


@pytest.fixture
def lingkungan(tmp_path, monkeypatch):
    monkeypatch.setenv("LITERASI_DATA_KELAS", str(tmp_path))
    monkeypatch.setenv(ENV_JALUR, "/kuis")
    monkeypatch.delenv(pin.ENV_HASH, raising=False)
    monkeypatch.delenv("LITERASI_ALAMAT", raising=False)
    return tmp_path


def test_pin_dulu_baru_kuis(lingkungan, monkeypatch):
    """The quiz opens through the shared PIN gate: five wrong tries lock every page of this
    device, and the lockout lives in SQLite, so a new page gets no fresh tries."""
    monkeypatch.setenv(pin.ENV_HASH, pin.hash_pin("246810"))
    v = KuisKelas()
    assert not hasattr(v, "pilih_kuis"), "no quiz widget exists before the PIN"
    for _ in range(pin.BATAS_PONSEL):
        assert not v.gerbang.masuk("111111")
    assert "PIN salah" in v.gerbang.pesan_pin.value
    baru = KuisKelas()  # a reload
    assert not baru.gerbang.masuk("246810"), "locked for a while after five wrong PINs"
    assert "Terlalu banyak PIN salah" in baru.gerbang.pesan_pin.value
    monkeypatch.setenv("LITERASI_DATA_KELAS", str(lingkungan / "lain"))  # another lockout file
    lagi = KuisKelas()
    assert lagi.gerbang.masuk(" 246810 ") and hasattr(lagi, "pilih_kuis")


def test_tanpa_server_lokakarya_ruang_tidak_bisa_dibuka(lingkungan, monkeypatch):
    monkeypatch.delenv(ENV_JALUR)
    v = KuisKelas()
    assert v.tombol_ruang.disabled
    assert "literasi serve --lan" in v.bagian_pilih.children[1].value


def test_satu_kuis_dari_awal_sampai_arsip(lingkungan, monkeypatch):
    monkeypatch.setenv("LITERASI_ALAMAT", "http://192.168.1.10:8866/")
    v = KuisKelas()
    v.pilih_kuis.value = "persen"
    assert "8 soal" in v.pratinjau.value and "Pelajaran 06, soal 2" in v.pratinjau.value
    v.buka_ruang()
    kode = v.model.bacaan.sesi["kode_ruang"]
    assert v.bagian_pilih.layout.display == "none"
    assert kode in v.ruang.value and "Kode QR menuju http://192.168.1.10:8866/kuis?ruang=" in (
        v.ruang.value
    )
    # Phones join through the server's own connection.
    hp = kp.sambung()
    pemain = [kp.gabung(hp, kode, n) for n in ("Ani", "Budi", "<Citra>".strip("<>"))]
    v.langkah()
    assert "Sudah bergabung: 3" in v.pemain_html.value and "Budi" in v.pemain_html.value
    assert [b.description for b in v.baris_tombol.children] == ["Mulai soal 1"]

    v.mulai_soal()
    soal = v.model.soal[0]
    assert v.model.tahap == "soal" and soal.pertanyaan in v.soal_html.value
    assert "Sisa" in v.sisa.value and "Jawaban masuk: 0 dari 3" in v.grafik.value
    # While the question is open the projector shows who answered, not what.
    kp.simpan_jawaban(
        hp,
        [{"pemain": pemain[0]["id"], "sesi": pemain[0]["sesi"], "nomor": 1,
          "jawaban": J.replace(",", "."), "kunci_kirim": "kunci-ani-00001",
          "diterima": time.time()}],
    )  # fmt: skip
    v.langkah()
    assert "Jawaban masuk: 1 dari 3" in v.grafik.value
    assert "1 dari 3 pemain sudah menjawab" in v.grafik.value
    assert J not in v.grafik.value
    v.cek_sebaran.value = True  # the teacher chooses to show it live
    assert f"{J}: 1" in v.grafik.value
    v.tutup_soal()
    assert v.model.tahap == "tutup"
    assert f"Jawaban benar: {J} poin persen" in v.kunci_html.value
    assert f"✓ {J}: 1" in v.grafik.value
    assert [b.description for b in v.baris_tombol.children] == ["Papan skor", "Mulai soal 2"]
    v.ke_tahap("papan")
    assert "Papan skor: 5 teratas" in v.papan.value and "Ani" in v.papan.value

    # The timer closes a question by itself: one tick reads the deadline moved by another
    # connection, the next one finds it passed.
    v.mulai_soal()
    hp.execute("UPDATE sesi SET batas = ? WHERE id = ?", (time.time() - 1, v.model.sesi))
    v.langkah()
    v.langkah()
    assert v.model.tahap == "tutup" and "Jawaban benar" in v.kunci_html.value
    for _ in range(len(v.model.soal) - 2):
        v.mulai_soal()
        v.tutup_soal()
    assert [b.description for b in v.baris_tombol.children] == [
        "Papan skor",
        "Selesai: ringkasan",
    ]
    v.ke_tahap("selesai")
    assert "Ringkasan per soal" in v.ringkasan.value
    v.siapkan_excel(v.model.sesi)
    assert "Unduh hasil kuis (Excel)" in v.unduhan.value and ".xlsx" in v.unduhan.value
    sesi = v.model.sesi
    v.arsipkan()
    assert (
        v.model.sesi is None
        and v.bagian_pilih.layout.display is None
        and "diarsipkan" in v.pesan_pilih.value
    )
    assert kp.ambil_sesi(hp, sesi)["diarsipkan"]
    assert v.tersimpan.value == sesi and "arsip" in v.tersimpan.label
    v.lanjutkan(sesi)
    assert v.model.sesi is None and "tidak bisa dilanjutkan" in v.unduhan_lama.value


def test_kuis_dilanjutkan_setelah_halaman_tertutup(lingkungan):
    v = KuisKelas()
    v.pilih_kuis.value = "kota"
    v.buka_ruang()
    v.mulai_soal()
    sesi = v.model.sesi
    baru = KuisKelas()  # the teacher reopens the app: a new kernel, the same file
    assert baru.tersimpan.value == sesi
    baru.lanjutkan(baru.tersimpan.value)
    assert baru.model.tahap == "soal" and baru.model.bacaan.sesi["soal_ke"] == 1
    assert [s.pertanyaan for s in baru.model.soal] == [
        s.pertanyaan for s in PER_KODE["kota"].soal()
    ]


def test_kuis_sendiri_dari_excel(lingkungan):
    v = KuisKelas()
    v.pilih_kuis.value = "__excel__"
    assert v.bagian_excel.layout.display is None
    v.buka_ruang()
    assert "Belum ada soal" in v.pesan_pilih.value and v.model.sesi is None
    v.muat_excel("kuis.xlsx", b"bukan excel")
    assert "belum bisa dipakai" in v.laporan_excel.value
    v.muat_excel("templat.xlsx", buat_templat())
    assert "3 soal siap dipakai" in v.laporan_excel.value
    v.buka_ruang()
    assert v.model.bacaan.sesi["judul"].startswith("Kuis buatan guru") and len(v.model.soal) == 3


def test_sebaran_angka_dihitung_menurut_nilai():
    soal = dari_pelajaran("06", 2)
    data = soal.sebaran([J, J.replace(",", "."), J + "0", "0,3", "0,30", "3", "x"])
    assert data[0] == (J, 3, True)
    assert ("0,30", 2, False) in data
    assert soal.rapikan("22%") == "0,22"
    pilihan = dari_pelajaran("06", 4)
    assert [n for _, n, _ in pilihan.sebaran([pilihan.pilihan[0]] * 2)] == [2, 0, 0, 0]
