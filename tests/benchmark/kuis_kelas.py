"""Kuis Kelas benchmark (issue 18): can one laptop hold a hall of phones in a live quiz?

    .venv/bin/python tests/benchmark/kuis_kelas.py [--ponsel 40 150] [--soal 3] [--json FILE]

Not a test (no timed asserts): it prints a table. For each hall size N it starts a fresh
`literasi serve --pelajaran 92 --kolam 1` on 127.0.0.1 (loopback only), opens the host view in
Chromium at 1280×800 (the real Voilà app and its kernel), opens a room with the built-in quiz
"Membaca grafik", and connects N simulated phones: websocket clients that speak the player page's
protocol (literasi/kelas/kuis_pemain.html), each from its own loopback address 127.0.x.y as
phones on a Wi-Fi each have their own, with the page's 5-second heartbeat. They join within 5 s;
then, for each of --soal questions, the host clicks "Mulai soal k", every phone answers at a
seeded random moment within 2 s of seeing the question, and the host clicks "Tutup soal
sekarang" once all answers are on its screen.

Measured:
- memory per player: the server process's RSS and USS after the phones joined and answered,
  minus before they came, divided by N (a kernel per player would be about 140 MB);
- open → phones: from the host's click (recorded in the page) to each phone receiving the
  question;
- answer → host chart: from a phone sending its answer to the host page showing a count that
  includes it (a MutationObserver on the chart; answers ranked by when the server acknowledged);
- close → phones: from the click on "Tutup soal sekarang" to each phone receiving its result.
The simulated phones run in this process, on the same 2 cores as the server, the kernel and
Chromium: real phones would not take that CPU, so the figures lean pessimistic.
"""

from __future__ import annotations

import argparse
import asyncio
import json
import os
import random
import re
import shutil
import signal
import sys
import tempfile
import time
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent))
import ruang_kelas as rk  # noqa: E402 - the classroom benchmark's server and table helpers

REPO = rk.REPO
APLIKASI = "kelas/92_kuis_kelas.ipynb"
KUIS = "Membaca grafik"  # built-in; its first questions are multiple choice
JEDA_JAWAB = 2.0  # every phone answers within this many seconds of seeing the question
JEDA_GABUNG = 5.0  # the hall scans the QR code within this many seconds
DETAK = 5.0  # the player page's heartbeat
BATAS = 60.0  # seconds before a wait counts as an error
TARGET_MS = 1000


def alamat_ponsel(i: int) -> str:
    """Phone i's own loopback source address: 127.0.1.1, 127.0.1.2, … (the server allows 10
    connections per address, as for phones on a Wi-Fi)."""
    return f"127.0.{1 + i // 250}.{1 + i % 250}"


def ms(nilai: list[float], p: float) -> float | None:
    x = rk.persentil(nilai, p)
    return None if x is None else x * 1000


