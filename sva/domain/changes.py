"""What an operation changed: kinds of data, and which audits, items, findings and photos.

Every mutation of the core returns (or, through `ws.perform`, reports) one `Changes`. The
app broadcasts it once, and each open view refreshes what concerns it: the editor of an
audit in `audit_ids`, the photo strip when `photos`, the sync status when anything an audit
holds changed or `sync`. Two change sets merge with `a | b`.

The flags are worked out from the rows an operation wrote (`of_row`), so no mutation can
forget to report what it did.
"""
from __future__ import annotations

from dataclasses import dataclass
from functools import lru_cache

FLAGS = ("audit", "answers", "findings", "photos", "photo_marks", "signatures", "sync",
         "master")
IDS = ("audit_ids", "item_ids", "finding_ids", "photo_ids")
# Which flag a written row of each table sets.
TABLE_FLAGS = {"audits": "audit", "answers": "answers", "findings": "findings",
               "photos": "photos", "signatures": "signatures", "suppliers": "master",
               "sites": "master", "checklist_templates": "master"}


@dataclass(frozen=True)
class Changes:
    audit: bool = False          # an audit's status, dates or header
    answers: bool = False        # answers, notes, reasons why no finding is needed
    findings: bool = False
    photos: bool = False         # photos added, deleted, linked, captioned, reordered, marked
    photo_marks: bool = False    # annotations or redactions: thumbnails are drawn anew
    signatures: bool = False
    sync: bool = False           # enrolment, the last sync, conflicts, what waits for HQ
    master: bool = False         # suppliers, sites, checklists
    audit_ids: tuple[str, ...] = ()
    item_ids: tuple[str, ...] = ()
    finding_ids: tuple[str, ...] = ()
    photo_ids: tuple[str, ...] = ()

    def __or__(self, other: Changes) -> Changes:
        if other is NOTHING or other is self:
            return self
        if self is NOTHING and isinstance(other, Changes):
            return other
        if not isinstance(other, Changes):
            return NotImplemented
        return Changes.union((self, other))

    @classmethod
    def union(cls, parts) -> Changes:
        """All of `parts` in one (ids in the order first seen)."""
        parts = [part for part in parts if part is not NOTHING]
        if len(parts) < 2:      # the usual case (one write, or one side empty): no new object
            return parts[0] if parts else NOTHING
        flags = dict.fromkeys(FLAGS, False)
        ids: dict[str, dict] = {name: {} for name in IDS}
        for part in parts:
            for flag in FLAGS:
                if getattr(part, flag):
                    flags[flag] = True
            for name in IDS:
                ids[name].update(dict.fromkeys(getattr(part, name)))
        return cls(**flags, **{name: tuple(found) for name, found in ids.items()})

    def __bool__(self) -> bool:
        return any(getattr(self, flag) for flag in FLAGS)

    def concerns(self, audit_id: str) -> bool:
        """Whether a view of this audit has something to refresh (master data is shown in
        every audit's header)."""
        return self.master or (bool(self) and audit_id in self.audit_ids)

    @property
    def audit_data(self) -> bool:
        """Anything an audit holds changed (what waits for HQ may have changed with it)."""
        return (self.audit or self.answers or self.findings or self.photos
                or self.signatures)


NOTHING = Changes()


def of_row(table: str, before: dict | None, written: dict, row: dict | None = None) -> Changes:
    """What writing `written` over the row `before` (None: a new row) changed. `row`: the
    row as written ({**before, **written}), when the caller has it."""
    flag = TABLE_FLAGS.get(table)
    if flag is None:
        return NOTHING
    if row is None:
        row = {**(before or {}), **written}
    audit_ids = ((row["id"],) if table == "audits" else
                 (row["audit_id"],) if row.get("audit_id") else ())
    items = ()
    if table in ("answers", "findings", "photos"):
        items = tuple(dict.fromkeys(i for i in ((before or {}).get("item_id"),
                                                row.get("item_id")) if i))
    return _changes(flag, audit_ids, items,
                    (row["id"],) if table == "findings" else (),
                    (row["id"],) if table == "photos" else (),
                    table == "photos" and before is not None and "annotations" in written)


@lru_cache(maxsize=512)
def _changes(flag: str, audit_ids: tuple, item_ids: tuple, finding_ids: tuple,
             photo_ids: tuple, photo_marks: bool) -> Changes:
    """One Changes for each set of values (they are frozen: an autosave of the same item
    again gets the one made before, instead of building a new one)."""
    values = {flag: True, "audit_ids": audit_ids, "item_ids": item_ids,
              "finding_ids": finding_ids, "photo_ids": photo_ids, "photo_marks": photo_marks}
    if flag == "signatures":
        values["audit"] = True
    return Changes(**values)
