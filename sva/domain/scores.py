"""Section and overall scores of an audit: one stated formula, computed in the core.

Each answered, relevant item that is scored earns `weight × points`, out of `weight`:

* conformity items: conforms = 1, observation = 0.5, nonconformity = 0;
* yes/no items: yes = 1, no = 0;
* choice items: only when the checklist gives `score:` for their choices;
* an item's own `score:` replaces these points (each 0..1).

Not applicable, unanswered and not relevant (a rule hid them) items are left out of both
sides, and number and text items are never scored. A section's score is its earned points
over its possible points; the overall score sums the points of every section (so a section
weighs as much as its items, not one equal share). No scored answer: no score (None).
"""
from __future__ import annotations

from dataclasses import dataclass

from sva.checklists.model import Item, Template

DEFAULT_POINTS = {
    "conformity": {"conforms": 1.0, "observation": 0.5, "nonconformity": 0.0},
    "yes_no": {"yes": 1.0, "no": 0.0},
}


def points(item: Item, result: str | None) -> float | None:
    """The item's points (0..1) for `result`; None when the answer is not scored."""
    if result is None:
        return None
    table = item.score if item.score is not None else DEFAULT_POINTS.get(item.answer, {})
    value = table.get(result)
    return None if value is None else float(value)


@dataclass(frozen=True)
class Score:
    section_id: str | None     # None: the whole audit
    earned: float
    possible: float
    scored: int                # answers counted

    @property
    def percent(self) -> float | None:
        return None if not self.possible else 100.0 * self.earned / self.possible


def scores(template: Template, answers: dict[str, dict],
           hidden: dict[str, str]) -> tuple[list[Score], Score]:
    """(one Score per section in checklist order, the overall Score)."""
    out = []
    for section in template.sections:
        earned = possible = 0.0
        scored = 0
        for item in section.items:
            if item.id in hidden:
                continue
            answer = answers.get(item.id)
            value = points(item, answer["result"] if answer else None)
            if value is None:
                continue
            earned += item.weight * value
            possible += item.weight
            scored += 1
        out.append(Score(section.id, earned, possible, scored))
    overall = Score(None, sum(s.earned for s in out), sum(s.possible for s in out),
                    sum(s.scored for s in out))
    return out, overall
