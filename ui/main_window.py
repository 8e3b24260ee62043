"""The main window: Audits and Suppliers tabs over the workspace's read queries."""
from __future__ import annotations

from PySide6.QtCore import QSettings, QSize
from PySide6.QtGui import QAction, QCloseEvent, QGuiApplication, QKeySequence
from PySide6.QtWidgets import QLabel, QMainWindow, QMessageBox, QTabWidget

from sva import __version__
from sva.workspace import Workspace
from ui.settings import MAIN_GEOMETRY, MAIN_STATE, MAIN_TAB, app_settings
from ui.views.audits_view import AuditsView
from ui.views.suppliers_view import SuppliersView

DEFAULT_SIZE = QSize(1280, 760)


class MainWindow(QMainWindow):
    AUDITS_TAB, SUPPLIERS_TAB = 0, 1

    def __init__(self, ws: Workspace, *, settings: QSettings | None = None, parent=None):
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
        self.setCentralWidget(self.tabs)

        self.folder_label = QLabel()
        self.counts_label = QLabel()
        self.statusBar().addWidget(self.folder_label, 1)
        self.statusBar().addPermanentWidget(self.counts_label)

        self._build_menus()
        self._restore_settings()
        self.refresh()

    # -- menus -------------------------------------------------------------------------------

    def _action(self, text: str, shortcut, slot, name: str) -> QAction:
        action = QAction(text, self)
        action.setObjectName(name)
        action.setShortcut(QKeySequence(shortcut))
        action.triggered.connect(slot)
        return action

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
        self.about_action = self._action(self.tr("&About SVA"), "", self.show_about,
                                         "aboutAction")

        file_menu = self.menuBar().addMenu(self.tr("&File"))
        file_menu.addAction(self.refresh_action)
        file_menu.addSeparator()
        file_menu.addAction(self.quit_action)
        view_menu = self.menuBar().addMenu(self.tr("&View"))
        view_menu.addAction(self.audits_action)
        view_menu.addAction(self.suppliers_action)
        view_menu.addSeparator()
        view_menu.addAction(self.find_action)
        help_menu = self.menuBar().addMenu(self.tr("&Help"))
        help_menu.addAction(self.about_action)

    # -- behaviour ---------------------------------------------------------------------------

    def refresh(self) -> None:
        """Re-read both lists from the core (the one refresh path for now)."""
        audits = self.ws.queries.audits()
        suppliers = self.ws.queries.suppliers()
        self.audits_view.set_rows(audits)
        self.suppliers_view.set_rows(suppliers)
        self.folder_label.setText(self.tr("Data folder: {0}").format(self.ws.folder))
        self.folder_label.setToolTip(str(self.ws.folder))
        self.counts_label.setText(
            self.tr("{0} audits · {1} suppliers").format(len(audits), len(suppliers)))

    def show_tab(self, index: int) -> None:
        self.tabs.setCurrentIndex(index)

    def focus_search(self) -> None:
        self.tabs.currentWidget().focus_search()

    def show_about(self) -> None:
        QMessageBox.about(
            self, self.tr("About SVA"),
            self.tr("<h3>SVA — Supplier Visit Audits</h3>"
                    "<p>Version {0}</p>"
                    "<p>Offline supplier audits (SVR and information security) "
                    "for auditors, synced to HQ.</p>").format(__version__))

    # -- settings ----------------------------------------------------------------------------

    def _restore_settings(self) -> None:
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
        screen = self.screen() or QGuiApplication.primaryScreen()
        if screen is None:
            return DEFAULT_SIZE
        free = screen.availableGeometry().size()
        return DEFAULT_SIZE.boundedTo(QSize(free.width() - 16, free.height() - 40))

    def save_settings(self) -> None:
        self.settings.setValue(MAIN_GEOMETRY, self.saveGeometry())
        self.settings.setValue(MAIN_STATE, self.saveState())
        self.settings.setValue(MAIN_TAB, self.tabs.currentIndex())
        self.settings.sync()

    def closeEvent(self, event: QCloseEvent) -> None:
        self.save_settings()
        super().closeEvent(event)
