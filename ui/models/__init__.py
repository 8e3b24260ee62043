"""Qt item models over the core's query lists (one dict per row)."""
from ui.models.row_table import SORT_ROLE, Column, RowTableModel, search_key

__all__ = ["SORT_ROLE", "Column", "RowTableModel", "search_key"]
