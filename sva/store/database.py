"""The store's database object: sqlite-utils' `Database` with the transactions SVA needs.

* `atomic()` starts a write transaction with BEGIN IMMEDIATE: the write lock is taken
  before the first read, so a read that decides a write sees the data the write changes.
  (A deferred BEGIN reads a snapshot; when another connection commits before the write,
  SQLite fails the write at once with "database is locked", whatever the busy timeout.)
  Nested blocks are savepoints. `part()` is a nested block without one (a service's
  change inside its operation): it completes or fails the transaction around it.
* `snapshot()` is a read transaction: several queries that see the same data.
* A `TransactionListener` (the workspace's journal) hears when a transaction begins, when a
  savepoint is taken or rolled back, and when it commits or rolls back.
* SQLite's busy/locked errors become `StoreBusy` (another process held the store's write
  lock longer than the busy timeout).
"""
from __future__ import annotations

import weakref
from contextlib import contextmanager
from collections.abc import Iterator
from typing import Protocol

import sqlite_utils

from sva.errors import BrokenTransaction, StoreBusy
from sva.store import engine

SQLITE_BUSY, SQLITE_LOCKED = 5, 6


def is_busy(exc: BaseException) -> bool:
    """Whether a database error is SQLite's "database is locked/busy"."""
    if not isinstance(exc, engine.OperationalError):
        return False
    code = getattr(exc, "sqlite_errorcode", None)
    if code is not None:
        return code & 0xFF in (SQLITE_BUSY, SQLITE_LOCKED)
    text = str(exc)
    return "database is locked" in text or "database is busy" in text


def busy_error(exc: BaseException) -> StoreBusy:
    return StoreBusy(
        "the database is busy: another program (for example the `sva` command line) is "
        "writing to this data folder; nothing was saved — try again when it has finished",
        code="store_busy")


class TransactionListener(Protocol):
    def begun(self) -> None: ...
    def savepoint(self) -> object: ...
    def rolled_back_to(self, mark: object) -> None: ...
    def committing(self) -> None: ...
    def committed(self) -> None: ...
    def rolled_back(self) -> None: ...


class StoreDb(sqlite_utils.Database):
    _listener = None
    at_rest = None          # sva.atrest.keys.AtRest: whether (and with which key) it is encrypted

    @property
    def listener(self) -> TransactionListener | None:
        """Held weakly: the store worker's thread keeps the store alive, and must not keep
        the workspace (which owns the listener) alive with it."""
        return self._listener() if self._listener is not None else None

    @listener.setter
    def listener(self, value: TransactionListener | None) -> None:
        self._listener = weakref.ref(value) if value is not None else None

    def _run(self, sql: str) -> None:
        try:
            self.conn.execute(sql)
        except engine.OperationalError as exc:
            if is_busy(exc):
                raise busy_error(exc) from exc
            raise

    def atomic(self) -> _Atomic:
        """A write transaction (BEGIN IMMEDIATE), or a savepoint inside one."""
        return _Atomic(self)

    def _begin(self) -> None:
        self._run("BEGIN IMMEDIATE")
        self._broken = None
        listener = self.listener
        if listener is not None:
            try:
                listener.begun()
            except BaseException:
                self._abort()
                raise

    def _commit(self) -> None:
        listener = self.listener
        try:
            if self._broken is not None:
                raise BrokenTransaction(
                    "a change failed inside a transaction that went on; nothing was saved")
            if listener is not None:
                listener.committing()
            self._run("COMMIT")
        except BaseException:
            self._abort()
            raise
        if listener is not None:
            listener.committed()

    def _abort(self) -> None:
        self.rollback()
        listener = self.listener
        if listener is not None:
            listener.rolled_back()

    @contextmanager
    def _savepoint(self) -> Iterator[None]:
        name = f"sva_{self._depth}"
        self._depth += 1
        listener = self.listener
        mark = listener.savepoint() if listener is not None else None
        self.conn.execute(f"SAVEPOINT {name}")
        inside = self._depth
        try:
            yield
        except BaseException:
            # An error such as a RAISE(ROLLBACK) trigger can end the whole transaction.
            if self.conn.in_transaction:
                self.conn.execute(f"ROLLBACK TO SAVEPOINT {name}")
                self.conn.execute(f"RELEASE SAVEPOINT {name}")
                if listener is not None:
                    listener.rolled_back_to(mark)
            if self._broken is not None and self._broken >= inside:
                self._broken = None         # what the failed part wrote is undone
            raise
        else:
            self.conn.execute(f"RELEASE SAVEPOINT {name}")
            if self._broken is not None and self._broken >= inside:
                self._broken = inside - 1   # still written: the enclosing block answers for it
        finally:
            self._depth -= 1

    def part(self) -> _Part:
        """A block of the current write transaction that has no savepoint of its own (two
        statements fewer on every change; an autosave is one): it completes, or its error
        takes the enclosing transaction (or savepoint) down with it. Should code catch that
        error inside the transaction and go on, the transaction is rolled back when it ends
        (BrokenTransaction) instead of committing half of the block. Outside a transaction
        it is `atomic()`."""
        return _Part(self)

    _depth = 0
    _broken: int | None = None      # depth of the innermost block a failed part() left written

    @contextmanager
    def snapshot(self) -> Iterator[StoreDb]:
        """Reads that see one state of the store (a deferred read transaction)."""
        if self.conn.in_transaction:
            yield self
            return
        self.conn.execute("BEGIN")
        try:
            yield self
        except BaseException:
            self.rollback()
            raise
        self.conn.execute("COMMIT")


# atomic() and part() are on every autosave's path: plain classes, not generators.
class _Atomic:
    __slots__ = ("db", "savepoint")

    def __init__(self, db: StoreDb):
        self.db, self.savepoint = db, None

    def __enter__(self) -> StoreDb:
        db = self.db
        if db.conn.in_transaction:
            self.savepoint = db._savepoint()
            self.savepoint.__enter__()
        else:
            db._begin()
        return db

    def __exit__(self, kind, error, trace) -> bool:
        if self.savepoint is not None:
            return self.savepoint.__exit__(kind, error, trace)
        if kind is None:
            self.db._commit()
        else:
            self.db._abort()
        return False


class _Part:
    __slots__ = ("db", "whole")

    def __init__(self, db: StoreDb):
        self.db, self.whole = db, None

    def __enter__(self) -> StoreDb:
        db = self.db
        if not db.conn.in_transaction:
            self.whole = _Atomic(db)
            return self.whole.__enter__()
        return db

    def __exit__(self, kind, error, trace) -> bool:
        if self.whole is not None:
            return self.whole.__exit__(kind, error, trace)
        db = self.db
        if kind is not None and (db._broken is None or db._broken > db._depth):
            db._broken = db._depth
        return False

