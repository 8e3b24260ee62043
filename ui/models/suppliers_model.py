"""The suppliers list: one row per supplier from `ws.queries.suppliers()`, plus its proxy."""
from __future__ import annotations

from PySide6.QtCore import QCoreApplication, QModelIndex, QPersistentModelIndex

from ui.models.row_table import Column, Row, RowTableModel, SourceSortProxy, search_key
from ui.vocabulary import critical_flags, region_label


def _tr(text: str) -> str:
    return QCoreApplication.translate("", text)  # the context lupdate gives `_tr` calls


def _critical_tooltip(row: Row) -> str:
    flags = critical_flags(row)
    if not flags:
        return _tr("Not critical: no large amount, rare product or hard-to-replace flag")
    return _tr("Critical because: {0}").format(", ".join(flags))


def _categories_tooltip(row: Row) -> str:
    return _tr("Categories: {0}").format(", ".join(row["categories"]) or "—")


class SuppliersModel(RowTableModel):
    columns = [
        Column("code", lambda: _tr("Code"), lambda r: r["code"], lambda r: r["code"],
               tooltip=_categories_tooltip),
        Column("name_en", lambda: _tr("Name (EN)"), lambda r: r["name_en"] or "",
               lambda r: search_key(r["name_en"]), tooltip=_categories_tooltip),
        Column("name_ja", lambda: _tr("Name (JA)"), lambda r: r["name_ja"] or "",
               lambda r: search_key(r["name_ja"]), tooltip=lambda r: r["name_ja"] or None),
        Column("region", lambda: _tr("Region"), lambda r: region_label(r["region"]),
               lambda r: r["region"] or "", tooltip=lambda r: region_label(r["region"]),
               max_width=150),
        Column("country", lambda: _tr("Country"), lambda r: r["country"] or "",
               lambda r: r["country"] or ""),
        # Sort critical first when descending: (critical, number of flags).
        Column("critical", lambda: _tr("Critical"),
               lambda r: _tr("critical") if r["critical"] else "",
               lambda r: len(critical_flags(r)) + (10 if r["critical"] else 0),
               tooltip=_critical_tooltip),
        Column("isec_level", lambda: _tr("Info-sec"), lambda r: r["isec_level"] or "—",
               lambda r: r["isec_level"] or "~", align="center",  # "~" sorts after A–D
               header_tip=lambda: _tr("Information security level (A–D)"),
               tooltip=lambda r: None if r["isec_level"] else _tr("No level assessed yet")),
        Column("annual_spend", lambda: _tr("Annual spend (¥)"),
               lambda r: f"{r['annual_spend']:,}" if r["annual_spend"] is not None else "—",
               lambda r: r["annual_spend"] if r["annual_spend"] is not None else -1,
               align="right", header_tip=lambda: _tr("Annual spend in Japanese yen (JPY)")),
        Column("sites", lambda: _tr("Sites"), lambda r: str(r["sites"]), lambda r: r["sites"],
               align="right"),
        Column("audits", lambda: _tr("Audits"), lambda r: str(r["audits"]), lambda r: r["audits"],
               align="right"),
    ]


class SuppliersFilterProxy(SourceSortProxy):
    """Filters in memory: text in code, EN or JA name (width- and case-folded), and region."""

    def __init__(self, parent=None):
        super().__init__(parent)
        self._text, self._region = "", None
        self.setDynamicSortFilter(True)

    def set_filter(self, *, text: str | None = None, region: str | None = "") -> None:
        """`None` clears the region filter; the default `""` leaves it as it is."""
        self.beginFilterChange()
        if text is not None:
            self._text = search_key(text.strip())
        if region != "":
            self._region = region
        self.endFilterChange()

    def filterAcceptsRow(self, source_row: int,
                         source_parent: QModelIndex | QPersistentModelIndex) -> bool:
        row = self.sourceModel().row(source_row)
        if self._region and row["region"] != self._region:
            return False
        if self._text:
            return any(self._text in search_key(row[k]) for k in ("code", "name_en", "name_ja"))
        return True
