"""One app start for the settings-across-a-restart tests (tests/ui/test_settings_restart.py).

    python settings_child.py set LANGUAGE NAME ORGANISATION CHECKLIST
        starts the app's main window, opens Settings from its action, types the values,
        presses OK and exits
    python settings_child.py old-release LANGUAGE NAME
        writes the two preferences the way releases before the fix did (`general/...` keys)
    python settings_child.py read
        starts the app as `sva` does (translator from the settings), opens Settings and
        prints one JSON line: what the dialog shows, the language in use, the settings file

Each run is its own process; the settings location comes from XDG_CONFIG_HOME / HOME.
"""
from __future__ import annotations

import json
import os
import sys
from pathlib import Path

os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")

from PySide6.QtCore import QCoreApplication, QSettings, Qt  # noqa: E402
from PySide6.QtGui import QInputMethodEvent  # noqa: E402
from PySide6.QtTest import QTest  # noqa: E402
from PySide6.QtWidgets import QDialogButtonBox  # noqa: E402

from ui.app import application, install_language  # noqa: E402
from ui.settings import APPLICATION, ORGANIZATION  # noqa: E402


def settings_dialog(window):
    from ui.dialogs.settings_dialog import SettingsDialog
    window.settings_action.trigger()
    QTest.qWait(50)
    [dialog] = [d for d in window.findChildren(SettingsDialog) if d.isVisible()]
    return dialog


def type_text(field, text: str) -> None:
    """Type as a user does: key presses for ASCII, an input-method commit for Japanese."""
    for char in text:
        if char.isascii():
            QTest.keyClick(field, char)
        else:
            event = QInputMethodEvent()
            event.setCommitString(char)
            QCoreApplication.sendEvent(field, event)


def set_through_dialog(language: str, name: str, organisation: str, checklist: str) -> dict:
    from ui.main_window import MainWindow
    window = MainWindow(None)
    window.show()
    dialog = settings_dialog(window)
    dialog.language.setCurrentIndex(dialog.language.findData(language))
    dialog.checklist.setCurrentIndex(dialog.checklist.findData(checklist))
    for field, text in ((dialog.auditor, name), (dialog.organisation, organisation)):
        field.selectAll()
        type_text(field, text)
    ok = dialog.findChild(QDialogButtonBox).button(QDialogButtonBox.StandardButton.Ok)
    QTest.mouseClick(ok, Qt.MouseButton.LeftButton)
    assert not dialog.isVisible(), "OK did not close the dialog"
    window.close()
    return {"file": window.settings.fileName()}


def write_like_an_old_release(language: str, name: str) -> dict:
    settings = QSettings(ORGANIZATION, APPLICATION)
    settings.setValue("general/language", language)
    settings.setValue("general/auditor_name", name)
    settings.setValue("editor/checklist_language", "ja")
    settings.sync()
    return {"file": settings.fileName()}


def read() -> dict:
    from ui.settings import AUDITOR_NAME, LANGUAGE, ORGANISATION, app_settings
    in_use = install_language(application([]))
    from ui.main_window import MainWindow   # after the translator, as `sva` does
    window = MainWindow(None)
    window.show()
    dialog = settings_dialog(window)
    shown = {"language": dialog.language.currentData(), "name": dialog.auditor.text(),
             "organisation": dialog.organisation.text(),
             "checklist": dialog.checklist.currentData()}
    dialog.reject()
    window.close()
    settings = app_settings()
    return {"in_use": in_use, "shown": shown, "file": settings.fileName(),
            "stored": {"language": LANGUAGE.get(settings), "name": AUDITOR_NAME.get(settings),
                       "organisation": ORGANISATION.get(settings)},
            "ini": Path(settings.fileName()).read_text("utf-8")}


def main(argv: list[str]) -> int:
    app = application([])
    mode, args = argv[0], argv[1:]
    result = {"set": set_through_dialog, "old-release": write_like_an_old_release,
              "read": read}[mode](*args)
    print(json.dumps(result, ensure_ascii=False))
    app.processEvents()
    return 0


if __name__ == "__main__":
    sys.exit(main(sys.argv[1:]))
