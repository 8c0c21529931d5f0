"""What both Sensus Kelas views show: charts of the answers, escaped tables, status lines, and
the dashboard's HTML parts (class list, summaries, sample, answers with their numbers).

Free text (cita-cita) is stored as typed and escaped wherever it is shown; it never goes into
a chart (matplotlib would read `$…$` as math).
"""

from __future__ import annotations

import math
from datetime import datetime
from html import escape

import ipywidgets as ipw
import numpy as np
import pandas as pd
from matplotlib.ticker import FuncFormatter, MaxNLocator

from literasi import ekspor
from literasi.grafik import WARNA_LAIN, WARNA_SOROT, WARNA_UTAMA, gambar_baru, html_grafik
from literasi.kelas.kuesioner import (
    ANGKA,
    PERTANYAAN,
    SUMBER,
    Pertanyaan,
    angka_ringkas,
    sebagai_kategori,
)
from literasi.unduh import tautan_unduh

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


def tabel_html(tabel: pd.DataFrame, judul: str, kepala: dict[str, str] | None = None) -> str:
    """The kit's table (`literasi.ekspor.tabel_html`), numbers as short as they are (7; 7,25)."""
    return ekspor.tabel_html(tabel, judul, kepala, desimal=None)


def pesan_status(jenis: str, isi_html: str) -> str:
    """A status line; `jenis` is benar / salah / petunjuk (the template's feedback colours)."""
    return f"<div class='literasi-umpan {jenis}' role='status'>{isi_html}</div>"


GAYA = {"description_width": "initial"}  # a control's label as wide as its text


def tombol(teks: str, gaya: str = "", **lain) -> ipw.Button:
    return ipw.Button(description=teks, button_style=gaya, layout=ipw.Layout(width="auto"), **lain)


def bilangan(teks: str, nilai: int, bawah: int, atas: int, lebar: str) -> ipw.BoundedIntText:
    tata = ipw.Layout(width=lebar)
    return ipw.BoundedIntText(
        value=nilai, min=bawah, max=atas, description=teks, style=GAYA, layout=tata
    )


def pilihan(teks: str, lebar_min: str = "160px", **lain) -> ipw.Dropdown:
    """A dropdown for a teacher's view; height auto so a 44 px select is not clipped."""
    tata = ipw.Layout(width="auto", min_width=lebar_min, height="auto")
    return ipw.Dropdown(description=teks, style=GAYA, layout=tata, **lain)


def judul_bagian(teks: str) -> ipw.HTML:
    """A numbered section's heading in a teacher's view (dashboard, quiz)."""
    return ipw.HTML(f"<h2 style='margin:18px 0 4px'>{teks}</h2>")


def kecil(teks: str) -> ipw.HTML:
    """A line of small print under a heading."""
    return ipw.HTML(f"<p class='literasi-kecil'>{teks}</p>")


def lebar_isian() -> ipw.Layout:
    """Full width up to 420 px; height auto so a 44 px select is not clipped by its box."""
    return ipw.Layout(width="100%", max_width="420px", height="auto")


# --- The dashboard's parts ---------------------------------------------------------------


def html_daftar_kelas(tabel: pd.DataFrame) -> str:
    """The classes on this laptop: code, created, answers, per-phone limit, status."""
    if tabel.empty:
        return "<p>Belum ada kelas. Buat satu kode kelas di atas.</p>"
    t = tabel.copy()
    t["status"] = np.where(t["diarsipkan"].isna(), "aktif", "arsip")
    t["dibuat"] = t["dibuat"].dt.strftime("%d-%m-%Y %H.%M")
    kepala = {
        "kode_kelas": "Kode",
        "dibuat": "Dibuat",
        "jumlah_jawaban": "Jawaban",
        "batas_ponsel": "Isian per ponsel",
        "status": "Status",
    }
    return tabel_html(t.astype({"jumlah_jawaban": int}), "Kelas di laptop ini", kepala)


def html_hitungan(kode: str, kelas: pd.DataFrame, aktif: pd.DataFrame) -> str:
    terakhir = f" Jawaban terakhir: {kelas['waktu'].max():%H.%M}." if len(kelas) else ""
    n_kelas = aktif["kode_kelas"].nunique() if len(aktif) else 0
    return (
        f"<p class='literasi-ringkasan' role='status'>Kelas <b>{escape(kode)}</b>: "
        f"<b>{len(kelas)}</b> jawaban. Semua kelas aktif: {len(aktif)} jawaban dari "
        f"{n_kelas} kelas.{terakhir}</p>"
    )


def html_ringkasan(p: Pertanyaan, kelas: pd.DataFrame, banding: pd.DataFrame) -> str:
    """n, mean, median, min and max of one numeric question: this class and every class."""
    baris = []
    for nama, data in (("Kelas ini", kelas[p.kunci]), ("Semua kelas", banding[p.kunci])):
        d = data.dropna().astype(float)
        baris.append(
            {
                "kelompok": nama,
                "n": len(d),
                "rata": d.mean(),
                "median": d.median(),
                "min": d.min(),
                "maks": d.max(),
            }
        )
    kepala = {
        "kelompok": "",
        "n": "n",
        "rata": "Rata-rata",
        "median": "Median",
        "min": "Terkecil",
        "maks": "Terbesar",
    }
    return tabel_html(pd.DataFrame(baris), f"{p.nama} ({p.satuan}): ringkasan", kepala)


