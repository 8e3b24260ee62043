"""The main window: Audits and Suppliers tabs over the workspace's read queries, the audit
editors in tabs, and Edit ▸ Undo / Redo over the core's undo stack.

The lists refresh from the workspace hub's broadcast of what each operation changed
(ui/operations/hub.py), like every other view; F5 broadcasts "everything"."""
from __future__ import annotations

import sys
from typing import TYPE_CHECKING

from PySide6.QtCore import QSettings, QSize
from PySide6.QtGui import QAction, QCloseEvent, QKeySequence
from PySide6.QtWidgets import QLabel, QMainWindow, QMessageBox, QTabWidget

from sva import paths
from sva.paths import data_dir
from sva.workspace import Workspace
from sva.errors import SvaError
from ui.core_messages import message_of
from ui.operations.hub import EVERYTHING, REDO, UNDO, OperationHub, hub_of
from ui.settings import (CURRENT_AUDIT, MAIN_GEOMETRY, MAIN_STATE, MAIN_TAB, OPEN_AUDITS,
                         app_settings)
from ui.views.audits_view import AuditsView
from ui.views.suppliers_view import SuppliersView
from ui.widgets.actions import make_action
from ui.widgets.screen_fit import free_size

if TYPE_CHECKING:  # imported when the first audit opens: it pulls in photos and reports,
    from ui.editor.audit_editor import AuditEditor   # ~1 s of start-up (tests/bench/bench_ui.py)

DEFAULT_SIZE = QSize(1280, 760)


def _is_editor(widget) -> bool:
    module = sys.modules.get("ui.editor.audit_editor")   # not loaded yet: no editor is open
    return module is not None and isinstance(widget, module.AuditEditor)


