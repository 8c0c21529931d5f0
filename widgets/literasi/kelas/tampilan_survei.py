"""What both Sensus Kelas views show: charts of the answers, escaped tables, status lines.

Free text (cita-cita) is stored as typed and escaped wherever it is shown; it never goes into
a chart (matplotlib would read `$…$` as math).
"""

from __future__ import annotations

import math
from html import escape

import ipywidgets as ipw
import numpy as np
import pandas as pd
from matplotlib.ticker import FuncFormatter, MaxNLocator

from literasi.grafik import WARNA_LAIN, WARNA_SOROT, WARNA_UTAMA, gambar_baru, html_grafik
from literasi.kelas.kuesioner import SUMBER, Pertanyaan, angka_ringkas

# --- Charts ------------------------------------------------------------------------------


def _format_sumbu(x, _pos=None) -> str:
    return angka_ringkas(round(x, 2))


def _tepi_kelas(nilai: pd.Series, p: Pertanyaan) -> np.ndarray:
    """Histogram bin edges: whole units for counts, about 8–12 bins of a round width
    otherwise, and never fewer than 5 bins, so that two answers (or two equal ones) still
    show where they lie instead of one bar as wide as the chart."""
    nilai = nilai.astype(float)
    kecil, besar = float(nilai.min()), float(nilai.max())
    if p.jenis == "bulat" and besar - kecil <= 20:
        lebar, awal = 1.0, math.floor(kecil) - 0.5
    else:
        # The smallest "round" width giving at most ~10 bins (1, 2, 5, 10 cm; 0,5 or 1 jam),
        # but not finer than about a thirtieth of the question's range (5 cm, 0,5 jam).
        terkecil = (p.batas[1] - p.batas[0]) / 30 if p.batas else 0
        lebar = next(
            (w for w in (0.5, 1, 2, 5, 10, 20, 50) if w * 10 >= besar - kecil and w >= terkecil),
            100.0,
        )
        awal = math.floor(kecil / lebar) * lebar
    n = math.floor((besar - awal) / lebar) + 1  # bins up to the one holding the largest
    kurang = max(0, 5 - n)
    kiri = kurang // 2
    if p.batas:  # no bins below what can be answered (0 siblings, 0 hours)
        kiri = min(kiri, max(0, math.floor((awal - p.batas[0]) / lebar + 0.5)))
    awal -= kiri * lebar
    return awal + lebar * np.arange(n + kurang + 1)


def grafik_posisi(p: Pertanyaan, nilai: float, kelas: pd.Series, kode_kelas: str) -> str:
    """Histogram of the class with the student's own bar in orange."""
    data = kelas.dropna().astype(float)
    tepi = _tepi_kelas(pd.concat([data, pd.Series([nilai])]), p)
    jumlah, _ = np.histogram(data, bins=tepi)
    fig = gambar_baru(4.2, 3.0)
    ax = fig.add_subplot()
    tengah = (tepi[:-1] + tepi[1:]) / 2
    milikku = int(np.clip(np.searchsorted(tepi, nilai, side="right") - 1, 0, len(jumlah) - 1))
    warna = [WARNA_SOROT if i == milikku else WARNA_UTAMA for i in range(len(jumlah))]
    ax.bar(tengah, jumlah, width=np.diff(tepi) * 0.92, color=warna)
    ax.axvline(nilai, color="#333333", linewidth=1.2, linestyle="--")
    # "kamu" above the tallest bar, beside the line on the side with room: never over the
    # y axis or a bar.
    kanan = nilai <= (tepi[0] + tepi[-1]) / 2
    ax.annotate(
        "kamu",
        (nilai, max(jumlah.max(), 1) * 1.08),
        xytext=(4 if kanan else -4, 0),
        textcoords="offset points",
        ha="left" if kanan else "right",
        va="bottom",
        fontsize=9,
    )
    ax.set_xlabel(f"{p.nama} ({p.satuan})")
    ax.set_ylabel("banyak siswa")
    ax.yaxis.set_major_locator(MaxNLocator(integer=True))
    ax.xaxis.set_major_locator(MaxNLocator(5, integer=p.jenis == "bulat"))
    ax.xaxis.set_major_formatter(FuncFormatter(_format_sumbu))
    ax.set_xlim(tepi[0], tepi[-1])
    ax.set_ylim(0, max(jumlah.max(), 1) * 1.35)
    ax.spines[["top", "right"]].set_visible(False)
    ax.set_title(f"{p.nama}, kelas {kode_kelas} (n = {len(data)})", fontsize=10)
    kalimat = (
        f"Histogram {p.nama.lower()} {len(data)} siswa kelas {kode_kelas} yang sudah mengisi "
        f"(termasuk kamu). Batang oranye dan garis putus-putus: nilaimu, "
        f"{angka_ringkas(nilai)} {p.satuan}."
    )
    return html_grafik(fig, alt=kalimat, keterangan=kalimat, sumber=SUMBER)


