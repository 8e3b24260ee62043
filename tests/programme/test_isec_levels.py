"""Information-security levels: thresholds, knock-outs, explanation, history."""
from __future__ import annotations

import copy

import pytest
import yaml

from sva.errors import BadInput
from sva.hq.programme.levels import current, history, load_rules, rules_from_dict
from sva.paths import resource

from .conftest import result

RULES_DOC = yaml.safe_load(resource("programme", "isec_levels.yaml").read_text("utf-8"))


def test_all_yes_is_level_a_with_full_scores(saq, rules):
    r = result(saq, rules)
    assert r.isec_level == "A"
    assert set(r.area_scores.values()) == {100.0}
    assert r.explanation("en") == ["ISEC score 100.0 → level A (threshold 85)",
                                   "information-security level A"]


# Six ISEC questions of weight 1, best answer 3 points: score = points / 18 x 100.
# ISEC-05 carries no knock-out, so lowering it moves only the score.
@pytest.mark.parametrize("isec05,isec_other,score,level", [
    ("mostly", "yes", 94.4, "A"),      # 17/18
    ("no", "yes", 83.3, "B"),          # 15/18 is below 85
    ("no", "mostly", 66.7, "B"),       # 3+2+2+2+0+3 = 12/18
])
def test_threshold_decides_the_level(saq, rules, isec05, isec_other, score, level):
    overrides = {"ISEC_05": isec05}
    if isec_other != "yes":
        overrides.update({"ISEC_02": isec_other, "ISEC_03": isec_other, "ISEC_04": isec_other,
                          "ISEC_01": "yes", "ISEC_06": "yes"})
    r = result(saq, rules, **overrides)
    assert r.area_scores["ISEC"] == score
    assert r.isec_level == level
    assert r.reasons[0].kind == "threshold" and f"score {score}" in r.explanation("en")[0]


@pytest.mark.parametrize("threshold_b,level", [(66.6, "B"), (66.7, "B"), (66.8, "C")])
def test_threshold_boundary_is_inclusive(saq, threshold_b, level):
    doc = copy.deepcopy(RULES_DOC)
    doc["thresholds"]["B"] = threshold_b
    rules, problems = rules_from_dict(doc, saq)
    assert problems == []
    r = result(saq, rules, ISEC_02="mostly", ISEC_03="mostly", ISEC_04="mostly", ISEC_05="no")
    assert r.area_scores["ISEC"] == 66.7 and r.isec_level == level


def test_not_applicable_answers_leave_the_score(saq, rules):
    r = result(saq, rules, ISEC_04="na", ISEC_05="no")
    assert r.area_scores["ISEC"] == 80.0      # five scored questions: 12 of 15 points


def test_no_confidential_labelling_caps_the_level_at_c(saq, rules):
    r = result(saq, rules, ISEC_01="no")
    assert r.area_scores["ISEC"] == 83.3
    assert r.isec_level == "C"
    en, ja = r.explanation("en"), r.explanation("ja")
    assert en[0] == "ISEC score 83.3 → level B (threshold 65)"
    assert en[1] == ("knock-out ISEC-01 (Confidential labelling) answered 'no': confidential "
                     "information is not labelled → at most C")
    assert "ISEC-01 (Confidential labelling) answered 'no': 0 of 3 points" in en
    assert en[-1] == "information-security level C"
    assert "機密情報に機密表示がない" in ja[1] and "最高 C" in ja[1] and ja[-1].endswith("C")


def test_knock_out_never_raises_a_level(saq, rules):
    r = result(saq, rules, **{f"ISEC_0{i}": "no" for i in range(1, 7)})
    assert r.area_scores["ISEC"] == 0.0 and r.isec_level == "D"
    knock = [x for x in r.reasons if x.kind == "knock_out"]
    assert knock and all("already at or below" in x.text["en"] for x in knock)


def test_partly_labelled_caps_at_b_and_several_knock_outs_take_the_lowest(saq, rules):
    assert result(saq, rules, ISEC_01="partly").isec_level == "B"
    r = result(saq, rules, ISEC_06="partly", ISEC_02="no")
    assert r.isec_level == "C"
    assert [x.question for x in r.reasons if x.kind == "knock_out"] == ["ISEC-02", "ISEC-06"]


def test_explanation_lists_the_answers_that_lowered_the_score(saq, rules):
    r = result(saq, rules, ISEC_03="partly", ISEC_05="mostly", HR_01="no")
    weak = [x.question for x in r.reasons if x.kind == "weak_answer"]
    assert weak == ["ISEC-03", "ISEC-05"]          # only ISEC answers drive the ISEC level
    assert r.area_scores["HR"] == 80.0


def test_history_keeps_each_fiscal_year_and_current_is_the_latest(saq, rules):
    old = result(saq, rules, fy=2024, submitted="2024-07-01", ISEC_01="no")
    new = result(saq, rules, fy=2025, submitted="2025-07-01")
    other = result(saq, rules, code="S2", fy=2024, submitted="2024-08-01")
    h = history([new, old, other])
    assert set(h) == {("S1", 2024), ("S1", 2025), ("S2", 2024)}
    assert h[("S1", 2024)].isec_level == "C" and h[("S1", 2025)].isec_level == "A"
    assert current([new, old, other])["S1"] is new
    assert current([new, old, other], as_of_fy=2024)["S1"] is old
    resubmitted = result(saq, rules, fy=2025, submitted="2025-09-01", ISEC_02="no")
    assert history([resubmitted, new])[("S1", 2025)] is resubmitted


@pytest.mark.parametrize("change,message", [
    (lambda d: d["knock_outs"][0].update(question="ISEC-99"), "does not have"),
    (lambda d: d["knock_outs"][0].update(answers=["never"]), "not on the questionnaire's scale"),
    (lambda d: d["knock_outs"][0].update(at_most="E"), "at_most must be one of"),
    (lambda d: d["thresholds"].update(B=90), "falling from best level"),
    (lambda d: d["thresholds"].pop("C"), "thresholds must give a score"),
    (lambda d: d.update(questionnaire="other"), "rules are for questionnaire"),
])
def test_bad_rules_are_refused(saq, tmp_path, change, message):
    doc = copy.deepcopy(RULES_DOC)
    change(doc)
    path = tmp_path / "rules.yaml"
    path.write_text(yaml.safe_dump(doc, allow_unicode=True), "utf-8")
    with pytest.raises(BadInput) as exc:
        load_rules(saq, path)
    assert message in str(exc.value) and str(path) in str(exc.value)
