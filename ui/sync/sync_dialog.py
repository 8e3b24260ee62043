"""Sync with HQ: pull then push in a worker, with photo bytes sent, the audit being sent and
Cancel; then a summary, or what went wrong and what to do.

Cancel stops at the next photo chunk: the chunk in flight finishes, HQ keeps what it holds
(a later sync resumes from there) and no audit is marked synced unless HQ confirmed it holds
every byte — the core guarantees that; this dialog only asks it to stop.
"""
from __future__ import annotations

from PySide6.QtCore import Qt, Signal
from PySide6.QtGui import QCloseEvent
from PySide6.QtWidgets import (QDialog, QDialogButtonBox, QLabel, QProgressBar, QVBoxLayout)

from sva.workspace import Workspace
from ui.operations.hub import hub_of
from ui.operations.tasks import Task
from ui.sync import tasks
from ui.sync.common import (NEEDS_ENROLMENT, MessageLine, detail_label, fit_height, size_text,
                            sync_failure)


class SyncDialog(QDialog):
    finished_sync = Signal(object)      # tasks.Outcome, or None when cancelled
    conflicts_requested = Signal()
    enrol_requested = Signal()

    def __init__(self, ws: Workspace, parent=None):
        super().__init__(parent)
        self.setObjectName("syncDialog")
        self.setWindowTitle(self.tr("Sync with HQ"))
        self.ws = ws
        self.task: Task | None = None
        self.outcome: tasks.Outcome | None = None
        self.cancelled = False
        self.last: tasks.Snapshot | None = None

        self.stage = QLabel(self.tr("Starting…"))
        self.stage.setObjectName("syncStage")
        self.stage.setWordWrap(True)
        self.audit = QLabel()
        self.audit.setObjectName("syncAudit")
        self.progress = QProgressBar()
        self.progress.setObjectName("syncProgress")
        self.progress.setRange(0, 0)
        self.bytes = QLabel()
        self.bytes.setObjectName("syncBytes")
        self.message = MessageLine()
        self.message.setObjectName("syncMessage")
        self.summary = QLabel()
        self.summary.setObjectName("syncSummary")
        self.summary.setWordWrap(True)
        self.summary.setTextInteractionFlags(Qt.TextInteractionFlag.TextSelectableByMouse)
        self.summary.hide()
        self.detail = detail_label("syncDetail")

        self.buttons = QDialogButtonBox()
        self.conflicts_button = self.buttons.addButton(self.tr("Review conflicts…"),
                                                       QDialogButtonBox.ButtonRole.ActionRole)
        self.conflicts_button.setObjectName("syncReviewConflicts")
        self.conflicts_button.hide()
        self.enrol_button = self.buttons.addButton(self.tr("Enrol with HQ…"),
                                                   QDialogButtonBox.ButtonRole.ActionRole)
        self.enrol_button.setObjectName("syncEnrol")
        self.enrol_button.hide()
        self.cancel_button = self.buttons.addButton(self.tr("Cancel"),
                                                    QDialogButtonBox.ButtonRole.RejectRole)
        self.cancel_button.setObjectName("syncCancel")
        self.conflicts_button.clicked.connect(self._review_conflicts)
        self.enrol_button.clicked.connect(self._enrol)
        self.cancel_button.clicked.connect(self.reject)

        layout = QVBoxLayout(self)
        layout.addWidget(self.stage)
        layout.addWidget(self.audit)
        layout.addWidget(self.progress)
        layout.addWidget(self.bytes)
        layout.addWidget(self.message)
        layout.addWidget(self.summary)
        layout.addWidget(self.detail)
        layout.addStretch(1)
        layout.addWidget(self.buttons)
        self.setMinimumWidth(520)
        self.resize(560, self.sizeHint().height())

    # -- running ---------------------------------------------------------------------------
    def start(self) -> Task:
        self.task = tasks.sync_task(self.ws)
        hub_of(self.ws).follow(self.task)    # what it wrote, when it ends
        self.task.signals.snapshot.connect(self._snapshot)
        self.task.signals.succeeded.connect(self._finished)
        self.task.signals.failed.connect(
            lambda text: self._finished(tasks.Outcome(False, kind=tasks.OTHER, detail=text)))
        self.task.signals.cancelled.connect(self._cancelled)
        self.stage.setText(self.tr("Getting assignments, master data and CAP changes "
                                   "from HQ…"))
        self.task.start()
        return self.task

    @property
    def running(self) -> bool:
        return self.task is not None

    def cancel(self) -> None:
        if self.task is None:
            return
        self.task.cancel()
        self.cancel_button.setEnabled(False)
        self.message.set("info", self.tr(
            "Stopping after the photo piece in flight… Nothing is lost: what HQ has not "
            "confirmed stays queued, and the next sync resumes from here."))
        fit_height(self)

    def _snapshot(self, snap: tasks.Snapshot) -> None:
        if self.task is None:
            return
        self.last = snap
        if snap.stage == "pull":
            if snap.audits:
                self.audit.setText(self.tr("Audits to send: {0}").format(snap.audits))
            else:
                self.audit.setText(self.tr("No audit is waiting to be sent."))
            self.bytes.setText(self.tr("Photos to send: up to {0}").format(size_text(snap.total))
                               if snap.total else "")
            return
        self.stage.setText(self.tr("Sending audits and photos to HQ…"))
        self.audit.setText(self.tr("Audit {0} of {1}: {2}").format(
            snap.audit_no, snap.audits, snap.audit))
        if snap.total:
            self.progress.setRange(0, 1000)
            self.progress.setValue(round(1000 * snap.done / snap.total))
        self.bytes.setText(self.tr("Photos at HQ: {0} of {1}").format(
            size_text(snap.done), size_text(snap.total)))

    def _stop_running(self) -> None:
        self.task = None
        self.progress.setRange(0, 1)
        self.cancel_button.setEnabled(True)
        self.cancel_button.setText(self.tr("Close"))

    def _finished(self, outcome: tasks.Outcome) -> None:
        self._stop_running()
        self.outcome = outcome
        if not outcome.ok:
            self.progress.hide()
            self.bytes.clear()
            self.stage.setText(self.tr("The sync did not finish."))
            self.message.set("error", sync_failure(outcome.kind))
            if outcome.detail:
                self.detail.setText(self.tr("Detail: {0}").format(outcome.detail))
                self.detail.show()
            if outcome.kind in NEEDS_ENROLMENT:
                self.enrol_button.show()
                self.enrol_button.setDefault(True)
            fit_height(self)
            self.finished_sync.emit(outcome)
            return
        report = outcome.result
        self.progress.setValue(1)
        self.stage.setText(self.tr("Sync finished."))
        self.audit.clear()
        self.bytes.clear()
        self.summary.setText(self.summary_text(report))
        self.summary.show()
        if report.unconfirmed:
            self.message.set("warning", self.tr(
                "HQ has not yet confirmed {0} audit(s); they stay queued and go again at the "
                "next sync.").format(len(report.unconfirmed)))
        elif report.conflicts:
            self.message.set("warning", self.tr(
                "{0} change(s) made both here and at HQ need your choice: keep yours or "
                "HQ's.").format(report.conflicts))
        else:
            self.message.set("ok", self.tr("Everything this device had for HQ is at HQ."))
        if report.conflicts:
            self.conflicts_button.show()
            self.conflicts_button.setDefault(True)
            self.conflicts_button.setFocus()
        fit_height(self)
        self.finished_sync.emit(outcome)

    def summary_text(self, report) -> str:
        push = report.push
        rows = [
            (self.tr("Received from HQ"), self.tr(
                "{0} supplier change(s), {1} site change(s), {2} checklist(s), {3} new "
                "assigned audit(s), {4} CAP change(s)").format(
                    report.suppliers, report.sites, report.checklists,
                    len(report.new_audits), report.cap_applied)),
            (self.tr("Sent to HQ"), self.tr("{0} audit(s), {1} photo(s), {2}").format(
                len(push.pushed), push.blobs_uploaded, size_text(push.bytes_uploaded))),
            (self.tr("Marked synced"), self.tr("{0} audit(s)").format(len(push.marked_synced))),
            (self.tr("Conflicts"), self.tr("{0} to review").format(report.conflicts)
             if report.conflicts else self.tr("none")),
        ]
        return "\n".join(f"{label}: {value}" for label, value in rows)

    def _cancelled(self) -> None:
        self._stop_running()
        self.cancelled = True
        self.stage.setText(self.tr("Sync cancelled."))
        done = ""
        if self.last is not None and self.last.stage == "push":
            done = self.tr(" HQ holds {0} of {1} of the photos; the next sync sends the rest.") \
                .format(size_text(self.last.done), size_text(self.last.total))
        self.progress.hide()
        self.bytes.clear()
        self.message.set("info", self.tr(
            "Nothing was lost: audits HQ has not confirmed stay queued on this device.") + done)
        fit_height(self)
        self.finished_sync.emit(None)

    # -- buttons ---------------------------------------------------------------------------
    def _review_conflicts(self) -> None:
        self.accept()
        self.conflicts_requested.emit()

    def _enrol(self) -> None:
        self.accept()
        self.enrol_requested.emit()

    def reject(self) -> None:
        if self.task is not None:
            self.cancel()          # Escape or Cancel while running stops the sync first
            return
        super().reject()

    def closeEvent(self, event: QCloseEvent) -> None:
        if self.task is not None:
            self.cancel()
            event.ignore()
            return
        super().closeEvent(event)
