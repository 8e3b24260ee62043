"""CAP online: a supplier's contacts see the findings of signed audits at their company that
need a corrective action plan (significant and minor), with the supplier-facing texts of the
audit (requirement, what was seen, required action, due date), and answer each one. The
answer goes through the same HQ follow-up as a workbook or `sva-hq finding update`
(sva.hq.audits.update_cap), so it flows to the auditor's device on its next pull; HQ
accepts it or returns it with a reason, which the supplier sees and answers again."""
from __future__ import annotations

import json
from datetime import date

from sva.errors import BadInput, NotFound
from sva.hq import audits as hq_audits
from sva.hq.storage import Storage, Tx
from sva.vocabulary import (CAP_POSITIONS, CAP_RESPONSE_FIELDS, CAP_SEVERITIES,
                             FINDING_JA_FIELDS, LOCKED_STATUSES)

ANSWERABLE = ("open", "cap_rejected")
REQUIRED = ("root_cause", "corrective_action", "responsible", "planned_date")
# What the supplier answers: the plan, and the response of the CAP workbook (immediate
# containment, evidence of completion, agree / dispute and why).
ANSWERED = ("root_cause", "corrective_action", "preventive_action", "responsible",
            "planned_date", "supplier_comment", *CAP_RESPONSE_FIELDS)
LIMIT = 2000


def _checklist_item(tx: Tx, ref: str | None, item_id: str | None, cache: dict) -> dict:
    """The checklist item as HQ published it (checklists table), {} if unknown."""
    if not ref or not item_id:
        return {}
    if ref not in cache:
        row = tx.one("SELECT body FROM checklists WHERE ref = ?", (ref,))
        body = json.loads(row["body"]) if row else {}
        cache[ref] = {i.get("id"): i for s in body.get("sections", [])
                      for i in s.get("items", [])}
    return cache[ref].get(item_id) or {}


def _texts(doc: dict, finding_id: str, lang: str, item_of) -> dict:
    """The finding's texts as the audit pushed them; on a Japanese page the auditor's
    Japanese texts (what was seen, required action) where the finding has them, and the
    checklist item's Japanese question as the requirement where the finding states the
    item's own (English) question — a requirement the auditor wrote differently stays as
    written."""
    for f in doc.get("findings", []):
        if f.get("id") == finding_id:
            out = {k: f.get(k) or "" for k in ("requirement", "observed", "required_action")}
            if lang == "ja":
                for field, ja in FINDING_JA_FIELDS.items():
                    if field in out and f.get(ja):
                        out[field] = f[ja]
                question = item_of(f.get("item_id")).get("question") or {}
                if question.get("ja") and out["requirement"] in ("", question.get("en")):
                    out["requirement"] = question["ja"]
            return out
    return {"requirement": "", "observed": "", "required_action": ""}


def photos_of(doc: dict, finding_id: str) -> list[dict]:
    """The finding's live photos as the audit lists them: the redacted rendering's hash
    (never the original's), caption, annotations and whether the device rendered it."""
    return [{"sha256": p["sha256"], "caption": p.get("caption") or "",
             "annotations": p.get("annotations"), "rendering": p.get("rendering")}
            for p in doc.get("photos", [])
            if p.get("finding_id") == finding_id and not p.get("deleted") and p.get("sha256")]


def findings_of(tx: Tx, supplier_code: str, finding_id: str | None = None,
                lang: str = "en") -> list[dict]:
    """CAP findings of signed audits at this supplier (one, if `finding_id` is given), their
    texts in `lang` where the auditor or the checklist has them, and their photos."""
    sql = ("SELECT f.*, a.document, a.status AS audit_status FROM findings f "
           "JOIN audits a ON a.id = f.audit_id WHERE a.supplier_code = ? "
           "AND f.fact_deleted = 0 AND f.severity IN (?, ?) "
           "AND a.status IN (?, ?)")
    args: tuple = (supplier_code, *CAP_SEVERITIES, *LOCKED_STATUSES)
    if finding_id is not None:
        sql += " AND f.id = ?"
        args += (str(finding_id)[:100],)
    rows = tx.all(sql + " ORDER BY f.due_date, f.id", args)
    cache: dict = {}
    for r in rows:
        doc = json.loads(r.pop("document") or "{}")
        ref = doc.get("template_ref")
        r.update(_texts(doc, r["id"], lang,
                        lambda item_id, ref=ref: _checklist_item(tx, ref, item_id, cache)))
        r["photos"] = photos_of(doc, r["id"])
        r["answerable"] = r["status"] in ANSWERABLE
    return rows


