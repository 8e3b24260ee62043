"""Scores and rule outcomes in the guidance report and the full record, read back from the
PDF: section and overall scores as computed by hand, the rule that made an item not
applicable, and an answer given before the rule hid it."""
from __future__ import annotations

from report_checks import pdf_text, squash
from sva.reports.guidance import build_guidance
from sva.reports.record import build_record
from tests.checklists.mini import install_mini


def _answered(ws, supplier):
    audit = install_mini(ws, supplier)
    for item_id, result in (("YW", "2"), ("YW-NIGHT", "observation"), ("POLICY", "conforms"),
                            ("MOBILE", "used"), ("LOCK", "no"), ("MDM", "conforms"),
                            ("WIPE", "no")):
        ws.audits.record_answer(audit, item_id, result)
    ws.audits.record_answer(audit, "YW", "0")     # hides YW-NIGHT, whose answer stays
    return audit


def test_guidance_report_shows_section_and_overall_scores_and_rules(ws, supplier):
    audit = _answered(ws, supplier)
    text = squash(pdf_text(build_guidance(ws, audit)))
    assert squash("Checklist scores") in text
    # People: POLICY 2 × 1 of 2 -> 100 %; Phones: LOCK no 4 × 0 -> 0 %;
    # Mobile rules: MDM 2 × 1 + WIPE 1 × 0.25 = 2.25 of 3 -> 75 %; overall 4.25 / 9 -> 47 %.
    assert squash("People 1 2 / 2 100%") in text
    assert squash("Phones 1 0 / 4 0%") in text
    assert squash("Mobile rules 2 2.25 / 3 75%") in text
    assert squash("Overall 4 4.25 / 9 47%") in text
    assert squash("YW-NIGHT YW > 0") in text and squash("YW-SCHOOL YW > 0") in text


def test_record_names_the_rule_and_the_kept_answer(ws, supplier):
    audit = _answered(ws, supplier)
    text = squash(pdf_text(build_record(ws, audit)))
    assert squash("Not applicable (rule: YW > 0) - answer given before, kept: Observation") \
        in text
    assert squash("Not applicable (rule: YW > 0)") in text


def test_scores_in_japanese(ws, supplier):
    audit = _answered(ws, supplier)
    text = squash(pdf_text(build_guidance(ws, audit, lang="ja")))
    assert "チェックリストの評点" in text and squash("全体 4 4.25 / 9 47%") in text
    record = squash(pdf_text(build_record(ws, audit, lang="ja")))
    assert squash("対象外（ルール：YW > 0）- 以前の回答（保持）：観察事項") in record


def test_the_demo_visit_report_has_its_scores(demo, draft_id):
    text = squash(pdf_text(build_guidance(demo, draft_id)))
    assert squash("Checklist scores") in text and squash("Overall") in text
