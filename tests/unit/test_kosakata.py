"""One vocabulary in what users read (README, "One vocabulary"): templat, berkas, daring, and
seed as a noun. Scans every notebook cell, every guide and worksheet, and every string in the
package that is not a docstring (the messages and labels the apps show). Proper names and
quoted titles keep their spelling: they are listed in BOLEH, with the reason."""

from __future__ import annotations

import ast
import json
import re
from pathlib import Path

AKAR = Path(__file__).resolve().parents[2]
KATA_LAIN = re.compile(r"\b(berseed|template|online|file)\b", re.IGNORECASE)
URL = re.compile(r"https?://\S+")
BOLEH = (
    "Master File Desa",  # the name of BPS's area register
    "Sensus Penduduk Online Jangkau",  # a quoted news headline
    "File → Simpan Sebagai",  # Excel's own menus, as the user sees them
    "File → Info",
)


def _sisa(teks: str) -> list[str]:
    teks = URL.sub("", teks)
    for frasa in BOLEH:
        teks = teks.replace(frasa, "")
    return [m.group(0) for m in KATA_LAIN.finditer(teks)]


def _teks_pengguna():
    for nb in sorted((AKAR / "notebooks").rglob("*.ipynb")):
        for i, sel in enumerate(json.loads(nb.read_text(encoding="utf-8"))["cells"]):
            yield f"{nb.relative_to(AKAR)} sel {i}", "".join(sel["source"])
    for md in sorted((AKAR / "lessons").rglob("*.md")):
        if "server" not in md.relative_to(AKAR / "lessons").parts:  # English admin notes
            yield str(md.relative_to(AKAR)), md.read_text(encoding="utf-8")
    for py in sorted((AKAR / "widgets" / "literasi").rglob("*.py")):
        pohon = ast.parse(py.read_text(encoding="utf-8"))
        docstring = {
            id(n.body[0].value)
            for n in ast.walk(pohon)
            if isinstance(n, ast.Module | ast.ClassDef | ast.FunctionDef | ast.AsyncFunctionDef)
            and n.body
            and isinstance(n.body[0], ast.Expr)
            and isinstance(n.body[0].value, ast.Constant)
        }
        for n in ast.walk(pohon):
            if isinstance(n, ast.Constant) and isinstance(n.value, str) and id(n) not in docstring:
                yield f"{py.relative_to(AKAR)}:{n.lineno}", n.value


def test_satu_kosakata_di_teks_pengguna():
    salah = [f"{tempat}: {kata}" for tempat, teks in _teks_pengguna() for kata in _sisa(teks)]
    assert not salah, "\n".join(salah)


def test_pemeriksa_menemukan_kata_lain():
    assert _sisa("Unduh template, lalu simpan file ini (berseed, online)") == [
        "template",
        "file",
        "berseed",
        "online",
    ]
    assert _sisa("BPS Master File Desa; https://contoh.id/online-file") == []
