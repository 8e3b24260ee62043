"""A visit's life cycle from the editor: start, complete (or show what is missing), sign,
amend. Not undoable: these are the points the audit log and signatures hang on."""
from __future__ import annotations

from typing import TYPE_CHECKING

from PySide6.QtCore import QCoreApplication, QObject

from sva.domain.base import Changes
from sva.errors import SvaError
from ui.dialogs import reason_dialog
from ui.dialogs.complete_dialog import MissingItemsDialog
from ui.dialogs.sign_dialog import SignDialog
from ui.settings import AUDITOR_NAME, ORGANISATION
from ui.vocabulary import supplier_name

if TYPE_CHECKING:  # pragma: no cover
    from ui.editor.audit_editor import AuditEditor


def _tr(text: str) -> str:
    return QCoreApplication.translate("", text)  # the context lupdate gives `_tr` calls


class Lifecycle(QObject):
    def __init__(self, editor: "AuditEditor"):
        super().__init__(editor)
        self.editor = editor
        self.missing_dialog: MissingItemsDialog | None = None
        self.sign_dialog: SignDialog | None = None

    @property
    def ws(self):
        return self.editor.ws

    def _done(self, action: str) -> None:
        self.editor.reload()
        self.editor.changed.emit(Changes("audit", (self.editor.audit_id,),
                                         self.editor.audit_id, action))

    def start_visit(self) -> None:
        try:
            self.ws.audits.start(self.editor.audit_id)
        except SvaError as exc:
            self.editor.show_error(exc)
            return
        self._done("start")

    def complete(self) -> bool:
        """Complete the audit, or list the unanswered required items (click jumps there)."""
        editor = self.editor
        editor.panel.flush_note()
        if editor.audit["status"] not in ("planned", "in_progress"):
            return editor.audit["status"] == "completed"
        missing = self.ws.audits.missing_required(editor.audit_id)
        if missing:
            items = [editor.template.items[i] for i in missing]
            dialog = MissingItemsDialog(items, lang=editor.model.lang, parent=editor)
            dialog.jump_requested.connect(editor.select_item)
            dialog.finished.connect(lambda _: editor.tree.setFocus())
            self.missing_dialog = dialog
            dialog.open()
            return False
        try:
            self.ws.audits.complete(editor.audit_id)
        except SvaError as exc:
            editor.show_error(exc)
            return False
        editor.undo_stack.clear()
        self._done("complete")
        return True

    def sign(self) -> None:
        editor = self.editor
        if editor.audit["status"] != "completed" and not self.complete():
            return
        info = self.ws.queries.audit(editor.audit_id)
        auditor_name = AUDITOR_NAME.get(editor.settings) or (info["auditors"] or [""])[0]
        name = supplier_name(info["supplier_name_en"], info.get("supplier_name_ja"))
        summary = _tr("<b>{0} {1}</b> — {2}, visit {3}").format(
            info["supplier_code"], name, info["site_name"],
            self.ws.audits.visit_date(editor.audit))
        dialog = SignDialog(
            auditor={"name": auditor_name, "organisation": ORGANISATION.get(editor.settings)},
            supplier={"name": info.get("site_contact") or "",
                      "organisation": name},
            summary=summary, parent=editor)
        dialog.accepted.connect(lambda: self._sign(dialog.signatures()))
        self.sign_dialog = dialog
        dialog.open()

    def _sign(self, signatures: list[dict]) -> None:
        try:
            for signature in signatures:
                self.ws.audits.sign(self.editor.audit_id, **signature)
        except SvaError as exc:
            self.editor.show_error(exc)
        self.editor.undo_stack.clear()
        self.editor.amend_reason = None
        self._done("sign")

    def amend(self) -> None:
        reason = reason_dialog.ask_amendment_reason(self.editor)
        if reason:
            self.editor.amend_reason = reason
            self.editor.reload()
