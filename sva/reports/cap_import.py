"""Reading a filled-in CAP workbook back: validate everything, then apply all or nothing.

Every problem is collected with its sheet, row and column (a changed locked cell, an
unknown finding, a bad date, a workbook of another audit, …) before anything is written;
then all rows go in one transaction. Only what differs from the database is written and a
status is moved only when the supplier changed it, so the same workbook imported twice
changes nothing the second time.
"""
from __future__ import annotations

import json
import zipfile
from dataclasses import dataclass, field
from datetime import date, datetime
from pathlib import Path

from openpyxl import load_workbook
from openpyxl.utils import get_column_letter

from sva.errors import BadInput, NotFound
from sva.reports.cap_workbook import (COLUMN_OF, CONTROL_SHEET, COPY_ROW, FORMAT, LOCKED_KEYS,
                                      MAIN_SHEET, SUPPLIER_MOVES, checksum)
from sva.reports.i18n import LANGS, Texts
from sva.vocabulary import CAP_FIELDS, CAP_SETTLED_STATUSES, FINDING_STATUSES

MAX_TEXT = 4000
REQUIRED_FOR_SUBMIT = ("root_cause", "corrective_action", "responsible", "planned_date")


@dataclass(frozen=True)
class Problem:
    sheet: str
    row: int | None
    column: str | None        # header text, e.g. "Planned completion date"
    message: str

    def __str__(self) -> str:
        where = self.sheet
        if self.row is not None:
            where += f" row {self.row}"
        if self.column:
            where += f", column {self.column}"
        return f"{where}: {self.message}"


class CapWorkbookInvalid(BadInput):
    """The workbook was refused; `problems` lists every reason, nothing was written."""

    def __init__(self, file: str, problems: list[Problem]):
        self.problems = problems
        super().__init__(f"{len(problems)} problem(s), nothing imported:\n  "
                         + "\n  ".join(map(str, problems)), file=file)


@dataclass
class ImportResult:
    audit_id: str
    updated: list[str] = field(default_factory=list)     # finding numbers with text changes
    submitted: list[str] = field(default_factory=list)   # finding numbers moved to submitted
    unchanged: int = 0


def _status_codes() -> dict[str, str]:
    """Every label of every status in both languages (and the bilingual form) -> code."""
    codes = {}
    for lang in (*LANGS, "en+ja"):
        t = Texts(lang)
        for status in FINDING_STATUSES:
            codes[t(f"finding_status.{status}").strip().casefold()] = status
    codes.update({s: s for s in FINDING_STATUSES})
    return codes


def _text(value) -> str:
    if value is None:
        return ""
    if isinstance(value, datetime):
        return value.date().isoformat()
    if isinstance(value, date):
        return value.isoformat()
    if isinstance(value, float) and value.is_integer():
        return str(int(value))
    return str(value).strip()


def _date(value) -> str | None:
    """A date cell as YYYY-MM-DD; raises ValueError when it is not a date."""
    if value in (None, ""):
        return ""
    if isinstance(value, (datetime, date)):
        return _text(value)
    text = str(value).strip().replace("/", "-")
    return date.fromisoformat(text).isoformat()


class _Reader:
    def __init__(self, ws, path: Path, expected_audit: str | None):
        self.ws, self.path, self.expected = ws, path, expected_audit
        self.problems: list[Problem] = []
        self.t = Texts("en")

    def problem(self, row, key, message, sheet=MAIN_SHEET) -> None:
        column = None
        if key is not None:
            column = f"{get_column_letter(COLUMN_OF[key])} ({self.t(f'xlsx.col.{key}', sep=' / ')})"
        self.problems.append(Problem(sheet, row, column, message))

    def open(self):
        try:
            book = load_workbook(self.path, data_only=True)
        except (OSError, zipfile.BadZipFile, KeyError, ValueError) as exc:
            raise BadInput(f"not a readable .xlsx workbook ({exc})", file=str(self.path)) from None
        if CONTROL_SHEET not in book.sheetnames or MAIN_SHEET not in book.sheetnames:
            raise CapWorkbookInvalid(str(self.path), [Problem(
                "workbook", None, None, "this is not a CAP workbook exported by SVA "
                f"(sheets {MAIN_SHEET!r} and the control sheet are missing)")])
        return book[MAIN_SHEET], book[CONTROL_SHEET]

    def control(self, sheet) -> dict | None:
        meta = {sheet.cell(n, 1).value: sheet.cell(n, 2).value for n in range(1, 8)}
        if meta.get("format") != FORMAT:
            self.problems.append(Problem(CONTROL_SHEET, 1, None,
                                         f"unknown workbook format {meta.get('format')!r}"))
            return None
        try:
            copies = [json.loads(sheet.cell(COPY_ROW + n, 1).value)
                      for n in range(int(meta["rows"]))]
            self.t = Texts(meta["lang"])
        except (TypeError, ValueError, BadInput):
            copies = None
        if copies is None or checksum(meta["audit_id"], meta["lang"], copies) != meta["checksum"]:
            self.problems.append(Problem(CONTROL_SHEET, None, None,
                                         "the hidden control sheet was changed (checksum "
                                         "mismatch); export a fresh workbook"))
            return None
        meta["copies"] = copies
        return meta

    def audit(self, meta) -> dict | None:
        audit_id = meta["audit_id"]
        if self.expected and self.expected != audit_id:
            self.problems.append(Problem(CONTROL_SHEET, 2, None,
                                         f"the workbook is for audit {audit_id}, "
                                         f"not {self.expected}"))
        try:
            return self.ws.audits.audit(audit_id)
        except NotFound:
            self.problems.append(Problem(CONTROL_SHEET, 2, None,
                                         f"audit {audit_id} is not in this database "
                                         "(a workbook from another data folder?)"))
            return None


