"""Create demo data in a folder, in the background, with progress and cancel.

Builds into '<folder>.partial' and renames it at the end, so a cancelled or failed build
leaves nothing half-made behind.
"""
from __future__ import annotations

import shutil
from pathlib import Path

from sva.demo import build_demo
from sva.errors import BadInput
from ui.operations.tasks import Task


def demo_task(folder: str | Path, *, seed: int = 1) -> Task:
    target = Path(folder)
    partial = target.with_name(target.name + ".partial")

    def work(progress):
        if target.exists() and any(target.iterdir()):
            raise BadInput(f"{target} is not empty", code="folder_not_empty",
                           params={"path": str(target)})
        shutil.rmtree(partial, ignore_errors=True)
        try:
            counts = build_demo(partial, seed=seed, progress=progress)
        except BaseException:
            shutil.rmtree(partial, ignore_errors=True)
            raise
        if target.exists():
            target.rmdir()
        partial.rename(target)
        return {**counts, "folder": str(target)}

    return Task(work)
