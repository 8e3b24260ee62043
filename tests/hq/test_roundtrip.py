"""Enrol → pull assignment → audit with photos → sign → push: HQ holds the same thing."""
from __future__ import annotations

import hashlib
import json

import pytest

from sva.cli.main import main as sva_main
from sva.hq import audits as hq_audits
from sva.hq import masterdata
from sva.hq.blobs import BlobStore
from sva.sync import conflicts
from sva.sync.engine import sync
from sva.sync import outgoing
from sva.sync.errors import AuthFailed, Offline
from tests.conftest import PNG_1x1, answer_all
from tests.hq.conftest import jpeg


def assigned_audit(hq, ws) -> str:
    masterdata.assign(hq.storage, "haruka", "S001", "Kawasaki plant", kind="svr",
                      planned_date="2026-05-12")
    report = sync(ws)
    assert len(report.new_audits) == 1
    return report.new_audits[0]


def sent(ws, original_sha: str) -> outgoing.Outgoing:
    """What the device sends for the photo with these original bytes: its redacted
    rendering (never the original)."""
    (row,) = ws.db.query("SELECT * FROM photos WHERE sha256 = ? LIMIT 1", [original_sha])
    return outgoing.rendering(ws, dict(row))


def do_audit(ws, audit_id: str, photos: int = 3) -> list[str]:
    """Answer, one finding, `photos` photos, complete and sign; returns the hashes of what
    the device sends for each photo (its redacted rendering)."""
    answer_all(ws, audit_id)
    item = next(i.id for i in ws.audits.template_of(ws.audits.audit(audit_id)).items.values()
                if i.answer == "conformity" and not i.photo_required_on)   # photos may be 0
    ws.audits.record_answer(audit_id, item, "nonconformity", "exit blocked")
    finding = ws.findings.add(audit_id, severity="minor", item_id=item,
                              observed="fire exit blocked by pallets",
                              required_action="clear the exit")
    hashes = []
    for i in range(photos):
        data = jpeg(i)
        ws.photos.add_bytes(audit_id, data, filename=f"p{i}.jpg",
                            finding_id=finding if i == 0 else None)
        hashes.append(hashlib.sha256(data).hexdigest())
    ws.audits.complete(audit_id)
    ws.audits.sign(audit_id, signer_name="Taro Yamada", role="Plant manager",
                   organisation="Kanto Parts", image_png=PNG_1x1)
    return [sent(ws, sha).sha256 for sha in hashes]


def test_token_goes_to_keyring_only(device, memory_keyring, tmp_path):
    (token,) = [v for (svc, user), v in memory_keyring.items.items()
                if user.startswith("device-token:")]
    assert len(token) >= 40
    for path in tmp_path.rglob("*"):
        if path.is_file():
            assert token.encode() not in path.read_bytes(), path


def test_full_round_trip(hq, device):
    audit_id = assigned_audit(hq, device)
    audit = device.audits.audit(audit_id)
    assert device.suppliers.get("suppliers", audit["supplier_id"])["code"] == "S001"
    hashes = do_audit(device, audit_id)

    report = sync(device)

    assert report.push.pushed == [audit_id] and report.push.marked_synced == [audit_id]
    assert report.push.blobs_uploaded == 3
    assert device.audits.audit(audit_id)["status"] == "synced"
    with hq.storage.transaction(write=False) as tx:
        row = tx.one("SELECT * FROM audits WHERE id = ?", (audit_id,))
        stored_blobs = {r["sha256"] for r in tx.all("SELECT sha256 FROM blobs")}
    doc = json.loads(row["document"])
    local_answers = {r["item_id"]: (r["result"], r["note"])
                     for r in device.audits.answers(audit_id).values()}
    assert {a["item_id"]: (a["result"], a["note"]) for a in doc["answers"]
            if not a["deleted"]} == local_answers
    assert [f["observed"] for f in doc["findings"]] == ["fire exit blocked by pallets"]
    assert doc["content_hash"] == device.audits.content_hash(audit_id)
    assert doc["signatures"][0]["signer_name"] == "Taro Yamada"
    assert stored_blobs == set(hashes)
    store = BlobStore(hq.storage.blob_dir)
    files = outgoing.files_of(device, audit_id)
    for sha in hashes:
        held = store.final_path(sha).read_bytes()
        assert hashlib.sha256(held).hexdigest() == sha
        assert held == device.photos.blobs.read(files[sha])   # the rendering the device sent


