"""Portal questionnaires as data: `resources/portal/questionnaires/*.yaml`, bilingual,
versioned, in sections; each question has a type (sva.vocabulary.PORTAL_QUESTION_TYPES), a
`required` flag, `allow_na` and help text. A file declares how its answers feed levels
(`levels:`): the information-security questionnaire maps its questions onto the SAQ questions
that the level rules (resources/programme/isec_levels.yaml) score; a questionnaire without
`levels` feeds none. Problems are reported as file:line: item ID: message."""
from __future__ import annotations

import re
from dataclasses import dataclass
from functools import lru_cache
from pathlib import Path
from typing import Annotated, Literal

from pydantic import Field, StringConstraints, ValidationInfo, field_validator, model_validator

from sva.errors import NotFound
from sva.paths import resource
from sva.validation.checks import ID, Checked, NonBlank, Refusal, Says, TextField, unique
from sva.validation.yaml_file import Problem, check_yaml, load_checked, read_yaml
from sva.vocabulary import PORTAL_NA, PORTAL_QUESTION_TYPES

YES_NO = ("yes", "no")
YES_NO_PARTIAL = ("yes", "partial", "no")
# How a portal answer reads on the SAQ scale the level rules score.
TO_SAQ = {"yes": "yes", "partial": "partly", "no": "no", PORTAL_NA: "na"}
LEVEL_RULES = ("isec",)


@dataclass(frozen=True)
class PortalQuestion:
    id: str
    section: str
    type: str
    text: dict
    help: dict
    required: bool
    allow_na: bool
    choices: tuple          # ((value, {en, ja}), ...) for type choice

    def options(self) -> tuple:
        """The closed answers of the question (empty for number/text/date/file)."""
        base = {"yes_no": YES_NO, "yes_no_partial": YES_NO_PARTIAL,
                "choice": tuple(v for v, _ in self.choices)}.get(self.type, ())
        return (*base, PORTAL_NA) if self.allow_na else base

    def option_label(self, value: str, words: dict, lang: str) -> str:
        """A closed answer in words: yes / no / partly / n.a. from the page's `words`, a
        choice by its label in `lang`; '' for a value the question does not offer. (The
        supplier's form, its read-only page and HQ's page of a submission all word it so.)"""
        if value in (*YES_NO_PARTIAL, PORTAL_NA):
            return words[value]
        return next((label[lang] for v, label in self.choices if v == value), "")


@dataclass(frozen=True)
class Section:
    id: str
    title: dict
    questions: tuple


@dataclass(frozen=True)
class PortalQuestionnaire:
    id: str
    version: int
    title: dict
    sections: tuple
    level_rules: str | None
    level_map: dict         # portal question id -> SAQ question id

    @property
    def questions(self) -> dict:
        return {q.id: q for s in self.sections for q in s.questions}


class ChoiceEntry(Checked):
    subject = "choice {value!r}"
    subject_key = "value"
    subject_pattern = re.compile(r".")
    value: Annotated[NonBlank, Says("each choice needs a value")]
    en: Annotated[NonBlank, Says("missing en text")]
    ja: Annotated[NonBlank, Says("missing ja text")]


class QuestionEntry(Checked):
    subject = "item"
    id: Annotated[str, StringConstraints(pattern=ID.pattern), unique("duplicate question id"),
                  Says("bad question id {value!r}")]
    type: Annotated[Literal[PORTAL_QUESTION_TYPES],
                    Says("unknown question type {value!r} (known: {known})")]
    text: TextField
    help: TextField | None = None
    required: Annotated[bool, Says("'required' must be true or false, got {value!r}")] = True
    allow_na: Annotated[bool, Says("'allow_na' must be true or false, got {value!r}")] = False
    choices: list[Annotated[ChoiceEntry, Says("each choice must be a mapping "
                                                  "{{value, en, ja}}")]] = []

    @field_validator("choices")
    @classmethod
    def _choices_fit(cls, value: list, info: ValidationInfo):
        kind = info.data.get("type")
        if kind == "choice" and len(value) < 2:
            raise Refusal("a choice question needs at least two choices")
        if kind != "choice" and value:
            raise Refusal(f"choices are only for type choice, not {kind}")
        if len({c.value for c in value}) != len(value) or PORTAL_NA in {c.value for c in value}:
            raise Refusal(f"choice values must be distinct and not {PORTAL_NA!r}")
        return value


