"""Preview of a built report: the pages, Print (QPrintDialog), Save as… and Open folder.

Pages are shown with QtPdf (from PySide6-Addons) when it loads; otherwise they are
rendered to images in a worker (pdftoppm) and shown in a scroll area. Printing renders the
pages at the printer's resolution (at most 300 dpi) in a worker, then paints them.

Every printing step runs from a signal; an exception there would only reach stderr (PySide
prints it and carries on), so each step reports failures to the user in a message box.
"""
from __future__ import annotations

import shutil
import traceback
from pathlib import Path
from collections.abc import Callable

from PySide6.QtCore import QRect, Qt, QUrl, Signal
from PySide6.QtGui import QAction, QDesktopServices, QKeySequence, QPainter, QPixmap
from PySide6.QtPrintSupport import QPrintDialog, QPrinter
from PySide6.QtWidgets import (QDialog, QFileDialog, QLabel, QMenuBar, QMessageBox,
                               QScrollArea, QToolBar, QVBoxLayout, QWidget)

from sva import paths
from ui.operations.report import page_images_task
from ui.operations.tasks import Task
from ui.widgets.actions import make_action
from ui.widgets.screen_fit import resize_within_screen

PREVIEW_DPI = 110
MAX_PRINT_DPI = 300

try:
    from PySide6.QtPdf import QPdfDocument
    from PySide6.QtPdfWidgets import QPdfView
except ImportError:         # the preview falls back to page images
    QPdfDocument = QPdfView = None


def has_qtpdf() -> bool:
    return QPdfView is not None


