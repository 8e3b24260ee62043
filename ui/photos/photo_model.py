"""The photos of a strip (or of the finding dialog's picker) as a list model: caption,
thumbnail (filled in by a worker; a grey tile until then) and a tooltip."""
from __future__ import annotations

from PySide6.QtCore import QAbstractListModel, QModelIndex, Qt
from PySide6.QtGui import QColor, QIcon, QImage, QPixmap

THUMB = 80
PHOTO_ID_ROLE = Qt.ItemDataRole.UserRole + 1


class PhotoListModel(QAbstractListModel):
    def __init__(self, parent=None):
        super().__init__(parent)
        self.rows: list[dict] = []
        self.pixmaps: dict[str, QPixmap] = {}
        self.blank = QPixmap(THUMB, THUMB * 3 // 4)
        self.blank.fill(QColor("#d0d0d0"))
        self.placeholder = QIcon(self.blank)

    def set_rows(self, rows: list[dict]) -> None:
        self.beginResetModel()
        self.rows = list(rows)
        self.endResetModel()

    def set_images(self, images: dict[str, QImage]) -> None:
        """Thumbnails by photo id; a null image (file missing) keeps the grey tile and is
        not asked for again until the photo changes."""
        for photo_id, image in images.items():
            self.pixmaps[photo_id] = (self.blank if image.isNull()
                                      else QPixmap.fromImage(image))
        if self.rows:
            self.dataChanged.emit(self.index(0), self.index(len(self.rows) - 1),
                                  [Qt.ItemDataRole.DecorationRole])

    def missing(self) -> list[dict]:
        return [r for r in self.rows if r["id"] not in self.pixmaps]

    def rowCount(self, parent=QModelIndex()) -> int:  # noqa: N802 (Qt name)
        return 0 if parent.isValid() else len(self.rows)

    def data(self, index, role=Qt.ItemDataRole.DisplayRole):
        if not index.isValid():
            return None
        row = self.rows[index.row()]
        if role == Qt.ItemDataRole.DisplayRole:
            caption = row["caption"] or ""
            return caption if len(caption) <= 16 else caption[:15] + "…"
        if role == Qt.ItemDataRole.DecorationRole:
            pixmap = self.pixmaps.get(row["id"])
            return QIcon(pixmap) if pixmap is not None else self.placeholder
        if role == Qt.ItemDataRole.ToolTipRole:
            marks = row["annotations"] not in (None, "", "[]")
            lines = [row["caption"] or "", row["filename"] or "",
                     f"{row['width']}×{row['height']}", row["captured_at"] or "",
                     self.tr("annotated") if marks else ""]
            return "\n".join(line for line in lines if line)
        if role == PHOTO_ID_ROLE:
            return row["id"]
        return None
