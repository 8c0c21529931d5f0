"""Kelurahan app 01: the Satu Data Indonesia principles on the kit's real region codes.

Kota Pekalongan has two code systems. At kecamatan level they disagree: Kemendagri 33.75.03 is
Pekalongan Utara, BPS 3375030 is Pekalongan Selatan (datasets/README.md, Kotak 2). A join that
turns a Kemendagri code into a BPS code by dropping the dots and adding a zero (33.75.03 ->
3375030) matches every row, raises no error, keeps the city total, and still gives Utara the
population of Selatan. The crosswalk table joins them correctly.
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from html import escape

import ipywidgets as ipw
import pandas as pd

from literasi.data import KOTA_KITA, describe_dataset, load_boundaries, load_dataset
from literasi.format import format_angka
from literasi.grafik import WARNA_UTAMA, gambar_baru, html_grafik, sumbu_angka
from literasi.peta import gambar_peta
from literasi.soal import SoalAngka, SoalBanyak, SoalPilihan, SoalTebak
from literasi.tampilan import Tampilan

DATA_KEMENDAGRI = "wilayah_kota_pekalongan_kemendagri_2025"
DATA_BPS = "wilayah_kota_pekalongan_bps_mfd2018"
DATA_CROSSWALK = "crosswalk_kode_kemendagri_bps_kota_pekalongan"
DATA_SP2010 = "penduduk_sp2010_olahcepat_kecamatan_kabkota"
KOTA_SP2010 = 282137  # datasets/README.md, data 5: Kota Pekalongan, SP2010 olah cepat
SUMBER = (
    "BPS, Sensus Penduduk 2010 (hasil olah cepat); kode wilayah: Kemendagri 2025 dan BPS Master "
    "File Desa 2018; padanan kode: crosswalk kit ini"
)
CARA = ("Gabung dengan kode (salah)", "Gabung lewat crosswalk (benar)")
WARNA_SALAH = "#c0392b"

# What a metadata sheet must say, in the Satu Data spirit (Perpres 39/2019: standar data,
# metadata, interoperabilitas, kode referensi). Also the right options of the metadata exercise.
METADATA_WAJIB = [
    "Judul data dan definisi setiap kolom",
    "Satuan (jiwa, %, km², rupiah …)",
    "Periode atau tanggal keadaan data",
    "Wilayah yang dicakup, dengan kode wilayah resmi",
    "Sumber atau produsen data dan cara pengumpulannya",
    "Kontak yang bisa ditanya",
]
BUKAN_METADATA = [
    "Warna dan jenis huruf tabel",
    "Kata sandi berkas Excel",
    "Nama laptop yang dipakai mengetik",
]


# --- computations ------------------------------------------------------------------------


def kecamatan_kemendagri(wilayah: pd.DataFrame) -> pd.DataFrame:
    """The 4 kecamatan of the Kemendagri list: code and name, in code order."""
    kec = wilayah[wilayah["tingkat"] == "kecamatan"][["kode_kemendagri", "nama"]]
    return kec.sort_values("kode_kemendagri").reset_index(drop=True)


def penduduk_kecamatan(sp2010: pd.DataFrame) -> pd.DataFrame:
    """The 4 kecamatan rows of SP2010 (BPS codes, names in capitals as in the book)."""
    kec = sp2010[sp2010["tingkat"] == "kecamatan"][["kode_bps", "nama", "jumlah"]]
    return kec.rename(columns={"nama": "nama_bps"}).reset_index(drop=True)


def kode_buang_titik(kode_kemendagri: str) -> str:
    """The tempting but wrong conversion: drop the dots, pad the kecamatan part to 3 digits.

    >>> kode_buang_titik("33.75.03")
    '3375030'
    """
    return kode_kemendagri.replace(".", "") + "0"


def normalkan_nama(nama: str) -> str:
    """Lower case, letters only: 'KANDANGPANJANG' and 'Kandang Panjang' become equal.

    >>> normalkan_nama("Pekalongan Utara") == normalkan_nama("PEKALONGAN UTARA")
    True
    """
    return re.sub(r"[^a-z]", "", str(nama).lower())


def gabung_kode(kec: pd.DataFrame, penduduk: pd.DataFrame) -> pd.DataFrame:
    """WRONG join: Kemendagri code -> 'BPS code' by dropping the dots. Every row matches."""
    hasil = kec.assign(kode_bps=kec["kode_kemendagri"].map(kode_buang_titik))
    return _tandai(hasil.merge(penduduk, on="kode_bps", how="left"))


def gabung_crosswalk(
    kec: pd.DataFrame, penduduk: pd.DataFrame, crosswalk: pd.DataFrame
) -> pd.DataFrame:
    """Right join: Kemendagri code -> crosswalk -> BPS code -> population."""
    padanan = crosswalk[["kode_kemendagri", "kode_bps_mfd2018"]].rename(
        columns={"kode_bps_mfd2018": "kode_bps"}
    )
    hasil = kec.merge(padanan, on="kode_kemendagri", how="left")
    return _tandai(hasil.merge(penduduk, on="kode_bps", how="left"))


def _tandai(hasil: pd.DataFrame) -> pd.DataFrame:
    """After every join: do the names from both sides still agree?"""
    cocok = [
        normalkan_nama(a) == normalkan_nama(b)
        for a, b in zip(hasil["nama"], hasil["nama_bps"], strict=True)
    ]
    return hasil.assign(nama_cocok=cocok).reset_index(drop=True)


def gabungan(cara: str, data: dict[str, pd.DataFrame]) -> pd.DataFrame:
    """The join chosen with the toggle (`CARA[0]` wrong, `CARA[1]` right)."""
    kec = kecamatan_kemendagri(data[DATA_KEMENDAGRI])
    penduduk = penduduk_kecamatan(data[DATA_SP2010])
    if cara == CARA[0]:
        return gabung_kode(kec, penduduk)
    return gabung_crosswalk(kec, penduduk, data[DATA_CROSSWALK])


def tabel_dua_kode(crosswalk: pd.DataFrame) -> pd.DataFrame:
    """The 4 kecamatan with their Kemendagri and BPS codes side by side (Kotak 2)."""
    kec = crosswalk[crosswalk["tingkat"] == "kecamatan"].sort_values("kode_kemendagri")
    return pd.DataFrame(
        {
            "Kecamatan": kec["nama_kemendagri"].to_numpy(),
            "Kode Kemendagri": kec["kode_kemendagri"].to_numpy(),
            "Kode BPS": kec["kode_bps_mfd2018"].to_numpy(),
            "Titik dibuang (salah)": [kode_buang_titik(k) for k in kec["kode_kemendagri"]],
        }
    )


def cocok_nama_kelurahan(crosswalk: pd.DataFrame) -> dict:
    """Joining the 27 kelurahan by name: exact, case-insensitive, letters only."""
    kel = crosswalk[crosswalk["tingkat"] == "kelurahan"]
    a, b = kel["nama_kemendagri"], kel["nama_bps_mfd2018"]
    beda = kel[a.str.lower() != b.str.lower()]
    return {
        "jumlah": len(kel),
        "persis": int((a == b).sum()),
        "huruf_kecil": int((a.str.lower() == b.str.lower()).sum()),
        "huruf_saja": sum(
            normalkan_nama(x) == normalkan_nama(y) for x, y in zip(a, b, strict=True)
        ),
        "gagal": list(zip(beda["nama_kemendagri"], beda["nama_bps_mfd2018"], strict=True)),
    }


@dataclass(frozen=True)
class KodeWilayah:
    """One kelurahan's codes in both systems, split into their parts."""

    nama: str
    kecamatan: str
    kode_kemendagri: str
    kode_bps: str
    kodepos: str

    def bagian_kemendagri(self) -> list[tuple[str, str]]:
        prov, kota, kec, kel = self.kode_kemendagri.split(".")
        return [
            (prov, "provinsi Jawa Tengah"),
            (kota, KOTA_KITA),
            (kec, f"Kecamatan {self.kecamatan}"),
            (kel, f"Kelurahan {self.nama} (angka pertama 1 = kelurahan, 2 = desa)"),
        ]

    def bagian_bps(self) -> list[tuple[str, str]]:
        k = self.kode_bps
        return [
            (k[:2], "provinsi Jawa Tengah"),
            (k[2:4], KOTA_KITA),
            (k[4:7], f"Kecamatan {self.kecamatan}"),
            (k[7:], f"Kelurahan {self.nama}"),
        ]


