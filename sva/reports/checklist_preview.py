"""`sva checklist preview FILE`: a checklist as a PDF for review at HQ before it is published —
each section with its rule, each item with its question, answer type, choices, limits, weight,
points, the rule that decides when it applies and the answers that need evidence."""
from __future__ import annotations

from reportlab.lib.units import mm
from reportlab.platypus import KeepTogether, Spacer, TableStyle

from sva.checklists.model import Item, Template, grouped
from sva.domain.scores import DEFAULT_POINTS
from sva.reports.blocks import grid_style
from sva.reports.i18n import Texts
from sva.reports.page import Metadata, PageDecor, build_pdf, frame_width, page_size
from sva.reports.styles import BAND, Grid, make_styles, para, stacked


def _answer(t: Texts, item: Item) -> str:
    text = t(f"preview.answer.{item.answer}")
    if item.choices:
        text += ": " + ", ".join(f"{value} ({t.pick(labels)})" for value, labels in item.choices)
    if item.answer == "number":
        low = "…" if item.min_value is None else grouped(item.min_value)
        high = "…" if item.max_value is None else grouped(item.max_value)
        text += f" [{low} – {high}]" + ("" if item.decimals else " " + t("preview.whole"))
    if item.pattern:
        text += f" /{item.pattern}/"
    return text


def _points(item: Item) -> str:
    table = item.score if item.score is not None else DEFAULT_POINTS.get(item.answer)
    return ", ".join(f"{k} {v:g}" for k, v in table.items()) if table else "—"


def _item_rows(t: Texts, item: Item, styles) -> list:
    def row(key, text, style="cell"):
        return [stacked(t, key, styles), para(text, styles[style])]
    rows = [[para(item.id, styles["cell_b"]),
             [para(item.question[lang], styles["cell_b"]) for lang in t.langs]],
            row("preview.answer", _answer(t, item)),
            row("preview.weight", f"{item.weight} · {_points(item)}"
                + ("" if item.required else " · " + t("preview.optional")))]
    if item.relevant_if:
        rows.append(row("preview.rule", item.relevant_if, "cell_b"))
    if item.evidence_required_on:
        rows.append(row("preview.evidence_on",
                        ", ".join(t(f"answer.{r}") for r in item.evidence_required_on)))
    return rows


def build_preview(template: Template, *, lang: str = "en", size: str = "a4") -> bytes:
    t = Texts(lang)
    paper = page_size(size)
    width = frame_width(paper)
    styles = make_styles()
    story = [para(t("preview.title"), styles["label"]),
             para(f"{t.pick(template.title)} ({template.ref})", styles["title"]),
             Spacer(1, 8)]
    for section in template.sections:
        story.append(para(f"{section.id} · {t.pick(section.title)}", styles["h1"]))
        if section.relevant_if:
            story.append(para(f"{t('preview.section_rule')}: {section.relevant_if}",
                              styles["cell_b"]))
        story.append(Spacer(1, 4))
        for item in section.items:
            table = Grid(_item_rows(t, item, styles), colWidths=[32 * mm, width - 32 * mm])
            table.setStyle(TableStyle(grid_style() + [("BACKGROUND", (0, 0), (-1, 0), BAND),
                                                      ("VALIGN", (0, 0), (-1, -1), "TOP")]))
            story += [KeepTogether([table]), Spacer(1, 3 * mm)]
    decor = PageDecor(header_left=t("preview.title"), header_right=template.ref,
                      page_label=lambda n, total: t.get("page.label", t.langs[0], n=n,
                                                        total=total))
    meta = Metadata(title=f"{template.title['en']} ({template.ref})", author="SVA",
                    subject=f"Checklist preview {template.ref}", keywords=[template.id],
                    lang="ja" if lang == "ja" else "en")
    return build_pdf(story, size=paper, decor=decor, meta=meta)
