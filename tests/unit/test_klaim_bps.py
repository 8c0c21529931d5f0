"""A value is said to be "sama dengan angka (terbitan) BPS" only where the code compares it with
another source. The phrase must never stand over a comparison with a typed number (a constant
copied from the kit's own README checks nothing), nor over no comparison at all.

Scope of a claim: in a notebook, the code cell that writes the phrase, or the first code cell
after a Markdown cell that writes it; in the package, the function whose text holds it.
"""

from __future__ import annotations

import ast
import json
import re
from pathlib import Path

import pytest

REPO = Path(__file__).resolve().parents[2]
FRASA = re.compile(
    r"sama\s+dengan\s+angka\s+(?:yang\s+)?(?:terbitan\s+|diterbitkan\s+)?BPS", re.IGNORECASE
)


def _angka_tertulis(simpul: ast.AST) -> bool:
    """A number typed into the code: a literal, or a CONSTANT (the kit's constants are numbers
    copied from its own README, e.g. JATENG_SP2020 = 36516035)."""
    if isinstance(simpul, ast.Name):
        return simpul.id.isupper()
    return (
        isinstance(simpul, ast.Constant)
        and isinstance(simpul.value, int | float)
        and not isinstance(simpul.value, bool)
    )


def masalah_klaim(kode: str, klaim_di_luar: bool = False) -> str | None:
    """Why a claim in this code is not backed (None if it is, or if there is no claim).

    `klaim_di_luar`: the phrase is written outside the code (a Markdown cell above it).
    """
    if not (klaim_di_luar or FRASA.search(kode)):
        return None
    pohon = ast.parse(kode)
    # A comparison inside df[...] selects rows; it checks nothing.
    pilih = {
        id(s)
        for sub in ast.walk(pohon)
        if isinstance(sub, ast.Subscript)
        for s in ast.walk(sub.slice)
    }
    banding = [s for s in ast.walk(pohon) if isinstance(s, ast.Compare) and id(s) not in pilih]
    if not banding:
        return "klaim tanpa perbandingan"
    for s in banding:
        if any(_angka_tertulis(x) for x in [s.left, *s.comparators]):
            return f"klaim di atas perbandingan dengan angka tertulis: {ast.unparse(s)}"
    return None


def _nama(path: Path) -> str:
    return str(path.relative_to(REPO)) if path.is_relative_to(REPO) else path.name


def klaim_notebook(path: Path) -> list[str]:
    sel = json.loads(path.read_text(encoding="utf-8"))["cells"]
    hasil, di_atas = [], False
    for i, c in enumerate(sel):
        teks = "".join(c["source"])
        if c["cell_type"] == "markdown":
            di_atas = di_atas or bool(FRASA.search(teks))
            continue
        masalah = masalah_klaim(teks, klaim_di_luar=di_atas)
        if masalah:
            hasil.append(f"{_nama(path)} sel {i}: {masalah}")
        di_atas = False
    return hasil


def _teks_dalam(fungsi: ast.AST) -> str:
    bagian = []
    for s in ast.walk(fungsi):
        if isinstance(s, ast.Constant) and isinstance(s.value, str):
            bagian.append(s.value)
    return " ".join(bagian)


def klaim_modul(path: Path) -> list[str]:
    pohon = ast.parse(path.read_text(encoding="utf-8"))
    hasil = []
    for fungsi in ast.walk(pohon):
        if not isinstance(fungsi, ast.FunctionDef | ast.AsyncFunctionDef):
            continue
        if FRASA.search(" ".join(_teks_dalam(fungsi).split())):
            masalah = masalah_klaim(ast.unparse(fungsi), klaim_di_luar=True)
            if masalah:
                hasil.append(f"{_nama(path)}:{fungsi.lineno} {fungsi.name}: {masalah}")
    return hasil


NOTEBOOK = sorted((REPO / "notebooks").rglob("*.ipynb"))
MODUL = sorted((REPO / "widgets" / "literasi").rglob("*.py"))


def test_ada_yang_diperiksa():
    assert len(NOTEBOOK) > 15 and len(MODUL) > 30


@pytest.mark.parametrize("path", NOTEBOOK, ids=lambda p: p.name)
def test_notebook_tidak_mengaku_sama_dengan_bps_tanpa_bukti(path):
    assert klaim_notebook(path) == []


def test_paket_tidak_mengaku_sama_dengan_bps_tanpa_bukti():
    assert [m for p in MODUL for m in klaim_modul(p)] == []


# --- the rule itself can fail -------------------------------------------------------------


def test_angka_tertulis_di_bawah_klaim_ditolak():
    kode = (
        "assert ipm_kita == 77.22, 'tidak sama'\n"
        "Markdown(f'IPM {ipm_kita}, sama dengan angka terbitan BPS. Cocok.')"
    )
    assert "angka tertulis" in masalah_klaim(kode)


def test_klaim_di_markdown_di_atas_sel_berlaku_untuk_sel_itu(tmp_path):
    nb = {
        "cells": [
            {
                "cell_type": "markdown",
                "source": ["IPM harus sama dengan angka yang diterbitkan BPS."],
            },
            {"cell_type": "code", "source": ["assert ipm == 77.22"]},
            {"cell_type": "code", "source": ["x = 1"]},
        ]
    }
    path = tmp_path / "uji.ipynb"
    path.write_text(json.dumps(nb), encoding="utf-8")
    assert klaim_notebook(path) == [
        "uji.ipynb sel 1: klaim di atas perbandingan dengan angka tertulis: ipm == 77.22"
    ]


def test_klaim_tanpa_perbandingan_ditolak(tmp_path):
    """Lesson 02's old Soal 5 said "sama dengan angka BPS" over no comparison at all."""
    path = tmp_path / "modul.py"
    path.write_text(
        "def penjelasan(x):\n    return f'Sekitar {x}%, sama dengan angka BPS.'\n",
        encoding="utf-8",
    )
    assert klaim_modul(path) == ["modul.py:1 penjelasan: klaim tanpa perbandingan"]


def test_konstanta_yang_diketik_juga_ditolak():
    kode = (
        "assert jateng_2020 == JATENG_SP2020\n"
        "Markdown(f'{jateng_2020} jiwa, sama dengan angka BPS. Cocok.')"
    )
    assert "angka tertulis" in masalah_klaim(kode)


def test_dua_sumber_dibandingkan_diterima():
    kode = (
        "assert ipm_tabel == ipm_panel\n"
        "Markdown('IPM di dua salinan sama dengan angka terbitan BPS. Cocok.')"
    )
    assert masalah_klaim(kode) is None
    assert masalah_klaim("assert n == 35") is None  # no claim, nothing to back
