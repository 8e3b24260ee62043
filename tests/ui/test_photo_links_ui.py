"""Photos on findings in the real editor (offscreen): a photo the audit already holds, added
from the finding dialog, lands on the finding and the app says so; L / Shift+L on the strip
link the selected photo to a finding and unlink it; the finding dialog's Ctrl+L picks any of
the audit's photos; the strip's thumbnails show the redaction. All undoable."""
from __future__ import annotations

import io

import pytest

from tests.conftest import start
from PIL import Image
from PySide6.QtCore import Qt
from PySide6.QtWidgets import QApplication


pytestmark = pytest.mark.timeout(120)
K = Qt.Key


def _png(colour=(220, 0, 0)) -> bytes:
    """400×300 white with a coloured block in the middle."""
    img = Image.new("RGB", (400, 300), (255, 255, 255))
    img.paste(colour, (100, 75, 300, 225))
    out = io.BytesIO()
    img.save(out, "PNG")
    return out.getvalue()


@pytest.fixture
def editor(open_editor, ws, audit):
    start(ws, audit)
    return open_editor(audit)


def _item(editor) -> str:
    return editor.tree.current_item_id()


def _finding(editor, item_id=None, observed="Drawings without a confidential label") -> str:
    finding = editor.ws.findings.add(editor.audit_id, severity="minor", item_id=item_id,
                                     area="ISEC", observed=observed)
    editor.reload()
    return finding


def _photo_on_item(editor, data=None) -> str:
    photo = editor.ws.photos.add_bytes(editor.audit_id, data or _png(), filename="exit.png",
                                       item_id=_item(editor))
    editor.photos_ui.strip.reload()
    return photo


def _select(qtbot, strip, row=0):
    strip.list.setCurrentIndex(strip.model.index(row))
    strip.list.setFocus()
    qtbot.waitUntil(strip.list.hasFocus)


def _active_modal(qtbot, name):
    qtbot.waitUntil(lambda: QApplication.activeModalWidget() is not None
                    and QApplication.activeModalWidget().objectName() == name)
    return QApplication.activeModalWidget()


def test_adding_a_photo_the_audit_holds_from_the_finding_dialog_links_it(qtbot, editor,
                                                                          tmp_path):
    path = tmp_path / "exit.png"
    path.write_bytes(_png())
    photo = editor.ws.photos.add_file(editor.audit_id, path, item_id=_item(editor))
    finding = _finding(editor, _item(editor))
    editor.edit_finding(finding)
    strip = editor.finding_dialog.photo_strip
    assert strip.title.text() == "Photos (0)"

    with qtbot.waitSignal(editor.photo_import.finished, timeout=20000):
        # what Ctrl+P does once the file dialog returns the chosen file
        editor.photo_import.add_files([str(path)], **editor.photos_ui._links(strip))

    assert [r["id"] for r in editor.ws.photos.of_finding(finding)] == [photo]
    assert strip.title.text() == "Photos (1)" and strip.photo_ids() == [photo]
    message = editor.photo_import.message
    assert message.text() == "0 added; 1 already in the audit:"
    assert "exit.png: already in the audit — linked to the finding" in message.informativeText()
    assert message.icon() == message.Icon.Information
    message.close()

    editor.undo()               # back off the finding; never deleted from the audit
    assert editor.ws.photos.of_finding(finding) == []
    assert [r["id"] for r in editor.ws.photos.of_audit(editor.audit_id)] == [photo]
    assert strip.title.text() == "Photos (0)"
    editor.redo()
    assert strip.photo_ids() == [photo]
    editor.finding_dialog.reject()


def test_L_links_the_selected_photo_to_a_chosen_finding_and_shift_L_unlinks(qtbot, editor):
    photo = _photo_on_item(editor)
    _finding(editor, None, observed="First finding")
    second = _finding(editor, _item(editor), observed="Second finding")
    strip = editor.photos_ui.strip
    _select(qtbot, strip)

    qtbot.keyClick(strip.list, K.Key_L)
    chooser = _active_modal(qtbot, "findingChooser")
    assert chooser.list.count() == 2
    assert chooser.finding_id() == second              # the finding of the photo's item
    qtbot.keyClick(chooser.list, K.Key_Return)
    assert editor.ws.photos.photo(photo)["finding_id"] == second
    assert editor.ws.photos.photo(photo)["item_id"] == _item(editor)   # still on its item
    assert editor.ws.undo.undo_text() == "Link photo to finding"

    _select(qtbot, strip)
    qtbot.keyClick(strip.list, K.Key_L, Qt.KeyboardModifier.ShiftModifier)
    assert editor.ws.photos.photo(photo)["finding_id"] is None
    editor.undo()
    assert editor.ws.photos.photo(photo)["finding_id"] == second
    editor.undo()
    assert editor.ws.photos.photo(photo)["finding_id"] is None
    assert strip.link_action in strip.photo_actions and strip.unlink_action in strip.photo_actions


