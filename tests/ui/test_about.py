"""Help → About SVA (F1) and Help → Open log folder (Ctrl+F1) in the real main window."""
from __future__ import annotations

import platform

import PySide6
import pytest
from PySide6.QtCore import QObject, Qt, QTimer, QUrl, Slot, qVersion
from PySide6.QtGui import QDesktopServices, QGuiApplication
from PySide6.QtWidgets import QApplication, QDialog

from sva import __version__
from sva.store import SCHEMA_VERSION, engine
from sva.sync import credentials
from tests.hq.conftest import memory_keyring  # noqa: F401 (fixture)


class FileUrls(QObject):
    """Stands in for the file manager: QDesktopServices hands it the file: URLs it opens."""

    def __init__(self):
        super().__init__()
        self.opened: list[QUrl] = []

    @Slot(QUrl)
    def show(self, url: QUrl) -> None:
        self.opened.append(url)


@pytest.fixture
def file_manager():
    urls = FileUrls()
    QDesktopServices.setUrlHandler("file", urls, "show")
    yield urls
    QDesktopServices.unsetUrlHandler("file")


@pytest.fixture
def shown(qtbot, window):
    window.show()
    window.activateWindow()
    qtbot.waitUntil(window.isActiveWindow)
    return window


def about_dialog(qtbot, window) -> QDialog:
    qtbot.waitUntil(lambda: window.findChild(QDialog, "aboutDialog") is not None)
    dialog = window.findChild(QDialog, "aboutDialog")
    qtbot.waitUntil(dialog.isVisible)
    return dialog


def test_help_menu_lists_about_and_the_log_folder_with_shortcuts(window):
    help_menu = next(a.menu() for a in window.menuBar().actions() if a.text() == "&Help")
    assert [a.objectName() for a in help_menu.actions()] == ["aboutAction", "logFolderAction"]
    assert window.about_action.shortcut().toString() == "F1"
    assert window.log_folder_action.shortcut().toString() == "Ctrl+F1"


def test_f1_shows_versions_data_folder_schema_encryption_and_keyring(qtbot, shown, demo_ws,
                                                                      memory_keyring):
    qtbot.keyClick(shown, Qt.Key.Key_F1)
    dialog = about_dialog(qtbot, shown)
    rows = {key: label.text() for key, label in dialog.rows.items()}
    assert rows["sva"] == __version__
    assert rows["python"] == f"{platform.python_implementation()} {platform.python_version()}"
    assert rows["qt"] == f"Qt {qVersion()}, PySide6 {PySide6.__version__}"
    assert rows["sqlite"] == engine.SQLITE_VERSION          # the device store's (SQLCipher's)
    assert rows["data_folder"] == str(demo_ws.folder)
    assert rows["schema"] == f"{SCHEMA_VERSION} (this app: {SCHEMA_VERSION})"
    assert rows["encryption"] == "Off"
    assert rows["logs"] == str(demo_ws.folder / "logs")
    expected = credentials.backend_name(memory_keyring)
    qtbot.waitUntil(lambda: dialog.rows["keyring"].text() == expected)
    dialog.copy_button.click()
    copied = QGuiApplication.clipboard().text().splitlines()
    assert f"Keyring: {expected}" in copied and f"SVA version: {__version__}" in copied
    assert len(copied) == len(rows)
    dialog.reject()


def test_about_says_when_the_keyring_is_not_safe_for_secrets(qtbot, shown, monkeypatch):
    import keyring
    import keyring.backends.fail
    previous = keyring.get_keyring()
    keyring.set_keyring(keyring.backends.fail.Keyring())
    try:
        shown.about_action.trigger()
        dialog = about_dialog(qtbot, shown)
        qtbot.waitUntil(lambda: "not safe for secrets" in dialog.rows["keyring"].text())
        assert dialog.rows["keyring"].text().startswith("keyring.backends.fail.Keyring")
        dialog.reject()
    finally:
        keyring.set_keyring(previous)


def test_ctrl_f1_opens_the_data_folders_log_folder(qtbot, shown, demo_ws, file_manager):
    qtbot.keyClick(shown, Qt.Key.Key_F1, Qt.KeyboardModifier.ControlModifier)
    assert [u.toLocalFile() for u in file_manager.opened] == [str(demo_ws.folder / "logs")]
    assert (demo_ws.folder / "logs").is_dir()


def test_the_about_dialog_opens_the_log_folder_too(qtbot, shown, demo_ws, file_manager):
    shown.about_action.trigger()
    dialog = about_dialog(qtbot, shown)
    dialog.logs_button.click()
    assert [u.toLocalFile() for u in file_manager.opened] == [str(demo_ws.folder / "logs")]
    dialog.reject()


def test_without_a_file_manager_the_folder_is_named(qtbot, shown, demo_ws, monkeypatch):
    monkeypatch.setattr(QDesktopServices, "openUrl", staticmethod(lambda url: False))
    seen = []

    def look():
        box = QApplication.activeModalWidget()
        if box is None:
            QTimer.singleShot(20, look)
            return
        seen.append(box.text())
        box.accept()
    QTimer.singleShot(0, look)
    shown.log_folder_action.trigger()          # returns when the message is closed
    assert seen and str(demo_ws.folder / "logs") in seen[0]
