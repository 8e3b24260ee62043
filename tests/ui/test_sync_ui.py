"""The sync UI against a real HQ (`sva-hq serve` on loopback, SQLite) and a real window:
enrol through the dialog with a real one-time code, the status bar, sync with progress and
cancel, offline, conflicts, bundle export; and the core's cheap pending count."""
from __future__ import annotations

import hashlib
import json
import socket

import keyring
import keyring.backends.fail
import pytest
from PySide6.QtCore import Qt
from PySide6.QtGui import QAction, QKeySequence

from sva.hq import audits as hq_audits
from sva.hq import masterdata
from sva.hq.blobs import BlobStore
from sva.sync import status
from sva.sync.push import audits_to_push
from sva.workspace import Workspace
from tests.conftest import PNG_1x1, answer_all
from tests.hq.conftest import HQ, jpeg, memory_keyring  # noqa: F401 (fixture)
from ui.operations.hub import hub_of
from ui.sync import tasks


@pytest.fixture
def hq(tmp_path):
    server = HQ(tmp_path / "hq")          # SQLite: the UI does not care which database
    server.master_data(tmp_path)
    server.start()
    yield server
    server.stop()
    server.storage.close()


@pytest.fixture
def device(tmp_path):
    ws = Workspace(tmp_path / "device")
    yield ws
    ws.close()


@pytest.fixture
def win(qtbot, device, ui_settings, memory_keyring):
    from ui.main_window import MainWindow
    window = MainWindow(device, settings=ui_settings)
    qtbot.addWidget(window)
    window.show()
    qtbot.waitUntil(lambda: window.sync_ui.pending is not None)
    return window


def status_text(window) -> str:
    return window.sync_ui.widget.text.text()


def enrol_through_dialog(qtbot, window, url: str, code: str):
    window.sync_ui.enrol_action.trigger()
    (dialog,) = [d for d in window.findChildren(object, "enrolDialog") if d.isVisible()]
    dialog.url.setText(url)
    dialog.code.setText(code)
    qtbot.mouseClick(dialog.enrol_button, Qt.MouseButton.LeftButton)
    qtbot.waitUntil(lambda: dialog.task is None and dialog.message.kind != "info", timeout=20000)
    return dialog


def run_sync(qtbot, window, *, on_snapshot=None, timeout=60000):
    window.sync_ui.sync_action.trigger()
    dialog = window.sync_ui.sync_dialog
    assert dialog is not None and dialog.isVisible()
    if on_snapshot:
        dialog.task.signals.snapshot.connect(lambda snap: on_snapshot(dialog, snap))
    qtbot.waitUntil(lambda: not dialog.running, timeout=timeout)
    return dialog


def assigned_and_signed(hq, window, qtbot, *, photos=1, size=(640, 480), user="haruka"):
    """HQ assigns a visit; the app's sync pulls it; the auditor does it and signs."""
    masterdata.assign(hq.storage, user, "S001", "Kawasaki plant", kind="svr",
                      planned_date="2026-05-12")
    dialog = run_sync(qtbot, window)
    assert dialog.outcome.ok, dialog.outcome
    (audit_id,) = dialog.outcome.result.new_audits
    ws = window.ws
    answer_all(ws, audit_id)
    item = next(i.id for i in ws.audits.template_of(ws.audits.audit(audit_id)).items.values()
                if i.answer == "conformity" and not i.photo_required_on)   # photos may be 0
    ws.audits.record_answer(audit_id, item, "nonconformity", "exit blocked")
    ws.findings.add(audit_id, severity="minor", item_id=item,
                    observed="fire exit blocked by pallets", required_action="clear the exit")
    for i in range(photos):
        ws.photos.add_bytes(audit_id, jpeg(i, size=size), filename=f"p{i}.jpg")
    ws.audits.complete(audit_id)
    hub_of(ws).perform(None, ws.audits.sign, audit_id, signer_name="Taro Yamada",
                       role="Plant manager", organisation="Kanto Parts", image_png=PNG_1x1)
    return audit_id


def hq_audit(hq, audit_id):
    with hq.storage.transaction(write=False) as tx:
        return tx.one("SELECT * FROM audits WHERE id = ?", (audit_id,))


# -- enrol ---------------------------------------------------------------------------------

