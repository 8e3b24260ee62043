"""All eight EXIF orientations give upright derivatives: checked on pixels, not sizes."""
import io

import pytest
from PIL import Image

from photo_samples import QUADRANTS, jpeg, quadrant_image, stored_for


def colour_at(img, fx, fy):
    w, h = img.size
    return img.convert("RGB").getpixel((int(fx * w), int(fy * h)))


def close(a, b, tol=40):
    return all(abs(x - y) <= tol for x, y in zip(a, b))


def assert_upright(img, expected_size):
    assert img.size == expected_size
    for name, (fx, fy) in {"top_left": (.25, .25), "top_right": (.75, .25),
                           "bottom_left": (.25, .75), "bottom_right": (.75, .75)}.items():
        got = colour_at(img, fx, fy)
        assert close(got, QUADRANTS[name]), (name, got)


@pytest.mark.parametrize("orientation", range(1, 9))
def test_every_orientation_gives_upright_derivatives(ws, audit, orientation):
    upright = quadrant_image((600, 400))
    data = jpeg(stored_for(upright, orientation), orientation=orientation)
    photo = ws.photos.photo(ws.photos.add_bytes(audit, data, filename=f"o{orientation}.jpg"))
    assert (photo["width"], photo["height"]) == (600, 400)
    with Image.open(ws.photos.display_path(photo)) as display:
        assert_upright(display, (600, 400))
    with Image.open(ws.photos.thumbnail_path(photo)) as thumb:
        assert_upright(thumb, (256, 171))
    assert_upright(Image.open(io.BytesIO(ws.photos.render(photo))), (600, 400))


@pytest.mark.parametrize("orientation", [3, 6, 8])
def test_large_rotated_photo_fits_2048_and_stays_upright(ws, audit, orientation):
    upright = quadrant_image((3000, 2000)).resize((3000, 2000))
    stored = upright.transpose({3: Image.Transpose.ROTATE_180, 6: Image.Transpose.ROTATE_90,
                                8: Image.Transpose.ROTATE_270}[orientation])
    # sanity of the construction against the per-pixel definition on a small copy
    small = quadrant_image((60, 40))
    assert stored_for(small, orientation).tobytes() == small.transpose(
        {3: Image.Transpose.ROTATE_180, 6: Image.Transpose.ROTATE_90,
         8: Image.Transpose.ROTATE_270}[orientation]).tobytes()
    photo = ws.photos.photo(ws.photos.add_bytes(audit, jpeg(stored, orientation=orientation),
                                                filename="big.jpg"))
    assert (photo["width"], photo["height"]) == (3000, 2000)
    with Image.open(ws.photos.display_path(photo)) as display:
        assert_upright(display, (2048, 1365))
