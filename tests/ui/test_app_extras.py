"""Japanese UI, settings, demo creation in the background, editor screenshots."""
from __future__ import annotations

import pytest
from PySide6.QtCore import QCoreApplication, QTranslator

from ui import i18n
from ui.i18n_build import build
from ui.settings import AUDITOR_NAME, CHECKLIST_LANGUAGE, LANGUAGE


@pytest.fixture
def japanese(qapp, tmp_path):
    [qm] = build(out=tmp_path)
    translator = QTranslator()
    assert translator.load(str(qm))
    QCoreApplication.installTranslator(translator)
    yield
    QCoreApplication.removeTranslator(translator)


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
