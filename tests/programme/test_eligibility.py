"""Eligibility for projects that require an information-security level."""
from __future__ import annotations

import pytest

from sva.errors import BadInput
from sva.hq.programme.eligibility import eligible

from .conftest import result

SUPPLIERS = [
    {"code": "S1", "name_en": "Alpha IT", "categories": ["it_services"]},
    {"code": "S2", "name_en": "Beta Print", "categories": ["Printing", "logistics"]},
    {"code": "S3", "name_en": "Gamma Parts", "categories": ["mechanical_parts"]},
    {"code": "S4", "name_en": "Delta (no SAQ)", "categories": ["it_services"]},
    {"code": "S5", "name_en": "Gone", "categories": ["it_services"], "deleted": 1},
]


@pytest.fixture
def levels(saq, rules):
    return [
        result(saq, rules, code="S1", fy=2025, submitted="2025-06-10"),                  # A
        result(saq, rules, code="S2", fy=2024, submitted="2024-06-01", ISEC_01="no"),    # C
        result(saq, rules, code="S2", fy=2025, submitted="2025-07-01", ISEC_01="partly"),  # B
        result(saq, rules, code="S3", fy=2024, submitted="2024-06-01", ISEC_01="partly"),  # B
        result(saq, rules, code="S3", fy=2025, submitted="2025-05-20", ISEC_02="no"),    # C
        result(saq, rules, code="S5", fy=2025, submitted="2025-05-20"),                  # A
    ]


def test_level_b_admits_a_and_b_from_the_latest_year(levels):
    rows = eligible(SUPPLIERS, levels, required="B")
    assert [(r["code"], r["level"], r["fy"], r["date"]) for r in rows] == [
        ("S1", "A", 2025, "2025-06-10"), ("S2", "B", 2025, "2025-07-01")]
    assert rows[1]["basis"].startswith("SAQ saq@1 FY2025 submitted 2025-07-01")
    assert any("at most B" in line for line in rows[1]["explanation"])


@pytest.mark.parametrize("required,codes", [
    ("A", ["S1"]), ("B", ["S1", "S2"]), ("C", ["S1", "S2", "S3"]), ("D", ["S1", "S2", "S3"]),
])
def test_each_required_level_is_inclusive(levels, required, codes):
    assert [r["code"] for r in eligible(SUPPLIERS, levels, required=required)] == codes


def test_a_downgrade_in_the_latest_year_removes_eligibility(levels):
    assert "S3" not in [r["code"] for r in eligible(SUPPLIERS, levels, required="B")]


def test_category_filter_is_case_insensitive(levels):
    assert [r["code"] for r in eligible(SUPPLIERS, levels, "C", category="printing")] == ["S2"]
    assert eligible(SUPPLIERS, levels, "C", category="catering") == []


def test_unknown_level_is_bad_input(levels):
    with pytest.raises(BadInput):
        eligible(SUPPLIERS, levels, required="E")


def test_an_overdue_infosec_finding_lowers_the_level_until_closed(levels):
    from sva.hq.programme.eligibility import eligibility
    out = eligibility(SUPPLIERS, levels, "B", overdue_isec={"S1": 1, "S2": 2})
    rows = {r["code"]: r for r in out["eligible"]}
    assert set(rows) == {"S1"}                      # S2: B lowered to C, no longer eligible
    assert (rows["S1"]["level"], rows["S1"]["saq_level"]) == ("B", "A")
    assert "lowered from A to B: 1 information-security finding(s)" in rows["S1"]["lowered"]
    assert {r["code"] for r in eligible(SUPPLIERS, levels, "B")} == {"S1", "S2"}   # closed


def test_a_level_expires_after_its_validity(levels):
    from sva.hq.programme.eligibility import eligibility
    out = eligibility(SUPPLIERS, levels, "C", as_of_fy=2026, years=2)
    assert {r["code"] for r in out["eligible"]} == {"S1", "S2", "S3"}
    out = eligibility(SUPPLIERS, levels, "C", as_of_fy=2027, years=2)
    assert out["eligible"] == [] and {r["code"] for r in out["expired"]} == {"S1", "S2", "S3"}
    ext = {("S2", 2025): {"until_fy": 2027, "reason": "merger", "extended_by": "mgr"}}
    out = eligibility(SUPPLIERS, levels, "C", as_of_fy=2027, years=2, extensions=ext)
    assert [r["code"] for r in out["eligible"]] == ["S2"]
