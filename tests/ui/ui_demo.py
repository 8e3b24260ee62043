"""A writable copy of the seed-1 demo per test (built once per session) and an editor on it."""
from __future__ import annotations

import shutil

import pytest

from sva.demo import build_demo
from sva.workspace import Workspace


@pytest.fixture(scope="session")
def demo_master(tmp_path_factory):
    folder = tmp_path_factory.mktemp("demo-master") / "demo"
    build_demo(folder, seed=1)
    return folder


@pytest.fixture
def demo(tmp_path, demo_master):
    copy = tmp_path / "demo"
    shutil.copytree(demo_master, copy, ignore=shutil.ignore_patterns("backups"))
    workspace = Workspace(copy)
    yield workspace
    workspace.close()


def audit_with(ws, status: str, photos: bool = False) -> str:
    rows = [a for a in ws.queries.audits() if a["status"] == status]
    if photos:
        rows = [a for a in rows if ws.photos.of_audit(a["id"])]
    return rows[0]["id"]


@pytest.fixture
def editor_on(qtbot, demo, ui_settings):
    from ui.editor.audit_editor import AuditEditor

    def make(audit_id):
        editor = AuditEditor(demo, audit_id, settings=ui_settings)
        qtbot.addWidget(editor)
        editor.resize(1366, 740)
        editor.show()
        qtbot.waitExposed(editor)
        return editor
    return make


def wait_tasks(qtbot, *holders):
    """Let worker tasks that are still running finish before the workspace closes."""
    for holder in holders:
        task = getattr(holder, "task", None)
        if task is not None:
            qtbot.waitUntil(task.finished.is_set, timeout=30000)
