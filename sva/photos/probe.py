"""Look at a photo file's header before anything decodes it: format, size, EXIF.

Everything here reads only the header (no pixel data), so a hostile file — a text file named
`.jpg`, a tiny PNG that declares 50,000 × 50,000 pixels — is refused with a message that
names the file and the reason, before any memory is spent on it. Truncation shows only when
the pixels are decoded; `derivatives.decode` reports that.

A damaged EXIF block is not a reason to refuse a photo: real cameras, phones and editors
write broken ones (wrong entry counts, no TIFF header), and the pixels are still the
evidence. The block is then ignored as a whole — orientation 1, no EXIF capture time (the
file's date is used instead) — and the probe carries a note saying so, which the import
passes on as a warning naming the file.
"""
from __future__ import annotations

import io
import struct
import warnings
from dataclasses import dataclass

from PIL import Image, UnidentifiedImageError

from sva.errors import BadInput
from sva.photos.limits import MAX_PIXELS

try:  # HEIC/HEIF from phones; registered once, Pillow then opens them like any format.
    import pillow_heif
    pillow_heif.register_heif_opener()
    HEIF_SUPPORT = True
except ImportError:  # pragma: no cover - pillow-heif is a declared dependency
    HEIF_SUPPORT = False

MAX_FILE_BYTES = 200 * 1024 * 1024
MEDIA_TYPES = {"JPEG": "image/jpeg", "PNG": "image/png", "HEIF": "image/heic"}
FORMAT_NAMES = "JPEG, PNG or HEIC"

EXIF_IFD, GPS_IFD, INTEROP_IFD = 0x8769, 0x8825, 0xA005
ORIENTATION = 0x0112
DATETIME = 0x0132
DATETIME_ORIGINAL = 0x9003
OFFSET_TIME_ORIGINAL = 0x9011
_TYPE_SIZES = {1: 1, 2: 1, 3: 2, 4: 4, 5: 8, 6: 1, 7: 1, 8: 2, 9: 4, 10: 8, 11: 4, 12: 8,
               13: 4}

# Pillow warns between its own 89 MP warning and 179 MP error; our stricter 100 MP limit is
# checked explicitly below, so its warning would only be noise.
warnings.filterwarnings("ignore", category=Image.DecompressionBombWarning)
# Pillow reads a JPEG's EXIF for its DPI when it opens it, and warns on a damaged block; the
# probe finds the damage itself and the import tells the user (a warning naming the file).
warnings.filterwarnings("ignore", message="Corrupt EXIF data", category=UserWarning,
                        module=r"PIL\.")


@dataclass(frozen=True)
class Probe:
    """What the header says about a photo (sizes as stored, before orientation)."""
    format: str
    media_type: str
    width: int
    height: int
    orientation: int
    taken_local: str | None       # EXIF DateTimeOriginal as 'YYYY:MM:DD HH:MM:SS', no zone
    offset: str | None            # EXIF OffsetTimeOriginal ('+09:00') when the camera wrote it
    exif_damage: str | None = None  # why the EXIF block was ignored (None: it was usable)

    @property
    def upright_size(self) -> tuple[int, int]:
        """Width and height once the EXIF orientation is applied (5–8 swap the sides)."""
        return (self.height, self.width) if self.orientation >= 5 else (self.width, self.height)


