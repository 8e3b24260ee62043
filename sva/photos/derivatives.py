"""Display copy, thumbnail and print copies: upright, JPEG, and carrying no EXIF, GPS or XMP.

Derivatives are what leaves the machine (reports, exports, sync previews), so they are built
from pixels only: the orientation is applied to the pixels, and no metadata block of the
original is copied. Decoding uses `Image.draft()`, so a JPEG is decoded by libjpeg at the
smallest DCT scale that still covers the display size.

The original is decoded once, at import; every derivative comes from those display pixels:
the print copies (one per report photo box, `PRINT_BOXES`, at 200 dpi — what a report embeds,
so the report at the end of the visit never decodes a 12-MP original or the display copy)
and the thumbnail (from the smallest print copy, which is cheaper than from the display
pixels). The extra cost of the print copies at import is a 2× box reduce of the display
pixels, then a small resize and JPEG encode per box (tests/bench/bench_photos.py measures it).
"""
from __future__ import annotations

import io
import struct
from dataclasses import dataclass

from PIL import Image

from sva.errors import BadInput
from sva.photos.limits import DISPLAY_SIDE, PRINT_BOXES, PRINT_QUALITY
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
    prints: dict[tuple[int, int], bytes]      # one JPEG per box of PRINT_BOXES


def fit(size: tuple[int, int], side: int) -> tuple[int, int]:
    """`size` scaled down (never up) so that its long side is at most `side`."""
    return fit_box(size, (side, side))


def fit_box(size: tuple[int, int], box: tuple[int, int]) -> tuple[int, int]:
    """`size` scaled down (never up), aspect kept, to fit inside a `box` of (w, h) pixels."""
    w, h = size
    scale = min(1.0, box[0] / w, box[1] / h)
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
        raise BadInput(f"the image data is damaged or truncated ({exc})", file=name,
                       code="photo_damaged") from None


def jpeg_bytes(img: Image.Image, quality: int, *, optimize: bool = False) -> bytes:
    """Encode pixels only: a fresh info dict, so no EXIF/GPS/XMP/comment can ride along."""
    img.info = {}
    out = io.BytesIO()
    img.save(out, "JPEG", quality=quality, optimize=optimize, exif=b"")
    return out.getvalue()


def _shrink(source: Image.Image, size: tuple[int, int], gap: float | None = None, *,
            resample=Image.Resampling.BICUBIC) -> Image.Image:
    return source if source.size == size else source.resize(size, resample, reducing_gap=gap)


PRINT_REDUCE_GAP = 1.4     # a box reduce first, as long as a ≥ 1.4× filtered step remains


def print_images(display: Image.Image) -> dict[tuple[int, int], Image.Image]:
    """The upright display pixels fitted to each report photo box (PRINT_BOXES).

    The display pixels are first box-reduced by a whole factor (2048 px → 1024 px), then each
    box is a Hamming-filtered resize of that: about a quarter of the cost of a bicubic over
    the display pixels. Against a Lanczos resize of the display pixels it scores ≈ 45 dB
    PSNR before and ≈ 38.5 dB after the JPEG encode, where the old report path (display JPEG
    decoded at 1/2 scale, then Lanczos) scored ≈ 39 dB: the encode dominates. Each copy's
    size is computed from the display size, so all keep its aspect.
    """
    largest = max(PRINT_BOXES, key=lambda b: b[0] * b[1])
    ratio = min(display.width / largest[0], display.height / largest[1])
    factor = int(ratio / PRINT_REDUCE_GAP)
    source = display.reduce(factor) if factor >= 2 else display
    return {box: _shrink(source, fit_box(display.size, box), resample=Image.Resampling.HAMMING)
            for box in PRINT_BOXES}


def print_jpegs(display: Image.Image) -> dict[tuple[int, int], bytes]:
    """Print copies as JPEG: the quality reports embed (no re-encode at report time)."""
    return {box: jpeg_bytes(img, PRINT_QUALITY, optimize=True)
            for box, img in print_images(display).items()}


def make(data: bytes, name: str, probe: Probe) -> Derivatives:
    """Every derivative from one decode of the original."""
    display = decode(data, name, probe, DISPLAY_SIDE)
    prints = print_images(display)
    smallest = min(prints.values(), key=lambda img: img.width * img.height)
    size = fit(display.size, THUMB_SIDE)
    source = smallest if smallest.width >= size[0] and smallest.height >= size[1] else display
    thumb = _shrink(source, size, 2.0)
    return Derivatives(jpeg_bytes(display, DISPLAY_QUALITY), jpeg_bytes(thumb, THUMB_QUALITY),
                       {box: jpeg_bytes(img, PRINT_QUALITY, optimize=True)
                        for box, img in prints.items()})


def prints_from_display(display_jpeg: bytes, name: str) -> dict[tuple[int, int], bytes]:
    """Print copies of a photo stored before they were made at import, from its display
    copy (upright, no EXIF), decoded at the smallest DCT scale covering the largest box."""
    try:
        img = Image.open(io.BytesIO(display_jpeg))
        largest = max(PRINT_BOXES, key=lambda b: b[0] * b[1])
        if img.format == "JPEG":
            img.draft("RGB", fit_box(img.size, largest))
        img.load()
        return print_jpegs(to_rgb(img))
    except DECODE_ERRORS as exc:
        raise BadInput(f"the display copy is damaged ({exc})", file=name,
                       code="photo_display_damaged") from None
