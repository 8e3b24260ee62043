"""What every service shares: running on the store worker, operations, stamping rows, the
one-transaction-one-log-row rule, and the Changes an operation returns.

A service's public methods run on the workspace's store worker (sva.store.worker), whichever
thread calls them: the UI, a photo import in the pool, the CLI. Methods marked `@operation`
are mutations: one write transaction each (BEGIN IMMEDIATE, so the reads that decide the
write happen under the write lock; a savepoint when called inside another operation), and
they return the `Changes` they made. Methods marked `@anywhere` run on the caller's thread
(long image or file work) and reach the store through the other methods.
"""
from __future__ import annotations

import functools
import inspect
import json
import time
from dataclasses import dataclass, field
from typing import TYPE_CHECKING, Any
from collections.abc import Callable

from sva.domain.changes import Changes
from sva.errors import AuditLocked, NotFound
from sva.vocabulary import LOCKED_STATUSES

if TYPE_CHECKING:  # pragma: no cover
    from sva.workspace import Workspace


_SECOND: tuple[int, str] = (-1, "")


def utc_now() -> str:
    """Now in UTC, to the microsecond: 2026-11-27T03:19:44.596672Z (what
    `datetime.now(UTC).isoformat(timespec="microseconds")` gives, with Z). The date and time
    to the second are formatted once a second: an autosave reads the clock three times, and
    formatting a datetime each time was a measurable share of it
    (tests/bench/bench_answers.py)."""
    global _SECOND
    second, rest = divmod(time.time_ns(), 1_000_000_000)
    known = _SECOND
    if known[0] != second:
        known = _SECOND = (second, time.strftime("%Y-%m-%dT%H:%M:%S", time.gmtime(second)))
    return f"{known[1]}.{rest // 1000:06d}Z"


__all__ = ["Changes", "Service", "anywhere", "operation", "utc_now", "dumps",
           "LOCKED_STATUSES"]


def operation(fn: Callable) -> Callable:
    """A mutation: one write transaction on the store worker. Returns what the method
    returns, or — when it returns nothing — the Changes it made."""
    fn._sva_runs = "operation"
    return fn


def anywhere(fn: Callable) -> Callable:
    """Runs on the caller's thread (image or file work); its store access goes through the
    service's other methods, which run on the worker."""
    fn._sva_runs = "anywhere"
    return fn


def _on_worker(fn: Callable) -> Callable:
    @functools.wraps(fn)
    def read(self, *args, **kw):
        worker = self.ws.worker
        if worker.on_worker():
            return fn(self, *args, **kw)
        return worker.call(fn, self, *args, **kw)
    return read


def _as_operation(fn: Callable) -> Callable:
    @functools.wraps(fn)
    def run(self, *args, **kw):
        ws = self.ws
        if not ws.worker.on_worker():
            return ws.worker.call(run, self, *args, **kw)
        with ws.db.atomic():
            mark = ws.journal.mark()
            result = fn(self, *args, **kw)
            made = ws.journal.changes_since(mark)
        return made if result is None else result
    run.one_transaction = True      # ws.transaction(run) need not open another around it
    return run


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


@functools.lru_cache(maxsize=256)
def _update_sql(table: str, columns: tuple[str, ...]) -> str:
    """The UPDATE of these columns of one row (made once for each: an autosave is one)."""
    return (f"UPDATE [{table}] SET {', '.join(f'[{c}] = ?' for c in columns)} "
            "WHERE id = ?")


class _Change:
    """What `Service.change` returns (a plain class: it is on every autosave's path)."""
    __slots__ = ("service", "entry", "part")

    def __init__(self, service: Service, entry: _LogEntry):
        self.service, self.entry, self.part = service, entry, None

    def __enter__(self) -> _LogEntry:
        self.part = self.service.db.part()
        self.part.__enter__()
        return self.entry

    def __exit__(self, kind, error, trace) -> bool:
        if kind is None:
            try:
                self.service._write_log_row(self.entry)
            except BaseException as exc:
                self.part.__exit__(type(exc), exc, exc.__traceback__)
                raise
        return self.part.__exit__(kind, error, trace)