class Ponsel:
    """One simulated phone: joins, receives questions, answers once, receives its result."""

    def __init__(self, i: int, url_ws: str, sesi: str):
        self.i, self.url_ws, self.sesi = i, url_ws, sesi
        self.masuk = asyncio.Event()
        self.soal: dict[int, tuple[float, dict]] = {}  # question -> (received at, message)
        self.ada_soal: dict[int, asyncio.Event] = {}
        self.hasil: dict[int, float] = {}
        self.kirim_jawaban: dict[int, float] = {}
        self.diterima: dict[int, float] = {}
        self.galat: list[str] = []
        self.ws = None

    def acara_soal(self, nomor: int) -> asyncio.Event:
        return self.ada_soal.setdefault(nomor, asyncio.Event())

    async def sambung(self) -> None:
        from tornado.httpclient import HTTPRequest
        from tornado.websocket import websocket_connect

        permintaan = HTTPRequest(self.url_ws, network_interface=alamat_ponsel(self.i))
        self.ws = await websocket_connect(permintaan)
        self._baca = asyncio.ensure_future(self.baca())
        self._detak = asyncio.ensure_future(self.detak())

    async def baca(self) -> None:
        while True:
            pesan = await self.ws.read_message()
            if pesan is None:
                return
            t = time.time()
            p = json.loads(pesan)
            if p["t"] == "masuk":
                self.masuk.set()
            elif p["t"] == "keadaan" and p.get("soal"):
                nomor = p["soal"]["nomor"]
                if p["tahap"] == "soal" and nomor not in self.soal:
                    self.soal[nomor] = (t, p)
                    self.acara_soal(nomor).set()
                elif p["tahap"] == "tutup" and "hasil" in p:
                    self.hasil.setdefault(nomor, t)
            elif p["t"] == "diterima":
                self.diterima.setdefault(p["nomor"], t)
            elif p["t"] == "galat":
                self.galat.append(p["pesan"])

    async def detak(self) -> None:
        await asyncio.sleep(random.uniform(0, DETAK))
        while True:
            self.ws.write_message(json.dumps({"t": "detak"}))
            await asyncio.sleep(DETAK)

    async def gabung(self, kode: str, jeda: float) -> None:
        await asyncio.sleep(jeda)
        await self.sambung()
        await self.ws.write_message(
            json.dumps({"t": "gabung", "ruang": kode, "nama": f"HP {self.i}"})
        )
        await asyncio.wait_for(self.masuk.wait(), BATAS)

    async def jawab(self, nomor: int, acak: random.Random) -> None:
        jeda = acak.uniform(0, JEDA_JAWAB)
        await asyncio.wait_for(self.acara_soal(nomor).wait(), BATAS)
        tiba, p = self.soal[nomor]
        await asyncio.sleep(max(0.0, tiba + jeda - time.time()))
        pilihan = acak.randrange(len(p["soal"]["pilihan"]))
        self.kirim_jawaban[nomor] = time.time()
        kunci = f"{self.sesi}-ponsel{self.i:04d}-soal{nomor:02d}"  # as random as the page's
        await self.ws.write_message(
            json.dumps({"t": "jawab", "nomor": nomor, "jawaban": str(pilihan), "kunci": kunci})
        )

    def tutup(self) -> None:
        for tugas in (getattr(self, "_baca", None), getattr(self, "_detak", None)):
            if tugas:
                tugas.cancel()
        if self.ws:
            self.ws.close()


PENGAMAT = """() => {
  window.__klik = [];
  window.__grafik = [];
  document.addEventListener('click', e => {
    const t = e.target.closest('button');
    if (t) window.__klik.push([Date.now(), t.textContent.trim()]);
  }, true);
  const lihat = () => {
    for (const img of document.querySelectorAll('figure.literasi-grafik img')) {
      const m = /^Soal (\\d+): (\\d+) dari (\\d+)/.exec(img.alt);
      const akhir = window.__grafik[window.__grafik.length - 1];
      if (m && (!akhir || akhir[1] !== +m[1] || akhir[2] !== +m[2]))
        window.__grafik.push([Date.now(), +m[1], +m[2]]);
    }
  };
  new MutationObserver(lihat).observe(document.body, {subtree: true, childList: true,
                                                     attributes: true, attributeFilter: ['alt']});
}"""


