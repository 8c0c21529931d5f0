"""Walk the 90-minute school visit (lessons/program/kunjungan_sekolah.md) end to end, as people do.

Not part of the test run (no `test_` prefix). From the repository, with the venv and the
exports of tests/run.sh:

    .venv/bin/python tests/benchmark/kunjungan_sekolah.py            # 10 phones
    .venv/bin/python tests/benchmark/kunjungan_sekolah.py --ponsel 12 --kelas 13

It starts `literasi serve --lan` on 127.0.0.5 (a loopback address standing in for the LAN
address) with the run-sheet's command, reads the address and PIN from the terminal, and walks
each block with Chromium: the projector (1280×800) and one phone per student (360×800, touch),
every control reached by swipe or wheel (tests/orang.py). Phones fill the survey one after
another, so the seconds are a lower bound for a class: a scripted person types instantly and
reads nothing. It prints, per block, the run-sheet's planned minutes and the seconds the
machine needed to click through, then stops the server. Screenshots: tests/_artefak/layar/.
"""

from __future__ import annotations

import argparse
import re
import sys
import tempfile
import time
from pathlib import Path

TESTS = Path(__file__).resolve().parents[1]
sys.path[:0] = [str(TESTS), str(TESTS / "browser")]

from playwright.sync_api import Page, expect, sync_playwright  # noqa: E402
from test_sensus_kelas import buka_kartu, isi_kotak, isi_sensus, ketuk_tombol, lihat  # noqa: E402

from conftest import (  # noqa: E402
    ARTEFAK,
    baca_terminal,
    lingkungan_terisolasi,
    perintah_serve,
    port_bebas,
    server_berjalan,
)
from literasi.kelas.data_kelas import MIN_KELOMPOK  # noqa: E402
from literasi.kelas.kuesioner import PERTANYAAN, angka_ringkas, periksa_isian  # noqa: E402
from orang import gulir_ke, ketik, ketuk, konteks, potret_layar  # noqa: E402

IP = "127.0.0.5"
LAYAR = ARTEFAK / "layar"
AKSI = 60_000  # ms
KARTU = {
    "00": "Kota Pekalongan di antara 35 kabupaten/kota Jawa Tengah",
    "90": "Sensus Kelas: data dari kita sendiri",
    "91": "Dasbor Sensus Kelas",
    "13": "Dua variabel kategori: tabel dua arah dan peluang bersyarat",
    "14": "Mencari dan mengutip data BPS",
    "92": "Kuis Kelas: kuis langsung dengan data Kota Pekalongan",
}


class Stopwatch:
    """Seconds per block of the run-sheet, printed as a table at the end."""

    def __init__(self) -> None:
        self.baris: list[tuple[str, str, float, str]] = []

    def blok(self, nama: str, rencana: str, mulai: float, catatan: str = "") -> None:
        self.baris.append((nama, rencana, time.monotonic() - mulai, catatan))
        print(f"  {nama}: {self.baris[-1][2]:.1f} s {catatan}", flush=True)

    def tabel(self) -> str:
        kepala = f"{'blok':<44} {'rencana':>8} {'mesin (s)':>10}  catatan"
        isi = [
            f"{n:<44} {r:>8} {f'{d:.1f}'.replace('.', ','):>10}  {c}" for n, r, d, c in self.baris
        ]
        return "\n".join([kepala, "-" * len(kepala), *isi])


def jawaban_ponsel(ke: int) -> dict[str, str]:
    """Phone number `ke`'s answers: choices in turn, numbers spread over 20-80 % of each
    question's range (a different value per phone), typed the Indonesian way."""
    isian = {}
    for p in PERTANYAAN:
        if p.jenis == "pilihan":
            isian[p.kunci] = p.pilihan[ke % len(p.pilihan)]
        elif p.jenis == "teks":
            isian[p.kunci] = ("dokter", "guru", "perawat", "petani", "programmer")[ke % 5]
        else:
            bawah, atas = p.batas
            nilai = bawah + (atas - bawah) * (0.2 + 0.6 * ((ke * 7) % 10) / 10)
            isian[p.kunci] = (
                str(round(nilai)) if p.jenis == "bulat" else angka_ringkas(round(nilai, 1))
            )
    assert periksa_isian(isian)[1] == {}, isian
    return isian


