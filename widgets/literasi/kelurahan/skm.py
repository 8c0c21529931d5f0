"""The model of app K03 (no widgets): a satisfaction survey (SKM) from responses to reports.

`SurveiSkm` holds the responses (the fictional example, a form entered by hand, or an upload
whose bytes are kept as they came), the weights, the unit, period and number of service users,
and derives the check, the IKM, the quadrant, the notes (band edge, sample size) and the files
(Excel, PDF through `literasi.ekspor`; the template). Charts are drawn on a given Axes, so the
screen and the PDF show the same drawing. The numbers come from `literasi.kelurahan.ikm`.
"""

from __future__ import annotations

import io
import textwrap
from dataclasses import dataclass
from fractions import Fraction

import pandas as pd
from matplotlib.ticker import FuncFormatter

from literasi import ekspor
from literasi.format import format_angka
from literasi.grafik import WARNA_SOROT, WARNA_UTAMA
from literasi.kelurahan.ikm import (
    KUADRAN,
    LABEL_KEPENTINGAN,
    LABEL_SKALA,
    SKALA,
    SUMBER,
    SUMBER_SAMPEL,
    HasilIKM,
    HasilKuadran,
    HasilPeriksa,
    bobot_sama,
    catatan_batas,
    daftar_kategori,
    daftar_unsur,
    hitung_ikm,
    jawaban_contoh_fiktif,
    kuadran_kepentingan_kinerja,
    nama_unsur,
    periksa_bobot,
    periksa_jawaban,
    peringatan_sampel,
    teks_angka,
)
from literasi.unggah import HasilBaca, Masalah, baca_berkas

LABEL_FIKTIF = "DATA CONTOH FIKTIF"
SUMBER_CONTOH = f"{LABEL_FIKTIF} (40 responden acak, seed 2017)"
WARNA_MUTU = {"D": "#f6d5d1", "C": "#fbe8c8", "B": "#dcebd5", "A": "#c9e3f0"}
NAMA_TEMPLAT = "templat_skm_kelurahan.xlsx"


def teks_bobot(bobot) -> str:
    """A weight as written in the report.

    >>> teks_bobot(Fraction(1, 9)), teks_bobot(Fraction(1, 5))
    ('1/9', '0,2')
    """
    if bobot == bobot_sama()["U1"]:
        return "1/9"
    return teks_angka(bobot, 4).rstrip("0").rstrip(",")


def kalimat_terlemah(hasil: HasilIKM) -> str:
    """The weakest elements in words, with their NRR and value ×25."""
    if not hasil.terlemah:
        return "tidak ada: semua unsur sama nilainya"
    return "; ".join(
        f"{k} {nama_unsur(k)} (NRR {teks_angka(hasil.nrr[k], 3)}, nilai "
        f"{teks_angka(hasil.nilai_unsur(k))})"
        for k in hasil.terlemah
    )


# --- Charts (on a given Axes) -------------------------------------------------------------


def _bungkus(nama: str, lebar: int = 20) -> str:
    return "\n".join(textwrap.wrap(nama, lebar))


