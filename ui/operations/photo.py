"""Photo work off the UI thread: import files or pasted bytes, load thumbnails, render.

The decoding, checking and drawing happen in the pool thread; what reaches the store (a
photo row, a read) goes through the workspace's store worker, like every other access, so a
long import never races an edit made meanwhile. An import is one operation (one undo step);
its Changes are on the task when it ends. Results come back as plain data and QImage (safe
to build in a worker, unlike QPixmap).
"""
from __future__ import annotations

from PySide6.QtCore import QBuffer, QIODevice, Qt
from PySide6.QtGui import QImage

from collections.abc import Callable

from sva.domain import operations
from sva.errors import SvaError
from sva.photos import AddResult
from sva.workspace import Workspace
from ui.operations.tasks import Task, operation_task

_KEEP = Qt.AspectRatioMode.KeepAspectRatio
_SMOOTH = Qt.TransformationMode.SmoothTransformation


LabelOf = Callable[[AddResult], str]


def _labelled(result: AddResult, label_of: LabelOf | None) -> AddResult:
    """The undo step says what the import did (added, or only linked photos it held)."""
    if label_of is not None:
        operations.current().label = label_of(result)
    return result


def add_files_task(ws: Workspace, audit_id: str, paths: list[str], *,
                   finding_id: str | None = None, item_id: str | None = None,
                   reason: str | None = None, label: str | None = None,
                   label_of: LabelOf | None = None) -> Task:
    """Add image files in one transaction; refused files are returned, valid ones kept.

    A cancel raises at the next file; the core then removes every staged file and no row is
    written, so nothing of a cancelled import remains. `label`: the undo text (`label_of`
    words it from the result once it is known).
    """
    def work(progress) -> AddResult:
        return _labelled(ws.photos.add_files(
            audit_id, list(paths), finding_id=finding_id, item_id=item_id, keep_valid=True,
            progress=progress, reason=reason), label_of)
    return operation_task(ws, label, work)


def image_bytes(image: QImage) -> bytes:
    """PNG bytes of an image (lossless: a pasted screenshot keeps its text readable)."""
    buffer = QBuffer()
    buffer.open(QIODevice.OpenModeFlag.WriteOnly)
    if not image.save(buffer, "PNG"):
        raise ValueError("the image could not be encoded")
    return bytes(buffer.data())


def add_bytes_task(ws: Workspace, audit_id: str, items: list[tuple[str, bytes | QImage]], *,
                   finding_id: str | None = None, item_id: str | None = None,
                   reason: str | None = None, label: str | None = None,
                   label_of: LabelOf | None = None) -> Task:
    """Add images that came as data (clipboard, camera, dragged from a browser), in one
    transaction; an image the audit already holds is linked where it was added."""
    def work(progress) -> AddResult:
        images = [(name, image_bytes(data) if isinstance(data, QImage) else data)
                  for name, data in items]
        return _labelled(ws.photos.add_images(
            audit_id, images, finding_id=finding_id, item_id=item_id, progress=progress,
            reason=reason), label_of)
    return operation_task(ws, label, work)


def thumbnails_task(ws: Workspace, rows: list[dict], side: int) -> Task:
    """QImages of the photos' thumbnails as shown: with their marks drawn and redactions
    painted over (made here, off the UI thread, when the marks changed). A photo whose file
    is missing gets a null image."""
    def work(progress) -> dict[str, QImage]:
        images: dict[str, QImage] = {}
        for done, row in enumerate(rows, start=1):
            try:
                image = QImage.fromData(ws.photos.thumbnail(row))
            except (SvaError, OSError):      # a missing file: the tile stays blank
                image = QImage()
            if not image.isNull() and max(image.width(), image.height()) > side:
                image = image.scaled(side, side, aspectMode=_KEEP, mode=_SMOOTH)
            images[row["id"]] = image
            progress(done, len(rows))
        return images
    return Task(work)


def render_task(ws: Workspace, photo_id: str, *, redacted: bool = True) -> Task:
    """The photo with its marks drawn, as a QImage (viewer)."""
    def work(progress) -> QImage:
        data = ws.photos.render(photo_id, redacted=redacted)
        progress(1, 1)
        image = QImage()
        image.loadFromData(data, "JPEG")
        return image
    return Task(work)


def display_task(ws: Workspace, photo_id: str) -> Task:
    """The upright display copy without marks, as a QImage (annotation editor)."""
    def work(progress) -> QImage:
        data = ws.photos.display(photo_id)       # opened with the folder's key if sealed
        progress(1, 1)
        return QImage.fromData(data)
    return Task(work)


