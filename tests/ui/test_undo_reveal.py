"""Ctrl+Z / Ctrl+Shift+Z in the main window move the editor to what the step changed: the
checklist item whose answer or note it was, and the finding's row for finding steps."""
from __future__ import annotations

import pytest

from tests.conftest import start
from PySide6.QtCore import Qt

K = Qt.Key
CTRL = Qt.KeyboardModifier.ControlModifier
CTRL_SHIFT = CTRL | Qt.KeyboardModifier.ShiftModifier


@pytest.fixture
def editor(qtbot, ws, audit, ui_settings):
    from ui.main_window import MainWindow

    start(ws, audit)
    window = MainWindow(ws, settings=ui_settings)
    qtbot.addWidget(window)
    window.show()
    qtbot.waitExposed(window)
    window.activateWindow()
    qtbot.waitUntil(window.isActiveWindow)
    editor = window.open_audit(audit)
    editor.tree.setFocus()
    return editor


def _ids(ws, audit):
    template = ws.audits.template_of(ws.audits.audit(audit))
    return [i.id for i in template.items.values() if i.answer == "conformity"]


def _down(qtbot, editor, times):
    for _ in range(times):
        qtbot.keyClick(editor.tree, K.Key_Down)


def test_undo_and_redo_select_the_item_whose_answer_they_change(qtbot, editor, ws, audit):
    first, second = _ids(ws, audit)[:2]
    assert editor.tree.current_item_id() == first
    qtbot.keyClick(editor.tree, K.Key_1)                            # answers, moves on
    qtbot.keyClick(editor.tree, K.Key_1)
    _down(qtbot, editor, 4)
    assert editor.tree.current_item_id() not in (first, second)
    qtbot.keyClick(editor.tree, K.Key_Z, CTRL)
    assert editor.tree.current_item_id() == second
    assert editor.panel.group.checkedButton() is None               # shown undone
    qtbot.keyClick(editor.tree, K.Key_Z, CTRL)
    assert editor.tree.current_item_id() == first
    _down(qtbot, editor, 5)
    qtbot.keyClick(editor.tree, K.Key_Z, CTRL_SHIFT)
    assert editor.tree.current_item_id() == first
    assert editor.panel.group.checkedButton().property("result") == "conforms"


def test_undoing_a_note_shows_its_item_and_the_note_as_it_was(qtbot, editor, ws, audit):
    first = editor.tree.current_item_id()
    qtbot.keyClick(editor.tree, K.Key_N)
    qtbot.keyClicks(editor.panel.note, "Fire exit blocked")
    qtbot.keyClick(editor.panel.note, K.Key_Escape)                 # saved, back to the tree
    _down(qtbot, editor, 3)
    assert editor.panel.note.toPlainText() == ""
    qtbot.keyClick(editor.tree, K.Key_Z, CTRL)
    assert editor.tree.current_item_id() == first
    assert editor.panel.note.toPlainText() == ""
    assert not ws.audits.answers(audit).get(first)
    qtbot.keyClick(editor.tree, K.Key_Z, CTRL_SHIFT)
    assert editor.panel.note.toPlainText() == "Fire exit blocked"


def test_finding_steps_show_the_item_and_the_finding(qtbot, editor, ws, audit):
    ids = _ids(ws, audit)
    item = ws.audits.template_of(ws.audits.audit(audit)).items[ids[2]]
    editor.select_item(item.id)
    editor._add_finding(item, {"severity": "minor", "observed": "Exit blocked"})
    [finding] = ws.findings.of_audit(audit)
    editor.select_item(ids[6])
    editor.tree.setFocus()
    qtbot.keyClick(editor.tree, K.Key_Z, CTRL)                      # the finding goes
    assert ws.findings.of_audit(audit) == []
    assert editor.tree.current_item_id() == item.id
    editor.select_item(ids[6])
    qtbot.keyClick(editor.tree, K.Key_Z, CTRL_SHIFT)                # and comes back: shown
    assert editor.tree.current_item_id() == item.id
    assert editor.findings.current_id() == finding["id"]

    editor._edit_finding(finding["id"], {"severity": "significant"})
    editor.select_item(ids[6])
    editor.findings.table.clearSelection()
    editor.findings.table.setCurrentIndex(editor.findings.proxy.index(-1, -1))
    qtbot.keyClick(editor.tree, K.Key_Z, CTRL)                      # the edit is undone
    assert ws.findings.finding(finding["id"])["severity"] == "minor"
    assert editor.tree.current_item_id() == item.id
    assert editor.findings.current_id() == finding["id"]
