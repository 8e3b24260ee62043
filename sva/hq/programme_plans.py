"""Visit plans at HQ (issue 18, points 4–6): rank suppliers with the pure planner over the
stored data; `sva-hq plan` only previews. A plan is saved under a name as a draft, listed,
compared, approved by a manager (who, when); assignments are made from an approved plan only
(sva.hq.programme_assign). A manager's overrides — include or exclude a supplier, change a
weight — each carry a reason, kept with the plan and shown in it and its export. The planner
never plans a supplier already visited or assigned in the year."""
from __future__ import annotations

import json
import uuid
from datetime import date, timedelta
from functools import lru_cache

from sva.errors import BadInput, NotFound
from sva.hq.accounts import log_event, now_iso
from sva.hq.programme.planner import PlanRow, plan
from sva.hq.programme.planning_rules import load_planning
from sva.hq.programme_store import load_current_results, load_open_findings, load_suppliers, \
    load_visits
from sva.hq.storage import Storage, Tx
from sva.vocabulary import UNCLOSED_FINDING_STATUSES


def load_assignments(tx: Tx) -> list[dict]:
    """Live assignments (not cancelled): supplier_code, kind, date."""
    return [{"supplier_code": r["code"], "kind": r["kind"], "date": r["planned_date"]}
            for r in tx.all("SELECT s.code, a.kind, a.planned_date FROM assignments a JOIN "
                            "suppliers s ON s.id = a.supplier_id WHERE a.deleted = 0")]


def follow_ups(tx: Tx, kind: str | None, today: date | None = None) -> dict:
    """{supplier code: why a follow-up visit is due, {en, ja}}: an unclosed significant
    finding, or a finding's CAP overdue by more than the configured days (resources/programme/
    follow_up.yaml), from a visit of `kind` (any kind when None)."""
    days = follow_up_days()
    limit = ((today or date.today()) - timedelta(days=days)).isoformat()
    marks = ", ".join("?" for _ in UNCLOSED_FINDING_STATUSES)
    rows = tx.all(
        "SELECT a.supplier_code AS code, f.item_id, f.severity, f.due_date FROM findings f "
        f"JOIN audits a ON a.id = f.audit_id WHERE f.status IN ({marks}) AND "
        "f.fact_deleted = 0 AND (f.severity = 'significant' OR (f.due_date IS NOT NULL AND "
        "f.due_date <> '' AND f.due_date < ?))" + (" AND a.kind = ?" if kind else "")
        + " ORDER BY a.supplier_code, f.due_date",
        (*UNCLOSED_FINDING_STATUSES, limit, *((kind,) if kind else ())))
    out: dict = {}
    for r in rows:
        item = r["item_id"] or ""
        why = ({"en": f"significant finding {item} not closed".replace("  ", " "),
                "ja": f"重大な指摘 {item} が未完了".replace("  ", " ")}
               if r["severity"] == "significant" else
               {"en": f"CAP of {item or 'a finding'} overdue since {r['due_date']} "
                      f"(more than {days} days)",
                "ja": f"{item or '指摘'} の是正処置が {r['due_date']} から期限超過"
                      f"（{days} 日超）"})
        if r["code"] not in out or r["severity"] == "significant":
            out[r["code"]] = why
    return out


@lru_cache(maxsize=1)
def follow_up_days() -> int:
    from sva.paths import resource
    from sva.validation.yaml_file import read_yaml
    doc, problems = read_yaml(resource("programme", "follow_up.yaml"))
    days = (doc or {}).get("cap_overdue_days") if not problems else None
    if not isinstance(days, int) or days < 0:
        raise ValueError("resources/programme/follow_up.yaml: cap_overdue_days must be a "
                         "whole number ≥ 0")
    return days


def plan_for(storage: Storage, fy: int, *, capacity: int | None = None,
             kind: str | None = None, weights: dict | None = None,
             include: dict | None = None, exclude: dict | None = None,
             today: date | None = None) -> list[PlanRow]:
    """The planner over the stored data, with the follow-up visits that are due."""
    with storage.transaction(write=False) as tx:
        suppliers = load_suppliers(tx)
        results = load_current_results(tx, fy)
        visits = load_visits(tx)
        open_findings = load_open_findings(tx)
        assigned = load_assignments(tx)
        due = follow_ups(tx, kind, today)
    return plan(suppliers, results, visits, open_findings, fy, capacity=capacity, kind=kind,
                weights=weights, rules=load_planning(), assigned=assigned, include=include,
                exclude=exclude, follow_up=due)


def overrides_of(weights: dict | None, reason: str | None, include: dict | None,
                 exclude: dict | None) -> list[dict]:
    """The overrides as stored, each with its reason; a weight change without a reason, or an
    include/exclude with an empty one, is refused."""
    out = []
    if weights:
        if not reason or not reason.strip():
            raise BadInput("changing a weight needs a reason (--reason TEXT)", field="--reason")
        out += [{"type": "weight", "factor": f, "value": v, "reason": reason.strip()}
                for f, v in sorted(weights.items())]
    for kind, given in (("include", include), ("exclude", exclude)):
        for code, why in sorted((given or {}).items()):
            if not str(why or "").strip():
                raise BadInput(f"--{kind} {code} needs a reason (CODE=REASON)", field=f"--{kind}")
            out.append({"type": kind, "code": code, "reason": str(why).strip()})
    return out


