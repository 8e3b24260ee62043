"""The audit editor, driven by the keyboard as an auditor would, checked in the store."""
from __future__ import annotations

from datetime import date, timedelta

from PySide6.QtCore import Qt

from sva.workspace import Workspace

K = Qt.Key


def items_of(ws, audit_id):
    return list(ws.audits.template_of(ws.audits.audit(audit_id)).items.values())


def result_of(ws, audit_id, item_id):
    row = ws.audits.answers(audit_id).get(item_id)
    return row["result"] if row else None


def test_opening_selects_the_first_unanswered_item(open_editor, ws, audit):
    editor = open_editor(audit)
    assert editor.tree.current_item_id() == items_of(ws, audit)[0].id
    assert editor.panel.title.text().startswith("HR-01")
    assert "voluntary" in editor.panel.text.toPlainText()


def test_keys_1_to_4_answer_conformity_items_and_move_on(qtbot, open_editor, ws, audit):
    editor = open_editor(audit)
    items = [i for i in items_of(ws, audit)][:5]
    assert [i.answer for i in items[:3]] == ["conformity"] * 3
    qtbot.keyClick(editor.tree, K.Key_1)
    assert result_of(ws, audit, items[0].id) == "conforms"
    assert editor.tree.current_item_id() == items[1].id          # moved on
    qtbot.keyClick(editor.tree, K.Key_4)
    assert result_of(ws, audit, items[1].id) == "not_applicable"
    qtbot.keyClick(editor.tree, K.Key_3)                           # observation: stays
    assert result_of(ws, audit, items[2].id) == "observation"
    assert editor.tree.current_item_id() == items[2].id
    assert ws.audits.audit(audit)["status"] == "in_progress"      # first answer started it


def test_number_item_takes_typed_digits(qtbot, open_editor, ws, audit):
    editor = open_editor(audit)
    number = next(i for i in items_of(ws, audit) if i.answer == "number")
    editor.select_item(number.id)
    qtbot.keyClick(editor.tree, K.Key_2)
    assert editor.panel.value_edit.hasFocus()
    qtbot.keyClick(editor.panel.value_edit, K.Key_Return)
    assert result_of(ws, audit, number.id) == "2"
    assert editor.tree.hasFocus()


def test_arrows_page_keys_and_enter_move_through_the_checklist(qtbot, open_editor, ws, audit):
    editor = open_editor(audit)
    template = ws.audits.template_of(ws.audits.audit(audit))
    first, second = template.sections[0], template.sections[1]
    qtbot.keyClick(editor.tree, K.Key_Down)
    assert editor.tree.current_item_id() == first.items[1].id
    qtbot.keyClick(editor.tree, K.Key_Return)
    assert editor.tree.current_item_id() == first.items[2].id
    qtbot.keyClick(editor.tree, K.Key_PageDown)
    assert editor.tree.current_item_id() == second.items[0].id
    qtbot.keyClick(editor.tree, K.Key_Up)                         # across the section title
    assert editor.tree.current_item_id() == first.items[-1].id
    qtbot.keyClick(editor.tree, K.Key_PageUp)
    assert editor.tree.current_item_id() == first.items[0].id


def test_filters_show_unanswered_and_nonconformities(qtbot, open_editor, ws, audit):
    editor = open_editor(audit)
    items = items_of(ws, audit)
    qtbot.keyClick(editor.tree, K.Key_1)
    qtbot.keyClick(editor.tree, K.Key_2)
    editor.header.filter.setCurrentIndex(editor.header.filter.findData("nonconformities"))
    assert [editor.model.item_at(editor.proxy.mapToSource(i)).id
            for i in editor.tree.visible_item_indexes()] == [items[1].id]
    editor.header.filter.setCurrentIndex(editor.header.filter.findData("unanswered"))
    shown = {editor.model.item_at(editor.proxy.mapToSource(i)).id
             for i in editor.tree.visible_item_indexes()}
    hidden = ws.audits.hidden(audit)        # young-worker follow-ups: HR-04 not answered yet
    assert shown == {i.id for i in items[2:] if i.id not in hidden}
    before = editor.tree.current_item_id()
    qtbot.keyClick(editor.tree, K.Key_1)                          # answered: leaves the list
    assert before not in {editor.model.item_at(editor.proxy.mapToSource(i)).id
                          for i in editor.tree.visible_item_indexes()}
    assert editor.tree.current_item_id() == items[3].id


def test_unanswered_required_items_are_marked_in_the_tree(open_editor, ws, audit):
    editor = open_editor(audit)
    index = editor.model.index_of(items_of(ws, audit)[0].id, 1)
    assert index.data() == "required"
    section = editor.model.index(0, 1)
    items = ws.audits.template_of(ws.audits.audit(audit)).sections[0].items
    hidden = ws.audits.hidden(audit)        # a rule leaves these out until HR-04 is answered
    assert section.data() == f"0/{len([i for i in items if i.id not in hidden])}"


def test_note_is_saved_and_survives_closing_and_reopening(qtbot, open_editor, ws, audit,
                                                          ui_settings):
    editor = open_editor(audit)
    item = editor.tree.current_item_id()
    qtbot.keyClick(editor.tree, K.Key_N)
    assert editor.panel.note.hasFocus()
    qtbot.keyClicks(editor.panel.note, "Passports kept by HR")
    qtbot.keyClick(editor.panel.note, K.Key_Escape)               # leaves the note: saved
    assert editor.tree.hasFocus()
    qtbot.keyClick(editor.tree, K.Key_2)
    editor.close()
    with Workspace(ws.folder) as again:                            # another connection
        row = again.audits.answers(audit)[item]
        assert (row["result"], row["note"]) == ("nonconformity", "Passports kept by HR")
    reopened = open_editor(audit)
    reopened.select_item(item)
    assert reopened.panel.note.toPlainText() == "Passports kept by HR"
    assert reopened.panel.group.checkedButton().property("result") == "nonconformity"


