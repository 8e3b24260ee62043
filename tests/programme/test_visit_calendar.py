"""Issue 18, point 7: visit days skip Japanese and site-country public holidays (the
`holidays` library) and one auditor's visits are grouped by region."""
from __future__ import annotations

from datetime import date

from sva.hq.programme.visit_calendar import Visit, next_visit_day, schedule


def test_japanese_and_site_country_holidays_are_skipped():
    assert next_visit_day(date(2026, 4, 29), "JP") == date(2026, 4, 30)      # Showa Day
    assert next_visit_day(date(2026, 5, 2), "JP") == date(2026, 5, 7)        # Golden Week
    assert next_visit_day(date(2026, 7, 3), "JP") == date(2026, 7, 3)
    assert next_visit_day(date(2026, 7, 3), "US") == date(2026, 7, 6)        # 4 July observed
    assert next_visit_day(date(2026, 9, 2), "VN") == date(2026, 9, 3)        # National Day
    # a Japanese holiday counts for every site: HQ's auditors travel from Japan
    assert next_visit_day(date(2026, 11, 3), "DE") == date(2026, 11, 4)      # Culture Day
    assert next_visit_day(date(2026, 11, 3), "ZZ") == date(2026, 11, 4)      # unknown country


def test_one_auditors_visits_are_grouped_by_region():
    visits = [Visit("TOKYO", "JP", "JP"), Visit("HANOI", "VN", "ASIA"),
              Visit("TORONTO", "CA", "NA"), Visit("NAGANO", "JP", "JP"),
              Visit("PENANG", "MY", "ASIA")]
    plan = schedule(visits, 1, date(2026, 6, 1))
    assert [v.code for v, _, _ in plan] == ["TOKYO", "NAGANO", "PENANG", "HANOI", "TORONTO"]
    assert [d.isoformat() for _, _, d in plan] == ["2026-06-01", "2026-06-02", "2026-06-03",
                                                   "2026-06-04", "2026-06-05"]
    two = schedule(visits, 2, date(2026, 6, 1))
    first = [v.region for v, k, _ in two if k == 0]
    second = [v.region for v, k, _ in two if k == 1]
    assert first == ["JP", "JP", "ASIA"] and second == ["ASIA", "NA"]
