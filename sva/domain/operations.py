"""Operations: what a write transaction changed, for the app's refresh and for undo.

A transaction on the store is an operation. The workspace's `Journal` listens to the store's
transactions (sva.store.database.StoreDb) and to every row the services write
(`Service.insert` / `Service.update`): it keeps each row as it was before the operation first
touched it. When the transaction commits it tells the caller's `Operation` (set with
`operation(...)`, it travels with the call to the store worker as a context variable) what
changed, and — when the operation is undoable — hands the rows before and after to the
workspace's undo stack (sva.domain.undo). A rolled-back savepoint drops what it wrote.
"""
from __future__ import annotations

import itertools
from contextvars import ContextVar
from dataclasses import dataclass, field
from typing import TYPE_CHECKING

from sva.domain.changes import NOTHING, Changes, of_row

if TYPE_CHECKING:  # pragma: no cover
    from sva.workspace import Workspace

_ids = itertools.count(1)


@dataclass
class Operation:
    """What the caller is doing: its undo text (None: not kept for undo), the changes of
    every transaction it made so far, and a key under which consecutive operations merge
    into one undo step (e.g. the saves of one note while it is typed)."""
    label: str | None = None
    undoable: bool = True
    merge: object = None
    changes: Changes = NOTHING
    id: int = field(default_factory=_ids.__next__)

    @property
    def recorded(self) -> bool:
        return self.undoable and self.label is not None


_CURRENT: ContextVar[Operation | None] = ContextVar("sva_operation", default=None)


def operation(label: str | None = None, *, undoable: bool = True,
              merge: object = None) -> _Operating:
    """`with operation(...) as op:` — everything the block writes (on any number of
    transactions, from this thread or the store worker) is one operation: its changes add
    up in `op.changes`, and with a label and `undoable` it is one undo step."""
    return _Operating(Operation(label, undoable, merge))


class _Operating:
    """What `operation()` returns (a plain class: every edit of the app goes through it)."""
    __slots__ = ("op", "token")

    def __init__(self, op: Operation):
        self.op, self.token = op, None

    def __enter__(self) -> Operation:
        self.token = _CURRENT.set(self.op)
        return self.op

    def __exit__(self, kind, error, trace) -> bool:
        _CURRENT.reset(self.token)
        return False


def current() -> Operation | None:
    return _CURRENT.get()


@dataclass
class RowChange:
    """One row an operation wrote: as it was before (None: the operation made it) and
    after."""
    table: str
    id: str
    before: dict | None
    after: dict


@dataclass
class _Write:
    table: str
    id: str
    before: dict | None
    written: dict
    changes: Changes = NOTHING      # what this write changed (of_row), worked out once


