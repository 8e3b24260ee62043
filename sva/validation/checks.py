"""Pydantic models as declarative checks, and their errors in our own words.

A file's shape is a model: each field says its type and limits, and (with `Says`) how a
problem with it is worded; a check that needs a sentence of its own raises `Refusal`.
`check()` validates the parsed file and turns every Pydantic error into an `Issue`: where it
is (the path into the file), what is wrong, and which item it concerns. The file's reader
turns that into its own problem type (file:line for YAML, row and column for tables).

Pydantic's English ("Input should be a valid integer") never reaches the user unless a field
forgot to say how its problems are worded; then the message still names the field.
"""
from __future__ import annotations

import re
import types
import typing
from dataclasses import dataclass
from typing import Annotated, Any, ClassVar, Literal

from pydantic import AfterValidator, BaseModel, ConfigDict, ValidationError, ValidationInfo

ID = re.compile(r"^[A-Za-z][A-Za-z0-9_.-]{0,63}$")   # ids of items, sections, questions


@dataclass(frozen=True)
class Says:
    """How a field words any problem with its value (annotation metadata). Placeholders:
    {value!r} the value as written, {key} the field's name, {parent} the name of the field
    that holds it, {known} the codes its Literal allows (comma-separated)."""
    template: str


class Refusal(ValueError):
    """A problem worded by the check that found it. `field`: the field of the model it is
    about, when a check of the whole model finds it (a row's column, a line in a file)."""

    def __init__(self, message: str, field: str | None = None):
        super().__init__(message)
        self.field = field


class Checked(BaseModel):
    """Base of the file models. `subject` names what a problem inside it concerns: "item"
    (the problem's item is this object's id), a prefix such as "section {id}", or "{path}"
    (the object's place, e.g. "factors.open_findings"). `says`, when set, words every
    problem inside the object (a holder's `Says` words it missing or not a mapping); `holds`
    says what a file of this model holds, for one that is not a mapping at all."""
    model_config = ConfigDict(frozen=True, strict=True, extra="ignore")
    holds: ClassVar[str] = ""
    says: ClassVar[str | None] = None
    subject: ClassVar[str | None] = None
    subject_key: ClassVar[str] = "id"
    subject_pattern: ClassVar[re.Pattern] = ID

    @classmethod
    def subject_of(cls, raw) -> str | None:
        value = raw.get(cls.subject_key) if isinstance(raw, dict) else None
        return value if isinstance(value, str) and cls.subject_pattern.match(value) else None


@dataclass(frozen=True)
class Issue:
    loc: tuple            # keys and indices into the checked data
    message: str
    item: str | None = None


def check(model: type[BaseModel], data, *, context: dict | None = None):
    """(the model, []) when `data` is valid, else (None, every issue in document order)."""
    try:
        return model.model_validate(data, context={**(context or {}), "_seen": {}}), []
    except ValidationError as exc:
        issues: list[Issue] = []
        for error in exc.errors(include_url=False):
            issue = _issue(model, data, error)
            if issue not in issues:
                issues.append(issue)
        return None, issues


# -- reusable field checks ---------------------------------------------------------------------

def unique(message: str, *, fold=str) -> AfterValidator:
    """An id that must not come twice in one file. `message` may use {value} and {first},
    the line (YAML) or row where it came first, as `remember_place` noted it."""
    def check_unique(value, info: ValidationInfo):
        context = info.context if isinstance(info.context, dict) else {}
        seen = context.setdefault("_seen", {}).setdefault(message, {})
        key = fold(value)
        if key in seen:
            raise Refusal(message.format(value=value, first=seen[key]))
        seen[key] = context.get("_place", 0)
        return value
    return AfterValidator(check_unique)


def remember_place(data, info: ValidationInfo):
    """A model's "before" validator: note where the object being checked starts (the YAML
    line of its mapping), for `unique` to say where an id came first."""
    if isinstance(info.context, dict):
        info.context["_place"] = getattr(data, "line", 0)
    return data


def _not_blank(value: str) -> str:
    if not value.strip():
        raise ValueError("empty")
    return value


NonBlank = Annotated[str, AfterValidator(_not_blank)]


class Text(Checked):
    """A text every reader gets in both languages."""
    en: Annotated[NonBlank, Says("missing English text ({parent}.en)")]
    ja: Annotated[NonBlank, Says("missing Japanese text ({parent}.ja)")]


TextField = Annotated[Text, Says("'{key}' must be a mapping with 'en' and 'ja'")]


# -- Pydantic's errors in our words -------------------------------------------------------------

@dataclass
class _Step:
    path: tuple
    field: str | None
    meta: tuple
    raw: Any
    type: Any


def _unwrap(tp) -> tuple[Any, tuple]:
    """(the type without Annotated / Optional, the metadata found on the way)."""
    meta: tuple = ()
    while True:
        origin = typing.get_origin(tp)
        if origin is Annotated:
            meta += tuple(tp.__metadata__)
            tp = typing.get_args(tp)[0]
        elif origin in (typing.Union, types.UnionType):
            rest = [a for a in typing.get_args(tp) if a is not type(None)]
            if len(rest) != 1:
                return tp, meta
            tp = rest[0]
        else:
            return tp, meta


