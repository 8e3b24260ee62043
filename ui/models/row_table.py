"""A read-only table model over a list of row dicts, described by a list of `Column`s.

Each column says how to show a row (display text, tooltip, icon) and what raw value to sort
by, so numbers sort as numbers and dates as dates, not as their display text.
"""
from __future__ import annotations

import unicodedata
from dataclasses import dataclass
from typing import Any
from collections.abc import Callable

from PySide6.QtCore import (QAbstractTableModel, QModelIndex,
                            QPersistentModelIndex, QSortFilterProxyModel, Qt)

SORT_ROLE = Qt.ItemDataRole.UserRole + 1   # raw value for sorting

Row = dict[str, Any]
_LEFT = Qt.AlignmentFlag.AlignLeft | Qt.AlignmentFlag.AlignVCenter
_RIGHT = Qt.AlignmentFlag.AlignRight | Qt.AlignmentFlag.AlignVCenter
_CENTER = Qt.AlignmentFlag.AlignCenter


@dataclass(frozen=True)
class Column:
    key: str                                  # stable name, used by views and tests
    header: Callable[[], str]                 # translated lazily, so a language switch works
    text: Callable[[Row], str]
    sort: Callable[[Row], Any]
    tooltip: Callable[[Row], str | None] | None = None
    icon: Callable[[Row], Any] | None = None
    foreground: Callable[[Row], Any] | None = None   # a QColor, or None for the palette's
    align: str = "left"                       # "left" | "right" | "center"
    header_tip: Callable[[], str] | None = None
    max_width: int = 320                      # fit-to-contents never goes wider (pixels)


def search_key(text: str | None) -> str:
    """Fold width and case so that 'ｱｵﾊﾞ', 'アオバ' and 'AOBA'/'aoba' match their twins."""
    return unicodedata.normalize("NFKC", text or "").casefold()


class RowTableModel(QAbstractTableModel):
    columns: list[Column] = []

    def __init__(self, parent=None):
        super().__init__(parent)
        self._rows: list[Row] = []
        self._given: list[Row] = []     # in the order they were given: "no sort column"
        self._sort: tuple[int, Qt.SortOrder] | None = None

    def set_rows(self, rows: list[Row]) -> None:
        self.beginResetModel()
        self._given = list(rows)
        self._rows = self._sorted(self._given)
        self.endResetModel()

    # Sorting happens here, in one Python sort by each column's raw value. A sorting proxy
    # would call data() for every comparison: ~250,000 Python calls (seconds) for 5,000 rows.
    # Column -1 (the header's indicator cleared) puts the rows back in the order given.
    def sort(self, column: int, order: Qt.SortOrder = Qt.SortOrder.AscendingOrder) -> None:
        self._sort = (column, order) if 0 <= column < len(self.columns) else None
        if not self._rows:
            return
        self.layoutAboutToBeChanged.emit()
        old = self.persistentIndexList()
        rows_at = [self._rows[index.row()] for index in old]
        self._rows = self._sorted(self._rows)
        position = {id(row): n for n, row in enumerate(self._rows)}
        self.changePersistentIndexList(
            old, [self.index(position[id(row)], index.column())
                  for row, index in zip(rows_at, old)])
        self.layoutChanged.emit()

    def _sorted(self, rows: list[Row]) -> list[Row]:
        if self._sort is None:
            return list(self._given)
        column, order = self.columns[self._sort[0]], self._sort[1]

        def key(row: Row):
            value = column.sort(row)
            return (1, "") if value is None else (0, value)
        return sorted(rows, key=key, reverse=order == Qt.SortOrder.DescendingOrder)

    def row(self, number: int) -> Row:
        return self._rows[number]

    def rows(self) -> list[Row]:
        return list(self._rows)

    def column_index(self, key: str) -> int:
        return next(i for i, c in enumerate(self.columns) if c.key == key)

    def rowCount(self, parent: QModelIndex | QPersistentModelIndex = QModelIndex()) -> int:
        return 0 if parent.isValid() else len(self._rows)

    def columnCount(self, parent: QModelIndex | QPersistentModelIndex = QModelIndex()) -> int:
        return 0 if parent.isValid() else len(self.columns)

    def data(self, index: QModelIndex | QPersistentModelIndex,
             role: int = Qt.ItemDataRole.DisplayRole) -> Any:
        if not index.isValid():
            return None
        row, column = self._rows[index.row()], self.columns[index.column()]
        if role == Qt.ItemDataRole.DisplayRole:
            return column.text(row)
        if role == SORT_ROLE:
            return column.sort(row)
        if role == Qt.ItemDataRole.ToolTipRole and column.tooltip is not None:
            return column.tooltip(row)
        if role == Qt.ItemDataRole.DecorationRole and column.icon is not None:
            return column.icon(row)
        if role == Qt.ItemDataRole.ForegroundRole and column.foreground is not None:
            return column.foreground(row)
        if role == Qt.ItemDataRole.TextAlignmentRole:
            return {"right": _RIGHT, "center": _CENTER}.get(column.align, _LEFT)
        return None

    def headerData(self, section: int, orientation: Qt.Orientation,
                   role: int = Qt.ItemDataRole.DisplayRole) -> Any:
        if orientation != Qt.Orientation.Horizontal or not 0 <= section < len(self.columns):
            return None
        column = self.columns[section]
        if role == Qt.ItemDataRole.DisplayRole:
            return column.header()
        if role == Qt.ItemDataRole.TextAlignmentRole:
            return {"right": _RIGHT, "center": _CENTER}.get(column.align, _LEFT)
        if role == Qt.ItemDataRole.ToolTipRole and column.header_tip is not None:
            return column.header_tip()
        return None


class SourceSortProxy(QSortFilterProxyModel):
    """Filters in Python but leaves sorting to the `RowTableModel` below it (see its `sort`);
    the view's header still shows and changes the order as usual."""

    def sort(self, column: int, order: Qt.SortOrder = Qt.SortOrder.AscendingOrder) -> None:
        self.sourceModel().sort(column, order)
