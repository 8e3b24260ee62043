"""Fiscal-year programme figures (April–March), computed from plain data.

Inputs: suppliers (dicts: code, region or country, annual_spend, the three critical flags),
the registry's history (spend: dicts supplier_code, fy, annual_spend, region; attributes:
dicts supplier_code, valid_from, valid_to, the three flags — a year's shares come from its
spend, its critical suppliers from the flags in force on its last day; without history, today's
registry stands in), SAQ results (levels.SaqResult), audits (dicts: id, supplier_code, kind,
date, optional status) and findings (dicts: audit_id, item_id, area, severity, status, closed_at or
verified_at). An audit counts in the year of its visit date once it is past `in_progress`;
its findings count with it. Days to close run from the visit date to the closing date.
"""
from __future__ import annotations

from statistics import median

from sva.hq.programme.fiscal import HQ_TIMEZONE, fy_bounds, in_fy, to_date
from sva.places import region_of
from sva.vocabulary import (AREAS, AUDIT_KINDS, CAP_SEVERITIES,
                            NOT_DONE_STATUSES, SEVERITIES, SUPPLIER_FLAGS)

GUIDANCE = "minor"           # minor findings are answered with improvement guidance
CLOSED = "verified_closed"


def _is_critical(s: dict) -> bool:
    return any(bool(s.get(flag)) for flag in SUPPLIER_FLAGS)


def figures(fy: int, suppliers, saq_results, audits, findings, *, topics: dict | None = None,
            spend=None, attributes=None, tz: str = HQ_TIMEZONE) -> dict:
    """Every yearly figure of DESIGN §1/§6 as a plain dict (see figures_render for output)."""
    live = [s for s in suppliers if not s.get("deleted")]
    start, end = fy_bounds(fy)
    if spend is None or attributes is None:       # no history: today's registry stands in
        spend = [{"supplier_code": s["code"], "fy": fy, "annual_spend": s.get("annual_spend"),
                  "region": s.get("region") or region_of(s["country"])} for s in live]
        attributes = [{**s, "supplier_code": s["code"], "valid_from": "0000",
                       "valid_to": None} for s in live]
    day = end.isoformat()
    held = {str(a["supplier_code"]).upper(): a for a in attributes
            if a["valid_from"] <= day and (a["valid_to"] is None or a["valid_to"] >= day)}
    year_spend = [p for p in spend if int(p["fy"]) == fy]
    fig: dict = {"fy": fy, "start": start.isoformat(), "end": end.isoformat()}
    fig.update(_document_checks(fy, held, saq_results))
    fig["critical_suppliers"] = sum(
        1 for p in year_spend if _is_critical(held.get(str(p["supplier_code"]).upper(), {})))
    done = [a for a in audits if not a.get("deleted") and a.get("status") not in NOT_DONE_STATUSES
            and in_fy(a["date"], fy, tz)]
    audit_by_id = {a["id"]: a for a in done}
    kinds = sorted({a["kind"] for a in audits} | set(AUDIT_KINDS))
    fig["onsite_assessments"] = {k: sum(1 for a in done if a["kind"] == k) for k in kinds}
    fig["suppliers_visited"] = len({str(a["supplier_code"]).upper() for a in done})
    fig["suppliers_visited_by_kind"] = {
        k: len({str(a["supplier_code"]).upper() for a in done if a["kind"] == k}) for k in kinds}
    year_findings = [f for f in findings
                     if f.get("audit_id") in audit_by_id and not f.get("deleted")]
    fig["findings_by_severity"] = {sev: sum(1 for f in year_findings if f["severity"] == sev)
                                   for sev in SEVERITIES}
    fig["findings_by_area"] = {
        area: {sev: sum(1 for f in year_findings if f["area"] == area and f["severity"] == sev)
               for sev in SEVERITIES} for area in AREAS}
    fig["improvement_topics"] = _topics(year_findings, audit_by_id, topics or {})
    fig["cap"] = _caps(year_findings, audit_by_id, tz)
    fig["procurement_by_region"] = _regions(year_spend)
    return fig


def _document_checks(fy, by_code, saq_results) -> dict:
    latest = {}
    for r in sorted(saq_results, key=lambda r: r.submitted_on):
        if r.fy == fy:
            latest[r.supplier_code.upper()] = r
    critical = {c for c in latest if c in by_code and _is_critical(by_code[c])}
    by_area = {}
    for area in AREAS:
        answered = {c for c, r in latest.items() if r.area_scores.get(area) is not None}
        by_area[area] = {"critical": len(answered & critical), "all": len(answered)}
    levels: dict = {}
    for r in latest.values():
        if r.area_scores.get("ISEC") is not None:
            levels[r.isec_level] = levels.get(r.isec_level, 0) + 1
    return {"document_checks": {"suppliers": {"critical": len(critical), "all": len(latest)},
                                "by_area": by_area},
            "infosec_document_checks": by_area["ISEC"]["all"],
            "isec_levels": dict(sorted(levels.items()))}


def _title(topics: dict, item_id) -> dict:
    title = topics.get(item_id)
    if isinstance(title, dict):
        return {"en": title.get("en") or str(item_id), "ja": title.get("ja") or title.get("en")
                or str(item_id)}
    return {"en": str(title or item_id), "ja": str(title or item_id)}


def base_item(item_id: str) -> str:
    """The checklist item of an item id: 'SVR-LINE-01#2' (production line 2 of a repeated
    section) is 'SVR-LINE-01'."""
    return item_id.split("#", 1)[0]


def _topics(year_findings, audit_by_id, topics) -> list[dict]:
    suppliers_by_topic: dict = {}
    for f in year_findings:
        if f["severity"] != GUIDANCE:
            continue
        key = base_item(f.get("item_id") or f"{f['area']}:other")
        code = str(audit_by_id[f["audit_id"]]["supplier_code"]).upper()
        suppliers_by_topic.setdefault(key, set()).add(code)
    rows = [{"item_id": key, "title": _title(topics, key), "suppliers": len(codes)}
            for key, codes in suppliers_by_topic.items()]
    rows.sort(key=lambda r: (-r["suppliers"], r["item_id"]))
    return rows


def _caps(year_findings, audit_by_id, tz) -> dict:
    needing = [f for f in year_findings if f["severity"] in CAP_SEVERITIES]
    closed = [f for f in needing if f.get("status") == CLOSED]
    days = []
    for f in closed:
        when = f.get("closed_at") or f.get("verified_at")
        if when:
            visit = to_date(audit_by_id[f["audit_id"]]["date"], tz)
            days.append((to_date(when, tz) - visit).days)
    return {"needing_cap": len(needing), "closed": len(closed),
            "closure_rate": round(100 * len(closed) / len(needing), 1) if needing else None,
            "median_days_to_close": median(days) if days else None}


def _regions(year_spend) -> dict:
    spend: dict = {}
    for p in year_spend:
        spend[p["region"]] = spend.get(p["region"], 0) + int(p.get("annual_spend") or 0)
    total = sum(spend.values())
    return {region: {"spend": amount, "share": round(100 * amount / total, 1) if total else 0.0}
            for region, amount in sorted(spend.items(), key=lambda kv: (-kv[1], kv[0]))}


def topic_titles(templates) -> dict:
    """item id -> {en, ja} improvement-guidance topic (else the question text), from checklist
    Templates, for `figures(topics=…)`."""
    return {item.id: dict(item.topic or item.question) for t in templates
            for item in t.items.values()}
