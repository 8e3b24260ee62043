"""Audits (visits): create, start, answer, complete, sign, amend."""
from __future__ import annotations

import hashlib
import json
import re
import unicodedata
from datetime import date, datetime, time, UTC
from decimal import Decimal
from zoneinfo import ZoneInfo

from sva.checklists import repeats
from sva.checklists.model import Item, grouped
from sva.domain import completion
from sva.domain.base import Changes, Service, dumps, operation
from sva.domain.relevance import hidden_items
from sva.domain.scores import Score, scores
from sva.errors import (BadInput, BadNumber, IllegalTransition, IncompleteAudit, NotFound,
                        VisitNotStarted)
from sva.vocabulary import (AUDIT_TRANSITIONS, FINDING_CONTENT_FIELDS, FINDING_EXTRA_FIELDS,
                            RESULTS)

# Fields of a finding that are part of the signed audit content.
CONTENT_FINDING_FIELDS = ("item_id", *FINDING_CONTENT_FIELDS, "deleted")

_UNREAD = object()     # an answer not read yet (see Audits._write_answer)


_NUMBER = re.compile(r"-?(?:[0-9]+(?:\.[0-9]*)?|\.[0-9]+)")


def check_result(item: Item, result: str, *, confirmed: bool = False) -> str:
    """Validate a result against the item's answer type; returns its stored form.

    A number above the item's `max` is refused unless `confirmed` (the auditor said "keep
    it"); below `min`, decimals on a whole-number item or not a number are always refused.
    """
    allowed = RESULTS[item.answer]
    if allowed is not None:
        if result not in allowed:
            raise BadInput(f"item {item.id}: '{result}' is not an answer to a {item.answer} "
                           f"question (allowed: {', '.join(allowed)})", field="result")
        return result
    if item.answer == "number":
        return _check_number(item, result, confirmed)
    text = str(result).strip()
    if item.answer == "choice":
        values = [v for v, _ in item.choices]
        if text not in values:
            raise BadInput(f"item {item.id}: '{result}' is not one of {', '.join(values)}",
                           field="result")
    elif not text:
        raise BadInput(f"item {item.id}: the answer text is empty", field="result")
    elif item.pattern is not None and not re.fullmatch(item.pattern, text):
        raise BadInput(f"item {item.id}: '{text}' does not have the form this item expects "
                       f"({item.pattern})", field="result", code="answer_pattern",
                       params={"item": item.id, "value": text, "pattern": item.pattern})
    return text


def _check_number(item: Item, result: str, confirmed: bool) -> str:
    # NFKC: full-width digits, minus and point typed through a Japanese input method.
    text = unicodedata.normalize("NFKC", str(result)).strip()
    if not _NUMBER.fullmatch(text):
        raise BadNumber(f"item {item.id}: '{result}' is not a number", problem="not_a_number",
                        value=str(result))
    value = Decimal(text)
    if not item.decimals and value != value.to_integral_value():
        raise BadNumber(f"item {item.id}: {text} is not a whole number", problem="not_whole",
                        value=text)
    # Outside min..max: the item says whether the auditor may confirm it ('outside'); by
    # default a value below min is refused and one above max is kept once confirmed.
    if item.min_value is not None and value < item.min_value \
            and not (confirmed and item.outside == "confirm"):
        raise BadNumber(f"item {item.id}: {text} is below the minimum {grouped(item.min_value)}",
                        problem="below_min", value=text, limit=item.min_value,
                        confirmable=item.outside == "confirm")
    if item.max_value is not None and value > item.max_value \
            and not (confirmed and item.outside != "refuse"):
        raise BadNumber(f"item {item.id}: {text} is more than the {grouped(item.max_value)} "
                        "this question expects" + ("" if item.outside == "refuse" else
                                                   "; record it only if confirmed"),
                        problem="above_max", value=text, limit=item.max_value,
                        confirmable=item.outside != "refuse")
    stored = format(value, "f")                  # 012 -> 12, 12. -> 12, .5 -> 0.5
    return stored[1:] if value.is_zero() and stored.startswith("-") else stored


def above_max(item: Item, stored: str) -> bool:
    """Whether a stored number answer lies above the item's expected maximum."""
    return (item.answer == "number" and item.max_value is not None
            and Decimal(stored) > item.max_value)


def below_min(item: Item, stored: str) -> bool:
    """Whether a stored number answer lies below the item's minimum (kept only when the
    item lets the auditor confirm it)."""
    return (item.answer == "number" and item.min_value is not None
            and Decimal(stored) < item.min_value)


