"""Keep original photo bytes untouched, named by their SHA-256, and one row per photo.

The file is written to a temp name and renamed into place, so a crash never leaves a
half-written original; a row is inserted only after the file is complete.
"""
from __future__ import annotations

import hashlib
import io
import os
from datetime import datetime

from PIL import Image, UnidentifiedImageError

from sva.domain.base import Service
from sva.errors import BadInput

MAX_PIXELS = 100_000_000          # our own limit, checked before decoding
EXIF_DATETIME_ORIGINAL = 0x9003
EXIF_IFD = 0x8769
MEDIA_TYPES = {"JPEG": "image/jpeg", "PNG": "image/png"}


def _probe(data: bytes, name: str) -> tuple[str, int, int, str | None]:
    if not data:
        raise BadInput("the file is empty", file=name)
    try:
        with Image.open(io.BytesIO(data)) as img:
            width, height = img.size
            if width * height > MAX_PIXELS:
                raise BadInput(f"{width}×{height} pixels is more than the "
                               f"{MAX_PIXELS // 1_000_000} MP limit", file=name)
            if img.format not in MEDIA_TYPES:
                raise BadInput(f"unsupported image format {img.format}", file=name)
            captured = img.getexif().get_ifd(EXIF_IFD).get(EXIF_DATETIME_ORIGINAL)
            img.load()
    except (UnidentifiedImageError, OSError, SyntaxError, ValueError,
            Image.DecompressionBombError) as exc:
        raise BadInput(f"not a readable image ({exc})", file=name) from None
    if captured:
        try:
            captured = datetime.strptime(str(captured), "%Y:%m:%d %H:%M:%S").isoformat()
        except ValueError:
            captured = None
    return MEDIA_TYPES[img.format], width, height, captured


class Photos(Service):
    @property
    def folder(self):
        return self.ws.folder / "photos"

    def path_of(self, sha256: str):
        return self.folder / sha256[:2] / sha256

    def add_bytes(self, audit_id: str, data: bytes, *, filename: str = "",
                  finding_id: str | None = None, item_id: str | None = None,
                  caption: str = "") -> str:
        """Add a photo to an audit; the same bytes twice give the same photo id."""
        audit = self.ws.audits.audit(audit_id)
        media_type, width, height, captured = _probe(data, filename or "<photo>")
        digest = hashlib.sha256(data).hexdigest()
        existing = self.rows("SELECT id FROM photos WHERE audit_id = ? AND sha256 = ?",
                                      [audit_id, digest])
        if existing:
            return existing[0]["id"]
        if finding_id is not None:
            self.get("findings", finding_id, label="finding")
        target = self.path_of(digest)
        if not target.exists():
            target.parent.mkdir(parents=True, exist_ok=True)
            tmp = target.with_name(target.name + ".part")
            with open(tmp, "wb") as fh:
                fh.write(data)
                fh.flush()
                os.fsync(fh.fileno())
            os.replace(tmp, target)
        position = self.db.execute("SELECT COUNT(*) FROM photos WHERE audit_id = ?",
                                   [audit_id]).fetchone()[0]
        row = self.stamp({"audit_id": audit_id, "finding_id": finding_id, "item_id": item_id,
                          "sha256": digest, "filename": os.path.basename(filename),
                          "media_type": media_type, "width": width, "height": height,
                          "captured_at": captured, "caption": caption, "position": position},
                         new=True)
        with self.change("add", "photo", row["id"], audit_id=audit_id) as log:
            self.guard_audit(audit, log, None)
            self.insert("photos", row)
            log.diff(None, {"sha256": digest, "finding_id": finding_id, "item_id": item_id})
        return row["id"]

    def of_audit(self, audit_id: str) -> list[dict]:
        return self.rows(
            "SELECT * FROM photos WHERE audit_id = ? AND deleted = 0 ORDER BY position",
            [audit_id])
