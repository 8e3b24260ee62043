"""CAP online in a real headless Chromium: a signed audit pushed by a real device, the
supplier answers its finding in Japanese with an evidence file, HQ returns the plan from the
dashboard, the supplier sees why. SQLite only (the HTTP test covers PostgreSQL). With
SVA_SCREENSHOTS=1 the screenshots go to docs/screenshots/portal-caps*.png."""
from __future__ import annotations

import os

import pytest

from sva.hq import accounts
from sva.hq.web.auth import set_password
from sva.sync.engine import sync
from tests.hq.test_roundtrip import assigned_audit, do_audit
from tests.hq_portal.conftest import PASSWORD, contact
from tests.hq_portal.test_portal_browser import _click
from tests.hq_programme.browser import browser, chromium_available, full_page_shot, login
from tests.hq_programme.conftest import ROOT

pytestmark = pytest.mark.skipif(not chromium_available() and not os.environ.get("CI"),
                                reason="needs Debian chromium + chromium-driver (make apt)")


@pytest.mark.parametrize("hq_db", ["sqlite"], indirect=True)
def test_supplier_answers_a_cap_in_japanese_and_hq_returns_it(hq, device, tmp_path):
    from selenium.webdriver.common.by import By
    out = ROOT / "docs" / "screenshots" if os.environ.get("SVA_SCREENSHOTS") else tmp_path
    audit_id = assigned_audit(hq, device)
    do_audit(device, audit_id, photos=0)
    sync(device)
    (finding,) = device.findings.of_audit(audit_id)
    contact(hq.storage, "S001", "aiko@kanto.example", lang="ja")
    accounts.add_user(hq.storage, "mgr", "manager")
    set_password(hq.storage, "mgr", PASSWORD)
    proof = tmp_path / "rack.pdf"
    proof.write_bytes(b"%PDF-1.4\n1 0 obj<<>>endobj\ntrailer<<>>\n%%EOF\n")
    with browser() as driver:
        driver.get(hq.url + "/portal/login?lang=ja")
        driver.find_element(By.NAME, "email").send_keys("aiko@kanto.example")
        driver.find_element(By.NAME, "password").send_keys(PASSWORD)
        _click(driver, "button.primary")
        _click(driver, "#caps")
        assert "fire exit blocked by pallets" in driver.page_source
        card = f"#f-{finding['id']}"
        driver.find_element(By.CSS_SELECTOR, f"{card} input[type=file]").send_keys(str(proof))
        _click(driver, f"{card} form.upload button")
        assert "rack.pdf" in driver.page_source
        for name, text in (("root_cause", "通路が資材置き場になっていた"),
                           ("corrective_action", "パレットを新しいラックへ移動"),
                           ("preventive_action", "毎週の巡回点検"),
                           ("responsible", "工場長 山田")):
            driver.find_element(By.CSS_SELECTOR, f"{card} [name={name}]").send_keys(text)
        driver.execute_script(f"document.querySelector('{card} [name=planned_date]').value"
                              " = '2026-06-01'")
        full_page_shot(driver, out / "portal-caps-ja.png")
        _click(driver, f"{card} form:not(.upload) button.primary")
        assert driver.find_element(By.CSS_SELECTOR, f"{card} .cap-status").text == "本社確認中"
        driver.get(hq.url + "/portal/caps?lang=en")
        full_page_shot(driver, out / "portal-caps.png")
        login(driver, hq.url, "mgr", PASSWORD)
        driver.get(hq.url + "/dashboard/portal/caps?lang=en")
        assert "パレットを新しいラックへ移動" in driver.page_source
        full_page_shot(driver, out / "portal-hq-caps.png")
        driver.find_element(By.NAME, "reason").send_keys("Please send a photo of the rack")
        _click(driver, f"{card} form:not(.inline) button")
        driver.get(hq.url + "/portal/caps?lang=ja")
        assert "Please send a photo of the rack" in driver.find_element(
            By.CSS_SELECTOR, f"{card} .returned").text
    sync(device)
    assert device.findings.finding(finding["id"])["status"] == "cap_rejected"
