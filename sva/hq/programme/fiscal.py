"""Fiscal years run April–March and are named by the calendar year they start in:
FY2020 = 2020-04-01 … 2021-03-31. Times are judged in HQ's time zone, so a visit at
2021-03-31 23:30 Tokyo time is FY2020 even though it is already 1 April in no zone west of it,
and a UTC timestamp of 2021-03-31T15:30Z (00:30 on 1 April in Tokyo) is FY2021."""
from __future__ import annotations

from datetime import date, datetime, timedelta
from zoneinfo import ZoneInfo

from sva.errors import BadInput

HQ_TIMEZONE = "Asia/Tokyo"
FIRST_MONTH = 4


def to_date(value, tz: str = HQ_TIMEZONE, *, field: str = "date") -> date:
    """A date from a date, a datetime (aware ones converted to `tz`) or an ISO string."""
    if isinstance(value, datetime):
        if value.tzinfo is not None:
            value = value.astimezone(ZoneInfo(tz))
        return value.date()
    if isinstance(value, date):
        return value
    if isinstance(value, str) and value.strip():
        text = value.strip()
        try:
            if len(text) == 10:
                return date.fromisoformat(text)
            return to_date(datetime.fromisoformat(text.replace("Z", "+00:00")), tz)
        except ValueError:
            pass
    raise BadInput(f"{value!r} is not a date (YYYY-MM-DD or ISO-8601 timestamp)", field=field)


def fy_of(value, tz: str = HQ_TIMEZONE) -> int:
    """The fiscal year a date/timestamp falls in."""
    d = to_date(value, tz)
    return d.year if d.month >= FIRST_MONTH else d.year - 1


def fy_bounds(fy: int) -> tuple[date, date]:
    """First and last day (both inclusive) of a fiscal year."""
    return date(fy, FIRST_MONTH, 1), date(fy + 1, FIRST_MONTH, 1) - timedelta(days=1)


def in_fy(value, fy: int, tz: str = HQ_TIMEZONE) -> bool:
    return fy_of(value, tz) == fy


def fy_label(fy: int) -> str:
    first, last = fy_bounds(fy)
    return f"FY{fy} ({first.isoformat()} – {last.isoformat()})"


def parse_fy(value) -> int:
    """Accept 2025, '2025', 'FY2025' or '2025年度' (as typed in a CSV or on the command line)."""
    text = str(value).strip().upper().removeprefix("FY").removesuffix("年度").strip()
    if isinstance(value, float) and value.is_integer():
        text = str(int(value))
    if not text.isdigit() or not 2000 <= int(text) <= 2100:
        raise BadInput(f"{value!r} is not a fiscal year (e.g. 2025 or FY2025)",
                       field="fiscal_year")
    return int(text)
