"""Start the desktop app: `main(data_dir)` shows the main window and opens the workspace.

The window paints first (menus, tabs, status bar), then its audits filter row and empty table,
and the workspace opens right after that: opening it imports sqlite-utils and the domain
modules and reads the audits list, which would otherwise keep the screen blank for about half
a second (tests/bench/bench_ui.py prints the first frame and the filled list).
"""
from __future__ import annotations

import sys
from collections.abc import Callable

from PySide6.QtCore import QCoreApplication, QEvent, QLoggingCategory, QObject, QTimer
from PySide6.QtWidgets import QApplication, QWidget

from sva.errors import SvaError
from sva.workspace import Workspace
from ui import fonts, i18n
from ui.settings import APPLICATION, LANGUAGE, ORGANIZATION, app_settings


def application(argv: list[str] | None = None) -> QApplication:
    """The one QApplication (reused if a test or caller already made it)."""
    app = QApplication.instance()
    if app is None:
        # QtMultimedia (the camera) reports every optional media library it does not find
        # on the terminal; none of that is the auditor's concern.
        QLoggingCategory.setFilterRules("qt.multimedia.*=false")
        app = QApplication(list(argv) if argv is not None else sys.argv)
    app.setOrganizationName(ORGANIZATION)
    app.setApplicationName(APPLICATION)
    if getattr(app, "_sva_fonts", None) is None:      # once: emoji never drawn as boxes
        app._sva_fonts = fonts.install_fonts(app.font())
    return app


def install_language(app: QApplication, settings=None) -> str:
    """The UI language from the settings; applied once, before any window is built."""
    if getattr(app, "_sva_language", None) is None:
        app._sva_language = i18n.install(app, LANGUAGE.get(settings or app_settings()))
    return app._sva_language


def open_workspace(data_dir=None) -> Workspace | None:
    """The workspace, or None after telling the user why it cannot be opened (a missing,
    damaged or read-only store, a full disk: sva/store/damage.py) — in the UI language, and
    with nothing created or changed in the folder."""
    from sva.errors import StoreLocked
    try:
        ws = Workspace(data_dir)
    except StoreLocked as exc:
        return _unlock_and_open(data_dir, exc)
    except (SvaError, OSError) as exc:
        from PySide6.QtWidgets import QMessageBox   # only here: its enums cost start-up time

        from ui.core_messages import message_of
        QMessageBox.critical(
            None, QCoreApplication.translate("App", "SVA cannot open its data"),
            QCoreApplication.translate("App", "The data folder cannot be opened:\n\n{0}")
            .format(message_of(exc)))
        return None
    said_at_rest(ws)
    return ws


def _unlock_and_open(data_dir, locked) -> Workspace | None:
    """An encrypted folder without its key here: the recovery key (then open it), or how to
    restore a backup. Nothing is created over it."""
    from sva.paths import data_dir as resolve_dir
    from ui.dialogs.recovery_dialogs import UnlockDialog
    dialog = UnlockDialog(str(resolve_dir(data_dir)))
    result = dialog.exec()
    if result == UnlockDialog.RESTORE:
        # File > Restore… for this folder (the workspace is not open: nothing to close),
        # then open whatever is there now (an encrypted backup asks for its own recovery key).
        from ui.dialogs.restore_dialog import RestoreDialog
        from ui.operations.backup import finish_restore
        folder = resolve_dir(data_dir)
        RestoreDialog(folder, lambda staging: finish_restore(staging, folder)).exec()
        return open_workspace(data_dir)
    if result != dialog.DialogCode.Accepted:
        return None
    return open_workspace(data_dir)


def said_at_rest(ws: Workspace, parent: QWidget | None = None) -> None:
    """Once, when `ws` created its folder encrypted: the recovery key to write down. (A
    folder created plain — no usable keyring here — is said in the main window's status bar.)"""
    key = ws.at_rest.take_recovery_key()
    if key:
        from ui.dialogs.recovery_dialogs import RecoveryKeyDialog
        RecoveryKeyDialog(key, str(ws.folder), parent).exec()


class _AfterFirstPaint(QObject):
    """Calls `then` once `window` has painted its first frame (or after `latest` ms anyway,
    e.g. when the window starts minimised and is never exposed)."""

    def __init__(self, window: QWidget, then: Callable[[], None], latest: int = 1000):
        super().__init__(window)
        self._window, self._then = window, then
        window.installEventFilter(self)   # the window paints first, then its children
        QTimer.singleShot(latest, self._fire)

    def eventFilter(self, watched: QObject, event: QEvent) -> bool:  # noqa: N802 (Qt name)
        if event.type() == QEvent.Type.Paint:
            self._window.removeEventFilter(self)
            # The children paint in this same pass; whatever that queued runs first.
            QTimer.singleShot(0, lambda: QTimer.singleShot(0, self._fire))
        return False

    def _fire(self) -> None:
        if self._then is not None:
            then, self._then = self._then, None
            self._window.removeEventFilter(self)
            then()


def main(data_dir=None, argv: list[str] | None = None) -> int:
    from ui import diagnostics
    diagnostics.start_logging(data_dir)    # logs/ in the data folder; crashes to crash.log
    app = application(argv)
    install_language(app)
    from ui.main_window import MainWindow  # after the translator, so class-level texts translate
    window = MainWindow(None)   # the shell: it gets its workspace after its first frame
    failed = []

    def load() -> None:
        # The filter row and the empty table next (built after the first frame, ~20 ms),
        # then the store: opening it and reading the list take a few hundred ms.
        window.audits_view.ensure_built()
        app.processEvents()
        ws = open_workspace(data_dir)
        if ws is None:
            failed.append(True)
            window.hide()
            app.exit(1)
        else:
            diagnostics.log_workspace(ws)
            window.set_workspace(ws)
            window.start_daily_backup()

    _AfterFirstPaint(window, load)
    window.show()
    try:
        code = app.exec()
        return 1 if failed else code
    finally:
        if window.ws is not None:
            window.ws.close()
        diagnostics.log.info("SVA closed")


if __name__ == "__main__":
    sys.exit(main())
