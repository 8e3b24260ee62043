"""HQ storage: one small adapter over SQLite (default) or PostgreSQL (psycopg 3).

SQL in sva/hq is written once with '?' placeholders; the adapter rewrites them for psycopg
('%s', with literal '%' doubled). Each request runs in its own transaction on a connection
from a small pool of idle ones: nothing else is kept in memory between requests, so several
server processes can share one database. Write transactions are serialised on both
backends (see PostgresStorage), read transactions see one snapshot.
"""
from __future__ import annotations

import os
import sqlite3
import threading
from contextlib import contextmanager
from functools import lru_cache
from pathlib import Path
from typing import Any
from collections.abc import Iterator

import platformdirs

from sva.errors import BadInput, SchemaTooNew, StoreUnreadable
from sva.owner_only import create_file, make_dir, tighten

DB_FILE = "hq.db"
NUL = "\x00"


def hq_data_dir(explicit: str | os.PathLike | None = None) -> Path:
    """The HQ folder: explicit argument, else $SVA_HQ_HOME, else the platform default."""
    if explicit:
        return Path(explicit).expanduser()
    env = os.environ.get("SVA_HQ_HOME")
    if env:
        return Path(env).expanduser()
    return Path(platformdirs.user_data_dir("sva-hq", appauthor=False))


def to_pyformat(sql: str) -> str:
    """'?' placeholders → psycopg's '%s'; a literal '%' becomes '%%'.

    A '?' inside a quoted string, a quoted identifier or a comment is left alone. psycopg
    reads '%' everywhere (even inside quotes), so every '%' is doubled.
    """
    return _to_pyformat(sql)


@lru_cache(maxsize=2048)
def _to_pyformat(sql: str) -> str:
    out: list[str] = []
    i, n = 0, len(sql)
    while i < n:
        ch = sql[i]
        if ch in ("'", '"'):
            j = i + 1
            while j < n:
                if sql[j] == ch:
                    if j + 1 < n and sql[j + 1] == ch:     # '' or "" escape
                        j += 2
                        continue
                    break
                j += 1
            out.append(sql[i:j + 1].replace("%", "%%"))
            i = j + 1
        elif sql.startswith("--", i):
            j = sql.find("\n", i)
            j = n if j < 0 else j
            out.append(sql[i:j].replace("%", "%%"))
            i = j
        elif sql.startswith("/*", i):
            j = sql.find("*/", i + 2)
            j = n if j < 0 else j + 2
            out.append(sql[i:j].replace("%", "%%"))
            i = j
        elif ch == "?":
            out.append("%s")
            i += 1
        elif ch == "%":
            out.append("%%")
            i += 1
        else:
            out.append(ch)
            i += 1
    return "".join(out)


class Tx:
    """A connection inside one transaction; rows come back as dicts.

    `kind` is "sqlite" or "postgresql" for the rare statement that must differ.
    """

    def __init__(self, conn, placeholder: str, kind: str = "sqlite"):
        self.conn, self.placeholder, self.kind = conn, placeholder, kind

    def _sql(self, sql: str) -> str:
        return sql if self.placeholder == "?" else _to_pyformat(sql)

    @staticmethod
    def _params(params: tuple | list) -> tuple:
        """PostgreSQL cannot store U+0000 in text and SQLite can: both refuse it, the same
        way (422 at the API), so the two databases never disagree on what was kept."""
        params = tuple(params)
        for value in params:
            if isinstance(value, str):
                if NUL in value:
                    raise BadInput("text must not contain NUL characters (U+0000)")
                try:
                    value.encode("utf-8")
                except UnicodeEncodeError:
                    raise BadInput("text must be Unicode (a lone surrogate is not)") from None
        return params

    def execute(self, sql: str, params: tuple | list = ()) -> int:
        cur = self.conn.execute(self._sql(sql), self._params(params))
        return cur.rowcount

    def all(self, sql: str, params: tuple | list = ()) -> list[dict]:
        cur = self.conn.execute(self._sql(sql), self._params(params))
        cols = [c[0] for c in cur.description]
        return [dict(zip(cols, row)) for row in cur.fetchall()]

    def one(self, sql: str, params: tuple | list = ()) -> dict | None:
        rows = self.all(sql, params)
        return rows[0] if rows else None

    def scalar(self, sql: str, params: tuple | list = ()) -> Any:
        row = self.conn.execute(self._sql(sql), self._params(params)).fetchone()
        return None if row is None else row[0]

    def next_rev(self) -> int:
        """Take the next revision number.

        Write transactions are already serialised (SQLite: BEGIN IMMEDIATE; PostgreSQL: the
        HQ writer lock taken at BEGIN), and the UPDATE holds the counter row's lock until
        commit as well: revisions commit in their order, so a reader whose snapshot shows
        counter N also sees every row stamped ≤ N — the pull cursor never skips a commit.
        """
        return int(self.scalar("UPDATE revisions SET value = value + 1 WHERE name = 'rev' "
                               "RETURNING value"))


