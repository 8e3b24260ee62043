"""Persistence of the HQ programme (issue 9): supplier registry, SAQ responses and levels per
fiscal year, and the facts of pushed audits that figures, the planner and the dashboard read.

The logic lives in `sva.hq.programme` (pure functions); this module only moves rows between
the HQ storage (SQLite or PostgreSQL, '?' placeholders) and those functions. Every import is
one transaction: all or nothing.
"""
from __future__ import annotations

import json
import uuid
from pathlib import Path

from sva.hq.accounts import log_event, now_iso
from sva.hq.programme.fiscal import HQ_TIMEZONE, to_date
from sva.hq.programme.levels import Reason, SaqResult, load_rules, score
from sva.hq.programme.registry import load_registry
from sva.hq.programme.responses import load_responses
from sva.hq.programme.saq import load_questionnaire
from sva.hq.storage import Storage, Tx
from sva.places import region_of
from sva.vocabulary import (AREAS, NOT_DONE_STATUSES, SUPPLIER_FLAGS,
                            UNCLOSED_FINDING_STATUSES)

SCORE_COLUMNS = {area: f"score_{area.lower()}" for area in AREAS}


# -- supplier registry -----------------------------------------------------------------------

def import_registry(storage: Storage, path: str | Path, *, skip_bad: bool = False,
                    actor: str = "admin", sheet: str | None = None,
                    fy: int | None = None) -> dict:
    """Upsert every supplier of a registry file (CSV/XLSX) in one transaction, and record
    its spend, flags and categories as those of fiscal year `fy` (default: the current one).
    A file for an older year than a supplier's latest only adds to its history (today's
    registry row stays). Any bad row: BadInput listing all, nothing written — unless skip_bad."""
    from sva.hq.programme_history import import_fy, record_import
    rows, skipped = load_registry(path, skip_bad=skip_bad, sheet=sheet)
    fy = import_fy(storage, fy)
    counts = {"added": 0, "updated": 0, "unchanged": 0, "history": 0}
    now = now_iso()
    with storage.transaction() as tx:
        rev = tx.next_rev()
        for row in rows:
            old = tx.one("SELECT code FROM suppliers WHERE UPPER(code) = ?",
                         (row["code"].upper(),))
            code = old["code"] if old else row["code"]
            if record_import(tx, code, fy, row, now, Path(path).name):
                counts[_upsert_supplier(tx, row, rev)] += 1
            else:
                counts["history"] += 1
        log_event(tx, actor, "import", "registry", str(path), fy=fy, skipped=len(skipped),
                  **counts)
    return {**counts, "fy": fy, "skipped": skipped}


_SUPPLIER_COLS = ("name_en", "name_ja", "country", "region", "categories", "annual_spend",
                  *SUPPLIER_FLAGS, "declaration_status", "declaration_date", "declaration_scope")


def _upsert_supplier(tx: Tx, row: dict, rev: int) -> str:
    values = {
        "name_en": row["name_en"], "name_ja": row.get("name_ja", ""), "country": row["country"],
        "region": row.get("region") or region_of(row["country"]),
        "categories": json.dumps(row.get("categories") or [], ensure_ascii=False),
        "annual_spend": int(row["annual_spend"]),
        **{flag: int(bool(row.get(flag))) for flag in SUPPLIER_FLAGS},
        "declaration_status": row.get("declaration_status") or "none",
        "declaration_date": row.get("declaration_date"),
        "declaration_scope": row.get("declaration_scope") or "",
    }
    old = tx.one("SELECT * FROM suppliers WHERE UPPER(code) = ?", (row["code"].upper(),))
    if old is None:
        cols = ("id", "code", *_SUPPLIER_COLS, "updated_at", "rev")
        tx.execute(f"INSERT INTO suppliers ({', '.join(cols)}) VALUES "
                   f"({', '.join('?' for _ in cols)})",
                   (str(uuid.uuid4()), row["code"], *values.values(), now_iso(), rev))
        return "added"
    if all(old[k] == v for k, v in values.items()) and not old["deleted"]:
        return "unchanged"
    sets = ", ".join(f"{k} = ?" for k in values)
    tx.execute(f"UPDATE suppliers SET {sets}, deleted = 0, updated_at = ?, rev = ? WHERE id = ?",
               (*values.values(), now_iso(), rev, old["id"]))
    return "updated"


def import_sites(storage: Storage, path: str | Path, *, actor: str = "admin") -> dict:
    """Sites of registered suppliers from CSV: code, site_name, country, timezone[, address,
    site_name_ja].
    All or nothing; every problem is listed with its row."""
    from sva.hq.masterdata import _upsert_site
    from sva.hq.programme.registry import parse_sites
    from sva.hq.programme.tabular import apply_policy
    with storage.transaction() as tx:
        known = {r["code"].upper(): r["id"] for r in tx.all(
            "SELECT id, code FROM suppliers WHERE deleted = 0")}
        rows, problems = parse_sites(path, known)
        apply_policy([], problems, False)       # raises on any problem
        rev = tx.next_rev()
        for row in rows:
            _upsert_site(tx, known[row.code.upper()], {
                "name": row.site_name, "country": row.country, "timezone": row.timezone,
                "address": row.address, "name_ja": row.site_name_ja}, rev)
        log_event(tx, actor, "import", "sites", str(path), sites=len(rows))
    return {"sites": len(rows)}


