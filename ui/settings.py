"""App settings, each declared once with its key, type and default; stored with QSettings.

Only preferences and look-and-feel go here. Secrets never do (they live in the OS keyring
via the core).
"""
from __future__ import annotations

from dataclasses import dataclass
from typing import Any

from PySide6.QtCore import QSettings

ORGANIZATION = "SVA"
APPLICATION = "SVA"

MAIN_GEOMETRY = "main_window/geometry"   # QByteArray from QMainWindow.saveGeometry()
MAIN_STATE = "main_window/state"         # QByteArray from QMainWindow.saveState()
MAIN_TAB = "main_window/tab"             # int, the tab shown last
OPEN_AUDITS = "main_window/open_audits"  # str, the ids of the open audit tabs, space-separated
CURRENT_AUDIT = "main_window/current_audit"   # str, the audit tab shown last ('' for a list)
EDITOR_SPLITTER = "editor/splitter"      # QByteArray from QSplitter.saveState()

UI_LANGUAGES = ("system", "en", "ja")
CHECKLIST_LANGUAGES = ("en", "ja", "both")


@dataclass(frozen=True)
class Setting:
    key: str
    type: type
    default: Any
    choices: tuple = ()

    def get(self, settings: QSettings) -> Any:
        value = settings.value(self.key, self.default, type=self.type)
        if self.choices and value not in self.choices:
            return self.default
        return value

    def set(self, settings: QSettings, value: Any) -> None:
        settings.setValue(self.key, value)


# Applied when the app starts (a restart switches the UI language).
LANGUAGE = Setting("general/language", str, "system", UI_LANGUAGES)
# Prefilled as the auditor's signature name and in new findings.
AUDITOR_NAME = Setting("general/auditor_name", str, "")
# Language of questions and guidance in the editor, independent of the UI language.
CHECKLIST_LANGUAGE = Setting("editor/checklist_language", str, "both", CHECKLIST_LANGUAGES)


def app_settings() -> QSettings:
    return QSettings(ORGANIZATION, APPLICATION)
