"""What each dashboard page shows, scoped by role: managers and admins see everything, an
auditor sees only their own assignments and audits (and the suppliers and findings of
those). Anything outside the scope looks like nothing at all (None / empty).

Nothing here trusts what is stored to be well-formed: a date that is not a date, a year out
of range or an unknown code (rows stored before pushes were validated) is shown as it is or
left out, never an error page."""
from __future__ import annotations

import json
from datetime import date

from sva.hq.audits import held_blobs
from sva.hq.programme.fiscal import fy_bounds, fy_of
from sva.hq.programme_store import UNCLOSED_FINDING_STATUSES, load_results
from sva.hq.storage import Tx
from sva.vocabulary import CAP_SEVERITIES, CAP_SYNC_FIELDS, ROLES_SEEING_ALL, SEVERITIES


def sees_all(who: dict) -> bool:
    return who["role"] in ROLES_SEEING_ALL


def fiscal_years(tx: Tx) -> list[int]:
    """Years with SAQ results or visits, newest first; the current FY when there is none."""
    years = {int(r["fy"]) for r in tx.all("SELECT DISTINCT fy FROM saq_levels")}
    lo, hi = date(SANE_YEARS[0], 4, 1).isoformat(), date(SANE_YEARS[1], 3, 31).isoformat()
    for r in tx.all("SELECT MIN(visit_date) AS lo, MAX(visit_date) AS hi FROM audits "
                    "WHERE visit_date >= ? AND visit_date <= ?", (lo, hi)):
        first, last = _day(r["lo"]), _day(r["hi"])
        if first and last:
            years |= set(range(fy_of(first), fy_of(last) + 1))
    years = {y for y in years if SANE_YEARS[0] <= y <= SANE_YEARS[1]}
    return sorted(years, reverse=True) or [fy_of(date.today())]


SANE_YEARS = (2000, 2100)


def _day(value) -> date | None:
    """A stored date, or None if it is not one (rows from before pushes were validated)."""
    try:
        return date.fromisoformat(str(value)[:10]) if value else None
    except ValueError:
        return None


def default_fy(years: list[int]) -> int:
    """The latest year that has started, else the earliest known."""
    current = fy_of(date.today())
    started = [y for y in years if y <= current]
    return started[0] if started else years[-1]


def _scope(who: dict, alias: str = "a") -> tuple[str, tuple]:
    return ("", ()) if sees_all(who) else (f" AND {alias}.owner_id = ?", (who["id"],))


def my_assignments(tx: Tx, who: dict) -> list[dict]:
    """The auditor's assignments whose audit has not come in yet."""
    return tx.all("SELECT asg.id, asg.kind, asg.planned_date, s.code, s.name_en, s.name_ja, "
                  "st.name AS site FROM assignments asg JOIN suppliers s ON s.id = "
                  "asg.supplier_id JOIN sites st ON st.id = asg.site_id WHERE asg.deleted = 0 "
                  "AND asg.auditor_id = ? AND NOT EXISTS (SELECT 1 FROM audits a WHERE "
                  "a.assignment_id = asg.id) ORDER BY asg.planned_date, s.code", (who["id"],))


def audits_list(tx: Tx, who: dict, *, fy: int | None = None, code: str | None = None,
                limit: int = 500) -> list[dict]:
    where, args = _scope(who)
    if fy is not None:
        start, end = fy_bounds(fy)
        where += " AND a.visit_date >= ? AND a.visit_date <= ?"
        args += (start.isoformat(), end.isoformat())
    if code:
        where += " AND a.supplier_code = ?"
        args += (code,)
    return tx.all("SELECT a.id, a.supplier_code, a.kind, a.visit_date, a.status, "
                  "u.name AS auditor, s.name_en, s.name_ja, (SELECT COUNT(*) FROM findings f "
                  "WHERE f.audit_id = a.id AND f.fact_deleted = 0) AS findings "
                  "FROM audits a JOIN users u ON u.id = a.owner_id LEFT JOIN suppliers s "
                  f"ON s.code = a.supplier_code WHERE 1 = 1{where} "
                  f"ORDER BY a.visit_date DESC, a.id LIMIT {int(limit)}", args)


