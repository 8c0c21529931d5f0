"""Sensus Kelas against a mischievous phone: the phone key, one answer per phone and class,
resends after a crash, wrong class codes, and deleting one answer.

Real SQLite in a temporary folder, real processes (fork) for the crash, a real tornado server
for the cookie and the redirect. Answers are SIMULASI (fixed made-up values).
"""

from __future__ import annotations

import multiprocessing as mp
import os
import signal
import sqlite3

import pytest
import tornado.web
from tornado.testing import AsyncHTTPTestCase

from literasi.kelas import penyimpanan as survei_db
from literasi.kelas import pin, ponsel
from literasi.kelas.kuesioner import periksa_isian
from literasi.kelas.model_dasbor import ModelDasbor
from literasi.kelas.sensus_kelas import PESAN_KODE, FormulirSurvei

ISIAN = {  # what a student types (SIMULASI)
    "tinggi_cm": "155,5",
    "rentang_lengan_cm": "156",
    "waktu_tempuh_menit": "15",
    "moda": "motor",
    "tidur_jam": "7,5",
    "layar_jam": "3",
    "pelajaran_favorit": "IPA",
    "tangan_dominan": "kanan",
    "saudara_kandung": "2",
    "sarapan": "ya",
    "air_minum_gelas": "6",
    "cita_cita": "simulasi",
}
JAWABAN = periksa_isian(ISIAN)[0]
HP_A, HP_B = "a" * 32, "b" * 32

ctx = mp.get_context("fork")


@pytest.fixture(autouse=True)
def db(tmp_path, monkeypatch):
    monkeypatch.setenv(survei_db.ENV_FOLDER, str(tmp_path / "data"))
    monkeypatch.delenv(pin.ENV_HASH, raising=False)
    monkeypatch.delenv(ponsel.ENV_SERVER, raising=False)
    monkeypatch.delenv("QUERY_STRING", raising=False)
    monkeypatch.delenv("VOILA_PREHEAT", raising=False)
    survei_db.buat_kelas("8A")
    return tmp_path / "data" / survei_db.NAMA_FILE


def di_server_kit(monkeypatch, kunci: str) -> None:
    """This process as a kernel of `literasi serve` whose page was opened with ?ponsel=kunci
    (what Voilà puts in a fresh kernel's environment)."""
    monkeypatch.setenv(ponsel.ENV_SERVER, "1")
    monkeypatch.setenv("QUERY_STRING", f"x=1&{ponsel.NAMA}={kunci}")


def formulir_terisi(kode: str = "8A", **ubah) -> FormulirSurvei:
    form = FormulirSurvei()
    form.kode.value = kode
    for kunci, nilai in {**ISIAN, **ubah}.items():
        form.isian[kunci].value = nilai
    return form


def banyak(kode: str = "8A") -> int:
    return len(survei_db.ambil_jawaban(kode))


# --- The key ------------------------------------------------------------------------------


def test_kunci_ponsel_dari_kueri_halaman(monkeypatch):
    kunci = ponsel.kunci_baru()
    assert ponsel.sah(kunci) and kunci != ponsel.kunci_baru()
    assert ponsel.kunci_halaman() is None  # no query string: not a kit-server page
    di_server_kit(monkeypatch, kunci)
    assert ponsel.kunci_halaman() == kunci
    monkeypatch.setenv("QUERY_STRING", "ponsel=../../etc/passwd")
    assert ponsel.kunci_halaman() is None
    # What is stored is a hash per purpose, never the key.
    assert kunci not in ponsel.sidik(kunci, "kirim") and len(ponsel.sidik(kunci, "x")) == 32


def test_formulir_tanpa_kunci_di_server_kit_tidak_menyimpan(monkeypatch):
    monkeypatch.setenv(ponsel.ENV_SERVER, "1")  # the server gives keys, but this page has none
    form = formulir_terisi()
    form.tombol_kirim.click()
    assert "tanpa kode ponsel" in form.status.value and banyak() == 0


class _Beranda(tornado.web.RequestHandler):
    def get(self):
        self.write(ponsel.kunci_beranda(self))


class _Aplikasi(tornado.web.RequestHandler):
    def get(self):
        if not ponsel.arahkan_ke_kunci(self):
            self.write(self.get_query_argument(ponsel.NAMA))


