"""App K02 (Desa Cantik): a kelurahan processes its own population data.

Download the template, upload an Excel/CSV file, read the validation report, apply (and undo)
cleaning steps, get tables, indicators and charts, and take home an Excel workbook and a PDF
"Kelurahan … dalam Angka". The app opens with the template's fictional example loaded and says
so loudly; an upload replaces it. The uploaded bytes are kept as they came ("asli"); every
table shown is derived from them.

Pure computations first (tables, indicators, charts drawn on a given Axes), then the view.
"""

from __future__ import annotations

import hashlib
import re
from dataclasses import astuple, dataclass
from functools import lru_cache
from html import escape

import ipywidgets as ipw
import pandas as pd
from matplotlib.ticker import FuncFormatter

from literasi import ekspor as laporan
from literasi.format import format_angka
from literasi.grafik import WARNA_SOROT, WARNA_UTAMA, gambar_baru, html_grafik
from literasi.kelurahan import validasi as vk
from literasi.soal import SoalAngka, SoalPilihan
from literasi.tampilan import Tampilan, baris_kontrol
from literasi.unduh import MIME_XLSX, tautan_unduh
from literasi.unggah import BATAS_MB, Masalah, angka_sel, baca_berkas, html_masalah

MUDA = ("0-4", "5-9", "10-14")  # 0-14 tahun
TUA = ("65-69", "70-74", "75+")  # 65 tahun ke atas
GRAFIK = ("Piramida penduduk", "Penduduk per RW")
NAMA_TEMPLATE = "template_penduduk_kelurahan.xlsx"
NAMA_LATIHAN = "latihan_berkas_bermasalah_FIKTIF.csv"
JUDUL_BAGIAN = {
    "1. Unduh template": "bagian_template",
    "2. Unggah berkas Anda": "bagian_unggah",
    "3. Keterangan data (metadata)": "bagian_keterangan",
    "4. Laporan pemeriksaan": "bagian_laporan",
    "5. Langkah pembersihan": "bagian_pembersihan",
    "6. Tabel dan indikator": "bagian_tabel",
    "7. Grafik": "bagian_grafik",
    "8. Unduh hasil": "bagian_unduh",
}


# --- Tables and indicators ----------------------------------------------------------------


def tabel_per_rw(data: pd.DataFrame) -> pd.DataFrame:
    """Men, women, total and sex ratio per RW."""
    t = data.groupby("rw")[["laki_laki", "perempuan"]].sum().reset_index()
    t["jumlah"] = t["laki_laki"] + t["perempuan"]
    t["rasio_jk"] = 100 * t["laki_laki"] / t["perempuan"].where(t["perempuan"] > 0)
    t["rw"] = t["rw"].map(lambda r: f"RW {r:02d}")
    return t.rename(columns={"rw": "RW"})


def tabel_per_umur(data: pd.DataFrame) -> pd.DataFrame:
    """Men, women, total and share of the population per age group (all 16 groups)."""
    t = data.groupby("kelompok_umur", observed=False)[["laki_laki", "perempuan"]].sum()
    t = t.reindex(list(vk.KELOMPOK_UMUR), fill_value=0).reset_index()
    t["jumlah"] = t["laki_laki"] + t["perempuan"]
    total = t["jumlah"].sum()
    t["persen"] = 100 * t["jumlah"] / total if total else 0.0
    return t


def tabel_jenis_kelamin(data: pd.DataFrame) -> pd.DataFrame:
    lk, pr = int(data["laki_laki"].sum()), int(data["perempuan"].sum())
    total = lk + pr
    return pd.DataFrame(
        {
            "jenis_kelamin": ["Laki-laki", "Perempuan", "Jumlah"],
            "jiwa": [lk, pr, total],
            "persen": [100 * lk / total, 100 * pr / total, 100.0] if total else [0.0] * 3,
        }
    )


@dataclass(frozen=True)
class Indikator:
    nama: str
    nilai: float | None
    satuan: str
    desimal: int
    makna: str  # one sentence: what the number means

    def teks_nilai(self) -> str:
        if self.nilai is None:
            return "–"
        return f"{format_angka(self.nilai, self.desimal)}{self.satuan}"


def kelompok_besar(data: pd.DataFrame) -> dict[str, int]:
    """People aged 0-14, 15-64 and 65+ (sum of the five-year groups)."""
    per = tabel_per_umur(data).set_index("kelompok_umur")["jumlah"]
    muda, tua = int(per[list(MUDA)].sum()), int(per[list(TUA)].sum())
    return {"0-14": muda, "15-64": int(per.sum()) - muda - tua, "65+": tua}