def test_enrol_sync_status_and_token_only_in_keyring(qtbot, hq, win, memory_keyring,
                                                      tmp_path, ui_settings):
    assert status_text(win) == "Not enrolled with HQ"
    assert not win.sync_ui.widget.icon.isVisible()

    dialog = enrol_through_dialog(qtbot, win, hq.url, hq.auditor("haruka"))
    assert dialog.outcome.ok, dialog.outcome
    assert dialog.message.kind == "ok"
    assert "haruka" in dialog.message.text.text() and "MemoryKeyring" in dialog.message.text.text()
    assert dialog.sync_button.isVisible()
    dialog.close()
    assert status_text(win).startswith("0 to sync · last sync never")

    audit_id = assigned_and_signed(hq, win, qtbot, photos=2)
    assert status_text(win).startswith("1 to sync · last sync ")
    assert "never" not in status_text(win)          # the pull above was a finished sync

    sync = run_sync(qtbot, win)
    report = sync.outcome.result
    assert report.push.marked_synced == [audit_id]
    assert "Marked synced: 1 audit(s)" in sync.summary.text()
    assert "Sent to HQ: 1 audit(s), 2 photo(s)" in sync.summary.text()
    assert win.ws.audits.audit(audit_id)["status"] == "synced"
    doc = json.loads(hq_audit(hq, audit_id)["document"])
    store = BlobStore(hq.storage.blob_dir)
    for photo in doc["photos"]:
        assert hashlib.sha256(store.final_path(photo["sha256"]).read_bytes()).hexdigest() \
            == photo["sha256"]
    assert status_text(win).startswith("0 to sync · last sync ")
    assert not win.sync_ui.widget.icon.isVisible()

    # The token lives in the keyring only: not in the settings file, not in the data folder.
    win.save_settings()
    (token,) = [v for (svc, user), v in memory_keyring.items.items()
                if user.startswith("device-token:")]
    files = [p for p in tmp_path.rglob("*") if p.is_file() and "hq" not in p.parts]
    assert any(p.suffix == ".ini" for p in files) and any(p.name.endswith(".db") for p in files)
    for path in files:
        assert token.encode() not in path.read_bytes(), path

    # Enrolling again says it replaces the current enrolment before anything is sent.
    win.sync_ui.enrol_action.trigger()
    again = [d for d in win.findChildren(object, "enrolDialog") if d.isVisible()][-1]
    assert again.replace_warning.isVisible()
    assert "replaces that enrolment" in again.replace_warning.text.text()
    assert hq.url in again.replace_warning.text.text()
    assert again.enrol_button.text() == "Replace enrolment"
    again.reject()


def test_enrol_failures_say_what_to_do(qtbot, hq, win, memory_keyring):
    dialog = enrol_through_dialog(qtbot, win, "ftp://nowhere", "ABC")
    assert dialog.message.kind == "error" and "https://hq.example.com" in dialog.message.text.text()
    dialog.reject()

    dialog = enrol_through_dialog(qtbot, win, hq.url, "NOT-A-CODE")
    assert dialog.outcome.kind == tasks.AUTH
    assert "Ask HQ for a new code" in dialog.message.text.text()
    dialog.reject()

    with socket.socket() as s:           # a port where nothing listens
        s.bind(("127.0.0.1", 0))
        dead = f"http://127.0.0.1:{s.getsockname()[1]}"
    code = hq.auditor("kenji")
    dialog = enrol_through_dialog(qtbot, win, dead, code)
    assert dialog.outcome.kind == tasks.OFFLINE
    assert "cannot be reached" in dialog.message.text.text()
    dialog.reject()

    keyring.set_keyring(keyring.backends.fail.Keyring())
    try:
        dialog = enrol_through_dialog(qtbot, win, hq.url, code)
    finally:
        keyring.set_keyring(memory_keyring)
    assert dialog.outcome.kind == tasks.KEYRING
    assert "keyring" in dialog.message.text.text()
    dialog.reject()
    assert status_text(win) == "Not enrolled with HQ"
    # the code was not spent by the refused attempts: it still enrols
    dialog = enrol_through_dialog(qtbot, win, hq.url, code)
    assert dialog.outcome.ok
    dialog.reject()


def test_sync_when_not_enrolled_opens_enrolment(qtbot, win):
    win.sync_ui.sync_action.trigger()
    (dialog,) = [d for d in win.findChildren(object, "enrolDialog") if d.isVisible()]
    assert "not enrolled" in dialog.note.text.text()
    dialog.reject()


# -- sync ----------------------------------------------------------------------------------

