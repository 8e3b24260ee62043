"""The app's sync actions (File menu, shortcuts) and the sync status in the status bar.

Start-up stays cheap: nothing here touches the network or the keyring until the user asks;
the status bar reads the store (one SQL pass for the pending audits) after the first paint,
and after an operation (the workspace hub's broadcast) re-checks only the audits it changed
(well under a millisecond, see sva.sync.status), or everything after a sync. The dialogs
and the network code load when first used; what a sync or a resolution changed reaches the
open views through the same broadcast.
"""
from __future__ import annotations

from datetime import date
from pathlib import Path

from PySide6.QtCore import QObject, QTimer
from PySide6.QtGui import QAction
from PySide6.QtWidgets import QHBoxLayout, QLabel, QMenu, QMessageBox, QToolButton, QWidget

from typing import TYPE_CHECKING

from ui.operations.hub import hub_of
from ui.widgets.actions import make_action

if TYPE_CHECKING:   # loaded with the first status read, after the first paint
    from sva.sync.status import SyncStatus

SHORTCUTS = {                  # none of these is taken in the main window or the editor
    "sync": "Ctrl+Shift+S",
    "enrol": "Ctrl+Shift+L",
    "conflicts": "Ctrl+Shift+K",
    "bundle": "Ctrl+Shift+U",
}


class SyncStatusWidget(QWidget):
    """"3 to sync · last sync 12/05/2026 14:03" with a warning icon and text when the last
    sync failed or conflicts wait, and a Sync button."""

    def __init__(self, sync_action: QAction, parent=None):
        super().__init__(parent)
        self.setObjectName("syncStatus")
        self.icon = QLabel()
        self.icon.setObjectName("syncStatusIcon")
        self.icon.hide()
        self.text = QLabel()
        self.text.setObjectName("syncStatusText")
        self.button = QToolButton()
        self.button.setObjectName("syncButton")
        self.button.setDefaultAction(sync_action)      # text only until the icon comes
        self.button.setAutoRaise(True)
        layout = QHBoxLayout(self)
        layout.setContentsMargins(6, 0, 0, 0)
        layout.setSpacing(4)
        layout.addWidget(self.icon)
        layout.addWidget(self.text)
        layout.addWidget(self.button)
        self.status: SyncStatus | None = None

    def show_status(self, st: SyncStatus) -> None:
        from ui.sync.common import local_time
        self.status = st
        warn = False
        if not st.enrolled:
            text = self.tr("Not enrolled with HQ")
            tip = self.tr("Enrol this device with a code from HQ (File ▸ Enrol with HQ…) to "
                          "sync. {0} audit(s) wait to be sent.").format(st.pending)
        else:
            when = local_time(st.last_sync_at) or self.tr("never")
            text = self.tr("{0} to sync · last sync {1}").format(st.pending, when)
            from ui.vocabulary import role_label
            tip = self.tr("Enrolled at {0} as {1} ({2}).").format(st.url, st.user_name,
                                                                  role_label(st.role))
            if st.last_error:
                warn = True
                text += " · " + self.tr("last sync failed")
                from sva.errors import SvaError
                from ui.core_messages import message_of
                error = SvaError(st.last_error, code=st.last_error_code,
                                 params=st.last_error_params)
                tip += "\n" + self.tr("The last sync failed: {0}").format(message_of(error))
            if st.conflicts:
                warn = True
                text += " · " + self.tr("{0} conflict(s)").format(st.conflicts)
                tip += "\n" + self.tr("Review them with File ▸ Sync conflicts…")
        self.text.setText(text)
        self.setToolTip(tip)
        if warn:
            from PySide6.QtWidgets import QStyle
            size = self.style().pixelMetric(QStyle.PixelMetric.PM_SmallIconSize)
            self.icon.setPixmap(self.style().standardIcon(
                QStyle.StandardPixmap.SP_MessageBoxWarning).pixmap(size, size))
        self.icon.setVisible(warn)


def _delete_on_close():
    from PySide6.QtCore import Qt
    return Qt.WidgetAttribute.WA_DeleteOnClose


