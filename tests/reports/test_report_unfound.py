"""The supplier's guidance report never leaves out a nonconformity: one with no finding is
listed with the auditor's reason (read back from the PDF with pypdf)."""
from __future__ import annotations

import pytest

from report_checks import pdf_text, squash
from sva.reports.guidance import build_guidance
from sva.reports.record import build_record
from tests.conftest import answer_all

NC_ITEM = "SVR-HR-02"
OBS_ITEM = "SVR-ENV-01"
REASON = "Emergency exit cleared while we were on site"
HEADING = {"en": "Nonconformities and observations without a separate finding",
           "ja": "個別の指摘事項としていない不適合・観察事項"}


@pytest.fixture
def visit(ws, audit):
    answer_all(ws, audit)
    ws.audits.record_answer(audit, NC_ITEM, "nonconformity", "Exit blocked by pallets")
    ws.audits.record_answer(audit, OBS_ITEM, "observation")
    return audit


def test_a_nonconformity_without_a_finding_is_in_the_draft_report(ws, visit):
    text = squash(pdf_text(build_guidance(ws, visit, lang="en", issued="2026-05-12")))
    assert squash(HEADING["en"]) in text
    for item_id in (NC_ITEM, OBS_ITEM):
        assert item_id in text
    question = ws.audits.template_of(ws.audits.audit(visit)).items[NC_ITEM].question["en"]
    assert squash(question) in text
    assert squash("Exit blocked by pallets") in text
    assert text.count(squash("No reason recorded yet.")) == 2


@pytest.mark.parametrize("lang", ["en", "ja", "en+ja"])
def test_the_signed_report_gives_the_reason_for_each(ws, visit, lang):
    ws.audits.explain_no_finding(visit, NC_ITEM, REASON)
    ws.audits.explain_no_finding(visit, OBS_ITEM, "Shared as advice only")
    ws.audits.complete(visit)
    text = squash(pdf_text(build_guidance(ws, visit, lang=lang, issued="2026-05-12")))
    for part in lang.split("+"):
        assert squash(HEADING[part]) in text
    assert squash(REASON) in text and squash("Shared as advice only") in text
    assert "Noreasonrecordedyet" not in text
    template = ws.audits.template_of(ws.audits.audit(visit))
    for part in lang.split("+"):
        assert squash(template.items[NC_ITEM].question[part]) in text


def test_a_nonconformity_covered_by_a_finding_is_reported_once_as_the_finding(ws, visit):
    ws.findings.add(visit, item_id=NC_ITEM, severity="minor", observed="Exit blocked")
    ws.findings.add(visit, item_id=OBS_ITEM, severity="observation", observed="Dust")
    text = squash(pdf_text(build_guidance(ws, visit, lang="en", issued="2026-05-12")))
    assert squash(HEADING["en"]) not in text
    assert text.count(f"Checklistitem{NC_ITEM}") == 1             # in the finding's block


def test_the_full_record_shows_the_reason_next_to_the_answer(ws, visit):
    ws.audits.explain_no_finding(visit, NC_ITEM, REASON)
    text = squash(pdf_text(build_record(ws, visit, lang="en")))
    assert squash(f"Why no finding: {REASON}") in text


def test_the_heading_never_stands_alone_at_a_page_foot(ws, visit):
    """With one short finding the section starts low on page 2: heading, explanation and
    the first item move to the next page together."""
    ws.findings.add(visit, item_id="SVR-HR-03", severity="minor", observed="x")
    from io import BytesIO

    from pypdf import PdfReader
    pages = [squash(p.extract_text()) for p in PdfReader(BytesIO(
        build_guidance(ws, visit, lang="en+ja", issued="2026-05-12"))).pages]
    [page] = [p for p in pages if squash(HEADING["en"]) in p]
    assert f"{NC_ITEM}·" in page and "Recordedas" in page
