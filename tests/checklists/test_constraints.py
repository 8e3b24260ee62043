"""What an item says about answers outside its rules (checklist `outside` and `message`):
a number outside min..max asks for confirmation or is refused as the item says, and the
item's own words (EN/JA) come before the general reason."""
from __future__ import annotations

import dataclasses

import pytest

from sva.checklists import load_template
from sva.domain.audits import check_result
from sva.errors import BadNumber
from sva.paths import resource
from tests.checklists.test_rule_fields import _broken, _lines_of_item, _set

from sva.checklists import validate_file


def _young(**fields):
    """SVR-HR-04 ('how many workers under 18': min 0, max 5000) with other rules."""
    item = load_template(resource("checklists", "svr.yaml")).items["SVR-HR-04"]
    return dataclasses.replace(item, **fields)


def test_by_default_below_min_is_refused_and_above_max_asks():
    item = _young()
    with pytest.raises(BadNumber) as low:
        check_result(item, "-1", confirmed=True)
    assert (low.value.problem, low.value.confirmable) == ("below_min", False)
    with pytest.raises(BadNumber) as high:
        check_result(item, "9000")
    assert (high.value.problem, high.value.confirmable) == ("above_max", True)
    assert check_result(item, "9000", confirmed=True) == "9000"


def test_outside_confirm_lets_the_auditor_keep_a_value_below_min_too():
    item = _young(min_value=10, outside="confirm")
    with pytest.raises(BadNumber) as low:
        check_result(item, "3")
    assert (low.value.problem, low.value.confirmable) == ("below_min", True)
    assert check_result(item, "3", confirmed=True) == "3"
    with pytest.raises(BadNumber):                  # not a number stays refused
        check_result(item, "many", confirmed=True)


def test_outside_refuse_refuses_above_max_even_when_confirmed():
    item = _young(outside="refuse")
    with pytest.raises(BadNumber) as high:
        check_result(item, "9000", confirmed=True)
    assert (high.value.problem, high.value.confirmable) == ("above_max", False)
    assert "record it only if confirmed" not in str(high.value)


def test_a_confirmed_value_below_min_is_logged_so(ws, audit):
    from tests.conftest import start
    start(ws, audit)
    template = ws.audits.template_of(ws.audits.audit(audit))
    item = template.items["SVR-HR-04"]
    object.__setattr__(item, "min_value", 10)
    object.__setattr__(item, "outside", "confirm")
    try:
        ws.audits.record_answer(audit, item.id, "3", confirmed=True)
    finally:
        object.__setattr__(item, "min_value", 0)
        object.__setattr__(item, "outside", None)
    assert ws.audits.answers(audit)[item.id]["result"] == "3"
    assert ws.audits.history(audit)[-1]["action"] == "record_answer_below_min"


@pytest.mark.parametrize("item_id, fields, message", [
    ("SVR-HR-04", {"outside": "maybe"}, "'outside' must be confirm or refuse"),
    ("SVR-HR-05", {"outside": "confirm"}, "'outside' only applies to a number item with 'min' "
                                          "or 'max'"),
    ("SVR-HR-05", {"message": {"en": "x", "ja": "x"}}, "'message' is what a typed answer the "
                                                      "item refuses shows"),
    ("SVR-HR-04", {"message": "count them"}, "'message' must be a mapping with 'en' and 'ja'"),
])
def test_a_bad_constraint_field_names_file_line_and_item(tmp_path, item_id, fields, message):
    path = _broken(tmp_path, _set(item_id, **fields))
    [problem] = validate_file(path)
    assert problem.file == str(path) and problem.item == item_id
    assert message in problem.message, problem.message
    assert problem.line in _lines_of_item(path, item_id)


def test_shipped_number_items_say_what_to_count_in_both_languages():
    for name in ("svr", "infosec"):
        template = load_template(resource("checklists", f"{name}.yaml"))
        numbers = [i for i in template.items.values() if i.answer == "number"]
        assert numbers
        for item in numbers:
            assert item.message and item.message["en"] and item.message["ja"], item.id
