"""literasi.kelurahan.ikm: the IKM of Permenpan RB 14/2017 against hand-computed cases and
every band edge."""

from __future__ import annotations

import doctest
from decimal import Decimal
from fractions import Fraction

import pandas as pd
import pytest

import literasi.kelurahan.ikm as ikm
from literasi.data import load_dataset
from literasi.kelurahan.ikm import (
    baca_bobot,
    baca_skor,
    bobot_sama,
    bulatkan,
    daftar_kategori,
    daftar_unsur,
    hitung_ikm,
    jawaban_contoh_fiktif,
    kalimat_baca_ikm,
    kategori_mutu,
    kode_kolom,
    kuadran_kepentingan_kinerja,
    periksa_bobot,
    periksa_jawaban,
    unsur_terlemah,
)

KODE = [f"U{i}" for i in range(1, 10)]

# The worked example of the worksheet (lessons/kelurahan/03_…_lembar_kerja.md, nomor 3), fictional.
CONTOH = [
    [3, 3, 2, 4, 3, 3, 4, 2, 3],
    [4, 3, 3, 4, 3, 4, 4, 3, 3],
    [3, 2, 2, 4, 3, 3, 3, 2, 2],
    [4, 3, 3, 4, 4, 4, 4, 3, 3],
    [3, 3, 2, 3, 3, 3, 4, 2, 3],
]


def tabel(baris: list[list]) -> pd.DataFrame:
    return pd.DataFrame(baris, columns=KODE)


def seragam(nilai_per_responden: list[int]) -> pd.DataFrame:
    """Every element gets the same column of scores (so every NRR is the same)."""
    return pd.DataFrame({k: nilai_per_responden for k in KODE})


def test_doctest_ikm():
    hasil = doctest.testmod(ikm, verbose=False)
    assert hasil.attempted > 20 and hasil.failed == 0


# --- the shipped method --------------------------------------------------------------------


def test_unsur_dari_dataset_tidak_diketik_ulang():
    data = load_dataset("skm_unsur_dan_rumus")
    dari_data = [str(x) for x in data[data["urutan"] != "rumus"]["unsur"]]
    assert [u.nama for u in daftar_unsur()] == dari_data
    assert [u.kode for u in daftar_unsur()] == KODE
    # the nine elements named in the issue, compared without case and punctuation
    issue = [
        "persyaratan",
        "sistem mekanisme dan prosedur",
        "waktu penyelesaian",
        "biaya tarif",
        "produk spesifikasi jenis pelayanan",
        "kompetensi pelaksana",
        "perilaku pelaksana",
        "penanganan pengaduan saran dan masukan",
        "sarana dan prasarana",
    ]
    assert [ikm._normal(u.nama) for u in daftar_unsur()] == [ikm._normal(x) for x in issue]


def test_pita_kategori_seperti_peraturan():
    pita = [(k.mutu, k.kinerja, k.bawah, k.atas) for k in daftar_kategori()]
    assert pita == [
        ("D", "Tidak Baik", Decimal("25.00"), Decimal("64.99")),
        ("C", "Kurang Baik", Decimal("65.00"), Decimal("76.60")),
        ("B", "Baik", Decimal("76.61"), Decimal("88.30")),
        ("A", "Sangat Baik", Decimal("88.31"), Decimal("100.00")),
    ]


def test_pita_yang_salah_ketik_ditolak(monkeypatch):
    """One source prints 76,66 as the top of C: two bands would overlap. The loader refuses."""
    asli = load_dataset("skm_kategori_mutu")
    salah = asli.copy()
    salah.loc[salah["mutu_pelayanan"] == "C", "nilai_interval_konversi_max"] = 76.66
    monkeypatch.setattr(ikm, "load_dataset", lambda nama: salah)
    ikm.daftar_kategori.cache_clear()
    try:
        with pytest.raises(ValueError, match="tidak bersambung"):
            ikm.daftar_kategori()
    finally:
        ikm.daftar_kategori.cache_clear()


