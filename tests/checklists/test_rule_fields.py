"""The checklist YAML's logic fields (relevant_if, score, pattern, evidence_required_on,
expected, topic): each error is reported with file, line and item; good ones survive the
store's round trip."""
import json

import pytest
import yaml

from sva.checklists import load_template, template_from_dict, validate_file
from sva.checklists.stored import template_doc, template_from_stored
from sva.paths import resource


def _broken(tmp_path, mutate):
    doc = yaml.safe_load(resource("checklists", "svr.yaml").read_text("utf-8"))
    mutate(doc)
    path = tmp_path / "rules.yaml"
    path.write_text(yaml.safe_dump(doc, allow_unicode=True, sort_keys=False), "utf-8")
    return path


def _item(doc, item_id):
    return next(i for s in doc["sections"] for i in s["items"] if i["id"] == item_id)


def _set(item_id, **fields):
    def mutate(doc):
        _item(doc, item_id).update(fields)
    return mutate


def _lines_of_item(path, item_id):
    lines = path.read_text("utf-8").splitlines()
    first = next(n for n, line in enumerate(lines, start=1) if line.strip() == f"- id: {item_id}")
    last = next((n for n, line in enumerate(lines, start=1)
                 if n > first and line.strip().startswith("- id:")), len(lines))
    return range(first, last)


@pytest.mark.parametrize("item_id, fields, message", [
    ("SVR-HR-05", {"relevant_if": "SVR-HR-99 > 0"}, "relevant_if: unknown item SVR-HR-99"),
    ("SVR-HR-05", {"relevant_if": "SVR-HR-06 == 'conforms'"},
     "relevant_if: reads SVR-HR-06, which comes later; a rule may only read the answers "
     "before it"),
    ("SVR-HR-05", {"relevant_if": "SVR-HR-05 == 'conforms'"},
     "relevant_if: reads its own item SVR-HR-05: a rule cannot depend on itself (a cycle)"),
    ("SVR-HR-05", {"relevant_if": "SVR-HR-03 > 0"},
     "relevant_if: type mismatch: SVR-HR-03 is a conformity item, compared with the number 0"),
    ("SVR-HR-05", {"relevant_if": "SVR-HR-04 == 'yes'"},
     "relevant_if: type mismatch: SVR-HR-04 is a number item, compared with the text 'yes'"),
    ("SVR-HR-05", {"relevant_if": "SVR-HR-03 == 'yes'"},
     "relevant_if: 'yes' is not an answer to SVR-HR-03 (answers: conforms, nonconformity, "
     "observation, not_applicable)"),
    ("SVR-HR-05", {"relevant_if": "SVR-HR-03 < 'conforms'"},
     "relevant_if: '<' compares numbers; SVR-HR-03 (a conformity item) is not one"),
    ("SVR-HR-05", {"relevant_if": "1 == 1"}, "compares two fixed values"),
    ("SVR-HR-05", {"relevant_if": "SVR-HR-04 >"}, "relevant_if 'SVR-HR-04 >': expected an "
                                                  "item id, a number or a 'text'"),
    ("SVR-HR-05", {"relevant_if": 3}, "'relevant_if' must be a rule written as text, got 3"),
    ("SVR-HR-05", {"score": {"conforms": 1, "yes": 1}},
     "'score' names 'yes', which is not an answer to this item"),
    ("SVR-HR-05", {"score": {"conforms": 2}}, "'score' of 'conforms' is 2: a score lies in 0..1"),
    ("SVR-HR-04", {"score": {"1": 1}}, "'score' only applies to conformity, yes/no and choice"),
    ("SVR-HR-05", {"pattern": "[0-9]+"}, "'pattern' only applies to text items"),
    ("SVR-HR-05", {"photo_required_on": ["nonconformity"]},
     "give 'evidence_required_on' only: 'photo_required_on' is its old name"),
    ("SVR-HR-05", {"topic": "child labour"}, "'topic' must be a mapping with 'en' and 'ja'"),
])
def test_a_bad_logic_field_is_reported_with_file_line_and_item(tmp_path, item_id, fields,
                                                                message):
    path = _broken(tmp_path, _set(item_id, **fields))
    problems = validate_file(path)
    assert len(problems) == 1, problems
    [problem] = problems
    assert problem.file == str(path) and problem.item == item_id
    assert message in problem.message, problem.message
    assert problem.line in _lines_of_item(path, item_id)


