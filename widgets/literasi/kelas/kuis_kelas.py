"""Kuis Kelas, the host view for the projector (notebooks/kelas/92_kuis_kelas.ipynb).

The teacher (or the BPS presenter) chooses a quiz, opens a room (a code and a QR code to the
player page), watches nicknames arrive, opens each question, closes it (the timer does it, or
a button), reveals the distribution of answers with the right one and the explanation, shows
the top 5, and ends with a summary per question and an Excel export. The phones are served by
the workshop server without kernels (literasi.kelas.kuis_web); both sides meet in the SQLite
file of literasi.kelas.kuis_penyimpanan. This kernel looks at it every quarter second
(`PRAGMA data_version`, microseconds) and redraws only what changed.

With a teacher's PIN on the server (`literasi serve --lan` prints it; kernels get only its hash)
the view asks for it first, through the shared gate and lockout of the class survey's dashboard
(literasi.kelas.gerbang_pin), and its widgets are made only after the PIN is right.
"""

from __future__ import annotations

import asyncio
import os
import re
import time
from html import escape

import ipywidgets as ipw
from matplotlib.ticker import FuncFormatter, MaxNLocator

from literasi.ekspor import tabel_html
from literasi.format import format_angka
from literasi.grafik import WARNA_LAIN, WARNA_UTAMA, KerangkaGrafik, gambar_baru, html_grafik
from literasi.kelas import kuis_penyimpanan as kp
from literasi.kelas.gerbang_pin import pasang_gerbang
from literasi.kelas.kuis_aturan import aturan_poin
from literasi.kelas.kuis_soal import (
    JENIS,
    KUIS_BAWAAN,
    PER_KODE,
    SoalKuis,
    baca_kuis_excel,
    buat_templat,
    ke_baris_db,
)
from literasi.kelas.kuis_web import ENV_JALUR
from literasi.kelas.tampilan_survei import pesan_status
from literasi.tampilan import Tampilan, baris_kontrol
from literasi.unduh import MIME_XLSX, tautan_unduh
from literasi.unggah import berkas_unggahan, html_masalah

SUMBER_GRAFIK = "jawaban pemain Kuis Kelas, tersimpan di laptop guru"
SENDIRI = "__excel__"
WARNA_BENAR = "#2e7d4f"


def _teks_grafik(teks: str, panjang: int = 42) -> str:
    """Text for a matplotlib label: `$` would start math mode; long options are shortened."""
    teks = teks if len(teks) <= panjang else teks[: panjang - 1] + "…"
    return teks.replace("$", r"\$")


class GrafikJawaban:
    """The answers chart on the projector. A frame (labels, axis, title) is drawn once and kept
    (literasi.grafik.KerangkaGrafik); while answers arrive only the bars and counts are
    repainted, ~50 ms instead of the ~300–800 ms of a full draw on a busy 2-core laptop. The
    progress chart shown while a question is open has one frame for the whole quiz (percent
    of the players), drawn when the room opens, so opening a question draws nothing new."""

    JUDUL_KEMAJUAN = "Yang sudah menjawab"

    def __init__(self):
        self._kerangka: dict[tuple, tuple] = {}  # key -> (KerangkaGrafik, bars, counts, max)

    def _bingkai(self, judul: str, label: list[str], batas: float, sumbu: str) -> tuple:
        kunci = (judul, tuple(label), batas, sumbu)
        if kunci not in self._kerangka:
            if len(self._kerangka) >= 8:  # a few frames: this question, its reveal, progress
                self._kerangka.pop(next(iter(self._kerangka)))
            fig = gambar_baru(7.2, 0.9 + 0.55 * len(label))
            ax = fig.add_subplot()
            y = list(range(len(label)))
            batang = ax.barh(y, [0] * len(label), color=WARNA_LAIN, height=0.7)
            ax.set_yticks(y, [_teks_grafik(t) for t in label], fontsize=11)
            ax.invert_yaxis()
            ax.set_xlim(0, max(1, batas) * 1.15)
            if sumbu.startswith("persen"):
                ax.set_xticks([0, 25, 50, 75, 100])
            else:
                ax.xaxis.set_major_locator(MaxNLocator(integer=True))
            ax.xaxis.set_major_formatter(FuncFormatter(lambda x, _: format_angka(x)))
            ax.set_xlabel(sumbu)
            ax.set_title(_teks_grafik(judul, 80), fontsize=12, loc="left")
            ax.spines[["top", "right"]].set_visible(False)
            angka = [ax.text(0, i, "", va="center", fontsize=12) for i in y]
            self._kerangka[kunci] = (KerangkaGrafik(fig, [*batang, *angka]), batang, angka, batas)
        return self._kerangka[kunci]

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

    def _gambar(self, judul, label, batas, sumbu, nilai, alt) -> str:
        kerangka, batang, angka, batas = self._bingkai(judul, label, batas, sumbu)
        for b, teks, (panjang, tulisan, warna) in zip(batang, angka, nilai, strict=True):
            b.set_width(panjang)
            b.set_color(warna)
            teks.set_position((panjang + max(1, batas) * 0.015, teks.get_position()[1]))
            teks.set_text(tulisan)
        return html_grafik(kerangka, alt=alt, keterangan=alt, sumber=SUMBER_GRAFIK)


