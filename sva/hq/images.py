"""What HQ accepts and serves as a photo: bytes it has looked at itself.

A device says a photo's `media_type`, but HQ never believes it: an uploaded blob is kept only
if its first bytes are a JPEG, PNG or HEIC signature that Pillow confirms, and only if it
carries no GPS position (EXIF GPS block or XMP GPS tags). The dashboard serves a photo with
the type sniffed from the stored bytes; anything else (an SVG, an HTML page, a script) is
not served at all.

Documents pushed before devices sent the redacted rendering refer to the device's original:
for those, HQ draws the redactions itself from the document's annotations and serves that
rendering (upright, at most 2048 px, JPEG without any metadata), cached beside the blobs.
"""
from __future__ import annotations

import hashlib
import io
import json
import os
from pathlib import Path

from sva.owner_only import make_dir, open_private

# (signature test, media type, file extension)
HEIF_BRANDS = (b"heic", b"heix", b"heim", b"heis", b"hevc", b"hevx", b"mif1", b"msf1")
ACCEPTED = ("image/jpeg", "image/png", "image/heic")
EXTENSIONS = {"image/jpeg": "jpg", "image/png": "png", "image/heic": "heic"}
PILLOW_FORMATS = {"JPEG": "image/jpeg", "PNG": "image/png", "HEIF": "image/heic"}
SNIFF_BYTES = 32
RENDER_SIDE = 2048
GPS_IFD = 0x8825
XMP_GPS = (b"GPSLatitude", b"GPSLongitude", b"exif:GPS")


class ImageRefused(ValueError):
    """The bytes are not a photo HQ accepts; the message says why."""


def sniff(head: bytes) -> str | None:
    """The media type the first bytes show (JPEG, PNG, HEIC), else None."""
    if head[:3] == b"\xff\xd8\xff":
        return "image/jpeg"
    if head[:8] == b"\x89PNG\r\n\x1a\n":
        return "image/png"
    if head[4:8] == b"ftyp" and head[8:12] in HEIF_BRANDS:
        return "image/heic"
    return None


def sniff_file(path: Path) -> str | None:
    try:
        with open(path, "rb") as fh:
            return sniff(fh.read(SNIFF_BYTES))
    except OSError:
        return None


def _pillow():
    from PIL import Image

    import sva.photos.probe  # noqa: F401 - registers the HEIF opener with Pillow
    return Image


def check_photo(path: Path) -> str:
    """The sniffed media type of a complete blob; ImageRefused if HQ must not keep it."""
    media = sniff_file(path)
    if media is None:
        raise ImageRefused("the uploaded bytes are not a JPEG, PNG or HEIC photo")
    Image = _pillow()
    try:
        with Image.open(path) as img:          # the header only: no pixels are decoded
            if PILLOW_FORMATS.get(img.format) != media:
                raise ImageRefused(f"the uploaded bytes start like {media} but do not read "
                                   "as one")
            gps = img.getexif().get_ifd(GPS_IFD)
            xmp = img.info.get("xmp") or img.info.get("XML:com.adobe.xmp") or b""
    except ImageRefused:
        raise
    except Exception as exc:  # noqa: BLE001 - any decoder complaint means "not a photo"
        raise ImageRefused(f"the uploaded photo cannot be read ({type(exc).__name__})") \
            from None
    if isinstance(xmp, str):
        xmp = xmp.encode("utf-8", "replace")
    if gps or any(tag in xmp for tag in XMP_GPS):
        raise ImageRefused("the photo carries a GPS position; HQ accepts photos only "
                           "without location data (update SVA on the device)")
    return media


def clean_jpeg(data: bytes, quality: int = 85) -> bytes:
    """The pixels of an image, upright, as a JPEG without EXIF, GPS, XMP or comments."""
    from PIL import ImageOps
    Image = _pillow()
    with Image.open(io.BytesIO(data)) as img:
        img = ImageOps.exif_transpose(img)
        return _jpeg(img.convert("RGB"), quality)


def _jpeg(img, quality: int) -> bytes:
    img.info = {}
    out = io.BytesIO()
    img.save(out, "JPEG", quality=quality, exif=b"")
    return out.getvalue()


def redacted_rendering(blob_dir: Path, source: Path, sha: str, annotations) -> Path:
    """For a document from before devices sent renderings: the photo with its redactions
    (and other marks) drawn by HQ, upright, ≤ 2048 px, without metadata. Cached by the blob
    and the annotations; raises ImageRefused (never falls back to the original)."""
    from PIL import ImageOps

    from sva.errors import BadInput
    from sva.photos import annotate
    text = annotations if isinstance(annotations, str) else json.dumps(annotations or [])
    key = hashlib.sha256(text.encode("utf-8")).hexdigest()[:16]
    target = blob_dir / "rendered" / sha[:2] / f"{sha}-{key}.jpg"
    if target.is_file():
        return target
    try:
        marks = annotate.validate(json.loads(text or "[]"))
    except (ValueError, RecursionError, BadInput):
        raise ImageRefused("the photo's redaction data is unreadable") from None
    Image = _pillow()
    try:
        with Image.open(source) as img:
            img = ImageOps.exif_transpose(img).convert("RGB")
            img.thumbnail((RENDER_SIDE, RENDER_SIDE), Image.Resampling.BICUBIC)
            data = _jpeg(annotate.apply(img, marks, redacted=True), 85)
    except Exception as exc:  # noqa: BLE001
        raise ImageRefused(f"the photo cannot be rendered ({type(exc).__name__})") from None
    make_dir(target.parent)
    temp = target.with_name(f".{target.name}.{os.getpid()}.part")
    with open_private(temp, os.O_WRONLY | os.O_CREAT | os.O_TRUNC) as fh:
        fh.write(data)
    os.replace(temp, target)
    return target
