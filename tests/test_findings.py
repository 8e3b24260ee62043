"""Findings: defaults from the item and the policy, edits, CAP status moves."""
import itertools

import pytest

from sva.vocabulary import FINDING_STATUSES, FINDING_TRANSITIONS
from sva.due_dates import load_policy
from sva.errors import BadInput, IllegalTransition
from tests.conftest import log_count


@pytest.fixture
def item(ws, audit):
    template = ws.audits.template_of(ws.audits.audit(audit))
    return next(i for i in template.items.values() if i.area == "OHS")


def test_finding_takes_area_and_requirement_from_the_item(ws, audit, item):
    fid = ws.findings.add(audit, item_id=item.id, severity="minor", observed="extinguisher missing")
    row = ws.findings.finding(fid)
    assert (row["area"], row["requirement"], row["status"]) == ("OHS", item.question["en"], "open")


@pytest.mark.parametrize("severity", ["significant", "minor", "observation", "good_practice"])
def test_due_date_comes_from_the_severity_policy(ws, audit, item, severity):
    days = load_policy()["due_days"][severity]
    fid = ws.findings.add(audit, item_id=item.id, severity=severity, observed="exit blocked")
    due = ws.findings.finding(fid)["due_date"]
    if days is None:
        assert due is None
    else:
        from datetime import date, timedelta
        visit = ws.audits.visit_date(ws.audits.audit(audit))
        assert due == (date.fromisoformat(visit) + timedelta(days=days)).isoformat()


def test_changing_severity_recomputes_the_due_date(ws, audit, item):
    fid = ws.findings.add(audit, item_id=item.id, severity="minor", observed="exit blocked")
    minor_due = ws.findings.finding(fid)["due_date"]
    ws.findings.edit(fid, severity="significant")
    assert ws.findings.finding(fid)["due_date"] < minor_due


def test_visit_date_is_the_start_day_at_the_site(ws, planned_audit):
    audit = planned_audit
    # 2026-05-12 23:30 UTC is already 13 May in Tokyo.
    ws.clock = lambda: "2026-05-12T23:30:00.000000Z"
    ws.audits.start(audit)
    assert ws.audits.visit_date(ws.audits.audit(audit)) == "2026-05-13"
    fid = ws.findings.add(audit, severity="minor", area="HR", observed="exit blocked")
    assert ws.findings.finding(fid)["due_date"] == "2026-08-11"   # 13 May + 90 days


def test_a_finding_without_item_needs_an_area(ws, audit):
    with pytest.raises(BadInput, match="needs an area"):
        ws.findings.add(audit, severity="minor")
    fid = ws.findings.add(audit, severity="observation", area="ENV", observed="dust on roof")
    assert ws.findings.finding(fid)["area"] == "ENV"


@pytest.mark.parametrize("fields, field", [
    ({"severity": "catastrophic"}, "severity"), ({"area": "XYZ"}, "area"),
    ({"due_date": "31/12/2026"}, "due_date"), ({"owner": "me"}, "owner")])
def test_bad_finding_edits_change_nothing(ws, audit, item, fields, field):
    fid = ws.findings.add(audit, item_id=item.id, severity="minor", observed="exit blocked")
    before = (ws.findings.finding(fid), log_count(ws))
    with pytest.raises(BadInput) as err:
        ws.findings.edit(fid, **fields)
    assert err.value.field == field
    assert (ws.findings.finding(fid), log_count(ws)) == before


def test_delete_is_soft_and_logged(ws, audit, item):
    fid = ws.findings.add(audit, item_id=item.id, severity="minor", observed="exit blocked")
    ws.findings.delete(fid)
    assert ws.findings.of_audit(audit) == []
    assert ws.db.execute("SELECT deleted FROM findings WHERE id = ?", [fid]).fetchone()[0] == 1
    assert ws.audits.history(audit)[-1]["action"] == "delete"


def _walk(ws, fid, path):
    for status in path:
        ws.findings.move(fid, status, rejection_reason="no root cause",
                         verification_method="document", verified_at="2026-07-01")


# Each status reached by a legal path from 'open'.
PATHS = {"open": [], "cap_submitted": ["cap_submitted"],
         "cap_accepted": ["cap_submitted", "cap_accepted"],
         "cap_rejected": ["cap_submitted", "cap_rejected"],
         "verified_closed": ["cap_submitted", "cap_accepted", "verified_closed"]}


@pytest.mark.parametrize("old, new", [
    (o, n) for o, n in itertools.product(FINDING_STATUSES, FINDING_STATUSES)
    if n not in FINDING_TRANSITIONS[o]])
