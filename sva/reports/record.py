"""The full audit record (internal): every item and answer, every finding with its CAP and
history, all evidence photos, the signatures and whether they still match, the audit log
with its amendments."""
from __future__ import annotations

import json

from reportlab.lib.units import mm
from reportlab.platypus import KeepTogether, PageBreak, Spacer, Table, TableStyle

from sva.reports.blocks import (answer_text, facts_table, finding_block, grid_style, photo_box,
                                photo_grid, prepare_photos, signature_table)
from sva.reports.i18n import Texts
from sva.reports.page import Metadata, PageDecor, build_pdf, frame_width, page_size
from sva.reports.report_data import ReportData, load_report_data
from sva.reports.scores_block import hidden_of, rule_answer_text, scores_section
from sva.reports.site_profile_block import site_profile_section
from sva.vocabulary import NONCONFORMITY_RESULTS
from sva.reports.styles import (Grid, BAND, SEVERITY_COLOURS, heading, label, make_styles, para,
                                stacked)

MAX_VALUE = 160          # characters of one old/new value shown in the log


def _cover(t: Texts, data: ReportData, styles, width: float) -> list:
    out = [para(t("record.internal"), styles["label"]), Spacer(1, 6)]
    out += [para(text, styles["title"] if i == 0 else styles["title2"])
            for i, (_, text) in enumerate(t.each("record.title"))]
    audit = data.audit
    answered = sum(1 for a in data.answers.values() if a["result"] is not None)

    def row(key, *values, style="cell"):
        return (stacked(t, key, styles), [para(v, styles[style]) for v in values])

    rows = [
        row("cover.supplier", " / ".join(dict.fromkeys(data.supplier_name(lang)
                                                       for lang in t.langs)),
            f"{data.supplier['code']} · {data.supplier['country']}", style="cell_b"),
        row("cover.site", " / ".join(dict.fromkeys(data.site_name(lang)[0]
                                                   for lang in t.langs)),
            data.site["address"] or ""),
        row("cover.visit_date", t.date(data.visit_date), t("cover.site_time", zone=data.zone)),
        row("cover.auditors", ", ".join(data.auditors) or "—"),
        row("cover.scope", " / ".join(dict.fromkeys(data.scope(lang)[0] for lang in t.langs
                                                    if data.scope(lang)[0])) or "—"),
        row("cover.checklist", f"{t.pick(data.template.title)} ({data.template.ref})",
            t("record.answered", answered=answered, items=len(data.template.items))),
        row("cover.status", t(f"audit_status.{audit['status']}")),
        row("record.started", t.moment(audit["started_at"], data.zone)),
        row("record.completed", t.moment(audit["completed_at"], data.zone)),
        row("record.signed", t.moment(audit["signed_at"], data.zone)),
        row("cover.reference", audit["id"], f"SHA-256 {data.content_hash}"),
    ]
    return out + [Spacer(1, 12), facts_table(rows, width)]


def _answers(t: Texts, data: ReportData, styles, width: float) -> list:
    out = heading(t, "record.answers", styles)
    # The answer column fits "Nonconformity" in bold on one line: a narrow column must not
    # break a word ("Nonconformit/y").
    widths = [22 * mm, width - 22 * mm - 34 * mm - 40 * mm, 34 * mm, 40 * mm]
    numbers: dict[str, list[str]] = {}      # item id → its photos' numbers in the evidence
    for n, photo in enumerate(data.photos, start=1):
        if photo["item_id"]:
            numbers.setdefault(photo["item_id"], []).append(str(n))
    hidden = hidden_of(data)
    for section in data.template.sections:
        rows = [[stacked(t, key, styles, "head", "head") for key in
                 ("record.col.item", "record.col.question", "record.col.answer",
                  "record.col.note")]]
        marks = []
        for n, item in enumerate(section.items, start=1):
            answer = data.answers.get(item.id)
            text = (rule_answer_text(t, item, answer, hidden[item.id]) if item.id in hidden
                    else answer_text(t, item, answer))
            note = [para((answer or {}).get("note") or "", styles["cell"])]
            why = ((answer or {}).get("no_finding_reason") or "").strip()
            if why:
                note.append(para(f"{t('unfound.reason')}: {why}", styles["small"]))
            if item.id in numbers:
                note.append(para(t("record.item_photos", numbers=", ".join(numbers[item.id])),
                                 styles["small"]))
            rows.append([para(item.id, styles["small"]),
                         [para(item.question[lang], styles["cell"]) for lang in t.langs],
                         para(text, styles["cell_b"]), note])
            result = (answer or {}).get("result")
            if result in NONCONFORMITY_RESULTS:
                colour = SEVERITY_COLOURS["minor" if result == "nonconformity" else "observation"]
                marks.append(("LINEBEFORE", (0, n), (0, n), 3, colour))
        table = Grid(rows, colWidths=widths, repeatRows=1, splitInRow=1)
        table.setStyle(TableStyle(grid_style() + [("VALIGN", (0, 0), (-1, -1), "TOP")] + marks))
        title = para(t.pick(section.title), styles["h2"])
        title.keepWithNext = True
        out += [title, table]
    return out


