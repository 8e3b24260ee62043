"""The guidance report's list of nonconformities (and observations) that no finding covers.

A checklist answer that records a nonconformity reaches the supplier either as a finding or
here, with the auditor's reason why no finding was raised: the report never leaves one out.
"""
from __future__ import annotations

from reportlab.lib.units import mm
from reportlab.platypus import KeepTogether, Spacer

from sva.reports.blocks import facts_table, photo_grid
from sva.reports.i18n import Texts
from sva.reports.report_data import ReportData
from sva.reports.styles import SEVERITY_COLOURS, heading, para, stacked


def answer_label(t: Texts, row: dict) -> str:
    return t(f"answer.{row['result']}")


def unfound_section(t: Texts, data: ReportData, styles, width: float,
                    images: dict | None = None) -> list:
    """Heading, a short explanation, then one small table per item (none: nothing). The
    item's photos follow its table; they are taken out of `data.item_photos`, so the later
    "photos of checklist items" section does not print them again."""
    if not data.without_finding:
        return []
    head = heading(t, "unfound.heading", styles)
    head += [para(text, styles["body"]) for _, text in t.each("unfound.intro")]
    head.append(Spacer(1, 4))
    blocks = []
    for row in data.without_finding:
        item = row["item"]
        question = [para(item.question[lang], styles["cell"]) for lang in t.langs
                    if item.question.get(lang)]
        reason = (row.get("no_finding_reason") or "").strip()
        rows = [
            (stacked(t, "cap.item", styles),
             [para(f"{item.id} · {t(f'area.{item.area}')}", styles["cell_b"]), *question]),
            (stacked(t, "unfound.recorded_as", styles),
             [para(answer_label(t, row), styles["cell_b"])]),
        ]
        if (row.get("note") or "").strip():
            rows.append((stacked(t, "unfound.note", styles), [para(row["note"], styles["cell"])]))
        rows.append((stacked(t, "unfound.reason", styles),
                     [para(reason, styles["cell"])] if reason else
                     [para(text, styles["small"]) for _, text in t.each("unfound.no_reason")]))
        table = facts_table(rows, width, label_share=0.25)
        colour = SEVERITY_COLOURS["minor" if row["result"] != "observation" else "observation"]
        table.setStyle([("LINEBEFORE", (0, 0), (0, -1), 3, colour),
                        ("LEFTPADDING", (0, 0), (0, -1), 6)])
        block = [table, Spacer(1, 3 * mm)]
        photos = data.item_photos.pop(item.id, [])
        if photos and images is not None:
            block[1:1] = [Spacer(1, 2 * mm), photo_grid(t, photos, images, styles, width)]
        blocks.append(block)
    # The heading and its explanation never stand alone at a page foot.
    return [KeepTogether(head + blocks[0])] + [KeepTogether(b) for b in blocks[1:]]
