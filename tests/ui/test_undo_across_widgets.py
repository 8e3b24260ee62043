"""Undo is the core's, for the whole workspace: Ctrl+Z in the editor takes back what another
widget did (a photo linked in the finding dialog's picker) and what took several steps (both
signatures), moves to what it changed, and every open view shows the result."""
from __future__ import annotations

import io

import pytest
from PIL import Image
from PySide6.QtCore import Qt
from PySide6.QtWidgets import QApplication

from tests.conftest import answer_all, start
from tests.ui.test_complete_and_sign import sign_through_dialog

pytestmark = pytest.mark.timeout(120)
K = Qt.Key
CTRL = Qt.KeyboardModifier.ControlModifier
CTRL_SHIFT = CTRL | Qt.KeyboardModifier.ShiftModifier


@pytest.fixture
def window(qtbot, ws, ui_settings):
    from ui.main_window import MainWindow

    win = MainWindow(ws, settings=ui_settings)
    qtbot.addWidget(win)
    win.show()
    qtbot.waitExposed(win)
    win.activateWindow()
    qtbot.waitUntil(win.isActiveWindow)
    return win


def _png() -> bytes:
    out = io.BytesIO()
    Image.new("RGB", (120, 90), (200, 30, 30)).save(out, "PNG")
    return out.getvalue()


def _items(ws, audit_id):
    template = ws.audits.template_of(ws.audits.audit(audit_id))
    return [i.id for i in template.items.values() if i.answer == "conformity"]


def test_ctrl_z_in_the_editor_undoes_a_link_made_in_the_finding_dialog(qtbot, window, ws,
                                                                       audit):
    start(ws, audit)
    items = _items(ws, audit)
    photo = ws.photos.add_bytes(audit, _png(), filename="exit.png", item_id=items[2])
    finding = ws.findings.add(audit, severity="minor", item_id=items[5], observed="Exit blocked")
    editor = window.open_audit(audit)
    editor.edit_finding(finding)
    dialog = editor.finding_dialog
    qtbot.waitUntil(dialog.isActiveWindow)
    picker = editor.photos_ui.pick_photos(dialog.photo_strip)
    qtbot.waitUntil(lambda: not picker.model.missing(), timeout=20000)
    picker.list.setCurrentIndex(picker.model.index(0))
    picker.list.setFocus()
    qtbot.keyClick(picker.list, K.Key_Space)
    picker.accept()
    assert ws.photos.photo(photo)["finding_id"] == finding
    assert dialog.photo_strip.photo_ids() == [photo]
    dialog.reject()
    qtbot.waitUntil(lambda: QApplication.activeModalWidget() is None)
    window.activateWindow()
    qtbot.waitUntil(window.isActiveWindow)

    editor.select_item(items[9])
    editor.tree.setFocus()
    qtbot.keyClick(editor.tree, K.Key_Z, CTRL)
    assert ws.photos.photo(photo)["finding_id"] is None           # the link is gone
    assert editor.tree.current_item_id() == items[2]                # shown on its item
    assert editor.photos_ui.strip.photo_ids() == [photo]
    qtbot.keyClick(editor.tree, K.Key_Z, CTRL_SHIFT)
    assert ws.photos.photo(photo)["finding_id"] == finding


def test_ctrl_z_takes_back_both_signatures_at_once(qtbot, window, ws, audit):
    answer_all(ws, audit)
    ws.audits.complete(audit)
    editor = window.open_audit(audit)
    sign_through_dialog(qtbot, editor)
    assert ws.audits.audit(audit)["status"] == "signed" and editor.is_locked()
    assert len(ws.audits.signatures(audit)) == 2
    assert window.undo_action.text() == "&Undo Sign the audit"

    editor.tree.setFocus()
    qtbot.keyClick(editor.tree, K.Key_Z, CTRL)
    assert ws.audits.audit(audit)["status"] == "completed"
    assert ws.audits.signatures(audit) == []
    assert not editor.is_locked() and editor.header.sign_button.isVisible()
    qtbot.keyClick(editor.tree, K.Key_Z, CTRL_SHIFT)
    assert ws.audits.audit(audit)["status"] == "signed"
    assert [s["signer_name"] for s in ws.audits.signatures(audit)] == ["Haruka Sato",
                                                                       "Ken Mori"]
    assert editor.is_locked()


def test_ctrl_z_in_one_audit_goes_to_the_audit_the_step_changed(qtbot, window, ws, audit,
                                                                supplier):
    other = ws.audits.create(supplier_id=supplier["id"], site_id=supplier["site"],
                             template_ref=ws.templates.latest("svr"), planned_date="2026-06-01")
    start(ws, other)
    first = window.open_audit(other)
    qtbot.keyClick(first.tree, K.Key_2)                             # an answer in `other`
    second = window.open_audit(start(ws, audit))
    second.tree.setFocus()
    qtbot.keyClick(second.tree, K.Key_Z, CTRL)                      # undone from `audit`'s tab
    assert ws.audits.answers(other) == {}
    assert window.tabs.currentWidget() is first
    assert first.model.result(_items(ws, other)[0]) is None
