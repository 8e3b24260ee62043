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
