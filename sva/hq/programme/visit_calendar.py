"""Visit days for a plan's assignments (issue 18, point 7): working days that are public
holidays neither in Japan (HQ) nor in the site's country — from the maintained `holidays`
library, not a hand-written list — and visits grouped by region, so that one auditor's
consecutive visits stay in one region instead of Tokyo → Vietnam → Canada → Nagano."""
from __future__ import annotations

from dataclasses import dataclass
from datetime import date, timedelta
from functools import lru_cache

from sva.vocabulary import REGIONS

HQ_COUNTRY = "JP"
REGION_ORDER = REGIONS      # the vocabulary's order: Japan first


@dataclass(frozen=True)
class Visit:
    code: str
    country: str          # the site's country (ISO alpha-2)
    region: str


@lru_cache(maxsize=64)
def _holidays(country: str, year: int) -> frozenset:
    import holidays
    try:
        return frozenset(holidays.country_holidays(country, years=year))
    except NotImplementedError:            # a country the library does not know: none
        return frozenset()


def is_holiday(day: date, country: str) -> bool:
    return day in _holidays(HQ_COUNTRY, day.year) or day in _holidays(country.upper(), day.year)


def next_visit_day(day: date, country: str) -> date:
    """The first day from `day` that is a weekday and no holiday in Japan or `country`."""
    while day.weekday() >= 5 or is_holiday(day, country):
        day += timedelta(days=1)
    return day


def grouped(visits: list[Visit]) -> list[Visit]:
    """Visits in region order (Japan first), then by country; rank order within a country."""
    def key(iv):
        i, v = iv
        region = REGION_ORDER.index(v.region) if v.region in REGION_ORDER else len(REGION_ORDER)
        return (region, v.country, i)
    return [v for _, v in sorted(enumerate(visits), key=key)]


def schedule(visits: list[Visit], auditors: int, first: date) -> list[tuple[Visit, int, date]]:
    """(visit, auditor index, day) for every visit: the visits grouped by region are split
    into one contiguous block per auditor, and each auditor makes one visit per working day
    of the site's country from `first`."""
    ordered = grouped(visits)
    size, extra = divmod(len(ordered), auditors) if auditors else (0, 0)
    out, start = [], 0
    for k in range(auditors):
        block = ordered[start:start + size + (1 if k < extra else 0)]
        start += len(block)
        day = first
        for v in block:
            day = next_visit_day(day, v.country)
            out.append((v, k, day))
            day += timedelta(days=1)
    return out
