"""Load a checklist YAML and report *every* problem with file, line and item id.

The shape of a checklist is declared once, as Pydantic models (each field with the words
for its problems); sva.validation turns their errors into "svr.yaml:132: item SVR-HR-04:
'min' 10 is above 'max' 5", the line coming from the YAML loader's marks.
"""
from __future__ import annotations

from pathlib import Path
from typing import Annotated, Literal

from pydantic import Field, StringConstraints, ValidationInfo, field_validator, model_validator

from sva.checklists.model import Item, Section, Template
from sva.validation.checks import (ID, Checked, NonBlank, Refusal, Says, TextField,
                                   remember_place, unique)
from sva.validation.yaml_file import Problem, check_yaml, load_checked, read_yaml
from sva.vocabulary import (ANSWER_TYPES, AREAS, AUDIT_KINDS, EVIDENCE_METHODS, LANGS,
                            PHOTO_TRIGGERS)

__all__ = ["Problem", "load_template", "template_from_dict", "validate_file"]


Number = int | Annotated[float, Field(allow_inf_nan=False)]
CHOICES = "a choice item needs 'choices': a list of {{value, en, ja}}"


class Choice(Checked):
    subject = "choice {value!r}"
    subject_key = "value"
    value: Annotated[NonBlank, Says(CHOICES)]
    en: Annotated[NonBlank, Says("missing en text")]
    ja: Annotated[NonBlank, Says("missing ja text")]


class ChecklistItem(Checked):
    subject = "item"
    id: Annotated[str, StringConstraints(pattern=ID.pattern),
                  unique("duplicate item id (first at line {first})"),
                  Says("bad item id {value!r}")]
    area: Annotated[Literal[AREAS], Says("unknown risk area {value!r} (known: {known})")]
    topic: Annotated[TextField | None,
                     Says("'topic' must be a mapping with 'en' and 'ja'")] = None
    question: TextField
    guidance: TextField
    expected: TextField | None = None
    references: Annotated[list[NonBlank],
                          Says("references must be a list of texts, got {value!r}")] = []
    evidence: Annotated[list[Literal[EVIDENCE_METHODS]], Field(min_length=1),
                        Says("evidence must be a non-empty list of {known}; got {value!r}")]
    answer: Annotated[Literal[ANSWER_TYPES],
                      Says("unknown answer type {value!r} (known: {known})")]
    choices: Annotated[list[Choice] | None, Field(min_length=1, validate_default=True),
                       Says(CHOICES)] = None
    required: Annotated[bool, Says("'required' must be true or false, got {value!r}")] = True
    photo_required_on: Annotated[list[Literal[PHOTO_TRIGGERS]],
                                 Says("photo_required_on must be a list of {known}")] = []
    weight: Annotated[int, Field(ge=1, le=5),
                      Says("weight must be a whole number 1..5, got {value!r}")] = 1
    # Number items only; declared before min/max, whose checks read it.
    decimals: Annotated[bool | None, Says("'decimals' must be true or false, got {value!r}")] \
        = None
    min: Annotated[Number | None, Says("'{key}' must be a number, got {value!r}")] = None
    max: Annotated[Number | None, Says("'{key}' must be a number, got {value!r}")] = None

    _place = model_validator(mode="before")(remember_place)

    @field_validator("choices")
    @classmethod
    def _choices_fit_the_answer(cls, value, info: ValidationInfo):
        answer = info.data.get("answer")
        if answer == "choice" and not value:
            raise Refusal(CHOICES.format())
        if value and answer is not None and answer != "choice":
            raise Refusal(f"'choices' only applies to choice items (this one is {answer!r})")
        return value

    @field_validator("decimals", "min", "max")
    @classmethod
    def _number_rules(cls, value, info: ValidationInfo):
        answer = info.data.get("answer")
        if value is None or answer is None:
            return value
        if answer != "number":
            raise Refusal(f"'{info.field_name}' only applies to number items "
                          f"(this one is {answer!r})")
        if info.field_name == "decimals":
            return value
        if info.data.get("decimals") is False and value != int(value):
            raise Refusal(f"'{info.field_name}' {value!r} is not a whole number, but the item "
                          "takes whole numbers only (decimals: false)")
        low = info.data.get("min")
        if info.field_name == "max" and low is not None and low > value:
            raise Refusal(f"'min' {low!r} is above 'max' {value!r}")
        return value

    def to_item(self, section_id: str) -> Item:
        return Item(self.id, self.area, self.question.model_dump(),
                    self.guidance.model_dump(), tuple(self.evidence), self.answer,
                    self.required, tuple(self.photo_required_on), self.weight, section_id,
                    tuple((c.value, {lang: getattr(c, lang) for lang in LANGS})
                          for c in self.choices or ()),
                    self.min, self.max, self.decimals is not False,
                    self.expected.model_dump() if self.expected else None,
                    tuple(self.references),
                    self.topic.model_dump() if self.topic else None)


class ChecklistSection(Checked):
    subject = "section {id}"
    id: Annotated[str, StringConstraints(pattern=ID.pattern), Says("bad section id {value!r}")]
    title: TextField
    items: Annotated[list[Annotated[ChecklistItem, Says("each item must be a mapping")]],
                     Field(min_length=1), Says("'items' must be a non-empty list")]


class ChecklistFile(Checked):
    holds = "id, version, kind, title, sections"
    id: Annotated[str, StringConstraints(pattern=ID.pattern), Says("bad template id {value!r}")]
    version: Annotated[int, Field(ge=1),
                       Says("bad version {value!r}: must be a positive whole number")]
    kind: Annotated[Literal[AUDIT_KINDS], Says("unknown kind {value!r} (known: {known})")]
    title: TextField
    sections: Annotated[list[Annotated[ChecklistSection, Says("each section must be a mapping")]],
                        Field(min_length=1), Says("'sections' must be a non-empty list")]

    def to_template(self) -> Template:
        sections = tuple(Section(s.id, s.title.model_dump(),
                                 tuple(i.to_item(s.id) for i in s.items))
                         for s in self.sections)
        items = {i.id: i for s in sections for i in s.items}
        return Template(self.id, self.version, self.kind, self.title.model_dump(), sections,
                        items)


def template_from_dict(doc, file: str = "<template>") -> tuple[Template | None, list[Problem]]:
    """Validate a parsed document; returns (template, problems). Template is None on problems."""
    checked, problems = check_yaml(ChecklistFile, doc, file)
    return (checked.to_template() if checked else None), problems


def validate_file(path: str | Path) -> list[Problem]:
    doc, problems = read_yaml(path)
    return problems or template_from_dict(doc, str(path))[1]


def load_template(path: str | Path) -> Template:
    """Load and validate; raises BadInput listing every problem."""
    return load_checked(ChecklistFile, path, "checklist is not valid").to_template()
