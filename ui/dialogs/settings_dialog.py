"""Preferences: UI language (applied at the next start), the auditor's name and organisation
(prefilled when signing), e-mail and telephone (printed in reports), checklist language."""
from __future__ import annotations

from PySide6.QtCore import QSettings
from PySide6.QtWidgets import (QCheckBox, QComboBox, QDialog, QDialogButtonBox, QFormLayout,
                               QLabel, QLineEdit, QSpinBox, QVBoxLayout)

from ui.settings import (AUDITOR_EMAIL, AUDITOR_NAME, AUDITOR_PHONE, CHECKLIST_LANGUAGE,
                         DAILY_BACKUP, DAILY_BACKUP_KEEP, LANGUAGE, ORGANISATION)


class SettingsDialog(QDialog):
    def __init__(self, settings: QSettings, parent=None):
        super().__init__(parent)
        self.setObjectName("settingsDialog")
        self.setWindowTitle(self.tr("Settings"))
        self.settings = settings
        self.language = QComboBox()
        self.language.setObjectName("uiLanguage")
        self.language.addItem(self.tr("System default"), "system")
        self.language.addItem("English", "en")
        self.language.addItem("日本語", "ja")
        self.auditor = QLineEdit(AUDITOR_NAME.get(settings))
        self.auditor.setObjectName("auditorName")
        self.auditor.setPlaceholderText(self.tr("Prefilled when you sign"))
        self.organisation = QLineEdit(ORGANISATION.get(settings))
        self.organisation.setObjectName("auditorOrganisation")
        self.organisation.setPlaceholderText(self.tr("Prefilled when you sign"))
        self.email = QLineEdit(AUDITOR_EMAIL.get(settings))
        self.email.setObjectName("auditorEmail")
        self.email.setPlaceholderText(self.tr("Printed in reports for the supplier"))
        self.phone = QLineEdit(AUDITOR_PHONE.get(settings))
        self.phone.setObjectName("auditorPhone")
        self.phone.setPlaceholderText(self.tr("Printed in reports for the supplier"))
        self.checklist = QComboBox()
        self.checklist.setObjectName("defaultChecklistLanguage")
        self.checklist.addItem(self.tr("English"), "en")
        self.checklist.addItem(self.tr("Japanese"), "ja")
        self.checklist.addItem(self.tr("English + Japanese"), "both")
        self.language.setCurrentIndex(self.language.findData(LANGUAGE.get(settings)))
        self.checklist.setCurrentIndex(self.checklist.findData(CHECKLIST_LANGUAGE.get(settings)))
        self.daily_backup = QCheckBox(self.tr("&Daily copy of the database in the data "
                                              "folder's backups/"))
        self.daily_backup.setObjectName("dailyBackup")
        self.daily_backup.setChecked(DAILY_BACKUP.get(settings))
        self.keep = QSpinBox()
        self.keep.setObjectName("dailyBackupKeep")
        self.keep.setRange(1, 60)
        self.keep.setValue(max(1, min(60, DAILY_BACKUP_KEEP.get(settings))))
        self.daily_backup.toggled.connect(self.keep.setEnabled)
        self.keep.setEnabled(self.daily_backup.isChecked())
        self.restart_note = QLabel(self.tr("A new interface language is used from the next start."))
        self.restart_note.setWordWrap(True)
        self.restart_note.setStyleSheet("color: palette(mid);")

        form = QFormLayout()
        form.addRow(self.tr("&Interface language:"), self.language)
        form.addRow("", self.restart_note)
        form.addRow(self.tr("&Auditor name:"), self.auditor)
        form.addRow(self.tr("O&rganisation:"), self.organisation)
        form.addRow(self.tr("&E-mail:"), self.email)
        form.addRow(self.tr("&Telephone:"), self.phone)
        form.addRow(self.tr("&Checklist language:"), self.checklist)
        form.addRow("", self.daily_backup)
        form.addRow(self.tr("&Keep copies:"), self.keep)
        buttons = QDialogButtonBox(QDialogButtonBox.StandardButton.Ok
                                   | QDialogButtonBox.StandardButton.Cancel)
        buttons.button(QDialogButtonBox.StandardButton.Cancel).setText(self.tr("Cancel"))
        buttons.accepted.connect(self.accept)
        buttons.rejected.connect(self.reject)
        layout = QVBoxLayout(self)
        layout.addLayout(form)
        layout.addWidget(buttons)
        self.resize(460, self.sizeHint().height())

    def accept(self) -> None:
        LANGUAGE.set(self.settings, self.language.currentData())
        AUDITOR_NAME.set(self.settings, self.auditor.text().strip())
        ORGANISATION.set(self.settings, self.organisation.text().strip())
        AUDITOR_EMAIL.set(self.settings, self.email.text().strip())
        AUDITOR_PHONE.set(self.settings, self.phone.text().strip())
        CHECKLIST_LANGUAGE.set(self.settings, self.checklist.currentData())
        DAILY_BACKUP.set(self.settings, self.daily_backup.isChecked())
        DAILY_BACKUP_KEEP.set(self.settings, self.keep.value())
        self.settings.sync()
        super().accept()
