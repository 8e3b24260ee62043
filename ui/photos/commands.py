"""Undoable photo edits, replaying the core's photo service (see ui/operations/commands.py)."""
from __future__ import annotations

from sva.domain.base import Changes
from sva.workspace import Workspace
from ui.operations.commands import ServiceCommand


class PhotosAddedCommand(ServiceCommand):
    """Photos a worker already added: undo deletes them (soft), redo restores them."""

    def __init__(self, ws: Workspace, audit_id: str, photo_ids: list[str], *, text: str, **kw):
        super().__init__(ws, text, **kw)
        self.audit_id, self.photo_ids = audit_id, list(photo_ids)

    def first(self) -> Changes:
        return Changes("photo", tuple(self.photo_ids), self.audit_id, "add")

    def again(self) -> Changes:
        for photo_id in self.photo_ids:
            self.ws.photos.restore(photo_id, reason=self.reason)
        return Changes("photo", tuple(self.photo_ids), self.audit_id, "restore")

    def back(self) -> Changes:
        for photo_id in self.photo_ids:
            self.ws.photos.delete(photo_id, reason=self.reason)
        return Changes("photo", tuple(self.photo_ids), self.audit_id, "delete")


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
