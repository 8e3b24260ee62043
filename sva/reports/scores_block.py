"""Checklist scores and rule outcomes in the reports (issue 20), kept apart from the builders,
which call it with one line each.

* `scores_section`: the section and overall scores (sva.domain.scores states the formula,
  which the report prints under the table), then the items a checklist rule made not
  applicable, each with its rule.
* `rule_answer_text`: the record's answer cell for an item a rule made not applicable; an
  answer given before the rule hid it is kept and named.
"""
from __future__ import annotations

from reportlab.lib.units import mm
from reportlab.platypus import KeepTogether, Spacer, TableStyle

from sva.domain.relevance import hidden_items
from sva.domain.scores import scores
from sva.reports.blocks import answer_text, grid_style
from sva.reports.i18n import Texts
from sva.reports.report_data import ReportData
from sva.reports.styles import NAVY, PAPER, Grid, heading, para, stacked


def hidden_of(data: ReportData) -> dict[str, str]:
    """Items a rule makes not applicable (item id -> rule)."""
    return hidden_items(data.template, data.answers)


def _percent(t: Texts, score) -> str:
    return "—" if score.percent is None else t("scores.percent", value=f"{score.percent:.0f}")


def scores_section(t: Texts, data: ReportData, styles, width: float) -> list:
    hidden = hidden_of(data)
    sections, overall = scores(data.template, data.answers, hidden)
    if not overall.scored and not hidden:
        return []
    out = [Spacer(1, 12)] + heading(t, "scores.heading", styles)
    head = [stacked(t, key, styles, "head", "head")
            for key in ("scores.section", "scores.scored", "scores.points", "scores.score")]
    rows = [head]
    for section, score in zip(data.template.sections, sections):
        rows.append([para(t.pick(section.title), styles["cell"]),
                     para(str(score.scored), styles["cell_c"]),
                     para(f"{score.earned:g} / {score.possible:g}", styles["cell_c"]),
                     para(_percent(t, score), styles["cell_c"])])
    rows.append([para(t("scores.overall"), styles["cell_b"]),
                 para(str(overall.scored), styles["cell_c"]),
                 para(f"{overall.earned:g} / {overall.possible:g}", styles["cell_c"]),
                 para(_percent(t, overall), styles["cell_b"])])
    table = Grid(rows, colWidths=[width * 0.52, width * 0.14, width * 0.18, width * 0.16],
                 repeatRows=1)
    table.setStyle(TableStyle(grid_style() + [("LINEABOVE", (0, -1), (-1, -1), 1.0, NAVY),
                                              ("BACKGROUND", (0, -1), (-1, -1), PAPER)]))
    out += [table, Spacer(1, 4)]
    out += [para(text, styles["small"]) for _, text in t.each("scores.formula")]
    if hidden:
        out += [Spacer(1, 8)] + [para(text, styles["body"]) for _, text in
                                 t.each("scores.not_applicable_intro")]
        rows = [[para(item_id, styles["small"]), para(rule, styles["small"])]
                for item_id, rule in hidden.items()]
        rules = Grid(rows, colWidths=[30 * mm, width - 30 * mm])
        rules.setStyle(TableStyle(grid_style()))
        out.append(rules)
    return [KeepTogether(out[:len(out) if not hidden else -1])] + ([out[-1]] if hidden else [])


def rule_answer_text(t: Texts, item, answer: dict | None, rule: str) -> str:
    """'Not applicable (rule: SVR-HR-04 > 0)', and the answer kept from before, if any."""
    text = t("scores.by_rule", rule=rule)
    if answer and answer.get("result") is not None:
        text += " " + t("scores.kept_answer", answer=answer_text(t, item, answer))
    return text
