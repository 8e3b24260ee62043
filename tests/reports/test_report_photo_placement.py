"""Where photos land in the reports, read back with pypdf: a photo linked to a finding, or
taken at the finding's checklist item, prints on that finding's page; a photo at an item
without a finding prints under "Photos of checklist items" with the item; the full record
names each photo's item and finding and points from the item's answer to its photos."""
from __future__ import annotations

import io

import pytest
from PIL import Image
from pypdf import PdfReader

from report_checks import squash
from sva.reports.guidance import build_guidance
from sva.reports.record import build_record


def _jpeg(colour) -> bytes:
    out = io.BytesIO()
    Image.new("RGB", (640, 480), colour).save(out, "JPEG", quality=90)
    return out.getvalue()


def _pages(pdf: bytes) -> list[tuple[str, int]]:
    """(text without whitespace, number of images drawn) of every page."""
    out = []
    for page in PdfReader(io.BytesIO(pdf)).pages:
        xobjects = page["/Resources"].get("/XObject") or {}
        images = sum(1 for obj in xobjects.values()
                     if obj.get_object().get("/Subtype") == "/Image")
        out.append((squash(page.extract_text()), images))
    return out


def _page_of(pages, text: str) -> int:
    found = [n for n, (page, _) in enumerate(pages) if squash(text) in page]
    assert found, f"{text!r} is in no page"
    return found[0]


@pytest.fixture
def visit(ws, audit):
    template = ws.audits.template_of(ws.audits.audit(audit))
    items = [i.id for i in template.items.values() if i.answer == "conformity"]
    ws.audits.record_answer(audit, items[0], "nonconformity")
    ws.audits.record_answer(audit, items[3], "conforms")
    with_item = ws.findings.add(audit, item_id=items[0], severity="minor",
                                observed="Fire exit blocked by pallets in hall B")
    plain = ws.findings.add(audit, area="ISEC", severity="significant",
                            observed="Customer drawings left on an open desk")
    photos = {
        "on item": ws.photos.add_bytes(audit, _jpeg((200, 30, 30)), filename="a.jpg",
                                       item_id=items[0], caption="Pallets at the exit"),
        "linked": ws.photos.add_bytes(audit, _jpeg((30, 200, 30)), filename="b.jpg",
                                      caption="Open desk"),
        "item only": ws.photos.add_bytes(audit, _jpeg((30, 30, 200)), filename="c.jpg",
                                         item_id=items[3], caption="Extinguisher checked"),
        "nowhere": ws.photos.add_bytes(audit, _jpeg((90, 90, 90)), filename="d.jpg",
                                       caption="Car park"),
    }
    ws.photos.link_finding(photos["linked"], plain)
    return {"items": items, "with_item": with_item, "plain": plain, "photos": photos}


def test_a_photo_on_a_findings_item_prints_on_the_findings_page(ws, audit, visit):
    pages = _pages(build_guidance(ws, audit))
    page = _page_of(pages, "Fire exit blocked by pallets in hall B")
    assert squash("Photo 1 · Pallets at the exit") in pages[page][0]


def test_a_linked_photo_prints_on_its_findings_page_with_one_image_each(ws, audit, visit):
    pages = _pages(build_guidance(ws, audit))
    first = _page_of(pages, "Customer drawings left on an open desk")     # significant: F-01
    second = _page_of(pages, "Fire exit blocked by pallets in hall B")
    assert squash("Photo 1 · Open desk") in pages[first][0]
    if first == second:                       # both findings on one page: both photos there
        assert pages[first][1] == 2
    else:
        assert pages[first][1] == 1 and pages[second][1] == 1


def test_a_photo_at_an_item_without_a_finding_prints_with_that_item(ws, audit, visit):
    pdf = build_guidance(ws, audit)
    pages = _pages(pdf)
    page = _page_of(pages, "Photos of checklist items")
    text = pages[page][0]
    assert squash(f"Checklist item {visit['items'][3]}") in text
    assert squash("Answer: Conforms") in text
    assert squash("Photo 1 · Extinguisher checked") in text
    assert sum(images for _, images in pages) == 3            # "Car park" is on nothing
    assert squash("Car park") not in squash(" ".join(p for p, _ in pages))
    ja = _pages(build_guidance(ws, audit, lang="ja"))
    assert squash("チェックリスト項目の写真") in ja[_page_of(ja, "チェックリスト項目の写真")][0]


def test_the_guidance_report_without_item_photos_has_no_such_section(ws, audit):
    ws.findings.add(audit, area="ENV", severity="minor", observed="Drums without labels")
    assert "Photosofchecklistitems" not in "".join(p for p, _ in _pages(
        build_guidance(ws, audit)))


def test_the_record_names_each_photos_item_and_finding(ws, audit, visit):
    text = "".join(p for p, _ in _pages(build_record(ws, audit)))
    items = visit["items"]
    assert squash(f"Item {items[0]} · Finding F-02 · a.jpg") in text   # shown with F-02
    assert squash("Finding F-01 · b.jpg") in text
    assert squash(f"Item {items[3]} · c.jpg") in text
    assert squash("Not linked to a finding · d.jpg") in text
    assert squash("Evidence photos: 1") in text and squash("Evidence photos: 3") in text
