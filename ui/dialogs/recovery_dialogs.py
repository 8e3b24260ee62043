"""The recovery key of an encrypted data folder: shown once when the folder is created (with
Copy and Print), and asked for when this computer's keyring has no key for the folder.

The key is never written to settings or logs; the dialog that shows it clears its text when
it closes. Checking a typed key takes ~60 ms (scrypt, sva/atrest/recovery.py).
"""
from __future__ import annotations

from PySide6.QtCore import Qt
from PySide6.QtGui import QFont, QGuiApplication, QKeySequence, QShortcut, QTextDocument
from PySide6.QtWidgets import (QDialog, QDialogButtonBox, QLabel, QLineEdit, QPushButton,
                               QVBoxLayout, QWidget)


class RecoveryKeyDialog(QDialog):
    """Shows a new folder's recovery key once: Copy (Ctrl+C), Print (Ctrl+P), Done."""

    def __init__(self, key: str, folder: str, parent: QWidget | None = None):
        super().__init__(parent)
        self.setObjectName("recoveryKeyDialog")
        self.setWindowTitle(self.tr("Recovery key of this data folder"))
        self._key, self._folder = key, folder
        intro = QLabel(self.tr(
            "This data folder is encrypted. Its recovery key is shown only now:"))
        intro.setWordWrap(True)
        self.key_label = QLabel(key)
        self.key_label.setObjectName("recoveryKey")
        font = QFont("monospace")
        font.setStyleHint(QFont.StyleHint.Monospace)
        font.setPointSize(font.pointSize() + 4)
        self.key_label.setFont(font)
        self.key_label.setTextInteractionFlags(Qt.TextInteractionFlag.TextSelectableByMouse)
        advice = QLabel(self.tr(
            "Write it down or print it, and keep it apart from this computer. It opens the "
            "data on a new computer or when this computer's keyring lost its key. SVA does "
            "not keep it anywhere."))
        advice.setWordWrap(True)
        self.copy_button = QPushButton(self.tr("&Copy"))
        self.copy_button.setObjectName("copyRecoveryKey")
        self.print_button = QPushButton(self.tr("&Print…"))
        self.print_button.setObjectName("printRecoveryKey")
        buttons = QDialogButtonBox()
        buttons.addButton(self.copy_button, QDialogButtonBox.ButtonRole.ActionRole)
        buttons.addButton(self.print_button, QDialogButtonBox.ButtonRole.ActionRole)
        done = buttons.addButton(self.tr("I have written it down"),
                                 QDialogButtonBox.ButtonRole.AcceptRole)
        done.setDefault(True)
        buttons.accepted.connect(self.accept)
        self.copy_button.clicked.connect(self.copy)
        self.print_button.clicked.connect(self.print_key)
        QShortcut(QKeySequence.StandardKey.Copy, self, self.copy)
        QShortcut(QKeySequence.StandardKey.Print, self, self.print_key)
        layout = QVBoxLayout(self)
        for widget in (intro, self.key_label, advice, buttons):
            layout.addWidget(widget)
        self.setMinimumWidth(520)

    def copy(self) -> None:
        QGuiApplication.clipboard().setText(self._key)

    def document(self) -> QTextDocument:
        doc = QTextDocument()
        doc.setPlainText(self.tr("SVA recovery key\n\nData folder: {0}\n\n{1}\n\nKeep this "
                                 "sheet apart from the computer.").format(self._folder,
                                                                          self._key))
        return doc

    def print_key(self, printer=None) -> None:
        """The print dialog, then one page with the key (`printer`: tests print to PDF)."""
        from PySide6.QtPrintSupport import QPrintDialog, QPrinter
        if printer is None:
            printer = QPrinter(QPrinter.PrinterMode.HighResolution)
            if QPrintDialog(printer, self).exec() != QDialog.DialogCode.Accepted:
                return
        self.document().print_(printer)

    def done(self, result: int) -> None:
        self.key_label.clear()
        self._key = ""
        super().done(result)


class UnlockDialog(QDialog):
    """The folder is encrypted and the keyring has no key: enter the recovery key, or go and
    restore a backup (`restore_chosen`)."""

    RESTORE = 2

    def __init__(self, folder: str, parent: QWidget | None = None):
        super().__init__(parent)
        self.setObjectName("unlockDialog")
        self.setWindowTitle(self.tr("Encrypted data folder"))
        self._folder = folder
        text = QLabel(self.tr(
            "The data folder {0} is encrypted, and this computer's keyring holds no key for "
            "it (a new computer, or the keyring was reset). Enter its recovery key to open "
            "it, or restore a backup. Nothing was changed.").format(folder))
        text.setWordWrap(True)
        self.field = QLineEdit()
        self.field.setObjectName("recoveryKeyEdit")
        self.field.setPlaceholderText("XXXXX-XXXXX-XXXXX-XXXXX-XXXXX-XXXXX-XXXXX-XXXXX")
        label = QLabel(self.tr("&Recovery key:"))
        label.setBuddy(self.field)
        self.error = QLabel()
        self.error.setObjectName("unlockError")
        self.error.setWordWrap(True)
        self.error.setStyleSheet("color: #a00000;")
        self.error.hide()
        buttons = QDialogButtonBox()
        self.unlock_button = buttons.addButton(self.tr("&Unlock"),
                                               QDialogButtonBox.ButtonRole.AcceptRole)
        self.restore_button = buttons.addButton(self.tr("Restore a &backup…"),
                                                QDialogButtonBox.ButtonRole.ActionRole)
        buttons.addButton(QDialogButtonBox.StandardButton.Cancel).setText(self.tr("Quit"))
        self.unlock_button.setDefault(True)
        buttons.accepted.connect(self.unlock)
        buttons.rejected.connect(self.reject)
        self.restore_button.clicked.connect(lambda: self.done(self.RESTORE))
        layout = QVBoxLayout(self)
        for widget in (text, label, self.field, self.error, buttons):
            layout.addWidget(widget)
        self.setMinimumWidth(560)

    def unlock(self) -> None:
        """Check the typed key and keep the folder's key in the keyring; a wrong one is said
        under the field, nothing changed."""
        from sva.atrest import keys
        from sva.errors import SvaError

        from ui.core_messages import message_of
        try:
            keys.unlock(self._folder, self.field.text())
        except SvaError as exc:
            self.error.setText(message_of(exc))
            self.error.show()
            self.field.selectAll()
            return
        self.field.clear()
        self.accept()
