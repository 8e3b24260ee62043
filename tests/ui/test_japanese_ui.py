"""The Japanese UI has no English left: every window and dialog of the app, and Qt's own
dialogs and menus, shown with the Japanese translators installed and scanned word by word
(tests/ui/ja_scan.py), plus the places where one English word had two meanings."""
from __future__ import annotations

from pathlib import Path

from PySide6.QtCore import QCoreApplication, QPoint, Qt, QTimer
from PySide6.QtGui import QContextMenuEvent
from PySide6.QtWidgets import (QApplication, QColorDialog, QDialog, QFileDialog, QLabel,
                               QMessageBox, QWidget)

from tests.ui.ja_scan import data_values, english_in, english_words, japanese  # noqa: F401
from tests.ui.ui_demo import audit_with, demo, demo_master, wait_tasks  # noqa: F401 (fixtures)
from ui import i18n
from ui.settings import CHECKLIST_LANGUAGE


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
    assert english_words("開く — SVR-HR-01, S001, CAP, PDF, 12 MB, (PgUp), Enter キー") == []
    assert english_words("HQ に接続できません") == ["HQ"]          # it is 本社 in Japanese
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
    dialog = editor.lifecycle.completion_dialog
    assert dialog is not None and dialog.isVisible()     # the demo visit still has gaps
    scan(dialog, "cannot complete yet")
    dialog.reject()
    from ui.dialogs.reason_dialog import no_finding_dialog
    reason = no_finding_dialog("SVR-HR-01", parent=window)
    reason.show()
    scan(reason, "no finding needed")
    reason.reject()

    planned = next(a["id"] for a in audits if a["status"] == "planned")
    editor = window.open_audit(planned)
    qtbot.keyClick(editor.tree, Qt.Key.Key_1)       # says how to start the visit
    scan(window, "editor, planned visit")
    editor.lifecycle.start_visit()
    scan(editor.lifecycle.start_dialog, "start visit")
    editor.lifecycle.start_dialog.reject()

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
    window.show_about()
    about = window.findChild(QDialog, "aboutDialog")
    qtbot.waitUntil(lambda: about.rows["keyring"].text() != about.tr("checking…"))
    facts = about.facts                   # versions, the system and paths are data here
    scan(about, "about", also=[facts.python, about.rows["qt"].text(), facts.system,
                               facts.sqlite, about.rows["keyring"].text().split(" — ")[0]])
    about.reject()

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
        qtbot.waitUntil(lambda dialog=dialog: dialog.findChild(QWidget, "treeView").model()
                        .rowCount(dialog.findChild(QWidget, "treeView").rootIndex()) > 0)
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


# -- one English word, two meanings ----------------------------------------------------------

# Sources of the shared, empty context used in more than one place, each checked to mean the
# same in every place (so one translation fits). A new one fails the test below until it is
# checked too, and given a disambiguation (`_tr(text, "what it means here")`) if it does not.
ONE_MEANING = {
    "Item",                      # the checklist item (tree header, findings column)
    "Status",                    # an audit's or a finding's status (column headers)
    "Info-sec",                  # information security (kind, level column)
    "SVR",                       # the SVR checklist kind (full and short label)
    "Information security",      # the kind and the risk area
    "Observation",               # the answer and the severity: 観察事項 for both
    "required",                  # a required item not answered yet (tree cell, sizing)
    "permission denied",         # EACCES and EPERM
    "{0}: {1}",                  # where, then what (core messages)
}


def test_a_word_with_two_meanings_gets_two_translations():
    import xml.etree.ElementTree as ET
    root = ET.parse(i18n.translations_dir() / "sva_ja.ts").getroot()
    shared = [m for c in root if (c.findtext("name") or "") == ""
              for m in c.findall("message") if len(m.findall("location")) > 1
              and m.find("comment") is None]
    assert sorted(m.findtext("source") for m in shared) == sorted(ONE_MEANING)
    opens = {(c.findtext("name"), m.findtext("comment")): m.findtext("translation")
             for c in root for m in c.findall("message") if m.findtext("source") == "Open"}
    assert opens == {("AuditsView", "button: open the audit"): "開く",
                     ("", "column: findings not yet closed"): "未完了",
                     ("", "finding status: no corrective action yet"): "未対応"}


def test_open_the_button_is_not_open_the_status(japanese, qtbot, ws, audit, ui_settings):
    from ui.main_window import MainWindow
    from ui.vocabulary import finding_status_label

    # `audit` is in progress: the button says Open
    window = MainWindow(ws, settings=ui_settings)
    qtbot.addWidget(window)
    window.show()
    view = window.audits_view
    view.table.setCurrentIndex(view.proxy.index(0, 0))
    assert view.open_button.text() == "開く"
    column = view.model.column_index("open")
    assert view.model.headerData(column, Qt.Orientation.Horizontal) == "未完了"
    assert finding_status_label("open") == "未対応"


