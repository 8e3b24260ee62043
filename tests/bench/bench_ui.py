"""Benchmark the desktop app's responsiveness.

(a) Start-up: from process start to the first painted main window, on a store of 5,000
    suppliers and 2,000 audits, through the real `sva --data-dir D` entry point. Baseline,
    started in the same run the same way: a bare PySide6 QMainWindow with an empty QTableView.
    Each start is a fresh child process; the parent notes the wall clock just before
    spawning it and the child reports the wall clock once its window's first paint is done.
    Rounds alternate (after one warm-up of each); prints both medians and their ratio
    (target <= 1.5). The first-paint detector is an event filter on the window itself, put
    in when the window is shown (see _report_first_paint). The app paints its window before
    it opens the store, so the child also reports when the audits table has painted with its
    rows: printed as a second figure, with no target.
(b) Keystrokes: 200 items answered by keyboard in audit editors opened from the main window
    on that store. Each keystroke is timed on the UI thread from its dispatch through the
    autosave (the service call, its fsync) and the following processEvents() (refresh and
    repaint). Prints p50/p95 (target p95 <= 30 ms), next to the core's record_answer alone.
    Each editor gets 100 ms to lay out and paint after it opens, before its first key.

    python tests/bench/bench_ui.py   (QT_QPA_PLATFORM=offscreen unless set;
                                      optional: SVA_BENCH_ROUNDS, SVA_BENCH_DIR, and
                                      SVA_BENCH_STORE = a store built by big_store.py)
"""
from __future__ import annotations

import json
import os
import shutil
import statistics
import subprocess
import sys
import tempfile
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parents[2]
sys.path.insert(0, str(ROOT))
os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")

ROUNDS = int(os.environ.get("SVA_BENCH_ROUNDS", "7"))
SUPPLIERS, AUDITS, ITEMS = 5000, 2000, 200
T0_VAR = "SVA_BENCH_T0"


def pct(values, p):
    ordered = sorted(values)
    return ordered[min(len(ordered) - 1, int(len(ordered) * p))]


# -- children --------------------------------------------------------------------------------

def _report_first_paint(app, filled_table: str | None = None) -> None:
    """Print the seconds since the parent spawned us once the first QMainWindow shown has
    painted its first frame ("seconds") and, with `filled_table`, once the table of that
    object name has painted with rows ("filled": the audits list, when the window paints
    before its data).

    The detectors are event filters on that window alone, put in when it is shown, and on
    the table's viewport, put in when the table gets its model. An application-wide Python
    filter would see every object's events: the first one it is handed for Qt's gesture
    manager (a class PySide has no wrapper for, created with the first scroll area) makes
    PySide initialise its lazily loaded types, ~175 enum classes and 40-80 ms that no real
    run of the app pays, charged to whichever child built a scroll area under that filter.
    """
    from PySide6.QtCore import QEvent, QObject, QTimer
    from PySide6.QtWidgets import QMainWindow, QTableView

    t0 = float(os.environ[T0_VAR])
    seen: dict[str, float] = {}

    class OnPaint(QObject):
        """Calls `then` after the whole frame in which `widget` first paints with `ready()`."""

        def __init__(self, widget, ready, then):
            super().__init__(widget)
            self.widget, self.ready, self.then = widget, ready, then
            widget.installEventFilter(self)

        def eventFilter(self, obj, event):  # noqa: N802 (Qt name)
            if event.type() == QEvent.Type.Paint and self.ready():
                self.widget.removeEventFilter(self)
                QTimer.singleShot(0, self.then)   # the rest of the frame paints first
            return False

    def first_frame() -> None:
        seen.setdefault("seconds", time.time() - t0)
        if filled_table is None:
            done()

    def done() -> None:
        first_frame_time = seen.setdefault("seconds", time.time() - t0)
        print(json.dumps({"seconds": first_frame_time, "filled": time.time() - t0}), flush=True)
        app.quit()

    show, set_model = QMainWindow.show, QTableView.setModel

    def show_and_watch(window) -> None:
        QMainWindow.show = show
        # The window paints first, its children in the same pass.
        app._first_paint = OnPaint(window, lambda: True, first_frame)
        show(window)

    def set_model_and_watch(table, model) -> None:
        set_model(table, model)
        if table.objectName() == filled_table:
            QTableView.setModel = set_model
            app._filled = OnPaint(table.viewport(),
                                  lambda: table.model().rowCount() > 0, done)

    QMainWindow.show = show_and_watch
    if filled_table is not None:
        QTableView.setModel = set_model_and_watch