def hitung_indikator(data: pd.DataFrame, luas_km2: float | None) -> list[Indikator]:
    """The indicators of the report, each with one sentence on how to read it."""
    lk, pr = int(data["laki_laki"].sum()), int(data["perempuan"].sum())
    total = lk + pr
    besar = kelompok_besar(data)
    rjk = 100 * lk / pr if pr else None
    rk = 100 * (besar["0-14"] + besar["65+"]) / besar["15-64"] if besar["15-64"] else None

    def persen(n):
        return 100 * n / total if total else None

    hasil = [
        Indikator("Jumlah penduduk", total, " jiwa", 0,
                  f"Semua penduduk yang tercatat: {format_angka(lk)} laki-laki dan "
                  f"{format_angka(pr)} perempuan."),
        Indikator("Rasio jenis kelamin", rjk, "", 1,
                  "Banyaknya laki-laki untuk setiap 100 perempuan; di atas 100 berarti laki-laki "
                  "lebih banyak."),
        Indikator("Rasio ketergantungan", rk, "", 1,
                  "Banyaknya penduduk usia 0-14 dan 65+ (belum/tidak lagi produktif) yang "
                  "ditanggung setiap 100 penduduk usia 15-64."),
        Indikator("Penduduk usia 0-14 tahun", persen(besar["0-14"]), "%", 1,
                  f"{format_angka(besar['0-14'])} anak: kebutuhan PAUD, sekolah, posyandu."),
        Indikator("Penduduk usia 15-64 tahun", persen(besar["15-64"]), "%", 1,
                  f"{format_angka(besar['15-64'])} orang usia kerja (produktif)."),
        Indikator("Penduduk usia 65+ tahun", persen(besar["65+"]), "%", 1,
                  f"{format_angka(besar['65+'])} lansia: kebutuhan posyandu lansia, layanan "
                  "kesehatan."),
    ]  # fmt: skip
    if luas_km2:
        hasil.append(
            Indikator(
                "Kepadatan penduduk",
                total / luas_km2,
                " jiwa/km²",
                0,
                f"Rata-rata banyaknya penduduk per km² (luas {format_angka(luas_km2, 3)} km²).",
            )
        )
    return hasil


# --- Charts (drawn on a given Axes: the same drawing for the screen and the PDF) ----------


def _ribu(x, _pos=None) -> str:
    return format_angka(abs(x))


def gambar_piramida(ax, data: pd.DataFrame, judul: str) -> None:
    per = tabel_per_umur(data)
    y = range(len(per))
    ax.barh(y, -per["laki_laki"], color=WARNA_UTAMA, label="Laki-laki")
    ax.barh(y, per["perempuan"], color=WARNA_SOROT, label="Perempuan")
    ax.set_yticks(list(y), per["kelompok_umur"], fontsize=8)
    batas = max(1, per[["laki_laki", "perempuan"]].to_numpy().max()) * 1.1
    ax.set_xlim(-batas, batas)
    ax.axvline(0, color="#333333", linewidth=0.6)
    ax.xaxis.set_major_formatter(FuncFormatter(_ribu))
    ax.tick_params(axis="x", labelsize=8)
    ax.set_xlabel("Jumlah penduduk (jiwa)", fontsize=9)
    ax.set_ylabel("Kelompok umur (tahun)", fontsize=9)
    ax.set_title(judul, fontsize=10)
    ax.legend(fontsize=8, loc="upper right", frameon=False)
    ax.spines[["top", "right"]].set_visible(False)


def gambar_per_rw(ax, data: pd.DataFrame, judul: str) -> None:
    per = tabel_per_rw(data)
    x = range(len(per))
    ax.bar([i - 0.2 for i in x], per["laki_laki"], width=0.4, color=WARNA_UTAMA,
           label="Laki-laki")  # fmt: skip
    ax.bar([i + 0.2 for i in x], per["perempuan"], width=0.4, color=WARNA_SOROT,
           label="Perempuan")  # fmt: skip
    ax.set_xticks(list(x), per["RW"], fontsize=8)
    ax.yaxis.set_major_formatter(FuncFormatter(_ribu))
    ax.tick_params(axis="y", labelsize=8)
    ax.set_ylabel("Jumlah penduduk (jiwa)", fontsize=9)
    ax.set_title(judul, fontsize=10)
    ax.legend(fontsize=8, frameon=False)
    ax.spines[["top", "right"]].set_visible(False)


def kalimat_piramida(data: pd.DataFrame, nama: str) -> str:
    per = tabel_per_umur(data)
    terbesar = per.loc[per["jumlah"].idxmax()]
    besar = kelompok_besar(data)
    total = sum(besar.values())
    return (
        f"Piramida penduduk {nama}: laki-laki di kiri, perempuan di kanan, per kelompok umur "
        f"lima tahunan. Kelompok terbesar {terbesar['kelompok_umur']} tahun "
        f"({format_angka(terbesar['jumlah'])} jiwa); usia 0-14 tahun "
        f"{format_angka(100 * besar['0-14'] / total, 1)}% dan 65+ "
        f"{format_angka(100 * besar['65+'] / total, 1)}% dari {format_angka(total)} jiwa."
    )


def kalimat_per_rw(data: pd.DataFrame, nama: str) -> str:
    per = tabel_per_rw(data)
    besar, kecil = per.loc[per["jumlah"].idxmax()], per.loc[per["jumlah"].idxmin()]
    return (
        f"Diagram batang penduduk laki-laki dan perempuan di {len(per)} RW {nama}. Terbanyak "
        f"{besar['RW']} ({format_angka(besar['jumlah'])} jiwa), paling sedikit {kecil['RW']} "
        f"({format_angka(kecil['jumlah'])} jiwa)."
    )


# --- Self-check quiz (answers from the fictional example, computed) -----------------------


def data_contoh() -> pd.DataFrame:
    """The template's fictional example, cleaned and typed (as the app opens)."""
    return vk.data_siap(vk.contoh_fiktif())[0]


