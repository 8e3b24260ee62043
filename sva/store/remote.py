"""`ws.db` as a thread other than the store worker sees it.

Each statement runs on the worker (sva.store.worker) and comes back as fetched rows, never
as a live cursor of the worker's connection. A transaction (`atomic()`, `snapshot()`) holds
the worker for the calling thread until it ends, so its statements and the service calls
made inside it run together, with nobody else's in between. Keep such blocks short: the
rest of the app waits for the store meanwhile.
"""
from __future__ import annotations

from contextlib import contextmanager
from collections.abc import Iterator
from typing import Any


class Fetched:
    """The rows of an executed statement, read on the worker."""

    def __init__(self, cursor):
        self.description = cursor.description
        self.rows = cursor.fetchall() if cursor.description is not None else []
        self.rowcount = cursor.rowcount
        self.lastrowid = cursor.lastrowid
        self._next = 0

    def fetchone(self):
        if self._next >= len(self.rows):
            return None
        self._next += 1
        return self.rows[self._next - 1]

    def fetchall(self) -> list:
        rest, self._next = self.rows[self._next:], len(self.rows)
        return rest

    def fetchmany(self, size: int = 1) -> list:
        part = self.rows[self._next:self._next + size]
        self._next += len(part)
        return part

    def __iter__(self):
        return iter(self.fetchall())


def _fetch(execute, *args) -> Fetched:
    return Fetched(execute(*args))


class RemoteConnection:
    """The few `sqlite3.Connection` calls made from other threads (tests, checks)."""

    def __init__(self, remote: RemoteDb):
        self._remote = remote

    def execute(self, sql: str, params=()) -> Fetched:
        return self._remote._call(lambda: Fetched(self._remote._db.conn.execute(sql, params)))

    def commit(self) -> None:
        self._remote._call(self._remote._db.conn.commit)

    @property
    def in_transaction(self) -> bool:
        return self._remote._call(lambda: self._remote._db.conn.in_transaction)


class RemoteDb:
    def __init__(self, worker, db):
        self._worker, self._db = worker, db
        self.conn = RemoteConnection(self)

    def _call(self, fn, *args):
        return self._worker.call(fn, *args)

    def execute(self, sql: str, params=None) -> Fetched:
        return self._call(_fetch, self._db.execute, sql, params)

    def query(self, sql: str, params=None) -> list[dict]:
        return self._call(lambda: list(self._db.query(sql, params)))

    @contextmanager
    def atomic(self) -> Iterator[RemoteDb]:
        with self._held(self._db.atomic):
            yield self

    @contextmanager
    def part(self) -> Iterator[RemoteDb]:
        with self._held(self._db.part):
            yield self

    @contextmanager
    def snapshot(self) -> Iterator[RemoteDb]:
        with self._held(self._db.snapshot):
            yield self

    @contextmanager
    def _held(self, make) -> Iterator[None]:
        """Enter and leave the worker's own context manager on the worker, holding it."""
        with self._worker.leased():
            manager = self._call(make)
            self._call(manager.__enter__)
            try:
                yield
            except BaseException as exc:
                if not self._call(manager.__exit__, type(exc), exc, exc.__traceback__):
                    raise
            else:
                self._call(manager.__exit__, None, None, None)

    def close(self) -> None:
        self._call(self._db.close)

    def __getattr__(self, name: str) -> Any:
        """Other sqlite-utils calls (table_names(), ...) run on the worker; generators and
        cursors come back fetched."""
        value = self._call(getattr, self._db, name)
        if not callable(value):
            return value

        def on_worker(*args, **kw):
            def run():
                result = value(*args, **kw)
                if hasattr(result, "fetchall"):
                    return Fetched(result)
                if hasattr(result, "__next__"):
                    return list(result)
                return result
            return self._call(run)
        return on_worker