def child_bare() -> int:
    from PySide6.QtWidgets import QApplication, QMainWindow, QTableView

    app = QApplication(sys.argv[:1])
    window = QMainWindow()
    window.setCentralWidget(QTableView())
    window.resize(1280, 760)
    _report_first_paint(app)
    window.show()
    return app.exec()


def child_sva(data_dir: str, settings_dir: str) -> int:
    """The real entry point (`sva --data-dir D`), with throw-away QSettings."""
    from PySide6.QtCore import QSettings

    from ui.app import application
    from ui.launcher import main

    QSettings.setDefaultFormat(QSettings.Format.IniFormat)
    QSettings.setPath(QSettings.Format.IniFormat, QSettings.Scope.UserScope, settings_dir)
    app = application(sys.argv[:1])
    _report_first_paint(app, filled_table="auditsTable")
    return main(["--data-dir", data_dir])


def child_keys(data_dir: str, settings_dir: str) -> int:
    from PySide6.QtCore import QSettings, Qt
    from PySide6.QtTest import QTest

    from sva.workspace import Workspace
    from ui.app import application
    from ui.main_window import MainWindow

    app = application(sys.argv[:1])
    settings = QSettings(str(Path(settings_dir) / "keys.ini"), QSettings.Format.IniFormat)
    ws = Workspace(data_dir)
    window = MainWindow(ws, settings=settings)
    window.resize(1366, 740)
    window.show()
    window.activateWindow()
    for _ in range(50):
        app.processEvents()
        if window.isActiveWindow():
            break
        time.sleep(0.01)
    planned = [a["id"] for a in ws.queries.audits(status="planned", kind="svr")]

    times: list[float] = []
    answered = 0

    def key(widget, k) -> None:
        start = time.perf_counter()
        QTest.keyClick(widget, k)
        app.processEvents()
        times.append(time.perf_counter() - start)

    for audit_id in planned:
        ws.audits.start(audit_id)      # keys answer only a started visit
        editor = window.open_audit(audit_id)
        # Let the new tab lay out and paint before the first key, as it has on screen by the
        # time anyone types: one processEvents() left that first layout and paint of the
        # whole editor to be charged to the first keystroke.
        QTest.qWait(100)
        here = 0
        for item in editor.template.items.values():
            if answered == ITEMS:
                break
            if editor.tree.current_item_id() != item.id:
                raise SystemExit(f"editor on {editor.tree.current_item_id()}, expected {item.id}")
            if item.answer in ("number", "text"):
                key(editor.tree, Qt.Key.Key_3)                 # focuses the value field
                key(editor.panel.value_edit, Qt.Key.Key_Return)
            else:
                key(editor.tree, Qt.Key.Key_1 if answered % 5 else Qt.Key.Key_4)
            answered += 1
            here += 1
        stored = sum(1 for r in ws.audits.answers(audit_id).values() if r["result"])
        if stored != here:
            raise SystemExit(f"audit {audit_id}: {stored} answers stored, {here} keyed in")
        if answered == ITEMS:
            break

    # the core alone, same process, same store: record_answer on another (started) audit
    other = planned[-1]
    if ws.audits.audit(other)["status"] == "planned":
        ws.audits.start(other)
    items = [i.id for i in ws.audits.template_of(ws.audits.audit(other)).items.values()
             if i.answer == "conformity"]
    core = []
    for n in range(ITEMS):
        start = time.perf_counter()
        ws.audits.record_answer(other, items[n % len(items)], ("conforms", "observation")[n % 2])
        core.append(time.perf_counter() - start)
    print(json.dumps({"keys": times, "items": answered, "core": core}), flush=True)
    ws.close()
    os._exit(0)   # skip interpreter teardown: PySide6 can abort while collecting the widgets