class TestCookieDanTautan(AsyncHTTPTestCase):
    """The server side on a real tornado server: the landing page's cookie and the redirect
    of an app link to this browser's key."""

    def get_app(self):
        return tornado.web.Application([("/beranda", _Beranda), ("/app", _Aplikasi)])

    def ambil(self, path: str, cookie: str | None = None):
        kepala = {"Cookie": f"{ponsel.NAMA}={cookie}"} if cookie else {}
        return self.fetch(path, headers=kepala, follow_redirects=False)

    def test_beranda_memberi_dan_menyimpan_kunci(self):
        r = self.ambil("/beranda")
        kunci = r.body.decode()
        assert ponsel.sah(kunci)
        cookie = r.headers["Set-Cookie"]
        assert f"{ponsel.NAMA}={kunci}" in cookie and "HttpOnly" in cookie
        assert "SameSite=Lax" in cookie and r.headers["Cache-Control"] == "no-store"
        r = self.ambil("/beranda", cookie=kunci)  # the same browser again: the same key
        assert r.body.decode() == kunci and "Set-Cookie" not in r.headers

    def test_tautan_aplikasi_membawa_kunci_peramban_ini(self):
        saya, teman = ponsel.kunci_baru(), ponsel.kunci_baru()
        r = self.ambil(f"/app?ponsel={saya}", cookie=saya)
        assert r.code == 200 and r.body.decode() == saya
        # A link shared by a friend: redirected to this browser's own key, other args kept.
        r = self.ambil(f"/app?a=1&ponsel={teman}", cookie=saya)
        assert r.code == 302 and r.headers["Location"] == f"/app?a=1&ponsel={saya}"
        # No key in the link: this browser's key is added.
        r = self.ambil("/app", cookie=saya)
        assert r.headers["Location"] == f"/app?ponsel={saya}"
        # No cookie and no key: a new key, in a cookie and in the link.
        r = self.ambil("/app?ponsel=palsu")
        baru = r.headers["Location"].rsplit("=", 1)[1]
        assert r.code == 302 and ponsel.sah(baru) and baru in r.headers["Set-Cookie"]
        # No cookie but a well-formed key (a browser refusing cookies): served, no loop.
        r = self.ambil(f"/app?ponsel={baru}")
        assert r.code == 200 and baru in r.headers["Set-Cookie"]


# --- One answer per phone and class -------------------------------------------------------


def test_satu_ponsel_satu_jawaban_per_kelas():
    assert survei_db.kirim_dari_ponsel("8A", HP_A, JAWABAN).status == "baru"
    hasil = survei_db.kirim_dari_ponsel("8a", HP_A, {**JAWABAN, "tinggi_cm": 170.0})
    assert hasil.status == "sudah"  # the same answer number: a resend, whatever it says now
    assert survei_db.isian_berikutnya("8A", HP_A).status == "batas"
    assert survei_db.kirim_dari_ponsel("8A", HP_A, JAWABAN).status == "sudah"
    assert survei_db.kirim_dari_ponsel("8A", HP_B, JAWABAN).status == "baru"
    survei_db.buat_kelas("8B")
    assert survei_db.kirim_dari_ponsel("8B", HP_A, JAWABAN).status == "baru"  # per class
    assert banyak("8A") == 2 and banyak("8B") == 1
    assert survei_db.ambil_jawaban("8A")["tinggi_cm"].tolist() == [155.5, 155.5]


def test_guru_menaikkan_batas_untuk_ponsel_bergantian():
    survei_db.kirim_dari_ponsel("8A", HP_A, JAWABAN)
    assert survei_db.isian_berikutnya("8A", HP_A).status == "batas"
    assert survei_db.atur_batas_ponsel("8A", 3) is True
    assert survei_db.daftar_kelas()["batas_ponsel"].tolist() == [3]
    for _ in range(2):
        assert survei_db.isian_berikutnya("8A", HP_A).status == "baru"
        assert survei_db.kirim_dari_ponsel("8A", HP_A, JAWABAN).status == "baru"
    assert survei_db.isian_berikutnya("8A", HP_A).status == "batas"
    assert banyak() == 3
    with pytest.raises(ValueError):
        survei_db.atur_batas_ponsel("8A", 0)
    # The number moves on only once the answer being filled is stored.
    survei_db.atur_batas_ponsel("8A", 10)
    assert survei_db.isian_berikutnya("8A", HP_B).status == "sudah"
    assert survei_db.isian_berikutnya("8A", HP_B).status == "sudah"
    assert survei_db.kirim_dari_ponsel("8A", HP_B, JAWABAN).status == "baru"


