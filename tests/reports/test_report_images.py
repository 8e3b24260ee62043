"""Photos as printed: upright for every EXIF orientation, no metadata, print resolution."""
from __future__ import annotations

import io
import statistics

import pytest
from PIL import Image, ImageChops

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
    photo_id = ws.photos.add_bytes(audit,
                                   site_photo(random.Random(2), "exit", "2026:05:12 10:00:00"),
                                   filename="a.jpg")
    photo = ws.photos.photo(photo_id)
    before = Image.open(io.BytesIO(print_photo(ws, photo, 240, 180))).convert("L")
    assert before.size == (667, 500)
    assert len(list((ws.folder / "cache" / "print").glob("*.jpg"))) == 1
    ws.photos.set_annotations(photo_id, [{"kind": "redact", "box": [0.0, 0.0, 0.5, 0.5],
                                          "style": "solid", "color": "#000000"}])
    photo = ws.photos.photo(photo_id)
    after = Image.open(io.BytesIO(print_photo(ws, photo, 240, 180))).convert("L")
    corner = after.crop((20, 20, 300, 220))
    assert sum(corner.histogram()[40:]) == 0          # every pixel of the box is black
    assert len(list((ws.folder / "cache" / "print").glob("*.jpg"))) == 2


# -- print copies made at import (issue 7) ----------------------------------------------

A4_BOX_PT = (238.11023622047247, 178.58267716535437)      # photo_box on A4: 661 × 496 px

def _photo_bytes(seed: int = 2, size=(1600, 1200)) -> bytes:
    import random

    from sva.demo.pictures import site_photo
    return site_photo(random.Random(seed), "exit", "2026:05:12 10:00:00", size=size)


