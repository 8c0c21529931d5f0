"""App 3 (kelurahan): Survei Kepuasan Masyarakat, the IKM under Permenpan RB No. 14 Tahun 2017.

The app opens with FICTIONAL responses (seeded, labelled "DATA CONTOH FIKTIF"). The office enters
its own responses one respondent at a time, or uploads an .xlsx/.csv (read by
`literasi.unggah.baca_berkas`; the uploaded bytes are kept untouched as the "asli"). It shows the
value per element with the weakest named, or the importance–performance quadrant; equal or custom
weights; and offers an Excel workbook, a PDF report (A4) and a template to download. The numbers
come from `literasi.kelurahan.ikm` (pure, tested).
"""

from __future__ import annotations

import io
import re
import textwrap
from datetime import datetime
from html import escape

import ipywidgets as ipw
import pandas as pd
from matplotlib.backends.backend_pdf import PdfPages
from matplotlib.figure import Figure
from matplotlib.ticker import FuncFormatter

from literasi.format import format_angka
from literasi.grafik import WARNA_SOROT, WARNA_UTAMA, gambar_baru, html_grafik
from literasi.kelurahan.ikm import (
    KONVERSI,
    KUADRAN,
    LABEL_SKALA,
    SKALA,
    SUMBER,
    HasilIKM,
    HasilKuadran,
    HasilPeriksa,
    baca_bobot,
    bobot_sama,
    daftar_kategori,
    daftar_unsur,
    hitung_ikm,
    jawaban_contoh_fiktif,
    kategori_mutu,
    kuadran_kepentingan_kinerja,
    nama_unsur,
    periksa_bobot,
    periksa_jawaban,
    teks_angka,
    unsur_terlemah,
)
from literasi.soal import SoalAngka, SoalPilihan
from literasi.tampilan import Tampilan, baris_kontrol
from literasi.unduh import MIME_XLSX, tautan_unduh

LABEL_FIKTIF = "DATA CONTOH FIKTIF"
TAMPILAN = ["Nilai per unsur", "Kuadran kepentingan–kinerja"]
JENIS_BOBOT = ["Sama (1/9)", "Bobot sendiri"]
WARNA_MUTU = {"D": "#f6d5d1", "C": "#fbe8c8", "B": "#dcebd5", "A": "#c9e3f0"}
_AWAL_RUMUS = ("=", "+", "-", "@", "\t", "\r")
BATAS_PESAN = 15  # problems listed on screen; the rest are counted


# --- Small helpers ------------------------------------------------------------------------


def aman_spreadsheet(nilai):
    """Text a spreadsheet would run as a formula (=, +, -, @) gets a leading apostrophe.

    >>> aman_spreadsheet('=HYPERLINK("x")'), aman_spreadsheet("Kantor"), aman_spreadsheet(3)
    ('\\'=HYPERLINK("x")', 'Kantor', 3)
    """
    if isinstance(nilai, str) and nilai.startswith(_AWAL_RUMUS):
        return "'" + nilai
    return nilai


def _umpan(jenis: str, isi_html: str) -> str:
    return f"<div class='literasi-umpan {jenis}' role='status'>{isi_html}</div>"


def nama_berkas_aman(teks: str) -> str:
    """>>> nama_berkas_aman("Kel. Degayu 2025")
    'kel_degayu_2025'
    """
    return re.sub(r"[^a-z0-9]+", "_", teks.lower()).strip("_")[:40] or "unit"


def teks_bobot(bobot) -> str:
    """>>> from fractions import Fraction
    >>> teks_bobot(Fraction(1, 9)), teks_bobot(Fraction(1, 5))
    ('1/9', '0,2')
    """
    if bobot == bobot_sama()["U1"]:
        return "1/9"
    teks = teks_angka(bobot, 4).rstrip("0")
    return teks.rstrip(",")


def kalimat_terlemah(hasil: HasilIKM) -> str:
    """The weakest elements in words, with their NRR and value ×25."""
    if not hasil.terlemah:
        return "tidak ada: semua unsur sama nilainya"
    return "; ".join(
        f"{k} {nama_unsur(k)} (NRR {teks_angka(hasil.nrr[k])}, nilai "
        f"{teks_angka(hasil.nilai_unsur(k))})"
        for k in hasil.terlemah
    )


# --- Charts -------------------------------------------------------------------------------


def _nama_bungkus(nama: str, lebar: int = 22) -> str:
    return "\n".join(textwrap.wrap(nama, lebar))


def gambar_per_unsur(hasil: HasilIKM, lebar: float = 4.8, tinggi: float = 7.6) -> Figure:
    """Horizontal bars of each element's value (NRR × 25) over the A–D bands; weakest orange."""
    fig = gambar_baru(lebar, tinggi)
    ax = fig.add_subplot()
    unsur = daftar_unsur()
    for k in daftar_kategori():
        ax.axvspan(float(k.bawah), float(k.atas) + 0.01, color=WARNA_MUTU.get(k.mutu), zorder=0)
        ax.text(
            (float(k.bawah) + float(k.atas)) / 2,
            -0.75,
            k.mutu,
            ha="center",
            va="center",
            fontsize=9,
            fontweight="bold",
            color="#14303d",
        )
    nilai = [float(hasil.nilai_unsur(u.kode)) for u in unsur]
    warna = [WARNA_SOROT if u.kode in hasil.terlemah else WARNA_UTAMA for u in unsur]
    posisi = list(range(len(unsur)))
    ax.barh(posisi, [v - 25 for v in nilai], left=25, color=warna, zorder=2, height=0.65)
    for p, v in zip(posisi, nilai, strict=True):
        ax.text(v + 0.8, p, teks_angka(v), va="center", fontsize=8, zorder=3)
    ax.axvline(float(hasil.ikm), color="#14303d", linestyle="--", linewidth=1.2, zorder=3)
    ax.text(
        float(hasil.ikm),
        len(unsur) + 0.05,
        f"garis putus: IKM {teks_angka(hasil.ikm)}",
        ha="center",
        va="center",
        fontsize=8,
        color="#14303d",
        bbox={"facecolor": "white", "edgecolor": "none", "pad": 1},
    )
    ax.set_yticks(posisi, [_nama_bungkus(f"{u.kode} {u.nama}", 20) for u in unsur], fontsize=8)
    ax.set_ylim(len(unsur) + 0.4, -1.2)
    ax.set_xlim(25, 100)
    ax.xaxis.set_major_formatter(FuncFormatter(lambda x, _: format_angka(x)))
    ax.tick_params(axis="x", labelsize=8)
    ax.set_xlabel("Nilai unsur = NRR × 25 (skala 25–100)", fontsize=8.5)
    ax.set_title("Nilai per unsur pelayanan (oranye: unsur terlemah)", fontsize=10)
    ax.spines[["top", "right"]].set_visible(False)
    return fig


def kalimat_per_unsur(hasil: HasilIKM) -> str:
    return (
        "Diagram batang mendatar nilai 9 unsur pelayanan (NRR × 25) di atas pita mutu A–D. "
        f"IKM {teks_angka(hasil.ikm)} (mutu {hasil.kategori.mutu}, {hasil.kategori.kinerja}). "
        f"Unsur terlemah (oranye): {kalimat_terlemah(hasil)}."
    )


