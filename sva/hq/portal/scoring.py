"""The level a submitted questionnaire feeds, with its explanation, computed at submission.

Only a questionnaire that declares `levels` feeds one. The information-security
questionnaire's answers are read on the SAQ scale and scored by the same level rules the
SAQ import uses (sva.hq.programme.levels), over the information-security questions alone:
an infosec-only response is scored, not refused for lacking the other areas. Its result is
the supplier's SAQ result of that fiscal year (table saq_levels: the figures, the supplier
page, eligibility and planning read it), keeping the other areas' scores of a file import."""
from __future__ import annotations

import dataclasses
from functools import lru_cache

from sva.hq.accounts import now_iso
from sva.hq.portal.questionnaires import TO_SAQ, PortalQuestionnaire
from sva.hq.programme import levels
from sva.hq.programme.responses import SaqResponse
from sva.hq.programme.saq import load_questionnaire
from sva.hq.storage import Tx


@lru_cache(maxsize=1)
def _isec():
    saq = load_questionnaire()
    return saq, levels.load_rules(saq)


def _score(q: PortalQuestionnaire, answers: dict, supplier_code: str, fy: int,
           submitted_on: str) -> levels.SaqResult | None:
    if q.level_rules is None:
        return None
    saq, rules = _isec()
    mapped = {target: TO_SAQ[answers[qid]] for qid, target in q.level_map.items()
              if answers.get(qid) in TO_SAQ}
    response = SaqResponse(supplier_code, fy, submitted_on, f"{q.id} v{q.version}", mapped)
    return levels.score(response, saq, rules)


def level_of(q: PortalQuestionnaire, answers: dict, *, supplier_code: str, fy: int,
             submitted_on: str) -> tuple[str | None, dict]:
    """(level or None, {"en": [...], "ja": [...], "scores": {...}})."""
    result = _score(q, answers, supplier_code, fy, submitted_on)
    if result is None:
        return None, {"en": ["this questionnaire feeds no level"],
                      "ja": ["この調査票はレベルの判定に使われません"], "scores": {}}
    scores = {area: value for area, value in result.area_scores.items() if value is not None}
    return result.isec_level, {"en": result.explanation("en"), "ja": result.explanation("ja"),
                               "scores": scores, "rules_version": result.rules_version}


def feed_programme(tx: Tx, q: PortalQuestionnaire, answers: dict, *, supplier_code: str,
                   fy: int, submitted_on: str) -> None:
    """Record the level as the supplier's SAQ result of the year (in the caller's
    transaction) and move its current level along."""
    from sva.hq.programme_store import SCORE_COLUMNS, refresh_current_levels, save_result
    result = _score(q, answers, supplier_code, fy, submitted_on)
    if result is None:
        return
    before = tx.one("SELECT * FROM saq_levels WHERE supplier_code = ? AND fy = ?",
                    (supplier_code, fy))
    if before is not None:
        kept = {a: before[c] for a, c in SCORE_COLUMNS.items()}
        kept.update({a: v for a, v in result.area_scores.items() if v is not None})
        result = dataclasses.replace(result, area_scores=kept)
    save_result(tx, result, supplier_code, now_iso())
    refresh_current_levels(tx, [supplier_code])
