"""Kuis Kelas, the questions: built-in quizzes from the lessons, and a teacher's own from Excel.

A quiz question (`SoalKuis`) wraps one of literasi.soal's exercise objects (SoalPilihan for
multiple choice and true/false, SoalAngka for a number) and grades with that object's own
`periksa`. The built-in quizzes take the lessons' objects themselves (`semua_soal()` of the
modules in literasi/siswa/, numbered as in the teacher guides' answer keys) and a few true/false
statements computed from the kit's datasets with the lessons' own functions, so a quiz can
never disagree with its lesson. A teacher's quiz is read from the Excel template
(`buat_templat`) and checked cell by cell (`baca_kuis_excel`), with messages that name the row
and the column, as every upload in the kit does (literasi.unggah).

Pure: no widgets, no storage.
"""

from __future__ import annotations

import importlib
import io
import json
import math
from dataclasses import dataclass, field
from functools import cache

import pandas as pd

from literasi.angka import ATURAN_TITIK, BukanAngka, baca_angka
from literasi.ekspor import angka_ringkas
from literasi.format import format_angka
from literasi.soal import SoalAngka, SoalPilihan
from literasi.unggah import Masalah, baca_berkas

JENIS = {"pilihan": "Pilihan ganda", "benar_salah": "Benar/salah", "angka": "Angka"}
DETIK_BAWAAN = {"pilihan": 20, "benar_salah": 20, "angka": 40}
BATAS_DETIK = (5, 180)
BENAR_SALAH = ["Benar", "Salah"]
HURUF = "ABCD"
MAKS_SOAL = 40
MAKS_PERTANYAAN = 400  # characters: a question must fit a phone screen
MAKS_PILIHAN = 100
MAKS_PENJELASAN = 500


@dataclass
class SoalKuis:
    """One quiz question: the exercise object that grades it, its kind and its time limit."""

    soal: SoalPilihan | SoalAngka
    jenis: str  # "pilihan", "benar_salah", "angka"
    detik: int
    asal: str = ""  # where it comes from, for the teacher: "Pelajaran 06, soal 2"

    @property
    def pertanyaan(self) -> str:
        return self.soal.pertanyaan

    @property
    def pilihan(self) -> list[str]:
        return list(getattr(self.soal, "pilihan", []))

    @property
    def penjelasan(self) -> str:
        return self.soal.penjelasan

    @property
    def grafik(self) -> str | None:
        return self.soal.grafik

    def jawaban_teks(self) -> str:
        return self.soal.jawaban_teks()

    @property
    def catatan(self) -> str:
        """What the phone says under a number question: the unit and the decimal rule."""
        if self.jenis != "angka":
            return ""
        s = self.soal
        satuan = (
            "Jawab dalam persen (boleh dengan tanda %). "
            if s.persen
            else f"Satuan: {s.satuan} (tulis angkanya saja). "
            if s.satuan
            else ""
        )
        return satuan + ATURAN_TITIK

    def benar(self, jawaban: str) -> bool:
        """Graded by the exercise object itself (literasi.soal), as in the lesson."""
        return self.soal.periksa(jawaban).benar

    def rapikan(self, jawaban: str) -> str:
        """An answer as it is counted: numbers by value (6,9 = 6.90 = 6,90; 22% = 0,22 when
        the answer is not a percentage, as `periksa` reads it), choices as they are."""
        if self.jenis != "angka":
            return jawaban
        try:
            angka = baca_angka(jawaban)
        except BukanAngka:
            return jawaban
        s = self.soal
        nilai = angka.nilai / 100 if angka.persen and not s.persen else angka.nilai
        return format_angka(nilai, s.desimal) + ("%" if s.persen else "")

    def sebaran(self, jawaban: list[str], banyak: int = 6) -> list[tuple[str, int, bool]]:
        """(label, count, right?) per option; for a number, the `banyak` most common values
        (ties: the smaller value first) and "lainnya" for the rest."""
        if self.jenis != "angka":
            return [(p, jawaban.count(p), p == self.soal.jawaban) for p in self.pilihan]
        hitung: dict[str, int] = {}
        for j in jawaban:
            label = self.rapikan(j)
            hitung[label] = hitung.get(label, 0) + 1

        def nilai(label: str) -> float:
            try:
                return baca_angka(label).nilai
            except BukanAngka:
                return float("inf")

        urut = sorted(hitung, key=lambda label: (-hitung[label], nilai(label)))
        hasil = [(label, hitung[label], self.benar(label)) for label in urut[:banyak]]
        sisa = sum(hitung[label] for label in urut[banyak:])
        if sisa:
            hasil.append(("lainnya", sisa, False))
        return hasil

    def kunci(self) -> dict:
        """The fields that rebuild the exercise object (stored with the quiz, see dari_kunci)."""
        s = self.soal
        if self.jenis == "angka":
            return {
                "jawaban": s.jawaban,
                "toleransi": s.toleransi,
                "desimal": s.desimal,
                "persen": s.persen,
                "satuan": s.satuan,
            }
        return {"jawaban": s.jawaban}

    @classmethod
    def dari_kunci(
        cls,
        jenis: str,
        pertanyaan: str,
        pilihan: list[str],
        penjelasan: str,
        kunci: dict,
        detik: int,
        asal: str = "",
        grafik: str | None = None,
    ) -> SoalKuis:
        if jenis == "angka":
            soal = SoalAngka(pertanyaan, petunjuk=[], penjelasan=penjelasan, grafik=grafik, **kunci)
        else:
            soal = SoalPilihan(
                pertanyaan, list(pilihan), kunci["jawaban"], penjelasan, [], grafik=grafik
            )
        return cls(soal, jenis, detik, asal)


