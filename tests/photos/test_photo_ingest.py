"""Adding photos: originals untouched and content-addressed, idempotent, no metadata leaks."""
import hashlib
import io
import json
import os
from datetime import datetime, UTC

import pytest
from PIL import Image

from photo_samples import GPS_IFD, jpeg, log_count, png, quadrant_image
from sva.errors import BadInput

XMP = (b'<x:xmpmeta xmlns:x="adobe:ns:meta/"><rdf:RDF><rdf:Description '
       b'exif:GPSLatitude="35,31.2N" exif:GPSLongitude="139,42.1E"/></rdf:RDF></x:xmpmeta>')


def test_original_is_kept_byte_for_byte_under_its_sha256(ws, audit):
    data = jpeg(quadrant_image(), taken="2026:05:12 10:00:00", gps=True)
    photo = ws.photos.photo(ws.photos.add_bytes(audit, data, filename="IMG_0001.JPG"))
    digest = hashlib.sha256(data).hexdigest()
    assert photo["sha256"] == digest and photo["media_type"] == "image/jpeg"
    assert ws.photos.path_of(digest).read_bytes() == data


def test_same_file_twice_is_one_photo_and_one_log_row(ws, audit, tmp_path):
    path = tmp_path / "a.jpg"
    path.write_bytes(jpeg(quadrant_image()))
    before = log_count(ws)
    first = ws.photos.add_file(audit, path)
    files = sorted(p for p in ws.folder.rglob("*") if p.is_file() and "sva.db" not in p.name)
    assert ws.photos.add_file(audit, path) == first
    assert ws.photos.add_files(audit, [path, path]).added == [(str(path), first)] * 2
    assert len(ws.photos.of_audit(audit)) == 1 and log_count(ws) == before + 1
    assert sorted(p for p in ws.folder.rglob("*")
                  if p.is_file() and "sva.db" not in p.name) == files


def test_readding_a_deleted_photo_restores_it(ws, audit):
    data = jpeg(quadrant_image())
    pid = ws.photos.add_bytes(audit, data)
    ws.photos.delete(pid)
    assert ws.photos.of_audit(audit) == []
    assert ws.photos.add_bytes(audit, data) == pid
    assert [p["id"] for p in ws.photos.of_audit(audit)] == [pid]
    assert ws.audits.history(audit)[-1]["action"] == "restore"


def no_metadata(data: bytes):
    assert b"Exif\x00\x00" not in data and b"GPS" not in data and b"xmpmeta" not in data
    with Image.open(io.BytesIO(data)) as img:
        assert not img.getexif() and not img.getexif().get_ifd(GPS_IFD)
        assert not {"exif", "xmp", "XML:com.adobe.xmp", "comment"} & set(img.info)


def test_derivatives_and_renderings_carry_no_exif_gps_or_xmp(ws, audit):
    data = jpeg(quadrant_image(), orientation=6, taken="2026:05:12 10:00:00", gps=True, xmp=XMP)
    with Image.open(io.BytesIO(data)) as original:       # the test file really has them
        assert original.getexif().get_ifd(GPS_IFD) and "xmp" in original.info
    pid = ws.photos.add_bytes(audit, data, filename="gps.jpg")
    ws.photos.set_annotations(pid, [{"kind": "redact", "box": [0, 0, .2, .2]}])
    no_metadata(ws.photos.display_path(pid).read_bytes())
    no_metadata(ws.photos.thumbnail_path(pid).read_bytes())
    no_metadata(ws.photos.render(pid))
    no_metadata(ws.photos.render(pid, redacted=False))
    assert ws.photos.path_of(hashlib.sha256(data).hexdigest()).read_bytes() == data


def test_png_and_heic_are_accepted(ws, audit):
    pillow_heif = pytest.importorskip("pillow_heif")
    assert pillow_heif
    buf = io.BytesIO()
    quadrant_image((300, 200)).save(buf, "HEIF", quality=90)
    heic = ws.photos.photo(ws.photos.add_bytes(audit, buf.getvalue(), filename="IMG_1.HEIC"))
    assert (heic["media_type"], heic["width"], heic["height"]) == ("image/heic", 300, 200)
    with Image.open(ws.photos.display_path(heic)) as img:
        assert img.format == "JPEG" and img.size == (300, 200)
    rgba = quadrant_image((100, 50)).convert("RGBA")
    p = ws.photos.photo(ws.photos.add_bytes(audit, png(rgba), filename="shot.png"))
    assert p["media_type"] == "image/png"
    with Image.open(ws.photos.thumbnail_path(p)) as img:
        assert img.mode == "RGB" and img.size == (100, 50)


