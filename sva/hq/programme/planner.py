"""Rank suppliers for on-site visits by a transparent score.

score = Σ weight × value over the factors of planning.yaml, each value 0..1. Every row keeps
each factor's value, weight, contribution (rounded to 0.01) and a sentence saying why, and
the score is exactly the sum of the rounded contributions, so a reader can redo the sum."""
from __future__ import annotations

import math
from dataclasses import dataclass

from sva.errors import BadInput
from sva.hq.programme.fiscal import fy_bounds, to_date
from sva.hq.programme.levels import current
from sva.hq.programme.planning_rules import FACTORS, PlanningRules, _norm, load_planning
from sva.vocabulary import SUPPLIER_FLAGS


@dataclass(frozen=True)
class Factor:
    name: str
    value: float
    weight: float
    contribution: float
    detail: str
    detail_ja: str = ""          # the same sentence in Japanese, for the dashboard


@dataclass(frozen=True)
class PlanRow:
    rank: int
    code: str
    name_en: str
    score: float
    factors: tuple
    note: str = ""                # a manager's override and its reason ("included: …")
    note_ja: str = ""             # the same in Japanese (the manager's reason as written)

    def explanation(self) -> list[str]:
        return ([self.note] if self.note else []) + [
            f"{f.name}: {f.weight:g} × {f.value:.2f} = {f.contribution:.2f} ({f.detail})"
            for f in self.factors]


def busy_in_year(visits, assigned, fy: int, kind: str | None = None) -> dict:
    """{supplier code (upper): why it is not planned again} for suppliers visited or with a
    live assignment in the fiscal year (of the same kind when a kind is given)."""
    start, end = fy_bounds(fy)
    out: dict = {}
    for what, rows in (("visited", visits), ("assigned", assigned or ())):
        for r in rows:
            if kind and r.get("kind") != kind:
                continue
            when = to_date(r["date"], field=f"{what} date")
            if start <= when <= end:
                out.setdefault(str(r["supplier_code"]).upper(), f"{what} {when.isoformat()}")
    return out