def test_formulir_satu_ponsel_dua_halaman(monkeypatch):
    """Two pages (a reload, a second tab) of one phone are one phone."""
    di_server_kit(monkeypatch, HP_A)
    pertama = formulir_terisi()
    assert pertama.kirim() is True and banyak() == 1
    kedua = formulir_terisi(tinggi_cm="170")
    assert kedua.kirim() is True  # told it is stored (it is), not stored twice
    assert "sudah tersimpan sebelumnya" in kedua.judul_terima_kasih.value
    assert "155,5" in kedua.kalimat.value  # the position shown is the stored answer's
    assert banyak() == 1
    kedua.tombol_baru.click()
    assert "sudah mengirim 1 jawaban untuk kelas 8A" in kedua.pesan_baru.value


# --- A crash between the commit and the thank-you -----------------------------------------


def _kernel_yang_mati(kunci: str, pipa: int) -> None:
    """A kernel that stores the answer and is killed before the page hears of it."""
    os.environ[ponsel.ENV_SERVER] = "1"
    os.environ["QUERY_STRING"] = f"ponsel={kunci}"
    form = formulir_terisi()
    asli = survei_db.kirim_dari_ponsel

    def simpan_lalu_mati(*args, **kwargs):
        asli(*args, **kwargs)  # committed ...
        os.kill(os.getpid(), signal.SIGKILL)  # ... and the kernel dies before the thanks

    survei_db.kirim_dari_ponsel = simpan_lalu_mati
    form.kirim()
    os.write(pipa, b"terima kasih")  # never reached


@pytest.mark.parametrize("batas", [1, 3])
def test_kirim_ulang_setelah_kernel_mati_tersimpan_sekali(monkeypatch, batas):
    """The issue's 8 of 58: stored while the kernel died, unacknowledged, sent again after a
    reload. With a limit above 1 the limit cannot be what saves it: the key does."""
    survei_db.atur_batas_ponsel("8A", batas)
    baca, tulis = os.pipe()
    kernel = ctx.Process(target=_kernel_yang_mati, args=(HP_A, tulis))
    kernel.start()
    kernel.join(timeout=60)
    os.close(tulis)
    assert kernel.exitcode == -signal.SIGKILL
    assert os.read(baca, 100) == b"", "the page was thanked: not the case under test"
    assert banyak() == 1  # it was stored
    # The student reloads (a new kernel, the same phone key) and sends again.
    di_server_kit(monkeypatch, HP_A)
    ulang = formulir_terisi()
    assert ulang.kirim() is True
    assert "sudah tersimpan sebelumnya" in ulang.judul_terima_kasih.value
    assert banyak() == 1


def test_kunci_per_halaman_di_binder_tidak_bertahan_setelah_muat_ulang():
    """Without the kit server (Binder) each page has its own key: a reload is a new phone.
    This is the fallback the module documents, pinned here so a change to it is seen."""
    assert formulir_terisi().kirim() and formulir_terisi().kirim()
    assert banyak() == 2


# --- Wrong class codes ----------------------------------------------------------------------


def test_kode_salah_dan_kode_ditutup_pesannya_sama():
    survei_db.buat_kelas("9B")
    survei_db.arsipkan_kelas("9B")
    pesan = {}
    for kode in ("9B", "9C"):  # closed, never made
        form = formulir_terisi(kode)
        form.kirim()
        pesan[kode] = form.status.value.replace(kode, "KODE")
    assert pesan["9B"] == pesan["9C"]
    assert PESAN_KODE.split("“")[0] in pesan["9C"]


def test_kode_salah_dibatasi_per_ponsel():
    detik = 1_000_000.0
    for i in range(survei_db.BATAS_KODE_SALAH):
        hasil = survei_db.kirim_dari_ponsel(f"X{i}", HP_A, JAWABAN, detik=detik + i)
        assert hasil.status == "kode"
    # Now even the right code is not looked at: guessing stays slow.
    hasil = survei_db.kirim_dari_ponsel("8A", HP_A, JAWABAN, detik=detik + 10)
    assert hasil.status == "tunggu" and 0 < hasil.tunggu_detik <= survei_db.JEDA_KODE_SALAH
    assert survei_db.kirim_dari_ponsel("8A", HP_B, JAWABAN, detik=detik + 10).status == "baru"
    later = detik + survei_db.JEDA_KODE_SALAH + 1
    assert survei_db.kirim_dari_ponsel("8A", HP_A, JAWABAN, detik=later).status == "baru"


