"""The CAP page as the guidance report shows a finding: on a Japanese page the requirement is
the checklist item's Japanese question (from the checklist HQ published), and the finding's
photos are shown as thumbnails with the redaction region painted over the pixels — by the
device report's code — whether the device rendered the photo or HQ draws it; the unredacted
original HQ holds by policy is never served, nor another supplier's photo (404 like an
unknown one). SQLite and PostgreSQL."""
from __future__ import annotations

import io
import re

from PIL import Image

from tests.hq_portal.cap_audit import IN_BOX, OUTSIDE, signed_audit
from tests.hq_portal.conftest import contact, portal_client


def _pixel(data: bytes, where) -> tuple:
    with Image.open(io.BytesIO(data)) as img:
        assert img.format == "JPEG" and not img.getexif()
        return img.convert("RGB").getpixel((int(where[0] * img.width),
                                            int(where[1] * img.height)))


def test_a_japanese_cap_page_shows_the_items_japanese_requirement(storage, app):
    audit = signed_audit(storage)
    contact(storage, "S001", "aiko@kanto.example", lang="ja")
    c = portal_client(app, "aiko@kanto.example")
    ja = c.get("/portal/caps?lang=ja").text
    question = audit["item"]["question"]
    assert question["ja"] in ja and question["en"] not in ja
    en = c.get("/portal/caps?lang=en").text
    assert question["en"] in en and question["ja"] not in en


def test_a_requirement_the_auditor_wrote_stays_as_written(storage, app):
    signed_audit(storage, requirement="Keep the north exit free at all times")
    contact(storage, "S001", "aiko@kanto.example", lang="ja")
    ja = portal_client(app, "aiko@kanto.example").get("/portal/caps?lang=ja").text
    assert "Keep the north exit free at all times" in ja


def test_the_findings_photos_are_shown_redacted(storage, app):
    audit = signed_audit(storage)
    contact(storage, "S001", "aiko@kanto.example")
    c = portal_client(app, "aiko@kanto.example")
    page = c.get("/portal/caps").text
    links = re.findall(r'class="cap-photo" src="([^"]+)"', page)
    assert links == [f"/portal/cap-photos/{audit['finding_id']}/{audit['rendered']}",
                     f"/portal/cap-photos/{audit['finding_id']}/{audit['legacy']}"]
    for link in links:
        r = c.get(link)
        assert r.status_code == 200 and r.headers["content-type"] == "image/jpeg"
        assert r.headers["x-content-type-options"] == "nosniff"
        assert max(_pixel(r.content, IN_BOX)) < 30              # the redaction: black
        assert min(_pixel(r.content, OUTSIDE)) > 200            # the rest: as photographed
        with Image.open(io.BytesIO(r.content)) as img:
            assert max(img.size) <= 640                          # a thumbnail


def test_no_original_and_no_other_suppliers_photo_is_ever_served(storage, app):
    audit = signed_audit(storage)
    theirs = signed_audit(storage, "S002")
    contact(storage, "S001", "aiko@kanto.example")
    c = portal_client(app, "aiko@kanto.example")
    unknown = c.get(f"/portal/cap-photos/{audit['finding_id']}/{'0' * 64}")
    assert unknown.status_code == 404
    for finding, sha in ((audit["finding_id"], audit["original"]),       # unredacted
                         (theirs["finding_id"], theirs["rendered"]),     # another supplier
                         (audit["finding_id"], theirs["rendered"]),      # theirs via mine
                         (theirs["finding_id"], audit["rendered"]),
                         (audit["finding_id"], audit["rendered"][:40])):
        r = c.get(f"/portal/cap-photos/{finding}/{sha}")
        assert r.status_code == 404 and r.text == unknown.text, (finding, sha)
    assert "S002: fire exit" not in c.get("/portal/caps").text
    anonymous = portal_client(app).get(f"/portal/cap-photos/{audit['finding_id']}/"
                                       f"{audit['rendered']}", follow_redirects=False)
    assert anonymous.status_code == 303
