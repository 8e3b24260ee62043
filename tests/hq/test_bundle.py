"""Offline bundles: `sva bundle export` on the device, `sva-hq bundle import` at HQ.

Real enrolment against a real server, real files; the import runs with the server stopped
where it matters (no network at all).
"""
from __future__ import annotations

import base64
import getpass
import hashlib
import json

import pytest
from cryptography.hazmat.primitives import serialization
from cryptography.hazmat.primitives.asymmetric.ed25519 import Ed25519PrivateKey

from sva.cli.hq import main as hq_main
from sva.cli.main import main as sva_main
from sva.hq.accounts import revoke_device
from sva.hq.api.models import AuditDocument
from sva.hq.blobs import BlobStore
from sva.hq.bundle import BundleRefused, import_bundle
from sva.hq.storage import open_storage
from sva.sync import bundle_format as fmt
from sva.sync import credentials, outgoing, state
from sva.sync.bundle import export_bundle
from sva.sync.document import audit_document
from sva.sync.engine import sync
from tests.hq.test_roundtrip import assigned_audit, do_audit

OBSERVED = "fire exit blocked by pallets"


@pytest.fixture
def signed(hq, device):
    """One signed audit with three photos, waiting for HQ; returns (audit id, hashes of what
    goes to HQ for each photo: its redacted rendering)."""
    audit_id = assigned_audit(hq, device)
    return audit_id, do_audit(device, audit_id, photos=3)


def db_args(storage) -> list[str]:
    return ["--db", storage.url] if storage.kind == "postgresql" else []


def hq_import(hq_or_storage, path, *more) -> int:
    storage = getattr(hq_or_storage, "storage", hq_or_storage)
    return hq_main(["bundle", "import", str(path), "--data-dir", str(storage.data_dir),
                    *db_args(storage), *more])


def hq_state(storage) -> tuple:
    """Everything an import could change: the rows and the files of the blob store."""
    with storage.transaction(write=False) as tx:
        rows = {t: tx.all(f"SELECT * FROM {t} ORDER BY 1")
                for t in ("audits", "audit_blobs", "audit_versions", "blobs", "findings",
                          "event_log", "devices", "revisions")}
    folder = storage.blob_dir
    files = sorted(str(p.relative_to(folder)) for p in folder.rglob("*")) if folder.exists() \
        else []
    return rows, files


def sent_files(ws) -> dict:
    """sha256 → file of every photo rendering the device's audits send."""
    files = {}
    for (audit_id,) in ws.db.execute("SELECT id FROM audits").fetchall():
        files.update(outgoing.files_of(ws, audit_id))
    return files


def hq_device_id(ws) -> str:
    return state.server(ws.db)["hq_device_id"]


