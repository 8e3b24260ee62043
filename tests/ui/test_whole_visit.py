"""A whole visit, driven by the keyboard (and the mouse for the signatures), from the main
window's list to a signed audit, checked through a second connection after every stage."""
from __future__ import annotations

import pytest
from PySide6.QtCore import QPoint, Qt
from PySide6.QtGui import QImage

from sva.workspace import Workspace
from ui.main_window import MainWindow

K = Qt.Key
CTRL = Qt.KeyboardModifier.ControlModifier
CTRL_SHIFT = Qt.KeyboardModifier.ControlModifier | Qt.KeyboardModifier.ShiftModifier
OBSERVED = "Passports of 3 foreign workers kept in the HR office safe"


def stored(folder):
    """What another process would read: a fresh connection on the same data folder."""
    return Workspace(folder)


def stored_state(folder, audit_id) -> dict:
    with stored(folder) as other:
        return {"status": other.audits.audit(audit_id)["status"],
                "answers": {i: r["result"] for i, r in other.audits.answers(audit_id).items()
                            if r["result"] is not None},
                "findings": other.findings.of_audit(audit_id),
                "signatures": other.audits.signatures(audit_id)}


@pytest.fixture
def visit_window(qtbot, ws, supplier, planned_audit, ui_settings):
    """The main window on a store with the planned audit and an unrelated one in progress."""
    other = ws.suppliers.add(code="S900", name_en="Other Works Ltd.", country="JP")
    site = ws.suppliers.add_site(other, name="Other plant", country="JP", timezone="Asia/Tokyo")
    busy = ws.audits.create(supplier_id=other, site_id=site, planned_date="2026-04-02",
                            template_ref=ws.templates.latest("svr"), auditors=["Someone"])
    ws.audits.start(busy)
    window = MainWindow(ws, settings=ui_settings)
    qtbot.addWidget(window)
    window.resize(1366, 740)
    window.show()
    qtbot.waitExposed(window)
    window.activateWindow()
    qtbot.waitUntil(window.isActiveWindow)
    return window


def open_from_list(qtbot, window, code: str):
    """Type the supplier code in the search field, go to the table, Enter opens the audit."""
    view = window.audits_view
    qtbot.keyClick(window, K.Key_F, CTRL)                         # Find
    assert view.search.hasFocus()
    qtbot.keyClicks(view.search, code)
    assert view.proxy.rowCount() == 1
    view.table.setFocus(Qt.FocusReason.TabFocusReason)
    qtbot.keyClick(view.table, K.Key_Home)                        # first (only) row current
    assert view.current_row()["supplier_code"] == code
    assert view.open_button.text() == "Start visit"               # a planned visit
    qtbot.keyClick(view.table, K.Key_Return)
    editor = window.tabs.currentWidget()
    assert editor is not view and editor.audit_id == view.current_row()["id"]
    assert editor.tree.hasFocus()
    return editor


def answer_by_keys(qtbot, editor, item, key_number: int = 1) -> None:
    """Answer the current item as an auditor would; the editor then moves to the next."""
    assert editor.tree.current_item_id() == item.id
    key = getattr(K, f"Key_{key_number}")
    if item.answer in ("number", "text"):
        qtbot.keyClick(editor.tree, key)                          # focus goes to the value
        field = editor.panel.value_edit
        assert field.hasFocus()
        field.selectAll()
        qtbot.keyClicks(field, "12" if item.answer == "number" else "seen on site")
        qtbot.keyClick(field, K.Key_Return)                       # saved, back to the tree
        assert editor.tree.hasFocus()
    else:                                                         # conformity, yes/no, choice
        qtbot.keyClick(editor.tree, key)


def expected_value(item, key_number: int = 1) -> str:
    if item.answer == "number":
        return "12"
    if item.answer == "text":
        return "seen on site"
    if item.answer == "choice":
        return item.choices[key_number - 1][0]
    return {"conformity": "conforms", "yes_no": "yes"}[item.answer]


