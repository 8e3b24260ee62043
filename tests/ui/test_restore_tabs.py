"""The audit tabs open when the app closed are open again at the next start, the one shown
too. Each start is its own process (tests/ui/app_child.py runs `ui.app.main`), with its
settings in a temporary folder, as two days of work on one laptop."""
from __future__ import annotations

import shutil

import pytest

from sva.workspace import Workspace
from tests.ui.app_child import run_app
from tests.ui.ui_demo import demo_master  # noqa: F401


@pytest.fixture
def data(tmp_path, demo_master):  # noqa: F811
    copy = tmp_path / "demo"
    shutil.copytree(demo_master, copy, ignore=shutil.ignore_patterns("backups"))
    return copy


def two_audits(data) -> tuple[str, str]:
    ws = Workspace(data)
    try:
        rows = ws.queries.audits()
        return rows[2]["id"], rows[5]["id"]
    finally:
        ws.close()


def test_open_audits_and_the_one_shown_come_back_after_a_restart(tmp_path, data):
    first, second = two_audits(data)
    # Day one: open two audits, go back to the first, quit.
    [before] = run_app(tmp_path, data, f"open:{first}", f"open:{second}", f"open:{first}",
                       "report", "close")
    assert before["tabs"] == [first, second] and before["shown"] == first

    [after] = run_app(tmp_path, data, "report", "close")

    assert after["tabs"] == [first, second]
    assert after["shown"] == first
    assert after["focus_in_editor"] and after["focus"] == "checklistTree"


def test_closing_every_audit_tab_starts_on_the_list_next_time(tmp_path, data):
    first, _ = two_audits(data)
    run_app(tmp_path, data, f"open:{first}", "key:Ctrl+W", "close")
    [after] = run_app(tmp_path, data, "report", "close")
    assert after["tabs"] == [] and after["shown"] == ""
    assert after["focus"] == "auditsTable"


def test_an_audit_gone_since_is_skipped_silently(tmp_path, data):
    first, second = two_audits(data)
    run_app(tmp_path, data, f"open:{first}", f"open:{second}", "close")
    ws = Workspace(data)       # e.g. withdrawn by HQ at the last sync
    with ws.db.atomic():
        ws.db.execute("UPDATE audits SET deleted = 1 WHERE id = ?", [second])
    ws.close()

    [after] = run_app(tmp_path, data, "report", "close")

    assert after["tabs"] == [first]
    assert after["shown"] == ""   # the tab shown last was the one gone: the list instead
    assert after["focus"] == "auditsTable"


def test_another_data_folder_opens_none_of_them(tmp_path, data):
    first, second = two_audits(data)
    run_app(tmp_path, data, f"open:{first}", f"open:{second}", "close")
    [other] = run_app(tmp_path, tmp_path / "empty", "report", "close")
    assert other["tabs"] == [] and other["focus"] == "auditsTable"
    [back] = run_app(tmp_path, data, "report", "close")
    assert back["tabs"] == []   # the other folder's session closed with no audit open