def gambar_kuadran(kuadran: HasilKuadran, lebar: float = 4.8, tinggi: float = 4.6) -> Figure:
    """Importance (y) against performance (x), cross lines at the means, quadrant names."""
    fig = gambar_baru(lebar, tinggi)
    ax = fig.add_subplot()
    t = kuadran.tabel
    warna = {"I": WARNA_SOROT, "II": WARNA_UTAMA, "III": "#6b7b86", "IV": "#7b2d8e"}
    ax.scatter(t["kinerja"], t["kepentingan"], c=[warna[q] for q in t["kuadran"]], s=40, zorder=3)
    for _, b in t.iterrows():
        ax.annotate(
            b["kode"],
            (b["kinerja"], b["kepentingan"]),
            textcoords="offset points",
            xytext=(4, 3),
            fontsize=8,
            zorder=4,
        )
    gx, gy = kuadran.garis_kinerja, kuadran.garis_kepentingan
    ax.axvline(gx, color="#14303d", linewidth=1)
    ax.axhline(gy, color="#14303d", linewidth=1)
    x0, x1 = min(t["kinerja"].min(), gx) - 0.15, max(t["kinerja"].max(), gx) + 0.15
    # Room above and below the dots for the quadrant names in the corners.
    y0, y1 = min(t["kepentingan"].min(), gy) - 0.3, max(t["kepentingan"].max(), gy) + 0.3
    ax.set_xlim(max(1, x0), min(4, x1) if x1 <= 4 else x1)
    ax.set_ylim(max(1, y0), min(4, y1) if y1 <= 4 else y1)
    kotak = {"facecolor": "white", "edgecolor": "none", "alpha": 0.8, "pad": 1}
    sudut = {
        "I": (0.02, 0.98, "left", "top"),
        "II": (0.98, 0.98, "right", "top"),
        "III": (0.02, 0.02, "left", "bottom"),
        "IV": (0.98, 0.02, "right", "bottom"),
    }
    for q, (x, y, ha, va) in sudut.items():
        ax.text(
            x,
            y,
            f"{q}. {KUADRAN[q].split(' (')[0]}",
            transform=ax.transAxes,
            ha=ha,
            va=va,
            fontsize=8,
            color=warna[q],
            fontweight="bold",
            bbox=kotak,
        )
    fmt = FuncFormatter(lambda v, _: format_angka(v, 1))
    ax.xaxis.set_major_formatter(fmt)
    ax.yaxis.set_major_formatter(fmt)
    ax.tick_params(labelsize=8)
    ax.set_xlabel("Kinerja: rata-rata nilai unsur (skala 1–4)", fontsize=8.5)
    ax.set_ylabel("Kepentingan: rata-rata (skala 1–4)", fontsize=8.5)
    ax.set_title("Kuadran kepentingan–kinerja (garis = rata-rata)", fontsize=10)
    ax.spines[["top", "right"]].set_visible(False)
    return fig


def kalimat_kuadran(kuadran: HasilKuadran) -> str:
    t = kuadran.tabel
    utama = [f"{b['kode']} {b['unsur']}" for _, b in t.iterrows() if b["kuadran"] == "I"]
    return (
        "Diagram pencar 9 unsur: kinerja (mendatar) dan kepentingan (tegak); garis silang di "
        f"rata-rata kinerja {teks_angka(kuadran.garis_kinerja)} dan rata-rata kepentingan "
        f"{teks_angka(kuadran.garis_kepentingan)}. Kuadran I (penting tetapi kinerjanya rendah, "
        f"prioritas perbaikan): {', '.join(utama) if utama else 'tidak ada'}."
    )


def gambar_pesan(judul: str, pesan: str, lebar: float = 4.4, tinggi: float = 2.0) -> Figure:
    """A chart-sized box with a message (when a chart cannot be drawn yet)."""
    fig = gambar_baru(lebar, tinggi)
    ax = fig.add_subplot()
    ax.axis("off")
    ax.set_title(judul, fontsize=10)
    ax.text(
        0.5,
        0.5,
        "\n".join(textwrap.wrap(pesan, 45)),
        ha="center",
        va="center",
        fontsize=9,
        transform=ax.transAxes,
        color="#14303d",
    )
    return fig


# --- Exports ------------------------------------------------------------------------------


def _tulis_lembar(ws, baris: list[list]) -> None:
    for b in baris:
        ws.append([aman_spreadsheet(v) for v in b])
    for sel in ws.iter_rows():
        for s in sel:
            if isinstance(s.value, str):
                s.data_type = "s"  # text stays text: never a formula


def _nilai_sel(v):
    if v is None or v is pd.NA:
        return None
    try:
        if pd.isna(v):
            return None
    except (TypeError, ValueError):
        pass
    return v.item() if hasattr(v, "item") else v


