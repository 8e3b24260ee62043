"""The editor's top bar: which visit, its status (icon + text), progress per risk area,
view choices (checklist language, filter) and the visit's life-cycle buttons."""
from __future__ import annotations

from PySide6.QtCore import Qt
from PySide6.QtWidgets import (QComboBox, QFrame, QHBoxLayout, QLabel, QPushButton, QVBoxLayout,
                               QWidget)

from sva.vocabulary import LOCKED_STATUSES, UNDER_WAY_STATUSES
from ui.vocabulary import kind_label, site_name, status_label, supplier_name
from ui.widgets.status_icon import status_icon


class EditorHeader(QWidget):
    def __init__(self, parent=None):
        super().__init__(parent)
        self.title = QLabel()
        self.title.setObjectName("editorTitle")
        self.title.setStyleSheet("font-size: 12pt; font-weight: 600;")
        self.title.setTextInteractionFlags(Qt.TextInteractionFlag.TextSelectableByMouse)
        self.subtitle = QLabel()
        self.subtitle.setObjectName("editorSubtitle")
        self.status_icon = QLabel()
        self.status = QLabel()
        self.status.setObjectName("editorStatus")
        self.progress = QLabel()
        self.progress.setObjectName("editorProgress")

        self.language = QComboBox()
        self.language.setObjectName("checklistLanguage")
        self.language.addItem(self.tr("English"), "en")
        self.language.addItem(self.tr("Japanese"), "ja")
        self.language.addItem(self.tr("English + Japanese"), "both")
        self.language.setFocusPolicy(Qt.FocusPolicy.ClickFocus)
        self.filter = QComboBox()
        self.filter.setObjectName("checklistFilter")
        self.filter.addItem(self.tr("All items"), "all")
        self.filter.addItem(self.tr("Unanswered"), "unanswered")
        self.filter.addItem(self.tr("Nonconformities"), "nonconformities")
        self.filter.setFocusPolicy(Qt.FocusPolicy.ClickFocus)

        self.start_button = self._button(self.tr("Start visit…"), "startVisit")
        self.complete_button = self._button(self.tr("Complete…"), "completeAudit")
        self.sign_button = self._button(self.tr("Sign…"), "signAudit")
        self.amend_button = self._button(self.tr("Amend…"), "amendAudit")

        self.banner = QLabel()
        self.banner.setObjectName("lockBanner")
        self.banner.setWordWrap(True)
        self.banner.setStyleSheet("QLabel#lockBanner { background: #eef3ea; border: 1px solid "
                                  "#b9d1b0; border-radius: 4px; padding: 4px 8px; }")
        self.banner.hide()

        top = QHBoxLayout()
        titles = QVBoxLayout()
        titles.setSpacing(0)
        titles.addWidget(self.title)
        titles.addWidget(self.subtitle)
        top.addLayout(titles, 1)
        top.addWidget(self.status_icon)
        top.addWidget(self.status)
        top.addSpacing(12)
        for button in (self.start_button, self.complete_button, self.sign_button,
                       self.amend_button):
            top.addWidget(button)

        second = QHBoxLayout()
        lang_label = QLabel(self.tr("&Checklist language:"))
        lang_label.setBuddy(self.language)
        filter_label = QLabel(self.tr("S&how:"))
        filter_label.setBuddy(self.filter)
        second.addWidget(lang_label)
        second.addWidget(self.language)
        second.addSpacing(12)
        second.addWidget(filter_label)
        second.addWidget(self.filter)
        second.addSpacing(16)
        second.addWidget(self.progress, 1)

        line = QFrame()
        line.setFrameShape(QFrame.Shape.HLine)
        line.setFrameShadow(QFrame.Shadow.Sunken)
        layout = QVBoxLayout(self)
        layout.setContentsMargins(8, 6, 8, 2)
        layout.setSpacing(4)
        layout.addLayout(top)
        layout.addLayout(second)
        layout.addWidget(self.banner)
        layout.addWidget(line)

    @staticmethod
    def _button(text: str, name: str) -> QPushButton:
        button = QPushButton(text)
        button.setObjectName(name)
        button.setFocusPolicy(Qt.FocusPolicy.NoFocus)
        return button

    def show_audit(self, info: dict, visit_date: str) -> None:
        name = supplier_name(info["supplier_name_en"], info.get("supplier_name_ja"))
        self.title.setText(f"{info['supplier_code']}  {name} — {site_name(info)}")
        other = {info["supplier_name_en"], info.get("supplier_name_ja")} - {name, None, ""}
        self.title.setToolTip("".join(other))       # the name in the other language
        auditors = ", ".join(info["auditors"]) or "—"
        self.subtitle.setText(self.tr("{0} · visit {1} · auditors: {2} · checklist {3}")
                              .format(kind_label(info["kind"]), visit_date, auditors,
                                      info["template_ref"]))
        status = info["status"]
        self.status_icon.setPixmap(status_icon(status, 14).pixmap(14, 14))
        self.status.setText(status_label(status))
        self.start_button.setVisible(status == "planned")
        self.complete_button.setVisible(status == "in_progress")
        self.sign_button.setVisible(status in UNDER_WAY_STATUSES)
        self.amend_button.setVisible(status in LOCKED_STATUSES)

    def show_progress(self, answered: int, total: int, missing: int,
                      areas: list[tuple[str, int, int, float | None]],
                      overall: float | None = None) -> None:
        """Counts of the items that apply (a rule may leave some out), the overall score and,
        per risk area, its progress and score (sva.domain.scores) once it has a scored
        answer; each section's score is on its row in the checklist."""
        parts = [self.tr("{0}/{1} answered").format(answered, total)]
        if missing:
            parts.append(self.tr("{0} required open").format(missing))
        if overall is not None:
            parts.append(self.tr("score {0}%").format(f"{overall:.0f}"))
        if len(areas) > 1:
            parts.append("  ".join(
                f"{a} {d}/{t}" + (f" {p:.0f}%" if p is not None else "")
                for a, d, t, p in areas))
        self.progress.setText(" · ".join(parts))

    def show_lock(self, text: str) -> None:
        self.banner.setText(text)
        self.banner.setVisible(bool(text))
