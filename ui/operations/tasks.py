"""Long work off the UI thread: a task runs in the global QThreadPool, reports progress by
signal and stops at its next progress report when cancelled.

The work function gets a `progress(done, total)` callback; after `cancel()` that callback
raises `Cancelled`, so the work stops at a safe point of its own choosing.
"""
from __future__ import annotations

import logging
import threading
import traceback
from typing import Any
from collections.abc import Callable

from PySide6.QtCore import QObject, QRunnable, QThreadPool, Signal

from sva.domain.changes import NOTHING, Changes
from ui.core_messages import message_of


class Cancelled(Exception):
    """Raised inside the work function after the user cancelled."""


class TaskSignals(QObject):
    progressed = Signal(int, int)     # done, total
    succeeded = Signal(object)        # the work's result
    failed = Signal(str)              # a message for the user, in the UI language
    cancelled = Signal()


class Task(QRunnable):
    def __init__(self, work: Callable[[Callable[[int, int], None]], Any]):
        super().__init__()
        self.setAutoDelete(False)     # the owner keeps it (and its signals) alive
        self.work = work
        self.signals = TaskSignals()
        self._cancel = threading.Event()
        self.finished = threading.Event()
        self.changes: Changes = NOTHING       # what an operation task wrote (operation_task)

    def cancel(self) -> None:
        self._cancel.set()

    def _progress(self, done: int, total: int) -> None:
        if self._cancel.is_set():
            raise Cancelled()
        self.signals.progressed.emit(done, total)

    def run(self) -> None:
        try:
            result = self.work(self._progress)
        except Cancelled:
            self.signals.cancelled.emit()
        except Exception as exc:  # noqa: BLE001 - reported to the user, with the trace logged
            traceback.print_exc()
            logging.getLogger("sva.task").error("background task failed", exc_info=True)
            self.signals.failed.emit(message_of(exc))   # translate() is thread-safe
        else:
            self.signals.succeeded.emit(result)
        finally:
            self.finished.set()

    def start(self, pool: QThreadPool | None = None) -> None:
        (pool or QThreadPool.globalInstance()).start(self)


def operation_task(ws, label: str | None, work: Callable[[Callable[[int, int], None]], Any], *,
                   undoable: bool = True) -> Task:
    """A task whose store writes are one operation of the workspace (sva.domain.operations):
    with a label, one undo step; `task.changes` holds what it wrote, for the hub to
    broadcast when the task ends (ui/operations/hub.py `follow`)."""
    task = Task(work)

    def run(progress):
        with ws.operation(label, undoable=undoable) as op:
            try:
                return work(progress)
            finally:
                task.changes = op.changes
    task.work = run
    return task
