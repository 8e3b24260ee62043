"""The Audits tab: filter by supplier text, status and kind over a sortable table."""
from __future__ import annotations

from typing import TYPE_CHECKING

from PySide6.QtCore import Signal
from ui.views.lazy_view import LazyView

if TYPE_CHECKING:
    from PySide6.QtCore import QModelIndex


class AuditsView(LazyView):
    """Its filter row and table are built when first used (`ensure_built`, `set_rows`, any
    of the parts): the app paints its window before that, and fills it a moment later."""

    open_requested = Signal(str, bool)   # audit id, start the visit too
    _PARTS = frozenset({"model", "proxy", "search", "status", "kind", "count", "open_button",
                        "table"})

    def _build(self) -> None:
        # Imported here, with the parts: the models, the table set-up and Qt's item-view
        # and combo-box classes are not needed for the window's first frame.
        from PySide6.QtCore import Qt
        from PySide6.QtWidgets import QComboBox, QHBoxLayout, QLabel, QPushButton, QVBoxLayout

        from ui.models.audits_model import AuditsFilterProxy, AuditsModel
        from ui.views.table_view import count_label, make_table, search_box
        from sva.vocabulary import AUDIT_KINDS, AUDIT_STATUSES
        from ui.vocabulary import kind_label, status_label
        from ui.widgets.status_icon import status_icon

        self._built = True
        self.model = AuditsModel(self)
        self.proxy = AuditsFilterProxy(self)
        self.proxy.setSourceModel(self.model)

        self.search = search_box("auditsSearch", self.tr("Code or name (EN/JA)"))
        self.status = QComboBox()
        self.status.setObjectName("auditsStatus")
        self.status.addItem(self.tr("All"), None)
        for status in AUDIT_STATUSES:
            self.status.addItem(status_icon(status), status_label(status), status)
        self.kind = QComboBox()
        self.kind.setObjectName("auditsKind")
        self.kind.addItem(self.tr("All"), None)
        for kind in AUDIT_KINDS:
            self.kind.addItem(kind_label(kind), kind)
        self.count = count_label()

        row = QHBoxLayout()
        for text, field in ((self.tr("&Supplier:"), self.search),
                            (self.tr("S&tatus:"), self.status), (self.tr("&Kind:"), self.kind)):
            label = QLabel(text)
            label.setBuddy(field)
            row.addWidget(label)
            row.addWidget(field)
            row.addSpacing(12)
        row.addStretch(1)
        row.addWidget(self.count)
        self.open_button = QPushButton(self.tr("Open", "button: open the audit"))
        self.open_button.setObjectName("openAudit")
        self.open_button.setAutoDefault(True)   # Return on the focused button presses it
        self.open_button.setEnabled(False)
        self.open_button.clicked.connect(self._open_button_clicked)
        row.addWidget(self.open_button)

        self.table = make_table(self.proxy, name="auditsTable")
        # No sort column: the core's agenda order (overdue, under way, upcoming nearest
        # first, then done). A header click sorts by that column; a third click returns here.
        self.table.horizontalHeader().setSortIndicatorClearable(True)
        self.table.sortByColumn(-1, Qt.SortOrder.AscendingOrder)
        layout = QVBoxLayout(self)
        layout.addLayout(row)
        layout.addWidget(self.table)
        self.table.activated.connect(self._activated)
        self.table.selectionModel().currentRowChanged.connect(lambda *_: self._update_open())

        self.search.textChanged.connect(lambda text: self._filter(text=text))
        self.search.returnPressed.connect(self.open_current)
        self.search.installEventFilter(self)
        self.status.currentIndexChanged.connect(
            lambda _: self._filter(status=self.status.currentData()))
        self.kind.currentIndexChanged.connect(lambda _: self._filter(kind=self.kind.currentData()))

    def set_rows(self, rows: list[dict]) -> None:
        current = (self.current_row() or {}).get("id")
        self.model.set_rows(rows)
        if current:
            for n in range(self.proxy.rowCount()):
                source = self.proxy.mapToSource(self.proxy.index(n, 0))
                if self.model.row(source.row())["id"] == current:
                    self.table.setCurrentIndex(self.proxy.index(n, 0))
                    break
        self._update_open()
        if not self._fitted and rows:
            from ui.views.table_view import fit_columns
            fit_columns(self.table, self.model.columns)
            self._fitted = True
        self._update_count()

    def current_row(self) -> dict | None:
        index = self.table.currentIndex()
        if not index.isValid():
            return None
        return self.model.row(self.proxy.mapToSource(index).row())

    def focus_list(self) -> None:
        """The keyboard in the table, on a row (the first if none is current yet), so Enter
        opens it: where the app starts (tests/ui/test_app_start.py)."""
        from PySide6.QtCore import Qt
        if not self.table.currentIndex().isValid() and self.proxy.rowCount():
            self.table.setCurrentIndex(self.proxy.index(0, 0))
        self.table.setFocus(Qt.FocusReason.OtherFocusReason)

    def open_current(self) -> None:
        """Enter in the filter: open the current audit, else the first one the filter shows
        (as Enter in the table does, a planned visit is opened, not started)."""
        index = self.table.currentIndex()
        if not index.isValid():
            index = self.proxy.index(0, 0)
        if index.isValid():
            self._activated(index)

    def eventFilter(self, watched, event) -> bool:  # noqa: N802 (Qt name)
        """Down in the filter goes to the list, to pick among what it shows."""
        from PySide6.QtCore import QEvent, Qt
        if (watched is self.__dict__.get("search") and event.type() == QEvent.Type.KeyPress
                and event.key() == Qt.Key.Key_Down and self.proxy.rowCount()):
            self.focus_list()
            return True
        return super().eventFilter(watched, event)

    def _activated(self, index: QModelIndex) -> None:
        """Enter or double-click: open the audit (a planned one is not started yet)."""
        self.open_requested.emit(self.model.row(self.proxy.mapToSource(index).row())["id"], False)

    def _open_button_clicked(self) -> None:
        row = self.current_row()
        if row is not None:
            self.open_requested.emit(row["id"], row["status"] == "planned")

    def _update_open(self) -> None:
        row = self.current_row()
        self.open_button.setEnabled(row is not None)
        self.open_button.setText(self.tr("Start visit") if row and row["status"] == "planned"
                                 else self.tr("Open", "button: open the audit"))

    def focus_search(self) -> None:
        from PySide6.QtCore import Qt
        self.search.setFocus(Qt.FocusReason.ShortcutFocusReason)
        self.search.selectAll()

    def _filter(self, **change) -> None:
        self.proxy.set_filter(**change)
        self._update_count()

    def _update_count(self) -> None:
        shown, total = self.proxy.rowCount(), self.model.rowCount()
        self.count.setText(self.tr("{0} audits").format(total) if shown == total
                           else self.tr("{0} of {1} audits").format(shown, total))
