"""Undo and redo, kept by the core for each workspace.

Each undoable operation (sva.domain.operations) is one step holding every row it wrote, as
it was before and after — an answer, a finding, a dozen photos of one import, both
signatures and the audit's status, whatever the operation touched — so any operation
undoes and redoes as one, whichever window or widget made it. At most `LIMIT` steps are
kept; a new operation clears what was undone.

Undo writes the rows back as they were before, redo as they were after: one transaction,
one audit-log row per row it changes ("undo" / "redo", an amendment with the step's reason
on a signed audit). A row the operation made is taken back by its deleted flag (the row
stays: sync and the audit log name it). Nothing is overwritten that changed since: if a row
no longer holds what the step left (another program, a sync, a step that cannot be undone),
the step is dropped with `UndoConflict` and nothing is written.
"""
from __future__ import annotations

import threading
from dataclasses import dataclass
from typing import TYPE_CHECKING

from sva.domain.base import LOCKED_STATUSES, Service
from sva.domain.changes import NOTHING, Changes
from sva.domain.operations import Operation, RowChange
from sva.errors import AuditLocked, SvaError

if TYPE_CHECKING:  # pragma: no cover
    from sva.workspace import Workspace

LIMIT = 200
ENTITIES = {"audits": "audit", "answers": "answer", "findings": "finding", "photos": "photo",
            "signatures": "signature", "suppliers": "supplier", "sites": "site",
            "checklist_templates": "checklist_template"}
STAMP = ("updated_at", "updated_by")
# A row the operation made, taken back (besides deleted = 1).
GONE = {"answers": {"result": None, "note": "", "answered_at": None, "no_finding_reason": ""}}


class UndoConflict(SvaError):
    """A step cannot be replayed: a row it changed was changed again since."""


@dataclass
class Step:
    op: Operation                   # its label may still be set after it committed
    rows: list[RowChange]
    reason: str | None              # the amendment reason the operation was made with
    changes: Changes
    locked: frozenset = frozenset()  # audits signed (locked) when the operation was made

    @property
    def label(self) -> str:
        return self.op.label or ""


def _content(row: dict) -> dict:
    return {k: v for k, v in row.items() if k not in STAMP}


def _before(rc: RowChange) -> dict:
    """The row as the step found it; for a row the step made, that row taken back."""
    if rc.before is not None:
        return rc.before
    return {**rc.after, **GONE.get(rc.table, {}), "deleted": 1}


def _audit_of(rc: RowChange) -> str | None:
    return rc.id if rc.table == "audits" else rc.after.get("audit_id")


class UndoStack:
    def __init__(self, ws: Workspace, limit: int = LIMIT):
        self.ws, self.limit = ws, limit
        self._done: list[Step] = []
        self._undone: list[Step] = []
        self._lock = threading.Lock()

    # -- what the app shows ---------------------------------------------------------------
    def can_undo(self) -> bool:
        return bool(self._done)

    def can_redo(self) -> bool:
        return bool(self._undone)

    def undo_text(self) -> str:
        with self._lock:
            return self._done[-1].label if self._done else ""

    def redo_text(self) -> str:
        with self._lock:
            return self._undone[-1].label if self._undone else ""

    def __len__(self) -> int:
        return len(self._done)

    def clear(self) -> None:
        with self._lock:
            self._done.clear()
            self._undone.clear()

    # -- recording (the journal, on the store worker) ---------------------------------------
    def record(self, op: Operation, rows: list[RowChange], reason: str | None,
               changes: Changes, locked: frozenset) -> None:
        """`locked`: `locked(rows)`, read inside the operation's transaction."""
        with self._lock:
            top = self._done[-1] if self._done else None
            if top is not None and (top.op is op or (
                    op.merge is not None and top.op.merge == op.merge and top.reason == reason)):
                _merge(top, rows, changes)
            else:
                self._done.append(Step(op, list(rows), reason, changes, locked))
                del self._done[:-self.limit]
            self._undone.clear()

    def locked(self, rows: list[RowChange]) -> frozenset:
        """The audits of `rows` that are signed (locked), as the operation leaves them: asked
        before its COMMIT, from what its transaction read or wrote of the audit when it can
        (an autosave reads its audit's status anyway), else read."""
        return frozenset(a for a in {a for a in map(_audit_of, rows) if a}
                         if self._status(a) in LOCKED_STATUSES)

    def _status(self, audit_id: str) -> str:
        try:
            return self.ws.journal.value("audits", audit_id, "status")
        except KeyError:
            return self.ws.db.execute("SELECT status FROM audits WHERE id = ?",
                                      [audit_id]).fetchone()[0]

    # -- undo and redo ----------------------------------------------------------------------
    def undo(self) -> Changes:
        """Take back the last operation; returns what changed (nothing when there is no
        step). Raises UndoConflict or AuditLocked, dropping the step, when it cannot."""
        return self.ws.run(self._replay, True)

    def redo(self) -> Changes:
        return self.ws.run(self._replay, False)

    def _replay(self, back: bool) -> Changes:
        source, target = (self._done, self._undone) if back else (self._undone, self._done)
        with self._lock:
            if not source:
                return NOTHING
            step = source[-1]
        try:
            with self.ws.operation(None, undoable=False) as op:
                with self.ws.db.atomic():
                    _Replay(self.ws).put(step, back)
        except SvaError:
            with self._lock:
                source.remove(step)          # it cannot be replayed: it goes
            raise
        with self._lock:
            source.remove(step)
            target.append(step)
        return op.changes


