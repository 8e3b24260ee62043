"""An amendment after sync leaves the device and HQ keeps every version with its reasons,
on both HQ databases (a real `sva-hq serve` on loopback, tests/hq/conftest.py).

Sync → amend (a photo added, an annotation drawn, a finding edited, each with a reason) →
the audit is pending again → sync → HQ holds the new version with the reasons, and still
the old one as it was."""
from __future__ import annotations

import json

import httpx

from sva.hq import migrations
from sva.sync.engine import sync
from sva.sync.status import is_pending, pending_ids
from tests.hq.conftest import jpeg
from tests.hq.test_roundtrip import assigned_audit, do_audit

REDACT = [{"kind": "redact", "box": [0.2, 0.2, 0.6, 0.6]}]


def token_of(keyring) -> str:
    (token,) = [v for (_, user), v in keyring.items.items() if user.startswith("device-token:")]
    return token


def versions(hq, keyring, audit_id: str, number: int | None = None):
    url = f"{hq.url}/api/v1/audits/{audit_id}/versions" + (f"/{number}" if number else "")
    answer = httpx.get(url, headers={"Authorization": f"Bearer {token_of(keyring)}"},
                       trust_env=False, timeout=10)
    assert answer.status_code == 200, answer.text
    return answer.json()


def amend_synced(device, audit_id: str) -> dict:
    (finding,) = device.findings.of_audit(audit_id)
    (photo,) = device.photos.of_audit(audit_id)
    added = device.photos.add_bytes(audit_id, jpeg(7), filename="cleared.jpg",
                                    finding_id=finding["id"], reason="photo of the cleared exit")
    device.photos.set_annotations(photo["id"], REDACT, reason="a worker's face was visible")
    device.findings.edit(finding["id"], observed="fire exit blocked by pallets and boxes",
                         reason="boxes were seen on the photo")
    return {"finding": finding["id"], "photo": photo["id"], "added": added}


def test_an_amended_synced_audit_is_pushed_again_and_hq_keeps_both_versions(
        hq, device, memory_keyring):
    audit_id = assigned_audit(hq, device)
    do_audit(device, audit_id, photos=1)
    assert sync(device).push.marked_synced == [audit_id]
    assert pending_ids(device.db) == [] and not is_pending(device.db, audit_id)
    (first,) = versions(hq, memory_keyring, audit_id)
    assert first["version"] == 1 and first["amendments"] == []

    ids = amend_synced(device, audit_id)
    assert pending_ids(device.db) == [audit_id] and is_pending(device.db, audit_id)
    assert device.audits.audit(audit_id)["status"] == "signed"      # signed, not at HQ yet
    history = device.audits.history(audit_id)
    assert [(r["action"], r["amendment"]) for r in history[-3:]] == [
        ("amend:add", 1), ("amend:annotate", 1), ("amend:edit", 1)]
    assert json.loads(history[-3]["changes"])["audit_status"] == ["synced", "signed"]

    report = sync(device)
    assert report.push.pushed == [audit_id] and report.push.marked_synced == [audit_id]
    assert report.push.blobs_uploaded == 2        # the new photo, the re-rendered redaction
    assert device.audits.audit(audit_id)["status"] == "synced"
    assert pending_ids(device.db) == []

    old, new = versions(hq, memory_keyring, audit_id)
    assert (old["version"], new["version"]) == (1, 2) and old == first
    assert [(a["action"], a["reason"]) for a in new["amendments"]] == [
        ("amend:add", "photo of the cleared exit"),
        ("amend:annotate", "a worker's face was visible"),
        ("amend:edit", "boxes were seen on the photo")]
    assert {a["entity_id"] for a in new["amendments"]} == {ids["added"], ids["photo"],
                                                          ids["finding"]}
    before = versions(hq, memory_keyring, audit_id, 1)["document"]
    after = versions(hq, memory_keyring, audit_id, 2)["document"]
    assert len(before["photos"]) == 1 and len(after["photos"]) == 2
    assert json.loads(before["photos"][0]["annotations"]) == []
    (mark,) = json.loads(next(p for p in after["photos"]
                              if p["id"] == ids["photo"])["annotations"])
    assert (mark["kind"], mark["box"]) == ("redact", REDACT[0]["box"])
    assert before["findings"][0]["observed"] == "fire exit blocked by pallets"
    assert after["findings"][0]["observed"] == "fire exit blocked by pallets and boxes"
    with hq.storage.transaction(write=False) as tx:
        latest = json.loads(tx.scalar("SELECT document FROM audits WHERE id = ?",
                                      (audit_id,)))
    assert latest == after

    # Nothing changed since: the next sync sends nothing and HQ keeps two versions.
    assert sync(device).push.pushed == []
    assert len(versions(hq, memory_keyring, audit_id)) == 2


