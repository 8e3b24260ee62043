"""`sva-hq backup` / `sva-hq restore` for an HQ on SQLite: `hq.db` copied with SQLite's online
backup API (the server may be running: its writers go on, the copy is the state at its
start) plus the photo blobs (`blobs/`, without unfinished uploads in `blobs/partial/`), in
the same encrypted file format as a device backup (sva/backup/folder.py).

An HQ on PostgreSQL is backed up with PostgreSQL's own tools (`pg_dump -Fc`, README) and its
blob folder beside it; this command says so instead of copying half of it.
"""
from __future__ import annotations

import os
import sqlite3
import tempfile
from pathlib import Path

from sva.backup import archive
from sva.backup.folder import (SCALE, Layout, Made, Progress, Restored, quiet,
                               refuse_existing, write_backup)
from sva.backup import folder as folder_backup
from sva.errors import BadInput
from sva.hq.accounts import log_event
from sva.owner_only import create_file
from sva.hq.storage import DB_FILE, SQLiteStorage, Storage

KIND = "sva-hq"
PAGES_PER_STEP = 256


def _schema_version() -> int:
    from sva.hq.migrations import SCHEMA_VERSION
    return SCHEMA_VERSION


def layout() -> Layout:
    return Layout(KIND, "an SVA HQ folder", DB_FILE, {DB_FILE, "blobs"}, _schema_version(),
                  _check)


def _check(path: Path) -> str | None:
    conn = sqlite3.connect(f"file:{path}?mode=ro", uri=True)
    try:
        problems = [r[0] for r in conn.execute("PRAGMA integrity_check").fetchall()]
        if problems != ["ok"]:
            return "; ".join(problems[:3])
        if conn.execute("PRAGMA foreign_key_check").fetchall():
            return "foreign key problems"
    finally:
        conn.close()
    return None


def _blob_files(blob_dir: Path, top: Path):
    for name, path in archive.store_files(top, [blob_dir.relative_to(top).as_posix()]):
        if not name.startswith("blobs/partial/"):
            yield name, path


def create_backup(storage: Storage, out: str | os.PathLike, kek_for, *, actor: str,
                  progress: Progress = quiet, overwrite: bool = False) -> Made:
    """Back up the HQ folder; the event log records who made the backup (`actor`) and what
    it holds, after the file is written (so the backup itself does not hold that row)."""
    if not isinstance(storage, SQLiteStorage):
        raise BadInput("sva-hq backup copies an HQ on SQLite; for PostgreSQL use pg_dump and "
                       "copy the blob folder (README, “Backing up HQ on PostgreSQL”)",
                       field="--db")
    out = Path(out)
    refuse_existing(out, overwrite)
    fd, name = tempfile.mkstemp(prefix=".backup-", suffix=".db", dir=storage.data_dir)
    os.close(fd)
    copy = Path(name)
    try:
        create_file(copy)
        source = sqlite3.connect(str(storage.path), isolation_level=None, timeout=30)
        dest = sqlite3.connect(str(copy))
        try:
            source.execute("BEGIN")
            source.execute("SELECT count(*) FROM sqlite_master").fetchone()   # the snapshot
            source.backup(dest, pages=PAGES_PER_STEP,
                          progress=lambda s, remaining, total: progress(
                              (total - remaining) * 100 // max(total, 1), SCALE))
            source.execute("COMMIT")
            dest.execute("PRAGMA journal_mode=DELETE")
            version = dest.execute("PRAGMA user_version").fetchone()[0]
            counts = {t: dest.execute(f'SELECT count(*) FROM "{t}"').fetchone()[0]
                      for t in ("audits", "users", "suppliers")
                      if dest.execute("SELECT 1 FROM sqlite_master WHERE name = ?",
                                      (t,)).fetchone()}
        finally:
            dest.close()
            source.close()
        header = {"kind": KIND, "schema_version": version, "counts": counts}
        files = list(_blob_files(storage.blob_dir, storage.data_dir))
        made = write_backup(out, header, DB_FILE, copy, files, kek_for, progress)
    finally:
        copy.unlink(missing_ok=True)
    with storage.transaction() as tx:
        log_event(tx, actor, "backup", "hq", made.path.name, schema_version=version,
                  blobs=len(files), **counts)
    return made


def restore(backup, target, kek_for, *, actor: str, replace: bool = False,
            progress: Progress = quiet) -> Restored:
    """Restore a backup into `target`; the restored database's event log then records who
    restored it (`actor`), from which file and the backup's date."""
    done = folder_backup.restore(backup, target, kek_for, layout(), replace=replace,
                                 progress=progress)
    storage = SQLiteStorage(Path(done.folder))      # as restored: no migration here
    try:
        with storage.transaction() as tx:
            log_event(tx, actor, "restore", "hq", Path(backup).name,
                      backup_created=done.header.get("created"),
                      schema_version=done.header.get("schema_version"),
                      replaced_folder_kept=done.aside is not None)
    finally:
        storage.close()
    return done
