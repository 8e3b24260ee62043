"""Start the desktop app: `main(data_dir)` opens the workspace and shows the main window."""
from __future__ import annotations

import sys

from PySide6.QtCore import QCoreApplication
from PySide6.QtWidgets import QApplication, QMessageBox

from sva.errors import SvaError
from sva.workspace import Workspace
from ui import i18n
from ui.settings import APPLICATION, LANGUAGE, ORGANIZATION, app_settings


def application(argv: list[str] | None = None) -> QApplication:
    """The one QApplication (reused if a test or caller already made it)."""
    app = QApplication.instance()
    if app is None:
        app = QApplication(list(argv) if argv is not None else sys.argv)
    app.setOrganizationName(ORGANIZATION)
    app.setApplicationName(APPLICATION)
    return app


def install_language(app: QApplication, settings=None) -> str:
    """The UI language from the settings; applied once, before any window is built."""
    if getattr(app, "_sva_language", None) is None:
        app._sva_language = i18n.install(app, LANGUAGE.get(settings or app_settings()))
    return app._sva_language


def open_workspace(data_dir=None) -> Workspace | None:
    """The workspace, or None after telling the user why it cannot be opened."""
    try:
        return Workspace(data_dir)
    except (SvaError, OSError) as exc:
        QMessageBox.critical(
            None, QCoreApplication.translate("App", "SVA cannot open its data"),
            QCoreApplication.translate("App", "The data folder cannot be opened:\n\n{0}")
            .format(exc))
        return None


def main(data_dir=None, argv: list[str] | None = None) -> int:
    app = application(argv)
    install_language(app)
    from ui.main_window import MainWindow  # after the translator, so class-level texts translate
    ws = open_workspace(data_dir)
    if ws is None:
        return 1
    try:
        window = MainWindow(ws)
        window.show()
        return app.exec()
    finally:
        ws.close()


if __name__ == "__main__":
    sys.exit(main())
