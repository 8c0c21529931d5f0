"""A teacher's view looking at its SQLite file again and again, on the kernel's event loop.

Phones answer through the workshop server (no kernel), so the projector's kernel learns of new
answers only by looking: Kuis Kelas every quarter second (its countdown), Umpan Balik Sesi every
two seconds. SQLite's `PRAGMA data_version` tells, in microseconds, whether another connection
committed since the last look, so a look that finds nothing new costs nothing. With the
workshop server (`--lan`, the only way phones reach the laptop) these views open behind the
teacher's PIN, so the loop starts in the kernel the teacher uses, not in a preheated one.
"""

from __future__ import annotations

import asyncio
import logging
from collections.abc import Callable

LOG = logging.getLogger(__name__)


class Detak:
    """Calls `langkah()` every `detik` seconds while `hidup()` is true; an error in one step is
    logged with its traceback and shown through `saat_gagal(exc)`, and the loop goes on (the
    room must not stop for one bad read). In plain Python, with no running event loop,
    `mulai()` does nothing: tests call `langkah()` themselves."""

    def __init__(
        self,
        langkah: Callable[[], None],
        detik: float,
        hidup: Callable[[], bool],
        saat_gagal: Callable[[Exception], None],
    ):
        self.langkah, self.detik, self.hidup, self.saat_gagal = langkah, detik, hidup, saat_gagal
        self.tugas: asyncio.Task | None = None

    def mulai(self) -> None:
        try:
            loop = asyncio.get_running_loop()
        except RuntimeError:
            return
        if self.tugas is None or self.tugas.done():
            self.tugas = loop.create_task(self._jalan())

    async def _jalan(self) -> None:
        while self.hidup():
            try:
                self.langkah()
            except Exception as e:  # noqa: BLE001 - the loop keeps the room running
                LOG.exception("Gangguan membaca data")
                self.saat_gagal(e)
            await asyncio.sleep(self.detik)
