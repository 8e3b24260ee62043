"""The real app (`ui.app.main`) in its own process, driven by keys once its list has filled.

    python app_child.py DATA_DIR STEP...

Each step runs after the previous one: `report` prints one JSON line (the focused widget,
the audit tabs open in order, the audit tab shown, the audits list's current row); `key:KEYS`
presses keys (a QKeySequence text such as `Return` or `Ctrl+W`) in the focused widget;
`open:ID` picks the audit's row in the list and presses Enter; `close` closes the window as
Ctrl+Q does. Settings go where QSettings puts them: the caller points XDG_CONFIG_HOME and
HOME at a temporary folder. `run_app` is the tests' way to call it.
"""
from __future__ import annotations

import json
import os
import subprocess
import sys
from pathlib import Path

CHILD = Path(__file__)


def run_app(tmp_path: Path, data_dir: Path, *steps: str) -> list[dict]:
    """Run the app in a new process with its settings under `tmp_path`; its reports."""
    env = {**os.environ, "PYTHONPATH": str(CHILD.parents[2]), "QT_QPA_PLATFORM": "offscreen",
           "XDG_CONFIG_HOME": str(tmp_path / "config"), "HOME": str(tmp_path / "home")}
    run = subprocess.run([sys.executable, str(CHILD), str(data_dir), *steps],
                         capture_output=True, text=True, env=env, timeout=120)
    assert run.returncode == 0, f"the app failed (exit {run.returncode}):\n{run.stderr[-3000:]}"
    return [json.loads(line) for line in run.stdout.splitlines() if line.startswith("{")]


def _child(data_dir: str, steps: list[str]) -> int:
    os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")
    from PySide6.QtCore import QTimer
    from PySide6.QtGui import QKeySequence
    from PySide6.QtTest import QTest
    from PySide6.QtWidgets import QApplication

    from ui import app

    qapp = app.application(["sva"])

    def window():
        return next((w for w in QApplication.topLevelWidgets()
                     if w.objectName() == "mainWindow"), None)

    def report(win) -> None:
        focus = QApplication.focusWidget()
        shown = win.tabs.currentWidget()
        row = win.audits_view.current_row()
        print(json.dumps({
            "focus": focus.objectName() if focus else None,
            "focus_class": type(focus).__name__ if focus else None,
            "focus_in_editor": bool(focus) and any(e.isAncestorOf(focus) for e in win.editors()),
            "tabs": [e.audit_id for e in win.editors()],
            "shown": getattr(shown, "audit_id", ""),
            "current_row": row["id"] if row else None,
            "first_row": win.audits_view.model.rows()[0]["id"]
            if win.audits_view.model.rowCount() else None}), flush=True)

    def press(keys: str) -> None:
        combo = QKeySequence(keys)[0]
        QTest.keyClick(QApplication.focusWidget(), combo.key(), combo.keyboardModifiers())

    def open_row(win, audit_id: str) -> None:
        view = win.audits_view
        win.show_tab(win.AUDITS_TAB)
        view.table.setFocus()
        number = next(n for n in range(view.proxy.rowCount())
                      if view.model.row(view.proxy.mapToSource(view.proxy.index(n, 0)).row())
                      ["id"] == audit_id)
        view.table.setCurrentIndex(view.proxy.index(number, 0))
        press("Return")

    def run() -> None:
        try:
            steps_in(window())
        except BaseException:   # a failing step must end the process, not leave it open
            import traceback
            traceback.print_exc()
            sys.stderr.flush()
            os._exit(3)

    def steps_in(win) -> None:
        for step in steps:
            name, _, arg = step.partition(":")
            if name == "report":
                report(win)
            elif name == "key":
                press(arg)
            elif name == "open":
                open_row(win, arg)
            elif name == "close":
                win.close()
                return
            else:
                raise SystemExit(f"unknown step {step!r}")
            qapp.processEvents()

    def ready() -> None:
        # The list has filled once the workspace is set (the app opens it after the first
        # frame); then whatever that queued runs before the first step.
        win = window()
        if win is not None and win.ws is not None and win.isActiveWindow():
            poll.stop()
            QTimer.singleShot(0, lambda: QTimer.singleShot(0, run))

    poll = QTimer()
    poll.timeout.connect(ready)
    poll.start(20)
    code = app.main(data_dir=data_dir, argv=["sva"])
    sys.stdout.flush()
    sys.stderr.flush()
    os._exit(code)   # as the `sva` launcher does: no interpreter finalisation


if __name__ == "__main__":
    sys.exit(_child(sys.argv[1], sys.argv[2:]))
