"""App settings, each declared once with its key, type and default; stored with QSettings.

Only preferences and look-and-feel go here. Secrets never do (they live in the OS keyring
via the core).

No key may sit in a group called `general` (any case): on Linux QSettings writes such a key
into the INI section `[%General]` and a new process reads it back as `General/...`, so the
value seems lost after a restart. Earlier releases kept the interface language and the
auditor's name there; `migrate()` carries those values over once.
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
    legacy_keys: tuple = ()   # where older releases kept the value; read once by migrate()

    def __post_init__(self):
        if self.key.split("/")[0].lower() == "general":
            raise ValueError(f"{self.key}: the General group does not survive a restart")

    def get(self, settings: QSettings) -> Any:
        value = settings.value(self.key, self.default, type=self.type)
        if self.choices and value not in self.choices:
            return self.default
        return value

    def set(self, settings: QSettings, value: Any) -> None:
        settings.setValue(self.key, value)


# Applied when the app starts (a restart switches the UI language).
LANGUAGE = Setting("preferences/language", str, "system", UI_LANGUAGES,
                   legacy_keys=("General/language", "general/language"))
# Prefilled as the auditor's signature name and in new findings.
AUDITOR_NAME = Setting("preferences/auditor_name", str, "",
                       legacy_keys=("General/auditor_name", "general/auditor_name"))
# The auditor's organisation, prefilled when signing.
ORGANISATION = Setting("preferences/organisation", str, "")
# How the supplier reaches the auditor: printed in the guidance report's "How to respond".
AUDITOR_EMAIL = Setting("preferences/auditor_email", str, "")
AUDITOR_PHONE = Setting("preferences/auditor_phone", str, "")
# Language of questions and guidance in the editor, independent of the UI language.
CHECKLIST_LANGUAGE = Setting("editor/checklist_language", str, "both", CHECKLIST_LANGUAGES)

# A copy of the database in the data folder's backups/ when the app starts and the newest
# is older than a day (sva/backup/scheduled.py); the newest DAILY_BACKUP_KEEP are kept.
DAILY_BACKUP = Setting("backup/daily", bool, True)
DAILY_BACKUP_KEEP = Setting("backup/keep", int, 7)

SETTINGS = (LANGUAGE, AUDITOR_NAME, ORGANISATION, AUDITOR_EMAIL, AUDITOR_PHONE,
            CHECKLIST_LANGUAGE, DAILY_BACKUP, DAILY_BACKUP_KEEP)


def auditor_contact(settings) -> dict:
    """The auditor's name, e-mail and telephone as the reports print them."""
    return {"name": AUDITOR_NAME.get(settings).strip(),
            "email": AUDITOR_EMAIL.get(settings).strip(),
            "phone": AUDITOR_PHONE.get(settings).strip()}


def migrate(settings: QSettings) -> None:
    """Carry values from the keys of older releases to today's keys, once: the old keys are
    removed afterwards. A value already stored under today's key wins."""
    moved = False
    for setting in SETTINGS:
        old = [key for key in setting.legacy_keys if settings.contains(key)]
        if not old:
            continue
        if not settings.contains(setting.key):
            settings.setValue(setting.key, settings.value(old[0]))
        for key in old:
            settings.remove(key)
        moved = True
    if moved:
        settings.sync()


def app_settings() -> QSettings:
    settings = QSettings(ORGANIZATION, APPLICATION)
    migrate(settings)
    return settings
