"""Photos in the app: drop, paste, the strip's worker thumbnails, the annotation editor,
the viewer, and a 40-photo import with progress and cancel."""
from __future__ import annotations

import io
import random
from pathlib import Path

import pytest
from PIL import Image
from PySide6.QtCore import QMimeData, QPoint, QPointF, Qt, QUrl
from PySide6.QtGui import QDragEnterEvent, QDropEvent, QImage
from PySide6.QtWidgets import QApplication

from tests.ui.ui_demo import audit_with, demo, demo_master, editor_on  # noqa: F401

pytestmark = pytest.mark.timeout(120)


def jpeg(path, colour=(200, 40, 40), size=(160, 120), noise=False):
    img = Image.new("RGB", size, colour)
    if noise:
        rnd = random.Random(str(path))
        img.putdata([(rnd.randrange(256), rnd.randrange(256), rnd.randrange(256))
                     for _ in range(size[0] * size[1])])
    img.save(path, "JPEG", quality=90)
    return path


def store_files(ws) -> set:
    return {p for sub in ("photos", "derived") if (ws.folder / sub).exists()
            for p in (ws.folder / sub).rglob("*") if p.is_file()}


def drop(strip, mime):
    pos = strip.rect().center()
    # QDragEnterEvent takes a QPoint in PySide6 6.11, QDropEvent a QPointF.
    enter = QDragEnterEvent(pos, Qt.DropAction.CopyAction, mime, Qt.MouseButton.LeftButton,
                            Qt.KeyboardModifier.NoModifier)
    QApplication.sendEvent(strip, enter)
    event = QDropEvent(QPointF(pos), Qt.DropAction.CopyAction, mime, Qt.MouseButton.LeftButton,
                       Qt.KeyboardModifier.NoModifier)
    QApplication.sendEvent(strip, event)
    return enter.isAccepted(), event.isAccepted()


@pytest.fixture
def editor(editor_on, demo):
    return editor_on(audit_with(demo, "in_progress"))


def test_dropping_image_files_on_the_strip_adds_them_to_the_current_item(qtbot, editor, demo,
                                                                         tmp_path):
    strip = editor.photos_ui.strip
    item_id = editor.tree.current_item_id()
    files = [jpeg(tmp_path / f"drop{n}.jpg", (40 * n, 90, 200)) for n in range(3)]
    (tmp_path / "notes.txt").write_text("not a photo")
    mime = QMimeData()
    mime.setUrls([QUrl.fromLocalFile(str(f)) for f in files + [tmp_path / "notes.txt"]])
    with qtbot.waitSignal(editor.photo_import.finished, timeout=20000) as done:
        entered, dropped = drop(strip, mime)
    assert entered and dropped
    assert len(done.args[0].added) == 3
    rows = [r for r in demo.photos.of_audit(editor.audit_id) if r["item_id"] == item_id]
    assert sorted(r["filename"].rsplit("/", 1)[-1] for r in rows) == [f.name for f in files]
    qtbot.waitUntil(lambda: strip.model.rowCount() == 3 and not strip.model.missing(),
                    timeout=20000)
    assert strip.title.text() == "Photos (3)"
    editor.undo()                                  # one step takes all three out
    assert [r for r in demo.photos.of_audit(editor.audit_id) if r["item_id"] == item_id] == []
    assert strip.model.rowCount() == 0


def test_a_drop_without_images_is_refused(editor, tmp_path):
    (tmp_path / "notes.txt").write_text("text")
    mime = QMimeData()
    mime.setUrls([QUrl.fromLocalFile(str(tmp_path / "notes.txt"))])
    assert drop(editor.photos_ui.strip, mime) == (False, False)
    assert editor.photo_import.task is None


def test_pasting_an_image_adds_it(qtbot, editor, demo):
    image = QImage(120, 80, QImage.Format.Format_RGB32)
    image.fill(Qt.GlobalColor.darkGreen)
    mime = QMimeData()
    mime.setImageData(image)
    with qtbot.waitSignal(editor.photo_import.finished, timeout=20000) as done:
        assert editor.photos_ui.strip.take_mime(mime)
    (name, photo_id), = done.args[0].added
    row = demo.photos.photo(photo_id)
    assert (row["width"], row["height"], row["item_id"]) == (120, 80,
                                                             editor.tree.current_item_id())


def test_importing_40_photos_runs_in_a_worker_with_progress(qtbot, editor, demo, tmp_path):
    files = [jpeg(tmp_path / f"bulk{n:02}.jpg", size=(320, 240), noise=True) for n in range(40)]
    importer = editor.photo_import
    seen = []
    importer.task_started.connect(lambda task: task.signals.progressed.connect(
        lambda done, total: seen.append((done, total))))
    task = importer.add_files([str(f) for f in files], item_id=editor.tree.current_item_id())
    assert task is not None and not task.finished.is_set()     # the call did not wait
    assert importer.progress is not None and importer.progress.maximum() == 40
    with qtbot.waitSignal(importer.finished, timeout=60000) as done:
        pass
    assert len(done.args[0].added) == 40
    assert seen[0] == (0, 40) and seen[-1] == (40, 40)
    assert len(demo.photos.of_audit(editor.audit_id)) == 40
    assert importer.progress is None


