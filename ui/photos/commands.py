"""Undoable photo edits, replaying the core's photo service (see ui/operations/commands.py)."""
from __future__ import annotations

from sva.domain.base import Changes
from sva.photos import AddResult
from sva.photos.links import LINKS
from sva.workspace import Workspace
from ui.operations.commands import ServiceCommand


class PhotosAddedCommand(ServiceCommand):
    """Photos a worker already added. Undo deletes (soft) the new ones and puts the photos
    the audit already held back where they were (their finding, item, deleted flag); redo
    restores and re-links them."""

    def __init__(self, ws: Workspace, audit_id: str, result: AddResult, *, text: str, **kw):
        super().__init__(ws, text, **kw)
        self.audit_id, self.photo_ids = audit_id, result.new_ids
        self.reused = {r.photo_id: (r.before, r.after) for r in result.reused if r.changed}
        for photo_id in list(self.reused):      # the same file twice: first before, last after
            firsts = [r.before for r in result.reused if r.photo_id == photo_id]
            lasts = [r.after for r in result.reused if r.photo_id == photo_id]
            self.reused[photo_id] = (firsts[0], lasts[-1])

    def all_ids(self) -> tuple:
        return tuple(self.photo_ids) + tuple(self.reused)

    def first(self) -> Changes:
        return Changes("photo", self.all_ids(), self.audit_id, "add")

    def _put(self, state_of) -> None:
        """Give the reused photos these states: a deleted one must come back before its links
        change (only live photos are linked), and goes again after."""
        links = {pid: {k: state_of(pid)[k] for k in LINKS} for pid in self.reused}
        for photo_id in self.reused:
            if self.ws.photos.photo(photo_id, include_deleted=True)["deleted"]:
                self.ws.photos.restore(photo_id, reason=self.reason)
        if links:
            self.ws.photos.relink(links, reason=self.reason)
        for photo_id in self.reused:
            if state_of(photo_id)["deleted"]:
                self.ws.photos.delete(photo_id, reason=self.reason)

    def again(self) -> Changes:
        for photo_id in self.photo_ids:
            self.ws.photos.restore(photo_id, reason=self.reason)
        self._put(lambda pid: self.reused[pid][1])
        return Changes("photo", self.all_ids(), self.audit_id, "restore")

    def back(self) -> Changes:
        for photo_id in self.photo_ids:
            self.ws.photos.delete(photo_id, reason=self.reason)
        self._put(lambda pid: self.reused[pid][0])
        return Changes("photo", self.all_ids(), self.audit_id, "delete")


class LinkPhotosCommand(ServiceCommand):
    """Link photos to a finding, unlink them, or both at once (the finding dialog's picker):
    `after` maps photo id → finding id (None: unlinked); undo puts each one's finding back."""

    def __init__(self, ws: Workspace, after: dict[str, str | None], *, text: str, **kw):
        super().__init__(ws, text, **kw)
        self.after = dict(after)
        self.before = {pid: ws.photos.photo(pid)["finding_id"] for pid in self.after}

    def _set(self, findings: dict) -> Changes:
        return self.ws.photos.relink({pid: {"finding_id": f} for pid, f in findings.items()},
                                     reason=self.reason)

    def again(self) -> Changes:
        return self._set(self.after)

    def back(self) -> Changes:
        return self._set(self.before)


class DeletePhotoCommand(ServiceCommand):
    def __init__(self, ws: Workspace, photo_id: str, *, text: str, **kw):
        super().__init__(ws, text, **kw)
        self.photo_id = photo_id

    def again(self) -> Changes:
        return self.ws.photos.delete(self.photo_id, reason=self.reason)

    def back(self) -> Changes:
        return self.ws.photos.restore(self.photo_id, reason=self.reason)


class PhotoFieldCommand(ServiceCommand):
    """Caption or annotations: before/after values of one photo."""

    def __init__(self, ws: Workspace, photo_id: str, field: str, value, *, text: str, **kw):
        super().__init__(ws, text, **kw)
        self.photo_id, self.field = photo_id, field
        row = ws.photos.photo(photo_id)
        self.before = ws.photos.annotations(row) if field == "annotations" else row[field]
        self.after = value

    def _set(self, value) -> Changes:
        if self.field == "annotations":
            changes = self.ws.photos.set_annotations(self.photo_id, value, reason=self.reason)
            from ui.operations.report import prerender_prints_later
            prerender_prints_later(self.ws, self.photo_id)
            return changes
        return self.ws.photos.set_caption(self.photo_id, value, reason=self.reason)

    def again(self) -> Changes:
        return self._set(self.after)

    def back(self) -> Changes:
        return self._set(self.before)


class ReorderPhotosCommand(ServiceCommand):
    def __init__(self, ws: Workspace, audit_id: str, before: list[str], after: list[str], *,
                 text: str, **kw):
        super().__init__(ws, text, **kw)
        self.audit_id, self.before, self.after = audit_id, list(before), list(after)

    def again(self) -> Changes:
        return self.ws.photos.reorder(self.audit_id, self.after, reason=self.reason)

    def back(self) -> Changes:
        return self.ws.photos.reorder(self.audit_id, self.before, reason=self.reason)
