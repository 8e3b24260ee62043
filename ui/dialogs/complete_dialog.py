"""What still blocks completing an audit: the unanswered required items; a click jumps there."""
from __future__ import annotations

from PySide6.QtCore import Qt, Signal
from PySide6.QtWidgets import (QDialog, QDialogButtonBox, QLabel, QListWidget, QListWidgetItem,
                               QVBoxLayout)

from ui.editor.checklist_model import short_id, text_in
from ui.widgets.answer_icons import answer_icon


class MissingItemsDialog(QDialog):
    jump_requested = Signal(str)   # item id

    def __init__(self, items: list, *, lang: str = "en", parent=None):
        super().__init__(parent)
        self.setObjectName("missingItemsDialog")
        self.setWindowTitle(self.tr("Cannot complete yet"))
        label = QLabel(self.tr("{0} required item(s) are not answered. "
                               "Choose one to go there:").format(len(items)))
        label.setWordWrap(True)
        self.list = QListWidget()
        self.list.setObjectName("missingList")
        for item in items:
            row = QListWidgetItem(answer_icon("missing"),
                                  f"{short_id(item.id)}  {text_in(item.question, lang)}")
            row.setData(Qt.ItemDataRole.UserRole, item.id)
            row.setToolTip(text_in(item.question, lang))
            self.list.addItem(row)
        self.list.setCurrentRow(0)
        self.list.itemActivated.connect(self._jump)
        self.list.itemClicked.connect(self._jump)
        buttons = QDialogButtonBox(QDialogButtonBox.StandardButton.Close)
        buttons.button(QDialogButtonBox.StandardButton.Close).setText(self.tr("Close"))
        buttons.rejected.connect(self.reject)
        layout = QVBoxLayout(self)
        layout.addWidget(label)
        layout.addWidget(self.list, 1)
        layout.addWidget(buttons)
        self.resize(620, 360)

    def item_ids(self) -> list[str]:
        return [self.list.item(n).data(Qt.ItemDataRole.UserRole) for n in range(self.list.count())]

    def _jump(self, row: QListWidgetItem) -> None:
        self.jump_requested.emit(row.data(Qt.ItemDataRole.UserRole))
        self.accept()