def draw_signature(qtbot, pad, wave: int) -> None:
    pad_height = pad.height()
    qtbot.mousePress(pad, Qt.MouseButton.LeftButton, pos=QPoint(15, pad_height // 2))
    for x in range(20, pad.width() - 20, 8):
        qtbot.mouseMove(pad, QPoint(x, pad_height // 2 + ((x // wave) % 2 * 2 - 1) * 18))
    qtbot.mouseRelease(pad, Qt.MouseButton.LeftButton,
                       pos=QPoint(pad.width() - 20, pad_height // 2))


def back_to(qtbot, window) -> None:
    """A window manager re-activates the parent when a dialog closes; offscreen Qt does not."""
    window.activateWindow()
    qtbot.waitUntil(window.isActiveWindow)


def type_into(qtbot, field, text: str) -> None:
    field.setFocus()
    qtbot.keyClick(field, K.Key_A, CTRL)
    qtbot.keyClicks(field, text)


def test_a_whole_visit_by_keyboard_from_the_list_to_signed(qtbot, ws, planned_audit,
                                                           visit_window):
    folder, window, audit = ws.folder, visit_window, planned_audit

    # -- open the planned visit from the list ------------------------------------------------
    editor = open_from_list(qtbot, window, "S001")
    assert editor.header.start_button.isVisible()
    assert stored_state(folder, audit)["status"] == "planned"     # opening changes nothing

    items = list(editor.template.items.values())
    nc_item = items[1]
    assert nc_item.answer == "conformity"
    assert {i.answer for i in items} >= {"conformity", "number", "choice"}

    # -- a key does not start the visit: Ctrl+Shift+T and Enter (today) do ---------------------
    qtbot.keyClick(editor.tree, K.Key_1)
    assert stored_state(folder, audit) == {"status": "planned", "answers": {}, "findings": [],
                                           "signatures": []}
    assert "Start visit" in editor.panel.notice.text()
    qtbot.keyClick(editor.tree, K.Key_T, CTRL_SHIFT)
    start = editor.lifecycle.start_dialog
    qtbot.waitUntil(start.isActiveWindow)
    qtbot.keyClick(start.date_edit, K.Key_Return)
    back_to(qtbot, window)
    assert stored_state(folder, audit)["status"] == "in_progress"
    assert not editor.header.start_button.isVisible()
    answer_by_keys(qtbot, editor, items[0])
    assert stored_state(folder, audit)["answers"] == {items[0].id: "conforms"}

    # -- a nonconformity, F, type what was seen, Ctrl+Enter ----------------------------------
    qtbot.keyClick(editor.tree, K.Key_2)
    assert editor.tree.current_item_id() == nc_item.id             # stays for the finding
    qtbot.keyClick(editor.tree, K.Key_F)
    dialog = editor.finding_dialog
    qtbot.waitUntil(dialog.isActiveWindow)
    assert dialog.observed.hasFocus()
    qtbot.keyClicks(dialog.observed, OBSERVED)
    qtbot.keyClick(dialog.observed, K.Key_Return, CTRL)
    assert not dialog.isVisible()
    back_to(qtbot, window)
    assert editor.tree.hasFocus()
    state = stored_state(folder, audit)
    assert state["answers"][nc_item.id] == "nonconformity"
    [finding] = state["findings"]
    assert (finding["item_id"], finding["area"], finding["severity"], finding["observed"]) == \
        (nc_item.id, nc_item.area, "minor", OBSERVED)
    assert finding["requirement"] == nc_item.question["en"] and finding["due_date"]

    # -- undo and redo across the finding and the answers, with the shortcuts ------------------
    qtbot.keyClick(editor.tree, K.Key_Z, CTRL)                     # the finding
    state = stored_state(folder, audit)
    assert state["findings"] == [] and state["answers"][nc_item.id] == "nonconformity"
    qtbot.keyClick(editor.tree, K.Key_Z, CTRL)                     # the nonconformity
    assert stored_state(folder, audit)["answers"] == {items[0].id: "conforms"}
    qtbot.keyClick(editor.tree, K.Key_Z, CTRL)                     # the first answer
    assert stored_state(folder, audit)["answers"] == {}
    assert ws.undo.undo_text() == "Start the visit"                # what the auditor did first
    for _ in range(2):
        qtbot.keyClick(editor.tree, K.Key_Z, CTRL_SHIFT)
    state = stored_state(folder, audit)
    assert state["answers"] == {items[0].id: "conforms", nc_item.id: "nonconformity"}
    assert state["findings"] == []
    qtbot.keyClick(editor.tree, K.Key_Z, CTRL_SHIFT)               # the finding is back
    [again] = stored_state(folder, audit)["findings"]
    assert (again["id"], again["observed"]) == (finding["id"], OBSERVED)
    assert editor.findings.model.rowCount() == 1
    assert not ws.undo.can_redo()

    # -- every other item by keys, moving on with the answers themselves ------------------------
    editor.select_item(nc_item.id)
    qtbot.keyClick(editor.tree, K.Key_Down)
    for item in items[2:]:
        answer_by_keys(qtbot, editor, item)
    state = stored_state(folder, audit)
    assert len(state["answers"]) == len(items)
    assert all(state["answers"][i.id] == expected_value(i) for i in items if i is not nc_item)
    assert state["status"] == "in_progress"
    assert editor.header.progress.text().startswith(f"{len(items)}/{len(items)} answered")

    # -- complete (Ctrl+Shift+D) -------------------------------------------------------------
    qtbot.keyClick(editor.tree, K.Key_D, CTRL_SHIFT)
    assert stored_state(folder, audit)["status"] == "completed"
    assert editor.header.sign_button.isVisible()

    # -- sign (Ctrl+Shift+G): names typed, signatures drawn with the mouse ----------------------
    qtbot.keyClick(editor.tree, K.Key_G, CTRL_SHIFT)
    sign = editor.lifecycle.sign_dialog
    qtbot.waitUntil(sign.isActiveWindow)
    signers = ((sign.auditor, "Haruka Sato", "Lead auditor", "Buyer Procurement"),
               (sign.supplier, "Ken Mori", "Plant manager", "Kanto Parts Co., Ltd."))
    for box, name, role, organisation in signers:
        type_into(qtbot, box.name, name)
        type_into(qtbot, box.role, role)
        type_into(qtbot, box.organisation, organisation)
    assert not sign.sign_button.isEnabled()                        # no signature drawn yet
    draw_signature(qtbot, sign.auditor.pad, wave=24)
    assert not sign.sign_button.isEnabled()
    draw_signature(qtbot, sign.supplier.pad, wave=40)
    assert sign.sign_button.isEnabled()
    qtbot.mouseClick(sign.sign_button, Qt.MouseButton.LeftButton)

    state = stored_state(folder, audit)
    assert state["status"] == "signed"
    assert [(s["signer_name"], s["role"], s["organisation"]) for s in state["signatures"]] == \
        [(name, role, organisation) for _, name, role, organisation in signers]
    for signature in state["signatures"]:
        image = QImage.fromData(bytes(signature["image_png"]))
        assert not image.isNull()
        ink = sum(1 for x in range(0, image.width(), 4) for y in range(0, image.height(), 4)
                  if image.pixelColor(x, y).lightness() < 128)
        assert ink > 10                                            # the drawn stroke is there
    assert editor.is_locked() and ws.undo.undo_text() == "Sign the audit"   # one step
    assert len(state["answers"]) == len(items) and len(state["findings"]) == 1
