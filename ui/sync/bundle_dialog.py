"""Export the audits waiting for HQ as one encrypted, signed bundle file (for a USB stick),
in a worker; then say what to do with the file."""
from __future__ import annotations

from pathlib import Path

from PySide6.QtWidgets import QDialog, QDialogButtonBox, QLabel, QProgressBar, QVBoxLayout

from sva.workspace import Workspace
from ui.operations.hub import hub_of
from ui.operations.tasks import Task
from ui.sync import tasks
from ui.sync.common import MessageLine, bundle_failure, detail_label, fit_height, size_text


class BundleDialog(QDialog):
    def __init__(self, ws: Workspace, path: str | Path, parent=None):
        super().__init__(parent)
        self.setObjectName("bundleDialog")
        self.setWindowTitle(self.tr("Export sync bundle"))
        self.ws = ws
        self.path = Path(path)
        self.task: Task | None = None
        self.outcome: tasks.Outcome | None = None
        self.stage = QLabel(self.tr("Writing {0}…").format(self.path))
        self.stage.setWordWrap(True)
        self.busy = QProgressBar()
        self.busy.setRange(0, 0)
        self.message = MessageLine()
        self.message.setObjectName("bundleMessage")
        self.detail = detail_label("bundleDetail")
        self.buttons = QDialogButtonBox()
        self.close_button = self.buttons.addButton(self.tr("Close"),
                                                   QDialogButtonBox.ButtonRole.RejectRole)
        self.close_button.setEnabled(False)
        self.close_button.clicked.connect(self.reject)
        layout = QVBoxLayout(self)
        layout.addWidget(self.stage)
        layout.addWidget(self.busy)
        layout.addWidget(self.message)
        layout.addWidget(self.detail)
        layout.addStretch(1)
        layout.addWidget(self.buttons)
        self.setMinimumWidth(520)

    def start(self) -> Task:
        self.task = tasks.bundle_task(self.ws, str(self.path))
        hub_of(self.ws).follow(self.task)    # what it wrote, when it ends
        self.task.signals.succeeded.connect(self._finished)
        self.task.signals.failed.connect(
            lambda text: self._finished(tasks.Outcome(False, kind=tasks.OTHER, detail=text)))
        self.task.start()
        return self.task

    def _finished(self, outcome: tasks.Outcome) -> None:
        self.task = None
        self.outcome = outcome
        self.busy.hide()
        self.close_button.setEnabled(True)
        self.close_button.setDefault(True)
        if not outcome.ok:
            self.stage.setText(self.tr("The bundle was not written."))
            self.message.set("error", bundle_failure(outcome.kind))
            if outcome.detail:
                self.detail.setText(self.tr("Detail: {0}").format(outcome.detail))
                self.detail.show()
            fit_height(self)
            return
        report = outcome.result
        self.stage.setText(self.tr("Wrote {0}: {1} audit(s), {2} photo(s), {3}, encrypted for "
                                   "HQ and signed by this device.").format(
            report.path, len(report.audits), report.blobs, size_text(report.size)))
        self.message.set("info", self.tr(
            "Take the file to HQ (e.g. on a USB stick); HQ imports it with “sva-hq bundle "
            "import”. Only HQ can read it. The audits stay queued here and are marked synced "
            "at the next sync, once HQ confirms it holds every byte."))
        fit_height(self)

    def reject(self) -> None:
        if self.task is not None:
            return
        super().reject()
