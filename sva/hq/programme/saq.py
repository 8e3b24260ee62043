"""The self-assessment questionnaire (SAQ) as data: load `resources/saq/*.yaml` and report
every problem with file, line and question id, like the checklist loader does (the file's
shape is the Pydantic models below; sva.validation words their problems)."""
from __future__ import annotations

import re
import unicodedata
from dataclasses import dataclass, field
from pathlib import Path
from typing import Annotated, Literal

from pydantic import Field, StringConstraints, ValidationInfo, field_validator, model_validator

from sva.paths import resource
from sva.validation.checks import ID, Checked, NonBlank, Refusal, Says, TextField, unique
from sva.validation.yaml_file import Problem, check_yaml, load_checked, read_yaml
from sva.vocabulary import AREAS, LANGS

# The fixed columns of a responses file; a question id may not be one of them.
RESPONSE_COLUMNS = ("supplier_code", "fiscal_year", "submitted_on")


@dataclass(frozen=True)
class Choice:
    value: str
    points: int | None          # None: not applicable, left out of the score
    label: dict


@dataclass(frozen=True)
class Question:
    id: str
    area: str
    short: dict
    text: dict
    weight: int = 1
    allow_na: bool = False


@dataclass
class Questionnaire:
    id: str
    version: int
    title: dict
    scale: tuple                 # Choice, best first
    not_applicable: Choice | None
    areas: dict = field(default_factory=dict)       # area code -> title {en, ja}
    questions: dict = field(default_factory=dict)   # question id -> Question, in order

    def __post_init__(self):
        everything = (*self.scale, *([self.not_applicable] if self.not_applicable else []))
        # an answer may be typed as its value or as one of its labels (whole, or the part
        # before a bracketed gloss: 'はい' for 'はい（仕組みがあり文書化されている）'); ○/× mean
        # yes/no where the scale has them. Values win over labels.
        self._by_value = {}
        for c in everything:
            for label in c.label.values():
                text = unicodedata.normalize("NFKC", str(label)).strip().lower()
                self._by_value.setdefault(text, c)
                self._by_value.setdefault(text.split("(")[0].strip(), c)
        values = {c.value.lower(): c for c in everything}
        for mark, value in (("○", "yes"), ("◯", "yes"), ("×", "no")):
            if value in values:
                self._by_value[mark] = values[value]
        self._by_value.update(values)
        self.max_points = max((c.points for c in self.scale), default=0)
        self._by_area = {a: [q for q in self.questions.values() if q.area == a]
                         for a in self.areas}

    @property
    def ref(self) -> str:
        return f"{self.id}@{self.version}"


    def choice(self, value: str) -> Choice | None:
        """The choice a typed answer means (case-insensitive), or None."""
        return self._by_value.get(unicodedata.normalize("NFKC", str(value)).strip().lower())

    def allowed(self, question: Question) -> list[str]:
        values = [c.value for c in self.scale]
        if question.allow_na and self.not_applicable:
            values.append(self.not_applicable.value)
        return values

    def in_area(self, area: str) -> list[Question]:
        return self._by_area.get(area, [])


class _Labelled(Checked):
    """An answer of the scale or the not-applicable answer: a value and its labels."""
    subject = "answer {value!r}"
    subject_key = "value"
    subject_pattern = re.compile(r".")
    en: Annotated[NonBlank, Says("missing en text")]
    ja: Annotated[NonBlank, Says("missing ja text")]

    def labels(self) -> dict:
        return {lang: getattr(self, lang) for lang in LANGS}


class ScaleAnswer(_Labelled):
    value: Annotated[NonBlank, unique("answer {value!r} appears twice on the scale",
                                      fold=str.lower),
                     Says("each scale answer must be a mapping with a value")]
    points: Annotated[int, Field(ge=0),
                      Says("points must be a whole number ≥ 0, got {value!r}")]


class NotApplicable(_Labelled):
    value: Annotated[NonBlank, Says("not_applicable must be a mapping {{value, en, ja}}")]


