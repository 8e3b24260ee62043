"""The centre of the editor: one item's question and guidance, how it is checked, the
answer controls, the note and the "new finding" button.

The panel only shows and emits; the editor turns its signals into service calls.
"""
from __future__ import annotations

import html

from PySide6.QtCore import QSize, Qt, QTimer, Signal
from PySide6.QtGui import QFocusEvent, QKeyEvent
from PySide6.QtWidgets import (QButtonGroup, QFrame, QHBoxLayout, QLabel, QPlainTextEdit,
                               QPushButton, QSizePolicy, QTextBrowser, QVBoxLayout, QWidget)

from sva.checklists.model import Item
from ui.editor.checklist_model import short_id, text_in
from ui.editor.value_field import VALUE_ANSWERS, ValueField
from sva.vocabulary import KEYED_RESULTS, LANGS, PHOTO_TRIGGERS
from ui.vocabulary import area_label, evidence_label, result_label
from ui.widgets.answer_icons import answer_icon

# A pause in typing saves the note; leaving the field, switching item, closing the tab or the
# window saves at once. 200 ms plus the commit stays within the 300 ms the issue allows
# between the last keystroke and the note being on disk (a kill after that loses nothing).
NOTE_SAVE_DELAY_MS = 200


class NoteEdit(QPlainTextEdit):
    focus_left = Signal()
    escape_pressed = Signal()

    def focusOutEvent(self, event: QFocusEvent) -> None:
        super().focusOutEvent(event)
        self.focus_left.emit()

    def keyPressEvent(self, event: QKeyEvent) -> None:
        if event.key() == Qt.Key.Key_Escape:
            self.escape_pressed.emit()
            return
        super().keyPressEvent(event)


class ChoiceButton(QPushButton):
    """A choice's answer button. Its label can be a whole sentence: the button asks for its
    full width but accepts much less, and elides the label to the width it gets, so a long
    choice never widens the panel (four such buttons made the panel's minimum wider than its
    pane, and the splitter squeezed the checklist to a sliver and relaid out the whole
    editor on that keystroke)."""

    def __init__(self, icon, label: str):
        super().__init__(icon, label)
        self._label = label
        self._full = super().sizeHint()    # with the whole label, before any eliding
        # What the style adds around the text (margins, icon, spacing), to fit the text to.
        self._chrome = self._full.width() - self.fontMetrics().horizontalAdvance(label)
        self.setSizePolicy(QSizePolicy.Policy.Preferred, QSizePolicy.Policy.Fixed)

    def sizeHint(self) -> QSize:  # noqa: N802 (Qt name)
        return self._full

    def minimumSizeHint(self) -> QSize:  # noqa: N802 (Qt name)
        full = self._full.width()          # a short label is never elided
        return QSize(full if full <= 160 else 120, self._full.height())

    def resizeEvent(self, event) -> None:  # noqa: N802 (Qt name)
        super().resizeEvent(event)
        room = max(self.width() - self._chrome, 12)
        text = self.fontMetrics().elidedText(self._label, Qt.TextElideMode.ElideRight, room)
        if text != self.text():
            self.setText(text)


