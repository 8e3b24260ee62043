"""`sva enrol` and `sva sync`: the whole exchange with HQ, step by step.

A sync is pull (master data, checklists, assignments, CAP changes) then push (signed
audits and photos). Every step is idempotent, so a sync cut anywhere is simply run again:
the cursor moves only after a pull is applied, an audit is marked synced only after HQ
confirms it holds every byte.
"""
from __future__ import annotations

import logging
import platform
from dataclasses import dataclass, field

from sva.errors import BadInput
from sva.sync import conflicts, credentials, masterdata, state
from sva.sync.errors import SyncError
from sva.sync.http import HqClient, check_url
from sva.sync.push import Progress, PushReport, audits_to_push, push_audit

log = logging.getLogger(__name__)      # ids and counts only: never the code or the token


def enrol(ws, server: str, code: str, *, device_name: str | None = None,
          transport=None) -> dict:
    """Exchange a one-time code for a device token, kept only in the OS keyring."""
    from cryptography.hazmat.primitives import serialization
    from cryptography.hazmat.primitives.asymmetric.ed25519 import Ed25519PrivateKey

    url = check_url(server)
    if not (code or "").strip():
        raise BadInput("the enrolment code is empty", field="--code", code="enrol_code_empty")
    credentials.backend()                 # refuse before spending the one-time code
    key = Ed25519PrivateKey.generate()
    public = key.public_key().public_bytes(serialization.Encoding.Raw,
                                           serialization.PublicFormat.Raw).hex()
    with HqClient(url, transport=transport) as client:
        answer = client.enrol(code.strip(), device_name or platform.node()[:100], public)
    backend = credentials.store_token(ws.device, answer["token"])
    credentials.store_signing_key(ws.device, key.private_bytes(
        serialization.Encoding.Raw, serialization.PrivateFormat.Raw,
        serialization.NoEncryption()))
    state.save_server(ws.db, url=url, hq_device_id=answer["device_id"],
                      user_name=answer["user"], role=answer["role"])
    log.info("enrolled with HQ %s as device %s (role %s); token in keyring %s", url,
             answer["device_id"], answer["role"], backend)
    return {"url": url, "device_id": answer["device_id"], "user": answer["user"],
            "role": answer["role"], "keyring": backend}


@dataclass
class SyncReport:
    suppliers: int = 0
    sites: int = 0
    checklists: int = 0
    new_audits: list[str] = field(default_factory=list)
    cap_applied: int = 0
    conflicts: int = 0
    cursor: int = 0
    push: PushReport = field(default_factory=PushReport)
    unconfirmed: list[str] = field(default_factory=list)


def _client(ws, transport=None) -> HqClient:
    server = state.server(ws.db)
    if server is None:
        raise BadInput("this device is not enrolled: run `sva enrol --server URL --code CODE`",
                       code="not_enrolled")
    token = credentials.load_token(ws.device)
    if not token:
        raise BadInput("no device token in the keyring "
                       f"({credentials.backend_name()}); enrol again with a new code",
                       code="no_token", params={"backend": credentials.backend_name()})
    return HqClient(server["url"], token, transport=transport)


def pull(ws, client: HqClient, report: SyncReport) -> None:
    cursor = state.server(ws.db)["cursor"]
    data = client.pull(cursor)
    report.suppliers = masterdata.apply_suppliers(ws, data["suppliers"])
    report.sites = masterdata.apply_sites(ws, data["sites"])
    report.checklists = masterdata.apply_checklists(ws, data["checklists"])
    report.new_audits = masterdata.apply_assignments(ws, data["assignments"])
    for finding in data["findings"]:
        merged = conflicts.reconcile(ws, finding)
        report.cap_applied += merged["applied"]
        report.conflicts += merged["conflicts"]
    state.set_policy(ws.db, data.get("policy") or {})    # e.g. whether originals may go up
    state.set_cursor(ws.db, data["cursor"])
    report.cursor = data["cursor"]


def sync(ws, *, transport=None, progress: Progress | None = None) -> SyncReport:
    report = SyncReport()
    try:
        with _client(ws, transport) as client:
            pull(ws, client, report)
            for audit_id in audits_to_push(ws):
                if not push_audit(ws, client, audit_id, report.push, progress):
                    report.unconfirmed.append(audit_id)
    except SyncError as exc:
        log.warning("sync stopped: %s (%s)", exc.code or type(exc).__name__, exc)
        state.finish(ws.db, str(exc), code=exc.code, params=exc.params)
        raise
    state.finish(ws.db, None)
    log.info("sync done: cursor %s, %d new audits, %d CAP changes, %d conflicts; pushed %s, "
             "synced %s, %d photos (%d bytes), unconfirmed %s", report.cursor,
             len(report.new_audits), report.cap_applied, report.conflicts, report.push.pushed,
             report.push.marked_synced, report.push.blobs_uploaded, report.push.bytes_uploaded,
             report.unconfirmed)
    return report