def answer(storage: Storage, contact: dict, finding_id: str, typed: dict) -> dict:
    """The supplier's CAP for one finding: root cause, corrective and preventive action,
    responsible person, planned date (after the due date only with a reason in the
    comment). Submits it (status cap_submitted)."""
    fields = {k: str(typed.get(k) or "").strip()[:LIMIT] for k in ANSWERED}
    with storage.transaction(write=False) as tx:
        found = findings_of(tx, contact["supplier_code"], finding_id)
    if not found:
        raise NotFound("not found", field="finding")
    finding = found[0]
    if not finding["answerable"]:
        raise BadInput("this CAP is with HQ: it cannot be changed now", field="status")
    for name in REQUIRED:
        if not fields[name]:
            raise BadInput(f"{name.replace('_', ' ')} is empty", field=name)
    # agree / dispute, as in the CAP workbook: a dispute says why
    if fields["position"] not in ("", *CAP_POSITIONS):
        raise BadInput("position must be agree or dispute", field="position")
    if fields["position"] == "dispute" and not fields["position_comment"]:
        raise BadInput("a disputed finding needs a comment saying why",
                       field="position_comment")
    try:
        planned = date.fromisoformat(fields["planned_date"])
    except ValueError:
        raise BadInput("planned date must be YYYY-MM-DD", field="planned_date") from None
    if finding["due_date"] and planned.isoformat() > finding["due_date"] \
            and not fields["supplier_comment"]:
        raise BadInput(f"the planned date is after the due date {finding['due_date']}: "
                       "say why in the comment", field="planned_date")
    return hq_audits.update_cap(storage, f"portal:{contact['email']}", finding["id"],
                                {**fields, "status": "cap_submitted"})


def decide(storage: Storage, finding_id: str, accept: bool, reason: str, *, actor: str) -> dict:
    """HQ accepts a submitted CAP or returns it with a reason (status cap_rejected)."""
    with storage.transaction(write=False) as tx:
        row = tx.one("SELECT status FROM findings WHERE id = ?", (str(finding_id)[:100],))
    if row is None:
        raise NotFound("no such finding", field="finding")
    if accept:
        return hq_audits.update_cap(storage, actor, finding_id, {"status": "cap_accepted"})
    return hq_audits.update_cap(storage, actor, finding_id,
                                {"status": "cap_rejected",
                                 "rejection_reason": (reason or "").strip()[:LIMIT]})


def add_evidence(storage: Storage, contact: dict, finding_id: str, filename: str,
                 data: bytes) -> str:
    """Attach a file (sniffed, size-limited, kept by hash) to the CAP of one of the
    supplier's own findings while the supplier may still answer it."""
    import uuid

    from sva.hq.accounts import log_event, now_iso
    from sva.hq.portal import evidence
    media = evidence.checked(data)
    with storage.transaction(write=False) as tx:
        found = findings_of(tx, contact["supplier_code"], finding_id)
    if not found:
        raise NotFound("not found", field="finding")
    if not found[0]["answerable"]:
        raise BadInput("this CAP is with HQ: it cannot be changed now", field="status")
    sha = evidence.keep(storage, data)
    evidence_id = str(uuid.uuid4())
    with storage.transaction() as tx:
        tx.execute("INSERT INTO portal_cap_evidence (id, finding_id, supplier_id, sha256, "
                   "filename, media_type, size, uploaded_at, uploaded_by) VALUES "
                   "(?,?,?,?,?,?,?,?,?)",
                   (evidence_id, found[0]["id"], contact["supplier_id"], sha,
                    evidence.safe_name(filename, media), media, len(data), now_iso(),
                    contact["id"]))
        log_event(tx, contact["email"], "cap_evidence", "finding", found[0]["id"],
                  sha256=sha)
    return evidence_id


def evidence_of(tx: Tx, finding_ids) -> dict:
    """{finding id: [evidence rows]}."""
    ids = list(finding_ids)
    if not ids:
        return {}
    out: dict = {}
    for row in tx.all("SELECT * FROM portal_cap_evidence WHERE finding_id IN "
                      f"({', '.join('?' * len(ids))}) ORDER BY uploaded_at", ids):
        out.setdefault(row["finding_id"], []).append(row)
    return out


def find_evidence(storage: Storage, supplier_id: str | None, evidence_id: str):
    """(row, path) of a CAP evidence file of this supplier (None: HQ staff) or NotFound."""
    from sva.hq.portal import evidence
    with storage.transaction(write=False) as tx:
        row = tx.one("SELECT * FROM portal_cap_evidence WHERE id = ?",
                     (str(evidence_id)[:100],))
    if row is None or (supplier_id is not None and row["supplier_id"] != supplier_id):
        raise NotFound("not found", field="evidence")
    path = evidence.path_of(storage, row["sha256"])
    if not path.is_file():
        raise NotFound("not found", field="evidence")
    return row, path
