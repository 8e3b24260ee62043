"""Starting, completing, signing and amending from the editor by keyboard: a key never starts
a visit, Complete offers a way out for every nonconformity without a finding, and every
life-cycle step has a shortcut and a menu entry."""
from __future__ import annotations

from datetime import date, timedelta

from PySide6.QtCore import QDate, Qt
from PySide6.QtWidgets import QApplication

from tests.conftest import log_count

K = Qt.Key
CTRL = Qt.KeyboardModifier.ControlModifier
CTRL_SHIFT = Qt.KeyboardModifier.ControlModifier | Qt.KeyboardModifier.ShiftModifier
NO_PHOTO_ITEM = "SVR-HR-02"      # photo_required_on: []
PHOTO_ITEM = "SVR-HR-01"         # photo_required_on: [nonconformity]


def state(ws, audit_id):
    row = ws.audits.audit(audit_id)
    return row["status"], row["started_at"], ws.audits.answers(audit_id), log_count(ws)


def start_by_keys(qtbot, editor, day: date | None = None):
    qtbot.keyClick(editor.tree, K.Key_T, CTRL_SHIFT)
    dialog = editor.lifecycle.start_dialog
    assert dialog is not None and dialog.isVisible()
    if day is not None:
        dialog.date_edit.setDate(QDate(day.year, day.month, day.day))
    qtbot.keyClick(dialog.date_edit, K.Key_Return)
    return dialog


# -- 1. a key never starts a visit ---------------------------------------------------------
def test_answer_keys_on_a_planned_visit_change_nothing_and_say_how_to_start(
        qtbot, open_editor, ws, planned_audit):
    editor = open_editor(planned_audit)
    before = state(ws, planned_audit)
    for key in (K.Key_1, K.Key_2, K.Key_3, K.Key_4, K.Key_N, K.Key_F, K.Key_Delete):
        qtbot.keyClick(editor.tree, key)
        assert state(ws, planned_audit) == before                   # no answer, still planned
        assert QApplication.activeModalWidget() is None             # no box on every key
    assert len(ws.undo) == 0 and editor.finding_dialog is None
    assert editor.panel.notice.isVisible()
    assert "Start visit" in editor.panel.notice.text()
    assert "Ctrl+Shift+T" in editor.panel.notice.text()
    assert "Start visit" in editor.header.banner.text() and editor.header.banner.isVisible()
    assert editor.header.start_button.isVisible()
    assert not editor.header.complete_button.isVisible()
    editor.undo()                                         # nothing to undo
    assert state(ws, planned_audit) == before


def test_start_visit_confirms_today_at_the_site_and_undo_keeps_only_what_the_user_did(
        qtbot, open_editor, ws, planned_audit):
    editor = open_editor(planned_audit)
    today = ws.audits.site_today(ws.audits.audit(planned_audit))
    qtbot.keyClick(editor.tree, K.Key_T, CTRL_SHIFT)
    dialog = editor.lifecycle.start_dialog
    assert dialog.isVisible() and dialog.visit_date() == today
    assert today in dialog.date_label.text() and "Asia/Tokyo" in dialog.date_label.text()
    assert ws.audits.audit(planned_audit)["status"] == "planned"    # not before confirming
    qtbot.keyClick(dialog.date_edit, K.Key_Return)
    assert not dialog.isVisible()
    row = ws.audits.audit(planned_audit)
    assert row["status"] == "in_progress" and ws.audits.visit_date(row) == today
    assert not editor.header.start_button.isVisible() and editor.header.complete_button.isVisible()
    assert not editor.header.banner.isVisible()
    first = editor.tree.current_item_id()
    qtbot.keyClick(editor.tree, K.Key_1)
    assert ws.audits.answers(planned_audit)[first]["result"] == "conforms"
    editor.undo()                                         # Ctrl+Z in the window
    assert ws.audits.answers(planned_audit) == {}
    assert ws.audits.audit(planned_audit)["status"] == "in_progress"  # the user started it
    assert [e["action"] for e in ws.audits.history(planned_audit)].count("start") == 1


def test_an_earlier_visit_date_can_be_confirmed(qtbot, open_editor, ws, planned_audit):
    editor = open_editor(planned_audit)
    earlier = date.fromisoformat(ws.audits.site_today(ws.audits.audit(planned_audit))) \
        - timedelta(days=2)
    start_by_keys(qtbot, editor, earlier)
    assert ws.audits.visit_date(ws.audits.audit(planned_audit)) == earlier.isoformat()
    assert earlier.isoformat() in editor.header.subtitle.text()


