"""A date field (yyyy-MM-dd, calendar popup) that keeps the date the user typed.

Qt's QDateEdit edits one section at a time and silently drops or redirects digits that do not
fit where the cursor is: entered with Shift+Tab the day is selected and "2027" makes it the
20th; with the whole text selected (Ctrl+A) "2027" is ignored; after a click at the end of
the year it lands in the month and day (2026-02-07); a two-digit year "27" falls back to the
old year when the field is left; in "2027-01-31" the typed "-" skips the month. This field
starts typing at the year when the cursor or selection is in it, lets a typed "-" only close
a section, selects the section that was clicked, selects the year also when entered with
Shift+Tab, and reads a two-digit year as 20yy.
"""
from __future__ import annotations

import re

from PySide6.QtCore import QDate, QEvent, QObject, Qt
from PySide6.QtGui import QFocusEvent, QKeyEvent
from PySide6.QtWidgets import QDateEdit

FORMAT = "yyyy-MM-dd"
_TYPED = re.compile(r"\s*(\d{1,4})-(\d{1,2})-(\d{1,2})\s*")
_YEAR = QDateEdit.Section.YearSection


class DateField(QDateEdit):
    def __init__(self, parent=None):
        super().__init__(parent)
        self.setCalendarPopup(True)
        self.setDisplayFormat(FORMAT)
        self._moved_on = False        # the last digit filled a section and Qt moved on
        self.lineEdit().installEventFilter(self)

    def eventFilter(self, watched: QObject, event: QEvent) -> bool:  # noqa: N802 (Qt name)
        """A click selects the whole section under it, as Tab does: typing replaces it."""
        if (watched is self.lineEdit() and event.type() == QEvent.Type.MouseButtonRelease
                and not self.lineEdit().hasSelectedText()):
            self.setSelectedSection(self.currentSection())
        return super().eventFilter(watched, event)

    def focusInEvent(self, event: QFocusEvent) -> None:  # noqa: N802 (Qt name)
        """Entering the field, also with Shift+Tab, selects the year: typing starts there."""
        super().focusInEvent(event)
        if event.reason() == Qt.FocusReason.BacktabFocusReason:
            self.setSelectedSection(_YEAR)

    def keyPressEvent(self, event: QKeyEvent) -> None:  # noqa: N802 (Qt name)
        text, line = event.text(), self.lineEdit()
        if event.key() in (Qt.Key.Key_Return, Qt.Key.Key_Enter):
            self.commit()
        if text == "-" and self._moved_on:
            self._moved_on = False    # "2027-": Qt is already in the month
            return
        if text.isdigit() and self._starts_in_year(line):
            self.setSelectedSection(_YEAR)
        section = self.currentSection()
        super().keyPressEvent(event)
        self._moved_on = text.isdigit() and self.currentSection() != section

    def _starts_in_year(self, line) -> bool:
        """A digit typed with the cursor (or the start of a selection) in a full year begins
        a new year; while a year is being typed (fewer than 4 digits) it goes on."""
        start = line.selectionStart() if line.hasSelectedText() else line.cursorPosition()
        year = line.text().split("-", 1)[0]
        whole_year = line.selectedText() == year
        return start <= len(year) and len(year) == 4 and not whole_year

    def focusOutEvent(self, event: QFocusEvent) -> None:  # noqa: N802 (Qt name)
        self.commit()
        super().focusOutEvent(event)

    def commit(self) -> QDate:
        """Take what is typed now (a two-digit year as 20yy); the date the field holds."""
        match = _TYPED.fullmatch(self.lineEdit().text())
        if match:
            year, month, day = (int(g) for g in match.groups())
            if len(match.group(1)) <= 2:
                year += 2000
            typed = QDate(year, month, day)
            if typed.isValid() and typed != self.date():
                self.setDate(typed)
        return self.date()
