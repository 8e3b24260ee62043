"""What a device pulls: everything changed since its cursor, read in one snapshot."""
from __future__ import annotations

import json

from sva.hq.audits import Principal
from sva.hq.policy import device_policy
from sva.hq.scope import assigned_suppliers, newly_assigned
from sva.hq.storage import Storage, Tx
from sva.vocabulary import CAP_SYNC_FIELDS, SITE_SYNC_FIELDS, SUPPLIER_SYNC_FIELDS

SUPPLIER_FIELDS = ("id", "code", *SUPPLIER_SYNC_FIELDS, "deleted")
SITE_FIELDS = ("id", "supplier_id", *SITE_SYNC_FIELDS, "deleted")


def pull(storage: Storage, who: Principal, cursor: int) -> dict:
    with storage.transaction(write=False) as tx:
        # The counter and the rows come from the same snapshot: nothing committed later
        # can carry a rev at or below the cursor we hand out.
        now = int(tx.scalar("SELECT value FROM revisions WHERE name = 'rev'"))
        if cursor > now:      # a cursor from another (restored) HQ: start over
            cursor = 0
        args = (cursor, now)
        suppliers, sites = _master_data(tx, who, cursor, now)
        checklists = tx.all("SELECT ref, body, sha256 FROM checklists "
                            "WHERE rev > ? AND rev <= ? ORDER BY ref", args)
        mine = "" if who.sees_all else " AND a.auditor_id = ?"
        assignments = tx.all(
            "SELECT a.id, a.supplier_id, a.site_id, a.kind, a.template_ref, a.planned_date, "
            "a.deleted, u.name AS auditor FROM assignments a JOIN users u ON u.id = a.auditor_id "
            f"WHERE a.rev > ? AND a.rev <= ?{mine} ORDER BY a.planned_date, a.id",
            args if who.sees_all else (*args, who.user_id))
        owned = "" if who.sees_all else " AND au.owner_id = ?"
        findings = tx.all(
            f"SELECT f.id, f.audit_id, {', '.join('f.' + k for k in CAP_SYNC_FIELDS)}, "
            "f.updated_at, f.updated_by FROM findings f JOIN audits au ON au.id = f.audit_id "
            f"WHERE f.rev > ? AND f.rev <= ?{owned} ORDER BY f.id",
            args if who.sees_all else (*args, who.user_id))
        policy = device_policy(tx)
    for row in suppliers:
        row["categories"] = json.loads(row["categories"] or "[]")
    for row in checklists:
        row["body"] = json.loads(row["body"])
    return {"cursor": now, "suppliers": suppliers, "sites": sites,
            "checklists": checklists, "assignments": assignments, "findings": findings,
            "policy": policy}


def _master_data(tx: Tx, who: Principal, cursor: int, now: int) -> tuple[list, list]:
    """Suppliers and sites changed since the cursor; for an auditor only those of its own
    assignments (also unchanged ones of an assignment made since the cursor)."""
    supplier_cols = ", ".join(SUPPLIER_FIELDS)
    site_cols = ", ".join(SITE_FIELDS)
    scope = assigned_suppliers(tx, who)
    if scope is None:
        return (tx.all(f"SELECT {supplier_cols} FROM suppliers WHERE rev > ? AND rev <= ? "
                       "ORDER BY code", (cursor, now)),
                tx.all(f"SELECT {site_cols} FROM sites WHERE rev > ? AND rev <= ? "
                       "ORDER BY supplier_id, name", (cursor, now)))
    fresh = newly_assigned(tx, who, cursor, now)
    if not scope:
        return [], []
    ids = sorted(scope)
    marks = ", ".join("?" for _ in ids)
    fresh_marks = ", ".join("?" for _ in fresh) or "NULL"
    changed = f"((rev > ? AND rev <= ?) OR {{col}} IN ({fresh_marks}))"
    suppliers = tx.all(f"SELECT {supplier_cols} FROM suppliers WHERE id IN ({marks}) AND "
                       + changed.format(col="id") + " ORDER BY code",
                       (*ids, cursor, now, *sorted(fresh)))
    sites = tx.all(f"SELECT {site_cols} FROM sites WHERE supplier_id IN ({marks}) AND "
                   + changed.format(col="supplier_id") + " ORDER BY supplier_id, name",
                   (*ids, cursor, now, *sorted(fresh)))
    return suppliers, sites
