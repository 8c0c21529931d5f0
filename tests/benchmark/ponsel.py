"""Phone benchmark (issue 17, items 3 and 8): every app on a student's 360×800 phone.

    .venv/bin/python tests/benchmark/ponsel.py [--aplikasi 00 03 K03 ...] [--tanpa-lighthouse]

Starts `literasi serve` on 127.0.0.1 as a teacher does (today's lesson 00, a pool of 2), opens
every app in Chromium at 360×800 with touch and, acting as a person does (tests/orang.py: finger
swipes, never a script scroll), prints per app:
  - screens to the first control (the bottom of the first control / the screen's height);
  - the swipes a person needs to reach it;
  - whether the chart's controls and the chart fit one screen once the controls are pulled up.
Then the bytes a phone downloads for its first app and for a second app opened next on the same
phone (Chrome DevTools' Network events: bytes on the wire, from the cache, 304 answers).
Then Lighthouse (npm package in tests/node_modules, CHROME_PATH=/usr/bin/chromium, mobile form
factor with its default throttling) for three apps and a bare Voilà page with one slider (made
at run time in a temp folder, plain Voilà, no kit template). Prints, never asserts: the figures
depend on the machine. Stops every process it started.
"""

from __future__ import annotations

import argparse
import json
import os
import subprocess
import sys
import tempfile
import time
from pathlib import Path

HERE = Path(__file__).resolve().parent
TESTS = HERE.parent
sys.path[:0] = [str(HERE), str(TESTS), str(TESTS / "browser")]

from ruang_kelas import (  # noqa: E402
    CHROMIUM,
    CHROMIUM_ARGS,
    NOTEBOOKS,
    fmt,
    log,
    server_kit,
    server_polos,
    tabel_teks,
)
from test_ponsel import KONTROL_JS, TANPA_GRAFIK, kontrol_grafik  # noqa: E402

from orang import bawa_ke_atas, di_layar, gulir_ke, konteks  # noqa: E402

LIGHTHOUSE = TESTS / "node_modules" / ".bin" / "lighthouse"
LIGHTHOUSE_APLIKASI = [
    "siswa/00_kota_pekalongan_di_jawa_tengah.ipynb",
    "siswa/03_ukuran_pemusatan.ipynb",
    "kelurahan/03_survei_kepuasan_masyarakat.ipynb",
]
# The second app a student opens after the first, on the same phone.
PERTAMA, KEDUA = "siswa/00_kota_pekalongan_di_jawa_tengah.ipynb", "siswa/03_ukuran_pemusatan.ipynb"


def semua_aplikasi() -> list[str]:
    return sorted(
        p.relative_to(NOTEBOOKS).as_posix()
        for p in NOTEBOOKS.rglob("*.ipynb")
        if ".ipynb_checkpoints" not in p.parts and p.name != "index.ipynb"
    )


def pilih_aplikasi(kode: list[str]) -> list[str]:
    """`00` is siswa/00_…, `K03` kelurahan/03_…, `90` kelas/90_… (the ids `--pelajaran` takes)."""
    semua = semua_aplikasi()
    if not kode:
        return semua
    hasil = []
    for k in kode:
        folder = ("kelurahan/",) if k.upper().startswith("K") else ("siswa/", "kelas/")
        nn = k.upper().removeprefix("K")
        hasil += [a for a in semua if a.startswith(folder) and a.split("/")[1][:2] == nn]
    return hasil


def buka(browser, url: str, ctx=None):
    from playwright.sync_api import expect

    ctx = ctx or konteks(browser, "ponsel")
    page = ctx.new_page()
    page.goto(url, timeout=180_000)
    expect(page.locator("#rendered_cells")).to_be_visible(timeout=180_000)
    expect(page.locator(".jupyter-widgets").first).to_be_attached(timeout=120_000)
    page.wait_for_load_state("networkidle", timeout=120_000)
    return ctx, page