async def satu_aula(n: int, banyak_soal: int, tmp: Path, seed: int) -> dict:
    """One fresh server, one host page, N phones, `banyak_soal` questions."""
    import psutil
    from playwright.async_api import async_playwright

    port = rk.port_bebas()
    perintah = [sys.executable, "-m", "literasi", "serve", "--ip", rk.IP, "--port", str(port),
                "--pelajaran", "92", "--kolam", "1"]  # fmt: skip
    tmp = tmp / f"aula_{n}"  # a fresh data folder: nothing left from the previous size
    tmp.mkdir()
    server = rk.Server(f"kuis_{n}", perintah, port, tmp, REPO)
    ponsel: list[Ponsel] = []
    hasil = {"n": n, "galat": []}
    try:
        server.tunggu_siap()
        server.tunggu_kolam(1)
        proses = psutil.Process(server.proses.pid)
        async with async_playwright() as p:
            browser = await p.chromium.launch(executable_path=rk.CHROMIUM, args=rk.CHROMIUM_ARGS)
            guru = await browser.new_page(viewport={"width": 1280, "height": 800})
            await guru.goto(server.url + "voila/render/" + APLIKASI, timeout=BATAS * 1000)
            pilih = guru.get_by_role("combobox", name="Kuis", exact=True)
            await pilih.wait_for(timeout=BATAS * 1000)
            await pilih.select_option(label=KUIS)
            await guru.get_by_role("button", name="Buka ruang kuis").click()
            ruang = guru.get_by_text(re.compile(r"Kode ruang: \d{4}"))
            await ruang.wait_for(timeout=BATAS * 1000)
            kode = re.search(r"Kode ruang: (\d{4})", await ruang.inner_text()).group(1)
            await guru.evaluate(PENGAMAT)
            await asyncio.sleep(2)
            sebelum = proses.memory_full_info()

            # The hall joins.
            url_ws = f"ws://{rk.IP}:{port}/kuis/ws"
            ponsel = [Ponsel(i, url_ws, f"n{n}r{kode}") for i in range(n)]
            acak = random.Random(seed + n)
            gabung = await asyncio.gather(
                *(h.gabung(kode, acak.uniform(0, JEDA_GABUNG)) for h in ponsel),
                return_exceptions=True,
            )
            hasil["galat"] += [f"gabung: {type(g).__name__}" for g in gabung if g]
            await guru.get_by_text(f"Sudah bergabung: {n}").wait_for(timeout=BATAS * 1000)

            buka, jawab, tutup, rinci = (
                [],
                [],
                [],
                [],
            )  # rinci: (question, sent after open, latency)
            for nomor in range(1, banyak_soal + 1):
                tugas = [asyncio.ensure_future(h.jawab(nomor, acak)) for h in ponsel]
                # (the accessible name starts with the icon's glyph)
                mulai = guru.get_by_role("button", name=re.compile(rf"Mulai soal {nomor}$"))
                await mulai.click()
                selesai = await asyncio.gather(*tugas, return_exceptions=True)
                hasil["galat"] += [f"soal {nomor}: {type(g).__name__}" for g in selesai if g]
                akhir = time.monotonic() + BATAS  # every answer acknowledged, then on screen
                while time.monotonic() < akhir and any(nomor not in h.diterima for h in ponsel):
                    await asyncio.sleep(0.05)
                diterima = sum(1 for h in ponsel if nomor in h.diterima)
                masuk = guru.get_by_text(f"Jawaban masuk: {diterima} dari {n}")
                try:
                    await masuk.wait_for(timeout=BATAS * 1000)
                except Exception:  # noqa: BLE001 - reported in the table
                    terakhir = (await guru.evaluate("window.__grafik"))[-3:]
                    hasil["galat"].append(
                        f"soal {nomor}: guru tidak melihat {diterima} jawaban (terakhir: "
                        f"{terakhir}, sekarang {time.time() * 1000:.0f})"
                    )
                await asyncio.sleep(0.5)
                tutup_sekarang = guru.get_by_role("button", name="Tutup soal sekarang")
                if await tutup_sekarang.count():  # (the timer may have closed it already)
                    await tutup_sekarang.click()
                akhir = time.monotonic() + BATAS
                while time.monotonic() < akhir and any(nomor not in h.hasil for h in ponsel):
                    await asyncio.sleep(0.1)
                klik = await guru.evaluate("window.__klik")
                t_buka = [t / 1000 for t, teks in klik if teks == f"Mulai soal {nomor}"][-1]
                t_tutup = [t / 1000 for t, teks in klik if teks == "Tutup soal sekarang"]
                buka += [h.soal[nomor][0] - t_buka for h in ponsel if nomor in h.soal]
                if t_tutup:
                    tutup += [h.hasil[nomor] - t_tutup[-1] for h in ponsel if nomor in h.hasil]
                # Answer -> chart: the k-th acknowledged answer is on the chart once it counts k.
                grafik = [(t / 1000, c) for t, s, c in await guru.evaluate("window.__grafik")
                          if s == nomor]  # fmt: skip
                urut = sorted((h.diterima[nomor], h.kirim_jawaban[nomor]) for h in ponsel
                              if nomor in h.diterima)  # fmt: skip
                for k, (_, kirim) in enumerate(urut, start=1):
                    tampil = next((t for t, c in grafik if c >= k), None)
                    if tampil is None:
                        hasil["galat"].append(f"soal {nomor}: jawaban ke-{k} tidak tampil")
                    else:
                        jawab.append(tampil - kirim)
                        rinci.append((nomor, round(kirim - t_buka, 3), round(tampil - kirim, 3)))
                hilang = sum(1 for h in ponsel if nomor not in h.diterima)
                if hilang:
                    hasil["galat"].append(f"soal {nomor}: {hilang} jawaban tanpa tanda terima")
                if nomor < banyak_soal:
                    await guru.get_by_role("button", name="Papan skor").click()
                    await guru.get_by_text("Papan skor: 5 teratas").wait_for(timeout=BATAS * 1000)
            sesudah = proses.memory_full_info()
            await browser.close()
        hasil.update(
            rss_kb_per_pemain=(sesudah.rss - sebelum.rss) / 1024 / n,
            uss_kb_per_pemain=(sesudah.uss - sebelum.uss) / 1024 / n,
            rss_server_mb=sesudah.rss / rk.MB,
            buka=buka,
            jawab=jawab,
            tutup=tutup,
            jawab_rinci=rinci,
            galat_ponsel=sorted({g for h in ponsel for g in h.galat}),
        )
    finally:
        for h in ponsel:
            h.tutup()
        server.stop()
    return hasil


