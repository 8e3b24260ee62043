"""The full audit record: every item, findings with CAP and history, evidence, the log."""
from __future__ import annotations

import io

from pypdf import PdfReader

from report_checks import pdf_text, squash
from sva.reports.record import build_record
from tests.conftest import PNG_1x1, answer_all


def test_record_holds_every_item_finding_and_log_entry(demo, signed_id):
    pdf = build_record(demo, signed_id)
    text = squash(pdf_text(pdf))
    audit = demo.audits.audit(signed_id)
    template = demo.audits.template_of(audit)
    for item in template.items.values():
        assert squash(item.id) in text
    for finding in demo.findings.of_audit(signed_id):
        assert squash(finding["observed"]) in text
    assert "Auditlog" in text
    assert len(PdfReader(io.BytesIO(pdf)).pages) >= 5
    for photo in demo.photos.of_audit(signed_id):
        assert photo["sha256"][:16] in text


def test_amendments_after_signing_are_shown(ws, audit):
    answer_all(ws, audit)
    finding = ws.findings.add(audit, area="OHS", severity="minor", requirement="Exits clear",
                              observed="Blocked exit")
    ws.audits.complete(audit)
    ws.audits.sign(audit, signer_name="Haruka Sato", role="Auditor", organisation="Buyer",
                   image_png=PNG_1x1)
    ws.findings.edit(finding, observed="Blocked exit at gate 2",
                     reason="Supplier pointed out the gate number")
    text = pdf_text(build_record(ws, audit))
    assert squash("Amendment: Supplier pointed out the gate number") in squash(text)
    assert squash("observed: Blocked exit → Blocked exit at gate 2") in squash(text)
    assert "content changed after signing" in text


def test_record_in_japanese(demo, signed_id):
    text = squash(pdf_text(build_record(demo, signed_id, lang="ja")))
    assert "監査記録" in text and "監査ログ" in text
