"""Data kelas kita ("our class's data"): one Sensus Kelas class as a data source for lessons.

A lesson asks for a class by its code and gets a `DataKelas`: the answers read through
`literasi.kelas.penyimpanan` when a survey exists on this laptop, or a seeded simulated class
(`SIMULASI`) when there is none. What a lesson may show is decided here, in one place:

- only the answers to the questionnaire's number and choice questions: no row number, time,
  send key or free text (cita-cita), and rows sorted by their values, not in the order sent;
- nothing for a group of fewer than `MIN_KELOMPOK` (5) students. A group = the students who
  gave the same answer to one choice question; answers given by fewer than 5 students each
  are merged into one group, GABUNGAN, and when even that group is smaller than 5 the
  question is not used to split this class at all. Every student is then in a group of at
  least 5, so no small group's answers can be worked out by subtracting one table from
  another. A class of fewer than 5 students shows nothing. The screen says why
  (`pesan_kelompok`);
- a simulated class says "simulasi" in its title and its source line, wherever it is shown.

The API for a lesson (03, 04, 07, 09 and 13):

    pilihan = pilihan_kelas()              # dropdown options: (label, code), "simulasi" last
    kelas = muat_kelas(kelas_bawaan())     # DataKelas: .jawaban .judul .sumber .simulasi .n
    jawaban_angka(kelas)                   # DataFrame of the numeric answers (tinggi_cm, ...)
    hitung_kelompok(kelas, "moda")         # students per group of one choice question
    nilai_per_kelompok(kelas, "tinggi_cm", "moda")   # {group: its heights}, for box plots
    tabel_silang(kelas, "sarapan", "moda") # two-way counts in groups of at least 5
    kelompok_siswa(kelas, "moda")          # each student's group (to colour points by group)
    pesan_kelompok(kelas, "moda")          # the sentence that says what was merged or hidden

Voilà runs a notebook before the first phone opens it (warm kernels), often before the class
has filled the survey: a view that offers class data needs a "Perbarui" button that calls
`pilihan_kelas()` and `muat_kelas()` again.

Pure: no widgets, no charts. Reading the survey never creates or changes its file.
"""

from __future__ import annotations

from dataclasses import dataclass
from pathlib import Path

import numpy as np
import pandas as pd

from literasi.kelas import penyimpanan
from literasi.kelas.kuesioner import ANGKA, KATEGORI, PER_KUNCI, PERTANYAAN, sebagai_kategori

GABUNGAN = "gabungan"  # the group of the answers given by fewer than 5 students each
SIMULASI = "simulasi"  # the dropdown value of the simulated class (real codes are upper case)
MIN_KELOMPOK = 5
N_SIMULASI = 32
SEED_SIMULASI = 2025
# The number and choice questions, in the questionnaire's order (free text is never shown).
KOLOM = [p.kunci for p in PERTANYAAN if p.angka or p.jenis == "pilihan"]
SUMBER_SIMULASI = (
    f"Kelas simulasi: {N_SIMULASI} isian rekaan buatan komputer (seed {SEED_SIMULASI}), "
    "bukan data siswa mana pun"
)


@dataclass(frozen=True)
class DataKelas:
    """The answers of one class (one row per student), or of the simulated class."""

    kode: str  # the class code, or SIMULASI
    jawaban: pd.DataFrame

    @property
    def simulasi(self) -> bool:
        return self.kode == SIMULASI

    @property
    def boleh_disimpan(self) -> bool:
        """Whether a chart of these answers may be kept in the chart cache on disk
        (literasi.tembolok_grafik): only the simulated class's. A real class's answers can be
        deleted by the teacher, and must not stay behind in a chart."""
        return self.simulasi

    @property
    def judul(self) -> str:
        """'Kelas XI-2' or 'Kelas simulasi' (for titles and captions)."""
        return "Kelas simulasi" if self.simulasi else f"Kelas {self.kode}"

    @property
    def sumber(self) -> str:
        """The source line of a chart or table made from this class."""
        if self.simulasi:
            return SUMBER_SIMULASI
        return f"Sensus Kelas {self.kode} (isian siswa, anonim), disimpan di laptop guru"

    @property
    def n(self) -> int:
        return len(self.jawaban)