# --- hand-computed cases -------------------------------------------------------------------


def test_semua_4_adalah_100_A():
    h = hitung_ikm(seragam([4, 4, 4]))
    assert h.ikm == Decimal("100.00") and h.ikm_tepat == 100
    assert (h.kategori.mutu, h.kategori.kinerja) == ("A", "Sangat Baik")


def test_semua_1_adalah_25_D():
    h = hitung_ikm(seragam([1, 1]))
    assert h.ikm == Decimal("25.00")
    assert (h.kategori.mutu, h.kategori.kinerja) == ("D", "Tidak Baik")


def test_contoh_dihitung_dengan_tangan():
    h = hitung_ikm(tabel(CONTOH))
    # Column sums U1..U9: 17, 14, 12, 19, 16, 17, 19, 12, 14 (5 respondents each).
    # NRR = sum / 5: 3,4 2,8 2,4 3,8 3,2 3,4 3,8 2,4 2,8; their sum is 28.
    assert [h.nrr[k] for k in KODE] == [
        Fraction(x, 5) for x in (17, 14, 12, 19, 16, 17, 19, 12, 14)
    ]
    # Index = 28 / 9 = 3,1111…; IKM = 28 / 9 × 25 = 700 / 9 = 77,777… → 77,78 → B (76,61–88,30).
    assert h.indeks == Fraction(28, 9)
    assert h.ikm_tepat == Fraction(700, 9)
    assert h.ikm == Decimal("77.78")
    assert (h.kategori.mutu, h.kategori.kinerja) == ("B", "Baik")
    # Weakest: U3 and U8 (2,4), then U2 and U9 tie at 2,8, so the third place keeps both.
    assert h.terlemah == ["U3", "U8", "U2", "U9"]
    # Element values ×25: U3 = 2,4 × 25 = 60,00 → D; U4 = 3,8 × 25 = 95,00 → A.
    t = h.tabel_unsur().set_index("kode")
    assert t.loc["U3", "nilai_konversi"] == 60 and t.loc["U3", "mutu"] == "D"
    assert t.loc["U4", "nilai_konversi"] == 95 and t.loc["U4", "mutu"] == "A"
    assert h.responden == 5


def test_bobot_0111_memberi_hasil_berbeda_dan_ditolak():
    # With 0,111: 28 × 0,111 = 3,108; × 25 = 77,70 (not 77,78). The kit refuses 0,999 as a sum.
    bobot = {k: Fraction(111, 1000) for k in KODE}
    h = hitung_ikm(tabel(CONTOH))
    assert sum(bobot[k] * h.nrr[k] for k in KODE) * 25 == Fraction(777, 10)  # 77,70
    with pytest.raises(ValueError, match="0,999, harus tepat 1"):
        hitung_ikm(tabel(CONTOH), bobot)


# --- band edges: rounded once to 2 decimals (half up), edges inclusive ----------------------


@pytest.mark.parametrize(
    "nilai, mutu",
    [
        (25.00, "D"),
        (64.99, "D"),
        (65.00, "C"),
        (76.60, "C"),
        (76.61, "B"),
        (88.30, "B"),
        (88.31, "A"),
        (100.00, "A"),
        # between the written edges: the rounded value decides
        (64.994, "D"),
        (64.9949, "D"),
        (64.995, "C"),
        (76.604, "C"),
        (76.605, "B"),
        (88.3049, "B"),
        (88.305, "A"),
        (24.995, "D"),
    ],
)
def test_batas_kategori(nilai, mutu):
    assert kategori_mutu(nilai).mutu == mutu
    assert kategori_mutu(str(nilai)).mutu == mutu
    assert kategori_mutu(Fraction(str(nilai))).mutu == mutu


