"""Figures on the demo data: every figure equals an independent count made here with plain
SQL straight on the pushed audit documents (json_extract, not the facts columns), and the
SQL-aggregate figures equal the pure `figures()`; fiscal-year boundaries in Tokyo time."""
from __future__ import annotations

import sqlite3
from statistics import median

import pytest

from sva.hq import audits as hq_audits
from sva.hq.accounts import add_user
from sva.hq.programme.figures import figures
from sva.hq.programme_figures import figures_for, figures_from_db, inputs_from_db
from sva.hq.storage import open_storage

from .conftest import hq_cli

# the visit date in Tokyo (UTC+9, no daylight saving), straight from the document
VISIT = ("COALESCE(date(datetime(json_extract(a.document, '$.started_at'), '+9 hours')), "
         "json_extract(a.document, '$.planned_date'))")
DONE = "json_extract(a.document, '$.status') NOT IN ('planned', 'in_progress')"


def q(conn, sql, args=()):
    return conn.execute(sql, args).fetchall()


def independent(db, fy):
    conn = sqlite3.connect(db)
    lo, hi = f"{fy}-04-01", f"{fy + 1}-03-31"
    year = f"{DONE} AND {VISIT} BETWEEN '{lo}' AND '{hi}'"
    finding = ("FROM audits a, json_each(a.document, '$.findings') j JOIN findings f "
               "ON f.id = json_extract(j.value, '$.id') WHERE " + year +
               " AND COALESCE(json_extract(j.value, '$.deleted'), 0) = 0")
    sev = "json_extract(j.value, '$.severity')"
    # critical: the flags in force on the year's last day
    crit = (f"(s.large_amount + s.rare_product + s.hard_to_replace) > 0 AND s.valid_from <= "
            f"'{hi}' AND COALESCE(s.valid_to, '9999') >= '{hi}'")
    out = {
        "saq_all": q(conn, "SELECT COUNT(*) FROM saq_responses WHERE fy = ?", (fy,))[0][0],
        "saq_critical": q(conn, f"SELECT COUNT(*) FROM saq_responses r JOIN supplier_attributes "
                                f"s ON s.supplier_code = r.supplier_code WHERE r.fy = ? AND {crit}",
                          (fy,))[0][0],
        "levels": dict(q(conn, "SELECT isec_level, COUNT(*) FROM saq_levels WHERE fy = ? "
                               "GROUP BY isec_level", (fy,))),
        "kinds": dict(q(conn, f"SELECT json_extract(a.document, '$.kind'), COUNT(*) FROM "
                              f"audits a WHERE {year} GROUP BY 1")),
        "visited": q(conn, f"SELECT COUNT(DISTINCT a.supplier_code) FROM audits a "
                           f"WHERE {year}")[0][0],
        "severity": dict(q(conn, f"SELECT {sev}, COUNT(*) {finding} GROUP BY 1")),
        "area": {(a, s): n for a, s, n in q(
            conn, f"SELECT json_extract(j.value, '$.area'), {sev}, COUNT(*) {finding} "
                  "GROUP BY 1, 2")},
        "topics": dict(q(conn, f"SELECT json_extract(j.value, '$.item_id'), COUNT(DISTINCT "
                               f"a.supplier_code) {finding} AND {sev} = 'minor' GROUP BY 1")),
        "needing": q(conn, f"SELECT COUNT(*) {finding} AND {sev} IN "
                           "('significant', 'minor')")[0][0],
        "closed_days": [d for (d,) in q(
            conn, f"SELECT julianday(f.verified_at) - julianday({VISIT}) {finding} AND {sev} IN "
                  "('significant', 'minor') AND f.status = 'verified_closed'")],
        "spend": dict(q(conn, "SELECT s.region, SUM(h.annual_spend) FROM supplier_spend h JOIN "
                              "suppliers s ON s.code = h.supplier_code WHERE h.fy = ? "
                              "GROUP BY s.region", (fy,))),
    }
    conn.close()
    return out


@pytest.mark.parametrize("fy", [2022, 2023, 2024, 2025])
def test_every_figure_equals_plain_sql(demo_master, demo_storage, fy):
    fig = figures_for(demo_storage, fy)
    ind = independent(demo_master / "hq.db", fy)
    assert ind["saq_all"] > 0 and sum(ind["kinds"].values()) > 0    # the demo has content
    dc = fig["document_checks"]
    assert dc["suppliers"] == {"all": ind["saq_all"], "critical": ind["saq_critical"]}
    assert fig["infosec_document_checks"] == ind["saq_all"]        # every ISEC answer given
    assert fig["isec_levels"] == ind["levels"]
    assert fig["onsite_assessments"] == {"infosec": ind["kinds"].get("infosec", 0),
                                         "svr": ind["kinds"].get("svr", 0)}
    assert fig["suppliers_visited"] == ind["visited"]
    assert fig["findings_by_severity"] == {s: ind["severity"].get(s, 0) for s in
                                           ("significant", "minor", "observation",
                                            "good_practice")}
    for area, counts in fig["findings_by_area"].items():
        for s, n in counts.items():
            assert n == ind["area"].get((area, s), 0), (area, s)
    assert {t["item_id"]: t["suppliers"] for t in fig["improvement_topics"]} == ind["topics"]
    cap = fig["cap"]
    assert cap["needing_cap"] == ind["needing"]
    assert cap["closed"] == len(ind["closed_days"])
    assert cap["closure_rate"] == round(100 * len(ind["closed_days"]) / ind["needing"], 1)
    assert cap["median_days_to_close"] == median(ind["closed_days"])
    total = sum(ind["spend"].values())
    assert {r: v["spend"] for r, v in fig["procurement_by_region"].items()} == ind["spend"]
    assert fig["procurement_by_region"]["JP"]["share"] == round(100 * ind["spend"]["JP"] / total, 1)
    # and the SQL aggregates agree with the pure function over the same rows
    with demo_storage.transaction(write=False) as tx:
        data = inputs_from_db(tx)
    assert figures(fy, data["suppliers"], data["saq_results"], data["audits"],
                   data["findings"], topics=data["topics"], spend=data["spend"],
                   attributes=data["attributes"]) == {k: v for k, v in fig.items()
                                                      if k != "programmes"}  # its own test


