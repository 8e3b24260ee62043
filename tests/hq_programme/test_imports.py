"""`sva-hq import suppliers|saq|sites` on a real HQ folder: good files (CSV and XLSX), every
kind of bad row, all or nothing, and --skip-bad listing what was skipped."""
from __future__ import annotations

import json
import sqlite3

import pytest
from openpyxl import Workbook

from sva.hq.programme.saq import load_questionnaire

from .conftest import REGISTRY_HEADER, hq_cli, write_csv

GOOD = [
    ["S1", "Kanto Parts", "関東部品", "JP", "electronic components; printing", "1,200,000,000",
     "yes", "no", "", "2024-05-01", "code of conduct"],
    ["S2", "Penang Circuits", "", "my", "IT services", "300000000", "0", "1", "true", "", ""],
    ["S3", "Austin Cable", "", "US", "", "50000000", "no", "no", "no", "", ""],
]
BAD_ROWS = {   # column -> a row that is bad only in that column
    "code": ["", "Empty Code", "", "JP", "", "1", "", "", "", "", ""],
    "code2": ["bad code!", "Bad Code", "", "JP", "", "1", "", "", "", "", ""],
    "name_en": ["S10", "", "", "JP", "", "1", "", "", "", "", ""],
    "country": ["S11", "No Country", "", "Japan", "", "1", "", "", "", "", ""],
    "country2": ["S12", "Unknown Country", "", "XX", "", "1", "", "", "", "", ""],
    "annual_spend": ["S13", "Bad Spend", "", "JP", "", "12.5", "", "", "", "", ""],
    "large_amount": ["S14", "Bad Flag", "", "JP", "", "1", "maybe", "", "", "", ""],
    "declaration_date": ["S15", "Bad Date", "", "JP", "", "1", "", "", "", "2024-02-30", ""],
    "declaration_date2": ["S16", "Scope only", "", "JP", "", "1", "", "", "", "", "pledge"],
}


def db_rows(folder, sql, args=()):
    with sqlite3.connect(folder / "hq.db") as conn:
        conn.row_factory = sqlite3.Row
        return [dict(r) for r in conn.execute(sql, args)]


def test_good_csv_then_xlsx_update(tmp_path):
    d = tmp_path / "hq"
    out = hq_cli("import", "suppliers", write_csv(tmp_path / "r.csv", REGISTRY_HEADER, GOOD),
                 "--data-dir", d)
    assert out.returncode == 0, out.stderr
    assert "3 added" in out.stdout
    rows = {r["code"]: r for r in db_rows(d, "SELECT * FROM suppliers")}
    assert rows["S1"]["annual_spend"] == 1_200_000_000 and rows["S1"]["large_amount"] == 1
    assert json.loads(rows["S1"]["categories"]) == ["electronic components", "printing"]
    assert rows["S1"]["declaration_status"] == "received"
    assert rows["S1"]["declaration_scope"] == "code of conduct"
    assert rows["S2"]["country"] == "MY" and rows["S2"]["region"] == "ASIA"
    assert rows["S2"]["rare_product"] == 1 and rows["S2"]["hard_to_replace"] == 1
    assert rows["S3"]["region"] == "NA"
    wb = Workbook()
    ws = wb.active
    ws.append(REGISTRY_HEADER)
    ws.append(["S3", "Austin Cable Inc.", "", "US", "", 60_000_000, "no", "no", "no", None, None])
    ws.append(["S4", "Dresden Optics", "", "DE", "", 7_000_000.0, "no", "no", "no", None, None])
    wb.save(tmp_path / "r.xlsx")
    out = hq_cli("import", "suppliers", tmp_path / "r.xlsx", "--data-dir", d)
    assert out.returncode == 0, out.stderr
    assert "1 added, 1 updated" in out.stdout
    rows = {r["code"]: r for r in db_rows(d, "SELECT * FROM suppliers")}
    assert rows["S3"]["annual_spend"] == 60_000_000 and rows["S4"]["region"] == "EMEA"
    # the changed supplier flows down to devices: a new revision
    assert rows["S3"]["rev"] > rows["S1"]["rev"]


