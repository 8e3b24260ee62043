"""Load a checklist YAML and report *every* problem with file, line and item id.

The YAML is parsed with a loader that remembers the line of each mapping, so a message
can point the author at the exact place ("svr.yaml:132: item SVR-HR-04: ...").
"""
from __future__ import annotations

import math
import re
from dataclasses import dataclass
from functools import lru_cache
from pathlib import Path

from sva.checklists.model import Item, Section, Template
from sva.errors import BadInput
from sva.vocabulary import (ANSWER_TYPES, AREAS, AUDIT_KINDS as KINDS,
                            EVIDENCE_METHODS as EVIDENCE, LANGS, PHOTO_TRIGGERS)


class _LineDict(dict):
    line = 0


@lru_cache(maxsize=1)
def _line_loader():
    """The YAML loader class, built on first use: opening a workspace reads stored templates
    (JSON) and never needs PyYAML, whose import was a noticeable part of the app's start-up."""
    import yaml

    class _LineLoader(yaml.SafeLoader):
        def construct_mapping(self, node, deep=False):
            mapping = _LineDict(super().construct_mapping(node, deep=deep))
            mapping.line = node.start_mark.line + 1
            return mapping

    _LineLoader.add_constructor(yaml.resolver.BaseResolver.DEFAULT_MAPPING_TAG,
                                _LineLoader.construct_mapping)
    return _LineLoader


@dataclass(frozen=True)
class Problem:
    file: str
    line: int
    item: str | None
    message: str

    def __str__(self) -> str:
        where = f"item {self.item}: " if self.item else ""
        return f"{self.file}:{self.line}: {where}{self.message}"


_ID = re.compile(r"^[A-Za-z][A-Za-z0-9_.-]{0,63}$")


class _Checker:
    def __init__(self, file: str):
        self.file = file
        self.problems: list[Problem] = []

    def add(self, node, item, message):
        self.problems.append(Problem(self.file, getattr(node, "line", 0), item, message))

    def text(self, node, key, item, where):
        value = node.get(key) if isinstance(node, dict) else None
        if not isinstance(value, dict):
            self.add(node, item, f"{where}: '{key}' must be a mapping with 'en' and 'ja'")
            return {}
        for lang in LANGS:
            if not isinstance(value.get(lang), str) or not value.get(lang).strip():
                name = {"en": "English", "ja": "Japanese"}[lang]
                self.add(value, item, f"{where}: missing {name} text ({key}.{lang})")
        return {lang: str(value.get(lang) or "") for lang in LANGS}


def template_from_dict(doc, file: str = "<template>") -> tuple[Template | None, list[Problem]]:
    """Validate a parsed document; returns (template, problems). Template is None on problems."""
    c = _Checker(file)
    if not isinstance(doc, dict):
        c.add(doc, None, "the file must hold a mapping with id, version, kind, title, sections")
        return None, c.problems
    tid = doc.get("id")
    if not isinstance(tid, str) or not _ID.match(tid):
        c.add(doc, None, f"bad template id {tid!r}")
    version = doc.get("version")
    if not isinstance(version, int) or isinstance(version, bool) or version < 1:
        c.add(doc, None, f"bad version {version!r}: must be a positive whole number")
    kind = doc.get("kind")
    if kind not in KINDS:
        c.add(doc, None, f"unknown kind {kind!r} (known: {', '.join(KINDS)})")
    title = c.text(doc, "title", None, "template")
    sections_raw = doc.get("sections")
    if not isinstance(sections_raw, list) or not sections_raw:
        c.add(doc, None, "'sections' must be a non-empty list")
        sections_raw = []
    seen: dict[str, int] = {}
    sections, items = [], {}
    for s in sections_raw:
        if not isinstance(s, dict):
            c.add(doc, None, "each section must be a mapping")
            continue
        sid = s.get("id")
        if not isinstance(sid, str) or not _ID.match(sid):
            c.add(s, None, f"bad section id {sid!r}")
            sid = str(sid)
        stitle = c.text(s, "title", None, f"section {sid}")
        sec_items = []
        raw_items = s.get("items")
        if not isinstance(raw_items, list) or not raw_items:
            c.add(s, None, f"section {sid}: 'items' must be a non-empty list")
            raw_items = []
        for raw in raw_items:
            item = _item(c, raw, sid, seen)
            if item is not None:
                sec_items.append(item)
                items[item.id] = item
        sections.append(Section(sid, stitle, tuple(sec_items)))
    if c.problems:
        return None, c.problems
    return Template(tid, version, kind, title, tuple(sections), items), []


