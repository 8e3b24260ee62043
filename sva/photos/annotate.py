"""Annotations and redactions as data on the photo, and how they are drawn.

Stored as a JSON list in `photos.annotations`; every coordinate is a fraction (0–1) of the
upright image's width or height, so one set of marks fits the display copy, the thumbnail
and any report size alike. Kinds:

    {"kind": "rect",   "box": [x0, y0, x1, y1], "color": "#e53935", "width": 0.006}
    {"kind": "arrow",  "from": [x, y], "to": [x, y], "color": "#e53935", "width": 0.006}
    {"kind": "text",   "at": [x, y], "text": "Blocked exit", "color": "#ffeb3b", "size": 0.04}
    {"kind": "redact", "box": [x0, y0, x1, y1], "style": "solid" | "blur", "color": "#000000"}

Each may carry an "id" (string) that editors use to move or delete it. Redaction really
replaces the pixels of the output: a solid box paints them over; a blur keeps only a handful
of averaged colours of the box (pixelate to a few cells, then blur), which no deblurring can
turn back into text or faces.
"""
from __future__ import annotations

import math
import re
from functools import lru_cache
from pathlib import Path

from PIL import Image, ImageDraw, ImageFilter, ImageFont

from sva.errors import BadInput

KINDS = ("rect", "arrow", "text", "redact")
REDACT_STYLES = ("solid", "blur")
DEFAULT_COLOR = {"rect": "#e53935", "arrow": "#e53935", "text": "#ffeb3b", "redact": "#000000"}
DEFAULT_WIDTH = 0.006
DEFAULT_TEXT_SIZE = 0.04
MAX_ANNOTATIONS = 500
MAX_TEXT = 500
BLUR_CELLS = 6            # a blurred box keeps at most this many cells along its long side
_COLOR = re.compile(r"^#[0-9a-fA-F]{6}$")
# A font with Japanese glyphs when the system has one (fonts-ipafont), else Pillow's own.
FONT_FILES = (Path("/usr/share/fonts/opentype/ipafont-gothic/ipag.ttf"),
              Path("/usr/share/fonts/truetype/fonts-japanese-gothic.ttf"))


def _bad(index: int, key: str, message: str) -> BadInput:
    return BadInput(message, field=f"annotations[{index}].{key}" if key else
                    f"annotations[{index}]")


def _number(value, index: int, key: str, low: float, high: float) -> float:
    if isinstance(value, bool) or not isinstance(value, (int, float)) or math.isnan(value):
        raise _bad(index, key, f"{value!r} is not a number")
    if not low <= value <= high:
        raise _bad(index, key, f"{value} is outside {low}–{high}")
    return float(value)


def _point(value, index: int, key: str) -> list[float]:
    if not isinstance(value, (list, tuple)) or len(value) != 2:
        raise _bad(index, key, "a point is [x, y] as fractions of the image")
    return [_number(v, index, key, 0.0, 1.0) for v in value]


def _box(value, index: int) -> list[float]:
    if not isinstance(value, (list, tuple)) or len(value) != 4:
        raise _bad(index, "box", "a box is [x0, y0, x1, y1] as fractions of the image")
    x0, y0, x1, y1 = (_number(v, index, "box", 0.0, 1.0) for v in value)
    x0, x1 = sorted((x0, x1))
    y0, y1 = sorted((y0, y1))
    if x1 - x0 <= 0 or y1 - y0 <= 0:
        raise _bad(index, "box", "the box has no area")
    return [x0, y0, x1, y1]


def validate(annotations) -> list[dict]:
    """The clean, stored form of a list of annotations; BadInput names the bad entry."""
    if not isinstance(annotations, (list, tuple)):
        raise BadInput("annotations must be a list", field="annotations")
    if len(annotations) > MAX_ANNOTATIONS:
        raise BadInput(f"more than {MAX_ANNOTATIONS} annotations", field="annotations")
    clean = []
    for i, item in enumerate(annotations):
        if not isinstance(item, dict):
            raise _bad(i, "", "an annotation is an object with a 'kind'")
        kind = item.get("kind")
        if kind not in KINDS:
            raise _bad(i, "kind", f"unknown kind {kind!r} (known: {', '.join(KINDS)})")
        allowed = {"kind", "id", "color"} | {
            "rect": {"box", "width"}, "arrow": {"from", "to", "width"},
            "text": {"at", "text", "size"}, "redact": {"box", "style"}}[kind]
        unknown = set(item) - allowed
        if unknown:
            raise _bad(i, sorted(unknown)[0], f"unknown field for a {kind}")
        out: dict = {"kind": kind}
        if "id" in item:
            if not isinstance(item["id"], str) or not item["id"]:
                raise _bad(i, "id", "an id is a non-empty string")
            out["id"] = item["id"]
        color = item.get("color", DEFAULT_COLOR[kind])
        if not isinstance(color, str) or not _COLOR.match(color):
            raise _bad(i, "color", f"{color!r} is not a colour like #ff0000")
        out["color"] = color.lower()
        if kind in ("rect", "redact"):
            out["box"] = _box(item.get("box"), i)
        if kind in ("rect", "arrow"):
            out["width"] = _number(item.get("width", DEFAULT_WIDTH), i, "width", 0.0005, 0.1)
        if kind == "arrow":
            out["from"], out["to"] = (_point(item.get("from"), i, "from"),
                                      _point(item.get("to"), i, "to"))
            if out["from"] == out["to"]:
                raise _bad(i, "to", "an arrow needs two different points")
        if kind == "text":
            out["at"] = _point(item.get("at"), i, "at")
            text = item.get("text")
            if not isinstance(text, str) or not text.strip() or len(text) > MAX_TEXT:
                raise _bad(i, "text", f"a label needs 1–{MAX_TEXT} characters of text")
            out["text"] = text
            out["size"] = _number(item.get("size", DEFAULT_TEXT_SIZE), i, "size", 0.005, 0.5)
        if kind == "redact":
            style = item.get("style", "solid")
            if style not in REDACT_STYLES:
                raise _bad(i, "style", f"unknown redaction style {style!r} (solid or blur)")
            out["style"] = style
        clean.append(out)
    return clean


