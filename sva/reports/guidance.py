"""The improvement-guidance report: the PDF the auditor hands the supplier after the visit.

Cover (who, where, when, scope, status) → summary (area × severity table, chart, one-line
message) → one block per finding → what to return as CAP, by when → signatures → how to
reach the buyer's compliance hotline. Languages: en, ja, or en+ja (every heading and label
in both).
"""
from __future__ import annotations

from datetime import datetime, UTC

from reportlab.lib.units import mm
from reportlab.platypus import (CondPageBreak, KeepTogether, PageBreak, Spacer, TableStyle)

from sva.vocabulary import SEVERITIES
from sva.reports.blocks import (blank_signatures, facts_table, finding_block, finding_room,
                                grid_style, item_photos_block, lang_texts, photo_box,
                                prepare_photos, signature_table, texts_in_langs)
from sva.reports.charts import severity_chart
from sva.reports.guidance_parts import (executive_summary, follow_up, how_to_respond,
                                        severity_legend)
from sva.reports.i18n import Texts
from sva.reports.page import Metadata, PageDecor, build_pdf, frame_width, page_size
from sva.reports.report_data import ReportData, load_report_data
from sva.reports.styles import (Grid, BAND, NAVY, PAPER, RULE, STATUS_COLOURS, heading, make_styles,
                                para, stacked)
from sva.reports.scores_block import scores_section
from sva.reports.site_profile_block import site_profile_section
from sva.reports.unfound import unfound_section


def overall_message(t: Texts, data: ReportData, lang: str) -> str:
    """E.g. "No significant issues; improvement guidance on 2 topics." in one language. A
    visit not yet done, or still under way, never reads as "no issues were found"."""
    state = data.audit["status"]
    if state == "planned":
        return t.get("summary.not_visited", lang)
    n = {s: sum(1 for f in data.findings if f["severity"] == s) for s in SEVERITIES}
    parts = []
    if n["significant"]:
        parts.append(t.get("summary.significant", lang, n=n["significant"]))
    elif n["minor"]:
        parts.append(t.get("summary.no_significant", lang))
    if n["minor"]:
        parts.append(t.get("summary.minor", lang, n=n["minor"]))
    if not parts and state == "in_progress":
        parts.append(t.get("summary.in_progress_none", lang))
    elif not parts:
        parts.append(t.get("summary.nothing", lang))
    noted = [t.get(key, lang, n=n[sev]) for key, sev in
             (("summary.observations", "observation"), ("summary.good", "good_practice"))
             if n[sev]]
    if noted:
        joined = " and ".join(noted) if lang == "en" else "、".join(noted)
        parts.append(t.get("summary.also", lang, list=joined))
    if lang == "ja":
        return "".join(p + "。" for p in parts)
    text = "; ".join(parts)
    return text[0].upper() + text[1:] + "."


def _supplier_value(t: Texts, data: ReportData, styles) -> list:
    return lang_texts(t, data.supplier_text, styles, styles["cell_b"]) + [
        para(f"{data.supplier['code']} · {data.supplier['country']}", styles["small"])]


