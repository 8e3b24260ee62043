"""Issue 18, point 1: a fiscal year's figures use that year's registry. The registry is
imported per fiscal year (`sva-hq import suppliers FILE --fy N`); importing a large new
supplier for FY2025 does not move FY2022's shares or critical counts, an empty future year
shows nothing, and an older year's file only adds history. On SQLite and PostgreSQL."""
from __future__ import annotations

import csv

from sva.hq.programme_figures import figures_for
from sva.hq.storage import open_storage

from tests.hq_programme.conftest import hq_cli as run_hq_cli

HEADER = ["code", "name_en", "country", "annual_spend", "large_amount", "categories"]


def _registry(path, rows):
    with path.open("w", encoding="utf-8", newline="") as fh:
        csv.writer(fh).writerows([HEADER, *rows])
    return path


def _saq(path, code, fy):
    from sva.hq.programme.saq import load_questionnaire
    saq = load_questionnaire()
    with path.open("w", encoding="utf-8", newline="") as fh:
        csv.writer(fh).writerows([["supplier_code", "fiscal_year", "submitted_on",
                                   *saq.questions],
                                  [code, fy, f"{fy}-06-01", *["yes"] * len(saq.questions)]])
    return path


def test_a_years_figures_use_that_years_registry(tmp_path, hq_db):
    d = tmp_path / "hq"

    def cli(*args):
        out = run_hq_cli(*args, "--data-dir", d, *hq_db.args)
        assert out.returncode == 0, out.stderr
        return out.stdout

    cli("import", "suppliers", _registry(tmp_path / "fy2022.csv", [
        ["S1", "Kanto Parts", "JP", "721000000", "yes", "printing"],
        ["S2", "Austin Cable", "US", "279000000", "no", ""]]), "--fy", 2022)
    cli("import", "saq", _saq(tmp_path / "saq.csv", "S1", 2022), "--fy", 2022)
    storage = open_storage(d, hq_db.url)
    before = figures_for(storage, 2022)
    assert {r: v["share"] for r, v in before["procurement_by_region"].items()} == {
        "JP": 72.1, "NA": 27.9}
    assert before["critical_suppliers"] == 1
    assert before["document_checks"]["suppliers"] == {"all": 1, "critical": 1}
    # FY2025: a large new supplier, and S1 no longer a large-amount supplier
    out = cli("import", "suppliers", _registry(tmp_path / "fy2025.csv", [
        ["S1", "Kanto Parts", "JP", "700000000", "no", "printing"],
        ["S2", "Austin Cable", "US", "300000000", "no", ""],
        ["S3", "Shenzhen Boards", "CN", "9000000000", "yes", ""]]), "--fy", 2025)
    assert "FY2025: 1 added, 2 updated" in out
    assert figures_for(storage, 2022) == before
    fy2025 = figures_for(storage, 2025)
    assert fy2025["procurement_by_region"]["ASIA"]["share"] == 90.0
    assert fy2025["critical_suppliers"] == 1                      # S3 only
    empty = figures_for(storage, 2030)
    assert empty["procurement_by_region"] == {} and empty["critical_suppliers"] == 0
    # a file for an older year adds history; today's registry keeps FY2025's values
    out = cli("import", "suppliers", _registry(tmp_path / "fy2021.csv", [
        ["S1", "Kanto Parts", "JP", "500000000", "yes", "printing"]]), "--fy", 2021)
    assert "1 recorded for the year only" in out
    assert figures_for(storage, 2021)["procurement_by_region"] == {
        "JP": {"spend": 500_000_000, "share": 100.0}}
    assert figures_for(storage, 2022) == before
    with storage.transaction(write=False) as tx:
        s1 = tx.one("SELECT annual_spend, large_amount FROM suppliers WHERE code = 'S1'")
    assert s1 == {"annual_spend": 700_000_000, "large_amount": 0}
    storage.close()
