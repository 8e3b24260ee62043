"""The structure a supplier and an auditor expect (SMETA / RBA VAP practice): executive
summary, severity legend, the reference of each finding, follow-up of the previous audit,
the auditors' contact details and how to respond."""
from __future__ import annotations

import pytest

from report_checks import pdf_text, squash
from sva.due_dates import load_policy
from sva.reports import report_data
from sva.reports.guidance import build_guidance
from sva.reports.i18n import Texts
from sva.vocabulary import SEVERITIES
from tests.conftest import start

CONTACT = {"name": "Haruka Sato", "email": "haruka.sato@example.com", "phone": "+81 3 0000 1111"}


def _text(ws, audit_id, lang="en", **options) -> str:
    return squash(pdf_text(build_guidance(ws, audit_id, lang=lang, **options)))


@pytest.fixture
def found(ws, audit):
    ws.db.execute("UPDATE audits SET scope = 'Moulding hall and warehouse' WHERE id = ?",
                  [audit])
    ws.findings.add(audit, item_id="SVR-HR-06", severity="minor", observed="Late wages")
    return audit


@pytest.mark.parametrize("lang", ["en", "ja"])
def test_executive_summary_names_scope_dates_and_result(ws, found, lang):
    t = Texts(lang)
    text = _text(ws, found, lang, issued="2026-11-20")
    summary = text.split(squash(t("exec.heading")), 1)[1].split(squash(t("summary.heading")))[0]
    visit = ws.audits.visit_date(ws.audits.audit(found))
    for shown in ("Moulding hall and warehouse", t.date(visit), t.date("2026-12-20"),
                  "KantoParts" if lang == "en" else "関東部品株式会社"):
        assert squash(shown) in summary, shown


def test_the_executive_summary_shows_the_checklist_score(ws, found):
    """The overall score of the checklist logic (sva.domain.scores), as a percentage; none
    while nothing is scored."""
    from sva.domain.relevance import hidden_items
    from sva.domain.scores import scores
    from tests.conftest import answer_all
    assert squash("Score:") not in _text(ws, found)           # nothing answered yet
    answer_all(ws, found)
    ws.audits.record_answer(found, "SVR-HR-06", "nonconformity")
    audit = ws.audits.audit(found)
    template, answers = ws.audits.checklist_of(audit), ws.audits.answers(found)
    _, overall = scores(template, answers, hidden_items(template, answers))
    assert overall.scored > 0
    assert squash(f"Score: {round(overall.percent)} / 100.") in _text(ws, found)
    assert report_data.report_score(template, {}) is None


@pytest.mark.parametrize("lang", ["en", "ja"])
def test_the_severity_legend_says_what_each_level_requires_and_by_when(ws, found, lang):
    t = Texts(lang)
    text = _text(ws, found, lang)
    legend = text.split(squash(t("legend.heading")), 1)[1]
    policy = load_policy()
    for sev in SEVERITIES:
        assert squash(t(f"legend.requires.{sev}")) in legend
    cap, due = policy["cap_response_days"]["minor"], policy["due_days"]["minor"]
    assert squash(t("legend.by", cap=cap, due=due)) in legend


def test_each_finding_names_its_checklist_item_and_the_clauses_it_rests_on(ws, found):
    item = ws.audits.template_of(ws.audits.audit(found)).items["SVR-HR-06"]
    text = _text(ws, found)
    assert "SVR-HR-06" in text
    for reference in item.reference_texts("en"):
        assert squash(reference) in text


@pytest.mark.parametrize("lang", ["ja", "en+ja"])
def test_a_laws_name_is_printed_in_the_report_language(ws, found, lang):
    """A reference given as {en, ja} prints its Japanese name in a Japanese report (both in
    a bilingual one); a reference the same in both languages prints once."""
    item = ws.audits.template_of(ws.audits.audit(found)).items["SVR-HR-06"]
    assert {"en": "Minimum Wage Act (Japan) Art. 4", "ja": "最低賃金法 第4条"} in item.references
    text = _text(ws, found, lang)
    assert squash("最低賃金法 第4条") in text and squash("RBA行動規範 A.4") in text
    assert (squash("Minimum Wage Act (Japan) Art. 4") in text) == (lang == "en+ja")


def test_the_previous_audits_findings_are_followed_up(ws, supplier):
    ws.clock = lambda: "2025-06-10T01:00:00.000000Z"
    first = start(ws, ws.audits.create(supplier_id=supplier["id"], site_id=supplier["site"],
                                       template_ref=ws.templates.latest("svr"),
                                       planned_date="2025-06-10"))
    closed = ws.findings.add(first, area="OHS", severity="minor", observed="Blocked exit")
    ws.findings.add(first, area="HR", severity="minor", observed="Overtime not recorded")
    ws.findings.add(first, area="ENV", severity="observation", observed="Bins unlabelled")
    ws.findings.edit(closed, root_cause="r", corrective_action="c", responsible="R",
                     planned_date="2025-07-01")
    for status in ("cap_submitted", "cap_accepted"):
        ws.findings.move(closed, status)
    ws.findings.move(closed, "verified_closed", verification_method="document")
    ws.clock = lambda: "2026-05-12T01:00:00.000000Z"
    second = start(ws, ws.audits.create(supplier_id=supplier["id"], site_id=supplier["site"],
                                        template_ref=ws.templates.latest("svr"),
                                        planned_date="2026-05-12"))
    text = _text(ws, second)
    part = text.split(squash("Follow-up of the previous audit"), 1)[1]
    assert squash("Blocked exit") in part and squash("Overtime not recorded") in part
    assert "Bins" not in part                            # an observation needs no CAP
    assert part.split("Blockedexit", 1)[1][:40].count("Closed") == 1
    assert "Stillopen" in part.split("Overtimenotrecorded", 1)[1][:40]
    assert squash("Follow-up of the previous audit") not in _text(ws, first)


def test_how_to_respond_gives_the_return_address_and_the_auditors_contact(ws, found):
    text = _text(ws, found, auditor_contact=CONTACT)
    part = text.split(squash("How to respond"), 1)[1]
    contact = report_data.load_contact()
    for shown in (contact["cap_return_email"], CONTACT["email"], CONTACT["phone"]):
        assert squash(shown) in part, shown


def test_the_executive_summary_says_how_long_the_visit_took(ws, found):
    ws.db.execute("UPDATE audits SET started_at = '2026-05-12T00:10:00.000000Z', "
                  "completed_at = '2026-05-12T07:40:00.000000Z' WHERE id = ?", [found])
    text = _text(ws, found)
    assert squash("The visit ran from 09:10 to 16:40 (site time).") in text     # Tokyo
