"""The questionnaire as data, and the responses import (one row per supplier)."""
from __future__ import annotations

import pytest

from sva.vocabulary import AREAS
from sva.errors import BadInput
from sva.hq.programme.responses import FIXED, load_responses, parse_responses
from sva.hq.programme.saq import load_questionnaire, validate_file
from sva.paths import resource

from .conftest import answers


def test_shipped_questionnaire_covers_six_areas_with_four_to_six_questions(saq):
    assert saq.ref == "saq@1"
    assert set(saq.areas) == set(AREAS)
    for area in AREAS:
        assert 4 <= len(saq.in_area(area)) <= 6, area
    for q in saq.questions.values():
        assert q.text["en"].strip() and q.text["ja"].strip()
        assert q.short["en"].strip() and q.short["ja"].strip()
    assert [c.value for c in saq.scale] == ["yes", "mostly", "partly", "no"]


def _broken(tmp_path, old, new):
    text = resource("saq", "saq.yaml").read_text("utf-8")
    assert old in text
    path = tmp_path / "saq.yaml"
    path.write_text(text.replace(old, new, 1), "utf-8")
    return path


def _line_of(path, needle):
    return next(i for i, line in enumerate(path.read_text("utf-8").splitlines(), 1)
                if needle in line)


@pytest.mark.parametrize("old,new,question,message", [
    ("      - id: HR-02\n", "      - id: HR-01\n", "HR-01", "duplicate question id"),
    ('ja: "新規採用者全員', 'jp: "新規採用者全員', "HR-02", "missing Japanese text"),
    ("        allow_na: true\n      - id: FT-04", "        weight: 9\n      - id: FT-04", "FT-03",
     "weight must be"),
    ("        allow_na: true\n      - id: FT-04", "        allow_na: maybe\n      - id: FT-04",
     "FT-03", "'allow_na' must be true or false"),
])
def test_question_problems_name_file_line_and_question(tmp_path, old, new, question, message):
    path = _broken(tmp_path, old, new)
    problems = validate_file(path)
    assert len(problems) == 1
    p = problems[0]
    assert p.file == str(path) and p.item == question and message in p.message
    start = _line_of(path, f"id: {question}")
    assert start <= p.line <= start + 8
    with pytest.raises(BadInput) as exc:
        load_questionnaire(path)
    assert f"{path}:{p.line}: item {question}: " in str(exc.value) and message in str(exc.value)


def test_duplicate_question_points_at_its_line(tmp_path):
    path = _broken(tmp_path, "      - id: HR-02\n", "      - id: HR-01\n")
    [p] = validate_file(path)
    second = [i for i, line in enumerate(path.read_text("utf-8").splitlines(), 1)
              if "id: HR-01" in line][1]
    assert p.line == second


def test_unknown_area_and_bad_scale_are_reported(tmp_path):
    path = _broken(tmp_path, "  - id: PQS\n", "  - id: QUALITY\n")
    assert any("unknown risk area 'QUALITY'" in p.message for p in validate_file(path))
    path = _broken(tmp_path, "points: 3,", "points: -1,")
    assert any("points must be a whole number" in p.message for p in validate_file(path))


def test_yaml_syntax_error_gives_the_line(tmp_path):
    path = tmp_path / "saq.yaml"
    path.write_text("id: saq\nversion: 1\nareas: [\n  - x: y\n", "utf-8")
    [p] = validate_file(path)
    assert "not valid YAML" in p.message and p.line >= 3


# ---------------------------------------------------------------- responses

def _header(saq):
    return [*FIXED, *saq.questions]


def _row(saq, code="S001", fy="2025", submitted="2025-06-30", **overrides):
    a = answers(saq, **overrides)
    return [code, fy, submitted, *(a[q] for q in saq.questions)]


def test_good_responses_are_read(saq, write_csv):
    path = write_csv("saq.csv", _header(saq), [
        _row(saq), _row(saq, code="S002", fy="FY2025", ISEC_01="No", ISEC_04="na")])
    good, problems = parse_responses(path, saq, fy=2025, known_codes={"S001", "s002"})
    assert problems == []
    assert [(r.supplier_code, r.fy, r.saq_ref) for r in good] == \
        [("S001", 2025, "saq@1"), ("S002", 2025, "saq@1")]
    assert good[1].answers["ISEC-01"] == "no" and good[1].answers["ISEC-04"] == "na"


@pytest.mark.parametrize("kwargs,column,message", [
    ({"ISEC_01": "sometimes"}, "ISEC-01", "'sometimes' is not allowed"),
    ({"HR_02": ""}, "HR-02", "no answer"),
    ({"HR_02": "na"}, "HR-02", "'na' is not allowed"),
    ({"fy": "20x5"}, "fiscal_year", "not a fiscal year"),
    ({"fy": "2024"}, "fiscal_year", "FY2024 in a file imported for FY2025"),
    ({"submitted": "30/06/2025"}, "submitted_on", "not a date"),
    ({"submitted": "2025-02-29"}, "submitted_on", "not a real calendar date"),
    ({"code": "S999"}, "supplier_code", "no supplier with code S999"),
    ({"code": ""}, "supplier_code", "supplier code is empty"),
])
def test_bad_response_cells_are_reported_by_row_and_column(saq, write_csv, kwargs, column,
                                                            message):
    kwargs.setdefault("code", "S002")
    path = write_csv("saq.csv", _header(saq), [_row(saq), _row(saq, **kwargs)])
    good, problems = parse_responses(path, saq, fy=2025, known_codes={"S001", "S002"})
    assert [r.supplier_code for r in good] == ["S001"]
    assert [(p.row, p.column) for p in problems] == [(3, column)]
    assert message in problems[0].message
    with pytest.raises(BadInput):
        load_responses(path, saq, fy=2025, known_codes={"S001", "S002"})


def test_a_supplier_answering_twice_in_one_year_is_refused(saq, write_csv):
    path = write_csv("saq.csv", _header(saq), [_row(saq), _row(saq, code="S002"), _row(saq)])
    good, problems = parse_responses(path, saq)
    assert [(p.row, p.column) for p in problems] == [(2, "supplier_code"), (4, "supplier_code")]
    assert [r.supplier_code for r in good] == ["S002"]


def test_missing_question_column_is_fatal(saq, write_csv):
    header = [h for h in _header(saq) if h != "ENV-03"]
    rows = [[c for h, c in zip(_header(saq), _row(saq)) if h != "ENV-03"]]
    path = write_csv("saq.csv", header, rows)
    good, problems = parse_responses(path, saq)
    assert good == [] and [(p.row, p.column) for p in problems] == [(1, "env-03")]
    with pytest.raises(BadInput):
        load_responses(path, saq, skip_bad=True)


def test_skip_bad_keeps_good_responses(saq, write_csv):
    path = write_csv("saq.csv", _header(saq), [_row(saq), _row(saq, code="S002", OHS_01="?")])
    good, skipped = load_responses(path, saq, skip_bad=True)
    assert [r.supplier_code for r in good] == ["S001"]
    assert [(s.row, s.problems[0].column) for s in skipped] == [(3, "OHS-01")]


def test_blank_template_round_trips_to_one_problem_per_answer(saq, tmp_path):
    from sva.hq.programme.responses import blank_responses_csv
    path = tmp_path / "blank.csv"
    path.write_text(blank_responses_csv(saq, ["S001"], 2025), "utf-8")
    good, problems = parse_responses(path, saq, fy=2025)
    assert good == []
    assert {p.column for p in problems} == {"submitted_on", *saq.questions}
    assert {p.row for p in problems} == {2}
