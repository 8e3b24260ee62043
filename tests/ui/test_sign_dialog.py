"""The sign dialog as the auditor meets it: their name and organisation come from Settings,
and while "Sign and lock" is disabled a line beside it says exactly what is still missing."""
from __future__ import annotations

import pytest
from PySide6.QtCore import QPoint, Qt

from ui.settings import AUDITOR_NAME, ORGANISATION

AUDITOR_PARTS = ["auditor's name", "auditor's role", "auditor's organisation",
                 "auditor's signature"]
SUPPLIER_PARTS = ["supplier representative's name", "supplier representative's role",
                  "supplier representative's organisation",
                  "supplier representative's signature"]


@pytest.fixture
def sign_dialog(qtbot, open_editor, ws, audit, answer_all, ui_settings):
    """The real dialog, opened by the editor's Sign button, with Settings filled in."""
    AUDITOR_NAME.set(ui_settings, "Aiko Tanaka")
    ORGANISATION.set(ui_settings, "Buyer Group, Sustainable Procurement")
    answer_all(ws, audit)
    editor = open_editor(audit)
    qtbot.mouseClick(editor.header.sign_button, Qt.MouseButton.LeftButton)
    dialog = editor.lifecycle.sign_dialog
    assert dialog is not None and dialog.isVisible()
    return dialog


def still_needed(dialog) -> list[str]:
    """The parts the line names, in the order it names them."""
    text = dialog.still_needed.text()
    named = [(text.find(part), part) for part in AUDITOR_PARTS + SUPPLIER_PARTS
             if part in text]
    return [part for _, part in sorted(named)]


def draw(qtbot, pad) -> None:
    qtbot.mousePress(pad, Qt.MouseButton.LeftButton, pos=QPoint(20, 60))
    for x in range(30, 240, 15):
        qtbot.mouseMove(pad, QPoint(x, 40 + (x % 30)))
    qtbot.mouseRelease(pad, Qt.MouseButton.LeftButton, pos=QPoint(250, 50))


def test_the_auditor_name_and_organisation_come_from_settings(sign_dialog):
    assert sign_dialog.auditor.name.text() == "Aiko Tanaka"
    assert sign_dialog.auditor.organisation.text() == "Buyer Group, Sustainable Procurement"
    assert sign_dialog.auditor.role.text() == "Auditor"


def test_the_dialog_says_what_keeps_sign_and_lock_disabled(sign_dialog):
    dialog = sign_dialog
    assert dialog.supplier.name.text() == ""          # the site has no contact person
    assert not dialog.sign_button.isEnabled()
    assert dialog.still_needed.isVisible()
    assert dialog.still_needed.text().startswith("Still needed: ")
    assert still_needed(dialog) == ["auditor's signature", "supplier representative's name",
                                    "supplier representative's role",
                                    "supplier representative's signature"]
    assert dialog.sign_button.toolTip() == dialog.still_needed.text()


def test_the_line_follows_every_change_until_signing_is_possible(qtbot, sign_dialog):
    dialog = sign_dialog
    draw(qtbot, dialog.auditor.pad)
    assert "auditor's signature" not in still_needed(dialog)
    dialog.auditor.organisation.clear()
    assert "auditor's organisation" in still_needed(dialog)
    qtbot.keyClicks(dialog.auditor.organisation, "Buyer Group")
    dialog.supplier.name.clear()
    qtbot.keyClicks(dialog.supplier.name, "Ken Mori")
    assert still_needed(dialog) == ["supplier representative's role",
                                    "supplier representative's signature"]
    qtbot.keyClicks(dialog.supplier.role, "Plant manager")
    assert still_needed(dialog) == ["supplier representative's signature"]
    assert not dialog.sign_button.isEnabled()
    draw(qtbot, dialog.supplier.pad)
    assert dialog.sign_button.isEnabled()
    assert dialog.still_needed.text() == "" and dialog.sign_button.toolTip() == ""
    qtbot.mouseClick(dialog.supplier.clear_button, Qt.MouseButton.LeftButton)
    assert still_needed(dialog) == ["supplier representative's signature"]
    assert not dialog.sign_button.isEnabled()


def test_signing_with_the_prefilled_auditor_stores_the_organisation(qtbot, sign_dialog, ws,
                                                                      audit):
    dialog = sign_dialog
    draw(qtbot, dialog.auditor.pad)
    dialog.supplier.name.setText("Ken Mori")
    dialog.supplier.role.setText("Plant manager")
    draw(qtbot, dialog.supplier.pad)
    qtbot.mouseClick(dialog.sign_button, Qt.MouseButton.LeftButton)
    auditor = ws.audits.signatures(audit)[0]
    assert (auditor["signer_name"], auditor["organisation"]) == (
        "Aiko Tanaka", "Buyer Group, Sustainable Procurement")


def test_the_keyboard_starts_in_the_first_field_still_to_type(qtbot, sign_dialog):
    """The auditor's fields come from Settings: typing starts at the supplier's name."""
    qtbot.waitUntil(lambda: sign_dialog.supplier.name.hasFocus())
    qtbot.keyClicks(sign_dialog.supplier.name, "Ken Ito")
    assert sign_dialog.supplier.name.text() == "Ken Ito"


def test_the_role_field_suggests_the_vocabulary_roles_in_both_languages(qtbot, sign_dialog):
    """Typing part of a role offers the signatory roles (sva.vocabulary.SIGNATORY_ROLES) in
    English and Japanese; one chosen from them prints in the report's language."""
    box = sign_dialog.supplier
    completer = box.role.completer()
    assert completer is not None
    completer.setCompletionPrefix("工場")
    shown = [completer.completionModel().index(r, 0).data()
             for r in range(completer.completionModel().rowCount())]
    assert "工場長" in shown
    completer.setCompletionPrefix("manager")
    shown = [completer.completionModel().index(r, 0).data()
             for r in range(completer.completionModel().rowCount())]
    assert "Plant Manager" in shown and "HR Manager" in shown