class Audits(Service):
    # -- creating -------------------------------------------------------------------
    @operation
    def create(self, *, supplier_id: str, site_id: str, template_ref: str, planned_date: str,
               auditors: list[str] | tuple = (), scope: str = "") -> str:
        self.get("suppliers", supplier_id, label="supplier")
        site = self.get("sites", site_id, label="site")
        if site["supplier_id"] != supplier_id:
            raise BadInput(f"site {site_id} does not belong to supplier {supplier_id}",
                           field="site")
        template = self.ws.templates.get(template_ref)
        try:
            date.fromisoformat(planned_date)
        except (TypeError, ValueError):
            raise BadInput(f"planned date {planned_date!r} is not YYYY-MM-DD",
                           field="planned_date") from None
        row = self.stamp({"supplier_id": supplier_id, "site_id": site_id,
                          "template_ref": template_ref, "kind": template.kind,
                          "planned_date": planned_date, "auditors": dumps(list(auditors)),
                          "scope": scope, "status": "planned"}, new=True)
        with self.change("create", "audit", row["id"], audit_id=row["id"]) as log:
            self.insert("audits", row)
            log.diff(None, {k: row[k] for k in ("supplier_id", "site_id", "template_ref",
                                                "planned_date", "auditors", "scope")})
        return row["id"]

    def audit(self, audit_id: str) -> dict:
        return self.get("audits", audit_id, label="audit")

    def _answering(self, audit_id: str, item_id: str) -> tuple[dict, dict | None]:
        """What writing an answer reads, in one statement: its audit (the columns it decides
        on) and the answer as stored (None: never answered). Reading the whole audit, then
        the answer, cost an autosave a measurable share of its time
        (tests/bench/bench_answers.py); moving the audit's status reads the rest."""
        cursor = self.db.conn.execute(
            "SELECT au.status, au.template_ref, au.deleted, an.* FROM audits AS au "
            "LEFT JOIN answers AS an ON an.audit_id = au.id AND an.item_id = ? "
            "WHERE au.id = ?", [item_id, audit_id])
        names = [d[0] for d in cursor.description[3:]]
        row = cursor.fetchone()
        if row is None or row[2]:
            raise NotFound(f"no audit with id {audit_id}")
        audit = {"id": audit_id, "status": row[0], "template_ref": row[1], "deleted": row[2]}
        self.ws.journal.saw("audits", audit)
        return audit, (dict(zip(names, row[3:])) if row[3] is not None else None)

    def visit_date(self, audit: dict) -> str:
        """The day of the visit at the site: the start in the site's time zone, else planned."""
        if not audit.get("started_at"):
            return audit["planned_date"]
        started = datetime.fromisoformat(audit["started_at"].replace("Z", "+00:00"))
        return started.astimezone(self._zone(audit)).date().isoformat()

    def _zone(self, audit: dict) -> ZoneInfo:
        site = self.get("sites", audit["site_id"], label="site", include_deleted=True)
        return ZoneInfo(site["timezone"])

    def site_today(self, audit: dict) -> str:
        """Today's date at the audit's site (its time zone), by the workspace clock."""
        return self.site_day(audit, self.ws.clock())

    def site_day(self, audit: dict, moment: str | None) -> str:
        """The date at the audit's site of a stored UTC moment ('' for none): what the
        auditor and the supplier saw on their calendar then."""
        if not moment:
            return ""
        when = datetime.fromisoformat(moment.replace("Z", "+00:00"))
        return when.astimezone(self._zone(audit)).date().isoformat()

    def template_of(self, audit: dict):
        return self.ws.templates.get(audit["template_ref"])

    def checklist_of(self, audit: dict, answers: dict[str, dict] | None = None):
        """The template as this audit answers it: repeated sections with the instances the
        auditor added (sva.checklists.repeats); the template itself when it repeats nothing."""
        template = self.template_of(audit)
        if not any(s.repeat is not None for s in template.sections):
            return template
        return repeats.expand(template, self.answers(audit["id"]) if answers is None
                              else answers)

    @operation
    def add_instance(self, audit_id: str, section_id: str, label: str, *,
                     reason: str | None = None) -> Changes:
        """Add an instance of a repeated section (another production line), named `label`:
        its items are then answered on their own. The label is stored as the answer of the
        instance's key (sva.checklists.repeats), so it is signed, undone and synced with them."""
        audit = self.audit(audit_id)
        section = next((s for s in self.template_of(audit).sections if s.id == section_id),
                       None)
        if section is None or section.repeat is None:
            raise BadInput(f"section {section_id} of checklist {audit['template_ref']} is not "
                           "repeated", field="section_id")
        label = " ".join(str(label).split())
        if not label:
            raise BadInput("the new instance needs a name", field="label")
        named = repeats.labels(self.template_of(audit), self.answers(audit_id))[section_id]
        if label in named.values():
            raise BadInput(f"{label!r} is already an instance of section {section_id}",
                           field="label")
        n = max(named, default=1) + 1
        self._write_answer(audit, repeats.instance_key(section_id, n),
                           {"result": label, "answered_at": self.ws.clock(), "deleted": 0},
                           "add_instance", reason)

    def _move(self, audit: dict, new: str, log, **extra) -> None:
        old = audit["status"]
        if new not in AUDIT_TRANSITIONS[old]:
            raise IllegalTransition("audit", old, new)
        fields = {"status": new, **extra}
        log.diff(audit, fields)
        self.update("audits", audit["id"], self.stamp(fields), before=audit)
        audit.update(fields)

    @operation
    def start(self, audit_id: str, visit_date: str | None = None) -> Changes:
        """Start a planned visit on the date the auditor confirmed (default: today at the
        site). A later date is refused. An earlier day (the visit began before the app was
        told) is stored as noon at the site, so the day reads the same in any time zone."""
        audit = self.audit(audit_id)
        today = self.site_today(audit)
        day = visit_date or today
        try:
            chosen = date.fromisoformat(str(day))
        except ValueError:
            raise BadInput(f"visit date {day!r} is not YYYY-MM-DD", field="visit_date") from None
        if chosen.isoformat() > today:
            raise BadInput(f"visit date {chosen.isoformat()} is in the future (today at the "
                           f"site is {today})", field="visit_date")
        if chosen.isoformat() == today:
            started = self.ws.clock()
        else:
            noon = datetime.combine(chosen, time(12), tzinfo=self._zone(audit))
            started = noon.astimezone(UTC).isoformat(
                timespec="microseconds").replace("+00:00", "Z")
        with self.change("start", "audit", audit_id, audit_id=audit_id) as log:
            self._move(audit, "in_progress", log, started_at=started)

    @staticmethod
    def require_started(audit: dict) -> None:
        """Answers, notes and findings belong to a visit that was started on purpose."""
        if audit["status"] == "planned":
            raise VisitNotStarted(audit["id"])

    # -- answers --------------------------------------------------------------------
    def _answer_row(self, audit_id: str, item_id: str) -> dict | None:
        rows = self.rows("SELECT * FROM answers WHERE audit_id = ? AND item_id = ?",
                                  [audit_id, item_id])
        return rows[0] if rows else None

    def _item(self, audit: dict, item_id: str) -> Item:
        template = (self.checklist_of(audit) if repeats.SEP in item_id
                    else self.template_of(audit))
        if item_id not in template.items:
            raise BadInput(f"item {item_id} is not in checklist {audit['template_ref']}",
                           field="item_id")
        return template.items[item_id]

    def _write_answer(self, audit: dict, item_id: str, fields: dict, action: str,
                      reason: str | None, old: dict | None | object = _UNREAD) -> None:
        """`old`: the answer as stored, when the caller read it in this transaction."""
        self.require_started(audit)
        with self.change(action, "answer", f"{audit['id']}/{item_id}", audit_id=audit["id"]) as log:
            self.guard_audit(audit, log, reason)
            if old is _UNREAD:
                old = self._answer_row(audit["id"], item_id)
            if (old is not None and "result" in fields and "no_finding_reason" not in fields
                    and old["no_finding_reason"] and fields["result"] != old["result"]):
                fields = {**fields, "no_finding_reason": ""}   # it was about the old answer
            log.diff(old, fields)
            if old is None:
                self.insert("answers", self.stamp(
                    {"audit_id": audit["id"], "item_id": item_id, **fields}, new=True))
            else:
                self.update("answers", old["id"], self.stamp(fields), before=old)
            if (audit["status"] == "completed" and fields.get("result") is None
                    and item_id in self.checklist_of(audit).items
                    and self._item(audit, item_id).required):
                self._move(self.audit(audit["id"]), "in_progress", log, completed_at=None)

    @operation
    def record_answer(self, audit_id: str, item_id: str, result: str, note: str | None = None,
                      *, reason: str | None = None, confirmed: bool = False) -> Changes:
        """`confirmed`: the auditor confirmed a number above the item's expected maximum;
        such an answer is logged as `record_answer_above_max`."""
        audit, old = self._answering(audit_id, item_id)
        item = self._item(audit, item_id)
        stored = check_result(item, result, confirmed=confirmed)
        fields = {"result": stored, "answered_at": self.ws.clock(), "deleted": 0}
        if note is not None:
            fields["note"] = note
        action = ("record_answer_above_max" if above_max(item, stored) else
                  "record_answer_below_min" if below_min(item, stored) else "record_answer")
        self._write_answer(audit, item_id, fields, action, reason, old)

    @operation
    def set_note(self, audit_id: str, item_id: str, note: str, *,
                 reason: str | None = None) -> Changes:
        audit, old = self._answering(audit_id, item_id)
        self._item(audit, item_id)
        self._write_answer(audit, item_id, {"note": note}, "set_note", reason, old)

    @operation
    def clear_answer(self, audit_id: str, item_id: str, *, reason: str | None = None) -> Changes:
        audit, old = self._answering(audit_id, item_id)
        self._item(audit, item_id)
        self._write_answer(audit, item_id,
                           {"result": None, "answered_at": None, "note": "",
                            "no_finding_reason": "", "deleted": 1},
                           "clear_answer", reason, old)

    @operation
    def explain_no_finding(self, audit_id: str, item_id: str, text: str, *,
                           reason: str | None = None) -> Changes:
        """Why an answer recording a nonconformity needs no finding (empty: take it back).
        The guidance report prints it next to the item; Complete accepts it instead of a
        finding. `reason` is the amendment reason on a signed audit, as everywhere."""
        audit, answer = self._answering(audit_id, item_id)
        item = self._item(audit, item_id)
        text = (text or "").strip()
        result = answer["result"] if answer and not answer["deleted"] else None
        if not text and not (answer and answer["no_finding_reason"]):
            return None                                         # nothing to do
        if text and not completion.recorded_nonconformity(item, result):
            raise BadInput(f"item {item_id} is not answered as a nonconformity or an "
                           "observation; there is no finding to explain away",
                           field="no_finding_reason")
        self._write_answer(audit, item_id, {"no_finding_reason": text}, "explain_no_finding",
                           reason, answer)

    def answers(self, audit_id: str) -> dict[str, dict]:
        return {r["item_id"]: r for r in self.db.query(
            "SELECT * FROM answers WHERE audit_id = ? AND deleted = 0", [audit_id])}

    def missing_required(self, audit_id: str) -> list[str]:
        audit = self.audit(audit_id)
        answers = self.answers(audit_id)
        template = self.checklist_of(audit, answers)
        hidden = hidden_items(template, answers)
        answered = {i for i, r in answers.items() if r["result"] is not None}
        return [i for i in template.required_ids() if i not in answered and i not in hidden]

    def hidden(self, audit_id: str) -> dict[str, str]:
        """Items a `relevant_if` rule makes not applicable, each with that rule."""
        answers = self.answers(audit_id)
        return hidden_items(self.checklist_of(self.audit(audit_id), answers), answers)

    def scores(self, audit_id: str) -> tuple[list[Score], Score]:
        """Section scores and the overall score (sva.domain.scores states the formula)."""
        answers = self.answers(audit_id)
        template = self.checklist_of(self.audit(audit_id), answers)
        return scores(template, answers, hidden_items(template, answers))

    def completion_problems(self, audit_id: str) -> list[completion.Problem]:
        """What still blocks Complete: unanswered required items, nonconformities with no
        finding and no reason why none is needed, required photos that are missing."""
        audit = self.audit(audit_id)
        answers = self.answers(audit_id)
        return completion.problems(self.checklist_of(audit, answers), answers,
                                   self.ws.findings.of_audit(audit_id),
                                   self.ws.photos.of_audit(audit_id))

    def without_finding(self, audit_id: str) -> list[dict]:
        """Answers recording a nonconformity that no finding covers (with their items)."""
        audit = self.audit(audit_id)
        answers = self.answers(audit_id)
        return completion.without_finding(self.checklist_of(audit, answers), answers,
                                          self.ws.findings.of_audit(audit_id))

    # -- completing and signing ---------------------------------------------------------
    @operation
    def complete(self, audit_id: str) -> Changes:
        audit = self.audit(audit_id)
        self.require_started(audit)
        if audit["status"] == "in_progress":
            problems = self.completion_problems(audit_id)
            if problems:
                raise IncompleteAudit(audit_id, problems)
        with self.change("complete", "audit", audit_id, audit_id=audit_id) as log:
            self._move(audit, "completed", log, completed_at=self.ws.clock())

    def content_hash(self, audit_id: str) -> str:
        """SHA-256 over what a signature vouches for: answers and findings as recorded."""
        audit = self.audit(audit_id)
        # A reason for "no finding" is signed content too; answers without one hash as
        # before it existed, so older signatures still match.
        answers = sorted((r["item_id"], r["result"], r["note"])
                         + ((r["no_finding_reason"],) if r["no_finding_reason"] else ())
                         for r in self.answers(audit_id).values())
        # Likewise a finding's Japanese texts and evidence references, only when written.
        findings = sorted(
            [r["id"], *[r[f] for f in CONTENT_FINDING_FIELDS]]
            + ([{f: r[f] for f in FINDING_EXTRA_FIELDS if r[f]}]
               if any(r[f] for f in FINDING_EXTRA_FIELDS) else [])
            for r in self.db.query("SELECT * FROM findings WHERE audit_id = ?", [audit_id]))
        doc = {"audit": [audit["id"], audit["template_ref"], audit["supplier_id"],
                         audit["site_id"], audit["planned_date"]],
               "answers": answers, "findings": findings}
        return hashlib.sha256(json.dumps(doc, sort_keys=True, ensure_ascii=False,
                                         default=str).encode()).hexdigest()

    @operation
    def sign(self, audit_id: str, *, signer_name: str, role: str, organisation: str,
             image_png: bytes) -> str:
        """Add a signature; the first one locks the audit (status 'signed')."""
        audit = self.audit(audit_id)
        if audit["status"] not in ("completed", "signed"):
            raise IllegalTransition("audit", audit["status"], "signed")
        for name, value in (("signer_name", signer_name), ("role", role),
                            ("organisation", organisation)):
            if not (value or "").strip():
                raise BadInput(f"signature {name.replace('_', ' ')} is empty", field=name)
        if not image_png or not bytes(image_png).startswith(b"\x89PNG\r\n\x1a\n"):
            raise BadInput("signature image must be a PNG", field="image_png")
        now = self.ws.clock()
        row = self.stamp({"audit_id": audit_id, "signer_name": signer_name.strip(),
                          "role": role.strip(), "organisation": organisation.strip(),
                          "signed_at": now, "image_png": bytes(image_png),
                          "content_hash": self.content_hash(audit_id)}, new=True)
        with self.change("sign", "signature", row["id"], audit_id=audit_id) as log:
            self.insert("signatures", row)
            log.diff(None, {k: row[k] for k in ("signer_name", "role", "organisation",
                                                "content_hash")})
            if audit["status"] == "completed":
                self._move(audit, "signed", log, signed_at=now)
        return row["id"]

    @operation
    def sign_all(self, audit_id: str, signatures: list[dict]) -> Changes:
        """Several signatures at once (the auditor's and the supplier's): all are stored,
        or none; one operation, undone as one."""
        if not signatures:
            raise BadInput("no signature to store", field="signatures")
        for signature in signatures:
            self.sign(audit_id, **signature)

    @operation
    def mark_synced(self, audit_id: str, *, pushed_seq: int | None = None) -> bool:
        """HQ confirmed it holds the whole signed audit (sync sets this). `pushed_seq`: the
        last audit-log row of the document HQ holds; if the audit was amended or signed
        again after it (while the push ran), it stays 'signed' for the next sync (False)."""
        audit = self.audit(audit_id)
        if pushed_seq is not None and self.db.execute(
                "SELECT EXISTS (SELECT 1 FROM audit_log WHERE audit_id = ? AND seq > ? "
                "AND (amendment = 1 OR entity = 'signature'))",
                [audit_id, pushed_seq]).fetchone()[0]:
            return False
        with self.change("mark_synced", "audit", audit_id, audit_id=audit_id) as log:
            self._move(audit, "synced", log)
        return True

    def signatures(self, audit_id: str) -> list[dict]:
        return self.rows(
            "SELECT * FROM signatures WHERE audit_id = ? AND deleted = 0 ORDER BY signed_at",
            [audit_id])

    def history(self, audit_id: str) -> list[dict]:
        return self.rows("SELECT * FROM audit_log WHERE audit_id = ? ORDER BY seq",
                                  [audit_id])