def test_cancel_mid_upload_keeps_audit_queued_and_next_sync_completes(qtbot, hq, win,
                                                                      monkeypatch):
    from sva.sync import push
    enrol_through_dialog(qtbot, win, hq.url, hq.auditor("haruka")).reject()
    audit_id = assigned_and_signed(hq, win, qtbot, photos=3, size=(2400, 1800))
    monkeypatch.setattr(push, "CHUNK", 64 * 1024)      # many chunks: cancel lands between them
    seen = []

    def cancel_on_first_bytes(dialog, snap):
        seen.append(snap)
        if snap.stage == "push" and dialog.running and dialog.cancel_button.isEnabled():
            assert snap.audit == "S001 Kanto Parts Co. · 2026-05-12" and snap.audits == 1
            assert "Photos at HQ:" in dialog.bytes.text()
            qtbot.mouseClick(dialog.cancel_button, Qt.MouseButton.LeftButton)

    dialog = run_sync(qtbot, win, on_snapshot=cancel_on_first_bytes)
    assert dialog.cancelled and dialog.outcome is None
    assert "Nothing was lost" in dialog.message.text.text()
    pushing = [s for s in seen if s.stage == "push"]
    assert pushing and pushing[-1].done < pushing[-1].total
    assert win.ws.audits.audit(audit_id)["status"] == "signed"
    assert status_text(win).startswith("1 to sync")
    dialog.reject()

    dialog = run_sync(qtbot, win)
    assert dialog.outcome.ok
    assert dialog.outcome.result.push.marked_synced == [audit_id]
    assert win.ws.audits.audit(audit_id)["status"] == "synced"
    assert status_text(win).startswith("0 to sync")
    store = BlobStore(hq.storage.blob_dir)
    doc = json.loads(hq_audit(hq, audit_id)["document"])
    assert len(doc["photos"]) == 3
    assert all(store.final_path(p["sha256"]).exists() for p in doc["photos"])


def test_server_down_says_offline_and_changes_nothing(qtbot, hq, win):
    enrol_through_dialog(qtbot, win, hq.url, hq.auditor("haruka")).reject()
    audit_id = assigned_and_signed(hq, win, qtbot)
    before = win.ws.audits.audit(audit_id)
    hq.stop()
    dialog = run_sync(qtbot, win)
    assert dialog.outcome.kind == tasks.OFFLINE
    text = dialog.message.text.text()
    assert "Nothing was lost" in text and "queued" in text and "online" in text
    assert dialog.detail.isVisible()
    assert win.ws.audits.audit(audit_id) == before
    assert status.pending_ids(win.ws.db) == [audit_id]
    assert "1 to sync" in status_text(win) and "last sync failed" in status_text(win)
    assert win.sync_ui.widget.icon.isVisible()          # an icon, not only colour
    assert "cannot reach HQ" in win.sync_ui.widget.toolTip()
    dialog.reject()


def test_revoked_token_says_enrol_again(qtbot, hq, win):
    from sva.hq.accounts import revoke_device
    from sva.sync import state
    enrol_through_dialog(qtbot, win, hq.url, hq.auditor("haruka")).reject()
    revoke_device(hq.storage, state.server(win.ws.db)["hq_device_id"])
    dialog = run_sync(qtbot, win)
    assert dialog.outcome.kind == tasks.AUTH
    assert "Enrol again with a new code from HQ" in dialog.message.text.text()
    assert dialog.enrol_button.isVisible()
    dialog.reject()


# -- conflicts -----------------------------------------------------------------------------