def gambar_per_unsur(ax, hasil: HasilIKM) -> None:
    """Horizontal bars of each element's value (NRR × 25) over the A–D bands; weakest orange."""
    unsur = daftar_unsur()
    for k in daftar_kategori():
        ax.axvspan(float(k.bawah), float(k.atas) + 0.01, color=WARNA_MUTU.get(k.mutu), zorder=0)
        ax.text((float(k.bawah) + float(k.atas)) / 2, -0.75, k.mutu, ha="center", va="center",
                fontsize=9, fontweight="bold", color="#14303d")  # fmt: skip
    nilai = [float(hasil.nilai_unsur(u.kode)) for u in unsur]
    warna = [WARNA_SOROT if u.kode in hasil.terlemah else WARNA_UTAMA for u in unsur]
    posisi = list(range(len(unsur)))
    ax.barh(posisi, [v - 25 for v in nilai], left=25, color=warna, zorder=2, height=0.65)
    for p, v in zip(posisi, nilai, strict=True):
        # On a white patch above the IKM line, so the dashed line never runs through a value.
        ax.text(v + 0.8, p, teks_angka(v), va="center", fontsize=8, zorder=4,
                bbox={"facecolor": "white", "edgecolor": "none", "pad": 0.6})  # fmt: skip
    ax.axvline(float(hasil.ikm), color="#14303d", linestyle="--", linewidth=1.2, zorder=3)
    ax.text(float(hasil.ikm), len(unsur) + 0.05, f"garis putus: IKM {teks_angka(hasil.ikm)}",
            ha="center", va="center", fontsize=8, color="#14303d",
            bbox={"facecolor": "white", "edgecolor": "none", "pad": 1})  # fmt: skip
    ax.set_yticks(posisi, [_bungkus(f"{u.kode} {u.nama}") for u in unsur], fontsize=8)
    ax.set_ylim(len(unsur) + 0.4, -1.2)
    ax.set_xlim(25, 100)
    ax.xaxis.set_major_formatter(FuncFormatter(lambda x, _: format_angka(x)))
    ax.tick_params(axis="x", labelsize=8)
    ax.set_xlabel("Nilai unsur = NRR × 25 (skala 25–100)", fontsize=8.5)
    ax.set_title("Nilai per unsur pelayanan (oranye: unsur terlemah)", fontsize=10)
    ax.spines[["top", "right"]].set_visible(False)


def kalimat_per_unsur(hasil: HasilIKM) -> str:
    return (
        "Diagram batang mendatar nilai 9 unsur pelayanan (NRR × 25) di atas pita mutu A–D. "
        f"IKM {teks_angka(hasil.ikm)} (mutu {hasil.kategori.mutu}, {hasil.kategori.kinerja}). "
        f"Unsur terlemah (oranye): {kalimat_terlemah(hasil)}."
    )


def gambar_kuadran(ax, kuadran: HasilKuadran) -> None:
    """Importance (y) against performance (x), cross lines at the means, quadrant names."""
    t = kuadran.tabel
    warna = {"I": WARNA_SOROT, "II": WARNA_UTAMA, "III": "#6b7b86", "IV": "#7b2d8e"}
    ax.scatter(t["kinerja"], t["kepentingan"], c=[warna[q] for q in t["kuadran"]], s=40, zorder=3)
    for _, b in t.iterrows():
        ax.annotate(b["kode"], (b["kinerja"], b["kepentingan"]), textcoords="offset points",
                    xytext=(4, 3), fontsize=8, zorder=4)  # fmt: skip
    gx, gy = kuadran.garis_kinerja, kuadran.garis_kepentingan
    ax.axvline(gx, color="#14303d", linewidth=1)
    ax.axhline(gy, color="#14303d", linewidth=1)
    x0, x1 = min(t["kinerja"].min(), gx) - 0.15, max(t["kinerja"].max(), gx) + 0.15
    # Room above and below the dots for the quadrant names in the corners.
    y0, y1 = min(t["kepentingan"].min(), gy) - 0.3, max(t["kepentingan"].max(), gy) + 0.3
    ax.set_xlim(max(1, x0), min(4, x1) if x1 <= 4 else x1)
    ax.set_ylim(max(1, y0), min(4, y1) if y1 <= 4 else y1)
    kotak = {"facecolor": "white", "edgecolor": "none", "alpha": 0.8, "pad": 1}
    sudut = {"I": (0.02, 0.98, "left", "top"), "II": (0.98, 0.98, "right", "top"),
             "III": (0.02, 0.02, "left", "bottom"), "IV": (0.98, 0.02, "right", "bottom")}
    for q, (x, y, ha, va) in sudut.items():
        ax.text(x, y, f"{q}. {KUADRAN[q].split(' (')[0]}", transform=ax.transAxes, ha=ha, va=va,
                fontsize=8, color=warna[q], fontweight="bold", bbox=kotak)  # fmt: skip
    fmt = FuncFormatter(lambda v, _: format_angka(v, 1))
    ax.xaxis.set_major_formatter(fmt)
    ax.yaxis.set_major_formatter(fmt)
    ax.tick_params(labelsize=8)
    ax.set_xlabel("Kinerja: rata-rata nilai unsur (1 tidak baik … 4 sangat baik)", fontsize=8.5)
    ax.set_ylabel("Kepentingan (1 tidak penting … 4 sangat penting)", fontsize=8.5)
    ax.set_title("Kuadran kepentingan–kinerja (garis = rata-rata)", fontsize=10)
    ax.spines[["top", "right"]].set_visible(False)


