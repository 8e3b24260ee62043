"""The planner over stored HQ data: deterministic on the demo, weights change the order,
every row explains itself, and an approved plan's assignments are what a device then pulls
from a real server on loopback."""
from __future__ import annotations

import re

import httpx

from sva.hq import accounts
from sva.hq.programme.planner import plan
from sva.hq.programme.planning_rules import FACTORS
from sva.hq.programme_plans import plan_for
from sva.hq.programme_store import load_suppliers
from sva.hq.storage import open_storage
from tests.hq.conftest import HQ

from .conftest import hq_cli


def ranking(stdout: str) -> list[str]:
    return re.findall(r"^\s*\d+\. (\S+)", stdout, flags=re.M)


def test_deterministic_on_demo_data(demo_copy, tmp_path):
    first = hq_cli("plan", "--fy", 2026, "--capacity", 30, "--kind", "infosec",
                   "--data-dir", demo_copy)
    second = hq_cli("plan", "--fy", 2026, "--capacity", 30, "--kind", "infosec",
                    "--data-dir", demo_copy)
    assert first.returncode == 0, first.stderr
    assert len(ranking(first.stdout)) == 30
    assert ranking(first.stdout) == ranking(second.stdout)
    # a second demo from the same seed plans the same visits
    other = tmp_path / "again"
    assert hq_cli("demo", "--seed", 7, "--data-dir", other).returncode == 0
    again = hq_cli("plan", "--fy", 2026, "--capacity", 30, "--kind", "infosec",
                   "--data-dir", other)
    assert ranking(again.stdout) == ranking(first.stdout)


def test_every_row_explains_and_weights_change_the_order(demo_storage):
    def ranked(rows):
        """The rows the score ranks (follow-up visits come first with their reason)."""
        return [r for r in rows if not r.note]
    rows = plan_for(demo_storage, 2026, kind="svr")
    for row in rows:
        assert len(row.explanation()) == len(FACTORS) + bool(row.note)
        assert row.score == round(sum(f.contribution for f in row.factors), 2)
    assert all(r.note.startswith("follow-up: ") for r in rows if r.note)
    scores = [r.score for r in ranked(rows)]
    assert scores == sorted(scores, reverse=True)
    with demo_storage.transaction(write=False) as tx:
        spend = {s["code"]: s["annual_spend"] for s in load_suppliers(tx)}
    only_spend = ranked(plan_for(demo_storage, 2026, kind="svr", weights={
        "transaction_scale": 100, "saq_results": 0, "critical_flags": 0,
        "years_since_visit": 0, "open_findings": 0}))
    capped = [min(spend[r.code], 10_000_000_000) for r in only_spend[:50]]  # full at 10bn
    assert capped == sorted(capped, reverse=True)                  # spend decides alone
    top = [r.code for r in only_spend[:10]]
    assert top != [r.code for r in ranked(rows)[:10]]
    never_visited = ranked(plan_for(demo_storage, 2026, kind="svr", weights={
        "transaction_scale": 0, "saq_results": 0, "critical_flags": 0,
        "years_since_visit": 100, "open_findings": 0}))
    assert all(dict((f.name, f.detail) for f in r.factors)["years_since_visit"]
               .startswith("never visited") for r in never_visited[:5])


