"""The sync dialogs speak Japanese in the Japanese UI, errors included: against a real HQ
(`sva-hq serve` on loopback), every dialog state a user meets — enrolment refused, offline,
no safe keyring, enrolled; sync done, offline, token missing or revoked; conflicts; bundle
written or refused — is scanned for English (tests/ui/ja_scan.py)."""
from __future__ import annotations

import socket

import keyring
import keyring.backends.fail

from tests.hq.conftest import memory_keyring  # noqa: F401 (fixture)
from tests.ui.ja_scan import data_values, english_in, japanese  # noqa: F401 (fixture)
from tests.ui.test_sync_ui import (assigned_and_signed, device, enrol_through_dialog,  # noqa: F401
                                   hq, run_sync, win)
from ui.operations.hub import hub_of
from ui.sync import tasks


def english(widget, ws, *typed) -> list[str]:
    """English in `widget`, the store's data and what the user typed aside."""
    return english_in(widget, sorted([*data_values(ws), *typed], key=len, reverse=True))


def test_sync_dialogs_and_their_errors_are_japanese(japanese, qtbot, hq, win, memory_keyring,
                                                     tmp_path):
    from sva.hq import audits as hq_audits
    from sva.hq.accounts import revoke_device
    from sva.sync import state
    found: dict[str, list[str]] = {}

    def look(widget, label, *typed):
        assert widget.isVisible(), label
        found[label] = english(widget, win.ws, *typed)

    look(win, "main window, not enrolled")
    dialog = enrol_through_dialog(qtbot, win, "ftp://nowhere", "ABC")
    look(dialog, "enrol: bad address", "ftp://nowhere", "ABC")
    dialog.reject()
    dialog = enrol_through_dialog(qtbot, win, hq.url, "NOT-A-CODE")
    assert dialog.outcome.kind == tasks.AUTH and dialog.detail.isVisible()
    look(dialog, "enrol: code refused", "NOT-A-CODE")
    dialog.reject()
    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        dead = f"http://127.0.0.1:{s.getsockname()[1]}"
    code = hq.auditor("kenji")
    dialog = enrol_through_dialog(qtbot, win, dead, code)
    assert dialog.outcome.kind == tasks.OFFLINE
    look(dialog, "enrol: offline", code)
    dialog.reject()
    keyring.set_keyring(keyring.backends.fail.Keyring())
    try:
        dialog = enrol_through_dialog(qtbot, win, hq.url, code)
    finally:
        keyring.set_keyring(memory_keyring)
    assert dialog.outcome.kind == tasks.KEYRING and dialog.detail.isVisible()
    look(dialog, "enrol: no safe keyring", code)
    dialog.reject()
    dialog = enrol_through_dialog(qtbot, win, hq.url, hq.auditor("haruka"))
    assert dialog.outcome.ok
    look(dialog, "enrol: done")
    dialog.reject()

    audit_id = assigned_and_signed(hq, win, qtbot, photos=1)
    snapshots = []
    dialog = run_sync(qtbot, win, on_snapshot=lambda _dialog, snap: snapshots.append(snap))
    assert dialog.outcome.ok
    # the audit being sent is named with the supplier's Japanese name
    assert {s.audit for s in snapshots if s.stage == "push"} == {"S001 関東部品 · 2026-05-12"}
    look(dialog, "sync: done")
    dialog.reject()

    (finding,) = win.ws.findings.of_audit(audit_id)
    hub_of(win.ws).perform(None, win.ws.findings.edit, finding["id"], root_cause="device cause")
    hq_audits.update_cap(hq.storage, "manager", finding["id"], {"root_cause": "HQ cause",
                                                                "supplier_comment": "HQ says"})
    dialog = run_sync(qtbot, win)
    assert dialog.outcome.result.conflicts == 1 and dialog.conflicts_button.isVisible()
    look(dialog, "sync: conflicts")
    dialog.reject()
    conflicts = win.sync_ui.show_conflicts()
    assert conflicts.table.rowCount() == 1
    assert conflicts.table.item(0, 0).text() == "S001 関東部品"
    look(conflicts, "conflicts")
    conflicts.reject()

    target = tmp_path / "usb" / "audits.svab"
    target.parent.mkdir()
    bundle = win.sync_ui.export_bundle_to(str(target))
    qtbot.waitUntil(lambda: bundle.outcome is not None, timeout=20000)
    assert bundle.outcome.ok
    look(bundle, "bundle: written")
    bundle.reject()
    bundle = win.sync_ui.export_bundle_to(str(tmp_path / "missing" / "x.svab"))
    qtbot.waitUntil(lambda: bundle.outcome is not None, timeout=20000)
    assert not bundle.outcome.ok and bundle.detail.isVisible()
    look(bundle, "bundle: refused")
    bundle.reject()

    hq.stop()
    dialog = run_sync(qtbot, win)
    assert dialog.outcome.kind == tasks.OFFLINE and dialog.detail.isVisible()
    look(dialog, "sync: offline")
    dialog.reject()
    look(win, "main window, last sync failed")      # the status bar's text and tooltip
    assert "前回の同期は失敗" in win.sync_ui.widget.text.text()
    assert "に接続できません" in win.sync_ui.widget.toolTip()
    hq.start()

    memory_keyring.delete_password("sva", f"device-token:{win.ws.device}")
    dialog = run_sync(qtbot, win)
    assert dialog.outcome.kind == tasks.NO_TOKEN
    look(dialog, "sync: token missing")
    dialog.reject()

    dialog = enrol_through_dialog(qtbot, win, hq.url, hq.auditor("haruka2"))
    dialog.reject()
    revoke_device(hq.storage, state.server(win.ws.db)["hq_device_id"])
    dialog = run_sync(qtbot, win)
    assert dialog.outcome.kind == tasks.AUTH
    look(dialog, "sync: token revoked")
    dialog.reject()

    problems = [f"[{label}] {p}" for label, texts in found.items() for p in texts]
    assert problems == [], "\n".join(problems)
