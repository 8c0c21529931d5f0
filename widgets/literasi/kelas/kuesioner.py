"""Sensus Kelas: the questionnaire (defined once, here), its checks, and where a student sits.

- PERTANYAAN: every question with its label, type, unit, allowed range and choices. The form,
  the checks, the dashboard and the export's metadata sheet are all built from this list.
- periksa_isian(): reads what a student typed (`literasi.angka.baca_angka`: 0,5 · 1.234) and
  answers with a kind Indonesian message that names the question ("Tinggi badan: 1.700 cm?
  Mungkin maksudmu 170 cm?").

Pure: no widgets, no charts, no storage (literasi.kelas.penyimpanan stores the answers).
"""

from __future__ import annotations

import math
import re
import unicodedata
from dataclasses import dataclass
from html import escape

import pandas as pd

from literasi.angka import BukanAngka, baca_angka
from literasi.format import format_angka

SUMBER = "Sensus Kelas (isian siswa, anonim), disimpan di laptop guru"


@dataclass(frozen=True)
class Pertanyaan:
    kunci: str  # column name in the database
    label: str  # the question as the student reads it
    jenis: str  # "angka" (decimal), "bulat" (whole number), "pilihan", "teks"
    satuan: str = ""
    batas: tuple[float, float] | None = None  # allowed range, inclusive
    pilihan: tuple[str, ...] = ()
    wajib: bool = True
    bantuan: str = ""  # how to measure / what counts
    contoh: str = ""  # placeholder
    singkat: str = ""  # short name for buttons and chart axes
    lebih: tuple[str, str] = ("lebih besar", "lebih kecil")  # "tinggimu lebih tinggi dari …"
    saran: tuple[tuple[float, str], ...] = ()  # (factor, note): likely slips and their fix
    panjang_maks: int = 60  # for "teks"

    @property
    def angka(self) -> bool:
        return self.jenis in ("angka", "bulat")

    @property
    def nama(self) -> str:
        return self.singkat or self.label


