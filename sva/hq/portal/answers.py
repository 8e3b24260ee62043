"""A supplier's questionnaire in a campaign: open, save as you go, submit (with the missing
required answers listed), HQ returns it with a comment, the supplier edits and resubmits.
Every submission is kept as a version with the level it fed and its explanation.

Every function that a supplier calls takes the contact and finds the request only among its
own supplier's: another supplier's request is "not found", exactly like one that does not
exist."""
from __future__ import annotations

import json
import re
from datetime import date

from sva.errors import BadInput, NotFound
from sva.hq.accounts import log_event, now_iso
from sva.hq.portal import outbox, questionnaires, scoring
from sva.hq.portal.questionnaires import PortalQuestion, PortalQuestionnaire
from sva.hq.storage import Storage, Tx
from sva.vocabulary import PORTAL_EDITABLE

TEXT_LIMIT = 4000
NUMBER = re.compile(r"^-?\d{1,12}(\.\d{1,4})?$")


class Incomplete(BadInput):
    """Required answers are missing: the submission is refused and lists them."""

    def __init__(self, missing: list[str]):
        super().__init__(f"{len(missing)} required answer(s) missing: {', '.join(missing)}",
                         field="answers")
        self.missing = missing


class Locked(BadInput):
    """The questionnaire is submitted: read-only until HQ returns it."""


def request_of(tx: Tx, supplier_id: str | None, request_id: str) -> dict | None:
    """The request with its campaign; `supplier_id` None = HQ staff (any supplier)."""
    row = tx.one("SELECT r.*, c.fy, c.questionnaire, c.questionnaire_version, c.due_date, "
                 "s.code AS supplier_code, s.name_en, s.name_ja FROM portal_requests r "
                 "JOIN portal_campaigns c ON c.id = r.campaign_id "
                 "JOIN suppliers s ON s.id = r.supplier_id WHERE r.id = ?",
                 (str(request_id)[:100],))
    if row is None or (supplier_id is not None and row["supplier_id"] != supplier_id):
        return None
    return row


def _mine(tx: Tx, contact: dict, request_id: str) -> dict:
    row = request_of(tx, contact["supplier_id"], request_id)
    if row is None:
        raise NotFound("not found", field="request")
    return row


def questionnaire_of(req: dict) -> PortalQuestionnaire:
    return questionnaires.get(req["questionnaire"], req["questionnaire_version"])


def requests_of(tx: Tx, supplier_id: str) -> list[dict]:
    return tx.all("SELECT r.id, r.status, r.version, r.return_comment, c.fy, c.questionnaire, "
                  "c.questionnaire_version, c.due_date FROM portal_requests r "
                  "JOIN portal_campaigns c ON c.id = r.campaign_id WHERE r.supplier_id = ? "
                  "ORDER BY c.due_date DESC", (supplier_id,))


def answers_of(tx: Tx, request_id: str) -> dict:
    return {r["question_id"]: r["value"] for r in tx.all(
        "SELECT question_id, value FROM portal_answers WHERE request_id = ?", (request_id,))}


def evidence_of(tx: Tx, request_id: str) -> list[dict]:
    return tx.all("SELECT id, question_id, sha256, filename, media_type, size, uploaded_at "
                  "FROM portal_evidence WHERE request_id = ? ORDER BY uploaded_at",
                  (request_id,))


def open_request(storage: Storage, contact: dict, request_id: str) -> dict:
    """The request as its supplier sees it; the first look marks it opened (a page view
    writes nothing after that)."""
    with storage.transaction(write=False) as tx:
        req = _mine(tx, contact, request_id)
    if req["status"] != "invited":
        return req
    with storage.transaction() as tx:
        req = _mine(tx, contact, request_id)
        if req["status"] == "invited":
            tx.execute("UPDATE portal_requests SET status = 'opened', opened_at = ?, "
                       "updated_at = ? WHERE id = ?", (now_iso(), now_iso(), req["id"]))
            log_event(tx, contact["email"], "open", "portal_request", req["id"])
            req["status"] = "opened"
        return req


