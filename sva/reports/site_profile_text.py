"""The site profile as text in one language: each recorded field worded as the report prints
it (the report's block, sva.reports.site_profile_block) and as HQ's audit page shows it
(sva.hq.web), from the stored profile (sva.domain.site_profile) and the visit times. A field
not recorded is None here and "Not recorded" where it is shown — never 0."""
from __future__ import annotations

from datetime import datetime
from zoneinfo import ZoneInfo

from sva.reports.i18n import Texts
from sva.vocabulary import SITE_PROFILE_COUNTS, SITE_PROFILE_INTERVIEWS


def visit_span(audit: dict, zone: str) -> tuple[float, str, str] | None:
    """(hours, start, end) from the recorded visit times, as site clock times (`zone`),
    when the visit started and was completed on the same day; else None."""
    start, end = audit.get("started_at"), audit.get("completed_at")
    if not start or not end:
        return None
    zone = ZoneInfo(zone)
    times = [datetime.fromisoformat(v.replace("Z", "+00:00")).astimezone(zone)
             for v in (start, end)]
    if times[0].date() != times[1].date() or times[1] <= times[0]:
        return None
    hours = round((times[1] - times[0]).total_seconds() / 3600, 1)
    return hours, times[0].strftime("%H:%M"), times[1].strftime("%H:%M")


def recorded(audit: dict, profile: dict, zone: str) -> bool:
    """Whether there is anything to show: a recorded field or the visit's own times."""
    return bool(profile) or visit_span(audit, zone) is not None


def _number(value: float) -> str:
    return f"{value:g}"


def duration(t: Texts, audit: dict, profile: dict, zone: str, lang: str) -> str | None:
    span = visit_span(audit, zone)
    if span is not None:
        hours = t.get("profile.hours", lang, n=_number(span[0]))
        return t.get("profile.hours_from", lang, hours=hours, start=span[1], end=span[2])
    entered = profile.get("duration_hours")
    return None if entered is None else t.get("profile.hours", lang, n=_number(entered))


def people(t: Texts, profile: dict, field: str, lang: str) -> str | None:
    value, total = profile.get(field), profile.get("workers_total")
    if value is None:
        return None
    if field == "workers_total" or not total:
        return t.get("profile.people", lang, n=f"{value:,}")
    return t.get("profile.people_share", lang, n=f"{value:,}",
                 share=_number(round(100 * value / total, 1)))


def interviews(t: Texts, profile: dict, field: str, lang: str) -> str | None:
    value = profile.get(field)
    return None if value is None else t.get("profile.interviews_n", lang, n=f"{value:,}")


def fields(t: Texts, audit: dict, profile: dict, zone: str):
    """(catalogue key of the label, the value in a language: lang -> text or None) for the
    counts, the duration and the interviews, in the report's order (scope limits, a text in
    two languages, are the caller's)."""
    out = [(f"profile.{f}", lambda lang, f=f: people(t, profile, f, lang))
           for f in SITE_PROFILE_COUNTS]
    out.append(("profile.duration", lambda lang: duration(t, audit, profile, zone, lang)))
    out += [(f"profile.{f}", lambda lang, f=f: interviews(t, profile, f, lang))
            for f in SITE_PROFILE_INTERVIEWS]
    return out
