"""Levels shown to suppliers only when HQ says so: the portal setting `levels_to_suppliers`
is off by default (a supplier's submitted page shows no level); a manager turns it on in the
dashboard (who and when kept, one audit row; an auditor cannot), then the supplier's own
submitted page shows its level and the explanation in the page's language, never another
supplier's. SQLite and PostgreSQL."""
from __future__ import annotations

import json

from sva.hq.portal import answers
from tests.hq_portal.conftest import (ALL_YES, contact, launch_infosec, portal_client, post,
                                      staff_client)
from tests.hq_programme.conftest import hq_cli


def _submit(storage, email, rid, given):
    with storage.transaction(write=False) as tx:
        who = tx.one("SELECT * FROM portal_contacts WHERE email = ?", (email,))
    answers.save(storage, who, rid, given)
    return answers.submit(storage, who, rid)


def _two_submitted(storage):
    contact(storage, "S001", "aiko@kanto.example", lang="ja")
    contact(storage, "S002", "li@penang.example")
    ids = launch_infosec(storage, ("S001", "S002"))
    mine = _submit(storage, "aiko@kanto.example", ids["S001"], ALL_YES)
    theirs = _submit(storage, "li@penang.example", ids["S002"], {**ALL_YES, "IS-ACC-01": "no"})
    assert mine["level"] != theirs["level"]
    with storage.transaction(write=False) as tx:
        why = {r["id"]: json.loads(r["explanation"]) for r in tx.all(
            "SELECT id, explanation FROM portal_requests")}
    return ids, mine["level"], theirs["level"], why


def _setting(staff, value):
    return post(staff, "/dashboard/portal/campaigns", "/dashboard/portal/settings",
                {"name": "levels_to_suppliers", "value": value})


def test_by_default_a_supplier_sees_no_level(storage, app):
    ids, level, _, why = _two_submitted(storage)
    page = portal_client(app, "aiko@kanto.example").get(f"/portal/requests/{ids['S001']}")
    assert page.status_code == 200 and 'id="read-only"' in page.text
    assert 'id="level"' not in page.text and 'id="your-level"' not in page.text
    assert not any(line in page.text for line in why[ids["S001"]]["ja"])


def test_turned_on_a_supplier_sees_its_own_level_and_why_in_its_language(storage, app):
    ids, level, their_level, why = _two_submitted(storage)
    staff = staff_client(app, storage)
    auditor = staff_client(app, storage, "aud", "auditor")
    assert _setting(auditor, "on").status_code == 403
    assert _setting(staff, "on").status_code == 303
    with storage.transaction(write=False) as tx:
        row = tx.one("SELECT * FROM portal_settings WHERE name = 'levels_to_suppliers'")
        logged = tx.all("SELECT actor, detail FROM event_log WHERE action = 'portal_setting'")
    assert row["value"] == "true" and row["updated_by"] == "mgr" and row["updated_at"]
    assert [r["actor"] for r in logged] == ["mgr"]
    assert "changed by mgr" in staff.get("/dashboard/portal/campaigns?lang=en").text
    aiko = portal_client(app, "aiko@kanto.example")
    ja = aiko.get(f"/portal/requests/{ids['S001']}?lang=ja").text
    assert f'<b id="level">{level}</b>' in ja and "この調査票によるレベル" in ja
    assert all(line in ja for line in why[ids["S001"]]["ja"])
    en = aiko.get(f"/portal/requests/{ids['S001']}?lang=en").text
    assert all(line in en for line in why[ids["S001"]]["en"])
    # never another supplier's: not on the own page, and their page is "not found"
    theirs_only = set(why[ids["S002"]]["en"]) - set(why[ids["S001"]]["en"])
    assert theirs_only and not any(line in en for line in theirs_only)
    assert f'<b id="level">{their_level}</b>' not in en
    other = aiko.get(f"/portal/requests/{ids['S002']}")
    assert other.status_code == 404 and 'id="level"' not in other.text
    # off again: gone
    assert _setting(staff, "off").status_code == 303
    assert 'id="level"' not in aiko.get(f"/portal/requests/{ids['S001']}").text


def test_a_level_is_not_shown_while_the_questionnaire_is_back_with_the_supplier(storage, app):
    ids, level, _, _ = _two_submitted(storage)
    _setting(staff_client(app, storage), "on")
    answers.return_to_supplier(storage, ids["S001"], "please attach the rule", actor="mgr")
    page = portal_client(app, "aiko@kanto.example").get(f"/portal/requests/{ids['S001']}")
    assert 'id="level"' not in page.text


def test_an_unknown_setting_is_refused(storage, app):
    staff = staff_client(app, storage)
    r = post(staff, "/dashboard/portal/campaigns", "/dashboard/portal/settings",
             {"name": "show_everything", "value": "on"})
    assert r.status_code == 422 and "unknown portal setting" in r.text
    with storage.transaction(write=False) as tx:
        assert tx.scalar("SELECT COUNT(*) FROM portal_settings") == 0


def test_the_command_line_shows_and_changes_the_setting(storage, tmp_path, hq_db):
    args = ("portal", "setting", "--data-dir", tmp_path / "hq", *hq_db.args)
    assert "levels_to_suppliers: off (default)" in hq_cli(*args).stdout
    out = hq_cli(*args[:2], "levels_to_suppliers", "on", *args[2:], "--by", "h.tanaka")
    assert out.returncode == 0, out.stderr
    assert "levels_to_suppliers: on (changed by h.tanaka" in out.stdout
