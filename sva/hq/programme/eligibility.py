"""Which suppliers may take a project that requires an information-security level.

A level counts for the configured number of fiscal years from the SAQ that set it
(resources/programme/eligibility.yaml: the current and previous year by default); an older
one is expired and not eligible unless a manager extended it with a reason."""
from __future__ import annotations

import unicodedata
from functools import lru_cache

from sva.errors import BadInput
from sva.hq.programme.levels import current
from sva.vocabulary import ISEC_LEVELS as LEVELS    # best first, as in isec_levels.yaml


def category_key(category: str) -> str:
    """The key of a category as planning.yaml writes it: 'IT services' -> 'it_services'."""
    text = unicodedata.normalize("NFKC", str(category)).strip().lower()
    return "_".join(text.replace("-", " ").split())


@lru_cache(maxsize=1)
def valid_years() -> int:
    from sva.paths import resource
    from sva.validation.yaml_file import read_yaml
    doc, problems = read_yaml(resource("programme", "eligibility.yaml"))
    years = (doc or {}).get("valid_fiscal_years") if not problems else None
    if not isinstance(years, int) or years < 1:
        raise ValueError("resources/programme/eligibility.yaml: valid_fiscal_years must be a "
                         "whole number ≥ 1")
    return years


def required_level(required: str, order=LEVELS) -> str:
    """A required level as typed ('b' or 'B'), checked."""
    level = str(required).strip().upper()
    if level not in order:
        raise BadInput(f"unknown level {required!r} (known: {', '.join(order)})", field="level")
    return level


def eligibility(suppliers, levels, required: str = "B", category: str | None = None, *,
                as_of_fy: int | None = None, extensions: dict | None = None,
                open_isec: dict | None = None, overdue_isec: dict | None = None,
                years: int | None = None, order=LEVELS) -> dict:
    """{"eligible": rows, "expired": rows}: suppliers whose latest level (up to as_of_fy) is
    `required` or better, handling `category` (displayed name or key) if given. A level set
    more than `years` fiscal years before as_of_fy is expired — in "expired", not eligible —
    unless extended (extensions: {(code upper, saq fy): {until_fy, reason, extended_by}}).
    Rows carry level, fiscal year, date, basis, explanation, valid_until and the number of
    open information-security findings (open_isec: {code upper: n}). On-site results count
    too: an information-security finding open past its due date (overdue_isec: {code upper:
    n}) lowers the level one step until it is closed (`lowered` says why)."""
    required = required_level(required, order)
    years = years or valid_years()
    latest = current(levels, as_of_fy=as_of_fy)
    wanted = category_key(category) if category and category.strip() else None
    out: dict = {"eligible": [], "expired": []}
    for s in suppliers:
        if s.get("deleted"):
            continue
        if wanted and wanted not in (category_key(c) for c in s.get("categories") or ()):
            continue
        code = str(s["code"]).upper()
        result = latest.get(code)
        if result is None:
            continue
        level, lowered, n = result.isec_level, "", 0
        if (overdue_isec or {}).get(code):
            n = overdue_isec[code]
            level = order[min(order.index(level) + 1, len(order) - 1)]
            lowered = (f"lowered from {result.isec_level} to {level}: {n} information-security "
                       "finding(s) open past their due date")
        if order.index(level) > order.index(required):
            continue
        until = result.fy + years - 1
        extension = (extensions or {}).get((code, result.fy))
        if extension:
            until = max(until, int(extension["until_fy"]))
        row = {"code": s["code"], "name_en": s.get("name_en", ""),
               "name_ja": s.get("name_ja", ""), "level": level, "saq_level": result.isec_level,
               "lowered": lowered, "overdue_isec": n,
               "fy": result.fy, "date": result.submitted_on, "basis": result.basis,
               # the parts of `basis`, for pages that word it in their language
               "saq_ref": result.saq_ref, "rules_version": result.rules_version,
               "explanation": result.explanation("en"), "valid_until": until,
               "extension": extension, "open_isec": (open_isec or {}).get(code, 0)}
        expired = as_of_fy is not None and as_of_fy > until
        out["expired" if expired else "eligible"].append(row)
    for rows in out.values():
        rows.sort(key=lambda r: (order.index(r["level"]), r["code"]))
    return out


def eligible(suppliers, levels, required: str = "B", category: str | None = None,
             *, order=LEVELS, **kw) -> list[dict]:
    """The eligible rows of `eligibility` (without as_of_fy nothing expires)."""
    return eligibility(suppliers, levels, required, category, order=order, **kw)["eligible"]
