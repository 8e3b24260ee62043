"""The photo service: add (one, many, a folder), caption, order, delete, annotate; linking
is in links.py, renderings (thumbnail, print copies, redacted rendering) in renderings.py.

Originals are kept untouched and content-addressed (blobs.py); a row is added only together
with its files, in one transaction with one audit-log row per photo; a refused file, a failure
or a cancel leaves no row and no file. Importing the same bytes into an audit twice gives the
same photo, which then takes the finding or item it was added for (links.PhotoLinks._reuse):
adding from a finding a photo the audit already holds links it to that finding.
"""
from __future__ import annotations

import hashlib
import json
import os
from contextlib import contextmanager
from pathlib import Path

from sva.domain.base import Changes, anywhere, dumps, operation
from sva.errors import BadInput, DiskFull
from sva.photos.blobs import Blobs
from sva.photos.limits import MAX_PIXELS
from sva.photos.links import PhotoLinks
from sva.photos.renderings import PhotoRenderings
from sva.store import engine
from sva.photos.results import (AddResult, BulkResult, ImportCancelled, RefusedFiles, Reused,
                                cancel_check)

__all__ = ["Photos", "MAX_PIXELS"]

# Pillow-based modules (annotate, bulk, derivatives, ingest, probe) are imported where they
# are used: the service is built with every workspace, and Pillow plus pillow-heif were a
# tenth of the app's start-up (tests/bench/bench_ui.py).


