"""A visit's life cycle from the editor: start (with its confirmed date), complete (or
settle what blocks it), sign (both signatures as one operation), amend. Each is an operation
of the core like any edit (Ctrl+Z takes back a signing done by mistake, both signatures at
once) and has a button, a shortcut and an entry in the Audit menu."""
from __future__ import annotations

from typing import TYPE_CHECKING

from PySide6.QtCore import QCoreApplication, QObject, Qt
from PySide6.QtGui import QAction, QKeySequence

from sva.vocabulary import LOCKED_STATUSES, UNDER_WAY_STATUSES
from ui.dialogs import reason_dialog
from ui.dialogs.complete_dialog import CompletionDialog
from ui.dialogs.sign_dialog import SignDialog
from ui.dialogs.start_visit_dialog import StartVisitDialog
from ui.editor.checklist_model import short_id, text_in
from ui.settings import AUDITOR_NAME, ORGANISATION
from ui.vocabulary import site_name, supplier_name
from ui.widgets.actions import make_action

if TYPE_CHECKING:  # pragma: no cover
    from ui.editor.audit_editor import AuditEditor

# Free in the editor and the main window (Ctrl+Shift+B/C/E/J/R/X/I are reports and photos,
# Ctrl+Shift+L/S/K/U sync).
START_KEYS = "Ctrl+Shift+T"
COMPLETE_KEYS = "Ctrl+Shift+D"
SIGN_KEYS = "Ctrl+Shift+G"
AMEND_KEYS = "Ctrl+Shift+A"


def _tr(text: str) -> str:
    return QCoreApplication.translate("", text)  # the context lupdate gives `_tr` calls


def key_text(keys: str) -> str:
    return QKeySequence(keys).toString(QKeySequence.SequenceFormat.NativeText)


