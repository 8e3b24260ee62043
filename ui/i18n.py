"""Load the UI translation chosen in the settings (at start-up: a switch needs a restart).

Our strings come from resources/translations/sva_<lang>.qm (built from the .ts by
`python -m ui.i18n_build`); Qt's own dialogs use the qtbase catalogue shipped with PySide6.
"""
from __future__ import annotations

from pathlib import Path

from PySide6.QtCore import QCoreApplication, QLibraryInfo, QLocale, QTranslator

from sva.paths import resource

SUPPORTED = ("en", "ja")


def translations_dir() -> Path:
    return resource("translations")


def resolve(language: str) -> str:
    """'system' → the system's language if we ship it, else English."""
    if language in SUPPORTED:
        return language
    system = QLocale.system().name().split("_")[0]
    return system if system in SUPPORTED else "en"


def install(app: QCoreApplication, language: str, folder: Path | None = None) -> str:
    """Install translators for `language`; returns the language really used."""
    lang = resolve(language)
    if lang == "en":
        return lang
    ours = QTranslator(app)
    if not ours.load(f"sva_{lang}", str(folder or translations_dir())):
        print(f"sva: no compiled translation sva_{lang}.qm in {folder or translations_dir()}; "
              "run `python -m ui.i18n_build`")
        return "en"
    app.installTranslator(ours)
    qt = QTranslator(app)
    if qt.load(f"qtbase_{lang}", QLibraryInfo.path(QLibraryInfo.LibraryPath.TranslationsPath)):
        app.installTranslator(qt)
    QLocale.setDefault(QLocale(lang))
    return lang
