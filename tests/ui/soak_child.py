"""A long session in one process: thousands of real key presses in the audit editor, then a
signature drawn point by point. Run by tests/ui/test_soak.py in a subprocess, because the
failure it looks for (a Qt binding that leaks references) aborts the whole interpreter.

    python soak_child.py DATA_DIR KEYS SIGNATURE_POINTS

Prints one JSON line: the keys sent, and `sys.getrefcount(None)`, RSS and open files at
warm-up and at the end.
"""
from __future__ import annotations

import gc
import json
import os
import sys
from pathlib import Path

os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")

from PySide6.QtCore import QPoint, QSettings, Qt  # noqa: E402
from PySide6.QtTest import QTest  # noqa: E402
from PySide6.QtWidgets import QApplication  # noqa: E402

from sva.workspace import Workspace  # noqa: E402

# One cycle as an auditor types it: answer and move on, look back, write a note, leave it,
# record a nonconformity, take it back, jump a section.
CYCLE = ["1", "Up", "Down", "N", *"seen ok", "Escape", "2", "Delete", "Down", "3", "Up",
         "PgDown", "PgUp", "Down"]
KEYS = {"Up": Qt.Key.Key_Up, "Down": Qt.Key.Key_Down, "Escape": Qt.Key.Key_Escape,
        "Delete": Qt.Key.Key_Delete, "PgDown": Qt.Key.Key_PageDown,
        "PgUp": Qt.Key.Key_PageUp, "Return": Qt.Key.Key_Return}


def probe() -> dict:
    gc.collect()
    rss_kb = next(int(line.split()[1]) for line in Path("/proc/self/status").read_text()
                  .splitlines() if line.startswith("VmRSS:"))
    return {"none_refs": sys.getrefcount(None), "rss_mb": round(rss_kb / 1024, 1),
            "open_files": len(os.listdir("/proc/self/fd"))}


def press(app: QApplication, name: str) -> None:
    target = app.focusWidget()
    assert target is not None, "no widget has the keyboard focus"
    if name in KEYS:
        QTest.keyClick(target, KEYS[name])
    else:
        QTest.keyClick(target, name)
    app.processEvents()


def make_audit(folder: Path) -> tuple[Workspace, str]:
    ws = Workspace(folder)
    ws.templates.install_shipped()
    sid = ws.suppliers.add(code="S001", name_en="Soak Parts Co., Ltd.", country="JP",
                           annual_spend=1_000_000)
    site = ws.suppliers.add_site(sid, name="Main plant", country="JP", timezone="Asia/Tokyo")
    audit = ws.audits.create(supplier_id=sid, site_id=site, template_ref=ws.templates.latest("svr"),
                             planned_date="2026-05-12", auditors=["Soak Tester"])
    ws.audits.start(audit)
    return ws, audit


def type_keys(app, editor, total: int, warm: int) -> tuple[int, dict]:
    sent, warm_probe = 0, {}
    while sent < total:
        for name in CYCLE:
            press(app, name)
            sent += 1
            if not warm_probe and sent >= warm:
                warm_probe = probe()
            if app.focusWidget() is editor.panel.value_edit:   # a number or text item
                for key in ("0", "Return"):
                    press(app, key)
                    sent += 1
        assert app.focusWidget() is editor.tree, f"keys went to {app.focusWidget()}"
    return sent, warm_probe


def draw_signature(app, points: int) -> tuple[bytes, dict]:
    from ui.dialogs.sign_dialog import SignDialog
    dialog = SignDialog(auditor={"name": "Soak Tester", "organisation": "Buyer"},
                        supplier={"name": "Rep", "organisation": "Soak Parts"}, summary="Soak")
    dialog.resize(820, 440)
    dialog.show()
    app.processEvents()
    pad = dialog.auditor.pad
    width, height = pad.width() - 20, pad.height() - 20

    def at(n: int) -> QPoint:
        return QPoint(10 + (n * 7) % width, 10 + (n * 13) % height)

    # Through QTest, as the window system delivers them (events built in Python and sent
    # with sendEvent cost PySide a reference to None each, which a user never pays).
    def stroke(first: int, count: int) -> None:
        QTest.mousePress(pad, Qt.MouseButton.LeftButton, Qt.KeyboardModifier.NoModifier,
                         at(first))
        for n in range(first + 1, first + count):
            QTest.mouseMove(pad, at(n))
            if n % 20 == 0:
                pad.repaint()     # every stroke segment drawn again, as the screen does
        QTest.mouseRelease(pad, Qt.MouseButton.LeftButton, Qt.KeyboardModifier.NoModifier,
                           at(first + count))

    stroke(0, 50)          # a first initial: the dialog and its pad are built and painted
    app.processEvents()
    warm = probe()
    stroke(50, points)
    app.processEvents()
    drawn = sum(len(s) for s in pad.strokes)
    png = pad.png_bytes()
    dialog.close()
    assert drawn >= points, f"the pad holds {drawn} points, not {points}"
    return png, warm


def main() -> int:
    folder, total, points = Path(sys.argv[1]), int(sys.argv[2]), int(sys.argv[3])
    app = QApplication([])
    ws, audit = make_audit(folder)
    from ui.main_window import MainWindow
    settings = QSettings(str(folder / "ui.ini"), QSettings.Format.IniFormat)
    window = MainWindow(ws, settings=settings)
    window.resize(1366, 740)
    window.show()
    window.activateWindow()
    app.processEvents()
    editor = window.open_audit(audit)
    editor.tree.setFocus()
    for _ in range(100):
        if app.focusWidget() is editor.tree:
            break
        QTest.qWait(10)
    start = probe()
    sent, warm = type_keys(app, editor, total, warm=min(1000, total // 5))
    keys_end = probe()
    png, signature_warm = draw_signature(app, points)
    end = probe()
    writes = ws.db.execute("SELECT COUNT(*) FROM audit_log WHERE audit_id = ?",
                           [audit]).fetchone()[0]
    print(json.dumps({"keys": sent, "signature_png_bytes": len(png), "stored_edits": writes,
                      "start": start, "warm": warm, "after_keys": keys_end,
                      "signature_warm": signature_warm, "end": end}),
          flush=True)
    window.close()
    ws.close()
    return 0


if __name__ == "__main__":
    sys.exit(main())
