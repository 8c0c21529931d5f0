"""Umpan Balik Sesi, the phone's side: a light page (/umpan) and its websocket (/umpan/ws),
served by the workshop server itself like Kuis Kelas's player page (no kernel per phone; the
shared base is literasi.kelas.halaman_ringan).

The page sends two kinds of message: `buka` (a session code: the server answers with the
questionnaire, or why the code is refused) and `kirim` (six scores and the open answer: the
server stores them through literasi.kelas.umpan_angket and says "diterima", or names the
question to fix). The phone is known by its `ponsel` cookie (literasi.kelas.ponsel), which the
page sets when the browser has none; the websocket reads it from its handshake, so the key
never passes through the page's script. Nothing here reads the answers: that is only in the
facilitator's kernel, behind the PIN.
"""

from __future__ import annotations

import logging
import os
from pathlib import Path

from literasi.kelas import ponsel
from literasi.kelas import umpan_angket as ua
from literasi.kelas.halaman_ringan import HalamanRingan, KoneksiPonsel, PusatPonsel

log = logging.getLogger("literasi.umpan")
HALAMAN = Path(__file__).with_name("umpan_ponsel.html")
JALUR = "/umpan"
ENV_JALUR = "LITERASI_UMPAN_JALUR"  # set for the kernels by umumkan_ke_kernel


class HalamanUmpan(HalamanRingan):
    """The questionnaire page; gives the browser a phone key if it has none."""

    def siapkan(self) -> None:
        ponsel.kunci_beranda(self)  # the cookie the websocket reads (and no-store)


class KoneksiUmpan(KoneksiPonsel):
    """One phone. Messages of at most 4 KB (the open answer: 500 characters, UTF-8)."""

    maks_pesan = 4096
    nama = "Umpan Balik Sesi"
    log = log

    def initialize(self, pusat: PusatPonsel):
        super().initialize(pusat)
        kunci = self.get_cookie(ponsel.NAMA)
        self.kunci = kunci if ponsel.sah(kunci) else None

    async def tangani(self, jenis, pesan: dict) -> None:
        if jenis == "buka":
            await self._buka(pesan)
        elif jenis == "kirim":
            await self._kirim(pesan)

    def _galat(self, e: ua.TolakUmpan) -> None:
        self.kirim({"t": "galat", "medan": e.medan, "pesan": str(e)})

    async def _buka(self, pesan: dict) -> None:
        try:
            sesi = await self.pusat.db(ua.cari_sesi, pesan.get("kode"))
        except ua.TolakUmpan as e:
            return self._galat(e)
        sudah = bool(self.kunci) and await self.pusat.db(ua.sudah_menjawab, sesi["id"], self.kunci)
        self.kirim(
            {"t": "angket", "kode": sesi["kode"], "sudah": sudah} | ua.angket_untuk_ponsel(sesi)
        )

    async def _kirim(self, pesan: dict) -> None:
        try:
            status = await self.pusat.db(
                ua.simpan_jawaban,
                pesan.get("kode"),
                self.kunci,
                pesan.get("skor"),
                pesan.get("saran"),
            )
        except ua.TolakUmpan as e:
            return self._galat(e)
        self.kirim({"t": "diterima", "status": status})


def umumkan_ke_kernel() -> None:
    """Tell the kernels this server starts that phones can answer at /umpan (the facilitator's
    view shows the link and QR code only then)."""
    os.environ[ENV_JALUR] = JALUR


def rute_umpan(server_url: str, pusat: PusatPonsel | None = None) -> list[tuple]:
    """The questionnaire page (/umpan) and its websocket (/umpan/ws), for the workshop server."""
    awal = server_url.rstrip("/") + JALUR
    pusat = pusat or PusatPonsel(ua.sambung, None, "umpan-db")
    return [
        (awal + "/?", HalamanUmpan, {"berkas": HALAMAN}),
        (awal + "/ws", KoneksiUmpan, {"pusat": pusat}),
    ]
