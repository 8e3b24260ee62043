"""Grab the main window's tabs, the audit editor and the finding dialog as PNGs (for docs
and for looking at layout changes).

    python -m ui.screenshots --data-dir D -o OUTDIR [--lang en|ja] [--size 1366x768]

Works on a virtual screen (`xvfb-run -a -s "-screen 0 1366x768x24"`) and with
QT_QPA_PLATFORM=offscreen. Uses a throw-away settings file, so neither the user's saved
geometry nor these runs affect each other. The editor shots use a copy of the data folder,
so the shown data is never changed. Japanese needs the compiled translation: it is built
into a scratch folder from the .ts first.
"""
from __future__ import annotations

import argparse
import shutil
import sys
import tempfile
from pathlib import Path

from PySide6.QtCore import QEventLoop, QSettings, QSize, QTimer
from PySide6.QtWidgets import QApplication, QWidget

from ui import i18n
from ui.app import application, open_workspace
from ui.settings import CHECKLIST_LANGUAGE

AUDITS_TAB, SUPPLIERS_TAB = 0, 1   # as MainWindow numbers them
SHOTS = (("main-audits.png", AUDITS_TAB), ("main-suppliers.png", SUPPLIERS_TAB))


def settle(app: QApplication, ms: int = 200) -> None:
    """Let layout, fonts and painting finish before grabbing (a local loop: quitting the
    application's own loop would close every window, open dialogs included)."""
    loop = QEventLoop()
    QTimer.singleShot(ms, loop.quit)
    loop.exec()


def save(widget: QWidget, path: Path) -> Path:
    if not widget.grab().save(str(path)):
        raise OSError(f"cannot write {path}")
    return path


def take(window, app: QApplication, out: Path, suffix: str = "") -> list[Path]:
    saved = []
    for name, tab in SHOTS:
        window.show_tab(tab)
        settle(app)
        saved.append(save(window, out / name.replace(".png", f"{suffix}.png")))
    return saved


def take_editor(window, app: QApplication, out: Path, suffix: str = "") -> list[Path]:
    """The editor on an in-progress audit (on a nonconformity if any) and a new finding."""
    audits = window.ws.queries.audits()
    row = next((a for a in audits if a["status"] == "in_progress" and a["kind"] == "svr"),
               next((a for a in audits if a["status"] == "in_progress"), audits[0] if audits else None))
    if row is None:
        return []
    editor = window.open_audit(row["id"])
    answers = window.ws.audits.answers(row["id"])
    bad = next((i for i, a in answers.items() if a["result"] == "nonconformity"), None)
    if bad:
        editor.select_item(bad)
    settle(app, 300)
    saved = [save(window, out / f"editor{suffix}.png")]
    editor.new_finding()
    dialog = editor.finding_dialog
    settle(app, 300)
    saved.append(save(dialog, out / f"finding{suffix}.png"))
    dialog.reject()
    return saved


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(prog="python -m ui.screenshots",
                                     description=__doc__.split("\n")[0])
    parser.add_argument("--data-dir", required=True, help="SVA data folder to show")
    parser.add_argument("-o", "--out", required=True, help="folder for the PNG files")
    parser.add_argument("--size", default="1366x768", help="window size, WIDTHxHEIGHT")
    parser.add_argument("--lang", default="en", choices=i18n.SUPPORTED, help="UI language")
    args = parser.parse_args(argv)
    width, height = (int(v) for v in args.size.lower().split("x"))
    out = Path(args.out)
    out.mkdir(parents=True, exist_ok=True)
    suffix = "" if args.lang == "en" else f"-{args.lang}"

    app = application([sys.argv[0]])
    with tempfile.TemporaryDirectory() as scratch:
        scratch = Path(scratch)
        if args.lang != "en":
            from ui.i18n_build import build
            build(out=scratch / "qm")
            i18n.install(app, args.lang, scratch / "qm")
        from ui.main_window import MainWindow
        copy = scratch / "data"
        shutil.copytree(args.data_dir, copy, ignore=shutil.ignore_patterns("backups"))
        ws = open_workspace(copy)
        if ws is None:
            return 1
        try:
            settings = QSettings(str(scratch / "screenshots.ini"), QSettings.Format.IniFormat)
            CHECKLIST_LANGUAGE.set(settings, "both")
            window = MainWindow(ws, settings=settings)
            window.resize(QSize(width, height))
            window.show()
            settle(app, 400)
            for path in take(window, app, out, suffix) + take_editor(window, app, out, suffix):
                print(path)
            window.hide()
            window.deleteLater()
            settle(app, 50)
        finally:
            ws.close()
    return 0


if __name__ == "__main__":
    sys.exit(main())
