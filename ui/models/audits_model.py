"""The audits list: one row per audit from `ws.queries.audits()`, plus its filter proxy."""
from __future__ import annotations

from PySide6.QtCore import QCoreApplication, QModelIndex, QPersistentModelIndex
from PySide6.QtGui import QColor

from ui.models.row_table import Column, Row, RowTableModel, SourceSortProxy, search_key
from sva.vocabulary import AUDIT_STATUSES
from ui.vocabulary import kind_label, kind_short_label, site_name, status_label, supplier_name
from ui.widgets.status_icon import status_icon


def _tr(text: str, disambiguation: str | None = None) -> str:
    return QCoreApplication.translate("", text, disambiguation)  # lupdate's `_tr` context


def _supplier_text(row: Row) -> str:
    name = supplier_name(row["supplier_name_en"], row["supplier_name_ja"])
    return f"{row['supplier_code']}  {name}"


def _supplier_tooltip(row: Row) -> str:
    return (f"{row['supplier_code']}\n{row['supplier_name_en']}\n"
            f"{row['supplier_name_ja'] or ''}").strip()


OVERDUE_COLOUR = "#b03a2e"   # the editor's "required" red; the word says it too


def _status_text(row: Row) -> str:
    """A planned visit whose date has passed says so (the core sets `overdue`)."""
    return _tr("Overdue") if row.get("overdue") else status_label(row["status"])


def _overdue_tip(row: Row) -> str | None:
    if not row.get("overdue"):
        return None
    return _tr("Planned for {0} and not started yet").format(row["planned_date"])


def _overdue_colour(row: Row) -> QColor | None:
    return QColor(OVERDUE_COLOUR) if row.get("overdue") else None


def _progress_sort(row: Row) -> float:
    return row["answered"] / row["items"] if row["items"] else 0.0


def _status_rank(row: Row) -> int:
    """Sort by the life cycle (planned → synced), not alphabetically."""
    try:
        return AUDIT_STATUSES.index(row["status"])
    except ValueError:
        return len(AUDIT_STATUSES)


class AuditsModel(RowTableModel):
    columns = [
        Column("date", lambda: _tr("Date"), lambda r: r["planned_date"],
               lambda r: r["planned_date"], tooltip=_overdue_tip, foreground=_overdue_colour),
        Column("supplier", lambda: _tr("Supplier"), _supplier_text,
               lambda r: search_key(_supplier_text(r)), tooltip=_supplier_tooltip),
        Column("site", lambda: _tr("Site"), site_name,
               lambda r: search_key(site_name(r)),
               tooltip=lambda r: f"{r['site_name']} ({r['site_timezone']})"),
        Column("kind", lambda: _tr("Kind"), lambda r: kind_short_label(r["kind"]),
               lambda r: r["kind"], tooltip=lambda r: kind_label(r["kind"])),
        Column("status", lambda: _tr("Status"), _status_text, _status_rank,
               icon=lambda r: status_icon("overdue" if r.get("overdue") else r["status"]),
               tooltip=_overdue_tip, foreground=_overdue_colour),
        Column("progress", lambda: _tr("Progress"), lambda r: f"{r['answered']}/{r['items']}",
               _progress_sort, align="right",
               tooltip=lambda r: _tr("{0} of {1} items answered").format(
                   r["answered"], r["items"])),
        Column("findings", lambda: _tr("Findings"), lambda r: str(r["findings"]),
               lambda r: r["findings"], align="right"),
        Column("open", lambda: _tr("Open", "column: findings not yet closed"),
               lambda r: str(r["open_findings"]),
               lambda r: r["open_findings"], align="right",
               tooltip=lambda r: _tr("Significant or minor findings not yet verified closed")),
        Column("auditors", lambda: _tr("Auditors"), lambda r: ", ".join(r["auditors"]),
               lambda r: search_key(", ".join(r["auditors"])),
               tooltip=lambda r: "\n".join(r["auditors"])),
    ]


class AuditsFilterProxy(SourceSortProxy):
    """Filters in memory: supplier text (code, EN or JA name), status and kind."""

    def __init__(self, parent=None):
        super().__init__(parent)
        self._text, self._status, self._kind = "", None, None
        self.setDynamicSortFilter(True)

    def set_filter(self, *, text: str | None = None, status: str | None = "",
                   kind: str | None = "") -> None:
        """`None` clears a filter; the default `""` for status/kind leaves it as it is."""
        self.beginFilterChange()
        if text is not None:
            self._text = search_key(text.strip())
        if status != "":
            self._status = status
        if kind != "":
            self._kind = kind
        self.endFilterChange()

    def filterAcceptsRow(self, source_row: int,
                         source_parent: QModelIndex | QPersistentModelIndex) -> bool:
        row = self.sourceModel().row(source_row)
        if self._status and row["status"] != self._status:
            return False
        if self._kind and row["kind"] != self._kind:
            return False
        if self._text:
            haystack = (row["supplier_code"], row["supplier_name_en"], row["supplier_name_ja"])
            return any(self._text in search_key(h) for h in haystack)
        return True