def kalimat_kuadran(kuadran: HasilKuadran) -> str:
    t = kuadran.tabel
    utama = [f"{b['kode']} {b['unsur']}" for _, b in t.iterrows() if b["kuadran"] == "I"]
    return (
        "Diagram pencar 9 unsur: kinerja (mendatar) dan kepentingan (tegak); garis silang di "
        f"rata-rata kinerja {teks_angka(kuadran.garis_kinerja)} dan rata-rata kepentingan "
        f"{teks_angka(kuadran.garis_kepentingan)}. Kuadran I (penting tetapi kinerjanya rendah, "
        f"prioritas perbaikan): {', '.join(utama) if utama else 'tidak ada'}."
    )


def gambar_pesan(ax, judul: str, pesan: str) -> None:
    """A chart-sized box with a message (when a chart cannot be drawn yet)."""
    ax.axis("off")
    ax.set_title(judul, fontsize=10)
    ax.text(0.5, 0.5, "\n".join(textwrap.wrap(pesan, 45)), ha="center", va="center", fontsize=9,
            transform=ax.transAxes, color="#14303d")  # fmt: skip


# --- The model ----------------------------------------------------------------------------


@dataclass
class HasilMuat:
    """What an upload gave: accepted or not, the problems to show, what was detected."""

    diterima: bool
    masalah: list[Masalah]
    catatan: list[str]
    baris_fiktif: int = 0


