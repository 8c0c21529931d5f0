"""The `literasi` command. `literasi serve` starts the workshop server."""

from __future__ import annotations

import argparse
import signal
import sys
from pathlib import Path

from literasi.kelas import pin
from literasi.layanan import pojok, server

# argparse's own words, in Indonesian (issue 17: `literasi serve --help` speaks Indonesian).
PESAN_ARGPARSE = [
    (r"the following arguments are required: (.*)", r"pilihan ini wajib diisi: \1"),
    (r"unrecognized arguments: (.*)", r"pilihan tidak dikenal: \1"),
    (r"argument (\S+): invalid int value: (.*)", r"\1: bukan bilangan bulat: \2"),
    (
        r"argument (\S+): invalid choice: (.*?) \(choose from (.*)\)",
        r"\1: \2 tidak ada (pilih: \3)",
    ),
    (r"argument (\S+): expected one argument", r"\1: perlu satu nilai"),
    (r"argument (\S+): (.*)", r"\1: \2"),
]


class FormatBantuan(argparse.HelpFormatter):
    def add_usage(self, usage, actions, groups, prefix=None):
        if prefix is None:  # argparse passes "" when it builds a subcommand's name
            prefix = "penggunaan: "
        return super().add_usage(usage, actions, groups, prefix)


class ParserIndonesia(argparse.ArgumentParser):
    """argparse with its headings, -h and errors in Indonesian."""

    def __init__(self, *args, **kwargs):
        kwargs.setdefault("formatter_class", FormatBantuan)
        super().__init__(*args, add_help=False, **kwargs)
        self._positionals.title = "argumen"
        self._optionals.title = "pilihan"
        self.add_argument("-h", "--help", action="help", help="tampilkan bantuan ini lalu keluar")

    def error(self, message):
        import re

        for pola, ganti in PESAN_ARGPARSE:
            if re.fullmatch(pola, message):
                message = re.sub(pola, ganti, message)
                break
        self.print_usage(sys.stderr)
        self.exit(2, f"{self.prog}: galat: {message}\n")


def perintah_serve(args: argparse.Namespace) -> int:
    folder = Path(args.folder).resolve() if args.folder else server.cari_folder_notebook()
    if not (folder / server.HALAMAN_AWAL).is_file():
        print(f"Folder aplikasi tidak ditemukan: {folder}/{server.HALAMAN_AWAL}", file=sys.stderr)
        return 2

    ip = args.ip or "127.0.0.1"
    if args.lan and not args.ip:
        ip = server.alamat_lan()
        if ip is None:
            print(
                "Komputer ini belum tersambung ke jaringan (Wi-Fi/LAN), jadi ponsel siswa tidak "
                "bisa membuka aplikasi. Sambungkan ke Wi-Fi sekolah lalu jalankan lagi.",
                file=sys.stderr,
            )
            return 2

    try:
        if args.pojok:
            kolam = pojok.rencana_kolam(folder, args.pelajaran, args.kolam)
        else:
            kolam = server.rencana_kolam(folder, args.pelajaran or [], args.kolam, args.siswa)
    except ValueError as galat:
        print(galat, file=sys.stderr)
        return 2

    if server.port_terpakai(ip, args.port):
        print(
            f"Port {args.port} sudah dipakai program lain (mungkin server kit ini masih berjalan "
            f"di jendela lain). Tutup program itu, atau pakai port lain:\n"
            f"    literasi serve --port {args.port + 1}",
            file=sys.stderr,
        )
        return 1

    alamat = f"http://{ip}:{args.port}/"
    # On the LAN the teacher's dashboard needs a PIN that only the teacher sees (this terminal);
    # the kernels get a salted slow hash of it (literasi.kelas.pin).
    pin_guru = pin.buat_pin() if args.lan and not args.pojok else None
    print("Kit Literasi Statistik Kota Pekalongan")
    print(f"Buka di browser: {alamat}")
    if args.lan:
        from literasi.layanan.qr import qr_teks

        print("Siswa: sambungkan ponsel ke Wi-Fi yang sama, lalu pindai kode ini:")
        print(qr_teks(alamat))
    if pin_guru:
        print(f"PIN guru (untuk Dasbor Sensus Kelas dan Kuis Kelas): {pin_guru}")
    if args.pojok:
        print(pojok.nyalakan(args.pojok_diam))
    for notebook, n in kolam.items():
        print(f"Disiapkan {n} kernel untuk {notebook}")
    # From here on only Indonesian lines for the teacher reach this terminal; Voilà's, Jupyter's
    # and the kernels' output go to the log file (literasi.catatan).
    from literasi import catatan

    print(f"Catatan lengkap (log): {catatan.siapkan_server(args.rinci)}")
    print("Tekan Ctrl+C untuk menghentikan server.", flush=True)

    pengaturan = server.PengaturanServer(
        folder_notebook=folder,
        ip=ip,
        port=args.port,
        kolam=kolam,
        alamat_publik=alamat if args.lan else None,
        hash_pin_guru=pin.hash_pin(pin_guru) if pin_guru else None,
        rinci=args.rinci,
    )
    # Ctrl+C must stop the server even when a parent process set SIGINT to "ignore".
    signal.signal(signal.SIGINT, signal.default_int_handler)
    try:
        server.jalankan(pengaturan)
    except KeyboardInterrupt:
        pass
    except Exception:
        # The traceback goes to the log file; the teacher reads a code to pass on (stdout:
        # stderr now goes to the log file too).
        print(catatan.laporkan("Server berhenti karena galat."))
        print(f"Rinciannya ada di {catatan.path_log()}", flush=True)
        return 1
    print("Server dihentikan. Sampai jumpa!")
    return 0


