"""Open sync conflicts: a finding field changed both on this device and at HQ since they last
agreed. The user keeps one side per row; the core writes the choice and its audit-log row.

Keep mine: this device's value stays and goes to HQ at the next sync. Keep HQ's: HQ's value
is written here now.
"""
from __future__ import annotations

from PySide6.QtCore import QCoreApplication, Signal
from PySide6.QtGui import QKeySequence
from PySide6.QtWidgets import (QAbstractItemView, QDialog, QDialogButtonBox, QHeaderView,
                               QLabel, QMessageBox, QTableWidget, QTableWidgetItem,
                               QVBoxLayout)

from sva.errors import SvaError
from sva.sync import conflicts
from sva.workspace import Workspace
from ui.operations.hub import hub_of
from ui.core_messages import message_of
from ui.sync.common import MessageLine
from ui.vocabulary import finding_status_label, supplier_name


def field_label(name: str) -> str:
    return {"status": QCoreApplication.translate("ConflictsDialog", "Status"),
            "root_cause": QCoreApplication.translate("ConflictsDialog", "Root cause"),
            "corrective_action": QCoreApplication.translate("ConflictsDialog",
                                                            "Corrective action"),
            "preventive_action": QCoreApplication.translate("ConflictsDialog",
                                                            "Preventive action"),
            "responsible": QCoreApplication.translate("ConflictsDialog", "Responsible"),
            "planned_date": QCoreApplication.translate("ConflictsDialog", "Planned date"),
            "supplier_comment": QCoreApplication.translate("ConflictsDialog",
                                                           "Supplier comment"),
            "containment": QCoreApplication.translate("ConflictsDialog",
                                                      "Containment (immediate action)"),
            "completion_evidence": QCoreApplication.translate("ConflictsDialog",
                                                              "Evidence of completion"),
            "position": QCoreApplication.translate("ConflictsDialog", "Agree / dispute"),
            "position_comment": QCoreApplication.translate("ConflictsDialog",
                                                           "Comment on agree / dispute"),
            }.get(name, name)


def value_text(field: str, value) -> str:
    if value is None or value == "":
        return QCoreApplication.translate("ConflictsDialog", "(empty)")
    return finding_status_label(value) if field == "status" else str(value)