@pytest.mark.parametrize("nilai", [24.99, 24.994, 100.01, 100.005, -1])
def test_di_luar_25_100_ditolak(nilai):
    with pytest.raises(ValueError, match="di luar rentang IKM"):
        kategori_mutu(nilai)


def test_pembulatan_setengah_ke_atas_tepat():
    assert bulatkan(64.995) == Decimal("65.00")  # not banker's rounding, not 64,99499…
    assert bulatkan(76.605) == Decimal("76.61")
    assert bulatkan(Fraction(12999, 200)) == Decimal("65.00")  # 64,995 exactly


@pytest.mark.parametrize(
    "skor, banyak, ikm_harus, mutu",
    [
        # index 2,5996 = 6499/2500: 1499 threes + 1001 twos; × 25 = 64,99 → D
        ({3: 1499, 2: 1001}, 2500, "64.99", "D"),
        # index 2,6 = 13/5: 3 threes + 2 twos; × 25 = 65,00 → C
        ({3: 3, 2: 2}, 5, "65.00", "C"),
        # index 3,064 = 383/125: 117 threes + 8 fours; × 25 = 76,60 → C
        ({3: 117, 4: 8}, 125, "76.60", "C"),
        # index 3,0644 = 7661/2500: 2339 threes + 161 fours; × 25 = 76,61 → B
        ({3: 2339, 4: 161}, 2500, "76.61", "B"),
        # index 3,532 = 883/250: 117 threes + 133 fours; × 25 = 88,30 → B
        ({3: 117, 4: 133}, 250, "88.30", "B"),
        # index 3,5324 = 8831/2500: 1169 threes + 1331 fours; × 25 = 88,31 → A
        ({3: 1169, 4: 1331}, 2500, "88.31", "A"),
    ],
)
def test_jawaban_yang_jatuh_tepat_di_batas(skor, banyak, ikm_harus, mutu):
    nilai = [s for s, n in skor.items() for _ in range(n)]
    assert len(nilai) == banyak
    h = hitung_ikm(seragam(nilai))
    assert h.ikm_tepat == Decimal(ikm_harus)  # exact, no float drift
    assert h.ikm == Decimal(ikm_harus)
    assert h.kategori.mutu == mutu


# --- weights -------------------------------------------------------------------------------


def test_bobot_sendiri():
    bobot = {k: Fraction(1, 10) for k in KODE}
    bobot["U1"] = Fraction(2, 10)  # 0,2 + 8 × 0,1 = 1
    h = hitung_ikm(tabel(CONTOH), bobot)
    # 0,2 × 3,4 + 0,1 × (2,8 + 2,4 + 3,8 + 3,2 + 3,4 + 3,8 + 2,4 + 2,8) = 0,68 + 2,46 = 3,14
    assert h.indeks == Fraction(314, 100)
    assert h.ikm == Decimal("78.50") and h.kategori.mutu == "B"


def test_bobot_sendiri_dari_teks_dan_float():
    bobot = {k: baca_bobot("0,1") for k in KODE}
    bobot["U3"] = baca_bobot("20%")
    assert sum(bobot.values()) == 1
    assert (
        hitung_ikm(tabel(CONTOH), bobot).ikm
        == hitung_ikm(tabel(CONTOH), {**{k: 0.1 for k in KODE}, "U3": 0.2}).ikm
    )
    assert hitung_ikm(tabel(CONTOH), {k: 1 / 9 for k in KODE}).ikm == Decimal("77.78")


def test_bobot_yang_tidak_berjumlah_1():
    lebih = {k: Fraction(1, 9) for k in KODE}
    lebih["U1"] = Fraction(2, 9)
    assert periksa_bobot(lebih) == ["Jumlah bobot 1,111111, harus tepat 1 (lebih 0,111111)."]
    kurang = {k: Fraction(1, 10) for k in KODE}
    assert periksa_bobot(kurang) == ["Jumlah bobot 0,9, harus tepat 1 (kurang 0,1)."]
    with pytest.raises(ValueError, match="harus tepat 1"):
        hitung_ikm(tabel(CONTOH), kurang)


