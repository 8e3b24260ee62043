"""An evidence upload on the questionnaire page carries the page's answers: typing answers and
then uploading a file (without pressing "Save" first) keeps both; a refused file changes
nothing and shows the page again with what was typed. In process on SQLite and PostgreSQL,
and in a real headless Chromium against a real `sva-hq serve`."""
from __future__ import annotations

import io
import os

import pytest
from PIL import Image

from sva.hq.portal import answers
from tests.hq.conftest import HQ
from tests.hq_portal.conftest import (PASSWORD, contact, csrf_of, launch_infosec,
                                      portal_client)
from tests.hq_programme.browser import browser, chromium_available


def png() -> bytes:
    out = io.BytesIO()
    Image.new("RGB", (40, 30), "navy").save(out, "PNG")
    return out.getvalue()


def _saved(storage, rid):
    with storage.transaction(write=False) as tx:
        return answers.answers_of(tx, rid), answers.evidence_of(tx, rid)


def test_the_page_form_saves_typed_answers_and_the_chosen_file_together(storage, app):
    contact(storage, "S001", "aiko@kanto.example")
    rid = launch_infosec(storage)["S001"]
    c = portal_client(app, "aiko@kanto.example")
    token = csrf_of(c.get(f"/portal/requests/{rid}").text)
    r = c.post(f"/portal/requests/{rid}/save", follow_redirects=False,
               data={"csrf": token, "a:IS-LAB-01": "partial", "a:IS-STF-02": "12",
                     "then": "upload"},
               files={"f:IS-LAB-02": ("rule.png", png(), "image/png"),
                      "f:IS-NOTE-FILE": ("", b"", "application/octet-stream")})
    assert r.status_code == 303 and r.headers["location"].endswith("?notice=uploaded")
    given, files = _saved(storage, rid)
    assert given == {"IS-LAB-01": "partial", "IS-STF-02": "12"}
    assert [(f["question_id"], f["filename"]) for f in files] == [("IS-LAB-02", "rule.png")]
    page = c.get(f"/portal/requests/{rid}").text
    assert 'value="partial" checked' in page and "rule.png" in page


def test_the_upload_route_keeps_the_answers_sent_with_it(storage, app):
    contact(storage, "S001", "aiko@kanto.example")
    rid = launch_infosec(storage)["S001"]
    c = portal_client(app, "aiko@kanto.example")
    token = csrf_of(c.get(f"/portal/requests/{rid}").text)
    r = c.post(f"/portal/upload/{rid}/IS-LAB-02", follow_redirects=False,
               data={"csrf": token, "a:IS-DSP-01": "yes"},
               files={"file": ("rule.png", png(), "image/png")})
    assert r.status_code == 303
    given, files = _saved(storage, rid)
    assert given == {"IS-DSP-01": "yes"} and len(files) == 1


def test_a_refused_file_changes_nothing_and_shows_what_was_typed(storage, app):
    contact(storage, "S001", "aiko@kanto.example")
    rid = launch_infosec(storage)["S001"]
    c = portal_client(app, "aiko@kanto.example")
    token = csrf_of(c.get(f"/portal/requests/{rid}").text)
    r = c.post(f"/portal/requests/{rid}/save", follow_redirects=False,
               data={"csrf": token, "a:IS-LAB-01": "no", "a:IS-STF-02": "7"},
               files={"f:IS-LAB-02": ("rule.png", b"<html>not a picture", "image/png")})
    assert r.status_code == 422
    assert "IS-LAB-02" in r.text and "PDF, PNG, JPEG and XLSX" in r.text
    assert 'value="no" checked' in r.text and 'value="7"' in r.text    # still on the page
    assert _saved(storage, rid) == ({}, [])                              # nothing stored
    with storage.transaction(write=False) as tx:
        assert tx.scalar("SELECT status FROM portal_requests WHERE id = ?", (rid,)) == "opened"


@pytest.mark.skipif(not chromium_available() and not os.environ.get("CI"),
                    reason="needs Debian chromium + chromium-driver (make apt)")
def test_in_a_browser_typed_answers_survive_an_upload_without_saving_first(tmp_path):
    from selenium.webdriver.common.by import By
    from selenium.webdriver.support.ui import WebDriverWait
    server = HQ(tmp_path / "hq")
    server.master_data(tmp_path)
    contact(server.storage, "S001", "aiko@kanto.example", lang="ja")
    rid = launch_infosec(server.storage)["S001"]
    evidence = tmp_path / "labelling-rule.png"
    evidence.write_bytes(png())
    server.start()
    try:
        with browser() as driver:
            driver.get(server.url + "/portal/login")
            driver.find_element(By.NAME, "email").send_keys("aiko@kanto.example")
            driver.find_element(By.NAME, "password").send_keys(PASSWORD)
            driver.find_element(By.CSS_SELECTOR, "button.primary").click()
            WebDriverWait(driver, 20).until(lambda d: d.current_url.endswith("/portal/"))
            url = f"{server.url}/portal/requests/{rid}"
            driver.get(url)
            driver.find_element(By.CSS_SELECTOR,
                                'input[name="a:IS-LAB-01"][value="partial"]').click()
            driver.find_element(By.NAME, "a:IS-STF-02").send_keys("12")
            driver.find_element(By.ID, "file-IS-LAB-02").send_keys(str(evidence))
            driver.find_element(By.ID, "upload-IS-LAB-02").click()        # no "Save" first
            WebDriverWait(driver, 20).until(lambda d: "notice=uploaded" in d.current_url)
            driver.get(url)                                                # reload
            assert driver.find_element(
                By.CSS_SELECTOR, 'input[name="a:IS-LAB-01"][value="partial"]').is_selected()
            assert driver.find_element(By.NAME, "a:IS-STF-02").get_attribute("value") == "12"
            assert "labelling-rule.png" in driver.page_source
    finally:
        server.stop()
        server.storage.close()


def test_a_save_takes_one_read_and_one_write_transaction(storage, app):
    """The session's look-up and the save itself: the CSRF key is not read again for every
    form, and the request is not looked up before the write when no file comes."""
    contact(storage, "S001", "aiko@kanto.example")
    rid = launch_infosec(storage)["S001"]
    c = portal_client(app, "aiko@kanto.example")
    token = csrf_of(c.get(f"/portal/requests/{rid}").text)
    seen, original = [], storage.transaction

    def counted(*, write: bool = True):
        seen.append("write" if write else "read")
        return original(write=write)
    storage.transaction = counted
    try:
        r = c.post(f"/portal/requests/{rid}/save", follow_redirects=False,
                   data={"csrf": token, "a:IS-LAB-01": "yes"})
    finally:
        del storage.transaction
    assert r.status_code == 303
    assert seen == ["read", "write"]