def test_push_twice_is_one_audit_and_second_sync_sends_nothing(hq, device):
    audit_id = assigned_audit(hq, device)
    do_audit(device, audit_id, photos=1)
    sync(device)
    again = sync(device)
    assert again.push.pushed == [] and again.push.bytes_uploaded == 0
    # the same document pushed by hand again is still one audit, unchanged
    from sva.sync.document import audit_document
    from sva.sync.http import HqClient
    from sva.sync import credentials
    doc = audit_document(device, audit_id)
    with HqClient(hq.url, credentials.load_token(device.device)) as client:
        first = client.push(doc)
        second = client.push(doc)
    assert second["outcome"] == "unchanged" and second["doc_hash"] == first["doc_hash"]
    with hq.storage.transaction(write=False) as tx:
        assert tx.scalar("SELECT COUNT(*) FROM audits") == 1


def test_interrupted_upload_resumes_from_server_offset(hq, device, monkeypatch):
    from sva.sync import push
    masterdata.assign(hq.storage, "haruka", "S002", "Penang fab", kind="svr",
                      planned_date="2026-06-01")
    (audit_id,) = sync(device).new_audits
    answer_all(device, audit_id)
    device.photos.add_bytes(audit_id, jpeg(99, size=(1600, 1200)), filename="big.jpg")
    device.audits.complete(audit_id)
    device.audits.sign(audit_id, signer_name="A", role="B", organisation="C", image_png=PNG_1x1)
    (sha, path), = outgoing.files_of(device, audit_id).items()
    big = device.photos.blobs.read(path)                # what goes up: the rendering
    chunk = 64 * 1024
    monkeypatch.setattr(push, "CHUNK", chunk)
    real_put = push.HqClient.put_chunk
    calls = {"n": 0}

    def breaks_on_fourth_chunk(self, sha_, offset, data, total):
        calls["n"] += 1
        if calls["n"] == 4:
            self.bytes_sent += len(data)       # the bytes went out, the answer never came
            raise Offline("connection cut")
        return real_put(self, sha_, offset, data, total)

    monkeypatch.setattr(push.HqClient, "put_chunk", breaks_on_fourth_chunk)
    report = sync(device)
    assert calls["n"] > 4
    assert report.push.marked_synced == [audit_id]
    assert len(big) <= report.push.bytes_uploaded <= len(big) + chunk
    assert BlobStore(hq.storage.blob_dir).final_path(sha).read_bytes() == big


def test_half_uploaded_blob_on_disk_is_resumed_after_restart(hq, device):
    """The server is killed with half a blob on disk; the next sync sends only the rest."""
    masterdata.assign(hq.storage, "haruka", "S001", "Kawasaki plant", kind="svr",
                      planned_date="2026-05-12")
    (audit_id,) = sync(device).new_audits
    answer_all(device, audit_id)
    device.photos.add_bytes(audit_id, jpeg(7, size=(1200, 900)), filename="x.jpg")
    device.audits.complete(audit_id)
    device.audits.sign(audit_id, signer_name="A", role="B", organisation="C", image_png=PNG_1x1)
    (sha, path), = outgoing.files_of(device, audit_id).items()
    data = device.photos.blobs.read(path)
    from sva.sync import credentials
    from sva.sync.document import audit_document
    from sva.sync.http import HqClient
    half = len(data) // 2
    with HqClient(hq.url, credentials.load_token(device.device)) as client:
        assert client.push(audit_document(device, audit_id))["missing_blobs"] == [sha]
        client.put_chunk(sha, 0, data[:half], len(data))
    hq.stop(kill=True)
    with pytest.raises(Offline):
        sync(device)
    assert device.audits.audit(audit_id)["status"] == "signed"      # still queued
    hq.start()
    report = sync(device)
    assert report.push.marked_synced == [audit_id]
    assert report.push.bytes_uploaded == len(data) - half
    assert BlobStore(hq.storage.blob_dir).final_path(sha).read_bytes() == data


def test_revoked_token_stops_at_once(hq, device):
    from sva.hq.accounts import revoke_device
    from sva.sync import state
    revoke_device(hq.storage, state.server(device.db)["hq_device_id"])
    with pytest.raises(AuthFailed):
        sync(device)