# --- which classes ---------------------------------------------------------------------------


def ada_survei(path: str | Path | None = None) -> bool:
    """True when a Sensus Kelas file exists on this laptop (it is not created here)."""
    return Path(path).is_file() if path is not None else penyimpanan.path_db().is_file()


def _kelas_tersimpan(path: str | Path | None) -> pd.DataFrame:
    """Stored classes with at least one answer, newest first."""
    if not ada_survei(path):
        return pd.DataFrame(columns=["kode_kelas", "dibuat", "diarsipkan", "jumlah_jawaban"])
    daftar = penyimpanan.daftar_kelas(path)
    daftar = daftar[daftar["jumlah_jawaban"] > 0]
    return daftar.iloc[::-1].reset_index(drop=True)


def pilihan_kelas(path: str | Path | None = None) -> list[tuple[str, str]]:
    """Options for a "Data kelas" dropdown: (label, code), newest class first, simulated last.

    With no survey on the laptop the only option is the simulated class.
    """
    pilihan = []
    for _, b in _kelas_tersimpan(path).iterrows():
        n = int(b["jumlah_jawaban"])
        catatan = f"{n} jawaban" if n >= MIN_KELOMPOK else "kurang dari 5 jawaban"
        arsip = ", arsip" if pd.notna(b["diarsipkan"]) else ""
        pilihan.append((f"Kelas {b['kode_kelas']} ({catatan}{arsip})", str(b["kode_kelas"])))
    pilihan.append(("Kelas simulasi (bukan data nyata)", SIMULASI))
    return pilihan


def kelas_bawaan(path: str | Path | None = None) -> str:
    """The class a lesson opens with: the newest class with at least 5 answers, else SIMULASI."""
    for _, b in _kelas_tersimpan(path).iterrows():
        if int(b["jumlah_jawaban"]) >= MIN_KELOMPOK:
            return str(b["kode_kelas"])
    return SIMULASI


def _rapikan(tabel: pd.DataFrame) -> pd.DataFrame:
    """Answer columns only, choices as categoricals, rows sorted by value (not by time sent)."""
    tabel = sebagai_kategori(tabel[KOLOM])
    return tabel.sort_values(KOLOM, na_position="last", ignore_index=True)


def muat_kelas(kode: str, path: str | Path | None = None) -> DataKelas:
    """One class's answers (archived classes too), or the simulated class for SIMULASI.

    A code with no stored answers gives an empty class (n = 0), never another class's data.
    """
    if kode == SIMULASI:
        return DataKelas(SIMULASI, _rapikan(kelas_simulasi()))
    kode = penyimpanan.rapikan_kode(kode)
    if not ada_survei(path):
        return DataKelas(kode, _rapikan(pd.DataFrame(columns=KOLOM)))
    return DataKelas(kode, _rapikan(penyimpanan.ambil_jawaban(kode, path=path)))


# --- the simulated class ---------------------------------------------------------------------


