"""The full record reads well: narrow columns never break a word, capture times in the
site's time zone, the audit log in time order."""
from __future__ import annotations

import io

from pypdf import PdfReader

from report_checks import squash
from sva.reports.i18n import Texts
from sva.reports.record import build_record


def _raw(pdf: bytes) -> str:
    return "\n".join(p.extract_text() for p in PdfReader(io.BytesIO(pdf)).pages)


def test_narrow_columns_never_break_a_word(ws, audit):
    template = ws.audits.template_of(ws.audits.audit(audit))
    items = [i for i in template.items.values() if i.answer == "conformity"][:4]
    for item in items:
        ws.audits.record_answer(audit, item.id, "nonconformity", "")
    raw = _raw(build_record(ws, audit, lang="en"))
    assert raw.count("Nonconformity") >= len(items)
    assert "Nonconformit\ny" not in raw


def test_photo_capture_times_are_in_the_sites_time_zone(ws, audit):
    from PIL import Image
    buffer = io.BytesIO()
    Image.new("RGB", (64, 48), "grey").save(buffer, "JPEG")
    photo = ws.photos.add_bytes(audit, buffer.getvalue(), filename="IMG_1.jpg")
    ws.db.execute("UPDATE photos SET captured_at = '2026-05-12T23:30:00Z' WHERE id = ?", [photo])
    text = squash(_raw(build_record(ws, audit, lang="en")))
    shown = squash(Texts("en").moment("2026-05-12T23:30:00Z", "Asia/Tokyo"))
    assert shown.startswith("13May2026") and "08:30" in shown          # JST, next morning
    assert squash("taken") + shown in text


def test_the_audit_log_is_in_time_order(ws, audit):
    ws.clock = lambda: "2026-05-12T05:00:00.000000Z"
    ws.findings.add(audit, area="OHS", severity="minor", observed="Later in the day")
    ws.clock = lambda: "2026-05-12T01:00:00.000000Z"      # a second device, earlier
    ws.findings.add(audit, area="HR", severity="minor", observed="Earlier in the day")
    text = squash(_raw(build_record(ws, audit, lang="en")))
    log = text.split(squash("Audit log"))[-1]
    assert log.index("10:00") < log.index("14:00")      # 01:00 and 05:00 UTC in JST


def test_one_photo_numbering_in_the_record(ws, audit):
    from PIL import Image
    # The observation is recorded (and photographed) first but printed after the
    # significant finding: per-finding numbering would call two photos "Photo 1".
    later = ws.findings.add(audit, area="OHS", severity="observation", observed="Seen first")
    first = ws.findings.add(audit, area="OHS", severity="significant", observed="Seen next")
    for n, finding in enumerate((later, first, first)):
        buffer = io.BytesIO()
        Image.new("RGB", (64, 48), (40 * n, 90, 120)).save(buffer, "JPEG")
        ws.photos.add_bytes(audit, buffer.getvalue(), filename=f"IMG_{n}.jpg",
                            finding_id=finding, caption=f"shot{n}")
    text = squash(_raw(build_record(ws, audit, lang="en")))
    findings_part = text.split(squash("Evidence photos"))[0]
    # The finding shows its photos with the numbers they have in "Evidence photos".
    numbers = {p["id"]: n for n, p in enumerate(ws.photos.of_audit(audit), start=1)}
    for photo in ws.photos.of_audit(audit):
        assert f"Photo{numbers[photo['id']]}·{photo['caption']}" in findings_part
