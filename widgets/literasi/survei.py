"""Sensus Kelas: the questionnaire (defined once, here), its checks, and the two views.

- PERTANYAAN: every question with its label, type, unit, allowed range and choices. The form,
  the checks, the dashboard and the export's metadata sheet are all built from this list.
- periksa_isian(): reads what a student typed (`literasi.angka.baca_angka`: 0,5 · 1.234) and
  answers with a kind Indonesian message that names the question ("Tinggi badan: 1.700 cm?
  Mungkin maksudmu 170 cm?").
- FormulirSurvei (students) and DasborGuru (teacher). Storage is literasi.survei_db.

Free text (cita-cita) is stored as typed and escaped wherever it is shown; it never goes into
a chart (matplotlib would read `$…$` as math).
"""

from __future__ import annotations

import hmac
import math
import os
import re
import time
import unicodedata
import uuid
from dataclasses import dataclass
from html import escape

import ipywidgets as ipw
import numpy as np
import pandas as pd
from matplotlib.ticker import FuncFormatter, MaxNLocator

from literasi import survei_db
from literasi.angka import BukanAngka, baca_angka
from literasi.format import format_angka
from literasi.grafik import WARNA_LAIN, WARNA_SOROT, WARNA_UTAMA, gambar_baru, html_grafik
from literasi.tampilan import Tampilan, baris_kontrol
from literasi.unduh import tautan_unduh

SUMBER = "Sensus Kelas (isian siswa, anonim), disimpan di laptop guru"
ENV_PIN = "LITERASI_PIN_GURU"


@dataclass(frozen=True)
class Pertanyaan:
    kunci: str  # column name in the database
    label: str  # the question as the student reads it
    jenis: str  # "angka" (decimal), "bulat" (whole number), "pilihan", "teks"
    satuan: str = ""
    batas: tuple[float, float] | None = None  # allowed range, inclusive
    pilihan: tuple[str, ...] = ()
    wajib: bool = True
    bantuan: str = ""  # how to measure / what counts
    contoh: str = ""  # placeholder
    singkat: str = ""  # short name for buttons and chart axes
    lebih: tuple[str, str] = ("lebih besar", "lebih kecil")  # "tinggimu lebih tinggi dari …"
    saran: tuple[tuple[float, str], ...] = ()  # (factor, note): likely slips and their fix
    panjang_maks: int = 60  # for "teks"

    @property
    def angka(self) -> bool:
        return self.jenis in ("angka", "bulat")

    @property
    def nama(self) -> str:
        return self.singkat or self.label


PERTANYAAN: tuple[Pertanyaan, ...] = (
    Pertanyaan(
        "tinggi_cm", "Tinggi badan", "angka", "cm", (100, 220),
        bantuan="Berdiri tanpa alas kaki, punggung menempel dinding.",
        contoh="mis. 156,5", singkat="Tinggi", lebih=("lebih tinggi", "lebih pendek"),
        saran=((0.1, ""), (100, "meter diubah ke cm"), (0.01, "")),
    ),
    Pertanyaan(
        "rentang_lengan_cm", "Rentang lengan", "angka", "cm", (100, 230),
        bantuan="Rentangkan kedua lengan; ukur dari ujung jari tengah kiri ke ujung jari "
        "tengah kanan.",
        contoh="mis. 158", singkat="Rentang lengan", lebih=("lebih panjang", "lebih pendek"),
        saran=((0.1, ""), (100, "meter diubah ke cm"), (0.01, "")),
    ),
    Pertanyaan(
        "waktu_tempuh_menit", "Waktu perjalanan dari rumah ke sekolah", "bulat", "menit",
        (0, 180),
        bantuan="Perjalanan biasa di pagi hari, sekali jalan.", contoh="mis. 15",
        singkat="Waktu tempuh", lebih=("lebih lama", "lebih cepat"),
    ),
    Pertanyaan(
        "moda", "Cara utama berangkat ke sekolah", "pilihan",
        pilihan=("jalan kaki", "sepeda", "motor", "angkot", "mobil", "lainnya"),
        bantuan="Yang paling sering, untuk jarak paling jauh.", singkat="Cara ke sekolah",
    ),
    Pertanyaan(
        "tidur_jam", "Lama tidur tadi malam", "angka", "jam", (2, 16),
        bantuan="Setengah jam ditulis ,5: tujuh setengah jam = 7,5.", contoh="mis. 7,5",
        singkat="Lama tidur", lebih=("lebih lama", "lebih singkat"),
        saran=((1 / 60, "menit diubah ke jam"),),
    ),
    Pertanyaan(
        "layar_jam", "Waktu layar kemarin di luar jam sekolah (ponsel, TV, komputer)", "angka",
        "jam", (0, 20),
        bantuan="Perkiraan saja; boleh ,5 untuk setengah jam.", contoh="mis. 3",
        singkat="Waktu layar", lebih=("lebih lama", "lebih singkat"),
        saran=((1 / 60, "menit diubah ke jam"),),
    ),
    Pertanyaan(
        "pelajaran_favorit", "Pelajaran favorit", "pilihan",
        pilihan=(
            "Matematika", "IPA", "IPS", "Bahasa Indonesia", "Bahasa Inggris", "Bahasa Jawa",
            "Pendidikan Agama", "PJOK", "Seni Budaya", "Informatika", "Prakarya", "lainnya",
        ),
        singkat="Pelajaran favorit",
    ),
    Pertanyaan(
        "tangan_dominan", "Tangan yang kamu pakai untuk menulis", "pilihan",
        pilihan=("kanan", "kiri", "keduanya"), singkat="Tangan menulis",
    ),
    Pertanyaan(
        "saudara_kandung", "Jumlah saudara kandung (kamu tidak dihitung)", "bulat", "orang",
        (0, 15), contoh="mis. 2", singkat="Saudara kandung",
        lebih=("lebih banyak", "lebih sedikit"),
    ),
    Pertanyaan(
        "sarapan", "Sarapan tadi pagi?", "pilihan", pilihan=("ya", "tidak"), singkat="Sarapan"
    ),
    Pertanyaan(
        "air_minum_gelas", "Air putih yang kamu minum kemarin", "bulat", "gelas", (0, 30),
        bantuan="Satu gelas kira-kira 250 ml; satu botol 600 ml kira-kira 2 gelas.",
        contoh="mis. 6", singkat="Air minum", lebih=("lebih banyak", "lebih sedikit"),
    ),
    Pertanyaan(
        "cita_cita", "Cita-cita (boleh dikosongkan)", "teks", wajib=False,
        bantuan="Satu-dua kata saja, tanpa nama orang.", contoh="mis. dokter",
        singkat="Cita-cita",
    ),
)  # fmt: skip
PER_KUNCI = {p.kunci: p for p in PERTANYAAN}
ANGKA = [p for p in PERTANYAAN if p.angka]
KATEGORI = [p for p in PERTANYAAN if p.jenis == "pilihan"]


