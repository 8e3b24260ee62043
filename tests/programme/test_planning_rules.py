"""planning.yaml is checked like a checklist: every problem at once, each with its file,
line and the setting it is about; the codes it names come from the vocabulary."""
from __future__ import annotations

import pytest

from sva.errors import BadInput
from sva.hq.programme.planning_rules import FACTORS, PLAN_KINDS, load_planning
from sva.paths import resource
from sva.vocabulary import AUDIT_KINDS

SHIPPED = resource("programme", "planning.yaml").read_text("utf-8")


def _broken(tmp_path, *changes):
    text = SHIPPED
    for old, new in changes:
        assert old in text, old
        text = text.replace(old, new, 1)
    path = tmp_path / "planning.yaml"
    path.write_text(text, "utf-8")
    return path


def _line(path, needle):
    """The line of the first key of the mapping that `needle` (a key) holds."""
    return next(n for n, line in enumerate(path.read_text("utf-8").splitlines(), 1)
                if needle in line) + 1


def test_the_shipped_rules_load():
    rules = load_planning()
    assert set(rules.weights) == set(PLAN_KINDS) == {*AUDIT_KINDS, "any"}
    assert set(rules.weights["svr"]) == set(FACTORS)
    assert rules.factors["info_criticality"]["categories"]["it_services"] == 1.0


def test_every_problem_is_reported_with_its_line_and_setting(tmp_path):
    path = _broken(tmp_path,
                   ("spend_floor: 10000000 ", "spend_floor: 100000000000 "),
                   ("    C: 0.7", "    C: high"),
                   ("      svr: [HR, OHS, ENV]", "      svr: [HR, OHS, TAX]"),
                   ("    open_findings: 15\n  any:", "    open_findings: -1\n  any:"))
    with pytest.raises(BadInput) as refused:
        load_planning(path)
    lines = str(refused.value).splitlines()[1:]
    weights_svr = _line(path, "    open_findings: -1") - len(FACTORS)   # its first weight
    assert lines == [
        f"{path}:{_line(path, 'transaction_scale:')}: factors.transaction_scale: "
        "spend_floor and spend_full must be whole yen with 0 < floor < full",
        f"{path}:{_line(path, '  isec_level:')}: factors.isec_level: give a value 0..1 for "
        "each of A, B, C, D and none",
        f"{path}:{_line(path, '  areas:')}: factors.saq_results: areas must list risk areas "
        "for each of svr, infosec, any; missing 0..1",
        f"{path}:{weights_svr}: weights.svr: must give a number ≥ 0 for each of "
        f"{', '.join(FACTORS)}",
    ]


@pytest.mark.parametrize("old, new, message", [
    ("    points: {significant: 1.0,", "    points: {major: 1.0,",
     "factors.open_findings: points per severity and full_at > 0 are needed"),
    ("  critical_flags: {}", "  critical_flag: {}", "'factors' must configure exactly"),
    ("  any:\n    transaction_scale: 15", "  all:\n    transaction_scale: 15",
     "'weights' must have a set for each of svr, infosec, any"),
    ("    full_after_years: 3", "    full_after_years: true",
     "factors.years_since_visit: full_after_years must be a number > 0"),
])
def test_a_bad_setting_is_named(tmp_path, old, new, message):
    with pytest.raises(BadInput, match="planning rules are not valid") as refused:
        load_planning(_broken(tmp_path, (old, new)))
    assert message in str(refused.value)
