"""The programmes' figures on the demo equal independent counts made here with plain SQL
on the HQ file, and the demo carries the seed's numbers; the figures table, CSV, XLSX and
PDF of `sva-hq figures` show them."""
from __future__ import annotations

import csv
import io
import sqlite3

import pytest
from openpyxl import load_workbook
from pypdf import PdfReader

from sva.hq.programmes.panels import figures_with_panels
from tests.hq_programme.conftest import hq_cli


def one(conn, sql, args=()):
    return conn.execute(sql, args).fetchone()[0]


def independent(db, fy):
    conn = sqlite3.connect(db)
    lo, hi = f"{fy}-04-01", f"{fy + 1}-03-31"
    active = one(conn, "SELECT COUNT(*) FROM suppliers WHERE deleted = 0")
    out = {
        "received": one(conn, "SELECT COUNT(*) FROM declaration_receipts WHERE received_on "
                              "BETWEEN ? AND ?", (lo, hi)),
        "new": one(conn, "SELECT COUNT(*) FROM (SELECT DISTINCT r.supplier_code FROM "
                         "declaration_receipts r JOIN declaration_requests q USING "
                         "(supplier_code, decl_type) WHERE q.reason = 'new_supplier' AND "
                         "r.received_on BETWEEN ? AND ? AND q.requested_on <= r.received_on)",
                   (lo, hi)),
        "env_share": round(100 * one(conn, "SELECT COUNT(DISTINCT supplier_code) FROM "
                                           "declaration_receipts WHERE decl_type = 'env_ohs' "
                                           "AND received_on <= ?", (hi,)) / active, 1),
        "people": one(conn, "SELECT COUNT(*) FROM dissemination_attendees a JOIN "
                            "dissemination_events e ON e.id = a.event_id WHERE a.supplier_code "
                            "<> '' AND e.held_on BETWEEN ? AND ?", (lo, hi)),
        "reached": one(conn, "SELECT COUNT(DISTINCT a.supplier_code) FROM "
                             "dissemination_attendees a JOIN dissemination_events e ON e.id = "
                             "a.event_id WHERE a.supplier_code <> '' AND e.held_on BETWEEN ? "
                             "AND ?", (lo, hi)),
        "cdp": one(conn, "SELECT COUNT(*) FROM climate_records WHERE fy = ? AND cdp_invited",
                   (fy,)),
        "co2": one(conn, "SELECT ROUND(TOTAL(co2_t), 1) FROM climate_records WHERE fy = ?",
                   (fy,)),
        "smelters": one(conn, "SELECT COUNT(DISTINCT smelter_id) FROM cmrt_smelters WHERE "
                              "fy = ?", (fy,)),
        "conformant": one(conn, "SELECT COUNT(DISTINCT s.smelter_id) FROM cmrt_smelters s "
                                "WHERE fy = ? AND s.smelter_id IN (SELECT smelter_id FROM "
                                "cmrt_conformant WHERE status = 'Conformant')", (fy,)),
        "cmrt_responded": one(conn, "SELECT COUNT(*) FROM cmrt_reports WHERE fy = ? AND "
                                    "supplier_code IN (SELECT supplier_code FROM cmrt_requests "
                                    "WHERE fy = ?)", (fy, fy)),
        "rohs_open": one(conn, "SELECT COUNT(*) FROM chemical_surveys WHERE fy = ? AND "
                               "regulation = 'RoHS' AND status IN ('requested', "
                               "'non_compliant')", (fy,)),
    }
    conn.close()
    return out


@pytest.mark.parametrize("fy", [2019, 2020, 2021])
def test_programme_figures_equal_plain_sql(demo_master, demo_storage, fy):
    p = figures_with_panels(demo_storage, fy)["programmes"]
    ind = independent(demo_master / "hq.db", fy)
    d, e, c, m = p["declarations"], p["dissemination"], p["climate"], p["cmrt"]
    assert (d["received"], d["new_suppliers_declared"]) == (ind["received"], ind["new"])
    assert d["coverage"]["env_ohs"]["share"] == ind["env_share"]
    assert (e["people"], e["suppliers_reached"]) == (ind["people"], ind["reached"])
    assert (c["cdp_invited"], c["co2_t"]) == (ind["cdp"], ind["co2"])
    assert (m["smelters"], m["conformant"], m["responded"]) == \
        (ind["smelters"], ind["conformant"], ind["cmrt_responded"])
    assert p["chemicals"]["RoHS"]["open_issues"] == ind["rohs_open"]


def test_the_demo_has_the_seed_numbers(demo_storage):
    fy2019, fy2020, fy2021 = (figures_with_panels(demo_storage, fy)["programmes"]
                              for fy in (2019, 2020, 2021))
    assert fy2020["declarations"]["new_suppliers_declared"] == 297
    assert "rbc" not in fy2020["declarations"]["coverage"]
    assert fy2021["declarations"]["coverage"]["rbc"]["suppliers"] > 0
    meeting = fy2019["dissemination"]["list"][0]
    assert (meeting["management"], meeting["suppliers"]) == (444, 188)
    assert fy2019["dissemination"]["awards"] > 0
    assert fy2020["climate"]["cdp_invited"] == 25 and fy2021["climate"]["cdp_invited"] == 73
    assert fy2020["climate"]["green_rate"] == 100.0 == fy2021["climate"]["green_rate"]
    assert fy2020["cmrt"]["surveyed"] > 0 and fy2020["cmrt"]["smelters"] > 0


def test_figures_outputs_show_the_programmes(demo_master, tmp_path):
    table = hq_cli("figures", "--fy", 2019, "--data-dir", demo_master)
    assert table.returncode == 0, table.stderr
    assert "444 people (444 management) from 188 suppliers" in table.stdout
    ja = hq_cli("figures", "--fy", 2019, "--lang", "ja", "--data-dir", demo_master).stdout
    assert "188社 444名（うち経営層 444名）" in ja
    rows = list(csv.reader(io.StringIO(hq_cli("figures", "--fy", 2020, "--format", "csv",
                                              "--data-dir", demo_master).stdout)))
    assert ["2020", "declarations", "new_suppliers_declared", "", "297"] in rows
    assert ["2020", "climate", "cdp_invited", "", "25"] in rows
    xlsx, pdf = tmp_path / "f.xlsx", tmp_path / "f.pdf"
    for fmt, path in (("xlsx", xlsx), ("pdf", pdf)):
        out = hq_cli("figures", "--fy", 2020, "--format", fmt, "-o", path, "--lang", "ja",
                     "--data-dir", demo_master)
        assert out.returncode == 0, out.stderr
    sheet = load_workbook(xlsx)["FY2020"]
    assert ["宣誓した新規取引先", 297] in [[c.value for c in r[:2]] for r in sheet.iter_rows()]
    text = "".join(page.extract_text() for page in PdfReader(pdf).pages)
    assert "宣誓した新規取引先" in text and "グリーン調達率" in text
