"""Photos as printed: upright for every EXIF orientation, no metadata, print resolution."""
from __future__ import annotations

import io

import pytest
from PIL import Image

from sva.errors import BadInput
from sva.reports.images import print_image, print_png, print_size

# How each EXIF orientation stores an upright 400×200 picture (red on the left half).
STORE = {1: None, 2: Image.Transpose.FLIP_LEFT_RIGHT, 3: Image.Transpose.ROTATE_180,
         4: Image.Transpose.FLIP_TOP_BOTTOM, 5: Image.Transpose.TRANSPOSE,
         6: Image.Transpose.ROTATE_90, 7: Image.Transpose.TRANSVERSE,
         8: Image.Transpose.ROTATE_270}


def _stored(orientation: int) -> bytes:
    upright = Image.new("RGB", (400, 200), "white")
    upright.paste((220, 0, 0), (0, 0, 200, 200))
    method = STORE[orientation]
    stored = upright if method is None else upright.transpose(method)
    exif = Image.Exif()
    exif[0x0112] = orientation
    exif[0x010F] = "CameraMaker"
    exif.get_ifd(0x8825)[2] = (35.0, 41.0, 0.0)          # GPS latitude
    out = io.BytesIO()
    stored.save(out, "JPEG", quality=95, exif=exif.tobytes())
    return out.getvalue()


@pytest.mark.parametrize("orientation", range(1, 9))
def test_every_orientation_prints_upright_without_metadata(orientation):
    data = print_image(_stored(orientation), 144, 72)         # 2 × 1 inch box
    with Image.open(io.BytesIO(data)) as img:
        assert img.size == (400, 200)
        left, right = img.getpixel((50, 100)), img.getpixel((350, 100))
        assert left[0] > 180 and left[1] < 60, left
        assert min(right) > 200, right
        assert not img.getexif() and "exif" not in img.info and "icc_profile" not in img.info


def test_large_photo_is_downscaled_to_200_dpi_of_the_box():
    big = Image.new("RGB", (4000, 3000), (90, 120, 160))
    out = io.BytesIO()
    big.save(out, "JPEG")
    data = print_image(out.getvalue(), 240, 180)
    with Image.open(io.BytesIO(data)) as img:
        assert img.size == print_size(240, 180) == (667, 500)


def test_signature_png_keeps_transparency_and_shrinks():
    sig = Image.new("RGBA", (1200, 400), (0, 0, 0, 0))
    out = io.BytesIO()
    sig.save(out, "PNG")
    with Image.open(io.BytesIO(print_png(out.getvalue(), 72, 24))) as img:
        assert img.mode == "RGBA" and img.size == (200, 67)


def test_broken_image_is_bad_input():
    with pytest.raises(BadInput):
        print_image(b"not a jpeg", 100, 100)


def test_reports_print_the_redacted_rendering_and_recache_after_a_change(ws, audit):
    import random

    from sva.demo.pictures import site_photo
    from sva.reports.images import print_photo
    photo_id = ws.photos.add_bytes(audit, site_photo(random.Random(2), "exit", "2026:05:12 10:00:00"),
                                   filename="a.jpg")
    photo = ws.photos.photo(photo_id)
    before = Image.open(io.BytesIO(print_photo(ws, photo, 240, 180))).convert("L")
    assert before.size == (667, 500)
    assert len(list((ws.folder / "cache" / "print").glob("*.jpg"))) == 1
    ws.photos.set_annotations(photo_id, [{"kind": "redact", "box": [0.0, 0.0, 0.5, 0.5],
                                          "style": "solid", "color": "#000000"}])
    after = Image.open(io.BytesIO(print_photo(ws, ws.photos.photo(photo_id), 240, 180))).convert("L")
    corner = after.crop((20, 20, 300, 220))
    assert sum(corner.histogram()[40:]) == 0          # every pixel of the box is black
    assert len(list((ws.folder / "cache" / "print").glob("*.jpg"))) == 2
