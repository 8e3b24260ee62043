"""Closing a fiscal year (issue 18, point 2): `sva-hq fy close 2025 --by NAME` freezes the
year's figures as a stored snapshot with a content hash; from then on the figures, the PDF
and the XLSX of that year come from the snapshot and say who closed it and when, whatever
changes in the data afterwards. Re-opening needs a reason, is logged and keeps the old
snapshot's row. Imports for a closed year are refused.

The snapshot is a dict of panels, {"programme": figures}, so other figure panels can be
frozen with it later (a panel is a name and a function of (tx, fy) returning a dict).
"""
from __future__ import annotations

import hashlib
import json
import uuid

from sva.errors import BadInput, NotFound, SnapshotAltered
from sva.hq.accounts import log_event, now_iso, user_by_name
from sva.hq.storage import Storage, Tx
from sva.vocabulary import ROLES_SEEING_ALL

MANAGING_ROLES = ROLES_SEEING_ALL


def _programme_panel(tx: Tx, fy: int) -> dict:
    from sva.hq.programme_figures import figures_from_db
    return figures_from_db(tx, fy)


def _programmes_panel(tx: Tx, fy: int) -> dict:
    from sva.hq.programmes.panels import extra_figures
    return extra_figures(tx, fy)


# The programmes' panels (declarations, dissemination, climate, CMRT, chemicals; issue 19)
# are frozen with the year's own figures.
PANELS = {"programme": _programme_panel, "programmes": _programmes_panel}


def content_hash(snapshot: dict) -> str:
    text = json.dumps(snapshot, sort_keys=True, separators=(",", ":"), ensure_ascii=False)
    return hashlib.sha256(text.encode("utf-8")).hexdigest()


def closure(tx: Tx, fy: int) -> dict | None:
    """The closure in force for a year (with its snapshot checked against its hash), or None."""
    row = tx.one("SELECT * FROM fy_closures WHERE fy = ? AND reopened_at IS NULL", (fy,))
    if row is None:
        return None
    snapshot = json.loads(row["snapshot"])
    if content_hash(snapshot) != row["content_hash"]:
        raise SnapshotAltered(f"the stored figures of closed FY{fy} do not match their content "
                              f"hash {row['content_hash'][:12]}…: the snapshot was altered")
    return {**row, "snapshot": snapshot}


def closed_note(row: dict) -> dict:
    return {"at": row["closed_at"], "by": row["closed_by"], "hash": row["content_hash"]}


def year_figures(tx: Tx, fy: int) -> dict:
    """The programme figures of a year: the snapshot of a closed year (with `closed`), else
    computed from the data."""
    row = closure(tx, fy)
    if row is None:
        return {**_programme_panel(tx, fy), "programmes": _programmes_panel(tx, fy)}
    snapshot = row["snapshot"]
    return {**snapshot["programme"],
            "programmes": snapshot.get("programmes") or _programmes_panel(tx, fy),
            "closed": closed_note(row)}


def require_open(tx: Tx, fy: int, what: str) -> None:
    """Refuse a change to a closed year's data (BadInput naming who closed it)."""
    row = tx.one("SELECT closed_at, closed_by FROM fy_closures WHERE fy = ? AND "
                 "reopened_at IS NULL", (fy,))
    if row is not None:
        raise BadInput(f"FY{fy} is closed (on {row['closed_at'][:10]} by {row['closed_by']}); "
                       f"{what} would change its figures. Reopen it first: "
                       f"sva-hq fy reopen {fy} --reason TEXT --by NAME", field="--fy")


def manager(tx: Tx, name: str | None, action: str) -> str:
    """The name of the enabled manager or admin `name`; BadInput for anyone else."""
    if not name or not name.strip():
        raise BadInput(f"{action} needs the name of the manager doing it (--by NAME or "
                       "SVA_HQ_USER)", field="--by")
    user = user_by_name(tx, name.strip())
    if user["role"] not in MANAGING_ROLES or user.get("disabled"):
        raise BadInput(f"{name} is a{'' if user['role'] == 'admin' else 'n'} {user['role']}"
                       f"{' (disabled)' if user.get('disabled') else ''}; only a manager or "
                       f"admin may {action}", field="--by")
    return user["name"]


def close_year(storage: Storage, fy: int, *, by: str | None) -> dict:
    """Freeze FY `fy`: compute every panel, store it with its hash. One transaction."""
    with storage.transaction() as tx:
        who = manager(tx, by, "close a year")
        old = tx.one("SELECT closed_at, closed_by FROM fy_closures WHERE fy = ? AND "
                     "reopened_at IS NULL", (fy,))
        if old is not None:
            raise BadInput(f"FY{fy} is already closed (on {old['closed_at'][:10]} by "
                           f"{old['closed_by']})", field="fy")
        snapshot = {name: panel(tx, fy) for name, panel in PANELS.items()}
        digest, at = content_hash(snapshot), now_iso()
        tx.execute("INSERT INTO fy_closures (id, fy, snapshot, content_hash, closed_at, "
                   "closed_by) VALUES (?, ?, ?, ?, ?, ?)",
                   (str(uuid.uuid4()), fy, json.dumps(snapshot, sort_keys=True,
                                                      ensure_ascii=False), digest, at, who))
        log_event(tx, who, "close", "fiscal_year", str(fy), content_hash=digest)
    return {"fy": fy, "closed_at": at, "closed_by": who, "content_hash": digest}


def reopen_year(storage: Storage, fy: int, *, by: str | None, reason: str | None) -> dict:
    if not reason or len(reason.strip()) < 5:
        raise BadInput("reopening a closed year needs a reason (--reason, 5 characters or "
                       "more)", field="--reason")
    with storage.transaction() as tx:
        who = manager(tx, by, "reopen a year")
        row = tx.one("SELECT id, content_hash FROM fy_closures WHERE fy = ? AND "
                     "reopened_at IS NULL", (fy,))
        if row is None:
            raise NotFound(f"FY{fy} is not closed", field="fy")
        at = now_iso()
        tx.execute("UPDATE fy_closures SET reopened_at = ?, reopened_by = ?, reopen_reason = ? "
                   "WHERE id = ?", (at, who, reason.strip(), row["id"]))
        log_event(tx, who, "reopen", "fiscal_year", str(fy), reason=reason.strip(),
                  content_hash=row["content_hash"])
    return {"fy": fy, "reopened_at": at, "reopened_by": who}


def trends(tx: Tx) -> list[dict]:
    """The programme figures of every closed year, oldest first (each checked against its
    hash): what the dashboard's multi-year trend shows."""
    rows = tx.all("SELECT fy FROM fy_closures WHERE reopened_at IS NULL ORDER BY fy")
    return [year_figures(tx, int(r["fy"])) for r in rows]


def closures(storage: Storage) -> list[dict]:
    """Every closing, newest first, without the snapshots."""
    with storage.transaction(write=False) as tx:
        return tx.all("SELECT fy, content_hash, closed_at, closed_by, reopened_at, reopened_by, "
                      "reopen_reason FROM fy_closures ORDER BY fy DESC, closed_at DESC")