class SurveiSkm:
    """Responses, weights and description of one survey, and everything derived from them."""

    def __init__(self, tabel: pd.DataFrame, sumber_data: str, unit: str = "", periode: str = ""):
        self.asli: bytes | None = None  # the uploaded bytes, never modified
        self.dari_isian_tangan = False
        self.bobot: dict[str, Fraction] | None = None  # None: equal weights (1/9)
        self.unit, self.periode = unit, periode
        self.populasi: int | None = None  # service users in the period (for the sample size)
        self.pasang(tabel, sumber_data)

    @classmethod
    def contoh(cls) -> SurveiSkm:
        return cls(jawaban_contoh_fiktif(), SUMBER_CONTOH, "Kantor Kelurahan Contoh (fiktif)",
                   "contoh")  # fmt: skip

    def pasang(self, tabel, sumber_data, baris_awal: int | None = 2, lembar=None) -> None:
        self.tabel_asli = tabel
        self.sumber_data = sumber_data
        self.pemeriksaan: HasilPeriksa = periksa_jawaban(tabel, baris_awal, lembar)

    @property
    def fiktif(self) -> bool:
        return self.sumber_data.startswith(LABEL_FIKTIF)

    def muat_contoh(self) -> None:
        self.asli, self.dari_isian_tangan = None, False
        self.unit, self.periode = "Kantor Kelurahan Contoh (fiktif)", "contoh"
        self.pasang(jawaban_contoh_fiktif(), SUMBER_CONTOH)

    def mulai_kosong(self) -> None:
        self.asli, self.dari_isian_tangan = None, True
        self.pasang(pd.DataFrame(columns=["no"] + [u.kode for u in daftar_unsur()]),
                    "isian tangan")  # fmt: skip

    def tambah_responden(self, kinerja: dict[str, int], penting: dict[str, int | None]) -> bool:
        """Add one respondent; True if it replaced the example or a file (never mixed)."""
        baris: dict = dict(kinerja)
        if any(v is not None for v in penting.values()):
            baris.update({"K" + k[1:]: v for k, v in penting.items()})
        ganti = not self.dari_isian_tangan
        tabel = pd.DataFrame() if ganti else self.tabel_asli
        if ganti:
            self.asli, self.dari_isian_tangan = None, True
        baris["no"] = len(tabel) + 1
        tabel = pd.concat([tabel, pd.DataFrame([baris])], ignore_index=True)
        urut = ["no", *[f"U{i}" for i in range(1, 10)], *[f"K{i}" for i in range(1, 10)]]
        self.pasang(tabel[[k for k in urut if k in tabel.columns]], "isian tangan")
        return ganti

    def muat_berkas(self, nama: str, isi: bytes, batas_mb: float) -> HasilMuat:
        """Read an upload; on success it replaces the data. Never raises for bad files."""
        baca: HasilBaca = baca_berkas(nama, isi, batas_mb=batas_mb)
        if baca.tabel is None:
            return HasilMuat(False, list(baca.masalah), baca.catatan)
        periksa = periksa_jawaban(baca.tabel, baris_awal=None, lembar=baca.lembar)
        hilang = [m for m in periksa.masalah if m.baris is None and "tidak ada" in m.pesan]
        if hilang or periksa.responden == 0:
            semua = list(baca.masalah) + [
                Masalah(m.lembar, m.baris, m.kolom, m.pesan) for m in periksa.masalah
            ]
            if periksa.responden == 0:
                semua.append(Masalah(baca.lembar, None, None, "tidak ada baris jawaban."))
            return HasilMuat(False, semua, baca.catatan)
        self.asli, self.dari_isian_tangan = bytes(isi), False
        meta = {k.strip().lower(): v for k, v in baca.metadata.items()}
        for kunci, atribut in (("unit layanan", "unit"), ("periode survei", "periode")):
            if meta.get(kunci) and "…" not in meta[kunci]:
                setattr(self, atribut, meta[kunci])
            elif self.fiktif:
                setattr(self, atribut, "")
        fiktif = sum(
            int(baca.tabel[k].astype(str).str.contains("fiktif", case=False).sum())
            for k in baca.tabel.columns if str(k).strip().lower() == "keterangan"
        )  # fmt: skip
        sumber = f"berkas {nama}"
        if fiktif:
            sumber = f"{LABEL_FIKTIF} — berkas {nama} masih berisi {fiktif} baris contoh fiktif"
        self.pasang(baca.tabel, sumber, baris_awal=None, lembar=baca.lembar)
        semua = list(baca.masalah) + [
            Masalah(m.lembar, m.baris, m.kolom, m.pesan, "peringatan")
            for m in self.pemeriksaan.masalah
        ]
        return HasilMuat(True, semua, baca.catatan, fiktif)

    # --- Derived --------------------------------------------------------------------------

    def pesan_bobot(self, teks: dict[str, str] | None) -> list[str]:
        """Set the weights from what was typed (None: equal); messages if they are unusable,
        in which case the equal weights stay."""
        from literasi.kelurahan.ikm import baca_bobot

        self.bobot = None
        if teks is None:
            return []
        bobot, pesan = {}, []
        for kode, t in teks.items():
            try:
                bobot[kode] = baca_bobot(t)
            except ValueError as e:
                pesan.append(f"{kode}: {e}")
        pesan = pesan or periksa_bobot(bobot)
        if not pesan:
            self.bobot = bobot
        return pesan

    def hitung(self) -> tuple[HasilIKM | None, str]:
        """The IKM, or None and why not (in Indonesian)."""
        try:
            return hitung_ikm(self.pemeriksaan.kinerja, self.bobot), ""
        except ValueError as e:
            return None, str(e)

    def kuadran(self) -> tuple[HasilKuadran | None, str]:
        if self.pemeriksaan.kepentingan is None:
            return None, "Data ini tidak punya skor kepentingan (kolom K1–K9)."
        try:
            return kuadran_kepentingan_kinerja(self.pemeriksaan.kinerja,
                                               self.pemeriksaan.kepentingan), ""  # fmt: skip
        except ValueError as e:
            return None, str(e)

    def catatan(self, hasil: HasilIKM) -> list[str]:
        """Notes that belong next to the number: band edge, sample size."""
        return [c for c in (catatan_batas(hasil),
                            peringatan_sampel(hasil.responden, self.populasi)) if c]  # fmt: skip

    def teks_bobot(self) -> str:
        if self.bobot is None:
            return "sama, 1/9 tiap unsur"
        return ", ".join(f"{k} {teks_bobot(v)}" for k, v in self.bobot.items())

    def keterangan(self) -> list[tuple[str, object]]:
        hasil, _ = self.hitung()
        return [
            ("Unit layanan", self.unit or "(unit layanan belum diisi)"),
            ("Periode survei", self.periode or "(periode belum diisi)"),
            ("Sumber data", self.sumber_data),
            ("Responden", hasil.responden if hasil else 0),
            ("Penerima layanan", self.populasi or "(tidak diisi)"),
            ("Bobot", self.teks_bobot()),
        ]

    # --- Files ----------------------------------------------------------------------------

    def tabel_unsur(self, hasil: HasilIKM) -> pd.DataFrame:
        """Per element, rounded as printed: NRR to 3 decimals so a reader can recompute."""
        t = hasil.tabel_unsur()
        return pd.DataFrame({
            "Kode": t["kode"], "Unsur": t["unsur"], "Jawaban sah": t["jawaban_sah"],
            "NRR": [float(teks_angka(hasil.nrr[k], 3).replace(",", ".")) for k in t["kode"]],
            "Bobot": t["bobot"], "NRR tertimbang": t["nrr_tertimbang"],
            "Nilai unsur (×25)": t["nilai_konversi"], "Mutu unsur": t["mutu"],
        })  # fmt: skip

    def buat_excel(self) -> bytes:
        hasil, _ = self.hitung()
        kuadran, _ = self.kuadran()
        p = self.pemeriksaan
        jawaban = pd.concat(
            [pd.DataFrame({"Baris di berkas": p.baris}), p.kinerja.reset_index(drop=True)]
            + ([p.kepentingan.reset_index(drop=True)] if p.kepentingan is not None else []),
            axis=1,
        )
        indeks = pd.DataFrame(
            [("Responden", hasil.responden),
             ("Indeks tertimbang (skala 1–4)", round(float(hasil.indeks), 4)),
             ("IKM tanpa pembulatan", round(float(hasil.ikm_tepat), 4)),
             ("IKM (2 desimal, dibulatkan setengah ke atas)", float(hasil.ikm)),
             ("Mutu pelayanan", hasil.kategori.mutu),
             ("Kinerja unit pelayanan", hasil.kategori.kinerja),
             ("Unsur terlemah", kalimat_terlemah(hasil)),
             *[("Catatan", c) for c in self.catatan(hasil)]],
            columns=["Keterangan", "Nilai"],
        )  # fmt: skip
        lembar = {"Jawaban": jawaban, "Per unsur": self.tabel_unsur(hasil), "Indeks": indeks}
        if kuadran is not None:
            k = kuadran.tabel.rename(columns={"kode": "Kode", "unsur": "Unsur",
                                              "kinerja": "Kinerja (1–4)",
                                              "kepentingan": "Kepentingan (1–4)",
                                              "kuadran": "Kuadran"})  # fmt: skip
            k["Arti"] = k["Kuadran"].map(KUADRAN)
            lembar["Kuadran"] = k
        asli = self.tabel_asli.reset_index()
        asli = asli.rename(columns={asli.columns[0]: "Baris di berkas"})
        lembar["Data asli"] = asli
        desimal = {"NRR": 3, "Bobot": 4, "NRR tertimbang": 4, "Nilai unsur (×25)": 2,
                   "Kinerja (1–4)": 3, "Kepentingan (1–4)": 3, "Baris di berkas": 0}  # fmt: skip
        return ekspor.buat_excel(lembar, self._metadata(), None, desimal)

    def _metadata(self) -> list[tuple[str, object]]:
        pita = "; ".join(f"{k.mutu} {k.teks_rentang()} {k.kinerja}" for k in daftar_kategori())
        return [
            ("Judul", f"Indeks Kepuasan Masyarakat — {self.unit or '(unit belum diisi)'}"),
            *self.keterangan(),
            ("Metode", f"{SUMBER}: 9 unsur, skala 1–4"),
            ("NRR", "jumlah nilai per unsur ÷ jumlah jawaban sah unsur itu"),
            ("IKM", "Σ (bobot × NRR) × 25; bobot 1/9 (sumber menulis 0,111) atau bobot sendiri "
                    "yang berjumlah tepat 1"),
            ("Kategori mutu", pita),
            ("Aturan batas", "IKM dihitung tanpa pembulatan antara, dibulatkan sekali ke 2 "
                             "desimal (setengah ke atas), lalu dicocokkan ke rentang (batas "
                             "termasuk). Contoh: 64,995 → 65,00 → C."),
            ("Bobot 0,111", "9 × 0,111 = 0,999: dengan 0,111 setiap IKM 0,1% lebih rendah; kit "
                            "memakai 1/9 tepat"),
            ("Kuadran", "garis silang = rata-rata 9 nilai kinerja dan rata-rata 9 nilai "
                        "kepentingan; nilai tepat di garis dihitung 'tinggi'"),
            ("Skala kinerja", "; ".join(f"{s} {LABEL_SKALA[s]}" for s in SKALA)),
            ("Skala kepentingan", "; ".join(f"{s} {LABEL_KEPENTINGAN[s]}" for s in SKALA)),
            ("Sampel minimum", SUMBER_SAMPEL),
        ]  # fmt: skip

    def buat_pdf(self) -> bytes:
        hasil, _ = self.hitung()
        kuadran, pesan_kuadran = self.kuadran()
        k = hasil.kategori
        teks = [
            f"IKM {teks_angka(hasil.ikm)}: mutu pelayanan {k.mutu} ({k.kinerja}); "
            f"{format_angka(hasil.responden)} responden; indeks tertimbang "
            f"{teks_angka(hasil.indeks, 4)} (skala 1–4) × 25 = {teks_angka(hasil.ikm_tepat, 4)}.",
            f"Unsur terlemah: {kalimat_terlemah(hasil)}.",
            *self.catatan(hasil),
            "IKM bukan persentase warga yang puas: IKM adalah rata-rata skor 1–4 yang dikali 25.",
        ]
        bagian = [
            ekspor.Bagian("Hasil survei", teks,
                          self.tabel_unsur(hasil).drop(columns=["NRR tertimbang"]).rename(
                              columns={"Jawaban sah": "Sah", "Nilai unsur (×25)": "×25",
                                       "Mutu unsur": "Mutu"}),
                          desimal={"NRR": 3, "Bobot": 4, "×25": 2},
                          lebar_kolom=[0.07, 0.39, 0.1, 0.1, 0.1, 0.12, 0.12]),
            ekspor.Bagian("Nilai per unsur", [kalimat_per_unsur(hasil)], None,
                          lambda ax: gambar_per_unsur(ax, hasil), 0.6),
        ]  # fmt: skip
        if kuadran is not None:
            bagian.append(ekspor.Bagian("Kuadran kepentingan–kinerja", [kalimat_kuadran(kuadran)],
                                        None, lambda ax: gambar_kuadran(ax, kuadran), 0.55))
        else:
            bagian.append(ekspor.Bagian("Kuadran kepentingan–kinerja",
                                        [f"Kuadran belum bisa dibuat: {pesan_kuadran}"]))
        cara = [f"{a}: {b}." for a, b in self._metadata()[7:]]
        bagian.append(ekspor.Bagian("Cara menghitung", cara))
        return ekspor.buat_pdf(
            "Indeks Kepuasan Masyarakat (IKM)",
            f"{self.unit or '(unit belum diisi)'} · periode {self.periode or '(belum diisi)'}",
            f"{self.sumber_data}; metode {SUMBER}",
            bagian,
            keterangan=[(a, str(b)) for a, b in self.keterangan()],
            peringatan=LABEL_FIKTIF if self.fiktif else None,
        )