PERTANYAAN: tuple[Pertanyaan, ...] = (
    Pertanyaan(
        "tinggi_cm", "Tinggi badan", "angka", "cm", (100, 220),
        bantuan="Berdiri tanpa alas kaki, punggung menempel dinding.",
        contoh="mis. 156,5", singkat="Tinggi", lebih=("lebih tinggi", "lebih pendek"),
        saran=((0.1, ""), (100, "meter diubah ke cm"), (0.01, "")),
    ),
    Pertanyaan(
        "rentang_lengan_cm", "Rentang lengan", "angka", "cm", (100, 230),
        bantuan="Rentangkan kedua lengan; ukur dari ujung jari tengah kiri ke ujung jari "
        "tengah kanan.",
        contoh="mis. 158", singkat="Rentang lengan", lebih=("lebih panjang", "lebih pendek"),
        saran=((0.1, ""), (100, "meter diubah ke cm"), (0.01, "")),
    ),
    Pertanyaan(
        "waktu_tempuh_menit", "Waktu perjalanan dari rumah ke sekolah", "bulat", "menit",
        (0, 180),
        bantuan="Perjalanan biasa di pagi hari, sekali jalan.", contoh="mis. 15",
        singkat="Waktu tempuh", lebih=("lebih lama", "lebih cepat"),
    ),
    Pertanyaan(
        "moda", "Cara utama berangkat ke sekolah", "pilihan",
        pilihan=("jalan kaki", "sepeda", "motor", "angkot", "mobil", "lainnya"),
        bantuan="Yang paling sering, untuk jarak paling jauh.", singkat="Cara ke sekolah",
    ),
    Pertanyaan(
        "tidur_jam", "Lama tidur tadi malam", "angka", "jam", (2, 16),
        bantuan="Setengah jam ditulis ,5: tujuh setengah jam = 7,5.", contoh="mis. 7,5",
        singkat="Lama tidur", lebih=("lebih lama", "lebih singkat"),
        saran=((1 / 60, "menit diubah ke jam"),),
    ),
    Pertanyaan(
        "layar_jam", "Waktu layar kemarin di luar jam sekolah (ponsel, TV, komputer)", "angka",
        "jam", (0, 20),
        bantuan="Perkiraan saja; boleh ,5 untuk setengah jam.", contoh="mis. 3",
        singkat="Waktu layar", lebih=("lebih lama", "lebih singkat"),
        saran=((1 / 60, "menit diubah ke jam"),),
    ),
    Pertanyaan(
        "pelajaran_favorit", "Pelajaran favorit", "pilihan",
        pilihan=(
            "Matematika", "IPA", "IPS", "Bahasa Indonesia", "Bahasa Inggris", "Bahasa Jawa",
            "Pendidikan Agama", "PJOK", "Seni Budaya", "Informatika", "Prakarya", "lainnya",
        ),
        singkat="Pelajaran favorit",
    ),
    Pertanyaan(
        "tangan_dominan", "Tangan yang kamu pakai untuk menulis", "pilihan",
        pilihan=("kanan", "kiri", "keduanya"), singkat="Tangan menulis",
    ),
    Pertanyaan(
        "saudara_kandung", "Jumlah saudara kandung (kamu tidak dihitung)", "bulat", "orang",
        (0, 15), contoh="mis. 2", singkat="Saudara kandung",
        lebih=("lebih banyak", "lebih sedikit"),
    ),
    Pertanyaan(
        "sarapan", "Sarapan tadi pagi?", "pilihan", pilihan=("ya", "tidak"), singkat="Sarapan"
    ),
    Pertanyaan(
        "air_minum_gelas", "Air putih yang kamu minum kemarin", "bulat", "gelas", (0, 30),
        bantuan="Satu gelas kira-kira 250 ml; satu botol 600 ml kira-kira 2 gelas.",
        contoh="mis. 6", singkat="Air minum", lebih=("lebih banyak", "lebih sedikit"),
    ),
    Pertanyaan(
        "cita_cita", "Cita-cita (boleh dikosongkan)", "teks", wajib=False,
        bantuan="Satu-dua kata saja, tanpa nama orang.", contoh="mis. dokter",
        singkat="Cita-cita",
    ),
)  # fmt: skip
PER_KUNCI = {p.kunci: p for p in PERTANYAAN}
ANGKA = [p for p in PERTANYAAN if p.angka]
KATEGORI = [p for p in PERTANYAAN if p.jenis == "pilihan"]


class IsianTidakSah(ValueError):
    """One answer cannot be accepted; the message names the question and says what to do."""


def angka_ringkas(nilai: float) -> str:
    """1700 -> '1.700', 7.5 -> '7,5', 0.0166 -> '0,02' (no trailing ',0')."""
    if float(nilai).is_integer():
        return format_angka(int(nilai))
    return format_angka(nilai, 1 if abs(nilai) >= 1 else 2).rstrip("0").rstrip(",")


def _pesan_rentang(p: Pertanyaan, nilai: float) -> str:
    bawah, atas = p.batas
    teks = f"{p.nama}: {angka_ringkas(nilai)} {p.satuan}?"
    for faktor, catatan in p.saran:
        usul = nilai * faktor
        if bawah <= usul <= atas:
            ekor = f" ({catatan})" if catatan else ""
            return f"{teks} Mungkin maksudmu {angka_ringkas(usul)} {p.satuan}{ekor}?"
    return f"{teks} Isi angka antara {angka_ringkas(bawah)} dan {angka_ringkas(atas)} {p.satuan}."


def rapikan_teks(teks: str) -> str:
    """Free text as typed, minus control characters and extra spaces (not escaped: stored raw)."""
    bersih = "".join(c for c in (teks or "") if unicodedata.category(c)[0] != "C")
    return " ".join(bersih.split())


