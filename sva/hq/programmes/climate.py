"""Climate, per supplier and fiscal year: CDP supply-chain programme (invited, responded,
score), procurement CO2 (tCO2e, calculation method, third-party validated) and the
green-procurement certification; fiscal-year figures.

File (CSV/XLSX, one row per supplier, the year given with --fy): supplier_code,
cdp_invited, cdp_responded, cdp_score, co2_t, co2_method, co2_validated, green_status.
A later file for the same year replaces the rows of the suppliers it names."""
from __future__ import annotations

import json
from pathlib import Path
from typing import Annotated

from pydantic import BeforeValidator, model_validator

from sva.hq.accounts import log_event
from sva.hq.programme.cells import Row, YesNo
from sva.hq.programme.tabular import apply_policy
from sva.hq.programmes.registry import SupplierCode, supplier_rows
from sva.hq.storage import Storage, Tx
from sva.places import region_of
from sva.validation.checks import Refusal

CDP_SCORES = ("A", "A-", "B", "B-", "C", "C-", "D", "D-", "F")
CO2_METHODS = ("supplier_specific", "hybrid", "average_data", "spend_based")
GREEN = ("certified", "in_progress", "not_certified", "not_applicable")
COLUMNS = ("supplier_code", "cdp_invited", "cdp_responded", "cdp_score", "co2_t", "co2_method",
           "co2_validated", "green_status")


def _one_of(choices, what):
    def parse(cell) -> str:
        text = str(cell or "").strip()
        if text and text.lower() not in {c.lower() for c in choices}:
            raise Refusal(f"{what} {text!r} is not one of {', '.join(choices)}")
        return next((c for c in choices if c.lower() == text.lower()), "")
    return BeforeValidator(parse)


def _tonnes(cell) -> float | None:
    text = str(cell or "").strip().replace(",", "")
    if not text:
        return None
    try:
        value = float(text)
    except ValueError:
        raise Refusal(f"{text!r} is not a number of tonnes CO2e") from None
    if value < 0 or value != value:
        raise Refusal(f"{text} is not a number of tonnes ≥ 0")
    return value


class ClimateRow(Row):
    supplier_code: SupplierCode = ""
    cdp_invited: YesNo = False
    cdp_responded: YesNo = False
    cdp_score: Annotated[str, _one_of(CDP_SCORES, "CDP score")] = ""
    co2_t: Annotated[float | None, BeforeValidator(_tonnes)] = None
    co2_method: Annotated[str, _one_of(CO2_METHODS, "method")] = ""
    co2_validated: YesNo = False
    green_status: Annotated[str, _one_of(GREEN, "green-procurement status")] = ""

    @model_validator(mode="after")
    def _consistent(self):
        if self.cdp_responded and not self.cdp_invited:
            raise Refusal("responded to CDP but not invited", field="cdp_responded")
        if self.cdp_score and not self.cdp_responded:
            raise Refusal("a CDP score without a response", field="cdp_score")
        if self.co2_t is not None and not self.co2_method:
            raise Refusal("CO2 given without its calculation method", field="co2_method")
        if self.co2_validated and self.co2_t is None:
            raise Refusal("validated, but no CO2 figure", field="co2_validated")
        return self


def import_climate(storage: Storage, path: str | Path, fy: int, *, actor: str = "admin") -> dict:
    with storage.transaction() as tx:
        good, problems = supplier_rows(tx, path, ("supplier_code",), COLUMNS, ClimateRow)
        rows, _ = apply_policy(good, problems, skip_bad=False)
        for _, r in rows:
            tx.execute("DELETE FROM climate_records WHERE supplier_code = ? AND fy = ?",
                       (r.supplier_code, fy))
            tx.execute("INSERT INTO climate_records (supplier_code, fy, cdp_invited, "
                       "cdp_responded, cdp_score, co2_t, co2_method, co2_validated, "
                       "green_status) VALUES (?,?,?,?,?,?,?,?,?)",
                       (r.supplier_code, fy, int(r.cdp_invited), int(r.cdp_responded),
                        r.cdp_score, r.co2_t, r.co2_method, int(r.co2_validated),
                        r.green_status))
        log_event(tx, actor, "import", "climate", str(path), fy=fy, rows=len(rows))
    return {"rows": len(rows)}


def figures(tx: Tx, fy: int) -> dict:
    row = tx.one(
        "SELECT SUM(cdp_invited) AS invited, SUM(cdp_responded) AS responded, "
        "SUM(co2_t) AS co2, SUM(CASE WHEN co2_validated <> 0 THEN co2_t ELSE 0 END) AS valid, "
        "SUM(CASE WHEN green_status = 'certified' THEN 1 ELSE 0 END) AS green, "
        "SUM(CASE WHEN green_status IN ('certified', 'in_progress', 'not_certified') "
        "THEN 1 ELSE 0 END) AS green_base FROM climate_records WHERE fy = ?", (fy,))
    invited, responded = int(row["invited"] or 0), int(row["responded"] or 0)
    scores = {r["cdp_score"]: int(r["n"]) for r in tx.all(
        "SELECT cdp_score, COUNT(*) AS n FROM climate_records WHERE fy = ? AND cdp_score <> '' "
        "GROUP BY cdp_score", (fy,))}
    by_region: dict = {}
    by_category: dict = {}
    # summed by the database per (region, country, categories); a supplier's CO2 counts
    # under its first category
    for r in tx.all("SELECT s.region, s.country, s.categories, SUM(c.co2_t) AS co2 FROM "
                    "climate_records c JOIN suppliers s ON s.code = c.supplier_code WHERE "
                    "c.fy = ? AND c.co2_t IS NOT NULL GROUP BY s.region, s.country, "
                    "s.categories", (fy,)):
        region = r["region"] or region_of(r["country"])
        category = (json.loads(r["categories"] or "[]") or ["—"])[0]
        by_region[region] = by_region.get(region, 0.0) + float(r["co2"])
        by_category[category] = by_category.get(category, 0.0) + float(r["co2"])
    co2 = float(row["co2"] or 0.0)
    green, base = int(row["green"] or 0), int(row["green_base"] or 0)
    return {"cdp_invited": invited, "cdp_responded": responded,
            "cdp_response_rate": round(100 * responded / invited, 1) if invited else None,
            "cdp_scores": {s: scores[s] for s in CDP_SCORES if s in scores},
            "co2_t": round(co2, 1),
            "co2_validated_share": round(100 * float(row["valid"] or 0) / co2, 1) if co2 else None,
            "co2_by_region": _sorted(by_region), "co2_by_category": _sorted(by_category),
            "green_certified": green, "green_assessed": base,
            "green_rate": round(100 * green / base, 1) if base else None}


def _sorted(amounts: dict) -> dict:
    return {k: round(v, 1) for k, v in sorted(amounts.items(), key=lambda kv: (-kv[1], kv[0]))}