def buat_templat() -> bytes:
    """The .xlsx template: sheet 'Isian' with fictional example rows (labelled), 'Petunjuk',
    'Metadata'. Made at run time (no binary file in the repository)."""
    from openpyxl import Workbook
    from openpyxl.styles import Font, PatternFill

    unsur = daftar_unsur()
    buku = Workbook()
    ws = buku.active
    ws.title = "Isian"
    ws.append([f"Templat SKM. Baris bertanda “{LABEL_FIKTIF}” hanya contoh: hapus sebelum "
               "mengunggah data Anda."])  # fmt: skip
    ws["A1"].font = Font(bold=True, color="B3261E")
    ws.append([])
    kepala = ["No", *[u.kode for u in unsur], *[u.kode_kepentingan for u in unsur], "Keterangan"]
    ws.append(kepala)
    for s in ws[3]:
        s.font = Font(bold=True)
    kuning = PatternFill("solid", fgColor="FFF2CC")
    for _, b in jawaban_contoh_fiktif(banyak=5, seed=45).iterrows():
        ws.append([int(b["no"]), *[int(b[k]) for k in kepala[1:-1]], LABEL_FIKTIF])
        for s in ws[ws.max_row]:
            s.fill = kuning
    ws = buku.create_sheet("Petunjuk")
    for b in (
        ["Petunjuk pengisian templat Survei Kepuasan Masyarakat"],
        [f"Lembar “Isian”: satu baris = satu responden. Baris contoh bertanda {LABEL_FIKTIF} "
         "dibuat acak oleh kit, bukan data sungguhan: hapus sebelum mengunggah."],
        ["Isi setiap kolom U1–U9 (nilai pelayanan) dengan angka 1, 2, 3, atau 4 (wajib). Kolom "
         "K1–K9 (kepentingan unsur itu bagi responden) boleh dikosongkan."],
        [],
        ["Kode", "Unsur (Permenpan RB 14/2017)"],
        *[[u.kode, u.nama] for u in unsur],
        [],
        ["Nilai", "Arti untuk U1–U9 (mutu)", "Arti untuk K1–K9 (kepentingan)"],
        *[[s, LABEL_SKALA[s], LABEL_KEPENTINGAN[s]] for s in SKALA],
    ):  # fmt: skip
        ws.append(b)
    ws["A1"].font = Font(bold=True)
    ws.column_dimensions["A"].width = 10
    ws.column_dimensions["B"].width = 60
    ws.column_dimensions["C"].width = 30
    ws = buku.create_sheet("Metadata")
    for b in (["Unit layanan", "Kantor Kelurahan … (isi)"],
              ["Periode survei", "… (isi, mis. Januari–Juni 2026)"],
              ["Kontak", "… (nama petugas, telepon)"],
              ["Keterangan", "Templat dari Kit Literasi Statistik Kota Pekalongan"]):  # fmt: skip
        ws.append(b)
    ws.column_dimensions["A"].width = 18
    ws.column_dimensions["B"].width = 50
    keluar = io.BytesIO()
    buku.save(keluar)
    return keluar.getvalue()
