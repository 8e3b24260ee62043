"""Which items of an audit the checklist's `relevant_if` rules leave out, given its answers.

Walked in checklist order, so each rule sees the answers before it — and only those of items
that are themselves relevant: the answer of a hidden item is kept in the store (it comes
back with its item) but counts for nothing while hidden, not for Complete, the scores or the
rules after it.
"""
from __future__ import annotations

from sva.checklists import rules
from sva.checklists.model import Template


def hidden_items(template: Template, answers: dict[str, dict]) -> dict[str, str]:
    """item id -> the rule that makes it not applicable (its section's or its own), for the
    items a rule hides; relevant items are absent."""
    values: dict[str, float | str | None] = {}
    hidden: dict[str, str] = {}
    for section in template.sections:
        section_rule = section.rule
        section_hidden = (section_rule is not None
                          and not rules.relevant(section_rule, values.get))
        for item in section.items:
            if section_hidden:
                hidden[item.id] = section.relevant_if
            elif item.rule is not None and not rules.relevant(item.rule, values.get):
                hidden[item.id] = item.relevant_if
            else:
                answer = answers.get(item.id)
                values[item.id] = rules.as_value(item.answer, answer["result"] if answer else None)
    return hidden
