"""Repeated sections (`repeat:` in the YAML): one section answered once per instance — per
production line, per building — with instances added during the visit.

Instance 1 is the section as written (its items keep their ids). Instance n (2, 3, …) is a
copy whose section and items carry `#n` (`SVR-LINE-01#2`), so each instance is answered,
required, scored and reported on its own, and its rules read the answers of the same
instance. An instance exists once the audit holds its label: an answer row whose item id is
`<section id>#<n>` and whose result is the label the auditor typed (so labels are stored,
signed, undone and synced with the answers, and need no table of their own).
"""
from __future__ import annotations

import dataclasses

from sva.checklists.model import Section, Template

SEP = "#"


def instance_key(section_id: str, n: int) -> str:
    return f"{section_id}{SEP}{n}"


def base_id(item_id: str) -> str:
    """The template's id of an instance's item ('SVR-LINE-01#2' -> 'SVR-LINE-01')."""
    return item_id.split(SEP, 1)[0]


def labels(template: Template, answers: dict[str, dict]) -> dict[str, dict[int, str]]:
    """section id -> {instance number: label} for the repeated sections, from the answers."""
    out: dict[str, dict[int, str]] = {}
    for section in template.sections:
        if section.repeat is None:
            continue
        found = out.setdefault(section.id, {})
        prefix = section.id + SEP
        for item_id, row in answers.items():
            if item_id.startswith(prefix) and row.get("result") is not None:
                number = item_id[len(prefix):]
                if number.isdigit() and int(number) >= 1:
                    found[int(number)] = row["result"]
    return out


def default_label(section: Section, n: int, lang: str) -> str:
    return f"{section.repeat.get(lang) or section.repeat['en']} {n}"


def expand(template: Template, answers: dict[str, dict]) -> Template:
    """The template as this audit answers it: each repeated section followed by its
    instances 2, 3, … (labelled), titles naming every instance once there are two."""
    named = labels(template, answers)
    if not any(named.values()):
        return template
    sections = []
    for section in template.sections:
        found = named.get(section.id, {})
        if section.repeat is None or not found:
            sections.append(section)
            continue
        for n in range(1, max(found) + 1):
            sections.append(_instance(section, n, found.get(n)))
    items = {i.id: i for s in sections for i in s.items}
    return dataclasses.replace(template, sections=tuple(sections), items=items)


def _instance(section: Section, n: int, label: str | None) -> Section:
    names = {lang: label or default_label(section, n, lang) for lang in section.title}
    title = {lang: f"{text} – {names[lang]}" for lang, text in section.title.items()}
    own = {i.id for i in section.items}
    suffix = "" if n == 1 else f"{SEP}{n}"
    items = tuple(dataclasses.replace(
        item, id=item.id + suffix, section_id=section.id + suffix,
        question={lang: f"[{names.get(lang, names['en'])}] {text}"
                  for lang, text in item.question.items()},
        relevant_if=_renamed(item.relevant_if, own, suffix)) for item in section.items)
    return dataclasses.replace(section, id=section.id + suffix, title=title, items=items)


def _renamed(rule: str | None, own: set[str], suffix: str) -> str | None:
    """The rule reading the same instance's answers: ids of the section get the suffix."""
    if rule is None or not suffix:
        return rule
    from sva.checklists.rules import tokens
    out, at = [], 0
    for tok in tokens(rule):
        if tok.kind == "name" and tok.text in own:
            end = tok.column - 1 + len(tok.text)
            out.append(rule[at:end] + suffix)
            at = end
    return "".join(out) + rule[at:]
