"""Sign a completed audit: the auditor and the supplier's representative, each with name,
role, organisation and a hand-drawn signature. The first signature locks the audit.

"Sign and lock" stays disabled until all eight parts are there; the line beside it names the
parts still missing, so nobody has to guess why the button does not react.
"""
from __future__ import annotations

from PySide6.QtCore import QLocale, Qt
from PySide6.QtWidgets import (QCompleter, QDialog, QDialogButtonBox, QFormLayout, QGroupBox,
                               QHBoxLayout, QLabel, QLineEdit, QPushButton, QVBoxLayout, QWidget)

from ui.widgets.signature_pad import SignaturePad


class SignerBox(QGroupBox):
    def __init__(self, title: str, *, name: str = "", role: str = "", organisation: str = "",
                 object_name: str, parent: QWidget | None = None):
        super().__init__(title, parent)
        self.setObjectName(object_name)
        self.name = QLineEdit(name)
        self.role = QLineEdit(role)
        # The vocabulary's roles (SIGNATORY_ROLES) in both languages: a role chosen from
        # them prints in the report's language; any other role is kept as typed.
        from sva.reports.i18n import role_labels
        roles = QCompleter(role_labels(), self.role)
        roles.setCaseSensitivity(Qt.CaseSensitivity.CaseInsensitive)
        roles.setFilterMode(Qt.MatchFlag.MatchContains)
        self.role.setCompleter(roles)
        self.organisation = QLineEdit(organisation)
        for field, key in ((self.name, "Name"), (self.role, "Role"),
                           (self.organisation, "Organisation")):
            field.setObjectName(f"{object_name}{key}")
        self.pad = SignaturePad()
        self.pad.setObjectName(f"{object_name}Pad")
        self.clear_button = QPushButton(self.tr("Clear signature"))
        self.clear_button.clicked.connect(self.pad.clear)
        form = QFormLayout()
        form.addRow(self.tr("Name:"), self.name)
        form.addRow(self.tr("Role:"), self.role)
        form.addRow(self.tr("Organisation:"), self.organisation)
        layout = QVBoxLayout(self)
        layout.addLayout(form)
        layout.addWidget(self.pad, 1)
        layout.addWidget(self.clear_button, 0, Qt.AlignmentFlag.AlignRight)

    def missing(self) -> list[str]:
        """The parts not filled in yet: 'name', 'role', 'organisation', 'signature'."""
        parts = [part for part, field in (("name", self.name), ("role", self.role),
                                          ("organisation", self.organisation))
                 if not field.text().strip()]
        return parts + (["signature"] if self.pad.is_empty() else [])

    def is_complete(self) -> bool:
        return not self.missing()

    def signature(self) -> dict:
        return {"signer_name": self.name.text().strip(), "role": self.role.text().strip(),
                "organisation": self.organisation.text().strip(),
                "image_png": self.pad.png_bytes()}


class SignDialog(QDialog):
    def __init__(self, *, auditor: dict, supplier: dict, summary: str, parent=None):
        super().__init__(parent)
        self.setObjectName("signDialog")
        self.setWindowTitle(self.tr("Sign the audit"))
        intro = QLabel(summary + "<br>" + self.tr(
            "After signing, the audit is read-only; later changes are amendments with a reason."))
        intro.setWordWrap(True)
        self.auditor = SignerBox(self.tr("Auditor"), object_name="auditor",
                                 role=self.tr("Auditor"), **auditor)
        self.supplier = SignerBox(self.tr("Supplier representative"), object_name="supplier",
                                  **supplier)
        boxes = QHBoxLayout()
        boxes.addWidget(self.auditor)
        boxes.addWidget(self.supplier)
        self.buttons = QDialogButtonBox(QDialogButtonBox.StandardButton.Ok
                                        | QDialogButtonBox.StandardButton.Cancel)
        self.sign_button = self.buttons.button(QDialogButtonBox.StandardButton.Ok)
        self.sign_button.setText(self.tr("Sign and lock"))
        self.buttons.button(QDialogButtonBox.StandardButton.Cancel).setText(self.tr("Cancel"))
        self.buttons.accepted.connect(self.accept)
        self.buttons.rejected.connect(self.reject)
        self.still_needed = QLabel()
        self.still_needed.setObjectName("stillNeeded")
        self.still_needed.setWordWrap(True)
        bottom = QHBoxLayout()
        bottom.addWidget(self.still_needed, 1)
        bottom.addWidget(self.buttons, 0, Qt.AlignmentFlag.AlignBottom)
        layout = QVBoxLayout(self)
        layout.addWidget(intro)
        layout.addLayout(boxes, 1)
        layout.addLayout(bottom)
        for box in (self.auditor, self.supplier):
            box.pad.changed.connect(self._update)
            for field in (box.name, box.role, box.organisation):
                field.textChanged.connect(self._update)
        self.resize(820, 440)
        self._update()
        self._focus_first_empty()

    def _focus_first_empty(self) -> None:
        """The keyboard starts where typing is needed: the first empty field (the supplier
        representative's role, typically), not a field the settings already filled."""
        for box in (self.auditor, self.supplier):
            for field in (box.name, box.role, box.organisation):
                if not field.text().strip():
                    field.setFocus(Qt.FocusReason.OtherFocusReason)
                    return

    def missing(self) -> list[str]:
        """What still keeps "Sign and lock" disabled, as the user reads it."""
        auditor = {"name": self.tr("auditor's name"),
                   "role": self.tr("auditor's role"),
                   "organisation": self.tr("auditor's organisation"),
                   "signature": self.tr("auditor's signature")}
        supplier = {"name": self.tr("supplier representative's name"),
                    "role": self.tr("supplier representative's role"),
                    "organisation": self.tr("supplier representative's organisation"),
                    "signature": self.tr("supplier representative's signature")}
        return [texts[part] for box, texts in ((self.auditor, auditor), (self.supplier, supplier))
                for part in box.missing()]

    def _update(self) -> None:
        missing = self.missing()
        self.sign_button.setEnabled(not missing)
        text = (self.tr("Still needed: {0}").format(QLocale().createSeparatedList(missing))
                if missing else "")
        self.still_needed.setText(text)
        self.sign_button.setToolTip(text)

    def signatures(self) -> list[dict]:
        return [self.auditor.signature(), self.supplier.signature()]
