"""Repeated sections: instances added during the visit, each answered, required, ruled and
scored on its own, named in findings and reports, undone like any step."""
import pytest

from tests.reports.report_checks import pdf_text, squash
from sva.checklists import template_from_dict
from sva.errors import BadInput
from sva.reports.guidance import build_guidance
from sva.reports.record import build_record
from tests.checklists.mini import install_mini, with_lines


@pytest.fixture
def lines(ws, supplier):
    return install_mini(ws, supplier, with_lines())


def checklist(ws, audit):
    return ws.audits.checklist_of(ws.audits.audit(audit))


def test_an_added_instance_is_a_copy_of_the_section_named_for_it(ws, lines):
    assert "GUARD#2" not in checklist(ws, lines).items
    ws.audits.add_instance(lines, "LINE", "SMT line B")
    template = checklist(ws, lines)
    first, second = [s for s in template.sections if s.id.startswith("LINE")]
    assert (first.id, second.id) == ("LINE", "LINE#2")
    assert first.title["en"] == "Production line – Line 1"
    assert second.title == {"en": "Production line – SMT line B", "ja": "生産ライン – SMT line B"}
    assert [i.id for i in second.items] == ["GUARD#2", "STOPS#2", "STOP-TEST#2"]
    assert second.items[0].question["en"] == "[SMT line B] GUARD?"
    assert second.items[2].relevant_if == "STOPS#2 > 0"     # reads its own instance


def test_each_instance_is_answered_and_required_on_its_own(ws, lines):
    ws.audits.add_instance(lines, "LINE", "Line B")
    ws.audits.record_answer(lines, "STOPS", "3")
    ws.audits.record_answer(lines, "STOPS#2", "0")
    ws.audits.record_answer(lines, "GUARD#2", "nonconformity")
    hidden = ws.audits.hidden(lines)
    assert "STOP-TEST" not in hidden and hidden["STOP-TEST#2"] == "STOPS#2 > 0"
    missing = ws.audits.missing_required(lines)
    assert "GUARD" in missing and "STOP-TEST" in missing
    assert "GUARD#2" not in missing and "STOP-TEST#2" not in missing
    answers = ws.audits.answers(lines)
    assert answers["GUARD#2"]["result"] == "nonconformity" and "GUARD" not in answers


def test_an_instance_is_scored_as_its_own_section(ws, lines):
    ws.audits.add_instance(lines, "LINE", "Line B")
    for item_id, result in (("GUARD", "conforms"), ("GUARD#2", "observation")):
        ws.audits.record_answer(lines, item_id, result)
    sections, _ = ws.audits.scores(lines)
    by_id = {s.section_id: s for s in sections}
    assert by_id["LINE"].percent == 100.0 and by_id["LINE#2"].percent == 50.0


def test_an_instance_is_undone_like_any_step(ws, lines):
    ws.perform("Add line", ws.audits.add_instance, lines, "LINE", "Line B")
    assert "GUARD#2" in checklist(ws, lines).items
    ws.undo.undo()
    assert "GUARD#2" not in checklist(ws, lines).items
    with pytest.raises(BadInput, match="not in checklist"):
        ws.audits.record_answer(lines, "GUARD#2", "conforms")


@pytest.mark.parametrize("section, label, message", [
    ("A", "x", "section A of checklist mini@1 is not repeated"),
    ("LINE", "  ", "the new instance needs a name"),
    ("LINE", "Line B", "'Line B' is already an instance of section LINE"),
])
def test_a_bad_instance_is_refused(ws, lines, section, label, message):
    ws.audits.add_instance(lines, "LINE", "Line B")
    with pytest.raises(BadInput, match=message):
        ws.audits.add_instance(lines, section, label)


def test_a_rule_outside_a_repeated_section_may_not_read_its_items():
    doc = with_lines()
    doc["sections"].append({"id": "Z", "title": {"en": "Z", "ja": "Z"}, "items": [
        {**doc["sections"][0]["items"][3], "id": "AFTER", "relevant_if": "STOPS > 0"}]})
    _, problems = template_from_dict(doc)
    assert [p.message for p in problems] == [
        "relevant_if: reads STOPS, an item of the repeated section LINE: only its own items "
        "may read it, each instance its own answers (column 1)"]


def test_findings_and_reports_name_the_instance(ws, lines):
    ws.audits.add_instance(lines, "LINE", "Paint line")
    ws.audits.record_answer(lines, "GUARD#2", "nonconformity")
    item = checklist(ws, lines).items["GUARD#2"]
    ws.findings.add(lines, item_id="GUARD#2", area="OHS", severity="minor",
                    requirement=item.question["en"], observed="Guard removed on the press")
    guidance = squash(pdf_text(build_guidance(ws, lines)))
    assert squash("[Paint line] GUARD?") in guidance
    assert squash("Production line – Paint line") in guidance     # its scores row
    record = squash(pdf_text(build_record(ws, lines)))
    assert squash("Production line – Paint line") in record and squash("GUARD#2") in record
