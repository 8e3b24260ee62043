"""The finding dialog as an auditor meets it: what was seen is required, a due date before the
visit is confirmed, and a typed year stays the year that was typed. Real key presses."""
from __future__ import annotations

from datetime import date

import pytest

from tests.conftest import start
from PySide6.QtCore import QPoint, Qt
from PySide6.QtWidgets import QDialog, QMessageBox

from ui.dialogs.finding_dialog import FindingDialog

K = Qt.Key
CTRL = Qt.KeyboardModifier.ControlModifier
VISIT = "2026-05-12"


@pytest.fixture
def started(ws, audit):
    start(ws, audit)
    return audit


def _new_finding(qtbot, open_editor, audit):
    editor = open_editor(audit)
    qtbot.keyClick(editor.tree, K.Key_2)                            # nonconformity
    qtbot.keyClick(editor.tree, K.Key_F)
    dialog = editor.finding_dialog
    qtbot.waitUntil(dialog.isActiveWindow)
    return editor, dialog


def test_a_finding_is_not_saved_without_what_was_seen(qtbot, open_editor, ws, started):
    editor, dialog = _new_finding(qtbot, open_editor, started)
    assert dialog.observed.toPlainText() == ""                      # the item had no note
    assert not dialog.save_button.isEnabled()
    assert dialog.observed_hint.isVisible() and "what was seen" in dialog.observed_hint.text()
    field_height = dialog.observed.height()
    qtbot.keyClick(dialog.observed, K.Key_Return, CTRL)             # tries anyway
    assert dialog.isVisible() and ws.findings.of_audit(started) == []
    assert dialog.observed.hasFocus()
    assert "#c62828" in dialog.observed_hint.styleSheet()           # the reason, pointed out
    hint, field = dialog.observed_hint.geometry(), dialog.observed.geometry()
    assert dialog.observed.height() == field_height                 # the field keeps its size
    assert hint.top() >= field.bottom() and hint.height() > 0       # under it, not over it

    qtbot.keyClicks(dialog.observed, "Fire exit blocked by pallets")
    assert dialog.save_button.isEnabled() and not dialog.observed_hint.isVisible()
    qtbot.keyClick(dialog.observed, K.Key_Return, CTRL)
    [finding] = ws.findings.of_audit(started)
    assert finding["observed"] == "Fire exit blocked by pallets"
    assert dialog.result() == QDialog.DialogCode.Accepted


def test_an_old_finding_without_what_was_seen_opens_with_the_reason(qtbot, open_editor, ws,
                                                                     started):
    item = next(iter(ws.audits.template_of(ws.audits.audit(started)).items.values()))
    fid = ws.findings.add(started, item_id=item.id, severity="minor", observed="x")
    ws.db.execute("UPDATE findings SET observed = '' WHERE id = ?", [fid])   # as stored before
    ws.db.conn.commit()
    editor = open_editor(started)
    assert editor.findings.model.rowCount() == 1                    # listed (its requirement)
    editor.edit_finding(fid)
    dialog = editor.finding_dialog
    qtbot.waitUntil(dialog.isActiveWindow)
    assert not dialog.save_button.isEnabled()
    assert dialog.observed_hint.isVisible()
    qtbot.keyClicks(dialog.observed, "Extinguisher missing")
    qtbot.keyClick(dialog.observed, K.Key_Return, CTRL)
    assert ws.findings.finding(fid)["observed"] == "Extinguisher missing"
    editor.undo()                                        # back to how it was stored
    assert ws.findings.finding(fid)["observed"] == ""


def test_a_due_date_before_the_visit_is_saved_only_when_confirmed(qtbot, open_editor, ws,
                                                                 started):
    editor, dialog = _new_finding(qtbot, open_editor, started)
    visit = ws.audits.visit_date(ws.audits.audit(started))
    early = date.fromisoformat(visit).replace(year=date.fromisoformat(visit).year - 1)
    qtbot.keyClicks(dialog.observed, "Training records missing")
    dialog.due.setFocus(Qt.FocusReason.TabFocusReason)
    qtbot.keyClick(dialog.due, K.Key_A, CTRL)
    qtbot.keyClicks(dialog.due, early.isoformat())
    qtbot.keyClick(dialog.due, K.Key_Return, CTRL)
    box = dialog.due_question
    assert box is not None and box.isVisible() and visit in box.text()
    assert ws.findings.of_audit(started) == []                       # nothing saved yet
    change = next(b for b in box.buttons()
                  if box.buttonRole(b) == QMessageBox.ButtonRole.RejectRole)
    change.click()
    assert dialog.isVisible() and dialog.due.hasFocus()
    assert ws.findings.of_audit(started) == []

    qtbot.keyClick(dialog.due, K.Key_Return, CTRL)                   # asks again
    box = dialog.due_question
    keep = next(b for b in box.buttons()
                if box.buttonRole(b) == QMessageBox.ButtonRole.AcceptRole)
    keep.click()
    [finding] = ws.findings.of_audit(started)
    assert finding["due_date"] == early.isoformat()
    assert not dialog.isVisible()


def test_a_due_date_after_the_visit_saves_without_a_question(qtbot, open_editor, ws, started):
    editor, dialog = _new_finding(qtbot, open_editor, started)
    qtbot.keyClicks(dialog.observed, "Training records missing")
    qtbot.keyClick(dialog.observed, K.Key_Return, CTRL)
    assert dialog.due_question is None
    assert len(ws.findings.of_audit(started)) == 1


