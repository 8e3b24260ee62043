"""File ▸ Restore…: a backup file back into the data folder. The file is decrypted and
checked in the background (nothing is touched meanwhile, Cancel any time); a folder that is
not empty is put aside after the user confirms; the window then reopens the restored
folder (`swap`, given by the main window)."""
from __future__ import annotations

from collections.abc import Callable
from pathlib import Path

from PySide6.QtWidgets import (QDialog, QDialogButtonBox, QFileDialog, QFormLayout, QHBoxLayout,
                               QLabel, QLineEdit, QMessageBox, QProgressBar, QPushButton,
                               QVBoxLayout)

from sva.backup.folder import is_empty
from sva.errors import SvaError
from ui.dialogs.task_dialog import RunsTask
from ui.core_messages import message_of
from ui.dialogs.backup_dialog import password_field
from ui.operations.backup import backup_pool, describe, discard_staging, stage_task
from ui.operations.tasks import Task
from ui.sync.common import MessageLine


class RestoreDialog(RunsTask, QDialog):
    def __init__(self, folder: Path, swap: Callable[[str], Path | None], parent=None):
        super().__init__(parent)
        self.setObjectName("restoreDialog")
        self.setWindowTitle(self.tr("Restore"))
        self.folder = Path(folder)
        self.swap = swap
        self.task: Task | None = None
        self.confirm_box: QMessageBox | None = None
        self.aside: Path | None = None
        self.file = QLineEdit()
        self.file.setObjectName("restoreFile")
        self.file.editingFinished.connect(self._describe)
        browse = QPushButton(self.tr("Browse…"))
        browse.clicked.connect(self._browse)
        self.about = QLabel()
        self.about.setObjectName("restoreAbout")
        self.about.setWordWrap(True)
        self.passphrase = password_field("restorePassphrase")
        self.progress = QProgressBar()
        self.progress.setObjectName("restoreProgress")
        self.progress.setValue(0)
        self.message = MessageLine()
        self.message.set("info", self.tr(
            "The backup is checked completely before anything changes. The data folder {0} "
            "is replaced by it; if it holds anything, it is kept aside under a new name.")
            .format(self.folder))
        self.message.setObjectName("restoreMessage")
        self.buttons = QDialogButtonBox()
        self.start_button = self.buttons.addButton(self.tr("Restore"),
                                                   QDialogButtonBox.ButtonRole.AcceptRole)
        self.cancel_button = self.buttons.addButton(self.tr("Cancel"),
                                                    QDialogButtonBox.ButtonRole.RejectRole)
        self.start_button.clicked.connect(self.start)
        self.cancel_button.clicked.connect(self.cancel)
        row = QHBoxLayout()
        row.addWidget(self.file, 1)
        row.addWidget(browse)
        form = QFormLayout()
        form.addRow(self.tr("&Backup file:"), row)
        form.addRow("", self.about)
        form.addRow(self.tr("&Passphrase:"), self.passphrase)
        layout = QVBoxLayout(self)
        layout.addWidget(self.message)
        layout.addLayout(form)
        layout.addWidget(self.progress)
        layout.addWidget(self.buttons)
        self.resize(560, self.sizeHint().height())

    def _browse(self) -> None:
        path, _ = QFileDialog.getOpenFileName(self, self.tr("Backup to restore"),
                                              str(Path.home()),
                                              self.tr("SVA backups (*.svab);;All files (*)"))
        if path:
            self.file.setText(path)
            self._describe()

    def _describe(self) -> bool:
        path = self.file.text().strip()
        if not path:
            self.about.clear()
            return False
        try:
            header = describe(path)
        except SvaError as exc:
            self.about.setText(message_of(exc))
            return False
        counts = header.get("counts", {})
        self.about.setText(self.tr("Backup of {0}: {1} audits, {2} photos.").format(
            header.get("created", "?"), counts.get("audits", 0), counts.get("photos", 0)))
        return True

    def start(self) -> None:
        if self.task is not None or self.confirm_box is not None:
            return
        if not self._describe():
            self._say(self.tr("Choose a backup file made by SVA."), "warning")
            return
        if not self.passphrase.text():
            self._say(self.tr("Type the backup's passphrase."), "warning")
            self.passphrase.setFocus()
            return
        if is_empty(self.folder):
            self._run()
            return
        box = QMessageBox(QMessageBox.Icon.Question, self.tr("Replace the data folder?"),
                          self.tr("The data folder {0} is not empty. Restoring keeps it aside "
                                  "under a new name (said when done) and puts the backup in "
                                  "its place. Open audits are closed.").format(self.folder),
                          QMessageBox.StandardButton.Yes | QMessageBox.StandardButton.No,
                          self)
        box.setObjectName("restoreConfirm")
        box.setDefaultButton(QMessageBox.StandardButton.No)
        box.finished.connect(self._confirmed)
        self.confirm_box = box
        box.open()

    def _confirmed(self, answer: int) -> None:
        self.confirm_box = None
        if answer == QMessageBox.StandardButton.Yes:
            self._run()
        else:
            self._say(self.tr("Nothing was changed."))

    def _run(self) -> None:
        secret = self.passphrase.text()
        self.passphrase.clear()
        self.task = stage_task(self.file.text().strip(), self.folder, secret)
        self.task.signals.progressed.connect(self._progressed)
        self.task.signals.succeeded.connect(self._staged)
        self.task.signals.failed.connect(self._failed)
        self.task.signals.cancelled.connect(self._cancelled)
        self._started(self.tr("Checking the backup…"))
        self.task.start(backup_pool())

    def inputs(self) -> tuple:
        return (self.start_button, self.file, self.passphrase)

    def _staged(self, result: dict) -> None:
        staging = result["staging"]
        try:
            self.aside = self.swap(staging)
        except (SvaError, OSError) as exc:
            discard_staging(staging)
            self._finish(self.tr("Nothing was restored: {0}").format(message_of(exc)), "error")
            return
        done = self.tr("Restored the backup of {0}: {1} audits, {2} photos.").format(
            result.get("created", "?"), result.get("audits", 0), result.get("photos", 0))
        if self.aside is not None:
            done += " " + self.tr("The folder as it was is kept in {0}.").format(self.aside)
        self._finish(done)
        self.progress.setValue(self.progress.maximum())
        self.start_button.setEnabled(False)
        self.cancel_button.setText(self.tr("Close"))

    def _failed(self, message: str) -> None:
        self._finish(self.tr("Nothing was restored: {0}").format(message), "error")

    def _cancelled(self) -> None:
        self.progress.setValue(0)
        self._finish(self.tr("Cancelled; nothing was changed."))
