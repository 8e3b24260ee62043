"""Starting a visit is an explicit act with a confirmed date; nothing else starts one."""
import pytest

from sva.errors import BadInput, IllegalTransition, VisitNotStarted
from tests.conftest import PNG_1x1, log_count

# 2026-05-12 23:30 UTC is already 13 May at the Tokyo site.
LATE_EVENING_UTC = "2026-05-12T23:30:00.000000Z"


def _conformity_item(ws, audit_id):
    template = ws.audits.template_of(ws.audits.audit(audit_id))
    return next(i for i in template.items.values() if i.answer == "conformity")


@pytest.mark.parametrize("action", [
    lambda ws, a, i: ws.audits.record_answer(a, i, "conforms"),
    lambda ws, a, i: ws.audits.set_note(a, i, "asked the HR manager"),
    lambda ws, a, i: ws.audits.clear_answer(a, i),
    lambda ws, a, i: ws.findings.add(a, item_id=i, severity="minor", observed="seen"),
    lambda ws, a, i: ws.findings.add(a, area="ENV", severity="observation", observed="x"),
    lambda ws, a, i: ws.audits.complete(a),
], ids=["answer", "note", "clear", "finding", "finding-without-item", "complete"])
def test_nothing_is_recorded_on_a_planned_visit(ws, planned_audit, action):
    item = _conformity_item(ws, planned_audit).id
    before = (log_count(ws), ws.audits.audit(planned_audit))
    with pytest.raises(VisitNotStarted, match="not been started") as err:
        action(ws, planned_audit, item)
    assert isinstance(err.value, BadInput)                  # the CLI's exit 2
    assert (log_count(ws), ws.audits.audit(planned_audit)) == before
    assert ws.audits.answers(planned_audit) == {}
    assert ws.findings.of_audit(planned_audit) == []


def test_start_defaults_to_today_at_the_site(ws, planned_audit):
    ws.clock = lambda: LATE_EVENING_UTC
    assert ws.audits.site_today(ws.audits.audit(planned_audit)) == "2026-05-13"
    before = log_count(ws)
    ws.audits.start(planned_audit)
    row = ws.audits.audit(planned_audit)
    assert (row["status"], row["started_at"]) == ("in_progress", LATE_EVENING_UTC)
    assert ws.audits.visit_date(row) == "2026-05-13"
    assert log_count(ws) == before + 1
    assert ws.audits.history(planned_audit)[-1]["action"] == "start"


def test_an_earlier_confirmed_date_is_the_visit_date(ws, planned_audit):
    ws.clock = lambda: LATE_EVENING_UTC
    ws.audits.start(planned_audit, "2026-05-11")
    row = ws.audits.audit(planned_audit)
    assert ws.audits.visit_date(row) == "2026-05-11"
    assert row["started_at"] == "2026-05-11T03:00:00.000000Z"      # noon in Tokyo
    fid = ws.findings.add(planned_audit, area="HR", severity="minor", observed="seen")
    assert ws.findings.finding(fid)["due_date"] == "2026-08-09"    # 11 May + 90 days


@pytest.mark.parametrize("day, message", [
    ("2026-05-14", "in the future"), ("2027-01-01", "in the future"),
    ("13/05/2026", "not YYYY-MM-DD")])
def test_a_future_or_malformed_visit_date_is_refused(ws, planned_audit, day, message):
    ws.clock = lambda: LATE_EVENING_UTC
    before = (log_count(ws), ws.audits.audit(planned_audit))
    with pytest.raises(BadInput, match=message) as err:
        ws.audits.start(planned_audit, day)
    assert err.value.field == "visit_date"
    assert (log_count(ws), ws.audits.audit(planned_audit)) == before


def test_today_at_the_site_is_accepted_even_when_it_is_tomorrow_in_utc(ws, planned_audit):
    ws.clock = lambda: LATE_EVENING_UTC
    ws.audits.start(planned_audit, "2026-05-13")
    assert ws.audits.audit(planned_audit)["started_at"] == LATE_EVENING_UTC


def test_a_started_visit_is_not_started_again(ws, audit):
    with pytest.raises(IllegalTransition, match="'in_progress' to 'in_progress'"):
        ws.audits.start(audit)


def test_after_start_the_visit_runs_to_signed(ws, planned_audit):
    from tests.conftest import answer_all
    ws.audits.start(planned_audit)
    answer_all(ws, planned_audit)
    ws.audits.complete(planned_audit)
    ws.audits.sign(planned_audit, signer_name="A", role="Auditor", organisation="Buyer",
                   image_png=PNG_1x1)
    assert ws.audits.audit(planned_audit)["status"] == "signed"
