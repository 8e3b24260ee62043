"""The CAP workbook's instructions sheet, in English and Japanese whatever the workbook's
language: what to fill in, by when, and where to send it (the return address)."""
from __future__ import annotations

from openpyxl.styles import Alignment, Font

from sva.reports.i18n import Texts
from sva.reports.report_data import ReportData
from sva.vocabulary import LANGS

INSTRUCTIONS_SHEET = "Instructions"
STEPS = ("xlsx.howto.1", "xlsx.howto.2", "xlsx.howto.3", "xlsx.howto.4", "xlsx.howto.5")


def add_instructions(wb, data: ReportData, by: str | None, *, draft: bool) -> None:
    """A sheet before the CAP sheet: both languages, one block each, print-ready."""
    sheet = wb.create_sheet(INSTRUCTIONS_SHEET, 0)
    sheet.column_dimensions["A"].width = 4
    sheet.column_dimensions["B"].width = 110
    wrap = Alignment(wrap_text=True, vertical="top")
    row = 1
    email = data.contact.get("cap_return_email") or "—"
    address = data.contact.get("cap_return_address") or {}
    for lang in LANGS:
        t = Texts(lang)
        if draft:
            cell = sheet.cell(row, 2, t.get("xlsx.draft"))
            cell.font = Font(bold=True, size=12, color="9A5B00")
            row += 1
        cell = sheet.cell(row, 2, t.get("xlsx.howto.title"))
        cell.font = Font(bold=True, size=13, color="1F3A5F")
        row += 1
        lines = [t.get(key, date=t.date(by) if by else "—", email=email) for key in STEPS]
        for n, line in enumerate(lines, start=1):
            sheet.cell(row, 1, n).alignment = wrap
            sheet.cell(row, 2, line).alignment = wrap
            sheet.row_dimensions[row].height = 30
            row += 1
        cell = sheet.cell(row, 2, t.get("xlsx.howto.return", email=email,
                                         date=t.date(by) if by else "—"))
        cell.font = Font(bold=True, size=11)
        cell.alignment = wrap
        row += 1
        if address.get(lang):
            sheet.cell(row, 2, t.get("respond.post", address=address[lang])).alignment = wrap
            row += 1
        row += 1
    for cells in sheet.iter_rows():
        for cell in cells:
            if cell.font.sz is None or cell.font.sz < 10:
                cell.font = Font(bold=cell.font.b, size=10, color=cell.font.color)
    sheet.page_setup.orientation = "landscape"
    sheet.page_setup.fitToWidth = 1
    sheet.page_setup.fitToHeight = 0
    sheet.sheet_properties.pageSetUpPr.fitToPage = True
    sheet.protection.sheet = True
