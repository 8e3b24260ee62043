"""Findings and their corrective action plans (CAPs)."""
from __future__ import annotations

from datetime import date

from sva import due_dates
from sva.domain.base import Changes, Service, operation
from sva.errors import BadInput, IllegalTransition
from sva.vocabulary import (AREAS, CAP_FIELDS, CAP_POSITIONS, FINDING_CONTENT_FIELDS,
                            FINDING_EXTRA_FIELDS, FINDING_TRANSITIONS, SEVERITIES,
                            VERIFICATION_METHODS)

# A suggestion only: a nonconformity is usually minor unless the auditor raises it.
SUGGESTED_SEVERITY = {"nonconformity": "minor", "observation": "observation"}


def _check_date(value, field: str):
    if value in (None, ""):
        return None
    try:
        return date.fromisoformat(str(value)).isoformat()
    except ValueError:
        raise BadInput(f"{value!r} is not a date (YYYY-MM-DD)", field=field) from None


def _require_observed(row: dict) -> None:
    """A finding says at least what was seen: without it the supplier has nothing to act on.
    Rows stored before this rule may still hold an empty text; they load and show as they are,
    and only an add or an edit that sets the field is refused."""
    if "observed" in row and not (row["observed"] or "").strip():
        raise BadInput("a finding needs “what was seen”", field="observed")


def late_plan_problem(planned_date: str | None, due_date: str | None,
                      comment: str | None) -> str | None:
    """A planned completion after the due date needs the supplier's reason (in the supplier
    comment); the message says so, or None when the plan is fine."""
    if not planned_date or not due_date or planned_date[:10] <= due_date[:10]:
        return None
    if (comment or "").strip():
        return None
    return (f"the planned completion {planned_date[:10]} is after the due date "
            f"{due_date[:10]}: give the reason in the supplier comment")


