"""What a device may push and pull: an auditor works only within its assignments.

* A push names a registered supplier, and an auditor's push must sit inside one of its live
  assignments: the assignment it names (which must be the auditor's own and for the same
  supplier), or, for an audit begun on the device without one, some assignment of the
  auditor at that supplier. Anything else is refused (403) and nothing is stored: the
  supplier's page and the programme figures never see it.
* A pull gives an auditor the suppliers and sites of its own assignments only — no other
  supplier's spend, level or sites. Managers and admins see everything.
"""
from __future__ import annotations

from sva.hq.storage import Tx


class OutOfScope(Exception):
    """The push is outside what this device may send; the message says what is wrong."""


def check_push(tx: Tx, who, doc: dict) -> None:
    """Raise OutOfScope unless `who` may store this audit document."""
    code = doc.get("supplier_code") or ""
    supplier = tx.one("SELECT id FROM suppliers WHERE code = ? AND deleted = 0", (code,))
    if supplier is None:
        raise OutOfScope(f"supplier {code!r} is not registered at HQ")
    if who.sees_all:
        return
    assignment_id = doc.get("assignment_id")
    if assignment_id:
        row = tx.one("SELECT auditor_id, supplier_id FROM assignments WHERE id = ?",
                     (assignment_id,))
        if row is None or row["auditor_id"] != who.user_id:
            raise OutOfScope(f"assignment {assignment_id} is not one of yours")
        if row["supplier_id"] != supplier["id"]:
            raise OutOfScope(f"assignment {assignment_id} is for another supplier than "
                             f"{code}")
        return
    if not tx.scalar("SELECT COUNT(*) FROM assignments WHERE auditor_id = ? AND "
                     "supplier_id = ? AND deleted = 0", (who.user_id, supplier["id"])):
        raise OutOfScope(f"supplier {code} is not assigned to you; ask HQ to assign the "
                         "visit, then sync again")


def assigned_suppliers(tx: Tx, who) -> set[str] | None:
    """Supplier ids an auditor's live assignments name; None = everything (managers)."""
    if who.sees_all:
        return None
    return {r["supplier_id"] for r in tx.all(
        "SELECT DISTINCT supplier_id FROM assignments WHERE auditor_id = ? AND deleted = 0",
        (who.user_id,))}


def newly_assigned(tx: Tx, who, cursor: int, now: int) -> set[str]:
    """Supplier ids of the auditor's assignments made since the cursor: their master data
    goes down again even if it did not change (the device may never have received it)."""
    return {r["supplier_id"] for r in tx.all(
        "SELECT DISTINCT supplier_id FROM assignments WHERE auditor_id = ? AND deleted = 0 "
        "AND rev > ? AND rev <= ?", (who.user_id, cursor, now))}
