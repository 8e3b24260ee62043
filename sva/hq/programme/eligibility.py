"""Which suppliers may take a project that requires an information-security level."""
from __future__ import annotations

from sva.errors import BadInput
from sva.hq.programme.levels import current
from sva.vocabulary import ISEC_LEVELS as LEVELS    # best first, as in isec_levels.yaml


def category_key(category: str) -> str:
    """The key of a category as planning.yaml writes it: 'IT services' -> 'it_services'."""
    import unicodedata
    text = unicodedata.normalize("NFKC", str(category)).strip().lower()
    return "_".join(text.replace("-", " ").split())


def eligible(suppliers, levels, required: str = "B", category: str | None = None,
             *, order=LEVELS) -> list[dict]:
    """Suppliers whose current level (from their latest fiscal year's SAQ) is `required` or
    better (a level may be typed in lower case), optionally only those handling `category`
    (its displayed name or its key: 'IT services' or 'it_services'). Each row carries
    the level, the fiscal year and date it was set, and its basis and explanation.
    Suppliers with no SAQ result are never eligible."""
    required = str(required).strip().upper()
    if required not in order:
        raise BadInput(f"unknown level {required!r} (known: {', '.join(order)})", field="level")
    latest = current(levels)
    wanted = category_key(category) if category and category.strip() else None
    rows = []
    for s in suppliers:
        if s.get("deleted"):
            continue
        if wanted and wanted not in (category_key(c) for c in s.get("categories") or ()):
            continue
        result = latest.get(str(s["code"]).upper())
        if result is None or order.index(result.isec_level) > order.index(required):
            continue
        rows.append({"code": s["code"], "name_en": s.get("name_en", ""),
                     "name_ja": s.get("name_ja", ""), "level": result.isec_level,
                     "fy": result.fy, "date": result.submitted_on, "basis": result.basis,
                     "explanation": result.explanation("en")})
    rows.sort(key=lambda r: (order.index(r["level"]), r["code"]))
    return rows