# -- typing into the due date ---------------------------------------------------------------
@pytest.fixture
def due_field(qtbot):
    """A new-finding dialog (visit 2026-05-12: policy due 2026-08-10) with a field after the
    date to Shift+Tab back from."""
    dialog = FindingDialog(visit_date=VISIT, result="nonconformity", note="Exit blocked")
    qtbot.addWidget(dialog)
    dialog.show()
    qtbot.waitExposed(dialog)
    dialog.activateWindow()
    qtbot.waitUntil(dialog.isActiveWindow)
    assert dialog.due.text() == "2026-08-10"
    return dialog


def _enter(qtbot, dialog, how: str) -> None:
    due, line = dialog.due, dialog.due.lineEdit()
    if how == "tab":                                                 # Tab from the Due box
        dialog.has_due.setFocus()
        qtbot.keyClick(dialog.has_due, K.Key_Tab)
    elif how == "shift-tab":                                         # back from the buttons
        dialog.save_button.setFocus()
        qtbot.keyClick(dialog.save_button, K.Key_Tab, Qt.KeyboardModifier.ShiftModifier)
    elif how == "ctrl-a":
        due.setFocus()
        qtbot.keyClick(due, K.Key_A, CTRL)
    else:                                                            # a click inside the year
        at = {"click-year-start": 0, "click-year-end": 4}[how]
        x = line.cursorRect().left() + due.fontMetrics().horizontalAdvance("2026-08-10"[:at])
        qtbot.mouseClick(line, Qt.MouseButton.LeftButton, pos=QPoint(max(x, 2) + 1,
                                                                    line.height() // 2))
    assert due.hasFocus()


@pytest.mark.parametrize("how", ["tab", "shift-tab", "ctrl-a", "click-year-start",
                                 "click-year-end"])
@pytest.mark.parametrize("typed, expected", [("2027", "2027-08-10"), ("27", "2027-08-10"),
                                             ("2027-01-31", "2027-01-31")])
def test_a_typed_year_is_the_year_saved(qtbot, due_field, how, typed, expected):
    _enter(qtbot, due_field, how)
    qtbot.keyClicks(due_field.due, typed)
    assert due_field.fields()["due_date"] == expected              # Ctrl+Enter reads this
    qtbot.keyClick(due_field.due, K.Key_Tab)
    qtbot.keyClick(due_field.due, K.Key_Tab)
    qtbot.keyClick(due_field.due, K.Key_Tab)
    assert due_field.due.text() == expected
    assert due_field.fields()["due_date"] == expected


def test_clicking_elsewhere_keeps_a_two_digit_year(qtbot, due_field):
    _enter(qtbot, due_field, "tab")
    qtbot.keyClicks(due_field.due, "28")
    qtbot.mouseClick(due_field.evidence, Qt.MouseButton.LeftButton)
    assert due_field.evidence.hasFocus()
    assert due_field.due.text() == "2028-08-10"


def test_a_new_finding_prefills_the_supplier_facing_required_action(qtbot, open_editor, ws,
                                                                    started):
    """The required action is what the supplier must do (the item's `expected` text), never
    the auditor's guidance on how to check the item."""
    editor, dialog = _new_finding(qtbot, open_editor, started)
    item = editor.current_item()
    action = dialog.required_action.toPlainText()
    assert action == item.expected["en"]
    assert action and action != item.guidance["en"]
    assert dialog.required_action_ja.toPlainText() == item.expected["ja"]
    qtbot.keyClicks(dialog.observed, "Exit door locked")
    qtbot.keyClick(dialog.observed, K.Key_Return, CTRL)
    [finding] = ws.findings.of_audit(started)
    assert finding["required_action"] == item.expected["en"]
    assert finding["required_action_ja"] == item.expected["ja"]


def test_japanese_texts_and_evidence_references_are_saved_and_shown_again(
        qtbot, open_editor, ws, started):
    editor, dialog = _new_finding(qtbot, open_editor, started)
    qtbot.keyClicks(dialog.observed, "Exit door locked")
    dialog.observed_ja.setPlainText("非常口が施錠されていた")
    dialog.evidence_ja.setText("現場で確認")
    for edit, text in ((dialog.documents_seen, "Fire drill log 2026"),
                       (dialog.interviews, "3 operators, 1 supervisor"),
                       (dialog.sample_size, "12 of 40 exits")):
        qtbot.keyClicks(edit, text)
    qtbot.keyClick(dialog.observed, K.Key_Return, CTRL)
    [finding] = ws.findings.of_audit(started)
    assert finding["observed_ja"] == "非常口が施錠されていた"
    assert finding["evidence_ja"] == "現場で確認"
    assert (finding["documents_seen"], finding["interviews"], finding["sample_size"]) == \
        ("Fire drill log 2026", "3 operators, 1 supervisor", "12 of 40 exits")
    again = FindingDialog(visit_date=VISIT, finding=finding)
    qtbot.addWidget(again)
    assert again.observed_ja.toPlainText() == "非常口が施錠されていた"
    assert again.sample_size.text() == "12 of 40 exits"
    again.interviews.setText("4 operators")
    assert again.changed_fields() == {"interviews": "4 operators"}