def test_a_pause_in_typing_saves_the_note(qtbot, open_editor, ws, audit):
    editor = open_editor(audit)
    item = editor.tree.current_item_id()
    qtbot.keyClick(editor.tree, K.Key_N)
    qtbot.keyClicks(editor.panel.note, "Seen")
    qtbot.waitUntil(lambda: ws.audits.answers(audit).get(item, {}).get("note") == "Seen",
                    timeout=3000)


def test_undo_and_redo_replay_the_service(qtbot, open_editor, ws, audit):
    editor = open_editor(audit)
    first = editor.tree.current_item_id()
    editor.panel.note.setPlainText("typed before answering")
    editor.panel.flush_note()
    qtbot.keyClick(editor.tree, K.Key_2)
    assert result_of(ws, audit, first) == "nonconformity"
    qtbot.keyClick(editor.tree, K.Key_1)                          # changes its mind
    assert result_of(ws, audit, first) == "conforms"
    editor.undo()
    assert result_of(ws, audit, first) == "nonconformity"
    editor.undo()
    row = ws.audits.answers(audit)[first]
    assert (row["result"], row["note"]) == (None, "typed before answering")
    editor.redo()
    editor.redo()
    assert result_of(ws, audit, first) == "conforms"
    actions = [h["action"] for h in ws.audits.history(audit)]
    assert (actions.count("undo"), actions.count("redo")) == (2, 2)   # every step is logged


def test_undo_shortcuts_in_the_main_window(qtbot, ws, audit, ui_settings):
    from ui.main_window import MainWindow

    window = MainWindow(ws, settings=ui_settings)
    qtbot.addWidget(window)
    window.show()
    qtbot.waitExposed(window)
    window.activateWindow()
    qtbot.waitUntil(window.isActiveWindow)
    editor = window.open_audit(audit)
    item = editor.tree.current_item_id()
    qtbot.keyClick(editor.tree, K.Key_1)
    qtbot.keyClick(editor.tree, K.Key_Z, Qt.KeyboardModifier.ControlModifier)
    assert result_of(ws, audit, item) is None
    qtbot.keyClick(editor.tree, K.Key_Z,
                   Qt.KeyboardModifier.ControlModifier | Qt.KeyboardModifier.ShiftModifier)
    assert result_of(ws, audit, item) == "conforms"


def test_nonconformity_to_saved_finding_takes_four_actions(qtbot, open_editor, ws, audit):
    """2, F, type what was seen (a finding needs it), Ctrl+Enter."""
    editor = open_editor(audit)
    item = items_of(ws, audit)[0]
    actions = 0

    def act(widget, key, modifier=Qt.KeyboardModifier.NoModifier):
        nonlocal actions
        actions += 1
        qtbot.keyClick(widget, key, modifier)

    act(editor.tree, K.Key_2)                                      # 1: nonconformity
    act(editor.tree, K.Key_F)                                      # 2: new finding, prefilled
    dialog = editor.finding_dialog
    assert dialog.isVisible()
    qtbot.waitUntil(dialog.isActiveWindow)
    assert dialog.observed.hasFocus()
    actions += 1                                                   # 3: what was seen
    qtbot.keyClicks(dialog.observed, "Fire exit blocked")
    act(dialog.observed, K.Key_Return, Qt.KeyboardModifier.ControlModifier)   # 4: save
    assert actions == 4
    [finding] = ws.findings.of_audit(audit)
    visit = ws.audits.visit_date(ws.audits.audit(audit))
    assert finding["item_id"] == item.id and finding["area"] == item.area
    assert finding["severity"] == "minor"                          # the suggestion
    assert finding["observed"] == "Fire exit blocked"
    assert finding["requirement"] == item.question["en"]
    assert finding["due_date"] == (date.fromisoformat(visit) + timedelta(days=90)).isoformat()
    assert editor.findings.model.rowCount() == 1


def test_finding_dialog_due_date_follows_the_policy(qtbot, open_editor, ws, audit):
    editor = open_editor(audit)
    qtbot.keyClick(editor.tree, K.Key_2)
    qtbot.keyClick(editor.tree, K.Key_F)
    dialog = editor.finding_dialog
    visit = date.fromisoformat(ws.audits.visit_date(ws.audits.audit(audit)))
    dialog.severity.setCurrentIndex(dialog.severity.findData("significant"))
    assert dialog.fields()["due_date"] == (visit + timedelta(days=30)).isoformat()
    assert "30" in dialog.policy_label.text()
    dialog.severity.setCurrentIndex(dialog.severity.findData("observation"))
    assert dialog.fields()["due_date"] is None
    dialog.reject()


def test_findings_undo_redo_and_sorting(qtbot, open_editor, ws, audit):
    editor = open_editor(audit)
    items = items_of(ws, audit)
    editor._add_finding(items[0], {"severity": "minor", "observed": "b"})
    editor._add_finding(items[1], {"severity": "significant", "observed": "a"})
    table = editor.findings
    table.table.sortByColumn(0, Qt.SortOrder.AscendingOrder)
    assert table.proxy.index(0, 0).data() == "Significant"
    editor.undo()
    assert [f["severity"] for f in ws.findings.of_audit(audit)] == ["minor"]
    editor.redo()
    assert len(ws.findings.of_audit(audit)) == 2
    finding = next(f for f in ws.findings.of_audit(audit) if f["severity"] == "minor")
    editor._edit_finding(finding["id"], {"severity": "significant"})
    assert ws.findings.finding(finding["id"])["severity"] == "significant"
    editor.undo()
    assert ws.findings.finding(finding["id"])["severity"] == "minor"
