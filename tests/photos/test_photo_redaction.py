"""Annotations are data; the redacted rendering really removes the pixels under a box."""
import io
import statistics

import pytest
from PIL import Image

from photo_samples import jpeg, log_count, pattern
from sva.errors import BadInput
from sva.photos.annotate import pixel_box

BOX = [0.25, 0.2, 0.6, 0.7]


@pytest.fixture
def photo(ws, audit):
    return ws.photos.add_bytes(audit, jpeg(pattern((400, 300)), quality=98), filename="p.jpg")


def region(img, box, inset=3):
    x0, y0, x1, y1 = pixel_box(box, img.size)
    return img.convert("L").crop((x0 + inset, y0 + inset, x1 - inset, y1 - inset))


def values(img):
    return list(img.tobytes())


def rendered(ws, pid, **kw):
    return Image.open(io.BytesIO(ws.photos.render(pid, **kw)))


def original_display(ws, pid):
    return Image.open(ws.photos.display_path(pid))


def test_solid_redaction_paints_over_every_pixel_in_the_box(ws, photo):
    ws.photos.set_annotations(photo, [{"kind": "redact", "box": BOX, "style": "solid",
                                       "color": "#000000"}])
    before = values(region(original_display(ws, photo), BOX))
    after = values(region(rendered(ws, photo), BOX))
    assert max(before) > 200 and min(before) < 50           # the checkerboard was there
    assert max(after) <= 12                                  # now only the fill (JPEG noise)
    assert sum(abs(a - b) for a, b in zip(after, before)) / len(after) > 100


def test_blur_redaction_leaves_no_detail(ws, photo):
    ws.photos.set_annotations(photo, [{"kind": "redact", "box": BOX, "style": "blur"}])
    before = region(original_display(ws, photo), BOX)
    after = region(rendered(ws, photo), BOX)

    def neighbour_contrast(img):
        px, (w, h) = img.load(), img.size
        return statistics.mean(abs(px[x, y] - px[x + 1, y]) for y in range(h) for x in range(w - 1))

    assert neighbour_contrast(before) > 40
    assert neighbour_contrast(after) < 2                     # the 4-px squares are gone
    assert statistics.pstdev(values(after)) < 12


def test_outside_the_box_is_kept_and_unredacted_keeps_the_pixels(ws, photo):
    ws.photos.set_annotations(photo, [{"kind": "redact", "box": BOX}])
    outside = [0.0, 0.0, 0.2, 0.15]
    assert values(region(rendered(ws, photo), outside)) == pytest.approx(
        values(region(original_display(ws, photo), outside)), abs=40)
    internal = values(region(rendered(ws, photo, redacted=False), BOX, inset=8))
    assert max(internal) > 200 and min(internal) < 50


def test_rectangles_arrows_and_labels_are_drawn(ws, audit):
    pid = ws.photos.add_bytes(audit, jpeg(Image.new("RGB", (400, 300), "white")))
    ws.photos.set_annotations(pid, [
        {"kind": "rect", "box": [0.1, 0.1, 0.5, 0.5], "color": "#ff0000", "width": 0.02},
        {"kind": "arrow", "from": [0.6, 0.9], "to": [0.9, 0.6], "color": "#0000ff"},
        {"kind": "text", "at": [0.55, 0.1], "text": "非常口 blocked", "color": "#00aa00"},
    ])
    img = rendered(ws, pid).convert("RGB")
    r, g, b = img.getpixel((int(0.1 * 400) + 3, int(0.3 * 300)))
    assert r > 200 and g < 60 and b < 60                     # the red rectangle's left edge
    r, g, b = img.getpixel((300, 225))                        # arrow midpoint
    assert b > 150 and r < 100
    assert img.getpixel((100, 250)) == pytest.approx((255, 255, 255), abs=10)


@pytest.mark.parametrize("bad, field", [
    ("not a list", "annotations"),
    ([{"kind": "circle"}], "annotations[0].kind"),
    ([{"kind": "redact", "box": [0.1, 0.1, 0.1, 0.5]}], "annotations[0].box"),
    ([{"kind": "redact", "box": [0.1, 0.1, 1.5, 0.5]}], "annotations[0].box"),
    ([{"kind": "redact", "box": [0, 0, .1, .1], "style": "swirl"}], "annotations[0].style"),
    ([{"kind": "rect", "box": [0, 0, .1, .1], "color": "red"}], "annotations[0].color"),
    ([{"kind": "text", "at": [0.5, 0.5], "text": ""}], "annotations[0].text"),
    ([{"kind": "arrow", "from": [0.5, 0.5], "to": [0.5, 0.5]}], "annotations[0].to"),
    ([{"kind": "rect", "box": [0, 0, .1, .1], "onclick": "x"}], "annotations[0].onclick"),
])
def test_bad_annotations_are_refused_and_change_nothing(ws, photo, bad, field):
    before = log_count(ws)
    with pytest.raises(BadInput) as err:
        ws.photos.set_annotations(photo, bad)
    assert err.value.field == field
    assert ws.photos.annotations(photo) == [] and log_count(ws) == before


def test_annotations_are_stored_as_data_and_logged(ws, photo):
    marks = [{"kind": "redact", "id": "r1", "box": [0.6, 0.7, 0.1, 0.2], "style": "blur"}]
    before = log_count(ws)
    ws.photos.set_annotations(photo, marks)
    assert log_count(ws) == before + 1
    assert ws.photos.annotations(photo) == [
        {"kind": "redact", "id": "r1", "box": [0.1, 0.2, 0.6, 0.7], "style": "blur",
         "color": "#000000"}]
    original = ws.photos.path_of(ws.photos.photo(photo)["sha256"]).read_bytes()
    ws.photos.render(photo)
    assert ws.photos.path_of(ws.photos.photo(photo)["sha256"]).read_bytes() == original
