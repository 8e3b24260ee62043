"""The self-assessment questionnaire (SAQ) as data: load `resources/saq/*.yaml` and report
every problem with file, line and question id, like the checklist loader does."""
from __future__ import annotations

from dataclasses import dataclass, field
from pathlib import Path

from sva.checklists.loader import Problem, _Checker, _ID, _parse
from sva.vocabulary import AREAS, LANGS
from sva.errors import BadInput
from sva.paths import resource


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
        self._by_value = {c.value.lower(): c for c in everything}
        self.max_points = max((c.points for c in self.scale), default=0)
        self._by_area = {a: [q for q in self.questions.values() if q.area == a]
                         for a in self.areas}

    @property
    def ref(self) -> str:
        return f"{self.id}@{self.version}"


    def choice(self, value: str) -> Choice | None:
        """The choice a typed answer means (case-insensitive), or None."""
        return self._by_value.get(str(value).strip().lower())

    def allowed(self, question: Question) -> list[str]:
        values = [c.value for c in self.scale]
        if question.allow_na and self.not_applicable:
            values.append(self.not_applicable.value)
        return values

    def in_area(self, area: str) -> list[Question]:
        return self._by_area.get(area, [])


def questionnaire_from_dict(doc, file: str = "<saq>") -> tuple[Questionnaire | None, list[Problem]]:
    c = _Checker(file)
    if not isinstance(doc, dict):
        c.add(doc, None, "the file must hold a mapping with id, version, title, scale, areas")
        return None, c.problems
    qid = doc.get("id")
    if not isinstance(qid, str) or not _ID.match(qid):
        c.add(doc, None, f"bad questionnaire id {qid!r}")
    version = doc.get("version")
    if not isinstance(version, int) or isinstance(version, bool) or version < 1:
        c.add(doc, None, f"bad version {version!r}: must be a positive whole number")
    title = c.text(doc, "title", None, "questionnaire")
    scale = _scale(c, doc)
    na = None
    if doc.get("not_applicable") is not None:
        raw = doc["not_applicable"]
        if not isinstance(raw, dict) or not str(raw.get("value") or "").strip():
            c.add(doc, None, "not_applicable must be a mapping {value, en, ja}")
        else:
            na = Choice(str(raw["value"]), None, _labels(c, raw, f"answer {raw['value']!r}"))
            if any(ch.value.lower() == na.value.lower() for ch in scale):
                c.add(raw, None, f"answer {na.value!r} is both on the scale and not applicable")
    areas, questions = {}, {}
    raw_areas = doc.get("areas")
    if not isinstance(raw_areas, list) or not raw_areas:
        c.add(doc, None, "'areas' must be a non-empty list")
        raw_areas = []
    for a in raw_areas:
        if not isinstance(a, dict):
            c.add(doc, None, "each area must be a mapping")
            continue
        code = a.get("id")
        if code not in AREAS:
            c.add(a, None, f"unknown risk area {code!r} (known: {', '.join(AREAS)})")
        elif code in areas:
            c.add(a, None, f"area {code} appears twice")
        areas[code] = c.text(a, "title", None, f"area {code}")
        raw_qs = a.get("questions")
        if not isinstance(raw_qs, list) or not raw_qs:
            c.add(a, None, f"area {code}: 'questions' must be a non-empty list")
            raw_qs = []
        for raw in raw_qs:
            q = _question(c, raw, code, questions, na is not None)
            if q is not None:
                questions[q.id] = q
    if c.problems:
        return None, c.problems
    return Questionnaire(qid, version, title, scale, na, areas, questions), []


def _labels(c: _Checker, raw: dict, where: str) -> dict:
    for lang in LANGS:
        if not str(raw.get(lang) or "").strip():
            c.add(raw, None, f"{where}: missing {lang} text")
    return {lang: str(raw.get(lang) or "") for lang in LANGS}


def _scale(c: _Checker, doc: dict) -> tuple:
    raw = doc.get("scale")
    if not isinstance(raw, list) or len(raw) < 2:
        c.add(doc, None, "'scale' must list at least two answers {value, points, en, ja}")
        return ()
    out, seen = [], set()
    for ch in raw:
        if not isinstance(ch, dict) or not str(ch.get("value") or "").strip():
            c.add(doc, None, "each scale answer must be a mapping with a value")
            continue
        value, points = str(ch["value"]), ch.get("points")
        if value.lower() in seen:
            c.add(ch, None, f"answer {value!r} appears twice on the scale")
        seen.add(value.lower())
        if not isinstance(points, int) or isinstance(points, bool) or points < 0:
            c.add(ch, None, f"answer {value!r}: points must be a whole number ≥ 0, got {points!r}")
            points = 0
        out.append(Choice(value, points, _labels(c, ch, f"answer {value!r}")))
    if out and max(ch.points for ch in out) == 0:
        c.add(doc, None, "at least one scale answer must give points")
    return tuple(sorted(out, key=lambda ch: -ch.points))


def _question(c: _Checker, raw, area, seen: dict, has_na: bool) -> Question | None:
    if not isinstance(raw, dict):
        c.add(raw, None, f"area {area}: each question must be a mapping")
        return None
    before = len(c.problems)
    qid = raw.get("id")
    if not isinstance(qid, str) or not _ID.match(qid):
        c.add(raw, None, f"bad question id {qid!r}")
        qid = str(qid)
    elif qid in seen:
        c.add(raw, qid, "duplicate question id")
    elif qid.lower() in ("supplier_code", "fiscal_year", "submitted_on"):
        c.add(raw, qid, "question id clashes with a column of the responses file")
    short = c.text(raw, "short", qid, "short title")
    text = c.text(raw, "text", qid, "question")
    weight = raw.get("weight", 1)
    if not isinstance(weight, int) or isinstance(weight, bool) or not 1 <= weight <= 5:
        c.add(raw, qid, f"weight must be a whole number 1..5, got {weight!r}")
    allow_na = raw.get("allow_na", False)
    if not isinstance(allow_na, bool):
        c.add(raw, qid, f"'allow_na' must be true or false, got {allow_na!r}")
    elif allow_na and not has_na:
        c.add(raw, qid, "allow_na is set but the questionnaire defines no not_applicable answer")
    if len(c.problems) > before:
        return None
    return Question(qid, area, short, text, weight, allow_na)


def validate_file(path: str | Path) -> list[Problem]:
    doc, problems = _parse(Path(path))
    return problems or questionnaire_from_dict(doc, str(path))[1]


def load_questionnaire(path: str | Path | None = None) -> Questionnaire:
    """Load and validate (default: the shipped resources/saq/saq.yaml); BadInput lists all."""
    path = Path(path or resource("saq", "saq.yaml"))
    doc, problems = _parse(path)
    saq = None
    if not problems:
        saq, problems = questionnaire_from_dict(doc, str(path))
    if problems:
        raise BadInput("questionnaire is not valid:\n" + "\n".join(str(p) for p in problems),
                       file=str(path))
    return saq
