"""The "Site profile" block of the improvement-guidance report (issue 21, SMETA / RBA
practice): headcount and worker mix, audit duration, interviews held and scope limits, as
the auditor recorded them (sva.domain.site_profile). A field not recorded says so — a
report never turns "not recorded" into 0."""
from __future__ import annotations

from reportlab.platypus import KeepTogether, Spacer

from sva.reports.blocks import facts_table, lang_texts
from sva.reports.i18n import Texts
from sva.reports.report_data import ReportData, in_lang
from sva.reports.site_profile_text import fields, recorded
from sva.reports.styles import heading, para, stacked


def _value_rows(t: Texts, data: ReportData, styles) -> list[tuple[list, list]]:
    def row(key: str, value_in) -> tuple[list, list]:
        values = []
        for lang in t.langs:
            text = value_in(lang)
            text = t.get("profile.unknown", lang) if text is None else text
            if text not in values:
                values.append(text)
        return stacked(t, key, styles), [para(" / ".join(values), styles["cell"])]

    rows = [row(key, value_in)
            for key, value_in in fields(t, data.audit, data.profile, data.zone)]
    limits = data.profile.get("scope_limits") or {}
    shown = lang_texts(t, lambda lang: in_lang(limits.get("en", ""), limits.get("ja", ""),
                                               lang), styles, styles["cell"])
    rows.append((stacked(t, "profile.scope_limits", styles),
                 shown or [para(t("profile.unknown"), styles["cell"])]))
    return rows


def site_profile_section(t: Texts, data: ReportData, styles, width: float) -> list:
    out = heading(t, "profile.heading", styles)
    if not recorded(data.audit, data.profile, data.zone):
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
