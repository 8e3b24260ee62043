"""Create a demo data set from the app: choose a folder, watch progress, cancel any time."""
from __future__ import annotations

import tempfile
from pathlib import Path

from PySide6.QtCore import Signal
from PySide6.QtWidgets import (QDialog, QDialogButtonBox, QFileDialog, QHBoxLayout, QLabel,
                               QLineEdit, QProgressBar, QPushButton, QVBoxLayout)

from ui.operations.demo import demo_task
from ui.operations.tasks import Task


class DemoDialog(QDialog):
    open_requested = Signal(str)   # the new data folder

    def __init__(self, parent=None):
        super().__init__(parent)
        self.setObjectName("demoDialog")
        self.setWindowTitle(self.tr("Create demo data"))
        self.task: Task | None = None
        self.outcome: dict | None = None
        self.folder = QLineEdit(str(Path(tempfile.gettempdir()) / "sva-demo"))
        self.folder.setObjectName("demoFolder")
        browse = QPushButton(self.tr("Browse…"))
        browse.clicked.connect(self._browse)
        self.progress = QProgressBar()
        self.progress.setObjectName("demoProgress")
        self.progress.setValue(0)
        self.message = QLabel(self.tr("Suppliers, sites, audits in every status, findings, "
                                      "photos and signatures — in a new, empty folder."))
        self.message.setWordWrap(True)
        self.buttons = QDialogButtonBox()
        self.create_button = self.buttons.addButton(self.tr("Create"),
                                                    QDialogButtonBox.ButtonRole.AcceptRole)
        self.cancel_button = self.buttons.addButton(self.tr("Cancel"),
                                                    QDialogButtonBox.ButtonRole.RejectRole)
        self.create_button.clicked.connect(self.start)
        self.cancel_button.clicked.connect(self.cancel)
        row = QHBoxLayout()
        row.addWidget(QLabel(self.tr("Folder:")))
        row.addWidget(self.folder, 1)
        row.addWidget(browse)
        layout = QVBoxLayout(self)
        layout.addWidget(self.message)
        layout.addLayout(row)
        layout.addWidget(self.progress)
        layout.addWidget(self.buttons)
        self.resize(520, self.sizeHint().height())

    def _browse(self) -> None:
        folder = QFileDialog.getExistingDirectory(self, self.tr("Empty folder for demo data"))
        if folder:
            self.folder.setText(folder)

    def start(self) -> None:
        if self.task is not None:
            return
        self.task = demo_task(self.folder.text().strip())
        self.task.signals.progressed.connect(self._progressed)
        self.task.signals.succeeded.connect(self._succeeded)
        self.task.signals.failed.connect(self._failed)
        self.task.signals.cancelled.connect(self._cancelled)
        self.create_button.setEnabled(False)
        self.folder.setEnabled(False)
        self.message.setText(self.tr("Creating demo data…"))
        self.task.start()

    def cancel(self) -> None:
        if self.task is None:
            self.reject()
            return
        self.task.cancel()
        self.cancel_button.setEnabled(False)
        self.message.setText(self.tr("Cancelling…"))

    def _progressed(self, done: int, total: int) -> None:
        self.progress.setMaximum(total)
        self.progress.setValue(done)

    def _finish(self, text: str) -> None:
        self.task = None
        self.message.setText(text)
        self.create_button.setEnabled(True)
        self.cancel_button.setEnabled(True)
        self.folder.setEnabled(True)

    def _succeeded(self, result: dict) -> None:
        key = result.pop("recovery_key", None)      # a new encrypted folder: shown once
        if key:
            from ui.dialogs.recovery_dialogs import RecoveryKeyDialog
            RecoveryKeyDialog(key, result["folder"], self).exec()
        self.outcome = result
        self._finish(self.tr("Created {0} suppliers and {1} audits in {2}.")
                     .format(result["suppliers"], result["audits"], result["folder"]))
        self.progress.setValue(self.progress.maximum())
        self.open_requested.emit(result["folder"])
        self.accept()

    def _failed(self, message: str) -> None:
        self._finish(self.tr("Could not create demo data: {0}").format(message))

    def _cancelled(self) -> None:
        self.progress.setValue(0)
        self._finish(self.tr("Cancelled; nothing was kept."))
