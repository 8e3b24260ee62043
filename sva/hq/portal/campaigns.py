"""Campaigns: a questionnaire sent for a fiscal year to a target group of suppliers, due on
a date; one request per supplier, followed through invited / opened / in progress /
submitted / returned, with overdue and non-responders listed for chasing."""
from __future__ import annotations

import json
import uuid
from dataclasses import dataclass, field
from datetime import date

from sva.errors import BadInput
from sva.hq.accounts import log_event, now_iso
from sva.hq.portal import outbox, questionnaires
from sva.hq.storage import Storage, Tx
from sva.vocabulary import ISEC_LEVELS, PORTAL_REQUEST_STATUSES, REGIONS, SUPPLIER_FLAGS


@dataclass(frozen=True)
class Targets:
    """Which suppliers a campaign goes to; every filter given must hold (an empty one is no
    filter). `critical`: flags of which at least one must be set ("any" = any flag)."""
    categories: tuple = ()
    critical: tuple = ()
    regions: tuple = ()
    levels: tuple = ()
    codes: tuple = ()
    extra: dict = field(default_factory=dict)

    def check(self) -> None:
        for flag in self.critical:
            if flag not in (*SUPPLIER_FLAGS, "any"):
                raise BadInput(f"unknown critical flag {flag!r} (known: any, "
                               f"{', '.join(SUPPLIER_FLAGS)})", field="critical")
        for region in self.regions:
            if region not in REGIONS:
                raise BadInput(f"unknown region {region!r} (known: {', '.join(REGIONS)})",
                               field="region")
        for level in self.levels:
            if level not in ISEC_LEVELS:
                raise BadInput(f"unknown level {level!r} (known: {', '.join(ISEC_LEVELS)})",
                               field="level")

    def as_json(self) -> str:
        return json.dumps({"categories": list(self.categories), "critical": list(self.critical),
                           "regions": list(self.regions), "levels": list(self.levels),
                           "codes": list(self.codes)}, ensure_ascii=False)

    def matches(self, s: dict) -> bool:
        cats = {c.casefold() for c in json.loads(s["categories"] or "[]")}
        flags = SUPPLIER_FLAGS if "any" in self.critical else self.critical
        return ((not self.categories or any(c.casefold() in cats for c in self.categories))
                and (not self.critical or any(s[f] for f in flags))
                and (not self.regions or s["region"] in self.regions)
                and (not self.levels or (s["isec_level"] or "") in self.levels)
                and (not self.codes or s["code"] in self.codes))


def targets(tx: Tx, t: Targets) -> list[dict]:
    rows = tx.all("SELECT * FROM suppliers WHERE deleted = 0 ORDER BY code")
    if t.codes:
        known = {r["code"] for r in rows}
        missing = [c for c in t.codes if c not in known]
        if missing:
            raise BadInput(f"no supplier with code {', '.join(missing[:5])}", field="codes")
    return [r for r in rows if t.matches(r)]


def launch(storage: Storage, *, fy: int, questionnaire: str, due: str, t: Targets,
           actor: str, reminders: str = "") -> tuple[str, int]:
    """Create the campaign and one request per target supplier; each live contact of those
    suppliers gets the request mail. `reminders`: the campaign's own schedule ("-14,-3,+1,+7";
    empty = resources/portal/reminders.yaml). Returns (campaign id, number of suppliers)."""
    from sva.hq.portal.reminders import parse_schedule
    q = questionnaires.get(questionnaire)
    t.check()
    schedule = parse_schedule(reminders).as_text() if str(reminders or "").strip() else ""
    try:
        due_day = date.fromisoformat(due)
    except (TypeError, ValueError):
        raise BadInput(f"due date {due!r} is not YYYY-MM-DD", field="due") from None
    if not 2000 <= fy <= 2100:
        raise BadInput(f"fiscal year {fy} is out of range", field="fy")
    campaign_id = str(uuid.uuid4())
    with storage.transaction() as tx:
        suppliers = targets(tx, t)
        if not suppliers:
            raise BadInput("no supplier matches the target filters", field="targets")
        tx.execute("INSERT INTO portal_campaigns (id, fy, questionnaire, questionnaire_version, "
                   "due_date, filters, created_at, created_by, reminders) "
                   "VALUES (?,?,?,?,?,?,?,?,?)",
                   (campaign_id, fy, q.id, q.version, due_day.isoformat(), t.as_json(),
                    now_iso(), actor, schedule))
        for s in suppliers:
            tx.execute("INSERT INTO portal_requests (id, campaign_id, supplier_id, status, "
                       "updated_at) VALUES (?,?,?,?,?)",
                       (str(uuid.uuid4()), campaign_id, s["id"], "invited", now_iso()))
            for c in tx.all("SELECT * FROM portal_contacts WHERE supplier_id = ? AND "
                            "disabled = 0", (s["id"],)):
                outbox.enqueue(tx, c, "request", supplier=s, due=due_day.isoformat(),
                               questionnaire=q.title[c["lang"]])
        log_event(tx, actor, "launch", "portal_campaign", campaign_id, fy=fy,
                  questionnaire=q.id, suppliers=len(suppliers), reminders=schedule or "default")
    return campaign_id, len(suppliers)


def campaigns(tx: Tx) -> list[dict]:
    return tx.all("SELECT c.*, (SELECT COUNT(*) FROM portal_requests r WHERE r.campaign_id = "
                  "c.id) AS suppliers FROM portal_campaigns c ORDER BY c.created_at DESC")


def campaign(tx: Tx, campaign_id: str) -> dict | None:
    return tx.one("SELECT * FROM portal_campaigns WHERE id = ?", (campaign_id,))


def rows(tx: Tx, campaign_id: str) -> list[dict]:
    """Every supplier of a campaign with its request's state and contacts."""
    out = tx.all(
        "SELECT r.id, r.status, r.version, r.opened_at, r.submitted_at, r.level, "
        "s.code, s.name_en, s.name_ja, s.region, c.due_date, "
        "(SELECT COUNT(*) FROM portal_contacts k WHERE k.supplier_id = s.id AND "
        " k.disabled = 0) AS contacts, "
        "(SELECT MIN(k.email) FROM portal_contacts k WHERE k.supplier_id = s.id AND "
        " k.disabled = 0 AND k.is_primary = 1) AS primary_email "
        "FROM portal_requests r JOIN suppliers s ON s.id = r.supplier_id "
        "JOIN portal_campaigns c ON c.id = r.campaign_id WHERE r.campaign_id = ? "
        "ORDER BY s.code", (campaign_id,))
    today = date.today().isoformat()
    for r in out:
        r["overdue"] = r["status"] != "submitted" and r["due_date"] < today
    return out


def counts(rows_: list[dict]) -> dict:
    out = {s: 0 for s in PORTAL_REQUEST_STATUSES}
    for r in rows_:
        out[r["status"]] += 1
    out["overdue"] = sum(1 for r in rows_ if r["overdue"])
    out["total"] = len(rows_)
    return out


def non_responders(rows_: list[dict]) -> list[dict]:
    return [r for r in rows_ if r["status"] != "submitted"]


EXPORT_COLUMNS = ("code", "name_en", "name_ja", "region", "status", "overdue", "due_date",
                  "primary_email", "contacts")


def export_rows(rows_: list[dict]) -> list[list]:
    return [[r[c] if c != "overdue" else ("yes" if r[c] else "no") for c in EXPORT_COLUMNS]
            for r in rows_]
