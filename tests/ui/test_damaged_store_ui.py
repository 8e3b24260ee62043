"""The app meets a damaged store at its start (ui/app.py): a dialog saying what is wrong and
what to do, then it stops — nothing created, nothing replaced. And its photo import on a
full disk (a real tmpfs) adds nothing and says so."""
from __future__ import annotations

import shutil

import pytest
from PySide6.QtCore import QTimer
from PySide6.QtWidgets import QApplication

from tests.small_disk import fill, read_only, tmpfs
from tests.test_damaged_store import add_backup, flip_bits, jpeg_file, small_store, snapshot
from tests.ui.ui_demo import demo_master  # noqa: F401 (fixture)

pytestmark = pytest.mark.timeout(120)


def answering_dialogs(seen: list):
    """Close each modal dialog that opens, keeping its title and text."""
    def grab():
        box = QApplication.activeModalWidget()
        if box is None:
            QTimer.singleShot(20, grab)
            return
        seen.append((box.windowTitle(), box.text()))
        box.done(0)
    QTimer.singleShot(0, grab)


def damage(folder, how: str):
    db = folder / "sva.db"
    if how == "deleted":
        db.unlink()
    elif how == "zero bytes":
        db.write_bytes(b"")
    elif how == "bit-flipped":
        flip_bits(db)


EXPECTED = {
    "deleted": "does not start a new, empty database",
    "zero bytes": "is empty (0 bytes)",
    "bit-flipped": "is damaged",
}


@pytest.mark.parametrize("how", sorted(EXPECTED))
def test_the_app_stops_with_a_dialog_on_a_damaged_store(qapp, tmp_path, demo_master, how):
    from ui.app import open_workspace
    folder = tmp_path / "data"
    shutil.copytree(demo_master, folder)
    saved = add_backup(folder)
    damage(folder, how)
    before = snapshot(folder)
    seen: list = []
    answering_dialogs(seen)
    assert open_workspace(folder) is None
    ((title, text),) = seen
    assert title == "SVA cannot open its data"
    assert EXPECTED[how] in text and str(folder / "sva.db") in text and str(saved) in text
    assert snapshot(folder) == before


def test_the_apps_main_exits_1_and_creates_nothing(qapp, tmp_path, demo_master):
    from ui.app import main
    folder = tmp_path / "data"
    shutil.copytree(demo_master, folder)
    (folder / "sva.db").unlink()
    before = snapshot(folder)
    seen: list = []
    answering_dialogs(seen)
    # Never hang; and the guard is stopped once main returns: a QApplication.exit() that fires
    # later, outside exec(), makes every event loop of the session return at once.
    guard = QTimer()
    guard.setSingleShot(True)
    guard.timeout.connect(lambda: QApplication.instance().exit(99))
    guard.start(15000)
    try:
        assert main(folder, argv=[]) == 1
    finally:
        guard.stop()
    assert len(seen) == 1 and "There is no backup" in seen[0][1]
    assert snapshot(folder) == before and not (folder / "sva.db").exists()


def test_the_app_says_a_read_only_folder_and_a_full_disk(qapp, tmp_path, demo_master):
    from ui.app import open_workspace
    with tmpfs(tmp_path / "ro", "16m") as mnt:
        folder = mnt / "data"
        shutil.copytree(demo_master, folder)
        read_only(mnt)
        seen: list = []
        answering_dialogs(seen)
        assert open_workspace(folder) is None
        assert "cannot be written" in seen[0][1] and "read-only" in seen[0][1]
    with tmpfs(tmp_path / "full", "3m") as mnt:
        folder = mnt / "data"
        small_store(folder)
        fill(mnt)
        seen = []
        answering_dialogs(seen)
        assert open_workspace(folder) is None
        assert f"the disk holding {folder} is full" in seen[0][1]


def test_the_apps_photo_import_on_a_full_disk_adds_nothing_and_says_so(qtbot, tmp_path,
                                                                       ui_settings):
    from sva.workspace import Workspace
    from tests.ui.ui_demo import show_editor
    files = [str(jpeg_file(tmp_path / f"IMG_{n}.JPG", size=(800, 600), seed=n))
             for n in range(4)]
    with tmpfs(tmp_path / "mnt", "8m") as mnt:
        folder = mnt / "data"
        audit = small_store(folder)
        ws = Workspace(folder)
        try:
            editor = show_editor(qtbot, ws, audit, ui_settings)
            fill(mnt, leave=700 * 1024)
            importer = editor.photo_import
            with qtbot.waitSignal(importer.finished, timeout=30000) as done:
                importer.add_files(files, item_id=editor.tree.current_item_id())
            assert done.args == [None]
            box = importer.message
            assert box.windowTitle() == "Photos not added" and box.text() == "Nothing was added."
            assert f"the disk holding {folder} is full" in box.informativeText()
            box.close()
            assert ws.photos.of_audit(audit) == []
            assert not (folder / "photos").exists() and not (folder / "derived").exists()
            assert not ws.undo.can_undo()
            editor.close()
        finally:
            ws.close()
