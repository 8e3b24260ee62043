"""The "Site profile" block of the improvement-guidance report (issue 21, SMETA / RBA
practice): headcount and worker mix, audit duration, interviews held and scope limits, as
the auditor recorded them (sva.domain.site_profile). A field not recorded says so — a
report never turns "not recorded" into 0."""
from __future__ import annotations

from datetime import datetime
from zoneinfo import ZoneInfo

from reportlab.platypus import KeepTogether, Spacer

from sva.reports.blocks import facts_table, lang_texts
from sva.reports.i18n import Texts
from sva.reports.report_data import ReportData, in_lang
from sva.reports.styles import heading, para, stacked
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


def _number(value: float) -> str:
    return f"{value:g}"


def _duration(t: Texts, data: ReportData, lang: str) -> str | None:
    span = visit_span(data.audit, data.zone)
    if span is not None:
        hours = t.get("profile.hours", lang, n=_number(span[0]))
        return t.get("profile.hours_from", lang, hours=hours, start=span[1], end=span[2])
    entered = data.profile.get("duration_hours")
    return None if entered is None else t.get("profile.hours", lang, n=_number(entered))


def _people(t: Texts, data: ReportData, field: str, lang: str) -> str | None:
    value, total = data.profile.get(field), data.profile.get("workers_total")
    if value is None:
        return None
    if field == "workers_total" or not total:
        return t.get("profile.people", lang, n=f"{value:,}")
    return t.get("profile.people_share", lang, n=f"{value:,}",
                 share=_number(round(100 * value / total, 1)))


def _value_rows(t: Texts, data: ReportData, styles) -> list[tuple[list, list]]:
    def row(key: str, value_in) -> tuple[list, list]:
        values = []
        for lang in t.langs:
            text = value_in(lang)
            text = t.get("profile.unknown", lang) if text is None else text
            if text not in values:
                values.append(text)
        return stacked(t, key, styles), [para(" / ".join(values), styles["cell"])]

    rows = [row(f"profile.{f}", lambda lang, f=f: _people(t, data, f, lang))
            for f in SITE_PROFILE_COUNTS]
    rows.append(row("profile.duration", lambda lang: _duration(t, data, lang)))
    rows += [row(f"profile.{f}", lambda lang, f=f: None if data.profile.get(f) is None else
                 t.get("profile.interviews_n", lang, n=f"{data.profile[f]:,}"))
             for f in SITE_PROFILE_INTERVIEWS]
    limits = data.profile.get("scope_limits") or {}
    shown = lang_texts(t, lambda lang: in_lang(limits.get("en", ""), limits.get("ja", ""),
                                               lang), styles, styles["cell"])
    rows.append((stacked(t, "profile.scope_limits", styles),
                 shown or [para(t("profile.unknown"), styles["cell"])]))
    return rows


def site_profile_section(t: Texts, data: ReportData, styles, width: float) -> list:
    out = heading(t, "profile.heading", styles)
    if not data.profile and visit_span(data.audit, data.zone) is None:
        groups = ("workers", "duration", "interviews", "scope_limits")
        for lang in t.langs:
            listed = (", " if lang == "en" else "、").join(
                t.get(f"profile.group.{g}", lang) for g in groups)
            out.append(para(t.get("profile.none", lang) + (" " if lang == "en" else "") +
                            t.get("profile.not_recorded", lang, list=listed), styles["body"]))
        return [KeepTogether(out)]
    # Nine short rows: the heading and the whole table stay on one page.
    return [KeepTogether(out + [Spacer(1, 2),
                                facts_table(_value_rows(t, data, styles), width,
                                            label_share=0.4)])]
