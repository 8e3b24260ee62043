"""The programmes' panels on the dashboard overview in a real headless Chromium against a
real `sva-hq serve` on loopback over the demo, in English and Japanese. With
SVA_SCREENSHOTS=1 the screenshots go to docs/screenshots/hq-programmes*.png (the README
shows them)."""
from __future__ import annotations

import os

import pytest

from tests.hq.conftest import HQ
from tests.hq_programme.browser import browser, chromium_available, login
from tests.hq_programme.conftest import ROOT

pytestmark = pytest.mark.skipif(not chromium_available() and not os.environ.get("CI"),
                                reason="needs Debian chromium + chromium-driver (make apt)")


def _shot(driver, path) -> None:
    """The programmes' part of the overview only (a tall window so none of it is cut)."""
    from selenium.webdriver.common.by import By
    driver.set_window_size(1366, 3000)
    path.parent.mkdir(parents=True, exist_ok=True)
    driver.find_element(By.ID, "programmes-panels").screenshot(str(path))
    driver.set_window_size(1366, 900)


def test_programme_panels_in_chromium(demo_copy, tmp_path):
    from selenium.webdriver.common.by import By
    out = ROOT / "docs" / "screenshots" if os.environ.get("SVA_SCREENSHOTS") else tmp_path
    server = HQ(demo_copy)
    server.start()
    try:
        with browser() as driver:
            login(driver, server.url, "mgr.sato", "mgr.sato-demo-pw")
            driver.get(server.url + "/dashboard/?fy=2019&lang=en")
            section = driver.find_element(By.ID, "programmes")
            assert section.text == "Other programmes"
            cards = driver.find_elements(By.CSS_SELECTOR, "section.grid.programmes .card")
            assert [c.find_element(By.TAG_NAME, "h2").text for c in cards] == [
                "Supplier declarations", "Dissemination of the policies", "Climate",
                "Conflict minerals (CMRT)", "Chemical substances"]
            assert "444 people (444 management) from 188 suppliers" in cards[1].text
            driver.get(server.url + "/dashboard/?fy=2020&lang=en")
            tiles = [t.text.split("\n") for t in
                     driver.find_elements(By.CSS_SELECTOR, ".tiles.programmes .tile")]
            assert ["297", "new suppliers declared"] == tiles[0][:2]
            assert ["22 / 25", "CDP responses"] == tiles[2][:2]
            assert ["100.0%", "green procurement"] == tiles[3][:2]
            charts = driver.find_elements(By.CSS_SELECTOR, "section.grid.programmes svg.chart")
            assert len(charts) == 2 and all(c.size["width"] > 200 for c in charts)
            _shot(driver, out / "hq-programmes.png")
            driver.get(server.url + "/dashboard/?fy=2020&lang=ja")
            section = driver.find_element(By.ID, "programmes")
            assert section.text == "その他のプログラム"
            text = driver.find_element(By.CSS_SELECTOR, "section.grid.programmes").text
            assert "宣誓した新規取引先" in text and "グリーン調達率" in text
            assert "Declarations received" not in text
            _shot(driver, out / "hq-programmes-ja.png")
            driver.get(server.url + "/dashboard/suppliers/S0001?lang=en")
            card = driver.find_element(By.ID, "supplier-programmes")
            assert card.find_element(By.TAG_NAME, "h2").text == "Programmes"
            assert "Declarations" in card.text and "Climate" in card.text
            driver.set_window_size(1366, 3000)
            card.screenshot(str(out / "hq-programmes-supplier.png"))
            driver.set_window_size(1366, 900)
    finally:
        server.stop()
    for name in ("programmes", "programmes-ja", "programmes-supplier"):
        png = (out / f"hq-{name}.png").read_bytes()
        assert png[:8] == b"\x89PNG\r\n\x1a\n" and len(png) > 5_000, name