def soal_kuis(soal, asal: str = "", detik: int | None = None) -> SoalKuis:
    """A lesson's exercise object as a quiz question (multiple choice or a number)."""
    if isinstance(soal, SoalAngka):
        jenis = "angka"
    elif isinstance(soal, SoalPilihan):
        jenis = "benar_salah" if list(soal.pilihan) == BENAR_SALAH else "pilihan"
    else:
        raise TypeError(f"{type(soal).__name__} tidak bisa dipakai di kuis")
    return SoalKuis(soal, jenis, detik or DETIK_BAWAAN[jenis], asal)


# --- Built-in quizzes ---------------------------------------------------------------------


def _modul_pelajaran(nomor: str):
    """The lesson module of app `nomor` ("06"), found from notebooks/siswa/ as the landing page
    and `literasi kunci` find it."""
    from literasi.aplikasi import modul_notebook
    from literasi.layanan.server import cari_folder_notebook

    cocok = sorted((cari_folder_notebook() / "siswa").glob(f"{nomor}_*.ipynb"))
    if len(cocok) != 1:
        raise LookupError(f"pelajaran {nomor} tidak ditemukan di notebooks/siswa/")
    return importlib.import_module(modul_notebook(cocok[0]))


@cache
def _soal_pelajaran(nomor: str) -> tuple:
    return tuple(_modul_pelajaran(nomor).semua_soal())


def dari_pelajaran(nomor: str, urutan: int) -> SoalKuis:
    """Exercise `urutan` (1-based, as in the guide's answer key) of lesson `nomor`."""
    return soal_kuis(_soal_pelajaran(nomor)[urutan - 1], f"Pelajaran {nomor}, soal {urutan}")


def benar_salah(pernyataan: str, benar: bool, penjelasan: str, asal: str) -> SoalKuis:
    soal = SoalPilihan(
        f"Benar atau salah? {pernyataan}",
        list(BENAR_SALAH),
        BENAR_SALAH[0] if benar else BENAR_SALAH[1],
        penjelasan,
        [],
    )
    return SoalKuis(soal, "benar_salah", DETIK_BAWAAN["benar_salah"], asal)


