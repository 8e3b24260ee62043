"""The yearly programme figures straight from the HQ database with SQL aggregates.

`figures_from_db` returns exactly the dict `sva.hq.programme.figures.figures()` computes from
plain data (a test checks both agree on the demo data), but lets the database count: at
20,000 suppliers and 100,000 findings, loading every row into Python costs more than the
counting. `inputs_from_db` loads the plain inputs for the pure function.
"""
from __future__ import annotations

from statistics import median

from sva.hq.programme.figures import CLOSED, GUIDANCE, _title
from sva.hq.programme.fiscal import HQ_TIMEZONE, fy_bounds, to_date
from sva.hq.programme_history import in_force
from sva.hq.programme_store import SCORE_COLUMNS, load_results, load_suppliers, topic_titles
from sva.hq.storage import Storage, Tx
from sva.vocabulary import (AREAS, AUDIT_KINDS, CAP_SEVERITIES, NOT_DONE_STATUSES, SEVERITIES,
                            SUPPLIER_FLAGS)

_CRITICAL = "(" + " OR ".join(f"h.{f} <> 0" for f in SUPPLIER_FLAGS) + ")"
# audits of the year that count: done, visit date inside the fiscal year
_DONE = (f"a.status NOT IN ({', '.join('?' for _ in NOT_DONE_STATUSES)}) "
         "AND a.visit_date >= ? AND a.visit_date <= ?")


def figures_for(storage: Storage, fy: int) -> dict:
    """The year's figures: a closed year's snapshot (sva.hq.programme_closing), else live."""
    from sva.hq.programme_closing import year_figures
    with storage.transaction(write=False) as tx:
        return year_figures(tx, fy)


def figures_from_db(tx: Tx, fy: int, tz: str = HQ_TIMEZONE) -> dict:
    start, end = fy_bounds(fy)
    fig: dict = {"fy": fy, "start": start.isoformat(), "end": end.isoformat()}
    for part in PARTS.values():
        fig.update(part(tx, fy, tz))
    return fig


def _year(fy: int) -> tuple:
    """The parameters of _DONE for fiscal year fy."""
    start, end = fy_bounds(fy)
    return (*NOT_DONE_STATUSES, start.isoformat(), end.isoformat())


def _visits(tx: Tx, fy: int, tz: str) -> dict:
    year = _year(fy)
    kinds = sorted({r["kind"] for r in tx.all("SELECT DISTINCT kind FROM audits "
                                                "WHERE kind IS NOT NULL")} | set(AUDIT_KINDS))
    counts = {r["kind"]: r for r in tx.all(
        "SELECT a.kind, COUNT(*) AS n, COUNT(DISTINCT UPPER(a.supplier_code)) AS suppliers "
        f"FROM audits a WHERE {_DONE} GROUP BY a.kind", year)}
    return {
        "onsite_assessments": {k: int(counts[k]["n"]) if k in counts else 0 for k in kinds},
        "suppliers_visited": int(tx.scalar(
            f"SELECT COUNT(DISTINCT UPPER(a.supplier_code)) FROM audits a WHERE {_DONE}", year)),
        "suppliers_visited_by_kind": {k: int(counts[k]["suppliers"]) if k in counts else 0
                                      for k in kinds}}


def _findings(tx: Tx, fy: int, tz: str) -> dict:
    by = {(r["area"], r["severity"]): int(r["n"]) for r in tx.all(
        "SELECT f.area, f.severity, COUNT(*) AS n FROM findings f JOIN audits a "
        f"ON a.id = f.audit_id WHERE {_DONE} AND f.fact_deleted = 0 "
        "GROUP BY f.area, f.severity", _year(fy))}
    return {"findings_by_severity": {sev: sum(n for (_, s), n in by.items() if s == sev)
                                     for sev in SEVERITIES},
            "findings_by_area": {area: {sev: by.get((area, sev), 0) for sev in SEVERITIES}
                                 for area in AREAS}}


def _topics(tx: Tx, fy: int, tz: str) -> dict:
    titles = topic_titles(tx)
    # An item of a repeated section ('SVR-LINE-01#2', one per production line) counts under
    # its checklist item (base_item), a supplier once per topic; the database counts.
    topic = "COALESCE(f.item_id, f.area || ':other')"
    base = (f"split_part({topic}, '#', 1)" if tx.kind == "postgresql" else
            f"CASE WHEN instr({topic}, '#') > 0 THEN substr({topic}, 1, instr({topic}, '#') - 1) "
            f"ELSE {topic} END")
    topics = [{"item_id": r["topic"], "title": _title(titles, r["topic"]),
               "suppliers": int(r["n"])} for r in tx.all(
        f"SELECT {base} AS topic, COUNT(DISTINCT UPPER(a.supplier_code)) AS n FROM findings f "
        f"JOIN audits a ON a.id = f.audit_id WHERE {_DONE} AND f.fact_deleted = 0 AND "
        f"f.severity = ? GROUP BY {base}", (*_year(fy), GUIDANCE))]
    topics.sort(key=lambda t: (-t["suppliers"], t["item_id"]))
    return {"improvement_topics": topics}


