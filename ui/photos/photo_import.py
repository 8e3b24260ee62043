"""Adding photos from the UI: files, dropped or pasted images, camera shots.

The import runs in a worker (ui/operations/photo.py) behind a progress dialog with Cancel;
the window stays usable. It is one operation of the core: one undo step however many photos
it added (and whichever photos it moved to the item or finding), broadcast by the workspace
hub when it ends; refused files are listed with their reasons. A cancelled import keeps
nothing.
"""
from __future__ import annotations

from pathlib import Path

from PySide6.QtCore import QObject, Qt, Signal
from PySide6.QtGui import QImage
from PySide6.QtWidgets import QFileDialog, QMessageBox, QProgressDialog

from sva.photos import AddResult
from ui.core_messages import message_of
from ui.operations.photo import add_bytes_task, add_files_task
from ui.operations.tasks import Task

IMAGE_SUFFIXES = (".jpg", ".jpeg", ".png", ".heic", ".heif")


def is_image_file(path: str) -> bool:
    return Path(path).suffix.lower() in IMAGE_SUFFIXES


def ask_reason(editor):
    """(go on?, reason): a signed audit asks the editor for its amendment reason once."""
    reason = editor.edit_reason()
    if reason is not None and not isinstance(reason, str):
        return False, None
    return True, reason


class PhotoImport(QObject):
    """One import at a time for one editor; `task_started` lets tests and views follow it."""

    task_started = Signal(object)      # the Task, before it runs
    finished = Signal(object)          # AddResult, or None when cancelled / failed

    def __init__(self, editor):
        super().__init__(editor)
        self.editor = editor
        self.task: Task | None = None
        self.progress: QProgressDialog | None = None
        self.message: QMessageBox | None = None

    @property
    def busy(self) -> bool:
        return self.task is not None

    # -- entry points -------------------------------------------------------------------------
    def choose_files(self, *, item_id=None, finding_id=None, parent=None) -> None:
        paths, _ = QFileDialog.getOpenFileNames(
            parent or self.editor, self.tr("Add photos"), "",
            self.tr("Photos (*.jpg *.jpeg *.png *.heic *.heif *.JPG *.JPEG *.PNG *.HEIC);;"
                    "All files (*)"))
        if paths:
            self.add_files(paths, item_id=item_id, finding_id=finding_id)

    def add_files(self, paths: list[str], *, item_id=None, finding_id=None) -> Task | None:
        return self._start(lambda reason, label: add_files_task(
            self.editor.ws, self.editor.audit_id, list(paths), item_id=item_id,
            finding_id=finding_id, reason=reason, label=label, label_of=self._label_of),
            len(paths))

    def add_images(self, images: list[tuple[str, bytes | QImage]], *, item_id=None,
                   finding_id=None) -> Task | None:
        return self._start(lambda reason, label: add_bytes_task(
            self.editor.ws, self.editor.audit_id, images, item_id=item_id,
            finding_id=finding_id, reason=reason, label=label, label_of=self._label_of),
            len(images))

    def _label_of(self, result: AddResult) -> str:
        """The undo text of an import, from what it did (called in the worker)."""
        new, linked = result.new_ids, [r for r in result.reused if r.changed]
        return (self.tr("Add {0} photo(s)").format(len(new)) if new or not linked else
                self.tr("Link {0} photo(s)").format(len(linked)))

    # -- running ------------------------------------------------------------------------------
    def _start(self, make_task, count: int) -> Task | None:
        if self.busy or count == 0:
            return None
        go, reason = ask_reason(self.editor)
        if not go:
            return None
        task = make_task(reason, self.tr("Add {0} photo(s)").format(count))
        self.task = task
        self.editor.hub.follow(task, initiator=self.editor)
        task.signals.progressed.connect(self._progressed)
        task.signals.succeeded.connect(self._succeeded)
        task.signals.failed.connect(self._failed)
        task.signals.cancelled.connect(self._cancelled)
        self.progress = QProgressDialog(self.tr("Adding {0} photo(s)…").format(count),
                                        self.tr("Cancel"), 0, count, self.editor.window())
        self.progress.setObjectName("photoImportProgress")
        self.progress.setWindowTitle(self.tr("Adding photos"))
        self.progress.setWindowModality(Qt.WindowModality.NonModal)
        self.progress.setMinimumDuration(300)
        self.progress.setAutoClose(False)
        self.progress.setAutoReset(False)
        self.progress.canceled.connect(self.cancel)
        self.task_started.emit(task)
        task.start()
        return task

    def cancel(self) -> None:
        if self.task is not None:
            self.task.cancel()
            if self.progress is not None:
                self.progress.setLabelText(self.tr("Cancelling…"))

    def _progressed(self, done: int, total: int) -> None:
        if self.progress is not None:
            self.progress.setMaximum(max(total, 1))
            self.progress.setValue(done)

    def _end(self) -> None:
        self.task = None
        if self.progress is not None:
            self.progress.canceled.disconnect(self.cancel)
            self.progress.close()
            self.progress.deleteLater()
            self.progress = None

    def _succeeded(self, result: AddResult) -> None:
        self._end()
        if result.refused or result.reused or result.warnings:
            self._tell(*self._summary(result))
        self.finished.emit(result)

    def _summary(self, result: AddResult) -> tuple[str, str, str, QMessageBox.Icon]:
        """Title, text, details and icon saying truthfully what the import did."""
        new, reused = len(result.new_ids), len(result.reused)
        lines = [self._reused_line(r) for r in result.reused]
        lines += [message_of(p) for p in result.refused]
        lines += [message_of(w) for w in result.warnings]
        if result.refused:
            title = self.tr("Some files were not added")
            text = self.tr("{0} added; {1} refused:").format(new, len(result.refused))
            if reused:
                text = self.tr("{0} added, {1} already in the audit; {2} refused:").format(
                    new, reused, len(result.refused))
            return title, text, "\n".join(lines), QMessageBox.Icon.Warning
        if result.warnings:
            title = self.tr("Photos added with a warning")
            text = self.tr("{0} added; {1} with a warning:").format(new, len(result.warnings))
            return title, text, "\n".join(lines), QMessageBox.Icon.Warning
        title = self.tr("Photos already in the audit")
        text = self.tr("{0} added; {1} already in the audit:").format(new, reused)
        return title, text, "\n".join(lines), QMessageBox.Icon.Information

    def _reused_line(self, reused) -> str:
        name = Path(reused.file).name
        if reused.restored:
            return self.tr("{0}: had been deleted from the audit — restored here").format(name)
        if reused.moved_from:
            return self.tr("{0}: already in the audit — moved here from another finding"
                           ).format(name)
        if reused.linked_finding:
            return self.tr("{0}: already in the audit — linked to the finding").format(name)
        if reused.changed:
            return self.tr("{0}: already in the audit — moved to this item").format(name)
        return self.tr("{0}: already here — nothing changed").format(name)

    def _failed(self, message: str) -> None:
        self._end()
        self._tell(self.tr("Photos not added"), self.tr("Nothing was added."), message,
                   QMessageBox.Icon.Warning)
        self.finished.emit(None)

    def _cancelled(self) -> None:
        self._end()
        self.finished.emit(None)

    def _tell(self, title: str, text: str, details: str, icon: QMessageBox.Icon) -> None:
        box = QMessageBox(icon, title, text, QMessageBox.StandardButton.Ok,
                          self.editor.window())
        box.setObjectName("photoImportMessage")
        box.setInformativeText(details)
        self.message = box
        box.open()