def bs_jumlah_kelurahan() -> SoalKuis:
    """True/false on the number of kelurahan now and in SP2010 (two datasets)."""
    from literasi.data import load_dataset

    wilayah = load_dataset("wilayah_kota_pekalongan_kemendagri_2025")
    lama = load_dataset("penduduk_sp2010_kelurahan_lama47_kota_pekalongan")
    n_kec = int((wilayah["tingkat"] == "kecamatan").sum())
    n_kel = int((wilayah["tingkat"] == "kelurahan").sum())
    n_lama = int(len(lama))
    return benar_salah(
        f"Kota Pekalongan sekarang terbagi menjadi {n_kec} kecamatan dan {n_lama} kelurahan.",
        n_lama == n_kel,
        f"Data Kemendagri 2025 mencatat {n_kec} kecamatan dan {n_kel} kelurahan. Angka "
        f"{n_lama} adalah kelurahan lama pada Sensus Penduduk 2010, sebelum digabung.",
        "Data: wilayah Kemendagri 2025 dan SP2010 per kelurahan",
    )


def bs_lima_terpadat() -> SoalKuis:
    """True/false on Kota Pekalongan's density rank, with lesson 00's own functions."""
    from literasi.data import load_dataset
    from literasi.siswa import kota_pekalongan_di_jawa_tengah as p00

    tabel = p00.tabel_kabkota(load_dataset(p00.NAMA_DATA))
    ke = p00.peringkat(tabel, "kepadatan", p00.KOTA_KITA)
    padat = float(tabel.loc[tabel["nama"] == p00.KOTA_KITA, "kepadatan"].iloc[0])
    return benar_salah(
        f"Di antara {len(tabel)} kabupaten/kota Jawa Tengah, Kota Pekalongan termasuk lima yang "
        "paling padat penduduknya.",
        ke <= 5,
        f"Kota Pekalongan di peringkat {ke} dari {len(tabel)} menurut kepadatan: "
        f"{format_angka(padat)} jiwa per km² (penduduk Dukcapil Desember 2024, luas BIG 2024).",
        "Data: pelajaran 00 (penduduk dan luas 35 kabupaten/kota)",
    )


def bs_poin_persen() -> SoalKuis:
    """True/false: a fall of 0,14 percentage points called "0,14%" (lesson 06's functions)."""
    from literasi import seri
    from literasi.siswa import persen_poin_persen_dan_perubahan as p06

    kota, _ = p06.dua_seri(seri.baca_kemiskinan())
    t1 = int(kota.index.max())
    t0 = t1 - 1
    pp = p06.poin_persen(kota[t0], kota[t1])
    rel = p06.perubahan_relatif(kota[t0], kota[t1])
    return benar_salah(
        f"Persentase penduduk miskin Kota Pekalongan {format_angka(kota[t0], 2)}% ({t0}) dan "
        f"{format_angka(kota[t1], 2)}% ({t1}). Jadi kemiskinannya {p06.arah(pp)} "
        f"{format_angka(abs(pp), 2)}%.",
        math.isclose(abs(pp), abs(rel), abs_tol=0.005),
        f"Selisihnya {format_angka(abs(pp), 2)} poin persen. Dihitung relatif, "
        f"{format_angka(abs(pp), 2)} ÷ {format_angka(kota[t0], 2)} × 100 = "
        f"{format_angka(abs(rel), 1)}%. Poin persen dan persen adalah dua ukuran yang berbeda.",
        f"Data: pelajaran 06 ({seri.SUMBER_KEMISKINAN})",
    )


@dataclass(frozen=True)
class KuisBawaan:
    kode: str
    judul: str
    ringkasan: str
    butir: tuple  # ("06", 2): lesson 06, exercise 2; or a function giving a SoalKuis

    def soal(self) -> list[SoalKuis]:
        return [dari_pelajaran(*b) if isinstance(b, tuple) else b() for b in self.butir]