def test_formulir_menyuruh_menunggu_setelah_banyak_kode_salah():
    form = formulir_terisi("ZZ")
    for _ in range(survei_db.BATAS_KODE_SALAH):
        form.kirim()
    form.kode.value = "8A"
    form.kirim()
    assert "Terlalu banyak kode kelas yang salah" in form.status.value
    assert "Tunggu 2 menit" in form.status.value and banyak() == 0


# --- Deleting one answer ------------------------------------------------------------------


def test_hapus_satu_jawaban_dengan_catatan():
    survei_db.kirim_dari_ponsel("8A", HP_A, JAWABAN)
    survei_db.kirim_dari_ponsel("8A", HP_B, {**JAWABAN, "cita_cita": "iseng"})
    iseng = survei_db.ambil_jawaban("8A").set_index("cita_cita").loc["iseng", "id"]
    assert survei_db.hapus_jawaban(iseng, oleh="dasbor guru (PIN)", perangkat="1a2b3c4d")
    assert survei_db.ambil_jawaban("8A")["cita_cita"].tolist() == ["simulasi"]
    assert survei_db.hapus_jawaban(iseng) is False  # gone already: nothing noted
    catatan = survei_db.catatan_hapus()
    assert len(catatan) == 1
    c = catatan.iloc[0]
    assert (c["kode_kelas"], c["jawaban_id"], c["banyak"]) == ("8A", iseng, 1)
    assert (c["oleh"], c["perangkat"]) == ("dasbor guru (PIN)", "1a2b3c4d")
    assert c["waktu"] >= c["waktu_jawaban"]
    assert "iseng" not in catatan.to_string()  # deleted means gone: what it said is not kept
    # The phone whose answer was deleted may send a proper one.
    assert survei_db.kirim_dari_ponsel("8A", HP_B, JAWABAN).status == "baru"


def test_dasbor_menghapus_satu_jawaban_setelah_konfirmasi():
    survei_db.kirim_dari_ponsel("8A", HP_A, JAWABAN)
    survei_db.kirim_dari_ponsel("8A", HP_B, {**JAWABAN, "tinggi_cm": 219.0})
    model = ModelDasbor()
    model.muat()
    nomor = int(model.jawaban("8A")["id"].max())
    assert model.minta("baris", "8A", nomor) is None
    tanya, ya, _ = model.pertanyaan()
    assert f"Hapus jawaban nomor {nomor} dari kelas 8A?" in tanya and ya == "Ya, hapus jawaban"
    assert model.ya().jenis == "benar" and model.konfirmasi is None
    assert model.jawaban("8A")["tinggi_cm"].tolist() == [155.5]
    assert model.catatan_hapus()["oleh"].tolist() == ["dasbor guru (tanpa PIN)"]
    model.minta("baris", "8A", nomor)
    assert "Tidak ada jawaban nomor" in model.ya().html  # only answers of this class


def test_skema_lama_dinaikkan_tanpa_kehilangan(tmp_path):
    """A data file from before this change (schema 1) keeps its answers; its classes get the
    default limit."""
    lama = tmp_path / "lama.sqlite"
    con = sqlite3.connect(lama)
    con.executescript(survei_db.MIGRASI[0] + "; PRAGMA user_version = 1;")
    con.execute("INSERT INTO kelas VALUES ('7C', '2025-01-01T08:00:00', NULL)")
    con.execute(
        "INSERT INTO jawaban (kode_kelas, kunci_kirim, waktu, tinggi_cm) "
        "VALUES ('7C', 'lama-1', '2025-01-01T08:05:00', 150)"
    )
    con.commit()
    con.close()
    assert survei_db.daftar_kelas(lama)["batas_ponsel"].tolist() == [1]
    assert survei_db.ambil_jawaban("7C", lama)["kunci_kirim"].tolist() == ["lama-1"]
    assert survei_db.kirim_dari_ponsel("7C", HP_A, JAWABAN, lama).status == "baru"
