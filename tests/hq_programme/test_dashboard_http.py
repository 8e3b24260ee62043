"""Every dashboard page for every role: managers and admins see all, an auditor only their
own, anonymous visitors get the login page. In-process ASGI client over the demo data."""
from __future__ import annotations

import re
import warnings

import pytest

from sva.hq.app import create_app
from sva.hq.demo import demo_password
from sva.hq.storage import open_storage
from sva.hq.web.auth import COOKIE, set_password

with warnings.catch_warnings():
    warnings.simplefilter("ignore")
    from fastapi.testclient import TestClient

PAGES = ["/dashboard/", "/dashboard/?fy=2023", "/dashboard/suppliers", "/dashboard/caps",
         "/dashboard/plan"]


@pytest.fixture(scope="module")
def app(demo_master):
    return create_app(open_storage(demo_master))


def csrf_token(c: TestClient, path: str = "/dashboard/login") -> str:
    """The CSRF field of the forms on a page (the browser's cookie comes with it)."""
    return re.search(r'name="csrf" value="([0-9a-f]+)"', c.get(path).text).group(1)


def client(app, user: str | None = None) -> TestClient:
    c = TestClient(app)
    if user:
        r = c.post("/dashboard/login", data={"name": user, "password": demo_password(user),
                                             "next": "/dashboard/", "csrf": csrf_token(c)},
                   follow_redirects=False)
        assert r.status_code == 303 and COOKIE in r.cookies, r.text
    return c


def ids(html: str, kind: str) -> set[str]:
    return set(re.findall(rf'/dashboard/{kind}/([\w-]+)"', html))


@pytest.mark.parametrize("path", [*PAGES, "/dashboard/suppliers/S0001",
                                  "/dashboard/figures.pdf?fy=2024"])
def test_anonymous_gets_the_login_page(app, path):
    r = client(app).get(path)
    assert r.status_code == 200 and 'name="password"' in r.text
    assert str(r.url).split("?")[0].endswith("/dashboard/login")


@pytest.mark.parametrize("user", ["admin", "mgr.sato"])
def test_manager_and_admin_see_everything(app, demo_storage, user):
    c = client(app, user)
    for path in PAGES:
        r = c.get(path)
        assert r.status_code == 200, path
        assert user in r.text
    overview = c.get("/dashboard/?fy=2024").text
    assert "<svg" in overview and "Procurement share by region" in overview
    with demo_storage.transaction(write=False) as tx:
        n_suppliers = tx.scalar("SELECT COUNT(*) FROM suppliers WHERE deleted = 0")
        open_caps = tx.scalar("SELECT COUNT(*) FROM findings WHERE severity IN "
                              "('significant', 'minor') AND status <> 'verified_closed'")
        audit_id = tx.scalar("SELECT a.id FROM audits a JOIN findings f ON f.audit_id = a.id "
                             "JOIN audit_blobs b ON b.audit_id = a.id LIMIT 1")
    # the list shows at most 200 (queries.suppliers_list; the demo has more since issue 19)
    assert len(ids(c.get("/dashboard/suppliers").text, "suppliers")) == min(n_suppliers, 200)
    caps = c.get("/dashboard/caps").text
    assert caps.count('<span class="sev ') == open_caps
    plan = c.get("/dashboard/plan").text
    assert plan.count("<details>") == 12 and "aud.tanaka" in plan
    page = c.get(f"/dashboard/audits/{audit_id}")
    assert page.status_code == 200 and '<img class="thumb"' in page.text
    sha = re.search(r"/photos/([0-9a-f]{64})", page.text).group(1)
    photo = c.get(f"/dashboard/audits/{audit_id}/photos/{sha}")
    assert photo.status_code == 200 and photo.content[:2] == b"\xff\xd8"
    assert c.get(f"/dashboard/audits/{audit_id}/findings.csv").text.startswith("\ufeffid,")
    assert c.get(f"/dashboard/audits/{audit_id}/document.json").json()["id"] == audit_id
    pdf = c.get("/dashboard/figures.pdf?fy=2024&lang=ja")
    assert pdf.status_code == 200 and pdf.content.startswith(b"%PDF")
    supplier = c.get("/dashboard/suppliers/S0003").text
    assert "FY2022" in supplier and "<svg" in supplier and "level" in supplier