KUIS_BAWAAN = (
    KuisBawaan(
        "kota",
        "Kota Pekalongan dalam angka",
        "Penduduk, kepadatan, wilayah, dan dari mana angkanya.",
        (("00", 1), bs_lima_terpadat, bs_jumlah_kelurahan, ("01", 2), ("01", 5), ("01", 6),
         ("02", 5), ("12", 2)),
    ),
    KuisBawaan(
        "grafik",
        "Membaca grafik",
        "Membaca grafik dan memilih grafik yang cocok, rata-rata dan median.",
        (("02", 2), ("02", 3), ("04", 5), ("10", 4), ("09", 6), ("11", 2), ("03", 2), ("03", 3)),
    ),
    KuisBawaan(
        "persen",
        "Persen atau poin persen",
        "Persen, poin persen, dan perubahan relatif pada data kemiskinan.",
        (("06", 2), ("06", 3), ("06", 4), bs_poin_persen, ("09", 4), ("11", 5), ("00", 3),
         ("02", 5)),
    ),
)  # fmt: skip
PER_KODE = {k.kode: k for k in KUIS_BAWAAN}


def kunci_kuis(kode: str) -> str:
    """The answer key of a built-in quiz for the teacher guide, from the same objects."""
    from literasi.soal import kunci_jawaban

    return kunci_jawaban([s.soal for s in PER_KODE[kode].soal()])


# --- A teacher's quiz from Excel ----------------------------------------------------------

KOLOM = {  # normalized header -> field; the template writes the first name of each
    "pertanyaan": "pertanyaan",
    "soal": "pertanyaan",
    "jenis": "jenis",
    **{f"pilihan{h.lower()}": f"pilihan_{h}" for h in HURUF},
    "jawaban": "jawaban",
    "kunci": "jawaban",
    "penjelasan": "penjelasan",
    "waktudetik": "detik",
    "waktu": "detik",
    "toleransi": "toleransi",
    "toleransipersen": "toleransi",
    "satuan": "satuan",
    "no": "no",
    "nomor": "no",
}
JUDUL_KOLOM = {  # field -> header as written in the template and in messages
    "no": "No",
    "pertanyaan": "Pertanyaan",
    "jenis": "Jenis",
    **{f"pilihan_{h}": f"Pilihan {h}" for h in HURUF},
    "jawaban": "Jawaban",
    "penjelasan": "Penjelasan",
    "detik": "Waktu (detik)",
    "toleransi": "Toleransi (%)",
    "satuan": "Satuan",
}
NAMA_JENIS = {
    "pilihan": "pilihan",
    "pilihanganda": "pilihan",
    "pg": "pilihan",
    "ganda": "pilihan",
    "angka": "angka",
    "isianangka": "angka",
    "bilangan": "angka",
    "benarsalah": "benar_salah",
    "bs": "benar_salah",
}
TOLERANSI_BAWAAN = 1.0  # percent of the answer, as in the lessons' SoalAngka
LEMBAR_SOAL = ("isian", "soal")  # the template's sheet (and the name a teacher might give it)


@dataclass
class HasilKuisExcel:
    judul: str
    soal: list[SoalKuis] = field(default_factory=list)
    masalah: list[Masalah] = field(default_factory=list)
    catatan: list[str] = field(default_factory=list)

    @property
    def galat(self) -> list[Masalah]:
        return [m for m in self.masalah if m.tingkat == "galat"]

    @property
    def bisa_dipakai(self) -> bool:
        return bool(self.soal) and not self.galat


def _normal(teks) -> str:
    return "".join(c for c in str(teks).casefold() if c.isalnum())


def _teks(nilai) -> str:
    """A cell as text the Indonesian way: 6.09 -> '6,09', 2021 -> '2021'."""
    if nilai is None:
        return ""
    if isinstance(nilai, bool):
        return "Benar" if nilai else "Salah"
    if isinstance(nilai, int | float):
        return angka_ringkas(float(nilai))
    return " ".join(str(nilai).split())


