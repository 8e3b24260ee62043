"""The supplier portal in a real headless Chromium against a real `sva-hq serve --smtp` on
loopback, mail read from a real SMTP server (aiosmtpd): a manager invites a contact and
launches the infosec campaign in the dashboard; the contact follows the link from the mail,
sets a password, answers the questionnaire in Japanese across two sessions with one evidence
upload, submits; HQ returns it; the contact resubmits; the level is computed. With
SVA_SCREENSHOTS=1 the screenshots go to docs/screenshots/portal-*.png (the README shows
them); otherwise to the test's temporary folder."""
from __future__ import annotations

import io
import os
import re
import time

import pytest
from PIL import Image

from sva.hq import accounts
from sva.hq.web.auth import set_password
from tests.hq.conftest import HQ
from tests.hq_portal.test_mail import Inbox
from tests.hq_programme.browser import browser, chromium_available, full_page_shot, login
from tests.hq_programme.conftest import ROOT

pytestmark = pytest.mark.skipif(not chromium_available() and not os.environ.get("CI"),
                                reason="needs Debian chromium + chromium-driver (make apt)")
PASSWORD = "sakura-lantern-orbit-7"
STAFF_PASSWORD = "correct-horse-battery"


def _wait(driver, condition, seconds=20):
    from selenium.webdriver.support.ui import WebDriverWait
    WebDriverWait(driver, seconds).until(condition)


def _click(driver, css):
    from selenium.webdriver.common.by import By
    old = driver.find_element(By.TAG_NAME, "html")
    driver.find_element(By.CSS_SELECTOR, css).click()
    _wait(driver, lambda d: old != d.find_element(By.TAG_NAME, "html")
          and d.execute_script("return document.readyState") == "complete")


def _answer(driver, qid, value):
    from selenium.webdriver.common.by import By
    driver.find_element(By.CSS_SELECTOR, f'input[name="a:{qid}"][value="{value}"]').click()


def _type(driver, qid, text):
    from selenium.webdriver.common.by import By
    box = driver.find_element(By.NAME, f"a:{qid}")
    box.clear()
    box.send_keys(text)