@pytest.mark.parametrize("kind", sorted(BAD_ROWS))
def test_each_bad_row_is_named_and_nothing_is_imported(tmp_path, kind):
    d = tmp_path / "hq"
    path = write_csv(tmp_path / "r.csv", REGISTRY_HEADER, [GOOD[0], BAD_ROWS[kind], GOOD[1]])
    out = hq_cli("import", "suppliers", path, "--data-dir", d)
    assert out.returncode == 2, out.stdout
    column = kind.rstrip("2")
    assert "row 3" in out.stderr and f"column {column}" in out.stderr, out.stderr
    assert "nothing was imported" in out.stderr
    assert db_rows(d, "SELECT COUNT(*) AS n FROM suppliers")[0]["n"] == 0


def test_duplicate_codes_and_header_problems(tmp_path):
    d = tmp_path / "hq"
    dup = write_csv(tmp_path / "dup.csv", REGISTRY_HEADER, [GOOD[0], GOOD[1], GOOD[0]])
    out = hq_cli("import", "suppliers", dup, "--data-dir", d)
    assert out.returncode == 2 and "also appears on row(s) 4" in out.stderr
    missing = write_csv(tmp_path / "m.csv", ["code", "name_en", "country"], [["S1", "A", "JP"]])
    out = hq_cli("import", "suppliers", missing, "--data-dir", d)
    assert out.returncode == 2 and "annual_spend" in out.stderr and "missing" in out.stderr
    typo = write_csv(tmp_path / "t.csv", [*REGISTRY_HEADER, "anual_spend"], [GOOD[0] + ["1"]])
    out = hq_cli("import", "suppliers", typo, "--data-dir", d, "--skip-bad")
    assert out.returncode == 2 and "unknown column" in out.stderr   # header: never skippable
    not_utf8 = tmp_path / "latin1.csv"
    not_utf8.write_bytes("code,name_en,country,annual_spend\nS1,Caf\xe9,FR,1\n".encode("latin-1"))
    out = hq_cli("import", "suppliers", not_utf8, "--data-dir", d)
    assert out.returncode == 2 and "UTF-8" in out.stderr
    assert db_rows(d, "SELECT COUNT(*) AS n FROM suppliers")[0]["n"] == 0


def test_skip_bad_imports_the_good_rows_and_lists_the_rest(tmp_path):
    d = tmp_path / "hq"
    rows = [GOOD[0], BAD_ROWS["country"], GOOD[1], BAD_ROWS["annual_spend"], GOOD[2]]
    out = hq_cli("import", "suppliers", write_csv(tmp_path / "r.csv", REGISTRY_HEADER, rows),
                 "--data-dir", d, "--skip-bad")
    assert out.returncode == 0, out.stderr
    assert "3 added" in out.stdout and "2 skipped" in out.stdout
    assert "row 3 skipped" in out.stderr and "row 5 skipped" in out.stderr
    assert "country" in out.stderr and "annual_spend" in out.stderr
    assert {r["code"] for r in db_rows(d, "SELECT code FROM suppliers")} == {"S1", "S2", "S3"}


def saq_rows(saq, codes, fy, answer="yes", **override):
    rows = []
    for code in codes:
        answers = {q: answer for q in saq.questions}
        answers.update({k.replace("_", "-"): v for k, v in override.items()})
        rows.append([code, f"FY{fy}", f"{fy}-06-01", *answers.values()])
    return rows


