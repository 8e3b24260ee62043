"""The audits list's order: what the auditor has to do first comes first (README, "Audits")."""
from __future__ import annotations

from datetime import date

from tests.conftest import PNG_1x1, answer_all

TODAY = date(2026, 6, 15)


def _visit(ws, supplier, planned_date: str, status: str = "planned") -> str:
    audit = ws.audits.create(supplier_id=supplier["id"], site_id=supplier["site"],
                             template_ref=ws.templates.latest("svr"), planned_date=planned_date,
                             auditors=["Haruka Sato"])
    if status == "planned":
        return audit
    ws.audits.start(audit)
    if status in ("completed", "signed"):
        answer_all(ws, audit)
        ws.audits.complete(audit)
    if status == "signed":
        ws.audits.sign(audit, signer_name="A", role="Auditor", organisation="Buyer",
                       image_png=PNG_1x1)
    return audit


def test_overdue_first_then_under_way_then_planned_nearest_first_then_done(ws, supplier):
    made = {
        "far": _visit(ws, supplier, "2026-09-01"),
        "overdue_old": _visit(ws, supplier, "2026-05-01"),
        "signed_old": _visit(ws, supplier, "2026-03-01", "signed"),
        "next_week": _visit(ws, supplier, "2026-06-22"),
        "today": _visit(ws, supplier, "2026-06-15"),
        "in_progress": _visit(ws, supplier, "2026-06-12", "in_progress"),
        "overdue_new": _visit(ws, supplier, "2026-06-14"),
        "signed_new": _visit(ws, supplier, "2026-06-01", "signed"),
        "completed": _visit(ws, supplier, "2026-06-10", "completed"),
    }
    names = {audit_id: name for name, audit_id in made.items()}

    rows = ws.queries.audits(today=TODAY)

    assert [names[r["id"]] for r in rows] == [
        "overdue_old", "overdue_new",          # the visit date has passed: oldest first
        "completed", "in_progress",            # started, not signed yet: oldest first
        "today", "next_week", "far",           # upcoming: nearest first
        "signed_new", "signed_old"]            # done: newest first
    assert {names[r["id"]] for r in rows if r["overdue"]} == {"overdue_old", "overdue_new"}


def test_a_visit_planned_for_today_is_not_overdue(ws, supplier):
    _visit(ws, supplier, TODAY.isoformat())
    assert [r["overdue"] for r in ws.queries.audits(today=TODAY)] == [False]
