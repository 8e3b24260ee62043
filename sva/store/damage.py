"""A data folder that cannot be used as it is, said clearly — and never papered over.

* `sva.db` missing or empty (0 bytes) where the folder shows earlier use (photo files,
  backups, derivatives, a write-ahead log): StoreMissing. Starting a new, empty database
  there would hide every audit the folder held.
* A database that fails its integrity check, or that SQLite finds malformed while in use:
  StoreDamaged. It is checked (`PRAGMA quick_check`) when a process first opens it, before
  anything writes to it (~1 ms on the demo, ~45 ms on a 2,000-audit store of 50 MB).
* A read-only folder or database: StoreNotWritable. A full disk: DiskFull.

Every message names the newest backup in `backups/` only when one exists — a copy made
before a migration or a daily one (sva/backup/scheduled.py), both `sva-v*-*.db` — and says
how to put it back (`sva restore`, which keeps the damaged file aside).
"""
from __future__ import annotations

import errno
import os
import shutil
import threading
from collections.abc import Iterator
from contextlib import contextmanager
from pathlib import Path

from sva.errors import DiskFull, StoreDamaged, StoreMissing, StoreNotWritable, StoreUnreadable
from sva.store import engine

DB_FILE = "sva.db"
KEY_FILE = "sva.keys.json"          # sva/atrest/keyfile.py
# SQLite's primary result codes (the low byte of a database error's `sqlite_errorcode`).
SQLITE_PERM, SQLITE_READONLY, SQLITE_IOERR, SQLITE_CORRUPT = 3, 8, 10, 11
SQLITE_FULL, SQLITE_CANTOPEN, SQLITE_NOTADB = 13, 14, 26
NEARLY_FULL = 256 * 1024        # free bytes under which an I/O error is taken as a full disk

_verified: set[tuple[int, ...]] = set()      # files (as they were) that passed quick_check
_verified_lock = threading.Lock()


def newest_backup(folder: Path) -> Path | None:
    """The newest `backups/sva-v*-*.db`: a pre-migration copy `sva-v4-<time>.db` or a daily
    one `sva-v4-auto-<time>.db` (the names end in a UTC time stamp)."""
    try:
        found = [p for p in (Path(folder) / "backups").glob("sva-v*-*.db") if p.is_file()]
    except OSError:
        return None
    return max(found, key=lambda p: (p.name.rsplit("-", 1)[-1], p.name), default=None)


def restore_command(folder: Path, backup: Path) -> str:
    return f"sva restore {backup} --data-dir {folder}"


def earlier_use(folder: Path) -> list[str]:
    """What shows that this folder held an SVA database: photo files, backups, derivatives,
    outgoing renderings, an encryption key file, a write-ahead log. Empty for a new folder."""
    folder = Path(folder)
    signs = []
    photos = _count_blobs(folder / "photos")
    if photos:
        signs.append(f"{photos} photo file(s) in photos/")
    backups = len(list((folder / "backups").glob("sva-v*-*.db"))) \
        if (folder / "backups").is_dir() else 0
    if backups:
        signs.append(f"{backups} backup(s) in backups/")
    for name, what in (("derived", "photo copies in derived/"),
                       ("outgoing", "renderings for HQ in outgoing/")):
        if _count_blobs(folder / name, limit=1):
            signs.append(what)
    if (folder / KEY_FILE).is_file():
        signs.append(f"an encryption key file ({KEY_FILE})")
    wal = folder / f"{DB_FILE}-wal"
    if wal.is_file() and wal.stat().st_size > 0:
        signs.append(f"{DB_FILE}-wal ({wal.stat().st_size} bytes not yet in {DB_FILE})")
    return signs


def _count_blobs(top: Path, limit: int | None = None) -> int:
    """Files under `top/xx/` (the content-addressed layout), up to `limit`."""
    count = 0
    try:
        subs = [e for e in os.scandir(top) if e.is_dir() and len(e.name) == 2]
    except OSError:
        return 0
    for sub in subs:
        try:
            count += sum(1 for e in os.scandir(sub.path)
                         if e.is_file() and not e.name.startswith("."))
        except OSError:
            continue
        if limit is not None and count >= limit:
            break
    return count


def refuse_missing(folder: Path) -> None:
    """Raise StoreMissing when `sva.db` is missing or empty but the folder was used."""
    folder = Path(folder)
    path = folder / DB_FILE
    signs = earlier_use(folder)
    if not signs:
        return
    state = "is empty (0 bytes)" if path.exists() else "is missing"
    head = (f"{path} {state}, but this data folder holds {', '.join(signs)} from earlier use. "
            "SVA does not start a new, empty database over it: nothing was created or changed.")
    backup = newest_backup(folder)
    if backup is not None:
        raise StoreMissing(f"{head} To go back to the newest backup, {backup}, run "
                           f"`{restore_command(folder, backup)}`; or choose another data "
                           "folder.",
                           code="store_missing", params={"path": str(path),
                                                         "backup": str(backup)})
    raise StoreMissing(f"{head} There is no backup in {folder / 'backups'}: if the database "
                       "was moved, put it back; otherwise choose another data folder.",
                       code="store_missing_no_backup", params={"path": str(path)})


