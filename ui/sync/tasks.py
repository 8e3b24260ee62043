"""Sync work off the UI thread: enrol, sync (pull then push, with photo-byte progress and
cancel between chunks) and the offline bundle export.

The network work happens in the pool thread; every store access goes through the
workspace's store worker, like the photo and report tasks. What a task wrote to the store
(pulled assignments, CAP changes, audits marked synced, the sync state) is on `task.changes`
when it ends, for the hub to broadcast; none of it is undoable. The outcome comes back as
data: which kind of problem stopped it (so the dialog can say what happened and what to do,
translated) and the core's own message as the detail.
The network and keyring modules are imported here, in the worker, never at start-up.
"""
from __future__ import annotations

import threading
from dataclasses import dataclass
from typing import Any

from PySide6.QtCore import QCoreApplication, Signal

from sva.domain.changes import Changes
from sva.errors import BadInput, SvaError
from sva.sync import state
from sva.sync.status import Upload, upload_plan
from sva.workspace import Workspace
from ui.core_messages import message_of
from ui.operations.tasks import Task, TaskSignals
from ui.vocabulary import supplier_name

# Why a task stopped (Outcome.kind); each has its own message in the dialogs.
OFFLINE, AUTH, SERVER, KEYRING, BAD_INPUT, NOT_ENROLLED, NO_TOKEN, OTHER = (
    "offline", "auth", "server", "keyring", "bad_input", "not_enrolled", "no_token", "other")


@dataclass
class Outcome:
    ok: bool
    result: Any = None
    kind: str = ""          # one of the kinds above when not ok
    detail: str = ""        # the core's message (in the UI language), shown as the detail


SYNC_STATE = Changes(sync=True)


def _store_work(ws: Workspace, task: Task, work):
    """Run `work` with everything it writes collected on `task.changes` (not undoable)."""
    def run(progress):
        with ws.operation(None, undoable=False) as op:
            try:
                return work(progress)
            finally:
                task.changes = op.changes | SYNC_STATE
    return run


def classify(exc: BaseException) -> str:
    from sva.sync.errors import AuthFailed, KeyringUnavailable, Offline, ServerError
    for kind, types in ((OFFLINE, Offline), (AUTH, AuthFailed), (SERVER, ServerError),
                        (KEYRING, KeyringUnavailable), (BAD_INPUT, BadInput)):
        if isinstance(exc, types):
            return kind
    return OTHER


def _failure(exc: BaseException) -> Outcome:
    return Outcome(False, kind=classify(exc), detail=message_of(exc))


def enrol_task(ws: Workspace, url: str, code: str, device_name: str) -> Task:
    """Exchange the one-time code for a device token (kept in the OS keyring only)."""
    def work(progress) -> Outcome:
        from sva.sync.engine import enrol
        progress(0, 1)
        try:
            result = enrol(ws, url, code, device_name=device_name or None)
        except (SvaError, OSError) as exc:
            return _failure(exc)
        progress(1, 1)
        return Outcome(True, result)
    task = Task(work)
    task.work = _store_work(ws, task, work)
    return task


# -- sync ------------------------------------------------------------------------------

@dataclass(frozen=True)
class Snapshot:
    """Where a sync stands, for the progress dialog."""
    stage: str                 # "pull" before the first photo byte, then "push"
    audit: str = ""            # "S001 Kanto Parts · 2026-05-12": the audit being sent
    audit_no: int = 0          # 1-based, of `audits`
    audits: int = 0
    done: int = 0              # photo bytes HQ holds of the pending audits
    total: int = 0             # photo bytes of the pending audits


class UploadTracker:
    """Turns the core's per-photo `(sha, offset, size)` reports into bytes of the whole push.

    HQ may already hold some photos (they are never reported): when the push moves on to a
    later audit, the earlier audits count as fully at HQ, so the total is reached at the end.
    Thread-safe: photos of one audit go up from several threads.
    """

    def __init__(self, plan: list[Upload]):
        self.plan = plan
        self.owner: dict[str, int] = {}
        for n, upload in enumerate(plan):
            for sha, _ in upload.photos:
                self.owner.setdefault(sha, n)
        self.total = sum(u.total for u in plan)
        self.current = -1
        self.done_of: dict[str, int] = {}
        self._lock = threading.Lock()

    def start(self) -> Snapshot:
        return Snapshot("pull", audits=len(self.plan), total=self.total)

    def update(self, sha: str, done: int, _size: int) -> Snapshot:
        with self._lock:
            n = self.owner.get(sha, max(self.current, 0))
            self.current = max(self.current, n)
            self.done_of[sha] = done
            current = self.plan[self.current] if self.plan else None
            held = sum(u.total for u in self.plan[:self.current])
            if current is not None:
                held += sum(min(self.done_of.get(s, 0), size) for s, size in current.photos)
            label = ""
            if current is not None:
                name = supplier_name(current.supplier_name_en, current.supplier_name_ja)
                label = f"{current.supplier_code} {name} · {current.planned_date}"
            return Snapshot("push", label, self.current + 1, len(self.plan),
                            min(held, self.total), self.total)


class SyncSignals(TaskSignals):
    snapshot = Signal(object)      # Snapshot


def sync_task(ws: Workspace) -> Task:
    """Pull then push. A cancel takes effect at the next photo chunk: the chunk in flight
    finishes, nothing is marked synced that HQ has not confirmed, a later sync resumes."""
    task = Task(lambda progress: None)
    task.signals = SyncSignals()

    def work(progress) -> Outcome:
        from sva.sync import credentials
        from sva.sync.engine import sync
        if state.server(ws.db) is None:
            return Outcome(False, kind=NOT_ENROLLED)
        try:
            if not credentials.load_token(ws.device):
                return Outcome(False, kind=NO_TOKEN, detail=QCoreApplication.translate(
                    "", "keyring: {0}").format(credentials.backend_name()))
            tracker = UploadTracker(upload_plan(ws))
            task.signals.snapshot.emit(tracker.start())

            def hook(sha: str, done: int, size: int) -> None:
                snap = tracker.update(sha, done, size)
                task.signals.snapshot.emit(snap)
                progress(snap.done >> 10, max(snap.total >> 10, 1))   # KiB: fits a Qt int
            report = sync(ws, progress=hook)
        except (SvaError, OSError) as exc:
            return _failure(exc)
        return Outcome(True, report)
    task.work = _store_work(ws, task, work)
    return task


def bundle_task(ws: Workspace, path: str) -> Task:
    """Write every audit waiting for HQ into one encrypted, signed file."""
    def work(progress) -> Outcome:
        from sva.sync.bundle import export_bundle
        progress(0, 1)
        if state.server(ws.db) is None:
            return Outcome(False, kind=NOT_ENROLLED)
        try:
            report = export_bundle(ws, path)
        except (SvaError, OSError) as exc:
            return _failure(exc)
        progress(1, 1)
        return Outcome(True, report)
    task = Task(work)
    task.work = _store_work(ws, task, work)
    return task
