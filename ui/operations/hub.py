"""The app's one refresh path: after each operation, its Changes are broadcast once.

Like Anki's `operation_did_execute` hook: whoever ran an operation (the editor, the photo
import, a sync, Ctrl+Z) hands what it changed to the workspace's hub; every open view
(editor, lists, photo strip, sync status, viewer) listens and refreshes what the flags
concern. No widget reaches into another to refresh it (tests/test_architecture.py).

`perform(...)` runs a short operation and broadcasts; `follow(task)` broadcasts what a
background task changed when it ends (done, failed or cancelled: a sync may have applied
its pull before it failed). Undo and redo run the core's undo stack (sva.domain.undo) and
broadcast with the initiator UNDO / REDO, so the views can show what changed.
"""
from __future__ import annotations

import weakref

from PySide6.QtCore import QObject, Signal

from sva.domain.changes import FLAGS, Changes
from sva.workspace import Done, Workspace

UNDO, REDO = "undo", "redo"
# F5, another workspace: everything may have changed (master data concerns every audit).
EVERYTHING = Changes(**{flag: True for flag in FLAGS})


class OperationHub(QObject):
    operation_did_execute = Signal(object, object)     # Changes, initiator

    def __init__(self, ws: Workspace):
        super().__init__()
        self._ws = weakref.ref(ws)          # the hubs are kept by workspace, weakly

    @property
    def ws(self) -> Workspace:
        return self._ws()

    def broadcast(self, changes: Changes, initiator: object = None) -> None:
        if changes:
            self.operation_did_execute.emit(changes, initiator)

    def perform(self, label: str | None, fn, /, *args, initiator: object = None,
                merge: object = None, undoable: bool = True, **kw) -> Done:
        """`fn(*args, **kw)` now, as one operation on the store worker (an edit: a few
        milliseconds), then the broadcast. Raises the core's error (nothing changed)."""
        done = self.ws.perform(label, fn, *args, merge=merge, undoable=undoable, **kw)
        self.broadcast(done.changes, initiator)
        return done

    def follow(self, task, initiator: object = None) -> None:
        """Broadcast what a background operation task (tasks.operation_task) changed, on the
        UI thread, once it has ended."""
        def ended(*_):
            self.broadcast(task.changes, initiator)
        for signal in (task.signals.succeeded, task.signals.failed, task.signals.cancelled):
            signal.connect(ended)

    def undo(self) -> Changes:
        """Raises the core's UndoConflict / AuditLocked when the step cannot be undone (the
        step is dropped; the views refresh anyway)."""
        return self._replay(self.ws.undo.undo, UNDO)

    def redo(self) -> Changes:
        return self._replay(self.ws.undo.redo, REDO)

    def _replay(self, replay, initiator: str) -> Changes:
        try:
            changes = replay()
        except BaseException:
            self.operation_did_execute.emit(Changes(), initiator)   # the texts of the actions
            raise
        self.operation_did_execute.emit(changes, initiator)
        return changes


_HUBS: weakref.WeakKeyDictionary = weakref.WeakKeyDictionary()


def hub_of(ws: Workspace) -> OperationHub:
    """The workspace's hub (made on first use, on the UI thread)."""
    hub = _HUBS.get(ws)
    if hub is None:
        hub = _HUBS[ws] = OperationHub(ws)
    return hub