def test_invited_supplier_answers_in_japanese_hq_returns_and_level_is_computed(tmp_path):
    from aiosmtpd.controller import Controller
    from selenium.webdriver.common.by import By
    from tests.hq.conftest import free_port
    out = ROOT / "docs" / "screenshots" if os.environ.get("SVA_SCREENSHOTS") else tmp_path
    inbox, smtp_port = Inbox(), free_port()
    controller = Controller(inbox, hostname="127.0.0.1", port=smtp_port)
    controller.start()
    server = HQ(tmp_path / "hq")
    server.master_data(tmp_path)
    accounts.add_user(server.storage, "mgr", "manager")
    set_password(server.storage, "mgr", STAFF_PASSWORD)
    server.extra_args = ["--smtp", f"smtp://127.0.0.1:{smtp_port}?from=portal@hq.example",
                         "--mail-interval", "0.3"]
    evidence = tmp_path / "labelling-rule.png"
    img = io.BytesIO()
    Image.new("RGB", (120, 80), "navy").save(img, "PNG")
    evidence.write_bytes(img.getvalue())
    server.start()
    base = server.url
    try:
        with browser() as driver:
            # HQ: invite the contact and launch the campaign in the dashboard
            login(driver, base, "mgr", STAFF_PASSWORD)
            driver.get(base + "/dashboard/portal/contacts?supplier=S001&lang=en")
            driver.find_element(By.NAME, "name").send_keys("佐藤 愛子")
            driver.find_element(By.NAME, "email").send_keys("aiko@kanto.example")
            driver.find_element(By.CSS_SELECTOR, "select[name=lang] option[value=ja]").click()
            driver.find_element(By.NAME, "primary").click()
            _click(driver, "form[action$='/portal/contacts'] button.primary")
            assert "aiko@kanto.example" in driver.page_source
            full_page_shot(driver, out / "portal-hq-contacts.png")
            driver.get(base + "/dashboard/portal/campaigns")
            driver.find_element(By.NAME, "fy").send_keys("2026")
            driver.find_element(By.CSS_SELECTOR, "option[value=infosec]").click()
            driver.execute_script("document.querySelector('input[name=due]').value = "
                                  "'2026-09-30'")
            driver.find_element(By.NAME, "codes").send_keys("S001, S002")
            driver.find_element(By.NAME, "reminders").send_keys("-14,-3,+1,+7")
            _click(driver, "form[action$='/portal/campaigns'] button.primary")
            campaign_url = driver.current_url
            assert driver.find_element(By.ID, "n-total").text == "2"
            assert "-14, -3, +1, +7" in driver.find_element(By.ID, "reminders").text
            # the invitation arrives by mail; its link opens the welcome page
            deadline = time.monotonic() + 20
            while not inbox.to("aiko@kanto.example") and time.monotonic() < deadline:
                time.sleep(0.1)
            mail = inbox.to("aiko@kanto.example")[0]
            link = re.search(r"http\S+/portal/welcome\?t=\S+", mail.get_content()).group(0)
            driver.get(link + "&lang=en")                   # the page in English too
            assert "パスワードの設定" not in driver.page_source
            full_page_shot(driver, out / "portal-welcome.png")
            driver.get(link + "&lang=ja")
            assert "パスワードの設定" in driver.page_source                # the contact's language
            full_page_shot(driver, out / "portal-welcome-ja.png")
            driver.find_element(By.NAME, "password").send_keys(PASSWORD)
            driver.find_element(By.NAME, "password2").send_keys(PASSWORD)
            _click(driver, "button.primary")
            assert driver.current_url.endswith("/portal/")
            full_page_shot(driver, out / "portal-home-ja.png")
            # session 1: part of the answers and the evidence file, in Japanese
            _click(driver, "a.request")
            request_url = driver.current_url.split("?")[0]
            assert "機密情報の取扱い" in driver.page_source
            _answer(driver, "IS-LAB-01", "partial")
            _answer(driver, "IS-DSP-01", "yes")
            _type(driver, "IS-STF-02", "12")
            _click(driver, "#save")
            assert "回答を保存しました" in driver.page_source
            driver.find_element(By.ID, "file-IS-LAB-02").send_keys(str(evidence))
            _click(driver, "#upload-IS-LAB-02")
            assert "labelling-rule.png" in driver.page_source
            full_page_shot(driver, out / "portal-request-ja.png")
            driver.get(request_url + "?lang=en")
            full_page_shot(driver, out / "portal-request.png")
            driver.get(request_url + "?lang=ja")
            _click(driver, "#logout")
            # session 2: log in again, the answers are there, finish and submit
            driver.get(base + "/portal/login")
            full_page_shot(driver, out / "portal-login-ja.png")
            driver.find_element(By.NAME, "email").send_keys("aiko@kanto.example")
            driver.find_element(By.NAME, "password").send_keys(PASSWORD)
            _click(driver, "button.primary")
            driver.get(request_url)
            assert driver.find_element(
                By.CSS_SELECTOR, 'input[name="a:IS-LAB-01"][value="partial"]').is_selected()
            _click(driver, "#to-review")
            assert driver.find_elements(By.CSS_SELECTOR, "#missing li")   # still missing some
            full_page_shot(driver, out / "portal-review-ja.png")
            driver.get(request_url + "/review?lang=en")
            full_page_shot(driver, out / "portal-review.png")
            driver.get(request_url + "?lang=ja")
            for qid, value in (("IS-ACC-01", "no"), ("IS-STF-01", "yes"), ("IS-OUT-01", "na"),
                               ("IS-INC-01", "yes")):
                _answer(driver, qid, value)
            _click(driver, "#to-review")
            assert not driver.find_elements(By.CSS_SELECTOR, "#missing li")
            _click(driver, "#submit")
            assert driver.find_element(By.ID, "read-only")
            assert driver.find_element(By.ID, "status").text == "提出済み"
            full_page_shot(driver, out / "portal-submitted-ja.png")
            # HQ sees the level with its explanation and returns it
            driver.get(campaign_url + "?lang=en")
            assert driver.find_element(By.ID, "n-submitted").text == "1"
            full_page_shot(driver, out / "portal-hq-campaign.png")
            _click(driver, "a.request")
            assert driver.find_element(By.ID, "level").text == "C"       # access: "no"
            assert "ISEC-03" in driver.find_element(By.ID, "explanation").text
            full_page_shot(driver, out / "portal-hq-request.png")
            driver.find_element(By.NAME, "comment").send_keys("アクセス管理を確認してください")
            _click(driver, "#return")
            hq_request_url = driver.current_url.split("?")[0]
            # the supplier edits and resubmits
            driver.get(request_url + "?lang=ja")
            assert "アクセス管理を確認してください" in driver.find_element(By.ID, "returned").text
            _answer(driver, "IS-ACC-01", "yes")
            _click(driver, "#to-review")
            _click(driver, "#submit")
            assert driver.find_element(By.ID, "status").text == "提出済み"
            driver.get(hq_request_url + "?lang=ja")
            assert driver.find_element(By.ID, "level").text == "B"       # partial labelling
            assert len(driver.find_elements(By.CSS_SELECTOR, "tr.version")) == 2
            full_page_shot(driver, out / "portal-hq-request-ja.png")
            # HQ lets suppliers see their level: the supplier's submitted page shows it
            driver.get(request_url + "?lang=ja")
            assert not driver.find_elements(By.ID, "level")
            driver.get(base + "/dashboard/portal/campaigns?lang=en")
            _click(driver, "#toggle-levels")
            assert driver.find_element(By.ID, "levels-to-suppliers").text == "on"
            full_page_shot(driver, out / "portal-hq-campaigns.png")
            driver.get(request_url + "?lang=ja")
            assert driver.find_element(By.ID, "level").text == "B"
            assert driver.find_elements(By.CSS_SELECTOR, "#explanation li")
            full_page_shot(driver, out / "portal-submitted-level-ja.png")
            driver.get(request_url + "?lang=en")
            assert driver.find_element(By.ID, "read-only")
            assert driver.find_element(By.ID, "level").text == "B"
            full_page_shot(driver, out / "portal-submitted.png")
            driver.get(base + "/portal/?lang=en")
            full_page_shot(driver, out / "portal-home.png")
            _click(driver, "#logout")
            driver.get(base + "/portal/login?lang=en")
            full_page_shot(driver, out / "portal-login.png")
    finally:
        server.stop()
        server.storage.close()
        controller.stop()
    with server.storage.transaction(write=False) as tx:
        rows = tx.all("SELECT version, level FROM portal_versions ORDER BY version")
    assert [(r["version"], r["level"]) for r in rows] == [(1, "C"), (2, "B")]
    kinds = [m["Subject"] for m in inbox.to("aiko@kanto.example")]
    assert any(s.startswith("受領") for s in kinds) and any(s.startswith("差し戻し")
                                                           for s in kinds)
