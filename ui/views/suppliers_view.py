"""The Suppliers tab: search by code or EN/JA name, filter by region, sortable table."""
from __future__ import annotations

from ui.views.lazy_view import LazyView


class SuppliersView(LazyView):
    """Built when first shown or used: the app starts on the Audits tab, and building this
    hidden tab before the window's first paint was ~15 ms of the start-up."""

    _PARTS = frozenset({"model", "proxy", "search", "region", "count", "table"})

    def showEvent(self, event) -> None:  # noqa: N802 (Qt name)
        self.ensure_built()
        super().showEvent(event)

    def _build(self) -> None:
        # Imported here, with the parts (see the class docstring).
        from PySide6.QtCore import Qt
        from PySide6.QtWidgets import QComboBox, QHBoxLayout, QLabel, QVBoxLayout

        from ui.models.suppliers_model import SuppliersFilterProxy, SuppliersModel
        from ui.views.table_view import count_label, make_table, search_box
        from ui.i18n import ui_language
        from sva.vocabulary import REGIONS
        from ui.vocabulary import region_label

        self._built = True
        self.model = SuppliersModel(self)
        self.proxy = SuppliersFilterProxy(self)
        self.proxy.setSourceModel(self.model)

        self.search = search_box("suppliersSearch", self.tr("Code or name (EN/JA)"))
        self.region = QComboBox()
        self.region.setObjectName("suppliersRegion")
        self.region.addItem(self.tr("All"), None)
        for region in REGIONS:
            self.region.addItem(region_label(region), region)
        self.count = count_label()

        row = QHBoxLayout()
        for text, field in ((self.tr("Sea&rch:"), self.search), (self.tr("R&egion:"), self.region)):
            label = QLabel(text)
            label.setBuddy(field)
            row.addWidget(label)
            row.addWidget(field)
            row.addSpacing(12)
        row.addStretch(1)
        row.addWidget(self.count)

        self.table = make_table(self.proxy, name="suppliersTable")
        self.table.sortByColumn(self.model.column_index("code"), Qt.SortOrder.AscendingOrder)
        if ui_language() == "ja":        # the Japanese name first in the Japanese UI
            header = self.table.horizontalHeader()
            header.moveSection(header.visualIndex(self.model.column_index("name_ja")),
                               header.visualIndex(self.model.column_index("name_en")))
        layout = QVBoxLayout(self)
        layout.addLayout(row)
        layout.addWidget(self.table)

        self.search.textChanged.connect(lambda text: self._filter(text=text))
        self.region.currentIndexChanged.connect(
            lambda _: self._filter(region=self.region.currentData()))

    def set_rows(self, rows: list[dict]) -> None:
        self.model.set_rows(rows)
        if not self._fitted and rows:
            from ui.views.table_view import fit_columns
            from ui.i18n import ui_language
            fit_columns(self.table, self.model.columns,
                        fill="name_ja" if ui_language() == "ja" else "name_en")
            self._fitted = True
        self._update_count()

    def focus_search(self) -> None:
        from PySide6.QtCore import Qt
        self.search.setFocus(Qt.FocusReason.ShortcutFocusReason)
        self.search.selectAll()

    def _filter(self, **change) -> None:
        self.proxy.set_filter(**change)
        self._update_count()

    def _update_count(self) -> None:
        shown, total = self.proxy.rowCount(), self.model.rowCount()
        self.count.setText(self.tr("{0} suppliers").format(total) if shown == total
                           else self.tr("{0} of {1} suppliers").format(shown, total))
