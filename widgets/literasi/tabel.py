"""Small tables that fit a 360 px phone: Indonesian numbers, a caption, sideways scrolling."""

from __future__ import annotations

from html import escape

import pandas as pd
from IPython.display import HTML

from literasi.format import format_angka


def tabel_html(
    data: pd.DataFrame, judul: str, kolom: dict[str, str] | None = None, desimal: int = 1
) -> HTML:
    """Show `kolom` (name -> header; default all) of `data`.

    Integers are shown without decimals, other numbers with `desimal`, text as it is.
    """
    kolom = kolom or {nama: nama for nama in data.columns}
    kepala = "".join(f"<th scope='col'>{escape(label)}</th>" for label in kolom.values())
    baris = []
    for _, b in data.iterrows():
        sel = []
        for nama in kolom:
            nilai = b[nama]
            if pd.api.types.is_integer_dtype(data[nama]):
                sel.append(f"<td style='text-align:right'>{format_angka(nilai)}</td>")
            elif pd.api.types.is_float_dtype(data[nama]):
                sel.append(f"<td style='text-align:right'>{format_angka(nilai, desimal)}</td>")
            else:
                sel.append(f"<td>{escape(str(nilai))}</td>")
        baris.append("<tr>" + "".join(sel) + "</tr>")
    return HTML(
        "<div style='overflow-x:auto'><table class='literasi-tabel'>"
        f"<caption>{escape(judul)}</caption><thead><tr>{kepala}</tr></thead>"
        f"<tbody>{''.join(baris)}</tbody></table></div>"
    )
