"""Parts of the improvement-guidance report that SMETA / RBA VAP readers expect besides the
findings: the executive summary, the severity legend (what each level requires and by
when), the follow-up of the previous audit's findings, and how to respond (the return
address, the auditors' contact details)."""
from __future__ import annotations

from reportlab.platypus import KeepTogether, Spacer, TableStyle

from sva import due_dates
from sva.reports.blocks import grid_style, marked
from sva.reports.i18n import Texts
from sva.reports.report_data import ReportData
from sva.reports.styles import BAND, NAVY, SEVERITY_COLOURS, Grid, heading, para, stacked
from sva.vocabulary import SEVERITIES


def executive_text(t: Texts, data: ReportData, lang: str, issued: str, result: str) -> str:
    """Scope, dates and result in one paragraph, in `lang`; the score where the checklist
    logic gave one (data.score)."""
    if data.audit["status"] == "planned":
        return result
    by = data.cap_return_by(issued)
    waiting = len(data.awaiting_cap)
    parts = [t.get("exec.text", lang, date=t.date(data.visit_date),
                   auditors=", ".join(data.auditors) or data.contact["buyer"][lang],
                   buyer=data.contact["buyer"][lang],
                   supplier=marked(t, data.supplier_text(lang), lang),
                   site=marked(t, data.site_name(lang), lang),
                   checklist=data.template.title[lang],
                   scope=marked(t, data.scope(lang), lang) or "—")] + ([result] if result else [])
    duration = visit_hours(data)
    if duration:
        parts.insert(1, t.get("exec.duration", lang, start=duration[0], end=duration[1]))
    if by:
        parts.append(t.get("exec.actions", lang, n=waiting, date=t.date(by)))
    elif data.actionable:
        parts.append(t.get("exec.followed", lang))
    if data.score:
        parts.append(t.get("exec.score", lang, score=score_text(data.score)))
    return " ".join(parts) if lang == "en" else "".join(parts)


def visit_hours(data: ReportData) -> tuple[str, str] | None:
    """When the visit started and was completed, as site clock times (HH:MM)."""
    from datetime import datetime
    from zoneinfo import ZoneInfo
    start, end = data.audit.get("started_at"), data.audit.get("completed_at")
    if not start or not end:
        return None
    zone = ZoneInfo(data.zone)
    times = [datetime.fromisoformat(v.replace("Z", "+00:00")).astimezone(zone)
             for v in (start, end)]
    if times[0].date() != times[1].date():
        return None                 # a visit over several days: the dates say enough
    return times[0].strftime("%H:%M"), times[1].strftime("%H:%M")


def score_text(score: dict) -> str:
    """{'value': 82, 'max': 100, 'band': 'B'} -> '82 / 100 (B)'."""
    text = f"{score['value']:g}" + (f" / {score['max']:g}" if score.get("max") else "")
    return text + (f" ({score['band']})" if score.get("band") else "")


def executive_summary(t: Texts, data: ReportData, styles, issued: str, message) -> list:
    """The overall message in bold, then the paragraph around it."""
    out = heading(t, "exec.heading", styles)
    out += [para(message(lang), styles["message"]) for lang in t.langs]
    out.append(Spacer(1, 3))
    out += [para(executive_text(t, data, lang, issued, ""), styles["body"])
            for lang in t.langs]
    return out


def severity_legend(t: Texts, styles, width: float) -> list:
    """Each severity: what it means, what it requires, by when (from the policy)."""
    policy = due_dates.load_policy()
    response = policy["cap_response_days"] or {}
    head = [stacked(t, f"legend.col.{key}", styles, "head", "head")
            for key in ("severity", "meaning", "requires", "by")]
    rows = [head]
    for sev in SEVERITIES:
        due, cap = policy["due_days"][sev], response.get(sev)
        when = (t("legend.by", cap=cap, due=due, sep="\n") if due and cap else
                t("legend.by_due", due=due, sep="\n") if due else "—")
        rows.append([para(t(f"severity.{sev}"), styles["cell_b"]),
                     para(t(f"legend.meaning.{sev}", sep="\n"), styles["cell"]),
                     para(t(f"legend.requires.{sev}", sep="\n"), styles["cell"]),
                     para(when, styles["cell"])])
    table = Grid(rows, colWidths=[width * w for w in (0.16, 0.32, 0.28, 0.24)], repeatRows=1)
    table.setStyle(TableStyle(grid_style() + [
        ("VALIGN", (0, 0), (-1, -1), "TOP"),
        *[("LINEBEFORE", (0, n), (0, n), 4, SEVERITY_COLOURS[s])
          for n, s in enumerate(SEVERITIES, start=1)]]))
    return [KeepTogether(heading(t, "legend.heading", styles) + [table])]


