"""Repeated sections in the editor: Ctrl+Shift+N adds another production line, the tree shows
it as a section of its own, its items are answered by key, and undo takes it back."""
from __future__ import annotations

import pytest
from PySide6.QtCore import Qt, QTimer
from PySide6.QtWidgets import QApplication, QInputDialog

from tests.checklists.mini import install_mini, with_lines


def section_titles(editor) -> list[str]:
    proxy = editor.proxy
    return [proxy.index(row, 0).data().split("\n")[0] for row in range(proxy.rowCount())]


def name_the_instance(qtbot, text: str) -> None:
    """Type the name into the dialog the shortcut opens, then press Enter, as a user does."""
    def answer():
        dialog = next(w for w in QApplication.topLevelWidgets()
                      if isinstance(w, QInputDialog) and w.isVisible())
        dialog.setTextValue(text)
        qtbot.keyClick(dialog, Qt.Key.Key_Return)
    QTimer.singleShot(200, answer)


@pytest.fixture
def editor(open_editor, ws, supplier):
    audit = install_mini(ws, supplier, with_lines())
    editor = open_editor(audit)
    editor.select_item("GUARD")
    editor.tree.setFocus()
    return editor


def test_ctrl_shift_n_adds_a_line_answered_on_its_own(qtbot, editor, ws):
    assert section_titles(editor)[-1] == "Production line"
    assert editor.instances.action.text() == "Add another Line…"
    name_the_instance(qtbot, "Paint line")
    qtbot.keyClick(editor.tree, Qt.Key.Key_N,
                   Qt.KeyboardModifier.ControlModifier | Qt.KeyboardModifier.ShiftModifier)
    qtbot.waitUntil(lambda: "GUARD#2" in editor.template.items)
    assert section_titles(editor)[-2:] == ["Production line – Line 1",
                                           "Production line – Paint line"]
    assert editor.tree.current_item_id() == "GUARD#2"
    # The offscreen platform does not hand activation back after a modal dialog (a desktop
    # does); the focus inside the editor is what this checks.
    editor.activateWindow()
    qtbot.waitUntil(editor.isActiveWindow)
    assert QApplication.focusWidget() is editor.tree          # the keys go on in the tree
    qtbot.keyClick(editor.tree, Qt.Key.Key_2)                 # nonconformity on this line only
    answers = ws.audits.answers(editor.audit_id)
    assert answers["GUARD#2"]["result"] == "nonconformity" and "GUARD" not in answers
    assert "[Paint line]" in editor.panel.item.question["en"]


def test_undo_takes_the_line_back(qtbot, editor, ws):
    name_the_instance(qtbot, "Line B")
    editor.instances.action.trigger()
    qtbot.waitUntil(lambda: "GUARD#2" in editor.template.items)
    editor.undo()
    assert "GUARD#2" not in editor.template.items
    assert section_titles(editor)[-1] == "Production line"


def test_a_checklist_without_repeated_sections_offers_no_instance(open_editor, ws, supplier):
    editor = open_editor(install_mini(ws, supplier))
    assert not editor.instances.action.isVisible()
    editor.instances.action.trigger()                         # even if triggered: nothing
    assert len(editor.template.sections) == 3