def damaged(folder: Path, detail: str) -> StoreDamaged:
    path = Path(folder) / DB_FILE
    head = (f"{path} cannot be opened as an SVA database: it is damaged ({detail}). It was "
            "left as it is, and nothing was written to it.")
    backup = newest_backup(folder)
    if backup is not None:
        return StoreDamaged(f"{head} Run `sva db check` to see what is wrong; the newest "
                            f"backup is {backup}: `{restore_command(folder, backup)}` puts it "
                            "back and keeps the damaged file aside.", code="store_damaged",
                            params={"path": str(path), "backup": str(backup)})
    return StoreDamaged(f"{head} Run `sva db check` to see what is wrong; there is no backup "
                        f"in {Path(folder) / 'backups'}.", code="store_damaged_no_backup",
                        params={"path": str(path)})


def read_only(folder: Path) -> StoreNotWritable:
    return StoreNotWritable(
        f"the data folder {folder} cannot be written (a read-only disk or folder): SVA keeps "
        "its database there and saves every change at once. Nothing was changed; make the "
        "folder writable or choose another data folder.",
        code="store_read_only", params={"folder": str(folder)})


def disk_full(folder: Path) -> DiskFull:
    return DiskFull(f"the disk holding {folder} is full: SVA cannot save there, and nothing "
                    "was changed. Free some space and try again.", code="disk_full",
                    params={"folder": str(folder)})


def require_writable(folder: Path) -> None:
    """Refuse a folder (or database file) this process cannot write, before opening it."""
    path = Path(folder) / DB_FILE
    if not os.access(folder, os.W_OK | os.X_OK) or (
            path.exists() and not os.access(path, os.W_OK)):
        raise read_only(folder)


def verify(folder: Path, data_key: bytes | None = None) -> None:
    """`PRAGMA quick_check` once per file and process, before anything writes to it.

    On a read-only connection: a damaged file is never written, not even by the checkpoint
    SQLite runs when its last writing connection closes. (SQLite may leave its shared-memory
    index and an empty write-ahead log next to the file; they hold no data.)"""
    path = Path(folder) / DB_FILE
    st = path.stat()
    key = (st.st_dev, st.st_ino, st.st_size, st.st_mtime_ns)    # changed since: check again
    with _verified_lock:
        if key in _verified:
            return
    conn = engine.open_file(path, data_key, read_only=True)
    try:
        problems = engine.check(conn, "quick_check")
    except engine.DatabaseError as exc:
        if data_key is None:
            raise
        # The key is the folder's (keys.resolve checked it): a page that does not
        # authenticate is damage. SQLCipher says only "SQL logic error" then.
        raise damaged(folder, f"{exc}: a page fails its authentication check") from exc
    finally:
        conn.close()
    if problems != ["ok"]:
        more = f" and {len(problems) - 1} more problem(s)" if len(problems) > 1 else ""
        raise damaged(folder, problems[0] + more)
    with _verified_lock:
        _verified.add(key)


def _nearly_full(folder: Path) -> bool:
    probe = Path(folder)
    while not probe.exists() and probe.parent != probe:
        probe = probe.parent
    try:
        return shutil.disk_usage(probe).free < NEARLY_FULL
    except OSError:
        return False


def _about(exc: OSError, folder: Path) -> bool:
    """Whether an OSError concerns the data folder (True when it names no file)."""
    if exc.filename is None:
        return True
    try:
        Path(os.path.abspath(exc.filename)).relative_to(os.path.abspath(folder))
    except (TypeError, ValueError):
        return False
    return True


def is_disk_full(exc: BaseException, folder: Path | None = None) -> bool:
    if isinstance(exc, OSError):
        return exc.errno in (errno.ENOSPC, errno.EDQUOT)
    if isinstance(exc, engine.Error):
        code = engine.error_code(exc)
        return code == SQLITE_FULL or (code == SQLITE_IOERR and folder is not None
                                       and _nearly_full(folder))
    return False


def error_for(exc: BaseException, folder: Path):
    """The clear error for a failure of the store (a database error or OSError met while
    opening or using it); None when it is not one this module can name."""
    folder = Path(folder)
    if isinstance(exc, OSError) and not _about(exc, folder):
        return None                 # e.g. an output file elsewhere: its own message says it
    if is_disk_full(exc, folder):
        return disk_full(folder)
    if isinstance(exc, engine.Error):
        code = engine.error_code(exc)
        if code in (SQLITE_CORRUPT, SQLITE_NOTADB) or "malformed" in str(exc):
            detail = str(exc)
            if code == SQLITE_NOTADB and not (folder / KEY_FILE).exists():
                detail += (f"; if this data folder was encrypted, its key file {KEY_FILE} is "
                           "missing: put it back from a backup of the folder")
            return damaged(folder, detail)
        if code in (SQLITE_READONLY, SQLITE_PERM) or (
                code == SQLITE_CANTOPEN and not os.access(folder, os.W_OK)):
            return read_only(folder)
        return StoreUnreadable(f"{folder / DB_FILE} cannot be used ({exc}); it was left as "
                               "it is", code="store_unreadable",
                               params={"path": str(folder / DB_FILE), "detail": str(exc)})
    if isinstance(exc, OSError) and exc.errno in (errno.EROFS, errno.EACCES, errno.EPERM):
        return read_only(folder)
    return None


@contextmanager
def said_clearly(folder: Path) -> Iterator[None]:
    """Turn a store failure met inside into its clear error (others pass unchanged)."""
    try:
        yield
    except (*engine.Error, OSError) as exc:
        clear = error_for(exc, folder)
        if clear is None:
            raise
        raise clear from exc
