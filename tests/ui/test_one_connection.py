"""A whole app session — editing, a photo import, thumbnails, a report, the sync status, F5 —
opens no second connection to the device database: everything goes through the one the
workspace's store worker opened (sva/store/worker.py)."""
from __future__ import annotations

import io
import sqlite3
import threading

import pytest
from PIL import Image
from PySide6.QtCore import Qt

from tests.conftest import start

pytestmark = pytest.mark.timeout(120)


def test_an_app_session_uses_the_workers_connection_only(qtbot, ws, audit, ui_settings,
                                                          tmp_path, monkeypatch):
    from ui.main_window import MainWindow

    start(ws, audit)
    opened: list[tuple[str, str]] = []
    connect = sqlite3.connect

    def recording(database, *args, **kw):
        opened.append((threading.current_thread().name, str(database)))
        return connect(database, *args, **kw)

    monkeypatch.setattr(sqlite3, "connect", recording)
    window = MainWindow(ws, settings=ui_settings)
    qtbot.addWidget(window)
    window.show()
    editor = window.open_audit(audit)
    qtbot.keyClick(editor.tree, Qt.Key.Key_1)
    editor.save_note(editor.tree.current_item_id(), "checked at the gate")
    paths = []
    for n in range(3):
        path = tmp_path / f"p{n}.png"
        out = io.BytesIO()
        Image.new("RGB", (90, 60), (60 * n, 120, 30)).save(out, "PNG")
        path.write_bytes(out.getvalue())
        paths.append(str(path))
    with qtbot.waitSignal(editor.photo_import.finished, timeout=30000):
        editor.photo_import.add_files(paths, item_id=editor.tree.current_item_id())
    strip = editor.photos_ui.strip
    qtbot.waitUntil(lambda: len(strip.photo_ids()) == 3 and not strip.loading(), timeout=30000)
    with qtbot.waitSignal(editor.reports.built, timeout=60000):
        editor.reports.build("record", "en", tmp_path / "record.pdf")
    window.refresh_action.trigger()
    window.sync_ui.refresh()

    assert len(ws.photos.of_audit(audit)) == 3 and ws.audits.answers(audit)
    device = [o for o in opened if o[1].endswith("sva.db") or "sva.db?" in o[1]]
    assert device == []
