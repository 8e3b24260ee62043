"""What still blocks completing an audit, with a way out for each: unanswered required items
(go there), nonconformities without a finding (create one, or say why none is needed) and
required photos (go to the item and add one). When nothing is left, Complete is enabled."""
from __future__ import annotations

from PySide6.QtCore import QEvent, Qt, Signal
from PySide6.QtGui import QKeyEvent
from PySide6.QtWidgets import (QDialog, QDialogButtonBox, QHBoxLayout, QLabel, QListWidget,
                               QListWidgetItem, QPushButton, QVBoxLayout)

from sva.domain.completion import NO_FINDING, NO_PHOTO, UNANSWERED
from ui.editor.checklist_model import short_id, text_in
from ui.vocabulary import result_label
from ui.widgets.answer_icons import answer_icon

KIND_ROLE = Qt.ItemDataRole.UserRole + 1


class CompletionDialog(QDialog):
    jump_requested = Signal(str)               # item id
    finding_requested = Signal(str)            # item id: a new finding prefilled from it
    reason_requested = Signal(str)             # item id: say why no finding is needed
    complete_requested = Signal()

    def __init__(self, problems: list, items: dict, *, lang: str = "en", parent=None):
        super().__init__(parent)
        self.setObjectName("completionDialog")
        self.setWindowTitle(self.tr("Cannot complete yet"))
        self.items, self.lang = items, lang
        self.label = QLabel()
        self.label.setObjectName("completionSummary")
        self.label.setWordWrap(True)
        self.list = QListWidget()
        self.list.setObjectName("problemList")
        self.list.setWordWrap(True)          # long questions wrap instead of scrolling sideways
        self.list.setHorizontalScrollBarPolicy(Qt.ScrollBarPolicy.ScrollBarAlwaysOff)
        self.list.itemActivated.connect(self._jump)
        self.list.itemClicked.connect(self._jump)
        self.list.currentItemChanged.connect(lambda *_: self._update_buttons())
        self.list.installEventFilter(self)
        self.go_button = self._button(self.tr("&Go to item"), "goToItem",
                                      lambda: self._jump(self.list.currentItem()))
        self.finding_button = self._button(self.tr("Create &finding… (F)"), "createFinding",
                                           lambda: self._on_current(self.finding_requested))
        self.reason_button = self._button(self.tr("&No finding needed… (N)"), "noFindingNeeded",
                                          lambda: self._on_current(self.reason_requested))
        actions = QHBoxLayout()
        for button in (self.go_button, self.finding_button, self.reason_button):
            actions.addWidget(button)
        actions.addStretch(1)
        buttons = QDialogButtonBox(QDialogButtonBox.StandardButton.Close)
        buttons.button(QDialogButtonBox.StandardButton.Close).setText(self.tr("Close"))
        buttons.rejected.connect(self.reject)
        self.complete_button = buttons.addButton(self.tr("&Complete"),
                                                 QDialogButtonBox.ButtonRole.AcceptRole)
        self.complete_button.setObjectName("completeNow")
        self.complete_button.clicked.connect(self._complete)
        layout = QVBoxLayout(self)
        layout.addWidget(self.label)
        layout.addWidget(self.list, 1)
        layout.addLayout(actions)
        layout.addWidget(buttons)
        self.resize(680, 400)
        self.set_problems(problems)
        self.list.setFocus(Qt.FocusReason.OtherFocusReason)

    @staticmethod
    def _button(text: str, name: str, slot) -> QPushButton:
        button = QPushButton(text)
        button.setObjectName(name)
        button.setAutoDefault(False)
        button.clicked.connect(slot)
        return button

    # -- content ------------------------------------------------------------------------------
    def set_problems(self, problems: list) -> None:
        """Show `problems` (completion.Problem, grouped by kind); keeps the current item."""
        keep = self.current_problem()
        self.problems = list(problems)
        self.list.clear()
        groups = {
            UNANSWERED: self.tr("Required items not answered ({0}) — Enter goes there"),
            NO_FINDING: self.tr("Nonconformities without a finding ({0}) — F creates one, "
                                "N says why none is needed"),
            NO_PHOTO: self.tr("Photos required ({0}) — go to the item and add one with P"),
        }
        for kind, title in groups.items():
            rows = [p for p in self.problems if p.kind == kind]
            if not rows:
                continue
            header = QListWidgetItem(title.format(len(rows)))
            header.setFlags(Qt.ItemFlag.NoItemFlags)
            font = header.font()
            font.setBold(True)
            header.setFont(font)
            header.setForeground(self.palette().windowText())   # a title, not a greyed row
            self.list.addItem(header)
            for problem in rows:
                self.list.addItem(self._row(problem))
        if self.problems:
            self.label.setText(self.tr("{0} point(s) to settle before the visit can be "
                                       "completed:").format(len(self.problems)))
        else:
            self.label.setText(self.tr("Nothing blocks completing the visit any more."))
        target = next((n for n in range(self.list.count())
                       if self._problem_at(n) is not None and self._problem_at(n) == keep), None)
        if target is None:
            target = next((n for n in range(self.list.count())
                           if self._problem_at(n) is not None), None)
        if target is not None:
            self.list.setCurrentRow(target)
        self.complete_button.setEnabled(not self.problems)
        self.complete_button.setDefault(not self.problems)
        self._update_buttons()

    def _row(self, problem) -> QListWidgetItem:
        item = self.items[problem.item_id]
        question = text_in(item.question, self.lang)
        if problem.kind == UNANSWERED:
            icon, text = answer_icon("missing"), f"{short_id(item.id)}  {question}"
        else:
            icon = answer_icon(problem.result)
            text = f"{short_id(item.id)}  [{result_label(problem.result)}]  {question}"
        row = QListWidgetItem(icon, text)
        row.setData(Qt.ItemDataRole.UserRole, item.id)
        row.setData(KIND_ROLE, problem.kind)
        row.setToolTip(question)
        return row

    def _problem_at(self, n: int):
        row = self.list.item(n)
        kind = row.data(KIND_ROLE) if row is not None else None
        if not kind:
            return None
        return next((p for p in self.problems
                     if p.kind == kind and p.item_id == row.data(Qt.ItemDataRole.UserRole)), None)

    def current_problem(self):
        return self._problem_at(self.list.currentRow()) if hasattr(self, "problems") else None

    def item_ids(self, kind: str | None = None) -> list[str]:
        return [p.item_id for p in self.problems if kind is None or p.kind == kind]

    # -- actions --------------------------------------------------------------------------
    def _update_buttons(self) -> None:
        problem = self.current_problem()
        self.go_button.setEnabled(problem is not None)
        for button in (self.finding_button, self.reason_button):
            button.setEnabled(problem is not None and problem.kind == NO_FINDING)

    def _jump(self, row: QListWidgetItem | None) -> None:
        if row is None or not row.data(KIND_ROLE):
            return
        self.jump_requested.emit(row.data(Qt.ItemDataRole.UserRole))
        self.accept()

    def _on_current(self, signal) -> None:
        problem = self.current_problem()
        if problem is not None and problem.kind == NO_FINDING:
            signal.emit(problem.item_id)

    def _complete(self) -> None:
        if not self.problems:
            self.complete_requested.emit()
            self.accept()

    def eventFilter(self, watched, event) -> bool:  # noqa: N802 (Qt name)
        """F and N on a nonconformity row: create a finding / say why none is needed."""
        if (watched is self.list and event.type() == QEvent.Type.KeyPress
                and isinstance(event, QKeyEvent) and not event.modifiers()):
            if event.key() == Qt.Key.Key_F and self.finding_button.isEnabled():
                self.finding_button.click()
                return True
            if event.key() == Qt.Key.Key_N and self.reason_button.isEnabled():
                self.reason_button.click()
                return True
        return super().eventFilter(watched, event)