class SectionEntry(Checked):
    subject = "section {id}"
    id: Annotated[str, StringConstraints(pattern=ID.pattern), unique("section {value} twice"),
                  Says("bad section id {value!r}")]
    title: TextField
    questions: Annotated[list[Annotated[QuestionEntry, Says("each question must be a mapping")]],
                         Field(min_length=1), Says("'questions' must be a non-empty list")]


class LevelsEntry(Checked):
    subject = "levels"
    rules: Annotated[Literal[LEVEL_RULES], Says("unknown level rules {value!r} (known: {known})")]
    answers: Annotated[dict[str, str], Field(min_length=1),
                       Says("'answers' must map question ids to SAQ question ids")]


class QuestionnaireFile(Checked):
    holds = "id, version, title, sections"
    id: Annotated[str, StringConstraints(pattern=ID.pattern),
                  Says("bad questionnaire id {value!r}")]
    version: Annotated[int, Field(ge=1),
                       Says("bad version {value!r}: must be a positive whole number")]
    title: TextField
    sections: Annotated[list[Annotated[SectionEntry, Says("each section must be a mapping")]],
                        Field(min_length=1), Says("'sections' must be a non-empty list")]
    levels: Annotated[LevelsEntry | None,
                      Says("'levels' must be a mapping {{rules, answers}}")] = None

    @model_validator(mode="after")
    def _levels_fit(self):
        if self.levels is None:
            return self
        from sva.hq.programme.saq import load_questionnaire
        saq = load_questionnaire()
        mine = {q.id: q for s in self.sections for q in s.questions}
        for qid, target in self.levels.answers.items():
            q = mine.get(qid)
            if q is None:
                raise Refusal(f"levels.answers names question {qid!r}, which this "
                              "questionnaire does not have", field="levels")
            if q.type not in ("yes_no", "yes_no_partial"):
                raise Refusal(f"levels.answers: {qid} is a {q.type} question; only yes/no "
                              "questions feed levels", field="levels")
            if target not in saq.questions:
                raise Refusal(f"levels.answers: {qid} maps to {target!r}, which the SAQ the "
                              "level rules score does not have", field="levels")
        return self

    def build(self) -> PortalQuestionnaire:
        sections = tuple(
            Section(s.id, s.title.model_dump(), tuple(
                PortalQuestion(q.id, s.id, q.type, q.text.model_dump(),
                               q.help.model_dump() if q.help else {"en": "", "ja": ""},
                               q.required, q.allow_na,
                               tuple((c.value, {"en": c.en, "ja": c.ja}) for c in q.choices))
                for q in s.questions))
            for s in self.sections)
        return PortalQuestionnaire(self.id, self.version, self.title.model_dump(), sections,
                                   self.levels.rules if self.levels else None,
                                   dict(self.levels.answers) if self.levels else {})


def FOLDER() -> Path:
    return Path(resource("portal", "questionnaires"))


def from_dict(doc, file: str = "<questionnaire>"):
    checked, problems = check_yaml(QuestionnaireFile, doc, file)
    return (checked.build() if checked else None), problems


def validate_file(path: str | Path) -> list[Problem]:
    doc, problems = read_yaml(path)
    return problems or from_dict(doc, str(path))[1]


def load_file(path: str | Path) -> PortalQuestionnaire:
    return load_checked(QuestionnaireFile, Path(path), "questionnaire is not valid").build()


@lru_cache(maxsize=1)
def shipped() -> dict:
    """{(id, version): questionnaire} of every file shipped in resources."""
    out = {}
    for path in sorted(FOLDER().glob("*.yaml")):
        q = load_file(path)
        out[(q.id, q.version)] = q
    return out


def get(qid: str, version: int | None = None) -> PortalQuestionnaire:
    """A shipped questionnaire by id (the latest version unless one is named)."""
    found = [q for (i, v), q in shipped().items() if i == qid and version in (None, v)]
    if not found:
        known = ", ".join(sorted({i for i, _ in shipped()}))
        raise NotFound(f"no questionnaire {qid!r}" + (f" version {version}" if version else "")
                       + f" (known: {known})", field="questionnaire")
    return max(found, key=lambda q: q.version)