def plan(suppliers, levels, visits, open_findings, fy: int, capacity: int | None = None,
         kind: str | None = None, weights: dict | None = None,
         rules: PlanningRules | None = None, *, assigned=(), include: dict | None = None,
         exclude: dict | None = None, follow_up: dict | None = None) -> list[PlanRow]:
    """Ranked rows, best reason to visit first (ties by supplier code), at most `capacity`.
    Suppliers visited or assigned in the year (`assigned`: dicts supplier_code, kind, date)
    are never planned again; `exclude` (code -> reason) leaves suppliers out, `include`
    (code -> reason) puts them in ahead of the ranking, within the capacity, and so does
    `follow_up` (code -> why a follow-up visit is due) after them.

    suppliers: dicts (code, name_en, categories, annual_spend, the three flags);
    levels: SAQ results (only fiscal years ≤ fy are used); visits: dicts (supplier_code,
    kind, date) of visits done; open_findings: dicts (supplier_code, severity);
    weights: overrides of the kind's weights from planning.yaml."""
    if kind not in (None, "infosec", "svr"):
        raise BadInput(f"unknown visit kind {kind!r} (infosec or svr)", field="kind")
    if capacity is not None and (not isinstance(capacity, int) or capacity < 0):
        raise BadInput("capacity must be a whole number ≥ 0", field="capacity")
    rules = rules or load_planning()
    w = rules.weights_for(kind, weights)
    start = fy_bounds(fy)[0]
    latest = current(levels, as_of_fy=fy)
    last_visit: dict = {}
    for v in visits:
        if kind and v.get("kind") != kind:
            continue
        code, when = str(v["supplier_code"]).upper(), to_date(v["date"], field="visit date")
        if code not in last_visit or when > last_visit[code]:
            last_visit[code] = when
    busy = busy_in_year(visits, assigned, fy, kind)
    exclude = {str(c).upper(): r for c, r in (exclude or {}).items()}
    # (English, Japanese) per supplier; a follow-up reason is {en, ja} or plain text
    notes = {str(c).upper(): (f"follow-up: {_text(r, 'en')}", f"フォローアップ: {_text(r, 'ja')}")
             for c, r in (follow_up or {}).items()}
    notes.update({str(c).upper(): (f"included: {r}", f"追加: {r}")
                  for c, r in (include or {}).items()})
    first = {c: 0 if c in {str(k).upper() for k in include or ()} else 1 for c in notes}
    open_by: dict = {}
    for f in open_findings:
        open_by.setdefault(str(f["supplier_code"]).upper(), []).append(f["severity"])
    scored = []
    for s in suppliers:
        if s.get("deleted"):
            continue
        code = str(s["code"]).upper()
        if code in busy or code in exclude:
            continue
        values = _values(rules, kind or "any", s, latest.get(code), last_visit.get(code),
                         open_by.get(code, []), start, level_counts=w["isec_level"] > 0)
        parts = [(name, round(values[name][0], 4)) for name in FACTORS]
        parts = [(name, v, round(w[name] * v, 2)) for name, v in parts]
        total = round(sum(c for _, _, c in parts), 2)
        scored.append((-total, str(s["code"]), s, total, parts, values))
    scored.sort(key=lambda t: (t[0], t[1]))
    if notes:
        scored.sort(key=lambda t: first.get(t[1].upper(), 2))      # stable: ranks kept
    if capacity is not None:
        scored = scored[:capacity]
    # Sentences are written only for the rows returned: most of 20,000 never need them.
    return [PlanRow(i, code, s.get("name_en", ""), total,
                    tuple(Factor(name, v, w[name], c, _DETAIL[name](*values[name][1]),
                                 _DETAIL_JA[name](*values[name][1]))
                          for name, v, c in parts),
                    *notes.get(code.upper(), ("", "")))
            for i, (_, code, s, total, parts, values) in enumerate(scored, start=1)]


def _text(reason, lang: str) -> str:
    return reason.get(lang) or reason.get("en", "") if isinstance(reason, dict) else str(reason)


def _values(rules, kind, s, result, last, severities, start, *, level_counts=True) -> dict:
    """factor -> (value 0..1, facts for its sentence); sentences are written by _DETAIL.
    The ISEC SAQ score is counted once: when the infosec level (made from it) has a weight,
    saq_results leaves ISEC out."""
    f = rules.factors
    ts = f["transaction_scale"]
    spend = int(s.get("annual_spend") or 0)
    lo, hi = math.log10(ts["spend_floor"]), math.log10(ts["spend_full"])
    out = {"transaction_scale": (0.0 if spend <= 0 else min(1.0, max(0.0, (
        math.log10(spend) - lo) / (hi - lo))), (spend, ts["spend_floor"], ts["spend_full"]))}
    ic = f["info_criticality"]
    cats = [(ic["categories"].get(_norm(c), ic["default"]), c) for c in s.get("categories") or ()]
    top = max(cats, key=lambda vc: vc[0]) if cats else (ic["default"], None)
    out["info_criticality"] = (top[0], (top[1],))
    level = result.isec_level if result else "none"
    out["isec_level"] = (f["isec_level"][level], (level, result.fy if result else None))
    areas = [a for a in f["saq_results"]["areas"][kind] if not (level_counts and a == "ISEC")]
    got = [g for g in (result.area_scores.get(a) for a in areas) if g is not None] if result else []
    mean = sum(got) / len(got) if got else None
    out["saq_results"] = (0.0 if not areas else f["saq_results"]["missing"] if mean is None
                          else 1 - mean / 100, (areas, mean))
    flags = [fl for fl in SUPPLIER_FLAGS if s.get(fl)]
    out["critical_flags"] = (len(flags) / len(SUPPLIER_FLAGS), (flags,))
    years = None if last is None else max(0.0, (start - last).days / 365.25)
    full = f["years_since_visit"]["full_after_years"]
    out["years_since_visit"] = (1.0 if years is None else min(1.0, years / full),
                                (last, years, kind))
    of = f["open_findings"]
    points = sum(of["points"].get(sev, 0.0) for sev in severities)
    out["open_findings"] = (min(1.0, points / of["full_at"]), (severities,))
    rf = f["region"]
    region = s.get("region") or ""
    out["region"] = (rf["regions"].get(region, rf["default"]), (region,))
    return out