def _merge(top: Step, rows: list[RowChange], changes: Changes) -> None:
    known = {(rc.table, rc.id): rc for rc in top.rows}
    for rc in rows:
        old = known.get((rc.table, rc.id))
        if old is None:
            top.rows.append(rc)
        else:
            old.after = rc.after
    top.changes |= changes


class _Replay(Service):
    """Writes a step's rows back; one audit-log row per row it changes."""

    def put(self, step: Step, back: bool) -> None:
        locked = self._locked_audits(step)
        for rc in (reversed(step.rows) if back else step.rows):
            want, expect = (_before(rc), rc.after) if back else (rc.after, _before(rc))
            current = self.rows(f"SELECT * FROM [{rc.table}] WHERE id = ?", [rc.id])
            if not current or _content(current[0]) != _content(expect):
                raise UndoConflict(
                    f"“{step.label}” cannot be {'undone' if back else 'redone'}: "
                    f"{ENTITIES[rc.table]} {rc.id} was changed since",
                    code="undo_conflict" if back else "redo_conflict",
                    params={"step": step.label})
            fields = {k: v for k, v in _content(want).items() if current[0][k] != v}
            if not fields:
                continue
            audit_id = _audit_of(rc)
            entity_id = (f"{audit_id}/{rc.after['item_id']}" if rc.table == "answers"
                         else rc.id)
            amending = audit_id in locked
            with self.change("undo" if back else "redo", ENTITIES[rc.table], entity_id,
                             audit_id=audit_id, reason=step.reason if amending else "") as log:
                if amending:
                    log.amendment = True
                    log.action = "amend:" + log.action
                log.diff(current[0], fields)
                self.update(rc.table, rc.id, self.stamp(fields), before=current[0])

    def _locked_audits(self, step: Step) -> set[str]:
        """Signed audits the step changes. A step made on a signed audit (an amendment with
        its reason, or CAP work, which needs none) replays on it as it was made; a step made
        before the audit was signed cannot change it now — unless the step is the signing
        (or its undo) itself."""
        locked = set()
        for audit_id in {a for a in map(_audit_of, step.rows) if a}:
            rows = self.rows("SELECT status FROM audits WHERE id = ?", [audit_id])
            if not rows or rows[0]["status"] not in LOCKED_STATUSES:
                continue
            own = next((rc for rc in step.rows if rc.table == "audits" and rc.id == audit_id),
                       None)
            if own is not None and ((_before(own)["status"] in LOCKED_STATUSES)
                                    != (own.after["status"] in LOCKED_STATUSES)):
                continue
            if audit_id not in step.locked:
                raise AuditLocked(f"audit {audit_id} is {rows[0]['status']} and locked: "
                                  f"“{step.label}” cannot be undone now",
                                  code="undo_locked", params={"step": step.label})
            if step.reason:
                locked.add(audit_id)
        return locked