def _checkerboard_jpeg(size=(1600, 1200), square=25) -> bytes:
    """High contrast everywhere (10 px squares when printed): any surviving detail shows."""
    w, h = size
    cells = Image.new("L", (w // square, h // square))
    cells.putdata([255 * ((x + y) % 2) for y in range(h // square) for x in range(w // square)])
    out = io.BytesIO()
    cells.resize(size, Image.Resampling.NEAREST).convert("RGB").save(out, "JPEG", quality=95)
    return out.getvalue()


def _embedded(pdf: bytes) -> list[Image.Image]:
    """The images of a PDF as Pillow images (reportlab embeds JPEGs as they are)."""
    from pypdf import PdfReader
    seen = {}
    for page in PdfReader(io.BytesIO(pdf)).pages:
        for obj in (page["/Resources"].get("/XObject") or {}).values():
            image = obj.get_object()
            if image.get("/Subtype") == "/Image":
                seen[obj.idnum] = Image.open(io.BytesIO(image._data)).convert("RGB")
    return list(seen.values())


def _finding_with_photos(ws, audit, photos: list[bytes]) -> list[str]:
    finding = ws.findings.add(audit, area="ENV", severity="significant",
                              requirement="Exits kept clear", observed="Exit blocked")
    return [ws.photos.add_bytes(audit, data, filename=f"{n}.jpg", finding_id=finding)
            for n, data in enumerate(photos)]


def test_print_boxes_follow_the_report_layout():
    from sva.photos.limits import PRINT_BOXES
    from sva.reports.blocks import photo_box
    from sva.reports.page import PAGE_SIZES, frame_width
    needed = {print_size(*photo_box(frame_width(size))) for size in PAGE_SIZES.values()}
    assert set(PRINT_BOXES) == needed


@pytest.mark.parametrize("size", ["a4", "letter"])
def test_report_is_built_from_print_copies_without_originals_or_display_copies(ws, audit, size):
    from sva.photos.derivatives import fit_box
    from sva.reports.blocks import photo_box
    from sva.reports.guidance import build_guidance
    from sva.reports.page import frame_width, page_size
    plain, marked = _finding_with_photos(ws, audit, [_photo_bytes(2), _photo_bytes(3)])
    ws.photos.set_annotations(marked, [{"kind": "rect", "box": [0.1, 0.1, 0.4, 0.4]},
                                       {"kind": "redact", "box": [0.5, 0.5, 0.9, 0.9]}])
    blobs = ws.photos.blobs
    for photo in ws.photos.of_audit(audit):                 # only the print copies are left
        for path in (blobs.original(photo["sha256"]), blobs.display(photo["sha256"]),
                     blobs.thumbnail(photo["sha256"])):
            path.unlink()
    pdf = build_guidance(ws, audit, size=size)
    box = print_size(*photo_box(frame_width(page_size(size))))
    images = [img for img in _embedded(pdf) if img.size[0] > 200]
    assert sorted(img.size for img in images) == [fit_box((1600, 1200), box)] * 2
    from report_checks import pdf_text
    assert "not available" not in pdf_text(pdf)
    copy = ws.photos.blobs.print_copy(ws.photos.photo(plain)["sha256"], box).read_bytes()
    assert copy in pdf                 # the unannotated photo is embedded as made at import
    assert not (ws.folder / "cache" / "print").exists() or len(
        list((ws.folder / "cache" / "print").glob("*.jpg"))) == 1   # only the annotated one


@pytest.mark.parametrize("style", ["solid", "blur"])
def test_redaction_removes_the_pixels_in_the_embedded_image(ws, audit, style):
    from sva.photos.annotate import pixel_box
    from sva.reports.guidance import build_guidance
    (photo,) = _finding_with_photos(ws, audit, [_checkerboard_jpeg()])
    box = [0.2, 0.25, 0.55, 0.7]
    ws.photos.set_annotations(photo, [{"kind": "redact", "box": box, "style": style}])
    (img,) = [i for i in _embedded(build_guidance(ws, audit)) if i.size[0] > 200]
    x0, y0, x1, y1 = pixel_box(box, img.size)
    inside = img.convert("L").crop((x0 + 2, y0 + 2, x1 - 2, y1 - 2))
    outside = img.convert("L").crop((x1 + 4, y0, min(img.width, x1 + 4 + (x1 - x0)), y1))
    spread = lambda region: statistics.pstdev(region.tobytes())  # noqa: E731
    assert spread(outside) > 100                   # the checkerboard is there around the box
    if style == "solid":
        assert max(inside.tobytes()) < 40          # every pixel of the box is painted over
    else:
        assert spread(inside) < 12                 # a few averaged colours, no squares left


def red(img: Image.Image) -> int:
    """How many pixels are clearly red (the rectangle mark)."""
    r, g, b = (band.point(lambda v, lo=lo, hi=hi: 255 if lo <= v <= hi else 0)
               for band, (lo, hi) in zip(img.split(), ((181, 255), (0, 79), (0, 79))))
    return ImageChops.multiply(ImageChops.multiply(r, g), b).histogram()[255]


def test_annotations_drawn_at_print_size_match_the_display_rendering(ws, audit):
    """Marks drawn on the print copy land where they land on the display rendering."""
    from sva.reports.images import print_photo
    (photo,) = _finding_with_photos(ws, audit, [_photo_bytes(4)])
    ws.photos.set_annotations(photo, [
        {"kind": "rect", "box": [0.1, 0.2, 0.45, 0.6], "color": "#ff0000", "width": 0.008},
        {"kind": "arrow", "from": [0.9, 0.9], "to": [0.6, 0.5], "color": "#00ff00"},
        {"kind": "text", "at": [0.55, 0.1], "text": "Blocked exit", "size": 0.05},
        {"kind": "redact", "box": [0.7, 0.15, 0.95, 0.35], "style": "solid"}])
    row = ws.photos.photo(photo)
    printed = Image.open(io.BytesIO(print_photo(ws, row, *A4_BOX_PT))).convert("RGB")
    reference = Image.open(io.BytesIO(ws.photos.render(row, redacted=True))).convert("RGB")
    reference = reference.resize(printed.size, Image.Resampling.LANCZOS)
    diff = ImageChops.difference(printed, reference).convert("L")
    assert statistics.fmean(diff.tobytes()) < 4              # the same picture overall
    assert abs(red(printed) - red(reference)) < 0.3 * red(reference)    # same line widths
    x0, y0 = round(0.1 * printed.width), round(0.4 * printed.height)    # left edge of the rect
    assert red(printed.crop((x0 - 3, y0 - 20, x0 + 5, y0 + 20))) > 40


def test_a_box_larger_than_the_print_copies_uses_the_display_copy(ws, audit):
    from sva.reports.images import print_photo
    (photo,) = _finding_with_photos(ws, audit, [_photo_bytes(5)])
    data = print_photo(ws, ws.photos.photo(photo), 432, 324)     # 6 × 4.5 inch
    with Image.open(io.BytesIO(data)) as img:
        assert img.size == (1200, 900)


def test_old_photos_without_print_copies_still_print_and_get_them(ws, audit):
    from sva.photos.limits import PRINT_BOXES
    from sva.reports.guidance import build_guidance
    photos = _finding_with_photos(ws, audit, [_photo_bytes(6), _photo_bytes(7)])
    ws.photos.set_annotations(photos[1], [{"kind": "redact", "box": [0.0, 0.0, 0.5, 0.5]}])
    blobs = ws.photos.blobs
    shas = [ws.photos.photo(p)["sha256"] for p in photos]
    for sha in shas:                       # a workspace from before print copies existed
        for box in PRINT_BOXES:
            blobs.print_copy(sha, box).unlink()
    images = [i for i in _embedded(build_guidance(ws, audit)) if i.size[0] > 200]
    assert sorted(i.size for i in images) == [(661, 496)] * 2
    redacted = min(images, key=lambda i: statistics.fmean(
        i.convert("L").crop((5, 5, 300, 220)).tobytes()))
    assert max(redacted.convert("L").crop((5, 5, 325, 243)).tobytes()) < 40
    assert all(blobs.print_copy(sha, box).exists() for sha in shas for box in PRINT_BOXES)
