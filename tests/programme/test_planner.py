"""The visit planner: transparent, deterministic, driven by the weights in planning.yaml."""
from __future__ import annotations

import pytest

from sva.errors import BadInput
from sva.hq.programme.planner import plan
from sva.hq.programme.planning_rules import FACTORS, load_planning

from .conftest import result

SUPPLIERS = [
    # big, critical, but visited last year and clean
    {"code": "BIG", "name_en": "Big Spend", "categories": ["mechanical_parts"],
     "annual_spend": 10_000_000_000, "large_amount": True, "hard_to_replace": True},
    # small, handles sensitive data, never visited, open findings
    {"code": "DATA", "name_en": "Data House", "categories": ["Data Processing"],
     "annual_spend": 20_000_000},
    {"code": "MID", "name_en": "Middle", "categories": [], "annual_spend": 100_000_000},
]
VISITS = [{"supplier_code": "BIG", "kind": "infosec", "date": "2024-10-01"},
          {"supplier_code": "BIG", "kind": "svr", "date": "2019-05-01"}]
OPEN = [{"supplier_code": "DATA", "severity": "significant"},
        {"supplier_code": "DATA", "severity": "minor"}]


@pytest.fixture
def levels(saq, rules):
    return [result(saq, rules, code="BIG", fy=2024, submitted="2024-06-01"),
            result(saq, rules, code="DATA", fy=2024, submitted="2024-06-01", ISEC_01="no",
                   ISEC_05="no"),
            result(saq, rules, code="DATA", fy=2026, submitted="2026-06-01")]  # the future


def test_every_row_explains_its_score_exactly(levels):
    rows = plan(SUPPLIERS, levels, VISITS, OPEN, fy=2025, kind="infosec")
    assert [r.rank for r in rows] == [1, 2, 3]
    for row in rows:
        assert [f.name for f in row.factors] == list(FACTORS)
        assert row.score == round(sum(f.contribution for f in row.factors), 2)
        for f in row.factors:
            assert f.contribution == round(f.weight * f.value, 2) and 0 <= f.value <= 1
        assert len(row.explanation()) == len(FACTORS)


def test_factor_values_follow_the_rules(levels):
    rows = {r.code: r for r in plan(SUPPLIERS, levels, VISITS, OPEN, fy=2025, kind="infosec")}
    big = {f.name: f for f in rows["BIG"].factors}
    data = {f.name: f for f in rows["DATA"].factors}
    assert big["transaction_scale"].value == 1.0
    assert big["critical_flags"].value == pytest.approx(2 / 3, abs=1e-4)
    assert big["years_since_visit"].value == pytest.approx(0.5 / 3, abs=1e-3)  # 6 months
    assert big["isec_level"].value == 0.0 and big["open_findings"].value == 0.0
    assert (data["info_criticality"].value == 1.0
            and "Data Processing" in data["info_criticality"].detail)
    assert data["isec_level"].detail == "level C from FY2024 SAQ"     # FY2026 is not used
    assert data["years_since_visit"].value == 1.0
    assert data["open_findings"].value == 1.0
    assert data["open_findings"].detail == "1 significant, 1 minor open"
    mid = {f.name: f for f in rows["MID"].factors}
    assert mid["isec_level"].detail == "no SAQ result yet"
    # issue 18: the ISEC score is counted once, through the level made from it
    assert mid["saq_results"].value == 0.0
    assert mid["saq_results"].detail == "ISEC score counted once, in isec_level"


def test_the_isec_score_is_not_counted_twice(levels):
    rows = {r.code: r for r in plan(SUPPLIERS, levels, VISITS, OPEN, fy=2025)}    # any kind
    detail = {f.name: f.detail for f in rows["DATA"].factors}["saq_results"]
    assert "ISEC" not in detail and detail.startswith("mean HR/OHS/ENV/FT/PQS")
    no_level = plan(SUPPLIERS, levels, VISITS, OPEN, fy=2025, weights={"isec_level": 0})
    detail = {f.name: f.detail for f in {r.code: r for r in no_level}["DATA"].factors}
    assert "ISEC" in detail["saq_results"]             # without the level, the score counts


def test_weights_change_the_order(levels):
    default = plan(SUPPLIERS, levels, VISITS, OPEN, fy=2025, kind="infosec")
    assert default[0].code == "DATA"
    spend_first = {name: 0 for name in FACTORS} | {"transaction_scale": 50, "critical_flags": 50}
    reordered = plan(SUPPLIERS, levels, VISITS, OPEN, fy=2025, kind="infosec",
                     weights=spend_first)
    assert [r.code for r in reordered] == ["BIG", "MID", "DATA"]


def test_kind_selects_weights_and_visits(levels):
    infosec = {r.code: r for r in plan(SUPPLIERS, levels, VISITS, OPEN, 2025, kind="infosec")}
    svr = {r.code: r for r in plan(SUPPLIERS, levels, VISITS, OPEN, 2025, kind="svr")}
    weights = load_planning().weights
    assert {f.name: f.weight for f in svr["BIG"].factors} == weights["svr"]
    assert {f.name: f.weight for f in infosec["BIG"].factors} == weights["infosec"]
    years = {f.name: f for f in svr["BIG"].factors}["years_since_visit"]
    assert years.value == 1.0 and "2019-05-01" in years.detail      # the svr visit


def test_capacity_and_ties_are_deterministic():
    twins = [{"code": c, "name_en": c, "annual_spend": 1} for c in ("S3", "S1", "S2")]
    rows = plan(twins, [], [], [], fy=2025, capacity=2)
    assert [(r.rank, r.code) for r in rows] == [(1, "S1"), (2, "S2")]
    assert rows[0].score == rows[1].score


def test_a_visit_last_year_pushes_a_supplier_down_and_one_this_year_leaves_it_out():
    s = [{"code": "A", "annual_spend": 10**8}, {"code": "B", "annual_spend": 10**8}]
    rows = plan(s, [], [{"supplier_code": "A", "kind": "svr", "date": "2025-03-15"}], [], 2025)
    assert [r.code for r in rows] == ["B", "A"]
    # issue 18: a supplier visited (or assigned) in the year is not planned again
    rows = plan(s, [], [{"supplier_code": "A", "kind": "svr", "date": "2025-04-15"}], [], 2025)
    assert [r.code for r in rows] == ["B"]
    rows = plan(s, [], [], [], 2025, assigned=[{"supplier_code": "b", "kind": "svr",
                                                "date": "2026-03-31"}])
    assert [r.code for r in rows] == ["A"]


@pytest.mark.parametrize("kwargs", [{"weights": {"luck": 3}}, {"weights": {"open_findings": -1}},
                                    {"kind": "audit"}, {"capacity": -1}])
def test_bad_arguments_are_bad_input(kwargs):
    with pytest.raises(BadInput):
        plan([], [], [], [], 2025, **kwargs)


def test_the_focus_regions_can_be_weighted():
    s = [{"code": "US1", "annual_spend": 10**9, "region": "NA"},
         {"code": "JP1", "annual_spend": 10**9, "region": "JP"},
         {"code": "VN1", "annual_spend": 10**9, "region": "ASIA"}]
    assert [r.code for r in plan(s, [], [], [], 2025)] == ["JP1", "US1", "VN1"]    # by code
    rows = plan(s, [], [], [], 2025, weights={"region": 10})
    assert [r.code for r in rows] == ["JP1", "VN1", "US1"]
    region = {r.code: {f.name: f for f in r.factors}["region"] for r in rows}
    assert region["US1"].value == 0.3 and region["US1"].detail == "region NA"
