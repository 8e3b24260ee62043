"""Issue 18, point 15: a manager approves a draft plan and closes or reopens a year from the
dashboard — POST forms with the CSRF token, for managers only, recorded under their name."""
from __future__ import annotations

import re

from sva.hq.app import create_app
from sva.hq.storage import open_storage

from .conftest import hq_cli
from .test_dashboard_http import client, csrf_token


def test_manager_approves_a_plan_and_closes_a_year_with_csrf(demo_copy):
    assert hq_cli("plan", "--fy", 2026, "--kind", "svr", "--capacity", 3, "--save", "svr-3",
                  "--by", "mgr.kato", "--data-dir", demo_copy).returncode == 0
    storage = open_storage(demo_copy)
    app = create_app(storage)
    sato = client(app, "mgr.sato")
    page = sato.get("/dashboard/plan?name=svr-3")
    assert 'id="approve-plan"' in page.text and "draft" in page.text
    # without the CSRF field, or as an auditor: refused, nothing changes
    r = sato.post("/dashboard/plan/approve", data={"plan": "svr-3"}, follow_redirects=False)
    assert r.status_code == 403
    auditor = client(app, "aud.li")
    r = auditor.post("/dashboard/plan/approve", data={
        "plan": "svr-3", "csrf": csrf_token(auditor, "/dashboard/")}, follow_redirects=False)
    assert r.status_code == 403
    with storage.transaction(write=False) as tx:
        assert tx.scalar("SELECT status FROM plan_drafts WHERE name = 'svr-3'") == "draft"
    token = csrf_token(sato, "/dashboard/plan?name=svr-3")
    r = sato.post("/dashboard/plan/approve", data={"plan": "svr-3", "fy": "2026",
                                                   "csrf": token}, follow_redirects=False)
    assert r.status_code == 303
    page = sato.get("/dashboard/plan?name=svr-3")
    assert re.search(r"approved by mgr\.sato on \d{4}-\d{2}-\d{2}", page.text)
    assert 'id="approve-plan"' not in page.text
    # close FY2024 from the overview, then reopen it with a reason
    token = csrf_token(sato, "/dashboard/?fy=2024")
    r = sato.post("/dashboard/fy/close", data={"fy": "2024", "csrf": token},
                  follow_redirects=False)
    assert r.status_code == 303
    overview = sato.get("/dashboard/?fy=2024&lang=en").text
    assert "Closed on" in overview and "by mgr.sato" in overview and 'id="reopen-year"' in overview
    r = sato.post("/dashboard/fy/reopen", data={"fy": "2024", "reason": "x", "csrf": token},
                  follow_redirects=False)
    assert r.status_code == 422                                   # a reason is required
    r = sato.post("/dashboard/fy/reopen", data={"fy": "2024", "csrf": token,
                                                "reason": "late CAP evidence from S0003"},
                  follow_redirects=False)
    assert r.status_code == 303
    assert "Closed on" not in sato.get("/dashboard/?fy=2024").text
    with storage.transaction(write=False) as tx:
        events = [(r["actor"], r["action"]) for r in tx.all(
            "SELECT actor, action FROM event_log WHERE entity IN ('plan', 'fiscal_year') "
            "AND actor <> 'demo' ORDER BY at")]
    assert events[-3:] == [("mgr.sato", "approve"), ("mgr.sato", "close"),
                           ("mgr.sato", "reopen")]


def test_overview_shows_the_trend_of_closed_years_from_their_snapshots(demo_copy):
    for fy in (2023, 2024):
        assert hq_cli("fy", "close", fy, "--by", "mgr.sato", "--data-dir",
                      demo_copy).returncode == 0
    storage = open_storage(demo_copy)
    with storage.transaction() as tx:       # the data changes after closing
        tx.execute("UPDATE audits SET status = 'in_progress'")
    sato = client(create_app(storage), "mgr.sato")
    html = sato.get("/dashboard/?fy=2025&lang=en").text
    trend = html.split('id="trends"')[1].split("</table>")[0]
    years = re.findall(r"<td><a href=\"/dashboard/\?fy=(\d+)\">FY\d+</a></td>"
                       r"<td class=\"num\">[\d,]+</td><td class=\"num\">(\d+)</td>", trend)
    assert [y for y, _ in years] == ["2023", "2024"]
    assert all(int(n) > 0 for _, n in years)          # frozen counts, not today's zero
    live = sato.get("/dashboard/?fy=2025").text       # an open year: live, no visits now
    assert 'id="closed-note"' not in live


def test_the_current_year_shows_planned_visits_against_done(demo_copy):
    from sva.hq.programme_history import current_fy
    fy = current_fy()
    storage = open_storage(demo_copy)
    with storage.transaction() as tx:
        planned = tx.scalar("SELECT COUNT(*) FROM assignments WHERE deleted = 0 AND "
                            "planned_date >= ? AND planned_date <= ?",
                            (f"{fy}-04-01", f"{fy + 1}-03-31"))
        done = tx.scalar("SELECT COUNT(*) FROM assignments asg WHERE asg.deleted = 0 AND "
                         "asg.planned_date >= ? AND asg.planned_date <= ? AND EXISTS (SELECT 1 "
                         "FROM audits a WHERE a.assignment_id = asg.id AND a.status NOT IN "
                         "('planned', 'in_progress'))", (f"{fy}-04-01", f"{fy + 1}-03-31"))
    assert planned > 0
    sato = client(create_app(storage), "mgr.sato")
    tile = sato.get(f"/dashboard/?fy={fy}&lang=en").text.split('id="planned-done"')[1]
    assert re.search(rf'<span class="n">{done} / {planned}</span>', tile)
    assert 'id="planned-done"' not in sato.get(f"/dashboard/?fy={fy - 2}").text   # past year


