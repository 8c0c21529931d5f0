"""literasi.soal: checking answers, graded hints, show-answer, progress, answer key."""

from __future__ import annotations

from pathlib import Path

import ipywidgets as ipw
import pytest

from literasi.format import format_angka
from literasi.soal import (
    KartuSoal,
    Kemajuan,
    SoalAngka,
    SoalPilihan,
    kunci_jawaban,
    tampilkan_soal,
)


def soal_kepadatan() -> SoalAngka:
    return SoalAngka(
        pertanyaan="Berapa kepadatan penduduknya?",
        jawaban=6906.4,
        petunjuk=["Bagi penduduk dengan luas.", "Hitung 318.221 ÷ 46,076.", "Sekitar tujuh ribu."],
        penjelasan="Sekitar tujuh ribu orang per km².",
        satuan="jiwa/km²",
    )


def soal_persen() -> SoalAngka:
    return SoalAngka(
        pertanyaan="Berapa persen?",
        jawaban=0.828,
        petunjuk=["Bagian ÷ keseluruhan × 100."],
        penjelasan="Kurang dari 1%.",
        persen=True,
        desimal=2,
        toleransi=0.02,
    )


def soal_pilihan() -> SoalPilihan:
    return SoalPilihan(
        pertanyaan="Mana yang paling padat?",
        pilihan=["Kabupaten Brebes", "Kota Pekalongan", "Kota Surakarta", "Kota Tegal"],
        jawaban="Kota Surakarta",
        penjelasan="Surakarta paling padat.",
        petunjuk=["Kepadatan, bukan jumlah.", "Lihat batang teratas."],
        umpan_balik={"Kabupaten Brebes": "Brebes berpenduduk banyak, tetapi wilayahnya luas."},
    )


# --- SoalAngka.periksa -------------------------------------------------------------------


@pytest.mark.parametrize(
    "teks", ["6906,4", "6.906,4", "6906.4", "6,906.4", "6.906", "6900", "6950", " 6906,4 "]
)
def test_angka_benar_dalam_berbagai_bentuk(teks):
    hasil = soal_kepadatan().periksa(teks)
    assert hasil.benar, (teks, hasil.pesan)
    assert hasil.pesan.startswith("Benar!") and "tujuh ribu" in hasil.pesan


@pytest.mark.parametrize(
    ("teks", "arah"),
    [
        ("8000", "terlalu besar"),
        ("5000", "terlalu kecil"),
        ("0", "terlalu kecil"),
        ("-6906,4", "terlalu kecil"),
    ],
)
def test_angka_salah_terlalu_besar_kecil(teks, arah):
    hasil = soal_kepadatan().periksa(teks)
    assert not hasil.benar
    assert arah in hasil.pesan


@pytest.mark.parametrize("teks", ["6,9064", "6,91", "6906400", "6.906.400"])
def test_angka_salah_skala_ribuan(teks):
    hasil = soal_kepadatan().periksa(teks)
    assert not hasil.benar
    assert "skalanya beda" in hasil.pesan and "ribuan" in hasil.pesan


@pytest.mark.parametrize("teks", ["69,064", "690640"])  # the answer ÷ 100 and × 100
def test_angka_salah_skala_persen(teks):
    hasil = soal_kepadatan().periksa(teks)
    assert not hasil.benar and "skalanya beda" in hasil.pesan and "persen" in hasil.pesan


@pytest.mark.parametrize("teks", ["82,8%", "82,8"])
def test_persen_seratus_kali_terlalu_besar(teks):
    hasil = soal_persen().periksa(teks)
    assert not hasil.benar and "skalanya beda" in hasil.pesan and "persen" in hasil.pesan


@pytest.mark.parametrize("teks", ["0,828", "0,83%", "0.83", "0,828 %", "0,82"])
def test_persen_benar(teks):
    assert soal_persen().periksa(teks).benar, teks


@pytest.mark.parametrize("teks", ["0,00828", "0,0083"])
def test_persen_proporsi_diminta_kali_100(teks):
    hasil = soal_persen().periksa(teks)
    assert not hasil.benar and "Kalikan 100" in hasil.pesan


def test_proporsi_ditulis_persen_diterima():
    soal = SoalAngka("Proporsi?", 0.5, ["-"], "Setengah.")
    assert soal.periksa("50%").benar
    assert soal.periksa("1/2").benar
    assert not soal.periksa("50").benar