def _nilai_sel(nilai):
    """A cell of the uploaded table as plain Python: None when empty (None, <NA>, NaN, "")."""
    if nilai is None or nilai is pd.NA or (isinstance(nilai, float) and math.isnan(nilai)):
        return None
    if hasattr(nilai, "item"):  # numpy scalars from pandas' number columns
        nilai = nilai.item()
    return None if isinstance(nilai, str) and not nilai.strip() else nilai


def _desimal(nilai: float) -> int:
    """The fewest decimals (up to 4) that write the value exactly: 6.59 -> 2, 150 -> 0."""
    return next((d for d in range(5) if math.isclose(round(nilai, d), nilai, abs_tol=1e-9)), 4)


def baca_kuis_excel(nama_berkas: str, isi: bytes) -> HasilKuisExcel:
    """A teacher's quiz from the template (or any table with its columns). Never raises: every
    problem is a Masalah naming the sheet, the row and the column; the file is only read."""
    baca = baca_berkas(nama_berkas, isi)
    isian = [i.nama for i in baca.daftar_lembar if i.nama.strip().lower() in LEMBAR_SOAL]
    if baca.tabel is None and isian:
        # A quiz of words only (no number in any cell) looks like notes to the generic reader;
        # the template's own sheet is read as the table it is.
        baca = baca_berkas(nama_berkas, isi, lembar=isian[0])
    hasil = HasilKuisExcel(judul="", masalah=list(baca.masalah), catatan=list(baca.catatan))
    judul = next((v for k, v in baca.metadata.items() if _normal(k) in ("judulkuis", "judul")), "")
    hasil.judul = " ".join(judul.split())[:80] or nama_berkas.rsplit(".", 1)[0][:80]
    if baca.tabel is None:
        return hasil
    lembar = baca.lembar
    tabel = baca.tabel
    kolom = {}
    for k in tabel.columns:
        medan = KOLOM.get(_normal(k))
        if medan and medan not in kolom:
            kolom[medan] = k
        elif not k.startswith("kolom_"):
            hasil.masalah.append(
                Masalah(lembar, baca.baris_kepala, k, "kolom ini tidak dipakai kuis.", "info")
            )
    kurang = [JUDUL_KOLOM[m] for m in ("pertanyaan", "jenis", "jawaban") if m not in kolom]
    if kurang:
        hasil.masalah.append(
            Masalah(
                lembar,
                baca.baris_kepala,
                None,
                f"kolom {', '.join(f'“{k}”' for k in kurang)} tidak ada. Judul kolom harus "
                "sama dengan templat kuis: No, Pertanyaan, Jenis, Pilihan A–D, Jawaban, "
                "Penjelasan, Waktu (detik), Toleransi (%), Satuan.",
            )
        )
        return hasil
    if len(tabel) > MAKS_SOAL:
        hasil.masalah.append(
            Masalah(
                lembar,
                None,
                None,
                f"ada {len(tabel)} soal; satu kuis paling banyak {MAKS_SOAL} soal. Bagi menjadi "
                "beberapa kuis.",
            )
        )
        return hasil
    for baris, b in tabel.iterrows():
        sel = {m: _nilai_sel(b[k]) for m, k in kolom.items()}
        soal = _baca_baris(sel, int(baris), lembar, hasil.masalah, nama_berkas)
        if soal is not None:
            hasil.soal.append(soal)
    if hasil.galat:
        hasil.soal = []
    return hasil


