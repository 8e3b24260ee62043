"""The site profile of an audit (issue 21): the scope in English and Japanese, headcount
and worker mix, audit duration, interviews held and scope limits — what the report's "Site
profile" block prints. A number left at "not recorded" stays unrecorded (the report says
so), which is not the same as 0. Ctrl+Enter saves from anywhere in the dialog."""
from __future__ import annotations

from PySide6.QtGui import QKeySequence, QShortcut
from PySide6.QtWidgets import (QDialog, QDialogButtonBox, QDoubleSpinBox, QFormLayout,
                               QGroupBox, QLabel, QLineEdit, QPlainTextEdit, QSpinBox,
                               QVBoxLayout)

from sva.domain.site_profile import MAX_COUNT, MAX_HOURS
from sva.vocabulary import SITE_PROFILE_COUNTS, SITE_PROFILE_INTERVIEWS


def _count_box(name: str, value, unknown: str) -> QSpinBox:
    box = QSpinBox()
    box.setObjectName(name)
    box.setRange(-1, MAX_COUNT)           # -1: not recorded (shown as the special text)
    box.setSpecialValueText(unknown)
    box.setValue(-1 if value is None else value)
    box.setGroupSeparatorShown(True)
    return box


def _text_edit(name: str, text: str) -> QPlainTextEdit:
    edit = QPlainTextEdit(text)
    edit.setObjectName(name)
    edit.setTabChangesFocus(True)
    edit.setFixedHeight(edit.fontMetrics().lineSpacing() * 2 + 12)
    return edit


class SiteProfileDialog(QDialog):
    def __init__(self, *, audit: dict, profile: dict, visit_span: str = "", parent=None):
        super().__init__(parent)
        self.setObjectName("siteProfileDialog")
        self.setWindowTitle(self.tr("Site profile"))
        unknown = self.tr("not recorded")
        self.scope = QLineEdit(audit.get("scope") or "")
        self.scope.setObjectName("profileScope")
        self.scope_ja = QLineEdit(audit.get("scope_ja") or "")
        self.scope_ja.setObjectName("profileScopeJa")
        for line in (self.scope, self.scope_ja):
            line.setCursorPosition(0)          # a long scope reads from its start
        self.setMinimumWidth(560)              # room for a scope of a line or two
        labels = {"workers_total": self.tr("Workers in total:"),
                  "workers_women": self.tr("Women:"),
                  "workers_foreign": self.tr("Foreign / migrant workers:"),
                  "workers_agency": self.tr("Agency / dispatched workers:"),
                  "workers_young": self.tr("Young workers (under 18):"),
                  "interviews_individual": self.tr("Individual interviews:"),
                  "interviews_group": self.tr("Group interviews:")}
        self.counts = {field: _count_box(f"profile_{field}", profile.get(field), unknown)
                       for field in (*SITE_PROFILE_COUNTS, *SITE_PROFILE_INTERVIEWS)}
        self.duration = QDoubleSpinBox()
        self.duration.setObjectName("profileDuration")
        self.duration.setRange(0, MAX_HOURS)      # 0: not recorded
        self.duration.setDecimals(1)
        self.duration.setSingleStep(0.5)
        self.duration.setSpecialValueText(unknown)
        self.duration.setSuffix(self.tr(" h"))
        self.duration.setValue(profile.get("duration_hours") or 0)
        limits = profile.get("scope_limits") or {}
        self.limits = _text_edit("profileLimits", limits.get("en", ""))
        self.limits_ja = _text_edit("profileLimitsJa", limits.get("ja", ""))

        scope = QFormLayout()
        scope.addRow(self.tr("Scope (English):"), self.scope)
        scope.addRow(self.tr("Scope (Japanese):"), self.scope_ja)
        scope.addRow(self.tr("Scope limits (English):"), self.limits)
        scope.addRow(self.tr("Scope limits (Japanese):"), self.limits_ja)
        workers = QGroupBox(self.tr("Headcount and worker mix"))
        form = QFormLayout(workers)
        for field in SITE_PROFILE_COUNTS:
            form.addRow(labels[field], self.counts[field])
        visit = QGroupBox(self.tr("Audit duration and interviews"))
        form = QFormLayout(visit)
        form.addRow(self.tr("Audit duration:"), self.duration)
        if visit_span:
            note = QLabel(self.tr("The report uses the visit times: {0}").format(visit_span))
            note.setObjectName("profileVisitSpan")
            note.setWordWrap(True)
            form.addRow("", note)
        for field in SITE_PROFILE_INTERVIEWS:
            form.addRow(labels[field], self.counts[field])
        buttons = QDialogButtonBox(QDialogButtonBox.StandardButton.Save
                                   | QDialogButtonBox.StandardButton.Cancel)
        buttons.accepted.connect(self.accept)
        buttons.rejected.connect(self.reject)
        QShortcut(QKeySequence("Ctrl+Return"), self, self.accept)
        layout = QVBoxLayout(self)
        layout.addLayout(scope)
        layout.addWidget(workers)
        layout.addWidget(visit)
        layout.addWidget(buttons)

    def profile(self) -> dict:
        """The profile as entered: fields left at "not recorded" are absent."""
        out = {field: box.value() for field, box in self.counts.items() if box.value() >= 0}
        if self.duration.value() > 0:
            out["duration_hours"] = self.duration.value()
        limits = {lang: edit.toPlainText().strip()
                  for lang, edit in (("en", self.limits), ("ja", self.limits_ja))
                  if edit.toPlainText().strip()}
        if limits:
            out["scope_limits"] = limits
        return out

    def values(self) -> dict:
        """Keyword arguments of SiteProfiles.set_profile."""
        return {"profile": self.profile(), "scope": self.scope.text().strip(),
                "scope_ja": self.scope_ja.text().strip()}