@pytest.mark.parametrize(
    ("teks", "kata"), [("abc", "belum bisa dibaca"), ("", "kosong"), ("1..2", "belum bisa dibaca")]
)
def test_angka_tak_terbaca_pesan_ramah(teks, kata):
    hasil = soal_kepadatan().periksa(teks)
    assert not hasil.benar and kata in hasil.pesan


def test_jawaban_teks():
    assert soal_kepadatan().jawaban_teks() == "6.906,4 jiwa/km²"
    assert soal_persen().jawaban_teks() == "0,83%"
    assert SoalAngka("?", 12.0, [], "").jawaban_teks() == "12,0"


# --- SoalPilihan.periksa -----------------------------------------------------------------


def test_pilihan_belum_dipilih():
    for kosong in (None, ""):
        hasil = soal_pilihan().periksa(kosong)
        assert not hasil.benar and "Pilih salah satu" in hasil.pesan


def test_pilihan_benar():
    hasil = soal_pilihan().periksa("Kota Surakarta")
    assert hasil.benar and "Surakarta paling padat" in hasil.pesan


def test_pilihan_salah_dengan_umpan_balik_khusus():
    hasil = soal_pilihan().periksa("Kabupaten Brebes")
    assert not hasil.benar and "wilayahnya luas" in hasil.pesan
    umum = soal_pilihan().periksa("Kota Tegal")
    assert not umum.benar and umum.pesan.startswith("Belum tepat") and "grafik" in umum.pesan


# --- Kemajuan ----------------------------------------------------------------------------


def test_kemajuan_menghitung_soal_berbeda():
    k = Kemajuan(3)
    assert "0 dari 3 soal benar" in k.widget.value
    k.tandai(1)
    k.tandai(1)
    assert "1 dari 3 soal benar" in k.widget.value
    k.tandai(3)
    assert "2 dari 3 soal benar" in k.widget.value
    assert "role='status'" in k.widget.value


# --- KartuSoal driven as a learner would -------------------------------------------------


def test_kartu_angka_periksa_seperti_siswa():
    kemajuan = Kemajuan(2)
    kartu = KartuSoal(1, soal_kepadatan(), kemajuan)
    kartu.masukan.value = "8000"
    kartu.tombol_periksa.click()
    assert "terlalu besar" in kartu.umpan.value and "salah" in kartu.umpan.value
    assert "0 dari 2" in kemajuan.widget.value
    kartu.masukan.value = "abc"
    kartu.tombol_periksa.click()
    assert "belum bisa dibaca" in kartu.umpan.value
    kartu.masukan.value = "6.906,4"
    kartu.tombol_periksa.click()
    assert "Benar!" in kartu.umpan.value and "literasi-umpan benar" in kartu.umpan.value
    assert "1 dari 2 soal benar" in kemajuan.widget.value


def test_kartu_pesan_di_escape():
    """What the student typed is echoed back escaped, never as HTML."""
    kartu = KartuSoal(1, soal_kepadatan(), None)
    kartu.masukan.value = "<img src=x onerror=alert(1)>"
    kartu.tombol_periksa.click()
    assert "<img" not in kartu.umpan.value and "&lt;img" in kartu.umpan.value


def test_kartu_pilihan_seperti_siswa():
    kemajuan = Kemajuan(1)
    kartu = KartuSoal(2, soal_pilihan(), kemajuan)
    assert isinstance(kartu.masukan, ipw.RadioButtons) and kartu.masukan.value is None
    kartu.tombol_periksa.click()
    assert "Pilih salah satu" in kartu.umpan.value
    kartu.masukan.value = "Kabupaten Brebes"
    kartu.tombol_periksa.click()
    assert "wilayahnya luas" in kartu.umpan.value and "0 dari 1" in kemajuan.widget.value
    kartu.masukan.value = "Kota Surakarta"
    kartu.tombol_periksa.click()
    assert "Benar!" in kartu.umpan.value and "1 dari 1 soal benar" in kemajuan.widget.value


def test_petunjuk_bertahap():
    soal = soal_kepadatan()
    kartu = KartuSoal(1, soal, None)
    for n in range(1, len(soal.petunjuk) + 1):
        kartu.tombol_petunjuk.click()
        nilai = kartu.umpan.value
        assert nilai.count("<li>") == n
        for i, p in enumerate(soal.petunjuk):
            assert (p in nilai) == (i < n), (n, p)
        sisa = len(soal.petunjuk) - n
        assert (f"Masih ada {sisa} petunjuk lagi" in nilai) == (sisa > 0)
    kartu.tombol_petunjuk.click()  # nothing more to open: stays at all hints
    assert kartu.umpan.value.count("<li>") == len(soal.petunjuk)