def test_a_cancelled_import_of_40_photos_leaves_no_rows_or_files(qtbot, editor, demo, tmp_path):
    files = [jpeg(tmp_path / f"bulk{n:02}.jpg", size=(320, 240), noise=True) for n in range(40)]
    importer = editor.photo_import
    before_rows = demo.photos.of_audit(editor.audit_id)
    before_files = store_files(demo)

    def cancel_after_ten(task):       # in the worker: deterministic, the way a user would
        task.signals.progressed.connect(lambda done, _t: done >= 10 and task.cancel(),
                                        Qt.ConnectionType.DirectConnection)
    importer.task_started.connect(cancel_after_ten)
    with qtbot.waitSignal(importer.finished, timeout=60000) as done:
        importer.add_files([str(f) for f in files], item_id=editor.tree.current_item_id())
    assert done.args == [None]
    assert demo.photos.of_audit(editor.audit_id) == before_rows
    assert store_files(demo) == before_files
    assert len(editor.ws.undo) == 0


def test_cancel_from_the_progress_dialog_stops_the_import(qtbot, editor, demo, tmp_path):
    files = [jpeg(tmp_path / f"c{n:02}.jpg", size=(320, 240), noise=True) for n in range(40)]
    importer = editor.photo_import
    importer.add_files([str(f) for f in files], item_id=editor.tree.current_item_id())
    with qtbot.waitSignal(importer.finished, timeout=60000) as done:
        importer.progress.cancel()           # the dialog's Cancel button
    added = done.args[0]
    # A cancel that came after the last file is too late to stop it: then all 40 are in.
    assert len(demo.photos.of_audit(editor.audit_id)) == (0 if added is None else 40)


def test_a_photo_with_damaged_exif_is_added_and_the_warning_shown(qtbot, editor, demo,
                                                                  tmp_path):
    sample = Path(__file__).resolve().parents[1] / "photos" / "samples" / "pillow-invalid-exif.jpg"
    target = tmp_path / "IMG_2041.JPG"
    target.write_bytes(sample.read_bytes())
    importer = editor.photo_import
    with qtbot.waitSignal(importer.finished, timeout=20000) as done:
        importer.add_files([str(target)], item_id=editor.tree.current_item_id())
    result = done.args[0]
    assert len(result.added) == 1 and result.refused == []
    box = importer.message
    assert box is not None and box.isVisible()
    assert box.windowTitle() == "Photos added with a warning"
    assert box.text() == "1 added; 1 with a warning:"
    assert str(target) in box.informativeText() and "EXIF" in box.informativeText()
    box.close()


def _photo_on_item(demo, editor) -> str:
    """A 400×300 photo: white with a red block in the middle."""
    img = Image.new("RGB", (400, 300), (255, 255, 255))
    img.paste((220, 0, 0), (100, 75, 300, 225))
    out = io.BytesIO()
    img.save(out, "PNG")
    photo_id = demo.photos.add_bytes(editor.audit_id, out.getvalue(), filename="block.png",
                                     item_id=editor.tree.current_item_id())
    editor.photos_ui.strip.reload()
    return photo_id


