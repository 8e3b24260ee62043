"""Error types of the core. The CLI maps BadInput to exit 2, everything else to 1."""
from __future__ import annotations


class SvaError(Exception):
    """Base of every error the core raises on purpose."""


class BadInput(SvaError):
    """Input the user can fix: names the file/field/row when known."""

    def __init__(self, message: str, *, file: str | None = None, field: str | None = None,
                 row: int | None = None):
        self.file, self.field, self.row = file, field, row
        where = ", ".join(
            part for part in (
                f"file {file}" if file else "",
                f"row {row}" if row is not None else "",
                f"field {field}" if field else "",
            ) if part
        )
        super().__init__(f"{where}: {message}" if where else message)


class NotFound(BadInput):
    """An id or code that names nothing in the store."""


class SchemaTooNew(SvaError):
    """The database was written by a newer SVA; we refuse to touch it."""


class StoreUnreadable(SvaError):
    """The database file is damaged or not an SVA database; we leave it as it is."""


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


class AuditLocked(BadInput):
    """A signed audit changed without an amendment reason."""