def test_round_trip_without_network(hq, device, signed, tmp_path, capsys):
    audit_id, hashes = signed
    hq.stop()                                      # no network from here on
    bundle = tmp_path / "usb" / "audits.svab"
    bundle.parent.mkdir()
    assert sva_main(["bundle", "export", "-o", str(bundle),
                     "--data-dir", str(device.folder)]) == 0
    assert "1 audit(s), 3 photo(s)" in capsys.readouterr().out
    assert [p.name for p in bundle.parent.iterdir()] == ["audits.svab"]   # no temp left
    assert device.audits.audit(audit_id)["status"] == "signed"     # exporting marks nothing

    assert hq_import(hq, bundle) == 0
    assert "1 new" in capsys.readouterr().out

    from sva.hq.audits import as_sent      # stored as sent: no empty defaults added
    expected = as_sent(AuditDocument.model_validate(audit_document(device, audit_id))
                       .model_dump())
    with hq.storage.transaction(write=False) as tx:
        row = tx.one("SELECT * FROM audits WHERE id = ?", (audit_id,))
        held = {r["sha256"]: r["size"] for r in tx.all("SELECT * FROM blobs")}
        (finding,) = tx.all("SELECT * FROM findings WHERE audit_id = ?", (audit_id,))
    assert json.loads(row["document"]) == expected
    assert row["device_id"] == hq_device_id(device)
    assert finding["status"] == "open"
    assert set(held) == set(hashes)
    store = BlobStore(hq.storage.blob_dir)
    for sha in hashes:
        data = store.final_path(sha).read_bytes()
        assert hashlib.sha256(data).hexdigest() == sha and held[sha] == len(data)
        assert data == device.photos.blobs.read(sent_files(device)[sha])  # the rendering
    assert not list(hq.storage.data_dir.glob(".bundle-import-*"))   # staging cleaned up

    # Back online: the ordinary sync confirms HQ holds every byte; nothing is sent again.
    hq.start()
    report = sync(device)
    assert report.push.marked_synced == [audit_id]
    assert report.push.bytes_uploaded == 0 and report.push.blobs_uploaded == 0
    assert device.audits.audit(audit_id)["status"] == "synced"
    with hq.storage.transaction(write=False) as tx:
        after = json.loads(tx.scalar("SELECT document FROM audits WHERE id = ?", (audit_id,)))
        assert tx.scalar("SELECT COUNT(*) FROM audits") == 1
    # The sync pulled HQ's findings first, so the device now sends the agreed CAP values as
    # `cap_base`; the document is otherwise the one the bundle carried.
    for doc in (after, expected):
        for f in doc["findings"]:
            f.pop("cap_base")
    assert after == expected


def test_replay_is_idempotent(hq, device, signed, tmp_path, capsys):
    audit_id, hashes = signed
    bundle = tmp_path / "a.svab"
    export_bundle(device, bundle)
    assert hq_import(hq, bundle) == 0
    capsys.readouterr()
    rows_before, files_before = hq_state(hq.storage)

    assert hq_import(hq, bundle) == 0
    out = capsys.readouterr().out
    assert "nothing new" in out and "3 photo(s) already held" in out

    rows_after, files_after = hq_state(hq.storage)
    assert files_after == files_before
    for table in ("audits", "audit_blobs", "audit_versions", "blobs", "findings",
                  "revisions"):
        assert rows_after[table] == rows_before[table], table
    assert len(rows_after["audits"]) == 1 and len(rows_after["blobs"]) == 3
    # the replay is recorded, nothing else
    assert [e["action"] for e in rows_after["event_log"]].count("bundle_import") == 2


def test_the_event_log_names_the_hq_user_who_imported(hq, device, signed, tmp_path,
                                                      monkeypatch):
    """`--by NAME` (or $SVA_HQ_USER, else os:<login>) is who imported the file; the device's
    user stays in the row's detail (and on the audits' push rows)."""
    monkeypatch.delenv("SVA_HQ_USER", raising=False)
    bundle = tmp_path / "a.svab"
    export_bundle(device, bundle)
    assert hq_import(hq, bundle, "--by", "mgr.sato") == 0
    assert hq_import(hq, bundle) == 0                   # nobody named: the login name
    with hq.storage.transaction(write=False) as tx:
        rows = tx.all("SELECT actor, detail FROM event_log WHERE action = 'bundle_import' "
                      "ORDER BY at")
    assert [r["actor"] for r in rows] == ["mgr.sato", f"os:{getpass.getuser()}"]
    assert all(json.loads(r["detail"])["device_user"] == "haruka" for r in rows)


@pytest.fixture
def small_pieces(monkeypatch):
    """64 KiB pieces, so the photos span many encrypted pieces."""
    monkeypatch.setattr(fmt, "SEGMENT", 64 * 1024)


