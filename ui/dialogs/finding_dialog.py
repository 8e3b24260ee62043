"""A finding, new (prefilled from the checklist item) or existing: DESIGN §4 fields.

New from an item: area, requirement (the question), what was seen (the item's note), the
required action (the item's supplier-facing expected practice) and a severity suggestion for
the answer; the due date follows the severity policy until the auditor sets one by hand.
Ctrl+Enter saves from anywhere in the dialog.

A finding says at least what was seen (the core refuses one without it): Save stays disabled
with the reason under the field until it is filled in. A due date before the visit is saved
only after the auditor confirms it.
"""
from __future__ import annotations

from datetime import date

from PySide6.QtCore import QDate, Qt
from PySide6.QtGui import QKeySequence, QShortcut
from PySide6.QtWidgets import (QCheckBox, QComboBox, QDialog, QDialogButtonBox, QFormLayout,
                               QHBoxLayout, QLabel, QLineEdit, QMessageBox, QPlainTextEdit,
                               QVBoxLayout, QWidget)

from sva.checklists.model import Item
from sva import due_dates
from sva.domain.findings import SUGGESTED_SEVERITY
from ui.editor.checklist_model import short_id, text_in
from sva.vocabulary import AREAS, FINDING_EXTRA_FIELDS, SEVERITIES
from ui.vocabulary import area_label, result_label, severity_label
from ui.widgets.answer_icons import answer_icon
from ui.widgets.date_field import DateField

HINT_STYLE = "color: palette(mid);"
HINT_ALERT_STYLE = "color: #c62828; font-weight: 600;"


def suggested_severity(result: str | None) -> str:
    if result in SUGGESTED_SEVERITY:
        return SUGGESTED_SEVERITY[result]
    if result in ("no",):
        return "minor"
    return "good_practice" if result in ("conforms", "yes") else "minor"


def _text_edit(lines: int, name: str) -> QPlainTextEdit:
    edit = QPlainTextEdit()
    edit.setObjectName(name)
    edit.setTabChangesFocus(True)
    edit.setFixedHeight(edit.fontMetrics().lineSpacing() * lines + 12)
    return edit