def _cap_details(t: Texts, data: ReportData, styles, width: float):
    by_entity: dict[str, list] = {}
    for entry in data.history:
        by_entity.setdefault(entry["entity_id"], []).append(entry)

    def extra(finding: dict) -> list:
        rows = [(stacked(t, "record.cap_status", styles),
                 [para(t(f"finding_status.{finding['status']}"), styles["cell_b"])])]
        for key in ("root_cause", "corrective_action", "preventive_action", "responsible"):
            if finding[key]:
                rows.append((stacked(t, f"xlsx.col.{key}", styles),
                             [para(finding[key], styles["cell"])]))
        if finding["planned_date"]:
            rows.append((stacked(t, "xlsx.col.planned_date", styles),
                         [para(t.date(finding["planned_date"]), styles["cell"])]))
        if finding["supplier_comment"]:
            rows.append((stacked(t, "xlsx.col.supplier_comment", styles),
                         [para(finding["supplier_comment"], styles["cell"])]))
        if finding["rejection_reason"]:
            rows.append((stacked(t, "record.rejection_reason", styles),
                         [para(finding["rejection_reason"], styles["cell"])]))
        if finding["verification_method"]:
            rows.append((stacked(t, "record.verification", styles),
                         [para(f"{t('verification.' + finding['verification_method'])}, "
                               f"{t.date(finding['verified_at'])}", styles["cell"])]))
        out = [Spacer(1, 4), facts_table(rows, width, label_share=0.3)]
        history = by_entity.get(finding["id"], [])
        if history:
            out += [label(t, "record.history", styles), _log_table(t, data, history, styles,
                                                                    width)]
        return out
    return extra


def _changes(entry: dict) -> str:
    try:
        changes = json.loads(entry["changes"] or "{}")
    except ValueError:
        return entry["changes"]

    def short(value) -> str:
        text = "—" if value in (None, "") else str(value)
        return text if len(text) <= MAX_VALUE else text[:MAX_VALUE - 1] + "…"
    return "\n".join(f"{key}: {short(old)} → {short(new)}"
                     for key, (old, new) in sorted(changes.items()))


def _log_table(t: Texts, data: ReportData, entries: list, styles, width: float) -> Table:
    rows = [[stacked(t, key, styles, "head", "head") for key in
             ("record.col.at", "record.col.who", "record.col.action", "record.col.changes")]]
    marks = []
    for n, entry in enumerate(entries, start=1):
        changes = [para(_changes(entry), styles["small"])]
        if entry["amendment"]:
            changes.insert(0, para(t("record.amendment", reason=entry["reason"]),
                                   styles["cell_b"]))
            marks.append(("BACKGROUND", (0, n), (-1, n), BAND))
            marks.append(("LINEBEFORE", (0, n), (0, n), 3, SEVERITY_COLOURS["minor"]))
        rows.append([para(f"#{entry['seq']}  {t.moment(entry['at'], data.zone)}", styles["small"]),
                     para(entry["actor"], styles["small"]),
                     para(f"{entry['action']} {entry['entity']}", styles["small"]),
                     changes])
    widths = [38 * mm, 22 * mm, 32 * mm, width - 92 * mm]
    table = Grid(rows, colWidths=widths, repeatRows=1)
    table.setStyle(TableStyle(grid_style() + [("VALIGN", (0, 0), (-1, -1), "TOP")] + marks))
    return table


