"""Registers the `hub` marker for runs under --strict-markers (pyproject.toml may list it too)."""


def pytest_configure(config):
    config.addinivalue_line("markers", "hub: starts a real JupyterHub with two users (about 30 s)")
