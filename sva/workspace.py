"""The workspace facade: one data folder, its store, and the services grouped by area.

The store is opened by the workspace's store worker (sva.store.worker), a thread that owns
the only connection and runs every access to it, whichever thread asks. `ws.db` is that
connection on the worker and a proxy (sva.store.remote) anywhere else.

Operations: `ws.perform(text, fn, ...)` runs `fn` on the worker as one transaction and one
undo step, and returns its value with the `Changes` it made; `with ws.operation(text):`
makes everything a block writes (e.g. a photo import in a pool thread) one operation.
`ws.undo` undoes and redoes them (sva.domain.undo).

The store and the services are imported when a workspace opens, not with this module:
`import sva` (the CLI, the app's launcher) then costs nothing, and the desktop app can
paint its window before it pays for sqlite-utils and the domain modules.
"""
from __future__ import annotations

import os
from pathlib import Path
from typing import TYPE_CHECKING, Any, NamedTuple
from collections.abc import Callable

if TYPE_CHECKING:  # pragma: no cover
    from sva.domain.changes import Changes


def _uuid4() -> str:
    import uuid   # here, not at the top: it is a visible part of importing `sva`
    return str(uuid.uuid4())


class Done(NamedTuple):
    """What `ws.perform` returns: the function's value and what the operation changed (a
    named tuple: every edit of the app makes one)."""
    value: Any
    changes: Changes


class Workspace:
    """`Workspace(path)` opens (and migrates) the store; `ws.audits.record_answer(...)` etc.

    `clock` and `new_id` can be replaced so that demo data is deterministic. A new data
    folder is encrypted when this computer has a usable keyring (`encrypt=None`; False:
    plain, True: required); `ws.at_rest.take_recovery_key()` then gives its recovery key,
    once, to be shown to the user.
    """

    def __init__(self, folder: str | os.PathLike | None = None, *, actor: str | None = None,
                 clock: Callable[[], str] | None = None,
                 new_id: Callable[[], str] | None = None, encrypt: bool | None = None):
        from sva.domain.audits import Audits
        from sva.domain.base import utc_now
        from sva.domain.findings import Findings
        from sva.domain.operations import Journal, operation
        from sva.domain.queries import Queries
        from sva.domain.site_profile import SiteProfiles
        from sva.domain.suppliers import Suppliers
        from sva.domain.templates import Templates
        from sva.domain.undo import UndoStack
        from sva.paths import data_dir
        from sva.photos import Photos
        from sva.photos.writers import sweep as sweep_dead_writers
        from sva.store import open_db
        from sva.store.remote import RemoteDb
        from sva.store.worker import StoreWorker
        from sva.store.damage import said_clearly

        self.folder = data_dir(folder)
        folder_ = self.folder      # the worker's thread must not hold the workspace itself
        self.worker = StoreWorker(lambda: open_db(folder_, encrypt=encrypt))
        self._db = self.worker.store
        self.at_rest = self._db.at_rest
        self._remote = RemoteDb(self.worker, self._db)
        self.journal = Journal(self)
        self._operation = operation
        self._db.listener = self.journal
        self.undo = UndoStack(self)
        self.clock = clock or utc_now
        self.new_id = new_id or _uuid4
        try:
            with said_clearly(self.folder):     # e.g. a full disk: a clear error
                sweep_dead_writers(self.folder)     # .part files of killed imports
                self.device = self.worker.call(self._device_id)
        except BaseException:
            self.worker.close()
            raise
        self.actor = actor or os.environ.get("SVA_ACTOR") or "auditor"
        self.templates = Templates(self)
        self.suppliers = Suppliers(self)
        self.audits = Audits(self)
        self.findings = Findings(self)
        self.photos = Photos(self)
        self.queries = Queries(self)
        self.profiles = SiteProfiles(self)

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
    def db(self):
        """The store's database: the connection itself on the store worker, elsewhere a
        proxy whose every statement runs on the worker."""
        return self._db if self.worker.on_worker() else self._remote

    @property
    def encrypted(self) -> bool:
        return self.at_rest.encrypted

    @property
    def path(self) -> Path:
        return self.folder / "sva.db"

    # -- operations -------------------------------------------------------------------------
    def run(self, fn: Callable, /, *args, **kw):
        """Run `fn` on the store worker (store work only: everyone else waits meanwhile)."""
        return self.worker.call(fn, *args, **kw)

    def transaction(self, fn: Callable, /, *args, **kw):
        """Run `fn` on the store worker inside one write transaction. A service's operation
        is one already: it runs as it is (a savepoint inside another transaction would cost
        each autosave two statements, tests/bench/bench_answers.py)."""
        if getattr(fn, "one_transaction", False):
            return self.worker.call(fn, *args, **kw)

        def inside():
            with self._db.atomic():
                return fn(*args, **kw)
        return self.worker.call(inside)

    def operation(self, label: str | None = None, *, undoable: bool = True,
                  merge: object = None):
        """`with ws.operation("Import photos") as op:` — see sva.domain.operations."""
        return self._operation(label, undoable=undoable, merge=merge)

    def perform(self, label: str | None, fn: Callable, /, *args, merge: object = None,
                undoable: bool = True, **kw) -> Done:
        """`fn(*args, **kw)` as one operation: one transaction on the store worker and, with
        a label, one undo step (`merge`: see sva.domain.operations). Returns its value and
        the Changes it made. The app's edits come this way (ui/operations/hub.py)."""
        with self._operation(label, undoable=undoable, merge=merge) as op:
            value = self.transaction(fn, *args, **kw)
        return Done(value, op.changes)

    def close(self) -> None:
        self.worker.close()

    def __enter__(self) -> Workspace:
        return self

    def __exit__(self, *exc) -> None:
        self.close()
