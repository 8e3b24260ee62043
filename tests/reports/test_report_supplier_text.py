"""What the supplier reads under "Required action": text written for the supplier, in the
report's language, never the auditor's guidance on how to check an item."""
from __future__ import annotations

import pytest

from report_checks import pdf_text, squash
from sva.reports.guidance import build_guidance
from sva.reports.i18n import Texts
from tests.conftest import answer_all

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


@pytest.mark.parametrize("lang", LANGS)
def test_a_draft_of_an_unvisited_audit_says_so_never_no_issues(ws, planned_audit, lang):
    text = squash(pdf_text(build_guidance(ws, planned_audit, lang=lang)))
    t = Texts(lang)
    for lang_ in t.langs:
        assert squash(t.get("status.not_visited", lang_)) in text
        for said in ("summary.nothing", "findings.none"):
            assert squash(t.get(said, lang_)) not in text, said
    assert "visitnotyetdone" in text or "訪問未実施" in text


def test_a_visit_in_progress_without_findings_is_not_reported_as_clean(ws, audit):
    text = squash(pdf_text(build_guidance(ws, audit, lang="en")))
    assert squash("no issues requiring corrective action were found") not in text
    assert squash("the result is not final") in text


def test_every_nonconformity_and_observation_appears_with_or_without_a_finding(ws, audit):
    answer_all(ws, audit)
    template = ws.audits.template_of(ws.audits.audit(audit))
    conformity = [i for i in template.items.values() if i.answer == "conformity"]
    with_finding, bare_nc, bare_obs = conformity[:3]
    for item, result in ((with_finding, "nonconformity"), (bare_nc, "nonconformity"),
                         (bare_obs, "observation")):
        ws.audits.record_answer(audit, item.id, result, "seen on the floor")
    ws.findings.add(audit, item_id=with_finding.id, severity="minor", observed="Door locked")
    for lang in LANGS:
        text = squash(pdf_text(build_guidance(ws, audit, lang=lang)))
        for item in (with_finding, bare_nc, bare_obs):
            assert item.id in text, (lang, item.id)
