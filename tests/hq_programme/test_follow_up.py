"""Issue 18, point 8: a supplier with an unclosed significant finding, or a CAP overdue by
more than the configured days (resources/programme/follow_up.yaml: 30), is planned for a
follow-up visit of that kind, ahead of the ranking, with the reason."""
from __future__ import annotations

import re
from datetime import date, timedelta

from sva.hq.programme_plans import follow_ups

from .conftest import hq_cli


def test_follow_up_visits_are_planned_with_their_reason(demo_master, demo_storage):
    with demo_storage.transaction(write=False) as tx:
        significant = tx.one(
            "SELECT a.supplier_code, f.item_id FROM findings f JOIN audits a ON a.id = "
            "f.audit_id WHERE f.severity = 'significant' AND f.status <> 'verified_closed' "
            "AND f.fact_deleted = 0 AND a.kind = 'svr' ORDER BY a.supplier_code LIMIT 1")
        # a supplier with no significant finding open: its earliest unclosed CAP due date
        late = tx.one(
            "SELECT a.supplier_code, MIN(f.due_date) AS due_date FROM findings f JOIN audits a "
            "ON a.id = f.audit_id WHERE f.status <> 'verified_closed' AND f.fact_deleted = 0 "
            "AND a.kind = 'svr' AND f.due_date IS NOT NULL AND f.due_date <> '' AND "
            "a.supplier_code NOT IN (SELECT a2.supplier_code FROM findings f2 JOIN audits a2 "
            "ON a2.id = f2.audit_id WHERE f2.severity = 'significant' AND f2.status <> "
            "'verified_closed' AND a2.kind = 'svr') GROUP BY a.supplier_code "
            "ORDER BY a.supplier_code LIMIT 1")
        code, due = late["supplier_code"], date.fromisoformat(late["due_date"])
        assert code not in follow_ups(tx, "svr", due + timedelta(days=30))   # 30 days: not yet
        later = follow_ups(tx, "svr", due + timedelta(days=31))
        assert code not in follow_ups(tx, "infosec", due + timedelta(days=31))  # kind of visit
    assert f"overdue since {late['due_date']} (more than 30 days)" in later[code]["en"]
    assert f"{late['due_date']} から期限超過（30 日超）" in later[code]["ja"]
    out = hq_cli("plan", "--fy", 2026, "--kind", "svr", "--capacity", 200,
                 "--data-dir", demo_master)
    assert out.returncode == 0, out.stderr
    block = re.search(rf"^\s*(\d+)\. {significant['supplier_code']} .*?\n\s+(follow-up: [^\n]+)",
                      out.stdout, flags=re.M)
    assert block and f"significant finding {significant['item_id']} not closed" in block[2]
    ranks = [int(n) for n, _ in re.findall(r"^\s*(\d+)\. \S+.*\n\s+(follow-up)", out.stdout,
                                          flags=re.M)]
    assert ranks == list(range(1, len(ranks) + 1))                # follow-ups first
