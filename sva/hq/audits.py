"""Audits pushed by devices, their photo references, and the CAP follow-up done at HQ."""
from __future__ import annotations

import hashlib
import json
from dataclasses import dataclass

from sva.errors import BadInput
from sva.hq.accounts import log_event, now_iso
from sva.hq.storage import Storage, Tx
from sva.vocabulary import (CAP_RESPONSE_FIELDS, CAP_SYNC_FIELDS, FINDING_EXTRA_FIELDS,
                            FINDING_TRANSITIONS, ROLES_SEEING_ALL, VERIFICATION_METHODS)


class Forbidden(Exception):
    """The principal may not store this audit (another auditor's, or outside its
    assignments); the message says which."""

    def __init__(self, message: str = "this audit belongs to another auditor"):
        super().__init__(message)


class Missing(Exception):
    """Nothing the principal may see has this id."""


class Conflict(BadInput):
    """The request is well-formed but the stored state does not allow it (a CAP move the
    status table forbids, a finding id another audit already uses): 409 at the API."""


@dataclass(frozen=True)
class Principal:
    device_id: str
    user_id: str
    user_name: str
    role: str

    @property
    def sees_all(self) -> bool:
        return self.role in ROLES_SEEING_ALL


# Per finding, what the device last agreed with HQ: sync bookkeeping, not audit content.
PROTOCOL_FINDING_KEYS = ("cap_base",)
# Finding fields newer than some pushed documents: they count in the hash only when set.
OMITTED_EMPTY = (*FINDING_EXTRA_FIELDS, *CAP_RESPONSE_FIELDS)
AUDIT_OMITTED_EMPTY = ("scope_ja", "profile")


def as_sent(doc: dict) -> dict:
    """The document as the device sent it: the scope in Japanese and the site profile
    (device schema_report_language) only when recorded, a profile with the fields recorded
    only — the API model fills in empty defaults, which the device never sends."""
    sent = dict(doc)
    if isinstance(sent.get("profile"), dict):
        sent["profile"] = {k: v for k, v in sent["profile"].items() if v is not None}
    for key in AUDIT_OMITTED_EMPTY:
        if sent.get(key) in ("", None, {}):
            sent.pop(key, None)
    return sent


def content_of(doc: dict) -> dict:
    """The document without sync bookkeeping: what the audit says, not how it travelled."""
    content = as_sent(doc)
    # A finding's Japanese texts and evidence references (device schema
    # schema_finding_report) count only when written: a document from before them hashes
    # as it did.
    content["findings"] = [{k: v for k, v in f.items() if k not in PROTOCOL_FINDING_KEYS
                            and not (k in OMITTED_EMPTY and v in ("", None))}
                           for f in doc.get("findings", [])]
    return content


def document_hash(doc: dict) -> str:
    """Hash of the audit's content. `cap_base` is left out: a pull between a push whose
    answer was lost and its retry moves the base but not the content, and must not make HQ
    store a second, identical version."""
    canonical = json.dumps(content_of(doc), sort_keys=True, ensure_ascii=False,
                           separators=(",", ":"))
    return hashlib.sha256(canonical.encode("utf-8")).hexdigest()


def _visible(tx: Tx, who: Principal, audit_id: str) -> dict:
    row = tx.one("SELECT * FROM audits WHERE id = ?", (audit_id,))
    if row is None or (not who.sees_all and row["owner_id"] != who.user_id):
        raise Missing(audit_id)       # another auditor's audit looks like no audit at all
    return row


# A blob is held for an audit only if the audit's device sent its bytes (blob_owners).
HELD = ("EXISTS (SELECT 1 FROM blobs b JOIN blob_owners o ON o.sha256 = b.sha256 "
        "WHERE b.sha256 = ab.sha256 AND o.device_id = a.device_id)")


def _missing_blobs(tx: Tx, audit_id: str) -> list[str]:
    return [r["sha256"] for r in tx.all(
        "SELECT ab.sha256 FROM audit_blobs ab JOIN audits a ON a.id = ab.audit_id "
        f"WHERE ab.audit_id = ? AND NOT {HELD} ORDER BY ab.sha256", (audit_id,))]


