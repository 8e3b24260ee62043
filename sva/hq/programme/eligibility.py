"""Which suppliers may take a project that requires an information-security level."""
from __future__ import annotations

from sva.errors import BadInput
from sva.hq.programme.levels import current
from sva.vocabulary import ISEC_LEVELS as LEVELS    # best first, as in isec_levels.yaml


def eligible(suppliers, levels, required: str = "B", category: str | None = None,
             *, order=LEVELS) -> list[dict]:
    """Suppliers whose current level (from their latest fiscal year's SAQ) is `required` or
    better, optionally only those handling `category` (case-insensitive). Each row carries
    the level, the fiscal year and date it was set, and its basis and explanation.
    Suppliers with no SAQ result are never eligible."""
    if required not in order:
        raise BadInput(f"unknown level {required!r} (known: {', '.join(order)})", field="level")
    latest = current(levels)
    wanted = category.strip().lower() if category else None
    rows = []
    for s in suppliers:
        if s.get("deleted"):
            continue
        if wanted and wanted not in (c.lower() for c in s.get("categories") or ()):
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
