"""CMRT workbooks built with openpyxl in the published RMI CMRT 6.x layout (Declaration sheet:
revision in the title area, labels in column B, answers in column D, questions with one row
per metal; Smelter List sheet: header row 4, one smelter per row from row 5)."""
from __future__ import annotations

from pathlib import Path

from openpyxl import Workbook

METALS = ("Tantalum", "Tin", "Gold", "Tungsten")
QUESTIONS = {
    1: "1) Is any 3TG intentionally added or used in the product(s) or in the production "
       "process? (*)",
    2: "2) Does any 3TG remain in the product(s)? (*)",
    3: "3) Do any of the smelters in your supply chain source the 3TG from the covered "
       "countries? (*)",
    4: "4) Have you identified all of the smelters supplying the 3TG to your supply chain? (*)",
}
SMELTER_HEADER = ["Smelter Identification Number Input Column", "Metal (*)",
                  "Smelter Look-up (*)", "Smelter Name (1)", "Smelter Country (*)",
                  "Smelter Identification", "Source of Smelter Identification Number"]
GOOD_SMELTERS = [
    ("Gold", "Asahi Pretec Corp.", "JAPAN", "CID000082"),
    ("Gold", "Mitsubishi Materials Corporation", "JAPAN", "CID001188"),
    ("Tin", "Thaisarco", "THAILAND", "CID001898"),
    ("Tantalum", "Global Advanced Metals Aizu", "JAPAN", "CID002558"),
    ("Tungsten", "A.L.M.T. Corp.", "JAPAN", "CID000004"),
]


def cmrt(path: Path, *, company="Supplier S001 Co., Ltd.", scope="A. Company",
         revision="Revision 6.22", answers=None, smelters=GOOD_SMELTERS,
         declaration_sheet="Declaration", smelter_sheet="Smelter List") -> Path:
    wb = Workbook()
    wb.active.title = "Instructions"
    wb["Instructions"]["B2"] = "Instructions"
    d = wb.create_sheet(declaration_sheet)
    d["B2"] = "Conflict Minerals Reporting Template (CMRT)"
    if revision:
        d["B3"] = revision
    d["B8"], d["D8"] = "Company Name (*):", company
    d["B9"], d["D9"] = "Declaration Scope or Class (*):", scope
    d["B10"], d["D10"] = "Contact Name (*):", "Hanako Suzuki"
    row = 23
    for q, text in QUESTIONS.items():
        d.cell(row, 2, text)
        for i, metal in enumerate(METALS, start=1):
            d.cell(row + i, 3, metal)
            answer = (answers or {}).get((q, metal), "Yes")
            if answer is not None:
                d.cell(row + i, 4, answer)
        row += len(METALS) + 2
    s = wb.create_sheet(smelter_sheet)
    s["A1"] = "Smelter List"
    for c, text in enumerate(SMELTER_HEADER, start=1):
        s.cell(4, c, text)
    for r, (metal, name, country, sid) in enumerate(smelters, start=5):
        s.cell(r, 1, sid)
        s.cell(r, 2, metal)
        s.cell(r, 3, name)
        s.cell(r, 4, name)
        s.cell(r, 5, country)
        s.cell(r, 6, sid)
        s.cell(r, 7, "RMI")
    wb.save(path)
    return path
