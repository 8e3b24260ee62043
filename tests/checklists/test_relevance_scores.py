"""Relevance and scores in the core, on a small checklist written for these tests and
installed in a real workspace: hidden items ask for nothing, their answers are kept and come
back; scores match values computed by hand; an audit keeps the version it started with."""
import pytest

from sva.checklists import template_from_dict
from sva.domain.completion import NO_FINDING, NO_PHOTO, UNANSWERED
from sva.errors import BadInput, IncompleteAudit
from tests.checklists.mini import checklist, install_mini


@pytest.fixture
def mini(ws, supplier):
    return install_mini(ws, supplier)


def kinds(ws, audit):
    return [(p.kind, p.item_id) for p in ws.audits.completion_problems(audit)]


def test_follow_ups_are_hidden_until_their_trigger_says_they_apply(ws, mini):
    assert ws.audits.hidden(mini) == {"YW-NIGHT": "YW > 0", "YW-SCHOOL": "YW > 0",
                                      "MDM": "MOBILE == 'used'", "WIPE": "MOBILE == 'used'"}
    assert kinds(ws, mini) == [(UNANSWERED, "YW"), (UNANSWERED, "POLICY"),
                               (UNANSWERED, "MOBILE"), (UNANSWERED, "LOCK")]
    ws.audits.record_answer(mini, "YW", "2")
    ws.audits.record_answer(mini, "MOBILE", "used")
    assert ws.audits.hidden(mini) == {}
    assert ws.audits.missing_required(mini) == ["YW-NIGHT", "YW-SCHOOL", "POLICY", "LOCK",
                                                "MDM", "WIPE"]


def test_zero_young_workers_completes_without_the_follow_ups(ws, mini):
    for item_id, result in (("YW", "0"), ("POLICY", "conforms"), ("MOBILE", "none"),
                            ("LOCK", "yes")):
        ws.audits.record_answer(mini, item_id, result)
    assert kinds(ws, mini) == []
    ws.audits.complete(mini)
    assert ws.audits.audit(mini)["status"] == "completed"


def test_an_answer_hidden_by_a_rule_is_kept_and_comes_back(ws, mini):
    ws.audits.record_answer(mini, "YW", "3")
    ws.audits.record_answer(mini, "YW-NIGHT", "nonconformity", "a 16-year-old on nights")
    assert (NO_FINDING, "YW-NIGHT") in kinds(ws, mini)
    ws.audits.record_answer(mini, "YW", "0")            # a miscount, corrected
    assert "YW-NIGHT" in ws.audits.hidden(mini)
    assert ws.audits.answers(mini)["YW-NIGHT"]["result"] == "nonconformity"   # kept
    assert all(item != "YW-NIGHT" for _, item in kinds(ws, mini))
    assert ws.audits.without_finding(mini) == []
    ws.audits.record_answer(mini, "YW", "1")            # relevant again: the answer is back
    assert ws.audits.answers(mini)["YW-NIGHT"]["note"] == "a 16-year-old on nights"
    assert (NO_FINDING, "YW-NIGHT") in kinds(ws, mini)
    assert (NO_PHOTO, "YW-NIGHT") in kinds(ws, mini)   # evidence_required_on: nonconformity


def test_a_hidden_items_answer_does_not_feed_later_rules(ws, supplier):
    doc = checklist()
    doc["sections"][0]["items"][2]["relevant_if"] = "YW-NIGHT == 'nonconformity'"
    template, problems = template_from_dict(doc)
    assert problems == []
    audit = ws.audits.create(supplier_id=supplier["id"], site_id=supplier["site"],
                             template_ref=ws.templates.install(template),
                             planned_date="2026-05-12")
    ws.audits.start(audit)
    ws.audits.record_answer(audit, "YW", "1")
    ws.audits.record_answer(audit, "YW-NIGHT", "nonconformity")
    assert "YW-SCHOOL" not in ws.audits.hidden(audit)
    ws.audits.record_answer(audit, "YW", "0")
    assert ws.audits.hidden(audit)["YW-SCHOOL"] == "YW-NIGHT == 'nonconformity'"


def test_complete_refuses_while_a_relevant_item_is_missing(ws, mini):
    for item_id, result in (("YW", "1"), ("POLICY", "conforms"), ("MOBILE", "none"),
                            ("LOCK", "yes")):
        ws.audits.record_answer(mini, item_id, result)
    with pytest.raises(IncompleteAudit) as refused:
        ws.audits.complete(mini)
    assert refused.value.missing == ["YW-NIGHT", "YW-SCHOOL"]


def test_scores_match_the_stated_formula_computed_by_hand(ws, mini):
    answers = {"YW": "2", "YW-NIGHT": "observation", "YW-SCHOOL": "not_applicable",
               "POLICY": "nonconformity", "MOBILE": "used", "LOCK": "yes", "MDM": "conforms",
               "WIPE": "no"}
    for item_id, result in answers.items():
        ws.audits.record_answer(mini, item_id, result)
    sections, overall = ws.audits.scores(mini)
    a, b, c = sections
    # A: YW is a number (not scored), YW-NIGHT observation 5 × 0.5, YW-SCHOOL not applicable
    # (left out), POLICY nonconformity 2 × 0  ->  2.5 of 7.
    assert (a.earned, a.possible, a.scored) == (2.5, 7.0, 2)
    assert a.percent == pytest.approx(100 * 2.5 / 7)
    # B: MOBILE is a choice without scores, LOCK yes 4 × 1; CODE is text -> 4 of 4.
    assert (b.earned, b.possible) == (4.0, 4.0) and b.percent == 100.0
    # C: MDM conforms 2 × 1, WIPE no with its own score 1 × 0.25 -> 2.25 of 3.
    assert (c.earned, c.possible) == (2.25, 3.0)
    # Overall: (2.5 + 4 + 2.25) / (7 + 4 + 3) = 8.75 / 14 = 62.5 %.
    assert overall.percent == pytest.approx(62.5)
    ws.audits.record_answer(mini, "MOBILE", "none")      # hides section C: out of the score
    sections, overall = ws.audits.scores(mini)
    assert sections[2].possible == 0 and sections[2].percent is None
    assert overall.percent == pytest.approx(100 * (2.5 + 4) / (7 + 4))


def test_a_text_answer_must_have_the_items_pattern(ws, mini):
    with pytest.raises(BadInput, match="does not have the form this item expects"):
        ws.audits.record_answer(mini, "CODE", "line 4")
    ws.audits.record_answer(mini, "CODE", "PL-4")
    assert ws.audits.answers(mini)["CODE"]["result"] == "PL-4"


def test_an_audit_keeps_its_checklist_version_when_a_new_one_changes_the_rules(ws, mini,
                                                                                supplier):
    ws.audits.record_answer(mini, "YW", "0")
    newer, problems = template_from_dict(checklist(version=2, young_rule="YW >= 0"))
    assert problems == []
    ref = ws.templates.install(newer)
    assert ws.audits.audit(mini)["template_ref"] == "mini@1"
    assert "YW-NIGHT" in ws.audits.hidden(mini)          # still the rules of version 1
    fresh = ws.audits.create(supplier_id=supplier["id"], site_id=supplier["site"],
                             template_ref=ref, planned_date="2026-05-13")
    ws.audits.start(fresh)
    ws.audits.record_answer(fresh, "YW", "0")
    assert "YW-NIGHT" not in ws.audits.hidden(fresh)
