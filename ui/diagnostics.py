"""The app's side of logging: start the log files with the app, Qt's own messages into them,
the Qt versions for About, and Help → "Open log folder"."""
from __future__ import annotations

import logging
import platform
from pathlib import Path

import PySide6
from PySide6.QtCore import QtMsgType, QUrl, qInstallMessageHandler, qVersion
from PySide6.QtGui import QDesktopServices

from sva import __version__, logs
from sva.paths import data_dir

log = logging.getLogger("sva.app")
_QT_LEVELS = {QtMsgType.QtDebugMsg: logging.DEBUG, QtMsgType.QtInfoMsg: logging.INFO,
              QtMsgType.QtWarningMsg: logging.WARNING, QtMsgType.QtCriticalMsg: logging.ERROR,
              QtMsgType.QtFatalMsg: logging.CRITICAL}


def qt_versions() -> str:
    return f"Qt {qVersion()}, PySide6 {PySide6.__version__}"


def _qt_message(kind: QtMsgType, context, message: str) -> None:
    logging.getLogger(f"qt.{context.category or 'default'}").log(
        _QT_LEVELS.get(kind, logging.WARNING), message)


def start_logging(folder=None) -> Path | None:
    """Log files in the data folder's logs/ from now on, Qt's messages included; None (and
    a line on stderr) when the folder cannot be written — the app still starts."""
    try:
        logs_folder = logs.start(data_dir(folder))
    except OSError as exc:
        print(f"sva: no log files ({exc})")
        return None
    qInstallMessageHandler(_qt_message)
    log.info("SVA %s starting: Python %s, %s, %s", __version__, platform.python_version(),
             qt_versions(), platform.platform(terse=True))
    return logs_folder


def log_workspace(ws) -> None:
    from sva.diagnostics import facts
    found = facts(ws, keyring=False)
    log.info("data folder opened: schema %s, device %s, encrypted %s", found.schema_version,
             ws.device, "yes" if found.encrypted else "no")


def open_log_folder(folder) -> tuple[bool, Path]:
    """Show the data folder's logs/ in the file manager; (opened, the folder)."""
    target = logs.logs_dir(folder)
    target.mkdir(parents=True, exist_ok=True)
    return QDesktopServices.openUrl(QUrl.fromLocalFile(str(target))), target
