"""The in-memory shape of a checklist template (DESIGN §4)."""
from __future__ import annotations

from dataclasses import dataclass, field
from functools import lru_cache


@dataclass(frozen=True)
class Item:
    id: str
    area: str
    question: dict
    guidance: dict
    evidence: tuple
    answer: str
    required: bool
    # Results that need evidence (a photo on the item or one of its findings): `photo_required_on`
    # in older files.
    evidence_required_on: tuple
    weight: int
    section_id: str
    choices: tuple = ()
    # Number items only: the range the question expects (None: open) and whether a value may
    # have decimals. Below `min_value` is refused; above `max_value` needs a confirmation.
    min_value: int | float | None = None
    max_value: int | float | None = None
    decimals: bool = True
    relevant_if: str | None = None      # a rule (sva.checklists.rules) over earlier answers
    score: dict | None = None           # result -> 0..1, replacing the default (scores.py)
    pattern: str | None = None          # text items: the whole answer must match this regex
    # What the supplier is expected to do (supplier-facing, EN+JA; the auditor's guidance is
    # not for the supplier) and the standard or law clauses the item rests on (issue 21).
    expected: dict | None = None
    # Each reference is a text the same in every language ("ISO/IEC 27001:2022 A.5.12") or
    # {en, ja} (a law's name differs: "Labour Standards Act (Japan) Art. 32" / 労働基準法 第32条).
    references: tuple = ()
    topic: dict | None = None           # {en, ja}: a short phrase naming the item's topic
    outside: str | None = None          # confirm | refuse: a number outside min..max
    message: dict | None = None         # {en, ja}: shown for an answer outside the rules

    def text(self, what: str, lang: str) -> str:
        return (getattr(self, what) or {}).get(lang, "")

    def reference_texts(self, lang: str) -> list[str]:
        """The item's references in `lang` (English where a reference lacks `lang`)."""
        return [reference_text(r, lang) for r in self.references]

    @property
    def photo_required_on(self) -> tuple:
        """The field's first name, kept for readers written before `evidence_required_on`."""
        return self.evidence_required_on

    @property
    def rule(self):
        return parsed_rule(self.relevant_if)


@lru_cache(maxsize=4096)
def parsed_rule(text: str | None):
    """A rule's tree, parsed once per text (the loader checked it parses)."""
    if text is None:
        return None
    from sva.checklists.rules import parse
    return parse(text)


def reference_text(reference, lang: str) -> str:
    """One reference (a text or {en, ja}) in `lang`."""
    if isinstance(reference, dict):
        return reference.get(lang) or reference.get("en") or ""
    return reference


def grouped(number) -> str:
    """A number as people read it in a message: 111,111,111 / 0.5 / 5,000."""
    if isinstance(number, float) and number.is_integer():
        number = int(number)
    return f"{number:,}"


@dataclass(frozen=True)
class Section:
    id: str
    title: dict
    items: tuple
    relevant_if: str | None = None      # a rule over answers before the section
    repeat: dict | None = None          # {en, ja}: what one instance is (sva.checklists.repeats)

    @property
    def rule(self):
        return parsed_rule(self.relevant_if)


@dataclass
class Template:
    id: str
    version: int
    kind: str
    title: dict
    sections: tuple
    items: dict = field(default_factory=dict)   # item id -> Item, in checklist order

    @property
    def ref(self) -> str:
        return f"{self.id}@{self.version}"

    def required_ids(self) -> list[str]:
        return [i.id for i in self.items.values() if i.required]
