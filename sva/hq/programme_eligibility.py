"""Eligibility over the stored data (issue 18, points 10–11): each supplier's latest level as
of the current fiscal year, expired after the configured validity unless a manager extended
it with a reason (`level_extensions`), with its open information-security findings."""
from __future__ import annotations

from datetime import date

from sva.errors import BadInput, NotFound
from sva.hq.accounts import log_event, now_iso
from sva.hq.programme.eligibility import eligibility
from sva.hq.programme_history import current_fy
from sva.hq.programme_store import load_results, load_suppliers
from sva.hq.storage import Storage, Tx
from sva.vocabulary import CAP_SEVERITIES, UNCLOSED_FINDING_STATUSES


def _extensions(tx: Tx) -> dict:
    return {(r["supplier_code"].upper(), int(r["saq_fy"])): r for r in tx.all(
        "SELECT supplier_code, saq_fy, until_fy, reason, extended_by, extended_at "
        "FROM level_extensions")}


def _open_isec(tx: Tx, *, due_before: str | None = None) -> dict:
    """{supplier code: open information-security findings} (only those whose due date is
    before `due_before`, when given). Good practices and observations need no action."""
    marks = ", ".join("?" for _ in UNCLOSED_FINDING_STATUSES)
    late = " AND f.due_date IS NOT NULL AND f.due_date <> '' AND f.due_date < ?" \
        if due_before else ""
    return {r["code"].upper(): int(r["n"]) for r in tx.all(
        "SELECT a.supplier_code AS code, COUNT(*) AS n FROM findings f JOIN audits a ON "
        f"a.id = f.audit_id WHERE f.area = 'ISEC' AND f.status IN ({marks}) AND "
        "f.fact_deleted = 0 AND f.severity IN (?, ?)" + late
        + " GROUP BY a.supplier_code",
        (*UNCLOSED_FINDING_STATUSES, *CAP_SEVERITIES, *((due_before,) if due_before else ())))}


def eligibility_for(storage: Storage, level: str, category: str | None = None, *,
                    as_of_fy: int | None = None, today: date | None = None) -> dict:
    as_of = current_fy() if as_of_fy is None else as_of_fy
    with storage.transaction(write=False) as tx:
        out = eligibility(load_suppliers(tx), load_results(tx, max_fy=as_of), level, category,
                          as_of_fy=as_of, extensions=_extensions(tx), open_isec=_open_isec(tx),
                          overdue_isec=_open_isec(tx, due_before=(
                              today or date.today()).isoformat()))
    return {**out, "as_of_fy": as_of}


def extend_level(storage: Storage, code: str, *, until_fy: int, reason: str | None,
                 by: str | None) -> dict:
    """Let a supplier's latest level count until `until_fy`, with a reason (a manager)."""
    from sva.hq.programme_closing import manager
    if not reason or len(reason.strip()) < 5:
        raise BadInput("extending a level needs a reason (--reason, 5 characters or more)",
                       field="--reason")
    with storage.transaction() as tx:
        who = manager(tx, by, "extend a level")
        row = tx.one("SELECT supplier_code, fy, isec_level FROM saq_levels WHERE "
                     "UPPER(supplier_code) = ? ORDER BY fy DESC LIMIT 1", (code.upper(),))
        if row is None:
            raise NotFound(f"supplier {code} has no level to extend", field="supplier")
        if until_fy <= row["fy"]:
            raise BadInput(f"--until-fy {until_fy} is not after FY{row['fy']}, the year of the "
                           "level", field="--until-fy")
        tx.execute("DELETE FROM level_extensions WHERE supplier_code = ? AND saq_fy = ?",
                   (row["supplier_code"], row["fy"]))
        tx.execute("INSERT INTO level_extensions (supplier_code, saq_fy, until_fy, reason, "
                   "extended_by, extended_at) VALUES (?, ?, ?, ?, ?, ?)",
                   (row["supplier_code"], row["fy"], until_fy, reason.strip(), who, now_iso()))
        log_event(tx, who, "extend", "level", row["supplier_code"], saq_fy=row["fy"],
                  level=row["isec_level"], until_fy=until_fy, reason=reason.strip())
    return {"code": row["supplier_code"], "level": row["isec_level"], "saq_fy": row["fy"],
            "until_fy": until_fy, "by": who}
