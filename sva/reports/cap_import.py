"""Reading a filled-in CAP workbook back: validate everything, then apply all or nothing.

Every problem is collected with its sheet, row and column (a changed locked cell, an
unknown finding, a bad date, a workbook of another audit, …) before anything is written;
then all rows go in one transaction. Only what differs from the database is written and a
status is moved only when the supplier changed it, so the same workbook imported twice
changes nothing the second time.

A workbook never undoes a newer CAP: a row that would change a finding whose CAP changed
after the workbook was exported (a newer workbook imported since, HQ's follow-up pulled,
an edit in the app) is refused with both times, unless the import is forced with a reason,
which the audit log keeps. Workbooks exported before the export time was under the checksum
(format sva-cap/1) are judged by the time written beside it; one without a readable time
counts as older than every CAP change.
"""
from __future__ import annotations

import json
import zipfile
from dataclasses import dataclass, field
from datetime import datetime
from pathlib import Path

from openpyxl import load_workbook
from openpyxl.utils import get_column_letter

from sva.errors import BadInput, NotFound
from sva.reports.cap_rows import CapRow, cell_text
from sva.reports.cap_workbook import (COLUMN_OF, CONTROL_SHEET, COPY_ROW, FORMAT, LOCKED_KEYS,
                                      MAIN_SHEET, OLD_FORMAT, SUPPLIER_MOVES, checksum)
from sva.reports.i18n import LANGS, Texts
from sva.validation.checks import check
from sva.domain.findings import late_plan_problem
from sva.vocabulary import CAP_FIELDS, CAP_SETTLED_STATUSES, CAP_SYNC_FIELDS, FINDING_STATUSES


@dataclass(frozen=True)
class Problem:
    sheet: str
    row: int | None
    column: str | None        # header text, e.g. "Planned completion date"
    message: str
    stale: bool = False       # the row would undo a CAP change made after the export

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
    forced: list[str] = field(default_factory=list)      # stale rows applied by --force


def _status_codes() -> dict[str, str]:
    """Every label of every status in both languages (and the bilingual form) -> code."""
    codes = {}
    for lang in (*LANGS, "en+ja"):
        t = Texts(lang)
        for status in FINDING_STATUSES:
            codes[t(f"finding_status.{status}").strip().casefold()] = status
    codes.update({s: s for s in FINDING_STATUSES})
    return codes


def _moment(text) -> datetime | None:
    try:
        when = datetime.fromisoformat(str(text).replace("Z", "+00:00"))
    except ValueError:
        return None
    return when if when.tzinfo else None


def shown(moment: datetime | None, *, precise: bool = False) -> str:
    if moment is None:
        return "an unknown time"
    return moment.strftime("%Y-%m-%d %H:%M:%S" + (".%f" if precise else "") + " UTC")


def two_times(changed: datetime, exported: datetime | None) -> tuple[str, str]:
    """Both times as people read them; to the microsecond when seconds cannot tell them
    apart."""
    precise = shown(changed) == shown(exported)
    return shown(changed, precise=precise), shown(exported, precise=precise)


def last_cap_change(ws, finding_id: str) -> datetime | None:
    """When the finding's CAP (status or supplier's answer) last changed, by the audit log."""
    for row in ws.findings.rows("SELECT at, action, changes FROM audit_log WHERE entity = "
                                "'finding' AND entity_id = ? ORDER BY seq DESC", [finding_id]):
        if row["action"] in ("sync_conflict", "resolve_conflict"):
            continue                   # notes about a conflict; a change has its own row
        if set(json.loads(row["changes"] or "{}")) & set(CAP_SYNC_FIELDS):
            return _moment(row["at"])
    return None


class _Reader:
    def __init__(self, ws, path: Path, expected_audit: str | None):
        self.ws, self.path, self.expected = ws, path, expected_audit
        self.problems: list[Problem] = []
        self.stale: list[tuple[Problem, str]] = []
        self.t = Texts("en")

    def column(self, key: str) -> str:
        return f"{get_column_letter(COLUMN_OF[key])} ({self.t(f'xlsx.col.{key}', sep=' / ')})"

    def problem(self, row, key, message, sheet=MAIN_SHEET) -> None:
        self.problems.append(Problem(sheet, row, None if key is None else self.column(key),
                                     message))

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
        if meta.get("format") not in (FORMAT, OLD_FORMAT):
            self.problems.append(Problem(CONTROL_SHEET, 1, None,
                                         f"unknown workbook format {meta.get('format')!r}"))
            return None
        try:
            copies = [json.loads(sheet.cell(COPY_ROW + n, 1).value)
                      for n in range(int(meta["rows"]))]
            self.t = Texts(meta["lang"])
        except (TypeError, ValueError, BadInput):
            copies = None
        if copies is None or checksum(meta["audit_id"], meta["lang"], copies,
                                      meta.get("exported_at"), meta["format"]) != meta["checksum"]:
            self.problems.append(Problem(CONTROL_SHEET, None, None,
                                         "the hidden control sheet was changed (checksum "
                                         "mismatch); export a fresh workbook"))
            return None
        meta["copies"] = copies
        meta["exported"] = _moment(meta.get("exported_at"))
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
               audit: dict, context: dict, exported: datetime | None) -> dict | None:
    """Compare one row to the exported copy and the database; returns the changes."""
    locked = dict(zip(LOCKED_KEYS, copy[:len(LOCKED_KEYS)]))
    exported_status, editable, frozen = copy[len(LOCKED_KEYS):]
    _locked_cells(reader, sheet, row, locked, frozen)
    if finding is None or finding["audit_id"] != audit["id"] or finding["deleted"]:
        reader.problem(row, "id", f"unknown finding {locked['id']} for this audit")
        return None
    cells = {key: sheet.cell(row, COLUMN_OF[key]).value for key in editable}
    checked, issues = check(CapRow, cells, context={**context, "exported": exported_status})
    for issue in issues:
        reader.problem(row, issue.loc[0] if issue.loc else None, issue.message)
    if checked is None:
        return None
    new = checked.changes(finding, exported_status)
    _against_the_finding(reader, row, new, finding, locked["no"], exported)
    return new