def test_saq_import_all_or_nothing_and_skip_bad(tmp_path):
    saq = load_questionnaire()
    header = ["supplier_code", "fiscal_year", "submitted_on", *saq.questions]
    d = tmp_path / "hq"
    assert hq_cli("import", "suppliers", write_csv(tmp_path / "r.csv", REGISTRY_HEADER, GOOD),
                  "--data-dir", d).returncode == 0
    rows = saq_rows(saq, ["S1", "s2"], 2025)
    bad_answer = saq_rows(saq, ["S3"], 2025, ISEC_01="sometimes")[0]
    unknown = saq_rows(saq, ["NOPE"], 2025)[0]
    wrong_year = saq_rows(saq, ["S3"], 2024)[0]
    path = write_csv(tmp_path / "saq.csv", header, [*rows, bad_answer, unknown, wrong_year])
    out = hq_cli("import", "saq", path, "--fy", 2025, "--data-dir", d)
    assert out.returncode == 2
    for text in ("row 4", "ISEC-01", "row 5", "NOPE", "row 6", "FY2024"):
        assert text in out.stderr, (text, out.stderr)
    assert db_rows(d, "SELECT COUNT(*) AS n FROM saq_levels")[0]["n"] == 0
    out = hq_cli("import", "saq", path, "--fy", 2025, "--data-dir", d, "--skip-bad")
    assert out.returncode == 0, out.stderr
    assert "2 response(s)" in out.stdout and "3 skipped" in out.stdout
    levels = db_rows(d, "SELECT supplier_code, isec_level FROM saq_levels ORDER BY supplier_code")
    assert levels == [{"supplier_code": "S1", "isec_level": "A"},
                      {"supplier_code": "S2", "isec_level": "A"}]   # code as in the registry


def test_sites_import_then_plan_assign_uses_them(tmp_path):
    d = tmp_path / "hq"
    assert hq_cli("import", "suppliers", write_csv(tmp_path / "r.csv", REGISTRY_HEADER, GOOD),
                  "--data-dir", d).returncode == 0
    bad = write_csv(tmp_path / "s.csv", ["code", "site_name", "country", "timezone"],
                    [["S1", "Kawasaki", "JP", "Asia/Tokyo"], ["S9", "X", "JP", "Mars/Base"]])
    out = hq_cli("import", "sites", bad, "--data-dir", d)
    assert out.returncode == 2 and "row 3" in out.stderr and "S9" in out.stderr
    assert "timezone" in out.stderr
    assert db_rows(d, "SELECT COUNT(*) AS n FROM sites")[0]["n"] == 0
    good = write_csv(tmp_path / "s2.csv", ["code", "site_name", "country", "timezone"],
                     [["S1", "Kawasaki", "JP", "Asia/Tokyo"]])
    assert hq_cli("import", "sites", good, "--data-dir", d).returncode == 0
    assert hq_cli("user", "add", "mika", "--role", "auditor", "--data-dir", d).returncode == 0
    from sva.paths import resource
    assert hq_cli("checklist", "publish", resource("checklists", "svr.yaml"),
                  "--data-dir", d).returncode == 0
    # S2, S3 have no site: nothing is assigned, the message names them
    assert hq_cli("user", "add", "mgr", "--role", "manager", "--data-dir", d).returncode == 0
    assert hq_cli("plan", "--fy", 2025, "--kind", "svr", "--save", "all", "--data-dir",
                  d).returncode == 0
    assert hq_cli("plans", "approve", "all", "--by", "mgr", "--data-dir", d).returncode == 0
    out = hq_cli("plans", "assign", "all", "--auditor", "mika", "--date", "2025-05-12",
                 "--data-dir", d)
    assert out.returncode == 2 and "S2" in out.stderr and "S3" in out.stderr
    assert db_rows(d, "SELECT COUNT(*) AS n FROM assignments")[0]["n"] == 0
    out = hq_cli("plan", "--fy", 2025, "--kind", "svr", "--capacity", 1, "--weight",
                 "transaction_scale=100", "--reason", "spend first this year", "--save", "one",
                 "--data-dir", d)
    assert out.returncode == 0, out.stderr
    assert hq_cli("plans", "approve", "one", "--by", "mgr", "--data-dir", d).returncode == 0
    out = hq_cli("plans", "assign", "one", "--auditor", "mika", "--date", "2025-05-10",
                 "--data-dir", d)
    assert out.returncode == 0, out.stderr
    (a,) = db_rows(d, "SELECT a.planned_date, s.code FROM assignments a JOIN suppliers s "
                      "ON s.id = a.supplier_id")
    assert a == {"planned_date": "2025-05-12", "code": "S1"}   # 10 May 2025 is a Saturday