class Storage:
    """Opens one transaction per `transaction()` call.

    Idle connections are kept for reuse (at most `POOL_SIZE`); a connection carries no
    application state between transactions, so any number of server processes can share
    one database.
    """

    placeholder = "?"
    kind = "base"
    POOL_SIZE = 16

    def __init__(self, data_dir: Path):
        self.data_dir = Path(data_dir)
        self._idle: list = []
        self._lock = threading.Lock()

    @property
    def blob_dir(self) -> Path:
        return self.data_dir / "blobs"

    # -- to implement -------------------------------------------------------------------
    def _connect(self):  # pragma: no cover - abstract
        raise NotImplementedError

    def _begin(self, conn, write: bool) -> None:  # pragma: no cover - abstract
        raise NotImplementedError

    def _reusable(self, conn) -> bool:  # pragma: no cover - abstract
        raise NotImplementedError

    def get_version(self, tx: Tx) -> int:  # pragma: no cover - abstract
        raise NotImplementedError

    def set_version(self, tx: Tx, version: int) -> None:  # pragma: no cover - abstract
        raise NotImplementedError

    # -- shared ---------------------------------------------------------------------------
    def _checkout(self):
        with self._lock:
            conn = self._idle.pop() if self._idle else None
        return (conn, True) if conn is not None else (self._connect(), False)

    def _checkin(self, conn) -> None:
        if self._reusable(conn):
            with self._lock:
                if len(self._idle) < self.POOL_SIZE:
                    self._idle.append(conn)
                    return
        _close_quietly(conn)

    def close(self) -> None:
        """Close the idle connections (the storage stays usable: it reconnects on demand)."""
        with self._lock:
            idle, self._idle = self._idle, []
        for conn in idle:
            _close_quietly(conn)

    @contextmanager
    def transaction(self, *, write: bool = True) -> Iterator[Tx]:
        conn, pooled = self._checkout()
        try:
            try:
                self._begin(conn, write)
            except Exception:
                if not pooled:
                    raise
                # a pooled connection the server dropped meanwhile (restart, idle timeout)
                _close_quietly(conn)
                conn = self._connect()
                self._begin(conn, write)
        except BaseException:
            _close_quietly(conn)
            raise
        ok = False
        try:
            tx = Tx(conn, self.placeholder, self.kind)
            try:
                yield tx
            except BaseException:
                conn.rollback()
                raise
            conn.commit()
            ok = True
        finally:
            if ok or self._reusable(conn):
                self._checkin(conn)
            else:
                _close_quietly(conn)

    def describe(self) -> str:
        return self.kind


def _close_quietly(conn) -> None:
    try:
        conn.close()
    except Exception:  # noqa: BLE001 - closing a broken connection
        pass


class SQLiteStorage(Storage):
    kind = "sqlite"
    WRITER_WAIT = 30            # seconds, as busy_timeout

    def __init__(self, data_dir: Path):
        super().__init__(data_dir)
        self._writer = threading.Lock()

    @contextmanager
    def transaction(self, *, write: bool = True) -> Iterator[Tx]:
        """Write transactions of this process queue on a lock before BEGIN IMMEDIATE and
        go in as soon as the one before commits. Left to SQLite's busy wait, which sleeps
        and retries (up to 100 ms a time), a few hundred concurrent portal saves turned a
        few milliseconds of work into a long tail. Other processes still meet the busy
        wait; readers are never held (WAL)."""
        if not write:
            with super().transaction(write=False) as tx:
                yield tx
            return
        got = self._writer.acquire(timeout=self.WRITER_WAIT)
        try:
            with super().transaction(write=True) as tx:
                yield tx
        finally:
            if got:
                self._writer.release()

    @property
    def path(self) -> Path:
        return self.data_dir / DB_FILE

    def _connect(self):
        make_dir(self.data_dir)
        # Owner-only: SQLite gives the -wal and -shm files the database file's mode.
        create_file(self.path)
        for sidecar in ("-wal", "-shm", "-journal"):
            tighten(self.path.with_name(DB_FILE + sidecar))
        conn = sqlite3.connect(str(self.path), timeout=30, isolation_level=None,
                               check_same_thread=False)
        conn.execute("PRAGMA foreign_keys=ON")
        conn.execute("PRAGMA busy_timeout=30000")
        conn.execute("PRAGMA journal_mode=WAL")
        conn.execute("PRAGMA synchronous=FULL")
        return _SQLiteConn(conn)

    def _begin(self, conn, write: bool) -> None:
        # IMMEDIATE takes the write lock up front: no deadlock on upgrade from read to write,
        # and writers run one after the other (check-then-write is safe).
        conn.raw.execute("BEGIN IMMEDIATE" if write else "BEGIN")

    def _reusable(self, conn) -> bool:
        return not conn.raw.in_transaction

    def get_version(self, tx: Tx) -> int:
        return int(tx.scalar("PRAGMA user_version"))

    def set_version(self, tx: Tx, version: int) -> None:
        tx.execute(f"PRAGMA user_version={int(version)}")

    def describe(self) -> str:
        return f"sqlite {self.path}"


