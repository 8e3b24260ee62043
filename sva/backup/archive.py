"""What a backup's content is: a tar stream of named files, written and read one file at a
time (inside the encrypted container, so memory stays flat).

Reading is strict: only regular files, relative names under the top-level entries the
caller allows, no `..`, no links or devices; every file is created owner-only. A hostile or
damaged archive fails with a clear message before a byte lands outside the staging folder.
"""
from __future__ import annotations

import os
import tarfile
from collections.abc import Callable, Iterable, Iterator
from pathlib import Path, PurePosixPath

from sva.backup.container import BackupRefused
from sva.owner_only import make_dir, open_private

BLOCK = 1024 * 1024


def store_files(top: Path, folders: Iterable[str]) -> Iterator[tuple[str, Path]]:
    """(name in the backup, path) of every file under `top/<folder>` kept in a backup:
    temp files (`*.part`) and hidden entries (locks of running imports) are left out."""
    for folder in folders:
        base = top / folder
        for here, dirs, files in os.walk(base):
            dirs[:] = sorted(d for d in dirs if not d.startswith("."))
            for name in sorted(files):
                if name.startswith(".") or name.endswith(".part"):
                    continue
                path = Path(here) / name
                yield path.relative_to(top).as_posix(), path


def add_file(tar: tarfile.TarFile, name: str, path: Path,
             progress: Callable[[int], None]) -> int:
    """Add one file under `name`; returns its size. A file that vanished meanwhile is left
    out (0): a photo deleted after the database copy was taken is not in that copy."""
    try:
        fh = open(path, "rb")
    except FileNotFoundError:
        return 0
    with fh:
        st = os.fstat(fh.fileno())
        info = tarfile.TarInfo(name)
        info.size, info.mtime, info.mode = st.st_size, int(st.st_mtime), 0o600
        tar.addfile(info, _Counting(fh, progress))
    return st.st_size


class _Counting:
    def __init__(self, fh, progress):
        self.fh, self.progress = fh, progress

    def read(self, size: int = -1) -> bytes:
        data = self.fh.read(size)
        self.progress(len(data))
        return data


def extract(tar: tarfile.TarFile, into: Path, allowed: set[str], name: str,
            progress: Callable[[int], None]) -> list[str]:
    """Write every member of the streamed `tar` under `into`; returns the names written."""
    written = []
    for member in tar:
        target = _safe_target(member, into, allowed, name)
        make_dir(target.parent)
        source = tar.extractfile(member)
        with open_private(target) as out:
            while block := source.read(BLOCK):
                out.write(block)
                progress(len(block))
            out.flush()
            os.fsync(out.fileno())
        if target.stat().st_size != member.size:
            raise BackupRefused(f"{member.name} is incomplete in the backup",
                                file=name, code="backup_damaged", params={"file": name})
        os.utime(target, (member.mtime, member.mtime))
        written.append(member.name)
    return written


def _safe_target(member: tarfile.TarInfo, into: Path, allowed: set[str], name: str) -> Path:
    path = PurePosixPath(member.name)
    if (not member.isreg() or path.is_absolute() or ".." in path.parts or not path.parts
            or path.parts[0] not in allowed):
        raise BackupRefused(f"the backup holds an entry SVA does not restore: {member.name!r}",
                            file=name, code="backup_damaged", params={"file": name})
    return into.joinpath(*path.parts)