def open_findings(tx: Tx, who: dict, *, code: str | None = None, today: date | None = None,
                  status: str | None = None) -> list[dict]:
    """Open findings that need a CAP, overdue first (most days overdue first), then by due."""
    today = (today or date.today()).isoformat()
    where, args = _scope(who)
    statuses = (status,) if status in UNCLOSED_FINDING_STATUSES else UNCLOSED_FINDING_STATUSES
    where += f" AND f.status IN ({', '.join('?' for _ in statuses)})"
    args += statuses
    if code:
        where += " AND a.supplier_code = ?"
        args += (code,)
    rows = tx.all(
        "SELECT f.id, f.audit_id, f.item_id, f.area, f.severity, f.status, f.due_date, "
        "f.observed, f.corrective_action, f.responsible, f.planned_date, a.supplier_code, "
        "a.visit_date, a.kind, u.name AS auditor, s.name_en, s.name_ja FROM findings f "
        "JOIN audits a ON a.id = f.audit_id JOIN users u ON u.id = a.owner_id "
        "LEFT JOIN suppliers s ON s.code = a.supplier_code "
        f"WHERE f.fact_deleted = 0 AND f.severity IN (?, ?){where}",
        (*CAP_SEVERITIES, *args))
    for r in rows:
        due = _day(r["due_date"])
        r["overdue_days"] = (date.fromisoformat(today) - due).days \
            if due and due.isoformat() < today else 0
    rows.sort(key=lambda r: (-r["overdue_days"], str(r["due_date"] or "9999"),
                             str(r["supplier_code"]), r["id"]))
    return rows


def supplier_visible(tx: Tx, who: dict, code: str) -> dict | None:
    s = tx.one("SELECT * FROM suppliers WHERE code = ? AND deleted = 0", (code,))
    if s is None or sees_all(who):
        return s
    mine = tx.scalar("SELECT COUNT(*) FROM audits WHERE supplier_code = ? AND owner_id = ?",
                     (code, who["id"])) or tx.scalar(
        "SELECT COUNT(*) FROM assignments WHERE supplier_id = ? AND auditor_id = ? "
        "AND deleted = 0", (s["id"], who["id"]))
    return s if mine else None


def supplier_page(tx: Tx, who: dict, code: str) -> dict | None:
    s = supplier_visible(tx, who, code)
    if s is None:
        return None
    s["categories"] = json.loads(s["categories"] or "[]")
    return {"supplier": s, "results": load_results(tx, code=code),
            "sites": tx.all("SELECT * FROM sites WHERE supplier_id = ? AND deleted = 0 "
                            "ORDER BY name", (s["id"],)),
            "audits": audits_list(tx, who, code=code),
            "open": open_findings(tx, who, code=code)}


def suppliers_list(tx: Tx, who: dict, q: str = "", limit: int = 200) -> list[dict]:
    where, args = "", ()
    if q:
        like = f"%{q.lower()}%"
        where = " AND (LOWER(s.code) LIKE ? OR LOWER(s.name_en) LIKE ? OR s.name_ja LIKE ?)"
        args = (like, like, f"%{q}%")
    if not sees_all(who):
        where += (" AND (s.code IN (SELECT supplier_code FROM audits WHERE owner_id = ?) OR "
                  "s.id IN (SELECT supplier_id FROM assignments WHERE auditor_id = ? AND "
                  "deleted = 0))")
        args += (who["id"], who["id"])
    return tx.all("SELECT s.code, s.name_en, s.name_ja, s.country, s.region, s.annual_spend, "
                  "s.isec_level, s.large_amount, s.rare_product, s.hard_to_replace "
                  f"FROM suppliers s WHERE s.deleted = 0{where} "
                  f"ORDER BY s.annual_spend DESC, s.code LIMIT {int(limit)}", args)


def audit_page(tx: Tx, who: dict, audit_id: str) -> dict | None:
    where, args = _scope(who)
    row = tx.one("SELECT a.*, u.name AS auditor FROM audits a JOIN users u ON u.id = "
                 f"a.owner_id WHERE a.id = ?{where}", (audit_id, *args))
    if row is None:
        return None
    try:
        doc = json.loads(row["document"])
    except (ValueError, RecursionError):
        doc = {}
    if not isinstance(doc, dict):
        doc = {}
    hq = {f["id"]: f for f in tx.all("SELECT * FROM findings WHERE audit_id = ?", (audit_id,))}
    held = held_blobs(tx, audit_id)
    findings = []
    for f in _dicts(doc.get("findings")):
        if f.get("deleted") or "id" not in f:
            continue
        merged = {**f, **{k: v for k, v in hq.get(f["id"], {}).items()
                          if k in CAP_SYNC_FIELDS}}
        for key, value in merged.items():       # what the page prints is text
            if value is not None and not isinstance(value, (str, list, dict)):
                merged[key] = str(value)
        merged["photos"] = [p for p in _dicts(doc.get("photos"))
                            if p.get("finding_id") == f["id"] and not p.get("deleted")
                            and p.get("sha256") in held]
        findings.append(merged)
    order = {severity: n for n, severity in enumerate(SEVERITIES)}
    findings.sort(key=lambda f: (order.get(f.get("severity"), 9), str(f.get("item_id") or "")))
    supplier = tx.one("SELECT * FROM suppliers WHERE code = ?", (row["supplier_code"],))
    photos = [p for p in _dicts(doc.get("photos")) if not p.get("deleted")]
    for p in photos:
        p["held"] = p.get("sha256") in held
    auditors = doc.get("auditors")
    facts = {"auditors": [str(a) for a in auditors] if isinstance(auditors, list) else [],
             "template_ref": str(doc.get("template_ref") or ""),
             "site_name": str(doc.get("site_name") or "")}
    site = tx.one("SELECT name_ja, timezone FROM sites WHERE id = ?", (str(doc.get("site_id")),))
    if site is not None and site["name_ja"]:
        facts["site_name_ja"] = site["name_ja"]
    return {"audit": row, "doc": doc, "facts": facts, "findings": findings, "photos": photos,
            "supplier": supplier, "zone": site["timezone"] if site is not None else None}


