"""Back up a device data folder into one encrypted file, and restore it.

Backup (the app may be running): the database is copied with SQLite's backup API on the
store worker (sva/store/backup_copy.py) into `backups/.partial-*` of the data folder — never
as plaintext next to the output, which may be a USB stick — then that copy and the photo
files (`photos/`, `derived/`, `outgoing/`) and the folder's key file (`sva.keys.json`, if
the folder has one) are streamed as they are at rest into the encrypted container. The
output is written as a hidden temp file beside it and renamed at the end: a cancelled or
failed backup leaves no partial file.

Restore: the whole file is decrypted and authenticated into a staging folder beside the
target, and the restored database checked, before anything of the target is touched. A
non-empty target is then moved aside (`<name>.before-restore-<UTC time>`) and the staging
folder renamed into its place.
"""
from __future__ import annotations

import os
import shutil
import tarfile
import tempfile
from collections.abc import Callable
from dataclasses import dataclass
from datetime import UTC, datetime
from pathlib import Path

from sva import __version__
from sva.backup import archive, container
from sva.backup.container import BackupRefused
from sva.errors import BadInput, SchemaTooNew
from sva.owner_only import make_dir

KIND = "sva-device"
DB_NAME = "sva.db"
KEY_FILE = "sva.keys.json"          # an encrypted folder's wrapped keys (issue 16, `crypt`)
FILE_FOLDERS = ("photos", "derived", "outgoing")
RESTORED = {DB_NAME, KEY_FILE, *FILE_FOLDERS}
SCALE = 1000                        # progress is reported as (permille, 1000)

Progress = Callable[[int, int], None]


def _quiet(done: int, total: int) -> None:
    return None


def utc_stamp() -> str:
    return datetime.now(UTC).strftime("%Y%m%dT%H%M%SZ")


@dataclass
class Made:
    path: Path
    header: dict
    size: int


