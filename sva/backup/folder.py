"""A data folder in one encrypted backup file, and back: what device and HQ backups share.

Writing: a consistent copy of the database (made by the caller, e.g. with SQLite's backup
API) and the folder's files are streamed into the container (sva/backup/container.py) as a
hidden temp file beside the output, renamed into place at the end: a cancelled or failed
backup leaves no partial file.

Restoring: the whole file is decrypted and authenticated into a staging folder beside the
target, and the restored database checked, before anything of the target is touched. A
non-empty target is then moved aside (`<name>.before-restore-<UTC time>`) and the staging
folder renamed into its place.
"""
from __future__ import annotations

import os
import shutil
import tarfile
import tempfile
from collections.abc import Callable, Iterable
from dataclasses import dataclass
from datetime import UTC, datetime
from pathlib import Path

from sva import __version__
from sva.backup import archive, container
from sva.backup.container import BackupRefused
from sva.errors import BadInput, SchemaTooNew
from sva.owner_only import make_dir

SCALE = 1000                        # progress is reported as (permille, 1000)
COPY_SHARE = 100                    # the database copy's share of a backup's progress
Progress = Callable[[int, int], None]
KekFor = Callable[[dict], bytes]


def quiet(done: int, total: int) -> None:
    return None


def utc_stamp() -> str:
    return datetime.now(UTC).strftime("%Y%m%dT%H%M%SZ")


@dataclass
class Made:
    path: Path
    header: dict
    size: int


def refuse_existing(out: Path, overwrite: bool) -> None:
    if out.exists() and not overwrite:
        raise BadInput(f"{out} exists already; choose another name (nothing was written)",
                       file=str(out), code="backup_exists", params={"file": str(out)})
    if not out.parent.is_dir():
        raise BadInput(f"the folder {out.parent} does not exist", file=str(out))