def test_manager_accepts_or_returns_a_cap_from_the_audit_page(demo_copy):
    storage = open_storage(demo_copy)
    with storage.transaction(write=False) as tx:
        two = tx.all("SELECT f.id, f.audit_id FROM findings f WHERE f.status = 'cap_submitted' "
                     "AND f.fact_deleted = 0 ORDER BY f.id LIMIT 2")
    assert len(two) == 2
    app = create_app(storage)
    sato = client(app, "mgr.sato")
    (first, second) = two
    page = sato.get(f"/dashboard/audits/{first['audit_id']}").text
    assert f'/dashboard/findings/{first["id"]}/cap' in page
    token = csrf_token(sato, f"/dashboard/audits/{first['audit_id']}")
    auditor = client(app, "aud.li")
    r = auditor.post(f"/dashboard/findings/{first['id']}/cap", data={
        "decision": "accept", "audit": first["audit_id"],
        "csrf": csrf_token(auditor, "/dashboard/")}, follow_redirects=False)
    assert r.status_code == 403
    r = sato.post(f"/dashboard/findings/{first['id']}/cap", data={
        "decision": "accept", "audit": first["audit_id"]}, follow_redirects=False)
    assert r.status_code == 403                                     # no CSRF field
    r = sato.post(f"/dashboard/findings/{first['id']}/cap", data={
        "decision": "accept", "audit": first["audit_id"], "csrf": token},
        follow_redirects=False)
    assert r.status_code == 303
    r = sato.post(f"/dashboard/findings/{second['id']}/cap", data={
        "decision": "return", "audit": second["audit_id"], "reason": "", "csrf": token},
        follow_redirects=False)
    assert r.status_code == 422                                     # returning needs a reason
    r = sato.post(f"/dashboard/findings/{second['id']}/cap", data={
        "decision": "return", "audit": second["audit_id"], "csrf": token,
        "reason": "root cause not analysed"}, follow_redirects=False)
    assert r.status_code == 303
    with storage.transaction(write=False) as tx:
        rows = {r["id"]: r for r in tx.all(
            "SELECT id, status, rejection_reason, updated_by FROM findings WHERE id IN (?, ?)",
            (first["id"], second["id"]))}
    assert rows[first["id"]]["status"] == "cap_accepted"
    assert rows[second["id"]]["status"] == "cap_rejected"
    assert rows[second["id"]]["rejection_reason"] == "root cause not analysed"
    assert rows[first["id"]]["updated_by"] == "hq:mgr.sato"          # flows down on the next pull


def test_manager_includes_and_excludes_in_a_draft_with_reasons(demo_copy):
    assert hq_cli("plan", "--fy", 2026, "--kind", "svr", "--capacity", 3, "--save", "svr-3",
                  "--data-dir", demo_copy).returncode == 0
    storage = open_storage(demo_copy)
    with storage.transaction(write=False) as tx:
        first = tx.scalar("SELECT supplier_code FROM plan_rows r JOIN plan_drafts d ON "
                          "d.plan_id = r.plan_id WHERE d.name = 'svr-3' AND r.rank = 1")
        outsider = tx.scalar(
            "SELECT code FROM suppliers WHERE code NOT IN (SELECT supplier_code FROM plan_rows) "
            "AND id NOT IN (SELECT supplier_id FROM assignments WHERE planned_date >= "
            "'2026-04-01') ORDER BY code LIMIT 1")
    sato = client(create_app(storage), "mgr.sato")
    token = csrf_token(sato, "/dashboard/plan?name=svr-3")
    r = sato.post("/dashboard/plan/amend", data={"plan": "svr-3", "action": "exclude",
                                                 "code": first, "reason": "", "csrf": token},
                  follow_redirects=False)
    assert r.status_code == 422                                    # a reason is required
    for action, code, reason in (("exclude", first, "audited by the group team in May"),
                                 ("include", outsider, "new contract for design data")):
        r = sato.post("/dashboard/plan/amend", data={
            "plan": "svr-3", "action": action, "code": code, "reason": reason, "csrf": token},
            follow_redirects=False)
        assert r.status_code == 303, r.text
    page = sato.get("/dashboard/plan?name=svr-3&lang=en").text
    assert f"exclude {first}: audited by the group team in May" in page
    assert "included: new contract for design data" in page
    shown = hq_cli("plans", "show", "svr-3", "--data-dir", demo_copy).stdout
    ranks = re.findall(r"^\s*(\d+)\. (\S+)", shown, flags=re.M)
    assert ranks[0] == ("1", outsider) and first not in dict((c, n) for n, c in ranks)
    assert [int(n) for n, _ in ranks] == list(range(1, len(ranks) + 1))
