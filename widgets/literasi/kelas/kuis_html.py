"""Kuis Kelas, what the projector shows as HTML: pure functions of the model's data.

The host view (literasi.kelas.kuis_kelas) puts each into its own `ipw.HTML`; the chart is in
literasi.kelas.kuis_grafik. Every text that comes from a teacher's file or a phone (titles,
questions, nicknames) is escaped here.
"""

from __future__ import annotations

from html import escape

import pandas as pd

from literasi.ekspor import tabel_html
from literasi.format import format_angka
from literasi.kelas.kuis_aturan import Skor
from literasi.kelas.kuis_soal import JENIS, SoalKuis

PANJANG_PRATINJAU = 110  # characters of a question in the preview table


def html_pratinjau(judul: str, soal: list[SoalKuis]) -> str:
    """The chosen quiz before its room opens: one row per question, and how long it takes
    (its time limits plus half a minute of discussion per question)."""
    if not soal:
        return ""
    baris = [
        {
            "no": i,
            "jenis": JENIS[s.jenis],
            "soal": s.pertanyaan
            if len(s.pertanyaan) <= PANJANG_PRATINJAU
            else s.pertanyaan[: PANJANG_PRATINJAU - 1] + "…",
            "detik": s.detik,
            "asal": s.asal,
        }
        for i, s in enumerate(soal, start=1)
    ]
    menit = sum(s.detik for s in soal) / 60 + len(soal) * 0.5
    return tabel_html(
        pd.DataFrame(baris),
        f"{judul}: {len(soal)} soal, sekitar {format_angka(menit)} menit dengan pembahasan",
        {"no": "No", "jenis": "Jenis", "soal": "Pertanyaan", "detik": "Detik", "asal": "Asal"},
    )


def html_ruang(sesi: dict, url: str | None, jalur: str) -> str:
    """The room's header: title, room code, and how phones join. `url` is the player page on
    the LAN (a QR code while players join); without it, a link to the page on this laptop."""
    from literasi.layanan.qr import html_gabung

    kode = sesi["kode_ruang"]
    return html_gabung(
        "Kode ruang", kode, url, f"/{jalur}?ruang={kode}", "Halaman pemain",
        qr=sesi["tahap"] == "gabung", judul=sesi["judul"],
    )  # fmt: skip


def html_pemain(pemain: list[tuple[int, str]], tahap: str, aturan: str) -> str:
    """How many joined; while players join, the last 60 nicknames and the points rule.

    >>> teks = html_pemain([(1, "Ani"), (2, "<b>Budi</b>")], "gabung", "")
    >>> "Sudah bergabung: 2</b> — Ani, &lt;b&gt;Budi&lt;/b&gt;" in teks
    True
    >>> "Ani" in html_pemain([(1, "Ani")], "soal", "")
    False
    """
    gabung = tahap == "gabung"
    nama = ", ".join(escape(n) for _, n in pemain[-60:])
    return (
        f"<p role='status' style='font-size:1.2rem'><b>Sudah bergabung: {len(pemain)}</b>"
        + (f" — {nama}" if pemain and gabung else "")
        + "</p>"
        + (f"<p class='literasi-kecil'>{escape(aturan)}</p>" if gabung else "")
    )


def html_soal(soal: SoalKuis, nomor: int, banyak: int) -> str:
    """Question `nomor` of `banyak` as the projector shows it: kind, time, source, the
    question, its options (A–D) or the note on how to type a number, and its chart if any."""
    pilihan = ""
    if soal.jenis == "pilihan":
        pilihan = "<ol type='A' style='font-size:1.25rem'>" + "".join(
            f"<li>{escape(p)}</li>" for p in soal.pilihan
        ) + "</ol>"  # fmt: skip
    elif soal.jenis == "angka":
        pilihan = f"<p class='literasi-kecil'>{escape(soal.catatan)}</p>"
    return (
        f"<p style='margin:12px 0 0'>Soal {nomor} dari {banyak} · "
        f"{JENIS[soal.jenis]} · {soal.detik} detik · {escape(soal.asal)}</p>"
        f"<p style='font-size:1.5rem;line-height:1.35;font-weight:600;margin:6px 0'>"
        f"{escape(soal.pertanyaan)}</p>{pilihan}{soal.grafik or ''}"
    )


def html_sisa(sisa: int | None) -> str:
    """The countdown while a question is open (None: no question open).

    >>> html_sisa(None)
    ''
    >>> "Sisa 7 detik" in html_sisa(7)
    True
    """
    if sisa is None:
        return ""
    return (
        f"<p style='font-size:1.6rem;font-weight:700;color:#8a3b00;margin:4px 0'>"
        f"Sisa {sisa} detik</p>"
    )


def html_kunci(soal: SoalKuis) -> str:
    """The right answer and its explanation, once the question is closed."""
    return f"<b>Jawaban benar: {escape(soal.jawaban_teks())}.</b> {escape(soal.penjelasan)}"


def html_papan(skor: list[Skor], aturan: str) -> str:
    """The top 5 of the standings (literasi.kelas.kuis_aturan.susun_peringkat)."""
    atas = skor[:5]
    if not atas:
        return "<p>Belum ada pemain.</p>"
    tabel = pd.DataFrame(
        [{"ke": k.peringkat, "nama": k.nama, "poin": k.poin, "benar": k.benar} for k in atas]
    )
    return (
        "<div style='font-size:1.3rem'>"
        + tabel_html(
            tabel,
            "Papan skor: 5 teratas",
            {"ke": "Peringkat", "nama": "Nama panggilan", "poin": "Poin", "benar": "Benar"},
        )
        + f"</div><p class='literasi-kecil'>{escape(aturan)}</p>"
    )


def html_ringkasan(ringkasan: list[dict]) -> str:
    """Per question at the end: the right answer, how many answered, the share right, and the
    most common wrong answer (rows of literasi.kelas.kuis_penyimpanan.ringkasan_soal)."""
    baris = [
        {
            "no": r["nomor"],
            "jawaban": r["jawaban_benar"],
            "menjawab": r["menjawab"],
            "persen": "–"
            if r["persen_benar"] is None
            else f"{format_angka(r['persen_benar'], 0)}%",
            "salah": f"{r['salah_terbanyak']} ({r['banyak_salah_terbanyak']})"
            if r["salah_terbanyak"]
            else "–",
        }
        for r in ringkasan
    ]
    return tabel_html(
        pd.DataFrame(baris),
        "Ringkasan per soal",
        {
            "no": "Soal",
            "jawaban": "Jawaban benar",
            "menjawab": "Menjawab",
            "persen": "Benar",
            "salah": "Jawaban salah terbanyak (banyaknya)",
        },
    )