def _open_text(severities) -> str:
    counts = {sev: severities.count(sev) for sev in dict.fromkeys(severities)}
    if not counts:
        return "no open findings"
    return ", ".join(f"{n} {sev}" for sev, n in counts.items()) + " open"


_DETAIL = {
    "transaction_scale": lambda spend, lo, hi:
        f"annual spend ¥{spend:,} (log scale ¥{lo:,} → 0, ¥{hi:,} → 1)",
    "info_criticality": lambda category:
        f"most sensitive category: {category}" if category else "no category given: default",
    "isec_level": lambda level, fy:
        f"level {level} from FY{fy} SAQ" if fy is not None else "no SAQ result yet",
    "saq_results": lambda areas, mean:
        "ISEC score counted once, in isec_level" if not areas
        else f"mean {'/'.join(areas)} SAQ score {mean:.1f}" if mean is not None
        else f"no {'/'.join(areas)} SAQ score",
    "critical_flags": lambda flags: "critical: " + ", ".join(flags) if flags else "not critical",
    "years_since_visit": lambda last, years, kind:
        f"last visit {last.isoformat()}, {years:.1f} years before FY start" if last
        else "never visited" + (f" ({kind})" if kind != "any" else ""),
    "open_findings": _open_text,
    "region": lambda region: f"region {region or 'unknown'}",
}


def _category_ja(category: str) -> str:
    from sva.hq.programme.figures_render import _labels
    return _labels()["ja"].get("categories", {}).get(category, category)


_SEVERITY_JA = {"significant": "重大", "minor": "軽微", "observation": "観察事項",
                "good_practice": "良好事例"}


def _open_text_ja(severities) -> str:
    counts = {sev: severities.count(sev) for sev in dict.fromkeys(severities)}
    if not counts:
        return "未完了の指摘なし"
    return "未完了: " + "、".join(f"{_SEVERITY_JA.get(sev, sev)} {n} 件"
                                 for sev, n in counts.items())


_DETAIL_JA = {
    "transaction_scale": lambda spend, lo, hi:
        f"年間取引額 ¥{spend:,}（対数目盛: ¥{lo:,} → 0、¥{hi:,} → 1）",
    "info_criticality": lambda category:
        f"最も機密性の高いカテゴリ: {_category_ja(category)}" if category
        else "カテゴリ未登録: 既定値",
    "isec_level": lambda level, fy:
        f"FY{fy} の自己評価によるレベル {level}" if fy is not None else "自己評価の結果なし",
    "saq_results": lambda areas, mean:
        "ISEC の点数は情報セキュリティレベルで一度だけ算入" if not areas
        else f"{'/'.join(areas)} の自己評価平均点 {mean:.1f}" if mean is not None
        else f"{'/'.join(areas)} の自己評価点なし",
    "critical_flags": lambda flags: "重要サプライヤー区分: " + "、".join(
        {"large_amount": "大口取引", "rare_product": "希少品", "hard_to_replace": "代替困難"}
        .get(f, f) for f in flags) if flags else "重要サプライヤーではない",
    "years_since_visit": lambda last, years, kind:
        f"前回訪問 {last.isoformat()}（年度開始の {years:.1f} 年前）" if last
        else "訪問実績なし",
    "open_findings": _open_text_ja,
    "region": lambda region: f"地域 {region or '不明'}",
}