def buat_excel(
    hasil: HasilIKM,
    periksa: HasilPeriksa,
    asli: pd.DataFrame,
    kuadran: HasilKuadran | None,
    info: dict[str, str],
) -> bytes:
    """Workbook: jawaban, per_unsur, indeks, kuadran (if any), data_asli, metadata."""
    from openpyxl import Workbook
    from openpyxl.styles import Font

    buku = Workbook()
    ws = buku.active
    ws.title = "jawaban"
    unsur = daftar_unsur()
    kepala = ["baris_asal"] + [u.kode for u in unsur]
    if periksa.kepentingan is not None:
        kepala += [u.kode_kepentingan for u in unsur]
    isi = []
    for i, nomor in enumerate(periksa.baris):
        b = [nomor] + [_nilai_sel(periksa.kinerja.iloc[i][u.kode]) for u in unsur]
        if periksa.kepentingan is not None:
            b += [_nilai_sel(periksa.kepentingan.iloc[i][u.kode_kepentingan]) for u in unsur]
        isi.append(b)
    _tulis_lembar(ws, [kepala, *isi])

    ws = buku.create_sheet("per_unsur")
    tabel = hasil.tabel_unsur()
    kepala = [
        "Kode",
        "Unsur",
        "Jawaban sah",
        "NRR (1–4)",
        "Bobot",
        "NRR tertimbang",
        "Nilai unsur (×25)",
        "Mutu unsur",
    ]
    _tulis_lembar(ws, [kepala, *tabel.itertuples(index=False, name=None)])
    for kolom in "DEFG":
        for s in ws[kolom][1:]:
            s.number_format = "0.0000" if kolom in "EF" else "0.00"
    ws.column_dimensions["B"].width = 40

    ws = buku.create_sheet("indeks")
    baris = [
        ["Survei Kepuasan Masyarakat — hasil"],
        ["Sumber data", info["sumber_data"]],
        ["Unit layanan", info["unit"]],
        ["Periode survei", info["periode"]],
        ["Responden", hasil.responden],
        ["Indeks tertimbang (skala 1–4)", float(hasil.indeks)],
        ["IKM tanpa pembulatan", float(hasil.ikm_tepat)],
        ["IKM (2 desimal, dibulatkan setengah ke atas)", float(hasil.ikm)],
        ["Mutu pelayanan", hasil.kategori.mutu],
        ["Kinerja unit pelayanan", hasil.kategori.kinerja],
        ["Unsur terlemah", kalimat_terlemah(hasil)],
        ["Bobot", info["bobot"]],
    ]
    _tulis_lembar(ws, baris)
    ws["A1"].font = Font(bold=True, size=13)
    ws["B8"].number_format = "0.00"
    ws.column_dimensions["A"].width = 44
    ws.column_dimensions["B"].width = 60

    if kuadran is not None:
        ws = buku.create_sheet("kuadran")
        kepala = ["Kode", "Unsur", "Kinerja (1–4)", "Kepentingan (1–4)", "Kuadran", "Arti"]
        isi = [
            [
                b["kode"],
                b["unsur"],
                b["kinerja"],
                b["kepentingan"],
                b["kuadran"],
                KUADRAN[b["kuadran"]],
            ]
            for _, b in kuadran.tabel.iterrows()
        ]
        _tulis_lembar(
            ws,
            [
                kepala,
                *isi,
                [],
                ["Garis kinerja (rata-rata)", kuadran.garis_kinerja],
                ["Garis kepentingan (rata-rata)", kuadran.garis_kepentingan],
            ],
        )

    ws = buku.create_sheet("data_asli")
    _tulis_lembar(
        ws,
        [["baris", *[str(k) for k in asli.columns]]]
        + [
            [_nilai_sel(i), *[_nilai_sel(v) for v in b]]
            for i, b in zip(asli.index, asli.itertuples(index=False, name=None), strict=True)
        ],
    )

    ws = buku.create_sheet("metadata")
    pita = "; ".join(f"{k.mutu} {k.teks_rentang()} {k.kinerja}" for k in daftar_kategori())
    _tulis_lembar(
        ws,
        [
            ["Judul", f"Indeks Kepuasan Masyarakat — {info['unit']}"],
            ["Sumber data", info["sumber_data"]],
            ["Periode survei", info["periode"]],
            ["Dibuat", info["dibuat"]],
            ["Metode", f"{SUMBER}: 9 unsur, skala 1–4"],
            ["NRR", "jumlah nilai per unsur ÷ jumlah jawaban sah unsur itu"],
            [
                "IKM",
                "Σ (bobot × NRR) × 25; bobot 1/9 (sumber menulis 0,111) atau bobot sendiri "
                "yang berjumlah tepat 1",
            ],
            ["Kategori mutu", pita],
            [
                "Aturan batas",
                "IKM dihitung tanpa pembulatan antara, dibulatkan sekali ke 2 "
                "desimal (setengah ke atas), lalu dicocokkan ke rentang (batas "
                "termasuk). Contoh: 64,995 → 65,00 → C.",
            ],
            [
                "Kuadran",
                "garis silang = rata-rata 9 nilai kinerja dan rata-rata 9 nilai "
                "kepentingan; nilai tepat di garis dihitung 'tinggi'",
            ],
            ["Kontak", info.get("kontak", "")],
            [
                "Alat",
                "Kit Literasi Statistik Kota Pekalongan (literasi-pekalongan), aplikasi "
                "Survei Kepuasan Masyarakat",
            ],
        ],
    )
    ws.column_dimensions["A"].width = 18
    ws.column_dimensions["B"].width = 90
    keluar = io.BytesIO()
    buku.save(keluar)
    return keluar.getvalue()


def _halaman_a4() -> Figure:
    return Figure(figsize=(8.27, 11.69), dpi=100)


def buat_pdf(hasil: HasilIKM, kuadran: HasilKuadran | None, info: dict[str, str]) -> bytes:
    """A4 report: page 1 result and table, page 2 charts. Fictional data say so on every page."""
    keluar = io.BytesIO()
    fiktif = info["sumber_data"].startswith(LABEL_FIKTIF)
    metadata = {"Title": f"Indeks Kepuasan Masyarakat — {info['unit']}"}
    # typed text goes into matplotlib: a "$" would start mathtext, so it is escaped
    info = {k: v.replace("$", r"\$") for k, v in info.items()}
    with PdfPages(
        keluar,
        metadata={
            **metadata,
            "Subject": f"{SUMBER}; {info['sumber_data']}",
            "Creator": "literasi-pekalongan",
        },
    ) as pdf:
        fig = _halaman_a4()
        teks = fig.text
        y = 0.95
        if fiktif:
            teks(
                0.5,
                0.975,
                LABEL_FIKTIF + " — bukan hasil survei sungguhan",
                ha="center",
                fontsize=12,
                color="#b3261e",
                fontweight="bold",
            )
        teks(0.08, y, "Indeks Kepuasan Masyarakat (IKM)", fontsize=18, fontweight="bold")
        teks(0.08, y - 0.03, f"{info['unit']} · periode {info['periode']}", fontsize=11)
        teks(0.08, y - 0.055, f"Sumber data: {info['sumber_data']}", fontsize=9, color="#4a5a64")
        teks(
            0.08,
            y - 0.12,
            f"IKM {teks_angka(hasil.ikm)}",
            fontsize=30,
            fontweight="bold",
            color="#1f6f8b",
        )
        teks(0.55, y - 0.105, f"Mutu pelayanan {hasil.kategori.mutu}", fontsize=14)
        teks(0.55, y - 0.13, f"Kinerja: {hasil.kategori.kinerja}", fontsize=14)
        teks(
            0.08,
            y - 0.16,
            f"{format_angka(hasil.responden)} responden · indeks tertimbang "
            f"{teks_angka(hasil.indeks, 4)} (skala 1–4) × 25 · bobot {info['bobot']}",
            fontsize=9.5,
        )
        ax = fig.add_axes((0.06, 0.36, 0.88, 0.42))
        ax.axis("off")
        tabel = hasil.tabel_unsur()
        sel = [
            [
                b.kode,
                _nama_bungkus(b.unsur, 34),
                format_angka(b.jawaban_sah),
                teks_angka(b.nrr),
                teks_bobot(hasil.bobot[b.kode]),
                teks_angka(b.nilai_konversi),
                b.mutu,
            ]
            for b in tabel.itertuples()
        ]
        t = ax.table(
            cellText=sel,
            colLabels=["Kode", "Unsur", "Jawaban\nsah", "NRR", "Bobot", "Nilai\n×25", "Mutu"],
            colWidths=[0.07, 0.43, 0.1, 0.09, 0.09, 0.1, 0.08],
            loc="upper center",
            cellLoc="center",
        )
        t.auto_set_font_size(False)
        t.set_fontsize(8.5)
        t.scale(1, 2.1)
        for (r, c), s in t.get_celld().items():
            if c == 1 and r > 0:
                s.get_text().set_ha("left")
            if r > 0 and tabel["kode"].iloc[r - 1] in hasil.terlemah:
                s.set_facecolor("#fdebd9")
        catatan = [
            f"Unsur terlemah (baris oranye): {kalimat_terlemah(hasil)}.",
            "Cara hitung: NRR per unsur = jumlah nilai ÷ jumlah jawaban sah; IKM = Σ (bobot × "
            "NRR) × 25.",
            "Kategori: "
            + "; ".join(f"{k.mutu} {k.teks_rentang()} ({k.kinerja})" for k in daftar_kategori())
            + ".",
            "Aturan batas: IKM dibulatkan sekali ke 2 desimal (setengah ke atas), lalu dicocokkan "
            "ke rentang; batas termasuk (64,995 → 65,00 → C).",
            "IKM bukan persentase warga yang puas: IKM adalah rata-rata skor 1–4 yang dikali 25.",
            f"Sumber metode: {SUMBER}. Dibuat {info['dibuat']} dengan Kit Literasi Statistik "
            "Kota Pekalongan.",
        ]
        yy = 0.3
        for c in catatan:
            for baris in textwrap.wrap(c, 105):
                teks(0.08, yy, baris, fontsize=8.5)
                yy -= 0.018
            yy -= 0.006
        pdf.savefig(fig)

        fig = _halaman_a4()
        if fiktif:
            fig.text(
                0.5,
                0.975,
                LABEL_FIKTIF,
                ha="center",
                fontsize=12,
                color="#b3261e",
                fontweight="bold",
            )
        for posisi, gambar in (
            ((0.1, 0.52, 0.8, 0.42), gambar_per_unsur(hasil)),
            (
                (0.1, 0.06, 0.8, 0.42),
                gambar_kuadran(kuadran)
                if kuadran is not None
                else gambar_pesan(
                    "Kuadran kepentingan–kinerja", "Tidak ada skor kepentingan di data ini."
                ),
            ),
        ):
            png = io.BytesIO()
            gambar.savefig(png, format="png", dpi=150)
            png.seek(0)
            from matplotlib.image import imread

            ax = fig.add_axes(posisi)
            ax.imshow(imread(png))
            ax.axis("off")
        fig.text(0.08, 0.02, f"Sumber: {info['sumber_data']}; metode {SUMBER}.", fontsize=8)
        pdf.savefig(fig)
    return keluar.getvalue()


