"""The classroom benchmark's pure parts (no servers): its code must not rot between runs."""

import importlib.util
import json
from pathlib import Path

import pytest

SKRIP = Path(__file__).resolve().parents[1] / "benchmark" / "ruang_kelas.py"


@pytest.fixture(scope="module")
def rk():
    spec = importlib.util.spec_from_file_location("ruang_kelas", SKRIP)
    modul = importlib.util.module_from_spec(spec)
    spec.loader.exec_module(modul)
    return modul


def test_persentil(rk):
    assert rk.persentil([], 95) is None
    assert rk.persentil([4.0], 95) == 4.0
    assert rk.persentil([3, 1, 2, 4], 50) == 2.5
    assert rk.persentil(list(range(1, 21)), 95) == pytest.approx(19.05)
    assert rk.persentil([1, 2, 3], 100) == 3


def test_bingkai_v1_bolak_balik(rk):
    bagian = [json.dumps(x).encode() for x in ({"msg_type": "comm_msg"}, {}, {}, {"a": 1})]
    frame = rk.kemas_v1("shell", bagian)
    assert int.from_bytes(frame[:8], "little") == 6  # what Chromium sends for no buffers
    channel, header, pesan, buffers = rk.buka_v1(frame)
    assert (channel, header["msg_type"], pesan["content"], buffers) == (
        "shell",
        "comm_msg",
        {"a": 1},
        [],
    )


def ringkasan_contoh():
    return {
        "p1": {
            "polos": {"dingin": 4.0, "hangat": 0.2},
            "aplikasi": {"siswa/00_x.ipynb": {"dingin": 4.4, "hangat": 0.2, "galat": 0}},
        },
        "p2": {
            "gema": {"p50": 20, "p95": 50},
            "polos": {"p50": 200, "p95": 250},
            "aplikasi": {"siswa/00_x.ipynb": {"p50": 200, "p95": 260, "kontrol": "U"}},
        },
        "p3": {
            "polos": {"rss_mb": 140, "pss_mb": 100},
            "aplikasi": {"siswa/00_x.ipynb": {"rss_mb": 150, "pss_mb": 140}},
        },
        "p4": [
            {
                "kolam": 2,
                "n": 10,
                "galat": 0,
                "p50": 1,
                "p95": 2,
                "sendiri": 0.3,
                "rss_total_mb": 1,
                "pss_total_mb": 1,
                "kernel": 12,
            },
            {
                "kolam": 2,
                "n": 40,
                "galat": 1,
                "p50": 5,
                "p95": 9,
                "sendiri": 0.3,
                "rss_total_mb": 1,
                "pss_total_mb": 1,
                "kernel": 42,
            },
        ],
        "chromium": {},
    }


def test_evaluasi_target(rk):
    baris = {(t["kode"], t["ukuran"]): t for t in rk.evaluasi_target(ringkasan_contoh())}
    dingin = baris[("P1", "siswa/00_x.ipynb siap (dingin)")]
    assert dingin["batas"] == pytest.approx(4.8) and dingin["lulus"] is True
    assert baris[("P1", "siswa/00_x.ipynb siap (hangat)")]["lulus"] is False  # 0,2 > 0,1
    p2 = baris[("P2", "siswa/00_x.ipynb grafik baru p95")]
    assert p2["batas"] == pytest.approx(250) and p2["lulus"] is False
    assert baris[("P3", "siswa/00_x.ipynb PSS")]["lulus"] is False  # 140 > 130
    assert baris[("P3", "siswa/00_x.ipynb RSS")]["lulus"] is True
    # P4 is judged at the largest class only.
    assert not any("10 siswa" in u for _, u in baris)
    assert baris[("P4", "40 siswa, kolam 2: galat")]["lulus"] is False
    assert baris[("P4", "40 siswa, kolam 2: siap p95")]["batas"] == pytest.approx(0.9)


def test_target_tanpa_angka_tidak_dinilai(rk):
    r = ringkasan_contoh()
    r["p1"]["polos"] = {}
    r["p2"]["aplikasi"]["siswa/00_x.ipynb"]["p95"] = None
    baris = rk.evaluasi_target(r)
    assert {t["lulus"] for t in baris if t["kode"] in ("P1", "P2")} == {None}


def test_bentuk_json(rk):
    mesin = {"cpu": 2, "load_awal": [1, 1, 1]}
    doc = rk.bentuk_json(mesin, {"mode": "cepat"}, {"p1": {}}, ringkasan_contoh())
    assert set(doc) == {"versi", "mesin", "pengaturan", "ringkasan", "target", "mentah"}
    assert doc["versi"] == 1
    json.dumps(doc)  # serialisable as written by --json
    teks = rk.cetak(
        {
            **mesin,
            "ram_total_mb": 1,
            "ram_tersedia_mb": 1,
            "load_akhir": [2, 2, 2],
            "voila": "x",
            "ipywidgets": "y",
        },
        {"mode": "cepat", "ulang": 1, "n_p2": 5, "app_p4": "a"},
        ringkasan_contoh(),
    )
    assert "Target issue 6" in teks and "TIDAK" in teks


def test_notebook_polos_valid(rk):
    for teks in (rk.POLOS, rk.GEMA):
        nb = json.loads(teks)
        assert nb["nbformat"] == 4 and all(c["cell_type"] == "code" for c in nb["cells"])
        compile("\n".join(c["source"] for c in nb["cells"]), "nb", "exec")
