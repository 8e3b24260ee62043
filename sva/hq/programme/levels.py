"""Scoring rules as data (resources/programme/isec_levels.yaml): area scores 0-100 and the
information-security level of each SAQ response, with the answers that drove it.

History is nothing more than the results keyed by (supplier code, fiscal year)."""
from __future__ import annotations

from dataclasses import dataclass
from pathlib import Path
from typing import Annotated, Literal

from pydantic import Field, ValidationInfo, field_validator, model_validator

from sva.hq.programme.responses import SaqResponse
from sva.hq.programme.saq import Questionnaire
from sva.paths import resource
from sva.validation.checks import Checked, Refusal, Says, TextField
from sva.validation.yaml_file import check_yaml, load_checked
from sva.vocabulary import AREAS


@dataclass(frozen=True)
class KnockOut:
    question: str
    answers: tuple
    at_most: str
    reason: dict


@dataclass(frozen=True)
class LevelRules:
    version: int
    questionnaire: str
    levels: tuple                # best first
    score_area: str
    thresholds: dict             # level -> lowest score; the last level has none
    knock_outs: tuple

    def rank(self, level: str) -> int:
        return self.levels.index(level)


@dataclass(frozen=True)
class Reason:
    kind: str                    # threshold | no_score | knock_out | weak_answer | level
    question: str | None
    text: dict                   # {en, ja}


@dataclass(frozen=True)
class SaqResult:
    supplier_code: str
    fy: int
    submitted_on: str
    saq_ref: str
    rules_version: int
    area_scores: dict            # area -> 0..100 (one decimal) or None when nothing scored
    isec_level: str
    reasons: tuple

    def explanation(self, lang: str = "en") -> list[str]:
        return [r.text[lang] for r in self.reasons]

    @property
    def basis(self) -> str:
        return (f"SAQ {self.saq_ref} FY{self.fy} submitted {self.submitted_on}, "
                f"level rules v{self.rules_version}")


class KnockOutEntry(Checked):
    subject = "item"
    subject_key = "question"
    question: Annotated[str | None, Field(validate_default=True)] = None
    answers: Annotated[list[str], Field(min_length=1),
                       Says("'answers' must be a non-empty list")] = []
    at_most: Annotated[str | None, Field(validate_default=True)] = None
    reason: TextField | None = None

    @field_validator("question")
    @classmethod
    def _asked(cls, value, info: ValidationInfo):
        if value not in info.context["saq"].questions:
            raise Refusal("knock-out names a question the questionnaire does not have")
        return value

    @field_validator("answers")
    @classmethod
    def _on_the_scale(cls, value: list, info: ValidationInfo):
        saq = info.context["saq"]
        for answer in value:
            if info.data.get("question") and saq.choice(answer) is None:
                raise Refusal(f"answer {answer!r} is not on the questionnaire's scale")
        return value

    @field_validator("at_most")
    @classmethod
    def _a_level(cls, value, info: ValidationInfo):
        levels = info.context.get("levels")
        if levels and value not in levels:     # no levels: 'levels' itself is the problem
            raise Refusal(f"at_most must be one of {', '.join(levels)}")
        return value


class LevelRulesFile(Checked):
    version: Annotated[int, Field(ge=1), Says("bad version {value!r}")]
    questionnaire: Annotated[str | None, Field(validate_default=True)] = None
    levels: Annotated[list[str], Field(min_length=2),
                      Says("'levels' must list at least two distinct levels, best first")]
    score_area: Annotated[Literal[AREAS],
                          Says("score_area {value!r} is not an area of the questionnaire")]
    thresholds: Annotated[dict[str, int | float],
                          Says("thresholds must be numbers 0..100, falling from best level")]
    knock_outs: list[Annotated[KnockOutEntry, Says("each knock-out must be a mapping "
                                                   "{{question, answers, at_most}}")]] = []

    @model_validator(mode="before")
    @classmethod
    def _note_levels(cls, data, info: ValidationInfo):
        levels = data.get("levels") if isinstance(data, dict) else None
        if isinstance(levels, list) and 2 <= len(set(map(str, levels))) == len(levels):
            info.context["levels"] = tuple(str(x) for x in levels)
        return data

    @field_validator("questionnaire")
    @classmethod
    def _same_questionnaire(cls, value, info: ValidationInfo):
        saq = info.context["saq"]
        if value != saq.id:
            raise Refusal(f"rules are for questionnaire {value!r}, not {saq.id!r}")
        return value

    @field_validator("levels")
    @classmethod
    def _distinct(cls, value: list):
        if len(set(value)) != len(value):
            raise ValueError("levels twice")
        return value

    @field_validator("score_area")
    @classmethod
    def _asked_area(cls, value, info: ValidationInfo):
        if value not in info.context["saq"].areas:
            raise ValueError("not asked")
        return value

    @field_validator("thresholds")
    @classmethod
    def _one_per_level(cls, value: dict, info: ValidationInfo):
        levels = info.context.get("levels")
        if not levels:
            return value
        if set(value) != set(levels[:-1]):
            raise Refusal(f"thresholds must give a score for each of {', '.join(levels[:-1])}")
        scores = [value[level] for level in levels[:-1]]
        if any(not 0 <= v <= 100 for v in scores) or scores != sorted(scores, reverse=True):
            raise ValueError("not falling")
        return value

    def to_rules(self, saq: Questionnaire) -> LevelRules:
        knock_outs = tuple(KnockOut(k.question, tuple(a.lower() for a in k.answers), k.at_most,
                                    k.reason.model_dump() if k.reason else {})
                           for k in self.knock_outs)
        return LevelRules(self.version, saq.id, tuple(self.levels), self.score_area,
                          dict(self.thresholds), knock_outs)