class FindingDialog(QDialog):
    def __init__(self, *, visit_date: str, item: Item | None = None, result: str | None = None,
                 note: str = "", lang: str = "en", finding: dict | None = None, parent=None):
        super().__init__(parent)
        self.setObjectName("findingDialog")
        self.visit_date, self.finding = visit_date, finding
        self.setWindowTitle(self.tr("Edit finding") if finding else self.tr("New finding"))
        self._due_touched = bool(finding)
        self._due_confirmed: str | None = None
        self.due_question: QMessageBox | None = None

        self.item_label = QLabel()
        self.item_label.setWordWrap(True)
        self.area = QComboBox()
        self.area.setObjectName("findingArea")
        for area in AREAS:
            self.area.addItem(f"{area} – {area_label(area)}", area)
        self.severity = QComboBox()
        self.severity.setObjectName("findingSeverity")
        for severity in SEVERITIES:
            self.severity.addItem(answer_icon(severity), severity_label(severity), severity)
        self.suggestion = QLabel()
        self.suggestion.setStyleSheet("color: palette(mid);")
        self.requirement = _text_edit(3, "findingRequirement")
        self.observed = _text_edit(3, "findingObserved")
        self.observed.setPlaceholderText(self.tr("What exactly was seen, where, how many…"))
        self.observed_hint = QLabel(self.tr("Required: say what was seen to save the finding."))
        self.observed_hint.setObjectName("observedHint")
        self.observed_hint.setWordWrap(True)
        self.observed_hint.setStyleSheet(HINT_STYLE)
        keep = self.observed_hint.sizePolicy()
        keep.setRetainSizeWhenHidden(True)    # showing or hiding it never moves the fields
        self.observed_hint.setSizePolicy(keep)
        observed_box = QVBoxLayout()
        observed_box.setSpacing(2)
        observed_box.addWidget(self.observed)
        observed_box.addWidget(self.observed_hint)
        self.evidence = QLineEdit()
        self.evidence.setObjectName("findingEvidence")
        self.evidence.setPlaceholderText(self.tr("Documents seen, people interviewed, photos"))
        self.required_action = _text_edit(2, "findingAction")
        self.required_action.setPlaceholderText(self.tr("What the supplier must do"))
        # The Japanese version of each text, side by side with it (optional): the Japanese
        # report prints it where present.
        self.observed_ja = _text_edit(3, "findingObservedJa")
        self.observed_ja.setPlaceholderText(self.tr("In Japanese (optional)"))
        self.evidence_ja = QLineEdit()
        self.evidence_ja.setObjectName("findingEvidenceJa")
        self.evidence_ja.setPlaceholderText(self.tr("In Japanese (optional)"))
        self.required_action_ja = _text_edit(2, "findingActionJa")
        self.required_action_ja.setPlaceholderText(self.tr("In Japanese (optional)"))
        self.documents_seen = QLineEdit()
        self.documents_seen.setObjectName("findingDocuments")
        self.documents_seen.setPlaceholderText(self.tr("Documents seen"))
        self.interviews = QLineEdit()
        self.interviews.setObjectName("findingInterviews")
        self.interviews.setPlaceholderText(self.tr("People interviewed"))
        self.sample_size = QLineEdit()
        self.sample_size.setObjectName("findingSample")
        self.sample_size.setPlaceholderText(self.tr("Sample, e.g. 25 of 310 files"))
        refs_row = QHBoxLayout()
        for edit in (self.documents_seen, self.interviews, self.sample_size):
            refs_row.addWidget(edit, 1)
        self.has_due = QCheckBox(self.tr("Due"))
        self.has_due.setObjectName("findingHasDue")
        self.due = DateField()
        self.due.setObjectName("findingDue")
        self.policy_label = QLabel()
        self.policy_label.setObjectName("policyLabel")
        self.policy_label.setStyleSheet("color: palette(mid);")
        due_row = QHBoxLayout()
        due_row.addWidget(self.has_due)
        due_row.addWidget(self.due)
        due_row.addWidget(self.policy_label, 1)
        sev_row = QHBoxLayout()
        sev_row.addWidget(self.severity)
        sev_row.addWidget(self.suggestion, 1)

        form = QFormLayout()
        form.setFieldGrowthPolicy(QFormLayout.FieldGrowthPolicy.AllNonFixedFieldsGrow)
        form.addRow(self.tr("Item:"), self.item_label)
        form.addRow(self.tr("&Area:"), self.area)
        form.addRow(self.tr("&Severity:"), _wrap(sev_row))
        form.addRow(self.tr("&Requirement:"), self.requirement)
        form.addRow(self.tr("&What was seen:"), _pair(_wrap(observed_box), self.observed_ja))
        form.addRow(self.tr("&Evidence:"), _pair(self.evidence, self.evidence_ja))
        form.addRow(self.tr("Evidence &references:"), _wrap(refs_row))
        form.addRow(self.tr("Required a&ction:"),
                    _pair(self.required_action, self.required_action_ja))
        form.addRow(self.tr("Due date:"), _wrap(due_row))

        self.buttons = QDialogButtonBox(QDialogButtonBox.StandardButton.Save
                                        | QDialogButtonBox.StandardButton.Cancel)
        self.save_button = self.buttons.button(QDialogButtonBox.StandardButton.Save)
        self.save_button.setText(self.tr("Save (Ctrl+Enter)"))
        self.buttons.button(QDialogButtonBox.StandardButton.Cancel).setText(self.tr("Cancel"))
        self.buttons.accepted.connect(self.accept)
        self.buttons.rejected.connect(self.reject)
        for keys in ("Ctrl+Return", "Ctrl+Enter"):
            QShortcut(QKeySequence(keys), self, activated=self.accept)
        layout = QVBoxLayout(self)
        layout.addLayout(form)
        layout.addWidget(self.buttons)
        self.resize(820, self.sizeHint().height())

        self._fill(item, result, note, lang, finding)
        self.severity.currentIndexChanged.connect(self._severity_changed)
        self.has_due.toggled.connect(self.due.setEnabled)
        self.due.dateChanged.connect(self._due_edited)
        self.observed.textChanged.connect(self._observed_changed)
        self._observed_changed()
        self.observed.setFocus()

    def _fill(self, item, result, note, lang, finding) -> None:
        if finding:
            item_text = short_id(finding["item_id"] or "") or self.tr("(no checklist item)")
            self.item_label.setText(item_text)
            self._select(self.area, finding["area"])
            self._select(self.severity, finding["severity"])
            self.requirement.setPlainText(finding["requirement"] or "")
            self.observed.setPlainText(finding["observed"] or "")
            self.evidence.setText(finding["evidence"] or "")
            self.required_action.setPlainText(finding["required_action"] or "")
            for key in FINDING_EXTRA_FIELDS:
                _set_text(getattr(self, key), finding.get(key) or "")
            self._set_due(finding["due_date"])
            self._update_policy_label()
            return
        if item is not None:
            self.item_label.setText(f"{short_id(item.id)} — {text_in(item.question, lang)}")
            self._select(self.area, item.area)
            self.requirement.setPlainText(text_in(item.question, lang))
            # What the supplier must do, written for the supplier (never the auditor's guidance).
            self.required_action.setPlainText(text_in(item.expected or {}, lang))
            if lang != "ja":
                self.required_action_ja.setPlainText((item.expected or {}).get("ja", ""))
        else:
            self.item_label.setText(self.tr("(no checklist item)"))
        self.observed.setPlainText(note)
        severity = suggested_severity(result)
        self._select(self.severity, severity)
        if result:
            self.suggestion.setText(self.tr("suggested for “{0}”").format(result_label(result)))
        self._severity_changed()

    @staticmethod
    def _select(combo: QComboBox, value) -> None:
        combo.setCurrentIndex(max(0, combo.findData(value)))

    # -- due date ---------------------------------------------------------------------------
    def policy_due(self) -> str | None:
        return due_dates.due_date(self.severity.currentData(), self.visit_date)

    def _set_due(self, value: str | None) -> None:
        self.due.blockSignals(True)
        self.has_due.setChecked(bool(value))
        self.due.setEnabled(bool(value))
        if value:
            self.due.setDate(QDate.fromString(value, "yyyy-MM-dd"))
        else:
            self.due.setDate(QDate.fromString(self.visit_date[:10], "yyyy-MM-dd"))
        self.due.blockSignals(False)

    def _severity_changed(self) -> None:
        if not self._due_touched:
            self._set_due(self.policy_due())
        self._update_policy_label()

    def _update_policy_label(self) -> None:
        severity = self.severity.currentData()
        days = due_dates.load_policy()["due_days"][severity]
        if days is None:
            self.policy_label.setText(self.tr("Policy: no due date for {0}")
                                      .format(severity_label(severity).lower()))
        else:
            self.policy_label.setText(self.tr("Policy: {0} days after the visit ({1})")
                                      .format(days, self.visit_date))

    def _due_edited(self) -> None:
        self._due_touched = True

    # -- saving -------------------------------------------------------------------------------
    def _observed_changed(self) -> None:
        filled = bool(self.observed.toPlainText().strip())
        self.save_button.setEnabled(filled)
        self.save_button.setToolTip("" if filled else self.observed_hint.text())
        self.observed_hint.setVisible(not filled)
        if filled:
            self.observed_hint.setStyleSheet(HINT_STYLE)

    def accept(self) -> None:
        """Save (button or Ctrl+Enter) once what was seen is filled in and a due date before
        the visit is confirmed; otherwise say why next to the field and stay open."""
        if not self.observed.toPlainText().strip():
            self.observed_hint.setStyleSheet(HINT_ALERT_STYLE)
            self.observed_hint.show()
            self.observed.setFocus(Qt.FocusReason.OtherFocusReason)
            return
        due = self.fields()["due_date"]
        if due and self._asks_about(due):
            self._ask_due(due)
            return
        super().accept()

    def _asks_about(self, due: str) -> bool:
        stored = self.finding.get("due_date") if self.finding else None
        return due < self.visit_date[:10] and due != stored and due != self._due_confirmed

    def _ask_due(self, due: str) -> None:
        box = QMessageBox(QMessageBox.Icon.Question, self.tr("Due date before the visit"),
                          self.tr("The due date {0} is before the visit ({1}). "
                                  "Save the finding with this due date?")
                          .format(due, self.visit_date[:10]), QMessageBox.StandardButton.NoButton,
                          self)
        box.setObjectName("dueBeforeVisit")
        keep = box.addButton(self.tr("Save with this date"), QMessageBox.ButtonRole.AcceptRole)
        change = box.addButton(self.tr("Change the date"), QMessageBox.ButtonRole.RejectRole)
        box.setDefaultButton(change)
        box.setEscapeButton(change)

        def answered(_result: int) -> None:
            if box.clickedButton() is keep:
                self._due_confirmed = due
                self.accept()
            else:
                self.due.setFocus(Qt.FocusReason.OtherFocusReason)
                self.due.setSelectedSection(DateField.Section.YearSection)
            box.deleteLater()
            self.due_question = None

        box.finished.connect(answered)
        self.due_question = box
        box.open()

    # -- result -------------------------------------------------------------------------------
    def fields(self) -> dict:
        due = (self.due.commit().toString("yyyy-MM-dd") if self.has_due.isChecked() else None)
        fields = {"area": self.area.currentData(), "severity": self.severity.currentData(),
                  "requirement": self.requirement.toPlainText().strip(),
                  "observed": self.observed.toPlainText().strip(),
                  "evidence": self.evidence.text().strip(),
                  "required_action": self.required_action.toPlainText().strip(),
                  "due_date": due}
        fields.update({key: _get_text(getattr(self, key)) for key in FINDING_EXTRA_FIELDS})
        if due:
            date.fromisoformat(due)
        return fields

    def changed_fields(self) -> dict:
        """For an edit: only what differs from the stored finding."""
        if not self.finding:
            return self.fields()
        return {k: v for k, v in self.fields().items()
                if (self.finding.get(k) or None) != (v or None)}


def _pair(first: QWidget, second: QWidget) -> QWidget:
    """A text and its Japanese version side by side."""
    row = QHBoxLayout()
    row.addWidget(first, 1)
    row.addWidget(second, 1)
    return _wrap(row)


def _set_text(edit, text: str) -> None:
    if isinstance(edit, QPlainTextEdit):
        edit.setPlainText(text)
    else:
        edit.setText(text)


def _get_text(edit) -> str:
    return (edit.toPlainText() if isinstance(edit, QPlainTextEdit) else edit.text()).strip()


def _wrap(layout) -> QWidget:
    widget = QWidget()
    layout.setContentsMargins(0, 0, 0, 0)
    widget.setLayout(layout)
    return widget
