"""The checklist tree view: arrows move item to item, PgUp/PgDn jump section, Enter advances."""
from __future__ import annotations

from PySide6.QtCore import QModelIndex, QRect, Qt, Signal
from PySide6.QtGui import QFocusEvent, QKeyEvent, QRegion, QResizeEvent
from PySide6.QtWidgets import QAbstractItemView, QHeaderView, QTreeView, QWidget

from ui.editor.checklist_model import ITEM_ID_ROLE


class ChecklistTree(QTreeView):
    item_selected = Signal(str)   # item id ('' when nothing / a section is current)

    def __init__(self, parent=None):
        super().__init__(parent)
        self.setObjectName("checklistTree")
        self.setUniformRowHeights(True)
        self.setAlternatingRowColors(True)
        self.setSelectionMode(QAbstractItemView.SelectionMode.SingleSelection)
        self.setSelectionBehavior(QAbstractItemView.SelectionBehavior.SelectRows)
        self.setEditTriggers(QAbstractItemView.EditTrigger.NoEditTriggers)
        self.setTextElideMode(Qt.TextElideMode.ElideRight)
        self.setIndentation(14)
        self.setExpandsOnDoubleClick(False)
        self.setHeaderHidden(True)
        self._answers_want = 0   # the answer column's width for its longest text
        self._answers_fixed = 0  # ... for the fixed answers (Conforms, Nonconformity, …)

    def setModel(self, model) -> None:  # noqa: N802 (Qt name)
        super().setModel(model)
        header = self.header()
        header.setStretchLastSection(False)
        header.setSectionResizeMode(0, QHeaderView.ResizeMode.Stretch)
        # Sized by `_fit_answers`, not ResizeToContents: that re-measures every row on each
        # answer (~30 ms a keystroke).
        header.setSectionResizeMode(1, QHeaderView.ResizeMode.Interactive)
        self.selectionModel().currentRowChanged.connect(self._current_changed)
        model.layoutChanged.connect(self._refit)
        model.rowsInserted.connect(lambda *_: self._refit())
        model.modelReset.connect(self._refit)
        self._refit()

    def _refit(self) -> None:
        self.expandAll()
        self._fit_answers()

    def _fit_answers(self) -> None:
        self.resizeColumnToContents(1)
        self._answers_want = self.columnWidth(1)
        model = self.model()
        source = model.sourceModel() if hasattr(model, "sourceModel") else model
        if hasattr(source, "fixed_answer_texts"):
            metrics = self.fontMetrics()
            widest = max((metrics.horizontalAdvance(t) for t in source.fixed_answer_texts()),
                         default=0)
            self._answers_fixed = widest + 16
        self._set_answers_width(max(self._answers_want, self._answers_fixed))

    def _set_answers_width(self, want: int) -> None:
        """The answer column gets what its texts need, but at most a third of the tree (or
        the fixed answers' width if more): a long choice label is elided there (it is whole
        in the item panel) instead of squeezing the questions to a sliver."""
        self._answers_want = want
        cap = max(self._answers_fixed, self.viewport().width() // 3)
        width = min(want, cap)
        if width != self.columnWidth(1):
            self.setColumnWidth(1, width)

    def resizeEvent(self, event: QResizeEvent) -> None:  # noqa: N802 (Qt name)
        super().resizeEvent(event)
        if self.model() is not None and self._answers_want:
            self._set_answers_width(self._answers_want)

    def dataChanged(self, top_left: QModelIndex, bottom_right: QModelIndex,  # noqa: N802
                    roles=()) -> None:
        """Widen the answer column for a longer answer (one cell: cheap); a wider change, e.g.
        another checklist language, measures the column again."""
        super().dataChanged(top_left, bottom_right, roles)
        if top_left != bottom_right:
            self._fit_answers()
        elif top_left.column() == 1:
            # Measured from the text alone (the column has no icons): asking the delegate
            # for a size hint asks the model for every role of the cell again.
            width = self.fontMetrics().horizontalAdvance(top_left.data() or "") + 16
            if width > self._answers_want:
                self._set_answers_width(width)

    # -- focus -------------------------------------------------------------------------------
    # Qt repaints the whole tree when it gains or loses focus (~20 ms), which happens twice
    # for every number or text item (the value field takes the focus and gives it back). Only
    # the current row (its focus rectangle) and the frame look different: repaint just those.
    def focusInEvent(self, event: QFocusEvent) -> None:  # noqa: N802 (Qt name)
        if not self.currentIndex().isValid():
            super().focusInEvent(event)   # Qt picks the first item as current
            return
        self.setAttribute(Qt.WidgetAttribute.WA_InputMethodEnabled, False)  # nothing editable
        self._focus_changed()

    def focusOutEvent(self, event: QFocusEvent) -> None:  # noqa: N802 (Qt name)
        self._focus_changed()

    def _focus_changed(self) -> None:
        frame = QRegion(self.rect())
        for child in self.findChildren(QWidget, options=Qt.FindChildOption.FindDirectChildrenOnly):
            if child.isVisible():
                frame -= QRegion(child.geometry())
        self.update(frame)
        row = self.visualRect(self.currentIndex())
        if row.isValid():
            self.viewport().update(QRect(0, row.y(), self.viewport().width(), row.height()))

    # -- which item ----------------------------------------------------------------------------
    def current_item_id(self) -> str:
        return self.currentIndex().siblingAtColumn(0).data(ITEM_ID_ROLE) or ""

    def visible_item_indexes(self) -> list[QModelIndex]:
        model, found = self.model(), []
        for s in range(model.rowCount()):
            section = model.index(s, 0)
            found += [model.index(r, 0, section) for r in range(model.rowCount(section))]
        return found

    def select_index(self, index: QModelIndex) -> None:
        if index.isValid():
            self.setCurrentIndex(index)
            self.scrollTo(index)

    def step(self, delta: int) -> bool:
        """Move to the next (+1) or previous (-1) visible item; False at either end."""
        items = self.visible_item_indexes()
        current = self.currentIndex().siblingAtColumn(0)
        if not items:
            return False
        if current not in items:
            target = items[0] if delta > 0 else items[-1]
        else:
            n = items.index(current) + delta
            if not 0 <= n < len(items):
                return False
            target = items[n]
        self.select_index(target)
        return True

    def jump_section(self, delta: int) -> None:
        model = self.model()
        current = self.currentIndex().siblingAtColumn(0)
        section = current.parent() if current.parent().isValid() else current
        row = section.row() + delta if section.isValid() else 0
        if delta < 0 and current.parent().isValid() and current.row() > 0:
            row = section.row()          # PgUp first goes to the top of this section
        while 0 <= row < model.rowCount():
            first = model.index(0, 0, model.index(row, 0))
            if first.isValid():
                self.select_index(first)
                return
            row += 1 if delta > 0 else -1

    # -- keys ------------------------------------------------------------------------------
    def keyPressEvent(self, event: QKeyEvent) -> None:
        key = event.key()
        plain = not (event.modifiers() & ~Qt.KeyboardModifier.KeypadModifier)
        if plain and key == Qt.Key.Key_Down:
            self.step(+1)
        elif plain and key == Qt.Key.Key_Up:
            self.step(-1)
        elif plain and key in (Qt.Key.Key_Return, Qt.Key.Key_Enter):
            self.step(+1)
        elif plain and key == Qt.Key.Key_PageDown:
            self.jump_section(+1)
        elif plain and key == Qt.Key.Key_PageUp:
            self.jump_section(-1)
        else:
            super().keyPressEvent(event)

    def _current_changed(self, current: QModelIndex, _previous: QModelIndex) -> None:
        self.item_selected.emit(current.siblingAtColumn(0).data(ITEM_ID_ROLE) or "")