def test_cap_change_at_hq_flows_down_and_conflict_is_shown(hq, device):
    audit_id = assigned_audit(hq, device)
    do_audit(device, audit_id, photos=0)
    sync(device)
    (finding,) = device.findings.of_audit(audit_id)
    hq_audits.update_cap(hq.storage, "manager", finding["id"], {"status": "cap_submitted",
                                                                "supplier_comment": "HQ says"})
    report = sync(device)
    assert report.cap_applied == 2
    local = device.findings.finding(finding["id"])
    assert (local["status"], local["supplier_comment"]) == ("cap_submitted", "HQ says")
    # both sides change the same field
    device.findings.edit(finding["id"], supplier_comment="device says")
    hq_audits.update_cap(hq.storage, "manager", finding["id"], {"supplier_comment": "HQ again"})
    report = sync(device)
    assert report.conflicts == 1
    (c,) = conflicts.open_conflicts(device)
    assert (c["mine"], c["theirs"]) == ("device says", "HQ again")
    assert device.findings.finding(finding["id"])["supplier_comment"] == "device says"
    conflicts.resolve(device, c["id"], "mine")
    sync(device)
    with hq.storage.transaction(write=False) as tx:
        assert tx.scalar("SELECT supplier_comment FROM findings WHERE id = ?",
                         (finding["id"],)) == "device says"
    actions = [r["action"] for r in device.audits.history(audit_id)]
    assert "sync_conflict" in actions and "resolve_conflict" in actions


def test_cli_enrol_and_sync(hq, tmp_path, memory_keyring, capsys):
    code = hq.auditor("kenji")
    folder = tmp_path / "cli-device"
    assert sva_main(["enrol", "--data-dir", str(folder), "--server", hq.url,
                     "--code", code]) == 0
    out = capsys.readouterr().out
    assert "MemoryKeyring" in out
    masterdata.assign(hq.storage, "kenji", "S002", "Penang fab", kind="infosec",
                      planned_date="2026-07-01")
    assert sva_main(["sync", "--data-dir", str(folder)]) == 0
    assert "1 new assigned audit(s)" in capsys.readouterr().out
    assert sva_main(["sync", "--data-dir", str(folder), "--conflicts"]) == 0
    assert "no open conflicts" in capsys.readouterr().out
    # the code was one-time
    assert sva_main(["enrol", "--data-dir", str(tmp_path / "other"), "--server", hq.url,
                     "--code", code]) == 1
    assert sva_main(["enrol", "--data-dir", str(tmp_path / "x"), "--server", "ftp://x",
                     "--code", "A"]) == 2


def test_offline_sync_leaves_everything_queued(tmp_path, hq, device, capsys):
    audit_id = assigned_audit(hq, device)
    do_audit(device, audit_id, photos=1)
    hq.stop()
    assert sva_main(["sync", "--data-dir", str(device.folder)]) == 1
    err = capsys.readouterr().err
    assert "cannot reach HQ" in err and "queued" in err
    assert device.audits.audit(audit_id)["status"] == "signed"


def test_retry_after_a_lost_push_answer_stores_no_second_version(hq, device):
    """The push reached HQ but its answer never came back; the next sync pulls first (which
    sets the findings' agreed base) and pushes the same content again: still one version."""
    from sva.sync import credentials
    from sva.sync.document import audit_document
    from sva.sync.http import HqClient
    audit_id = assigned_audit(hq, device)
    do_audit(device, audit_id, photos=1)
    first_doc = audit_document(device, audit_id)
    assert all(f["cap_base"] is None for f in first_doc["findings"])
    with HqClient(hq.url, credentials.load_token(device.device)) as client:
        client.push(first_doc)                # HQ stores it; the device never hears back
    report = sync(device)
    assert report.push.pushed == [audit_id] and report.push.marked_synced == [audit_id]
    second_doc = audit_document(device, audit_id)
    assert any(f["cap_base"] for f in second_doc["findings"])       # the pull moved the base
    with hq.storage.transaction(write=False) as tx:
        row = tx.one("SELECT pushes, doc_hash FROM audits WHERE id = ?", (audit_id,))
    assert row["pushes"] == 1
    assert row["doc_hash"] == hq_audits.document_hash(first_doc)


