"""Number and text items answered from the keyboard, as an auditor does it: every key goes to
whatever has the focus (the checklist, then the value field), and the store is checked."""
from __future__ import annotations

import json

import pytest

from tests.conftest import start
import yaml
from PySide6.QtCore import Qt
from PySide6.QtWidgets import QApplication, QMessageBox

from sva.paths import resource

K = Qt.Key
KEYS = {"Enter": K.Key_Return, "Esc": K.Key_Escape, "Down": K.Key_Down, "Up": K.Key_Up}
YOUNG, BEFORE, AFTER = "SVR-HR-04", "SVR-HR-03", "SVR-HR-05"    # HR-04: workers under 18
# HR-05 and HR-05A ask about young workers: with none (0) the checklist's rule skips them.
AFTER_NONE = "SVR-HR-06"
# HR-04's own message (checklist `message`), shown before the general reason, in the
# checklist's languages (here both: English over Japanese)
SAYS = ("Count the workers under 18 on today's roster, agency workers and interns included; "
        "record 0 when there are none.\n本日時点の名簿で18歳未満の労働者を数えます"
        "（派遣労働者・実習生を含む）。いない場合は0と記録します。")


def press(qtbot, *keys: str) -> None:
    """Each key to the widget that has the focus when it is pressed, as a keyboard sends it."""
    for key in keys:
        target = QApplication.focusWidget()
        assert target is not None, f"nothing has the focus for {key!r}"
        if key in KEYS:
            qtbot.keyClick(target, KEYS[key])
        else:
            qtbot.keyClick(target, key)


def result_of(ws, audit_id, item_id):
    row = ws.audits.answers(audit_id).get(item_id)
    return row["result"] if row else None


@pytest.fixture
def editor(open_editor, ws, audit):
    start(ws, audit)
    editor = open_editor(audit)
    editor.select_item(YOUNG)
    editor.tree.setFocus()
    return editor


@pytest.mark.parametrize("keys, stored", [
    ("0", "0"), ("7", "7"), ("12", "12"), ("58", "58"), ("905", "905"), ("5000", "5000")])
def test_digits_typed_on_a_number_item_go_into_the_field_and_enter_saves(
        qtbot, editor, ws, audit, keys, stored):
    press(qtbot, keys[0])
    field = editor.panel.value_edit
    assert field.hasFocus() and field.text() == keys[0]          # the first digit included
    press(qtbot, *keys[1:])
    assert field.text() == keys
    assert result_of(ws, audit, YOUNG) is None                    # nothing stored before Enter
    press(qtbot, "Enter")
    assert result_of(ws, audit, YOUNG) == stored
    assert editor.tree.hasFocus()
    assert editor.tree.current_item_id() == (AFTER_NONE if stored == "0" else AFTER)  # and on


def test_answer_1_on_hr03_then_0_enter_answers_hr04_in_three_keys(qtbot, editor, ws, audit):
    editor.select_item(BEFORE)
    press(qtbot, "1")                                             # HR-03 conforms
    assert result_of(ws, audit, BEFORE) == "conforms"
    assert editor.tree.current_item_id() == YOUNG
    assert editor.tree.hasFocus()                                 # not inside the number field
    assert editor.panel.value_edit.isVisible() and editor.panel.value_edit.text() == ""
    press(qtbot, "0", "Enter")
    assert result_of(ws, audit, YOUNG) == "0"
    assert editor.tree.hasFocus() and editor.tree.current_item_id() == AFTER_NONE


def test_typing_replaces_the_stored_value(qtbot, editor, ws, audit):
    ws.audits.record_answer(audit, YOUNG, "3")
    editor.reload_answers()
    assert editor.panel.value_edit.text() == "3"
    press(qtbot, "2", "0", "Enter")
    assert result_of(ws, audit, YOUNG) == "20"


def test_esc_leaves_without_saving_and_puts_back_the_stored_value(qtbot, editor, ws, audit):
    ws.audits.record_answer(audit, YOUNG, "3")
    editor.reload_answers()
    press(qtbot, "4", "5", "Esc")
    assert result_of(ws, audit, YOUNG) == "3"
    assert editor.panel.value_edit.text() == "3"
    assert editor.tree.hasFocus() and editor.tree.current_item_id() == YOUNG
    assert editor.panel.value.hint.text() == "“45” not saved (Esc): the answer stays 3."
    editor.select_item(AFTER)                                     # moving on saves nothing
    assert result_of(ws, audit, YOUNG) == "3"


def test_esc_on_an_unanswered_number_item_leaves_it_unanswered(qtbot, editor, ws, audit):
    press(qtbot, "9", "Esc")
    assert YOUNG not in ws.audits.answers(audit)
    assert editor.panel.value.hint.text() == "“9” not saved (Esc): still unanswered."