def ukur_tata(browser, url: str, notebook: str) -> dict:
    """Screens to the first control, swipes to reach it, and control + chart on one screen."""
    ctx, page = buka(browser, url)
    try:
        tinggi = page.viewport_size["height"]
        kontrol = [k for k in page.evaluate(KONTROL_JS) if not k["navigasi"]]
        if not kontrol:
            return {"layar": None, "usap": None, "bersama": None, "catatan": "tanpa kontrol"}
        pertama = (
            page.locator("#rendered_cells")
            .locator("input, button, select, textarea, .noUi-handle")
            .first
        )
        usap = gulir_ke(page, pertama, "kontrol pertama")
        bersama, catatan = None, ""
        if notebook in TANPA_GRAFIK:
            catatan = "grafik muncul setelah ada jawaban"
        else:
            strip, grafik = kontrol_grafik(page)
            bawa_ke_atas(page, strip, "kontrol grafik", ruang=24)
            bersama = di_layar(page, strip) and di_layar(page, grafik)
            s, g = strip.bounding_box(), grafik.bounding_box()
            catatan = (
                f"kontrol {s['y']:.0f}–{s['y'] + s['height']:.0f}, "
                f"grafik {g['y']:.0f}–{g['y'] + g['height']:.0f} px"
            )
        return {
            "layar": kontrol[0]["bawah"] / tinggi,
            "usap": usap,
            "bersama": bersama,
            "catatan": catatan,
        }
    finally:
        ctx.close()


def ukur_unduhan(browser, url_pertama: str, url_kedua: str) -> list[dict]:
    """Bytes over the network for the first app, then for a second app on the same phone
    (one browser context: its HTTP cache is the phone's), from DevTools' Network events;
    a request answered from the cache never reaches the server."""
    ctx = konteks(browser, "ponsel")
    hasil = []
    try:
        for url in (url_pertama, url_kedua):
            page = ctx.new_page()
            cdp = ctx.new_cdp_session(page)
            n = {"permintaan": 0, "kabel": 0, "cache": 0}

            def selesai(e, n=n):
                n["permintaan"] += 1
                n["kabel"] += e["encodedDataLength"]

            def jawaban(e, n=n):
                r = e["response"]
                if r.get("fromDiskCache") or r.get("fromMemoryCache"):
                    n["cache"] += 1

            cdp.on("Network.loadingFinished", selesai)
            cdp.on("Network.responseReceived", jawaban)
            cdp.send("Network.enable")
            page.goto(url, timeout=180_000)
            page.locator("figure.literasi-grafik img").first.wait_for(
                state="attached", timeout=180_000
            )
            page.wait_for_load_state("networkidle", timeout=120_000)
            time.sleep(1)
            hasil.append({"url": url, **n})
            page.close()  # the tab closes; the phone's cache stays
    finally:
        ctx.close()
    return hasil


def lighthouse(url: str, keluaran: Path) -> dict:
    """One Lighthouse run, mobile form factor (its default: Moto G Power, slow 4G, 4× CPU)."""
    env = {**os.environ, "CHROME_PATH": CHROMIUM}
    perintah = [
        str(LIGHTHOUSE),
        url,
        "--quiet",
        "--output=json",
        f"--output-path={keluaran}",
        "--form-factor=mobile",
        "--only-categories=performance,accessibility,best-practices",
        "--max-wait-for-load=120000",
        "--chrome-flags=--headless=new --no-sandbox --disable-gpu --no-first-run",
    ]
    hasil = subprocess.run(
        perintah, env=env, capture_output=True, text=True, timeout=600, check=False
    )
    if hasil.returncode != 0 or not keluaran.exists():
        return {"galat": (hasil.stderr or hasil.stdout)[-300:]}
    lh = json.loads(keluaran.read_text())
    k, a = lh["categories"], lh["audits"]
    return {
        "performa": k["performance"]["score"],
        "aksesibilitas": k["accessibility"]["score"],
        "praktik": k["best-practices"]["score"],
        "lcp_s": a["largest-contentful-paint"].get("numericValue", 0) / 1000,
        "tbt_ms": a["total-blocking-time"].get("numericValue"),
        "bobot_kb": a["total-byte-weight"].get("numericValue", 0) / 1024,
    }


def pendek(nb: str) -> str:
    return nb.removesuffix(".ipynb")[:34]


