"""A stored photo as it is shown and printed: display copy, thumbnail, print copies, and
the rendering with its marks drawn and redactions painted over the pixels.

What the app shows in lists (the strip's thumbnails) is the *redacted* rendering, so a photo
of a confidential area never shows unredacted there: an annotated photo's thumbnail is drawn
from its smallest print copy with the marks applied, then kept in the workspace's cache
under a name made from everything that shapes it (photo bytes, marks, size), so a change of
marks makes a new one and the old one is never shown again.
"""
from __future__ import annotations

import hashlib
import io
from pathlib import Path
from typing import TYPE_CHECKING

from sva.domain.base import Service, anywhere
from sva.photos.limits import DISPLAY_SIDE, PRINT_BOXES

if TYPE_CHECKING:
    from PIL import Image

THUMB_VERSION = 1          # bump when the marked thumbnail's rendering changes


class PhotoRenderings(Service):
    """Mixed into the photo service (`ws.photos`); needs `blobs`, `_row`, `annotations`."""

    def _derived(self, photo, kind: str) -> Path:
        from sva.photos import derivatives
        from sva.photos.probe import probe
        row = self._row(photo)
        blobs = self.blobs
        path = blobs.display(row["sha256"]) if kind == "display" else blobs.thumbnail(row["sha256"])
        if not path.exists():     # e.g. photos that came by sync: rebuild from the original
            data = self.original(row["sha256"])
            made = derivatives.make(data, row["filename"] or row["id"],
                                    probe(data, row["filename"]))
            blobs.write(blobs.display(row["sha256"]), made.display)
            blobs.write(blobs.thumbnail(row["sha256"]), made.thumbnail)
            for box, jpeg in made.prints.items():
                if not blobs.print_copy(row["sha256"], box).exists():
                    blobs.write(blobs.print_copy(row["sha256"], box), jpeg)
        return path

    @anywhere
    def display_path(self, photo) -> Path:
        """Where the display copy is kept (sealed in an encrypted folder: read
        `display()`)."""
        return self._derived(photo, "display")

    @anywhere
    def display(self, photo) -> bytes:
        """Upright JPEG, long side ≤ 2048 px, no EXIF/GPS; without annotations."""
        return self.blobs.read(self._derived(photo, "display"))

    @anywhere
    def thumbnail_path(self, photo) -> Path:
        """The plain thumbnail derivative, *without* marks or redactions (made at import,
        shared by every audit holding the same bytes). To show a photo, use `thumbnail()`."""
        return self._derived(photo, "thumb")

    @anywhere
    def thumbnail(self, photo) -> bytes:
        """JPEG bytes of the thumbnail as it is shown: with the photo's marks drawn and its
        redaction boxes painted over the pixels (the plain thumbnail when it has none).

        Made on first use after the marks change (the app asks from a worker), then kept
        in the workspace's cache; a read-only workspace gets it all the same, uncached.
        """
        row = self._row(photo)
        marks = self.annotations(row)
        if not marks:
            return self.blobs.read(self.thumbnail_path(row))
        target = self._marked_thumbnail_path(row)
        try:
            return self.blobs.read(target)
        except OSError:             # not made yet, or no cache folder
            pass
        data = self._draw_marked_thumbnail(row, marks)
        try:
            self.blobs.write(target, data)
        except OSError:
            pass
        return data

    def _marked_thumbnail_path(self, row: dict) -> Path:
        from sva.photos.derivatives import THUMB_QUALITY, THUMB_SIDE
        key = repr([THUMB_VERSION, row["sha256"], row["annotations"] or "[]", THUMB_SIDE,
                    THUMB_QUALITY])
        return (self.ws.folder / "cache" / "thumb"
                / f"{hashlib.sha256(key.encode()).hexdigest()}.jpg")

    def _draw_marked_thumbnail(self, row: dict, marks: list[dict]) -> bytes:
        """Marks drawn on the smallest print copy (as the report draws them), then shrunk to
        the thumbnail size: redactions are painted before any pixel is scaled."""
        from PIL import Image

        from sva.photos import annotate, derivatives
        box = min(PRINT_BOXES, key=lambda b: b[0] * b[1])
        with Image.open(io.BytesIO(self.print_copy(row, box))) as img:
            img.load()
            drawn = annotate.apply(img, marks, redacted=True)
        size = derivatives.fit(drawn.size, derivatives.THUMB_SIDE)
        if size != drawn.size:
            drawn = drawn.resize(size, Image.Resampling.BICUBIC, reducing_gap=2.0)
        return derivatives.jpeg_bytes(drawn, derivatives.THUMB_QUALITY)

    @anywhere
    def print_copy(self, photo, box: tuple[int, int]) -> bytes:
        """Upright JPEG of the photo fitted to a report photo box of `box` pixels (one of
        PRINT_BOXES), without annotations, no EXIF/GPS: what reports embed or draw marks on.

        Made at import from the pixels decoded for the display copy. A photo stored before
        print copies existed gets them here, from its display copy, kept for next time (not
        kept if the workspace cannot be written; the bytes are returned all the same).
        """
        from sva.photos import derivatives
        if box not in PRINT_BOXES:
            raise ValueError(f"{box} is not a print box (known: {PRINT_BOXES})")
        row = self._row(photo)
        path = self.blobs.print_copy(row["sha256"], box)
        try:
            return self.blobs.read(path)
        except FileNotFoundError:
            pass
        display = self.display(row)           # rebuilds every derivative if it was missing
        if path.exists():
            return self.blobs.read(path)
        made = derivatives.prints_from_display(display, row["filename"] or row["id"])
        for other, jpeg in made.items():
            try:
                self.blobs.write(self.blobs.print_copy(row["sha256"], other), jpeg)
            except OSError:
                break                          # a read-only workspace still gets its report
        return made[box]

    @anywhere
    def render(self, photo, *, redacted: bool = True,
               max_side: int = DISPLAY_SIDE) -> bytes:
        """JPEG bytes of the photo with its annotations drawn.

        `redacted=True` (the default, and what every report or export must use) paints the
        redaction boxes over the pixels; the result carries no EXIF/GPS. `redacted=False` is
        for internal evidence only: redaction boxes are outlined, the pixels kept.
        """
        from PIL import Image

        from sva.photos import annotate, derivatives
        row = self._row(photo)
        with Image.open(io.BytesIO(self.display(row))) as img:
            img.load()
            out = annotate.apply(img, self.annotations(row), redacted=redacted)
        if max(out.size) > max_side:
            out.thumbnail((max_side, max_side), Image.Resampling.BICUBIC)
        return derivatives.jpeg_bytes(out, derivatives.DISPLAY_QUALITY)

    @anywhere
    def render_image(self, photo, *, redacted: bool = True) -> Image.Image:
        """The rendering as a Pillow image (for report builders that place it themselves)."""
        from PIL import Image
        return Image.open(io.BytesIO(self.render(photo, redacted=redacted)))
