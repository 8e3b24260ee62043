"""Error types of the core. The CLI maps BadInput to exit 2, everything else to 1."""
from __future__ import annotations


class SvaError(Exception):
    """Base of every error the core raises on purpose.

    `str(error)` is the English message (CLI, logs). An error the app shows may also carry a
    `code` and its `params` (plain values): the UI words the message in its own language
    from them (ui/core_messages.py) and falls back to the English text for any other error.
    """

    def __init__(self, *args, code: str | None = None, params: dict | None = None):
        super().__init__(*args)
        self.code = code
        self.params = dict(params or {})


class BadInput(SvaError):
    """Input the user can fix: names the file/field/row when known."""

    def __init__(self, message: str, *, file: str | None = None, field: str | None = None,
                 row: int | None = None, code: str | None = None, params: dict | None = None):
        self.file, self.field, self.row = file, field, row
        self.message = message
        where = ", ".join(
            part for part in (
                f"file {file}" if file else "",
                f"row {row}" if row is not None else "",
                f"field {field}" if field else "",
            ) if part
        )
        super().__init__(f"{where}: {message}" if where else message, code=code, params=params)


class NotFound(BadInput):
    """An id or code that names nothing in the store."""


class SchemaTooNew(SvaError):
    """The database was written by a newer SVA; we refuse to touch it."""


class StoreUnreadable(SvaError):
    """The database file is damaged or not an SVA database; we leave it as it is."""


class StoreBusy(SvaError):
    """Another program held the store's write lock for longer than the busy timeout (for
    example the `sva` command line importing into the data folder the app has open).
    Nothing of the operation was saved; trying again later works."""


class BrokenTransaction(SvaError):
    """A part of a write transaction failed and the code around it went on: the whole
    transaction was rolled back rather than committed with half of that part (a defect of
    the code, not of the data; nothing was saved)."""


class StoreClosed(SvaError):
    """The workspace was closed; its store takes no more calls."""


class StoreDamaged(StoreUnreadable):
    """The database failed its integrity check (or SQLite found it malformed): no command
    writes into it. The message names the newest backup only when one exists."""


class StoreMissing(StoreUnreadable):
    """`sva.db` is missing or empty in a data folder that holds photos, backups or other
    signs of earlier use: a new, empty database is never started over it."""


class StoreNotWritable(SvaError):
    """The data folder (or its database) cannot be written: a read-only disk or folder."""


class StoreLocked(SvaError):
    """The data folder is encrypted and this computer's keyring holds no key for it (a new
    laptop, a reset keyring): the recovery key (`sva db unlock`) or a backup opens it. Nothing
    was created or changed."""


class WrongKey(BadInput):
    """A key that does not open this data folder (a mistyped recovery key, a keyring entry
    of another folder): refused, nothing changed."""


class DiskFull(SvaError):
    """The disk holding the data folder is full; what was being saved was not saved."""


class IllegalTransition(BadInput):
    """A status move that the transition table does not allow."""

    def __init__(self, entity: str, old: str, new: str):
        self.old, self.new = old, new
        super().__init__(f"{entity} cannot move from '{old}' to '{new}'", field="status")


class IncompleteAudit(BadInput):
    """Completing an audit while something the visit must record is missing: unanswered
    required items, nonconformities with neither a finding nor a stated reason, required
    photos. `problems` are `sva.domain.completion.Problem`s; `missing` the unanswered ids."""

    def __init__(self, audit_id: str, problems: list):
        self.problems = list(problems)
        self.missing = [p.item_id for p in self.problems if p.kind == "unanswered"]
        super().__init__(f"audit {audit_id} cannot be completed yet: "
                         + "; ".join(p.describe() for p in self.problems))


class VisitNotStarted(BadInput):
    """An answer, note or finding on a planned audit: the visit must be started first
    (explicitly, with its date), never as a side effect of the first keystroke."""

    def __init__(self, audit_id: str):
        super().__init__(f"the visit of audit {audit_id} has not been started; start it "
                         "(with its visit date) before recording answers, notes or findings",
                         field="status")


class BadNumber(BadInput):
    """A number answer the item's rules refuse. `problem` says which rule, so the UI can say
    it in its own words: not_a_number | not_whole | below_min | above_max (the last one can
    be overridden by the auditor's explicit confirmation). `confirmable`: the auditor may
    keep the value by confirming it (the item's `outside` rule)."""

    def __init__(self, message: str, *, problem: str, value: str, limit=None,
                 confirmable: bool = False):
        self.problem, self.value, self.limit = problem, value, limit
        self.confirmable = confirmable
        super().__init__(message, field="result")


class AuditLocked(BadInput):
    """A signed audit changed without an amendment reason."""


class SnapshotAltered(SvaError):
    """A stored snapshot (the figures of a closed fiscal year at HQ) no longer matches the
    content hash taken when it was made: it was changed outside SVA."""
