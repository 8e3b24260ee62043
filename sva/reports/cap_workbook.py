"""The CAP workbook the supplier fills in: one row per finding (openpyxl).

The auditor's columns are locked (sheet protection) and grey; the supplier's columns are
white, with a status drop-down and date validation. A very hidden sheet `_sva` carries the
audit id, the export time (the device's clock), a copy of every locked value and a SHA-256
over all of it, so `cap_import` can tell a changed locked cell, a workbook of another
audit, an edited control sheet, or a workbook older than a CAP change it would undo.
"""
from __future__ import annotations

import hashlib
import io
import json
from dataclasses import dataclass
from datetime import date

from openpyxl import Workbook
from openpyxl.styles import Alignment, Border, Font, PatternFill, Protection, Side
from openpyxl.utils import get_column_letter
from openpyxl.worksheet.datavalidation import DataValidation

from sva.reports.cap_instructions import INSTRUCTIONS_SHEET, add_instructions
from sva.reports.cell_safety import xlsx_cell
from sva.reports.i18n import Texts
from sva.reports.page import write_atomically
from sva.reports.report_data import ReportData, finding_text, load_report_data
from sva.vocabulary import (CAP_FIELDS, CAP_POSITIONS, CAP_SETTLED_STATUSES, CAP_SEVERITIES,
                            SUPPLIER_CAP_MOVES)

FORMAT = "sva-cap/2"           # /2: the export time is under the checksum
OLD_FORMAT = "sva-cap/1"       # /1: it was written beside it (see cap_import.exported_at)
MAIN_SHEET, CONTROL_SHEET = "CAP", "_sva"
HEADER_ROW = 5
FIRST_ROW = HEADER_ROW + 1
COPY_ROW = 10          # first row of the locked-value copy on the control sheet


@dataclass(frozen=True)
class Column:
    key: str
    width: float
    supplier: bool = False
    # Shown and locked but not the auditor's finding (not under the checksum): e.g. how we
    # verify completion, which follows the severity.
    info: bool = False
    is_date: bool = False


COLUMNS = (
    Column("id", 12), Column("no", 6), Column("area", 18), Column("severity", 12),
    Column("requirement", 42), Column("observed", 36), Column("required_action", 42),
    Column("due_date", 12, is_date=True),
    Column("status", 18, supplier=True),
    Column("root_cause", 32, supplier=True), Column("corrective_action", 36, supplier=True),
    Column("preventive_action", 32, supplier=True), Column("responsible", 18, supplier=True),
    Column("planned_date", 14, supplier=True, is_date=True),
    Column("supplier_comment", 30, supplier=True),
    # Added in issue 21 at the end, so workbooks exported before still import.
    Column("position", 14, supplier=True), Column("position_comment", 30, supplier=True),
    Column("containment", 32, supplier=True), Column("completion_evidence", 32, supplier=True),
    Column("verification", 22, info=True),
)
LOCKED_KEYS = tuple(c.key for c in COLUMNS if not c.supplier and not c.info)
SUPPLIER_KEYS = tuple(c.key for c in COLUMNS if c.supplier)
COLUMN_OF = {c.key: i for i, c in enumerate(COLUMNS, start=1)}
SUPPLIER_MOVES = SUPPLIER_CAP_MOVES       # what a supplier may set: submit a CAP
CAP_OPEN_STATUSES = tuple(SUPPLIER_MOVES)

GREY = PatternFill("solid", fgColor="EDEFF2")
NAVY = PatternFill("solid", fgColor="1F3A5F")
SUPPLIER_HEAD = PatternFill("solid", fgColor="2E7D4F")
THIN = Side(style="thin", color="C9D1DC")
BOX = Border(left=THIN, right=THIN, top=THIN, bottom=THIN)
WRAP = Alignment(wrap_text=True, vertical="top")


def editable_fields(finding: dict) -> tuple[str, ...]:
    """The supplier's cells that are open on this finding's row."""
    if finding["severity"] in CAP_SEVERITIES and finding["status"] in CAP_OPEN_STATUSES:
        return SUPPLIER_KEYS
    if finding["status"] in CAP_SETTLED_STATUSES:
        return ()
    return ("supplier_comment",)        # observations and good practices: a comment only


def checksum(audit_id: str, lang: str, copy_rows: list[list], exported_at: str | None = None,
             fmt: str = FORMAT) -> str:
    doc = [fmt, audit_id, lang, copy_rows] + ([exported_at] if fmt != OLD_FORMAT else [])
    return hashlib.sha256(json.dumps(doc, ensure_ascii=False, sort_keys=True,
                                     default=str).encode()).hexdigest()