def perintah_kunci(args: argparse.Namespace) -> int:
    """Print the answer key of a notebook (Markdown), generated from its lesson module."""
    from literasi.aplikasi import soal_notebook
    from literasi.soal import kunci_jawaban

    path = Path(args.notebook)
    if not path.is_file():
        path = server.cari_folder_notebook() / args.notebook
    if not path.is_file():
        print(f"Notebook tidak ditemukan: {args.notebook}", file=sys.stderr)
        return 2
    print(kunci_jawaban(soal_notebook(path)), end="")
    return 0


def buat_parser() -> argparse.ArgumentParser:
    parser = ParserIndonesia(
        prog="literasi", description="Kit literasi statistik BPS Kota Pekalongan."
    )
    sub = parser.add_subparsers(dest="perintah", required=True, title="perintah")
    serve = sub.add_parser("serve", help="jalankan server lokakarya (Voilà) di komputer ini")
    serve.add_argument(
        "--lan",
        action="store_true",
        help="buka untuk ponsel siswa di Wi-Fi yang sama (tampilkan kode QR)",
    )
    serve.add_argument("--port", type=int, default=8866, help="nomor port (bawaan: 8866)")
    serve.add_argument("--ip", help="alamat yang dipakai (bawaan: 127.0.0.1, atau alamat LAN)")
    serve.add_argument(
        "--pelajaran",
        action="append",
        metavar="NN",
        help="nomor pelajaran hari ini (mis. 03); aplikasinya disiapkan lebih dulu agar langsung "
        "terbuka. Boleh diulang; 'semua' = semua aplikasi",
    )
    serve.add_argument(
        "--siswa",
        type=int,
        default=40,
        metavar="N",
        help="jumlah siswa di kelas (bawaan: 40): satu kernel siap pakai per siswa untuk setiap "
        "aplikasi pelajaran hari ini, sebanyak yang muat di memori",
    )
    serve.add_argument(
        "--kolam",
        type=int,
        metavar="N",
        help="paksa jumlah kernel siap pakai per aplikasi pelajaran itu (0 = tanpa pemanasan)",
    )
    serve.add_argument(
        "--rinci",
        action="store_true",
        help="catat setiap permintaan di berkas log (untuk pengembang)",
    )
    serve.add_argument(
        "--pojok",
        action="store_true",
        help="mode Pojok Statistik: beranda tiga jalur untuk pengunjung, tanpa aplikasi guru",
    )
    serve.add_argument(
        "--pojok-diam",
        type=pojok.menit_positif,
        default=pojok.DIAM_BAWAAN,
        metavar="MENIT",
        help="mode pojok: kembali ke beranda pojok setelah sekian menit tanpa sentuhan (bawaan: 3)",
    )
    serve.add_argument("--folder", help="folder notebook (bawaan: notebooks/ dari repositori)")
    serve.set_defaults(fungsi=perintah_serve)
    kunci = sub.add_parser("kunci", help="cetak kunci jawaban sebuah notebook (untuk panduan guru)")
    kunci.add_argument("notebook", help="mis. siswa/00_kota_pekalongan_di_jawa_tengah.ipynb")
    kunci.set_defaults(fungsi=perintah_kunci)
    # Listed for --help only: main() hands `cetak` / `tautan` and their options on.
    sub.add_parser("cetak", help="buat panduan guru dan lembar kerja siap cetak A4 (--pdf: PDF)")
    sub.add_parser("tautan", help="buat tautan nbgitpuller untuk JupyterHub sekolah")
    sub.add_parser("pojok-poster", help="buat poster A4 Pojok Statistik dengan kode QR")
    sub.add_parser(
        "siapkan-grafik",
        help="gambar sekali grafik pertama setiap aplikasi siswa (untuk Binder atau setelah "
        "pembaruan)",
    )
    return parser


def main(argv: list[str] | None = None) -> int:
    argv = sys.argv[1:] if argv is None else argv
    if argv[:1] == ["cetak"]:
        from literasi.layanan.cetak import main as cetak

        return cetak(argv[1:])
    if argv[:1] == ["tautan"]:
        from literasi.layanan.tautan import main as tautan

        return tautan(argv[1:])
    if argv[:1] == ["pojok-poster"]:
        return pojok.main(argv[1:])
    if argv[:1] == ["siapkan-grafik"]:
        from literasi.layanan.siapkan_grafik import main as siapkan_grafik

        return siapkan_grafik(argv[1:])
    args = buat_parser().parse_args(argv)
    return args.fungsi(args)


if __name__ == "__main__":
    sys.exit(main())
