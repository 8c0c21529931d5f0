"""Accessibility audit of every app with axe-core (from npm, injected by Playwright).

No "critical" or "serious" violation is allowed. A plain Voilà page has both: a chart PNG
without alt text and a slider without an accessible name. The page is opened on the phone a
student holds (360×800, touch; tests/orang.py), never resized; the audit then reads the whole
page, folded sections included, as a screen reader does.
"""

from __future__ import annotations

from pathlib import Path

import pytest
from playwright.sync_api import expect

from conftest import semua_notebook

pytestmark = pytest.mark.browser

AXE = Path(__file__).resolve().parents[1] / "node_modules" / "axe-core" / "axe.min.js"


@pytest.mark.parametrize("notebook", semua_notebook())
def test_tanpa_pelanggaran_berat(server_kit, buka_di, notebook):
    if not AXE.exists():
        pytest.fail(f"{AXE} tidak ada: jalankan `npm ci --prefix tests` (tests/run.sh)")
    page = buka_di("ponsel", server_kit.render_url(notebook))
    expect(page.locator("#rendered_cells")).to_be_visible(timeout=90_000)
    page.wait_for_load_state("networkidle")
    page.add_script_tag(path=str(AXE))
    hasil = page.evaluate("async () => await axe.run(document, {resultTypes: ['violations']})")
    berat = [
        f"{v['id']} ({v['impact']}): {v['help']} — {[n['target'] for n in v['nodes']][:3]}"
        for v in hasil["violations"]
        if v["impact"] in ("critical", "serious")
    ]
    assert not berat, "\n".join(berat)
