"""Realistic kelurahan population files, made at run time (nothing binary is committed).

Each `Berkas` is one file as an office might send it (the shapes of issue 15: per RW, per RT,
RW × RT, with or without age groups, men and women or a total, wide or long, totals rows,
one sheet per RW, notes and titles above the table, data on a second sheet, codes spelled
several ways, mistakes) with what the app must make of it: the shape sentence, the total of
the usable counts, the tables it can make, and the messages (text and location) it must give.
The numbers are invented (seeded) for tests only; they describe no real kelurahan.
"""

from __future__ import annotations

import io
import zipfile
from dataclasses import dataclass, field
from xml.sax.saxutils import escape

import numpy as np
from openpyxl import Workbook

LIMA = [f"{a}-{a + 4}" for a in range(0, 75, 5)] + ["75+"]
BESAR = ["0-14", "15-64", "65+"]


@dataclass
class Berkas:
    nama: str
    isi: bytes
    bentuk: str | None = None  # words expected in the shape sentence
    total: int | None = None  # total of the usable counts (None: do not check)
    tabel: set[str] = field(default_factory=set)  # sheet names expected in the Excel output
    belum: list[str] = field(default_factory=list)  # words expected in "not made because"
    pesan: list[tuple[str, str]] = field(default_factory=list)  # (location start, words)
    catatan: str | None = None  # words expected in what the reader detected
    ditolak: str | None = None  # the file is refused with these words


def _xlsx(lembar: dict[str, list[list]], gabung: dict[str, list[str]] | None = None) -> bytes:
    buku = Workbook()
    buku.remove(buku.active)
    for nama, baris in lembar.items():
        ws = buku.create_sheet(nama)
        for b in baris:
            ws.append(b)
        for r in (gabung or {}).get(nama, []):
            ws.merge_cells(r)
    keluar = io.BytesIO()
    buku.save(keluar)
    return keluar.getvalue()


def _xls(lembar: dict[str, list[list]]) -> bytes:
    import xlwt

    buku = xlwt.Workbook()
    for nama, baris in lembar.items():
        ws = buku.add_sheet(nama)
        for i, b in enumerate(baris):
            for j, v in enumerate(b):
                if v is not None:
                    ws.write(i, j, v)
    keluar = io.BytesIO()
    buku.save(keluar)
    return keluar.getvalue()


def _ods(lembar: dict[str, list[list]]) -> bytes:
    """A minimal OpenDocument spreadsheet, as LibreOffice saves one (mimetype first, stored)."""

    def sel(v) -> str:
        if v is None:
            return "<table:table-cell/>"
        if isinstance(v, int | float):
            return (
                f'<table:table-cell office:value-type="float" office:value="{v}">'
                f"<text:p>{v}</text:p></table:table-cell>"
            )
        return f'<table:table-cell office:value-type="string"><text:p>{escape(str(v))}</text:p></table:table-cell>'  # noqa: E501

    badan = "".join(
        f'<table:table table:name="{escape(n)}">'
        + "".join(
            "<table:table-row>" + "".join(sel(v) for v in b) + "</table:table-row>" for b in baris
        )
        + "</table:table>"
        for n, baris in lembar.items()
    )
    isi = (
        '<?xml version="1.0" encoding="UTF-8"?><office:document-content '
        'xmlns:office="urn:oasis:names:tc:opendocument:xmlns:office:1.0" '
        'xmlns:table="urn:oasis:names:tc:opendocument:xmlns:table:1.0" '
        'xmlns:text="urn:oasis:names:tc:opendocument:xmlns:text:1.0" office:version="1.2">'
        f"<office:body><office:spreadsheet>{badan}</office:spreadsheet></office:body>"
        "</office:document-content>"
    )
    manifest = (
        '<?xml version="1.0" encoding="UTF-8"?><manifest:manifest '
        'xmlns:manifest="urn:oasis:names:tc:opendocument:xmlns:manifest:1.0" '
        'manifest:version="1.2">'
        '<manifest:file-entry manifest:full-path="/" manifest:media-type="application/vnd.oasis.'
        'opendocument.spreadsheet"/><manifest:file-entry manifest:full-path="content.xml" '
        'manifest:media-type="text/xml"/></manifest:manifest>'
    )
    keluar = io.BytesIO()
    with zipfile.ZipFile(keluar, "w", zipfile.ZIP_DEFLATED) as z:
        z.writestr(zipfile.ZipInfo("mimetype"), "application/vnd.oasis.opendocument.spreadsheet")
        z.writestr("content.xml", isi)
        z.writestr("META-INF/manifest.xml", manifest)
    return keluar.getvalue()