def cover(t: Texts, data: ReportData, styles, width: float, issued: str) -> list:
    status = "signed" if data.signed else (
        "not_visited" if data.audit["status"] == "planned" else "draft")
    template = data.template
    buyer = t.pick(data.contact["buyer"], sep="  ")
    out = [para(buyer.upper() if t.lang == "en" else buyer, styles["label"]),
           Spacer(1, 10)]
    titles = t.each("guidance.title")
    out.append(para(titles[0][1], styles["title"]))
    if len(titles) > 1:
        out.append(para(titles[1][1], styles["title2"]))
    out.append(Spacer(1, 4))
    out.extend(texts_in_langs(t, template.title, styles["title2"]) if not t.bilingual else
               [para(t.pick(template.title), styles["h1b"])])
    out.append(Spacer(1, 8))
    badge = Grid([[para(t(f"status.{status}"), styles["head_c"])]], colWidths=[70 * mm])
    badge.setStyle(TableStyle([("BACKGROUND", (0, 0), (-1, -1), STATUS_COLOURS[status]),
                               ("TOPPADDING", (0, 0), (-1, -1), 4),
                               ("BOTTOMPADDING", (0, 0), (-1, -1), 5)]))
    badge.hAlign = "LEFT"
    out += [badge, Spacer(1, 14)]
    site = data.site
    site_lines = lang_texts(t, data.site_name, styles, styles["cell_b"])
    if site["address"]:
        site_lines.append(para(site["address"], styles["cell"]))
    visit = [para(t.date(data.visit_date), styles["cell_b"]),
             para(t("cover.site_time", zone=data.zone, sep=" / "), styles["small"])]
    version = t("cover.version", version=template.version, sep=" / ")
    rows = [
        (stacked(t, "cover.supplier", styles), _supplier_value(t, data, styles)),
        (stacked(t, "cover.site", styles), site_lines),
        (stacked(t, "cover.visit_date", styles), visit),
        (stacked(t, "cover.auditors", styles),
         [para(", ".join(data.auditors) or "—", styles["cell"]),
          para(t.pick(data.contact["buyer"]), styles["small"])]),
        (stacked(t, "cover.scope", styles),
         lang_texts(t, data.scope, styles, styles["cell"]) or [para("—", styles["cell"])]),
        (stacked(t, "cover.checklist", styles),
         [para(f"{t.pick(template.title)} ({version})", styles["cell"])]),
        (stacked(t, "cover.status", styles),
         [para(t(f"audit_status.{data.audit['status']}"), styles["cell"])]),
        (stacked(t, "cover.issued", styles), [para(t.date(issued), styles["cell"])]),
        (stacked(t, "cover.reference", styles), [para(data.audit["id"], styles["small"])]),
    ]
    out.append(facts_table(rows, width))
    out.append(Spacer(1, 12))
    out += [para(text, styles["body"]) for _, text in t.each("cover.intro")]
    return out


def summary(t: Texts, data: ReportData, styles, width: float, issued: str) -> list:
    counts = data.counts()
    out = executive_summary(t, data, styles, issued,
                            lambda lang: overall_message(t, data, lang))
    out += [Spacer(1, 6)] + heading(t, "summary.heading", styles)
    out.append(Spacer(1, 2))
    head = [stacked(t, "summary.area", styles, "head", "head")]
    head += [stacked(t, f"severity.{s}", styles, "head_c", "head_c") for s in SEVERITIES]
    head.append(stacked(t, "summary.total", styles, "head_c", "head_c"))
    rows = [head]
    for area, per in counts.items():
        rows.append([para(t(f"area.{area}"), styles["cell"])] +
                    [para(str(per[s]) if per[s] else "·", styles["cell_c"]) for s in SEVERITIES] +
                    [para(str(sum(per.values())), styles["cell_c"])])
    totals = [sum(per[s] for per in counts.values()) for s in SEVERITIES]
    rows.append([para(t("summary.total"), styles["cell_b"])] +
                [para(str(n), styles["cell_c"]) for n in totals] +
                [para(str(sum(totals)), styles["cell_c"])])
    number_width = (width * 0.72) / 5
    table = Grid(rows, colWidths=[width * 0.28] + [number_width] * 5, repeatRows=1)
    table.setStyle(TableStyle(grid_style() + [
        ("LINEABOVE", (0, -1), (-1, -1), 1.0, NAVY),
        ("BACKGROUND", (0, -1), (-1, -1), PAPER),
    ]))
    out += [table, Spacer(1, 10)]
    first = t.langs[0]
    out.append(severity_chart(counts, lambda a: t.get(f"area.{a}", first),
                              lambda s: t.get(f"severity.{s}", first), width))
    out.append(para(t("summary.chart"), styles["caption"]))
    return out


def item_photos_section(t: Texts, data: ReportData, styles, width: float,
                        images: dict) -> list:
    """Photos on checklist items without a finding that no earlier part of the report
    showed (data.item_photos), item by item in checklist order: nothing the auditor
    photographed as evidence is left out of the report."""
    order = {item_id: n for n, item_id in enumerate(data.template.items)}
    items = sorted(data.item_photos, key=lambda i: (order.get(i, len(order)), i))
    if not items:
        return []
    room = photo_box(width)[1] + 60 * mm      # the heading never alone at a page foot
    out = [Spacer(1, 12), CondPageBreak(room)] + heading(t, "item_photos.heading", styles)
    out += [para(text, styles["body"]) for _, text in t.each("item_photos.intro")]
    for item_id in items:
        out += item_photos_block(t, data, item_id, data.item_photos[item_id], images, styles,
                                 width)
    return out


