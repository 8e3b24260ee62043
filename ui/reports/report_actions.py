"""Report actions on the open audit: improvement guidance (EN, JA, EN+JA), the full record,
CAP workbook export and import.

Every build runs in a worker behind a progress dialog with Cancel (the UI never waits);
a PDF opens in the preview when done, a CAP workbook shows where it was written, and a
refused CAP workbook shows every problem with its sheet, row and column. A CAP import is
one operation of the core (one undo step); the workspace hub broadcasts what it changed.
"""
from __future__ import annotations

from pathlib import Path

from PySide6.QtCore import QObject, Qt, Signal
from PySide6.QtGui import QAction
from PySide6.QtWidgets import QFileDialog, QMessageBox, QProgressDialog

from ui.operations.report import (CapImportOutcome, build_task, cap_import_task, default_name,
                                  exports_folder)
from ui.operations.tasks import Task
from ui.reports.cap_problems import CapProblemsDialog
from ui.reports.preview import ReportPreview
from ui.settings import auditor_contact
from ui.widgets.actions import make_action


class ReportActions(QObject):
    built = Signal(object)           # Path of a written report
    imported = Signal(object)        # CapImportOutcome

    def __init__(self, editor):
        super().__init__(editor)
        self.editor = editor
        self.task: Task | None = None
        self.progress: QProgressDialog | None = None
        self.preview: ReportPreview | None = None
        self.problems: CapProblemsDialog | None = None
        self.message: QMessageBox | None = None

        def action(name: str, text: str, keys: str, slot) -> QAction:
            return make_action(editor, name, text, keys, slot, add_to=editor,
                               context=Qt.ShortcutContext.WidgetWithChildrenShortcut)

        self.guidance_actions = {
            "en": action("guidanceEnAction", self.tr("Improvement guidance (&English)"),
                         "Ctrl+Shift+E", lambda: self.build("guidance", "en")),
            "ja": action("guidanceJaAction", self.tr("Improvement guidance (&Japanese)"),
                         "Ctrl+Shift+J", lambda: self.build("guidance", "ja")),
            "en+ja": action("guidanceBothAction",
                            self.tr("Improvement guidance (English + Japanese)"),
                            "Ctrl+Shift+B", lambda: self.build("guidance", "en+ja")),
        }
        self.record_action = action("recordAction", self.tr("Full audit &record"),
                                    "Ctrl+Shift+R", lambda: self.build("record", "en"))
        self.cap_export_action = action("capExportAction", self.tr("E&xport CAP workbook…"),
                                        "Ctrl+Shift+X", self.export_cap)
        self.cap_import_action = action("capImportAction", self.tr("&Import CAP workbook…"),
                                        "Ctrl+Shift+I", lambda: self.import_cap())
        self.actions = [*self.guidance_actions.values(), self.record_action, None,
                        self.cap_export_action, self.cap_import_action]

    @property
    def busy(self) -> bool:
        return self.task is not None

    # -- building -----------------------------------------------------------------------------
    def build(self, kind: str, lang: str, path: str | Path | None = None) -> Task | None:
        """Build into the data folder's exports/ (or `path`); a PDF opens in the preview."""
        ws, audit_id = self.editor.ws, self.editor.audit_id
        self.editor.flush()
        target = Path(path) if path else exports_folder(ws) / default_name(ws, audit_id, kind, lang)
        label = {"guidance": self.tr("Building the improvement-guidance report…"),
                 "record": self.tr("Building the full audit record…"),
                 "cap": self.tr("Writing the CAP workbook…")}[kind]
        contact = auditor_contact(self.editor.settings)
        return self._run(build_task(ws, audit_id, kind, lang, target, auditor_contact=contact),
                         label,
                         lambda out: self._built(kind, out))

    def export_cap(self) -> None:
        ws, audit_id = self.editor.ws, self.editor.audit_id
        suggested = str(exports_folder(ws) / default_name(ws, audit_id, "cap", "en"))
        path, _ = QFileDialog.getSaveFileName(self.editor.window(),
                                              self.tr("Export CAP workbook"), suggested,
                                              self.tr("Excel workbook (*.xlsx)"))
        if path:
            if not path.lower().endswith(".xlsx"):
                path += ".xlsx"
            lang = self.editor.model.lang
            self.build("cap", {"both": "en+ja"}.get(lang, lang), path)

    def import_cap(self, path: str | None = None) -> Task | None:
        if path is None:
            path, _ = QFileDialog.getOpenFileName(
                self.editor.window(), self.tr("Import CAP workbook"),
                str(exports_folder(self.editor.ws)), self.tr("Excel workbook (*.xlsx)"))
        if not path:
            return None
        task = cap_import_task(self.editor.ws, path, audit_id=self.editor.audit_id,
                               label=self.tr("Import CAP workbook"))
        if self.busy:
            return None
        self.editor.hub.follow(task, initiator=self.editor)
        return self._run(task, self.tr("Checking the CAP workbook…"), self._imported)

    def _run(self, task: Task, label: str, done) -> Task | None:
        if self.busy:
            return None
        self.task = task
        task.signals.progressed.connect(self._progressed)
        task.signals.succeeded.connect(lambda result: (self._end(), done(result)))
        task.signals.failed.connect(self._failed)
        task.signals.cancelled.connect(self._end)
        self.progress = QProgressDialog(label, self.tr("Cancel"), 0, 0, self.editor.window())
        self.progress.setObjectName("reportProgress")
        self.progress.setWindowTitle(self.tr("Reports"))
        self.progress.setWindowModality(Qt.WindowModality.NonModal)
        self.progress.setMinimumDuration(300)
        self.progress.setAutoClose(False)
        self.progress.setAutoReset(False)
        self.progress.canceled.connect(task.cancel)
        task.start()
        return task

    def _progressed(self, done: int, total: int) -> None:
        if self.progress is not None and total:
            self.progress.setMaximum(total)
            self.progress.setValue(done)

    def _end(self) -> None:
        self.task = None
        if self.progress is not None:
            self.progress.close()
            self.progress.deleteLater()
            self.progress = None

    def _failed(self, message: str) -> None:
        self._end()
        self.message = QMessageBox(QMessageBox.Icon.Warning, self.tr("Report not made"),
                                   message, QMessageBox.StandardButton.Ok,
                                   self.editor.window())
        self.message.setObjectName("reportError")
        self.message.open()

    def _built(self, kind: str, path: Path) -> None:
        self.built.emit(path)
        if kind == "cap":
            self.message = QMessageBox(
                QMessageBox.Icon.Information, self.tr("CAP workbook"),
                self.tr("The CAP workbook was written to {0}.\nSend it to the supplier with "
                        "the improvement-guidance report.").format(path),
                QMessageBox.StandardButton.Ok, self.editor.window())
            self.message.setObjectName("capExported")
            self.message.open()
            return
        if self.preview is not None:
            self.preview.close()
        self.preview = ReportPreview(path, parent=self.editor.window())
        self.preview.setAttribute(Qt.WidgetAttribute.WA_DeleteOnClose)
        self.preview.destroyed.connect(lambda *_: setattr(self, "preview", None))
        self.preview.show()

    def _imported(self, outcome: CapImportOutcome) -> None:
        self.imported.emit(outcome)
        if outcome.problems:
            self.problems = CapProblemsDialog(outcome, parent=self.editor.window())
            self.problems.open()
            return
        result = outcome.result
        if result.updated or result.submitted:
            text = self.tr("Updated findings: {0}\nCAP submitted for: {1}\nUnchanged: {2}").format(
                ", ".join(result.updated) or "—", ", ".join(result.submitted) or "—",
                result.unchanged)
        else:
            text = self.tr("Nothing to change: the workbook matches the audit.")
        self.message = QMessageBox(QMessageBox.Icon.Information,
                                   self.tr("CAP workbook imported"), text,
                                   QMessageBox.StandardButton.Ok, self.editor.window())
        self.message.setObjectName("capImported")
        self.message.open()
