"""Scoring rules as data (resources/programme/isec_levels.yaml): area scores 0-100 and the
information-security level of each SAQ response, with the answers that drove it.

History is nothing more than the results keyed by (supplier code, fiscal year)."""
from __future__ import annotations

from dataclasses import dataclass
from pathlib import Path

from sva.checklists.loader import _Checker, _parse
from sva.vocabulary import AREAS
from sva.errors import BadInput
from sva.hq.programme.responses import SaqResponse
from sva.hq.programme.saq import Questionnaire
from sva.paths import resource


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


def rules_from_dict(doc, saq: Questionnaire, file: str = "<rules>"):
    c = _Checker(file)
    if not isinstance(doc, dict):
        c.add(doc, None, "the file must hold a mapping")
        return None, c.problems
    version = doc.get("version")
    if not isinstance(version, int) or isinstance(version, bool) or version < 1:
        c.add(doc, None, f"bad version {version!r}")
    if doc.get("questionnaire") != saq.id:
        c.add(doc, None, f"rules are for questionnaire {doc.get('questionnaire')!r}, "
                         f"not {saq.id!r}")
    levels = doc.get("levels")
    if not isinstance(levels, list) or len(levels) < 2 or len(set(map(str, levels))) != len(levels):
        c.add(doc, None, "'levels' must list at least two distinct levels, best first")
        levels = []
    levels = tuple(str(x) for x in levels)
    area = doc.get("score_area")
    if area not in AREAS or area not in saq.areas:
        c.add(doc, None, f"score_area {area!r} is not an area of the questionnaire")
    thresholds = doc.get("thresholds")
    if not isinstance(thresholds, dict) or set(thresholds) != set(levels[:-1]):
        c.add(doc, None, f"thresholds must give a score for each of {', '.join(levels[:-1])}")
        thresholds = {}
    else:
        values = [thresholds[lv] for lv in levels[:-1]]
        if any(not isinstance(v, (int, float)) or isinstance(v, bool) or not 0 <= v <= 100
               for v in values) or values != sorted(values, reverse=True):
            c.add(thresholds, None, "thresholds must be numbers 0..100, falling from best level")
    knock_outs = []
    for raw in doc.get("knock_outs") or []:
        ko = _knock_out(c, raw, saq, levels)
        if ko:
            knock_outs.append(ko)
    if c.problems:
        return None, c.problems
    return LevelRules(version, saq.id, levels, area, dict(thresholds), tuple(knock_outs)), []


def _knock_out(c: _Checker, raw, saq: Questionnaire, levels) -> KnockOut | None:
    if not isinstance(raw, dict):
        c.add(raw, None, "each knock-out must be a mapping {question, answers, at_most}")
        return None
    before = len(c.problems)
    qid = raw.get("question")
    question = saq.questions.get(qid)
    if question is None:
        c.add(raw, qid, "knock-out names a question the questionnaire does not have")
    answers = raw.get("answers")
    if not isinstance(answers, list) or not answers:
        c.add(raw, qid, "'answers' must be a non-empty list")
        answers = []
    for a in answers:
        if question is not None and saq.choice(a) is None:
            c.add(raw, qid, f"answer {a!r} is not on the questionnaire's scale")
    if raw.get("at_most") not in levels:
        c.add(raw, qid, f"at_most must be one of {', '.join(levels)}")
    reason = raw.get("reason") or {}
    if reason:
        reason = c.text(raw, "reason", qid, "reason")
    if len(c.problems) > before:
        return None
    return KnockOut(qid, tuple(str(a).lower() for a in answers), raw["at_most"], reason)


def load_rules(saq: Questionnaire, path: str | Path | None = None) -> LevelRules:
    path = Path(path or resource("programme", "isec_levels.yaml"))
    doc, problems = _parse(path)
    rules = None
    if not problems:
        rules, problems = rules_from_dict(doc, saq, str(path))
    if problems:
        raise BadInput("level rules are not valid:\n" + "\n".join(str(p) for p in problems),
                       file=str(path))
    return rules


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
