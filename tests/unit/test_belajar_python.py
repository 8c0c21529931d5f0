"""The campus path "Belajar Python dengan data Kota Pekalongan" (belajar/*.ipynb): its answer
checks (literasi.belajar_python) against answers worked out here from the raw CSV files with the
standard library, and the notebooks' shape. nbval runs the notebooks themselves (tests/run.sh
passes `belajar`)."""

from __future__ import annotations

import csv
import json
import re
from pathlib import Path

import pytest

from literasi.belajar_python import LATIHAN, nilai_periksa, periksa

REPO = Path(__file__).resolve().parents[2]
BELAJAR = sorted((REPO / "belajar").glob("*.ipynb"))


def baris(nama: str) -> list[dict]:
    with open(REPO / "datasets" / f"{nama}.csv", encoding="utf-8", newline="") as f:
        return list(csv.DictReader(f))


def jawaban_sendiri() -> dict:
    """Each exercise's answer, computed without pandas and without the module under test."""
    kab = [b for b in baris("penduduk_luas_kabkota_jateng_2024") if b["nama"] != "Jawa Tengah"]
    padat = {b["nama"]: int(b["penduduk_total"]) / float(b["luas_km2"]) for b in kab}
    urut = sorted(padat, key=padat.get, reverse=True)
    panel = baris("panel_kemiskinan_ipm_tpt_jateng_2020_2025")
    kota = {
        int(b["tahun"]): float(b["persentase_penduduk_miskin"])
        for b in panel
        if b["kabupaten_kota"] == "Kota Pekalongan"
    }
    tahun_2024 = [float(b["persentase_penduduk_miskin"]) for b in panel if b["tahun"] == "2024"]
    return {
        "jumlah_kabkota": len(kab),
        "penduduk_kota": next(
            int(b["penduduk_total"]) for b in kab if b["nama"] == "Kota Pekalongan"
        ),
        "kepadatan_kota": padat["Kota Pekalongan"],
        "peringkat_kepadatan": urut.index("Kota Pekalongan") + 1,
        "tahun_miskin_terendah": min(kota, key=kota.get),
        "rata_miskin_2024": sum(tahun_2024) / len(tahun_2024),
    }


JAWABAN = jawaban_sendiri()


def test_setiap_latihan_punya_jawaban_sendiri():
    assert set(JAWABAN) == set(LATIHAN)
    assert JAWABAN["jumlah_kabkota"] == 35
    assert JAWABAN["penduduk_kota"] == 318221  # datasets/README.md: Kota Pekalongan, 2024


@pytest.mark.parametrize("nama", sorted(LATIHAN))
def test_jawaban_benar_diterima_yang_salah_ditolak(nama, capsys):
    assert periksa(nama, JAWABAN[nama])
    assert capsys.readouterr().out.startswith("Benar: ")
    salah = JAWABAN[nama] + 1
    benar, pesan = nilai_periksa(nama, salah)
    assert not benar and pesan.startswith("Belum tepat. Petunjuk: ")
    benar, pesan = nilai_periksa(nama, None)
    assert not benar and "ganti None" in pesan
    assert not nilai_periksa(nama, "bukan angka")[0]


def test_angka_ditulis_cara_indonesia():
    assert nilai_periksa("penduduk_kota", 318221)[1] == "Benar: 318.221."
    assert nilai_periksa("tahun_miskin_terendah", JAWABAN["tahun_miskin_terendah"])[1] == (
        f"Benar: {JAWABAN['tahun_miskin_terendah']}."
    )
    assert nilai_periksa("latihan_lain", 1) == (
        False,
        f'Latihan "latihan_lain" tidak ada. Pilihan: {", ".join(LATIHAN)}.',
    )


def test_ada_tiga_notebook():
    assert [p.name[:3] for p in BELAJAR] == ["01_", "02_", "03_"]


@pytest.mark.parametrize("path", BELAJAR, ids=lambda p: p.name)
def test_bentuk_notebook(path):
    nb = json.loads(path.read_text(encoding="utf-8"))
    sel = nb["cells"]
    pertama = "".join(sel[0]["source"])
    assert re.match(r"# Belajar Python \d: ", pertama)
    assert "**Kamu akan bisa:**" in pertama and "Waktu: ± " in pertama
    kode = ["".join(s["source"]) for s in sel if s["cell_type"] == "code"]
    assert all(
        s.get("outputs") == [] and s.get("execution_count") is None
        for s in sel
        if s["cell_type"] == "code"
    ), "commit without outputs"
    assert "from literasi import load_dataset" in kode[0]
    teks = "\n".join("".join(s["source"]) for s in sel)
    assert "../datasets" not in teks and "pip install" not in teks and "http" not in teks
    dipanggil = set(re.findall(r'periksa\("(\w+)"', teks))
    assert dipanggil and dipanggil <= set(LATIHAN)
    assert "".join(sel[-1]["source"]).startswith("## Ringkasan")


def test_setiap_latihan_dipakai_di_notebook():
    teks = "".join(p.read_text(encoding="utf-8") for p in BELAJAR)
    assert set(re.findall(r'periksa(?:\(\\"|\(")(\w+)', teks)) == set(LATIHAN)