def test_tunjukkan_jawaban():
    soal = soal_kepadatan()
    kartu = KartuSoal(1, soal, None)
    kartu.tombol_jawaban.click()
    assert "Jawaban:" in kartu.umpan.value
    assert soal.jawaban_teks() in kartu.umpan.value and soal.penjelasan in kartu.umpan.value


def semua_state(widget: ipw.Widget) -> list[str]:
    """Every trait value of `widget` and every widget reachable from it, as text."""
    teks, dilihat, antrian = [], set(), [widget]
    while antrian:
        w = antrian.pop()
        if id(w) in dilihat:
            continue
        dilihat.add(id(w))
        teks.extend(repr(v) for v in w.get_state().values())
        for nama in w.keys:
            nilai = getattr(w, nama)
            isi = nilai if isinstance(nilai, (list, tuple)) else [nilai]
            antrian.extend(x for x in isi if isinstance(x, ipw.Widget))
    return teks


def _bentuk_jawaban(soal: SoalAngka) -> list[str]:
    return [soal.jawaban_teks(), format_angka(soal.jawaban, soal.desimal), repr(soal.jawaban)]


def test_semua_state_menjangkau_anak_widget():
    """The walker itself must see nested widgets (else the secrecy test proves nothing)."""
    kartu = KartuSoal(1, soal_kepadatan(), None)
    kartu.umpan.value = "RAHASIA-UJI"
    kartu.tombol_periksa.layout.width = "123px"
    semua = "\n".join(semua_state(kartu.widget))
    assert "RAHASIA-UJI" in semua and "123px" in semua


@pytest.mark.parametrize("buat", [soal_kepadatan, soal_persen])
def test_jawaban_tidak_ada_di_widget_sebelum_diminta(buat):
    soal = buat()
    kartu = KartuSoal(1, soal, Kemajuan(1))
    kartu.masukan.value = "12"
    kartu.tombol_periksa.click()  # a wrong try does not leak it either
    semua = "\n".join(semua_state(kartu.widget))
    for bentuk in _bentuk_jawaban(soal):
        assert bentuk not in semua, bentuk
    kartu.tombol_jawaban.click()
    assert soal.jawaban_teks() in kartu.umpan.value


def test_pilihan_tidak_menandai_jawaban_sebelum_diminta():
    """A choice question must show its answer as an option; nothing may mark which one."""
    soal = soal_pilihan()
    kartu = KartuSoal(1, soal, None)
    assert kartu.masukan.value is None and kartu.masukan.index is None
    semua = "\n".join(semua_state(kartu.widget))
    assert soal.penjelasan not in semua
    kartu.tombol_jawaban.click()
    assert f"Jawaban:</b> {soal.jawaban}" in kartu.umpan.value


def test_tampilkan_soal_dan_kunci_jawaban():
    daftar = [soal_kepadatan(), soal_pilihan(), soal_persen()]
    kotak = tampilkan_soal(daftar)
    assert len(kotak.children) == 1 + len(daftar)
    assert "0 dari 3 soal benar" in kotak.children[0].value
    kunci = kunci_jawaban(daftar)
    baris = [b for b in kunci.splitlines() if b.strip()]
    assert len(baris) == 2 * len(daftar)
    for i, s in enumerate(daftar, start=1):
        assert f"{i}. {s.pertanyaan}" in kunci
        assert f"**Jawaban:** {s.jawaban_teks()}. {s.penjelasan}" in kunci


def test_tombol_berjarak():
    """The button row is spaced by the template's `.literasi-baris` rule (Layout has no gap)."""
    kartu = KartuSoal(1, soal_kepadatan(), None)
    baris_tombol = kartu.widget.children[2]
    assert kartu.tombol_periksa in baris_tombol.children
    assert "literasi-baris" in baris_tombol._dom_classes
    css = (
        Path(__file__).resolve().parents[2]
        / "widgets/literasi/layanan/jupyter/data/voila/templates/literasi/static/literasi.css"
    ).read_text(encoding="utf-8")
    assert ".literasi-baris { gap: 8px; }" in css


# --- cards made after the page (literasi.tampilan.setelah_halaman) ---------------------------


