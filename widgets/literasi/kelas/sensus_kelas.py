"""Sensus Kelas, the student form (notebooks/kelas/90_sensus_kelas.ipynb).

The app has no graded exercises (students answer a questionnaire), so `semua_soal()` is empty.
"""

from __future__ import annotations

from html import escape

import ipywidgets as ipw
import pandas as pd

from literasi.kelas import penyimpanan as survei_db
from literasi.kelas import ponsel
from literasi.kelas.kuesioner import (
    ANGKA,
    PER_KUNCI,
    PERTANYAAN,
    Pertanyaan,
    kalimat_posisi,
    periksa_isian,
)
from literasi.kelas.tampilan_survei import grafik_posisi, lebar_isian, pesan_status
from literasi.tampilan import Tampilan, baris_kontrol

# Why an answer was not stored, as the student reads it ({kode}: the class code, escaped).
BELUM = "<b>Belum terkirim.</b> "
PESAN_KODE = (
    "Kode kelas “{kode}” tidak menerima jawaban: belum dibuat atau sudah ditutup. Periksa "
    "lagi kodenya di papan atau layar proyektor."
)
PESAN_TUNGGU = (
    "Terlalu banyak kode kelas yang salah dari ponsel ini. Tunggu {menit} menit, lalu "
    "tanyakan kodenya ke guru. Isianmu tetap ada di layar."
)
PESAN_BATAS = (
    "Ponsel ini sudah mengirim {batas} jawaban untuk kelas {kode}. Satu ponsel untuk satu "
    "siswa; jika ponsel ini dipakai bergantian, minta guru menaikkan batasnya di dasbor."
)
PESAN_TANPA_KUNCI = (
    "Halaman ini dibuka tanpa kode ponsel dari server. Buka Sensus Kelas dari beranda "
    "(pindai lagi kode QR di proyektor), lalu isi dan kirim lagi."
)

# --- Student view -------------------------------------------------------------------------


class FormulirSurvei(Tampilan):
    """The questionnaire: class code, 12 questions, one "Kirim"; then where you sit in class.

    Each answer's key comes from the phone's key (literasi.kelas.ponsel), the class and the
    submission number, so a second tap on Kirim, or a resend after the page was reloaded, stores
    nothing new. Nothing touches the database until Kirim.
    """

    def __init__(self, path=None):
        self.path = path
        # Binder and JupyterHub give no phone key: this page's own stands in (a reload is then
        # a new phone). On the kit server the key is read at the first Kirim.
        self._ponsel = None if ponsel.di_server_kit() else ponsel.kunci_baru()
        self.kunci_kirim = ""  # the stored answer shown on the thank-you screen
        self.kode_terkirim, self.nilai_terkirim = "", {}
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
        if self.widget.children[0] is not self.form:
            return True  # the second tap of a double tap, queued before the thanks
        self.tombol_kirim.disabled = True  # a visible guard; the answer's key is the real one
        try:
            return self._kirim()
        finally:
            self.tombol_kirim.disabled = False

    def kunci_ponsel(self) -> str | None:
        """This phone's key (None: the kit server gave this page none)."""
        if self._ponsel is None:
            self._ponsel = ponsel.kunci_halaman()
        return self._ponsel

    def _kirim(self) -> bool:
        kode = survei_db.rapikan_kode(self.kode.value)
        nilai, galat = periksa_isian(self.nilai_isian())
        masalah = []
        if not kode:
            masalah.append("Kode kelas: belum diisi. Tanyakan kodenya ke guru.")
        masalah += list(galat.values())
        if masalah:
            daftar = "".join(f"<li>{escape(m)}</li>" for m in masalah)
            self.status.value = pesan_status(
                "salah",
                f"{BELUM}Perbaiki {len(masalah)} isian ini (isian lain tetap "
                f"tersimpan di layar):<ul>{daftar}</ul>",
            )
            return False
        kunci_ponsel = self.kunci_ponsel()
        if kunci_ponsel is None:
            self.status.value = pesan_status("salah", BELUM + PESAN_TANPA_KUNCI)
            return False
        hasil = survei_db.kirim_dari_ponsel(kode, kunci_ponsel, nilai, path=self.path)
        if hasil.status in ("kode", "tunggu", "batas"):
            teks = {"kode": PESAN_KODE, "tunggu": PESAN_TUNGGU, "batas": PESAN_BATAS}[hasil.status]
            menit = max(1, -(-hasil.tunggu_detik // 60))
            self.status.value = pesan_status(
                "salah", BELUM + teks.format(kode=escape(kode), menit=menit, batas=hasil.batas)
            )
            return False
        self.kunci_kirim, self.kode_terkirim = hasil.kunci_kirim, kode
        # What is stored is what the class sees: after a resend, the first answer.
        tersimpan = survei_db.ambil_jawaban(kode, path=self.path)
        baris = tersimpan[tersimpan["kunci_kirim"] == hasil.kunci_kirim]
        self.nilai_terkirim = baris.iloc[0].to_dict() if len(baris) else nilai
        self._tampilkan_terima_kasih(sudah_ada=hasil.status == "sudah")
        return True

    def _tampilkan_terima_kasih(self, sudah_ada: bool = False) -> None:
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
            self.pesan_baru = ipw.HTML()
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
                    self.pesan_baru,
                ],
                layout=ipw.Layout(width="100%"),
            )
        kelas = escape(self.kode_terkirim)
        self.judul_terima_kasih.value = pesan_status(
            "benar",
            (
                f"<b>Terima kasih! Jawaban dari ponsel ini sudah tersimpan sebelumnya</b> di "
                f"kelas {kelas}, jadi tidak disimpan dua kali."
                if sudah_ada
                else f"<b>Terima kasih! Jawabanmu sudah tersimpan</b> di kelas {kelas}."
            )
            + " Di mana posisimu di antara teman sekelas?",
        )
        self.pesan_baru.value = ""
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
        """Empty form for a classmate without a phone (class code kept), if the teacher lets
        this phone send another answer to the class."""
        hasil = survei_db.isian_berikutnya(self.kode_terkirim, self.kunci_ponsel(), path=self.path)
        if hasil.status == "batas":
            self.pesan_baru.value = pesan_status(
                "petunjuk", PESAN_BATAS.format(kode=escape(self.kode_terkirim), batas=hasil.batas)
            )
            return
        for p in PERTANYAAN:
            self.isian[p.kunci].value = ""
        self.status.value = ""
        self.widget.children = [self.form]


def semua_soal() -> list:
    """No exercises in this app (the answer key in the guide is empty)."""
    return []