def kelas_simulasi(n: int = N_SIMULASI, seed: int = SEED_SIMULASI) -> pd.DataFrame:
    """A made-up class of n students, the same for the same seed. Labelled "simulasi" wherever
    it is shown; not a finding about any real class.

    The generating rule (every value then rounded as the form stores it and clipped to the
    questionnaire's own allowed range, `Pertanyaan.batas`):

    - tinggi_cm: normal, mean 160, sd 8; rentang_lengan_cm: the student's height plus a normal
      difference (mean 0, sd 4): the only built-in relation between two answers;
    - waktu_tempuh_menit: log-normal, median 15 minutes (e^N(ln 15, 0,6)), whole minutes;
    - tidur_jam: normal, mean 7, sd 1, to half an hour; layar_jam: normal, mean 4, sd 2, to half
      an hour; saudara_kandung: Poisson, mean 2; air_minum_gelas: Poisson, mean 6;
    - moda: motor 50%, jalan kaki, sepeda, angkot, mobil 10% each, lainnya 10%;
      tangan_dominan: kanan 88%, kiri 10%, keduanya 2%; sarapan: ya 75%;
      pelajaran_favorit: every choice equally likely.

    Every answer is drawn on its own (independently), so any association seen between two
    choice answers of the simulated class is chance.

    >>> k = kelas_simulasi()
    >>> len(k), bool(k["tinggi_cm"].between(100, 220).all())
    (32, True)
    >>> kelas_simulasi().equals(k)
    True
    """
    acak = np.random.default_rng(seed)

    def batasi(kunci: str, nilai: np.ndarray) -> np.ndarray:
        bawah, atas = PER_KUNCI[kunci].batas
        return np.clip(nilai, bawah, atas)

    def pilih(kunci: str, peluang: dict[str, float]) -> np.ndarray:
        assert set(peluang) <= set(PER_KUNCI[kunci].pilihan), kunci
        return acak.choice(list(peluang), size=n, p=list(peluang.values()))

    tinggi = batasi("tinggi_cm", np.round(acak.normal(160, 8, n), 1))
    tabel = pd.DataFrame(
        {
            "tinggi_cm": tinggi,
            "rentang_lengan_cm": batasi(
                "rentang_lengan_cm", np.round(tinggi + acak.normal(0, 4, n), 1)
            ),
            "waktu_tempuh_menit": batasi(
                "waktu_tempuh_menit", np.round(np.exp(acak.normal(np.log(15), 0.6, n)))
            ).astype(int),
            "moda": pilih(
                "moda",
                {
                    "jalan kaki": 0.1,
                    "sepeda": 0.1,
                    "motor": 0.5,
                    "angkot": 0.1,
                    "mobil": 0.1,
                    "lainnya": 0.1,
                },
            ),
            "tidur_jam": batasi("tidur_jam", np.round(acak.normal(7, 1, n) * 2) / 2),
            "layar_jam": batasi("layar_jam", np.round(acak.normal(4, 2, n) * 2) / 2),
            "pelajaran_favorit": acak.choice(PER_KUNCI["pelajaran_favorit"].pilihan, size=n),
            "tangan_dominan": pilih(
                "tangan_dominan", {"kanan": 0.88, "kiri": 0.10, "keduanya": 0.02}
            ),
            "saudara_kandung": batasi("saudara_kandung", acak.poisson(2, n)),
            "sarapan": pilih("sarapan", {"ya": 0.75, "tidak": 0.25}),
            "air_minum_gelas": batasi("air_minum_gelas", acak.poisson(6, n)),
        }
    )
    jenis = {"REAL": "Float64", "INTEGER": "Int64", "TEXT": "string"}
    return tabel.astype({p.kunci: jenis[_jenis_sql(p.kunci)] for p in ANGKA + KATEGORI})


def _jenis_sql(kunci: str) -> str:
    """The stored type of an answer column, so simulated and stored answers share dtypes."""
    p = PER_KUNCI[kunci]
    return "TEXT" if not p.angka else ("INTEGER" if p.jenis == "bulat" else "REAL")


# --- what a lesson may show ------------------------------------------------------------------


def jawaban_angka(kelas: DataKelas) -> pd.DataFrame:
    """The numeric answers, one row per student (anonymous points), as floats.

    Empty (no rows) for a class of fewer than 5 students: the class is a group too.

    >>> kelas = DataKelas("X", pd.DataFrame({"tinggi_cm": [150.0, 151, 152, 153, 154],
    ...                                      "moda": ["motor"] * 5}))
    >>> list(jawaban_angka(kelas).columns), len(jawaban_angka(kelas))
    (['tinggi_cm'], 5)
    >>> len(jawaban_angka(DataKelas("X", kelas.jawaban.head(4))))
    0
    """
    kolom = [p.kunci for p in ANGKA if p.kunci in kelas.jawaban]
    angka = kelas.jawaban[kolom].astype("Float64").reset_index(drop=True)
    return angka if kelas.n >= MIN_KELOMPOK else angka.iloc[:0]


