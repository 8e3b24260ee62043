"""HQ storage: one small adapter over SQLite (default) or PostgreSQL (psycopg 3).

SQL in sva/hq is written once with '?' placeholders; the adapter rewrites them to its own
`placeholder` style. Each request opens its own connection and transaction: nothing is
kept in memory between requests, so several server processes can share one database.
"""
from __future__ import annotations

import os
import sqlite3
from contextlib import contextmanager
from pathlib import Path
from typing import Any, Iterator

import platformdirs

from sva.errors import BadInput, SchemaTooNew

DB_FILE = "hq.db"


def hq_data_dir(explicit: str | os.PathLike | None = None) -> Path:
    """The HQ folder: explicit argument, else $SVA_HQ_HOME, else the platform default."""
    if explicit:
        return Path(explicit).expanduser()
    env = os.environ.get("SVA_HQ_HOME")
    if env:
        return Path(env).expanduser()
    return Path(platformdirs.user_data_dir("sva-hq", appauthor=False))


class Tx:
    """A connection inside one transaction; rows come back as dicts."""

    def __init__(self, conn, placeholder: str):
        self.conn, self.placeholder = conn, placeholder

    def _sql(self, sql: str) -> str:
        return sql if self.placeholder == "?" else sql.replace("?", self.placeholder)

    def execute(self, sql: str, params: tuple | list = ()) -> int:
        cur = self.conn.execute(self._sql(sql), tuple(params))
        return cur.rowcount

    def all(self, sql: str, params: tuple | list = ()) -> list[dict]:
        cur = self.conn.execute(self._sql(sql), tuple(params))
        cols = [c[0] for c in cur.description]
        return [dict(zip(cols, row)) for row in cur.fetchall()]

    def one(self, sql: str, params: tuple | list = ()) -> dict | None:
        rows = self.all(sql, params)
        return rows[0] if rows else None

    def scalar(self, sql: str, params: tuple | list = ()) -> Any:
        row = self.conn.execute(self._sql(sql), tuple(params)).fetchone()
        return None if row is None else row[0]

    def next_rev(self) -> int:
        """Take the next revision number; the row lock orders writers like their commits."""
        self.execute("UPDATE revisions SET value = value + 1 WHERE name = 'rev'")
        return int(self.scalar("SELECT value FROM revisions WHERE name = 'rev'"))


class Storage:
    placeholder = "?"
    kind = "base"

    def __init__(self, data_dir: Path):
        self.data_dir = Path(data_dir)

    @property
    def blob_dir(self) -> Path:
        return self.data_dir / "blobs"

    # -- to implement -------------------------------------------------------------------
    def _connect(self):  # pragma: no cover - abstract
        raise NotImplementedError

    def _begin(self, conn, write: bool) -> None:  # pragma: no cover - abstract
        raise NotImplementedError

    def get_version(self, tx: Tx) -> int:  # pragma: no cover - abstract
        raise NotImplementedError

    def set_version(self, tx: Tx, version: int) -> None:  # pragma: no cover - abstract
        raise NotImplementedError

    # -- shared ---------------------------------------------------------------------------
    @contextmanager
    def transaction(self, *, write: bool = True) -> Iterator[Tx]:
        conn = self._connect()
        try:
            self._begin(conn, write)
            tx = Tx(conn, self.placeholder)
            try:
                yield tx
            except BaseException:
                conn.rollback()
                raise
            conn.commit()
        finally:
            conn.close()

    def describe(self) -> str:
        return self.kind


class SQLiteStorage(Storage):
    kind = "sqlite"

    @property
    def path(self) -> Path:
        return self.data_dir / DB_FILE

    def _connect(self):
        self.data_dir.mkdir(parents=True, exist_ok=True)
        conn = sqlite3.connect(str(self.path), timeout=30, isolation_level=None,
                               check_same_thread=False)
        conn.execute("PRAGMA foreign_keys=ON")
        conn.execute("PRAGMA busy_timeout=30000")
        conn.execute("PRAGMA journal_mode=WAL")
        conn.execute("PRAGMA synchronous=FULL")
        return _SQLiteConn(conn)

    def _begin(self, conn, write: bool) -> None:
        # IMMEDIATE takes the write lock up front: no deadlock on upgrade from read to write.
        conn.raw.execute("BEGIN IMMEDIATE" if write else "BEGIN")

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


class PostgresStorage(Storage):
    kind = "postgresql"
    placeholder = "%s"

    def __init__(self, data_dir: Path, url: str):
        super().__init__(data_dir)
        self.url = url

    def _connect(self):
        import psycopg
        return psycopg.connect(self.url, autocommit=False)

    def _begin(self, conn, write: bool) -> None:
        # psycopg opens the transaction on the first statement; writers serialise on the
        # `revisions` row, readers see one snapshot.
        conn.execute("SET TRANSACTION ISOLATION LEVEL READ COMMITTED" if write
                     else "SET TRANSACTION ISOLATION LEVEL REPEATABLE READ")

    def get_version(self, tx: Tx) -> int:
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
    folder.mkdir(parents=True, exist_ok=True)
    if migrate:
        from sva.hq.migrations import migrate as run_migrations
        run_migrations(storage)
    return storage


__all__ = ["Storage", "SQLiteStorage", "PostgresStorage", "Tx", "open_storage", "hq_data_dir",
           "SchemaTooNew"]