def test_a_future_visit_date_is_refused_in_the_dialog(qtbot, open_editor, ws, planned_audit):
    editor = open_editor(planned_audit)
    tomorrow = date.fromisoformat(ws.audits.site_today(ws.audits.audit(planned_audit))) \
        + timedelta(days=1)
    qtbot.mouseClick(editor.header.start_button, Qt.MouseButton.LeftButton)
    dialog = editor.lifecycle.start_dialog
    dialog.date_edit.setDate(QDate(tomorrow.year, tomorrow.month, tomorrow.day))
    assert not dialog.start_button.isEnabled()
    assert dialog.problem.isVisible() and "in the future" in dialog.problem.text()
    qtbot.keyClick(dialog.date_edit, K.Key_Return)
    assert dialog.isVisible()
    assert ws.audits.audit(planned_audit)["status"] == "planned"
    qtbot.keyClick(dialog, K.Key_Escape)
    assert ws.audits.audit(planned_audit)["status"] == "planned"


# -- 2. Complete: every nonconformity gets a finding or a reason ----------------------------
def test_complete_lists_a_nonconformity_and_f_creates_its_finding(
        qtbot, open_editor, ws, audit, answer_all):
    answer_all(ws, audit)
    ws.audits.record_answer(audit, NO_PHOTO_ITEM, "nonconformity", "No fire drill records")
    editor = open_editor(audit)
    qtbot.keyClick(editor.tree, K.Key_D, CTRL_SHIFT)
    dialog = editor.lifecycle.completion_dialog
    qtbot.waitUntil(dialog.isActiveWindow)
    assert dialog.list.hasFocus()
    assert dialog.isVisible() and ws.audits.audit(audit)["status"] == "in_progress"
    assert [(p.kind, p.item_id) for p in dialog.problems] == [("no_finding", NO_PHOTO_ITEM)]
    assert dialog.current_problem().item_id == NO_PHOTO_ITEM
    assert not dialog.complete_button.isEnabled()
    qtbot.keyClick(dialog.list, K.Key_F)
    assert not dialog.isVisible()
    finding = editor.finding_dialog
    qtbot.waitUntil(finding.isActiveWindow)
    assert finding.isVisible() and editor.tree.current_item_id() == NO_PHOTO_ITEM
    item = editor.template.items[NO_PHOTO_ITEM]
    assert finding.requirement.toPlainText() == item.question["en"]
    assert finding.observed.toPlainText() == "No fire drill records"
    qtbot.keyClick(finding.observed, K.Key_Return, CTRL)
    editor.activateWindow()             # a window manager does this when the dialog closes
    qtbot.waitUntil(editor.isActiveWindow)
    [saved] = ws.findings.of_audit(audit)
    assert saved["item_id"] == NO_PHOTO_ITEM and saved["severity"] == "minor"
    qtbot.keyClick(editor.tree, K.Key_D, CTRL_SHIFT)
    assert ws.audits.audit(audit)["status"] == "completed"


def test_no_finding_needed_stores_the_reason_and_then_complete_works(
        qtbot, open_editor, ws, audit, answer_all):
    answer_all(ws, audit)
    ws.audits.record_answer(audit, NO_PHOTO_ITEM, "observation")
    editor = open_editor(audit)
    qtbot.mouseClick(editor.header.complete_button, Qt.MouseButton.LeftButton)
    dialog = editor.lifecycle.completion_dialog
    qtbot.waitUntil(dialog.isActiveWindow)
    qtbot.keyClick(dialog.list, K.Key_N)
    ask = editor.lifecycle.reason_dialog
    qtbot.waitUntil(ask.isActiveWindow)
    assert ask.isVisible() and not ask.ok_button.isEnabled()
    assert ask.hint.isVisible() and "Write the reason" in ask.hint.text()
    qtbot.keyClick(ask.field, K.Key_Return)                          # empty: stays, says why
    assert ask.isVisible() and ws.audits.answers(audit)[NO_PHOTO_ITEM]["no_finding_reason"] == ""
    qtbot.keyClicks(ask.field, "Advice only; shown to the manager")
    assert ask.ok_button.isEnabled() and not ask.hint.isVisible()
    qtbot.keyClick(ask.field, K.Key_Return)
    assert not ask.isVisible()
    assert ws.audits.answers(audit)[NO_PHOTO_ITEM]["no_finding_reason"] == \
        "Advice only; shown to the manager"
    assert ws.audits.history(audit)[-1]["action"] == "explain_no_finding"
    assert dialog.isVisible() and dialog.problems == []
    assert "Nothing blocks" in dialog.label.text() and dialog.complete_button.isEnabled()
    editor.undo()                                         # undo takes it back
    assert ws.audits.answers(audit)[NO_PHOTO_ITEM]["no_finding_reason"] == ""
    editor.redo()
    qtbot.mouseClick(dialog.complete_button, Qt.MouseButton.LeftButton)
    assert ws.audits.audit(audit)["status"] == "completed"


