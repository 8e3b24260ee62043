"""Two connections on one store: a write that read first must wait for the other writer,
never fail with "database is locked" (the race two `Workspace`s showed in a few lines)."""
from __future__ import annotations

import threading

from sva.domain.audits import Audits
from sva.workspace import Workspace
from tests.conftest import start


def _conformity_items(ws, audit_id):
    template = ws.audits.template_of(ws.audits.audit(audit_id))
    return [i.id for i in template.items.values() if i.answer == "conformity"]


def _logged_notes(ws, audit_id):
    return [row["changes"] for row in ws.audits.history(audit_id)
            if row["action"] == "record_answer"]


def test_a_write_that_read_first_waits_for_the_other_connection(ws, planned_audit,
                                                                monkeypatch):
    """A reads inside its write transaction; B commits meanwhile; then A writes.

    With a deferred BEGIN, A's read takes a snapshot, B commits, and A's write fails at
    once with "database is locked" (SQLITE_BUSY_SNAPSHOT: no busy timeout helps). With
    BEGIN IMMEDIATE, B waits for A's commit and both answers are stored, each logged once.
    """
    audit = start(ws, planned_audit)
    first, second = _conformity_items(ws, audit)[:2]
    other = Workspace(ws.folder)
    other_done = threading.Event()
    errors: list[BaseException] = []

    def write_from_b():
        try:
            other.audits.record_answer(audit, second, "conforms", "written by B")
        except BaseException as exc:  # noqa: BLE001 - the test reports it
            errors.append(exc)
        finally:
            other_done.set()

    read_answer = Audits._answering
    b = threading.Thread(target=write_from_b)

    def read_then_let_b_write(self, audit_id, item_id):
        row = read_answer(self, audit_id, item_id)
        if self.ws is ws and not b.is_alive() and not other_done.is_set():
            b.start()                       # B writes while A is between its read and write
            other_done.wait(1.0)
        return row

    monkeypatch.setattr(Audits, "_answering", read_then_let_b_write)
    try:
        ws.audits.record_answer(audit, first, "nonconformity", "written by A")
        b.join(30)
    finally:
        other.close()
    assert errors == []
    answers = ws.audits.answers(audit)
    assert (answers[first]["result"], answers[first]["note"]) == ("nonconformity",
                                                                   "written by A")
    assert (answers[second]["result"], answers[second]["note"]) == ("conforms", "written by B")
    notes = _logged_notes(ws, audit)
    assert sum("written by A" in n for n in notes) == 1
    assert sum("written by B" in n for n in notes) == 1
