"""Who is writing photo files into a data folder, and sweeping the temp files of the dead.

A `Staging` (blobs.py) writes each new file as `.NAME.TOKEN-RANDOM.part` next to its target
and renames it into place only when the database transaction that needs it commits. A
process killed in between (SIGKILL, power cut) leaves its `.part` files behind: 10 kills
during a 40-photo import once left 580 of them, 126 MiB.

How a sweep tells a dead writer's files from a live one's: every process that stages files
into a data folder holds an exclusive `flock` on its own lock file
`photos/.writers/TOKEN.lock` for as long as it has files staged there, and names its temp
files with that TOKEN. The kernel drops the lock when the process dies, however it dies. A
sweep takes the lock of each lock file it finds without waiting: if it gets it, the writer
is gone and its `.part` files go; if not, the writer is alive and its files stay. (A sweep
can take a lock between its writer creating the file and locking it; the writer checks,
once it holds the lock, that its lock file is still there, and starts over with a new token
if not, before it writes anything.) `.part` files with no token of a live writer (older SVA
versions, other tools) go only when older than `ORPHAN_AGE`.

Where `flock` does not exist (Windows), a lock is taken as dead only after `NO_FLOCK_AGE`.

At every workspace open the sweep costs one look into `photos/.writers` (usually absent); it
walks the photo folders (`photos/`, `derived/`, `outgoing/`, `cache/`) only when it found a dead
writer. `sva db check --repair` always walks them.
"""
from __future__ import annotations

import os
import threading
import time
import uuid
from dataclasses import dataclass, field
from pathlib import Path

try:
    import fcntl
except ImportError:  # pragma: no cover - Windows
    fcntl = None

LOCKS = Path("photos") / ".writers"
STORE_FOLDERS = ("photos", "derived", "outgoing", "cache")
ORPHAN_AGE = 600.0          # a .part with no live writer's token, older than this, is dead
NO_FLOCK_AGE = 24 * 3600.0  # without flock: a lock file this old is taken as dead


@dataclass
class Swept:
    """What a sweep found: removed files (and their bytes), files kept for live writers."""
    removed: list[Path] = field(default_factory=list)
    removed_bytes: int = 0
    kept: list[Path] = field(default_factory=list)          # a live writer's
    kept_recent: list[Path] = field(default_factory=list)   # no live token, but recent
    failed: list[tuple[Path, str]] = field(default_factory=list)   # could not be removed


class _Writer:
    def __init__(self, root: Path):
        self.root = root
        self.token = uuid.uuid4().hex[:12]
        self.users = 0
        self.fd: int | None = None
        self.path = root / LOCKS / f"{self.token}.lock"

    def lock(self) -> None:
        from sva.owner_only import make_dir
        for _ in range(10):
            self.token = uuid.uuid4().hex[:12]
            self.path = self.root / LOCKS / f"{self.token}.lock"
            make_dir(self.path.parent)
            try:
                fd = os.open(self.path, os.O_RDWR | os.O_CREAT | os.O_EXCL, 0o600)
            except FileNotFoundError:   # another process removed the empty folder meanwhile
                continue
            if fcntl is not None:
                fcntl.flock(fd, fcntl.LOCK_EX)
                try:
                    still_ours = os.path.samestat(os.fstat(fd), os.stat(self.path))
                except FileNotFoundError:
                    still_ours = False
                if not still_ours:      # a sweep took it for a dead writer's: start over
                    os.close(fd)
                    continue
            self.fd = fd                # empty: on a full disk it is still made
            return
        raise OSError(f"cannot take a writer lock in {self.path.parent}")  # pragma: no cover

    def unlock(self) -> None:
        # Removed while still locked: a sweep never takes a lock file that is going away
        # for a dead writer's.
        try:
            self.path.unlink(missing_ok=True)
        finally:
            if self.fd is not None:
                os.close(self.fd)
                self.fd = None
        try:
            self.path.parent.rmdir()            # only when no other writer has a lock there
        except OSError:
            pass


_writers: dict[Path, _Writer] = {}
_guard = threading.Lock()


def acquire(root: Path) -> str:
    """This process stages files into `root`: its token (its lock is held until `release`)."""
    root = Path(root).absolute()
    with _guard:
        writer = _writers.get(root)
        if writer is None:
            writer = _Writer(root)
            writer.lock()
            _writers[root] = writer
        writer.users += 1
        return writer.token


