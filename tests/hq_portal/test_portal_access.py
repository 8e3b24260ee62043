"""Supplier contacts and their own login: invitation link → password → a session that sees
only the contact's own company; the link is one-time and stored hashed; logout, disabling
and CSRF as on the staff dashboard. Every test runs on SQLite and PostgreSQL."""
from __future__ import annotations

import re

from sva.hq.portal import campaigns, contacts
from sva.hq.web.auth import set_password
from sva.hq import accounts
from tests.hq_portal.conftest import (PASSWORD, contact, csrf_of, portal_client, post,
                                      token_of)


def _link(storage, code="S001", email="aiko@kanto.example", **kw) -> str:
    return contacts.invite(storage, code, email, name="Aiko Sato", actor="test", **kw)[1]


def test_invitation_link_sets_a_password_once_and_signs_in(storage, app):
    link = _link(storage, lang="ja", primary=True)
    token = token_of(link)
    with storage.transaction(write=False) as tx:
        mail = tx.one("SELECT * FROM portal_outbox WHERE kind = 'invitation'")
        stored = tx.all("SELECT token_hash FROM portal_invites")
    assert token in mail["body"] and "招待" in mail["subject"]          # in the contact's language
    assert [r["token_hash"] for r in stored] == [accounts.secret_hash(token)]
    c = portal_client(app)
    form = c.get(f"/portal/welcome?t={token}")
    assert form.status_code == 200 and "aiko@kanto.example" in form.text
    r = c.post("/portal/welcome", data={"t": token, "password": PASSWORD,
                                        "password2": PASSWORD, "csrf": csrf_of(form.text)},
               follow_redirects=False)
    assert r.status_code == 303 and "sva_portal" in r.cookies
    home = c.get("/portal/")
    assert home.status_code == 200 and "関東部品" in home.text
    # the link is spent: a second use is refused and sets nothing
    again = portal_client(app)
    assert again.get(f"/portal/welcome?t={token}").status_code == 404
    r = again.post("/portal/welcome", data={"t": token, "password": "another-long-pass-99",
                                            "password2": "another-long-pass-99",
                                            "csrf": csrf_of(again.get("/portal/login").text)},
                   follow_redirects=False)
    assert r.status_code == 404 and "sva_portal" not in r.cookies
    assert portal_client(app, "aiko@kanto.example")            # the first password still holds


def test_a_weak_password_or_a_mismatch_is_refused_and_the_link_stays_usable(storage, app):
    token = token_of(_link(storage))
    c = portal_client(app)
    for pw, pw2 in (("short", "short"), (PASSWORD, PASSWORD + "x")):
        r = c.post("/portal/welcome", data={"t": token, "password": pw, "password2": pw2,
                                            "csrf": csrf_of(c.get("/portal/login").text)},
                   follow_redirects=False)
        assert r.status_code == 422
    r = post(c, "/portal/login", "/portal/welcome",
             {"t": token, "password": PASSWORD, "password2": PASSWORD})
    assert r.status_code == 303


def test_login_is_throttled_per_account(storage, app):
    contact(storage, "S001", "aiko@kanto.example")
    c = portal_client(app)
    codes = [post(c, "/portal/login", "/portal/login",
                  {"email": "aiko@kanto.example", "password": "wrong-password-123"}).status_code
             for _ in range(6)]
    assert codes[:4] == [401] * 4 and codes[4:] == [429, 429]
    locked = post(c, "/portal/login", "/portal/login",
                  {"email": "aiko@kanto.example", "password": PASSWORD})
    assert locked.status_code == 429 and "sva_portal" not in locked.cookies


def test_forms_without_the_csrf_field_change_nothing(storage, app):
    contact(storage, "S001", "aiko@kanto.example")
    c = portal_client(app)
    r = c.post("/portal/login", data={"email": "aiko@kanto.example", "password": PASSWORD},
               follow_redirects=False)
    assert r.status_code == 403 and "sva_portal" not in r.cookies
    c = portal_client(app, "aiko@kanto.example")
    r = c.post("/portal/contacts", data={"name": "X", "email": "x@kanto.example"},
               follow_redirects=False)
    assert r.status_code == 403
    with storage.transaction(write=False) as tx:
        assert tx.scalar("SELECT COUNT(*) FROM portal_contacts") == 1


def test_logout_ends_the_session_at_hq(storage, app):
    contact(storage, "S001", "aiko@kanto.example")
    c = portal_client(app, "aiko@kanto.example")
    cookie = c.cookies.get("sva_portal")
    assert post(c, "/portal/", "/portal/logout").status_code == 303
    copied = portal_client(app)
    copied.cookies.set("sva_portal", cookie)
    r = copied.get("/portal/", follow_redirects=False)
    assert r.status_code == 303 and r.headers["location"] == "/portal/login"


def test_disabling_a_contact_ends_its_sessions(storage, app):
    contact_id = contact(storage, "S001", "aiko@kanto.example")
    c = portal_client(app, "aiko@kanto.example")
    assert c.get("/portal/").status_code == 200
    contacts.set_disabled(storage, contact_id, True, actor="test")
    assert c.get("/portal/", follow_redirects=False).status_code == 303
    r = post(portal_client(app), "/portal/login", "/portal/login",
             {"email": "aiko@kanto.example", "password": PASSWORD})
    assert r.status_code == 401


