"""Open the workspace database with the pragmas the audit data needs.

WAL + synchronous=FULL means a commit that returned is on disk: a kill or a power cut
loses nothing the user was shown as saved. Foreign keys are off by default in SQLite and
must be switched on for every connection.

Every connection to a device database file is made by `_connect(path, key)` (or, read-only,
`engine.open_file`): SQLCipher's SQLite, keyed with the folder's data key when the folder is
encrypted (sva/atrest). A backup of the store opens its destination with `_connect` too, so
it carries the same key.
"""
from __future__ import annotations

import logging
from pathlib import Path
from typing import TYPE_CHECKING

from sva.errors import SchemaTooNew
from sva.owner_only import create_file, make_dir, tighten
from sva.store import damage, engine, migrations

if TYPE_CHECKING:   # imported when a store opens: sqlite-utils takes ~0.1 s to import
    import sqlite_utils

    from sva.atrest.keys import AtRest
    from sva.store.database import StoreDb

DB_FILE = "sva.db"
log = logging.getLogger(__name__)


def _connect(path: Path, key: bytes | None = None) -> engine.Connection:
    """A connection to a device database file, keyed with `key` (32 bytes) when given.
    isolation_level=None: we issue BEGIN/COMMIT ourselves (db.atomic()). The connection is
    used only by the thread that opened it (the workspace's store worker): SQLite checks."""
    conn = engine.open_file(path, key, isolation_level=None, timeout=10)
    try:
        conn.execute("PRAGMA foreign_keys=ON")
        conn.execute("PRAGMA busy_timeout=10000")
    except BaseException:
        conn.close()
        raise
    return conn


def schema_version_of(path: Path, key: bytes | None = None) -> int:
    """Read user_version without changing anything in the file (read-only URI)."""
    conn = engine.open_file(path, key, read_only=True)
    try:
        return conn.execute("PRAGMA user_version").fetchone()[0]
    finally:
        conn.close()


def open_db(folder: Path, *, migrate: bool = True, encrypt: bool | None = None) -> StoreDb:
    """Open (creating if needed) `folder/sva.db`, refusing a file newer than this code, a
    missing or empty one where the folder was used before, a damaged one, a read-only
    folder, a full disk and an encrypted one whose key this computer lacks, each with a
    clear message (sva/store/damage.py, sva/atrest/keys.py). A new folder is encrypted
    when the keyring is usable (`encrypt=None`); `db.at_rest` says how it is kept."""
    folder = Path(folder)
    with damage.said_clearly(folder):
        return _open(folder, migrate, encrypt)


def _open(folder: Path, migrate: bool, encrypt: bool | None) -> StoreDb:
    from sva.atrest import keys
    make_dir(folder)                       # a new data folder is owner-only (0700)
    path = folder / DB_FILE
    existing = path.exists() and path.stat().st_size > 0
    at_rest: AtRest | None = None
    db_key = None
    if existing or keys.keyfile.read(folder) is not None:
        at_rest = keys.resolve(folder)     # StoreLocked/WrongKey: nothing touched
        db_key = at_rest.key
        if db_key is not None and existing and _plain_sqlite(path):
            # `sva db encrypt` was interrupted before the encrypted database replaced it
            log.warning("%s is being encrypted (interrupted): its database is still plain; "
                        "run `sva db encrypt` again to finish", folder)
            db_key, at_rest.converting = None, True
    if existing:
        found = schema_version_of(path, db_key)
        if found > migrations.SCHEMA_VERSION:
            raise SchemaTooNew(
                f"{path.name} has schema version {found}, but this SVA only knows up to "
                f"{migrations.SCHEMA_VERSION}; install a newer SVA. The file was not changed."
            )
    else:
        damage.refuse_missing(folder)      # never a new, empty database over a used folder
    damage.require_writable(folder)
    if existing:
        damage.verify(folder, db_key)      # read-only, before anything writes to it
    if at_rest is None:
        at_rest = keys.create(folder, encrypt)     # a new folder: encrypted if it can be
        db_key = at_rest.key
    _owner_only(path)
    conn = _connect(path, db_key)
    try:
        conn.execute("PRAGMA journal_mode=WAL")
        conn.execute("PRAGMA synchronous=FULL")
        # No sqlite-utils plugins: the store's connection is ours alone, and discovering them
        # scans every installed package's entry points (a visible part of the app's start-up).
        from sva.store.database import StoreDb
        db = StoreDb(conn, execute_plugins=False)
        db.at_rest = at_rest
        if migrate:
            migrations.migrate(db, path)
    except BaseException:
        conn.close()
        raise
    if at_rest.plain_reason and not existing:
        log.warning("the new data folder %s is NOT encrypted: this computer has no usable OS "
                    "keyring for its key (%s). `sva db encrypt` encrypts it later.", folder,
                    at_rest.plain_reason)
    return db


def _plain_sqlite(path: Path) -> bool:
    from sva.store.encrypt import is_plain_sqlite
    return is_plain_sqlite(path)


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
    integrity = engine.check(db.conn, "integrity_check")
    fk = db.execute("PRAGMA foreign_key_check").fetchall()
    return {
        "integrity": "ok" if integrity == ["ok"] else "; ".join(integrity),
        "foreign_key_problems": len(fk),
        "schema_version": db.execute("PRAGMA user_version").fetchone()[0],
        "expected_schema_version": migrations.SCHEMA_VERSION,
        "journal_mode": db.execute("PRAGMA journal_mode").fetchone()[0],
    }
