"""The workspace facade: one data folder, its store, and the services grouped by area.

The store and the services are imported when a workspace opens, not with this module:
`import sva` (the CLI, the app's launcher) then costs nothing, and the desktop app can
paint its window before it pays for sqlite-utils and the domain modules.
"""
from __future__ import annotations

import os
from pathlib import Path
from collections.abc import Callable


def _uuid4() -> str:
    import uuid   # here, not at the top: it is a visible part of importing `sva`
    return str(uuid.uuid4())


class Workspace:
    """`Workspace(path)` opens (and migrates) the store; `ws.audits.record_answer(...)` etc.

    `clock` and `new_id` can be replaced so that demo data is deterministic.
    """

    def __init__(self, folder: str | os.PathLike | None = None, *, actor: str | None = None,
                 clock: Callable[[], str] | None = None,
                 new_id: Callable[[], str] | None = None):
        from sva.domain.audits import Audits
        from sva.domain.base import utc_now
        from sva.domain.findings import Findings
        from sva.domain.queries import Queries
        from sva.domain.suppliers import Suppliers
        from sva.domain.templates import Templates
        from sva.paths import data_dir
        from sva.photos import Photos
        from sva.photos.writers import sweep as sweep_dead_writers
        from sva.store import open_db
        from sva.store.damage import said_clearly

        self.folder = data_dir(folder)
        self.db = open_db(self.folder)
        self.clock = clock or utc_now
        self.new_id = new_id or _uuid4
        try:
            with said_clearly(self.folder):     # e.g. a full disk: a clear error
                sweep_dead_writers(self.folder)     # .part files of killed imports
                self.device = self._device_id()
        except BaseException:
            self.db.close()
            raise
        self.actor = actor or os.environ.get("SVA_ACTOR") or "auditor"
        self.templates = Templates(self)
        self.suppliers = Suppliers(self)
        self.audits = Audits(self)
        self.findings = Findings(self)
        self.photos = Photos(self)
        self.queries = Queries(self)

    def _device_id(self) -> str:
        row = list(self.db.query("SELECT value FROM local_meta WHERE key = 'device_id'"))
        if row:
            return row[0]["value"]
        device = self.new_id()
        with self.db.atomic():
            self.db.execute("INSERT OR IGNORE INTO local_meta (key, value) VALUES ('device_id', ?)",
                            [device])
        row = list(self.db.query("SELECT value FROM local_meta WHERE key = 'device_id'"))
        return row[0]["value"]

    @property
    def path(self) -> Path:
        return self.folder / "sva.db"

    def close(self) -> None:
        self.db.close()

    def __enter__(self) -> Workspace:
        return self

    def __exit__(self, *exc) -> None:
        self.close()
