"""Kuis Kelas on the phones: one small page and one websocket, served by the workshop server.

A kernel per player (~140 MB) would not fit a hall of 150 phones on a laptop, so the players'
side has none: `literasi serve` registers these tornado handlers next to Voilà's (see
literasi.layanan.server `init_handlers`), and a player costs one websocket and a few kilobytes
in the server process. The teacher's side stays a Voilà app with a kernel
(literasi.kelas.kuis_kelas, behind the PIN); the two share the SQLite file of
literasi.kelas.kuis_penyimpanan:

- the server writes joins and answers (answers arriving together are written in one
  transaction, one disk sync for a burst) in one worker thread, so the event loop that also
  serves every Voilà page never waits for the disk;
- every 100 ms it reads `PRAGMA data_version` (microseconds); when the kernel has committed
  something (a question opened, closed and graded, the leaderboard shown) it reads the quiz's
  state once and sends each phone what it must show, only if that changed.

Nothing here can open or close a question or read the answers of others: that is only in
the kernel, behind the PIN. What one phone can cost is bounded: messages of at most 1 KB,
5 a second (bursts of 10), 10 connections per address and 1.000 in all (the light-page base
these handlers share with the session feedback: literasi.kelas.halaman_ringan), 300 players
a quiz.
"""

from __future__ import annotations

import asyncio
import logging
import os
import re
import time
from pathlib import Path

from tornado.ioloop import IOLoop, PeriodicCallback

from literasi.angka import BukanAngka, baca_angka
from literasi.kelas import kuis_penyimpanan as kp
from literasi.kelas.halaman_ringan import (
    MAKS_KONEKSI,
    MAKS_PER_IP,
    HalamanRingan,
    KoneksiPonsel,
    PusatPonsel,
)
from literasi.kelas.kuis_aturan import (
    BERKAS_KATA_KASAR,
    NamaDitolak,
    aturan_poin,
    baca_kata_kasar,
    rapikan_nama,
)
from literasi.kelas.penyimpanan import versi_data

log = logging.getLogger("literasi.kuis")

HALAMAN = Path(__file__).with_name("kuis_pemain.html")
JALUR = "/kuis"  # the player page, below the server's root
ENV_JALUR = "LITERASI_KUIS_JALUR"  # set for the host kernel by umumkan_ke_kernel
__all__ = ["MAKS_KONEKSI", "MAKS_PER_IP"]  # the limits, from literasi.kelas.halaman_ringan
MAKS_COBA_GABUNG = 20  # join attempts per connection (refused nicknames)
PERIKSA_MS = 100  # how often the server looks for the teacher's changes
JEDA_TULIS = 0.03  # answers arriving within this many seconds are written together
PANJANG_JAWABAN = 40
_KUNCI_SAH = re.compile(r"[A-Za-z0-9_-]{8,64}")


def pesan_keadaan(snap: dict, pemain: int, kini: float) -> dict:
    """What one phone must show, from a snapshot of its quiz (kuis_penyimpanan.keadaan).

    The answer of an open question is never in it; after the question closes the phone gets
    its own result, the right answer and the explanation; then its rank.
    """
    s = snap["sesi"]
    tahap = "arsip" if s["diarsipkan"] else s["tahap"]
    skor = snap["skor"].get(pemain)
    pesan = {
        "t": "keadaan",
        "tahap": tahap,
        "judul": s["judul"],
        "ruang": s["kode_ruang"],
        "banyak_soal": snap["banyak_soal"],
        "poin": skor.poin if skor else 0,
    }
    soal = snap["soal"]
    if soal and tahap in ("soal", "tutup"):
        pesan["soal"] = {
            k: soal[k] for k in ("nomor", "jenis", "pertanyaan", "pilihan", "catatan", "detik")
        }
        milik = snap["jawaban"].get(pemain)
        pesan["jawabanku"] = milik["jawaban"] if milik else None
        if tahap == "soal":
            pesan["sisa_ms"] = max(0, int((s["batas"] - kini) * 1000))
        else:
            pesan["hasil"] = {
                "menjawab": milik is not None,
                "benar": bool(milik and milik["benar"]),
                "poin": (milik or {}).get("poin") or 0,
                "jawaban_benar": soal["jawaban_teks"],
                "penjelasan": soal["penjelasan"],
            }
    if tahap in ("papan", "selesai", "arsip") or (tahap == "tutup" and skor):
        pesan["peringkat"] = skor.peringkat if skor else None
        pesan["banyak_pemain"] = len(snap["skor"])
    return pesan