@pytest.mark.parametrize("keys, message", [
    ("-1", "-1 is below 0, the lowest answer this question takes."),
    (".5", "0.5 has decimals; this question takes whole numbers only."),
    ("1-", "“1-” is not a number."),
])
def test_a_value_the_question_cannot_take_is_refused_and_the_field_keeps_it(
        qtbot, editor, ws, audit, keys, message):
    press(qtbot, *keys, "Enter")
    assert YOUNG not in ws.audits.answers(audit)
    field = editor.panel.value_edit
    assert field.hasFocus() and field.selectedText() == keys     # ready to be typed over
    assert editor.panel.value.hint.text() == f"{SAYS} — {message}"
    press(qtbot, "4", "Enter")
    assert result_of(ws, audit, YOUNG) == "4"


def test_the_panel_shows_the_expected_range(editor):
    assert editor.panel.value.hint.isVisible()
    assert editor.panel.value.hint.text() == "Expected: 0 to 5,000 · whole numbers"
    editor.select_item(BEFORE)                                    # a conformity item
    assert not editor.panel.value.isVisible()


def _question(qtbot, editor) -> QMessageBox:
    qtbot.waitUntil(lambda: editor.values.question is not None
                    and editor.values.question.isVisible())
    return editor.values.question


def test_an_implausible_number_is_kept_only_when_the_auditor_confirms(qtbot, editor, ws, audit):
    press(qtbot, *"111111111", "Enter")
    assert YOUNG not in ws.audits.answers(audit)                  # nothing before the answer
    box = _question(qtbot, editor)
    assert box.text() == (f"{SAYS}\n\n"
                          "111,111,111 is more than the 5,000 this question expects — keep it?")
    assert box.defaultButton().text() == "&Correct it"
    qtbot.keyClick(box, K.Key_Escape)                             # correct it
    qtbot.waitUntil(lambda: editor.values.question is None)
    assert YOUNG not in ws.audits.answers(audit)
    field = editor.panel.value_edit
    qtbot.waitUntil(field.hasFocus)
    assert field.selectedText() == "111111111"
    press(qtbot, "Enter")                                         # no: it really is that many
    box = _question(qtbot, editor)
    keep = next(b for b in box.buttons() if b.text() == "&Keep 111,111,111")
    qtbot.mouseClick(keep, Qt.MouseButton.LeftButton)
    qtbot.waitUntil(lambda: result_of(ws, audit, YOUNG) == "111111111")
    last = ws.audits.history(audit)[-1]
    assert last["action"] == "record_answer_above_max"
    assert json.loads(last["changes"])["result"] == [None, "111111111"]
    assert editor.tree.hasFocus() and editor.tree.current_item_id() == AFTER
    editor.undo()                                      # undo and redo replay it
    assert result_of(ws, audit, YOUNG) is None
    editor.redo()
    assert result_of(ws, audit, YOUNG) == "111111111"


def test_enter_on_the_question_corrects_rather_than_keeps(qtbot, editor, ws, audit):
    press(qtbot, *"50000", "Enter")
    assert YOUNG not in ws.audits.answers(audit)
    box = _question(qtbot, editor)
    qtbot.keyClick(box, K.Key_Return)                             # one Enter too many
    qtbot.waitUntil(lambda: editor.values.question is None)
    assert YOUNG not in ws.audits.answers(audit)


def test_the_maximum_itself_needs_no_question(qtbot, editor, ws, audit):
    press(qtbot, *"5000", "Enter")
    assert result_of(ws, audit, YOUNG) == "5000"
    assert editor.values.question is None and editor.tree.hasFocus()


def test_a_number_typed_and_left_by_a_click_elsewhere_is_saved(qtbot, editor, ws, audit):
    press(qtbot, "1", "2")
    editor.panel.note.setFocus(Qt.FocusReason.MouseFocusReason)  # the auditor clicks the note
    assert result_of(ws, audit, YOUNG) == "12"
    assert editor.tree.current_item_id() == YOUNG                 # a click does not move on


def test_a_refused_number_left_by_a_click_is_put_back_and_said(qtbot, editor, ws, audit):
    press(qtbot, "-", "5")
    editor.panel.note.setFocus(Qt.FocusReason.MouseFocusReason)
    assert YOUNG not in ws.audits.answers(audit)
    assert editor.panel.value_edit.text() == ""
    assert editor.panel.saved_label.text() == (
        "HR-04: “-5” not saved: -5 is below 0, the lowest answer this question takes.")


def test_digits_on_a_signed_audit_ask_for_the_amendment_reason_first(
        qtbot, open_editor, ws, signed, monkeypatch):
    from ui.dialogs import reason_dialog
    reasons = iter([None, "recounted with HR"])
    monkeypatch.setattr(reason_dialog, "ask_amendment_reason", lambda parent: next(reasons))
    editor = open_editor(signed)
    editor.select_item(YOUNG)
    editor.tree.setFocus()
    press(qtbot, "7")                                             # cancelled: nothing typed
    assert editor.tree.hasFocus() and editor.panel.value_edit.text() == "0"
    press(qtbot, "7", "Enter")
    row = ws.audits.answers(signed)[YOUNG]
    assert row["result"] == "7"
    assert ws.audits.history(signed)[-1]["reason"] == "recounted with HR"