class MainWindow(QMainWindow):
    AUDITS_TAB, SUPPLIERS_TAB = 0, 1

    def __init__(self, ws: Workspace | None, *, settings: QSettings | None = None, parent=None):
        """`ws=None` builds the empty window, to be given its workspace by `set_workspace`
        (the app paints that shell first, see ui/app.py)."""
        super().__init__(parent)
        self.ws = ws
        self.settings = settings if settings is not None else app_settings()
        self.setObjectName("mainWindow")
        self.setWindowTitle(self.tr("SVA — Supplier Visit Audits"))
        self.setMinimumSize(900, 520)

        self.audits_view = AuditsView(self)
        self.suppliers_view = SuppliersView(self)
        self.tabs = QTabWidget(self)
        self.tabs.setObjectName("mainTabs")
        self.tabs.setDocumentMode(True)
        self.tabs.addTab(self.audits_view, self.tr("Audits"))
        self.tabs.addTab(self.suppliers_view, self.tr("Suppliers"))
        self.tabs.setTabsClosable(True)
        for fixed in (self.AUDITS_TAB, self.SUPPLIERS_TAB):   # only editor tabs close
            self.tabs.tabBar().setTabButton(fixed, self.tabs.tabBar().ButtonPosition.RightSide,
                                            None)
        self.tabs.tabCloseRequested.connect(self.close_tab)
        self.tabs.currentChanged.connect(self._tab_changed)
        self.setCentralWidget(self.tabs)
        self.hub: OperationHub | None = None
        self._restoring = True       # until the workspace's saved audit tabs are reopened
        self._stale = False
        self._suppliers_stale = True
        self.audits_view.open_requested.connect(self.open_audit)

        self.folder_label = QLabel()
        self.counts_label = QLabel()
        self.plain_label = QLabel()     # a folder created plain here: no usable keyring
        self.plain_label.setObjectName("notEncryptedWarning")
        self.plain_label.setStyleSheet("color: #a00000;")
        self.plain_label.hide()
        self.statusBar().addWidget(self.folder_label, 1)
        self.statusBar().addWidget(self.plain_label)
        self.statusBar().addPermanentWidget(self.counts_label)

        self._build_menus()
        self._restore_settings()
        if ws is not None:
            self.set_workspace(ws)

    # -- menus -------------------------------------------------------------------------------

    def _action(self, text: str, shortcut, slot, name: str) -> QAction:
        return make_action(self, name, text, shortcut, slot)

    def _build_menus(self) -> None:
        self.refresh_action = self._action(self.tr("&Refresh"), "F5", self.refresh,
                                           "refreshAction")
        self.quit_action = self._action(self.tr("&Quit"), "Ctrl+Q", self.close, "quitAction")
        self.audits_action = self._action(self.tr("&Audits"), "Ctrl+1",
                                          lambda: self.show_tab(self.AUDITS_TAB), "auditsAction")
        self.suppliers_action = self._action(
            self.tr("&Suppliers"), "Ctrl+2", lambda: self.show_tab(self.SUPPLIERS_TAB),
            "suppliersAction")
        self.find_action = self._action(self.tr("&Find"), QKeySequence.StandardKey.Find,
                                        self.focus_search, "findAction")
        self.about_action = self._action(self.tr("&About SVA"), "F1", self.show_about,
                                         "aboutAction")
        self.log_folder_action = self._action(self.tr("Open &log folder"), "Ctrl+F1",
                                              self.open_log_folder, "logFolderAction")

        file_menu = self.menuBar().addMenu(self.tr("&File"))
        file_menu.addAction(self.refresh_action)
        file_menu.addSeparator()
        file_menu.addAction(self.quit_action)
        view_menu = self.menuBar().addMenu(self.tr("&View"))
        view_menu.addAction(self.audits_action)
        view_menu.addAction(self.suppliers_action)
        view_menu.addSeparator()
        view_menu.addAction(self.find_action)
        self.undo_action = self._action(self.tr("&Undo"), "Ctrl+Z", self.undo, "undoAction")
        self.redo_action = self._action(self.tr("&Redo"), ["Ctrl+Shift+Z", "Ctrl+Y"],
                                        self.redo, "redoAction")
        self._update_undo_actions()
        self.settings_action = self._action(self.tr("&Settings…"), "Ctrl+,", self.show_settings,
                                            "settingsAction")
        self.demo_action = self._action(self.tr("Create &demo data…"), "", self.create_demo,
                                        "demoAction")
        self.close_tab_action = self._action(self.tr("&Close audit"), "Ctrl+W",
                                             lambda: self.close_tab(self.tabs.currentIndex()),
                                             "closeTabAction")
        self.backup_action = self._action(self.tr("Back &up…"), "Ctrl+Alt+B", self.back_up,
                                          "backupAction")
        self.restore_action = self._action(self.tr("&Restore…"), "Ctrl+Alt+R",
                                           self.restore_backup, "restoreAction")
        file_menu.insertAction(self.refresh_action, self.close_tab_action)
        file_menu.insertAction(self.quit_action, self.backup_action)
        file_menu.insertAction(self.quit_action, self.restore_action)
        file_menu.insertSeparator(self.quit_action)
        file_menu.insertAction(self.quit_action, self.demo_action)
        file_menu.insertAction(self.quit_action, self.settings_action)
        file_menu.insertSeparator(self.quit_action)
        edit_menu = self.menuBar().addMenu(self.tr("&Edit"))
        edit_menu.addAction(self.undo_action)
        edit_menu.addAction(self.redo_action)
        self.menuBar().insertMenu(view_menu.menuAction(), edit_menu)
        self.audit_menu = self.menuBar().addMenu(self.tr("&Audit"))
        self.audit_menu.setObjectName("auditMenu")
        self.audit_menu.aboutToShow.connect(self._fill_audit_menu)
        self._fill_audit_menu()
        help_menu = self.menuBar().addMenu(self.tr("&Help"))
        help_menu.addAction(self.about_action)
        help_menu.addAction(self.log_folder_action)
        from ui.sync import install_sync   # sync actions and status-bar widget (issue 8)
        self.sync_ui = install_sync(self, file_menu)

    # -- behaviour ---------------------------------------------------------------------------

    def refresh(self) -> None:
        """F5: everything may have changed (e.g. the command line wrote to the store)."""
        if self.hub is not None:
            self.hub.broadcast(EVERYTHING, self)

    def reload_lists(self) -> None:
        """Re-read the lists from the core.

        The Suppliers list is read when its tab is shown: filling and fitting 5,000 hidden
        rows was a third of the start-up (tests/bench/bench_ui.py).
        """
        if self.ws is None:   # the shell, before the app has opened the workspace
            return
        self._stale = False
        self._suppliers_stale = True
        audits = self.ws.queries.audits()
        self.audits_view.set_rows(audits)
        if self.tabs.currentWidget() is self.suppliers_view:
            self.load_suppliers()
        self.folder_label.setText(self.tr("Data folder: {0}").format(paths.shown(self.ws.folder)))
        self.folder_label.setToolTip(str(self.ws.folder))
        self.counts_label.setText(self.tr("{0} audits · {1} suppliers").format(
            len(audits), self.ws.queries.supplier_count()))

    def set_workspace(self, ws: Workspace) -> None:
        """Show the lists of `ws` (the shell built with `ws=None` gets its workspace here),
        with the keyboard in the audits list (or the editor of the tab shown)."""
        self.ws = ws
        self._say_if_not_encrypted(ws)
        self._watch(ws)
        self.reload_lists()
        self.restore_open_audits()
        self.focus_current_tab()

    def _say_if_not_encrypted(self, ws: Workspace) -> None:
        """A data folder this start created plain, because this computer has no usable
        keyring for its key: said in the status bar for as long as the window shows it."""
        reason = getattr(getattr(ws, "at_rest", None), "plain_reason", None)
        self.plain_label.setVisible(bool(reason))
        if reason:
            self.plain_label.setText(self.tr("Not encrypted: no usable keyring on this "
                                             "computer (sva db encrypt encrypts it later)"))

    def _watch(self, ws: Workspace) -> None:
        """Follow the operations of the workspace: the one refresh path of the lists."""
        if self.hub is not None:
            self.hub.operation_did_execute.disconnect(self._operation_did_execute)
        self.hub = hub_of(ws)
        self.hub.operation_did_execute.connect(self._operation_did_execute)
        self.sync_ui.watch(ws)     # the status bar reads after the next paint
        self._update_undo_actions()

    def _operation_did_execute(self, changes, initiator) -> None:
        """The lists re-read now if shown, else when shown next; Ctrl+Z / Ctrl+Shift+Z
        move to the audit whose step they replayed; the Edit menu names the next step."""
        if changes.master:
            self._suppliers_stale = True
        if changes.audit_data or changes.master:
            self._stale = True
        if self._stale and (initiator is self or self.tabs.currentWidget() is self.audits_view):
            self.reload_lists()
        elif self.tabs.currentWidget() is self.suppliers_view:
            self.load_suppliers()
        if initiator in (UNDO, REDO) and changes.audit_ids:
            shown = next((e for e in self.editors() if e.audit_id == changes.audit_ids[0]), None)
            editor = self.open_audit(changes.audit_ids[0])
            if editor is not shown:
                editor.reveal(changes)        # opened now: it did not hear the broadcast
        self._update_undo_actions()

    # -- undo and redo (the core's stack: sva.domain.undo) ----------------------------------
    def undo(self) -> None:
        self._replay(lambda: self.hub.undo())

    def redo(self) -> None:
        self._replay(lambda: self.hub.redo())

    def _replay(self, replay) -> None:
        if self.hub is None:
            return
        try:
            replay()
        except SvaError as exc:
            QMessageBox.warning(self, self.tr("Not saved"), message_of(exc))

    def _update_undo_actions(self) -> None:
        stack = self.ws.undo if self.ws is not None else None
        for action, prefix, text in (
                (self.undo_action, self.tr("&Undo"),
                 stack.undo_text() if stack is not None else ""),
                (self.redo_action, self.tr("&Redo"),
                 stack.redo_text() if stack is not None else "")):
            action.setText(f"{prefix} {text}" if text else prefix)
            action.setEnabled(bool(text))

    def focus_current_tab(self) -> None:
        """The keyboard where the tab shown is used from: the audits list, on a row (Enter
        opens it), or the open audit's checklist."""
        widget = self.tabs.currentWidget()
        if _is_editor(widget):
            widget.tree.setFocus()
        elif widget is self.audits_view and self.ws is not None:
            self.audits_view.focus_list()
        elif widget is self.suppliers_view and self.ws is not None:
            self.suppliers_view.table.setFocus()

    def load_suppliers(self) -> None:
        """Fill the Suppliers tab if the data changed since it was last filled."""
        if self._suppliers_stale and self.ws is not None:
            self._suppliers_stale = False
            self.suppliers_view.set_rows(self.ws.queries.suppliers())

    def show_tab(self, index: int) -> None:
        self.tabs.setCurrentIndex(index)

    def focus_search(self) -> None:
        widget = self.tabs.currentWidget()
        if hasattr(widget, "focus_search"):
            widget.focus_search()

    # -- audit editors ---------------------------------------------------------------------
    def editors(self) -> list[AuditEditor]:
        return [w for n in range(self.tabs.count())
                if _is_editor(w := self.tabs.widget(n))]

    def open_audit(self, audit_id: str, start: bool = False) -> AuditEditor:
        """Show the audit's editor (one tab per audit); `start` also starts a planned visit."""
        editor = next((e for e in self.editors() if e.audit_id == audit_id), None)
        if editor is None:
            from ui.editor.audit_editor import AuditEditor
            from ui.vocabulary import site_name, supplier_name
            editor = AuditEditor(self.ws, audit_id, settings=self.settings, parent=self)
            info = self.ws.queries.audit(audit_id)
            index = self.tabs.addTab(editor, f"{info['supplier_code']} · {info['planned_date']}")
            name = supplier_name(info["supplier_name_en"], info.get("supplier_name_ja"))
            self.tabs.setTabToolTip(index, f"{name} — {site_name(info)}")
        if start and editor.audit["status"] == "planned":
            editor.lifecycle.start_visit()
        self.tabs.setCurrentWidget(editor)
        editor.tree.setFocus()
        return editor

    def restore_open_audits(self) -> None:
        """Reopen the audit tabs open when the app last closed, and show the one shown then.
        An audit that is gone (deleted, another data folder) or cannot open is skipped."""
        ids, current = self._saved_tabs
        self._saved_tabs = ([], "")             # once: a later workspace starts with none
        listed = {row["id"] for row in self.audits_view.model.rows()}
        shown = self.tabs.currentWidget()
        self._restoring = True
        try:
            for audit_id in ids:
                if audit_id in listed:
                    try:
                        editor = self.open_audit(audit_id)
                    except SvaError:
                        continue
                    if audit_id == current:
                        shown = editor
            self.tabs.setCurrentWidget(shown)
        finally:
            self._restoring = False
        self._remember_tabs()

    def _remember_tabs(self) -> None:
        """The open audits and the one shown, written as they change (a crash or power cut
        still reopens them) and again at close."""
        if self._restoring:
            return
        self.settings.setValue(OPEN_AUDITS, " ".join(e.audit_id for e in self.editors()))
        current = self.tabs.currentWidget()
        self.settings.setValue(CURRENT_AUDIT, current.audit_id if _is_editor(current) else "")

    def close_tab(self, index: int) -> None:
        editor = self.tabs.widget(index)
        if not _is_editor(editor):
            return
        editor.flush()
        was_current = index == self.tabs.currentIndex()
        self.tabs.removeTab(index)
        editor.deleteLater()
        self._remember_tabs()
        if was_current:   # back to the list it was opened from (or another open audit)
            if not _is_editor(self.tabs.currentWidget()):
                self.tabs.setCurrentWidget(self.audits_view)
            self.focus_current_tab()

    def _tab_changed(self, index: int) -> None:
        self._remember_tabs()
        widget = self.tabs.widget(index)
        if self._stale and widget is self.audits_view:
            self.reload_lists()
        elif widget is self.suppliers_view:
            self.load_suppliers()

    def _fill_audit_menu(self) -> None:
        """The open audit's life-cycle, photo and report actions (they live on its editor)."""
        self.audit_menu.clear()
        editor = self.tabs.currentWidget()
        if not _is_editor(editor):
            self.audit_menu.addAction(self.tr("Open an audit for photos and reports")
                                      ).setEnabled(False)
            return
        for action in (editor.lifecycle.actions + [None] + editor.instances.actions
                       + editor.profile_ui.actions + editor.photos_ui.actions + [None]
                       + editor.reports.actions):
            if action is None:
                self.audit_menu.addSeparator()
            elif action.isVisible():
                self.audit_menu.addAction(action)

    def show_settings(self) -> None:
        from ui.dialogs.settings_dialog import SettingsDialog
        SettingsDialog(self.settings, parent=self).open()

    def create_demo(self) -> None:
        from ui.dialogs.demo_dialog import DemoDialog
        dialog = DemoDialog(parent=self)
        dialog.open_requested.connect(self.switch_workspace)
        dialog.open()

    def switch_workspace(self, folder: str) -> None:
        """Close the editors and show another data folder (e.g. fresh demo data)."""
        for editor in self.editors():
            self.close_tab(self.tabs.indexOf(editor))
        old = self.ws
        ws = Workspace(folder)
        from ui.app import said_at_rest
        said_at_rest(ws, self)
        self.set_workspace(ws)
        if old is not None:
            old.close()

    # -- backup and restore (ui/dialogs/backup_dialog.py, restore_dialog.py) ---------------
    def back_up(self) -> None:
        if self.ws is None:
            return
        from ui.dialogs.backup_dialog import BackupDialog
        BackupDialog(self.ws, parent=self).open()

    def restore_backup(self) -> None:
        from ui.dialogs.restore_dialog import RestoreDialog
        folder = self.ws.folder if self.ws is not None else data_dir()
        RestoreDialog(folder, self.swap_in_restored, parent=self).open()

    def swap_in_restored(self, staging: str):
        """Close the editors and the workspace, put the checked backup (`staging`) in the
        data folder's place, and open it; returns where the old folder was kept. If the swap
        fails, the old folder is opened again."""
        from ui.operations.backup import finish_restore
        folder = self.ws.folder if self.ws is not None else data_dir()
        for editor in self.editors():
            self.close_tab(self.tabs.indexOf(editor))
        self.finish_backups()
        if self.ws is not None:
            self.ws.close()
        try:
            aside = finish_restore(staging, folder)
        finally:
            # An encrypted backup restored where the keyring lacks its key asks for its
            # recovery key here; declined, the window closes (no data folder to show).
            from ui.app import open_workspace
            ws = open_workspace(folder)
            if ws is not None:
                self.set_workspace(ws)
            else:
                self.close()
        return aside

    def finish_backups(self, wait: float = 30.0) -> None:
        """Before the workspace closes: cancel a backup still running in a dialog and let
        the daily copy end (it takes a fraction of a second), so none is cut off half-way
        or left using a closed store."""
        from ui.dialogs.backup_dialog import BackupDialog
        tasks = [d.task for d in self.findChildren(BackupDialog) if d.task is not None]
        for task in tasks:
            task.cancel()
        daily = getattr(self, "daily_backup", None)
        for task in tasks + ([daily] if daily is not None else []):
            task.finished.wait(wait)

    def start_daily_backup(self) -> None:
        """The daily copy of the database in `backups/` (setting: on, keep 7), in the
        background; a line in the status bar says when one was written."""
        from ui.settings import DAILY_BACKUP, DAILY_BACKUP_KEEP
        if self.ws is None or not DAILY_BACKUP.get(self.settings):
            return
        from ui.operations.backup import backup_pool, daily_backup_task
        task = daily_backup_task(self.ws, DAILY_BACKUP_KEEP.get(self.settings))
        task.signals.succeeded.connect(
            lambda path: path and self.statusBar().showMessage(
                self.tr("Daily backup written to {0}").format(paths.shown(path)), 10000))
        task.signals.failed.connect(
            lambda message: self.statusBar().showMessage(
                self.tr("The daily backup failed: {0}").format(message), 30000))
        self.daily_backup = task
        task.start(backup_pool())

    def show_about(self) -> None:
        from ui.dialogs.about_dialog import AboutDialog
        AboutDialog(self.ws, parent=self, folder=data_dir()).open()

    def open_log_folder(self) -> None:
        from ui.dialogs.about_dialog import show_log_folder
        show_log_folder(self, self.ws.folder if self.ws is not None else data_dir())

    # -- settings ----------------------------------------------------------------------------

    def _restore_settings(self) -> None:
        # Read before the tab index below is restored: showing a tab writes them anew.
        self._saved_tabs = (str(self.settings.value(OPEN_AUDITS, "") or "").split(),
                            str(self.settings.value(CURRENT_AUDIT, "") or ""))
        geometry = self.settings.value(MAIN_GEOMETRY)
        if geometry is None or not self.restoreGeometry(geometry):
            self.resize(self._default_size())
        state = self.settings.value(MAIN_STATE)
        if state is not None:
            self.restoreState(state)
        tab = self.settings.value(MAIN_TAB, self.AUDITS_TAB, type=int)
        if 0 <= tab < self.tabs.count():
            self.tabs.setCurrentIndex(tab)

    def _default_size(self) -> QSize:
        """1280×760, but never larger than the screen's free area (e.g. 1366×768 laptops)."""
        free = free_size(self)
        return DEFAULT_SIZE if free is None else DEFAULT_SIZE.boundedTo(free)

    def save_settings(self) -> None:
        self.settings.setValue(MAIN_GEOMETRY, self.saveGeometry())
        self.settings.setValue(MAIN_STATE, self.saveState())
        self.settings.setValue(MAIN_TAB, self.tabs.currentIndex()
                               if self.tabs.currentIndex() <= self.SUPPLIERS_TAB
                               else self.AUDITS_TAB)
        self._remember_tabs()
        self.settings.sync()

    def closeEvent(self, event: QCloseEvent) -> None:
        for editor in self.editors():
            editor.flush()
        self.finish_backups()
        self.save_settings()
        super().closeEvent(event)