def test_bobot_negatif_atau_hilang():
    negatif = {**bobot_sama(), "U2": Fraction(-1, 9)}
    assert periksa_bobot(negatif) == [
        "Bobot U2 (Sistem, Mekanisme, dan Prosedur) negatif; bobot harus 0 atau lebih."
    ]
    hilang = {k: v for k, v in bobot_sama().items() if k != "U9"}
    assert periksa_bobot(hilang) == ["Bobot U9 (Sarana dan Prasarana) belum diisi."]


@pytest.mark.parametrize("teks", ["", "abc", "1/0", "0,1,2", "-0,1"])
def test_bobot_teks_salah(teks):
    with pytest.raises(ValueError, match="tidak bisa dibaca sebagai bobot"):
        baca_bobot(teks)


# --- validating responses ------------------------------------------------------------------


def test_jawaban_salah_disebut_baris_dan_kolomnya():
    t = tabel([[4] * 9 for _ in range(6)]).astype(object)
    t.loc[0, "U3"] = 7
    t.loc[1, "U1"] = None
    t.loc[2, "U9"] = "baik"
    t.loc[3, "U4"] = 2.5
    t.loc[4, "U2"] = 0
    t.loc[5, "U5"] = " 3 "  # text that is a score: accepted
    h = periksa_jawaban(t)
    assert [str(m) for m in h.masalah] == [
        "Baris 2, kolom U3 (Waktu Penyelesaian): nilai 7 di luar skala 1–4; sel ini tidak dihitung",
        "Baris 3, kolom U1 (Persyaratan): kosong; sel ini tidak dihitung",
        "Baris 4, kolom U9 (Sarana dan Prasarana): berisi teks 'baik', seharusnya angka 1, 2, "
        "3, atau 4; sel ini tidak dihitung",
        "Baris 5, kolom U4 (Biaya/Tarif): nilai 2,5 bukan bilangan bulat; isi 1, 2, 3, atau 4; "
        "sel ini tidak dihitung",
        "Baris 6, kolom U2 (Sistem, Mekanisme, dan Prosedur): nilai 0 di luar skala 1–4; sel "
        "ini tidak dihitung",
    ]
    hasil = hitung_ikm(h.kinerja)
    # each element divides by its own valid answers: U3 has 5 of 6, U5 has 6 (the " 3 " counts)
    assert hasil.banyak["U3"] == 5 and hasil.nrr["U3"] == 4
    assert hasil.banyak["U5"] == 6 and hasil.nrr["U5"] == Fraction(23, 6)


def test_baris_dari_indeks_berkas_dan_nama_lembar():
    t = tabel([[4] * 9, [3] * 9])
    t.index = [7, 9]  # row numbers as literasi.unggah gives them
    t.loc[9, "U6"] = 5
    h = periksa_jawaban(t, baris_awal=None, lembar="Isian")
    assert [str(m) for m in h.masalah] == [
        "Lembar “Isian”, baris 9, kolom U6 (Kompetensi Pelaksana): nilai 5 di luar skala 1–4; "
        "sel ini tidak dihitung"
    ]
    assert h.baris == [7, 9]


def test_kolom_hilang_dan_judul_nama_unsur():
    t = pd.DataFrame({"Persyaratan": [4], "U2": [3], "u 3": [3], "Biaya/Tarif": [4], "nama": ["x"]})
    h = periksa_jawaban(t)
    hilang = [m.kolom for m in h.masalah if m.baris is None]
    assert hilang == ["U5", "U6", "U7", "U8", "U9"]
    assert "kolom U5 (Produk Spesifikasi Jenis Pelayanan) tidak ada di berkas" in str(h.masalah[0])
    with pytest.raises(ValueError, match="U5 .* belum punya satu pun jawaban"):
        hitung_ikm(h.kinerja)