def test_the_primary_contact_invites_a_colleague_of_its_own_supplier_only(storage, app):
    contact(storage, "S001", "aiko@kanto.example", primary=True)
    contact(storage, "S001", "ken@kanto.example", primary=False)
    c = portal_client(app, "aiko@kanto.example")
    r = post(c, "/portal/", "/portal/contacts",
             {"name": "Mai", "email": "mai@kanto.example", "lang": "ja"})
    assert r.status_code == 303
    with storage.transaction(write=False) as tx:
        row = tx.one("SELECT c.*, s.code FROM portal_contacts c JOIN suppliers s "
                     "ON s.id = c.supplier_id WHERE email = 'mai@kanto.example'")
    assert row["code"] == "S001" and not row["is_primary"] and row["lang"] == "ja"
    # a colleague who is not primary cannot invite
    k = portal_client(app, "ken@kanto.example")
    r = post(k, "/portal/", "/portal/contacts", {"name": "Z", "email": "z@kanto.example"})
    assert r.status_code == 404
    with storage.transaction(write=False) as tx:
        assert tx.scalar("SELECT COUNT(*) FROM portal_contacts WHERE email = "
                         "'z@kanto.example'") == 0


def test_a_supplier_session_opens_no_staff_page_and_a_staff_session_no_portal_page(
        storage, app):
    contact(storage, "S001", "aiko@kanto.example")
    campaigns.launch(storage, fy=2026, questionnaire="infosec", due="2026-09-30",
                     t=campaigns.Targets(), actor="t")
    c = portal_client(app, "aiko@kanto.example")
    with storage.transaction(write=False) as tx:
        other = tx.scalar("SELECT id FROM portal_requests WHERE supplier_id <> "
                          "(SELECT supplier_id FROM portal_contacts) LIMIT 1")
    for path in ("/dashboard/", "/dashboard/suppliers", "/dashboard/suppliers/S002",
                 "/dashboard/caps", "/dashboard/plan", "/dashboard/figures.csv",
                 "/dashboard/portal/campaigns", "/dashboard/portal/contacts?supplier=S002",
                 f"/dashboard/portal/requests/{other}"):
        r = c.get(path, follow_redirects=False)
        assert r.status_code == 303 and "/dashboard/login" in r.headers["location"], path
        assert "Penang" not in r.text
    accounts.add_user(storage, "mgr", "manager")
    set_password(storage, "mgr", PASSWORD)
    staff = portal_client(app)
    r = post(staff, "/dashboard/login", "/dashboard/login",
             {"name": "mgr", "password": PASSWORD, "next": "/dashboard/"})
    assert r.status_code == 303
    assert staff.get("/portal/", follow_redirects=False).status_code == 303
    assert staff.get("/dashboard/portal/campaigns").status_code == 200


def test_invite_from_the_command_line_prints_the_link(storage, tmp_path, hq_db):
    from tests.hq_programme.conftest import hq_cli
    out = hq_cli("portal", "invite", "S002", "Li@Penang.example", "--name", "Li Wei",
                 "--lang", "en", "--primary", "--data-dir", tmp_path / "hq", *hq_db.args)
    assert out.returncode == 0, out.stderr
    token = re.search(r"/portal/welcome\?t=([\w-]+)", out.stdout).group(1)
    with storage.transaction(write=False) as tx:
        assert contacts.invite_status(tx, token)["email"] == "li@penang.example"
    bad = hq_cli("portal", "invite", "S999", "x@y.example", "--name", "X",
                 "--data-dir", tmp_path / "hq", *hq_db.args)
    assert bad.returncode == 2 and "S999" in bad.stderr


def test_every_portal_form_needs_its_csrf_field(storage, app):
    from tests.hq_portal.conftest import launch_infosec, staff_client
    contact(storage, "S001", "aiko@kanto.example")
    rid = launch_infosec(storage)["S001"]
    token = token_of(_link(storage, email="new@kanto.example"))
    supplier = portal_client(app, "aiko@kanto.example")
    staff = staff_client(app, storage)
    with storage.transaction(write=False) as tx:
        before = tx.scalar("SELECT COUNT(*) FROM event_log")
    for c, path, data in (
            (supplier, "/portal/contacts", {"name": "X", "email": "x@kanto.example"}),
            (supplier, f"/portal/requests/{rid}/save", {"a:IS-LAB-01": "yes"}),
            (supplier, f"/portal/requests/{rid}/submit", {}),
            (supplier, f"/portal/upload/{rid}/IS-LAB-02", {}),
            (supplier, "/portal/caps/some-finding", {"root_cause": "x"}),
            (supplier, "/portal/caps/some-finding/upload", {}),
            (supplier, "/portal/logout", {}),
            (portal_client(app), "/portal/welcome",
             {"t": token, "password": PASSWORD, "password2": PASSWORD}),
            (staff, "/dashboard/portal/contacts", {"supplier": "S001", "name": "Y",
                                                   "email": "y@kanto.example"}),
            (staff, "/dashboard/portal/campaigns", {"fy": "2026", "due": "2026-10-01",
                                                    "questionnaire": "infosec"}),
            (staff, f"/dashboard/portal/requests/{rid}/return", {"comment": "x"}),
            (staff, "/dashboard/portal/caps/some-finding", {"decision": "accept"}),
            (staff, "/dashboard/portal/contacts/some-contact/disabled", {"disabled": "1"})):
        r = c.post(path, data=data, follow_redirects=False)
        assert r.status_code == 403, path
    with storage.transaction(write=False) as tx:
        assert tx.scalar("SELECT COUNT(*) FROM event_log") == before
    assert supplier.get("/portal/", follow_redirects=False).status_code == 200   # not logged out
