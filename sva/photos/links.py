"""Which finding and which checklist item a photo is evidence for.

A photo belongs to one audit and may be linked to one finding of that audit and to one item
of the audit's checklist. Any photo of the audit can be linked to any finding of the same
audit, or unlinked; a photo or finding of another audit is refused. Each change is one
transaction with one audit-log row per photo it changes ("link" / "unlink" / "set_item").
"""
from __future__ import annotations

from sva.domain.base import Changes, Service, operation
from sva.errors import BadInput

LINKS = ("finding_id", "item_id")


def link_state(row: dict) -> dict:
    """What undo needs to put a photo's links back: its finding, item and deleted flag."""
    return {"finding_id": row["finding_id"], "item_id": row["item_id"],
            "deleted": int(row["deleted"])}


class PhotoLinks(Service):
    """Mixed into the photo service (`ws.photos`)."""

    def _check_links(self, audit: dict, finding_id: str | None, item_id: str | None) -> None:
        if finding_id is not None:
            finding = self.get("findings", finding_id, label="finding")
            if finding["audit_id"] != audit["id"]:
                raise BadInput(f"finding {finding_id} belongs to another audit",
                               field="finding_id")
        if item_id is not None:
            self.ws.audits._item(audit, item_id)

    @operation
    def link_finding(self, photo_id: str, finding_id: str, *,
                     reason: str | None = None) -> Changes:
        """Make the photo evidence for `finding_id` (a finding of the photo's audit)."""
        return self.relink({photo_id: {"finding_id": finding_id}}, reason=reason)

    @operation
    def unlink_finding(self, photo_id: str, *, reason: str | None = None) -> Changes:
        """The photo is no longer evidence for a finding; it stays in the audit and on its
        item."""
        return self.relink({photo_id: {"finding_id": None}}, reason=reason)

    @operation
    def set_item(self, photo_id: str, item_id: str | None, *,
                 reason: str | None = None) -> Changes:
        return self.relink({photo_id: {"item_id": item_id}}, reason=reason)

    @operation
    def relink(self, links: dict[str, dict], *, reason: str | None = None) -> Changes:
        """Set the finding and/or item of photos of one audit: `{photo_id: {"finding_id":
        F or None, "item_id": I or None}}` (a key left out is kept).

        All or nothing, in one transaction, with one audit-log row per photo that changes.
        Every photo must be a live photo of the same audit, every finding a live finding of
        that audit, every item an item of its checklist (BadInput / NotFound otherwise).
        """
        if not links:
            raise BadInput("no photo to link", field="photo_ids")
        rows = {photo_id: self.photo(photo_id) for photo_id in links}
        audit_ids = {row["audit_id"] for row in rows.values()}
        if len(audit_ids) != 1:
            raise BadInput("the photos belong to different audits", field="photo_ids")
        audit = self.ws.audits.audit(audit_ids.pop())
        for _photo_id, wanted in links.items():
            unknown = set(wanted) - set(LINKS)
            if unknown:
                raise BadInput(f"a photo link is one of {', '.join(LINKS)}, not "
                               f"{', '.join(sorted(unknown))}", field="links")
            self._check_links(audit, wanted.get("finding_id"), wanted.get("item_id"))
        for photo_id, wanted in links.items():
            row = rows[photo_id]
            fields = {k: v for k, v in wanted.items() if row[k] != v}
            if fields:
                self._set(row, fields, _action(fields), reason)

    def _reuse(self, audit: dict, row: dict, finding_id: str | None, item_id: str | None,
               reason: str | None) -> tuple[dict, dict]:
        """The photo the added bytes already are takes the links they were added with.

        From a finding (finding_id given) the photo moves to that finding and keeps its item,
        taking the finding's item only when it had none. From an item, it moves to that item
        and keeps its finding. A deleted photo comes back with exactly the requested links,
        as if it were new. Returns (before, after) link states; one log row if it changed.
        """
        before = link_state(row)
        if row["deleted"]:
            fields = {"deleted": 0, "finding_id": finding_id, "item_id": item_id}
        elif finding_id is not None:
            fields = {"finding_id": finding_id, "item_id": row["item_id"] or item_id}
        elif item_id is not None:
            fields = {"item_id": item_id}
        else:
            fields = {}
        after = {**before, **fields}
        fields = {k: v for k, v in fields.items() if row[k] != v}
        if fields:
            self._set(row, fields, "restore" if row["deleted"] else _action(fields), reason)
        return before, after


def _action(fields: dict) -> str:
    if "finding_id" in fields:
        return "link" if fields["finding_id"] is not None else "unlink"
    return "set_item"