def _baca_baris(sel: dict, baris: int, lembar, masalah: list[Masalah], nama_berkas: str):
    """One row as a SoalKuis, or None after adding what is wrong to `masalah`."""
    awal = len([m for m in masalah if m.tingkat == "galat"])

    def salah(medan: str, pesan: str, tingkat: str = "galat") -> None:
        masalah.append(Masalah(lembar, baris, JUDUL_KOLOM[medan], pesan, tingkat))

    pertanyaan = _teks(sel.get("pertanyaan"))
    if not pertanyaan:
        salah("pertanyaan", "pertanyaan masih kosong.")
    elif len(pertanyaan) > MAKS_PERTANYAAN:
        salah(
            "pertanyaan",
            f"pertanyaan {len(pertanyaan)} huruf; paling panjang {MAKS_PERTANYAAN} huruf "
            "supaya muat di layar ponsel.",
        )
    jenis_teks = _teks(sel.get("jenis"))
    jenis = NAMA_JENIS.get(_normal(jenis_teks))
    if jenis is None:
        salah(
            "jenis",
            f"jenis “{jenis_teks}” tidak dikenal. Tulis salah satu: pilihan ganda, "
            "benar/salah, angka."
            if jenis_teks
            else "jenis masih kosong. Tulis salah satu: pilihan ganda, benar/salah, angka.",
        )
    penjelasan = _teks(sel.get("penjelasan"))
    if not penjelasan:
        salah(
            "penjelasan",
            "penjelasan kosong. Satu kalimat alasan membantu siswa saat jawaban dibuka.",
            "peringatan",
        )
    elif len(penjelasan) > MAKS_PENJELASAN:
        salah("penjelasan", f"penjelasan paling panjang {MAKS_PENJELASAN} huruf.")
    detik = DETIK_BAWAAN.get(jenis or "pilihan")
    if sel.get("detik") is not None:
        try:
            detik_baca = baca_angka(_teks(sel["detik"])).nilai
        except BukanAngka:
            detik_baca = None
        bawah, atas = BATAS_DETIK
        if (
            detik_baca is None
            or not float(detik_baca).is_integer()
            or not (bawah <= detik_baca <= atas)
        ):
            salah("detik", f"waktu harus bilangan bulat {bawah}–{atas} detik.")
        else:
            detik = int(detik_baca)
    pilihan = [_teks(sel.get(f"pilihan_{h}")) for h in HURUF]
    jawaban = sel.get("jawaban")
    jawaban_teks = _teks(jawaban)
    if not jawaban_teks:
        salah("jawaban", "jawaban masih kosong.")

    soal = None
    if jenis == "pilihan":
        terisi = [p for p in pilihan if p]
        if len(terisi) < 2:
            salah("pilihan_B", "pilihan ganda butuh minimal dua pilihan (Pilihan A dan B).")
        elif pilihan[: len(terisi)] != terisi:
            kosong = HURUF[pilihan.index("")]
            salah(f"pilihan_{kosong}", f"Pilihan {kosong} kosong, padahal pilihan sesudahnya "
                  "terisi. Isi pilihan berurutan mulai A.")  # fmt: skip
        elif len({p.casefold() for p in terisi}) < len(terisi):
            salah("pilihan_A", "ada dua pilihan yang sama. Setiap pilihan harus berbeda.")
        for h, p in zip(HURUF, pilihan, strict=True):
            if len(p) > MAKS_PILIHAN:
                salah(f"pilihan_{h}", f"pilihan paling panjang {MAKS_PILIHAN} huruf.")
        benar = None
        huruf = jawaban_teks.strip().rstrip(".)").upper()
        if len(huruf) == 1 and huruf in HURUF and pilihan[HURUF.index(huruf)]:
            benar = pilihan[HURUF.index(huruf)]
        else:
            benar = next((p for p in terisi if p.casefold() == jawaban_teks.casefold()), None)
        if jawaban_teks and benar is None:
            salah(
                "jawaban",
                f"jawaban “{jawaban_teks}” bukan huruf pilihan yang terisi "
                f"({', '.join(HURUF[: len(terisi)]) or 'A–D'}) dan tidak sama dengan isi "
                "salah satu pilihan.",
            )
        if len([m for m in masalah if m.tingkat == "galat"]) == awal:
            soal = SoalPilihan(pertanyaan, terisi, benar, penjelasan, [])
    elif jenis == "benar_salah":
        if any(pilihan):
            salah(
                "pilihan_A",
                "soal benar/salah tidak memakai kolom Pilihan; isinya diabaikan.",
                "peringatan",
            )
        benar = next((p for p in BENAR_SALAH if p.casefold() == jawaban_teks.casefold()), None)
        if jawaban_teks and benar is None:
            salah("jawaban", f"jawaban “{jawaban_teks}”: tulis Benar atau Salah.")
        if len([m for m in masalah if m.tingkat == "galat"]) == awal:
            soal = SoalPilihan(pertanyaan, list(BENAR_SALAH), benar, penjelasan, [])
    elif jenis == "angka":
        if any(pilihan):
            salah(
                "pilihan_A",
                "soal angka tidak memakai kolom Pilihan; isinya diabaikan.",
                "peringatan",
            )
        satuan = _teks(sel.get("satuan"))
        nilai = None
        persen = satuan == "%"
        if isinstance(jawaban, int | float) and not isinstance(jawaban, bool):
            nilai = float(jawaban)
        elif jawaban_teks:
            try:
                angka = baca_angka(jawaban_teks)
                nilai, persen = angka.nilai, persen or angka.persen
            except BukanAngka:
                salah(
                    "jawaban",
                    f"jawaban “{jawaban_teks}” bukan angka. Tulis mis. 6,59 atau 6,59% atau "
                    "1.234 (titik ribuan, koma desimal).",
                )
        toleransi = TOLERANSI_BAWAAN
        if sel.get("toleransi") is not None:
            try:
                toleransi = baca_angka(_teks(sel["toleransi"])).nilai
            except BukanAngka:
                toleransi = -1
            if not 0 <= toleransi <= 50:
                salah("toleransi", "toleransi harus angka 0–50 (persen dari jawaban), mis. 1.")
        if nilai == 0:
            salah(
                "jawaban",
                "jawaban 0: toleransi dihitung sebagai persen dari jawaban, jadi hanya tepat 0 "
                "yang dianggap benar.",
                "peringatan",
            )
        if len([m for m in masalah if m.tingkat == "galat"]) == awal and nilai is not None:
            soal = SoalAngka(
                pertanyaan,
                jawaban=nilai,
                petunjuk=[],
                penjelasan=penjelasan,
                toleransi=toleransi / 100,
                desimal=_desimal(nilai),
                persen=persen,
                satuan="" if persen else satuan,
            )
    if soal is None or jenis is None:
        return None
    return SoalKuis(soal, jenis, detik, f"{nama_berkas}, baris {baris}")


