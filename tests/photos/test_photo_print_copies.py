"""Print copies: made at import from the pixels decoded for the display copy, one per report
photo box, upright and metadata-free; photos stored before they existed still get them."""
import io

import pytest
from PIL import Image

from photo_samples import QUADRANTS, jpeg, quadrant_image
from sva.photos.derivatives import fit_box
from sva.photos.limits import PRINT_BOXES


def _near(pixel, colour, tol=40):
    return all(abs(a - b) <= tol for a, b in zip(pixel, colour))


def _assert_upright_quadrants(img):
    w, h = img.size
    assert _near(img.getpixel((w // 4, h // 4)), QUADRANTS["top_left"])
    assert _near(img.getpixel((3 * w // 4, h // 4)), QUADRANTS["top_right"])
    assert _near(img.getpixel((w // 4, 3 * h // 4)), QUADRANTS["bottom_left"])
    assert _near(img.getpixel((3 * w // 4, 3 * h // 4)), QUADRANTS["bottom_right"])


def _print_copies(ws, sha):
    return {box: ws.photos.blobs.print_copy(sha, box) for box in PRINT_BOXES}


def test_import_makes_an_upright_metadata_free_print_copy_per_box(ws, audit):
    upright = quadrant_image((3000, 2000))
    stored = upright.transpose(Image.Transpose.ROTATE_90)    # what orientation 6 turns upright
    data = jpeg(stored, orientation=6, taken="2026:05:12 10:00:00", gps=True)
    photo = ws.photos.photo(ws.photos.add_bytes(audit, data, filename="IMG_1.JPG"))
    for box, path in _print_copies(ws, photo["sha256"]).items():
        assert path.exists(), box
        with Image.open(path) as img:
            assert img.size == fit_box((2048, 1365), box)
            assert img.width <= box[0] and img.height <= box[1]
            assert img.width == box[0] or img.height == box[1]     # fills the box's limit
            assert not img.getexif() and "exif" not in img.info and "icc_profile" not in img.info
            _assert_upright_quadrants(img.convert("RGB"))
        assert ws.photos.print_copy(photo, box) == path.read_bytes()


def test_a_small_photo_is_not_upscaled_for_print(ws, audit):
    photo = ws.photos.photo(ws.photos.add_bytes(audit, jpeg(quadrant_image((300, 200)))))
    for path in _print_copies(ws, photo["sha256"]).values():
        with Image.open(path) as img:
            assert img.size == (300, 200)


def test_a_photo_stored_before_print_copies_gets_them_from_its_display_copy(ws, audit):
    photo = ws.photos.photo(ws.photos.add_bytes(audit, jpeg(quadrant_image((1600, 1200)))))
    copies = _print_copies(ws, photo["sha256"])
    for path in copies.values():
        path.unlink()                      # as in a workspace from before this change
    ws.photos.path_of(photo["sha256"]).unlink()     # and the original is not needed
    for box, path in copies.items():
        data = ws.photos.print_copy(photo, box)
        with Image.open(io.BytesIO(data)) as img:
            assert img.size == fit_box((1600, 1200), box)
            _assert_upright_quadrants(img.convert("RGB"))
        assert path.read_bytes() == data               # kept for next time


def test_derivatives_rebuilt_from_the_original_include_the_print_copies(ws, audit):
    photo = ws.photos.photo(ws.photos.add_bytes(audit, jpeg(quadrant_image((1600, 1200)))))
    derived = sorted(ws.photos.blobs.display(photo["sha256"]).parent.glob(photo["sha256"] + ".*"))
    assert len(derived) == 2 + len(PRINT_BOXES)
    for path in derived:
        path.unlink()                      # e.g. a photo that came by sync
    assert ws.photos.thumbnail_path(photo).exists()
    assert all(p.exists() for p in _print_copies(ws, photo["sha256"]).values())


def test_print_copy_only_for_a_print_box(ws, audit):
    photo = ws.photos.add_bytes(audit, jpeg(quadrant_image()))
    with pytest.raises(ValueError):
        ws.photos.print_copy(photo, (100, 100))


def test_import_decodes_the_original_once(ws, audit, monkeypatch):
    from sva.photos import derivatives
    calls = []
    real = derivatives.decode
    monkeypatch.setattr(derivatives, "decode", lambda *a, **k: calls.append(1) or real(*a, **k))
    ws.photos.add_bytes(audit, jpeg(quadrant_image((3000, 2000))))
    assert len(calls) == 1
