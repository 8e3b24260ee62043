"""Reminders on a schedule (a campaign's own, set at launch, else
resources/portal/reminders.yaml: days before and after the due date) to every live contact
of a supplier that has not submitted, in the contact's language, never more than one a day
per contact (checked here, and enforced by a unique index)."""
from __future__ import annotations

import re
from dataclasses import dataclass
from datetime import UTC, date, datetime, time
from pathlib import Path
from typing import Annotated

from pydantic import Field

from sva.errors import BadInput
from sva.hq.accounts import log_event
from sva.hq.portal import outbox, questionnaires
from sva.hq.storage import Storage
from sva.paths import resource
from sva.validation.checks import Checked, Says
from sva.validation.yaml_file import load_checked
from sva.vocabulary import PORTAL_EDITABLE

Days = Annotated[list[Annotated[int, Field(ge=0, le=365)]],
                 Says("'{key}' must be a list of whole days 0..365")]


class ScheduleFile(Checked):
    holds = "version, before_due_days, after_due_days"
    version: Annotated[int, Field(ge=1), Says("bad version {value!r}")]
    before_due_days: Days = []
    after_due_days: Days = []


@dataclass(frozen=True)
class Schedule:
    before: frozenset
    after: frozenset

    def due_today(self, due: date, today: date) -> bool:
        days = (due - today).days
        return (days >= 0 and days in self.before) or (days < 0 and -days in self.after)

    def as_text(self) -> str:
        """"-14,-3,+1,+7": days before the due date negative, after it positive."""
        return ",".join([f"-{d}" if d else "0" for d in sorted(self.before, reverse=True)]
                        + [f"+{d}" for d in sorted(self.after)])


MAX_DAYS, MAX_ENTRIES = 365, 20
_ENTRY = re.compile(r"^[+-]?\d{1,4}$")


def parse_schedule(text: str) -> Schedule:
    """A campaign's own schedule from "-14,-3,+1,+7" (days before the due date with a minus,
    after it with a plus, 0 = the due date itself); BadInput naming the entry at fault."""
    entries = [e.strip() for e in str(text or "").split(",")]
    if not any(entries):
        raise BadInput("the reminder schedule is empty: give days such as -14,-3,+1,+7",
                       field="reminders")
    if len(entries) > MAX_ENTRIES:
        raise BadInput(f"the reminder schedule has {len(entries)} entries; at most "
                       f"{MAX_ENTRIES}", field="reminders")
    before, after = set(), set()
    for entry in entries:
        if not _ENTRY.match(entry):
            raise BadInput(f"reminder schedule entry {entry[:20]!r} is not a whole number of "
                           "days such as -14 or +7", field="reminders")
        days = int(entry)
        if days and entry[0] not in "+-":
            raise BadInput(f"reminder schedule entry {entry!r}: say -{days} (days before the "
                           f"due date) or +{days} (days after it)", field="reminders")
        if abs(days) > MAX_DAYS:
            raise BadInput(f"reminder schedule entry {entry!r} is more than {MAX_DAYS} days "
                           "from the due date", field="reminders")
        (before if days <= 0 else after).add(abs(days))
    return Schedule(frozenset(before), frozenset(after))


def load_schedule(path: str | Path | None = None) -> Schedule:
    path = Path(path or resource("portal", "reminders.yaml"))
    f = load_checked(ScheduleFile, path, "reminder schedule is not valid")
    return Schedule(frozenset(f.before_due_days), frozenset(f.after_due_days))


def plan(storage: Storage, today: date, schedule: Schedule | None = None, *,
         by: str = "portal") -> int:
    """Queue today's reminders (each campaign on its own schedule, else `schedule`, else the
    file's); returns how many. Run it as often as you like: a contact reminded today is not
    reminded again today, whichever campaigns are due. `by`: who queued them, for the event
    log (the server's own sender: "portal"; `sva-hq portal send`: the named user)."""
    schedule = schedule or load_schedule()
    own: dict[str, Schedule] = {}
    queued = 0
    now = datetime.combine(today, time(9, 0), tzinfo=UTC)
    with storage.transaction() as tx:
        open_ = tx.all(
            "SELECT r.id, r.supplier_id, c.due_date, c.questionnaire, c.questionnaire_version, "
            "c.reminders "
            "FROM portal_requests r JOIN portal_campaigns c ON c.id = r.campaign_id "
            f"WHERE r.status IN ({','.join('?' * len(PORTAL_EDITABLE))}) ORDER BY c.due_date",
            PORTAL_EDITABLE)
        for req in open_:
            text = req["reminders"]
            if text and text not in own:
                own[text] = parse_schedule(text)
            if not (own[text] if text else schedule).due_today(
                    date.fromisoformat(req["due_date"]), today):
                continue
            supplier = tx.one("SELECT * FROM suppliers WHERE id = ?", (req["supplier_id"],))
            q = questionnaires.get(req["questionnaire"], req["questionnaire_version"])
            for c in tx.all("SELECT * FROM portal_contacts WHERE supplier_id = ? AND "
                            "disabled = 0", (req["supplier_id"],)):
                if tx.one("SELECT id FROM portal_outbox WHERE contact_id = ? AND "
                          "kind = 'reminder' AND day = ?", (c["id"], today.isoformat())):
                    continue
                outbox.enqueue(tx, c, "reminder", supplier=supplier, now=now,
                               due=req["due_date"], questionnaire=q.title[c["lang"]])
                queued += 1
        if queued:
            log_event(tx, by, "remind", "portal_outbox", today.isoformat(), queued=queued)
    return queued
