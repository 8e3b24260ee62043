"""Questionnaires as data: the shipped files load; a bad file is refused with file, line,
question and field named; the infosec questionnaire feeds the level rules alone (an
infosec-only response is scored), the critical-supplier one feeds none."""
from __future__ import annotations

import pytest

from sva.errors import BadInput
from sva.hq.portal import questionnaires, scoring
from tests.hq_programme.conftest import hq_cli


def test_the_shipped_questionnaires_load_with_every_type():
    infosec = questionnaires.get("infosec")
    csr = questionnaires.get("csr_critical")
    types = {q.type for x in (infosec, csr) for q in x.questions.values()}
    assert types == {"yes_no", "yes_no_partial", "choice", "number", "text", "date", "file"}
    assert infosec.level_rules == "isec" and csr.level_rules is None
    assert infosec.questions["IS-OUT-01"].options() == ("yes", "partial", "no", "na")
    assert all(q.text["ja"] and q.text["en"] for q in infosec.questions.values())


BAD = """\
id: broken
version: 1
title: {en: Broken, ja: 壊れた}
levels:
  rules: isec
  answers: {Q-TEXT: ISEC-01, Q-GONE: ISEC-02}
sections:
  - id: s1
    title: {en: One, ja: 一}
    questions:
      - id: Q-YES
        type: yes_or_no
        text: {en: "?", ja: "？"}
      - id: Q-TEXT
        type: text
        text: {en: "?"}
      - id: Q-CHOICE
        type: choice
        choices: [{value: a, en: A, ja: A}]
        text: {en: "?", ja: "？"}
"""


def test_a_bad_file_is_refused_naming_file_line_question_and_field(tmp_path):
    path = tmp_path / "broken.yaml"
    path.write_text(BAD, encoding="utf-8")
    problems = [str(p) for p in questionnaires.validate_file(path)]
    assert f"{path}:11: item Q-YES: unknown question type 'yes_or_no'" in problems[0]
    assert any(p.startswith(f"{path}:16: item Q-TEXT: missing Japanese text (text.ja)")
               for p in problems), problems
    assert any(":17: item Q-CHOICE: a choice question needs at least two choices" in p
               for p in problems), problems
    with pytest.raises(BadInput, match="questionnaire is not valid"):
        questionnaires.load_file(path)
    out = hq_cli("portal", "validate", path, "--data-dir", tmp_path)
    assert out.returncode == 2 and "Q-YES" in out.stdout


def test_levels_may_map_only_yes_no_questions_onto_saq_questions(tmp_path):
    text = BAD.replace("yes_or_no", "yes_no").replace('text: {en: "?"}',
                                                      'text: {en: "?", ja: "？"}')
    text = text.replace("choices: [{value: a, en: A, ja: A}]",
                        "choices: [{value: a, en: A, ja: A}, {value: b, en: B, ja: B}]")
    path = tmp_path / "levels.yaml"
    path.write_text(text, encoding="utf-8")
    problems = [str(p) for p in questionnaires.validate_file(path)]
    assert len(problems) == 1 and "Q-TEXT is a text question" in problems[0]
    path.write_text(text.replace("Q-TEXT: ISEC-01, ", ""), encoding="utf-8")
    problems = [str(p) for p in questionnaires.validate_file(path)]
    assert len(problems) == 1 and "'Q-GONE'" in problems[0]
    path.write_text(text.replace("Q-TEXT: ISEC-01, Q-GONE: ISEC-02", "Q-YES: HR-99"),
                    encoding="utf-8")
    assert "'HR-99'" in str(questionnaires.validate_file(path)[0])
    path.write_text(text.replace("Q-TEXT: ISEC-01, Q-GONE: ISEC-02", "Q-YES: ISEC-01"),
                    encoding="utf-8")
    assert questionnaires.validate_file(path) == []


def test_an_infosec_only_response_is_scored_by_the_level_rules():
    q = questionnaires.get("infosec")
    good = {qid: "yes" for qid in q.level_map}
    level, why = scoring.level_of(q, good, supplier_code="S1", fy=2026, submitted_on="2026-06-01")
    assert level == "A" and why["scores"] == {"ISEC": 100.0}
    # a knock-out of the rules caps the level, and says so in both languages
    level, why = scoring.level_of(q, {**good, "IS-LAB-01": "no"}, supplier_code="S1", fy=2026,
                                  submitted_on="2026-06-01")
    assert level == "C"
    assert any("ISEC-01" in line and "at most C" in line for line in why["en"])
    assert any("最高 C" in line for line in why["ja"])
    # n/a is left out of the score, partial is "partly" on the SAQ scale
    level, why = scoring.level_of(q, {**good, "IS-OUT-01": "na", "IS-STF-01": "partial"},
                                  supplier_code="S1", fy=2026, submitted_on="2026-06-01")
    assert why["scores"]["ISEC"] == round(100 * (4 * 3 + 1) / (5 * 3), 1)


def test_the_critical_supplier_questionnaire_feeds_no_level():
    q = questionnaires.get("csr_critical")
    level, why = scoring.level_of(q, {"HR-FL": "no"}, supplier_code="S1", fy=2026,
                                  submitted_on="2026-06-01")
    assert level is None and why["en"] == ["this questionnaire feeds no level"]
