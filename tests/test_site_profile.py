"""The site profile of an audit (issue 21) in the core: one operation (one transaction, one
audit-log row, one undo step), a field not recorded stays absent, bad input names its field
and changes nothing; an older store opens and gains the new columns."""
from __future__ import annotations

import json
import sqlite3

import pytest

from sva.errors import AuditLocked, BadInput
from sva.store import migrations, open_db
from tests.conftest import PNG_1x1, answer_all, log_count

PROFILE = {"workers_total": 240, "workers_women": 96, "workers_foreign": 31,
           "workers_agency": 18, "workers_young": 0, "duration_hours": 7.5,
           "interviews_individual": 12, "interviews_group": 3,
           "scope_limits": {"en": "Dormitory not visited", "ja": "寮は訪問していない"}}


def test_the_profile_is_one_logged_undoable_operation(ws, audit):
    before = log_count(ws)
    done = ws.perform("Site profile", ws.profiles.set_profile, audit, PROFILE,
                      scope="Whole site", scope_ja="事業所全体")
    assert done.changes.concerns(audit) and done.changes.audit
    assert log_count(ws) == before + 1
    [entry] = [e for e in ws.audits.history(audit) if e["action"] == "edit_profile"]
    assert set(json.loads(entry["changes"])) == {"profile", "scope", "scope_ja"}
    assert ws.profiles.profile(audit) == PROFILE
    row = ws.audits.audit(audit)
    assert (row["scope"], row["scope_ja"]) == ("Whole site", "事業所全体")
    ws.undo.undo()
    assert ws.profiles.profile(audit) == {} and ws.audits.audit(audit)["scope_ja"] == ""
    ws.undo.redo()
    assert ws.profiles.profile(audit) == PROFILE


def test_a_field_not_recorded_stays_absent_and_zero_is_kept(ws, audit):
    ws.profiles.set_profile(audit, {"workers_total": 50, "workers_young": 0,
                                    "interviews_group": None, "scope_limits": {"en": " "}})
    assert ws.profiles.profile(audit) == {"workers_total": 50, "workers_young": 0}
    ws.profiles.set_profile(audit, {})
    assert ws.profiles.profile(audit) == {} and ws.audits.audit(audit)["profile"] == ""


@pytest.mark.parametrize("bad, field", [
    ({"workers_total": -1}, "workers_total"),
    ({"workers_total": "many"}, "workers_total"),
    ({"workers_total": 10, "workers_women": 11}, "workers_women"),
    ({"duration_hours": 0}, "duration_hours"),
    ({"interviews_group": 1.5}, "interviews_group"),
    ({"scope_limits": "none"}, "scope_limits"),
    ({"headcount": 3}, "headcount"),
])
def test_bad_input_names_its_field_and_changes_nothing(ws, audit, bad, field):
    ws.profiles.set_profile(audit, {"workers_total": 5})
    before = log_count(ws)
    with pytest.raises(BadInput) as caught:
        ws.profiles.set_profile(audit, bad)
    assert caught.value.field == field
    assert log_count(ws) == before and ws.profiles.profile(audit) == {"workers_total": 5}


def test_a_signed_audit_changes_its_profile_only_as_an_amendment(ws, audit):
    answer_all(ws, audit)
    ws.audits.complete(audit)
    ws.audits.sign(audit, signer_name="Haruka Sato", role="Auditor", organisation="Buyer",
                   image_png=PNG_1x1)
    with pytest.raises(AuditLocked):
        ws.profiles.set_profile(audit, {"workers_total": 10})
    ws.profiles.set_profile(audit, {"workers_total": 10}, reason="Headcount from HR later")
    entry = ws.audits.history(audit)[-1]
    assert entry["amendment"] == 1 and entry["action"] == "amend:edit_profile"


def test_an_older_store_opens_and_gains_the_report_language_columns(tmp_path):
    step = next(n for n, s in enumerate(migrations.STEPS)
                if s.__name__ == "schema_report_language.sql")
    folder = tmp_path / "old"
    db = open_db(folder, migrate=False)
    migrations.migrate(db, folder / "sva.db", migrations.STEPS[:step])
    db.execute("PRAGMA foreign_keys=OFF")
    db.execute("INSERT INTO sites (id, supplier_id, name, country, timezone, created_at, "
               "updated_at, updated_by) VALUES ('s1', 'su1', 'Kawasaki plant', 'JP', "
               "'Asia/Tokyo', 't', 't', 'dev')")
    db.execute("INSERT INTO audits (id, supplier_id, site_id, template_ref, kind, "
               "planned_date, scope, status, created_at, updated_at, updated_by) VALUES "
               "('a1', 'su1', 's1', 'svr@3', 'svr', '2026-01-10', 'Whole site', 'planned', "
               "'t', 't', 'dev')")
    db.close()
    upgraded = open_db(folder)
    assert upgraded.execute("PRAGMA user_version").fetchone()[0] == migrations.SCHEMA_VERSION
    assert upgraded.execute("SELECT name, name_ja FROM sites").fetchone() == (
        "Kawasaki plant", "")
    assert upgraded.execute("SELECT scope, scope_ja, profile FROM audits").fetchone() == (
        "Whole site", "", "")
    upgraded.close()
    [backup] = (folder / "backups").glob(f"sva-v{step}-*.db")
    assert sqlite3.connect(backup).execute("PRAGMA user_version").fetchone()[0] == step
