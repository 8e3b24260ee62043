"""QUndoCommands that replay the core's service functions (autosave: every edit is stored
when it is made; undo and redo are service calls too).

A command is built with what it needs to go both ways, then `run()` performs the first
call *before* it is pushed, so an edit the core refuses never reaches the undo stack.
After an undo or redo the command tells `reveal` where its change is (`place()`), so the
editor can show the auditor what was undone.
"""
from __future__ import annotations

from dataclasses import dataclass
from collections.abc import Callable

from PySide6.QtGui import QUndoCommand

from sva.domain.base import Changes
from sva.domain.restore import Restores
from sva.errors import SvaError
from sva.workspace import Workspace

Notify = Callable[[Changes], None]
ReportError = Callable[[SvaError], None]


@dataclass(frozen=True)
class Place:
    """Where a command's change shows: the checklist item, and the finding if it exists now."""
    item_id: str | None = None
    finding_id: str | None = None


Reveal = Callable[[Place], None]


class ServiceCommand(QUndoCommand):
    def __init__(self, ws: Workspace, text: str, *, notify: Notify, on_error: ReportError,
                 reason: str | None = None, reveal: Reveal | None = None):
        super().__init__(text)
        self.ws, self.reason = ws, reason
        self._notify, self._on_error, self._reveal = notify, on_error, reveal
        self._fresh = True
        self.restores = Restores(ws)

    def run(self) -> None:
        """The first do; raises SvaError (and is then not pushed)."""
        self._notify(self.first())

    def redo(self) -> None:
        if self._fresh:
            self._fresh = False
            return
        self._guarded(self.again)

    def undo(self) -> None:
        self._guarded(self.back)

    def _guarded(self, call) -> None:
        try:
            self._notify(call())
        except SvaError as exc:
            self.setObsolete(True)   # cannot be replayed: drop it from the stack
            self._on_error(exc)
            return
        place = self.place()
        if self._reveal is not None and place is not None:
            self._reveal(place)

    def place(self) -> Place | None:
        """Where the change is, after an undo or redo (None: nothing to point at)."""
        return None

    def first(self) -> Changes:
        return self.again()

    def again(self) -> Changes:  # pragma: no cover - every command overrides
        raise NotImplementedError

    def back(self) -> Changes:  # pragma: no cover
        raise NotImplementedError


class AnswerCommand(ServiceCommand):
    """Answer, clear or annotate one item; undo puts back its exact earlier state."""

    def __init__(self, ws: Workspace, audit_id: str, item_id: str, *, result: str | None = None,
                 note: str | None = None, clear: bool = False, confirmed: bool = False,
                 text: str, **kw):
        super().__init__(ws, text, **kw)
        self.audit_id, self.item_id = audit_id, item_id
        self.result, self.note, self.clear = result, note, clear
        self.confirmed = confirmed    # the auditor kept a number above the expected maximum
        self.before = self.restores.answer_state(audit_id, item_id)
        self.after: dict | None = None

    def first(self) -> Changes:
        audits = self.ws.audits
        if self.clear:
            changes = audits.clear_answer(self.audit_id, self.item_id, reason=self.reason)
        elif self.result is not None:
            changes = audits.record_answer(self.audit_id, self.item_id, self.result, self.note,
                                           reason=self.reason, confirmed=self.confirmed)
        else:
            changes = audits.set_note(self.audit_id, self.item_id, self.note or "",
                                      reason=self.reason)
        self.after = self.restores.answer_state(self.audit_id, self.item_id)
        return changes

    def again(self) -> Changes:
        return self.restores.answer(self.audit_id, self.item_id, self.after, reason=self.reason)

    def back(self) -> Changes:
        return self.restores.answer(self.audit_id, self.item_id, self.before, reason=self.reason)

    def place(self) -> Place:
        return Place(item_id=self.item_id)

    def id(self) -> int:  # noqa: A003 (Qt name)
        return 1 if self.result is None and not self.clear else -1

    def mergeWith(self, other: QUndoCommand) -> bool:  # noqa: N802
        """Consecutive note saves of one item undo as one step."""
        if (isinstance(other, AnswerCommand) and other.item_id == self.item_id
                and other.audit_id == self.audit_id and other.reason == self.reason):
            self.after = other.after
            return True
        return False


class NoFindingReasonCommand(AnswerCommand):
    """Say why an answer recording a nonconformity needs no finding (undo takes it back)."""

    def __init__(self, ws: Workspace, audit_id: str, item_id: str, *, why: str, text: str,
                 **kw):
        super().__init__(ws, audit_id, item_id, text=text, **kw)
        self.why = why

    def first(self) -> Changes:
        changes = self.ws.audits.explain_no_finding(self.audit_id, self.item_id, self.why,
                                                    reason=self.reason)
        self.after = self.restores.answer_state(self.audit_id, self.item_id)
        return changes

    def id(self) -> int:  # noqa: A003 (Qt name)
        return -1                       # never merged with note edits


class AddFindingCommand(ServiceCommand):
    def __init__(self, ws: Workspace, audit_id: str, fields: dict, *, text: str, **kw):
        super().__init__(ws, text, **kw)
        self.audit_id, self.fields = audit_id, dict(fields)
        self.finding_id: str | None = None

    def first(self) -> Changes:
        self.finding_id = self.ws.findings.add(self.audit_id, reason=self.reason, **self.fields)
        return Changes("finding", (self.finding_id,), self.audit_id, "add")

    def again(self) -> Changes:
        return self.restores.finding(self.finding_id, reason=self.reason)

    def back(self) -> Changes:
        return self.ws.findings.delete(self.finding_id, reason=self.reason)

    def place(self) -> Place:
        return _finding_place(self.ws, self.finding_id)


class EditFindingCommand(ServiceCommand):
    def __init__(self, ws: Workspace, finding_id: str, fields: dict, *, text: str, **kw):
        super().__init__(ws, text, **kw)
        self.finding_id = finding_id
        old = ws.findings.finding(finding_id)
        self.after = dict(fields)
        self.before = {k: old[k] for k in fields}

    def again(self) -> Changes:
        return self.ws.findings.edit(self.finding_id, reason=self.reason, **self.after)

    def back(self) -> Changes:
        return self.restores.finding_fields(self.finding_id, self.before, reason=self.reason)

    def place(self) -> Place:
        return _finding_place(self.ws, self.finding_id)


class DeleteFindingCommand(ServiceCommand):
    def __init__(self, ws: Workspace, finding_id: str, *, text: str, **kw):
        super().__init__(ws, text, **kw)
        self.finding_id = finding_id

    def again(self) -> Changes:
        return self.ws.findings.delete(self.finding_id, reason=self.reason)

    def back(self) -> Changes:
        return self.restores.finding(self.finding_id, reason=self.reason)

    def place(self) -> Place:
        return _finding_place(self.ws, self.finding_id)


def _finding_place(ws: Workspace, finding_id: str) -> Place:
    """The finding's item, and the finding itself unless the step removed it."""
    row = ws.findings.get("findings", finding_id, label="finding", include_deleted=True)
    return Place(item_id=row["item_id"], finding_id=None if row["deleted"] else finding_id)
