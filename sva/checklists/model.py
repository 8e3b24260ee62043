"""The in-memory shape of a checklist template (DESIGN §4)."""
from __future__ import annotations

from dataclasses import dataclass, field


@dataclass(frozen=True)
class Item:
    id: str
    area: str
    question: dict
    guidance: dict
    evidence: tuple
    answer: str
    required: bool
    photo_required_on: tuple
    weight: int
    section_id: str
    choices: tuple = ()
    # Number items only: the range the question expects (None: open) and whether a value may
    # have decimals. Below `min_value` is refused; above `max_value` needs a confirmation.
    min_value: int | float | None = None
    max_value: int | float | None = None
    decimals: bool = True
    # What the supplier is expected to do (supplier-facing, EN+JA; the auditor's guidance is
    # not for the supplier) and the standard or law clauses the item rests on (issue 21).
    expected: dict | None = None
    references: tuple = ()
    # A short improvement-guidance phrase {en, ja} ("confidential labelling") that the HQ
    # figures count suppliers under; None when the checklist gives none.
    topic: dict | None = None

    def text(self, what: str, lang: str) -> str:
        return (getattr(self, what) or {}).get(lang, "")


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
