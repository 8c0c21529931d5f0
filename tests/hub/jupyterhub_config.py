"""JupyterHub for tests/hub/test_jupyterhub.py: the shipped example plus test-only parts.

Everything listens on 127.0.0.1 and lives in a temporary folder the test passes in the
environment (LITERASI_HUB_*). Users log in with one shared password; their servers are local
processes (no isolation: fine for a test, never for a school).
"""

import os
import shutil
import sys
from pathlib import Path

c = get_config()  # noqa: F821  (provided by JupyterHub's config loader)
REPO = Path(__file__).resolve().parents[2]

# The kit's settings for users' servers: the very file teachers' IT adapts, not a copy.
load_subconfig(str(REPO / "lessons" / "server" / "jupyterhub_config_contoh.py"))  # noqa: F821

FOLDER = Path(os.environ["LITERASI_HUB_FOLDER"])
HOST = "127.0.0.1"

c.JupyterHub.ip = HOST
c.JupyterHub.port = int(os.environ["LITERASI_HUB_PORT"])  # the proxy's public side
c.JupyterHub.hub_ip = HOST
c.JupyterHub.hub_port = int(os.environ["LITERASI_HUB_PORT_HUB"])
c.ConfigurableHTTPProxy.api_url = f"http://{HOST}:{os.environ['LITERASI_HUB_PORT_PROXY_API']}"
c.ConfigurableHTTPProxy.command = [os.environ["LITERASI_HUB_CHP"]]
c.JupyterHub.db_url = f"sqlite:///{FOLDER / 'jupyterhub.sqlite'}"
c.JupyterHub.cookie_secret_file = str(FOLDER / "jupyterhub_cookie_secret")
c.JupyterHub.pid_file = str(FOLDER / "jupyterhub.pid")

# SharedPasswordAuthenticator: no PAM, no system users (DummyAuthenticator.password is
# deprecated since JupyterHub 5.3).
c.JupyterHub.authenticator_class = "shared-password"
c.SharedPasswordAuthenticator.user_password = os.environ["LITERASI_HUB_SANDI"]
c.SharedPasswordAuthenticator.allow_all = True

c.JupyterHub.spawner_class = "simple"
c.SimpleLocalProcessSpawner.home_dir_template = str(FOLDER / "home" / "{username}")
c.Spawner.cmd = [str(Path(sys.executable).with_name("jupyterhub-singleuser"))]
c.Spawner.ip = HOST
if os.geteuid() == 0:
    # Jupyter Server refuses to run as root and exits; the hub then hangs in "pending".
    c.Spawner.args = ["--allow-root"]
c.Spawner.start_timeout = 60
c.Spawner.http_timeout = 60
# Answer spawn requests at once (202) instead of after 10 s: the test polls `ready`.
c.JupyterHub.tornado_settings = {"slow_spawn_timeout": 0}


def salin_notebook(spawner):
    """Each user gets the kit's notebooks/ in their home, as after a teacher's setup."""
    home = Path(spawner.home_dir)
    if not (home / "notebooks").exists():
        shutil.copytree(
            REPO / "notebooks",
            home / "notebooks",
            ignore=shutil.ignore_patterns(".ipynb_checkpoints"),
        )


c.Spawner.pre_spawn_hook = salin_notebook

# The test drives the hub's REST API with this service token.
c.JupyterHub.services = [{"name": "penguji", "api_token": os.environ["LITERASI_HUB_TOKEN"]}]
c.JupyterHub.load_roles = [
    {
        "name": "penguji",
        "scopes": ["admin:users", "admin:servers", "list:users", "read:users", "access:servers"],
        "services": ["penguji"],
    }
]