class ConflictsDialog(QDialog):
    resolved = Signal(str, str)          # audit id, 'mine' | 'theirs'

    COLUMNS = ("supplier", "finding", "field", "base", "mine", "theirs")

    def __init__(self, ws: Workspace, parent=None):
        super().__init__(parent)
        self.setObjectName("conflictsDialog")
        self.setWindowTitle(self.tr("Sync conflicts"))
        self.ws = ws
        self.rows: list[dict] = []
        intro = QLabel(self.tr(
            "These finding fields were changed both on this device and at HQ since they last "
            "agreed. Choose which value to keep for each: “Keep mine” sends this device's "
            "value to HQ at the next sync; “Keep HQ's” takes HQ's value now. Each choice is "
            "written to the audit log."))
        intro.setWordWrap(True)
        self.table = QTableWidget(0, len(self.COLUMNS))
        self.table.setObjectName("conflictsTable")
        self.table.setHorizontalHeaderLabels([
            self.tr("Supplier"), self.tr("Finding"), self.tr("Field"),
            self.tr("Agreed before"), self.tr("On this device (mine)"), self.tr("At HQ")])
        self.table.setSelectionBehavior(QAbstractItemView.SelectionBehavior.SelectRows)
        self.table.setSelectionMode(QAbstractItemView.SelectionMode.ExtendedSelection)
        self.table.setEditTriggers(QAbstractItemView.EditTrigger.NoEditTriggers)
        self.table.setWordWrap(True)
        self.table.verticalHeader().hide()
        header = self.table.horizontalHeader()
        header.setSectionResizeMode(QHeaderView.ResizeMode.Interactive)
        header.setStretchLastSection(True)
        self.table.itemSelectionChanged.connect(self._selection_changed)
        self.empty = QLabel(self.tr("No open conflicts."))
        self.empty.setObjectName("conflictsEmpty")
        self.message = MessageLine()
        self.message.setObjectName("conflictsMessage")

        self.buttons = QDialogButtonBox()
        self.mine_button = self.buttons.addButton(self.tr("Keep &mine"),
                                                  QDialogButtonBox.ButtonRole.ActionRole)
        self.mine_button.setObjectName("keepMine")
        self.mine_button.setShortcut(QKeySequence("Ctrl+M"))
        self.mine_button.setToolTip(self.tr("This device's value stays and goes to HQ at the "
                                            "next sync (Ctrl+M)"))
        self.theirs_button = self.buttons.addButton(self.tr("Keep &HQ's"),
                                                    QDialogButtonBox.ButtonRole.ActionRole)
        self.theirs_button.setObjectName("keepTheirs")
        self.theirs_button.setShortcut(QKeySequence("Ctrl+H"))
        self.theirs_button.setToolTip(self.tr("HQ's value is written on this device now "
                                              "(Ctrl+H)"))
        close = self.buttons.addButton(self.tr("Close"), QDialogButtonBox.ButtonRole.RejectRole)
        close.clicked.connect(self.reject)
        self.mine_button.clicked.connect(lambda: self.keep("mine"))
        self.theirs_button.clicked.connect(lambda: self.keep("theirs"))

        layout = QVBoxLayout(self)
        layout.addWidget(intro)
        layout.addWidget(self.table, 1)
        layout.addWidget(self.empty)
        layout.addWidget(self.message)
        layout.addWidget(self.buttons)
        self.resize(980, 420)
        self.reload()

    def reload(self) -> None:
        self.rows = conflicts.open_conflicts(self.ws)
        self.table.setRowCount(len(self.rows))
        for n, c in enumerate(self.rows):
            finding = self.ws.findings.get("findings", c["finding_id"], include_deleted=True)
            # what was found, which the auditor recognises; the requirement in the tooltip
            what = finding.get("observed") or finding.get("requirement") or c["finding_id"]
            if finding.get("item_id"):
                what = f"{finding['item_id']} — {what}"
            name = supplier_name(c.get("supplier_name_en"), c.get("supplier_name_ja"))
            cells = (f"{c['supplier_code']} {name}".strip(), what, field_label(c["field"]),
                     value_text(c["field"], c["base"]), value_text(c["field"], c["mine"]),
                     value_text(c["field"], c["theirs"]))
            for col, text in enumerate(cells):
                item = QTableWidgetItem(text)
                item.setToolTip(text if col != 1 else "\n\n".join(
                    t for t in (text, finding.get("requirement") or "") if t))
                self.table.setItem(n, col, item)
        self.table.resizeColumnsToContents()
        for col, cap in ((1, 300), (3, 160), (4, 180)):
            self.table.setColumnWidth(col, min(self.table.columnWidth(col), cap))
        self.table.resizeRowsToContents()
        self.empty.setVisible(not self.rows)
        self.table.setVisible(bool(self.rows))
        if self.rows and not self.table.selectedItems():
            self.table.selectRow(0)
        self._selection_changed()

    def _selected(self) -> list[dict]:
        rows = sorted({index.row() for index in self.table.selectionModel().selectedRows()})
        return [self.rows[r] for r in rows if r < len(self.rows)]

    def _selection_changed(self) -> None:
        chosen = bool(self._selected())
        self.mine_button.setEnabled(chosen)
        self.theirs_button.setEnabled(chosen)

    def keep(self, side: str) -> int:
        """Resolve the selected rows; returns how many were resolved."""
        done = 0
        for c in self._selected():
            try:     # an operation, not undoable: HQ's side is part of it
                hub_of(self.ws).perform(None, conflicts.resolve, self.ws, c["id"], side,
                                        initiator=self, undoable=False)
            except SvaError as exc:
                QMessageBox.warning(self, self.tr("Not resolved"), message_of(exc))
                break
            done += 1
            self.resolved.emit(c["audit_id"], side)
        if done:
            self.message.set("ok", (self.tr("Kept this device's value for {0} field(s); it "
                                            "goes to HQ at the next sync.")
                                    if side == "mine" else
                                    self.tr("Took HQ's value for {0} field(s).")).format(done))
        self.reload()
        return done