def test_the_migration_keeps_audits_stored_before_as_version_1(hq, device, memory_keyring):
    audit_id = assigned_audit(hq, device)
    do_audit(device, audit_id, photos=0)
    sync(device)
    with hq.storage.transaction() as tx:
        tx.execute("DELETE FROM audit_versions WHERE audit_id = ?", (audit_id,))
        hq.storage.set_version(tx, migrations.STEPS.index(migrations._versions))
    assert migrations.migrate(hq.storage) == migrations.SCHEMA_VERSION
    (only,) = versions(hq, memory_keyring, audit_id)
    assert only["version"] == 1
    with hq.storage.transaction(write=False) as tx:
        assert only["doc_hash"] == tx.scalar("SELECT doc_hash FROM audits WHERE id = ?",
                                             (audit_id,))


def test_another_auditors_versions_are_not_there(hq, device, memory_keyring):
    audit_id = assigned_audit(hq, device)
    do_audit(device, audit_id, photos=0)
    sync(device)
    assert versions(hq, memory_keyring, audit_id, 1)["version"] == 1     # the owner's: there
    token, _ = hq.token_for("kenji")
    for path in ("", "/1"):
        answer = httpx.get(f"{hq.url}/api/v1/audits/{audit_id}/versions{path}",
                           headers={"Authorization": f"Bearer {token}"}, trust_env=False)
        assert answer.status_code == 404


def test_an_amendment_made_while_the_push_runs_stays_pending(hq, device, memory_keyring,
                                                             monkeypatch):
    """The document went up before the amendment: HQ confirms what it holds, but the audit
    is not marked synced over an amendment HQ never saw; the next sync sends it."""
    from sva.sync.http import HqClient
    audit_id = assigned_audit(hq, device)
    do_audit(device, audit_id, photos=0)
    (finding,) = device.findings.of_audit(audit_id)
    confirm = HqClient.confirm

    def amend_then_confirm(client, pushed_id):
        monkeypatch.setattr(HqClient, "confirm", confirm)           # once
        device.findings.edit(finding["id"], observed="exit blocked by pallets and a cart",
                             reason="the cart was on the photo")
        return confirm(client, pushed_id)

    monkeypatch.setattr(HqClient, "confirm", amend_then_confirm)
    report = sync(device)
    assert report.push.pushed == [audit_id] and report.push.marked_synced == []
    assert device.audits.audit(audit_id)["status"] == "signed"
    assert pending_ids(device.db) == [audit_id]
    (first,) = versions(hq, memory_keyring, audit_id)
    assert first["amendments"] == []                 # the amendment is not at HQ yet

    assert sync(device).push.marked_synced == [audit_id]
    assert device.audits.audit(audit_id)["status"] == "synced" and pending_ids(device.db) == []
    old, new = versions(hq, memory_keyring, audit_id)
    assert [(a["action"], a["reason"]) for a in new["amendments"]] == [
        ("amend:edit", "the cart was on the photo")]
    assert versions(hq, memory_keyring, audit_id, 2)["document"]["findings"][0]["observed"] \
        == "exit blocked by pallets and a cart"


def test_the_same_document_pushed_again_is_not_a_new_version(hq, device, memory_keyring):
    """A retry (an answer lost on the way back) sends the same content: HQ stores it once."""
    from sva.sync.document import audit_document
    from sva.sync.engine import _client
    audit_id = assigned_audit(hq, device)
    do_audit(device, audit_id, photos=0)
    doc = audit_document(device, audit_id)
    with _client(device) as client:
        assert [client.push(doc)["outcome"] for _ in range(3)] == [
            "created", "unchanged", "unchanged"]
    assert sync(device).push.marked_synced == [audit_id]      # the same content again
    (only,) = versions(hq, memory_keyring, audit_id)
    assert only["version"] == 1
    with hq.storage.transaction(write=False) as tx:
        assert tx.scalar("SELECT COUNT(*) FROM audit_versions WHERE audit_id = ?",
                         (audit_id,)) == 1