def test_L_without_findings_says_to_add_one_first(qtbot, editor):
    _photo_on_item(editor)
    strip = editor.photos_ui.strip
    _select(qtbot, strip)
    qtbot.keyClick(strip.list, K.Key_L)
    assert "no findings yet" in strip.message.text()
    strip.message.close()


def test_the_finding_dialog_links_existing_photos_from_thumbnails(qtbot, editor):
    on_item = _photo_on_item(editor)
    other = editor.ws.photos.add_bytes(editor.audit_id, _png((0, 0, 200)), filename="b.png")
    finding = _finding(editor)
    editor.edit_finding(finding)
    dialog = editor.finding_dialog
    qtbot.waitUntil(dialog.isActiveWindow)

    qtbot.keyClick(dialog, K.Key_L, Qt.KeyboardModifier.ControlModifier)
    picker = _active_modal(qtbot, "photoPicker")
    qtbot.waitUntil(picker.loaded, timeout=20000)
    qtbot.waitUntil(lambda: not picker.model.missing(), timeout=20000)
    assert picker.model.rowCount() == 2
    picker.list.setFocus()
    picker.list.setCurrentIndex(picker.model.index(picker.model.rows.index(
        next(r for r in picker.model.rows if r["id"] == other))))
    qtbot.keyClick(picker.list, K.Key_Space)                 # check the photo …
    qtbot.keyClick(picker.list, K.Key_Return)                # … and link it
    assert [r["id"] for r in editor.ws.photos.of_finding(finding)] == [other]
    assert dialog.photo_strip.photo_ids() == [other]
    assert editor.ws.photos.photo(on_item)["finding_id"] is None

    picker = editor.photos_ui.pick_photos(dialog.photo_strip)   # again: uncheck it
    row = next(i for i, r in enumerate(picker.model.rows) if r["id"] == other)
    assert picker.model.data(picker.model.index(row), Qt.ItemDataRole.CheckStateRole) == \
        Qt.CheckState.Checked
    picker.list.setCurrentIndex(picker.model.index(row))
    picker.list.setFocus()
    qtbot.keyClick(picker.list, K.Key_Space)
    picker.accept()
    assert editor.ws.photos.of_finding(finding) == []
    assert dialog.photo_strip.title.text() == "Photos (0)"
    editor.undo()
    assert dialog.photo_strip.photo_ids() == [other]
    qtbot.waitUntil(lambda: picker.task is None or picker.task.finished.is_set())
    dialog.reject()


def test_the_strip_thumbnail_shows_the_redaction(qtbot, editor):
    photo = _photo_on_item(editor)
    strip = editor.photos_ui.strip

    def centre():
        image = strip.model.pixmaps[photo].toImage()
        return image.pixelColor(image.width() // 2, image.height() // 2)

    qtbot.waitUntil(lambda: photo in strip.model.pixmaps and not strip.loading(),
                    timeout=20000)
    assert centre().red() > 180 and centre().green() < 60          # the red block shows
    marks = [{"kind": "redact", "box": [0.2, 0.2, 0.8, 0.8], "color": "#000000"}]
    editor.perform_edit("Annotate", editor.ws.photos.set_annotations, photo,
                        marks)                                     # as the annotator saves
    qtbot.waitUntil(lambda: photo in strip.model.pixmaps and not strip.loading(),
                    timeout=20000)
    colour = centre()
    assert max(colour.red(), colour.green(), colour.blue()) < 30    # painted over
    editor.undo()                                        # marks gone: red again
    qtbot.waitUntil(lambda: photo in strip.model.pixmaps and not strip.loading(),
                    timeout=20000)
    assert centre().red() > 180