class Photos(PhotoLinks, PhotoRenderings):
    @property
    def blobs(self) -> Blobs:
        """The folder's photo files, sealed and opened with its key when it is encrypted."""
        return Blobs(self.ws.folder, self.ws.at_rest.photo_cipher)

    @property
    def folder(self) -> Path:
        return self.ws.folder / "photos"

    @anywhere
    def path_of(self, sha256: str) -> Path:
        """Where the original is kept (sealed in an encrypted folder: read `original()`)."""
        return self.blobs.original(sha256)

    @anywhere
    def original(self, sha256: str) -> bytes:
        """The original's bytes, as imported."""
        return self.blobs.read(self.blobs.original(sha256))

    # -- reading ----------------------------------------------------------------------
    def photo(self, photo_id: str, *, include_deleted: bool = False) -> dict:
        return self.get("photos", photo_id, label="photo", include_deleted=include_deleted)

    def of_audit(self, audit_id: str) -> list[dict]:
        return self.rows(
            "SELECT * FROM photos WHERE audit_id = ? AND deleted = 0 ORDER BY position, id",
            [audit_id])

    def of_finding(self, finding_id: str) -> list[dict]:
        return self.rows(
            "SELECT * FROM photos WHERE finding_id = ? AND deleted = 0 ORDER BY position, id",
            [finding_id])

    @anywhere
    def annotations(self, photo) -> list[dict]:
        return json.loads(self._row(photo)["annotations"] or "[]")

    def _row(self, photo) -> dict:
        return photo if isinstance(photo, dict) else self.photo(photo, include_deleted=True)

    # -- adding -----------------------------------------------------------------------
    def _site_zone(self, audit: dict) -> str:
        return self.get("sites", audit["site_id"], label="site", include_deleted=True)["timezone"]

    @anywhere
    def add_bytes(self, audit_id: str, data: bytes, *, filename: str = "",
                  finding_id: str | None = None, item_id: str | None = None,
                  caption: str = "", mtime: float | None = None,
                  reason: str | None = None) -> str:
        """Add one photo from bytes; the same bytes twice give the same photo id."""
        from sva.photos import ingest
        audit = self.ws.audits.audit(audit_id)
        self._check_links(audit, finding_id, item_id)
        checked = ingest.check(data, filename or "<photo>", site_zone=self._site_zone(audit),
                               mtime=mtime)
        ids, _ = self._add(audit, [(data, checked)], finding_id=finding_id, item_id=item_id,
                           caption=caption, reason=reason)
        return ids[0]

    @anywhere
    def add_images(self, audit_id: str, images: list[tuple[str, bytes]], *,
                   finding_id: str | None = None, item_id: str | None = None,
                   progress=None, cancel=None, reason: str | None = None) -> AddResult:
        """Add images that came as data (clipboard, camera), named, as `add_files` adds files:
        in one transaction, refused ones returned with their reasons, the valid ones kept."""
        from sva.photos import ingest
        audit = self.ws.audits.audit(audit_id)
        self._check_links(audit, finding_id, item_id)
        zone = self._site_zone(audit)
        queue = iter(images)        # _import checks each name once, in order

        def check(name: str):
            data = next(queue)[1]
            return data, ingest.check(data, name, site_zone=zone, mtime=None)

        return self._import([name for name, _ in images], check, audit, [], keep_valid=True,
                            progress=progress, cancel=cancel, finding_id=finding_id,
                            item_id=item_id, reason=reason)

    @anywhere
    def add_file(self, audit_id: str, path: str | os.PathLike, **links) -> str:
        """Add one photo file (capture time from EXIF, else the file's modification time)."""
        from sva.photos import ingest
        data, mtime = ingest.read(path)
        return self.add_bytes(audit_id, data, filename=str(path), mtime=mtime, **links)

    @anywhere
    def add_files(self, audit_id: str, paths, *, finding_id: str | None = None,
                  item_id: str | None = None, keep_valid: bool = False, progress=None,
                  cancel=None, reason: str | None = None) -> AddResult:
        """Add many files in one transaction.

        All or nothing by default: if any file is refused, RefusedFiles (BadInput) lists
        every refused file and nothing is added. With `keep_valid=True` the valid files are
        added and the refused ones returned in `AddResult.refused`. `progress(done, total)`
        is called after each file; `cancel` (callable or threading.Event) stops the import
        with ImportCancelled, leaving nothing behind.
        """
        from sva.photos import ingest
        audit = self.ws.audits.audit(audit_id)
        self._check_links(audit, finding_id, item_id)
        zone = self._site_zone(audit)
        refused: list[BadInput] = []

        def check(path: str):
            data, mtime = ingest.read(path)
            return data, ingest.check(data, path, site_zone=zone, mtime=mtime)

        return self._import([str(p) for p in paths], check, audit, refused,
                            keep_valid=keep_valid, progress=progress, cancel=cancel,
                            finding_id=finding_id, item_id=item_id, reason=reason)

    def _import(self, paths: list[str], check, audit: dict, refused: list[BadInput], *,
                keep_valid: bool, progress, cancel, reason, finding_id=None,
                item_id=None) -> AddResult:
        """Check and stage each file, then add all rows in one transaction.

        Files are decoded one at a time and only their staged copies kept, so memory stays
        flat however many photos come in.
        """
        from sva.photos import ingest
        cancelled = cancel_check(cancel)
        staging, ready = self.blobs.staging(), []
        with self._disk_full_said(), self._cleaned(staging):
            if progress:
                progress(0, len(paths))
            for done, path in enumerate(paths, start=1):
                if cancelled():
                    raise ImportCancelled("photo import cancelled; nothing was added")
                try:
                    data, checked = check(path)
                    ingest.stage(data, checked, self.blobs, staging)
                    ready.append((path, checked))
                except BadInput as exc:
                    refused.append(exc)
                if progress:
                    progress(done, len(paths))
            if refused and not keep_valid:
                raise RefusedFiles(refused)
            ids, reused = self.ws.run(self._insert_rows, audit, [c for _, c in ready], staging,
                                      finding_id, item_id, "", reason)
        return AddResult(added=[(p, i) for (p, _), i in zip(ready, ids)], refused=refused,
                         reused=[Reused(p, i, *states) for (p, _), i, states
                                 in zip(ready, ids, reused) if states is not None],
                         warnings=[w for _, checked in ready for w in checked.warnings])

    def _add(self, audit: dict, items, *, finding_id=None, item_id=None, caption: str = "",
             reason: str | None = None) -> tuple[list[str], list]:
        """Rows for checked photos with their files, atomically."""
        from sva.photos import ingest
        staging = self.blobs.staging()
        with self._disk_full_said(), self._cleaned(staging):
            for data, checked in items:
                ingest.stage(data, checked, self.blobs, staging)
            return self.ws.run(self._insert_rows, audit, [c for _, c in items], staging,
                               finding_id, item_id, caption, reason)

    @staticmethod
    @contextmanager
    def _cleaned(staging):
        """A failure or a cancel leaves no file: placed ones removed, temp files deleted."""
        try:
            yield
        except BaseException:
            staging.undo()
            raise
        finally:
            staging.discard()

    @contextmanager
    def _disk_full_said(self):
        """A full disk while adding photos is a clear error, after everything was undone."""
        try:
            yield
        except (OSError, *engine.Error) as exc:
            from sva.store.damage import is_disk_full
            if not is_disk_full(exc, self.ws.folder):
                raise
            raise DiskFull(f"the disk holding {self.ws.folder} is full: no photo was added "
                           "and nothing of this import was kept. Free some space and add "
                           "them again.", code="disk_full_photos",
                           params={"folder": str(self.ws.folder)}) from exc

    def _insert_rows(self, audit, checked_list, staging, finding_id, item_id, caption, reason):
        """Ids of the photos, new or already in the audit, and for each (before, after) link
        states when it was already in the audit (None when this call made it).

        One transaction on the store worker: the audit and the links are read again inside
        it, since they may have changed while the files were being checked."""
        ids: list[str] = []
        reused: list[tuple[dict, dict] | None] = []
        made: set[str] = set()
        try:
            with self.db.atomic():
                audit = self.ws.audits.audit(audit["id"])
                self._check_links(audit, finding_id, item_id)
                position = self.db.execute(
                    "SELECT COALESCE(MAX(position), -1) + 1 FROM photos WHERE audit_id = ?",
                    [audit["id"]]).fetchone()[0]
                for checked in checked_list:
                    existing = self.rows("SELECT * FROM photos WHERE audit_id = ? AND sha256 = ?",
                                         [audit["id"], checked.sha256])
                    if existing:
                        ids.append(existing[0]["id"])
                        reused.append(None if existing[0]["id"] in made else self._reuse(
                            audit, existing[0], finding_id, item_id, reason))
                        continue
                    row = self.stamp({"audit_id": audit["id"], "finding_id": finding_id,
                                      "item_id": item_id, "caption": caption,
                                      "position": position, **checked.row_fields()}, new=True)
                    position += 1
                    with self.change("add", "photo", row["id"], audit_id=audit["id"]) as log:
                        self.guard_audit(audit, log, reason)
                        self.insert("photos", row)
                        log.diff(None, {k: row[k] for k in ("sha256", "filename", "finding_id",
                                                            "item_id", "captured_at")})
                    ids.append(row["id"])
                    reused.append(None)
                    made.add(row["id"])
                staging.commit()
        except BaseException:
            staging.undo()
            raise
        return ids, reused

    @anywhere
    def import_folder(self, audit_id: str, folder: str | os.PathLike, *, recursive: bool = True,
                      dry_run: bool = False, progress=None, cancel=None,
                      reason: str | None = None) -> BulkResult:
        """Import the photos of a folder taken inside the visit window (see bulk.py).

        Unreadable files and photos from other days are skipped with the reason, not refused:
        a camera card holds more than one visit. Matched photos are added in one transaction;
        a cancel (ImportCancelled) keeps nothing.
        """
        from sva.photos import bulk, ingest
        audit = self.ws.audits.audit(audit_id)
        window = bulk.visit_window(audit, self._site_zone(audit))
        candidates, skipped = bulk.scan(Path(folder), recursive=recursive)
        known = {r["sha256"]: r["deleted"] for r in self.rows(
            "SELECT sha256, deleted FROM photos WHERE audit_id = ?", [audit_id])}
        matched, refused = bulk.match(candidates, window, known)
        result = BulkResult(window.as_tuple(), skipped=skipped + refused, dry_run=dry_run)
        if dry_run:
            result.matched = [(str(p), None) for p, _ in matched]
            result.warnings = [w for _, checked in matched for w in checked.warnings]
            return result
        expected = {str(p): c for p, c in matched}

        def check(path: str):
            data, _ = ingest.read(path)
            if hashlib.sha256(data).hexdigest() != expected[path].sha256:
                raise BadInput("the file changed while it was being imported", file=path,
                               code="photo_changed")
            return data, expected[path]

        problems: list[BadInput] = []
        added = self._import(list(expected), check, audit, problems, keep_valid=True,
                             progress=progress, cancel=cancel, reason=reason)
        result.matched = added.added
        result.warnings = added.warnings
        result.skipped += [(e.file or "", f"refused: {e}") for e in problems]
        return result

    # -- editing ----------------------------------------------------------------------
    def _set(self, row: dict, fields: dict, action: str, reason: str | None) -> None:
        audit = self.ws.audits.audit(row["audit_id"])
        with self.change(action, "photo", row["id"], audit_id=audit["id"]) as log:
            self.guard_audit(audit, log, reason)
            log.diff(row, fields)
            self.update("photos", row["id"], self.stamp(fields), before=row)

    @operation
    def set_caption(self, photo_id: str, caption: str, *, reason: str | None = None) -> Changes:
        self._set(self.photo(photo_id), {"caption": str(caption).strip()}, "caption", reason)

    @operation
    def delete(self, photo_id: str, *, reason: str | None = None) -> Changes:
        """Soft delete: the row and the original stay (evidence, sync), hidden from lists."""
        self._set(self.photo(photo_id), {"deleted": 1}, "delete", reason)

    @operation
    def restore(self, photo_id: str, *, reason: str | None = None) -> Changes:
        row = self.photo(photo_id, include_deleted=True)
        self._set(row, {"deleted": 0}, "restore", reason)

    @operation
    def set_annotations(self, photo_id: str, annotations: list[dict], *,
                        reason: str | None = None) -> Changes:
        from sva.photos import annotate
        clean = annotate.validate(annotations)
        self._set(self.photo(photo_id), {"annotations": dumps(clean)}, "annotate", reason)

    @operation
    def reorder(self, audit_id: str, photo_ids: list[str], *,
                reason: str | None = None) -> Changes:
        """Put the given photos in this order, in the positions they held between them.

        Reordering the photos of one finding's strip keeps every other photo where it was.
        """
        audit = self.ws.audits.audit(audit_id)
        photo_ids = list(photo_ids)
        if len(set(photo_ids)) != len(photo_ids):
            raise BadInput("a photo is listed twice", field="photo_ids")
        rows = {r["id"]: r for r in self.of_audit(audit_id)}
        missing = [p for p in photo_ids if p not in rows]
        if missing:
            raise BadInput(f"not a photo of audit {audit_id}: {', '.join(missing)}",
                           field="photo_ids")
        slots = sorted(rows[p]["position"] for p in photo_ids)
        old = sorted(photo_ids, key=lambda p: (rows[p]["position"], p))
        with self.change("reorder", "photos", audit_id, audit_id=audit_id) as log:
            self.guard_audit(audit, log, reason)
            log.diff({"order": old}, {"order": photo_ids})
            for slot, pid in zip(slots, photo_ids):
                if rows[pid]["position"] != slot:
                    self.update("photos", pid, self.stamp({"position": slot}), before=rows[pid])
