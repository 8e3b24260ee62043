"""Choosing one of the audit's findings, to link a photo to it (the strip's L key).

The findings are listed as the findings table sorts them (severity, then area), each with
its severity, area, item and what was seen; the photo's current finding, else the first
finding of the photo's item, is preselected. Enter links, Esc cancels.
"""
from __future__ import annotations

from PySide6.QtCore import Qt, Signal
from PySide6.QtWidgets import (QDialog, QDialogButtonBox, QLabel, QListWidget, QListWidgetItem,
                               QVBoxLayout)

from ui.editor.checklist_model import short_id
from sva.vocabulary import AREAS, SEVERITIES
from ui.vocabulary import severity_label
from ui.widgets.answer_icons import answer_icon

FINDING_ID_ROLE = Qt.ItemDataRole.UserRole + 1


def finding_order(finding: dict) -> tuple:
    return (SEVERITIES.index(finding["severity"]) if finding["severity"] in SEVERITIES else 9,
            AREAS.index(finding["area"]) if finding["area"] in AREAS else 9,
            finding["created_at"], finding["id"])


def finding_label(finding: dict) -> str:
    """'Minor · ISEC · ISEC-03 — Drawings without a confidential label' on one line."""
    seen = " ".join((finding["observed"] or finding["requirement"] or "").split())
    if len(seen) > 90:
        seen = seen[:89] + "…"
    item = short_id(finding["item_id"]) if finding["item_id"] else "—"
    return f"{severity_label(finding['severity'])} · {finding['area']} · {item} — {seen}"


class FindingChooser(QDialog):
    chosen = Signal(str)        # the finding id, when accepted

    def __init__(self, findings: list[dict], *, current: str | None = None,
                 item_id: str | None = None, parent=None):
        super().__init__(parent)
        self.setObjectName("findingChooser")
        self.setWindowTitle(self.tr("Link photo to finding"))
        self.list = QListWidget()
        self.list.setObjectName("findingChoices")
        self.list.setHorizontalScrollBarPolicy(Qt.ScrollBarPolicy.ScrollBarAlwaysOff)
        self.list.setTextElideMode(Qt.TextElideMode.ElideRight)   # the tooltip has it all
        findings = sorted(findings, key=finding_order)
        selected = 0
        for row, finding in enumerate(findings):
            entry = QListWidgetItem(answer_icon(finding["severity"]), finding_label(finding))
            entry.setData(FINDING_ID_ROLE, finding["id"])
            entry.setToolTip(finding["observed"] or finding["requirement"] or "")
            self.list.addItem(entry)
            if finding["id"] == current or (not current and item_id and selected == 0
                                             and finding["item_id"] == item_id):
                selected = row
        self.list.setCurrentRow(selected)
        self.list.itemActivated.connect(lambda _item: self.accept())
        hint = QLabel(self.tr("The photo becomes evidence for the chosen finding (in its "
                              "report block); it stays on its checklist item."))
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
        self.resize(620, 320)

    def finding_id(self) -> str:
        entry = self.list.currentItem()
        return entry.data(FINDING_ID_ROLE) if entry is not None else ""

    def accept(self) -> None:
        finding_id = self.finding_id()
        super().accept()
        if finding_id:
            self.chosen.emit(finding_id)