# -- the checklist tree in both languages ----------------------------------------------------

def test_both_languages_tree_shows_an_english_and_a_japanese_line(open_editor, audit, ws,
                                                                   ui_settings):
    CHECKLIST_LANGUAGE.set(ui_settings, "both")
    editor = open_editor(audit)
    section = editor.template.sections[0]
    item = section.items[0]
    row = editor.model.index_of(item.id)
    short = item.id.split("-", 1)[1]
    assert row.data() == f"{short}  {item.question['en']}\n{item.question['ja']}"
    assert row.parent().data() == f"{section.title['en']}\n{section.title['ja']}"
    lines = editor.tree.fontMetrics().lineSpacing()
    rect = editor.tree.visualRect(editor.proxy.mapFromSource(row))
    assert editor.tree.uniformRowHeights() and rect.height() >= 2 * lines
    last = editor.model.index_of(editor.template.sections[-1].items[-1].id)
    assert editor.tree.visualRect(editor.proxy.mapFromSource(last)).height() == rect.height()

    editor.header.language.setCurrentIndex(editor.header.language.findData("ja"))
    assert row.data() == f"{short}  {item.question['ja']}"
    assert editor.tree.visualRect(editor.proxy.mapFromSource(row)).height() < 2 * lines
    assert row.data(Qt.ItemDataRole.ToolTipRole).split("\n")[0] == item.question["ja"]


# -- supplier names --------------------------------------------------------------------------

def _second_audit(ws, name_ja):
    sid = ws.suppliers.add(code="S002", name_en="Acme Fasteners Ltd.", name_ja=name_ja,
                           country="GB", annual_spend=1000)
    site = ws.suppliers.add_site(sid, name="Leeds works", country="GB",
                                 timezone="Europe/London")
    return ws.audits.create(supplier_id=sid, site_id=site, planned_date="2026-06-01",
                            template_ref=ws.templates.latest("svr"), auditors=["Ken Ito"])


def _audits_column(window, key: str = "supplier") -> list[str]:
    view = window.audits_view
    column = view.model.column_index(key)
    return sorted(view.model.index(r, column).data() for r in range(view.model.rowCount()))


def test_supplier_names_are_japanese_in_the_japanese_ui(japanese, qtbot, ws, audit, ui_settings,
                                                         answer_all):
    from ui.main_window import MainWindow
    _second_audit(ws, name_ja="")              # no Japanese name: the English one is shown
    ws.suppliers.edit_site(ws.audits.audit(audit)["site_id"], name_ja="川崎工場")
    answer_all(ws, audit)
    ws.audits.complete(audit)
    window = MainWindow(ws, settings=ui_settings)
    qtbot.addWidget(window)
    window.show()
    assert _audits_column(window) == ["S001  関東部品株式会社", "S002  Acme Fasteners Ltd."]
    assert "川崎工場" in _audits_column(window, "site")     # the site likewise

    editor = window.open_audit(audit)
    assert editor.header.title.text() == "S001  関東部品株式会社 — 川崎工場"
    assert editor.header.title.toolTip() == "Kanto Parts Co., Ltd."
    tab = window.tabs.indexOf(editor)
    assert window.tabs.tabToolTip(tab) == "関東部品株式会社 — 川崎工場"
    editor.lifecycle.sign()
    dialog = editor.lifecycle.sign_dialog
    assert "関東部品株式会社" in dialog.findChild(QLabel).text()
    assert "川崎工場" in dialog.findChild(QLabel).text()
    assert dialog.supplier.organisation.text() == "関東部品株式会社"
    dialog.reject()

    window.show_tab(window.SUPPLIERS_TAB)
    header = window.suppliers_view.table.horizontalHeader()
    model = window.suppliers_view.model
    assert header.visualIndex(model.column_index("name_ja")) \
        < header.visualIndex(model.column_index("name_en"))


def test_supplier_names_stay_english_in_the_english_ui(qtbot, ws, audit, ui_settings):
    from ui.main_window import MainWindow
    ws.suppliers.edit_site(ws.audits.audit(audit)["site_id"], name_ja="川崎工場")
    window = MainWindow(ws, settings=ui_settings)
    qtbot.addWidget(window)
    window.show()
    assert _audits_column(window) == ["S001  Kanto Parts Co., Ltd."]
    editor = window.open_audit(audit)
    assert editor.header.title.text() == "S001  Kanto Parts Co., Ltd. — Kawasaki plant"
    assert editor.header.title.toolTip() == "関東部品株式会社"
