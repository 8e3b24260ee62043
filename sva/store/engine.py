"""The DB-API module every device database file is opened with, and the errors to catch.

The device store is opened with SQLCipher's build of SQLite (`sqlcipher3`), encrypted or not:
one library for every connection to a device file, so an encrypted store and a plain one go
through the same code, and the SQLite backup API works between them (it needs both ends from
the same library). HQ keeps the standard library's `sqlite3`.

SQLCipher's exception classes are not `sqlite3`'s. Code that catches a database error of the
device store catches `engine.Error` (a tuple of both), never `sqlite3.Error` alone.
(sqlite-utils catches `sqlite3.OperationalError` internally only to probe for features —
STRICT, upsert — that SQLCipher's SQLite has, and in `drop(ignore=True)`,
`create_index(find_unique_name=True)` and `alter=True`, which the device store does not use.)
"""
from __future__ import annotations

import sqlite3
from pathlib import Path

import sqlcipher3.dbapi2 as dbapi

Error = (sqlite3.Error, dbapi.Error)
DatabaseError = (sqlite3.DatabaseError, dbapi.DatabaseError)
OperationalError = (sqlite3.OperationalError, dbapi.OperationalError)
IntegrityError = (sqlite3.IntegrityError, dbapi.IntegrityError)
Connection = dbapi.Connection
SQLITE_VERSION = dbapi.sqlite_version


def key_pragma(key: bytes) -> str:
    """SQLCipher's raw-key form: the 32 bytes are the AES key itself, no key derivation per
    open (the key is random, not a passphrase)."""
    if len(key) != 32:
        raise ValueError("a database key is 32 bytes")
    return f"PRAGMA key = \"x'{key.hex()}'\""


def open_file(path: Path | str, key: bytes | None = None, *, read_only: bool = False,
              **options) -> dbapi.Connection:
    """A connection to a device database file, keyed when `key` is given. Nothing is read
    from the file here: a wrong key shows at the first statement (SQLITE_NOTADB)."""
    if read_only:
        conn = dbapi.connect(f"file:{Path(path)}?mode=ro", uri=True, **options)
    else:
        conn = dbapi.connect(str(path), **options)
    if key is not None:
        try:
            conn.execute(key_pragma(key))
            conn.execute("PRAGMA cipher_compatibility = 4")
        except BaseException:
            conn.close()
            raise
    return conn


def error_code(exc: BaseException) -> int:
    """SQLite's primary result code of a database error (0 when it has none)."""
    return (getattr(exc, "sqlite_errorcode", 0) or 0) & 0xFF


def check(conn, pragma: str = "quick_check") -> list[str]:
    """The problems `PRAGMA quick_check`/`integrity_check` reports, one a line (["ok"] when
    none). Newer SQLite (3.51, SQLCipher's) may put several problems in one row, under a
    "*** in database main ***" heading; they are split here, the heading dropped."""
    lines = []
    for (text,) in conn.execute(f"PRAGMA {pragma}").fetchall():
        lines += [line for line in str(text).splitlines()
                  if line.strip() and not line.startswith("*** in database")]
    return lines or ["ok"]
