"""Kuis Kelas, the answers chart on the projector (drawn by literasi.kelas.kuis_kelas).

While a question is open the projector shows who has answered (not what, unless the teacher
ticks "Tampilkan sebaran jawaban"); once it is closed, how many gave each answer, the right one
marked ✓ in green. A PNG with alt text, as every chart of the kit (literasi.grafik).
"""

from __future__ import annotations

import textwrap

from matplotlib.ticker import FuncFormatter, MaxNLocator

from literasi.format import format_angka
from literasi.grafik import WARNA_LAIN, WARNA_UTAMA, KerangkaGrafik, gambar_baru, html_grafik
from literasi.kelas.kuis_soal import SoalKuis

SUMBER_GRAFIK = "jawaban pemain Kuis Kelas, tersimpan di laptop guru"
WARNA_BENAR = "#2e7d4f"


def teks_grafik(teks: str, panjang: int = 42) -> str:
    """Text for a matplotlib label: `$` would start math mode; long options are shortened.

    >>> teks_grafik("Rp 1.500.000 atau $100")
    'Rp 1.500.000 atau \\\\$100'
    >>> teks_grafik("a" * 50, 10)
    'aaaaaaaaa…'
    """
    teks = teks if len(teks) <= panjang else teks[: panjang - 1] + "…"
    return teks.replace("$", r"\$")


def dua_baris(teks: str, lebar: int = 22) -> str:
    """An option label on at most two lines; a longer one ends in "…" on the second.

    >>> dua_baris("Rata-rata lama sekolah penduduk 25 tahun ke atas")
    'Rata-rata lama sekolah\\npenduduk 25 tahun ke …'
    >>> dua_baris("6,21%")
    '6,21%'
    """
    baris = textwrap.wrap(teks, lebar)
    if len(baris) > 2:
        baris = [baris[0], textwrap.shorten(" ".join(baris[1:]), lebar, placeholder=" …")]
    return "\n".join(baris)