def follow_up(t: Texts, data: ReportData, styles, width: float) -> list:
    """The previous audit's findings at this supplier: closed or still open."""
    previous = data.previous
    if previous is None:
        return []
    out = heading(t, "followup.heading", styles)
    if not data.previous_findings:
        return [KeepTogether(out + [para(t.get("followup.none", lang,
                                               date=t.date(previous["visit_date"])),
                                         styles["body"]) for lang in t.langs])]
    out += [para(t.get("followup.intro", lang, date=t.date(previous["visit_date"])),
                 styles["body"]) for lang in t.langs]
    head = [stacked(t, key, styles, "head", "head") for key in
            ("summary.area", "finding.observed", "finding.due_date", "followup.state")]
    rows = [head]
    for f in data.previous_findings:
        closed = f["status"] == "verified_closed"
        rows.append([[para(t(f"area.{f['area']}"), styles["cell"]),
                      para(t(f"severity.{f['severity']}"), styles["small"])],
                     para(f["observed"], styles["cell"]),
                     para(t.date(f["due_date"]), styles["cell"]),
                     [para(t("followup.closed" if closed else "followup.open"),
                           styles["cell_b"]),
                      para(t(f"finding_status.{f['status']}"), styles["small"])]])
    table = Grid(rows, colWidths=[width * w for w in (0.2, 0.46, 0.14, 0.2)], repeatRows=1)
    table.setStyle(TableStyle(grid_style() + [("VALIGN", (0, 0), (-1, -1), "TOP")]))
    return [KeepTogether(out + [table])]


def how_to_respond(t: Texts, data: ReportData, styles, width: float, issued: str) -> list:
    """Where the CAP workbook goes and by when, and whom to ask: the auditors' e-mail and
    telephone (from the app's settings)."""
    out = heading(t, "respond.heading", styles)
    by = data.cap_return_by(issued)
    email = data.contact.get("cap_return_email") or ""
    address = data.contact.get("cap_return_address") or {}
    for lang in t.langs:
        if by:
            out.append(para(t.get("respond.cap", lang, date=t.date(by), email=email or "—"),
                            styles["body"]))
            if address.get(lang):
                out.append(para(t.get("respond.post", lang, address=address[lang]),
                                styles["body"]))
        else:
            out.append(para(t.get("respond.no_cap", lang), styles["body"]))
    people = [dict(name=name) for name in data.auditors]
    contact = data.auditor_contact or {}
    if contact.get("name") and contact["name"] not in data.auditors:
        people.insert(0, {"name": contact["name"]})
    for person in people:
        if person["name"] == contact.get("name") or len(people) == 1:
            person.update({k: contact.get(k) for k in ("email", "phone")})
    rows = []
    for person in people:
        lines = [para(person["name"], styles["cell_b"])]
        for key in ("email", "phone"):
            if person.get(key):
                lines.append(para(f"{t(f'respond.{key}')}: {person[key]}", styles["cell"]))
        lines.append(para(t.pick(data.contact.get("department") or data.contact["buyer"]),
                          styles["small"]))
        rows.append([stacked(t, "respond.auditor", styles), lines])
    if rows:
        table = Grid(rows, colWidths=[width * 0.27, width * 0.73])
        table.setStyle(TableStyle([("VALIGN", (0, 0), (-1, -1), "TOP"),
                                   ("BACKGROUND", (0, 0), (-1, -1), BAND),
                                   ("LINEBEFORE", (0, 0), (0, -1), 3, NAVY),
                                   ("TOPPADDING", (0, 0), (-1, -1), 4),
                                   ("BOTTOMPADDING", (0, 0), (-1, -1), 4)]))
        out += [Spacer(1, 4), table]
    return [KeepTogether(out)]