def buat_templat() -> bytes:
    """The .xlsx template: sheet 'Isian' with fictional example rows (labelled), 'Petunjuk',
    'Metadata'. Made at run time (no binary file in the repository)."""
    from openpyxl import Workbook
    from openpyxl.styles import Font, PatternFill

    unsur = daftar_unsur()
    buku = Workbook()
    ws = buku.active
    ws.title = "Isian"
    ws.append(
        [
            f"Templat SKM. Baris bertanda “{LABEL_FIKTIF}” hanya contoh: hapus sebelum "
            "mengunggah data Anda."
        ]
    )
    ws["A1"].font = Font(bold=True, color="B3261E")
    ws.append([])
    kepala = ["No", *[u.kode for u in unsur], *[u.kode_kepentingan for u in unsur], "Keterangan"]
    ws.append(kepala)
    for s in ws[3]:
        s.font = Font(bold=True)
    contoh = jawaban_contoh_fiktif(banyak=5, seed=45)
    kuning = PatternFill("solid", fgColor="FFF2CC")
    for _, b in contoh.iterrows():
        ws.append([int(b["no"]), *[int(b[k]) for k in kepala[1:-1]], LABEL_FIKTIF])
        for s in ws[ws.max_row]:
            s.fill = kuning

    ws = buku.create_sheet("Petunjuk")
    baris = [
        ["Petunjuk pengisian templat Survei Kepuasan Masyarakat"],
        [
            f"Lembar “Isian”: satu baris = satu responden. Baris contoh bertanda {LABEL_FIKTIF} "
            "dibuat acak oleh kit, bukan data sungguhan: hapus sebelum mengunggah."
        ],
        [
            "Isi setiap kolom U1–U9 dengan angka 1, 2, 3, atau 4 (wajib). Kolom K1–K9 "
            "(kepentingan) boleh dikosongkan."
        ],
        [],
        ["Kode", "Unsur (Permenpan RB 14/2017)"],
        *[[u.kode, u.nama] for u in unsur],
        [],
        ["Nilai", "Arti"],
        *[[s, LABEL_SKALA[s]] for s in SKALA],
    ]
    for b in baris:
        ws.append(b)
    ws["A1"].font = Font(bold=True)
    ws.column_dimensions["A"].width = 10
    ws.column_dimensions["B"].width = 60

    ws = buku.create_sheet("Metadata")
    for b in (
        ["Unit layanan", "Kantor Kelurahan … (isi)"],
        ["Periode survei", "… (isi, mis. Januari–Juni 2026)"],
        ["Kontak", "… (nama petugas, telepon)"],
        ["Keterangan", "Templat dari Kit Literasi Statistik Kota Pekalongan"],
    ):
        ws.append(b)
    ws.column_dimensions["A"].width = 18
    ws.column_dimensions["B"].width = 50
    keluar = io.BytesIO()
    buku.save(keluar)
    return keluar.getvalue()


# --- Exercises ----------------------------------------------------------------------------


def daftar_soal() -> list:
    """A short self-check; answers computed with literasi.kelurahan.ikm from the shipped bands."""
    kategori = {k.mutu: k for k in daftar_kategori()}
    pilihan = [f"{m} ({kategori[m].kinerja})" for m in ("A", "B", "C", "D")]

    def jawab(nilai) -> str:
        k = kategori_mutu(nilai)
        return f"{k.mutu} ({k.kinerja})"

    contoh = periksa_jawaban(jawaban_contoh_fiktif())
    hasil = hitung_ikm(contoh.kinerja)
    terlemah = unsur_terlemah(hasil.nrr, banyak=1)[0]
    pilihan_unsur = [f"{u.kode} {u.nama}" for u in daftar_unsur()]
    indeks = 3.4
    return [
        SoalAngka(
            pertanyaan=(
                f"Rata-rata tertimbang semua unsur di sebuah kantor adalah "
                f"{format_angka(indeks, 1)} (skala 1–4). Berapa nilai IKM-nya?"
            ),
            jawaban=indeks * KONVERSI,
            petunjuk=[
                "IKM = rata-rata tertimbang × 25.",
                f"Hitung {format_angka(indeks, 1)} × 25.",
            ],
            penjelasan=(
                f"{format_angka(indeks, 1)} × 25 = {teks_angka(indeks * KONVERSI)}, mutu "
                f"{jawab(indeks * KONVERSI)}."
            ),
            toleransi=0.001,
            desimal=2,
        ),
        SoalPilihan(
            pertanyaan="Nilai IKM sebuah kantor 76,61. Mutu pelayanannya?",
            pilihan=pilihan,
            jawaban=jawab(76.61),
            penjelasan=f"Rentang B mulai {teks_angka(kategori['B'].bawah)}; 76,61 tepat di "
            "batas bawah B, dan batas termasuk.",
            petunjuk=["Lihat tabel kategori mutu: batas atas C dan batas bawah B."],
        ),
        SoalPilihan(
            pertanyaan=(
                "Hitungan tanpa pembulatan memberi 64,995. Di aplikasi ini, nilai itu masuk "
                "mutu apa?"
            ),
            pilihan=pilihan,
            jawaban=jawab(64.995),
            penjelasan="Nilai dibulatkan dulu ke 2 desimal (setengah ke atas): 64,995 menjadi "
            "65,00, batas bawah C.",
            petunjuk=[
                "Batas kategori ditulis dengan 2 desimal. Bulatkan dulu ke 2 desimal.",
                "Angka 5 di desimal ketiga membulatkan ke atas.",
            ],
            umpan_balik={jawab(64.99): "64,99 memang D, tetapi 64,995 dibulatkan dulu ke 65,00."},
        ),
        SoalPilihan(
            pertanyaan=(
                "Pada data contoh fiktif (tampilan “Nilai per unsur”), unsur mana yang nilainya "
                "paling rendah? Jika ada dua yang sama, pilih yang nomornya lebih kecil."
            ),
            pilihan=pilihan_unsur,
            jawaban=f"{terlemah} {nama_unsur(terlemah)}",
            penjelasan=(
                f"{terlemah} {nama_unsur(terlemah)}: NRR {teks_angka(hasil.nrr[terlemah])}, "
                f"nilai {teks_angka(hasil.nilai_unsur(terlemah))} (batang oranye paling pendek)."
            ),
            petunjuk=[
                "Cari batang oranye yang paling pendek.",
                "Atau lihat kolom “Nilai ×25” di tabel di bawah grafik.",
            ],
        ),
    ]


