"""Confirm the start of a planned visit and its date (today at the site unless the visit
began earlier). A date after today at the site cannot be chosen: Start is disabled and the
dialog says why."""
from __future__ import annotations

from datetime import date

from PySide6.QtCore import QDate, Qt
from PySide6.QtWidgets import (QDateEdit, QDialog, QDialogButtonBox, QFormLayout, QLabel,
                               QVBoxLayout)


class StartVisitDialog(QDialog):
    def __init__(self, *, summary: str, site_today: str, zone: str, planned_date: str,
                 parent=None):
        super().__init__(parent)
        self.setObjectName("startVisitDialog")
        self.setWindowTitle(self.tr("Start visit"))
        self.site_today = date.fromisoformat(site_today)
        intro = QLabel(summary)
        intro.setWordWrap(True)
        intro.setTextFormat(Qt.TextFormat.RichText)
        explain = QLabel(self.tr("Starting the visit lets you record answers, notes and "
                                 "findings. The visit date is printed on the report and sets "
                                 "the findings' due dates."))
        explain.setWordWrap(True)
        self.date_edit = QDateEdit()
        self.date_edit.setObjectName("visitDate")
        self.date_edit.setCalendarPopup(True)
        self.date_edit.setDisplayFormat("yyyy-MM-dd")
        self.date_edit.setDate(QDate(self.site_today.year, self.site_today.month,
                                     self.site_today.day))
        self.date_label = QLabel()
        self.date_label.setObjectName("visitDateText")
        self.date_label.setWordWrap(True)
        self.problem = QLabel()
        self.problem.setObjectName("visitDateProblem")
        self.problem.setWordWrap(True)
        self.problem.setStyleSheet("color: #b00020;")
        form = QFormLayout()
        date_caption = QLabel(self.tr("&Visit date:"))
        date_caption.setBuddy(self.date_edit)
        form.addRow(date_caption, self.date_edit)
        form.addRow(QLabel(self.tr("Planned for:")), QLabel(planned_date))
        self.zone = zone
        buttons = QDialogButtonBox(QDialogButtonBox.StandardButton.Ok
                                   | QDialogButtonBox.StandardButton.Cancel)
        self.start_button = buttons.button(QDialogButtonBox.StandardButton.Ok)
        self.start_button.setText(self.tr("Start visit"))
        buttons.button(QDialogButtonBox.StandardButton.Cancel).setText(self.tr("Cancel"))
        buttons.accepted.connect(self.accept)
        buttons.rejected.connect(self.reject)
        layout = QVBoxLayout(self)
        layout.addWidget(intro)
        layout.addWidget(explain)
        layout.addLayout(form)
        layout.addWidget(self.date_label)
        layout.addWidget(self.problem)
        layout.addWidget(buttons)
        self.date_edit.dateChanged.connect(self._update)
        self._update()
        self.date_edit.setFocus(Qt.FocusReason.OtherFocusReason)
        self.setMinimumWidth(440)

    def visit_date(self) -> str:
        return self.date_edit.date().toString("yyyy-MM-dd")

    def _update(self) -> None:
        chosen = date.fromisoformat(self.visit_date())
        today = self.site_today.isoformat()
        if chosen == self.site_today:
            self.date_label.setText(self.tr("The visit starts today, {0} (site time, {1}).")
                                    .format(today, self.zone))
        else:
            self.date_label.setText(self.tr("The visit is recorded as started on {0}; today at "
                                            "the site ({1}) is {2}.")
                                    .format(chosen.isoformat(), self.zone, today))
        future = chosen > self.site_today
        self.problem.setText(self.tr("{0} is in the future: a visit starts on the day it "
                                     "takes place, today at the latest ({1}).")
                             .format(chosen.isoformat(), today) if future else "")
        self.problem.setVisible(future)
        self.start_button.setEnabled(not future)

    def accept(self) -> None:
        if self.start_button.isEnabled():
            super().accept()