def test_assign_creates_assignments_a_device_pulls(demo_copy):
    out = hq_cli("plan", "--fy", 2026, "--capacity", 4, "--kind", "svr", "--save", "svr-4",
                 "--data-dir", demo_copy)
    assert out.returncode == 0, out.stderr
    planned = set(ranking(out.stdout))
    assert hq_cli("plans", "approve", "svr-4", "--by", "mgr.kato",
                  "--data-dir", demo_copy).returncode == 0
    out = hq_cli("plans", "assign", "svr-4", "--auditor", "aud.li", "--auditor", "aud.morita",
                 "--date", "2026-04-06", "--data-dir", demo_copy)
    assert out.returncode == 0, out.stderr
    assert len(planned) == 4 and out.stdout.count("assigned ") == 4
    li = {m for m in re.findall(r"assigned (\S+) to aud\.li on (\S+)", out.stdout)}
    assert {d for _, d in li} == {"2026-04-06", "2026-04-07"}     # one visit a working day
    server = HQ(demo_copy)
    server.start()
    try:
        code = accounts.new_enrol_code(open_storage(demo_copy), "aud.li")[0]
        r = httpx.post(server.url + "/api/v1/enrol", json={"code": code}, trust_env=False)
        token = r.json()["token"]
        pulled = httpx.get(server.url + "/api/v1/pull", params={"cursor": 0}, trust_env=False,
                           headers={"Authorization": f"Bearer {token}"}).json()
        # a cancelled and a reassigned visit reach aud.li's device as withdrawn (issue 18)
        ids = [a_id for a_id in re.findall(r"to aud\.li on \S+ \((\S+)\)", out.stdout)]
        assert hq_cli("assignment", "cancel", ids[0], "--reason", "supplier site closed",
                      "--by", "mgr.kato", "--data-dir", demo_copy).returncode == 0
        moved = hq_cli("assignment", "reassign", ids[1], "--auditor", "aud.morita", "--reason",
                       "aud.li is on leave", "--by", "mgr.kato", "--data-dir", demo_copy)
        assert moved.returncode == 0, moved.stderr
        again = httpx.get(server.url + "/api/v1/pull", params={"cursor": pulled["cursor"]},
                          trust_env=False, headers={"Authorization": f"Bearer {token}"}).json()
    finally:
        server.stop()
    withdrawn = {a["id"]: a["deleted"] for a in again["assignments"]}
    assert withdrawn == {ids[0]: 1, ids[1]: 1}                      # nothing else changed
    supplier_code = {s["id"]: s["code"] for s in pulled["suppliers"]}
    mine = [a for a in pulled["assignments"] if a["kind"] == "svr"
            and a["planned_date"] >= "2026-04-06"]
    assert {(supplier_code[a["supplier_id"]], a["planned_date"]) for a in mine} == li
    assert all(a["auditor"] == "aud.li" for a in pulled["assignments"])   # only their own


def test_plan_pure_function_sees_same_inputs(demo_storage):
    """plan_for is the pure planner over what the store holds (no hidden filtering)."""
    from sva.hq.programme_plans import follow_ups, load_assignments
    from sva.hq.programme_store import load_open_findings, load_results, load_visits
    with demo_storage.transaction(write=False) as tx:
        direct = plan(load_suppliers(tx), load_results(tx), load_visits(tx),
                      load_open_findings(tx), 2026, capacity=15, kind="infosec",
                      assigned=load_assignments(tx), follow_up=follow_ups(tx, "infosec"))
    assert [(r.code, r.score) for r in direct] == \
        [(r.code, r.score) for r in plan_for(demo_storage, 2026, capacity=15, kind="infosec")]


def test_the_site_visited_is_the_riskiest_not_the_first_by_name(demo_copy, tmp_path):
    """Issue 18, point 7: a supplier's site with unclosed findings from earlier visits is
    chosen over one that merely comes first in name order."""
    storage = open_storage(demo_copy)
    with storage.transaction(write=False) as tx:
        code, site = tx.one(
            "SELECT s.code, st.name FROM findings f JOIN audits a ON a.id = f.audit_id JOIN "
            "assignments asg ON asg.id = a.assignment_id JOIN sites st ON st.id = asg.site_id "
            "JOIN suppliers s ON s.id = st.supplier_id WHERE f.status <> 'verified_closed' "
            "AND f.fact_deleted = 0 AND s.code NOT IN (SELECT s2.code FROM assignments x JOIN "
            "suppliers s2 ON s2.id = x.supplier_id WHERE x.planned_date >= '2026-04-01') "
            "GROUP BY s.code, st.name ORDER BY s.code LIMIT 1").values()
    annex = tmp_path / "annex.csv"
    annex.write_text(f"code,site_name,country,timezone\n{code},AAA Annex,JP,Asia/Tokyo\n",
                     encoding="utf-8")
    assert hq_cli("import", "sites", annex, "--data-dir", demo_copy).returncode == 0
    assert hq_cli("plan", "--fy", 2026, "--kind", "svr", "--capacity", 1, "--include",
                  f"{code}=site risk check", "--save", "one", "--data-dir",
                  demo_copy).returncode == 0
    assert hq_cli("plans", "approve", "one", "--by", "mgr.sato", "--data-dir",
                  demo_copy).returncode == 0
    out = hq_cli("plans", "assign", "one", "--auditor", "aud.li", "--date", "2026-06-01",
                 "--data-dir", demo_copy)
    assert out.returncode == 0 and f"assigned {code} to aud.li" in out.stdout, out.stderr
    with storage.transaction(write=False) as tx:
        chosen = tx.scalar("SELECT st.name FROM assignments a JOIN sites st ON st.id = "
                           "a.site_id JOIN suppliers s ON s.id = a.supplier_id WHERE s.code = ? "
                           "AND a.planned_date >= '2026-06-01'", (code,))
    assert chosen == site != "AAA Annex"