def _evidence(t: Texts, data: ReportData, images: dict, styles, width: float) -> list:
    out = heading(t, "record.evidence", styles)
    if not data.photos:
        return out + [para(t("record.no_photos"), styles["body"])]
    shown_with = {p["id"]: f["no"] for f in data.findings for p in f["photos"]}

    def details(photo):
        links = [t("record.photo_of_item", id=photo["item_id"])] if photo["item_id"] else []
        if photo["id"] in shown_with:
            links.append(t("record.photo_of", no=shown_with[photo["id"]]))
        link = " · ".join(links) if links else t("record.photo_unlinked")
        taken = t("record.taken", at=t.moment(photo["captured_at"], data.zone)) \
            if photo["captured_at"] else ""          # in the site's time zone, like the log
        return [f"{link} · {photo['filename']} {taken}".strip(),
                f"SHA-256 {photo['sha256'][:16]}… · {photo['width']}×{photo['height']}"]
    return out + [photo_grid(t, data.photos, images, styles, width, details=details)]


def _signatures(t: Texts, data: ReportData, styles, width: float) -> list:
    out = heading(t, "signatures.heading", styles)
    if not data.signatures:
        return out + [para(t("record.not_signed"), styles["body"])]
    out.append(signature_table(t, data, styles, width))
    same = all(s["content_hash"] == data.content_hash for s in data.signatures)
    out.append(para(t("record.signature_ok" if same else "record.signature_changed"),
                    styles["cell_b"]))
    out.append(para(t("signatures.fingerprint", hash=data.signatures[0]["content_hash"]),
                    styles["small"]))
    return out


def build_record(ws, audit_id: str, *, lang: str = "en", size: str = "a4",
                 contact: dict | None = None) -> bytes:
    """The full audit record of one audit as PDF bytes."""
    t = Texts(lang)
    paper = page_size(size)
    data = load_report_data(ws, audit_id, with_history=True, contact=contact)
    styles = make_styles()
    width = frame_width(paper)
    images = prepare_photos(ws, data.photos, photo_box(width))
    story = _cover(t, data, styles, width)
    story += [Spacer(1, 10)] + site_profile_section(t, data, styles, width)
    story += [PageBreak()] + _answers(t, data, styles, width)
    story += scores_section(t, data, styles, width)
    story += [PageBreak()] + heading(t, "record.findings", styles)
    if not data.findings:
        story.append(para(t("findings.none"), styles["body"]))
    extra = _cap_details(t, data, styles, width)
    # One photo numbering: a finding's photos carry their numbers in "Evidence photos".
    numbers = {photo["id"]: n for n, photo in enumerate(data.photos, start=1)}
    for finding in data.findings:
        story += finding_block(t, data, finding, images, styles, width, extra=extra,
                               numbers=numbers)
    story += [Spacer(1, 10)] + _evidence(t, data, images, styles, width)
    story += [Spacer(1, 10), KeepTogether(_signatures(t, data, styles, width))]
    story += [PageBreak()] + heading(t, "record.log", styles)
    story.append(_log_table(t, data, data.history, styles, width))
    first = t.langs[0]
    decor = PageDecor(
        header_left=t("record.title"),
        header_right=f"{data.supplier_name(first)}  ·  "
                     f"{t.get('header.visit', first, date=t.date(data.visit_date))}",
        footer_left=[t.get("footer.internal", lang_, buyer=data.contact["buyer"][lang_])
                     for lang_ in t.langs],
        page_label=lambda n, total: "  |  ".join(
            t.get("page.label", lang_, n=n, total=total) for lang_ in t.langs),
        watermark="" if data.signed else t("watermark.draft", sep="  "),
        continued=lambda number: t("page.continued", no=number, sep="  "))
    meta = Metadata(
        title=f"{t.get('record.title', first)} - {data.supplier_name(first)} - {data.visit_date}",
        author=", ".join(data.auditors + [data.contact["buyer"]["en"]]),
        subject=" / ".join(t.get("meta.record_subject", lang_, ref=data.template.ref,
                                 supplier=data.supplier_name(lang_)) for lang_ in t.langs),
        keywords=[data.supplier["code"], audit_id,
                  *dict.fromkeys(t.get("meta.internal", lang_) for lang_ in t.langs)],
        lang="ja" if lang == "ja" else "en")
    return build_pdf(story, size=paper, decor=decor, meta=meta)