def test_every_illegal_cap_move_is_refused_naming_both_states(ws, audit, item, old, new):
    fid = ws.findings.add(audit, item_id=item.id, severity="minor", observed="exit blocked")
    _walk(ws, fid, PATHS[old])
    with pytest.raises(IllegalTransition) as err:
        ws.findings.move(fid, new, rejection_reason="x", verification_method="document")
    assert f"'{old}'" in str(err.value) and f"'{new}'" in str(err.value)
    assert ws.findings.finding(fid)["status"] == old


@pytest.mark.parametrize("target", list(PATHS))
def test_every_status_is_reachable(ws, audit, item, target):
    fid = ws.findings.add(audit, item_id=item.id, severity="minor", observed="exit blocked")
    _walk(ws, fid, PATHS[target])
    assert ws.findings.finding(fid)["status"] == target


def test_rejection_needs_a_reason_and_closing_a_method(ws, audit, item):
    fid = ws.findings.add(audit, item_id=item.id, severity="minor", observed="exit blocked")
    ws.findings.move(fid, "cap_submitted")
    with pytest.raises(BadInput, match="reason"):
        ws.findings.move(fid, "cap_rejected")
    ws.findings.move(fid, "cap_accepted")
    with pytest.raises(BadInput, match="verification method"):
        ws.findings.move(fid, "verified_closed", verification_method="phone call")
    ws.findings.move(fid, "verified_closed", verification_method="follow_up_visit",
                     verified_at="2026-08-01")
    row = ws.findings.finding(fid)
    assert (row["verification_method"], row["verified_at"]) == ("follow_up_visit", "2026-08-01")


def test_cap_answers_after_signing_need_no_amendment(ws, audit, item):
    from tests.test_audits import _signed
    fid = ws.findings.add(audit, item_id=item.id, severity="minor", observed="exit blocked")
    _signed(ws, audit)
    ws.findings.edit(fid, root_cause="training gap", corrective_action="retrain")
    ws.findings.move(fid, "cap_submitted")
    assert ws.findings.finding(fid)["status"] == "cap_submitted"
    from sva.errors import AuditLocked
    with pytest.raises(AuditLocked):
        ws.findings.edit(fid, severity="significant")
    ws.findings.edit(fid, severity="significant", reason="raised after HQ review")
    assert ws.audits.history(audit)[-1]["amendment"] == 1


@pytest.mark.parametrize("observed", ["", "   \n "])
def test_a_finding_needs_what_was_seen(ws, audit, item, observed):
    before = log_count(ws)
    with pytest.raises(BadInput) as err:
        ws.findings.add(audit, item_id=item.id, severity="minor", observed=observed)
    assert err.value.field == "observed"
    assert ws.findings.of_audit(audit) == [] and log_count(ws) == before
    fid = ws.findings.add(audit, item_id=item.id, severity="minor", observed="exit blocked")
    before = (ws.findings.finding(fid), log_count(ws))
    with pytest.raises(BadInput) as err:
        ws.findings.edit(fid, observed=observed, severity="significant")
    assert err.value.field == "observed"
    assert (ws.findings.finding(fid), log_count(ws)) == before


def _old_finding_without_observed(ws, audit, item) -> str:
    """A finding as an older SVA stored it: an empty "what was seen"."""
    fid = ws.findings.add(audit, item_id=item.id, severity="minor", observed="x")
    ws.db.execute("UPDATE findings SET observed = '' WHERE id = ?", [fid])
    ws.db.conn.commit()
    return fid


def test_an_old_finding_without_what_was_seen_still_loads_and_takes_cap_work(ws, audit, item):
    fid = _old_finding_without_observed(ws, audit, item)
    assert [f["observed"] for f in ws.findings.of_audit(audit)] == [""]
    ws.findings.edit(fid, severity="significant", required_action="clear the exit")
    ws.findings.edit(fid, root_cause="no training")
    ws.findings.move(fid, "cap_submitted")
    row = ws.findings.finding(fid)
    assert ((row["severity"], row["root_cause"], row["observed"])
            == ("significant", "no training", ""))


def test_undo_may_put_back_an_empty_what_was_seen(ws, audit, item):
    """Filling in an old finding and undoing it restores exactly what was stored."""
    fid = _old_finding_without_observed(ws, audit, item)
    ws.perform("Edit finding", ws.findings.edit, fid, observed="exit blocked by pallets")
    ws.undo.undo()
    assert ws.findings.finding(fid)["observed"] == ""
    assert ws.audits.history(audit)[-1]["action"] == "undo"
