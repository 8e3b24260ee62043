"""What leaves the device for each photo: the redacted rendering, not the original.

A push and a bundle carry, for every live photo, the rendering the reports print: upright,
long side at most 2048 px, the redaction boxes painted over the pixels (and the arrows and
labels drawn), re-encoded as JPEG from pixels — no EXIF, no GPS, no XMP. The original stays
on the device.

Only when HQ's policy `photo_originals` is on (it travels down with every pull; off by
default) does a second file go too: the full-size, unredacted pixels, upright, re-encoded
without any metadata — never the original file itself.

Both are cached under `outgoing/` in the workspace (owner-only files), named by the
original's hash and a hash of the marks, so a push, its retry and a bundle send the very same
bytes until the marks change — HQ then sees an unchanged document and nothing to upload.
"""
from __future__ import annotations

import hashlib
import json
from dataclasses import dataclass
from pathlib import Path

from sva.photos.blobs import write_atomic

RENDER_VERSION = "redacted-1"       # change when the rendering itself changes
ORIGINAL_VERSION = "clean-original-1"
ORIGINAL_QUALITY = 92


@dataclass(frozen=True)
class Outgoing:
    sha256: str
    size: int
    path: Path
    width: int = 0
    height: int = 0


def _folder(ws) -> Path:
    return Path(ws.folder) / "outgoing"


def _key(*parts: str) -> str:
    return hashlib.sha256("\n".join(parts).encode("utf-8")).hexdigest()[:16]


def _describe(path: Path) -> Outgoing:
    from PIL import Image
    data = path.read_bytes()
    with Image.open(path) as img:
        width, height = img.size
    return Outgoing(hashlib.sha256(data).hexdigest(), len(data), path, width, height)


def rendering(ws, photo: dict) -> Outgoing:
    """The redacted rendering of a photo row (made once, then read from the cache)."""
    marks = json.dumps(ws.photos.annotations(photo), sort_keys=True)
    sha = photo["sha256"]
    path = _folder(ws) / sha[:2] / f"{sha}.{_key(RENDER_VERSION, marks)}.jpg"
    if not path.is_file():
        write_atomic(path, ws.photos.render(photo, redacted=True))
    return _describe(path)


def clean_original(ws, photo: dict) -> Outgoing:
    """The full-size unredacted pixels without metadata (only for HQ's originals policy)."""
    sha = photo["sha256"]
    path = _folder(ws) / sha[:2] / f"{sha}.{_key(ORIGINAL_VERSION)}.jpg"
    if not path.is_file():
        from PIL import Image

        from sva.photos import derivatives
        from sva.photos.probe import probe
        data = ws.photos.path_of(sha).read_bytes()
        found = probe(data, photo.get("filename") or sha)
        with Image.open(ws.photos.path_of(sha)) as img:
            img.load()
            upright = derivatives.upright(derivatives.to_rgb(img), found.orientation)
        write_atomic(path, derivatives.jpeg_bytes(upright, ORIGINAL_QUALITY))
    return _describe(path)


def files_of(ws, audit_id: str, *, originals: bool = False) -> dict[str, Path]:
    """sha256 → file of everything the audit's live photos send (for the upload)."""
    out = {}
    for photo in ws.photos.of_audit(audit_id):
        shown = rendering(ws, photo)
        out[shown.sha256] = shown.path
        if originals:
            full = clean_original(ws, photo)
            out[full.sha256] = full.path
    return out
