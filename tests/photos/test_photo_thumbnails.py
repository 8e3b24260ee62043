"""Thumbnails as shown are the redacted rendering: a redacted region is the redaction colour
in the thumbnail, and changing the marks gives a new thumbnail (never the old one)."""
from __future__ import annotations

import io

from PIL import Image

from photo_samples import png

RED = (220, 0, 0)


def _photo(ws, audit) -> str:
    """600×400 white with a red block in the middle."""
    img = Image.new("RGB", (600, 400), (255, 255, 255))
    img.paste(RED, (150, 100, 450, 300))
    return ws.photos.add_bytes(audit, png(img), filename="block.png")


def _thumb(ws, photo) -> Image.Image:
    img = Image.open(io.BytesIO(ws.photos.thumbnail(photo)))
    img.load()
    return img.convert("RGB")


def _at(img: Image.Image, fx: float, fy: float) -> tuple:
    return img.getpixel((int(fx * img.width), int(fy * img.height)))


def test_the_thumbnail_of_a_redacted_photo_shows_the_redaction_colour(ws, audit):
    photo = _photo(ws, audit)
    assert _at(_thumb(ws, photo), 0.5, 0.5)[0] > 180                 # the red is shown
    ws.photos.set_annotations(photo, [{"kind": "redact", "box": [0.2, 0.2, 0.8, 0.8],
                                       "color": "#000000"}])
    thumb = _thumb(ws, photo)
    assert max(thumb.size) == 256
    for point in ((0.5, 0.5), (0.3, 0.3), (0.7, 0.7)):
        assert max(_at(thumb, *point)) < 30                           # painted over
    assert min(_at(thumb, 0.05, 0.05)) > 225                          # outside: untouched
    # The plain derivative (shared by every audit with these bytes) is never changed.
    with Image.open(ws.photos.thumbnail_path(photo)) as plain:
        assert _at(plain.convert("RGB"), 0.5, 0.5)[0] > 180


def test_new_marks_give_a_new_thumbnail_and_no_marks_the_plain_one(ws, audit):
    photo = _photo(ws, audit)
    ws.photos.set_annotations(photo, [{"kind": "redact", "box": [0.2, 0.2, 0.8, 0.8],
                                       "color": "#ffffff"}])
    assert min(_at(_thumb(ws, photo), 0.5, 0.5)) > 225                # the white box
    ws.photos.set_annotations(photo, [])
    assert _at(_thumb(ws, photo), 0.5, 0.5)[0] > 180                  # marks gone: red again
    ws.photos.set_annotations(photo, [{"kind": "redact", "box": [0.2, 0.2, 0.8, 0.8],
                                       "color": "#00ff00"}])
    r, g, b = _at(_thumb(ws, photo), 0.5, 0.5)
    assert g > 200 and r < 40 and b < 40


def test_a_read_only_workspace_still_gets_the_redacted_thumbnail(ws, audit):
    photo = _photo(ws, audit)
    ws.photos.set_annotations(photo, [{"kind": "redact", "box": [0.2, 0.2, 0.8, 0.8]}])
    (ws.folder / "cache").write_bytes(b"")     # no cache folder can be made (even as root)
    assert max(_at(_thumb(ws, photo), 0.5, 0.5)) < 30
