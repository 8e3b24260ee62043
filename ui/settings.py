"""Window settings, each declared once with its key; stored with QSettings("SVA", "SVA").

Only look-and-feel goes here. Secrets never do (they live in the OS keyring via the core).
"""
from __future__ import annotations

from PySide6.QtCore import QSettings

ORGANIZATION = "SVA"
APPLICATION = "SVA"

MAIN_GEOMETRY = "main_window/geometry"   # QByteArray from QMainWindow.saveGeometry()
MAIN_STATE = "main_window/state"         # QByteArray from QMainWindow.saveState()
MAIN_TAB = "main_window/tab"             # int, the tab shown last


def app_settings() -> QSettings:
    return QSettings(ORGANIZATION, APPLICATION)
