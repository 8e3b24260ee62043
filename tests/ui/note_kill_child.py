"""Child for the note test: the real main window and editor on FOLDER's AUDIT; types NOTE into
the current item's note with key presses, prints "typed <item id>" and runs on until killed."""
import os
import sys

os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")

from PySide6.QtCore import QSettings, Qt, QTimer  # noqa: E402
from PySide6.QtTest import QTest  # noqa: E402
from PySide6.QtWidgets import QApplication  # noqa: E402

from sva.workspace import Workspace  # noqa: E402

folder, audit_id, settings_path, note = sys.argv[1:5]
app = QApplication([])
from ui.main_window import MainWindow  # noqa: E402

window = MainWindow(Workspace(folder), settings=QSettings(settings_path,
                                                          QSettings.Format.IniFormat))
window.show()
editor = window.open_audit(audit_id)


def type_note() -> None:
    QTest.keyClick(editor.tree, Qt.Key.Key_N)
    QTest.keyClicks(editor.panel.note, note)
    sys.stdout.write(f"typed {editor.tree.current_item_id()}\n")
    sys.stdout.flush()


QTimer.singleShot(200, type_note)
app.exec()
