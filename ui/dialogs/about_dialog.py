"""Help → About SVA (F1): versions, the data folder, its schema version, encryption, the
keyring in use and the log folder — what a support request needs, with a Copy button."""
from __future__ import annotations

from PySide6.QtCore import Qt
from PySide6.QtGui import QGuiApplication
from PySide6.QtWidgets import (QDialog, QDialogButtonBox, QFormLayout, QLabel, QMessageBox,
                               QVBoxLayout)

from sva.diagnostics import facts, keyring_backend
from ui.diagnostics import open_log_folder, qt_versions
from ui.operations.tasks import Task


class AboutDialog(QDialog):
    def __init__(self, ws, parent=None, *, folder=None):
        """`ws` the open workspace (None before one is open: then `folder`)."""
        super().__init__(parent)
        self.setObjectName("aboutDialog")
        self.setAttribute(Qt.WidgetAttribute.WA_DeleteOnClose)
        self.setWindowTitle(self.tr("About SVA"))
        self.facts = found = facts(ws, folder, keyring=False)
        heading = QLabel(self.tr("<h3>SVA — Supplier Visit Audits</h3>"
                                 "<p>Offline supplier audits (SVR and information security) "
                                 "for auditors, synced to HQ.</p>"))
        heading.setWordWrap(True)
        schema = (self.tr("{0} (this app: {1})").format(found.schema_version,
                                                        found.schema_expected)
                  if found.schema_version is not None else self.tr("no database open"))
        self.rows: dict[str, QLabel] = {}
        form = QFormLayout()
        for key, label, value in (
                ("sva", self.tr("SVA version:"),
                 found.sva + (self.tr(" (installed build)") if found.frozen else "")),
                ("python", self.tr("Python:"), found.python),
                ("qt", self.tr("Qt:"), qt_versions()),
                ("sqlite", self.tr("SQLite:"), found.sqlite),
                ("system", self.tr("Operating system:"), found.system),
                ("data_folder", self.tr("Data folder:"), str(found.data_folder)),
                ("schema", self.tr("Database schema:"), schema),
                ("encryption", self.tr("Encryption:"),
                 self.tr("On") if found.encrypted else self.tr("Off")),
                ("keyring", self.tr("Keyring:"), self.tr("checking…")),
                ("logs", self.tr("Log folder:"), str(found.log_folder))):
            value_label = QLabel(value)
            value_label.setObjectName(f"about_{key}")
            value_label.setTextInteractionFlags(Qt.TextInteractionFlag.TextSelectableByMouse
                                                | Qt.TextInteractionFlag.TextSelectableByKeyboard)
            value_label.setWordWrap(True)
            form.addRow(label, value_label)
            self.rows[key] = value_label
        buttons = QDialogButtonBox()
        self.copy_button = buttons.addButton(self.tr("&Copy details"),
                                             QDialogButtonBox.ButtonRole.ActionRole)
        self.copy_button.clicked.connect(self.copy_details)
        self.logs_button = buttons.addButton(self.tr("Open &log folder"),
                                             QDialogButtonBox.ButtonRole.ActionRole)
        self.logs_button.clicked.connect(self.open_logs)
        close = buttons.addButton(self.tr("Close"), QDialogButtonBox.ButtonRole.RejectRole)
        close.setDefault(True)
        buttons.rejected.connect(self.reject)
        layout = QVBoxLayout(self)
        layout.addWidget(heading)
        layout.addLayout(form)
        layout.addWidget(buttons)
        self.resize(560, self.sizeHint().height())
        # Asking the OS keyring may wait on D-Bus: off the UI thread.
        self.keyring_task = Task(lambda _progress: keyring_backend())
        self.keyring_task.signals.succeeded.connect(self._keyring_found)
        self.keyring_task.start()

    def _keyring_found(self, result) -> None:
        name, usable = result
        self.rows["keyring"].setText(
            name if usable else self.tr("{0} — not safe for secrets; sync needs a desktop "
                                        "keyring").format(name))

    def details(self) -> str:
        """The facts as plain text lines, for a support request."""
        form = self.layout().itemAt(1).layout()
        lines = []
        for row in range(form.rowCount()):
            label = form.itemAt(row, QFormLayout.ItemRole.LabelRole).widget().text()
            value = form.itemAt(row, QFormLayout.ItemRole.FieldRole).widget().text()
            lines.append(f"{label} {value}")
        return "\n".join(lines)

    def copy_details(self) -> None:
        QGuiApplication.clipboard().setText(self.details())

    def open_logs(self) -> None:
        show_log_folder(self, self.facts.data_folder)


def show_log_folder(parent, folder) -> None:
    """Help → Open log folder: the file manager on logs/, else a message naming it."""
    opened, logs = open_log_folder(folder)
    if not opened:
        QMessageBox.information(parent, AboutDialog.tr("Log folder"),
                                AboutDialog.tr("The log files are in:\n{0}").format(logs))