def kode_kelurahan(wilayah: pd.DataFrame, crosswalk: pd.DataFrame) -> dict[str, KodeWilayah]:
    """The 27 kelurahan by name: Kemendagri code, BPS code (through the crosswalk), postcode."""
    kel = wilayah[wilayah["tingkat"] == "kelurahan"].merge(
        crosswalk[["kode_kemendagri", "kode_bps_mfd2018"]], on="kode_kemendagri", how="left"
    )
    return {
        b["nama"]: KodeWilayah(
            b["nama"],
            b["nama_kecamatan"],
            b["kode_kemendagri"],
            b["kode_bps_mfd2018"],
            b["kodepos"],
        )
        for _, b in kel.sort_values("nama").iterrows()
    }


def lembar_metadata(nama_data: str) -> pd.DataFrame:
    """A metadata sheet for one kit table, read from datasets/datapackage.json."""
    res = describe_dataset(nama_data)
    kolom = "; ".join(f"{f['name']} = {f.get('title', f['name'])}" for f in res["schema"]["fields"])
    return pd.DataFrame(
        {
            "Unsur": [
                "Judul",
                "Isi (satu baris =)",
                "Kolom dan satuan",
                "Sumber",
                "Lisensi/izin",
                "Kontak",
            ],
            "Isi": [
                res.get("title", nama_data),
                res.get("description", ""),
                kolom,
                # The publisher's document only; the copying repository and commit stay in
                # datapackage.json.
                "; ".join(s["title"].split("; diekstrak")[0] for s in res.get("sources", [])),
                "; ".join(x.get("title", x.get("name", "")) for x in res.get("licenses", [])),
                "(tidak tertulis di sumber: untuk data Anda sendiri, wajib diisi)",
            ],
        }
    )