def test_capture_time_reads_exif_in_the_site_time_zone(ws, audit):
    # fixture site is Asia/Tokyo (UTC+9)
    pid = ws.photos.add_bytes(audit, jpeg(quadrant_image(), taken="2026:05:12 10:00:00"))
    assert ws.photos.photo(pid)["captured_at"] == "2026-05-12T01:00:00Z"


def test_exif_offset_beats_the_site_zone(ws, audit):
    data = jpeg(quadrant_image(), taken="2026:05:12 10:00:00", offset="+02:00")
    assert ws.photos.photo(ws.photos.add_bytes(audit, data))["captured_at"] == \
        "2026-05-12T08:00:00Z"


def test_without_exif_the_file_time_is_used(ws, audit, tmp_path):
    path = tmp_path / "screen.png"
    path.write_bytes(png(quadrant_image()))
    moment = datetime(2026, 5, 12, 3, 4, 5, tzinfo=UTC).timestamp()
    os.utime(path, (moment, moment))
    assert ws.photos.photo(ws.photos.add_file(audit, path))["captured_at"] == \
        "2026-05-12T03:04:05Z"


def test_derivatives_are_rebuilt_when_missing(ws, audit):
    pid = ws.photos.add_bytes(audit, jpeg(quadrant_image()))
    display = ws.photos.display_path(pid)
    display.unlink()
    assert ws.photos.display_path(pid).exists()


def test_caption_reorder_link_unlink_delete_each_log_one_row(ws, audit):
    finding = ws.findings.add(audit, severity="minor", area="OHS", observed="Exit blocked")
    ids = [ws.photos.add_bytes(audit, jpeg(quadrant_image((100 + n, 80))), filename=f"{n}.jpg")
           for n in range(4)]
    steps = [
        lambda: ws.photos.set_caption(ids[0], "  Blocked exit  "),
        lambda: ws.photos.reorder(audit, [ids[3], ids[1], ids[0], ids[2]]),
        lambda: ws.photos.link_finding(ids[1], finding),
        lambda: ws.photos.unlink_finding(ids[1]),
        lambda: ws.photos.link_finding(ids[2], finding),
        lambda: ws.photos.delete(ids[0]),
    ]
    for step in steps:
        before = log_count(ws)
        step()
        assert log_count(ws) == before + 1
    assert [p["id"] for p in ws.photos.of_audit(audit)] == [ids[3], ids[1], ids[2]]
    assert ws.photos.photo(ids[0], include_deleted=True)["caption"] == "Blocked exit"
    assert [p["id"] for p in ws.photos.of_finding(finding)] == [ids[2]]
    actions = [r["action"] for r in ws.audits.history(audit)][-6:]
    assert actions == ["caption", "reorder", "link", "unlink", "link", "delete"]
    reorder = json.loads(ws.audits.history(audit)[-5]["changes"])
    assert reorder["order"] == [ids, [ids[3], ids[1], ids[0], ids[2]]]


def test_reordering_a_subset_keeps_the_other_photos_in_place(ws, audit):
    ids = [ws.photos.add_bytes(audit, jpeg(quadrant_image((100 + n, 80)))) for n in range(4)]
    ws.photos.reorder(audit, [ids[3], ids[1]])
    assert [p["id"] for p in ws.photos.of_audit(audit)] == [ids[0], ids[3], ids[2], ids[1]]


def test_links_must_belong_to_the_audit(ws, audit, supplier):
    other = ws.audits.create(supplier_id=supplier["id"], site_id=supplier["site"],
                             template_ref=ws.templates.latest("svr"), planned_date="2026-06-01")
    ws.audits.start(other)
    foreign = ws.findings.add(other, severity="minor", area="OHS", observed="exit blocked")
    pid = ws.photos.add_bytes(audit, jpeg(quadrant_image()))
    before = log_count(ws)
    with pytest.raises(BadInput, match="another audit"):
        ws.photos.link_finding(pid, foreign)
    with pytest.raises(BadInput, match="not in checklist"):
        ws.photos.set_item(pid, "no-such-item")
    with pytest.raises(BadInput, match="listed twice"):
        ws.photos.reorder(audit, [pid, pid])
    assert log_count(ws) == before
