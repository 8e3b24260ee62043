"""The Japanese UI has no English left: every window and dialog of the app, and Qt's own
dialogs and menus, shown with the Japanese translators installed and scanned word by word
(tests/ui/ja_scan.py), plus the places where one English word had two meanings."""
from __future__ import annotations

from pathlib import Path

import pytest
from PySide6.QtCore import QCoreApplication, QLocale, QPoint, QTimer, QTranslator
from PySide6.QtGui import QContextMenuEvent
from PySide6.QtWidgets import (QApplication, QColorDialog, QDialog, QFileDialog, QLineEdit,
                               QMessageBox, QWidget)

from tests.ui.ja_scan import data_values, english_in, english_words
from tests.ui.ui_demo import audit_with, demo, demo_master, wait_tasks  # noqa: F401 (fixtures)
from ui import i18n
from ui.i18n_build import build
from ui.settings import CHECKLIST_LANGUAGE


@pytest.fixture
def japanese(qapp, tmp_path):
    """The Japanese UI as the app starts it (`i18n.install`), taken down afterwards."""
    build(out=tmp_path / "qm")
    before = set(qapp.findChildren(QTranslator))
    locale = QLocale()
    assert i18n.install(qapp, "ja", tmp_path / "qm") == "ja"
    loaded = [t for t in qapp.findChildren(QTranslator) if t not in before]
    yield loaded
    for translator in loaded:
        QCoreApplication.removeTranslator(translator)
        translator.setParent(None)
    QLocale.setDefault(locale)


class Scan:
    """Collects what each window shows that is still English."""

    def __init__(self, masked: list[str]):
        self.masked = masked
        self.problems: list[str] = []
        self.seen: list[str] = []

    def __call__(self, widget: QWidget, label: str, *, also: list[str] = (),
                 ignore: str | None = None) -> None:
        """`also`: more values that are data here (the names a file dialog lists);
        `ignore`: places not to look at (see english_in)."""
        assert widget.isVisible(), f"{label} is not shown"
        self.seen.append(label)
        masked = sorted([*self.masked, *also], key=len, reverse=True)
        self.problems += [f"[{label}] {p}" for p in english_in(widget, masked, ignore)]

    def modal(self, qtbot, label: str, opener, close=lambda w: w.reject()) -> None:
        """Scan a dialog that runs its own event loop (QMessageBox.about, QInputDialog)."""
        seen = []

        def look():
            widget = QApplication.activeModalWidget()
            if widget is None:
                QTimer.singleShot(20, look)
                return
            seen.append(widget)
            self(widget, label)
            close(widget)
        QTimer.singleShot(0, look)
        opener()
        qtbot.waitUntil(lambda: bool(seen))

    def popup(self, qtbot, label: str, target: QWidget) -> None:
        """Scan the context menu `target` opens on a right click."""
        seen = []

        def look():
            menu = QApplication.activePopupWidget()
            if menu is None:
                QTimer.singleShot(20, look)
                return
            seen.append(menu)
            self.seen.append(label)
            self.problems += [f"[{label}] {p}" for p in english_in(menu, self.masked)]
            assert [a for a in menu.actions() if a.text()], f"{label}: empty menu"
            menu.close()
        QTimer.singleShot(0, look)
        receiver = target.viewport() if hasattr(target, "viewport") else target
        event = QContextMenuEvent(QContextMenuEvent.Reason.Mouse, QPoint(5, 5),
                                  receiver.mapToGlobal(QPoint(5, 5)))
        QApplication.sendEvent(receiver, event)
        qtbot.waitUntil(lambda: bool(seen))


def test_the_scan_flags_english_and_lets_names_codes_and_data_pass():
    assert english_words("Save (Ctrl+Enter)") == ["Save"]
    assert english_words("保存 (Ctrl+Enter)") == []
    assert english_words("メモ(&N)") == []
    assert english_words("開く — SVR-HR-01, S001, HQ, CAP, PDF, 12 MB, (PgUp)") == []
    assert english_words("Kanto Parts への訪問", ["Kanto Parts"]) == []
    assert english_words("Kanto Parts への訪問") == ["Kanto", "Parts"]
    assert english_words("/tmp/x/photo.jpg を追加") == []
    assert english_words("Open") == ["Open"]