def status_label(t: Texts, status: str) -> str:
    return t(f"finding_status.{status}")


def _locked_values(t: Texts, f: dict) -> dict:
    def text(what, field_name):
        return "\n".join(dict.fromkeys(
            finding_text(f, what, field_name, lang)[0] for lang in t.langs)).strip()
    return {"id": f["id"], "no": f["no"], "area": t(f"area.{f['area']}"),
            "severity": t(f"severity.{f['severity']}"),
            "requirement": text("question", "requirement"),
            "observed": text("", "observed"),
            "required_action": text("expected", "required_action"),
            "due_date": f["due_date"] or ""}


def _supplier_values(t: Texts, f: dict) -> dict:
    values = {key: f[key] or "" for key in CAP_FIELDS}
    values["status"] = status_label(t, f["status"])
    values["position"] = t(f"xlsx.position.{f['position']}") if f["position"] else ""
    return values


def verification_text(t: Texts, f: dict) -> str:
    """How we verify completion: the method recorded, else the usual one for the severity
    (a follow-up visit for a significant finding, a document review for a minor one)."""
    if f["severity"] not in CAP_SEVERITIES:
        return ""
    method = f["verification_method"] or (
        "follow_up_visit" if f["severity"] == "significant" else "document")
    return t(f"verification.{method}")


