"""Enrol this device with HQ: server address, one-time code, device name; runs in a worker.

The device token goes only into the OS keyring (the core refuses a plaintext backend);
neither this dialog nor the settings file ever holds it. Enrolling again replaces the
current enrolment, and the dialog says so before anything is sent.
"""
from __future__ import annotations

import platform

from PySide6.QtCore import Signal
from PySide6.QtWidgets import (QDialog, QDialogButtonBox, QFormLayout, QLabel, QLineEdit,
                               QProgressBar, QVBoxLayout)

from sva.errors import BadInput
from sva.sync import state
from sva.workspace import Workspace
from ui.operations.hub import hub_of
from ui.operations.tasks import Task
from ui.sync import tasks
from ui.sync.common import MessageLine, detail_label, enrol_failure, fit_height
from ui.vocabulary import role_label


class EnrolDialog(QDialog):
    enrolled = Signal(dict)          # the core's answer: url, user, role, device_id, keyring
    sync_requested = Signal()

    def __init__(self, ws: Workspace, parent=None, *, note: str = ""):
        super().__init__(parent)
        self.setObjectName("enrolDialog")
        self.setWindowTitle(self.tr("Enrol with HQ"))
        self.ws = ws
        self.task: Task | None = None
        self.outcome: tasks.Outcome | None = None
        current = state.server(ws.db)

        intro = QLabel(self.tr(
            "Enrol this device once, while online, with a one-time code from HQ. The device "
            "token is kept in the operating system's keyring, never in SVA's files."))
        intro.setWordWrap(True)
        self.note = MessageLine()
        self.note.setObjectName("enrolNote")
        if note:
            self.note.set("info", note)
        self.replace_warning = MessageLine()
        self.replace_warning.setObjectName("replaceWarning")
        if current is not None:
            self.replace_warning.set("warning", self.tr(
                "This device is already enrolled at {0} as {1} ({2}). Enrolling again "
                "replaces that enrolment: the current device token is no longer used, and "
                "the next sync starts from this new enrolment.").format(
                    current["url"], current["user_name"], role_label(current["role"])))

        self.url = QLineEdit(current["url"] if current else "")
        self.url.setObjectName("enrolUrl")
        self.url.setPlaceholderText("https://hq.example.com")
        self.code = QLineEdit()
        self.code.setObjectName("enrolCode")
        self.code.setPlaceholderText(self.tr("the one-time code HQ gave you"))
        self.device_name = QLineEdit(platform.node()[:100])
        self.device_name.setObjectName("enrolDeviceName")
        self.device_name.setMaxLength(100)
        form = QFormLayout()
        form.addRow(self.tr("HQ server &address:"), self.url)
        form.addRow(self.tr("Enrolment &code:"), self.code)
        form.addRow(self.tr("&Device name:"), self.device_name)

        self.busy = QProgressBar()
        self.busy.setRange(0, 0)
        self.busy.hide()
        self.message = MessageLine()
        self.message.setObjectName("enrolMessage")
        self.detail = detail_label("enrolDetail")

        self.buttons = QDialogButtonBox()
        self.enrol_button = self.buttons.addButton(
            self.tr("Replace enrolment") if current else self.tr("Enrol"),
            QDialogButtonBox.ButtonRole.AcceptRole)
        self.enrol_button.setObjectName("enrolButton")
        self.enrol_button.setDefault(True)
        self.sync_button = self.buttons.addButton(self.tr("Sync now"),
                                                  QDialogButtonBox.ButtonRole.ActionRole)
        self.sync_button.setObjectName("enrolSyncNow")
        self.sync_button.hide()
        self.close_button = self.buttons.addButton(self.tr("Cancel"),
                                                   QDialogButtonBox.ButtonRole.RejectRole)
        self.enrol_button.clicked.connect(self.start)
        self.sync_button.clicked.connect(self._sync_now)
        self.close_button.clicked.connect(self.reject)

        layout = QVBoxLayout(self)
        layout.addWidget(intro)
        layout.addWidget(self.note)
        layout.addWidget(self.replace_warning)
        layout.addLayout(form)
        layout.addWidget(self.busy)
        layout.addWidget(self.message)
        layout.addWidget(self.detail)
        layout.addStretch(1)
        layout.addWidget(self.buttons)
        self.resize(560, self.sizeHint().height())
        (self.code if current else self.url).setFocus()

    # -- running ---------------------------------------------------------------------------
    def _check(self) -> tuple[str, str] | None:
        from sva.sync.http import check_url
        try:
            url = check_url(self.url.text())
        except BadInput:
            self._show_failure(tasks.BAD_INPUT, "")
            self.url.setFocus()
            return None
        code = self.code.text().strip()
        if not code:
            self.message.set("error", self.tr("Enter the one-time enrolment code from HQ."))
            self.detail.hide()
            self.code.setFocus()
            return None
        return url, code

    def start(self) -> None:
        if self.task is not None or self.outcome is not None and self.outcome.ok:
            return
        checked = self._check()
        if checked is None:
            return
        url, code = checked
        self.task = tasks.enrol_task(self.ws, url, code, self.device_name.text().strip())
        hub_of(self.ws).follow(self.task)    # what it wrote, when it ends
        self.task.signals.succeeded.connect(self._finished)
        self.task.signals.failed.connect(
            lambda text: self._finished(tasks.Outcome(False, kind=tasks.OTHER, detail=text)))
        self._set_running(True)
        self.message.set("info", self.tr("Contacting HQ…"))
        self.detail.hide()
        self.task.start()

    def _set_running(self, running: bool) -> None:
        for widget in (self.url, self.code, self.device_name, self.enrol_button):
            widget.setEnabled(not running)
        self.close_button.setEnabled(not running)
        self.busy.setVisible(running)

    def _finished(self, outcome: tasks.Outcome) -> None:
        self.task = None
        self.outcome = outcome
        self._set_running(False)
        if not outcome.ok:
            self._show_failure(outcome.kind, outcome.detail)
            return
        result = outcome.result
        self.replace_warning.clear()
        self.note.clear()
        self.message.set("ok", self.tr(
            "Enrolled at {0} as {1} ({2}). The device token is kept in the OS keyring ({3})."
        ).format(result["url"], result["user"], role_label(result["role"]), result["keyring"]))
        self.detail.hide()
        for widget in (self.url, self.code, self.device_name):
            widget.setEnabled(False)
        self.enrol_button.hide()
        self.sync_button.show()
        self.sync_button.setDefault(True)
        self.close_button.setText(self.tr("Close"))
        fit_height(self)
        self.enrolled.emit(result)

    def _show_failure(self, kind: str, detail: str) -> None:
        self.message.set("error", enrol_failure(kind))
        self.detail.setText(self.tr("Detail: {0}").format(detail) if detail else "")
        self.detail.setVisible(bool(detail))
        fit_height(self)
        (self.url if kind in (tasks.OFFLINE, tasks.BAD_INPUT) else self.code).setFocus()

    def _sync_now(self) -> None:
        self.accept()
        self.sync_requested.emit()

    def reject(self) -> None:
        if self.task is not None:       # the code may already be spent: wait for the answer
            return
        super().reject()
