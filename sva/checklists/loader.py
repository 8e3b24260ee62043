"""Load a checklist YAML and report *every* problem with file, line and item id.

The shape of a checklist is declared once, as Pydantic models (each field with the words
for its problems); sva.validation turns their errors into "svr.yaml:132: item SVR-HR-04:
'min' 10 is above 'max' 5", the line coming from the YAML loader's marks.
"""
from __future__ import annotations

from pathlib import Path
from typing import Annotated, Literal

from pydantic import Field, StringConstraints, ValidationInfo, field_validator, model_validator

from sva.checklists import rules
from sva.checklists.model import Item, Section, Template
from sva.checklists.rule_checks import rule_problems
from sva.errors import BadInput
from sva.validation.checks import (ID, Checked, NonBlank, Refusal, Says, TextField,
                                   Text, remember_place, unique)
from sva.validation.yaml_file import Problem, check_yaml, read_yaml
from sva.vocabulary import (ANSWER_TYPES, AREAS, AUDIT_KINDS, EVIDENCE_METHODS, LANGS,
                            PHOTO_TRIGGERS, RESULTS)

__all__ = ["Problem", "load_template", "template_from_dict", "validate_file"]


Number = int | Annotated[float, Field(allow_inf_nan=False)]
CHOICES = "a choice item needs 'choices': a list of {{value, en, ja}}"
OptionalText = Annotated[Text | None, Says("'{key}' must be a mapping with 'en' and 'ja'")]
Rule = Annotated[str | None, Says("'{key}' must be a rule written as text, got {value!r}")]


def _rule_parses(value):
    if value is not None:
        try:
            rules.parse(value)
        except rules.RuleError as error:
            raise Refusal(f"relevant_if {value!r}: {error.message} "
                          f"(at column {error.column})") from None
    return value


def _old_names(data, info: ValidationInfo):
    """`photo_required_on` is the first name of `evidence_required_on`: old files still load."""
    if isinstance(data, dict) and "photo_required_on" in data:
        if "evidence_required_on" in data:
            raise Refusal("give 'evidence_required_on' only: 'photo_required_on' is its old "
                          "name")
        renamed = type(data)((k if k != "photo_required_on" else "evidence_required_on", v)
                             for k, v in data.items())
        if hasattr(data, "line"):
            renamed.line = data.line
        data = renamed
    return remember_place(data, info)


class Choice(Checked):
    subject = "choice {value!r}"
    subject_key = "value"
    value: Annotated[NonBlank, Says(CHOICES)]
    en: Annotated[NonBlank, Says("missing en text")]
    ja: Annotated[NonBlank, Says("missing ja text")]


