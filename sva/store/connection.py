"""Open the workspace database with the pragmas the audit data needs.

WAL + synchronous=FULL means a commit that returned is on disk: a kill or a power cut
loses nothing the user was shown as saved. Foreign keys are off by default in SQLite and
must be switched on for every connection.
"""
from __future__ import annotations

import sqlite3
from pathlib import Path
from typing import TYPE_CHECKING

from sva.errors import SchemaTooNew
from sva.owner_only import create_file, make_dir, tighten
from sva.store import damage, migrations

if TYPE_CHECKING:   # imported when a store opens: sqlite-utils takes ~0.1 s to import
    import sqlite_utils

    from sva.store.database import StoreDb

DB_FILE = "sva.db"


def _connect(path: Path) -> sqlite3.Connection:
    # isolation_level=None: we issue BEGIN/COMMIT ourselves (db.atomic()). The connection is
    # used only by the thread that opened it (the workspace's store worker): SQLite checks.
    conn = sqlite3.connect(str(path), isolation_level=None, timeout=10)
    conn.execute("PRAGMA foreign_keys=ON")
    conn.execute("PRAGMA busy_timeout=10000")
    return conn


def schema_version_of(path: Path) -> int:
    """Read user_version without changing anything in the file (read-only URI)."""
    conn = sqlite3.connect(f"file:{path}?mode=ro", uri=True)
    try:
        return conn.execute("PRAGMA user_version").fetchone()[0]
    finally:
        conn.close()


def open_db(folder: Path, *, migrate: bool = True) -> StoreDb:
    """Open (creating if needed) `folder/sva.db`, refusing a file newer than this code, a
    missing or empty one where the folder was used before, a damaged one, a read-only
    folder and a full disk, each with a clear message (sva/store/damage.py)."""
    folder = Path(folder)
    with damage.said_clearly(folder):
        return _open(folder, migrate)


def _open(folder: Path, migrate: bool) -> StoreDb:
    make_dir(folder)                       # a new data folder is owner-only (0700)
    path = folder / DB_FILE
    existing = path.exists() and path.stat().st_size > 0
    if existing:
        found = schema_version_of(path)
        if found > migrations.SCHEMA_VERSION:
            raise SchemaTooNew(
                f"{path.name} has schema version {found}, but this SVA only knows up to "
                f"{migrations.SCHEMA_VERSION}; install a newer SVA. The file was not changed."
            )
    else:
        damage.refuse_missing(folder)      # never a new, empty database over a used folder
    damage.require_writable(folder)
    if existing:
        damage.verify(folder)              # read-only, before anything writes to it
    _owner_only(path)
    conn = _connect(path)
    try:
        conn.execute("PRAGMA journal_mode=WAL")
        conn.execute("PRAGMA synchronous=FULL")
        # No sqlite-utils plugins: the store's connection is ours alone, and discovering them
        # scans every installed package's entry points (a visible part of the app's start-up).
        from sva.store.database import StoreDb
        db = StoreDb(conn, execute_plugins=False)
        if migrate:
            migrations.migrate(db, path)
    except BaseException:
        conn.close()
        raise
    return db


def _owner_only(path: Path) -> None:
    """The audit database is readable by its owner only (0600); SQLite gives the -wal and
    -shm files the database file's mode. An existing file readable by others is tightened."""
    try:
        create_file(path)
    except OSError:
        return                              # e.g. a read-only folder: SQLite says so itself
    for sidecar in ("-wal", "-shm", "-journal"):
        tighten(path.with_name(path.name + sidecar))


def check_db(db: sqlite_utils.Database) -> dict:
    """Integrity, foreign keys and schema version, for `sva db check`."""
    integrity = [r[0] for r in db.execute("PRAGMA integrity_check").fetchall()]
    fk = db.execute("PRAGMA foreign_key_check").fetchall()
    return {
        "integrity": "ok" if integrity == ["ok"] else "; ".join(integrity),
        "foreign_key_problems": len(fk),
        "schema_version": db.execute("PRAGMA user_version").fetchone()[0],
        "expected_schema_version": migrations.SCHEMA_VERSION,
        "journal_mode": db.execute("PRAGMA journal_mode").fetchone()[0],
    }
