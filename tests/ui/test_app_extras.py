"""Japanese UI, settings, demo creation in the background, editor screenshots."""
from __future__ import annotations

from pathlib import Path

from PySide6.QtCore import QCoreApplication
from PySide6.QtWidgets import QAbstractButton, QLabel

from tests.ui.ja_scan import english_words, japanese  # noqa: F401 (fixture)
from ui import i18n
from ui.i18n_build import build
from ui.settings import AUDITOR_NAME, CHECKLIST_LANGUAGE, LANGUAGE


def test_japanese_ui_strings_appear_when_ja_is_chosen(japanese, open_editor, audit):
    editor = open_editor(audit)
    assert editor.header.complete_button.text() == "完了…"
    assert editor.header.status.text() == "実施中"                # a started visit
    assert "確認方法" in editor.panel.evidence.text()
    buttons = [b.text() for b in editor.panel.group.buttons()]
    assert buttons == ["1  適合", "2  不適合", "3  観察事項", "4  該当なし"]
    assert editor.model.index_of(editor.tree.current_item_id(), 1).data() == "必須"


def test_every_ui_string_has_a_japanese_translation():
    text = (i18n.translations_dir() / "sva_ja.ts").read_text("utf-8")
    assert "<source>" in text and 'type="unfinished"' not in text


def test_qt_own_dialogs_and_menus_use_qts_japanese_catalogue(japanese, qtbot, tmp_path):
    """Qt's catalogue comes from PySide6's own translations folder (qt_ja loads qtbase_ja
    and the others); what it lacks for Qt 6.11 comes from ours (i18n.qt_gaps)."""
    from PySide6.QtCore import QLibraryInfo
    from PySide6.QtWidgets import QDialogButtonBox, QFileDialog, QLineEdit, QPlainTextEdit

    assert (Path(QLibraryInfo.path(QLibraryInfo.LibraryPath.TranslationsPath))
            / "qt_ja.qm").exists()
    ours, qt = japanese
    assert Path(qt.filePath()).name == "qt_ja.qm" and qt.language() == "ja"
    assert Path(ours.filePath()).name == "sva_ja.qm" and ours.language().startswith("ja")
    assert all(text != source for source, text in i18n.qt_gaps().items())

    for widget in (QLineEdit("x"), QPlainTextEdit("x")):
        menu = widget.createStandardContextMenu()
        texts = [a.text().split("\t")[0] for a in menu.actions() if a.text()]
        assert texts[:2] == ["元に戻す(&U)", "やり直す(&R)"] and "すべてを選択" in texts
        assert [english_words(t) for t in texts] == [[]] * len(texts)

    buttons = QDialogButtonBox(QDialogButtonBox.StandardButton.Ok
                               | QDialogButtonBox.StandardButton.Cancel
                               | QDialogButtonBox.StandardButton.Save
                               | QDialogButtonBox.StandardButton.Close)
    assert sorted(b.text() for b in buttons.buttons()) == sorted(["OK", "キャンセル", "保存",
                                                                 "閉じる"])

    dialog = QFileDialog(None, "", str(tmp_path))
    dialog.setOption(QFileDialog.Option.DontUseNativeDialog)
    qtbot.addWidget(dialog)
    dialog.show()
    labels = {name: dialog.findChild(QLabel, name).text()
              for name in ("lookInLabel", "fileNameLabel", "fileTypeLabel")}
    assert labels == {"lookInLabel": "場所(&L):", "fileNameLabel": "ファイル名(&N):",
                      "fileTypeLabel": "ファイルの種類(&T):"}
    shown = [b.text() or b.toolTip() for b in dialog.findChildren(QAbstractButton)
             if b.isVisible()]
    assert shown and [w for t in shown for w in english_words(t)] == []


def test_language_setting_is_applied_at_start(qapp, tmp_path):
    build(out=tmp_path)
    assert i18n.install(QCoreApplication.instance(), "en", tmp_path) == "en"
    assert i18n.resolve("ja") == "ja"


