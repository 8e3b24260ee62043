"""The supplier's language: a finding's texts in Japanese as well, the Japanese report using
them, and text shown in the other language marked as such; the texts travel to HQ."""
from __future__ import annotations

import pytest

from report_checks import pdf_text, squash
from sva.hq.api.models import Finding
from sva.hq.audits import document_hash
from sva.reports.guidance import build_guidance
from sva.sync.document import audit_document
from sva.vocabulary import FINDING_EXTRA_FIELDS
from tests.conftest import PNG_1x1, answer_all


@pytest.fixture
def bilingual(ws, audit):
    ws.findings.add(audit, area="OHS", severity="minor", requirement="Exits",
                    observed="Exit door 3 was padlocked",
                    observed_ja="3番非常口が南京錠で施錠されていた",
                    required_action="Remove the padlock today",
                    required_action_ja="本日中に南京錠を外してください",
                    evidence="Seen on the floor", evidence_ja="現場で確認",
                    documents_seen="Fire inspection report 2026", interviews="2 supervisors",
                    sample_size="12 of 40 exits")
    ws.findings.add(audit, area="ISEC", severity="minor", requirement="Labels",
                    observed="Drawings without confidentiality labels")
    # The site's Japanese name: only the findings' texts are in the other language.
    ws.suppliers.edit_site(ws.audits.audit(audit)["site_id"], name_ja="川崎工場")
    return audit


def test_the_japanese_report_uses_the_japanese_texts(ws, bilingual):
    ja = squash(pdf_text(build_guidance(ws, bilingual, lang="ja")))
    for text in ("3番非常口が南京錠で施錠されていた", "本日中に南京錠を外してください",
                 "現場で確認"):
        assert text in ja
    for text in ("Exit door 3 was padlocked", "Remove the padlock today"):
        assert squash(text) not in ja
    en = squash(pdf_text(build_guidance(ws, bilingual, lang="en")))
    assert squash("Exit door 3 was padlocked") in en and "南京錠" not in en


def test_text_in_the_other_language_is_marked(ws, bilingual):
    ja = pdf_text(build_guidance(ws, bilingual, lang="ja"))
    assert squash("Drawings without confidentiality labels") in squash(ja)
    # The two requirements (written in English, no checklist item) and the one observation
    # without a Japanese version; nothing that has one.
    assert ja.count("英語で記載") == 3
    assert squash("（英語で記載）Drawings without") in squash(ja)


def test_an_english_report_marks_a_text_written_only_in_japanese(ws, audit):
    ws.findings.add(audit, area="HR", severity="minor", requirement="Hours",
                    observed="残業時間が記録されていない")
    en = squash(pdf_text(build_guidance(ws, audit, lang="en")))
    assert squash("(written in Japanese)") in en and "残業時間が記録されていない" in en


def test_evidence_references_are_printed_with_the_finding(ws, bilingual):
    for lang, labels in (("en", ("Documents seen", "Interviews", "Sample size")),
                         ("ja", ("確認した文書", "聞き取り", "サンプル数"))):
        text = squash(pdf_text(build_guidance(ws, bilingual, lang=lang)))
        for label in labels:
            assert squash(label) in text, (lang, label)
        assert squash("12 of 40 exits") in text and squash("2 supervisors") in text


def test_the_texts_travel_to_hq_and_older_documents_keep_their_hash(ws, bilingual):
    doc = audit_document(ws, bilingual)
    [sent] = [f for f in doc["findings"] if f["observed_ja"]]
    assert sent["required_action_ja"] == "本日中に南京錠を外してください"
    assert sent["sample_size"] == "12 of 40 exits"
    Finding.model_validate(sent)                           # HQ's model takes them
    # A document without the new fields (an older device) hashes as one with them empty.
    plain = [f for f in doc["findings"] if not f["observed_ja"]]
    older = {**doc, "findings": [{k: v for k, v in f.items() if k not in FINDING_EXTRA_FIELDS}
                                 for f in plain]}
    assert document_hash(older) == document_hash({**doc, "findings": plain})


def test_the_japanese_texts_are_signed_content(ws, bilingual):
    finding = next(f for f in ws.findings.of_audit(bilingual) if not f["observed_ja"])
    before = ws.audits.content_hash(bilingual)
    ws.findings.edit(finding["id"], observed_ja="図面に機密表示がない")
    assert ws.audits.content_hash(bilingual) != before


def test_signatory_roles_in_the_report_language(ws, audit):
    answer_all(ws, audit)
    ws.audits.complete(audit)
    ws.audits.sign(audit, signer_name="佐藤 遥", role="監査員", organisation="Buyer",
                   image_png=PNG_1x1)
    ws.audits.sign(audit, signer_name="Hiroshi Kobayashi", role="plant manager",
                   organisation="Kanto Parts", image_png=PNG_1x1)
    en = squash(pdf_text(build_guidance(ws, audit, lang="en")))
    assert squash("Auditor, Buyer") in en and "監査員" not in en
    ja = squash(pdf_text(build_guidance(ws, audit, lang="ja")))
    assert squash("工場長, Kanto Parts") in ja and "plantmanager" not in ja.lower()