def cetak(mesin: dict, hasil: list[dict], perintah: str) -> str:
    judul = ["ponsel", "RSS server MB", "memori/pemain RSS KB", "USS KB",
             "buka→ponsel p50 ms", "p95", "jawab→grafik guru p50 ms", "p95",
             "tutup→hasil p95 ms", "galat"]  # fmt: skip
    isi = []
    for h in hasil:
        if "buka" not in h:
            isi.append([h["n"], *["—"] * 8, "; ".join(h["galat"])[:60]])
            continue
        isi.append(
            [
                h["n"],
                rk.fmt(h["rss_server_mb"], 0),
                rk.fmt(h["rss_kb_per_pemain"], 0),
                rk.fmt(h["uss_kb_per_pemain"], 0),
                rk.fmt(ms(h["buka"], 50), 0),
                rk.fmt(ms(h["buka"], 95), 0),
                rk.fmt(ms(h["jawab"], 50), 0),
                rk.fmt(ms(h["jawab"], 95), 0),
                rk.fmt(ms(h["tutup"], 95), 0),
                len(h["galat"]) + len(h["galat_ponsel"]),
            ]
        )
    return (
        f"Perintah: {perintah}\n"
        f"Mesin: {mesin['cpu']} CPU, RAM {mesin['ram_total_mb']:.0f} MB, load average awal "
        f"{mesin['load_awal']}, akhir {mesin['load_akhir']}; Voilà {mesin['voila']}\n\n"
        f"Kuis Kelas: N ponsel menjawab dalam {JEDA_JAWAB:.0f} s setelah soal dibuka "
        f"(target p95 < {TARGET_MS} ms; satu kernel per pemain ≈ 140 MB = 143.360 KB)\n"
        + rk.tabel_teks(judul, isi)
    )


async def jalankan(c, tmp: Path) -> list[dict]:
    hasil = []
    for n in c.ponsel:
        rk.log(f"{n} ponsel …")
        try:
            hasil.append(await satu_aula(n, c.soal, tmp, c.seed))
        except Exception as e:  # noqa: BLE001 - the next size still runs; the table says why
            hasil.append({"n": n, "galat": [f"{type(e).__name__}: {e}"[:200]]})
        rk.log(f"{n} ponsel: selesai")
    return hasil


def main(argv: list[str] | None = None) -> int:
    ap = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    ap.add_argument("--ponsel", type=int, nargs="+", default=[40, 150], metavar="N")
    ap.add_argument("--soal", type=int, default=3, help="questions per run (1–6)")
    ap.add_argument("--seed", type=int, default=2026, help="answer times and choices")
    ap.add_argument("--json", type=Path, help="write the raw results here")
    c = ap.parse_args(argv)
    signal.signal(signal.SIGTERM, signal.default_int_handler)
    mesin = rk.info_mesin()
    tmp = Path(tempfile.mkdtemp(prefix="kuis_kelas_"))
    hasil = []
    try:
        hasil = asyncio.run(jalankan(c, tmp))
    finally:
        mesin["load_akhir"] = [round(x, 2) for x in os.getloadavg()]
        perintah = " ".join(
            [".venv/bin/python", "tests/benchmark/kuis_kelas.py", *(argv or sys.argv[1:])]
        )
        print(cetak(mesin, hasil, perintah))
        for h in hasil:
            for g in h["galat"] + h.get("galat_ponsel", []):
                print(f"  galat ({h['n']} ponsel): {g}")
        if c.json:
            c.json.write_text(json.dumps({"mesin": mesin, "hasil": hasil}, indent=1))
        shutil.rmtree(tmp, ignore_errors=True)
    return 0


if __name__ == "__main__":
    sys.exit(main())