class ItemPanel(QWidget):
    answer_chosen = Signal(str)
    clear_requested = Signal()
    note_committed = Signal(str, str)       # item id, note text
    finding_requested = Signal()
    done_editing = Signal()                 # Esc / Enter in a field: back to the tree

    def __init__(self, parent=None):
        super().__init__(parent)
        self.item: Item | None = None
        self.lang = "both"
        self._note_item = ""
        self._loading = False

        self.title = QLabel()
        self.title.setObjectName("itemTitle")
        self.title.setWordWrap(True)
        self.title.setStyleSheet("font-weight: 600;")
        self.text = QTextBrowser()
        self.text.setObjectName("itemText")
        self.text.setFocusPolicy(Qt.FocusPolicy.ClickFocus)
        self.text.setFrameShape(QFrame.Shape.NoFrame)
        self.text.setOpenLinks(False)
        self.evidence = QLabel()
        self.evidence.setObjectName("itemEvidence")
        # What the checklist asks for beyond the answer (e.g. a photo for a nonconformity).
        self.requirement = QLabel()
        self.requirement.setObjectName("itemRequirement")
        self.requirement.setWordWrap(True)
        self.requirement.setStyleSheet("color: #8a5a00;")
        # Why a key did nothing (a visit not started, a section instead of an item).
        self.notice = QLabel()
        self.notice.setObjectName("itemNotice")
        self.notice.setWordWrap(True)
        self.notice.setStyleSheet("QLabel#itemNotice { background: #fff4d6; border: 1px solid "
                                  "#e0c27a; border-radius: 4px; padding: 4px 8px; }")
        self.notice.hide()

        self.buttons_row = QHBoxLayout()
        self.buttons_row.setSpacing(6)
        self.group = QButtonGroup(self)
        self.group.setExclusive(False)
        self._buttons_kind = None
        self._kept_buttons: dict[tuple, list[QPushButton]] = {}   # conformity / yes-no sets
        self._result: str | None = None
        self.value = ValueField()            # number and text answers
        self.value_edit = self.value.line
        self.value.escaped.connect(self.done_editing)
        self.clear_button = QPushButton(self.tr("Clear answer"))
        self.clear_button.setObjectName("clearAnswer")
        self.clear_button.setFocusPolicy(Qt.FocusPolicy.NoFocus)
        self.clear_button.setToolTip(self.tr("Remove the answer and its note (Delete)"))
        self.clear_button.clicked.connect(self.clear_requested)

        self.note_label = QLabel(self.tr("&Note (N)"))
        self.note = NoteEdit()
        self.note.setObjectName("noteEdit")
        self.note.setTabChangesFocus(True)
        self.note.setPlaceholderText(
            self.tr("What was seen, who was interviewed, which documents…"))
        self.note.setFixedHeight(self.note.fontMetrics().lineSpacing() * 4 + 14)
        self.note_label.setBuddy(self.note)
        self._note_timer = QTimer(self)
        self._note_timer.setSingleShot(True)
        self._note_timer.setInterval(NOTE_SAVE_DELAY_MS)
        self._note_timer.timeout.connect(self.flush_note)
        self.note.textChanged.connect(self._note_typed)
        self.note.focus_left.connect(self.flush_note)
        self.note.escape_pressed.connect(self._note_escape)

        self.finding_button = QPushButton(self.tr("New &finding… (F)"))
        self.finding_button.setObjectName("newFinding")
        self.finding_button.setFocusPolicy(Qt.FocusPolicy.NoFocus)
        self.finding_button.clicked.connect(self.finding_requested)
        self.saved_label = QLabel()
        self.saved_label.setObjectName("savedLabel")
        self.saved_label.setStyleSheet("color: palette(mid);")

        answer_line = QHBoxLayout()
        answer_line.addLayout(self.buttons_row)
        answer_line.addWidget(self.value, 1)
        answer_line.addStretch(0)
        answer_line.addWidget(self.clear_button)
        bottom = QHBoxLayout()
        bottom.addWidget(self.finding_button)
        bottom.addStretch(1)
        bottom.addWidget(self.saved_label)

        layout = QVBoxLayout(self)
        layout.setContentsMargins(8, 4, 8, 4)
        layout.addWidget(self.title)
        layout.addWidget(self.notice)
        layout.addWidget(self.text, 1)
        layout.addWidget(self.evidence)
        layout.addWidget(self.requirement)
        layout.addLayout(answer_line)
        layout.addWidget(self.note_label)
        layout.addWidget(self.note)
        layout.addLayout(bottom)
        self.show_item(None, None, "")

    # -- showing -------------------------------------------------------------------------------
    def show_item(self, item: Item | None, result: str | None, note: str,
                  section_title: dict | None = None) -> None:
        self.flush_note()
        self.item = item
        self.set_notice("")
        self.requirement.setText(self.photo_rule(item))
        self.requirement.setVisible(bool(self.requirement.text()))
        enabled = item is not None
        for widget in (self.note, self.clear_button, self.finding_button, self.value_edit):
            widget.setEnabled(enabled)
        if item is None:
            self.title.setText(self.tr("Choose an item in the checklist"))
            self.text.setHtml("")
            self.evidence.setText("")
            self._build_buttons(None)
            self._set_note("", "")
            return
        required = self.tr("Required") if item.required else self.tr("Optional")
        self.title.setText(" · ".join((short_id(item.id), area_label(item.area), required)))
        self.text.setHtml(self._html(item))
        methods = " · ".join(evidence_label(e) for e in item.evidence)
        self.evidence.setText(self.tr("How it is checked: {0}").format(methods or "—"))
        self._build_buttons(item)
        self.show_result(result)
        self._set_note(item.id, note)

    def show_result(self, result: str | None) -> None:
        self._result = result
        for button in self.group.buttons():
            button.setChecked(button.property("result") == result)
        if self.item is not None and self.item.answer in VALUE_ANSWERS:
            self.value.show_stored(result)
        self.clear_button.setEnabled(self.item is not None and result is not None
                                     and not self._locked())

    def show_note(self, note: str) -> None:
        if self.item is not None and note != self.note.toPlainText():
            self._set_note(self.item.id, note)

    def set_language(self, lang: str) -> None:
        self.lang = lang
        if self.item is not None:
            self.text.setHtml(self._html(self.item))
            self._build_buttons(self.item)
            self.show_result(self._result)

    def set_locked(self, locked: bool) -> None:
        self.setProperty("locked", locked)
        self.note.setReadOnly(locked)
        self.value.set_locked(locked)
        for button in self.group.buttons():
            button.setEnabled(not locked)
        self.clear_button.setEnabled(not locked and self.item is not None)
        self.finding_button.setEnabled(not locked and self.item is not None)

    def set_notice(self, text: str) -> None:
        """Say why the last key changed nothing (empty: hide); cleared by the next item."""
        self.notice.setText(text)
        self.notice.setVisible(bool(text))

    def photo_rule(self, item: Item | None) -> str:
        """The checklist's photo_required_on rule in words ('' when it has none)."""
        rule = set(item.photo_required_on) if item is not None else set()
        if item is not None and item.answer == "yes_no" and "nonconformity" in rule:
            return self.tr("Photo required when the answer is No")
        if rule == set(PHOTO_TRIGGERS):
            return self.tr("Photo required for a nonconformity or an observation")
        if rule == {"nonconformity"}:
            return self.tr("Photo required for a nonconformity")
        if rule == {"observation"}:
            return self.tr("Photo required for an observation")
        return ""

    def set_saved_text(self, text: str) -> None:
        self.saved_label.setText(text)

    def _locked(self) -> bool:
        return bool(self.property("locked"))

    def _html(self, item: Item) -> str:
        langs = LANGS if self.lang == "both" else (self.lang,)
        parts = []
        for lang in langs:
            question = html.escape(item.question.get(lang, ""))
            parts.append(f'<p style="font-size: 12.5pt; font-weight: 600; margin: 0 0 6px 0;" '
                         f'lang="{lang}">{question}</p>')
        heading = html.escape(self.tr("Guidance"))
        parts.append(f'<p style="color: #555; margin: 10px 0 4px 0;"><b>{heading}</b></p>')
        for lang in langs:
            guidance = html.escape(item.guidance.get(lang, ""))
            parts.append(f'<p style="margin: 0 0 8px 0;" lang="{lang}">{guidance}</p>')
        return "".join(parts)

    def _build_buttons(self, item: Item | None) -> None:
        self.value.show_item(item)
        # The same buttons as the previous item (most items are conformity): keep them; new
        # buttons relayout and repaint the panel on every keystroke.
        kind = None if item is None else (item.answer, self.lang, tuple(
            (v, text_in(labels, self.lang)) for v, labels in item.choices))
        if kind is not None and kind == self._buttons_kind:
            return
        old_kind, self._buttons_kind = self._buttons_kind, kind
        for button in self.group.buttons():
            self.group.removeButton(button)
            button.hide()   # at once: until it is deleted it would still widen the layout
            if old_kind not in self._kept_buttons:
                button.deleteLater()
        if item is None:
            return
        # The conformity (or yes/no) buttons are kept while a number, text or choice item is
        # shown, and shown again after it: making them anew cost ~5 ms on those keystrokes.
        if kind in self._kept_buttons:
            for button in self._kept_buttons[kind]:
                button.setEnabled(not self._locked())
                self.group.addButton(button)
                button.show()
            return
        if item.answer in KEYED_RESULTS:
            choices = [(r, result_label(r), r) for r in KEYED_RESULTS[item.answer]]
        elif item.answer == "choice":
            choices = [(v, text_in(labels, self.lang), "value") for v, labels in item.choices]
        else:
            return
        for n, (value, label, icon) in enumerate(choices, start=1):
            text = f"{n}  {label}" if n <= 4 else label
            key_tip = self.tr("Answer with key {0}").format(n) if n <= 4 else ""
            if item.answer == "choice":
                button = ChoiceButton(answer_icon(icon, 16), text)
                button.setToolTip(f"{label}\n{key_tip}" if key_tip else label)
            else:
                button = QPushButton(answer_icon(icon, 16), text)
                button.setSizePolicy(QSizePolicy.Policy.Preferred, QSizePolicy.Policy.Fixed)
                button.setToolTip(key_tip or label)
            button.setObjectName(f"answer_{value}")
            button.setProperty("result", value)
            button.setCheckable(True)
            button.setFocusPolicy(Qt.FocusPolicy.NoFocus)
            button.setEnabled(not self._locked())
            button.clicked.connect(lambda _=False, v=value: self.answer_chosen.emit(v))
            self.group.addButton(button)
            self.buttons_row.addWidget(button)
        if item.answer in KEYED_RESULTS:
            self._kept_buttons[kind] = self.group.buttons()

    # -- values and notes ---------------------------------------------------------------------
    def _set_note(self, item_id: str, note: str) -> None:
        self._loading = True
        self._note_timer.stop()
        self._note_item = item_id
        self.note.setPlainText(note)
        self._saved_note = note
        self._loading = False

    def _note_typed(self) -> None:
        if not self._loading and not self._locked():
            self._note_timer.start()

    def flush_note(self) -> None:
        """Save a pending note edit now (leaving the field, switching item, closing)."""
        self._note_timer.stop()
        if self._loading or not self._note_item:
            return
        text = self.note.toPlainText()
        if text != self._saved_note:
            self._saved_note = text
            self.note_committed.emit(self._note_item, text)

    def _note_escape(self) -> None:
        self.flush_note()
        self.done_editing.emit()