def test_caps_are_overdue_first(app):
    html = client(app, "mgr.sato").get("/dashboard/caps").text
    rows = re.findall(r"<tr( class=\"late\")?><td>", html)
    late = [bool(flag) for flag in rows]
    assert any(late) and late == sorted(late, reverse=True)
    days = [int(n) for n in re.findall(r"<b class=\"overdue\">(\d+) days overdue", html)]
    assert days == sorted(days, reverse=True)


def test_auditor_sees_only_their_own(app, demo_storage):
    c = client(app, "aud.li")
    with demo_storage.transaction(write=False) as tx:
        me = tx.scalar("SELECT id FROM users WHERE name = 'aud.li'")
        mine = {r["id"] for r in tx.all("SELECT id FROM audits WHERE owner_id = ?", (me,))}
        other = tx.scalar("SELECT id FROM audits WHERE owner_id <> ? LIMIT 1", (me,))
        my_suppliers = {r["supplier_code"] for r in tx.all(
            "SELECT supplier_code FROM audits WHERE owner_id = ?", (me,))}
        stranger = tx.scalar("SELECT code FROM suppliers WHERE code NOT IN (SELECT "
                             "supplier_code FROM audits WHERE owner_id = ?) AND id NOT IN "
                             "(SELECT supplier_id FROM assignments WHERE auditor_id = ?) "
                             "LIMIT 1", (me, me))
    overview = c.get("/dashboard/?fy=2024")
    assert overview.status_code == 200 and "My audits" in overview.text
    assert "Procurement share by region" not in overview.text       # no programme figures
    shown = ids(c.get("/dashboard/caps").text, "audits")
    assert shown and shown <= mine
    assert ids(c.get("/dashboard/suppliers").text, "suppliers") == my_suppliers
    assert c.get(f"/dashboard/audits/{other}").status_code == 404
    assert c.get(f"/dashboard/audits/{other}/document.json").status_code == 404
    assert c.get(f"/dashboard/suppliers/{stranger}").status_code == 404
    assert c.get(f"/dashboard/audits/{sorted(mine)[0]}").status_code == 200
    assert c.get("/dashboard/plan").status_code == 403
    assert c.get("/dashboard/figures.xlsx?fy=2024").status_code == 403


def test_japanese_pages(app):
    c = client(app, "mgr.kato")
    for path in PAGES:
        r = c.get(path + ("&" if "?" in path else "?") + "lang=ja")
        assert r.status_code == 200 and 'lang="ja"' in r.text
    assert "地域別調達比率" in c.get("/dashboard/?fy=2024").text     # remembered in a cookie
    assert "是正処置の追跡" in c.get("/dashboard/caps").text


def test_login_failures_and_session_end(app, demo_master):
    c = TestClient(app)
    r = c.post("/dashboard/login", data={"name": "mgr.sato", "password": "wrong-password",
                                         "csrf": csrf_token(c)})
    assert r.status_code == 401 and "Wrong user name or password" in r.text
    r = c.post("/dashboard/login", data={"name": "nobody", "password": "whatever-pw",
                                         "csrf": csrf_token(c)})
    assert r.status_code == 401
    r = c.post("/dashboard/login", data={"name": "mgr.sato", "password": "mgr.sato-demo-pw",
                                         "next": "https://evil.example/",
                                         "csrf": csrf_token(c)}, follow_redirects=False)
    assert r.headers["location"] == "/dashboard/"                  # no open redirect
    good = r.cookies[COOKIE]
    forged = TestClient(app, cookies={COOKIE: good[:-3] + "AAA"})
    assert 'name="password"' in forged.get("/dashboard/caps").text
    c2 = TestClient(app, cookies={COOKIE: good})
    assert "CAP tracker" in c2.get("/dashboard/caps").text
    r = c2.post("/dashboard/logout", data={"csrf": csrf_token(c2, "/dashboard/caps")},
                follow_redirects=False)
    assert r.status_code == 303


def test_password_change_ends_sessions(demo_copy):
    app = create_app(open_storage(demo_copy))
    c = client(app, "mgr.kato")
    assert c.get("/dashboard/caps").status_code == 200 and "mgr.kato" in c.get("/dashboard/").text
    set_password(open_storage(demo_copy), "mgr.kato", "a-new-password")
    assert 'name="password"' in c.get("/dashboard/caps").text
