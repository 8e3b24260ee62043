"""The photo viewer: one photo as the supplier will see it (marks drawn, redactions
applied), zoom, and stepping through the strip's photos."""
from __future__ import annotations

from PySide6.QtCore import Qt
from PySide6.QtGui import QAction, QImage, QKeySequence, QPixmap
from PySide6.QtWidgets import (QCheckBox, QDialog, QGraphicsPixmapItem, QGraphicsScene,
                               QHBoxLayout, QLabel, QToolBar, QVBoxLayout)

from ui.operations.photo import render_task
from ui.operations.tasks import Task
from ui.photos.zoom_view import ZoomView
from ui.widgets.screen_fit import resize_within_screen


class PhotoViewer(QDialog):
    def __init__(self, editor, photo_ids: list[str], index: int = 0, parent=None):
        super().__init__(parent)
        self.setObjectName("photoViewer")
        self.setWindowTitle(self.tr("Photo"))
        self.editor, self.photo_ids, self.index = editor, list(photo_ids), index
        self.task: Task | None = None
        self.scene = QGraphicsScene(self)
        self.pixmap_item = QGraphicsPixmapItem()
        self.pixmap_item.setTransformationMode(Qt.TransformationMode.SmoothTransformation)
        self.scene.addItem(self.pixmap_item)
        self.view = ZoomView(self.scene, self)
        self.view.setObjectName("photoView")
        self.caption = QLabel()
        self.caption.setObjectName("photoCaption")
        self.caption.setWordWrap(True)
        self.zoom_label = QLabel()
        self.redacted = QCheckBox(self.tr("As in reports (redacted)"))
        self.redacted.setObjectName("viewerRedacted")
        self.redacted.setChecked(True)
        self.redacted.setToolTip(self.tr("Off: redaction boxes are outlined and the pixels "
                                         "kept (internal evidence only)"))
        self.redacted.toggled.connect(lambda _: self.load())
        self.view.zoom_changed.connect(
            lambda z: self.zoom_label.setText(self.tr("{0} %").format(round(z * 100))))

        bar = QToolBar()
        self.actions_by_name = {}
        for name, text, keys, slot in (
                ("previousPhoto", self.tr("◀ Previous"), ("Left", "PgUp"), lambda: self.step(-1)),
                ("nextPhoto", self.tr("Next ▶"), ("Right", "PgDown"), lambda: self.step(+1)),
                ("zoomIn", self.tr("Zoom in"), ("+", "="), self.view.zoom_in),
                ("zoomOut", self.tr("Zoom out"), ("-",), self.view.zoom_out),
                ("zoomFit", self.tr("Fit"), ("0",), self.view.fit),
                ("zoom100", self.tr("100 %"), ("1",), lambda: self.view.set_zoom(1.0)),
                ("annotateFromViewer", self.tr("Annotate and redact…"), ("E",), self.annotate)):
            act = QAction(text, self)
            act.setObjectName(name)
            act.setShortcuts([QKeySequence(k) for k in keys])
            act.setToolTip(f"{text} ({keys[0]})")
            act.triggered.connect(slot)
            bar.addAction(act)
            self.actions_by_name[name] = act
        bottom = QHBoxLayout()
        bottom.addWidget(self.caption, 1)
        bottom.addWidget(self.redacted)
        bottom.addWidget(self.zoom_label)
        layout = QVBoxLayout(self)
        layout.addWidget(bar)
        layout.addWidget(self.view, 1)
        layout.addLayout(bottom)
        resize_within_screen(self, 1000, 700)
        editor.hub.operation_did_execute.connect(self._operation_did_execute)
        self.load()

    def current_id(self) -> str:
        return self.photo_ids[self.index] if self.photo_ids else ""

    def load(self) -> None:
        photo_id = self.current_id()
        if not photo_id:
            return
        row = self.editor.ws.photos.photo(photo_id)
        self.setWindowTitle(self.tr("Photo {0} of {1} — {2}").format(
            self.index + 1, len(self.photo_ids), row["filename"] or photo_id[:8]))
        self.caption.setText(row["caption"] or self.tr("(no caption)"))
        task = render_task(self.editor.ws, photo_id, redacted=self.redacted.isChecked())
        task.signals.succeeded.connect(lambda image, i=self.index: self._loaded(i, image))
        self.task = task
        task.start()

    def _loaded(self, index: int, image: QImage) -> None:
        """A rendering arrives: shown unless the viewer moved on or was closed meanwhile."""
        import shiboken6
        if index != self.index or not shiboken6.isValid(self.pixmap_item):
            return
        self.pixmap_item.setPixmap(QPixmap.fromImage(image))
        self.scene.setSceneRect(self.pixmap_item.boundingRect())
        self.view.fit()

    def loaded(self) -> bool:
        return self.task is not None and self.task.finished.is_set()

    def step(self, delta: int) -> None:
        target = self.index + delta
        if 0 <= target < len(self.photo_ids):
            self.index = target
            self.load()

    def annotate(self) -> None:
        if self.current_id():
            self.editor.photos_ui.annotate(self.current_id())

    def _operation_did_execute(self, changes, _initiator) -> None:
        if changes.photos and self.current_id() in changes.photo_ids:
            if self.current_id() not in {p["id"] for p in
                                         self.editor.ws.photos.of_audit(self.editor.audit_id)}:
                self.photo_ids.remove(self.current_id())     # deleted
                self.index = min(self.index, len(self.photo_ids) - 1)
                if not self.photo_ids:
                    self.close()
                    return
            self.load()