def html_teks(p: Pertanyaan, kelas: pd.DataFrame) -> str:
    """The most frequent free-text answers, as typed (escaped)."""
    teks = kelas[p.kunci].dropna().str.lower()
    if teks.empty:
        return "<p>Belum ada yang mengisi cita-cita.</p>"
    hitung = teks.value_counts().head(15).rename_axis("jawaban").reset_index(name="siswa")
    return tabel_html(hitung, f"{p.nama}: 15 jawaban terbanyak di kelas ini (teks apa adanya)")


def html_silang(px: Pertanyaan, py: Pertanyaan, kelas: pd.DataFrame, kode: str) -> str:
    """Cross table of two choice questions in one class, with totals."""
    if px.kunci == py.kunci:
        return "<p>Pilih dua variabel yang berbeda.</p>"
    data = sebagai_kategori(kelas)
    silang = pd.crosstab(
        data[py.kunci], data[px.kunci], margins=True, margins_name="Jumlah", dropna=False
    )
    silang = silang.rename_axis(index=None, columns=None).reset_index(names=py.nama)
    return tabel_html(
        silang,
        f"Tabel silang kelas {kode}: {py.nama} (baris) × {px.nama} (kolom), banyak siswa",
        {k: str(k) for k in silang.columns},
    )


def html_sampel(sampel: pd.DataFrame, populasi: pd.DataFrame, diminta: int, seed: int) -> str:
    """The sample, its mean height beside every answer's, and a CSV link."""
    if sampel.empty:
        return "<p>Belum ada jawaban untuk diambil sampelnya.</p>"
    kurang = (
        f" (diminta {diminta}, tetapi hanya ada {len(populasi)} jawaban)"
        if diminta > len(populasi)
        else ""
    )
    kolom = {"kode_kelas": "Kelas", **{p.kunci: p.nama for p in ANGKA[:4]}}
    kolom["moda"] = "Cara ke sekolah"
    p = ANGKA[0]
    rata_s, rata_p = sampel[p.kunci].mean(), populasi[p.kunci].mean()
    csv = sampel.drop(columns=["kunci_kirim"]).to_csv(index=False).encode("utf-8-sig")
    nama = f"sampel_n{len(sampel)}_seed{seed}.csv"
    return (
        f"<p role='status'>Sampel acak <b>n = {len(sampel)}</b> dari {len(populasi)} jawaban "
        f"({populasi['kode_kelas'].nunique()} kelas){kurang}, <b>seed {seed}</b>. "
        f"Rata-rata {p.nama.lower()} sampel: <b>{angka_ringkas(round(rata_s, 1))} "
        f"{p.satuan}</b>; semua jawaban: {angka_ringkas(round(rata_p, 1))} {p.satuan}.</p>"
        + tabel_html(sampel, f"Sampel (seed {seed})", kolom)
        + f"<p>{tautan_unduh(csv, nama, 'text/csv', 'Unduh sampel (CSV)')}</p>"
    )


def html_jawaban_kelas(kelas: pd.DataFrame, kode: str) -> str:
    """Every answer of one class with its number (the number the teacher deletes by)."""
    if kelas.empty:
        return ""
    t = kelas.sort_values("id", ascending=False).assign(masuk=kelas["waktu"].dt.strftime("%H.%M"))
    kepala = {"id": "Nomor", "masuk": "Masuk", **{p.kunci: p.nama for p in PERTANYAAN}}
    return (
        "<div style='max-height:320px;overflow-y:auto'>"
        + tabel_html(t, f"Jawaban kelas {kode}, terbaru di atas", kepala)
        + "</div>"
    )


def html_catatan_hapus(catatan: pd.DataFrame) -> str:
    """What the dashboard deleted: when, by whom, which rows."""
    if catatan.empty:
        return ""
    t = catatan.head(10).copy()
    t["waktu"] = t["waktu"].dt.strftime("%d-%m-%Y %H.%M")
    t["apa"] = [
        f"jawaban nomor {n}" if pd.notna(n) else f"seluruh kelas ({b} jawaban)"
        for n, b in zip(t["jawaban_id"], t["banyak"], strict=True)
    ]
    t["oleh"] = t["oleh"] + t["perangkat"].map(lambda x: f", perangkat {x}" if x else "")
    kepala = {"waktu": "Waktu", "kode_kelas": "Kelas", "apa": "Yang dihapus", "oleh": "Oleh"}
    return tabel_html(t, "Catatan penghapusan (10 terakhir)", kepala)


def html_pin(ringkasan) -> str:
    """Wrong PINs against this server run, from every device (literasi.kelas.pin)."""
    if ringkasan is None:
        return ""
    if not ringkasan.salah and not ringkasan.ditolak:
        return "<p class='literasi-kecil'>Belum ada PIN salah sejak server dinyalakan.</p>"
    jam = datetime.fromtimestamp(ringkasan.terakhir).strftime("%H.%M")
    ditolak = f", {ringkasan.ditolak} kali ditolak karena terkunci" if ringkasan.ditolak else ""
    return (
        f"<p class='literasi-kecil' role='status'>PIN salah dimasukkan {ringkasan.salah} kali"
        f"{ditolak} sejak server dinyalakan (terakhir {jam}).</p>"
    )