def test_latihan_tanpa_kernel_kartu_langsung_ada():
    """Plain Python (no event loop): the cards are made at once, as tests and scripts need."""
    from literasi.soal import Latihan

    latihan = Latihan([soal_kepadatan(), soal_pilihan(), soal_persen()])
    kotak = latihan.tampilkan(3, 1)
    assert [k.nomor for k in latihan._kartu.values()] == [3, 1]
    assert kotak.children[1:] == (latihan.kartu[2].widget, latihan.kartu[0].widget)
    with pytest.raises(IndexError, match="tidak ada soal nomor 4"):
        latihan.tampilkan(2, 4)


def _jalankan(kc, kode: str) -> str:
    """One cell as Voilà sends it; the text of its result (or the error)."""
    hasil = []

    def keluaran(pesan):
        isi = pesan["content"]
        if pesan["msg_type"] == "execute_result":
            hasil.append(isi["data"]["text/plain"])
        elif pesan["msg_type"] == "error":
            hasil.append(f"{isi['ename']}: {isi['evalue']}")

    kc.execute_interactive(kode, output_hook=keluaran, timeout=60)
    return "".join(hasil)


def test_kartu_menyusul_setelah_sel_terakhir_di_kernel(tmp_path):
    """In a real kernel the cards are not made while the cells run (they would hold up the
    page), and are made once the cells stop: the box then holds them, and they answer."""
    import time

    from jupyter_client.manager import start_new_kernel

    from conftest import lingkungan_terisolasi

    km, kc = start_new_kernel(kernel_name="python3", env=lingkungan_terisolasi(tmp_path))
    try:
        assert _jalankan(kc, "import literasi.tampilan\nliterasi.tampilan.JEDA_HALAMAN = 1.5") == ""
        assert "" == _jalankan(kc, (
            "from literasi.soal import Latihan, SoalAngka\n"
            "soal = [SoalAngka(pertanyaan=f'Soal {i}?', jawaban=i, petunjuk=[], penjelasan='.') "
            "for i in (1, 2, 3)]\n"
            "latihan = Latihan(soal)\n"
            "awal = latihan.tampilkan(1)\n"
            "akhir = latihan.tampilkan(2, 3)"))
        # Cells keep coming, one slower than the quiet time (a chart drawn for the first
        # time): the wait starts again after each, so nothing is made meanwhile.
        assert _jalankan(kc, "import time\ntime.sleep(2)") == ""
        for _ in range(3):
            assert _jalankan(kc, "len(latihan._kartu), len(awal.children), len(akhir.children)"
                             ) == "(0, 1, 1)"
        # Each look is a cell too, and restarts the quiet time: look less often than it.
        akhir_tunggu = time.monotonic() + 30
        while time.monotonic() < akhir_tunggu:
            time.sleep(2.5)
            if _jalankan(kc, "len(akhir.children)") == "3":
                break
        assert _jalankan(kc, "len(awal.children), len(akhir.children)") == "(2, 3)"
        assert _jalankan(kc, (
            "k = latihan.kartu[1]\nk.masukan.value = '2'\nk.tombol_periksa.click()\n"
            "'Benar' in k.umpan.value, latihan.kemajuan.benar")) == "(True, {2})"
    finally:
        kc.stop_channels()
        km.shutdown_kernel(now=True)


def test_kartu_gagal_dibuat_setelah_halaman_pesan_dan_catatan(caplog):
    """A card that cannot be made once the page is out: no cell shows that error, so the box
    says so in Indonesian with an error code, and the log has the traceback under that code."""
    import asyncio

    from literasi.soal import Latihan

    class SoalRusak(SoalAngka):
        def buat_masukan(self, nomor):
            raise ValueError("uji kartu rusak")

    rusak = SoalRusak(pertanyaan="?", jawaban=1, petunjuk=[], penjelasan=".")

    async def di_kernel():
        kotak = Latihan([soal_kepadatan(), rusak]).tampilkan()
        assert len(kotak.children) == 1
        await asyncio.sleep(0.6)
        return kotak

    kotak = asyncio.run(di_kernel())
    assert len(kotak.children) == 2
    teks = kotak.children[1].value
    assert "Soal belum bisa dimuat" in teks and "role='alert'" in teks
    kode = teks.split("Kode galat: ")[1].split()[0].rstrip(".<")
    assert f"[kode {kode}]" in caplog.text and "uji kartu rusak" in caplog.text
    with pytest.raises(ValueError, match="uji kartu rusak"):  # plain Python: it raises
        Latihan([rusak]).tampilkan()