# -- parent ------------------------------------------------------------------------------

def spawn(*args: str, pycache: Path) -> dict:
    """One child; it may cache bytecode (in `pycache`, not the checkout) like an installed app,
    even when this shell says PYTHONDONTWRITEBYTECODE."""
    env = {k: v for k, v in os.environ.items() if k != "PYTHONDONTWRITEBYTECODE"}
    env.update({"PYTHONPYCACHEPREFIX": str(pycache), T0_VAR: repr(time.time())})
    done = subprocess.run([sys.executable, __file__, *args], env=env, capture_output=True,
                          text=True, timeout=300)
    lines = [line for line in done.stdout.splitlines() if line.startswith("{")]
    if done.returncode != 0 or not lines:
        raise SystemExit(f"child {args} failed ({done.returncode}):\n{done.stdout}\n{done.stderr}")
    return json.loads(lines[-1])


def main() -> int:
    from big_store import build_big_store

    ms = lambda s: f"{s * 1000:.1f} ms"  # noqa: E731
    with tempfile.TemporaryDirectory(dir=os.environ.get("SVA_BENCH_DIR")) as tmp:
        tmp = Path(tmp)
        data, settings = tmp / "data", tmp / "settings"
        settings.mkdir()
        started = time.perf_counter()
        if os.environ.get("SVA_BENCH_STORE"):                 # a store built before, reused
            shutil.copytree(os.environ["SVA_BENCH_STORE"], data)
        else:
            build_big_store(data, suppliers=SUPPLIERS, audits=AUDITS)
        print(f"store: {SUPPLIERS} suppliers, {AUDITS} audits "
              f"(ready in {time.perf_counter() - started:.1f} s, not measured)")

        cache = tmp / "pycache"
        spawn("--child", "bare", pycache=cache)          # warm-ups: bytecode, file cache, fonts
        spawn("--child", "sva", str(data), str(settings), pycache=cache)
        bare, app, filled = [], [], []
        for _ in range(ROUNDS):
            bare.append(spawn("--child", "bare", pycache=cache)["seconds"])
            times = spawn("--child", "sva", str(data), str(settings), pycache=cache)
            app.append(times["seconds"])
            filled.append(times["filled"])
        b, a, f = statistics.median(bare), statistics.median(app), statistics.median(filled)
        print(f"(a) start-up to first painted main window, median of {ROUNDS} fresh processes")
        print(f"  sva main window : {ms(a)}  (min {ms(min(app))}, max {ms(max(app))})")
        print(f"  bare QMainWindow + empty QTableView: {ms(b)}  "
              f"(min {ms(min(bare))}, max {ms(max(bare))})")
        print(f"  ratio sva/bare: {a / b:.2f}  (target <= 1.5){'' if a / b <= 1.5 else '  MISSED'}")
        print(f"  sva audits list filled and painted: {ms(f)}  (min {ms(min(filled))}, "
              f"max {ms(max(filled))}; ratio to bare {f / b:.2f}, no target)")

        result = spawn("--child", "keys", str(data), str(settings), pycache=cache)
        keys, core = result["keys"], result["core"]
        print(f"(b) {result['items']} items answered by keyboard in the editor: "
              f"{len(keys)} keystrokes, UI-thread time per keystroke incl. autosave + repaint")
        print(f"  p50 {ms(statistics.median(keys))}  p95 {ms(pct(keys, .95))}  "
              f"max {ms(max(keys))}  (target p95 <= 30 ms)"
              f"{'' if pct(keys, .95) <= 0.030 else '  MISSED'}")
        print(f"  core record_answer alone, same store: p50 {ms(statistics.median(core))}  "
              f"p95 {ms(pct(core, .95))}")
    return 0


if __name__ == "__main__":
    if len(sys.argv) > 2 and sys.argv[1] == "--child":
        mode, rest = sys.argv[2], sys.argv[3:]
        sys.exit({"bare": child_bare, "sva": child_sva, "keys": child_keys}[mode](*rest))
    sys.path.insert(0, str(Path(__file__).resolve().parent))
    sys.exit(main())