def test_conflicts_keep_theirs_and_keep_mine(qtbot, hq, win):
    enrol_through_dialog(qtbot, win, hq.url, hq.auditor("haruka")).reject()
    audit_id = assigned_and_signed(hq, win, qtbot, photos=0)
    assert run_sync(qtbot, win).outcome.result.push.marked_synced == [audit_id]
    ws = win.ws
    (finding,) = ws.findings.of_audit(audit_id)
    fid = finding["id"]
    # both sides change two fields
    hub_of(ws).perform(None, ws.findings.edit, fid, supplier_comment="device says",
                       root_cause="device cause")
    assert status_text(win).startswith("1 to sync")      # a CAP edit of a synced audit
    hq_audits.update_cap(hq.storage, "manager", fid, {"supplier_comment": "HQ says",
                                                      "root_cause": "HQ cause"})
    sync = run_sync(qtbot, win)
    assert sync.outcome.result.conflicts == 2
    assert sync.conflicts_button.isVisible()
    assert "2 conflict(s)" in status_text(win)
    qtbot.mouseClick(sync.conflicts_button, Qt.MouseButton.LeftButton)
    (dialog,) = [d for d in win.findChildren(object, "conflictsDialog") if d.isVisible()]
    table = dialog.table
    rows = {table.item(r, 2).text(): [table.item(r, c).text() for c in range(6)]
            for r in range(table.rowCount())}
    assert rows["Supplier comment"][0] == "S001 Kanto Parts Co."
    assert "fire exit" in rows["Supplier comment"][1]
    assert rows["Supplier comment"][4:] == ["device says", "HQ says"]
    assert rows["Root cause"][4:] == ["device cause", "HQ cause"]

    def select(label):
        r = next(r for r in range(table.rowCount()) if table.item(r, 2).text() == label)
        table.clearSelection()
        table.selectRow(r)

    select("Supplier comment")
    qtbot.mouseClick(dialog.theirs_button, Qt.MouseButton.LeftButton)
    assert ws.findings.finding(fid)["supplier_comment"] == "HQ says"
    assert table.rowCount() == 1
    select("Root cause")
    qtbot.mouseClick(dialog.mine_button, Qt.MouseButton.LeftButton)
    assert ws.findings.finding(fid)["root_cause"] == "device cause"
    assert table.rowCount() == 0 and dialog.empty.isVisible()
    log = [(r["action"], r["reason"]) for r in ws.audits.history(audit_id)]
    assert ("resolve_conflict", "keep theirs") in log and ("resolve_conflict", "keep mine") in log
    assert "conflict" not in status_text(win)
    assert status_text(win).startswith("1 to sync")      # "mine" goes up at the next sync
    dialog.reject()

    assert run_sync(qtbot, win).outcome.ok
    with hq.storage.transaction(write=False) as tx:
        row = tx.one("SELECT root_cause, supplier_comment FROM findings WHERE id = ?", (fid,))
    assert (row["root_cause"], row["supplier_comment"]) == ("device cause", "HQ says")
    assert status_text(win).startswith("0 to sync")


# -- bundle, actions -----------------------------------------------------------------------

def test_bundle_export(qtbot, hq, win, tmp_path):
    enrol_through_dialog(qtbot, win, hq.url, hq.auditor("haruka")).reject()
    audit_id = assigned_and_signed(hq, win, qtbot)
    target = tmp_path / "usb" / "audits.svab"
    target.parent.mkdir()
    dialog = win.sync_ui.export_bundle_to(str(target))
    qtbot.waitUntil(lambda: dialog.outcome is not None, timeout=20000)
    assert dialog.outcome.ok and dialog.outcome.result.audits == [audit_id]
    assert target.stat().st_size > 0
    assert "USB" in dialog.message.text.text()
    assert win.ws.audits.audit(audit_id)["status"] == "signed"   # still queued
    dialog.reject()
    dialog = win.sync_ui.export_bundle_to(str(tmp_path / "missing" / "x.svab"))
    qtbot.waitUntil(lambda: dialog.outcome is not None, timeout=20000)
    assert not dialog.outcome.ok and "does not exist" in dialog.detail.text()
    dialog.reject()


def test_every_sync_action_has_a_menu_entry_and_an_unclashing_shortcut(win):
    ui = win.sync_ui
    file_menu = win.menuBar().actions()[0].menu()
    mine = [ui.sync_action, ui.conflicts_action, ui.bundle_action, ui.enrol_action]
    assert ui.sync_action.shortcut() == QKeySequence("Ctrl+Shift+S")
    others = {}
    for action in win.findChildren(QAction):
        if action not in mine:
            for key in action.shortcuts():
                others[key.toString()] = action.objectName()
    for action in mine:
        assert action in file_menu.actions()
        key = action.shortcut().toString()
        assert key and key not in others, (key, others.get(key))
    assert win.sync_ui.widget.button.defaultAction() is ui.sync_action


# -- the core's cheap count ----------------------------------------------------------------

def test_pending_count_matches_audits_to_push(qtbot, hq, win):
    enrol_through_dialog(qtbot, win, hq.url, hq.auditor("haruka")).reject()
    first = assigned_and_signed(hq, win, qtbot, photos=0)
    ws = win.ws
    assert status.pending_ids(ws.db) == audits_to_push(ws) == [first]
    assert run_sync(qtbot, win).outcome.ok
    assert status.pending_ids(ws.db) == audits_to_push(ws) == []
    assert status.pending_count(ws.db) == 0 and not status.is_pending(ws.db, first)
    (finding,) = ws.findings.of_audit(first)
    ws.findings.edit(finding["id"], responsible="Ms. Kato")
    assert status.pending_ids(ws.db) == audits_to_push(ws) == [first]
    assert status.pending_count(ws.db) == 1 and status.is_pending(ws.db, first)
    counter = status.PendingAudits()
    assert counter.reload(ws.db) == 1
    ws.findings.edit(finding["id"], responsible=finding["responsible"])   # back to agreed
    assert audits_to_push(ws) == [] and counter.update(ws.db, first) == 0


