"""A real headless Chromium (Debian `chromium` + `chromium-driver`, selenium) against a real
`sva-hq serve` on loopback: log in, load the overview and a supplier page, take screenshots.
With SVA_SCREENSHOTS=1 the screenshots go to docs/screenshots/hq-*.png (the README shows
them); otherwise to the test's temporary folder."""
from __future__ import annotations

import os
import re

import pytest

from tests.hq.conftest import HQ

from .browser import browser, chromium_available, full_page_shot, login
from .conftest import ROOT

# Skipped on a developer machine without Chromium; under CI (which installs it via make) a
# missing browser must fail, not skip.
pytestmark = pytest.mark.skipif(not chromium_available() and not os.environ.get("CI"),
                                reason="needs Debian chromium + chromium-driver (make apt)")


def test_overview_and_supplier_page_in_chromium(demo_copy, tmp_path):
    from selenium.webdriver.common.by import By
    out = ROOT / "docs" / "screenshots" if os.environ.get("SVA_SCREENSHOTS") else tmp_path
    server = HQ(demo_copy)
    server.start()
    try:
        with browser() as driver:
            driver.get(server.url + "/dashboard/")
            assert driver.find_element(By.NAME, "password")          # anonymous: login page
            full_page_shot(driver, out / "hq-login.png")
            login(driver, server.url, "mgr.sato", "mgr.sato-demo-pw")
            driver.get(server.url + "/dashboard/?fy=2024&lang=en")
            assert driver.title.startswith("Overview FY2024")
            # the programmes' panels (issue 19) have tiles and charts of their own
            charts = driver.find_elements(By.CSS_SELECTOR, "section.grid:not(.programmes) "
                                                           "svg.chart")
            assert len(charts) == 4 and all(c.size["width"] > 200 for c in charts)
            tiles = [t.text for t in driver.find_elements(By.CSS_SELECTOR,
                                                          ".tiles:not(.programmes) .tile .n")]
            assert len(tiles) == 6 and all(re.match(r"[\d,.%–]+", t) for t in tiles)
            full_page_shot(driver, out / "hq-overview.png")
            driver.get(server.url + "/dashboard/?fy=2024&lang=ja")
            assert "地域別調達比率" in driver.page_source
            full_page_shot(driver, out / "hq-overview-ja.png")
            driver.get(server.url + "/dashboard/suppliers/S0003?lang=en")
            assert driver.title.startswith("S0003")
            circles = driver.find_elements(By.CSS_SELECTOR, "svg.chart circle")
            assert len(circles) >= 3                                   # a level per FY
            full_page_shot(driver, out / "hq-supplier.png")
            for name, path in (("caps", "/dashboard/caps"), ("plan", "/dashboard/plan")):
                driver.get(server.url + path)
                full_page_shot(driver, out / f"hq-{name}.png")
            driver.get(server.url + "/dashboard/caps")
            driver.find_element(By.CSS_SELECTOR, "table.findings a[href*='/audits/']").click()
            assert driver.find_elements(By.CSS_SELECTOR, ".finding")
            full_page_shot(driver, out / "hq-audit.png")
    finally:
        server.stop()
    for name in ("login", "overview", "overview-ja", "supplier", "caps", "plan", "audit"):
        png = (out / f"hq-{name}.png").read_bytes()
        assert png[:8] == b"\x89PNG\r\n\x1a\n" and len(png) > 5_000, name
