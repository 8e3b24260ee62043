"""The audit's findings: a sortable table (severity, area, item, what was seen, due, status)."""
from __future__ import annotations

from PySide6.QtCore import QCoreApplication, QSortFilterProxyModel, Qt, Signal
from PySide6.QtGui import QKeyEvent
from PySide6.QtWidgets import QHBoxLayout, QLabel, QPushButton, QVBoxLayout, QWidget

from ui.editor.checklist_model import short_id
from ui.models.row_table import SORT_ROLE, Column, Row, RowTableModel, search_key
from ui.views.table_view import fit_columns, make_table
from sva.vocabulary import AREAS, FINDING_STATUSES, SEVERITIES
from ui.vocabulary import area_label, finding_status_label, severity_label
from ui.widgets.answer_icons import answer_icon


def _tr(text: str) -> str:
    return QCoreApplication.translate("", text)  # the context lupdate gives `_tr` calls


def _rank(values: tuple, value: str) -> int:
    return values.index(value) if value in values else len(values)


def _summary(row: Row) -> str:
    text = row["observed"] or row["requirement"] or ""
    return " ".join(text.split())


class FindingsModel(RowTableModel):
    columns = [
        Column("severity", lambda: _tr("Severity"), lambda r: severity_label(r["severity"]),
               lambda r: _rank(SEVERITIES, r["severity"]),
               icon=lambda r: answer_icon(r["severity"])),
        Column("area", lambda: _tr("Area"), lambda r: r["area"],
               lambda r: _rank(AREAS, r["area"]), tooltip=lambda r: area_label(r["area"])),
        Column("item", lambda: _tr("Item"), lambda r: short_id(r["item_id"] or "") or "—",
               lambda r: r["item_id"] or ""),
        Column("observed", lambda: _tr("What was seen"), _summary,
               lambda r: search_key(_summary(r)), max_width=300,
               tooltip=lambda r: r["observed"] or r["requirement"]),
        Column("due", lambda: _tr("Due"), lambda r: r["due_date"] or "—",
               lambda r: r["due_date"] or "9999"),
        Column("status", lambda: _tr("Status"), lambda r: finding_status_label(r["status"]),
               lambda r: _rank(FINDING_STATUSES, r["status"])),
    ]


class FindingsPanel(QWidget):
    edit_requested = Signal(str)
    delete_requested = Signal(str)
    add_requested = Signal()

    def __init__(self, parent=None):
        super().__init__(parent)
        self.model = FindingsModel(self)
        self.proxy = QSortFilterProxyModel(self)
        self.proxy.setSortRole(SORT_ROLE)
        self.proxy.setSourceModel(self.model)
        self.table = make_table(self.proxy, name="findingsTable")
        self.table.sortByColumn(0, Qt.SortOrder.AscendingOrder)
        self.table.activated.connect(lambda index: self.edit_requested.emit(self._id(index)))
        self.table.installEventFilter(self)
        self.title = QLabel()
        self.title.setStyleSheet("font-weight: 600;")
        self.add_button = QPushButton(self.tr("Add finding…"))
        self.add_button.setObjectName("addFinding")
        self.add_button.setFocusPolicy(Qt.FocusPolicy.NoFocus)
        self.add_button.clicked.connect(self.add_requested)
        top = QHBoxLayout()
        top.addWidget(self.title)
        top.addStretch(1)
        top.addWidget(self.add_button)
        layout = QVBoxLayout(self)
        layout.setContentsMargins(8, 0, 8, 4)
        layout.addLayout(top)
        layout.addWidget(self.table)
        self._fitted = False

    def set_rows(self, rows: list[Row]) -> None:
        self.model.set_rows(rows)
        self.title.setText(self.tr("Findings ({0})").format(len(rows)))
        if rows and not self._fitted:
            fit_columns(self.table, self.model.columns, fill="observed")
            self._fitted = True

    def set_locked(self, locked: bool) -> None:
        self.add_button.setEnabled(not locked)

    def _id(self, index) -> str:
        return self.model.row(self.proxy.mapToSource(index).row())["id"]

    def current_id(self) -> str:
        index = self.table.currentIndex()
        return self._id(index) if index.isValid() else ""

    def eventFilter(self, watched, event) -> bool:
        if (watched is self.table and isinstance(event, QKeyEvent)
                and event.type() == QKeyEvent.Type.KeyPress
                and event.key() in (Qt.Key.Key_Delete, Qt.Key.Key_Backspace)
                and self.current_id()):
            self.delete_requested.emit(self.current_id())
            return True
        return super().eventFilter(watched, event)
