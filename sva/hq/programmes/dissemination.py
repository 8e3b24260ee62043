"""Dissemination of the procurement policies: events (kinds and topics as data in
resources/programme/dissemination.yaml), who attended (a supplier's people, or HQ staff
for internal training), awards given; fiscal-year figures.

Attendance file (CSV/XLSX): person, position, supplier_code (empty for HQ staff),
management (yes/no). Awards file: supplier_code, award. A new file for an event replaces
its list. "444 members of management at 188 suppliers" is an event's `management` count
and its `suppliers` count."""
from __future__ import annotations

import json
import uuid
from datetime import date
from functools import lru_cache
from pathlib import Path
from typing import Annotated

import yaml

from sva.errors import BadInput, NotFound
from sva.hq.accounts import log_event, now_iso
from sva.hq.programme.cells import Row, YesNo, required
from sva.hq.programme.fiscal import fy_bounds
from sva.hq.programme.tabular import apply_policy, check_rows, open_table, repeated
from sva.hq.programmes.registry import OptionalSupplierCode, SupplierCode, known_codes
from sva.hq.storage import Storage, Tx
from sva.paths import resource


@lru_cache(maxsize=1)
def catalogue() -> dict:
    return yaml.safe_load(resource("programme", "dissemination.yaml").read_text("utf-8"))


def add_event(storage: Storage, *, kind: str, held_on: str, title: str, topics=(),
              actor: str = "admin") -> str:
    kinds, known_topics = catalogue()["kinds"], catalogue()["topics"]
    if kind not in kinds:
        raise BadInput(f"kind {kind!r} is not one of {', '.join(kinds)}", field="--kind")
    bad = [t for t in topics if t not in known_topics]
    if bad:
        raise BadInput(f"topic(s) {', '.join(bad)} not among {', '.join(known_topics)}",
                       field="--topic")
    try:
        day = date.fromisoformat(held_on).isoformat()
    except ValueError:
        raise BadInput(f"{held_on!r} is not a date (YYYY-MM-DD)", field="--date") from None
    if not title.strip():
        raise BadInput("the event needs a title", field="--title")
    event_id = str(uuid.uuid4())
    with storage.transaction() as tx:
        tx.execute("INSERT INTO dissemination_events (id, kind, held_on, title, topics, "
                   "created_at) VALUES (?,?,?,?,?,?)",
                   (event_id, kind, day, title.strip(), json.dumps(list(topics)), now_iso()))
        log_event(tx, actor, "add", "dissemination_event", event_id, kind=kind, held_on=day)
    return event_id


def _event(tx: Tx, event_id: str) -> dict:
    row = tx.one("SELECT * FROM dissemination_events WHERE id = ?", (event_id,))
    if row is None:
        raise NotFound(f"no event {event_id}", field="event")
    return row


class AttendeeRow(Row):
    person: Annotated[str, required("person is empty (the attendee's name)")] = ""
    position: Annotated[str, required("position is empty")] = ""
    supplier_code: OptionalSupplierCode = None
    management: YesNo = False


class AwardRow(Row):
    supplier_code: SupplierCode = ""
    award: Annotated[str, required("award is empty (its name)")] = ""


def import_attendance(storage: Storage, event_id: str, path: str | Path, *,
                      actor: str = "admin") -> dict:
    columns = ("person", "position", "supplier_code", "management")
    with storage.transaction() as tx:
        event = _event(tx, event_id)
        table, problems = open_table(path, ("person", "position", "supplier_code"), columns)
        good = []
        if table is not None:
            good, bad = check_rows(table, AttendeeRow, context={"known": known_codes(tx)})
            problems += bad
            problems += repeated(
                table, {n: (r.get("person", "").strip().lower(),
                            r.get("supplier_code", "").strip().upper()) for n, r in table.rows},
                "person", lambda key, others: f"{key[0]} of {key[1] or 'HQ'} also on row(s) "
                                              f"{others}")
        rows, _ = apply_policy(good, problems, skip_bad=False)
        staff_only = event["kind"] == "staff_training"
        for number, r in rows:
            if staff_only and r.supplier_code:
                raise BadInput("staff training lists HQ staff only (supplier_code must be "
                               "empty); nothing was imported", file=str(path), row=number,
                               field="supplier_code")
        tx.execute("DELETE FROM dissemination_attendees WHERE event_id = ?", (event_id,))
        for _, r in rows:
            tx.execute("INSERT INTO dissemination_attendees (event_id, person, position, "
                       "supplier_code, management) VALUES (?,?,?,?,?)",
                       (event_id, r.person, r.position, r.supplier_code or "",
                        int(r.management)))
        log_event(tx, actor, "import", "dissemination_attendees", event_id, rows=len(rows))
    return {"attendees": len(rows)}


