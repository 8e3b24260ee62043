"""Photos as printed: redacted, upright, without metadata, at about 200 dpi of the placed size.

Reports never embed the 12-MP original: a 1/8-page photo needs well under a megapixel.
`print_photo` is the one place that turns a stored photo into print bytes: it starts from
the photo store's redacted rendering (DESIGN §4: reports use the redacted rendering) and
keeps the result in a small cache in the workspace, keyed by everything that shapes it
(photo bytes, annotations, box, dpi), so building the report again — another language,
the record, a reprint — does not decode the photos again.
"""
from __future__ import annotations

import hashlib
import io
import json
import os
import tempfile
from pathlib import Path

from PIL import Image, ImageOps

from sva.errors import BadInput

PRINT_DPI = 200
JPEG_QUALITY = 82
CACHE_VERSION = 1          # bump when the rendering changes: old cache entries are ignored


def print_size(width_pt: float, height_pt: float, dpi: int = PRINT_DPI) -> tuple[int, int]:
    """Pixels needed to print a box of width_pt × height_pt points at `dpi`."""
    return max(1, round(width_pt / 72 * dpi)), max(1, round(height_pt / 72 * dpi))


def print_image(source: str | os.PathLike | bytes, width_pt: float, height_pt: float, *,
                dpi: int = PRINT_DPI) -> bytes:
    """JPEG bytes of the photo fitted into width_pt × height_pt at `dpi`, EXIF stripped.

    The aspect ratio is kept (the result may be narrower or lower than the box). JPEG's
    own DCT scaling (`draft`) decodes a 12-MP original at 1/2..1/8 size first, which is
    what keeps a report with 60 photos fast.
    """
    name = "<photo>" if isinstance(source, (bytes, bytearray)) else str(source)
    box = print_size(width_pt, height_pt, dpi)
    try:
        stream = io.BytesIO(source) if isinstance(source, (bytes, bytearray)) else Path(source).open("rb")
        with stream, Image.open(stream) as img:
            orientation = img.getexif().get(0x0112, 1)
            # A 90° turn swaps width and height: ask draft for the box as it is in the file.
            want = box[::-1] if orientation in (5, 6, 7, 8) else box
            if img.format == "JPEG":
                img.draft("RGB", want)
            upright = ImageOps.exif_transpose(img)
            upright = upright.convert("RGB") if upright.mode != "RGB" else upright
            upright.thumbnail(box, Image.Resampling.LANCZOS, reducing_gap=2.0)
            out = io.BytesIO()
            # A fresh image carries no EXIF/GPS/ICC unless we pass them: nothing is kept.
            upright.save(out, "JPEG", quality=JPEG_QUALITY, optimize=True)
            return out.getvalue()
    except (OSError, SyntaxError, ValueError, Image.DecompressionBombError) as exc:
        raise BadInput(f"cannot render photo for print ({exc})", file=name) from None


def print_png(data: bytes, width_pt: float, height_pt: float, *, dpi: int = PRINT_DPI) -> bytes:
    """A PNG (e.g. a signature, with its transparency) no larger than the print box needs."""
    try:
        with Image.open(io.BytesIO(data)) as img:
            img = img.convert("RGBA")
            img.thumbnail(print_size(width_pt, height_pt, dpi), Image.Resampling.LANCZOS)
            out = io.BytesIO()
            img.save(out, "PNG", optimize=True)
            return out.getvalue()
    except (OSError, SyntaxError, ValueError, Image.DecompressionBombError) as exc:
        raise BadInput(f"cannot render image for print ({exc})") from None


def _cache_key(photo: dict, box: tuple[int, int], dpi: int) -> str:
    parts = [CACHE_VERSION, photo["sha256"], photo.get("annotations") or "[]", box, dpi,
             JPEG_QUALITY]
    return hashlib.sha256(repr(parts).encode()).hexdigest()


def print_photo(ws, photo: dict, width_pt: float, height_pt: float, *,
                dpi: int = PRINT_DPI) -> bytes:
    """The redacted rendering of a stored photo, fitted to the box at `dpi` (cached)."""
    box = print_size(width_pt, height_pt, dpi)
    cache = ws.folder / "cache" / "print"
    target = cache / f"{_cache_key(photo, box, dpi)}.jpg"
    try:
        return target.read_bytes()
    except OSError:
        pass
    try:
        if json.loads(photo.get("annotations") or "[]"):
            source = ws.photos.render(photo, redacted=True, max_side=max(box))
        else:   # nothing drawn or redacted: the rendering is the display copy itself
            source = ws.photos.display_path(photo)
    except OSError as exc:
        raise BadInput(f"cannot render photo ({exc})", file=photo.get("filename")) from None
    data = print_image(source, width_pt, height_pt, dpi=dpi)
    try:
        cache.mkdir(parents=True, exist_ok=True)
        fd, tmp = tempfile.mkstemp(dir=cache, suffix=".part")
        with os.fdopen(fd, "wb") as fh:
            fh.write(data)
        os.replace(tmp, target)
    except OSError:
        pass            # a read-only workspace still gets its report, just uncached
    return data
