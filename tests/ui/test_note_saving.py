"""The note being typed reaches the database within 300 ms of the last keystroke, and at once
when the note field loses focus (Tab, a click elsewhere, another item, closing the tab or the
window). Every check reads through a second Workspace: a separate SQLite connection."""
from __future__ import annotations

import os
import signal
import subprocess
import sys
import time
from pathlib import Path

import pytest

from tests.conftest import start
from PySide6.QtCore import Qt

from sva.workspace import Workspace

K = Qt.Key
CHILD = Path(__file__).with_name("note_kill_child.py")
NOTE = "Fire exit blocked by pallets"


def stored_note(folder, audit_id, item_id) -> str | None:
    with Workspace(folder) as other:
        row = other.audits.answers(audit_id).get(item_id)
        return row["note"] if row else None


@pytest.fixture
def window(qtbot, ws, audit, ui_settings):
    from ui.main_window import MainWindow

    start(ws, audit)
    win = MainWindow(ws, settings=ui_settings)
    qtbot.addWidget(win)
    win.show()
    qtbot.waitExposed(win)
    win.activateWindow()
    qtbot.waitUntil(win.isActiveWindow)
    return win


@pytest.fixture
def typed(qtbot, window, ws, audit):
    """The editor with NOTE typed into its first item's note (nothing saved yet)."""
    editor = window.open_audit(audit)
    editor.tree.setFocus()
    item = editor.tree.current_item_id()
    qtbot.keyClick(editor.tree, K.Key_N)
    qtbot.keyClicks(editor.panel.note, NOTE)
    assert stored_note(ws.folder, audit, item) is None   # the pause has not passed yet
    return editor, item


def test_a_pause_of_300_ms_saves_the_note(qtbot, typed, ws, audit):
    editor, item = typed
    qtbot.wait(300)
    assert stored_note(ws.folder, audit, item) == NOTE


def test_tab_out_of_the_note_saves_it_at_once(qtbot, typed, ws, audit):
    editor, item = typed
    qtbot.keyClick(editor.panel.note, K.Key_Tab)
    assert not editor.panel.note.hasFocus()
    assert stored_note(ws.folder, audit, item) == NOTE


def test_clicking_elsewhere_saves_the_note_at_once(qtbot, typed, ws, audit):
    editor, item = typed
    qtbot.mouseClick(editor.findings.table.viewport(), Qt.MouseButton.LeftButton)
    assert editor.findings.table.hasFocus()
    assert stored_note(ws.folder, audit, item) == NOTE


def test_clicking_another_item_saves_the_note_at_once(qtbot, typed, ws, audit):
    editor, item = typed
    tree = editor.tree
    other = tree.indexBelow(tree.currentIndex())
    qtbot.mouseClick(tree.viewport(), Qt.MouseButton.LeftButton,
                     pos=tree.visualRect(other).center())
    assert tree.current_item_id() != item
    assert stored_note(ws.folder, audit, item) == NOTE
    assert editor.panel.note.toPlainText() == ""                   # the other item's note


def test_closing_the_tab_saves_the_note_at_once(qtbot, typed, window, ws, audit):
    editor, item = typed
    qtbot.keyClick(editor.panel.note, K.Key_W, Qt.KeyboardModifier.ControlModifier)
    assert window.editors() == []
    assert stored_note(ws.folder, audit, item) == NOTE


def test_closing_the_window_saves_the_note_at_once(qtbot, typed, window, ws, audit):
    editor, item = typed
    window.close()
    assert stored_note(ws.folder, audit, item) == NOTE


@pytest.mark.timeout(120)
def test_a_kill_400_ms_after_the_last_key_keeps_the_note(ws, audit, tmp_path):
    """The real editor in a child process; SIGKILL 400 ms after its last keystroke."""
    start(ws, audit)
    folder = str(ws.folder)
    ws.close()
    env = {**os.environ, "PYTHONPATH": str(CHILD.parents[2]), "QT_QPA_PLATFORM": "offscreen"}
    child = subprocess.Popen([sys.executable, str(CHILD), folder, audit,
                              str(tmp_path / "child-ui.ini"), NOTE],
                             stdout=subprocess.PIPE, env=env)
    try:
        line = child.stdout.readline().decode()
        typed_at = time.monotonic()
        assert line.startswith("typed "), "the child died before typing"
        time.sleep(max(0.0, 0.4 - (time.monotonic() - typed_at)))
        child.send_signal(signal.SIGKILL)
        child.wait(timeout=30)
    finally:
        if child.poll() is None:
            child.kill()
    assert child.returncode == -signal.SIGKILL
    assert stored_note(folder, audit, line.split()[1]) == NOTE