def probe(data: bytes, name: str) -> Probe:
    """Check a photo's bytes without decoding pixels; raise BadInput naming `name`."""
    if not data:
        raise BadInput("the file is empty (0 bytes)", file=name, code="photo_empty")
    if len(data) > MAX_FILE_BYTES:
        raise too_large(len(data), name)
    try:
        img = Image.open(io.BytesIO(data))
    except Image.DecompressionBombError as exc:
        raise BadInput(f"the image declares far more pixels than the {MAX_PIXELS // 1_000_000} "
                       f"MP limit, refused before decoding ({exc})", file=name,
                       code="photo_bomb", params={"limit": MAX_PIXELS // 1_000_000}) from None
    except UnidentifiedImageError:
        raise BadInput(f"not an image: the content is not {FORMAT_NAMES}", file=name,
                       code="photo_not_image", params={"formats": FORMAT_NAMES}) from None
    except (OSError, SyntaxError, ValueError, struct.error, EOFError) as exc:
        raise BadInput(f"the image header is damaged ({exc})", file=name,
                       code="photo_header_damaged") from None
    with img:
        if img.format not in MEDIA_TYPES:
            raise BadInput(f"unsupported image format {img.format} (accepted: {FORMAT_NAMES})",
                           file=name, code="photo_unsupported",
                           params={"format": img.format, "formats": FORMAT_NAMES})
        width, height = img.size
        if width <= 0 or height <= 0:
            raise BadInput(f"the image declares an empty size {width}×{height}", file=name,
                           code="photo_no_size", params={"width": width, "height": height})
        if width * height > MAX_PIXELS:
            raise BadInput(f"{width}×{height} pixels is more than the "
                           f"{MAX_PIXELS // 1_000_000} MP limit", file=name,
                           code="photo_too_many_pixels",
                           params={"width": width, "height": height,
                                   "limit": MAX_PIXELS // 1_000_000})
        raw = img.info.get("exif")
        damage = None
        try:
            tags = read_exif(raw) if raw else {}
        except ExifDamaged as exc:
            tags, damage = {}, str(exc)
    orientation = tags.get(ORIENTATION, 1)
    if orientation not in range(1, 9):
        orientation = 1   # out-of-range values are common camera bugs, not a reason to refuse
    return Probe(img.format, MEDIA_TYPES[img.format], width, height, orientation,
                 tags.get(DATETIME_ORIGINAL) or tags.get(DATETIME), tags.get(OFFSET_TIME_ORIGINAL),
                 damage)


def too_large(size: int, name: str) -> BadInput:
    mb, limit = size // (1024 * 1024), MAX_FILE_BYTES // (1024 * 1024)
    return BadInput(f"the file is {mb} MB; photos over {limit} MB are refused", file=name,
                    code="photo_too_large", params={"size": mb, "limit": limit})


class ExifDamaged(ValueError):
    """The EXIF block cannot be read as TIFF; the message says where it breaks."""


def read_exif(raw: bytes) -> dict[int, object]:
    """Check the EXIF block's structure and return the few tags we use.

    A block that does not hold together raises ExifDamaged: none of its values is trusted
    then (an orientation or a date read from a broken block may be any bytes).
    """
    try:
        return _read_exif(raw)
    except (struct.error, IndexError, UnicodeError) as exc:    # a block cut short
        raise ExifDamaged(f"cut short: {exc}") from None


def _read_exif(raw: bytes) -> dict[int, object]:
    if raw.startswith(b"Exif\x00\x00"):
        raw = raw[6:]
    if raw[:4] == b"II*\x00":
        order = "<"
    elif raw[:4] == b"MM\x00*":
        order = ">"
    else:
        raise ExifDamaged("no TIFF header")
    wanted = {ORIENTATION, DATETIME, DATETIME_ORIGINAL, OFFSET_TIME_ORIGINAL}
    found: dict[int, object] = {}
    seen: set[int] = set()
    todo = [struct.unpack(order + "I", raw[4:8])[0]]
    while todo:
        offset = todo.pop()
        if offset in seen:
            raise ExifDamaged("IFD loop")
        seen.add(offset)
        for tag, kind, count, value in _ifd_entries(raw, offset, order):
            if tag in (EXIF_IFD, GPS_IFD, INTEROP_IFD) and kind in (4, 13):
                todo.append(struct.unpack(order + "I", value)[0])
            elif tag in wanted:
                found[tag] = _value(raw, order, kind, count, value)
        if len(seen) > 8:
            raise ExifDamaged("too many IFDs")
    return found


def _ifd_entries(raw: bytes, offset: int, order: str):
    if offset < 8 or offset + 2 > len(raw):
        raise ExifDamaged(f"IFD offset {offset} outside the block")
    count = struct.unpack(order + "H", raw[offset:offset + 2])[0]
    end = offset + 2 + 12 * count
    if end > len(raw):
        raise ExifDamaged(f"{count} entries do not fit")
    for i in range(count):
        start = offset + 2 + 12 * i
        tag, kind, n = struct.unpack(order + "HHI", raw[start:start + 8])
        value = raw[start + 8:start + 12]
        size = _TYPE_SIZES.get(kind, 1) * n
        if size > 4:
            pointer = struct.unpack(order + "I", value)[0]
            if pointer + size > len(raw):
                raise ExifDamaged(f"tag 0x{tag:04x} points outside the block")
        yield tag, kind, n, value


def _value(raw: bytes, order: str, kind: int, count: int, value: bytes):
    if kind == 3:
        return struct.unpack(order + "H", value[:2])[0]
    if kind == 4:
        return struct.unpack(order + "I", value)[0]
    if kind == 2:
        data = value if count <= 4 else raw[struct.unpack(order + "I", value)[0]:][:count]
        return data[:count].split(b"\x00", 1)[0].decode("ascii", "replace").strip() or None
    return None