def test_demo_is_weighted_like_the_spend_split(demo_storage):
    fig = figures_for(demo_storage, 2024)
    shares = {r: v["share"] for r, v in fig["procurement_by_region"].items()}
    assert shares == pytest.approx({"JP": 72, "ASIA": 13, "NA": 12, "EMEA": 2, "CSA": 1}, abs=0.3)
    assert fig["cap"]["closed"] > 0 and fig["improvement_topics"]


def _push(storage, who, audit_id, started_at, status="synced", planned="2021-03-31"):
    doc = {"id": audit_id, "supplier_code": "S1", "kind": "svr", "status": status,
           "planned_date": planned, "started_at": started_at, "photos": [],
           "findings": [{"id": "10000000-0000-4000-8000-00000000" + audit_id[-4:],
                         "item_id": "SVR-HR-01", "area": "HR",
                         "severity": "minor", "status": "open"}]}
    hq_audits.ingest(storage, who, doc)


def test_fiscal_year_boundaries_in_tokyo_time(tmp_path):
    d = tmp_path / "hq"
    reg = tmp_path / "r.csv"
    reg.write_text("code,name_en,country,annual_spend\nS1,One,JP,1\n", encoding="utf-8")
    assert hq_cli("import", "suppliers", reg, "--data-dir", d).returncode == 0
    storage = open_storage(d)
    uid = add_user(storage, "mika", "manager")
    # pushed as a manager: an auditor may push only within its assignments (tests/hq)
    who = hq_audits.Principal("dev-1", uid, "mika", "manager")
    base = "00000000-0000-4000-8000-00000000"
    _push(storage, who, base + "0001", "2021-03-31T14:59:59Z")   # 23:59:59 31 Mar JST: FY2020
    _push(storage, who, base + "0002", "2021-03-31T15:00:00Z")   # 00:00 1 Apr JST: FY2021
    _push(storage, who, base + "0003", "2021-03-31T23:30:00-08:00")  # 16:30 1 Apr JST: FY2021
    _push(storage, who, base + "0004", None, planned="2020-04-01")    # first day of FY2020
    _push(storage, who, base + "0005", "2020-03-31T12:00:00+09:00")  # FY2019
    _push(storage, who, base + "0006", "2020-12-01T00:00:00Z", status="in_progress")  # not done
    with storage.transaction(write=False) as tx:
        fy2020, fy2021 = figures_from_db(tx, 2020), figures_from_db(tx, 2021)
        fy2019 = figures_from_db(tx, 2019)
    assert fy2020["onsite_assessments"]["svr"] == 2                # 0001 and 0004
    assert fy2021["onsite_assessments"]["svr"] == 2                # 0002 and 0003
    assert fy2019["onsite_assessments"]["svr"] == 1
    assert fy2020["findings_by_severity"]["minor"] == 2
    assert (fy2020["start"], fy2020["end"]) == ("2020-04-01", "2021-03-31")
    out = hq_cli("figures", "--fy", 2021, "--format", "csv", "--data-dir", d)
    assert "2021,onsite_assessments,svr,,2" in out.stdout


def test_figures_outputs(demo_master, tmp_path):
    from pypdf import PdfReader
    out = hq_cli("figures", "--fy", 2024, "--data-dir", demo_master)
    assert out.returncode == 0 and "Programme figures FY2024" in out.stdout
    pdf = tmp_path / "f.pdf"
    out = hq_cli("figures", "--fy", 2024, "--format", "pdf", "--lang", "ja", "-o", pdf,
                 "--data-dir", demo_master)
    assert out.returncode == 0, out.stderr
    text = "".join(p.extract_text() for p in PdfReader(pdf).pages)
    assert "プログラム実績" in text and "地域別調達比率" in text
    xlsx = tmp_path / "f.xlsx"
    assert hq_cli("figures", "--fy", 2024, "--format", "xlsx", "-o", xlsx,
                  "--data-dir", demo_master).returncode == 0
    from openpyxl import load_workbook
    wb = load_workbook(xlsx)
    assert wb.sheetnames == ["FY2024", "data"]
    assert hq_cli("figures", "--fy", 2024, "--format", "pdf", "--data-dir",
                  demo_master).returncode == 2          # -o is needed