class Service:
    def __init__(self, ws: Workspace):
        self.ws = ws

    def __init_subclass__(cls, **kw):
        super().__init_subclass__(**kw)
        for name, value in list(vars(cls).items()):
            if name.startswith("_") or not inspect.isfunction(value):
                continue
            runs = getattr(value, "_sva_runs", "read")
            if runs == "operation":
                setattr(cls, name, _as_operation(value))
            elif runs == "read":
                setattr(cls, name, _on_worker(value))

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

    def change(self, action: str, entity: str, entity_id: str = "", *,
               audit_id: str | None = None, reason: str = "") -> _Change:
        """`with self.change(...) as log:` — the change and exactly one audit-log row, or
        neither: a part of the operation's transaction (no savepoint of its own: see
        StoreDb.part)."""
        return _Change(self, _LogEntry(action, entity, entity_id, audit_id,
                                       reason=reason or ""))

    def _write_log_row(self, entry: _LogEntry) -> None:
        if entry.amendment:
            self.ws.journal.amended(entry.reason)
        self.db.execute(
            "INSERT INTO audit_log (at, actor, device, action, entity, entity_id, audit_id,"
            " changes, amendment, reason) VALUES (?,?,?,?,?,?,?,?,?,?)",
            [self.ws.clock(), self.ws.actor, self.ws.device, entry.action, entry.entity,
             entry.entity_id, entry.audit_id, _log_json(entry.changes),
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
        self.ws.journal.wrote(table, row["id"], None, row)

    def update(self, table: str, row_id: str, fields: dict, *, before: dict | None = None) -> None:
        """`before`: the row as just read, if the caller has it (saves reading it again)."""
        journal = self.ws.journal
        before = journal.known(table, row_id) or before or self.rows(
            f"SELECT * FROM [{table}] WHERE id = ?", [row_id])[0]
        self.db.execute(_update_sql(table, tuple(fields)), [*fields.values(), row_id])
        journal.wrote(table, row_id, before, fields)

    def get(self, table: str, row_id: str, *, label: str | None = None,
            include_deleted: bool = False) -> dict:
        rows = self.rows(f"SELECT * FROM [{table}] WHERE id = ?", [row_id])
        if not rows or (rows[0]["deleted"] and not include_deleted):
            raise NotFound(f"no {label or table.rstrip('s')} with id {row_id}")
        if self.ws.worker.on_worker():             # what decides an operation's undo step
            self.ws.journal.saw(table, rows[0])
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
                entry.changes["audit_status"] = [audit["status"], "signed"]
                audit["status"] = "signed"


# One encoder for every log row: what json.dumps(value, ensure_ascii=False, sort_keys=True,
# default=str) writes, from one C encoder made once (json.dumps makes one per call, a
# measurable share of an autosave). No check for circular values: a log row's changes are
# {field: [old, new]} of plain values.
_LOG_ENCODER = json.JSONEncoder(ensure_ascii=False, sort_keys=True, default=str)
_C_ENCODER = getattr(json.encoder, "c_make_encoder", None)
_log_chunks = None if _C_ENCODER is None else _C_ENCODER(
    None, _LOG_ENCODER.default, json.encoder.encode_basestring, _LOG_ENCODER.indent,
    _LOG_ENCODER.key_separator, _LOG_ENCODER.item_separator, _LOG_ENCODER.sort_keys,
    _LOG_ENCODER.skipkeys, _LOG_ENCODER.allow_nan)


def _log_json(value) -> str:
    if _log_chunks is None:                 # a Python without the C encoder
        return _LOG_ENCODER.encode(value)
    return "".join(_log_chunks(value, 0))


def dumps(value: Any) -> str:
    return json.dumps(value, ensure_ascii=False, sort_keys=True)