def _urutan(data: pd.Series) -> list[str]:
    """The answers of one question in the questionnaire's order (others after, sorted)."""
    if isinstance(data.dtype, pd.CategoricalDtype):
        return [str(c) for c in data.cat.categories]
    p = PER_KUNCI.get(data.name)
    awal = list(p.pilihan) if p is not None else []
    return awal + sorted({str(v) for v in data.dropna()} - set(awal))


def _kecil(data: pd.Series) -> list[str]:
    """Answers given by 1-4 students, in the questionnaire's order."""
    banyak = data.dropna().astype(str).value_counts()
    return [k for k in _urutan(data) if 0 < banyak.get(k, 0) < MIN_KELOMPOK]


def kelompok_siswa(kelas: DataKelas, kolom: str) -> pd.Series:
    """Each student's group for one choice question: the answer itself, or GABUNGAN for the
    answers given by fewer than 5 students each (merged into one group).

    When even the merged group holds fewer than 5 students the question cannot group this
    class: every student gets <NA>. So every group a lesson shows holds at least 5 students,
    and all students are in a shown group: no small group can be worked out by subtracting
    one table from another.

    >>> moda = ["motor"] * 6 + ["sepeda"] * 3 + ["mobil"] * 2
    >>> kelas = DataKelas("X", pd.DataFrame({"moda": moda}))
    >>> kelompok_siswa(kelas, "moda").value_counts().to_dict()
    {'motor': 6, 'gabungan': 5}
    >>> bool(kelompok_siswa(DataKelas("X", kelas.jawaban.head(8)), "moda").isna().all())
    True
    """
    data = kelas.jawaban[kolom]
    kecil = _kecil(data)
    teks = data.astype("string")
    label = teks.where(~teks.isin(kecil), GABUNGAN)
    besar = [k for k in _urutan(data) if (teks == k).sum() >= MIN_KELOMPOK]
    urutan = besar + ([GABUNGAN] if kecil else [])
    digabung = int((label == GABUNGAN).sum())
    if kelas.n < MIN_KELOMPOK or 0 < digabung < MIN_KELOMPOK:
        label = pd.Series(pd.NA, index=data.index, dtype="string")  # cannot group this class
    return pd.Series(pd.Categorical(label, categories=urutan), index=data.index, name=kolom)


def pesan_kelompok(kelas: DataKelas, kolom: str, nama: str | None = None) -> str:
    """What the screen says about the small groups of one question ('' when there are none);
    `nama` names the question (default: its short name in the questionnaire).

    >>> moda = ["motor"] * 6 + ["sepeda"] * 3 + ["mobil"] * 2
    >>> kelas = DataKelas("X", pd.DataFrame({"moda": moda}))
    >>> print(pesan_kelompok(kelas, "moda"))
    Cara ke sekolah: sepeda dan mobil dipilih kurang dari 5 siswa, jadi digabung menjadi “gabungan”.
    """
    nama = nama or (PER_KUNCI[kolom].nama if kolom in PER_KUNCI else kolom)
    if kelas.n < MIN_KELOMPOK:
        return (
            f"{kelas.judul} baru punya {tampil_banyak(kelas.n)} jawaban: belum ada yang "
            "ditampilkan."
        )
    kecil = _kecil(kelas.jawaban[kolom])
    if not kecil:
        return ""
    daftar = ", ".join(kecil[:-1]) + ("," if len(kecil) > 2 else "") + " dan " + kecil[-1]
    daftar = daftar if len(kecil) > 1 else kecil[0]
    if kelompok_siswa(kelas, kolom).isna().all():
        return (
            f"{nama}: {daftar} dipilih kurang dari 5 siswa, digabung pun masih kurang dari 5, "
            "jadi pertanyaan ini tidak ditampilkan untuk kelas ini."
        )
    return f"{nama}: {daftar} dipilih kurang dari 5 siswa, jadi digabung menjadi “{GABUNGAN}”."


