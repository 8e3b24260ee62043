"""Adding an instance of a repeated section (another production line) during the visit:
Ctrl+Shift+N or Audit > Add another …, a name typed in a small dialog, one undoable step.
The editor rebuilds its tree from the answers (AuditEditor.reload_answers), so undo and
redo of the step need nothing here."""
from __future__ import annotations

from PySide6.QtCore import QObject, Qt
from PySide6.QtWidgets import QInputDialog, QLineEdit

from sva.checklists import repeats
from ui.widgets.actions import make_action

ADD_INSTANCE_KEYS = "Ctrl+Shift+N"


class Instances(QObject):
    def __init__(self, editor):
        super().__init__(editor)
        self.editor = editor
        self.repeated = [s for s in editor.base_template.sections if s.repeat is not None]
        self.action = make_action(editor, "addInstance", self.tr("Add another instance…"),
                                  ADD_INSTANCE_KEYS, self.add, add_to=editor,
                                  context=Qt.ShortcutContext.WidgetWithChildrenShortcut)
        self.action.setVisible(bool(self.repeated))
        self.actions = [self.action]
        if self.repeated:
            editor.tree.item_selected.connect(lambda _: self.update())
        self.update()

    def section(self):
        """The repeated section of the current item, else the first repeated section."""
        item = self.editor.current_item()
        here = repeats.base_id(item.section_id) if item is not None else None
        return next((s for s in self.repeated if s.id == here),
                    self.repeated[0] if self.repeated else None)

    def noun(self, section) -> str:
        lang = self.editor.model.lang
        return section.repeat.get("ja" if lang == "ja" else "en") or section.repeat["en"]

    def update(self) -> None:
        section = self.section()
        if section is not None:
            self.action.setText(self.tr("Add another {0}…").format(self.noun(section)))

    def add(self) -> None:
        editor = self.editor
        section = self.section()
        if section is None or editor.not_started_hint():
            return
        noun = self.noun(section)
        count = sum(1 for s in editor.template.sections if repeats.base_id(s.id) == section.id)
        label, ok = QInputDialog.getText(
            editor, self.tr("Add another {0}").format(noun),
            self.tr("Name of the new {0} (as the site calls it):").format(noun),
            QLineEdit.EchoMode.Normal, f"{noun} {count + 1}")
        if not ok or not label.strip():
            return
        done = editor.perform_edit(self.tr("Add {0}").format(label.strip()),
                                   editor.ws.audits.add_instance, editor.audit_id,
                                   section.id, label)
        if done is not None:
            first = f"{section.items[0].id}{repeats.SEP}{count + 1}"
            if first in editor.template.items:
                editor.select_item(first)