class GrafikJawaban:
    """The answers chart on the projector. A frame (labels, axis, title) is drawn once and kept
    (literasi.grafik.KerangkaGrafik); while answers arrive only the bars and counts are
    repainted, ~50 ms instead of the ~300–800 ms of a full draw on a busy 2-core laptop. The
    progress chart shown while a question is open has one frame for the whole quiz (percent
    of the players), drawn when the room opens (`siapkan`), so opening a question draws
    nothing new."""

    JUDUL_KEMAJUAN = "Yang sudah menjawab"

    def __init__(self):
        self._kerangka: dict[tuple, tuple] = {}  # key -> (KerangkaGrafik, bars, counts, max)

    def siapkan(self) -> None:
        """Draw the progress frame now (when a room opens), not when a question opens."""
        self.kemajuan(0, 1, "")

    def soal(
        self, soal: SoalKuis, nomor: int, jawaban: list[str], pemain: int, tahap: str,
        sebaran: bool,
    ) -> str:  # fmt: skip
        """The count of answers in, then the chart: progress while the question is open (or
        the live distribution with `sebaran`), the distribution with ✓ once it is closed."""
        masuk = len(jawaban)
        kepala = (
            f"<p role='status' class='literasi-kuis-masuk' style='font-size:1.2rem;margin:8px 0'>"
            f"<b>Jawaban masuk: {masuk} dari {pemain}</b></p>"
        )
        if tahap == "soal" and not sebaran:
            alt = f"Soal {nomor}: {masuk} dari {pemain} pemain sudah menjawab."
            return kepala + self.kemajuan(masuk, pemain, alt)
        tutup = tahap == "tutup"
        baris = [
            (
                ("✓ " if tutup and benar else "") + label,
                jumlah,
                WARNA_BENAR if tutup and benar else WARNA_UTAMA if not tutup else WARNA_LAIN,
            )
            for label, jumlah, benar in soal.sebaran(jawaban)
        ]
        if not baris:
            return kepala
        isi = "; ".join(f"{label}: {jumlah}" for label, jumlah, _ in baris)
        alt = f"Diagram batang jawaban soal {nomor} ({masuk} jawaban): {isi}." + (
            " Tanda ✓ = jawaban benar." if tutup else ""
        )
        batas = max(pemain, max(b[1] for b in baris))
        return kepala + self.html(f"Soal {nomor}: sebaran jawaban", baris, batas, alt)

    def html(self, judul: str, baris: list[tuple[str, int, str]], batas: int, alt: str) -> str:
        """Counts of players: `baris` = (label, count, colour) from the top; `batas` = axis max."""
        nilai = [(n, str(n), warna) for _, n, warna in baris]
        return self._gambar(judul, [b[0] for b in baris], batas, "banyak pemain", nilai, alt)

    def kemajuan(self, masuk: int, pemain: int, alt: str) -> str:
        """Who has answered, as a share of the players (the frame never changes)."""
        persen = [100 * masuk / max(1, pemain), 100 * (pemain - masuk) / max(1, pemain)]
        nilai = [
            (persen[0], format_angka(masuk), WARNA_UTAMA),
            (persen[1], format_angka(pemain - masuk), WARNA_LAIN),
        ]
        label = ["Sudah menjawab", "Belum"]
        return self._gambar(self.JUDUL_KEMAJUAN, label, 100, "persen pemain", nilai, alt)

    def _bingkai(self, judul: str, label: list[str], batas: float, sumbu: str) -> tuple:
        kunci = (judul, tuple(label), batas, sumbu)
        if kunci not in self._kerangka:
            if len(self._kerangka) >= 8:  # a few frames: this question, its reveal, progress
                self._kerangka.pop(next(iter(self._kerangka)))
            # Options on at most two lines of ~20 characters, so the bars keep most of the
            # width; the figure grows with the lines, never so short that the layout collapses.
            teks = [dua_baris(teks_grafik(t, 80)) for t in label]
            baris = sum(t.count("\n") + 1 for t in teks)
            fig = gambar_baru(7.2, max(3.4, 1.6 + 0.55 * len(label) + 0.4 * baris))
            ax = fig.add_subplot()
            y = list(range(len(label)))
            batang = ax.barh(y, [0] * len(label), color=WARNA_LAIN, height=0.7)
            ax.set_yticks(y, teks, fontsize=11)
            ax.invert_yaxis()
            ax.set_xlim(0, max(1, batas) * 1.15)
            if sumbu.startswith("persen"):
                ax.set_xticks([0, 25, 50, 75, 100])
            else:
                ax.xaxis.set_major_locator(MaxNLocator(nbins=4, integer=True))
            ax.xaxis.set_major_formatter(FuncFormatter(lambda x, _: format_angka(x)))
            ax.set_xlabel(sumbu)
            # Over the whole figure, from its left edge: over the axes alone a long option
            # pushed the title out of the picture.
            fig.suptitle(teks_grafik(judul, 80), fontsize=12, x=0.02, ha="left")
            ax.spines[["top", "right"]].set_visible(False)
            angka = [ax.text(0, i, "", va="center", fontsize=12) for i in y]
            self._kerangka[kunci] = (KerangkaGrafik(fig, [*batang, *angka]), batang, angka, batas)
        return self._kerangka[kunci]

    def _gambar(self, judul, label, batas, sumbu, nilai, alt) -> str:
        kerangka, batang, angka, batas = self._bingkai(judul, label, batas, sumbu)
        for b, teks, (panjang, tulisan, warna) in zip(batang, angka, nilai, strict=True):
            b.set_width(panjang)
            b.set_color(warna)
            teks.set_position((panjang + max(1, batas) * 0.015, teks.get_position()[1]))
            teks.set_text(tulisan)
        return html_grafik(kerangka, alt=alt, keterangan=alt, sumber=SUMBER_GRAFIK)
