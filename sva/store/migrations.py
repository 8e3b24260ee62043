"""Numbered schema migrations, recorded in PRAGMA user_version.

Pending steps run in one transaction after a backup copy of the file is written next to
it (backups/), so an upgrade that fails leaves the user's data as it was.
"""
from __future__ import annotations

from datetime import datetime, UTC
from importlib import resources as importlib_resources
from pathlib import Path
from collections.abc import Callable

import sqlite_utils

from sva.sql_script import split_statements


def _sql(name: str) -> Callable[[sqlite_utils.Database], None]:
    def step(db: sqlite_utils.Database) -> None:
        text = importlib_resources.files("sva.store").joinpath(name).read_text("utf-8")
        for statement in split_statements(text):
            db.execute(statement)
    step.__name__ = name
    return step


# Index i holds the step that takes the schema from version i to i + 1.
STEPS: list[Callable[[sqlite_utils.Database], None]] = [
    _sql("schema_v1.sql"),
    _sql("schema_v2.sql"),
    _sql("schema_v3.sql"),
    _sql("schema_v4.sql"),
    _sql("schema_finding_report.sql"),
    _sql("schema_report_language.sql"),     # issue 21: site name_ja, scope_ja, site profile
]
SCHEMA_VERSION = len(STEPS)


def current_version(db: sqlite_utils.Database) -> int:
    return db.execute("PRAGMA user_version").fetchone()[0]


def backup(db: sqlite_utils.Database, path: Path, version: int) -> Path:
    from sva.owner_only import create_file, make_dir
    folder = make_dir(path.parent / "backups")      # owner-only, like the database itself
    stamp = datetime.now(UTC).strftime("%Y%m%dT%H%M%S%fZ")
    target = create_file(folder / f"{path.stem}-v{version}-{stamp}.db")
    from sva.store.connection import _connect
    at_rest = getattr(db, "at_rest", None)          # the copy is keyed like the store
    dest = _connect(target, at_rest.db_key if at_rest is not None else None)
    try:
        db.conn.backup(dest)
    finally:
        dest.close()
    return target


def migrate(db: sqlite_utils.Database, path: Path | None = None,
            steps: list[Callable[[sqlite_utils.Database], None]] | None = None) -> int:
    """Bring the schema to the newest version; returns the version reached."""
    steps = STEPS if steps is None else steps
    found = current_version(db)
    if found >= len(steps):
        return found
    if found > 0 and path is not None:
        backup(db, path, found)
    db.execute("BEGIN IMMEDIATE")
    try:
        for number in range(found, len(steps)):
            steps[number](db)
            db.execute(f"PRAGMA user_version={number + 1}")
        db.execute("COMMIT")
    except BaseException:
        db.execute("ROLLBACK")
        raise
    return len(steps)