def write_backup(out: Path, header: dict, db_name: str, db_copy: Path,
                 files: Iterable[tuple[str, Path]], kek_for: KekFor,
                 progress: Progress = quiet) -> Made:
    """Stream `db_copy` (as `db_name`) and `files` into the encrypted file `out`."""
    files = list(files)
    file_bytes = sum(_size(p) for _, p in files)
    db_bytes = db_copy.stat().st_size
    header = {**header, "created": datetime.now(UTC).isoformat(timespec="seconds"),
              "sva_version": __version__,
              "counts": {**header.get("counts", {}), "files": len(files),
                         "bytes": file_bytes + db_bytes},
              "wrapping": "passphrase", "kdf": container.new_kdf()}
    kek = kek_for(header)
    total, done = max(file_bytes + db_bytes, 1), 0

    def moved(n: int) -> None:
        nonlocal done
        done += n
        progress(COPY_SHARE + done * (SCALE - COPY_SHARE) // total, SCALE)

    fd, partial_name = tempfile.mkstemp(prefix=f".{out.name}.", suffix=".partial",
                                        dir=out.parent)
    partial = Path(partial_name)
    try:
        with os.fdopen(fd, "wb") as fh:
            writer = container.Writer(fh, header, kek)
            with tarfile.open(fileobj=writer, mode="w|", format=tarfile.PAX_FORMAT,
                              bufsize=archive.BLOCK) as tar:
                archive.add_file(tar, db_name, db_copy, moved)
                for name, path in files:
                    archive.add_file(tar, name, path, moved)
            writer.close()
            fh.flush()
            os.fsync(fh.fileno())
        os.replace(partial, out)
        fsync_dir(out.parent)
    finally:
        partial.unlink(missing_ok=True)
    progress(SCALE, SCALE)
    return Made(out, header, out.stat().st_size)


def _size(path: Path) -> int:
    try:
        return path.stat().st_size
    except FileNotFoundError:
        return 0


def fsync_dir(folder: Path) -> None:
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
class Layout:
    """What one kind of folder's backup holds and how its restored database is checked."""
    kind: str                       # header "kind"
    what: str                       # for messages: "an SVA device folder"
    db_name: str
    allowed: set[str]               # top-level names a restore writes
    schema_version: int             # the newest this program reads
    check: Callable[[Path], str | None]     # a problem of the restored database, or None


@dataclass
class Restored:
    folder: Path
    aside: Path | None
    header: dict
    files: int


def stage(backup: Path, target: Path, kek_for: KekFor, layout: Layout, *,
          progress: Progress = quiet) -> tuple[Path, dict]:
    """Decrypt, authenticate and unpack `backup` into a new staging folder beside `target`,
    and check the database in it; returns (staging folder, header). On any failure the
    staging folder is removed and `target` was never touched."""
    name = str(backup)
    try:
        fh = open(backup, "rb")
    except FileNotFoundError:
        raise BadInput(f"{backup} does not exist", file=name) from None
    with fh:
        total = max(os.fstat(fh.fileno()).st_size, 1)
        opened = container.open_reader(fh, name, kek_for)
        header = opened.header
        if header.get("kind") != layout.kind:
            raise BackupRefused(f"this is a backup of a {header.get('kind')!r} folder, not of "
                                f"{layout.what}", file=name, code="backup_wrong_kind",
                                params={"file": name})
        if int(header.get("schema_version", 0)) > layout.schema_version:
            raise SchemaTooNew(f"{backup} holds schema version {header['schema_version']}, "
                               f"this SVA knows up to {layout.schema_version}; install a "
                               "newer SVA. Nothing was restored.")
        make_dir(target.parent)
        staging = Path(tempfile.mkdtemp(prefix=f".{target.name}.restoring-",
                                        dir=target.parent))
        try:
            with tarfile.open(fileobj=opened.reader, mode="r|", bufsize=archive.BLOCK) as tar:
                written = archive.extract(
                    tar, staging, layout.allowed, name,
                    lambda n: progress(min(fh.tell() * (SCALE - 50) // total, SCALE - 50),
                                       SCALE))
            opened.reader.drain()         # the end is there and authenticated
            expected = int(header.get("counts", {}).get("files", -1)) + 1
            if layout.db_name not in written or len(written) != expected:
                raise BackupRefused(f"the backup holds {len(written)} file(s) where its "
                                    f"header promises {expected}", file=name,
                                    code="backup_damaged", params={"file": name})
            problem = layout.check(staging / layout.db_name)
            if problem:
                raise BackupRefused(f"the database in the backup fails its check ({problem})",
                                    file=name, code="backup_damaged", params={"file": name})
        except BaseException:
            shutil.rmtree(staging, ignore_errors=True)
            raise
    progress(SCALE - 50, SCALE)
    return staging, header


def is_empty(folder: Path) -> bool:
    return not folder.exists() or (folder.is_dir() and not any(folder.iterdir()))


def swap_in(staging: Path, target: Path) -> Path | None:
    """Put the staged folder in `target`'s place; a non-empty target is renamed aside first
    (returned). Both are renames on one disk; if the second fails, the first is undone."""
    aside = None
    if target.exists() and not is_empty(target):
        stamp = utc_stamp()
        aside = target.with_name(f"{target.name}.before-restore-{stamp}")
        n = 1
        while aside.exists():
            n += 1
            aside = target.with_name(f"{target.name}.before-restore-{stamp}-{n}")
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
    fsync_dir(target.parent)
    return aside


def restore(backup: str | os.PathLike, target: str | os.PathLike, kek_for: KekFor,
            layout: Layout, *, replace: bool = False, progress: Progress = quiet) -> Restored:
    """Restore `backup` into `target`: an empty (or new) folder at once; a non-empty one
    only with `replace` (it is kept aside). Nothing changes unless the whole file checks."""
    backup, target = Path(backup), Path(target)
    if not is_empty(target) and not replace:
        raise BadInput(f"{target} is not empty; restoring would put it aside (confirm with "
                       "--yes). Nothing was changed.", file=str(target),
                       code="restore_not_empty", params={"folder": str(target)})
    staging, header = stage(backup, target, kek_for, layout, progress=progress)
    try:
        aside = swap_in(staging, target)
    except BaseException:
        shutil.rmtree(staging, ignore_errors=True)
        raise
    progress(SCALE, SCALE)
    return Restored(target, aside, header, int(header.get("counts", {}).get("files", 0)))
