"""Number and text answers in the audit editor: what the auditor's keys become.

On a number item every digit, '-' and '.' typed on the checklist goes into the value field,
the first one included, and the following keys go on typing there: "0 Enter" answers 0.
Enter saves and moves on as an answer key does; Esc leaves without saving. Keys 1–4 after
an answer land on the next item with the focus still on the checklist, so a key is only
ever typed into the item it was pressed on, and shows in the field before Enter keeps it.
A number above what the question expects is kept only when the auditor confirms it.
On a text item Enter opens the field (letters on the checklist are shortcuts: N, F, P).
Leaving a field with something typed saves it when it needs no question, and says so when
it cannot be kept.
"""
from __future__ import annotations

from decimal import Decimal, InvalidOperation

from PySide6.QtCore import QEvent, QObject, Qt
from PySide6.QtWidgets import QMessageBox

from sva.checklists.model import Item, grouped
from sva.domain.audits import check_result
from sva.errors import BadInput, BadNumber
from ui.core_messages import message_of
from ui.editor.checklist_model import short_id, tree_text

NUMBER_KEYS = frozenset("0123456789-.")
_ENTER = (Qt.Key.Key_Return, Qt.Key.Key_Enter)
_TYPING = Qt.KeyboardModifier.KeypadModifier | Qt.KeyboardModifier.ShiftModifier


def _shown(value) -> str:
    """111111111 -> '111,111,111'; anything that is not a number stays as typed."""
    try:
        return grouped(Decimal(str(value)))
    except InvalidOperation:
        return str(value)


class ValueEntry(QObject):
    def __init__(self, editor):
        super().__init__(editor)
        self.editor = editor
        self.field = editor.panel.value
        self.question: QMessageBox | None = None     # "keep it?" while it is open
        self.field.entered.connect(self.enter)
        self.field.left.connect(self.leave)
        editor.tree.installEventFilter(self)

    # -- keys on the checklist -----------------------------------------------------------------
    def eventFilter(self, watched, event) -> bool:  # noqa: N802 (Qt name)
        if event.type() != QEvent.Type.KeyPress or event.modifiers() & ~_TYPING:
            return False
        item = self.editor.current_item()
        if item is None:
            return False
        if item.answer == "number" and event.text() and event.text() in NUMBER_KEYS:
            self.type_key(event.text())
            return True
        if item.answer == "text" and event.key() in _ENTER:
            if self._editable():
                self.field.open_for_typing()
            return True
        return False

    def answer_key(self, n: int) -> None:
        """Keys 1–4 (actions of the editor) on a number or text item."""
        item = self.editor.current_item()
        if item is not None and item.answer == "number":
            self.type_key(str(n))
        elif item is not None:
            self.field.say(self.tr("This question takes text: press Enter to type it."),
                           problem=True)

    def type_key(self, text: str) -> None:
        if self._editable():
            self.field.start_typing(text)

    def _editable(self) -> bool:
        """A planned visit says how to start it; a signed audit asks for the amendment reason
        first, as the answer keys do."""
        if self.editor.not_started_hint():
            return False
        if self.editor.is_locked():
            self.editor.edit_reason()
        return not self.editor.is_locked()

    # -- Enter, leaving ---------------------------------------------------------------------------
    def enter(self, item_id: str, text: str) -> None:
        item = self.editor.template.items[item_id]
        tree = self.editor.tree
        if not text.strip() or not self.field.typed():      # nothing new was typed
            self.field.restore()
            tree.setFocus(Qt.FocusReason.OtherFocusReason)
            if self.field.stored:
                tree.step(+1)                                # as answering moves on
            return
        try:
            check_result(item, text)
        except BadNumber as exc:
            if exc.confirmable:                 # the item lets the auditor keep it
                self._ask(item, text, exc)
            else:
                self.field.problem(self._said(item, self._why(exc)))
            return
        except BadInput as exc:
            self.field.problem(self._said(item, message_of(exc)))
            return
        self._save(item, text)

    def _save(self, item: Item, text: str, *, confirmed: bool = False) -> None:
        # Saved first, then back to the tree: leaving the field with the value still typed
        # would save it a second time, without moving on.
        if not self.editor.answer(text, item=item, confirmed=confirmed):
            self.field.restore()
        self.editor.tree.setFocus(Qt.FocusReason.OtherFocusReason)

    def leave(self, item_id: str, text: str) -> None:
        """The field (or its item) was left with a value typed and not entered."""
        if self.question is not None:
            return
        item = self.editor.template.items[item_id]
        try:
            check_result(item, text)                         # no question asked here
        except BadInput as exc:
            why = self._why(exc) if isinstance(exc, BadNumber) else str(exc)
            self.field.restore()
            self.editor.panel.set_saved_text(self.tr("{0}: “{1}” not saved: {2}").format(
                short_id(item.id), text.strip(), why))
            return
        self.editor.answer(text, item=item, advance=False)

    # -- a number above what the question expects ----------------------------------------------
    def _ask(self, item: Item, text: str, exc: BadNumber) -> None:
        value, limit = _shown(exc.value), grouped(exc.limit)
        question = (self.tr("{0} is below the {1} this question expects — keep it?")
                    if exc.problem == "below_min" else
                    self.tr("{0} is more than the {1} this question expects — keep it?"))
        box = QMessageBox(QMessageBox.Icon.Question, self.tr("Check the number"),
                          self._said(item, question.format(value, limit), sep="\n\n"),
                          parent=self.editor)
        box.setObjectName("confirmValue")
        keep = box.addButton(self.tr("&Keep {0}").format(value),
                             QMessageBox.ButtonRole.AcceptRole)
        correct = box.addButton(self.tr("&Correct it"), QMessageBox.ButtonRole.RejectRole)
        box.setDefaultButton(correct)        # Enter pressed once too often keeps nothing
        box.setEscapeButton(correct)
        self.question = box
        box.finished.connect(lambda _: self._asked(box, item, text, box.clickedButton() is keep))
        box.open()

    def _asked(self, box: QMessageBox, item: Item, text: str, keep: bool) -> None:
        self.question = None
        box.deleteLater()
        if keep:
            self._save(item, text, confirmed=True)
        else:
            self.field.problem(self.tr("Not saved. Correct the number and press Enter."))

    def _said(self, item: Item, why: str, *, sep: str = " — ") -> str:
        """The item's own message for an answer outside its rules (checklist `message`, in
        the checklist's language), before the general reason."""
        if not item.message:
            return why
        return tree_text(item.message, self.editor.model.lang) + sep + why

    def _why(self, exc: BadNumber) -> str:
        if exc.problem == "not_a_number":
            return self.tr("“{0}” is not a number.").format(exc.value.strip())
        if exc.problem == "not_whole":
            return self.tr("{0} has decimals; this question takes whole numbers only.").format(
                _shown(exc.value))
        if exc.problem == "below_min":
            return self.tr("{0} is below {1}, the lowest answer this question takes.").format(
                _shown(exc.value), grouped(exc.limit))
        return self.tr("{0} is more than the {1} this question expects; type it again and "
                       "press Enter to confirm it.").format(_shown(exc.value), grouped(exc.limit))
