"""Every version of an audit that HQ was sent, with the amendments (and their reasons) that
made each one differ from the version before.

A device pushes a whole audit document; `audits` holds the latest. An amendment of a synced
audit (a photo added, an annotation changed, a finding edited, each with a reason) is
pushed again as a new document: the old version stays here, the new one is added with the
amendment rows of the device's audit log that the old one did not have.
"""
from __future__ import annotations

import json

from sva.hq.storage import Storage, Tx

AMENDMENT_KEYS = ("seq", "at", "actor", "action", "entity", "entity_id", "reason")


def amendments_since(doc: dict, previous: dict | None) -> list[dict]:
    """The amendment rows of `doc`'s log that `previous` (the version before) lacks."""
    known = {entry.get("seq") for entry in (previous or {}).get("log", [])}
    return [{k: entry.get(k) for k in AMENDMENT_KEYS}
            for entry in doc.get("log", [])
            if entry.get("amendment") and entry.get("seq") not in known]


def record(tx: Tx, doc: dict, doc_hash: str, text: str, device_id: str, now: str,
           previous: dict | None) -> int:
    """Keep this document as the audit's next version; returns its number."""
    number = int(tx.scalar("SELECT COALESCE(MAX(version), 0) FROM audit_versions "
                           "WHERE audit_id = ?", (doc["id"],))) + 1
    tx.execute("INSERT INTO audit_versions (audit_id, version, doc_hash, document, "
               "received_at, device_id, amendments) VALUES (?,?,?,?,?,?,?)",
               (doc["id"], number, doc_hash, text, now, device_id,
                json.dumps(amendments_since(doc, previous), ensure_ascii=False)))
    return number


def catch_up(tx: Tx) -> None:
    """Migration: audits stored before versions were kept get their latest as version 1."""
    for row in tx.all("SELECT a.id, a.doc_hash, a.document, a.received_at, a.device_id "
                      "FROM audits a WHERE NOT EXISTS (SELECT 1 FROM audit_versions v "
                      "WHERE v.audit_id = a.id)"):
        doc = json.loads(row["document"])
        tx.execute("INSERT INTO audit_versions (audit_id, version, doc_hash, document, "
                   "received_at, device_id, amendments) VALUES (?,?,?,?,?,?,?)",
                   (row["id"], 1, row["doc_hash"], row["document"], row["received_at"],
                    row["device_id"], json.dumps(amendments_since(doc, None),
                                                 ensure_ascii=False)))


def list_versions(storage: Storage, who, audit_id: str) -> list[dict]:
    """The versions of an audit the principal may see, oldest first (without documents)."""
    from sva.hq.audits import _visible
    with storage.transaction(write=False) as tx:
        _visible(tx, who, audit_id)
        rows = tx.all("SELECT version, doc_hash, received_at, amendments FROM audit_versions "
                      "WHERE audit_id = ? ORDER BY version", (audit_id,))
    return [{"version": int(r["version"]), "doc_hash": r["doc_hash"],
             "received_at": r["received_at"], "amendments": json.loads(r["amendments"])}
            for r in rows]


def get_version(storage: Storage, who, audit_id: str, number: int) -> dict | None:
    from sva.hq.audits import _visible
    with storage.transaction(write=False) as tx:
        _visible(tx, who, audit_id)
        row = tx.one("SELECT version, doc_hash, received_at, amendments, document "
                     "FROM audit_versions WHERE audit_id = ? AND version = ?",
                     (audit_id, number))
    if row is None:
        return None
    return {"version": int(row["version"]), "doc_hash": row["doc_hash"],
            "received_at": row["received_at"], "amendments": json.loads(row["amendments"]),
            "document": json.loads(row["document"])}