def semua_soal() -> list:
    """Three self-check questions on the fictional example the app opens with."""
    data = data_contoh()
    ind = {i.nama: i for i in hitung_indikator(data, vk.META_CONTOH.luas_km2)}
    besar = kelompok_besar(data)
    rjk, rk = ind["Rasio jenis kelamin"].nilai, ind["Rasio ketergantungan"].nilai
    lk, pr = int(data["laki_laki"].sum()), int(data["perempuan"].sum())
    return [
        SoalPilihan(
            pertanyaan=(
                "Berkas Anda punya baris “Jumlah” di bawah data RT. Apa akibatnya jika baris itu "
                "dibiarkan?"
            ),
            pilihan=[
                "Tidak apa-apa, aplikasi melewatinya",
                "Penduduknya terhitung dua kali",
                "Berkas tidak bisa diunggah",
            ],
            jawaban="Penduduknya terhitung dua kali",
            penjelasan=(
                "Baris jumlah dijumlahkan lagi bersama baris RT, sehingga total menjadi dua kali "
                "lipat. Laporan pemeriksaan menandainya dan langkah “Hapus baris jumlah/total” "
                "membuangnya."
            ),
            petunjuk=["Apa yang terjadi jika semua baris, termasuk baris jumlah, dijumlahkan?"],
            umpan_balik={
                "Tidak apa-apa, aplikasi melewatinya": (
                    "Aplikasi hanya menandainya; Anda yang memutuskan menghapusnya."
                ),
                "Berkas tidak bisa diunggah": "Berkasnya tetap terbaca; masalahnya di angkanya.",
            },
        ),
        SoalAngka(
            pertanyaan=(
                f"Data contoh fiktif mencatat {format_angka(lk)} laki-laki dan {format_angka(pr)} "
                "perempuan. Berapa rasio jenis kelaminnya (laki-laki per 100 perempuan)?"
            ),
            jawaban=float(rjk),
            petunjuk=["Rasio jenis kelamin = laki-laki ÷ perempuan × 100."],
            penjelasan=(
                f"Ada sekitar {format_angka(rjk, 1)} laki-laki untuk setiap 100 perempuan."
            ),
            toleransi=0.005,
        ),
        SoalAngka(
            pertanyaan=(
                f"Di data contoh fiktif ada {format_angka(besar['0-14'])} penduduk usia 0-14, "
                f"{format_angka(besar['15-64'])} usia 15-64 dan {format_angka(besar['65+'])} usia "
                "65+. Berapa rasio ketergantungannya?"
            ),
            jawaban=float(rk),
            petunjuk=["Rasio ketergantungan = (0-14 + 65+) ÷ (15-64) × 100."],
            penjelasan=(
                f"Setiap 100 penduduk usia produktif menanggung sekitar {format_angka(rk, 1)} "
                "penduduk usia muda dan lansia."
            ),
            toleransi=0.005,
        ),
    ]


@lru_cache(maxsize=1)
def template() -> bytes:
    """The template workbook (seeded: the same fictional example every time), made once."""
    return vk.buat_template()


# --- Helpers for the view -----------------------------------------------------------------


def _sel(v) -> str:
    if v is None or v is pd.NA or (isinstance(v, float) and v != v):
        return "<td>–</td>"
    if isinstance(v, int | float) and not isinstance(v, bool) or hasattr(v, "dtype"):
        angka = float(v)
        teks = format_angka(angka, 0 if angka.is_integer() else 1)
        return f"<td style='text-align:right'>{teks}</td>"
    # Uploaded text: shown as text, never as HTML.
    return f"<td style='white-space:nowrap'>{escape(str(v))}</td>"


def html_tabel(tabel: pd.DataFrame, judul: str, kepala: dict[str, str] | None = None) -> str:
    kepala = kepala or {k: str(k) for k in tabel.columns}
    th = "".join(f"<th scope='col'>{escape(v)}</th>" for v in kepala.values())
    isi = tabel[list(kepala)].astype(object).where(tabel[list(kepala)].notna(), None)
    baris = "".join(
        "<tr>" + "".join(_sel(v) for v in b) + "</tr>" for b in isi.itertuples(index=False)
    )
    return (
        "<div style='overflow-x:auto;max-width:100%'><table class='literasi-tabel'>"
        f"<caption>{escape(judul)}</caption><thead><tr>{th}</tr></thead>"
        f"<tbody>{baris}</tbody></table></div>"
    )


def daftar_baris(nomor: list) -> str:
    """[5, 8] -> 'baris 5, 8'; more than six -> '114 baris (2, 3, 4, 5, …)'."""
    if len(nomor) <= 6:
        return "baris " + ", ".join(str(n) for n in nomor)
    awal = ", ".join(str(n) for n in nomor[:4])
    return f"{len(nomor)} baris ({awal}, …)"


def ada_tanda_fiktif(tabel: pd.DataFrame | None, meta: vk.MetaKelurahan) -> bool:
    teks = " ".join([meta.kelurahan, meta.sumber])
    if tabel is not None:
        for k in tabel.columns:
            if tabel[k].dtype == object:
                teks += " " + " ".join(str(v) for v in tabel[k].dropna().unique()[:50])
    return vk.TANDA_FIKTIF.lower() in teks.lower()


def _bagian(*anak) -> ipw.VBox:
    return ipw.VBox(list(anak), layout=ipw.Layout(width="100%"))