# -- amendments after sync -----------------------------------------------------------------

def answer_reason_dialog(qtbot, reason: str, seen: list):
    """Type `reason` into the amendment dialog that is about to open, and press Amend."""
    from PySide6.QtCore import QTimer
    from PySide6.QtWidgets import QApplication

    def answer():
        dialog = QApplication.activeModalWidget()
        if dialog is None or dialog.objectName() != "reasonDialog":
            QTimer.singleShot(20, answer)
            return
        seen.append(dialog.windowTitle())
        qtbot.keyClicks(dialog.field, reason)
        qtbot.mouseClick(dialog.ok_button, Qt.MouseButton.LeftButton)
    QTimer.singleShot(0, answer)


def test_an_amendment_after_sync_shows_pending_and_reaches_hq_with_both_versions(
        qtbot, hq, win, tmp_path, memory_keyring):
    """Sync → amend (a photo through the editor's import, an annotation, a finding edit, each
    with the reason) → the status bar shows it pending → sync → HQ holds the new version with
    the reasons, and still the old one."""
    import httpx
    from PIL import Image
    enrol_through_dialog(qtbot, win, hq.url, hq.auditor("haruka")).reject()
    audit_id = assigned_and_signed(hq, win, qtbot, photos=1)
    assert run_sync(qtbot, win).outcome.result.push.marked_synced == [audit_id]
    assert status_text(win).startswith("0 to sync")
    ws = win.ws
    (finding,) = ws.findings.of_audit(audit_id)
    (photo,) = ws.photos.of_audit(audit_id)

    editor = win.open_audit(audit_id)
    seen: list = []
    answer_reason_dialog(qtbot, "photo of the cleared exit", seen)
    editor.lifecycle.amend_action.trigger()
    assert seen == ["Amend a signed audit"]
    assert editor.amend_reason == "photo of the cleared exit"
    late = tmp_path / "IMG_0042.JPG"
    Image.new("RGB", (320, 240), (30, 160, 60)).save(late, "JPEG")
    with qtbot.waitSignal(editor.photo_import.finished, timeout=30000) as done:
        editor.photo_import.add_files([str(late)], finding_id=finding["id"])
    assert done.args[0] is not None and len(done.args[0].new_ids) == 1
    qtbot.waitUntil(lambda: status_text(win).startswith("1 to sync"), timeout=5000)
    assert ws.audits.audit(audit_id)["status"] == "signed"          # signed, not at HQ yet
    assert editor.header.status.text() == "Signed"                  # the editor says so too

    win.hub.perform("Annotate", ws.photos.set_annotations,
                    photo["id"], [{"kind": "redact", "box": [0.1, 0.1, 0.4, 0.4]}],
                    reason="a worker's face was visible")
    win.hub.perform("Edit finding", ws.findings.edit, finding["id"],
                    reason="boxes seen on the new photo",
                    observed="fire exit blocked by pallets and boxes")
    assert status_text(win).startswith("1 to sync")

    sync = run_sync(qtbot, win)
    assert sync.outcome.ok and sync.outcome.result.push.marked_synced == [audit_id]
    assert status_text(win).startswith("0 to sync")
    assert ws.audits.audit(audit_id)["status"] == "synced"

    (token,) = [v for (_, user), v in memory_keyring.items.items()
                if user.startswith("device-token:")]
    answer = httpx.get(f"{hq.url}/api/v1/audits/{audit_id}/versions", trust_env=False,
                       headers={"Authorization": f"Bearer {token}"})
    assert answer.status_code == 200, answer.text
    old, new = answer.json()
    assert (old["version"], old["amendments"]) == (1, [])
    assert [(a["action"], a["reason"]) for a in new["amendments"]] == [
        ("amend:add", "photo of the cleared exit"),
        ("amend:annotate", "a worker's face was visible"),
        ("amend:edit", "boxes seen on the new photo")]
    with hq.storage.transaction(write=False) as tx:
        kept = [json.loads(r["document"]) for r in tx.all(
            "SELECT document FROM audit_versions WHERE audit_id = ? ORDER BY version",
            (audit_id,))]
    assert [len(d["photos"]) for d in kept] == [1, 2]
    assert [d["findings"][0]["observed"] for d in kept] == [
        "fire exit blocked by pallets", "fire exit blocked by pallets and boxes"]
    store = BlobStore(hq.storage.blob_dir)
    assert all(store.final_path(p["sha256"]).exists() for p in kept[1]["photos"])