def release(root: Path) -> None:
    root = Path(root).absolute()
    with _guard:
        writer = _writers.get(root)
        if writer is None:
            return
        writer.users -= 1
        if writer.users <= 0:
            del _writers[root]
            writer.unlock()


def part_name(target: Path, token: str | None) -> str:
    """The temp name of `target`: `.NAME.TOKEN-RANDOM.part` (no token: `.NAME.RANDOM.part`)."""
    tail = uuid.uuid4().hex[:8]
    return f".{target.name}.{token}-{tail}.part" if token else f".{target.name}.{tail}.part"


def token_of(name: str) -> str | None:
    """The writer token in a temp file's name, None when it carries none."""
    if not name.endswith(".part"):
        return None
    stem = name[:-len(".part")]
    last = stem.rsplit(".", 1)[-1]
    return last.split("-", 1)[0] if "-" in last else None


def _locks(root: Path, now: float) -> tuple[set[str], list[tuple[Path, int | None]]]:
    """(tokens of live writers, [(lock file, our fd holding its lock)] of dead ones)."""
    live: set[str] = set()
    dead: list[tuple[Path, int | None]] = []
    try:
        entries = list(os.scandir(root / LOCKS))
    except (FileNotFoundError, NotADirectoryError):
        return live, dead
    for entry in entries:
        if not entry.name.endswith(".lock"):
            continue
        token = entry.name[:-len(".lock")]
        path = Path(entry.path)
        if fcntl is None:
            try:
                old = now - entry.stat().st_mtime > NO_FLOCK_AGE
            except FileNotFoundError:
                continue                    # released meanwhile
            (dead.append((path, None)) if old else live.add(token))
            continue
        try:
            fd = os.open(path, os.O_RDWR)
        except FileNotFoundError:
            continue
        except OSError:                     # e.g. a read-only folder: leave it all alone
            live.add(token)
            continue
        try:
            fcntl.flock(fd, fcntl.LOCK_EX | fcntl.LOCK_NB)
        except OSError:                     # held: the writer is alive
            os.close(fd)
            live.add(token)
            continue
        dead.append((path, fd))
    return live, dead


def _parts(root: Path):
    for folder in STORE_FOLDERS:
        top = root / folder
        try:
            subs = [e for e in os.scandir(top) if e.is_dir(follow_symlinks=False)
                    and not e.name.startswith(".")]
        except (FileNotFoundError, NotADirectoryError):
            continue
        for sub in subs:
            try:
                entries = list(os.scandir(sub.path))
            except OSError:
                continue
            for entry in entries:
                if entry.name.endswith(".part") and entry.is_file(follow_symlinks=False):
                    yield entry


def sweep(root: str | os.PathLike, *, walk: bool = False) -> Swept:
    """Remove the `.part` files that dead writers left in the photo folders of `root`.

    Without `walk` the folders are walked only when a dead writer's lock was found (the
    workspace open); with it (`sva db check --repair`) always, which also removes `.part`
    files without a live writer's token older than `ORPHAN_AGE`.
    """
    root = Path(root)
    now = time.time()
    live, dead = _locks(root, now)
    swept = Swept()
    try:
        if not (dead or walk):
            return swept
        dead_tokens = {path.name[:-len(".lock")] for path, _ in dead}
        for entry in _parts(root):
            token = token_of(entry.name)
            path = Path(entry.path)
            try:
                st = entry.stat(follow_symlinks=False)
            except FileNotFoundError:
                continue
            if token in live:
                swept.kept.append(path)
                continue
            if token not in dead_tokens and now - st.st_mtime < ORPHAN_AGE:
                swept.kept_recent.append(path)
                continue
            try:
                path.unlink()
            except FileNotFoundError:
                continue
            except OSError as exc:
                swept.failed.append((path, exc.strerror or str(exc)))
                continue
            swept.removed.append(path)
            swept.removed_bytes += st.st_size
        return swept
    finally:
        for path, fd in dead:
            try:
                path.unlink(missing_ok=True)    # still locked by us: nobody takes it meanwhile
            except OSError:
                pass
            if fd is not None:
                os.close(fd)
        if dead:
            try:
                (root / LOCKS).rmdir()
            except OSError:
                pass


def leftover_parts(root: str | os.PathLike) -> list[Path]:
    """Every `.part` file in the photo folders (for `sva db check`)."""
    return [Path(e.path) for e in _parts(Path(root))]
