"""Assignments from an approved plan (issue 18, points 4–5), and changing them afterwards:
cancel (the device learns the assignment is withdrawn: `deleted` flows down on the next pull)
or reassign (the old assignment is cancelled for its auditor, a new one made for the other;
so each device hears about its own). Every change has a reason and a named user in the
event log."""
from __future__ import annotations

import uuid
from datetime import date

from sva.errors import BadInput, NotFound
from sva.hq.accounts import log_event, now_iso, user_by_name
from sva.hq.programme.fiscal import fy_bounds
from sva.hq.programme.planner import busy_in_year
from sva.hq.programme.visit_calendar import Visit, schedule
from sva.hq.programme_plans import _head, load_assignments
from sva.hq.programme_store import load_visits
from sva.hq.storage import Storage, Tx
from sva.places import region_of
from sva.vocabulary import AUDIT_KINDS


def _auditor(tx: Tx, name: str, kind: str | None = None) -> dict:
    """An enabled auditor, qualified for `kind` when their qualifications are recorded."""
    user = user_by_name(tx, name)
    if user["role"] != "auditor" or user.get("disabled"):
        raise BadInput(f"{name} is {'a disabled' if user.get('disabled') else 'a'} "
                       f"{user['role']}, not an auditor who can visit", field="--auditor")
    kinds = {r["kind"] for r in tx.all("SELECT kind FROM auditor_qualifications WHERE "
                                       "user_id = ?", (user["id"],))}
    if kind and kinds and kind not in kinds:
        raise BadInput(f"{name} is qualified for {', '.join(sorted(kinds))} visits, not {kind} "
                       f"(sva-hq user qualify {name} --kind {kind})", field="--auditor")
    return user


def qualify(storage: Storage, name: str, kind: str, *, remove: bool = False,
            actor: str) -> list[str]:
    """Record (or remove) that an auditor may make visits of `kind`; their kinds now."""
    if kind not in AUDIT_KINDS:
        raise BadInput(f"unknown kind {kind!r} (known: {', '.join(AUDIT_KINDS)})",
                       field="--kind")
    with storage.transaction() as tx:
        user = _auditor(tx, name)
        tx.execute("DELETE FROM auditor_qualifications WHERE user_id = ? AND kind = ?",
                   (user["id"], kind))
        if not remove:
            tx.execute("INSERT INTO auditor_qualifications (user_id, kind, recorded_by, "
                       "recorded_at) VALUES (?, ?, ?, ?)", (user["id"], kind, actor, now_iso()))
        log_event(tx, actor, "unqualify" if remove else "qualify", "user", user["id"],
                  name=name, kind=kind)
        return sorted(r["kind"] for r in tx.all(
            "SELECT kind FROM auditor_qualifications WHERE user_id = ?", (user["id"],)))


def assign_plan(storage: Storage, name: str, *, auditors: list[str], first_date: str,
                actor: str) -> dict:
    """Assign every row of approved plan `name` not assigned yet: grouped by region, one
    block of visits per auditor, one visit per working day from first_date that is no public
    holiday in Japan or the site's country (sva.hq.programme.visit_calendar). A supplier
    visited or assigned meanwhile is left out and named. All or nothing."""
    if not auditors:
        raise BadInput("assigning a plan needs at least one --auditor NAME", field="--auditor")
    try:
        start = date.fromisoformat(first_date or "")
    except ValueError:
        raise BadInput(f"{first_date!r} is not a date (YYYY-MM-DD)", field="--date") from None
    assigned, skipped, missing_sites = [], [], []
    with storage.transaction() as tx:
        head = _head(tx, name)
        if head["status"] != "approved":
            raise BadInput(f"plan {name!r} is a draft: a manager approves it first "
                           f"(sva-hq plans approve {name!r} --by NAME)", field="plan")
        kind = head["kind"]
        if kind not in AUDIT_KINDS:
            raise BadInput(f"plan {name!r} was made for any kind; assignments need a plan made "
                           "with --kind svr or --kind infosec (the checklist to use)",
                           field="plan")
        if not fy_bounds(head["fy"])[0] <= start <= fy_bounds(head["fy"])[1]:
            raise BadInput(f"{start} is outside FY{head['fy']}", field="--date")
        users = [_auditor(tx, n, kind) for n in auditors]
        template = tx.one("SELECT ref FROM checklists WHERE kind = ? ORDER BY version DESC "
                          "LIMIT 1", (kind,))
        if template is None:
            raise NotFound(f"no published {kind} checklist; run `sva-hq checklist publish`",
                           field="plan")
        busy = busy_in_year(load_visits(tx), load_assignments(tx), head["fy"], kind)
        rows = tx.all("SELECT rank, supplier_code FROM plan_rows WHERE plan_id = ? AND "
                      "assignment_id IS NULL ORDER BY rank", (head["id"],))
        todo = {}
        for r in rows:
            why = busy.get(r["supplier_code"].upper())
            if why:
                skipped.append(f"{r['supplier_code']} ({why})")
                continue
            site = tx.one(_RISKIEST_SITE, (r["supplier_code"],))
            if site is None:
                missing_sites.append(r["supplier_code"])
                continue
            todo[r["supplier_code"]] = (r, site)
        if missing_sites:
            raise BadInput(f"{len(missing_sites)} planned supplier(s) have no site to visit, "
                           "nothing was assigned: " + ", ".join(missing_sites)
                           + " (add sites with `sva-hq import sites FILE`)", field="plan")
        rev = tx.next_rev()
        visits = [Visit(code, site["country"], site["region"] or region_of(site["country"]))
                  for code, (_, site) in todo.items()]
        for visit, k, day in schedule(visits, len(users), start):
            r, site = todo[visit.code]
            user, assignment_id = users[k], str(uuid.uuid4())
            tx.execute("INSERT INTO assignments (id, auditor_id, supplier_id, site_id, kind, "
                       "template_ref, planned_date, created_at, rev) VALUES (?,?,?,?,?,?,?,?,?)",
                       (assignment_id, user["id"], site["supplier_id"], site["id"], kind,
                        template["ref"], day.isoformat(), now_iso(), rev))
            tx.execute("UPDATE plan_rows SET assignment_id = ? WHERE plan_id = ? AND rank = ?",
                       (assignment_id, head["id"], r["rank"]))
            assigned.append({"assignment_id": assignment_id, "code": r["supplier_code"],
                             "auditor": user["name"], "date": day.isoformat(),
                             "country": visit.country})
        log_event(tx, actor, "assign", "plan", head["id"], name=name, assigned=len(assigned),
                  skipped=skipped)
    return {"assigned": assigned, "skipped": skipped}