def _locked_cells(reader: _Reader, sheet, row: int, locked: dict, frozen: dict) -> None:
    for key, value in (*locked.items(), *frozen.items()):
        if cell_text(sheet.cell(row, COLUMN_OF[key]).value) != cell_text(value):
            reader.problem(row, key, "a locked cell was changed (the auditor's findings cannot "
                           "be edited in the workbook)" if key in locked else
                           "this cell is locked for this finding and was changed")


def _against_the_finding(reader: _Reader, row: int, new: dict, finding: dict, number: str,
                         exported: datetime | None) -> None:
    """What the finding's state now allows: its status move, a CAP still open, and no CAP
    change since the export that these changes would undo (a stale row, kept apart: only
    those may be forced)."""
    if new.get("status") and new["status"] not in SUPPLIER_MOVES.get(finding["status"], ()):
        reader.problem(row, "status", "the finding is already "
                       f"{reader.t('finding_status.' + finding['status'])}; "
                       "its CAP can no longer be submitted")
    after = {**finding, **new}
    late = late_plan_problem(after["planned_date"], after["due_date"], after["supplier_comment"])
    if late and "planned_date" in new:
        reader.problem(row, "planned_date", late)
    if set(new) & set(CAP_FIELDS) and finding["status"] in CAP_SETTLED_STATUSES:
        reader.problem(row, None, "the CAP of this finding was already accepted; "
                       "it can no longer change")
    changed = last_cap_change(reader.ws, finding["id"])
    if new and changed is not None and (exported is None or changed > exported):
        changed_at, exported_at = two_times(changed, exported)
        reader.stale.append((Problem(
            MAIN_SHEET, row, None,
            f"finding {number}: its CAP was last changed at {changed_at}, after this "
            f"workbook was exported ({exported_at}); importing it would undo that change. "
            "Import a newer workbook (or force this one with a reason: "
            "sva cap import --force --reason …)", stale=True), number))


def import_cap(ws, path, *, audit_id: str | None = None,
               force_reason: str | None = None) -> ImportResult:
    """Validate the whole workbook, then apply it in one transaction (or raise).
    `force_reason`: apply rows older than the finding's last CAP change too (the reason and
    what was overridden go into the audit log); every other problem still refuses."""
    path = Path(path)
    force_reason = (force_reason or "").strip()
    reader = _Reader(ws, path, audit_id)
    sheet, control_sheet = reader.open()
    meta = reader.control(control_sheet)
    audit = reader.audit(meta) if meta else None
    if meta is None or audit is None:
        raise CapWorkbookInvalid(str(path), reader.problems)
    context = {"codes": _status_codes(), "visit": ws.audits.visit_date(audit), "t": reader.t}
    first = int(meta["first_row"])
    findings = {f["id"]: f for f in ws.findings.of_audit(audit["id"])}
    plans = []
    for n, copy in enumerate(meta["copies"]):
        finding = findings.get(copy[0]) or _any_finding(ws, copy[0])
        changes = _check_row(reader, sheet, first + n, copy, finding, audit, context,
                             meta["exported"])
        if changes is not None:
            plans.append((finding, changes, copy[1]))
    _added_rows(reader, sheet, first + len(meta["copies"]))
    if reader.problems or (reader.stale and not force_reason):
        raise CapWorkbookInvalid(str(path), reader.problems + [p for p, _ in reader.stale])
    return _apply(ws, audit, plans, meta, reader.stale, force_reason, path)


def _added_rows(reader: _Reader, sheet, last: int) -> None:
    for row in range(last, max(sheet.max_row, last - 1) + 1):
        if any(cell_text(sheet.cell(row, c).value) for c in range(1, len(COLUMN_OF) + 1)):
            reader.problem(row, None, "rows cannot be added: this row is not a finding of "
                           "the audit")


def _any_finding(ws, finding_id: str) -> dict | None:
    try:
        return ws.findings.finding(finding_id)
    except NotFound:
        return None


def _apply(ws, audit: dict, plans: list, meta: dict, stale: list, reason: str,
           path: Path) -> ImportResult:
    result = ImportResult(audit["id"], forced=[number for _, number in stale])
    with ws.db.atomic():
        if stale:
            with ws.findings.change("force_import", "cap_workbook", path.name,
                                    audit_id=audit["id"], reason=reason) as log:
                log.changes.update({"exported_at": meta.get("exported_at"),
                                    "overrides": [p.message for p, _ in stale]})
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

