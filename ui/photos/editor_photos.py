"""Photos in the audit editor: the strip under the current item, the editor's photo actions
(P adds files, Ctrl+V pastes an image, the camera when there is one), the viewer and the
annotation editor, and a strip for a finding in the finding dialog (with "Link existing
photos…", Ctrl+L, to pick any of the audit's photos as the finding's evidence).

The editor creates one `EditorPhotos` and otherwise knows nothing about photos.
"""
from __future__ import annotations

from PySide6.QtCore import QObject, Qt
from PySide6.QtGui import QAction, QImage, QKeySequence
from PySide6.QtWidgets import QMessageBox, QPushButton

from ui.operations.report import prerender_prints_later
from ui.photos.annotation_editor import AnnotationEditor
from ui.photos.camera import CameraDialog, camera_available
from ui.photos.photo_import import PhotoImport
from ui.photos.photo_picker import PhotoPicker
from ui.photos.strip import PhotoStrip
from ui.photos.viewer import PhotoViewer
from ui.widgets.actions import make_action


class EditorPhotos(QObject):
    def __init__(self, editor):
        super().__init__(editor)
        self.editor = editor
        self.viewer: PhotoViewer | None = None
        self.annotator: AnnotationEditor | None = None
        self.camera: CameraDialog | None = None
        self.picker: PhotoPicker | None = None
        editor.photo_import = self.importer = PhotoImport(editor)
        self.strip = self.new_strip(editor)
        editor.centre.insertWidget(1, self.strip)
        editor.centre.setStretchFactor(1, 0)
        editor.centre.setStretchFactor(2, 1)
        editor.tree.item_selected.connect(self.strip.show_item)
        self.strip.show_item(editor.tree.current_item_id())
        self._build_actions()
        editor.hub.operation_did_execute.connect(self._operation_did_execute)
        # The strip came after the editor set its splitter sizes: give the item panel what
        # the strip does not need, and keep the findings table's share.
        findings = editor.centre.sizes()[2] or 170
        total = max(sum(editor.centre.sizes()), 650)
        strip = self.strip.height()
        editor.centre.setSizes([max(total - strip - findings, 300), strip, findings])

    def new_strip(self, parent) -> PhotoStrip:
        strip = PhotoStrip(self.editor, parent=parent)
        strip.view_requested.connect(self.view)
        strip.annotate_requested.connect(self.annotate)
        strip.add_requested.connect(lambda s=strip: self.choose_files(s))
        return strip

    def _build_actions(self) -> None:
        def action(name: str, text: str, keys: str, slot) -> QAction:
            return make_action(self.editor, name, text, keys, slot, add_to=self.editor,
                               context=Qt.ShortcutContext.WidgetWithChildrenShortcut)

        self.add_action = action("photoAction", self.tr("Add &photos to the item…"), "P",
                                 lambda: self.choose_files(self.strip))
        self.paste_action = action("pastePhotoAction", self.tr("Paste photo"), "Ctrl+V",
                                   self.paste)
        self.camera_action = action("cameraAction", self.tr("Take photo with &camera…"),
                                    "Ctrl+Shift+C", lambda: self.take_photo(self.strip))
        self.camera_action.setVisible(camera_available())
        self.actions = [self.add_action, self.paste_action, self.camera_action]
        if self.camera_action.isVisible():
            button = QPushButton(self.tr("Camera…"))
            button.setFocusPolicy(Qt.FocusPolicy.NoFocus)
            button.clicked.connect(self.camera_action.trigger)
            self.strip.extra_buttons.addWidget(button)

    def _operation_did_execute(self, changes, _initiator) -> None:
        """Marks changed (an edit, its undo or redo): make the photos' print renderings in
        the background, so the report at the end of the visit has them ready."""
        if changes.photo_marks and changes.concerns(self.editor.audit_id):
            for photo_id in changes.photo_ids:
                prerender_prints_later(self.editor.ws, photo_id)

    # -- adding -------------------------------------------------------------------------------
    def _links(self, strip: PhotoStrip) -> dict | None:
        if strip.finding_id:
            finding = self.editor.ws.findings.finding(strip.finding_id)
            return {"finding_id": strip.finding_id, "item_id": finding["item_id"]}
        if strip.item_id:
            return {"item_id": strip.item_id}
        return None

    def choose_files(self, strip: PhotoStrip) -> None:
        links = self._links(strip)
        if links is not None:
            self.importer.choose_files(parent=strip.window(), **links)

    def paste(self) -> None:
        if not self.strip.paste():
            box = QMessageBox(QMessageBox.Icon.Information, self.tr("Paste photo"),
                              self.tr("The clipboard holds no image or image file."),
                              QMessageBox.StandardButton.Ok, self.editor.window())
            box.open()

    def take_photo(self, strip: PhotoStrip) -> None:
        links = self._links(strip)
        if links is None or not camera_available():
            return
        self.camera = CameraDialog(strip.window())
        self.camera.captured.connect(
            lambda image: self.importer.add_images([("camera.jpg", QImage(image))], **links))
        self.camera.open()

    # -- viewing and annotating ---------------------------------------------------------------
    def view(self, photo_ids: list[str], index: int) -> PhotoViewer:
        if self.viewer is not None:
            self.viewer.close()
        self.viewer = PhotoViewer(self.editor, photo_ids, index, parent=self.editor.window())
        self.viewer.setAttribute(Qt.WidgetAttribute.WA_DeleteOnClose)
        self.viewer.finished.connect(lambda _: setattr(self, "viewer", None))
        self.viewer.show()
        return self.viewer

    def annotate(self, photo_id: str) -> AnnotationEditor:
        viewer = self.viewer
        parent = viewer if viewer is not None and viewer.isVisible() else self.editor.window()
        self.annotator = AnnotationEditor(self.editor, photo_id, parent=parent)
        self.annotator.finished.connect(lambda _: self.annotator.deleteLater())
        self.annotator.open()
        return self.annotator

    # -- the finding dialog -------------------------------------------------------------------
    def attach_to_finding_dialog(self, dialog, finding_id: str) -> PhotoStrip:
        """A strip of the finding's photos above the dialog's buttons (existing findings)."""
        strip = self.new_strip(dialog)
        strip.slim_text = self.tr("Add photos (Ctrl+P)")
        strip.show_finding(finding_id)
        layout = dialog.layout()
        layout.insertWidget(layout.count() - 1, strip)
        act = QAction(self.tr("Add photos to the finding…"), dialog)
        act.setObjectName("findingPhotoAction")
        act.setShortcut(QKeySequence("Ctrl+P"))
        act.triggered.connect(lambda: self.choose_files(strip))
        dialog.addAction(act)
        strip.add_button.setToolTip(self.tr("Add photos to the finding (Ctrl+P)"))
        link = QAction(self.tr("Link existing photos…"), dialog)
        link.setObjectName("linkExistingPhotos")
        link.setShortcut(QKeySequence("Ctrl+L"))
        link.triggered.connect(lambda: self.pick_photos(strip))
        dialog.addAction(link)
        button = QPushButton(self.tr("Link existing…"))
        button.setObjectName("linkExistingButton")
        button.setFocusPolicy(Qt.FocusPolicy.NoFocus)
        button.setToolTip(self.tr("Link photos already in the audit to this finding (Ctrl+L)"))
        button.clicked.connect(link.trigger)
        strip.extra_buttons.addWidget(button)
        dialog.photo_strip = strip
        return strip

    def pick_photos(self, strip: PhotoStrip) -> PhotoPicker | None:
        """Choose among all the audit's photos which ones are this finding's evidence."""
        finding_id = strip.finding_id
        if not finding_id:
            return None
        ws = self.editor.ws
        audit_id = self.editor.audit_id
        live = {f["id"] for f in ws.findings.of_audit(audit_id)}
        self.picker = PhotoPicker(ws, ws.photos.of_audit(audit_id), finding_id, live,
                                  parent=strip.window())
        self.picker.picked.connect(lambda changes: self.editor.perform_edit(
            self.tr("Link photos to the finding"), ws.photos.relink,
            {pid: {"finding_id": finding} for pid, finding in changes.items()}))
        self.picker.finished.connect(self.picker.deleteLater)
        self.picker.open()
        return self.picker