# The site to visit: the one with the most unclosed findings from earlier visits (the risk
# seen there), then by name.
_RISKIEST_SITE = (
    "SELECT st.id, st.supplier_id, st.country, s.region, (SELECT COUNT(*) FROM findings f "
    "JOIN audits a ON a.id = f.audit_id JOIN assignments asg ON asg.id = a.assignment_id "
    "WHERE asg.site_id = st.id AND f.status <> 'verified_closed' AND f.fact_deleted = 0) "
    "AS risk FROM sites st JOIN suppliers s ON s.id = st.supplier_id WHERE s.code = ? AND "
    "st.deleted = 0 ORDER BY risk DESC, st.name LIMIT 1")


def _live(tx: Tx, assignment_id: str) -> dict:
    row = tx.one("SELECT a.*, u.name AS auditor, s.code FROM assignments a JOIN users u ON "
                 "u.id = a.auditor_id JOIN suppliers s ON s.id = a.supplier_id WHERE a.id = ?",
                 (assignment_id,))
    if row is None:
        raise NotFound(f"no assignment {assignment_id}", field="assignment")
    if row["deleted"]:
        raise BadInput(f"assignment {assignment_id} is cancelled already", field="assignment")
    if tx.one("SELECT 1 AS x FROM audits WHERE assignment_id = ?", (assignment_id,)):
        raise BadInput(f"assignment {assignment_id} has an audit at HQ already; it cannot be "
                       "cancelled or moved", field="assignment")
    return row


def _reason(reason: str | None) -> str:
    if not reason or len(reason.strip()) < 5:
        raise BadInput("this change needs a reason (--reason, 5 characters or more)",
                       field="--reason")
    return reason.strip()


def cancel_assignment(storage: Storage, assignment_id: str, *, reason: str | None,
                      actor: str) -> dict:
    why = _reason(reason)
    with storage.transaction() as tx:
        row = _live(tx, assignment_id)
        tx.execute("UPDATE assignments SET deleted = 1, rev = ? WHERE id = ?",
                   (tx.next_rev(), assignment_id))
        log_event(tx, actor, "cancel", "assignment", assignment_id, reason=why,
                  auditor=row["auditor"], supplier=row["code"])
    return {"assignment_id": assignment_id, "auditor": row["auditor"], "code": row["code"]}


def reassign(storage: Storage, assignment_id: str, *, auditor: str, planned_date: str | None,
             reason: str | None, actor: str) -> dict:
    why = _reason(reason)
    with storage.transaction() as tx:
        row = _live(tx, assignment_id)
        user = _auditor(tx, auditor, row["kind"])
        when = planned_date or row["planned_date"]
        try:
            date.fromisoformat(when)
        except ValueError:
            raise BadInput(f"{when!r} is not a date (YYYY-MM-DD)", field="--date") from None
        rev, new_id = tx.next_rev(), str(uuid.uuid4())
        tx.execute("UPDATE assignments SET deleted = 1, rev = ? WHERE id = ?",
                   (rev, assignment_id))
        tx.execute("INSERT INTO assignments (id, auditor_id, supplier_id, site_id, kind, "
                   "template_ref, planned_date, created_at, rev) VALUES (?,?,?,?,?,?,?,?,?)",
                   (new_id, user["id"], row["supplier_id"], row["site_id"], row["kind"],
                    row["template_ref"], when, now_iso(), rev))
        tx.execute("UPDATE plan_rows SET assignment_id = ? WHERE assignment_id = ?",
                   (new_id, assignment_id))
        log_event(tx, actor, "reassign", "assignment", assignment_id, reason=why,
                  new_assignment=new_id, auditor=user["name"], was=row["auditor"], date=when)
    return {"assignment_id": new_id, "auditor": user["name"], "date": when, "code": row["code"]}