class QuestionEntry(Checked):
    subject = "item"
    id: Annotated[str, StringConstraints(pattern=ID.pattern), unique("duplicate question id"),
                  Says("bad question id {value!r}")]
    short: TextField
    text: TextField
    weight: Annotated[int, Field(ge=1, le=5),
                      Says("weight must be a whole number 1..5, got {value!r}")] = 1
    allow_na: Annotated[bool, Says("'allow_na' must be true or false, got {value!r}")] = False

    @field_validator("id")
    @classmethod
    def _not_a_column(cls, value: str):
        if value.lower() in RESPONSE_COLUMNS:
            raise Refusal("question id clashes with a column of the responses file")
        return value

    @field_validator("allow_na")
    @classmethod
    def _na_is_defined(cls, value: bool, info: ValidationInfo):
        if value and not (info.context or {}).get("has_na"):
            raise Refusal("allow_na is set but the questionnaire defines no not_applicable "
                          "answer")
        return value


class AreaEntry(Checked):
    subject = "area {id}"
    id: Annotated[Literal[AREAS], unique("area {value} appears twice"),
                  Says("unknown risk area {value!r} (known: {known})")]
    title: TextField
    questions: Annotated[list[Annotated[QuestionEntry, Says("each question must be a mapping")]],
                         Field(min_length=1), Says("'questions' must be a non-empty list")]


class QuestionnaireFile(Checked):
    holds = "id, version, title, scale, areas"
    id: Annotated[str, StringConstraints(pattern=ID.pattern),
                  Says("bad questionnaire id {value!r}")]
    version: Annotated[int, Field(ge=1),
                       Says("bad version {value!r}: must be a positive whole number")]
    title: TextField
    scale: Annotated[list[Annotated[ScaleAnswer, Says("each scale answer must be a mapping "
                                                      "with a value")]],
                     Field(min_length=2),
                     Says("'scale' must list at least two answers {{value, points, en, ja}}")]
    not_applicable: Annotated[NotApplicable | None,
                              Says("not_applicable must be a mapping {{value, en, ja}}")] = None
    areas: Annotated[list[Annotated[AreaEntry, Says("each area must be a mapping")]],
                     Field(min_length=1), Says("'areas' must be a non-empty list")]

    @model_validator(mode="before")
    @classmethod
    def _note_na(cls, data, info: ValidationInfo):
        if isinstance(info.context, dict) and isinstance(data, dict):
            info.context["has_na"] = data.get("not_applicable") is not None
        return data

    @field_validator("scale")
    @classmethod
    def _some_points(cls, value: list):
        if max(a.points for a in value) == 0:
            raise Refusal("at least one scale answer must give points")
        return value

    @field_validator("not_applicable")
    @classmethod
    def _not_on_the_scale(cls, value, info: ValidationInfo):
        scale = {a.value.lower() for a in info.data.get("scale") or ()}
        if value is not None and value.value.lower() in scale:
            raise Refusal(f"answer {value.value!r} is both on the scale and not applicable")
        return value

    def to_questionnaire(self) -> Questionnaire:
        scale = tuple(sorted((Choice(a.value, a.points, a.labels()) for a in self.scale),
                             key=lambda ch: -ch.points))
        na = self.not_applicable
        questions = {q.id: Question(q.id, a.id, q.short.model_dump(), q.text.model_dump(),
                                    q.weight, q.allow_na)
                     for a in self.areas for q in a.questions}
        return Questionnaire(self.id, self.version, self.title.model_dump(), scale,
                             Choice(na.value, None, na.labels()) if na else None,
                             {a.id: a.title.model_dump() for a in self.areas}, questions)


def questionnaire_from_dict(doc, file: str = "<saq>") -> tuple[Questionnaire | None, list[Problem]]:
    checked, problems = check_yaml(QuestionnaireFile, doc, file)
    return (checked.to_questionnaire() if checked else None), problems


def validate_file(path: str | Path) -> list[Problem]:
    doc, problems = read_yaml(path)
    return problems or questionnaire_from_dict(doc, str(path))[1]


def load_questionnaire(path: str | Path | None = None) -> Questionnaire:
    """Load and validate (default: the shipped resources/saq/saq.yaml); BadInput lists all."""
    path = Path(path or resource("saq", "saq.yaml"))
    return load_checked(QuestionnaireFile, path, "questionnaire is not valid").to_questionnaire()
