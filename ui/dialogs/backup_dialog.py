"""File ▸ Back up…: the data folder into one encrypted file, with a passphrase typed twice,
progress and Cancel (the work runs off the UI thread: ui/operations/backup.py)."""
from __future__ import annotations

from datetime import date
from pathlib import Path

from PySide6.QtWidgets import (QDialog, QDialogButtonBox, QFileDialog, QFormLayout, QHBoxLayout,
                               QLineEdit, QProgressBar, QPushButton, QVBoxLayout)

from sva.backup.container import MIN_PASSPHRASE
from ui.dialogs.task_dialog import RunsTask
from ui.operations.backup import backup_pool, backup_task
from ui.operations.tasks import Task
from ui.sync.common import MessageLine


def password_field(name: str) -> QLineEdit:
    field = QLineEdit()
    field.setObjectName(name)
    field.setEchoMode(QLineEdit.EchoMode.Password)
    return field


class BackupDialog(RunsTask, QDialog):
    def __init__(self, ws, parent=None):
        super().__init__(parent)
        self.setObjectName("backupDialog")
        self.setWindowTitle(self.tr("Back up"))
        self.ws = ws
        self.task: Task | None = None
        self.outcome: dict | None = None
        self._overwrite = False
        self.file = QLineEdit(str(Path.home() / f"sva-backup-{date.today().isoformat()}.svab"))
        self.file.setObjectName("backupFile")
        self.file.textEdited.connect(self._typed)
        browse = QPushButton(self.tr("Browse…"))
        browse.clicked.connect(self._browse)
        self.passphrase = password_field("backupPassphrase")
        self.again = password_field("backupPassphraseAgain")
        self.progress = QProgressBar()
        self.progress.setObjectName("backupProgress")
        self.progress.setValue(0)
        self.message = MessageLine()
        self.message.set("info", self.tr(
            "A consistent copy of the data folder (database and photos) in one file, "
            "encrypted with a passphrase. You can go on working meanwhile. Keep the "
            "passphrase safe: without it the backup cannot be restored."))
        self.message.setObjectName("backupMessage")
        self.buttons = QDialogButtonBox()
        self.start_button = self.buttons.addButton(self.tr("Back up"),
                                                   QDialogButtonBox.ButtonRole.AcceptRole)
        self.cancel_button = self.buttons.addButton(self.tr("Cancel"),
                                                    QDialogButtonBox.ButtonRole.RejectRole)
        self.start_button.clicked.connect(self.start)
        self.cancel_button.clicked.connect(self.cancel)
        row = QHBoxLayout()
        row.addWidget(self.file, 1)
        row.addWidget(browse)
        form = QFormLayout()
        form.addRow(self.tr("&File:"), row)
        form.addRow(self.tr("&Passphrase:"), self.passphrase)
        form.addRow(self.tr("&Again:"), self.again)
        layout = QVBoxLayout(self)
        layout.addWidget(self.message)
        layout.addLayout(form)
        layout.addWidget(self.progress)
        layout.addWidget(self.buttons)
        self.resize(560, self.sizeHint().height())
        self.passphrase.setFocus()

    def _typed(self) -> None:
        self._overwrite = False            # only a file chosen in the save dialog is replaced

    def _browse(self) -> None:
        path, _ = QFileDialog.getSaveFileName(self, self.tr("Back up to"), self.file.text(),
                                              self.tr("SVA backups (*.svab)"))
        if path:
            self.file.setText(path)
            self._overwrite = True         # the save dialog asked before replacing a file

    def start(self) -> None:
        if self.task is not None:
            return
        path, secret = self.file.text().strip(), self.passphrase.text()
        if not path:
            self._say(self.tr("Choose the file to write."), "warning")
            return
        if len(secret) < MIN_PASSPHRASE:
            self._say(self.tr("The passphrase needs at least {0} characters.")
                      .format(MIN_PASSPHRASE), "warning")
            self.passphrase.setFocus()
            return
        if secret != self.again.text():
            self._say(self.tr("The two passphrases differ."), "warning")
            self.again.clear()
            self.again.setFocus()
            return
        self.passphrase.clear()
        self.again.clear()
        self.task = backup_task(self.ws, path, secret, overwrite=self._overwrite)
        self.task.signals.progressed.connect(self._progressed)
        self.task.signals.succeeded.connect(self._succeeded)
        self.task.signals.failed.connect(self._failed)
        self.task.signals.cancelled.connect(self._cancelled)
        self._started(self.tr("Backing up…"))
        self.task.start(backup_pool())

    def inputs(self) -> tuple:
        return (self.start_button, self.file, self.passphrase, self.again)

    def _succeeded(self, result: dict) -> None:
        self.outcome = result
        self._finish(self.tr("Backup written to {0}: {1} audits, {2} photos, {3} MB.")
                     .format(result["path"], result.get("audits", 0), result.get("photos", 0),
                             f"{result['size'] / 1e6:.1f}"))
        self.progress.setValue(self.progress.maximum())
        self.start_button.setEnabled(False)
        self.cancel_button.setText(self.tr("Close"))

    def _failed(self, message: str) -> None:
        self._finish(self.tr("The backup was not written: {0}").format(message), "error")

    def _cancelled(self) -> None:
        self.progress.setValue(0)
        self._finish(self.tr("Cancelled; no backup file was written."))
