"""Sensus Kelas, the student form (notebooks/kelas/90_sensus_kelas.ipynb).

The app has no graded exercises (students answer a questionnaire), so `semua_soal()` is empty.
"""

from __future__ import annotations

from html import escape

import ipywidgets as ipw
import pandas as pd

from literasi.kelas import penyimpanan as survei_db
from literasi.kelas.kuesioner import (
    ANGKA,
    PER_KUNCI,
    PERTANYAAN,
    Pertanyaan,
    kalimat_posisi,
    kunci_kirim_baru,
    periksa_isian,
)
from literasi.kelas.tampilan_survei import grafik_posisi, lebar_isian, pesan_status
from literasi.tampilan import Tampilan, baris_kontrol

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
            self.status.value = pesan_status(
                "salah",
                f"<b>Belum terkirim.</b> Perbaiki {len(masalah)} isian ini (isian lain tetap "
                f"tersimpan di layar):<ul>{daftar}</ul>",
            )
            return False
        try:
            survei_db.simpan_jawaban(kode, self.kunci_kirim, nilai, path=self.path)
        except survei_db.KelasTidakAda:
            self.status.value = pesan_status(
                "salah",
                f"<b>Belum terkirim.</b> Kode kelas “{escape(kode)}” belum dibuat guru. "
                "Periksa lagi kodenya di papan atau layar proyektor.",
            )
            return False
        except survei_db.KelasDiarsipkan:
            self.status.value = pesan_status(
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
        self.judul_terima_kasih.value = pesan_status(
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


def semua_soal() -> list:
    """No exercises in this app (the answer key in the guide is empty)."""
    return []