class IsianTidakSah(ValueError):
    """One answer cannot be accepted; the message names the question and says what to do."""


def angka_ringkas(nilai: float) -> str:
    """1700 -> '1.700', 7.5 -> '7,5', 0.0166 -> '0,02' (no trailing ',0')."""
    if float(nilai).is_integer():
        return format_angka(int(nilai))
    return format_angka(nilai, 1 if abs(nilai) >= 1 else 2).rstrip("0").rstrip(",")


def _pesan_rentang(p: Pertanyaan, nilai: float) -> str:
    bawah, atas = p.batas
    teks = f"{p.nama}: {angka_ringkas(nilai)} {p.satuan}?"
    for faktor, catatan in p.saran:
        usul = nilai * faktor
        if bawah <= usul <= atas:
            ekor = f" ({catatan})" if catatan else ""
            return f"{teks} Mungkin maksudmu {angka_ringkas(usul)} {p.satuan}{ekor}?"
    return f"{teks} Isi angka antara {angka_ringkas(bawah)} dan {angka_ringkas(atas)} {p.satuan}."


def rapikan_teks(teks: str) -> str:
    """Free text as typed, minus control characters and extra spaces (not escaped: stored raw)."""
    bersih = "".join(c for c in (teks or "") if unicodedata.category(c)[0] != "C")
    return " ".join(bersih.split())


def periksa_satu(p: Pertanyaan, masukan) -> float | int | str | None:
    """The stored value of one answer, or IsianTidakSah with a kind message."""
    if p.jenis == "pilihan":
        if not masukan:
            if p.wajib:
                raise IsianTidakSah(f"{p.nama}: pilih salah satu.")
            return None
        if masukan not in p.pilihan:
            raise IsianTidakSah(f"{p.nama}: pilih salah satu dari daftar.")
        return masukan
    if p.jenis == "teks":
        teks = rapikan_teks(str(masukan or ""))
        if not teks:
            if p.wajib:
                raise IsianTidakSah(f"{p.nama}: belum diisi.")
            return None
        if len(teks) > p.panjang_maks:
            raise IsianTidakSah(f"{p.nama}: terlalu panjang, paling banyak {p.panjang_maks} huruf.")
        return teks
    teks = str(masukan or "").strip()
    if not teks:
        if p.wajib:
            raise IsianTidakSah(f"{p.nama}: belum diisi.")
        return None
    # A unit typed after the number ("170 cm", "7 jam") is fine.
    teks = re.sub(rf"\s*{re.escape(p.satuan)}\s*$", "", teks, flags=re.I) if p.satuan else teks
    try:
        angka = baca_angka(teks)
    except BukanAngka:
        raise IsianTidakSah(
            f"{p.nama}: “{teks[:20]}” belum bisa dibaca sebagai angka. Tulis angkanya saja, "
            f"{p.contoh or 'mis. 12'}."
        ) from None
    nilai = angka.nilai
    if angka.persen or not math.isfinite(nilai):
        raise IsianTidakSah(f"{p.nama}: tulis angkanya saja, tanpa tanda %.")
    if p.batas and not p.batas[0] <= nilai <= p.batas[1]:
        raise IsianTidakSah(_pesan_rentang(p, nilai))
    if p.jenis == "bulat":
        if not nilai.is_integer():
            raise IsianTidakSah(
                f"{p.nama}: tulis bilangan bulat (tanpa koma), {p.contoh or 'mis. 2'}."
            )
        return int(nilai)
    return round(nilai, 1)


def periksa_isian(isian: dict) -> tuple[dict, dict[str, str]]:
    """Check every question: (values to store, {question key: message}) — messages in order."""
    nilai, galat = {}, {}
    for nomor, p in enumerate(PERTANYAAN, start=1):
        try:
            nilai[p.kunci] = periksa_satu(p, isian.get(p.kunci))
        except IsianTidakSah as e:
            galat[p.kunci] = f"{nomor}. {e}"  # the number shown next to the question
    return nilai, galat


def kunci_kirim_baru() -> str:
    """A random key made when the form is shown: the same answer sent twice is stored once."""
    return uuid.uuid4().hex


def sebagai_kategori(tabel: pd.DataFrame) -> pd.DataFrame:
    """Choice columns as ordered categoricals, in the questionnaire's order of choices."""
    tabel = tabel.copy()
    for p in KATEGORI:
        if p.kunci in tabel:
            tabel[p.kunci] = pd.Categorical(tabel[p.kunci], categories=list(p.pilihan))
    return tabel


# --- Position in the class ---------------------------------------------------------------


def posisi(nilai: float, teman: pd.Series) -> tuple[int, int, int]:
    """(how many classmates are below, equal, above `nilai`); missing answers ignored."""
    teman = teman.dropna().astype(float)
    return int((teman < nilai).sum()), int((teman == nilai).sum()), int((teman > nilai).sum())


def kalimat_posisi(p: Pertanyaan, nilai: float, teman: pd.Series) -> str:
    """'Tinggimu 160 cm. Dari 19 teman sekelas yang sudah mengisi, kamu lebih tinggi dari 12 …'"""
    bawah, sama, atas = posisi(nilai, teman)
    n = bawah + sama + atas
    awal = f"{p.nama} kamu: <b>{angka_ringkas(nilai)} {escape(p.satuan)}</b>."
    if n == 0:
        return f"{awal} Kamu yang pertama mengisi di kelas ini. Lihat lagi nanti."
    bagian = [f"{p.lebih[0]} dari <b>{bawah}</b>"]
    if sama:
        bagian.append(f"sama dengan {sama}")
    bagian.append(f"{p.lebih[1]} dari {atas}")
    return (
        f"{awal} Dari {n} teman sekelas yang sudah mengisi, kamu "
        + ", ".join(bagian[:-1])
        + f", dan {bagian[-1]}."
    )