class SyncUi(QObject):
    """Owns the sync actions, the status widget and the open sync dialog of one window."""

    def __init__(self, window, file_menu: QMenu):
        super().__init__(window)
        self.window = window
        self.pending = None             # sva.sync.status.PendingAudits, made on first read
        self._pending_ws = None
        self._refresh_queued = False
        self._hub = None
        self.sync_dialog = None

        def action(name: str, text: str, key: str, slot) -> QAction:
            return make_action(window, name, text, SHORTCUTS[key], slot, add_to=window)

        self.sync_action = action("syncAction", self.tr("S&ync with HQ"), "sync",
                                  lambda: self.sync_now())
        self.sync_action.setIconText(self.tr("Sync"))
        self.sync_action.setToolTip(self.tr("Sync with HQ ({0})").format(SHORTCUTS["sync"]))
        self.conflicts_action = action("syncConflictsAction", self.tr("Sync &conflicts…"),
                                       "conflicts", lambda: self.show_conflicts())
        self.bundle_action = action("syncBundleAction", self.tr("Export sync &bundle…"),
                                    "bundle", lambda: self.export_bundle())
        self.enrol_action = action("enrolAction", self.tr("&Enrol with HQ…"), "enrol",
                                   lambda: self.enrol())
        actions = (self.sync_action, self.conflicts_action, self.bundle_action,
                   self.enrol_action)
        before = next((a for a in file_menu.actions()
                       if a.objectName() in ("demoAction", "settingsAction", "quitAction")),
                      None)
        for act in actions:
            file_menu.insertAction(before, act)
        file_menu.insertSeparator(before)

        self.widget = SyncStatusWidget(self.sync_action)
        window.statusBar().addPermanentWidget(self.widget)

    @property
    def ws(self):
        return self.window.ws

    # -- status ----------------------------------------------------------------------------
    def watch(self, ws) -> None:
        """Follow the operations of the window's (new) workspace, and read its status."""
        if self._hub is not None:
            self._hub.operation_did_execute.disconnect(self._operation_did_execute)
        self._hub = hub_of(ws)
        self._hub.operation_did_execute.connect(self._operation_did_execute)
        self.schedule_refresh()

    def _operation_did_execute(self, changes, _initiator) -> None:
        if changes.sync:
            self.refresh()
        elif changes.audit_data:
            for audit_id in changes.audit_ids:
                self.audit_changed(audit_id)

    def schedule_refresh(self) -> None:
        """Read the whole status again, once, when the event loop next runs (so never before
        the window's first paint)."""
        if not self._refresh_queued:
            self._refresh_queued = True
            QTimer.singleShot(0, self.refresh)

    def refresh(self) -> SyncStatus | None:
        self._refresh_queued = False
        ws = self.ws
        if ws is None:          # the window's shell, before the app opened the workspace
            return None
        from sva.sync.status import PendingAudits
        self.pending = PendingAudits()
        self.pending.reload(ws.db)
        self._pending_ws = ws
        return self._show()

    def audit_changed(self, audit_id: str | None) -> None:
        if self.ws is None:
            return
        if self.pending is None or self._pending_ws is not self.ws:
            self.schedule_refresh()
            return
        self.pending.update(self.ws.db, audit_id)
        self._show()

    def _show(self) -> SyncStatus:
        from sva.sync.status import sync_status
        if self.sync_action.icon().isNull():     # QStyle and Qt's enums cost ~50 ms to
            from PySide6.QtCore import Qt         # load: not before the first paint
            from PySide6.QtWidgets import QStyle
            self.sync_action.setIcon(self.window.style().standardIcon(
                QStyle.StandardPixmap.SP_BrowserReload))
            self.widget.button.setToolButtonStyle(Qt.ToolButtonStyle.ToolButtonTextBesideIcon)
        st = sync_status(self.ws.db, pending=len(self.pending))
        self.widget.show_status(st)
        return st

    def status(self) -> SyncStatus:
        from sva.sync.status import sync_status
        known = self.pending is not None and self._pending_ws is self.ws
        return sync_status(self.ws.db, pending=len(self.pending) if known else None)

    # -- actions ---------------------------------------------------------------------------
    def enrol(self, note: str = ""):
        if self.ws is None:
            return None
        from ui.sync.enrol_dialog import EnrolDialog
        dialog = EnrolDialog(self.ws, self.window, note=note)
        dialog.enrolled.connect(lambda _result: self.refresh())
        dialog.sync_requested.connect(lambda: self.sync_now())
        dialog.setAttribute(_delete_on_close())
        dialog.open()
        return dialog

    def sync_now(self):
        if self.sync_dialog is not None and self.sync_dialog.running:
            self.sync_dialog.raise_()
            self.sync_dialog.activateWindow()
            return self.sync_dialog
        if self.ws is None:
            return None
        if not self.status().enrolled:
            return self.enrol(note=self.tr(
                "This device is not enrolled with HQ yet: enrol it first, then sync."))
        from ui.sync.sync_dialog import SyncDialog
        if self.sync_dialog is not None:
            self.sync_dialog.deleteLater()
        dialog = SyncDialog(self.ws, self.window)
        dialog.conflicts_requested.connect(lambda: self.show_conflicts())
        dialog.enrol_requested.connect(lambda: self.enrol())
        self.sync_dialog = dialog
        dialog.open()
        dialog.start()
        return dialog

    def show_conflicts(self):
        if self.ws is None:
            return None
        from ui.sync.conflicts_dialog import ConflictsDialog
        dialog = ConflictsDialog(self.ws, self.window)
        dialog.setAttribute(_delete_on_close())
        dialog.open()
        return dialog

    def export_bundle(self):
        if self.ws is None:
            return None
        st = self.status()
        if not st.enrolled:
            return self.enrol(note=self.tr(
                "Bundles are signed with the key this device registered when it enrolled: "
                "enrol it once, while online, first."))
        if not st.pending:
            QMessageBox.information(self.window, self.tr("Export sync bundle"), self.tr(
                "Nothing to export: no signed audit is waiting for HQ."))
            return None
        from PySide6.QtWidgets import QFileDialog
        default = Path.home() / f"sva-{date.today().isoformat()}.svab"
        path, _ = QFileDialog.getSaveFileName(self.window, self.tr("Export sync bundle"),
                                              str(default),
                                              self.tr("SVA sync bundles (*.svab)"))
        if not path:
            return None
        if not path.endswith(".svab"):
            path += ".svab"
        return self.export_bundle_to(path)

    def export_bundle_to(self, path: str):
        from ui.sync.bundle_dialog import BundleDialog
        dialog = BundleDialog(self.ws, path, self.window)
        dialog.setAttribute(_delete_on_close())
        dialog.open()
        dialog.start()
        return dialog