def test_a_required_photo_is_shown_on_the_item_and_asked_for_at_complete(
        qtbot, open_editor, ws, audit, answer_all):
    answer_all(ws, audit)
    ws.audits.record_answer(audit, PHOTO_ITEM, "nonconformity")
    ws.findings.add(audit, item_id=PHOTO_ITEM, severity="minor", observed="Passports kept")
    editor = open_editor(audit)
    editor.select_item(PHOTO_ITEM)
    assert editor.panel.requirement.isVisible()
    assert editor.panel.requirement.text() == "Photo required for a nonconformity"
    editor.select_item(NO_PHOTO_ITEM)
    assert not editor.panel.requirement.isVisible()
    qtbot.keyClick(editor.tree, K.Key_D, CTRL_SHIFT)
    dialog = editor.lifecycle.completion_dialog
    qtbot.waitUntil(dialog.isActiveWindow)
    assert [(p.kind, p.item_id) for p in dialog.problems] == [("no_photo", PHOTO_ITEM)]
    assert not dialog.finding_button.isEnabled() and dialog.go_button.isEnabled()
    qtbot.keyClick(dialog.list, K.Key_Return)                        # go there to add one
    assert not dialog.isVisible() and editor.tree.current_item_id() == PHOTO_ITEM
    assert ws.audits.audit(audit)["status"] == "in_progress"


# -- 3. keyboard ----------------------------------------------------------------------------
def test_f_on_a_section_title_says_which_item_it_needs(qtbot, open_editor, ws, audit):
    editor = open_editor(audit)
    section = editor.proxy.index(1, 0)                               # the second section
    editor.tree.setCurrentIndex(section)
    assert editor.tree.current_item_id() == ""
    qtbot.keyClick(editor.tree, K.Key_F)
    assert editor.finding_dialog is None and QApplication.activeModalWidget() is None
    assert editor.panel.notice.isVisible()
    assert "Choose an item first" in editor.panel.notice.text()
    assert "Add finding" in editor.panel.notice.text()
    assert ws.findings.of_audit(audit) == []
    qtbot.keyClick(editor.tree, K.Key_Down)                          # an item: notice goes
    assert not editor.panel.notice.isVisible()


def test_sign_and_amend_by_shortcut(qtbot, open_editor, ws, audit, answer_all, monkeypatch):
    from ui.dialogs import reason_dialog
    answer_all(ws, audit)
    editor = open_editor(audit)
    qtbot.keyClick(editor.tree, K.Key_G, CTRL_SHIFT)                 # completes, then signs
    assert ws.audits.audit(audit)["status"] == "completed"
    sign = editor.lifecycle.sign_dialog
    assert sign.isVisible()
    for box in (sign.auditor, sign.supplier):
        box.name.setText(box.name.text() or "Ken Mori")
        box.role.setText("Plant manager")
        box.organisation.setText(box.organisation.text() or "Buyer")
        box.pad.add_stroke([(10, 50), (60, 20), (120, 70)])
    qtbot.mouseClick(sign.sign_button, Qt.MouseButton.LeftButton)
    assert ws.audits.audit(audit)["status"] == "signed"
    monkeypatch.setattr(reason_dialog, "ask_amendment_reason", lambda parent: "Late record")
    qtbot.keyClick(editor.tree, K.Key_A, CTRL_SHIFT)
    assert editor.amend_reason == "Late record" and not editor.is_locked()


def test_life_cycle_steps_are_in_the_audit_menu_with_unclashing_shortcuts(
        qtbot, ws, planned_audit, ui_settings):
    from PySide6.QtGui import QAction
    from ui.main_window import MainWindow
    window = MainWindow(ws, settings=ui_settings)
    qtbot.addWidget(window)
    editor = window.open_audit(planned_audit)
    window._fill_audit_menu()
    entries = {a.objectName(): a for a in window.audit_menu.actions()}
    expected = {"startVisitAction": "Ctrl+Shift+T", "completeAction": "Ctrl+Shift+D",
                "signAction": "Ctrl+Shift+G", "amendAction": "Ctrl+Shift+A"}
    for name, keys in expected.items():
        assert entries[name].shortcut().toString() == keys
    assert entries["startVisitAction"].isEnabled()
    assert not entries["completeAction"].isEnabled() and not entries["amendAction"].isEnabled()
    seen: dict[str, str] = {}
    for action in window.findChildren(QAction) + editor.findChildren(QAction):
        if action.shortcutContext() == Qt.ShortcutContext.WidgetShortcut:
            continue                     # only while that one widget has the focus
        for keys in action.shortcuts():
            text = keys.toString()
            if not text:
                continue
            assert seen.setdefault(text, action.objectName()) == action.objectName(), \
                f"{text} is both {seen[text]} and {action.objectName()}"