# -- text items --------------------------------------------------------------------------------
@pytest.fixture
def text_audit(ws, supplier):
    """An audit on a checklist whose HR-04 asks for text instead of a number."""
    doc = yaml.safe_load(resource("checklists", "svr.yaml").read_text("utf-8"))
    doc["id"] = "svr-text"
    item = next(i for i in doc["sections"][0]["items"] if i["id"] == YOUNG)
    item["answer"] = "text"
    for key in ("min", "max", "decimals"):
        item.pop(key, None)
    for other in doc["sections"][0]["items"]:          # rules comparing HR-04 with a number
        other.pop("relevant_if", None)
    path = ws.folder / "svr-text.yaml"
    path.write_text(yaml.safe_dump(doc, allow_unicode=True), "utf-8")
    ref = ws.templates.install(path)
    audit = ws.audits.create(supplier_id=supplier["id"], site_id=supplier["site"],
                             template_ref=ref, planned_date="2026-05-12", auditors=["A"])
    start(ws, audit)
    return audit


@pytest.fixture
def text_editor(open_editor, text_audit):
    editor = open_editor(text_audit)
    editor.select_item(YOUNG)
    editor.tree.setFocus()
    return editor


def test_enter_on_a_text_item_opens_the_field_and_enter_saves(qtbot, text_editor, ws,
                                                               text_audit):
    editor = text_editor
    press(qtbot, "Enter")
    field = editor.panel.value_edit
    assert field.hasFocus() and editor.tree.current_item_id() == YOUNG
    qtbot.keyClicks(field, "None seen on the roster")
    press(qtbot, "Enter")
    assert result_of(ws, text_audit, YOUNG) == "None seen on the roster"
    assert editor.tree.hasFocus() and editor.tree.current_item_id() == AFTER


def test_enter_keeps_the_stored_text_to_go_on_writing(qtbot, text_editor, ws, text_audit):
    ws.audits.record_answer(text_audit, YOUNG, "Two interns")
    text_editor.reload_answers()
    press(qtbot, "Enter")
    qtbot.keyClicks(text_editor.panel.value_edit, ", both 17")
    press(qtbot, "Enter")
    assert result_of(ws, text_audit, YOUNG) == "Two interns, both 17"


def test_answer_keys_on_a_text_item_type_nothing(qtbot, text_editor, ws, text_audit):
    press(qtbot, "1")
    assert text_editor.tree.hasFocus() and YOUNG not in ws.audits.answers(text_audit)
    assert text_editor.panel.value.hint.text() == (
        "This question takes text: press Enter to type it.")


def test_text_typed_and_left_is_saved(qtbot, text_editor, ws, text_audit):
    press(qtbot, "Enter")
    qtbot.keyClicks(text_editor.panel.value_edit, "Roster checked")
    text_editor.tree.setFocus(Qt.FocusReason.MouseFocusReason)   # a click on the checklist
    assert result_of(ws, text_audit, YOUNG) == "Roster checked"


def test_text_typed_then_another_item_chosen_is_saved_on_its_own_item(qtbot, text_editor, ws,
                                                                       text_audit):
    press(qtbot, "Enter")
    qtbot.keyClicks(text_editor.panel.value_edit, "Agency list seen")
    text_editor.select_item(AFTER)            # e.g. a click on another row, focus kept
    assert result_of(ws, text_audit, YOUNG) == "Agency list seen"
    assert AFTER not in ws.audits.answers(text_audit)


def test_text_being_typed_is_saved_when_the_tab_closes(qtbot, ws, text_audit, ui_settings):
    from ui.main_window import MainWindow

    window = MainWindow(ws, settings=ui_settings)
    qtbot.addWidget(window)
    window.show()
    qtbot.waitExposed(window)
    window.activateWindow()
    qtbot.waitUntil(window.isActiveWindow)
    editor = window.open_audit(text_audit)
    editor.select_item(YOUNG)
    press(qtbot, "Enter")
    qtbot.keyClicks(editor.panel.value_edit, "Seen at the gate")
    window.close_tab(window.tabs.indexOf(editor))
    assert result_of(ws, text_audit, YOUNG) == "Seen at the gate"


def test_the_items_own_message_is_shown_in_the_checklists_language(qtbot, editor, ws, audit):
    """The checklist's `message` for SVR-HR-04, in Japanese when the checklist is shown in
    Japanese, before the general reason; nothing is stored."""
    editor.set_language("ja")
    editor.tree.setFocus()
    press(qtbot, "-", "1", "Enter")
    assert YOUNG not in ws.audits.answers(audit)
    hint = editor.panel.value.hint.text()
    assert hint.startswith("本日時点の名簿で18歳未満の労働者を数えます"), hint
    assert "Count the workers" not in hint