def main() -> None:
    ap = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    ap.add_argument("--aplikasi", nargs="*", default=[], help="ids: 00 03 K03 90 …")
    ap.add_argument("--tanpa-lighthouse", action="store_true")
    ap.add_argument("--tanpa-tata", action="store_true", help="skip the layout table")
    ap.add_argument("--json", type=Path, help="write every figure to this file")
    arg = ap.parse_args()
    if not Path(CHROMIUM).exists():
        sys.exit(f"{CHROMIUM} tidak ada")
    from playwright.sync_api import sync_playwright

    aplikasi = [] if arg.tanpa_tata else pilih_aplikasi(arg.aplikasi)
    hasil: dict = {"tata": {}, "unduhan": [], "lighthouse": {}}
    with tempfile.TemporaryDirectory(prefix="bench_ponsel_") as t:
        tmp = Path(t)
        kit = server_kit(tmp, "kit", 2, ["00"])
        polos = None
        try:
            kit.tunggu_siap()
            with sync_playwright() as p:
                browser = p.chromium.launch(executable_path=CHROMIUM, args=CHROMIUM_ARGS)
                try:
                    for nb in aplikasi:
                        log(f"tata {nb}")
                        try:
                            url = kit.url + "voila/render/" + nb
                            hasil["tata"][nb] = ukur_tata(browser, url, nb)
                        except Exception as e:  # one app's failure is a row, not a crash
                            hasil["tata"][nb] = {"galat": f"{type(e).__name__}: {e}"[:160]}
                    log("unduhan aplikasi pertama dan kedua")
                    hasil["unduhan"] = ukur_unduhan(
                        browser,
                        kit.url + "voila/render/" + PERTAMA,
                        kit.url + "voila/render/" + KEDUA,
                    )
                finally:
                    browser.close()
            if not arg.tanpa_lighthouse:
                if not LIGHTHOUSE.exists():
                    sys.exit(f"{LIGHTHOUSE} tidak ada: npm ci --prefix tests")
                polos = server_polos(tmp)
                polos.tunggu_siap()
                sasaran = {nb: kit.url + "voila/render/" + nb for nb in LIGHTHOUSE_APLIKASI}
                sasaran["Voilà polos, 1 slider"] = polos.url + "voila/render/polos_dingin.ipynb"
                for i, (nama, url) in enumerate(sasaran.items()):
                    log(f"lighthouse {nama}")
                    for coba in range(2):  # once more if Chromium did not answer in time
                        r = lighthouse(url, tmp / f"lh{i}_{coba}.json")
                        if "galat" not in r:
                            break
                    hasil["lighthouse"][nama] = r
        finally:
            kit.stop()
            if polos:
                polos.stop()

    print(cetak(hasil))
    if arg.json:
        arg.json.write_text(json.dumps(hasil, indent=1, ensure_ascii=False))


def cetak(h: dict) -> str:
    bagian = ["Tata letak di ponsel 360×800 (sentuh), digulir dengan jari"] if h["tata"] else []
    isi = []
    for nb, r in h["tata"].items():
        if "galat" in r:
            isi.append([pendek(nb), "—", "—", "galat", r["galat"]])
            continue
        bersama = {True: "ya", False: "TIDAK", None: "—"}[r["bersama"]]
        isi.append([pendek(nb), fmt(r["layar"]), r["usap"], bersama, r["catatan"]])
    if h["tata"]:
        judul = ["aplikasi", "layar ke kontrol 1", "usapan", "kontrol+grafik 1 layar", "catatan"]
        bagian.append(tabel_teks(judul, isi))
    if h["unduhan"]:
        bagian.append("\nUnduhan di ponsel yang sama (byte lewat jaringan, termasuk header)")
        bagian.append(
            tabel_teks(
                ["aplikasi", "permintaan", "ke server", "dari cache", "KiB"],
                [
                    [
                        ("1. " if i == 0 else "2. ") + pendek(r["url"].split("render/")[1]),
                        r["permintaan"],
                        r["permintaan"] - r["cache"],
                        r["cache"],
                        f"{r['kabel'] / 1024:.0f}",
                    ]
                    for i, r in enumerate(h["unduhan"])
                ],
            )
        )
    if h["lighthouse"]:
        bagian.append("\nLighthouse, ponsel (mobile form factor, throttling bawaan)")
        isi, galat = [], []
        for nama, r in h["lighthouse"].items():
            if "galat" in r:
                isi.append([nama[:34], "galat", "", "", "", "", ""])
                galat.append(f"{nama}: {r['galat']}")
                continue
            isi.append(
                [
                    nama[:34],
                    fmt(r["performa"]),
                    fmt(r["aksesibilitas"]),
                    fmt(r["praktik"]),
                    fmt(r["lcp_s"], 1),
                    fmt(r["tbt_ms"], 0),
                    fmt(r["bobot_kb"], 0),
                ]
            )
        bagian.append(
            tabel_teks(
                ["halaman", "performa", "aksesibilitas", "praktik", "LCP s", "TBT ms", "KiB"], isi
            )
        )
        bagian += galat
    return "\n".join(bagian)


if __name__ == "__main__":
    main()
