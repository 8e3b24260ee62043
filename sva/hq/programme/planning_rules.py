"""Load and check resources/programme/planning.yaml (factor settings and weights per kind)."""
from __future__ import annotations

from dataclasses import dataclass
from pathlib import Path
from typing import Annotated, Literal

from pydantic import ConfigDict, Field, create_model, field_validator, model_validator

from sva.errors import BadInput
from sva.paths import resource
from sva.validation.checks import Checked, Says
from sva.validation.yaml_file import load_checked
from sva.vocabulary import AREAS, AUDIT_KINDS, ISEC_LEVELS, SEVERITIES

FACTORS = ("transaction_scale", "info_criticality", "isec_level", "saq_results",
           "critical_flags", "years_since_visit", "open_findings", "region")
PLAN_KINDS = (*AUDIT_KINDS, "any")      # "any": a plan over both kinds of visit


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


Number = int | float                 # strict: true/false and "5" are not numbers
Unit = Annotated[Number, Field(ge=0, le=1)]
Weight = Annotated[Number, Field(ge=0)]


class _Factor(Checked):
    subject = "{path}"
    model_config = ConfigDict(extra="forbid")


class TransactionScale(_Factor):
    says = "spend_floor and spend_full must be whole yen with 0 < floor < full"
    spend_floor: int
    spend_full: int

    @model_validator(mode="after")
    def _floor_below_full(self):
        if not 0 < self.spend_floor < self.spend_full:
            raise ValueError("floor >= full")
        return self


class InfoCriticality(_Factor):
    says = "default and every category value must be a number from 0 to 1"
    default: Unit
    categories: dict[str, Unit] = {}


IsecLevelValues = create_model(
    "IsecLevelValues", __base__=_Factor,
    **{level: (Unit, ...) for level in (*ISEC_LEVELS, "none")})
IsecLevelValues.says = f"give a value 0..1 for each of {', '.join(ISEC_LEVELS)} and none"


class SaqResults(_Factor):
    says = (f"areas must list risk areas for each of {', '.join(PLAN_KINDS)}; "
            "missing 0..1")
    areas: dict[Literal[PLAN_KINDS], list[Literal[AREAS]]]
    missing: Unit

    @field_validator("areas")
    @classmethod
    def _every_kind(cls, value: dict):
        if set(value) != set(PLAN_KINDS):
            raise ValueError("a kind without areas")
        return value


class CriticalFlags(_Factor):
    """Nothing to set: the share of the supplier flags that are set."""


class YearsSinceVisit(_Factor):
    says = "full_after_years must be a number > 0"
    full_after_years: Annotated[Number, Field(gt=0)]


class OpenFindings(_Factor):
    says = "points per severity and full_at > 0 are needed"
    points: dict[Literal[SEVERITIES], Number]
    full_at: Annotated[Number, Field(gt=0)]


class RegionFocus(_Factor):
    says = "default and every region value must be a number from 0 to 1"
    default: Unit
    regions: dict[str, Unit] = {}


FACTORS_SAY = Says(f"'factors' must configure exactly {', '.join(FACTORS)}")


class Factors(_Factor):
    subject = None
    transaction_scale: Annotated[TransactionScale, FACTORS_SAY]
    info_criticality: Annotated[InfoCriticality, FACTORS_SAY]
    isec_level: Annotated[IsecLevelValues, FACTORS_SAY]
    saq_results: Annotated[SaqResults, FACTORS_SAY]
    critical_flags: Annotated[CriticalFlags, FACTORS_SAY]
    years_since_visit: Annotated[YearsSinceVisit, FACTORS_SAY]
    open_findings: Annotated[OpenFindings, FACTORS_SAY]
    region: Annotated[RegionFocus, FACTORS_SAY]


Weights = create_model("Weights", __base__=_Factor,
                       **{factor: (Weight, ...) for factor in FACTORS})
Weights.says = f"must give a number ≥ 0 for each of {', '.join(FACTORS)}"


class PlanningFile(Checked):
    version: Annotated[int, Field(ge=1), Says("bad version {value!r}")] = 1
    factors: Annotated[Factors, FACTORS_SAY]
    weights: Annotated[dict[Literal[PLAN_KINDS], Weights],
                       Says(f"'weights' must have a set for each of {', '.join(PLAN_KINDS)}")]

    @field_validator("weights")
    @classmethod
    def _every_kind(cls, value: dict):
        if set(value) != set(PLAN_KINDS):
            raise ValueError("a kind without weights")
        return value

    def to_rules(self) -> PlanningRules:
        factors = self.factors.model_dump()
        info = factors["info_criticality"]
        info["categories"] = {_norm(k): v for k, v in info["categories"].items()}
        return PlanningRules(self.version, factors,
                             {kind: w.model_dump() for kind, w in self.weights.items()})


def load_planning(path: str | Path | None = None) -> PlanningRules:
    path = Path(path or resource("programme", "planning.yaml"))
    return load_checked(PlanningFile, path, "planning rules are not valid").to_rules()


def _norm(category: str) -> str:
    return str(category).strip().lower().replace(" ", "_").replace("-", "_")
