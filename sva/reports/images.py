"""Photos as printed: redacted, upright, without metadata, at about 200 dpi of the placed size.

Reports never embed the 12-MP original: a 1/8-page photo needs well under a megapixel.
`print_photo` is the one place that turns a stored photo into print bytes. It starts from the
photo's *print copy* (sva.photos: made at import, from the pixels already decoded for the
display copy, one per report photo box — A4 and Letter), so building the report at the end
of the visit decodes no original and no display copy:

* no annotations, and the box is a print box (the report's own layout): the print copy is
  embedded as it is — no pixel work at all;
* annotations or redactions: they are drawn on the print copy at the printed size, then
  encoded, and the result kept in a small cache in the workspace keyed by everything that
  shapes it (photo bytes, annotations, box, dpi), so building the report again — another
  language, the record, a reprint — does nothing again. Drawing at print size rather than
  re-rendering a print copy whenever annotations are saved keeps saving instant (the editor
  saves on every change) and costs a few milliseconds per annotated photo at build (a
  0.35-MP decode, draw and encode). Marks are stored as fractions of the picture, so they
  land in the same places at any size; line widths and text sizes scale with the picture, and
  only their pixel minimums (1 px lines, 8 px text) are relatively larger than when drawn on
  the 2048-px display copy and shrunk. Redaction boxes are painted over the print-size
  pixels themselves (rounded outwards) before encoding: what is printed holds none of them;
* a box that is not a print box but fits in one (another caller's size) is a small
  downscale of the next larger print copy; a larger box falls back to the display copy.

Photos stored before print copies existed get them on first use, from their display copy
(see Photos.print_copy) — the same work the report did every time before.
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
from sva.photos.limits import PRINT_BOXES, PRINT_QUALITY

PRINT_DPI = 200
JPEG_QUALITY = PRINT_QUALITY       # 82, the quality of the print copies made at import
CACHE_VERSION = 2          # bump when the rendering changes: old cache entries are ignored


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
        stream = (io.BytesIO(source) if isinstance(source, (bytes, bytearray))
                  else Path(source).open("rb"))
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


def _print_box_for(box: tuple[int, int]) -> tuple[int, int] | None:
    """The smallest print box (PRINT_BOXES) that holds `box`, or None."""
    holding = [b for b in PRINT_BOXES if b[0] >= box[0] and b[1] >= box[1]]
    return min(holding, key=lambda b: b[0] * b[1]) if holding else None


def from_print_copy(copy: bytes, box: tuple[int, int], marks: list[dict]) -> bytes:
    """A print copy fitted to `box` pixels (downscaled only if it is larger) with the
    annotations drawn — redactions painted over the pixels — at that size."""
    from sva.photos import annotate, derivatives
    with Image.open(io.BytesIO(copy)) as img:
        img.load()
        img = img.convert("RGB") if img.mode != "RGB" else img
        size = derivatives.fit_box(img.size, box)
        if size != img.size:
            img = img.resize(size, Image.Resampling.BICUBIC)
        if marks:
            img = annotate.apply(img, marks, redacted=True)
        return derivatives.jpeg_bytes(img, JPEG_QUALITY, optimize=False)


def print_photo(ws, photo: dict, width_pt: float, height_pt: float, *,
                dpi: int = PRINT_DPI) -> bytes:
    """The redacted rendering of a stored photo, fitted to the box at `dpi` (see above)."""
    box = print_size(width_pt, height_pt, dpi)
    marks = json.loads(photo.get("annotations") or "[]")
    source_box = _print_box_for(box)
    try:
        if source_box == box and not marks:      # the report's own box: ready since import
            return ws.photos.print_copy(photo, box)
    except OSError as exc:
        raise BadInput(f"cannot render photo ({exc})", file=photo.get("filename")) from None
    cache = ws.folder / "cache" / "print"
    target = cache / f"{_cache_key(photo, box, dpi)}.jpg"
    try:
        return target.read_bytes()
    except OSError:
        pass
    try:
        if source_box is not None:
            data = from_print_copy(ws.photos.print_copy(photo, source_box), box, marks)
        elif marks:
            data = print_image(ws.photos.render(photo, redacted=True, max_side=max(box)),
                               width_pt, height_pt, dpi=dpi)
        else:   # nothing drawn or redacted: the rendering is the display copy itself
            data = print_image(ws.photos.display(photo), width_pt, height_pt, dpi=dpi)
    except OSError as exc:
        raise BadInput(f"cannot render photo ({exc})", file=photo.get("filename")) from None
    try:
        cache.mkdir(parents=True, exist_ok=True)
        fd, tmp = tempfile.mkstemp(dir=cache, suffix=".part")
        with os.fdopen(fd, "wb") as fh:
            fh.write(data)
        os.replace(tmp, target)
    except OSError:
        pass            # a read-only workspace still gets its report, just uncached
    return data
