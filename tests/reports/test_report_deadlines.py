"""Deadlines a supplier can act on: "Return the CAP by" counts from the day the report is
issued over the findings still open, by the policy's response period per severity, and is
never already past; closed findings are listed as closed; a plan later than the due date
needs a reason."""
from __future__ import annotations

from datetime import date, timedelta

import pytest
from openpyxl import load_workbook

from cap_sheets import fill, rows
from report_checks import findings_digest, pdf_text, squash
from sva.due_dates import load_policy
from sva.errors import BadInput
from sva.reports import export_cap, import_cap
from sva.reports.cap_import import CapWorkbookInvalid
from sva.reports.cap_workbook import COLUMN_OF, MAIN_SHEET
from sva.reports.guidance import build_guidance
from sva.reports.i18n import Texts


def _after(day: str, days: int) -> str:
    return (date.fromisoformat(day) + timedelta(days=days)).isoformat()


def _return_by(pdf: bytes, lang: str = "en") -> str:
    text = squash(pdf_text(pdf))
    marker = squash(Texts(lang)("cap.return_by"))
    assert marker in text, "no 'Return the CAP by' line"
    return text.split(marker, 1)[1][:20]


def _close(ws, finding_id):
    ws.findings.edit(finding_id, root_cause="r", corrective_action="c", responsible="R",
                     planned_date=date.today().isoformat())
    for status in ("cap_submitted", "cap_accepted"):
        ws.findings.move(finding_id, status)
    ws.findings.move(finding_id, "verified_closed", verification_method="document")


@pytest.fixture
def two(ws, audit):
    minor = ws.findings.add(audit, area="ISEC", severity="minor", requirement="Labels",
                            observed="Drawings without labels")
    significant = ws.findings.add(audit, area="OHS", severity="significant",
                                  requirement="Exits", observed="Exit locked")
    return audit, minor, significant


def test_return_by_is_issue_date_plus_the_shortest_open_response_period(ws, two):
    audit, minor, significant = two
    days = load_policy()["cap_response_days"]
    issued = ws.audits.visit_date(ws.audits.audit(audit))
    pdf = build_guidance(ws, audit, lang="en", issued=issued)
    assert _return_by(pdf).startswith(squash(Texts("en").date(
        _after(issued, min(days["significant"], days["minor"])))))
    _close(ws, significant)                          # only the minor one is still open
    pdf = build_guidance(ws, audit, lang="en", issued=issued)
    assert _return_by(pdf).startswith(squash(Texts("en").date(_after(issued, days["minor"]))))


def test_return_by_is_never_in_the_past_on_the_day_of_issue(ws, two):
    audit = two[0]
    issued = _after(ws.audits.visit_date(ws.audits.audit(audit)), 400)   # every due date past
    pdf = build_guidance(ws, audit, lang="ja", issued=issued)
    shown = _return_by(pdf, "ja")
    day = shown.split("日")[0] + "日"
    y, rest = day.split("年")
    m, d = rest.rstrip("日").split("月")
    assert date(int(y), int(m), int(d)) > date.fromisoformat(issued)


def test_closed_findings_are_listed_as_closed_not_as_actions(ws, two):
    audit, minor, significant = two
    _close(ws, significant)
    text = squash(pdf_text(build_guidance(ws, audit, lang="en")))
    cap_part = text.split(squash("Corrective action plan (CAP)"))[-1]
    actions, closed = cap_part.split(squash("Findings already closed"))
    assert "F-01" not in actions and "F-01" in closed            # the significant one
    assert "F-02" in actions and "F-02" not in closed
    _close(ws, minor)
    text = squash(pdf_text(build_guidance(ws, audit, lang="en")))
    assert squash("Return the CAP by") not in text


def test_a_plan_after_the_due_date_needs_a_reason(ws, two):
    audit, minor, _ = two
    due = ws.findings.finding(minor)["due_date"]
    with pytest.raises(BadInput) as err:
        ws.findings.edit(minor, planned_date=_after(due, 10))
    assert err.value.field == "planned_date" and "reason" in str(err.value)
    assert ws.findings.finding(minor)["planned_date"] is None
    ws.findings.edit(minor, planned_date=_after(due, 10),
                     supplier_comment="New press arrives after the due date")
    assert ws.findings.finding(minor)["planned_date"] == _after(due, 10)


def test_the_cap_workbook_refuses_a_late_plan_without_a_reason(ws, two, tmp_path):
    audit, minor, _ = two
    path = tmp_path / "cap.xlsx"
    export_cap(ws, audit, path, lang="en")
    book = load_workbook(path)
    row = rows(ws, audit)["F-02"]
    late = date.fromisoformat(ws.findings.finding(minor)["due_date"]) + timedelta(days=30)
    fill(book[MAIN_SHEET], row, planned=late)
    book.save(path)
    before = findings_digest(ws, audit)
    with pytest.raises(CapWorkbookInvalid) as err:
        import_cap(ws, path)
    message = str(err.value)
    assert f"row {row}" in message.lower() or f":{row}" in message, message
    assert "after the due date" in message
    assert findings_digest(ws, audit) == before
    book[MAIN_SHEET].cell(row, COLUMN_OF["supplier_comment"], "Supplier of the part is late")
    book.save(path)
    assert import_cap(ws, path).submitted == ["F-02"]


def test_hqs_values_are_taken_as_they_are_when_a_conflict_is_resolved(ws, two):
    from sva.sync.conflicts import apply_theirs
    audit, minor, _ = two
    finding = ws.findings.finding(minor)
    late = _after(finding["due_date"], 20)
    apply_theirs(ws, finding, {**finding, "planned_date": late}, ["planned_date"])
    assert ws.findings.finding(minor)["planned_date"] == late