def grafik_sebaran(p: Pertanyaan, kelas: pd.Series, semua: pd.Series, kode: str) -> str:
    """Distribution of one question: the class on top, every class below (in percent)."""
    fig = gambar_baru(5.6, 4.4)
    if p.angka:
        tepi = _tepi_kelas(semua.dropna(), p)
        atas, bawah = fig.subplots(2, 1, sharex=True)
        for ax, data, warna, judul in (
            (atas, kelas.dropna().astype(float), WARNA_UTAMA, f"Kelas {kode}"),
            (bawah, semua.dropna().astype(float), WARNA_LAIN, "Semua kelas"),
        ):
            jumlah, _ = np.histogram(data, bins=tepi)
            persen = 100 * jumlah / max(len(data), 1)
            ax.bar((tepi[:-1] + tepi[1:]) / 2, persen, width=np.diff(tepi) * 0.92, color=warna)
            ax.set_title(f"{judul} (n = {len(data)})", fontsize=9)
            ax.set_ylabel("% siswa")
            ax.spines[["top", "right"]].set_visible(False)
        bawah.set_xlabel(f"{p.nama} ({p.satuan})")
        bawah.xaxis.set_major_formatter(FuncFormatter(_format_sumbu))
        jenis = "Histogram"
    else:
        ax = fig.add_subplot()
        pilihan = list(p.pilihan)
        y = np.arange(len(pilihan))
        for geser, data, warna, judul in (
            (-0.2, kelas, WARNA_UTAMA, f"Kelas {kode}"),
            (0.2, semua, WARNA_LAIN, "Semua kelas"),
        ):
            data = data.dropna()
            persen = [100 * (data == c).sum() / max(len(data), 1) for c in pilihan]
            ax.barh(y + geser, persen, height=0.4, color=warna, label=f"{judul} (n = {len(data)})")
        ax.set_yticks(y, pilihan, fontsize=8)
        ax.invert_yaxis()
        ax.set_xlabel("% siswa")
        ax.legend(fontsize=8, loc="lower right")
        ax.spines[["top", "right"]].set_visible(False)
        jenis = "Diagram batang"
    kalimat = (
        f"{jenis} {p.nama.lower()}: kelas {kode} ({kelas.notna().sum()} siswa) dibandingkan "
        f"semua kelas ({semua.notna().sum()} siswa), dalam persen siswa."
    )
    return html_grafik(fig, alt=kalimat, keterangan=kalimat, sumber=SUMBER)


def grafik_pencar(px: Pertanyaan, py: Pertanyaan, tabel: pd.DataFrame, kode: str) -> str:
    """Scatter of two numeric questions: the chosen class in colour, other classes in grey."""
    fig = gambar_baru(5.2, 4.2)
    ax = fig.add_subplot()
    data = tabel[["kode_kelas", px.kunci, py.kunci]].dropna()
    lain = data[data["kode_kelas"] != kode]
    kita = data[data["kode_kelas"] == kode]
    ax.scatter(lain[px.kunci], lain[py.kunci], s=18, color=WARNA_LAIN, label="kelas lain")
    ax.scatter(kita[px.kunci], kita[py.kunci], s=26, color=WARNA_SOROT, label=f"kelas {kode}")
    ax.set_xlabel(f"{px.nama} ({px.satuan})")
    ax.set_ylabel(f"{py.nama} ({py.satuan})")
    for sumbu in (ax.xaxis, ax.yaxis):
        sumbu.set_major_formatter(FuncFormatter(_format_sumbu))
    ax.legend(fontsize=8)
    ax.spines[["top", "right"]].set_visible(False)
    kalimat = (
        f"Diagram pencar {px.nama.lower()} (mendatar) dan {py.nama.lower()} (tegak): "
        f"{len(kita)} siswa kelas {kode} (oranye) dan {len(lain)} siswa kelas lain (abu-abu)."
    )
    return html_grafik(fig, alt=kalimat, keterangan=kalimat, sumber=SUMBER)


# --- Small HTML helpers -------------------------------------------------------------------


def _sel(nilai, p: Pertanyaan | None = None) -> str:
    if nilai is None or nilai is pd.NA or (isinstance(nilai, float) and math.isnan(nilai)):
        return "<td>–</td>"
    if isinstance(nilai, int | float | np.integer | np.floating) and not isinstance(nilai, bool):
        return f"<td style='text-align:right'>{angka_ringkas(float(nilai))}</td>"
    return f"<td>{escape(str(nilai))}</td>"  # free text: escaped, never trusted


def tabel_html(tabel: pd.DataFrame, judul: str, kepala: dict[str, str] | None = None) -> str:
    """An escaped HTML table that scrolls sideways inside itself on a phone."""
    kepala = kepala or {k: k for k in tabel.columns}
    th = "".join(f"<th scope='col'>{escape(v)}</th>" for v in kepala.values())
    baris = "".join(
        "<tr>" + "".join(_sel(b[k]) for k in kepala) + "</tr>"
        for b in tabel.astype(object).where(tabel.notna(), None).to_dict("records")
    )
    return (
        "<div style='overflow-x:auto;max-width:100%'><table class='literasi-tabel'>"
        f"<caption>{escape(judul)}</caption><thead><tr>{th}</tr></thead>"
        f"<tbody>{baris}</tbody></table></div>"
    )


def pesan_status(jenis: str, isi_html: str) -> str:
    """A status line; `jenis` is benar / salah / petunjuk (the template's feedback colours)."""
    return f"<div class='literasi-umpan {jenis}' role='status'>{isi_html}</div>"


def lebar_isian() -> ipw.Layout:
    """Full width up to 420 px; height auto so a 44 px select is not clipped by its box."""
    return ipw.Layout(width="100%", max_width="420px", height="auto")
