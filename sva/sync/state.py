"""Local sync bookkeeping (schema v2 tables): server, cursor, id map, agreed finding values."""
from __future__ import annotations

import json

from sva.domain.base import utc_now

POLICY_KEY = "hq_policy"


def server(db) -> dict | None:
    rows = list(db.query("SELECT * FROM sync_server WHERE id = 1"))
    return rows[0] if rows else None


def save_server(db, *, url: str, hq_device_id: str, user_name: str, role: str) -> None:
    with db.atomic():
        db.execute("DELETE FROM sync_server")
        db.execute("INSERT INTO sync_server (id, url, hq_device_id, user_name, role, cursor, "
                   "enrolled_at) VALUES (1, ?, ?, ?, ?, 0, ?)",
                   [url, hq_device_id, user_name, role, utc_now()])


def set_cursor(db, cursor: int) -> None:
    with db.atomic():
        db.execute("UPDATE sync_server SET cursor = ?, last_pull_at = ? WHERE id = 1",
                   [cursor, utc_now()])


def finish(db, error: str | None, *, code: str | None = None,
           params: dict | None = None) -> None:
    """Record the end of a sync. A failure keeps its English message and, when the error
    had one, its code and params (as JSON) so the app can word it in its language."""
    with db.atomic():
        if error is None:
            db.execute("UPDATE sync_server SET last_sync_at = ?, last_error = NULL WHERE id = 1",
                       [utc_now()])
        else:
            stored = error[:500] if code is None else json.dumps(
                {"message": error[:500], "code": code, "params": params or {}},
                ensure_ascii=False, default=str)
            db.execute("UPDATE sync_server SET last_error = ? WHERE id = 1", [stored])


def last_error(raw: str | None) -> tuple[str | None, str | None, dict]:
    """(English message, code, params) of a stored failure (see finish)."""
    if raw and raw.startswith("{"):
        try:
            stored = json.loads(raw)
            return stored["message"], stored.get("code"), dict(stored.get("params") or {})
        except (ValueError, KeyError, TypeError):
            pass
    return raw, None, {}


def local_id(db, kind: str, hq_id: str) -> str | None:
    rows = list(db.query("SELECT local_id FROM sync_ids WHERE kind = ? AND hq_id = ?",
                         [kind, hq_id]))
    return rows[0]["local_id"] if rows else None


def hq_id(db, kind: str, local: str) -> str | None:
    rows = list(db.query("SELECT hq_id FROM sync_ids WHERE kind = ? AND local_id = ?",
                         [kind, local]))
    return rows[0]["hq_id"] if rows else None


def map_id(db, kind: str, hq: str, local: str) -> None:
    with db.atomic():
        db.execute("INSERT OR REPLACE INTO sync_ids (kind, hq_id, local_id) VALUES (?,?,?)",
                   [kind, hq, local])


def base_of(db, finding_id: str) -> dict:
    return {r["field"]: r["value"] for r in db.query(
        "SELECT field, value FROM sync_finding_base WHERE finding_id = ?", [finding_id])}


def set_base(db, finding_id: str, values: dict) -> None:
    with db.atomic():
        for field, value in values.items():
            db.execute("INSERT OR REPLACE INTO sync_finding_base (finding_id, field, value) "
                       "VALUES (?,?,?)", [finding_id, field, value])


def pushed_hash(db, audit_id: str) -> str | None:
    rows = list(db.query("SELECT doc_hash FROM sync_pushed WHERE audit_id = ?", [audit_id]))
    return rows[0]["doc_hash"] if rows else None


def set_pushed(db, audit_id: str, doc_hash: str) -> None:
    with db.atomic():
        db.execute("INSERT OR REPLACE INTO sync_pushed (audit_id, doc_hash, pushed_at) "
                   "VALUES (?,?,?)", [audit_id, doc_hash, utc_now()])


def policy(db) -> dict:
    """HQ's device policy as of the last pull ({} before the first)."""
    rows = list(db.query("SELECT value FROM local_meta WHERE key = ?", [POLICY_KEY]))
    try:
        value = json.loads(rows[0]["value"]) if rows else {}
    except ValueError:
        value = {}
    return value if isinstance(value, dict) else {}


def set_policy(db, value: dict) -> None:
    with db.atomic():
        db.execute("INSERT OR REPLACE INTO local_meta (key, value) VALUES (?, ?)",
                   [POLICY_KEY, json.dumps(value, sort_keys=True)])