class PusatKuis(PusatPonsel):
    """The server-side state of every quiz: who is connected, and one DB worker thread."""

    def __init__(self, path: str | Path | None = None):
        super().__init__(kp.sambung, path, "kuis-db")
        self._versi: int | None = None
        self._memeriksa = False
        self._penjaga: PeriodicCallback | None = None
        self._antrean: list = []
        self._terjadwal = False
        self._snap: dict[int, dict] = {}
        self._kata: tuple = ((), frozenset())

    def kata_kasar(self) -> frozenset[str]:
        """The package's list plus the teacher's own (data folder), re-read when edited."""
        berkas = (BERKAS_KATA_KASAR, kp.path_db().with_name("kuis_kata_kasar.txt"))
        cap = tuple(p.stat().st_mtime if p.is_file() else None for p in berkas)
        if cap != self._kata[0]:
            self._kata = (cap, baca_kata_kasar(*berkas))
        return self._kata[1]

    # Connections: the teacher's changes are polled while a phone is connected
    def masuk(self, k: KoneksiPemain) -> None:
        super().masuk(k)
        if self._penjaga is None:
            self._penjaga = PeriodicCallback(self._periksa, PERIKSA_MS)
            self._penjaga.start()

    def keluar(self, k: KoneksiPemain) -> None:
        super().keluar(k)
        if not self.koneksi and self._penjaga is not None:
            self._penjaga.stop()  # no phone, no polling
            self._penjaga = None

    # Broadcasting the teacher's changes
    async def _periksa(self) -> None:
        if self._memeriksa:
            return
        self._memeriksa = True
        try:
            versi = await self.db(versi_data)
            if versi != self._versi:
                self._versi = versi
                for sesi in {k.pemain["sesi"] for k in self.koneksi if k.pemain}:
                    await self.kirim_keadaan(sesi)
        except Exception as e:  # noqa: BLE001 - the next tick tries again
            log.error("Kuis Kelas: gagal membaca keadaan kuis (%s)", e)
        finally:
            self._memeriksa = False

    async def kirim_keadaan(self, sesi: int, hanya: KoneksiPemain | None = None) -> None:
        snap = await self.db(kp.keadaan, sesi)
        self._snap[sesi] = snap
        kini = time.time()
        for k in [hanya] if hanya else list(self.koneksi):
            if k.pemain and k.pemain["sesi"] == sesi:
                k.kirim_jika_berubah(pesan_keadaan(snap, k.pemain["id"], kini))

    # Answers: written in groups
    def antre_jawaban(self, kiriman: dict) -> asyncio.Future:
        hasil = asyncio.get_running_loop().create_future()
        self._antrean.append((kiriman, hasil))
        if not self._terjadwal:
            self._terjadwal = True
            IOLoop.current().call_later(JEDA_TULIS, self._tulis)
        return hasil

    async def _tulis(self) -> None:
        self._terjadwal = False
        antrean, self._antrean = self._antrean, []
        try:
            semua = await self.db(kp.simpan_jawaban, [k for k, _ in antrean])
        except Exception as e:  # noqa: BLE001 - each phone is told and resends the same key
            log.error("Kuis Kelas: gagal menyimpan jawaban (%s)", e)
            semua = [("gagal", "Jawaban belum tersimpan. Coba kirim lagi.")] * len(antrean)
        for (_, f), h in zip(antrean, semua, strict=True):
            if not f.done():
                f.set_result(h)