def override_lines(overrides: list[dict]) -> list[str]:
    return [(f"weight {o['factor']} = {o['value']:g}" if o["type"] == "weight"
             else f"{o['type']} {o['code']}") + f": {o['reason']}" for o in overrides]


def save_plan(storage: Storage, rows: list[PlanRow], *, name: str, fy: int, kind: str | None,
              capacity: int | None, weights: dict | None = None,
              overrides: list[dict] | None = None, actor: str) -> dict:
    """Keep a plan as a named draft. An empty plan (capacity 0, nobody left) is not saved."""
    name = (name or "").strip()
    if not name:
        raise BadInput("a saved plan needs a name (--save NAME)", field="--save")
    if not rows:
        raise BadInput("the plan has no supplier (capacity 0, or everyone is visited or "
                       "assigned already): nothing was saved", field="--capacity")
    plan_id = str(uuid.uuid4())
    with storage.transaction() as tx:
        if tx.one("SELECT 1 AS x FROM plan_drafts WHERE name = ?", (name,)):
            raise BadInput(f"a plan named {name!r} exists already; choose another name",
                           field="--save")
        tx.execute("INSERT INTO plans (id, fy, kind, capacity, weights, created_at, created_by) "
                   "VALUES (?,?,?,?,?,?,?)", (plan_id, fy, kind or "any", capacity,
                                               json.dumps(weights or {}), now_iso(), actor))
        tx.execute("INSERT INTO plan_drafts (plan_id, name, status, overrides) VALUES "
                   "(?, ?, 'draft', ?)", (plan_id, name, json.dumps(overrides or [],
                                                                     ensure_ascii=False)))
        for row in rows:
            tx.execute("INSERT INTO plan_rows (plan_id, rank, supplier_code, score, factors, "
                       "assignment_id) VALUES (?,?,?,?,?,NULL)",
                       (plan_id, row.rank, row.code, row.score, _factors_json(row)))
        log_event(tx, actor, "save", "plan", plan_id, name=name, fy=fy, kind=kind or "any",
                  rows=len(rows), overrides=len(overrides or []))
    return {"plan_id": plan_id, "name": name, "rows": len(rows)}


def approve_plan(storage: Storage, name: str, *, by: str | None) -> dict:
    from sva.hq.programme_closing import manager
    with storage.transaction() as tx:
        who = manager(tx, by, "approve a plan")
        head = _head(tx, name)
        if head["status"] == "approved":
            raise BadInput(f"plan {name!r} was approved already (by {head['approved_by']} on "
                           f"{head['approved_at'][:10]})", field="plan")
        at = now_iso()
        tx.execute("UPDATE plan_drafts SET status = 'approved', approved_by = ?, "
                   "approved_at = ? WHERE plan_id = ?", (who, at, head["id"]))
        log_event(tx, who, "approve", "plan", head["id"], name=name)
    return {"name": name, "approved_by": who, "approved_at": at}


def _head(tx: Tx, name: str) -> dict:
    head = tx.one("SELECT p.*, d.name, d.status, d.overrides, d.approved_by, d.approved_at "
                  "FROM plans p JOIN plan_drafts d ON d.plan_id = p.id WHERE d.name = ?",
                  (name,))
    if head is None:
        raise NotFound(f"no saved plan named {name!r} (see `sva-hq plans list`)", field="plan")
    head["overrides"] = json.loads(head["overrides"])
    head["weights"] = json.loads(head["weights"])
    return head


def _rows(tx: Tx, plan_id: str) -> list[dict]:
    rows = tx.all("SELECT p.*, s.name_en, s.name_ja, u.name AS auditor, asg.planned_date, "
                  "asg.deleted AS cancelled FROM plan_rows p "
                  "LEFT JOIN suppliers s ON s.code = p.supplier_code "
                  "LEFT JOIN assignments asg ON asg.id = p.assignment_id "
                  "LEFT JOIN users u ON u.id = asg.auditor_id "
                  "WHERE p.plan_id = ? ORDER BY p.rank", (plan_id,))
    for r in rows:
        stored = json.loads(r["factors"])
        # plans saved before drafts kept the factor list alone
        r["note"], r["factors"] = (stored.get("note", ""), stored["factors"]) \
            if isinstance(stored, dict) else ("", stored)
        r["note_ja"] = stored.get("note_ja", "") if isinstance(stored, dict) else ""
    return rows


def get_plan(storage: Storage, name: str) -> dict:
    with storage.transaction(write=False) as tx:
        head = _head(tx, name)
        return {**head, "rows": _rows(tx, head["id"])}


