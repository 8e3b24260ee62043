"""Back up a device data folder into one encrypted file, and restore it (sva/backup/folder.py
does the file and the swap).

The database is copied with SQLite's backup API on the store worker
(sva/store/backup_copy.py) while the app may go on working, into `backups/.partial-*` of
the data folder — never as plaintext beside the output, which may be a USB stick. The copy,
the photo files (`photos/`, `derived/`, `outgoing/`) and the folder's key file
(`sva.keys.json`, if it has one) go into the backup as they are at rest: an encrypted
folder's backup holds its files still encrypted with the folder's key.
"""
from __future__ import annotations

import os
import tempfile
from collections.abc import Callable
from pathlib import Path

from sva.backup import archive
from sva.backup.folder import (SCALE, Layout, Made, Progress, Restored, quiet,
                               refuse_existing, write_backup)
from sva.backup import folder as folder_backup
from sva.owner_only import make_dir

KIND = "sva-device"
DB_NAME = "sva.db"
KEY_FILE = "sva.keys.json"          # an encrypted folder's wrapped keys (issue 16, `crypt`)
FILE_FOLDERS = ("photos", "derived", "outgoing")


def layout() -> Layout:
    from sva.store.migrations import SCHEMA_VERSION
    return Layout(KIND, "an SVA device folder", DB_NAME, {DB_NAME, KEY_FILE, *FILE_FOLDERS},
                  SCHEMA_VERSION, _check)


def _check(path: Path) -> str | None:
    from sva.store.backup_copy import check_copy
    check = check_copy(path)
    if check["integrity"] != "ok":
        return check["integrity"]
    if check["foreign_key_problems"]:
        return f"{check['foreign_key_problems']} foreign key problem(s)"
    return None


def folder_files(folder: Path) -> list[tuple[str, Path]]:
    files = list(archive.store_files(folder, FILE_FOLDERS))
    if (folder / KEY_FILE).is_file():
        files.insert(0, (KEY_FILE, folder / KEY_FILE))
    return files


def snapshot(ws, target: Path, progress: Progress = quiet) -> None:
    """A consistent copy of `ws`'s database at `target`, made on its store worker."""
    from sva.store.backup_copy import copy_database
    ws.run(lambda: copy_database(ws.db, target, progress))


def create_backup(ws, out: str | os.PathLike, kek_for: Callable[[dict], bytes], *,
                  progress: Progress = quiet, overwrite: bool = False) -> Made:
    """Write the backup of `ws`'s folder to `out`, its key wrapped by `kek_for(header)`
    (e.g. `lambda h: container.passphrase_kek(passphrase, h)`)."""
    from sva.store.backup_copy import row_counts
    from sva.store.migrations import SCHEMA_VERSION
    out = Path(out)
    refuse_existing(out, overwrite)
    folder = Path(ws.folder)
    work = make_dir(folder / "backups")
    fd, name = tempfile.mkstemp(prefix=".partial-", suffix=".db", dir=work)
    os.close(fd)
    copy = Path(name)
    try:
        copy.unlink()                  # the backup API makes it (owner-only) itself
        snapshot(ws, copy, lambda done, total: progress(done * 100 // max(total, 1), SCALE))
        header = {"kind": KIND, "schema_version": SCHEMA_VERSION,
                  "counts": row_counts(copy),
                  "encrypted_folder": (folder / KEY_FILE).is_file()}
        return write_backup(out, header, DB_NAME, copy, folder_files(folder), kek_for,
                            progress)
    finally:
        copy.unlink(missing_ok=True)


def restore(backup: str | os.PathLike, target: str | os.PathLike,
            kek_for: Callable[[dict], bytes], *, replace: bool = False,
            progress: Progress = quiet) -> Restored:
    return folder_backup.restore(backup, target, kek_for, layout(), replace=replace,
                                 progress=progress)


is_empty = folder_backup.is_empty
