"""Fiscal years run April–March in HQ's time zone (Asia/Tokyo)."""
from __future__ import annotations

from datetime import date, datetime, UTC

import pytest

from sva.errors import BadInput
from sva.hq.programme.fiscal import fy_bounds, fy_label, fy_of, in_fy, parse_fy


@pytest.mark.parametrize("value,fy", [
    ("2021-03-31", 2020), ("2021-04-01", 2021), (date(2020, 4, 1), 2020), ("2020-01-15", 2019),
    ("2021-03-31T23:59:59+09:00", 2020), ("2021-04-01T00:00:00+09:00", 2021),
    ("2021-03-31T14:59:59Z", 2020),        # 23:59:59 in Tokyo
    ("2021-03-31T15:00:00Z", 2021),        # 00:00 on 1 April in Tokyo
    (datetime(2021, 3, 31, 20, 0), 2020),  # naive: taken as HQ local time
    (datetime(2021, 3, 31, 16, 0, tzinfo=UTC), 2021),
])
def test_fy_of_boundaries(value, fy):
    assert fy_of(value) == fy


def test_time_zone_can_be_chosen():
    assert fy_of("2021-03-31T15:00:00Z", tz="UTC") == 2020


def test_bounds_and_membership():
    assert fy_bounds(2020) == (date(2020, 4, 1), date(2021, 3, 31))
    assert fy_bounds(2023)[1] == date(2024, 3, 31)
    assert in_fy("2021-03-31", 2020) and not in_fy("2021-04-01", 2020)
    assert fy_label(2020) == "FY2020 (2020-04-01 – 2021-03-31)"


@pytest.mark.parametrize("value,fy", [(2025, 2025), ("2025", 2025), ("FY2025", 2025),
                                      (" fy2025 ", 2025), (2025.0, 2025)])
def test_parse_fy(value, fy):
    assert parse_fy(value) == fy


@pytest.mark.parametrize("value", ["", "25", "FY", "2025-26", "1999", None])
def test_parse_fy_refuses_garbage(value):
    with pytest.raises(BadInput):
        parse_fy(value)


@pytest.mark.parametrize("value", ["", "31/03/2021", "2021-02-30", None, 5])
def test_bad_dates_are_bad_input(value):
    with pytest.raises(BadInput):
        fy_of(value)
