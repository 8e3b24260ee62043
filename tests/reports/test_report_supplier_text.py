"""What the supplier reads under "Required action": text written for the supplier, in the
report's language, never the auditor's guidance on how to check an item."""
from __future__ import annotations

import pytest

from report_checks import pdf_text, squash
from sva.reports.guidance import build_guidance

LANGS = ["en", "ja", "en+ja"]


def _snippets(texts: dict) -> list[str]:
    return [squash(text)[:40] for text in texts.values() if text]


@pytest.mark.parametrize("lang", LANGS)
def test_no_report_page_contains_auditor_guidance(demo, signed_id, draft_id, lang):
    for audit_id in (signed_id, draft_id):
        template = demo.audits.template_of(demo.audits.audit(audit_id))
        text = squash(pdf_text(build_guidance(demo, audit_id, lang=lang, issued="2026-11-20")))
        for item in template.items.values():
            for snippet in _snippets(item.guidance):
                assert snippet not in text, (item.id, snippet)


def test_required_action_is_the_expected_practice_in_the_report_language(ws, audit):
    template = ws.audits.template_of(ws.audits.audit(audit))
    item = template.items["SVR-OHS-01"]
    ws.findings.add(audit, item_id=item.id, severity="minor", observed="Exit locked",
                    required_action=item.expected["en"])
    # A finding recorded before items had an expected text: the guidance was copied.
    other = template.items["SVR-HR-01"]
    ws.findings.add(audit, item_id=other.id, severity="minor", observed="Passports kept",
                    required_action=other.guidance["en"])
    for lang in ("en", "ja"):
        text = squash(pdf_text(build_guidance(ws, audit, lang=lang)))
        for shown in (item, other):
            assert squash(shown.expected[lang])[:40] in text, (lang, shown.id)
            assert squash(shown.guidance[lang])[:40] not in text, (lang, shown.id)


def test_the_auditors_own_words_are_printed_as_written(ws, audit):
    ws.findings.add(audit, item_id="SVR-OHS-01", severity="minor", observed="Exit locked",
                    required_action="Remove the padlock from door 3 today.")
    text = squash(pdf_text(build_guidance(ws, audit, lang="en")))
    assert squash("Remove the padlock from door 3 today.") in text
