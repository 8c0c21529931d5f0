"""The kernel websocket, with every frame from a phone checked before Jupyter Server reads it.

On the school Wi-Fi any phone can open its own app's kernel websocket and send anything. Jupyter
Server trusts the frame's own numbers when it unpacks it:

- `deserialize_msg_from_ws_v1` (jupyter_server/services/kernels/connection/base.py, protocol
  "v1.kernel.websocket.jupyter.org") reads the number of parts from the first 8 bytes and builds
  a list that long: 16 bytes of 0xff freeze the server's event loop for every phone while its
  memory grows by 16-30 MB a second;
- `deserialize_binary_message` (legacy protocol) builds a struct format string as long as the
  number in the first 4 bytes (up to 2 GB);
- anything else malformed (bad UTF-8, JSON that is not an object) raises inside
  `handle_incoming_message` and prints a traceback to the teacher's terminal.

`KoneksiKernelAman` checks the layout first and drops what a real page never sends, closing that
one websocket. It is plugged in through public configuration:
`Voila.kernel_websocket_connection_class` (literasi serve) and
`ServerApp.kernel_websocket_connection_class` (Binder, JupyterHub).
"""

from __future__ import annotations

import json
import logging
import struct

from jupyter_server.services.kernels.connection.channels import ZMQChannelsWebsocketConnection

PROTOKOL_V1 = "v1.kernel.websocket.jupyter.org"
# A kernel message is a channel name, header, parent header, metadata and content, plus widget
# buffers (a chart or an upload arrives as one buffer): 64 parts is far above any real message.
MAKS_BAGIAN = 64
KODE_KERNEL_BERHENTI = 4001  # websocket close code the template reads as "kernel gone"

log = logging.getLogger(__name__)


def bingkai_v1_sah(bingkai) -> bool:
    """True if a v1 frame is laid out as `serialize_msg_to_ws_v1` lays it out.

    8 bytes: n, the number of offsets; n × 8 bytes: offsets, the first just after them, each
    one not smaller than the one before, the last at the end of the frame; then the channel name
    (UTF-8) and at least the four parts of a message.

    >>> from jupyter_server.services.kernels.connection.base import serialize_msg_to_ws_v1
    >>> bingkai_v1_sah(serialize_msg_to_ws_v1([b"{}", b"{}", b"{}", b"{}"], "shell"))
    True
    >>> bingkai_v1_sah(b"\\xff" * 16)
    False
    >>> bingkai_v1_sah("teks")
    False
    """
    if not isinstance(bingkai, bytes | bytearray | memoryview):
        return False
    b = bytes(bingkai)
    if len(b) < 8:
        return False
    n = int.from_bytes(b[:8], "little")
    if not 6 <= n <= MAKS_BAGIAN or 8 * (n + 1) > len(b):
        return False
    offset = [int.from_bytes(b[8 * (i + 1) : 8 * (i + 2)], "little") for i in range(n)]
    if offset[0] != 8 * (n + 1) or offset[-1] != len(b):
        return False
    if any(a > b_ for a, b_ in zip(offset, offset[1:], strict=False)):
        return False
    try:
        b[offset[0] : offset[1]].decode("utf-8")
    except UnicodeDecodeError:
        return False
    return True


def bingkai_biner_lama_sah(bingkai: bytes) -> bool:
    """True if a legacy binary frame's part count and offsets fit inside the frame.

    >>> bingkai_biner_lama_sah(struct.pack("!iI", 1, 8) + b"{}")
    True
    >>> bingkai_biner_lama_sah(b"\\x7f\\xff\\xff\\xff" + b"\\x00" * 12)
    False
    """
    if len(bingkai) < 8:
        return False
    n = struct.unpack("!i", bingkai[:4])[0]
    if not 1 <= n <= MAKS_BAGIAN or 4 * (n + 1) > len(bingkai):
        return False
    offset = struct.unpack("!" + "I" * n, bingkai[4 : 4 * (n + 1)])
    return all(4 * (n + 1) <= o <= len(bingkai) for o in offset) and list(offset) == sorted(offset)


def pesan_masuk_sah(subprotokol: str | None, pesan) -> bool:
    """Would Jupyter Server unpack this websocket message without trusting a bad number?"""
    if subprotokol == PROTOKOL_V1:
        return bingkai_v1_sah(pesan)
    if isinstance(pesan, bytes | bytearray | memoryview):
        return bingkai_biner_lama_sah(bytes(pesan))
    try:
        return isinstance(json.loads(pesan), dict)
    except (ValueError, TypeError):
        return False


class PenghitungPenolakan:
    """Counts refused frames; logs the first and then one line per 100, never a flood."""

    def __init__(self):
        self.jumlah = 0

    def catat(self, alasan: str) -> None:
        self.jumlah += 1
        if self.jumlah == 1 or self.jumlah % 100 == 0:
            log.warning("Pesan websocket kernel ditolak (%s); %d sejauh ini.", alasan, self.jumlah)


DITOLAK = PenghitungPenolakan()


class KoneksiKernelAman(ZMQChannelsWebsocketConnection):
    """Jupyter Server's kernel websocket connection, refusing malformed frames (see above)."""

    def handle_incoming_message(self, incoming_msg) -> None:
        if not pesan_masuk_sah(self.subprotocol, incoming_msg):
            self._tolak("bingkai rusak")
            return
        try:
            super().handle_incoming_message(incoming_msg)
        except Exception as galat:  # a frame that passed the layout check but not the rest
            self._tolak(type(galat).__name__)

    def _tolak(self, alasan: str) -> None:
        DITOLAK.catat(alasan)
        # A real page never sends such a frame: close this phone's websocket (the page
        # reconnects if it was a glitch); the kernel and every other phone carry on.
        if self.websocket_handler is not None:
            self.websocket_handler.close(code=1003, reason="pesan tidak sah")

    # --- issue 12 point 8: a page whose kernel died is told so (literasi serve only) ---
    def on_kernel_restarted(self) -> None:
        super().on_kernel_restarted()
        self._tutup_bila_halaman_voila()

    def on_restart_failed(self) -> None:
        super().on_restart_failed()
        self._tutup_bila_halaman_voila()

    def _tutup_bila_halaman_voila(self) -> None:
        """A Voilà page's widgets lived in the kernel that died; the kernel Jupyter restarts in
        its place has none, so the page would only grey out. Close the websocket with code
        4001: the kit's template shows the "muat ulang" banner. (In JupyterLab, on Binder, a
        restart is a user's normal action: left alone.)"""
        handler = self.websocket_handler
        if handler is not None and "literasi_folder" in handler.settings:
            handler.close(code=KODE_KERNEL_BERHENTI, reason="kernel berhenti")