def tabel_teks(data: pd.DataFrame, judul: str):
    """A small table of text cells, left-aligned inline (the output area right-aligns `td`)."""
    from IPython.display import HTML

    kepala = "".join(f"<th scope='col' style='text-align:left'>{escape(k)}</th>" for k in data)
    baris = "".join(
        "<tr>"
        + "".join(
            f"<td style='text-align:left;vertical-align:top'>{escape(str(v))}</td>" for v in b
        )
        + "</tr>"
        for b in data.itertuples(index=False)
    )
    return HTML(
        "<div style='overflow-x:auto'><table class='literasi-tabel'>"
        f"<caption>{escape(judul)}</caption><thead><tr>{kepala}</tr></thead>"
        f"<tbody>{baris}</tbody></table></div>"
    )


# --- exercises ---------------------------------------------------------------------------


def daftar_soal(data: dict[str, pd.DataFrame]) -> list:
    """Five exercises, answers computed from the data. Soal 1 (predict) comes before the view."""
    benar = gabungan(CARA[1], data).set_index("nama")
    salah = gabungan(CARA[0], data).set_index("nama")
    total = int(benar["jumlah"].sum())
    utara, selatan = "Pekalongan Utara", "Pekalongan Selatan"
    bagian_utara = 100 * int(benar.loc[utara, "jumlah"]) / total
    selisih = abs(int(salah.loc[utara, "jumlah"]) - int(benar.loc[utara, "jumlah"]))
    crosswalk = data[DATA_CROSSWALK]
    bps_selatan = crosswalk.loc[crosswalk["nama_kemendagri"] == selatan, "kode_bps_mfd2018"]
    kode_selatan = str(bps_selatan.iloc[0])
    pilihan_kec = sorted(benar.index)
    total_salah = int(salah["jumlah"].sum())
    opsi_total = {
        "sama": f"Tetap {format_angka(total)} jiwa: kesalahannya tidak terlihat dari total",
        "kurang": "Lebih kecil, karena ada kecamatan yang tidak tergabung",
        "lebih": "Lebih besar, karena ada kecamatan yang terhitung dua kali",
    }
    jawaban_total = opsi_total["sama"] if total_salah == total else opsi_total["kurang"]
    return [
        SoalTebak(
            pertanyaan=(
                f"Sensus Penduduk 2010 mencatat {format_angka(total)} penduduk Kota Pekalongan di "
                "4 kecamatan. Tebak: berapa persen di antaranya tinggal di Kecamatan Pekalongan "
                "Utara?"
            ),
            jawaban=bagian_utara,
            persen=True,
            penjelasan=(
                f"Pekalongan Utara berpenduduk {format_angka(benar.loc[utara, 'jumlah'])} jiwa, "
                f"{format_angka(bagian_utara, 1)}% dari kota. Di bawah, lihat berapa angka yang "
                "keluar kalau tabel digabung dengan kode yang salah."
            ),
        ),
        SoalPilihan(
            pertanyaan=(f"Di tabel BPS, kode kecamatan {kode_selatan} adalah kecamatan apa?"),
            pilihan=pilihan_kec,
            jawaban=selatan,
            penjelasan=(
                f"BPS {kode_selatan} = {selatan}. Kode Kemendagri {selatan} adalah "
                f"{benar.loc[selatan, 'kode_kemendagri']}: dua sistem, nomor urut berbeda."
            ),
            petunjuk=[
                "Lihat tabel dua kode di bagian Datanya.",
                "Jangan membuang titik dari kode Kemendagri: cari di kolom “Kode BPS”.",
            ],
            umpan_balik={
                utara: (
                    "Itu jebakan “buang titik”: Kemendagri 33.75.03 memang Utara, tetapi BPS "
                    f"{kode_selatan} adalah Selatan."
                ),
            },
        ),
        SoalAngka(
            pertanyaan=(
                "Pilih “Gabung dengan kode (salah)”. Berapa jiwa selisih antara angka penduduk "
                "Pekalongan Utara hasil gabungan salah dan angka yang benar?"
            ),
            jawaban=float(selisih),
            desimal=0,
            satuan="jiwa",
            toleransi=0.0001,
            petunjuk=[
                "Catat angka Pekalongan Utara pada gabungan salah, lalu pada gabungan benar.",
                "Kurangkan yang besar dengan yang kecil.",
            ],
            penjelasan=(
                f"{format_angka(benar.loc[utara, 'jumlah'])} − "
                f"{format_angka(salah.loc[utara, 'jumlah'])} = {format_angka(selisih)} jiwa. "
                "Rencana yang memakai angka salah ini meleset hampir dua puluh ribu orang."
            ),
        ),
        SoalPilihan(
            pertanyaan=(
                "Pada gabungan dengan kode (salah), berapa jumlah penduduk keempat kecamatan?"
            ),
            pilihan=[opsi_total["sama"], opsi_total["kurang"], opsi_total["lebih"]],
            jawaban=jawaban_total,
            penjelasan=(
                f"Jumlahnya tetap {format_angka(total_salah)} jiwa, karena angka Utara dan Selatan "
                "hanya bertukar tempat. Cek total saja tidak cukup: cocokkan juga nama wilayah "
                "setelah menggabungkan tabel."
            ),
            petunjuk=[
                "Gabungan salah tidak menghilangkan atau menggandakan baris: setiap kode cocok.",
                "Dua angka yang bertukar tempat tidak mengubah jumlahnya.",
            ],
            umpan_balik={
                opsi_total["kurang"]: "Semua 4 kecamatan tergabung; tidak ada yang hilang.",
                opsi_total["lebih"]: "Tidak ada kecamatan yang terhitung dua kali.",
            },
        ),
        SoalBanyak(
            pertanyaan=(
                "Kelurahan Anda membagikan tabel penduduk per RW ke dinas. Apa saja yang harus "
                "ditulis di lembar metadatanya?"
            ),
            pilihan=sorted(METADATA_WAJIB + BUKAN_METADATA),
            jawaban=list(METADATA_WAJIB),
            penjelasan=(
                "Metadata menjawab: data apa, satuan apa, keadaan kapan, wilayah mana (dengan "
                "kode resmi), dari siapa dan bagaimana dikumpulkan, dan siapa yang bisa ditanya."
            ),
            petunjuk=[
                "Metadata = keterangan yang membuat orang lain bisa memakai data tanpa bertanya.",
                "Tampilan tabel dan alat yang dipakai mengetik tidak mengubah arti angka.",
            ],
        ),
    ]


