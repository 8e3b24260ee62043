"""SAQ responses import: one row per supplier (CSV, or the first sheet of an XLSX).

Columns: supplier_code, fiscal_year (2025 or FY2025), submitted_on (YYYY-MM-DD), then one
column per question id of the questionnaire, holding one answer value of its scale
(case-insensitive; `na` only where the question allows it). Every question column must be
present and every answer filled in: a blank is a problem, not a silent zero — except in an
information-security document check, whose header names the ISEC questions and no other:
it answers those alone and is scored by the level rules like a full response.
"""
from __future__ import annotations

import csv
import io
from dataclasses import dataclass
from pathlib import Path
from typing import Annotated, ClassVar

from pydantic import BeforeValidator, Field, ValidationInfo, create_model, field_validator

from sva.errors import BadInput
from sva.hq.programme.cells import Day, Row, Text
from sva.hq.programme.fiscal import parse_fy
from sva.hq.programme.saq import RESPONSE_COLUMNS as FIXED, Question, Questionnaire
from sva.hq.programme.tabular import RowProblem, Skipped, apply_policy, check_rows, open_table, \
    repeated
from sva.reports.cell_safety import csv_cell
from sva.validation.checks import Refusal


@dataclass(frozen=True)
class SaqResponse:
    supplier_code: str
    fy: int
    submitted_on: str            # ISO date
    saq_ref: str
    answers: dict                # question id -> answer value as on the scale


def _fiscal_year(cell) -> int:
    try:
        return parse_fy(cell)
    except BadInput as exc:
        raise Refusal(exc.message) from None


class ResponseRow(Row):
    """The fixed columns; `_row_model` adds one column per question of the questionnaire.
    The context may pin the fiscal year (`fy`) and the known supplier codes (`known`)."""
    asked: ClassVar[tuple] = ()          # the question ids this file answers, in order
    supplier_code: Text = ""
    fiscal_year: Annotated[int, BeforeValidator(_fiscal_year)] = 0
    submitted_on: Day = ""

    @field_validator("supplier_code")
    @classmethod
    def _registered(cls, code: str, info: ValidationInfo):
        known = (info.context or {}).get("known")
        if not code:
            raise Refusal("supplier code is empty")
        if known is not None and code.upper() not in known:
            raise Refusal(f"no supplier with code {code} in the registry")
        return code

    @field_validator("fiscal_year")
    @classmethod
    def _the_year_imported(cls, year: int, info: ValidationInfo):
        fy = (info.context or {}).get("fy")
        if fy is not None and year != fy:
            raise Refusal(f"FY{year} in a file imported for FY{fy}")
        return year

    def response(self, saq: Questionnaire) -> SaqResponse:
        answers = {q: getattr(self, f"q{n}") for n, q in enumerate(self.asked)}
        return SaqResponse(self.supplier_code, self.fiscal_year, self.submitted_on, saq.ref,
                           answers)


def _answer(saq: Questionnaire, question: Question) -> BeforeValidator:
    def parse(cell) -> str:
        typed = str(cell or "").strip()
        choice = saq.choice(typed) if typed else None
        if choice is None or (choice.points is None and not question.allow_na):
            allowed = ", ".join(saq.allowed(question))
            raise Refusal((f"answer {typed!r} is not allowed" if typed else "no answer")
                          + f" (allowed: {allowed})")
        return choice.value
    return BeforeValidator(parse)


def _row_model(saq: Questionnaire, asked: tuple):
    """The row model of this file: a column per question asked, named by its id."""
    model = create_model("SaqResponseRow", __base__=ResponseRow, **{
        f"q{n}": (Annotated[str, _answer(saq, saq.questions[qid])],
                  Field(default="", alias=qid, validate_default=True))
        for n, qid in enumerate(asked)})
    model.asked = asked
    return model


def _asked(saq: Questionnaire, header) -> tuple:
    """Every question, or the ISEC questions alone when the header names no other."""
    isec = tuple(q.id for q in saq.in_area("ISEC"))
    named = {h for h in header if h in {q.lower() for q in saq.questions}}
    if named and named <= {q.lower() for q in isec}:
        return isec
    return tuple(saq.questions)


def parse_responses(path: str | Path, saq: Questionnaire, *, fy: int | None = None,
                    known_codes=None, sheet: str | None = None
                    ) -> tuple[list[SaqResponse], list[RowProblem]]:
    """Returns (good responses, problems). `fy` pins the fiscal year being imported;
    `known_codes` (a set of supplier codes) rejects answers from unknown suppliers."""
    question_cols = {q.lower(): q for q in saq.questions}
    columns = (*FIXED, *question_cols)
    table, problems = open_table(path, FIXED, columns, kind="saq", sheet=sheet)
    asked = _asked(saq, table.header) if table is not None else ()
    if table is not None:
        problems += [RowProblem(table.file, table.header_row, c,
                                "required column is missing from the header", True)
                     for c in (q.lower() for q in asked) if c not in table.header]
        if any(p.fatal for p in problems):
            return [], problems
    if table is None:
        return [], problems
    # question columns under the question's own id (the header is read in lower case)
    table.rows = [(n, {question_cols.get(k, k): v for k, v in cells.items()})
                  for n, cells in table.rows]
    known = None if known_codes is None else {str(c).upper() for c in known_codes}
    checked, bad = check_rows(table, _row_model(saq, asked),
                              context={"fy": fy, "known": known})
    problems += bad + repeated(table, {n: _response_key(cells) for n, cells in table.rows},
                               "supplier_code", lambda key, others:
                               f"{key[0]} answers FY{key[1]} again on row(s) {others}")
    bad_rows = {p.row for p in problems}
    problems.sort(key=lambda p: p.row or 0)
    return [row.response(saq) for number, row in checked if number not in bad_rows], problems


def _response_key(cells: dict):
    """(supplier code, fiscal year) of a row that names both, else None."""
    code = cells.get("supplier_code", "").strip().upper()
    try:
        return (code, parse_fy(cells.get("fiscal_year", ""))) if code else None
    except BadInput:
        return None


def load_responses(path, saq: Questionnaire, *, fy=None, known_codes=None,
                   skip_bad: bool = False, sheet: str | None = None
                   ) -> tuple[list[SaqResponse], list[Skipped]]:
    good, problems = parse_responses(path, saq, fy=fy, known_codes=known_codes, sheet=sheet)
    return apply_policy(good, problems, skip_bad)


def blank_responses_csv(saq: Questionnaire, codes, fy: int) -> str:
    """A CSV to hand out or fill in: the header and one empty row per supplier code."""
    out = io.StringIO()
    w = csv.writer(out, lineterminator="\n")
    w.writerow([*FIXED, *saq.questions])
    for code in codes:
        w.writerow([csv_cell(code), fy, "", *([""] * len(saq.questions))])
    return out.getvalue()