# --- Charts ------------------------------------------------------------------------------


def _format_sumbu(x, _pos=None) -> str:
    return angka_ringkas(round(x, 2))


def _tepi_kelas(nilai: pd.Series, p: Pertanyaan) -> np.ndarray:
    """Histogram bin edges: whole units for counts, about 8–12 bins otherwise."""
    nilai = nilai.astype(float)
    kecil, besar = float(nilai.min()), float(nilai.max())
    if p.jenis == "bulat" and besar - kecil <= 20:
        return np.arange(math.floor(kecil) - 0.5, math.ceil(besar) + 1.5, 1.0)
    # The smallest "round" width giving at most ~10 bins: 1, 2, 5, 10 cm; 0,5 or 1 jam …
    lebar = next((w for w in (0.5, 1, 2, 5, 10, 20, 50) if w * 10 >= besar - kecil), 100.0)
    awal = math.floor(kecil / lebar) * lebar
    return np.arange(awal, besar + lebar * 1.01, lebar)


def grafik_posisi(p: Pertanyaan, nilai: float, kelas: pd.Series, kode_kelas: str) -> str:
    """Histogram of the class with the student's own bar in orange."""
    data = kelas.dropna().astype(float)
    tepi = _tepi_kelas(pd.concat([data, pd.Series([nilai])]), p)
    jumlah, _ = np.histogram(data, bins=tepi)
    fig = gambar_baru(4.2, 3.0)  # small figure = larger text on a 360 px phone
    ax = fig.add_subplot()
    tengah = (tepi[:-1] + tepi[1:]) / 2
    milikku = int(np.clip(np.searchsorted(tepi, nilai, side="right") - 1, 0, len(jumlah) - 1))
    warna = [WARNA_SOROT if i == milikku else WARNA_UTAMA for i in range(len(jumlah))]
    ax.bar(tengah, jumlah, width=np.diff(tepi) * 0.92, color=warna)
    ax.axvline(nilai, color="#333333", linewidth=1.2, linestyle="--")
    ax.annotate("kamu", (nilai, max(jumlah.max(), 1)), ha="center", va="bottom", fontsize=9)
    ax.set_xlabel(f"{p.nama} ({p.satuan})")
    ax.set_ylabel("banyak siswa")
    ax.yaxis.set_major_locator(MaxNLocator(integer=True))
    ax.xaxis.set_major_formatter(FuncFormatter(_format_sumbu))
    ax.set_ylim(0, max(jumlah.max(), 1) * 1.25)
    ax.spines[["top", "right"]].set_visible(False)
    ax.set_title(f"{p.nama}, kelas {kode_kelas} (n = {len(data)})", fontsize=10)
    kalimat = (
        f"Histogram {p.nama.lower()} {len(data)} siswa kelas {kode_kelas} yang sudah mengisi "
        f"(termasuk kamu). Batang oranye dan garis putus-putus: nilaimu, "
        f"{angka_ringkas(nilai)} {p.satuan}."
    )
    return html_grafik(fig, alt=kalimat, keterangan=kalimat, sumber=SUMBER)


def grafik_sebaran(p: Pertanyaan, kelas: pd.Series, semua: pd.Series, kode: str) -> str:
    """Distribution of one question: the class on top, every class below (in percent)."""
    fig = gambar_baru(5.6, 4.4)
    if p.angka:
        tepi = _tepi_kelas(semua.dropna(), p)
        atas, bawah = fig.subplots(2, 1, sharex=True)
        for ax, data, warna, judul in (
            (atas, kelas.dropna().astype(float), WARNA_UTAMA, f"Kelas {kode}"),
            (bawah, semua.dropna().astype(float), WARNA_LAIN, "Semua kelas"),
        ):
            jumlah, _ = np.histogram(data, bins=tepi)
            persen = 100 * jumlah / max(len(data), 1)
            ax.bar((tepi[:-1] + tepi[1:]) / 2, persen, width=np.diff(tepi) * 0.92, color=warna)
            ax.set_title(f"{judul} (n = {len(data)})", fontsize=9)
            ax.set_ylabel("% siswa")
            ax.spines[["top", "right"]].set_visible(False)
        bawah.set_xlabel(f"{p.nama} ({p.satuan})")
        bawah.xaxis.set_major_formatter(FuncFormatter(_format_sumbu))
        jenis = "Histogram"
    else:
        ax = fig.add_subplot()
        pilihan = list(p.pilihan)
        y = np.arange(len(pilihan))
        for geser, data, warna, judul in (
            (-0.2, kelas, WARNA_UTAMA, f"Kelas {kode}"),
            (0.2, semua, WARNA_LAIN, "Semua kelas"),
        ):
            data = data.dropna()
            persen = [100 * (data == c).sum() / max(len(data), 1) for c in pilihan]
            ax.barh(y + geser, persen, height=0.4, color=warna, label=f"{judul} (n = {len(data)})")
        ax.set_yticks(y, pilihan, fontsize=8)
        ax.invert_yaxis()
        ax.set_xlabel("% siswa")
        ax.legend(fontsize=8, loc="lower right")
        ax.spines[["top", "right"]].set_visible(False)
        jenis = "Diagram batang"
    kalimat = (
        f"{jenis} {p.nama.lower()}: kelas {kode} ({kelas.notna().sum()} siswa) dibandingkan "
        f"semua kelas ({semua.notna().sum()} siswa), dalam persen siswa."
    )
    return html_grafik(fig, alt=kalimat, keterangan=kalimat, sumber=SUMBER)


def grafik_pencar(px: Pertanyaan, py: Pertanyaan, tabel: pd.DataFrame, kode: str) -> str:
    """Scatter of two numeric questions: the chosen class in colour, other classes in grey."""
    fig = gambar_baru(5.2, 4.2)
    ax = fig.add_subplot()
    data = tabel[["kode_kelas", px.kunci, py.kunci]].dropna()
    lain = data[data["kode_kelas"] != kode]
    kita = data[data["kode_kelas"] == kode]
    ax.scatter(lain[px.kunci], lain[py.kunci], s=18, color=WARNA_LAIN, label="kelas lain")
    ax.scatter(kita[px.kunci], kita[py.kunci], s=26, color=WARNA_SOROT, label=f"kelas {kode}")
    ax.set_xlabel(f"{px.nama} ({px.satuan})")
    ax.set_ylabel(f"{py.nama} ({py.satuan})")
    for sumbu in (ax.xaxis, ax.yaxis):
        sumbu.set_major_formatter(FuncFormatter(_format_sumbu))
    ax.legend(fontsize=8)
    ax.spines[["top", "right"]].set_visible(False)
    kalimat = (
        f"Diagram pencar {px.nama.lower()} (mendatar) dan {py.nama.lower()} (tegak): "
        f"{len(kita)} siswa kelas {kode} (oranye) dan {len(lain)} siswa kelas lain (abu-abu)."
    )
    return html_grafik(fig, alt=kalimat, keterangan=kalimat, sumber=SUMBER)