def semua_soal() -> list:
    """The app's exercises in page order (answer key, tests)."""
    return daftar_soal()


# --- Tables (plain HTML, left-aligned text, compact on a phone) ---------------------------

_GAYA_TABEL = "line-height:1.3"


def _tabel(kepala: list[str], baris: list[list[str]], judul: str, sorot: list[bool]) -> str:
    """An escaped-by-caller HTML table: numbers (cells starting with a digit) right-aligned."""
    th = "".join(f"<th scope='col'>{k}</th>" for k in kepala)
    tr = []
    for b, terang in zip(baris, sorot, strict=True):
        gaya = " style='background:#fdebd9;font-weight:bold'" if terang else ""
        sel = "".join(
            f"<td style='text-align:{'right' if re.match(r'[0-9–]', x) else 'left'}'>{x}</td>"
            for x in b
        )
        tr.append(f"<tr{gaya}>{sel}</tr>")
    return (
        "<div style='overflow-x:auto;max-width:100%'>"
        f"<table class='literasi-tabel' style='{_GAYA_TABEL}'><caption>{escape(judul)}</caption>"
        f"<thead><tr>{th}</tr></thead><tbody>{''.join(tr)}</tbody></table></div>"
    )


def tabel_unsur_html(hasil: HasilIKM) -> str:
    """Per-element table; the weight column only when weights are not all 1/9."""
    sama = all(b == bobot_sama()["U1"] for b in hasil.bobot.values())
    kepala = ["Unsur", "Jawaban sah", "NRR"] + ([] if sama else ["Bobot"])
    kepala += ["Nilai ×25", "Mutu"]
    baris = []
    for b in hasil.tabel_unsur().itertuples():
        sel = [f"<b>{b.kode}</b> {escape(b.unsur)}", format_angka(b.jawaban_sah)]
        sel += [teks_angka(b.nrr)] + ([] if sama else [teks_bobot(hasil.bobot[b.kode])])
        sel += [teks_angka(b.nilai_konversi), b.mutu]
        baris.append(sel)
    return _tabel(
        kepala,
        baris,
        "Nilai per unsur (oranye: terlemah)",
        [u.kode in hasil.terlemah for u in daftar_unsur()],
    )


def tabel_metode_html() -> str:
    """The 9 elements and the 4 bands, from the shipped datasets (for the notebook)."""
    unsur = _tabel(
        ["Kode", "Unsur pelayanan"],
        [[u.kode, escape(u.nama)] for u in daftar_unsur()],
        "9 unsur SKM (Permenpan RB 14/2017)",
        [False] * 9,
    )
    kategori = _tabel(
        ["Nilai IKM", "Mutu", "Kinerja unit pelayanan"],
        [[k.teks_rentang(), k.mutu, escape(k.kinerja)] for k in daftar_kategori()],
        "Kategori mutu pelayanan (skala 25–100)",
        [False] * 4,
    )
    return unsur + kategori


# --- The view -----------------------------------------------------------------------------


def _pilihan_skor(kosong: str) -> list:
    """Dropdown options; 0 = not chosen yet (a None value would show an empty box)."""
    return [(kosong, 0)] + [(f"{s} – {LABEL_SKALA[s]}", s) for s in SKALA]