def test_one_flipped_byte_anywhere_is_refused(hq, device, signed, tmp_path, small_pieces,
                                              capsys):
    bundle = tmp_path / "a.svab"
    export_bundle(device, bundle)
    data = bundle.read_bytes()
    header_len = int.from_bytes(data[8:12], "big")
    body = 12 + header_len
    assert len(data) - body > 4 * (64 * 1024)          # several pieces
    before = hq_state(hq.storage)
    offsets = [0, 7, 9, 12, 12 + header_len // 2, body - 1, body, body + 100,
               body + 64 * 1024 + 16 - 1,              # tag of the first piece
               body + 64 * 1024 + 16,                  # first byte of the second piece
               len(data) // 2, len(data) - 65, len(data) - 64, len(data) - 1]
    for offset in offsets:
        bad = bytearray(data)
        bad[offset] ^= 0x01
        path = tmp_path / f"flip-{offset}.svab"
        path.write_bytes(bad)
        assert hq_import(hq, path) == 2, offset
        err = capsys.readouterr().err
        assert "bundle refused, nothing changed" in err and path.name in err, (offset, err)
        assert hq_state(hq.storage) == before, offset
    assert hq_import(hq, bundle) == 0                  # the untouched file still imports


def test_truncated_bundle_is_refused(hq, device, signed, tmp_path, small_pieces, capsys):
    bundle = tmp_path / "a.svab"
    export_bundle(device, bundle)
    data = bundle.read_bytes()
    body = 12 + int.from_bytes(data[8:12], "big")
    before = hq_state(hq.storage)
    for length in (0, 3, 8, 11, 40, body, body + 64 * 1024 + 16, len(data) // 2,
                   len(data) - 64, len(data) - 1):
        path = tmp_path / f"cut-{length}.svab"
        path.write_bytes(data[:length])
        assert hq_import(hq, path) == 2, length
        assert "bundle refused" in capsys.readouterr().err
        assert hq_state(hq.storage) == before, length
    # bytes appended after the signature are no better
    (tmp_path / "longer.svab").write_bytes(data + b"\x00")
    assert hq_import(hq, tmp_path / "longer.svab") == 2
    assert hq_state(hq.storage) == before


def test_not_a_bundle_and_missing_file(hq, tmp_path, capsys):
    (tmp_path / "x.svab").write_bytes(b"PK\x03\x04 a zip file, not a bundle")
    assert hq_import(hq, tmp_path / "x.svab") == 2
    assert "not an SVA bundle" in capsys.readouterr().err
    assert hq_import(hq, tmp_path / "none.svab") == 2
    assert "no such file" in capsys.readouterr().err


def test_bundle_from_a_device_this_hq_does_not_know(device, signed, tmp_path, capsys):
    bundle = tmp_path / "a.svab"
    export_bundle(device, bundle)
    other = open_storage(tmp_path / "other-hq")
    before = hq_state(other)
    assert hq_import(other, bundle) == 2
    assert "does not know" in capsys.readouterr().err
    assert hq_state(other) == before


def test_signed_with_another_key_is_refused(hq, device, signed, tmp_path, memory_keyring):
    rogue = Ed25519PrivateKey.generate().private_bytes(
        serialization.Encoding.Raw, serialization.PrivateFormat.Raw,
        serialization.NoEncryption())
    credentials.store_signing_key(device.device, rogue)
    bundle = tmp_path / "a.svab"
    export_bundle(device, bundle)
    before = hq_state(hq.storage)
    with pytest.raises(BundleRefused, match="signature does not match"):
        import_bundle(hq.storage, bundle, actor="hq.ops")
    assert hq_state(hq.storage) == before


def test_encrypted_with_another_token_is_refused(hq, device, signed, tmp_path):
    credentials.store_token(device.device, "not-the-token-hq-issued-" + "x" * 20)
    bundle = tmp_path / "a.svab"
    export_bundle(device, bundle)
    before = hq_state(hq.storage)
    with pytest.raises(BundleRefused, match="not encrypted with this device's bundle key"):
        import_bundle(hq.storage, bundle, actor="hq.ops")
    assert hq_state(hq.storage) == before


def test_bundle_passed_off_as_another_device_is_refused(hq, device, signed, tmp_path):
    """Rewriting the header to name another enrolled device breaks the signature."""
    _, other_device = hq.token_for("kenji")
    with hq.storage.transaction() as tx:       # give it a key, as the app would at enrolment
        tx.execute("UPDATE devices SET public_key = ? WHERE id = ?", (
            Ed25519PrivateKey.generate().public_key().public_bytes(
                serialization.Encoding.Raw, serialization.PublicFormat.Raw).hex(),
            other_device))
    bundle = tmp_path / "a.svab"
    export_bundle(device, bundle)
    data = bundle.read_bytes()
    length = int.from_bytes(data[8:12], "big")
    header = json.loads(data[12:12 + length])
    header["device_id"] = other_device
    raw = fmt.header_bytes(header)
    forged = tmp_path / "forged.svab"
    forged.write_bytes(data[:8] + len(raw).to_bytes(4, "big") + raw + data[12 + length:])
    before = hq_state(hq.storage)
    with pytest.raises(BundleRefused, match="signature does not match"):
        import_bundle(hq.storage, forged, actor="hq.ops")
    assert hq_state(hq.storage) == before


def test_bundle_of_a_revoked_device_is_refused(hq, device, signed, tmp_path, capsys):
    bundle = tmp_path / "a.svab"
    export_bundle(device, bundle)
    revoke_device(hq.storage, hq_device_id(device))
    before = hq_state(hq.storage)
    assert hq_import(hq, bundle) == 2
    assert "was revoked" in capsys.readouterr().err
    assert hq_state(hq.storage) == before


def test_secrets_never_in_clear(hq, device, signed, tmp_path, memory_keyring):
    audit_id, hashes = signed
    bundle = tmp_path / "a.svab"
    export_bundle(device, bundle)
    assert import_bundle(hq.storage, bundle, actor="hq.ops").outcomes == {audit_id: "created"}
    hq.stop()                                          # flush the server log

    token = credentials.load_token(device.device)
    signing = credentials.load_signing_key(device.device)
    data = bundle.read_bytes()
    header = json.loads(data[12:12 + int.from_bytes(data[8:12], "big")])
    content_key = fmt.unwrap_key(header, fmt.token_digest(token))
    secrets = {"token": token.encode(), "token sha256": fmt.token_digest(token),
               "signing key": signing, "signing key b64": base64.b64encode(signing),
               "content key": content_key, "content key b64": base64.b64encode(content_key),
               "content key hex": content_key.hex().encode()}
    for name, secret in secrets.items():
        assert secret not in data, name
    # the audit text and the photos travel encrypted only
    assert OBSERVED.encode() not in data
    for path in sent_files(device).values():
        assert device.photos.blobs.read(path)[1000:1064] not in data
    # nor do they land in any file: device DB and settings, HQ DB, blob store, server log
    device_only = {k: v for k, v in secrets.items() if k != "token sha256"}
    files = [p for p in tmp_path.rglob("*") if p.is_file() and p.suffix != ".svab"]
    assert any(p.name == "server.log" for p in files)
    for path in files:
        content = path.read_bytes()
        for name, secret in device_only.items():
            assert secret not in content, (name, path)
    # HQ keeps only the token's hash (as at enrolment); the device never writes it down
    for path in device.folder.rglob("*"):
        if path.is_file():
            assert fmt.token_digest(token).hex().encode() not in path.read_bytes(), path


def test_export_refuses_without_enrolment_or_work(tmp_path, memory_keyring, hq, device,
                                                   capsys):
    lone = tmp_path / "lone"
    assert sva_main(["bundle", "export", "-o", str(tmp_path / "x.svab"),
                     "--data-dir", str(lone)]) == 2
    assert "not enrolled" in capsys.readouterr().err
    assert sva_main(["bundle", "export", "-o", str(tmp_path / "x.svab"),
                     "--data-dir", str(device.folder)]) == 2
    assert "nothing to export" in capsys.readouterr().err
    assert sva_main(["bundle", "export", "-o", str(tmp_path / "x.svab"), "--audit", "nope",
                     "--data-dir", str(device.folder)]) == 2
    assert not (tmp_path / "x.svab").exists()


def test_damaged_photo_stops_export_and_leaves_no_file(hq, device, signed, tmp_path, capsys):
    audit_id, hashes = signed
    target = tmp_path / "out" / "a.svab"
    target.parent.mkdir()
    target.write_bytes(b"previous bundle")
    photo = sent_files(device)[hashes[-1]]          # the rendering the bundle would carry
    photo.chmod(0o644)
    photo.write_bytes(photo.read_bytes()[:-10])
    assert sva_main(["bundle", "export", "-o", str(target),
                     "--data-dir", str(device.folder)]) == 1
    assert "damaged" in capsys.readouterr().err
    assert [p.name for p in target.parent.iterdir()] == ["a.svab"]
    assert target.read_bytes() == b"previous bundle"     # untouched: atomic replace only


def test_an_older_bundle_does_not_roll_back_a_newer_push(hq, device, signed, tmp_path,
                                                         capsys):
    audit_id, _ = signed
    old = tmp_path / "old.svab"
    export_bundle(device, old)
    sync(device)                                       # online push of the same state
    (finding,) = device.findings.of_audit(audit_id)
    device.findings.edit(finding["id"], supplier_comment="will fix by June")
    sync(device)                                       # newer state at HQ
    with hq.storage.transaction(write=False) as tx:
        newer = tx.one("SELECT doc_hash, document FROM audits WHERE id = ?", (audit_id,))
    assert "will fix by June" in newer["document"]
    assert hq_import(hq, old) == 0
    out = capsys.readouterr().out
    assert "nothing new" in out and "older than HQ's copy" in out
    with hq.storage.transaction(write=False) as tx:
        assert tx.one("SELECT doc_hash, document FROM audits WHERE id = ?",
                      (audit_id,)) == newer
        assert tx.scalar("SELECT supplier_comment FROM findings WHERE id = ?",
                         (finding["id"],)) == "will fix by June"


def resign(device, data: bytes) -> bytes:
    """Sign altered bytes with the device's own key: only the inner checks are left."""
    key = Ed25519PrivateKey.from_private_bytes(credentials.load_signing_key(device.device))
    body = data[:-64]
    return body + key.sign(fmt.signed_message(hashlib.sha256(body).digest()))


def test_altered_piece_fails_decryption_even_when_signed(hq, device, signed, tmp_path,
                                                         small_pieces):
    bundle = tmp_path / "a.svab"
    export_bundle(device, bundle)
    data = bytearray(bundle.read_bytes())
    body = 12 + int.from_bytes(data[8:12], "big")
    before = hq_state(hq.storage)
    for name, altered in (
            ("flipped", lambda d: d[:body + 70000] + bytes([d[body + 70000] ^ 1])
             + d[body + 70001:-64]),
            ("piece dropped", lambda d: d[:body] + d[body + 64 * 1024 + 16:-64]),
            ("final piece cut", lambda d: d[:-64 - 100])):
        path = tmp_path / f"{name.replace(' ', '-')}.svab"
        path.write_bytes(resign(device, bytes(altered(data)) + b"\0" * 64))
        with pytest.raises(BundleRefused, match="does not decrypt|cut short"):
            import_bundle(hq.storage, path, actor="hq.ops")
        assert hq_state(hq.storage) == before, name


def test_photo_bytes_that_do_not_match_their_hash_are_refused(hq, device, signed, tmp_path,
                                                              monkeypatch):
    from sva.sync import bundle as writer

    def lying_copy(stored, path, sha, size, sealed):
        data = bytearray(stored.read(path))
        data[-1] ^= 0xFF
        sealed.write(bytes(data))
        return size

    monkeypatch.setattr(writer, "_copy_blob", lying_copy)
    bundle = tmp_path / "a.svab"
    export_bundle(device, bundle)
    before = hq_state(hq.storage)
    with pytest.raises(BundleRefused, match="do not match its SHA-256"):
        import_bundle(hq.storage, bundle, actor="hq.ops")
    assert hq_state(hq.storage) == before
    assert not list(hq.storage.data_dir.glob(".bundle-import-*"))