def baris_templat(s: SoalKuis) -> list:
    """A question as one row of the template (the inverse of reading it)."""
    pilihan = s.pilihan if s.jenis == "pilihan" else []
    jawaban = s.jawaban_teks()
    toleransi = satuan = None
    if s.jenis == "pilihan":
        jawaban = HURUF[pilihan.index(s.soal.jawaban)]
    elif s.jenis == "angka":
        jawaban = format_angka(s.soal.jawaban, s.soal.desimal) + ("%" if s.soal.persen else "")
        toleransi = angka_ringkas(s.soal.toleransi * 100)
        satuan = s.soal.satuan or None
    return [
        None,
        s.pertanyaan,
        {"pilihan": "pilihan ganda", "benar_salah": "benar/salah", "angka": "angka"}[s.jenis],
        *(pilihan + [None] * (len(HURUF) - len(pilihan))),
        jawaban,
        s.penjelasan,
        s.detik,
        toleransi,
        satuan,
    ]


PETUNJUK = (
    "Petunjuk templat Kuis Kelas",
    "Satu baris = satu soal, mulai baris 5 di lembar “Isian”. Baris contoh boleh dipakai, "
    "diubah, atau dihapus. Paling banyak 40 soal.",
    "Pertanyaan (wajib): paling panjang 400 huruf, supaya muat di layar ponsel.",
    "Jenis (wajib): pilihan ganda, benar/salah, atau angka.",
    "Pilihan A–D: hanya untuk pilihan ganda; minimal A dan B, diisi berurutan.",
    "Jawaban (wajib): pilihan ganda = huruf (A, B, C, D); benar/salah = Benar atau Salah; "
    "angka = angkanya, mis. 6,59 atau 6,59% (koma desimal, titik ribuan).",
    "Penjelasan: satu kalimat alasan, tampil di proyektor dan ponsel setelah soal ditutup.",
    "Waktu (detik): 5–180; kosong = 20 (pilihan ganda dan benar/salah), 40 (angka).",
    "Toleransi (%): hanya untuk angka; jawaban yang meleset paling banyak sekian persen dari "
    "jawaban benar tetap dianggap benar. Kosong = 1.",
    "Satuan: hanya untuk angka, mis. jiwa atau km². Tulis % jika jawabannya persen.",
    "Lembar “Metadata”: tulis judul kuis di sebelah “Judul kuis”.",
    "Simpan sebagai .xlsx, lalu unggah di aplikasi Kuis Kelas (perlu PIN guru).",
)