def load_suppliers(tx: Tx, *, include_deleted: bool = False) -> list[dict]:
    rows = tx.all("SELECT id, code, name_en, name_ja, country, region, categories, annual_spend, "
                  "large_amount, rare_product, hard_to_replace, isec_level, declaration_status, "
                  "declaration_date, declaration_scope, deleted FROM suppliers"
                  + ("" if include_deleted else " WHERE deleted = 0") + " ORDER BY code")
    for r in rows:
        r["categories"] = json.loads(r["categories"] or "[]")
        r["region"] = r["region"] or region_of(r["country"])
    return rows


# -- SAQ responses and levels ------------------------------------------------------------------

def import_saq(storage: Storage, path: str | Path, fy: int, *, skip_bad: bool = False,
               actor: str = "admin", sheet: str | None = None) -> dict:
    """Import one fiscal year's SAQ responses, score them and keep each supplier's result for
    that year (a re-import replaces it). The supplier's current level follows its latest FY."""
    saq = load_questionnaire()
    rules = load_rules(saq)
    from sva.hq.programme_closing import require_open
    with storage.transaction(write=False) as tx:
        require_open(tx, fy, "importing its SAQ responses")
        codes = {r["code"].upper(): r["code"] for r in tx.all(
            "SELECT code FROM suppliers WHERE deleted = 0")}
    responses, skipped = load_responses(path, saq, fy=fy, known_codes=set(codes),
                                        skip_bad=skip_bad, sheet=sheet)
    results = [score(r, saq, rules) for r in responses]
    now = now_iso()
    with storage.transaction() as tx:
        for response, result in zip(responses, results):
            code = codes[response.supplier_code.upper()]
            tx.execute("DELETE FROM saq_responses WHERE supplier_code = ? AND fy = ?", (code, fy))
            tx.execute("INSERT INTO saq_responses (supplier_code, fy, submitted_on, saq_ref, "
                       "answers, imported_at, imported_from) VALUES (?,?,?,?,?,?,?)",
                       (code, fy, response.submitted_on, response.saq_ref,
                        json.dumps(response.answers, sort_keys=True), now, Path(path).name))
            save_result(tx, result, code, now)
        refresh_current_levels(tx, [codes[r.supplier_code.upper()] for r in responses])
        log_event(tx, actor, "import", "saq", str(path), fy=fy, responses=len(responses),
                  skipped=len(skipped))
    levels: dict = {}
    for r in results:
        levels[r.isec_level] = levels.get(r.isec_level, 0) + 1
    return {"responses": len(responses), "levels": dict(sorted(levels.items())),
            "skipped": skipped}


def save_result(tx: Tx, result: SaqResult, code: str, now: str) -> None:
    explanation = json.dumps({"reasons": [{"kind": r.kind, "question": r.question,
                                           "text": r.text} for r in result.reasons]},
                             ensure_ascii=False)
    tx.execute("DELETE FROM saq_levels WHERE supplier_code = ? AND fy = ?", (code, result.fy))
    cols = ("supplier_code", "fy", "submitted_on", "saq_ref", "rules_version", "isec_level",
            *SCORE_COLUMNS.values(), "explanation", "computed_at")
    tx.execute(f"INSERT INTO saq_levels ({', '.join(cols)}) VALUES "
               f"({', '.join('?' for _ in cols)})",
               (code, result.fy, result.submitted_on, result.saq_ref, result.rules_version,
                result.isec_level, *[result.area_scores.get(a) for a in SCORE_COLUMNS],
                explanation, now))


def refresh_current_levels(tx: Tx, codes) -> None:
    """suppliers.isec_level := the level of the supplier's latest fiscal year (flows down)."""
    rev = None
    for code in sorted(set(codes)):
        row = tx.one("SELECT isec_level FROM saq_levels WHERE supplier_code = ? "
                     "ORDER BY fy DESC LIMIT 1", (code,))
        level = row["isec_level"] if row else None
        old = tx.one("SELECT isec_level FROM suppliers WHERE code = ?", (code,))
        if old is not None and old["isec_level"] != level:
            rev = rev or tx.next_rev()
            tx.execute("UPDATE suppliers SET isec_level = ?, updated_at = ?, rev = ? "
                       "WHERE code = ?", (level, now_iso(), rev, code))


def _result(row: dict) -> SaqResult:
    reasons = tuple(Reason(r["kind"], r.get("question"), r["text"])
                    for r in json.loads(row["explanation"])["reasons"]) \
        if "explanation" in row else ()
    return SaqResult(row["supplier_code"], int(row["fy"]), row["submitted_on"], row["saq_ref"],
                     int(row["rules_version"]),
                     {a: row[c] for a, c in SCORE_COLUMNS.items()}, row["isec_level"], reasons)


