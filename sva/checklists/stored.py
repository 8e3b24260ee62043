"""A template as the JSON document that is stored and published: the device keeps it in its
store (sva.domain.templates), HQ publishes it to devices (sva.hq.masterdata). Both hash this
document, so it must be the same on both sides."""
from __future__ import annotations

import dataclasses

from sva.checklists.model import Item, Section, Template

# Item fields written under their YAML names, and only when declared: a template without
# them keeps the body (and so the hash) it was installed or published with.
_NUMBER_RULES = {"min_value": "min", "max_value": "max", "decimals": "decimals"}
_OPTIONAL = ("relevant_if", "score", "pattern", "expected", "topic", "outside", "message")
_NOT_COPIED = ("section_id", "choices", "evidence_required_on", "references", *_NUMBER_RULES,
               *_OPTIONAL)


def _number_rules(item) -> dict:
    declared = {"min_value": item.min_value is not None, "max_value": item.max_value is not None,
                "decimals": not item.decimals}
    return {key: getattr(item, field) for field, key in _NUMBER_RULES.items() if declared[field]}


def template_doc(t: Template) -> dict:
    return {
        "id": t.id, "version": t.version, "kind": t.kind, "title": t.title,
        "sections": [
            {"id": s.id, "title": s.title, "items": [
                {**{k: v for k, v in dataclasses.asdict(i).items() if k not in _NOT_COPIED},
                 # Stored under the field's first name: installed templates keep their hash.
                 "evidence": list(i.evidence), "photo_required_on": list(i.photo_required_on),
                 **({"choices": [{"value": v, **labels} for v, labels in i.choices]}
                    if i.choices else {}),
                 **_number_rules(i),
                 **{k: getattr(i, k) for k in _OPTIONAL if getattr(i, k) is not None},
                 **({"references": list(i.references)} if i.references else {})}
                for i in s.items],
             **({"relevant_if": s.relevant_if} if s.relevant_if is not None else {}),
             **({"repeat": s.repeat} if s.repeat is not None else {})}
            for s in t.sections],
    }


def template_from_stored(doc: dict) -> Template:
    """The template of a document `template_doc` wrote (and whose hash the caller checked):
    no validation again, so opening a workspace needs neither PyYAML nor Pydantic."""
    sections = []
    for s in doc["sections"]:
        items = tuple(Item(
            i["id"], i["area"], dict(i["question"]), dict(i["guidance"]), tuple(i["evidence"]),
            i["answer"], i["required"], tuple(i["photo_required_on"]), i["weight"], s["id"],
            tuple((c["value"], {k: v for k, v in c.items() if k != "value"})
                  for c in i.get("choices", ())),
            i.get("min"), i.get("max"), i.get("decimals", True),
            references=tuple(i.get("references", ())),
            **{k: i[k] for k in _OPTIONAL if k in i}) for i in s["items"])
        sections.append(Section(s["id"], dict(s["title"]), items, s.get("relevant_if"),
                                s.get("repeat")))
    return Template(doc["id"], doc["version"], doc["kind"], dict(doc["title"]), tuple(sections),
                    {i.id: i for s in sections for i in s.items})
