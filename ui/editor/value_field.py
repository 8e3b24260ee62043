"""The field where a number or text item's answer is typed, with the line under it that says
what the question expects (the range of a number) or why a typed value was not kept.

It only shows and emits; the editor's ValueEntry decides what a typed value becomes.
The field remembers which item it belongs to, so a value typed for one item and left by
moving to another is saved for the item it was typed for.
"""
from __future__ import annotations

from PySide6.QtCore import Qt, Signal
from PySide6.QtGui import QFocusEvent, QKeyEvent
from PySide6.QtWidgets import QLabel, QLineEdit, QVBoxLayout, QWidget

from sva.checklists.model import Item, grouped

VALUE_ANSWERS = ("number", "text")
# Focus lost to another window or a popup (the "keep it?" question, a context menu) is not
# the auditor leaving the field: the typed value waits there for Enter or Esc.
_NOT_LEAVING = (Qt.FocusReason.ActiveWindowFocusReason, Qt.FocusReason.PopupFocusReason)
_HINT, _PROBLEM = "color: palette(mid);", "color: #b00020;"


class ValueEdit(QLineEdit):
    escape_pressed = Signal()
    focus_left = Signal()

    def keyPressEvent(self, event: QKeyEvent) -> None:  # noqa: N802 (Qt name)
        if event.key() == Qt.Key.Key_Escape:
            self.escape_pressed.emit()
            return
        super().keyPressEvent(event)

    def focusOutEvent(self, event: QFocusEvent) -> None:  # noqa: N802 (Qt name)
        super().focusOutEvent(event)
        if event.reason() not in _NOT_LEAVING:
            self.focus_left.emit()


class ValueField(QWidget):
    entered = Signal(str, str)   # item id, text: Enter in the field
    left = Signal(str, str)      # item id, text: typed, then the field or the item was left
    escaped = Signal()           # Esc: the stored value is back, nothing was saved

    def __init__(self, parent=None):
        super().__init__(parent)
        self.item: Item | None = None
        self.stored = ""         # the item's stored answer, as the field shows it
        self.line = ValueEdit()
        self.line.setObjectName("valueEdit")
        self.line.returnPressed.connect(self._entered)
        self.line.escape_pressed.connect(self._escaped)
        self.line.focus_left.connect(self.flush)
        self.hint = QLabel()
        self.hint.setObjectName("valueHint")
        self.hint.setWordWrap(True)
        self.hint.setStyleSheet(_HINT)
        self._problem_shown = False
        layout = QVBoxLayout(self)
        layout.setContentsMargins(0, 0, 0, 0)
        layout.setSpacing(2)
        layout.addWidget(self.line)
        layout.addWidget(self.hint)
        self.setVisible(False)

    # -- showing -------------------------------------------------------------------------------
    def show_item(self, item: Item | None) -> None:
        """Another item (or the same one in another language): what is typed for the previous
        item is offered for saving first."""
        if item is None or self.item is None or item.id != self.item.id:
            self.flush()
        self.item = item
        shown = item is not None and item.answer in VALUE_ANSWERS
        self.setVisible(shown)
        if not shown:
            return
        self.line.setPlaceholderText(
            self.tr("Type a number and press Enter") if item.answer == "number"
            else self.tr("Press Enter to type the answer"))
        self.say(self.expected(item))

    def show_stored(self, result: str | None) -> None:
        self.stored = result or ""
        self.line.setText(self.stored)

    def expected(self, item: Item) -> str:
        """What the question expects, e.g. "Expected: 0 to 5,000 · whole numbers"."""
        if item.answer != "number":
            return self.tr("Enter types the answer, Enter again saves it, Esc cancels.")
        low, high = item.min_value, item.max_value
        parts = []
        if low is not None and high is not None:
            parts.append(self.tr("Expected: {0} to {1}").format(grouped(low), grouped(high)))
        elif low is not None:
            parts.append(self.tr("Expected: {0} or more").format(grouped(low)))
        elif high is not None:
            parts.append(self.tr("Expected: up to {0}").format(grouped(high)))
        if not item.decimals:
            parts.append(self.tr("whole numbers"))
        return " · ".join(parts)

    def say(self, text: str, *, problem: bool = False) -> None:
        self.hint.setText(text)
        if problem != self._problem_shown:    # a style sheet is re-applied only on a change
            self._problem_shown = problem
            self.hint.setStyleSheet(_PROBLEM if problem else _HINT)

    def set_locked(self, locked: bool) -> None:
        self.line.setReadOnly(locked)

    # -- typing ----------------------------------------------------------------------------------
    def start_typing(self, text: str) -> None:
        """A key typed on the checklist begins a new value: it replaces what is shown."""
        self.say(self.expected(self.item))
        self.line.setFocus(Qt.FocusReason.ShortcutFocusReason)
        self.line.setText(text)
        self.line.end(False)

    def open_for_typing(self) -> None:
        """Into the field with the stored text kept and the cursor after it."""
        self.say(self.expected(self.item))
        self.line.setFocus(Qt.FocusReason.ShortcutFocusReason)
        self.line.end(False)

    def typed(self) -> str:
        """What was typed and not yet stored ('' when the field shows the stored value)."""
        text = self.line.text()
        return text if text.strip() != self.stored.strip() else ""

    def flush(self) -> None:
        if self.item is not None and self.item.answer in VALUE_ANSWERS and self.typed():
            self.left.emit(self.item.id, self.line.text())

    def restore(self) -> None:
        self.line.setText(self.stored)

    def problem(self, text: str) -> None:
        """A typed value that cannot be kept as it is: say why, stay in the field."""
        self.say(text, problem=True)
        self.line.setFocus(Qt.FocusReason.OtherFocusReason)
        self.line.selectAll()

    def _entered(self) -> None:
        if self.item is not None:
            self.entered.emit(self.item.id, self.line.text())

    def _escaped(self) -> None:
        typed = self.typed()
        self.restore()
        if typed and self.item is not None:
            self.say(self.tr("“{0}” not saved (Esc): the answer stays {1}.")
                     .format(typed.strip(), self.stored) if self.stored
                     else self.tr("“{0}” not saved (Esc): still unanswered.")
                     .format(typed.strip()), problem=True)
        self.escaped.emit()
