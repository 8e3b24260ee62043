"""The main window, as an auditor uses it: lists, filters, sorting, shortcuts, settings."""
from __future__ import annotations

import shutil
import sqlite3
from datetime import date, timedelta

import pytest
from PySide6.QtCore import QPoint, Qt
from PySide6.QtWidgets import QApplication, QDialog, QMessageBox

from sva import __version__
from sva.demo import build_demo
from sva.errors import BadInput
from ui import app
from ui.main_window import MainWindow
from ui.models import SORT_ROLE

from tests.ui.app_child import run_app
from tests.ui.ui_demo import demo, demo_master  # noqa: F401


def column_texts(view, key: str) -> list[str]:
    col = view.model.column_index(key)
    return [view.proxy.index(r, col).data() for r in range(view.proxy.rowCount())]


def shown_rows(view) -> list[dict]:
    return [view.model.row(view.proxy.mapToSource(view.proxy.index(r, 0)).row())
            for r in range(view.proxy.rowCount())]


def click_header(qtbot, table, column: int) -> None:
    header = table.horizontalHeader()
    pos = QPoint(header.sectionViewportPosition(column) + header.sectionSize(column) // 2,
                 header.height() // 2)
    qtbot.mouseClick(header.viewport(), Qt.MouseButton.LeftButton, pos=pos)


def test_audits_table_lists_every_audit(window, demo_ws):
    audits = demo_ws.queries.audits()
    assert audits
    assert window.audits_view.table.model().rowCount() == len(audits)
    supplier_cells = column_texts(window.audits_view, "supplier")
    assert any(cell.startswith(audits[0]["supplier_code"]) for cell in supplier_cells)


def test_supplier_cell_shows_japanese_name_as_tooltip(window, demo_ws):
    view = window.audits_view
    col = view.model.column_index("supplier")
    row = view.model.row(0)
    assert row["supplier_name_ja"] in view.model.index(0, col).data(Qt.ItemDataRole.ToolTipRole)


def test_status_is_text_with_an_icon(window):
    view = window.audits_view
    col = view.model.column_index("status")
    index = view.model.index(0, col)
    assert index.data() in {"Planned", "Overdue", "In progress", "Completed", "Signed", "Synced"}
    assert not index.data(Qt.ItemDataRole.DecorationRole).isNull()


def test_progress_shows_answered_of_items(window):
    view = window.audits_view
    row = view.model.row(0)
    cell = view.model.index(0, view.model.column_index("progress")).data()
    assert cell == f"{row['answered']}/{row['items']}"


def test_status_filter_planned_leaves_only_planned_rows(window, demo_ws):
    view = window.audits_view
    view.status.setCurrentIndex(view.status.findData("planned"))
    rows = shown_rows(view)
    assert rows and {r["status"] for r in rows} == {"planned"}
    assert len(rows) == len(demo_ws.queries.audits(status="planned"))
    view.status.setCurrentIndex(view.status.findData(None))
    assert view.proxy.rowCount() == view.model.rowCount()


def test_kind_filter_keeps_only_that_kind(window, demo_ws):
    view = window.audits_view
    view.kind.setCurrentIndex(view.kind.findData("infosec"))
    assert {r["kind"] for r in shown_rows(view)} == {"infosec"}
    assert view.proxy.rowCount() == len(demo_ws.queries.audits(kind="infosec"))


def test_audits_search_matches_supplier_code(qtbot, window, demo_ws):
    code = demo_ws.queries.audits()[0]["supplier_code"]
    qtbot.keyClicks(window.audits_view.search, code.lower())
    rows = shown_rows(window.audits_view)
    assert rows and {r["supplier_code"] for r in rows} == {code}


def test_suppliers_search_for_japanese_text_filters_rows(qtbot, window, demo_ws):
    suppliers = demo_ws.queries.suppliers()
    needle = next(s["name_ja"] for s in suppliers if s["name_ja"])[:2]
    expected = {s["code"] for s in suppliers
                if any(needle in (s[k] or "") for k in ("code", "name_en", "name_ja"))}
    window.show_tab(MainWindow.SUPPLIERS_TAB)     # the tab reads its rows when first shown
    window.suppliers_view.search.setText(needle)  # QTest.keyClicks is Latin-1 only
    shown = {r["code"] for r in shown_rows(window.suppliers_view)}
    assert shown == expected
    assert 0 < len(shown) < len(suppliers)


def test_suppliers_region_filter(window):
    window.show_tab(MainWindow.SUPPLIERS_TAB)
    view = window.suppliers_view
    view.region.setCurrentIndex(view.region.findData("JP"))
    rows = shown_rows(view)
    assert rows and {r["region"] for r in rows} == {"JP"}


def test_sorting_by_spend_is_numeric(qtbot, window):
    window.show_tab(MainWindow.SUPPLIERS_TAB)
    window.show()
    qtbot.waitExposed(window)
    view = window.suppliers_view
    col = view.model.column_index("annual_spend")
    click_header(qtbot, view.table, col)
    assert view.table.horizontalHeader().sortIndicatorSection() == col
    if view.table.horizontalHeader().sortIndicatorOrder() != Qt.SortOrder.DescendingOrder:
        click_header(qtbot, view.table, col)
    assert view.table.horizontalHeader().sortIndicatorSection() == col
    raw = [view.proxy.index(r, col).data(SORT_ROLE) for r in range(view.proxy.rowCount())]
    assert raw == sorted(raw, reverse=True)
    shown = column_texts(view, "annual_spend")
    assert shown != sorted(shown, reverse=True), "demo data cannot tell text from numeric sort"
    assert "," in shown[0]


def test_spend_is_right_aligned(window):
    window.show_tab(MainWindow.SUPPLIERS_TAB)
    view = window.suppliers_view
    align = view.model.index(0, view.model.column_index("annual_spend")).data(
        Qt.ItemDataRole.TextAlignmentRole)
    assert Qt.AlignmentFlag(align) & Qt.AlignmentFlag.AlignRight


def test_critical_column_says_why_in_tooltip(window):
    window.show_tab(MainWindow.SUPPLIERS_TAB)
    view = window.suppliers_view
    col = view.model.column_index("critical")
    number = next(n for n, r in enumerate(view.model.rows()) if r["critical"])
    index = view.model.index(number, col)
    assert index.data() == "critical"
    assert "Critical because" in index.data(Qt.ItemDataRole.ToolTipRole)


def test_ctrl_2_and_ctrl_1_switch_tabs(qtbot, window):
    window.show()
    qtbot.waitExposed(window)
    window.activateWindow()
    qtbot.waitUntil(window.isActiveWindow)
    assert window.tabs.currentWidget() is window.audits_view
    qtbot.keyClick(window, Qt.Key.Key_2, Qt.KeyboardModifier.ControlModifier)
    assert window.tabs.currentWidget() is window.suppliers_view
    qtbot.keyClick(window, Qt.Key.Key_1, Qt.KeyboardModifier.ControlModifier)
    assert window.tabs.currentWidget() is window.audits_view


def test_suppliers_tab_reads_its_rows_when_first_shown(window, demo_ws):
    assert window.suppliers_view.model.rowCount() == 0
    window.show_tab(MainWindow.SUPPLIERS_TAB)
    assert window.suppliers_view.model.rowCount() == len(demo_ws.queries.suppliers())


def test_status_bar_shows_folder_and_counts(window, demo_ws, demo_folder):
    audits, suppliers = len(demo_ws.queries.audits()), len(demo_ws.queries.suppliers())
    assert window.counts_label.text() == f"{audits} audits · {suppliers} suppliers"
    assert str(demo_folder) in window.folder_label.text()


def test_menus_have_the_promised_shortcuts(window):
    shortcuts = {a.objectName(): a.shortcut().toString()
                 for a in (window.refresh_action, window.quit_action, window.audits_action,
                           window.suppliers_action)}
    assert shortcuts == {"refreshAction": "F5", "quitAction": "Ctrl+Q",
                         "auditsAction": "Ctrl+1", "suppliersAction": "Ctrl+2"}


def test_about_shows_the_version(qtbot, window):
    window.about_action.trigger()          # tests/ui/test_about.py shows what else it says
    qtbot.waitUntil(lambda: window.findChild(QDialog, "aboutDialog") is not None)
    about = window.findChild(QDialog, "aboutDialog")
    assert about.rows["sva"].text() == __version__
    about.reject()


def test_refresh_rereads_the_workspace(qtbot, ws, ui_settings):
    win = MainWindow(ws, settings=ui_settings)
    qtbot.addWidget(win)
    win.show_tab(MainWindow.SUPPLIERS_TAB)
    assert win.suppliers_view.model.rowCount() == 0
    ws.suppliers.add(code="S900", name_en="Kanto Parts", name_ja="関東部品", country="JP")
    win.refresh_action.trigger()
    assert win.suppliers_view.model.rowCount() == 1
    assert win.counts_label.text() == "0 audits · 1 suppliers"


def test_geometry_and_tab_survive_a_restart(qtbot, demo_ws, ui_settings):
    first = MainWindow(demo_ws, settings=ui_settings)
    qtbot.addWidget(first)
    assert first.width() <= 1280 and first.height() <= 760
    # The offscreen screen is only 800×600 and restoring clamps to the screen, so the
    # remembered size must fit it (the minimum width, 900, wins over the screen's 800).
    remembered = (first.minimumWidth(), first.height() - 30)
    first.resize(*remembered)
    first.show_tab(MainWindow.SUPPLIERS_TAB)
    first.close()
    second = MainWindow(demo_ws, settings=ui_settings)
    qtbot.addWidget(second)
    assert (second.width(), second.height()) == remembered
    assert second.tabs.currentIndex() == MainWindow.SUPPLIERS_TAB


def test_app_refuses_a_database_from_a_newer_sva(tmp_path, monkeypatch, qapp):
    (tmp_path / "new").mkdir()
    with sqlite3.connect(tmp_path / "new" / "sva.db") as conn:
        conn.execute("PRAGMA user_version = 9999")
    errors = []
    monkeypatch.setattr(QMessageBox, "critical", lambda parent, title, text: errors.append(text))
    assert app.main(data_dir=tmp_path / "new", argv=["sva"]) == 1
    assert errors and "9999" in errors[0]


def test_build_demo_twice_is_refused_so_ui_tests_read_one_data_set(demo_folder):
    with pytest.raises(BadInput):
        build_demo(demo_folder, seed=1)


def test_screenshots_script_writes_both_tabs(qapp, demo_folder, tmp_path):
    from ui import screenshots

    assert screenshots.main(["--data-dir", str(demo_folder), "-o", str(tmp_path / "shots")]) == 0
    for name in ("main-audits.png", "main-suppliers.png"):
        assert (tmp_path / "shots" / name).read_bytes()[:8] == b"\x89PNG\r\n\x1a\n"


def _planned(ws, supplier, days_from_today: int) -> str:
    day = (date.today() + timedelta(days=days_from_today)).isoformat()
    return ws.audits.create(supplier_id=supplier["id"], site_id=supplier["site"],
                            template_ref=ws.templates.latest("svr"), planned_date=day,
                            auditors=["Haruka Sato"])


def test_planned_visits_list_nearest_first_with_overdue_ones_on_top(qtbot, ws, supplier,
                                                                   ui_settings):
    later, overdue, soon, today = (_planned(ws, supplier, 30), _planned(ws, supplier, -5),
                                   _planned(ws, supplier, 3), _planned(ws, supplier, 0))
    win = MainWindow(ws, settings=ui_settings)
    qtbot.addWidget(win)
    view = win.audits_view

    assert [r["id"] for r in shown_rows(view)] == [overdue, today, soon, later]
    assert view.table.horizontalHeader().sortIndicatorSection() == -1
    status = view.model.index(0, view.model.column_index("status"))
    assert status.data() == "Overdue"
    assert "not started" in status.data(Qt.ItemDataRole.ToolTipRole)
    assert status.data(Qt.ItemDataRole.ForegroundRole) is not None
    assert column_texts(view, "status")[1:] == ["Planned"] * 3


def test_a_third_click_on_a_header_returns_to_the_agenda_order(qtbot, ws, supplier, signed,
                                                               ui_settings):
    ids = [_planned(ws, supplier, days) for days in (20, -2, 5)] + [signed]   # signed: May
    win = MainWindow(ws, settings=ui_settings)
    qtbot.addWidget(win)
    win.show()
    qtbot.waitExposed(win)
    view = win.audits_view
    agenda = [r["id"] for r in shown_rows(view)]
    assert agenda == [ids[1], ids[2], ids[0], signed]
    date_column = view.model.column_index("date")
    orders = []
    for _ in range(3):
        click_header(qtbot, view.table, date_column)
        orders.append([r["id"] for r in shown_rows(view)])
    by_date = [signed, ids[1], ids[2], ids[0]]
    assert sorted(orders[:2]) == sorted([by_date, by_date[::-1]])
    assert orders[2] == agenda
    assert view.table.horizontalHeader().sortIndicatorSection() == -1


@pytest.fixture
def active_window(qtbot, demo, ui_settings):
    """The main window on a writable demo copy, shown and active, as the app starts it."""
    win = MainWindow(demo, settings=ui_settings)
    qtbot.addWidget(win)
    win.show()
    qtbot.waitExposed(win)
    win.activateWindow()
    qtbot.waitUntil(win.isActiveWindow)
    return win


def opened_audit(win) -> str | None:
    editor = win.tabs.currentWidget()
    return getattr(editor, "audit_id", None)


def test_the_audits_list_has_the_keyboard_and_return_opens_the_first_row(qtbot, active_window):
    view = active_window.audits_view
    assert QApplication.focusWidget() is view.table
    assert view.table.currentIndex().row() == 0
    assert view.table.selectionModel().isRowSelected(0)
    first = shown_rows(view)[0]["id"]
    qtbot.keyClick(view.table, Qt.Key.Key_Return)
    assert opened_audit(active_window) == first
    assert QApplication.focusWidget() is active_window.tabs.currentWidget().tree


def test_return_in_the_filter_opens_the_first_matching_audit(qtbot, active_window, demo):
    view = active_window.audits_view
    wanted = next(a for a in demo.queries.audits() if a["status"] == "in_progress")
    qtbot.keyClick(active_window, Qt.Key.Key_F, Qt.KeyboardModifier.ControlModifier)
    assert QApplication.focusWidget() is view.search
    qtbot.keyClicks(view.search, wanted["supplier_code"])
    matches = shown_rows(view)
    assert 0 < len(matches) < view.model.rowCount()
    qtbot.keyClick(view.search, Qt.Key.Key_Return)
    assert opened_audit(active_window) == matches[0]["id"]


def test_return_in_the_filter_opens_the_selected_match(qtbot, active_window):
    view = active_window.audits_view
    qtbot.keyClick(active_window, Qt.Key.Key_F, Qt.KeyboardModifier.ControlModifier)
    qtbot.keyClick(view.search, Qt.Key.Key_Down)          # Down: into the list
    assert QApplication.focusWidget() is view.table
    qtbot.keyClick(view.table, Qt.Key.Key_Down)
    second = shown_rows(view)[1]["id"]
    assert view.current_row()["id"] == second
    qtbot.keyClick(active_window, Qt.Key.Key_F, Qt.KeyboardModifier.ControlModifier)
    qtbot.keyClick(view.search, Qt.Key.Key_Return)
    assert opened_audit(active_window) == second


def test_return_on_the_open_button_opens_the_audit(qtbot, active_window, demo):
    view = active_window.audits_view
    in_progress = next(n for n, r in enumerate(shown_rows(view)) if r["status"] == "in_progress")
    view.table.setCurrentIndex(view.proxy.index(in_progress, 0))
    for _ in range(10):                                          # Tab to it, as a user does
        qtbot.keyClick(QApplication.focusWidget(), Qt.Key.Key_Tab)
        if QApplication.focusWidget() is view.open_button:
            break
    assert QApplication.focusWidget() is view.open_button
    assert view.open_button.text() == "Open"
    qtbot.keyClick(view.open_button, Qt.Key.Key_Return)
    assert opened_audit(active_window) == shown_rows(view)[in_progress]["id"]


def test_closing_the_audit_gives_the_keyboard_back_to_the_list(qtbot, active_window):
    qtbot.keyClick(active_window.audits_view.table, Qt.Key.Key_Return)
    assert opened_audit(active_window)
    qtbot.keyClick(active_window, Qt.Key.Key_W, Qt.KeyboardModifier.ControlModifier)
    assert opened_audit(active_window) is None
    assert QApplication.focusWidget() is active_window.audits_view.table


def test_the_real_app_starts_with_the_keyboard_on_the_first_audit(tmp_path, demo_master):
    """`ui.app.main` in its own process: the window paints, the list fills, and then the
    keyboard is in the list on its first row, so Return alone opens that audit."""
    data = tmp_path / "demo"
    shutil.copytree(demo_master, data, ignore=shutil.ignore_patterns("backups"))
    started, opened = run_app(tmp_path, data, "report", "key:Return", "report", "close")
    assert started["focus"] == "auditsTable"
    assert started["current_row"] == started["first_row"] is not None
    assert opened["tabs"] == [started["first_row"]] == [opened["shown"]]
    assert opened["focus"] == "checklistTree" and opened["focus_in_editor"]


@pytest.fixture
def home_ws(tmp_path, monkeypatch):
    """A fresh data folder in the user's home folder (HOME set to a temporary one)."""
    from sva.workspace import Workspace
    monkeypatch.setenv("HOME", str(tmp_path / "home"))
    ws = Workspace(tmp_path / "home" / "SVA")
    yield ws
    ws.close()


def test_status_bar_shows_a_data_folder_under_home_as_tilde(home_ws, qtbot, tmp_path,
                                                             ui_settings):
    """Shorter, and a screenshot of the window shows no account or machine folder."""
    from sva.paths import shown
    win = MainWindow(home_ws, settings=ui_settings)
    qtbot.addWidget(win)
    win.reload_lists()
    text = win.folder_label.text()
    assert "~/SVA" in text and str(tmp_path) not in text
    assert win.folder_label.toolTip() == str(home_ws.folder)     # the full path on hover
    outside = tmp_path / "elsewhere"
    assert shown(outside) == str(outside)


def test_the_screenshots_script_gives_the_home_folder_back(qapp, demo_folder, tmp_path):
    """It shows its copy of the data as ~/SVA by pointing HOME at a scratch folder for a
    while; whoever ran it in-process keeps their own home afterwards."""
    import os
    from ui import screenshots
    before = os.environ.get("HOME")
    assert screenshots.main(["--data-dir", str(demo_folder), "-o", str(tmp_path)]) == 0
    assert os.environ.get("HOME") == before