class _SQLiteConn:
    """sqlite3 in autocommit mode with explicit BEGIN, shaped like a psycopg connection."""

    def __init__(self, raw: sqlite3.Connection):
        self.raw = raw

    def execute(self, sql, params=()):
        return self.raw.execute(sql, params)

    def commit(self):
        if self.raw.in_transaction:
            self.raw.execute("COMMIT")

    def rollback(self):
        if self.raw.in_transaction:
            self.raw.execute("ROLLBACK")

    def close(self):
        self.raw.close()


# pg_advisory_xact_lock key of the HQ writer lock (any constant; "SVAHQWRT" in ASCII).
WRITER_LOCK = 0x5356414851575254


class PostgresStorage(Storage):
    """PostgreSQL through psycopg 3, with the same behaviour as SQLite.

    * Write transactions: READ COMMITTED, and the first statement takes a transaction-level
      advisory lock — the HQ writer lock, shared by every server process on the database.
      Writers therefore run one after the other like SQLite's BEGIN IMMEDIATE: every
      check-then-write (idempotent push, one-time codes, CAP transitions, migrations) sees
      the commits before it, and revisions are handed out and committed in order.
    * Read transactions: REPEATABLE READ, READ ONLY — one snapshot for a whole pull.
    """

    kind = "postgresql"
    placeholder = "%s"

    def __init__(self, data_dir: Path, url: str):
        super().__init__(data_dir)
        self.url = url

    def _connect(self):
        import psycopg
        return psycopg.connect(self.url, autocommit=False, connect_timeout=30)

    def _begin(self, conn, write: bool) -> None:
        from psycopg import IsolationLevel
        # psycopg sends BEGIN with these options before the first statement.
        conn.isolation_level = (IsolationLevel.READ_COMMITTED if write
                                else IsolationLevel.REPEATABLE_READ)
        conn.read_only = not write
        if write:
            conn.execute("SELECT pg_advisory_xact_lock(%s)", (WRITER_LOCK,))
        else:
            conn.execute("SELECT 1")    # start the transaction: fail here, not in the body

    def _reusable(self, conn) -> bool:
        from psycopg.pq import TransactionStatus
        return (not conn.closed and not conn.broken
                and conn.info.transaction_status == TransactionStatus.IDLE)

    def get_version(self, tx: Tx) -> int:
        # Runs in migrate()'s write transaction: the writer lock already keeps two servers
        # starting at once from both creating tables.
        tx.execute("CREATE TABLE IF NOT EXISTS sva_schema (version INTEGER NOT NULL)")
        value = tx.scalar("SELECT MAX(version) FROM sva_schema")
        return int(value or 0)

    def set_version(self, tx: Tx, version: int) -> None:
        tx.execute("DELETE FROM sva_schema")
        tx.execute("INSERT INTO sva_schema (version) VALUES (?)", (version,))

    def describe(self) -> str:
        return "postgresql (" + self.url.split("@")[-1].split("?")[0] + ")"


def open_storage(data_dir: str | os.PathLike | None = None, db_url: str | None = None,
                 *, migrate: bool = True) -> Storage:
    """The storage for a data dir (SQLite file there) or a postgresql:// URL."""
    folder = hq_data_dir(data_dir)
    if db_url and db_url.startswith(("postgresql://", "postgres://")):
        storage: Storage = PostgresStorage(folder, db_url)
    elif db_url and not db_url.startswith("sqlite"):
        raise BadInput(f"unsupported database URL {db_url.split(':')[0]}:// "
                       "(use postgresql://… or leave it out for SQLite)", field="--db")
    else:
        storage = SQLiteStorage(folder)
    make_dir(folder)
    make_dir(storage.blob_dir)
    tighten(storage.blob_dir)       # photos: only the HQ service's user reads them
    if migrate:
        from sva.hq.migrations import migrate as run_migrations
        try:
            run_migrations(storage)
        except Exception as exc:
            storage.close()
            if type(exc).__module__.startswith("psycopg") and \
                    isinstance(exc, _psycopg_operational()):
                # the URL may hold a password: name only host/database, and the reason
                reason = (str(exc).strip().splitlines() or [""])[0][:300]
                raise StoreUnreadable(f"cannot use the HQ database {storage.describe()}: "
                                      f"{reason}") from None
            raise
    return storage


def _psycopg_operational():
    import psycopg
    return psycopg.OperationalError


__all__ = ["Storage", "SQLiteStorage", "PostgresStorage", "Tx", "open_storage", "hq_data_dir",
           "SchemaTooNew", "to_pyformat"]
