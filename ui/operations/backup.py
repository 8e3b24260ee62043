"""Backup and restore from the app, off the UI thread with progress and cancel.

* `backup_task`: the whole backup (the database copy runs on the store worker, the file
  writing in the pool thread); cancelling leaves no partial file.
* `stage_task`: decrypts and checks a backup into a staging folder beside the data folder,
  touching nothing; the window then closes its workspace and swaps the folders
  (`finish_restore`), which takes two renames.
* `daily_backup_task`: the scheduled copy in `backups/` at start, when due.
"""
from __future__ import annotations

import shutil
from pathlib import Path

from PySide6.QtCore import QThreadPool

from sva.backup import container, device, scheduled
from ui.operations.tasks import Task

_pool: QThreadPool | None = None


def backup_pool() -> QThreadPool:
    """Backups run in a pool of their own: a backup of minutes neither waits behind photo
    imports and reports in the global pool nor holds one of its threads meanwhile."""
    global _pool
    if _pool is None:
        _pool = QThreadPool()
        _pool.setMaxThreadCount(2)
    return _pool


def backup_task(ws, out: str | Path, passphrase: str, *, overwrite: bool = False) -> Task:
    def work(progress):
        made = device.create_backup(ws, out,
                                    lambda header: container.passphrase_kek(passphrase, header),
                                    progress=progress, overwrite=overwrite)
        return {"path": str(made.path), "size": made.size, **made.header["counts"]}
    return Task(work)


def stage_task(backup: str | Path, target: str | Path, passphrase: str) -> Task:
    def work(progress):
        staging, header = device.stage(
            backup, target, lambda h: container.passphrase_kek(passphrase, h),
            progress=progress)
        return {"staging": str(staging), "created": header.get("created", ""),
                **header.get("counts", {})}
    return Task(work)


def discard_staging(staging: str | Path) -> None:
    shutil.rmtree(staging, ignore_errors=True)


def finish_restore(staging: str | Path, target: str | Path) -> Path | None:
    """Swap the checked staging folder into `target` (its workspace must be closed);
    returns where the old folder was put, if it held anything."""
    return device.swap_in(Path(staging), Path(target))


def daily_backup_task(ws, keep: int) -> Task:
    def work(progress):
        made = scheduled.take_if_due(ws, keep)
        return str(made) if made is not None else ""
    return Task(work)


def describe(path: str | Path) -> dict:
    """The plain header of a backup file (what it holds, when it was made)."""
    return container.describe_or_refuse(path)