class Findings(Service):
    def _clean(self, fields: dict) -> dict:
        unknown = (set(fields) - set(FINDING_CONTENT_FIELDS) - set(FINDING_EXTRA_FIELDS)
                   - set(CAP_FIELDS))
        if unknown:
            raise BadInput(f"unknown finding field(s): {', '.join(sorted(unknown))}",
                           field=sorted(unknown)[0])
        row = dict(fields)
        if "severity" in row and row["severity"] not in SEVERITIES:
            raise BadInput(f"unknown severity {row['severity']!r} "
                           f"(known: {', '.join(SEVERITIES)})", field="severity")
        if "area" in row and row["area"] not in AREAS:
            raise BadInput(f"unknown risk area {row['area']!r}", field="area")
        for key in ("due_date", "planned_date"):
            if key in row:
                row[key] = _check_date(row[key], key)
        if row.get("position") not in (None, "", *CAP_POSITIONS):
            raise BadInput(f"position must be {' or '.join(CAP_POSITIONS)}, got "
                           f"{row['position']!r}", field="position")
        return row

    def finding(self, finding_id: str) -> dict:
        return self.get("findings", finding_id, label="finding")

    @operation
    def add(self, audit_id: str, *, severity: str, item_id: str | None = None,
            area: str | None = None, requirement: str | None = None, observed: str = "",
            evidence: str = "", required_action: str = "", due_date: str | None = None,
            reason: str | None = None, **extra: str) -> str:
        """`extra`: the Japanese texts and evidence references (FINDING_EXTRA_FIELDS)."""
        audit = self.ws.audits.audit(audit_id)
        self.ws.audits.require_started(audit)
        if item_id is not None:
            item = self.ws.audits._item(audit, item_id)
            area = area or item.area
            if requirement is None:
                requirement = item.question["en"]
        if area is None:
            raise BadInput("a finding without a checklist item needs an area", field="area")
        row = self._clean({"area": area, "severity": severity, "requirement": requirement or "",
                           "observed": observed, "evidence": evidence,
                           "required_action": required_action, **extra})
        for key in FINDING_EXTRA_FIELDS:
            row[key] = (row.get(key) or "").strip()
        row = self.stamp({"audit_id": audit_id, "item_id": item_id, "status": "open", **row},
                         new=True)
        with self.change("add", "finding", row["id"], audit_id=audit_id) as log:
            self.guard_audit(audit, log, reason)
            _require_observed(row)
            row["due_date"] = (_check_date(due_date, "due_date") if due_date else
                               due_dates.due_date(severity, self.ws.audits.visit_date(audit)))
            self.insert("findings", row)
            log.diff(None, {k: row[k] for k in ("item_id", *FINDING_CONTENT_FIELDS,
                                                *FINDING_EXTRA_FIELDS)
                            if k not in FINDING_EXTRA_FIELDS or row[k]})
        return row["id"]

    @operation
    def edit(self, finding_id: str, *, reason: str | None = None, from_hq: bool = False,
             **fields) -> Changes:
        """`from_hq`: values HQ holds (a sync conflict resolved as "theirs") are taken as
        they are; the rules for what a supplier enters were applied where it was entered."""
        new = self._clean(fields)
        _require_observed(new)
        self._write(finding_id, new, reason, "edit", check_plan=not from_hq)

    def _write(self, finding_id: str, new: dict, reason: str | None, action: str, *,
               check_plan: bool = True) -> None:
        old = self.finding(finding_id)
        if check_plan and {"planned_date", "supplier_comment", "due_date"} & set(new):
            after = {**old, **new}
            problem = late_plan_problem(after["planned_date"], after["due_date"],
                                        after["supplier_comment"])
            if problem and "planned_date" in new:
                raise BadInput(problem, field="planned_date")
        audit = self.ws.audits.audit(old["audit_id"])
        if "severity" in new and "due_date" not in new and new["severity"] != old["severity"]:
            new["due_date"] = due_dates.due_date(new["severity"],
                                                 self.ws.audits.visit_date(audit))
        with self.change(action, "finding", finding_id, audit_id=audit["id"]) as log:
            if any(k in (*FINDING_CONTENT_FIELDS, *FINDING_EXTRA_FIELDS) and new[k] != old[k]
                   for k in new):
                self.guard_audit(audit, log, reason)
            log.diff(old, new)
            self.update("findings", finding_id, self.stamp(new), before=old)

    @operation
    def delete(self, finding_id: str, *, reason: str | None = None) -> Changes:
        old = self.finding(finding_id)
        audit = self.ws.audits.audit(old["audit_id"])
        with self.change("delete", "finding", finding_id, audit_id=audit["id"]) as log:
            self.guard_audit(audit, log, reason)
            log.diff(old, {"deleted": 1})
            self.update("findings", finding_id, self.stamp({"deleted": 1}), before=old)

    @operation
    def move(self, finding_id: str, new_status: str, *, rejection_reason: str = "",
             verification_method: str | None = None, verified_at: str | None = None) -> Changes:
        """Move a finding's CAP status along FINDING_TRANSITIONS."""
        old = self.finding(finding_id)
        if new_status not in FINDING_TRANSITIONS:
            raise BadInput(f"unknown finding status {new_status!r}", field="status")
        if new_status not in FINDING_TRANSITIONS[old["status"]]:
            raise IllegalTransition("finding", old["status"], new_status)
        fields: dict = {"status": new_status}
        if new_status == "cap_rejected":
            if not rejection_reason.strip():
                raise BadInput("rejecting a CAP needs a reason", field="rejection_reason")
            fields["rejection_reason"] = rejection_reason.strip()
        if new_status == "verified_closed":
            if verification_method not in VERIFICATION_METHODS:
                raise BadInput("closing needs a verification method: "
                               + " or ".join(VERIFICATION_METHODS), field="verification_method")
            fields["verification_method"] = verification_method
            fields["verified_at"] = _check_date(verified_at, "verified_at") or self.ws.clock()[:10]
            fields["closed_at"] = self.ws.clock()
        with self.change("move", "finding", finding_id, audit_id=old["audit_id"]) as log:
            log.diff(old, fields)
            self.update("findings", finding_id, self.stamp(fields), before=old)

    def of_audit(self, audit_id: str) -> list[dict]:
        return self.rows(
            "SELECT * FROM findings WHERE audit_id = ? AND deleted = 0 ORDER BY created_at, id",
            [audit_id])