def load_results(tx: Tx, *, code: str | None = None, fy: int | None = None,
                 max_fy: int | None = None) -> list[SaqResult]:
    where, args = [], []
    if code:
        where.append("UPPER(supplier_code) = ?")
        args.append(code.upper())
    if fy is not None:
        where.append("fy = ?")
        args.append(fy)
    if max_fy is not None:
        where.append("fy <= ?")
        args.append(max_fy)
    sql = "SELECT * FROM saq_levels" + (" WHERE " + " AND ".join(where) if where else "")
    return [_result(r) for r in tx.all(sql + " ORDER BY supplier_code, fy", args)]


def load_current_results(tx: Tx, as_of_fy: int) -> list[SaqResult]:
    """Each supplier's result of its latest fiscal year up to `as_of_fy`, without the
    explanation (what the planner needs: at 20,000 suppliers the history is most of the rows)."""
    cols = ", ".join(f"l.{c}" for c in ("supplier_code", "fy", "submitted_on", "saq_ref",
                                         "rules_version", "isec_level",
                                         *SCORE_COLUMNS.values()))
    return [_result(r) for r in tx.all(
        f"SELECT {cols} FROM saq_levels l JOIN (SELECT supplier_code, MAX(fy) AS fy "
        "FROM saq_levels WHERE fy <= ? GROUP BY supplier_code) m "
        "ON m.supplier_code = l.supplier_code AND m.fy = l.fy", (as_of_fy,))]


# -- facts of pushed audits --------------------------------------------------------------------

def visit_date(doc: dict, tz: str = HQ_TIMEZONE) -> str:
    """The visit's date in HQ's time zone: when it started, else the planned date."""
    when = doc.get("started_at") or doc.get("planned_date")
    return to_date(when, tz).isoformat() if when else ""


def catch_up_facts(tx: Tx) -> int:
    """Copy kind, visit date and each finding's area/severity/item out of the documents of
    audits whose facts lag behind their revision, so SQL can aggregate them. Every push writes
    its own facts (audits.ingest → apply_facts); this runs once, as a migration, for audits
    stored before pushes did."""
    rows = tx.all("SELECT id, rev, document FROM audits WHERE facts_rev IS NULL "
                  "OR facts_rev <> rev")
    for row in rows:
        apply_facts(tx, row["id"], row["rev"], json.loads(row["document"]))
    return len(rows)


def apply_facts(tx: Tx, audit_id: str, rev: int, doc: dict) -> None:
    tx.execute("UPDATE audits SET kind = ?, visit_date = ?, facts_rev = ? WHERE id = ?",
               (doc.get("kind") or "", visit_date(doc), rev, audit_id))
    for f in doc.get("findings", []):
        tx.execute("UPDATE findings SET item_id = ?, area = ?, severity = ?, due_date = ?, "
                   "observed = ?, fact_deleted = ? WHERE id = ? AND audit_id = ?",
                   (f.get("item_id"), f.get("area"), f.get("severity"), f.get("due_date"),
                    (f.get("observed") or "")[:500], int(bool(f.get("deleted"))), f["id"],
                    audit_id))


def load_visits(tx: Tx) -> list[dict]:
    """Visits done (past in_progress) for the planner: supplier_code, kind, date."""
    return [{"supplier_code": r["supplier_code"], "kind": r["kind"], "date": r["visit_date"]}
            for r in tx.all("SELECT supplier_code, kind, visit_date FROM audits "
                            "WHERE status NOT IN (?, ?) AND visit_date IS NOT NULL "
                            "AND visit_date <> ''", NOT_DONE_STATUSES)]


def load_open_findings(tx: Tx) -> list[dict]:
    marks = ", ".join("?" for _ in UNCLOSED_FINDING_STATUSES)
    return tx.all("SELECT a.supplier_code, f.severity FROM findings f JOIN audits a "
                  f"ON a.id = f.audit_id WHERE f.status IN ({marks}) AND f.fact_deleted = 0 "
                  "AND f.severity IS NOT NULL", UNCLOSED_FINDING_STATUSES)


def topic_titles(tx: Tx) -> dict:
    """item id -> {en, ja} label from published checklists: the item's improvement-guidance
    topic ("confidential labelling") where the checklist gives one, else the id and the start
    of the question."""
    out: dict = {}
    for row in tx.all("SELECT body FROM checklists ORDER BY version"):
        for section in json.loads(row["body"]).get("sections", []):
            for item in section.get("items", []):
                topic = item.get("topic")
                if isinstance(topic, dict) and topic.get("en"):
                    out[item["id"]] = {"en": topic["en"], "ja": topic.get("ja") or topic["en"]}
                    continue
                q = item.get("question") or {}
                out[item["id"]] = {"en": f"{item['id']} " + _short(q.get("en", ""), 64),
                                   "ja": f"{item['id']} " + _short(q.get("ja", ""), 32)}
    return out


def _short(text: str, limit: int) -> str:
    """A question cut to a readable label (at a word boundary where there is one)."""
    text = " ".join(str(text).split())
    if len(text) <= limit:
        return text
    cut = text[:limit]
    if " " in cut[limit // 2:]:
        cut = cut[:cut.rindex(" ")]
    return cut.rstrip(",;:") + "…"
