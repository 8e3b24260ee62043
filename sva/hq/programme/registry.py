"""Supplier registry import: CSV (UTF-8, header row) or the first sheet of an XLSX.

Columns (header names, any order, case-insensitive):
  code*, name_en*, name_ja, country* (ISO alpha-2), categories (';'-separated),
  annual_spend* (whole JPY; '1,200,000' is accepted), large_amount / rare_product /
  hard_to_replace (yes/no/1/0/true/false; blank = no), declaration_date (YYYY-MM-DD),
  declaration_scope.   (* = required column and value)

Every row is checked and every problem returned; `apply_policy` then decides between
"nothing" and "the good rows plus a list of what was skipped".
"""
from __future__ import annotations

import re
from datetime import date
from pathlib import Path

from sva.errors import BadInput
from sva.places import region_of
from sva.vocabulary import SUPPLIER_FLAGS as FLAGS
from sva.hq.programme.tabular import RowProblem, Skipped, Table, apply_policy, read_table, \
    require_columns

__all__ = ["COLUMNS", "REQUIRED", "parse_registry", "apply_policy", "RowProblem", "Skipped"]

REQUIRED = ("code", "name_en", "country", "annual_spend")
COLUMNS = ("code", "name_en", "name_ja", "country", "categories", "annual_spend", *FLAGS,
           "declaration_date", "declaration_scope")
TRUE = {"yes", "y", "1", "true"}
FALSE = {"no", "n", "0", "false", ""}
_CODE = re.compile(r"^[A-Za-z0-9][A-Za-z0-9_.-]{0,31}$")
_AMOUNT = re.compile(r"^\d{1,3}(,\d{3})+$|^\d+$")


def parse_registry(path: str | Path) -> tuple[list[dict], list[RowProblem]]:
    """Returns (good rows, problems). A row with any problem is not among the good rows."""
    table, problems = read_table(path)
    if any(p.fatal for p in problems) or not table.header:
        return [], problems
    problems += require_columns(table, REQUIRED, COLUMNS)
    if any(p.fatal for p in problems):
        return [], problems
    rows, first_row_of = [], {}
    for number, cells in table.rows:
        row, row_problems = _supplier(table, number, cells)
        code = row.get("code")
        if code:
            first_row_of.setdefault(code.upper(), []).append(number)
        problems += row_problems
        rows.append((number, row))
    for code, numbers in first_row_of.items():
        if len(numbers) > 1:
            for number in numbers:
                others = ", ".join(str(n) for n in numbers if n != number)
                problems.append(RowProblem(table.file, number, "code",
                                           f"code {code} also appears on row(s) {others}"))
    bad_rows = {p.row for p in problems}
    good = [row for number, row in rows if number not in bad_rows]
    return good, sorted(problems, key=lambda p: (p.row or 0, COLUMNS.index(p.column)
                                                  if p.column in COLUMNS else 99))


def load_registry(path: str | Path, *, skip_bad: bool = False) -> tuple[list[dict], list[Skipped]]:
    """Parse and apply the all-or-nothing policy in one call (what the CLI uses)."""
    good, problems = parse_registry(path)
    return apply_policy(good, problems, skip_bad)


def _supplier(table: Table, number: int, cells: dict) -> tuple[dict, list[RowProblem]]:
    problems: list[RowProblem] = []

    def bad(column, message):
        problems.append(RowProblem(table.file, number, column, message))

    get = lambda key: cells.get(key, "").strip()  # noqa: E731
    row: dict = {}
    code = get("code")
    if not code:
        bad("code", "supplier code is empty")
    elif not _CODE.match(code):
        bad("code", f"code {code!r} may hold only letters, digits, '_', '.', '-' (≤ 32)")
    else:
        row["code"] = code
    row["name_en"] = get("name_en")
    if not row["name_en"]:
        bad("name_en", "English name is empty")
    row["name_ja"] = get("name_ja")
    country = get("country").upper()
    if not re.fullmatch(r"[A-Z]{2}", country):
        bad("country", f"{country or '(empty)'} is not an ISO 3166 alpha-2 country code (e.g. JP)")
    else:
        try:
            row["region"] = region_of(country)
        except BadInput as exc:
            bad("country", str(exc))
    row["country"] = country
    categories = []
    for part in get("categories").split(";"):
        part = part.strip()
        if part and part.lower() not in (c.lower() for c in categories):
            categories.append(part)
    row["categories"] = categories
    amount = get("annual_spend")
    if not _AMOUNT.match(amount):
        bad("annual_spend", f"{amount or '(empty)'} is not a whole number of yen ≥ 0")
    else:
        row["annual_spend"] = int(amount.replace(",", ""))
    for flag in FLAGS:
        value = get(flag).lower()
        if value in TRUE:
            row[flag] = True
        elif value in FALSE:
            row[flag] = False
        else:
            bad(flag, f"{get(flag)!r} is not yes/no (accepted: yes, no, 1, 0, true, false)")
    declared, scope = get("declaration_date"), get("declaration_scope")
    row["declaration_date"], row["declaration_scope"] = None, scope
    if declared:
        try:
            if not re.fullmatch(r"\d{4}-\d{2}-\d{2}", declared):
                raise ValueError(declared)
            row["declaration_date"] = date.fromisoformat(declared).isoformat()
        except ValueError:
            bad("declaration_date", f"{declared!r} is not a date (YYYY-MM-DD)")
    elif scope:
        bad("declaration_date", "a declaration scope is given but no declaration date")
    row["declaration_status"] = "received" if declared else "none"
    return row, problems
