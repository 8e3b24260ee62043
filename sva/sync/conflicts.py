"""CAP fields of findings changed at HQ and/or on the device: merge, or record a conflict.

For each field three values meet: `base` (what both sides last agreed on), `mine` (the
device) and `theirs` (HQ). Only theirs changed → applied here through the findings
services; only mine changed → the next push sends it; both changed to different values →
a conflict the user resolves (keep mine / keep theirs). Nothing is silently dropped, and
every detection and resolution is an audit-log row.
"""
from __future__ import annotations

from collections import deque

from sva.domain.base import Service
from sva.domain.changes import Changes
from sva.errors import BadInput, NotFound
from sva.sync import state
from sva.vocabulary import (CAP_FIELDS, CAP_SYNC_FIELDS as ALL_SYNCED, CONFLICT_CHOICES,
                            FINDING_TRANSITIONS, STATUS_COMPANIONS)

SYNC_STATE = Changes(sync=True)     # what a conflict's detection or resolution changes
# Compared field by field; status carries its companions (reason, method, date) with it.
COMPARED = ("status", *CAP_FIELDS)


class _Log(Service):
    """Audit-log rows for sync decisions that change no finding row themselves."""

    def note(self, action: str, finding: dict, changes: dict, reason: str = "") -> None:
        with self.change(action, "finding", finding["id"], audit_id=finding["audit_id"],
                         reason=reason) as log:
            log.changes.update(changes)


def _status_path(old: str, new: str) -> list[str] | None:
    queue, seen = deque([(old, [])]), {old}
    while queue:
        status, path = queue.popleft()
        if status == new:
            return path
        for nxt in FINDING_TRANSITIONS[status]:
            if nxt not in seen:
                seen.add(nxt)
                queue.append((nxt, path + [nxt]))
    return None


def apply_theirs(ws, finding: dict, theirs: dict, fields: list[str]) -> None:
    """Make the local finding hold HQ's values of `fields` (services only, logged)."""
    texts = {k: theirs[k] for k in fields if k in CAP_FIELDS}
    if texts:
        ws.findings.edit(finding["id"], from_hq=True, **texts)
    if "status" in fields and theirs["status"] != finding["status"]:
        path = _status_path(finding["status"], theirs["status"])
        if path is None:
            raise BadInput(f"finding {finding['id']}: HQ status {theirs['status']} cannot be "
                           f"reached from {finding['status']}", field="status",
                           code="conflict_status_unreachable",
                           params={"theirs": theirs["status"], "mine": finding["status"]})
        for step in path:
            ws.findings.move(
                finding["id"], step,
                rejection_reason=theirs.get("rejection_reason") or "rejected at HQ",
                verification_method=theirs.get("verification_method"),
                verified_at=theirs.get("verified_at"))


def reconcile(ws, theirs: dict) -> dict:
    """Merge one finding as HQ holds it; returns counts of applied/conflicts."""
    try:
        mine = ws.findings.get("findings", theirs["id"], include_deleted=True)
    except NotFound:
        return {"applied": 0, "conflicts": 0}       # a finding this device does not hold
    base = state.base_of(ws.db, mine["id"])
    agreed, take, clash = {}, [], []
    for field in COMPARED:
        m, t = mine[field], theirs.get(field)
        b = base.get(field, m)          # never agreed before: HQ got it from us
        if m == t:
            agreed[field] = t
        elif m == b:
            take.append(field)
        elif t == b:
            pass                        # only mine changed: the push sends it
        else:
            clash.append((field, b, m, t))
    if take:
        apply_theirs(ws, mine, theirs, take)
        agreed.update({f: theirs[f] for f in take})
    if "status" in agreed:
        agreed.update({k: theirs.get(k) for k in STATUS_COMPANIONS})
    state.set_base(ws.db, mine["id"], agreed)
    for field, b, m, t in clash:
        _record(ws, mine, field, b, m, t)
    return {"applied": len(take), "conflicts": len(clash)}


def _record(ws, finding: dict, field: str, base, mine, theirs) -> None:
    open_row = list(ws.db.query("SELECT id, theirs FROM sync_conflicts WHERE finding_id = ? "
                                "AND field = ? AND resolved_at IS NULL", [finding["id"], field]))
    if open_row and open_row[0]["theirs"] == theirs:
        return
    with ws.db.atomic():
        if open_row:
            ws.db.execute("UPDATE sync_conflicts SET theirs = ?, mine = ? WHERE id = ?",
                          [theirs, mine, open_row[0]["id"]])
        else:
            ws.db.execute("INSERT INTO sync_conflicts (id, finding_id, audit_id, field, base, "
                          "mine, theirs, detected_at) VALUES (?,?,?,?,?,?,?,?)",
                          [ws.new_id(), finding["id"], finding["audit_id"], field, base, mine,
                           theirs, ws.clock()])
        _Log(ws).note("sync_conflict", finding, {field: [mine, theirs]},
                      reason="changed on this device and at HQ")
        ws.run(ws.journal.note, SYNC_STATE)


def open_conflicts(ws) -> list[dict]:
    return [dict(r) for r in ws.db.query(
        "SELECT c.*, s.code AS supplier_code, s.name_en AS supplier_name_en, "
        "s.name_ja AS supplier_name_ja FROM sync_conflicts c "
        "JOIN audits a ON a.id = c.audit_id JOIN suppliers s ON s.id = a.supplier_id "
        "WHERE c.resolved_at IS NULL ORDER BY c.detected_at, c.id")]


def resolve(ws, conflict_id: str, keep: str) -> dict:
    """keep='mine': HQ gets our value on the next push; keep='theirs': take HQ's value now."""
    if keep not in CONFLICT_CHOICES:
        raise BadInput("keep must be 'mine' or 'theirs'", field="--keep")
    rows = [dict(r) for r in ws.db.query(
        "SELECT * FROM sync_conflicts WHERE id = ? AND resolved_at IS NULL", [conflict_id])]
    if not rows:
        raise NotFound(f"no open conflict with id {conflict_id}", field="conflict")
    c = rows[0]
    finding = ws.findings.get("findings", c["finding_id"], include_deleted=True)
    with ws.db.atomic():
        if keep == "theirs":
            theirs = {k: finding[k] for k in ALL_SYNCED}
            theirs[c["field"]] = c["theirs"]
            apply_theirs(ws, finding, theirs, [c["field"]])
        # Either way HQ's value becomes the agreed base: "mine" then differs from it and the
        # next push carries it; HQ still holds the base, so it takes it.
        state.set_base(ws.db, finding["id"], {c["field"]: c["theirs"]})
        ws.db.execute("UPDATE sync_conflicts SET resolved_at = ?, resolution = ? WHERE id = ?",
                      [ws.clock(), keep, conflict_id])
        _Log(ws).note("resolve_conflict", finding, {c["field"]: [c["mine"], c["theirs"]]},
                      reason=f"keep {keep}")
        ws.run(ws.journal.note, SYNC_STATE | Changes(audit_ids=(c["audit_id"],)))
    return c
