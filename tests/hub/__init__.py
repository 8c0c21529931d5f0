# A package, so that tests/hub/conftest.py is imported as `hub.conftest` and does not replace
# tests/conftest.py, which the test modules import as `conftest`.
