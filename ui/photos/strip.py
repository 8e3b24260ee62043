"""A photo strip: the thumbnails of one checklist item's or one finding's photos.

Thumbnails load in a worker; until then a grey tile stands in. Photos come in by the Add
button (P in the editor), by dropping image files or images on the strip, and by pasting
(Ctrl+V). L links the selected photo to one of the audit's findings, Shift+L unlinks it.
The thumbnails are the redacted rendering (marks drawn, redactions painted over), re-made
in the worker after the marks change. The strip edits through the editor (one operation of
the core each, with the amendment reason on a signed audit) and re-reads itself when the
workspace hub broadcasts a photo change of its audit, whoever made it.
"""
from __future__ import annotations

from PySide6.QtCore import QSize, Qt, Signal
from PySide6.QtGui import QAction, QDragEnterEvent, QDropEvent, QImage
from PySide6.QtWidgets import (QApplication, QHBoxLayout, QInputDialog, QLabel, QListView,
                               QMenu, QMessageBox, QPushButton, QSizePolicy, QVBoxLayout,
                               QWidget)

from ui.operations.photo import thumbnails_task
from ui.operations.tasks import Task
from ui.photos.finding_chooser import FindingChooser
from ui.photos.photo_model import THUMB, PhotoListModel
from ui.photos.photo_import import is_image_file
from ui.widgets.actions import make_action