# --- The view -----------------------------------------------------------------------------------


class KuisKelas(Tampilan):
    """Choose a quiz, open a room, run it question by question, export, archive."""

    DETAK = 0.25  # seconds between two looks at the database

    def __init__(self, path=None):
        self.path = path
        self.widget = ipw.VBox(layout=ipw.Layout(width="100%", max_width="1100px"))
        self.widget.add_class("literasi-kuis")
        # The teacher's PIN, with the lockout shared by every kernel (literasi.kelas.pin).
        self.gerbang = pasang_gerbang(self.widget, self._buka)

    # Building the view (after the PIN)
    def _buka(self) -> None:
        self.con = kp.sambung(self.path)
        self.sesi: int | None = None
        self.soal: list[SoalKuis] = []
        self.snap: dict = {}
        self.kuis_excel = None
        self._versi = None
        self._tugas = None
        self._grafik = GrafikJawaban()
        self._digambar: dict = {}
        self.jalur = os.environ.get(ENV_JALUR)  # set by literasi serve (kuis_web.rute_kuis)
        gaya = {"description_width": "initial"}
        besar = ipw.Layout(width="auto", min_height="48px")

        # 1. Choose
        self.pilih_kuis = ipw.Dropdown(
            description="Kuis",
            options=[(k.judul, k.kode) for k in KUIS_BAWAAN] + [("Kuis sendiri (Excel)", SENDIRI)],
            style=gaya,
            layout=ipw.Layout(width="auto", min_width="320px", height="auto"),
        )
        self.unggahan = ipw.FileUpload(
            accept=".xlsx,.csv",
            multiple=False,
            description="Unggah kuis (.xlsx)",
            layout=besar,
        )
        self.templat = ipw.HTML(
            "<p>"
            + tautan_unduh(
                buat_templat(), "templat_kuis_kelas.xlsx", MIME_XLSX, "Unduh templat Excel"
            )
            + "</p>"
        )
        self.laporan_excel = ipw.HTML()
        self.bagian_excel = ipw.VBox(
            [baris_kontrol(self.unggahan), self.templat, self.laporan_excel]
        )
        self.pratinjau = ipw.HTML()
        self.tombol_ruang = ipw.Button(
            description="Buka ruang kuis", button_style="primary", icon="play", layout=besar
        )
        self.pesan_pilih = ipw.HTML()
        self.tersimpan = ipw.Dropdown(
            description="Kuis tersimpan",
            style=gaya,
            layout=ipw.Layout(width="auto", min_width="320px", height="auto"),
        )
        self.tombol_lanjut = ipw.Button(description="Lanjutkan", layout=besar)
        self.tombol_unduh_lama = ipw.Button(description="Siapkan Excel", layout=besar)
        self.unduhan_lama = ipw.HTML()

        # 2. The room and the questions
        self.ruang = ipw.HTML()
        self.pemain_html = ipw.HTML()
        self.soal_html = ipw.HTML()
        self.sisa = ipw.HTML()
        self.grafik = ipw.HTML()
        self.kunci_html = ipw.HTML()
        self.papan = ipw.HTML()
        self.ringkasan = ipw.HTML()
        self.unduhan = ipw.HTML()
        self.pesan = ipw.HTML()
        self.cek_sebaran = ipw.Checkbox(
            description="Tampilkan sebaran jawaban selama soal dibuka",
            value=False,
            indent=False,
            layout=ipw.Layout(width="auto"),
        )
        self.tombol_mulai = ipw.Button(button_style="primary", icon="play", layout=besar)
        self.tombol_tutup = ipw.Button(
            description="Tutup soal sekarang", button_style="warning", icon="stop", layout=besar
        )
        self.tombol_papan = ipw.Button(description="Papan skor", icon="trophy", layout=besar)
        self.tombol_selesai = ipw.Button(
            description="Selesai: ringkasan", icon="flag-checkered", layout=besar
        )
        self.tombol_ekspor = ipw.Button(
            description="Siapkan hasil (Excel)", icon="download", layout=besar
        )
        self.tombol_arsip = ipw.Button(
            description="Arsipkan kuis", button_style="danger", icon="archive", layout=besar
        )
        self.baris_tombol = baris_kontrol()
        self.baris_sebaran = baris_kontrol(self.cek_sebaran)

        self.pilih_kuis.observe(self._on_change, names="value")
        self.unggahan.observe(self._on_unggah, names="value")
        self.cek_sebaran.observe(self._on_change, names="value")
        self.tombol_ruang.on_click(lambda _: self.buka_ruang())
        self.tombol_lanjut.on_click(lambda _: self.lanjutkan(self.tersimpan.value))
        self.tombol_unduh_lama.on_click(lambda _: self.siapkan_excel(self.tersimpan.value, True))
        self.tombol_mulai.on_click(lambda _: self.mulai_soal())
        self.tombol_tutup.on_click(lambda _: self.tutup_soal())
        self.tombol_papan.on_click(lambda _: self.ke_tahap("papan"))
        self.tombol_selesai.on_click(lambda _: self.ke_tahap("selesai"))
        self.tombol_ekspor.on_click(lambda _: self.siapkan_excel(self.sesi))
        self.tombol_arsip.on_click(lambda _: self.arsipkan())

        judul = lambda teks: ipw.HTML(f"<h2 style='margin:16px 0 4px'>{teks}</h2>")  # noqa: E731
        catatan_server = (
            ""
            if self.jalur
            else pesan_status(
                "petunjuk",
                "Ponsel siswa hanya bisa bergabung lewat server lokakarya: jalankan "
                "<code>literasi serve --lan</code> di laptop ini, lalu buka aplikasi ini dari "
                "berandanya.",
            )
        )
        self.bagian_pilih = ipw.VBox(
            [
                judul("1. Pilih kuis"),
                ipw.HTML(catatan_server),
                baris_kontrol(self.pilih_kuis),
                self.bagian_excel,
                self.pratinjau,
                baris_kontrol(self.tombol_ruang),
                self.pesan_pilih,
                judul("Kuis tersimpan di laptop ini"),
                ipw.HTML(
                    "<p class='literasi-kecil'>Kuis yang belum diarsipkan bisa dilanjutkan "
                    "(mis. setelah halaman ini tertutup). Kuis yang sudah selesai diarsipkan, "
                    "tidak dihapus: hasilnya tetap bisa diunduh.</p>"
                ),
                baris_kontrol(self.tersimpan, self.tombol_lanjut, self.tombol_unduh_lama),
                self.unduhan_lama,
            ]
        )
        self.bagian_ruang = ipw.VBox(
            [
                self.ruang,
                self.pemain_html,
                self.soal_html,
                self.sisa,
                self.grafik,
                self.kunci_html,
                self.papan,
                self.ringkasan,
                self.baris_tombol,
                self.baris_sebaran,
                self.unduhan,
                self.pesan,
            ]
        )
        self.widget.children = [self.bagian_pilih, self.bagian_ruang]
        self._isi_tersimpan()
        self._update()

    # Choosing a quiz
    def _on_unggah(self, change) -> None:
        berkas = berkas_unggahan(change["new"], "kuis.xlsx")
        if berkas is not None:
            self.muat_excel(*berkas)

    def muat_excel(self, nama: str, isi: bytes) -> None:
        """Read and check a teacher's quiz; the report names each problem's row and column."""
        try:
            hasil = baca_kuis_excel(nama, isi)
        except Exception as e:  # noqa: BLE001 - the kernel survives any file
            self.kuis_excel = None
            self.laporan_excel.value = pesan_status(
                "salah", f"Berkas tidak bisa dibaca ({escape(type(e).__name__)})."
            )
            return
        self.kuis_excel = hasil
        if hasil.bisa_dipakai:
            kepala = pesan_status(
                "benar",
                f"Kuis “{escape(hasil.judul)}” terbaca: {len(hasil.soal)} soal siap dipakai.",
            )
        else:
            kepala = pesan_status(
                "salah", "Kuis belum bisa dipakai. Perbaiki berkasnya lalu unggah lagi."
            )
        self.laporan_excel.value = kepala + (html_masalah(hasil.masalah) if hasil.masalah else "")
        self._update()

    def soal_pilihan(self) -> tuple[str, str, list[SoalKuis]]:
        """(title, source, questions) of what is chosen in the dropdown."""
        if self.pilih_kuis.value == SENDIRI:
            h = self.kuis_excel
            if h is None or not h.bisa_dipakai:
                return "", "", []
            return h.judul, f"Excel: {h.judul}", h.soal
        k = PER_KODE[self.pilih_kuis.value]
        return k.judul, f"Kuis bawaan: {k.judul}", k.soal()

    def buka_ruang(self) -> None:
        judul, sumber, soal = self.soal_pilihan()
        if not soal:
            self.pesan_pilih.value = pesan_status(
                "salah", "Belum ada soal: unggah kuis Excel yang lolos pemeriksaan dulu."
            )
            return
        sesi, _ = kp.buat_sesi(self.con, judul, sumber, [ke_baris_db(s) for s in soal])
        self.lanjutkan(sesi)

    def lanjutkan(self, sesi: int | None) -> None:
        if sesi is None:
            return
        s = kp.ambil_sesi(self.con, sesi)
        if s["diarsipkan"]:
            self.unduhan_lama.value = pesan_status(
                "petunjuk",
                "Kuis ini sudah diarsipkan: hasilnya bisa diunduh, tidak bisa "
                "dilanjutkan.",  # fmt: skip
            )
            return
        self.sesi = sesi
        self.soal = [
            SoalKuis.dari_kunci(
                r["jenis"], r["pertanyaan"], r["pilihan"], r["penjelasan"], r["kunci"],
                r["detik"], r["asal"], r["grafik"],
            )
            for r in kp.ambil_soal(self.con, sesi)
        ]  # fmt: skip
        self.unduhan.value = self.pesan.value = ""
        self._grafik.kemajuan(0, 1, "")  # draw the progress frame now, not when a question opens
        self.baca()
        self._update()
        self._mulai_detak()

    def _isi_tersimpan(self) -> None:
        pilihan = []
        for s in kp.daftar_sesi(self.con):
            status = "arsip" if s["diarsipkan"] else s["tahap"]
            tanggal = time.strftime("%d-%m-%Y %H.%M", time.localtime(s["dibuat"]))
            pilihan.append(
                (
                    f"{tanggal} · ruang {s['kode_ruang']} · {s['judul']} · "
                    f"{s['banyak_pemain']} pemain · {status}",
                    s["id"],
                )
            )
        self.tersimpan.options = pilihan
        self.tersimpan.value = pilihan[0][1] if pilihan else None

    # Reading the shared file
    def baca(self) -> None:
        """One consistent read of the quiz: state, players, answers to the current question,
        standings (and the per-question summary once finished)."""
        s = kp.ambil_sesi(self.con, self.sesi)
        nomor = s["soal_ke"]
        self.snap = {
            "sesi": s,
            "pemain": kp.daftar_pemain(self.con, self.sesi),
            "jawaban": kp.jawaban_soal(self.con, self.sesi, nomor) if nomor else [],
            "skor": kp.peringkat(self.con, self.sesi),
            "ringkasan": kp.ringkasan_soal(self.con, self.sesi, self._bentuk)
            if s["tahap"] == "selesai"
            else [],
        }

    def _bentuk(self, baris: dict, jawaban: str) -> str:
        return self.soal[baris["nomor"] - 1].rapikan(jawaban)

    def _mulai_detak(self) -> None:
        """Start the loop on the kernel's event loop (plain Python has none: call langkah())."""
        try:
            loop = asyncio.get_running_loop()
        except RuntimeError:
            return
        if self._tugas is None or self._tugas.done():
            self._tugas = loop.create_task(self._detak())

    async def _detak(self) -> None:
        """Every DETAK seconds: close a question whose time is up, and redraw when the phones
        (through the server) or another window changed the quiz."""
        while self.sesi is not None:
            try:
                self.langkah()
            except Exception as e:  # noqa: BLE001 - the loop keeps the room running
                self.pesan.value = pesan_status(
                    "salah",
                    f"Gangguan membaca data kuis ({escape(type(e).__name__)}); "
                    "dicoba lagi.",  # fmt: skip
                )
            await asyncio.sleep(self.DETAK)

    def langkah(self) -> None:
        s = self.snap.get("sesi") or {}
        if s.get("tahap") == "soal" and time.time() >= s["batas"]:
            self.tutup_soal()
            return
        versi = kp.versi_data(self.con)
        if versi != self._versi:
            self._versi = versi
            self.baca()
            self._update()
        elif s.get("tahap") == "soal":
            self._tampilkan_sisa()

    # The teacher's actions
    def mulai_soal(self) -> None:
        nomor = (self.snap["sesi"]["soal_ke"] or 0) + 1
        if nomor > len(self.soal):
            return
        kp.buka_soal(self.con, self.sesi, nomor)
        self.baca()
        self._update()

    def tutup_soal(self) -> None:
        s = self.snap["sesi"]
        if s["tahap"] != "soal":
            return
        soal = self.soal[s["soal_ke"] - 1]
        kp.tutup_soal(self.con, self.sesi, s["soal_ke"], soal.benar)
        self.baca()
        self._update()

    def ke_tahap(self, tahap: str) -> None:
        kp.ke_tahap(self.con, self.sesi, tahap)
        self.baca()
        self._update()

    def siapkan_excel(self, sesi: int | None, lama: bool = False) -> None:
        if sesi is None:
            return
        s = kp.ambil_sesi(self.con, sesi)
        soal = {
            r["nomor"]: SoalKuis.dari_kunci(
                r["jenis"], r["pertanyaan"], r["pilihan"], r["penjelasan"], r["kunci"], r["detik"]
            )
            for r in kp.ambil_soal(self.con, sesi)
        }
        isi = kp.ekspor_excel(
            self.con,
            sesi,
            lambda baris, j: soal[baris["nomor"]].rapikan(j),
            aturan_poin(len(soal)),
        )
        nama = (
            f"kuis_kelas_{s['kode_ruang']}_{re.sub(r'[^A-Za-z0-9]+', '_', s['judul'])[:30]}_"
            f"{time.strftime('%Y%m%d_%H%M', time.localtime(s['dibuat']))}.xlsx"
        )
        tautan = "<p>" + tautan_unduh(isi, nama, MIME_XLSX, "Unduh hasil kuis (Excel)") + "</p>"
        (self.unduhan_lama if lama else self.unduhan).value = tautan

    def arsipkan(self) -> None:
        kp.arsipkan(self.con, self.sesi)
        judul = self.snap["sesi"]["judul"]
        self.sesi, self.snap, self.soal = None, {}, []
        self._isi_tersimpan()
        self.pesan_pilih.value = pesan_status(
            "benar",
            f"Kuis “{escape(judul)}” diarsipkan. Hasilnya tetap bisa diunduh di “Kuis tersimpan”.",
        )
        self._update()

    # Drawing
    def _tampilkan_sisa(self) -> None:
        """The countdown, sent to the page only when the shown second changes."""
        s = self.snap["sesi"]
        sisa = max(0, round(s["batas"] - time.time())) if s["tahap"] == "soal" else None
        teks = (
            f"<p style='font-size:1.6rem;font-weight:700;color:#8a3b00;margin:4px 0'>"
            f"Sisa {sisa} detik</p>"
            if sisa is not None
            else ""
        )
        if teks != self.sisa.value:
            self.sisa.value = teks

    def _update(self) -> None:
        pilih = self.sesi is None
        self.bagian_pilih.layout.display = None if pilih else "none"
        self.bagian_ruang.layout.display = "none" if pilih else None
        if pilih:
            self._update_pilih()
        else:
            self._update_ruang()

    def _update_pilih(self) -> None:
        sendiri = self.pilih_kuis.value == SENDIRI
        self.bagian_excel.layout.display = None if sendiri else "none"
        self.tombol_ruang.disabled = not self.jalur
        judul, _, soal = self.soal_pilihan() if not sendiri or self.kuis_excel else ("", "", [])
        if not soal:
            self.pratinjau.value = ""
            return
        baris = [
            {
                "no": i,
                "jenis": JENIS[s.jenis],
                "soal": s.pertanyaan if len(s.pertanyaan) <= 110 else s.pertanyaan[:109] + "…",
                "detik": s.detik,
                "asal": s.asal,
            }
            for i, s in enumerate(soal, start=1)
        ]
        import pandas as pd

        menit = sum(s.detik for s in soal) / 60 + len(soal) * 0.5
        self.pratinjau.value = tabel_html(
            pd.DataFrame(baris),
            f"{judul}: {len(soal)} soal, sekitar {format_angka(menit)} menit dengan pembahasan",
            {"no": "No", "jenis": "Jenis", "soal": "Pertanyaan", "detik": "Detik", "asal": "Asal"},
        )

    def _update_ruang(self) -> None:
        s = self.snap["sesi"]
        tahap = s["tahap"]
        pemain = self.snap["pemain"]
        nomor = s["soal_ke"]
        soal = self.soal[nomor - 1] if nomor else None
        self.ruang.value = self._html_ruang(s, len(pemain))
        nama = ", ".join(escape(n) for _, n in pemain[-60:])
        self.pemain_html.value = (
            f"<p role='status' style='font-size:1.2rem'><b>Sudah bergabung: {len(pemain)}</b>"
            + (f" — {nama}" if pemain and tahap == "gabung" else "")
            + "</p>"
            + (
                f"<p class='literasi-kecil'>{escape(aturan_poin(len(self.soal)))}</p>"
                if tahap == "gabung"
                else ""
            )
        )
        self.soal_html.value = (
            self._html_soal(soal, nomor) if soal and tahap in ("soal", "tutup") else ""
        )
        self._tampilkan_sisa()
        self.baris_sebaran.layout.display = "none" if tahap == "selesai" else None
        jawaban = [j["jawaban"] for j in self.snap["jawaban"]]
        if soal and tahap in ("soal", "tutup"):
            self.grafik.value = self._html_grafik(soal, nomor, jawaban, len(pemain), tahap)
        else:
            self.grafik.value = ""
        self.kunci_html.value = (
            pesan_status(
                "benar",
                f"<b>Jawaban benar: {escape(soal.jawaban_teks())}.</b> {escape(soal.penjelasan)}",
            )
            if soal and tahap == "tutup"
            else ""
        )
        self.papan.value = self._html_papan() if tahap in ("papan", "selesai") else ""
        self.ringkasan.value = self._html_ringkasan() if tahap == "selesai" else ""
        berikut = (nomor or 0) + 1
        self.tombol_mulai.description = f"Mulai soal {berikut}" if berikut > 1 else "Mulai soal 1"
        tombol = {
            "gabung": [self.tombol_mulai],
            "soal": [self.tombol_tutup],
            "tutup": [self.tombol_papan],
            "papan": [],
            "selesai": [self.tombol_ekspor, self.tombol_arsip],
        }[tahap]
        if tahap in ("tutup", "papan"):
            tombol += [self.tombol_mulai] if berikut <= len(self.soal) else [self.tombol_selesai]
        self.baris_tombol.children = tombol

    def _html_ruang(self, s: dict, banyak: int) -> str:
        alamat = os.environ.get("LITERASI_ALAMAT")  # the LAN address (literasi serve --lan)
        jalur = (self.jalur or "/kuis").lstrip("/")
        url = f"{alamat.rstrip('/')}/{jalur}?ruang={s['kode_ruang']}" if alamat else None
        qr = ""
        if url and s["tahap"] == "gabung":
            from literasi.layanan.qr import qr_svg

            qr = f"<div style='flex:0 0 auto'>{qr_svg(url, 220)}</div>"
        tautan = (
            f"<p style='font-size:1.2rem;margin:4px 0'>Pindai kode QR atau buka "
            f"<b>{escape(url)}</b></p>"
            if url
            else f"<p>Halaman pemain: <a href='/{escape(jalur)}?ruang={s['kode_ruang']}' "
            f"target='_blank'>/{escape(jalur)}</a> (ponsel bisa bergabung jika server "
            "dijalankan dengan <code>--lan</code>).</p>"
        )
        return (
            "<div style='display:flex;flex-wrap:wrap;gap:24px;align-items:center'>"
            f"{qr}<div><h2 style='margin:0'>{escape(s['judul'])}</h2>"
            "<p style='font-size:1.3rem;margin:8px 0'>Kode ruang: "
            f"<b style='font-size:2.6rem;letter-spacing:0.12em'>{escape(s['kode_ruang'])}</b>"
            f"</p>{tautan}</div></div>"
        )

    def _html_soal(self, soal: SoalKuis, nomor: int) -> str:
        pilihan = ""
        if soal.jenis == "pilihan":
            pilihan = "<ol type='A' style='font-size:1.25rem'>" + "".join(
                f"<li>{escape(p)}</li>" for p in soal.pilihan
            ) + "</ol>"  # fmt: skip
        elif soal.jenis == "angka":
            pilihan = f"<p class='literasi-kecil'>{escape(soal.catatan)}</p>"
        return (
            f"<p style='margin:12px 0 0'>Soal {nomor} dari {len(self.soal)} · "
            f"{JENIS[soal.jenis]} · {soal.detik} detik · {escape(soal.asal)}</p>"
            f"<p style='font-size:1.5rem;line-height:1.35;font-weight:600;margin:6px 0'>"
            f"{escape(soal.pertanyaan)}</p>{pilihan}{soal.grafik or ''}"
        )

    def _html_grafik(self, soal: SoalKuis, nomor: int, jawaban: list[str], n: int, tahap):
        masuk = len(jawaban)
        kepala = (
            f"<p role='status' class='literasi-kuis-masuk' style='font-size:1.2rem;margin:8px 0'>"
            f"<b>Jawaban masuk: {masuk} dari {n}</b></p>"
        )
        if tahap == "soal" and not self.cek_sebaran.value:
            alt = f"Soal {nomor}: {masuk} dari {n} pemain sudah menjawab."
            return kepala + self._grafik.kemajuan(masuk, n, alt)
        data = soal.sebaran(jawaban)
        tutup = tahap == "tutup"
        baris = [
            (
                ("✓ " if tutup and benar else "") + label,
                jumlah,
                WARNA_BENAR if tutup and benar else WARNA_UTAMA if not tutup else WARNA_LAIN,
            )
            for label, jumlah, benar in data
        ]
        if not baris:
            return kepala
        isi = "; ".join(f"{label}: {jumlah}" for label, jumlah, _ in baris)
        alt = f"Diagram batang jawaban soal {nomor} ({masuk} jawaban): {isi}." + (
            " Tanda ✓ = jawaban benar." if tutup else ""
        )
        batas = max(n, max(b[1] for b in baris))
        return kepala + self._grafik.html(f"Soal {nomor}: sebaran jawaban", baris, batas, alt)

    def _html_papan(self) -> str:
        import pandas as pd

        atas = self.snap["skor"][:5]
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
            + f"</div><p class='literasi-kecil'>{escape(aturan_poin(len(self.soal)))}</p>"
        )

    def _html_ringkasan(self) -> str:
        import pandas as pd

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
            for r in self.snap["ringkasan"]
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


def semua_soal() -> list:
    """No exercises in this app: the quizzes' questions come from the lessons (kuis_soal)."""
    return []
