"""Closing the annotation editor never drops marks silently: Esc or the window's close button
with unsaved marks asks Discard / Keep editing / Save; with nothing changed it just closes."""
from __future__ import annotations

import pytest
from PySide6.QtCore import Qt
from PySide6.QtWidgets import QMessageBox

from tests.ui.test_photos_ui import _drag, _photo_on_item
from tests.ui.ui_demo import audit_with, demo, demo_master, editor_on  # noqa: F401

pytestmark = pytest.mark.timeout(120)


@pytest.fixture
def annotator(qtbot, editor_on, demo):
    editor = editor_on(audit_with(demo, "in_progress"))
    photo_id = _photo_on_item(demo, editor)
    demo.photos.set_annotations(photo_id, [{"kind": "rect", "box": [0.1, 0.1, 0.3, 0.3]}])
    dialog = editor.photos_ui.annotate(photo_id)
    qtbot.waitUntil(dialog.ready, timeout=20000)
    dialog.activateWindow()
    qtbot.waitUntil(dialog.isActiveWindow)
    dialog.photo_id_for_test = photo_id
    return dialog


def _button(box: QMessageBox, text: str):
    return next(b for b in box.buttons() if b.text() == text)


def _draw_two(qtbot, annotator):
    annotator.tool_actions["redact"].trigger()
    _drag(qtbot, annotator.view, (110, 85), (290, 215))
    annotator.tool_actions["arrow"].trigger()
    _drag(qtbot, annotator.view, (20, 250), (90, 200))
    assert len(annotator.marks()) == 3


def test_esc_with_nothing_changed_closes_at_once(qtbot, annotator):
    qtbot.keyClick(annotator.view, Qt.Key.Key_Escape)
    assert not annotator.isVisible()
    assert getattr(annotator, "discard_question", None) is None      # no question asked


def test_esc_after_drawing_then_undoing_closes_at_once(qtbot, annotator):
    _draw_two(qtbot, annotator)
    qtbot.keyClick(annotator.view, Qt.Key.Key_Z, Qt.KeyboardModifier.ControlModifier)
    qtbot.keyClick(annotator.view, Qt.Key.Key_Z, Qt.KeyboardModifier.ControlModifier)
    qtbot.keyClick(annotator.view, Qt.Key.Key_Escape)
    assert not annotator.isVisible()


def test_esc_with_unsaved_marks_asks_and_keep_editing_keeps_them(qtbot, annotator, demo):
    _draw_two(qtbot, annotator)
    qtbot.keyClick(annotator.view, Qt.Key.Key_Escape)
    box = annotator.discard_question
    assert box is not None and box.isVisible() and "Discard 2 unsaved" in box.text()
    assert annotator.isVisible()
    _button(box, "Keep editing").click()
    assert annotator.isVisible() and len(annotator.marks()) == 3
    annotator.close()                                           # the window's close button
    box = annotator.discard_question
    assert box is not None and annotator.isVisible()
    qtbot.keyClick(box, Qt.Key.Key_Escape)                     # Esc in the question: keep
    assert annotator.isVisible() and annotator.discard_question is None
    assert len(demo.photos.annotations(annotator.photo_id_for_test)) == 1


def test_discard_closes_and_stores_nothing(qtbot, annotator, demo):
    stored = demo.photos.annotations(annotator.photo_id_for_test)
    annotator.marks()[0].setSelected(True)
    annotator.delete_action.trigger()                           # a deleted mark counts too
    qtbot.keyClick(annotator.view, Qt.Key.Key_Escape)
    box = annotator.discard_question
    assert "Discard 1 unsaved" in box.text()
    _button(box, "Discard").click()
    assert not annotator.isVisible()
    assert demo.photos.annotations(annotator.photo_id_for_test) == stored


def test_save_from_the_question_stores_the_marks_and_closes(qtbot, annotator, demo):
    _draw_two(qtbot, annotator)
    qtbot.keyClick(annotator.view, Qt.Key.Key_Escape)
    _button(annotator.discard_question, "Save").click()
    assert not annotator.isVisible()
    kinds = sorted(m["kind"] for m in demo.photos.annotations(annotator.photo_id_for_test))
    assert kinds == ["arrow", "rect", "redact"]
    from ui.operations.report import _PRERENDERS      # the print renderings made after a save
    qtbot.waitUntil(lambda: not _PRERENDERS, timeout=30000)
