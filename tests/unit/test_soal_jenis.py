"""The newer question types: several correct, order, predict-then-reveal, read-the-chart buttons,
and Latihan (groups of cards sharing one progress line). Driven as a learner would."""

from __future__ import annotations

import ipywidgets as ipw

from literasi.soal import (
    KartuSoal,
    Kemajuan,
    Latihan,
    SoalBanyak,
    SoalPilihan,
    SoalTebak,
    SoalUrutan,
    kunci_jawaban,
)


def semua_state(widget) -> str:
    """Every trait value of a widget tree, as one string (what the browser receives)."""
    bagian = [str(widget.get_state())]
    for anak in getattr(widget, "children", ()):
        bagian.append(semua_state(anak))
    return " ".join(bagian)


def soal_banyak():
    return SoalBanyak(
        pertanyaan="Mana yang data numerik?",
        pilihan=["Jumlah penduduk", "Nama kecamatan", "Luas wilayah", "Kode wilayah"],
        jawaban=["Jumlah penduduk", "Luas wilayah"],
        penjelasan="Jumlah dan luas diukur dengan angka.",
        petunjuk=["Bisa dijumlahkan atau dirata-rata?"],
    )


def soal_urutan():
    return SoalUrutan(
        pertanyaan="Urutkan dari yang terpadat.",
        butir=["Kota Surakarta", "Kota Tegal", "Kota Magelang"],
        penjelasan="Surakarta paling padat.",
        petunjuk=["Lihat grafik kepadatan."],
    )


def test_banyak_benar_kurang_dan_keliru():
    s = soal_banyak()
    assert s.periksa(("Jumlah penduduk", "Luas wilayah")).benar
    kurang = s.periksa(("Jumlah penduduk",))
    assert not kurang.benar and "terlewat" in kurang.pesan
    keliru = s.periksa(("Jumlah penduduk", "Kode wilayah"))
    assert not keliru.benar and "1 centangmu keliru" in keliru.pesan
    assert "minimal satu" in s.periksa(()).pesan


def test_banyak_di_kartu():
    kemajuan = Kemajuan(1)
    kartu = KartuSoal(1, soal_banyak(), kemajuan)
    kartu.masukan.value = ("Luas wilayah", "Jumlah penduduk")
    assert kartu.masukan.kotak[0].value and kartu.masukan.kotak[2].value
    kartu.tombol_periksa.click()
    assert "Benar" in kartu.umpan.value
    assert "1 dari 1" in kemajuan.widget.value


def test_urutan_posisi_dan_isian():
    s = soal_urutan()
    assert s.periksa(("Kota Surakarta", "Kota Tegal", "Kota Magelang")).benar
    assert "1 dari 3 posisi" in s.periksa(("Kota Surakarta", "Kota Magelang", "Kota Tegal")).pesan
    assert "Isi semua" in s.periksa(("Kota Surakarta", "", "Kota Tegal")).pesan
    assert "sekali" in s.periksa(("Kota Tegal", "Kota Tegal", "Kota Magelang")).pesan


def test_urutan_tidak_membocorkan_urutan_benar():
    """Options are alphabetical: the widget state never carries the right order."""
    s = SoalUrutan("Urutkan", ["C", "A", "B"], "C dulu.", ["petunjuk"])
    kartu = KartuSoal(1, s, None)
    for dropdown in kartu.masukan.posisi:
        assert [v for _, v in dropdown.options][1:] == ["A", "B", "C"]
    assert "C → A → B" not in semua_state(kartu.widget)
    kartu.masukan.value = ("C", "A", "B")
    kartu.tombol_periksa.click()
    assert "Benar" in kartu.umpan.value


def test_tebak_lalu_lihat():
    s = SoalTebak(
        "Berapa persen penduduk miskin?",
        jawaban=6.59,
        penjelasan="Data BPS.",
        desimal=2,
        persen=True,
    )
    kartu = KartuSoal(1, s, Kemajuan(1))
    assert kartu.tombol_periksa.description == "Tebak, lalu lihat"
    assert "6,59" not in semua_state(kartu.widget), "the real value shows only after a guess"
    kartu.masukan.value = "10"
    kartu.tombol_periksa.click()
    assert "Angka sebenarnya: 6,59%" in kartu.umpan.value
    assert "lebih tinggi" in kartu.umpan.value
    assert "sangat dekat" in s.periksa("6,6").pesan
    assert not s.periksa("banyak").benar


def test_tebak_tanpa_tombol_jawaban_dan_petunjuk():
    kartu = KartuSoal(1, SoalTebak("Tebak", 5.0, "x"), None)
    baris = kartu.widget.children[-2]
    assert list(baris.children) == [kartu.tombol_periksa]


def test_pilihan_sebagai_tombol_di_bawah_grafik():
    s = SoalPilihan(
        "Batang mana yang tertinggi?",
        ["A", "B"],
        "B",
        "B tertinggi.",
        ["lihat"],
        tampilan="tombol",
        grafik="<figure>grafik</figure>",
    )
    kartu = KartuSoal(1, s, None)
    assert isinstance(kartu.masukan, ipw.ToggleButtons) and kartu.masukan.value is None
    assert any(isinstance(w, ipw.HTML) and "grafik" in w.value for w in kartu.widget.children)
    kartu.masukan.value = "A"
    kartu.tombol_periksa.click()
    assert "Belum tepat" in kartu.umpan.value


def test_latihan_kelompok_berbagi_kemajuan():
    latihan = Latihan([soal_banyak(), soal_urutan()])
    kedua = latihan.tampilkan(2)
    assert latihan.kemajuan.widget in kedua.children and len(kedua.children) == 2
    assert len(latihan.tampilkan().children) == 3
    latihan.kartu[1].masukan.value = ("Kota Surakarta", "Kota Tegal", "Kota Magelang")
    latihan.kartu[1].tombol_periksa.click()
    assert "1 dari 2" in latihan.kemajuan.widget.value


def test_kunci_jawaban_semua_jenis():
    kunci = kunci_jawaban([soal_banyak(), soal_urutan(), SoalTebak("Tebak", 5.0, "x")])
    assert "Jumlah penduduk; Luas wilayah" in kunci
    assert "Kota Surakarta → Kota Tegal → Kota Magelang" in kunci
    assert "**Jawaban:** 5,0" in kunci
