"""CAP online in a real headless Chromium: a signed audit pushed by a real device (its
finding's photo with a redaction box), the supplier sees the checklist item's Japanese
requirement and the photo with the redacted region black in the pixels, answers its finding
in Japanese with an evidence file, HQ returns the plan from the
dashboard, the supplier sees why. SQLite only (the HTTP test covers PostgreSQL). With
SVA_SCREENSHOTS=1 the screenshots go to docs/screenshots/portal-caps*.png."""
from __future__ import annotations

import os

import pytest

from sva.hq import accounts
from sva.hq.web.auth import set_password
from sva.sync.engine import sync
from tests.conftest import PNG_1x1, answer_all
from tests.hq.test_roundtrip import assigned_audit
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
    item = _audit_with_redacted_photo(device, audit_id)
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
        assert item.question["ja"] in driver.page_source            # the item's Japanese
        card = f"#f-{finding['id']}"
        # the photo: loaded, and black where the auditor redacted it (read back from pixels)
        from selenium.webdriver.support.ui import WebDriverWait
        WebDriverWait(driver, 20).until(lambda d: d.execute_script(
            "const i = document.querySelector(arguments[0]); return i.complete && "
            "i.naturalWidth > 0", f"{card} img.cap-photo"))
        inside, outside = driver.execute_script(
            "const i = document.querySelector(arguments[0]); const c = "
            "document.createElement('canvas'); c.width = i.naturalWidth; c.height = "
            "i.naturalHeight; const g = c.getContext('2d'); g.drawImage(i, 0, 0); const px = "
            "(x, y) => Array.from(g.getImageData(x * c.width, y * c.height, 1, 1).data)"
            ".slice(0, 3); return [px(0.25, 0.25), px(0.75, 0.75)];", f"{card} img.cap-photo")
        assert max(inside) < 30 and max(outside) > 30
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


REDACT = [{"kind": "redact", "box": [0.0, 0.0, 0.5, 0.5], "style": "solid"}]


def _audit_with_redacted_photo(ws, audit_id: str):
    """Answer, one minor finding with a photo whose top-left quarter the auditor redacted,
    complete and sign; returns the finding's checklist item."""
    answer_all(ws, audit_id)
    item = next(i for i in ws.audits.template_of(ws.audits.audit(audit_id)).items.values()
                if i.answer == "conformity" and not i.photo_required_on)
    ws.audits.record_answer(audit_id, item.id, "nonconformity", "exit blocked")
    finding = ws.findings.add(audit_id, severity="minor", item_id=item.id,
                              observed="fire exit blocked by pallets",
                              required_action="clear the exit")
    photo = ws.photos.add_bytes(audit_id, _scene(), filename="exit.jpg", finding_id=finding,
                                caption="非常口")
    ws.photos.set_annotations(photo, REDACT)
    ws.audits.complete(audit_id)
    ws.audits.sign(audit_id, signer_name="Taro Yamada", role="Plant manager",
                   organisation="Kanto Parts", image_png=PNG_1x1)
    return item


def _scene() -> bytes:
    """A plain picture: a corridor wall, a green exit sign top left (the part the auditor
    redacts) and pallets in front of the door."""
    import io

    from PIL import Image, ImageDraw
    img = Image.new("RGB", (640, 480), (214, 220, 226))
    draw = ImageDraw.Draw(img)
    draw.rectangle((40, 40, 260, 150), fill=(20, 140, 60))          # the exit sign
    draw.rectangle((380, 120, 560, 470), fill=(120, 120, 130))      # the door
    for y in (330, 380, 430):                                        # pallets
        draw.rectangle((300, y, 620, y + 35), fill=(176, 128, 72))
    out = io.BytesIO()
    img.save(out, "JPEG", quality=90)
    return out.getvalue()