def baca_semua() -> dict[str, pd.DataFrame]:
    """The four kit tables this app uses, by name."""
    return {n: load_dataset(n) for n in (DATA_KEMENDAGRI, DATA_BPS, DATA_CROSSWALK, DATA_SP2010)}


def semua_soal() -> list:
    """The app's exercises in page order, from the shipped data (answer key, tests)."""
    return daftar_soal(baca_semua())


# --- the views ---------------------------------------------------------------------------


def _label(baris: pd.Series) -> str:
    """Bar label: the Kemendagri name, and the BPS name that came with the number if different."""
    if baris["nama_cocok"]:
        return str(baris["nama"])
    asal = str(baris["nama_bps"]).title().replace("Pekalongan ", "Kec. ")
    return f"{baris['nama']}\n✗ angka {asal}"


class GabungKode(Tampilan):
    """Join SP2010 population (BPS codes) to the Kemendagri kecamatan list, wrong or right."""

    def __init__(self, data: dict[str, pd.DataFrame], peta: dict | None = None):
        self.data = data
        self.peta = peta if peta is not None else load_boundaries("kecamatan")
        self.cara = ipw.ToggleButtons(
            options=list(CARA),
            value=CARA[0],
            description="Cara menggabung",
            tooltips=[
                "Kode Kemendagri dibuang titiknya lalu dicocokkan dengan kode BPS",
                "Kode Kemendagri dicocokkan lewat tabel padanan (crosswalk)",
            ],
            style={"description_width": "initial", "button_width": "auto"},
            layout=ipw.Layout(flex="1 1 300px"),
        )
        self.ringkasan = ipw.HTML()
        self.grafik = ipw.HTML()
        self.tabel = ipw.HTML()
        self.grafik_peta = ipw.HTML()
        kontrol = self.kendali(self.cara)
        self.widget = ipw.VBox(
            [kontrol, self.grafik, self.ringkasan, self.tabel, self.grafik_peta],
            layout=ipw.Layout(width="100%"),
        )
        self._update()

    @classmethod
    def from_dataset(cls) -> GabungKode:
        return cls(baca_semua())

    def _update(self) -> None:
        hasil = gabungan(self.cara.value, self.data)
        self.ringkasan.value = self._ringkasan(hasil)
        self.grafik.value = self._grafik(hasil)
        self.tabel.value = self._tabel(hasil)
        self.grafik_peta.value = self._peta(hasil)

    def _ringkasan(self, hasil: pd.DataFrame) -> str:
        total = format_angka(int(hasil["jumlah"].sum()))
        tertukar = hasil[~hasil["nama_cocok"]]
        if tertukar.empty:
            return (
                "<p class='literasi-ringkasan' style='font-size:1.05em;border-left:6px solid "
                f"{WARNA_UTAMA};padding-left:8px'><b>✓ Benar.</b> Keempat nama dari kedua tabel "
                f"cocok. Jumlah penduduk kota: {total} jiwa.</p>"
            )
        contoh = tertukar.iloc[0]
        return (
            "<p class='literasi-ringkasan' style='font-size:1.05em;border-left:6px solid "
            f"{WARNA_SALAH};padding-left:8px'><b>✗ Salah, tanpa pesan galat.</b> "
            f"{len(tertukar)} dari {len(hasil)} kecamatan mendapat angka kecamatan lain: "
            f"{escape(contoh['nama'])} tercatat {format_angka(contoh['jumlah'])} jiwa, padahal "
            f"itu angka {escape(str(contoh['nama_bps']).title())}. Jumlah kota tetap {total} "
            "jiwa, jadi cek total <b>tidak</b> menangkap kesalahan ini. Yang menangkapnya: "
            "mencocokkan nama setelah menggabung.</p>"
        )

    def _grafik(self, hasil: pd.DataFrame) -> str:
        fig = gambar_baru(4.4, 3.4)
        ax = fig.add_subplot()
        warna = [WARNA_UTAMA if c else WARNA_SALAH for c in hasil["nama_cocok"]]
        posisi = list(range(len(hasil)))
        nilai = [int(x) for x in hasil["jumlah"]]
        ax.barh(posisi, nilai, color=warna)
        ax.set_yticks(posisi, [_label(b) for _, b in hasil.iterrows()], fontsize=8)
        for tick, c in zip(ax.get_yticklabels(), hasil["nama_cocok"], strict=True):
            tick.set_color("#1f3b4a" if c else WARNA_SALAH)
        ax.invert_yaxis()
        for y, v in zip(posisi, nilai, strict=True):
            ax.text(v, y, f" {format_angka(v)}", va="center", fontsize=8)
        ax.set_xlim(0, max(nilai) * 1.25)
        sumbu_angka(ax.xaxis, paling_banyak=3)
        ax.tick_params(axis="x", labelsize=8)
        ax.set_xlabel("Penduduk SP2010 (jiwa)", fontsize=9)
        judul = "gabungan salah" if self.cara.value == CARA[0] else "lewat crosswalk"
        fig.suptitle(f"Penduduk per kecamatan ({judul})", fontsize=10)
        ax.spines[["top", "right"]].set_visible(False)
        bagian = "; ".join(f"{b['nama']} {format_angka(b['jumlah'])}" for _, b in hasil.iterrows())
        tertukar = [str(n) for n in hasil.loc[~hasil["nama_cocok"], "nama"]]
        kalimat = (
            "Diagram batang penduduk Sensus Penduduk 2010 per kecamatan, nama menurut Kemendagri: "
            f"{bagian} jiwa. "
            + (
                f"Merah = nama tidak cocok: {' dan '.join(tertukar)} mendapat angka kecamatan lain."
                if tertukar
                else "Semua nama dari kedua tabel cocok."
            )
        )
        return html_grafik(fig, alt=kalimat, keterangan=kalimat, sumber=SUMBER)

    def _tabel(self, hasil: pd.DataFrame) -> str:
        baris = []
        for _, b in hasil.iterrows():
            gaya = "" if b["nama_cocok"] else f" style='color:{WARNA_SALAH};font-weight:bold'"
            tanda = "✓ cocok" if b["nama_cocok"] else "✗ tidak cocok"
            baris.append(
                f"<tr{gaya}><td>{escape(b['kode_kemendagri'])}<br>{escape(b['nama'])}</td>"
                f"<td>{escape(b['kode_bps'])}<br>{escape(str(b['nama_bps']))}</td>"
                f"<td style='text-align:right'>{format_angka(b['jumlah'])}</td>"
                f"<td>{tanda}</td></tr>"
            )
        return (
            "<div style='overflow-x:auto'><table class='literasi-tabel'>"
            "<caption>Hasil gabungan, baris demi baris: nama dari kedua tabel</caption>"
            "<thead><tr><th scope='col'>Kemendagri (peta)</th><th scope='col'>BPS (SP2010)</th>"
            "<th scope='col'>Jiwa</th><th scope='col'>Nama</th></tr></thead><tbody>"
            + "".join(baris)
            + "</tbody></table></div>"
        )

    def _peta(self, hasil: pd.DataFrame) -> str:
        nilai = {b["kode_kemendagri"]: float(b["jumlah"]) for _, b in hasil.iterrows()}
        fig = gambar_peta(
            self.peta,
            nilai,
            judul="Penduduk SP2010 di peta kecamatan",
            sumber="BPS SP2010; batas: cahyadsn/wilayah_boundaries",
            label="Jiwa",
            kelas=4,
            tampilkan_nama=True,
        )
        utara = hasil[hasil["nama"] == "Pekalongan Utara"].iloc[0]
        kalimat = (
            "Peta 4 kecamatan Kota Pekalongan diwarnai menurut penduduk hasil gabungan ini; "
            f"Pekalongan Utara (utara, pesisir) diwarnai {format_angka(utara['jumlah'])} jiwa."
            + ("" if utara["nama_cocok"] else " Warnanya salah: itu angka Pekalongan Selatan.")
        )
        return html_grafik(fig, alt=kalimat, keterangan=kalimat, sumber=SUMBER)


