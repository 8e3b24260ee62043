"""Ask why a signed audit is being changed (the amendment reason goes into the history)."""
from __future__ import annotations

from PySide6.QtCore import QCoreApplication
from PySide6.QtWidgets import QInputDialog, QLineEdit, QWidget


def _tr(text: str) -> str:
    return QCoreApplication.translate("", text)  # the context lupdate gives `_tr` calls


def ask_amendment_reason(parent: QWidget | None) -> str | None:
    """The reason, or None when the auditor cancels or gives none (nothing then changes)."""
    text, ok = QInputDialog.getText(
        parent, _tr("Amend a signed audit"),
        _tr("This audit is signed and locked. Changes are recorded as amendments.\n"
            "Why does it need to change?"), QLineEdit.EchoMode.Normal, "")
    text = (text or "").strip()
    return text if ok and text else None