VALUE_ANSWERS = ("number", "text", "choice")     # answers typed or chosen, with rules


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
    # A reference is a text the same in both languages (an ISO control id) or {en, ja}
    # (a law's name in each language).
    references: Annotated[list[Annotated[NonBlank | Text,
                                         Says("references: each must be a text or a mapping with "
                                              "'en' and 'ja', got {value!r}")]],
                          Says("references must be a list of texts or {{en, ja}} mappings, "
                               "got {value!r}")] = []
    evidence: Annotated[list[Literal[EVIDENCE_METHODS]], Field(min_length=1),
                        Says("evidence must be a non-empty list of {known}; got {value!r}")]
    answer: Annotated[Literal[ANSWER_TYPES],
                      Says("unknown answer type {value!r} (known: {known})")]
    choices: Annotated[list[Choice] | None, Field(min_length=1, validate_default=True),
                       Says(CHOICES)] = None
    required: Annotated[bool, Says("'required' must be true or false, got {value!r}")] = True
    evidence_required_on: Annotated[list[Literal[PHOTO_TRIGGERS]],
                                    Says("evidence_required_on must be a list of {known}")] = []
    weight: Annotated[int, Field(ge=1, le=5),
                      Says("weight must be a whole number 1..5, got {value!r}")] = 1
    # Number items only; declared before min/max, whose checks read it.
    decimals: Annotated[bool | None, Says("'decimals' must be true or false, got {value!r}")] \
        = None
    min: Annotated[Number | None, Says("'{key}' must be a number, got {value!r}")] = None
    max: Annotated[Number | None, Says("'{key}' must be a number, got {value!r}")] = None
    relevant_if: Rule = None
    score: Annotated[dict[str, Number] | None,
                     Says("'score' must map answers to numbers 0..1, got {value!r}")] = None
    pattern: Annotated[str | None, Says("'pattern' must be text, got {value!r}")] = None
    # A number outside min..max: 'confirm' asks the auditor (below min too), 'refuse' never
    # takes it (above max too); without it, below min refuses and above max asks.
    outside: Annotated[Literal["confirm", "refuse"] | None,
                       Says("'outside' must be confirm or refuse, got {value!r}")] = None
    # What the auditor reads when an answer breaks the item's min/max/pattern, {en, ja}.
    message: OptionalText = None

    _place = model_validator(mode="before")(_old_names)

    @field_validator("relevant_if")
    @classmethod
    def _rule(cls, value):
        return _rule_parses(value)

    @field_validator("score")
    @classmethod
    def _score_fits_the_answer(cls, value, info: ValidationInfo):
        answer = info.data.get("answer")
        if value is None or answer is None:
            return value
        if answer == "choice":
            known = [c.value for c in info.data.get("choices") or ()]
        else:
            known = [r for r in RESULTS[answer] or () if r != "not_applicable"]
        if not known:
            raise Refusal(f"'score' only applies to conformity, yes/no and choice items "
                          f"(this one is {answer!r})")
        for result, points in value.items():
            if result not in known:
                raise Refusal(f"'score' names {result!r}, which is not an answer to this item "
                              f"(answers: {', '.join(known)})")
            if not 0 <= points <= 1:
                raise Refusal(f"'score' of {result!r} is {points!r}: a score lies in 0..1")
        return value

    @field_validator("pattern")
    @classmethod
    def _pattern_compiles(cls, value, info: ValidationInfo):
        if value is None:
            return value
        if info.data.get("answer") not in ("text", None):
            raise Refusal(f"'pattern' only applies to text items "
                          f"(this one is {info.data['answer']!r})")
        import re
        try:
            re.compile(value)
        except re.error as error:
            raise Refusal(f"'pattern' {value!r} is not a regular expression: {error}") from None
        return value

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

    @field_validator("outside")
    @classmethod
    def _outside_needs_a_range(cls, value, info: ValidationInfo):
        if value is not None and info.data.get("min") is None and info.data.get("max") is None:
            raise Refusal("'outside' only applies to a number item with 'min' or 'max'")
        return value

    @field_validator("message")
    @classmethod
    def _message_needs_a_constraint(cls, value, info: ValidationInfo):
        answer = info.data.get("answer")
        if value is not None and answer is not None and answer not in VALUE_ANSWERS:
            raise Refusal(f"'message' is what a typed answer the item refuses shows (number, "
                          f"text or choice items); this one is {answer!r}")
        return value

    def to_item(self, section_id: str) -> Item:
        return Item(self.id, self.area, self.question.model_dump(),
                    self.guidance.model_dump(), tuple(self.evidence), self.answer,
                    self.required, tuple(self.evidence_required_on), self.weight, section_id,
                    tuple((c.value, {lang: getattr(c, lang) for lang in LANGS})
                          for c in self.choices or ()),
                    self.min, self.max, self.decimals is not False,
                    relevant_if=self.relevant_if, score=self.score, pattern=self.pattern,
                    expected=self.expected.model_dump() if self.expected else None,
                    references=tuple(r if isinstance(r, str) else r.model_dump()
                                     for r in self.references),
                    topic=self.topic.model_dump() if self.topic else None,
                    outside=self.outside,
                    message=self.message.model_dump() if self.message else None)


class ChecklistSection(Checked):
    subject = "section {id}"
    id: Annotated[str, StringConstraints(pattern=ID.pattern), Says("bad section id {value!r}")]
    title: TextField
    items: Annotated[list[Annotated[ChecklistItem, Says("each item must be a mapping")]],
                     Field(min_length=1), Says("'items' must be a non-empty list")]
    relevant_if: Rule = None
    # What one instance is ({en: Production line, ja: 生産ライン}): the section is answered
    # once per instance the auditor adds (sva.checklists.repeats).
    repeat: OptionalText = None

    @field_validator("relevant_if")
    @classmethod
    def _rule(cls, value):
        return _rule_parses(value)


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
                                 tuple(i.to_item(s.id) for i in s.items), s.relevant_if,
                                 s.repeat.model_dump() if s.repeat else None)
                         for s in self.sections)
        items = {i.id: i for s in sections for i in s.items}
        return Template(self.id, self.version, self.kind, self.title.model_dump(), sections,
                        items)


def template_from_dict(doc, file: str = "<template>") -> tuple[Template | None, list[Problem]]:
    """Validate a parsed document; returns (template, problems). Template is None on problems."""
    checked, problems = check_yaml(ChecklistFile, doc, file)
    if checked is None:
        return None, problems
    template = checked.to_template()
    problems = rule_problems(template, doc, file)
    return (None if problems else template), problems


def validate_file(path: str | Path) -> list[Problem]:
    doc, problems = read_yaml(path)
    return problems or template_from_dict(doc, str(path))[1]


def load_template(path: str | Path) -> Template:
    """Load and validate; raises BadInput listing every problem."""
    doc, problems = read_yaml(path)
    template = None
    if not problems:
        template, problems = template_from_dict(doc, str(path))
    if problems:
        raise BadInput("checklist is not valid:\n" + "\n".join(str(p) for p in problems),
                       file=str(path))
    return template
