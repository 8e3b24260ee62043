"""SAQ responses import: one row per supplier (CSV, or the first sheet of an XLSX).

Columns: supplier_code, fiscal_year (2025 or FY2025), submitted_on (YYYY-MM-DD), then one
column per question id of the questionnaire, holding one answer value of its scale
(case-insensitive; `na` only where the question allows it). Every question column must be
present and every answer filled in: a blank is a problem, not a silent zero.
"""
from __future__ import annotations

import csv
import io
import re
from dataclasses import dataclass
from datetime import date
from pathlib import Path

from sva.errors import BadInput
from sva.hq.programme.fiscal import parse_fy
from sva.hq.programme.saq import Questionnaire
from sva.hq.programme.tabular import RowProblem, Skipped, apply_policy, read_table, \
    require_columns
from sva.reports.cell_safety import csv_cell

FIXED = ("supplier_code", "fiscal_year", "submitted_on")


@dataclass(frozen=True)
class SaqResponse:
    supplier_code: str
    fy: int
    submitted_on: str            # ISO date
    saq_ref: str
    answers: dict                # question id -> answer value as on the scale


def parse_responses(path: str | Path, saq: Questionnaire, *, fy: int | None = None,
                    known_codes=None) -> tuple[list[SaqResponse], list[RowProblem]]:
    """Returns (good responses, problems). `fy` pins the fiscal year being imported;
    `known_codes` (a set of supplier codes) rejects answers from unknown suppliers."""
    table, problems = read_table(path)
    if any(p.fatal for p in problems) or not table.header:
        return [], problems
    question_cols = {q.lower(): q for q in saq.questions}
    problems += require_columns(table, (*FIXED, *question_cols), (*FIXED, *question_cols))
    if any(p.fatal for p in problems):
        return [], problems
    known = None if known_codes is None else {str(c).upper() for c in known_codes}
    rows, seen = [], {}   # seen: (code, fy) -> row numbers
    for number, cells in table.rows:
        row_problems: list[RowProblem] = []

        def bad(column, message, row_problems=row_problems, number=number):
            row_problems.append(RowProblem(table.file, number, column, message))

        code = cells["supplier_code"].strip()
        if not code:
            bad("supplier_code", "supplier code is empty")
        elif known is not None and code.upper() not in known:
            bad("supplier_code", f"no supplier with code {code} in the registry")
        year = None
        try:
            year = parse_fy(cells["fiscal_year"])
        except BadInput as exc:
            bad("fiscal_year", str(exc).split(": ", 1)[-1])
        if year is not None and fy is not None and year != fy:
            bad("fiscal_year", f"FY{year} in a file imported for FY{fy}")
        submitted = cells["submitted_on"].strip()
        if not re.fullmatch(r"\d{4}-\d{2}-\d{2}", submitted):
            bad("submitted_on", f"{submitted or '(empty)'} is not a date (YYYY-MM-DD)")
        else:
            try:
                date.fromisoformat(submitted)
            except ValueError:
                bad("submitted_on", f"{submitted} is not a real calendar date")
        answers = {}
        for column, qid in question_cols.items():
            question, typed = saq.questions[qid], cells[column].strip()
            choice = saq.choice(typed) if typed else None
            if choice is None or (choice.points is None and not question.allow_na):
                allowed = ", ".join(saq.allowed(question))
                bad(qid, (f"answer {typed!r} is not allowed" if typed else "no answer")
                    + f" (allowed: {allowed})")
            else:
                answers[qid] = choice.value
        if code and year is not None:
            seen.setdefault((code.upper(), year), []).append(number)
        problems += row_problems
        if not row_problems:
            rows.append((number, SaqResponse(code, year, submitted, saq.ref, answers)))
    for (code, year), numbers in seen.items():
        for number in numbers if len(numbers) > 1 else ():
            others = ", ".join(str(n) for n in numbers if n != number)
            problems.append(RowProblem(table.file, number, "supplier_code",
                                       f"{code} answers FY{year} again on row(s) {others}"))
    bad_rows = {p.row for p in problems}
    problems.sort(key=lambda p: p.row or 0)
    return [r for number, r in rows if number not in bad_rows], problems


def load_responses(path, saq: Questionnaire, *, fy=None, known_codes=None,
                   skip_bad: bool = False) -> tuple[list[SaqResponse], list[Skipped]]:
    good, problems = parse_responses(path, saq, fy=fy, known_codes=known_codes)
    return apply_policy(good, problems, skip_bad)


def blank_responses_csv(saq: Questionnaire, codes, fy: int) -> str:
    """A CSV to hand out or fill in: the header and one empty row per supplier code."""
    out = io.StringIO()
    w = csv.writer(out, lineterminator="\n")
    w.writerow([*FIXED, *saq.questions])
    for code in codes:
        w.writerow([csv_cell(code), fy, "", *([""] * len(saq.questions))])
    return out.getvalue()