def clean_answer(q: PortalQuestion, raw) -> str:
    """The stored form of one answer, or BadInput naming the question."""
    value = str(raw if raw is not None else "").strip()
    if not value:
        return ""
    options = q.options()
    if options:
        if value not in options:
            raise BadInput(f"{q.id}: answer {value[:40]!r} is not one of "
                           f"{', '.join(options)}", field=q.id)
        return value
    if q.allow_na and value == "na":
        return value
    if q.type == "number":
        if not NUMBER.match(value):
            raise BadInput(f"{q.id}: {value[:40]!r} is not a number", field=q.id)
        return value
    if q.type == "date":
        try:
            day = date.fromisoformat(value)
        except ValueError:
            raise BadInput(f"{q.id}: {value[:40]!r} is not a date YYYY-MM-DD",
                           field=q.id) from None
        if not 2000 <= day.year <= 2100:
            raise BadInput(f"{q.id}: {value} is out of range", field=q.id)
        return value
    if q.type == "text":
        if len(value) > TEXT_LIMIT or "\x00" in value:
            raise BadInput(f"{q.id}: the text is longer than {TEXT_LIMIT} characters",
                           field=q.id)
        return value
    raise BadInput(f"{q.id}: a file question takes an upload, not a typed answer", field=q.id)


def write_answers(tx: Tx, contact: dict, req: dict, typed: dict) -> list[str]:
    """Store some answers of an editable request in the caller's transaction (an empty value
    clears one); BadInput naming the question before anything is written. Returns the
    questions saved."""
    if req["status"] not in PORTAL_EDITABLE:
        raise Locked("the questionnaire is submitted and read-only", field="status")
    questions = questionnaire_of(req).questions
    cleaned = {}
    for qid, raw in typed.items():
        if qid not in questions:
            raise BadInput(f"no question {str(qid)[:40]!r} in this questionnaire",
                           field="question")
        cleaned[qid] = clean_answer(questions[qid], raw)
    at = now_iso()
    for qid, value in cleaned.items():
        if not value:
            tx.execute("DELETE FROM portal_answers WHERE request_id = ? AND "
                       "question_id = ?", (req["id"], qid))
            continue
        tx.execute("INSERT INTO portal_answers (request_id, question_id, value, updated_at, "
                   "updated_by) VALUES (?,?,?,?,?) ON CONFLICT (request_id, question_id) "
                   "DO UPDATE SET value = excluded.value, updated_at = excluded.updated_at, "
                   "updated_by = excluded.updated_by", (req["id"], qid, value, at,
                                                        contact["id"]))
    if req["status"] != "in_progress":
        tx.execute("UPDATE portal_requests SET status = 'in_progress', updated_at = ? "
                   "WHERE id = ?", (at, req["id"]))
        req["status"] = "in_progress"
    return sorted(cleaned)


def save(storage: Storage, contact: dict, request_id: str, typed: dict) -> int:
    """Save some answers (an empty value clears one); all or nothing. Returns how many."""
    with storage.transaction() as tx:
        req = _mine(tx, contact, request_id)
        saved = write_answers(tx, contact, req, typed)
        log_event(tx, contact["email"], "save", "portal_request", req["id"], questions=saved)
    return len(saved)


def missing_required(q: PortalQuestionnaire, answers: dict, evidence: list[dict]) -> list[str]:
    files = {e["question_id"] for e in evidence}
    return [x.id for x in q.questions.values() if x.required and
            not (x.id in files if x.type == "file" else answers.get(x.id))]


def progress(q: PortalQuestionnaire, answers: dict, evidence: list[dict]) -> dict:
    """{section id: (answered, questions)}."""
    files = {e["question_id"] for e in evidence}
    return {s.id: (sum(1 for x in s.questions
                       if (x.id in files if x.type == "file" else answers.get(x.id))),
                   len(s.questions)) for s in q.sections}