class KoneksiPemain(KoneksiPonsel):
    """One phone. Messages are small JSON objects: gabung, lanjut, jawab (see kuis_pemain.html);
    at most 1 KB (the longest is a nickname or an answer)."""

    nama = "Kuis Kelas"
    log = log

    def initialize(self, pusat: PusatKuis):
        super().initialize(pusat)
        self.pemain: dict | None = None
        self._coba_gabung = 0
        self._terakhir = None

    def kirim_jika_berubah(self, pesan: dict) -> None:
        banding = {k: v for k, v in pesan.items() if k != "sisa_ms"}
        if banding != self._terakhir:
            self._terakhir = banding
            self.kirim(pesan)

    async def tangani(self, jenis, pesan: dict) -> None:
        if jenis == "gabung":
            await self._gabung(pesan)
        elif jenis == "lanjut":
            await self._lanjut(pesan)
        elif jenis == "jawab":
            await self._jawab(pesan)

    async def _gabung(self, pesan: dict) -> None:
        if self.pemain:
            return self.kirim({"t": "galat", "pesan": "Kamu sudah bergabung."})
        self._coba_gabung += 1
        if self._coba_gabung > MAKS_COBA_GABUNG:
            self.close(1008, "terlalu banyak percobaan")
            return
        try:
            nama = rapikan_nama(str(pesan.get("nama", ""))[:64], self.pusat.kata_kasar())
            pemain = await self.pusat.db(kp.gabung, str(pesan.get("ruang", ""))[:12], nama)
        except (NamaDitolak, kp.TolakKuis) as e:
            medan = "nama" if isinstance(e, NamaDitolak) or "Nama" in str(e) else "ruang"
            return self.kirim({"t": "galat", "medan": medan, "pesan": str(e)})
        await self._mulai(pemain)

    async def _lanjut(self, pesan: dict) -> None:
        token = str(pesan.get("token", ""))
        pemain = None
        if not self.pemain and _KUNCI_SAH.fullmatch(token):
            pemain = await self.pusat.db(kp.pemain_dari_token, token)
        if pemain is None:
            return self.kirim({"t": "lupa"})  # the phone forgets the token and shows the form
        await self._mulai(pemain)

    async def _mulai(self, pemain: dict) -> None:
        self.pemain = pemain
        self._terakhir = None
        # A fresh read, not the hub's cache: the cache follows the teacher's changes, and this
        # phone may have answered (a write of this process) just before it reloaded.
        snap = await self.pusat.db(kp.keadaan, pemain["sesi"])
        self.kirim(
            {
                "t": "masuk",
                "token": pemain["token"],
                "nama": pemain["nama"],
                "aturan": aturan_poin(snap["banyak_soal"]),
            }
        )
        self.kirim_jika_berubah(pesan_keadaan(snap, pemain["id"], time.time()))

    async def _jawab(self, pesan: dict) -> None:
        diterima = time.time()  # speed counts from here, not from when the disk is written
        if not self.pemain:
            return self.kirim({"t": "lupa"})
        nomor, jawaban, kunci = pesan.get("nomor"), pesan.get("jawaban"), pesan.get("kunci")
        if not (isinstance(nomor, int) and isinstance(jawaban, str) and isinstance(kunci, str)):
            return
        if not _KUNCI_SAH.fullmatch(kunci) or len(jawaban) > PANJANG_JAWABAN:
            return
        snap = self.pusat._snap.get(self.pemain["sesi"])  # noqa: SLF001
        soal = snap and snap["soal"]
        if not soal or soal["nomor"] != nomor:
            return self.kirim(
                {"t": "galat", "nomor": nomor, "pesan": "Soal ini tidak sedang dibuka."}
            )
        if soal["jenis"] == "angka":
            try:
                baca_angka(jawaban)
            except BukanAngka as e:
                return self.kirim({"t": "galat", "nomor": nomor, "pesan": str(e)})
            teks = " ".join(jawaban.split())
        else:
            if not jawaban.isdigit() or int(jawaban) >= len(soal["pilihan"]):
                return
            teks = soal["pilihan"][int(jawaban)]
        status, isi = await self.pusat.antre_jawaban(
            {
                "pemain": self.pemain["id"],
                "sesi": self.pemain["sesi"],
                "nomor": nomor,
                "jawaban": teks,
                "kunci_kirim": kunci,
                "diterima": diterima,
            }
        )
        if status in ("baru", "sama", "sudah"):
            self.kirim({"t": "diterima", "nomor": nomor, "jawaban": isi, "status": status})
        else:
            self.kirim({"t": "galat", "nomor": nomor, "pesan": isi, "status": status})


def umumkan_ke_kernel() -> None:
    """Tell the kernels this server starts (before the first one starts: preheated kernels copy
    the environment early) that phones can join at /kuis; the host view shows the link and QR
    code only then (on Binder or JupyterHub there is no player page)."""
    os.environ[ENV_JALUR] = JALUR


def rute_kuis(server_url: str, pusat: PusatKuis | None = None) -> list[tuple]:
    """The player page (/kuis) and its websocket (/kuis/ws), for the workshop server."""
    awal = server_url.rstrip("/") + JALUR
    pusat = pusat or PusatKuis()
    return [
        (awal + "/?", HalamanRingan, {"berkas": HALAMAN}),
        (awal + "/ws", KoneksiPemain, {"pusat": pusat}),
    ]
