"""Filling in a CAP workbook as a supplier would, for the CAP workbook tests."""
from __future__ import annotations

from datetime import date, timedelta

from sva.reports.cap_workbook import COLUMN_OF, FIRST_ROW
from sva.reports.report_data import load_report_data

PLANNED = date.today() + timedelta(days=60)


def rows(ws, audit_id) -> dict[str, int]:
    """Finding number (F-01, …) -> its row on the CAP sheet."""
    return {f["no"]: FIRST_ROW + n for n, f in enumerate(load_report_data(ws, audit_id).findings)}


def fill(sheet, row, *, status="CAP submitted", planned=PLANNED):
    sheet.cell(row, COLUMN_OF["root_cause"], "No labelling rule")
    sheet.cell(row, COLUMN_OF["corrective_action"], "Label all drawings")
    sheet.cell(row, COLUMN_OF["preventive_action"], "Monthly check")
    sheet.cell(row, COLUMN_OF["responsible"], "山田 太郎")
    sheet.cell(row, COLUMN_OF["planned_date"], planned)
    sheet.cell(row, COLUMN_OF["status"], status)