def _item(c: _Checker, raw, section_id: str, seen: dict[str, int]) -> Item | None:
    if not isinstance(raw, dict):
        c.add(raw, None, f"section {section_id}: each item must be a mapping")
        return None
    before = len(c.problems)
    iid = raw.get("id")
    if not isinstance(iid, str) or not _ID.match(iid):
        c.add(raw, None, f"bad item id {iid!r}")
        iid = str(iid)
    elif iid in seen:
        c.add(raw, iid, f"duplicate item id (first at line {seen[iid]})")
    else:
        seen[iid] = getattr(raw, "line", 0)
    area = raw.get("area")
    if area not in AREAS:
        c.add(raw, iid, f"unknown risk area {area!r} (known: {', '.join(AREAS)})")
    question = c.text(raw, "question", iid, "question")
    guidance = c.text(raw, "guidance", iid, "guidance")
    evidence = raw.get("evidence")
    if (not isinstance(evidence, list) or not evidence
            or any(e not in EVIDENCE for e in evidence)):
        c.add(raw, iid, f"evidence must be a non-empty list of {', '.join(EVIDENCE)}; "
                        f"got {evidence!r}")
        evidence = []
    answer = raw.get("answer")
    if answer not in ANSWER_TYPES:
        c.add(raw, iid, f"unknown answer type {answer!r} (known: {', '.join(ANSWER_TYPES)})")
    choices = raw.get("choices") or []
    if answer == "choice":
        if (not isinstance(choices, list) or not choices
                or any(not isinstance(ch, dict) or not ch.get("value") for ch in choices)):
            c.add(raw, iid, "a choice item needs 'choices': a list of {value, en, ja}")
            choices = []
        else:
            for ch in choices:
                for lang in LANGS:
                    if not str(ch.get(lang) or "").strip():
                        c.add(ch, iid, f"choice {ch.get('value')!r}: missing {lang} text")
    required = raw.get("required", True)
    if not isinstance(required, bool):
        c.add(raw, iid, f"'required' must be true or false, got {required!r}")
    photo_on = raw.get("photo_required_on", [])
    if not isinstance(photo_on, list) or any(p not in PHOTO_TRIGGERS for p in photo_on):
        c.add(raw, iid, f"photo_required_on must be a list of {', '.join(PHOTO_TRIGGERS)}")
        photo_on = []
    weight = raw.get("weight", 1)
    if not isinstance(weight, int) or isinstance(weight, bool) or not 1 <= weight <= 5:
        c.add(raw, iid, f"weight must be a whole number 1..5, got {weight!r}")
    low, high, decimals = _number_rules(c, raw, iid, answer)
    if len(c.problems) > before:
        return None
    return Item(iid, area, question, guidance, tuple(evidence), answer, required,
                tuple(photo_on), weight, section_id,
                tuple((str(ch["value"]), {lang: str(ch[lang]) for lang in LANGS})
                      for ch in choices),
                low, high, decimals)


def _number_rules(c: _Checker, raw: dict, iid: str, answer) -> tuple:
    """`min`, `max` and `decimals` of a number item: (min, max, decimals), each checked."""
    given = [key for key in ("min", "max", "decimals") if raw.get(key) is not None]
    if answer != "number":
        for key in given:
            c.add(raw, iid, f"'{key}' only applies to number items (this one is {answer!r})")
        return None, None, True
    decimals = raw.get("decimals", True)
    if not isinstance(decimals, bool):
        c.add(raw, iid, f"'decimals' must be true or false, got {decimals!r}")
        decimals = True
    limits = {}
    for key in ("min", "max"):
        value = raw.get(key)
        if value is None:
            continue
        if (not isinstance(value, (int, float)) or isinstance(value, bool)
                or not math.isfinite(value)):
            c.add(raw, iid, f"'{key}' must be a number, got {value!r}")
        elif not decimals and value != int(value):
            c.add(raw, iid, f"'{key}' {value!r} is not a whole number, but the item takes "
                            "whole numbers only (decimals: false)")
        else:
            limits[key] = value
    low, high = limits.get("min"), limits.get("max")
    if low is not None and high is not None and low > high:
        c.add(raw, iid, f"'min' {low!r} is above 'max' {high!r}")
    return low, high, decimals


def _parse(path: Path):
    try:
        text = path.read_text("utf-8")
    except (OSError, UnicodeDecodeError) as exc:
        return None, [Problem(str(path), 0, None, f"cannot read: {exc}")]
    import yaml

    try:
        return yaml.load(text, Loader=_line_loader()), []
    except yaml.YAMLError as exc:
        mark = getattr(exc, "problem_mark", None)
        line = mark.line + 1 if mark else 0
        return None, [Problem(str(path), line, None,
                              f"not valid YAML: {getattr(exc, 'problem', exc)}")]


def validate_file(path: str | Path) -> list[Problem]:
    path = Path(path)
    doc, problems = _parse(path)
    if problems:
        return problems
    return template_from_dict(doc, str(path))[1]


def load_template(path: str | Path) -> Template:
    """Load and validate; raises BadInput listing every problem."""
    path = Path(path)
    doc, problems = _parse(path)
    template = None
    if not problems:
        template, problems = template_from_dict(doc, str(path))
    if problems:
        raise BadInput("checklist is not valid:\n" + "\n".join(str(p) for p in problems),
                       file=str(path))
    return template
