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
    from sva.errors import StoreLocked
    from sva.store.backup_copy import check_copy, key_of_copy
    try:
        key = key_of_copy(path)
    except StoreLocked:
        # An encrypted folder restored on a computer whose keyring lacks its key (a new
        # laptop): the container's authentication already proved every byte; the database
        # is checked when the folder is unlocked with its recovery key and opened.
        return None
    check = check_copy(path, key)
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
    ws.run(lambda: copy_database(ws.db, target, progress, key=ws.at_rest.db_key))


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
                  "counts": row_counts(copy, key=ws.at_rest.db_key),
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


SQLITE_MAGIC = b"SQLite format 3\x00"


def is_database_copy(path: Path) -> bool:
    """A database file (a daily or pre-migration copy in `backups/`), as opposed to a
    `sva backup` file: a plain SQLite file, or an encrypted folder's copy (no readable header
    at all: named `.db`, and not a backup container)."""
    from sva.backup.container import MAGIC
    try:
        with open(path, "rb") as fh:
            start = fh.read(max(len(SQLITE_MAGIC), len(MAGIC)))
    except OSError:
        return False
    if start.startswith(SQLITE_MAGIC):
        return True
    return Path(path).suffix == ".db" and not start.startswith(MAGIC)


def restore_database_copy(copy: str | os.PathLike, folder: str | os.PathLike, *,
                          replace: bool = False) -> Restored:
    """Put a database copy from `backups/` back as `folder/sva.db`. The copy is checked
    first; the database it replaces (with its write-ahead log) is moved to
    `backups/replaced-<UTC time>/`. Photos stay as they are (they are never rewritten)."""
    import shutil

    from sva.backup.folder import fsync_dir, utc_stamp
    from sva.errors import BadInput, SchemaTooNew
    from sva.store.backup_copy import check_copy, key_of_copy
    from sva.store.migrations import SCHEMA_VERSION
    copy, folder = Path(copy), Path(folder)
    check = check_copy(copy, key_of_copy(folder / DB_NAME))
    if check["integrity"] != "ok":
        raise BadInput(f"the copy fails its integrity check ({check['integrity']}); nothing "
                       "was changed", file=str(copy), code="backup_damaged",
                       params={"file": str(copy)})
    if check["schema_version"] > SCHEMA_VERSION:
        raise SchemaTooNew(f"{copy} has schema version {check['schema_version']}; this SVA "
                           f"knows up to {SCHEMA_VERSION}. Nothing was changed.")
    current = folder / DB_NAME
    if current.exists() and current.stat().st_size > 0 and not replace:
        raise BadInput(f"{current} exists; restoring would put it aside (confirm with --yes). "
                       "Nothing was changed.", file=str(current), code="restore_not_empty",
                       params={"folder": str(folder)})
    make_dir(folder)
    incoming = folder / f".{DB_NAME}.restoring"
    shutil.copyfile(copy, incoming)
    os.chmod(incoming, 0o600)
    with open(incoming, "rb+") as fh:
        os.fsync(fh.fileno())
    aside = None
    sidecars = [current.with_name(DB_NAME + s) for s in ("", "-wal", "-shm", "-journal")]
    if any(p.exists() for p in sidecars):
        aside = make_dir(folder / "backups" / f"replaced-{utc_stamp()}")
        for path in sidecars:
            if path.exists():
                os.replace(path, aside / path.name)
    os.replace(incoming, current)
    fsync_dir(folder)
    return Restored(folder, aside, {"created": (copy.name.rsplit("-", 1)[-1]).split(".")[0]}, 0)


def stage(backup: str | os.PathLike, target: str | os.PathLike,
          kek_for: Callable[[dict], bytes], *, progress: Progress = quiet):
    """Unpack and check `backup` beside `target` without touching it (the app does this in
    the background, then closes its workspace for the quick `swap_in`)."""
    return folder_backup.stage(Path(backup), Path(target), kek_for, layout(),
                               progress=progress)


swap_in = folder_backup.swap_in
