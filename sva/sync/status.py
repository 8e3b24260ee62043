"""What the app shows about sync without touching the network or the keyring: enrolment,
how many audits wait for HQ, the last sync, open conflicts.

"Pending" means what `push.audits_to_push` lists: signed audits, plus synced audits whose
CAP fields changed here since HQ agreed. `pending_ids` answers it in SQL (on 2,000 audits,
1,165 of them synced with 13,000 agreed finding values: ~11 ms, where `audits_to_push`
takes ~80 ms reading every finding one by one); `is_pending` answers it for one audit in
well under a millisecond, so `PendingAudits` keeps the set current after an edit without
reading the whole store again.
"""
from __future__ import annotations

from dataclasses import dataclass, field

from sva.sync import state
from sva.sync.conflicts import COMPARED

# `sync_finding_base.value` is compared with the finding's own column of the same name.
_FIELD_VALUE = "CASE b.field " + " ".join(f"WHEN '{f}' THEN f.{f}" for f in COMPARED) + " END"

_DIRTY_SYNCED = f"""
    SELECT DISTINCT a.id FROM audits a
    JOIN findings f ON f.audit_id = a.id AND f.deleted = 0
    JOIN sync_finding_base b ON b.finding_id = f.id
    WHERE a.status = 'synced' AND a.deleted = 0
      AND b.field IN ({", ".join(f"'{f}'" for f in COMPARED)})
      AND b.value IS NOT ({_FIELD_VALUE})
"""


@dataclass(frozen=True)
class SyncStatus:
    enrolled: bool
    url: str = ""
    user_name: str = ""
    role: str = ""
    enrolled_at: str | None = None
    last_sync_at: str | None = None     # UTC ISO 8601, None: never
    last_error: str | None = None       # the last sync failed with this message
    last_error_code: str | None = None  # … and this code and params (sva/errors.py)
    last_error_params: dict = field(default_factory=dict)
    pending: int = 0                    # audits waiting for HQ
    conflicts: int = 0                  # open conflicts


def pending_count(db) -> int:
    """How many audits the next sync pushes."""
    return len(pending_ids(db))


def is_pending(db, audit_id: str) -> bool:
    """Whether the next sync pushes this one audit."""
    rows = db.execute("SELECT status, deleted FROM audits WHERE id = ?", [audit_id]).fetchall()
    if not rows or rows[0][1]:
        return False
    if rows[0][0] == "signed":
        return True
    if rows[0][0] != "synced":
        return False
    return db.execute(f"SELECT EXISTS ({_DIRTY_SYNCED} AND a.id = ?)", [audit_id]).fetchone()[0]


class PendingAudits:
    """The pending audits, read once in full and then kept current audit by audit."""

    def __init__(self):
        self.ids: set[str] | None = None       # None: not read yet

    def reload(self, db) -> int:
        self.ids = set(pending_ids(db))
        return len(self.ids)

    def update(self, db, audit_id: str | None) -> int:
        """After a change to one audit (None: unknown, read everything again)."""
        if self.ids is None or audit_id is None:
            return self.reload(db)
        if is_pending(db, audit_id):
            self.ids.add(audit_id)
        else:
            self.ids.discard(audit_id)
        return len(self.ids)

    def __len__(self) -> int:
        return len(self.ids or ())


def pending_ids(db) -> list[str]:
    """The audits the next sync pushes, in its order (signed first, by signing time)."""
    signed = [r[0] for r in db.execute(
        "SELECT id FROM audits WHERE status = 'signed' AND deleted = 0 ORDER BY signed_at, id")]
    dirty = {r[0] for r in db.execute(_DIRTY_SYNCED)}
    return signed + [r[0] for r in db.execute(
        "SELECT id FROM audits WHERE status = 'synced' AND deleted = 0")
        if r[0] in dirty]


def open_conflict_count(db) -> int:
    return db.execute(
        "SELECT COUNT(*) FROM sync_conflicts WHERE resolved_at IS NULL").fetchone()[0]


def sync_status(db, pending: int | None = None) -> SyncStatus:
    """`pending`: the count if the caller keeps it current (see PendingAudits)."""
    pending = pending_count(db) if pending is None else pending
    server = state.server(db)
    if server is None:
        return SyncStatus(enrolled=False, pending=pending)
    error, code, params = state.last_error(server["last_error"])
    return SyncStatus(enrolled=True, url=server["url"], user_name=server["user_name"],
                      role=server["role"], enrolled_at=server["enrolled_at"],
                      last_sync_at=server["last_sync_at"], last_error=error,
                      last_error_code=code, last_error_params=params,
                      pending=pending, conflicts=open_conflict_count(db))


@dataclass(frozen=True)
class Upload:
    """One audit of the next push and the photo bytes it may send (for progress)."""
    audit_id: str
    supplier_code: str
    planned_date: str
    photos: tuple[tuple[str, int], ...]     # (sha256, size) of its live photos
    supplier_name_en: str = ""
    supplier_name_ja: str = ""

    @property
    def total(self) -> int:
        return sum(size for _, size in self.photos)


def upload_plan(ws) -> list[Upload]:
    """The pending audits with the sizes of what their photos send (the redacted renderings,
    sva.sync.outgoing, made here once and reused by the push); HQ may already hold some of
    them, so the byte total is an upper bound of what goes on the wire."""
    from sva.sync import outgoing
    originals = bool(state.policy(ws.db).get("photo_originals"))
    plan = []
    for audit_id in pending_ids(ws.db):
        info = ws.queries.audit(audit_id)
        photos = {}
        for sha, out in outgoing.entries_of(ws, audit_id, originals=originals).items():
            photos[sha] = out.size if out.path.exists() else 0
        plan.append(Upload(audit_id, info["supplier_code"], info["planned_date"],
                           tuple(photos.items()), info["supplier_name_en"] or "",
                           info["supplier_name_ja"] or ""))
    return plan