class Lifecycle(QObject):
    def __init__(self, editor: AuditEditor):
        super().__init__(editor)
        self.editor = editor
        self.start_dialog: StartVisitDialog | None = None
        self.completion_dialog: CompletionDialog | None = None
        self.reason_dialog: reason_dialog.ReasonDialog | None = None
        self.sign_dialog: SignDialog | None = None

        def action(name: str, text: str, keys: str, slot) -> QAction:
            return make_action(editor, name, text, keys, slot, add_to=editor,
                               context=Qt.ShortcutContext.WidgetWithChildrenShortcut)

        self.start_action = action("startVisitAction", _tr("&Start visit…"), START_KEYS,
                                   self.start_visit)
        self.complete_action = action("completeAction", _tr("&Complete…"), COMPLETE_KEYS,
                                      self.complete)
        self.sign_action = action("signAction", _tr("Si&gn…"), SIGN_KEYS, self.sign)
        self.amend_action = action("amendAction", _tr("&Amend…"), AMEND_KEYS, self.amend)
        self.actions = [self.start_action, self.complete_action, self.sign_action,
                        self.amend_action]
        header = editor.header
        for button, act in ((header.start_button, self.start_action),
                            (header.complete_button, self.complete_action),
                            (header.sign_button, self.sign_action),
                            (header.amend_button, self.amend_action)):
            button.setToolTip(f"{act.text().replace('&', '')} "
                              f"({key_text(act.shortcut().toString())})")
            button.clicked.connect(act.trigger)

    @property
    def ws(self):
        return self.editor.ws

    def update_actions(self) -> None:
        """Which steps the audit's status allows (the menu shows the others disabled)."""
        status = self.editor.audit["status"]
        self.start_action.setEnabled(status == "planned")
        self.complete_action.setEnabled(status == "in_progress")
        self.sign_action.setEnabled(status in UNDER_WAY_STATUSES)
        self.amend_action.setEnabled(status in LOCKED_STATUSES)

    @staticmethod
    def not_started_text() -> str:
        return _tr("This visit has not started, so nothing is recorded yet. Start it with "
                   "“Start visit” ({0}) and confirm the visit date.").format(key_text(START_KEYS))

    # -- start ----------------------------------------------------------------------------
    def start_visit(self) -> None:
        """Ask to confirm the visit date (today at the site by default), then start."""
        editor = self.editor
        if editor.audit["status"] != "planned":
            return
        editor.panel.flush_note()
        info = self.ws.queries.audit(editor.audit_id)
        summary = _tr("Start the visit to <b>{0} {1}</b> — {2}?").format(
            info["supplier_code"], supplier_name(info["supplier_name_en"],
                                                 info.get("supplier_name_ja")),
            site_name(info))
        dialog = StartVisitDialog(summary=summary, site_today=self.ws.audits.site_today(
            editor.audit), zone=info["site_timezone"], planned_date=info["planned_date"],
            parent=editor)
        dialog.accepted.connect(lambda: self._start(dialog.visit_date()))
        dialog.finished.connect(lambda _: editor.tree.setFocus())
        self.start_dialog = dialog
        dialog.open()

    def _start(self, visit_date: str) -> None:
        if self.editor.perform(_tr("Start the visit"), self.ws.audits.start,
                               self.editor.audit_id, visit_date):
            self.editor.panel.set_notice("")

    # -- complete -------------------------------------------------------------------------
    def complete(self) -> bool:
        """Complete the audit, or list what blocks it, each with its way out."""
        editor = self.editor
        editor.panel.flush_note()
        status = editor.audit["status"]
        if status == "planned":
            editor.not_started_hint()
            return False
        if status != "in_progress":
            return status == "completed"
        problems = self.ws.audits.completion_problems(editor.audit_id)
        if problems:
            dialog = CompletionDialog(problems, editor.template.items, lang=editor.model.lang,
                                      parent=editor)
            dialog.jump_requested.connect(editor.select_item)
            dialog.finding_requested.connect(self._finding_for)
            dialog.reason_requested.connect(self._ask_reason)
            dialog.complete_requested.connect(self.complete)
            dialog.finished.connect(lambda _: editor.tree.setFocus())
            self.completion_dialog = dialog
            dialog.open()
            return False
        return editor.perform(_tr("Complete the audit"), self.ws.audits.complete,
                              editor.audit_id) is not None

    def _finding_for(self, item_id: str) -> None:
        """From the completion list: a new finding prefilled from the item."""
        if self.completion_dialog is not None:
            self.completion_dialog.accept()
        self.editor.select_item(item_id)
        self.editor.new_finding()

    def _ask_reason(self, item_id: str) -> None:
        editor = self.editor
        item = editor.template.items[item_id]
        answer = self.ws.audits.answers(editor.audit_id).get(item_id) or {}
        dialog = reason_dialog.no_finding_dialog(
            f"{short_id(item.id)}  {text_in(item.question, editor.model.lang)}",
            answer.get("no_finding_reason") or "", parent=self.completion_dialog or editor)
        dialog.accepted.connect(lambda: self._save_reason(item_id, dialog.reason()))
        self.reason_dialog = dialog
        dialog.open()

    def _save_reason(self, item_id: str, why: str) -> None:
        editor = self.editor
        editor.perform_edit(editor.tr("No finding needed for {0}").format(short_id(item_id)),
                            self.ws.audits.explain_no_finding, editor.audit_id, item_id, why)
        if self.completion_dialog is not None and self.completion_dialog.isVisible():
            self.completion_dialog.set_problems(
                self.ws.audits.completion_problems(editor.audit_id))
            self.completion_dialog.list.setFocus()

    # -- sign -----------------------------------------------------------------------------
    def sign(self) -> None:
        editor = self.editor
        if editor.audit["status"] != "completed" and not self.complete():
            return
        info = self.ws.queries.audit(editor.audit_id)
        auditor_name = AUDITOR_NAME.get(editor.settings) or (info["auditors"] or [""])[0]
        name = supplier_name(info["supplier_name_en"], info.get("supplier_name_ja"))
        summary = _tr("<b>{0} {1}</b> — {2}, visit {3}").format(
            info["supplier_code"], name, site_name(info),
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
        """Both signatures in one operation: stored together or not at all."""
        self.editor.amend_reason = None
        self.editor.perform(_tr("Sign the audit"), self.ws.audits.sign_all,
                            self.editor.audit_id, signatures)

    # -- amend ----------------------------------------------------------------------------
    def amend(self) -> None:
        if self.editor.audit["status"] not in LOCKED_STATUSES:
            return
        reason = reason_dialog.ask_amendment_reason(self.editor)
        if reason:
            self.editor.start_amendment(reason)