# --- Small HTML helpers -------------------------------------------------------------------


def _sel(nilai, p: Pertanyaan | None = None) -> str:
    if nilai is None or nilai is pd.NA or (isinstance(nilai, float) and math.isnan(nilai)):
        return "<td>–</td>"
    if isinstance(nilai, int | float | np.integer | np.floating) and not isinstance(nilai, bool):
        return f"<td style='text-align:right'>{angka_ringkas(float(nilai))}</td>"
    return f"<td>{escape(str(nilai))}</td>"  # free text: escaped, never trusted


def tabel_html(tabel: pd.DataFrame, judul: str, kepala: dict[str, str] | None = None) -> str:
    """An escaped HTML table that scrolls sideways inside itself on a phone."""
    kepala = kepala or {k: k for k in tabel.columns}
    th = "".join(f"<th scope='col'>{escape(v)}</th>" for v in kepala.values())
    baris = "".join(
        "<tr>" + "".join(_sel(b[k]) for k in kepala) + "</tr>"
        for b in tabel.astype(object).where(tabel.notna(), None).to_dict("records")
    )
    return (
        "<div style='overflow-x:auto;max-width:100%'><table class='literasi-tabel'>"
        f"<caption>{escape(judul)}</caption><thead><tr>{th}</tr></thead>"
        f"<tbody>{baris}</tbody></table></div>"
    )


def _pesan(jenis: str, isi_html: str) -> str:
    """A status line; `jenis` is benar / salah / petunjuk (the template's feedback colours)."""
    return f"<div class='literasi-umpan {jenis}' role='status'>{isi_html}</div>"


def lebar_isian() -> ipw.Layout:
    """Full width up to 420 px; height auto so a 44 px select is not clipped by its box."""
    return ipw.Layout(width="100%", max_width="420px", height="auto")


# --- Student view -------------------------------------------------------------------------


class FormulirSurvei(Tampilan):
    """The questionnaire: class code, 12 questions, one "Kirim"; then where you sit in class.

    The key `kunci_kirim` is made when the form is shown, so a second tap on Kirim (or a
    resend after a slow network) stores nothing new. Nothing touches the database until Kirim.
    """

    def __init__(self, path=None):
        self.path = path
        self.kunci_kirim = kunci_kirim_baru()
        self.kode = ipw.Text(
            description="Kode kelas",
            placeholder="kode dari guru, mis. 8A",
            style={"description_width": "initial"},
            layout=lebar_isian(),
        )
        self.isian: dict[str, ipw.ValueWidget] = {}
        bagian = [
            ipw.HTML(
                "<p><b>Anonim:</b> tidak ada nama. Jawabanmu hanya tersimpan di laptop guru.</p>"
            ),
            self.kode,
        ]
        for nomor, p in enumerate(PERTANYAAN, start=1):
            satuan = f" ({escape(p.satuan)})" if p.satuan else ""
            bantu = (
                f"<br><span class='literasi-kecil'>{escape(p.bantuan)}</span>" if p.bantuan else ""
            )
            bagian.append(
                ipw.HTML(
                    f"<p style='margin:10px 0 2px'><b>{nomor}. {escape(p.label)}</b>"
                    f"{satuan}{bantu}</p>"
                )
            )
            self.isian[p.kunci] = self._masukan(nomor, p)
            bagian.append(self.isian[p.kunci])
        self.tombol_kirim = ipw.Button(
            description="Kirim",
            button_style="primary",
            tooltip="Kirim jawabanmu ke laptop guru",
            layout=ipw.Layout(width="auto", margin="12px 0 0 0"),
        )
        self.tombol_kirim.on_click(lambda _: self.kirim())
        self.status = ipw.HTML(layout=ipw.Layout(min_height="1.5em"))
        # A card with padding, like the exercise cards: the inputs' label margin needs room.
        self.form = ipw.VBox(
            [*bagian, self.tombol_kirim, self.status],
            layout=ipw.Layout(width="100%", border="1px solid #c9d6de", padding="4px 12px 12px"),
        )
        self.terima_kasih = None  # built after the first successful Kirim
        self.widget = ipw.VBox([self.form], layout=ipw.Layout(width="100%", max_width="720px"))

    @staticmethod
    def _masukan(nomor: int, p: Pertanyaan) -> ipw.ValueWidget:
        umum = {"description": f"{nomor}. {p.nama}", "style": {"description_width": "0px"}}
        if p.jenis == "pilihan":
            return ipw.Dropdown(
                options=[("– pilih –", "")] + [(c, c) for c in p.pilihan],
                value="",
                layout=lebar_isian(),
                **umum,
            )
        return ipw.Text(placeholder=p.contoh, layout=lebar_isian(), **umum)

    def nilai_isian(self) -> dict:
        return {k: w.value for k, w in self.isian.items()}

    def kirim(self) -> bool:
        """Check, store once, thank. Returns True when the answer is (or already was) stored."""
        self.tombol_kirim.disabled = True  # a visible guard; kunci_kirim is the real one
        try:
            return self._kirim()
        finally:
            self.tombol_kirim.disabled = False

    def _kirim(self) -> bool:
        kode = survei_db.rapikan_kode(self.kode.value)
        nilai, galat = periksa_isian(self.nilai_isian())
        masalah = []
        if not kode:
            masalah.append("Kode kelas: belum diisi. Tanyakan kodenya ke guru.")
        masalah += list(galat.values())
        if masalah:
            daftar = "".join(f"<li>{escape(m)}</li>" for m in masalah)
            self.status.value = _pesan(
                "salah",
                f"<b>Belum terkirim.</b> Perbaiki {len(masalah)} isian ini (isian lain tetap "
                f"tersimpan di layar):<ul>{daftar}</ul>",
            )
            return False
        try:
            survei_db.simpan_jawaban(kode, self.kunci_kirim, nilai, path=self.path)
        except survei_db.KelasTidakAda:
            self.status.value = _pesan(
                "salah",
                f"<b>Belum terkirim.</b> Kode kelas “{escape(kode)}” belum dibuat guru. "
                "Periksa lagi kodenya di papan atau layar proyektor.",
            )
            return False
        except survei_db.KelasDiarsipkan:
            self.status.value = _pesan(
                "salah",
                f"<b>Belum terkirim.</b> Kelas “{escape(kode)}” sudah ditutup guru.",
            )
            return False
        self.kode_terkirim, self.nilai_terkirim = kode, nilai
        self._tampilkan_terima_kasih()
        return True

    def _tampilkan_terima_kasih(self) -> None:
        if self.terima_kasih is None:
            pilihan = [p for p in ANGKA]
            self.bandingkan = ipw.ToggleButtons(
                options=[(p.nama, p.kunci) for p in pilihan],
                value=pilihan[0].kunci,
                description="Bandingkan",
                style={"description_width": "initial", "button_width": "auto"},
                layout=ipw.Layout(width="100%"),
            )
            self.bandingkan.observe(self._on_change, names="value")
            self.tombol_perbarui = ipw.Button(
                description="Lihat lagi",
                tooltip="Muat ulang data kelas",
                layout=ipw.Layout(width="auto"),
            )
            self.tombol_perbarui.on_click(lambda _: self._update())
            self.tombol_baru = ipw.Button(
                description="Isian baru (untuk teman)",
                tooltip="Kosongkan formulir untuk teman yang belum mengisi",
                layout=ipw.Layout(width="auto"),
            )
            self.tombol_baru.on_click(lambda _: self.isian_baru())
            self.judul_terima_kasih = ipw.HTML()
            self.kalimat = ipw.HTML()
            self.grafik = ipw.HTML()
            self.terima_kasih = ipw.VBox(
                [
                    self.judul_terima_kasih,
                    baris_kontrol(self.bandingkan),
                    self.kalimat,
                    self.grafik,
                    baris_kontrol(self.tombol_perbarui, self.tombol_baru),
                ],
                layout=ipw.Layout(width="100%"),
            )
        self.judul_terima_kasih.value = _pesan(
            "benar",
            f"<b>Terima kasih! Jawabanmu sudah tersimpan</b> di kelas "
            f"{escape(self.kode_terkirim)}. Di mana posisimu di antara teman sekelas?",
        )
        self.widget.children = [self.terima_kasih]
        self._update()

    def _update(self) -> None:
        p = PER_KUNCI[self.bandingkan.value]
        nilai = self.nilai_terkirim[p.kunci]
        kelas = survei_db.ambil_jawaban(self.kode_terkirim, path=self.path)
        teman = kelas.loc[kelas["kunci_kirim"] != self.kunci_kirim, p.kunci]
        self.kalimat.value = f"<p class='literasi-ringkasan'>{kalimat_posisi(p, nilai, teman)}</p>"
        self.grafik.value = grafik_posisi(
            p, nilai, pd.concat([teman, pd.Series([nilai])]), self.kode_terkirim
        )

    def isian_baru(self) -> None:
        """Empty form with a new key, for a classmate without a phone (class code kept)."""
        for p in PERTANYAAN:
            self.isian[p.kunci].value = ""
        self.kunci_kirim = kunci_kirim_baru()
        self.status.value = ""
        self.widget.children = [self.form]