def held_blobs(tx: Tx, audit_id: str) -> set[str]:
    """The blobs of an audit that HQ holds and the audit's own device sent."""
    return {r["sha256"] for r in tx.all(
        "SELECT ab.sha256 FROM audit_blobs ab JOIN audits a ON a.id = ab.audit_id "
        f"WHERE ab.audit_id = ? AND {HELD}", (audit_id,))}


def photo_blobs(doc: dict) -> dict[str, int]:
    """sha256 → size of every blob the live photos of a document refer to: the redacted
    rendering, and the clean original where HQ's policy asked for it."""
    out = {}
    for p in doc.get("photos", []):
        if p.get("deleted"):
            continue
        out[p["sha256"]] = p["size"]
        if p.get("original"):
            out[p["original"]["sha256"]] = p["original"]["size"]
    return out


def ingest(storage: Storage, who: Principal, doc: dict) -> dict:
    """Store a whole audit document; the same content twice is one audit, changed once."""
    from sva.hq.policy import device_policy
    from sva.hq.scope import OutOfScope, check_push
    doc = as_sent(doc)               # stored as the device holds it
    doc_hash = document_hash(doc)
    audit_id = doc["id"]
    photos = photo_blobs(doc)
    with storage.transaction() as tx:
        old = tx.one("SELECT id, owner_id, doc_hash FROM audits WHERE id = ?", (audit_id,))
        if old is not None and old["owner_id"] != who.user_id and not who.sees_all:
            raise Forbidden()
        try:
            check_push(tx, who, doc)
        except OutOfScope as exc:
            raise Forbidden(str(exc)) from None
        if any(p.get("original") for p in doc.get("photos", [])) \
                and not device_policy(tx)["photo_originals"]:
            raise BadInput("HQ does not accept photo originals (policy photo_originals is "
                           "off): send the redacted renderings only", field="photos")
        if old is not None and old["doc_hash"] == doc_hash:
            outcome = "unchanged"
            # Same content, maybe a newer base (e.g. "keep mine" after a conflict): the CAP
            # values the device still differs on are merged; nothing else is stored again.
            _merge_cap_only(tx, who, doc)
        else:
            outcome = "updated" if old else "created"
            _store(tx, who, doc, doc_hash, photos, old is not None)
        missing = _missing_blobs(tx, audit_id)
        findings = tx.all(f"SELECT id, audit_id, {', '.join(CAP_SYNC_FIELDS)} FROM findings "
                          "WHERE audit_id = ? ORDER BY id", (audit_id,))
    # HQ's CAP values after the merge: the device reconciles them like a pull.
    return {"audit_id": audit_id, "outcome": outcome, "doc_hash": doc_hash,
            "missing_blobs": missing, "findings": findings}


def _store(tx: Tx, who: Principal, doc: dict, doc_hash: str, photos: dict, exists: bool):
    from sva.hq import versions
    rev, now, audit_id = tx.next_rev(), now_iso(), doc["id"]
    text = json.dumps(doc, sort_keys=True, ensure_ascii=False)
    previous = None
    if exists:
        previous = json.loads(tx.one("SELECT document FROM audits WHERE id = ?",
                                     (audit_id,))["document"])
        tx.execute("UPDATE audits SET status = ?, doc_hash = ?, document = ?, received_at = ?, "
                   "device_id = ?, pushes = pushes + 1, rev = ? WHERE id = ?",
                   (doc["status"], doc_hash, text, now, who.device_id, rev, audit_id))
        tx.execute("DELETE FROM audit_blobs WHERE audit_id = ?", (audit_id,))
    else:
        tx.execute("INSERT INTO audits (id, owner_id, device_id, assignment_id, supplier_code, "
                   "status, doc_hash, document, first_received_at, received_at, rev) "
                   "VALUES (?,?,?,?,?,?,?,?,?,?,?)",
                   (audit_id, who.user_id, who.device_id, doc.get("assignment_id"),
                    doc.get("supplier_code", ""), doc["status"], doc_hash, text, now, now, rev))
    # The latest is in `audits`; every version, with the amendments since the one before,
    # stays in `audit_versions` (an amendment after sync never overwrites what HQ had).
    version = versions.record(tx, doc, doc_hash, text, who.device_id, now, previous)
    for sha, size in photos.items():
        tx.execute("INSERT INTO audit_blobs (audit_id, sha256, size) VALUES (?,?,?)",
                   (audit_id, sha, size))
    for finding in doc.get("findings", []):
        _merge_finding(tx, who, audit_id, finding, rev, now)
    # The programme's figures read kind, visit date and findings' area/severity as columns:
    # written with the document, in its transaction (older rows: migration v4).
    from sva.hq.programme_store import apply_facts
    apply_facts(tx, audit_id, rev, doc)
    log_event(tx, who.user_name, "push", "audit", audit_id, device=who.device_id,
              doc_hash=doc_hash, version=version)


