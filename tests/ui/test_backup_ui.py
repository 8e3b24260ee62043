"""File ▸ Back up… and File ▸ Restore… drive real dialogs offscreen: the work runs off the
UI thread with progress, Cancel leaves nothing behind, and a restore reopens the folder."""
from __future__ import annotations

import shutil
import time

import pytest
from PySide6.QtWidgets import QMessageBox

from sva.workspace import Workspace
from tests.backup.backup_tools import blob_hashes, tables

SECRET = "shinagawa-warehouse 19"


@pytest.fixture
def data(demo_folder, tmp_path):
    folder = tmp_path / "data"
    shutil.copytree(demo_folder, folder)
    return folder


@pytest.fixture
def win(qtbot, data, ui_settings):
    from ui.main_window import MainWindow
    window = MainWindow(Workspace(data), settings=ui_settings)
    qtbot.addWidget(window)
    yield window
    if window.ws is not None:
        window.ws.close()


def until(condition, timeout=60.0):
    """Process events until `condition()` holds. Not qtbot.waitUntil: an earlier test of the
    session that called QApplication.exit() makes every new event loop return at once."""
    from PySide6.QtWidgets import QApplication
    deadline = time.monotonic() + timeout
    while not condition():
        assert time.monotonic() < deadline, "timed out"
        QApplication.processEvents()
        time.sleep(0.01)


def dialog_named(window, name):
    found = [w for w in window.findChildren(object) if w.objectName() == name]
    return found[-1]


def back_up(qtbot, win, out, secret=SECRET, again=SECRET):
    win.backup_action.trigger()
    dialog = dialog_named(win, "backupDialog")
    assert dialog.isVisible()
    dialog.file.setText(str(out))
    dialog.passphrase.setText(secret)
    dialog.again.setText(again)
    dialog.start_button.click()
    return dialog


def test_file_menu_backs_up_and_restores_with_progress(qtbot, win, data, tmp_path):
    assert win.backup_action.shortcut().toString() == "Ctrl+Alt+B"
    assert win.restore_action.shortcut().toString() == "Ctrl+Alt+R"
    assert {win.backup_action, win.restore_action} <= set(win.menuBar().actions()[0]
                                                          .menu().actions())
    rows, blobs = tables(data / "sva.db"), blob_hashes(data)
    out = tmp_path / "laptop.svab"
    dialog = back_up(qtbot, win, out)
    seen = []
    dialog.task.signals.progressed.connect(lambda d, t: seen.append(d))
    until(lambda: dialog.task is None, 60)
    assert out.exists() and "Backup written to" in dialog.message.text.text()
    assert dialog.progress.value() == dialog.progress.maximum() and seen
    assert dialog.passphrase.text() == "" and SECRET not in dialog.message.text.text()
    dialog.cancel_button.click()                                  # Close

    win.ws.suppliers.add(code="LATE", name_en="Added after the backup", country="JP")
    win.restore_action.trigger()
    restore = dialog_named(win, "restoreDialog")
    restore.file.setText(str(out))
    restore.passphrase.setText(SECRET)
    restore.start_button.click()
    assert "18 audits" in restore.about.text()
    box = restore.confirm_box                                     # the folder is not empty
    assert box is not None and box.isVisible() and str(data) in box.text()
    box.button(QMessageBox.StandardButton.Yes).click()
    until(lambda: restore.task is None, 60)
    assert "Restored the backup of" in restore.message.text.text(), restore.message.text.text()
    (aside,) = tmp_path.glob("data.before-restore-*")
    assert str(aside) in restore.message.text.text()
    assert tables(data / "sva.db") == rows and blob_hashes(data) == blobs
    assert win.ws.folder == data                                  # the restored one, open
    assert "LATE" not in {r["code"] for r in win.ws.queries.suppliers()}
    assert win.audits_view.model.rowCount() == 18                 # the window shows it


