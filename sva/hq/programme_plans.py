"""Visit plans at HQ: rank suppliers with the pure planner over the stored data, keep the plan,
and turn it into assignments that the auditors' devices pull (same table as `sva-hq assign`)."""
from __future__ import annotations

import json
import uuid
from datetime import date, timedelta

from sva.errors import BadInput, NotFound
from sva.hq.accounts import log_event, now_iso, user_by_name
from sva.hq.programme.planner import PlanRow, plan
from sva.hq.programme.planning_rules import load_planning
from sva.hq.programme_store import load_current_results, load_open_findings, load_suppliers, \
    load_visits
from sva.hq.storage import Storage
from sva.vocabulary import AUDIT_KINDS


def plan_for(storage: Storage, fy: int, *, capacity: int | None = None,
             kind: str | None = None, weights: dict | None = None) -> list[PlanRow]:
    with storage.transaction(write=False) as tx:
        suppliers = load_suppliers(tx)
        results = load_current_results(tx, fy)
        visits = load_visits(tx)
        open_findings = load_open_findings(tx)
    return plan(suppliers, results, visits, open_findings, fy, capacity=capacity, kind=kind,
                weights=weights, rules=load_planning())


def visit_days(first: date, count: int, auditors: int):
    """Working days from `first`: each auditor takes one visit per working day."""
    day, out = first, []
    while len(out) < count:
        if day.weekday() < 5:
            out.extend([day] * min(auditors, count - len(out)))
        day += timedelta(days=1)
    return out


def save_plan(storage: Storage, rows: list[PlanRow], *, fy: int, kind: str | None,
              capacity: int | None, weights: dict | None = None,
              auditors: list[str] | None = None, first_date: str | None = None,
              actor: str = "admin") -> dict:
    """Store the plan; with auditors, also assign every row (round robin, one visit per
    auditor per working day from first_date). All or nothing."""
    if auditors:
        if kind not in AUDIT_KINDS:
            raise BadInput("--assign needs --kind svr or --kind infosec (the checklist to use)",
                           field="--kind")
        try:
            start = date.fromisoformat(first_date or "")
        except ValueError:
            raise BadInput(f"{first_date!r} is not a date (YYYY-MM-DD)", field="--date") from None
    plan_id = str(uuid.uuid4())
    assigned = []
    with storage.transaction() as tx:
        tx.execute("INSERT INTO plans (id, fy, kind, capacity, weights, created_at, created_by) "
                   "VALUES (?,?,?,?,?,?,?)", (plan_id, fy, kind or "any", capacity,
                                               json.dumps(weights or {}), now_iso(), actor))
        users, template, rev = [], None, None
        if auditors:
            for name in auditors:
                user = user_by_name(tx, name)
                if user["role"] != "auditor":
                    raise BadInput(f"{name} is a {user['role']}, not an auditor", field="--auditor")
                users.append(user)
            template = tx.one("SELECT ref FROM checklists WHERE kind = ? ORDER BY version DESC "
                              "LIMIT 1", (kind,))
            if template is None:
                raise NotFound(f"no published {kind} checklist; run `sva-hq checklist publish`",
                               field="--kind")
            rev = tx.next_rev()
            days = visit_days(start, len(rows), len(users))
        missing_sites = []
        for i, row in enumerate(rows):
            assignment_id = None
            if users:
                site = tx.one("SELECT st.id, st.supplier_id FROM sites st JOIN suppliers s "
                              "ON s.id = st.supplier_id WHERE s.code = ? AND st.deleted = 0 "
                              "ORDER BY st.name LIMIT 1", (row.code,))
                if site is None:
                    missing_sites.append(row.code)
                    continue
                user = users[i % len(users)]
                assignment_id = str(uuid.uuid4())
                tx.execute("INSERT INTO assignments (id, auditor_id, supplier_id, site_id, kind, "
                           "template_ref, planned_date, created_at, rev) "
                           "VALUES (?,?,?,?,?,?,?,?,?)",
                           (assignment_id, user["id"], site["supplier_id"], site["id"], kind,
                            template["ref"], days[i].isoformat(), now_iso(), rev))
                assigned.append({"assignment_id": assignment_id, "code": row.code,
                                 "auditor": user["name"], "date": days[i].isoformat()})
            tx.execute("INSERT INTO plan_rows (plan_id, rank, supplier_code, score, factors, "
                       "assignment_id) VALUES (?,?,?,?,?,?)",
                       (plan_id, row.rank, row.code, row.score, json.dumps(
                           [{"name": f.name, "value": f.value, "weight": f.weight,
                             "contribution": f.contribution, "detail": f.detail}
                            for f in row.factors], ensure_ascii=False), assignment_id))
        if missing_sites:
            raise BadInput(f"{len(missing_sites)} planned supplier(s) have no site to visit, "
                           "nothing was assigned: " + ", ".join(missing_sites)
                           + " (add sites with `sva-hq import sites FILE`)", field="--assign")
        log_event(tx, actor, "plan", "plan", plan_id, fy=fy, kind=kind or "any",
                  rows=len(rows), assigned=len(assigned))
    return {"plan_id": plan_id, "rows": len(rows), "assigned": assigned}


def latest_plan(storage: Storage, fy: int | None = None) -> dict | None:
    with storage.transaction(write=False) as tx:
        sql = "SELECT * FROM plans" + (" WHERE fy = ?" if fy is not None else "")
        head = tx.one(sql + " ORDER BY created_at DESC, id LIMIT 1",
                      (fy,) if fy is not None else ())
        if head is None:
            return None
        rows = tx.all("SELECT p.*, s.name_en, s.name_ja, u.name AS auditor, "
                      "asg.planned_date FROM plan_rows p "
                      "LEFT JOIN suppliers s ON s.code = p.supplier_code "
                      "LEFT JOIN assignments asg ON asg.id = p.assignment_id "
                      "LEFT JOIN users u ON u.id = asg.auditor_id "
                      "WHERE p.plan_id = ? ORDER BY p.rank", (head["id"],))
    for r in rows:
        r["factors"] = json.loads(r["factors"])
    return {**head, "rows": rows}
