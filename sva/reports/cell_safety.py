"""Cells a spreadsheet takes as text, never as a formula (CSV/XLSX formula injection).

A text a supplier, auditor or import wrote may start with `=`, `+`, `-` or `@` (or a tab or
carriage return before one): opened in Excel or LibreOffice, such a CSV field or a formula-
typed XLSX cell would run (`=HYPERLINK(...)`, `=WEBSERVICE(...)`, DDE). So:

* CSV: such a field gets a leading apostrophe, which spreadsheets show as "this is text"
  (`csv_text` takes it off again when SVA reads its own export back).
* XLSX: the value is written as a plain string cell with the "quote prefix" style Excel
  itself uses for text typed with a leading apostrophe: the cell shows and keeps exactly the
  text (a round trip through openpyxl reads it back unchanged), and editing it in Excel
  keeps it text.

Numbers stay numbers: only str values are touched.
"""
from __future__ import annotations

TRIGGERS = ("=", "+", "-", "@", "\t", "\r")


def risky(value) -> bool:
    return isinstance(value, str) and value.startswith(TRIGGERS)


def csv_cell(value):
    """The value for a CSV writer: text that a spreadsheet would run gets a leading '."""
    return "'" + value if risky(value) else value


def csv_text(value: str) -> str:
    """A CSV field as SVA wrote it: the apostrophe `csv_cell` added is taken off."""
    if isinstance(value, str) and value.startswith("'") and risky(value[1:]):
        return value[1:]
    return value


def xlsx_cell(cell, value) -> None:
    """Set an openpyxl cell so that text is text: never a formula, whatever it starts with."""
    cell.value = value
    if isinstance(value, str):
        cell.data_type = "s"            # openpyxl would make '=…' a formula
        if risky(value):
            cell.quotePrefix = True


def xlsx_row(sheet, values) -> None:
    """`sheet.append(values)` with every text cell made safe by `xlsx_cell`."""
    sheet.append([None if v is None else 0 for v in values])
    row = sheet.max_row
    for column, value in enumerate(values, start=1):
        xlsx_cell(sheet.cell(row, column), value)