def test_a_wrong_passphrase_in_the_restore_dialog_changes_nothing(qtbot, win, data, tmp_path):
    out = tmp_path / "b.svab"
    dialog = back_up(qtbot, win, out)
    until(lambda: dialog.task is None, 60)
    win.restore_action.trigger()
    restore = dialog_named(win, "restoreDialog")
    restore.file.setText(str(out))
    restore.passphrase.setText("not the right one")
    restore.start_button.click()
    restore.confirm_box.button(QMessageBox.StandardButton.Yes).click()
    until(lambda: restore.task is None, 60)
    assert "passphrase is wrong" in restore.message.text.text()
    assert "Nothing was restored" in restore.message.text.text()
    assert not [p for p in tmp_path.iterdir() if "restor" in p.name]   # no staging, no aside
    assert win.ws.queries.audits()                                # still open, still works


def test_cancel_in_the_backup_dialog_leaves_no_file(qtbot, win, data, tmp_path, monkeypatch):
    import ui.operations.backup as operations
    real = operations.device.create_backup

    def slow(ws, out, kek_for, *, progress, overwrite):
        def step(done, total):
            progress(done, total)
            time.sleep(0.05)
        return real(ws, out, kek_for, progress=step, overwrite=overwrite)
    monkeypatch.setattr(operations.device, "create_backup", slow)
    out = tmp_path / "b.svab"
    dialog = back_up(qtbot, win, out)
    until(lambda: dialog.progress.value() > 0, 30)
    dialog.cancel_button.click()
    until(lambda: dialog.task is None, 30)
    assert "no backup file was written" in dialog.message.text.text()
    assert not out.exists()
    assert not [p for p in tmp_path.iterdir() if p.name.startswith(".b.svab")]
    assert [p.name for p in (data / "backups").iterdir() if p.name.startswith(".")] == []


def test_the_backup_dialog_refuses_short_or_differing_passphrases(qtbot, win, tmp_path):
    out = tmp_path / "b.svab"
    dialog = back_up(qtbot, win, out, secret="short", again="short")
    assert dialog.task is None and "at least 8" in dialog.message.text.text()
    dialog.passphrase.setText(SECRET)
    dialog.again.setText(SECRET + "x")
    dialog.start_button.click()
    assert dialog.task is None and "differ" in dialog.message.text.text()
    assert not out.exists()


def test_the_daily_backup_runs_at_start_when_due_and_follows_the_setting(qtbot, win, data,
                                                                         ui_settings):
    from ui.settings import DAILY_BACKUP
    DAILY_BACKUP.set(ui_settings, False)
    win.start_daily_backup()
    assert not hasattr(win, "daily_backup")
    DAILY_BACKUP.set(ui_settings, True)
    win.start_daily_backup()
    until(lambda: win.daily_backup.finished.is_set(), 30)
    (made,) = (data / "backups").glob("sva-v*-auto-*.db")
    until(lambda: str(made) in win.statusBar().currentMessage(), 5)
    win.start_daily_backup()                                       # not due again today
    until(lambda: win.daily_backup.finished.is_set(), 30)
    assert len(list((data / "backups").glob("sva-v*-auto-*.db"))) == 1


def test_closing_the_window_during_a_backup_cancels_it_and_leaves_no_file(qtbot, win, data,
                                                                          tmp_path,
                                                                          monkeypatch):
    import ui.operations.backup as operations
    real = operations.device.create_backup

    def slow(ws, out, kek_for, *, progress, overwrite):
        def step(done, total):
            progress(done, total)
            time.sleep(0.05)
        return real(ws, out, kek_for, progress=step, overwrite=overwrite)
    monkeypatch.setattr(operations.device, "create_backup", slow)
    out = tmp_path / "b.svab"
    dialog = back_up(qtbot, win, out)
    task = dialog.task
    until(lambda: dialog.progress.value() > 0, 30)
    win.close()                                      # the app quits meanwhile
    assert task.finished.is_set()                    # it waited for the cancelled backup
    win.ws.close()
    assert not out.exists()
    assert not [p for p in tmp_path.iterdir() if p.name.startswith(".b.svab")]
