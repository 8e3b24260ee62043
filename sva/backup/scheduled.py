"""The daily local backup: a consistent copy of the database in the data folder's
`backups/`, made when the app starts and the newest one is older than a day; the newest
`keep` (7) are kept.

It is a copy of `sva.db` only, named `sva-v<schema>-auto-<UTC time>.db` like the copies a
migration makes, so the damaged-store messages (sva/store/damage.py) name it and
`sva restore` puts it back. Photos are not copied: their files are content-addressed and
never rewritten, and they sit on the same disk — against a lost disk only `sva backup` to
another medium helps. No key is asked for: the copy is made through the store's own
`_connect`, so it is exactly as protected as the database itself (a plain folder's copy is
plain, like the folder; an encrypted folder's copy is encrypted with the folder's key).
"""
from __future__ import annotations

import os
import tempfile
from datetime import UTC, datetime, timedelta
from pathlib import Path

from sva.owner_only import make_dir

KEEP = 7
EVERY = timedelta(days=1)
PREFIX = "auto"


def _stamp(moment: datetime) -> str:
    return moment.strftime("%Y%m%dT%H%M%S%fZ")        # as sva/store/migrations.py names them


def scheduled(folder: Path) -> list[Path]:
    """The scheduled backups of `folder`, oldest first."""
    found = [p for p in (Path(folder) / "backups").glob(f"sva-v*-{PREFIX}-*.db")
             if p.is_file()]
    return sorted(found, key=lambda p: p.name.rsplit("-", 1)[-1])


def taken_at(path: Path) -> datetime | None:
    try:
        return datetime.strptime(path.stem.rsplit("-", 1)[-1], "%Y%m%dT%H%M%S%fZ") \
            .replace(tzinfo=UTC)
    except ValueError:
        return None


def due(folder: Path, now: datetime | None = None) -> bool:
    now = now or datetime.now(UTC)
    made = [t for p in scheduled(folder) if (t := taken_at(p)) is not None]
    return not made or now - max(made) >= EVERY


def take(ws, keep: int = KEEP, now: datetime | None = None, progress=None) -> Path:
    """Copy `ws`'s database into `backups/` now and prune all but the newest `keep`."""
    from sva.backup.device import snapshot
    from sva.store.migrations import SCHEMA_VERSION
    folder = make_dir(Path(ws.folder) / "backups")
    now = now or datetime.now(UTC)
    target = folder / f"sva-v{SCHEMA_VERSION}-{PREFIX}-{_stamp(now)}.db"
    fd, name = tempfile.mkstemp(prefix=".partial-", suffix=".db", dir=folder)
    os.close(fd)
    partial = Path(name)
    try:
        partial.unlink()
        snapshot(ws, partial, progress)
        os.replace(partial, target)
    finally:
        partial.unlink(missing_ok=True)
    for old in scheduled(folder.parent)[:-max(keep, 1)]:
        old.unlink(missing_ok=True)
    return target


def take_if_due(ws, keep: int = KEEP, now: datetime | None = None) -> Path | None:
    return take(ws, keep, now) if due(ws.folder, now) else None
