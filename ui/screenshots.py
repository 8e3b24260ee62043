"""Grab the main window's tabs as PNGs (for docs and for looking at layout changes).

    python -m ui.screenshots --data-dir D -o OUTDIR

Works on a virtual screen (`xvfb-run -a -s "-screen 0 1366x768x24"`) and with
QT_QPA_PLATFORM=offscreen. Uses a throw-away settings file, so neither the user's saved
geometry nor these runs affect each other.
"""
from __future__ import annotations

import argparse
import sys
import tempfile
from pathlib import Path

from PySide6.QtCore import QSettings, QSize, QTimer
from PySide6.QtWidgets import QApplication

from ui.app import application, open_workspace
from ui.main_window import MainWindow

SHOTS = (("main-audits.png", MainWindow.AUDITS_TAB),
         ("main-suppliers.png", MainWindow.SUPPLIERS_TAB))


def settle(app: QApplication, ms: int = 200) -> None:
    """Let layout, fonts and painting finish before grabbing."""
    QTimer.singleShot(ms, app.quit)
    app.exec()


def take(window: MainWindow, app: QApplication, out: Path) -> list[Path]:
    saved = []
    for name, tab in SHOTS:
        window.show_tab(tab)
        settle(app)
        path = out / name
        if not window.grab().save(str(path)):
            raise OSError(f"cannot write {path}")
        saved.append(path)
    return saved


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(prog="python -m ui.screenshots", description=__doc__.split("\n")[0])
    parser.add_argument("--data-dir", required=True, help="SVA data folder to show")
    parser.add_argument("-o", "--out", required=True, help="folder for the PNG files")
    parser.add_argument("--size", default="1280x760", help="window size, WIDTHxHEIGHT")
    args = parser.parse_args(argv)
    width, height = (int(v) for v in args.size.lower().split("x"))
    out = Path(args.out)
    out.mkdir(parents=True, exist_ok=True)

    app = application([sys.argv[0]])
    ws = open_workspace(args.data_dir)
    if ws is None:
        return 1
    try:
        with tempfile.TemporaryDirectory() as scratch:
            settings = QSettings(str(Path(scratch) / "screenshots.ini"), QSettings.Format.IniFormat)
            window = MainWindow(ws, settings=settings)
            window.resize(QSize(width, height))
            window.show()
            settle(app, 400)
            for path in take(window, app, out):
                print(path)
            window.hide()
            window.deleteLater()
    finally:
        ws.close()
    return 0


if __name__ == "__main__":
    sys.exit(main())