def buat_templat() -> bytes:
    """The .xlsx template: sheet 'Isian' (one example of each kind, taken from the built-in
    quizzes, so they are real questions), 'Petunjuk' and 'Metadata'. Made at run time."""
    from openpyxl import Workbook
    from openpyxl.styles import Alignment, Font, PatternFill

    buku = Workbook()
    ws = buku.active
    ws.title = "Isian"
    ws["A1"] = "Templat Kuis Kelas — satu baris satu soal (lihat lembar Petunjuk)"
    ws["A1"].font = Font(bold=True, size=13)
    ws["A2"] = "Baris 5–7 adalah contoh dari kuis bawaan kit: pakai, ubah, atau hapus."
    ws.append([])
    ws.append(list(JUDUL_KOLOM.values()))
    for s in ws[4]:
        s.font = Font(bold=True)
        s.fill = PatternFill("solid", fgColor="DDEBF2")
    contoh = [dari_pelajaran("06", 4), bs_poin_persen(), dari_pelajaran("06", 2)]
    for nomor, s in enumerate(contoh, start=1):
        ws.append([nomor, *baris_templat(s)[1:]])
    for kolom, lebar in zip("ABCDEFGHIJKL", (5, 60, 14, 16, 16, 16, 16, 10, 50, 9, 9, 10),
                            strict=True):  # fmt: skip
        ws.column_dimensions[kolom].width = lebar
    for baris in ws.iter_rows(min_row=5):
        for s in baris:
            s.alignment = Alignment(wrap_text=True, vertical="top")
    ws.freeze_panes = "A5"
    petunjuk = buku.create_sheet("Petunjuk")
    for teks in PETUNJUK:
        petunjuk.append([teks])
    petunjuk["A1"].font = Font(bold=True, size=13)
    petunjuk.column_dimensions["A"].width = 110
    meta = buku.create_sheet("Metadata")
    meta.append(["Judul kuis", "Kuis buatan guru (ganti judul ini)"])
    meta.append(["Dibuat dengan", "Kit Literasi Statistik BPS Kota Pekalongan"])
    meta.column_dimensions["A"].width = 16
    meta.column_dimensions["B"].width = 60
    keluar = io.BytesIO()
    buku.save(keluar)
    return keluar.getvalue()


def ke_baris_db(s: SoalKuis) -> dict:
    """What storage keeps of a question: enough to show it and to rebuild its exercise object."""
    return {
        "jenis": s.jenis,
        "pertanyaan": s.pertanyaan,
        "pilihan": json.dumps(s.pilihan, ensure_ascii=False),
        "jawaban_teks": s.jawaban_teks(),
        "penjelasan": s.penjelasan,
        "catatan": s.catatan,
        "detik": s.detik,
        "asal": s.asal,
        "grafik": s.grafik,
        "kunci": json.dumps(s.kunci(), ensure_ascii=False),
    }
