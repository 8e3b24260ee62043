"""Issue 18, points 10–12: a level older than its validity (the current and previous fiscal
year) is expired and not eligible unless a manager extends it with a reason; the
/dashboard/eligibility page lists eligible suppliers with level, date, basis and open infosec
findings, and exports them; the level chart plots levels, not the score band."""
from __future__ import annotations

import csv
import io
import re
from datetime import date

from sva.hq.app import create_app
from sva.hq.programme.saq import load_questionnaire
from sva.hq.storage import open_storage
from sva.hq.web.charts import level_history, level_y

from .conftest import REGISTRY_HEADER, hq_cli, write_csv
from .test_dashboard_http import client
from .test_imports import GOOD, saq_rows


def test_levels_expire_unless_extended_with_a_reason(tmp_path):
    saq = load_questionnaire()
    header = ["supplier_code", "fiscal_year", "submitted_on", *saq.questions]
    d = tmp_path / "hq"
    assert hq_cli("import", "suppliers", write_csv(tmp_path / "r.csv", REGISTRY_HEADER, GOOD),
                  "--data-dir", d).returncode == 0
    assert hq_cli("import", "saq", write_csv(tmp_path / "a.csv", header, saq_rows(
        saq, ["S1"], 2023)), "--fy", 2023, "--data-dir", d).returncode == 0
    assert hq_cli("import", "saq", write_csv(tmp_path / "b.csv", header, saq_rows(
        saq, ["S2"], 2025)), "--fy", 2025, "--data-dir", d).returncode == 0
    assert hq_cli("user", "add", "mgr.kato", "--role", "manager", "--data-dir", d).returncode == 0
    out = hq_cli("eligible", "--level", "b", "--fy", 2024, "--data-dir", d)
    assert "S1 " in out.stdout and "1 supplier(s) at level B or better in FY2024" in out.stdout
    out = hq_cli("eligible", "--level", "b", "--fy", 2025, "--data-dir", d)
    assert out.returncode == 0, out.stderr
    assert "1 supplier(s) at level B or better in FY2025" in out.stdout      # S2 only
    assert "level expired: S1 (A of FY2023, valid until FY2024)" in out.stdout
    out = hq_cli("extend-level", "S1", "--until-fy", 2025, "--reason", "", "--by", "mgr.kato",
                 "--data-dir", d)
    assert out.returncode == 2 and "reason" in out.stderr
    out = hq_cli("extend-level", "S1", "--until-fy", 2025, "--reason",
                 "SAQ postponed by the supplier's merger", "--data-dir", d)
    assert out.returncode == 2 and "--by" in out.stderr                      # a named manager
    out = hq_cli("extend-level", "S1", "--until-fy", 2025, "--reason",
                 "SAQ postponed by the supplier's merger", "--by", "mgr.kato", "--data-dir", d)
    assert out.returncode == 0, out.stderr
    out = hq_cli("eligible", "--level", "B", "--fy", 2025, "--data-dir", d)
    assert "2 supplier(s)" in out.stdout and "expired" not in out.stdout
    assert "extended by mgr.kato: SAQ postponed by the supplier's merger" in out.stdout
    assert "1 supplier(s)" in hq_cli("eligible", "--level", "B", "--fy", 2026,
                                     "--data-dir", d).stdout   # the extension ends too


def test_eligibility_page_lists_and_exports(demo_copy):
    storage = open_storage(demo_copy)
    with storage.transaction(write=False) as tx:
        # each supplier's latest level up to FY2025, still valid (set in FY2024 or FY2025),
        # one step lower while an infosec finding is open past its due date
        late = {r["supplier_code"] for r in tx.all(
            "SELECT a.supplier_code FROM findings f JOIN audits a ON a.id = f.audit_id WHERE "
            "f.area = 'ISEC' AND f.status <> 'verified_closed' AND f.fact_deleted = 0 AND "
            "f.severity IN ('significant', 'minor') AND f.due_date < ?",
            (date.today().isoformat(),))}
        levels = {r["supplier_code"]: r["isec_level"] for r in tx.all(
            "SELECT l.supplier_code, l.isec_level FROM saq_levels l JOIN (SELECT "
            "supplier_code, MAX(fy) AS fy FROM saq_levels WHERE fy <= 2025 GROUP BY "
            "supplier_code) m ON m.supplier_code = l.supplier_code AND m.fy = l.fy "
            "WHERE l.fy >= 2024")}
    want = {c for c, lv in levels.items() if lv == "A" or (lv == "B" and c not in late)}
    lowered = {c for c, lv in levels.items() if lv == "A" and c in late}
    assert lowered and {c for c, lv in levels.items() if lv == "B"} & late   # both cases
    app = create_app(storage)
    c = client(app, "mgr.sato")
    page = c.get("/dashboard/eligibility?level=b&fy=2025&lang=ja")
    assert page.status_code == 200
    table = page.text.split('id="eligible"')[1].split("</table>")[0]
    assert set(re.findall(r"/dashboard/suppliers/(S\d+)", table)) == want
    assert f"レベル B 以上のサプライヤー {len(want)} 社" in page.text
    assert "未完了の情報セキュリティ指摘" in page.text
    export = c.get("/dashboard/eligibility.csv?level=B&fy=2025")
    assert export.headers["content-type"].startswith("text/csv")
    rows = list(csv.DictReader(io.StringIO(export.text)))
    assert {r["code"] for r in rows} == want
    assert all(r["level"] in ("A", "B") and r["basis"] for r in rows)
    assert {r["code"] for r in rows if r["level"] == "B" and r["code"] in lowered} == lowered
    auditor = client(app, "aud.li").get("/dashboard/eligibility")
    assert auditor.status_code == 403


def test_level_chart_plots_the_level_not_the_score_band():
    svg = str(level_history([(2023, 90.0, "C"), (2024, 70.0, "B"), (2025, 95.0, "A")]))
    ys = {lv: float(y) for y, lv in re.findall(r'cy="([\d.]+)" r="11" data-level="(\w)"', svg)}
    assert ys == {lv: round(level_y(lv), 1) for lv in "ABC"}
    assert ys["A"] < ys["B"] < ys["C"]      # a knock-out C with a score of 90 sits below B