def _judul(teks: str) -> ipw.HTML:
    return ipw.HTML(f"<h3 style='margin:12px 0 4px'>{escape(teks)}</h3>")


def _lebar() -> ipw.Layout:
    return ipw.Layout(width="100%", max_width="560px")


# --- The view -----------------------------------------------------------------------------


class OlahDataKelurahan(Tampilan):
    """Template → upload → report → cleaning → tables → indicators → charts → downloads.

    The sections are widgets of their own (`bagian_*`), so the notebook can put text between
    them; `_ipython_display_` shows them all in order. Everything is recomputed by `_update`
    from `self.asli` (the uploaded bytes, never changed) and the cleaning steps chosen.
    """

    def __init__(self, nama_berkas: str, isi: bytes):
        self.template = template()
        # Controls, in page order. The chart dropdown is the first Dropdown on the page.
        self.pesan_template = ipw.HTML(self._html_template())
        self.tombol_latihan = ipw.Button(
            description="Coba berkas latihan bermasalah",
            tooltip="Muat berkas CSV fiktif yang sengaja berisi kesalahan",
            icon="flask",
            layout=ipw.Layout(width="auto", min_height="40px"),
        )
        self.tombol_contoh = ipw.Button(
            description="Kembali ke contoh fiktif",
            icon="undo",
            layout=ipw.Layout(width="auto", min_height="40px"),
        )
        self.unggahan = ipw.FileUpload(
            accept=".xlsx,.csv",
            multiple=False,
            description="Pilih berkas (.xlsx/.csv)",
            button_style="primary",
            layout=ipw.Layout(width="auto", min_height="40px"),
        )
        self.status = ipw.HTML()
        self.isian_meta = {
            "kelurahan": ipw.Text(description="Kelurahan"),
            "kecamatan": ipw.Text(description="Kecamatan"),
            "periode": ipw.Text(description="Periode"),
            "sumber": ipw.Text(description="Sumber"),
            "kontak": ipw.Text(description="Kontak"),
            "luas_km2": ipw.Text(description="Luas (km²)", placeholder="mis. 1,25 (boleh kosong)"),
            "daftar_rt": ipw.Textarea(
                description="RW dan RT", placeholder="RW 01: RT 1-5; RW 02: RT 1-4", rows=3
            ),
        }
        for w in self.isian_meta.values():
            w.layout = _lebar()
            w.style = {"description_width": "90px"}
            w.continuous_update = False
            w.observe(self._on_meta, names="value")
        self.laporan = ipw.HTML()
        self.langkah = ipw.VBox(layout=ipw.Layout(width="100%"))
        self.tabel = ipw.HTML()
        self.indikator = ipw.HTML()
        self.pilih_grafik = ipw.Dropdown(
            options=list(GRAFIK),
            value=GRAFIK[0],
            description="Grafik",
            style={"description_width": "initial"},
            layout=ipw.Layout(width="100%", max_width="360px", height="auto"),
        )
        self.grafik = ipw.HTML()
        self.tombol_unduh = ipw.Button(
            description="Siapkan Excel dan PDF",
            button_style="primary",
            icon="download",
            layout=ipw.Layout(width="auto", min_height="40px"),
        )
        self.unduhan = ipw.HTML(
            "<p class='literasi-kecil'>Tekan tombol untuk membuat berkas dari data yang tampil "
            "sekarang (beberapa detik).</p>"
        )
        self.spanduk = ipw.HTML()
        self.tombol_latihan.on_click(lambda _b: self.muat_latihan())
        self.tombol_contoh.on_click(lambda _b: self.muat_contoh())
        self.unggahan.observe(self._on_unggah, names="value")
        self.pilih_grafik.observe(self._on_change, names="value")
        self.tombol_unduh.on_click(lambda _b: self.siapkan_unduhan())

        self.bagian_template = _bagian(
            self.pesan_template,
            baris_kontrol(self.tombol_latihan, self.tombol_contoh),
        )
        self.bagian_unggah = _bagian(
            ipw.HTML(
                f"<p>Pilih berkas Excel (.xlsx) atau CSV, paling besar {BATAS_MB} MB. Berkas asli "
                "tidak diubah; semua perbaikan dilakukan pada salinannya.</p>"
            ),
            self.unggahan,
            self.status,
        )
        self.bagian_keterangan = _bagian(
            ipw.HTML(
                "<p class='literasi-kecil'>Diisi otomatis dari lembar Metadata template. Daftar "
                "RW dan RT dipakai untuk memeriksa kode; luas dipakai untuk kepadatan.</p>"
            ),
            *self.isian_meta.values(),
        )
        self.bagian_laporan = _bagian(self.laporan)
        self.bagian_pembersihan = _bagian(self.langkah)
        self.bagian_tabel = _bagian(self.tabel, self.indikator)
        self.bagian_grafik = _bagian(self.pilih_grafik, self.grafik)
        self.bagian_unduh = _bagian(self.tombol_unduh, self.unduhan)
        # The whole app in one box, with step headings (the notebook puts its own text
        # between the sections instead).
        self.widget = ipw.VBox(
            [self.spanduk]
            + [
                w
                for judul, bagian in JUDUL_BAGIAN.items()
                for w in (_judul(judul), getattr(self, bagian))
            ],
            layout=ipw.Layout(width="100%"),
        )
        self._kunci_grafik = None
        self.muat(nama_berkas, isi)

    @classmethod
    def contoh(cls) -> OlahDataKelurahan:
        """Open with the template's fictional example loaded (what the notebook does)."""
        return cls(NAMA_TEMPLATE, template())

    # --- Loading ------------------------------------------------------------------------

    def muat(self, nama_berkas: str, isi: bytes, meta: vk.MetaKelurahan | None = None) -> None:
        """Read an upload. The bytes are kept as they came (`asli`) and never modified.

        Metadata: from the file's Metadata sheet if it has one, else `meta` if given; the
        fictional example's metadata never stays on a real upload (the fields are emptied)."""
        self.nama_berkas = nama_berkas
        self.asli = bytes(isi)
        self.sidik_asli = hashlib.sha256(self.asli).hexdigest()
        self.hasil = baca_berkas(nama_berkas, self.asli)
        self.catatan_kolom: list[str] = []
        tabel = None
        if self.hasil.tabel is not None:
            tabel, self.catatan_kolom = vk.seragamkan_kolom(self.hasil.tabel)
        self.pembersihan = vk.Pembersihan(tabel) if tabel is not None else None
        if self.hasil.metadata:
            self._isi_meta(vk.MetaKelurahan.dari_dict(self.hasil.metadata))
        elif meta is not None:
            self._isi_meta(meta)
        elif ada_tanda_fiktif(None, self.meta):
            self._isi_meta(vk.MetaKelurahan())
        self.unduhan.value = (
            "<p class='literasi-kecil'>Tekan tombol untuk membuat berkas dari data yang tampil "
            "sekarang (beberapa detik).</p>"
        )
        self._update()

    def muat_contoh(self) -> None:
        self.muat(NAMA_TEMPLATE, self.template)

    def muat_latihan(self) -> None:
        # The practice CSV has no metadata sheet: use the fictional kelurahan's.
        self.muat(NAMA_LATIHAN, vk.berkas_contoh_bermasalah(), vk.META_CONTOH)

    def _isi_meta(self, meta: vk.MetaKelurahan) -> None:
        self._diam = True
        try:
            for nama, w in self.isian_meta.items():
                nilai = getattr(meta, nama)
                if nama == "luas_km2":
                    nilai = format_angka(nilai, 3).rstrip("0").rstrip(",") if nilai else ""
                w.value = nilai or ""
        finally:
            self._diam = False

    def _on_unggah(self, change) -> None:
        berkas = change["new"]
        if not berkas:
            return
        f = berkas[0] if isinstance(berkas, list | tuple) else next(iter(berkas.values()))
        try:
            self.muat(f.get("name", "berkas"), bytes(f.get("content", b"")))
        except Exception as e:  # noqa: BLE001 - the kernel survives; the user sees a message
            self.status.value = (
                "<div class='literasi-umpan salah'>Berkas tidak bisa diproses "
                f"({escape(type(e).__name__)}). Simpan ulang sebagai .xlsx lalu coba lagi.</div>"
            )

    def _on_meta(self, _change=None) -> None:
        if not getattr(self, "_diam", False):
            self._update()

    def _on_change(self, _change=None) -> None:
        self._update_grafik()

    # --- State --------------------------------------------------------------------------

    @property
    def meta(self) -> vk.MetaKelurahan:
        nilai = {n: w.value.strip() for n, w in self.isian_meta.items()}
        luas = angka_sel(nilai.pop("luas_km2"))
        return vk.MetaKelurahan(**nilai, luas_km2=luas if luas and luas > 0 else None)

    @property
    def tabel_kini(self) -> pd.DataFrame | None:
        return self.pembersihan.tabel if self.pembersihan else None

    def _kunci_keadaan(self) -> tuple:
        langkah = tuple(self.pembersihan.langkah) if self.pembersihan else None
        return (id(self.hasil), langkah, astuple(self.meta))

    def masalah(self) -> list[Masalah]:
        """The reader's problems plus the template checks on the current (cleaned) table."""
        kunci = self._kunci_keadaan()
        if getattr(self, "_ingatan_masalah", (None,))[0] != kunci:
            daftar = list(self.hasil.masalah)
            if self.pembersihan is not None:
                daftar += vk.periksa(self.tabel_kini, self.meta, self.hasil.lembar)
            self._ingatan_masalah = (kunci, daftar)
        return list(self._ingatan_masalah[1])

    def data(self) -> tuple[pd.DataFrame, list]:
        """Rows that can be counted, and the rows left out: unreadable ones and every row with
        a problem to fix (red in the report), so a doubtful number never reaches a table."""
        if self.pembersihan is None:
            return pd.DataFrame(columns=["rw", "rt", "kelompok_umur", "laki_laki", "perempuan"]), []
        tabel = self.tabel_kini
        salah = {m.baris for m in self.masalah() if m.tingkat == "galat"} & set(tabel.index)
        data, keluar = vk.data_siap(tabel.drop(index=sorted(salah)))
        return data, sorted(set(keluar) | salah)

    @property
    def fiktif(self) -> bool:
        return ada_tanda_fiktif(self.tabel_kini, self.meta)

    def terapkan(self, kode: str) -> None:
        if self.pembersihan:
            self.pembersihan.terapkan(kode)
            self._update()

    def urungkan(self, kode: str | None = None) -> None:
        if self.pembersihan:
            self.pembersihan.urungkan(kode)
            self._update()

    # --- Drawing ------------------------------------------------------------------------

    def _update(self) -> None:
        meta = self.meta
        self.spanduk.value = (
            "<div class='literasi-umpan salah' role='status' style='font-size:1.15em'><b>"
            f"{vk.TANDA_FIKTIF}</b>: angka yang tampil adalah karangan untuk latihan, bukan data "
            "kelurahan mana pun. Unggah berkas Anda di langkah 2 untuk menggantinya.</div>"
            if self.fiktif
            else ""
        )
        self.status.value = self._html_status()
        self.laporan.value = html_masalah(self.masalah(), "Hasil pemeriksaan berkas")
        self._update_langkah()
        data, keluar = self.data()
        self.tabel.value = self._html_tabel(data, keluar)
        self.indikator.value = self._html_indikator(data, meta)
        self._update_grafik()

    def _html_status(self) -> str:
        h = self.hasil
        kb = format_angka(len(self.asli) / 1024, 1)
        kelas = "benar" if h.berhasil else "salah"
        kepala = (
            f"<b>{escape(self.nama_berkas)}</b> ({kb} KB): "
            + (
                f"terbaca {format_angka(len(h.tabel))} baris data"
                + (f" dari lembar “{escape(h.lembar)}”" if h.lembar else "")
                if h.berhasil
                else "belum bisa dibaca sebagai tabel"
            )
            + "."
        )
        catatan = [*h.catatan, *self.catatan_kolom]
        butir = "".join(f"<li>{escape(c)}</li>" for c in catatan)
        ekor = (
            f"<details><summary>Yang terdeteksi ({len(catatan)})</summary><ul style='margin:4px "
            f"0;padding-left:1.2em'>{butir}</ul></details>"
            if catatan
            else ""
        )
        return f"<div class='literasi-umpan {kelas}' role='status'>{kepala}{ekor}</div>"

    def _update_langkah(self) -> None:
        if self.pembersihan is None:
            self.langkah.children = [
                ipw.HTML("<p>Belum ada tabel yang bisa dibersihkan: perbaiki berkasnya dulu.</p>")
            ]
            return
        anak = []
        riwayat = self.pembersihan.riwayat()
        if riwayat:
            anak.append(
                ipw.HTML("<p><b>Sudah diterapkan</b> (pada salinan; berkas asli tetap):</p>")
            )
        for lk, nomor in riwayat:
            tombol = ipw.Button(
                description="Urungkan",
                tooltip=f"Urungkan: {lk.judul}",
                icon="undo",
                layout=ipw.Layout(width="auto", min_height="40px"),
            )
            tombol.on_click(lambda _b, k=lk.kode: self.urungkan(k))
            anak.append(
                baris_kontrol(
                    ipw.HTML(
                        f"<div>✔ {escape(lk.judul)}: {escape(daftar_baris(nomor) or '-')}</div>",
                        layout=ipw.Layout(flex="1 1 240px"),
                    ),
                    tombol,
                )
            )
        tersedia = self.pembersihan.tersedia()
        if tersedia:
            anak.append(ipw.HTML("<p><b>Bisa diterapkan</b>:</p>"))
        for lk, nomor in tersedia:
            tombol = ipw.Button(
                description="Terapkan",
                tooltip=f"Terapkan: {lk.judul}",
                button_style="info",
                icon="check",
                layout=ipw.Layout(width="auto", min_height="40px"),
            )
            tombol.on_click(lambda _b, k=lk.kode: self.terapkan(k))
            anak.append(
                baris_kontrol(
                    ipw.HTML(
                        f"<div><b>{escape(lk.judul)}</b>: {escape(daftar_baris(nomor))}<br>"
                        f"<span class='literasi-kecil'>{escape(lk.penjelasan)}</span></div>",
                        layout=ipw.Layout(flex="1 1 240px"),
                    ),
                    tombol,
                )
            )
        if not riwayat and not tersedia:
            anak.append(ipw.HTML("<p>Tidak ada langkah pembersihan yang diperlukan.</p>"))
        else:
            anak.append(
                ipw.HTML(
                    "<p class='literasi-kecil'>Masalah lain (sel kosong, angka negatif, kode di "
                    "luar daftar) perlu diperbaiki di berkas Anda, lalu unggah lagi: aplikasi "
                    "tidak menebak angka.</p>"
                )
            )
        self.langkah.children = anak

    def _html_tabel(self, data: pd.DataFrame, keluar: list) -> str:
        if data.empty:
            return "<p>Belum ada baris yang bisa dihitung.</p>"
        catatan = (
            "<div class='literasi-umpan petunjuk'>Belum ikut dihitung karena masih bermasalah: "
            f"{escape(daftar_baris(keluar))}. Lihat laporan di atas, perbaiki di berkas, lalu "
            "unggah lagi.</div>"
            if keluar
            else ""
        )
        per_rw = tabel_per_rw(data)
        umur = tabel_per_umur(data)
        jk = tabel_jenis_kelamin(data)
        return (
            catatan
            + html_tabel(jk, "Penduduk menurut jenis kelamin",
                         {"jenis_kelamin": "Jenis kelamin", "jiwa": "Jiwa", "persen": "%"})
            + html_tabel(per_rw, "Penduduk menurut RW",
                         {"RW": "RW", "laki_laki": "Laki-laki", "perempuan": "Perempuan",
                          "jumlah": "Jumlah", "rasio_jk": "Rasio JK"})
            + html_tabel(umur, "Penduduk menurut kelompok umur",
                         {"kelompok_umur": "Umur", "laki_laki": "Laki-laki",
                          "perempuan": "Perempuan", "jumlah": "Jumlah", "persen": "%"})
        )  # fmt: skip

    def _html_indikator(self, data: pd.DataFrame, meta: vk.MetaKelurahan) -> str:
        if data.empty:
            return ""
        butir = "".join(
            f"<li><b>{escape(i.nama)}: {escape(i.teks_nilai())}</b><br>{escape(i.makna)}</li>"
            for i in hitung_indikator(data, meta.luas_km2)
        )
        tanpa_luas = (
            ""
            if meta.luas_km2
            else "<p class='literasi-kecil'>Isi luas wilayah di langkah 3 untuk menghitung "
            "kepadatan penduduk.</p>"
        )
        return (
            "<div class='literasi-indikator'><b>Indikator</b><ul style='padding-left:1.2em'>"
            f"{butir}</ul>{tanpa_luas}</div>"
        )

    def _sumber(self) -> str:
        sumber = self.meta.sumber or "(sumber belum diisi)"
        return f"{sumber}; diolah dengan Kit Literasi Statistik BPS Kota Pekalongan"

    def _update_grafik(self) -> None:
        data, _ = self.data()
        if data.empty:
            self.grafik.value = "<p>Grafik muncul setelah ada baris data yang bisa dihitung.</p>"
            self._kunci_grafik = None
            return
        nama = self.meta.judul
        kunci = (
            self.pilih_grafik.value,
            int(pd.util.hash_pandas_object(data.astype(str), index=False).sum()),
            nama,
            self.fiktif,
            self._sumber(),
        )
        if kunci == self._kunci_grafik:
            return  # same picture: a cleaning step that changes no counted row redraws nothing
        self._kunci_grafik = kunci
        fig = gambar_baru(5.6, 6.8)
        ax = fig.add_subplot()
        if self.pilih_grafik.value == GRAFIK[0]:
            gambar_piramida(ax, data, f"Piramida penduduk {nama}")
            kalimat = kalimat_piramida(data, nama)
        else:
            gambar_per_rw(ax, data, f"Penduduk per RW, {nama}")
            kalimat = kalimat_per_rw(data, nama)
        if self.fiktif:
            # Under the axis label, where constrained layout keeps room for it.
            fig.supxlabel(vk.TANDA_FIKTIF, fontsize=8, color="#b00020", fontweight="bold")
            kalimat += f" ({vk.TANDA_FIKTIF}.)"
        self.grafik.value = html_grafik(fig, alt=kalimat, keterangan=kalimat, sumber=self._sumber())

    # --- Downloads ----------------------------------------------------------------------

    def buat_excel(self) -> bytes:
        data, keluar = self.data()
        meta = self.meta
        tabel = self.tabel_kini if self.tabel_kini is not None else pd.DataFrame()
        lembar = {"Data": tabel.reset_index().rename(columns={"baris": "baris_asal"})}
        if not data.empty:
            siap = data.assign(jumlah=data["laki_laki"] + data["perempuan"])
            siap["kelompok_umur"] = siap["kelompok_umur"].astype(str)
            lembar["Data siap hitung"] = siap
            lembar["Per RW"] = tabel_per_rw(data)
            lembar["Per kelompok umur"] = tabel_per_umur(data)
            lembar["Per jenis kelamin"] = tabel_jenis_kelamin(data)
            lembar["Indikator"] = pd.DataFrame(
                [(i.nama, i.nilai, i.satuan.strip(), i.makna)
                 for i in hitung_indikator(data, meta.luas_km2)],
                columns=["indikator", "nilai", "satuan", "arti"],
            )  # fmt: skip
        lembar["Laporan pemeriksaan"] = pd.DataFrame(
            [(m.tingkat, m.lembar, m.baris, m.kolom, m.pesan) for m in self.masalah()],
            columns=["tingkat", "lembar", "baris", "kolom", "pesan"],
        )
        return laporan.tulis_excel(lembar, self._baris_meta(keluar), vk.DEFINISI)

    def _baris_meta(self, keluar: list) -> list[tuple[str, str]]:
        langkah = [lk.judul for lk, _ in self.pembersihan.riwayat()] if self.pembersihan else []
        baris = list(self.meta.baris())
        baris += [
            ("Berkas asal", self.nama_berkas),
            ("Sidik berkas asal (SHA-256)", self.sidik_asli),
            ("Langkah pembersihan", "; ".join(langkah) or "(tidak ada)"),
            ("Baris belum dihitung", daftar_baris(keluar) if keluar else "(tidak ada)"),
            ("Rasio jenis kelamin", "laki-laki ÷ perempuan × 100"),
            ("Rasio ketergantungan", "(penduduk 0-14 + 65+) ÷ penduduk 15-64 × 100"),
        ]
        if self.fiktif:
            baris.insert(0, ("PERHATIAN", f"{vk.TANDA_FIKTIF}: bukan data kelurahan nyata"))
        return baris

    def buat_csv(self) -> bytes:
        tabel = self.tabel_kini if self.tabel_kini is not None else pd.DataFrame()
        return laporan.tulis_csv(tabel.reset_index().rename(columns={"baris": "baris_asal"}))

    def bagian_pdf(self) -> list[laporan.Bagian]:
        data, keluar = self.data()
        meta = self.meta
        nama = meta.judul
        if data.empty:
            return [laporan.Bagian("Catatan data", ["Belum ada baris data yang bisa dihitung."])]
        ind = hitung_indikator(data, meta.luas_km2)
        tabel_ind = pd.DataFrame(
            [(i.nama, i.teks_nilai()) for i in ind], columns=["Indikator", "Nilai"]
        )
        per_rw = tabel_per_rw(data).rename(
            columns={"laki_laki": "Laki-laki", "perempuan": "Perempuan", "jumlah": "Jumlah",
                     "rasio_jk": "Rasio JK"}
        )  # fmt: skip
        umur = tabel_per_umur(data).rename(
            columns={"kelompok_umur": "Umur", "laki_laki": "Laki-laki", "perempuan": "Perempuan",
                     "jumlah": "Jumlah", "persen": "%"}
        )  # fmt: skip
        langkah = [lk.judul for lk, _ in self.pembersihan.riwayat()] if self.pembersihan else []
        return [
            laporan.Bagian(
                "Ringkasan indikator", [f"{i.nama}: {i.teks_nilai()}. {i.makna}" for i in ind],
                tabel_ind,
            ),
            laporan.Bagian(
                "Penduduk menurut RW", [kalimat_per_rw(data, nama)], per_rw,
                lambda ax: gambar_per_rw(ax, data, f"Penduduk per RW, {nama}"), 0.4,
            ),
            laporan.Bagian(
                "Piramida penduduk", [kalimat_piramida(data, nama)], None,
                lambda ax: gambar_piramida(ax, data, f"Piramida penduduk {nama}"), 0.55,
            ),
            laporan.Bagian("Penduduk menurut kelompok umur", [], umur),
            laporan.Bagian(
                "Catatan data",
                [
                    f"Berkas asal: {self.nama_berkas}.",
                    f"Baris yang dihitung: {format_angka(len(data))}; belum dihitung karena "
                    f"bermasalah: {daftar_baris(keluar) if keluar else 'tidak ada'}.",
                    "Langkah pembersihan: " + ("; ".join(langkah) or "tidak ada") + ".",
                    *[f"{k}: {v}" for k, v in vk.DEFINISI.items()],
                    "Rasio jenis kelamin = laki-laki ÷ perempuan × 100. Rasio ketergantungan = "
                    "(0-14 + 65+) ÷ (15-64) × 100.",
                ],
            ),
        ]  # fmt: skip

    def buat_pdf(self) -> bytes:
        meta = self.meta
        return laporan.tulis_pdf(
            f"{meta.judul} dalam Angka",
            f"Penduduk menurut RW, jenis kelamin dan kelompok umur{', ' if meta.periode else ''}"
            f"{meta.periode}",
            self._sumber(),
            self.bagian_pdf(),
            keterangan=meta.baris(),
            peringatan=vk.TANDA_FIKTIF if self.fiktif else None,
        )

    def siapkan_unduhan(self) -> None:
        self.unduhan.value = "<p>Sedang membuat berkas…</p>"
        try:
            dasar = re.sub(r"[^A-Za-z0-9_-]+", "_", self.meta.judul).strip("_")[:60] or "kelurahan"
            if self.fiktif and "FIKTIF" not in dasar.upper():
                dasar += "_FIKTIF"
            tautan = [
                tautan_unduh(self.buat_excel(), f"{dasar}.xlsx", MIME_XLSX, "Unduh Excel"),
                tautan_unduh(self.buat_pdf(), f"{dasar}_dalam_angka.pdf", "application/pdf",
                             "Unduh PDF (siap cetak)"),
                tautan_unduh(self.buat_csv(), f"{dasar}_data.csv", "text/csv",
                             "Unduh data bersih (CSV)"),
            ]  # fmt: skip
            self.unduhan.value = "".join(f"<p>{t}</p>" for t in tautan)
        except Exception as e:  # noqa: BLE001 - the kernel survives; the user sees a message
            self.unduhan.value = (
                "<div class='literasi-umpan salah'>Berkas belum bisa dibuat "
                f"({escape(type(e).__name__)}). Periksa laporan pemeriksaan lalu coba lagi.</div>"
            )

    # --- Template -----------------------------------------------------------------------

    def _html_template(self) -> str:
        return (
            "<p>Template Excel berisi lembar <b>Isian</b> (sudah terisi contoh "
            f"<b>{vk.TANDA_FIKTIF}</b>), <b>Petunjuk</b> dan <b>Metadata</b>. Hapus baris contoh, "
            "isi data kelurahan Anda, isi metadata, lalu unggah di langkah 2.</p><p>"
            + tautan_unduh(self.template, NAMA_TEMPLATE, MIME_XLSX, "Unduh template (.xlsx)")
            + "</p><p class='literasi-kecil'>Ingin melihat cara kerja pemeriksaan? Tekan “Coba "
            "berkas latihan bermasalah”: berkas CSV fiktif yang sengaja berisi kesalahan umum.</p>"
        )