def test_migration_rehashes_documents_stored_with_the_old_hash(hq, device):
    from sva.hq import migrations
    audit_id = assigned_audit(hq, device)
    do_audit(device, audit_id, photos=0)
    sync(device)
    with hq.storage.transaction() as tx:
        good = tx.scalar("SELECT doc_hash FROM audits WHERE id = ?", (audit_id,))
        tx.execute("UPDATE audits SET doc_hash = 'old-style' WHERE id = ?", (audit_id,))
        # the version before the rehash step (v2 → v3)
        hq.storage.set_version(tx, migrations.STEPS.index(migrations._rehash_documents))
    assert migrations.migrate(hq.storage) == migrations.SCHEMA_VERSION
    with hq.storage.transaction(write=False) as tx:
        assert tx.scalar("SELECT doc_hash FROM audits WHERE id = ?", (audit_id,)) == good


def test_push_writes_the_programme_facts_in_its_transaction(hq, device):
    from sva.hq.programme_store import catch_up_facts
    audit_id = assigned_audit(hq, device)
    do_audit(device, audit_id, photos=0)
    sync(device)
    with hq.storage.transaction(write=False) as tx:
        row = tx.one("SELECT kind, visit_date, rev, facts_rev FROM audits WHERE id = ?",
                     (audit_id,))
        (finding,) = tx.all("SELECT area, severity FROM findings WHERE audit_id = ?",
                            (audit_id,))
    assert row["kind"] == "svr" and row["visit_date"] and row["facts_rev"] == row["rev"]
    assert finding["severity"] == "minor" and finding["area"]
    with hq.storage.transaction() as tx:
        assert catch_up_facts(tx) == 0               # nothing left to catch up


def test_migration_fills_the_facts_of_audits_pushed_before_pushes_wrote_them(hq, device):
    from sva.hq import migrations
    audit_id = assigned_audit(hq, device)
    do_audit(device, audit_id, photos=0)
    sync(device)
    with hq.storage.transaction() as tx:
        tx.execute("UPDATE audits SET kind = '', visit_date = NULL, facts_rev = NULL "
                   "WHERE id = ?", (audit_id,))
        tx.execute("UPDATE findings SET severity = NULL WHERE audit_id = ?", (audit_id,))
        hq.storage.set_version(tx, migrations.STEPS.index(migrations._catch_up_facts))
    assert migrations.migrate(hq.storage) == migrations.SCHEMA_VERSION
    with hq.storage.transaction(write=False) as tx:
        row = tx.one("SELECT kind, visit_date, rev, facts_rev FROM audits WHERE id = ?",
                     (audit_id,))
        severities = [r["severity"] for r in tx.all(
            "SELECT severity FROM findings WHERE audit_id = ?", (audit_id,))]
    assert row["kind"] == "svr" and row["visit_date"] and row["facts_rev"] == row["rev"]
    assert severities == ["minor"]


def test_same_content_with_a_newer_base_still_merges_the_cap_values(hq, device):
    """A document HQ already holds, sent again with a newer agreed base, still carries what
    the device changed since that base: merged into HQ's finding and logged."""
    import copy

    from sva.sync import credentials
    from sva.sync.document import audit_document
    from sva.sync.http import HqClient
    audit_id = assigned_audit(hq, device)
    do_audit(device, audit_id, photos=0)
    doc = audit_document(device, audit_id)
    (finding,) = doc["findings"]
    with HqClient(hq.url, credentials.load_token(device.device)) as client:
        client.push(doc)
        hq_audits.update_cap(hq.storage, "manager", finding["id"], {"responsible": "HQ's pick"})
        again = copy.deepcopy(doc)
        again["findings"][0]["cap_base"] = {"responsible": "HQ's pick"}
        answer = client.push(again)
    assert answer["outcome"] == "unchanged"
    with hq.storage.transaction(write=False) as tx:
        assert tx.scalar("SELECT responsible FROM findings WHERE id = ?",
                         (finding["id"],)) == finding["responsible"]
        assert tx.scalar("SELECT pushes FROM audits WHERE id = ?", (audit_id,)) == 1
        assert tx.scalar("SELECT COUNT(*) FROM event_log WHERE action = 'push_cap' "
                         "AND entity_id = ?", (audit_id,)) == 1