def import_awards(storage: Storage, event_id: str, path: str | Path, *,
                  actor: str = "admin") -> dict:
    with storage.transaction() as tx:
        _event(tx, event_id)
        table, problems = open_table(path, ("supplier_code", "award"), ("supplier_code", "award"))
        good = []
        if table is not None:
            good, bad = check_rows(table, AwardRow, context={"known": known_codes(tx)})
            problems += bad
        rows, _ = apply_policy(good, problems, skip_bad=False)
        tx.execute("DELETE FROM dissemination_awards WHERE event_id = ?", (event_id,))
        for _, r in {(r.supplier_code, r.award): (n, r) for n, r in rows}.values():
            tx.execute("INSERT INTO dissemination_awards (event_id, supplier_code, award) "
                       "VALUES (?,?,?)", (event_id, r.supplier_code, r.award))
        log_event(tx, actor, "import", "dissemination_awards", event_id, rows=len(rows))
    return {"awards": len(rows)}


def events_of(tx: Tx, fy: int | None = None) -> list[dict]:
    """Events (newest first) with their attendee and award counts; one fiscal year or all."""
    where, args = "", ()
    if fy is not None:
        where, args = "WHERE e.held_on >= ? AND e.held_on <= ?", tuple(
            d.isoformat() for d in fy_bounds(fy))
    return tx.all(
        "SELECT e.id, e.kind, e.held_on, e.title, (SELECT COUNT(*) FROM "
        "dissemination_attendees a WHERE a.event_id = e.id) AS attendees, (SELECT COUNT(*) "
        f"FROM dissemination_awards w WHERE w.event_id = e.id) AS awards FROM "
        f"dissemination_events e {where} ORDER BY e.held_on DESC, e.title", args)


def figures(tx: Tx, fy: int) -> dict:
    start, end = (d.isoformat() for d in fy_bounds(fy))
    events = tx.all(
        "SELECT e.id, e.kind, e.held_on, e.title, "
        "SUM(CASE WHEN a.supplier_code <> '' THEN 1 ELSE 0 END) AS people, "
        "SUM(CASE WHEN a.supplier_code <> '' AND a.management <> 0 THEN 1 ELSE 0 END) "
        "AS management, COUNT(DISTINCT NULLIF(a.supplier_code, '')) AS suppliers, "
        "SUM(CASE WHEN a.supplier_code = '' THEN 1 ELSE 0 END) AS staff "
        "FROM dissemination_events e LEFT JOIN dissemination_attendees a ON a.event_id = e.id "
        "WHERE e.held_on >= ? AND e.held_on <= ? GROUP BY e.id, e.kind, e.held_on, e.title "
        "ORDER BY e.held_on, e.title", (start, end))
    year = "FROM dissemination_attendees a JOIN dissemination_events e ON e.id = a.event_id " \
           "WHERE e.held_on >= ? AND e.held_on <= ?"
    reached = int(tx.scalar(f"SELECT COUNT(DISTINCT a.supplier_code) {year} "
                            "AND a.supplier_code <> ''", (start, end)))
    awards = int(tx.scalar("SELECT COUNT(*) FROM dissemination_awards w JOIN "
                           "dissemination_events e ON e.id = w.event_id WHERE e.held_on >= ? "
                           "AND e.held_on <= ?", (start, end)))
    rows = [{"kind": e["kind"], "held_on": e["held_on"], "title": e["title"],
             **{k: int(e[k] or 0) for k in ("people", "management", "suppliers", "staff")}}
            for e in events]
    return {"events": len(rows),
            "by_kind": {k: sum(1 for e in rows if e["kind"] == k) for k in catalogue()["kinds"]},
            "people": sum(e["people"] for e in rows),
            "management": sum(e["management"] for e in rows),
            "staff_trained": sum(e["staff"] for e in rows),
            "suppliers_reached": reached, "awards": awards, "list": rows}