class KartuKode(Tampilan):
    """Pick a kelurahan; see its Kemendagri and BPS codes split into parts, and its postcode."""

    def __init__(self, wilayah: pd.DataFrame, crosswalk: pd.DataFrame, awal: str = "Gamer"):
        self.kode = kode_kelurahan(wilayah, crosswalk)
        self.pilih = ipw.Dropdown(
            options=list(self.kode),
            value=awal if awal in self.kode else next(iter(self.kode)),
            description="Kelurahan",
            style={"description_width": "initial"},
            layout=ipw.Layout(flex="1 1 240px", max_width="360px", height="auto"),
        )
        self.kartu = ipw.HTML()
        kontrol = self.kendali(self.pilih)
        self.widget = ipw.VBox([kontrol, self.kartu], layout=ipw.Layout(width="100%"))
        self._update()

    @staticmethod
    def _baris(bagian: list[tuple[str, str]]) -> str:
        return "".join(
            f"<tr><td style='font-family:monospace;font-size:1.1em'>{escape(k)}</td>"
            f"<td>{escape(arti)}</td></tr>"
            for k, arti in bagian
        )

    def _update(self) -> None:
        k = self.kode[self.pilih.value]
        self.kartu.value = (
            "<div style='overflow-x:auto'><table class='literasi-tabel'>"
            f"<caption>Kode wilayah Kelurahan {escape(k.nama)}</caption><tbody>"
            f"<tr><th scope='row' colspan='2'>Kemendagri: {escape(k.kode_kemendagri)}</th></tr>"
            + self._baris(k.bagian_kemendagri())
            + f"<tr><th scope='row' colspan='2'>BPS (MFD 2018): {escape(k.kode_bps)}</th></tr>"
            + self._baris(k.bagian_bps())
            + f"<tr><th scope='row'>Kode pos</th><td>{escape(str(k.kodepos))}</td></tr>"
            "</tbody></table></div>"
        )
