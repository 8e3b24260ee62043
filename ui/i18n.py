"""Load the UI translation chosen in the settings (at start-up: a switch needs a restart).

Our strings come from resources/translations/sva_<lang>.qm (built from the .ts by
`python -m ui.i18n_build`); Qt's own dialogs, buttons and context menus use Qt's catalogue
shipped with PySide6 (`qt_<lang>`, which loads qtbase and the other modules' catalogues).
"""
from __future__ import annotations

from pathlib import Path

from PySide6.QtCore import QCoreApplication, QLibraryInfo, QLocale, QTranslator

from sva.paths import resource
from sva.vocabulary import LANGS as SUPPORTED


def qt_gaps() -> dict[str, str]:
    """Texts of Qt's own widgets that Qt's Japanese catalogue lacks (Qt renamed them, e.g.
    added a mnemonic, and the catalogue still has the old text), as now translated.

    They are kept in our .ts under Qt's own contexts, where Qt's widgets find them; listed
    here as calls so that lupdate keeps them. tests/ui/test_japanese_ui.py shows Qt's
    dialogs and fails on any English left.
    """
    return {
        "&Look in:": QCoreApplication.translate("QFileDialog", "&Look in:"),
        "Files of &type:": QCoreApplication.translate("QFileDialog", "Files of &type:"),
        "Folder": QCoreApplication.translate("QAbstractFileIconProvider", "Folder",
                                             "All other platforms"),
        "Drive": QCoreApplication.translate("QAbstractFileIconProvider", "Drive"),
        "Unknown": QCoreApplication.translate("QAbstractFileIconProvider", "Unknown"),
    }


def translations_dir() -> Path:
    return resource("translations")


def qt_translations_dir() -> str:
    return QLibraryInfo.path(QLibraryInfo.LibraryPath.TranslationsPath)


def resolve(language: str) -> str:
    """'system' → the system's language if we ship it, else English."""
    if language in SUPPORTED:
        return language
    system = QLocale.system().name().split("_")[0]
    return system if system in SUPPORTED else "en"


def ui_language() -> str:
    """The language the installed translators give the UI ('en' when none is installed).

    Read from the catalogue itself (the way Qt reads its layout direction), so whatever
    installed the translators — the app, the screenshots, a test — the names shown follow.
    """
    code = QCoreApplication.translate(
        "i18n", "en", "the code of the UI language: translate as the catalogue's language code")
    return code if code in SUPPORTED else "en"


def translators(language: str, folder: Path | None = None) -> list[QTranslator]:
    """Loaded translators for `language`: ours, then Qt's. Empty for English, or when our
    catalogue is missing (then the UI stays English rather than half-translated)."""
    if language == "en":
        return []
    ours = QTranslator()
    if not ours.load(f"sva_{language}", str(folder or translations_dir())):
        print(f"sva: no compiled translation sva_{language}.qm in "
              f"{folder or translations_dir()}; run `python -m ui.i18n_build`")
        return []
    loaded = [ours]
    qt = QTranslator()
    # qt_<lang> is a meta catalogue loading qtbase_<lang>, qtmultimedia_<lang>, …
    if qt.load(f"qt_{language}", qt_translations_dir()) or qt.load(
            f"qtbase_{language}", qt_translations_dir()):
        loaded.append(qt)
    return loaded


def install(app: QCoreApplication, language: str, folder: Path | None = None) -> str:
    """Install translators for `language`; returns the language really used."""
    lang = resolve(language)
    loaded = translators(lang, folder)
    if not loaded:
        return "en"
    for translator in loaded:
        translator.setParent(app)         # kept alive with the application
        app.installTranslator(translator)
    QLocale.setDefault(QLocale(lang))
    return lang