def list_plans(storage: Storage, fy: int | None = None) -> list[dict]:
    with storage.transaction(write=False) as tx:
        return tx.all("SELECT d.name, d.status, d.approved_by, d.approved_at, p.fy, p.kind, "
                      "p.capacity, p.created_at, p.created_by, (SELECT COUNT(*) FROM plan_rows "
                      "r WHERE r.plan_id = p.id) AS n FROM plans p JOIN plan_drafts d ON "
                      "d.plan_id = p.id" + (" WHERE p.fy = ?" if fy is not None else "")
                      + " ORDER BY p.created_at, d.name", (fy,) if fy is not None else ())


def compare_plans(storage: Storage, a: str, b: str) -> dict:
    """Which suppliers only one plan has, and the rank of those both have."""
    one, two = get_plan(storage, a), get_plan(storage, b)
    ra = {r["supplier_code"]: r["rank"] for r in one["rows"]}
    rb = {r["supplier_code"]: r["rank"] for r in two["rows"]}
    return {"only_a": sorted(set(ra) - set(rb), key=ra.get),
            "only_b": sorted(set(rb) - set(ra), key=rb.get),
            "both": [(c, ra[c], rb[c]) for c in sorted(set(ra) & set(rb), key=ra.get)]}


def latest_plan(storage: Storage, fy: int | None = None) -> dict | None:
    """What the dashboard shows: the newest approved plan of the year, else the newest draft,
    else a plan saved before drafts existed."""
    with storage.transaction(write=False) as tx:
        sql = ("SELECT p.*, d.name, d.status, d.overrides, d.approved_by, d.approved_at FROM "
               "plans p LEFT JOIN plan_drafts d ON d.plan_id = p.id"
               + (" WHERE p.fy = ?" if fy is not None else ""))
        head = tx.one(sql + " ORDER BY CASE WHEN d.status = 'approved' THEN 0 WHEN d.status "
                      "= 'draft' THEN 1 ELSE 2 END, p.created_at DESC, p.id LIMIT 1",
                      (fy,) if fy is not None else ())
        if head is None:
            return None
        head["overrides"] = json.loads(head["overrides"] or "[]")
        return {**head, "rows": _rows(tx, head["id"])}


def amend_draft(storage: Storage, name: str, *, include: dict | None = None,
                exclude: dict | None = None, by: str | None) -> dict:
    """A manager includes or excludes suppliers in a draft, each with a reason: an excluded
    row goes, an included supplier goes first (scored and explained like the others); the
    ranks are renumbered and the overrides kept with the plan. Approved plans do not change."""
    from sva.hq.programme_closing import manager
    new = overrides_of(None, None, include, exclude)
    if not new:
        raise BadInput("nothing to change: give a supplier to include or exclude",
                       field="--include")
    with storage.transaction(write=False) as tx:
        head = _head(tx, name)
    added = {}
    if include:
        rows = plan_for(storage, head["fy"], kind=None if head["kind"] == "any" else head["kind"],
                        weights=head["weights"], include=include)
        added = {r.code.upper(): r for r in rows if r.code.upper() in
                 {c.upper() for c in include}}
        missing = sorted(set(c.upper() for c in include) - set(added))
        if missing:
            raise BadInput(f"cannot include {', '.join(missing)}: unknown, or visited or "
                           "assigned in the year already", field="--include")
    with storage.transaction() as tx:
        who = manager(tx, by, "change a plan")
        head = _head(tx, name)
        if head["status"] != "draft":
            raise BadInput(f"plan {name!r} is approved; save a new draft to change it",
                           field="plan")
        rows = tx.all("SELECT * FROM plan_rows WHERE plan_id = ? ORDER BY rank", (head["id"],))
        gone = {c.upper() for c in exclude or ()} | set(added)
        kept = [r for r in rows if r["supplier_code"].upper() not in gone]
        tx.execute("DELETE FROM plan_rows WHERE plan_id = ?", (head["id"],))
        fresh = [(r.code, r.score, _factors_json(r)) for r in added.values()]
        for rank, (code, score, factors) in enumerate(
                fresh + [(r["supplier_code"], r["score"], r["factors"]) for r in kept], start=1):
            tx.execute("INSERT INTO plan_rows (plan_id, rank, supplier_code, score, factors, "
                       "assignment_id) VALUES (?,?,?,?,?,NULL)",
                       (head["id"], rank, code, score, factors))
        tx.execute("UPDATE plan_drafts SET overrides = ? WHERE plan_id = ?",
                   (json.dumps(head["overrides"] + new, ensure_ascii=False), head["id"]))
        log_event(tx, who, "amend", "plan", head["id"], name=name, overrides=new)
    return {"name": name, "rows": len(fresh) + len(kept), "by": who}


def _factors_json(row: PlanRow) -> str:
    return json.dumps({"note": row.note, "note_ja": row.note_ja, "factors": [
        {"name": f.name, "value": f.value, "weight": f.weight, "contribution": f.contribution,
         "detail": f.detail, "detail_ja": f.detail_ja} for f in row.factors]},
        ensure_ascii=False)
