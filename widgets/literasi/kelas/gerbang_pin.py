"""The teacher's PIN gate: a password box in front of a teacher app (literasi.kelas.pin).

Nothing of the app exists until the PIN is right: a widget's state reaches the browser as soon
as it is created, shown or not, so the app builds its widgets in `saat_terbuka`.
"""

from __future__ import annotations

from collections.abc import Callable

import ipywidgets as ipw

from literasi.kelas import pin, ponsel
from literasi.kelas.tampilan_survei import GAYA, lebar_isian, pesan_status, tombol
from literasi.tampilan import Tampilan, baris_kontrol


def kunci_perangkat() -> str | None:
    """The phone key of this page on the kit server (the PIN count is per device)."""
    return ponsel.kunci_halaman() if ponsel.di_server_kit() else None


class GerbangPin(Tampilan):
    """PIN box, "Masuk" button, message. `periksa(ketikan, kunci_perangkat)` returns None when
    the PIN opened the app (then `saat_terbuka()` runs) or a message; by default the server's
    PIN with the shared lockout."""

    def __init__(
        self,
        saat_terbuka: Callable[[], None],
        periksa: Callable[[str, str | None], str | None] | None = None,
    ):
        self._saat_terbuka = saat_terbuka
        self._periksa = periksa or (lambda ketikan, kunci: pin.pesan(pin.periksa(ketikan, kunci)))
        self.isian_pin = ipw.Password(description="PIN guru", style=GAYA, layout=lebar_isian())
        self.tombol_masuk = tombol("Masuk", "primary")
        self.tombol_masuk.on_click(lambda _: self.masuk(self.isian_pin.value))
        self.pesan_pin = ipw.HTML()
        self.widget = ipw.VBox(
            [
                ipw.HTML(
                    "<p class='literasi-kecil'>Hanya untuk guru. Masukkan PIN yang tampil di "
                    "terminal server (<code>literasi serve</code>).</p>"
                ),
                baris_kontrol(self.isian_pin, self.tombol_masuk),
                self.pesan_pin,
            ],
            layout=ipw.Layout(width="100%"),
        )

    def masuk(self, ketikan: str) -> bool:
        pesan = self._periksa(ketikan, kunci_perangkat())
        self.isian_pin.value = ""
        if pesan is not None:
            self.pesan_pin.value = pesan_status("salah", pesan)
            return False
        self.pesan_pin.value = ""
        self._saat_terbuka()
        return True

    def _update(self) -> None:  # the gate has no control that redraws
        pass


def pasang_gerbang(wadah: ipw.Box, saat_terbuka: Callable[[], None]) -> GerbangPin | None:
    """Put the PIN gate in `wadah` when the server set a teacher PIN (`literasi serve`), and
    return it; with no PIN (Binder, a teacher's own laptop) open the app at once."""
    if pin.hash_dari_env() is None:
        saat_terbuka()
        return None
    gerbang = GerbangPin(saat_terbuka)
    wadah.children = [gerbang.widget]
    return gerbang
