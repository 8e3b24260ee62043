"""Ask for a reason that goes into the audit history: why a signed audit is being changed
(the amendment reason), or why a nonconformity needs no finding.

The OK button stays disabled while the reason is empty, and a line under the field says why,
so an empty reason never silently does nothing.
"""
from __future__ import annotations

from PySide6.QtCore import QCoreApplication, Qt
from PySide6.QtWidgets import (QDialog, QDialogButtonBox, QLabel, QLineEdit, QVBoxLayout,
                               QWidget)


def _tr(text: str) -> str:
    return QCoreApplication.translate("", text)  # the context lupdate gives `_tr` calls


class ReasonDialog(QDialog):
    def __init__(self, *, title: str, prompt: str, ok_text: str, empty_hint: str,
                 text: str = "", parent: QWidget | None = None):
        super().__init__(parent)
        self.setObjectName("reasonDialog")
        self.setWindowTitle(title)
        label = QLabel(prompt)
        label.setWordWrap(True)
        self.field = QLineEdit(text)
        self.field.setObjectName("reasonEdit")
        label.setBuddy(self.field)
        self.hint = QLabel(empty_hint)
        self.hint.setObjectName("reasonHint")
        self.hint.setWordWrap(True)
        self.hint.setStyleSheet("color: #8a5a00;")
        self.buttons = QDialogButtonBox(QDialogButtonBox.StandardButton.Ok
                                        | QDialogButtonBox.StandardButton.Cancel)
        self.ok_button = self.buttons.button(QDialogButtonBox.StandardButton.Ok)
        self.ok_button.setText(ok_text)
        self.buttons.button(QDialogButtonBox.StandardButton.Cancel).setText(_tr("Cancel"))
        self.buttons.accepted.connect(self.accept)
        self.buttons.rejected.connect(self.reject)
        self.field.textChanged.connect(self._update)
        layout = QVBoxLayout(self)
        layout.addWidget(label)
        layout.addWidget(self.field)
        layout.addWidget(self.hint)
        layout.addWidget(self.buttons)
        self.setMinimumWidth(460)
        self._update()
        self.field.setFocus(Qt.FocusReason.OtherFocusReason)

    def reason(self) -> str:
        return self.field.text().strip()

    def _update(self) -> None:
        empty = not self.reason()
        self.ok_button.setEnabled(not empty)
        self.hint.setVisible(empty)

    def accept(self) -> None:
        if self.reason():        # Enter in the field with nothing typed: stay, the hint says why
            super().accept()


def amendment_dialog(parent: QWidget | None) -> ReasonDialog:
    return ReasonDialog(
        title=_tr("Amend a signed audit"),
        prompt=_tr("This audit is signed and locked. Changes are recorded as amendments.\n"
                   "Why does it need to change?"),
        ok_text=_tr("Amend"),
        empty_hint=_tr("Write the reason to continue: it is stored with every change in the "
                       "audit history."),
        parent=parent)


def ask_amendment_reason(parent: QWidget | None) -> str | None:
    """The reason, or None when the auditor cancels (nothing then changes)."""
    dialog = amendment_dialog(parent)
    return dialog.reason() if dialog.exec() == QDialog.DialogCode.Accepted else None


def no_finding_dialog(item_label: str, text: str = "",
                      parent: QWidget | None = None) -> ReasonDialog:
    return ReasonDialog(
        title=_tr("No finding needed"),
        prompt=_tr("{0}\nis answered as not conforming. Why is no finding needed? The reason "
                   "is printed next to the item in the supplier's report.").format(item_label),
        ok_text=_tr("Save reason"),
        empty_hint=_tr("Write the reason to continue, or cancel and create a finding instead."),
        text=text, parent=parent)