def test_no_english_left_in_the_japanese_ui(japanese, demo, qtbot, ui_settings, tmp_path):
    from ui.main_window import MainWindow

    CHECKLIST_LANGUAGE.set(ui_settings, "ja")
    scan = Scan(data_values(demo))
    window = MainWindow(demo, settings=ui_settings)
    qtbot.addWidget(window)
    window.resize(1366, 740)
    window.show()
    qtbot.waitExposed(window)
    qtbot.waitUntil(lambda: window.sync_ui.pending is not None)

    scan(window, "main window, audits")
    window.show_tab(window.SUPPLIERS_TAB)
    scan(window, "main window, suppliers")
    window.show_tab(window.AUDITS_TAB)

    audits = demo.queries.audits()
    svr = next(a["id"] for a in audits if a["kind"] == "svr" and a["status"] == "in_progress")
    infosec = next(a["id"] for a in audits if a["kind"] == "infosec")
    signed = next(a["id"] for a in audits if a["status"] == "signed")
    for audit_id, label in ((svr, "editor, SVR"), (infosec, "editor, infosec"),
                            (signed, "editor, signed")):
        editor = window.open_audit(audit_id)
        scan(window, label)
    editor = window.open_audit(svr)
    editor.answer("conforms")                # the Edit menu then names what it undoes
    window._fill_audit_menu()
    scan(window, "main window with an editor (menus)")

    editor.new_finding()
    scan(editor.finding_dialog, "new finding")
    editor.finding_dialog.reject()
    finding = demo.findings.of_audit(svr)[0]
    editor.edit_finding(finding["id"])
    scan(editor.finding_dialog, "edit finding")
    scan.popup(qtbot, "line edit menu", editor.finding_dialog.evidence)
    scan.popup(qtbot, "text edit menu", editor.finding_dialog.observed)
    editor.finding_dialog.has_due.setChecked(True)
    scan.popup(qtbot, "date edit menu", editor.finding_dialog.due)
    editor.finding_dialog.reject()

    editor.lifecycle.complete()
    if editor.lifecycle.missing_dialog is not None:
        scan(editor.lifecycle.missing_dialog, "cannot complete yet")
        editor.lifecycle.missing_dialog.reject()

    completed = audit_with(demo, "completed", photos=True)
    editor = window.open_audit(completed)
    editor.lifecycle.sign()
    scan(editor.lifecycle.sign_dialog, "sign")
    editor.lifecycle.sign_dialog.reject()

    strip = editor.photos_ui.strip
    photo = next(p for p in demo.photos.of_audit(completed))
    if not strip.photo_ids():
        strip.show_finding(photo["finding_id"]) if photo["finding_id"] else None
    qtbot.waitUntil(lambda: not strip.loading())
    viewer = editor.photos_ui.view([photo["id"]], 0)
    qtbot.waitUntil(viewer.loaded, timeout=30000)
    scan(viewer, "photo viewer")
    annotator = editor.photos_ui.annotate(photo["id"])
    qtbot.waitUntil(annotator.ready, timeout=30000)
    scan(annotator, "annotation editor")
    annotator.reject()
    viewer.close()

    reports = editor.reports
    reports.build("guidance", "ja", tmp_path / "guidance.pdf")
    reports.progress.show()
    scan(reports.progress, "report progress")
    qtbot.waitUntil(lambda: reports.preview is not None, timeout=120000)
    scan(reports.preview, "report preview")
    from PySide6.QtPrintSupport import QPrintDialog, QPrinter
    printer = QPrinter()                  # kept: the dialog holds a pointer to it
    printing = QPrintDialog(printer, reports.preview)      # the preview's Print opens this
    printing.show()
    scan(printing, "print dialog")
    printing.reject()
    reports.preview.close()

    window.show_settings()
    settings = window.findChild(QDialog, "settingsDialog")
    scan(settings, "settings")
    settings.reject()
    window.create_demo()
    demo_dialog = window.findChild(QDialog, "demoDialog")
    scan(demo_dialog, "demo data")
    demo_dialog.reject()

    from ui.dialogs import reason_dialog
    scan.modal(qtbot, "amendment reason", lambda: reason_dialog.ask_amendment_reason(window))
    scan.modal(qtbot, "about", window.show_about, close=lambda w: w.accept())

    enrol = window.sync_ui.enrol()
    scan(enrol, "enrol")
    enrol.reject()
    from ui.sync.conflicts_dialog import ConflictsDialog
    conflicts = ConflictsDialog(demo, window)
    conflicts.show()
    scan(conflicts, "conflicts")
    conflicts.reject()

    # Qt's file dialog as the app opens it (QFileDialog's own widgets on Linux), on a
    # folder with a subfolder, a photo, a report and a file of no known type.
    folder = tmp_path / "files"
    (folder / "sub").mkdir(parents=True)
    for name in ("photo.jpg", "report.pdf", "notes.svab"):
        (folder / name).write_bytes(b"x")
    names = [child.name for path in (folder, Path.cwd(), Path.home())
             for parent in (path, *path.parents) for child in parent.iterdir()]
    translate = QCoreApplication.translate
    for title, mode, accept in (
            (translate("PhotoImport", "Add photos"), QFileDialog.FileMode.ExistingFiles,
             QFileDialog.AcceptMode.AcceptOpen),
            (translate("DemoDialog", "Empty folder for demo data"),
             QFileDialog.FileMode.Directory, QFileDialog.AcceptMode.AcceptOpen),
            (translate("ReportPreview", "Save report as"), QFileDialog.FileMode.AnyFile,
             QFileDialog.AcceptMode.AcceptSave)):
        dialog = QFileDialog(window, title, str(folder),
                             translate("PhotoImport", "Photos (*.jpg *.jpeg *.png *.heic "
                                       "*.heif *.JPG *.JPEG *.PNG *.HEIC);;All files (*)"))
        dialog.setOption(QFileDialog.Option.DontUseNativeDialog)
        dialog.setFileMode(mode)
        dialog.setAcceptMode(accept)
        dialog.setViewMode(QFileDialog.ViewMode.Detail)
        dialog.show()
        qtbot.waitUntil(lambda: dialog.findChild(QWidget, "treeView").model().rowCount(
            dialog.findChild(QWidget, "treeView").rootIndex()) > 0)
        # In the file list only the type is UI text: names are data, and sizes and dates
        # follow the system's locale, not the app's language (QFileSystemModel formats
        # them with QLocale::system()).
        scan(dialog, f"file dialog: {title}", also=names, ignore=r"^treeView.*,[013]\]$")
        dialog.reject()
    colours = QColorDialog(window)
    colours.setOption(QColorDialog.ColorDialogOption.DontUseNativeDialog)
    colours.show()
    scan(colours, "colour dialog")
    colours.reject()
    box = QMessageBox(QMessageBox.Icon.Question, "x", "x", QMessageBox.StandardButton.Yes
                      | QMessageBox.StandardButton.No | QMessageBox.StandardButton.Ok
                      | QMessageBox.StandardButton.Cancel | QMessageBox.StandardButton.Close
                      | QMessageBox.StandardButton.Save | QMessageBox.StandardButton.Discard,
                      window)
    box.setWindowTitle("")
    box.setText("")
    box.show()
    scan(box, "message box buttons")
    box.reject()
    scan.popup(qtbot, "filter box menu", window.audits_view.search)

    wait_tasks(qtbot, editor.photos_ui.importer, reports)
    print("\n".join(scan.problems))
    assert not scan.problems, f"{len(scan.problems)} English text(s) in the Japanese UI"