def tampil_banyak(banyak: int) -> str:
    """How a count of students is written: '< 5' for 1-4 students.

    >>> tampil_banyak(12), tampil_banyak(3), tampil_banyak(0)
    ('12', '< 5', '0')
    """
    return "< 5" if 0 < banyak < MIN_KELOMPOK else str(banyak)


def hitung_kelompok(kelas: DataKelas, kolom: str) -> pd.DataFrame:
    """Students per group of one choice question (small answers merged, see kelompok_siswa).

    Columns `kelompok` and `banyak`; no rows when the question cannot group this class.

    >>> moda = ["motor"] * 6 + ["sepeda"] * 3 + ["mobil"] * 2
    >>> kelas = DataKelas("X", pd.DataFrame({"moda": moda}))
    >>> hitung_kelompok(kelas, "moda").values.tolist()
    [['motor', 6], ['gabungan', 5]]
    """
    grup = kelompok_siswa(kelas, kolom)
    banyak = grup.value_counts(sort=False).reindex(grup.cat.categories)
    banyak = banyak[banyak > 0] if grup.notna().any() else banyak.iloc[:0]
    return pd.DataFrame({"kelompok": [str(k) for k in banyak.index], "banyak": banyak.to_numpy()})


def nilai_per_kelompok(kelas: DataKelas, kolom_angka: str, kolom_kelompok: str) -> dict:
    """{group: its students' numeric answers} for the groups of one choice question.

    >>> kelas = DataKelas("X", pd.DataFrame({
    ...     "tinggi_cm": [150.0, 151, 152, 153, 154, 170, 171, 172, 173, 174],
    ...     "moda": ["motor"] * 5 + ["mobil"] * 3 + ["sepeda"] * 2}))
    >>> {k: float(v.mean()) for k, v in nilai_per_kelompok(kelas, "tinggi_cm", "moda").items()}
    {'motor': 152.0, 'gabungan': 172.0}
    """
    grup = kelompok_siswa(kelas, kolom_kelompok)
    nilai = kelas.jawaban[kolom_angka].astype(float)
    return {
        str(k): nilai[grup == k].dropna().reset_index(drop=True)
        for k in grup.cat.categories
        if (grup == k).any()
    }


def tabel_silang(kelas: DataKelas, baris: str, kolom: str) -> pd.DataFrame:
    """Two-way counts of two choice questions (rows: `baris`, columns: `kolom`), in groups of
    at least 5 students (kelompok_siswa); empty when either question cannot group the class.

    >>> kelas = DataKelas("X", pd.DataFrame({
    ...     "sarapan": ["ya"] * 10 + ["tidak"] * 6,
    ...     "moda": ["motor"] * 7 + ["mobil"] * 3 + ["motor"] * 4 + ["sepeda"] * 2}))
    >>> tabel_silang(kelas, "sarapan", "moda").to_dict()
    {'motor': {'ya': 7, 'tidak': 4}, 'gabungan': {'ya': 3, 'tidak': 2}}
    """
    b, k = kelompok_siswa(kelas, baris), kelompok_siswa(kelas, kolom)
    if b.isna().all() or k.isna().all():
        return pd.DataFrame(dtype=int)
    silang = pd.crosstab(b, k, dropna=False)
    silang = silang.loc[silang.sum(axis=1) > 0, silang.sum(axis=0) > 0]
    silang.index, silang.columns = [str(i) for i in silang.index], [str(c) for c in silang.columns]
    return silang.astype(int)
