"""Contoh konfigurasi JupyterHub untuk Kit Literasi Statistik Kota Pekalongan.

Bagian yang WAJIB untuk kit hanya satu: server setiap siswa harus memakai konfigurasi Voilà
kit (templat "literasi", sel guru bertanda `remove-voila` disembunyikan, kode tidak tampil,
batas waktu eksekusi, pembersihan kernel yang menganggur). Caranya sama dengan binder/start:
dua variabel lingkungan, JUPYTER_CONFIG_PATH dan JUPYTER_PATH, yang menunjuk ke folder
layanan/jupyter/ di dalam paket `literasi` yang terpasang.

Cara memakai:
- The Littlest JupyterHub (TLJH): salin berkas ini ke /opt/tljh/config/jupyterhub_config.d/
  lalu `sudo tljh-config reload`. Lihat lessons/server/tljh.md.
- Zero to JupyterHub (Kubernetes): tidak perlu berkas ini; setel dua variabel yang sama di
  image (ENV di Dockerfile) atau di `singleuser.extraEnv`. Lihat lessons/server/z2jh.md.
- JupyterHub biasa: `jupyterhub -f jupyterhub_config_contoh.py`, lalu tambahkan authenticator
  dan spawner milik sekolah Anda.

tests/hub/jupyterhub_config.py memuat berkas ini apa adanya (load_subconfig), jadi pengaturan
yang diuji sama dengan yang dibagikan.
"""

import importlib.util
import os
import subprocess
from pathlib import Path

c = get_config()  # noqa: F821  (disediakan oleh JupyterHub saat membaca berkas ini)

# Python yang menjalankan server siswa. Di TLJH, hub dan siswa punya lingkungan berbeda
# (/opt/tljh/hub dan /opt/tljh/user); kit dipasang di lingkungan siswa.
PYTHON_SISWA = os.environ.get("LITERASI_PYTHON_SISWA", "/opt/tljh/user/bin/python")


def folder_paket_literasi() -> Path:
    """Folder paket `literasi` yang terpasang: dari Python hub ini, atau dari Python siswa."""
    # find_spec locates the package without importing it (no pandas in the hub).
    spec = importlib.util.find_spec("literasi")
    if spec is not None:
        return Path(spec.origin).parent
    # Hub without the kit (TLJH): ask the users' Python where the package lives.
    try:
        hasil = subprocess.run(
            [
                PYTHON_SISWA,
                "-c",
                "import importlib.util as u; print(u.find_spec('literasi').origin)",
            ],
            capture_output=True,
            text=True,
            check=True,
        )
    except (OSError, subprocess.CalledProcessError) as e:
        raise SystemExit(
            f"Paket literasi tidak ditemukan di {PYTHON_SISWA}. Pasang kit di lingkungan siswa "
            "(lessons/server/tljh.md) atau setel LITERASI_PYTHON_SISWA."
        ) from e
    return Path(hasil.stdout.strip()).parent


PAKET = folder_paket_literasi()

# Wajib: konfigurasi dan templat Voilà kit untuk setiap server siswa (sama dengan binder/start).
# jupyter_server_config.json memuat batas waktu Voilà dan pembersihan kernel menganggur
# (15 menit); voila.json memuat templat "literasi" dan penyembunyian kode.
c.Spawner.environment.update(
    {
        "JUPYTER_CONFIG_PATH": str(PAKET / "layanan" / "jupyter" / "config"),
        "JUPYTER_PATH": str(PAKET / "layanan" / "jupyter" / "data"),
    }
)

# Batas memori per siswa. Satu kernel aplikasi kit ~140 MB, server siswa ~160 MB; 1 GB cukup
# untuk 4-5 aplikasi terbuka bersamaan. Ditegakkan oleh SystemdSpawner (TLJH) dan KubeSpawner
# (Z2JH); LocalProcessSpawner (dipakai tes) mengabaikannya.
c.Spawner.mem_limit = "1G"
c.Spawner.cpu_limit = 1

# Halaman pertama setelah login. Aktifkan bila repositori kit sudah ada di home siswa
# (misalnya lewat tautan nbgitpuller: `literasi tautan ...`, folder bawaan = nama repositori):
# c.Spawner.default_url = "/voila/render/literasi-pekalongan/notebooks/index.ipynb"

# Server siswa yang menganggur dihentikan oleh layanan jupyterhub-idle-culler:
# - TLJH sudah menyalakannya (bawaan 600 detik): `sudo tljh-config set services.cull.timeout 1800`
# - Z2JH: `cull.timeout` di config.yaml.
# - JupyterHub biasa: pip install jupyterhub-idle-culler, lalu:
# c.JupyterHub.services = [
#     {"name": "idle-culler", "command": ["python3", "-m", "jupyterhub_idle_culler",
#                                         "--timeout=1800"]},
# ]
# c.JupyterHub.load_roles = [
#     {"name": "idle-culler", "services": ["idle-culler"],
#      "scopes": ["list:users", "read:users:activity", "read:servers", "delete:servers"]},
# ]
