"""The level a submitted questionnaire feeds, with its explanation, computed at submission.

Only a questionnaire that declares `levels` feeds one. The information-security
questionnaire's answers are read on the SAQ scale and scored by the same level rules the
SAQ import uses (sva.hq.programme.levels), over the information-security questions alone:
an infosec-only response is scored, not refused for lacking the other areas."""
from __future__ import annotations

from functools import lru_cache

from sva.hq.portal.questionnaires import TO_SAQ, PortalQuestionnaire
from sva.hq.programme import levels
from sva.hq.programme.responses import SaqResponse
from sva.hq.programme.saq import load_questionnaire


@lru_cache(maxsize=1)
def _isec():
    saq = load_questionnaire()
    return saq, levels.load_rules(saq)


def level_of(q: PortalQuestionnaire, answers: dict, *, supplier_code: str, fy: int,
             submitted_on: str) -> tuple[str | None, dict]:
    """(level or None, {"en": [...], "ja": [...], "scores": {...}})."""
    if q.level_rules is None:
        return None, {"en": ["this questionnaire feeds no level"],
                      "ja": ["この調査票はレベルの判定に使われません"], "scores": {}}
    saq, rules = _isec()
    mapped = {target: TO_SAQ[answers[qid]] for qid, target in q.level_map.items()
              if answers.get(qid) in TO_SAQ}
    response = SaqResponse(supplier_code, fy, submitted_on, f"{q.id} v{q.version}", mapped)
    result = levels.score(response, saq, rules)
    scores = {area: value for area, value in result.area_scores.items() if value is not None}
    return result.isec_level, {"en": result.explanation("en"), "ja": result.explanation("ja"),
                               "scores": scores, "rules_version": result.rules_version}
