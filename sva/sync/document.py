"""The whole audit as one JSON document for HQ: audit, answers, findings, photos, signatures,
audit log. Findings carry `cap_base`, the CAP values both sides last agreed on, so HQ takes
only what the device really changed. A photo is described by its redacted rendering
(sva.sync.outgoing): its hash, size and pixel size are the rendering's, and the original
goes (without metadata) only where HQ's policy asks for it.
"""
from __future__ import annotations

import base64
import json

from sva.sync import outgoing, state
from sva.vocabulary import (ANSWER_DOC_FIELDS as ANSWER_FIELDS, AUDIT_DOC_FIELDS as AUDIT_FIELDS,
                            FINDING_DOC_FIELDS as FINDING_FIELDS, LOG_FIELDS,
                            PHOTO_DOC_FIELDS as PHOTO_FIELDS)


def _rows(db, sql: str, args) -> list[dict]:
    return [dict(r) for r in db.query(sql, args)]


def audit_document(ws, audit_id: str, *, originals: bool | None = None) -> dict:
    """`originals`: send the clean originals too (default: HQ's policy as last pulled)."""
    db = ws.db
    if originals is None:
        originals = bool(state.policy(db).get("photo_originals"))
    audit = ws.audits.audit(audit_id)
    supplier = ws.audits.get("suppliers", audit["supplier_id"], include_deleted=True)
    site = ws.audits.get("sites", audit["site_id"], include_deleted=True)
    link = list(db.query("SELECT assignment_id FROM sync_assignments WHERE audit_id = ?",
                         [audit_id]))
    doc = {k: audit[k] for k in AUDIT_FIELDS}
    # Sent only when recorded: an audit without them makes the document it always made.
    if audit["scope_ja"]:
        doc["scope_ja"] = audit["scope_ja"]
    if audit["profile"]:
        doc["profile"] = json.loads(audit["profile"])
    doc.update({
        "assignment_id": link[0]["assignment_id"] if link else None,
        "supplier_id": state.hq_id(db, "supplier", supplier["id"]) or supplier["id"],
        "supplier_code": supplier["code"],
        "site_id": state.hq_id(db, "site", site["id"]) or site["id"],
        "site_name": site["name"],
        "auditors": json.loads(audit["auditors"]),
        "content_hash": ws.audits.content_hash(audit_id),
    })
    doc["answers"] = [{k: r[k] for k in ANSWER_FIELDS} for r in _rows(
        db, "SELECT * FROM answers WHERE audit_id = ? ORDER BY item_id", [audit_id])]
    findings = []
    for r in _rows(db, "SELECT * FROM findings WHERE audit_id = ? ORDER BY id", [audit_id]):
        row = {k: r[k] for k in FINDING_FIELDS}
        row["cap_base"] = state.base_of(db, r["id"]) or None
        findings.append(row)
    doc["findings"] = findings
    photos = []
    for r in _rows(db, "SELECT * FROM photos WHERE audit_id = ? ORDER BY position, id",
                   [audit_id]):
        row = {k: r[k] for k in PHOTO_FIELDS}
        shown = outgoing.rendering(ws, r)
        row.update({"sha256": shown.sha256, "size": shown.size, "rendering": "redacted",
                    "media_type": "image/jpeg", "width": shown.width, "height": shown.height,
                    "original": None})
        if originals and not r["deleted"]:
            full = outgoing.clean_original(ws, r)
            row["original"] = {"sha256": full.sha256, "size": full.size}
        photos.append(row)
    doc["photos"] = photos
    doc["signatures"] = [{
        "id": r["id"], "signer_name": r["signer_name"], "role": r["role"],
        "organisation": r["organisation"], "signed_at": r["signed_at"],
        "content_hash": r["content_hash"],
        "image_png": base64.b64encode(r["image_png"]).decode("ascii"),
    } for r in _rows(db, "SELECT * FROM signatures WHERE audit_id = ? AND deleted = 0 "
                         "ORDER BY signed_at, id", [audit_id])]
    doc["log"] = [{k: r[k] for k in LOG_FIELDS} for r in _rows(
        db, "SELECT * FROM audit_log WHERE audit_id = ? ORDER BY seq", [audit_id])]
    return doc
