"""CMRT workbooks for the demo, written in the RMI CMRT 6.x layout that
`sva.hq.programmes.cmrt` reads (Declaration and Smelter List sheets), and a pool of
invented smelters (names say they are demo data)."""
from __future__ import annotations

from pathlib import Path

from sva.hq.programmes.cmrt import METALS

QUESTIONS = ("1) Is any 3TG intentionally added or used in the product(s) or in the "
             "production process? (*)",
             "2) Does any 3TG remain in the product(s)? (*)",
             "3) Do any of the smelters in your supply chain source the 3TG from the covered "
             "countries? (*)",
             "4) Have you identified all of the smelters supplying the 3TG to your supply "
             "chain? (*)")
HEADER = ("Smelter Identification Number Input Column", "Metal (*)", "Smelter Look-up (*)",
          "Smelter Name (1)", "Smelter Country (*)", "Smelter Identification",
          "Source of Smelter Identification Number")
COUNTRIES = ("JAPAN", "CHINA", "MALAYSIA", "THAILAND", "INDONESIA", "BRAZIL", "GERMANY",
             "UNITED STATES OF AMERICA", "PERU", "RWANDA")


def smelter_pool(rng, per_metal: int = 12) -> list[dict]:
    pool = []
    for m, metal in enumerate(METALS):
        for i in range(per_metal):
            pool.append({"metal": metal, "smelter_id": f"CID{900000 + 100 * m + i:06d}",
                         "smelter_name": f"Demo {metal} Smelter {i + 1:02d}",
                         "country": rng.choice(COUNTRIES)})
    return pool


def write_cmrt(path: Path, company: str, smelters: list[dict], metals: set[str]) -> Path:
    from openpyxl import Workbook
    wb = Workbook()
    wb.active.title = "Instructions"
    d = wb.create_sheet("Declaration")
    d["B2"] = "Conflict Minerals Reporting Template (CMRT)"
    d["B3"] = "Revision 6.31"
    d["B8"], d["D8"] = "Company Name (*):", company
    d["B9"], d["D9"] = "Declaration Scope or Class (*):", "A. Company"
    row = 23
    for text in QUESTIONS:
        d.cell(row, 2, text)
        for i, metal in enumerate(METALS, start=1):
            d.cell(row + i, 3, metal)
            d.cell(row + i, 4, "Yes" if metal in metals else "No")
        row += len(METALS) + 2
    s = wb.create_sheet("Smelter List")
    for c, text in enumerate(HEADER, start=1):
        s.cell(4, c, text)
    for r, sm in enumerate(smelters, start=5):
        for c, value in enumerate((sm["smelter_id"], sm["metal"], sm["smelter_name"],
                                   sm["smelter_name"], sm["country"], sm["smelter_id"],
                                   "RMI"), start=1):
            s.cell(r, c, value)
    wb.save(path)
    return path
