"""Load and check resources/programme/planning.yaml (factor settings and weights per kind)."""
from __future__ import annotations

from dataclasses import dataclass
from pathlib import Path

import yaml

from sva.vocabulary import AREAS
from sva.errors import BadInput
from sva.paths import resource

FACTORS = ("transaction_scale", "info_criticality", "isec_level", "saq_results",
           "critical_flags", "years_since_visit", "open_findings")
PLAN_KINDS = ("infosec", "svr", "any")


@dataclass(frozen=True)
class PlanningRules:
    version: int
    factors: dict                # factor -> its settings
    weights: dict                # kind -> {factor: weight}

    def weights_for(self, kind: str | None, override: dict | None = None) -> dict:
        """The kind's weights with `override` merged over them; unknown names are refused."""
        base = dict(self.weights[kind or "any"])
        for name, value in (override or {}).items():
            if name not in FACTORS:
                raise BadInput(f"unknown planning factor {name!r} (known: {', '.join(FACTORS)})",
                               field="weights")
            if not isinstance(value, (int, float)) or isinstance(value, bool) or value < 0:
                raise BadInput(f"weight of {name} must be a number ≥ 0, got {value!r}",
                               field="weights")
            base[name] = value
        return base


def _need(cond: bool, file: str, where: str, message: str):
    if not cond:
        raise BadInput(message, file=file, field=where)


def load_planning(path: str | Path | None = None) -> PlanningRules:
    path = Path(path or resource("programme", "planning.yaml"))
    file = str(path)
    try:
        doc = yaml.safe_load(path.read_text("utf-8"))
    except (OSError, UnicodeDecodeError, yaml.YAMLError) as exc:
        raise BadInput(f"cannot read planning rules: {exc}", file=file) from None
    _need(isinstance(doc, dict), file, "", "the file must hold a mapping")
    f = doc.get("factors")
    _need(isinstance(f, dict) and set(f) == set(FACTORS), file, "factors",
          f"'factors' must configure exactly {', '.join(FACTORS)}")
    ts = f["transaction_scale"] or {}
    _need(isinstance(ts.get("spend_floor"), int) and isinstance(ts.get("spend_full"), int)
          and 0 < ts["spend_floor"] < ts["spend_full"], file, "factors.transaction_scale",
          "spend_floor and spend_full must be whole yen with 0 < floor < full")
    ic = f["info_criticality"] or {}
    values = [ic.get("default"), *(ic.get("categories") or {}).values()]
    _need(all(_unit(v) for v in values), file, "factors.info_criticality",
          "default and every category value must be a number from 0 to 1")
    lv = f["isec_level"] or {}
    _need(set(lv) == {"A", "B", "C", "D", "none"} and all(_unit(v) for v in lv.values()),
          file, "factors.isec_level", "give a value 0..1 for each of A, B, C, D and none")
    sr = f["saq_results"] or {}
    areas = sr.get("areas") or {}
    _need(set(areas) == set(PLAN_KINDS) and all(a in AREAS for v in areas.values() for a in v)
          and _unit(sr.get("missing")), file, "factors.saq_results",
          f"areas must list risk areas for each of {', '.join(PLAN_KINDS)}; missing 0..1")
    yv = f["years_since_visit"] or {}
    _need(isinstance(yv.get("full_after_years"), (int, float)) and yv["full_after_years"] > 0,
          file, "factors.years_since_visit", "full_after_years must be a number > 0")
    of = f["open_findings"] or {}
    _need(isinstance(of.get("points"), dict) and _num(of.get("full_at"))
          and of["full_at"] > 0 and all(_num(v) for v in of["points"].values()),
          file, "factors.open_findings", "points per severity and full_at > 0 are needed")
    weights = doc.get("weights")
    _need(isinstance(weights, dict) and set(weights) == set(PLAN_KINDS), file, "weights",
          f"'weights' must have a set for each of {', '.join(PLAN_KINDS)}")
    for kind, ws in weights.items():
        _need(isinstance(ws, dict) and set(ws) == set(FACTORS)
              and all(_num(v) and v >= 0 for v in ws.values()), file, f"weights.{kind}",
              f"weights.{kind} must give a number ≥ 0 for each of {', '.join(FACTORS)}")
    ic["categories"] = {_norm(k): v for k, v in (ic.get("categories") or {}).items()}
    return PlanningRules(doc.get("version", 1), f, weights)


def _num(v) -> bool:
    return isinstance(v, (int, float)) and not isinstance(v, bool)


def _unit(v) -> bool:
    return _num(v) and 0 <= v <= 1


def _norm(category: str) -> str:
    return str(category).strip().lower().replace(" ", "_").replace("-", "_")