def _cap_table(t: Texts, rows_of: list, styles, width: float, date_key: str, when) -> Grid:
    head = [stacked(t, key, styles, "head", "head") for key in
            ("finding.no", "summary.area", "cap.item", date_key, "finding.status")]
    rows = [head]
    for f in rows_of:
        rows.append([para(f["no"], styles["cell_b"]),
                     [para(t(f"area.{f['area']}"), styles["cell"]),
                      para(t(f"severity.{f['severity']}"), styles["small"])],
                     para(f["item_id"] or "", styles["cell"]),
                     para(t.date(when(f)), styles["cell_b"]),
                     para(t(f"finding_status.{f['status']}"), styles["cell"])])
    table = Grid(rows, colWidths=[width * w for w in (0.08, 0.3, 0.2, 0.2, 0.22)],
                 repeatRows=1)
    table.setStyle(TableStyle(grid_style()))
    return table


def cap_section(t: Texts, data: ReportData, styles, width: float, issued: str) -> list:
    """What the supplier returns and by when. Only findings still open are actions; findings
    already verified closed are listed as closed. "Return the CAP by" counts from the day of
    issue over the findings still waiting for a CAP (sva.due_dates.cap_return_by)."""
    out = heading(t, "cap.heading", styles)
    if not data.actionable:
        return out + [para(text, styles["body"]) for _, text in t.each("cap.none")]
    by = data.cap_return_by(issued)
    if data.open_actions:
        for lang in t.langs:
            if by:
                out.append(para(t.get("cap.intro", lang, date=t.date(by)), styles["body"]))
                out.append(para(t.get("cap.workbook", lang,
                                      buyer=data.contact["buyer"][lang]), styles["body"]))
            else:
                out.append(para(t.get("cap.received", lang), styles["body"]))
        out.append(Spacer(1, 4))
    table = [_cap_table(t, data.open_actions, styles, width, "finding.due_date",
                        lambda f: f["due_date"]), Spacer(1, 6)] if data.open_actions else []
    if by:                     # the date stays with the table of what it is for
        table.append(Grid([[stacked(t, "cap.return_by", styles),
                            para(t.date(by), styles["message"])]],
                          colWidths=[width * 0.35, width * 0.65],
                          style=[("BACKGROUND", (0, 0), (-1, -1), BAND),
                                 ("VALIGN", (0, 0), (-1, -1), "MIDDLE"),
                                 ("BOX", (0, 0), (-1, -1), 0.6, RULE)]))
    if table:
        out.append(KeepTogether(table))
    if data.closed_actions:
        closed = [Spacer(1, 8)] + [para(text, styles["h2"]) for _, text in
                                   t.each("cap.closed_heading")]
        closed += [para(text, styles["small"]) for _, text in t.each("cap.closed_intro")]
        closed.append(_cap_table(t, data.closed_actions, styles, width, "cap.closed_on",
                                 lambda f: (f["verified_at"] or "")[:10] or None))
        out.append(KeepTogether(closed[:4]))
        out += closed[4:]
    return out


def signatures(t: Texts, data: ReportData, styles, width: float) -> list:
    out = heading(t, "signatures.heading", styles)
    if data.signatures and data.signed:
        out += [para(text, styles["body"]) for _, text in t.each("signatures.statement")]
        out.append(signature_table(t, data, styles, width))
        fingerprint = data.signatures[0]["content_hash"]
        out.append(para(t("signatures.fingerprint", hash=fingerprint, sep="\n"),
                        styles["small"]))
    else:
        out += [para(text, styles["body"]) for _, text in t.each("signatures.unsigned")]
        out += [Spacer(1, 4), blank_signatures(t, styles, width)]
    return out


def closing(t: Texts, data: ReportData, styles, width: float) -> list:
    out = heading(t, "contact.heading", styles)
    out += [para(text, styles["body"]) for _, text in t.each("contact.intro")]
    box = [stacked(t, "contact.hotline", styles, "h2", "label2")]
    box += [texts_in_langs(t, data.contact["hotline"], styles["body"])]
    panel = Grid([[[f for group in box for f in group]]], colWidths=[width])
    panel.setStyle(TableStyle([("BACKGROUND", (0, 0), (-1, -1), BAND),
                               ("LINEBEFORE", (0, 0), (0, -1), 3, NAVY),
                               ("LEFTPADDING", (0, 0), (-1, -1), 10),
                               ("RIGHTPADDING", (0, 0), (-1, -1), 10),
                               ("TOPPADDING", (0, 0), (-1, -1), 6),
                               ("BOTTOMPADDING", (0, 0), (-1, -1), 8)]))
    return out + [Spacer(1, 4), panel]


