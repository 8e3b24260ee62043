"""The site profile of the open audit (issue 21): Ctrl+Shift+P or Audit > Site profile…
opens a small dialog; saving is one undoable step (SiteProfiles.set_profile), an amendment
with a reason on a signed audit."""
from __future__ import annotations

from PySide6.QtCore import QObject, Qt

from ui.dialogs.site_profile_dialog import SiteProfileDialog
from ui.widgets.actions import make_action

SITE_PROFILE_KEYS = "Ctrl+Shift+P"


class SiteProfileUi(QObject):
    def __init__(self, editor):
        super().__init__(editor)
        self.editor = editor
        self.dialog: SiteProfileDialog | None = None
        self.action = make_action(editor, "siteProfile", self.tr("Site profile…"),
                                  SITE_PROFILE_KEYS, self.open, add_to=editor,
                                  context=Qt.ShortcutContext.WidgetWithChildrenShortcut)
        self.actions = [self.action]

    def _visit_span(self, audit: dict) -> str:
        """The visit's site times when the report takes the duration from them."""
        from sva.reports.site_profile_text import visit_span
        site = self.editor.ws.audits.get("sites", audit["site_id"], include_deleted=True)
        span = visit_span(audit, site["timezone"])
        return "" if span is None else f"{span[1]}–{span[2]}"

    def open(self) -> None:
        from ui.editor.audit_editor import _CANCELLED
        editor = self.editor
        if editor.is_locked() and editor.edit_reason() is _CANCELLED:
            return                   # a signed audit: the amendment reason first, as findings
        audit = editor.ws.audits.audit(editor.audit_id)
        dialog = SiteProfileDialog(audit=audit, profile=editor.ws.profiles.profile(
            editor.audit_id), visit_span=self._visit_span(audit), parent=editor)
        self.dialog = dialog
        dialog.accepted.connect(lambda: editor.perform_edit(
            self.tr("Site profile"), editor.ws.profiles.set_profile, editor.audit_id,
            **dialog.values()))
        dialog.finished.connect(lambda _: self._closed(dialog))
        dialog.open()

    def _closed(self, dialog) -> None:
        if self.dialog is dialog:
            self.dialog = None
        dialog.deleteLater()
        self.editor.tree.setFocus()
