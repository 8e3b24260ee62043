"""A CAP workbook import is one operation: every finding it updated goes back with one undo,
on the signed audit, without an amendment reason (CAP work is not signed content)."""
from __future__ import annotations

from datetime import date, timedelta

from openpyxl import load_workbook

from sva.reports import export_cap, import_cap
from sva.reports.cap_workbook import COLUMN_OF, FIRST_ROW, MAIN_SHEET
from tests.conftest import PNG_1x1, answer_all

PLANNED = (date.today() + timedelta(days=60)).isoformat()


def test_undo_takes_back_a_whole_cap_import(ws, audit, tmp_path):
    answer_all(ws, audit)
    for area, observed in (("ISEC", "Drawings without labels"), ("HR", "Overtime not recorded")):
        ws.findings.add(audit, area=area, severity="minor", requirement="rule", observed=observed)
    ws.audits.complete(audit)
    ws.audits.sign(audit, signer_name="Haruka Sato", role="Auditor", organisation="Buyer",
                   image_png=PNG_1x1)
    before = {f["id"]: f for f in ws.findings.of_audit(audit)}
    path = tmp_path / "cap.xlsx"
    export_cap(ws, audit, path, lang="en")
    book = load_workbook(path)
    sheet = book[MAIN_SHEET]
    for row in (FIRST_ROW, FIRST_ROW + 1):
        for key, value in (("root_cause", "No rule"), ("corrective_action", "Add the rule"),
                           ("preventive_action", "Check monthly"), ("responsible", "Mori"),
                           ("planned_date", PLANNED), ("status", "CAP submitted")):
            sheet.cell(row, COLUMN_OF[key], value)
    book.save(path)

    with ws.operation("Import CAP workbook") as op:
        result = import_cap(ws, path)
    assert len(result.submitted) == 2 and op.changes.findings
    assert set(op.changes.finding_ids) == set(before)
    assert len(ws.undo) == 1

    ws.undo.undo()
    after = {f["id"]: f for f in ws.findings.of_audit(audit)}
    for finding_id, old in before.items():
        assert {k: after[finding_id][k] for k in ("status", "root_cause", "responsible")} == \
            {k: old[k] for k in ("status", "root_cause", "responsible")}
    assert not any(r["amendment"] for r in ws.audits.history(audit)[-2:])
    ws.undo.redo()
    assert {f["status"] for f in ws.findings.of_audit(audit)} == {"cap_submitted"}