def _walk(model, data, loc) -> list[_Step]:
    """Follow an error's location through the model's types and the raw data together."""
    steps, tp, raw, path = [], model, data, ()
    for part in loc:
        field, meta = None, ()
        if _is_model(tp) and part in _fields(tp):
            info = _fields(tp)[part]
            field, meta, tp = part, tuple(info.metadata), info.annotation
            raw = raw.get(part) if isinstance(raw, dict) else None
        elif isinstance(part, int) and typing.get_origin(tp) in (list, tuple):
            tp = typing.get_args(tp)[0]
            raw = raw[part] if isinstance(raw, list) and 0 <= part < len(raw) else None
        elif part == "[key]" and steps:
            steps.pop()                   # a bad key: a problem of the mapping, not its value
            continue
        elif typing.get_origin(tp) is dict and isinstance(part, str):
            tp = typing.get_args(tp)[1]
            raw = raw.get(part) if isinstance(raw, dict) else None
        else:
            continue                      # a union member's tag, "[key]", …: not a place
        path += (part,)
        tp, more = _unwrap(tp)
        steps.append(_Step(path, field, meta + more, raw, tp))
    return steps


def _fields(model) -> dict:
    """A model's fields by the names errors give them (the alias, where there is one)."""
    return {info.alias or name: info for name, info in model.model_fields.items()}


def _known(tp) -> str:
    if typing.get_origin(tp) is Literal:
        return ", ".join(map(str, typing.get_args(tp)))
    return ", ".join(_known(_unwrap(a)[0]) for a in typing.get_args(tp)
                     if _known(_unwrap(a)[0]))


def _issue(model, data, error: dict) -> Issue:
    steps = _walk(model, data, error["loc"])
    loc = steps[-1].path if steps else ()
    raised = (error.get("ctx") or {}).get("error")
    if isinstance(raised, Refusal):
        message = str(raised)
        if raised.field:
            loc += (raised.field,)
    else:
        message = _worded(steps, error, raised)
    item, prefix = _subject(model, data, steps, loc)
    return Issue(loc, f"{prefix}: {message}" if prefix else message, item)


# Errors that concern a value as a whole (absent, or not a mapping at all): its holder's
# `Says` words them, not the model's own `says`.
_WHOLE = ("missing", "model_type", "model_attributes_type", "dict_type")


def _template(steps: list[_Step], error: dict) -> tuple[str, int] | None:
    """The wording that applies, and the step it belongs to: the innermost `Says` or
    `says`, never looking past the model the problem lies in."""
    for n in range(len(steps) - 1, -1, -1):
        step, inner = steps[n], n < len(steps) - 1
        says = next((m.template for m in step.meta if isinstance(m, Says)), None)
        own = getattr(step.type, "says", None) if _is_model(step.type) else None
        if inner and _is_model(step.type):
            return (own, n) if own else None
        if not inner and own and error["type"] not in _WHOLE:
            return own, n
        if says:
            return says, n
    return None


def _is_model(tp) -> bool:
    return isinstance(tp, type) and issubclass(tp, BaseModel)


def _worded(steps: list[_Step], error: dict, raised) -> str:
    key = steps[-1].field or str(steps[-1].path[-1]) if steps else "value"
    found = _template(steps, error)
    if found is not None:
        template, n = found
        step = steps[n]
        parent = next((s.field for s in reversed(steps[:n]) if s.field), "")
        return template.format(value=step.raw, key=step.field or key, parent=parent,
                               known=_known(step.type))
    if raised is not None:
        return str(raised)
    if error["type"] == "missing":
        return f"'{key}' is missing"
    if error["type"] == "extra_forbidden":
        return f"unknown key '{key}'"
    if error["type"] == "literal_error":
        return f"unknown {key} {steps[-1].raw!r} (known: {_known(steps[-1].type)})"
    return f"{key}: {error['msg']}"


def _subject(model, data, steps: list[_Step], loc: tuple) -> tuple[str | None, str | None]:
    """The item a problem concerns (the innermost object whose subject is "item") and a
    prefix naming an object inside it ("choice 'a'"), or outside any item ("section HR")."""
    owners = [((), model, data)] + [(s.path, s.type, s.raw) for s in steps]
    item, prefix = None, None
    for path, tp, raw in owners:
        if not (isinstance(tp, type) and issubclass(tp, Checked) and tp.subject):
            continue
        if tp.subject == "{path}":
            prefix = ".".join(map(str, path)) or None
            continue
        name = tp.subject_of(raw)
        if name is None or loc == (*path, tp.subject_key) and tp.subject != "item":
            continue
        if tp.subject == "item":
            item, prefix = name, None
        else:
            prefix = tp.subject.format(**{tp.subject_key: name})
    return item, prefix