def test_a_cycle_is_named_with_its_path(tmp_path):
    def mutate(doc):
        _item(doc, "SVR-HR-05")["relevant_if"] = "SVR-HR-06 == 'conforms'"
        _item(doc, "SVR-HR-06")["relevant_if"] = "SVR-HR-05 == 'conforms'"
    problems = validate_file(_broken(tmp_path, mutate))
    assert [(p.item, p.message) for p in problems] == [
        ("SVR-HR-05", "relevant_if: cycle: SVR-HR-05 → SVR-HR-06 → SVR-HR-05 (column 1)")]


def test_a_section_rule_may_not_read_its_own_items(tmp_path):
    def mutate(doc):
        doc["sections"][1]["relevant_if"] = "SVR-OHS-01 == 'conforms'"
    [problem] = validate_file(_broken(tmp_path, mutate))
    assert problem.item is None
    assert problem.message.startswith("section OHS: relevant_if: reads SVR-OHS-01, which "
                                      "comes inside the section it hides")


def test_old_files_with_photo_required_on_still_load():
    doc = yaml.safe_load(resource("checklists", "svr.yaml").read_text("utf-8"))
    _item(doc, "SVR-HR-05").pop("evidence_required_on", None)
    _item(doc, "SVR-HR-05")["photo_required_on"] = ["observation"]
    template, problems = template_from_dict(doc)
    assert problems == []
    assert template.items["SVR-HR-05"].evidence_required_on == ("observation",)


def test_logic_fields_survive_the_stored_document(tmp_path):
    def mutate(doc):
        _item(doc, "SVR-HR-05").update(
            relevant_if="SVR-HR-04 > 0", score={"conforms": 1, "observation": 0.25},
            expected={"en": "No young worker on night shifts.", "ja": "年少者を夜勤に就かせない。"},
            topic={"en": "Young workers", "ja": "年少労働者"})
        doc["sections"][1]["relevant_if"] = "SVR-HR-04 >= 0"
    template = load_template(_broken(tmp_path, mutate))
    stored = template_from_stored(json.loads(json.dumps(template_doc(template))))
    item = stored.items["SVR-HR-05"]
    assert item.relevant_if == "SVR-HR-04 > 0" and item.rule is not None
    assert item.score == {"conforms": 1, "observation": 0.25}
    assert item.topic["ja"] == "年少労働者" and item.expected["en"].startswith("No young")
    assert stored.sections[1].relevant_if == "SVR-HR-04 >= 0"
    assert stored == template


def test_a_template_without_logic_fields_keeps_its_stored_document():
    """Installed templates are hashed: a file without the new fields must store exactly what
    it stored before them (no new keys, `photo_required_on` under its first name)."""
    doc = yaml.safe_load(resource("checklists", "infosec.yaml").read_text("utf-8"))
    for section in doc["sections"]:
        section.pop("relevant_if", None)
        for item in section["items"]:
            for key in ("relevant_if", "score", "pattern", "expected", "topic"):
                item.pop(key, None)
    template, problems = template_from_dict(doc)
    assert problems == []
    stored = template_doc(template)
    keys = {k for s in stored["sections"] for i in s["items"] for k in i}
    assert "photo_required_on" in keys
    assert not keys & {"evidence_required_on", "relevant_if", "score", "pattern", "expected",
                       "topic"}
    assert all(set(s) == {"id", "title", "items"} for s in stored["sections"])
