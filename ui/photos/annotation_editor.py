"""Annotate and redact one photo: draw rectangles, arrows, text and redaction boxes on the
upright display copy, move and delete them, undo and redo; Save stores them as data on the
photo (one operation of the core: one undo step). The original is never changed; reports use
the rendering with the redactions applied. Esc, Cancel or closing the window with unsaved
marks asks first (Discard / Keep editing / Save); with nothing changed it closes at once.
"""
from __future__ import annotations

from PySide6.QtCore import QPointF, QRectF, Qt, Signal
from PySide6.QtGui import (QAction, QActionGroup, QImage, QKeySequence, QMouseEvent, QPen,
                           QPixmap, QUndoCommand, QUndoStack)
from PySide6.QtWidgets import (QComboBox, QDialog, QDialogButtonBox, QGraphicsPixmapItem,
                               QGraphicsRectItem, QGraphicsScene, QInputDialog, QLabel,
                               QMessageBox, QToolBar, QVBoxLayout)

from ui.operations.photo import display_task
from ui.operations.tasks import Task
from ui.photos.marks import MARK_KEY, arrow_item, box_item, make_item, text_item, to_mark
from ui.photos.zoom_view import ZoomView
from ui.widgets.actions import make_action
from ui.widgets.screen_fit import resize_within_screen

TOOLS = ("select", "rect", "arrow", "text", "redact", "blur")
MIN_DRAG = 4          # pixels on screen: a shorter drag is a click, not a shape
COLOURS = (("#e53935", "Red"), ("#ffeb3b", "Yellow"), ("#43a047", "Green"),
           ("#1e88e5", "Blue"), ("#ffffff", "White"))


class AddMarks(QUndoCommand):
    def __init__(self, scene: QGraphicsScene, items: list, text: str, *, remove=False):
        super().__init__(text)
        self.scene, self.items, self.remove = scene, list(items), remove

    def _put(self, present: bool) -> None:
        for item in self.items:
            if present and item.scene() is None:
                self.scene.addItem(item)
            elif not present and item.scene() is not None:
                self.scene.removeItem(item)

    def redo(self) -> None:
        self._put(not self.remove)

    def undo(self) -> None:
        self._put(self.remove)


class MoveMarks(QUndoCommand):
    def __init__(self, moves: list, text: str):
        super().__init__(text)
        self.moves = moves          # (item, old pos, new pos); already moved when pushed

    def redo(self) -> None:
        for item, _old, new in self.moves:
            item.setPos(new)

    def undo(self) -> None:
        for item, old, _new in self.moves:
            item.setPos(old)


class DrawingView(ZoomView):
    """Select/move with the mouse, or draw the current tool's shape by dragging."""

    drawn = Signal(str, QPointF, QPointF)     # tool, start, end (scene)
    moved = Signal(list)                      # [(item, old pos, new pos)]

    def __init__(self, scene, parent=None):
        super().__init__(scene, parent)
        self.tool = "select"
        self._start: QPointF | None = None
        self._press_view = None
        self._ghost: QGraphicsRectItem | None = None
        self._positions: dict = {}

    def set_tool(self, tool: str) -> None:
        self.tool = tool
        self.setDragMode(ZoomView.DragMode.RubberBandDrag if tool == "select"
                         else ZoomView.DragMode.NoDrag)
        self.viewport().setCursor(Qt.CursorShape.ArrowCursor if tool == "select"
                                  else Qt.CursorShape.CrossCursor)

    def mousePressEvent(self, event: QMouseEvent) -> None:  # noqa: N802
        if self.tool == "select" or event.button() != Qt.MouseButton.LeftButton:
            super().mousePressEvent(event)
            self._positions = {i: i.pos() for i in self.scene().selectedItems()}
            return
        self._start = self.mapToScene(event.position().toPoint())
        self._press_view = event.position()
        self._ghost = QGraphicsRectItem(QRectF(self._start, self._start))
        self._ghost.setPen(QPen(Qt.GlobalColor.cyan, 0, Qt.PenStyle.DashLine))
        self.scene().addItem(self._ghost)

    def mouseMoveEvent(self, event: QMouseEvent) -> None:  # noqa: N802
        if self._start is not None and self._ghost is not None:
            end = self.mapToScene(event.position().toPoint())
            self._ghost.setRect(QRectF(self._start, end).normalized())
            return
        super().mouseMoveEvent(event)

    def mouseReleaseEvent(self, event: QMouseEvent) -> None:  # noqa: N802
        if self._start is None:
            super().mouseReleaseEvent(event)
            moves = [(item, old, item.pos()) for item, old in self._positions.items()
                     if item.pos() != old]
            self._positions = {}
            if moves:
                self.moved.emit(moves)
            return
        start, self._start = self._start, None
        if self._ghost is not None:
            self.scene().removeItem(self._ghost)
            self._ghost = None
        end = self.mapToScene(event.position().toPoint())
        distance = (event.position() - self._press_view).manhattanLength()
        if self.tool == "text" or distance >= MIN_DRAG:
            self.drawn.emit(self.tool, start, end)


