"""Checklist rules in the audit editor, driven by the keyboard: follow-ups disappear and come
back as the auditor answers, without losing an answer, and the header shows the scores."""
from __future__ import annotations

import pytest
from PySide6.QtCore import Qt
from PySide6.QtWidgets import QApplication

from tests.checklists.mini import install_mini

KEYS = {"Enter": Qt.Key.Key_Return, "Up": Qt.Key.Key_Up, "Down": Qt.Key.Key_Down}


def press(qtbot, *keys: str) -> None:
    for key in keys:
        target = QApplication.focusWidget()
        assert target is not None, f"nothing has the focus for {key!r}"
        qtbot.keyClick(target, KEYS.get(key, key))


def shown(editor) -> list[str]:
    """Item ids of the rows the tree shows, in order."""
    return [index.data(Qt.ItemDataRole.UserRole + 10)
            for index in editor.tree.visible_item_indexes()]


def result_of(ws, audit_id, item_id):
    row = ws.audits.answers(audit_id).get(item_id)
    return row["result"] if row else None


@pytest.fixture
def editor(open_editor, ws, supplier):
    audit = install_mini(ws, supplier)
    editor = open_editor(audit)
    editor.select_item("YW")
    editor.tree.setFocus()
    return editor


def test_follow_ups_appear_and_disappear_as_the_auditor_answers(qtbot, editor, ws):
    assert shown(editor) == ["YW", "POLICY", "MOBILE", "LOCK", "CODE"]
    press(qtbot, "0", "Enter")                        # no young workers
    assert editor.tree.current_item_id() == "POLICY"  # the follow-ups are skipped
    assert shown(editor) == ["YW", "POLICY", "MOBILE", "LOCK", "CODE"]
    press(qtbot, "Up", "2", "Enter")                  # two after all
    assert shown(editor) == ["YW", "YW-NIGHT", "YW-SCHOOL", "POLICY", "MOBILE", "LOCK", "CODE"]
    assert editor.tree.current_item_id() == "YW-NIGHT"
    press(qtbot, "3")                                 # observation
    assert result_of(ws, editor.audit_id, "YW-NIGHT") == "observation"


def test_a_hidden_answer_is_kept_and_shown_again(qtbot, editor, ws):
    press(qtbot, "1", "Enter", "3")                   # YW = 1, YW-NIGHT observation
    editor.select_item("YW")
    press(qtbot, "0", "Enter")
    assert "YW-NIGHT" not in shown(editor)
    assert result_of(ws, editor.audit_id, "YW-NIGHT") == "observation"     # kept
    editor.select_item("YW")
    press(qtbot, "4", "Enter")
    assert "YW-NIGHT" in shown(editor)
    editor.select_item("YW-NIGHT")
    assert editor.model.result("YW-NIGHT") == "observation"
    assert editor.panel.item.id == "YW-NIGHT"


def test_a_whole_section_follows_its_rule(qtbot, editor, ws):
    editor.select_item("MOBILE")
    assert editor.tree.current_item_id() == "MOBILE"
    press(qtbot, "1")                                 # the first choice: used
    assert shown(editor)[-2:] == ["MDM", "WIPE"]
    editor.select_item("MOBILE")
    press(qtbot, "2")                                 # not used
    assert "MDM" not in shown(editor) and "WIPE" not in shown(editor)


def test_the_header_shows_progress_of_what_applies_and_the_scores(qtbot, editor, ws):
    text = editor.header.progress.text()
    assert text.startswith("0/5 answered")            # 5 of 9 items apply before answers
    press(qtbot, "1", "Enter", "1", "2")              # YW 1, YW-NIGHT conforms, YW-SCHOOL nc
    text = editor.header.progress.text()
    assert text.startswith("3/7 answered")
    # A: YW-NIGHT 5 × 1 + YW-SCHOOL 3 × 0 = 5 of 8 = 62 %; the overall score the same.
    assert "score 62%" in text
    assert editor.model.index(0, 1).data() == "3/4 · 62%"    # section A's row
    assert editor.model.index(1, 1).data() == "0/3"          # B: nothing scored yet


def test_a_text_outside_the_items_pattern_is_refused_in_the_field(qtbot, editor, ws):
    editor.select_item("CODE")                          # pattern [A-Z]{2}-[0-9]+
    press(qtbot, "Enter", *"line 4", "Enter")
    assert result_of(ws, editor.audit_id, "CODE") is None
    hint = editor.panel.value.hint.text()
    assert "item CODE: 'line 4' does not have the form this item expects" in hint
    assert editor.panel.value_edit.hasFocus()           # still in the field to correct it
    editor.panel.value_edit.clear()
    press(qtbot, *"PL-4", "Enter")
    assert result_of(ws, editor.audit_id, "CODE") == "PL-4"
