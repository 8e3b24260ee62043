"""The store's database object: sqlite-utils' `Database` with the transactions SVA needs.

* `atomic()` starts a write transaction with BEGIN IMMEDIATE: the write lock is taken
  before the first read, so a read that decides a write sees the data the write changes.
  (A deferred BEGIN reads a snapshot; when another connection commits before the write,
  SQLite fails the write at once with "database is locked", whatever the busy timeout.)
  Nested blocks are savepoints.
* `snapshot()` is a read transaction: several queries that see the same data.
* SQLite's busy/locked errors become `StoreBusy` (another process held the store's write
  lock longer than the busy timeout).
"""
from __future__ import annotations

import sqlite3
from contextlib import contextmanager
from collections.abc import Iterator
import sqlite_utils

from sva.errors import StoreBusy

SQLITE_BUSY, SQLITE_LOCKED = 5, 6


def is_busy(exc: BaseException) -> bool:
    """Whether an sqlite3 error is SQLite's "database is locked/busy"."""
    if not isinstance(exc, sqlite3.OperationalError):
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


class StoreDb(sqlite_utils.Database):
    def _run(self, sql: str) -> None:
        try:
            self.conn.execute(sql)
        except sqlite3.OperationalError as exc:
            if is_busy(exc):
                raise busy_error(exc) from exc
            raise

    @contextmanager
    def atomic(self) -> Iterator[StoreDb]:
        """A write transaction (BEGIN IMMEDIATE), or a savepoint inside one."""
        if self.conn.in_transaction:
            with self._savepoint():
                yield self
            return
        self._run("BEGIN IMMEDIATE")
        try:
            yield self
            self._run("COMMIT")
        except BaseException:
            self.rollback()
            raise

    @contextmanager
    def _savepoint(self) -> Iterator[None]:
        name = f"sva_{self._depth}"
        self._depth += 1
        self.conn.execute(f"SAVEPOINT {name}")
        try:
            yield
        except BaseException:
            # An error such as a RAISE(ROLLBACK) trigger can end the whole transaction.
            if self.conn.in_transaction:
                self.conn.execute(f"ROLLBACK TO SAVEPOINT {name}")
                self.conn.execute(f"RELEASE SAVEPOINT {name}")
            raise
        else:
            self.conn.execute(f"RELEASE SAVEPOINT {name}")
        finally:
            self._depth -= 1

    _depth = 0

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
