"""When literasi.layanan.kolam lets a pool fill start, step by step, without a server.

The real server is tested in tests/voila/test_kolam.py; races between a phone and a fill are
hard to hit there, so here a small stand-in plays Voilà's part: pools of asyncio tasks, a page
pops the first one and Voilà queues a refill (as voila_kernel_manager.py does).
"""

from __future__ import annotations

import asyncio
from concurrent.futures import ThreadPoolExecutor

from literasi.layanan.kolam import buat_pengelola_kolam

MULAI_KERNEL = 0.05  # seconds for a kernel to start
JALANKAN_NOTEBOOK = 0.3  # seconds for it to run the notebook afterwards
JEDA = 0.5  # a quiet room, for these tests


class VoilaTiruan:
    """The part of Voilà's kernel manager that PengelolaKolam builds on."""

    def __init__(self, **kwargs):
        self.kernel_pools_config = {"app": {"pool_size": 2}}
        self._pools: dict[str, list[asyncio.Task]] = {}
        self.dimulai = 0  # kernels started
        self.fill_if_needed(notebook_name="app")

    def fill_if_needed(self, delay=None, notebook_name=None, **kwargs):
        kolam = self._pools.setdefault(notebook_name, [])
        for _ in range(self.kernel_pools_config[notebook_name]["pool_size"] - len(kolam)):
            kolam.append(asyncio.get_running_loop().create_task(self._initialize(notebook_name)))

    async def get_rendered_notebook(self, notebook_name, **kwargs):
        isi = await self._pools[notebook_name].pop(0)
        self.fill_if_needed(notebook_name=notebook_name)
        return isi["task"], [], isi["kernel_id"]  # Voilà's (render task, cells, kernel id)

    async def _initialize(self, notebook_path, kernel_id=None, **kwargs):
        self.dimulai += 1
        await asyncio.sleep(MULAI_KERNEL)
        jalan = asyncio.get_running_loop().create_task(asyncio.sleep(JALANKAN_NOTEBOOK))
        return {"task": jalan, "kernel_id": str(self.dimulai)}

    async def shutdown_all(self, *args, **kwargs):
        pass


async def tunggu(syarat, batas: float) -> None:
    akhir = asyncio.get_running_loop().time() + batas
    while not syarat():
        assert asyncio.get_running_loop().time() < akhir, "not within time"
        await asyncio.sleep(0.01)


def jalankan(coro):
    """Run a scenario on its own event loop, in its own thread: in the full test run the
    browser tests (Playwright's sync API) keep a loop running in the main thread."""
    with ThreadPoolExecutor(1) as ex:
        return ex.submit(asyncio.run, asyncio.wait_for(coro, 30)).result()


def test_ponsel_yang_mengambil_kernel_yang_sedang_dipanaskan_tidak_menghentikan_pengisian():
    """A phone that takes a kernel while it is starting must not block later refills (this
    once left every pool empty until the server restarted)."""

    async def skenario():
        km = buat_pengelola_kolam(VoilaTiruan, jeda_sepi=JEDA)()
        await tunggu(lambda: km._semua_kolam_penuh(), 5)
        await km.get_rendered_notebook("app")
        await km.get_rendered_notebook("app")  # the pool is empty: refills start at once
        await tunggu(lambda: km.dimulai == 3, 5)
        # The refill has its turn and its kernel is starting: a phone takes it now.
        assert not km._pools["app"][0].done()
        await km.get_rendered_notebook("app")
        await tunggu(lambda: km._semua_kolam_penuh(), 5)
        assert km.dimulai == 2 + 3

    jalankan(skenario())


def test_kolam_diisi_setelah_kelas_tenang_satu_per_satu():
    async def skenario():
        km = buat_pengelola_kolam(VoilaTiruan, jeda_sepi=JEDA)()
        km.kernel_pools_config["app"]["pool_size"] = 4
        km.fill_if_needed(notebook_name="app")
        await tunggu(lambda: km._semua_kolam_penuh(), 5)
        mulai = asyncio.get_running_loop().time()
        await km.get_rendered_notebook("app")
        await km.get_rendered_notebook("app")  # two of four left: wait for a quiet room
        await asyncio.sleep(JEDA / 2)
        assert km.dimulai == 4
        await tunggu(lambda: km.dimulai == 5, 5)
        assert asyncio.get_running_loop().time() - mulai >= JEDA
        # One at a time: the second refill starts when the first has run its notebook.
        await asyncio.sleep(JALANKAN_NOTEBOOK / 2)
        assert km.dimulai == 5
        await tunggu(lambda: km._semua_kolam_penuh(), 5)
        assert km.dimulai == 6

    jalankan(skenario())


def test_ponsel_yang_menunggu_didahulukan():
    """A phone that finds the pool empty starts its kernel at once, quiet room or not."""

    async def skenario():
        km = buat_pengelola_kolam(VoilaTiruan, jeda_sepi=60)()
        await tunggu(lambda: km._semua_kolam_penuh(), 5)
        for _ in range(4):  # two warm kernels, then two that must start on demand
            await asyncio.wait_for(km.get_rendered_notebook("app"), 2)

    jalankan(skenario())


def test_berhenti_tanpa_menunggu_pengisian_yang_antre():
    async def skenario():
        km = buat_pengelola_kolam(VoilaTiruan, jeda_sepi=60)()
        await tunggu(lambda: km._semua_kolam_penuh(), 5)
        km.kernel_pools_config["app"]["pool_size"] = 4
        await km.get_rendered_notebook("app")  # three fills: one starts, two wait their turn
        await tunggu(lambda: len(km._antre) == 2, 1)
        await asyncio.wait_for(km.shutdown_all(), 1)
        assert not km._antre and len(km._pools["app"]) == 2

    jalankan(skenario())
