"""Issue 18, point 2: `sva-hq fy close 2025 --by NAME` freezes the year's figures; the
figures, CSV, PDF and XLSX of a closed year come from the snapshot and say who closed it and
when; imports for it are refused; reopening needs a reason and is logged; an altered snapshot
is caught by its content hash. On SQLite and PostgreSQL."""
from __future__ import annotations

import csv
import json

from openpyxl import load_workbook
from pypdf import PdfReader

from sva.hq.storage import open_storage
from tests.hq_programme.conftest import hq_cli

HEADER = ["code", "name_en", "country", "annual_spend", "large_amount"]


def _registry(path, rows):
    with path.open("w", encoding="utf-8", newline="") as fh:
        csv.writer(fh).writerows([HEADER, *rows])
    return path


def test_a_closed_year_keeps_its_figures_until_reopened(tmp_path, hq_db):
    d = tmp_path / "hq"

    def cli(*args, ok=True):
        out = hq_cli(*args, "--data-dir", d, *hq_db.args)
        if ok:
            assert out.returncode == 0, out.stderr
        return out

    cli("user", "add", "mgr.sato", "--role", "manager")
    cli("user", "add", "aud.li", "--role", "auditor")
    cli("import", "suppliers", _registry(tmp_path / "a.csv", [
        ["S1", "Kanto Parts", "JP", "700", "yes"], ["S2", "Austin Cable", "US", "300", "no"]]),
        "--fy", 2025)
    before = cli("figures", "--fy", 2025, "--format", "csv").stdout
    assert "2025,procurement_by_region,JP,share,70.0" in before
    # only a named manager closes a year
    out = cli("fy", "close", 2025, ok=False)
    assert out.returncode == 2 and "--by" in out.stderr
    out = cli("fy", "close", 2025, "--by", "aud.li", ok=False)
    assert out.returncode == 2 and "only a manager" in out.stderr
    out = cli("fy", "close", 2025, "--by", "mgr.sato")
    assert "FY2025 closed on" in out.stdout and "by mgr.sato" in out.stdout
    assert cli("fy", "close", 2025, "--by", "mgr.sato", ok=False).returncode == 2
    # the data changes (a late push, an edited registry row): the closed figures do not
    storage = open_storage(d, hq_db.url)
    with storage.transaction() as tx:
        tx.execute("UPDATE supplier_spend SET annual_spend = 9000 WHERE supplier_code = 'S2'")
    storage.close()
    closed = cli("figures", "--fy", 2025, "--format", "csv").stdout
    assert "2025,procurement_by_region,JP,share,70.0" in closed
    assert "2025,closed,by,,mgr.sato" in closed
    table = cli("figures", "--fy", 2025, "--lang", "ja").stdout
    assert "mgr.sato が締めた年度" in table
    cli("figures", "--fy", 2025, "--format", "pdf", "-o", tmp_path / "f.pdf")
    text = "".join(p.extract_text() for p in PdfReader(tmp_path / "f.pdf").pages)
    assert "by mgr.sato" in " ".join(text.split())
    cli("figures", "--fy", 2025, "--format", "xlsx", "-o", tmp_path / "f.xlsx")
    cells = [c for row in load_workbook(tmp_path / "f.xlsx")["FY2025"].iter_rows(values_only=True)
             for c in row if c]
    assert any("Closed on" in str(c) and "mgr.sato" in str(c) for c in cells)
    # imports for a closed year are refused, nothing changes
    out = cli("import", "suppliers", _registry(tmp_path / "b.csv", [
        ["S3", "Late", "CN", "5000", "no"]]), "--fy", 2025, ok=False)
    assert out.returncode == 2 and "FY2025 is closed" in out.stderr
    # reopening needs a reason, is logged, and the figures are live again
    out = cli("fy", "reopen", 2025, "--by", "mgr.sato", "--reason", "", ok=False)
    assert out.returncode == 2 and "reason" in out.stderr
    cli("fy", "reopen", 2025, "--reason", "late SAQ answers from 3 suppliers",
        "--by", "mgr.sato")
    assert "2025,closed," not in cli("figures", "--fy", 2025, "--format", "csv").stdout
    assert "JP,share,7.2" in cli("figures", "--fy", 2025, "--format", "csv").stdout
    listing = cli("fy", "list").stdout
    assert "reopened" in listing and "late SAQ answers" in listing
    storage = open_storage(d, hq_db.url)
    with storage.transaction(write=False) as tx:
        events = tx.all("SELECT actor, action, detail FROM event_log WHERE entity = "
                        "'fiscal_year' ORDER BY at")
    assert [(e["actor"], e["action"]) for e in events] == [("mgr.sato", "close"),
                                                            ("mgr.sato", "reopen")]
    assert json.loads(events[1]["detail"])["reason"] == "late SAQ answers from 3 suppliers"
    # close again, then alter the stored snapshot: caught by the content hash
    cli("fy", "close", 2025, "--by", "mgr.sato")
    with storage.transaction() as tx:
        n = tx.execute("UPDATE fy_closures SET snapshot = REPLACE(snapshot, ?, ?) "
                       "WHERE reopened_at IS NULL", ('"share": 7.2', '"share": 72.1'))
        assert n == 1
    storage.close()
    out = cli("figures", "--fy", 2025, ok=False)
    assert out.returncode == 1 and "content hash" in out.stderr
