"""The recovery key in the app: shown once with Copy and Print when a folder is created
encrypted; asked for when this computer's keyring has no key (real dialogs, offscreen)."""
from __future__ import annotations

import keyring
import pytest
from PySide6.QtCore import QTimer
from PySide6.QtGui import QGuiApplication
from PySide6.QtPrintSupport import QPrinter
from PySide6.QtWidgets import QApplication

from sva.errors import StoreLocked
from sva.workspace import Workspace
from tests.keyrings import MemoryKeyring


@pytest.fixture
def ring(monkeypatch):
    ring = MemoryKeyring()
    monkeypatch.setattr(keyring, "get_keyring", lambda: ring)
    return ring


def test_a_new_encrypted_folder_shows_its_key_once_with_copy_and_print(qapp, tmp_path, ring):
    from pypdf import PdfReader

    from ui.app import open_workspace
    from ui.dialogs.recovery_dialogs import RecoveryKeyDialog
    shown = []

    def look_and_close():
        dialog = next(w for w in QApplication.topLevelWidgets()
                      if isinstance(w, RecoveryKeyDialog) and w.isVisible())
        shown.append(dialog.key_label.text())
        dialog.copy_button.click()
        printer = QPrinter(QPrinter.PrinterMode.HighResolution)
        printer.setOutputFormat(QPrinter.OutputFormat.PdfFormat)
        printer.setOutputFileName(str(tmp_path / "key.pdf"))
        dialog.print_key(printer)
        dialog.accept()
        shown.append(dialog.key_label.text())           # cleared when closed
    QTimer.singleShot(0, look_and_close)
    ws = open_workspace(tmp_path / "new")
    try:
        assert ws.encrypted and len(shown[0]) == 47 and shown[1] == ""
        assert QGuiApplication.clipboard().text() == shown[0]
        text = PdfReader(tmp_path / "key.pdf").pages[0].extract_text()
        assert shown[0] in text.replace(" ", "").replace("\n", "") or shown[0][:5] in text
        assert ws.at_rest.take_recovery_key() is None                       # once only
    finally:
        ws.close()
    from sva.atrest import keys
    ring.items.clear()
    assert keys.unlock(tmp_path / "new", shown[0])                         # the real key


def test_a_locked_folder_asks_for_the_recovery_key_and_opens(qapp, tmp_path, ring):
    from ui.app import open_workspace
    from ui.dialogs.recovery_dialogs import UnlockDialog
    ws = Workspace(tmp_path / "data")
    recovery = ws.at_rest.take_recovery_key()
    ws.close()
    ring.items.clear()                                   # a new computer, same folder
    with pytest.raises(StoreLocked):
        Workspace(tmp_path / "data")
    steps = []

    def type_keys():
        dialog = next(w for w in QApplication.topLevelWidgets()
                      if isinstance(w, UnlockDialog) and w.isVisible())
        dialog.field.setText("AAAAA-" * 7 + "AAAAA")
        dialog.unlock_button.click()
        steps.append((dialog.isVisible(), dialog.error.text(), dict(ring.items)))
        dialog.field.setText(recovery)
        dialog.unlock_button.click()
    QTimer.singleShot(0, type_keys)
    ws = open_workspace(tmp_path / "data")
    try:
        visible, error, items = steps[0]
        assert visible and "does not open" in error and items == {}        # nothing stored
        assert ws is not None and ws.encrypted
    finally:
        if ws is not None:
            ws.close()


def test_a_folder_created_plain_for_want_of_a_keyring_says_so_in_the_status_bar(qapp,
                                                                                   tmp_path):
    from PySide6.QtCore import QSettings

    from ui.main_window import MainWindow
    settings = QSettings(str(tmp_path / "s.ini"), QSettings.Format.IniFormat)
    shown = []
    for _ in range(2):           # created plain (no keyring in tests), then opened again
        ws = Workspace(tmp_path / "new")
        assert not ws.encrypted
        window = MainWindow(ws, settings=settings)
        shown.append((not window.plain_label.isHidden(), window.plain_label.text()))
        window.close()
        window.deleteLater()
        qapp.processEvents()
        ws.close()
    assert shown[0][0] and "Not encrypted" in shown[0][1]
    assert not shown[1][0]                               # an existing plain folder: no news


def test_a_locked_folder_can_be_restored_from_a_backup_instead(qapp, tmp_path, ring):
    """No key here and no recovery key at hand: "Restore a backup…" opens the restore dialog
    for this folder; the backup (of an encrypted folder) is restored, the locked folder kept
    aside, and the app then asks for the backup's own recovery key and opens it."""
    import time

    from sva.backup import container, device
    from ui.app import open_workspace
    from ui.dialogs.recovery_dialogs import UnlockDialog
    from ui.dialogs.restore_dialog import RestoreDialog
    secret = "a passphrase of the backup"
    source = Workspace(tmp_path / "visit")
    recovery = source.at_rest.take_recovery_key()
    source.suppliers.add(code="BK1", name_en="In the backup", country="JP")
    device.create_backup(source, tmp_path / "visit.svab",
                         lambda header: container.passphrase_kek(secret, header))
    source.close()
    locked = Workspace(tmp_path / "data")                 # another encrypted folder, locked
    locked.close()
    ring.items.clear()                                    # a new computer: no key at all
    steps = []

    def visible(kind):
        return next((w for w in QApplication.topLevelWidgets()
                     if isinstance(w, kind) and w.isVisible()), None)

    def choose_restore():
        dialog = visible(UnlockDialog)
        if dialog is None:
            QTimer.singleShot(20, choose_restore)
            return
        steps.append("unlock")
        QTimer.singleShot(0, restore_it)
        dialog.restore_button.click()

    def restore_it():
        dialog = visible(RestoreDialog)
        if dialog is None:
            QTimer.singleShot(20, restore_it)
            return
        steps.append(("restore", str(dialog.folder)))
        dialog.file.setText(str(tmp_path / "visit.svab"))
        dialog.passphrase.setText(secret)
        dialog.start_button.click()
        dialog.confirm_box.button(dialog.confirm_box.StandardButton.Yes).click()
        deadline = time.monotonic() + 60
        while dialog.task is not None and time.monotonic() < deadline:
            QApplication.processEvents()
            time.sleep(0.01)
        steps.append(dialog.message.text.text())
        QTimer.singleShot(0, unlock_restored)
        dialog.cancel_button.click()                      # Close

    def unlock_restored():
        dialog = visible(UnlockDialog)
        if dialog is None:
            QTimer.singleShot(20, unlock_restored)
            return
        steps.append("unlock again")
        dialog.field.setText(recovery)
        dialog.unlock_button.click()

    QTimer.singleShot(0, choose_restore)
    ws = open_workspace(tmp_path / "data")
    try:
        assert steps[:2] == ["unlock", ("restore", str(tmp_path / "data"))]
        assert "Restored the backup of" in steps[2], steps[2]
        assert steps[3] == "unlock again"
        assert ws is not None and ws.encrypted
        assert "BK1" in {s["code"] for s in ws.queries.suppliers()}
        assert list(tmp_path.glob("data.before-restore-*"))       # the locked one kept aside
    finally:
        if ws is not None:
            ws.close()
