"""Downloads offered inside the page: a link carrying the file as a data: URL.

Works in Voilà and JupyterLab, offline, and writes nothing on the server.
"""

from __future__ import annotations

import base64
from html import escape

from literasi.format import format_angka

MIME_XLSX = "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet"


def tautan_unduh(isi: bytes, nama_file: str, mime: str, label: str) -> str:
    """A link that downloads `isi` under the name `nama_file`, with its size in KB."""
    data = base64.b64encode(isi).decode("ascii")
    kb = max(len(isi) / 1024, 0.1)
    ukuran = format_angka(kb, 0 if kb >= 10 else 1)
    return (
        f"<a class='literasi-unduh' download='{escape(nama_file, quote=True)}' "
        f"href='data:{mime};base64,{data}' style='font-weight:bold'>{escape(label)}</a> "
        f"<span class='literasi-kecil'>({escape(nama_file)}, {ukuran} KB)</span>"
    )
