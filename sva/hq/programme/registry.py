"""Supplier registry import: CSV (UTF-8 or CP932) or a sheet of an XLSX (see tabular).

Columns (header names or their aliases in resources/programme/column_aliases.yaml, any
order, case-insensitive):
  code*, name_en*, name_ja, country* (ISO alpha-2), categories (';'-separated),
  annual_spend* (whole JPY; '1,200,000', '¥1,200,000' are accepted), large_amount /
  rare_product / hard_to_replace (yes/no/1/0/true/false/はい/いいえ/○/×; blank = no),
  declaration_date (YYYY-MM-DD or 2025/04/10),
  declaration_scope.   (* = required column and value)

Every row is checked and every problem returned; `apply_policy` then decides between
"nothing" and "the good rows plus a list of what was skipped".
"""
from __future__ import annotations

from pathlib import Path
from typing import Annotated

from pydantic import ValidationInfo, field_validator, model_validator

from sva.hq.programme.cells import (CODE, Categories, Code, Country, OptionalDate, Row, Text,
                                    TimeZone, YesNo, Yen, required)
from sva.hq.programme.tabular import RowProblem, Skipped, apply_policy, check_rows, open_table, \
    repeated
from sva.places import region_of
from sva.validation.checks import Refusal
from sva.vocabulary import SUPPLIER_FLAGS

__all__ = ["COLUMNS", "REQUIRED", "parse_registry", "apply_policy", "RowProblem", "Skipped"]

REQUIRED = ("code", "name_en", "country", "annual_spend")
COLUMNS = ("code", "name_en", "name_ja", "country", "categories", "annual_spend",
           *SUPPLIER_FLAGS, "declaration_date", "declaration_scope")


class SupplierRow(Row):
    code: Code = ""
    name_en: Annotated[str, required("English name is empty")] = ""
    name_ja: Text = ""
    country: Country = ""
    categories: Categories = []
    annual_spend: Yen = 0
    large_amount: YesNo = False
    rare_product: YesNo = False
    hard_to_replace: YesNo = False
    declaration_date: OptionalDate = None
    declaration_scope: Text = ""

    @model_validator(mode="after")
    def _scope_needs_a_date(self):
        if self.declaration_scope and not self.declaration_date:
            raise Refusal("a declaration scope is given but no declaration date",
                          field="declaration_date")
        return self

    def supplier(self) -> dict:
        return {**self.model_dump(), "region": region_of(self.country),
                "declaration_status": "received" if self.declaration_date else "none"}


def parse_registry(path: str | Path, *, sheet: str | None = None
                   ) -> tuple[list[dict], list[RowProblem]]:
    """Returns (good rows, problems). A row with any problem is not among the good rows."""
    table, problems = open_table(path, REQUIRED, COLUMNS, kind="registry", sheet=sheet)
    if table is None:
        return [], problems
    checked, bad = check_rows(table, SupplierRow)
    problems += bad
    codes = {n: r.get("code", "").strip().upper() for n, r in table.rows}
    problems += repeated(table, {n: c if CODE.match(c) else None for n, c in codes.items()},
                         "code",
                         lambda code, others: f"code {code} also appears on row(s) {others}")
    bad_rows = {p.row for p in problems}
    good = [row.supplier() for number, row in checked if number not in bad_rows]
    return good, sorted(problems, key=lambda p: (p.row or 0, COLUMNS.index(p.column)
                                                  if p.column in COLUMNS else 99))


SITE_REQUIRED = ("code", "site_name", "country", "timezone")
SITE_COLUMNS = (*SITE_REQUIRED, "address", "site_name_ja")


class SiteRow(Row):
    """A site of a registered supplier; the context holds the registry's codes (`known`,
    upper case -> supplier id)."""
    code: Text = ""
    site_name: Annotated[str, required("site name is empty")] = ""
    country: Country = ""
    timezone: TimeZone = ""
    address: Text = ""
    site_name_ja: Text = ""          # the site's Japanese name (the Japanese report)

    @field_validator("code")
    @classmethod
    def _registered(cls, code: str, info: ValidationInfo):
        if code.upper() not in info.context["known"]:
            raise Refusal(f"no supplier with code {code or '(empty)'} in the registry")
        return code


def parse_sites(path: str | Path, known: dict) -> tuple[list[SiteRow], list[RowProblem]]:
    """Sites file (code, site_name, country, timezone[, address, site_name_ja]): (good rows,
    problems)."""
    table, problems = open_table(path, SITE_REQUIRED, SITE_COLUMNS, kind="sites")
    if table is None:
        return [], problems
    checked, bad = check_rows(table, SiteRow, context={"known": known})
    return [row for _, row in checked], problems + bad


def load_registry(path: str | Path, *, skip_bad: bool = False,
                  sheet: str | None = None) -> tuple[list[dict], list[Skipped]]:
    """Parse and apply the all-or-nothing policy in one call (what the CLI uses)."""
    good, problems = parse_registry(path, sheet=sheet)
    return apply_policy(good, problems, skip_bad)