def _csv(baris: list[list], pemisah: str = ",", kode: str = "utf-8") -> bytes:
    teks = "\r\n".join(pemisah.join("" if v is None else str(v) for v in b) for b in baris)
    return (teks + "\r\n").encode(kode)


class Data:
    """Invented counts (seeded): RW 1..n, RT 1..k per RW, age groups, men and women."""

    def __init__(self, seed: int, rw: int = 4, rt: int = 3, umur: list[str] | None = None):
        rng = np.random.default_rng(seed)
        self.umur = umur or LIMA
        self.sel = {
            (w, t, u): (int(rng.integers(5, 40)), int(rng.integers(5, 40)))
            for w in range(1, rw + 1)
            for t in range(1, rt + 1)
            for u in self.umur
        }
        self.rw, self.rt = rw, rt

    def total(self) -> int:
        return sum(lk + p for lk, p in self.sel.values())

    def per_rw(self) -> dict[int, tuple[int, int]]:
        hasil: dict[int, list[int]] = {}
        for (w, _t, _u), (lk, p) in self.sel.items():
            h = hasil.setdefault(w, [0, 0])
            h[0] += lk
            h[1] += p
        return {w: tuple(v) for w, v in hasil.items()}

    def per_rt(self) -> dict[tuple[int, int], tuple[int, int]]:
        hasil: dict = {}
        for (w, t, _u), (lk, p) in self.sel.items():
            h = hasil.setdefault((w, t), [0, 0])
            h[0] += lk
            h[1] += p
        return {k: tuple(v) for k, v in hasil.items()}

    def per_rw_umur(self) -> dict[tuple[int, str], tuple[int, int]]:
        hasil: dict = {}
        for (w, _t, u), (lk, p) in self.sel.items():
            h = hasil.setdefault((w, u), [0, 0])
            h[0] += lk
            h[1] += p
        return {k: tuple(v) for k, v in hasil.items()}