def rules_from_dict(doc, saq: Questionnaire, file: str = "<rules>"):
    checked, problems = check_yaml(LevelRulesFile, doc, file, context={"saq": saq})
    return (checked.to_rules(saq) if checked else None), problems


def load_rules(saq: Questionnaire, path: str | Path | None = None) -> LevelRules:
    path = Path(path or resource("programme", "isec_levels.yaml"))
    rules = load_checked(LevelRulesFile, path, "level rules are not valid", context={"saq": saq})
    return rules.to_rules(saq)


def area_scores(response: SaqResponse, saq: Questionnaire) -> dict:
    best = saq.max_points
    out = {}
    for area in saq.areas:
        got = possible = 0
        for q in saq.in_area(area):
            choice = saq.choice(response.answers.get(q.id, ""))
            if choice is None or choice.points is None:
                continue
            got += choice.points * q.weight
            possible += best * q.weight
        out[area] = round(100 * got / possible, 1) if possible else None
    return out


def score(response: SaqResponse, saq: Questionnaire, rules: LevelRules) -> SaqResult:
    """Area scores, then the level by threshold, then knock-outs that cap it."""
    scores = area_scores(response, saq)
    isec = scores[rules.score_area]
    reasons = []
    if isec is None:
        level = rules.levels[-1]
        reasons.append(Reason("no_score", None, {
            "en": f"no {rules.score_area} question was answered on the scale → level {level}",
            "ja": f"{rules.score_area} の設問に採点対象の回答がない → レベル {level}"}))
    else:
        level = next((lv for lv in rules.levels[:-1] if isec >= rules.thresholds[lv]),
                     rules.levels[-1])
        limit = rules.thresholds.get(level)
        reasons.append(Reason("threshold", None, {
            "en": f"{rules.score_area} score {isec:.1f} → level {level}"
                  + (f" (threshold {limit})" if limit is not None else " (below every threshold)"),
            "ja": f"{rules.score_area} スコア {isec:.1f} → レベル {level}"
                  + (f"（基準 {limit} 以上）" if limit is not None
                     else "（どの基準にも達しない）")}))
    for ko in rules.knock_outs:
        answer = str(response.answers.get(ko.question, "")).lower()
        if answer not in ko.answers:
            continue
        q = saq.questions[ko.question]
        label = saq.choice(answer).label['ja']
        capped = rules.rank(ko.at_most) > rules.rank(level)
        if capped:
            level = ko.at_most
        why = ko.reason or q.short
        reasons.append(Reason("knock_out", ko.question, {
            "en": f"knock-out {ko.question} ({q.short['en']}) answered '{answer}': {why['en']} "
                  f"→ at most {ko.at_most}" + ("" if capped else " (already at or below)"),
            "ja": f"ノックアウト {ko.question}（{q.short['ja']}）の回答「{label}」: {why['ja']} "
                  f"→ 最高 {ko.at_most}" + ("" if capped else "（既にそれ以下）")}))
    for q in saq.in_area(rules.score_area):
        choice = saq.choice(response.answers.get(q.id, ""))
        if choice is not None and choice.points is not None and choice.points < saq.max_points:
            reasons.append(Reason("weak_answer", q.id, {
                "en": f"{q.id} ({q.short['en']}) answered '{choice.value}': "
                      f"{choice.points} of {saq.max_points} points",
                "ja": f"{q.id}（{q.short['ja']}）の回答「{choice.label['ja']}」: "
                      f"{saq.max_points} 点中 {choice.points} 点"}))
    reasons.append(Reason("level", None, {"en": f"information-security level {level}",
                                          "ja": f"情報セキュリティレベル {level}"}))
    return SaqResult(response.supplier_code, response.fy, response.submitted_on, response.saq_ref,
                     rules.version, scores, level, tuple(reasons))


def score_all(responses, saq: Questionnaire, rules: LevelRules) -> list[SaqResult]:
    return [score(r, saq, rules) for r in responses]


def history(results) -> dict:
    """{(supplier code, fy): result}; of two results for one key the later submission wins."""
    out: dict = {}
    for r in sorted(results, key=lambda r: r.submitted_on):
        out[(r.supplier_code.upper(), r.fy)] = r
    return out


def current(results, as_of_fy: int | None = None) -> dict:
    """{supplier code: result of its latest fiscal year} (only years ≤ as_of_fy if given)."""
    out: dict = {}
    for (code, fy), r in sorted(history(results).items(), key=lambda kv: kv[0][1]):
        if as_of_fy is None or fy <= as_of_fy:
            out[code] = r
    return out