def _check_row(reader: _Reader, sheet, row: int, copy: list, finding: dict | None,
               audit: dict, visit: str, codes: dict) -> dict | None:
    """Compare one row to the exported copy and the database; returns the changes."""
    locked = dict(zip(LOCKED_KEYS, copy[:len(LOCKED_KEYS)]))
    exported_status, editable, frozen = copy[len(LOCKED_KEYS):]
    for key in LOCKED_KEYS:
        if _text(sheet.cell(row, COLUMN_OF[key]).value) != _text(locked[key]):
            reader.problem(row, key, "a locked cell was changed (the auditor's findings "
                           "cannot be edited in the workbook)")
    for key, value in frozen.items():
        if _text(sheet.cell(row, COLUMN_OF[key]).value) != _text(value):
            reader.problem(row, key, "this cell is locked for this finding and was changed")
    if finding is None or finding["audit_id"] != audit["id"] or finding["deleted"]:
        reader.problem(row, "id", f"unknown finding {locked['id']} for this audit")
        return None
    new: dict = {}
    invalid = set()
    for key in editable:
        value = sheet.cell(row, COLUMN_OF[key]).value
        if key == "status":
            code = codes.get(_text(value).casefold())
            allowed = (exported_status, *SUPPLIER_MOVES.get(exported_status, ()))
            if code not in allowed:
                choices = " or ".join(repr(reader.t(f"finding_status.{s}")) for s in allowed)
                reader.problem(row, key, f"{_text(value)!r} is not a status you can choose here "
                               f"(choose {choices})")
            elif code != exported_status and code != finding["status"]:
                if code not in SUPPLIER_MOVES.get(finding["status"], ()):
                    reader.problem(row, key, "the finding is already "
                                   f"{reader.t('finding_status.' + finding['status'])}; "
                                   "its CAP can no longer be submitted")
                else:
                    new["status"] = code
        elif key == "planned_date":
            try:
                day = _date(value)
            except ValueError:
                reader.problem(row, key, f"{_text(value)!r} is not a date (YYYY-MM-DD)")
                invalid.add(key)
                continue
            if day and day < visit:
                reader.problem(row, key, f"{day} is before the visit ({visit})")
                invalid.add(key)
            elif day != (finding[key] or ""):
                new[key] = day or None
        else:
            text = _text(value)
            if len(text) > MAX_TEXT:
                reader.problem(row, key, f"{len(text)} characters; at most {MAX_TEXT}")
            elif text != (finding[key] or ""):
                new[key] = text
    cap_changes = {k: v for k, v in new.items() if k in CAP_FIELDS}
    if cap_changes and finding["status"] in CAP_SETTLED_STATUSES:
        reader.problem(row, None, "the CAP of this finding was already accepted; "
                       "it can no longer change")
    if new.get("status") == "cap_submitted":
        merged = {k: new.get(k, finding[k]) for k in REQUIRED_FOR_SUBMIT}
        missing = [k for k in REQUIRED_FOR_SUBMIT if not merged[k] and k not in invalid]
        for key in missing:
            reader.problem(row, key, "needed before the CAP can be submitted")
    return new


def import_cap(ws, path, *, audit_id: str | None = None) -> ImportResult:
    """Validate the whole workbook, then apply it in one transaction (or raise)."""
    path = Path(path)
    reader = _Reader(ws, path, audit_id)
    sheet, control_sheet = reader.open()
    meta = reader.control(control_sheet)
    audit = reader.audit(meta) if meta else None
    if meta is None or audit is None:
        raise CapWorkbookInvalid(str(path), reader.problems)
    visit = ws.audits.visit_date(audit)
    codes = _status_codes()
    first = int(meta["first_row"])
    findings = {f["id"]: f for f in ws.findings.of_audit(audit["id"])}
    plans = []
    for n, copy in enumerate(meta["copies"]):
        row = first + n
        finding = findings.get(copy[0])
        if finding is None:
            try:
                finding = ws.findings.finding(copy[0])
            except NotFound:
                finding = None
        changes = _check_row(reader, sheet, row, copy, finding, audit, visit, codes)
        if changes is not None:
            plans.append((finding, changes, copy[1]))
    last = first + len(meta["copies"])
    for row in range(last, max(sheet.max_row, last - 1) + 1):
        if any(_text(sheet.cell(row, c).value) for c in range(1, len(COLUMN_OF) + 1)):
            reader.problem(row, None, "rows cannot be added: this row is not a finding of "
                           "the audit")
    if reader.problems:
        raise CapWorkbookInvalid(str(path), reader.problems)
    result = ImportResult(audit["id"])
    with ws.db.atomic():
        for finding, changes, number in plans:
            status = changes.pop("status", None)
            if changes:
                ws.findings.edit(finding["id"], **changes)
                result.updated.append(number)
            if status:
                ws.findings.move(finding["id"], status)
                result.submitted.append(number)
            if not changes and not status:
                result.unchanged += 1
    return result