def _row_height(values: dict) -> float:
    """Excel does not grow rows for wrapped text written by openpyxl: estimate it."""
    lines = 1
    for column in COLUMNS:
        per_line = max(1.0, column.width * 1.1)
        parts = str(values.get(column.key) or "").split("\n")
        wide = [sum(2 if ord(ch) > 0x2E80 else 1 for ch in part) for part in parts]
        lines = max(lines, sum(1 + int(w // per_line) for w in wide))
    return min(409, 13 * lines + 6)


def build_cap_workbook(data: ReportData, lang: str = "en", *, exported_at: str) -> bytes:
    """`exported_at`: now by the workspace clock (the one the audit log is written with)."""
    t = Texts(lang)
    wb = Workbook()
    sheet = wb.active
    sheet.title = MAIN_SHEET
    first = t.langs[0]
    by = data.cap_return_by(exported_at[:10])
    draft = not data.signed
    sheet["A1"] = (f"{t.get('xlsx.draft', first)}  " if draft else "") + \
        t.get("xlsx.title", first, supplier=data.supplier_name(first))
    sheet["A1"].font = Font(bold=True, size=14, color="1F3A5F")
    sheet["A2"] = " / ".join(
        t.get("xlsx.visit", lang_, date=t.date(data.visit_date), site=data.site_name(lang_)[0],
              by=t.date(by) if by else "—") for lang_ in t.langs)
    sheet["A3"] = "\n".join(text for _, text in t.each("xlsx.instructions"))
    sheet["A3"].alignment = WRAP
    sheet.merge_cells(start_row=3, start_column=1, end_row=3, end_column=len(COLUMNS))
    sheet.row_dimensions[3].height = 32 if t.bilingual else 18
    for index, column in enumerate(COLUMNS, start=1):
        cell = sheet.cell(HEADER_ROW, index, t(f"xlsx.col.{column.key}", sep="\n"))
        cell.font = Font(bold=True, color="FFFFFF")
        cell.fill = SUPPLIER_HEAD if column.supplier else NAVY
        cell.alignment = Alignment(wrap_text=True, vertical="center")
        cell.border = BOX
        sheet.column_dimensions[get_column_letter(index)].width = column.width
    sheet.row_dimensions[HEADER_ROW].height = 34 if t.bilingual else 20

    control = wb.create_sheet(CONTROL_SHEET)
    copy_rows = []
    validations: dict[tuple, DataValidation] = {}
    date_check = DataValidation(
        type="date", operator="greaterThanOrEqual",
        formula1=f"DATE({data.visit_date[:4]},{int(data.visit_date[5:7])},"
                 f"{int(data.visit_date[8:10])})",
        allow_blank=True, showErrorMessage=True, errorTitle="Date",
        error=t("xlsx.date_help"), promptTitle="Date", prompt=t("xlsx.date_help"))
    sheet.add_data_validation(date_check)
    labels = ",".join(t(f"xlsx.position.{p}") for p in CAP_POSITIONS)
    positions = DataValidation(type="list", formula1=f'"{labels}"', allow_blank=True,
                               showErrorMessage=True, errorTitle="Agree / dispute",
                               error=t("xlsx.position_help"))
    sheet.add_data_validation(positions)
    for offset, finding in enumerate(data.findings):
        row = FIRST_ROW + offset
        locked, supplier = _locked_values(t, finding), _supplier_values(t, finding)
        editable = editable_fields(finding)
        shown = {"verification": verification_text(t, finding)}
        for column in COLUMNS:
            value = (shown[column.key] if column.info else
                     locked[column.key] if not column.supplier else supplier[column.key])
            if column.is_date and value:
                value = date.fromisoformat(value)
            cell = sheet.cell(row, COLUMN_OF[column.key])
            xlsx_cell(cell, value if value != "" else None)     # text is never a formula
            cell.alignment = WRAP
            cell.border = BOX
            if column.is_date:
                cell.number_format = "yyyy-mm-dd"
            is_open = column.supplier and column.key in editable
            cell.protection = Protection(locked=not is_open)
            if not is_open:
                cell.fill = GREY
            if column.key in ("id",):
                cell.font = Font(size=8, color="5B6574")
        if "status" in editable:
            choices = (finding["status"], *SUPPLIER_MOVES[finding["status"]])
            key = tuple(choices)
            if key not in validations:
                labels = ",".join(status_label(t, s) for s in choices)
                validations[key] = DataValidation(
                    type="list", formula1=f'"{labels}"', allow_blank=False,
                    showErrorMessage=True, errorTitle="Status", error=t("xlsx.status_help"))
                sheet.add_data_validation(validations[key])
            validations[key].add(sheet.cell(row, COLUMN_OF["status"]))
        if "planned_date" in editable:
            date_check.add(sheet.cell(row, COLUMN_OF["planned_date"]))
        if "position" in editable:
            positions.add(sheet.cell(row, COLUMN_OF["position"]))
        sheet.row_dimensions[row].height = _row_height({**locked, **supplier})
        copy_rows.append([locked[k] for k in LOCKED_KEYS] +
                         [finding["status"], list(editable),
                          {k: supplier[k] for k in SUPPLIER_KEYS if k not in editable}])
    sheet.freeze_panes = sheet.cell(FIRST_ROW, COLUMN_OF["requirement"])
    sheet.protection.sheet = True
    sheet.protection.formatColumns = False      # let the supplier widen columns
    sheet.protection.formatRows = False
    sheet.print_title_rows = f"{HEADER_ROW}:{HEADER_ROW}"
    sheet.page_setup.orientation = "landscape"
    sheet.page_setup.fitToWidth = 1
    sheet.page_setup.fitToHeight = 0
    sheet.sheet_properties.pageSetUpPr.fitToPage = True
    sheet.page_setup.paperSize = sheet.PAPERSIZE_A4
    if draft:                           # an unsigned audit's workbook says so on every page
        sheet.oddHeader.center.text = t("xlsx.draft", sep="  ")
        sheet.oddHeader.center.size = 14
        sheet.oddHeader.center.color = "9A5B00"
    add_instructions(wb, data, by, draft=draft)
    wb.active = wb.sheetnames.index(INSTRUCTIONS_SHEET)

    meta = [("format", FORMAT), ("audit_id", data.audit["id"]), ("lang", lang),
            ("exported_at", exported_at),
            ("checksum", checksum(data.audit["id"], lang, copy_rows, exported_at)),
            ("first_row", FIRST_ROW), ("rows", len(copy_rows))]
    for n, (key, value) in enumerate(meta, start=1):
        control.cell(n, 1, key)
        control.cell(n, 2, value)
    for n, copy in enumerate(copy_rows):
        control.cell(COPY_ROW + n, 1, json.dumps(copy, ensure_ascii=False))
    control.sheet_state = "veryHidden"
    control.protection.sheet = True
    wb.properties.title = sheet["A1"].value
    wb.properties.creator = "SVA - Supplier Visit Audits"
    wb.properties.subject = f"CAP for audit {data.audit['id']}"
    wb.properties.keywords = "draft" if draft else "signed"
    out = io.BytesIO()
    wb.save(out)
    return out.getvalue()


def export_cap(ws, audit_id: str, path, *, lang: str = "en", contact: dict | None = None):
    """Write the CAP workbook of one audit to `path` (atomically)."""
    Texts(lang)                                      # bad language -> BadInput before reading
    data = load_report_data(ws, audit_id, contact=contact)
    return write_atomically(path, build_cap_workbook(data, lang, exported_at=ws.clock()))