def _drag(qtbot, view, start, end):
    viewport = view.viewport()
    a, b = view.mapFromScene(QPointF(*start)), view.mapFromScene(QPointF(*end))
    qtbot.mousePress(viewport, Qt.MouseButton.LeftButton, pos=a)
    qtbot.mouseMove(viewport, pos=QPoint((a.x() + b.x()) // 2, (a.y() + b.y()) // 2))
    qtbot.mouseMove(viewport, pos=b)
    qtbot.mouseRelease(viewport, Qt.MouseButton.LeftButton, pos=b)


def test_the_annotation_editor_draws_a_redaction_that_removes_the_pixels(qtbot, editor, demo):
    photo_id = _photo_on_item(demo, editor)
    annotator = editor.photos_ui.annotate(photo_id)
    qtbot.waitUntil(annotator.ready, timeout=20000)
    annotator.tool_actions["redact"].trigger()
    _drag(qtbot, annotator.view, (110, 85), (290, 215))
    assert [i.data(0)["kind"] for i in annotator.marks()] == ["redact"]
    annotator.tool_actions["rect"].trigger()
    _drag(qtbot, annotator.view, (20, 20), (80, 60))
    assert len(annotator.marks()) == 2
    annotator.undo_stack.undo()                                 # the rectangle goes
    assert len(annotator.marks()) == 1
    annotator.undo_stack.redo()
    annotator.tool_actions["select"].trigger()
    rect = next(i for i in annotator.marks() if i.data(0)["kind"] == "rect")
    rect.setSelected(True)
    annotator.delete_action.trigger()
    assert [i.data(0)["kind"] for i in annotator.marks()] == ["redact"]
    annotator.save_button.click()

    marks = demo.photos.annotations(photo_id)
    assert [m["kind"] for m in marks] == ["redact"]
    x0, y0, x1, y1 = marks[0]["box"]
    assert abs(x0 - 110 / 400) < 0.02 and abs(y1 - 215 / 300) < 0.02
    redacted = demo.photos.render_image(photo_id, redacted=True).convert("RGB")
    internal = demo.photos.render_image(photo_id, redacted=False).convert("RGB")
    for point in ((200, 150), (130, 100), (270, 200)):
        assert max(redacted.getpixel(point)) < 30                 # painted over: black
        assert internal.getpixel(point)[0] > 180                  # the red is still there
    assert min(redacted.getpixel((50, 250))) > 225                # outside: untouched
    # A worker has made the report's print renderings of the annotated photo meanwhile.
    from sva.reports.blocks import photo_box
    from sva.reports.images import PRINT_DPI, _cache_key, print_size
    from sva.reports.page import PAGE_SIZES, frame_width
    row = demo.photos.photo(photo_id)
    expected = [demo.folder / "cache" / "print" / (_cache_key(
        row, print_size(*photo_box(frame_width(size))), PRINT_DPI) + ".jpg")
        for size in PAGE_SIZES.values()]
    qtbot.waitUntil(lambda: all(p.exists() for p in expected), timeout=20000)
    editor.undo()                                      # back to no marks
    assert demo.photos.annotations(photo_id) == []


def test_marks_can_be_moved_and_the_move_undone(qtbot, editor, demo):
    photo_id = _photo_on_item(demo, editor)
    demo.photos.set_annotations(photo_id, [{"kind": "rect", "box": [0.1, 0.1, 0.3, 0.3]}])
    annotator = editor.photos_ui.annotate(photo_id)
    qtbot.waitUntil(annotator.ready, timeout=20000)
    item, = annotator.marks()
    _drag(qtbot, annotator.view, (80, 50), (180, 110))           # grab it by its edge
    assert item.pos().x() > 100
    annotator.undo_stack.undo()
    assert abs(item.pos().x() - 40) < 1
    annotator.undo_stack.redo()
    annotator.save()
    (x0, y0, x1, y1), = [m["box"] for m in demo.photos.annotations(photo_id)]
    assert x0 > 0.3 and abs((x1 - x0) - 0.2) < 0.01


def test_the_viewer_shows_the_redacted_photo_and_zooms(qtbot, editor, demo):
    photo_id = _photo_on_item(demo, editor)
    demo.photos.set_annotations(photo_id, [{"kind": "redact", "box": [0.25, 0.25, 0.75, 0.75]}])
    strip = editor.photos_ui.strip
    viewer = editor.photos_ui.view(strip.photo_ids(), 0)
    qtbot.waitUntil(viewer.loaded, timeout=20000)
    qtbot.waitUntil(lambda: not viewer.pixmap_item.pixmap().isNull())
    image = viewer.pixmap_item.pixmap().toImage()
    assert image.pixelColor(200, 150).red() < 30                 # as the supplier sees it
    fitted = viewer.view.zoom()
    viewer.actions_by_name["zoomIn"].trigger()
    assert viewer.view.zoom() == pytest.approx(fitted * 1.25)
    viewer.actions_by_name["zoom100"].trigger()
    assert viewer.view.zoom() == 1.0
    viewer.close()


def test_the_finding_dialog_shows_the_findings_photos(qtbot, editor_on, demo):
    audit_id = audit_with(demo, "completed", photos=True)
    finding_id = next(p["finding_id"] for p in demo.photos.of_audit(audit_id) if p["finding_id"])
    editor = editor_on(audit_id)
    editor.edit_finding(finding_id)
    strip = editor.finding_dialog.photo_strip
    assert strip.model.rowCount() == len(demo.photos.of_finding(finding_id)) > 0
    qtbot.waitUntil(lambda: not strip.model.missing(), timeout=20000)
    editor.finding_dialog.reject()


def test_the_audit_menu_lists_photo_and_report_actions_with_shortcuts(qtbot, editor):
    actions = editor.photos_ui.actions + [a for a in editor.reports.actions if a]
    visible = [a for a in actions if a.isVisible()]
    assert all(not a.shortcut().isEmpty() for a in actions)
    assert editor.photos_ui.add_action.shortcut().toString() == "P"
    assert len(visible) >= 8
