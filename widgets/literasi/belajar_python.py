"""Checks for the campus path "Belajar Python dengan data Kota Pekalongan" (belajar/*.ipynb).

Students write pandas code in JupyterLab and call `periksa("nama", jawaban)`. The right answer
is computed here from the kit's datasets, the one place where it is written: the notebooks hold
only the prompts, and tests/unit/test_belajar_python.py runs every check with a right and a
wrong answer. A check prints its verdict and never raises, so a wrong answer (or an exercise
left at `None`) does not stop the notebook.
"""

from __future__ import annotations

import math
from collections.abc import Callable
from dataclasses import dataclass

import pandas as pd

from literasi.data import load_dataset
from literasi.format import format_angka

KOTA = "Kota Pekalongan"
PENDUDUK = "penduduk_luas_kabkota_jateng_2024"
PANEL = "panel_kemiskinan_ipm_tpt_jateng_2020_2025"


def kabkota() -> pd.DataFrame:
    """The 35 regencies and cities of Jawa Tengah, 2024 (the province's own row left out)."""
    df = load_dataset(PENDUDUK)
    return df[df["nama"] != "Jawa Tengah"]


def dengan_kepadatan(df: pd.DataFrame) -> pd.DataFrame:
    """Population per km², the column the second notebook asks students to add."""
    return df.assign(kepadatan=df["penduduk_total"] / df["luas_km2"])


def peringkat_kepadatan_kota() -> int:
    """Kota Pekalongan's rank by density among the 35 (1 = densest)."""
    urut = dengan_kepadatan(kabkota()).sort_values("kepadatan", ascending=False)
    return int(urut["nama"].tolist().index(KOTA)) + 1


def miskin_kota() -> pd.Series:
    """Kota Pekalongan's share of poor people (%) by year."""
    panel = load_dataset(PANEL)
    return panel[panel["kabupaten_kota"] == KOTA].set_index("tahun")["persentase_penduduk_miskin"]


@dataclass(frozen=True)
class Latihan:
    benar: Callable[[], object]  # computes the right answer from the datasets
    petunjuk: str
    desimal: int = 0  # how a number is compared and shown
    angka: bool = True  # shown the Indonesian way (1.234,5); a year is not


LATIHAN = {
    "jumlah_kabkota": Latihan(
        lambda: len(kabkota()),
        'Buang dulu baris provinsi (nama "Jawa Tengah"), lalu hitung barisnya dengan len().',
    ),
    "penduduk_kota": Latihan(
        lambda: int(kabkota().set_index("nama").loc[KOTA, "penduduk_total"]),
        'Pilih baris dengan df[df["nama"] == "Kota Pekalongan"], lalu kolom penduduk_total.',
    ),
    "kepadatan_kota": Latihan(
        lambda: float(dengan_kepadatan(kabkota()).set_index("nama").loc[KOTA, "kepadatan"]),
        "Kepadatan = penduduk_total ÷ luas_km2 (jiwa per km²).",
        desimal=1,
    ),
    "peringkat_kepadatan": Latihan(
        peringkat_kepadatan_kota,
        'Urutkan dengan sort_values("kepadatan", ascending=False); peringkat 1 = terpadat.',
    ),
    "tahun_miskin_terendah": Latihan(
        lambda: int(miskin_kota().idxmin()),
        "Series.idxmin() memberi label (tahun) dari nilai terkecil.",
        angka=False,
    ),
    "rata_miskin_2024": Latihan(
        lambda: float(
            load_dataset(PANEL).groupby("tahun")["persentase_penduduk_miskin"].mean().loc[2024]
        ),
        'groupby("tahun")["persentase_penduduk_miskin"].mean(), lalu ambil tahun 2024.',
        desimal=2,
    ),
}


def cocok(jawaban: object, benar: object, desimal: int) -> bool:
    """True when `jawaban` equals `benar`, numbers to `desimal` places.

    >>> cocok(6906.47, 6906.4729, 1), cocok(6906, 6906.4729, 1), cocok(None, 3, 0)
    (True, False, False)
    """
    if isinstance(benar, int | float) and not isinstance(jawaban, bool):
        try:
            angka = float(jawaban)
        except (TypeError, ValueError):
            return False
        return math.isclose(round(angka, desimal), round(float(benar), desimal))
    return jawaban == benar


def nilai_periksa(nama: str, jawaban: object) -> tuple[bool, str]:
    """(right?, the message `periksa` prints)."""
    if nama not in LATIHAN:
        return False, f'Latihan "{nama}" tidak ada. Pilihan: {", ".join(LATIHAN)}.'
    latihan = LATIHAN[nama]
    if jawaban is None:
        return False, "Belum ada jawaban: ganti None dengan kodemu. Petunjuk: " + latihan.petunjuk
    benar = latihan.benar()
    if cocok(jawaban, benar, latihan.desimal):
        tampil = format_angka(benar, latihan.desimal) if latihan.angka else benar
        return True, f"Benar: {tampil}."
    return False, "Belum tepat. Petunjuk: " + latihan.petunjuk


def periksa(nama: str, jawaban: object) -> bool:
    """Print whether the answer to exercise `nama` is right; True when it is."""
    benar, pesan = nilai_periksa(nama, jawaban)
    print(pesan)
    return benar
