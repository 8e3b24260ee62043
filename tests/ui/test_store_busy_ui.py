"""The editor meets a store another program is writing to: the operation is refused with a
clear message (no exception leaves the slot), the editor shows the store as it is, and the
same key works once the other program is done."""
from __future__ import annotations

from PySide6.QtCore import Qt
from PySide6.QtWidgets import QMessageBox

from tests.test_store_busy import other_program_writing, short_busy_timeout


def test_the_editor_says_so_and_shows_the_store_as_it_is(qtbot, open_editor, ws, audit,
                                                         monkeypatch):
    shown = []
    monkeypatch.setattr(QMessageBox, "warning",
                        lambda parent, title, text, *a: shown.append((title, text)))
    editor = open_editor(audit)
    short_busy_timeout(ws)
    item = editor.tree.current_item_id()
    with other_program_writing(ws.path):
        qtbot.keyClick(editor.tree, Qt.Key.Key_1)           # no exception leaves the slot
    assert [t for t, _ in shown] == ["Not saved"]
    assert "database is busy" in shown[0][1]
    assert editor.model.result(item) is None and ws.audits.answers(audit) == {}
    assert len(ws.undo) == 0
    qtbot.keyClick(editor.tree, Qt.Key.Key_1)
    assert ws.audits.answers(audit)[item]["result"] == "conforms"
