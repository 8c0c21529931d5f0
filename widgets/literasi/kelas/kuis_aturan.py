"""Kuis Kelas, the rules: points, ranking with deterministic ties, and nicknames.

Pure: no widgets, no storage, no server. The host view, the server and the export all take
their numbers from here, and `ATURAN_POIN` says the same rules on screen.

Points: a right answer is worth 1.000 points plus a speed bonus; a wrong or missing answer 0.
The bonus of one question is at most `bonus_maks(banyak_soal)` = 999 ÷ number of questions
(rounded down), so all the bonuses of a quiz together stay below 1.000: one more right answer
always beats any speed. Equal points are broken by the shorter total time on right answers,
then by who joined first, so two runs over the same answers give the same ranking.
"""

from __future__ import annotations

import math
import re
import unicodedata
from dataclasses import dataclass
from pathlib import Path

from literasi.format import format_angka

POIN_BENAR = 1000
BONUS_TOTAL = 999  # all speed bonuses of a quiz together: less than one right answer
PANJANG_NAMA = (2, 16)
BERKAS_KATA_KASAR = Path(__file__).with_name("kuis_kata_kasar.txt")


def bonus_maks(banyak_soal: int) -> int:
    """The largest speed bonus of one question in a quiz of `banyak_soal` questions.

    >>> bonus_maks(8), bonus_maks(1)
    (124, 999)
    """
    return BONUS_TOTAL // max(1, banyak_soal)


def poin_jawaban(benar: bool, waktu_ms: int, batas_ms: int, banyak_soal: int) -> int:
    """Points of one answer: 1.000 + a bonus falling linearly from the maximum (answered at
    once) to 0 (answered as time ran out); 0 when wrong.

    >>> poin_jawaban(True, 0, 20_000, 8), poin_jawaban(True, 10_000, 20_000, 8)
    (1124, 1062)
    >>> poin_jawaban(True, 20_000, 20_000, 8), poin_jawaban(False, 1_000, 20_000, 8)
    (1000, 0)
    """
    if not benar:
        return 0
    sisa = min(1.0, max(0.0, 1 - waktu_ms / max(1, batas_ms)))
    return POIN_BENAR + math.floor(bonus_maks(banyak_soal) * sisa)


def aturan_poin(banyak_soal: int) -> str:
    """The scoring rules in one paragraph, for the host's screen and the phones."""
    return (
        f"Jawaban benar: {format_angka(POIN_BENAR)} poin, ditambah bonus cepat sampai "
        f"{format_angka(bonus_maks(banyak_soal))} poin (makin cepat, makin besar). Semua bonus "
        f"digabung tetap kurang dari {format_angka(POIN_BENAR)}, jadi yang paling banyak benar "
        "selalu di atas. Jika poinnya sama, yang total waktunya (pada jawaban benar) lebih "
        "singkat di atas; jika masih sama, yang bergabung lebih dulu."
    )


@dataclass(frozen=True)
class Skor:
    """One player's standing."""

    peringkat: int  # 1, 2, 3 … (never shared: ties are broken, see module docstring)
    pemain: int  # the player's id (join order)
    nama: str
    poin: int
    benar: int
    waktu_benar_ms: int  # total time of the right answers


def susun_peringkat(pemain: list[tuple[int, str]], jawaban: list[tuple[int, bool, int, int]]):
    """Rank players. `pemain`: (id, nickname) in any order; `jawaban`: (player id, right,
    points, time in ms) of graded answers. Players without answers rank with 0 points.

    >>> susun_peringkat([(1, "A"), (2, "B"), (3, "C")],
    ...                 [(1, True, 1050, 4000), (2, True, 1050, 3000), (3, False, 0, 900)])[0]
    Skor(peringkat=1, pemain=2, nama='B', poin=1050, benar=1, waktu_benar_ms=3000)
    """
    total = {pid: [0, 0, 0] for pid, _ in pemain}  # poin, benar, waktu benar
    for pid, benar, poin, waktu_ms in jawaban:
        if pid in total and benar:
            total[pid][0] += poin
            total[pid][1] += 1
            total[pid][2] += waktu_ms
    nama = dict(pemain)
    urut = sorted(total, key=lambda pid: (-total[pid][0], total[pid][2], pid))
    return [Skor(i, pid, nama[pid], *total[pid]) for i, pid in enumerate(urut, start=1)]


# --- Nicknames ------------------------------------------------------------------------------

_GANTI_ANGKA = str.maketrans("0134578@$!", "oieastbasi")
_BOLEH = re.compile(r"[\w .'\-]+")


class NamaDitolak(ValueError):
    """A nickname the quiz refuses; the message is for the student."""


def _bentuk_dasar(teks: str) -> str:
    """Lower case, no accents, digits read as letters (4nj1ng -> anjing), repeats collapsed
    (anjiiing -> anjing), so a disguise does not pass the list."""
    teks = unicodedata.normalize("NFKD", teks).encode("ascii", "ignore").decode().casefold()
    teks = teks.translate(_GANTI_ANGKA)
    return re.sub(r"(.)\1+", r"\1", teks)


def baca_kata_kasar(*berkas: Path) -> frozenset[str]:
    """Words from one or more lists (one word a line, # starts a comment), in basic form."""
    kata = set()
    for path in berkas or (BERKAS_KATA_KASAR,):
        if not Path(path).is_file():
            continue
        for baris in Path(path).read_text(encoding="utf-8").splitlines():
            baris = baris.split("#", 1)[0].strip()
            if baris:
                kata.add(re.sub(r"[^a-z]", "", _bentuk_dasar(baris)))
    return frozenset(k for k in kata if k)


def rapikan_nama(nama: str, kata_kasar: frozenset[str]) -> str:
    """The nickname as it will be shown, or NamaDitolak with a kind message.

    2–16 characters; letters, digits, spaces and . ' - _; at least one letter; no word from the
    editable list `kuis_kata_kasar.txt`, also when spelled with digits, repeats or spaces
    between letters. A listed word shorter than 6 letters is matched as a whole word (or the
    whole name) only, so "Asuka" and "Superekstra" pass while "asu" and "p e r e k" do not.

    >>> rapikan_nama("  Budi   S. ", frozenset({"asu"}))
    'Budi S.'
    """
    rapi = " ".join(unicodedata.normalize("NFKC", nama or "").split())
    pendek, panjang = PANJANG_NAMA
    if len(rapi) < pendek:
        raise NamaDitolak(f"Nama panggilan minimal {pendek} huruf.")
    if len(rapi) > panjang:
        raise NamaDitolak(f"Nama panggilan paling panjang {panjang} huruf. Singkat saja.")
    if not _BOLEH.fullmatch(rapi):
        raise NamaDitolak("Pakai huruf, angka, spasi, titik, tanda hubung, atau garis bawah saja.")
    if not any(c.isalpha() for c in rapi):
        raise NamaDitolak("Nama panggilan harus memuat huruf.")
    dasar = _bentuk_dasar(rapi)
    kata = [k for k in re.split(r"[^a-z]+", dasar) if k]
    rapat = "".join(kata)
    if (
        rapat in kata_kasar
        or any(k in kata_kasar for k in kata)
        or any(len(k) >= 6 and k in rapat for k in kata_kasar)
    ):
        raise NamaDitolak("Nama itu tidak sopan. Pilih nama panggilan lain.")
    return rapi


def kunci_nama(nama: str) -> str:
    """Two nicknames are the same when they differ only in case and spacing: 'budi' = 'Budi'."""
    return " ".join(nama.casefold().split())
