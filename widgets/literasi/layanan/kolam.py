"""Preheated kernel pools that hold a classroom: sized from memory, refilled when the room is quiet.

Voilà keeps a pool of kernels that have already run a notebook, so a phone gets a ready page in
about 0,1 s. But Voilà refills the pool 1 s after each page it serves and starts every refill at
once: when 40 phones arrive within 10 s, 40 new kernels (about 1,8 CPU-seconds each) start on
the same 2 cores that must answer those phones, and the phones wait (tests/benchmark/README.md).

Here a pool is refilled when no page has been taken from any pool for `JEDA_SEPI` seconds, or
at once when it is nearly empty (fewer than `SIAP_MINIMUM` ready kernels), one kernel at a time
and only while memory allows. A phone that arrives when its pool is empty gets the next kernel
at once, ahead of background refills.
"""

from __future__ import annotations

import asyncio
import os
import time

from literasi.layanan import voila_dalam

# One kernel of a kit app is about 140 MB RSS (tests/benchmark/README.md; pandas + matplotlib +
# ipywidgets).
MB_PER_KERNEL = 140
# Memory kept free for the teacher's own browser and projector, the system and the server.
CADANGAN_MB = 1024
# A pool is refilled after this many seconds without a page taken from any pool.
JEDA_SEPI = 20.0
# A pool with fewer ready kernels than this is refilled without waiting for a quiet room.
SIAP_MINIMUM = 2
KELAS_BAWAAN = 40  # students in a class, when the teacher does not say


def memori_tersedia_mb() -> float:
    import psutil

    return psutil.virtual_memory().available / 2**20


def ukuran_kolam_otomatis(n_aplikasi: int, siswa: int, tersedia_mb: float) -> int:
    """Kernels to warm for each of today's apps: one per student, as far as memory allows.

    Refills are guarded by memory too (see PengelolaKolam), so this bounds the warm start only.
    """
    if n_aplikasi <= 0:
        return 0
    muat = int((tersedia_mb - CADANGAN_MB) // MB_PER_KERNEL) // n_aplikasi
    return max(1, min(siswa, muat))


def buat_pengelola_kolam(kelas_voila: type, jeda_sepi: float = JEDA_SEPI) -> type:
    """Subclass of the kernel manager class that Voilà's factory made (it has the pools)."""

    class PengelolaKolam(kelas_voila):
        def __init__(self, **kwargs):
            self._terakhir_diambil = float("-inf")  # time.monotonic() of the last page served
            self._mendesak: set[asyncio.Task] = set()  # pool fills a phone is waiting for
            self._antre: set[asyncio.Task] = set()  # pool fills not started yet
            self._sedang_dipanaskan = 0
            self._mulai = time.monotonic()
            self._sudah_siap = False  # told the teacher that today's apps are ready
            super().__init__(**kwargs)  # Voilà's __init__ queues the first fill of every pool

        async def get_rendered_notebook(self, notebook_name: str, *args, **kwargs):
            self._terakhir_diambil = time.monotonic()
            kolam = voila_dalam.kolam_kernel(self).get(notebook_name) or []
            if kolam and kolam[0] in self._antre:
                self._mendesak.add(kolam[0])  # this phone waits: start that kernel first
            hasil = await super().get_rendered_notebook(notebook_name, *args, **kwargs)
            from literasi.layanan.penjaga import PENCATAT

            PENCATAT.serahkan(voila_dalam.kernel_halaman(hasil))  # this page's
            return hasil

        # Voilà's private pool fill (voila_dalam.ISI_KOLAM; its shape is checked by
        # tests/unit/test_voila_dalam.py).
        async def _initialize(self, notebook_path: str, kernel_id: str | None = None, **kwargs):
            if kernel_id is not None:  # a restart, not a pool fill
                return await super()._initialize(notebook_path, kernel_id, **kwargs)
            from literasi.layanan.penjaga import PERMINTAAN

            # This fill runs in a task made while serving a page: its kernel is no page's.
            PERMINTAAN.set(None)
            tugas = asyncio.current_task()  # the pool item Voilà created for this fill
            await self._tunggu_giliran(tugas)
            try:
                hasil = await super()._initialize(notebook_path, None, **kwargs)
            except BaseException:
                self._sedang_dipanaskan -= 1
                raise
            # The kernel counts as "warming" until it has run the whole notebook.
            voila_dalam.tugas_notebook(hasil).add_done_callback(
                lambda _: self._selesai_dipanaskan()
            )
            return hasil

        def _selesai_dipanaskan(self) -> None:
            self._sedang_dipanaskan -= 1
            if not self._sudah_siap and self._semua_kolam_penuh():
                self._sudah_siap = True
                jumlah = sum(len(kolam) for kolam in voila_dalam.kolam_kernel(self).values())
                detik = time.monotonic() - self._mulai
                # The teacher's terminal: the moment to let the class in.
                print(
                    f"Siap: {jumlah} kernel sudah menjalankan aplikasinya ({detik:.0f} detik). "
                    "Siswa boleh mulai membuka aplikasi.",
                    flush=True,
                )

        def _semua_kolam_penuh(self) -> bool:
            for nama, kolam in voila_dalam.kolam_kernel(self).items():
                ukuran = self.kernel_pools_config.get(nama, {}).get("pool_size", 0)
                if len(kolam) < ukuran:
                    return False
                for tugas in kolam:
                    if not tugas.done() or tugas.cancelled() or tugas.exception():
                        return False
                    if not voila_dalam.tugas_notebook(tugas.result()).done():
                        return False
            return True

        async def _tunggu_giliran(self, tugas: asyncio.Task) -> None:
            """Wait until this fill may start a kernel (polled: cheap, and easy to follow)."""
            self._antre.add(tugas)
            try:
                while not self._boleh_mulai(tugas):
                    await asyncio.sleep(0.25)
            finally:
                self._antre.discard(tugas)
                self._mendesak.discard(tugas)
            self._sedang_dipanaskan += 1

        def _boleh_mulai(self, tugas: asyncio.Task) -> bool:
            if tugas in self._mendesak:  # a phone is waiting for this one
                return self._sedang_dipanaskan < 2
            # Before the first phone arrives (the teacher is preparing) every core may warm;
            # during the lesson one kernel at a time, leaving the other core to the students.
            sebelum_kelas = self._terakhir_diambil == float("-inf")
            batas = (os.cpu_count() or 1) if sebelum_kelas else 1
            sepi = time.monotonic() - self._terakhir_diambil >= jeda_sepi
            return (
                self._sedang_dipanaskan < batas
                and not self._mendesak
                and (sepi or self._siap_di_kolam(tugas) < SIAP_MINIMUM)
                and memori_tersedia_mb() >= CADANGAN_MB + MB_PER_KERNEL
            )

        def _siap_di_kolam(self, tugas: asyncio.Task) -> int:
            """Ready kernels in the pool this fill belongs to."""
            for kolam in voila_dalam.kolam_kernel(self).values():
                if tugas in kolam:
                    return sum(t.done() for t in kolam)
            return 0

        async def shutdown_all(self, *args, **kwargs):
            # Fills still waiting for their turn have no kernel yet: drop them, or Voilà's
            # shutdown would wait for them to start one.
            for kolam in voila_dalam.kolam_kernel(self).values():
                for tugas in [t for t in kolam if t in self._antre]:
                    tugas.cancel()
                    kolam.remove(tugas)
            return await super().shutdown_all(*args, **kwargs)

    return PengelolaKolam