def _merge_cap_only(tx: Tx, who: Principal, doc: dict) -> None:
    stamp: list = []

    def rev_now() -> tuple[int, str]:
        if not stamp:
            stamp.extend((tx.next_rev(), now_iso()))
        return stamp[0], stamp[1]

    for finding in doc.get("findings", []):
        current = tx.one("SELECT * FROM findings WHERE id = ?", (finding["id"],))
        if current is not None and current["audit_id"] == doc["id"]:
            changes = _device_changes(finding, current)
            if changes:
                _update_finding(tx, who, finding["id"], changes, *rev_now())
    if stamp:
        log_event(tx, who.user_name, "push_cap", "audit", doc["id"], device=who.device_id)


def _device_changes(f: dict, current) -> dict:
    """CAP values the device changed since the base it shares with HQ, where HQ still holds
    that base (where HQ changed too, the device shows the user a conflict instead)."""
    base = f.get("cap_base") or {}
    return {k: f.get(k) for k in CAP_SYNC_FIELDS
            if k in base and f.get(k) != base[k] and current[k] == base[k]
            and f.get(k) != current[k]}


def _update_finding(tx: Tx, who: Principal, finding_id: str, changes: dict, rev: int,
                    now: str) -> None:
    sets = ", ".join(f"{k} = ?" for k in changes)
    tx.execute(f"UPDATE findings SET {sets}, updated_at = ?, updated_by = ?, rev = ? "
               "WHERE id = ?", (*[v if v is not None else _empty(k)
                                  for k, v in changes.items()],
                                now, who.device_id, rev, finding_id))


def _merge_finding(tx: Tx, who: Principal, audit_id: str, f: dict, rev: int, now: str):
    """Take the device's CAP values where HQ still holds what the device last saw."""
    current = tx.one("SELECT * FROM findings WHERE id = ?", (f["id"],))
    if current is None:
        cols = ("id", "audit_id", *CAP_SYNC_FIELDS, "updated_at", "updated_by", "rev")
        values = (f["id"], audit_id, *[f.get(k) if f.get(k) is not None else _empty(k)
                                       for k in CAP_SYNC_FIELDS], now, who.device_id, rev)
        tx.execute(f"INSERT INTO findings ({', '.join(cols)}) VALUES "
                   f"({', '.join('?' for _ in cols)})", values)
        return
    if current["audit_id"] != audit_id:
        raise Conflict(f"finding {f['id']} belongs to another audit", field="findings.id")
    changes = _device_changes(f, current)
    if changes:
        _update_finding(tx, who, f["id"], changes, rev, now)


def _empty(field: str):
    return None if field in ("verification_method", "verified_at", "planned_date") else ""


def confirm(storage: Storage, who: Principal, audit_id: str) -> dict:
    """Whether HQ holds every byte of the audit: the device marks it synced only then."""
    with storage.transaction(write=False) as tx:
        row = _visible(tx, who, audit_id)
        missing = _missing_blobs(tx, audit_id)
    return {"audit_id": audit_id, "doc_hash": row["doc_hash"], "complete": not missing,
            "missing_blobs": missing}


