"""A CAP finding's photos as its supplier sees them on /portal/caps: thumbnails with every
redaction region painted over the pixels, made by the device report's own code
(sva.reports.images.from_print_copy, which draws the marks with sva.photos.annotate).

Only a photo the finding's audit lists for that finding, by the hash of its redacted
rendering, and only bytes the audit's own device sent, is ever served; the unredacted
original HQ may hold by policy is never a source. A document from before devices sent
renderings gets HQ's redacted rendering first (sva.hq.images, the dashboard's). The
redaction boxes are painted again at thumbnail size in every case, so a region the audit
marks as redacted is black (or blurred) whatever bytes the blob holds. Another supplier's
finding or photo is "not found", exactly like an unknown one."""
from __future__ import annotations

import json

from sva.errors import BadInput, NotFound
from sva.hq.audits import held_blobs
from sva.hq.blobs import SHA256_NAME, BlobStore
from sva.hq.images import ImageRefused, redacted_rendering
from sva.hq.portal import caps
from sva.hq.storage import Storage
from sva.reports.images import from_print_copy

THUMB_BOX = (640, 480)


def _redactions(annotations) -> list[dict]:
    marks = json.loads(annotations or "[]") if isinstance(annotations, str) else annotations
    if not isinstance(marks, list):
        raise NotFound("not found", field="photo")
    return [m for m in marks if isinstance(m, dict) and m.get("kind") == "redact"]


def thumbnail(storage: Storage, supplier_code: str, finding_id: str, sha: str) -> bytes:
    """JPEG bytes of one photo of one of the supplier's own CAP findings, redacted."""
    if not SHA256_NAME.match(str(sha or "")):
        raise NotFound("not found", field="photo")
    with storage.transaction(write=False) as tx:
        found = caps.findings_of(tx, supplier_code, finding_id)
        entry = next((p for p in found[0]["photos"] if p["sha256"] == sha), None) \
            if found else None
        held = held_blobs(tx, found[0]["audit_id"]) if entry else set()
    if entry is None or sha not in held:
        raise NotFound("not found", field="photo")
    path = BlobStore(storage.blob_dir).final_path(sha)
    if not path.is_file():
        raise NotFound("not found", field="photo")
    try:
        marks = _redactions(entry["annotations"])
        if entry["rendering"] != "redacted":
            path = redacted_rendering(storage.blob_dir, path, sha, entry["annotations"])
        return from_print_copy(path.read_bytes(), THUMB_BOX, marks)
    except (ImageRefused, BadInput, OSError, ValueError, RecursionError):
        raise NotFound("not found", field="photo") from None