# --- Teacher view -------------------------------------------------------------------------


class DasborGuru(Tampilan):
    """Class codes, live results, a sampler across classes, export, archive and reset.

    With $LITERASI_PIN_GURU set (the workshop server sets and prints it) the dashboard asks for
    the PIN first. Its widgets are only created after the PIN is right: a widget's state is sent
    to the browser as soon as it exists, shown or not.
    """

    BATAS_SALAH = 5
    JEDA_DETIK = 30

    def __init__(self, path=None):
        self.path = path
        self.pin = os.environ.get(ENV_PIN) or None
        self.salah, self.kunci_sampai = 0, 0.0
        self._versi_data, self._digambar = 0, {}
        self.widget = ipw.VBox(layout=ipw.Layout(width="100%", max_width="900px"))
        if self.pin:
            self._gerbang()
        else:
            self._buka()

    # PIN gate
    def _gerbang(self) -> None:
        self.isian_pin = ipw.Password(
            description="PIN guru", style={"description_width": "initial"}, layout=lebar_isian()
        )
        self.tombol_masuk = ipw.Button(
            description="Masuk", button_style="primary", layout=ipw.Layout(width="auto")
        )
        self.tombol_masuk.on_click(lambda _: self.masuk(self.isian_pin.value))
        self.pesan_pin = ipw.HTML()
        self.widget.children = [
            ipw.HTML(
                "<p>Dasbor ini hanya untuk guru. Masukkan PIN yang tampil di terminal "
                "server (<code>literasi serve</code>).</p>"
            ),
            baris_kontrol(self.isian_pin, self.tombol_masuk),
            self.pesan_pin,
        ]

    def masuk(self, pin: str) -> bool:
        if time.monotonic() < self.kunci_sampai:
            self.pesan_pin.value = _pesan("salah", "Terlalu banyak salah. Tunggu 30 detik.")
            return False
        if hmac.compare_digest((pin or "").strip().encode(), self.pin.encode()):
            self._buka()
            return True
        self.salah += 1
        self.isian_pin.value = ""
        if self.salah >= self.BATAS_SALAH:
            self.salah, self.kunci_sampai = 0, time.monotonic() + self.JEDA_DETIK
        self.pesan_pin.value = _pesan("salah", "PIN salah. Lihat PIN di terminal server.")
        return False

    # The dashboard itself
    def _buka(self) -> None:
        gaya = {"description_width": "initial"}
        # Class codes
        self.kode_baru = ipw.Text(
            description="Kode kelas baru", placeholder="mis. 8A", style=gaya, layout=lebar_isian()
        )
        self.tombol_buat = ipw.Button(
            description="Buat kelas", button_style="primary", layout=ipw.Layout(width="auto")
        )
        self.tombol_buat.on_click(lambda _: self.buat_kelas())
        self.pesan_kelas = ipw.HTML()
        self.daftar_html = ipw.HTML()
        # Live results
        self.kelas = ipw.Dropdown(
            description="Kelas",
            style=gaya,
            layout=ipw.Layout(width="auto", min_width="200px", height="auto"),
        )
        self.tombol_perbarui = ipw.Button(
            description="Perbarui",
            icon="refresh",
            tooltip="Muat jawaban terbaru",
            layout=ipw.Layout(width="auto"),
        )
        self.tombol_perbarui.on_click(lambda _: self.perbarui())
        self.hitungan = ipw.HTML()
        self.variabel = ipw.Dropdown(
            description="Variabel",
            options=[(p.nama, p.kunci) for p in PERTANYAAN],
            value=PERTANYAAN[0].kunci,
            style=gaya,
            layout=ipw.Layout(width="auto", height="auto"),
        )
        self.sebaran = ipw.HTML()
        self.jenis_dua = ipw.ToggleButtons(
            description="Dua variabel",
            options=[
                ("Dua angka (diagram pencar)", "angka"),
                ("Dua kategori (tabel silang)", "kategori"),
            ],
            value="angka",
            style={**gaya, "button_width": "auto"},
            layout=ipw.Layout(width="100%"),
        )
        self.var_x = ipw.Dropdown(
            description="Mendatar", style=gaya, layout=ipw.Layout(width="auto", height="auto")
        )
        self.var_y = ipw.Dropdown(
            description="Tegak", style=gaya, layout=ipw.Layout(width="auto", height="auto")
        )
        self._isi_pilihan_dua()
        self.dua = ipw.HTML()
        # Sampler
        self.n_sampel = ipw.BoundedIntText(
            value=10,
            min=1,
            max=1000,
            description="Ukuran sampel n",
            style=gaya,
            layout=ipw.Layout(width="220px"),
        )
        self.seed = ipw.BoundedIntText(
            value=2025,
            min=0,
            max=10**9,
            description="Seed",
            style=gaya,
            layout=ipw.Layout(width="200px"),
        )
        self.tombol_sampel = ipw.Button(
            description="Ambil sampel", button_style="primary", layout=ipw.Layout(width="auto")
        )
        self.tombol_sampel.on_click(lambda _: self.ambil_sampel())
        self.hasil_sampel = ipw.HTML()
        # Export
        self.cakupan = ipw.ToggleButtons(
            description="Data",
            options=[("Kelas ini", "kelas"), ("Semua kelas", "semua")],
            value="kelas",
            style={**gaya, "button_width": "auto"},
        )
        self.tombol_csv = ipw.Button(description="Siapkan CSV", layout=ipw.Layout(width="auto"))
        self.tombol_excel = ipw.Button(description="Siapkan Excel", layout=ipw.Layout(width="auto"))
        self.tombol_csv.on_click(lambda _: self.siapkan_unduhan("csv"))
        self.tombol_excel.on_click(lambda _: self.siapkan_unduhan("xlsx"))
        self.unduhan = ipw.HTML()
        # Archive and reset (each with a confirmation step)
        self.tombol_arsip = ipw.Button(
            description="Arsipkan kelas ini…", layout=ipw.Layout(width="auto")
        )
        self.tombol_hapus = ipw.Button(
            description="Hapus kelas ini (reset)…",
            button_style="danger",
            layout=ipw.Layout(width="auto"),
        )
        self.tombol_arsip.on_click(lambda _: self.minta_konfirmasi("arsip"))
        self.tombol_hapus.on_click(lambda _: self.minta_konfirmasi("hapus"))
        self.konfirmasi = ipw.VBox(layout=ipw.Layout(width="100%"))
        self.pesan_kelola = ipw.HTML()

        for kontrol in (self.kelas, self.variabel, self.var_x, self.var_y):
            kontrol.observe(self._on_change, names="value")
        self.jenis_dua.observe(self._on_jenis, names="value")

        judul = lambda teks: ipw.HTML(f"<h2 style='margin:18px 0 4px'>{teks}</h2>")  # noqa: E731
        self.widget.children = [
            judul("1. Kode kelas"),
            ipw.HTML(
                "<p class='literasi-kecil'>Tulis kode di papan atau proyektor; siswa "
                "mengetiknya di formulir. Jangan memakai nama siswa.</p>"
            ),
            baris_kontrol(self.kode_baru, self.tombol_buat),
            self.pesan_kelas,
            self.daftar_html,
            judul("2. Hasil langsung"),
            baris_kontrol(self.kelas, self.tombol_perbarui),
            self.hitungan,
            baris_kontrol(self.variabel),
            self.sebaran,
            baris_kontrol(self.jenis_dua),
            baris_kontrol(self.var_x, self.var_y),
            self.dua,
            judul("3. Sampel acak dari semua kelas"),
            ipw.HTML(
                "<p class='literasi-kecil'>Sampel acak sederhana tanpa pengembalian dari "
                "semua kelas yang tidak diarsipkan. <b>Seed</b> adalah angka awal pengacak: "
                "seed dan data yang sama memberi sampel yang sama, jadi kelas bisa "
                "memeriksanya ulang.</p>"
            ),
            baris_kontrol(self.n_sampel, self.seed, self.tombol_sampel),
            self.hasil_sampel,
            judul("4. Unduh data"),
            baris_kontrol(self.cakupan, self.tombol_csv, self.tombol_excel),
            self.unduhan,
            judul("5. Arsip dan reset"),
            ipw.HTML(
                "<p class='literasi-kecil'><b>Arsip:</b> kelas ditutup (tidak menerima "
                "jawaban baru, tidak ikut “semua kelas” dan sampel), datanya tetap ada. "
                "<b>Hapus:</b> kelas dan semua jawabannya dihapus dari laptop.</p>"
            ),
            baris_kontrol(self.tombol_arsip, self.tombol_hapus),
            self.konfirmasi,
            self.pesan_kelola,
        ]
        self.perbarui()

    def _isi_pilihan_dua(self) -> None:
        daftar = ANGKA if self.jenis_dua.value == "angka" else KATEGORI
        opsi = [(p.nama, p.kunci) for p in daftar]
        self._menyetel = True  # one _update after both dropdowns change, not three
        try:
            self.var_x.options, self.var_y.options = opsi, opsi
            self.var_x.value, self.var_y.value = daftar[0].kunci, daftar[1].kunci
        finally:
            self._menyetel = False

    def _on_jenis(self, _change=None) -> None:
        self._isi_pilihan_dua()
        self._update()

    def _on_change(self, _change=None) -> None:
        if not getattr(self, "_menyetel", False):
            self._update()

    # Data
    def perbarui(self) -> None:
        """Reload classes and answers from the database, then redraw."""
        self.tabel_kelas = survei_db.daftar_kelas(self.path)
        self.semua = survei_db.ambil_jawaban(path=self.path, termasuk_arsip=True)
        self._versi_data += 1
        kode = self.tabel_kelas["kode_kelas"].tolist()
        self._menyetel = True
        try:
            lama = self.kelas.value
            self.kelas.options = kode
            self.kelas.value = lama if lama in kode else (kode[-1] if kode else None)
        finally:
            self._menyetel = False
        self.daftar_html.value = self._html_daftar_kelas()
        self._update()

    def _html_daftar_kelas(self) -> str:
        if self.tabel_kelas.empty:
            return "<p>Belum ada kelas. Buat satu kode kelas di atas.</p>"
        t = self.tabel_kelas.copy()
        t["status"] = np.where(t["diarsipkan"].isna(), "aktif", "arsip")
        t["dibuat"] = t["dibuat"].dt.strftime("%d-%m-%Y %H.%M")
        t["jumlah_jawaban"] = t["jumlah_jawaban"].astype(int)
        return tabel_html(
            t,
            "Kelas di laptop ini",
            {
                "kode_kelas": "Kode",
                "dibuat": "Dibuat",
                "jumlah_jawaban": "Jawaban",
                "status": "Status",
            },
        )

    def _update(self) -> None:
        kode = self.kelas.value
        if not kode:
            for w in (self.hitungan, self.sebaran, self.dua):
                w.value = ""
            return
        aktif = self.semua[~self.semua["kode_kelas"].isin(self._kode_arsip())]
        kelas = self.semua[self.semua["kode_kelas"] == kode]
        terakhir = f" Jawaban terakhir: {kelas['waktu'].max():%H.%M}." if len(kelas) else ""
        self.hitungan.value = (
            f"<p class='literasi-ringkasan' role='status'>Kelas <b>{escape(kode)}</b>: "
            f"<b>{len(kelas)}</b> jawaban. Semua kelas aktif: {len(aktif)} jawaban dari "
            f"{aktif['kode_kelas'].nunique()} kelas.{terakhir}</p>"
        )
        # "Semua kelas" = the non-archived classes, plus this one even if archived.
        banding = pd.concat([aktif, kelas]).drop_duplicates("id")
        if kelas.empty:
            self.sebaran.value = "<p>Belum ada jawaban di kelas ini. Tekan <b>Perbarui</b>.</p>"
            self.dua.value = ""
            self._digambar.clear()
            return
        # A chart costs ~0,3 s of CPU: redraw only the part whose inputs changed.
        if self._berubah("sebaran", kode, self.variabel.value):
            p = PER_KUNCI[self.variabel.value]
            if p.jenis == "teks":
                self.sebaran.value = self._html_teks(p, kelas)
            else:
                self.sebaran.value = grafik_sebaran(p, kelas[p.kunci], banding[p.kunci], kode) + (
                    self._html_ringkasan(p, kelas, banding) if p.angka else ""
                )
        if self._berubah("dua", kode, self.jenis_dua.value, self.var_x.value, self.var_y.value):
            px, py = PER_KUNCI[self.var_x.value], PER_KUNCI[self.var_y.value]
            if self.jenis_dua.value == "angka":
                self.dua.value = grafik_pencar(px, py, banding, kode)
            else:
                self.dua.value = self._html_silang(px, py, kelas, kode)

    def _berubah(self, bagian: str, *masukan) -> bool:
        """True (and remembered) when this part's inputs or the data changed since drawn."""
        kunci = (self._versi_data, *masukan)
        if self._digambar.get(bagian) == kunci:
            return False
        self._digambar[bagian] = kunci
        return True

    def _kode_arsip(self) -> list[str]:
        t = self.tabel_kelas
        return t.loc[t["diarsipkan"].notna(), "kode_kelas"].tolist()

    @staticmethod
    def _html_ringkasan(p: Pertanyaan, kelas: pd.DataFrame, banding: pd.DataFrame) -> str:
        baris = []
        for nama, data in (("Kelas ini", kelas[p.kunci]), ("Semua kelas", banding[p.kunci])):
            d = data.dropna().astype(float)
            baris.append(
                {
                    "kelompok": nama,
                    "n": len(d),
                    "rata": d.mean(),
                    "median": d.median(),
                    "min": d.min(),
                    "maks": d.max(),
                }
            )
        return tabel_html(
            pd.DataFrame(baris),
            f"{p.nama} ({p.satuan}): ringkasan",
            {
                "kelompok": "",
                "n": "n",
                "rata": "Rata-rata",
                "median": "Median",
                "min": "Terkecil",
                "maks": "Terbesar",
            },
        )

    @staticmethod
    def _html_teks(p: Pertanyaan, kelas: pd.DataFrame) -> str:
        teks = kelas[p.kunci].dropna().str.lower()
        if teks.empty:
            return "<p>Belum ada yang mengisi cita-cita.</p>"
        hitung = teks.value_counts().head(15).rename_axis("jawaban").reset_index(name="siswa")
        return tabel_html(hitung, f"{p.nama}: 15 jawaban terbanyak di kelas ini (teks apa adanya)")

    @staticmethod
    def _html_silang(px: Pertanyaan, py: Pertanyaan, kelas: pd.DataFrame, kode: str) -> str:
        if px.kunci == py.kunci:
            return "<p>Pilih dua variabel yang berbeda.</p>"
        data = sebagai_kategori(kelas)
        silang = pd.crosstab(
            data[py.kunci], data[px.kunci], margins=True, margins_name="Jumlah", dropna=False
        )
        silang = silang.rename_axis(index=None, columns=None).reset_index(names=py.nama)
        return tabel_html(
            silang,
            f"Tabel silang kelas {kode}: {py.nama} (baris) × {px.nama} (kolom), banyak siswa",
            {k: str(k) for k in silang.columns},
        )

    # Actions
    def buat_kelas(self) -> None:
        kode = survei_db.rapikan_kode(self.kode_baru.value)
        if not re.fullmatch(r"[A-Z0-9][A-Z0-9 ._-]{0,19}", kode):
            self.pesan_kelas.value = _pesan(
                "salah",
                "Kode kelas: 1–20 huruf/angka (boleh - _ . dan spasi), mis. 8A atau "
                "IX-B. Jangan memakai nama siswa.",
            )
            return
        baru = survei_db.buat_kelas(kode, self.path)
        self.pesan_kelas.value = _pesan(
            "benar" if baru else "petunjuk",
            f"Kelas <b>{escape(kode)}</b> dibuat. Tulis kodenya di papan."
            if baru
            else f"Kelas <b>{escape(kode)}</b> sudah ada; dipakai lagi.",
        )
        self.kode_baru.value = ""
        self.perbarui()
        self.kelas.value = kode

    def ambil_sampel(self) -> None:
        try:
            sampel = survei_db.sampel_acak(self.n_sampel.value, self.seed.value, self.path)
        except ValueError as e:
            self.hasil_sampel.value = _pesan("salah", escape(str(e)))
            return
        populasi = survei_db.ambil_jawaban(path=self.path)
        if sampel.empty:
            self.hasil_sampel.value = "<p>Belum ada jawaban untuk diambil sampelnya.</p>"
            return
        kurang = (
            f" (diminta {self.n_sampel.value}, tetapi hanya ada {len(populasi)} jawaban)"
            if self.n_sampel.value > len(populasi)
            else ""
        )
        kolom = {
            "kode_kelas": "Kelas",
            **{p.kunci: p.nama for p in ANGKA[:4]},
            "moda": "Cara ke sekolah",
        }
        p = ANGKA[0]
        rata_s, rata_p = sampel[p.kunci].mean(), populasi[p.kunci].mean()
        csv = sampel.drop(columns=["kunci_kirim"]).to_csv(index=False).encode("utf-8-sig")
        self.hasil_sampel.value = (
            f"<p role='status'>Sampel acak <b>n = {len(sampel)}</b> dari {len(populasi)} jawaban "
            f"({populasi['kode_kelas'].nunique()} kelas){kurang}, <b>seed {self.seed.value}</b>. "
            f"Rata-rata {p.nama.lower()} sampel: <b>{angka_ringkas(round(rata_s, 1))} "
            f"{p.satuan}</b>; semua jawaban: {angka_ringkas(round(rata_p, 1))} {p.satuan}.</p>"
            + tabel_html(sampel, f"Sampel (seed {self.seed.value})", kolom)
            + "<p>"
            + tautan_unduh(
                csv,
                f"sampel_n{len(sampel)}_seed{self.seed.value}.csv",
                "text/csv",
                "Unduh sampel (CSV)",
            )
            + "</p>"
        )

    def siapkan_unduhan(self, jenis: str) -> None:
        kode = self.kelas.value if self.cakupan.value == "kelas" else None
        if self.cakupan.value == "kelas" and not kode:
            self.unduhan.value = "<p>Belum ada kelas.</p>"
            return
        nama = (
            f"sensus_kelas_{re.sub(r'[^A-Za-z0-9_-]', '_', kode or 'semua')}_"
            f"{time.strftime('%Y%m%d_%H%M')}"
        )
        if jenis == "csv":
            isi = survei_db.ekspor_csv(kode, self.path)
            tautan = tautan_unduh(isi, nama + ".csv", "text/csv", "Unduh CSV")
        else:
            isi = survei_db.ekspor_excel(kode, self.path)
            tautan = tautan_unduh(
                isi,
                nama + ".xlsx",
                "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet",
                "Unduh Excel",
            )
        self.unduhan.value = f"<p>{tautan}</p>"

    def minta_konfirmasi(self, aksi: str) -> None:
        kode = self.kelas.value
        if not kode:
            self.pesan_kelola.value = "<p>Belum ada kelas.</p>"
            return
        batal = ipw.Button(description="Batal", layout=ipw.Layout(width="auto"))
        batal.on_click(lambda _: self._tutup_konfirmasi())
        if aksi == "arsip":
            ya = ipw.Button(
                description="Ya, arsipkan", button_style="warning", layout=ipw.Layout(width="auto")
            )
            ya.on_click(lambda _: self.arsipkan(kode))
            self.konfirmasi.children = [
                ipw.HTML(
                    f"<p><b>Arsipkan kelas {escape(kode)}?</b> Kelas tidak menerima "
                    "jawaban baru. Datanya tetap ada dan tetap bisa diunduh.</p>"
                ),
                baris_kontrol(ya, batal),
            ]
        else:
            self.ketik_kode = ipw.Text(
                description=f"Ketik {kode} untuk konfirmasi",
                style={"description_width": "initial"},
                layout=lebar_isian(),
            )
            ya = ipw.Button(
                description="Ya, hapus", button_style="danger", layout=ipw.Layout(width="auto")
            )
            ya.on_click(lambda _: self.hapus(kode, self.ketik_kode.value))
            jumlah = int((self.semua["kode_kelas"] == kode).sum())
            self.konfirmasi.children = [
                ipw.HTML(
                    f"<p><b>Hapus kelas {escape(kode)} dan {jumlah} jawabannya?</b> Tidak "
                    "bisa dibatalkan. Unduh datanya dulu jika masih diperlukan.</p>"
                ),
                self.ketik_kode,
                baris_kontrol(ya, batal),
            ]

    def _tutup_konfirmasi(self) -> None:
        self.konfirmasi.children = []

    def arsipkan(self, kode: str) -> None:
        survei_db.arsipkan_kelas(kode, self.path)
        self._tutup_konfirmasi()
        self.pesan_kelola.value = _pesan("benar", f"Kelas <b>{escape(kode)}</b> diarsipkan.")
        self.perbarui()

    def hapus(self, kode: str, ketikan: str) -> None:
        if survei_db.rapikan_kode(ketikan) != kode:
            self.pesan_kelola.value = _pesan(
                "salah", f"Ketik kode <b>{escape(kode)}</b> persis untuk menghapus."
            )
            return
        jumlah = survei_db.hapus_kelas(kode, self.path)
        self._tutup_konfirmasi()
        self.pesan_kelola.value = _pesan(
            "benar", f"Kelas <b>{escape(kode)}</b> dan {jumlah} jawabannya sudah dihapus."
        )
        self.perbarui()