def _decor(t: Texts, data: ReportData) -> PageDecor:
    first = t.langs[0]
    supplier = data.supplier_name(first)
    footer = [t.get("footer.confidential", lang, supplier=data.supplier_name(lang),
                    buyer=data.contact["buyer"][lang]) for lang in t.langs]
    if data.signed and data.signatures:
        footer.append(t.get("footer.signed", first,
                            hash=data.signatures[0]["content_hash"][:16]))
    return PageDecor(
        header_left=t("guidance.title"),
        header_right=f"{supplier}  ·  {t.get('header.visit', first, date=t.date(data.visit_date))}",
        footer_left=footer,
        page_label=lambda n, total: "  |  ".join(
            t.get("page.label", lang, n=n, total=total) for lang in t.langs),
        watermark="" if data.signed else t("watermark.draft", sep="  "),
        continued=lambda number: t("page.continued", no=number, sep="  "))


def build_guidance(ws, audit_id: str, *, lang: str = "en", size: str = "a4",
                   contact: dict | None = None, issued: str | None = None,
                   auditor_contact: dict | None = None) -> bytes:
    """The improvement-guidance report of one audit as PDF bytes. `auditor_contact`: name,
    email and phone of the auditor the supplier asks (the app's settings)."""
    t = Texts(lang)
    paper = page_size(size)
    data = load_report_data(ws, audit_id, contact=contact, auditor_contact=auditor_contact)
    styles = make_styles()
    width = frame_width(paper)
    issued = issued or datetime.now(UTC).date().isoformat()
    shown = [p for f in data.findings for p in f["photos"]]
    shown += [p for photos in data.item_photos.values() for p in photos]
    images = prepare_photos(ws, shown, photo_box(width))
    story = cover(t, data, styles, width, issued)
    story += [PageBreak()] + summary(t, data, styles, width, issued)
    story += [Spacer(1, 10)] + site_profile_section(t, data, styles, width)
    story += [Spacer(1, 10)] + severity_legend(t, styles, width)
    story += [Spacer(1, 10)] + follow_up(t, data, styles, width)
    story += scores_section(t, data, styles, width)
    room = finding_room(data.findings[0], width) + 20 * mm if data.findings else 0
    story += [Spacer(1, 14), CondPageBreak(room)] + heading(t, "findings.heading", styles)
    if not data.findings:
        none = {"planned": "findings.not_visited", "in_progress": "findings.none_yet"}
        story += [para(text, styles["body"])
                  for _, text in t.each(none.get(data.audit["status"], "findings.none"))]
    for finding in data.findings:
        story += finding_block(t, data, finding, images, styles, width)
    story += unfound_section(t, data, styles, width, images)  # never omit a nonconformity
    story += item_photos_section(t, data, styles, width, images)
    story += [Spacer(1, 12)] + cap_section(t, data, styles, width, issued)
    story += [Spacer(1, 12)] + how_to_respond(t, data, styles, width, issued)
    for part in (signatures, closing):
        story += [Spacer(1, 12), KeepTogether(part(t, data, styles, width))]
    first = t.langs[0]
    state = "signed" if data.signed else "draft"
    meta = Metadata(
        title=f"{t.get('guidance.title', first)} - {data.supplier_name(first)} - "
              f"{data.visit_date}",
        author=", ".join(data.auditors + [data.contact["buyer"][first]]),
        subject=" / ".join(t.get("meta.subject", lang_, checklist=data.template.title[lang_],
                                 supplier=data.supplier_name(lang_),
                                 site=data.site_name(lang_)[0],
                                 state=t.get(f"meta.{state}", lang_)) for lang_ in t.langs),
        keywords=[data.supplier["code"], data.audit["id"], *dict.fromkeys(
            word for lang_ in t.langs for word in
            (t.get("meta.keyword", lang_), t.get(f"meta.{state}", lang_),
             *(t.get(f"area.{a}", lang_) for a in dict.fromkeys(
                 f["area"] for f in data.findings))))],
        lang="ja" if lang == "ja" else "en")
    return build_pdf(story, size=paper, decor=_decor(t, data), meta=meta)
