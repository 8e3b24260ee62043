"""The log files after a real session with HQ hold what happened — and no secret.

Enrol through the dialog with a real one-time code against `sva-hq serve` on loopback, sync
a signed audit with photos, export a USB bundle, then sync again with HQ stopped. The logs are
written at DEBUG (the libraries' own debug output included), then grepped for the enrolment
code, the device token, its digest (the bundle key material), the bundle's key-encryption and
content keys and the device's signing key, in every spelling they could take.
"""
from __future__ import annotations

import base64
import json

from sva import logs
from sva.sync import bundle_format as fmt
from sva.sync import credentials
from sva.sync.bundle import export_bundle
from tests.hq.conftest import memory_keyring  # noqa: F401 (fixture)
from tests.ui.test_sync_ui import (assigned_and_signed, device, enrol_through_dialog,  # noqa: F401
                                   hq, run_sync, win)


def spellings(secret: bytes | str) -> set[str]:
    if isinstance(secret, str):
        return {secret}
    return {secret.hex(), base64.b64encode(secret).decode(),
            base64.urlsafe_b64encode(secret).decode().rstrip("="), fmt.b64(secret)}


def bundle_keys(path, token_digest: bytes) -> tuple[bytes, bytes]:
    """(key-encryption key, content key) of a bundle, from its header."""
    data = path.read_bytes()
    size = fmt.LENGTH.unpack_from(data, len(fmt.MAGIC))[0]
    start = len(fmt.MAGIC) + fmt.LENGTH.size
    header = json.loads(data[start:start + size])
    kek = fmt.kek(token_digest, fmt.unb64(header["salt"]), header["device_id"])
    return kek, fmt.unwrap_key(header, token_digest)


def test_logs_of_an_enrol_sync_and_bundle_session_hold_ids_and_no_secret(
        qtbot, hq, win, memory_keyring, tmp_path):
    ws = win.ws
    folder = logs.start(ws.folder, level="DEBUG")
    try:
        code = hq.auditor("haruka")
        enrolled = enrol_through_dialog(qtbot, win, hq.url, code)
        assert enrolled.outcome.ok, enrolled.outcome
        enrolled.close()
        audit_id = assigned_and_signed(hq, win, qtbot, photos=2)
        synced = run_sync(qtbot, win)
        assert synced.outcome.ok, synced.outcome
        synced.close()
        bundle = tmp_path / "audits.svab"
        export_bundle(ws, bundle, [audit_id])
        hq.stop()
        offline = run_sync(qtbot, win)
        assert not offline.outcome.ok
        offline.close()
    finally:
        logs.stop()

    token = credentials.load_token(ws.device)
    digest = fmt.token_digest(token)
    kek, content_key = bundle_keys(bundle, digest)
    secrets = (spellings(code) | spellings(token) | spellings(digest) | spellings(kek)
               | spellings(content_key) | spellings(credentials.load_signing_key(ws.device)))
    text = "".join(p.read_text("utf-8") for p in sorted(folder.iterdir()))
    # what happened is there, by ids and counts
    device_id = enrolled.outcome.result["device_id"]
    assert f"enrolled with HQ {hq.url} as device {device_id}" in text
    assert "sync done" in text and audit_id in text
    assert f"bundle exported by device {device_id}: audits ['{audit_id}'], 2 photos" in text
    assert "sync stopped: " in text
    assert " DEBUG " in text                        # the level asked for was used
    # and no secret, in any spelling
    assert len(secrets) >= 12         # 2 texts + 4 keys × (hex, base64, url-safe base64)
    assert sorted(s for s in secrets if s in text) == []