def korpus() -> dict[str, Berkas]:
    d = Data(1)
    rw = d.per_rw()
    tot = d.total()
    tl, tp = sum(v[0] for v in rw.values()), sum(v[1] for v in rw.values())
    k: dict[str, Berkas] = {}

    # --- Per RW summaries ------------------------------------------------------------------
    ringkas = [["RW", "L", "P", "L+P"]] + [[f"{w:02d}", lk, p, lk + p] for w, (lk, p) in rw.items()]
    k["rw_bersih"] = Berkas(
        "penduduk_rw.xlsx",
        _xlsx({"Penduduk": ringkas}),
        "per RW",
        tot,
        {"Per RW", "Jenis kelamin"},
        ["Piramida penduduk"],
    )
    judul = [["REKAPITULASI PENDUDUK KELURAHAN CONTOH (FIKTIF)"], ["Keadaan Desember 2024"], []]
    jumlah = [["JUMLAH", tl, tp, tl + tp]]
    k["rw_judul_dan_jumlah"] = Berkas(
        "rekap_rw.xlsx",
        _xlsx({"Rekap": judul + ringkas + jumlah}, {"Rekap": ["A1:D1"]}),
        "per RW",
        tot,
        {"Per RW"},
        catatan="dilewati",
    )
    salah = jumlah[0][:1] + [tl + 5, tp, tl + tp + 5]
    k["rw_jumlah_salah"] = Berkas(
        "rekap_rw_salah.xlsx",
        _xlsx({"Rekap": ringkas + [salah]}),
        "per RW",
        tot,
        pesan=[(f"Lembar “Rekap”, baris {len(ringkas) + 1}, kolom B “L”", "baris jumlah menulis")],
    )
    teks_titik = [["RW", "Jumlah Laki-laki", "Jumlah Perempuan"]] + [
        [f"RW {w:02d}", f"{lk * 100:,}".replace(",", "."), f"{p * 100:,}".replace(",", ".")]
        for w, (lk, p) in rw.items()
    ]
    k["rw_angka_bertitik_csv"] = Berkas(
        "rw_titik.csv", _csv(teks_titik, ";"), "per RW", tot * 100, catatan="titik ribuan"
    )
    k["rw_jumlah_saja"] = Berkas(
        "rw_total.csv",
        _csv([["No RW", "Jumlah Penduduk"]] + [[w, lk + p] for w, (lk, p) in rw.items()]),
        "jumlah saja",
        tot,
        {"Per RW"},
        ["rasio jenis kelamin", "Piramida penduduk"],
    )
    k["rw_kolom_jml"] = Berkas(
        "rw_jml.xlsx",
        _xlsx(
            {
                "Data": [["Rukun Warga", "Jml L", "Jml P", "Jml L+P"]]
                + [[f"RW.{w:02d}", lk, p, lk + p] for w, (lk, p) in rw.items()]
            }
        ),
        "per RW",
        tot,
        {"Per RW"},
    )
    ejaan = ["RW 01", "rw2", "RW.03", "04"]
    k["rw_ejaan_beragam"] = Berkas(
        "rw_ejaan.xlsx",
        _xlsx({"Data": [["RW", "L", "P"]] + [[e, *rw[i + 1]] for i, e in enumerate(ejaan)]}),
        "per RW",
        tot,
        pesan=[("Lembar “Data”, kolom A “RW”", "ditulis dengan")],
    )
    k["rw_tsv"] = Berkas("rw.tsv", _csv(ringkas, "\t"), "per RW", tot, catatan="tab")
    k["rw_txt_titik_koma"] = Berkas(
        "rw.txt", _csv(ringkas, ";", "cp1252"), "per RW", tot, catatan="titik koma"
    )
    k["rw_xls"] = Berkas(
        "penduduk_lama.xls",
        _xls({"Sheet1": ringkas}),
        "per RW",
        tot,
        {"Per RW"},
        catatan="Excel lama (.xls",
    )
    k["rw_ods"] = Berkas(
        "penduduk.ods", _ods({"Lembar1": ringkas}), "per RW", tot, {"Per RW"}, catatan="LibreOffice"
    )
    k["rw_ods_catatan_dulu"] = Berkas(
        "penduduk2.ods",
        _ods(
            {"Catatan": [["Data dari buku induk penduduk."], ["Petugas: -"]], "Data 2025": ringkas}
        ),
        "per RW",
        tot,
        catatan="Lembar “Catatan” hanya berisi catatan; data ditemukan di lembar “Data 2025”",
    )

    # --- Mistakes, every one named ---------------------------------------------------------
    def rusak(i, nilai, kolom=1):
        b = [list(r) for r in ringkas]
        b[i][kolom] = nilai
        return b

    k["rw_negatif"] = Berkas(
        "neg.xlsx",
        _xlsx({"Data": rusak(2, -5)}),
        "per RW",
        pesan=[("Lembar “Data”, baris 3, kolom B “L”", "negatif")],
    )
    k["rw_pecahan"] = Berkas(
        "pecahan.xlsx",
        _xlsx({"Data": rusak(3, 12.5, 2)}),
        "per RW",
        pesan=[("Lembar “Data”, baris 4, kolom C “P”", "bukan bilangan bulat")],
    )
    k["rw_kosong"] = Berkas(
        "kosong.xlsx",
        _xlsx({"Data": rusak(1, None)}),
        "per RW",
        pesan=[("Lembar “Data”, baris 2, kolom B “L”", "sel kosong")],
    )
    k["rw_teks_jiwa"] = Berkas(
        "jiwa.csv",
        _csv(rusak(4, "12 jiwa")),
        "per RW",
        pesan=[("Baris 5, kolom B “L”", "bukan angka")],
    )
    k["rw_lp_tidak_cocok"] = Berkas(
        "lp.xlsx",
        _xlsx({"Data": rusak(2, 999, 3)}),
        "per RW",
        pesan=[("Lembar “Data”, baris 3, kolom D “L+P”", "jumlah tertulis 999")],
    )
    banyak = rusak(1, -1)
    banyak[2][2] = "dua puluh"
    banyak[3][3] = 1
    banyak.append(list(banyak[4]))
    k["rw_banyak_masalah"] = Berkas(
        "banyak.xlsx",
        _xlsx({"Data": banyak}),
        "per RW",
        pesan=[
            ("Lembar “Data”, baris 2, kolom B “L”", "negatif"),
            ("Lembar “Data”, baris 3, kolom C “P”", "bukan angka"),
            ("Lembar “Data”, baris 4, kolom D “L+P”", "jumlah tertulis 1"),
            ("Lembar “Data”, baris 6", "duplikat"),
        ],
    )
    tanpa_rw = [["Wilayah", "Laki", "Perempuan"]] + [
        [f"Dusun {w}", lk, p] for w, (lk, p) in rw.items()
    ]
    tanpa_rw[2][1] = -3
    k["tanpa_kolom_rw_tetap_diperiksa"] = Berkas(
        "dusun.xlsx",
        _xlsx({"Data": tanpa_rw}),
        "tanpa kolom RW",
        belum=["butuh kolom nomor RW"],
        pesan=[
            ("Lembar “Data”", "tidak ada kolom RW"),
            ("Lembar “Data”, baris 3, kolom B “Laki”", "negatif"),
        ],
    )
    k["hanya_catatan"] = Berkas(
        "catatan.xlsx",
        _xlsx({"Penduduk": [["Data menyusul."], ["Hubungi kantor."]]}),
        ditolak="“Penduduk” (catatan)",
    )
    k["kolom_tanpa_angka"] = Berkas(
        "nama.csv",
        _csv([["RW", "Ketua RW"], ["01", "Pak A"], ["02", "Bu B"]]),
        belum=["belum ada baris data"],
        pesan=[("belum ada kolom", "banyak penduduk")],
    )

    # --- Per RT, RW × RT ---------------------------------------------------------------------
    rt = d.per_rt()
    per_rt = [["RW", "RT", "Laki-laki", "Perempuan", "Jumlah"]] + [
        [w, t, lk, p, lk + p] for (w, t), (lk, p) in rt.items()
    ]
    k["rt_bersih"] = Berkas(
        "rt.xlsx", _xlsx({"Isian": per_rt}), "per RW × RT", tot, {"Per RW", "Per RT"}
    )
    dengan_sub = [per_rt[0]]
    for w in range(1, d.rw + 1):
        baris = [b for b in per_rt[1:] if b[0] == w]
        dengan_sub += baris + [
            [
                w,
                "Jumlah RW",
                sum(b[2] for b in baris),
                sum(b[3] for b in baris),
                sum(b[4] for b in baris),
            ]
        ]
    dengan_sub.append(["TOTAL", None, tl, tp, tl + tp])
    k["rt_subtotal_per_rw"] = Berkas(
        "rt_sub.xlsx", _xlsx({"Isian": dengan_sub}), "per RW × RT", tot
    )
    digabung = [per_rt[0]] + [[b[0] if b[1] == 1 else None, *b[1:]] for b in per_rt[1:]]
    gabung = [f"A{2 + (w - 1) * d.rt}:A{1 + w * d.rt}" for w in range(1, d.rw + 1)]
    k["rt_rw_digabung"] = Berkas(
        "rt_gabung.xlsx",
        _xlsx({"Isian": digabung}, {"Isian": gabung}),
        "per RW × RT",
        tot,
        pesan=[("Lembar “Isian”, baris 2", "digabung")],
    )
    k["rt_saja"] = Berkas(
        "rt_saja.csv",
        _csv([["RT", "L", "P"]] + [[t, *rt[(1, t)]] for t in range(1, 4)]),
        "per RT",
        sum(sum(rt[(1, t)]) for t in range(1, 4)),
        {"Per RT"},
        ["butuh kolom nomor RW"],
    )
    k["rt_daftar_metadata"] = Berkas(
        "rt_meta.xlsx",
        _xlsx(
            {
                "Isian": per_rt + [[9, 1, 1, 1, 2]],
                "Metadata": [
                    ["Keterangan", "Isi"],
                    ["Nama kelurahan", "Contoh Fiktif"],
                    [
                        "Daftar RW dan RT",
                        "RW 01: RT 1-3; RW 02: RT 1-3; RW 03: RT 1-3; RW 04: RT 1-3",
                    ],
                ],
            }
        ),
        "per RW × RT",
        tot,
        pesan=[(f"Lembar “Isian”, baris {len(per_rt) + 1}, kolom A “RW”", "RW 09 tidak ada")],
    )
    k["rt_duplikat_beda_angka"] = Berkas(
        "rt_dup.xlsx",
        _xlsx({"Isian": per_rt + [[1, 1, 1, 1, 2]]}),
        "per RW × RT",
        pesan=[(f"Lembar “Isian”, baris {len(per_rt) + 1}", "dengan angka berbeda")],
    )

    # --- With age groups: long ---------------------------------------------------------------
    panjang = [["RW", "RT", "Kelompok Umur", "L", "P"]] + [
        [w, t, u, lk, p] for (w, t, u), (lk, p) in d.sel.items()
    ]
    k["umur_panjang_templat_lain"] = Berkas(
        "umur.xlsx",
        _xlsx({"Data": panjang}),
        "umur lima tahunan (satu baris per umur)",
        tot,
        {"Per umur", "Per RT", "Per RW"},
    )
    k["umur_panjang_csv_titik_koma"] = Berkas(
        "umur.csv", _csv(panjang, ";"), "umur lima tahunan", tot
    )
    hilang = [b for b in panjang if not (b[0] == 2 and b[1] == 2 and b[2] == "75+")]
    k["umur_kelompok_hilang"] = Berkas(
        "umur_hilang.xlsx",
        _xlsx({"Data": hilang}),
        "umur lima tahunan",
        pesan=[("Lembar “Data”", "75+ belum ada untuk RW 02, RT 02")],
    )
    aneh = [list(b) for b in panjang]
    aneh[5][2] = "balita"
    k["umur_label_aneh"] = Berkas(
        "umur_aneh.xlsx",
        _xlsx({"Data": aneh}),
        "umur",
        pesan=[("Lembar “Data”, baris 6, kolom C “Kelompok Umur”", "tidak dikenali")],
    )
    db = Data(2, rw=3, rt=2, umur=BESAR)
    besar = [["RW", "RT", "Gol. Umur", "Pria", "Wanita"]] + [
        [w, t, u, lk, p] for (w, t, u), (lk, p) in db.sel.items()
    ]
    k["umur_kelompok_besar"] = Berkas(
        "besar.xlsx", _xlsx({"Data": besar}), "umur kelompok besar", db.total(), {"Per umur"}
    )
    dt = Data(3, rw=2, rt=1, umur=[str(u) for u in range(0, 20)])
    tunggal = [["RW", "RT", "Umur", "L", "P"]] + [
        [w, t, int(u), lk, p] for (w, t, u), (lk, p) in dt.sel.items()
    ]
    k["umur_tunggal"] = Berkas(
        "tunggal.xlsx", _xlsx({"Data": tunggal}), "umur tunggal", dt.total(), {"Per umur"}
    )
    d60 = Data(5, rw=2, rt=2, umur=["0-14", "15-59", "60+"])
    enam_puluh = [["RW", "RT", "Kelompok Umur", "L", "P"]] + [
        [w, t, u, lk, p] for (w, t, u), (lk, p) in d60.sel.items()
    ]
    k["umur_60_ke_atas"] = Berkas(
        "lansia60.xlsx",
        _xlsx({"Data": enam_puluh}),
        "umur kelompok besar",
        d60.total(),
        {"Per umur"},
        ["60+ tidak bisa dibagi"],
    )
    jk_baris = [["RW", "Jenis Kelamin", "Jumlah"]]
    for w, (lk, p) in rw.items():
        jk_baris += [[w, "Laki-laki", lk], [w, "Perempuan", p]]
    k["jenis_kelamin_sebagai_baris"] = Berkas(
        "jk.xlsx", _xlsx({"Data": jk_baris}), "laki-laki dan perempuan", tot, {"Jenis kelamin"}
    )

    # --- With age groups: wide -----------------------------------------------------------------
    ru = d.per_rw_umur()
    kepala1 = ["RW"] + [x for u in LIMA for x in (u, None)]
    kepala2 = [None] + ["L", "P"] * len(LIMA)
    isi = [[w] + [x for u in LIMA for x in ru[(w, u)]] for w in range(1, d.rw + 1)]
    gabung_umur = [f"{c1}1:{c2}1" for c1, c2 in _pasang_kolom(len(LIMA))]
    k["umur_lebar_dua_baris"] = Berkas(
        "lebar.xlsx",
        _xlsx({"Data": [kepala1, kepala2, *isi]}, {"Data": ["A1:A2", *gabung_umur]}),
        "kelompok umur sebagai kolom",
        tot,
        {"Per umur", "Per RW"},
        catatan="dua baris",
    )
    satu = [["RW"] + [f"{u} {s}" for u in LIMA for s in ("L", "P")] + ["Jumlah L", "Jumlah P"]]
    satu += [b + [rw[b[0]][0], rw[b[0]][1]] for b in isi]
    k["umur_lebar_satu_baris_dengan_total"] = Berkas(
        "lebar1.csv", _csv(satu), "kelompok umur sebagai kolom", tot
    )
    satu_salah = [list(b) for b in satu]
    satu_salah[2][-2] += 7
    k["umur_lebar_total_salah"] = Berkas(
        "lebar_salah.csv",
        _csv(satu_salah),
        "kelompok umur sebagai kolom",
        pesan=[(f"Baris 3, kolom {_huruf(len(satu[0]) - 1)} “Jumlah L”", "jumlah kolom per umur")],
    )
    jml = [["RW"] + [f"Umur {u}" for u in BESAR]]
    db2 = Data(4, rw=3, rt=1, umur=BESAR)
    jml += [[w] + [sum(db2.sel[(w, 1, u)]) for u in BESAR] for w in range(1, 4)]
    k["umur_lebar_jumlah_saja"] = Berkas(
        "lebar_jml.xlsx",
        _xlsx({"Data": jml}),
        "jumlah saja",
        db2.total(),
        {"Per umur"},
        ["Piramida penduduk"],
    )

    # --- One sheet per RW ---------------------------------------------------------------------
    per_lembar = {
        f"RW {w:02d}": [["RT", "Kelompok Umur", "L", "P"]]
        + [[t, u, *d.sel[(w, t, u)]] for t in range(1, d.rt + 1) for u in LIMA]
        for w in range(1, d.rw + 1)
    }
    k["satu_lembar_per_rw"] = Berkas(
        "per_rw.xlsx",
        _xlsx(per_lembar),
        "satu lembar untuk setiap RW",
        tot,
        {"Per RW", "Per RT", "Per umur"},
    )
    salah_lembar = {n: [list(b) for b in v] for n, v in per_lembar.items()}
    salah_lembar["RW 03"][4][2] = -1
    k["satu_lembar_per_rw_dengan_galat"] = Berkas(
        "per_rw_salah.xlsx",
        _xlsx(salah_lembar),
        "satu lembar untuk setiap RW",
        pesan=[("Lembar “RW 03”, baris 5, kolom C “L”", "negatif")],
    )
    dgn_sampul = {
        "Sampul": [["Data Penduduk Kelurahan Contoh"], ["Fiktif untuk uji"]],
        **per_lembar,
    }
    k["sampul_lalu_lembar_per_rw"] = Berkas(
        "sampul.xlsx",
        _xlsx(dgn_sampul),
        "satu lembar untuk setiap RW",
        tot,
        catatan="Lembar “Sampul” hanya berisi catatan",
    )

    # --- The kit's own files ------------------------------------------------------------------
    from literasi.kelurahan import validasi as vk

    k["templat_kit"] = Berkas("templat.xlsx", vk.buat_templat(), "per RW × RT", 4031, {"Per umur"})
    k["latihan_kit"] = Berkas(
        "latihan.csv",
        vk.berkas_contoh_bermasalah(),
        "per RW × RT",
        pesan=[
            ("Baris 5, kolom D “Laki-laki (jiwa)”", "bukan angka"),
            ("Baris 10, kolom E “Perempuan (jiwa)”", "negatif"),
            ("Baris 8", "duplikat"),
            ("Baris 116, kolom D “Laki-laki (jiwa)”", "baris jumlah"),
        ],
        catatan="Windows-1252",
    )
    return k


def _huruf(nomor: int) -> str:
    from literasi.unggah import huruf_kolom

    return huruf_kolom(nomor)


def _pasang_kolom(n: int):
    for i in range(n):
        yield _huruf(2 + 2 * i), _huruf(3 + 2 * i)
