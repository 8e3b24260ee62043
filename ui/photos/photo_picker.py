"""Picking which of the audit's photos are evidence for one finding (the finding dialog's
"Link existing photos…", Ctrl+L).

Every photo of the audit is shown as its thumbnail (the redacted rendering, loaded in a
worker) with a check box: checked means linked to this finding. Space toggles the current
photo, Enter links what is checked and unlinks what was unchecked, Esc changes nothing. A
photo on another finding says so in its tooltip; checking it moves it here.
"""
from __future__ import annotations

from PySide6.QtCore import QSize, Qt, Signal
from PySide6.QtWidgets import QDialog, QDialogButtonBox, QLabel, QListView, QVBoxLayout

from ui.editor.checklist_model import short_id
from ui.operations.photo import thumbnails_task
from ui.operations.tasks import Task
from ui.photos.photo_model import THUMB, PhotoListModel


class CheckablePhotoModel(PhotoListModel):
    """The strip's photo model with a check box per photo (linked to the finding or not)."""

    def __init__(self, finding_id: str, live_findings: set[str], parent=None):
        super().__init__(parent)
        self.finding_id, self.live = finding_id, live_findings
        self.checked: set[str] = set()

    def set_rows(self, rows: list[dict]) -> None:
        self.checked = {r["id"] for r in rows if r["finding_id"] == self.finding_id}
        super().set_rows(rows)

    def flags(self, index):
        return super().flags(index) | Qt.ItemFlag.ItemIsUserCheckable

    def data(self, index, role=Qt.ItemDataRole.DisplayRole):
        if not index.isValid():
            return None
        row = self.rows[index.row()]
        if role == Qt.ItemDataRole.CheckStateRole:
            return (Qt.CheckState.Checked if row["id"] in self.checked
                    else Qt.CheckState.Unchecked)
        if role == Qt.ItemDataRole.DisplayRole:
            text = row["caption"] or row["filename"] or ""
            return text if len(text) <= 16 else text[:15] + "…"
        if role == Qt.ItemDataRole.ToolTipRole:
            return "\n".join(line for line in (row["caption"] or "", row["filename"] or "",
                                               self.where(row)) if line)
        return super().data(index, role)

    def where(self, row: dict) -> str:
        if row["finding_id"] == self.finding_id:
            return self.tr("On this finding")
        if row["finding_id"] in self.live:       # a deleted finding's photo is free again
            return self.tr("On another finding (checking moves it here)")
        if row["item_id"]:
            return self.tr("On item {0}").format(short_id(row["item_id"]))
        return self.tr("Not linked to an item or a finding")

    def setData(self, index, value, role=Qt.ItemDataRole.EditRole) -> bool:  # noqa: N802
        if role != Qt.ItemDataRole.CheckStateRole or not index.isValid():
            return False
        photo_id = self.rows[index.row()]["id"]
        if Qt.CheckState(value) == Qt.CheckState.Checked:
            self.checked.add(photo_id)
        else:
            self.checked.discard(photo_id)
        self.dataChanged.emit(index, index, [Qt.ItemDataRole.CheckStateRole])
        return True

    def changes(self) -> dict[str, str | None]:
        """photo id → the finding it goes to (this one, or None when unchecked here)."""
        out: dict[str, str | None] = {}
        for row in self.rows:
            now = row["id"] in self.checked
            if now and row["finding_id"] != self.finding_id:
                out[row["id"]] = self.finding_id
            elif not now and row["finding_id"] == self.finding_id:
                out[row["id"]] = None
        return out


class PhotoPicker(QDialog):
    picked = Signal(dict)       # photo id → finding id or None: what to change, when accepted

    def __init__(self, ws, photos: list[dict], finding_id: str, live_findings: set[str],
                 parent=None):
        super().__init__(parent)
        self.setObjectName("photoPicker")
        self.setWindowTitle(self.tr("Link existing photos to the finding"))
        self.model = CheckablePhotoModel(finding_id, live_findings, self)
        self.model.set_rows(photos)
        self.list = QListView()
        self.list.setObjectName("pickerPhotos")
        self.list.setModel(self.model)
        self.list.setViewMode(QListView.ViewMode.IconMode)
        self.list.setMovement(QListView.Movement.Static)
        self.list.setResizeMode(QListView.ResizeMode.Adjust)
        self.list.setIconSize(QSize(THUMB, THUMB))
        self.list.setGridSize(QSize(THUMB + 40, THUMB + 30))
        self.list.setUniformItemSizes(True)
        if photos:
            self.list.setCurrentIndex(self.model.index(0))
        hint = QLabel(self.tr("Checked photos are evidence for this finding. Space checks or "
                              "unchecks the selected photo; Enter saves.")
                      if photos else self.tr("This audit has no photos yet."))
        hint.setWordWrap(True)
        buttons = QDialogButtonBox(QDialogButtonBox.StandardButton.Ok
                                   | QDialogButtonBox.StandardButton.Cancel)
        buttons.button(QDialogButtonBox.StandardButton.Ok).setText(self.tr("Link"))
        buttons.accepted.connect(self.accept)
        buttons.rejected.connect(self.reject)
        layout = QVBoxLayout(self)
        layout.addWidget(self.list, 1)
        layout.addWidget(hint)
        layout.addWidget(buttons)
        self.resize(640, 420)
        self.task: Task | None = None
        if photos:
            self.task = thumbnails_task(ws, photos, THUMB)
            self.task.signals.succeeded.connect(self.model.set_images)
            self.task.start()

    def loaded(self) -> bool:
        return self.task is None or self.task.finished.is_set()

    def accept(self) -> None:
        changes = self.model.changes()
        super().accept()
        if changes:
            self.picked.emit(changes)
