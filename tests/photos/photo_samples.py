"""Real image files for the photo tests, built with Pillow (no fixtures on disk)."""
from __future__ import annotations

import io
import struct
import zlib

from PIL import Image

EXIF_IFD, GPS_IFD = 0x8769, 0x8825
ORIENTATION, DATETIME_ORIGINAL, OFFSET_TIME_ORIGINAL = 0x0112, 0x9003, 0x9011
QUADRANTS = {"top_left": (220, 20, 20), "top_right": (20, 200, 20),
             "bottom_left": (20, 20, 220), "bottom_right": (240, 240, 240)}


def quadrant_image(size=(600, 400)) -> Image.Image:
    """An upright picture whose four quadrants have distinct colours (red top-left)."""
    w, h = size
    img = Image.new("RGB", size)
    img.paste(QUADRANTS["top_left"], (0, 0, w // 2, h // 2))
    img.paste(QUADRANTS["top_right"], (w // 2, 0, w, h // 2))
    img.paste(QUADRANTS["bottom_left"], (0, h // 2, w // 2, h))
    img.paste(QUADRANTS["bottom_right"], (w // 2, h // 2, w, h))
    return img


# Where stored pixel (sx, sy) is seen on screen, per the EXIF 2.3 definition of each
# orientation value (row 0 / column 0 of the stored image → visual side). Written out from
# the standard, independently of the code under test.
def _visual(orientation, sx, sy, w, h):
    return {1: (sx, sy), 2: (w - 1 - sx, sy), 3: (w - 1 - sx, h - 1 - sy),
            4: (sx, h - 1 - sy), 5: (sy, sx), 6: (w - 1 - sy, sx),
            7: (w - 1 - sy, h - 1 - sx), 8: (sy, h - 1 - sx)}[orientation]


def stored_for(upright: Image.Image, orientation: int) -> Image.Image:
    """The pixels a camera would store for `upright` seen with this EXIF orientation."""
    w, h = upright.size
    sw, sh = (h, w) if orientation >= 5 else (w, h)
    src = upright.load()
    out = Image.new("RGB", (sw, sh))
    dst = out.load()
    for sy in range(sh):
        for sx in range(sw):
            dst[sx, sy] = src[_visual(orientation, sx, sy, w, h)]
    return out


def jpeg(img: Image.Image, *, orientation: int | None = None, taken: str | None = None,
         offset: str | None = None, gps: bool = False, xmp: bytes | None = None,
         quality: int = 95) -> bytes:
    exif = Image.Exif()
    if orientation is not None:
        exif[ORIENTATION] = orientation
    if taken or offset:
        ifd = exif.get_ifd(EXIF_IFD)
        if taken:
            ifd[DATETIME_ORIGINAL] = taken
        if offset:
            ifd[OFFSET_TIME_ORIGINAL] = offset
    if gps:
        g = exif.get_ifd(GPS_IFD)
        g[1], g[2] = "N", (35.0, 31.0, 12.5)
        g[3], g[4] = "E", (139.0, 42.0, 3.25)
    out = io.BytesIO()
    kwargs = {"exif": exif.tobytes()} if (orientation or taken or offset or gps) else {}
    if xmp:
        kwargs["xmp"] = xmp
    img.save(out, "JPEG", quality=quality, **kwargs)
    return out.getvalue()


def png(img: Image.Image) -> bytes:
    out = io.BytesIO()
    img.save(out, "PNG")
    return out.getvalue()


def _chunk(kind: bytes, payload: bytes) -> bytes:
    return (struct.pack(">I", len(payload)) + kind + payload
            + struct.pack(">I", zlib.crc32(kind + payload) & 0xFFFFFFFF))


def png_declaring(width: int, height: int) -> bytes:
    """A few hundred bytes that declare a huge RGB image (a decompression bomb)."""
    return (b"\x89PNG\r\n\x1a\n"
            + _chunk(b"IHDR", struct.pack(">IIBBBBB", width, height, 8, 2, 0, 0, 0))
            + _chunk(b"IDAT", zlib.compress(b"\x00" * 4096, 9)) + _chunk(b"IEND", b""))


def jpeg_declaring(width: int, height: int) -> bytes:
    """A small real JPEG whose frame header is patched to declare another size."""
    data = bytearray(jpeg(Image.new("RGB", (16, 16), "white")))
    sof = data.index(b"\xff\xc0")
    data[sof + 5:sof + 9] = struct.pack(">HH", height, width)
    return bytes(data)


def corrupt_exif_jpeg(how: str) -> bytes:
    data = jpeg(Image.new("RGB", (64, 48), "white"), orientation=6,
                taken="2026:05:12 10:00:00")
    at = data.index(b"Exif\x00\x00") + 6          # start of the TIFF header
    if how == "header":
        return data[:at] + b"XX" + data[at + 2:]
    if how == "ifd_offset":
        return data[:at + 4] + b"\xff\xff\xff\x7f" + data[at + 8:]
    if how == "entry_count":
        return data[:at + 8] + b"\xff\xff" + data[at + 10:]
    raise ValueError(how)


def other_format(fmt: str) -> bytes:
    out = io.BytesIO()
    Image.new("RGB", (32, 32), "red").save(out, fmt)
    return out.getvalue()


def pattern(size=(400, 300)) -> Image.Image:
    """A picture with a high-contrast checkerboard (4 px squares) over its whole area."""
    w, h = size
    img = Image.new("L", size, 255)
    px = img.load()
    for y in range(h):
        for x in range(w):
            if (x // 4 + y // 4) % 2:
                px[x, y] = 0
    return img.convert("RGB")


def log_count(ws) -> int:
    return ws.db.execute("SELECT COUNT(*) FROM audit_log").fetchone()[0]


def sign(ws, audit_id) -> None:
    """Answer every item, complete and sign the audit (it is then locked)."""
    template = ws.audits.template_of(ws.audits.audit(audit_id))
    for item in template.items.values():
        result = {"conformity": "conforms", "yes_no": "yes", "number": "0", "text": "seen",
                  "choice": item.choices[0][0] if item.choices else ""}[item.answer]
        ws.audits.record_answer(audit_id, item.id, result)
    ws.audits.complete(audit_id)
    buf = io.BytesIO()
    Image.new("RGBA", (20, 10)).save(buf, "PNG")
    ws.audits.sign(audit_id, signer_name="A. Tanaka", role="QA manager",
                   organisation="Supplier", image_png=buf.getvalue())
