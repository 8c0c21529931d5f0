"""Every use of Voilà's private insides, in one place (Voilà 0.5, pinned in constraints.txt).

The kit schedules Voilà's preheated kernel pools itself (literasi.layanan.kolam: refill when the
room is quiet) and counts which kernel serves which page (literasi.layanan.penjaga). Voilà offers
no public hook for either, so this module holds each private name the kit relies on, with what
it is in Voilà:

- `voila.app.voila_kernel_manager_factory`: the module global that `Voila.init_settings` calls to
  build the kernel manager class; the kit wraps it for that one call (`pabrik_pengelola_kernel`).
- `VoilaKernelManager._pools`: {notebook path: [pool item task, ...]} (`kolam_kernel`).
- `VoilaKernelManager._initialize(notebook_path, kernel_id=None, **kwargs)`: starts one kernel
  and returns {"task": <task running the notebook>, "renderer": …, "kernel_id": …}; the kit's
  subclass overrides it (`ISI_KOLAM` names it) and reads the task (`tugas_notebook`).
- `VoilaKernelManager.get_rendered_notebook(...)` returns (render task, rendered cells, kernel id)
  (`kernel_halaman`).

tests/unit/test_voila_dalam.py checks each of these against the installed Voilà in a second,
so an upgrade that renames or reshapes one fails there, loudly, not as a spinner that never ends
or pools that quietly fall back to Voilà's own refill. Upgrade: tests/perbarui_versi.sh.
"""

from __future__ import annotations

import asyncio
from collections.abc import Callable, Iterator
from contextlib import contextmanager

# The private method a pool fill runs, which kolam.PengelolaKolam overrides.
ISI_KOLAM = "_initialize"


def kolam_kernel(pengelola) -> dict[str, list[asyncio.Task]]:
    """The preheated pools of a Voilà kernel manager: notebook path -> pool item tasks."""
    return pengelola._pools


def tugas_notebook(hasil_isi: dict) -> asyncio.Task:
    """From what `_initialize` returned: the task running the notebook in the new kernel."""
    return hasil_isi["task"]


def kernel_halaman(hasil_render: tuple) -> str:
    """From what `get_rendered_notebook` returned: the id of the kernel that serves the page."""
    return hasil_render[2]


@contextmanager
def pabrik_pengelola_kernel(bungkus: Callable[[type], type]) -> Iterator[None]:
    """While inside, Voilà builds its kernel manager class as `bungkus(<Voilà's class>)`.

    Voilà calls `voila.app.voila_kernel_manager_factory` once, in `Voila.init_settings`: wrap
    that call only, then put Voilà's factory back.
    """
    import voila.app as voila_app

    pabrik_voila = voila_app.voila_kernel_manager_factory

    def pabrik_kit(*args, **kwargs):
        return bungkus(pabrik_voila(*args, **kwargs))

    voila_app.voila_kernel_manager_factory = pabrik_kit
    try:
        yield
    finally:
        voila_app.voila_kernel_manager_factory = pabrik_voila
