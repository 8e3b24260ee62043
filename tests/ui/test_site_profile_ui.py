"""The site profile in the audit editor (issue 21): Ctrl+Shift+P (or Audit > Site
profile…) opens the dialog; saving stores the profile and scope as one undoable step; a
number left at "not recorded" is not stored as 0."""
from __future__ import annotations

from PySide6.QtCore import Qt
from PySide6.QtGui import QAction


def _open(qtbot, editor):
    qtbot.keyClick(editor.tree, Qt.Key.Key_P,
                   Qt.KeyboardModifier.ControlModifier | Qt.KeyboardModifier.ShiftModifier)
    qtbot.waitUntil(lambda: editor.profile_ui.dialog is not None
                    and editor.profile_ui.dialog.isVisible())
    return editor.profile_ui.dialog


def test_ctrl_shift_p_records_the_site_profile_as_one_undo_step(qtbot, open_editor, ws,
                                                                audit):
    editor = open_editor(audit)
    dialog = _open(qtbot, editor)
    assert dialog.counts["workers_total"].text() == "not recorded"
    dialog.scope.setText("Whole site")
    dialog.scope_ja.setText("事業所全体")
    dialog.counts["workers_total"].setValue(240)
    dialog.counts["workers_young"].setValue(0)
    dialog.duration.setValue(7.5)
    dialog.limits_ja.setPlainText("寮は訪問していない")
    dialog.activateWindow()
    qtbot.waitUntil(dialog.isActiveWindow)
    qtbot.keyClick(dialog.scope, Qt.Key.Key_Return, Qt.KeyboardModifier.ControlModifier)
    qtbot.waitUntil(lambda: ws.profiles.profile(audit) != {})
    assert ws.profiles.profile(audit) == {"workers_total": 240, "workers_young": 0,
                                          "duration_hours": 7.5,
                                          "scope_limits": {"ja": "寮は訪問していない"}}
    assert ws.audits.audit(audit)["scope_ja"] == "事業所全体"
    assert ws.undo.undo_text() == "Site profile"
    ws.undo.undo()
    assert ws.profiles.profile(audit) == {} and ws.audits.audit(audit)["scope"] == ""
    editor.activateWindow()
    qtbot.waitUntil(editor.isActiveWindow)
    again = _open(qtbot, editor)                       # shows what is stored now
    assert again.counts["workers_total"].value() == -1 and again.scope.text() == ""


def test_the_audit_menu_lists_the_site_profile_with_its_shortcut(qtbot, ws, audit,
                                                                 ui_settings):
    from ui.main_window import MainWindow
    window = MainWindow(ws, settings=ui_settings)
    qtbot.addWidget(window)
    editor = window.open_audit(audit)
    window._fill_audit_menu()
    entries = {a.objectName(): a for a in window.audit_menu.actions()}
    assert entries["siteProfile"].shortcut().toString() == "Ctrl+Shift+P"
    clashes = [a.objectName() for a in window.findChildren(QAction)
               + editor.findChildren(QAction) if a is not entries["siteProfile"]
               and "Ctrl+Shift+P" in [k.toString() for k in a.shortcuts()]]
    assert clashes == []
