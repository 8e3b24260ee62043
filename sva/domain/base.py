"""What every service shares: stamping rows, the one-transaction-one-log-row rule, Changes."""
from __future__ import annotations

import json
from contextlib import contextmanager
from dataclasses import dataclass, field
from datetime import datetime, UTC
from typing import TYPE_CHECKING, Any
from collections.abc import Iterator

from sva.errors import AuditLocked, NotFound

if TYPE_CHECKING:  # pragma: no cover
    from sva.workspace import Workspace

LOCKED_STATUSES = ("signed", "synced")


def utc_now() -> str:
    return datetime.now(UTC).isoformat(timespec="microseconds").replace("+00:00", "Z")


@dataclass(frozen=True)
class Changes:
    """What one operation changed, so every open view can refresh what concerns it."""
    entity: str
    ids: tuple = ()
    audit_id: str | None = None
    action: str = ""


@dataclass
class _LogEntry:
    action: str
    entity: str
    entity_id: str
    audit_id: str | None = None
    changes: dict = field(default_factory=dict)
    amendment: bool = False
    reason: str = ""

    def diff(self, old: dict | None, new: dict) -> None:
        """Record field-level old -> new for the keys of `new` that really change."""
        for key, value in new.items():
            before = None if old is None else old.get(key)
            if before != value:
                self.changes[key] = [before, value]


class Service:
    def __init__(self, ws: Workspace):
        self.ws = ws

    @property
    def db(self):
        return self.ws.db

    def stamp(self, row: dict, *, new: bool = False) -> dict:
        now = self.ws.clock()
        row = dict(row)
        if new:
            row.setdefault("id", self.ws.new_id())
            row["created_at"] = now
            row.setdefault("deleted", 0)
        row["updated_at"] = now
        row["updated_by"] = self.ws.device
        return row

    @contextmanager
    def change(self, action: str, entity: str, entity_id: str = "", *,
               audit_id: str | None = None, reason: str = "") -> Iterator[_LogEntry]:
        """One transaction holding the change and exactly one audit-log row."""
        entry = _LogEntry(action, entity, entity_id, audit_id, reason=reason or "")
        with self.db.atomic():
            yield entry
            self.db.execute(
                "INSERT INTO audit_log (at, actor, device, action, entity, entity_id, audit_id,"
                " changes, amendment, reason) VALUES (?,?,?,?,?,?,?,?,?,?)",
                [self.ws.clock(), self.ws.actor, self.ws.device, entry.action, entry.entity,
                 entry.entity_id, entry.audit_id,
                 json.dumps(entry.changes, ensure_ascii=False, sort_keys=True, default=str),
                 int(entry.amendment), entry.reason],
            )

    # Plain SQL for the hot path: sqlite-utils' table helpers introspect the schema on every
    # call, which costs more than the commit itself (see tests/bench/bench_answers.py).
    def rows(self, sql: str, args=()) -> list[dict]:
        cursor = self.db.conn.execute(sql, list(args))
        names = [d[0] for d in cursor.description]
        return [dict(zip(names, values)) for values in cursor]

    def insert(self, table: str, row: dict) -> None:
        columns = ", ".join(f"[{c}]" for c in row)
        marks = ", ".join("?" for _ in row)
        self.db.execute(f"INSERT INTO [{table}] ({columns}) VALUES ({marks})", list(row.values()))

    def update(self, table: str, row_id: str, fields: dict) -> None:
        assignments = ", ".join(f"[{c}] = ?" for c in fields)
        self.db.execute(f"UPDATE [{table}] SET {assignments} WHERE id = ?",
                        [*fields.values(), row_id])

    def get(self, table: str, row_id: str, *, label: str | None = None,
            include_deleted: bool = False) -> dict:
        rows = self.rows(f"SELECT * FROM [{table}] WHERE id = ?", [row_id])
        if not rows or (rows[0]["deleted"] and not include_deleted):
            raise NotFound(f"no {label or table.rstrip('s')} with id {row_id}")
        return rows[0]

    def guard_audit(self, audit: dict, entry: _LogEntry, reason: str | None) -> None:
        """A signed audit changes only as an amendment with a reason. An amendment of a
        synced audit queues it for HQ again: it goes back to 'signed' (signed, not at HQ
        yet) in the same transaction and log row, and the next sync pushes the new version."""
        if audit["status"] in LOCKED_STATUSES:
            if not (reason or "").strip():
                raise AuditLocked(
                    f"audit {audit['id']} is {audit['status']} and locked; "
                    "a change needs an amendment reason", field="reason")
            entry.amendment = True
            entry.reason = reason.strip()
            entry.action = "amend:" + entry.action
            if audit["status"] == "synced":
                self.update("audits", audit["id"], self.stamp({"status": "signed"}))
                entry.changes["audit_status"] = ["synced", "signed"]
                audit["status"] = "signed"


def dumps(value: Any) -> str:
    return json.dumps(value, ensure_ascii=False, sort_keys=True)