def periksa_satu(p: Pertanyaan, masukan) -> float | int | str | None:
    """The stored value of one answer, or IsianTidakSah with a kind message."""
    if p.jenis == "pilihan":
        if not masukan:
            if p.wajib:
                raise IsianTidakSah(f"{p.nama}: pilih salah satu.")
            return None
        if masukan not in p.pilihan:
            raise IsianTidakSah(f"{p.nama}: pilih salah satu dari daftar.")
        return masukan
    if p.jenis == "teks":
        teks = rapikan_teks(str(masukan or ""))
        if not teks:
            if p.wajib:
                raise IsianTidakSah(f"{p.nama}: belum diisi.")
            return None
        if len(teks) > p.panjang_maks:
            raise IsianTidakSah(f"{p.nama}: terlalu panjang, paling banyak {p.panjang_maks} huruf.")
        return teks
    teks = str(masukan or "").strip()
    if not teks:
        if p.wajib:
            raise IsianTidakSah(f"{p.nama}: belum diisi.")
        return None
    # A unit typed after the number ("170 cm", "7 jam") is fine.
    teks = re.sub(rf"\s*{re.escape(p.satuan)}\s*$", "", teks, flags=re.I) if p.satuan else teks
    try:
        angka = baca_angka(teks)
    except BukanAngka:
        raise IsianTidakSah(
            f"{p.nama}: “{teks[:20]}” belum bisa dibaca sebagai angka. Tulis angkanya saja, "
            f"{p.contoh or 'mis. 12'}."
        ) from None
    nilai = angka.nilai
    if angka.persen or not math.isfinite(nilai):
        raise IsianTidakSah(f"{p.nama}: tulis angkanya saja, tanpa tanda %.")
    if p.batas and not p.batas[0] <= nilai <= p.batas[1]:
        raise IsianTidakSah(_pesan_rentang(p, nilai))
    if p.jenis == "bulat":
        if not nilai.is_integer():
            raise IsianTidakSah(
                f"{p.nama}: tulis bilangan bulat (tanpa koma), {p.contoh or 'mis. 2'}."
            )
        return int(nilai)
    return round(nilai, 1)


def periksa_isian(isian: dict) -> tuple[dict, dict[str, str]]:
    """Check every question: (values to store, {question key: message}) — messages in order."""
    nilai, galat = {}, {}
    for nomor, p in enumerate(PERTANYAAN, start=1):
        try:
            nilai[p.kunci] = periksa_satu(p, isian.get(p.kunci))
        except IsianTidakSah as e:
            galat[p.kunci] = f"{nomor}. {e}"  # the number shown next to the question
    return nilai, galat


def sebagai_kategori(tabel: pd.DataFrame) -> pd.DataFrame:
    """Choice columns as ordered categoricals, in the questionnaire's order of choices."""
    tabel = tabel.copy()
    for p in KATEGORI:
        if p.kunci in tabel:
            tabel[p.kunci] = pd.Categorical(tabel[p.kunci], categories=list(p.pilihan))
    return tabel


# --- Position in the class ---------------------------------------------------------------


def posisi(nilai: float, teman: pd.Series) -> tuple[int, int, int]:
    """(how many classmates are below, equal, above `nilai`); missing answers ignored."""
    teman = teman.dropna().astype(float)
    return int((teman < nilai).sum()), int((teman == nilai).sum()), int((teman > nilai).sum())


def kalimat_posisi(p: Pertanyaan, nilai: float, teman: pd.Series) -> str:
    """'Tinggimu 160 cm. Dari 19 teman sekelas yang sudah mengisi, kamu lebih tinggi dari 12 …'"""
    bawah, sama, atas = posisi(nilai, teman)
    n = bawah + sama + atas
    awal = f"{p.nama} kamu: <b>{angka_ringkas(nilai)} {escape(p.satuan)}</b>."
    if n == 0:
        return f"{awal} Kamu yang pertama mengisi di kelas ini. Lihat lagi nanti."
    bagian = [f"{p.lebih[0]} dari <b>{bawah}</b>"]
    if sama:
        bagian.append(f"sama dengan {sama}")
    bagian.append(f"{p.lebih[1]} dari {atas}")
    return (
        f"{awal} Dari {n} teman sekelas yang sudah mengisi, kamu "
        + ", ".join(bagian[:-1])
        + f", dan {bagian[-1]}."
    )