class SurveiKepuasan(Tampilan):
    """The IKM app: result (chart, table), data entry (form, upload, template), weights, export.

    Parts, shown in this order by `_ipython_display_` (or one by one in the notebook):
    `panel_hasil` (first control: the view toggle; first chart), `panel_isian` (upload and
    form), `panel_bobot`, `panel_unduh`.
    """

    def __init__(self, tabel: pd.DataFrame, sumber_data: str, unit: str = "", periode: str = ""):
        unsur = daftar_unsur()
        self.asli: bytes | None = None  # the uploaded bytes, never modified
        self.dari_isian_tangan = False
        # --- result
        self.label_data = ipw.HTML()
        self.tampilan = ipw.ToggleButtons(
            options=TAMPILAN,
            value=TAMPILAN[0],
            description="Tampilan",
            style={"description_width": "initial", "button_width": "auto"},
            layout=ipw.Layout(width="100%"),
        )
        self.ringkasan = ipw.HTML()
        self.grafik = ipw.HTML()
        self.tabel_html = ipw.HTML()
        # --- weights
        self.jenis_bobot = ipw.ToggleButtons(
            options=JENIS_BOBOT,
            value=JENIS_BOBOT[0],
            description="Bobot",
            style={"description_width": "initial", "button_width": "auto"},
        )
        self.isian_bobot = {
            u.kode: ipw.Text(
                value="1/9",
                description=f"{u.kode} {u.nama}",
                continuous_update=False,
                style={"description_width": "210px"},
                layout=ipw.Layout(width="100%", max_width="330px"),
            )
            for u in unsur
        }
        self.kotak_bobot = ipw.VBox(
            list(self.isian_bobot.values()), layout=ipw.Layout(display="none")
        )
        self.pesan_bobot = ipw.HTML()
        # --- metadata
        lebar = ipw.Layout(width="100%", max_width="420px")
        gaya = {"description_width": "110px"}
        self.unit = ipw.Text(
            value=unit,
            description="Unit layanan",
            style=gaya,
            layout=lebar,
            continuous_update=False,
        )
        self.periode = ipw.Text(
            value=periode,
            description="Periode survei",
            style=gaya,
            layout=lebar,
            continuous_update=False,
        )
        # --- form: one respondent
        self.isian_kinerja = {
            u.kode: ipw.Dropdown(
                options=_pilihan_skor("– nilai –"),
                value=0,
                description=f"Nilai {u.kode}",
                style={"description_width": "0px"},
                layout=ipw.Layout(width="150px", height="auto"),
            )
            for u in unsur
        }
        self.isian_penting = {
            u.kode: ipw.Dropdown(
                options=_pilihan_skor("– kepentingan –"),
                value=0,
                description=f"Kepentingan {u.kode}",
                style={"description_width": "0px"},
                layout=ipw.Layout(width="170px", height="auto"),
            )
            for u in unsur
        }
        self.tombol_tambah = ipw.Button(
            description="Tambah responden", button_style="primary", icon="plus"
        )
        self.tombol_kosong = ipw.Button(description="Mulai data baru (kosong)")
        self.tombol_contoh = ipw.Button(description="Muat lagi data contoh fiktif")
        self.pesan_isian = ipw.HTML()
        # --- upload
        from literasi.unggah import BATAS_MB

        self.unggah = ipw.FileUpload(
            accept=".xlsx,.csv",
            multiple=False,
            description="Pilih berkas (.xlsx/.csv)",
            button_style="primary",
            layout=ipw.Layout(width="auto"),
        )
        self.batas_mb = BATAS_MB
        self.pesan_unggah = ipw.HTML()
        self.templat = ipw.HTML(
            "<p>"
            + tautan_unduh(
                buat_templat(),
                "templat_skm_kelurahan.xlsx",
                MIME_XLSX,
                "Unduh templat Excel (berisi contoh fiktif)",
            )
            + "</p>"
        )
        # --- export
        self.tombol_unduh = ipw.Button(
            description="Siapkan Excel dan PDF", icon="download", button_style="primary"
        )
        self.unduhan = ipw.HTML()

        self.tampilan.observe(self._on_change, names="value")
        self.jenis_bobot.observe(self._on_bobot, names="value")
        for w in self.isian_bobot.values():
            w.observe(self._on_change, names="value")
        for w in (self.unit, self.periode):
            w.observe(self._on_info, names="value")
        self.unggah.observe(self._on_unggah, names="value")
        self.tombol_tambah.on_click(lambda _: self.tambah_responden())
        self.tombol_kosong.on_click(lambda _: self.mulai_kosong())
        self.tombol_contoh.on_click(lambda _: self.muat_contoh())
        self.tombol_unduh.on_click(lambda _: self.siapkan_unduhan())

        self.panel_hasil = ipw.VBox(
            [
                self.label_data,
                baris_kontrol(self.tampilan),  # right above the chart it switches
                self.grafik,
                self.ringkasan,
                self.tabel_html,
            ],
            layout=ipw.Layout(width="100%"),
        )
        baris_form = [
            ipw.VBox(
                [
                    ipw.HTML(f"<b>{u.kode}</b> {escape(u.nama)}"),
                    baris_kontrol(self.isian_kinerja[u.kode], self.isian_penting[u.kode]),
                ],
                layout=ipw.Layout(width="100%", max_width="420px", margin="0 0 6px 0"),
            )
            for u in unsur
        ]
        self.panel_isian = ipw.VBox(
            [
                ipw.HTML(
                    "<h3>Unggah berkas</h3><p>Excel (.xlsx) atau CSV, paling besar "
                    f"{format_angka(BATAS_MB)} MB. Kolom U1–U9 (nilai 1–4) wajib, K1–K9 "
                    "(kepentingan) boleh. Berkas asli tidak diubah.</p>"
                ),
                self.templat,
                baris_kontrol(self.unggah),
                self.pesan_unggah,
                ipw.HTML(
                    "<h3>Atau isi satu per satu</h3><p>Pilih nilai setiap unsur dari "
                    "kuesioner satu responden (kepentingan boleh kosong), lalu tekan "
                    "<b>Tambah responden</b>.</p>"
                ),
                ipw.HTML(
                    "<p class='literasi-kecil'>Kotak kiri: <b>nilai</b> (wajib). Kotak kanan: "
                    "<b>kepentingan</b> unsur itu bagi responden (boleh kosong).</p>"
                ),
                ipw.VBox(baris_form, layout=ipw.Layout(width="100%")),
                baris_kontrol(self.tombol_tambah),
                self.pesan_isian,
                baris_kontrol(self.tombol_kosong, self.tombol_contoh),
            ],
            layout=ipw.Layout(width="100%"),
        )
        self.panel_bobot = ipw.VBox(
            [baris_kontrol(self.jenis_bobot), self.kotak_bobot, self.pesan_bobot],
            layout=ipw.Layout(width="100%"),
        )
        self.panel_unduh = ipw.VBox(
            [self.unit, self.periode, baris_kontrol(self.tombol_unduh), self.unduhan],
            layout=ipw.Layout(width="100%"),
        )
        self.widget = ipw.VBox(
            [self.panel_hasil, self.panel_isian, self.panel_bobot, self.panel_unduh],
            layout=ipw.Layout(width="100%"),
        )
        self._pasang_data(tabel, sumber_data)

    @classmethod
    def dengan_contoh_fiktif(cls) -> SurveiKepuasan:
        """The app as it opens: 40 fictional respondents (seeded), labelled loudly."""
        return cls(
            jawaban_contoh_fiktif(),
            f"{LABEL_FIKTIF} (40 responden acak, seed 2017)",
            unit="Kantor Kelurahan Contoh (fiktif)",
            periode="contoh",
        )

    # --- data in ---------------------------------------------------------------------

    def _pasang_data(
        self,
        tabel: pd.DataFrame,
        sumber_data: str,
        baris_awal: int | None = 2,
        lembar: str | None = None,
    ) -> None:
        self.tabel_asli = tabel
        self.sumber_data = sumber_data
        self.periksa = periksa_jawaban(tabel, baris_awal=baris_awal, lembar=lembar)
        self.unduhan.value = ""  # old downloads no longer match the data
        self._update()

    @property
    def fiktif(self) -> bool:
        return self.sumber_data.startswith(LABEL_FIKTIF)

    def muat_contoh(self) -> None:
        self.asli = None
        self.dari_isian_tangan = False
        self.unit.value, self.periode.value = "Kantor Kelurahan Contoh (fiktif)", "contoh"
        self._pasang_data(jawaban_contoh_fiktif(), f"{LABEL_FIKTIF} (40 responden acak, seed 2017)")
        self.pesan_isian.value = _umpan("petunjuk", "Data contoh fiktif dimuat lagi.")

    def mulai_kosong(self) -> None:
        self.asli = None
        self.dari_isian_tangan = True
        kolom = ["no"] + [u.kode for u in daftar_unsur()]
        self._pasang_data(pd.DataFrame(columns=kolom), "isian tangan")
        self.pesan_isian.value = _umpan(
            "petunjuk",
            "Tabel kosong. Isi kuesioner responden pertama, lalu tekan <b>Tambah responden</b>.",
        )

    def tambah_responden(self) -> bool:
        """Add the respondent in the form; the fictional example is replaced, never mixed."""
        belum = [k for k, w in self.isian_kinerja.items() if not w.value]
        if belum:
            self.pesan_isian.value = _umpan(
                "salah",
                "Belum dipilih: "
                + ", ".join(f"{k} ({escape(nama_unsur(k))})" for k in belum)
                + ". Setiap unsur perlu nilai 1–4.",
            )
            return False
        baris = {u.kode: self.isian_kinerja[u.kode].value for u in daftar_unsur()}
        penting = {
            u.kode_kepentingan: self.isian_penting[u.kode].value or None for u in daftar_unsur()
        }
        if any(v is not None for v in penting.values()):
            baris.update(penting)
        pesan = ""
        if not self.dari_isian_tangan:
            pesan = (
                "Data sebelumnya (contoh fiktif atau berkas) diganti dengan isian Anda; "
                "data tidak dicampur. "
            )
            tabel = pd.DataFrame()
            self.asli = None
            self.dari_isian_tangan = True
        else:
            tabel = self.tabel_asli
        baris["no"] = len(tabel) + 1
        tabel = pd.concat([tabel, pd.DataFrame([baris])], ignore_index=True)
        tabel = tabel[
            [
                k
                for k in ["no", *[f"U{i}" for i in range(1, 10)], *[f"K{i}" for i in range(1, 10)]]
                if k in tabel.columns
            ]
        ]
        self._pasang_data(tabel, "isian tangan")
        for w in [*self.isian_kinerja.values(), *self.isian_penting.values()]:
            w.value = 0
        self.pesan_isian.value = _umpan(
            "benar", f"{pesan}Responden ke-{len(tabel)} ditambahkan. {self._kalimat_status()}"
        )
        return True

    def _on_unggah(self, change) -> None:
        berkas = change["new"]
        if not berkas:
            return
        f = berkas[0]
        self.muat_berkas(f["name"], bytes(f["content"]))

    def muat_berkas(self, nama: str, isi: bytes) -> bool:
        """Read an upload; on success it replaces the data. Never raises for bad files."""
        from literasi.unggah import Masalah, baca_berkas, html_masalah

        try:
            baca = baca_berkas(nama, isi, batas_mb=self.batas_mb)
        except Exception as e:  # noqa: BLE001 - the shared reader promises not to raise
            self.pesan_unggah.value = _umpan(
                "salah", f"Berkas tidak bisa dibaca ({escape(type(e).__name__)})."
            )
            return False
        catatan = "".join(f"<li>{escape(c)}</li>" for c in baca.catatan)
        catatan_html = (
            f"<details><summary>Yang terdeteksi</summary><ul>{catatan}</ul></details>"
            if catatan
            else ""
        )
        if baca.tabel is None:
            self.pesan_unggah.value = (
                html_masalah(baca.masalah, f"Berkas “{nama}” belum bisa dipakai")
                + catatan_html
                + "<p>Data yang tampil di atas tidak berubah.</p>"
            )
            return False
        periksa = periksa_jawaban(baca.tabel, baris_awal=None, lembar=baca.lembar)
        hilang = [m for m in periksa.masalah if m.baris is None and "tidak ada" in m.pesan]
        if hilang or periksa.responden == 0:
            semua = list(baca.masalah) + [
                Masalah(m.lembar, m.baris, m.kolom, m.pesan) for m in periksa.masalah
            ]
            if periksa.responden == 0:
                semua.append(Masalah(baca.lembar, None, None, "tidak ada baris jawaban."))
            self.pesan_unggah.value = (
                html_masalah(semua, f"Berkas “{nama}” belum bisa dipakai")
                + "<p>Judul kolom yang dikenali: U1…U9 (atau nama unsur), K1…K9. "
                "Unduh templat di atas untuk contohnya.</p>"
                + catatan_html
                + "<p>Data yang tampil di atas tidak berubah.</p>"
            )
            return False
        self.asli = bytes(isi)  # kept as uploaded
        self.dari_isian_tangan = False
        meta = {k.strip().lower(): v for k, v in baca.metadata.items()}
        if meta.get("unit layanan") and "…" not in meta["unit layanan"]:
            self.unit.value = meta["unit layanan"]
        elif self.unit.value.endswith("(fiktif)"):
            self.unit.value = ""
        if meta.get("periode survei") and "…" not in meta["periode survei"]:
            self.periode.value = meta["periode survei"]
        elif self.periode.value == "contoh":
            self.periode.value = ""
        sumber = f"berkas {nama}"
        contoh = self._baris_fiktif(baca.tabel)
        if contoh:
            sumber = f"{LABEL_FIKTIF} — berkas {nama} masih berisi {contoh} baris contoh fiktif"
        self._pasang_data(baca.tabel, sumber, baris_awal=None, lembar=baca.lembar)
        semua = list(baca.masalah) + [
            Masalah(m.lembar, m.baris, m.kolom, m.pesan, "peringatan") for m in self.periksa.masalah
        ]
        peringatan = ""
        if contoh:
            peringatan = _umpan(
                "salah",
                f"{contoh} baris masih bertanda contoh fiktif. Hapus "
                "baris itu di Excel lalu unggah lagi.",
            )
        self.pesan_unggah.value = (
            _umpan(
                "benar",
                f"Berkas “{escape(nama)}” dibaca: "
                f"{format_angka(self.periksa.responden)} responden. "
                f"{escape(self._kalimat_status())}",
            )
            + peringatan
            + (self._html_masalah(semua) if semua else "")
            + catatan_html
        )
        return True

    @staticmethod
    def _baris_fiktif(tabel: pd.DataFrame) -> int:
        jumlah = 0
        for k in tabel.columns:
            if str(k).strip().lower() == "keterangan":
                jumlah += int(tabel[k].astype(str).str.contains("fiktif", case=False).sum())
        return jumlah

    @staticmethod
    def _html_masalah(masalah) -> str:
        from literasi.unggah import Masalah, html_masalah

        if len(masalah) > BATAS_PESAN:
            sisa = len(masalah) - BATAS_PESAN
            masalah = masalah[:BATAS_PESAN] + [
                Masalah(
                    None,
                    None,
                    None,
                    f"… dan {sisa} masalah lain (lihat lembar “jawaban” "
                    "di unduhan Excel: sel yang tidak dihitung kosong).",
                    "info",
                )
            ]
        return html_masalah(masalah, "Laporan pemeriksaan jawaban")

    # --- weights ---------------------------------------------------------------------

    def _on_bobot(self, _change=None) -> None:
        sendiri = self.jenis_bobot.value == JENIS_BOBOT[1]
        self.kotak_bobot.layout.display = "flex" if sendiri else "none"
        self._update()

    def bobot_dipakai(self) -> tuple[dict | None, list[str]]:
        """Custom weights if chosen and valid; else (None, messages). None = equal (1/9)."""
        if self.jenis_bobot.value == JENIS_BOBOT[0]:
            return None, []
        bobot, pesan = {}, []
        for kode, w in self.isian_bobot.items():
            try:
                bobot[kode] = baca_bobot(w.value)
            except ValueError as e:
                pesan.append(f"{kode}: {e}")
        if not pesan:
            pesan = periksa_bobot(bobot)
        return (None, pesan) if pesan else (bobot, [])

    # --- update ----------------------------------------------------------------------

    def _on_info(self, _change=None) -> None:
        self.unduhan.value = ""

    def _kalimat_status(self) -> str:
        if self.hasil is None:
            return "Hasil belum bisa dihitung."
        return (
            f"IKM sekarang {teks_angka(self.hasil.ikm)} (mutu {self.hasil.kategori.mutu}, "
            f"{self.hasil.kategori.kinerja}); lihat hasil di atas."
        )

    def _update(self) -> None:
        self.unduhan.value = ""
        bobot, pesan_bobot = self.bobot_dipakai()
        if pesan_bobot:
            self.pesan_bobot.value = _umpan(
                "salah",
                "Bobot sendiri belum bisa dipakai: "
                + " ".join(escape(p) for p in pesan_bobot)
                + " Sementara itu hasil memakai bobot sama (1/9).",
            )
        elif bobot is not None:
            self.pesan_bobot.value = _umpan("benar", "Bobot sendiri dipakai (jumlahnya tepat 1).")
        else:
            self.pesan_bobot.value = (
                "<p class='literasi-kecil'>Bobot sama: setiap unsur 1/9 (sumber menulis 0,111).</p>"
            )
        self.teks_bobot = (
            "sama, 1/9 tiap unsur"
            if bobot is None
            else ", ".join(f"{k} {teks_bobot(v)}" for k, v in bobot.items())
        )
        self.label_data.value = self._html_label()
        try:
            self.hasil = hitung_ikm(self.periksa.kinerja, bobot)
        except ValueError as e:
            self.hasil = None
            self.kuadran = None
            self.ringkasan.value = _umpan(
                "petunjuk",
                escape(str(e)) + " Tambahkan responden "
                "atau unggah berkas di bagian “Masukkan data”.",
            )
            self.tabel_html.value = ""
            self.grafik.value = html_grafik(
                gambar_pesan(self.tampilan.value, "Belum ada data yang cukup untuk grafik."),
                alt="Grafik kosong: belum ada data.",
                keterangan="Belum ada data.",
                sumber=SUMBER,
            )
            return
        self.kuadran = None
        pesan_kuadran = "Data ini tidak punya skor kepentingan (kolom K1–K9)."
        if self.periksa.kepentingan is not None:
            try:
                self.kuadran = kuadran_kepentingan_kinerja(
                    self.periksa.kinerja, self.periksa.kepentingan
                )
            except ValueError as e:
                pesan_kuadran = str(e)
        self.ringkasan.value = self._html_ringkasan(self.hasil, bobot is not None)
        self.tabel_html.value = self._html_tabel(self.hasil)
        self.grafik.value = self._html_grafik(pesan_kuadran)

    def _html_label(self) -> str:
        if self.fiktif:
            rinci = self.sumber_data[len(LABEL_FIKTIF) :].strip(" —()")
            return (
                "<div class='literasi-umpan salah' role='note' style='font-size:1.15em'>"
                f"<b>{LABEL_FIKTIF}</b>: {escape(rinci)}."
                " Bukan hasil survei "
                "kantor mana pun; angka di bawah hanya contoh cara membaca. Ganti dengan data "
                "Anda di bagian “Masukkan data”.</div>"
            )
        return (
            f"<div class='literasi-umpan benar' role='note'><b>Data Anda</b>: "
            f"{escape(self.sumber_data)} · {format_angka(self.periksa.responden)} responden"
            "</div>"
        )

    def _html_ringkasan(self, hasil: HasilIKM, bobot_sendiri: bool) -> str:
        k = hasil.kategori
        cara = "bobot sendiri" if bobot_sendiri else "bobot sama 1/9"
        return (
            "<div class='literasi-ringkasan' style='line-height:1.45'>"
            f"<p style='font-size:1.5em;margin:0.2em 0'><b>IKM {teks_angka(hasil.ikm)}</b> · "
            f"mutu <b>{k.mutu}</b> ({escape(k.kinerja)})</p>"
            f"<p>{format_angka(hasil.responden)} responden. Indeks tertimbang "
            f"{teks_angka(hasil.indeks, 4)} (skala 1–4, {cara}) × 25 = "
            f"{teks_angka(hasil.ikm_tepat, 4)}, dibulatkan {teks_angka(hasil.ikm)}; rentang "
            f"{k.mutu}: {k.teks_rentang()}.</p>"
            f"<p><b>Unsur terlemah:</b> {escape(kalimat_terlemah(hasil))}.</p></div>"
        )

    def _html_tabel(self, hasil: HasilIKM) -> str:
        return tabel_unsur_html(hasil)

    def _html_grafik(self, pesan_kuadran: str) -> str:
        sumber = f"{self.sumber_data}; metode {SUMBER}"
        if self.tampilan.value == TAMPILAN[0]:
            fig = gambar_per_unsur(self.hasil)
            kalimat = kalimat_per_unsur(self.hasil)
        elif self.kuadran is not None:
            fig = gambar_kuadran(self.kuadran)
            kalimat = kalimat_kuadran(self.kuadran)
        else:
            kalimat = (
                f"Kuadran belum bisa digambar: {pesan_kuadran} Isi kepentingan di "
                "formulir atau kolom K1–K9 di berkas."
            )
            fig = gambar_pesan("Kuadran kepentingan–kinerja", kalimat)
        if self.fiktif:
            fig.suptitle(LABEL_FIKTIF, fontsize=9, color="#b3261e", fontweight="bold")
        return html_grafik(fig, alt=kalimat, keterangan=kalimat, sumber=sumber)

    # --- export ----------------------------------------------------------------------

    def info_laporan(self) -> dict[str, str]:
        return {
            "sumber_data": self.sumber_data,
            "unit": self.unit.value.strip() or "(unit layanan belum diisi)",
            "periode": self.periode.value.strip() or "(periode belum diisi)",
            "bobot": self.teks_bobot,
            "dibuat": datetime.now().strftime("%d-%m-%Y %H:%M"),
            "kontak": "",
        }

    def siapkan_unduhan(self) -> bool:
        if self.hasil is None:
            self.unduhan.value = _umpan("salah", "Belum ada hasil untuk diunduh.")
            return False
        info = self.info_laporan()
        nama = "ikm_" + ("contoh_fiktif" if self.fiktif else nama_berkas_aman(info["unit"]))
        nama += "_" + datetime.now().strftime("%Y%m%d")
        try:
            self.excel = buat_excel(self.hasil, self.periksa, self.tabel_asli, self.kuadran, info)
            self.pdf = buat_pdf(self.hasil, self.kuadran, info)
        except Exception as e:  # noqa: BLE001 - the user gets a message, the kernel survives
            self.unduhan.value = _umpan(
                "salah",
                f"Laporan belum bisa dibuat ({escape(type(e).__name__)}). Periksa nama unit dan "
                "periode (hindari tanda khusus), lalu coba lagi.",
            )
            return False
        self.unduhan.value = (
            "<p>" + tautan_unduh(self.excel, nama + ".xlsx", MIME_XLSX, "Unduh Excel") + "</p>"
            "<p>"
            + tautan_unduh(self.pdf, nama + ".pdf", "application/pdf", "Unduh laporan PDF (A4)")
            + "</p>"
        )
        return True