def test_settings_dialog_stores_the_choices(qtbot, ui_settings):
    from ui.dialogs.settings_dialog import SettingsDialog

    dialog = SettingsDialog(ui_settings)
    qtbot.addWidget(dialog)
    dialog.language.setCurrentIndex(dialog.language.findData("ja"))
    dialog.auditor.setText("Haruka Sato")
    dialog.checklist.setCurrentIndex(dialog.checklist.findData("ja"))
    dialog.accept()
    assert (LANGUAGE.get(ui_settings), AUDITOR_NAME.get(ui_settings),
            CHECKLIST_LANGUAGE.get(ui_settings)) == ("ja", "Haruka Sato", "ja")


def test_checklist_language_is_independent_of_the_ui(open_editor, audit, ws, ui_settings):
    CHECKLIST_LANGUAGE.set(ui_settings, "ja")
    editor = open_editor(audit)
    assert "労働" in editor.panel.text.toPlainText()
    assert "voluntary" not in editor.panel.text.toPlainText()
    assert editor.header.complete_button.text() == "Complete…"


def test_demo_task_reports_progress_and_creates_the_folder(qtbot, tmp_path):
    from ui.operations.demo import demo_task

    task = demo_task(tmp_path / "demo")
    seen = []
    task.signals.progressed.connect(lambda done, total: seen.append((done, total)))
    with qtbot.waitSignal(task.signals.succeeded, timeout=120_000) as result:
        task.start()
    assert result.args[0]["audits"] > 0
    assert (tmp_path / "demo" / "sva.db").exists()
    assert not (tmp_path / "demo.partial").exists()
    assert seen and seen[-1][0] == seen[-1][1]


def test_cancelling_the_demo_task_keeps_nothing(qtbot, tmp_path):
    from ui.operations.demo import demo_task

    task = demo_task(tmp_path / "demo")
    task.signals.progressed.connect(lambda done, total: task.cancel())
    with qtbot.waitSignal(task.signals.cancelled, timeout=120_000):
        task.start()
    assert task.finished.wait(10)
    assert not (tmp_path / "demo").exists() and not (tmp_path / "demo.partial").exists()


def test_open_from_the_audits_list_and_start_a_planned_visit(qtbot, ws, planned_audit,
                                                              ui_settings):
    audit = planned_audit
    from PySide6.QtCore import Qt
    from ui.main_window import MainWindow

    window = MainWindow(ws, settings=ui_settings)
    qtbot.addWidget(window)
    window.show()
    qtbot.waitExposed(window)
    table = window.audits_view.table
    table.setFocus()
    table.setCurrentIndex(table.model().index(0, 0))
    assert window.audits_view.open_button.text() == "Start visit"
    qtbot.keyClick(table, Qt.Key.Key_Return)                      # Enter opens, not starts
    assert window.tabs.currentWidget().audit_id == audit
    assert ws.audits.audit(audit)["status"] == "planned"
    window.show_tab(window.AUDITS_TAB)
    qtbot.mouseClick(window.audits_view.open_button, Qt.MouseButton.LeftButton)
    dialog = window.tabs.currentWidget().lifecycle.start_dialog     # confirm the date
    assert dialog.isVisible() and ws.audits.audit(audit)["status"] == "planned"
    qtbot.mouseClick(dialog.start_button, Qt.MouseButton.LeftButton)
    assert ws.audits.audit(audit)["status"] == "in_progress"
    assert window.tabs.count() == 3                               # the same editor tab


def test_screenshots_include_the_editor_and_finding(qapp, demo_folder, tmp_path):
    from ui import screenshots

    assert screenshots.main(["--data-dir", str(demo_folder), "-o", str(tmp_path)]) == 0
    for name in ("editor.png", "finding.png"):
        assert (tmp_path / name).read_bytes()[:8] == b"\x89PNG\r\n\x1a\n"