def tekan(page: Page, nama: str) -> None:
    ketuk_tombol(page, nama)


def jalan(n_ponsel: int, kelas_kode: str) -> str:
    jam = Stopwatch()
    tmp = Path(tempfile.mkdtemp(prefix="kunjungan_"))
    port = port_bebas()
    url = f"http://{IP}:{port}/"
    log = ARTEFAK / "server_kunjungan.log"
    LAYAR.mkdir(parents=True, exist_ok=True)
    perintah = perintah_serve(
        *("--lan", "--ip", IP, "--port", str(port)),
        *("--pelajaran", "90", "--pelajaran", "13", "--pelajaran", "14", "--kolam", "2"),
    )
    mulai = time.monotonic()
    with server_berjalan(perintah, url, log, lingkungan_terisolasi(tmp), tmp):
        jam.blok("server: perintah → halaman awal menjawab", "sebelum", mulai)
        alamat, pin = baca_terminal(log)
        with sync_playwright() as pw:
            browser = pw.chromium.launch(executable_path="/usr/bin/chromium")
            proyektor = konteks(browser, "laptop").new_page()
            guru = konteks(browser, "laptop").new_page()
            ponsel = [konteks(browser, "ponsel").new_page() for _ in range(n_ponsel)]

            # 0-10: the projector shows the landing page and the large QR; lesson 00 on screen.
            mulai = time.monotonic()
            proyektor.goto(alamat)
            besar = proyektor.get_by_role("link", name=re.compile("Kode QR besar"))
            if besar.count():
                gulir_ke(proyektor, besar, "Kode QR besar")
                ketuk(proyektor, besar, "Kode QR besar")
                potret_layar(proyektor, LAYAR, "kunjungan_qr_besar", batas=1)
            for hp in ponsel:
                hp.goto(alamat)
                expect(hp.locator("a.literasi-kartu").first).to_be_visible(timeout=AKSI)
            buka_kartu(proyektor, alamat, KARTU["00"])
            grafik = proyektor.locator(".literasi-grafik img").first
            expect(grafik).to_be_visible(timeout=AKSI)
            jam.blok("0–10 BPS dan datanya", "10 mnt", mulai, f"{n_ponsel} ponsel di beranda")

            # 10-25: Sensus Kelas; the dashboard counts every answer.
            mulai = time.monotonic()
            buka_kartu(guru, alamat, KARTU["91"])
            isi_kotak(guru, "PIN guru", pin)
            tekan(guru, "Masuk")
            expect(guru.get_by_label("Kode kelas baru")).to_be_visible(timeout=AKSI)
            isi_kotak(guru, "Kode kelas baru", kelas_kode)
            tekan(guru, "Buat kelas")
            lihat(guru, f"Kelas {kelas_kode} dibuat")
            per_ponsel = []
            for ke, hp in enumerate(ponsel):
                t = time.monotonic()
                buka_kartu(hp, alamat, KARTU["90"])
                isi_sensus(hp, kelas_kode, jawaban_ponsel(ke))
                tekan(hp, "Kirim")
                lihat(hp, "Terima kasih! Jawabanmu sudah tersimpan")
                per_ponsel.append(time.monotonic() - t)
            tekan(guru, "Perbarui")
            expect(guru.locator(".literasi-ringkasan")).to_contain_text(
                f"Kelas {kelas_kode}: {n_ponsel} jawaban.", timeout=AKSI
            )
            potret_layar(guru, LAYAR, "kunjungan_dasbor", batas=2)
            per_ponsel.sort()
            jam.blok(
                "10–25 Sensus Kelas + dasbor",
                "15 mnt",
                mulai,
                f"satu ponsel: median {per_ponsel[len(per_ponsel) // 2]:.0f} s, "
                f"terlama {per_ponsel[-1]:.0f} s",
            )

            # 25-55: lesson 13 on the class's own data (the app was warmed before the survey).
            mulai = time.monotonic()
            hp = ponsel[0]
            buka_kartu(hp, alamat, KARTU["13"])
            expect(hp.get_by_role("status").filter(has_text="Kelas simulasi")).to_be_visible(
                timeout=AKSI
            )
            tekan(hp, "Perbarui")
            if n_ponsel < MIN_KELOMPOK:  # too few answers: the lesson says so and shows none
                lihat(hp, re.compile(rf"{kelas_kode}.*baru punya"))
            else:
                expect(
                    hp.get_by_text(f"{kelas_kode}: {n_ponsel} siswa sudah mengisi")
                ).to_be_attached(timeout=AKSI)
                tabel = hp.locator("table.literasi-tabel").first
                expect(tabel).to_contain_text(f"Kelas {kelas_kode}", timeout=AKSI)
                gulir_ke(hp, tabel, "the class's two-way table")
            potret_layar(hp, LAYAR, "kunjungan_13_data_kelas", batas=2)
            jam.blok("25–55 pelajaran 13, data kelas sendiri", "30 mnt", mulai, "satu ponsel")

            # 55-75: lesson 14, one citation written and checked.
            mulai = time.monotonic()
            from literasi.siswa.mencari_dan_mengutip_data_bps import daftar_soal

            hp = ponsel[1 % n_ponsel]
            buka_kartu(hp, alamat, KARTU["14"])
            kotak = hp.get_by_role("textbox", name="Kutipan soal 5")
            expect(kotak).to_be_visible(timeout=AKSI)
            gulir_ke(hp, kotak, "Kutipan soal 5")
            ketik(hp, kotak, daftar_soal()[4].jawaban_teks())
            judul = hp.get_by_role("heading", name="Soal 5", exact=True)
            kartu = hp.locator(".widget-vbox", has=judul).last
            periksa = kartu.get_by_role("button", name="Periksa")
            gulir_ke(hp, periksa, "Periksa")
            ketuk(hp, periksa, "Periksa")
            expect(kartu.locator(".literasi-umpan")).to_contain_text("Benar!", timeout=AKSI)
            jam.blok("55–75 pelajaran 14, satu kutipan", "20 mnt", mulai, "satu ponsel")

            # 75-90: the quiz: a built-in quiz, every phone joins, one question, the leaderboard.
            mulai = time.monotonic()
            buka_kartu(guru, alamat, KARTU["92"])
            isi_kotak(guru, "PIN guru", pin)
            tekan(guru, "Masuk")
            tekan(guru, "Buka ruang kuis")
            ruang = guru.get_by_text(re.compile(r"Kode ruang: \d{4}"))
            expect(ruang).to_be_visible(timeout=AKSI)
            kode = re.search(r"Kode ruang: (\d{4})", ruang.inner_text()).group(1)
            for ke, hp in enumerate(ponsel):
                hp.goto(f"{alamat}kuis?ruang={kode}")
                isi_kotak(hp, "Nama panggilan", f"Siswa{ke + 1}")
                tekan(hp, "Gabung")
                expect(hp.get_by_role("heading", name=f"Halo, Siswa{ke + 1}!")).to_be_visible(
                    timeout=AKSI
                )
            expect(guru.get_by_text(f"Sudah bergabung: {n_ponsel}")).to_be_visible(timeout=AKSI)
            tekan(guru, "Mulai soal 1")
            for hp in ponsel:
                expect(hp.get_by_text(re.compile(r"Soal 1 dari \d+"))).to_be_visible(timeout=AKSI)
                pilihan = hp.locator("#pilihan button")
                if pilihan.count():
                    gulir_ke(hp, pilihan.first, "the first option")
                    ketuk(hp, pilihan.first, "the first option")
                else:
                    isi_kotak(hp, "Jawabanmu (angka)", "1")
                    tekan(hp, "Kirim jawaban")
                expect(hp.get_by_text("Jawabanmu terkirim")).to_be_visible(timeout=AKSI)
            expect(guru.get_by_text(f"Jawaban masuk: {n_ponsel} dari {n_ponsel}")).to_be_visible(
                timeout=AKSI
            )
            tekan(guru, "Tutup soal sekarang")
            tekan(guru, "Papan skor")
            potret_layar(guru, LAYAR, "kunjungan_kuis_papan", batas=2)
            jam.blok("75–90 kuis: gabung, 1 soal, papan skor", "15 mnt", mulai, "semua ponsel")
            browser.close()
    return jam.tabel()


def main() -> None:
    p = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    p.add_argument("--ponsel", type=int, default=10, help="phones that fill the survey")
    p.add_argument("--kelas", default="XI-2", help="the class code the teacher creates")
    a = p.parse_args()
    print(jalan(a.ponsel, a.kelas))


if __name__ == "__main__":
    main()
