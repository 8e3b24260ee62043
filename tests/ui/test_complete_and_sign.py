"""Completing (with what is missing), signing with the pad, and amendments after signing."""
from __future__ import annotations

from PySide6.QtCore import QPoint, Qt
from PySide6.QtGui import QImage

from ui.dialogs import reason_dialog
from ui.widgets.signature_pad import SignaturePad

K = Qt.Key


def test_complete_lists_the_missing_items_and_a_click_jumps_there(qtbot, open_editor, ws, audit):
    editor = open_editor(audit)
    qtbot.keyClick(editor.tree, K.Key_1)
    qtbot.mouseClick(editor.header.complete_button, Qt.MouseButton.LeftButton)
    dialog = editor.lifecycle.completion_dialog
    assert dialog is not None and dialog.isVisible()
    assert dialog.item_ids() == ws.audits.missing_required(audit)
    target = dialog.list.item(4)                  # under the group's title: the 4th item
    rect = dialog.list.visualItemRect(target)
    qtbot.mouseClick(dialog.list.viewport(), Qt.MouseButton.LeftButton, pos=rect.center())
    assert editor.tree.current_item_id() == dialog.item_ids()[3]
    assert not dialog.isVisible()
    assert ws.audits.audit(audit)["status"] == "in_progress"


def test_complete_with_everything_answered_completes(qtbot, open_editor, ws, audit, answer_all):
    answer_all(ws, audit)
    editor = open_editor(audit)
    qtbot.mouseClick(editor.header.complete_button, Qt.MouseButton.LeftButton)
    assert ws.audits.audit(audit)["status"] == "completed"
    assert editor.header.status.text() == "Completed"


def test_signature_pad_turns_mouse_strokes_into_a_png(qtbot):
    pad = SignaturePad()
    qtbot.addWidget(pad)
    pad.resize(300, 120)
    pad.show()
    qtbot.waitExposed(pad)
    assert pad.is_empty()
    qtbot.mousePress(pad, Qt.MouseButton.LeftButton, pos=QPoint(20, 60))
    for x in range(30, 280, 10):
        qtbot.mouseMove(pad, QPoint(x, 60 + (x % 40) - 20))
    qtbot.mouseRelease(pad, Qt.MouseButton.LeftButton, pos=QPoint(285, 70))
    assert not pad.is_empty()
    data = pad.png_bytes()
    assert data[:8] == b"\x89PNG\r\n\x1a\n"
    image = QImage.fromData(data)
    assert (image.width(), image.height()) == (600, 240)
    dark = sum(1 for x in range(0, 600, 3) for y in range(0, 240, 3)
               if image.pixelColor(x, y).lightness() < 128)
    assert dark > 20
    pad.clear()
    assert pad.is_empty()


def sign_through_dialog(qtbot, editor):
    qtbot.mouseClick(editor.header.sign_button, Qt.MouseButton.LeftButton)
    dialog = editor.lifecycle.sign_dialog
    assert dialog.isVisible()
    assert not dialog.sign_button.isEnabled()
    for box, name in ((dialog.auditor, "Haruka Sato"), (dialog.supplier, "Ken Mori")):
        box.name.setText(name)
        box.role.setText(box.role.text() or "Plant manager")
        box.organisation.setText(box.organisation.text() or "Buyer procurement")
        box.pad.add_stroke([(10, 50), (60, 20), (120, 70), (200, 30)])
    assert dialog.sign_button.isEnabled()
    qtbot.mouseClick(dialog.sign_button, Qt.MouseButton.LeftButton)


def test_signing_stores_both_signatures_and_locks_the_editor(qtbot, open_editor, ws, audit,
                                                             answer_all):
    answer_all(ws, audit)
    editor = open_editor(audit)
    sign_through_dialog(qtbot, editor)
    audit_row = ws.audits.audit(audit)
    assert audit_row["status"] == "signed"
    signatures = ws.audits.signatures(audit)
    assert [s["signer_name"] for s in signatures] == ["Haruka Sato", "Ken Mori"]
    assert all(bytes(s["image_png"]).startswith(b"\x89PNG") for s in signatures)
    assert editor.is_locked()
    assert editor.header.banner.isVisible() and "read-only" in editor.header.banner.text()
    assert editor.panel.note.isReadOnly()
    assert ws.undo.undo_text() == "Sign the audit"                  # both signatures: one step


def test_sign_on_an_unfinished_audit_shows_what_is_missing(qtbot, open_editor, ws, audit):
    editor = open_editor(audit)
    qtbot.keyClick(editor.tree, K.Key_1)
    qtbot.mouseClick(editor.header.sign_button, Qt.MouseButton.LeftButton)
    assert editor.lifecycle.sign_dialog is None
    assert editor.lifecycle.completion_dialog.isVisible()


def test_a_signed_audit_refuses_edits_without_a_reason(qtbot, open_editor, ws, signed,
                                                       monkeypatch):
    asked = []
    monkeypatch.setattr(reason_dialog, "ask_amendment_reason",
                        lambda parent: asked.append(1) or None)
    editor = open_editor(signed)
    item = editor.tree.current_item_id()
    before = ws.audits.answers(signed)[item]["result"]
    qtbot.keyClick(editor.tree, K.Key_2)
    assert asked == [1]
    assert ws.audits.answers(signed)[item]["result"] == before
    assert len(ws.undo) == 0


def test_an_amendment_with_a_reason_is_saved_and_in_the_history(qtbot, open_editor, ws, signed,
                                                                monkeypatch):
    monkeypatch.setattr(reason_dialog, "ask_amendment_reason",
                        lambda parent: "Supplier showed the missing record")
    editor = open_editor(signed)
    item = editor.tree.current_item_id()
    qtbot.keyClick(editor.tree, K.Key_2)
    assert ws.audits.answers(signed)[item]["result"] == "nonconformity"
    last = ws.audits.history(signed)[-1]
    assert last["amendment"] == 1 and last["reason"] == "Supplier showed the missing record"
    assert "Supplier showed the missing record" in editor.header.banner.text()
    editor.undo()                                       # undo is an amendment too
    assert ws.audits.history(signed)[-1]["amendment"] == 1


def test_the_lock_line_gives_the_signing_day_at_the_site(qtbot, open_editor, ws, audit,
                                                          answer_all):
    """Signed at 16:30 UTC is the next morning in Tokyo: the day the supplier signed."""
    from tests.ui.conftest import PNG_1x1
    answer_all(ws, audit)
    ws.audits.complete(audit)
    ws.clock = lambda: "2026-05-12T16:30:00.000000Z"
    ws.audits.sign(audit, signer_name="A", role="Auditor", organisation="Buyer",
                   image_png=PNG_1x1)
    editor = open_editor(audit)
    assert "Signed 2026-05-13 " in editor.header.banner.text()
