"""An empty amendment reason says why it cannot continue instead of silently doing nothing."""
from __future__ import annotations

from PySide6.QtCore import Qt, QTimer
from PySide6.QtWidgets import QApplication

from ui.dialogs import reason_dialog

K = Qt.Key


def test_an_empty_reason_disables_ok_and_says_why(qtbot):
    dialog = reason_dialog.amendment_dialog(None)
    qtbot.addWidget(dialog)
    dialog.show()
    qtbot.waitExposed(dialog)
    assert not dialog.ok_button.isEnabled()
    assert dialog.hint.isVisible() and "Write the reason to continue" in dialog.hint.text()
    qtbot.keyClicks(dialog.field, "   ")                            # blanks are no reason
    assert not dialog.ok_button.isEnabled() and dialog.hint.isVisible()
    qtbot.keyClick(dialog.field, K.Key_Return)
    assert dialog.isVisible() and dialog.result() == 0
    qtbot.keyClicks(dialog.field, "Supplier sent the records")
    assert dialog.ok_button.isEnabled() and not dialog.hint.isVisible()


def test_ask_amendment_reason_returns_the_typed_reason_only_after_one_is_given(qtbot):
    seen = []

    def empty_enter():
        dialog = QApplication.activeModalWidget()
        qtbot.keyClick(dialog.field, K.Key_Return)
        seen.append((dialog.isVisible(), dialog.hint.isVisible()))
        QTimer.singleShot(0, type_and_enter)

    def type_and_enter():
        dialog = QApplication.activeModalWidget()
        qtbot.keyClicks(dialog.field, "  Late evidence  ")
        qtbot.keyClick(dialog.field, K.Key_Return)

    QTimer.singleShot(0, empty_enter)
    assert reason_dialog.ask_amendment_reason(None) == "Late evidence"
    assert seen == [(True, True)]                   # the empty Enter kept it open, said why


def test_cancel_gives_no_reason(qtbot):
    QTimer.singleShot(0, lambda: QApplication.activeModalWidget().reject())
    assert reason_dialog.ask_amendment_reason(None) is None
