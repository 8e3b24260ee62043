"""Issue 18's pages in a real headless Chromium against `sva-hq serve` on loopback: the
eligibility page, the approved plan with its status, and a closed year's overview, in English
and Japanese. With SVA_SCREENSHOTS=1 the screenshots go to docs/screenshots/hq-*.png (the
README shows them); otherwise to the test's temporary folder."""
from __future__ import annotations

import os

import pytest

from tests.hq.conftest import HQ

from .browser import browser, chromium_available, full_page_shot, login
from .conftest import ROOT, hq_cli

pytestmark = pytest.mark.skipif(not chromium_available() and not os.environ.get("CI"),
                                reason="needs Debian chromium + chromium-driver (make apt)")

SHOTS = ("eligibility", "eligibility-ja", "plan-approved", "plan-approved-ja",
         "overview-closed", "overview-closed-ja")


def test_governance_pages_in_chromium(demo_copy, tmp_path):
    from selenium.webdriver.common.by import By
    out = ROOT / "docs" / "screenshots" if os.environ.get("SVA_SCREENSHOTS") else tmp_path
    assert hq_cli("fy", "close", 2024, "--by", "mgr.sato", "--data-dir", demo_copy).returncode == 0
    server = HQ(demo_copy)
    server.start()
    try:
        with browser() as driver:
            login(driver, server.url, "mgr.sato", "mgr.sato-demo-pw")
            for lang, suffix in (("en", ""), ("ja", "-ja")):
                driver.get(f"{server.url}/dashboard/eligibility?level=B&fy=2025&lang={lang}")
                rows = driver.find_elements(By.CSS_SELECTOR, "#eligible tbody tr")
                assert rows and all(len(r.find_elements(By.TAG_NAME, "td")) == 6 for r in rows)
                card = driver.find_element(By.CSS_SELECTOR, "section.card")
                assert driver.execute_script(
                    "return arguments[0].scrollWidth <= arguments[0].clientWidth + 1", card)
                full_page_shot(driver, out / f"hq-eligibility{suffix}.png")
                driver.get(f"{server.url}/dashboard/plan?lang={lang}")
                status = driver.find_element(By.ID, "plan-status").text
                assert "mgr.sato" in status and ("approved" in status or "承認" in status)
                full_page_shot(driver, out / f"hq-plan-approved{suffix}.png")
                driver.get(f"{server.url}/dashboard/?fy=2024&lang={lang}")
                note = driver.find_element(By.ID, "closed-note").text
                assert "mgr.sato" in note and ("Closed on" in note or "締めた" in note)
                full_page_shot(driver, out / f"hq-overview-closed{suffix}.png")
            # Japanese pages on a narrow (1024 px) window: no table wider than its card, no
            # name wrapped one character a line
            driver.set_window_size(1024, 800)
            for path in ("/dashboard/plan", "/dashboard/suppliers", "/dashboard/?fy=2026",
                         "/dashboard/eligibility?fy=2025", "/dashboard/caps"):
                driver.get(f"{server.url}{path}{'&' if '?' in path else '?'}lang=ja")
                wide = driver.execute_script(
                    "return [...document.querySelectorAll('.card')].filter("
                    "c => c.scrollWidth > c.clientWidth + 1).length")
                assert wide == 0, path
                tall = driver.execute_script(   # lines of text in each name cell
                    "return [...document.querySelectorAll('td.name')].filter(td => {"
                    " const r = document.createRange(); r.selectNodeContents(td);"
                    " return new Set([...r.getClientRects()].map(x => Math.round(x.top))).size"
                    " > 1; }).map(td => td.textContent)")
                assert tall == [], (path, tall[:3])
    finally:
        server.stop()
    for name in SHOTS:
        png = (out / f"hq-{name}.png").read_bytes()
        assert png[:8] == b"\x89PNG\r\n\x1a\n" and len(png) > 5_000, name