def test_kode_kolom():
    assert kode_kolom("Sistem, Mekanisme, dan Prosedur") == "U2"
    assert kode_kolom("K9 Sarana (kepentingan)") == "K9"
    assert kode_kolom("U10") is None and kode_kolom("Umur") is None


def test_baris_kosong_dilewati_dan_kepentingan_boleh_kosong():
    t = pd.DataFrame(
        {**{k: [4, None, 3] for k in KODE}, **{f"K{i}": [4, None, None] for i in range(1, 10)}}
    )
    h = periksa_jawaban(t)
    assert h.responden == 2 and h.masalah == []
    assert any("1 baris tanpa skor" in c for c in h.catatan)
    assert any("tidak mengisi skor kepentingan" in c for c in h.catatan)


@pytest.mark.parametrize("nilai", [True, "", "4,5", "sangat baik", float("nan"), -3])
def test_skor_tidak_sah(nilai):
    assert baca_skor(nilai)[0] is None


# --- weakest, quadrant, example, reading ----------------------------------------------------


def test_unsur_terlemah_dan_seri():
    nrr = {k: Fraction(3) for k in KODE}
    nrr["U7"] = Fraction(2)
    assert unsur_terlemah(nrr, banyak=1) == ["U7"]
    # the others share the highest NRR: none of them is "weakest"
    assert unsur_terlemah(nrr, banyak=3) == ["U7"]
    nrr["U2"] = Fraction(5, 2)
    assert unsur_terlemah(nrr, banyak=1) == ["U7"]
    assert unsur_terlemah(nrr) == ["U7", "U2"]
    assert unsur_terlemah({k: Fraction(3) for k in KODE}) == []


def test_kuadran_dihitung_dengan_tangan():
    kinerja = tabel(CONTOH)
    # importance: U3 and U8 (weak) very important (4), U4 and U7 (strong) not so (2), others 3
    penting = pd.DataFrame({f"K{i}": [3] * 5 for i in range(1, 10)})
    for k in ("K3", "K8"):
        penting[k] = 4
    for k in ("K4", "K7"):
        penting[k] = 2
    h = kuadran_kepentingan_kinerja(kinerja, penting)
    # cross lines: mean performance 28/9 = 3,111; mean importance (4+4+2+2+5×3)/9 = 27/9 = 3
    assert h.garis_kinerja == pytest.approx(28 / 9)
    assert h.garis_kepentingan == pytest.approx(3)
    q = h.tabel.set_index("kode")["kuadran"].to_dict()
    assert q["U3"] == q["U8"] == "I"  # important, weak: fix first
    assert q["U4"] == q["U7"] == "IV"  # less important, strong
    assert q["U1"] == q["U6"] == q["U5"] == "II"  # importance 3 is on the line: counts as high
    assert q["U2"] == q["U9"] == "I"  # importance on the line, performance 2,8 below 3,111


def test_kuadran_tanpa_skor_kepentingan():
    penting = pd.DataFrame({f"K{i}": [3] for i in range(1, 10)}, dtype="Int64")
    penting["K5"] = pd.array([None], dtype="Int64")
    with pytest.raises(ValueError, match="U5 .* kepentingan"):
        kuadran_kepentingan_kinerja(tabel(CONTOH), penting)


def test_contoh_fiktif_berlabel_dan_tetap():
    a, b = jawaban_contoh_fiktif(), jawaban_contoh_fiktif()
    assert a.equals(b)
    assert set(a["keterangan"]) == {"DATA CONTOH FIKTIF"}
    h = periksa_jawaban(a)
    assert h.masalah == [] and h.responden == 40 and h.kepentingan is not None


def test_kalimat_baca_ikm():
    teks = kalimat_baca_ikm(93.16)
    assert "mutu pelayanan A" in teks and "“Sangat Baik”" in teks
    assert "3,73" in teks and "bukan persentase" in teks
    assert "mutu pelayanan C" in kalimat_baca_ikm(76.60)