def _document_checks(tx: Tx, fy: int, tz: str) -> dict:
    """Document checks of the year; 'critical' by the flags in force on the year's last day
    (supplier_attributes), the number of critical suppliers among that year's registry."""
    end = fy_bounds(fy)[1].isoformat()
    # lower-case aliases: PostgreSQL folds unquoted names (crit_HR comes back as crit_hr)
    # (COUNT of a column counts its non-NULL values: cheaper than SUM(CASE …) per row)
    area_cols = ", ".join(
        f"COUNT(l.{c}) AS all_{a.lower()}, COUNT(CASE WHEN h.supplier_code IS NOT NULL "
        f"THEN l.{c} END) AS crit_{a.lower()}" for a, c in SCORE_COLUMNS.items())
    row = tx.one(
        "SELECT COUNT(*) AS n, COUNT(h.supplier_code) "
        f"AS crit, {area_cols} FROM saq_levels l LEFT JOIN supplier_attributes h "
        f"ON h.supplier_code = l.supplier_code AND {in_force('h')} AND {_CRITICAL} "
        "WHERE l.fy = ?", (end, end, fy))
    critical = tx.scalar(
        "SELECT COUNT(*) FROM supplier_spend p JOIN supplier_attributes h "
        f"ON h.supplier_code = p.supplier_code AND {in_force('h')} AND {_CRITICAL} "
        "WHERE p.fy = ?", (end, end, fy))
    by_area = {a: {"critical": int(row[f"crit_{a.lower()}"] or 0),
                   "all": int(row[f"all_{a.lower()}"] or 0)} for a in SCORE_COLUMNS}
    levels = {r["isec_level"]: int(r["n"]) for r in tx.all(
        "SELECT isec_level, COUNT(*) AS n FROM saq_levels WHERE fy = ? AND score_isec IS NOT "
        "NULL GROUP BY isec_level ORDER BY isec_level", (fy,))}
    return {"document_checks": {"suppliers": {"critical": int(row["crit"] or 0),
                                              "all": int(row["n"])},
                                "by_area": by_area},
            "infosec_document_checks": by_area["ISEC"]["all"],
            "critical_suppliers": int(critical or 0),
            "isec_levels": dict(sorted(levels.items()))}


def _caps(tx: Tx, fy: int, tz: str) -> dict:
    """Findings that need a CAP, how many are closed, and the median days from the visit to
    the verification (in `tz`): one pass over the year's findings, grouped by the dates."""
    marks = ", ".join("?" for _ in CAP_SEVERITIES)
    needing = closed = 0
    days: list[int] = []
    for r in tx.all(
            "SELECT a.visit_date, CASE WHEN f.status = ? THEN 1 ELSE 0 END AS closed, "
            "CASE WHEN f.status = ? AND f.verified_at <> '' THEN f.verified_at END AS verified, "
            "COUNT(*) AS n FROM findings f JOIN audits a ON a.id = f.audit_id "
            f"WHERE {_DONE} AND f.fact_deleted = 0 AND f.severity IN ({marks}) "
            "GROUP BY a.visit_date, 2, 3", (CLOSED, CLOSED, *_year(fy), *CAP_SEVERITIES)):
        n = int(r["n"])
        needing += n
        if r["closed"]:
            closed += n
            if r["verified"]:
                days += [(to_date(r["verified"], tz) - to_date(r["visit_date"], tz)).days] * n
    return {"cap": {"needing_cap": needing, "closed": closed,
                    "closure_rate": round(100 * closed / needing, 1) if needing else None,
                    "median_days_to_close": median(days) if days else None}}


def _regions(tx: Tx, fy: int, tz: str) -> dict:
    """The year's spend as imported for it (supplier_spend), by the region it had then."""
    spend: dict = {}
    for r in tx.all("SELECT region, SUM(annual_spend) AS spend FROM supplier_spend "
                    "WHERE fy = ? GROUP BY region", (fy,)):
        spend[r["region"]] = spend.get(r["region"], 0) + int(r["spend"] or 0)
    total = sum(spend.values())
    return {"procurement_by_region": {
        region: {"spend": amount, "share": round(100 * amount / total, 1) if total else 0.0}
        for region, amount in sorted(spend.items(), key=lambda kv: (-kv[1], kv[0]))}}


# The figures in parts, in the order of the figures dict; each (tx, fy, tz) -> its keys.
# tests/bench/bench_figures.py times each part against its hand-written SQL.
PARTS = {"document checks": _document_checks, "visits": _visits, "findings": _findings,
         "topics": _topics, "CAPs": _caps, "procurement by region": _regions}


def inputs_from_db(tx: Tx) -> dict:
    """Every row the pure `figures()` takes, as plain data (for checks and small data sets)."""
    audits = [{"id": r["id"], "supplier_code": r["supplier_code"], "kind": r["kind"],
               "date": r["visit_date"], "status": r["status"]}
              for r in tx.all("SELECT id, supplier_code, kind, visit_date, status FROM audits "
                              "WHERE visit_date IS NOT NULL AND visit_date <> ''")]
    findings = [{"audit_id": r["audit_id"], "item_id": r["item_id"], "area": r["area"],
                 "severity": r["severity"], "status": r["status"],
                 "verified_at": r["verified_at"], "deleted": r["fact_deleted"]}
                for r in tx.all("SELECT audit_id, item_id, area, severity, status, verified_at, "
                                "fact_deleted FROM findings WHERE severity IS NOT NULL")]
    return {"suppliers": load_suppliers(tx, include_deleted=True),
            "saq_results": load_results(tx), "audits": audits, "findings": findings,
            "topics": topic_titles(tx),
            "spend": tx.all("SELECT supplier_code, fy, annual_spend, region "
                            "FROM supplier_spend"),
            "attributes": tx.all("SELECT supplier_code, valid_from, valid_to, "
                                 + ", ".join(SUPPLIER_FLAGS) + " FROM supplier_attributes")}