def pixel_box(box: list[float], size: tuple[int, int]) -> tuple[int, int, int, int]:
    """A fractional box as whole pixels, rounded outwards so the whole area is covered."""
    w, h = size
    x0, y0 = math.floor(box[0] * w), math.floor(box[1] * h)
    x1, y1 = math.ceil(box[2] * w), math.ceil(box[3] * h)
    return max(0, x0), max(0, y0), min(w, max(x1, x0 + 1)), min(h, max(y1, y0 + 1))


def _hex(color: str) -> tuple[int, int, int]:
    return tuple(int(color[i:i + 2], 16) for i in (1, 3, 5))


def _blur(region: Image.Image) -> Image.Image:
    w, h = region.size
    cell = max(4, math.ceil(max(w, h) / BLUR_CELLS))
    small = region.resize((max(1, math.ceil(w / cell)), max(1, math.ceil(h / cell))),
                          Image.Resampling.BOX)
    return small.resize((w, h), Image.Resampling.BILINEAR).filter(
        ImageFilter.GaussianBlur(cell / 2))


@lru_cache(maxsize=32)
def _font(pixels: int):
    for path in FONT_FILES:
        if path.exists():
            return ImageFont.truetype(str(path), pixels)
    return ImageFont.load_default(pixels)


def apply(img: Image.Image, annotations: list[dict], *, redacted: bool = True) -> Image.Image:
    """Draw the annotations on a copy of `img` (RGB, upright).

    With `redacted=False` (internal evidence only) redaction boxes are outlined, not applied.
    """
    img = img.convert("RGB") if img.mode != "RGB" else img.copy()
    size, long_side = img.size, max(img.size)
    marks = validate(annotations)
    for mark in marks:              # redactions first: no later mark can reveal their pixels
        if mark["kind"] != "redact" or not redacted:
            continue
        box = pixel_box(mark["box"], size)
        if mark["style"] == "solid":
            img.paste(_hex(mark["color"]), box)
        else:
            img.paste(_blur(img.crop(box)), box[:2])
    draw = ImageDraw.Draw(img)
    for mark in marks:
        colour = _hex(mark["color"])
        if mark["kind"] == "redact" and not redacted:
            draw.rectangle(pixel_box(mark["box"], size), outline=colour,
                           width=max(2, round(long_side * 0.004)))
        elif mark["kind"] == "rect":
            draw.rectangle(pixel_box(mark["box"], size), outline=colour,
                           width=max(1, round(mark["width"] * long_side)))
        elif mark["kind"] == "arrow":
            _arrow(draw, mark, size, colour)
        elif mark["kind"] == "text":
            x, y = mark["at"][0] * size[0], mark["at"][1] * size[1]
            font = _font(max(8, round(mark["size"] * long_side)))
            draw.text((x, y), mark["text"], fill=colour, font=font,
                      stroke_width=max(1, round(mark["size"] * long_side / 12)),
                      stroke_fill=(0, 0, 0))
    return img


def _arrow(draw: ImageDraw.ImageDraw, mark: dict, size: tuple[int, int], colour) -> None:
    width = max(1, round(mark["width"] * max(size)))
    x0, y0 = mark["from"][0] * size[0], mark["from"][1] * size[1]
    x1, y1 = mark["to"][0] * size[0], mark["to"][1] * size[1]
    draw.line([(x0, y0), (x1, y1)], fill=colour, width=width)
    angle = math.atan2(y1 - y0, x1 - x0)
    head = max(8, width * 4)
    for side in (-0.45, 0.45):
        draw.line([(x1, y1), (x1 - head * math.cos(angle + side),
                              y1 - head * math.sin(angle + side))], fill=colour, width=width)