class PhotoStrip(QWidget):
    """Photos of `item_id` or of `finding_id` in the editor's audit."""

    view_requested = Signal(list, int)       # photo ids, index
    annotate_requested = Signal(str)
    add_requested = Signal()

    def __init__(self, editor, *, parent=None):
        super().__init__(parent)
        self.setObjectName("photoStrip")
        self.editor = editor
        self.item_id: str | None = None
        self.finding_id: str | None = None
        self.tasks: list[Task] = []
        self._generation = 0
        self._audit_rows: list[dict] | None = None   # the audit's photos, until one changes
        self._slim: bool | None = None
        self.chooser: FindingChooser | None = None
        self.message: QMessageBox | None = None
        self.slim_text = self.tr("Add photos (P)")   # the Add button's text when there are none
        self.setAcceptDrops(True)

        self.model = PhotoListModel(self)
        self.list = QListView()
        self.list.setObjectName("photoList")
        self.list.setModel(self.model)
        self.list.setViewMode(QListView.ViewMode.IconMode)
        self.list.setFlow(QListView.Flow.LeftToRight)
        self.list.setWrapping(False)
        self.list.setMovement(QListView.Movement.Static)
        self.list.setIconSize(QSize(THUMB, THUMB))
        self.list.setGridSize(QSize(THUMB + 16, THUMB + 26))
        self.list.setUniformItemSizes(True)
        self.list.setAcceptDrops(False)
        self.list.viewport().setAcceptDrops(False)
        self.list.setFixedHeight(THUMB + 40)
        self.list.setContextMenuPolicy(Qt.ContextMenuPolicy.CustomContextMenu)
        self.list.customContextMenuRequested.connect(self._context_menu)
        self.list.activated.connect(lambda index: self.view(index.row()))

        self.title = QLabel()
        self.title.setObjectName("photoStripTitle")
        self.hint = QLabel(self.tr("Drop or paste images here"))
        self.hint.setStyleSheet("color: palette(mid);")
        self.add_button = QPushButton(self.tr("Add photos…"))
        self.add_button.setObjectName("addPhotos")
        self.add_button.setFocusPolicy(Qt.FocusPolicy.NoFocus)
        self.add_button.clicked.connect(self.add_requested)
        self.extra_buttons = QHBoxLayout()
        top = QHBoxLayout()
        top.setContentsMargins(0, 0, 0, 0)
        top.addWidget(self.title)
        top.addWidget(self.hint)
        top.addStretch(1)
        top.addLayout(self.extra_buttons)
        top.addWidget(self.add_button)
        layout = QVBoxLayout(self)
        layout.setContentsMargins(8, 2, 8, 2)
        layout.setSpacing(2)
        layout.addLayout(top)
        layout.addWidget(self.list)
        self.setSizePolicy(QSizePolicy.Policy.Preferred, QSizePolicy.Policy.Fixed)
        self._build_actions()
        editor.hub.operation_did_execute.connect(self._operation_did_execute)

    # -- actions (context menu, shortcuts on the list) ----------------------------------------
    def _build_actions(self) -> None:
        def action(name, text, keys, slot) -> QAction:
            return make_action(self, name, text, keys, slot, add_to=self.list,
                               context=Qt.ShortcutContext.WidgetShortcut)

        self.view_action = action("viewPhoto", self.tr("&View"), "Space",
                                  lambda: self.view(self.current_row()))
        self.annotate_action = action("annotatePhoto", self.tr("&Annotate and redact…"), "E",
                                      self._annotate_current)
        self.caption_action = action("captionPhoto", self.tr("&Caption…"), "F2",
                                     self.edit_caption)
        self.left_action = action("photoLeft", self.tr("Move &left"), "Ctrl+Left",
                                  lambda: self.move_current(-1))
        self.right_action = action("photoRight", self.tr("Move &right"), "Ctrl+Right",
                                   lambda: self.move_current(+1))
        self.delete_action = action("deletePhoto", self.tr("&Delete photo"), "Delete",
                                    self.delete_current)
        self.link_action = action("linkPhoto", self.tr("Lin&k to finding…"), "L",
                                  self.link_current)
        self.unlink_action = action("unlinkPhoto", self.tr("&Unlink from finding"), "Shift+L",
                                    self.unlink_current)
        self.photo_actions = [self.view_action, self.annotate_action, self.caption_action,
                              self.link_action, self.unlink_action, self.left_action,
                              self.right_action, self.delete_action]

    def _context_menu(self, pos) -> None:
        if self.current_row() < 0:
            return
        self.unlink_action.setEnabled(bool(self.model.rows[self.current_row()]["finding_id"]))
        menu = QMenu(self)
        menu.addActions(self.photo_actions)
        menu.exec(self.list.viewport().mapToGlobal(pos))

    # -- scope and loading --------------------------------------------------------------------
    def show_item(self, item_id: str | None) -> None:
        """Show another item's photos (from the audit's photos read before: no query)."""
        self.item_id, self.finding_id = item_id, None
        self._show_rows()

    def show_finding(self, finding_id: str) -> None:
        self.item_id, self.finding_id = None, finding_id
        self.reload()

    def rows(self) -> list[dict]:
        ws = self.editor.ws
        if self.finding_id:
            return ws.photos.of_finding(self.finding_id)
        if not self.item_id:
            return []
        if self._audit_rows is None:     # one query per audit, not one per item shown
            self._audit_rows = ws.photos.of_audit(self.editor.audit_id)
        return [r for r in self._audit_rows if r["item_id"] == self.item_id]

    def photo_ids(self) -> list[str]:
        return [r["id"] for r in self.model.rows]

    def reload(self) -> None:
        """Re-read the photos from the store."""
        self._audit_rows = None
        self._show_rows()

    def _show_rows(self) -> None:
        rows = self.rows()
        self.model.set_rows(rows)
        self.title.setText(self.tr("Photos ({0})").format(len(rows)))
        self.add_button.setEnabled(bool(self.item_id or self.finding_id))
        self._set_slim(not rows)
        self._load_thumbnails()

    def _set_slim(self, slim: bool) -> None:
        """Without photos the strip is one line (title, hint, Add button), so the item's
        question and guidance keep the room; the thumbnail row shows once there are photos."""
        if slim == self._slim:
            return
        self._slim = slim
        self.list.setVisible(not slim)
        self.hint.setVisible(slim)
        self.add_button.setText(self.slim_text if slim else self.tr("Add photos…"))
        self.setFixedHeight(self.sizeHint().height())

    def _load_thumbnails(self) -> None:
        missing = self.model.missing()
        if not missing:
            return
        self._generation += 1
        generation = self._generation
        task = thumbnails_task(self.editor.ws, missing, THUMB)
        task.signals.succeeded.connect(lambda images: self._thumbnails_loaded(generation, images))
        task.signals.failed.connect(lambda _msg: self._forget_done())
        task.signals.cancelled.connect(self._forget_done)
        self.tasks.append(task)
        task.start()

    def _thumbnails_loaded(self, generation: int, images: dict) -> None:
        """Thumbnails arrive from a pool thread: ignored if the strip went meanwhile."""
        import shiboken6
        if not (shiboken6.isValid(self) and shiboken6.isValid(self.model)):
            return
        self.model.set_images(images)
        self._forget_done()
        if generation == self._generation and self.model.missing():
            self._load_thumbnails()

    def _forget_done(self) -> None:
        self.tasks = [t for t in self.tasks if not t.finished.is_set()]

    def loading(self) -> bool:
        self._forget_done()
        return bool(self.tasks)

    def _operation_did_execute(self, changes, _initiator) -> None:
        if changes.photos and changes.concerns(self.editor.audit_id):
            if changes.photo_marks:               # drawn anew with their marks
                for photo_id in changes.photo_ids:
                    self.model.pixmaps.pop(photo_id, None)
            self.reload()

    # -- photo actions ------------------------------------------------------------------------
    def current_row(self) -> int:
        index = self.list.currentIndex()
        return index.row() if index.isValid() else -1

    def current_id(self) -> str:
        row = self.current_row()
        return self.model.rows[row]["id"] if row >= 0 else ""

    def view(self, row: int) -> None:
        if 0 <= row < len(self.model.rows):
            self.view_requested.emit(self.photo_ids(), row)

    def _annotate_current(self) -> None:
        if self.current_id():
            self.annotate_requested.emit(self.current_id())

    def edit_caption(self) -> None:
        row = self.current_row()
        if row < 0:
            return
        photo = self.model.rows[row]
        dialog = QInputDialog(self)
        dialog.setObjectName("captionDialog")
        dialog.setWindowTitle(self.tr("Caption"))
        dialog.setLabelText(self.tr("Caption of the photo (shown in reports):"))
        dialog.setTextValue(photo["caption"] or "")
        dialog.textValueSelected.connect(lambda text: self.set_caption(photo["id"], text))
        dialog.open()

    def set_caption(self, photo_id: str, caption: str) -> None:
        self.editor.perform_edit(self.tr("Caption photo"), self.editor.ws.photos.set_caption,
                                 photo_id, caption.strip())

    def link_current(self) -> None:
        """Choose one of the audit's findings for the selected photo."""
        row = self.current_row()
        if row < 0:
            return
        photo = self.model.rows[row]
        findings = self.editor.ws.findings.of_audit(self.editor.audit_id)
        if not findings:
            box = QMessageBox(QMessageBox.Icon.Information, self.tr("Link to finding"),
                              self.tr("This audit has no findings yet: add one first (F)."),
                              QMessageBox.StandardButton.Ok, self.window())
            box.setObjectName("noFindingsMessage")
            self.message = box
            box.open()
            return
        self.chooser = FindingChooser(findings, current=photo["finding_id"],
                                      item_id=photo["item_id"], parent=self.window())
        self.chooser.chosen.connect(lambda finding_id: self.link(photo["id"], finding_id))
        self.chooser.finished.connect(self.chooser.deleteLater)
        self.chooser.open()

    def link(self, photo_id: str, finding_id: str | None) -> bool:
        """Link the photo to `finding_id` (None: unlink it), as one undoable step."""
        text = (self.tr("Link photo to finding") if finding_id else
                self.tr("Unlink photo from finding"))
        return self.editor.perform_edit(text, self.editor.ws.photos.relink,
                                        {photo_id: {"finding_id": finding_id}}) is not None

    def unlink_current(self) -> None:
        row = self.current_row()
        if row >= 0 and self.model.rows[row]["finding_id"]:
            self.link(self.model.rows[row]["id"], None)

    def delete_current(self) -> None:
        photo_id = self.current_id()
        if photo_id:
            self.editor.perform_edit(self.tr("Delete photo"), self.editor.ws.photos.delete,
                                     photo_id)

    def move_current(self, step: int) -> None:
        row = self.current_row()
        ids = self.photo_ids()
        target = row + step
        if row < 0 or not 0 <= target < len(ids):
            return
        new = list(ids)
        new[row], new[target] = new[target], new[row]
        if self.editor.perform_edit(self.tr("Reorder photos"), self.editor.ws.photos.reorder,
                                    self.editor.audit_id, new):
            self.list.setCurrentIndex(self.model.index(target))

    # -- drag and drop, paste -----------------------------------------------------------------
    @staticmethod
    def dropped_files(mime) -> list[str]:
        return [u.toLocalFile() for u in mime.urls() if u.isLocalFile()
                and is_image_file(u.toLocalFile())]

    def accepts(self, mime) -> bool:
        return bool(self.item_id or self.finding_id) and (
            bool(self.dropped_files(mime)) or mime.hasImage())

    def dragEnterEvent(self, event: QDragEnterEvent) -> None:  # noqa: N802
        if self.accepts(event.mimeData()):
            event.acceptProposedAction()
        else:
            event.ignore()

    def dragMoveEvent(self, event) -> None:  # noqa: N802
        if self.accepts(event.mimeData()):
            event.acceptProposedAction()
        else:
            event.ignore()

    def dropEvent(self, event: QDropEvent) -> None:  # noqa: N802
        if not self.accepts(event.mimeData()):
            event.ignore()
            return
        event.acceptProposedAction()
        self.take_mime(event.mimeData())

    def paste(self) -> bool:
        mime = QApplication.clipboard().mimeData()
        return mime is not None and self.accepts(mime) and self.take_mime(mime)

    def take_mime(self, mime) -> bool:
        """Add the image files or the image data of a drop or the clipboard."""
        importer = self.editor.photo_import
        links = {"item_id": self.item_id, "finding_id": self.finding_id}
        if self.finding_id:
            links["item_id"] = self.editor.ws.findings.finding(self.finding_id)["item_id"]
        files = self.dropped_files(mime)
        if files:
            return importer.add_files(files, **links) is not None
        if mime.hasImage():
            image = QImage(mime.imageData())
            if not image.isNull():
                return importer.add_images([("pasted.png", image)], **links) is not None
        return False