def submit(storage: Storage, contact: dict, request_id: str) -> dict:
    """Submit: refused with the missing required answers listed; else a new version is kept
    with its level, the request becomes read-only, and a receipt goes to the contact."""
    with storage.transaction() as tx:
        req = _mine(tx, contact, request_id)
        if req["status"] not in PORTAL_EDITABLE:
            raise Locked("the questionnaire is already submitted", field="status")
        q = questionnaire_of(req)
        answers, evidence = answers_of(tx, req["id"]), evidence_of(tx, req["id"])
        missing = missing_required(q, answers, evidence)
        if missing:
            raise Incomplete(missing)
        at = now_iso()
        level, why = scoring.level_of(q, answers, supplier_code=req["supplier_code"],
                                      fy=req["fy"], submitted_on=at[:10])
        scoring.feed_programme(tx, q, answers, supplier_code=req["supplier_code"],
                               fy=req["fy"], submitted_on=at[:10])
        version = int(req["version"]) + 1
        tx.execute("INSERT INTO portal_versions (request_id, version, submitted_at, "
                   "submitted_by, answers, evidence, level, explanation) VALUES "
                   "(?,?,?,?,?,?,?,?)",
                   (req["id"], version, at, contact["id"],
                    json.dumps(answers, ensure_ascii=False, sort_keys=True),
                    json.dumps(evidence, ensure_ascii=False), level,
                    json.dumps(why, ensure_ascii=False)))
        tx.execute("UPDATE portal_requests SET status = 'submitted', version = ?, "
                   "submitted_at = ?, level = ?, explanation = ?, updated_at = ? WHERE id = ?",
                   (version, at, level, json.dumps(why, ensure_ascii=False), at, req["id"]))
        supplier = tx.one("SELECT * FROM suppliers WHERE id = ?", (req["supplier_id"],))
        full = tx.one("SELECT * FROM portal_contacts WHERE id = ?", (contact["id"],))
        outbox.enqueue(tx, full, "receipt", supplier=supplier, version=version, at=at[:16],
                       questionnaire=q.title[full["lang"]])
        log_event(tx, contact["email"], "submit", "portal_request", req["id"],
                  version=version, level=level)
    return {"version": version, "level": level}


def return_to_supplier(storage: Storage, request_id: str, comment: str, *, actor: str) -> None:
    """HQ sends a submission back with a comment; the supplier's contacts are told."""
    comment = (comment or "").strip()[:2000]
    if not comment:
        raise BadInput("say why the questionnaire goes back (comment)", field="comment")
    with storage.transaction() as tx:
        req = request_of(tx, None, request_id)
        if req is None:
            raise NotFound("no such questionnaire request", field="request")
        if req["status"] != "submitted":
            raise BadInput("only a submitted questionnaire can be returned", field="status")
        at = now_iso()
        tx.execute("UPDATE portal_versions SET returned_at = ?, returned_by = ?, "
                   "return_comment = ? WHERE request_id = ? AND version = ?",
                   (at, actor, comment, req["id"], req["version"]))
        tx.execute("UPDATE portal_requests SET status = 'returned', returned_at = ?, "
                   "return_comment = ?, updated_at = ? WHERE id = ?",
                   (at, comment, at, req["id"]))
        supplier = tx.one("SELECT * FROM suppliers WHERE id = ?", (req["supplier_id"],))
        q = questionnaire_of(req)
        for c in tx.all("SELECT * FROM portal_contacts WHERE supplier_id = ? AND disabled = 0 "
                        "AND password_hash IS NOT NULL", (req["supplier_id"],)):
            outbox.enqueue(tx, c, "returned", supplier=supplier, comment=comment,
                           questionnaire=q.title[c["lang"]])
        log_event(tx, actor, "return", "portal_request", req["id"], version=req["version"])


def versions(tx: Tx, request_id: str) -> list[dict]:
    out = tx.all("SELECT * FROM portal_versions WHERE request_id = ? ORDER BY version DESC",
                 (request_id,))
    for v in out:
        v["answers"] = json.loads(v["answers"])
        v["explanation"] = json.loads(v["explanation"])
    return out
