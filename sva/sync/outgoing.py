"""What leaves the device for each photo: the redacted rendering, not the original.

A push and a bundle carry, for every live photo, the rendering the reports print: upright,
long side at most 2048 px, the redaction boxes painted over the pixels (and the arrows and
labels drawn), re-encoded as JPEG from pixels — no EXIF, no GPS, no XMP. The original stays
on the device.

Only when HQ's policy `photo_originals` is on (it travels down with every pull; off by
default) does a second file go too: the full-size, unredacted pixels, upright, re-encoded
without any metadata — never the original file itself.

Both are cached under `outgoing/` in the workspace (owner-only files, sealed in an encrypted
folder: read them with `ws.photos.blobs.read(path)`): each file is named by
its own SHA-256 (so a damaged copy is caught before it leaves, like an original), and a small
reference named by the original's hash and a hash of the marks points to it. A push, its
retry and a bundle therefore send the very same bytes until the marks change — HQ then sees
an unchanged document and nothing to upload.
"""
from __future__ import annotations

import hashlib
import io
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


def _cached(ws, ref: Path, make) -> Outgoing:
    """The file a reference points to; made (by `make() -> JPEG bytes`) when missing. The
    reference holds the rendering's hash, pixel size and byte size (the file itself may be
    sealed, and larger than what it holds)."""
    try:
        sha, width, height, size = ref.read_text("ascii").split()
        path = _folder(ws) / sha[:2] / f"{sha}.jpg"
        if path.is_file():
            return Outgoing(sha, int(size), path, int(width), int(height))
    except (OSError, ValueError):
        pass
    from PIL import Image
    data = make()
    sha = hashlib.sha256(data).hexdigest()
    path = _folder(ws) / sha[:2] / f"{sha}.jpg"
    blobs = ws.photos.blobs
    try:
        intact = hashlib.sha256(blobs.read(path)).hexdigest() == sha
    except OSError:
        intact = False
    if not intact:
        path.unlink(missing_ok=True)
        blobs.write(path, data)
    with Image.open(io.BytesIO(data)) as img:
        width, height = img.size
    ref.unlink(missing_ok=True)
    write_atomic(ref, f"{sha} {width} {height} {len(data)}\n".encode("ascii"),
                 Path(ws.folder))
    return Outgoing(sha, len(data), path, width, height)


def rendering(ws, photo: dict) -> Outgoing:
    """The redacted rendering of a photo row (made once, then read from the cache)."""
    marks = json.dumps(ws.photos.annotations(photo), sort_keys=True)
    sha = photo["sha256"]
    ref = _folder(ws) / sha[:2] / f"{sha}.{_key(RENDER_VERSION, marks)}.ref"
    return _cached(ws, ref, lambda: ws.photos.render(photo, redacted=True))


def clean_original(ws, photo: dict) -> Outgoing:
    """The full-size unredacted pixels without metadata (only for HQ's originals policy)."""
    sha = photo["sha256"]
    ref = _folder(ws) / sha[:2] / f"{sha}.{_key(ORIGINAL_VERSION)}.ref"

    def make() -> bytes:
        from PIL import Image

        from sva.photos import derivatives
        from sva.photos.probe import probe
        data = ws.photos.original(sha)
        found = probe(data, photo.get("filename") or sha)
        with Image.open(io.BytesIO(data)) as img:
            img.load()
            upright = derivatives.upright(derivatives.to_rgb(img), found.orientation)
        return derivatives.jpeg_bytes(upright, ORIGINAL_QUALITY)
    return _cached(ws, ref, make)


def entries_of(ws, audit_id: str, *, originals: bool = False) -> dict[str, Outgoing]:
    """sha256 → what the audit's live photos send (for the upload)."""
    out = {}
    for photo in ws.photos.of_audit(audit_id):
        shown = rendering(ws, photo)
        out[shown.sha256] = shown
        if originals:
            full = clean_original(ws, photo)
            out[full.sha256] = full
    return out


def files_of(ws, audit_id: str, *, originals: bool = False) -> dict[str, Path]:
    """sha256 → file of everything the audit's live photos send (read them through
    `ws.photos.blobs.read`: sealed in an encrypted folder)."""
    return {sha: out.path for sha, out in entries_of(ws, audit_id, originals=originals).items()}
