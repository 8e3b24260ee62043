"""Display copy and thumbnail: upright, JPEG, and carrying no EXIF, GPS or XMP.

Derivatives are what leaves the machine (reports, exports, sync previews), so they are built
from pixels only: the orientation is applied to the pixels, and no metadata block of the
original is copied. Decoding uses `Image.draft()`, so a JPEG is decoded by libjpeg at the
smallest DCT scale that still covers the display size.
"""
from __future__ import annotations

import io
import struct
from dataclasses import dataclass

from PIL import Image

from sva.errors import BadInput
from sva.photos.limits import DISPLAY_SIDE
from sva.photos.probe import Probe

THUMB_SIDE = 256
DISPLAY_QUALITY = 85
THUMB_QUALITY = 80

# EXIF orientation → the transpose that makes the pixels upright (same table as
# PIL.ImageOps.exif_transpose, applied here without copying any metadata).
UPRIGHT = {
    2: Image.Transpose.FLIP_LEFT_RIGHT,
    3: Image.Transpose.ROTATE_180,
    4: Image.Transpose.FLIP_TOP_BOTTOM,
    5: Image.Transpose.TRANSPOSE,
    6: Image.Transpose.ROTATE_270,
    7: Image.Transpose.TRANSVERSE,
    8: Image.Transpose.ROTATE_90,
}
DECODE_ERRORS = (OSError, SyntaxError, ValueError, EOFError, struct.error, RuntimeError,
                 Image.DecompressionBombError)


@dataclass(frozen=True)
class Derivatives:
    display: bytes
    thumbnail: bytes


def fit(size: tuple[int, int], side: int) -> tuple[int, int]:
    """`size` scaled down (never up) so that its long side is at most `side`."""
    w, h = size
    scale = min(1.0, side / max(w, h))
    return max(1, round(w * scale)), max(1, round(h * scale))


def upright(img: Image.Image, orientation: int) -> Image.Image:
    method = UPRIGHT.get(orientation)
    return img.transpose(method) if method is not None else img


def to_rgb(img: Image.Image) -> Image.Image:
    """RGB pixels for JPEG: transparency over white, 16-bit greys scaled, CMYK converted."""
    if img.mode in ("I;16", "I;16B", "I;16L", "I"):
        img = img.convert("I").point(lambda v: v * (1 / 256)).convert("L")
    if img.mode == "P":
        img = img.convert("RGBA")
    if img.mode in ("RGBA", "LA", "PA"):
        rgba = img.convert("RGBA")
        base = Image.new("RGB", rgba.size, (255, 255, 255))
        base.paste(rgba, mask=rgba.getchannel("A"))
        return base
    return img if img.mode == "RGB" else img.convert("RGB")


def decode(data: bytes, name: str, probe: Probe, side: int = DISPLAY_SIDE) -> Image.Image:
    """Decode the pixels, upright, with the long side at most `side`.

    A truncated or corrupt pixel stream is found here (libjpeg stops early) and reported as
    bad input naming the file.
    """
    try:
        img = Image.open(io.BytesIO(data))
        target = fit(img.size, side)
        if img.format == "JPEG":
            img.draft("RGB", target)
        img.load()
        img = to_rgb(img)
        if img.size != target:
            img = img.resize(target, Image.Resampling.BICUBIC, reducing_gap=2.0)
        return upright(img, probe.orientation)
    except DECODE_ERRORS as exc:
        raise BadInput(f"the image data is damaged or truncated ({exc})", file=name) from None


def jpeg_bytes(img: Image.Image, quality: int) -> bytes:
    """Encode pixels only: a fresh info dict, so no EXIF/GPS/XMP/comment can ride along."""
    img.info = {}
    out = io.BytesIO()
    img.save(out, "JPEG", quality=quality, exif=b"")
    return out.getvalue()


def make(data: bytes, name: str, probe: Probe) -> Derivatives:
    display = decode(data, name, probe, DISPLAY_SIDE)
    thumb = display.copy()
    thumb.thumbnail((THUMB_SIDE, THUMB_SIDE), Image.Resampling.BICUBIC, reducing_gap=2.0)
    return Derivatives(jpeg_bytes(display, DISPLAY_QUALITY), jpeg_bytes(thumb, THUMB_QUALITY))
