"""Why a CAP workbook was refused: every problem with its sheet, row and column."""
from __future__ import annotations

from pathlib import Path

from PySide6.QtWidgets import (QAbstractItemView, QDialog, QDialogButtonBox, QHeaderView,
                               QLabel, QTableWidget, QTableWidgetItem, QVBoxLayout)


class CapProblemsDialog(QDialog):
    def __init__(self, outcome, parent=None):
        super().__init__(parent)
        self.setObjectName("capProblems")
        self.setWindowTitle(self.tr("CAP workbook refused"))
        problems = outcome.problems
        self.summary = QLabel(self.tr(
            "{0} was not imported: {1} problem(s) were found. Nothing in the audit was "
            "changed. Correct the workbook (or ask the supplier to) and import it again.")
            .format(Path(outcome.file).name, len(problems)))
        self.summary.setWordWrap(True)
        self.stale = QLabel(self.tr(
            "The workbook is older than a CAP answer recorded after it was exported: importing "
            "it would undo that answer. Import the newer workbook, or ask the supplier to fill "
            "in a freshly exported one."))
        self.stale.setObjectName("capStale")
        self.stale.setWordWrap(True)
        self.stale.setVisible(any(getattr(p, "stale", False) for p in problems))
        self.table = QTableWidget(len(problems), 4)
        self.table.setObjectName("capProblemsTable")
        self.table.setHorizontalHeaderLabels([self.tr("Sheet"), self.tr("Row"),
                                              self.tr("Column"), self.tr("Problem")])
        self.table.setEditTriggers(QAbstractItemView.EditTrigger.NoEditTriggers)
        self.table.setSelectionBehavior(QAbstractItemView.SelectionBehavior.SelectRows)
        self.table.verticalHeader().setVisible(False)
        self.table.setWordWrap(True)
        for n, p in enumerate(problems):
            values = (p.sheet, "" if p.row is None else str(p.row), p.column or "", p.message)
            for column, value in enumerate(values):
                self.table.setItem(n, column, QTableWidgetItem(value))
        header = self.table.horizontalHeader()
        for column in range(3):
            header.setSectionResizeMode(column, QHeaderView.ResizeMode.ResizeToContents)
        header.setSectionResizeMode(3, QHeaderView.ResizeMode.Stretch)
        self.table.resizeRowsToContents()
        buttons = QDialogButtonBox(QDialogButtonBox.StandardButton.Close)
        buttons.rejected.connect(self.reject)
        layout = QVBoxLayout(self)
        layout.addWidget(self.summary)
        layout.addWidget(self.stale)
        layout.addWidget(self.table, 1)
        layout.addWidget(buttons)
        self.resize(820, 360)

    def texts(self) -> list[str]:
        return [" | ".join(self.table.item(r, c).text() for c in range(4))
                for r in range(self.table.rowCount())]