def get_audit(storage: Storage, who: Principal, audit_id: str) -> dict:
    with storage.transaction(write=False) as tx:
        row = _visible(tx, who, audit_id)
        missing = _missing_blobs(tx, audit_id)
    return {"audit_id": audit_id, "doc_hash": row["doc_hash"], "pushes": row["pushes"],
            "received_at": row["received_at"], "complete": not missing,
            "document": json.loads(row["document"])}


def blob_declared_size(storage: Storage, who: Principal, sha: str) -> int | None:
    """The size an audit visible to `who` declared for this blob; None if none refers to it."""
    with storage.transaction(write=False) as tx:
        if who.sees_all:
            row = tx.one("SELECT MAX(size) AS size FROM audit_blobs WHERE sha256 = ?", (sha,))
        else:
            row = tx.one("SELECT MAX(ab.size) AS size FROM audit_blobs ab JOIN audits a "
                         "ON a.id = ab.audit_id WHERE ab.sha256 = ? AND a.owner_id = ?",
                         (sha, who.user_id))
    return None if row is None or row["size"] is None else int(row["size"])


def record_blob(storage: Storage, sha: str, size: int, device_id: str) -> None:
    """HQ holds the blob, and `device_id` proved it has the bytes (it sent them all)."""
    with storage.transaction() as tx:
        tx.execute("INSERT INTO blobs (sha256, size, stored_at) VALUES (?,?,?) "
                   "ON CONFLICT (sha256) DO NOTHING", (sha, size, now_iso()))
        tx.execute("INSERT INTO blob_owners (sha256, device_id, received_at) VALUES (?,?,?) "
                   "ON CONFLICT (sha256, device_id) DO NOTHING", (sha, device_id, now_iso()))


def owns_blob(storage: Storage, sha: str, device_id: str) -> bool:
    with storage.transaction(write=False) as tx:
        return tx.one("SELECT 1 AS one FROM blob_owners o JOIN blobs b ON b.sha256 = o.sha256 "
                      "WHERE o.sha256 = ? AND o.device_id = ?", (sha, device_id)) is not None


def update_cap(storage: Storage, who: Principal | str, finding_id: str, fields: dict) -> dict:
    """HQ follow-up of a finding (status along the CAP table, CAP texts); flows down on pull."""
    actor = who if isinstance(who, str) else who.user_name
    unknown = set(fields) - set(CAP_SYNC_FIELDS)
    if unknown:
        raise BadInput(f"unknown finding field(s): {', '.join(sorted(unknown))}",
                       field=sorted(unknown)[0])
    with storage.transaction() as tx:
        current = tx.one("SELECT * FROM findings WHERE id = ?", (finding_id,))
        if current is None:
            raise Missing(finding_id)
        new_status = fields.get("status", current["status"])
        if new_status != current["status"]:
            if new_status not in FINDING_TRANSITIONS:
                raise BadInput(f"unknown finding status {new_status!r}", field="status")
            if new_status not in FINDING_TRANSITIONS.get(current["status"], ()):
                raise Conflict(f"finding cannot move from '{current['status']}' to "
                               f"'{new_status}'", field="status")
            if new_status == "cap_rejected" and not (fields.get("rejection_reason") or "").strip():
                raise Conflict("rejecting a CAP needs a reason", field="rejection_reason")
            if new_status == "verified_closed":
                if fields.get("verification_method") not in VERIFICATION_METHODS:
                    raise Conflict("closing needs a verification method: "
                                   + " or ".join(VERIFICATION_METHODS),
                                   field="verification_method")
                fields.setdefault("verified_at", now_iso()[:10])
        changes = {k: v for k, v in fields.items() if current[k] != v}
        if changes:
            sets = ", ".join(f"{k} = ?" for k in changes)
            tx.execute(f"UPDATE findings SET {sets}, updated_at = ?, updated_by = ?, rev = ? "
                       "WHERE id = ?", (*changes.values(), now_iso(), f"hq:{actor}",
                                        tx.next_rev(), finding_id))
            log_event(tx, actor, "update_cap", "finding", finding_id,
                      changes={k: [current[k], v] for k, v in changes.items()})
        return tx.one("SELECT * FROM findings WHERE id = ?", (finding_id,))