def create_backup(ws, out: str | os.PathLike, kek_for: Callable[[dict], bytes], *,
                  progress: Progress = _quiet, overwrite: bool = False) -> Made:
    """Write the backup of `ws`'s folder to `out`, its key wrapped by `kek_for(header)`
    (e.g. `lambda h: container.passphrase_kek(passphrase, h)`)."""
    from sva.store.backup_copy import copy_database, row_counts
    from sva.store.migrations import SCHEMA_VERSION
    out = Path(out)
    if out.exists() and not overwrite:
        raise BadInput(f"{out} exists already; choose another name (nothing was written)",
                       file=str(out), code="backup_exists", params={"file": str(out)})
    if not out.parent.is_dir():
        raise BadInput(f"the folder {out.parent} does not exist", file=str(out))
    folder = Path(ws.folder)
    work = make_dir(folder / "backups")
    copy = Path(tempfile.mkstemp(prefix=".partial-", suffix=".db", dir=work)[1])
    fd, partial_name = tempfile.mkstemp(prefix=f".{out.name}.", suffix=".partial",
                                        dir=out.parent)
    partial = Path(partial_name)
    try:
        copy.unlink()                  # the backup API makes it (owner-only) itself
        ws.run(lambda: copy_database(
            ws.db, copy, lambda done, total: progress(done * 100 // max(total, 1), SCALE)))
        files = list(archive.store_files(folder, FILE_FOLDERS))
        if (folder / KEY_FILE).is_file():
            files.insert(0, (KEY_FILE, folder / KEY_FILE))
        file_bytes = sum(_size(p) for _, p in files)
        db_bytes = copy.stat().st_size
        header = {"kind": KIND, "created": datetime.now(UTC).isoformat(timespec="seconds"),
                  "sva_version": __version__, "schema_version": SCHEMA_VERSION,
                  "counts": {**row_counts(copy), "files": len(files),
                             "bytes": file_bytes + db_bytes},
                  "encrypted_folder": (folder / KEY_FILE).is_file(),
                  "wrapping": "passphrase", "kdf": container.new_kdf()}
        kek = kek_for(header)
        total, done = max(file_bytes + db_bytes, 1), 0

        def moved(n: int) -> None:
            nonlocal done
            done += n
            progress(100 + done * (SCALE - 100) // total, SCALE)

        with os.fdopen(fd, "wb") as fh:
            fd = -1
            writer = container.Writer(fh, header, kek)
            with tarfile.open(fileobj=writer, mode="w|", format=tarfile.PAX_FORMAT) as tar:
                archive.add_file(tar, DB_NAME, copy, moved)
                for name, path in files:
                    archive.add_file(tar, name, path, moved)
            writer.close()
            fh.flush()
            os.fsync(fh.fileno())
        os.replace(partial, out)
        _fsync_dir(out.parent)
        progress(SCALE, SCALE)
        return Made(out, header, out.stat().st_size)
    finally:
        if fd >= 0:
            os.close(fd)
        partial.unlink(missing_ok=True)
        copy.unlink(missing_ok=True)


def _size(path: Path) -> int:
    try:
        return path.stat().st_size
    except FileNotFoundError:
        return 0


def _fsync_dir(folder: Path) -> None:
    try:
        fd = os.open(folder, os.O_RDONLY)
    except OSError:
        return
    try:
        os.fsync(fd)
    except OSError:
        pass
    finally:
        os.close(fd)


@dataclass
class Restored:
    folder: Path
    aside: Path | None
    header: dict
    files: int


def stage(backup: str | os.PathLike, target: str | os.PathLike,
          kek_for: Callable[[dict], bytes], *, progress: Progress = _quiet) -> tuple[Path, dict]:
    """Decrypt, authenticate and unpack `backup` into a new staging folder beside `target`,
    and check the database in it; returns (staging folder, header). On any failure the
    staging folder is removed and `target` was never touched."""
    from sva.store.backup_copy import check_copy
    from sva.store.migrations import SCHEMA_VERSION
    backup, target = Path(backup), Path(target)
    name = str(backup)
    try:
        fh = open(backup, "rb")
    except FileNotFoundError:
        raise BadInput(f"{backup} does not exist", file=name) from None
    with fh:
        total = max(os.fstat(fh.fileno()).st_size, 1)
        opened = container.open_reader(fh, name, kek_for)
        header = opened.header
        if header.get("kind") != KIND:
            raise BackupRefused(f"this is a backup of a {header.get('kind')!r} folder, not "
                                "of an SVA device folder", file=name, code="backup_wrong_kind",
                                params={"file": name})
        if int(header.get("schema_version", 0)) > SCHEMA_VERSION:
            raise SchemaTooNew(f"{backup} holds schema version {header['schema_version']}, "
                               f"this SVA knows up to {SCHEMA_VERSION}; install a newer SVA. "
                               "Nothing was restored.")
        make_dir(target.parent)
        staging = Path(tempfile.mkdtemp(prefix=f".{target.name}.restoring-",
                                        dir=target.parent))
        try:
            with tarfile.open(fileobj=opened.reader, mode="r|") as tar:
                written = archive.extract(
                    tar, staging, RESTORED, name,
                    lambda n: progress(min(fh.tell() * (SCALE - 50) // total, SCALE - 50),
                                       SCALE))
            opened.reader.drain()         # the end is there and authenticated
            expected = int(header.get("counts", {}).get("files", -1)) + 1
            if DB_NAME not in written or len(written) != expected:
                raise BackupRefused(f"the backup holds {len(written)} file(s) where its "
                                    f"header promises {expected}", file=name,
                                    code="backup_damaged", params={"file": name})
            check = check_copy(staging / DB_NAME)
            if check["integrity"] != "ok" or check["foreign_key_problems"]:
                raise BackupRefused(f"the database in the backup fails its check "
                                    f"({check['integrity']})", file=name,
                                    code="backup_damaged", params={"file": name})
        except BaseException:
            shutil.rmtree(staging, ignore_errors=True)
            raise
    progress(SCALE - 50, SCALE)
    return staging, header


def is_empty(folder: Path) -> bool:
    return not folder.exists() or (folder.is_dir() and not any(folder.iterdir()))


def swap_in(staging: Path, target: Path) -> Path | None:
    """Put the staged folder in `target`'s place; a non-empty target is renamed aside first
    (returned). If the second rename fails, the first is undone."""
    target = Path(target)
    aside = None
    if target.exists() and not is_empty(target):
        aside = target.with_name(f"{target.name}.before-restore-{utc_stamp()}")
        n = 1
        while aside.exists():
            n += 1
            aside = target.with_name(f"{target.name}.before-restore-{utc_stamp()}-{n}")
        os.rename(target, aside)
    elif target.exists():
        target.rmdir()
    try:
        os.rename(staging, target)
    except BaseException:
        if aside is not None:
            os.rename(aside, target)
        raise
    os.chmod(target, 0o700)
    _fsync_dir(target.parent)
    return aside


def restore(backup: str | os.PathLike, target: str | os.PathLike,
            kek_for: Callable[[dict], bytes], *, replace: bool = False,
            progress: Progress = _quiet) -> Restored:
    """Restore `backup` into `target`: an empty (or new) folder at once; a non-empty one
    only with `replace` (it is kept aside). Nothing changes unless the whole file checks."""
    target = Path(target)
    if not is_empty(target) and not replace:
        raise BadInput(f"{target} is not empty; restoring would put it aside (confirm with "
                       "--yes). Nothing was changed.", file=str(target),
                       code="restore_not_empty", params={"folder": str(target)})
    staging, header = stage(backup, target, kek_for, progress=progress)
    try:
        aside = swap_in(staging, target)
    except BaseException:
        shutil.rmtree(staging, ignore_errors=True)
        raise
    progress(SCALE, SCALE)
    return Restored(target, aside, header, int(header.get("counts", {}).get("files", 0)))