class Journal:
    """The workspace's transaction listener; runs on the store worker only."""

    def __init__(self, ws: Workspace):
        self.ws = ws
        self.writes: list[_Write] = []
        self.state: dict[tuple[str, str], dict] = {}   # rows as this transaction left them
        self.seen: dict[tuple[str, str], dict] = {}    # rows (or columns) it read
        self.reason: str | None = None
        self.noted: Changes = NOTHING
        self.active = False
        self._affinity: dict[str, dict[str, str]] = {}

    # -- what the services report ---------------------------------------------------------
    def known(self, table: str, row_id: str) -> dict | None:
        """The row as this transaction last wrote it (no query), if it did."""
        return self.state.get((table, row_id))

    def saw(self, table: str, row: dict) -> None:
        """A row (or some of its columns) the transaction read: it holds until the
        transaction writes the row (every write of a service's row goes through `wrote`).
        Kept as a copy: the caller's dict may change (an audit's status moved by hand)."""
        if self.active:
            self.seen[(table, row["id"])] = dict(row)

    def value(self, table: str, row_id: str, column: str):
        """A column of a row as this transaction wrote or read it; KeyError if neither."""
        for rows in (self.state, self.seen):
            row = rows.get((table, row_id))
            if row is not None and column in row:
                return row[column]
        raise KeyError((table, row_id, column))

    def wrote(self, table: str, row_id: str, before: dict | None, written: dict) -> None:
        if not self.active:
            return
        before = dict(before) if before is not None else None   # callers keep their dicts
        written = dict(written)
        row = self.state[(table, row_id)] = {**(before or {}), **written}
        self.writes.append(_Write(table, row_id, before, written,
                                  of_row(table, before, written, row)))

    def amended(self, reason: str) -> None:
        self.reason = reason

    def note(self, changes: Changes) -> None:
        """Changes of rows the services do not write (e.g. the sync bookkeeping), reported
        with the transaction's own."""
        if self.active:
            self.noted |= changes

    def mark(self) -> int:
        return len(self.writes)

    def changes_since(self, mark: int) -> Changes:
        return Changes.union([w.changes for w in self.writes[mark:]])

    # -- the store's transactions (sva.store.database.TransactionListener) ---------------------
    def begun(self) -> None:
        self.writes, self.state, self.reason, self.active = [], {}, None, True
        self.seen, self.noted = {}, NOTHING

    def savepoint(self) -> int:
        return self.mark()

    def rolled_back_to(self, mark: int) -> None:
        self.writes = self.writes[:mark]
        self.state = {}
        for w in self.writes:
            self.state[(w.table, w.id)] = {**(w.before or {}), **w.written}

    def committing(self) -> None:
        op = current()
        self._rows = self._row_changes() if op is not None and op.recorded else []
        self._locked = self.ws.undo.locked(self._rows) if self._rows else frozenset()

    def committed(self) -> None:
        changes, rows, reason = self.changes_since(0) | self.noted, self._rows, self.reason
        self.active, self.writes, self.state, self._rows = False, [], {}, []
        self.seen = {}
        op = current()
        if op is None:
            return
        op.changes |= changes
        if rows:
            self.ws.undo.record(op, rows, reason, changes, self._locked)

    def rolled_back(self) -> None:
        self.active, self.writes, self.state, self._rows = False, [], {}, []
        self.seen = {}

    _rows: list[RowChange] = []
    _locked: frozenset = frozenset()

    def _row_changes(self) -> list[RowChange]:
        """Each row written, before its first write and as it is now (in write order). The
        row as it is now is this transaction's own record of it when that is exact (see
        `_exact`), else read."""
        firsts: dict[tuple[str, str], dict | None] = {}
        exact: dict[tuple[str, str], bool] = {}
        for w in self.writes:
            key = (w.table, w.id)
            firsts.setdefault(key, w.before)
            exact[key] = exact.get(key, True) and self._exact(w.table, w.written)
        changes = []
        for key, before in firsts.items():
            table, row_id = key
            after = self.state[key]
            if not (exact[key] and after.keys() == self._columns(table).keys()):
                cursor = self.ws.db.execute(f"SELECT * FROM [{table}] WHERE id = ?", [row_id])
                names = [d[0] for d in cursor.description]
                after = dict(zip(names, cursor.fetchone()))
            changes.append(RowChange(table, row_id, before, dict(after)))
        return changes

    # Which Python values a column of each declared type gives back as they were written
    # (SQLite converts the others by the column's affinity: 5 into a TEXT column is '5').
    _KEEPS = {"TEXT": (str,), "INTEGER": (int,), "REAL": (float,), "BLOB": (bytes,)}

    def _exact(self, table: str, written: dict) -> bool:
        """Whether reading the written columns back gives the values written, each of them."""
        columns = self._columns(table)
        for name, value in written.items():
            if value is None:
                continue
            kinds = self._KEEPS.get(columns.get(name, ""), ())
            if type(value) not in kinds:
                return False
        return True

    def _columns(self, table: str) -> dict[str, str]:
        """The table's columns and their affinities (SQLite's rules, from the declared
        type); read once per workspace (the schema changes only when a store opens)."""
        found = self._affinity.get(table)
        if found is None:
            found = {}
            for row in self.ws.db.execute(f"PRAGMA table_info([{table}])").fetchall():
                declared = (row[2] or "").upper()
                found[row[1]] = ("INTEGER" if "INT" in declared else
                                 "TEXT" if any(t in declared for t in ("CHAR", "CLOB", "TEXT"))
                                 else "BLOB" if not declared or "BLOB" in declared else
                                 "REAL" if any(t in declared for t in ("REAL", "FLOA", "DOUB"))
                                 else "NUMERIC")
            self._affinity[table] = found
        return found
