"""One way to set up a list table, so the audits and suppliers tables behave alike."""
from __future__ import annotations

from PySide6.QtCore import QAbstractItemModel, QEvent, QObject, Qt
from PySide6.QtWidgets import QAbstractItemView, QHeaderView, QLabel, QLineEdit, QTableView

from ui.models.row_table import Column

FIT_ROWS = 20


def make_table(model: QAbstractItemModel, *, name: str) -> QTableView:
    table = QTableView()
    table.setObjectName(name)
    table.setModel(model)
    table.setSortingEnabled(True)
    table.setAlternatingRowColors(True)
    table.setSelectionBehavior(QAbstractItemView.SelectionBehavior.SelectRows)
    table.setSelectionMode(QAbstractItemView.SelectionMode.SingleSelection)
    table.setEditTriggers(QAbstractItemView.EditTrigger.NoEditTriggers)
    table.setTabKeyNavigation(False)   # rows are picked with the arrows; Tab leaves the table
    table.setWordWrap(False)
    table.setTextElideMode(Qt.TextElideMode.ElideRight)
    table.setShowGrid(False)
    # Without grid lines a right-aligned number would touch the text of the next column.
    table.setStyleSheet("QTableView::item { padding-left: 6px; padding-right: 6px; }"
                        "QHeaderView::section { padding-left: 8px; padding-right: 8px; }")
    table.setHorizontalScrollMode(QAbstractItemView.ScrollMode.ScrollPerPixel)
    table.verticalHeader().setVisible(False)
    table.verticalHeader().setSectionResizeMode(QHeaderView.ResizeMode.Fixed)
    table.verticalHeader().setDefaultSectionSize(table.fontMetrics().height() + 10)
    header = table.horizontalHeader()
    # Fitting columns measures this many rows, not Qt's default 1,000 (seconds on big lists).
    header.setResizeContentsPrecision(FIT_ROWS)
    header.setHighlightSections(False)
    header.setSectionsMovable(True)
    header.setStretchLastSection(True)
    header.setDefaultAlignment(Qt.AlignmentFlag.AlignLeft | Qt.AlignmentFlag.AlignVCenter)
    return table


def fit_columns(table: QTableView, columns: list[Column], *, fill: str | None = None) -> None:
    """Size columns to their cells (plus air) or header, whichever is wider, each capped.

    Spare width goes to the `fill` column (a text column, so a number is never left
    floating far from its neighbours), else to the last one. Unlike a Stretch section, the
    fill column never shrinks below its own contents: the table scrolls instead.
    """
    header = table.horizontalHeader()
    for number, column in enumerate(columns):
        cells = table.sizeHintForColumn(number) + 12
        header.resizeSection(number, min(max(cells, header.sectionSizeHint(number)),
                                         column.max_width))
    if fill is not None:
        header.setStretchLastSection(False)
        number = next(i for i, c in enumerate(columns) if c.key == fill)
        filler = table.findChild(_FillColumn)
        if filler is None:
            filler = _FillColumn(table)
        filler.start(number, header.sectionSize(number))


class _FillColumn(QObject):
    """Widens one column to take up the table's spare width whenever the table resizes."""

    def __init__(self, table: QTableView):
        super().__init__(table)
        self._table, self._column, self._natural = table, 0, 0
        table.viewport().installEventFilter(self)  # the viewport: its width is what counts

    def start(self, column: int, natural: int) -> None:
        self._column, self._natural = column, natural
        self.fill()

    def fill(self) -> None:
        header = self._table.horizontalHeader()
        others = sum(header.sectionSize(i) for i in range(header.count())
                     if i != self._column and not header.isSectionHidden(i))
        spare = self._table.viewport().width() - others
        header.resizeSection(self._column, max(self._natural, spare))

    def eventFilter(self, watched: QObject, event: QEvent) -> bool:
        if event.type() == QEvent.Type.Resize:
            self.fill()
        return False


def search_box(object_name: str, placeholder: str) -> QLineEdit:
    """The filter line edit both list tabs start their filter row with."""
    box = QLineEdit()
    box.setObjectName(object_name)
    box.setPlaceholderText(placeholder)
    box.setClearButtonEnabled(True)
    box.setMinimumWidth(240)
    return box


def count_label() -> QLabel:
    label = QLabel()
    label.setObjectName("countLabel")
    label.setAlignment(Qt.AlignmentFlag.AlignRight | Qt.AlignmentFlag.AlignVCenter)
    return label