class ReportPreview(QDialog):
    printed = Signal(int)       # pages sent to the printer

    def __init__(self, path: str | Path, parent=None):
        super().__init__(parent)
        self.setObjectName("reportPreview")
        self.path = Path(path)
        self.setWindowTitle(self.tr("Preview — {0}").format(self.path.name))
        self.task: Task | None = None
        self.print_task: Task | None = None
        self.printer: QPrinter | None = None
        self.message: QMessageBox | None = None
        self.page_labels: list[QLabel] = []
        self.zoom = 1.0

        if has_qtpdf():
            self.document = QPdfDocument(self)
            self.document.load(str(self.path))
            self.view = QPdfView(self)
            self.view.setObjectName("pdfView")
            self.view.setPageMode(QPdfView.PageMode.MultiPage)
            self.view.setZoomMode(QPdfView.ZoomMode.FitToWidth)
            self.view.setDocument(self.document)
            self.view.setPageSpacing(12)
        else:
            self.document = None
            self.view = QScrollArea(self)
            self.view.setObjectName("pageScroll")
            self.view.setWidgetResizable(True)
            self.view.setAlignment(Qt.AlignmentFlag.AlignHCenter)
            self.pages = QWidget()
            self.pages_layout = QVBoxLayout(self.pages)
            self.pages_layout.setSpacing(12)
            self.view.setWidget(self.pages)
            self.task = page_images_task(self.path, PREVIEW_DPI)
            self.task.signals.succeeded.connect(self._pages_ready)
            self.task.signals.failed.connect(self._show_error)
            self.task.start()
        self.info = QLabel(paths.shown(self.path))
        self.info.setObjectName("previewInfo")
        self.info.setTextInteractionFlags(Qt.TextInteractionFlag.TextSelectableByMouse)

        menu_bar = QMenuBar(self)
        toolbar = QToolBar()
        file_menu = menu_bar.addMenu(self.tr("&File"))
        view_menu = menu_bar.addMenu(self.tr("&View"))
        self.print_action = self._action("printReport", self.tr("&Print…"),
                                         QKeySequence.StandardKey.Print, self.print_report)
        self.save_action = self._action("saveReportAs", self.tr("&Save as…"),
                                        QKeySequence("Ctrl+Shift+S"), self.save_as)
        self.folder_action = self._action("openReportFolder", self.tr("Open &folder"),
                                          QKeySequence("Ctrl+Shift+O"), self.open_folder)
        self.close_action = self._action("closePreview", self.tr("&Close"),
                                         QKeySequence("Ctrl+W"), self.close)
        self.zoom_in_action = self._action("previewZoomIn", self.tr("Zoom &in"),
                                           QKeySequence.StandardKey.ZoomIn,
                                           lambda: self.set_zoom(self.zoom * 1.2))
        self.zoom_out_action = self._action("previewZoomOut", self.tr("Zoom &out"),
                                            QKeySequence.StandardKey.ZoomOut,
                                            lambda: self.set_zoom(self.zoom / 1.2))
        self.fit_action = self._action("previewFit", self.tr("&Fit width"),
                                       QKeySequence("Ctrl+0"), self.fit_width)
        for act in (self.print_action, self.save_action, self.folder_action):
            file_menu.addAction(act)
            toolbar.addAction(act)
        file_menu.addSeparator()
        file_menu.addAction(self.close_action)
        toolbar.addSeparator()
        for act in (self.zoom_in_action, self.zoom_out_action, self.fit_action):
            view_menu.addAction(act)
            toolbar.addAction(act)
        layout = QVBoxLayout(self)
        layout.setMenuBar(menu_bar)
        layout.addWidget(toolbar)
        layout.addWidget(self.view, 1)
        layout.addWidget(self.info)
        resize_within_screen(self, 900, 720)

    def _action(self, name, text, keys, slot) -> QAction:
        act = make_action(self, name, text, keys, slot, add_to=self)
        act.setToolTip(f"{text.replace('&', '')} ({QKeySequence(keys).toString()})")
        return act

    # -- pages --------------------------------------------------------------------------------
    def page_count(self) -> int:
        if self.document is not None:
            return self.document.pageCount()
        return len(self.page_labels)

    def _pages_ready(self, images) -> None:
        for image in images:
            label = QLabel()
            label.setPixmap(QPixmap.fromImage(image))
            label.setStyleSheet("background: white; border: 1px solid #999;")
            label.setAlignment(Qt.AlignmentFlag.AlignCenter)
            self.pages_layout.addWidget(label, 0, Qt.AlignmentFlag.AlignHCenter)
            self.page_labels.append(label)
        self._images = images
        self.info.setText(self.tr("{0} — {1} page(s)").format(paths.shown(self.path), len(images)))

    def set_zoom(self, factor: float) -> None:
        self.zoom = max(0.25, min(4.0, factor))
        if self.document is not None:
            self.view.setZoomMode(QPdfView.ZoomMode.Custom)
            self.view.setZoomFactor(self.zoom)
            return
        for label, image in zip(self.page_labels, getattr(self, "_images", [])):
            label.setPixmap(QPixmap.fromImage(image).scaledToWidth(
                round(image.width() * self.zoom), Qt.TransformationMode.SmoothTransformation))

    def fit_width(self) -> None:
        if self.document is not None:
            self.view.setZoomMode(QPdfView.ZoomMode.FitToWidth)
            self.zoom = self.view.zoomFactor()
            return
        images = getattr(self, "_images", [])
        if images:
            self.set_zoom((self.view.viewport().width() - 40) / images[0].width())

    def _show_error(self, message: str) -> None:
        self.info.setText(self.tr("The pages cannot be shown: {0}").format(message))

    # -- save, folder, print ------------------------------------------------------------------
    def save_as(self) -> None:
        target, _ = QFileDialog.getSaveFileName(self, self.tr("Save report as"),
                                                str(Path.home() / self.path.name),
                                                self.tr("PDF document (*.pdf)"))
        if target:
            self.save_to(target)

    def save_to(self, target: str | Path) -> Path:
        target = Path(target)
        if target.suffix.lower() != ".pdf":
            target = target.with_suffix(".pdf")
        if target.resolve() != self.path.resolve():
            shutil.copyfile(self.path, target)
        self.info.setText(self.tr("Saved as {0}").format(target))
        return target

    def open_folder(self) -> None:
        QDesktopServices.openUrl(QUrl.fromLocalFile(str(self.path.parent)))

    def current_printer(self) -> QPrinter:
        """The printer Print uses; kept, so a second Print starts from the first one's
        choices (printer, paper, pages)."""
        if self.printer is None:
            self.printer = QPrinter(QPrinter.PrinterMode.HighResolution)
            self.printer.setDocName(self.path.stem)
        return self.printer

    def print_report(self) -> None:
        """Print…: the print dialog (window-modal), then the pages to the chosen printer."""
        self._reporting_failure(self._open_print_dialog)

    def _open_print_dialog(self) -> None:
        printer = self.current_printer()
        dialog = QPrintDialog(printer, self)
        dialog.setObjectName("printDialog")
        pages = self.page_count()
        if pages > 0:
            dialog.setMinMax(1, pages)
        dialog.accepted.connect(lambda: self._reporting_failure(self.print_to, printer))
        dialog.finished.connect(dialog.deleteLater)
        # QPrintDialog.open(receiver, member) hides QDialog.open() from PySide: calling
        # dialog.open() raised a TypeError in this slot and nothing was shown.
        QDialog.open(dialog)

    def print_to(self, printer: QPrinter) -> Task:
        """Render the pages in a worker at the printer's resolution, then paint them."""
        dpi = min(MAX_PRINT_DPI, max(72, printer.resolution()))
        self.info.setText(self.tr("Preparing pages for printing…"))
        self.print_task = page_images_task(self.path, dpi)
        self.print_task.signals.succeeded.connect(
            lambda images: self._reporting_failure(self._paint, printer, images))
        self.print_task.signals.failed.connect(self._print_failed)
        self.print_task.start()
        return self.print_task

    def _paint(self, printer: QPrinter, images) -> None:
        if printer.printRange() == QPrinter.PrintRange.PageRange and printer.fromPage() > 0:
            images = images[printer.fromPage() - 1:printer.toPage() or len(images)]
        painter = QPainter()
        if not painter.begin(printer):
            where = printer.outputFileName() or printer.printerName()
            self._print_failed(self.tr("{0} could not be opened for printing.").format(where))
            return
        try:
            for n, image in enumerate(images):
                if n:
                    printer.newPage()
                page = painter.viewport()
                size = image.size().scaled(page.size(), Qt.AspectRatioMode.KeepAspectRatio)
                target = QRect(page.x() + (page.width() - size.width()) // 2,
                               page.y() + (page.height() - size.height()) // 2,
                               size.width(), size.height())
                painter.drawImage(target, image)
        finally:
            painter.end()
        self.info.setText(self.tr("Sent {0} page(s) to the printer.").format(len(images)))
        self.printed.emit(len(images))

    def _reporting_failure(self, step: Callable, *args) -> None:
        try:
            step(*args)
        except Exception as exc:  # noqa: BLE001 - shown to the user, the trace logged
            traceback.print_exc()
            self._print_failed(str(exc) or type(exc).__name__)

    def _print_failed(self, message: str) -> None:
        self.info.setText(self.tr("Not printed: {0}").format(message))
        self.message = QMessageBox(QMessageBox.Icon.Warning, self.tr("Not printed"),
                                   self.tr("The report was not printed.\n\n{0}").format(message),
                                   QMessageBox.StandardButton.Ok, self)
        self.message.setObjectName("printFailed")
        self.message.open()