def site_profile(doc: dict, zone: str | None, lang: str) -> dict:
    """The audit's scope and the site profile the auditor recorded, worded as the report
    words them in `lang` (sva.reports.site_profile_text): {"heading", "scope", "rows":
    [(label, value)], "none"} — `rows` empty and `none` set when nothing was recorded. What
    the document holds was checked when it came in; anything else is left out, never shown
    as a made-up value."""
    from sva.reports import site_profile_text as sp
    from sva.reports.i18n import Texts
    from sva.reports.report_data import in_lang
    t = Texts(lang)
    stored = doc.get("profile") if isinstance(doc.get("profile"), dict) else {}
    profile = {k: v for k, v in stored.items()
               if (type(v) is int and v >= 0) or (k == "duration_hours" and type(v) is float)
               or (k == "scope_limits" and isinstance(v, dict))}
    times = {k: doc.get(k) for k in ("started_at", "completed_at")
             if isinstance(doc.get(k), str)}
    try:
        sp.visit_span(times, zone or "")
    except (ValueError, KeyError):  # no or an unknown time zone, unreadable times: no clock times
        times = {}
    unknown = t.get("profile.unknown", lang)
    rows = []
    if sp.recorded(times, profile, zone or "UTC"):
        rows = [(t.get(key, lang), value_in(lang) or unknown)
                for key, value_in in sp.fields(t, times, profile, zone or "UTC")]
        limits = profile.get("scope_limits") or {}
        text, _ = in_lang(str(limits.get("en") or ""), str(limits.get("ja") or ""), lang)
        rows.append((t.get("profile.scope_limits", lang), text or unknown))
    scope, _ = in_lang(str(doc.get("scope") or ""), str(doc.get("scope_ja") or ""), lang)
    return {"heading": t.get("profile.heading", lang), "scope_label": t.get("cover.scope", lang),
            "scope": scope, "rows": rows, "none": t.get("profile.none", lang)}


def _dicts(value) -> list[dict]:
    return [v for v in value if isinstance(v, dict)] if isinstance(value, list) else []


def categories(tx) -> list[str]:
    """Every category the registry names (displayed names), sorted."""
    import json
    seen: dict = {}
    for r in tx.all("SELECT DISTINCT categories FROM suppliers WHERE deleted = 0"):
        for c in json.loads(r["categories"] or "[]"):
            seen.setdefault(c.lower(), c)
    return sorted(seen.values(), key=str.lower)


def planned_vs_done(tx, fy: int) -> dict:
    """The year's live assignments (planned) and how many of them have a visit done."""
    from sva.hq.programme.fiscal import fy_bounds
    from sva.vocabulary import NOT_DONE_STATUSES
    lo, hi = (d.isoformat() for d in fy_bounds(fy))
    marks = ", ".join("?" for _ in NOT_DONE_STATUSES)
    row = tx.one("SELECT COUNT(*) AS planned, SUM(CASE WHEN EXISTS (SELECT 1 FROM audits a "
                 f"WHERE a.assignment_id = asg.id AND a.status NOT IN ({marks})) THEN 1 ELSE 0 "
                 "END) AS done FROM assignments asg WHERE asg.deleted = 0 AND "
                 "asg.planned_date >= ? AND asg.planned_date <= ?", (*NOT_DONE_STATUSES, lo, hi))
    return {"planned": int(row["planned"] or 0), "done": int(row["done"] or 0)}