class AnnotationEditor(QDialog):
    saved = Signal(str)          # photo id

    def __init__(self, editor, photo_id: str, parent=None):
        super().__init__(parent)
        self.setObjectName("annotationEditor")
        self.editor, self.photo_id = editor, photo_id
        self.size_px = (1, 1)
        self.task: Task | None = None
        self.undo_stack = QUndoStack(self)
        self.scene = QGraphicsScene(self)
        self.background = QGraphicsPixmapItem()
        self.background.setZValue(-1)
        self.scene.addItem(self.background)
        self.view = DrawingView(self.scene, self)
        self.view.setObjectName("annotationView")
        self.view.drawn.connect(self._drawn)
        self.view.moved.connect(lambda moves: self.undo_stack.push(
            MoveMarks(moves, self.tr("Move"))))
        row = editor.ws.photos.photo(photo_id)
        self.setWindowTitle(self.tr("Annotate and redact — {0}").format(
            row["filename"] or photo_id[:8]))
        self._stored = editor.ws.photos.annotations(row)
        self._shown: dict = {}        # each stored mark's item -> its mark as first shown
        self.discard_question: QMessageBox | None = None
        self._discarding = False

        self.toolbar = QToolBar()
        self.tool_actions: dict[str, QAction] = {}
        group = QActionGroup(self)
        for tool, text, key, tip in (
                ("select", self.tr("Select/move"), "V", self.tr("Select, move (drag) marks")),
                ("rect", self.tr("Rectangle"), "R", self.tr("Drag to frame something")),
                ("arrow", self.tr("Arrow"), "A", self.tr("Drag from the tail to the tip")),
                ("text", self.tr("Text"), "T", self.tr("Click where the label goes")),
                ("redact", self.tr("Redact"), "X",
                 self.tr("Drag over what must not be seen: filled black in reports")),
                ("blur", self.tr("Blur"), "B",
                 self.tr("Drag over what must not be seen: strongly blurred in reports"))):
            act = QAction(text, self)
            act.setObjectName(f"tool_{tool}")
            act.setCheckable(True)
            act.setShortcut(QKeySequence(key))
            act.setToolTip(f"{tip} ({key})")
            act.triggered.connect(lambda _=False, t=tool: self.set_tool(t))
            group.addAction(act)
            self.toolbar.addAction(act)
            self.tool_actions[tool] = act
        self.toolbar.addSeparator()
        self.colour = QComboBox()
        self.colour.setObjectName("markColour")
        names = {"Red": self.tr("Red"), "Yellow": self.tr("Yellow"), "Green": self.tr("Green"),
                 "Blue": self.tr("Blue"), "White": self.tr("White")}
        for value, name in COLOURS:
            self.colour.addItem(names[name], value)
        self.colour.setToolTip(self.tr("Colour of new rectangles, arrows and text"))
        self.toolbar.addWidget(self.colour)
        self.toolbar.addSeparator()
        self.delete_action = self._action("deleteMark", self.tr("Delete"),
                                          [QKeySequence.StandardKey.Delete, "Backspace"],
                                          self.delete_selected)
        self.undo_action = self.undo_stack.createUndoAction(self, self.tr("Undo"))
        self.undo_action.setShortcut(QKeySequence("Ctrl+Z"))
        self.redo_action = self.undo_stack.createRedoAction(self, self.tr("Redo"))
        self.redo_action.setShortcuts([QKeySequence("Ctrl+Shift+Z"), QKeySequence("Ctrl+Y")])
        for act in (self.undo_action, self.redo_action):
            self.addAction(act)
            self.toolbar.addAction(act)
        self.toolbar.addSeparator()
        for name, text, keys, slot in (
                ("zoomInMarks", self.tr("Zoom in"), ["+", "="], self.view.zoom_in),
                ("zoomOutMarks", self.tr("Zoom out"), ["-"], self.view.zoom_out),
                ("zoomFitMarks", self.tr("Fit"), ["0"], self.view.fit)):
            self._action(name, text, keys, slot)

        self.status = QLabel(self.tr("Loading…"))
        self.buttons = QDialogButtonBox(QDialogButtonBox.StandardButton.Save
                                        | QDialogButtonBox.StandardButton.Cancel)
        self.save_button = self.buttons.button(QDialogButtonBox.StandardButton.Save)
        self.save_button.setText(self.tr("Save (Ctrl+S)"))
        self.save_button.setEnabled(False)
        self.buttons.button(QDialogButtonBox.StandardButton.Cancel).setText(self.tr("Cancel"))
        self.buttons.accepted.connect(self.save)
        self.buttons.rejected.connect(self.reject)
        self._action("saveMarks", self.tr("Save"), ["Ctrl+S", "Ctrl+Return"], self.save,
                     toolbar=False)
        layout = QVBoxLayout(self)
        layout.addWidget(self.toolbar)
        layout.addWidget(self.view, 1)
        layout.addWidget(self.status)
        layout.addWidget(self.buttons)
        resize_within_screen(self, 1100, 760)
        self.set_tool("select")
        self.load()

    def _action(self, name, text, keys, slot, *, toolbar=True) -> QAction:
        act = make_action(self, name, text, list(keys), slot, add_to=self)
        if toolbar:
            self.toolbar.addAction(act)
        return act

    # -- loading ------------------------------------------------------------------------------
    def load(self) -> None:
        self.task = display_task(self.editor.ws, self.photo_id)
        self.task.signals.succeeded.connect(self._loaded)
        self.task.signals.failed.connect(self.status.setText)
        self.task.start()

    def ready(self) -> bool:
        return self.save_button.isEnabled()

    def _loaded(self, image: QImage) -> None:
        self.background.setPixmap(QPixmap.fromImage(image))
        self.size_px = (image.width(), image.height())
        self.scene.setSceneRect(QRectF(0, 0, *self.size_px))
        for mark in self._stored:
            item = make_item(mark, self.size_px)
            self.scene.addItem(item)
            self._shown[item] = to_mark(item, self.size_px)
        self.view.fit()
        self.save_button.setEnabled(True)
        self.status.setText(self.tr("{0} × {1} px — drag to draw with the chosen tool; "
                                    "Delete removes the selected marks")
                            .format(*self.size_px))

    # -- editing ------------------------------------------------------------------------------
    def set_tool(self, tool: str) -> None:
        self.tool_actions[tool].setChecked(True)
        self.view.set_tool(tool)

    def marks(self) -> list:
        return [i for i in self.scene.items() if i.data(MARK_KEY)]

    def _drawn(self, tool: str, start: QPointF, end: QPointF) -> None:
        bounds = self.scene.sceneRect()
        start = QPointF(min(max(start.x(), 0), bounds.width()),
                        min(max(start.y(), 0), bounds.height()))
        end = QPointF(min(max(end.x(), 0), bounds.width()), min(max(end.y(), 0), bounds.height()))
        colour = self.colour.currentData()
        if tool in ("rect", "redact", "blur"):
            rect = QRectF(start, end).normalized()
            if rect.width() < 1 or rect.height() < 1:
                return
            kind = "rect" if tool == "rect" else "redact"
            item = box_item(kind, rect, self.size_px,
                            color=colour if kind == "rect" else "#000000",
                            style="blur" if tool == "blur" else "solid")
            self._add(item, self.tr("Redaction") if kind == "redact" else self.tr("Rectangle"))
        elif tool == "arrow":
            self._add(arrow_item(start, end, self.size_px, color=colour), self.tr("Arrow"))
        elif tool == "text":
            dialog = QInputDialog(self)
            dialog.setObjectName("markTextDialog")
            dialog.setWindowTitle(self.tr("Text label"))
            dialog.setLabelText(self.tr("Label:"))
            dialog.textValueSelected.connect(lambda text: self.add_text(text, start))
            dialog.open()

    def add_text(self, text: str, at: QPointF) -> None:
        if text.strip():
            self._add(text_item(text.strip()[:500], at, self.size_px,
                                color=self.colour.currentData()), self.tr("Text"))

    def _add(self, item, text: str) -> None:
        self.undo_stack.push(AddMarks(self.scene, [item], text))

    def delete_selected(self) -> None:
        items = [i for i in self.scene.selectedItems() if i.data(MARK_KEY)]
        if items:
            self.undo_stack.push(AddMarks(self.scene, items, self.tr("Delete"), remove=True))

    def annotations(self) -> list[dict]:
        """The marks in drawing order (bottom first), as the core stores them."""
        items = sorted(self.marks(), key=lambda i: (i.zValue(), self.scene.items(
            Qt.SortOrder.AscendingOrder).index(i)))
        return [m for m in (to_mark(i, self.size_px) for i in items) if m is not None]

    # -- closing ------------------------------------------------------------------------------
    def unsaved_count(self) -> int:
        """Marks drawn, changed or deleted since the photo was opened (0: nothing to lose)."""
        if not self.ready():
            return 0
        size = self.size_px
        changed = sum(1 for item in self.marks()
                      if item not in self._shown or to_mark(item, size) != self._shown[item])
        return changed + sum(1 for item in self._shown if item.scene() is None)

    def discard(self) -> None:
        """Close without saving and without asking (the marks drawn since opening are lost)."""
        self._discarding = True
        self.reject()

    def reject(self) -> None:
        """Esc, Cancel and the window's close button (QDialog's closeEvent calls this)."""
        count = 0 if self._discarding else self.unsaved_count()
        if not count:
            super().reject()
            return
        if self.discard_question is not None:
            return
        box = QMessageBox(QMessageBox.Icon.Question, self.tr("Unsaved marks"),
                          self.tr("Discard {0} unsaved mark(s)?").format(count),
                          QMessageBox.StandardButton.NoButton, self)
        box.setObjectName("discardMarks")
        box.setInformativeText(self.tr("Drawn, moved or deleted marks that are not saved are "
                                       "lost when the editor closes."))
        discard = box.addButton(self.tr("Discard"), QMessageBox.ButtonRole.DestructiveRole)
        keep = box.addButton(self.tr("Keep editing"), QMessageBox.ButtonRole.RejectRole)
        save = box.addButton(self.tr("Save"), QMessageBox.ButtonRole.AcceptRole)
        box.setDefaultButton(keep)
        box.setEscapeButton(keep)

        def answered(_result: int) -> None:
            self.discard_question = None
            box.deleteLater()
            if box.clickedButton() is discard:
                self._discarding = True
                self.reject()
            elif box.clickedButton() is save:
                self.save()

        box.finished.connect(answered)
        self.discard_question = box
        box.open()

    def save(self) -> None:
        if not self.ready():
            return
        marks = self.annotations()
        if marks == self._stored:
            self.accept()
            return
        done = self.editor.perform_edit(self.tr("Annotate photo"),
                                        self.editor.ws.photos.set_annotations, self.photo_id,
                                        marks)
        if done:
            self.saved.emit(self.photo_id)
            self.accept()
